#pragma once
/// \file ReflectionList.h
/// Reference powder pattern of a crystal structure: the reflections within a 2θ range with d, 2θ,
/// multiplicity, |F|² and relative intensity I = m·|F|²·LP (xrd.md §3, §9). Structure factors with gemmi's
/// IT92 X-ray form factors (International Tables C, Table 6.1.1.4; Waasmaier–Kirfel are not used) and
/// isotropic Debye–Waller factors; no anomalous dispersion, no absorption, no preferred orientation.
/// No Qt here.

#include "numeric/Constants.h"
#include "numeric/Error.h"
#include "numeric/xrd/CrystalStructure.h"

#include <vector>

namespace vanadis::xrd {

/// One powder line: a family of symmetry-equivalent reflections (merged under the Laue group, Friedel
/// pairs included), together with any other families at exactly the same d (a "ring": cubic (5 1 1) with
/// (3 3 3), R-3c (3 0 6) with (0 3 6)), as xrd.md §3 lists them.
struct Reflection {
    Miller hkl; ///< representative: all indices ≥ 0 where possible, then the largest (h, k, l)
    std::vector<Miller> otherFamilies; ///< non-equivalent families coinciding in d, usually empty
    double dA = 0.0;                   ///< interplanar spacing, Å
    double twoThetaDeg = 0.0;
    int multiplicity = 0; ///< number of (h k l) contributing to the line (all families of the ring)
    double f2 = 0.0;      ///< |F|², electrons² per cell (multiplicity-weighted mean over a ring)
    double lorentzPolarisation = 0.0; ///< LP factor (see ReflectionOptions)
    double intensity = 0.0;           ///< m·|F|²·LP, arbitrary units
    double relativeIntensity = 0.0;   ///< intensity scaled so the strongest line in the list is 100
};

/// What to compute.
struct ReflectionOptions {
    double wavelengthA = constants::cuKa1Angstrom; ///< take λ1 from the measured file when it has one
    double twoThetaMinDeg = 5.0;
    double twoThetaMaxDeg = 90.0;
    /// Monochromator Bragg angle 2θ_M, degrees (e.g. 26.6° for graphite (002) with Cu); 0 = none.
    /// LP = (1 + cos²2θ_M·cos²2θ)/(sin²θ cosθ), i.e. (1 + cos²2θ)/(sin²θ cosθ) without one (xrd.md §3).
    double monochromatorTwoThetaDeg = 0.0;
    bool lorentzPolarisation = true; ///< false: I = m·|F|² (e.g. to compare structure factors)
    /// Reflections allowed by the space group but with |F|² below this fraction of the largest |F|² in the
    /// list (site extinctions such as Si (222) with B = 0) are left out.
    double zeroF2Fraction = 1e-9;
};

/// The reference pattern of one phase, sorted by increasing 2θ.
struct ReflectionList {
    std::vector<Reflection> reflections;
    double wavelengthA = 0.0;
    UnitCell cell;
    LatticeSystem latticeSystem = LatticeSystem::Triclinic;
    std::string phaseName;
};

/// Enumerates all (h k l) with 2θ in [twoThetaMinDeg, twoThetaMaxDeg], drops those systematically absent
/// in the space group (gemmi GroupOps::is_systematically_absent: centring and glide/screw conditions,
/// e.g. R-3c hexagonal −h+k+l = 3n, (h −h l) l = 2n), merges equivalents and rings of equal d, computes |F|²
/// from the structure with occupancies divided by the number of images coinciding on special positions
/// (xrd.md §9) and scales the strongest line to 100. Errors: invalid cell, no sites, unusable symmetry
/// operations, λ ≤ 0, an empty or inverted 2θ range, no reflection in range.
Expected<ReflectionList> computeReflectionList(const CrystalStructure& structure,
                                               const ReflectionOptions& options = {});

/// The same reflections at another cell and/or wavelength (positions only; intensities kept), e.g. ticks
/// after a lattice refinement. Reflections leaving 2θ < 180° are dropped; the order is re-sorted.
ReflectionList repositionReflections(const ReflectionList& list, const UnitCell& cell, double wavelengthA);

} // namespace vanadis::xrd
