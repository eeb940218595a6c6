#pragma once
/// \file ArbinCsvImporter.h
/// Arbin MITS Pro CSV export (echem.md §7): one header line `Data_Point, Test_Time(s), Date_Time,
/// Step_Time(s), Step_Index, Cycle_Index, Current(A), Voltage(V), Charge_Capacity(Ah),
/// Discharge_Capacity(Ah), Charge_Energy(Wh), Discharge_Energy(Wh), dV/dt(V/s), Internal_Resistance(Ohm), …`
/// (units in parentheses or, in older exports, absent: then s, A, V, Ah, Wh), comma-separated rows. Canonical
/// columns: EchemTableReader.h.

#include "io/import/EchemTableReader.h"
#include "io/import/Importer.h"

#include <span>

namespace vanadis {

/// Arbin column names (`Test_Time(s)`, `Current(A)`, …) and the canonical columns they become; shared by the
/// CSV and Excel readers.
std::span<const echemimport::Alias> arbinColumnAliases();

/// Reads Arbin CSV record exports into a cycling_record (fast path, files up to 2 GB).
class ArbinCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("arbin-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
