#include "numeric/xrd/Smoothing.h"

#include "numeric/tga/SavitzkyGolay.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vanadis::xrd {

namespace {

Expected<std::vector<double>> run(std::span<const double> x, std::span<const double> y, SmoothingWindow w,
                                  int derivative)
{
    if (x.size() != y.size()) return fail("", "smoothing", "2θ and intensity have different lengths");
    for (std::size_t i = 1; i < x.size(); ++i)
        if (!(x[i] > x[i - 1])) return fail("", "smoothing", "2θ must increase strictly");
    auto r = tga::savitzkyGolay(x, y, tga::SavitzkyGolayWindow{w.points, w.order}, derivative);
    if (!r) return std::unexpected(r.error());
    return r;
}

} // namespace

Expected<std::vector<double>> savitzkyGolaySmooth(std::span<const double> twoThetaDeg,
                                                  std::span<const double> intensity, SmoothingWindow window)
{
    return run(twoThetaDeg, intensity, window, 0);
}

Expected<std::vector<double>> savitzkyGolayDerivative(std::span<const double> twoThetaDeg,
                                                      std::span<const double> intensity,
                                                      SmoothingWindow window, int derivative)
{
    return run(twoThetaDeg, intensity, window, derivative);
}

int smoothingWindowForFwhm(double fwhmDeg, double stepDeg, int order, double fraction)
{
    int minimum = std::max(5, order + 3);
    if (minimum % 2 == 0) ++minimum;
    if (!(fwhmDeg > 0.0) || !(stepDeg > 0.0) || !(fraction > 0.0)) return minimum;
    const double points = std::min(fraction * fwhmDeg / stepDeg, 1e6);
    int w = int(std::lround(points));
    if (w % 2 == 0) ++w;
    return std::max(w, minimum);
}

double smoothingNoiseGain(SmoothingWindow window)
{
    const std::vector<double> c = tga::savitzkyGolayWeights({window.points, window.order}, 0, 1.0);
    if (c.empty()) return std::numeric_limits<double>::quiet_NaN();
    double s = 0.0;
    for (double v : c)
        s += v * v;
    return std::sqrt(s);
}

} // namespace vanadis::xrd
