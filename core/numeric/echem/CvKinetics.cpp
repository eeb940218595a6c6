#include "numeric/echem/CvKinetics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace vanadis::echem {

namespace {

std::string num(double v)
{
    std::ostringstream o;
    o.precision(6);
    o << v;
    return o.str();
}

/// Moving average with the window shrunk at the ends.
std::vector<double> smooth(std::span<const double> y, int window)
{
    const int h = std::max(0, window / 2);
    std::vector<double> out(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        const std::size_t a = i >= std::size_t(h) ? i - std::size_t(h) : 0;
        const std::size_t b = std::min(y.size() - 1, i + std::size_t(h));
        double s = 0.0;
        for (std::size_t k = a; k <= b; ++k)
            s += y[k];
        out[i] = s / double(b - a + 1);
    }
    return out;
}

/// The longest segment of each direction.
const CvBranchSegment* longest(const std::vector<CvBranchSegment>& segs, CvBranch b)
{
    const CvBranchSegment* best = nullptr;
    for (const auto& s : segs)
        if (s.branch == b && (!best || s.end - s.begin > best->end - best->begin)) best = &s;
    return best;
}

/// Linear interpolation of a branch (sorted by potential) at \a v.
double interpolate(const std::vector<std::pair<double, double>>& pts, double v)
{
    auto it =
        std::lower_bound(pts.begin(), pts.end(), v, [](const auto& p, double x) { return p.first < x; });
    if (it == pts.begin()) return it->second;
    if (it == pts.end()) return pts.back().second;
    const auto& hi = *it;
    const auto& lo = *(it - 1);
    if (hi.first == lo.first) return 0.5 * (hi.second + lo.second);
    return lo.second + (hi.second - lo.second) * (v - lo.first) / (hi.first - lo.first);
}

} // namespace

std::vector<CvBranchSegment> splitCvBranches(std::span<const double> e, double hysteresisV)
{
    std::vector<CvBranchSegment> out;
    const std::size_t n = e.size();
    if (n < 3) return out;
    std::size_t start = 0, ext = 0;
    int dir = 0;
    auto push = [&](std::size_t a, std::size_t b, int d) {
        if (b > a + 2) out.push_back({d > 0 ? CvBranch::Anodic : CvBranch::Cathodic, a, b});
    };
    for (std::size_t i = 1; i < n; ++i) {
        if (dir == 0) {
            if (e[i] - e[0] > hysteresisV || e[0] - e[i] > hysteresisV) {
                dir = e[i] > e[0] ? 1 : -1;
                ext = i;
            }
            continue;
        }
        if ((dir > 0 && e[i] > e[ext]) || (dir < 0 && e[i] < e[ext])) {
            ext = i;
        } else if (std::abs(e[ext] - e[i]) > hysteresisV) {
            push(start, ext + 1, dir);
            start = ext;
            dir = -dir;
            // The new extreme so far, between the vertex and here.
            ext = i;
            for (std::size_t k = start; k <= i; ++k)
                if ((dir > 0 && e[k] > e[ext]) || (dir < 0 && e[k] < e[ext])) ext = k;
        }
    }
    if (dir != 0) push(start, n, dir);
    return out;
}

std::vector<CvPeak> findCvPeaks(const CvScan& scan, const CvPeakOptions& options)
{
    std::vector<CvPeak> out;
    const std::size_t n = std::min(scan.potentialV.size(), scan.currentMa.size());
    // Prominence is relative to the whole scan: on a flat branch, noise is not a peak.
    double scale = 0.0;
    for (double v :
         smooth(std::span<const double>(scan.currentMa.data(), n), std::max(1, options.smoothingPoints)))
        scale = std::max(scale, std::abs(v));
    for (const auto& seg : splitCvBranches(std::span<const double>(scan.potentialV.data(), n))) {
        const double sign = seg.branch == CvBranch::Anodic ? 1.0 : -1.0;
        std::vector<double> y(seg.end - seg.begin);
        for (std::size_t k = 0; k < y.size(); ++k)
            y[k] = sign * scan.currentMa[seg.begin + k];
        const std::vector<double> s = smooth(y, std::max(1, options.smoothingPoints));
        if (!(scale > 0)) continue;
        std::vector<CvPeak> branchPeaks;
        for (std::size_t k = 1; k + 1 < s.size(); ++k) {
            if (!(s[k] >= s[k - 1] && s[k] > s[k + 1])) continue;
            // Prominence: the lowest point on each side before the curve rises above this peak.
            double leftMin = s[k], rightMin = s[k];
            for (std::size_t j = k; j-- > 0;) {
                if (s[j] > s[k]) break;
                leftMin = std::min(leftMin, s[j]);
            }
            for (std::size_t j = k + 1; j < s.size(); ++j) {
                if (s[j] > s[k]) break;
                rightMin = std::min(rightMin, s[j]);
            }
            const double prom = s[k] - std::max(leftMin, rightMin);
            if (prom < options.minProminenceFraction * scale) continue;
            // The raw extreme near the smoothed one.
            const std::size_t h = std::size_t(std::max(0, options.smoothingPoints / 2));
            std::size_t best = k;
            for (std::size_t j = k >= h ? k - h : 0; j <= std::min(s.size() - 1, k + h); ++j)
                if (y[j] > y[best]) best = j;
            CvPeak p;
            p.branch = seg.branch;
            p.index = seg.begin + best;
            p.potentialV = scan.potentialV[p.index];
            p.currentMa = scan.currentMa[p.index];
            p.prominenceMa = prom;
            branchPeaks.push_back(p);
        }
        std::sort(branchPeaks.begin(), branchPeaks.end(),
                  [](const CvPeak& a, const CvPeak& b) { return a.potentialV < b.potentialV; });
        out.insert(out.end(), branchPeaks.begin(), branchPeaks.end());
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const CvPeak& a, const CvPeak& b) { return a.branch < b.branch; });
    return out;
}

