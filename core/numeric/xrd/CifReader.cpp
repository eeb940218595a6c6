#include "numeric/xrd/CifReader.h"

// gemmi is header-only in Debian's 0.5.7; its CIF parser (PEGTL) is heavy, so it stays in this file.
// gemmi formats numbers with stb_sprintf only when writing CIF, which this reader never does; std::snprintf
// instead avoids depending on Debian's unbundled stb (gemmi warns that it "may not work").
#define USE_STD_SNPRINTF 1
#include <gemmi/cif.hpp>
#include <gemmi/it92.hpp>
#include <gemmi/smcif.hpp>
#include <gemmi/symmetry.hpp>

#include <cmath>
#include <exception>

namespace vanadis::xrd {

namespace {

const char* const kSymopTags[] = {"_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"};

bool hasTag(gemmi::cif::Block& block, const char* tag)
{
    return block.find_values(tag).item() != nullptr;
}

bool looksLikeStructure(gemmi::cif::Block& block)
{
    return hasTag(block, "_cell_length_a") && hasTag(block, "_atom_site_label");
}

/// Space-group operations from the symop loop when present (authoritative: it fixes origin and setting),
/// else from the H-M symbol, else from the IT number. Null operations when none is usable.
struct SpaceGroupChoice {
    gemmi::GroupOps ops;
    const gemmi::SpaceGroup* sg = nullptr;
    bool found = false;
    std::string source;
};

SpaceGroupChoice chooseSpaceGroup(gemmi::cif::Block& block, const gemmi::SmallStructure& st)
{
    SpaceGroupChoice c;
    for (const char* tag : kSymopTags) {
        gemmi::cif::Column col = block.find_values(tag);
        if (!col.item() || col.length() == 0) continue;
        std::vector<gemmi::Op> ops;
        for (const std::string& v : col)
            ops.push_back(gemmi::parse_triplet(gemmi::cif::as_string(v)));
        c.ops = gemmi::split_centering_vectors(ops);
        c.sg = gemmi::find_spacegroup_by_ops(c.ops);
        c.found = true;
        c.source = tag;
        return c;
    }
    if (!st.spacegroup_hm.empty()) {
        c.sg = gemmi::find_spacegroup_by_name(st.spacegroup_hm, st.cell.alpha, st.cell.gamma);
        if (c.sg) {
            c.ops = c.sg->operations();
            c.found = true;
            c.source = "Hermann-Mauguin symbol";
            return c;
        }
    }
    for (const char* tag : {"_space_group_IT_number", "_symmetry_Int_Tables_number"})
        if (const std::string* v = block.find_value(tag)) {
            const double n = gemmi::cif::as_number(*v);
            if (n >= 1 && n <= 230) {
                c.sg = gemmi::find_spacegroup_by_number(int(n));
                if (c.sg) {
                    c.ops = c.sg->operations();
                    c.found = true;
                    c.source = tag;
                    return c;
                }
            }
        }
    return c;
}

std::string firstValue(gemmi::cif::Block& block, const char* tag)
{
    if (const std::string* v = block.find_value(tag))
        if (!gemmi::cif::is_null(*v)) return gemmi::cif::as_string(*v);
    return {};
}

Expected<CrystalStructure> fromBlock(gemmi::cif::Block& block, const std::string& source)
{
    const std::string where = "data_" + block.name;
    gemmi::SmallStructure st = gemmi::make_small_structure_from_block(block);
    if (!hasTag(block, "_cell_length_a") || !st.cell.is_crystal())
        return fail(
            source, where,
            "the CIF has no unit cell (_cell_length_a, _cell_length_b, _cell_length_c and the angles)");
    CrystalStructure out;
    out.cell = UnitCell{st.cell.a, st.cell.b, st.cell.c, st.cell.alpha, st.cell.beta, st.cell.gamma};
    if (!out.cell.isValid())
        return fail(source, where, "the unit cell in the CIF is impossible (non-positive length or volume)");
    if (st.sites.empty())
        return fail(source, where,
                    "the CIF lists no atom sites (_atom_site_label with _atom_site_fract_x/y/z)");
    if (!hasTag(block, "_atom_site_fract_x") || !hasTag(block, "_atom_site_fract_y") ||
        !hasTag(block, "_atom_site_fract_z"))
        return fail(source, where,
                    "the atom sites have no fractional coordinates (_atom_site_fract_x/y/z); Cartesian-only "
                    "or macromolecular CIFs are not crystal structures this reader uses");

    SpaceGroupChoice sg = chooseSpaceGroup(block, st);
    if (!sg.found)
        return fail(source, where,
                    "the CIF gives no usable space group (no symmetry operations, Hermann-Mauguin symbol '" +
                        st.spacegroup_hm + "' not recognised, no IT number)");

    bool anisoReplaced = false;
    for (const gemmi::SmallStructure::Site& s : st.sites) {
        AtomSite a;
        a.label = s.label;
        if (s.element == gemmi::El::X || !gemmi::IT92<double>::has(s.element.elem))
            return fail(source, where,
                        "atom site '" + s.label + "' has no recognisable element (type symbol '" +
                            s.type_symbol + "')");
        a.element = s.element.name();
        a.x = s.fract.x;
        a.y = s.fract.y;
        a.z = s.fract.z;
        if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(a.z))
            return fail(source, where, "atom site '" + s.label + "' has a missing fractional coordinate");
        a.occupancy = std::isfinite(s.occ) ? s.occ : 1.0;
        if (!(a.occupancy > 0.0))
            return fail(source, where, "atom site '" + s.label + "' has a non-positive occupancy");
        a.uIsoA2 = std::isfinite(s.u_iso) ? s.u_iso : 0.0;
        if (a.uIsoA2 == 0.0 && s.aniso.nonzero()) {
            // Ueq = trace/3 is exact for orthogonal axes and close otherwise; enough for a reference pattern.
            a.uIsoA2 = (s.aniso.u11 + s.aniso.u22 + s.aniso.u33) / 3.0;
            anisoReplaced = true;
        }
        out.sites.push_back(a);
    }
    if (anisoReplaced)
        out.warnings.push_back("anisotropic displacements replaced by U_iso = (U11 + U22 + U33)/3");

