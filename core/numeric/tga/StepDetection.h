#pragma once
/// \file StepDetection.h
/// Mass-loss and mass-gain steps found from the DTG extrema, with the extrapolated onset and endset of
/// ISO 11358-1:2022 (intersection of the tangent at the inflection point, the DTG extremum, with linear
/// baselines fitted before and after the step) and the midpoint. No Qt here.

#include "numeric/tga/Dtg.h"
#include "numeric/tga/TgaCurve.h"

#include <string>
#include <vector>

namespace vanadis::tga {

/// What makes a DTG extremum a step.
struct StepOptions {
    double noiseFactor = 5.0;    ///< a step's DTG must exceed this many σ of the DTG noise
    double relativeFloor = 0.01; ///< … and this fraction of the largest |DTG| (keeps a noiseless curve sane)
    double minValleyDrop = 0.2;  ///< two extrema of one sign are two steps only when the DTG between them
                                 ///< drops by this fraction of the smaller one (and by the threshold)
    double minStepPct = 0.5;     ///< smallest |mass change| reported, % of the initial mass
    double baselineWidthC = 20.0; ///< width of the baseline fits before/after a step, °C
};

enum class StepKind { Loss, Gain };

/// One step of the mass curve. Temperatures in °C, masses in % of the initial mass unless named mg.
struct Step {
    StepKind kind = StepKind::Loss;
    std::size_t startIndex = 0, peakIndex = 0, endIndex = 0;
    double startC = 0.0, endC = 0.0; ///< where |DTG| rises above / falls back below half the threshold
    double peakC = 0.0;              ///< inflection: temperature of the DTG extremum (parabolic refinement)
    double peakTimeMin = 0.0;        ///< its time; 0 without a time column
    double peakDtg = 0.0;            ///< DTG at the extremum, in Dtg::primary() units
    double onsetC = 0.0;             ///< extrapolated onset (ISO 11358-1); NaN when undefined
    double endsetC = 0.0;            ///< extrapolated endset; NaN when undefined
    double midpointC = 0.0;          ///< half-way between the baselines; NaN when undefined
    double startPct = 0.0, endPct = 0.0;
    double massChangePct = 0.0; ///< endPct − startPct: negative for a loss
    double massChangeMg = 0.0;  ///< NaN without a mass column in mg
    bool isothermal = false;    ///< the step happens while the temperature holds (no onset in °C)
};

/// All steps of a run, in time order.
struct StepDetection {
    std::vector<Step> steps;
    double threshold = 0.0; ///< |DTG| a step had to exceed, Dtg::primary() units
    std::vector<std::string> warnings;
};

/// Steps from the DTG extrema (both signs) whose |DTG| exceeds max(noiseFactor·σ_DTG, relativeFloor·
/// max|DTG|); overlapping extrema of the same sign are kept apart when the DTG drops between them by more
/// than the threshold and by minValleyDrop of the smaller extremum (topographic prominence). Steps smaller
/// than minStepPct are dropped. A step already under way when the record starts has no onset (no baseline
/// before it), one still running at its end no endset.
StepDetection detectSteps(const TgaCurve& curve, const Dtg& dtg, const StepOptions& options = {});

/// A step between two indices chosen by the user (dragging on the plot): the extremum of the DTG inside,
/// its kind from the sign of the mass change, onset/endset/midpoint as for detected steps. The baselines
/// are fitted outside [first, last] but not beyond the neighbouring points given.
Step stepBetween(const TgaCurve& curve, const Dtg& dtg, std::size_t first, std::size_t last,
                 const StepOptions& options = {});

/// The tangent construction of ISO 11358-1:2022 for a step whose DTG extremum, start and end are set:
/// fills onsetC, endsetC, midpointC (NaN when undefined) and isothermal. Baselines are straight lines
/// fitted to mass % against temperature over baselineWidthC before the start (not before lowLimit) and
/// after the end (not after highLimit), or horizontal at the start/end mass when too few points lie there.
void tangentConstruction(const TgaCurve& curve, const Dtg& dtg, Step& step, std::size_t lowLimit,
                         std::size_t highLimit, double baselineWidthC,
                         std::vector<std::string>* warnings = nullptr);

} // namespace vanadis::tga
