#pragma once
/// \file CyclingAnalysis.h
/// The galvanostatic cycling analysis (id "cycling") as the GUI, the project file and `vanadis-cli cycling`
/// see it: a cycling record (Time s, Current mA, Voltage V, optional Cycle; EchemTableReader.h) or a
/// per-cycle export (Cycle, Charge/Discharge Capacity in mAh g⁻¹ or mAh, optional Coulombic Efficiency)
/// in, the per-cycle table, rate steps, voltage profiles with dQ/dV and the long-cycling read-outs out.
/// The maths is vanadis::echem (core/numeric/echem/Cycling.h, echem.md §1–3).
///
/// The active mass is entered once, on the sample (Sample::activeMassMg, with its basis), and read from
/// there (ComputeInputs::sample; the descriptor declares sampleProperties and sampleInputs); the parameter
/// mass_mg overrides it. The basis is the composite, or the oxide alone with the carbon share taken off:
/// carbon_pct, or by default the carbon_wt_pct of the sample's TGA run. Without a mass the capacities stay in
/// mAh, the specific values are null and a warning says so; a mass the file states is used only when
/// use_file_mass is set. The result says where mass and carbon came from (mass_source parameter|sample|file,
/// carbon_source parameter|tga, carbon_source_dataset: the TGA dataset used; with several TGA results the
/// newest dataset's is taken and a warning names it) and mass_label names the basis; what was read from the
/// sample is in sample_context, and the run goes stale when that changes.

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"

namespace vanadis {

inline constexpr const char* kCyclingAnalysisId = "cycling";
inline constexpr int kCyclingAnalysisVersion = 3; // 2: mass, basis and carbon from the sample; 3: rate steps
// from programmed step currents, the TGA dataset of the carbon share named

/// Parameters: mass_mg, mass_basis (sample|composite|oxide_only), carbon_pct, use_file_mass, convention
/// (cathode|anode), pairing (same_cycle|next_cycle), retention_reference (first|second|maximum|cycle),
/// reference_cycle, rate_tolerance_pct, skip_first_cycle, profile_cycles ("1,2,10,100"), profile_mode
/// (cycles|rate_steps), dqdv_bin_mv, dqdv_window_points.
/// Parameters of computeCycling(), declared once with keys, labels and defaults in cyclingParamTable().
struct CyclingParams {
    std::optional<double> massMg; ///< unset: the sample's, then the file's
    QString massBasis;            ///< sample|composite|oxide_only
    std::optional<double> carbonPct;
    bool useFileMass;
    QString convention; ///< cathode|anode
    QString pairing;    ///< same_cycle|next_cycle
    QString retentionReference;
    int referenceCycle;
    double rateTolerancePct;
    bool skipFirstCycle;
    QString profileCycles; ///< "1,2,10,100"
    QString profileMode;   ///< cycles|rate_steps
    double dqdvBinMv;
    int dqdvWindowPoints;
};
ParamTable<CyclingParams> cyclingParamTable();
ParamSchema cyclingSchema();

/// What the cycling analysis reports to the result view, the Compare table and `vanadis-cli info`: each
/// member bound to its result key once, in cyclingResultTable(). The long-cycling read-outs sit inside
/// the `long_cycling` object beside its other keys; the cycles, rate steps and profiles are detail the
/// compute function writes beside them. Capacities in mAh g⁻¹, or mAh without an active mass.
struct CyclingResult {
    double firstCycleCePct = std::nan("");
    double retentionPct = std::nan(""); ///< last cycle, against the retention reference
    double maxCapacity = std::nan("");  ///< long_cycling.max_capacity
    int maxCycle = 0;                   ///< long_cycling.max_cycle: cycle of the highest capacity
    double activationGainPct = std::nan("");
    double fadePerCyclePct = std::nan(""); ///< mean fade after the maximum
    double meanCePct = std::nan("");       ///< cycle ≥ 2
    int nCycles = 0;
};

/// The one declaration of the cycling outputs.
const ResultTable<CyclingResult>& cyclingResultTable();

/// Runs the analysis on one dataset. Result (README "Command line"): mass_mg, mass_basis, mass_label,
/// mass_source, carbon_wt_pct, carbon_source, carbon_source_dataset, sample_context{…}, capacity_unit,
/// convention, pairing, retention_reference{kind, cycle}, first_cycle_ce_pct, retention_pct (last cycle),
/// cycles[{index, charge_mah, discharge_mah, charge_mah_g, discharge_mah_g, ce_pct, charge_energy_mwh,
/// discharge_energy_mwh, charge_mean_v, discharge_mean_v, retention_pct, discharge_current_ma}],
/// rate_steps[{index, current_a_g, current_ma, current_ma_measured, current_source programmed|measured,
/// first_cycle, last_cycle, cycles, discharge_mah_g_mean, discharge_mah_g_last, charge_mah_g_mean,
/// recovery}], rate_current_source (programmed: every step's nominal current is the step table's set current;
/// measured; mixed), long_cycling{…}, profiles[{cycle, half, capacity[], voltage_v[], dqdv{voltage_v[],
/// dqdv[]}, peaks[]}], warnings[]. \a sample is sampleContext() of the dataset's sample (empty: no sample, as
/// on the command line).
Expected<QJsonObject> computeCycling(const Dataset& dataset, const QJsonObject& params,
                                     const QJsonObject& sample = {});

/// The declaration of the cycling analysis.
const AnalysisDescriptor& cyclingAnalysis();

} // namespace vanadis
