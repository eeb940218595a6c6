#pragma once
/// \file PecCsvImporter.h
/// PEC tester CSV (echem.md §7): ≈ 30 `Key:,value` lines, a `#RESULTS CHECK … #END RESULTS CHECK` block, then
/// `Test, Cell, …, Step, Cycle, Total Time (Seconds), …, Voltage (mV), Current (mA), Charge Capacity (mAh),
/// Discharge Capacity (mAh), Charge Capacity (mWh), …` (mV and mA; the "(mWh)" capacities are energies).

#include "io/import/Importer.h"

namespace vanadis {

/// Reads PEC CSV into a cycling_record.
class PecCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("pec-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
