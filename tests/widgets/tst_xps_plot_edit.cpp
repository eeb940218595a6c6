// The XPS component editor on the fit plot, through the gestures (PlotView → TechniqueTab → the point
// binding of the "xps_fit" figure), on the demo's V 2p + O 1s fit with the study preset: the preset's
// seven centres are markers, the four tied ones (2p1/2 lines, O vacancy, C–O) linked; dragging the V³⁺
// 2p3/2 marker refits live, its 2p1/2 partner following, and on release turns the preset into the custom
// model with that centre moved in one undo step; a tied marker does not drag; a double click adds a
// component at that binding energy and a right click on its marker removes it, one undo step each.
// Screenshots (the preset's markers, the dragged custom model) go to $VANADIS_SCREENSHOT_DIR (or a
// temporary folder).

#include "io/ProjectDocument.h"
#include "model/Project.h"
#include "widgets/MainWindow.h"
#include "widgets/TechniqueTab.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#ifndef signals
#define signals Q_SIGNALS
#define VANADIS_QCP_SIGNALS
#endif
#include <qcustomplot.h>
#ifdef VANADIS_QCP_SIGNALS
#undef signals
#undef VANADIS_QCP_SIGNALS
#endif

using namespace vanadis;

namespace {

void send(QWidget* target, QEvent::Type type, const QPointF& pos, Qt::MouseButton button,
          Qt::MouseButtons buttons, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QMouseEvent e(type, pos, target->mapToGlobal(pos), button, buttons, mods);
    QCoreApplication::sendEvent(target, &e);
}

const AnalysisRun* xpsRun(const Project& p, Id dataset)
{
    return p.runFor(dataset, QStringLiteral("xps"));
}

QString model(const Project& p, Id dataset)
{
    const AnalysisRun* r = xpsRun(p, dataset);
    return r ? r->params.value("model").toString() : QString();
}

QJsonArray components(const Project& p, Id dataset)
{
    const AnalysisRun* r = xpsRun(p, dataset);
    return r ? r->params.value("components").toArray() : QJsonArray();
}

bool settled(const Project& p, Id dataset)
{
    const AnalysisRun* r = xpsRun(p, dataset);
    return r && r->status == RunStatus::Ok;
}

} // namespace

