#pragma once
/// \file NewareCsvImporter.h
/// Neware BTSDA CSV exports (echem.md §7), both layouts: the flat record table (`DataPoint, Cycle Index,
/// Step Index, Step Type, Time, Cumulative Time, Current(A), Voltage(V), Capacity(Ah), Spec. Cap.(mAh/g), …`,
/// Chinese UI headers too) and the hierarchical "regular" export (three header lines; cycle rows, `,`step
/// rows and `,,`record rows interleaved; the first step row continues the first cycle row). `Time` there is
/// the step time and `Cumulative Time`/`Total Time` the test time, both H:MM:SS with hours beyond 24.

#include "io/import/Importer.h"

namespace vanadis {

/// Reads Neware CSV exports into a cycling_record; the hierarchical export's own cycle table goes to
/// metadata["instrument_cycles"] (charge/discharge mAh per cycle) for cross-checks.
class NewareCsvImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("neware-csv"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
