// Figure features for isotherm-style figures: filled/open markers, series kept out of the legend,
// shaded spans (drawn behind the data, draggable in PlotView for the BET range) and an inset plot (BJH
// pore-size distribution inside the isotherm). Writes /tmp/vanadis-span.png (screen),
// /tmp/vanadis-span-export.png and /tmp/vanadis-inset.{png,pdf,svg,csv} for inspection.

#include "widgets/plot/FigureRenderer.h"
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/PlotView.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QSignalSpy>
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

constexpr int kBetSpanId = 7;
const QColor kAdsColor(0x00, 0x72, 0xB2);   // Okabe–Ito blue
const QColor kGuideColor(0x00, 0x9E, 0x73); // green
const QColor kInsetColor(0xD5, 0x5E, 0x00); // vermillion: only the inset uses it

/// A type IV N2 isotherm with an H1 hysteresis loop: adsorption filled, desorption open (same colour),
/// and a guide line that has no legend entry.
FigureSpec isothermFigure(bool withInset)
{
    FigureSpec f;
    f.title = QStringLiteral("N2 isotherm");
    f.x.label = QStringLiteral("Relative pressure p/p_{0}");
    f.y.label = QStringLiteral("Quantity adsorbed (cm^{3} g^{-1} STP)");
    auto uptake = [](double p, double step) {
        const double c = 80.0;
        const double bet = 120.0 * c * p / ((1.0 - p) * (1.0 - p + c * p));
        return std::min(bet, 260.0) + 180.0 / (1.0 + std::exp(-(p - step) / 0.025));
    };
    FigureSeries ads, des, guide;
    ads.label = QStringLiteral("HCS adsorption");
    ads.color = kAdsColor;
    ads.marker = QStringLiteral("circle");
    ads.filled = true;
    des.label = QStringLiteral("HCS desorption");
    des.color = kAdsColor;
    des.marker = QStringLiteral("circle");
    des.dash = QStringLiteral("dash");
    guide.label = QStringLiteral("monolayer guide");
    guide.color = kGuideColor;
    guide.inLegend = false;
    for (int i = 0; i <= 40; ++i) {
        const double p = 0.02 + 0.96 * i / 40.0;
        ads.x.push_back(p);
        ads.y.push_back(uptake(p, 0.75));
    }
    for (int i = 40; i >= 0; --i) {
        const double p = 0.40 + 0.58 * i / 40.0;
        des.x.push_back(p);
        des.y.push_back(uptake(p, 0.66));
    }
    guide.x = {0.0, 1.0};
    guide.y = {125.0, 125.0};
    f.series = {ads, des, guide};
    f.legendPosition = QStringLiteral("topLeft");
    f.spans.push_back({0.05, 0.30, QColor(0, 114, 178, 40), QStringLiteral("BET"), true, kBetSpanId});
    if (withInset) {
        FigureSpec psd;
        psd.x.label = QStringLiteral("Pore width (nm)");
        psd.x.logScale = true;
        psd.y.label = QStringLiteral("dV/dlog(w) (cm^{3} g^{-1})");
        FigureSeries s;
        s.label = QStringLiteral("BJH desorption");
        s.color = kInsetColor;
        s.lineWidthPt = 1.25;
        for (int i = 0; i <= 120; ++i) {
            const double w = std::pow(10.0, 0.2 + 1.6 * i / 120.0); // 1.6–63 nm
            s.x.push_back(w);
            s.y.push_back(1.8 * std::exp(-std::pow(std::log(w / 7.0) / 0.25, 2)) + 0.05);
        }
        psd.series.push_back(s);
        f.inset = std::make_shared<const FigureSpec>(psd);
    }
    return f;
}

QSize figureSize()
{
    return {640, 480};
}

QCPItemRect* spanItem(QCustomPlot* plot, int id)
{
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* item = qobject_cast<QCPItemRect*>(plot->item(i));
        if (item && item->objectName() == QLatin1String("vanadis.span") &&
            item->property("vanadisSpanId").toInt() == id)
            return item;
    }
    return nullptr;
}

