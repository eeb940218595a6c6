#include "widgets/plot/FigureParts.h"

#include "widgets/plot/Placement.h"
#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/RichLabel.h"
#include "widgets/plot/SeriesClipper.h"

#include <QPointer>

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
#include <limits>
#include <optional>

namespace vanadis::plotparts {

namespace {

constexpr size_t kSolidOnScreenAbovePoints = 50000;

/// Every text label of one axis rect — text annotations, vertical-tick annotations, point labels
/// (hkl above reference sticks) and end-of-trace labels — placed together in one collision pass at draw
/// time (zoom and pan move the anchors), so that none overlaps another, the legend or the inset. A label
/// moved further than its own height from its place gets a thin leader line to its anchor. Anchors
/// outside the axis ranges are skipped rather than clipped, because SVG output has no clip paths.
class LabelLayer : public QCPLayerable {
public:
    enum class Kind { Text, Tick, AbovePoint, EndOfTrace };
    struct Item {
        Kind kind = Kind::Text;
        double x = 0.0;
        double y = 0.0; ///< data units (offset included); for sticks the top of the stick
        RichLabel label;
        QColor color;
        QString align; ///< Text: left|center|right
        bool rightAxis = false;
        double gap = 0.0; ///< AbovePoint: clearance above the point (marker radius), device units
        int series = -1;  ///< EndOfTrace: index into m_traces
    };
    struct Trace {
        std::vector<double> x;
        std::vector<double> y; ///< offset included
        bool rightAxis = false;
    };

    LabelLayer(QCPAxisRect* rect, QFont font, double minScriptPt, double tickLength, double penWidth,
               double unit)
        : QCPLayerable(rect->parentPlot(), rect->axis(QCPAxis::atBottom)->layer()->name()), m_rect(rect),
          m_font(std::move(font)), m_minScriptPt(minScriptPt), m_tickLength(tickLength), m_penWidth(penWidth),
          m_unit(unit)
    {
        setObjectName(overlayName());
        setProperty(kLabelLayerProperty, true);
    }

    void add(Item item) { m_items.push_back(std::move(item)); }
    /// A stick the labels must not cover (x, from lo to hi in data units).
    void addStick(double x, double lo, double hi, bool rightAxis)
    {
        m_sticks.push_back({x, lo, hi, rightAxis});
    }
    int addTrace(Trace t)
    {
        m_traces.push_back(std::move(t));
        return int(m_traces.size()) - 1;
    }
    bool isEmpty() const { return m_items.empty(); }
    /// A curve the labels should not cover (thinned to a few thousand points).
    void addAvoid(Trace t) { m_avoid.push_back(std::move(t)); }
    /// The boxes of the last draw (device units), for tests.
    const std::vector<QRectF>& placed() const { return m_placed; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aeItems);
    }
    QRect clipRect() const override
    {
        return m_rect ? m_rect->rect().adjusted(0, 0, 0, 1) : QCPLayerable::clipRect();
    }

