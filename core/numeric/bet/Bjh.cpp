#include "numeric/bet/Bjh.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace vanadis::bet {
namespace {

// The diameter where a distribution peaks, from the parabola in log D through the largest bin and its
// two neighbours rather than the largest bin's centre: with sparse points a bin spans 20–40 % in D and
// the centre alone would put the peak that far off. Falls back to the bin centre at the ends.
double smoothPeakDiameterNm(const std::vector<BjhBin>& bins, double BjhBin::*value)
{
    std::size_t k = 0;
    for (std::size_t i = 1; i < bins.size(); ++i)
        if (bins[i].*value > bins[k].*value) k = i;
    if (k == 0 || k + 1 >= bins.size()) return bins[k].diameterNm;
    const double x0 = std::log(bins[k - 1].diameterNm), x1 = std::log(bins[k].diameterNm),
                 x2 = std::log(bins[k + 1].diameterNm);
    const double y0 = bins[k - 1].*value, y1 = bins[k].*value, y2 = bins[k + 1].*value;
    // Vertex of the parabola through three unevenly spaced points.
    const double num = (x1 - x0) * (x1 - x0) * (y1 - y2) - (x1 - x2) * (x1 - x2) * (y1 - y0);
    const double den = (x1 - x0) * (y1 - y2) - (x1 - x2) * (y1 - y0);
    if (!(std::abs(den) > 0.0)) return bins[k].diameterNm;
    const double xv = x1 - 0.5 * num / den;
    return std::exp(std::clamp(xv, std::min(x0, x2), std::max(x0, x2)));
}

} // namespace

Expected<BjhOptions> bjhOptionsFor(Adsorptive adsorptive, Meniscus meniscus, ThicknessCurve curve)
{
    const AdsorptiveData& a = adsorptiveData(adsorptive);
    if (!a.bjhSupported)
        return fail(
            "", "BJH",
            "BJH pore sizes need a condensable adsorptive with a known liquid density and surface tension; "
            "Vanadis supports N2 (77 K) and Ar (87 K), not " +
                std::string(a.name));
    BjhOptions o;
    o.meniscus = meniscus;
    o.curve = curve;
    o.kelvinLengthNm = a.kelvinLengthNm();
    o.liquidPerGas = a.liquidPerGasStp();
    return o;
}

Expected<BjhResult> bjh(const IsothermBranch& branch, const BjhOptions& o)
{
    if (!(o.kelvinLengthNm > 0.0) || !(o.liquidPerGas > 0.0))
        return fail("", "BJH", "the adsorptive has no Kelvin length or liquid density");
    if (!(o.maxDiameterNm > o.minDiameterNm) || !(o.minDiameterNm > 0.0))
        return fail("", "BJH", "the pore diameter limits must satisfy 0 < minimum < maximum");

    // Points by decreasing pressure, repeated pressures merged.
    std::vector<std::size_t> order(branch.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return branch.pRelative[a] > branch.pRelative[b]; });
    std::vector<double> x, n;
    for (std::size_t k = 0; k < order.size();) {
        const double xk = branch.pRelative[order[k]];
        double sum = 0.0;
        std::size_t m = k;
        while (m < order.size() && branch.pRelative[order[m]] == xk)
            sum += branch.amountCm3PerG[order[m++]];
        if (xk > 0.0 && xk < 1.0) {
            x.push_back(xk);
            n.push_back(sum / double(m - k));
        }
        k = m;
    }

    const double f = o.meniscus == Meniscus::Cylindrical ? 1.0 : 2.0;
    auto kelvinNm = [&](double p) { return f * o.kelvinLengthNm / -std::log(p); };
    auto filmNm = [&](double p) { return thicknessAngstrom(o.curve, p) / 10.0; };
    auto poreRadiusNm = [&](double p) { return kelvinNm(p) + filmNm(p); };

    std::size_t start = 0;
    while (start < x.size() && 2.0 * poreRadiusNm(x[start]) > o.maxDiameterNm)
        ++start;
    BjhResult r;
    double sumArea = 0.0, sumAreaOverRadius = 0.0; // Σ A_j and Σ A_j/r̄_pj make the thinning term O(1)
    double cumV = 0.0, cumA = 0.0;
    for (std::size_t k = start + 1; k < x.size(); ++k) {
        const double p0 = x[k - 1], p1 = x[k];
        const double rp0 = poreRadiusNm(p0), rp1 = poreRadiusNm(p1);
        if (2.0 * rp1 < o.minDiameterNm) break;
        const double t0 = filmNm(p0), t1 = filmNm(p1);
        const double dt = t0 - t1;
        const double tMean = 0.5 * (t0 + t1);
        const double rk = 0.5 * (kelvinNm(p0) + kelvinNm(p1));
        const double rp = 0.5 * (rp0 + rp1);
        const double dV = (n[k - 1] - n[k]) * o.liquidPerGas;
        // Δt [nm] × A [m² g⁻¹] = 10⁻⁹ m³ g⁻¹ = 10⁻³ cm³ g⁻¹.
        const double thinning = dt * (sumArea - tMean * sumAreaOverRadius) * 1e-3;
        const double ratio = rp * rp / ((rk + dt) * (rk + dt));
        const double vp = ratio * (dV - thinning);
        const double area = 2e3 * vp / rp; // 2V/r with V in cm³ (10⁻⁶ m³) and r in nm
        sumArea += area;
        sumAreaOverRadius += area / rp;
        cumV += vp;
        cumA += area;
        BjhBin b;
        b.pUpper = p0;
        b.pLower = p1;
        b.diameterUpperNm = 2.0 * rp0;
        b.diameterLowerNm = 2.0 * rp1;
        b.diameterNm = 2.0 * rp;
        b.poreVolumeCm3PerG = vp;
        b.poreAreaM2PerG = area;
        b.dvDdCm3PerGNm = vp / (b.diameterUpperNm - b.diameterLowerNm);
        b.dvDlogDCm3PerG = vp / std::log10(b.diameterUpperNm / b.diameterLowerNm);
        b.cumulativeVolumeCm3PerG = cumV;
        b.cumulativeAreaM2PerG = cumA;
        if (vp < 0.0) ++r.negativeSteps;
        r.bins.push_back(b);
    }
    if (r.bins.size() < 2)
        return fail("", "BJH",
                    "fewer than 3 points of the branch correspond to pore diameters between the limits; "
                    "BJH needs points between about p/p0 = 0.3 and 0.99");
    r.peakDiameterNm = smoothPeakDiameterNm(r.bins, &BjhBin::dvDlogDCm3PerG);
    r.peakDiameterDvDdNm = smoothPeakDiameterNm(r.bins, &BjhBin::dvDdCm3PerGNm);
    r.totalVolumeCm3PerG = cumV;
    r.totalAreaM2PerG = cumA;
    return r;
}

} // namespace vanadis::bet
