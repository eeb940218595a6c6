#pragma once
/// \file MicromeriticsCsvImporter.h
/// Micromeritics (MicroActive / ASAP / TriStar) isotherm tables exported as delimited text: columns in
/// pairs "Relative Pressure (p/p°)" + "Quantity Adsorbed (<unit>)", adsorption first and desorption
/// second, side by side with blank cells where a branch is shorter; often ';' with a decimal comma and
/// cp1252 ("cm³" written as one byte), see bet.md §9.

#include "io/import/Importer.h"

namespace vanadis {

class MicromeriticsCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("micromeritics-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
