#pragma once
/// \file NewareNdaV29.h
/// Neware BTSDA binary `.nda` of file version 29 (byte 14 = 0x1D; navani's test file is of 2020), layout as
/// publicly described by NewareNDA (Solid-Energy-Systems) and checked on a real file of 2020 (navani's
/// test.nda):
/// - header: u32 active mass in µg at byte 152 (NewareNDA reports it /1000 as mg; BTSDA asks for the mass
///   in mg with three decimals, so an integer in µg holds every value it accepts); ASCII remarks at
///   2317–2416; u32 start of the record section at 64, its length at 68 and the file's length at 72 (seen
///   on the real file: start + length = file length; used to tell a file cut at a record boundary);
/// - records: 86-byte slots from the record section on; a data record starts 0x55 0x00, an auxiliary one
///   0x65, and slots starting 0xAA (copies of neighbouring points with zero current on the real file) are
///   not data (NewareNDA does not read them either); bytes 82–85 of a slot are zero;
/// - a data record: data-point number u32 at 2, the file's loop counter u32 at 6 (0-based), step number
///   u16 at 10, status u8 at 12, **step** time u64 ms at 14, voltage i32 in 0.1 mV at 22, current i32 at
///   26, charge / discharge capacity i64 at 38 / 46 and charge / discharge energy i64 at 54 / 62, clock
///   (u16 year, u8 month, day, hour, minute, second) at 70, current range i32 at 78.
/// Cycle counts cycles charge first (NewareStatus.h) as the version-130 reader does; File Cycle keeps the
/// file's loop counter + 1. Current, capacities and energies are integers scaled by the current range
/// (kCurrentRangeScale): current × scale = mA, capacity × scale = mA·s, energy × scale = mW·s. The records
/// hold no test time: Time is the running sum of the step times (each step's first record is written at step
/// time 0 at the clock second of the previous step's last record; on the real file the sum agrees with the
/// 1-s clock to 1 s).
#include "io/import/Importer.h"

namespace vanadis {

/// Decodes the records of a version-29 .nda (\a bytes, whose byte 14 is 29) into one cycling_record
/// dataset, or fails naming \a fileName and the byte offset at fault; nothing is returned half-read.
Expected<ImportedDataset> readNdaVersion29(const QByteArray& bytes, const QString& fileName);

} // namespace vanadis