bool near(const QColor& a, const QColor& b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

/// The export's QCustomPlot, laid out as PlotExporter lays it out (1 unit = 1 pt, clipped data).
void renderLikeExport(const FigureSpec& spec, QCustomPlot* plot, double widthMm, double heightMm)
{
    const QSize size(int(std::lround(PlotExporter::pointsFor(widthMm))),
                     int(std::lround(PlotExporter::pointsFor(heightMm))));
    plot->setAttribute(Qt::WA_DontShowOnScreen);
    plot->resize(size);
    plot->setViewport(QRect(QPoint(0, 0), size));
    FigureRenderer::Options options;
    options.scale = 1.0;
    options.clipToRanges = true;
    options.adaptiveSampling = false;
    FigureRenderer::render(spec, plot, PlotTheme::builtIn(), options);
}

} // namespace

class TestPlotFeatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip();
    void oldJsonGetsDefaults();
    void insetIsSharedOnCopy();
    void csvAppendsInset();
    void filledMarkersHaveBrush();
    void seriesOutOfLegend();
    void spanIsRectBehindData();
    void spanIsClippedInExport();
    void dragSpanEdge();
    void dragSpanInside();
    void setSpanDoesNotEmit();
    void insetAxisRect();
    void insetInExports();
    void labelledTopAxis();
};

void TestPlotFeatures::jsonRoundTrip()
{
    FigureSpec f = isothermFigure(true);
    f.spans.push_back({1.5, 2.5, QColor(200, 10, 20, 90), QStringLiteral("plateau^{2}"), false, -3});
    f.insetRect = QRectF(0.1, 0.05, 0.4, 0.35);
    FigureSpec inset = *f.inset;
    inset.x.reversed = true;
    inset.y.logScale = true;
    inset.spans.push_back({4.0, 9.0, QColor(0, 0, 0, 30), QStringLiteral("meso"), false, 1});
    f.inset = std::make_shared<const FigureSpec>(inset);

    // Through text, as the project file stores it.
    const QByteArray text = QJsonDocument(f.toJson()).toJson(QJsonDocument::Compact);
    const FigureSpec g = FigureSpec::fromJson(QJsonDocument::fromJson(text).object());

    QCOMPARE(g.series.size(), f.series.size());
    for (size_t i = 0; i < f.series.size(); ++i) {
        QCOMPARE(g.series[i].filled, f.series[i].filled);
        QCOMPARE(g.series[i].inLegend, f.series[i].inLegend);
    }
    QCOMPARE(g.series[0].filled, true);
    QCOMPARE(g.series[1].filled, false);
    QCOMPARE(g.series[2].inLegend, false);
    QCOMPARE(g.spans.size(), size_t(2));
    for (size_t i = 0; i < f.spans.size(); ++i) {
        QCOMPARE(g.spans[i].xMin, f.spans[i].xMin);
        QCOMPARE(g.spans[i].xMax, f.spans[i].xMax);
        QCOMPARE(g.spans[i].color, f.spans[i].color); // alpha included
        QCOMPARE(g.spans[i].label, f.spans[i].label);
        QCOMPARE(g.spans[i].editable, f.spans[i].editable);
        QCOMPARE(g.spans[i].id, f.spans[i].id);
    }
    QCOMPARE(g.spans[0].color.alpha(), 40);
    QCOMPARE(g.insetRect, f.insetRect);
    QVERIFY(g.inset);
    QCOMPARE(g.inset->x.label, inset.x.label);
    QCOMPARE(g.inset->x.logScale, true);
    QCOMPARE(g.inset->x.reversed, true);
    QCOMPARE(g.inset->y.logScale, true);
    QCOMPARE(g.inset->series.size(), size_t(1));
    QCOMPARE(g.inset->series[0].x, inset.series[0].x);
    QCOMPARE(g.inset->series[0].y, inset.series[0].y);
    QCOMPARE(g.inset->series[0].color, kInsetColor);
    QCOMPARE(g.inset->spans.size(), size_t(1));
    QCOMPARE(g.inset->spans[0].label, QStringLiteral("meso"));
    // A second trip changes nothing.
    QCOMPARE(g.toJson(), f.toJson());
}

