#pragma once
/// \file MettlerStareImporter.h
/// Mettler-Toledo STARe text export (TGA, TGA/DSC): blocks of `Key:` lines with indented values
/// (`FileName:` whose second line names the curve, `SampleID:` "name, 4.9292 mg", `Method:`), then `Curve:`
/// and a two-line table header `Index t Ts Tr Value` / `[s] [°C] [°C] [mg]`, whitespace-aligned rows, a
/// blank line and trailing blocks (`LastKeyWD:` with the crucible), one block per exported curve, and the
/// footer "STARe SW n" (tga.md §4). The curve whose Value is in mg (or %) is the mass; further curves over
/// the same time base (heat flow in mW, …) become extra columns named after their curve.

#include "io/import/Importer.h"

namespace vanadis {

class MettlerStareImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("mettler-stare"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// A curve table must be closed by a blank line and the trailing blocks; read() refuses it otherwise.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
