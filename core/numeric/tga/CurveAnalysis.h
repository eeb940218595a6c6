#pragma once
/// \file CurveAnalysis.h
/// The complete analysis of one TGA run: DTG against time (Savitzky–Golay 1964), steps with ISO
/// 11358-1:2022 onsets, moisture below the dry-basis temperature and the oxidation-corrected carbon
/// content (tga.md §2). The Qt-facing computeTga (core/analysis/TgaAnalysis.h) wraps this. No Qt here.

#include "numeric/tga/CarbonContent.h"
#include "numeric/tga/Dtg.h"
#include "numeric/tga/MassReadings.h"
#include "numeric/tga/StepDetection.h"

#include <optional>

namespace vanadis::tga {

struct CurveAnalysisOptions {
    DtgOptions dtg;
    StepOptions steps;
    CarbonOptions carbon;      ///< its dryTemperatureC is also the moisture limit
    bool carbonContent = true; ///< false for runs that are not a burn-off (skips the carbon and its warnings)
};

struct CurveAnalysis {
    Dtg dtg;
    StepDetection steps;
    std::optional<MoistureReading> moisture; ///< empty when the run never reaches the dry-basis temperature
    std::optional<CarbonContent> carbon;     ///< empty when it cannot be read (see warnings)
    std::vector<std::string>
        warnings; ///< all warnings of the parts, in the order DTG, steps, moisture, carbon
};

/// Validates the run (validateCurve) and analyses it. Errors only for unusable input or invalid options;
/// anything that merely makes one number unavailable (no dry-basis temperature reached, say) is a warning.
Expected<CurveAnalysis> analyseCurve(const TgaCurve& curve, const CurveAnalysisOptions& options = {});

} // namespace vanadis::tga
