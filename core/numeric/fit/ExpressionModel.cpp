#include "numeric/fit/ExpressionModel.h"

#include <algorithm>
#include <atomic>

namespace vanadis::fit {

namespace {

/// What the last ExpressionModel::evaluate on this thread computed, so that jacobian() at the same
/// parameters (the LM loop's usual order) can skip the forward sweep.
struct LastForward {
    unsigned long long model = 0; ///< ExpressionModel::m_token
    unsigned long long stamp = 0; ///< Expression::evaluationStamp() right after it
    std::vector<double> p;
};
thread_local LastForward t_last;

std::atomic<unsigned long long> g_nextToken{1};

} // namespace

Expected<ExpressionModel> ExpressionModel::create(std::string_view text, std::vector<double> x,
                                                  std::string predictor)
{
    auto e = Expression::parse(text);
    if (!e) return std::unexpected(e.error());
    ExpressionModel m;
    m.m_token = g_nextToken.fetch_add(1, std::memory_order_relaxed);
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
    t_last.model = m_token;
    t_last.stamp = Expression::evaluationStamp();
    t_last.p.assign(p.begin(), p.end());
}

bool ExpressionModel::jacobian(std::span<const double> p, std::span<double> jac) const
{
    thread_local std::vector<std::span<const double>> cols;
    thread_local std::vector<double> tmp;
    bind(p, m_x, cols);
    tmp.resize(m_x.size());
    // Same model, same parameters, no expression evaluated since: the forward values are current.
    const bool current = t_last.model == m_token && t_last.stamp == Expression::evaluationStamp() &&
                         std::equal(p.begin(), p.end(), t_last.p.begin(), t_last.p.end());
    m_expr.evaluateColumns(m_x.size(), cols, tmp, jac.data(), m_paramVar, &m_cache, current);
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
