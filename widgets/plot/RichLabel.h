#pragma once
/// \file RichLabel.h
/// Axis, legend and annotation text with sub/superscript markup, drawn with QPainter in ONE font family.
/// QCustomPlot 2.1 has no rich text, and Liberation Sans (what "Arial" resolves to on Debian) lacks the
/// Unicode superscript minus U+207B, so `g⁻¹` would mix two fonts. Drawing raised/lowered runs of the same
/// font keeps the text selectable in PDF and identical on screen, PDF, SVG and raster exports.

#include <QFont>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <vector>

class QPainter;
class QPaintDevice;

namespace vanadis {

/// A label written in a small markup: `^{…}` raises, `_{…}` lowers (a single character may follow `^`/`_`
/// without braces). Examples: `Capacity (mAh g^{-1})`, `Surface area (m^{2} g^{-1})`, `V_{2}O_{3}`.
/// Script text is ~70 % of the base size but never below a minimum (journals ask for ≥ 6 pt), and a `-`
/// inside a script becomes the true minus sign U+2212. All sizes are in device units of the paint device
/// (1 unit = 1 pt in exports, 1 px on screen).
class RichLabel {
public:
    RichLabel() = default;
    /// Parses `markup`; unbalanced braces are taken literally, never an error.
    explicit RichLabel(const QString& markup);

    /// The markup as given.
    const QString& markup() const { return m_markup; }
    /// True when there is nothing to draw.
    bool isEmpty() const { return m_runs.empty(); }
    /// The text without markup, scripts inline and minus signs substituted (accessibility, tooltips).
    QString plainText() const;

    /// Script font size in pt for a base size in pt: max(0.7·base, minScriptSizePt), never above base.
    static double scriptSizePt(double baseSizePt, double minScriptSizePt);

    /// Width and height in device units. `device` selects the resolution the font is measured at;
    /// when null the font's own resolution is used (see PlotTheme::font).
    QSizeF size(const QFont& font, double minScriptSizePt, const QPaintDevice* device = nullptr) const;
    /// Distance from the top of the box to the base-text baseline, in device units.
    double ascent(const QFont& font, double minScriptSizePt, const QPaintDevice* device = nullptr) const;

    /// Draws with the left end of the base line at `baselineLeft` (device units), in the painter's pen.
    void draw(QPainter* painter, const QPointF& baselineLeft, const QFont& font,
              double minScriptSizePt) const;
    /// Draws the label's box centred on `center`, rotated by `rotationDeg` (−90: reads bottom to top).
    void drawCentered(QPainter* painter, const QPointF& center, double rotationDeg, const QFont& font,
                      double minScriptSizePt) const;

private:
    struct Run {
        QString text;
        int shift = 0; ///< +1 superscript, −1 subscript, 0 base line
    };
    struct Metrics {
        double width = 0.0;
        double ascent = 0.0;
        double descent = 0.0;
        std::vector<double> advances;
        double raise = 0.0; ///< superscript baseline shift (up)
        double lower = 0.0; ///< subscript baseline shift (down)
    };
    Metrics measure(const QFont& font, const QFont& scriptFont, const QPaintDevice* device) const;
    static QFont scriptFont(const QFont& font, double minScriptSizePt);

    QString m_markup;
    std::vector<Run> m_runs;
};

} // namespace vanadis
