#include "numeric/xrd/Indexing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace vanadis::xrd {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Assignment {
    std::vector<std::vector<std::size_t>> groups; ///< per peak
    std::size_t indexed = 0;
    double normalisedSs = 0.0; ///< Σ (Δ/window)² over indexed peaks
};

double window(const ObservedPeak& p, const IndexingOptions& o)
{
    return std::max(o.toleranceDeg, o.fwhmFraction * p.fwhmDeg);
}

double groupTwoTheta(const std::vector<std::size_t>& g, const ReflectionList& ref)
{
    double s = 0.0, w = 0.0;
    for (std::size_t j : g) {
        const Reflection& r = ref.reflections[j];
        const double wj = std::max(r.relativeIntensity, 1e-9);
        s += wj * r.twoThetaDeg;
        w += wj;
    }
    return s / w;
}

Assignment assign(std::span<const ObservedPeak> peaks, const ReflectionList& ref,
                  const std::vector<std::size_t>& order, double zero, const IndexingOptions& o)
{
    Assignment a;
    a.groups.assign(peaks.size(), {});
    for (std::size_t j : order) {
        const double tt = ref.reflections[j].twoThetaDeg;
        std::size_t best = peaks.size();
        double bestD = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < peaks.size(); ++i) {
            const double d = std::abs(peaks[i].twoThetaDeg - zero - tt);
            if (d <= window(peaks[i], o) && d < bestD) {
                bestD = d;
                best = i;
            }
        }
        if (best < peaks.size()) a.groups[best].push_back(j); // order is strongest first
    }
    for (std::size_t i = 0; i < peaks.size(); ++i) {
        if (a.groups[i].empty()) continue;
        ++a.indexed;
        const double d =
            (peaks[i].twoThetaDeg - zero - groupTwoTheta(a.groups[i], ref)) / window(peaks[i], o);
        a.normalisedSs += d * d;
    }
    return a;
}

bool betterAssignment(const Assignment& x, const Assignment& y)
{
    if (x.indexed != y.indexed) return x.indexed > y.indexed;
    return x.normalisedSs < y.normalisedSs;
}

} // namespace

