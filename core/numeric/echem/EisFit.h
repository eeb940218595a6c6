#pragma once
/// \file EisFit.h
/// Complex non-linear least squares (CNLS) of an equivalent circuit to an impedance spectrum on the
/// shared engine (fit/LeastSquares.h): S = Σ[w'ᵢ(Z'ᵢ − Ẑ'ᵢ)² + w''ᵢ(Z''ᵢ − Ẑ''ᵢ)²] over the stacked
/// 2N residual vector, exact Jacobian from Circuit, unit, proportional or modulus weights (Boukamp
/// 1995; echem.md §6). Errors: Cov = χ²_red·(JᵀWJ)⁻¹, SE = √diag, 95 % interval ±t(0.975, 2N − P)·SE;
/// a parameter whose SE exceeds its value (or whose covariance is singular) is flagged as not
/// identifiable — typical for the long τ of Wo/Ws.

#include "numeric/Error.h"
#include "numeric/echem/Circuit.h"
#include "numeric/echem/EisSpectrum.h"

#include <complex>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vanadis::echem {

/// Residual weighting of the CNLS fit.
enum class EisWeighting {
    Unit,         ///< w = 1
    Proportional, ///< w' = 1/Z'², w'' = 1/Z''²
    Modulus,      ///< w' = w'' = 1/|Z|² (data modulus; the usual default of ZView and impedance.py users)
};

/// Fit settings. Parameter names as Circuit names them ("R0", "CPE1_Q"; impedance.py's "CPE1_0" too).
struct EisFitOptions {
    EisWeighting weighting = EisWeighting::Modulus;
    std::map<std::string, double> start;                     ///< start values; others from initialGuess()
    std::map<std::string, double> fixed;                     ///< parameters held at a value ("constants")
    std::map<std::string, std::pair<double, double>> bounds; ///< replaces the default [0, ∞) / [0, 1]
    /// Relative standard error above which a parameter is reported as not identifiable.
    double unidentifiableRelativeError = 1.0;
    int maxIterations = 500;
};

/// One fitted parameter.
struct EisParameterResult {
    std::string name;
    std::string unit;
    double value = 0.0;
    double standardError = 0.0; ///< 1σ; 0 when fixed; NaN on a bound or not identifiable
    double ci95Low = 0.0;       ///< value ∓ t(0.975, dof)·SE
    double ci95High = 0.0;
    double relativeErrorPct = 0.0; ///< 100·SE/|value|
    bool fixed = false;
    bool onBound = false;
    bool identifiable = true;
};

/// Result of fitCircuit().
struct EisFitResult {
    std::string circuit;
    std::vector<EisParameterResult> parameters; ///< in the circuit's order
    double chi2 = 0.0;                          ///< weighted sum of squares S at the solution
    double chi2Reduced = 0.0;                   ///< S/(2N − P)
    int dof = 0;
    bool converged = false;
    int iterations = 0;
    std::vector<std::complex<double>> fitted; ///< Ẑ at the measured frequencies (input order)
    std::vector<double> residualRealPct;      ///< 100·(Z' − Ẑ')/|Z|
    std::vector<double> residualImagPct;      ///< 100·(Z'' − Ẑ'')/|Z|
    std::vector<std::string> warnings;        ///< not identifiable, on a bound, not converged, correlations
    /// The parameter \a name, or nullptr.
    const EisParameterResult* find(const std::string& name) const
    {
        for (const auto& p : parameters)
            if (p.name == name) return &p;
        return nullptr;
    }
};

/// Fits \a circuit to \a spectrum. Errors: invalid spectrum (validateSpectrum), unknown names in the
/// option maps, fewer than P residuals, start values outside bounds, engine errors.
Expected<EisFitResult> fitCircuit(const Circuit& circuit, const EisSpectrum& spectrum,
                                  const EisFitOptions& options = {});

/// Z of \a circuit with parameters \a p at \a frequencyHz.
std::vector<std::complex<double>> simulateCircuit(const Circuit& circuit, std::span<const double> p,
                                                  std::span<const double> frequencyHz);

} // namespace vanadis::echem
