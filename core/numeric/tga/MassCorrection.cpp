#include "numeric/tga/MassCorrection.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace vanadis::tga {

Expected<TgaCurve> correctBuoyancy(const TgaCurve& curve, double pctPer100K)
{
    if (!std::isfinite(pctPer100K))
        return fail("", "buoyancy coefficient", "must be a finite number (% of the initial mass per 100 K)");
    TgaCurve out = curve;
    if (curve.size() == 0) return out;
    const double t0 = curve.temperatureC.front();
    const auto correct = [&](std::vector<double>& mass) {
        if (mass.empty()) return;
        const double m0 = mass.front();
        for (std::size_t i = 0; i < mass.size(); ++i)
            mass[i] -= m0 * (pctPer100K / 100.0) * (curve.temperatureC[i] - t0) / 100.0;
    };
    correct(out.massMg);
    correct(out.massPct);
    return out;
}

Expected<TgaCurve> subtractBlank(const TgaCurve& sample, const TgaCurve& blank)
{
    if (!blank.hasMassMg())
        return fail("", "blank", "the blank run has no mass in mg (a blank is an absolute mass change)");
    if (!sample.hasMassMg())
        return fail("", "blank", "the sample run has no mass in mg, so a blank in mg cannot be subtracted");
    if (blank.size() < 2) return fail("", "blank", "the blank run has fewer than 2 points");
    // The blank's first heating: up to its highest temperature, keeping only rising temperatures so the
    // interpolation is single-valued.
    const auto top = std::max_element(blank.temperatureC.begin(), blank.temperatureC.end());
    const std::size_t last = std::size_t(top - blank.temperatureC.begin());
    std::vector<double> bt, bm;
    for (std::size_t i = 0; i <= last; ++i) {
        if (!bt.empty() && blank.temperatureC[i] <= bt.back()) continue;
        bt.push_back(blank.temperatureC[i]);
        bm.push_back(blank.massMg[i] - blank.massMg.front());
    }
    if (bt.size() < 2) return fail("", "blank", "the blank run never heats");
    const double sampleMax = *std::max_element(sample.temperatureC.begin(), sample.temperatureC.end());
    if (sampleMax > bt.back() + 1.0)
        return fail("", "blank",
                    "the blank run ends at " + std::to_string(int(std::lround(bt.back()))) +
                        " °C but the sample is heated to " + std::to_string(int(std::lround(sampleMax))) +
                        " °C; measure the blank over the same programme");
    const auto blankChange = [&](double t) {
        if (t <= bt.front()) return bm.front();
        if (t >= bt.back()) return bm.back();
        const std::size_t j = std::size_t(std::upper_bound(bt.begin(), bt.end(), t) - bt.begin());
        const double f = (t - bt[j - 1]) / (bt[j] - bt[j - 1]);
        return bm[j - 1] + f * (bm[j] - bm[j - 1]);
    };
    TgaCurve out = sample;
    const double m0 = sample.massMg.front();
    for (std::size_t i = 0; i < out.size(); ++i) {
        out.massMg[i] -= blankChange(sample.temperatureC[i]);
        if (!out.massPct.empty() && m0 > 0.0) out.massPct[i] = 100.0 * out.massMg[i] / m0;
    }
    return out;
}

} // namespace vanadis::tga
