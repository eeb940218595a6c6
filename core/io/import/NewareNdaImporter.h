#pragma once
/// \file NewareNdaImporter.h
/// Neware BTSDA binary `.nda` (echem.md §7): version 29 (NewareNdaV29.h) and version 130 (BTS 9.x),
/// the latter's layout as publicly described by
/// NewareNDA (Solid-Energy-Systems) and checked against its reference decode of a real file:
/// - bytes 0–5 `NEWARE`, 6–13 a date, byte 14 the file version (130 = 0x82, 29 = 0x1D; others are refused
///   with "unsupported version N"; the BTS 9.1 variant of 130, records from byte 1024 starting 0x55, is
///   refused as an unsupported variant);
/// - from byte 1024, 88-byte slots: a data record starts with the same 6 bytes as the first one
///   (0x55 …), an auxiliary record with 00 00 00 00 0x65; the first other slot ends the records (the file's
///   closing section follows);
/// - a data record, counted from its byte 4: step u8 at 5, status u8 at 6, data-point number u32 at 12,
///   test time u64 µs at 24, voltage f32 V at 32, current f32 mA at 36, charge capacity f32 mA·s at 48,
///   charge energy f32 mW·s at 52, discharge capacity f32 mA·s at 56, discharge energy f32 mW·s at 60,
///   clock u64 µs since 1970 at 64.
/// Capacities and energies become mAh and mWh; discharge counters are written negative and become
/// positive. The status code gives State (charge +1, discharge −1, rest 0; pulse and others: the sign of
/// the current). The file holds no cycle number: Cycle counts cycles as BTSDA's "charge first" statistic
/// does (a charge step after a discharge starts a new cycle), named in metadata["cycle_source"].
#include "io/import/Importer.h"

namespace vanadis {

/// Reads Neware .nda files of versions 29 and 130.
class NewareNdaImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("neware-nda"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
