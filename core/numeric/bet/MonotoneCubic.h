#pragma once
/// \file MonotoneCubic.h
/// Piecewise cubic Hermite interpolation that preserves monotonicity (PCHIP): Fritsch & Carlson, SIAM J.
/// Numer. Anal. 17 (1980) 238, with the weighted-harmonic-mean slopes of Fritsch & Butland, SIAM J. Sci.
/// Stat. Comput. 5 (1984) 300. BETSI reads the pressure at the BET monolayer from such an interpolant of
/// n(p/p0) (Osterrieth et al., Adv. Mater. 34 (2022) 2201502). No Qt here.

#include <span>
#include <vector>

namespace vanadis::bet {

/// y(x) through the given points; x must not decrease (repeated x are merged by averaging y).
class MonotoneCubic {
public:
    MonotoneCubic() = default;
    MonotoneCubic(std::span<const double> x, std::span<const double> y);

    /// Value at \a x; the end values outside the data range.
    double operator()(double x) const;
    /// The smallest x at which the curve reaches \a y (the first crossing, scanning from low x), or NaN
    /// when y is never reached. O(log n) plus a bisection on one segment.
    double firstCrossing(double y) const;
    bool empty() const { return m_x.empty(); }

private:
    double segment(std::size_t k, double x) const;

    std::vector<double> m_x, m_y, m_d;
    std::vector<double> m_runningMax; // max of y[0..k]: monotone, so the first crossing is a binary search
};

} // namespace vanadis::bet
