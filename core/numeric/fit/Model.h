#pragma once
/// \file Model.h
/// What the least-squares engine fits: a function of the parameter vector giving one prediction
/// per observation (real) or a real and an imaginary part per observation (complex, e.g. an
/// impedance). The model owns its predictors (x columns, frequencies), so models with several
/// predictors (NIST Nelson) need nothing special.

#include <cstddef>
#include <span>

namespace vanadis::fit {

/// Abstract model. Implementations: ExpressionModel (user text), AutoDiffModel (templated C++
/// functor), lineshape::PeakSumModel (XPS/XRD components), or your own class.
class Model {
public:
    virtual ~Model() = default;
    /// Number of parameters the model takes (the engine's full parameter vector).
    virtual std::size_t parameterCount() const = 0;
    /// Number of observations (points); the residual vector has pointCount() × (isComplex() ? 2 : 1).
    virtual std::size_t pointCount() const = 0;
    /// True for complex predictions, stored as pointCount() real parts then pointCount() imaginary parts.
    virtual bool isComplex() const { return false; }
    /// Predictions for parameters \a p into \a out (size residualCount()).
    virtual void evaluate(std::span<const double> p, std::span<double> out) const = 0;
    /// Analytic Jacobian ∂out/∂p, column-major residualCount() × parameterCount(). Return false
    /// when the model has none: the engine then differentiates numerically.
    virtual bool jacobian(std::span<const double> p, std::span<double> jac) const { return false; }

    std::size_t residualCount() const { return pointCount() * (isComplex() ? 2 : 1); }
};

} // namespace vanadis::fit
