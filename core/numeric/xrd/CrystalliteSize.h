#pragma once
/// \file CrystalliteSize.h
/// Crystallite size and microstrain from line breadths (xrd.md §5): the Scherrer equation
/// D = Kλ/(β cos θ) (P. Scherrer 1918; K and breadth conventions after J. I. Langford & A. J. C. Wilson,
/// J. Appl. Cryst. 11 (1978) 102) and the Williamson–Hall plot β cos θ = Kλ/D + 4ε sin θ
/// (G. K. Williamson & W. H. Hall, Acta Metall. 1 (1953) 22), after removing the instrument's
/// broadening. Breadths are in degrees 2θ on input and converted to radians of 2θ for the formulas;
/// sizes in nm, wavelengths in Å. No Qt here.
///
/// Instrument correction (the choice made here, documented as xrd.md §5 asks): by default every line is
/// split into a Gaussian and a Lorentzian FWHM — the profile's shape factor φ = FWHM/β fixes the Lorentz
/// fraction of the equivalent area-mixing pseudo-Voigt, and the Thompson–Cox–Hastings relations (J. Appl.
/// Cryst. 20 (1987) 79) are inverted exactly for Γ_G and Γ_L — then the Gaussian parts are subtracted in
/// quadrature, Γ_G,s² = Γ_G² − Γ_G,inst², and the Lorentzian parts linearly, Γ_L,s = Γ_L − Γ_L,inst, and the
/// sample's FWHM and integral breadth are recombined with TCH. A single rule for the whole breadth
/// (quadrature or linear) is offered too, for comparison with papers that use it.

#include "numeric/Constants.h"
#include "numeric/Error.h"

#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// Which breadth enters Scherrer/Williamson–Hall.
enum class BreadthMeasure {
    Fwhm,            ///< full width at half maximum; K ≈ 0.9 (0.89 spheres, 0.94 cubes)
    IntegralBreadth, ///< area/height; K ≈ 1 gives the volume-weighted apparent size (Langford & Wilson 1978)
};

/// How the instrument's breadth is removed.
enum class BroadeningCorrection {
    Voigt,      ///< Gaussian parts in quadrature, Lorentzian parts linearly (default, see the file comment)
    Quadrature, ///< β_s² = β² − β_inst² for the whole breadth (Gaussian profiles)
    Linear,     ///< β_s = β − β_inst for the whole breadth (Lorentzian profiles)
    None,       ///< no correction (only for a comparison: the size is then a lower bound)
};

/// Gaussian and Lorentzian FWHM of a Voigt-like profile, degrees 2θ.
struct VoigtWidths {
    double gaussFwhmDeg = 0.0;
    double lorentzFwhmDeg = 0.0;
};

/// One line of a measured standard (LaB6 SRM 660c, Si SRM 640d, corundum SRM 1976b) fitted with the same
/// optics.
struct StandardLine {
    double twoThetaDeg = 0.0;
    double fwhmDeg = 0.0;
    double integralBreadthDeg = 0.0; ///< 0 = not known: the line is taken as Gaussian
};

/// The instrument's broadening as a function of 2θ.
struct InstrumentBroadening {
    enum class Kind {
        None, ///< no instrument broadening known
        Caglioti, ///< Γ_G² = U tan²θ + V tanθ + W and Γ_L = X tanθ + Y/cosθ (Caglioti, Paoletti & Ricci 1958)
        Table, ///< a standard's fitted lines, interpolated linearly in 2θ (Γ_G² and Γ_L), held beyond the
               ///< ends
    };
    Kind kind = Kind::None;
    double uDeg2 = 0.0, vDeg2 = 0.0, wDeg2 = 0.0; ///< Caglioti U, V, W in deg²
    double xDeg = 0.0, yDeg = 0.0;                ///< Lorentzian X, Y in deg
    std::vector<StandardLine> table = {};
};

/// One sample line as fitted (ProfilePeak gives these values).
struct BreadthLine {
    double twoThetaDeg = 0.0;
    double fwhmDeg = 0.0, fwhmErrDeg = 0.0;
    double integralBreadthDeg = 0.0, integralBreadthErrDeg = 0.0; ///< needed for the Voigt correction
    /// Gaussian/Lorentzian FWHM when a Voigt was fitted (ProfilePeak::widths with ProfileShape::Voigt): the
    /// Voigt correction then uses them instead of splitting FWHM and β; zero = not known.
    VoigtWidths widths = {};
};

