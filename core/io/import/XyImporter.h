#pragma once
/// \file XyImporter.h
/// Plain two- or three-column powder patterns (.xy, .xye, and any text forced to this reader): optional
/// header lines (comments or column names), then rows "2θ intensity [σ]" separated by whitespace, tab or
/// semicolon, or by commas when nothing else separates them; a comma between other separators is a
/// decimal comma ("10,02\t123"). Columns "2Theta" (deg), "Intensity" (counts), "Sigma" for a third
/// column. Claims .xy/.xye files whose first data rows have two or three numbers and whose header does
/// not name an energy axis (SpecsLab XPS exports are .xy too), and .dat/.txt files whose rows read as an
/// equidistant 2θ scan with lines (Fityk's samples; no header needed); other text stays with
/// the generic delimited reader (and its column-mapping dialog). With a forced technique other than XRD
/// or a column mapping, the file is read by the generic delimited reader.

#include "io/import/Importer.h"

namespace vanadis {

class XyImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("xrd-xy"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
