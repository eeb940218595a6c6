#pragma once
/// \file TgaCurve.h
/// One thermogravimetric run as plain arrays, the input of every TGA method in vanadis::tga. No Qt here.

#include "numeric/Error.h"

#include <cstddef>
#include <vector>

namespace vanadis::tga {

/// A TGA run. All non-empty arrays have the same length; time must increase strictly.
struct TgaCurve {
    std::vector<double> timeMin;      ///< time since the start, min; empty when the export has none
    std::vector<double> temperatureC; ///< sample temperature, °C
    std::vector<double> massMg;       ///< mass, mg; empty when the export gives % only
    std::vector<double> massPct;      ///< mass in % of the initial (or weighed-in) sample mass; always set

    std::size_t size() const { return temperatureC.size(); }
    bool hasTime() const { return !timeMin.empty(); }
    bool hasMassMg() const { return !massMg.empty(); }
    /// The mass used for ratios: mg when known, else %.
    const std::vector<double>& mass() const { return hasMassMg() ? massMg : massPct; }
};

/// Fewest points an analysis accepts: below this a DTG window and two baselines do not fit.
inline constexpr std::size_t kMinCurvePoints = 20;

/// Checks lengths, finiteness (the first NaN/∞ is named by point and column), strictly increasing time
/// and the minimum number of points. Points are 1-based in messages, as a chemist counts rows.
Expected<void> validateCurve(const TgaCurve& curve);

} // namespace vanadis::tga
