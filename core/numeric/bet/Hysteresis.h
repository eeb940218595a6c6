#pragma once
/// \file Hysteresis.h
/// Read-out of the hysteresis loop between the adsorption and desorption branches: whether there is one,
/// where it closes, and a hint at its IUPAC type (Thommes et al., Pure Appl. Chem. 87 (2015) 1051,
/// Fig. 3). The type is a HINT from simple shape rules, not a classification: show it as such.
/// No Qt here.

#include "numeric/bet/IsothermBranch.h"

#include <string>
#include <string_view>

namespace vanadis::bet {

/// IUPAC 2015 hysteresis types Vanadis can hint at (H5 and the H2(a)/(b) split are not attempted).
enum class HysteresisType { None, H1, H2, H3, H4 };

/// The read-out. Pressures are p/p0, amounts cm³ STP g⁻¹.
struct HysteresisResult {
    bool loopPresent = false;
    bool closes = false;             ///< false when the desorption branch ends still above adsorption
    double closurePRelative = 0.0;   ///< lower closure point: the highest desorption pressure below the
                                     ///< loop where the branches meet again
    double loopStartPRelative = 0.0; ///< highest desorption pressure inside the loop
    double maxGapCm3PerG = 0.0;      ///< largest desorption − adsorption difference
    HysteresisType typeHint = HysteresisType::None;
    std::string reason; ///< which rule gave the hint, in words
};

/// Compares the branches at the desorption pressures (adsorption interpolated linearly). A loop needs at
/// least two desorption points more than max(1 % of the largest adsorbed amount, 0.5 cm³ STP g⁻¹) above
/// the adsorption branch. Hint rules, in order:
/// - "cavitation": the lower closure lies between p/p0 0.40 and 0.52 and the loop collapses abruptly
///   there (the last desorption point inside the loop is still ≥ 30 % of the largest gap above
///   adsorption). Then H2 when the adsorption branch is type IV-like (a capillary-condensation step: a
///   segment between 0.40 and 0.97 at least 1.5× steeper than a later one; or a plateau, < 5 % rise from
///   0.90 to the top), otherwise H4 when more than 40 % of the top uptake is adsorbed at p/p0 = 0.10
///   (micropores), otherwise H3;
/// - any other loop: H1 (open, fairly uniform mesopores).
HysteresisResult analyseHysteresis(const IsothermBranch& adsorption, const IsothermBranch& desorption);

/// "none", "H1", "H2", "H3", "H4".
std::string_view hysteresisTypeName(HysteresisType type);

} // namespace vanadis::bet
