#include "analysis/fit/CurveFitAnalysis.h"

#include "model/Translate.h"

#include "analysis/FigureHelpers.h"
#include "analysis/ParamTable.h"
#include "analysis/fit/CurveFit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::CurveFitAnalysis", s);
}

ParamSpec optionalNumber(const char* key, const QString& label, const QString& help)
{
    ParamSpec s = numberParam(key, label, {}, 0.0, -1e300, 1e300, help);
    s.defaultValue = QJsonValue();
    s.optional = true;
    return s;
}

/// The analysis' parameters as the compute function and the figure read them.
struct CurveFitParamRow {
    QString name;
    std::optional<double> start, lower, upper;
    bool fixed;
    QString tie;
};
struct CurveFitParams {
    QString model; ///< "custom" or a preset id
    QString expression;
    QString xColumn, yColumn;
    std::optional<double> xMin, xMax;
    QString weights; ///< none|relative|sigma
    QString sigmaColumn;
    std::vector<CurveFitParamRow> parameters;
};

/// The one declaration of the curve fit's parameters.
ParamTable<CurveFitParams> curveFitParamTable()
{
    QStringList ids{QStringLiteral("custom")}, labels{tr("Custom expression")};
    for (const CurveModelPreset& p : curveModelPresets()) {
        ids << p.id;
        labels << QCoreApplication::translate("vanadis::CurveFit", p.name.toUtf8().constData()) +
                      QStringLiteral(": ") + p.expression;
    }
    ParamTable<CurveFitParams> t;
    t.field(
        &CurveFitParams::model,
        choiceParam("model", tr("Model"), ids, QStringLiteral("line"), labels,
                    tr("A built-in model (start values are guessed from the data) or your own expression.")));
    t.field(
        &CurveFitParams::expression,
        textParam("expression", tr("Expression"), QStringLiteral("a*exp(-x/t) + c"),
                  tr("Used with 'Custom expression': y as a function of x; every other name is a parameter. "
                     "Functions: exp ln log10 sqrt sin cos tan atan abs erf pow …; operators + - * / ^.")));
    t.last().validator = [](const QString& text) { return checkCurveModel(text); };
    t.field(&CurveFitParams::xColumn, textParam("x_column", tr("x column"), QStringLiteral("1"),
                                                tr("Column name or number (1 = first).")));
    t.field(&CurveFitParams::yColumn, textParam("y_column", tr("y column"), QStringLiteral("2"),
                                                tr("Column name or number (1 = first).")));
    t.field(&CurveFitParams::xMin,
            optionalNumber("x_min", tr("Fit from x"),
                           tr("Lower end of the fit range (none: all points); drag it on the plot.")));
    t.last().rangeLabel = tr("Fit range");
    t.field(&CurveFitParams::xMax,
            optionalNumber("x_max", tr("Fit to x"), tr("Upper end of the fit range (none: all points).")));
    t.field(&CurveFitParams::weights,
            choiceParam("weights", tr("Weights"), {"none", "relative", "sigma"}, QStringLiteral("none"),
                        {tr("none"), tr("relative (1/y²)"), tr("1/σ² from a column")}));
    t.field(&CurveFitParams::sigmaColumn, textParam("sigma_column", tr("σ column"), {},
                                                    tr("Column of 1σ uncertainties, for 1/σ² weights.")));
    t.last().advanced = true;

    ParamTable<CurveFitParamRow> row;
    row.field(&CurveFitParamRow::name, textParam("name", tr("Name"), {}, {}));
    row.field(&CurveFitParamRow::start, optionalNumber("start", tr("Start"), {}));
    row.field(&CurveFitParamRow::lower, optionalNumber("lower", tr("Lower bound"), {}));
    row.field(&CurveFitParamRow::upper, optionalNumber("upper", tr("Upper bound"), {}));
    row.field(&CurveFitParamRow::fixed, boolParam("fixed", tr("Fixed"), false));
    row.field(&CurveFitParamRow::tie, textParam("tie", tr("Tie"), {}, {}));
    ParamSpec table;
    table.key = QStringLiteral("parameters");
    table.label = tr("Parameters");
    table.type = ParamSpec::Type::Table;
    table.defaultValue = QJsonArray();
    table.help =
        tr("One row per parameter you set: start value, bounds, fixed, or a tie such as 'w1' or 'a1*0.5'. "
           "Parameters not listed start at the guess (built-in models) or 1.");
    t.table(&CurveFitParams::parameters, table, row);
    return t;
}

ParamSchema curveFitParams()
{
    return curveFitParamTable().schema();
}

std::vector<FigureDecl> curveFitFigures()
{
    return {{QStringLiteral("fit"),
             tr("Data, model and residuals"),
             false,
             {{1, QStringLiteral("x_min"), QStringLiteral("x_max")}}}};
}

