#pragma once
/// \file CarbonContent.h
/// Carbon content of an oxide/carbon composite from a TGA run in O2 or air, corrected for the mass the
/// oxide gains while the carbon burns (tga.md §2):
///
///     w_C = 1 − (m_end/m_dry) · ν · M_start / M_product
///
/// with m_dry the mass after the moisture has left and m_end the end-plateau mass (residue = product only),
/// ν = moles of start compound per mole of product. The naive "100 % − residue" is wrong whenever the
/// oxide gains mass (V2O3 → V2O5: +21.3 %). Molar masses: IUPAC 2021 standard atomic weights
/// (numeric/Constants.h). No Qt here.

#include "numeric/tga/MassReadings.h"
#include "numeric/tga/TgaCurve.h"

#include <optional>
#include <string>
#include <vector>

namespace vanadis::tga {

/// The oxidation the residue went through: start compound → product, with its stoichiometry.
struct OxidationReaction {
    std::string start = "V2O3";   ///< formula of the oxide in the composite
    std::string product = "V2O5"; ///< formula of the residue
    double startMolarMassGPerMol = 149.880;
    double productMolarMassGPerMol = 181.878;
    double startPerProduct = 1.0; ///< ν: moles of start compound per mole of product (2 for 2 VO2 → V2O5)

    /// ν·M_start/M_product: the factor that turns m_end/m_dry into the oxide fraction of the dry mass.
    double factor() const { return startPerProduct * startMolarMassGPerMol / productMolarMassGPerMol; }
};

/// V2O3 → V2O5 (the default; ν = 1, factor 0.824069).
OxidationReaction v2o3ToV2o5();
/// VO2 → V2O5 (2 VO2 + ½ O2 → V2O5; ν = 2, factor 0.912040).
OxidationReaction vo2ToV2o5();
/// V2O5 already fully oxidised: no correction (factor 1, w_C = 1 − m_end/m_dry).
OxidationReaction v2o5NoCorrection();
/// Any pair: start and product molar masses in g mol⁻¹ and ν.
OxidationReaction customReaction(std::string start, std::string product, double startMolarMassGPerMol,
                                 double productMolarMassGPerMol, double startPerProduct);
/// The preset for a start/product pair ("V2O3"/"V2O5", "VO2"/"V2O5", "V2O4"/"V2O5", "V2O5"/"V2O5");
/// nullopt for an unknown pair.
std::optional<OxidationReaction> oxidationPreset(const std::string& start, const std::string& product);

/// w_C in % from the two masses (any common unit): 100·(1 − (endMass/dryMass)·factor) (tga.md §2).
double carbonWtPctFromMasses(double dryMass, double endMass, const OxidationReaction& reaction);

/// Where m_dry and m_end are read.
struct CarbonOptions {
    OxidationReaction reaction = v2o3ToV2o5();
    double dryTemperatureC = 150.0; ///< dry basis: water has left below this temperature
    double dryWindowC = 10.0;       ///< full width of the window averaged around dryTemperatureC
    double endWindowC = 20.0; ///< end plateau: the top endWindowC of the run, on its last pass (for a run
                              ///< that only heats: its last endWindowC; a final cooling is left out)
    double endFromC = 0.0; ///< explicit end plateau [endFromC, endToC] (its last pass) when endToC > endFromC
    double endToC = 0.0;
    double flatLimitPct = 0.1; ///< largest drift across the end plateau, % of m_dry, before "not flat"
    /// A buoyancy the masses were NOT corrected for, % of the initial mass per 100 K, that the uncertainty
    /// must cover (0: corrected, by a blank or a coefficient). Typical thermobalances drift 0.02–0.05.
    double uncorrectedBuoyancyPctPer100K = 0.0;
};

/// The result with the readings behind it, so the number can be checked by hand.
struct CarbonContent {
    double carbonWtPct = 0.0; ///< w_C, % of the dry mass
    double carbonWtPctErr =
        0.0; ///< 1σ: the noise of both plateau means, an uncorrected buoyancy and the drift
    double carbonWtPctErrStatistical = 0.0; ///< the part from the noise of the two means
    double buoyancyBiasWtPct = 0.0; ///< the shift an uncorrected buoyancy of the stated size would cause
    double driftErrWtPct = 0.0;     ///< half the end plateau's drift, in wt% of carbon
    double massRatio = 0.0;         ///< m_end/m_dry
    double residueWtPct = 0.0;      ///< 100·m_end/m_dry: the residue on the dry basis
    double residueInitialPct = 0.0; ///< 100·m_end/m_initial: the residue as the vendor packages give it
    double factor = 0.0;            ///< ν·M_start/M_product
    PlateauReading dry, end, initial;
    bool massInMg = true; ///< the readings are in mg (else in % of the initial mass)
    double dryTemperatureC = 0.0;
    bool endPlateauFlat = true;
    double endDriftPctOfDry = 0.0; ///< mass change across the end plateau, % of m_dry
    std::string derivation;        ///< the numbers used, line by line, for the result panel
    std::vector<std::string> warnings;
};

/// w_C with its uncertainty, readings and derivation (tga.md §2). m_dry is the mean over dryWindowC around
/// dryTemperatureC on the first heating pass (the initial mass when the run starts above it); m_end the
/// mean of the end plateau (the last pass through the top endWindowC of the run, or [endFromC, endToC]).
/// Errors when the run never reaches the dry-basis temperature or the end plateau does not lie above it.
/// Warnings: plateau not flat ("oxidation may be incomplete"), w_C outside 0–100 %, run ending below 550 °C
/// for a vanadium oxide.
Expected<CarbonContent> carbonContent(const TgaCurve& curve, const CarbonOptions& options = {});

} // namespace vanadis::tga
