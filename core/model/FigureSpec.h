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
/// A label's markup as plain Unicode text for places that cannot draw it (CSV headers, tooltips):
/// `cm^{3} g^{-1}` → "cm³ g⁻¹", `p/p_{0}` → "p/p₀"; scripts without a Unicode form keep their text
/// without braces (`x^{a}` → "xa" is avoided: they become "x^a", "x_a").
QString labelPlainText(const QString& markup);

struct FigureAxis {
    QString label;
    bool reversed = false; ///< e.g. XPS binding energy runs right to left
    bool logScale = false;
    std::optional<double> min; ///< fixed range; unset = autoscale to data
    std::optional<double> max;
    /// No tick numbers and no tick marks on this axis (and its mirror): for offset stacks, where the
    /// numbers would read as absolute intensities. Label it e.g. "Intensity (a.u., offset)".
    bool hideTickLabels = false;
};

/// A top axis that labels positions of the bottom axis in another quantity (XRD: d-spacing over 2θ),
/// for mappings that are not linear: ticks at the given x positions with the given texts. The figure
/// builder, which knows the mapping, chooses them; they stay right when the x axis is zoomed.
struct FigureTopAxis {
    QString label;                   ///< markup, e.g. "d (Å)"
    std::vector<double> tickX;       ///< bottom-axis positions of the ticks
    std::vector<QString> tickLabels; ///< same length as tickX
};

/// One plotted curve or point set. Sample identity is carried by colour AND marker AND dash, never
/// colour alone (colour-blind safety, journal requirement).
struct FigureSeries {
    QString label;         ///< legend text, usually the sample name
    std::vector<double> x; ///< same length as y
    std::vector<double> y;
    QColor color = Qt::black;
    QString marker = "none"; ///< none|circle|square|triangle|diamond|cross|plus|star
    QString dash = "solid";  ///< solid|dash|dot|dashdot
    double lineWidthPt = 1.0;
    bool line = true;         ///< draw a connecting line
    bool onRightAxis = false; ///< plot against y2 (coulombic efficiency, DTG)
    double yOffset = 0.0;     ///< added to y when drawn (stacked XRD patterns)
    /// Markers filled with the series colour instead of the background: chemists draw adsorption
    /// filled and desorption open. The theme's markerFilled fills every series regardless.
    bool filled = false;
    /// false keeps the series out of the legend (e.g. a coulombic-efficiency companion drawn in the
    /// colour of its capacity series, which already has the entry).
    bool inLegend = true;

    /// How the points are drawn: a curve/point set, or sticks (impulses: a vertical line from
    /// `baseline` to y at each x, e.g. reference reflections of a phase).
    enum class Kind { Curve, Sticks };
    Kind kind = Kind::Curve;
    /// Data value the sticks start from and Fill::ToBaseline fills down to (yOffset is added to it too).
    double baseline = 0.0;
    /// Optional text per point (same index as x), drawn above the stick or point in the annotation font,
    /// e.g. "(104)". Labels are moved apart so they never overlap; empty strings draw nothing.
    std::vector<QString> pointLabels;

    /// Translucent area under the series: none, down to `baseline`, to the series `fillToSeries`
    /// (index into the same figure's series, e.g. an XPS component to its background, or between a
    /// total and a capacitive CV), or the area enclosed by the series itself (a closed loop).
    enum class Fill { None, ToBaseline, ToSeries, Enclosed };
    Fill fill = Fill::None;
    int fillToSeries = -1;
    QColor fillColor; ///< invalid = the series colour at 25 % opacity; alpha is kept in JSON

    /// Drawn just above the right end of the trace in the series colour (offset stacks: the sample or
    /// scan name at each pattern instead of a legend). Markup allowed.
    QString endLabel;
};

/// A colour map over a regular x, y grid (in-situ XRD: 2θ × scan number or temperature), drawn behind
/// the series with a colour-scale bar to the right of the axis rect.
struct FigureHeatMap {
    std::vector<double> x; ///< cell centres along x, increasing; nx values
    std::vector<double> y; ///< cell centres along y, increasing; ny values (may be uneven: resampled)
    std::vector<double> z; ///< nx·ny values, row by row: z[iy · nx + ix]; NaN = no data (transparent)
    QString colorMap = QStringLiteral("viridis"); ///< viridis|cividis (perceptually uniform, CVD-safe)
    QString zLabel;                               ///< colour-scale title (markup), e.g. "Intensity (counts)"
    std::optional<double> zMin;                   ///< colour range; unset = data range
    std::optional<double> zMax;

