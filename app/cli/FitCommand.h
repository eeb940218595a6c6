#pragma once
/// \file FitCommand.h
/// `vanadis-cli fit FILE --model EXPR [--x COL] [--y COL] [--param NAME=START[,LO,HI|fixed]]...
/// [--tie NAME=EXPR]... [--range LO,HI] [--weights none|y|COL] [--json]`: a user-defined curve fit
/// on any two columns of any readable file (README "Command line").

#include <QStringList>

class QTextStream;

namespace vanadis::cli {

/// Runs the fit command; exit code 0 ok (also for a fit that did not converge: see `converged`),
/// 2 bad input, 1 anything else.
int cmdFit(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace vanadis::cli
