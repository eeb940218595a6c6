// The figure features the technique slices compose: sticks with hkl labels, filled areas, a residual
// panel sharing x, a second y axis, offset stacks without numbers, equal aspect, reversed axes, a heat
// map, figure ids, legends and insets placed off the data and labels that do not pile up. Each is
// rendered as an export is (1 unit = 1 pt, 85 mm wide) and checked on the QCustomPlot it produced; the
// 85 mm PNGs go to /tmp/fig-shots/ for a look.

#include "widgets/plot/FigureParts.h"
#include "widgets/plot/FigureRenderer.h"
#include "widgets/plot/Placement.h"
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/PlotView.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
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

constexpr double kWidthMm = 85.0;
constexpr double kHeightMm = 63.75;
const QString kShots = QStringLiteral("/tmp/fig-shots");

double gauss(double x, double c, double w)
{
    return std::exp(-0.5 * std::pow((x - c) / w, 2));
}

/// A V2O3 (corundum) pattern with its reference reflections as sticks labelled by hkl; (110) and (113)
/// are 0.8° apart, so their labels collide unless moved.
FigureSpec xrdReferenceFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("xrd_phase_match");
    f.x.label = QStringLiteral("2θ (°)");
    f.y.label = QStringLiteral("Intensity (a.u.)");
    const std::vector<std::pair<double, QString>> refs{{24.3, "(012)"}, {33.0, "(104)"}, {36.2, "(110)"},
                                                       {37.0, "(006)"}, {41.2, "(113)"}, {49.8, "(024)"},
                                                       {53.9, "(116)"}, {54.4, "(211)"}};
    const std::vector<double> heights{45, 100, 70, 8, 20, 35, 80, 12};
    FigureSeries pattern;
    pattern.label = QStringLiteral("V_{2}O_{3}@C");
    pattern.color = t.paletteColor(0);
    for (int i = 0; i <= 1500; ++i) {
        const double x = 20.0 + 40.0 * i / 1500.0;
        double y = 8.0 + 0.05 * (60 - x);
        for (size_t k = 0; k < refs.size(); ++k)
            y += heights[k] * gauss(x, refs[k].first, 0.12);
        pattern.x.push_back(x);
        pattern.y.push_back(y);
    }
    FigureSeries sticks;
    sticks.label = QStringLiteral("V_{2}O_{3} ref.");
    sticks.kind = FigureSeries::Kind::Sticks;
    sticks.color = t.paletteColor(1);
    sticks.baseline = -60.0;
    sticks.lineWidthPt = 0.75;
    for (size_t k = 0; k < refs.size(); ++k) {
        sticks.x.push_back(refs[k].first);
        sticks.y.push_back(-60.0 + 0.5 * heights[k]);
        sticks.pointLabels.push_back(refs[k].second);
    }
    f.series = {pattern, sticks};
    f.y.hideTickLabels = true;
    return f;
}

/// Three offset patterns labelled at their right ends, no numbers on y.
FigureSpec stackFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("xrd_stack");
    f.x.label = QStringLiteral("2θ (°)");
    f.y.label = QStringLiteral("Intensity (a.u., offset)");
    f.y.hideTickLabels = true;
    f.legend = false;
    const QStringList names{"HCS", "V_{2}O_{3}@C", "V_{2}O_{3}"};
    for (int s = 0; s < 3; ++s) {
        FigureSeries p;
        p.label = names[s];
        p.endLabel = names[s];
        p.color = t.paletteColor(s);
        p.yOffset = 120.0 * s;
        for (int i = 0; i <= 800; ++i) {
            const double x = 10.0 + 70.0 * i / 800.0;
            double y = 10.0 + (s == 0 ? 40.0 * gauss(x, 24.0, 4.0)
                                      : 90.0 * gauss(x, 33.0, 0.15) + 60.0 * gauss(x, 54.0, 0.2));
            p.x.push_back(x);
            p.y.push_back(y);
        }
        f.series.push_back(p);
    }
    return f;
}

/// V 2p XPS: binding energy right to left, two components filled to the Shirley background, an
/// envelope, and a residual panel.
FigureSpec xpsFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("xps_fit");
    f.x.label = QStringLiteral("Binding energy (eV)");
    f.x.reversed = true;
    f.y.label = QStringLiteral("Intensity (counts s^{-1})");
    FigureSeries data, bg, c1, c2, env, res;
    data.label = QStringLiteral("data");
    data.color = Qt::black;
    data.marker = QStringLiteral("circle");
    data.line = false;
    bg.label = QStringLiteral("background");
    bg.color = QColor(0x80, 0x80, 0x80);
    bg.dash = QStringLiteral("dash");
    bg.inLegend = false;
    c1.label = QStringLiteral("V^{3+}");
    c1.color = t.paletteColor(0);
    c2.label = QStringLiteral("V^{4+}");
    c2.color = t.paletteColor(1);
    env.label = QStringLiteral("envelope");
    env.color = t.paletteColor(2);
    res.label = QStringLiteral("residual");
    res.color = Qt::black;
    res.lineWidthPt = 0.75;
    for (int i = 0; i <= 120; ++i) {
        const double be = 510.0 + 12.0 * i / 120.0;
        const double b = 1000.0 + 600.0 / (1.0 + std::exp(-(be - 516.0) / 0.8));
        const double p1 = 5000.0 * gauss(be, 515.7, 0.75), p2 = 2000.0 * gauss(be, 517.0, 0.8);
        const double noise = 60.0 * std::sin(i * 1.7) * std::cos(i * 0.37);
        bg.x.push_back(be);
        bg.y.push_back(b);
        c1.x.push_back(be);
        c1.y.push_back(b + p1);
        c2.x.push_back(be);
        c2.y.push_back(b + p2);
        env.x.push_back(be);
        env.y.push_back(b + p1 + p2);
        if (i % 2 == 0) {
            data.x.push_back(be);
            data.y.push_back(b + p1 + p2 + noise);
            res.x.push_back(be);
            res.y.push_back(noise);
        }
    }
    c1.fill = c2.fill = FigureSeries::Fill::ToSeries;
    c1.fillToSeries = c2.fillToSeries = 1; // the background
    f.series = {data, bg, c1, c2, env};
    FigureSpec r;
    r.y.label = QStringLiteral("Resid.");
    r.series = {res};
    f.residual = std::make_shared<const FigureSpec>(r);
    return f;
}

