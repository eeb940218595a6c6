#pragma once
/// \file RigakuRasImporter.h
/// Rigaku .ras (SmartLab Guidance, MiniFlex; xrd.md §10): Latin-1 (Shift-JIS comments are kept as bytes)
/// text, `*RAS_DATA_START`, then per scan `*RAS_HEADER_START` … `*KEY "value"` … `*RAS_HEADER_END`,
/// `*RAS_INT_START`, rows "2θ intensity attenuation-factor", `*RAS_INT_END`; `*RAS_DATA_END`. The
/// intensity is I × factor. Keys read: HW_XG_WAVE_LENGTH_ALPHA1/ALPHA2/BETA (Å), HW_XG_TARGET_NAME,
/// MEAS_SCAN_START/STOP/STEP, MEAS_SCAN_SPEED (+ _UNIT), MEAS_SCAN_START_TIME (MM/DD/YY HH:MM:SS),
/// MEAS_SCAN_UNIT_Y (counts or cps), MEAS_DATA_COUNT (checked against the rows), FILE_SAMPLE,
/// FILE_SYSTEM_NAME, MEAS_COND_XG_VOLTAGE/CURRENT. Several `*RAS_HEADER_START` blocks give several
/// datasets. A missing end marker or a row count other than MEAS_DATA_COUNT is an error (cut file).

#include "io/import/Importer.h"

namespace vanadis {

class RigakuRasImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("rigaku-ras"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// The format closes its data (end tags, end markers, declared point counts), so a cut file is refused.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
