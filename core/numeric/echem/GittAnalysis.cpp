#include "numeric/echem/GittAnalysis.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace vanadis::echem {

namespace {

constexpr double kFaraday = 96485.33212; // C/mol (CODATA 2018)

std::string num(double v)
{
    std::ostringstream o;
    o.precision(6);
    o << v;
    return o.str();
}

double meanOf(const std::vector<double>& v, std::size_t begin, std::size_t end)
{
    double s = 0.0;
    for (std::size_t k = begin; k < end; ++k)
        s += v[k];
    return s / double(end - begin);
}

/// Standard error of the mean of v[begin, end); 0 for a single point.
double semOf(const std::vector<double>& v, std::size_t begin, std::size_t end)
{
    const std::size_t n = end - begin;
    if (n < 2) return 0.0;
    const double m = meanOf(v, begin, end);
    double ss = 0.0;
    for (std::size_t k = begin; k < end; ++k)
        ss += (v[k] - m) * (v[k] - m);
    return std::sqrt(ss / double(n - 1) / double(n));
}

/// First index of the points averaged for the relaxed voltage of the rest [begin, end): the last
/// relaxedAveragePoints points, but only those in the final 10 % of the rest's duration, so that a rest
/// recorded sparsely (EC-Lab's dE/dt or interval criteria) does not average in points still relaxing.
std::size_t relaxedFrom(const std::vector<double>& t, std::size_t begin, std::size_t end,
                        const GittOptions& o)
{
    const std::size_t avg = std::size_t(std::max(1, o.relaxedAveragePoints));
    std::size_t from = end - std::min(avg, end - begin);
    const double startS = begin ? t[begin - 1] : t[begin];
    const double lateS = t[end - 1] - 0.1 * (t[end - 1] - startS);
    while (from + 1 < end && t[from] < lateS)
        ++from;
    return from;
}

/// A straight line E = a + b·√(t − t0) through the pulse points [begin, end) at t − t0 ≥ skipS.
struct SqrtFit {
    double slope = 0.0, intercept = 0.0, r2 = 0.0, slopeSe = 0.0;
    double ssr = INFINITY, dyy = 0.0;
    int count = 0;
};

SqrtFit fitSqrt(const GittRecord& r, std::size_t begin, std::size_t end, double t0, double skipS)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    int cnt = 0;
    for (std::size_t k = begin; k < end; ++k) {
        const double t = r.timeS[k] - t0;
        if (t < skipS || t < 0) continue;
        const double x = std::sqrt(t), y = r.voltageV[k];
        sx += x, sy += y, sxx += x * x, sxy += x * y, syy += y * y;
        ++cnt;
    }
    SqrtFit f;
    f.count = cnt;
    if (cnt < 3) return f;
    const double dxx = sxx - sx * sx / cnt, dxy = sxy - sx * sy / cnt, dyy = syy - sy * sy / cnt;
    if (!(dxx > 0)) return f;
    f.slope = dxy / dxx;
    f.intercept = (sy - f.slope * sx) / cnt;
    f.r2 = dyy > 0 ? dxy * dxy / (dxx * dyy) : 1.0;
    f.ssr = std::max(0.0, dyy - f.slope * dxy);
    f.dyy = dyy;
    f.slopeSe = std::sqrt(f.ssr / double(cnt - 2) / dxx);
    return f;
}

} // namespace

