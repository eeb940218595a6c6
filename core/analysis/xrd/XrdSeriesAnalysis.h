#pragma once
/// \file XrdSeriesAnalysis.h
/// In-situ XRD series: many patterns of one sample (a folder, a multi-scan file) in their order. The
/// strongest lines of the first scan (or given positions) are followed scan by scan: each scan gets its
/// SNIP background and a profile fit of every followed line in a window around its previous position,
/// started from the previous fit (the shared engine; Kα1/Kα2 doublets when the file states λ2 and the
/// resolved lines show Kα2, as in the single-pattern analysis). Figures: a waterfall (offset stack without
/// intensity numbers), a 2θ-versus-scan heat map with the followed positions on it, and the positions per
/// scan. Angles in degrees 2θ. With a cycling record of the same sample linked, each scan gets its time and
/// the cell voltage at its mid-time (InSituTiming.h), and the heat map gets the voltage–time curve beside
/// it on a shared time axis (the study's Fig. 6a).

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"

namespace vanadis {

/// Parameters of computeXrdSeries(); declared once in xrdSeriesParamTable().
struct XrdSeriesParams {
    int maxPeaks;          ///< lines followed when no positions are given
    QString positionsDeg;  ///< "24.3, 33.0": lines to follow (2θ of the first scan); empty = strongest
    double windowDeg;      ///< a line is searched within ± this of its previous position
    double thresholdSigma; ///< peak search in the first scan
    bool kalphaDoublets;   ///< Kα2 modelled where the file states it and the lines show it
    QString profile;       ///< pseudo_voigt|split_pseudo_voigt|pearson_vii
    QString phase;         ///< V2O3|Al2O3|Si|none: indexes the followed lines (as the XRD analysis)
    std::optional<Id> phaseDataset;        ///< a user crystal structure (CIF); overrides `phase`
    std::optional<Id> cyclingDataset;      ///< the cycling record beside the series; null = the sample's own
    QString scanTimes;                     ///< auto|file|interval (InSituTiming.h)
    std::optional<double> scanIntervalMin; ///< time between scan starts, min
    std::optional<double> startOffsetMin;  ///< first scan's start on the record's clock, min
    std::optional<ParamRange> mapRangeDeg; ///< 2θ shown by the waterfall and the heat map; null = all
};

ParamTable<XrdSeriesParams> xrdSeriesParamTable();

/// What the series reports to the result view, the Compare table and `vanadis-cli info`, bound to its
/// result keys once in xrdSeriesResultTable(); the tracks, the per-scan table and the grid are detail.
struct XrdSeriesResult {
    double firstTrackShiftDeg = std::nan("");    ///< strongest line: last − first scan, ° 2θ
    double firstTrackTwoThetaDeg = std::nan(""); ///< strongest line in the first scan, ° 2θ
    int nScans = 0;
    int nTracks = 0;                   ///< lines followed
    double durationH = std::nan("");   ///< first to last scan mid-time, h (when the times are known)
    double voltageMinV = std::nan(""); ///< lowest cell voltage at a scan, V (with a cycling record)
    double firstTrackShiftPerVoltDeg = std::nan(""); ///< strongest line: slope of 2θ against voltage, ° V⁻¹
};

/// The one declaration of the series outputs.
const ResultTable<XrdSeriesResult>& xrdSeriesResultTable();

/// Follows lines across \a scans (each with "2Theta" in degrees and "Intensity"). Result: n_scans,
/// n_tracks, tracks [{index, start_two_theta_deg, shift_deg (last − first), positions [two_theta_deg per
/// scan, null where the fit failed]}], tracked_peaks [{scan, track, two_theta_deg, two_theta_err,
/// fwhm_deg, area, height}] (the output table), first_track_shift_deg, warnings, and per scan
/// scans [{scan, label, time_h, start_h, end_h, voltage_v, two_theta_deg [per track]}] (times and voltages
/// null when unknown). With a cycling record (parameter cycling_dataset, or the only cycling record with a
/// voltage–time curve among \a references, which the registry fills with the sample's records):
/// cycling {dataset, label, source parameter|sample, time_h [], voltage_v [] (≤ 2000 points)} and per track
/// shift_per_volt_deg, shift_per_volt_r2 (least squares of 2θ against the scans' voltages). Errors: fewer
/// than two scans, a scan without 2θ/intensity columns, no line in the first scan, bad scan times.
Expected<QJsonObject> computeXrdSeries(const std::vector<Dataset>& scans, const QJsonObject& params,
                                       const std::map<Id, Dataset>& references = {});

/// The declaration (id "xrd_series", several inputs, run on request).
const AnalysisDescriptor& xrdSeriesAnalysis();

} // namespace vanadis
