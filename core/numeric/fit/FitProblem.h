#pragma once
/// \file FitProblem.h
/// Inputs of fitLeastSquares(): the model, its parameters, the observations, weights and options.

#include "numeric/fit/Model.h"
#include "numeric/fit/Parameter.h"

#include <cstdint>
#include <vector>

namespace vanadis::fit {

/// How residuals are weighted; the engine minimises Σ wᵢ (yᵢ − ŷᵢ)².
enum class Weighting {
    Unit,         ///< wᵢ = 1
    Sigma,        ///< wᵢ = 1/σᵢ² from a σ column (FitProblem::sigma)
    Proportional, ///< wᵢ = 1/yᵢ² (relative errors); complex: w' = 1/Z'², w'' = 1/Z''² (echem.md §6)
    Modulus,      ///< complex: wᵢ = 1/|Zᵢ|² on both parts (Boukamp 1995); real: as Proportional
};

/// How the Jacobian is obtained when the model gives no analytic one.
enum class NumericDerivative {
    Central, ///< central differences, step ∛ε·max(|p|, 1e-8·scale); 2 evaluations per parameter
    Ridders, ///< Ridders' extrapolation (Press et al., Numerical Recipes §5.7); ≈ 10× the cost, ~1e-12
             ///< accuracy
};

/// Solver settings. The defaults are tight (as NIST StRD certification needs); loosen them only
/// for speed on noisy data where 1e-10 changes nothing.
struct FitOptions {
    int maxIterations = 5000;
    double functionTolerance =
        1e-15; ///< stop when the relative RSS decrease (actual and predicted) is below this
    double parameterTolerance = 1e-15; ///< stop when the scaled step is below this relative to the parameters
    double gradientTolerance = 1e-15;  ///< stop when max |cos(residual, Jacobian column)| is below this
    /// Geodesic acceleration (Transtrum & Sethna 2012): one extra model evaluation per step, far
    /// fewer steps in long curved valleys (NIST MGH10, Bennett5).
    bool geodesicAcceleration = true;
    /// Plain LM steps before acceleration starts: easy fits (most spectra) converge within them
    /// and do not pay the extra evaluation.
    int accelerationAfter = 20;
    NumericDerivative numericDerivative = NumericDerivative::Central;
    bool forceNumericJacobian = false; ///< ignore an analytic Jacobian (for testing)
    bool scaleCovariance = true; ///< multiply (JᵀWJ)⁻¹ by RSS/dof (NIST's convention); false for known σ
    double correlationWarning = 0.95; ///< warn for |correlation| above this
    int monteCarloSamples = 0;        ///< > 0: refit that many noisy replicas of the fitted curve
    std::uint64_t monteCarloSeed = 1; ///< seed of the replicas (results are reproducible)
};

/// Everything a fit needs. The model must outlive the call.
struct FitProblem {
    const Model* model = nullptr;
    std::vector<Parameter> parameters; ///< one per model parameter, in the model's order
    std::vector<double> observed;      ///< residualCount() values (complex: real parts then imaginary parts)
    std::vector<double>
        sigma; ///< for Weighting::Sigma: same length as observed (or pointCount() for complex)
    Weighting weighting = Weighting::Unit;
};

} // namespace vanadis::fit
