#include "numeric/xrd/ReflectionList.h"

#include <gemmi/it92.hpp>
#include <gemmi/sfcalc.hpp>
#include <gemmi/small.hpp>
#include <gemmi/symmetry.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <numbers>

namespace vanadis::xrd {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

/// Representative of an equivalence class: fewest negative indices, then the lexicographically largest.
/// Gives the customary labels: (0 1 2), (1 0 4), (1 1 3) for R-3c; (2 2 0), (3 1 1) for cubic.
bool better(const gemmi::Op::Miller& a, const gemmi::Op::Miller& b)
{
    const int na = (a[0] < 0) + (a[1] < 0) + (a[2] < 0), nb = (b[0] < 0) + (b[1] < 0) + (b[2] < 0);
    if (na != nb) return na < nb;
    return a > b;
}

gemmi::Op::Miller toGemmi(const Miller& m)
{
    return {{m.h, m.k, m.l}};
}

double lpFactor(double twoThetaDeg, const ReflectionOptions& o)
{
    if (!o.lorentzPolarisation) return 1.0;
    const double th = twoThetaDeg * kDegToRad / 2.0;
    const double c2 = std::cos(2.0 * th);
    const double s = std::sin(th);
    double k = 1.0; // cos²2θ_M; 1 without a monochromator
    if (o.monochromatorTwoThetaDeg > 0.0) {
        const double cm = std::cos(o.monochromatorTwoThetaDeg * kDegToRad);
        k = cm * cm;
    }
    const double pol = 1.0 + k * c2 * c2;
    return pol / (s * s * std::cos(th));
}

} // namespace

