#pragma once
/// \file PoreVolume.h
/// Total pore volume by the Gurvich rule and the average pore diameter 4V/A. No Qt here.

#include "numeric/Error.h"
#include "numeric/bet/IsothermBranch.h"

namespace vanadis::bet {

/// Total pore volume (Gurvich, J. Russ. Phys. Chem. Soc. 47 (1915) 805): the amount adsorbed near
/// saturation, read at \a pRelative on the adsorption branch by linear interpolation, converted to
/// liquid volume with \a liquidPerGas (cm³ liquid per cm³ STP; N2 0.0015468).
struct TotalPoreVolume {
    double pRelative = 0.0;     ///< the pressure the volume refers to (always report it)
    double amountCm3PerG = 0.0; ///< cm³ STP g⁻¹ at pRelative
    double volumeCm3PerG = 0.0; ///< liquid cm³ g⁻¹
    bool nearestPoint = false;  ///< true when the requested pressure lies above the last point and the
                                ///< highest point within 0.02 of it was used instead
};

/// Errors: \a pRelative outside (0, 1]; the branch ends more than 0.02 below the requested pressure
/// (a volume read far from saturation is not a total pore volume); liquidPerGas not positive.
Expected<TotalPoreVolume> totalPoreVolume(const IsothermBranch& adsorption, double pRelative,
                                          double liquidPerGas);

/// Average pore diameter of cylinders holding volume V with wall area A: D = 4V/A, in nm from V in
/// cm³ g⁻¹ and A in m² g⁻¹ (4000·V/A). NaN when A ≤ 0.
double averagePoreDiameterNm(double volumeCm3PerG, double areaM2PerG);

} // namespace vanadis::bet
