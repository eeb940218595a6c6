// Replot and data-loading speed of PlotView with large line series (sorted x, adaptive sampling), in
// a 1200 × 800 px view on the offscreen platform. Prints one line per measurement:
//   replot_1M_ms median=<value> ms
// Reference (export.md §4, 2 cores): 1e6 points replot 11 ms, setData 18 ms; 5e6 points 35 / 71 ms.

#include "widgets/plot/PlotView.h"

#include <QApplication>
#include <QElapsedTimer>

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

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr int kRepeats = 15;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/// A noisy cycling-like signal: what a long potentiostat record looks like.
vanadis::FigureSpec bigFigure(size_t n)
{
    vanadis::FigureSpec f;
    f.x.label = QStringLiteral("Time (h)");
    f.y.label = QStringLiteral("Potential (V)");
    vanadis::FigureSeries s;
    s.label = QStringLiteral("cell");
    s.color = QColor(0, 114, 178);
    s.x.resize(n);
    s.y.resize(n);
    std::uint64_t state = 88172645463325252ull;
    for (size_t i = 0; i < n; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        const double t = double(i) / double(n) * 500.0;
        s.x[i] = t;
        s.y[i] = 3.0 + 0.8 * std::sin(t * 0.7) + 1e-3 * double(state % 1000) / 1000.0;
    }
    f.series.push_back(std::move(s));
    return f;
}

void report(const char* name, const std::vector<double>& ms)
{
    std::printf("%s median=%.2f ms\n", name, median(ms));
    std::fflush(stdout);
}

void run(vanadis::PlotView& view, size_t n, const char* tag)
{
    const vanadis::FigureSpec spec = bigFigure(n);
    QElapsedTimer timer;

    // Whole path a user pays when a figure is shown: theme, axes, ranges, plottables.
    std::vector<double> setFigure;
    for (int i = 0; i < (n > 5'000'000 ? 5 : kRepeats); ++i) {
        timer.start();
        view.setFigure(spec);
        setFigure.push_back(timer.nsecsElapsed() / 1e6);
    }

    // QCPGraph::setData alone (sorted keys), as in export.md §4.
    QCustomPlot* plot = view.plot();
    auto* graph = qobject_cast<QCPGraph*>(plot->plottable(0));
    if (!graph) {
        std::fprintf(stderr, "expected a QCPGraph for sorted x\n");
        return;
    }
    const QVector<double> keys(spec.series[0].x.begin(), spec.series[0].x.end());
    const QVector<double> values(spec.series[0].y.begin(), spec.series[0].y.end());
    std::vector<double> setData;
    for (int i = 0; i < kRepeats; ++i) {
        timer.start();
        graph->setData(keys, values, true);
        setData.push_back(timer.nsecsElapsed() / 1e6);
    }

    // Replot with a small pan between runs so nothing is served from a cache.
    plot->replot(QCustomPlot::rpImmediateRefresh); // warm-up
    std::vector<double> replot;
    for (int i = 0; i < kRepeats; ++i) {
        plot->xAxis->moveRange(i % 2 ? 1e-3 : -1e-3);
        timer.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        replot.push_back(timer.nsecsElapsed() / 1e6);
    }

    const QByteArray a = QByteArray("replot_") + tag + "_ms";
    const QByteArray b = QByteArray("setdata_") + tag + "_ms";
    const QByteArray c = QByteArray("setfigure_") + tag + "_ms";
    report(a.constData(), replot);
    report(b.constData(), setData);
    report(c.constData(), setFigure);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    vanadis::PlotView view;
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();
    run(view, 1'000'000, "1M");
    run(view, 10'000'000, "10M");
    return 0;
}