/// A cyclic voltammogram with its capacitive share as a filled loop inside it.
FigureSpec cvFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("cv_capacitive");
    f.x.label = QStringLiteral("Potential (V vs Na^{+}/Na)");
    f.y.label = QStringLiteral("Current (mA)");
    FigureSeries total, cap;
    total.label = QStringLiteral("0.5 mV s^{-1}");
    total.color = t.paletteColor(0);
    cap.label = QStringLiteral("capacitive (62 %)");
    cap.color = t.paletteColor(1);
    cap.dash = QStringLiteral("dash");
    cap.fill = FigureSeries::Fill::Enclosed;
    for (int dir = 0; dir < 2; ++dir) {
        for (int i = 0; i <= 100; ++i) {
            const double v = dir == 0 ? 1.5 + 2.5 * i / 100.0 : 4.0 - 2.5 * i / 100.0;
            const double sign = dir == 0 ? 1.0 : -1.0;
            const double faradaic = sign * 0.8 * gauss(v, dir == 0 ? 2.9 : 2.6, 0.15);
            total.x.push_back(v);
            total.y.push_back(sign * 0.35 + faradaic);
            cap.x.push_back(v);
            cap.y.push_back(sign * 0.3);
        }
    }
    f.series = {total, cap};
    return f;
}

/// In-situ XRD: 40 scans during a charge (uneven times), one peak shifting with time.
FigureSpec heatMapFigure()
{
    FigureSpec f;
    f.id = QStringLiteral("insitu_xrd_map");
    f.x.label = QStringLiteral("2θ (°)");
    f.y.label = QStringLiteral("Time (h)");
    f.legend = false;
    FigureHeatMap h;
    for (int i = 0; i < 300; ++i)
        h.x.push_back(30.0 + 10.0 * i / 299.0);
    for (int j = 0; j < 40; ++j)
        h.y.push_back(j < 20 ? 0.25 * j : 5.0 + 0.4 * (j - 20)); // uneven steps
    for (int j = 0; j < 40; ++j)
        for (int i = 0; i < 300; ++i)
            h.z.push_back(20.0 + 500.0 * gauss(h.x[size_t(i)], 33.0 + 0.08 * h.y[size_t(j)], 0.15) +
                          200.0 * gauss(h.x[size_t(i)], 37.5, 0.2));
    h.zLabel = QStringLiteral("Intensity (counts)");
    h.colorMap = QStringLiteral("viridis");
    f.heatMap = h;
    return f;
}

/// Nyquist plot: a semicircle of R_ct = 100 Ω must stay round.
FigureSpec nyquistFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("eis_nyquist");
    f.x.label = QStringLiteral("Z' (Ω)");
    f.y.label = QStringLiteral("−Z'' (Ω)");
    f.equalAspect = true;
    FigureSeries s;
    s.label = QStringLiteral("HCS");
    s.color = t.paletteColor(0);
    s.marker = QStringLiteral("circle");
    for (int i = 0; i <= 40; ++i) {
        const double phi = M_PI * i / 40.0;
        s.x.push_back(70.0 - 50.0 * std::cos(phi));
        s.y.push_back(50.0 * std::sin(phi));
    }
    for (int i = 1; i <= 20; ++i) {
        s.x.push_back(120.0 + 3.0 * i);
        s.y.push_back(3.0 * i);
    }
    f.series = {s};
    return f;
}

/// Galvanostatic charge/discharge: curves fill the top right and bottom left; the legend ("auto", the
/// default) must go elsewhere.
FigureSpec gcdFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("gcd_profiles");
    f.x.label = QStringLiteral("Specific capacity (mAh g^{-1})");
    f.y.label = QStringLiteral("Voltage (V vs Na^{+}/Na)");
    const QStringList names{"0.1 A g^{-1}", "0.5 A g^{-1}", "1 A g^{-1}", "2 A g^{-1}"};
    for (int s = 0; s < 4; ++s) {
        const double qmax = 320.0 - 45.0 * s;
        FigureSeries ch, dis;
        ch.label = names[s];
        ch.color = dis.color = t.paletteColor(s);
        ch.dash = dis.dash = t.dash(s);
        dis.inLegend = false;
        for (int i = 0; i <= 200; ++i) {
            const double q = qmax * i / 200.0;
            const double u = q / qmax;
            ch.x.push_back(q);
            ch.y.push_back(1.6 + 0.9 * u + 1.2 * std::pow(u, 8) + 0.05 * s);
            dis.x.push_back(q);
            dis.y.push_back(4.0 - 1.0 * u - 1.3 * std::pow(u, 8) - 0.05 * s);
        }
        f.series.push_back(ch);
        f.series.push_back(dis);
    }
    return f;
}

/// TGA with three steps whose DTG peaks are 6–12 °C apart: the onset labels collide unless moved.
FigureSpec tgaFigure()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("tga_mass_dtg");
    f.x.label = QStringLiteral("Temperature (°C)");
    f.y.label = QStringLiteral("Mass (%)");
    f.y2 = FigureAxis{QStringLiteral("DTG (% min^{-1})"), false, false, std::nullopt, std::nullopt};
    FigureSeries mass, dtg;
    mass.label = QStringLiteral("V_{2}O_{3}@C");
    mass.color = t.paletteColor(0);
    dtg.label = QStringLiteral("DTG");
    dtg.color = t.paletteColor(0);
    dtg.dash = QStringLiteral("dot");
    dtg.onRightAxis = true;
    dtg.inLegend = false;
    const double steps[] = {420.0, 428.0, 440.0};
    for (int i = 0; i <= 700; ++i) {
        const double T = 30.0 + i;
        double m = 100.0, d = 0.0;
        for (double s : steps) {
            m -= 6.0 / (1.0 + std::exp(-(T - s) / 6.0));
            d -= 6.0 / 6.0 * std::exp(-(T - s) / 6.0) / std::pow(1.0 + std::exp(-(T - s) / 6.0), 2) * 10.0;
        }
        mass.x.push_back(T);
        mass.y.push_back(m);
        dtg.x.push_back(T);
        dtg.y.push_back(d);
    }
    f.series = {mass, dtg};
    for (double s : steps) {
        FigureAnnotation a;
        a.kind = FigureAnnotation::Kind::VerticalTick;
        a.x = s;
        a.y = mass.y[size_t(s - 30.0)];
        a.text = QStringLiteral("%1 °C").arg(s, 0, 'f', 0);
        a.color = t.paletteColor(0);
        f.annotations.push_back(a);
    }
    return f;
}