Expected<ReflectionList> computeReflectionList(const CrystalStructure& structure, const ReflectionOptions& o)
{
    const std::string where = structure.name;
    if (!structure.cell.isValid())
        return fail({}, where, "the crystal structure has an impossible unit cell");
    if (structure.sites.empty()) return fail({}, where, "the crystal structure has no atom sites");
    if (!(o.wavelengthA > 0.0) || !std::isfinite(o.wavelengthA))
        return fail({}, where, "the wavelength must be positive");
    if (!(o.twoThetaMaxDeg > o.twoThetaMinDeg) || o.twoThetaMinDeg < 0.0 || o.twoThetaMaxDeg > 180.0)
        return fail({}, where, "the 2θ range must satisfy 0 ≤ min < max ≤ 180°");

    try {
        std::vector<gemmi::Op> ops;
        for (const std::string& t : structure.symmetryOperations)
            ops.push_back(gemmi::parse_triplet(t));
        if (ops.empty()) ops.push_back(gemmi::Op::identity());
        const gemmi::GroupOps gops = gemmi::split_centering_vectors(ops);

        gemmi::SmallStructure small;
        const UnitCell& c = structure.cell;
        small.cell.set(c.aA, c.bA, c.cA, c.alphaDeg, c.betaDeg, c.gammaDeg);
        small.cell.images.clear();
        for (const gemmi::Op& op : gops) {
            if (op == gemmi::Op::identity()) continue;
            small.cell.images.push_back(gemmi::Transform{gemmi::rot_as_mat33(op), gemmi::tran_as_vec3(op)});
        }
        for (const AtomSite& a : structure.sites) {
            gemmi::SmallStructure::Site s;
            s.label = a.label;
            s.type_symbol = a.element;
            s.element = gemmi::Element(a.element);
            if (!gemmi::IT92<double>::has(s.element.elem))
                return fail({}, where, "no X-ray form factor for element '" + a.element + "'");
            s.fract = gemmi::Fractional(a.x, a.y, a.z);
            s.occ = a.occupancy;
            s.u_iso = a.uIsoA2;
            small.sites.push_back(s);
        }
        // Without this, atoms on special positions are counted once per coinciding image (xrd.md §9:
        // V2O3 (110) would come out at 100 instead of 83).
        small.change_occupancies_to_crystallographic();

        const double sinMax = std::sin(o.twoThetaMaxDeg * kDegToRad / 2.0);
        const double dMin = o.wavelengthA / (2.0 * sinMax);
        const int hMax = int(std::floor(c.aA / dMin)), kMax = int(std::floor(c.bA / dMin)),
                  lMax = int(std::floor(c.cA / dMin));
        const double qMax = 1.0 / (dMin * dMin);

        // Point-group rotations act on (h k l) as row vectors; with Friedel's law the Laue group adds −hkl.
        std::vector<gemmi::Op::Rot> rotations;
        for (const gemmi::Op& op : gops.sym_ops)
            rotations.push_back(op.rot);

        gemmi::StructureFactorCalculator<gemmi::IT92<double>> calc(small.cell);
        ReflectionList out;
        out.wavelengthA = o.wavelengthA;
        out.cell = c;
        out.latticeSystem = structure.latticeSystem;
        out.phaseName = structure.name;
        std::vector<gemmi::Op::Miller> orbit;
        for (int h = -hMax; h <= hMax; ++h)
            for (int k = -kMax; k <= kMax; ++k)
                for (int l = -lMax; l <= lMax; ++l) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    const Miller m{h, k, l};
                    const double q = c.inverseDSquared(m);
                    if (q > qMax * (1.0 + 1e-12)) continue;
                    const gemmi::Op::Miller hkl{{h, k, l}};
                    // Build the orbit and keep only its representative, so each family is computed once.
                    orbit.clear();
                    bool isRepresentative = true;
                    for (const gemmi::Op::Rot& r : rotations) {
                        gemmi::Op op;
                        op.rot = r;
                        op.tran = {0, 0, 0};
                        const gemmi::Op::Miller e = op.apply_to_hkl(hkl);
                        for (const gemmi::Op::Miller& f : {e, gemmi::Op::Miller{{-e[0], -e[1], -e[2]}}}) {
                            if (std::find(orbit.begin(), orbit.end(), f) != orbit.end()) continue;
                            orbit.push_back(f);
                            if (better(f, hkl)) isRepresentative = false;
                        }
                        if (!isRepresentative) break;
                    }
                    if (!isRepresentative) continue;
                    if (gops.is_systematically_absent(hkl)) continue;
                    const double d = 1.0 / std::sqrt(q);
                    const double tt = braggTwoThetaDeg(d, o.wavelengthA);
                    if (!std::isfinite(tt) || tt < o.twoThetaMinDeg || tt > o.twoThetaMaxDeg) continue;
                    Reflection r;
                    r.hkl = m;
                    r.dA = d;
                    r.twoThetaDeg = tt;
                    r.multiplicity = int(orbit.size());
                    r.f2 = std::norm(calc.calculate_sf_from_small_structure(small, hkl));
                    r.lorentzPolarisation = lpFactor(tt, o);
                    r.intensity = r.multiplicity * r.f2 * r.lorentzPolarisation;
                    out.reflections.push_back(r);
                }
        double maxF2 = 0.0;
        for (const Reflection& r : out.reflections)
            maxF2 = std::max(maxF2, r.f2);
        std::erase_if(out.reflections, [&](const Reflection& r) { return r.f2 <= o.zeroF2Fraction * maxF2; });
        if (out.reflections.empty())
            return fail({}, where, "no reflection of this phase falls in the 2θ range asked for");
        // Rings: families whose d agrees to rounding error form one powder line. The best label leads.
        std::sort(out.reflections.begin(), out.reflections.end(),
                  [](const Reflection& a, const Reflection& b) {
                      return a.dA != b.dA ? a.dA > b.dA : better(toGemmi(a.hkl), toGemmi(b.hkl));
                  });
        std::vector<Reflection> merged;
        for (const Reflection& r : out.reflections) {
            if (!merged.empty() && std::abs(merged.back().dA - r.dA) <= 1e-10 * r.dA) {
                Reflection& m = merged.back();
                m.f2 = (m.f2 * m.multiplicity + r.f2 * r.multiplicity) / (m.multiplicity + r.multiplicity);
                m.multiplicity += r.multiplicity;
                m.intensity += r.intensity;
                // The best label leads whichever family rounding put first.
                if (better(toGemmi(r.hkl), toGemmi(m.hkl))) {
                    m.otherFamilies.push_back(m.hkl);
                    m.hkl = r.hkl;
                } else {
                    m.otherFamilies.push_back(r.hkl);
                }
                continue;
            }
            merged.push_back(r);
        }
        out.reflections = std::move(merged);
        double maxI = 0.0;
        for (const Reflection& r : out.reflections)
            maxI = std::max(maxI, r.intensity);
        for (Reflection& r : out.reflections)
            r.relativeIntensity = 100.0 * r.intensity / maxI;
        return out; // decreasing d = increasing 2θ
    } catch (const std::exception& e) {
        return fail({}, where, std::string("the symmetry or structure could not be used: ") + e.what());
    }
}

ReflectionList repositionReflections(const ReflectionList& list, const UnitCell& cell, double wavelengthA)
{
    ReflectionList out = list;
    out.cell = cell;
    out.wavelengthA = wavelengthA;
    out.reflections.clear();
    for (Reflection r : list.reflections) {
        r.dA = cell.dSpacingA(r.hkl);
        r.twoThetaDeg = braggTwoThetaDeg(r.dA, wavelengthA);
        if (std::isfinite(r.twoThetaDeg)) out.reflections.push_back(r);
    }
    std::sort(out.reflections.begin(), out.reflections.end(),
              [](const Reflection& a, const Reflection& b) { return a.twoThetaDeg < b.twoThetaDeg; });
    return out;
}

} // namespace vanadis::xrd
