#pragma once
/// \file AnalysisRegistry.h
/// The explicit table of analyses: which dataset kinds each applies to, its parameter schema, its
/// pure compute function (result = the JSON of the CLI contract) and the figures it draws. The GUI
/// tabs, the CLI subcommands and stored AnalysisRun records all go through this table.

#include "analysis/ParamSchema.h"
#include "model/Dataset.h"
#include "model/FigureSpec.h"
#include "model/Sample.h"

#include <functional>

namespace vanadis {

/// One figure an analysis offers (e.g. "Isotherm", "BET plot", "Rouquerol plot").
struct AnalysisFigure {
    QString name;
    /// True when the figure overlays all selected samples; false = the current sample only.
    bool overlay = true;
};

/// What the figure builder gets for each sample it draws.
struct AnalysisInput {
    const Sample* sample = nullptr;
    const Dataset* dataset = nullptr;
    QJsonObject params;
    QJsonObject result; ///< empty when the computation failed
};

/// A headline number of an analysis for the Compare table: JSON paths into the result ("bet.area_m2_g").
struct AnalysisHeadline {
    QString label;
    QString valuePath;
    QString errorPath; ///< empty when the value has no uncertainty
};

struct AnalysisMethod {
    QString id;             ///< stored in AnalysisRun::analysisId, e.g. "bet"
    int version = 1;
    Technique technique;
    QStringList kinds;      ///< dataset kinds it applies to
    std::function<ParamSchema()> schema;
    std::function<Expected<QJsonObject>(const Dataset&, const QJsonObject& params)> compute;
    std::vector<AnalysisFigure> figures;
    /// Builds figure \a index for the given samples (one entry for non-overlay figures).
    std::function<FigureSpec(int index, const std::vector<AnalysisInput>& inputs)> buildFigure;
    /// Id of the span that figure \a index lets the user drag, and the two parameter keys it edits;
    /// empty when the figure has no editable span.
    std::function<std::optional<std::pair<QString, QString>>(int index)> spanParams;
    std::vector<AnalysisHeadline> headlines;
};

/// The value at a dotted path of a result ("bet.area_m2_g"); null when absent.
QJsonValue resultValue(const QJsonObject& result, const QString& path);

const std::vector<AnalysisMethod>& analysisMethods();
/// The analysis for a dataset kind of a technique, or nullptr.
const AnalysisMethod* analysisFor(Technique technique, const QString& kind);
const AnalysisMethod* analysisById(const QString& id);

/// Parameters with defaults filled in (invalid stored values fall back to the defaults).
QJsonObject effectiveParams(const AnalysisMethod& m, const QJsonObject& stored);

} // namespace vanadis
