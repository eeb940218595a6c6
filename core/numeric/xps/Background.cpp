#include "numeric/xps/Background.h"

#include <cstdio>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vanadis::xps {

namespace {

/// Ascending copy of (x, y) and the permutation back to the input order.
struct Ascending {
    std::vector<double> x, y;
    std::vector<std::size_t> order; ///< order[i] = input index of ascending point i
};

Ascending ascending(std::span<const double> x, std::span<const double> y)
{
    Ascending a;
    a.order.resize(x.size());
    std::iota(a.order.begin(), a.order.end(), std::size_t(0));
    std::stable_sort(a.order.begin(), a.order.end(),
                     [&](std::size_t i, std::size_t j) { return x[i] < x[j]; });
    a.x.resize(x.size());
    a.y.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        a.x[i] = x[a.order[i]];
        a.y[i] = y[a.order[i]];
    }
    return a;
}

std::vector<double> toInputOrder(const Ascending& a, const std::vector<double>& v)
{
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[a.order[i]] = v[i];
    return out;
}

double meanOf(const std::vector<double>& y, std::size_t from, std::size_t count)
{
    double s = 0.0;
    for (std::size_t i = from; i < from + count; ++i)
        s += y[i];
    return s / double(count);
}

} // namespace

void cumulativeTrapezoid(std::span<const double> x, std::span<const double> y, std::span<double> out)
{
    if (x.empty()) return;
    out[0] = 0.0;
    for (std::size_t i = 1; i < x.size(); ++i)
        out[i] = out[i - 1] + 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
}

Expected<ShirleyResult> shirleyBackground(std::span<const double> bindingEv,
                                          std::span<const double> intensity, const ShirleyOptions& o)
{
    const std::size_t n = bindingEv.size();
    const std::size_t avg = std::size_t(std::max(1, o.averagePoints));
    if (intensity.size() != n) return fail("", "", "energy and intensity have different lengths");
    if (n < 2 * avg + 1)
        return fail("", "", "a Shirley background needs more than " + std::to_string(2 * avg) + " points");
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(bindingEv[i]) || !std::isfinite(intensity[i]))
            return fail("", "point " + std::to_string(i + 1), "a value is not a finite number");
    const Ascending a = ascending(bindingEv, intensity);
    ShirleyResult r;
    r.lowEndCps = meanOf(a.y, 0, avg) + o.offsetLowCps;
    r.highEndCps = meanOf(a.y, n - avg, avg) + o.offsetHighCps;
    const double step = r.highEndCps - r.lowEndCps;
    std::vector<double> b(n, r.lowEndCps), next(n), diff(n), cum(n);
    const double scale = std::max(std::abs(step), 1e-300);
    for (int it = 1; it <= o.maxIterations; ++it) {
        for (std::size_t i = 0; i < n; ++i)
            diff[i] = a.y[i] - b[i];
        cumulativeTrapezoid(a.x, diff, cum);
        const double total = cum[n - 1];
        if (total == 0.0 || !std::isfinite(total))
            return fail(
                "", "",
                "the Shirley background is undefined: the signal above the background integrates to 0");
        double change = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] = r.lowEndCps + step * cum[i] / total;
            change = std::max(change, std::abs(next[i] - b[i]));
        }
        b.swap(next);
        r.iterations = it;
        if (change < o.tolerance * scale) {
            r.converged = true;
            break;
        }
    }
    if (o.clipToData)
        for (std::size_t i = 0; i < n; ++i)
            b[i] = std::min(b[i], a.y[i]);
    r.background = toInputOrder(a, b);
    return r;
}

std::vector<double> linearBackground(std::span<const double> bindingEv, std::span<const double> intensity,
                                     int averagePoints)
{
    const std::size_t n = bindingEv.size();
    if (n == 0) return {};
    const Ascending a = ascending(bindingEv, intensity);
    const std::size_t avg = std::min<std::size_t>(std::size_t(std::max(1, averagePoints)), n);
    const double yLo = meanOf(a.y, 0, avg), yHi = meanOf(a.y, n - avg, avg);
    const double xLo = meanOf(a.x, 0, avg), xHi = meanOf(a.x, n - avg, avg);
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = xHi == xLo ? yLo : yLo + (yHi - yLo) * (bindingEv[i] - xLo) / (xHi - xLo);
    return out;
}

double tougaardKernel(const TougaardParams& p, double T)
{
    if (T <= 0.0) return 0.0;
    if (p.threeParameter) {
        const double q = p.C - T * T;
        return p.B * T / (q * q + p.D * T * T);
    }
    const double q = p.C + T * T;
    return p.B * T / (q * q);
}

