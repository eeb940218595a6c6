#include "numeric/xrd/PeakSearch.h"

#include "numeric/LinearFit.h"
#include "numeric/xrd/Smoothing.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vanadis::xrd {

namespace {

/// Broadest diffraction line the width estimate considers, degrees 2θ.
constexpr double kMaxLineFwhmDeg = 3.0;

/// Height-1 pseudo-Voigt (η = ½) at u points from the centre, FWHM f points: the filter template.
double templateShape(double u, double f)
{
    const double t = 4.0 * u * u / (f * f);
    return 0.5 * std::exp(-std::numbers::ln2 * t) + 0.5 / (1.0 + t);
}

/// Rows (baseline a, slope b, amplitude h) of (XᵀX)⁻¹Xᵀ for the window [lo, lo + w) evaluated at
/// point i, i.e. the weights that give a, b, h at i from the window's intensities.
struct FilterWeights {
    std::vector<double> a, b, h;
};

FilterWeights filterWeights(std::ptrdiff_t lo, std::ptrdiff_t w, std::ptrdiff_t i, double f)
{
    Eigen::MatrixXd x(w, 3);
    for (std::ptrdiff_t j = 0; j < w; ++j) {
        const double u = double(lo + j - i);
        x(j, 0) = 1.0;
        x(j, 1) = u / f;
        x(j, 2) = templateShape(u, f);
    }
    const Eigen::Matrix3d g = x.transpose() * x;
    const Eigen::MatrixXd c = g.ldlt().solve(x.transpose()); // 3 × w
    FilterWeights out;
    out.a.resize(std::size_t(w));
    out.b.resize(std::size_t(w));
    out.h.resize(std::size_t(w));
    for (std::ptrdiff_t j = 0; j < w; ++j) {
        out.a[std::size_t(j)] = c(0, j);
        out.b[std::size_t(j)] = c(1, j) / f;
        out.h[std::size_t(j)] = c(2, j);
    }
    return out;
}

/// Half-maximum crossing distance (points, fractional) on one side of peak index p where
/// s − line < level; −1 when not found within maxDist points.
double crossing(const std::vector<double>& s, std::size_t p, int dir, double level, double a, double b,
                double maxDist)
{
    const std::ptrdiff_t n = std::ptrdiff_t(s.size());
    double prev = s[p] - a;
    for (std::ptrdiff_t d = 1; d <= std::ptrdiff_t(maxDist); ++d) {
        const std::ptrdiff_t k = std::ptrdiff_t(p) + dir * d;
        if (k < 0 || k >= n) return -1.0;
        const double v = s[std::size_t(k)] - (a + b * double(dir * d));
        if (v < level) return double(d - 1) + (prev - level) / (prev - v);
        prev = v;
    }
    return -1.0;
}

} // namespace

double estimateFwhmDeg(std::span<const double> x, std::span<const double> y, std::span<const double> bg,
                       int count)
{
    const std::size_t n = x.size();
    if (n < 16 || y.size() != n || (!bg.empty() && bg.size() != n)) return std::nan("");
    std::vector<double> net(n);
    for (std::size_t i = 0; i < n; ++i)
        net[i] = y[i] - (bg.empty() ? 0.0 : bg[i]);
    const double step = (x.back() - x.front()) / double(n - 1);
    auto sm = savitzkyGolaySmooth(x, net, {7, 4});
    if (!sm) return std::nan("");
    const std::vector<double>& s = *sm;
    // Noise of the smoothed net from point-to-point differences (robust: median).
    std::vector<double> d(n - 1);
    for (std::size_t i = 1; i < n; ++i)
        d[i - 1] = std::abs(net[i] - net[i - 1]);
    const double sigma = 1.4826 * numeric::median(d) / std::sqrt(2.0) * smoothingNoiseGain({7, 4});
    // Candidates: local maxima ranked by their prominence above the higher of the lowest points within
    // ± 3° on either side, so that a line on a hump (or on a background the caller did not remove)
    // is measured from its own foot and the hump itself, broader than any line, is passed over.
    const std::size_t reach = std::size_t(std::clamp(kMaxLineFwhmDeg / step, 4.0, double(n) / 4.0));
    struct Cand {
        std::size_t i;
        double base, prominence;
    };
    std::vector<Cand> cand;
    for (std::size_t i = 2; i + 2 < n; ++i) {
        if (!(s[i] > s[i - 1] && s[i] >= s[i + 1] && s[i] > s[i - 2] && s[i] >= s[i + 2])) continue;
        double ml = s[i], mr = s[i];
        for (std::size_t k = i > reach ? i - reach : 0; k < i; ++k)
            ml = std::min(ml, s[k]);
        for (std::size_t k = i + 1; k <= std::min(n - 1, i + reach); ++k)
            mr = std::min(mr, s[k]);
        const double base = std::max(ml, mr);
        if (s[i] - base > 6.0 * sigma) cand.push_back({i, base, s[i] - base});
    }
    std::sort(cand.begin(), cand.end(),
              [](const Cand& a, const Cand& b) { return a.prominence > b.prominence; });
    std::vector<double> widths;
    std::vector<std::pair<double, double>> taken; // centre, width (points)
    for (const Cand& c : cand) {
        if (int(widths.size()) >= count) break;
        bool near = false;
        for (const auto& [pc, pw] : taken)
            if (std::abs(double(c.i) - pc) < 2.0 * pw) near = true;
        if (near) continue;
        const double half = 0.5 * c.prominence;
        const double l = crossing(s, c.i, -1, half, c.base, 0.0, double(reach));
        const double r = crossing(s, c.i, +1, half, c.base, 0.0, double(reach));
        const double w = l > 0 && r > 0 ? l + r : (l > 0 ? 2 * l : (r > 0 ? 2 * r : -1.0));
        if (!(w > 0.0) || w * step > kMaxLineFwhmDeg) continue;
        taken.emplace_back(double(c.i), w);
        widths.push_back(w * step);
    }
    if (widths.empty()) return std::nan("");
    return numeric::median(widths);
}

