#include "numeric/tga/TgaCurve.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace vanadis::tga {

namespace {

std::string number(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

Expected<void> checkFinite(const std::vector<double>& values, const char* column)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            return fail("", "point " + std::to_string(i + 1),
                        std::string("the ") + column +
                            " is not a number (NaN or infinite); remove or repair this row");
    return {};
}

} // namespace

Expected<void> validateCurve(const TgaCurve& c)
{
    const std::size_t n = c.temperatureC.size();
    if (c.massPct.empty() && c.massMg.empty()) return fail("", "", "the run has no mass column (mg or %)");
    if (c.massPct.size() != n || (c.hasMassMg() && c.massMg.size() != n) ||
        (c.hasTime() && c.timeMin.size() != n))
        return fail("", "", "the columns of the run have different lengths");
    if (n < kMinCurvePoints)
        return fail("", "",
                    "the run has " + std::to_string(n) + " points; at least " +
                        std::to_string(kMinCurvePoints) + " are needed for DTG and baselines");
    if (auto r = checkFinite(c.timeMin, "time"); !r) return r;
    if (auto r = checkFinite(c.temperatureC, "temperature"); !r) return r;
    if (auto r = checkFinite(c.massMg, "mass (mg)"); !r) return r;
    if (auto r = checkFinite(c.massPct, "mass (%)"); !r) return r;
    for (std::size_t i = 1; i < c.timeMin.size(); ++i)
        if (!(c.timeMin[i] > c.timeMin[i - 1]))
            return fail("", "point " + std::to_string(i + 1),
                        "time does not increase (" + number(c.timeMin[i - 1]) + " min, then " +
                            number(c.timeMin[i]) +
                            " min); the rows are out of order or two runs were joined");
    return {};
}

} // namespace vanadis::tga