/// Settings of scherrerSize() and williamsonHall().
struct SizeOptions {
    double wavelengthAngstrom = constants::cuKa1Angstrom; ///< Kα1 λ (use the Kα1 component's width)
    double scherrerK = 0.9;
    BreadthMeasure measure = BreadthMeasure::Fwhm;
    BroadeningCorrection correction = BroadeningCorrection::Voigt;
    InstrumentBroadening instrument = {};
};

/// A line's breadth before and after the instrument correction.
struct SampleBreadth {
    double twoThetaDeg = 0.0;
    double observedDeg = 0.0;   ///< the chosen measure as fitted
    double instrumentDeg = 0.0; ///< the instrument's breadth of the same measure at this 2θ
    double sampleDeg = 0.0, sampleErrDeg = 0.0;
    double sampleRad = 0.0, sampleErrRad = 0.0; ///< radians of 2θ, as the formulas need
    VoigtWidths sampleWidths = {};              ///< the sample's Gaussian/Lorentzian FWHM (Voigt correction)
    bool nearInstrument = false;                ///< observed < 1.2 × instrument: the size is unreliable
    std::vector<std::string> warnings;
};

/// Scherrer size of one line, with the breadth it came from and the conventions used.
struct ScherrerResult {
    double sizeNm = 0.0, sizeErrNm = 0.0; ///< NaN when the line is not broader than the instrument
    double scherrerK = 0.9;
    BreadthMeasure measure = BreadthMeasure::Fwhm;
    SampleBreadth breadth;
    std::vector<std::string> warnings;
};

/// Williamson–Hall fit: β cos θ (rad) against 4 sin θ over the lines.
struct WilliamsonHallResult {
    double sizeNm = 0.0, sizeErrNm = 0.0;           ///< Kλ/intercept
    double microstrain = 0.0, microstrainErr = 0.0; ///< the slope ε (dimensionless; ×100 for %)
    double intercept = 0.0, interceptErr = 0.0;     ///< rad
    double r2 = 0.0;
    std::vector<double> fourSinTheta, betaCosThetaRad; ///< the plotted points
    std::vector<SampleBreadth> lines;
    std::vector<std::string> warnings;
};

/// Thompson–Cox–Hastings (1987): total FWHM and area-mixing Lorentz fraction η of the pseudo-Voigt that
/// approximates the Voigt with these Gaussian and Lorentzian FWHM (degrees or any unit).
void tchCombine(const VoigtWidths& widths, double& fwhm, double& eta);

/// The exact inverse of tchCombine: Gaussian and Lorentzian FWHM from the total FWHM and η (0 … 1).
VoigtWidths tchSplit(double fwhm, double eta);

/// Gaussian and Lorentzian FWHM of a profile with this FWHM and integral breadth (any shape: the shape
/// factor φ = FWHM/β gives η of the equivalent area-mixing pseudo-Voigt, φ = η·2/π + (1 − η)·2√(ln2/π),
/// then tchSplit). φ outside the Lorentzian…Gaussian range is clamped.
VoigtWidths voigtWidthsFromBreadths(double fwhmDeg, double integralBreadthDeg);

/// Integral breadth (area/height) of the TCH pseudo-Voigt with these widths.
double integralBreadthOf(const VoigtWidths& widths);

/// Instrument Gaussian/Lorentzian FWHM at \a twoThetaDeg. Errors: a Caglioti function negative there,
/// an empty or unsorted table.
Expected<VoigtWidths> instrumentWidths(const InstrumentBroadening& instrument, double twoThetaDeg);

/// The sample breadth of one line after the instrument correction (see the file comment).
Expected<SampleBreadth> sampleBreadth(const BreadthLine& line, const SizeOptions& options);

/// Scherrer size D = Kλ/(β_s cos θ) of one line, with the error from the breadth's error. Errors for bad
/// input (2θ outside (0, 180), non-positive widths or λ); a line no broader than the instrument gives
/// NaN and a warning.
Expected<ScherrerResult> scherrerSize(const BreadthLine& line, const SizeOptions& options);

/// Williamson–Hall over \a lines (≥ 2 usable; ≥ 4 over a wide 2θ range recommended): size and strain
/// with standard errors from the straight-line fit (numeric/LinearFit). Warns on fewer than 3 lines,
/// a negative slope or intercept (anisotropic broadening) and R² < 0.5.
Expected<WilliamsonHallResult> williamsonHall(std::span<const BreadthLine> lines, const SizeOptions& options);

} // namespace vanadis::xrd
