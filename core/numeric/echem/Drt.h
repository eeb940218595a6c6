#pragma once
/// \file Drt.h
/// Distribution of relaxation times (DRT) of an impedance spectrum by Tikhonov-regularised
/// non-negative least squares (Saccoccio, Wan, Chen & Ciucci, Electrochim. Acta 147 (2014) 470;
/// Wan et al., Electrochim. Acta 184 (2015) 483):
///
///   Z(ω) = R∞ + jωL + ∫ γ(ln τ) / (1 + jωτ) d ln τ,
///
/// γ in Ω (per unit ln τ) discretised piecewise-linearly (hat functions) on a log-spaced τ grid that
/// spans 1/ω_max … 1/ω_min plus `extendDecades` each side. Unknowns R∞, L, γₖ ≥ 0 minimise
///
///   Σᵢ |Zᵢ − Ẑᵢ|²/|Zᵢ|² + λ ∫ (d^m γ/d ln τ^m)² d ln τ / R_ref²,   R_ref = max|Zᵢ|,
///
/// so λ is dimensionless and independent of the grid density (m = 1 or 2, the derivative order).
/// λ is given or chosen by generalised cross-validation (GCV, Wahba 1977; Craven & Wahba 1979):
/// the λ minimising V(λ) = n‖r(λ)‖² / (n − ρ·tr H(λ))² of the unconstrained ridge problem (n = 2N
/// stacked real and imaginary rows, H the influence matrix), searched on a log grid 1e-9…1e1 (the
/// lowest interior local minimum; V of a noisy spectrum can fall again as λ → 0) and refined by
/// golden section. ρ = 1 is GCV; the default, modified GCV (Kim & Gu, J. R. Stat. Soc. B
/// 66 (2004) 337, as pyDRTtools offers it), uses ρ = 2 for N ≤ 100 frequencies and 1.3 above, because plain
/// GCV often under-smooths spectra of a few dozen points (ripples on a Zarc). The non-negative problem is
/// then solved at that λ (Bro & de Jong 1997 fast NNLS on the normal equations). A pure R‖C element gives a
/// peak of area R at τ = RC; a Zarc a broad peak of area R centred at τ₀ = (RQ)^{1/n}.
///
/// Peaks are the local maxima of γ above `minPeakFraction` of its maximum inside the measured window
/// 1/ω_max … 1/ω_min (ripples merged, see DrtOptions); each peak's resistance
/// is ∫γ d ln τ between the minima (or zeros) that bound it, its τ the parabolic vertex through the
/// three grid points around the maximum (in ln τ).

#include "numeric/Error.h"
#include "numeric/echem/EisSpectrum.h"

#include <complex>
#include <vector>

namespace vanadis::echem {

/// How λ is found.
enum class DrtLambdaRule { Gcv, Mgcv, Manual };

struct DrtOptions {
    DrtLambdaRule rule = DrtLambdaRule::Mgcv;
    double lambda = 1e-3;             ///< used with DrtLambdaRule::Manual (dimensionless, see file comment)
    double mgcvRho = 0.0;             ///< ρ of modified GCV; 0 = 2 for ≤ 100 frequencies, else 1.3
    int derivativeOrder = 1;          ///< 1 or 2: which derivative of γ is penalised
    int pointsPerDecade = 10;         ///< τ grid density
    double extendDecades = 1.0;       ///< grid beyond 1/ω_max and 1/ω_min, each side
    bool inductance = true;           ///< fit a series L ≥ 0 (high-frequency inductive points)
    double minPeakFraction = 0.02;    ///< peaks below this fraction of max γ are not reported
    double mergeValleyFraction = 0.5; ///< two maxima whose valley stays above this fraction of the
                                      ///< lower one are one peak (ripple on a broad distribution)
};

/// One DRT peak.
struct DrtPeak {
    double tauS = 0.0;        ///< relaxation time at the maximum (s)
    double frequencyHz = 0.0; ///< 1/(2πτ)
    double gammaOhm = 0.0;    ///< γ at the maximum (Ω per unit ln τ)
    double rOhm = 0.0;        ///< ∫γ d ln τ over the peak (Ω)
    double tauLowS = 0.0;     ///< the bounds the area was taken between
    double tauHighS = 0.0;
};

struct DrtResult {
    std::vector<double> tauS;     ///< grid, ascending
    double tauWindowLowS = 0.0;   ///< 1/ω_max: the grid beyond the measured window only supports γ
    double tauWindowHighS = 0.0;  ///< 1/ω_min
    std::vector<double> gammaOhm; ///< γ(ln τ) at the grid points, ≥ 0
    double rInfOhm = 0.0;         ///< high-frequency resistance R∞
    double inductanceH = 0.0;
    double polarisationOhm = 0.0; ///< ∫γ d ln τ over the whole grid
    double lambda = 0.0;          ///< λ used
    bool lambdaFromGcv = false;
    std::vector<DrtPeak> peaks;               ///< by ascending τ
    std::vector<std::complex<double>> fitted; ///< Ẑ in input order
    std::vector<double> residualRealPct;      ///< 100·(Z' − Ẑ')/|Z|
    std::vector<double> residualImagPct;
};

/// Computes the DRT. Errors: invalid spectrum (validateSpectrum, ≥ 5 points), λ ≤ 0 or not finite with
/// the manual rule, a derivative order other than 1 or 2, fewer than 2 points per decade.
Expected<DrtResult> drt(const EisSpectrum& spectrum, const DrtOptions& options = {});

} // namespace vanadis::echem