    void draw(QCPPainter* painter) override
    {
        m_placed.clear();
        if (!m_rect) return;
        QCPAxis* x = m_rect->axis(QCPAxis::atBottom);
        QCPAxis* yl = m_rect->axis(QCPAxis::atLeft);
        QCPAxis* yr = m_rect->axis(QCPAxis::atRight);
        const QRectF frame(m_rect->rect());
        struct Pending {
            size_t item;
            QPointF anchor;
            QPointF tickTop; ///< Tick: where the tick ends and the label starts
            QRectF box;
        };
        std::vector<Pending> pending;
        std::vector<QRectF> wanted;
        std::vector<bool> upOnly;
        for (size_t i = 0; i < m_items.size(); ++i) {
            const Item& it = m_items[i];
            if (it.label.isEmpty() && it.kind != Kind::Tick) continue;
            QCPAxis* y = it.rightAxis ? yr : yl;
            const QSizeF s =
                it.label.isEmpty() ? QSizeF() : it.label.size(m_font, m_minScriptPt, painter->device());
            QPointF anchor;
            QRectF box;
            bool up = false;
            if (it.kind == Kind::EndOfTrace) {
                const auto end = traceEnd(m_traces[size_t(it.series)], x, it.rightAxis ? yr : yl, frame);
                if (!end) continue;
                anchor = *end;
                box = QRectF(frame.right() - 2.0 * m_unit - s.width(), anchor.y() - 1.5 * m_unit - s.height(),
                             s.width(), s.height());
            } else {
                if (!x->range().contains(it.x) || !y->range().contains(it.y)) continue;
                anchor = QPointF(x->coordToPixel(it.x), y->coordToPixel(it.y));
                switch (it.kind) {
                case Kind::Tick:
                    box = QRectF(anchor.x() - s.width() / 2.0,
                                 anchor.y() - m_tickLength - m_unit - s.height(), s.width(), s.height());
                    up = true;
                    break;
                case Kind::AbovePoint:
                    box = QRectF(anchor.x() - s.width() / 2.0, anchor.y() - it.gap - m_unit - s.height(),
                                 s.width(), s.height());
                    up = true;
                    break;
                default: {
                    // "left"/"right" put that edge of the text at the point.
                    const double dx = it.align == QLatin1String("right")  ? -s.width()
                                      : it.align == QLatin1String("left") ? 0.0
                                                                          : -s.width() / 2.0;
                    box = QRectF(anchor.x() + dx, anchor.y() - s.height() / 2.0, s.width(), s.height());
                    break;
                }
                }
            }
            pending.push_back({i, anchor, QPointF(anchor.x(), anchor.y() - m_tickLength), box});
            wanted.push_back(it.label.isEmpty() ? QRectF() : box);
            upOnly.push_back(up);
        }
        std::vector<QRectF> obstacles;
        if (QCPLegend* legend = mParentPlot->legend; legend && legend->visible() &&
                                                     m_rect == mParentPlot->axisRect() &&
                                                     !legend->outerRect().isEmpty())
            obstacles.push_back(QRectF(legend->outerRect()));
        if (m_rect == mParentPlot->axisRect()) {
            for (QCPAxisRect* other : mParentPlot->axisRects())
                if (other != m_rect && m_rect->rect().contains(other->outerRect().center()))
                    obstacles.push_back(QRectF(other->outerRect()));
        }
        for (const StickObstacle& st : m_sticks) {
            QCPAxis* y = st.rightAxis ? yr : yl;
            if (!x->range().contains(st.x)) continue;
            const double px = x->coordToPixel(st.x);
            const double a = y->coordToPixel(st.lo), b = y->coordToPixel(st.hi);
            if (!std::isfinite(a) || !std::isfinite(b)) continue;
            obstacles.push_back(
                QRectF(QPointF(px - m_penWidth, std::min(a, b)), QPointF(px + m_penWidth, std::max(a, b))));
        }
        // What the curves cover, so that labels move off them when a clear place is near.
        placement::OccupancyGrid grid(frame, std::max(2.0, 3.0 * m_unit));
        for (const Trace& t : m_avoid) {
            QCPAxis* y = t.rightAxis ? yr : yl;
            QPolygonF pts;
            pts.reserve(qsizetype(t.x.size()));
            for (size_t i = 0; i < t.x.size(); ++i)
                pts << QPointF(x->coordToPixel(t.x[i]), y->coordToPixel(t.y[i]));
            grid.addPolyline(pts, 0.75 * m_unit);
        }
        const std::vector<QRectF> boxes =
            placement::placeLabels(wanted, frame, obstacles, upOnly, m_avoid.empty() ? nullptr : &grid);
        for (size_t k = 0; k < pending.size(); ++k) {
            const Item& it = m_items[pending[k].item];
            const QPointF anchor = pending[k].anchor;
            painter->setPen(QPen(it.color, m_penWidth, Qt::SolidLine, Qt::FlatCap));
            if (it.kind == Kind::Tick) painter->drawLine(QLineF(anchor, pending[k].tickTop));
            if (it.label.isEmpty()) continue;
            const QRectF& box = boxes[k];
            m_placed.push_back(box);
            const QPointF moved = box.center() - pending[k].box.center();
            if (std::hypot(moved.x(), moved.y()) > 0.9 * box.height()) {
                // Leader from the anchor (tick or stick top) to the nearest point of the box.
                const QPointF from = it.kind == Kind::Tick ? pending[k].tickTop : anchor;
                const QPointF to(std::clamp(from.x(), box.left(), box.right()),
                                 std::clamp(from.y(), box.top(), box.bottom()));
                QPen leader(it.color, m_penWidth * 0.6, Qt::SolidLine, Qt::FlatCap);
                painter->setPen(leader);
                painter->drawLine(QLineF(from, to));
                painter->setPen(QPen(it.color, m_penWidth, Qt::SolidLine, Qt::FlatCap));
            }
            it.label.drawCentered(painter, box.center(), 0.0, m_font, m_minScriptPt);
        }
    }

private:
    /// The trace's visible right end in pixels: x of its right-most visible point, y of its highest
    /// point over the right-most 12 % of the frame (so the label sits above the trace there).
    std::optional<QPointF> traceEnd(const Trace& t, QCPAxis* x, QCPAxis* y, const QRectF& frame) const
    {
        double right = -std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < t.x.size(); ++i) {
            if (!x->range().contains(t.x[i]) || !std::isfinite(t.y[i])) continue;
            right = std::max(right, x->coordToPixel(t.x[i]));
        }
        if (!std::isfinite(right)) return std::nullopt;
        const double from = right - 0.12 * frame.width();
        double top = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < t.x.size(); ++i) {
            if (!x->range().contains(t.x[i]) || !std::isfinite(t.y[i])) continue;
            const double px = x->coordToPixel(t.x[i]);
            if (px < from) continue;
            top = std::min(top, std::clamp(y->coordToPixel(t.y[i]), frame.top(), frame.bottom()));
        }
        if (!std::isfinite(top)) return std::nullopt;
        return QPointF(right, top);
    }

    struct StickObstacle {
        double x, lo, hi;
        bool rightAxis;
    };
    QPointer<QCPAxisRect> m_rect;
    std::vector<Item> m_items;
    std::vector<StickObstacle> m_sticks;
    std::vector<Trace> m_avoid;
    std::vector<Trace> m_traces;
    QFont m_font;
    double m_minScriptPt;
    double m_tickLength;
    double m_penWidth;
    double m_unit;
    std::vector<QRectF> m_placed;
};

