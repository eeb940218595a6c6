#include "numeric/tga/CurveAnalysis.h"

namespace vanadis::tga {

Expected<CurveAnalysis> analyseCurve(const TgaCurve& curve, const CurveAnalysisOptions& o)
{
    if (auto ok = validateCurve(curve); !ok) return std::unexpected(ok.error());
    CurveAnalysis out;
    auto dtg = computeDtg(curve, o.dtg);
    if (!dtg) return std::unexpected(dtg.error());
    out.dtg = std::move(*dtg);
    out.warnings = out.dtg.warnings;

    out.steps = detectSteps(curve, out.dtg, o.steps);
    out.warnings.insert(out.warnings.end(), out.steps.warnings.begin(), out.steps.warnings.end());

    if (auto m = moistureLoss(curve, o.carbon.dryTemperatureC, o.carbon.dryWindowC))
        out.moisture = std::move(*m);
    else
        out.warnings.push_back("No moisture loss: " + m.error().reason + ".");

    if (o.carbonContent) {
        if (auto c = carbonContent(curve, o.carbon)) {
            out.carbon = std::move(*c);
            out.warnings.insert(out.warnings.end(), out.carbon->warnings.begin(), out.carbon->warnings.end());
        } else {
            out.warnings.push_back("No carbon content: " + c.error().reason + ".");
        }
    }
    return out;
}

} // namespace vanadis::tga