/// A type IV isotherm with an H1 loop at high p/p0 and a pore-size inset placed automatically.
FigureSpec isothermWithInset()
{
    const PlotTheme t;
    FigureSpec f;
    f.id = QStringLiteral("bet_isotherm");
    f.x.label = QStringLiteral("Relative pressure p/p_{0}");
    f.y.label = QStringLiteral("Quantity adsorbed (cm^{3} g^{-1} STP)");
    FigureSeries ads, des;
    ads.label = QStringLiteral("HMCS");
    ads.color = des.color = t.paletteColor(0);
    ads.marker = des.marker = QStringLiteral("circle");
    ads.filled = true;
    des.inLegend = false;
    auto uptake = [](double p, double step) {
        return 150.0 * 30.0 * p / ((1.0 - p) * (1.0 - p + 30.0 * p)) * 0.45 + 120.0 +
               250.0 / (1.0 + std::exp(-(p - step) / 0.03));
    };
    for (int i = 0; i <= 40; ++i) {
        const double p = 0.01 + 0.97 * i / 40.0;
        ads.x.push_back(p);
        ads.y.push_back(std::min(uptake(p, 0.8), 700.0));
    }
    for (int i = 30; i >= 0; --i) {
        const double p = 0.45 + 0.53 * i / 30.0;
        des.x.push_back(p);
        des.y.push_back(std::min(uptake(p, 0.68), 700.0));
    }
    f.series = {ads, des};
    FigureSpec psd;
    psd.x.label = QStringLiteral("Pore diameter (nm)");
    psd.x.logScale = true;
    psd.y.label = QStringLiteral("dV/dlog D");
    psd.legend = false;
    FigureSeries p;
    p.color = t.paletteColor(1);
    for (int i = 0; i <= 100; ++i) {
        const double w = std::pow(10.0, 0.3 + 1.5 * i / 100.0);
        p.x.push_back(w);
        p.y.push_back(1.5 * std::exp(-std::pow(std::log(w / 8.0) / 0.3, 2)));
    }
    psd.series = {p};
    f.inset = std::make_shared<const FigureSpec>(psd);
    f.insetRect = QRectF(0.42, 0.06, 0.5, 0.45); // where the BET builder puts it: over the loop
    f.insetAuto = true;
    return f;
}

QSize exportSize()
{
    return {int(std::lround(PlotExporter::pointsFor(kWidthMm))),
            int(std::lround(PlotExporter::pointsFor(kHeightMm)))};
}

/// The export's QCustomPlot, laid out as PlotExporter lays it out (1 unit = 1 pt, clipped data), and
/// painted once so that draw-time placement (labels) has happened.
void renderLikeExport(const FigureSpec& spec, QCustomPlot* plot)
{
    const QSize size = exportSize();
    plot->setAttribute(Qt::WA_DontShowOnScreen);
    plot->resize(size);
    plot->setViewport(QRect(QPoint(0, 0), size));
    FigureRenderer::Options options;
    options.scale = 1.0;
    options.clipToRanges = true;
    options.adaptiveSampling = false;
    FigureRenderer::render(spec, plot, PlotTheme::builtIn(), options);
    QImage img(size, QImage::Format_RGB32);
    img.fill(Qt::white);
    QCPPainter painter(&img);
    plot->toPainter(&painter, size.width(), size.height());
}

void shot(const FigureSpec& spec, const QString& name)
{
    QDir().mkpath(kShots);
    const QImage img = PlotExporter::renderImage(spec, PlotTheme::builtIn(), kWidthMm, kHeightMm, 600);
    QVERIFY(!img.isNull());
    QVERIFY(img.save(kShots + QLatin1Char('/') + name + QStringLiteral(".png")));
}

/// Data points of `spec`'s series (main axes) whose pixel falls inside `box`.
int pointsInside(const FigureSpec& spec, QCustomPlot* plot, const QRectF& box)
{
    int n = 0;
    for (const auto& s : spec.series) {
        QCPAxis* y = s.onRightAxis && spec.y2 ? plot->yAxis2 : plot->yAxis;
        for (size_t i = 0; i < s.x.size(); ++i)
            if (box.contains(QPointF(plot->xAxis->coordToPixel(s.x[i]), y->coordToPixel(s.y[i] + s.yOffset))))
                ++n;
    }
    return n;
}

bool closeTo(double a, double b, double relTol)
{
    return std::abs(a - b) <= relTol * std::max(std::abs(a), std::abs(b));
}

} // namespace

class TestPlotSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTripNewFields();
    void oldJsonUnchanged();
    void csvCarriesNewData();
    void sticksAndTheirLabels();
    void offsetStackHidesNumbers();
    void fillsUnderTheLines();
    void residualPanelSharesX();
    void sidePanelSharesY();
    void secondAxisInExport();
    void reversedAxisInExport();
    void equalAspectInExport();
    void heatMapGridAndScale();
    void legendAutoAvoidsData();
    void legendAutoMakesRoomWhenNothingIsFree();
    void insetAutoAvoidsLoop();
    void onsetLabelsDoNotPileUp();
    void labelPlacerSeparatesAPile();
    void occupancyCountsLinesAlongTheirLength();
    void logAxisThenLinearKeepsNumbers();
    void screenFontsReadable();
    void readoutShowsUnits();
    void partsDoNotIncludeTheRenderer();
    void shots();
};

void TestPlotSpec::jsonRoundTripNewFields()
{
    FigureSpec f = xpsFigure();
    f.series[2].fillColor = QColor(10, 20, 30, 77);
    f.series[3].fill = FigureSeries::Fill::ToBaseline;
    f.series[3].baseline = 900.0;
    f.series[4].endLabel = QStringLiteral("env^{2}");
    f.x.hideTickLabels = true;
    f.insetAuto = true;
    f.residualHeightFraction = 0.3;
    f.heatMap = heatMapFigure().heatMap;
    f.heatMap->z[5] = std::nan("");
    f.heatMap->zMin = 1.0;
    f.heatMap->zMax = 400.0;
    f.heatMap->colorMap = QStringLiteral("cividis");
    const FigureSpec xrd = xrdReferenceFigure();
    f.series.push_back(xrd.series[1]); // sticks with hkl
    // Through text, as the project file stores it.
    const QByteArray text = QJsonDocument(f.toJson()).toJson();
    const FigureSpec g = FigureSpec::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(g.id, QStringLiteral("xps_fit"));
    QCOMPARE(g.x.hideTickLabels, true);
    QCOMPARE(g.y.hideTickLabels, false);
    QCOMPARE(g.insetAuto, true);
    QCOMPARE(g.series.size(), f.series.size());
    QCOMPARE(g.series[2].fill, FigureSeries::Fill::ToSeries);
    QCOMPARE(g.series[2].fillToSeries, 1);
    QCOMPARE(g.series[2].fillColor, QColor(10, 20, 30, 77)); // alpha kept
    QCOMPARE(g.series[3].fill, FigureSeries::Fill::ToBaseline);
    QCOMPARE(g.series[3].baseline, 900.0);
    QVERIFY(!g.series[3].fillColor.isValid());
    QCOMPARE(g.series[4].endLabel, QStringLiteral("env^{2}"));
    QCOMPARE(g.series[4].fill, FigureSeries::Fill::None);
    const FigureSeries& st = g.series.back();
    QCOMPARE(st.kind, FigureSeries::Kind::Sticks);
    QCOMPARE(st.baseline, -60.0);
    QCOMPARE(st.pointLabels, xrd.series[1].pointLabels);
    QVERIFY(g.residual);
    QCOMPARE(g.residual->series.size(), size_t(1));
    QCOMPARE(g.residual->series[0].y, f.residual->series[0].y);
    QCOMPARE(g.residual->y.label, QStringLiteral("Resid."));
    QCOMPARE(g.residualHeightFraction, 0.3);
    QVERIFY(g.heatMap);
    QCOMPARE(g.heatMap->x, f.heatMap->x);
    QCOMPARE(g.heatMap->y, f.heatMap->y);
    QCOMPARE(g.heatMap->z.size(), f.heatMap->z.size());
    QVERIFY(std::isnan(g.heatMap->z[5])); // NaN survives as null
    QCOMPARE(g.heatMap->z[6], f.heatMap->z[6]);
    QCOMPARE(g.heatMap->zMin, std::optional<double>(1.0));
    QCOMPARE(g.heatMap->zMax, std::optional<double>(400.0));
    QCOMPARE(g.heatMap->colorMap, QStringLiteral("cividis"));
    QCOMPARE(g.heatMap->zLabel, QStringLiteral("Intensity (counts)"));
    // And once more: the second round trip changes nothing.
    QCOMPARE(FigureSpec::fromJson(g.toJson()).toJson(), g.toJson());

    // A heat map whose grid and values disagree is dropped, not drawn broken.
    QJsonObject o = f.toJson();
    QJsonObject hm = o["heat_map"].toObject();
    hm["y"] = QJsonArray{1.0, 2.0};
    o["heat_map"] = hm;
    QVERIFY(!FigureSpec::fromJson(o).heatMap);
    // A crafted residual height is kept sane.
    o["residual_height"] = 7.0;
    QCOMPARE(FigureSpec::fromJson(o).residualHeightFraction, 0.5);
}

