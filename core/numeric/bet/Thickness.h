#pragma once
/// \file Thickness.h
/// Statistical thickness t(p/p0) of the adsorbed N2 film on a non-porous reference surface, in Å, in the
/// parameterisations of Micromeritics reports. Used by the t-plot and the BJH thickness correction.
/// No Qt here.

#include <optional>
#include <string_view>

namespace vanadis::bet {

/// The thickness curves Vanadis offers.
enum class ThicknessCurve {
    HarkinsJura, ///< t = [13.99/(0.034 − log₁₀x)]^½ (Harkins & Jura, J. Am. Chem. Soc. 66 (1944) 1366)
    Halsey,      ///< t = 3.54·(−5/ln x)^⅓ (Halsey, J. Chem. Phys. 16 (1948) 931)
    Kjs, ///< t = [60.65/(0.03071 − log₁₀x)]^0.3968 (Kruk, Jaroniec & Sayari, Langmuir 13 (1997) 6267)
    CarbonBlack, ///< STSA: t = 2.98 + 6.45x + 0.88x² (ASTM D6556; Magee 1995)
};

/// Film thickness in Å at relative pressure \a pRelative (0 < x < 1); NaN outside.
double thicknessAngstrom(ThicknessCurve curve, double pRelative);

/// Parses "harkins_jura", "halsey", "kjs", "carbon_black"; nullopt otherwise.
std::optional<ThicknessCurve> thicknessCurveFromName(std::string_view name);

/// The machine name of \a curve ("harkins_jura", ...).
std::string_view thicknessCurveName(ThicknessCurve curve);

} // namespace vanadis::bet
