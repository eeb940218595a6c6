#pragma once
/// \file UnitCell.h
/// Unit cell geometry for powder diffraction: lattice systems, the reciprocal metric tensor, d-spacings
/// and Bragg angles (International Tables for Crystallography Vol. B, §1.1; Giacovazzo, Fundamentals of
/// Crystallography, ch. 2). Lengths in Å, angles in degrees. No Qt here.

#include <array>
#include <compare>
#include <string>

namespace vanadis::xrd {

/// The seven lattice systems as a cell refinement constrains them. Trigonal space groups described on
/// hexagonal axes (R-3c :H, the setting of V2O3 and corundum) are refined as Hexagonal (a, c);
/// Rhombohedral means rhombohedral axes (a = b = c, α = β = γ). Monoclinic is b-unique (β free).
enum class LatticeSystem { Triclinic, Monoclinic, Orthorhombic, Tetragonal, Rhombohedral, Hexagonal, Cubic };

/// Lattice system of space group \a spaceGroupNumber (1–230): 1–2 triclinic, 3–15 monoclinic, 16–74
/// orthorhombic, 75–142 tetragonal, 143–167 trigonal (Hexagonal, or Rhombohedral when
/// \a rhombohedralAxes), 168–194 hexagonal, 195–230 cubic. Out-of-range numbers give Triclinic.
LatticeSystem latticeSystemOf(int spaceGroupNumber, bool rhombohedralAxes = false);

/// English name ("cubic", "hexagonal", …) for logs and JSON keys.
const char* latticeSystemName(LatticeSystem system);

/// Miller indices of a reflection (h k l), hexagonal axes for trigonal/hexagonal phases.
struct Miller {
    int h = 0, k = 0, l = 0;
    auto operator<=>(const Miller&) const = default;
};

/// "1 0 4", or "1 0 10" (space-separated so two-digit indices stay readable).
std::string millerLabel(const Miller& hkl);

/// A unit cell: lengths in Å, angles in degrees.
struct UnitCell {
    double aA = 1.0, bA = 1.0, cA = 1.0;
    double alphaDeg = 90.0, betaDeg = 90.0, gammaDeg = 90.0;

    static UnitCell cubic(double aA) { return {aA, aA, aA, 90.0, 90.0, 90.0}; }
    static UnitCell tetragonal(double aA, double cA) { return {aA, aA, cA, 90.0, 90.0, 90.0}; }
    static UnitCell hexagonal(double aA, double cA) { return {aA, aA, cA, 90.0, 90.0, 120.0}; }
    static UnitCell rhombohedral(double aA, double alphaDeg)
    {
        return {aA, aA, aA, alphaDeg, alphaDeg, alphaDeg};
    }
    static UnitCell orthorhombic(double aA, double bA, double cA) { return {aA, bA, cA, 90.0, 90.0, 90.0}; }
    /// b-unique monoclinic cell.
    static UnitCell monoclinic(double aA, double bA, double cA, double betaDeg)
    {
        return {aA, bA, cA, 90.0, betaDeg, 90.0};
    }

    /// V = abc·√(1 − cos²α − cos²β − cos²γ + 2 cosα cosβ cosγ), Å³; NaN for an impossible cell.
    double volumeA3() const;
    /// Positive finite lengths and angles that close into a cell of positive volume.
    bool isValid() const;
    /// Reciprocal metric tensor G* = G⁻¹ (Å⁻²) as {g11, g22, g33, g12, g13, g23}, so that
    /// 1/d² = g11h² + g22k² + g33l² + 2g12hk + 2g13hl + 2g23kl.
    std::array<double, 6> reciprocalMetric() const;
    /// 1/d² of (h k l), Å⁻².
    double inverseDSquared(const Miller& hkl) const;
    /// Interplanar spacing d of (h k l), Å.
    double dSpacingA(const Miller& hkl) const;
};

/// The cell whose reciprocal metric tensor is \a gStar ({g11, g22, g33, g12, g13, g23}, Å⁻²), by inverting
/// it to the direct metric; an invalid cell (all NaN) when G* is not positive definite.
UnitCell cellFromReciprocalMetric(const std::array<double, 6>& gStar);

/// Hexagonal axes of a rhombohedral cell (obverse setting): a_h = 2a_r sin(α/2), c_h = a_r√3√(1 + 2cosα)
/// (xrd.md §1).
UnitCell hexagonalFromRhombohedral(double aRA, double alphaDeg);

/// Bragg angle 2θ (degrees) of spacing \a dA at wavelength \a wavelengthA (λ = 2d sinθ); NaN when λ > 2d.
double braggTwoThetaDeg(double dA, double wavelengthA);
/// Spacing d (Å) of a line at 2θ (degrees): d = λ/(2 sinθ).
double braggDSpacingA(double twoThetaDeg, double wavelengthA);

} // namespace vanadis::xrd