void TestPlotSpec::oldJsonUnchanged()
{
    // A figure using none of the new features writes none of the new keys; one without a legend
    // position (hand-written) keeps the old top-right place, while new figures default to auto.
    FigureSpec f = nyquistFigure();
    f.id.clear();
    const QJsonObject o = f.toJson();
    for (const char* key : {"id", "residual", "heat_map", "inset_auto", "residual_height"})
        QVERIFY2(!o.contains(key), key);
    const QJsonObject s = o["series"].toArray()[0].toObject();
    for (const char* key : {"kind", "baseline", "point_labels", "fill", "fill_color", "end_label"})
        QVERIFY2(!s.contains(key), key);
    QVERIFY(!o["x"].toObject().contains("hide_tick_labels"));
    QCOMPARE(FigureSpec().legendPosition, QStringLiteral("auto"));
    QJsonObject old = o;
    old.remove("legend_position");
    QCOMPARE(FigureSpec::fromJson(old).legendPosition, QStringLiteral("topRight"));
}

void TestPlotSpec::csvCarriesNewData()
{
    const FigureSpec xps = xpsFigure();
    const QString csv = QString::fromUtf8(xps.toCsv());
    const QString header = csv.section(QLatin1Char('\n'), 0, 0);
    // The residual column pair follows the main ones, with the main x label.
    QVERIFY2(header.endsWith(
                 QStringLiteral("residual: residual — Binding energy (eV),residual: residual — Resid.")),
             qPrintable(header));
    const QString xrd = QString::fromUtf8(xrdReferenceFigure().toCsv());
    QVERIFY(xrd.section(QLatin1Char('\n'), 0, 0).endsWith(QStringLiteral("V₂O₃ ref. — label")));
    // Headers are plain text (no markup), and a right-axis series is titled by the right axis.
    QCOMPARE(labelPlainText("Quantity adsorbed (cm^{3} g^{-1} STP)"),
             QString("Quantity adsorbed (cm³ g⁻¹ STP)"));
    QCOMPARE(labelPlainText("p/p_{0}, V_{2}O_{5}, x^{ab}"), QString("p/p₀, V₂O₅, x^ab"));
    FigureSpec two;
    two.x.label = "T (°C)";
    two.y.label = "Mass (%)";
    two.y2 = FigureAxis{};
    two.y2->label = "DTG (% min^{-1})";
    FigureSeries mass, dtg;
    mass.label = "S";
    mass.x = mass.y = {1.0};
    dtg = mass;
    dtg.label = "S DTG";
    dtg.onRightAxis = true;
    two.series = {mass, dtg};
    QCOMPARE(QString::fromUtf8(two.toCsv()).section(QLatin1Char('\n'), 0, 0),
             QString("S — T (°C),S — Mass (%),S DTG — T (°C),S DTG — DTG (% min⁻¹)"));
    QVERIFY(xrd.section(QLatin1Char('\n'), 2, 2).endsWith(QStringLiteral(",33,-10,(104)")));
    // The heat map as a matrix: header of x values, then y and the z row.
    const FigureSpec map = heatMapFigure();
    const QStringList lines = QString::fromUtf8(map.toCsv()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 41);
    QCOMPARE(lines[0].count(QLatin1Char(',')), 300);
    QCOMPARE(lines[1].section(QLatin1Char(','), 0, 0), QStringLiteral("0"));
    QCOMPARE(lines[1].section(QLatin1Char(','), 1, 1).toDouble(), map.heatMap->z[0]);
    QCOMPARE(map.pointCount(), qsizetype(12000));
}

void TestPlotSpec::sticksAndTheirLabels()
{
    const FigureSpec f = xrdReferenceFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCOMPARE(plotparts::stickCount(&plot), qsizetype(8));
    // The sticks are no QCustomPlot plottable: only the pattern is.
    QCOMPARE(plot.plottableCount(), 1);
    // Baseline in view: the y range reaches down to −60.
    QVERIFY2(plot.yAxis->range().lower <= -60.0, qPrintable(QString::number(plot.yAxis->range().lower)));
    const std::vector<QRectF> labels = plotparts::labelRects(&plot);
    QCOMPARE(labels.size(), size_t(8));
    QVERIFY(placement::disjoint(labels));
    // Every label stays inside the frame and above (lower pixel y than) its stick top.
    const QRectF frame(plot.axisRect()->rect());
    const FigureSeries& s = f.series[1];
    for (size_t i = 0; i < labels.size(); ++i) {
        QVERIFY2(frame.adjusted(-0.5, -0.5, 0.5, 0.5).contains(labels[i]), qPrintable(QString::number(i)));
        QVERIFY(labels[i].bottom() <= plot.yAxis->coordToPixel(s.y[i]) + 0.5);
    }
    // The (211) label at 54.4° would sit on the (116) stick 0.5° (3 pt) beside it: it was moved off.
    const double x116 = plot.xAxis->coordToPixel(s.x[6]);
    const bool onStick = labels[7].left() < x116 && labels[7].right() > x116 &&
                         labels[7].bottom() > plot.yAxis->coordToPixel(s.y[6]);
    QVERIFY2(!onStick, "the (211) label covers the (116) stick");
    // No label covers another stick.
    for (size_t i = 0; i < labels.size(); ++i)
        for (size_t j = 0; j < s.x.size(); ++j) {
            const double px = plot.xAxis->coordToPixel(s.x[j]);
            QVERIFY(!(labels[i].left() < px && labels[i].right() > px &&
                      labels[i].bottom() > plot.yAxis->coordToPixel(s.y[j]) + 0.5));
        }
    // A stick is drawn: the stick colour is found in the column of the (104) stick near its foot.
    const QImage img = PlotExporter::renderImage(f, PlotTheme::builtIn(), kWidthMm, kHeightMm, 600);
    const double k = 600.0 / 72.0;
    const int col = int(std::lround(plot.xAxis->coordToPixel(33.0) * k));
    const int row = int(std::lround(plot.yAxis->coordToPixel(-55.0) * k));
    bool found = false;
    for (int dx = -3; dx <= 3 && !found; ++dx) {
        const QColor c = img.pixelColor(col + dx, row);
        found = std::abs(c.red() - 0xD5) < 40 && std::abs(c.green() - 0x5E) < 40 &&
                std::abs(c.blue() - 0x00) < 40;
    }
    QVERIFY2(found, "no stick pixel at 33°");
}

