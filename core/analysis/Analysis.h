#pragma once
/// \file Analysis.h
/// What an analysis declares about itself, so that the rest of the program never names a technique:
/// id and version, the dataset types it accepts and the inputs it takes, its parameters (ParamSchema),
/// its outputs (what the result view, the Compare table, `vanadis-cli info` and the README show), its
/// figures by id (with the spans that edit parameters), and a pure compute function.
///
/// An analysis lives in its own folder (core/analysis/<technique>/) and is listed once in
/// AnalysisTable.cpp. The GUI form, the CLI options and `--list-params`, the stored JSON, the result
/// view, the Compare rows and the documentation tables all follow from the declaration.

#include "analysis/ParamSchema.h"
#include "model/Dataset.h"
#include "model/FigureSpec.h"
#include "model/Sample.h"

#include <atomic>
#include <functional>
#include <map>
#include <optional>

namespace vanadis {

/// One number (or group) of a result that people read. \a path is a dotted path into the result JSON
/// ("bet.area_m2_g"); \a errorPath its 1σ sibling ("bet.area_err"), empty when it has none.
struct OutputSpec {
    QString path;
    QString label; ///< translated, as a chemist says it ("BET area")
    QString unit;  ///< typographic unit ("m² g⁻¹"); empty for dimensionless
    QString errorPath;
    bool headline = false; ///< shown first in the result view and as a Compare column
    QString shortLabel;    ///< Compare column header; empty = label
    int significant = 4;   ///< digits of a value shown without uncertainty (R²: 5)
};

/// A span of a figure bound to two parameters (a BET window, a t-plot range, TGA cursors): dragging
/// the span edits exactly these keys.
struct SpanBinding {
    int spanId = 1; ///< FigureSpan::id in the figure the builder returns
    QString minKey;
    QString maxKey;
};

/// One marker of a point binding: a row's x position as the plot draws it.
struct PointMarker {
    double x = 0.0;
    /// The position follows another row (an XPS centre tied to its doublet partner, `B_center + 7.3`):
    /// drawn dotted with a diamond handle and not draggable; it moves with the row it follows.
    bool linked = false;
    QString tip; ///< translated hover text ("V3_b: centre tied, V3_a_center + split_V2p")
};

/// What a gesture on a point binding does: the new parameters and, when not empty, the undo text.
struct PointEdit {
    QJsonObject params;
    QString text;
};

/// Positions on a figure's x axis bound to a Table parameter whose rows hold one x each (XRD peaks added
/// or removed by hand, XPS component centres): the plot draws a thin vertical marker at every row, and
/// its gestures edit the list, each one undoable parameter edit:
///   - the `append` gesture on the plot (a double click, or a Shift+click) adds the clicked x as a row;
///   - a right click or a Shift+click on a marker removes that row;
///   - dragging a marker of a `draggable` binding moves it (one undo step per drag, the analysis
///     recomputed live while it moves).
/// Widgets only translate gestures into these edits (PointEditing.h); what a position means is the
/// analysis' business. Rows that are more than a position (an XPS component: name, shape, width, ties)
/// or markers that exist before the list does (the components of an XPS preset) set the hooks below;
/// each gets the effective parameters and the stored result when it belongs to them (else empty), and
/// marker i is row i of the list the edit writes.
struct PointBinding {
    QString listKey; ///< the Table parameter ("added_peaks_deg")
    QString field;   ///< the row field holding the x position ("two_theta_deg")
    /// The gesture that appends a row; Never when the plot adds none. CtrlClick: a third list on the
    /// same figure (XRD background points beside added and removed peaks).
    enum class Append { DoubleClick, ShiftClick, CtrlClick, Never };
    Append append = Append::DoubleClick;
    bool draggable = true;
    QString label;                     ///< translated name of one row for the undo text ("added peak")
    QColor color = QColor(213, 94, 0); ///< of the markers
    /// Unset: one free marker per row of listKey at its `field`.
    std::function<std::vector<PointMarker>(const QJsonObject& params, const QJsonObject& result)> markers;
    /// Unset: row \a index gets `field` = x.
    std::function<Expected<PointEdit>(const QJsonObject& params, const QJsonObject& result, int index,
                                      double x)>
        move;
    /// Unset: a row {field: x} is appended.
    std::function<Expected<PointEdit>(const QJsonObject& params, const QJsonObject& result, double x)> add;
    /// Unset: row \a index is removed.
    std::function<Expected<PointEdit>(const QJsonObject& params, const QJsonObject& result, int index)>
        remove;
};

/// One figure an analysis offers.
struct FigureDecl {
    QString id;          ///< stable, for `export-figure --figure ID` ("bet_plot", "mass_dtg")
    QString name;        ///< translated, for the figure chooser
    bool overlay = true; ///< all selected datasets; false = the current dataset only
    std::vector<SpanBinding> spans;
    std::vector<PointBinding> points = {}; ///< x positions the plot edits (current dataset only)
};

/// An input slot. Every analysis has the "main" slot (the dataset it is about); further slots take
/// references (a blank run, a reference phase, a C 1s region) as DatasetRef parameters instead.
struct InputSlot {
    QString role = QStringLiteral("main");
    QStringList types;     ///< accepted dataset types (DatasetType.h); "*" = any type
    bool multiple = false; ///< several datasets in order (CV at several scan rates, an in-situ stack)
};

/// Progress and cancellation of one computation; thread-safe, shared with the requester.
class ComputeControl {
public:
    void cancel() { m_cancelled = true; }
    bool cancelled() const { return m_cancelled; }
    void setProgress(double fraction) { m_progress = fraction; }
    double progress() const { return m_progress; }

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<double> m_progress{0.0};
};

/// The datasets a computation reads: the main inputs in order and any referenced datasets by id.
struct ComputeInputs {
    std::vector<Dataset> main;
    std::map<Id, Dataset> references;
    /// For analyses that use their sample: what the sample of the main dataset states, as far as the
    /// analysis declares it (sampleContext()); empty otherwise or without a sample (CLI on a bare file).
    QJsonObject sample;
    /// The datasets that dataset parameters left unset with ParamSpec::sampleDefault resolved to (they are in
    /// `references` too): {key: [ids]} (sampleDefaultReferences()). computeAnalysis() stores it in the result
    /// as "sample_references", so that the run goes stale when the sample gains or loses such a dataset.
    QJsonObject sampleReferences;
};

/// What a figure builder gets for each dataset it draws.
struct FigureInput {
    const Sample* sample = nullptr;
    const Dataset* dataset = nullptr;
    QJsonObject params;
    QJsonObject result; ///< empty when there is no usable result
    /// Legend text: the sample name, with the dataset label when the sample has several datasets shown.
    QString legend;
};

/// A command-line option of `vanadis-cli <analysis>` that sets parameters (besides the generic
/// `--param KEY=VALUE`), e.g. BET's `--range LO,HI` → p_min, p_max.
struct CliOption {
    QString option;
    QString description;
    QString valueName;
    std::function<Expected<QJsonObject>(const QString&)> toParams;
    /// The value picks the dataset of the file by its label instead of setting parameters (XPS
    /// `--region "V 2p"` in a file of several regions); toParams is unused then.
    bool selectsDatasetLabel = false;
    /// The value is a file: it is imported and its first dataset the parameter of this key accepts
    /// becomes a reference (TGA `--blank FILE` → blank_dataset); toParams is unused then. With toParams
    /// also set, the value is a file only when it names one (XRD `--phase Si` or `--phase PATH.cif`).
    QString datasetRefParam;
    /// The technique the referenced file is read as, when it is not the analysis' own (the cycling record
    /// of an XRD in-situ series); unset = the analysis' technique.
    std::optional<Technique> referenceTechnique;
    /// The option may be given several times: toParams gets the values joined by commas (XRD
    /// `--add-peak 31.2 --add-peak 40.1` = `--add-peak 31.2,40.1`).
    bool repeatable = false;
    /// The value is a file the command writes from the result (XRD `--write-instrument OUT.json`): the
    /// bytes to write, given the result and the analysed file; toParams is unused then. An error stops
    /// the command before anything is printed or written.
    std::function<Expected<QByteArray>(const QJsonObject& result, const QString& inputFile)> writesFile = {};
};

/// A file the user can write from a stored result (XRD: "Save as instrument function…" from the fit of a
/// standard): the tab offers it beside the results, the CLI through a CliOption with the same writer.
struct ResultFileAction {
    QString id;            ///< stable ("instrument_function")
    QString label;         ///< translated menu/button text, ending in "…"
    QString fileFilter;    ///< translated, for the save dialog ("Instrument function (*.json)")
    QString defaultSuffix; ///< without the dot ("json")
    /// The bytes to write from the result of \a inputFile (the analysed dataset's original file name).
    std::function<Expected<QByteArray>(const QJsonObject& result, const QString& inputFile)> write;
};

/// A value an analysis reads from another analysis' stored result on the same sample: the output at
/// \a outputPath of the sample's first Ok run of \a analysisId, as ComputeInputs::sample[\a key] (and the
/// run's id as `<key>_run`).
struct SampleInput {
    QString key;
    QString analysisId;
    QString outputPath;
};

struct AnalysisDescriptor {
    QString id;      ///< stored in AnalysisRun::analysisId, e.g. "bet"
    int version = 1; ///< bump when the results change: stored runs of other versions become stale
    Technique technique = Technique::Xrd;
    bool anyTechnique = false; ///< offered in every technique tab (a user curve fit), `technique` unused
    /// Created with defaults for every dataset it reads (BET, TGA); false = only when the user asks
    /// for it on a dataset (a curve fit), so the demo and imports do not fill up with runs.
    bool automatic = true;
    /// What the result takes from the sample of its dataset, handed over as ComputeInputs::sample: sample
    /// properties by key (samplePropertyKeys(): "active_mass_mg", "mass_basis", "start_oxide",
    /// "residue_oxide") and values other analyses report on the same sample (cycling: the carbon content
    /// of its TGA run). The run stores what it consulted in result["sample_context"] and becomes stale
    /// when those values change (markSampleDependentRunsStale).
    QStringList sampleProperties;
    std::vector<SampleInput> sampleInputs;
    bool usesSample() const { return !sampleProperties.isEmpty() || !sampleInputs.empty(); }
    QString name; ///< translated ("BET surface area and pores")
    InputSlot input;
    std::function<ParamSchema()> params;
    std::function<std::vector<OutputSpec>()> outputs;
    std::function<std::vector<FigureDecl>()> figures;
    /// Pure: the same inputs and parameters give the same result. \a params are schema-checked.
    std::function<Expected<QJsonObject>(const ComputeInputs&, const QJsonObject& params, ComputeControl&)>
        compute;
    std::function<FigureSpec(const QString& figureId, const std::vector<FigureInput>& inputs)> buildFigure;
    std::vector<CliOption> cliOptions;
    /// Files the user can write from a result (shown on the analysis' tab).
    std::function<std::vector<ResultFileAction>()> resultFiles = {};
    /// Which of a file's datasets `vanadis-cli <analysis> FILE` runs on, given the checked parameters
    /// (XPS: the block whose label is the `region` parameter). Unset = the first dataset it accepts.
    std::function<bool(const Dataset&, const QJsonObject& params)> selectsMain;

    bool forTechnique(Technique t) const { return anyTechnique || technique == t; }
    bool accepts(const Dataset& d) const
    {
        return forTechnique(d.technique()) &&
               (input.types.contains(d.type()) || input.types.contains(QStringLiteral("*")));
    }
    std::optional<FigureDecl> figure(const QString& figureId) const;
};

} // namespace vanadis
