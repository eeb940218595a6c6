#pragma once
/// \file XpsPresets.h
/// Ready-made models as data (xps.md §3–5). Positions are on the charge-corrected scale (C 1s C–C =
/// 284.8 eV). No Qt here.
///
/// - "study_v2p_o1s" — the reference study (Osman et al., Adv. Sci. 2022; xps.md §4 "paper" column):
///   V³⁺ 2p3/2 517.7 and V²⁺ 2p3/2 516.4 eV doublets with one shared splitting Δ (6.9–7.8 eV), a 2:1 area
///   ratio and one shared 2p1/2/2p3/2 width factor (1.0–1.8); O 1s lattice 530.6, "O vacancy" 531.5 and C–O
///   532.0 eV. The O 1s model is not identifiable with free positions and widths (xps.md §5), so the OV
///   and C–O positions are tied to the lattice line at the study's offsets (+0.9, +1.4 eV); their widths
///   stay free (0.8–2.5 eV) because tying them to the lattice width biases the OV share when the lines
///   differ in width, so ov_fraction comes with the (large) error the data allow. A per-project preset,
///   not built-in truth: its V positions sit 2–3 eV above the literature ranges.
/// - "literature_v_oxides" — V⁵⁺ 517.2, V⁴⁺ 516.1, V³⁺ 515.7 eV 2p3/2 doublets (Biesinger 2010 / Silversmit
///   2004 values in xps.md §4) bounded to the literature ranges, and O 1s lattice 530.0 eV with OH 531.4 eV.
/// - "c1s" — C–C 284.8, C–O 286.0, O–C=O 288.8 eV (C–O and O–C=O at shifts from C–C bounded to +0.9…+1.7
///   and +3.7…+4.4 eV, widths free 0.8–3.0 eV), for the charge reference and the C of atomic %.
/// All use GL(30) with m fixed and the active Shirley background over the whole window; ratios v3_v2
/// (V³⁺/V²⁺) and ov_fraction (OV share of O 1s), and the difference o1s_minus_v2p32 (ΔO–V, xps.md §3).

#include "numeric/Error.h"
#include "numeric/xps/XpsFit.h"

#include <string>
#include <vector>

namespace vanadis::xps {

/// Preset keys: "study_v2p_o1s", "literature_v_oxides", "c1s".
const std::vector<std::string>& presetKeys();
/// The preset \a key, or an error naming the known keys.
Expected<ModelSpec> preset(const std::string& key);

/// Component ids of the study preset (for tests and reports).
namespace study {
inline constexpr const char* kV3 = "V3"; ///< doublet V3_a (2p3/2), V3_b (2p1/2)
inline constexpr const char* kV2 = "V2"; ///< doublet V2_a, V2_b
inline constexpr const char* kOLattice = "Olat";
inline constexpr const char* kOVacancy = "Ovac";
inline constexpr const char* kOCarbon = "OCO";
} // namespace study

} // namespace vanadis::xps
