#pragma once
/// \file EisSpectrum.h
/// A measured impedance spectrum as the EIS numerics take it: frequency in Hz, Z' and Z'' in Ω with
/// Z'' negative for capacitive behaviour (echem.md §6; importers flip −Z'' columns on the way in).

#include "numeric/Error.h"

#include <vector>

namespace vanadis::echem {

/// One spectrum, any frequency order.
struct EisSpectrum {
    std::vector<double> frequencyHz;
    std::vector<double> zRealOhm;
    std::vector<double> zImagOhm; ///< negative for capacitive behaviour
    std::size_t size() const { return frequencyHz.size(); }
};

/// Checks what every EIS computation needs: equal lengths, at least \a minPoints points, finite
/// values, frequencies > 0 and no frequency twice. Errors name the point (1-based) and the value.
Expected<void> validateSpectrum(const EisSpectrum& s, std::size_t minPoints = 3);

} // namespace vanadis::echem
