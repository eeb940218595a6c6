#pragma once
/// \file BetFigures.h
/// The figures of the BET analysis, built from its result JSON (the CLI contract) so that the GUI,
/// the CLI and exported figures draw the same thing.

#include "analysis/Analysis.h"

namespace vanadis {

std::vector<FigureDecl> betFigureDecls();
FigureSpec betFigure(const QString& figureId, const std::vector<FigureInput>& inputs);

} // namespace vanadis
