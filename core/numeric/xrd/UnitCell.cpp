#include "numeric/xrd/UnitCell.h"

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::Matrix3d directMetric(const UnitCell& c)
{
    const double ca = std::cos(c.alphaDeg * kDegToRad), cb = std::cos(c.betaDeg * kDegToRad),
                 cg = std::cos(c.gammaDeg * kDegToRad);
    Eigen::Matrix3d g;
    g << c.aA * c.aA, c.aA * c.bA * cg, c.aA * c.cA * cb, //
        c.aA * c.bA * cg, c.bA * c.bA, c.bA * c.cA * ca,  //
        c.aA * c.cA * cb, c.bA * c.cA * ca, c.cA * c.cA;
    return g;
}
} // namespace

LatticeSystem latticeSystemOf(int n, bool rhombohedralAxes)
{
    if (n >= 195 && n <= 230) return LatticeSystem::Cubic;
    if (n >= 168) return n <= 194 ? LatticeSystem::Hexagonal : LatticeSystem::Triclinic;
    if (n >= 143) return rhombohedralAxes ? LatticeSystem::Rhombohedral : LatticeSystem::Hexagonal;
    if (n >= 75) return LatticeSystem::Tetragonal;
    if (n >= 16) return LatticeSystem::Orthorhombic;
    if (n >= 3) return LatticeSystem::Monoclinic;
    return LatticeSystem::Triclinic;
}

const char* latticeSystemName(LatticeSystem system)
{
    switch (system) {
    case LatticeSystem::Triclinic:
        return "triclinic";
    case LatticeSystem::Monoclinic:
        return "monoclinic";
    case LatticeSystem::Orthorhombic:
        return "orthorhombic";
    case LatticeSystem::Tetragonal:
        return "tetragonal";
    case LatticeSystem::Rhombohedral:
        return "rhombohedral";
    case LatticeSystem::Hexagonal:
        return "hexagonal";
    case LatticeSystem::Cubic:
        return "cubic";
    }
    return "triclinic";
}

std::string millerLabel(const Miller& m)
{
    return std::to_string(m.h) + ' ' + std::to_string(m.k) + ' ' + std::to_string(m.l);
}

double UnitCell::volumeA3() const
{
    const double ca = std::cos(alphaDeg * kDegToRad), cb = std::cos(betaDeg * kDegToRad),
                 cg = std::cos(gammaDeg * kDegToRad);
    const double s = 1.0 - ca * ca - cb * cb - cg * cg + 2.0 * ca * cb * cg;
    if (!(s > 0.0)) return kNaN;
    return aA * bA * cA * std::sqrt(s);
}

bool UnitCell::isValid() const
{
    for (double v : {aA, bA, cA})
        if (!(v > 0.0) || !std::isfinite(v)) return false;
    for (double v : {alphaDeg, betaDeg, gammaDeg})
        if (!(v > 0.0 && v < 180.0)) return false;
    const double vol = volumeA3();
    return std::isfinite(vol) && vol > 0.0;
}

std::array<double, 6> UnitCell::reciprocalMetric() const
{
    const Eigen::Matrix3d gs = directMetric(*this).inverse();
    return {gs(0, 0), gs(1, 1), gs(2, 2), gs(0, 1), gs(0, 2), gs(1, 2)};
}

double UnitCell::inverseDSquared(const Miller& m) const
{
    const auto g = reciprocalMetric();
    const double h = m.h, k = m.k, l = m.l;
    return g[0] * h * h + g[1] * k * k + g[2] * l * l + 2.0 * (g[3] * h * k + g[4] * h * l + g[5] * k * l);
}

double UnitCell::dSpacingA(const Miller& hkl) const
{
    const double q = inverseDSquared(hkl);
    return q > 0.0 ? 1.0 / std::sqrt(q) : kNaN;
}

UnitCell cellFromReciprocalMetric(const std::array<double, 6>& g)
{
    Eigen::Matrix3d gs;
    gs << g[0], g[3], g[4], g[3], g[1], g[5], g[4], g[5], g[2];
    const Eigen::LLT<Eigen::Matrix3d> llt(gs);
    if (llt.info() != Eigen::Success) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    const Eigen::Matrix3d d = gs.inverse();
    UnitCell c;
    c.aA = std::sqrt(d(0, 0));
    c.bA = std::sqrt(d(1, 1));
    c.cA = std::sqrt(d(2, 2));
    c.alphaDeg = std::acos(d(1, 2) / (c.bA * c.cA)) / kDegToRad;
    c.betaDeg = std::acos(d(0, 2) / (c.aA * c.cA)) / kDegToRad;
    c.gammaDeg = std::acos(d(0, 1) / (c.aA * c.bA)) / kDegToRad;
    return c;
}

UnitCell hexagonalFromRhombohedral(double aRA, double alphaDeg)
{
    const double alpha = alphaDeg * kDegToRad;
    return UnitCell::hexagonal(2.0 * aRA * std::sin(alpha / 2.0),
                               aRA * std::sqrt(3.0) * std::sqrt(1.0 + 2.0 * std::cos(alpha)));
}

double braggTwoThetaDeg(double dA, double wavelengthA)
{
    const double s = wavelengthA / (2.0 * dA);
    if (!(s >= 0.0 && s <= 1.0)) return kNaN;
    return 2.0 * std::asin(s) / kDegToRad;
}

double braggDSpacingA(double twoThetaDeg, double wavelengthA)
{
    return wavelengthA / (2.0 * std::sin(twoThetaDeg * kDegToRad / 2.0));
}

} // namespace vanadis::xrd
