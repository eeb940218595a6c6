#pragma once
/// \file InstrumentFunction.h
/// The instrument function of a diffractometer from a measured line-profile standard (Si SRM 640d,
/// LaB6 SRM 660c, corundum SRM 1976b; their own broadening taken as negligible), xrd.md §5: the
/// Gaussian FWHM of each fitted line follows Caglioti, Paoletti & Ricci (Nucl. Instrum. 3 (1958) 223),
/// Γ_G² = U tan²θ + V tanθ + W, and the Lorentzian FWHM the Thompson–Cox–Hastings form (J. Appl.
/// Cryst. 20 (1987) 79) Γ_L = X tanθ + Y/cosθ. Both are fitted by weighted linear least squares from the
/// per-line widths and their standard errors. Widths in degrees 2θ, U, V, W in deg², X, Y in deg. No Qt.

#include "numeric/Error.h"
#include "numeric/xrd/CrystalliteSize.h"

#include <span>
#include <string>
#include <vector>

namespace vanadis::xrd {

/// One fitted line of the standard, split into its Gaussian and Lorentzian FWHM (tchSplit or
/// voigtWidthsFromBreadths), with 1σ errors.
struct InstrumentLine {
    double twoThetaDeg = 0.0;
    double gaussFwhmDeg = 0.0, gaussFwhmErrDeg = 0.0;
    double lorentzFwhmDeg = 0.0, lorentzFwhmErrDeg = 0.0;
    double fwhmDeg = 0.0; ///< the line's total FWHM as fitted (for the residual of the function)
};

/// Settings of fitCagliotiFunction().
struct CagliotiFitOptions {
    /// Each line's width error is taken as at least this fraction of its width, so that one very strong
    /// line (a σ of 10⁻⁴°) does not pin the whole curve: real standards scatter by ≈ 1 % about the
    /// smooth function (peak asymmetry, Kα satellites), more than their counting errors say.
    double relativeErrorFloor = 0.01;
    /// Fit Γ_L = X tanθ + Y/cosθ as well (the profile reports a mixing): needs ≥ 3 lines.
    bool fitLorentzian = true;
};

/// The fitted instrument function with esd (1σ, from the covariance scaled by χ²_red) and residuals.
struct CagliotiFit {
    double uDeg2 = 0.0, vDeg2 = 0.0, wDeg2 = 0.0;
    double uErrDeg2 = 0.0, vErrDeg2 = 0.0, wErrDeg2 = 0.0;
    double correlationUV = 0.0, correlationUW = 0.0, correlationVW = 0.0;
    double xDeg = 0.0, yDeg = 0.0, xErrDeg = 0.0, yErrDeg = 0.0;
    bool lorentzianFitted = false;
    double chi2Reduced = 0.0; ///< of the Γ_G² fit
    /// Root-mean-square of (FWHM from the function − fitted FWHM)/fitted FWHM over the lines, %.
    double rmsResidualPct = 0.0;
    double maxResidualPct = 0.0;         ///< largest |…| of the same, %
    std::vector<double> residualPct;     ///< per line, in the order given
    std::vector<double> functionFwhmDeg; ///< TCH total FWHM of the function at each line
    std::vector<bool> used;              ///< per line given: whether it entered the fit
    int nLines = 0;
    std::vector<std::string> warnings;

    /// The function as the crystallite-size correction takes it (Kind::Caglioti).
    InstrumentBroadening broadening() const;
};

/// Fits U, V, W (and X, Y) to \a lines (≥ 3 with positive Gaussian widths at distinct 2θ; lines whose
/// width error exceeds half the width are not used, and outliers — more than 4 robust σ and 10 % off the
/// curve of the others — are left out one at a time while ≥ 4 remain). Warns when the
/// Gaussian curve is negative or the Lorentzian width negative anywhere within the lines' 2θ range, on
/// |correlation| > 0.99 (a narrow 2θ range) and when a line lies more than 10 % off the curve (sample
/// broadening or an overlap: a standard should show none). Errors: fewer than 3 usable lines.
Expected<CagliotiFit> fitCagliotiFunction(std::span<const InstrumentLine> lines,
                                          const CagliotiFitOptions& options = {});

/// Gaussian FWHM √(U tan²θ + V tanθ + W) in degrees at \a twoThetaDeg; NaN where the square is negative.
double cagliotiGaussFwhmDeg(double uDeg2, double vDeg2, double wDeg2, double twoThetaDeg);

/// Total FWHM (TCH) and Lorentz fraction η of \a instrument at \a twoThetaDeg; NaN where it is negative.
double instrumentFwhmDeg(const InstrumentBroadening& instrument, double twoThetaDeg, double* eta = nullptr);

} // namespace vanadis::xrd
