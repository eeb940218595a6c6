#pragma once
/// \file Electrochem.h
/// Forward models of the electrochemical tests of a Na half cell with a V2O3@C cathode (1.5–4.0 V vs
/// Na⁺/Na, sodiation first): per-cycle summaries (LAND "cycle" export), rate test and GCD time series,
/// cyclic voltammetry after Dunn, GITT after Weppner–Huggins, and EIS of R0 + (Rct‖CPE) + W.
/// Current sign convention: charge (desodiation) positive, discharge (sodiation) negative. No Qt here.

#include "numeric/sim/SimData.h"

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

namespace vanadis::sim {

// ---------------------------------------------------------------------------------------------------
// Shared voltage model

/// Sloping V2O3-like open-circuit curve E_eq(s), V vs Na⁺/Na, against the sodiation degree s ∈ [0, 1]
/// (0 = desodiated). A linear slope plus a lattice-gas (Nernst-type) logit term, no plateau, as the
/// study's GCD curves show; monotonically decreasing from ≈ 4.2 V to ≈ 1.1 V.
double openCircuitVoltage(double sodiationDegree);

/// Inverse of openCircuitVoltage (bisection), clamped to [0, 1].
double sodiationAtVoltage(double voltage);

/// Cell polarisation model: ohmic drop I·R plus a Butler–Volmer-like kinetic overpotential
/// η(j) = η0·asinh(j / (2·j0)) that grows with the current density j (A g⁻¹).
struct CellPolarisation {
    double ohmicResistanceOhm = 10.0;
    double kineticOverpotentialV = 0.04; ///< η0
    double exchangeCurrentAPerG = 0.2;   ///< j0
    /// Total polarisation (V) at current density j (A g⁻¹) for active mass m (mg): I = j·m in mA.
    double polarisationV(double currentDensityAPerG, double activeMassMg) const;
};

// ---------------------------------------------------------------------------------------------------
// Long-term cycling (per-cycle summary)

/// Capacity trajectory of a long-term cycling test. Discharge capacity of cycle n:
/// Q(n) = Q0·[1 − f·(1 − e^{−(n−1)/τf}) + a·(L(n) − L(1))] + s·(S(n) − S(1)), with L a logistic step at
/// the activation cycle (recovery after the early fade) and S a softplus ramp (the later rise or decay);
/// the slope s is solved so that Q(N) = finalMahG exactly (noise-free).
struct CyclingParams {
    double currentDensityAPerG = 1.0;
    int cycles = 2000;
    double initialMahG = 176.0;     ///< discharge capacity of cycle 1
    double finalMahG = 176.0;       ///< discharge capacity of the last cycle
    double earlyFadeFraction = 0.1; ///< f
    double earlyFadeCycles = 90.0;  ///< τf
    double recoveryFraction = 0.1;  ///< a
    double activationCycle = 400.0; ///< centre of the recovery, start of the ramp
    double activationWidthCycles = 80.0;
    double firstCycleCePct = 78.0; ///< coulombic efficiency of cycle 1
    double steadyCePct = 99.7;     ///< long-run coulombic efficiency
    double ceNoisePct = 0.08;
    double capacityNoiseRelative = 0.003;
    double activeMassMg = 1.5;
    std::uint64_t seed = 1;
};

/// Noise-free discharge capacity (mAh g⁻¹) of cycle n (1-based).
double cyclingDischargeMahG(const CyclingParams& params, int cycle);

/// LAND-like "Cycle" export, kind "cycling_<j>Ag" from the current density ("cycling_1Ag", "cycling_10Ag"):
/// columns "Cycle" (1), "Charge Capacity" (mAh/g), "Discharge Capacity" (mAh/g), "Coulombic Efficiency"
/// (%, = discharge/charge, LAND CapD/CapC; cycle n = discharge n then charge n).
SimDataset simulateCycling(const CyclingParams& params, const std::string& sampleName = {});

// ---------------------------------------------------------------------------------------------------
// Rate test and GCD profiles (galvanostatic time series)

/// Rate test: cyclesPerStep cycles per current density, discharge first, no rests. Each half cycle maps
/// its capacity linearly onto a sodiation window [s_top, s_bot] where E_eq ± polarisation hits the
/// cut-offs, so the cut-off voltages and capacities are met exactly and the curves get shorter and more
/// polarised at high rate.
struct RateParams {
    std::vector<double> currentDensitiesAPerG{0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 0.1};
    std::vector<double> dischargeMahG{290, 278, 270, 262, 248, 228, 208, 192, 278}; ///< per step, cycles 2..n
    int cyclesPerStep = 5;
    double firstDischargeFraction = 0.286; ///< first sodiation of a fresh cell (83/290 in the study)
    double stepTransientRelative = 0.012;  ///< first cycle of each step deviates by this (relaxation)
    double cePct = 99.5;
    double lowerCutoffV = 1.5;
    double upperCutoffV = 4.0;
    double restVoltageV = 2.9; ///< open-circuit voltage of the fresh cell
    CellPolarisation polarisation;
    double activeMassMg = 1.5;
    int pointsPerHalfCycle = 150;
    double voltageNoiseV = 0.0005;
    double capacityNoiseRelative = 0.002;
    std::uint64_t seed = 1;
};

/// Raw rate-test series, kind "rate": columns "Time" (s), "Voltage" (V), "Current" (mA), "Cycle" (1),
/// "Step" (1-based index of the rate step). Each record closes an equal capacity interval, so
/// Q = Σ|I|·Δt/(3.6·m) per half cycle reproduces the capacity (echem.md §1).
SimDataset simulateRate(const RateParams& params, const std::string& sampleName = {});

/// GCD voltage profiles at one current density for selected cycles.
struct GcdParams {
    double currentDensityAPerG = 0.1;
    std::vector<int> cycles{1, 2, 3, 50};
    double firstDischargeMahG = 83.0;
    double firstChargeMahG = 290.0;
    double reversibleMahG = 290.0;      ///< discharge capacity of cycle 2
    double fadePerCycleRelative = 4e-4; ///< linear fade after cycle 2
    double cePct = 99.3;
    double lowerCutoffV = 1.5;
    double upperCutoffV = 4.0;
    double restVoltageV = 2.9;
    CellPolarisation polarisation;
    double activeMassMg = 1.5;
    int pointsPerHalfCycle = 150;
    double voltageNoiseV = 0.0005;
    std::uint64_t seed = 1;
};

/// Noise-free (discharge, charge) capacities in mAh g⁻¹ of a GCD cycle.
std::pair<double, double> gcdCapacitiesMahG(const GcdParams& params, int cycle);

/// GCD profiles, kind "gcd": columns "Capacity" (mAh/g), "Voltage" (V), "Cycle" (1), "Half" (0 discharge,
/// 1 charge).
SimDataset simulateGcd(const GcdParams& params, const std::string& sampleName = {});

// ---------------------------------------------------------------------------------------------------
// Cyclic voltammetry

/// CV after Dunn's decomposition i(V, v) = k1(V)·v + k2(V)·v^½ (Wang, Polleux, Lim & Dunn, J. Phys. Chem.
/// C 111 (2007) 14925): k1 a broad pseudocapacitive envelope, k2 a diffusion-controlled redox pair.
/// Scan rates in mV s⁻¹, currents in mA. The split is set so that the capacitive share of the charge at
/// 1 mV s⁻¹ equals capacitiveFraction1mVs exactly (noise-free cycles ≥ 2).
struct CvParams {
    std::vector<double> scanRatesMVPerS{0.2, 0.4, 0.6, 0.8, 1.0};
    int cyclesPerRate = 3;
    double lowerV = 1.5;
    double upperV = 4.0;
    double stepV = 0.005;
    double capacity1mVsMahG = 220.0; ///< charge of one half sweep at 1 mV/s, per g active
    double capacitiveFraction1mVs = 0.9;
    double cathodicPeakV = 2.0;
    double anodicPeakV = 2.6;
    double firstCycleExtraRelative = 0.15; ///< extra irreversible sodiation current in cycle 1
    double currentNoiseRelative = 0.002;   ///< σ relative to the largest current of the scan rate
    double activeMassMg = 1.5;
    std::uint64_t seed = 1;
};

/// k1(V) (mA per mV s⁻¹) and k2(V) (mA per (mV s⁻¹)^½) of the model on the cathodic (cathodic = true)
/// or anodic branch; signs follow the current (cathodic negative).
std::pair<double, double> cvDunnCoefficients(const CvParams& params, double potentialV, bool cathodic);

/// CV series, kind "cv": columns "Time" (s, cumulative over the whole sequence), "Potential" (V),
/// "Current" (mA), "Scan Rate" (mV/s), "Cycle" (1, per scan rate). Each cycle starts at upperV and sweeps
/// cathodically first.
SimDataset simulateCv(const CvParams& params, const std::string& sampleName = {});

// ---------------------------------------------------------------------------------------------------
// GITT

/// GITT during sodiation: current pulses (j·m) of pulseS followed by restS of relaxation. The pulse
/// transient is V(t) = E_s − I·R − ΔE_t·√(t/τ) with ΔE_t chosen from the Weppner–Huggins relation
/// (J. Electrochem. Soc. 124 (1977) 1569) so that D = 4/(π·τ)·L²·(ΔE_s/ΔE_t)² holds for the chosen D(x).
struct GittParams {
    double currentDensityAPerG = 0.1;
    double pulseS = 600.0;
    double restS = 2400.0;
    double initialRestS = 600.0;
    double sampleIntervalS = 10.0;
    double capacityMahG = 280.0; ///< capacity of the OCV window scanned (E_eq from startOcvV to 1.55 V)
    double startOcvV = 3.55;     ///< relaxed voltage of the charged cell
    double lowerCutoffV = 1.5;
    double diffusionCm2PerS = 1e-9;    ///< D at the window ends
    double diffusionDipDecades = 0.35; ///< log10 D falls by this much in the middle of the window
    double thicknessCm = 8e-4;         ///< diffusion length L (electrode thickness)
    double ohmicResistanceOhm = 30.0;
    double relaxationTimeS = 350.0; ///< finite-length cut-off of the √-type relaxation after a pulse
    double activeMassMg = 1.5;
    int maxPulses = 25;
    double voltageNoiseV = 0.0002;
    std::uint64_t seed = 1;
};

/// True D (cm² s⁻¹) at sodiation fraction x ∈ [0, 1] of the window.
double gittDiffusionCm2PerS(const GittParams& params, double windowFraction);

/// GITT series, kind "gitt": columns "Time" (s), "Voltage" (V), "Current" (mA). Metadata carry L, τ and
/// the true D of every complete pulse ("d_true_cm2_s", comma-separated, in pulse order).
SimDataset simulateGitt(const GittParams& params, const std::string& sampleName = {});

// ---------------------------------------------------------------------------------------------------
// EIS

/// Circuit R0 + (Rct ‖ CPE) + W (semi-infinite Warburg, Z_W = σ·ω^−½·(1 − j)), impedance.py string
/// "R0-p(Rct,CPE)-W"; CPE Z = 1/(Q·(jω)^n).
struct EisParams {
    double r0Ohm = 5.0;
    double rctOhm = 100.0;
    double cpeQ = 1e-5; ///< S·s^n
    double cpeN = 0.85;
    double warburgSigma = 40.0; ///< Ω·s^−½
    double maxFrequencyHz = 1e5;
    double minFrequencyHz = 1e-2;
    int pointsPerDecade = 10;
    double noiseRelative = 0.005; ///< σ of Z', Z'' noise relative to |Z|
    std::uint64_t seed = 1;
};

/// Model impedance (Ω) at frequency f (Hz).
std::complex<double> eisImpedanceOhm(const EisParams& params, double frequencyHz);

/// Nyquist data, kind "eis": columns "Frequency" (Hz, descending), "Z'" (Ω), "-Z''" (Ω).
SimDataset simulateEis(const EisParams& params, const std::string& sampleName = {});

} // namespace vanadis::sim