Expected<PeakSearchResult> searchPeaks(std::span<const double> x, std::span<const double> y,
                                       std::span<const double> bg, const PeakSearchOptions& o)
{
    const std::size_t n = x.size();
    if (y.size() != n || (!bg.empty() && bg.size() != n))
        return fail("", "peak search", "2θ, intensity and background differ in length");
    if (n < 16) return fail("", "peak search", "the pattern needs at least 16 points");
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (!bg.empty() && !std::isfinite(bg[i])))
            return fail("", "peak search", "the pattern contains NaN or infinity");
        if (i > 0 && !(x[i] > x[i - 1])) return fail("", "peak search", "2θ must increase strictly");
    }
    if (!(o.thresholdSigma > 0.0)) return fail("", "peak search", "the significance threshold must be > 0");
    if (!(o.countsPerUnit > 0.0)) return fail("", "peak search", "counts per intensity unit must be > 0");

    PeakSearchResult out;
    const double step = (x.back() - x.front()) / double(n - 1);
    double maxDev = 0.0;
    for (std::size_t i = 1; i < n; ++i)
        maxDev = std::max(maxDev, std::abs(x[i] - x[i - 1] - step));
    if (maxDev > 0.01 * step)
        out.warnings.push_back("the 2θ steps are uneven; the search treats them as equal");

    double fwhmDeg = o.expectedFwhmDeg;
    if (!(fwhmDeg > 0.0)) {
        fwhmDeg = estimateFwhmDeg(x, y, bg);
        if (!std::isfinite(fwhmDeg)) {
            fwhmDeg = 5.0 * step;
            out.warnings.push_back("no line stands out clearly; the search assumed a width of 5 steps");
        } else {
            out.warnings.push_back(
                "line width estimated from the strongest lines: " + std::to_string(fwhmDeg) + "°");
        }
    }
    // The filter needs a few points across the line and a window that fits into the pattern.
    const double f = std::clamp(fwhmDeg / step, 2.0, double(n) / 8.0);
    out.filterFwhmDeg = f * step;
    const std::ptrdiff_t half = std::ptrdiff_t(std::ceil(1.5 * f));
    const std::ptrdiff_t w = 2 * half + 1;
    const std::ptrdiff_t nn = std::ptrdiff_t(n);

    // Amplitude h and its variance at every point; edge points use windows shifted inwards.
    std::vector<double> amp(n), var(n), counts(n);
    for (std::size_t i = 0; i < n; ++i)
        counts[i] = std::max(y[i] * o.countsPerUnit, 1.0) / (o.countsPerUnit * o.countsPerUnit);
    const FilterWeights inner = filterWeights(-half, w, 0, f);
    for (std::ptrdiff_t i = 0; i < nn; ++i) {
        const bool edge = i < half || i + half >= nn;
        FilterWeights local;
        const FilterWeights* fw = &inner;
        std::ptrdiff_t lo = i - half;
        if (edge) {
            lo = std::clamp<std::ptrdiff_t>(i - half, 0, nn - w);
            local = filterWeights(lo, w, i, f);
            fw = &local;
        }
        double s = 0.0, v = 0.0;
        for (std::ptrdiff_t j = 0; j < w; ++j) {
            const double c = fw->h[std::size_t(j)];
            s += c * y[std::size_t(lo + j)];
            v += c * c * counts[std::size_t(lo + j)];
        }
        amp[std::size_t(i)] = s;
        var[std::size_t(i)] = v;
    }

    // Smoothed pattern (order 4 over ≈ 1 FWHM keeps the top and width of the line) and its curvature.
    const int sw = std::min<int>(smoothingWindowForFwhm(f * step, step, 4, 1.0), int(n) - (int(n) % 2 == 0));
    auto smoothed = savitzkyGolaySmooth(x, y, {sw, 4});
    if (!smoothed) return std::unexpected(smoothed.error());
    const int cw = std::min<int>(smoothingWindowForFwhm(f * step, step, 2, 1.0), int(n) - (int(n) % 2 == 0));
    auto curvature = savitzkyGolayDerivative(x, y, {cw, 2}, 2);
    if (!curvature) return std::unexpected(curvature.error());
    const std::vector<double>& s = *smoothed;

    struct Candidate {
        std::size_t i;
        double z;
    };
    std::vector<Candidate> cand;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (!(amp[i] >= amp[i - 1] && amp[i] > amp[i + 1])) continue;
        const double z = amp[i] / std::sqrt(var[i]);
        if (z < o.thresholdSigma) continue;
        if (!((*curvature)[i] < 0.0)) continue;
        cand.push_back({i, z});
    }
    std::sort(cand.begin(), cand.end(), [](const Candidate& a, const Candidate& b) { return a.z > b.z; });
    const double sepDeg =
        o.minSeparationDeg > 0.0 ? o.minSeparationDeg : std::max(0.5 * f * step, 2.0 * step);

    for (const Candidate& c : cand) {
        if (int(out.peaks.size()) >= o.maxPeaks) break;
        // Vertex of the smoothed pattern near the filter maximum (the two agree for symmetric lines).
        std::size_t p = c.i;
        const std::size_t reach = std::size_t(std::max(1.0, 0.5 * f));
        for (std::size_t k = (c.i > reach ? c.i - reach : 1); k <= std::min(n - 2, c.i + reach); ++k)
            if (s[k] > s[p]) p = k;
        p = std::clamp<std::size_t>(p, 1, n - 2);
        // Vertex of the least-squares parabola through the top (± 0.3 FWHM, at least ± 1 point) of the
        // smoothed pattern: less noisy than the three-point vertex.
        const std::size_t m = std::max<std::size_t>(1, std::size_t(std::lround(0.3 * f)));
        const std::size_t a0 = p > m ? p - m : 0, a1 = std::min(n - 1, p + m);
        Eigen::Matrix3d g = Eigen::Matrix3d::Zero();
        Eigen::Vector3d rhs = Eigen::Vector3d::Zero();
        for (std::size_t k = a0; k <= a1; ++k) {
            const double u = double(k) - double(p);
            const Eigen::Vector3d row(1.0, u, u * u);
            g += row * row.transpose();
            rhs += row * s[k];
        }
        const Eigen::Vector3d q = g.ldlt().solve(rhs);
        double offset = q[2] < 0.0 ? -0.5 * q[1] / q[2] : 0.0;
        offset = std::clamp(offset, -double(m), double(m));
        const double pos = x[p] + offset * step;
        bool tooClose = false;
        for (const FoundPeak& q : out.peaks)
            if (std::abs(q.twoThetaDeg - pos) < sepDeg) tooClose = true;
        if (tooClose) continue;

        // Local line (a + b·u) from the same window fit, then the height and half-maximum width above it.
        const std::ptrdiff_t lo = std::clamp<std::ptrdiff_t>(std::ptrdiff_t(p) - half, 0, nn - w);
        const FilterWeights fw = filterWeights(lo, w, std::ptrdiff_t(p), f);
        double a = 0.0, b = 0.0;
        for (std::ptrdiff_t j = 0; j < w; ++j) {
            a += fw.a[std::size_t(j)] * y[std::size_t(lo + j)];
            b += fw.b[std::size_t(j)] * y[std::size_t(lo + j)];
        }
        FoundPeak fp;
        fp.twoThetaDeg = pos;
        fp.index = p;
        fp.height = s[p] - a;
        fp.significance = c.z;
        const double l = crossing(s, p, -1, 0.5 * fp.height, a, b, 4.0 * f);
        const double r = crossing(s, p, +1, 0.5 * fp.height, a, b, 4.0 * f);
        const double wPts = l > 0 && r > 0 ? l + r : (l > 0 ? 2 * l : (r > 0 ? 2 * r : f));
        fp.fwhmDeg = wPts * step;
        out.peaks.push_back(fp);
    }

    // Kα2 satellites: a weaker peak where a stronger peak's Kα2 line falls.
    std::vector<std::size_t> byHeight(out.peaks.size());
    for (std::size_t k = 0; k < byHeight.size(); ++k)
        byHeight[k] = k;
    std::sort(byHeight.begin(), byHeight.end(),
              [&](std::size_t a, std::size_t b) { return out.peaks[a].height > out.peaks[b].height; });
    for (std::size_t k : byHeight) {
        const FoundPeak& strong = out.peaks[k];
        if (strong.kalpha2Satellite) continue;
        const double x2 = kalpha2TwoThetaDeg(strong.twoThetaDeg, o.doublet);
        if (!std::isfinite(x2)) continue;
        const double tol = std::max(0.35 * strong.fwhmDeg, 1.5 * step);
        for (FoundPeak& q : out.peaks)
            if (&q != &strong && std::abs(q.twoThetaDeg - x2) < tol && q.height <= 0.8 * strong.height)
                q.kalpha2Satellite = true;
    }
    if (o.skipKalpha2) std::erase_if(out.peaks, [](const FoundPeak& q) { return q.kalpha2Satellite; });
    std::sort(out.peaks.begin(), out.peaks.end(),
              [](const FoundPeak& a, const FoundPeak& b) { return a.twoThetaDeg < b.twoThetaDeg; });
    return out;
}

} // namespace vanadis::xrd
