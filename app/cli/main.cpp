// vanadis-cli entry point. A QApplication (offscreen) is created only for commands that render
// figures; everything else runs on QCoreApplication and never touches a display.
#include "app/cli/Cli.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

#ifdef VANADIS_HAVE_PLOT
#include <QApplication>
#endif

namespace {
/// Qt's own warnings (e.g. "XDG_RUNTIME_DIR not set") would break the rule that an error is one
/// line on stderr; they are shown only with VANADIS_VERBOSE=1.
void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtFatalMsg || qEnvironmentVariableIntValue("VANADIS_VERBOSE"))
        std::fprintf(stderr, "%s\n", qPrintable(msg));
}
} // namespace

int main(int argc, char** argv)
{
    qInstallMessageHandler(quietMessages);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> app;
#ifdef VANADIS_HAVE_PLOT
    if (vanadis::cli::needsGuiApplication(args)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!app) app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName("Vanadis");
    QCoreApplication::setApplicationName("Vanadis");
    QCoreApplication::setApplicationVersion(VANADIS_VERSION);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = vanadis::cli::run(args, out, err);
    out.flush();
    err.flush();
    return rc;
}
