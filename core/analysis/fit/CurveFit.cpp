#include "analysis/fit/CurveFit.h"

#include "model/Translate.h"

#include "numeric/fit/ExpressionModel.h"
#include "numeric/fit/LeastSquares.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::CurveFit", s);
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

const char* roleKey(fit::ParameterRole r)
{
    switch (r) {
    case fit::ParameterRole::Free:
        return "free";
    case fit::ParameterRole::OnBound:
        return "on_bound";
    case fit::ParameterRole::Fixed:
        return "fixed";
    case fit::ParameterRole::Tied:
        return "tied";
    }
    return "free";
}

const char* statusKey(fit::FitStatus s)
{
    switch (s) {
    case fit::FitStatus::Converged:
        return "converged";
    case fit::FitStatus::MaxIterations:
        return "max_iterations";
    case fit::FitStatus::Stalled:
        return "stalled";
    }
    return "converged";
}

QString columnList(const std::vector<Column>& cols)
{
    QStringList names;
    for (size_t i = 0; i < cols.size(); ++i)
        names << QStringLiteral("%1 '%2'").arg(i + 1).arg(cols[i].name);
    return names.join(QStringLiteral(", "));
}

/// Slope and intercept of y on x by ordinary least squares (NaN when x does not vary).
std::pair<double, double> lineThrough(const std::vector<double>& x, const std::vector<double>& y)
{
    const double n = double(x.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double d = n * sxx - sx * sx;
    if (d == 0.0) return {std::nan(""), std::nan("")};
    const double slope = (n * sxy - sx * sy) / d;
    return {slope, (sy - slope * sx) / n};
}

/// Start values a chemist would read off the plot, for the built-in models.
std::map<std::string, double> guessStarts(const QString& preset, const std::vector<double>& x,
                                          const std::vector<double>& y)
{
    std::map<std::string, double> g;
    if (x.empty()) return g;
    const auto [mnIt, mxIt] = std::minmax_element(y.begin(), y.end());
    const double ymin = *mnIt, ymax = *mxIt, xpeak = x[size_t(mxIt - y.begin())];
    const auto [xlo, xhi] = std::minmax_element(x.begin(), x.end());
    const double xr = *xhi - *xlo > 0 ? *xhi - *xlo : 1.0;
    const auto [slope, intercept] = lineThrough(x, y);
    if (preset == QLatin1String("line")) {
        g = {{"a", std::isfinite(slope) ? slope : 0.0},
             {"b", std::isfinite(intercept) ? intercept : y.front()}};
    } else if (preset == QLatin1String("quadratic")) {
        g = {{"a", 0.0},
             {"b", std::isfinite(slope) ? slope : 0.0},
             {"c", std::isfinite(intercept) ? intercept : y.front()}};
    } else if (preset == QLatin1String("exp_decay")) {
        g = {{"a", y.front() - y.back()}, {"t", xr / 3.0}, {"c", y.back()}};
    } else if (preset == QLatin1String("power_law") || preset == QLatin1String("arrhenius")) {
        std::vector<double> lx, ly;
        for (size_t i = 0; i < x.size(); ++i)
            if (y[i] > 0 && (preset == QLatin1String("arrhenius") ? x[i] != 0.0 : x[i] > 0)) {
                lx.push_back(preset == QLatin1String("arrhenius") ? 1.0 / x[i] : std::log(x[i]));
                ly.push_back(std::log(y[i]));
            }
        const auto [s, i0] = lx.size() >= 2 ? lineThrough(lx, ly) : std::pair{std::nan(""), std::nan("")};
        if (preset == QLatin1String("power_law"))
            g = {{"a", std::isfinite(i0) ? std::exp(i0) : 1.0}, {"b", std::isfinite(s) ? s : 1.0}};
        else
            g = {{"A", std::isfinite(i0) ? std::exp(i0) : 1.0},
                 {"Ea", std::isfinite(s) ? -s * 8.314462618 : 5e4}};
    } else if (preset == QLatin1String("gauss") || preset == QLatin1String("lorentz") ||
               preset == QLatin1String("pseudo_voigt")) {
        g = {{"a", ymax - ymin}, {"c", xpeak}, {"w", xr / 10.0}, {"y0", ymin}, {"eta", 0.5}};
    } else if (preset == QLatin1String("logistic")) {
        const bool rising = y.back() >= y.front();
        g = {{"a", rising ? ymax - ymin : ymin - ymax},
             {"k", 8.0 / xr},
             {"x0", *xlo + xr / 2.0},
             {"c", rising ? ymin : ymax}};
    }
    return g;
}

QString presetOf(const QString& model)
{
    for (const CurveModelPreset& p : curveModelPresets())
        if (p.id == model.trimmed()) return p.id;
    return {};
}

} // namespace