void TestPlotSpec::offsetStackHidesNumbers()
{
    const FigureSpec f = stackFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QVERIFY(!plot.yAxis->tickLabels());
    QVERIFY(!plot.yAxis->ticks());
    QVERIFY(!plot.yAxis2->ticks()); // the mirror has no ticks either
    QVERIFY(plot.xAxis->tickLabels());
    const std::vector<QRectF> labels = plotparts::labelRects(&plot);
    QCOMPARE(labels.size(), size_t(3));
    QVERIFY(placement::disjoint(labels));
    // Each end label sits at the right end, above its own trace's baseline and below the next one's.
    const QRectF frame(plot.axisRect()->rect());
    for (int s = 0; s < 3; ++s) {
        QVERIFY(labels[size_t(s)].right() > frame.right() - 0.4 * frame.width());
        QVERIFY(labels[size_t(s)].bottom() < plot.yAxis->coordToPixel(f.series[size_t(s)].yOffset + 10.0));
    }
    QVERIFY(labels[0].top() > labels[1].bottom() - 1.0);
    QVERIFY(labels[1].top() > labels[2].bottom() - 1.0);
}

void TestPlotSpec::fillsUnderTheLines()
{
    const FigureSpec f = xpsFigure();
    const QImage img = PlotExporter::renderImage(f, PlotTheme::builtIn(), kWidthMm, kHeightMm, 300);
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    const double k = 300.0 / 72.0;
    // Inside the V3+ component (515.7 eV, half way between background and peak): tinted blue.
    const double be = 515.7, bg = f.series[1].y[57], top = f.series[2].y[57];
    QVERIFY(closeTo(f.series[1].x[57], be, 1e-3));
    const QPoint inside(int(plot.xAxis->coordToPixel(be) * k),
                        int(plot.yAxis->coordToPixel((bg + top) / 2.0) * k));
    const QColor c = img.pixelColor(inside);
    QVERIFY2(c.blue() > c.red() + 40 && c.blue() < 250, qPrintable(c.name()));
    // Below the background nothing is filled.
    const QPoint below(inside.x(), int(plot.yAxis->coordToPixel(bg - 250.0) * k));
    QCOMPARE(img.pixelColor(below), QColor(Qt::white));
    // The CV's capacitive loop: the point (2.2 V, 0) lies inside it.
    const FigureSpec cv = cvFigure();
    const QImage cimg = PlotExporter::renderImage(cv, PlotTheme::builtIn(), kWidthMm, kHeightMm, 300);
    QCustomPlot cplot;
    renderLikeExport(cv, &cplot);
    const QColor in =
        cimg.pixelColor(int(cplot.xAxis->coordToPixel(2.2) * k), int(cplot.yAxis->coordToPixel(0.05) * k));
    QVERIFY2(in.red() > in.blue() + 20 && in != QColor(Qt::white), qPrintable(in.name()));
    const QColor out =
        cimg.pixelColor(int(cplot.xAxis->coordToPixel(2.2) * k), int(cplot.yAxis->coordToPixel(0.33) * k));
    QCOMPARE(out, QColor(Qt::white)); // between the capacitive and the total current: not filled
}

void TestPlotSpec::sidePanelSharesY()
{
    // The in-situ heat map with the voltage–time curve beside it: one time axis for both.
    FigureSpec f = heatMapFigure();
    auto side = std::make_shared<FigureSpec>();
    side->x.label = QStringLiteral("Voltage (V)");
    FigureSeries v;
    v.label = QStringLiteral("cell voltage");
    for (int j = 0; j <= 100; ++j) {
        v.y.push_back(0.13 * j);
        v.x.push_back(1.5 + 2.5 * std::abs(std::sin(0.02 * j)));
    }
    side->series.push_back(v);
    f.side = side;
    f.sideWidthFraction = 0.3;
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCPAxisRect* panel = FigureRenderer::sideAxisRect(&plot);
    QVERIFY(panel);
    QCPAxisRect* main = plot.axisRect();
    QCOMPARE(panel->axis(QCPAxis::atLeft)->range(), main->axis(QCPAxis::atLeft)->range());
    // Right of the main rect, frames aligned top and bottom, the colour scale right of both.
    QVERIFY(panel->rect().left() > main->rect().right());
    QCOMPARE(panel->rect().top(), main->rect().top());
    QCOMPARE(panel->rect().bottom(), main->rect().bottom());
    QCPColorScale* scale = FigureRenderer::colorScale(&plot);
    QVERIFY(scale);
    QVERIFY(scale->outerRect().left() >= panel->rect().right());
    const double share = double(panel->rect().width()) / (panel->rect().width() + main->rect().width());
    QVERIFY2(share > 0.2 && share < 0.4, qPrintable(QString::number(share)));
    // Time numbers only on the main axis; the panel's own x axis has them.
    QVERIFY(!panel->axis(QCPAxis::atLeft)->tickLabels());
    QVERIFY(panel->axis(QCPAxis::atBottom)->tickLabels());
    bool onPanel = false;
    for (int i = 0; i < plot.plottableCount(); ++i)
        onPanel |= plot.plottable(i)->valueAxis() == panel->axis(QCPAxis::atLeft);
    QVERIFY(onPanel);
    // Zooming time on either moves both.
    main->axis(QCPAxis::atLeft)->setRange(2.0, 6.0);
    QCOMPARE(panel->axis(QCPAxis::atLeft)->range(), QCPRange(2.0, 6.0));
    panel->axis(QCPAxis::atLeft)->setRange(1.0, 7.0);
    QCOMPARE(main->axis(QCPAxis::atLeft)->range(), QCPRange(1.0, 7.0));
    // Without heat map the panel still sits right of the main rect; a figure without it removes it.
    FigureSpec plain = f;
    plain.heatMap.reset();
    plain.series.push_back(v);
    renderLikeExport(plain, &plot);
    QVERIFY(FigureRenderer::sideAxisRect(&plot));
    QVERIFY(!FigureRenderer::colorScale(&plot));
    renderLikeExport(cvFigure(), &plot);
    QVERIFY(!FigureRenderer::sideAxisRect(&plot));
    QCOMPARE(plot.axisRects().size(), 1);
}

