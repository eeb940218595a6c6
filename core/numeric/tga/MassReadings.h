#pragma once
/// \file MassReadings.h
/// Readings taken off a TGA curve between cursors, as the vendor packages offer them (NETZSCH "Mass
/// Change"/"Residual Mass", TA "Weight change"/"Residue"; ISO 11358-1:2022 §3): mass at a temperature,
/// mass change between two temperatures, residue, moisture loss, and plateau means with their standard
/// errors. Temperatures are looked up on the first heating pass. No Qt here.

#include "numeric/tga/TgaCurve.h"

#include <optional>
#include <string>

namespace vanadis::tga {

/// A contiguous index range [first, last] of a run.
struct IndexRange {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t count() const { return last - first + 1; }
};

/// Mean of a plateau with its statistics, in the unit of the mass it was taken from (mg or %).
struct PlateauReading {
    double mean = 0.0;
    double standardError = 0.0; ///< sd/√n: the noise of the mean
    double sd = 0.0;            ///< sample standard deviation of the points
    std::size_t count = 0;
    IndexRange range;
    double fromC = 0.0, toC = 0.0;     ///< lowest and highest temperature of the points, °C
    double fromMin = 0.0, toMin = 0.0; ///< first and last time, min (0 without a time column)
    double slopePerMin =
        0.0;               ///< least-squares drift over the plateau, mass unit per min (per °C without time)
    double slopeErr = 0.0; ///< its standard error
    double drift = 0.0;    ///< slope × plateau duration: how much the mass moves across the plateau
    double driftErr = 0.0;
};

/// The statistics of the points in range (mean, sd, standard error, linear drift against time, or
/// against temperature without a time column).
PlateauReading plateauReading(const TgaCurve& curve, const std::vector<double>& mass, IndexRange range);

/// The first contiguous run of points with lowC ≤ T ≤ highC, starting where the temperature first enters
/// the interval; nullopt when it never does.
std::optional<IndexRange> firstPassRange(const std::vector<double>& temperatureC, double lowC, double highC);

/// The last contiguous run of points with lowC ≤ T ≤ highC (the run's end plateau); nullopt when none.
std::optional<IndexRange> lastPassRange(const std::vector<double>& temperatureC, double lowC, double highC);

/// The trailing points within widthC of the final temperature ("the last 20 °C of the run"): the longest
/// tail whose temperatures all lie within [T_last − widthC, T_last + widthC].
IndexRange trailingRange(const std::vector<double>& temperatureC, double widthC);

/// Mass at temperature T, linearly interpolated where the temperature first crosses T; nullopt when the
/// run never reaches T.
std::optional<double> massAtTemperature(const std::vector<double>& temperatureC,
                                        const std::vector<double>& mass, double temperatureC0);

/// Mass change between two temperatures (ISO 11358-1 "mass loss step" between cursors), both read on the
/// first heating pass.
struct MassChange {
    double fromC = 0.0, toC = 0.0;
    double fromPct = 0.0, toPct = 0.0; ///< mass % at both cursors
    double changePct = 0.0;            ///< toPct − fromPct: negative for a loss, positive for a gain
    double changeMg = 0.0;             ///< the same in mg; NaN without a mass column in mg
};
Expected<MassChange> massChange(const TgaCurve& curve, double fromC, double toC);

/// Residue at temperature T in % of the initial mass (NETZSCH "Residual Mass", TA "Residue").
Expected<double> residueAtPct(const TgaCurve& curve, double temperatureC0);

/// The initial mass against which moisture is counted: a straight line through the first points (up to
/// 11, within 5 °C of the start) read at the first point, since water starts leaving at once. `mean` holds
/// that value and `standardError` its standard error.
PlateauReading initialReading(const TgaCurve& curve, const std::vector<double>& mass);

/// Moisture (or solvent) lost below dryBelowC: 100·(m_initial − m_dry)/m_initial, with m_dry the mean over
/// dryWindowC around dryBelowC on the first heating pass. Error when the run never reaches the window.
struct MoistureReading {
    double moisturePct = 0.0;    ///< % of the initial mass
    double moisturePctErr = 0.0; ///< 1σ from the noise of both means
    PlateauReading initial, dry;
};
Expected<MoistureReading> moistureLoss(const TgaCurve& curve, double dryBelowC, double dryWindowC);

} // namespace vanadis::tga
