#include "widgets/plot/PlotView.h"

#include "widgets/plot/FigureRenderer.h"
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/RichLabel.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QVBoxLayout>

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

namespace vanadis {

namespace {

constexpr double kCopyDpi = 300.0;     // clipboard PNG (export.md: PNG is what Office pastes reliably)
constexpr double kSearchRadiusPx = 40; // data cursor looks this far left/right of the pointer
constexpr double kEdgeGrabPx = 4.0;    // a span edge is grabbed this close (logical pixels)
constexpr double kMarkerGrabPx = 5.0;  // a point marker is grabbed this close (logical pixels)

/// What a press on an editable span takes hold of.
enum class SpanGrab { None, Min, Max, Move };

struct SpanHit {
    int index = -1; ///< into FigureSpec::spans
    SpanGrab grab = SpanGrab::None;
};

struct Nearest {
    int series = -1; ///< -1: none
    size_t index = 0;
};

/// The point of `spec`'s series nearest to `pos` (pixels) against the axes x and yLeft (yRight for
/// right-axis series), searching only ± radius pixels around the pointer for sorted series. Shared by
/// the main axes and the inset.
Nearest nearestPoint(const FigureSpec& spec, const std::vector<int>& orders, QCPAxis* x, QCPAxis* yLeft,
                     QCPAxis* yRight, const QPointF& pos, double radius)
{
    double bestDist = std::numeric_limits<double>::infinity();
    Nearest best;
    for (size_t si = 0; si < spec.series.size(); ++si) {
        const FigureSeries& s = spec.series[si];
        QCPAxis* y = s.onRightAxis && spec.y2 ? yRight : yLeft;
        const size_t n = std::min(s.x.size(), s.y.size());
        if (n == 0) continue;
        size_t begin = 0, end = n, step = 1;
        const int order = si < orders.size() ? orders[si] : 0;
        if (order != 0) {
            // Sorted x: only the points within ± radius pixels of the pointer can be nearest in x.
            double a = x->pixelToCoord(pos.x() - radius), b = x->pixelToCoord(pos.x() + radius);
            if (a > b) std::swap(a, b);
            if (order > 0) {
                begin = size_t(std::lower_bound(s.x.begin(), s.x.begin() + n, a) - s.x.begin());
                end = size_t(std::upper_bound(s.x.begin(), s.x.begin() + n, b) - s.x.begin());
            } else {
                begin =
                    size_t(std::lower_bound(s.x.begin(), s.x.begin() + n, b, std::greater<>()) - s.x.begin());
                end =
                    size_t(std::upper_bound(s.x.begin(), s.x.begin() + n, a, std::greater<>()) - s.x.begin());
            }
            begin = begin > 0 ? begin - 1 : 0; // the neighbours outside the window can still be nearest
            end = std::min(n, end + 1);
        }
        step = std::max<size_t>(1, (end - begin) / 200000); // bounded work per mouse move
        for (size_t i = begin; i < end; i += step) {
            const double yv = s.y[i] + s.yOffset;
            if (!std::isfinite(s.x[i]) || !std::isfinite(yv)) continue;
            const double dx = x->coordToPixel(s.x[i]) - pos.x();
            const double dy = y->coordToPixel(yv) - pos.y();
            const double d = dx * dx + dy * dy;
            if (d < bestDist) {
                bestDist = d;
                best = {int(si), i};
            }
        }
    }
    return best;
}

/// A run of markup (`g^{-1}`, `V_{2}O_{3}`) as Unicode text for the read-out label (a widget font, not
/// the figure font): scripts become Unicode super/subscripts where every character has one.
QString scriptsToUnicode(const QString& markup)
{
    static const QString plain = QStringLiteral("0123456789-+=()n");
    static const QString sup = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁼⁽⁾ⁿ");
    static const QString sub = QStringLiteral("₀₁₂₃₄₅₆₇₈₉₋₊₌₍₎");
    QString out;
    for (qsizetype i = 0; i < markup.size(); ++i) {
        const QChar c = markup[i];
        if ((c == QLatin1Char('^') || c == QLatin1Char('_')) && i + 1 < markup.size()) {
            QString run;
            qsizetype next = i + 1;
            if (markup[next] == QLatin1Char('{')) {
                const qsizetype close = markup.indexOf(QLatin1Char('}'), next);
                if (close < 0) {
                    out += c;
                    continue;
                }
                run = markup.mid(next + 1, close - next - 1);
                next = close;
            } else {
                run = markup[next];
            }
            const QString& table = c == QLatin1Char('^') ? sup : sub;
            QString mapped;
            bool ok = true;
            for (QChar r : run) {
                const qsizetype k = plain.indexOf(r == QChar(0x2212) ? QLatin1Char('-') : r);
                if (k < 0 || k >= table.size()) {
                    ok = false;
                    break;
                }
                mapped += table[k];
            }
            out += ok ? mapped : run;
            i = next;
            continue;
        }
        out += c;
    }
    return out;
}

/// The unit of an axis title as written in it — "Capacity (mAh g^{-1})" or "E / V" — for the read-out;
/// empty when the title has none (p/p_{0}, a.u. stays, it is what the axis says).
QString unitOf(const QString& axisLabel)
{
    const QString t = axisLabel.trimmed();
    if (t.endsWith(QLatin1Char(')'))) {
        // The last balanced group at the end.
        int depth = 0;
        for (qsizetype i = t.size() - 1; i >= 0; --i) {
            if (t[i] == QLatin1Char(')')) ++depth;
            if (t[i] == QLatin1Char('(') && --depth == 0)
                return scriptsToUnicode(t.mid(i + 1, t.size() - i - 2).trimmed());
        }
        return {};
    }
    const qsizetype slash = t.lastIndexOf(QStringLiteral(" / "));
    if (slash > 0) return scriptsToUnicode(t.mid(slash + 3).trimmed());
    return {};
}

/// "12.5 mAh g⁻¹", "35.2°", or the bare number.
QString withUnit(const QString& number, const QString& unit)
{
    if (unit.isEmpty()) return number;
    if (unit == QStringLiteral("°")) return number + unit;
    return number + QLatin1Char(' ') + unit;
}

std::vector<int> sortOrders(const FigureSpec& spec)
{
    std::vector<int> orders;
    for (const auto& s : spec.series)
        orders.push_back(FigureRenderer::sortOrder(s.x));
    return orders;
}

struct RangeSet {
    QCPRange x, y, y2;
};

/// Keys on the plot: Ctrl+C copies (taken even when a window-wide "Copy" action has the same shortcut),
/// arrows pan, +/− zoom, Home resets.
class PlotKeyFilter : public QObject {
public:
    explicit PlotKeyFilter(PlotView* view) : QObject(view), m_view(view) {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        auto* key = static_cast<QKeyEvent*>(event);
        const bool press = event->type() == QEvent::KeyPress;
        if (key->matches(QKeySequence::Copy)) {
            key->accept();
            if (press) m_view->copyToClipboard();
            return press;
        }
        if (!press || (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))) return false;
        switch (key->key()) {
        case Qt::Key_Left:
            m_view->panBy(-0.1, 0.0);
            return true;
        case Qt::Key_Right:
            m_view->panBy(0.1, 0.0);
            return true;
        case Qt::Key_Up:
            m_view->panBy(0.0, 0.1);
            return true;
        case Qt::Key_Down:
            m_view->panBy(0.0, -0.1);
            return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            m_view->zoomBy(0.8);
            return true;
        case Qt::Key_Minus:
            m_view->zoomBy(1.25);
            return true;
        case Qt::Key_Home:
            m_view->resetView();
            return true;
        default:
            return false;
        }
    }

private:
    PlotView* m_view;
};

} // namespace

