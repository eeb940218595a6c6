#pragma once
/// \file CurveFit.h
/// A user-defined model y = EXPR(x; parameters) fitted to two columns of a dataset: the one code path
/// behind the "Curve fit" analysis of every technique tab and `vanadis-cli fit`. The engine is
/// vanadis::fit::fitLeastSquares (core/numeric/fit: bounded Levenberg–Marquardt, ties, covariance
/// scaled by RSS/dof as NIST certifies it). Built-in models carry start values guessed from the data.

#include "analysis/ResultTable.h"
#include "model/Types.h"
#include "numeric/Error.h"

#include <QJsonObject>
#include <QStringList>
#include <limits>
#include <optional>

namespace vanadis {

/// A built-in model: its id (stored), name (translated), expression and a start-value guess.
struct CurveModelPreset {
    QString id;
    QString name;
    QString expression;
};
/// The library: line, quadratic, exponential decay, power law, Gauss, Lorentz, pseudo-Voigt, logistic,
/// Arrhenius (x in K, Ea in J mol⁻¹). Peak widths are FWHM.
const std::vector<CurveModelPreset>& curveModelPresets();

struct CurveFitParameter {
    QString name;
    std::optional<double> start; ///< unset: the preset's guess, else 1
    double lower = -std::numeric_limits<double>::infinity();
    double upper = std::numeric_limits<double>::infinity();
    bool fixed = false;
    QString tie; ///< expression of other parameters; empty = none
};

struct CurveFitSpec {
    QString model;                         ///< expression, or a preset id ("gauss")
    QString xColumn = QStringLiteral("1"); ///< header name or 1-based index
    QString yColumn = QStringLiteral("2");
    std::optional<double> xMin, xMax; ///< fit range; unset = all points
    enum class Weights { None, Relative, Sigma } weights = Weights::None;
    QString sigmaColumn; ///< for Weights::Sigma
    std::vector<CurveFitParameter>
        parameters; ///< by name; parameters of the model not listed start at the guess
    int maxIterations = 5000;
    int curvePoints = 400; ///< points of the drawn model curve over the fitted range
};

/// The column \a key names: a 1-based number or a header name (case-insensitive); nullptr when none.
const Column* curveFitColumn(const std::vector<Column>& columns, const QString& key);

/// The expression a model text stands for (a preset id expands, anything else is itself).
QString curveModelExpression(const QString& model);
/// Checks a model text without data: nullopt when it parses, else the error (with the character).
std::optional<QString> checkCurveModel(const QString& model);

/// What a curve fit reports to the result view and `vanadis-cli info`, each member bound to its result
/// key once in curveFitResultTable(); the correlation matrix, curve and residuals are detail beside it.
struct CurveFitResult {
    QJsonObject parameters; ///< name: {value, stderr, role}
    double r2 = std::numeric_limits<double>::quiet_NaN();
    double chi2Reduced = std::numeric_limits<double>::quiet_NaN();
    double residualSd = std::numeric_limits<double>::quiet_NaN();
    double rss = std::numeric_limits<double>::quiet_NaN();
    int dof = 0;
    int nPoints = 0;
    int iterations = 0;
};

/// The one declaration of the curve-fit outputs.
const ResultTable<CurveFitResult>& curveFitResultTable();

/// Fits \a spec to \a columns. The result is the JSON of `vanadis-cli fit`: model, x_column,
/// y_column, n_points, weights, parameters{name: {value, stderr, role}}, rss, residual_sd, dof,
/// chi2_reduced, r2, correlation{order, matrix}, converged, status, reason, iterations, evaluations,
/// warnings — plus curve[{x, y}] (the model over the range) and residuals[{x, r}]. Errors (bad input):
/// unknown columns (the message lists them), a model that does not parse, NaN in the range, no points,
/// unknown parameter names, and the engine's own (fewer points than free parameters …). A fit that
/// does not converge is a result with converged = false and a warning.
Expected<QJsonObject> fitCurve(const std::vector<Column>& columns, const CurveFitSpec& spec);

} // namespace vanadis