void TestPlotFeatures::oldJsonGetsDefaults()
{
    // A figure saved before these fields existed.
    const QJsonObject old = QJsonDocument::fromJson(R"({"title":"t","x":{"label":"x"},"y":{"label":"y"},
        "series":[{"label":"a","x":[1,2],"y":[3,4],"marker":"circle"}]})")
                                .object();
    const FigureSpec f = FigureSpec::fromJson(old);
    QCOMPARE(f.series.size(), size_t(1));
    QCOMPARE(f.series[0].filled, false);
    QCOMPARE(f.series[0].inLegend, true);
    QVERIFY(f.spans.empty());
    QVERIFY(!f.inset);
    QCOMPARE(f.insetRect, QRectF(0.5, 0.45, 0.45, 0.45));
    // Unused features are not written, so such a figure's JSON does not change.
    const QJsonObject again = f.toJson();
    QVERIFY(!again.contains("spans") && !again.contains("inset") && !again.contains("inset_rect"));
    FigureSpec moved = f;
    moved.insetRect = QRectF(0.05, 0.05, 0.3, 0.3); // set before the inset is: still kept
    QCOMPARE(FigureSpec::fromJson(moved.toJson()).insetRect, moved.insetRect);

    // A broken inset rectangle falls back to the default; an inset's own inset is not read.
    QJsonObject o = isothermFigure(true).toJson();
    o["inset_rect"] = QJsonArray{0.1, 0.2, -0.3, 0.4};
    QJsonObject in = o["inset"].toObject();
    in["inset"] = isothermFigure(false).toJson();
    o["inset"] = in;
    const FigureSpec g = FigureSpec::fromJson(o);
    QCOMPARE(g.insetRect, QRectF(0.5, 0.45, 0.45, 0.45));
    QVERIFY(g.inset);
    QVERIFY(!g.inset->inset);
}

void TestPlotFeatures::insetIsSharedOnCopy()
{
    const FigureSpec f = isothermFigure(true);
    FigureSpec copy = f;
    QCOMPARE(copy.inset.get(), f.inset.get()); // shared, immutable (const FigureSpec)
    FigureSpec edited = *copy.inset;
    edited.x.label = QStringLiteral("changed");
    copy.inset = std::make_shared<const FigureSpec>(edited);
    QCOMPARE(f.inset->x.label, QStringLiteral("Pore width (nm)"));
    QCOMPARE(copy.pointCount(), f.pointCount());
    QCOMPARE(f.pointCount(), qsizetype(41 + 41 + 2 + 121));
}

void TestPlotFeatures::csvAppendsInset()
{
    const QByteArray csv = isothermFigure(true).toCsv();
    const QList<QByteArray> lines = csv.split('\n');
    const QString header = QString::fromUtf8(lines.first());
    QVERIFY2(header.startsWith(QStringLiteral("HCS adsorption — Relative pressure")), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral(
                 ",inset: BJH desorption — Pore width (nm),inset: BJH desorption — dV/dlog(w)")),
             qPrintable(header));
    QCOMPARE(header.count(QLatin1Char(',')), 7); // 4 pairs
    // 121 inset rows are the longest column: header + 121 rows + final newline.
    QCOMPARE(lines.size(), 1 + 121 + 1);
    QVERIFY(lines[100].startsWith(",,,,,,")); // main columns empty below their 41 rows
}

