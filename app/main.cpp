// Vanadis desktop application entry point.
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Vanadis");
    QApplication::setApplicationName("Vanadis");
    QApplication::setApplicationVersion(VANADIS_VERSION);
    QApplication::setDesktopFileName("org.vanadis.Vanadis");
    QApplication::setStyle(QStyleFactory::create("Fusion"));

    // The words follow the system language; numbers use one convention everywhere — the decimal point
    // of figures, exports, the CLI and the papers — so a value typed in a form, read in a panel and
    // drawn on an axis always look alike.
    QTranslator qtTranslator, appTranslator;
    const QLocale system;
    if (qtTranslator.load(system, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(system, "vanadis", "_", ":/i18n")) QApplication::installTranslator(&appTranslator);
    QLocale numbers = QLocale::c();
    numbers.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
    QLocale::setDefault(numbers);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Materials characterisation workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({"demo", QApplication::translate("main", "Open the demo series CS, WCS, HCS, HMCS.")});
    QCommandLineOption quitAfterStart("quit-after-start",
                                      "Quit once the first window is painted (benchmark).");
    quitAfterStart.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(quitAfterStart);
    parser.addPositionalArgument("project", QApplication::translate("main", "Project file to open."),
                                 "[project.vanadis]");
    parser.process(app);

    vanadis::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (parser.isSet("demo"))
        window.openDemo();
    else if (!files.isEmpty())
        window.openProject(files.first());
    if (parser.isSet(quitAfterStart)) {
        window.repaint();
        return 0;
    }
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return app.exec();
}
