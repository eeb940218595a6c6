#include "numeric/bet/TPlot.h"

#include <limits>

#include "numeric/LinearFit.h"

#include <cmath>
#include <cstdio>

namespace vanadis::bet {

Expected<TPlotResult> tPlot(const IsothermBranch& ads, const TPlotOptions& o)
{
    if (!(o.tMaxAngstrom > o.tMinAngstrom) || !(o.tMinAngstrom > 0.0))
        return fail("", "t-plot", "the thickness range must satisfy 0 < t_min < t_max");
    TPlotResult r;
    std::vector<double> t, n;
    for (std::size_t i = 0; i < ads.size(); ++i) {
        const double x = ads.pRelative[i];
        const double th = thicknessAngstrom(o.curve, x);
        if (!std::isfinite(th)) continue;
        r.points.push_back({x, th, ads.amountCm3PerG[i]});
        if (th >= o.tMinAngstrom && th <= o.tMaxAngstrom) {
            t.push_back(th);
            n.push_back(ads.amountCm3PerG[i]);
        }
    }
    if (t.size() < 3) {
        char buf[200];
        std::snprintf(
            buf, sizeof buf,
            "only %zu adsorption point(s) have a film thickness in %.3g – %.3g Å; the t-plot needs 3",
            t.size(), o.tMinAngstrom, o.tMaxAngstrom);
        return fail("", "t-plot", buf);
    }
    const numeric::LineFit line = numeric::fitLine(t, n);
    if (!line.valid) return fail("", "t-plot", "all thickness values in the range are equal");
    r.nPoints = int(t.size());
    r.tFirstAngstrom = t.front();
    r.tLastAngstrom = t.back();
    r.slopeCm3PerGAngstrom = line.slope;
    r.slopeErr = line.slopeErr;
    r.interceptCm3PerG = line.intercept;
    r.interceptErr = line.interceptErr;
    r.r2 = line.r2;
    // cm³ STP g⁻¹ Å⁻¹ × (cm³ liquid / cm³ STP) = cm³ liquid per g per Å = 10⁻⁶ m³ / 10⁻¹⁰ m = 10⁴ m² g⁻¹.
    r.externalAreaM2PerG = line.slope * o.liquidPerGas * 1e4;
    r.externalAreaErrM2PerG = line.slopeErr * o.liquidPerGas * 1e4;
    r.microporeVolumeCm3PerG = line.intercept * o.liquidPerGas;
    r.microporeVolumeErrCm3PerG = line.interceptErr * o.liquidPerGas;
    return r;
}

double condensationExcess(const TPlotResult& t, double fromP, double toP)
{
    double worst = std::numeric_limits<double>::quiet_NaN();
    for (const TPlotPoint& q : t.points) {
        if (q.pRelative < fromP || q.pRelative > toP) continue;
        const double line = t.interceptCm3PerG + t.slopeCm3PerGAngstrom * q.tAngstrom;
        if (!(line > 0.0)) continue;
        const double excess = (q.amountCm3PerG - line) / line;
        if (!(worst >= excess)) worst = excess;
    }
    return worst;
}

} // namespace vanadis::bet