void TestPlotFeatures::filledMarkersHaveBrush()
{
    PlotView view;
    view.resize(figureSize());
    view.setFigure(isothermFigure(false));
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->plottableCount(), 3);
    auto* ads = qobject_cast<QCPGraph*>(plot->plottable(0));
    auto* des = qobject_cast<QCPGraph*>(plot->plottable(1));
    QVERIFY(ads);
    QVERIFY(des); // descending x becomes a graph too
    QCOMPARE(ads->scatterStyle().brush().style(), Qt::SolidPattern);
    QCOMPARE(ads->scatterStyle().brush().color(), kAdsColor);
    QCOMPARE(des->scatterStyle().brush().color(), view.theme().background); // open marker
    QVERIFY(des->scatterStyle().brush().color() != kAdsColor);
}

void TestPlotFeatures::seriesOutOfLegend()
{
    PlotView view;
    view.resize(figureSize());
    view.setFigure(isothermFigure(false));
    QCPLegend* legend = view.plot()->legend;
    QCOMPARE(legend->itemCount(), 2); // adsorption and desorption, not the guide
    QVERIFY(legend->visible());
    FigureSpec f = isothermFigure(false);
    for (auto& s : f.series)
        s.inLegend = false;
    view.setFigure(f);
    QCOMPARE(legend->itemCount(), 0);
    QVERIFY(!legend->visible());
}

void TestPlotFeatures::spanIsRectBehindData()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(isothermFigure(false));
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QCPItemRect* item = spanItem(plot, kBetSpanId);
    QVERIFY(item);
    QCOMPARE(item->topLeft->coords().x(), 0.05);
    QCOMPARE(item->bottomRight->coords().x(), 0.30);
    QCOMPARE(item->topLeft->typeX(), QCPItemPosition::ptPlotCoords);
    QCOMPARE(item->topLeft->typeY(), QCPItemPosition::ptAxisRectRatio);
    QCOMPARE(item->topLeft->coords().y(), 0.0);
    QCOMPARE(item->bottomRight->coords().y(), 1.0);
    // Full height of the frame, at the data x positions.
    const QRect r = plot->axisRect()->rect();
    QCOMPARE(item->topLeft->pixelPosition().y(), double(r.top()));
    QCOMPARE(item->bottomRight->pixelPosition().y(), double(r.top() + r.height()));
    QCOMPARE(item->topLeft->pixelPosition().x(), plot->xAxis->coordToPixel(0.05));
    QCOMPARE(item->bottomRight->pixelPosition().x(), plot->xAxis->coordToPixel(0.30));
    QCOMPARE(item->brush().color().alpha(), 40);
    // Behind the data: its layer is below the plottables' layer.
    QVERIFY(item->layer()->index() < plot->plottable(0)->layer()->index());
    QVERIFY(item->layer()->index() > plot->layer(QStringLiteral("background"))->index());
    view.grab().save(QStringLiteral("/tmp/vanadis-span.png"));
}

void TestPlotFeatures::spanIsClippedInExport()
{
    FigureSpec f = isothermFigure(false);
    f.x.min = 0.0;
    f.x.max = 1.0;
    f.spans.push_back({-0.5, 0.02, QColor(0, 0, 0, 30), QString(), false, 1}); // sticks out on the left
    f.spans.push_back({1.2, 1.5, QColor(0, 0, 0, 30), QString(), false, 2});   // wholly outside
    QCustomPlot plot;
    renderLikeExport(f, &plot, 85.0, 65.0);
    QCPItemRect* cut = spanItem(&plot, 1);
    QVERIFY(cut);
    QCOMPARE(cut->topLeft->coords().x(), 0.0); // SVG has no clip paths: cut at the frame
    QCOMPARE(cut->bottomRight->coords().x(), 0.02);
    QVERIFY(!spanItem(&plot, 2));
    QVERIFY(spanItem(&plot, kBetSpanId));
    const QImage png = PlotExporter::renderImage(f, PlotTheme::builtIn(), 85.0, 65.0, 300.0);
    QVERIFY(png.save(QStringLiteral("/tmp/vanadis-span-export.png")));
}

