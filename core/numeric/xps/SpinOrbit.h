#pragma once
/// \file SpinOrbit.h
/// Spin–orbit doublets of core levels: splitting Δ = BE(j = l − ½) − BE(j = l + ½), its usual range and
/// the area ratio (2j + 1 degeneracy: p 1:2, d 2:3, f 3:4). No Qt here.
///
/// Splittings are handbook values (Moulder et al., Handbook of XPS, Perkin-Elmer 1992; NIST SRD 20)
/// written from memory like xps.md §4 and to be checked against them before they become UI truth; V 2p
/// follows xps.md §3 (7.3–7.6 eV in oxides, one free shared Δ bounded to 6.9–7.8 eV).

#include <optional>
#include <string>
#include <vector>

namespace vanadis::xps {

/// One core level of the table.
struct CoreLevel {
    std::string element;                         ///< "V"
    std::string orbital;                         ///< "2p"
    double splittingEv = 0;                      ///< Δ (0 for s levels)
    double splittingLoEv = 0, splittingHiEv = 0; ///< bounds a fit should keep Δ in
    double typicalBeEv = 0; ///< binding energy of the main line (j = l + ½) in a common compound, eV
    /// Area of the j = l − ½ line relative to the j = l + ½ line: l/(l + 1) (p 0.5, d 2/3, f 3/4), 0 for s.
    double areaRatio() const;
    bool isDoublet() const { return splittingEv > 0.0; }
    /// "2p3/2" and "2p1/2" (or "1s" and "" for s levels).
    std::string majorLabel() const;
    std::string minorLabel() const;
    std::string name() const { return element + " " + orbital; }
};

/// The level named like "V 2p", "Pt4f", "mo 3d" (case and spaces ignored), or nullopt.
std::optional<CoreLevel> coreLevel(const std::string& name);
/// All levels of the table.
const std::vector<CoreLevel>& coreLevels();

} // namespace vanadis::xps
