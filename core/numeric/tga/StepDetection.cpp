#include "numeric/tga/StepDetection.h"

#include "numeric/LinearFit.h"
#include "numeric/tga/TextFormat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <queue>

namespace vanadis::tga {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Candidate step before the tangent construction.
struct Candidate {
    int sign; // -1 loss, +1 gain
    std::size_t start, peak, end;
};

/// Splits one run of g > threshold into peaks separated by valleys deeper than both the threshold and
/// minValleyDrop × the smaller of the two peaks (topographic prominence, merged from the shallowest valley
/// up; the lower peak of a merged pair goes). Returns the surviving peak indices and the valleys between.
void peaksInRun(const std::vector<double>& g, std::size_t a, std::size_t b, double threshold,
                double minValleyDrop, std::vector<std::size_t>& peaks, std::vector<std::size_t>& valleys)
{
    peaks.clear();
    valleys.clear();
    for (std::size_t k = a; k <= b; ++k) {
        const bool leftOk = (k == a) || g[k] >= g[k - 1];
        const bool rightOk = (k == b) || g[k] > g[k + 1];
        if (leftOk && rightOk) peaks.push_back(k);
    }
    if (peaks.empty()) { // a run whose values are all equal
        peaks.push_back(a + (b - a) / 2);
        return;
    }
    const std::size_t m = peaks.size();
    if (m == 1) return;
    std::vector<std::size_t> valleyRight(m, 0);
    for (std::size_t i = 0; i + 1 < m; ++i) {
        std::size_t v = peaks[i];
        for (std::size_t k = peaks[i]; k <= peaks[i + 1]; ++k)
            if (g[k] < g[v]) v = k;
        valleyRight[i] = v;
    }
    std::vector<int> prev(m), next(m);
    std::vector<char> alive(m, 1);
    for (std::size_t i = 0; i < m; ++i) {
        prev[i] = int(i) - 1;
        next[i] = (i + 1 < m) ? int(i + 1) : -1;
    }
    struct Entry {
        double drop;
        int left, right;
        std::size_t valley;
        bool operator>(const Entry& o) const { return drop > o.drop; }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto push = [&](int l) {
        const int r = next[l];
        if (r < 0) return;
        const std::size_t v = valleyRight[std::size_t(l)];
        heap.push({std::min(g[peaks[std::size_t(l)]], g[peaks[std::size_t(r)]]) - g[v], l, r, v});
    };
    for (std::size_t i = 0; i + 1 < m; ++i)
        push(int(i));
    while (!heap.empty()) {
        const Entry e = heap.top();
        heap.pop();
        if (!alive[std::size_t(e.left)] || !alive[std::size_t(e.right)] || next[e.left] != e.right ||
            valleyRight[std::size_t(e.left)] != e.valley)
            continue;
        const double smaller = std::min(g[peaks[std::size_t(e.left)]], g[peaks[std::size_t(e.right)]]);
        // This pair stays apart; pairs with a larger drop may still merge on the relative criterion, so the
        // loop runs on (each merge pushes the new neighbour pair).
        if (e.drop >= threshold && e.drop >= minValleyDrop * smaller) continue;
        // Remove the lower peak of the pair; its two valleys become one (the deeper).
        const bool removeLeft = g[peaks[std::size_t(e.left)]] < g[peaks[std::size_t(e.right)]];
        const int r = removeLeft ? e.left : e.right;
        const int p = prev[r], q = next[r];
        alive[std::size_t(r)] = 0;
        if (p >= 0) {
            std::size_t v = valleyRight[std::size_t(p)];
            if (q >= 0 && g[valleyRight[std::size_t(r)]] < g[v]) v = valleyRight[std::size_t(r)];
            valleyRight[std::size_t(p)] = v;
            next[p] = q;
        }
        if (q >= 0) prev[q] = p;
        if (p >= 0) push(p);
        if (q >= 0 && next[q] >= 0) push(q);
    }
    std::vector<std::size_t> keptPeaks, keptValleys;
    for (int i = 0; i >= 0 && i < int(m);) {
        if (!alive[std::size_t(i)]) {
            ++i;
            continue;
        }
        keptPeaks.push_back(peaks[std::size_t(i)]);
        if (next[i] >= 0) keptValleys.push_back(valleyRight[std::size_t(i)]);
        i = next[i] >= 0 ? next[i] : int(m);
    }
    peaks = std::move(keptPeaks);
    valleys = std::move(keptValleys);
}

/// Temperature of the extremum of sign·f at k, refined by a parabola through the three points around it
/// (only inside [lo, hi], where the three points belong to the same step).
double refinedPeakTemperature(const TgaCurve& c, const std::vector<double>& f, double sign, std::size_t k,
                              std::size_t lo, std::size_t hi)
{
    const double tk = c.temperatureC[k];
    if (k <= lo || k >= hi || k + 1 >= f.size()) return tk;
    const double gm = sign * f[k - 1], g0 = sign * f[k], gp = sign * f[k + 1];
    const double den = gm - 2 * g0 + gp;
    if (!(den < 0)) return tk;
    const double delta = std::clamp(0.5 * (gm - gp) / den, -0.5, 0.5);
    return delta >= 0 ? tk + delta * (c.temperatureC[k + 1] - tk) : tk + delta * (tk - c.temperatureC[k - 1]);
}

/// The DTG's span as a window over the raw points, never longer than the run.
SavitzkyGolayWindow fitWindow(const TgaCurve& c, const Dtg& d)
{
    SavitzkyGolayWindow w = d.rawWindow();
    const int n = int(std::min<std::size_t>(c.size(), 1u << 30));
    if (w.points > n) w.points = (n % 2) ? n : n - 1;
    return w;
}

double smoothedMass(const TgaCurve& c, const Dtg& d, std::size_t i)
{
    return savitzkyGolayAt(d.abscissa(c), c.massPct, fitWindow(c, d), 0, i);
}

double smoothedMassMg(const TgaCurve& c, const Dtg& d, std::size_t i)
{
    if (!c.hasMassMg()) return kNaN;
    return savitzkyGolayAt(d.abscissa(c), c.massMg, fitWindow(c, d), 0, i);
}

struct Line {
    double intercept = kNaN, slope = kNaN;
    double at(double t) const { return intercept + slope * t; }
};

/// Straight baseline of mass % against temperature over [i0, i1]; horizontal at the smoothed mass at
/// `anchor` when the range is too short or the temperature hardly moves in it.
Line baseline(const TgaCurve& c, const Dtg& d, std::size_t i0, std::size_t i1, std::size_t anchor)
{
    const std::size_t count = i1 >= i0 ? i1 - i0 + 1 : 0;
    if (count >= 5) {
        double lo = c.temperatureC[i0], hi = lo;
        for (std::size_t i = i0; i <= i1; ++i) {
            lo = std::min(lo, c.temperatureC[i]);
            hi = std::max(hi, c.temperatureC[i]);
        }
        if (hi - lo >= 1.0) {
            const auto fit = numeric::fitLine(std::span(c.temperatureC).subspan(i0, count),
                                              std::span(c.massPct).subspan(i0, count));
            if (fit.valid) return {fit.intercept, fit.slope};
        }
    }
    return {smoothedMass(c, d, anchor), 0.0};
}

/// First index between first and last (inclusive) where the smoothed mass, monotonic across a step,
/// reaches target; found by bisection so a long step costs O(log n) local fits.
double crossingTemperature(const TgaCurve& c, const Dtg& d, std::size_t first, std::size_t last,
                           double target)
{
    if (last <= first) return kNaN;
    double mFirst = smoothedMass(c, d, first), mLast = smoothedMass(c, d, last);
    const double dir = mLast > mFirst ? 1.0 : -1.0;
    if ((target - mFirst) * dir < 0 || (mLast - target) * dir < 0) return kNaN;
    std::size_t lo = first, hi = last;
    double mLo = mFirst, mHi = mLast;
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const double mm = smoothedMass(c, d, mid);
        if ((mm - target) * dir < 0) {
            lo = mid;
            mLo = mm;
        } else {
            hi = mid;
            mHi = mm;
        }
    }
    const double f = (mHi != mLo) ? std::clamp((target - mLo) / (mHi - mLo), 0.0, 1.0) : 0.5;
    return c.temperatureC[lo] + f * (c.temperatureC[hi] - c.temperatureC[lo]);
}

void fillMasses(const TgaCurve& c, const Dtg& d, Step& s)
{
    s.startC = c.temperatureC[s.startIndex];
    s.endC = c.temperatureC[s.endIndex];
    s.startPct = smoothedMass(c, d, s.startIndex);
    s.endPct = smoothedMass(c, d, s.endIndex);
    s.massChangePct = s.endPct - s.startPct;
    s.massChangeMg =
        c.hasMassMg() ? smoothedMassMg(c, d, s.endIndex) - smoothedMassMg(c, d, s.startIndex) : kNaN;
    s.peakTimeMin = c.hasTime() ? c.timeMin[s.peakIndex] : 0.0;
    s.peakDtg = d.primary()[s.peakIndex];
}

} // namespace

