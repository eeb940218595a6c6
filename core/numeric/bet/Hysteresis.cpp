#include "numeric/bet/Hysteresis.h"

#include <algorithm>
#include <cmath>

namespace vanadis::bet {

HysteresisResult analyseHysteresis(const IsothermBranch& ads, const IsothermBranch& des)
{
    HysteresisResult r;
    if (ads.size() < 2 || des.size() < 2) {
        r.reason = "one of the branches is missing";
        return r;
    }
    const double nTop = *std::max_element(ads.amountCm3PerG.begin(), ads.amountCm3PerG.end());
    const double threshold = std::max(0.01 * nTop, 0.5);

    // Desorption points in measurement order (falling pressure); gap where adsorption is defined.
    int firstIn = -1, lastIn = -1, nIn = 0;
    for (int k = 0; k < int(des.size()); ++k) {
        const auto nAds = interpolateAmount(ads, des.pRelative[k]);
        if (!nAds) continue;
        const double gap = des.amountCm3PerG[k] - *nAds;
        r.maxGapCm3PerG = std::max(r.maxGapCm3PerG, gap);
        if (gap > threshold) {
            if (firstIn < 0) firstIn = k;
            lastIn = k;
            ++nIn;
        }
    }
    if (nIn < 2) {
        r.reason = "the branches coincide within 1 % of the uptake";
        return r;
    }
    r.loopPresent = true;
    r.loopStartPRelative = des.pRelative[firstIn];
    r.closes = lastIn + 1 < int(des.size());
    r.closurePRelative = r.closes ? des.pRelative[lastIn + 1] : des.pRelative[lastIn];

    // Cavitation / pore blocking: the loop collapses abruptly at a lower closure in the 0.40–0.52 range,
    // i.e. the last desorption step into the closure removes a large part of the loop's width.
    const double xc = r.closurePRelative;
    bool abrupt = false;
    if (r.closes) {
        const double gapLast =
            des.amountCm3PerG[lastIn] - interpolateAmount(ads, des.pRelative[lastIn]).value_or(0.0);
        abrupt = gapLast >= 0.30 * r.maxGapCm3PerG;
    }
    const bool cavitation = xc >= 0.40 && xc <= 0.52 && abrupt;

    // Type IV signature on the adsorption branch: a capillary-condensation step, i.e. a segment between
    // p/p0 0.40 and 0.97 at least 1.5 times steeper than a later one, or a plateau near saturation.
    bool condensationStep = false;
    double steepest = 0.0;
    for (std::size_t k = 1; k < ads.size(); ++k) {
        const double x0 = ads.pRelative[k - 1], x1 = ads.pRelative[k];
        if (x0 < 0.40 || x1 > 0.97 || !(x1 > x0)) continue;
        const double slope = (ads.amountCm3PerG[k] - ads.amountCm3PerG[k - 1]) / (x1 - x0);
        if (slope > 0.0 && steepest >= 1.5 * slope) condensationStep = true;
        steepest = std::max(steepest, slope);
    }
    const double xTop = ads.pRelative.back();
    const double n90 = interpolateAmount(ads, std::min(0.90, xTop)).value_or(ads.amountCm3PerG.back());
    const double nEnd = ads.amountCm3PerG.back();
    const bool plateau = xTop >= 0.90 && nEnd > 0.0 && (nEnd - n90) / nEnd < 0.05;
    const double n10 = interpolateAmount(ads, 0.10).value_or(ads.amountCm3PerG.front());
    const bool microporous = nTop > 0.0 && n10 / nTop > 0.40;
    const bool typeIv = plateau || condensationStep;

    if (cavitation && typeIv) {
        r.typeHint = HysteresisType::H2;
        r.reason = "broad loop whose desorption branch drops abruptly at p/p0 ≈ 0.4–0.5, with a capillary "
                   "condensation step on adsorption (ink-bottle pores: pore blocking or cavitation)";
    } else if (cavitation && microporous) {
        r.typeHint = HysteresisType::H4;
        r.reason = "loop closing abruptly at p/p0 ≈ 0.4–0.5 without a condensation step, with a large uptake "
                   "below 0.1 (micro- and mesoporous solid)";
    } else if (cavitation) {
        r.typeHint = HysteresisType::H3;
        r.reason = "loop closing abruptly at p/p0 ≈ 0.4–0.5 on a type II-like adsorption branch "
                   "(aggregates of platelets, or macropores not filled)";
    } else {
        r.typeHint = HysteresisType::H1;
        r.reason = "loop without an abrupt desorption drop at the cavitation pressure p/p0 ≈ 0.4–0.5 "
                   "(open, fairly uniform mesopores)";
    }
    return r;
}

std::string_view hysteresisTypeName(HysteresisType type)
{
    switch (type) {
    case HysteresisType::None:
        return "none";
    case HysteresisType::H1:
        return "H1";
    case HysteresisType::H2:
        return "H2";
    case HysteresisType::H3:
        return "H3";
    case HysteresisType::H4:
        return "H4";
    }
    return "none";
}

} // namespace vanadis::bet
