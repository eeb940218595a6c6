#pragma once
/// \file PeakSearch.h
/// Automatic peak search on a powder pattern (xrd.md §7). Each point gets the amplitude of a local
/// unweighted least-squares fit of a fixed-width peak (pseudo-Voigt, η = ½, the expected FWHM) on a
/// straight line over ±1.5 FWHM, i.e. a matched filter that ignores any locally linear background, and
/// its standard error from Poisson counting noise √N. A peak is a local maximum of that amplitude whose
/// significance (amplitude / standard error) reaches the threshold, where the Savitzky–Golay second
/// derivative of the pattern is negative (so the flanks of strong peaks and the slopes of broad humps
/// are not taken for peaks; HighScore's second-derivative criterion), at least a minimum separation
/// from any stronger peak. Position: vertex of the least-squares parabola through the top (± 0.3 FWHM)
/// of the pattern smoothed by an order-4 Savitzky–Golay filter over ≈ 1 FWHM; FWHM: half-maximum
/// crossings above the local line (of the unresolved Kα1/Kα2 feature where the doublet is not resolved).
/// Angles in degrees 2θ, intensities in counts. No Qt here.

#include "numeric/Error.h"
#include "numeric/xrd/Kalpha2.h"

#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// Settings of searchPeaks().
struct PeakSearchOptions {
    /// Minimum significance k: amplitude ≥ k standard errors of counting noise. The default 5 gave no
    /// false peak on 400 generated 5,000-point patterns of pure Poisson noise (20 … 2000 counts); at
    /// k = 4 about 6 % of such patterns show one false peak (a scan has ~10³ independent trials; the
    /// largest noise amplitude seen was 4.8σ), at k = 3 about three per pattern. Lower it to find weaker
    /// lines and check them by fitting.
    double thresholdSigma = 5.0;
    /// Expected FWHM (deg) of the lines: sets the filter width, the smoothing and the separation.
    /// 0 = estimate from the most prominent lines (estimateFwhmDeg; a hump is not taken for a line).
    double expectedFwhmDeg = 0.0;
    /// Minimum distance (deg) to a stronger peak; 0 = max(½·FWHM, 2 steps) (xrd.md §7).
    double minSeparationDeg = 0.0;
    /// Counts per intensity unit (the counting time per step for cps data), for the √N noise.
    double countsPerUnit = 1.0;
    /// Drop peaks at the Kα2 position of a stronger peak (within 0.35·FWHM, height ≤ 0.8× that of the
    /// Kα1 peak); when false they are kept but flagged.
    bool skipKalpha2 = false;
    KalphaDoublet doublet = {};
    int maxPeaks = 500; ///< keep at most this many, the most significant first
};

/// One peak found.
struct FoundPeak {
    double twoThetaDeg = 0.0;  ///< parabolic vertex of the smoothed pattern
    double height = 0.0;       ///< smoothed intensity above the local straight background, counts
    double fwhmDeg = 0.0;      ///< from the half-maximum crossings (approximate; the filter width if none)
    double significance = 0.0; ///< matched-filter amplitude / its counting-noise standard error
    std::size_t index = 0;     ///< nearest data point
    bool kalpha2Satellite = false; ///< at the Kα2 position of a stronger peak
};

/// Peaks sorted by 2θ, the FWHM used for the filter, and notes (estimated width, uneven steps).
struct PeakSearchResult {
    std::vector<FoundPeak> peaks;
    double filterFwhmDeg = 0.0;
    std::vector<std::string> warnings;
};

/// Finds the peaks of the pattern (\a twoThetaDeg increasing, evenly spaced to within 1 %; \a intensity
/// raw counts or cps with countsPerUnit set). \a background (same length, or empty) is only used for
/// the automatic width estimate and is otherwise not needed: the local line of the filter absorbs any
/// smooth background, so the search works on raw or background-subtracted data alike (pass raw counts:
/// the noise estimate needs them). Errors: lengths differ, fewer than 16 points, 2θ not increasing,
/// NaN/inf, or a threshold ≤ 0.
Expected<PeakSearchResult> searchPeaks(std::span<const double> twoThetaDeg, std::span<const double> intensity,
                                       std::span<const double> background = {},
                                       const PeakSearchOptions& options = {});

/// Median FWHM (deg) of up to \a count of the most prominent lines of intensity − background: local
/// maxima of a lightly smoothed pattern ranked by their height above the higher of the minima within
/// ± 3° (the widest line of 3 nm crystallites), widths from the half-prominence crossings; features
/// broader than 3° (humps) are passed over. NaN when no line stands 6 σ above its surroundings.
double estimateFwhmDeg(std::span<const double> twoThetaDeg, std::span<const double> intensity,
                       std::span<const double> background, int count = 5);

} // namespace vanadis::xrd
