#include "widgets/plot/SeriesClipper.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace vanadis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Box and points in the space where clipping is linear (log10 for log axes).
struct Space {
    bool xLog, yLog;
    double fx(double v) const { return xLog ? (v > 0.0 ? std::log10(v) : kNaN) : v; }
    double fy(double v) const { return yLog ? (v > 0.0 ? std::log10(v) : kNaN) : v; }
    double ix(double v) const { return xLog ? std::pow(10.0, v) : v; }
    double iy(double v) const { return yLog ? std::pow(10.0, v) : v; }
};

} // namespace

SeriesClipper::Points SeriesClipper::clipLine(const FigureSeries& s, const Box& box)
{
    const Space sp{box.xLog, box.yLog};
    const double x0 = sp.fx(std::min(box.xMin, box.xMax)), x1 = sp.fx(std::max(box.xMin, box.xMax));
    const double y0 = sp.fy(std::min(box.yMin, box.yMax)), y1 = sp.fy(std::max(box.yMin, box.yMax));
    Points out;
    const size_t n = std::min(s.x.size(), s.y.size());
    auto px = [&](size_t i) { return sp.fx(s.x[i]); };
    auto py = [&](size_t i) { return sp.fy(s.y[i] + s.yOffset); };
    auto push = [&](double x, double y) {
        out.x.append(sp.ix(x));
        out.y.append(sp.iy(y));
    };
    auto gap = [&] {
        if (!out.x.isEmpty() && !std::isnan(out.y.back())) {
            out.x.append(out.x.back()); // keeps x monotonic for QCPGraph
            out.y.append(kNaN);
        }
    };
    if (n == 1) {
        const double x = px(0), y = py(0);
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) push(x, y);
        return out;
    }
    bool connected = false;
    for (size_t i = 0; i + 1 < n; ++i) {
        const double ax = px(i), ay = py(i), bx = px(i + 1), by = py(i + 1);
        if (!std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(bx) || !std::isfinite(by)) {
            connected = false;
            continue;
        }
        // Liang–Barsky: the part t ∈ [t0, t1] of a + t·(b − a) inside the box.
        const double dx = bx - ax, dy = by - ay;
        double t0 = 0.0, t1 = 1.0;
        bool visible = true;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int k = 0; k < 4 && visible; ++k) {
            if (p[k] == 0.0) {
                if (q[k] < 0.0) visible = false;
            } else {
                const double t = q[k] / p[k];
                if (p[k] < 0.0) {
                    if (t > t1)
                        visible = false;
                    else
                        t0 = std::max(t0, t);
                } else {
                    if (t < t0)
                        visible = false;
                    else
                        t1 = std::min(t1, t);
                }
            }
        }
        if (!visible) {
            connected = false;
            continue;
        }
        if (!(connected && t0 == 0.0)) {
            gap();
            push(ax + t0 * dx, ay + t0 * dy);
        }
        push(ax + t1 * dx, ay + t1 * dy);
        connected = t1 == 1.0;
    }
    return out;
}

SeriesClipper::Points SeriesClipper::pointsInside(const FigureSeries& s, const Box& box)
{
    const Space sp{box.xLog, box.yLog};
    const double x0 = sp.fx(std::min(box.xMin, box.xMax)), x1 = sp.fx(std::max(box.xMin, box.xMax));
    const double y0 = sp.fy(std::min(box.yMin, box.yMax)), y1 = sp.fy(std::max(box.yMin, box.yMax));
    Points out;
    const size_t n = std::min(s.x.size(), s.y.size());
    for (size_t i = 0; i < n; ++i) {
        const double x = s.x[i], y = s.y[i] + s.yOffset;
        const double tx = sp.fx(x), ty = sp.fy(y);
        if (!std::isfinite(tx) || !std::isfinite(ty)) continue;
        if (tx >= x0 && tx <= x1 && ty >= y0 && ty <= y1) {
            out.x.append(x);
            out.y.append(y);
        }
    }
    return out;
}

SeriesClipper::Points SeriesClipper::decimateM4(const Points& in,
                                                const std::function<double(double)>& columnOf, double columns)
{
    const qsizetype n = std::min(in.x.size(), in.y.size());
    if (!columnOf || !(columns > 0.0) || n <= 4 * qsizetype(columns) + 4) return in;
    Points out;
    out.x.reserve(qsizetype(4 * columns) + 64);
    out.y.reserve(qsizetype(4 * columns) + 64);
    qint64 column = std::numeric_limits<qint64>::min();
    qsizetype first = -1, last = -1, lo = -1, hi = -1;
    auto flush = [&] {
        if (first < 0) return;
        qsizetype keep[4] = {first, lo, hi, last};
        std::sort(std::begin(keep), std::end(keep));
        for (int k = 0; k < 4; ++k) {
            if (k > 0 && keep[k] == keep[k - 1]) continue;
            out.x.append(in.x[keep[k]]);
            out.y.append(in.y[keep[k]]);
        }
        first = -1;
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (std::isnan(in.y[i]) || std::isnan(in.x[i])) {
            flush();
            out.x.append(in.x[i]);
            out.y.append(in.y[i]);
            continue;
        }
        const qint64 c = qint64(std::floor(columnOf(in.x[i])));
        if (first < 0 || c != column) {
            flush();
            column = c;
            first = last = lo = hi = i;
            continue;
        }
        last = i;
        if (in.y[i] < in.y[lo]) lo = i;
        if (in.y[i] > in.y[hi]) hi = i;
    }
    flush();
    return out;
}

} // namespace vanadis
