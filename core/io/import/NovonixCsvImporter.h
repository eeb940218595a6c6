#pragma once
/// \file NovonixCsvImporter.h
/// Novonix HPC CSV (echem.md §7): `[Summary]…[End Summary]` block (Mass (g), Capacity (Ah), Version), a
/// `[Protocol]` block, then `[Data]`, a quoted header line and whole-line-quoted rows (`Date and Time, Cycle
/// Number, Step Type, Run Time (h), Step Time (h), Current (A), Potential (V), Capacity (Ah), …`; times in
/// hours).

#include "io/import/Importer.h"

namespace vanadis {

/// Reads Novonix HPC CSV into a cycling_record.
class NovonixCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("novonix-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