std::vector<double> tougaardBackground(std::span<const double> bindingEv, std::span<const double> intensity,
                                       const TougaardParams& p, double* usedB)
{
    const std::size_t n = bindingEv.size();
    if (n == 0) return {};
    const Ascending a = ascending(bindingEv, intensity);
    const std::size_t avg = std::min<std::size_t>(std::size_t(std::max(1, p.averagePoints)), n);
    const double c = meanOf(a.y, 0, avg);
    std::vector<double> b(n, c), sig(n);
    for (std::size_t i = 0; i < n; ++i)
        sig[i] = a.y[i] - c;
    // B(E_i) = c + Σ_{j<i} K(E_i − E_j)·sig_j·ΔE (trapezoid; K(0) = 0).
    for (std::size_t i = 1; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < i; ++j) {
            const double w = 0.5 * (a.x[std::min(j + 1, n - 1)] - a.x[j > 0 ? j - 1 : 0]);
            s += tougaardKernel(p, a.x[i] - a.x[j]) * sig[j] * w;
        }
        b[i] = c + s;
    }
    double B = p.B;
    if (p.scaleToData) {
        const double target = meanOf(a.y, n - avg, avg) - c;
        const double reached = meanOf(b, n - avg, avg) - c;
        const double f = reached != 0.0 ? target / reached : 1.0;
        B *= f;
        for (double& v : b)
            v = c + (v - c) * f;
    }
    if (usedB) *usedB = B;
    return toInputOrder(a, b);
}

Expected<JointSpectrum> jointWindow(const std::vector<std::span<const double>>& bindingEv,
                                    const std::vector<std::span<const double>>& intensity, double loEv,
                                    double hiEv)
{
    if (bindingEv.size() != intensity.size())
        return fail("", "", "energy and intensity lists differ in length");
    std::vector<std::pair<double, double>> pts;
    for (std::size_t r = 0; r < bindingEv.size(); ++r) {
        if (bindingEv[r].size() != intensity[r].size())
            return fail("", "region " + std::to_string(r + 1), "energy and intensity have different lengths");
        for (std::size_t i = 0; i < bindingEv[r].size(); ++i)
            if (bindingEv[r][i] >= loEv && bindingEv[r][i] <= hiEv)
                pts.emplace_back(bindingEv[r][i], intensity[r][i]);
    }
    if (pts.size() < 3) return fail("", "", "fewer than 3 points inside the joint window");
    JointSpectrum j;
    // Agreement of every pair of regions over their shared energies (region s interpolated at r's points).
    for (std::size_t r = 0; r < bindingEv.size(); ++r)
        for (std::size_t s = r + 1; s < bindingEv.size(); ++s) {
            std::vector<std::pair<double, double>> b;
            for (std::size_t i = 0; i < bindingEv[s].size(); ++i)
                b.emplace_back(bindingEv[s][i], intensity[s][i]);
            std::sort(b.begin(), b.end());
            if (b.size() < 2) continue;
            std::vector<double> d;
            for (std::size_t i = 0; i < bindingEv[r].size(); ++i) {
                const double e = bindingEv[r][i];
                if (e < loEv || e > hiEv || e <= b.front().first || e >= b.back().first) continue;
                const auto it = std::lower_bound(b.begin(), b.end(), std::make_pair(e, -1e300));
                const auto& p1 = *it;
                const auto& p0 = *(it - 1);
                const double v = p1.first == p0.first ? p1.second
                                                      : p0.second + (e - p0.first) / (p1.first - p0.first) *
                                                                        (p1.second - p0.second);
                const double mean = 0.5 * (v + intensity[r][i]);
                if (mean > 0) d.push_back((v - intensity[r][i]) / mean);
            }
            if (d.size() < 5) continue;
            double m = 0, s2 = 0;
            for (double e : d)
                m += e / double(d.size());
            for (double e : d)
                s2 += (e - m) * (e - m);
            const double se = std::sqrt(s2 / double(d.size() - 1) / double(d.size()));
            if (std::abs(m) > std::max(5.0 * se, 0.03)) {
                char buf[240];
                std::snprintf(buf, sizeof buf,
                              "regions %zu and %zu disagree by %.1f %% (± %.1f %%) where they overlap (%zu "
                              "points): different pass energy, normalisation or sample? One background "
                              "through both distorts the areas",
                              r + 1, s + 1, 100.0 * m, 100.0 * se, d.size());
                j.warnings.push_back(buf);
            }
        }
    std::sort(pts.begin(), pts.end());
    for (std::size_t i = 0; i < pts.size();) {
        std::size_t k = i;
        double s = 0.0;
        while (k < pts.size() && pts[k].first - pts[i].first <= 1e-6)
            s += pts[k++].second;
        j.bindingEv.push_back(pts[i].first);
        j.intensity.push_back(s / double(k - i));
        i = k;
    }
    std::vector<double> steps;
    for (std::size_t i = 1; i < j.bindingEv.size(); ++i)
        steps.push_back(j.bindingEv[i] - j.bindingEv[i - 1]);
    std::vector<double> sorted = steps;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
    const double median = sorted[sorted.size() / 2];
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i] > 5.0 * median)
            return fail("", "",
                        "the regions leave a gap from " + std::to_string(j.bindingEv[i]) + " to " +
                            std::to_string(j.bindingEv[i + 1]) +
                            " eV; one background cannot span unmeasured energies");
    return j;
}

} // namespace vanadis::xps
