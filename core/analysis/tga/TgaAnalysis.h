#pragma once
/// \file TgaAnalysis.h
/// The TGA analysis as the GUI, the project file and `vanadis-cli tga` see it: the parameter schema and a
/// pure compute function from a TGA dataset ("Time", "Temperature", "Mass" and/or "Mass %") to the CLI
/// contract JSON (../shared/CLI.md). The maths is vanadis::tga (core/numeric/tga): DTG against time by
/// Savitzky–Golay (1964), steps with ISO 11358-1:2022 onsets, carbon content corrected for the oxidation
/// of the oxide (tga.md §2).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"
#include "model/Dataset.h"
#include "numeric/tga/CurveAnalysis.h"

#include <QJsonObject>

namespace vanadis {

/// Analysis id and version stored with every AnalysisRun of this method.
inline constexpr const char* kTgaAnalysisId = "tga";
inline constexpr int kTgaAnalysisVersion = 3; // 3: the start oxide from the sample

/// Parameters of computeTga(). Keys, labels, units, bounds and defaults are declared once, in
/// tgaParamTable() (TgaAnalysis.cpp); start from tgaParamTable().defaults().
struct TgaParams {
    QString startOxide; ///< sample|not_set|V2O3|VO2|V2O4|V2O5|custom
    QString residue;    ///< V2O5|custom
    double startMolarMassGPerMol;
    double residueMolarMassGPerMol;
    double startPerResidue; ///< ν of a custom pair
    double dryBelowC;
    double dryWindowC;
    double endWindowC;
    double endFromC;
    double endToC;
    double flatEndLimitPct;
    int dtgWindowPoints; ///< 0 = automatic
    int dtgPolynomialOrder;
    bool dtgPerDegree;
    double minStepPct;
    double stepNoiseFactor;
    double baselineWidthC;
    std::optional<double> massChangeFromC; ///< cursors of a mass-change reading (unset: none)
    std::optional<double> massChangeToC;
    std::optional<double> residueAtC;
    QString carbonMode;                       ///< oxidation|burn_off|off
    std::optional<Id> blankDataset;           ///< a blank run subtracted before reading
    std::optional<double> buoyancyPctPer100K; ///< else: a typical uncorrected buoyancy in the uncertainty
};

/// The one declaration of the TGA parameters: each member of TgaParams bound to its ParamSpec.
ParamTable<TgaParams> tgaParamTable();
ParamSchema tgaSchema();

/// What the TGA analysis reports to the result view, the Compare table, `vanadis-cli info` and other
/// analyses (the capacity basis per mass of V2O3 reads the carbon share from here): each member bound
/// to its result key once, in tgaResultTable(). Steps, the DTG curve and the readings behind the carbon
/// content are detail the compute function writes beside it.
struct TgaResult {
    Measured carbonWtPct;   ///< carbon_wt_pct ± carbon_wt_pct_err (dry basis)
    Measured moistureWtPct; ///< moisture_wt_pct ± moisture_wt_pct_err
    double residueWtPct = std::nan("");
    double dryMassTemperatureC = std::nan("");
    double massChangePct = std::nan(""); ///< between the cursors; NaN without them
};

/// The one declaration of the TGA outputs.
const ResultTable<TgaResult>& tgaResultTable();

/// The TGA run of a dataset: time converted to min, temperature to °C, mass to mg; "Mass %" taken as given
/// or derived from the sample mass in the metadata (`sample_mass_mg`), else from the first point. Errors
/// for a missing temperature or mass column and for units it does not know.
Expected<tga::TgaCurve> tgaCurveFromDataset(const Dataset& dataset);

/// The options of vanadis::tga::analyseCurve from the parameters (the cross-field checks: end range order,
/// odd DTG window).
Expected<tga::CurveAnalysisOptions> tgaOptionsFromParams(const TgaParams& params);

/// Runs the analysis on a TGA dataset. \a params are checked against tgaSchema() (missing keys take their
/// defaults). Returns the CLI contract object: carbon_wt_pct, carbon_wt_pct_err, residue_wt_pct,
/// moisture_wt_pct, dry_mass_temperature_c, dry_mass_mg, end_mass_mg, derivation, steps[], dtg[] (at most
/// 2000 points), warnings[] and more (README "Command line"). Errors name the dataset, the point and the
/// reason: non-monotonic time, no mass column, fewer than 20 points, NaN values, invalid parameters.
/// \a blank: the dataset `blank_dataset` names (required when it is set).
/// \a sample: what the dataset's sample states (start_oxide, residue_oxide; sampleContext()), read when
/// start_oxide is "sample" (the default); empty for a bare file.
Expected<QJsonObject> computeTga(const Dataset& dataset, const QJsonObject& params,
                                 const Dataset* blank = nullptr, const QJsonObject& sample = {});

/// The declaration of the TGA analysis (id "tga"): parameters, outputs, figures, compute.
const AnalysisDescriptor& tgaAnalysis();

} // namespace vanadis
