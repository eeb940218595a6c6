#include "numeric/bet/BetWindowSearch.h"

#include "numeric/bet/Adsorptive.h"
#include "numeric/bet/MonotoneCubic.h"

#include <cmath>
#include <limits>

namespace vanadis::bet {
namespace {

struct ScanResult {
    int bestFirst = -1, bestLast = -1;
    double bestErr = std::numeric_limits<double>::infinity();
    std::vector<double> areas;
};

ScanResult scan(const IsothermBranch& b, const BetSearchOptions& o)
{
    const int n = int(b.size());
    const auto& x = b.pRelative;
    const auto& q = b.amountCm3PerG;
    std::vector<double> y(n);
    std::vector<char> defined(n), rising(n, 0);
    for (int k = 0; k < n; ++k) {
        y[k] = betTransform(x[k], q[k]);
        defined[k] = std::isfinite(y[k]);
        // Criterion 1 is a property of each step, so a window that contains a falling step fails, and so
        // does every longer window from the same start: the inner loop below stops there.
        if (k > 0)
            rising[k] = defined[k] && defined[k - 1] &&
                        rouquerolTransform(x[k], q[k]) > rouquerolTransform(x[k - 1], q[k - 1]) &&
                        y[k] > y[k - 1];
    }
    const MonotoneCubic nOfX(x, q);

    ScanResult out;
    int bestPoints = 0;
    for (int i = 0; i < n; ++i) {
        if (!defined[i]) continue;
        // Sums relative to the window's first point: the window grows one point at a time, each fit is
        // O(1), and the shift removes the cancellation that Σx² − (Σx)²/k suffers for short windows.
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int j = i; j < n; ++j) {
            if (!defined[j] || (j > i && !rising[j])) break;
            const double dx = x[j] - x[i], dy = y[j] - y[i];
            sx += dx;
            sy += dy;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            const int k = j - i + 1;
            if (k < o.minPoints) continue;
            const double cxx = sxx - sx * sx / k, cxy = sxy - sx * sy / k, cyy = syy - sy * sy / k;
            if (!(cxx > 0.0)) continue;
            const double slope = cxy / cxx;
            const double intercept = (y[i] + sy / k) - slope * (x[i] + sx / k);
            const double ssRes = std::max(0.0, cyy - slope * cxy);
            const double r2 = cyy > 0.0 ? 1.0 - ssRes / cyy : 1.0;
            if (!(r2 > o.r2Min)) continue;
            if (!(intercept > 0.0 && slope + intercept > 0.0)) continue;
            const double nm = 1.0 / (slope + intercept);
            // q rises through the window (criterion 1 implies it), so n_m outside [q_i, q_j] cannot be
            // read inside it: skip the interpolant for those windows.
            if (nm < q[i] || nm > q[j]) continue;
            double relErr = 0.0;
            const RouquerolCriteria c =
                rouquerolCriteria(slope, intercept, x[i], x[j], nOfX, o.tolerance, nullptr, nullptr, &relErr);
            if (!(c.positiveC && c.monolayerInWindow && c.monolayerPressureConsistent)) continue;
            out.areas.push_back(areaM2PerGFromMonolayer(nm, o.crossSectionNm2));
            const bool better =
                j > out.bestLast ||
                (j == out.bestLast && (relErr < out.bestErr || (relErr == out.bestErr && k > bestPoints)));
            if (better) {
                out.bestFirst = i;
                out.bestLast = j;
                out.bestErr = relErr;
                bestPoints = k;
            }
        }
    }
    return out;
}

// Round r of the fall-back: r points per gap, log-spaced in p/p0, amounts from the PCHIP interpolant of
// the measured points (BETSI's remedy for isotherms measured with too few low-pressure points).
IsothermBranch withInterpolatedPoints(const IsothermBranch& b, int perGap, std::vector<bool>& flags)
{
    const MonotoneCubic nOfX(b.pRelative, b.amountCm3PerG);
    IsothermBranch out;
    flags.clear();
    for (std::size_t k = 0; k < b.size(); ++k) {
        out.pRelative.push_back(b.pRelative[k]);
        out.amountCm3PerG.push_back(b.amountCm3PerG[k]);
        flags.push_back(false);
        if (k + 1 == b.size()) break;
        const double x0 = b.pRelative[k], x1 = b.pRelative[k + 1];
        if (!(x0 > 0.0) || !(x1 > x0)) continue;
        for (int m = 1; m <= perGap; ++m) {
            const double xm = std::exp(std::log(x0) + (std::log(x1) - std::log(x0)) * m / (perGap + 1));
            out.pRelative.push_back(xm);
            out.amountCm3PerG.push_back(nOfX(xm));
            flags.push_back(true);
        }
    }
    return out;
}

} // namespace

