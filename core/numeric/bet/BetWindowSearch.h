#pragma once
/// \file BetWindowSearch.h
/// Automatic BET window: every contiguous range of adsorption points is fitted and checked against the
/// four Rouquerol criteria, and one is chosen by the rule of BETSI (Osterrieth et al., "Is the BET area
/// reliable?", Adv. Mater. 34 (2022) 2201502). No Qt here.
///
/// The rule, exactly:
/// 1. Candidates are all windows [i..j] of consecutive adsorption points with j − i + 1 ≥ minPoints
///    (Vanadis default 3, the ISO 9277 minimum; BETSI requires more than 10, i.e. 11) whose BET transform
///    is defined at every point (n > 0, x < 1), with R² > r2Min (0.995) and passing all four criteria
///    (RouquerolCriteria; criterion 4 with tolerance 20 % of the pressure read at n_m from a PCHIP
///    interpolant of n(x)).
/// 2. Among the candidates, keep those that end at the highest end index j (the "knee" of the
///    Rouquerol plot); among them take the one with the smallest criterion-4 error
///    |x_read − x_m|/x_read; remaining ties go to the window with more points.
/// 3. The area reported is that window's; the spread is the sample standard deviation of the areas of
///    all candidates.
/// 4. Fall-back: when no window qualifies, points are inserted between each pair of neighbouring points,
///    log-spaced in p/p0 and read from the PCHIP interpolant (round r inserts r points per gap), and the
///    search is repeated, up to three rounds. A window found that way is flagged (interpolated points).
///    When nothing qualifies after that, no area is returned.
///
/// Cost: O(N²) windows, each fitted from running sums in O(1) (the window grows one point at a time from
/// a fixed start, with sums taken relative to the start point so that no precision is lost); only windows
/// that pass R², criteria 1 and 2 and the cheap form of criterion 3 (n_first ≤ n_m ≤ n_last) reach the
/// O(log N) interpolant inversion.

#include "numeric/Error.h"
#include "numeric/bet/BetFit.h"
#include "numeric/bet/IsothermBranch.h"

#include <optional>
#include <string>
#include <vector>

namespace vanadis::bet {

/// Options of the automatic window search (defaults: the BETSI rule with the Vanadis minimum of 3 points).
struct BetSearchOptions {
    double crossSectionNm2 = 0.162;
    int minPoints = 3;       ///< smallest window; BETSI: more than 10 points (11)
    double r2Min = 0.995;    ///< a window needs R² > r2Min (BETSI)
    double tolerance = 0.20; ///< criterion 4 (BETSI)
    int maxInterpolationRounds = 3;
};

/// The outcome of the search. `selected` is empty when no window qualified: the caller must say so
/// instead of reporting an area.
struct BetSearchResult {
    std::optional<BetFitResult> selected; ///< indices refer to `branchUsed`
    long nWindowsTested = 0;
    int nValidWindows = 0;
    double spreadM2PerG = 0.0; ///< sample standard deviation of the areas of all valid windows
    double areaMinM2PerG = 0.0, areaMaxM2PerG = 0.0;
    int interpolationRound = 0;        ///< 0: measured points only; 1–3: the fall-back round that succeeded
    int nInterpolatedInWindow = 0;     ///< interpolated points inside the selected window
    IsothermBranch branchUsed;         ///< the points searched (with inserted points after a fall-back)
    std::vector<bool> interpolated;    ///< per point of branchUsed
    std::vector<std::string> warnings; ///< no valid window, interpolated points, and betFitWarnings()
};

/// Runs the search on an adsorption branch (pressures rising; call validateBranch first). Errors: fewer
/// than 3 points, minPoints below 3.
Expected<BetSearchResult> searchBetWindow(const IsothermBranch& adsorption,
                                          const BetSearchOptions& options = {});

} // namespace vanadis::bet
