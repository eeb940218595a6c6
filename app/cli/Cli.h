#pragma once
/// \file Cli.h
/// vanadis-cli: the headless twin of the GUI (see README "Command line" and shared CLI.md).
/// Exit codes: 0 ok, 2 bad input (file or arguments), 1 anything else.

#include <QStringList>

class QTextStream;

namespace vanadis::cli {

/// Runs one command. \a args excludes the program name. JSON goes to \a out, messages to \a err.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

/// True when the command needs a GUI application object (offscreen rendering of figures).
bool needsGuiApplication(const QStringList& args);

} // namespace vanadis::cli