Expected<BetSearchResult> searchBetWindow(const IsothermBranch& ads, const BetSearchOptions& o)
{
    if (o.minPoints < 3)
        return fail("", "BET window search", "the smallest window must hold at least 3 points");
    if (ads.size() < 3)
        return fail("", "adsorption branch",
                    "the isotherm has " + std::to_string(ads.size()) +
                        " adsorption point(s); BET needs at least 3");

    BetSearchResult result;
    for (int round = 0; round <= o.maxInterpolationRounds; ++round) {
        std::vector<bool> flags;
        IsothermBranch branch = round == 0 ? ads : withInterpolatedPoints(ads, round, flags);
        if (round == 0) flags.assign(ads.size(), false);
        const long m = long(branch.size()) - o.minPoints + 1;
        result.nWindowsTested += m > 0 ? m * (m + 1) / 2 : 0;
        ScanResult s = scan(branch, o);
        result.interpolationRound = round;
        result.branchUsed = std::move(branch);
        result.interpolated = std::move(flags);
        if (s.bestFirst < 0) continue;

        auto fit = fitBetWindow(result.branchUsed, s.bestFirst, s.bestLast, o.crossSectionNm2, o.tolerance);
        if (!fit) return std::unexpected(fit.error());
        result.selected = *fit;
        result.nValidWindows = int(s.areas.size());
        double mean = 0.0;
        result.areaMinM2PerG = result.areaMaxM2PerG = s.areas.front();
        for (double a : s.areas) {
            mean += a;
            result.areaMinM2PerG = std::min(result.areaMinM2PerG, a);
            result.areaMaxM2PerG = std::max(result.areaMaxM2PerG, a);
        }
        mean /= double(s.areas.size());
        double var = 0.0;
        for (double a : s.areas)
            var += (a - mean) * (a - mean);
        result.spreadM2PerG = s.areas.size() > 1 ? std::sqrt(var / double(s.areas.size() - 1)) : 0.0;
        for (int k = s.bestFirst; k <= s.bestLast; ++k)
            result.nInterpolatedInWindow += result.interpolated[std::size_t(k)] ? 1 : 0;
        if (round > 0)
            result.warnings.push_back(
                "No window of measured points passed the four Rouquerol criteria; the BET window was found "
                "after "
                "inserting interpolated points (" +
                std::to_string(result.nInterpolatedInWindow) + " of the " + std::to_string(fit->nPoints) +
                " points in the window are interpolated), so the area and its error rest on interpolation.");
        for (auto& w : betFitWarnings(*fit))
            result.warnings.push_back(std::move(w));
        return result;
    }
    // Nothing qualified: report the measured points, not the last interpolated set.
    result.warnings.push_back("No BET window passes the four Rouquerol consistency criteria, even after "
                              "adding interpolated points, so "
                              "no BET area is reported. The isotherm may be of type III or V (weak "
                              "adsorbent–adsorbate interaction) or "
                              "have too few points at low pressure; a range can still be chosen by hand.");
    result.branchUsed = ads;
    result.interpolated.assign(ads.size(), false);
    return result;
}

} // namespace vanadis::bet
