#include "widgets/plot/FigureParts.h"

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
#include <optional>

namespace vanadis::plotparts {

namespace {

constexpr size_t kSolidOnScreenAbovePoints = 50000;

/// Text labels and vertical tick marks (reference reflections) in data coordinates. Anchors outside the
/// axis ranges are skipped rather than clipped, because SVG output has no clip paths.
class AnnotationLayer : public QCPLayerable {
public:
    AnnotationLayer(QCPAxis* xAxis, QCPAxis* yAxis, std::vector<FigureAnnotation> annotations, QFont font,
                    double minScriptPt, double tickLength, double penWidth)
        : QCPLayerable(xAxis->parentPlot(), xAxis->layer()->name()), m_x(xAxis), m_y(yAxis),
          m_annotations(std::move(annotations)), m_font(std::move(font)), m_minScriptPt(minScriptPt),
          m_tickLength(tickLength), m_penWidth(penWidth)
    {
        setObjectName(overlayName());
        for (const auto& a : m_annotations)
            m_labels.emplace_back(a.text);
    }

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
        if (!m_x || !m_y) return;
        for (size_t i = 0; i < m_annotations.size(); ++i) {
            const FigureAnnotation& a = m_annotations[i];
            if (!m_x->range().contains(a.x) || !m_y->range().contains(a.y)) continue;
            const QPointF p(m_x->coordToPixel(a.x), m_y->coordToPixel(a.y));
            painter->setPen(QPen(a.color, m_penWidth, Qt::SolidLine, Qt::FlatCap));
            if (a.kind == FigureAnnotation::Kind::VerticalTick) {
                painter->drawLine(QLineF(p, p - QPointF(0.0, m_tickLength)));
                if (!m_labels[i].isEmpty()) {
                    const QSizeF s = m_labels[i].size(m_font, m_minScriptPt, painter->device());
                    m_labels[i].drawCentered(painter, p - QPointF(0.0, m_tickLength + 1.0 + s.height() / 2.0),
                                             0.0, m_font, m_minScriptPt);
                }
            } else {
                // Shift by half the text width so that "left"/"right" put that edge at the point.
                const double half = m_labels[i].size(m_font, m_minScriptPt, painter->device()).width() / 2.0;
                const double dx = a.align == QLatin1String("right") ? -half : a.align == QLatin1String("left") ? half : 0.0;
                m_labels[i].drawCentered(painter, p + QPointF(dx, 0.0), 0.0, m_font, m_minScriptPt);
            }
        }
    }

private:
    QPointer<QCPAxis> m_x;
    QPointer<QCPAxis> m_y;
    std::vector<FigureAnnotation> m_annotations;
    std::vector<RichLabel> m_labels;
    QFont m_font;
    double m_minScriptPt;
    double m_tickLength;
    double m_penWidth;
};

/// Legend entry drawn from the series style (line, dash and marker) with a rich-text label. It does not
/// need the plottable: clipped series are split into a line and a marker plottable.
class SeriesLegendItem : public QCPAbstractLegendItem {
public:
    SeriesLegendItem(QCPLegend* legend, const QString& markup, QPen pen, QCPScatterStyle scatter,
                     double minScriptPt, int rowPadding)
        : QCPAbstractLegendItem(legend), m_label(markup), m_pen(std::move(pen)),
          m_scatter(std::move(scatter)), m_minScriptPt(minScriptPt)
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
        if (m_pen.style() != Qt::NoPen) {
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
        if (!legend || !legend->visible() || legend->outerRect().isEmpty() || m_x->axisRect() != mParentPlot->axisRect())
            legend = nullptr;
        painter->setPen(QPen(m_x->labelColor()));
        for (const auto& [item, label] : m_labels) {
            if (!item || label.isEmpty()) continue;
            const double cx = (item->topLeft->pixelPosition().x() + item->bottomRight->pixelPosition().x()) / 2.0;
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
        xAxis, yAxis, qsizetype(std::min(s.x.size(), s.y.size())), [&](qsizetype i) { return s.x[size_t(i)]; },
        [&](qsizetype i) { return s.y[size_t(i)] + off; }, order, pen, scatter, s.line, adaptiveSampling, name);
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

QPen screenPen(const FigureSeries& s, const PlotTheme& theme, const FigureRenderer::Options& options)
{
    // Dense dashed traces take QPainter's slow path (≈1 s per replot at 1e6 points) and a dash pattern on
    // a min/max-sampled trace is invisible anyway: on screen they are drawn solid; exports keep dashes.
    QPen pen = seriesPen(s, theme, options.scale > 0.0 ? options.scale : 1.0);
    if (options.adaptiveSampling && !options.clipToRanges && s.x.size() > kSolidOnScreenAbovePoints)
        pen.setStyle(Qt::SolidLine);
    return pen;
}

void addSeries(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme,
               const FigureRenderer::Options& options, const QString& layer)
{
    const double scale = options.scale > 0.0 ? options.scale : 1.0;
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    QCPAxis* y2 = rect->axis(QCPAxis::atRight);
    for (const FigureSeries& s : spec.series) {
        QCPAxis* valueAxis = s.onRightAxis && spec.y2 && y2 ? y2 : y;
        const QPen pen = screenPen(s, theme, options);
        const QCPScatterStyle scatter = scatterStyle(s, theme, scale);
        const int order = FigureRenderer::sortOrder(s.x);
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
                putOnLayer(addPlottable(x, valueAxis, SeriesClipper::pointsInside(s, box), order, pen, scatter,
                                        false, options.adaptiveSampling, name),
                           layer);
            }
        } else {
            putOnLayer(addPlottable(x, valueAxis, s, order, pen, scatter, options.adaptiveSampling, name), layer);
        }
    }
}

QCPAbstractLegendItem* makeLegendItem(QCPLegend* legend, const FigureSeries& s, const PlotTheme& theme,
                                      const FigureRenderer::Options& options)
{
    const double scale = options.scale > 0.0 ? options.scale : 1.0;
    const QPen pen = s.line ? screenPen(s, theme, options) : QPen(Qt::NoPen);
    return new SeriesLegendItem(legend, s.label, pen, scatterStyle(s, theme, scale), theme.minScriptSizePt,
                                units(0.25, scale));
}

void addAnnotations(QCPAxis* x, QCPAxis* y, const std::vector<FigureAnnotation>& annotations,
                    const PlotTheme& theme, double scale)
{
    if (annotations.empty() || !x || !y) return;
    new AnnotationLayer(x, y, annotations, theme.font(theme.annotationSizePt, scale), theme.minScriptSizePt,
                        theme.referenceTickLengthPt * scale, theme.axisPenPt * scale);
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
    auto* labels = new SpanLabelLayer(x, theme.font(theme.annotationSizePt, scale), theme.minScriptSizePt, topGap);
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
