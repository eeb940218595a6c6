#pragma once
/// \file Bjh.h
/// Mesopore size distribution by the method of Barrett, Joyner & Halenda (J. Am. Chem. Soc. 73 (1951)
/// 373): the branch is stepped from high to low p/p0; each step releases the cores of the pores whose
/// Kelvin radius lies in the step plus the thinning of the film in all pores emptied before. No Qt here.
///
/// Per step n between neighbouring points (x_{n−1} > x_n): ΔV_n = (n_{n−1} − n_n)·liquidPerGas;
/// r_K = f·λ/(−ln x) with the Kelvin length λ = γV_L/(RT) and f = 1 for a cylindrical meniscus (Cohan,
/// J. Am. Chem. Soc. 60 (1938) 433: filling, adsorption branch) or 2 for a hemispherical one (emptying,
/// desorption branch); r_p = r_K + t; r̄ are the means over the step's two ends; Δt_n = t(x_{n−1}) − t(x_n);
/// V_pn = R_n·(ΔV_n − Δt_n·Σ_{j<n} c_j A_j), R_n = r̄_pn²/(r̄_Kn + Δt_n)², c_j = (r̄_pj − t̄_n)/r̄_pj with t̄_n
/// the mean film thickness of step n; A_n = 2V_pn/r̄_pn. Negative V_pn (film thinning larger than the
/// released gas) are kept, as pyGAPS does, and counted so the caller can warn.

#include "numeric/Error.h"
#include "numeric/bet/Adsorptive.h"
#include "numeric/bet/IsothermBranch.h"
#include "numeric/bet/Thickness.h"

#include <vector>

namespace vanadis::bet {

/// Meniscus shape in the Kelvin equation.
enum class Meniscus {
    Cylindrical,  ///< factor 1: pores fill on the adsorption branch (default branch in Vanadis)
    Hemispherical ///< factor 2: pores empty on the desorption branch
};

/// Options. The Kelvin length and liquid factor come from the adsorptive (AdsorptiveData).
struct BjhOptions {
    Meniscus meniscus = Meniscus::Cylindrical;
    ThicknessCurve curve = ThicknessCurve::HarkinsJura;
    double kelvinLengthNm = 0.47706; ///< γV_L/(RT); N2 77.35 K
    double liquidPerGas = 0.0015468; ///< cm³ liquid per cm³ STP; N2
    double minDiameterNm = 1.7;      ///< the Kelvin equation is not trusted below (Micromeritics default)
    double maxDiameterNm = 300.0;    ///< the calculation starts at the first point below this diameter
};

/// One step of the distribution. Diameters in nm, volumes in cm³ (liquid) g⁻¹, areas in m² g⁻¹.
struct BjhBin {
    double pUpper = 0.0, pLower = 0.0;
    double diameterUpperNm = 0.0, diameterLowerNm = 0.0;
    double diameterNm = 0.0;        ///< 2·r̄_p, the mean of the two ends
    double poreVolumeCm3PerG = 0.0; ///< V_p of the step (may be negative, see negativeSteps)
    double poreAreaM2PerG = 0.0;
    double dvDdCm3PerGNm = 0.0;           ///< V_p/ΔD
    double dvDlogDCm3PerG = 0.0;          ///< V_p/Δlog₁₀D
    double cumulativeVolumeCm3PerG = 0.0; ///< from the largest pores down to this one
    double cumulativeAreaM2PerG = 0.0;
};

/// The distribution in order of decreasing diameter.
struct BjhResult {
    std::vector<BjhBin> bins;
    int negativeSteps = 0;           ///< steps with V_p < 0 (kept in the table)
    double peakDiameterNm = 0.0;     ///< maximum of dV/dlogD (the curve usually plotted), from a parabola in
                                     ///< log D through the largest bin and its neighbours
    double peakDiameterDvDdNm = 0.0; ///< maximum of dV/dD
    double totalVolumeCm3PerG = 0.0;
    double totalAreaM2PerG = 0.0;
};

/// Options for an adsorptive: its Kelvin length and liquid factor. Errors for adsorptives without a
/// liquid at the analysis temperature or without thickness curves (Kr at 77 K, CO2 at 273 K): BJH is
/// defined here for N2 (77 K) and Ar (87 K) only. The thickness curves are N2 parameterisations; for Ar
/// the caller should say so.
Expected<BjhOptions> bjhOptionsFor(Adsorptive adsorptive, Meniscus meniscus, ThicknessCurve curve);

/// Runs BJH on one branch (points in any order; repeated pressures are averaged). Errors: fewer than
/// 3 usable points (0 < x < 1) between the diameter limits, invalid options.
Expected<BjhResult> bjh(const IsothermBranch& branch, const BjhOptions& options = {});

} // namespace vanadis::bet
