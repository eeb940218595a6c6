#pragma once
/// \file MicromeriticsReportImporter.h
/// Micromeritics report text (TriStar II / ASAP / MicroActive "Save as text", usually UTF-16LE with a
/// BOM): the isotherm is printed in tables introduced by "- Adsorption" / "- Desorption" lines, a
/// title block naming "Relative Pressure (p/p°)" and "Quantity Adsorbed (<unit>)" (possibly wrapped
/// over several lines) and rows of whitespace-separated numbers; page headers may interrupt the
/// report. MicroActive/Gemini "Isotherm Tabular Report" pages hold both branches in one table without
/// branch lines (split at the highest pressure), five columns (p/p°, absolute pressure, amount, h:min
/// elapsed time, saturation pressure) and p0 on a line of its own above the points; the columns are
/// told apart by the units of the title block, in the order they are printed. The layout follows
/// public descriptions and reported files; no such file is in the test data.

#include "io/import/Importer.h"

namespace vanadis {

class MicromeriticsReportImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("micromeritics-report-txt"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
