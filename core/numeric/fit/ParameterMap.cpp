#include "numeric/fit/ParameterMap.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace vanadis::fit {

namespace {
std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
} // namespace

Expected<ParameterMap> ParameterMap::build(const std::vector<Parameter>& parameters)
{
    ParameterMap m;
    m.m_params = parameters;
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const Parameter& p = parameters[i];
        const std::string where = "parameter '" + p.name + "'";
        if (p.name.empty()) return fail("", "parameter " + std::to_string(i + 1), "a parameter has no name");
        if (!index.emplace(p.name, int(i)).second) return fail("", where, "the name is used twice");
        if (std::isnan(p.lower) || std::isnan(p.upper)) return fail("", where, "a bound is NaN");
        if (p.lower > p.upper)
            return fail("", where, "lower bound " + num(p.lower) + " is above upper bound " + num(p.upper));
        if (p.isTied()) continue;
        if (!std::isfinite(p.value))
            return fail("", where,
                        p.fixed ? "the fixed value is not a finite number"
                                : "the start value is not a finite number");
        if (!p.fixed && (p.value < p.lower || p.value > p.upper))
            return fail("", where,
                        "start value " + num(p.value) + " is outside its bounds [" + num(p.lower) + ", " +
                            num(p.upper) + "]");
        if (p.isFree()) m.m_free.push_back(int(i));
    }
    // Parse ties and order them so that every tie is evaluated after the ties it reads.
    std::vector<Tie> ties;
    std::vector<int> tieOf(parameters.size(), -1);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const Parameter& p = parameters[i];
        if (!p.isTied()) continue;
        std::string text = p.tie;
        std::size_t lead = text.find_first_not_of(" \t");
        std::size_t offset = 0;
        if (lead != std::string::npos && text[lead] == '=') {
            offset = lead + 1;
            text = text.substr(lead + 1);
        }
        auto e = Expression::parse(text);
        if (!e) {
            Error err = e.error();
            // Report the position in the tie as the user typed it (with its '=').
            if (offset > 0 && err.location.rfind("character ", 0) == 0)
                err.location = "character " + std::to_string(std::stoul(err.location.substr(10)) + offset);
            err.location = "tie of parameter '" + p.name + "', " + err.location;
            return std::unexpected(err);
        }
        Tie t;
        t.target = int(i);
        for (const std::string& v : e->variables()) {
            auto it = index.find(v);
            if (it == index.end())
                return fail("", "tie of parameter '" + p.name + "'",
                            "'" + v + "' in '" + p.tie + "' is not a parameter of this model");
            if (it->second == int(i))
                return fail("", "tie of parameter '" + p.name + "'",
                            "the tie refers to the parameter itself");
            t.args.push_back(it->second);
        }
        t.expr = std::move(*e);
        tieOf[i] = int(ties.size());
        ties.push_back(std::move(t));
    }
    // Depth-first topological sort with cycle detection (0 new, 1 on stack, 2 done).
    std::vector<int> state(ties.size(), 0);
    std::vector<int> stack;
    std::string cycle;
    std::function<bool(int)> visit = [&](int k) -> bool {
        if (state[std::size_t(k)] == 2) return true;
        if (state[std::size_t(k)] == 1) {
            // Name the cycle from where it starts on the stack.
            std::size_t from = 0;
            while (stack[from] != k)
                ++from;
            for (std::size_t s = from; s < stack.size(); ++s)
                cycle += parameters[std::size_t(ties[std::size_t(stack[s])].target)].name + " → ";
            cycle += parameters[std::size_t(ties[std::size_t(k)].target)].name;
            return false;
        }
        state[std::size_t(k)] = 1;
        stack.push_back(k);
        for (int a : ties[std::size_t(k)].args)
            if (tieOf[std::size_t(a)] >= 0 && !visit(tieOf[std::size_t(a)])) return false;
        stack.pop_back();
        state[std::size_t(k)] = 2;
        m.m_order.push_back(ties[std::size_t(k)]);
        return true;
    };
    for (std::size_t k = 0; k < ties.size(); ++k)
        if (!visit(int(k))) return fail("", "ties", "the ties form a cycle: " + cycle);
    return m;
}

Eigen::VectorXd ParameterMap::start() const
{
    Eigen::VectorXd u(Eigen::Index(m_free.size()));
    for (std::size_t k = 0; k < m_free.size(); ++k)
        u[Eigen::Index(k)] = m_params[std::size_t(m_free[k])].value;
    return u;
}

void ParameterMap::expand(const Eigen::VectorXd& u, Eigen::VectorXd& p) const
{
    p.resize(Eigen::Index(m_params.size()));
    for (std::size_t i = 0; i < m_params.size(); ++i)
        p[Eigen::Index(i)] = m_params[i].value;
    for (std::size_t k = 0; k < m_free.size(); ++k)
        p[m_free[k]] = u[Eigen::Index(k)];
    double args[64];
    std::vector<double> big;
    for (const Tie& t : m_order) {
        double* a = args;
        if (t.args.size() > 64) {
            big.resize(t.args.size());
            a = big.data();
        }
        for (std::size_t j = 0; j < t.args.size(); ++j)
            a[j] = p[t.args[j]];
        p[t.target] = t.expr.evaluate(std::span<const double>(a, t.args.size()));
    }
}

void ParameterMap::derivative(const Eigen::VectorXd& p, Eigen::MatrixXd& g) const
{
    g.setZero(Eigen::Index(m_params.size()), Eigen::Index(m_free.size()));
    for (std::size_t k = 0; k < m_free.size(); ++k)
        g(m_free[k], Eigen::Index(k)) = 1.0;
    std::vector<double> a, grad;
    for (const Tie& t : m_order) {
        a.resize(t.args.size());
        grad.assign(t.args.size(), 0.0);
        for (std::size_t j = 0; j < t.args.size(); ++j)
            a[j] = p[t.args[j]];
        t.expr.evaluate(a, grad);
        for (std::size_t j = 0; j < t.args.size(); ++j)
            if (grad[j] != 0.0) g.row(t.target) += grad[j] * g.row(t.args[j]);
    }
}

} // namespace vanadis::fit
