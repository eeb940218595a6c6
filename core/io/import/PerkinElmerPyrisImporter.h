#pragma once
/// \file PerkinElmerPyrisImporter.h
/// PerkinElmer Pyris TGA text export (TGA 4000/8000): `Key:<TAB>value` header lines (`Sample ID`,
/// `Sample Weight: 7.026 mg`, `Total Points in Run`), the method steps as text (gas switches included), then
/// per method step a line "n) TGA Isothermal|Temperature Scan", a two-line column header split over two rows
/// (Time | Unsubtracted Weight | Baseline Weight | Program Temperature | Sample Temperature | purge flows)
/// before the first step, and tab-separated rows with a leading tab; calibration and profile blocks follow
/// (tga.md §4). The export states no units: Pyris writes min, mg, °C and mL/min, which the header confirms
/// ("Sample Weight: … mg", method temperatures in °C); this is recorded in the metadata. The mass is
/// Unsubtracted − Baseline Weight. The row count is checked against `Total Points in Run`.

#include "io/import/Importer.h"

namespace vanadis {

class PerkinElmerPyrisImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("perkinelmer-pyris"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
