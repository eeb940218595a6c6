// Cold start to first window: runs the real `vanadis` executable with --quit-after-start (it
// returns once the main window has painted) and prints the median wall time of several runs.
// Usage: bench_startup [path/to/vanadis] [runs]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString exe = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                 : QCoreApplication::applicationDirPath() + "/../../app/vanadis";
    const int runs = argc > 2 ? std::max(3, atoi(argv[2])) : 9;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains("QT_QPA_PLATFORM")) env.insert("QT_QPA_PLATFORM", "offscreen");
    for (const char* mode : {"empty", "demo"}) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QProcess p;
            p.setProcessEnvironment(env);
            QStringList args{"--quit-after-start"};
            if (QByteArray(mode) == "demo") args << "--demo";
            QElapsedTimer t;
            t.start();
            p.start(exe, args);
            if (!p.waitForFinished(30000) || p.exitCode() != 0) {
                std::fprintf(stderr, "vanadis failed to start: %s\n", qPrintable(p.errorString()));
                return 1;
            }
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("startup_%s median=%.1f ms (n=%d, min %.1f, max %.1f)\n", mode, ms[ms.size() / 2], runs,
                    ms.front(), ms.back());
    }
    return 0;
}
