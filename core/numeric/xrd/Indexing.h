#pragma once
/// \file Indexing.h
/// Phase check by indexing observed peaks against a reference pattern of a known phase (xrd.md §4:
/// "assign each calculated line to the nearest observed Kα1 peak within a tolerance ≈ max(0.15°, ½·FWHM),
/// strongest lines first; treat overlapping groups as one"). Not ab-initio indexing. No Qt here.

#include "numeric/Error.h"
#include "numeric/xrd/LatticeRefinement.h"
#include "numeric/xrd/ReflectionList.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// An observed peak (Kα1 component position when a doublet was fitted).
struct ObservedPeak {
    double twoThetaDeg = 0.0;
    double sigmaDeg = 0.0; ///< 1σ position uncertainty; 0 when unknown
    double fwhmDeg = 0.0;  ///< 0 when unknown (the absolute tolerance alone applies)
    double height = 0.0;   ///< optional, reported back only
};

struct IndexingOptions {
    double toleranceDeg = 0.15; ///< absolute matching window |Δ2θ|, degrees
    double fwhmFraction = 0.5;  ///< window = max(toleranceDeg, fwhmFraction·FWHM) per peak
    /// Reference lines weaker than this (relative intensity, strongest = 100) are not used for matching:
    /// a line that would stay below the noise must not "explain" an impurity peak.
    double minRelativeIntensity = 0.5;
    /// Unmatched reference lines at least this strong are reported as missing.
    double missingRelativeIntensity = 5.0;
    bool searchZeroShift = false;   ///< grid-search a common zero shift before matching
    double zeroShiftRangeDeg = 0.5; ///< search Z in [−range, +range]
    double zeroShiftStepDeg = 0.005;
};

/// The assignment of one observed peak.
struct IndexedPeak {
    bool indexed = false;
    /// Indices into ReflectionList::reflections, strongest first; several = an overlap group.
    std::vector<std::size_t> reflections;
    double calculatedTwoThetaDeg = 0.0; ///< intensity-weighted mean of the group (NaN when unindexed)
    double deltaTwoThetaDeg = 0.0;      ///< observed − zero shift − calculated (NaN when unindexed)
    double relativeIntensity = 0.0;     ///< sum over the group
};

/// Result of indexPeaks(); peaks in the order given.
struct Indexing {
    std::vector<IndexedPeak> peaks;
    std::vector<std::size_t> unindexedPeaks;     ///< peak indices: impurities or noise
    std::vector<std::size_t> missingReflections; ///< strong reference lines with no observed peak
    double zeroShiftDeg = 0.0;                   ///< the one used (searched, else 0)
    std::size_t indexedCount = 0;
    double rmsDeltaDeg = 0.0; ///< over indexed peaks
    std::vector<std::string> warnings;
};

/// Matches \a peaks to \a reference. Each reference line goes to the nearest observed peak within that
/// peak's window (strongest lines first); a peak collecting several lines reports them together as one
/// overlap group, so every peak has at most one hkl set. With searchZeroShift the zero shift Z is chosen
/// (grid, then the mean Δ of the matched peaks) to index the most peaks with the smallest normalised
/// residuals; positions are compared as observed − Z. Errors: no peaks, an empty reference, non-finite
/// positions, a non-positive tolerance or step.
Expected<Indexing> indexPeaks(std::span<const ObservedPeak> peaks, const ReflectionList& reference,
                              const IndexingOptions& options = {});

/// Refinement lines from the indexed peaks (overlap groups weighted by the reference intensities), for
/// refineLattice(); unindexed peaks are skipped.
std::vector<RefinementLine> refinementLines(std::span<const ObservedPeak> peaks, const Indexing& indexing,
                                            const ReflectionList& reference);

} // namespace vanadis::xrd
