#include "widgets/plot/FigureRenderer.h"

#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/RichLabel.h"
#include "widgets/plot/SeriesClipper.h"

#include <QFontMetricsF>
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

namespace vanadis {

namespace {

const QString kOverlayName = QStringLiteral("vanadis.overlay");
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr QChar kMinusSign(0x2212);
constexpr size_t kSolidOnScreenAbovePoints = 50000;

int units(double pt, double scale)
{
    return std::max(0, int(std::lround(pt * scale)));
}

// Typographic minus for negative tick numbers. Only a leading sign is replaced: QCustomPlot parses
// "1e-03" itself to draw 10^-3 and needs the ASCII exponent sign.
QString withMinusSign(QString s)
{
    if (s.startsWith(QLatin1Char('-'))) s[0] = kMinusSign;
    return s;
}

class MinusSignTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override
    {
        return withMinusSign(QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision));
    }
};

class MinusSignLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override
    {
        return withMinusSign(QCPAxisTickerLog::getTickLabel(tick, locale, formatChar, precision));
    }
};

/// Rich (sub/superscript) axis title. QCustomPlot's own label stays empty; the axis padding reserves the
/// room and this layerable draws the title against the outer edge of the axis rect's margin.
class AxisTitle : public QCPLayerable {
public:
    AxisTitle(QCPAxis* axis, const QString& markup, double minScriptPt, int edgeGap)
        : QCPLayerable(axis->parentPlot(), QStringLiteral("axes")), m_axis(axis), m_label(markup),
          m_minScriptPt(minScriptPt), m_edgeGap(edgeGap)
    {
        setObjectName(kOverlayName);
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aeAxes);
    }

    // QCPLayer clips every layerable to clipRect() moved up by one unit (a pixel-grid nicety); in a
    // 1 unit = 1 pt export that would shave a point off the bottom title.
    QRect clipRect() const override { return mParentPlot->viewport().adjusted(0, 0, 0, 1); }

    void draw(QCPPainter* painter) override
    {
        if (!m_axis || !m_axis->visible() || m_label.isEmpty()) return;
        const QFont font = m_axis->labelFont();
        const QSizeF size = m_label.size(font, m_minScriptPt, painter->device());
        const QRect inner = m_axis->axisRect()->rect();
        const QRect outer = m_axis->axisRect()->outerRect();
        const double h = size.height();
        const double midX = inner.left() + inner.width() / 2.0;
        const double midY = inner.top() + inner.height() / 2.0;
        QPointF center;
        double rotation = 0.0;
        switch (m_axis->axisType()) {
        case QCPAxis::atLeft:
            center = {outer.left() + m_edgeGap + h / 2.0, midY};
            rotation = -90.0;
            break;
        case QCPAxis::atRight:
            // Same reading direction as the left title (bottom to top), as most journals print it.
            center = {outer.left() + outer.width() - m_edgeGap - h / 2.0, midY};
            rotation = -90.0;
            break;
        case QCPAxis::atTop:
            center = {midX, outer.top() + m_edgeGap + h / 2.0};
            break;
        case QCPAxis::atBottom:
            center = {midX, outer.top() + outer.height() - m_edgeGap - h / 2.0};
            break;
        }
        painter->setPen(QPen(m_axis->labelColor()));
        m_label.drawCentered(painter, center, rotation, font, m_minScriptPt);
    }

private:
    QPointer<QCPAxis> m_axis;
    RichLabel m_label;
    double m_minScriptPt;
    int m_edgeGap;
};

