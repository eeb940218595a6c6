#pragma once
/// \file SpecsXyImporter.h
/// SPECS SpecsLab2 / SpecsLab Prodigy "XY-Serializer" text export (.xy): '#'-prefixed key/value header
/// ("# Region:", "# Excitation Energy:", "# Pass Energy:", "# Dwell Time:", "# Values/Curve:"), the export
/// settings that say which axis and unit the numbers use ("Kinetic Energy Axis: yes" in SpecsLab2,
/// "Energy Axis: Binding Energy" and "Count Rate: Counts per Second" in Prodigy), then per cycle/curve/scan
/// a "# ColumnLabels:" line and whitespace-separated rows (energy, intensity[, scaling …]).
///
/// One "xps_region" dataset per region. Kinetic energies become BE = hν − KE with the region's excitation
/// energy (work function ignored, xps.md §6). When scans or curves are exported separately on the same
/// energy grid they are combined: averaged for counts/s, summed for counts (metadata scans says how many).
/// Constant-final-state regions (the photon energy is scanned) keep their axis as "Photon Energy".
/// A region with fewer rows than its "Values/Curve", a non-numeric or NaN value is an error naming the
/// file, the region and the line.

#include "io/import/Importer.h"

namespace vanadis {

class SpecsXyImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("specs-xy"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
