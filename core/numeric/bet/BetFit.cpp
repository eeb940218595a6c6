#include "numeric/bet/BetFit.h"

#include "numeric/LinearFit.h"
#include "numeric/bet/Adsorptive.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace vanadis::bet {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double betTransform(double x, double n)
{
    if (!(x > 0.0 && x < 1.0 && n > 0.0)) return kNaN;
    return x / (n * (1.0 - x));
}

double rouquerolTransform(double x, double n)
{
    return n * (1.0 - x);
}

RouquerolCriteria rouquerolCriteria(double slope, double intercept, double pFirst, double pLast,
                                    const MonotoneCubic& nOfX, double tolerance, double* pMonolayerBet,
                                    double* pMonolayerRead, double* relErr)
{
    RouquerolCriteria c;
    double xm = kNaN, xr = kNaN, err = kNaN;
    c.positiveC = intercept > 0.0 && slope + intercept > 0.0;
    if (c.positiveC) {
        const double cc = 1.0 + slope / intercept;
        const double nm = 1.0 / (slope + intercept);
        xm = 1.0 / (std::sqrt(cc) + 1.0);
        xr = nOfX.firstCrossing(nm);
        if (std::isfinite(xr) && xr > 0.0) {
            c.monolayerInWindow = xr >= pFirst && xr <= pLast;
            err = std::abs(xr - xm) / xr;
            c.monolayerPressureConsistent = err < tolerance;
        }
    }
    if (pMonolayerBet) *pMonolayerBet = xm;
    if (pMonolayerRead) *pMonolayerRead = xr;
    if (relErr) *relErr = err;
    return c;
}

Expected<BetFitResult> fitBetWindow(const IsothermBranch& ads, int first, int last, double sigmaNm2,
                                    double tolerance)
{
    const int n = int(ads.size());
    if (first < 0 || last >= n || first > last)
        return fail("", "BET window", "the window lies outside the adsorption branch");
    const int k = last - first + 1;
    if (k < 3)
        return fail("", "BET window",
                    "the window holds " + std::to_string(k) + " point(s); BET needs at least 3");
    std::vector<double> x, y;
    for (int i = first; i <= last; ++i) {
        const double t = betTransform(ads.pRelative[i], ads.amountCm3PerG[i]);
        if (!std::isfinite(t))
            return fail("", "point " + std::to_string(i + 1) + " of the adsorption branch",
                        "the BET transform is undefined there (amount must be above 0 and p/p0 below 1)");
        x.push_back(ads.pRelative[i]);
        y.push_back(t);
    }
    const numeric::LineFit line = numeric::fitLine(x, y);
    if (!line.valid) return fail("", "BET window", "all pressures in the window are equal");

    BetFitResult r;
    r.firstIndex = first;
    r.lastIndex = last;
    r.nPoints = k;
    r.pFirst = x.front();
    r.pLast = x.back();
    r.slope = line.slope;
    r.slopeErr = line.slopeErr;
    r.intercept = line.intercept;
    r.interceptErr = line.interceptErr;
    r.r2 = line.r2;
    r.crossSectionNm2 = sigmaNm2;
    const double sum = r.slope + r.intercept;
    r.monolayerCm3PerG = 1.0 / sum;
    r.areaM2PerG = areaM2PerGFromMonolayer(r.monolayerCm3PerG, sigmaNm2);
    // Micromeritics convention (reproduces MicroActive reports to 4 digits): covariance ignored.
    const double relErr = std::hypot(r.slopeErr, r.interceptErr) / std::abs(sum);
    r.monolayerErrCm3PerG = std::abs(r.monolayerCm3PerG) * relErr;
    r.areaErrM2PerG = std::abs(r.areaM2PerG) * relErr;
    r.c = 1.0 + r.slope / r.intercept;
    {
        // cov(s, i) = −x̄·σ²/Sxx for OLS; C = 1 + s/i.
        double mx = 0.0, sxx = 0.0;
        for (double v : x)
            mx += v;
        mx /= double(k);
        for (double v : x)
            sxx += (v - mx) * (v - mx);
        const double s2 = sxx > 0.0 ? r.slopeErr * r.slopeErr * sxx : 0.0;
        const double cov = -mx * s2 / sxx;
        const double dCds = 1.0 / r.intercept, dCdi = -r.slope / (r.intercept * r.intercept);
        const double var = dCds * dCds * r.slopeErr * r.slopeErr +
                           dCdi * dCdi * r.interceptErr * r.interceptErr + 2.0 * dCds * dCdi * cov;
        r.cErr = std::sqrt(std::max(0.0, var));
    }

    const MonotoneCubic nOfX(ads.pRelative, ads.amountCm3PerG);
    r.criteria = rouquerolCriteria(r.slope, r.intercept, r.pFirst, r.pLast, nOfX, tolerance, &r.pMonolayerBet,
                                   &r.pMonolayerRead, &r.monolayerPressureRelErr);
    bool increasing = true;
    for (int i = first + 1; i <= last && increasing; ++i) {
        const double a0 = rouquerolTransform(ads.pRelative[i - 1], ads.amountCm3PerG[i - 1]);
        const double a1 = rouquerolTransform(ads.pRelative[i], ads.amountCm3PerG[i]);
        increasing = a1 > a0 && y[std::size_t(i - first)] > y[std::size_t(i - first - 1)];
    }
    r.criteria.rouquerolIncreasing = increasing;
    return r;
}

