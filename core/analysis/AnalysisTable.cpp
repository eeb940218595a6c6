/// \file AnalysisTable.cpp
/// The one list of analyses. Adding an analysis = its own folder under core/analysis/<technique>/
/// plus one line here (README "Adding an analysis").

#include "analysis/Analysis.h"
#include "analysis/bet/BetAnalysis.h"
#include "analysis/echem/CvAnalysis.h"
#include "analysis/echem/CyclingAnalysis.h"
#include "analysis/echem/EisAnalysis.h"
#include "analysis/echem/GittAnalysis.h"
#include "analysis/fit/CurveFitAnalysis.h"
#include "analysis/tga/TgaAnalysis.h"
#include "analysis/xps/XpsAnalysis.h"
#include "analysis/xrd/XrdAnalysis.h"
#include "analysis/xrd/XrdSeriesAnalysis.h"

namespace vanadis {

const std::vector<const AnalysisDescriptor*>& registeredAnalyses()
{
    // clang-format off
    static const std::vector<const AnalysisDescriptor*> table{
        &betAnalysis(),
        &tgaAnalysis(),
        &xrdAnalysis(),
        &xrdSeriesAnalysis(),
        &xpsAnalysis(),
        &cyclingAnalysis(),
        &eisAnalysis(),
        &cvAnalysis(),
        &gittAnalysis(),
        &curveFitAnalysis(),
    };
    // clang-format on
    return table;
}

} // namespace vanadis
