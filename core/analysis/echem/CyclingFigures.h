#pragma once
/// \file CyclingFigures.h
/// Figures of the cycling analysis: capacity and CE (second axis) against cycle, voltage profiles,
/// dQ/dV with peak labels, rate capability.

#include "analysis/Analysis.h"

namespace vanadis {

std::vector<FigureDecl> cyclingFigureDecls();
FigureSpec cyclingFigure(const QString& figureId, const std::vector<FigureInput>& inputs);

} // namespace vanadis