const std::vector<CurveModelPreset>& curveModelPresets()
{
    static const std::vector<CurveModelPreset> presets{
        {"line", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Line"), "a*x + b"},
        {"quadratic", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Quadratic polynomial"), "a*x^2 + b*x + c"},
        {"exp_decay", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Exponential decay"), "a*exp(-x/t) + c"},
        {"power_law", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Power law"), "a*x^b"},
        {"gauss", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Gaussian peak (w = FWHM)"),
         "a*exp(-4*ln(2)*((x - c)/w)^2) + y0"},
        {"lorentz", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Lorentzian peak (w = FWHM)"),
         "a/(1 + 4*((x - c)/w)^2) + y0"},
        {"pseudo_voigt", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Pseudo-Voigt peak (w = FWHM)"),
         "a*(eta/(1 + 4*((x - c)/w)^2) + (1 - eta)*exp(-4*ln(2)*((x - c)/w)^2)) + y0"},
        {"logistic", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Logistic step"), "a/(1 + exp(-k*(x - x0))) + c"},
        {"arrhenius", QT_TRANSLATE_NOOP("vanadis::CurveFit", "Arrhenius (x in K, Ea in J/mol)"),
         "A*exp(-Ea/(8.314462618*x))"},
    };
    return presets;
}

const Column* curveFitColumn(const std::vector<Column>& cols, const QString& key)
{
    bool isIndex = false;
    const int index = key.trimmed().toInt(&isIndex);
    if (isIndex) return index >= 1 && index <= int(cols.size()) ? &cols[size_t(index - 1)] : nullptr;
    for (const Column& c : cols)
        if (c.name.compare(key.trimmed(), Qt::CaseInsensitive) == 0) return &c;
    return nullptr;
}

QString curveModelExpression(const QString& model)
{
    for (const CurveModelPreset& p : curveModelPresets())
        if (p.id == model.trimmed()) return p.expression;
    return model;
}

std::optional<QString> checkCurveModel(const QString& model)
{
    auto m = fit::ExpressionModel::create(curveModelExpression(model).toStdString(), {});
    if (m) return std::nullopt;
    return QString::fromStdString(m.error().message());
}

Expected<QJsonObject> fitCurve(const std::vector<Column>& columns, const CurveFitSpec& spec)
{
    const QString expression = curveModelExpression(spec.model);
    const QString preset = presetOf(spec.model);
    if (auto problem = checkCurveModel(spec.model)) return fail("", "model", problem->toStdString());
    const Column* xc = curveFitColumn(columns, spec.xColumn);
    const Column* yc = curveFitColumn(columns, spec.yColumn);
    const Column* sc =
        spec.weights == CurveFitSpec::Weights::Sigma ? curveFitColumn(columns, spec.sigmaColumn) : nullptr;
    if (!xc || !yc || (spec.weights == CurveFitSpec::Weights::Sigma && !sc)) {
        const QString which = !xc   ? "x column '" + spec.xColumn + "'"
                              : !yc ? "y column '" + spec.yColumn + "'"
                                    : "σ column '" + spec.sigmaColumn + "'";
        return fail("", which.toStdString(),
                    "no such column (columns: " + columnList(columns).toStdString() + ")");
    }
    const double lo = spec.xMin.value_or(-std::numeric_limits<double>::infinity());
    const double hi = spec.xMax.value_or(std::numeric_limits<double>::infinity());
    if (!(lo < hi)) return fail("", "range", "expects from < to");
    std::vector<double> x, y, sigma;
    std::vector<size_t> row;
    const size_t n = std::min(xc->values.size(), yc->values.size());
    for (size_t i = 0; i < n; ++i) {
        const double xi = xc->values[i];
        if (!std::isfinite(xi))
            return fail("", "data row " + std::to_string(i + 1),
                        "x ('" + xc->name.toStdString() + "') is not a number");
        if (xi < lo || xi > hi) continue;
        if (!std::isfinite(yc->values[i]))
            return fail("", "data row " + std::to_string(i + 1),
                        "y ('" + yc->name.toStdString() + "') is not a number");
        x.push_back(xi);
        y.push_back(yc->values[i]);
        if (sc) sigma.push_back(i < sc->values.size() ? sc->values[i] : std::nan(""));
        row.push_back(i + 1);
    }
    if (x.empty())
        return fail("", "range",
                    spec.xMin || spec.xMax ? "no data points inside the fit range" : "no data points");

    auto model = fit::ExpressionModel::create(expression.toStdString(), x);
    if (!model) return fail("", "model", model.error().message());
    fit::FitProblem problem;
    problem.model = &*model;
    problem.observed = y;
    const auto& names = model->parameterNames();
    const auto guesses = guessStarts(preset, x, y);
    QJsonArray warnings;
    for (const std::string& nm : names) {
        fit::Parameter par{nm, 1.0};
        if (auto it = guesses.find(nm); it != guesses.end() && std::isfinite(it->second))
            par.value = it->second;
        if (preset == QLatin1String("pseudo_voigt") && nm == "eta") {
            par.lower = 0.0;
            par.upper = 1.0;
        }
        problem.parameters.push_back(par);
    }
    std::vector<bool> given(names.size(), false);
    for (const CurveFitParameter& p : spec.parameters) {
        const auto it = std::find(names.begin(), names.end(), p.name.toStdString());
        if (it == names.end()) {
            QStringList known;
            for (const auto& nm : names)
                known << QString::fromStdString(nm);
            return fail("", "parameter '" + p.name.toStdString() + "'",
                        "not a parameter of the model (parameters: " + known.join(", ").toStdString() + ")");
        }
        const size_t k = size_t(it - names.begin());
        fit::Parameter& par = problem.parameters[k];
        if (p.start) par.value = *p.start;
        if (p.lower > -std::numeric_limits<double>::infinity() ||
            p.upper < std::numeric_limits<double>::infinity()) {
            par.lower = p.lower;
            par.upper = p.upper;
        }
        par.fixed = p.fixed;
        par.tie = p.tie.trimmed().toStdString();
        given[k] = p.start.has_value() || p.fixed || !p.tie.trimmed().isEmpty();
        // A guessed start outside the user's bounds moves inside them, rather than failing.
        if (!p.start && !par.isTied()) par.value = std::clamp(par.value, par.lower, par.upper);
    }
    for (size_t k = 0; k < names.size(); ++k)
        if (!given[k] && !guesses.contains(names[k]))
            warnings.append(tr("Parameter '%1' has no start value: it starts at 1.")
                                .arg(QString::fromStdString(names[k])));
    if (spec.weights == CurveFitSpec::Weights::Relative) problem.weighting = fit::Weighting::Proportional;
    if (spec.weights == CurveFitSpec::Weights::Sigma) {
        problem.weighting = fit::Weighting::Sigma;
        problem.sigma = sigma;
    }
    fit::FitOptions options;
    options.maxIterations = spec.maxIterations;
    auto fitted = fit::fitLeastSquares(problem, options);
    if (!fitted) {
        Error e = fitted.error();
        // "point 7" → the data row and x value, which the user can find in the file.
        if (e.location.rfind("point ", 0) == 0) {
            const size_t k = std::stoul(e.location.substr(6)) - 1;
            if (k < row.size())
                e.location = "data row " + std::to_string(row[k]) +
                             " (x = " + QString::number(x[k], 'g', 10).toStdString() + ")";
        }
        return std::unexpected(e);
    }
    const fit::FitResult& r = *fitted;
    for (const std::string& w : r.warnings)
        warnings.append(QString::fromStdString(w));

    QJsonObject params;
    QJsonArray order, matrix;
    for (size_t k = 0; k < r.names.size(); ++k) {
        const QString nm = QString::fromStdString(r.names[k]);
        order.append(nm);
        params.insert(nm,
                      QJsonObject{{"value", number(r.values[k])},
                                  {"stderr", r.roles[k] == fit::ParameterRole::Fixed ? QJsonValue(0.0)
                                                                                     : number(r.stderrs[k])},
                                  {"role", roleKey(r.roles[k])}});
    }
    for (Eigen::Index i = 0; i < r.correlation.rows(); ++i) {
        QJsonArray rowJ;
        for (Eigen::Index j = 0; j < r.correlation.cols(); ++j)
            rowJ.append(number(r.correlation(i, j)));
        matrix.append(rowJ);
    }
    // The model over the fitted range, and the residuals, for the figure.
    QJsonArray curve, residuals;
    const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
    std::vector<double> grid(size_t(std::max(2, spec.curvePoints)));
    for (size_t i = 0; i < grid.size(); ++i)
        grid[i] = *xmin + (*xmax - *xmin) * double(i) / double(grid.size() - 1);
    const std::vector<double> yc2 = model->evaluateAt(r.values, grid);
    for (size_t i = 0; i < grid.size(); ++i)
        curve.append(QJsonObject{{"x", grid[i]}, {"y", number(yc2[i])}});
    for (size_t i = 0; i < x.size() && i < r.residuals.size(); ++i)
        residuals.append(QJsonObject{{"x", x[i]}, {"r", number(r.residuals[i])}});

    CurveFitResult res;
    res.parameters = params;
    res.rss = r.rss;
    res.residualSd = r.residualSd;
    res.dof = r.dof;
    res.chi2Reduced = r.chi2Reduced;
    res.r2 = r.r2;
    res.nPoints = int(x.size());
    res.iterations = r.iterations;
    QJsonObject out{
        {"model", spec.model},
        {"expression", expression},
        {"x_column", xc->name},
        {"x_unit", xc->unit},
        {"y_column", yc->name},
        {"y_unit", yc->unit},
        {"weights", problem.weighting == fit::Weighting::Sigma          ? "sigma:" + sc->name
                    : problem.weighting == fit::Weighting::Proportional ? QStringLiteral("y")
                                                                        : QStringLiteral("none")},
        {"correlation", QJsonObject{{"order", order}, {"matrix", matrix}}},
        {"converged", r.converged},
        {"status", statusKey(r.status)},
        {"reason", QString::fromStdString(r.reason)},
        {"evaluations", r.evaluations},
        {"curve", curve},
        {"residuals", residuals},
        {"warnings", warnings},
    };
    if (auto w = curveFitResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

const ResultTable<CurveFitResult>& curveFitResultTable()
{
    static const ResultTable<CurveFitResult> t = [] {
        using R = CurveFitResult;
        ResultTable<R> t;
        t.value(&R::parameters, "parameters", tr("Fitted parameters")).headline();
        t.value(&R::r2, "r2", tr("R²")).significant(6);
        t.value(&R::chi2Reduced, "chi2_reduced", tr("Reduced χ²"));
        t.value(&R::residualSd, "residual_sd", tr("Residual standard deviation"));
        t.value(&R::rss, "rss", tr("Residual sum of squares"));
        t.value(&R::dof, "dof", tr("Degrees of freedom"));
        t.value(&R::nPoints, "n_points", tr("Points fitted"));
        t.value(&R::iterations, "iterations", tr("Iterations"));
        return t;
    }();
    return t;
}

} // namespace vanadis
