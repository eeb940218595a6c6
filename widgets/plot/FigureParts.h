#pragma once
/// \file FigureParts.h
/// Internal to widgets/plot: the pieces FigureRenderer puts into one axis rect (series plottables,
/// legend entries, annotations, shaded spans). Split from FigureRenderer.cpp so that each file stays
/// readable; the QCustomPlot types are only forward-declared here (qcustomplot.h stays out of headers).

#include "model/FigureSpec.h"
#include "widgets/plot/RenderOptions.h"

#include <QColor>
#include <QRectF>
#include <QString>
#include <vector>

class QCPAbstractLegendItem;
class QCPAxis;
class QCPAxisRect;
class QCPLegend;
class QCPScatterStyle;
class QCustomPlot;
class QPen;

namespace vanadis {

class PlotTheme;

namespace plotparts {

/// objectName of every helper layerable the renderer creates; render() deletes them before drawing anew.
QString overlayName();
/// objectName of the QCPItemRect of a span; its dynamic property kSpanIdProperty holds FigureSpan::id.
QString spanItemName();
inline constexpr const char* kSpanIdProperty = "vanadisSpanId";
/// Dynamic properties marking the label and stick layerables (found by tests and PlotView).
inline constexpr const char* kLabelLayerProperty = "vanadisLabels";
inline constexpr const char* kStickLayerProperty = "vanadisSticks";

/// +1 when `x` never decreases, −1 when it never increases (and is not constant), 0 otherwise; NaNs
/// are ignored (FigureRenderer::sortOrder).
int sortOrder(const std::vector<double>& x);

/// Device units for a length in pt, never negative.
int units(double pt, double scale);

/// Line pen of a series (width, dash pattern) at `scale` device units per pt.
QPen seriesPen(const FigureSeries& s, const PlotTheme& theme, double scale);
/// Marker of a series: open (background brush) unless the series or the theme asks for filled ones.
QCPScatterStyle scatterStyle(const FigureSeries& s, const PlotTheme& theme, double scale);
/// seriesPen, drawn solid for dense traces on screen (dashes on a sampled trace are slow and invisible).
QPen screenPen(const FigureSeries& s, const PlotTheme& theme, const RenderOptions& options);

/// Adds the plottables of every series of `spec` against the axes of `rect` (x bottom, y left, y2 right
/// when spec.y2 is set) on `layer`. With options.clipToRanges the data is cut at the current ranges, so
/// call this after the layout.
void addSeries(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme,
               const RenderOptions& options, const QString& layer);

/// A legend entry drawn from the series style (line, dash, marker) with a rich-text label.
QCPAbstractLegendItem* makeLegendItem(QCPLegend* legend, const FigureSeries& s, const PlotTheme& theme,
                                      const RenderOptions& options);

/// The fill colour of a series: FigureSeries::fillColor, or its colour at 25 % opacity.
QColor fillColor(const FigureSeries& s);

/// Translucent areas of the series of `spec` that ask for one, on `layer` (call before addSeries so
/// they lie under the lines). Drawn as polygons cut at the frame (exports need no clip path).
void addFills(const FigureSpec& spec, QCPAxisRect* rect, const QString& layer);

/// All text of `rect` in one collision pass: the annotations (text and reference ticks), point labels
/// and end-of-trace labels of `spec`, drawn on the axes' layer, avoiding the legend and any inset.
void addLabels(const FigureSpec& spec, QCPAxisRect* rect, const PlotTheme& theme, double scale);

/// The label boxes drawn by the last paint of `plot` (device units); for tests.
std::vector<QRectF> labelRects(QCustomPlot* plot);
/// Number of sticks (impulses) rendered on `plot`.
qsizetype stickCount(QCustomPlot* plot);

/// Shaded spans of `rect`'s bottom axis as QCPItemRect on `layer` (x in data units, y over the whole
/// axis rect) plus their labels on the axes' layer. With `clipToRange` they are cut at the x range (SVG
/// has no clip paths); otherwise they keep their true extent so that panning reveals them.
void addSpans(QCPAxisRect* rect, const std::vector<FigureSpan>& spans, const PlotTheme& theme, double scale,
              bool clipToRange, const QString& layer);

/// Moves the drawn span `id` of `rect` (item and label) to [xMin, xMax] without a re-render. False when
/// no such span is drawn.
bool moveSpanItem(QCustomPlot* plot, QCPAxisRect* rect, int id, double xMin, double xMax);

} // namespace plotparts
} // namespace vanadis
