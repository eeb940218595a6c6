#pragma once
/// \file FigureRenderer.h
/// FigureSpec → QCustomPlot: plottables, sticks, fills, axes (reversed, log, right axis, hidden
/// numbers), ranges, legend (placed where it hides no data), rich axis titles, labels that do not
/// overlap, shaded spans, an inset plot, a residual panel sharing x, a side panel sharing y and a heat map
/// with colour scale. Used by PlotView on screen and by PlotExporter offscreen, so what is exported is what
/// is shown.

#include "model/FigureSpec.h"
#include "widgets/plot/RenderOptions.h"

#include <vector>

class QCPAxisRect;
class QCPColorScale;
class QCustomPlot;

namespace vanadis {

class PlotTheme;

/// Builds a QCustomPlot from a FigureSpec. Stateless: everything it creates is owned by the plot and
/// replaced by the next render.
class FigureRenderer {
public:
    /// How to render (see RenderOptions).
    using Options = RenderOptions;

    /// Renders `spec` with default options (scale 1, adaptive sampling, no clipping).
    static void render(const FigureSpec& spec, QCustomPlot* plot, const PlotTheme& theme);
    /// Renders `spec` onto `plot`: applies `theme`, builds the plottables and lays the plot out for its
    /// current viewport (set the viewport first when the plot is never shown).
    static void render(const FigureSpec& spec, QCustomPlot* plot, const PlotTheme& theme,
                       const Options& options);

    /// Makes one data unit the same length on x and y (Nyquist plots) for the current layout.
    /// `fitData` true extends the tighter axis upward from its lower end so all data stays visible; false
    /// keeps the x range and sets the y span from it (stable while a window is resized).
    static void applyEqualAspect(QCustomPlot* plot, bool fitData);

    /// Reserves room at the top/right/left edges so the outermost tick numbers are not dropped
    /// (QCustomPlot silently skips tick labels that would cross the widget border). `scale` as in Options.
    static void fitEdgeMargins(QCustomPlot* plot, double scale);

    /// The inset's axis rect (inside the main axis rect) created by the last render, or null.
    static QCPAxisRect* insetAxisRect(QCustomPlot* plot);

    /// The residual panel's axis rect (under the main one, x tied to it) of the last render, or null.
    static QCPAxisRect* residualAxisRect(QCustomPlot* plot);
    /// The side panel's axis rect (right of the main one, y tied to it) of the last render, or null.
    static QCPAxisRect* sideAxisRect(QCustomPlot* plot);
    /// The colour-scale bar of a heat map of the last render, or null.
    static QCPColorScale* colorScale(QCustomPlot* plot);

    /// Moves the drawn span `id` of the main axes to [xMin, xMax] without re-rendering (live dragging
    /// in PlotView; the caller replots). False when no span with that id is drawn.
    static bool moveSpan(QCustomPlot* plot, int id, double xMin, double xMax);

    /// +1 when `x` never decreases, −1 when it never increases (and is not constant), 0 otherwise.
    /// NaNs are ignored. Monotonic data becomes a QCPGraph, other data (cyclic voltammograms, Nyquist
    /// arcs) a QCPCurve.
    static int sortOrder(const std::vector<double>& x);
};

} // namespace vanadis
