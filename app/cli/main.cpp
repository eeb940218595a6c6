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

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
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
