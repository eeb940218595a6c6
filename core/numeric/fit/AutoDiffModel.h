#pragma once
/// \file AutoDiffModel.h
/// Models written once as a template functor, differentiated exactly by forward-mode automatic
/// differentiation (Eigen's AutoDiffScalar with a fixed-capacity derivative vector, so no heap
/// allocation per point). Also FunctionModel for plain callables (numeric Jacobian unless given).

#include "numeric/fit/Model.h"

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include <cmath>
#include <functional>
#include <vector>

namespace vanadis::fit {

/// Maximum number of parameters an AutoDiffModel differentiates.
inline constexpr int kAutoDiffMaxParameters = 32;
/// Scalar type the functor is instantiated with for derivatives.
using AutoDiffScalar =
    Eigen::AutoDiffScalar<Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kAutoDiffMaxParameters, 1>>;

/// atan for AutoDiffScalar (Eigen 3.4 provides sin/cos/exp/log/pow/asin/acos but not atan).
inline AutoDiffScalar atan(const AutoDiffScalar& a)
{
    return AutoDiffScalar(std::atan(a.value()), a.derivatives() / (1.0 + a.value() * a.value()));
}

/// y_i = F(x_i, p) for a functor with `template <class T> T operator()(double x, const T* p) const`.
/// Use ADL-friendly maths (`using std::exp; exp(...)`) inside so the AutoDiffScalar overloads apply.
template <class F>
class AutoDiffModel final : public Model {
public:
    AutoDiffModel(F f, std::size_t parameterCount, std::vector<double> x)
        : m_f(std::move(f)), m_np(parameterCount), m_x(std::move(x))
    {
    }
    std::size_t parameterCount() const override { return m_np; }
    std::size_t pointCount() const override { return m_x.size(); }
    void evaluate(std::span<const double> p, std::span<double> out) const override
    {
        for (std::size_t i = 0; i < m_x.size(); ++i)
            out[i] = m_f(m_x[i], p.data());
    }
    bool jacobian(std::span<const double> p, std::span<double> jac) const override
    {
        if (m_np > std::size_t(kAutoDiffMaxParameters)) return false;
        const Eigen::Index np = Eigen::Index(m_np);
        AutoDiffScalar ad[kAutoDiffMaxParameters];
        for (Eigen::Index k = 0; k < np; ++k)
            ad[k] = AutoDiffScalar(p[std::size_t(k)], np, k);
        const std::size_t n = m_x.size();
        for (std::size_t i = 0; i < n; ++i) {
            const AutoDiffScalar y = m_f(m_x[i], static_cast<const AutoDiffScalar*>(ad));
            for (Eigen::Index k = 0; k < np; ++k)
                jac[std::size_t(k) * n + i] = y.derivatives().size() > k ? y.derivatives()[k] : 0.0;
        }
        return true;
    }

private:
    F m_f;
    std::size_t m_np;
    std::vector<double> m_x;
};

/// Any callable: `eval(p, out)` fills residualCount() predictions; `jac(p, jac)` optional
/// (column-major); complex models set \a isComplex and lay out real parts then imaginary parts.
class FunctionModel final : public Model {
public:
    using Eval = std::function<void(std::span<const double>, std::span<double>)>;
    using Jac = std::function<bool(std::span<const double>, std::span<double>)>;
    FunctionModel(std::size_t parameterCount, std::size_t pointCount, Eval eval, Jac jac = {},
                  bool isComplex = false)
        : m_np(parameterCount), m_n(pointCount), m_eval(std::move(eval)), m_jac(std::move(jac)),
          m_complex(isComplex)
    {
    }
    std::size_t parameterCount() const override { return m_np; }
    std::size_t pointCount() const override { return m_n; }
    bool isComplex() const override { return m_complex; }
    void evaluate(std::span<const double> p, std::span<double> out) const override { m_eval(p, out); }
    bool jacobian(std::span<const double> p, std::span<double> jac) const override
    {
        return m_jac ? m_jac(p, jac) : false;
    }

private:
    std::size_t m_np, m_n;
    Eval m_eval;
    Jac m_jac;
    bool m_complex;
};

} // namespace vanadis::fit
