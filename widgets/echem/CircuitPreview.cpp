#include "widgets/echem/CircuitPreview.h"

#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <algorithm>

namespace vanadis {

namespace {

using Node = echem::Circuit::Node;

constexpr double kCellW = 58.0; ///< one element: symbol plus a wire stub each side
constexpr double kCellH = 36.0; ///< symbol plus its name below
constexpr double kSymbolW = 34.0;
constexpr double kSymbolH = 14.0;
constexpr double kRail = 10.0; ///< a parallel group's rail inset
constexpr double kGap = 4.0;   ///< between parallel branches
constexpr double kMargin = 6.0;

} // namespace

CircuitPreview::CircuitPreview(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Circuit preview"));
}

void CircuitPreview::setCircuitText(const QString& text)
{
    m_text = text;
    m_circuit.reset();
    m_error.clear();
    m_errorChar = 0;
    auto c = echem::Circuit::parse(text.toStdString());
    if (c) {
        m_circuit = std::move(*c);
    } else {
        m_error = QString::fromStdString(c.error().location + ": " + c.error().reason);
        static const QRegularExpression at(QStringLiteral("character (\\d+)"));
        if (auto m = at.match(QString::fromStdString(c.error().location)); m.hasMatch())
            m_errorChar = m.captured(1).toInt();
    }
    updateGeometry();
    update();
}

QSizeF CircuitPreview::nodeSize(int index) const
{
    const Node& n = m_circuit->nodes()[std::size_t(index)];
    if (n.kind == Node::Kind::Element) return {kCellW, kCellH};
    double w = 0.0, h = 0.0;
    for (int c : n.children) {
        const QSizeF s = nodeSize(c);
        if (n.kind == Node::Kind::Series) {
            w += s.width();
            h = std::max(h, s.height());
        } else {
            w = std::max(w, s.width());
            h += s.height() + (h > 0.0 ? kGap : 0.0);
        }
    }
    if (n.kind == Node::Kind::Parallel) w += 2.0 * kRail;
    return {w, h};
}

QSize CircuitPreview::sizeHint() const
{
    if (!m_circuit) return {300, 4 * fontMetrics().height() + 16};
    const QSizeF s = nodeSize(m_circuit->root());
    return {int(s.width() + 2 * kMargin + 1), int(s.height() + 2 * kMargin + 1)};
}

QSize CircuitPreview::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

void CircuitPreview::drawElement(QPainter& p, const Node& n, const QRectF& cell) const
{
    const double mid = cell.top() + kSymbolH / 2.0 + 4.0;
    const QRectF sym(cell.center().x() - kSymbolW / 2.0, mid - kSymbolH / 2.0, kSymbolW, kSymbolH);
    p.drawLine(QPointF(cell.left(), mid), QPointF(sym.left(), mid));
    p.drawLine(QPointF(sym.right(), mid), QPointF(cell.right(), mid));
    using T = echem::ElementType;
    const double cx = sym.center().x();
    switch (n.type) {
    case T::C:
        p.drawLine(QPointF(sym.left(), mid), QPointF(cx - 3, mid));
        p.drawLine(QPointF(cx + 3, mid), QPointF(sym.right(), mid));
        p.drawLine(QPointF(cx - 3, sym.top()), QPointF(cx - 3, sym.bottom()));
        p.drawLine(QPointF(cx + 3, sym.top()), QPointF(cx + 3, sym.bottom()));
        break;
    case T::Cpe: // the constant-phase element's angled plates
        p.drawLine(QPointF(sym.left(), mid), QPointF(cx - 4, mid));
        p.drawLine(QPointF(cx + 4, mid), QPointF(sym.right(), mid));
        p.drawPolyline(
            QPolygonF({QPointF(cx - 1, sym.top()), QPointF(cx - 5, mid), QPointF(cx - 1, sym.bottom())}));
        p.drawPolyline(
            QPolygonF({QPointF(cx + 5, sym.top()), QPointF(cx + 1, mid), QPointF(cx + 5, sym.bottom())}));
        break;
    case T::L: {
        QPainterPath coil(QPointF(sym.left(), mid));
        const double loop = kSymbolW / 4.0;
        for (int k = 0; k < 4; ++k)
            coil.arcTo(QRectF(sym.left() + k * loop, mid - loop / 2.0, loop, loop), 180.0, -180.0);
        p.drawPath(coil);
        break;
    }
    case T::R:
        p.drawRect(sym);
        break;
    default: { // W, Wo, Ws, Zarc: a box with the type inside
        p.drawRect(sym);
        QFont f = p.font();
        f.setPointSizeF(f.pointSizeF() * 0.75);
        p.save();
        p.setFont(f);
        const char* type = n.type == T::W ? "W" : n.type == T::Wo ? "Wo" : n.type == T::Ws ? "Ws" : "Zarc";
        p.drawText(sym, Qt::AlignCenter, QString::fromLatin1(type));
        p.restore();
    }
    }
    p.drawText(QRectF(cell.left(), sym.bottom() + 1, cell.width(), cell.bottom() - sym.bottom()),
               Qt::AlignHCenter | Qt::AlignTop, QString::fromStdString(n.name));
}

void CircuitPreview::drawNode(QPainter& p, int index, QPointF tl) const
{
    const Node& n = m_circuit->nodes()[std::size_t(index)];
    const QSizeF size = nodeSize(index);
    // Every node is entered and left on its wire line: an element's symbol line, a series' common
    // line, a parallel group's first branch line.
    auto wireY = [this](int i, double top) {
        std::function<double(int, double)> f = [&](int j, double t) -> double {
            const Node& m = m_circuit->nodes()[std::size_t(j)];
            if (m.kind == Node::Kind::Element) return t + kSymbolH / 2.0 + 4.0;
            if (m.kind == Node::Kind::Parallel) return f(m.children.front(), t);
            double y = 0.0;
            for (int c : m.children)
                y = std::max(y, f(c, t) - t);
            return t + y;
        };
        return f(i, top);
    };
    if (n.kind == Node::Kind::Element) {
        drawElement(p, n, QRectF(tl, size));
        return;
    }
    if (n.kind == Node::Kind::Series) {
        const double line = wireY(index, tl.y());
        double x = tl.x();
        for (int c : n.children) {
            const double top = tl.y() + (line - tl.y()) - (wireY(c, 0.0));
            drawNode(p, c, QPointF(x, top));
            x += nodeSize(c).width();
        }
        return;
    }
    // Parallel: branches stacked, joined by a rail on each side.
    const double left = tl.x() + kRail / 2.0, right = tl.x() + size.width() - kRail / 2.0;
    double y = tl.y(), firstLine = 0.0, lastLine = 0.0;
    bool first = true;
    for (int c : n.children) {
        const QSizeF cs = nodeSize(c);
        const double line = wireY(c, y);
        drawNode(p, c, QPointF(tl.x() + kRail, y));
        p.drawLine(QPointF(left, line), QPointF(tl.x() + kRail, line));
        p.drawLine(QPointF(tl.x() + kRail + cs.width(), line), QPointF(right, line));
        if (first) firstLine = line;
        lastLine = line;
        first = false;
        y += cs.height() + kGap;
    }
    p.drawLine(QPointF(left, firstLine), QPointF(left, lastLine));
    p.drawLine(QPointF(right, firstLine), QPointF(right, lastLine));
    p.drawLine(QPointF(tl.x(), firstLine), QPointF(left, firstLine));
    p.drawLine(QPointF(right, firstLine), QPointF(tl.x() + size.width(), firstLine));
}

void CircuitPreview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::WindowText), 1.2));
    if (!m_circuit) {
        if (m_text.trimmed().isEmpty()) return;
        // The string in a fixed-width font with a caret under the character the parser names.
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::TypeWriter);
        p.setFont(mono);
        const QFontMetricsF fm(mono);
        const double lineH = fm.height();
        p.drawText(QPointF(kMargin, kMargin + fm.ascent()), m_text);
        if (m_errorChar > 0) {
            const double x = kMargin + fm.horizontalAdvance(m_text.left(m_errorChar - 1));
            p.setPen(QPen(QColor(0xc0, 0x20, 0x20), 1.5));
            p.drawText(QPointF(x, kMargin + lineH + fm.ascent() - 2), QStringLiteral("^"));
        }
        p.setPen(QColor(0xc0, 0x20, 0x20));
        p.setFont(font());
        p.drawText(QRectF(kMargin, kMargin + 2.0 * lineH, width() - 2 * kMargin, height()),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_error);
        return;
    }
    const QSizeF s = nodeSize(m_circuit->root());
    const double scale = std::min(1.0, (width() - 2 * kMargin) / s.width());
    p.translate(kMargin, kMargin);
    p.scale(scale, scale);
    drawNode(p, m_circuit->root(), QPointF(0, 0));
}

} // namespace vanadis
