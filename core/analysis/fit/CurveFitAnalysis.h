#pragma once
/// \file CurveFitAnalysis.h
/// "Curve fit" in every technique tab, as Origin's NLFit or Fityk: a model typed as an expression
/// (or picked from a small library) fitted to any x column against any y column of any dataset, over a
/// range dragged on the plot, with start values, bounds, fixed flags and ties in a table; the curve, the
/// residuals, the parameters with 1σ and the correlation matrix. Runs only where the user starts it.

#include "analysis/Analysis.h"

namespace vanadis {

/// The declaration of the curve-fit analysis (id "curve_fit").
const AnalysisDescriptor& curveFitAnalysis();

} // namespace vanadis
