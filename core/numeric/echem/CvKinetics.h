#pragma once
/// \file CvKinetics.h
/// Cyclic-voltammetry kinetics (echem.md §4): branches of a CV, peak detection, the b-value of the
/// power law i_p = a·v^b (log|i_p| = log a + b·log v over scan rates, per peak and branch, and at
/// every potential of a common grid). b ≈ 0.5 means diffusion-limited, b ≈ 1 capacitive (Augustyn,
/// Simon & Dunn, Energy Environ. Sci. 7 (2014) 1597). Currents in mA, potentials in V, scan rates in
/// mV s⁻¹. The Dunn separation is in DunnAnalysis.h.

#include "numeric/Error.h"

#include <cstddef>
#include <span>
#include <vector>

namespace vanadis::echem {

/// Direction of a CV branch: anodic = potential rising (oxidation current positive).
enum class CvBranch { Anodic, Cathodic };

/// One cycle of a CV at one scan rate (usually not the first cycle).
struct CvScan {
    double scanRateMvS = 0.0;
    std::vector<double> potentialV;
    std::vector<double> currentMa;
};

/// A monotonic run of the potential between two vertices: points [begin, end).
struct CvBranchSegment {
    CvBranch branch = CvBranch::Anodic;
    std::size_t begin = 0, end = 0;
};

/// Splits \a potentialV at its vertices. A vertex is the extreme the potential leaves by more than
/// \a hysteresisV (noise on a slow scan does not make vertices); runs shorter than 3 points are dropped.
std::vector<CvBranchSegment> splitCvBranches(std::span<const double> potentialV, double hysteresisV = 0.005);

/// A current peak on one branch: a maximum of i on anodic branches, a minimum on cathodic ones.
struct CvPeak {
    CvBranch branch = CvBranch::Anodic;
    std::size_t index = 0; ///< into the scan's arrays
    double potentialV = 0.0;
    double currentMa = 0.0;
    double prominenceMa = 0.0; ///< height above the higher of the two flanking minima
};

struct CvPeakOptions {
    /// Minimum prominence as a fraction of the scan's largest |i| (small wiggles are not peaks).
    double minProminenceFraction = 0.05;
    int smoothingPoints = 5; ///< moving-average window used to locate peaks (odd; 1 = none)
};

/// Peaks of every branch of \a scan, ordered by branch then potential. A peak must be an interior
/// extreme with the current falling back on both sides (the rising current at a vertex is not one).
std::vector<CvPeak> findCvPeaks(const CvScan& scan, const CvPeakOptions& options = {});

/// Straight-line fit of log10|i| against log10 v.
struct BValueFit {
    double b = 0.0;
    double bStderr = 0.0;
    double log10A = 0.0; ///< intercept: a in mA at 1 mV s⁻¹
    double r2 = 0.0;
    int n = 0;
};

/// b from (scan rate, peak current) pairs. Errors: fewer than 2 rates, a rate ≤ 0 or repeated, a zero
/// current or currents of both signs.
Expected<BValueFit> fitBValue(std::span<const double> scanRatesMvS, std::span<const double> currentsMa);

/// One peak followed over the scan rates.
struct PeakBValue {
    CvBranch branch = CvBranch::Anodic;
    double potentialV = 0.0;         ///< at the slowest scan
    std::vector<double> scanRateMvS; ///< where the peak was found
    std::vector<double> peakPotentialV;
    std::vector<double> peakCurrentMa;
    BValueFit fit;
};

/// Finds the peaks of the slowest scan and follows each to the other scans (the nearest peak of the
/// same branch within \a maxShiftV: peaks move apart with scan rate), then fits b per peak.
/// Errors: fewer than 2 scans, equal scan rates, no peak in the slowest scan.
Expected<std::vector<PeakBValue>> peakBValues(std::span<const CvScan> scans,
                                              const CvPeakOptions& options = {}, double maxShiftV = 0.3);

/// A common potential grid for one branch of several scans.
struct CvBranchGrid {
    CvBranch branch = CvBranch::Anodic;
    std::vector<double> potentialV;             ///< ascending
    std::vector<std::vector<double>> currentMa; ///< [scan][grid point], interpolated
};

/// The common grids of the anodic and cathodic branches: each scan's branches (the first complete
/// anodic and cathodic run) interpolated linearly on [max of the minima, min of the maxima] shrunk by
/// \a vertexExclusionV at both ends, every \a stepV. Errors: a scan without both branches, no overlap.
Expected<std::vector<CvBranchGrid>> commonBranchGrids(std::span<const CvScan> scans, double stepV = 0.005,
                                                      double vertexExclusionV = 0.05);

/// b at one potential of one branch.
struct PotentialBValue {
    CvBranch branch = CvBranch::Anodic;
    double potentialV = 0.0;
    double b = 0.0;
    double r2 = 0.0;
};

/// b at every grid potential where all scans have a current of the branch's sign (anodic > 0,
/// cathodic < 0); others are left out. Errors as commonBranchGrids, fewer than 2 scans.
Expected<std::vector<PotentialBValue>>
bValuesAcrossPotential(std::span<const CvScan> scans, double stepV = 0.005, double vertexExclusionV = 0.05);

} // namespace vanadis::echem
