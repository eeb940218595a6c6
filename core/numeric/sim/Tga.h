#pragma once
/// \file Tga.h
/// Forward model of a thermogravimetric run of carbon-coated V2O3 in O2: moisture loss, two-step
/// oxidation V2O3 → VO2 → V2O5 (mass gain) and carbon burn-off (mass loss), each with Arrhenius kinetics
/// integrated along the linear heating programme. No Qt here.

#include "numeric/sim/SimData.h"

#include <cstdint>
#include <string>

namespace vanadis::sim {

/// One thermally activated step, parameterised by where its DTG peak lies at the programme's heating
/// rate: A follows from Kissinger's condition β·Ea/(R·Tp²) = A·exp(−Ea/(R·Tp)) (Kissinger, Anal. Chem.
/// 29 (1957) 1702), exact for first order and close for the contracting-sphere law.
struct TgaReaction {
    double peakTemperatureC = 400.0;
    double activationEnergyKJPerMol = 120.0;
};

/// Parameters of the run. The sample is V2O3 + C + adsorbed water.
struct TgaParams {
    double sampleMassMg = 9.0; ///< initial (wet) sample mass, mg
    double waterWtPct = 2.0;   ///< adsorbed water, % of the initial mass
    double carbonWtPct = 15.0; ///< carbon, % of the dry mass (the study's quantity)
    double startTemperatureC = 40.0;
    double endTemperatureC = 700.0;
    double heatingRateKPerMin = 5.0;
    double sampleIntervalS = 6.0;
    TgaReaction water{85.0, 45.0};             ///< first-order desorption
    TgaReaction oxidationToVO2{345.0, 150.0};  ///< V2O3 → 2 VO2, first order
    TgaReaction oxidationToV2O5{405.0, 160.0}; ///< 2 VO2 → V2O5, first order in VO2 present
    TgaReaction carbonBurnOff{460.0, 140.0};   ///< contracting sphere, (1 − α)^(2/3)
    double noiseMg = 0.005;                    ///< balance noise, Gaussian σ
    double buoyancyMgPerK = 0.0; ///< apparent gain per K (uncorrected buoyancy); 0 keeps w_C exact
    std::uint64_t seed = 1;
};

/// Generated run, kind "mass": columns "Time" (min), "Temperature" (°C), "Mass" (mg), "Mass %" (% of the
/// initial mass). Without noise and buoyancy the end plateau satisfies m_end/m_dry = (1 − w_C)·M(V2O5)/
/// M(V2O3) exactly, so w_C = 1 − 0.824069·m_end/m_dry (tga.md §2).
SimDataset simulateTga(const TgaParams& params, const std::string& sampleName = {});

} // namespace vanadis::sim
