#pragma once
/// \file TgaFigures.h
/// The figures of the TGA analysis, built from its result JSON (the CLI contract) so that the GUI,
/// the CLI and exported figures draw the same thing.

#include "analysis/Analysis.h"

namespace vanadis {

std::vector<FigureDecl> tgaFigureDecls();
FigureSpec tgaFigure(const QString& figureId, const std::vector<FigureInput>& inputs);

} // namespace vanadis