Expected<BValueFit> fitBValue(std::span<const double> v, std::span<const double> i)
{
    if (v.size() != i.size()) return fail("", "", "scan rates and currents have different lengths");
    if (v.size() < 2) return fail("", "", "a b-value needs peaks at two or more scan rates");
    std::vector<double> x, y;
    const double sign = i[0] > 0 ? 1.0 : -1.0;
    for (std::size_t k = 0; k < v.size(); ++k) {
        if (!(v[k] > 0) || !std::isfinite(v[k]))
            return fail("", "", "scan rate " + num(v[k]) + " mV/s is not a positive number");
        if (!(i[k] * sign > 0) || !std::isfinite(i[k]))
            return fail("", "",
                        "the peak current at " + num(v[k]) +
                            " mV/s is zero or of the other sign; log|i| needs "
                            "currents of one sign");
        for (std::size_t j = 0; j < k; ++j)
            if (v[j] == v[k]) return fail("", "", "scan rate " + num(v[k]) + " mV/s occurs twice");
        x.push_back(std::log10(v[k]));
        y.push_back(std::log10(std::abs(i[k])));
    }
    const double n = double(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n,
                 my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
        sxx += (x[k] - mx) * (x[k] - mx);
        sxy += (x[k] - mx) * (y[k] - my);
        syy += (y[k] - my) * (y[k] - my);
    }
    BValueFit f;
    f.n = int(x.size());
    f.b = sxy / sxx;
    f.log10A = my - f.b * mx;
    const double rss = std::max(0.0, syy - f.b * sxy);
    f.r2 = syy > 0 ? 1.0 - rss / syy : 1.0;
    f.bStderr = x.size() > 2 ? std::sqrt(rss / (n - 2) / sxx) : 0.0;
    return f;
}

Expected<std::vector<PeakBValue>> peakBValues(std::span<const CvScan> scans, const CvPeakOptions& options,
                                              double maxShiftV)
{
    if (scans.size() < 2) return fail("", "", "b-values need CVs at two or more scan rates");
    std::vector<std::size_t> order(scans.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scans[a].scanRateMvS < scans[b].scanRateMvS; });
    for (std::size_t k = 1; k < order.size(); ++k)
        if (scans[order[k]].scanRateMvS == scans[order[k - 1]].scanRateMvS)
            return fail("", "",
                        "two CVs have the same scan rate (" + num(scans[order[k]].scanRateMvS) + " mV/s)");
    std::vector<std::vector<CvPeak>> peaks;
    for (std::size_t k : order)
        peaks.push_back(findCvPeaks(scans[k], options));
    if (peaks.front().empty())
        return fail("", "",
                    "no current peak found in the slowest CV (" + num(scans[order[0]].scanRateMvS) +
                        " mV/s)");
    std::vector<PeakBValue> out;
    for (const CvPeak& ref : peaks.front()) {
        PeakBValue pb;
        pb.branch = ref.branch;
        pb.potentialV = ref.potentialV;
        double last = ref.potentialV;
        for (std::size_t s = 0; s < order.size(); ++s) {
            const CvPeak* best = nullptr;
            for (const CvPeak& p : peaks[s])
                if (p.branch == ref.branch && std::abs(p.potentialV - last) <= maxShiftV &&
                    (!best || std::abs(p.potentialV - last) < std::abs(best->potentialV - last)))
                    best = &p;
            if (!best) continue;
            last = best->potentialV; // follow the drift from one rate to the next
            pb.scanRateMvS.push_back(scans[order[s]].scanRateMvS);
            pb.peakPotentialV.push_back(best->potentialV);
            pb.peakCurrentMa.push_back(best->currentMa);
        }
        if (pb.scanRateMvS.size() < 2) continue;
        auto f = fitBValue(pb.scanRateMvS, pb.peakCurrentMa);
        if (!f) continue;
        pb.fit = *f;
        out.push_back(std::move(pb));
    }
    if (out.empty()) return fail("", "", "no peak could be followed over two or more scan rates");
    return out;
}

