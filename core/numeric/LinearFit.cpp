#include "numeric/LinearFit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vanadis::numeric {

LineFit fitLine(std::span<const double> x, std::span<const double> y)
{
    LineFit f;
    const size_t n = std::min(x.size(), y.size());
    f.n = int(n);
    if (n < 2) return f;
    // Centred sums avoid the cancellation of the textbook Σx², (Σx)² form.
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxx = 0, sxy = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mx, dy = y[i] - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (sxx <= 0) return f;
    f.slope = sxy / sxx;
    f.intercept = my - f.slope * mx;
    double ssr = 0;
    for (size_t i = 0; i < n; ++i) {
        const double r = y[i] - (f.slope * x[i] + f.intercept);
        ssr += r * r;
    }
    f.r2 = syy > 0 ? 1.0 - ssr / syy : 1.0;
    if (n > 2) {
        const double s2 = ssr / double(n - 2);
        f.slopeErr = std::sqrt(s2 / sxx);
        f.interceptErr = std::sqrt(s2 * (1.0 / double(n) + mx * mx / sxx));
    }
    f.valid = true;
    return f;
}

double median(std::vector<double> v)
{
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + long(mid), v.end());
    const double hi = v[mid];
    if (v.size() % 2) return hi;
    const double lo = *std::max_element(v.begin(), v.begin() + long(mid));
    return 0.5 * (lo + hi);
}

} // namespace vanadis::numeric
