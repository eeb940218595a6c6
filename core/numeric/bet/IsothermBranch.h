#pragma once
/// \file IsothermBranch.h
/// One branch of a physisorption isotherm as the BET/pore analyses take it: relative pressure and amount
/// adsorbed in cm³ STP g⁻¹, in measurement order. No Qt here.

#include "numeric/Error.h"

#include <optional>
#include <string_view>
#include <vector>

namespace vanadis::bet {

/// Adsorption (pressures rising) or desorption (pressures falling) branch.
struct IsothermBranch {
    std::vector<double> pRelative;     ///< p/p0, 0 < x ≤ 1
    std::vector<double> amountCm3PerG; ///< amount adsorbed, cm³ STP g⁻¹ (mmol g⁻¹ × 22.413969)

    std::size_t size() const { return pRelative.size(); }
    bool empty() const { return pRelative.empty(); }
};

/// Which way the pressures of a branch must run.
enum class BranchDirection { Adsorption, Desorption };

/// Checks a branch for bad input: equal column lengths, finite numbers, 0 < p/p0 ≤ 1, amounts ≥ 0, and
/// pressures that never go back (rising on adsorption, falling on desorption; repeated values are
/// accepted). The error names the point (1-based) and the branch.
Expected<void> validateBranch(const IsothermBranch& branch, BranchDirection direction);

/// Amount at \a pRelative by linear interpolation between the two nearest points of an adsorption
/// branch (pressures ascending); nullopt outside the measured range.
std::optional<double> interpolateAmount(const IsothermBranch& adsorption, double pRelative);

} // namespace vanadis::bet
