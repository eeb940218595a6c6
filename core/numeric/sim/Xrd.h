#pragma once
/// \file Xrd.h
/// Forward model of a Cu Kα powder pattern of rhombohedral V2O3 (corundum type, R-3c, hexagonal
/// setting): reflection list from the cell, TCH pseudo-Voigt profiles with Scherrer size broadening and
/// Caglioti instrument broadening, Kα1/Kα2 doublets, a high fluorescence background with amorphous
/// humps, Poisson counting noise. No Qt here.

#include "numeric/Constants.h"
#include "numeric/sim/SimData.h"

#include <cstdint>
#include <vector>

namespace vanadis::sim {

/// One powder reflection of V2O3 for a given cell and wavelength.
struct XrdReflection {
    int h = 0, k = 0, l = 0;
    int multiplicity = 0;
    double dAngstrom = 0.0;    ///< hexagonal d-spacing, Å
    double twoThetaDeg = 0.0;  ///< Bragg angle 2θ for the wavelength asked for, degrees
    double relIntensity = 0.0; ///< integrated intensity incl. m·|F|²·LP, strongest line (116) = 100
};

/// True when (h k l), hexagonal axes, is allowed in R-3c: −h+k+l = 3n; (h −h l): l even; (0 0 l): l = 6n
/// (International Tables A, space group 167, hexagonal setting).
bool isAllowedR3cHex(int h, int k, int l);

/// Hexagonal d-spacing in Å: 1/d² = 4(h² + hk + k²)/(3a²) + l²/c².
double hexagonalDSpacingAngstrom(int h, int k, int l, double aAngstrom, double cAngstrom);

/// V2O3 reflections with 2θ < twoThetaMaxDeg, positions recomputed from the cell and λ (Bragg), relative
/// intensities from the structure-factor table of xrd.md §3 (Newnham & de Haan 1962 structure, B = 0,
/// λ = 1.5406 Å; LP changes by < 0.1 % for other Cu Kα1 values).
std::vector<XrdReflection> v2o3Reflections(double aAngstrom = 4.952, double cAngstrom = 14.002,
                                           double wavelengthAngstrom = constants::cuKa1Angstrom,
                                           double twoThetaMaxDeg = 90.0);

/// Parameters of the simulated pattern. Widths are FWHM in degrees 2θ.
struct XrdParams {
    double aAngstrom = 4.952;
    double cAngstrom = 14.002;
    double lambda1Angstrom = constants::cuKa1Angstrom;
    double lambda2Angstrom = constants::cuKa2Angstrom;
    double ka2Ratio = constants::cuKa2Ratio; ///< Kα2:Kα1 area ratio; 0 gives a pure Kα1 pattern
    double twoThetaStartDeg = 10.0;
    double twoThetaEndDeg = 80.0;
    double stepDeg = 0.02;
    double crystalliteSizeNm = 30.0; ///< Scherrer size (Lorentzian part), nm
    double scherrerK = 0.9;
    double microstrain = 0.0; ///< apparent strain ε, Gaussian broadening 4ε·tanθ (Stokes–Wilson)
    /// Caglioti instrument function Γ_G² = U tan²θ + V tanθ + W (deg²), a SmartLab-like Bragg–Brentano
    /// optic with a D/teX detector (Caglioti, Paoletti & Ricci 1958).
    double cagliotiU = 0.0040;
    double cagliotiV = -0.0020;
    double cagliotiW = 0.0030;
    double zeroShiftDeg = 0.0;         ///< added to every peak position
    double peakAreaScale = 1500.0;     ///< integrated counts·deg of the Kα1 component of the I = 100 line
    double backgroundCounts = 1200.0;  ///< flat V Kα fluorescence level, counts per step
    double lowAngleRiseCounts = 350.0; ///< air scatter, decays exponentially from 10° (scale 12°)
    double carbonHumpCounts = 180.0;   ///< amorphous carbon humps at 24° (FWHM 9°) and 43.5° (FWHM 7°)
    double amorphousHumpCounts = 0.0;  ///< amorphous V2O3−x hump under the main lines (34.5°, FWHM 12°)
    bool countingNoise = true;
    std::uint64_t seed = 1;
};

/// Simulated pattern, kind "pattern": columns "2Theta" (deg), "Intensity" (counts).
/// Profiles: Thompson–Cox–Hastings pseudo-Voigt (J. Appl. Cryst. 20 (1987) 79), size part Lorentzian
/// from Scherrer (β = Kλ/(D cosθ)), Gaussian part from Caglioti and strain; Kα2 from θ2 = asin(λ2/λ1·sinθ1).
SimDataset simulateXrd(const XrdParams& params, const std::string& sampleName = {});

/// TCH total FWHM (deg) and Lorentz fraction η for the given Gaussian and Lorentzian FWHM (deg).
void tchPseudoVoigt(double gaussFwhmDeg, double lorentzFwhmDeg, double& fwhmDeg, double& eta);

} // namespace vanadis::sim