void TestPlotFeatures::dragSpanEdge()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(isothermFigure(true));
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QCPRange x0 = plot->xAxis->range();
    const QCPRange y0 = plot->yAxis->range();
    const double edgePx = plot->xAxis->coordToPixel(0.30);
    const int y = plot->axisRect()->rect().center().y();
    const QPoint press(int(std::lround(edgePx)) + 2, y); // 2 px off: within the grab distance

    // Hover: resize cursor near the edge, plain cursor away from spans.
    QTest::mouseMove(plot, QPoint(1, 1));
    QTest::mouseMove(plot, press);
    QCOMPARE(plot->cursor().shape(), Qt::SizeHorCursor);
    QTest::mouseMove(plot, QPoint(int(plot->xAxis->coordToPixel(0.6)), y));
    QCOMPARE(plot->cursor().shape(), Qt::ArrowCursor);

    QSignalSpy spy(&view, &PlotView::spanEdited);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, press);
    for (int step = 1; step <= 4; ++step) {
        QTest::mouseMove(plot, press + QPoint(10 * step, 0));
        QCOMPARE(spy.size(), step);
        QCOMPARE(spy.last().at(3).toBool(), false);
    }
    // A wheel turn while the edge is held does not zoom.
    const QPointF at = press + QPoint(40, 0);
    QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::LeftButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, press + QPoint(40, 0));
    QCOMPARE(spy.size(), 5);
    const QList<QVariant> last = spy.last();
    QCOMPARE(last.at(0).toInt(), kBetSpanId);
    QCOMPARE(last.at(3).toBool(), true);
    const double xMin = last.at(1).toDouble();
    const double xMax = last.at(2).toDouble();
    QCOMPARE(xMin, 0.05);
    const double expected = 40.0 * (x0.size() / plot->axisRect()->width()); // 40 px in data units
    const double moved = xMax - 0.30;
    qInfo("right edge: 40 px → xMax %.5f (moved %.5f, expected %.5f, %.3f %%)", xMax, moved, expected,
          100.0 * std::abs(moved - expected) / expected);
    QVERIFY2(std::abs(moved - expected) <= 0.01 * expected, qPrintable(QString::number(moved)));
    // The view, its figure and the drawn item follow; neither pan nor zoom happened.
    QCOMPARE(view.figure().spans[0].xMax, xMax);
    QCOMPARE(spanItem(plot, kBetSpanId)->bottomRight->coords().x(), xMax);
    QCOMPARE(plot->xAxis->range(), x0);
    QCOMPARE(plot->yAxis->range(), y0);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    view.grab().save(QStringLiteral("/tmp/vanadis-span-dragged.png"));

    // Dragging the left edge across the right one swaps them rather than making a negative span.
    spy.clear();
    const QPoint left(int(std::lround(plot->xAxis->coordToPixel(0.05))), y);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, left);
    const QPoint beyond(int(std::lround(plot->xAxis->coordToPixel(xMax))) + 30, y);
    QTest::mouseMove(plot, beyond);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, beyond);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(1).toDouble(), xMax);
    QVERIFY(spy.last().at(2).toDouble() > xMax);

    // Keys still work after a drag; a plain drag outside the spans still pans.
    plot->setFocus();
    QTest::keyClick(plot, Qt::Key_Plus);
    QVERIFY(plot->xAxis->range().size() < x0.size());
    QTest::keyClick(plot, Qt::Key_Home);
    QCOMPARE(plot->xAxis->range(), x0);
    const QPoint free(int(plot->xAxis->coordToPixel(0.45)), plot->axisRect()->rect().top() + 40);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, free);
    QTest::mouseMove(plot, free + QPoint(30, 0));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, free + QPoint(30, 0));
    QVERIFY2(plot->xAxis->range().lower < x0.lower, "dragging outside the spans no longer pans");
}