struct PlotView::Private {
    QCustomPlot* plot = nullptr;
    QLabel* readout = nullptr;
    QAction* copyAction = nullptr;
    QAction* resetAction = nullptr;
    FigureSpec spec;
    PlotTheme theme = PlotTheme::builtIn();
    std::vector<int> orders; ///< FigureRenderer::sortOrder per series, for the cursor search
    std::vector<int> insetOrders;
    std::vector<int> residualOrders;
    RangeSet home;
    QCPRange residualHomeY; ///< the residual panel's y range as rendered
    QString cursorText;
    bool adjustingAspect = false;

    /// A span being dragged: which one (by id: the figure may be replaced meanwhile), what is held,
    /// and where it started.
    struct SpanDrag {
        int id = 0;
        SpanGrab grab = SpanGrab::None;
        double startMin = 0.0;
        double startMax = 0.0;
        double pressX = 0.0;     ///< pointer x at the press, pixels
        double grabOffset = 0.0; ///< held edge minus pointer x at the press, pixels (no jump on grab)
        bool moved = false;
    };
    std::optional<SpanDrag> spanDrag;

    std::vector<PlotMarkerSet> markers;
    std::vector<QCPAbstractItem*> markerItems; ///< owned by the plot; cleared by every render
    bool doubleClickAdds = false;
    bool shiftClickAdds = false;
    bool ctrlClickAdds = false;
    bool swallowContextMenu = false; ///< the right press removed a marker: no menu for it
    struct MarkerDrag {
        int set = 0; ///< index into markers
        int index = 0;
        double grabOffset = 0.0; ///< marker minus pointer x at the press, pixels
        bool moved = false;
    };
    std::optional<MarkerDrag> markerDrag;