/// Translucent area of one series (down to its baseline, to another series, or its own closed loop),
/// computed in pixels at draw time and cut at the axis rect as a polygon: SVG has no clip paths.
class FillLayer : public QCPLayerable {
public:
    FillLayer(QCPAxis* x, QCPAxis* y, QPolygonF data, QBrush brush, bool closeToBaseline, double baseline)
        : QCPLayerable(x->parentPlot(), QString()), m_x(x), m_y(y), m_data(std::move(data)),
          m_brush(std::move(brush)), m_toBaseline(closeToBaseline), m_baseline(baseline)
    {
        setObjectName(overlayName());
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aePlottables);
    }
    QRect clipRect() const override { return m_x ? m_x->axisRect()->rect() : QCPLayerable::clipRect(); }

    void draw(QCPPainter* painter) override
    {
        if (!m_x || !m_y || m_data.size() < 2) return;
        const QRectF frame(m_x->axisRect()->rect());
        auto px = [&](double v) { return m_x->coordToPixel(v); };
        auto py = [&](double v) {
            const double p = m_y->coordToPixel(v);
            // A log axis has no 0: the baseline then lies below the frame.
            return std::isfinite(p) ? std::clamp(p, frame.top() - 1e5, frame.bottom() + 1e5)
                                    : frame.bottom() + 1.0;
        };
        QPolygonF poly;
        poly.reserve(m_data.size() + 2);
        for (const QPointF& d : m_data) {
            const double X = px(d.x()), Y = py(d.y());
            if (std::isfinite(X) && std::isfinite(d.y()))
                poly << QPointF(std::clamp(X, frame.left() - 1e5, frame.right() + 1e5), Y);
        }
        if (poly.size() < 2) return;
        if (m_toBaseline) {
            const double b = py(m_baseline);
            poly << QPointF(poly.last().x(), b) << QPointF(poly.first().x(), b);
        }
        const QPolygonF clipped = poly.intersected(QPolygonF(frame));
        if (clipped.isEmpty()) return;
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_brush);
        painter->drawPolygon(clipped, Qt::OddEvenFill);
    }

private:
    QPointer<QCPAxis> m_x;
    QPointer<QCPAxis> m_y;
    QPolygonF m_data; ///< data units, offset included; for ToSeries the other series reversed at the end
    QBrush m_brush;
    bool m_toBaseline;
    double m_baseline;
};

/// Sticks (impulses) from a baseline to y at each x, cut at the frame by hand (SVG has no clip paths).
class StickLayer : public QCPLayerable {
public:
    StickLayer(QCPAxis* x, QCPAxis* y, std::vector<double> xs, std::vector<double> tops, double base,
               QPen pen)
        : QCPLayerable(x->parentPlot(), QString()), m_x(x), m_y(y), m_xs(std::move(xs)),
          m_tops(std::move(tops)), m_base(base), m_pen(std::move(pen))
    {
        setObjectName(overlayName());
        setProperty(kStickLayerProperty, true);
    }
    qsizetype stickCount() const { return qsizetype(m_xs.size()); }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aePlottables);
    }
    QRect clipRect() const override { return m_x ? m_x->axisRect()->rect() : QCPLayerable::clipRect(); }

    void draw(QCPPainter* painter) override
    {
        if (!m_x || !m_y) return;
        const QCPRange yr = m_y->range();
        painter->setPen(m_pen);
        for (size_t i = 0; i < m_xs.size(); ++i) {
            if (!m_x->range().contains(m_xs[i]) || !std::isfinite(m_tops[i])) continue;
            double lo = std::min(m_base, m_tops[i]), hi = std::max(m_base, m_tops[i]);
            lo = std::max(lo, yr.lower);
            hi = std::min(hi, yr.upper);
            if (lo >= hi) continue;
            const double X = m_x->coordToPixel(m_xs[i]);
            painter->drawLine(QLineF(X, m_y->coordToPixel(lo), X, m_y->coordToPixel(hi)));
        }
    }

private:
    QPointer<QCPAxis> m_x;
    QPointer<QCPAxis> m_y;
    std::vector<double> m_xs;
    std::vector<double> m_tops;
    double m_base;
    QPen m_pen;
};

/// Legend entry drawn from the series style (line, dash and marker) with a rich-text label. It does not
/// need the plottable: clipped series are split into a line and a marker plottable.
class SeriesLegendItem : public QCPAbstractLegendItem {
public:
    SeriesLegendItem(QCPLegend* legend, const QString& markup, QPen pen, QCPScatterStyle scatter,
                     double minScriptPt, int rowPadding, QBrush fill = QBrush(), bool stick = false)
        : QCPAbstractLegendItem(legend), m_label(markup), m_pen(std::move(pen)),
          m_scatter(std::move(scatter)), m_minScriptPt(minScriptPt), m_fill(std::move(fill)), m_stick(stick)
    {
        setMargins(QMargins(0, rowPadding, 0, rowPadding));
        setSelectable(false);
    }

