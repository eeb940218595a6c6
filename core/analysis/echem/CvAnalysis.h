#pragma once
/// \file CvAnalysis.h
/// CV kinetics of one sample over its voltammograms at several scan rates (an analysis over several
/// inputs: every CV dataset of the sample, or one dataset with a "Scan Rate" column): b-values of the
/// peaks and across potential from log i against log v, and the Dunn separation i = k1·v + k2·v^½ with
/// the capacitive share per scan rate (echem.md §4). The maths is core/numeric/echem (CvKinetics,
/// DunnAnalysis).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"

namespace vanadis {

struct CvKineticsParams {
    int cycle;                         ///< cycle used per scan rate; 0 = the last of each
    std::optional<double> scanRateMvS; ///< for a single-rate file that does not state its rate
    double gridStepV;                  ///< common potential grid
    double vertexExclusionV;           ///< left out next to each vertex
    int firstCycles;                   ///< cycles shown in the first-cycles view (slowest rate)
};

ParamTable<CvKineticsParams> cvParamTable();

/// What CV kinetics reports to the result view and the Compare table, each member bound to its result
/// key once in cvResultTable(); b per peak and across potential and the Dunn curves are detail.
struct CvKineticsResult {
    double bPeakMean = std::nan("");                 ///< mean b of the peaks found at every scan rate
    double capacitiveFractionFastest = std::nan(""); ///< Dunn k1·v share at the fastest scan, 0–1
};

/// The one declaration of the CV kinetics outputs.
const ResultTable<CvKineticsResult>& cvResultTable();

/// The `vanadis-cli cv FILE... --json` result: files [{file, scan_rate_mv_s, n_cycles, partial_cycle,
/// cycle_used}] (a cycle counts when it spans the potential window and returns to its start; an
/// unfinished last sweep is reported, not counted, and never the default cycle), scan_rates_mv_s, peaks
/// [{branch, potential_v, b, b_err, r2, scan_rates_mv_s, peak_current_ma}], b_values [{branch, potential_v,
/// b, r2}], capacitive_fraction
/// [{scan_rate_mv_s, fraction}], b_peak_mean, capacitive_fraction_fastest, curves for the figures
/// (scans, first_cycles: the first cycles of the slowest rate), warnings. Errors: fewer than two scan rates,
/// a dataset without Potential/Current, no rate known.
Expected<QJsonObject> computeCv(const std::vector<Dataset>& inputs, const QJsonObject& params);

const AnalysisDescriptor& cvAnalysis();

} // namespace vanadis