    /// Whether \a pos lies in the main axis rect (not the inset).
    bool inMainRect(const QPointF& pos) const
    {
        const QRect r = plot->axisRect()->rect();
        if (!r.contains(pos.toPoint())) return false;
        const QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot);
        return !(inset && inset->outerRect().contains(pos.toPoint()));
    }

    /// The marker nearest to \a pos within kMarkerGrabPx: (set index, marker index), or set −1.
    std::pair<int, int> markerAt(const QPointF& pos) const
    {
        if (!inMainRect(pos)) return {-1, -1};
        std::pair<int, int> best{-1, -1};
        double bestDist = kMarkerGrabPx;
        for (std::size_t s = 0; s < markers.size(); ++s)
            for (std::size_t i = 0; i < markers[s].x.size(); ++i) {
                const double d = std::abs(plot->xAxis->coordToPixel(markers[s].x[i]) - pos.x());
                if (d <= bestDist) bestDist = d, best = {int(s), int(i)};
            }
        return best;
    }

    /// The editable span under `pos` (pixels): edges first (nearest wins), then insides (topmost wins).
    SpanHit spanAt(const QPointF& pos) const
    {
        const QRect r = plot->axisRect()->rect();
        if (pos.y() < r.top() || pos.y() > r.top() + r.height()) return {};
        if (pos.x() < r.left() - kEdgeGrabPx || pos.x() > r.left() + r.width() + kEdgeGrabPx) return {};
        if (const QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot);
            inset && inset->outerRect().contains(pos.toPoint()))
            return {};
        QCPAxis* x = plot->xAxis;
        SpanHit edge, inside;
        double edgeDist = kEdgeGrabPx;
        for (int i = int(spec.spans.size()) - 1; i >= 0; --i) {
            const FigureSpan& s = spec.spans[size_t(i)];
            if (!s.editable || !std::isfinite(s.xMin) || !std::isfinite(s.xMax)) continue;
            const double pMin = x->coordToPixel(std::min(s.xMin, s.xMax));
            const double pMax = x->coordToPixel(std::max(s.xMin, s.xMax));
            const double dMin = std::abs(pos.x() - pMin);
            const double dMax = std::abs(pos.x() - pMax);
            if (std::min(dMin, dMax) <= edgeDist) {
                edgeDist = std::min(dMin, dMax);
                edge = {i, dMin <= dMax ? SpanGrab::Min : SpanGrab::Max};
            }
            if (inside.index < 0 && pos.x() > std::min(pMin, pMax) && pos.x() < std::max(pMin, pMax))
                inside = {i, SpanGrab::Move};
        }
        return edge.index >= 0 ? edge : inside;
    }

    FigureSpan* spanById(int id)
    {
        for (auto& s : spec.spans)
            if (s.id == id) return &s;
        return nullptr;
    }
};

PlotView::PlotView(QWidget* parent) : QWidget(parent), m_d(std::make_unique<Private>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_d->plot = new QCustomPlot(this);
    layout->addWidget(m_d->plot);
    m_d->plot->setMouseTracking(true);
    m_d->plot->setFocusPolicy(Qt::StrongFocus);
    m_d->plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Stroke polylines segment by segment on screen: a 1 pt (1.33 px) pen over a 1e6-point sampled
    // trace takes ~2 s as one path and ~12 ms as segments (QCustomPlot ignores the hint for exports).
    m_d->plot->setPlottingHint(QCP::phFastPolylines, true);
    m_d->plot->installEventFilter(new PlotKeyFilter(this));
    m_d->plot->installEventFilter(this); // span dragging, ahead of QCustomPlot's own pan
    setFocusProxy(m_d->plot);
    setAccessibleName(tr("Plot"));
    m_d->plot->setAccessibleName(tr("Plot area"));

    m_d->readout = new QLabel(m_d->plot);
    m_d->readout->setObjectName(QStringLiteral("plotCursorReadout"));
    m_d->readout->setAccessibleName(tr("Data cursor"));
    m_d->readout->setAutoFillBackground(true);
    m_d->readout->setBackgroundRole(QPalette::ToolTipBase);
    m_d->readout->setForegroundRole(QPalette::ToolTipText);
    m_d->readout->setFrameShape(QFrame::Box);
    m_d->readout->setMargin(2);
    m_d->readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_d->readout->hide();

    m_d->copyAction = new QAction(tr("&Copy"), this);
    m_d->copyAction->setShortcut(QKeySequence::Copy);
    m_d->copyAction->setShortcutContext(Qt::WidgetShortcut); // shown in the menu; keys go via PlotKeyFilter
    m_d->copyAction->setToolTip(tr("Copy the figure as PNG (300 dpi), PDF and SVG"));
    connect(m_d->copyAction, &QAction::triggered, this, &PlotView::copyToClipboard);
    m_d->resetAction = new QAction(tr("&Reset View"), this);
    connect(m_d->resetAction, &QAction::triggered, this, &PlotView::resetView);
    addAction(m_d->copyAction);
    addAction(m_d->resetAction);

    QCustomPlot* plot = m_d->plot;
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (e->buttons() != Qt::NoButton) {
            hideCursor(); // panning
            return;
        }
        updateCursor(e->position());
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
    // Over the numbers of one axis, wheel and drag act on that axis only; inside the frame on both.
    auto restrictToAxis = [this](const QPointF& pos) {
        QCPAxisRect* rect = m_d->plot->axisRect();
        const QRect r = rect->rect();
        Qt::Orientations o = Qt::Horizontal | Qt::Vertical;
        if (pos.x() < r.left() || pos.x() > r.right())
            o = Qt::Vertical;
        else if (pos.y() < r.top() || pos.y() > r.bottom())
            o = Qt::Horizontal;
        if (m_d->spec.equalAspect) o = Qt::Horizontal | Qt::Vertical; // keep Nyquist circles round
        rect->setRangeZoom(o);
        rect->setRangeDrag(o);
    };
    connect(plot, &QCustomPlot::mouseWheel, this,
            [restrictToAxis](QWheelEvent* e) { restrictToAxis(e->position()); });
    connect(plot, &QCustomPlot::mousePress, this, [this, restrictToAxis](QMouseEvent* e) {
        restrictToAxis(e->position());
        hideCursor();
    });
    connect(plot, &QCustomPlot::beforeReplot, this,
            [this] { FigureRenderer::fitEdgeMargins(m_d->plot, scale()); });
    connect(plot, &QCustomPlot::afterLayout, this, [this] { keepAspect(); });

    rerender();
}

