#pragma once
/// \file LineShape.h
/// Peak shapes for XPS, XRD and other spectra, area-normalised so that a component is
/// area × density(x). Each shape gives its density with the exact partial derivatives the fit
/// needs, its true FWHM and the height of a given area. Definitions follow ../shared/domain/xps.md §1:
/// GL(m) and SGL(m) exactly as CasaXPS defines them (m = 0 … 100, 0 = pure Gauss, F the width
/// parameter), Voigt through the Faddeeva function (libcerf, Johnson's implementation of
/// Zaghloul & Ali 2011), Pearson VII (Hall et al. 1977), an asymmetric Lorentzian LA(α, β) and a
/// split pseudo-Voigt.

#include <array>
#include <span>
#include <string>
#include <vector>

namespace vanadis::lineshape {

/// The shapes. Parameters of every shape start with center and fwhm (the width parameter F);
/// the extra ones are listed per shape (all in the units of x unless dimensionless).
enum class Shape {
    Gaussian,    ///< exp[−4 ln2 u²], u = (x − center)/F; FWHM = F
    Lorentzian,  ///< 1/(1 + 4u²); FWHM = F
    PseudoVoigt, ///< (1 − η)·G + η·L with the same F; extra: eta (0…1); FWHM = F
    Voigt,       ///< Gaussian ⊗ Lorentzian; fwhm = Gaussian FWHM, extra: fwhm_l (Lorentzian FWHM)
    PearsonVII,  ///< [1 + 4(2^{1/m} − 1)u²]^−m; extra: exponent m (> 0.5); FWHM = F
    GL,  ///< CasaXPS product GL(m): exp[−4 ln2 (1 − m/100)u²]/[1 + 4(m/100)u²]; extra: m (0…100)
    SGL, ///< CasaXPS sum SGL(m): (1 − m/100)·exp[−4 ln2 u²] + (m/100)/[1 + 4u²]; extra: m; FWHM = F
    SplitPseudoVoigt, ///< pseudo-Voigt with width F left of the centre and fwhm_right right of it; extras:
                      ///< fwhm_right, eta
    AsymLorentzian, ///< CasaXPS LA(α, β) without its Gaussian convolution (m = 0): [1 + 4u²]^−α left, ^−β
                    ///< right; extras: alpha, beta (> 0.5)
};

/// All shapes, for menus.
const std::vector<Shape>& allShapes();
/// Stable key: "gaussian", "lorentzian", "pseudo_voigt", "voigt", "pearson7", "gl", "sgl",
/// "split_pseudo_voigt", "la".
std::string shapeKey(Shape s);
/// Shape from its key; false when unknown.
bool shapeFromKey(const std::string& key, Shape& out);
/// Names of the shape's parameters: {"center", "fwhm", extras...}.
const std::vector<std::string>& shapeParameterNames(Shape s);
/// Number of shape parameters (centre, width, extras), without the area.
inline std::size_t shapeParameterCount(Shape s)
{
    return shapeParameterNames(s).size();
}

/// Area-normalised density at \a x for shape parameters \a p (center, fwhm, extras). When \a grad
/// is non-null it receives ∂density/∂p (same size as p). Widths must be > 0.
double density(Shape s, double x, std::span<const double> p, double* grad = nullptr);

/// Height (maximum) of the peak of unit area: multiply by the area to get the height.
double heightPerArea(Shape s, std::span<const double> p);
/// Area of the peak of unit height (the inverse), e.g. F·√(π/4ln2) for a Gaussian.
inline double areaPerHeight(Shape s, std::span<const double> p)
{
    return 1.0 / heightPerArea(s, p);
}
/// True full width at half maximum, in x units (for GL and Voigt not equal to the width parameter).
double trueFwhm(Shape s, std::span<const double> p);

} // namespace vanadis::lineshape
