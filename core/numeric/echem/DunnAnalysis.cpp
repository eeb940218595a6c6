#include "numeric/echem/DunnAnalysis.h"

#include <cmath>
#include <sstream>

namespace vanadis::echem {

namespace {
/// ∫|y| dV by the trapezoid rule on the grid \a x.
double absIntegral(const std::vector<double>& x, const std::vector<double>& y)
{
    double s = 0.0;
    for (std::size_t k = 1; k < x.size(); ++k)
        s += 0.5 * (std::abs(y[k]) + std::abs(y[k - 1])) * (x[k] - x[k - 1]);
    return s;
}
} // namespace

Expected<DunnResult> dunnAnalysis(std::span<const CvScan> scans, const DunnOptions& options)
{
    if (scans.size() < 2) return fail("", "", "the Dunn separation needs CVs at two or more scan rates");
    for (std::size_t a = 0; a < scans.size(); ++a) {
        if (!(scans[a].scanRateMvS > 0))
            return fail("", "", "every CV needs a scan rate above 0 mV/s for the Dunn separation");
        for (std::size_t b = 0; b < a; ++b)
            if (scans[a].scanRateMvS == scans[b].scanRateMvS) {
                std::ostringstream o;
                o << "two CVs have the same scan rate (" << scans[a].scanRateMvS
                  << " mV/s); choose one cycle per scan rate";
                return fail("", "", o.str());
            }
    }
    auto grids = commonBranchGrids(scans, options.gridStepV, options.vertexExclusionV);
    if (!grids) return std::unexpected(grids.error());
    DunnResult out;
    const std::size_t ns = scans.size();
    std::vector<double> sq(ns);
    for (std::size_t s = 0; s < ns; ++s) {
        out.scanRateMvS.push_back(scans[s].scanRateMvS);
        sq[s] = std::sqrt(scans[s].scanRateMvS);
    }
    // Least squares of y = i/√v on x = √v (slope k1, intercept k2); the design is the same at every
    // potential, so its sums are computed once.
    double sx = 0, sxx = 0;
    for (double x : sq) {
        sx += x;
        sxx += x * x;
    }
    const double det = double(ns) * sxx - sx * sx;
    std::vector<double> capNum(ns, 0.0), totDen(ns, 0.0);
    for (const auto& g : *grids) {
        DunnBranch b;
        b.branch = g.branch;
        b.potentialV = g.potentialV;
        const std::size_t np = g.potentialV.size();
        b.k1.resize(np);
        b.k2.resize(np);
        b.r2.resize(np);
        b.capacitiveCurrentMa.assign(ns, std::vector<double>(np));
        b.totalCurrentMa = g.currentMa;
        for (std::size_t k = 0; k < np; ++k) {
            double sy = 0, sxy = 0;
            for (std::size_t s = 0; s < ns; ++s) {
                const double y = g.currentMa[s][k] / sq[s];
                sy += y;
                sxy += sq[s] * y;
            }
            const double k1 = (double(ns) * sxy - sx * sy) / det;
            const double k2 = (sy - k1 * sx) / double(ns);
            double rss = 0, tss = 0;
            const double my = sy / double(ns);
            for (std::size_t s = 0; s < ns; ++s) {
                const double y = g.currentMa[s][k] / sq[s];
                rss += (y - k1 * sq[s] - k2) * (y - k1 * sq[s] - k2);
                tss += (y - my) * (y - my);
            }
            b.k1[k] = k1;
            b.k2[k] = k2;
            b.r2[k] = tss > 0 ? 1.0 - rss / tss : 1.0;
            for (std::size_t s = 0; s < ns; ++s)
                b.capacitiveCurrentMa[s][k] = k1 * scans[s].scanRateMvS;
        }
        for (std::size_t s = 0; s < ns; ++s) {
            capNum[s] += absIntegral(b.potentialV, b.capacitiveCurrentMa[s]);
            totDen[s] += absIntegral(b.potentialV, g.currentMa[s]);
        }
        out.branches.push_back(std::move(b));
    }
    for (std::size_t s = 0; s < ns; ++s)
        out.capacitiveFraction.push_back(totDen[s] > 0 ? capNum[s] / totDen[s] : NAN);
    return out;
}

} // namespace vanadis::echem
