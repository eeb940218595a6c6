#pragma once
/// \file ZviewImporter.h
/// Scribner ZPlot/ZView `.z` text (echem.md §7): `ZPLOT2 ASCII`, indented `key: value` header lines,
/// `End Comments`, then rows of (at least six) TAB- or space-separated numbers with the frequency in
/// column 1 and Z', Z'' in columns 5 and 6 (Z'' negative for capacitive behaviour, as written). Produces
/// one "eis" dataset in the EisImportSupport.h shape; header Date/Time/Experiment Type go to metadata.

#include "io/import/Importer.h"

namespace vanadis {

class ZviewImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("zview-z"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
