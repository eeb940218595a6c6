#include "numeric/xrd/Kalpha2.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {
constexpr double kRadPerDeg = std::numbers::pi / 180.0;
}

double kalpha2TwoThetaDeg(double twoTheta1Deg, const KalphaDoublet& d)
{
    const double s = d.lambda2Angstrom / d.lambda1Angstrom * std::sin(0.5 * twoTheta1Deg * kRadPerDeg);
    if (!(std::abs(s) <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
    return 2.0 * std::asin(s) / kRadPerDeg;
}

double kalpha1TwoThetaDeg(double twoTheta2Deg, const KalphaDoublet& d)
{
    const double s = d.lambda1Angstrom / d.lambda2Angstrom * std::sin(0.5 * twoTheta2Deg * kRadPerDeg);
    if (!(std::abs(s) <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
    return 2.0 * std::asin(s) / kRadPerDeg;
}

Expected<std::vector<double>> stripKalpha2(std::span<const double> x, std::span<const double> y,
                                           const KalphaDoublet& d)
{
    const std::size_t n = x.size();
    if (y.size() != n) return fail("", "Kα2 stripping", "2θ and intensity have different lengths");
    if (n < 2) return fail("", "Kα2 stripping", "the pattern needs at least two points");
    for (std::size_t i = 1; i < n; ++i)
        if (!(x[i] > x[i - 1])) return fail("", "Kα2 stripping", "2θ must increase strictly");
    if (!(d.lambda1Angstrom > 0.0) || !(d.lambda2Angstrom > d.lambda1Angstrom))
        return fail("", "Kα2 stripping", "the Kα2 wavelength must be longer than the Kα1 wavelength");
    if (!(d.ratio >= 0.0 && d.ratio < 1.0))
        return fail("", "Kα2 stripping", "the Kα2:Kα1 ratio must lie in [0, 1)");

    std::vector<double> out(y.begin(), y.end());
    std::size_t j = 0; // bracket of the partner angle; partner angles increase with i
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = kalpha1TwoThetaDeg(x[i], d);
        if (!(x1 >= x.front())) continue;
        while (j + 1 < n && x[j + 1] <= x1)
            ++j;
        if (j >= i) continue; // cannot happen for λ2 > λ1; guards the indexing below
        const double t = (x1 - x[j]) / (x[j + 1] - x[j]);
        if (j + 1 < i) {
            out[i] -= d.ratio * (out[j] + t * (out[j + 1] - out[j]));
        } else {
            // The partner falls between x[i−1] and x[i]: the interpolation involves the point being
            // stripped itself, I₁ = y − R[(1 − t)·I₁(i−1) + t·I₁], solved for I₁.
            out[i] = (y[i] - d.ratio * (1.0 - t) * out[j]) / (1.0 + d.ratio * t);
        }
    }
    return out;
}

} // namespace vanadis::xrd