PlotView::~PlotView() = default;

void PlotView::setFigure(const FigureSpec& spec)
{
    m_d->spec = spec;
    m_d->orders = sortOrders(spec);
    m_d->insetOrders = spec.inset ? sortOrders(*spec.inset) : std::vector<int>();
    m_d->residualOrders = spec.residual ? sortOrders(*spec.residual) : std::vector<int>();
    const QString title = spec.title.isEmpty() ? RichLabel(spec.y.label).plainText() : spec.title;
    setAccessibleName(title.isEmpty() ? tr("Plot") : tr("Plot: %1").arg(title));
    setAccessibleDescription(
        tr("%1 versus %2, %n series", nullptr, int(spec.series.size()))
            .arg(RichLabel(spec.y.label).plainText(), RichLabel(spec.x.label).plainText()));
    rerender();
}

const FigureSpec& PlotView::figure() const
{
    return m_d->spec;
}

FigureSpec PlotView::visibleFigure() const
{
    FigureSpec f = m_d->spec;
    f.x.min = m_d->plot->xAxis->range().lower;
    f.x.max = m_d->plot->xAxis->range().upper;
    f.y.min = m_d->plot->yAxis->range().lower;
    f.y.max = m_d->plot->yAxis->range().upper;
    if (f.y2) {
        f.y2->min = m_d->plot->yAxis2->range().lower;
        f.y2->max = m_d->plot->yAxis2->range().upper;
    }
    return f;
}

void PlotView::setTheme(const PlotTheme& theme)
{
    m_d->theme = theme;
    rerender();
}

const PlotTheme& PlotView::theme() const
{
    return m_d->theme;
}

double PlotView::scale() const
{
    const int dpi = m_d->plot->logicalDpiY();
    return dpi > 0 ? dpi / 72.0 : 96.0 / 72.0;
}

double PlotView::widthMm() const
{
    const int dpi = m_d->plot->logicalDpiX();
    return m_d->plot->width() / double(dpi > 0 ? dpi : 96) * 25.4;
}

double PlotView::heightMm() const
{
    const int dpi = m_d->plot->logicalDpiY();
    return m_d->plot->height() / double(dpi > 0 ? dpi : 96) * 25.4;
}

QString PlotView::cursorText() const
{
    return m_d->cursorText;
}

QCustomPlot* PlotView::plot() const
{
    return m_d->plot;
}

void PlotView::rerender()
{
    QCustomPlot* plot = m_d->plot;
    // The viewport follows the widget only once it has been resized; lay out for the real size now.
    plot->setViewport(plot->rect());
    FigureRenderer::Options options;
    options.scale = scale();
    options.adaptiveSampling = true;
    options.clipToRanges = false; // the painter clips on screen, and panning must reveal the data
    m_d->adjustingAspect = true;
    // Journal sizes (7/6 pt) are for print; on screen the same style with readable fonts.
    FigureRenderer::render(m_d->spec, plot, m_d->theme.forScreen(), options);
    m_d->adjustingAspect = false;
    QCPAxisRect* rect = plot->axisRect();
    QList<QCPAxis*> vertical{plot->yAxis};
    if (m_d->spec.y2) vertical << plot->yAxis2;
    rect->setRangeDragAxes({plot->xAxis}, vertical);
    rect->setRangeZoomAxes({plot->xAxis}, vertical);
    rect->setRangeZoomFactor(0.85);
    m_d->home = {plot->xAxis->range(), plot->yAxis->range(), plot->yAxis2->range()};
    if (QCPAxisRect* residual = FigureRenderer::residualAxisRect(plot))
        m_d->residualHomeY = residual->axis(QCPAxis::atLeft)->range();
    m_d->markerItems.clear(); // the render removed them
    drawMarkers();
    hideCursor();
    replot();
}

void PlotView::updateFigure(const FigureSpec& spec)
{
    QCustomPlot* plot = m_d->plot;
    const RangeSet current{plot->xAxis->range(), plot->yAxis->range(), plot->yAxis2->range()};
    setFigure(spec);
    plot->xAxis->setRange(current.x);
    plot->yAxis->setRange(current.y);
    if (m_d->spec.y2) plot->yAxis2->setRange(current.y2);
    replot();
}

void PlotView::setMarkers(const std::vector<PlotMarkerSet>& sets)
{
    if (m_d->markerDrag) {
        // Keep the position under the pointer: the parameters catch up on release.
        const auto& d = *m_d->markerDrag;
        const double held = m_d->markers[size_t(d.set)].x[size_t(d.index)];
        m_d->markers = sets;
        if (size_t(d.set) < m_d->markers.size() && size_t(d.index) < m_d->markers[size_t(d.set)].x.size())
            m_d->markers[size_t(d.set)].x[size_t(d.index)] = held;
        else
            m_d->markerDrag.reset();
    } else {
        m_d->markers = sets;
    }
    drawMarkers();
    replot();
}