class TestXpsPlotEdit : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void dragAddAndRemoveComponentsOnThePresetFit()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* xps = w.techniqueTab(Technique::Xps);
        w.tabs()->setCurrentWidget(xps);
        bool found = false;
        for (QComboBox* c : xps->findChildren<QComboBox*>())
            for (int i = 0; i < c->count() && !found; ++i) {
                c->setCurrentIndex(i);
                found = xps->setCurrentFigureId(QStringLiteral("xps_fit"));
            }
        QVERIFY2(found, "the XPS view offers the component-fit figure");
        QVERIFY(xps->currentDataset());
        const Id ds = xps->currentDataset()->id();
        QVERIFY2(xpsRun(p, ds), "the demo fits this V 2p region");
        QTRY_VERIFY_WITH_TIMEOUT(settled(p, ds), 30000);
        QTest::qWait(200);
        QCOMPARE(model(p, ds), QStringLiteral("study_v2p_o1s"));
        PlotView* view = xps->plotView();
        QCustomPlot* plot = view->plot();

        // The preset's seven centres, four of them tied (linked: dotted, diamond handle, no drag).
        QCOMPARE(view->markers().size(), std::size_t(1));
        const PlotMarkerSet& set = view->markers()[0];
        QCOMPARE(set.x.size(), std::size_t(7));
        int linked = 0;
        for (std::size_t i = 0; i < set.x.size(); ++i)
            linked += set.isLinked(i);
        QCOMPARE(linked, 4);
        QVERIFY(!set.isLinked(0) && set.isLinked(1)); // V3_a free, V3_b = V3_a + splitting
        QVERIFY(!set.tips[0].isEmpty());
        w.grab().save(QDir(shots).filePath("tab-xps-preset-markers.png"));

        // 1. Drag V3_a 0.3 eV up the BE scale: live refits, V3_b follows, one undo step on release.
        const double yPix = plot->axisRect()->rect().center().y();
        const double v3a = set.x[0], v3b = set.x[1];
        const double target = v3a + 0.3;
        const double fromPx = view->pixelOf(v3a, 0.0).x(), toPx = view->pixelOf(target, 0.0).x();
        QSignalSpy previews(xps, &TechniqueTab::previewShown);
        const int undoBefore = p.undoStack()->index();
        send(plot, QEvent::MouseButtonPress, {fromPx, yPix}, Qt::LeftButton, Qt::LeftButton);
        QElapsedTimer live;
        for (int k = 1; k <= 4; ++k) {
            send(plot, QEvent::MouseMove, {fromPx + (toPx - fromPx) * k / 4.0, yPix}, Qt::NoButton,
                 Qt::LeftButton);
            live.restart();
            const int before = previews.count();
            if (previews.count() == before) QVERIFY(previews.wait(5000));
            qInfo("drag step %d: refit drawn %lld ms after the move", k, live.elapsed());
        }
        QCOMPARE(p.undoStack()->index(), undoBefore); // nothing stored while dragging
        QCOMPARE(model(p, ds), QStringLiteral("study_v2p_o1s"));
        const double partner = view->markers()[0].x[1];
        QVERIFY2(std::abs((partner - v3b) - (view->markers()[0].x[0] - v3a)) < 1e-6,
                 qPrintable(QString("V3_b %1 → %2, V3_a %3 → %4")
                                .arg(v3b)
                                .arg(partner)
                                .arg(v3a)
                                .arg(view->markers()[0].x[0])));
        send(plot, QEvent::MouseButtonRelease, {toPx, yPix}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(p.undoStack()->index(), undoBefore + 1);
        QVERIFY2(p.undoStack()->undoText().contains("V3_a") && p.undoStack()->undoText().contains("custom"),
                 qPrintable(p.undoStack()->undoText()));
        QCOMPARE(model(p, ds), QStringLiteral("custom"));
        QCOMPARE(components(p, ds).size(), 7);
        const double moved = components(p, ds)[0].toObject().value("center").toDouble();
        QVERIFY2(std::abs(moved - target) < 0.02, qPrintable(QString("%1 vs %2").arg(moved).arg(target)));
        QTRY_VERIFY_WITH_TIMEOUT(settled(p, ds), 30000);
        QTest::qWait(200);
        QCOMPARE(view->markers()[0].x.size(), std::size_t(7));
        w.grab().save(QDir(shots).filePath("tab-xps-dragged-component.png"));
        p.undoStack()->undo();
        QCOMPARE(model(p, ds), QStringLiteral("study_v2p_o1s"));
        QVERIFY(components(p, ds).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(settled(p, ds), 30000);
        QTest::qWait(200);

        // 2. A tied marker does not drag: no edit, no undo step.
        const int undoTied = p.undoStack()->index();
        const double tiedPx = view->pixelOf(view->markers()[0].x[1], 0.0).x();
        send(plot, QEvent::MouseMove, {tiedPx, yPix}, Qt::NoButton, Qt::NoButton); // hover says why
        QVERIFY2(plot->toolTip().contains("V3_b") && plot->toolTip().contains("tied"),
                 qPrintable(plot->toolTip()));
        send(plot, QEvent::MouseButtonPress, {tiedPx, yPix}, Qt::LeftButton, Qt::LeftButton);
        send(plot, QEvent::MouseMove, {tiedPx + 30.0, yPix}, Qt::NoButton, Qt::LeftButton);
        send(plot, QEvent::MouseButtonRelease, {tiedPx + 30.0, yPix}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(p.undoStack()->index(), undoTied);
        QCOMPARE(model(p, ds), QStringLiteral("study_v2p_o1s"));
        view->resetView();
        QTest::qWait(50);

        // 3. Double click between V 2p1/2 and O 1s: a component there, one undo step.
        const double at = 527.7;
        const QPointF atPx(view->pixelOf(at, 0.0).x(), yPix);
        const int undoAdd = p.undoStack()->index();
        QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, atPx.toPoint());
        QCOMPARE(p.undoStack()->index(), undoAdd + 1);
        QVERIFY2(p.undoStack()->undoText().contains("peak1"), qPrintable(p.undoStack()->undoText()));
        QCOMPARE(model(p, ds), QStringLiteral("custom"));
        QCOMPARE(components(p, ds).size(), 8);
        const double added = components(p, ds).last().toObject().value("center").toDouble();
        QVERIFY2(std::abs(added - at) < 0.1, qPrintable(QString::number(added)));
        QTRY_VERIFY_WITH_TIMEOUT(settled(p, ds), 30000);
        QTest::qWait(200);
        QCOMPARE(view->markers()[0].x.size(), std::size_t(8));

        // 4. A right click on its marker removes it, one undo step; undo brings it back.
        const QPointF onAdded(view->pixelOf(view->markers()[0].x[7], 0.0).x(), yPix);
        send(plot, QEvent::MouseButtonPress, onAdded, Qt::RightButton, Qt::RightButton);
        send(plot, QEvent::MouseButtonRelease, onAdded, Qt::RightButton, Qt::NoButton);
        QCOMPARE(p.undoStack()->index(), undoAdd + 2);
        QVERIFY2(p.undoStack()->undoText().contains("Remove component peak1"),
                 qPrintable(p.undoStack()->undoText()));
        QCOMPARE(components(p, ds).size(), 7);
        QCOMPARE(view->markers()[0].x.size(), std::size_t(7));
        p.undoStack()->undo();
        QCOMPARE(components(p, ds).size(), 8);
        p.undoStack()->undo();
        QCOMPARE(model(p, ds), QStringLiteral("study_v2p_o1s"));
    }
};

QTEST_MAIN(TestXpsPlotEdit)
#include "tst_xps_plot_edit.moc"
