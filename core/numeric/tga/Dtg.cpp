#include "numeric/tga/Dtg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace vanadis::tga {

namespace {

constexpr int kMaxAutoWindow = 201;
constexpr double kBinnedWindow = 101.0; // binned points per window when dense runs are binned
constexpr double kAutoWindowMaxMin = 2.0;
constexpr double kAutoWindowMaxC = 10.0;

double medianOf(std::vector<double>& v)
{
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Every k-th element, so that medians over 10⁵ points cost a few thousand comparisons.
std::vector<double> strided(std::size_t n, std::size_t maxSamples, auto&& value)
{
    const std::size_t stride = std::max<std::size_t>(1, n / maxSamples);
    std::vector<double> out;
    out.reserve(n / stride + 1);
    for (std::size_t i = 0; i < n; i += stride)
        out.push_back(value(i));
    return out;
}

int oddClamp(double points, int lo, int hi)
{
    int p = int(std::lround(std::clamp(points, double(lo), double(hi))));
    if (p % 2 == 0) p = (p + 1 <= hi) ? p + 1 : p - 1;
    return p;
}

int minimumWindow(int order)
{
    return std::max(5, (order + 2) | 1);
}

/// Means of consecutive blocks of k values (the last block may be shorter).
std::vector<double> blockMeans(const std::vector<double>& v, std::size_t k)
{
    std::vector<double> out;
    out.reserve(v.size() / k + 1);
    for (std::size_t i = 0; i < v.size(); i += k) {
        const std::size_t e = std::min(v.size(), i + k);
        double s = 0;
        for (std::size_t j = i; j < e; ++j)
            s += v[j];
        out.push_back(s / double(e - i));
    }
    return out;
}

/// y known at the increasing abscissae xb, linearly interpolated at every x (held constant beyond the ends).
std::vector<double> interpolateAt(const std::vector<double>& xb, const std::vector<double>& yb,
                                  const std::vector<double>& x)
{
    std::vector<double> out(x.size());
    std::size_t j = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        while (j + 1 < xb.size() && xb[j + 1] < x[i])
            ++j;
        if (x[i] <= xb.front())
            out[i] = yb.front();
        else if (j + 1 >= xb.size())
            out[i] = yb.back();
        else {
            const double f = (x[i] - xb[j]) / (xb[j + 1] - xb[j]);
            out[i] = yb[j] + f * (yb[j + 1] - yb[j]);
        }
    }
    return out;
}

} // namespace

double heatingRateKPerMin(const TgaCurve& c)
{
    if (!c.hasTime() || c.size() < 2) return 0.0;
    std::vector<double> rates;
    const std::size_t n = c.size() - 1;
    const std::size_t stride = std::max<std::size_t>(1, n / 20000);
    for (std::size_t i = 0; i < n; i += stride) {
        const double dt = c.timeMin[i + 1] - c.timeMin[i];
        if (!(dt > 0)) continue;
        const double r = std::abs(c.temperatureC[i + 1] - c.temperatureC[i]) / dt;
        if (r > 0.5) rates.push_back(r);
    }
    // Isothermal holds are excluded above; a run that is mostly isothermal still has its ramp rate here.
    if (rates.size() < 5) return 0.0;
    return medianOf(rates);
}

DtgWindowChoice automaticDtgWindow(const TgaCurve& c, int order)
{
    const int lo = minimumWindow(order);
    const std::size_t n = c.size();
    if (n < 2) return {lo, 1};
    double spanPoints;
    if (c.hasTime()) {
        auto steps = strided(n - 1, 20000, [&](std::size_t i) { return c.timeMin[i + 1] - c.timeMin[i]; });
        const double step = medianOf(steps);
        double duration = kAutoWindowMaxMin;
        const double beta = heatingRateKPerMin(c);
        if (beta > 0) duration = std::min(duration, kAutoWindowMaxC / beta);
        spanPoints = step > 0 ? duration / step : lo;
    } else {
        auto steps = strided(
            n - 1, 20000, [&](std::size_t i) { return std::abs(c.temperatureC[i + 1] - c.temperatureC[i]); });
        const double step = medianOf(steps);
        spanPoints = step > 0 ? kAutoWindowMaxC / step : lo;
    }
    DtgWindowChoice out;
    if (spanPoints > kMaxAutoWindow) {
        out.binPoints = int(std::ceil(spanPoints / kBinnedWindow));
        spanPoints /= out.binPoints;
    }
    const std::size_t bins = (n + std::size_t(out.binPoints) - 1) / std::size_t(out.binPoints);
    const int hi = std::max(lo, int(std::min<std::size_t>(kMaxAutoWindow, bins % 2 ? bins : bins - 1)));
    out.points = oddClamp(spanPoints, lo, hi);
    return out;
}