void TestPlotSpec::residualPanelSharesX()
{
    const FigureSpec f = xpsFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCPAxisRect* res = FigureRenderer::residualAxisRect(&plot);
    QVERIFY(res);
    QCPAxisRect* main = plot.axisRect();
    QCOMPARE(res->axis(QCPAxis::atBottom)->range(), main->axis(QCPAxis::atBottom)->range());
    QVERIFY(res->axis(QCPAxis::atBottom)->rangeReversed()); // binding energy runs right to left in both
    // Under the main rect, same frame left/right, about a quarter of the height.
    QVERIFY(res->rect().top() > main->rect().bottom());
    QCOMPARE(res->rect().left(), main->rect().left());
    QCOMPARE(res->rect().right(), main->rect().right());
    const double share = double(res->rect().height()) / (res->rect().height() + main->rect().height());
    QVERIFY2(share > 0.15 && share < 0.35, qPrintable(QString::number(share)));
    // Numbers and title under the residual only; a zero-centred y axis.
    QVERIFY(!main->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(res->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(
        closeTo(res->axis(QCPAxis::atLeft)->range().lower, -res->axis(QCPAxis::atLeft)->range().upper, 1e-9));
    // The residual series is drawn against the residual axes.
    bool onResidual = false;
    for (int i = 0; i < plot.plottableCount(); ++i)
        onResidual |= plot.plottable(i)->valueAxis() == res->axis(QCPAxis::atLeft);
    QVERIFY(onResidual);
    // Zooming the main x axis moves the residual's with it, and back.
    main->axis(QCPAxis::atBottom)->setRange(512.0, 518.0);
    QCOMPARE(res->axis(QCPAxis::atBottom)->range(), QCPRange(512.0, 518.0));
    res->axis(QCPAxis::atBottom)->setRange(511.0, 519.0);
    QCOMPARE(main->axis(QCPAxis::atBottom)->range(), QCPRange(511.0, 519.0));
    // A following figure without residual removes the panel.
    renderLikeExport(cvFigure(), &plot);
    QVERIFY(!FigureRenderer::residualAxisRect(&plot));
    QCOMPARE(plot.axisRects().size(), 1);
    QVERIFY(plot.xAxis->tickLabels());
}

void TestPlotSpec::secondAxisInExport()
{
    const FigureSpec f = tgaFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QVERIFY(plot.yAxis2->visible() && plot.yAxis2->tickLabels() && plot.yAxis2->ticks());
    QCPAbstractPlottable* dtg = nullptr;
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (plot.plottable(i)->valueAxis() == plot.yAxis2) dtg = plot.plottable(i);
    QVERIFY(dtg);
    // The right axis spans the DTG data (negative, a few % per minute), not the mass.
    QVERIFY2(
        plot.yAxis2->range().lower < -1.0 && plot.yAxis2->range().upper < 1.0,
        qPrintable(QStringLiteral("%1 %2").arg(plot.yAxis2->range().lower).arg(plot.yAxis2->range().upper)));
    QVERIFY(plot.yAxis->range().lower > 70.0);
    // Its title fits on the page: right frame plus numbers plus title inside the width.
    QVERIFY(plot.axisRect()->rect().right() + plot.yAxis2->padding() <= exportSize().width());
    QVERIFY(plot.yAxis2->padding() > 8); // room for the rich title
}

void TestPlotSpec::reversedAxisInExport()
{
    const FigureSpec f = xpsFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCPAxis* x = FigureRenderer::residualAxisRect(&plot)->axis(QCPAxis::atBottom);
    QVERIFY(plot.xAxis->rangeReversed());
    QVERIFY(plot.xAxis->coordToPixel(520.0) < plot.xAxis->coordToPixel(512.0));
    QVERIFY(x->coordToPixel(520.0) < x->coordToPixel(512.0));
    QVERIFY(plot.xAxis2->rangeReversed()); // mirrored ticks follow
    // The high-energy end is at the left in the picture too: the envelope max (516 eV) is left of centre
    // only if reversed... check the tick numbers instead: the left-most number is the largest.
    const QVector<double> ticks = x->tickVector();
    QVERIFY(ticks.size() >= 3);
    QVERIFY(x->coordToPixel(ticks.last()) < x->coordToPixel(ticks.first()));
}

void TestPlotSpec::equalAspectInExport()
{
    const FigureSpec f = nyquistFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    const QRect r = plot.axisRect()->rect();
    const double ux = plot.xAxis->range().size() / r.width();
    const double uy = plot.yAxis->range().size() / r.height();
    QVERIFY2(closeTo(ux, uy, 0.01),
             qPrintable(QStringLiteral("x %1 Ω/pt, y %2 Ω/pt (tol 1 %)").arg(ux).arg(uy)));
    // All data visible.
    for (size_t i = 0; i < f.series[0].x.size(); ++i) {
        QVERIFY(plot.xAxis->range().contains(f.series[0].x[i]));
        QVERIFY(plot.yAxis->range().contains(f.series[0].y[i]));
    }
    // The exported picture: the semicircle's width (100 Ω) and height (50 Ω) in pixels are 2:1.
    const double w = plot.xAxis->coordToPixel(120.0) - plot.xAxis->coordToPixel(20.0);
    const double h = plot.yAxis->coordToPixel(0.0) - plot.yAxis->coordToPixel(50.0);
    QVERIFY2(closeTo(w, 2.0 * h, 0.01), qPrintable(QStringLiteral("%1 vs 2·%2").arg(w).arg(h)));

    // On screen too, after a resize.
    PlotView view;
    view.resize(700, 420);
    view.setFigure(f);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.resize(500, 520);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRect vr = view.plot()->axisRect()->rect();
    const double vx = view.plot()->xAxis->range().size() / vr.width();
    const double vy = view.plot()->yAxis->range().size() / vr.height();
    QVERIFY2(closeTo(vx, vy, 0.02),
             qPrintable(QStringLiteral("screen: x %1, y %2 Ω/px (tol 2 %)").arg(vx).arg(vy)));
}

void TestPlotSpec::heatMapGridAndScale()
{
    const FigureSpec f = heatMapFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCPColorMap* map = nullptr;
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto* m = qobject_cast<QCPColorMap*>(plot.plottable(i))) map = m;
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), 300);
    QCOMPARE(map->data()->valueSize(), 40);
    // Axes span the cell edges exactly.
    QVERIFY(closeTo(plot.xAxis->range().lower, 30.0 - 10.0 / 299.0 / 2.0, 1e-9));
    QVERIFY(plot.yAxis->range().upper > 12.6 && plot.yAxis->range().upper < 12.9);
    QCPColorScale* bar = FigureRenderer::colorScale(&plot);
    QVERIFY(bar);
    QVERIFY(bar->outerRect().left() >= plot.axisRect()->rect().right());
    QVERIFY(bar->outerRect().right() <= exportSize().width());
    // Colour range from the data; viridis from dark violet to yellow.
    QVERIFY(closeTo(bar->dataRange().upper, 520.0, 0.05));
    const QRgb low = map->gradient().color(0.0, QCPRange(0, 1));
    const QRgb high = map->gradient().color(1.0, QCPRange(0, 1));
    QCOMPARE(QColor(low).name(), QStringLiteral("#440154"));
    QCOMPARE(QColor(high).name(), QStringLiteral("#fde725"));
    // The uneven time steps were resampled onto even cells: the row at t = 10 h (index 32 of 40 even
    // rows over 0…12.6 h would be 10.3 h) takes the scan nearest to its time.
    const double t = 12.6 * 32 / 39.0;
    int nearest = 0;
    for (int j = 0; j < 40; ++j)
        if (std::abs(f.heatMap->y[size_t(j)] - t) < std::abs(f.heatMap->y[size_t(nearest)] - t)) nearest = j;
    QCOMPARE(map->data()->cell(100, 32), f.heatMap->z[size_t(nearest) * 300 + 100]);
}

