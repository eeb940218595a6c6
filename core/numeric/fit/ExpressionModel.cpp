#include "numeric/fit/ExpressionModel.h"

namespace vanadis::fit {

Expected<ExpressionModel> ExpressionModel::create(std::string_view text, std::vector<double> x,
                                                  std::string predictor)
{
    auto e = Expression::parse(text);
    if (!e) return std::unexpected(e.error());
    ExpressionModel m;
    m.m_expr = std::move(*e);
    m.m_x = std::move(x);
    const auto& vars = m.m_expr.variables();
    for (std::size_t i = 0; i < vars.size(); ++i) {
        if (vars[i] == predictor) {
            m.m_xVar = int(i);
            continue;
        }
        m.m_names.push_back(vars[i]);
        m.m_paramVar.push_back(int(i));
    }
    if (m.m_names.empty())
        return fail("", "model",
                    "'" + std::string(text) + "' has no parameters (every name other than " + predictor +
                        " and the functions is a parameter)");
    if (m.m_xVar >= 0 && !m.m_x.empty()) {
        std::vector<double> dummy(m.m_names.size(), 0.0);
        std::vector<std::span<const double>> cols;
        m.bind(dummy, m.m_x, cols);
        std::vector<bool> isStatic(vars.size(), false);
        isStatic[std::size_t(m.m_xVar)] = true;
        m.m_cache = m.m_expr.staticCache(m.m_x.size(), cols, isStatic);
    }
    return m;
}

void ExpressionModel::bind(std::span<const double> p, std::span<const double> x,
                           std::vector<std::span<const double>>& cols) const
{
    cols.assign(m_expr.variables().size(), {});
    if (m_xVar >= 0) cols[std::size_t(m_xVar)] = x;
    for (std::size_t k = 0; k < m_paramVar.size(); ++k)
        cols[std::size_t(m_paramVar[k])] = p.subspan(k, 1);
}

void ExpressionModel::evaluate(std::span<const double> p, std::span<double> out) const
{
    thread_local std::vector<std::span<const double>> cols;
    bind(p, m_x, cols);
    m_expr.evaluateColumns(m_x.size(), cols, out, nullptr, {}, &m_cache);
}

bool ExpressionModel::jacobian(std::span<const double> p, std::span<double> jac) const
{
    thread_local std::vector<std::span<const double>> cols;
    thread_local std::vector<double> tmp;
    bind(p, m_x, cols);
    tmp.resize(m_x.size());
    m_expr.evaluateColumns(m_x.size(), cols, tmp, jac.data(), m_paramVar, &m_cache);
    return true;
}

std::vector<double> ExpressionModel::evaluateAt(std::span<const double> p, std::span<const double> x) const
{
    std::vector<std::span<const double>> cols;
    bind(p, x, cols);
    std::vector<double> out(x.size());
    m_expr.evaluateColumns(x.size(), cols, out);
    return out;
}

} // namespace vanadis::fit