Expected<Indexing> indexPeaks(std::span<const ObservedPeak> peaks, const ReflectionList& ref,
                              const IndexingOptions& o)
{
    if (peaks.empty()) return fail({}, {}, "there are no observed peaks to index");
    if (ref.reflections.empty()) return fail({}, {}, "the reference pattern has no reflections");
    if (!(o.toleranceDeg > 0.0) && !(o.fwhmFraction > 0.0))
        return fail({}, {}, "the matching tolerance must be positive");
    for (std::size_t i = 0; i < peaks.size(); ++i)
        if (!std::isfinite(peaks[i].twoThetaDeg) || !std::isfinite(peaks[i].fwhmDeg))
            return fail({}, "peak " + std::to_string(i + 1), "the peak position is not a number");
    if (o.searchZeroShift && (!(o.zeroShiftStepDeg > 0.0) || !(o.zeroShiftRangeDeg >= 0.0)))
        return fail({}, {}, "the zero-shift search needs a positive step and a non-negative range");

    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < ref.reflections.size(); ++j)
        if (ref.reflections[j].relativeIntensity >= o.minRelativeIntensity) order.push_back(j);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return ref.reflections[a].relativeIntensity > ref.reflections[b].relativeIntensity;
    });

    Indexing out;
    double zero = 0.0;
    if (o.searchZeroShift) {
        const int steps = int(std::floor(o.zeroShiftRangeDeg / o.zeroShiftStepDeg + 1e-9));
        Assignment best;
        bool first = true;
        for (int s = -steps; s <= steps; ++s) {
            const double z = s * o.zeroShiftStepDeg;
            Assignment a = assign(peaks, ref, order, z, o);
            // Ties prefer the smaller |Z| (the grid runs outward from 0 on equal scores only by this test).
            if (first || betterAssignment(a, best) ||
                (!betterAssignment(best, a) && std::abs(z) < std::abs(zero))) {
                best = std::move(a);
                zero = z;
                first = false;
            }
        }
        // Refine Z as the mean offset of the matched peaks, then match again at it.
        double sum = 0.0;
        std::size_t cnt = 0;
        for (std::size_t i = 0; i < peaks.size(); ++i)
            if (!best.groups[i].empty()) {
                sum += peaks[i].twoThetaDeg - groupTwoTheta(best.groups[i], ref);
                ++cnt;
            }
        if (cnt > 0) {
            const double refined = sum / double(cnt);
            const Assignment again = assign(peaks, ref, order, refined, o);
            if (!betterAssignment(best, again)) zero = refined;
        }
        if (std::abs(zero) >= o.zeroShiftRangeDeg - o.zeroShiftStepDeg && o.zeroShiftRangeDeg > 0.0)
            out.warnings.push_back("the zero shift found lies at the edge of the search range");
    }
    out.zeroShiftDeg = zero;

    const Assignment a = assign(peaks, ref, order, zero, o);
    std::vector<bool> used(ref.reflections.size(), false);
    double ss = 0.0;
    for (std::size_t i = 0; i < peaks.size(); ++i) {
        IndexedPeak p;
        p.reflections = a.groups[i];
        p.indexed = !p.reflections.empty();
        if (p.indexed) {
            p.calculatedTwoThetaDeg = groupTwoTheta(p.reflections, ref);
            p.deltaTwoThetaDeg = peaks[i].twoThetaDeg - zero - p.calculatedTwoThetaDeg;
            for (std::size_t j : p.reflections) {
                p.relativeIntensity += ref.reflections[j].relativeIntensity;
                used[j] = true;
            }
            ss += p.deltaTwoThetaDeg * p.deltaTwoThetaDeg;
            ++out.indexedCount;
        } else {
            p.calculatedTwoThetaDeg = p.deltaTwoThetaDeg = kNaN;
            out.unindexedPeaks.push_back(i);
        }
        out.peaks.push_back(p);
    }
    out.rmsDeltaDeg = out.indexedCount ? std::sqrt(ss / double(out.indexedCount)) : kNaN;

    // Missing: strong reference lines inside the observed range that no peak took.
    const auto [lo, hi] = std::minmax_element(peaks.begin(), peaks.end(), [](const auto& x, const auto& y) {
        return x.twoThetaDeg < y.twoThetaDeg;
    });
    for (std::size_t j = 0; j < ref.reflections.size(); ++j) {
        const Reflection& r = ref.reflections[j];
        if (used[j] || r.relativeIntensity < o.missingRelativeIntensity) continue;
        if (r.twoThetaDeg + zero < lo->twoThetaDeg - o.toleranceDeg ||
            r.twoThetaDeg + zero > hi->twoThetaDeg + o.toleranceDeg)
            continue;
        out.missingReflections.push_back(j);
    }
    return out;
}

std::vector<RefinementLine> refinementLines(std::span<const ObservedPeak> peaks, const Indexing& indexing,
                                            const ReflectionList& reference)
{
    std::vector<RefinementLine> lines;
    for (std::size_t i = 0; i < indexing.peaks.size() && i < peaks.size(); ++i) {
        const IndexedPeak& p = indexing.peaks[i];
        if (!p.indexed) continue;
        RefinementLine L;
        L.twoThetaDeg = peaks[i].twoThetaDeg;
        L.sigmaDeg = peaks[i].sigmaDeg;
        for (std::size_t j : p.reflections) {
            const Reflection& r = reference.reflections[j];
            L.hkl.push_back(r.hkl);
            L.weights.push_back(std::max(r.relativeIntensity, 1e-9));
        }
        lines.push_back(L);
    }
    return lines;
}

} // namespace vanadis::xrd
