#include "numeric/bet/PoreVolume.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace vanadis::bet {

Expected<TotalPoreVolume> totalPoreVolume(const IsothermBranch& ads, double p, double liquidPerGas)
{
    if (!(p > 0.0 && p <= 1.0)) return fail("", "total pore volume", "the pressure must lie in 0 < p/p0 ≤ 1");
    if (!(liquidPerGas > 0.0))
        return fail("", "total pore volume",
                    "the adsorptive has no liquid density at the analysis temperature");
    if (ads.empty()) return fail("", "total pore volume", "the adsorption branch is empty");
    TotalPoreVolume r;
    r.pRelative = p;
    if (auto n = interpolateAmount(ads, p)) {
        r.amountCm3PerG = *n;
    } else if (p > ads.pRelative.back() && p - ads.pRelative.back() <= 0.02) {
        // Vendors print the volume "at p/p0 = 0.99" from the point nearest to it; a branch that stops at
        // 0.985 still gives a meaningful total volume, one that stops at 0.9 does not.
        r.pRelative = ads.pRelative.back();
        r.amountCm3PerG = ads.amountCm3PerG.back();
        r.nearestPoint = true;
    } else {
        char buf[200];
        std::snprintf(
            buf, sizeof buf,
            "the adsorption branch covers p/p0 = %.4g – %.4g; the total pore volume at %.4g cannot be read",
            ads.pRelative.front(), ads.pRelative.back(), p);
        return fail("", "total pore volume", buf);
    }
    r.volumeCm3PerG = r.amountCm3PerG * liquidPerGas;
    return r;
}

double averagePoreDiameterNm(double volumeCm3PerG, double areaM2PerG)
{
    if (!(areaM2PerG > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    return 4000.0 * volumeCm3PerG / areaM2PerG;
}

} // namespace vanadis::bet