void TestPlotSpec::legendAutoAvoidsData()
{
    FigureSpec f = gcdFigure();
    QCOMPARE(f.legendPosition, QStringLiteral("auto"));
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    const QRectF legend(plot.legend->outerRect());
    QVERIFY(!legend.isEmpty());
    const int hidden = pointsInside(f, &plot, legend);
    // Explicit top right (the old default) covers the charge curves' knees; auto covers none.
    FigureSpec fixed = f;
    fixed.legendPosition = QStringLiteral("topRight");
    QCustomPlot plot2;
    renderLikeExport(fixed, &plot2);
    const int hiddenFixed = pointsInside(fixed, &plot2, QRectF(plot2.legend->outerRect()));
    QVERIFY2(hidden == 0 && hiddenFixed > 0,
             qPrintable(QStringLiteral("auto %1, topRight %2").arg(hidden).arg(hiddenFixed)));
    // An explicit position is honoured.
    const QRect lr = plot2.legend->outerRect(), fr = plot2.axisRect()->rect();
    QVERIFY(std::abs((lr.left() + lr.width()) - (fr.left() + fr.width())) <= 1);
    QVERIFY(std::abs(lr.top() - fr.top()) <= 1);
}

void TestPlotSpec::legendAutoMakesRoomWhenNothingIsFree()
{
    // Markers all over the frame (a rate test of many samples): no corner is free, so the y axis
    // grows at the top and the legend goes into the room made.
    const PlotTheme t;
    FigureSpec f;
    f.x.label = QStringLiteral("Cycle number");
    f.y.label = QStringLiteral("Capacity (mAh g^{-1})");
    for (int s = 0; s < 3; ++s) {
        FigureSeries series;
        series.label = QStringLiteral("sample %1").arg(s + 1);
        series.color = t.paletteColor(s);
        series.marker = t.marker(s);
        series.line = false;
        for (int i = 0; i < 150; ++i) {
            series.x.push_back(i % 50 + 0.3 * s);
            series.y.push_back(std::fmod(37.0 * i + 11.0 * s + 5.0 * std::sin(i), 100.0)); // fills 0…100
        }
        f.series.push_back(series);
    }
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCOMPARE(pointsInside(f, &plot, QRectF(plot.legend->outerRect())), 0);
    QVERIFY2(plot.yAxis->range().upper > 110.0, qPrintable(QString::number(plot.yAxis->range().upper)));
    QVERIFY(
        QRectF(plot.axisRect()->rect()).adjusted(-1, -1, 1, 1).contains(QRectF(plot.legend->outerRect())));
    shot(f, QStringLiteral("legend-room"));
    // A fixed maximum is the author's choice: no room is made, the least covered place is taken.
    f.y.max = 100.0;
    QCustomPlot fixed;
    renderLikeExport(f, &fixed);
    QCOMPARE(fixed.yAxis->range().upper, 100.0);
}

void TestPlotSpec::insetAutoAvoidsLoop()
{
    FigureSpec f = isothermWithInset();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    QCPAxisRect* inset = FigureRenderer::insetAxisRect(&plot);
    QVERIFY(inset);
    const int hidden = pointsInside(f, &plot, QRectF(inset->outerRect()));
    FigureSpec fixed = f;
    fixed.insetAuto = false;
    QCustomPlot plot2;
    renderLikeExport(fixed, &plot2);
    const int hiddenFixed =
        pointsInside(fixed, &plot2, QRectF(FigureRenderer::insetAxisRect(&plot2)->outerRect()));
    QVERIFY2(hidden == 0 && hiddenFixed > 5,
             qPrintable(QStringLiteral("auto %1, fixed %2").arg(hidden).arg(hiddenFixed)));
    // Same size as asked, inside the frame; the legend avoids it and the data.
    QVERIFY(std::abs(inset->outerRect().width() - 0.5 * plot.axisRect()->rect().width()) <= 1.0);
    QVERIFY(plot.axisRect()->rect().contains(inset->outerRect()));
    QVERIFY(!QRectF(plot.legend->outerRect()).intersects(QRectF(inset->outerRect())));
    QCOMPARE(pointsInside(f, &plot, QRectF(plot.legend->outerRect())), 0);
}

void TestPlotSpec::onsetLabelsDoNotPileUp()
{
    const FigureSpec f = tgaFigure();
    QCustomPlot plot;
    renderLikeExport(f, &plot);
    const std::vector<QRectF> labels = plotparts::labelRects(&plot);
    QCOMPARE(labels.size(), size_t(3));
    QVERIFY(placement::disjoint(labels));
    // Without the pass the first two (8 °C apart, 3 pt at this width) would overlap.
    const double dx = plot.xAxis->coordToPixel(428.0) - plot.xAxis->coordToPixel(420.0);
    QVERIFY2(dx < labels[0].width(), qPrintable(QString::number(dx)));
    // None covers the legend.
    for (const QRectF& r : labels)
        QVERIFY(!r.intersects(QRectF(plot.legend->outerRect())));
}

