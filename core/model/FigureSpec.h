#pragma once
/// \file FigureSpec.h
/// What a plot shows, as plain data (series, axes, units, ranges, annotations, style), so a figure can
/// be saved in the project, re-rendered in the GUI and exported headless by vanadis-cli with the same
/// result. widgets/plot turns it into QCustomPlot items; nothing here knows about QCustomPlot.

#include <QColor>
#include <QJsonObject>
#include <QRectF>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace vanadis {

/// One axis. Labels use a small markup for sub/superscripts: `mAh g^{-1}`, `V_{2}O_{3}`, `2θ (°)`.
struct FigureAxis {
    QString label;
    bool reversed = false; ///< e.g. XPS binding energy runs right to left
    bool logScale = false;
    std::optional<double> min; ///< fixed range; unset = autoscale to data
    std::optional<double> max;
};

/// One plotted curve or point set. Sample identity is carried by colour AND marker AND dash, never
/// colour alone (colour-blind safety, journal requirement).
struct FigureSeries {
    QString label;             ///< legend text, usually the sample name
    std::vector<double> x;     ///< same length as y
    std::vector<double> y;
    QColor color = Qt::black;
    QString marker = "none";   ///< none|circle|square|triangle|diamond|cross|plus|star
    QString dash = "solid";    ///< solid|dash|dot|dashdot
    double lineWidthPt = 1.0;
    bool line = true;          ///< draw a connecting line
    bool onRightAxis = false;  ///< plot against y2 (coulombic efficiency, DTG)
    double yOffset = 0.0;      ///< added to y when drawn (stacked XRD patterns)
    /// Markers filled with the series colour instead of the background: chemists draw adsorption
    /// filled and desorption open. The theme's markerFilled fills every series regardless.
    bool filled = false;
    /// false keeps the series out of the legend (e.g. a coulombic-efficiency companion drawn in the
    /// colour of its capacity series, which already has the entry).
    bool inLegend = true;
};

/// A text label or a vertical tick mark (reference reflections) in data coordinates.
struct FigureAnnotation {
    enum class Kind { Text, VerticalTick };
    Kind kind = Kind::Text;
    double x = 0.0;
    double y = 0.0;
    QString text;
    QColor color = Qt::black;
    QString align = "center"; ///< left|center|right: which part of a text sits at (x, y)
};

/// A shaded x range drawn behind the data over the full height of the axis rect (BET fit range, a
/// plateau, an integration window). Exported like everything else.
struct FigureSpan {
    double xMin = 0.0;
    double xMax = 0.0;
    QColor color = QColor(0, 114, 178, 38); ///< fill, normally translucent (alpha is kept in JSON)
    QString label;         ///< drawn at the top of the span in the annotation font (markup); may be empty
    bool editable = false; ///< PlotView lets the user drag the edges or the whole span (main axes only)
    int id = 0;            ///< identifies the span in PlotView::spanEdited / setSpan; unique per figure
};

/// A complete figure description.
///
/// Value type. The optional inset is held as `std::shared_ptr<const FigureSpec>`: copies of a figure
/// share the same inset, which is immutable once attached. To change an inset, build a new FigureSpec
/// and assign a new pointer (`f.inset = std::make_shared<FigureSpec>(edited)`) — never mutate through a
/// non-const pointer kept from before, because every copy of the figure would see the change.
struct FigureSpec {
    QString title;             ///< not drawn in exports by default; used for window titles and file names
    FigureAxis x;
    FigureAxis y;
    std::optional<FigureAxis> y2; ///< right axis when set
    std::vector<FigureSeries> series;
    std::vector<FigureAnnotation> annotations;
    bool equalAspect = false;  ///< Nyquist plots
    bool legend = true;
    QString legendPosition = "topRight"; ///< topLeft|topRight|bottomLeft|bottomRight
    std::vector<FigureSpan> spans;       ///< shaded x ranges behind the data (main axes)
    /// A small plot inside the main axis rect (e.g. the BJH pore-size distribution inside its isotherm),
    /// with its own axes, series, spans and annotations. Its legend, title, equalAspect and own inset are
    /// ignored; its axis titles use the tick-label size. Null = no inset.
    std::shared_ptr<const FigureSpec> inset;
    /// Where the inset goes, as fractions of the main axis rect (inside the frame): x and y of the
    /// top-left corner from the top-left, width, height. The inset's tick numbers and axis titles are
    /// inside this rectangle, which is painted with the theme background first.
    QRectF insetRect = QRectF(0.5, 0.45, 0.45, 0.45);

    QJsonObject toJson() const;
    static FigureSpec fromJson(const QJsonObject& o);
    /// The plotted data as CSV (one x,y column pair per series, header with labels and units); the
    /// inset's series follow the main ones, their headers prefixed with "inset: ".
    QByteArray toCsv() const;
    /// Total number of points over all series, the inset's included.
    qsizetype pointCount() const;
};

} // namespace vanadis
