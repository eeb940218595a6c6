#include "numeric/xrd/Background.h"

#include "numeric/xrd/Smoothing.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace vanadis::xrd {

namespace {

double lls(double y)
{
    return std::log(std::log(std::sqrt(std::max(y, 0.0) + 1.0) + 1.0) + 1.0);
}

double llsInverse(double v)
{
    const double s = std::exp(std::exp(v) - 1.0) - 1.0;
    return s * s - 1.0;
}

bool allFinite(std::span<const double> v)
{
    return std::all_of(v.begin(), v.end(), [](double a) { return std::isfinite(a); });
}

/// Chebyshev polynomials T_0 … T_degree at u ∈ [−1, 1].
void chebyshev(double u, int degree, double* t)
{
    t[0] = 1.0;
    if (degree >= 1) t[1] = u;
    for (int k = 2; k <= degree; ++k)
        t[k] = 2.0 * u * t[k - 1] - t[k - 2];
}

} // namespace

int snipWindowForFwhm(double fwhmDeg, double stepDeg, double factor)
{
    if (!(fwhmDeg > 0.0) || !(stepDeg > 0.0) || !(factor > 0.0)) return 1;
    return std::max(1, int(std::lround(std::min(factor * fwhmDeg / stepDeg, 1e6))));
}

Expected<std::vector<double>> snipBackground(std::span<const double> intensity, const SnipOptions& options)
{
    const std::size_t n = intensity.size();
    if (n == 0) return fail("", "SNIP background", "the pattern is empty");
    if (options.windowPoints < 1) return fail("", "SNIP background", "the clipping window must be ≥ 1 point");
    if (!allFinite(intensity)) return fail("", "SNIP background", "the intensities contain NaN or infinity");

    std::vector<double> v(intensity.begin(), intensity.end());
    if (options.smoothingPoints > 1) {
        int w = options.smoothingPoints | 1;
        if (std::size_t(w) <= n) {
            std::vector<double> x(n);
            std::iota(x.begin(), x.end(), 0.0);
            auto s = savitzkyGolaySmooth(x, v, {w, 2});
            if (!s) return std::unexpected(s.error());
            v = std::move(*s);
        }
    }
    if (options.llsTransform)
        for (double& a : v)
            a = lls(a);

    std::vector<double> next(n);
    const int pmax = std::min<int>(options.windowPoints, int((n - 1) / 2));
    for (int k = 1; k <= pmax; ++k) {
        const std::size_t p = std::size_t(options.decreasingWindow ? pmax + 1 - k : k);
        for (std::size_t i = 0; i < n; ++i) {
            // Near the ends the half-distance shrinks to what the data allow (0 at the end points).
            const std::size_t q = std::min({p, i, n - 1 - i});
            const double mean = 0.5 * (v[i - q] + v[i + q]);
            next[i] = std::min(v[i], mean);
        }
        v.swap(next);
    }
    if (options.llsTransform)
        for (double& a : v)
            a = llsInverse(a);
    return v;
}

