#include "analysis/fit/CurveFitAnalysis.h"

#include "model/Translate.h"

#include "analysis/FigureHelpers.h"
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

ParamSpec textParam(const char* key, const QString& label, const QString& def, const QString& help)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.type = ParamSpec::Type::Text;
    s.defaultValue = def;
    s.help = help;
    return s;
}

ParamSpec optionalNumber(const char* key, const QString& label, const QString& help)
{
    ParamSpec s = numberParam(key, label, {}, 0.0, -1e300, 1e300, help);
    s.defaultValue = QJsonValue();
    s.optional = true;
    return s;
}

ParamSchema curveFitParams()
{
    QStringList ids{QStringLiteral("custom")}, labels{tr("Custom expression")};
    for (const CurveModelPreset& p : curveModelPresets()) {
        ids << p.id;
        labels << QCoreApplication::translate("vanadis::CurveFit", p.name.toUtf8().constData()) +
                      QStringLiteral(": ") + p.expression;
    }
    ParamSchema s;
    s.push_back(
        choiceParam("model", tr("Model"), ids, QStringLiteral("line"), labels,
                    tr("A built-in model (start values are guessed from the data) or your own expression.")));
    ParamSpec expr =
        textParam("expression", tr("Expression"), QStringLiteral("a*exp(-x/t) + c"),
                  tr("Used with 'Custom expression': y as a function of x; every other name is a parameter. "
                     "Functions: exp ln log10 sqrt sin cos tan atan abs erf pow …; operators + - * / ^."));
    expr.validator = [](const QString& t) { return checkCurveModel(t); };
    s.push_back(expr);
    s.push_back(
        textParam("x_column", tr("x column"), QStringLiteral("1"), tr("Column name or number (1 = first).")));
    s.push_back(
        textParam("y_column", tr("y column"), QStringLiteral("2"), tr("Column name or number (1 = first).")));
    s.push_back(optionalNumber("x_min", tr("Fit from x"),
                               tr("Lower end of the fit range (none: all points); drag it on the plot.")));
    s.back().rangeLabel = tr("Fit range");
    s.push_back(
        optionalNumber("x_max", tr("Fit to x"), tr("Upper end of the fit range (none: all points).")));
    s.push_back(choiceParam("weights", tr("Weights"), {"none", "relative", "sigma"}, QStringLiteral("none"),
                            {tr("none"), tr("relative (1/y²)"), tr("1/σ² from a column")}));
    s.push_back(
        textParam("sigma_column", tr("σ column"), {}, tr("Column of 1σ uncertainties, for 1/σ² weights.")));
    s.back().advanced = true;
    ParamSpec table;
    table.key = QStringLiteral("parameters");
    table.label = tr("Parameters");
    table.type = ParamSpec::Type::Table;
    table.defaultValue = QJsonArray();
    table.help =
        tr("One row per parameter you set: start value, bounds, fixed, or a tie such as 'w1' or 'a1*0.5'. "
           "Parameters not listed start at the guess (built-in models) or 1.");
    ParamSpec name = textParam("name", tr("Name"), {}, {});
    ParamSpec start = optionalNumber("start", tr("Start"), {});
    ParamSpec lower = optionalNumber("lower", tr("Lower bound"), {});
    ParamSpec upper = optionalNumber("upper", tr("Upper bound"), {});
    ParamSpec tie = textParam("tie", tr("Tie"), {}, {});
    table.columns = {name, start, lower, upper, boolParam("fixed", tr("Fixed"), false), tie};
    s.push_back(table);
    return s;
}

std::vector<OutputSpec> curveFitOutputs()
{
    return {
        {"parameters", tr("Fitted parameters"), {}, {}, true, {}},
        {"r2", tr("R²"), {}, {}, false, {}, 6},
        {"chi2_reduced", tr("Reduced χ²"), {}, {}, false, {}},
        {"residual_sd", tr("Residual standard deviation"), {}, {}, false, {}},
        {"rss", tr("Residual sum of squares"), {}, {}, false, {}},
        {"dof", tr("Degrees of freedom"), {}, {}, false, {}},
        {"n_points", tr("Points fitted"), {}, {}, false, {}},
        {"iterations", tr("Iterations"), {}, {}, false, {}},
    };
}

std::vector<FigureDecl> curveFitFigures()
{
    return {{QStringLiteral("fit"),
             tr("Data, model and residuals"),
             false,
             {{1, QStringLiteral("x_min"), QStringLiteral("x_max")}}}};
}

Expected<QJsonObject> computeCurveFit(const ComputeInputs& in, const QJsonObject& p, ComputeControl&)
{
    CurveFitSpec spec;
    spec.model = p.value("model").toString() == QLatin1String("custom") ? p.value("expression").toString()
                                                                        : p.value("model").toString();
    spec.xColumn = p.value("x_column").toString();
    spec.yColumn = p.value("y_column").toString();
    if (p.value("x_min").isDouble()) spec.xMin = p.value("x_min").toDouble();
    if (p.value("x_max").isDouble()) spec.xMax = p.value("x_max").toDouble();
    const QString w = p.value("weights").toString();
    spec.weights = w == QLatin1String("relative") ? CurveFitSpec::Weights::Relative
                   : w == QLatin1String("sigma")  ? CurveFitSpec::Weights::Sigma
                                                  : CurveFitSpec::Weights::None;
    spec.sigmaColumn = p.value("sigma_column").toString();
    for (const QJsonValue& v : p.value("parameters").toArray()) {
        const QJsonObject row = v.toObject();
        if (row.value("name").toString().trimmed().isEmpty()) continue;
        CurveFitParameter par;
        par.name = row.value("name").toString().trimmed();
        if (row.value("start").isDouble()) par.start = row.value("start").toDouble();
        if (row.value("lower").isDouble()) par.lower = row.value("lower").toDouble();
        if (row.value("upper").isDouble()) par.upper = row.value("upper").toDouble();
        par.fixed = row.value("fixed").toBool();
        par.tie = row.value("tie").toString();
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
    const QJsonObject& p = in.params;
    const auto& cols = in.dataset->columns();
    const Column* xc = curveFitColumn(cols, p.value("x_column").toString());
    const Column* yc = curveFitColumn(cols, p.value("y_column").toString());
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
    span.xMin = p.value("x_min").isDouble() ? p.value("x_min").toDouble() : (data.x.empty() ? 0.0 : *mn);
    span.xMax = p.value("x_max").isDouble() ? p.value("x_max").toDouble() : (data.x.empty() ? 1.0 : *mx);
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
        a.outputs = curveFitOutputs;
        a.figures = curveFitFigures;
        a.compute = computeCurveFit;
        a.buildFigure = curveFitFigure;
        return a;
    }();
    return d;
}

} // namespace vanadis