void tangentConstruction(const TgaCurve& c, const Dtg& d, Step& s, std::size_t lowLimit,
                         std::size_t highLimit, double width, std::vector<std::string>* warnings)
{
    s.onsetC = s.endsetC = s.midpointC = kNaN;
    s.isothermal = false;
    const std::size_t p = s.peakIndex;
    const SavitzkyGolayWindow w = fitWindow(c, d);
    // Slope of mass % against temperature at the inflection: (dm/dt)/(dT/dt) when the DTG is against time.
    double slope = d.primary()[p];
    if (d.againstTime) {
        const double dTdt = savitzkyGolayAt(c.timeMin, c.temperatureC, w, 1, p);
        const double minRate = std::max(0.05, 0.1 * d.heatingRateKPerMin);
        if (!(std::abs(dTdt) >= minRate)) {
            s.isothermal = true;
            if (warnings)
                warnings->push_back(
                    "The " + std::string(s.kind == StepKind::Loss ? "mass loss" : "mass gain") + " at " +
                    textf("%.1f min", s.peakTimeMin) + " happens while the temperature holds at " +
                    textf("%.1f °C", c.temperatureC[p]) + ": it has no onset or endset temperature.");
            return;
        }
        slope /= dTdt;
    }
    const double tp = c.temperatureC[p];
    const double mp = smoothedMass(c, d, p);
    const Line tangent{mp - slope * tp, slope};

    const std::size_t n = c.size();
    const std::size_t a = s.startIndex, b = s.endIndex;
    std::size_t i0 = a;
    while (i0 > lowLimit && i0 > 0 && std::abs(c.temperatureC[i0 - 1] - c.temperatureC[a]) <= width)
        --i0;
    std::size_t i1 = b;
    while (i1 < highLimit && i1 + 1 < n && std::abs(c.temperatureC[i1 + 1] - c.temperatureC[b]) <= width)
        ++i1;
    const Line before = baseline(c, d, i0, a, a);
    const Line after = baseline(c, d, b, i1, b);

    auto intersect = [&](const Line& base) {
        const double den = base.slope - tangent.slope;
        if (!(std::abs(den) > 1e-12 * std::max(1.0, std::abs(tangent.slope)))) return kNaN;
        return (tangent.intercept - base.intercept) / den;
    };
    double onset = intersect(before), endset = intersect(after);
    // A step under way when the record starts (or still running when it ends) has no baseline on that side.
    const bool openStart = a == 0, openEnd = b + 1 >= n;
    if (openStart) onset = kNaN;
    if (openEnd) endset = kNaN;
    // The construction only means something when the tangent meets each baseline on its own side of the
    // inflection; otherwise (a baseline as steep as the step, overlapping steps) it is reported as undefined.
    const double dir = c.temperatureC[b] >= c.temperatureC[a] ? 1.0 : -1.0;
    const double reach = 5.0 * width + std::abs(c.temperatureC[b] - c.temperatureC[a]);
    if (!((tp - onset) * dir >= 0 && std::abs(tp - onset) <= reach)) onset = kNaN;
    if (!((endset - tp) * dir >= 0 && std::abs(endset - tp) <= reach)) endset = kNaN;
    if (warnings && (openStart || openEnd))
        warnings->push_back("The step at " + textf("%.1f °C", s.peakC) + " is " +
                            (openStart ? "already under way when the record starts: it has no onset"
                                       : "still running when the record ends: it has no endset") +
                            ".");
    const bool badOnset = std::isnan(onset) && !openStart, badEndset = std::isnan(endset) && !openEnd;
    if (warnings && (badOnset || badEndset))
        warnings->push_back("The tangent construction of the step at " + textf("%.1f °C", s.peakC) +
                            " is ill-defined (overlapping steps or sloping baselines): its " +
                            (badOnset && badEndset ? "onset and endset are"
                             : badOnset            ? "onset is"
                                                   : "endset is") +
                            " not reported.");
    s.onsetC = onset;
    s.endsetC = endset;
    const double mBefore = std::isnan(onset) ? s.startPct : before.at(onset);
    const double mAfter = std::isnan(endset) ? s.endPct : after.at(endset);
    s.midpointC = crossingTemperature(c, d, a, b, 0.5 * (mBefore + mAfter));
}

