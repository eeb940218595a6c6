#pragma once
/// \file GittAnalysis.h
/// GITT on the platform (id "gitt"): the current pulses and relaxations of a GITT record are found
/// automatically, and per pulse ΔE_s (relaxed voltage change), ΔE_t (slope·√τ of E against √t, IR jump
/// left out) and D(Na⁺) by Weppner–Huggins (J. Electrochem. Soc. 124 (1977) 1569; echem.md §5):
///   D = 4/(π·τ)·(m_B·V_M/(M_B·S))²·(ΔE_s/ΔE_t)²   (full form), or with L = r/3 for spheres, or L given.
/// The maths is core/numeric/echem/GittAnalysis.h. Accepts `gitt` datasets (BioLogic GITT) and, run on
/// request, `cycling_record` and `gcd_profile` datasets (a GITT programme on a LAND or Neware cycler is
/// exported as an ordinary record; a plain Time/Current/Voltage table is filed as a GCD profile).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"

namespace vanadis {

/// The parameters of the "gitt" analysis. Geometry has no default: S (geometric or BET area) and L
/// change D by orders of magnitude, so the user states them.
struct GittAnalysisParams {
    QString geometry;                        ///< "full", "particle_radius" or "diffusion_length"
    std::optional<double> massMg;            ///< m_B; null = the mass the file states
    std::optional<double> molarMassGMol;     ///< M_B (V2O3: 149.88)
    std::optional<double> molarVolumeCm3Mol; ///< V_M = M_B/ρ (V2O3 ≈ 29.9)
    std::optional<double> electrodeAreaCm2;  ///< S
    std::optional<double> particleRadiusUm;  ///< spheres: L = r/3
    std::optional<double> diffusionLengthUm; ///< L directly (film or electrode thickness)
    double currentThresholdPct;              ///< |I| above this % of the largest |I| is a pulse
    double sqrtFitSkipPct;                   ///< start of each pulse left out of the √t fit, % of τ
    int relaxedAveragePoints;                ///< points averaged at the end of each rest
};

ParamTable<GittAnalysisParams> gittParamTable();

/// The `vanadis-cli gitt FILE --json` result: pulses [{index, direction, start_time_s, tau_s, current_ma,
/// capacity_mah_g, sodium_content, voltage_v (relaxed, after the pulse), relaxed_before_v, delta_es_v,
/// delta_es_err_v, delta_et_v, delta_et_err_v, delta_et_endpoints_v, ir_drop_v, sqrt_slope_v_s05,
/// sqrt_fit_r2, d_cm2_s, d_err_cm2_s, log10_d, complete}], n_pulses, n_complete, tau_s,
/// diffusion_length_cm, geometry, active_mass_mg, mass_source, d_median_cm2_s, d_min_cm2_s,
/// d_max_cm2_s, capacity_mah_g (of the last pulse), transient (thinned E, I against t for the figure),
/// warnings. Errors: no Time/Voltage/Current columns, no pulse with a rest, geometry inputs missing.
/// What a GITT run reports to the result view, the Compare table and `vanadis-cli info`, each member
/// bound to its result key once in gittResultTable(); the pulses, the transient and the geometry are
/// detail the compute function writes beside it.
struct GittResult {
    double dMedianCm2S = std::nan(""); ///< median D(Na⁺) of the complete pulses
    double dMinCm2S = std::nan("");
    double dMaxCm2S = std::nan("");
    int nComplete = 0;
    int nPulses = 0;
    double tauS = std::nan("");              ///< median pulse length
    double diffusionLengthCm = std::nan(""); ///< L of the Weppner–Huggins expression
    double capacityMahG = std::nan("");      ///< at the last pulse
};

/// The one declaration of the GITT outputs.
const ResultTable<GittResult>& gittResultTable();

Expected<QJsonObject> computeGitt(const Dataset& dataset, const QJsonObject& params);

const AnalysisDescriptor& gittAnalysis();

} // namespace vanadis
