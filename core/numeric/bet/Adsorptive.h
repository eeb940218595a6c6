#pragma once
/// \file Adsorptive.h
/// Properties of the adsorptives Vanadis evaluates (N2 77 K, Ar 87 K, Kr 77 K, CO2 273 K): molecular
/// cross-section for the BET area and, where a liquid exists at the analysis temperature, the liquid
/// molar volume and surface tension that total pore volume, t-plot and BJH need. No Qt here.

#include <optional>
#include <string>
#include <string_view>

namespace vanadis::bet {

/// The adsorptives of the table below.
enum class Adsorptive { N2, Ar, Kr, CO2 };

/// One row of the adsorptive table. Values that do not exist (a liquid at the analysis temperature of
/// Kr and CO2) are NaN; the methods that need them refuse the adsorptive with a clear error.
struct AdsorptiveData {
    Adsorptive id = Adsorptive::N2;
    std::string_view name;             ///< "N2", "Ar", "Kr", "CO2"
    double temperatureK = 0.0;         ///< usual analysis temperature
    double crossSectionNm2 = 0.0;      ///< molecular cross-section σ (ISO 9277:2022; BETSI defaults)
    double molarMassGPerMol = 0.0;     ///< IUPAC 2021
    double liquidDensityGPerCm3 = 0.0; ///< saturated liquid at temperatureK; NaN when none
    double surfaceTensionNPerM = 0.0;  ///< saturated liquid at temperatureK; NaN when none
    bool bjhSupported = false;         ///< Kelvin/BJH constants and thickness curves apply (N2, Ar)

    /// Liquid molar volume V_L = M/ρ_L, cm³ mol⁻¹ (NaN when there is no liquid).
    double liquidMolarVolumeCm3PerMol() const { return molarMassGPerMol / liquidDensityGPerCm3; }
    /// Gurvich conversion: cm³ of liquid adsorbate per cm³ STP of gas, V_L/22413.969 (N2: 0.0015468).
    double liquidPerGasStp() const;
    /// Kelvin length γ·V_L/(R·T), nm (N2 77.35 K: 0.477 nm). The Kelvin radius is f times this over
    /// −ln x, f = 1 for a cylindrical and 2 for a hemispherical meniscus (Thomson/Kelvin; Cohan 1938).
    double kelvinLengthNm() const;
};

/// The table row of \a a.
const AdsorptiveData& adsorptiveData(Adsorptive a);

/// Parses "N2", "nitrogen", "Ar", "argon", "Kr", "krypton", "CO2", "carbon dioxide" (case-insensitive,
/// surrounding blanks ignored); nullopt for anything else.
std::optional<Adsorptive> adsorptiveFromName(std::string_view name);

/// BET (or Langmuir) area from a monolayer amount: a = n_m·N_A·σ, with n_m in cm³ STP g⁻¹ converted by
/// the molar volume of an ideal gas at STP (22413.969 cm³ mol⁻¹). N2: a [m² g⁻¹] = 4.3526·n_m.
/// Brunauer, Emmett & Teller, J. Am. Chem. Soc. 60 (1938) 309.
double areaM2PerGFromMonolayer(double monolayerCm3PerG, double crossSectionNm2);

/// cm³ STP g⁻¹ → mmol g⁻¹ (divide by 22.413969).
double cm3StpToMmol(double amountCm3PerG);

} // namespace vanadis::bet
