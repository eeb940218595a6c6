#include "widgets/plot/RichLabel.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <algorithm>

namespace vanadis {

namespace {

constexpr QChar kMinusSign(0x2212);

QString scriptText(QString s)
{
    s.replace(QLatin1Char('-'), kMinusSign);
    return s;
}

QFontMetricsF metricsFor(const QFont& font, const QPaintDevice* device)
{
    // QFontMetricsF's paint-device constructor wants a non-const pointer; it only reads the dpi.
    return device ? QFontMetricsF(font, const_cast<QPaintDevice*>(device)) : QFontMetricsF(font);
}

} // namespace

RichLabel::RichLabel(const QString& markup) : m_markup(markup)
{
    QString current;
    auto flush = [&](int shift) {
        if (current.isEmpty()) return;
        if (!m_runs.empty() && m_runs.back().shift == shift) {
            m_runs.back().text += current;
        } else {
            m_runs.push_back({current, shift});
        }
        current.clear();
    };
    for (qsizetype i = 0; i < markup.size(); ++i) {
        const QChar c = markup.at(i);
        if ((c == QLatin1Char('^') || c == QLatin1Char('_')) && i + 1 < markup.size()) {
            const int shift = c == QLatin1Char('^') ? 1 : -1;
            QString script;
            qsizetype next = i + 1;
            if (markup.at(i + 1) == QLatin1Char('{')) {
                // Nested braces are kept as text of the same level: one level of scripts is all that
                // axis labels need, and it keeps the script size readable.
                int depth = 0;
                qsizetype j = i + 1;
                for (; j < markup.size(); ++j) {
                    if (markup.at(j) == QLatin1Char('{')) ++depth;
                    if (markup.at(j) == QLatin1Char('}') && --depth == 0) break;
                }
                if (j >= markup.size()) { // unbalanced: literal text
                    current += c;
                    continue;
                }
                script = markup.mid(i + 2, j - i - 2);
                script.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
                next = j + 1;
            } else {
                script = markup.at(i + 1);
                next = i + 2;
            }
            flush(0);
            current = scriptText(script);
            flush(shift);
            i = next - 1;
            continue;
        }
        current += c;
    }
    flush(0);
}

QString RichLabel::plainText() const
{
    QString out;
    for (const auto& r : m_runs)
        out += r.text;
    return out;
}

double RichLabel::scriptSizePt(double baseSizePt, double minScriptSizePt)
{
    return std::min(baseSizePt, std::max(0.7 * baseSizePt, minScriptSizePt));
}

QFont RichLabel::scriptFont(const QFont& font, double minScriptSizePt)
{
    QFont f = font; // keeps the font's resolution (dpi) for measuring
    if (font.pointSizeF() > 0) {
        f.setPointSizeF(scriptSizePt(font.pointSizeF(), minScriptSizePt));
    } else if (font.pixelSize() > 0) {
        f.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.7)));
    }
    return f;
}

RichLabel::Metrics RichLabel::measure(const QFont& font, const QFont& sFont, const QPaintDevice* device) const
{
    const QFontMetricsF fm = metricsFor(font, device);
    const QFontMetricsF sm = metricsFor(sFont, device);
    Metrics m;
    // Shifts follow common typesetting practice (superscript ≈ 0.35 em up, subscript ≈ 0.15 em down),
    // expressed through the x-height so they scale with the font actually found.
    m.raise = fm.xHeight() * 0.72;
    m.lower = fm.xHeight() * 0.32;
    m.ascent = fm.ascent();
    m.descent = fm.descent();
    for (const auto& r : m_runs) {
        const QFontMetricsF& rm = r.shift == 0 ? fm : sm;
        const double adv = rm.horizontalAdvance(r.text);
        m.advances.push_back(adv);
        m.width += adv;
        if (r.shift > 0) m.ascent = std::max(m.ascent, m.raise + sm.ascent());
        if (r.shift < 0) m.descent = std::max(m.descent, m.lower + sm.descent());
    }
    return m;
}

QSizeF RichLabel::size(const QFont& font, double minScriptSizePt, const QPaintDevice* device) const
{
    if (isEmpty()) return {};
    const Metrics m = measure(font, scriptFont(font, minScriptSizePt), device);
    return {m.width, m.ascent + m.descent};
}

double RichLabel::ascent(const QFont& font, double minScriptSizePt, const QPaintDevice* device) const
{
    if (isEmpty()) return 0.0;
    return measure(font, scriptFont(font, minScriptSizePt), device).ascent;
}

void RichLabel::draw(QPainter* painter, const QPointF& baselineLeft, const QFont& font,
                     double minScriptSizePt) const
{
    if (isEmpty() || !painter) return;
    const QFont sFont = scriptFont(font, minScriptSizePt);
    const Metrics m = measure(font, sFont, painter->device());
    const QFont oldFont = painter->font();
    double x = baselineLeft.x();
    for (size_t i = 0; i < m_runs.size(); ++i) {
        const Run& r = m_runs[i];
        const double dy = r.shift > 0 ? -m.raise : (r.shift < 0 ? m.lower : 0.0);
        painter->setFont(r.shift == 0 ? font : sFont);
        painter->drawText(QPointF(x, baselineLeft.y() + dy), r.text);
        x += m.advances[i];
    }
    painter->setFont(oldFont);
}

void RichLabel::drawCentered(QPainter* painter, const QPointF& center, double rotationDeg, const QFont& font,
                             double minScriptSizePt) const
{
    if (isEmpty() || !painter) return;
    const Metrics m = measure(font, scriptFont(font, minScriptSizePt), painter->device());
    painter->save();
    painter->translate(center);
    if (rotationDeg != 0.0) painter->rotate(rotationDeg);
    const double height = m.ascent + m.descent;
    draw(painter, QPointF(-m.width / 2.0, -height / 2.0 + m.ascent), font, minScriptSizePt);
    painter->restore();
}

} // namespace vanadis
