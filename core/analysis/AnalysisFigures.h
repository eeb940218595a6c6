#pragma once
/// \file AnalysisFigures.h
/// Figures of the analyses, built from their result JSON (the CLI contract) so that the GUI, the
/// CLI and exported figures draw the same thing.

#include "analysis/AnalysisRegistry.h"

namespace vanadis {

/// BET figures: 0 isotherms with BJH inset (overlay), 1 BET plot with the window (current sample),
/// 2 Rouquerol plot with the window (current sample), 3 pore-size distribution (overlay),
/// 4 t-plot (current sample).
std::vector<AnalysisFigure> betFigureList();
FigureSpec betFigure(int index, const std::vector<AnalysisInput>& inputs);

/// TGA figures: 0 mass and DTG of all samples with steps, 1 carbon-content readings (current sample).
std::vector<AnalysisFigure> tgaFigureList();
FigureSpec tgaFigure(int index, const std::vector<AnalysisInput>& inputs);

} // namespace vanadis
