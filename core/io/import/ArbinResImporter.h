#pragma once
/// \file ArbinResImporter.h
/// Arbin MITS `.res` (echem.md §7): an MS Access (Jet 3/4) database, read through libmdb (mdbtools) from
/// memory. The record is Channel_Normal_Table (Test_ID, Data_Point, Test_Time s, Step_Time s, Step_Index,
/// Cycle_Index, Current A, Voltage V, Charge/Discharge_Capacity Ah, Charge/Discharge_Energy Wh); the
/// test's name, start and channel come from Global_Table. Units become s, V, mA, mAh and mWh as in the
/// Arbin CSV and .xlsx readers. One dataset per Test_ID. Arbin's capacity counters run on within a cycle
/// and restart with it; Cycle and Step are Arbin's Cycle_Index and Step_Index.
/// libmdb parses in a child process (POSIX): it is not hardened against damaged databases, and a crash
/// there costs an error message instead of the application.
#include "io/import/Importer.h"

namespace vanadis {

/// Reads Arbin .res files (Jet databases with a Channel_Normal_Table).
class ArbinResImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("arbin-res"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