void TestPlotFeatures::dragSpanInside()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(isothermFigure(false));
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QCPRange x0 = plot->xAxis->range();
    QCPAxis* x = plot->xAxis;
    const QPoint inside(int(std::lround(x->coordToPixel(0.175))), plot->axisRect()->rect().center().y());
    QTest::mouseMove(plot, QPoint(1, 1));
    QTest::mouseMove(plot, inside);
    QCOMPARE(plot->cursor().shape(), Qt::OpenHandCursor);

    QSignalSpy spy(&view, &PlotView::spanEdited);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, inside);
    QTest::mouseMove(plot, inside + QPoint(-12, 0));
    QTest::mouseMove(plot, inside + QPoint(-25, 0));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, inside + QPoint(-25, 0));
    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy.at(0).at(3).toBool(), false);
    QCOMPARE(spy.at(1).at(3).toBool(), false);
    QCOMPARE(spy.at(2).at(3).toBool(), true);
    const double lo = spy.last().at(1).toDouble();
    const double hi = spy.last().at(2).toDouble();
    const double dLo = x->coordToPixel(lo) - x->coordToPixel(0.05);
    const double dHi = x->coordToPixel(hi) - x->coordToPixel(0.30);
    qInfo("moved inside by −25 px: xMin %.5f (%.2f px), xMax %.5f (%.2f px)", lo, dLo, hi, dHi);
    QVERIFY(std::abs(dLo + 25.0) < 0.01);
    QVERIFY(std::abs(dHi + 25.0) < 0.01);
    QVERIFY(std::abs((hi - lo) - 0.25) < 1e-9); // linear axis: same width
    QCOMPARE(plot->xAxis->range(), x0);
}

void TestPlotFeatures::setSpanDoesNotEmit()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(isothermFigure(false));
    QCustomPlot* plot = view.plot();
    view.zoomBy(0.8);
    const QCPRange zoomed = plot->xAxis->range();
    QSignalSpy spy(&view, &PlotView::spanEdited);
    view.setSpan(kBetSpanId, 0.20, 0.10); // ends in either order
    QCOMPARE(spy.size(), 0);
    QCOMPARE(view.figure().spans[0].xMin, 0.10);
    QCOMPARE(view.figure().spans[0].xMax, 0.20);
    QCOMPARE(spanItem(plot, kBetSpanId)->topLeft->coords().x(), 0.10);
    QCOMPARE(spanItem(plot, kBetSpanId)->bottomRight->coords().x(), 0.20);
    QCOMPARE(plot->xAxis->range(), zoomed); // the zoom is kept
    view.setSpan(12345, 0.0, 1.0);          // unknown id: nothing happens
    QCOMPARE(view.figure().spans.size(), size_t(1));
}

