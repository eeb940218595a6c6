#pragma once
/// \file BrukerRawImporter.h
/// Bruker/Siemens DIFFRAC binary .raw, all four layouts (little-endian; xrd.md §10), told apart by the magic:
/// - v1 "RAW ": per range a 156-byte header (u32 points at +4, float32 time/step +8, step +12, start +24,
///   sample name +40, Kα1 +72, Kα2 +76, u32 "another range follows" +152), then float32 counts;
/// - v2 "RAW2": u16 range count at 4, date at 168, anode at 188, float32 Kα1/Kα2/ratio at 190/194/198;
///   ranges from 256: u16 header length, u16 points, float32 time/step +8, step +12, start +16, counts;
/// - v3 "RAW1.01": 712-byte header (u32 range count at 12, date 16, time 26, sample 326, anode 608,
///   float64 Kα average/Kα1/Kα2/Kβ/ratio at 616…648); per range a 304-byte header (u32 points +4, float64
///   start 2θ +16, step +176, float32 time/step +192, u32 kV/mA +224/+228, u32 record size +252,
///   supplementary size +256), then records whose first float32 is the count (followed by the measured
///   2θ as float64 when bit 0 of the varying-parameter mask at +248 is set);
/// - v4 "RAW4.00": 61-byte preamble (date 12, time 24), a chain of (u32 type, u32 length) segments (10:
///   named text, 30: tube with float64 Kα average/Kα1/Kα2/Kβ/ratio at +72…+104 and anode +116), ranges
///   marked by type 0 or 160: a 160-byte header (scan type +32, float64 start +72, step +80, u32 points
///   +88, float32 time/step +92, u32 datum size +136, u32 extra header size +140), then the records.
/// Offsets from Bruker's DIFFRAC^plus XCH manual (appendix A) as described by the xylib authors and two
/// independent readers; v3 and v4 checked on real files, v1 and v2 on generated files only. Every offset
/// is bounds-checked: a cut or garbled file is an error naming the byte, never a read past the end.

#include "io/import/Importer.h"

namespace vanadis {

class BrukerRawImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("bruker-raw"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// The format closes its data (end tags, end markers, declared point counts), so a cut file is refused.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