    QSize minimumOuterSizeHint() const override
    {
        const QSizeF text = m_label.size(mFont, m_minScriptPt);
        const QSize icon = mParentLegend->iconSize();
        const int w = icon.width() + mParentLegend->iconTextPadding() + int(std::ceil(text.width()));
        const int h = std::max(icon.height(), int(std::ceil(text.height())));
        return {w + mMargins.left() + mMargins.right(), h + mMargins.top() + mMargins.bottom()};
    }

protected:
    // QCPLayer clips every layerable to its clip rect moved up by one unit (a pixel-grid nicety); in a
    // 1 unit = 1 pt export the default would cut descenders.
    QRect clipRect() const override { return mOuterRect.adjusted(-1, -1, 1, 2); }

    void draw(QCPPainter* painter) override
    {
        const QSize icon = mParentLegend->iconSize();
        const QRectF iconRect(mRect.left(), mRect.top() + (mRect.height() - icon.height()) / 2.0,
                              icon.width(), icon.height());
        const double cy = iconRect.center().y();
        painter->save();
        if (m_fill.style() != Qt::NoBrush) {
            // A filled series shows its area as a swatch under the line.
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_fill);
            painter->drawRect(QRectF(iconRect.left(), cy, iconRect.width(), iconRect.height() / 2.0));
        }
        if (m_stick && m_pen.style() != Qt::NoPen) {
            // Sticks: a few short impulses, as they are drawn.
            painter->setPen(m_pen);
            for (double f : {0.2, 0.5, 0.8})
                painter->drawLine(QLineF(iconRect.left() + f * iconRect.width(), iconRect.bottom(),
                                         iconRect.left() + f * iconRect.width(),
                                         iconRect.top() + (f == 0.5 ? 0.0 : 0.4) * iconRect.height()));
        } else if (m_pen.style() != Qt::NoPen) {
            painter->setPen(m_pen);
            painter->drawLine(QLineF(iconRect.left(), cy, iconRect.right(), cy));
        }
        if (!m_scatter.isNone()) {
            m_scatter.applyTo(painter, m_pen);
            m_scatter.drawShape(painter, iconRect.center());
        }
        painter->restore();
        painter->setPen(QPen(mTextColor));
        const QSizeF text = m_label.size(mFont, m_minScriptPt, painter->device());
        const double ascent = m_label.ascent(mFont, m_minScriptPt, painter->device());
        const double left = iconRect.right() + mParentLegend->iconTextPadding();
        m_label.draw(painter, QPointF(left, mRect.top() + (mRect.height() - text.height()) / 2.0 + ascent),
                     mFont, m_minScriptPt);
    }

private:
    RichLabel m_label;
    QPen m_pen;
    QCPScatterStyle m_scatter;
    double m_minScriptPt;
    QBrush m_fill;
    bool m_stick;
};

/// Span labels, centred at the top of their span. They read the span items' current positions, so a
/// span dragged in PlotView carries its label along without a re-render.
class SpanLabelLayer : public QCPLayerable {
public:
    SpanLabelLayer(QCPAxis* xAxis, QFont font, double minScriptPt, double topGap)
        : QCPLayerable(xAxis->parentPlot(), xAxis->layer()->name()), m_x(xAxis), m_font(std::move(font)),
          m_minScriptPt(minScriptPt), m_topGap(topGap)
    {
        setObjectName(overlayName());
    }

    void add(QCPItemRect* item, const QString& markup) { m_labels.push_back({item, RichLabel(markup)}); }
    bool isEmpty() const { return m_labels.empty(); }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aeItems);
    }
    QRect clipRect() const override
    {
        return m_x ? m_x->axisRect()->rect().adjusted(0, 0, 0, 1) : QCPLayerable::clipRect();
    }

    void draw(QCPPainter* painter) override
    {
        if (!m_x) return;
        const QRect r = m_x->axisRect()->rect();
        QCPLegend* legend = mParentPlot->legend;
        if (!legend || !legend->visible() || legend->outerRect().isEmpty() ||
            m_x->axisRect() != mParentPlot->axisRect())
            legend = nullptr;
        painter->setPen(QPen(m_x->labelColor()));
        for (const auto& [item, label] : m_labels) {
            if (!item || label.isEmpty()) continue;
            const double cx =
                (item->topLeft->pixelPosition().x() + item->bottomRight->pixelPosition().x()) / 2.0;
            // Skipped rather than clipped when the span is scrolled away (SVG has no clip paths).
            if (!std::isfinite(cx) || cx < r.left() || cx > r.left() + r.width()) continue;
            const QSizeF s = label.size(m_font, m_minScriptPt, painter->device());
            QPointF c(cx, r.top() + m_topGap + s.height() / 2.0);
            // BET figures put the legend top left, right where the BET range starts: move the label
            // to the foot of the span rather than print it over the legend.
            const QRectF box(c.x() - s.width() / 2.0, c.y() - s.height() / 2.0, s.width(), s.height());
            if (legend && box.intersects(QRectF(legend->outerRect())))
                c.setY(r.top() + r.height() - m_topGap - s.height() / 2.0);
            label.drawCentered(painter, c, 0.0, m_font, m_minScriptPt);
        }
    }

private:
    struct Entry {
        QPointer<QCPItemRect> item;
        RichLabel label;
    };
    QPointer<QCPAxis> m_x;
    QFont m_font;
    double m_minScriptPt;
    double m_topGap;
    std::vector<Entry> m_labels;
};