    /// True when z has nx·ny values and both axes have at least one cell.
    bool isValid() const { return !x.empty() && !y.empty() && z.size() == x.size() * y.size(); }
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
    /// Stable machine id within its analysis ("bet_plot", "tga_mass_dtg"): `export-figure --figure ID`,
    /// file names, the project store. Not translated, never shown.
    QString id;
    QString title; ///< not drawn in exports by default; used for window titles and file names
    FigureAxis x;
    FigureAxis y;
    std::optional<FigureAxis> y2;    ///< right axis when set
    std::optional<FigureTopAxis> x2; ///< labelled top axis when set (else the mirror of x)
    std::vector<FigureSeries> series;
    std::vector<FigureAnnotation> annotations;
    bool equalAspect = false; ///< Nyquist plots
    bool legend = true;
    /// topLeft|topRight|bottomLeft|bottomRight|top|bottom|left|right, or "auto" (also "best"): the place
    /// inside the frame where the legend covers the fewest data points, the inset and the residual
    /// panel never. New figures default to "auto"; a file without the key keeps the old topRight.
    QString legendPosition = "auto";
    std::vector<FigureSpan> spans; ///< shaded x ranges behind the data (main axes)
    /// A small plot inside the main axis rect (e.g. the BJH pore-size distribution inside its isotherm),
    /// with its own axes, series, spans and annotations. Its legend, title, equalAspect and own inset are
    /// ignored; its axis titles use the tick-label size. Null = no inset.
    std::shared_ptr<const FigureSpec> inset;
    /// Where the inset goes, as fractions of the main axis rect (inside the frame): x and y of the
    /// top-left corner from the top-left, width, height. The inset's tick numbers and axis titles are
    /// inside this rectangle, which is painted with the theme background first.
    QRectF insetRect = QRectF(0.5, 0.45, 0.45, 0.45);
    /// true: only insetRect's width and height are used, and the inset goes to the corner or edge of the
    /// main axis rect where it hides the fewest data points (the legend then avoids the inset).
    bool insetAuto = false;

    /// A residual panel under the main axis rect (data − fit), sharing its x axis: same range and zoom,
    /// its own small y axis with a zero line; the x title and numbers move under it. Its `series`,
    /// `y` (label, range, hideTickLabels), spans and annotations are used; its x, legend, inset and
    /// own residual are ignored. Shared like `inset` (immutable once attached). Null = none.
    std::shared_ptr<const FigureSpec> residual;
    /// Height of the residual panel as a fraction of the two panels together (0.1–0.5).
    double residualHeightFraction = 0.25;

    /// A panel to the right of the main axis rect (and its colour scale's left), sharing its y axis: same
    /// range and zoom, the y numbers and title only on the main axis; its own x axis and title below it
    /// (in-situ XRD: the voltage–time curve beside the 2θ–time heat map). Its `series`, `x` (label, range,
    /// reversed, log), spans and annotations are used; its y, y2, legend, inset, residual, heat map and
    /// own side panel are ignored. Shared like `inset` (immutable once attached). Null = none.
    std::shared_ptr<const FigureSpec> side;
    /// Width of the side panel as a fraction of the two panels together (0.15–0.5).
    double sideWidthFraction = 0.3;

    /// A colour map on the main axes (drawn below the series); unset = none.
    std::optional<FigureHeatMap> heatMap;

    QJsonObject toJson() const;
    static FigureSpec fromJson(const QJsonObject& o);
    /// The plotted data as CSV (one x,y column pair per series, header with labels and units; a series
    /// with point labels gets a third column); the inset's and the residual panel's series follow the
    /// main ones, their headers prefixed with "inset: " / "residual: " / "side: ". A heat map follows after
    /// an empty line as a matrix: a header row of x values, then one row per y (y first, then z).
    QByteArray toCsv() const;
    /// Total number of points over all series, the inset's and residual panel's included, plus heat map
    /// cells.
    qsizetype pointCount() const;
};

} // namespace vanadis
