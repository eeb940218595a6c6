#include "numeric/echem/EisSpectrum.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace vanadis::echem {

namespace {
std::string num(double v)
{
    std::ostringstream o;
    o.precision(8);
    o << v;
    return o.str();
}
} // namespace

Expected<void> validateSpectrum(const EisSpectrum& s, std::size_t minPoints)
{
    const std::size_t n = s.frequencyHz.size();
    if (s.zRealOhm.size() != n || s.zImagOhm.size() != n)
        return fail("", "", "frequency, Z' and Z'' have different lengths");
    if (n < minPoints)
        return fail("", "",
                    "the spectrum has " + std::to_string(n) + " points; at least " +
                        std::to_string(minPoints) + " are needed");
    for (std::size_t i = 0; i < n; ++i) {
        const std::string at = "point " + std::to_string(i + 1);
        if (!std::isfinite(s.frequencyHz[i]) || !std::isfinite(s.zRealOhm[i]) ||
            !std::isfinite(s.zImagOhm[i]))
            return fail("", at, "a frequency or impedance value is not a finite number");
        if (s.frequencyHz[i] <= 0)
            return fail("", at,
                        "the frequency is " + num(s.frequencyHz[i]) + " Hz; frequencies must be above 0");
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return s.frequencyHz[a] < s.frequencyHz[b]; });
    for (std::size_t k = 1; k < n; ++k)
        if (s.frequencyHz[order[k]] == s.frequencyHz[order[k - 1]])
            return fail("", "point " + std::to_string(std::max(order[k], order[k - 1]) + 1),
                        "the frequency " + num(s.frequencyHz[order[k]]) + " Hz occurs twice (points " +
                            std::to_string(std::min(order[k], order[k - 1]) + 1) + " and " +
                            std::to_string(std::max(order[k], order[k - 1]) + 1) + ")");
    return {};
}

} // namespace vanadis::echem
