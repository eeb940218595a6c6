#pragma once
/// \file Smoothing.h
/// Savitzky–Golay smoothing of powder patterns (A. Savitzky, M. J. E. Golay, Anal. Chem. 36 (1964) 1627),
/// with the window chosen from a peak width in degrees 2θ. The filter itself is the one of
/// numeric/tga/SavitzkyGolay (one implementation in the code base); this file adds what the XRD tab
/// needs: a window from the FWHM, the noise gain of the filter (so a peak search can state its
/// threshold in counting-noise units) and XRD-worded errors. No Qt here.

#include "numeric/Error.h"

#include <span>
#include <vector>

namespace vanadis::xrd {

/// Window (odd number of points) and polynomial order of a Savitzky–Golay filter.
struct SmoothingWindow {
    int points = 11; ///< odd, > order
    int order = 2;   ///< 0…6
};

/// Smoothed intensities: at every point the value of the least-squares polynomial of degree \a order
/// fitted to \a window.points neighbouring points (Savitzky & Golay 1964). Near both ends the window is
/// shifted inwards (not shrunk, not padded with invented data), so every value is a genuine fit over
/// window.points measured points; polynomials of degree ≤ order are reproduced exactly everywhere.
/// \a twoThetaDeg must increase strictly; uneven steps get a local fit in 2θ itself. Errors for an
/// even or too small window, an order outside 0…6 or a window longer than the pattern.
Expected<std::vector<double>> savitzkyGolaySmooth(std::span<const double> twoThetaDeg,
                                                  std::span<const double> intensity, SmoothingWindow window);

/// The dⁿ/d(2θ)ⁿ derivative (per degree^n) of the same local polynomial (Savitzky & Golay 1964).
Expected<std::vector<double>> savitzkyGolayDerivative(std::span<const double> twoThetaDeg,
                                                      std::span<const double> intensity,
                                                      SmoothingWindow window, int derivative);

/// Odd window in points that spans about \a fraction × \a fwhmDeg at step \a stepDeg, at least
/// order + 3 (and ≥ 5) points. xrd.md §7: a window of about one FWHM keeps the peak height within a few
/// per cent with order 2 while reducing the counting noise by √(window/2) or so.
int smoothingWindowForFwhm(double fwhmDeg, double stepDeg, int order = 2, double fraction = 1.0);

/// √Σcⱼ² of the interior smoothing weights: the factor by which the filter scales the standard
/// deviation of uncorrelated noise (the counting noise √N of a flat region). NaN for an invalid window.
double smoothingNoiseGain(SmoothingWindow window);

} // namespace vanadis::xrd
