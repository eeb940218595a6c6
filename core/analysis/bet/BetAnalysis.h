#pragma once
/// \file BetAnalysis.h
/// The BET tab's analysis: BET area with an automatic (Rouquerol/BETSI) or user window, Langmuir and
/// single-point areas, total pore volume, average pore diameter, t-plot, BJH pore-size distribution and a
/// hysteresis read-out, from one isotherm dataset. Pure function: runs off the GUI thread, in tests and in
/// `vanadis-cli bet`. The maths lives in core/numeric/bet (see its headers for the literature sources).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"
#include "model/Dataset.h"
#include "numeric/Error.h"

#include <QJsonObject>

namespace vanadis {

/// Parameters of computeBet(). Keys, labels, units, bounds and defaults are declared once, in
/// betParamTable() (BetAnalysis.cpp); `vanadis-cli describe` and README "Analyses" list them. The
/// defaults live there too: start from betParamTable().defaults().
struct BetParams {
    QString adsorptive;     ///< auto|N2|Ar|Kr|CO2
    double crossSectionNm2; ///< ≤ 0: the adsorptive's
    double pMin;            ///< user BET window in p/p0; both negative = automatic
    double pMax;
    int minPoints; ///< smallest automatic window
    double r2Min;
    double totalPoreVolumeP;
    double singlePointP;
    double langmuirPMin;
    double langmuirPMax;
    QString bjhBranch; ///< adsorption|desorption
    QString thickness; ///< harkins_jura|halsey|kjs|carbon_black
    double tMinAngstrom;
    double tMaxAngstrom;
    double bjhMinDiameterNm;
    double bjhMaxDiameterNm;
};

/// The one declaration of the BET parameters: each member of BetParams bound to its ParamSpec.
ParamTable<BetParams> betParamTable();
ParamSchema betSchema();

/// What the BET analysis reports to the result view, the Compare table and `vanadis-cli info`: each
/// member bound to its result key once, in betResultTable(). The rest of the result (windows, plots,
/// distributions, criteria) is detail the compute function writes beside it.
struct BetResult {
    Measured area;           ///< bet.area_m2_g ± bet.area_err, m² g⁻¹
    Measured cConstant;      ///< bet.c_constant
    Measured monolayerMmolG; ///< bet.monolayer_mmol_g, mmol g⁻¹
    double r2 = std::nan("");
    int nPoints = 0; ///< points in the BET window
    std::optional<double> vendorAreaM2G;
    double totalPoreVolumeCm3G = std::nan("");
    double averagePoreDiameterNm = std::nan("");
    double bjhPeakDiameterNm = std::nan(""); ///< null without capillary condensation
    Measured langmuirAreaM2G;
    double singlePointAreaM2G = std::nan("");
    Measured externalAreaM2G;     ///< t-plot
    Measured microporeVolumeCm3G; ///< t-plot
    Measured microporeAreaM2G;    ///< BET area − t-plot external area
};

/// The one declaration of the BET outputs.
const ResultTable<BetResult>& betResultTable();

/// Analyses an isotherm dataset (technique bet): columns "P/P0" (1), "Quantity Adsorbed" in cm³ STP g⁻¹
/// (also accepted: mmol g⁻¹, mol kg⁻¹, by the column unit) and optionally "Branch" (0 adsorption,
/// 1 desorption). Returns the JSON of the `vanadis-cli bet` contract (../shared/CLI.md): `bet`{area_m2_g,
/// area_err, c_constant, monolayer_mmol_g, p_range, r2, n_points, automatic, spread_m2_g,
/// n_valid_windows, criteria{…}}, langmuir_area_m2_g, single_point_area_m2_g, total_pore_volume_cm3_g,
/// average_pore_diameter_nm, t_plot{…}, bjh{branch, peak_diameter_nm, distribution[…]}, hysteresis{…},
/// rouquerol_plot[…], bet_plot[…], warnings[…]. Amounts in the JSON are cm³ STP g⁻¹ unless the key
/// says otherwise; every number with an uncertainty has a `_err` sibling (1σ).
/// Errors (bad input, nothing computed): unknown parameter or value, missing columns or unit, fewer than
/// 3 adsorption points, pressures that go back on a branch, p/p0 ≤ 0 or > 1, negative amounts, a user
/// range with fewer than 3 points, BJH on the desorption branch when the file has none.
/// A BET that finds no valid window is not an error: `bet.area_m2_g` is null and a warning says why.
/// The automatic search always runs: with a user range, `bet.automatic` is false, `spread_m2_g` and
/// `n_valid_windows` describe the automatic search and `automatic_area_m2_g`/`automatic_p_range` give its
/// suggestion for comparison.
Expected<QJsonObject> computeBet(const Dataset& isotherm, const QJsonObject& params);

/// The declaration of the BET analysis (id "bet"): parameters, outputs, figures, compute.
const AnalysisDescriptor& betAnalysis();

} // namespace vanadis