Expected<GittResult> analyseGitt(const GittRecord& r, const GittMaterial& m, const GittOptions& o)
{
    const std::size_t n = r.timeS.size();
    if (r.voltageV.size() != n || r.currentMa.size() != n)
        return fail("", "", "time, voltage and current have different lengths");
    if (n < 10)
        return fail("", "", "the GITT record has " + std::to_string(n) + " points; at least 10 are needed");
    for (std::size_t k = 0; k < n; ++k) {
        if (!std::isfinite(r.timeS[k]) || !std::isfinite(r.voltageV[k]) || !std::isfinite(r.currentMa[k]))
            return fail("", "point " + std::to_string(k + 1),
                        "a time, voltage or current is not a finite number");
        if (k && !(r.timeS[k] > r.timeS[k - 1]))
            return fail("", "point " + std::to_string(k + 1),
                        "time does not increase (" + num(r.timeS[k - 1]) + " s, then " + num(r.timeS[k]) +
                            " s)");
    }
    GittResult out;
    // Geometry: L from what the user gave.
    if (m.diffusionLengthCm) {
        if (!(*m.diffusionLengthCm > 0)) return fail("", "", "the diffusion length must be above 0 cm");
        out.diffusionLengthCm = *m.diffusionLengthCm;
        out.form = "diffusion length";
    } else if (m.particleRadiusCm) {
        if (!(*m.particleRadiusCm > 0)) return fail("", "", "the particle radius must be above 0 cm");
        out.diffusionLengthCm = *m.particleRadiusCm / 3.0;
        out.form = "particle radius";
    } else {
        std::string missing;
        auto need = [&](double v, const char* what) {
            if (!(v > 0)) missing += (missing.empty() ? "" : ", ") + std::string(what);
        };
        need(m.activeMassMg, "active mass (mg)");
        need(m.molarMassGMol, "molar mass (g/mol)");
        need(m.molarVolumeCm3Mol, "molar volume (cm³/mol)");
        need(m.electrodeAreaCm2, "electrode area (cm²)");
        if (!missing.empty())
            return fail("", "",
                        "the Weppner–Huggins D needs " + missing +
                            " (or a particle radius, or the diffusion length directly)");
        out.diffusionLengthCm =
            m.activeMassMg * 1e-3 * m.molarVolumeCm3Mol / (m.molarMassGMol * m.electrodeAreaCm2);
        out.form = "full";
    }

    double iMax = 0.0;
    for (double i : r.currentMa)
        iMax = std::max(iMax, std::abs(i));
    if (!(iMax > 0)) return fail("", "", "the current is zero throughout: no GITT pulses");
    const double thr = o.currentThresholdFraction * iMax;
    auto on = [&](std::size_t k) { return std::abs(r.currentMa[k]) > thr; };

    // Pulses: maximal runs above the threshold; each rest runs to the next pulse or the end.
    struct Run {
        std::size_t begin, end;
    };
    std::vector<Run> runs;
    for (std::size_t k = 0; k < n;) {
        if (!on(k)) {
            ++k;
            continue;
        }
        std::size_t e = k;
        while (e < n && on(e))
            ++e;
        runs.push_back({k, e});
        k = e;
    }
    if (runs.empty()) return fail("", "", "no current pulse found");
    std::vector<double> taus;
    for (const Run& p : runs)
        taus.push_back(r.timeS[p.end - 1] - r.timeS[p.begin ? p.begin - 1 : p.begin]);
    std::vector<double> sorted = taus;
    std::sort(sorted.begin(), sorted.end());
    const double medianTau = sorted[sorted.size() / 2];

    const double massG = m.activeMassMg * 1e-3;
    double chargeMas = 0.0;       // mA·s since the last change of direction
    double netSodiationMas = 0.0; // mA·s, discharge positive
    int lastDirection = 0;
    const double l2 = out.diffusionLengthCm * out.diffusionLengthCm;
    int skipped = 0;
    for (std::size_t j = 0; j < runs.size(); ++j) {
        const Run& p = runs[j];
        const std::size_t restEnd = j + 1 < runs.size() ? runs[j + 1].begin : n;
        const std::size_t prev = p.begin ? p.begin - 1 : 0;
        const int direction = meanOf(r.currentMa, p.begin, p.end) < 0 ? -1 : 1;
        if (lastDirection && direction != lastDirection) chargeMas = 0.0;
        lastDirection = direction;
        auto addCharge = [&](double signedMas) {
            chargeMas += std::abs(signedMas);
            netSodiationMas -= signedMas;
        };
        // A pulse needs a rest before (its relaxed start) and a rest after with at least 3 points.
        const std::size_t restBefore = j ? p.begin - runs[j - 1].end : p.begin;
        if (p.begin == 0 || restBefore < 1 || restEnd - p.end < 3 || p.end - p.begin < 3) {
            double q = 0.0;
            for (std::size_t k = p.begin; k < p.end; ++k)
                q += r.currentMa[k] * (r.timeS[k] - r.timeS[k ? k - 1 : k]);
            addCharge(q);
            ++skipped;
            continue;
        }
        GittPulse g;
        g.pulseBegin = p.begin;
        g.pulseEnd = p.end;
        g.restEnd = restEnd;
        g.startTimeS = r.timeS[prev];
        g.tauS = taus[j];
        g.currentMa = meanOf(r.currentMa, p.begin, p.end);
        g.direction = direction;
        const std::size_t beforeFrom = relaxedFrom(r.timeS, p.begin - restBefore, p.begin, o);
        g.relaxedBeforeV = meanOf(r.voltageV, beforeFrom, p.begin);
        const std::size_t afterFrom = relaxedFrom(r.timeS, p.end, restEnd, o);
        g.relaxedAfterV = meanOf(r.voltageV, afterFrom, restEnd);
        g.deltaEsV = std::abs(g.relaxedAfterV - g.relaxedBeforeV);
        g.deltaEsErrV =
            std::hypot(semOf(r.voltageV, beforeFrom, p.begin), semOf(r.voltageV, afterFrom, restEnd));
        // E against √t over the pulse. Where the √t transient starts is not written in a record: at the
        // last rest point (current switched on just after it) or at the first pulse point (sampled at
        // the switching instant). The origin between the two that makes E most linear in √t is taken.
        const double tFirst = r.timeS[p.begin];
        auto fitAt = [&](double t0) {
            return fitSqrt(r, p.begin, p.end, t0, o.sqrtFitSkipFraction * g.tauS);
        };
        SqrtFit best = fitAt(g.startTimeS);
        double bestT0 = g.startTimeS;
        // Roundoff must not move the origin off a perfectly linear end point.
        const double eps = 1e-10 * best.dyy;
        auto consider = [&](double t0) {
            const SqrtFit f = fitAt(t0);
            if (f.count >= 3 && f.ssr < best.ssr - eps) best = f, bestT0 = t0;
        };
        consider(tFirst);
        const int grid = 16;
        for (int k = 1; k < grid; ++k)
            consider(g.startTimeS + (tFirst - g.startTimeS) * k / grid);
        // Golden-section refinement around the best grid point.
        double lo = std::max(g.startTimeS, bestT0 - (tFirst - g.startTimeS) / grid),
               hi = std::min(tFirst, bestT0 + (tFirst - g.startTimeS) / grid);
        for (int it = 0; it < 30 && hi - lo > 1e-9 * (1.0 + std::abs(hi)); ++it) {
            const double a = hi - 0.618034 * (hi - lo), b = lo + 0.618034 * (hi - lo);
            const SqrtFit fa = fitAt(a), fb = fitAt(b);
            if (fa.ssr < fb.ssr)
                hi = b;
            else
                lo = a;
            consider(a);
            consider(b);
        }
        if (best.count < 3) {
            addCharge(g.currentMa * g.tauS);
            ++skipped;
            continue;
        }
        // τ and the charge follow the record's convention, decided by where the origin fell (not its
        // noisy position): current on from just after the last rest point to the last pulse point, or
        // from the first pulse point to the first rest point (a record that samples the switching
        // instants).
        const bool switchSampled =
            tFirst > g.startTimeS && bestT0 - g.startTimeS >= 0.5 * (tFirst - g.startTimeS);
        g.tauS = switchSampled ? r.timeS[p.end] - tFirst : r.timeS[p.end - 1] - g.startTimeS;
        addCharge(g.currentMa * g.tauS);
        g.sqrtOriginS = bestT0 - g.startTimeS;
        g.sqrtSlopeVPerSqrtS = best.slope;
        const double intercept = best.intercept;
        g.sqrtFitR2 = best.r2;
        g.deltaEtV = std::abs(g.sqrtSlopeVPerSqrtS) * std::sqrt(g.tauS);
        g.deltaEtErrV = best.slopeSe * std::sqrt(g.tauS);
        g.deltaEtEndpointsV = std::abs(r.voltageV[p.end - 1] - r.voltageV[p.begin]);
        g.irDropV = g.relaxedBeforeV - intercept;
        g.capacityMahG = massG > 0 ? chargeMas / 3600.0 / massG : NAN;
        g.sodiumContent = massG > 0 && m.molarMassGMol > 0
                              ? netSodiationMas * 1e-3 / kFaraday / (massG / m.molarMassGMol)
                              : NAN;
        g.dCm2S = g.deltaEtV > 0
                      ? 4.0 / (std::numbers::pi * g.tauS) * l2 * std::pow(g.deltaEsV / g.deltaEtV, 2)
                      : NAN;
        g.dErrCm2S = g.deltaEtV > 0 && g.deltaEsV > 0
                         ? 2.0 * g.dCm2S * std::hypot(g.deltaEsErrV / g.deltaEsV, g.deltaEtErrV / g.deltaEtV)
                         : NAN;
        g.complete = std::abs(taus[j] - medianTau) <= 0.02 * medianTau;
        if (!g.complete)
            out.warnings.push_back("pulse " + std::to_string(out.pulses.size() + 1) + " lasted " +
                                   num(taus[j]) + " s instead of " + num(medianTau) +
                                   " s (cut short?); its D is less reliable");
        if (g.sqrtFitR2 < 0.95)
            out.warnings.push_back("pulse " + std::to_string(out.pulses.size() + 1) +
                                   ": E is not linear in √t (R² " + num(g.sqrtFitR2) +
                                   "), so τ ≪ L²/D may not hold");
        out.pulses.push_back(g);
    }
    if (out.pulses.empty()) return fail("", "", "no pulse is followed by a rest of at least 3 points");
    if (skipped)
        out.warnings.push_back(std::to_string(skipped) +
                               " pulse(s) without a rest before or after were left out");
    return out;
}

} // namespace vanadis::echem
