// Analyses run off the GUI thread: while a deliberately slow analysis computes, the event loop keeps
// answering within 50 ms, the tab says it is computing, and Cancel stops it without storing anything.

#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"
#include "io/ProjectDocument.h"
#include "model/Commands.h"
#include "model/Project.h"
#include "widgets/MainWindow.h"
#include "widgets/TechniqueTab.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

using namespace vanadis;

namespace {

/// Sleeps `seconds` in small slices (checking for cancel), then returns the point count.
const AnalysisDescriptor& slowAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QStringLiteral("slow_test");
        a.version = 1;
        a.technique = Technique::Xrd;
        a.name = QStringLiteral("Slow test analysis");
        a.input.types = {QStringLiteral("xrd_pattern")};
        a.params = [] { return ParamSchema{numberParam("seconds", "Seconds", "s", 0.0, 0.0, 60.0)}; };
        a.outputs = [] { return std::vector<OutputSpec>{{"points", "Points", {}, {}, true, {}}}; };
        a.figures = [] { return std::vector<FigureDecl>{{"slow", "Slow", true, {}}}; };
        a.compute = [](const ComputeInputs& in, const QJsonObject& p,
                       ComputeControl& c) -> Expected<QJsonObject> {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < p.value("seconds").toDouble() * 1000.0) {
                if (c.cancelled()) return fail("", "", "cancelled");
                c.setProgress(t.elapsed() / (p.value("seconds").toDouble() * 1000.0));
                QThread::msleep(5);
            }
            return QJsonObject{{"points", qint64(in.main.front().pointCount())}};
        };
        a.buildFigure = [](const QString&, const std::vector<FigureInput>& inputs) {
            FigureSpec f;
            for (const FigureInput& in : inputs) {
                FigureSeries s;
                s.label = in.legend;
                s.x = in.dataset->columns()[0].values;
                s.y = in.dataset->columns()[1].values;
                f.series.push_back(s);
            }
            return f;
        };
        return a;
    }();
    return d;
}

/// Largest gap between ticks of a 5 ms timer while \a busy holds, up to \a limitMs.
qint64 largestEventLoopGapMs(const std::function<bool()>& busy, int limitMs)
{
    QElapsedTimer total, gap;
    total.start();
    gap.start();
    qint64 worst = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] { worst = std::max(worst, gap.restart()); });
    tick.start();
    while (busy() && total.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return worst;
}

} // namespace

class TestCompute : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerExtraAnalysis(&slowAnalysis()); }

    void guiStaysResponsiveAndCancelWorks()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* xrd = w.techniqueTab(Technique::Xrd);
        w.tabs()->setCurrentWidget(xrd);
        // Its own view: "XRD pattern — Slow test analysis" beside the XRD analysis.
        xrd->setCurrentKind(QStringLiteral("XRD pattern — Slow test analysis"));
        QCOMPARE(xrd->currentKind(), QStringLiteral("XRD pattern — Slow test analysis"));
        const Dataset* d = xrd->currentDataset();
        QVERIFY2(d, "the XRD tab shows the slow analysis");
        const AnalysisRun* run = p.runFor(d->id(), "slow_test");
        QVERIFY(run);
        QCOMPARE(run->status, RunStatus::Ok); // the demo computed it (0 s)
        ComputeService* service = w.computeService();

        // 1. A 1.5 s computation: the event loop answers throughout, the result arrives and is stored.
        AnalysisRun slow = *run;
        slow.params["seconds"] = 1.5;
        slow.status = RunStatus::Stale;
        p.undoStack()->push(new SetRunCommand(&p, slow));
        service->request(slow.id);
        QVERIFY(service->isComputing(slow.id));
        QTest::qWait(50);
        const auto labels = xrd->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](QLabel* l) { return l->isVisible() && l->text().contains("Computing"); }));
        const qint64 gap = largestEventLoopGapMs([&] { return service->isComputing(slow.id); }, 10000);
        QVERIFY2(gap < 50, qPrintable(QString("event loop blocked for %1 ms (limit 50)").arg(gap)));
        QCOMPARE(p.run(slow.id)->status, RunStatus::Ok);
        QCOMPARE(p.run(slow.id)->result.value("points").toInteger(), qint64(d->pointCount()));

        // 2. A 5 s computation cancelled after 200 ms: it stops promptly and stores nothing.
        AnalysisRun longer = *p.run(slow.id);
        longer.params["seconds"] = 5.0;
        longer.status = RunStatus::Stale;
        p.undoStack()->push(new SetRunCommand(&p, longer));
        service->request(longer.id);
        QTest::qWait(200);
        QElapsedTimer t;
        t.start();
        service->cancel(longer.id);
        QVERIFY(service->waitForIdle(3000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString("cancel took %1 ms").arg(t.elapsed())));
        QCOMPARE(p.run(longer.id)->status, RunStatus::Stale);
        QCOMPARE(p.run(longer.id)->params["seconds"].toDouble(), 5.0);
    }
};

QTEST_MAIN(TestCompute)
#include "tst_compute.moc"
