#pragma once
/// \file ExpressionModel.h
/// A real model y = f(x; parameters) typed by the user, with an exact (reverse-mode) Jacobian.

#include "numeric/Error.h"
#include "numeric/fit/Expression.h"
#include "numeric/fit/Model.h"

#include <string>
#include <vector>

namespace vanadis::fit {

/// y = EXPR over the points \a x. The predictor is the variable named `x` (or another name
/// given); every other identifier is a parameter, in order of first appearance.
class ExpressionModel final : public Model {
public:
    /// Parses \a text; an error names the character. A model without any parameter is an error.
    static Expected<ExpressionModel> create(std::string_view text, std::vector<double> x,
                                            std::string predictor = "x");

    const std::vector<std::string>& parameterNames() const { return m_names; }
    const Expression& expression() const { return m_expr; }
    /// True when the expression uses the predictor at all (a constant model is allowed).
    bool usesPredictor() const { return m_xVar >= 0; }

    std::size_t parameterCount() const override { return m_names.size(); }
    std::size_t pointCount() const override { return m_x.size(); }
    void evaluate(std::span<const double> p, std::span<double> out) const override;
    bool jacobian(std::span<const double> p, std::span<double> jac) const override;
    /// Values at other points (for drawing the curve).
    std::vector<double> evaluateAt(std::span<const double> p, std::span<const double> x) const;

private:
    void bind(std::span<const double> p, std::span<const double> x,
              std::vector<std::span<const double>>& cols) const;
    Expression m_expr;
    std::vector<double> m_x;
    std::vector<std::string> m_names;
    std::vector<int> m_paramVar; ///< expression variable index of each parameter
    int m_xVar = -1;
    ExpressionCache m_cache; ///< nodes that depend only on x (computed once in create())
    /// Unique per create() (copies share it: same tape, same x values), keys the reuse of the
    /// forward sweep between evaluate() and jacobian().
    unsigned long long m_token = 0;
};

} // namespace vanadis::fit
