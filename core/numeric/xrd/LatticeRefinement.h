#pragma once
/// \file LatticeRefinement.h
/// Lattice-parameter refinement from indexed powder lines (xrd.md §4): a weighted linear least-squares
/// start in Q = 1/d² with linearised zero/displacement terms, then weighted non-linear least squares in 2θ
/// with the shared engine (fit/LeastSquares.h) for the independent cell parameters of the lattice system
/// plus a zero shift and/or a sample-displacement term. Standard uncertainties (esd) from the covariance,
/// the volume's propagated through it. Lengths Å, angles and 2θ degrees. No Qt here.

#include "numeric/Constants.h"
#include "numeric/Error.h"
#include "numeric/xrd/UnitCell.h"

#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// One observed line assigned to one reflection, or to several overlapping ones (then modelled at the
/// intensity-weighted mean of their calculated 2θ).
struct RefinementLine {
    std::vector<Miller> hkl;     ///< at least one
    std::vector<double> weights; ///< relative intensities of the members (empty: equal)
    double twoThetaDeg = 0.0;    ///< observed position
    double sigmaDeg = 0.0;       ///< 1σ of the position; ≤ 0 on any line: all lines weighted equally
};

/// Instrument terms refined with the cell. 2θ_obs = 2θ_calc + Z + D·g(θ), where Z is the zero shift and D
/// the sample-displacement coefficient with the angular form g of the diffraction geometry (see
/// DiffractionGeometry). Zero shift and displacement are strongly correlated over a short 2θ range.
enum class PositionCorrection { None, ZeroShift, SampleDisplacement, ZeroShiftAndDisplacement };

/// How a displaced specimen moves the lines (Klug & Alexander 1974, ch. 5; Wilson 1963).
enum class DiffractionGeometry {
    /// Bragg–Brentano reflection from a flat specimen s above the focusing circle (sample height):
    /// Δ2θ = −(2s/R)·cosθ rad, so g = cosθ and D = −(2s/R)·180/π.
    Reflection,
    /// Debye–Scherrer transmission (capillary, foil; detector scan at a fixed incidence): a specimen s off
    /// the goniometer axis perpendicular to the primary beam moves the lines by Δ2θ = −(s/R)·cos2θ rad,
    /// so g = cos2θ and D = −(s/R)·180/π. The offset along the beam (∝ sin2θ) mimics a change of the cell
    /// and is not refined, as in the usual capillary practice (it needs an internal standard).
    Transmission,
};

struct RefinementOptions {
    double wavelengthA = constants::cuKa1Angstrom; ///< Kα1 exactly as the file states it
    LatticeSystem system = LatticeSystem::Cubic;
    PositionCorrection correction = PositionCorrection::ZeroShift;
    DiffractionGeometry geometry = DiffractionGeometry::Reflection; ///< the form of the displacement term
    double zeroShiftStartDeg = 0.0;                                 ///< e.g. Indexing::zeroShiftDeg
    double goniometerRadiusMm = 0.0; ///< detector-circle radius; > 0: also report the displacement s in mm
    /// true: esd scaled by √(χ²/ν) (the usual cell-refinement convention; σ only fixes relative weights);
    /// false: esd from the given σ alone.
    bool scaleEsdByFit = true;
};

/// One line after refinement.
struct LineResidual {
    std::vector<Miller> hkl;
    double observedDeg = 0.0;
    double calculatedDeg = 0.0; ///< including the zero and displacement terms
    double residualDeg = 0.0;   ///< observed − calculated
    double dObservedA = 0.0;    ///< d of the observed position after removing the instrument terms
    double dCalculatedA = 0.0;
};

/// Result of refineLattice(). esd are 1σ; parameters fixed by the lattice system carry the esd of the one
/// they equal (b = a in a hexagonal cell) and 0 when fixed by symmetry (γ = 120°).
struct LatticeRefinement {
    LatticeSystem system = LatticeSystem::Cubic;
    UnitCell cell;
    UnitCell esd; ///< the esd of each cell parameter, same units
    double volumeA3 = 0.0;
    double volumeEsdA3 = 0.0;
    double zeroShiftDeg = 0.0, zeroShiftEsdDeg = 0.0;               ///< 0, 0 when not refined
    double displacementCoefDeg = 0.0, displacementCoefEsdDeg = 0.0; ///< D; 0, 0 when not refined
    double displacementMm = 0.0, displacementEsdMm = 0.0;           ///< s (NaN without a radius)
    UnitCell linearStart;                                           ///< the Q-space linear solution
    std::vector<std::string> parameterNames;                        ///< "a", "c", "zero", "displacement"…
    std::vector<double> correlation; ///< row-major, parameterNames.size()² (refined parameters only)
    std::vector<LineResidual> lines; ///< in input order
    double residualSdDeg = 0.0;      ///< √(Σ w r²/ν) in degrees for unit weights
    double chi2Reduced = 0.0;
    int dof = 0;
    bool converged = false;
    std::vector<std::string> warnings;
};

/// Refines the cell of \a options.system starting from \a start (the reference cell of the phase, or any
/// cell of that system) to the observed \a lines. Errors: fewer lines than refined parameters + 1, a line
/// without hkl or with 2θ outside (0, 180), λ ≤ 0, a set of lines that cannot determine a parameter (e.g.
/// only (h k 0) lines for c, only (0 0 l) for a), an invalid start cell.
Expected<LatticeRefinement> refineLattice(std::span<const RefinementLine> lines, const UnitCell& start,
                                          const RefinementOptions& options);

/// Number of independent cell parameters of \a system (cubic 1, tetragonal/hexagonal/rhombohedral 2,
/// orthorhombic 3, monoclinic 4, triclinic 6).
int cellParameterCount(LatticeSystem system);

} // namespace vanadis::xrd