Expected<std::vector<CvBranchGrid>> commonBranchGrids(std::span<const CvScan> scans, double stepV,
                                                      double vertexExclusionV)
{
    if (!(stepV > 0)) return fail("", "", "the potential step must be above 0");
    std::vector<CvBranchGrid> out;
    for (CvBranch b : {CvBranch::Anodic, CvBranch::Cathodic}) {
        std::vector<std::vector<std::pair<double, double>>> branch;
        double lo = -INFINITY, hi = INFINITY;
        for (const CvScan& s : scans) {
            const std::size_t n = std::min(s.potentialV.size(), s.currentMa.size());
            const auto segs = splitCvBranches(std::span<const double>(s.potentialV.data(), n));
            const CvBranchSegment* seg = longest(segs, b);
            if (!seg)
                return fail("", "",
                            "the CV at " + num(s.scanRateMvS) + " mV/s has no " +
                                (b == CvBranch::Anodic ? "anodic" : "cathodic") + " branch");
            std::vector<std::pair<double, double>> pts;
            for (std::size_t k = seg->begin; k < seg->end; ++k)
                if (std::isfinite(s.potentialV[k]) && std::isfinite(s.currentMa[k]))
                    pts.emplace_back(s.potentialV[k], s.currentMa[k]);
            std::stable_sort(pts.begin(), pts.end(),
                             [](const auto& x, const auto& y) { return x.first < y.first; });
            lo = std::max(lo, pts.front().first);
            hi = std::min(hi, pts.back().first);
            branch.push_back(std::move(pts));
        }
        lo += vertexExclusionV;
        hi -= vertexExclusionV;
        if (!(hi - lo >= 2.0 * stepV))
            return fail("", "",
                        std::string("the ") + (b == CvBranch::Anodic ? "anodic" : "cathodic") +
                            " branches of the CVs share no potential range (after leaving out " +
                            num(vertexExclusionV) + " V at each vertex)");
        CvBranchGrid g;
        g.branch = b;
        const int count = int(std::floor((hi - lo) / stepV + 1e-9)) + 1;
        for (int k = 0; k < count; ++k)
            g.potentialV.push_back(lo + k * stepV);
        for (const auto& pts : branch) {
            std::vector<double> i(g.potentialV.size());
            for (std::size_t k = 0; k < i.size(); ++k)
                i[k] = interpolate(pts, g.potentialV[k]);
            g.currentMa.push_back(std::move(i));
        }
        out.push_back(std::move(g));
    }
    return out;
}

Expected<std::vector<PotentialBValue>> bValuesAcrossPotential(std::span<const CvScan> scans, double stepV,
                                                              double vertexExclusionV)
{
    if (scans.size() < 2) return fail("", "", "b-values need CVs at two or more scan rates");
    auto grids = commonBranchGrids(scans, stepV, vertexExclusionV);
    if (!grids) return std::unexpected(grids.error());
    std::vector<double> rates;
    for (const auto& s : scans)
        rates.push_back(s.scanRateMvS);
    std::vector<PotentialBValue> out;
    for (const auto& g : *grids) {
        const double sign = g.branch == CvBranch::Anodic ? 1.0 : -1.0;
        std::vector<double> i(scans.size());
        for (std::size_t k = 0; k < g.potentialV.size(); ++k) {
            bool ok = true;
            for (std::size_t s = 0; s < scans.size(); ++s) {
                i[s] = g.currentMa[s][k];
                ok &= i[s] * sign > 0;
            }
            if (!ok) continue;
            auto f = fitBValue(rates, i);
            if (!f) return std::unexpected(f.error()); // repeated or non-positive rates
            out.push_back({g.branch, g.potentialV[k], f->b, f->r2});
        }
    }
    return out;
}

} // namespace vanadis::echem
