#pragma once
/// \file NewareNdaxImporter.h
/// Neware BTSDA `.ndax` (echem.md §7): a zip of XML (Step.xml, TestInfo.xml, VersionInfo.xml …) and binary
/// `.ndc` tables. Layout facts as publicly described by the NewareNDA (Solid-Energy-Systems) and fastnda
/// (Empa) projects, each checked here on the real files in ../shared/testdata/echem/neware:
/// - an .ndc is 4096-byte pages; page 0 is the header (byte 0 the table type: 1 data, 7 steps, 18 run
///   information; byte 2 the version); every other page holds fixed-size rows from byte 132, a u16 row
///   count at byte 2 and a bit map of the rows in use from byte 4 (bit r of byte 4 + r/8);
/// - version 5: data.ndc alone, 87-byte rows: 0x55 at 0 (0x65/0x74 = auxiliary rows), data-point u32 at 1,
///   cycle u32 (from 0) at 5, step u8 at 9, status u8 at 10, step time u64 ms at 16, voltage i32 ×10⁻⁴ V at
///   24, current i32 at 28, charge/discharge capacity i64 at 36/44, charge/discharge energy i64 at 52/60,
///   clock (u16 year, month, day, hour, minute, second) at 68, current range i32 at 75, test time u64 ms
///   at 79; current × m(range) is mA, capacities and energies × m(range)/3600 are mAh and mWh;
/// - versions 14 and 17 (BTS 8): data.ndc rows are voltage f32 V and current f32 A only, numbered by
///   their slot (page·rows + row + 1); data_runInfo.ndc rows (55 bytes in 14, 100 in 17): step time u32
///   ms at 0, charge/discharge capacity and energy f32 Ah/Wh at 5, 9, 13, 17, interval i32 ms at 29, clock
///   u32 s at 33, data-point u32 at 41; data_step.ndc rows (37 / 100 bytes): cycle u32 (from 0) at 0, step
///   u32 at 4, status u8 at 24, step start (test time) u64 ms at 25, first data point u32 at 33.
///   BTSDA writes a run-information row only when the interval changes, at step ends and about once a
///   minute: a row without one continues the last (time + interval, capacity + |I|·interval), as BTSDA
///   shows it; the column Interpolated is 1 there and metadata names the count.
/// Cycle counts cycles as BTSDA's "charge first" statistic does (as the .nda reader); File Cycle keeps the
/// file's loop counter, which counts jumps of the protocol's Cycle step (nested loops put several
/// charge–discharge pairs in one of its cycles).
/// Other versions are refused with "unsupported .ndax data version N", naming the file and the zip entry.
#include "io/import/Importer.h"

namespace vanadis {

/// Reads Neware .ndax files whose data tables are of version 5, 14 or 17.
class NewareNdaxImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("neware-ndax"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
