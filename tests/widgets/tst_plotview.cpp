// PlotView: ranges, reversed/log/right axes, graph vs curve, equal aspect, zoom and reset, data cursor,
// Ctrl+C with PNG + PDF + SVG. Saves /tmp/vanadis-plotview.png (and a Nyquist view) for inspection.

#include "widgets/plot/PlotView.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMimeData>
#include <QWheelEvent>
#include <QtTest>

// qcustomplot.h spells its signal sections `signals:`, which QT_NO_KEYWORDS builds leave undefined.
#ifndef signals
#define signals Q_SIGNALS
#define VANADIS_QCP_SIGNALS
#endif
#include <qcustomplot.h>
#ifdef VANADIS_QCP_SIGNALS
#undef signals
#undef VANADIS_QCP_SIGNALS
#endif

#include <cmath>

using namespace vanadis;

namespace {

FigureSeries line(const QString& label, QColor color, int n, double slope, double offset = 0.0)
{
    FigureSeries s;
    s.label = label;
    s.color = color;
    for (int i = 0; i < n; ++i) {
        const double x = 10.0 + 70.0 * i / (n - 1);
        s.x.push_back(x);
        s.y.push_back(offset + slope * x + 20.0 * std::exp(-std::pow((x - 44.0) / 0.4, 2)));
    }
    return s;
}

FigureSpec xrdFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.title = QStringLiteral("XRD");
    f.x.label = QString::fromUtf8("2θ (°)");
    f.y.label = QStringLiteral("Intensity (a.u.)");
    f.series.push_back(line(QStringLiteral("HCS"), t.paletteColor(0), 3501, 0.1));
    f.series.push_back(line(QStringLiteral("V_{2}O_{3}"), t.paletteColor(1), 3501, 0.05, 30.0));
    f.series[1].dash = QStringLiteral("dash");
    f.annotations.push_back(
        {FigureAnnotation::Kind::VerticalTick, 44.0, 2.0, QStringLiteral("(110)"), Qt::black});
    f.annotations.push_back({FigureAnnotation::Kind::VerticalTick, 64.5, 2.0, QString(), Qt::black});
    f.legendPosition = QStringLiteral("topLeft");
    return f;
}

FigureSpec cyclingFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.x.label = QStringLiteral("Cycle number");
    f.y.label = QStringLiteral("Capacity (mAh g^{-1})");
    f.y2 = FigureAxis{QStringLiteral("Coulombic efficiency (%)"), false, false, 0.0, 105.0};
    FigureSeries cap;
    cap.label = QStringLiteral("HCS");
    cap.color = t.paletteColor(0);
    cap.marker = QStringLiteral("circle");
    FigureSeries ce;
    ce.label = QStringLiteral("CE");
    ce.color = t.paletteColor(1);
    ce.marker = QStringLiteral("square");
    ce.line = false;
    ce.onRightAxis = true;
    for (int i = 1; i <= 50; ++i) {
        cap.x.push_back(i);
        cap.y.push_back(350.0 * std::exp(-i / 200.0));
        ce.x.push_back(i);
        ce.y.push_back(i == 1 ? 78.0 : 99.0 + 0.01 * (i % 7));
    }
    f.series = {cap, ce};
    f.legendPosition = QStringLiteral("best"); // bottom left is the only free corner
    return f;
}

FigureSpec nyquistFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.x.label = QStringLiteral("Z' (Ω)");
    f.y.label = QStringLiteral("−Z'' (Ω)");
    f.equalAspect = true;
    FigureSeries s;
    s.label = QStringLiteral("HCS");
    s.color = t.paletteColor(0);
    s.marker = QStringLiteral("circle");
    // A semicircle (R_ct = 100 Ω from 20 Ω) then a Warburg tail; x is not monotonic at the joint.
    for (int i = 0; i <= 40; ++i) {
        const double phi = M_PI * i / 40.0;
        s.x.push_back(70.0 - 50.0 * std::cos(phi));
        s.y.push_back(50.0 * std::sin(phi));
    }
    for (int i = 1; i <= 15; ++i) {
        s.x.push_back(120.0 - 2.0 * i);
        s.y.push_back(3.0 * i);
    }
    f.series = {s};
    f.legend = false;
    return f;
}

QSize figureSize()
{
    return {760, 560};
}

} // namespace

class TestPlotView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixedAndAutoRanges();
    void reversedAndLogAxes();
    void rightAxis();
    void graphOrCurve();
    void equalAspect();
    void zoomAndReset();
    void cursorReadout();
    void copyPutsThreeFormats();
    void screenshot();
};

