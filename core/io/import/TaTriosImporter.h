#pragma once
/// \file TaTriosImporter.h
/// TA Instruments TRIOS text export of a TGA run (tga.md §4): UTF-8, tab-separated key/value header
/// ("Sample name", "Size<TAB>8.9<TAB>mg", "Instrument type"), then one block per procedure step: a
/// `[step]` line, the step name, a column-name row, a unit row and tab-separated data. The blocks
/// are joined in order. Columns are assigned by name and unit (Weight in mg and in %, Temperature,
/// Time). The layout follows TA's description; no real TRIOS file was available to check it.

#include "io/import/Importer.h"

namespace vanadis {

class TaTriosImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("ta-trios"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
