#pragma once
/// \file MassCorrection.h
/// Corrections of the apparent mass of a TGA run before it is read (tga.md §2): the buoyancy of the gas,
/// either from the instrument's calibration coefficient or by subtracting a blank run (an empty crucible
/// under the same programme). The gas gets lighter as it heats, so the apparent mass rises by a few
/// 0.01 % per 100 K; left uncorrected, that bias goes straight into the carbon content. No Qt here.

#include "numeric/tga/TgaCurve.h"

namespace vanadis::tga {

/// The apparent mass gain of buoyancy, m_app(T) = m(T) + m_0·(k/100)·(T − T_0)/100, removed:
/// m(T) = m_app(T) − m_0·(k/100)·(T − T_0)/100, with k in % of the initial mass m_0 per 100 K and T_0 the
/// first temperature of the run. Both mass arrays are corrected. Errors for a non-finite k.
Expected<TgaCurve> correctBuoyancy(const TgaCurve& curve, double pctPer100K);

/// Subtracts a blank run: the blank's mass change since its first point, interpolated on temperature along
/// its heating, is taken off the sample mass at each temperature. The blank is used on its first pass of
/// rising temperature (up to its maximum); sample points on a later cooling or isothermal segment take the
/// blank's change at their temperature on that heating. Both runs must have masses in mg. Errors: a blank
/// without mg masses, too few points, or a sample that heats above the blank's range (by more than 1 °C).
Expected<TgaCurve> subtractBlank(const TgaCurve& sample, const TgaCurve& blank);

} // namespace vanadis::tga
