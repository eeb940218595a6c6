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
/// carbon_source parameter|tga) and mass_label names the basis; what was read from the sample is in
/// sample_context, and the run goes stale when that changes.

#include "analysis/Analysis.h"

namespace vanadis {

inline constexpr const char* kCyclingAnalysisId = "cycling";
inline constexpr int kCyclingAnalysisVersion = 2; // 2: mass, basis and carbon from the sample

/// Parameters: mass_mg, mass_basis (sample|composite|oxide_only), carbon_pct, use_file_mass, convention
/// (cathode|anode), pairing (same_cycle|next_cycle), retention_reference (first|second|maximum|cycle),
/// reference_cycle, rate_tolerance_pct, skip_first_cycle, profile_cycles ("1,2,10,100"), profile_mode
/// (cycles|rate_steps), dqdv_bin_mv, dqdv_window_points.
ParamSchema cyclingSchema();

/// Runs the analysis on one dataset. Result (README "Command line"): mass_mg, mass_basis, mass_label,
/// mass_source, carbon_wt_pct, carbon_source, sample_context{…}, capacity_unit, convention, pairing,
/// retention_reference{kind, cycle}, first_cycle_ce_pct, retention_pct (last cycle), cycles[{index,
/// charge_mah, discharge_mah, charge_mah_g, discharge_mah_g, ce_pct, charge_energy_mwh, discharge_energy_mwh,
/// charge_mean_v, discharge_mean_v, retention_pct, discharge_current_ma}], rate_steps[{index, current_a_g,
/// current_ma, first_cycle, last_cycle, cycles, discharge_mah_g_mean, discharge_mah_g_last,
/// charge_mah_g_mean, recovery}], long_cycling{…}, profiles[{cycle, half, capacity[], voltage_v[],
/// dqdv{voltage_v[], dqdv[]}, peaks[]}], warnings[]. \a sample is sampleContext() of the dataset's sample
/// (empty: no sample, as on the command line).
Expected<QJsonObject> computeCycling(const Dataset& dataset, const QJsonObject& params,
                                     const QJsonObject& sample = {});

/// The declaration of the cycling analysis.
const AnalysisDescriptor& cyclingAnalysis();

} // namespace vanadis
