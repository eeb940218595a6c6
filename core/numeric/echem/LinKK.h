#pragma once
/// \file LinKK.h
/// Lin-KK validity test of an impedance spectrum (Schönleber, Klotz & Ivers-Tiffée, Electrochim. Acta
/// 131 (2014) 20): fit Ẑ = R0 + jωL + Σₖ Rₖ/(1 + jωτₖ) [+ 1/(jωC)] with τ fixed and log-spaced from
/// 1/ω_max to 1/ω_min, linear least squares in (R0, Rₖ, L, 1/C) with every row divided by |Zᵢ|, and
/// raise M from 1 until μ = 1 − Σ_{Rₖ<0}|Rₖ| / Σ_{Rₖ≥0}Rₖ drops below c (0.85). A Kramers–Kronig
/// compliant spectrum then has small (≲ 1 %), unstructured residuals Δ = (Z − Ẑ)/|Z|.
/// The series capacitor makes blocking (battery) spectra with a low-frequency diffusion tail testable.

#include "numeric/Error.h"
#include "numeric/echem/EisSpectrum.h"

#include <complex>
#include <vector>

namespace vanadis::echem {

/// Which part of the spectrum the linear fit uses (echem.md §6).
enum class LinKKFitPart { Complex, Real, Imaginary };

struct LinKKOptions {
    double muCriterion = 0.85; ///< c of Schönleber et al.
    int fixedM = 0;            ///< > 0: use exactly this many RC elements (no μ search)
    int maxM = 0;              ///< largest M tried; 0 = min(N, 100)
    /// Smallest M tried; 0 = one τ per decade of the frequency range. Below that the τ grid is too
    /// sparse to follow any arc, and the under-fitted Rₖ alternate in sign, so μ drops below c for
    /// the wrong reason (seen on generated single-arc spectra). 1 = the literal search from M = 1.
    int minM = 0;
    bool seriesCapacitor = false;
    bool inductance = true;
    LinKKFitPart part = LinKKFitPart::Complex;
};

struct LinKKResult {
    int m = 0;             ///< RC elements used
    double mu = 0.0;       ///< μ at that M
    bool muReached = true; ///< false when μ stayed above c up to maxM
    std::vector<double> tauS;
    std::vector<double> rOhm;
    double r0Ohm = 0.0;
    double inductanceH = 0.0;
    double capacitanceF = 0.0;                ///< series C, ∞ when not used
    std::vector<std::complex<double>> fitted; ///< Ẑ in input order
    std::vector<double> residualRealPct;      ///< 100·(Z' − Ẑ')/|Z|
    std::vector<double> residualImagPct;
    double maxResidualPct = 0.0; ///< max over both parts of |residual|
};

/// Runs the test. Errors: invalid spectrum (validateSpectrum, ≥ 4 points), a criterion outside (0, 1].
Expected<LinKKResult> linKK(const EisSpectrum& spectrum, const LinKKOptions& options = {});

} // namespace vanadis::echem
