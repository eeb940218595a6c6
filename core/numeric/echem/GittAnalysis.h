#pragma once
/// \file GittAnalysis.h
/// GITT by Weppner & Huggins (J. Electrochem. Soc. 124 (1977) 1569; echem.md §5): current pulses and
/// relaxations are found from the current, and per pulse
///   D = 4/(π·τ)·(m_B·V_M/(M_B·S))²·(ΔE_s/ΔE_t)²          (full form, cm² s⁻¹)
///   D = 4/(π·τ)·L²·(ΔE_s/ΔE_t)²,  L = r/3 for spheres     (simplified form)
/// with τ the pulse length, ΔE_s the change of the relaxed voltage across the step and ΔE_t the change
/// during the pulse without the IR jump, taken as slope·√τ of a straight-line fit of E against √t over
/// the pulse (valid for τ ≪ L²/D, where E is linear in √t), √t counted from the current switching on
/// (between the last rest point and the first pulse point, whichever is more linear). Units in the
/// names; mass in mg.

#include "numeric/Error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vanadis::echem {

/// A GITT record: time (s), cell voltage (V), current (mA; the sign of the pulses does not matter).
struct GittRecord {
    std::vector<double> timeS;
    std::vector<double> voltageV;
    std::vector<double> currentMa;
};

/// The user's inputs: the geometry that turns (ΔE_s/ΔE_t)² into D. Exactly what is given decides the
/// form: diffusionLengthCm, else particleRadiusCm (L = r/3), else the full form from mass, molar mass,
/// molar volume and area. S (geometric vs BET area) and L change D by orders of magnitude: there is no
/// default for any of them.
struct GittMaterial {
    double activeMassMg = 0.0;               ///< m_B; also used for the capacity axis
    double molarMassGMol = 0.0;              ///< M_B (V2O3: 149.88 g/mol); also for the Na content x
    double molarVolumeCm3Mol = 0.0;          ///< V_M = M_B/ρ (V2O3 ≈ 29.9 cm³/mol)
    double electrodeAreaCm2 = 0.0;           ///< S
    std::optional<double> particleRadiusCm;  ///< spheres: L = r/3
    std::optional<double> diffusionLengthCm; ///< L directly (film or electrode thickness)
};

struct GittOptions {
    /// |I| above this fraction of the largest |I| is a pulse.
    double currentThresholdFraction = 0.02;
    /// Part of the pulse left out at its start before the √t fit (0 = all points after the jump).
    double sqrtFitSkipFraction = 0.0;
    /// Points averaged at the end of each rest for the relaxed voltage (noise on a nearly flat end); only
    /// points in the final 10 % of the rest's duration count.
    int relaxedAveragePoints = 5;
};

/// One pulse with its relaxation.
struct GittPulse {
    std::size_t pulseBegin = 0, pulseEnd = 0,
                restEnd = 0; ///< record indices: [begin, end) pulse, [end, restEnd) rest
    double startTimeS = 0.0;
    double tauS = 0.0;
    double currentMa = 0.0; ///< mean over the pulse, with its sign
    int direction = -1;     ///< sign of the current: −1 discharge (sodiation of a cathode), +1 charge
    double relaxedBeforeV = 0.0;
    double relaxedAfterV = 0.0;
    double deltaEsV = 0.0;          ///< |relaxedAfter − relaxedBefore|
    double deltaEsErrV = 0.0;       ///< 1σ from the scatter of the averaged rest points (0 for one point)
    double deltaEtV = 0.0;          ///< |slope|·√τ of the √t fit
    double deltaEtErrV = 0.0;       ///< 1σ from the standard error of the √t slope
    double deltaEtEndpointsV = 0.0; ///< |E(end of pulse) − E(first pulse point)| for comparison
    double irDropV = 0.0;           ///< relaxedBefore − intercept of the √t fit (sign of the pulse)
    double sqrtSlopeVPerSqrtS = 0.0;
    /// Where the √t transient starts, s after the last rest point (0) … the first pulse point: the
    /// origin between the two that makes E most linear in √t (records differ in which they write).
    double sqrtOriginS = 0.0;
    double sqrtFitR2 = 0.0;
    /// Charge per active mass passed since the current last changed direction (depth of the
    /// sodiation, or of the desodiation), at the end of the pulse.
    double capacityMahG = 0.0;
    /// Net Na inserted per formula unit so far, discharge counting up and charge down (NaN without
    /// molar mass).
    double sodiumContent = 0.0;
    double dCm2S = 0.0;
    /// 1σ of D from the two statistical terms only: σ_D/D = 2·√((σ_Es/ΔE_s)² + (σ_Et/ΔE_t)²). The
    /// geometry (S, L) is the user's and its uncertainty is not included.
    double dErrCm2S = 0.0;
    bool complete = true; ///< pulse length within 2 % of the median (a pulse cut by a cut-off is not)
};

struct GittResult {
    std::vector<GittPulse> pulses;
    double diffusionLengthCm = 0.0; ///< L used (m·V_M/(M·S), r/3 or as given)
    std::string form;               ///< "full", "particle radius", "diffusion length"
    std::vector<std::string> warnings;
};

/// Segments \a record and computes D per pulse. Errors: columns of different lengths or fewer than
/// 10 points, time not increasing, no current, no complete pulse + rest, geometry inputs missing or
/// not positive (named).
Expected<GittResult> analyseGitt(const GittRecord& record, const GittMaterial& material,
                                 const GittOptions& options = {});

} // namespace vanadis::echem
