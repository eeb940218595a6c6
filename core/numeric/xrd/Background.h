#pragma once
/// \file Background.h
/// Backgrounds of powder patterns (xrd.md §6): SNIP clipping (C. G. Ryan et al., Nucl. Instrum. Methods
/// B 34 (1988) 396; M. Morháč et al., Nucl. Instrum. Methods A 401 (1997) 113; Morháč & Matoušek, Appl.
/// Spectrosc. 62 (2008) 91) and curves through user-given anchor points (least-squares polynomial or
/// natural cubic spline). Intensities in counts (or cps), positions in degrees 2θ. No Qt here.

#include "numeric/Error.h"

#include <span>
#include <vector>

namespace vanadis::xrd {

/// Settings of the SNIP filter.
struct SnipOptions {
    /// Largest clipping half-distance p in points (the number of iterations). xrd.md §6: about 1–2 full
    /// widths of the widest peak in points (snipWindowForFwhm); a larger value also clips broad humps
    /// into the background less and less (they stay in the signal), a smaller one cuts into wide peaks.
    int windowPoints = 40;
    /// Clip ln(ln(√(y+1)+1)+1) instead of y (Morháč 1997, "LLS"): compresses the dynamic range so that
    /// the clipping under strong peaks does not dig into the background; back-transformed at the end.
    bool llsTransform = true;
    /// Run p from windowPoints down to 1 instead of 1 up (Morháč & Matoušek 2008): the same clipping
    /// depth with a smoother result near peak feet.
    bool decreasingWindow = true;
    /// Odd Savitzky–Golay window (points) applied to the counts before clipping, 0 or 1 = none. Clipping
    /// takes minima, so on raw Poisson noise it settles about one σ low; smoothing first removes most of
    /// that bias (Morháč 2008 does the same with its "smoothing window").
    int smoothingPoints = 0;
};

/// SNIP background: v_p(i) = min(v(i), ½[v(i−p) + v(i+p)]) for p = 1 … windowPoints (or downwards),
/// on the LLS-transformed counts when asked (Ryan 1988; Morháč 1997/2008). Near the ends, where i ± p
/// leaves the pattern, p is reduced to the distance to the end, so the first and last points are
/// never clipped (there is no data beyond them to compare with). Negative intensities are treated as
/// 0 by the LLS transform. Errors for windowPoints < 1, empty input or NaN/inf.
Expected<std::vector<double>> snipBackground(std::span<const double> intensity,
                                             const SnipOptions& options = {});

/// SNIP window in points for the widest peak of FWHM \a fwhmDeg at step \a stepDeg: factor × FWHM
/// (xrd.md §6, factor 1–2), at least 1.
int snipWindowForFwhm(double fwhmDeg, double stepDeg, double factor = 1.5);

/// How the curve through anchor points is drawn.
enum class AnchorCurve {
    Linear,        ///< straight segments (Fityk's "linear" background); constant beyond the end anchors
    Polynomial,    ///< least-squares polynomial in 2θ scaled to [−1, 1], degree ≤ anchors − 1
    NaturalSpline, ///< interpolating cubic spline with zero curvature at the end anchors; linear beyond
};

/// Settings of an anchor-point background.
struct AnchorOptions {
    AnchorCurve curve = AnchorCurve::NaturalSpline;
    int polynomialDegree = 3; ///< for Polynomial; lowered to anchors − 1 when there are fewer anchors
    /// Each anchor's level is the mean intensity of the points within ± this many points of the anchor
    /// (so a click on a noisy pattern does not pin the background to one Poisson sample); 0 = the
    /// nearest point's value.
    int averageHalfWidthPoints = 2;
};

/// Background at every point of \a twoThetaDeg from anchors at \a anchorTwoThetaDeg (any order;
/// duplicates within half a step are merged; anchors outside the pattern are an error). Needs ≥ 1
/// anchor (Linear), ≥ 2 (NaturalSpline), ≥ degree + 1 (Polynomial, after lowering ≥ 1).
Expected<std::vector<double>> anchorBackground(std::span<const double> twoThetaDeg,
                                               std::span<const double> intensity,
                                               std::span<const double> anchorTwoThetaDeg,
                                               const AnchorOptions& options = {});

/// The same curve through anchors whose levels are given (\a anchorIntensity, same length as
/// \a anchorTwoThetaDeg), evaluated at \a twoThetaDeg.
Expected<std::vector<double>> anchorCurve(std::span<const double> twoThetaDeg,
                                          std::span<const double> anchorTwoThetaDeg,
                                          std::span<const double> anchorIntensity,
                                          const AnchorOptions& options);

} // namespace vanadis::xrd