const std::vector<PlotMarkerSet>& PlotView::markers() const
{
    return m_d->markers;
}

void PlotView::setPointGestures(bool doubleClickAdds, bool shiftClickAdds, bool ctrlClickAdds)
{
    m_d->doubleClickAdds = doubleClickAdds;
    m_d->shiftClickAdds = shiftClickAdds;
    m_d->ctrlClickAdds = ctrlClickAdds;
}

QPointF PlotView::pixelOf(double x, double y) const
{
    return {m_d->plot->xAxis->coordToPixel(x), m_d->plot->yAxis->coordToPixel(y)};
}

void PlotView::drawMarkers()
{
    QCustomPlot* plot = m_d->plot;
    for (QCPAbstractItem* item : m_d->markerItems)
        plot->removeItem(item);
    m_d->markerItems.clear();
    if (!plot->xAxis || !plot->axisRect()) return;
    const double width = std::max(1.0, scale());
    // The handle sits just inside the top of the axis rect, whole (the rect clips what lies above).
    const double top = 5.5 * width / std::max(1.0, double(plot->axisRect()->rect().height()));
    for (const PlotMarkerSet& set : m_d->markers)
        for (std::size_t i = 0; i < set.x.size(); ++i) {
            const double x = set.x[i];
            if (!std::isfinite(x)) continue;
            auto* line = new QCPItemLine(plot);
            line->setClipToAxisRect(true);
            line->setClipAxisRect(plot->axisRect());
            for (QCPItemPosition* p : {line->start, line->end}) {
                p->setAxes(plot->xAxis, plot->yAxis);
                p->setAxisRect(plot->axisRect());
                p->setTypeX(QCPItemPosition::ptPlotCoords);
                p->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            line->start->setCoords(x, top); // the handle's end
            line->end->setCoords(x, 1.0);
            const bool linked = set.isLinked(i);
            QColor color = set.color;
            if (linked) color.setAlphaF(0.6 * color.alphaF()); // secondary: it follows another marker
            QPen pen(color, width, linked ? Qt::DotLine : set.draggable ? Qt::SolidLine : Qt::DashLine);
            line->setPen(pen);
            // A handle at the top: a filled disc for markers that drag, a diamond for linked ones (they
            // follow another marker), a bar for the others.
            line->setTail(QCPLineEnding(linked          ? QCPLineEnding::esDiamond
                                        : set.draggable ? QCPLineEnding::esDisc
                                                        : QCPLineEnding::esBar,
                                        (linked ? 9.0 : 7.0) * width, (linked ? 9.0 : 7.0) * width));
            line->setSelectable(false);
            m_d->markerItems.push_back(line);
        }
}

void PlotView::resetView()
{
    QCustomPlot* plot = m_d->plot;
    plot->xAxis->setRange(m_d->home.x);
    plot->yAxis->setRange(m_d->home.y);
    if (m_d->spec.y2) plot->yAxis2->setRange(m_d->home.y2);
    if (QCPAxisRect* residual = FigureRenderer::residualAxisRect(plot))
        residual->axis(QCPAxis::atLeft)->setRange(m_d->residualHomeY);
    if (m_d->spec.equalAspect) FigureRenderer::applyEqualAspect(plot, true);
    replot();
}

void PlotView::replot()
{
    m_d->plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::zoomBy(double factor)
{
    if (!(factor > 0.0)) return;
    QCustomPlot* plot = m_d->plot;
    QList<QCPAxis*> axes{plot->xAxis, plot->yAxis};
    if (m_d->spec.y2) axes << plot->yAxis2;
    for (QCPAxis* axis : axes)
        axis->scaleRange(factor, axis->range().center());
    replot();
}

void PlotView::panBy(double xFraction, double yFraction)
{
    QCustomPlot* plot = m_d->plot;
    auto pan = [](QCPAxis* axis, double fraction) {
        if (fraction == 0.0) return;
        const double dir = axis->rangeReversed() ? -1.0 : 1.0;
        if (axis->scaleType() == QCPAxis::stLogarithmic) {
            const double f = std::pow(axis->range().upper / axis->range().lower, fraction * dir);
            axis->setRange(axis->range().lower * f, axis->range().upper * f);
        } else {
            axis->moveRange(axis->range().size() * fraction * dir);
        }
    };
    pan(plot->xAxis, xFraction);
    pan(plot->yAxis, yFraction);
    if (m_d->spec.y2) pan(plot->yAxis2, yFraction);
    replot();
}

void PlotView::keepAspect()
{
    if (!m_d->spec.equalAspect || m_d->adjustingAspect) return;
    QCustomPlot* plot = m_d->plot;
    const QCPRange before = plot->yAxis->range();
    FigureRenderer::applyEqualAspect(plot, false);
    if (plot->yAxis->range() != before) {
        // Ticks were generated for the old range in this replot's preparation phase: redo them now.
        m_d->adjustingAspect = true;
        plot->plotLayout()->update(QCPLayoutElement::upPreparation);
        m_d->adjustingAspect = false;
    }
}

void PlotView::updateCursor(const QPointF& pos)
{
    QCustomPlot* plot = m_d->plot;
    // Over the inset the read-out is about the inset's series; over its labels, about nothing.
    const FigureSpec* spec = &m_d->spec;
    const std::vector<int>* orders = &m_d->orders;
    QCPAxisRect* rect = plot->axisRect();
    if (QCPAxisRect* inset = FigureRenderer::insetAxisRect(plot);
        inset && m_d->spec.inset && inset->outerRect().contains(pos.toPoint())) {
        spec = m_d->spec.inset.get();
        orders = &m_d->insetOrders;
        rect = inset;
    } else if (QCPAxisRect* residual = FigureRenderer::residualAxisRect(plot);
               residual && m_d->spec.residual && residual->rect().contains(pos.toPoint())) {
        spec = m_d->spec.residual.get();
        orders = &m_d->residualOrders;
        rect = residual;
    }
    if (!rect->rect().contains(pos.toPoint())) {
        hideCursor();
        return;
    }
    const QLocale locale;
    QString text;
    const double radius = kSearchRadiusPx * scale() * 72.0 / 96.0;
    const Nearest best = spec->series.empty() ? Nearest{}
                                              : nearestPoint(*spec, *orders, rect->axis(QCPAxis::atBottom),
                                                             rect->axis(QCPAxis::atLeft),
                                                             rect->axis(QCPAxis::atRight), pos, radius);
    if (best.series >= 0) {
        const FigureSeries& s = spec->series[size_t(best.series)];
        const QString name =
            s.label.isEmpty() ? tr("Series %1").arg(best.series + 1) : RichLabel(s.label).plainText();
        // The residual panel shares the main x axis; its units come from the main figure.
        const FigureAxis& xAxis = spec == m_d->spec.residual.get() ? m_d->spec.x : spec->x;
        const FigureAxis& yAxis = s.onRightAxis && spec->y2 ? *spec->y2 : spec->y;
        text = tr("%1: x = %2, y = %3")
                   .arg(name, withUnit(locale.toString(s.x[best.index], 'g', 6), unitOf(xAxis.label)),
                        withUnit(locale.toString(s.y[best.index], 'g', 6), unitOf(yAxis.label)));
        if (best.index < s.pointLabels.size() && !s.pointLabels[best.index].trimmed().isEmpty())
            text += QStringLiteral("  ") + scriptsToUnicode(s.pointLabels[best.index]);
    } else if (spec == &m_d->spec && spec->heatMap && spec->heatMap->isValid()) {
        // Over a heat map: the cell under the pointer.
        const FigureHeatMap& h = *spec->heatMap;
        const double xv = plot->xAxis->pixelToCoord(pos.x()), yv = plot->yAxis->pixelToCoord(pos.y());
        auto nearest = [](const std::vector<double>& c, double v) {
            const auto it = std::lower_bound(c.begin(), c.end(), v);
            if (it == c.begin()) return size_t(0);
            if (it == c.end()) return c.size() - 1;
            const size_t i = size_t(it - c.begin());
            return v - c[i - 1] <= c[i] - v ? i - 1 : i;
        };
        const size_t ix = nearest(h.x, xv), iy = nearest(h.y, yv);
        const double z = h.z[iy * h.x.size() + ix];
        if (std::isfinite(z)) {
            text = tr("x = %1, y = %2, z = %3")
                       .arg(withUnit(locale.toString(h.x[ix], 'g', 6), unitOf(spec->x.label)),
                            withUnit(locale.toString(h.y[iy], 'g', 6), unitOf(spec->y.label)),
                            withUnit(locale.toString(z, 'g', 6), unitOf(h.zLabel)));
        }
    }
    if (text.isEmpty()) {
        hideCursor();
        return;
    }
    QLabel* label = m_d->readout;
    label->setText(text);
    label->adjustSize();
    QPoint at = pos.toPoint() + QPoint(14, 14);
    if (at.x() + label->width() > plot->width()) at.rx() = pos.toPoint().x() - 14 - label->width();
    if (at.y() + label->height() > plot->height()) at.ry() = pos.toPoint().y() - 14 - label->height();
    label->move(at);
    label->show();
    label->raise();
    if (text != m_d->cursorText) {
        m_d->cursorText = text;
        Q_EMIT cursorTextChanged(text);
    }
}

void PlotView::hideCursor()
{
    m_d->readout->hide();
    if (!m_d->cursorText.isEmpty()) {
        m_d->cursorText.clear();
        Q_EMIT cursorTextChanged(QString());
    }
}

QMimeData* PlotView::createMimeData() const
{
    const FigureSpec f = visibleFigure();
    const double w = widthMm();
    const double h = heightMm();
    auto* mime = new QMimeData;
    const QImage image = PlotExporter::renderImage(f, m_d->theme, w, h, kCopyDpi);
    if (!image.isNull()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        mime->setData(QStringLiteral("image/png"), png);
    }
    const QByteArray pdf = PlotExporter::renderPdf(f, m_d->theme, w, h);
    if (!pdf.isEmpty()) mime->setData(QStringLiteral("application/pdf"), pdf);
    const QByteArray svg = PlotExporter::renderSvg(f, m_d->theme, w, h);
    if (!svg.isEmpty()) mime->setData(QStringLiteral("image/svg+xml"), svg);
    return mime;
}

void PlotView::copyToClipboard()
{
    QGuiApplication::clipboard()->setMimeData(createMimeData());
}

void PlotView::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_d->swallowContextMenu) {
        m_d->swallowContextMenu = false;
        return;
    }
    QMenu menu(this);
    menu.addAction(m_d->copyAction);
    menu.addSeparator();
    menu.addAction(m_d->resetAction);
    menu.exec(event->globalPos());
}