Qt::PenStyle dashStyle(const QString& dash)
{
    if (dash == QLatin1String("dash")) return Qt::DashLine;
    if (dash == QLatin1String("dot")) return Qt::DotLine;
    if (dash == QLatin1String("dashdot")) return Qt::DashDotLine;
    return Qt::SolidLine;
}

using Points = SeriesClipper::Points;

SeriesClipper::Box clipBox(const QCPAxis* x, const QCPAxis* y)
{
    return {x->range().lower,
            x->range().upper,
            y->range().lower,
            y->range().upper,
            x->scaleType() == QCPAxis::stLogarithmic,
            y->scaleType() == QCPAxis::stLogarithmic};
}

void putOnLayer(QCPLayerable* l, const QString& layer)
{
    if (!layer.isEmpty()) l->setLayer(layer);
}

/// Adds one plottable: a QCPGraph for monotonic x (fast, adaptive sampling), a QCPCurve otherwise.
/// `xAt(i)`/`yAt(i)` give the n points, so unclipped series go straight from the FigureSeries into
/// QCustomPlot's container without an intermediate copy (10⁷ points are 160 MB per copy).
template <class XAt, class YAt>
QCPAbstractPlottable* addPlottable(QCPAxis* xAxis, QCPAxis* yAxis, qsizetype n, XAt xAt, YAt yAt, int order,
                                   const QPen& pen, const QCPScatterStyle& scatter, bool line,
                                   bool adaptiveSampling, const QString& name)
{
    if (order != 0) {
        auto* graph = xAxis->parentPlot()->addGraph(xAxis, yAxis);
        QVector<QCPGraphData> data(n);
        for (qsizetype i = 0; i < n; ++i) {
            const qsizetype j = order > 0 ? i : n - 1 - i; // descending x (XPS, FTIR) reversed, not sorted
            data[i] = QCPGraphData(xAt(j), yAt(j));
        }
        graph->data()->set(data, true);
        graph->setLineStyle(line ? QCPGraph::lsLine : QCPGraph::lsNone);
        graph->setScatterStyle(scatter);
        graph->setAdaptiveSampling(adaptiveSampling);
        graph->setPen(line ? pen : QPen(Qt::NoPen));
        graph->setName(name);
        graph->setSelectable(QCP::stNone);
        return graph;
    }
    auto* curve = new QCPCurve(xAxis, yAxis);
    QVector<QCPCurveData> data(n);
    for (qsizetype i = 0; i < n; ++i)
        data[i] = QCPCurveData(double(i), xAt(i), yAt(i));
    curve->data()->set(data, true);
    curve->setLineStyle(line ? QCPCurve::lsLine : QCPCurve::lsNone);
    curve->setScatterStyle(scatter);
    curve->setPen(line ? pen : QPen(Qt::NoPen));
    curve->setName(name);
    curve->setSelectable(QCP::stNone);
    return curve;
}

QCPAbstractPlottable* addPlottable(QCPAxis* xAxis, QCPAxis* yAxis, const Points& pts, int order,
                                   const QPen& pen, const QCPScatterStyle& scatter, bool line,
                                   bool adaptiveSampling, const QString& name)
{
    return addPlottable(
        xAxis, yAxis, std::min(pts.x.size(), pts.y.size()), [&](qsizetype i) { return pts.x[i]; },
        [&](qsizetype i) { return pts.y[i]; }, order, pen, scatter, line, adaptiveSampling, name);
}

QCPAbstractPlottable* addPlottable(QCPAxis* xAxis, QCPAxis* yAxis, const FigureSeries& s, int order,
                                   const QPen& pen, const QCPScatterStyle& scatter, bool adaptiveSampling,
                                   const QString& name)
{
    const double off = s.yOffset;
    return addPlottable(
        xAxis, yAxis, qsizetype(std::min(s.x.size(), s.y.size())),
        [&](qsizetype i) { return s.x[size_t(i)]; }, [&](qsizetype i) { return s.y[size_t(i)] + off; }, order,
        pen, scatter, s.line, adaptiveSampling, name);
}

/// The x extent a span is drawn with, or nothing when it cannot be drawn (non-finite, or wholly outside
/// the range when clipping). Ends are ordered; on a log axis non-positive ends are pulled in.
std::optional<std::pair<double, double>> spanExtent(const QCPAxis* x, double xMin, double xMax, bool clip)
{
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) return std::nullopt;
    if (xMin > xMax) std::swap(xMin, xMax);
    const QCPRange range = x->range();
    const bool log = x->scaleType() == QCPAxis::stLogarithmic;
    if (log) {
        if (xMax <= 0.0) return std::nullopt;
        // A log axis has no 0: start far enough left to be off any sensible view.
        if (xMin <= 0.0) xMin = std::min(range.lower, xMax) * 1e-6;
    }
    if (clip) {
        xMin = std::max(xMin, range.lower);
        xMax = std::min(xMax, range.upper);
        if (xMin >= xMax) return std::nullopt;
    }
    return std::make_pair(xMin, xMax);
}

void placeSpanItem(QCPItemRect* item, double xMin, double xMax)
{
    item->topLeft->setCoords(xMin, 0.0);
    item->bottomRight->setCoords(xMax, 1.0);
}

} // namespace

