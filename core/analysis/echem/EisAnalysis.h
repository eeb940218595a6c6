#pragma once
/// \file EisAnalysis.h
/// The EIS analysis as the GUI, the project file and `vanadis-cli eis` see it (id "eis"): an
/// equivalent circuit fitted to an impedance spectrum by CNLS (numeric/echem/EisFit.h) from automatic
/// start values, with the Lin-KK validity test (numeric/echem/LinKK.h) on the same points.
/// Input: a dataset of type "eis" with "Frequency" (Hz), "Z'" (Ω) and "Z''" (Ω, negative for
/// capacitive behaviour) — or "-Z''" (positive), as the simulator writes it.
/// Result (../shared/CLI.md): parameters{name: {value, stderr, unit, ci95_low, ci95_high,
/// rel_error_pct, fixed, identifiable}}, parameter_order[] (circuit order; JSON objects are
/// unordered), chi2, chi2_reduced, dof, lin_kk{mu, m, max_residual_pct, series_capacitor, residuals[]},
/// effective_capacitance[{element, resistor, c_eff_f, apex_frequency_hz}] of every R‖CPE pair,
/// fit[] and fit_curve[] (frequency_hz, z_re_ohm, z_im_ohm), residuals[], warnings[],
/// drt{peaks{P01: {tau_s, frequency_hz, r_ohm, gamma_ohm}}, peak_list[], lambda, lambda_rule,
/// polarisation_ohm, r_inf_ohm, inductance_h, tau_window_s[2], tau_s[], gamma_ohm[]} (numeric/echem/Drt.h),
/// cycle.

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"
#include "numeric/echem/EisSpectrum.h"

namespace vanadis {

inline constexpr const char* kEisAnalysisId = "eis";
inline constexpr int kEisAnalysisVersion = 2; ///< 2: DRT, cycle number

/// One row of the start/fixed/bounds table: a circuit parameter by name (R1, CPE1_n).
struct EisParamRow {
    QString name;
    std::optional<double> start;
    bool fixed;
    std::optional<double> lower, upper;
};
/// Parameters of computeEis(), declared once with keys, labels and defaults in eisParamTable().
struct EisParams {
    QString circuit;   ///< impedance.py notation, "R0-p(R1,CPE1)-W1"
    QString weighting; ///< modulus|proportional|unit
    std::vector<EisParamRow> parameters;
    std::optional<ParamRange> fRangeHz; ///< unset = every point
    bool dropInductive;
    bool linKk;
    bool linKkCapacitor;
    double linKkMu;
    bool drt;
    QString drtLambdaRule; ///< mgcv|gcv|manual
    double drtLambda;      ///< with "manual"
};
ParamTable<EisParams> eisParamTable();
ParamSchema eisSchema();

/// The spectrum of an "eis" dataset (see the file comment). Errors: missing columns, units other than
/// Hz and Ω (kΩ is scaled), different lengths.
Expected<echem::EisSpectrum> eisSpectrumFromDataset(const Dataset& dataset);

/// Runs the analysis on one dataset; \a params are checked against eisSchema().
Expected<QJsonObject> computeEis(const Dataset& dataset, const QJsonObject& params);

/// What the EIS analysis reports to the result view, the Compare table and `vanadis-cli info`, each
/// member bound to its result key once in eisResultTable(). The fitted curve, residuals and effective
/// capacitances are detail the compute function writes beside it.
struct EisResult {
    QJsonObject parameters;     ///< every circuit parameter by name: value, stderr, unit, ci95, flags
    Measured chargeTransferOhm; ///< the resistor of the first R‖CPE pair (R1 in the default circuit)
    double chi2Reduced = std::nan("");
    double linKkMaxResidualPct = std::nan(""); ///< NaN without the Lin-KK test
    double linKkMu = std::nan("");
    QJsonObject drtPeaks; ///< "P01", "P02" … by ascending τ: {tau_s, frequency_hz, r_ohm, gamma_ohm}
    double drtPolarisationOhm = std::nan("");
    double drtLambda = std::nan("");
    std::optional<double> cycle; ///< cycles before this spectrum, from eisCycleNumber()
};

/// The cycle number an EIS dataset was measured after: a metadata key "cycle"/"cycle_number", else the
/// number in its label or name next to "cycle" ("EIS after 100 cycles", "cycle 10", "100th cycle",
/// "100cyc"); "pristine"/"fresh"/"before cycling" is 0. nullopt when the label says nothing.
std::optional<double> eisCycleNumber(const Dataset& dataset);

/// The one declaration of the EIS outputs.
const ResultTable<EisResult>& eisResultTable();

/// The declaration (figures: eis_nyquist with equal axes, eis_bode, eis_linkk, drt (γ against τ) and
/// eis_rct_cycles (Rct ± 1σ against the cycle number of each spectrum, a line per sample)).
const AnalysisDescriptor& eisAnalysis();

} // namespace vanadis
