#include "numeric/bet/Langmuir.h"

#include "numeric/LinearFit.h"
#include "numeric/bet/Adsorptive.h"

#include <cmath>
#include <cstdio>

namespace vanadis::bet {

Expected<LangmuirResult> fitLangmuir(const IsothermBranch& ads, double pMin, double pMax, double sigmaNm2)
{
    std::vector<double> x, y;
    for (std::size_t i = 0; i < ads.size(); ++i) {
        const double p = ads.pRelative[i], n = ads.amountCm3PerG[i];
        if (p < pMin || p > pMax || !(n > 0.0)) continue;
        x.push_back(p);
        y.push_back(p / n);
    }
    if (x.size() < 3) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "the range p/p0 = %.4g – %.4g holds %zu usable point(s); Langmuir needs 3", pMin, pMax,
                      x.size());
        return fail("", "Langmuir range", buf);
    }
    const numeric::LineFit line = numeric::fitLine(x, y);
    if (!line.valid) return fail("", "Langmuir range", "all pressures in the range are equal");
    LangmuirResult r;
    r.nPoints = int(x.size());
    r.pFirst = x.front();
    r.pLast = x.back();
    r.slope = line.slope;
    r.slopeErr = line.slopeErr;
    r.intercept = line.intercept;
    r.interceptErr = line.interceptErr;
    r.r2 = line.r2;
    r.physical = r.slope > 0.0 && r.intercept > 0.0;
    r.monolayerCm3PerG = 1.0 / r.slope;
    r.monolayerErrCm3PerG = std::abs(r.monolayerCm3PerG) * r.slopeErr / std::abs(r.slope);
    r.kPerPRelative = r.slope / r.intercept;
    r.areaM2PerG = areaM2PerGFromMonolayer(r.monolayerCm3PerG, sigmaNm2);
    r.areaErrM2PerG = std::abs(r.areaM2PerG) * r.slopeErr / std::abs(r.slope);
    return r;
}

} // namespace vanadis::bet