void TestPlotFeatures::insetAxisRect()
{
    PlotView view;
    view.resize(figureSize());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(isothermFigure(false));
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->axisRects().size(), 1);
    QVERIFY(!FigureRenderer::insetAxisRect(plot));

    view.setFigure(isothermFigure(true));
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot->axisRects().size(), 2);
    QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot);
    QVERIFY(inset);
    QCOMPARE(plot->axisRect(), plot->axisRects().first()); // the main rect stays the main rect
    const QRect main = plot->axisRect()->rect();
    const QRect outer = inset->outerRect();
    QVERIFY2(main.contains(outer), "inset outside the main frame");
    // Placed at x 0.5…0.95, y 0.45…0.9 of the main frame (±1 px rounding).
    QVERIFY(std::abs(outer.left() - (main.left() + 0.5 * main.width())) <= 1.0);
    QVERIFY(std::abs(outer.top() - (main.top() + 0.45 * main.height())) <= 1.0);
    QVERIFY(std::abs(outer.width() - 0.45 * main.width()) <= 1.0);
    QVERIFY(inset->rect().width() > 0.6 * outer.width()); // labels leave room for the data
    // Its own axes: log x over the PSD, small titles, series on them and above the main data.
    QCOMPARE(inset->axis(QCPAxis::atBottom)->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(inset->axis(QCPAxis::atBottom)->range().lower > 1.0);
    // Less than two decades: 1-2-5 majors instead of QCustomPlot's crowded linear fallback.
    const QVector<double> ticks = inset->axis(QCPAxis::atBottom)->tickVector();
    QCOMPARE(ticks, (QVector<double>{2.0, 5.0, 10.0, 20.0, 50.0}));
    const PlotTheme theme = view.theme().forScreen(); // on screen: the readable sizes
    QVERIFY(std::abs(inset->axis(QCPAxis::atLeft)->labelFont().pointSizeF() - theme.tickLabelSizePt) < 0.01);
    QVERIFY(std::abs(plot->yAxis->labelFont().pointSizeF() - theme.labelSizePt) < 0.01);
    QCPAbstractPlottable* psd = plot->plottable(plot->plottableCount() - 1);
    QCOMPARE(psd->keyAxis(), inset->axis(QCPAxis::atBottom));
    QCOMPARE(psd->pen().color(), kInsetColor);
    QVERIFY(psd->layer()->index() > plot->plottable(0)->layer()->index());
    QCOMPARE(plot->legend->itemCount(), 2); // the inset series has no main legend entry
    // Drag and wheel over the inset change nothing.
    const QCPRange ix = inset->axis(QCPAxis::atBottom)->range();
    const QCPRange mx = plot->xAxis->range();
    const QPoint c = inset->rect().center();
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, c);
    QTest::mouseMove(plot, c + QPoint(-30, 10));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, c + QPoint(-30, 10));
    QCOMPARE(inset->axis(QCPAxis::atBottom)->range(), ix);
    QCOMPARE(plot->xAxis->range(), mx);
    // The read-out over the inset is about the inset's series.
    QTest::mouseMove(plot, QPoint(1, 1));
    const QPointF peak(inset->axis(QCPAxis::atBottom)->coordToPixel(7.0),
                       inset->axis(QCPAxis::atLeft)->coordToPixel(1.85));
    QTest::mouseMove(plot, peak.toPoint());
    QVERIFY2(view.cursorText().startsWith(QStringLiteral("BJH desorption")), qPrintable(view.cursorText()));
    // Re-rendering without an inset removes it again.
    view.setFigure(isothermFigure(false));
    QCOMPARE(plot->axisRects().size(), 1);
    view.setFigure(isothermFigure(true));
    plot->replot(QCustomPlot::rpImmediateRefresh);
    view.grab().save(QStringLiteral("/tmp/vanadis-inset-screen.png"));
}