Expected<BetFitResult> fitBetRange(const IsothermBranch& ads, double pMin, double pMax, double sigmaNm2,
                                   double tolerance)
{
    int first = -1, last = -1;
    for (int i = 0; i < int(ads.size()); ++i) {
        if (ads.pRelative[i] < pMin || ads.pRelative[i] > pMax) continue;
        if (first < 0) first = i;
        last = i;
    }
    const int k = first < 0 ? 0 : last - first + 1;
    if (k < 3) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "the range p/p0 = %.4g – %.4g holds %d adsorption point(s); BET needs at least 3", pMin,
                      pMax, k);
        return fail("", "BET range", buf);
    }
    return fitBetWindow(ads, first, last, sigmaNm2, tolerance);
}

std::vector<std::string> betFitWarnings(const BetFitResult& f)
{
    std::vector<std::string> w;
    char buf[400];
    if (!(f.intercept > 0.0) || !(f.c > 0.0)) {
        std::snprintf(
            buf, sizeof buf,
            "The BET constant C is negative (C = %.3g, negative intercept): the range p/p0 = %.3g – %.3g is "
            "not valid for BET; choose a lower range or use the automatic window.",
            f.c, f.pFirst, f.pLast);
        w.emplace_back(buf);
    } else if (f.c < 20.0) {
        // Below C ≈ 20 the knee of the isotherm is rounded: monolayer and multilayer overlap and n_m is
        // ill-defined (IUPAC 2015, Thommes et al.), whatever the fit's own error says.
        std::snprintf(buf, sizeof buf,
                      "The BET constant C = %.3g is below 20: the monolayer is not distinct from the "
                      "multilayer (no sharp knee), so the BET area is uncertain beyond its error bar.",
                      f.c);
        w.emplace_back(buf);
    }
    if (!f.criteria.rouquerolIncreasing)
        w.emplace_back(
            "The BET range fails Rouquerol criterion 1: n(1 − p/p0) and the BET transform must rise "
            "throughout the range; it extends past the knee of the Rouquerol plot.");
    if (f.intercept > 0.0 && f.c > 0.0) {
        if (!f.criteria.monolayerInWindow) {
            std::snprintf(
                buf, sizeof buf,
                "The BET range fails Rouquerol criterion 3: the monolayer amount is reached at p/p0 = %.3g, "
                "outside the range %.3g – %.3g.",
                f.pMonolayerRead, f.pFirst, f.pLast);
            w.emplace_back(buf);
        }
        if (!f.criteria.monolayerPressureConsistent) {
            std::snprintf(buf, sizeof buf,
                          "The BET range fails Rouquerol criterion 4: the monolayer pressure from C, 1/(√C + "
                          "1) = %.3g, "
                          "differs from the one read on the isotherm (%.3g) by more than 20 %%.",
                          f.pMonolayerBet, f.pMonolayerRead);
            w.emplace_back(buf);
        }
    }
    return w;
}

Expected<SinglePointBetResult> singlePointBet(const IsothermBranch& ads, double sigmaNm2, double pTarget)
{
    int best = -1;
    for (int i = 0; i < int(ads.size()); ++i) {
        const double x = ads.pRelative[i];
        if (x < 0.05 || x > 0.5 || !(ads.amountCm3PerG[i] > 0.0)) continue;
        if (best < 0 || std::abs(x - pTarget) < std::abs(ads.pRelative[best] - pTarget)) best = i;
    }
    if (best < 0) return fail("", "single-point BET", "no adsorption point between p/p0 = 0.05 and 0.5");
    SinglePointBetResult r;
    r.pRelative = ads.pRelative[best];
    r.monolayerCm3PerG = rouquerolTransform(r.pRelative, ads.amountCm3PerG[best]);
    r.areaM2PerG = areaM2PerGFromMonolayer(r.monolayerCm3PerG, sigmaNm2);
    return r;
}

} // namespace vanadis::bet
