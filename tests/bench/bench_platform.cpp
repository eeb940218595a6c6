// The platform's interactive figures (issue "Analysis platform v2"): opening the demo with stored
// results to a drawn BET tab, switching sample and tab, and filling Compare from stored results.
// Prints "<name> median=<ms> ms" per figure. Usage: bench_platform [runs]
#include "analysis/AnalysisRegistry.h"
#include "analysis/DemoProject.h"
#include "io/ProjectDocument.h"
#include "model/Project.h"
#include "widgets/CompareTab.h"
#include "widgets/MainWindow.h"
#include "widgets/ProjectTree.h"
#include "widgets/TechniqueTab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace vanadis;

namespace {
void report(const char* name, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%s median=%.2f ms (n=%zu, min %.2f, max %.2f)\n", name, ms[ms.size() / 2], ms.size(),
                ms.front(), ms.back());
}
} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 9;
    QTemporaryDir dir;
    const QString file = dir.filePath("demo.vanadis");
    {
        auto doc = ProjectDocument::createNew();
        populateDemoProject(doc->project());
        if (!doc->saveAs(file)) return 1;
    }
    std::vector<double> open, switchSample, switchTab, compare;
    const long long computesBefore = computeCallCount();
    for (int i = 0; i < runs; ++i) {
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QCoreApplication::processEvents();
        w.tabs()->setCurrentWidget(w.techniqueTab(Technique::Bet));
        QElapsedTimer t;
        t.start();
        if (!w.openProject(file)) return 1;
        w.repaint(); // drawn, not just laid out
        open.push_back(t.nsecsElapsed() / 1e6);

        const auto samples = w.document()->project().samples();
        for (const Sample* s : samples) {
            t.restart();
            w.projectTree()->selectSample(s->id);
            w.repaint();
            switchSample.push_back(t.nsecsElapsed() / 1e6);
        }
        for (Technique tech : {Technique::Tga, Technique::Bet, Technique::Xrd, Technique::Bet}) {
            t.restart();
            w.tabs()->setCurrentWidget(w.techniqueTab(tech));
            w.repaint();
            switchTab.push_back(t.nsecsElapsed() / 1e6);
        }
        CompareTab c;
        t.restart();
        c.refresh(&w.document()->project());
        compare.push_back(t.nsecsElapsed() / 1e6);
        w.close();
    }
    report("open_demo_to_drawn_bet_tab", open);
    report("switch_sample", switchSample);
    report("switch_tab", switchTab);
    report("compare_4_samples_stored", compare);
    std::printf("analysis_computations_during_benchmark=%lld (stored results are read, not recomputed)\n",
                computeCallCount() - computesBefore);
    return 0;
}