/// Text labels and vertical reference ticks in data coordinates. Anchors outside the axis ranges are
/// skipped rather than clipped, because SVG output has no clip paths.
class AnnotationLayer : public QCPLayerable {
public:
    AnnotationLayer(QCPAxis* xAxis, QCPAxis* yAxis, std::vector<FigureAnnotation> annotations, QFont font,
                    double minScriptPt, double tickLength, double penWidth)
        : QCPLayerable(xAxis->parentPlot(), QStringLiteral("axes")), m_x(xAxis), m_y(yAxis),
          m_annotations(std::move(annotations)), m_font(std::move(font)), m_minScriptPt(minScriptPt),
          m_tickLength(tickLength), m_penWidth(penWidth)
    {
        setObjectName(kOverlayName);
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
    // See AxisTitle::clipRect: the default (outer rect moved up one unit) cuts descenders in exports.
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

/// Tick numbers of a logarithmic axis as 10^{n} drawn with RichLabel. QCustomPlot's own "beautiful
/// powers" draw the exponent at int(0.75 · size) pt (4 pt for 6 pt numbers, below the 6 pt journals
/// accept) with a one-unit gap that is a full point in exports. QCustomPlot's tick labels are switched
/// off for such an axis and fitEdgeMargins reserves the room through the axis padding.
class RichTickLabels : public QCPLayerable {
public:
    RichTickLabels(QCPAxis* axis, double minScriptPt, int basePadding)
        : QCPLayerable(axis->parentPlot(), QStringLiteral("axes")), m_axis(axis), m_minScriptPt(minScriptPt),
          m_basePadding(basePadding)
    {
        setObjectName(kOverlayName);
    }

    QCPAxis* axis() const { return m_axis; }
    int basePadding() const { return m_basePadding; }
    double minScriptPt() const { return m_minScriptPt; }

    /// The font QCustomPlot would have used (it adds 0.05 pt; PlotTheme subtracted it).
    QFont font() const
    {
        QFont f = m_axis->tickLabelFont();
        if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() + 0.05);
        return f;
    }

    /// Pixel position along the axis and label for every tick inside the axis rect.
    std::vector<std::pair<double, RichLabel>> labels() const
    {
        std::vector<std::pair<double, RichLabel>> out;
        if (!m_axis) return out;
        const QRect r = m_axis->axisRect()->rect();
        const bool horizontal = m_axis->orientation() == Qt::Horizontal;
        for (double t : m_axis->tickVector()) {
            const double px = m_axis->coordToPixel(t);
            if (horizontal ? (px < r.left() - 1 || px > r.left() + r.width() + 1)
                           : (px < r.top() - 1 || px > r.top() + r.height() + 1))
                continue;
            out.emplace_back(px, RichLabel(markup(t)));
        }
        return out;
    }

    static QString markup(double tick)
    {
        if (tick > 0.0) {
            const double e = std::round(std::log10(tick));
            if (std::abs(tick / std::pow(10.0, e) - 1.0) < 1e-9) return QStringLiteral("10^{%1}").arg(int(e));
        }
        return withMinusSign(QLocale::c().toString(tick, 'g', 6));
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aeAxes);
    }
    QRect clipRect() const override { return mParentPlot->viewport().adjusted(0, 0, 0, 1); }

    void draw(QCPPainter* painter) override
    {
        if (!m_axis || !m_axis->visible()) return;
        const QRect r = m_axis->axisRect()->rect();
        const QFont f = font();
        const double gap = m_axis->tickLabelPadding() + std::max(0, m_axis->tickLengthOut());
        painter->setPen(QPen(m_axis->tickLabelColor()));
        for (const auto& [px, label] : labels()) {
            const QSizeF s = label.size(f, m_minScriptPt, painter->device());
            QPointF c;
            switch (m_axis->axisType()) {
            case QCPAxis::atLeft:
                c = {r.left() - gap - s.width() / 2.0, px};
                break;
            case QCPAxis::atRight:
                c = {r.left() + r.width() + gap + s.width() / 2.0, px};
                break;
            case QCPAxis::atTop:
                c = {px, r.top() - gap - s.height() / 2.0};
                break;
            case QCPAxis::atBottom:
                c = {px, r.top() + r.height() + gap + s.height() / 2.0};
                break;
            }
            label.drawCentered(painter, c, 0.0, f, m_minScriptPt);
        }
    }

private:
    QPointer<QCPAxis> m_axis;
    double m_minScriptPt;
    int m_basePadding;
};

