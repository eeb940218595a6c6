#pragma once
/// \file TubeSatellites.h
/// Weak lines a laboratory tube adds to every strong reflection, so that they are not reported as an
/// impurity phase: the anode's Kβ line (passed in part by a Kβ filter, fully without one) and the
/// tungsten Lα1 line of an aged tube, whose filament evaporates onto the anode. Each satellite of a
/// reflection at 2θ₁ (Kα1) lies at the same d: sin θs = (λs/λ1)·sin θ₁ (Bragg). Wavelengths: Bearden,
/// Rev. Mod. Phys. 39 (1967) 78, and Hölzer et al., Phys. Rev. A 56 (1997) 4554 for Cu Kα1/Kβ1;
/// Å, angles in degrees 2θ. No Qt here.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// A line of the tube's spectrum other than Kα1/Kα2.
struct TubeLine {
    std::string name;      ///< "Cu Kβ", "W Lα1"
    double lambdaAngstrom; ///< wavelength, Å
    double maxHeightRatio; ///< largest plausible height relative to the parent Kα1 line
};

/// The satellite lines to look for with a tube of Kα1 wavelength \a lambda1Angstrom: the Kβ1 of the anode
/// recognised from λ1 (Cr, Fe, Co, Cu, Mo, Ag; within 0.002 Å) and W Lα1 (any anode). Kβ through no
/// filter is ≈ 1/5 of Kα (ratio bound 0.35); W Lα1 of a contaminated anode stays below 0.1 of Kα1
/// (bound 0.15). Empty for an unknown λ1 except W Lα1.
std::vector<TubeLine> tubeSatelliteLines(double lambda1Angstrom);

/// A peak of the pattern for the satellite search.
struct SatellitePeak {
    double twoThetaDeg = 0.0; ///< Kα1 position
    double fwhmDeg = 0.0;     ///< 0 when unknown
    double height = 0.0;
};

/// A peak explained as a satellite of a stronger one.
struct SatelliteMatch {
    std::size_t peak = 0;   ///< the satellite peak (index into the peaks given)
    std::size_t parent = 0; ///< the strong peak it belongs to
    std::size_t line = 0;   ///< index into the tube lines given
    double expectedTwoThetaDeg = 0.0;
    double deltaTwoThetaDeg = 0.0; ///< observed − expected
};

/// For each peak in \a candidates (peaks no phase line explains), the parent among \a parents whose
/// satellite of one of \a lines falls within max(0.03°, ⅓·FWHM of the parent, capped at 0.1°) of it and
/// which is at least 1/maxHeightRatio times higher; the closest such parent wins. \a zeroShiftDeg is
/// the instrument's zero shift (observed = true + Z), taken off before Bragg's law and added back.
std::vector<SatelliteMatch> matchTubeSatellites(std::span<const SatellitePeak> peaks,
                                                std::span<const std::size_t> candidates,
                                                std::span<const std::size_t> parents,
                                                std::span<const TubeLine> lines, double lambda1Angstrom,
                                                double zeroShiftDeg = 0.0);

/// 2θ of the line of wavelength \a lambdaS of the reflection whose λ1 line is at \a twoTheta1Deg;
/// NaN when it lies beyond 2θ = 180°.
double satelliteTwoThetaDeg(double twoTheta1Deg, double lambda1Angstrom, double lambdaS);

} // namespace vanadis::xrd
