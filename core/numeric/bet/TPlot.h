#pragma once
/// \file TPlot.h
/// t-plot (Lippens & de Boer, J. Catal. 4 (1965) 319): amount adsorbed against the statistical film
/// thickness t(p/p0); a straight line over a multilayer range gives the external (non-micropore) area
/// from its slope and the micropore volume from its intercept. No Qt here.

#include "numeric/Error.h"
#include "numeric/bet/IsothermBranch.h"
#include "numeric/bet/Thickness.h"

#include <vector>

namespace vanadis::bet {

/// Options: thickness curve, the t range of the linear fit (Micromeritics default 3.5–5.0 Å) and the
/// gas-to-liquid factor of the adsorptive (N2 0.0015468).
struct TPlotOptions {
    ThicknessCurve curve = ThicknessCurve::HarkinsJura;
    double tMinAngstrom = 3.5;
    double tMaxAngstrom = 5.0;
    double liquidPerGas = 0.0015468;
};

/// One point of the t-plot.
struct TPlotPoint {
    double pRelative = 0.0;
    double tAngstrom = 0.0;
    double amountCm3PerG = 0.0;
};

/// Fit result. External area S_ext = slope·liquidPerGas·10⁴ (cm³ liquid per Å of film → m²);
/// micropore volume = intercept·liquidPerGas. The micropore area a_BET − S_ext needs the BET area and is
/// computed by the caller. Errors are 1σ OLS standard errors.
struct TPlotResult {
    std::vector<TPlotPoint> points; ///< every adsorption point with 0 < x < 1
    int nPoints = 0;                ///< points in the fit
    double tFirstAngstrom = 0.0, tLastAngstrom = 0.0;
    double slopeCm3PerGAngstrom = 0.0, slopeErr = 0.0;
    double interceptCm3PerG = 0.0, interceptErr = 0.0;
    double r2 = 0.0;
    double externalAreaM2PerG = 0.0, externalAreaErrM2PerG = 0.0;
    double microporeVolumeCm3PerG = 0.0, microporeVolumeErrCm3PerG = 0.0;
};

/// Errors: fewer than 3 adsorption points inside the t range, an empty or inverted range.
Expected<TPlotResult> tPlot(const IsothermBranch& adsorption, const TPlotOptions& options = {});

/// How far the isotherm rises above the t-plot line between p/p0 = 0.4 and 0.95: the largest
/// (n − n_line)/n_line there, where n_line = intercept + slope·t(p/p0). Capillary condensation in
/// mesopores (type IV) lifts the isotherm well above the line (the upward deviation of the t-plot,
/// Lippens & de Boer 1965); a non-porous or macroporous solid (type II) follows it. NaN when no point
/// lies in that range. A BJH pore-size distribution means something only when this is clearly positive.
double condensationExcess(const TPlotResult& t, double fromP = 0.4, double toP = 0.95);

} // namespace vanadis::bet
