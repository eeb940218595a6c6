#include "numeric/bet/Thickness.h"

#include <cmath>
#include <limits>

namespace vanadis::bet {

double thicknessAngstrom(ThicknessCurve curve, double x)
{
    if (!(x > 0.0 && x < 1.0)) return std::numeric_limits<double>::quiet_NaN();
    switch (curve) {
    case ThicknessCurve::HarkinsJura:
        return std::sqrt(13.99 / (0.034 - std::log10(x)));
    case ThicknessCurve::Halsey:
        return 3.54 * std::cbrt(-5.0 / std::log(x));
    case ThicknessCurve::Kjs:
        return std::pow(60.65 / (0.03071 - std::log10(x)), 0.3968);
    case ThicknessCurve::CarbonBlack:
        return 2.98 + 6.45 * x + 0.88 * x * x;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::optional<ThicknessCurve> thicknessCurveFromName(std::string_view name)
{
    if (name == "harkins_jura") return ThicknessCurve::HarkinsJura;
    if (name == "halsey") return ThicknessCurve::Halsey;
    if (name == "kjs") return ThicknessCurve::Kjs;
    if (name == "carbon_black") return ThicknessCurve::CarbonBlack;
    return std::nullopt;
}

std::string_view thicknessCurveName(ThicknessCurve curve)
{
    switch (curve) {
    case ThicknessCurve::HarkinsJura:
        return "harkins_jura";
    case ThicknessCurve::Halsey:
        return "halsey";
    case ThicknessCurve::Kjs:
        return "kjs";
    case ThicknessCurve::CarbonBlack:
        return "carbon_black";
    }
    return {};
}

} // namespace vanadis::bet