struct Span {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool valid() const { return lo <= hi; }
    void add(double v)
    {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
};

Span dataSpan(const FigureSpec& spec, bool xAxis, int yAxisSide, bool log)
{
    Span s;
    for (const auto& series : spec.series) {
        if (!xAxis && (series.onRightAxis && spec.y2) != (yAxisSide == 2)) continue;
        const auto& v = xAxis ? series.x : series.y;
        const double off = xAxis ? 0.0 : series.yOffset;
        for (double d : v) {
            const double value = d + off;
            if (!std::isfinite(value) || (log && value <= 0.0)) continue;
            s.add(value);
        }
    }
    return s;
}

/// The range shown for one axis: fixed ends from the spec, the rest from the data plus a margin.
QCPRange axisRange(const FigureAxis& axis, Span data, double marginFraction)
{
    const bool log = axis.logScale;
    auto fwd = [log](double v) { return log ? std::log10(v) : v; };
    auto inv = [log](double v) { return log ? std::pow(10.0, v) : v; };
    if (!data.valid()) {
        data.lo = log ? 1.0 : 0.0;
        data.hi = log ? 10.0 : 1.0;
    }
    double lo = fwd(data.lo);
    double hi = fwd(data.hi);
    if (hi - lo <= std::abs(hi) * 1e-12) { // constant data: open a window around it
        const double half = log ? 0.5 : (hi != 0.0 ? std::abs(hi) * 0.1 : 1.0);
        lo -= half;
        hi += half;
    }
    const double pad = (hi - lo) * marginFraction;
    lo = inv(lo - pad);
    hi = inv(hi + pad);
    const bool minOk = axis.min && std::isfinite(*axis.min) && (!log || *axis.min > 0.0);
    const bool maxOk = axis.max && std::isfinite(*axis.max) && (!log || *axis.max > 0.0);
    if (minOk) lo = *axis.min;
    if (maxOk) hi = *axis.max;
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) hi = lo + (log ? lo : 1.0);
    return {lo, hi};
}

void configureAxis(QCPAxis* axis, const FigureAxis& spec)
{
    axis->setScaleType(spec.logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (spec.logScale) {
        auto ticker = QSharedPointer<MinusSignLogTicker>::create();
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    } else {
        auto ticker = QSharedPointer<MinusSignTicker>::create();
        ticker->setTickCount(5);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("gbd"));
        axis->setNumberPrecision(6);
    }
    axis->setRangeReversed(spec.reversed);
    axis->setLabel(QString());
}

using RangeSignal = void (QCPAxis::*)(const QCPRange&);
using RangeSlot = void (QCPAxis::*)(const QCPRange&);
const RangeSignal kRangeChanged = &QCPAxis::rangeChanged;
const RangeSlot kSetRange = &QCPAxis::setRange;

/// Makes `mirror` repeat `source`'s ticks (same ticker, scale, direction and range) without numbers.
void mirrorAxis(QCPAxis* mirror, QCPAxis* source, bool visible)
{
    mirror->setVisible(visible);
    mirror->setTickLabels(false);
    mirror->setScaleType(source->scaleType());
    mirror->setTicker(source->ticker());
    mirror->setNumberFormat(source->numberFormat());
    mirror->setRangeReversed(source->rangeReversed());
    mirror->setRange(source->range());
    mirror->setLabel(QString());
    QObject::connect(source, kRangeChanged, mirror, kSetRange, Qt::UniqueConnection);
}

