#pragma once
/// \file DunnAnalysis.h
/// Dunn separation of CV currents into capacitive and diffusion-controlled parts (Wang, Polleux,
/// Lim & Dunn, J. Phys. Chem. C 111 (2007) 14925; echem.md §4): i(V, v) = k1(V)·v + k2(V)·v^½,
/// solved per potential of a common grid as i/v^½ = k1·v^½ + k2 by linear least squares over the scan
/// rates; i_cap = k1·v; capacitive fraction(v) = ∮|k1·v|dV / ∮|i|dV over both branches (vertex
/// regions excluded). Units: i in mA, v in mV s⁻¹, k1 in mA/(mV s⁻¹), k2 in mA/(mV s⁻¹)^½.

#include "numeric/Error.h"
#include "numeric/echem/CvKinetics.h"

#include <vector>

namespace vanadis::echem {

struct DunnOptions {
    double gridStepV = 0.005;
    double vertexExclusionV = 0.05; ///< left out next to each vertex, where i changes sign
};

/// k1 and k2 on one branch's grid.
struct DunnBranch {
    CvBranch branch = CvBranch::Anodic;
    std::vector<double> potentialV;
    std::vector<double> k1;
    std::vector<double> k2;
    std::vector<double> r2; ///< of i/√v against √v per potential (1 for two scan rates)
    /// Capacitive current k1·v per scan (same order as the input scans), for the shaded region.
    std::vector<std::vector<double>> capacitiveCurrentMa;
    std::vector<std::vector<double>> totalCurrentMa; ///< the interpolated measured current
};

struct DunnResult {
    std::vector<DunnBranch> branches;       ///< anodic, cathodic
    std::vector<double> scanRateMvS;        ///< input order
    std::vector<double> capacitiveFraction; ///< per scan rate, 0…1
};

/// Runs the separation. Errors: fewer than 2 distinct scan rates, scans without both branches, no
/// common potential range.
Expected<DunnResult> dunnAnalysis(std::span<const CvScan> scans, const DunnOptions& options = {});

} // namespace vanadis::echem
