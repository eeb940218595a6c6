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
        for (std::size_t k = p.begin; k < p.end; ++k) {
            const double dq = r.currentMa[k] * (r.timeS[k] - r.timeS[k ? k - 1 : k]);
            chargeMas += std::abs(dq);
            netSodiationMas -= dq;
        }
        // A pulse needs a rest before (its relaxed start) and a rest after with at least 3 points.
        const std::size_t restBefore = j ? p.begin - runs[j - 1].end : p.begin;
        if (p.begin == 0 || restBefore < 1 || restEnd - p.end < 3 || p.end - p.begin < 3) {
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
        // E against √t over the pulse, t from the pulse start.
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        int cnt = 0;
        for (std::size_t k = p.begin; k < p.end; ++k) {
            const double t = r.timeS[k] - g.startTimeS;
            if (t < o.sqrtFitSkipFraction * g.tauS) continue;
            const double x = std::sqrt(t), y = r.voltageV[k];
            sx += x, sy += y, sxx += x * x, sxy += x * y, syy += y * y;
            ++cnt;
        }
        if (cnt < 3) {
            ++skipped;
            continue;
        }
        const double dxx = sxx - sx * sx / cnt, dxy = sxy - sx * sy / cnt, dyy = syy - sy * sy / cnt;
        g.sqrtSlopeVPerSqrtS = dxy / dxx;
        const double intercept = (sy - g.sqrtSlopeVPerSqrtS * sx) / cnt;
        g.sqrtFitR2 = dyy > 0 ? dxy * dxy / (dxx * dyy) : 1.0;
        g.deltaEtV = std::abs(g.sqrtSlopeVPerSqrtS) * std::sqrt(g.tauS);
        const double slopeSe =
            cnt > 2 ? std::sqrt(std::max(0.0, dyy - g.sqrtSlopeVPerSqrtS * dxy) / double(cnt - 2) / dxx)
                    : 0.0;
        g.deltaEtErrV = slopeSe * std::sqrt(g.tauS);
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
        g.complete = std::abs(g.tauS - medianTau) <= 0.02 * medianTau;
        if (!g.complete)
            out.warnings.push_back("pulse " + std::to_string(out.pulses.size() + 1) + " lasted " +
                                   num(g.tauS) + " s instead of " + num(medianTau) +
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