void PlotView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // Moving to a screen with another dpi changes the pt → pixel scale; keep what the user zoomed to.
    if (event->type() == QEvent::ScreenChangeInternal) rerenderKeepingView();
}

void PlotView::rerenderKeepingView()
{
    QCustomPlot* plot = m_d->plot;
    const RangeSet current{plot->xAxis->range(), plot->yAxis->range(), plot->yAxis2->range()};
    const RangeSet home = m_d->home;
    rerender();
    m_d->home = home;
    plot->xAxis->setRange(current.x);
    plot->yAxis->setRange(current.y);
    if (m_d->spec.y2) plot->yAxis2->setRange(current.y2);
    replot();
}

void PlotView::setSpan(int id, double xMin, double xMax)
{
    FigureSpan* span = m_d->spanById(id);
    if (!span || !std::isfinite(xMin) || !std::isfinite(xMax)) return;
    if (xMin > xMax) std::swap(xMin, xMax);
    span->xMin = xMin;
    span->xMax = xMax;
    if (FigureRenderer::moveSpan(m_d->plot, id, xMin, xMax))
        replot();
    else
        rerenderKeepingView(); // it was not drawable before (e.g. ≤ 0 on a log axis)
}

bool PlotView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_d->plot && (markerMouseEvent(event) || spanMouseEvent(event))) return true;
    return QWidget::eventFilter(watched, event);
}

