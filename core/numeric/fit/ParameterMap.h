#pragma once
/// \file ParameterMap.h
/// Maps the vector of estimated (free) parameters u onto the model's full parameter vector p:
/// free entries copied, fixed ones held, tied ones computed from their expressions in dependency
/// order. Also gives dp/du for the chain rule (Jacobian and covariance propagation).

#include "numeric/Error.h"
#include "numeric/fit/Expression.h"
#include "numeric/fit/Parameter.h"

#include <Eigen/Core>

#include <vector>

namespace vanadis::fit {

/// Validated parameter layout of one fit.
class ParameterMap {
public:
    /// Checks names, ties (parse, unknown names, cycles), bounds and start values.
    static Expected<ParameterMap> build(const std::vector<Parameter>& parameters);

    std::size_t fullCount() const { return m_params.size(); }
    std::size_t freeCount() const { return m_free.size(); }
    /// Index into the full vector of free parameter k.
    int freeIndex(std::size_t k) const { return m_free[k]; }
    const std::vector<Parameter>& parameters() const { return m_params; }

    /// Start vector of the free parameters.
    Eigen::VectorXd start() const;
    /// Full parameter vector for free values \a u.
    void expand(const Eigen::VectorXd& u, Eigen::VectorXd& p) const;
    /// dp/du (full × free) at the full vector \a p.
    void derivative(const Eigen::VectorXd& p, Eigen::MatrixXd& g) const;
    /// True when the free column k reaches the model only through free/tied rows (always true
    /// except for ties that are constants); used to skip work.
    bool hasTies() const { return !m_order.empty(); }

private:
    struct Tie {
        int target = -1;
        Expression expr;
        std::vector<int> args; ///< full index of each expression variable
    };
    std::vector<Parameter> m_params;
    std::vector<int> m_free;
    std::vector<Tie> m_order; ///< ties in evaluation order
};

} // namespace vanadis::fit
