#pragma once
/// \file Background.h
/// XPS backgrounds on a binding-energy axis (xps.md §2): iterative Shirley (Proctor & Sherwood, Anal.
/// Chem. 54 (1982) 13), linear, Tougaard two-parameter "universal" (Tougaard, Surf. Interface Anal. 14
/// (1989) 499) and three-parameter (Tougaard, Surf. Interface Anal. 25 (1997) 137), and the joint window
/// that puts several regions (V 2p + O 1s) under one background. No Qt here.
///
/// All functions accept an ascending or descending axis and return the background in the order of the
/// input points. Integrals are trapezoidal over the measured points.

#include "numeric/Error.h"

#include <span>
#include <string>
#include <vector>

namespace vanadis::xps {

/// Settings of the iterative Shirley background.
struct ShirleyOptions {
    int averagePoints = 5;     ///< end intensities I_lo, I_hi = mean of this many points at each end
    double offsetLowCps = 0.0; ///< added to I_lo (CasaXPS "offsets")
    double offsetHighCps = 0.0;
    double tolerance = 1e-6; ///< stop when max|B_{k+1} − B_k| < tolerance·|I_hi − I_lo|
    int maxIterations = 100;
    bool clipToData = false; ///< "Smart" Shirley: never above the data
};

/// An iterative Shirley background and how it converged.
struct ShirleyResult {
    std::vector<double> background; ///< in the order of the input points
    double lowEndCps = 0.0;         ///< I_lo (low binding energy end)
    double highEndCps = 0.0;        ///< I_hi
    int iterations = 0;
    bool converged = false;
};

/// Iterative Shirley: B₀ = I_lo, B_{k+1}(E) = I_lo + (I_hi − I_lo)·∫_{E_lo}^{E}[y − B_k] / ∫_{E_lo}^{E_hi}[y
/// − B_k] until max|B_{k+1} − B_k| < tolerance·|I_hi − I_lo| (xps.md §2). Errors: fewer than 2·averagePoints
/// + 1 points, non-finite values, a zero peak integral.
Expected<ShirleyResult> shirleyBackground(std::span<const double> bindingEv,
                                          std::span<const double> intensity,
                                          const ShirleyOptions& options = {});

/// Straight line between the end means (averagePoints at each end).
std::vector<double> linearBackground(std::span<const double> bindingEv, std::span<const double> intensity,
                                     int averagePoints = 5);

/// Tougaard loss-function parameters: K(T) = B·T/(C + T²)² (two-parameter, threeParameter = false) or
/// K(T) = B·T/[(C − T²)² + D·T²] (three-parameter, the published form with (C − T²)², pinned by a test);
/// T = energy loss in eV.
struct TougaardParams {
    double B = 2866.0; ///< eV²; rescaled when scaleToData is set
    double C = 1643.0; ///< eV²
    double D = 0.0;    ///< eV² (three-parameter only; polymers: C = 551, D = 436)
    bool threeParameter = false;
    bool scaleToData = true; ///< choose B so the background meets the mean of the highest-BE points
    int averagePoints = 5;
};

/// The loss function K(T) of \a p.
double tougaardKernel(const TougaardParams& p, double lossEv);

/// Tougaard background B(E_B) = c + ∫_{E_lo}^{E_B} K(E_B − E')·(y(E') − c) dE', c = mean of the
/// averagePoints lowest-BE points (the flat level below the peaks), with B rescaled (scaleToData) so the
/// background reaches the high-BE end mean. Returns the background and, in \a usedB, the B that was used.
std::vector<double> tougaardBackground(std::span<const double> bindingEv, std::span<const double> intensity,
                                       const TougaardParams& params, double* usedB = nullptr);

/// Points of several regions merged into one ascending spectrum over [loEv, hiEv] (xps.md §3: "one
/// background for V 2p and O 1s"). Points at the same energy (within 1e-6 eV) are averaged. Error when
/// the regions leave a gap wider than 5 median steps inside the window, so that no background is drawn
/// across unmeasured energies.
/// Where two regions overlap they must agree (same sample, same normalisation): a mean relative
/// difference beyond max(5 standard errors, 3 %) over the shared energies is reported in \a warnings
/// (different pass energies, dwell normalisation or samples), since one background drawn through two
/// disagreeing levels distorts every area of the fit.
struct JointSpectrum {
    std::vector<double> bindingEv; ///< ascending
    std::vector<double> intensity;
    std::vector<std::string> warnings;
};
Expected<JointSpectrum> jointWindow(const std::vector<std::span<const double>>& bindingEv,
                                    const std::vector<std::span<const double>>& intensity, double loEv,
                                    double hiEv);

/// Trapezoidal cumulative integral of \a y over ascending \a x (out[0] = 0).
void cumulativeTrapezoid(std::span<const double> x, std::span<const double> y, std::span<double> out);

} // namespace vanadis::xps
