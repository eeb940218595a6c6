#pragma once
/// \file BetFit.h
/// Multipoint BET over a chosen window of adsorption points, the four Rouquerol consistency criteria,
/// and single-point BET. Brunauer, Emmett & Teller, J. Am. Chem. Soc. 60 (1938) 309; Rouquerol,
/// Llewellyn & Rouquerol, Stud. Surf. Sci. Catal. 160 (2007) 49; ISO 9277:2022. No Qt here.

#include "numeric/Error.h"
#include "numeric/bet/IsothermBranch.h"
#include "numeric/bet/MonotoneCubic.h"

#include <string>
#include <vector>

namespace vanadis::bet {

/// BET transform y = x/[n(1 − x)], g cm⁻³ STP (Micromeritics writes 1/[Q(p0/p − 1)], the same); NaN
/// unless 0 < x < 1 and n > 0. Brunauer, Emmett & Teller 1938.
double betTransform(double pRelative, double amountCm3PerG);

/// Rouquerol transform n(1 − x), cm³ STP g⁻¹ (Rouquerol, Llewellyn & Rouquerol 2007).
double rouquerolTransform(double pRelative, double amountCm3PerG);

/// The four consistency criteria of Rouquerol, Llewellyn & Rouquerol (2007), as BETSI applies them
/// (Osterrieth et al., Adv. Mater. 34 (2022) 2201502).
struct RouquerolCriteria {
    /// 1. n(1 − x) rises from each point of the window to the next, and so does the BET transform.
    bool rouquerolIncreasing = false;
    /// 2. C > 0, i.e. a positive intercept (and a positive monolayer amount).
    bool positiveC = false;
    /// 3. The monolayer amount n_m lies inside the window: the p/p0 read from the isotherm at n = n_m
    ///    is between the first and the last pressure of the window.
    bool monolayerInWindow = false;
    /// 4. That pressure agrees with the BET one, x_m = 1/(√C + 1), within the tolerance (BETSI: 20 %
    ///    of the read pressure).
    bool monolayerPressureConsistent = false;

    bool allPass() const
    {
        return rouquerolIncreasing && positiveC && monolayerInWindow && monolayerPressureConsistent;
    }
};

/// A BET fit over one window of points. Amounts in cm³ STP g⁻¹, areas in m² g⁻¹. Uncertainties are
/// 1σ in the convention of Micromeritics reports: OLS standard errors σ_s, σ_i of slope and intercept
/// (residual variance over k − 2) and σ_a = a·√(σ_s² + σ_i²)/(s + i); σ_nm likewise. σ_C propagates
/// σ_s, σ_i and their covariance through C = 1 + s/i.
struct BetFitResult {
    int firstIndex = 0; ///< index of the first window point in the branch that was fitted
    int lastIndex = 0;  ///< index of the last window point (inclusive)
    int nPoints = 0;
    double pFirst = 0.0, pLast = 0.0;
    double slope = 0.0, slopeErr = 0.0;         ///< g cm⁻³ STP
    double intercept = 0.0, interceptErr = 0.0; ///< g cm⁻³ STP
    double r2 = 0.0;
    double c = 0.0, cErr = 0.0;
    double monolayerCm3PerG = 0.0, monolayerErrCm3PerG = 0.0;
    double crossSectionNm2 = 0.0;
    double areaM2PerG = 0.0, areaErrM2PerG = 0.0;
    double pMonolayerBet = 0.0;  ///< x_m = 1/(√C + 1); NaN when C ≤ 0
    double pMonolayerRead = 0.0; ///< p/p0 where the isotherm (PCHIP) reaches n_m; NaN when it never does
    double monolayerPressureRelErr = 0.0; ///< |x_read − x_m|/x_read (criterion 4); NaN when undefined
    RouquerolCriteria criteria;
};

/// Evaluates criteria 2–4 for a fitted line (criterion 1 depends on the points and is left false).
/// \a nOfX is an interpolant of the whole adsorption branch, \a tolerance the criterion-4 limit.
RouquerolCriteria rouquerolCriteria(double slope, double intercept, double pFirst, double pLast,
                                    const MonotoneCubic& nOfX, double tolerance, double* pMonolayerBet,
                                    double* pMonolayerRead, double* relErr);

/// Multipoint BET by OLS of the BET transform over points first…last (inclusive) of an adsorption branch
/// (ISO 9277:2022). Errors: fewer than 3 points, indices outside the branch, a point where the transform
/// is undefined (n ≤ 0 or x ≥ 1), all pressures equal. A window that fails the criteria is not an error:
/// see `criteria`. \a tolerance is the criterion-4 limit (BETSI 0.20).
Expected<BetFitResult> fitBetWindow(const IsothermBranch& adsorption, int first, int last,
                                    double crossSectionNm2, double tolerance = 0.20);

/// Multipoint BET over the adsorption points with pMin ≤ x ≤ pMax (a window the user chose).
Expected<BetFitResult> fitBetRange(const IsothermBranch& adsorption, double pMin, double pMax,
                                   double crossSectionNm2, double tolerance = 0.20);

/// Sentences a chemist understands about a fit: C negative or below 20, and each Rouquerol criterion the
/// window fails (the automatic window passes all four by construction).
std::vector<std::string> betFitWarnings(const BetFitResult& fit);

/// Single-point BET: n_m = n(x)(1 − x) at the measured adsorption point nearest to \a pTarget, which
/// assumes C ≫ 1 (Brunauer, Emmett & Teller 1938; ISO 9277:2022 §7.3). Underestimates the multipoint
/// area by roughly 1/C relative.
struct SinglePointBetResult {
    double pRelative = 0.0;
    double monolayerCm3PerG = 0.0;
    double areaM2PerG = 0.0;
};
/// Errors: no adsorption point between 0.05 and 0.5 (the single-point estimate means nothing elsewhere).
Expected<SinglePointBetResult> singlePointBet(const IsothermBranch& adsorption, double crossSectionNm2,
                                              double pTarget = 0.30);

} // namespace vanadis::bet
