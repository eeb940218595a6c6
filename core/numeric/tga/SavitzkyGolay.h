#pragma once
/// \file SavitzkyGolay.h
/// Savitzky–Golay smoothing and differentiation: the value or a derivative of the least-squares
/// polynomial fitted to the points of a window around each point (A. Savitzky, M. J. E. Golay,
/// Anal. Chem. 36 (1964) 1627). Evenly spaced data share one set of convolution weights; unevenly spaced
/// data get the polynomial fitted in the abscissa itself around every point, so irregular logging
/// (controllers that log on change, times rounded to a few digits) does not distort the derivative.
/// No Qt here.

#include "numeric/Error.h"

#include <cstddef>
#include <span>
#include <vector>

namespace vanadis::tga {

/// Window and polynomial degree of a Savitzky–Golay filter.
struct SavitzkyGolayWindow {
    int points = 11; ///< odd and larger than order
    int order = 2;   ///< polynomial degree, 0…6
};

/// Largest polynomial degree accepted: higher degrees make the local normal equations ill-conditioned.
inline constexpr int kMaxSavitzkyGolayOrder = 6;

/// Weights w_j such that Σ w_j·y_j is the derivative-th derivative, at offset 0, of the least-squares
/// polynomial of degree order through the points (offsets[j], y_j) (Savitzky–Golay 1964, generalised to
/// arbitrary abscissae). Empty when the offsets hold fewer than order + 1 distinct values.
std::vector<double> localPolynomialWeights(std::span<const double> offsets, int order, int derivative);

/// True when the steps of x differ from their mean by at most 1e-3 of it: the derivative error made by
/// treating such data as evenly spaced is below 1e-3 relative, far under any balance noise.
bool isEvenlySpaced(std::span<const double> x);

/// The smoothed value (derivative 0) or the derivative-th derivative dⁿy/dxⁿ at every point
/// (Savitzky–Golay 1964). x must increase strictly. Near both ends the window is shifted inwards rather
/// than shrunk, so every point gets a fit over window.points points. Errors for an even or too small
/// window, an order outside 0…6, derivative > order, or fewer points than the window.
Expected<std::vector<double>> savitzkyGolay(std::span<const double> x, std::span<const double> y,
                                            SavitzkyGolayWindow window, int derivative);

/// The same filter evaluated at one point only (the window clipped and shifted as above); NaN for an
/// invalid window or index. Used where only a handful of values are needed (tangents at inflections).
double savitzkyGolayAt(std::span<const double> x, std::span<const double> y, SavitzkyGolayWindow window,
                       int derivative, std::size_t index);

/// Interior convolution weights for evenly spaced data with step h (the classical Savitzky–Golay table
/// divided by hⁿ); empty for an invalid window.
std::vector<double> savitzkyGolayWeights(SavitzkyGolayWindow window, int derivative, double step);

} // namespace vanadis::tga
