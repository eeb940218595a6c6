#pragma once
/// \file Isotherm.h
/// Forward model of an N2 physisorption isotherm at 77 K with adsorption and desorption branches:
/// multilayer film on all surfaces (BET below p/p0 = 0.40, Harkins–Jura-shaped above) plus capillary
/// condensation in cylindrical mesopores with lognormal size distributions (Cohan cylindrical meniscus on
/// adsorption, Kelvin hemispherical meniscus on desorption, pore blocking through narrower necks and
/// cavitation at p/p0 ≈ 0.46 for H2-type loops). Also a small OLS multipoint BET for tests. No Qt here.

#include "numeric/sim/SimData.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vanadis::sim {

/// One population of cylindrical pores. The distribution is lognormal in diameter, weighted by wall area.
struct PoreMode {
    double areaFraction = 0.5;     ///< share of the BET area that is wall area of these pores
    double medianDiameterNm = 6.0; ///< median pore diameter (area-weighted), nm
    double logSigma = 0.3;         ///< standard deviation of ln(D)
    /// Neck-to-body diameter ratio: a filled pore empties only when its neck does (pore blocking,
    /// H2 loops, IUPAC 2015); 1 = open cylinder (H1-like loop).
    double neckRatio = 1.0;
};

/// Isotherm parameters. Amounts in cm³ STP g⁻¹, areas in m² g⁻¹.
struct IsothermParams {
    double betAreaM2PerG = 100.0; ///< total surface area (external + pore walls) = BET area by construction
    double betC = 100.0;          ///< BET constant C of the multilayer on every surface
    std::vector<PoreMode> pores;  ///< area fractions must sum to < 1; the rest is external surface
    double cavitationPressure = 0.46; ///< lower closure point of N2/77 K loops (tensile-strength limit)
    double sampleMassMg = 100.0;
    double noiseRelative = 0.002;            ///< multiplicative Gaussian noise on the amount
    double pressureJitterRelative = 0.002;   ///< σ of measured − target p/p0, relative to min(x, 1 − x)
    std::vector<double> adsorptionPressures; ///< empty → default schedule (40 points, 0.005–0.995)
    std::vector<double> desorptionPressures; ///< empty → default schedule (25 points, 0.99–0.20)
    std::uint64_t seed = 1;
};

/// Statistical film thickness, nm, on a flat surface: t = t_m·θ(x) with the monolayer thickness
/// t_m = V_L/(σ·N_A) = 0.3554 nm and θ = BET(C) below x = 0.40; above it the film follows the shape of
/// the Harkins–Jura curve (1944) matched in value at 0.40, so that t stays finite as x → 1 and BJH with
/// its default thickness curve sees only the modelled pores.
double filmThicknessNm(double relativePressure, double betC);

/// Number of statistical layers θ(x) = n/n_m of the multilayer (see filmThicknessNm).
double multilayerCoverage(double relativePressure, double betC);

/// Noise-free amount adsorbed, cm³ STP g⁻¹, at relative pressure x on the adsorption branch
/// (desorption = false) or on the desorption branch started from xTop (desorption = true).
double isothermAmountCm3PerG(const IsothermParams& params, double relativePressure, bool desorption,
                             double xTop = 0.995);

/// Generated isotherm, kind "isotherm": columns "P/P0" (1), "Quantity Adsorbed" (cm3/g STP),
/// "Branch" (0 = adsorption, 1 = desorption). Metadata: adsorptive, temperature_k, sample_mass_mg,
/// cross_section_nm2 and the true parameters.
SimDataset simulateIsotherm(const IsothermParams& params, const std::string& sampleName = {});

/// Result of a multipoint BET fit.
struct BetFit {
    double areaM2PerG = 0.0;
    double c = 0.0;
    double monolayerCm3PerG = 0.0;
    double r2 = 0.0;
    int points = 0;
    bool valid = false;
};

/// Multipoint BET by OLS of x/[n(1 − x)] against x over the points with xMin ≤ x ≤ xMax (ISO 9277:2022;
/// Brunauer, Emmett & Teller 1938): n_m = 1/(s + i), C = 1 + s/i, a = n_m·N_A·σ. n in cm³ STP g⁻¹.
BetFit betAreaSimple(const std::vector<double>& relativePressure, const std::vector<double>& amountCm3PerG,
                     double xMin = 0.05, double xMax = 0.30, double crossSectionNm2 = 0.162);

} // namespace vanadis::sim