void PlotView::updateSpanCursor(const QPointF& pos)
{
    const auto [set, index] = m_d->markerAt(pos);
    const PlotMarkerSet* over = set >= 0 ? &m_d->markers[size_t(set)] : nullptr;
    const QString tip = over && size_t(index) < over->tips.size() ? over->tips[size_t(index)] : QString();
    if (m_d->plot->toolTip() != tip) m_d->plot->setToolTip(tip);
    if (over && over->canDrag(size_t(index))) {
        m_d->plot->setCursor(Qt::SizeHorCursor);
        return;
    }
    const SpanHit hit = m_d->spanAt(pos);
    if (hit.grab == SpanGrab::Min || hit.grab == SpanGrab::Max)
        m_d->plot->setCursor(Qt::SizeHorCursor);
    else if (hit.grab == SpanGrab::Move)
        m_d->plot->setCursor(Qt::OpenHandCursor);
    else
        m_d->plot->unsetCursor();
}

/// Point markers: dragging, removal and adding points. Returns true for the events it takes (then
/// neither the span code nor QCustomPlot sees them).
bool PlotView::markerMouseEvent(QEvent* event)
{
    QCustomPlot* plot = m_d->plot;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (m_d->markerDrag) return true;
        const auto [set, index] = m_d->markerAt(e->position());
        const bool shift = e->modifiers() & Qt::ShiftModifier;
        if (set >= 0 && (e->button() == Qt::RightButton || (e->button() == Qt::LeftButton && shift))) {
            m_d->swallowContextMenu = e->button() == Qt::RightButton;
            Q_EMIT markerRemoveRequested(m_d->markers[size_t(set)].id, index);
            return true;
        }
        if (e->button() != Qt::LeftButton) return false;
        if (shift && m_d->shiftClickAdds && m_d->inMainRect(e->position())) {
            Q_EMIT pointRequested(plot->xAxis->pixelToCoord(e->position().x()), PointGesture::ShiftClick);
            return true;
        }
        if ((e->modifiers() & Qt::ControlModifier) && m_d->ctrlClickAdds && set < 0 &&
            m_d->inMainRect(e->position())) {
            Q_EMIT pointRequested(plot->xAxis->pixelToCoord(e->position().x()), PointGesture::CtrlClick);
            return true;
        }
        if (set < 0 || !m_d->markers[size_t(set)].canDrag(size_t(index))) return false;
        Private::MarkerDrag drag;
        drag.set = set;
        drag.index = index;
        drag.grabOffset =
            plot->xAxis->coordToPixel(m_d->markers[size_t(set)].x[size_t(index)]) - e->position().x();
        m_d->markerDrag = drag;
        hideCursor();
        plot->setCursor(Qt::SizeHorCursor);
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton) return false;
        if (m_d->markerDrag || m_d->markerAt(e->position()).first >= 0) return true;
        const SpanHit span = m_d->spanAt(e->position());
        if (span.grab == SpanGrab::Min || span.grab == SpanGrab::Max) return false; // an edge grab
        if (!m_d->doubleClickAdds || !m_d->inMainRect(e->position())) return false;
        Q_EMIT pointRequested(plot->xAxis->pixelToCoord(e->position().x()), PointGesture::DoubleClick);
        return true;
    }
    case QEvent::MouseMove: {
        if (!m_d->markerDrag) return false;
        auto* e = static_cast<QMouseEvent*>(event);
        Private::MarkerDrag& drag = *m_d->markerDrag;
        if (size_t(drag.set) >= m_d->markers.size() ||
            size_t(drag.index) >= m_d->markers[size_t(drag.set)].x.size()) {
            m_d->markerDrag.reset();
            plot->unsetCursor();
            return true;
        }
        const double x = plot->xAxis->pixelToCoord(e->position().x() + drag.grabOffset);
        double& held = m_d->markers[size_t(drag.set)].x[size_t(drag.index)];
        if (!std::isfinite(x) || x == held) return true;
        held = x;
        drag.moved = true;
        drawMarkers();
        replot();
        Q_EMIT markerMoved(m_d->markers[size_t(drag.set)].id, drag.index, x, false);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (!m_d->markerDrag) return false;
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton) return true;
        const Private::MarkerDrag drag = *m_d->markerDrag;
        m_d->markerDrag.reset();
        updateSpanCursor(e->position());
        if (drag.moved && size_t(drag.set) < m_d->markers.size() &&
            size_t(drag.index) < m_d->markers[size_t(drag.set)].x.size())
            Q_EMIT markerMoved(m_d->markers[size_t(drag.set)].id, drag.index,
                               m_d->markers[size_t(drag.set)].x[size_t(drag.index)], true);
        return true;
    }
    case QEvent::Wheel:
        return m_d->markerDrag.has_value();
    default:
        return false;
    }
}

