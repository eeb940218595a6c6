#pragma once
/// \file Kalpha2.h
/// The Kα1/Kα2 doublet of a laboratory tube (xrd.md §2): the Kα2 position of a Kα1 line and Rachinger
/// stripping of the Kα2 contribution (W. A. Rachinger, J. Sci. Instrum. 25 (1948) 254), for display.
/// Wavelengths in Å, angles in degrees 2θ. No Qt here.

#include "numeric/Constants.h"
#include "numeric/Error.h"

#include <span>
#include <vector>

namespace vanadis::xrd {

/// The two lines of the doublet and their intensity ratio. Defaults: Cu (Hölzer et al., Phys. Rev. A 56
/// (1997) 4554), ratio Kα2:Kα1 = 0.5; take λ from the file when it has them.
struct KalphaDoublet {
    double lambda1Angstrom = constants::cuKa1Angstrom;
    double lambda2Angstrom = constants::cuKa2Angstrom;
    double ratio = constants::cuKa2Ratio; ///< I(Kα2)/I(Kα1), 0 … 1
};

/// 2θ of the Kα2 line of a reflection whose Kα1 line is at \a twoTheta1Deg (same d):
/// θ2 = asin((λ2/λ1)·sin θ1). NaN when the Kα2 line would lie beyond 2θ = 180°.
double kalpha2TwoThetaDeg(double twoTheta1Deg, const KalphaDoublet& doublet);

/// Inverse: 2θ of the Kα1 line whose Kα2 line is at \a twoTheta2Deg.
double kalpha1TwoThetaDeg(double twoTheta2Deg, const KalphaDoublet& doublet);

/// Rachinger (1948) stripping: walks up in 2θ and removes from every point the Kα2 intensity of the
/// already-stripped Kα1 pattern, I₁(2θ) = I(2θ) − R·I₁(2θ₁(2θ)), with 2θ₁ the Kα1 angle whose Kα2 line
/// falls at 2θ (linear interpolation between points). It assumes the Kα2 profile is the Kα1 profile
/// shifted and scaled, so it is for display and peak search, not for quantitative fitting (xrd.md §8:
/// fit doublets instead). Apply it to background-subtracted intensities: on raw counts a flat
/// background B is also stripped, to B/(1 + R). Points whose Kα1 partner lies below the first 2θ are
/// left as measured. Counting noise is amplified by up to 1/√(1 − R²). Errors: lengths differ, fewer
/// than 2 points, 2θ not increasing, λ2 ≤ λ1 or a ratio outside [0, 1).
Expected<std::vector<double>> stripKalpha2(std::span<const double> twoThetaDeg,
                                           std::span<const double> intensity,
                                           const KalphaDoublet& doublet = {});

} // namespace vanadis::xrd
