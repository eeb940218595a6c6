#pragma once
/// \file Dtg.h
/// Derivative thermogravimetry: d(mass %)/dt in % min⁻¹ by a Savitzky–Golay local polynomial
/// (Savitzky–Golay 1964), always against time (tga.md §3: isothermal holds make dm/dT blow up), with
/// d(mass %)/dT in % °C⁻¹ on request. No Qt here.

#include "numeric/tga/SavitzkyGolay.h"
#include "numeric/tga/TgaCurve.h"

#include <string>
#include <vector>

namespace vanadis::tga {

/// How the DTG is computed.
struct DtgOptions {
    int windowPoints = 0;    ///< odd; 0 = automatic (see automaticDtgWindow)
    int polynomialOrder = 2; ///< local quadratic, as the vendor packages use
    bool perDegree = false;  ///< also compute % °C⁻¹
};

/// The DTG of a run.
struct Dtg {
    std::vector<double> pctPerMin; ///< d(mass %)/dt, % min⁻¹; empty when the run has no time column
    std::vector<double> pctPerC; ///< d(mass %)/dT, % °C⁻¹ where |dT/dt| ≥ 0.1·heating rate, NaN elsewhere;
                                 ///< filled on request, and always when the run has no time column
    bool againstTime = true;         ///< false only for the temperature fallback (no time column)
    SavitzkyGolayWindow window;      ///< the window used (points of the binned series, order)
    int binPoints = 1;               ///< consecutive points averaged before differentiating (dense runs only)
    double windowMin = 0.0;          ///< the window's span in time, min (°C for the temperature fallback)
    double heatingRateKPerMin = 0.0; ///< median |dT/dt| over the heating/cooling parts; 0 when isothermal
    double massNoisePct = 0.0;       ///< 1σ point-to-point noise of mass %, robust estimate
    double noise = 0.0; ///< 1σ noise of the primary DTG (% min⁻¹, or % °C⁻¹ in the fallback)
    std::vector<std::string> warnings;

    /// The DTG the steps are found in: % min⁻¹, or % °C⁻¹ in the fallback.
    const std::vector<double>& primary() const { return againstTime ? pctPerMin : pctPerC; }
    /// The abscissa of primary(): time or temperature.
    const std::vector<double>& abscissa(const TgaCurve& c) const
    {
        return againstTime ? c.timeMin : c.temperatureC;
    }
    /// The same span as a window over the raw points (window.points × binPoints, odd), for local fits of
    /// the mass itself at single points.
    SavitzkyGolayWindow rawWindow() const { return {(window.points * binPoints) | 1, window.order}; }
};

/// The automatic window: the points of a Savitzky–Golay window and how many raw points are averaged
/// into each of them.
struct DtgWindowChoice {
    int points = 5;
    int binPoints = 1;
};

/// Median |dT/dt| over the steps where the temperature changes by more than 0.5 K min⁻¹, K min⁻¹;
/// 0 for an isothermal run or one without time.
double heatingRateKPerMin(const TgaCurve& curve);

/// The automatic window spans min(2 min, 10 °C at the run's heating rate): an odd number of points, at least
/// 5 (and more than the order). When that would exceed 201 points (dense logging: 0.1 s per point gives
/// 1200), blocks of binPoints consecutive points are averaged first so that the window keeps its span in
/// time with about 101 binned points: the DTG noise then does not depend on how densely the balance logs,
/// and a 100 000-point run costs O(n).
DtgWindowChoice automaticDtgWindow(const TgaCurve& curve, int polynomialOrder);

/// 1σ noise of a sampled signal from the median absolute second difference (robust to steps and to
/// curvature much slower than the sampling): σ = 1.4826·MAD(Δ²y)/√6.
double robustNoiseSigma(std::span<const double> y);

/// DTG of a validated run (validateCurve). Against time in % min⁻¹; without a time column against
/// temperature in % °C⁻¹ with a warning (requires monotonic temperature). With binning (see
/// automaticDtgWindow) the derivative of the block means is interpolated linearly back to every point.
/// An explicit options.windowPoints is used on the raw points as given, without binning.
Expected<Dtg> computeDtg(const TgaCurve& curve, const DtgOptions& options = {});

} // namespace vanadis::tga