QString overlayName()
{
    return QStringLiteral("vanadis.overlay");
}

QString spanItemName()
{
    return QStringLiteral("vanadis.span");
}

int sortOrder(const std::vector<double>& x)
{
    bool up = true, down = true;
    double prev = std::numeric_limits<double>::quiet_NaN();
    for (double v : x) {
        if (std::isnan(v)) continue;
        if (!std::isnan(prev)) {
            if (v < prev) up = false;
            if (v > prev) down = false;
            if (!up && !down) return 0;
        }
        prev = v;
    }
    if (up) return 1;
    return down ? -1 : 0;
}

int units(double pt, double scale)
{
    return std::max(0, int(std::lround(pt * scale)));
}

QPen seriesPen(const FigureSeries& s, const PlotTheme& theme, double scale)
{
    const double widthPt = s.lineWidthPt > 0.0 ? s.lineWidthPt : theme.lineWidthPt;
    QPen pen(s.color, widthPt * scale, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    // Dash patterns are in multiples of the pen width; these read well at 0.5–1.5 pt.
    const Qt::PenStyle style = dashStyle(s.dash);
    if (style == Qt::DashLine)
        pen.setDashPattern({4.0, 2.0});
    else if (style == Qt::DotLine)
        pen.setDashPattern({1.0, 1.5});
    else if (style == Qt::DashDotLine)
        pen.setDashPattern({4.0, 1.5, 1.0, 1.5});
    return pen;
}

QCPScatterStyle scatterStyle(const FigureSeries& s, const PlotTheme& theme, double scale)
{
    static const QHash<QString, QCPScatterStyle::ScatterShape> shapes = {
        {QStringLiteral("circle"), QCPScatterStyle::ssCircle},
        {QStringLiteral("square"), QCPScatterStyle::ssSquare},
        {QStringLiteral("triangle"), QCPScatterStyle::ssTriangle},
        {QStringLiteral("diamond"), QCPScatterStyle::ssDiamond},
        {QStringLiteral("cross"), QCPScatterStyle::ssCross},
        {QStringLiteral("plus"), QCPScatterStyle::ssPlus},
        {QStringLiteral("star"), QCPScatterStyle::ssStar}};
    const auto shape = shapes.value(s.marker.toLower(), QCPScatterStyle::ssNone);
    if (shape == QCPScatterStyle::ssNone) {
        if (s.line) return QCPScatterStyle();
        // Neither line nor marker would draw nothing: fall back to small dots.
        return QCPScatterStyle(QCPScatterStyle::ssDisc, s.color, theme.markerSizePt * 0.5 * scale);
    }
    const double widthPt = s.lineWidthPt > 0.0 ? std::min(s.lineWidthPt, 1.0) : theme.lineWidthPt;
    QPen pen(s.color, widthPt * 0.75 * scale, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    // Open markers are filled with the background (not transparent) so a line behind them is hidden.
    const QBrush brush = theme.markerFilled || s.filled ? QBrush(s.color) : QBrush(theme.background);
    return QCPScatterStyle(shape, pen, brush, theme.markerSizePt * scale);
}

QPen screenPen(const FigureSeries& s, const PlotTheme& theme, const RenderOptions& options)
{
    // Dense dashed traces take QPainter's slow path (≈1 s per replot at 1e6 points) and a dash pattern on
    // a min/max-sampled trace is invisible anyway: on screen they are drawn solid; exports keep dashes.
    QPen pen = seriesPen(s, theme, options.scale > 0.0 ? options.scale : 1.0);
    if (options.adaptiveSampling && !options.clipToRanges && s.x.size() > kSolidOnScreenAbovePoints)
        pen.setStyle(Qt::SolidLine);
    return pen;
}

QColor fillColor(const FigureSeries& s)
{
    if (s.fillColor.isValid()) return s.fillColor;
    QColor c = s.color;
    c.setAlphaF(0.25);
    return c;
}

void addFills(const FigureSpec& spec, QCPAxisRect* rect, const QString& layer)
{
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    QCPAxis* y2 = rect->axis(QCPAxis::atRight);
    auto points = [](const FigureSeries& s, bool reversed) {
        QPolygonF p;
        const size_t n = std::min(s.x.size(), s.y.size());
        // Dense traces are thinned for the polygon only: a fill needs no more than a few thousand vertices.
        const size_t step = std::max<size_t>(1, n / 20000);
        p.reserve(qsizetype(n / step + 2));
        for (size_t k = 0; k < n; k += step) {
            const size_t i = reversed ? n - 1 - k : k;
            p << QPointF(s.x[i], s.y[i] + s.yOffset);
        }
        if (n > 0 && (n - 1) % step != 0) {
            const size_t last = reversed ? 0 : n - 1;
            p << QPointF(s.x[last], s.y[last] + s.yOffset);
        }
        return p;
    };
    for (const FigureSeries& s : spec.series) {
        if (s.fill == FigureSeries::Fill::None || s.x.size() < 2) continue;
        QCPAxis* valueAxis = s.onRightAxis && spec.y2 && y2 ? y2 : y;
        QPolygonF poly = points(s, false);
        bool toBaseline = false;
        if (s.fill == FigureSeries::Fill::ToBaseline) {
            toBaseline = true;
        } else if (s.fill == FigureSeries::Fill::ToSeries) {
            if (s.fillToSeries < 0 || size_t(s.fillToSeries) >= spec.series.size()) continue;
            const FigureSeries& other = spec.series[size_t(s.fillToSeries)];
            if (&other == &s || other.x.empty()) continue;
            poly += points(other, true); // along this series, back along the other: the band between
        }
        auto* layerable =
            new FillLayer(x, valueAxis, poly, QBrush(fillColor(s)), toBaseline, s.baseline + s.yOffset);
        putOnLayer(layerable, layer);
    }
}

void addSeries(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme,
               const RenderOptions& options, const QString& layer)
{
    const double scale = options.scale > 0.0 ? options.scale : 1.0;
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    QCPAxis* y2 = rect->axis(QCPAxis::atRight);
    for (const FigureSeries& s : spec.series) {
        QCPAxis* valueAxis = s.onRightAxis && spec.y2 && y2 ? y2 : y;
        const QPen pen = screenPen(s, theme, options);
        if (s.kind == FigureSeries::Kind::Sticks) {
            const size_t n = std::min(s.x.size(), s.y.size());
            std::vector<double> tops(n);
            for (size_t i = 0; i < n; ++i)
                tops[i] = s.y[i] + s.yOffset;
            QPen stickPen = pen;
            stickPen.setCapStyle(Qt::FlatCap);
            putOnLayer(new StickLayer(x, valueAxis,
                                      std::vector<double>(s.x.begin(), s.x.begin() + qsizetype(n)),
                                      std::move(tops), s.baseline + s.yOffset, stickPen),
                       layer);
            continue;
        }
        const QCPScatterStyle scatter = scatterStyle(s, theme, scale);
        const int order = sortOrder(s.x);
        const QString name = RichLabel(s.label).plainText();
        if (options.clipToRanges) {
            const SeriesClipper::Box box = clipBox(x, valueAxis);
            // Lines are cut on the frame; markers are kept only inside, in a separate plottable, so the
            // interpolated border points never get a symbol.
            if (s.line) {
                Points pts = SeriesClipper::clipLine(s, box);
                const double perUnit = options.decimationColumnsPerUnit;
                if (order != 0 && perUnit > 0.0) {
                    pts = SeriesClipper::decimateM4(
                        pts, [x, perUnit](double v) { return x->coordToPixel(v) * perUnit; },
                        x->axisRect()->width() * perUnit);
                }
                putOnLayer(addPlottable(x, valueAxis, pts, order, pen, QCPScatterStyle(), true,
                                        options.adaptiveSampling, name),
                           layer);
            }
            if (!scatter.isNone()) {
                putOnLayer(addPlottable(x, valueAxis, SeriesClipper::pointsInside(s, box), order, pen,
                                        scatter, false, options.adaptiveSampling, name),
                           layer);
            }
        } else {
            putOnLayer(addPlottable(x, valueAxis, s, order, pen, scatter, options.adaptiveSampling, name),
                       layer);
        }
    }
}

QCPAbstractLegendItem* makeLegendItem(QCPLegend* legend, const FigureSeries& s, const PlotTheme& theme,
                                      const RenderOptions& options)
{
    const double scale = options.scale > 0.0 ? options.scale : 1.0;
    const bool sticks = s.kind == FigureSeries::Kind::Sticks;
    const QPen pen = s.line || sticks ? screenPen(s, theme, options) : QPen(Qt::NoPen);
    const QBrush fill = s.fill != FigureSeries::Fill::None ? QBrush(fillColor(s)) : QBrush();
    return new SeriesLegendItem(legend, s.label, pen,
                                sticks ? QCPScatterStyle() : scatterStyle(s, theme, scale),
                                theme.minScriptSizePt, units(0.25, scale), fill, sticks);
}

void addLabels(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme, double scale)
{
    if (!rect) return;
    auto* layer =
        new LabelLayer(rect, theme.font(theme.annotationSizePt, scale), theme.minScriptSizePt,
                       theme.referenceTickLengthPt * scale, theme.axisPenPt * scale, units(1.0, scale));
    for (const FigureAnnotation& a : spec.annotations) {
        LabelLayer::Item it;
        it.kind =
            a.kind == FigureAnnotation::Kind::VerticalTick ? LabelLayer::Kind::Tick : LabelLayer::Kind::Text;
        it.x = a.x;
        it.y = a.y;
        it.label = RichLabel(a.text);
        it.color = a.color;
        it.align = a.align;
        layer->add(std::move(it));
    }
    for (const FigureSeries& s : spec.series) {
        const bool right = s.onRightAxis && spec.y2.has_value();
        const bool sticks = s.kind == FigureSeries::Kind::Sticks;
        const bool marker = !sticks && s.marker.toLower() != QLatin1String("none");
        if (sticks && !s.pointLabels.empty()) {
            for (size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i)
                layer->addStick(s.x[i], std::min(s.y[i], s.baseline) + s.yOffset,
                                std::max(s.y[i], s.baseline) + s.yOffset, right);
        }
        for (size_t i = 0; i < std::min({s.pointLabels.size(), s.x.size(), s.y.size()}); ++i) {
            if (s.pointLabels[i].trimmed().isEmpty()) continue;
            LabelLayer::Item it;
            it.kind = LabelLayer::Kind::AbovePoint;
            it.x = s.x[i];
            it.y = (sticks ? std::max(s.y[i], s.baseline) : s.y[i]) + s.yOffset;
            it.label = RichLabel(s.pointLabels[i]);
            it.color = s.color;
            it.rightAxis = right;
            it.gap = marker ? theme.markerSizePt * 0.5 * scale : 0.0;
            layer->add(std::move(it));
        }
    }
    for (const FigureSeries& s : spec.series) {
        if (s.endLabel.trimmed().isEmpty() || s.x.empty()) continue;
        LabelLayer::Trace t;
        t.x = s.x;
        t.y.resize(std::min(s.x.size(), s.y.size()));
        t.x.resize(t.y.size());
        for (size_t i = 0; i < t.y.size(); ++i)
            t.y[i] = s.y[i] + s.yOffset;
        t.rightAxis = s.onRightAxis && spec.y2.has_value();
        LabelLayer::Item it;
        it.kind = LabelLayer::Kind::EndOfTrace;
        it.label = RichLabel(s.endLabel);
        it.color = s.color;
        it.rightAxis = t.rightAxis;
        it.series = layer->addTrace(std::move(t));
        layer->add(std::move(it));
    }
    if (layer->isEmpty()) {
        delete layer;
        return;
    }
    for (const FigureSeries& s : spec.series) {
        if (s.kind == FigureSeries::Kind::Sticks) continue;
        const size_t n = std::min(s.x.size(), s.y.size());
        const size_t step = std::max<size_t>(1, n / 4000);
        LabelLayer::Trace t;
        t.rightAxis = s.onRightAxis && spec.y2.has_value();
        for (size_t i = 0; i < n; i += step) {
            t.x.push_back(s.x[i]);
            t.y.push_back(s.y[i] + s.yOffset);
        }
        layer->addAvoid(std::move(t));
    }
}

std::vector<QRectF> labelRects(QCustomPlot* plot)
{
    std::vector<QRectF> out;
    if (!plot) return out;
    for (QObject* child : plot->children()) {
        if (!child->property(kLabelLayerProperty).toBool()) continue;
        if (auto* l = dynamic_cast<LabelLayer*>(child))
            out.insert(out.end(), l->placed().begin(), l->placed().end());
    }
    return out;
}

qsizetype stickCount(QCustomPlot* plot)
{
    qsizetype n = 0;
    if (!plot) return n;
    for (QObject* child : plot->children())
        if (auto* l = dynamic_cast<StickLayer*>(child)) n += l->stickCount();
    return n;
}

void addSpans(QCPAxisRect* rect, const std::vector<FigureSpan>& spans, const PlotTheme& theme, double scale,
              bool clipToRange, const QString& layer)
{
    if (spans.empty() || !rect) return;
    QCustomPlot* plot = rect->parentPlot();
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    // Below the inward ticks, so a label never touches them.
    const double topGap = (theme.ticksInward ? theme.majorTickLengthPt : 0.0) * scale + units(1.0, scale);
    auto* labels =
        new SpanLabelLayer(x, theme.font(theme.annotationSizePt, scale), theme.minScriptSizePt, topGap);
    for (const FigureSpan& span : spans) {
        const auto extent = spanExtent(x, span.xMin, span.xMax, clipToRange);
        if (!extent) continue;
        auto* item = new QCPItemRect(plot);
        item->setObjectName(spanItemName());
        item->setProperty(kSpanIdProperty, span.id);
        putOnLayer(item, layer);
        item->setClipAxisRect(rect);
        item->setClipToAxisRect(true);
        item->setSelectable(false);
        for (QCPItemPosition* p : {item->topLeft, item->bottomRight}) {
            p->setAxes(x, y);
            p->setAxisRect(rect);
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio); // 0 = top, 1 = bottom of the frame
        }
        placeSpanItem(item, extent->first, extent->second);
        item->setBrush(QBrush(span.color));
        if (span.editable) {
            // Draggable edges get a visible line: the fill alone does not show where to grab.
            QColor edge = span.color;
            edge.setAlpha(std::clamp(edge.alpha() * 3, 128, 255));
            item->setPen(QPen(edge, 0.5 * scale, Qt::SolidLine, Qt::FlatCap));
        } else {
            item->setPen(Qt::NoPen);
        }
        if (!span.label.trimmed().isEmpty()) labels->add(item, span.label);
    }
    if (labels->isEmpty()) delete labels;
}

bool moveSpanItem(QCustomPlot* plot, QCPAxisRect* rect, int id, double xMin, double xMax)
{
    if (!plot || !rect) return false;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* item = qobject_cast<QCPItemRect*>(plot->item(i));
        if (!item || item->objectName() != spanItemName() || item->clipAxisRect() != rect) continue;
        if (item->property(kSpanIdProperty).toInt() != id) continue;
        const auto extent = spanExtent(rect->axis(QCPAxis::atBottom), xMin, xMax, false);
        if (!extent) return false;
        placeSpanItem(item, extent->first, extent->second);
        return true;
    }
    return false;
}

} // namespace vanadis::plotparts
