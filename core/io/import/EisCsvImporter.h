#pragma once
/// \file EisCsvImporter.h
/// Impedance tables as CSV/TSV/TXT: three columns frequency, Z', Z'' (comma, semicolon, TAB or
/// whitespace separated, optionally one header line; a decimal comma with ';' or TAB). Either sign
/// convention of the imaginary part is accepted (echem.md §7: headerless files differ): a header that
/// names it "-Z''", "-Im(Z)", "-Zimag" … is negated; without such a header the column is negated when
/// most of its values are positive (a spectrum is capacitive over most of its range) — metadata
/// imaginary_sign says which ("as read" / "negated"), and a warning names the choice. Output: one "eis"
/// dataset in the EisImportSupport.h shape. Claims a file only when its first rows are three numbers
/// with a positive, log-spaced, monotonic first column (a frequency sweep, factor > 1.5 over six rows);
/// everything else goes to the generic reader.

#include "io/import/Importer.h"

namespace vanadis {

class EisCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("eis-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