void TestPlotSpec::labelPlacerSeparatesAPile()
{
    // Ten labels wanted at the same place: all placed, none overlapping, inside the bounds.
    std::vector<QRectF> pile(10, QRectF(100, 100, 30, 8));
    const QRectF bounds(0, 0, 300, 200);
    const auto placed = placement::placeLabels(pile, bounds, {QRectF(95, 60, 40, 20)});
    QVERIFY(placement::disjoint(placed));
    for (const QRectF& r : placed) {
        QVERIFY(bounds.contains(r));
        QVERIFY(!r.intersects(QRectF(95, 60, 40, 20)));
    }
    QCOMPARE(placed[0], pile[0]); // the first keeps its place
    // Up only: nothing goes below where it was wanted.
    const auto up = placement::placeLabels(pile, bounds, {}, std::vector<bool>(10, true));
    for (const QRectF& r : up)
        QVERIFY(r.bottom() <= pile[0].bottom() + 1e-9);
    QVERIFY(placement::disjoint(up));
}

void TestPlotSpec::occupancyCountsLinesAlongTheirLength()
{
    placement::OccupancyGrid grid(QRectF(0, 0, 100, 100), 2.0);
    // A two-point diagonal: its end points are far from the box, its middle crosses it.
    grid.addPolyline(QPolygonF{QPointF(0, 0), QPointF(100, 100)}, 1.0);
    QVERIFY(grid.cost(QRectF(40, 40, 20, 20)) > 0);
    QCOMPARE(grid.cost(QRectF(60, 0, 40, 30)), qint64(0));
    QCOMPARE(grid.best({QRectF(40, 40, 20, 20), QRectF(70, 0, 30, 20)}), 1);
    grid.addRect(QRectF(70, 0, 30, 20), 1000);
    QCOMPARE(grid.best({QRectF(40, 40, 20, 20), QRectF(70, 0, 30, 20)}), 0);
}

void TestPlotSpec::logAxisThenLinearKeepsNumbers()
{
    // The BET tab shows the log-x pore-size figure and then a linear one in the same PlotView: the
    // linear figure's x numbers must be back (they stayed switched off until restart).
    PlotView view;
    view.resize(640, 480);
    FigureSpec psd = *isothermWithInset().inset;
    view.setFigure(psd);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(!view.plot()->xAxis->tickLabels()); // drawn by the rich log labels instead
    view.setFigure(gcdFigure());
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCPAxis* x = view.plot()->xAxis;
    QCOMPARE(x->scaleType(), QCPAxis::stLinear);
    QVERIFY(x->tickLabels());
    QVERIFY(x->tickVectorLabels().size() >= 3);
    QVERIFY(!x->tickVectorLabels().first().isEmpty());
    // And a hidden-number axis does not leak into the next figure either.
    view.setFigure(stackFigure());
    view.setFigure(gcdFigure());
    QVERIFY(view.plot()->yAxis->tickLabels() && view.plot()->yAxis->ticks());
}

void TestPlotSpec::screenFontsReadable()
{
    PlotView view;
    view.resize(640, 480);
    view.setFigure(gcdFigure());
    // The theme stays the journal one (Copy and exports use it); the screen draws ≥ 10/9 pt.
    QCOMPARE(view.theme().labelSizePt, 7.0);
    QVERIFY(view.plot()->xAxis->labelFont().pointSizeF() >= 9.99);
    QVERIFY(view.plot()->xAxis->tickLabelFont().pointSizeF() >= 8.9);
    QVERIFY(view.plot()->legend->font().pointSizeF() >= 8.9);
    QCustomPlot exported;
    renderLikeExport(gcdFigure(), &exported);
    QVERIFY(std::abs(exported.xAxis->labelFont().pointSizeF() - 7.0) < 0.01);
}

void TestPlotSpec::readoutShowsUnits()
{
    PlotView view;
    view.resize(640, 480);
    FigureSpec f = gcdFigure();
    f.legend = false;
    view.setFigure(f);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCustomPlot* plot = view.plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QPoint p(int(plot->xAxis->coordToPixel(f.series[0].x[100])),
                   int(plot->yAxis->coordToPixel(f.series[0].y[100])));
    QTest::mouseMove(plot, p);
    QTRY_VERIFY(!view.cursorText().isEmpty());
    const QString text = view.cursorText();
    QVERIFY2(text.contains(QStringLiteral("mAh g⁻¹")) && text.contains(QStringLiteral("V vs Na⁺/Na")),
             qPrintable(text));
}

void TestPlotSpec::partsDoNotIncludeTheRenderer()
{
    // FigureRenderer uses the parts; the parts must not use the renderer (the include cycle the review
    // found). Read from the sources, so a new include fails here.
    for (const char* file :
         {"widgets/plot/FigureParts.h", "widgets/plot/FigureParts.cpp", "widgets/plot/Placement.h",
          "widgets/plot/Placement.cpp", "widgets/plot/RenderOptions.h"}) {
        QFile f(QStringLiteral(VANADIS_SOURCE_DIR "/") + QLatin1String(file));
        QVERIFY2(f.open(QIODevice::ReadOnly), file);
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("#include \"widgets/plot/FigureRenderer.h\""), file);
    }
}

void TestPlotSpec::shots()
{
    shot(xrdReferenceFigure(), QStringLiteral("sticks"));
    shot(stackFigure(), QStringLiteral("stack"));
    shot(xpsFigure(), QStringLiteral("xps-fill-residual"));
    shot(cvFigure(), QStringLiteral("cv-fill"));
    shot(heatMapFigure(), QStringLiteral("heatmap"));
    shot(nyquistFigure(), QStringLiteral("nyquist"));
    shot(gcdFigure(), QStringLiteral("gcd-legend-auto"));
    shot(tgaFigure(), QStringLiteral("tga-labels"));
    shot(isothermWithInset(), QStringLiteral("isotherm-inset-auto"));
    // Vector exports of the features that draw polygons and images: written, of sensible size.
    for (const auto& [spec, name] : {std::pair{xpsFigure(), QStringLiteral("xps")},
                                     std::pair{heatMapFigure(), QStringLiteral("heatmap")}}) {
        for (const QString fmt : {QStringLiteral("pdf"), QStringLiteral("svg")}) {
            const QString path = kShots + QLatin1Char('/') + name + QLatin1Char('.') + fmt;
            QVERIFY(
                PlotExporter::exportFigure(spec, PlotTheme::builtIn(), fmt, kWidthMm, kHeightMm, 300, path)
                    .has_value());
            QVERIFY(QFileInfo(path).size() > 2000);
        }
    }
    // What the screen shows (readable fonts), for a look.
    PlotView view;
    view.resize(760, 520);
    view.setFigure(xpsFigure());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(view.grab().save(kShots + QStringLiteral("/screen-xps.png")));
    view.setFigure(tgaFigure());
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(view.grab().save(kShots + QStringLiteral("/screen-tga.png")));
}

QTEST_MAIN(TestPlotSpec)
#include "tst_plotspec.moc"