void TestPlotView::fixedAndAutoRanges()
{
    PlotView view;
    view.resize(figureSize());
    FigureSpec f = xrdFigure();
    f.x.min = 20.0;
    f.x.max = 70.0;
    view.setFigure(f);
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->xAxis->range().lower, 20.0);
    QCOMPARE(plot->xAxis->range().upper, 70.0);
    // y autoscaled to all data (not only the visible x range) with a 5 % margin each side.
    double lo = 1e300, hi = -1e300;
    for (const auto& s : f.series)
        for (double v : s.y) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    const double pad = 0.05 * (hi - lo);
    QVERIFY(std::abs(plot->yAxis->range().lower - (lo - pad)) < 1e-9 * hi);
    QVERIFY(std::abs(plot->yAxis->range().upper - (hi + pad)) < 1e-9 * hi);
    // Mirrored top/right axes: ticks, no numbers, same range.
    QVERIFY(plot->xAxis2->visible());
    QVERIFY(!plot->xAxis2->tickLabels());
    QCOMPARE(plot->xAxis2->range(), plot->xAxis->range());
    QVERIFY(plot->yAxis2->visible());
    QVERIFY(!plot->yAxis2->tickLabels());
    // Inward ticks only.
    QVERIFY(plot->xAxis->tickLengthIn() > 0);
    QCOMPARE(plot->xAxis->tickLengthOut(), 0);
    // The rich title replaces QCustomPlot's plain label.
    QVERIFY(plot->yAxis->label().isEmpty());
    QCOMPARE(plot->legend->itemCount(), 2);
    QVERIFY(plot->legend->visible());
}

void TestPlotView::reversedAndLogAxes()
{
    PlotView view;
    view.resize(figureSize());
    FigureSpec f = xrdFigure();
    f.x.reversed = true; // XPS binding energy
    f.y.logScale = true;
    view.setFigure(f);
    QCustomPlot* plot = view.plot();
    QVERIFY(plot->xAxis->rangeReversed());
    QVERIFY(plot->xAxis2->rangeReversed());
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot->yAxis->range().lower > 0.0);
    // Reversed: the smallest x is drawn on the right.
    QVERIFY(plot->xAxis->coordToPixel(plot->xAxis->range().lower) >
            plot->xAxis->coordToPixel(plot->xAxis->range().upper));
}

void TestPlotView::rightAxis()
{
    PlotView view;
    view.resize(figureSize());
    view.setFigure(cyclingFigure());
    QCustomPlot* plot = view.plot();
    QVERIFY(plot->yAxis2->visible());
    QVERIFY(plot->yAxis2->tickLabels());
    QCOMPARE(plot->yAxis2->range().lower, 0.0);
    QCOMPARE(plot->yAxis2->range().upper, 105.0);
    QCOMPARE(plot->plottableCount(), 2);
    QCOMPARE(plot->plottable(0)->valueAxis(), plot->yAxis);
    QCOMPARE(plot->plottable(1)->valueAxis(), plot->yAxis2);
    // Without y2 in the spec, a right-axis series falls back to the left axis.
    FigureSpec noY2 = cyclingFigure();
    noY2.y2.reset();
    view.setFigure(noY2);
    QCOMPARE(plot->plottable(1)->valueAxis(), plot->yAxis);
    QVERIFY(!plot->yAxis2->tickLabels());
}

void TestPlotView::graphOrCurve()
{
    PlotView view;
    view.resize(figureSize());
    FigureSpec f = xrdFigure();
    std::reverse(f.series[1].x.begin(), f.series[1].x.end()); // descending x (XPS export order)
    std::reverse(f.series[1].y.begin(), f.series[1].y.end());
    view.setFigure(f);
    QVERIFY(qobject_cast<QCPGraph*>(view.plot()->plottable(0)));
    auto* g = qobject_cast<QCPGraph*>(view.plot()->plottable(1));
    QVERIFY(g); // still a graph, data reversed rather than sorted
    QVERIFY(g->adaptiveSampling());
    QCOMPARE(g->data()->size(), 3501);
    QCOMPARE(g->data()->constBegin()->key, 10.0);
    view.setFigure(nyquistFigure());
    QVERIFY(qobject_cast<QCPCurve*>(view.plot()->plottable(0)));
}

void TestPlotView::equalAspect()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(nyquistFigure());
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QRect r = plot->axisRect()->rect();
    const double ux = plot->xAxis->range().size() / r.width();
    const double uy = plot->yAxis->range().size() / r.height();
    QVERIFY2(std::abs(ux / uy - 1.0) < 0.01, qPrintable(QStringLiteral("%1 vs %2 Ω/px").arg(ux).arg(uy)));
    // All data stays visible.
    QVERIFY(plot->xAxis->range().lower <= 20.0 && plot->xAxis->range().upper >= 120.0);
    QVERIFY(plot->yAxis->range().lower <= 0.0 && plot->yAxis->range().upper >= 50.0);
    // Still equal after a resize.
    view.resize(900, 500);
    QCoreApplication::processEvents();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QRect r2 = plot->axisRect()->rect();
    const double ux2 = plot->xAxis->range().size() / r2.width();
    const double uy2 = plot->yAxis->range().size() / r2.height();
    QVERIFY2(std::abs(ux2 / uy2 - 1.0) < 0.02, qPrintable(QStringLiteral("%1 vs %2 Ω/px").arg(ux2).arg(uy2)));
    view.grab().save(QStringLiteral("/tmp/vanadis-plotview-nyquist.png"));
}

