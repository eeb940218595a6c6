#pragma once
/// \file XpsAnalysis.h
/// The XPS component fit as the GUI, the project file and `vanadis-cli xps` see it: a region dataset
/// ("xps_region": "Binding Energy", "Intensity") fitted with a preset (study V 2p + O 1s, literature V
/// oxides, C 1s), the generic model of any core level (SpinOrbit.h) or the user's component table
/// (model "custom", XpsModelRows.h; `--model PATH.json` on the command line), on the shared engine
/// (core/numeric/xps, fit, lineshape). Optional charge referencing: the C 1s region of the sample (a
/// DatasetRef, or the dataset labelled "C 1s" among the references — the CLI passes the other regions of
/// the file) is fitted with the C 1s preset and every energy is shifted by charge_ref_ev − BE(C–C). For a
/// model with O 1s components on a V 2p region without O 1s, the O 1s region (DatasetRef or "O 1s" among
/// the references) joins it in one window under one background (xps.md §3).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"
#include "analysis/xps/XpsModelRows.h"

namespace vanadis {

inline constexpr const char* kXpsAnalysisId = "xps";
inline constexpr int kXpsAnalysisVersion = 1;

/// Parameters: region, model (a preset, generic or custom), start_from_preset, core_level, states, shape,
/// background, charge_ref_ev, charge_ref_dataset, joint_dataset, window_lo_ev, window_hi_ev, the custom
/// model's tables components, auxiliary, ratios, differences (XpsModelRows.h), monte_carlo, seed.
struct XpsParams {
    QString region;          ///< the block to fit ("V 2p"); empty = the selected dataset
    QString model;           ///< study_v2p_o1s|literature_v_oxides|c1s|generic|custom
    QString startFromPreset; ///< custom model with an empty table: this preset's rows
    QString coreLevel;       ///< generic model: "Pt 4f"
    int states;              ///< generic model: chemical states
    QString shape;           ///< generic model: gl|sgl|la|voigt
    QString background;      ///< active_shirley|shirley|linear|tougaard_u2|tougaard_u3|none
    std::optional<double> chargeRefEv;
    std::optional<Id> chargeRefDataset;
    std::optional<Id> jointDataset;
    std::optional<double> windowLoEv, windowHiEv;
    std::vector<XpsComponentRow> components; ///< the custom model (XpsModelRows.h)
    std::vector<XpsAuxRow> auxiliary;
    std::vector<XpsRatioRow> ratios;
    std::vector<XpsDifferenceRow> differences;
    int monteCarlo;
    int seed;
};
/// The one declaration of the XPS parameters.
ParamTable<XpsParams> xpsParamTable();
ParamSchema xpsSchema();

/// Runs the fit. Returns charge_shift_ev, regions[], model, background, components[{name, label, shape,
/// position_ev, position_err, fwhm_ev, fwhm_param_ev, height, area, area_err, area_pct}], ratios{v3_v2,
/// v3_v2_err, ov_fraction, ov_fraction_err, …}, differences{o1s_minus_v2p32_ev, …_err}, chi2_reduced,
/// warnings[], curve{be, y, fit, background, residual, components[[…]]}, model_rows (the fitted model as
/// the rows of XpsModelRows.h, to edit or to give back as a model file).
/// What an XPS fit reports to the result view, the Compare table and `vanadis-cli info`, each member
/// bound to its result key once in xpsResultTable(). The ratios a model defines beyond the study's two,
/// the components, the curves and the RSFs are detail the compute function writes beside it.
struct XpsResult {
    Measured v3V2;             ///< ratios.v3_v2: V³⁺/V²⁺ area ratio (study preset)
    Measured oVacancyFraction; ///< ratios.ov_fraction: O-vacancy share of O 1s
    Measured o1sMinusV2p32Ev;  ///< O 1s lattice − V 2p3/2 position, eV
    double chargeShiftEv = std::nan("");
    Measured atomicPctV, atomicPctO, atomicPctC; ///< Scofield RSF quantification, at. %
    double chi2Reduced = std::nan("");
};

/// The one declaration of the XPS outputs.
const ResultTable<XpsResult>& xpsResultTable();

Expected<QJsonObject> computeXps(const ComputeInputs& inputs, const QJsonObject& params);

/// The declaration (id "xps"): parameters, outputs, figure "xps_fit", compute.
const AnalysisDescriptor& xpsAnalysis();

} // namespace vanadis