    // Rhombohedral axes → hexagonal axes (obverse): the ticks then carry the usual hexagonal hkl and the
    // refinement refines a and c (xrd.md §9: R-3c is used in the hexagonal setting).
    if (sg.sg && sg.sg->ext == 'R') {
        const gemmi::SpaceGroup* hex = gemmi::find_spacegroup_by_name(std::string(sg.sg->hm) + ":H");
        if (hex && std::abs(out.cell.aA - out.cell.bA) < 1e-6 && std::abs(out.cell.aA - out.cell.cA) < 1e-6) {
            out.cell = hexagonalFromRhombohedral(out.cell.aA, out.cell.alphaDeg);
            for (AtomSite& a : out.sites) {
                const double x = a.x, y = a.y, z = a.z;
                a.x = (2.0 * x - y - z) / 3.0;
                a.y = (x + y - 2.0 * z) / 3.0;
                a.z = (x + y + z) / 3.0;
            }
            sg.sg = hex;
            sg.ops = hex->operations();
            out.warnings.push_back("rhombohedral axes converted to hexagonal axes (obverse setting)");
        }
    }

    out.spaceGroupNumber = sg.sg ? sg.sg->number : 0;
    out.spaceGroupName = sg.sg ? sg.sg->xhm() : st.spacegroup_hm;
    if (!sg.sg) out.warnings.push_back("the symmetry operations match no tabulated space-group setting");
    out.latticeSystem =
        out.spaceGroupNumber > 0 ? latticeSystemOf(out.spaceGroupNumber) : LatticeSystem::Triclinic;
    for (const gemmi::Op& op : sg.ops)
        out.symmetryOperations.push_back(op.triplet());

    out.formula = firstValue(block, "_chemical_formula_sum");
    out.name = firstValue(block, "_chemical_name_mineral");
    if (out.name.empty()) out.name = firstValue(block, "_chemical_name_systematic");
    if (out.name.empty()) out.name = out.formula;
    if (out.name.empty()) out.name = block.name;
    return out;
}

} // namespace

Expected<CrystalStructure> readCifStructure(std::string_view cifText, const std::string& sourceName,
                                            const std::string& blockName)
{
    if (cifText.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail(sourceName, {}, "the CIF text is empty");
    try {
        gemmi::cif::Document doc = gemmi::cif::read_memory(cifText.data(), cifText.size(),
                                                           sourceName.empty() ? "CIF" : sourceName.c_str());
        if (doc.blocks.empty()) return fail(sourceName, {}, "the text contains no CIF data block (data_...)");
        for (gemmi::cif::Block& block : doc.blocks) {
            if (!blockName.empty()) {
                if (block.name == blockName) return fromBlock(block, sourceName);
                continue;
            }
            if (looksLikeStructure(block)) return fromBlock(block, sourceName);
        }
        if (!blockName.empty())
            return fail(sourceName, {}, "the CIF has no data block named '" + blockName + "'");
        // No block looks like a structure: report what the first one lacks.
        return fromBlock(doc.blocks.front(), sourceName);
    } catch (const std::exception& e) {
        return fail(sourceName, {}, std::string("the text is not a readable CIF: ") + e.what());
    }
}

} // namespace vanadis::xrd
