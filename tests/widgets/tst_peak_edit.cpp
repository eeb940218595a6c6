// Point editing on a plot (FigureDecl::points) on the XRD profile fit of the demo: a double click adds a
// peak (the list parameter grows by one, undo takes it back), dragging its marker moves it in one undo
// step while the refit follows, a Shift+click on a found peak removes it and a right click on a marker
// takes the entry out again. Screenshots go to $VANADIS_SCREENSHOT_DIR (or a temporary folder).

#include "io/ProjectDocument.h"
#include "model/Project.h"
#include "widgets/MainWindow.h"
#include "widgets/ParamForm.h"
#include "widgets/TechniqueTab.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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

QJsonArray listParam(const Project& p, Id dataset, const char* key)
{
    const AnalysisRun* r = p.runFor(dataset, QStringLiteral("xrd"));
    return r ? r->params.value(key).toArray() : QJsonArray();
}

} // namespace

class TestPeakEdit : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void clickDragAndUndoOnTheProfileFit()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* xrd = w.techniqueTab(Technique::Xrd);
        w.tabs()->setCurrentWidget(xrd);
        bool found = false;
        for (QComboBox* c : xrd->findChildren<QComboBox*>())
            for (int i = 0; i < c->count() && !found; ++i) {
                c->setCurrentIndex(i);
                found = xrd->setCurrentFigureId(QStringLiteral("profile_fit"));
            }
        QVERIFY2(found, "the XRD view offers the profile-fit figure");
        const Dataset* d = xrd->currentDataset();
        QVERIFY(d);
        const Id ds = d->id();
        QTRY_VERIFY_WITH_TIMEOUT(p.runFor(ds, "xrd") && p.runFor(ds, "xrd")->status == RunStatus::Ok, 20000);
        QTest::qWait(100);
        PlotView* view = xrd->plotView();
        QCustomPlot* plot = view->plot();
        QVERIFY(listParam(p, ds, "added_peaks_deg").isEmpty());
        QVERIFY(view->markers().size() == 3 && view->markers()[0].x.empty());

        // Where to click: halfway between the first two peaks found, at mid height.
        const QJsonArray peaks = p.runFor(ds, "xrd")->result.value("peaks").toArray();
        QVERIFY(peaks.size() >= 3);
        const double first = peaks[0].toObject().value("two_theta_deg").toDouble();
        const double second = peaks[1].toObject().value("two_theta_deg").toDouble();
        const double gap = 0.5 * (first + second);
        const double yPix = view->plot()->axisRect()->rect().center().y();
        const QPointF at(view->pixelOf(gap, 0.0).x(), yPix);

        // 1. Double click: one more row, one undo step saying what it did.
        const int undoBefore = p.undoStack()->count();
        QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, at.toPoint());
        QCOMPARE(listParam(p, ds, "added_peaks_deg").size(), 1);
        const double added =
            listParam(p, ds, "added_peaks_deg")[0].toObject().value("two_theta_deg").toDouble();
        QVERIFY2(std::abs(added - gap) < 0.05 * (second - first), qPrintable(QString::number(added)));
        QCOMPARE(p.undoStack()->count(), undoBefore + 1);
        QVERIFY2(p.undoStack()->undoText().contains("added peak"), qPrintable(p.undoStack()->undoText()));
        QCOMPARE(view->markers()[0].x.size(), std::size_t(1));
        p.undoStack()->undo();
        QVERIFY(listParam(p, ds, "added_peaks_deg").isEmpty());
        p.undoStack()->redo();
        QCOMPARE(listParam(p, ds, "added_peaks_deg").size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(p.runFor(ds, "xrd")->status == RunStatus::Ok &&
                                     !p.runFor(ds, "xrd")
                                          ->result.value("user_peaks")
                                          .toObject()
                                          .value("added")
                                          .toArray()
                                          .isEmpty(),
                                 20000);
        QTest::qWait(100);
        QCOMPARE(view->markers()[0].x.size(), std::size_t(1));

        // 2. Drag the marker a fifth of the gap to the right: previews while moving, one undo step.
        QSignalSpy previews(xrd, &TechniqueTab::previewShown);
        const double markerPx = view->pixelOf(view->markers()[0].x[0], 0.0).x();
        const double targetX = added + 0.2 * (second - first);
        const double targetPx = view->pixelOf(targetX, 0.0).x();
        const int undoBeforeDrag = p.undoStack()->count();
        send(plot, QEvent::MouseButtonPress, {markerPx, yPix}, Qt::LeftButton, Qt::LeftButton);
        QElapsedTimer live;
        for (int k = 1; k <= 4; ++k) {
            send(plot, QEvent::MouseMove, {markerPx + (targetPx - markerPx) * k / 4.0, yPix}, Qt::NoButton,
                 Qt::LeftButton);
            live.restart();
            const int before = previews.count();
            if (previews.count() == before) QVERIFY(previews.wait(5000));
            qInfo("drag step %d: preview drawn %lld ms after the move", k, live.elapsed());
        }
        QCOMPARE(p.undoStack()->count(), undoBeforeDrag); // nothing stored while dragging
        send(plot, QEvent::MouseButtonRelease, {targetPx, yPix}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(p.undoStack()->count(), undoBeforeDrag + 1);
        QVERIFY2(p.undoStack()->undoText().contains("Move added peak"),
                 qPrintable(p.undoStack()->undoText()));
        const double moved =
            listParam(p, ds, "added_peaks_deg")[0].toObject().value("two_theta_deg").toDouble();
        QVERIFY2(std::abs(moved - targetX) < 0.02 * (second - first),
                 qPrintable(QString("%1 vs %2").arg(moved).arg(targetX)));
        p.undoStack()->undo();
        QCOMPARE(listParam(p, ds, "added_peaks_deg")[0].toObject().value("two_theta_deg").toDouble(), added);
        p.undoStack()->redo();

        // 3. Shift+click on the second peak found: it is removed (its marker is drawn dashed).
        const QPointF onPeak(view->pixelOf(second, 0.0).x(), yPix);
        send(plot, QEvent::MouseButtonPress, onPeak, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        send(plot, QEvent::MouseButtonRelease, onPeak, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(listParam(p, ds, "removed_peaks_deg").size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(p.runFor(ds, "xrd")->status == RunStatus::Ok &&
                                     !p.runFor(ds, "xrd")
                                          ->result.value("user_peaks")
                                          .toObject()
                                          .value("removed")
                                          .toArray()
                                          .isEmpty(),
                                 20000);
        QTest::qWait(300);
        QCOMPARE(view->markers()[1].x.size(), std::size_t(1));
        w.grab().save(QDir(shots).filePath("tab-xrd-peak-edit.png"));

        // 4. A right click on the added marker takes it out (no menu), undo brings it back.
        const QPointF onAdded(view->pixelOf(view->markers()[0].x[0], 0.0).x(), yPix);
        send(plot, QEvent::MouseButtonPress, onAdded, Qt::RightButton, Qt::RightButton);
        send(plot, QEvent::MouseButtonRelease, onAdded, Qt::RightButton, Qt::NoButton);
        QVERIFY(listParam(p, ds, "added_peaks_deg").isEmpty());
        QVERIFY2(p.undoStack()->undoText().contains("Remove added peak"),
                 qPrintable(p.undoStack()->undoText()));
        p.undoStack()->undo();
        QCOMPARE(listParam(p, ds, "added_peaks_deg").size(), 1);
    }

    /// Background points on the profile fit: a Ctrl+click adds one (not a peak), the background mode
    /// "spline through points" then draws the background through them with a dot at each, dragging a
    /// point's marker refits live, right-click removes it. Screenshot tab-xrd-background-points.png.
    void backgroundPointsByCtrlClick()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* xrd = w.techniqueTab(Technique::Xrd);
        w.tabs()->setCurrentWidget(xrd);
        bool found = false;
        for (QComboBox* c : xrd->findChildren<QComboBox*>())
            for (int i = 0; i < c->count() && !found; ++i) {
                c->setCurrentIndex(i);
                found = xrd->setCurrentFigureId(QStringLiteral("profile_fit"));
            }
        QVERIFY(found);
        const Id ds = xrd->currentDataset()->id();
        QTRY_VERIFY_WITH_TIMEOUT(p.runFor(ds, "xrd") && p.runFor(ds, "xrd")->status == RunStatus::Ok, 20000);
        QTest::qWait(100);
        PlotView* view = xrd->plotView();
        QCustomPlot* plot = view->plot();
        const double yPix = plot->axisRect()->rect().center().y();
        // Ctrl+click in the widest gaps between the peaks found (and near both ends): background there.
        std::vector<double> at;
        {
            const QJsonArray peaks = p.runFor(ds, "xrd")->result.value("peaks").toArray();
            std::vector<double> c;
            for (const QJsonValue& v : peaks)
                c.push_back(v.toObject().value("two_theta_deg").toDouble());
            const QJsonArray curve = p.runFor(ds, "xrd")->result.value("curve").toArray();
            const double lo = curve.first().toObject().value("two_theta_deg").toDouble();
            const double hi = curve.last().toObject().value("two_theta_deg").toDouble();
            at.push_back(lo + 0.5);
            for (std::size_t k = 0; k + 1 < c.size(); ++k)
                if (c[k + 1] - c[k] > 4.0) at.push_back(0.5 * (c[k] + c[k + 1]));
            at.push_back(hi - 0.5);
        }
        QVERIFY(at.size() >= 4);
        for (double x : at) {
            const QPointF pos(view->pixelOf(x, 0.0).x(), yPix);
            send(plot, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, Qt::ControlModifier);
            send(plot, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, Qt::ControlModifier);
        }
        QCOMPARE(listParam(p, ds, "background_anchors_deg").size(), qsizetype(at.size()));
        QVERIFY(listParam(p, ds, "added_peaks_deg").isEmpty());
        QVERIFY(listParam(p, ds, "removed_peaks_deg").isEmpty());
        QVERIFY2(p.undoStack()->undoText().contains("background point"),
                 qPrintable(p.undoStack()->undoText()));
        QCOMPARE(view->markers()[2].x.size(), at.size());
        QTest::qWait(200); // the form shows the new points before the user touches it
        // The mode, chosen in the form as a user would.
        bool chosen = false;
        for (QComboBox* c : xrd->paramForm()->findChildren<QComboBox*>())
            for (int i = 0; i < c->count() && !chosen; ++i)
                if (c->itemData(i).toString() == QLatin1String("points_spline")) {
                    c->setCurrentIndex(i);
                    chosen = true;
                }
        QVERIFY(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(
            p.runFor(ds, "xrd")->status == RunStatus::Ok &&
                p.runFor(ds, "xrd")->result.value("background").toObject().value("mode").toString() ==
                    QLatin1String("points_spline"),
            20000);
        QTest::qWait(300);
        bool dots = false;
        for (const FigureSeries& s : xrd->figure().series)
            dots = dots || (s.label == QLatin1String("background points") && s.x.size() == at.size());
        QVERIFY2(dots, "the background points are drawn on the background");
        w.grab().save(QDir(shots).filePath("tab-xrd-background-points.png"));
        // "Save as instrument function…" (the dialog is the button's; the writing is saveResultFile): the
        // demo CS pattern is no standard — its size-broadened widths give W < 0 — so it is refused with the
        // reason and nothing is written (the written file is tested on generated standards in tst_cli and
        // tst_xrd_analysis).
        const QString instPath = QDir(m_tmp.path()).filePath("demo-instrument.json");
        auto saved = xrd->saveResultFile(QStringLiteral("instrument_function"), instPath);
        QVERIFY(!saved);
        qInfo("%s", saved.error().message().c_str());
        QVERIFY2(QString::fromStdString(saved.error().message()).contains("cannot be used"),
                 saved.error().message().c_str());
        QVERIFY(!QFile::exists(instPath));
        QVERIFY(!xrd->saveResultFile(QStringLiteral("no_such_file"), instPath));

        // Drag the second point by 0.5°: previews follow, one undo step.
        QSignalSpy previews(xrd, &TechniqueTab::previewShown);
        const double from = view->markers()[2].x[1];
        const double px = view->pixelOf(from, 0.0).x(), target = view->pixelOf(from + 0.5, 0.0).x();
        const int undoBefore = p.undoStack()->count();
        send(plot, QEvent::MouseButtonPress, {px, yPix}, Qt::LeftButton, Qt::LeftButton);
        for (int k = 1; k <= 3; ++k) {
            send(plot, QEvent::MouseMove, {px + (target - px) * k / 3.0, yPix}, Qt::NoButton, Qt::LeftButton);
            const int before = previews.count();
            if (previews.count() == before) QVERIFY(previews.wait(5000));
        }
        send(plot, QEvent::MouseButtonRelease, {target, yPix}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(p.undoStack()->count(), undoBefore + 1);
        QVERIFY2(p.undoStack()->undoText().contains("Move background point"),
                 qPrintable(p.undoStack()->undoText()));
        // Right click removes it.
        const QPointF onIt(view->pixelOf(view->markers()[2].x[1], 0.0).x(), yPix);
        send(plot, QEvent::MouseButtonPress, onIt, Qt::RightButton, Qt::RightButton);
        send(plot, QEvent::MouseButtonRelease, onIt, Qt::RightButton, Qt::NoButton);
        QCOMPARE(listParam(p, ds, "background_anchors_deg").size(), qsizetype(at.size() - 1));
    }
};

QTEST_MAIN(TestPeakEdit)
#include "tst_peak_edit.moc"