Expected<QJsonObject> computeCurveFit(const ComputeInputs& in, const QJsonObject& given, ComputeControl&)
{
    auto checked = curveFitParamTable().read(given);
    if (!checked) return std::unexpected(checked.error());
    const CurveFitParams& p = *checked;
    CurveFitSpec spec;
    spec.model = p.model == QLatin1String("custom") ? p.expression : p.model;
    spec.xColumn = p.xColumn;
    spec.yColumn = p.yColumn;
    spec.xMin = p.xMin;
    spec.xMax = p.xMax;
    spec.weights = p.weights == QLatin1String("relative") ? CurveFitSpec::Weights::Relative
                   : p.weights == QLatin1String("sigma")  ? CurveFitSpec::Weights::Sigma
                                                          : CurveFitSpec::Weights::None;
    spec.sigmaColumn = p.sigmaColumn;
    for (const CurveFitParamRow& row : p.parameters) {
        if (row.name.trimmed().isEmpty()) continue;
        CurveFitParameter par;
        par.name = row.name.trimmed();
        par.start = row.start;
        if (row.lower) par.lower = *row.lower;
        if (row.upper) par.upper = *row.upper;
        par.fixed = row.fixed;
        par.tie = row.tie;
        spec.parameters.push_back(par);
    }
    const Dataset& d = in.main.front();
    auto r = fitCurve(d.columns(), spec);
    if (!r) {
        Error e = r.error();
        if (e.file.empty())
            e.file = (d.provenance().originalFileName.isEmpty() ? d.name() : d.provenance().originalFileName)
                         .toStdString();
        return std::unexpected(e);
    }
    return r;
}

QString axisTitle(const QString& name, const QString& unit)
{
    return unit.isEmpty() ? name : name + " (" + unit + ")";
}

FigureSpec curveFitFigure(const QString&, const std::vector<FigureInput>& inputs)
{
    FigureSpec f;
    if (inputs.empty()) return f;
    const FigureInput& in = inputs.front();
    const QJsonObject& r = in.result;
    const auto checked = curveFitParamTable().read(in.params);
    const CurveFitParams p = checked ? *checked : curveFitParamTable().defaults();
    const auto& cols = in.dataset->columns();
    const Column* xc = curveFitColumn(cols, p.xColumn);
    const Column* yc = curveFitColumn(cols, p.yColumn);
    if (!xc || !yc) return f;
    FigureSeries data = figures::styled(*in.sample, in.legend);
    data.x = xc->values;
    data.y = yc->values;
    data.line = false;
    data.marker = in.sample->marker;
    f.series.push_back(data);
    f.x.label = axisTitle(xc->name, xc->unit);
    // Binding energy runs right to left in every XPS figure, fitted or not.
    f.x.reversed = xc->name.contains(QLatin1String("binding"), Qt::CaseInsensitive);
    f.y.label = axisTitle(yc->name, yc->unit);
    FigureSeries model;
    model.label = tr("model");
    model.color = Qt::black;
    model.lineWidthPt = 1.2;
    figures::pointsFrom(r.value("curve").toArray(), "x", "y", model);
    if (!model.x.empty()) f.series.push_back(model);
    // The fit range, dragged to change it.
    FigureSpan span;
    span.id = 1;
    span.editable = true;
    const auto [mn, mx] = std::minmax_element(data.x.begin(), data.x.end());
    span.xMin = p.xMin.value_or(data.x.empty() ? 0.0 : *mn);
    span.xMax = p.xMax.value_or(data.x.empty() ? 1.0 : *mx);
    span.label = tr("fit range");
    f.spans.push_back(span);
    FigureSeries res = figures::styled(*in.sample, tr("residual"));
    res.line = false;
    res.marker = in.sample->marker;
    res.inLegend = false;
    figures::pointsFrom(r.value("residuals").toArray(), "x", "r", res);
    if (!res.x.empty()) {
        auto panel = std::make_shared<FigureSpec>();
        panel->y.label = tr("Residual");
        panel->series.push_back(res);
        f.residual = panel;
    }
    return f;
}

} // namespace

const AnalysisDescriptor& curveFitAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QStringLiteral("curve_fit");
        a.version = 1;
        a.anyTechnique = true;
        a.automatic = false;
        a.name = QStringLiteral(QT_TRANSLATE_NOOP("vanadis::Analysis", "Curve fit"));
        a.input.types = {QStringLiteral("*")};
        a.params = curveFitParams;
        a.outputs = [] { return curveFitResultTable().outputs(); };
        a.figures = curveFitFigures;
        a.compute = computeCurveFit;
        a.buildFigure = curveFitFigure;
        return a;
    }();
    return d;
}

} // namespace vanadis
