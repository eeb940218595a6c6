#pragma once
/// \file CrystalStructure.h
/// A crystal structure as a powder pattern needs it: cell, space group (as its full list of symmetry
/// operations, so no setting ambiguity survives the CIF) and the asymmetric-unit atom sites. Read from CIF
/// text by readCifStructure() (CifReader.h). No Qt here.

#include "numeric/xrd/UnitCell.h"

#include <string>
#include <vector>

namespace vanadis::xrd {

/// One atom site of the asymmetric unit.
struct AtomSite {
    std::string label;   ///< CIF _atom_site_label, e.g. "V1"
    std::string element; ///< element symbol without charge, e.g. "V" (neutral-atom form factors are used)
    double x = 0.0, y = 0.0, z = 0.0; ///< fractional coordinates
    /// Chemical occupancy as CIFs give it (1 for a fully occupied site, also on a special position).
    double occupancy = 1.0;
    double uIsoA2 = 0.0; ///< isotropic displacement U, Å² (B = 8π²U)
};

/// Everything needed to compute a reference powder pattern.
struct CrystalStructure {
    std::string name; ///< CIF data block name, or _chemical_name_mineral / _chemical_formula_sum when given
    std::string formula;      ///< _chemical_formula_sum when given
    UnitCell cell;            ///< hexagonal axes for trigonal phases (rhombohedral CIFs are converted)
    int spaceGroupNumber = 0; ///< International Tables number; 0 when the operations match no tabulated group
    std::string spaceGroupName; ///< Hermann–Mauguin symbol with setting, e.g. "R -3 c:H"
    LatticeSystem latticeSystem = LatticeSystem::Triclinic;
    /// All symmetry operations including centring translations, as x,y,z triplets ("-y,x-y,z+1/3").
    std::vector<std::string> symmetryOperations;
    std::vector<AtomSite> sites;
    std::vector<std::string> warnings; ///< what the reader changed or assumed
};

} // namespace vanadis::xrd