void TestPlotFeatures::insetInExports()
{
    const FigureSpec f = isothermFigure(true);
    const PlotTheme theme = PlotTheme::builtIn();
    const double dpi = 300.0;
    const QImage png = PlotExporter::renderImage(f, theme, 85.0, 65.0, dpi);
    QVERIFY(!png.isNull());
    QVERIFY(png.save(QStringLiteral("/tmp/vanadis-inset.png")));

    // Where the inset is in that image: the same layout, in pt, scaled to pixels.
    QCustomPlot plot;
    renderLikeExport(f, &plot, 85.0, 65.0);
    QCPAxisRect* inset = FigureRenderer::insetAxisRect(&plot);
    QVERIFY(inset);
    const double k = dpi / 72.0;
    const QRect inner = inset->rect();
    const QRectF innerPx(inner.left() * k, inner.top() * k, inner.width() * k, inner.height() * k);
    const QRect outer = inset->outerRect();
    const QRectF outerPx(outer.left() * k, outer.top() * k, outer.width() * k, outer.height() * k);
    int inside = 0, outside = 0, mainInInset = 0;
    for (int yy = 0; yy < png.height(); ++yy) {
        for (int xx = 0; xx < png.width(); ++xx) {
            const QColor c = png.pixelColor(xx, yy);
            const QPointF p(xx + 0.5, yy + 0.5);
            if (near(c, kInsetColor, 24)) (innerPx.adjusted(-2, -2, 2, 2).contains(p) ? inside : outside)++;
            if (near(c, kAdsColor, 24) && outerPx.adjusted(2, 2, -2, -2).contains(p)) ++mainInInset;
        }
    }
    qInfo("PNG %dx%d: inset rect %.0f,%.0f %.0fx%.0f px; %d inset-colour pixels inside, %d outside; "
          "%d main-series pixels inside the inset block",
          png.width(), png.height(), innerPx.x(), innerPx.y(), innerPx.width(), innerPx.height(), inside,
          outside, mainInInset);
    QVERIFY2(inside > 500, qPrintable(QString::number(inside)));
    QCOMPARE(outside, 0);
    QCOMPARE(mainInInset, 0); // the backdrop hides main data behind the inset

    // Vector formats carry the inset too.
    QVERIFY(PlotExporter::exportPdf(f, theme, 85.0, 65.0, QStringLiteral("/tmp/vanadis-inset.pdf")));
    QVERIFY(PlotExporter::exportSvg(f, theme, 85.0, 65.0, QStringLiteral("/tmp/vanadis-inset.svg")));
    QVERIFY(PlotExporter::exportCsv(f, QStringLiteral("/tmp/vanadis-inset.csv")));
    QFile svg(QStringLiteral("/tmp/vanadis-inset.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY2(svgText.contains("#d55e00"), "inset series missing from the SVG");
    QVERIFY(svgText.contains("Pore width"));
    // The span stays translucent in the SVG (alpha 40/255 as fill-opacity, not an opaque block).
    QVERIFY2(svgText.contains("fill=\"#0072b2\" fill-opacity=\"0.156863\""), "span fill is not translucent");
    const QByteArray pdf = PlotExporter::renderPdf(f, theme, 85.0, 65.0);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > PlotExporter::renderPdf(isothermFigure(false), theme, 85.0, 65.0).size());
}

void TestPlotFeatures::labelledTopAxis()
{
    // An XRD pattern with a d-spacing top axis: text ticks at the given 2θ, a title above, the same
    // range as the bottom axis (also after zooming).
    FigureSpec f;
    f.x.label = QStringLiteral("2θ (°)");
    f.y.label = QStringLiteral("Intensity");
    FigureSeries s;
    for (int i = 0; i <= 600; ++i) {
        const double x = 20.0 + 0.1 * i;
        s.x.push_back(x);
        s.y.push_back(100.0 + 1000.0 * std::exp(-std::pow((x - 33.0) / 0.3, 2)));
    }
    f.series.push_back(s);
    FigureTopAxis top;
    top.label = QStringLiteral("d (Å)");
    for (double d : {4.0, 3.0, 2.5, 2.0, 1.8, 1.6}) {
        top.tickX.push_back(2.0 * std::asin(1.5406 / (2.0 * d)) * 180.0 / M_PI);
        top.tickLabels.push_back(QString::number(d));
    }
    f.x2 = top;
    QCustomPlot plot;
    renderLikeExport(f, &plot, 85.0, 65.0);
    QVERIFY(plot.xAxis2->visible());
    QVERIFY(plot.xAxis2->tickLabels());
    auto ticker = plot.xAxis2->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().size(), 6);
    QCOMPARE(ticker->ticks().value(top.tickX[1]), QStringLiteral("3"));
    QCOMPARE(plot.xAxis2->range().lower, plot.xAxis->range().lower);
    plot.xAxis->setRange(30.0, 40.0);
    QCOMPARE(plot.xAxis2->range().upper, 40.0);
    // The top axis takes room for its numbers and title: the axis rect starts lower than without it.
    FigureSpec plain = f;
    plain.x2.reset();
    QCustomPlot other;
    renderLikeExport(plain, &other, 85.0, 65.0);
    QVERIFY(plot.axisRect()->rect().top() > other.axisRect()->rect().top());
    const QImage png = PlotExporter::renderImage(f, PlotTheme::builtIn(), 85.0, 65.0, 200.0);
    QVERIFY(!png.isNull());
    if (const QString dir = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR"); !dir.isEmpty())
        png.save(dir + QStringLiteral("/top-axis.png"));
}

QTEST_MAIN(TestPlotFeatures)
#include "tst_plotfeatures.moc"