double robustNoiseSigma(std::span<const double> y)
{
    if (y.size() < 5) return 0.0;
    auto d2 =
        strided(y.size() - 2, 50000, [&](std::size_t i) { return std::abs(y[i + 2] - 2 * y[i + 1] + y[i]); });
    return 1.4826 * medianOf(d2) / std::sqrt(6.0);
}

Expected<Dtg> computeDtg(const TgaCurve& c, const DtgOptions& o)
{
    const std::size_t n = c.size();
    Dtg out;
    out.againstTime = c.hasTime();
    const int order = o.polynomialOrder;
    if (order < 1 || order > kMaxSavitzkyGolayOrder)
        return fail("", "parameter 'dtg_polynomial_order'",
                    "the DTG polynomial order must be between 1 and 6");
    DtgWindowChoice choice{o.windowPoints, 1};
    if (o.windowPoints <= 0) choice = automaticDtgWindow(c, order);
    const int points = choice.points;
    if (points % 2 == 0)
        return fail("", "parameter 'dtg_window_points'", "the DTG window must be an odd number of points");
    if (points <= order)
        return fail("", "parameter 'dtg_window_points'",
                    "the DTG window must have more points than the polynomial order");
    if (std::size_t(points) > n)
        return fail("", "parameter 'dtg_window_points'",
                    "the DTG window (" + std::to_string(points) + " points) is longer than the run (" +
                        std::to_string(n) + " points)");
    out.window = {points, order};
    out.binPoints = choice.binPoints;
    out.heatingRateKPerMin = heatingRateKPerMin(c);
    out.massNoisePct = robustNoiseSigma(c.massPct);

    const std::vector<double>& x = out.againstTime ? c.timeMin : c.temperatureC;
    if (!out.againstTime) {
        const bool up = std::is_sorted(x.begin(), x.end(), std::less_equal<>()) && x.back() > x.front();
        if (!up)
            return fail("", "",
                        "the run has no time column and its temperature does not rise monotonically, so "
                        "no DTG can be computed; export the time column");
        out.warnings.push_back(
            "The file has no time column: the DTG is computed against temperature (% per °C). "
            "Isothermal parts of the run cannot be differentiated this way.");
    }
    const std::size_t k = std::size_t(out.binPoints);
    out.windowMin = x[std::min(n - 1, std::size_t(points) * k - 1)] - x[0];
    // Dense runs: differentiate the block means (their noise is σ/√k), then interpolate back.
    const std::vector<double> xb = k > 1 ? blockMeans(x, k) : std::vector<double>();
    const std::vector<double>& xs = k > 1 ? xb : x;
    auto derivative = [&](const std::vector<double>& y) -> Expected<std::vector<double>> {
        if (k == 1) return savitzkyGolay(x, y, out.window, 1);
        auto db = savitzkyGolay(xb, blockMeans(y, k), out.window, 1);
        if (!db) return db;
        return interpolateAt(xb, *db, x);
    };
    auto d = derivative(c.massPct);
    if (!d) return std::unexpected(d.error());

    // Noise of the derivative = noise of the (binned) mass · ‖weights‖₂ (the filter is linear); at the
    // centre of the run for unevenly spaced data, whose weights vary only slowly along it.
    {
        const std::size_t ns = xs.size();
        const std::size_t half = std::size_t(points / 2);
        const std::size_t mid = std::clamp(ns / 2, half, ns - 1 - half);
        std::vector<double> offsets(static_cast<std::size_t>(points));
        for (std::size_t j = 0; j < offsets.size(); ++j)
            offsets[j] = xs[mid - half + j] - xs[mid];
        const auto w = localPolynomialWeights(offsets, order, 1);
        double s2 = 0;
        for (double v : w)
            s2 += v * v;
        out.noise = out.massNoisePct / std::sqrt(double(k)) * std::sqrt(s2);
    }

    if (out.againstTime) {
        out.pctPerMin = std::move(*d);
        if (o.perDegree) {
            auto dT = derivative(c.temperatureC);
            if (!dT) return std::unexpected(dT.error());
            // Where the temperature hardly moves dm/dT is meaningless (division by ≈ 0): leave a gap.
            const double minRate = std::max(0.05, 0.1 * out.heatingRateKPerMin);
            out.pctPerC.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                out.pctPerC[i] = std::abs((*dT)[i]) >= minRate ? out.pctPerMin[i] / (*dT)[i]
                                                               : std::numeric_limits<double>::quiet_NaN();
        }
    } else {
        out.pctPerC = std::move(*d);
    }
    return out;
}

} // namespace vanadis::tga
