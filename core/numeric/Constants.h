#pragma once
/// \file Constants.h
/// Physical constants and reference data shared by the forward models and analyses.
/// SI values are CODATA 2018 (exact where the SI defines them); molar masses use IUPAC 2021 standard
/// atomic weights (V 50.9415, O 15.999, C 12.011, N 14.007). No Qt here: core/numeric stays Qt-free.

namespace vanadis::constants {

/// Avogadro constant, mol⁻¹ (exact, SI 2019).
inline constexpr double avogadroPerMol = 6.02214076e23;
/// Faraday constant, C mol⁻¹ (N_A·e, exact).
inline constexpr double faradayCPerMol = 96485.33212;
/// Molar gas constant, J mol⁻¹ K⁻¹ (exact).
inline constexpr double gasConstantJPerMolK = 8.314462618;
/// Zero of the Celsius scale, K.
inline constexpr double zeroCelsiusK = 273.15;
/// Molar volume of an ideal gas at STP (273.15 K, 101.325 kPa), cm³ mol⁻¹ (CODATA 2018).
inline constexpr double molarVolumeStpCm3PerMol = 22413.969;

/// N2 at 77 K: molecular cross-section, nm² (ISO 9277 / IUPAC 2015).
inline constexpr double n2CrossSectionNm2 = 0.162;
/// N2 boiling temperature used by volumetric analysers, K.
inline constexpr double n2TemperatureK = 77.35;
/// Liquid N2 at 77.35 K: surface tension, N m⁻¹ (BJH standard value).
inline constexpr double n2SurfaceTensionNPerM = 8.85e-3;
/// Liquid N2 at 77.35 K: molar volume, cm³ mol⁻¹ (28.0134 g mol⁻¹ / 0.808 g cm⁻³).
inline constexpr double n2LiquidMolarVolumeCm3PerMol = 28.0134 / 0.808;

/// Cu Kα1 and Kα2 wavelengths, Å (Hölzer et al., Phys. Rev. A 56 (1997) 4554).
inline constexpr double cuKa1Angstrom = 1.5405929;
inline constexpr double cuKa2Angstrom = 1.5444274;
/// Conventional Kα2:Kα1 intensity ratio.
inline constexpr double cuKa2Ratio = 0.5;

/// Molar masses, g mol⁻¹ (IUPAC 2021).
inline constexpr double molarMassV2O3 = 149.880;
inline constexpr double molarMassVO2 = 82.940;
inline constexpr double molarMassV2O4 = 165.879;
inline constexpr double molarMassV2O5 = 181.878;
inline constexpr double molarMassC = 12.011;

/// Al Kα photon energy, eV.
inline constexpr double alKalphaEv = 1486.6;

} // namespace vanadis::constants
