#pragma once
/// \file Parameter.h
/// One fit parameter: start value, bounds, fixed flag or a tie to other parameters.

#include <limits>
#include <string>

namespace vanadis::fit {

/// A model parameter as the user sets it up. Exactly one of: free (optionally bounded), fixed, or
/// tied. A tie is an expression of other parameters of the same fit, as CasaXPS and lmfit write
/// constraints: `A*0.5` (area ratio), `B+7.3` (spin–orbit splitting), `=C` (equal to C).
/// Bounds apply to free parameters only; a tied parameter follows its expression (bound the
/// parameters it is computed from instead).
struct Parameter {
    std::string name = {};
    double value = 1.0; ///< start value (free), the value used (fixed); ignored when tied
    double lower = -std::numeric_limits<double>::infinity();
    double upper = std::numeric_limits<double>::infinity();
    bool fixed = false;
    std::string tie = {}; ///< empty, or an expression of other parameters (a leading '=' is allowed)

    bool isTied() const { return !tie.empty(); }
    bool isFree() const { return !fixed && tie.empty(); }
};

} // namespace vanadis::fit
