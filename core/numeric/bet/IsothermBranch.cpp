#include "numeric/bet/IsothermBranch.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vanadis::bet {
namespace {

std::string where(std::size_t index, BranchDirection d)
{
    return "point " + std::to_string(index + 1) + " of the " +
           (d == BranchDirection::Adsorption ? "adsorption" : "desorption") + " branch";
}

std::string num(double v)
{
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

} // namespace

Expected<void> validateBranch(const IsothermBranch& b, BranchDirection d)
{
    const std::string name = d == BranchDirection::Adsorption ? "adsorption" : "desorption";
    if (b.pRelative.size() != b.amountCm3PerG.size())
        return fail("", name + " branch", "the pressure and amount columns have different lengths");
    for (std::size_t i = 0; i < b.size(); ++i) {
        const double x = b.pRelative[i], n = b.amountCm3PerG[i];
        if (!std::isfinite(x) || !std::isfinite(n))
            return fail("", where(i, d), "the relative pressure or the amount is not a number");
        if (x <= 0.0) return fail("", where(i, d), "relative pressure p/p0 = " + num(x) + " is not above 0");
        if (x > 1.0)
            return fail("", where(i, d),
                        "relative pressure p/p0 = " + num(x) +
                            " is above 1 (check the saturation pressure p0)");
        if (n < 0.0) return fail("", where(i, d), "the amount adsorbed " + num(n) + " is negative");
        if (i > 0) {
            const double prev = b.pRelative[i - 1];
            const bool back = d == BranchDirection::Adsorption ? x < prev : x > prev;
            if (back)
                return fail("", where(i, d),
                            "relative pressure goes " +
                                std::string(d == BranchDirection::Adsorption ? "down" : "up") + " from " +
                                num(prev) + " to " + num(x) + " on the " + name +
                                " branch (if the file holds both branches, it needs a Branch column)");
        }
    }
    return {};
}

std::optional<double> interpolateAmount(const IsothermBranch& ads, double p)
{
    const auto& x = ads.pRelative;
    const auto& n = ads.amountCm3PerG;
    if (x.empty() || p < x.front() || p > x.back()) return std::nullopt;
    const auto it = std::lower_bound(x.begin(), x.end(), p);
    const std::size_t k = std::size_t(it - x.begin());
    if (x[k] == p || k == 0) return n[k];
    const double f = (p - x[k - 1]) / (x[k] - x[k - 1]);
    return n[k - 1] + f * (n[k] - n[k - 1]);
}

} // namespace vanadis::bet
