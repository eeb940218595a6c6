#include "widgets/plot/FigureRenderer.h"

#include "widgets/plot/FigureParts.h"
#include "widgets/plot/Placement.h"
#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/RichLabel.h"

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

using plotparts::overlayName;
using plotparts::units;

// Layers added to QCustomPlot's background, grid, main, axes, legend, overlay. Spans go below the data;
// the inset sits above the main axes (so main data never shows through it) and below the legend.
const QString kSpansLayer = QStringLiteral("vanadis.spans");
const QString kInsetBackLayer = QStringLiteral("vanadis.inset.back");
const QString kInsetMainLayer = QStringLiteral("vanadis.inset.main");
const QString kInsetAxesLayer = QStringLiteral("vanadis.inset.axes");
const QString kInsetName = QStringLiteral("vanadis.inset");
const QString kResidualName = QStringLiteral("vanadis.residual");
const QString kSideName = QStringLiteral("vanadis.side");
const QString kColorScaleName = QStringLiteral("vanadis.colorscale");
const QString kMarginGroupName = QStringLiteral("vanadis.margins");
const QString kHeatLayer = QStringLiteral("vanadis.heatmap");

constexpr QChar kMinusSign(0x2212);

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

/// Log ticks. With at most one power of ten in range QCustomPlot shows a single labelled tick or falls
/// back to linear ticks (10, 20, …, 60 crowded at the right end with 8 minor ticks between each pair, a
/// black comb on a small inset); there the majors are 1-2-5 per decade and the minors the other
/// integers, as on printed log paper.
class MinusSignLogTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override
    {
        return withMinusSign(QCPAxisTickerLog::getTickLabel(tick, locale, formatChar, precision));
    }

    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        // By the powers of ten inside rather than QCustomPlot's own 1.6-decade test: 1.4–70 passes that
        // test and is then labelled at 10 alone.
        m_fewDecades =
            range.lower > 0.0 && range.upper > range.lower &&
            std::floor(std::log10(range.upper) + 1e-9) - std::ceil(std::log10(range.lower) - 1e-9) < 1.0;
        if (!m_fewDecades) return QCPAxisTickerLog::createTickVector(tickStep, range);
        QVector<double> ticks;
        int inside = 0;
        const int first = int(std::floor(std::log10(range.lower)));
        const int last = int(std::ceil(std::log10(range.upper)));
        for (int e = first; e <= last; ++e) {
            for (double m : {1.0, 2.0, 5.0}) {
                const double t = m * std::pow(10.0, e);
                ticks << t;
                if (range.contains(t)) ++inside;
            }
        }
        if (inside >= 3) return ticks;
        m_fewDecades = false; // a fraction of a decade: plain linear ticks read best
        return QCPAxisTicker::createTickVector(tickStep, range);
    }

    QVector<double> createSubTickVector(int subTickCount, const QVector<double>& ticks) override
    {
        if (!m_fewDecades || ticks.size() < 2)
            return QCPAxisTickerLog::createSubTickVector(subTickCount, ticks);
        QVector<double> sub;
        const int first = int(std::floor(std::log10(ticks.first()) + 1e-9));
        const int last = int(std::floor(std::log10(ticks.last()) + 1e-9));
        for (int e = first; e <= last; ++e) {
            for (int m = 2; m <= 9; ++m) {
                if (m == 2 || m == 5) continue;
                const double t = m * std::pow(10.0, e);
                if (t > ticks.first() && t < ticks.last()) sub << t;
            }
        }
        return sub;
    }

private:
    bool m_fewDecades = false;
};