/// Span dragging. Returns true for the events it takes, which QCustomPlot then never sees: that is what
/// keeps the plot from panning (press/move) or zooming (wheel) while a span is held.
bool PlotView::spanMouseEvent(QEvent* event)
{
    QCustomPlot* plot = m_d->plot;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: { // a double click on an edge is a grab, not "reset view"
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton) return m_d->spanDrag.has_value();
        if (m_d->spanDrag) return true;
        const SpanHit hit = m_d->spanAt(e->position());
        if (hit.index < 0) return false;
        const FigureSpan& span = m_d->spec.spans[size_t(hit.index)];
        Private::SpanDrag drag;
        drag.id = span.id;
        drag.grab = hit.grab;
        drag.startMin = std::min(span.xMin, span.xMax);
        drag.startMax = std::max(span.xMin, span.xMax);
        drag.pressX = e->position().x();
        if (hit.grab != SpanGrab::Move) {
            const double edge = hit.grab == SpanGrab::Min ? drag.startMin : drag.startMax;
            drag.grabOffset = plot->xAxis->coordToPixel(edge) - drag.pressX;
        }
        m_d->spanDrag = drag;
        hideCursor();
        plot->setCursor(hit.grab == SpanGrab::Move ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
        return true;
    }
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!m_d->spanDrag) {
            if (e->buttons() == Qt::NoButton) updateSpanCursor(e->position());
            return false; // the data cursor and QCustomPlot still see it
        }
        Private::SpanDrag& drag = *m_d->spanDrag;
        FigureSpan* span = m_d->spanById(drag.id);
        if (!span) { // the figure was replaced and the span is gone
            m_d->spanDrag.reset();
            plot->unsetCursor();
            return true;
        }
        QCPAxis* x = plot->xAxis;
        const double px = e->position().x();
        double lo = drag.startMin, hi = drag.startMax;
        if (drag.grab == SpanGrab::Move) {
            // In pixels, so a span on a log or reversed axis keeps its on-screen width.
            const double dx = px - drag.pressX;
            lo = x->pixelToCoord(x->coordToPixel(drag.startMin) + dx);
            hi = x->pixelToCoord(x->coordToPixel(drag.startMax) + dx);
        } else {
            const double edge = x->pixelToCoord(px + drag.grabOffset);
            const double other = drag.grab == SpanGrab::Min ? drag.startMax : drag.startMin;
            lo = edge;
            hi = other; // dragged across the other edge the two simply swap roles
        }
        if (lo > hi) std::swap(lo, hi);
        if (!std::isfinite(lo) || !std::isfinite(hi)) return true;
        if (lo != span->xMin || hi != span->xMax) {
            span->xMin = lo;
            span->xMax = hi;
            drag.moved = true;
            FigureRenderer::moveSpan(plot, drag.id, lo, hi);
            replot();
            Q_EMIT spanEdited(drag.id, lo, hi, false);
        }
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!m_d->spanDrag) return false;
        if (e->button() != Qt::LeftButton) return true;
        const Private::SpanDrag drag = *m_d->spanDrag;
        m_d->spanDrag.reset();
        updateSpanCursor(e->position());
        if (drag.moved) {
            if (const FigureSpan* span = m_d->spanById(drag.id))
                Q_EMIT spanEdited(drag.id, span->xMin, span->xMax, true);
        }
        return true;
    }
    case QEvent::Wheel:
        return m_d->spanDrag.has_value();
    case QEvent::Leave:
        if (!m_d->spanDrag) plot->unsetCursor();
        return false;
    default:
        return false;
    }
}

} // namespace vanadis
