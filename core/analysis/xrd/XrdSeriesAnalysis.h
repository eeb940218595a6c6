#pragma once
/// \file XrdSeriesAnalysis.h
/// In-situ XRD series: many patterns of one sample (a folder, a multi-scan file) in their order. The
/// strongest lines of the first scan (or given positions) are followed scan by scan: each scan gets its
/// SNIP background and a profile fit of every followed line in a window around its previous position,
/// started from the previous fit (the shared engine; Kα1/Kα2 doublets when the file states λ2 and the
/// resolved lines show Kα2, as in the single-pattern analysis). Figures: a waterfall (offset stack without
/// intensity numbers), a 2θ-versus-scan heat map with the followed positions on it, and the positions per
/// scan. Angles in degrees 2θ.

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"

namespace vanadis {

/// Parameters of computeXrdSeries(); declared once in xrdSeriesParamTable().
struct XrdSeriesParams {
    int maxPeaks;          ///< lines followed when no positions are given
    QString positionsDeg;  ///< "24.3, 33.0": lines to follow (2θ of the first scan); empty = strongest
    double windowDeg;      ///< a line is searched within ± this of its previous position
    double thresholdSigma; ///< peak search in the first scan
    bool kalphaDoublets;   ///< Kα2 modelled where the file states it and the lines show it
    QString profile;       ///< pseudo_voigt|split_pseudo_voigt|pearson_vii
};

ParamTable<XrdSeriesParams> xrdSeriesParamTable();

/// Follows lines across \a scans (each with "2Theta" in degrees and "Intensity"). Result: n_scans,
/// n_tracks, tracks [{index, start_two_theta_deg, shift_deg (last − first), positions [two_theta_deg per
/// scan, null where the fit failed]}], tracked_peaks [{scan, track, two_theta_deg, two_theta_err,
/// fwhm_deg, area, height}] (the output table), first_track_shift_deg, scans [{label}], warnings. Errors:
/// fewer than two scans, a scan without 2θ/intensity columns, no line in the first scan.
Expected<QJsonObject> computeXrdSeries(const std::vector<Dataset>& scans, const QJsonObject& params);

/// The declaration (id "xrd_series", several inputs, run on request).
const AnalysisDescriptor& xrdSeriesAnalysis();

} // namespace vanadis