/// Rich (sub/superscript) axis title. QCustomPlot's own label stays empty; the axis padding reserves the
/// room and this layerable draws the title against the outer edge of the axis rect's margin.
class AxisTitle : public QCPLayerable {
public:
    AxisTitle(QCPAxis* axis, const QString& markup, double minScriptPt, int edgeGap)
        : QCPLayerable(axis->parentPlot(), axis->layer()->name()), m_axis(axis), m_label(markup),
          m_minScriptPt(minScriptPt), m_edgeGap(edgeGap)
    {
        setObjectName(overlayName());
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

/// Tick numbers of a logarithmic axis as 10^{n} drawn with RichLabel. QCustomPlot's own "beautiful
/// powers" draw the exponent at int(0.75 · size) pt (4 pt for 6 pt numbers, below the 6 pt journals
/// accept) with a one-unit gap that is a full point in exports. QCustomPlot's tick labels are switched
/// off for such an axis and fitEdgeMargins reserves the room through the axis padding.
class RichTickLabels : public QCPLayerable {
public:
    RichTickLabels(QCPAxis* axis, double minScriptPt, int basePadding)
        : QCPLayerable(axis->parentPlot(), axis->layer()->name()), m_axis(axis), m_minScriptPt(minScriptPt),
          m_basePadding(basePadding)
    {
        setObjectName(overlayName());
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
        std::vector<double> visible;
        std::vector<double> pixels;
        for (double t : m_axis->tickVector()) {
            const double px = m_axis->coordToPixel(t);
            if (horizontal ? (px < r.left() - 1 || px > r.left() + r.width() + 1)
                           : (px < r.top() - 1 || px > r.top() + r.height() + 1))
                continue;
            visible.push_back(t);
            pixels.push_back(px);
        }
        // Powers of ten as 10^{n}; when other ticks are shown too (1-2-5 over a short range) all are
        // plain numbers, since "2  5  10¹  20  50" would mix two styles on one axis.
        const bool powers =
            std::all_of(visible.begin(), visible.end(), [](double t) { return isPowerOfTen(t); });
        for (size_t i = 0; i < visible.size(); ++i)
            out.emplace_back(pixels[i], RichLabel(markup(visible[i], powers)));
        return out;
    }

    static bool isPowerOfTen(double tick)
    {
        if (!(tick > 0.0)) return false;
        const double e = std::round(std::log10(tick));
        return std::abs(tick / std::pow(10.0, e) - 1.0) < 1e-9;
    }

    static QString markup(double tick, bool asPower)
    {
        if (asPower && isPowerOfTen(tick))
            return QStringLiteral("10^{%1}").arg(int(std::round(std::log10(tick))));
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

/// Outer edges of a row of cell centres: half a step beyond the first and the last.
std::pair<double, double> heatMapEdges(const std::vector<double>& centres)
{
    const double lo = centres.front(), hi = centres.back();
    const double half = centres.size() > 1 ? 0.5 * (hi - lo) / double(centres.size() - 1) : 0.5;
    return {lo - half, hi + half};
}

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
        // Sticks and areas reach down to their baseline, which must be in view.
        const bool toBaseline =
            series.kind == FigureSeries::Kind::Sticks || series.fill == FigureSeries::Fill::ToBaseline;
        if (!xAxis && toBaseline && !v.empty()) {
            const double b = series.baseline + off;
            if (std::isfinite(b) && (!log || b > 0.0)) s.add(b);
        }
    }
    // A heat map spans its cells' outer edges.
    if (spec.heatMap && spec.heatMap->isValid() && yAxisSide != 2) {
        const auto edges = heatMapEdges(xAxis ? spec.heatMap->x : spec.heatMap->y);
        if (!log || edges.first > 0.0) {
            s.add(edges.first);
            s.add(edges.second);
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

/// Sets everything about an axis that a figure decides, so that nothing of the previous figure survives
/// on a reused plot (a log axis switches its tick numbers off for RichTickLabels; the next, linear
/// figure must switch them on again, or its numbers vanish until restart).
void configureAxis(QCPAxis* axis, const FigureAxis& spec)
{
    axis->setVisible(true);
    axis->setTicks(!spec.hideTickLabels);
    axis->setTickLabels(!spec.hideTickLabels);
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

Qt::Alignment legendAlignment(const QString& position)
{
    const QString p = position.toLower();
    if (p == QLatin1String("top")) return Qt::AlignTop | Qt::AlignHCenter;
    if (p == QLatin1String("bottom")) return Qt::AlignBottom | Qt::AlignHCenter;
    if (p == QLatin1String("left")) return Qt::AlignLeft | Qt::AlignVCenter;
    if (p == QLatin1String("right")) return Qt::AlignRight | Qt::AlignVCenter;
    Qt::Alignment a = p.startsWith(QLatin1String("bottom")) ? Qt::AlignBottom : Qt::AlignTop;
    a |= p.endsWith(QLatin1String("left")) ? Qt::AlignLeft : Qt::AlignRight;
    return a;
}

void removeOverlays(QCustomPlot* plot)
{
    const auto overlays = plot->findChildren<QCPLayerable*>(overlayName(), Qt::FindDirectChildrenOnly);
    for (QCPLayerable* l : overlays)
        delete l;
}

int legendIndex(QCPLayoutInset* inset, QCPLegend* legend)
{
    for (int i = 0; i < inset->elementCount(); ++i)
        if (inset->elementAt(i) == legend) return i;
    return -1;
}

void ensureLayer(QCustomPlot* plot, const QString& name, const QString& neighbour,
                 QCustomPlot::LayerInsertMode mode)
{
    if (!plot->layer(name)) plot->addLayer(name, plot->layer(neighbour), mode);
}

void ensureLayers(QCustomPlot* plot)
{
    ensureLayer(plot, kSpansLayer, QStringLiteral("main"), QCustomPlot::limBelow);
    ensureLayer(plot, kHeatLayer, kSpansLayer, QCustomPlot::limBelow);
    ensureLayer(plot, kInsetBackLayer, QStringLiteral("axes"), QCustomPlot::limAbove);
    ensureLayer(plot, kInsetMainLayer, kInsetBackLayer, QCustomPlot::limAbove);
    ensureLayer(plot, kInsetAxesLayer, kInsetMainLayer, QCustomPlot::limAbove);
}

/// Paints the inset's whole block (frame, tick numbers, titles) with the background, so neither main
/// data nor main spans run through the inset's labels.
class InsetBackdrop : public QCPLayerable {
public:
    InsetBackdrop(QCPAxisRect* rect, QColor color)
        : QCPLayerable(rect->parentPlot(), kInsetBackLayer), m_rect(rect), m_color(std::move(color))
    {
        setObjectName(overlayName());
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override { painter->setAntialiasing(false); }
    QRect clipRect() const override { return mParentPlot->viewport(); }
    void draw(QCPPainter* painter) override
    {
        if (!m_rect) return;
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_color);
        painter->drawRect(m_rect->outerRect());
    }

private:
    QPointer<QCPAxisRect> m_rect;
    QColor m_color;
};

void removeInset(QCustomPlot* plot)
{
    if (QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot))
        plot->axisRect()->insetLayout()->remove(inset);
}

/// A new axis rect placed at `fraction` of the main axis rect, on the inset layers, not draggable or
/// zoomable (its ranges are part of the figure; wheel and drag over it do nothing).
QCPAxisRect* createInset(QCustomPlot* plot, const QRectF& fraction)
{
    auto* rect = new QCPAxisRect(plot, true);
    rect->setObjectName(kInsetName);
    // Kept inside the main frame whatever the file says: outside it would cover the main tick labels.
    const double fx = std::clamp(fraction.x(), 0.0, 0.95);
    const double fy = std::clamp(fraction.y(), 0.0, 0.95);
    const QRectF f(fx, fy, std::clamp(fraction.width(), 0.05, 1.0 - fx),
                   std::clamp(fraction.height(), 0.05, 1.0 - fy));
    plot->axisRect()->insetLayout()->addElement(rect, f);
    rect->setLayer(kInsetBackLayer);
    for (QCPAxis* axis : rect->axes()) {
        axis->setLayer(kInsetAxesLayer);
        axis->grid()->setLayer(kInsetBackLayer);
    }
    rect->setRangeDrag(Qt::Orientations());
    rect->setRangeZoom(Qt::Orientations());
    rect->setMinimumMargins(QMargins(0, 0, 0, 0));
    rect->insetLayout()->setMargins(QMargins(0, 0, 0, 0));
    return rect;
}

/// Axis types, ranges, mirror axes, rich titles and log tick labels of one axis rect (main, inset or
/// residual panel). `xNumbers` false leaves the x axis without numbers and title (the main rect above a
/// residual panel, which carries them).
void setupAxes(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme, double scale,
               bool xNumbers = true)
{
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    QCPAxis* x2 = rect->axis(QCPAxis::atTop);
    QCPAxis* y2 = rect->axis(QCPAxis::atRight);
    QObject::disconnect(x, kRangeChanged, x2, kSetRange);
    QObject::disconnect(y, kRangeChanged, y2, kSetRange);
    configureAxis(x, spec.x);
    configureAxis(y, spec.y);

    // Ranges: spectra (sorted lines without markers) fill the x axis; anything with markers, sticks or
    // loops gets a margin so symbols are not cut by the frame. A heat map fills the frame exactly.
    const bool heat = spec.heatMap && spec.heatMap->isValid();
    bool tightX = !spec.series.empty() || heat;
    for (const auto& s : spec.series) {
        const bool hasMarker =
            s.marker.toLower() != QLatin1String("none") || !s.line || s.kind == FigureSeries::Kind::Sticks;
        if (hasMarker || FigureRenderer::sortOrder(s.x) == 0) tightX = false;
    }
    if (heat) tightX = true;
    x->setRange(axisRange(spec.x, dataSpan(spec, true, 0, spec.x.logScale), tightX ? 0.0 : 0.03));
    y->setRange(axisRange(spec.y, dataSpan(spec, false, 1, spec.y.logScale), heat ? 0.0 : 0.05));
    mirrorAxis(x2, x, theme.mirrorTicks);
    if (spec.x.hideTickLabels) x2->setTicks(false);
    if (spec.x2) {
        // A labelled top axis (d-spacing over 2θ): text ticks at the builder's positions, same range as x.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t i = 0; i < spec.x2->tickX.size() && i < spec.x2->tickLabels.size(); ++i)
            ticker->addTick(spec.x2->tickX[i], spec.x2->tickLabels[i]);
        ticker->setSubTickCount(0);
        x2->setVisible(true);
        x2->setTicks(true);
        x2->setTicker(ticker);
        x2->setTickLabels(true);
    }
    if (spec.y2) {
        configureAxis(y2, *spec.y2);
        y2->setRange(axisRange(*spec.y2, dataSpan(spec, false, 2, spec.y2->logScale), 0.05));
    } else {
        mirrorAxis(y2, y, theme.mirrorTicks);
        if (spec.y.hideTickLabels) y2->setTicks(false);
    }
    if (!xNumbers) x->setTickLabels(false);

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
    if (xNumbers)
        title(x, spec.x.label);
    else
        x->setPadding(0);
    title(y, spec.y.label);
    if (spec.y2)
        title(y2, spec.y2->label);
    else
        y2->setPadding(0);
    if (spec.x2)
        title(x2, spec.x2->label);
    else
        x2->setPadding(0);
    for (QCPAxis* axis : {x, y, y2}) {
        if (!axis->visible() || !axis->tickLabels() || axis->scaleType() != QCPAxis::stLogarithmic) continue;
        axis->setTickLabels(false);
        new RichTickLabels(axis, theme.minScriptSizePt, axis->padding());
    }
    if (QCPLayoutInset* inset = rect->insetLayout()) inset->setMargins(QMargins(0, 0, 0, 0));
    rect->setMinimumMargins(QMargins(0, 0, 0, 0));
}

/// A thin dashed line at y = 0 across a residual panel (drawn only when 0 is in range).
class ZeroLine : public QCPLayerable {
public:
    ZeroLine(QCPAxisRect* rect, QPen pen)
        : QCPLayerable(rect->parentPlot(), QString()), m_rect(rect), m_pen(std::move(pen))
    {
        setObjectName(overlayName());
    }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override
    {
        applyAntialiasingHint(painter, mAntialiased, QCP::aeOther);
    }
    QRect clipRect() const override { return m_rect ? m_rect->rect() : QCPLayerable::clipRect(); }
    void draw(QCPPainter* painter) override
    {
        if (!m_rect) return;
        QCPAxis* y = m_rect->axis(QCPAxis::atLeft);
        if (!y->range().contains(0.0) || y->scaleType() != QCPAxis::stLinear) return;
        const double py = y->coordToPixel(0.0);
        const QRect r = m_rect->rect();
        painter->setPen(m_pen);
        painter->drawLine(QLineF(r.left(), py, r.left() + r.width(), py));
    }

private:
    QPointer<QCPAxisRect> m_rect;
    QPen m_pen;
};

/// Removes the residual panel and the colour scale of a previous render (their plottables are gone
/// already) and the margin groups that aligned them.
void removeSideElements(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    for (int i = layout->elementCount() - 1; i >= 0; --i) {
        QCPLayoutElement* e = layout->elementAt(i);
        if (e && (e->objectName() == kResidualName || e->objectName() == kSideName ||
                  e->objectName() == kColorScaleName))
            layout->remove(e);
    }
    layout->simplify();
    if (QCPAxisRect* main = plot->axisRect()) main->setMarginGroup(QCP::msAll, nullptr);
    const auto groups = plot->findChildren<QCPMarginGroup*>(kMarginGroupName, Qt::FindDirectChildrenOnly);
    for (QCPMarginGroup* g : groups)
        delete g;
}

QCPMarginGroup* marginGroup(QCustomPlot* plot)
{
    auto groups = plot->findChildren<QCPMarginGroup*>(kMarginGroupName, Qt::FindDirectChildrenOnly);
    if (!groups.isEmpty()) return groups.first();
    auto* g = new QCPMarginGroup(plot);
    g->setObjectName(kMarginGroupName);
    return g;
}

/// The residual panel's axis rect in row 1 of the plot layout, x ranges tied to the main x axis both
/// ways, left/right margins aligned with the main rect so the frames line up.
QCPAxisRect* createResidual(QCustomPlot* plot, double fraction)
{
    auto* rect = new QCPAxisRect(plot, true);
    rect->setObjectName(kResidualName);
    plot->plotLayout()->addElement(1, 0, rect);
    const double f = std::isfinite(fraction) ? std::clamp(fraction, 0.1, 0.5) : 0.25;
    plot->plotLayout()->setRowStretchFactors({1.0 - f, f});
    QCPMarginGroup* group = marginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    return rect;
}

/// The side panel's axis rect in column 1 of row 0, y ranges tied to the main y axis both ways, top and
/// bottom margins aligned with the main rect so the frames line up. Its width share is set once the
/// colour scale (if any) has its column: setSideStretch().
QCPAxisRect* createSide(QCustomPlot* plot)
{
    auto* rect = new QCPAxisRect(plot, true);
    rect->setObjectName(kSideName);
    plot->plotLayout()->addElement(0, 1, rect);
    QCPMarginGroup* group = marginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    rect->setRangeDrag(Qt::Vertical);
    rect->setRangeZoom(Qt::Vertical);
    return rect;
}

/// Main and side panel share the width as (1 − f) : f; a colour scale column keeps its own (fixed) width.
void setSideStretch(QCustomPlot* plot, double fraction)
{
    const double f = std::isfinite(fraction) ? std::clamp(fraction, 0.15, 0.5) : 0.3;
    QCPLayoutGrid* layout = plot->plotLayout();
    QList<double> factors{1.0 - f, f};
    while (factors.size() < layout->columnCount())
        factors << 0.01; // the colour scale: capped by its maximum width, the rest is shared as above
    layout->setColumnStretchFactors(factors);
}

/// viridis (van der Walt & Smith 2015) and cividis (Nuñez, Anderton & Renslow 2018, PLoS ONE 13:
/// e0199239): perceptually uniform, readable with colour-vision deficiencies and in greyscale.
QCPColorGradient colorGradient(const QString& name)
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    if (name.toLower() == QLatin1String("cividis")) {
        const char* stops[] = {"#00224e", "#35456c", "#666970", "#948e77", "#c8b866", "#fee838"};
        for (int i = 0; i < 6; ++i)
            g.setColorStopAt(i / 5.0, QColor(QLatin1String(stops[i])));
    } else {
        const char* stops[] = {"#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
                               "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"};
        for (int i = 0; i < 11; ++i)
            g.setColorStopAt(i / 10.0, QColor(QLatin1String(stops[i])));
    }
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

/// Index of the centre nearest to `v` in increasing `centres`.
size_t nearestIndex(const std::vector<double>& centres, double v)
{
    const auto it = std::lower_bound(centres.begin(), centres.end(), v);
    if (it == centres.begin()) return 0;
    if (it == centres.end()) return centres.size() - 1;
    const size_t i = size_t(it - centres.begin());
    return (v - centres[i - 1] <= centres[i] - v) ? i - 1 : i;
}

bool evenlySpaced(const std::vector<double>& c)
{
    if (c.size() < 3) return true;
    const double step = (c.back() - c.front()) / double(c.size() - 1);
    for (size_t i = 1; i < c.size(); ++i)
        if (std::abs(c[i] - c[i - 1] - step) > 0.01 * std::abs(step)) return false;
    return true;
}

/// The heat map as a QCPColorMap on the main axes with a colour scale to the right. QCPColorMap needs
/// evenly spaced cells: an uneven axis (scan times) is resampled to as many even cells, each taking
/// the nearest row. With `clip` only the cells inside the current ranges are kept (SVG: no clip path).
void addHeatMap(QCustomPlot* plot, const FigureHeatMap& h, const PlotTheme& theme, double scale, bool clip)
{
    const QCPRange xr = plot->xAxis->range(), yr = plot->yAxis->range();
    size_t ix0 = 0, ix1 = h.x.size(), iy0 = 0, iy1 = h.y.size();
    if (clip) {
        while (ix0 + 1 < ix1 && h.x[ix0 + 1] < xr.lower)
            ++ix0;
        while (ix1 > ix0 + 1 && h.x[ix1 - 2] > xr.upper)
            --ix1;
        while (iy0 + 1 < iy1 && h.y[iy0 + 1] < yr.lower)
            ++iy0;
        while (iy1 > iy0 + 1 && h.y[iy1 - 2] > yr.upper)
            --iy1;
    }
    const std::vector<double> xs(h.x.begin() + qsizetype(ix0), h.x.begin() + qsizetype(ix1));
    const std::vector<double> ys(h.y.begin() + qsizetype(iy0), h.y.begin() + qsizetype(iy1));
    const int nx = int(xs.size()), ny = int(ys.size());
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->setLayer(kHeatLayer);
    map->setSelectable(QCP::stNone);
    map->setInterpolate(false); // cells as measured, not smoothed
    map->setTightBoundary(false);
    map->data()->setSize(nx, ny);
    map->data()->setRange(QCPRange(xs.front(), xs.back()), QCPRange(ys.front(), ys.back()));
    const bool evenX = evenlySpaced(xs), evenY = evenlySpaced(ys);
    const size_t stride = h.x.size();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int j = 0; j < ny; ++j) {
        const double yc = ny > 1 ? ys.front() + (ys.back() - ys.front()) * j / (ny - 1) : ys.front();
        const size_t sy = iy0 + (evenY ? size_t(j) : nearestIndex(ys, yc));
        for (int i = 0; i < nx; ++i) {
            const double xc = nx > 1 ? xs.front() + (xs.back() - xs.front()) * i / (nx - 1) : xs.front();
            const size_t sx = ix0 + (evenX ? size_t(i) : nearestIndex(xs, xc));
            const double z = h.z[sy * stride + sx];
            map->data()->setCell(i, j, z);
            if (std::isfinite(z)) {
                lo = std::min(lo, z);
                hi = std::max(hi, z);
            }
        }
    }
    // Colour range from the whole map (not the clipped part): zooming must not change the colours.
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (double z : h.z)
        if (std::isfinite(z)) {
            lo = std::min(lo, z);
            hi = std::max(hi, z);
        }
    if (h.zMin) lo = *h.zMin;
    if (h.zMax) hi = *h.zMax;
    if (!(lo < hi)) {
        lo = std::isfinite(lo) ? lo - 0.5 : 0.0;
        hi = lo + 1.0;
    }
    map->setGradient(colorGradient(h.colorMap));
    map->setDataRange(QCPRange(lo, hi));

    auto* cs = new QCPColorScale(plot);
    cs->setObjectName(kColorScaleName);
    // Right of everything in the first row (after a side panel, when there is one).
    QCPLayoutGrid* grid = plot->plotLayout();
    int column = 1;
    while (column < grid->columnCount() && grid->hasElement(0, column) && grid->element(0, column))
        ++column;
    grid->addElement(0, column, cs);
    cs->setType(QCPAxis::atRight);
    cs->setRangeDrag(false);
    cs->setRangeZoom(false);
    map->setColorScale(cs);
    cs->setGradient(colorGradient(h.colorMap)); // the scale hands its own gradient to the map
    cs->setDataRange(QCPRange(lo, hi));
    cs->setBarWidth(units(6.0, scale));
    QCPMarginGroup* group = marginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    cs->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    QCPAxis* axis = cs->axis();
    const QPen pen(theme.foreground, theme.axisPenPt * scale, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLength(0, units(theme.majorTickLengthPt * 0.7, scale));
    axis->setSubTicks(false);
    axis->setTickLabelFont(theme.font(theme.tickLabelSizePt - 0.05, scale));
    axis->setTickLabelColor(theme.foreground);
    axis->setLabelFont(theme.font(theme.labelSizePt, scale));
    axis->setLabelColor(theme.foreground);
    axis->setTickLabelPadding(units(theme.tickLabelPaddingPt, scale));
    auto ticker = QSharedPointer<MinusSignTicker>::create();
    ticker->setTickCount(4);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("gbd"));
    axis->setNumberPrecision(6);
    axis->setLabel(QString());
    const int edgeGap = units(theme.edgePaddingPt, scale);
    const RichLabel label(h.zLabel);
    int padding = edgeGap;
    if (!label.isEmpty()) {
        padding += units(theme.labelPaddingPt, scale) +
                   int(std::ceil(label.size(axis->labelFont(), theme.minScriptSizePt).height()));
        new AxisTitle(axis, h.zLabel, theme.minScriptSizePt, edgeGap);
    }
    axis->setPadding(padding);
    plot->plotLayout()->setColumnSpacing(units(4.0, scale));
}

/// What the data occupies in the main axis rect, for placing the legend and an automatic inset.
placement::OccupancyGrid dataGrid(const FigureSpec& spec, QCustomPlot* plot, const PlotTheme& theme,
                                  double scale)
{
    QCPAxisRect* rect = plot->axisRect();
    placement::OccupancyGrid grid(QRectF(rect->rect()), std::max(2.0, 3.0 * scale));
    const double lineR = 1.0 * scale;
    const double markerR = theme.markerSizePt * 0.5 * scale + 0.5 * scale;
    for (const auto& s : spec.series) {
        QCPAxis* y = s.onRightAxis && spec.y2 ? plot->yAxis2 : plot->yAxis;
        const size_t n = std::min(s.x.size(), s.y.size());
        const size_t step = std::max<size_t>(1, n / 4000);
        if (s.kind == FigureSeries::Kind::Sticks) {
            for (size_t i = 0; i < n; ++i) {
                const double px = plot->xAxis->coordToPixel(s.x[i]);
                grid.addPolyline(QPolygonF{QPointF(px, y->coordToPixel(s.baseline + s.yOffset)),
                                           QPointF(px, y->coordToPixel(s.y[i] + s.yOffset))},
                                 lineR);
            }
            continue;
        }
        QPolygonF pts;
        pts.reserve(qsizetype(n / step + 1));
        for (size_t i = 0; i < n; i += step)
            pts << QPointF(plot->xAxis->coordToPixel(s.x[i]), y->coordToPixel(s.y[i] + s.yOffset));
        const bool marker = s.marker.toLower() != QLatin1String("none") || !s.line;
        if (s.line) grid.addPolyline(pts, lineR);
        if (marker) grid.addPoints(pts, markerR);
    }
    for (const auto& a : spec.annotations)
        grid.addPoints(QPolygonF{QPointF(plot->xAxis->coordToPixel(a.x), plot->yAxis->coordToPixel(a.y))},
                       4.0 * scale);
    return grid;
}

/// Candidate boxes of `size` inside `r`: the four corners, then the middles of the four edges.
std::vector<std::pair<Qt::Alignment, QRectF>> candidateBoxes(const QRectF& r, const QSizeF& size, double gapX,
                                                             double gapY)
{
    const Qt::Alignment aligns[] = {Qt::AlignTop | Qt::AlignRight,     Qt::AlignTop | Qt::AlignLeft,
                                    Qt::AlignBottom | Qt::AlignRight,  Qt::AlignBottom | Qt::AlignLeft,
                                    Qt::AlignTop | Qt::AlignHCenter,   Qt::AlignBottom | Qt::AlignHCenter,
                                    Qt::AlignRight | Qt::AlignVCenter, Qt::AlignLeft | Qt::AlignVCenter};
    std::vector<std::pair<Qt::Alignment, QRectF>> out;
    for (Qt::Alignment a : aligns) {
        const double left = a & Qt::AlignLeft    ? r.left() + gapX
                            : a & Qt::AlignRight ? r.right() - gapX - size.width()
                                                 : r.center().x() - size.width() / 2.0;
        const double top = a & Qt::AlignTop      ? r.top() + gapY
                           : a & Qt::AlignBottom ? r.bottom() - gapY - size.height()
                                                 : r.center().y() - size.height() / 2.0;
        out.emplace_back(a, QRectF(left, top, size.width(), size.height()));
    }
    return out;
}

/// insetAuto: the inset (insetRect's size) goes where it hides the fewest data points; the given
/// position is tried first, so an inset already in a free place stays there.
void placeInsetAutomatically(const FigureSpec& spec, QCustomPlot* plot, QCPAxisRect* inset,
                             const PlotTheme& theme, double scale)
{
    QCPLayoutInset* layout = plot->axisRect()->insetLayout();
    int index = -1;
    for (int i = 0; i < layout->elementCount(); ++i)
        if (layout->elementAt(i) == inset) index = i;
    if (index < 0) return;
    const QRectF r(plot->axisRect()->rect());
    if (r.width() <= 0 || r.height() <= 0) return;
    const placement::OccupancyGrid grid = dataGrid(spec, plot, theme, scale);
    const double fw = std::clamp(spec.insetRect.width(), 0.05, 0.95),
                 fh = std::clamp(spec.insetRect.height(), 0.05, 0.95);
    const QSizeF size(fw * r.width(), fh * r.height());
    std::vector<QRectF> boxes{QRectF(r.left() + spec.insetRect.x() * r.width(),
                                     r.top() + spec.insetRect.y() * r.height(), size.width(), size.height())};
    // Away from the frame by the inward ticks and a little more, as a hand-placed inset would be.
    const double gap = (theme.majorTickLengthPt + 3.0) * scale;
    for (const auto& [a, box] : candidateBoxes(r, size, gap, gap))
        boxes.push_back(box);
    const int best = grid.best(boxes);
    if (best < 0) return;
    const QRectF b = boxes[size_t(best)];
    layout->setInsetRect(index,
                         QRectF((b.left() - r.left()) / r.width(), (b.top() - r.top()) / r.height(), fw, fh));
}

/// For legendPosition "auto"/"best": the corner or edge whose legend box covers the fewest data
/// points (lines count along their length), never the inset; and what it still covers (0 = nothing).
std::pair<Qt::Alignment, qint64> bestLegendPlace(const FigureSpec& spec, QCustomPlot* plot,
                                                 const PlotTheme& theme, double scale)
{
    placement::OccupancyGrid grid = dataGrid(spec, plot, theme, scale);
    if (const QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot))
        grid.addRect(QRectF(inset->outerRect()), 100000);
    const QSize size = plot->legend->minimumOuterSizeHint();
    const auto candidates = candidateBoxes(QRectF(plot->axisRect()->rect()), QSizeF(size), 0.0, 0.0);
    std::vector<QRectF> boxes;
    for (const auto& c : candidates)
        boxes.push_back(c.second);
    const int best = grid.best(boxes);
    if (best < 0) return {candidates.front().first, 0};
    return {candidates[size_t(best)].first, grid.cost(boxes[size_t(best)])};
}

} // namespace

int FigureRenderer::sortOrder(const std::vector<double>& x)
{
    return plotparts::sortOrder(x);
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
    removeInset(plot); // after the plottables: it deletes the axes they were drawn against
    removeSideElements(plot);
    ensureLayers(plot);

    // Created before the theme is applied, so that they are styled like the main axes.
    QCPAxisRect* inset = spec.inset ? createInset(plot, spec.insetRect) : nullptr;
    QCPAxisRect* residual = spec.residual ? createResidual(plot, spec.residualHeightFraction) : nullptr;
    QCPAxisRect* side = spec.side ? createSide(plot) : nullptr;
    theme.applyTo(plot, scale);
    plot->setLocale(QLocale::c()); // figures use a decimal point whatever the desktop language
    // Interactive dragging drops antialiasing for speed; exports never drag.
    plot->setNoAntialiasingOnDrag(true);
    plot->plotLayout()->setRowSpacing(units(residual ? 2.0 : 0.0, scale));

    QCPAxisRect* rect = plot->axisRect();
    setupAxes(spec, rect, theme, scale, residual == nullptr);
    if (inset) {
        // Inset titles at the tick-number size: the inset is a detail and must not outshout the figure.
        const QFont small = theme.font(theme.tickLabelSizePt, scale);
        for (QCPAxis* axis : inset->axes())
            axis->setLabelFont(small);
        setupAxes(*spec.inset, inset, theme, scale);
        // A small plot: three numbers per linear axis, or the minor ticks become a black comb.
        for (QCPAxis* axis : {inset->axis(QCPAxis::atBottom), inset->axis(QCPAxis::atLeft)})
            if (axis->scaleType() == QCPAxis::stLinear) axis->ticker()->setTickCount(3);
    }
    std::optional<FigureSpec> residualSpec;
    if (residual) {
        // The residual panel shares the main x axis: same axis description, range tied both ways.
        residualSpec = *spec.residual;
        residualSpec->x = spec.x;
        residualSpec->y2.reset();
        residualSpec->heatMap.reset();
        setupAxes(*residualSpec, residual, theme, scale);
        QCPAxis* rx = residual->axis(QCPAxis::atBottom);
        rx->setRange(rect->axis(QCPAxis::atBottom)->range());
        QObject::connect(rect->axis(QCPAxis::atBottom), kRangeChanged, rx, kSetRange, Qt::UniqueConnection);
        QObject::connect(rx, kRangeChanged, rect->axis(QCPAxis::atBottom), kSetRange, Qt::UniqueConnection);
        residual->axis(QCPAxis::atLeft)->ticker()->setTickCount(3); // a small panel: few numbers
        // Symmetric about zero unless fixed: a residual is read against its zero line.
        if (!spec.residual->y.min && !spec.residual->y.max && !spec.residual->y.logScale) {
            QCPAxis* ry = residual->axis(QCPAxis::atLeft);
            const double m = 1.08 * std::max(std::abs(ry->range().lower), std::abs(ry->range().upper));
            if (m > 0.0 && std::isfinite(m)) ry->setRange(-m, m);
        }
    }
    std::optional<FigureSpec> sideSpec;
    if (side) {
        // The side panel shares the main y axis: same description, range tied both ways, numbers and
        // title only on the main axis.
        sideSpec = *spec.side;
        sideSpec->y = spec.y;
        sideSpec->y.label.clear();
        sideSpec->y2.reset();
        sideSpec->x2.reset();
        sideSpec->heatMap.reset();
        setupAxes(*sideSpec, side, theme, scale);
        QCPAxis* sy = side->axis(QCPAxis::atLeft);
        sy->setTickLabels(false);
        sy->setPadding(0);
        sy->setRange(rect->axis(QCPAxis::atLeft)->range());
        QObject::connect(rect->axis(QCPAxis::atLeft), kRangeChanged, sy, kSetRange, Qt::UniqueConnection);
        QObject::connect(sy, kRangeChanged, rect->axis(QCPAxis::atLeft), kSetRange, Qt::UniqueConnection);
        if (side->axis(QCPAxis::atBottom)->scaleType() == QCPAxis::stLinear)
            side->axis(QCPAxis::atBottom)->ticker()->setTickCount(3); // a narrow panel: few numbers
    }
    const bool heat = spec.heatMap && spec.heatMap->isValid();

    // Layout with the final margins, then equal aspect (which changes ticks, hence margins: twice).
    // The colour scale takes its column first so the main rect has its final width.
    QCPColorScale* scaleBar = nullptr;
    if (heat) {
        addHeatMap(plot, *spec.heatMap, theme, scale, false);
        scaleBar = plot->findChild<QCPColorScale*>(kColorScaleName);
    }
    if (side) {
        setSideStretch(plot, spec.sideWidthFraction);
        if (!heat) plot->plotLayout()->setColumnSpacing(units(4.0, scale));
    }
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
    if (inset && spec.insetAuto) {
        placeInsetAutomatically(spec, plot, inset, theme, scale);
        layoutNow(plot);
    }
    if (heat && options.clipToRanges) {
        // Exports: rebuilt from the cells inside the final ranges (SVG has no clip paths).
        for (int i = plot->plottableCount() - 1; i >= 0; --i)
            if (qobject_cast<QCPColorMap*>(plot->plottable(i))) plot->removePlottable(i);
        if (scaleBar) plot->plotLayout()->remove(scaleBar);
        plot->plotLayout()->simplify();
        addHeatMap(plot, *spec.heatMap, theme, scale, true);
        if (side) setSideStretch(plot, spec.sideWidthFraction);
        layoutNow(plot);
    }

    // Fills, spans and data. Clipping needs the final ranges, which is why they come after the layout.
    plotparts::addFills(spec, rect, QStringLiteral("main"));
    plotparts::addSpans(rect, spec.spans, theme, scale, options.clipToRanges, kSpansLayer);
    plotparts::addSeries(spec, rect, theme, options, QStringLiteral("main"));
    if (inset) {
        new InsetBackdrop(inset, theme.background); // first on its layer: below the inset's spans
        plotparts::addSpans(inset, spec.inset->spans, theme, scale, options.clipToRanges, kInsetBackLayer);
        plotparts::addFills(*spec.inset, inset, kInsetMainLayer);
        plotparts::addSeries(*spec.inset, inset, theme, options, kInsetMainLayer);
        plotparts::addLabels(*spec.inset, inset, theme, scale);
    }
    if (residual) {
        QColor zero = theme.foreground;
        zero.setAlphaF(0.6);
        auto* line = new ZeroLine(residual, QPen(zero, 0.5 * scale, Qt::DashLine, Qt::FlatCap));
        line->setLayer(kSpansLayer);
        plotparts::addSpans(residual, residualSpec->spans, theme, scale, options.clipToRanges, kSpansLayer);
        plotparts::addFills(*residualSpec, residual, QStringLiteral("main"));
        plotparts::addSeries(*residualSpec, residual, theme, options, QStringLiteral("main"));
        plotparts::addLabels(*residualSpec, residual, theme, scale);
    }

    if (side) {
        plotparts::addSpans(side, sideSpec->spans, theme, scale, options.clipToRanges, kSpansLayer);
        plotparts::addFills(*sideSpec, side, QStringLiteral("main"));
        plotparts::addSeries(*sideSpec, side, theme, options, QStringLiteral("main"));
        plotparts::addLabels(*sideSpec, side, theme, scale);
    }

    // Legend: one entry per labelled series that asks for one, drawn from the series style.
    QCPLegend* legend = plot->legend;
    for (const auto& s : spec.series) {
        if (!s.inLegend || s.label.trimmed().isEmpty()) continue;
        legend->addItem(plotparts::makeLegendItem(legend, s, theme, options));
    }
    legend->setVisible(spec.legend && legend->itemCount() > 0);
    if (QCPLayoutInset* insetLayout = rect->insetLayout(); insetLayout && legend->visible()) {
        const int index = legendIndex(insetLayout, legend);
        if (index >= 0) {
            const QString pos = spec.legendPosition.toLower();
            const bool automatic =
                pos == QLatin1String("best") || pos == QLatin1String("auto") || pos.isEmpty();
            insetLayout->setInsetPlacement(index, QCPLayoutInset::ipBorderAligned);
            if (!automatic) {
                insetLayout->setInsetAlignment(index, legendAlignment(pos));
            } else {
                auto [place, covered] = bestLegendPlace(spec, plot, theme, scale);
                QCPAxis* y = rect->axis(QCPAxis::atLeft);
                if (covered > 0 && !spec.y.max && y->scaleType() == QCPAxis::stLinear && !spec.equalAspect &&
                    !heat) {
                    // Nowhere free: make room above the data, as one would by hand, and put it there.
                    const double h = rect->rect().height();
                    const double room = legend->minimumOuterSizeHint().height() + units(2.0, scale);
                    if (h > 2.0 * room) {
                        const QCPRange r = y->range();
                        const double size = r.size() * h / (h - room);
                        y->setRange(y->rangeReversed() ? QCPRange(r.upper - size, r.upper)
                                                       : QCPRange(r.lower, r.lower + size));
                        if (spec.y2 && !spec.y2->max &&
                            rect->axis(QCPAxis::atRight)->scaleType() == QCPAxis::stLinear) {
                            QCPAxis* y2 = rect->axis(QCPAxis::atRight);
                            const QCPRange r2 = y2->range();
                            y2->setRange(r2.lower, r2.lower + r2.size() * h / (h - room));
                        }
                        layoutNow(plot);
                        fitEdgeMargins(plot, scale);
                        layoutNow(plot);
                        place = bestLegendPlace(spec, plot, theme, scale).first;
                    }
                }
                insetLayout->setInsetAlignment(index, place);
            }
        }
    }

    plotparts::addLabels(spec, rect, theme, scale);
    layoutNow(plot);
}

QCPAxisRect* FigureRenderer::insetAxisRect(QCustomPlot* plot)
{
    if (!plot || !plot->axisRect()) return nullptr;
    QCPLayoutInset* layout = plot->axisRect()->insetLayout();
    for (int i = 0; i < layout->elementCount(); ++i) {
        auto* rect = qobject_cast<QCPAxisRect*>(layout->elementAt(i));
        if (rect && rect->objectName() == kInsetName) return rect;
    }
    return nullptr;
}

QCPAxisRect* FigureRenderer::residualAxisRect(QCustomPlot* plot)
{
    if (!plot) return nullptr;
    for (QCPAxisRect* r : plot->axisRects())
        if (r->objectName() == kResidualName) return r;
    return nullptr;
}

QCPAxisRect* FigureRenderer::sideAxisRect(QCustomPlot* plot)
{
    if (!plot) return nullptr;
    for (QCPAxisRect* r : plot->axisRects())
        if (r->objectName() == kSideName) return r;
    return nullptr;
}

QCPColorScale* FigureRenderer::colorScale(QCustomPlot* plot)
{
    return plot ? plot->findChild<QCPColorScale*>(kColorScaleName) : nullptr;
}

bool FigureRenderer::moveSpan(QCustomPlot* plot, int id, double xMin, double xMax)
{
    return plot && plotparts::moveSpanItem(plot, plot->axisRect(), id, xMin, xMax);
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
        // The looser axis grows from its lower end: a Nyquist plot keeps −Z'' = 0 at the bottom and
        // R_s at the left instead of gaining an empty negative half.
        const double u = std::max(ux, uy);
        if (ux < u) x->setRange(x->range().lower, x->range().lower + u * r.width());
        if (uy < u) y->setRange(y->range().lower, y->range().lower + u * r.height());
    } else if (std::abs(uy - ux) > 1e-9 * ux) {
        y->setRange(y->range().lower, y->range().lower + ux * r.height());
    }
}

void FigureRenderer::fitEdgeMargins(QCustomPlot* plot, double scale)
{
    if (!plot) return;
    if (!(scale > 0.0)) scale = 1.0;
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

    // Per axis rect (the main one and an inset), from its own axes.
    for (QCPAxisRect* rect : plot->axisRects()) {
        const QRect r = rect->rect();
        // Vertical axes: the top-most number sticks out by half its height above the frame.
        int top = 0;
        for (QCPAxis* axis : rect->axes(QCPAxis::atLeft | QCPAxis::atRight)) {
            for (const Box& b : boxes(axis)) {
                if (b.pos < r.top() - 1 || b.pos > r.top() + r.height() + 1) continue;
                top = std::max(top, int(std::ceil(r.top() - (b.pos - b.size.height() / 2.0))) + slack);
            }
        }
        // Horizontal axis: the outermost numbers stick out by half their width past the left/right frame.
        int left = 0, right = 0;
        const double frameLeft = r.left();
        const double frameRight = r.left() + r.width();
        for (QCPAxis* axis : rect->axes(QCPAxis::atBottom)) {
            for (const Box& b : boxes(axis)) {
                if (b.pos < frameLeft - 1 || b.pos > frameRight + 1) continue;
                const double half = std::ceil(b.size.width() / 2.0);
                right = std::max(right, int(std::ceil(b.pos + half - frameRight)) + slack);
                left = std::max(left, int(std::ceil(frameLeft - (b.pos - half))) + slack);
            }
        }
        // Never let the frame touch the page edge (or the inset's backdrop edge): half the axis pen would
        // be cut off.
        const int floor = units(1.5, scale);
        rect->setMinimumMargins(QMargins(std::max(0, left), std::max(floor, top), std::max(floor, right), 0));
    }
}

} // namespace vanadis