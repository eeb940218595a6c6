#pragma once
/// \file FitResult.h
/// What fitLeastSquares() reports: values with standard errors, covariance and correlation,
/// goodness of fit, convergence and warnings.

#include <Eigen/Core>

#include <string>
#include <vector>

namespace vanadis::fit {

/// Role of a parameter in the finished fit.
enum class ParameterRole {
    Free,    ///< estimated from the data
    OnBound, ///< free, but ended on a bound: treated as fixed there; no standard error
    Fixed,   ///< held at its given value
    Tied,    ///< computed from other parameters; error propagated through the tie
};

/// Convergence status (a fit that does not converge is a result, not an error).
enum class FitStatus {
    Converged,
    MaxIterations, ///< iteration limit reached
    Stalled,       ///< no step reduces the residual any more, but the gradient test is not met
};

/// Result of a least-squares fit. All per-parameter vectors and matrices follow the order of
/// FitProblem::parameters (names), including fixed and tied ones.
struct FitResult {
    std::vector<std::string> names;
    std::vector<double> values;
    /// 1σ standard errors, scaled by the residual variance RSS/dof unless
    /// FitOptions::scaleCovariance is false. 0 for fixed, NaN for parameters on a bound or not
    /// identifiable; tied ones are propagated (g Cov gᵀ).
    std::vector<double> stderrs;
    std::vector<ParameterRole> roles;
    Eigen::MatrixXd covariance;  ///< NaN rows/columns for OnBound/unidentifiable, 0 for Fixed
    Eigen::MatrixXd correlation; ///< same layout; NaN where a variance is 0 or NaN

    double rss = 0.0;           ///< Σ wᵢ rᵢ² at the solution
    double residualSd = 0.0;    ///< √(RSS/dof)
    double chi2Reduced = 0.0;   ///< RSS/dof (with σ weights this is χ²/ν)
    double r2 = 0.0;            ///< 1 − RSS/Σw(y − ȳ)² (real data only; NaN for complex)
    int dof = 0;                ///< residuals − estimated parameters (fixed, tied and on-bound excluded)
    int freeParameterCount = 0; ///< estimated parameters (the dof subtrahend)

    FitStatus status = FitStatus::Converged;
    bool converged = false;
    std::string reason; ///< which test stopped the solver, in words
    int iterations = 0;
    int evaluations = 0; ///< model evaluations (Jacobians not counted)

    std::vector<double> fitted;    ///< model at the solution (residualCount())
    std::vector<double> residuals; ///< observed − fitted (unweighted)
    std::vector<std::string> warnings;

    /// Monte-Carlo 1σ (standard deviation over the replicas) when requested; else empty.
    std::vector<double> monteCarloStderrs;
    int monteCarloSamples = 0;

    /// Index of \a name, or −1.
    int indexOf(const std::string& name) const
    {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return int(i);
        return -1;
    }
};

} // namespace vanadis::fit