Expected<std::vector<double>> anchorCurve(std::span<const double> x, std::span<const double> ax,
                                          std::span<const double> ay, const AnchorOptions& options)
{
    if (ax.size() != ay.size())
        return fail("", "anchor background", "anchor positions and levels differ in number");
    if (ax.empty()) return fail("", "anchor background", "at least one anchor point is needed");
    if (!allFinite(ax) || !allFinite(ay))
        return fail("", "anchor background", "an anchor is NaN or infinite");
    std::vector<std::size_t> order(ax.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ax[a] < ax[b]; });
    std::vector<double> px, py;
    for (std::size_t k : order) {
        if (!px.empty() && ax[k] == px.back()) continue;
        px.push_back(ax[k]);
        py.push_back(ay[k]);
    }
    const std::size_t m = px.size();
    std::vector<double> out(x.size());

    switch (options.curve) {
    case AnchorCurve::Linear: {
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (m == 1 || x[i] <= px.front()) {
                out[i] = x[i] <= px.front() ? py.front() : py.back();
                continue;
            }
            if (x[i] >= px.back()) {
                out[i] = py.back();
                continue;
            }
            const std::size_t j = std::size_t(std::upper_bound(px.begin(), px.end(), x[i]) - px.begin());
            const double t = (x[i] - px[j - 1]) / (px[j] - px[j - 1]);
            out[i] = py[j - 1] + t * (py[j] - py[j - 1]);
        }
        return out;
    }
    case AnchorCurve::Polynomial: {
        const int degree = std::min<int>(std::max(0, options.polynomialDegree), int(m) - 1);
        const double lo = px.front(), hi = px.back();
        const double mid = 0.5 * (lo + hi), half = m > 1 ? 0.5 * (hi - lo) : 1.0;
        Eigen::MatrixXd a(Eigen::Index(m), degree + 1);
        Eigen::VectorXd b = Eigen::VectorXd::Zero(Eigen::Index(m));
        std::vector<double> t(std::size_t(degree + 1));
        for (std::size_t k = 0; k < m; ++k) {
            chebyshev((px[k] - mid) / half, degree, t.data());
            for (int j = 0; j <= degree; ++j)
                a(Eigen::Index(k), j) = t[std::size_t(j)];
            b[Eigen::Index(k)] = py[k];
        }
        const Eigen::VectorXd c = a.colPivHouseholderQr().solve(b);
        for (std::size_t i = 0; i < x.size(); ++i) {
            chebyshev((x[i] - mid) / half, degree, t.data());
            double s = 0.0;
            for (int j = 0; j <= degree; ++j)
                s += c[j] * t[std::size_t(j)];
            out[i] = s;
        }
        return out;
    }
    case AnchorCurve::NaturalSpline: {
        if (m < 2) return fail("", "anchor background", "a spline needs at least two anchor points");
        // Second derivatives M_k with M_0 = M_{m-1} = 0 from the tridiagonal system (Thomas algorithm).
        std::vector<double> h(m - 1), mm(m, 0.0);
        for (std::size_t k = 0; k + 1 < m; ++k)
            h[k] = px[k + 1] - px[k];
        if (m > 2) {
            const std::size_t n = m - 2;
            std::vector<double> diag(n), upper(n), rhs(n);
            for (std::size_t k = 0; k < n; ++k) {
                diag[k] = 2.0 * (h[k] + h[k + 1]);
                upper[k] = h[k + 1];
                rhs[k] = 6.0 * ((py[k + 2] - py[k + 1]) / h[k + 1] - (py[k + 1] - py[k]) / h[k]);
            }
            for (std::size_t k = 1; k < n; ++k) {
                const double f = h[k] / diag[k - 1];
                diag[k] -= f * upper[k - 1];
                rhs[k] -= f * rhs[k - 1];
            }
            mm[n] = rhs[n - 1] / diag[n - 1];
            for (std::size_t k = n - 1; k-- > 0;)
                mm[k + 1] = (rhs[k] - upper[k] * mm[k + 2]) / diag[k];
        }
        auto slopeAt = [&](std::size_t k, bool right) {
            // End slopes of the first/last segment (curvature is zero there, so the extension is linear).
            if (!right) return (py[1] - py[0]) / h[0] - h[0] * (2.0 * mm[0] + mm[1]) / 6.0;
            return (py[k] - py[k - 1]) / h[k - 1] + h[k - 1] * (mm[k - 1] + 2.0 * mm[k]) / 6.0;
        };
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i] <= px.front()) {
                out[i] = py.front() + slopeAt(0, false) * (x[i] - px.front());
                continue;
            }
            if (x[i] >= px.back()) {
                out[i] = py.back() + slopeAt(m - 1, true) * (x[i] - px.back());
                continue;
            }
            const std::size_t j = std::size_t(std::upper_bound(px.begin(), px.end(), x[i]) - px.begin()) - 1;
            const double a = (px[j + 1] - x[i]) / h[j], bb = (x[i] - px[j]) / h[j];
            out[i] = a * py[j] + bb * py[j + 1] +
                     ((a * a * a - a) * mm[j] + (bb * bb * bb - bb) * mm[j + 1]) * h[j] * h[j] / 6.0;
        }
        return out;
    }
    }
    return out;
}

Expected<std::vector<double>> anchorBackground(std::span<const double> x, std::span<const double> y,
                                               std::span<const double> anchors, const AnchorOptions& options)
{
    const std::size_t n = x.size();
    if (n == 0 || y.size() != n)
        return fail("", "anchor background", "2θ and intensity differ in length or are empty");
    if (!allFinite(y)) return fail("", "anchor background", "the intensities contain NaN or infinity");
    const double step = n > 1 ? (x.back() - x.front()) / double(n - 1) : 0.0;
    std::vector<double> ax, ay;
    std::vector<double> sorted(anchors.begin(), anchors.end());
    std::sort(sorted.begin(), sorted.end());
    for (double a : sorted) {
        if (!std::isfinite(a) || a < x.front() - 0.5 * step || a > x.back() + 0.5 * step)
            return fail("", "anchor background",
                        "the anchor at " + std::to_string(a) + "° lies outside the measured range");
        if (!ax.empty() && a - ax.back() < 0.5 * step) continue;
        const std::size_t j =
            std::min<std::size_t>(n - 1, std::size_t(std::lower_bound(x.begin(), x.end(), a) - x.begin()));
        const std::size_t i = (j > 0 && std::abs(x[j - 1] - a) < std::abs(x[j] - a)) ? j - 1 : j;
        const std::size_t w = std::size_t(std::max(0, options.averageHalfWidthPoints));
        const std::size_t lo = i > w ? i - w : 0, hi = std::min(n - 1, i + w);
        double s = 0.0;
        for (std::size_t k = lo; k <= hi; ++k)
            s += y[k];
        ax.push_back(a);
        ay.push_back(s / double(hi - lo + 1));
    }
    return anchorCurve(x, ax, ay, options);
}

} // namespace vanadis::xrd
