#pragma once
/// \file GsasRawImporter.h
/// GSAS standard powder data (.gsa, .gss, .raw, .fxye; GSAS manual, Larson & Von Dreele): a title line,
/// optional `Instrument parameter` and `#` comment lines, then per bank a header
/// `BANK n NCHAN NREC CONST|CONS start step 0 0 STD|ESD|FXYE|FXY` with start and step in centidegrees, and
/// NREC fixed-width records: STD holds ten (I2 counters, F6.0 count) fields per 80-column record (σ =
/// √(count/counters)), ESD five (F8.0 intensity, F8.0 σ) pairs, FXYE free-format "2θ·100 I σ" lines, FXY
/// "2θ·100 I". Time-of-flight banks (RALF, SLOG, TIME_MAP) are refused: they are not 2θ patterns. A bank
/// with fewer points than NCHAN is refused; a last record cut inside a field cannot be told from a short
/// one, so parseFile() warns about a file that does not end with a line break.

#include "io/import/Importer.h"

namespace vanadis {

class GsasRawImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("gsas-raw"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