void layoutNow(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    layout->setOuterRect(plot->viewport());
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

Qt::PenStyle dashStyle(const QString& dash)
{
    if (dash == QLatin1String("dash")) return Qt::DashLine;
    if (dash == QLatin1String("dot")) return Qt::DotLine;
    if (dash == QLatin1String("dashdot")) return Qt::DashDotLine;
    return Qt::SolidLine;
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
    const QBrush brush = theme.markerFilled ? QBrush(s.color) : QBrush(theme.background);
    return QCPScatterStyle(shape, pen, brush, theme.markerSizePt * scale);
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

/// Adds one plottable: a QCPGraph for monotonic x (fast, adaptive sampling), a QCPCurve otherwise.
/// `xAt(i)`/`yAt(i)` give the n points, so unclipped series go straight from the FigureSeries into
/// QCustomPlot's container without an intermediate copy (10⁷ points are 160 MB per copy).
template <class XAt, class YAt>
QCPAbstractPlottable* addPlottable(QCustomPlot* plot, QCPAxis* xAxis, QCPAxis* yAxis, qsizetype n, XAt xAt,
                                   YAt yAt, int order, const QPen& pen, const QCPScatterStyle& scatter,
                                   bool line, bool adaptiveSampling, const QString& name)
{
    if (order != 0) {
        auto* graph = plot->addGraph(xAxis, yAxis);
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

QCPAbstractPlottable* addPlottable(QCustomPlot* plot, QCPAxis* xAxis, QCPAxis* yAxis, const Points& pts,
                                   int order, const QPen& pen, const QCPScatterStyle& scatter, bool line,
                                   bool adaptiveSampling, const QString& name)
{
    return addPlottable(
        plot, xAxis, yAxis, std::min(pts.x.size(), pts.y.size()), [&](qsizetype i) { return pts.x[i]; },
        [&](qsizetype i) { return pts.y[i]; }, order, pen, scatter, line, adaptiveSampling, name);
}

QCPAbstractPlottable* addPlottable(QCustomPlot* plot, QCPAxis* xAxis, QCPAxis* yAxis, const FigureSeries& s,
                                   int order, const QPen& pen, const QCPScatterStyle& scatter,
                                   bool adaptiveSampling, const QString& name)
{
    const double off = s.yOffset;
    return addPlottable(
        plot, xAxis, yAxis, qsizetype(std::min(s.x.size(), s.y.size())),
        [&](qsizetype i) { return s.x[size_t(i)]; }, [&](qsizetype i) { return s.y[size_t(i)] + off; }, order,
        pen, scatter, s.line, adaptiveSampling, name);
}

Qt::Alignment legendAlignment(const QString& position)
{
    const QString p = position.toLower();
    Qt::Alignment a = p.startsWith(QLatin1String("bottom")) ? Qt::AlignBottom : Qt::AlignTop;
    a |= p.endsWith(QLatin1String("left")) ? Qt::AlignLeft : Qt::AlignRight;
    return a;
}

/// For legendPosition "best"/"auto": the corner whose legend box covers the fewest data points.
Qt::Alignment bestLegendCorner(const FigureSpec& spec, QCustomPlot* plot)
{
    const QRect r = plot->axisRect()->rect();
    const QSize size = plot->legend->minimumOuterSizeHint();
    const Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                     Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft};
    qint64 bestCount = std::numeric_limits<qint64>::max();
    Qt::Alignment best = corners[0];
    for (Qt::Alignment c : corners) {
        const int left = c & Qt::AlignLeft ? r.left() : r.right() - size.width();
        const int top = c & Qt::AlignTop ? r.top() : r.bottom() - size.height();
        const QRectF box(left, top, size.width(), size.height());
        qint64 count = 0;
        for (const auto& s : spec.series) {
            QCPAxis* y = s.onRightAxis && spec.y2 ? plot->yAxis2 : plot->yAxis;
            const size_t n = std::min(s.x.size(), s.y.size());
            const size_t step = std::max<size_t>(1, n / 2000);
            for (size_t i = 0; i < n; i += step) {
                const QPointF p(plot->xAxis->coordToPixel(s.x[i]), y->coordToPixel(s.y[i] + s.yOffset));
                if (box.contains(p)) ++count;
            }
        }
        if (count < bestCount) {
            bestCount = count;
            best = c;
        }
    }
    return best;
}

void removeOverlays(QCustomPlot* plot)
{
    const auto overlays = plot->findChildren<QCPLayerable*>(kOverlayName, Qt::FindDirectChildrenOnly);
    for (QCPLayerable* l : overlays)
        delete l;
}

int legendIndex(QCPLayoutInset* inset, QCPLegend* legend)
{
    for (int i = 0; i < inset->elementCount(); ++i)
        if (inset->elementAt(i) == legend) return i;
    return -1;
}

} // namespace

int FigureRenderer::sortOrder(const std::vector<double>& x)
{
    bool up = true, down = true;
    double prev = kNaN;
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

void FigureRenderer::render(const FigureSpec& spec, QCustomPlot* plot, const PlotTheme& theme)
{
    render(spec, plot, theme, Options{});
}

void FigureRenderer::render(const FigureSpec& spec, QCustomPlot* plot, const PlotTheme& theme,
                            const Options& options)
{
    if (!plot) return;
    const double scale = options.scale > 0.0 ? options.scale : 1.0;

    plot->clearPlottables();
    plot->clearItems();
    plot->legend->clearItems();
    removeOverlays(plot);
    QObject::disconnect(plot->xAxis, kRangeChanged, plot->xAxis2, kSetRange);
    QObject::disconnect(plot->yAxis, kRangeChanged, plot->yAxis2, kSetRange);

    theme.applyTo(plot, scale);
    plot->setLocale(QLocale::c()); // figures use a decimal point whatever the desktop language
    // Interactive dragging drops antialiasing for speed; exports never drag.
    plot->setNoAntialiasingOnDrag(true);

    QCPAxisRect* rect = plot->axisRect();
    QCPAxis* x = plot->xAxis;
    QCPAxis* y = plot->yAxis;
    QCPAxis* x2 = plot->xAxis2;
    QCPAxis* y2 = plot->yAxis2;
    configureAxis(x, spec.x);
    configureAxis(y, spec.y);

    // Ranges: spectra (sorted lines without markers) fill the x axis; anything with markers or loops
    // gets a margin so symbols are not cut by the frame.
    bool tightX = !spec.series.empty();
    for (const auto& s : spec.series) {
        const bool hasMarker = s.marker.toLower() != QLatin1String("none") || !s.line;
        if (hasMarker || sortOrder(s.x) == 0) tightX = false;
    }
    x->setRange(axisRange(spec.x, dataSpan(spec, true, 0, spec.x.logScale), tightX ? 0.0 : 0.03));
    y->setRange(axisRange(spec.y, dataSpan(spec, false, 1, spec.y.logScale), 0.05));
    mirrorAxis(x2, x, theme.mirrorTicks);
    if (spec.y2) {
        configureAxis(y2, *spec.y2);
        y2->setVisible(true);
        y2->setTicks(true);
        y2->setTickLabels(true);
        y2->setRange(axisRange(*spec.y2, dataSpan(spec, false, 2, spec.y2->logScale), 0.05));
    } else {
        mirrorAxis(y2, y, theme.mirrorTicks);
    }

    // Axis titles: QCustomPlot's label stays empty; the padding reserves the title's height.
    const int edgeGap = units(theme.edgePaddingPt, scale);
    const int labelGap = units(theme.labelPaddingPt, scale);
    auto title = [&](QCPAxis* axis, const QString& markup) {
        const RichLabel label(markup);
        int padding = edgeGap;
        if (!label.isEmpty()) {
            padding +=
                labelGap + int(std::ceil(label.size(axis->labelFont(), theme.minScriptSizePt).height()));
            new AxisTitle(axis, markup, theme.minScriptSizePt, edgeGap);
        }
        axis->setPadding(padding);
    };
    title(x, spec.x.label);
    title(y, spec.y.label);
    if (spec.y2)
        title(y2, spec.y2->label);
    else
        y2->setPadding(0);
    x2->setPadding(0);
    for (QCPAxis* axis : {x, y, y2}) {
        if (!axis->visible() || !axis->tickLabels() || axis->scaleType() != QCPAxis::stLogarithmic) continue;
        axis->setTickLabels(false);
        new RichTickLabels(axis, theme.minScriptSizePt, axis->padding());
    }

    if (QCPLayoutInset* inset = rect->insetLayout()) inset->setMargins(QMargins(0, 0, 0, 0));
    rect->setMinimumMargins(QMargins(0, 0, 0, 0));

    // Layout with the final margins, then equal aspect (which changes ticks, hence margins: twice).
    layoutNow(plot);
    fitEdgeMargins(plot, scale);
    layoutNow(plot);
    if (spec.equalAspect && !spec.x.logScale && !spec.y.logScale) {
        for (int pass = 0; pass < 2; ++pass) {
            applyEqualAspect(plot, true);
            layoutNow(plot);
            fitEdgeMargins(plot, scale);
            layoutNow(plot);
        }
    }

    // Data. Clipping needs the final ranges, which is why it comes after the layout.
    // Dense dashed traces take QPainter's slow path (≈1 s per replot at 1e6 points) and a dash pattern
    // on a min/max-sampled trace is invisible anyway: on screen they are drawn solid; exports keep dashes.
    auto screenPen = [&](const FigureSeries& s) {
        QPen pen = seriesPen(s, theme, scale);
        if (options.adaptiveSampling && !options.clipToRanges && s.x.size() > kSolidOnScreenAbovePoints)
            pen.setStyle(Qt::SolidLine);
        return pen;
    };
    for (size_t i = 0; i < spec.series.size(); ++i) {
        const FigureSeries& s = spec.series[i];
        QCPAxis* valueAxis = s.onRightAxis && spec.y2 ? y2 : y;
        const QPen pen = screenPen(s);
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
                addPlottable(plot, x, valueAxis, pts, order, pen, QCPScatterStyle(), true,
                             options.adaptiveSampling, name);
            }
            if (!scatter.isNone()) {
                addPlottable(plot, x, valueAxis, SeriesClipper::pointsInside(s, box), order, pen, scatter,
                             false, options.adaptiveSampling, name);
            }
        } else {
            addPlottable(plot, x, valueAxis, s, order, pen, scatter, options.adaptiveSampling, name);
        }
    }

    // Legend: one entry per labelled series, drawn from the series style.
    QCPLegend* legend = plot->legend;
    const int rowPadding = units(0.25, scale);
    for (const auto& s : spec.series) {
        if (s.label.trimmed().isEmpty()) continue;
        const QPen pen = s.line ? screenPen(s) : QPen(Qt::NoPen);
        legend->addItem(new SeriesLegendItem(legend, s.label, pen, scatterStyle(s, theme, scale),
                                             theme.minScriptSizePt, rowPadding));
    }
    legend->setVisible(spec.legend && legend->itemCount() > 0);
    if (QCPLayoutInset* inset = rect->insetLayout(); inset && legend->visible()) {
        const int index = legendIndex(inset, legend);
        if (index >= 0) {
            const QString pos = spec.legendPosition.toLower();
            const bool automatic = pos == QLatin1String("best") || pos == QLatin1String("auto");
            inset->setInsetPlacement(index, QCPLayoutInset::ipBorderAligned);
            inset->setInsetAlignment(index, automatic ? bestLegendCorner(spec, plot) : legendAlignment(pos));
        }
    }

    if (!spec.annotations.empty()) {
        new AnnotationLayer(x, y, spec.annotations, theme.font(theme.annotationSizePt, scale),
                            theme.minScriptSizePt, theme.referenceTickLengthPt * scale,
                            theme.axisPenPt * scale);
    }
    layoutNow(plot);
}

void FigureRenderer::applyEqualAspect(QCustomPlot* plot, bool fitData)
{
    if (!plot) return;
    QCPAxis* x = plot->xAxis;
    QCPAxis* y = plot->yAxis;
    const QRect r = plot->axisRect()->rect();
    if (r.width() <= 0 || r.height() <= 0) return;
    if (x->scaleType() != QCPAxis::stLinear || y->scaleType() != QCPAxis::stLinear) return;
    const double ux = x->range().size() / r.width();
    const double uy = y->range().size() / r.height();
    if (!(ux > 0.0) || !(uy > 0.0)) return;
    if (fitData) {
        const double u = std::max(ux, uy);
        if (ux < u) x->setRange(x->range().center(), u * r.width(), Qt::AlignCenter);
        if (uy < u) y->setRange(y->range().center(), u * r.height(), Qt::AlignCenter);
    } else if (std::abs(uy - ux) > 1e-9 * ux) {
        y->setRange(y->range().center(), ux * r.height(), Qt::AlignCenter);
    }
}

void FigureRenderer::fitEdgeMargins(QCustomPlot* plot, double scale)
{
    if (!plot) return;
    if (!(scale > 0.0)) scale = 1.0;
    QCPAxisRect* rect = plot->axisRect();
    const QRect r = rect->rect();
    const int slack = units(0.5, scale) + 1;

    // Tick label boxes (position along the axis, size) as they will be drawn.
    struct Box {
        double pos;
        QSizeF size;
    };
    std::vector<RichTickLabels*> rich;
    for (QObject* child : plot->children())
        if (auto* l = dynamic_cast<RichTickLabels*>(child)) rich.push_back(l);
    auto richFor = [&](const QCPAxis* axis) -> RichTickLabels* {
        for (auto* l : rich)
            if (l->axis() == axis) return l;
        return nullptr;
    };
    auto boxes = [&](const QCPAxis* axis) {
        std::vector<Box> out;
        if (!axis->visible()) return out;
        if (const RichTickLabels* l = richFor(axis)) {
            const QFont f = l->font();
            for (const auto& [px, label] : l->labels())
                out.push_back({px, label.size(f, l->minScriptPt())});
            return out;
        }
        if (!axis->tickLabels()) return out;
        // Measured exactly as QCPAxisPainterPrivate::getTickLabelData does (integer bounding rect at
        // +0.05 pt): it drops any label whose rect crosses the viewport by even one unit.
        QFont font = axis->tickLabelFont();
        if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() + 0.05);
        const QFontMetrics fm(font);
        const QVector<double> ticks = axis->tickVector();
        const QVector<QString> labels = axis->tickVectorLabels();
        for (qsizetype i = 0; i < std::min(ticks.size(), labels.size()); ++i) {
            const QRect b = fm.boundingRect(0, 0, 0, 0, Qt::TextDontClip | Qt::AlignHCenter, labels[i]);
            out.push_back({axis->coordToPixel(ticks[i]), QSizeF(b.size())});
        }
        return out;
    };

    // Room for rich (log) tick labels goes into the axis padding, as QCustomPlot does for its own.
    for (auto* l : rich) {
        QCPAxis* axis = l->axis();
        double extent = 0.0;
        for (const Box& b : boxes(axis))
            extent = std::max(extent, axis->orientation() == Qt::Vertical ? b.size.width() : b.size.height());
        axis->setPadding(l->basePadding() +
                         (extent > 0.0 ? axis->tickLabelPadding() + int(std::ceil(extent)) : 0));
    }

    // Vertical axes: the top-most number sticks out by half its height above the frame.
    int top = 0;
    for (QCPAxis* axis : {plot->yAxis, plot->yAxis2}) {
        for (const Box& b : boxes(axis)) {
            if (b.pos < r.top() - 1 || b.pos > r.top() + r.height() + 1) continue;
            top = std::max(top, int(std::ceil(r.top() - (b.pos - b.size.height() / 2.0))) + slack);
        }
    }
    // Horizontal axis: the outermost numbers stick out by half their width past the left/right frame.
    int left = 0, right = 0;
    const double frameLeft = r.left();
    const double frameRight = r.left() + r.width();
    for (const Box& b : boxes(plot->xAxis)) {
        if (b.pos < frameLeft - 1 || b.pos > frameRight + 1) continue;
        const double half = std::ceil(b.size.width() / 2.0);
        right = std::max(right, int(std::ceil(b.pos + half - frameRight)) + slack);
        left = std::max(left, int(std::ceil(frameLeft - (b.pos - half))) + slack);
    }
    // Never let the frame touch the page edge: half the axis pen would be cut off.
    const int floor = units(1.5, scale);
    rect->setMinimumMargins(QMargins(std::max(0, left), std::max(floor, top), std::max(floor, right), 0));
}

} // namespace vanadis
