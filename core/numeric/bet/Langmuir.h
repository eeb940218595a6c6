#pragma once
/// \file Langmuir.h
/// Langmuir area from the linear form x/n = x/n_m + 1/(K·n_m) (Langmuir, J. Am. Chem. Soc. 40 (1918)
/// 1361; ISO 9277:2022 annex). Meaningful only for type I isotherms (monolayer-limited uptake); for
/// others it overestimates the area and should be shown with that caveat. No Qt here.

#include "numeric/Error.h"
#include "numeric/bet/IsothermBranch.h"

namespace vanadis::bet {

/// Langmuir fit over a window of adsorption points. n in cm³ STP g⁻¹, K per unit p/p0. σ_a = a·σ_s/s
/// (relative error of the slope 1/n_m).
struct LangmuirResult {
    int nPoints = 0;
    double pFirst = 0.0, pLast = 0.0;
    double slope = 0.0, slopeErr = 0.0, intercept = 0.0, interceptErr = 0.0, r2 = 0.0;
    double monolayerCm3PerG = 0.0, monolayerErrCm3PerG = 0.0;
    double kPerPRelative = 0.0; ///< Langmuir constant for p/p0 as the pressure variable
    double areaM2PerG = 0.0, areaErrM2PerG = 0.0;
    bool physical = false; ///< false when the slope or intercept is ≤ 0 (no Langmuir monolayer)
};

/// Linear Langmuir fit over the adsorption points with pMin ≤ x ≤ pMax. Errors: fewer than 3 points in
/// the range or all pressures equal.
Expected<LangmuirResult> fitLangmuir(const IsothermBranch& adsorption, double pMin, double pMax,
                                     double crossSectionNm2);

} // namespace vanadis::bet