void TestPlotView::zoomAndReset()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(xrdFigure());
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QCPRange x0 = plot->xAxis->range();
    const QCPRange y0 = plot->yAxis->range();
    const QPointF center = plot->axisRect()->rect().center();
    QWheelEvent wheel(center, plot->mapToGlobal(center), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QVERIFY2(plot->xAxis->range().size() < x0.size(), "wheel did not zoom x");
    QVERIFY2(plot->yAxis->range().size() < y0.size(), "wheel did not zoom y");
    QCOMPARE(plot->xAxis2->range(), plot->xAxis->range()); // mirror follows
    QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, center.toPoint());
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, center.toPoint()); // QTest keeps it "pressed"
    QCOMPARE(plot->xAxis->range(), x0);
    QCOMPARE(plot->yAxis->range(), y0);

    // Keyboard: + zooms, Right pans right, Home restores.
    plot->setFocus();
    QTest::keyClick(plot, Qt::Key_Plus);
    QVERIFY(plot->xAxis->range().size() < x0.size());
    const double centre = plot->xAxis->range().center();
    QTest::keyClick(plot, Qt::Key_Right);
    QVERIFY(plot->xAxis->range().center() > centre);
    QTest::keyClick(plot, Qt::Key_Home);
    QCOMPARE(plot->xAxis->range(), x0);
}

void TestPlotView::cursorReadout()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(cyclingFigure());
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // Cycle 20 of the capacity curve.
    const FigureSeries& s = view.figure().series[0];
    const QPoint p(qRound(plot->xAxis->coordToPixel(s.x[19])) + 2,
                   qRound(plot->yAxis->coordToPixel(s.y[19])) - 1);
    QSignalSpy spy(&view, &PlotView::cursorTextChanged);
    // Qt 6.4 moves the cursor for a button-less QTest::mouseMove; start elsewhere so it really moves.
    QTest::mouseMove(plot, QPoint(1, 1));
    QTest::mouseMove(plot, p);
    QTRY_VERIFY(!view.cursorText().isEmpty());
    const QString text = view.cursorText();
    qInfo("cursor read-out: %s", qPrintable(text));
    QVERIFY2(text.startsWith(QStringLiteral("HCS:")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("x = 20")), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(s.y[19], 'g', 6)), qPrintable(text));
    QVERIFY(spy.count() >= 1);
    auto* label = plot->findChild<QLabel*>(QStringLiteral("plotCursorReadout"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), text);
    // Outside the frame the read-out disappears.
    QTest::mouseMove(plot, QPoint(2, 2));
    QTRY_VERIFY(view.cursorText().isEmpty());
}

void TestPlotView::copyPutsThreeFormats()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFigure(cyclingFigure());
    QApplication::clipboard()->clear();
    view.plot()->setFocus();
    QTest::keyClick(view.plot(), Qt::Key_C, Qt::ControlModifier);
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime);
    qInfo("clipboard formats: %s", qPrintable(mime->formats().join(QStringLiteral(", "))));
    QVERIFY(mime->hasFormat(QStringLiteral("image/png")));
    QVERIFY(mime->hasFormat(QStringLiteral("application/pdf")));
    QVERIFY(mime->hasFormat(QStringLiteral("image/svg+xml")));
    QVERIFY(mime->data(QStringLiteral("application/pdf")).startsWith("%PDF-"));
    QVERIFY(mime->data(QStringLiteral("image/svg+xml")).contains("<svg"));
    const QImage png = QImage::fromData(mime->data(QStringLiteral("image/png")), "PNG");
    QVERIFY(!png.isNull());
    QCOMPARE(png.dotsPerMeterX(), qRound(300 / 0.0254));
    // Rendered at the on-screen size in mm.
    QCOMPARE(png.width(), qRound(view.widthMm() / 25.4 * 300.0));
    qInfo("copied PNG %d x %d px for %.1f x %.1f mm", png.width(), png.height(), view.widthMm(),
          view.heightMm());
}

void TestPlotView::screenshot()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(cyclingFigure());
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // "best" put the legend in the empty bottom-left corner.
    QCPLayoutInset* inset = plot->axisRect()->insetLayout();
    QCOMPARE(inset->insetAlignment(0), Qt::AlignBottom | Qt::AlignLeft);
    // Show the data cursor in the screenshot.
    const FigureSeries& s = view.figure().series[0];
    QTest::mouseMove(plot, QPoint(3, 3));
    QTest::mouseMove(
        plot, QPoint(qRound(plot->xAxis->coordToPixel(s.x[29])), qRound(plot->yAxis->coordToPixel(s.y[29]))));
    QTRY_VERIFY(!view.cursorText().isEmpty());
    const QImage shot = view.grab().toImage();
    QVERIFY(shot.save(QStringLiteral("/tmp/vanadis-plotview.png")));
    view.setFigure(xrdFigure());
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/vanadis-plotview-xrd.png")));
    QVERIFY(!view.accessibleName().isEmpty());
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
