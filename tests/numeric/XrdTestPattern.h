#pragma once
/// \file XrdTestPattern.h
/// Generated powder patterns with known lines for tst_xrd_peaks and bench_xrd: lines of the shared line
/// shapes (optionally Kα1/Kα2 doublets), a smooth background, optional hump and Poisson counting noise.

#include "numeric/lineshape/LineShape.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/xrd/Kalpha2.h"

#include <cmath>
#include <functional>
#include <vector>

namespace vanadis::xrdtest {

/// One true line: shape parameters (centre, widths, extras) and the Kα1 area.
struct TrueLine {
    lineshape::Shape shape = lineshape::Shape::PseudoVoigt;
    std::vector<double> params; ///< centre, fwhm, extras (lineshape order)
    double area = 100.0;        ///< Kα1 area, counts·deg
};

struct Pattern {
    std::vector<double> x, y, truth, background; ///< truth = noise-free total
};

/// Pattern on [from, to] with \a step; Kα2 lines added when \a doublet.ratio > 0.
inline Pattern makePattern(double from, double to, double step, const std::vector<TrueLine>& lines,
                           const std::function<double(double)>& background, bool doublets, std::uint64_t seed,
                           bool noise = true, const xrd::KalphaDoublet& doublet = {})
{
    Pattern p;
    const int n = int(std::lround((to - from) / step)) + 1;
    sim::Rng rng(seed);
    for (int i = 0; i < n; ++i) {
        const double x = from + i * step;
        double s = 0.0;
        for (const TrueLine& l : lines) {
            s += l.area * lineshape::density(l.shape, x, l.params);
            if (doublets) {
                std::vector<double> q = l.params;
                q[0] = xrd::kalpha2TwoThetaDeg(l.params[0], doublet);
                s += doublet.ratio * l.area * lineshape::density(l.shape, x, q);
            }
        }
        const double b = background(x);
        p.x.push_back(x);
        p.background.push_back(b);
        p.truth.push_back(b + s);
        p.y.push_back(noise ? rng.poisson(b + s) : b + s);
    }
    return p;
}

/// A fluorescence-like background: flat level, a low-angle rise and a gentle slope.
inline double smoothBackground(double x)
{
    return 400.0 + 300.0 * std::exp(-(x - 10.0) / 12.0) + 1.5 * (x - 10.0);
}

/// Ten pseudo-Voigt doublets over 15–105° (strong, medium and weak), FWHM rising with angle.
inline std::vector<TrueLine> tenLines()
{
    const double c[10] = {18.3, 24.32, 33.0, 36.25, 41.24, 49.83, 53.95, 63.16, 76.96, 89.55};
    const double a[10] = {60, 180, 260, 220, 90, 100, 280, 80, 30, 55};
    std::vector<TrueLine> out;
    for (int k = 0; k < 10; ++k) {
        const double th = c[k] * M_PI / 360.0;
        const double fwhm = 0.08 + 0.06 * std::tan(th);
        out.push_back({lineshape::Shape::PseudoVoigt, {c[k], fwhm, 0.4 + 0.02 * k}, a[k]});
    }
    return out;
}

} // namespace vanadis::xrdtest
