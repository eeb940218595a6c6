#pragma once
/// \file VersaStudioParImporter.h
/// Princeton Applied Research VersaStudio `.par` (text, UTF-8), layout as written by VersaStudio 2.5x:
/// sections `<Name>` … `</Name>` of `key=value` lines (`<Application>` first, `<Instrument>`,
/// `<Experiment>`, `<Action0>` common settings, `<Action1…n>` one per technique step with `Name=` and
/// `Segments=`), and data blocks `<Segment1…n>`: `Type=`, `Version=`, then
/// `Definition=` with the comma-separated column names, then comma-separated rows up to `</SegmentN>`.
/// Later sections (graphs, an embedded XML docking layout) are skipped.
///
/// The data rows carry `Segment #` and `ActionId`; in real multi-technique runs all of them sit in one
/// `<Segment1>` block, `Segment #` counting on across the actions (the example file: one EIS action,
/// Segments=1, rows of segment 0, ActionId 21). Rows are assigned to the actions in order, each action
/// taking as many segments (distinct block and `Segment #` pairs, in order of appearance) as its
/// `Segments=` says. The technique of an action comes from its `Name=` ("Potentiostatic EIS",
/// "Cyclic Voltammetry (Multiple Cycles)", "Linear Scan Voltammetry", "Chronoamperometry", "Open
/// Circuit" …), else from the ActionId code (21 EIS, 14 and 38 CV, 3 chronoamperometry, as found in
/// real files), else from the data (every row with a frequency: impedance; otherwise a time series,
/// with a warning). Rows no action covers are grouped by ActionId and column layout. What it produces:
///  - impedance: one "eis" dataset per segment in the EisImportSupport.h shape (Z Imag is the imaginary
///    part as measured, negative for capacitive behaviour); `ac_amplitude_mv_rms` from the action;
///  - voltammetry (cyclic, linear, potentiodynamic): one "cv" dataset per action, "Time" (s, Elapsed
///    Time), "Potential" (V, E), "Current" (mA, from I in A) and "Cycle" (a new cycle each time the
///    applied potential turns back into its first direction; the measured one when E Applied is
///    absent), `scan_rate_mv_s` from the action's Scan Rate (V/s);
///  - other steps (chronoamperometry/-potentiometry, open circuit, constant current …): "Time",
///    "Potential", "Current" labelled "chrono", as the Gamry reader does.
/// A block the file ends inside loses its last row, with a warning: it may be cut mid-number. A row
/// that is short or holds a non-number, or a step lacking its columns, is an error naming the line.

#include "io/import/Importer.h"

namespace vanadis {

class VersaStudioParImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("versastudio-par"); }
    QString version() const override { return QStringLiteral("2"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
