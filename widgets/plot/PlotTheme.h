#pragma once
/// \file PlotTheme.h
/// The figure style (fonts in pt, inward mirrored ticks, colour-blind-safe palette, line widths, journal
/// column widths), loaded from JSON and applied to a QCustomPlot in one call. Separate from the UI theme:
/// figures are always drawn on white.

#include <QColor>
#include <QFont>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QCustomPlot;

namespace vanadis {

/// A journal's figure widths in mm (publisher author guides; see shared/domain/export.md §1).
struct JournalPreset {
    QString name;
    double singleColumnMm = 0.0;
    double doubleColumnMm = 0.0;
};

/// Publication figure style. All lengths are in pt (1/72 in); `applyTo` converts them to device units
/// with a scale (device units per pt). Defaults match resources/themes/default.json.
class PlotTheme {
public:
    QString name = QStringLiteral("Vanadis default");
    QString fontFamily = QStringLiteral("Arial"); ///< resolves to Liberation Sans on Debian
    double labelSizePt = 7.0;                     ///< axis titles
    double tickLabelSizePt = 6.0;                 ///< axis numbers
    double legendSizePt = 6.0;
    double annotationSizePt = 6.0; ///< text annotations, hkl labels
    double minScriptSizePt = 6.0;  ///< smallest sub/superscript (Elsevier: ≥ 6 pt)
    double lineWidthPt = 1.0;      ///< data lines when a series gives no width
    double axisPenPt = 0.75;       ///< axis frame and tick marks
    double majorTickLengthPt = 3.0;
    double minorTickLengthPt = 1.5;
    bool ticksInward = true;
    bool minorTicks = true;
    bool mirrorTicks = true; ///< repeat ticks (no labels) on the top and right axes
    double markerSizePt = 4.0;
    bool markerFilled = false;          ///< false: open markers filled with the background colour
    double referenceTickLengthPt = 5.0; ///< vertical tick annotations (reference reflections)
    double tickLabelPaddingPt = 2.0;    ///< axis line to tick numbers
    double labelPaddingPt = 2.5;        ///< tick numbers to axis title
    double edgePaddingPt = 1.5;         ///< axis title to figure edge
    double legendIconWidthPt = 14.0;
    double legendIconHeightPt = 6.0;
    double legendIconTextPaddingPt = 3.0;
    double legendMarginPt = 6.0; ///< legend to axis frame; keep above the inward tick length
    double legendRowSpacingPt = 0.5;
    bool legendFrame = false;
    double screenLabelSizePt = 10.0; ///< on screen (PlotView) axis titles are at least this large
    double screenTextSizePt = 9.0;   ///< on screen numbers, legend and annotations are at least this large
    QColor background = Qt::white;
    QColor foreground = Qt::black; ///< axes and text
    QList<QColor> palette;         ///< Okabe & Ito (2008) colour-blind-safe order
    QStringList markers;           ///< cycle for samples: circle, square, triangle, …
    QStringList dashes;            ///< cycle for samples: solid, dash, dot, dashdot

    /// The defaults above with the Okabe–Ito palette and marker/dash cycles filled in.
    PlotTheme();

    /// Reads a theme; missing keys keep their defaults, so partial themes are fine.
    static PlotTheme fromJson(const QJsonObject& o);
    /// Writes every key (the format of resources/themes/*.json).
    QJsonObject toJson() const;
    /// The theme compiled into the program (`:/themes/default.json`), or the defaults if it is missing.
    static PlotTheme builtIn();

    /// This style for reading on a monitor: the journal sizes (7/6 pt) are too small at arm's length, so
    /// axis titles become at least screenLabelSizePt (10 pt), numbers, legend and annotations at least
    /// screenTextSizePt (9 pt), scripts at least 0.75 of that, markers 1.25× larger. PlotView draws with
    /// it; exports and Copy use the theme itself.
    PlotTheme forScreen() const;

    /// Colour for sample `i`, cycling through the palette.
    QColor paletteColor(int i) const;
    /// Marker name for sample `i`, cycling through `markers`.
    QString marker(int i) const;
    /// Dash name for sample `i`, cycling through `dashes`.
    QString dash(int i) const;

    /// The theme font at `sizePt`, measured at 72·`scale` dpi so that QFontMetrics agrees with the device
    /// the plot is painted on (QCustomPlot computes margins with QFontMetrics(font), which otherwise
    /// assumes the screen's dpi and reserves 33 % too much space in a 72-dpi export).
    QFont font(double sizePt, double scale) const;

    /// Styles every axis rect, axis and the legend of `plot`. `scale` is device units per pt: 1 for
    /// exports painted in a 1 unit = 1 pt space, logicalDpi/72 on screen.
    void applyTo(QCustomPlot* plot, double scale) const;

    /// Journal column widths: Wiley 85/175, Nature 89/183, Elsevier 90/190, ACS 82.5/177.8 mm, …
    static const QList<JournalPreset>& journalPresets();
};

} // namespace vanadis
