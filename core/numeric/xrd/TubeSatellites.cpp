#include "numeric/xrd/TubeSatellites.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Anode {
    const char* kbetaName;
    double kalpha1Angstrom;
    double kbeta1Angstrom;
};

// Kα1 and Kβ1 wavelengths of the common anodes, Å (Bearden 1967; Cu: Hölzer et al. 1997).
constexpr Anode kAnodes[] = {
    {"Cr Kβ", 2.28970, 2.08487},  {"Fe Kβ", 1.93604, 1.75661},  {"Co Kβ", 1.78897, 1.62079},
    {"Cu Kβ", 1.540593, 1.39222}, {"Mo Kβ", 0.709317, 0.63229}, {"Ag Kβ", 0.559422, 0.49708},
};
constexpr double kTungstenLalpha1Angstrom = 1.47642;

} // namespace

std::vector<TubeLine> tubeSatelliteLines(double lambda1Angstrom)
{
    std::vector<TubeLine> lines;
    for (const Anode& a : kAnodes)
        if (std::abs(a.kalpha1Angstrom - lambda1Angstrom) < 0.002)
            lines.push_back({a.kbetaName, a.kbeta1Angstrom, 0.35});
    lines.push_back({"W Lα1", kTungstenLalpha1Angstrom, 0.15});
    return lines;
}

double satelliteTwoThetaDeg(double twoTheta1Deg, double lambda1Angstrom, double lambdaS)
{
    const double s = lambdaS / lambda1Angstrom * std::sin(0.5 * twoTheta1Deg * kDeg);
    if (!(s > 0.0) || s >= 1.0) return std::numeric_limits<double>::quiet_NaN();
    return 2.0 * std::asin(s) / kDeg;
}

std::vector<SatelliteMatch> matchTubeSatellites(std::span<const SatellitePeak> peaks,
                                                std::span<const std::size_t> candidates,
                                                std::span<const std::size_t> parents,
                                                std::span<const TubeLine> lines, double lambda1Angstrom,
                                                double zeroShiftDeg)
{
    std::vector<SatelliteMatch> out;
    if (!(lambda1Angstrom > 0.0)) return out;
    for (std::size_t c : candidates) {
        if (c >= peaks.size()) continue;
        const SatellitePeak& sat = peaks[c];
        std::optional<SatelliteMatch> best;
        for (std::size_t p : parents) {
            if (p >= peaks.size() || p == c) continue;
            const SatellitePeak& par = peaks[p];
            const double window = std::clamp(par.fwhmDeg / 3.0, 0.03, 0.1);
            for (std::size_t l = 0; l < lines.size(); ++l) {
                if (!(sat.height > 0.0) || sat.height > lines[l].maxHeightRatio * par.height) continue;
                const double expected = satelliteTwoThetaDeg(par.twoThetaDeg - zeroShiftDeg, lambda1Angstrom,
                                                             lines[l].lambdaAngstrom) +
                                        zeroShiftDeg;
                if (!std::isfinite(expected)) continue;
                const double delta = sat.twoThetaDeg - expected;
                if (std::abs(delta) > window) continue;
                if (!best || std::abs(delta) < std::abs(best->deltaTwoThetaDeg))
                    best = SatelliteMatch{c, p, l, expected, delta};
            }
        }
        if (best) out.push_back(*best);
    }
    return out;
}

} // namespace vanadis::xrd