StepDetection detectSteps(const TgaCurve& c, const Dtg& d, const StepOptions& o)
{
    StepDetection out;
    const std::vector<double>& f = d.primary();
    const std::size_t n = f.size();
    if (n < 3) return out;
    double maxAbs = 0;
    for (double v : f)
        if (std::isfinite(v)) maxAbs = std::max(maxAbs, std::abs(v));
    out.threshold = std::max(o.noiseFactor * d.noise, o.relativeFloor * maxAbs);
    if (!(out.threshold > 0)) return out;
    const double level = 0.5 * out.threshold;

    std::vector<Candidate> candidates;
    std::vector<double> g(n);
    std::vector<std::size_t> peaks, valleys;
    for (int sign : {-1, +1}) {
        for (std::size_t i = 0; i < n; ++i)
            g[i] = std::isfinite(f[i]) ? sign * f[i] : 0.0;
        std::vector<Candidate> own;
        for (std::size_t i = 0; i < n;) {
            if (!(g[i] > out.threshold)) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j + 1 < n && g[j + 1] > out.threshold)
                ++j;
            peaksInRun(g, i, j, out.threshold, o.minValleyDrop, peaks, valleys);
            // The run is where |DTG| is clearly above noise; the step reaches out to where it drops to half
            // the threshold, so that the mass change includes the tails.
            std::size_t lo = i, hi = j;
            while (lo > 0 && g[lo - 1] > level)
                --lo;
            while (hi + 1 < n && g[hi + 1] > level)
                ++hi;
            for (std::size_t k = 0; k < peaks.size(); ++k)
                own.push_back(
                    {sign, k == 0 ? lo : valleys[k - 1], peaks[k], k + 1 < peaks.size() ? valleys[k] : hi});
            i = j + 1;
        }
        // Two runs of the same sign whose tails overlap meet at the lowest |DTG| between their peaks.
        for (std::size_t k = 1; k < own.size(); ++k) {
            if (own[k].start >= own[k - 1].end) continue;
            std::size_t v = own[k - 1].peak;
            for (std::size_t q = own[k - 1].peak; q <= own[k].peak; ++q)
                if (g[q] < g[v]) v = q;
            own[k - 1].end = v;
            own[k].start = v;
        }
        candidates.insert(candidates.end(), own.begin(), own.end());
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& x, const Candidate& y) { return x.peak < y.peak; });

    for (const Candidate& cd : candidates) {
        Step s;
        s.kind = cd.sign < 0 ? StepKind::Loss : StepKind::Gain;
        s.startIndex = cd.start;
        s.peakIndex = cd.peak;
        s.endIndex = cd.end;
        s.peakC = refinedPeakTemperature(c, f, cd.sign, cd.peak, cd.start, cd.end);
        fillMasses(c, d, s);
        if (std::abs(s.massChangePct) < o.minStepPct) continue;
        out.steps.push_back(s);
    }
    for (std::size_t k = 0; k < out.steps.size(); ++k) {
        const std::size_t low = k > 0 ? out.steps[k - 1].endIndex : 0;
        const std::size_t high = k + 1 < out.steps.size() ? out.steps[k + 1].startIndex : n - 1;
        tangentConstruction(c, d, out.steps[k], low, high, o.baselineWidthC, &out.warnings);
    }
    for (std::size_t k = 1; k < out.steps.size(); ++k) {
        const Step& a = out.steps[k - 1];
        const Step& b = out.steps[k];
        if (a.kind != b.kind && b.startIndex <= a.endIndex + 1)
            out.warnings.push_back(
                "The " + std::string(a.kind == StepKind::Loss ? "loss" : "gain") + " at " +
                textf("%.0f °C", a.peakC) + " and the " + (b.kind == StepKind::Loss ? "loss" : "gain") +
                " at " + textf("%.0f °C", b.peakC) +
                " overlap: their mass changes are net values and their onsets approximate.");
    }
    return out;
}

Step stepBetween(const TgaCurve& c, const Dtg& d, std::size_t first, std::size_t last, const StepOptions& o)
{
    const std::size_t n = c.size();
    Step s;
    if (n == 0) return s;
    if (first > last) std::swap(first, last);
    last = std::min(last, n - 1);
    first = std::min(first, last);
    s.startIndex = first;
    s.endIndex = last;
    const double change = smoothedMass(c, d, last) - smoothedMass(c, d, first);
    s.kind = change < 0 ? StepKind::Loss : StepKind::Gain;
    const double sign = change < 0 ? -1.0 : 1.0;
    const std::vector<double>& f = d.primary();
    std::size_t peak = first;
    for (std::size_t i = first; i <= last; ++i)
        if (std::isfinite(f[i]) && sign * f[i] > sign * f[peak]) peak = i;
    s.peakIndex = peak;
    s.peakC = refinedPeakTemperature(c, f, sign, peak, first, last);
    fillMasses(c, d, s);
    tangentConstruction(c, d, s, 0, n - 1, o.baselineWidthC, nullptr);
    return s;
}

} // namespace vanadis::tga
