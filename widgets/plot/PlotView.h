#pragma once
/// \file PlotView.h
/// The interactive plot widget: shows a FigureSpec with the publication theme at its physical size
/// (fonts in pt on screen), zoom and pan, a data-cursor read-out, draggable spans (BET range) and "Copy"
/// as PNG + PDF + SVG.

#include "model/FigureSpec.h"
#include "widgets/plot/PlotTheme.h"

#include <QString>
#include <QWidget>
#include <memory>

class QCustomPlot;
class QMimeData;

namespace vanadis {

/// Vertical markers drawn over the main axes at positions a caller keeps (parameter values, e.g. XRD
/// peaks the user added): not part of the figure, so not exported. Identified by `id` in the signals.
struct PlotMarkerSet {
    int id = 0;
    std::vector<double> x;
    QColor color = QColor(213, 94, 0);
    bool draggable = false; ///< the markers can be dragged along x
    /// Per marker (may be shorter than x): a linked marker follows another one (a tied position); it is
    /// drawn dotted with a diamond handle and does not drag, even in a draggable set.
    std::vector<bool> linked = {};
    std::vector<QString> tips = {}; ///< per marker: hover text (may be shorter than x)
    bool isLinked(std::size_t i) const { return i < linked.size() && linked[i]; }
    bool canDrag(std::size_t i) const { return draggable && !isLinked(i); }
};

/// Shows one figure. Mouse wheel zooms and dragging pans both axes (only x or y when the pointer is over
/// that axis' numbers); a double click restores the figure's ranges; Ctrl+C copies. Keyboard: arrows
/// pan, + and − zoom, Home restores the ranges.
///
/// Editable spans (FigureSpan::editable) are edited with the mouse: within ~4 px of an edge the cursor
/// becomes a horizontal resize arrow and dragging moves that edge (dragging it across the other edge
/// swaps them); dragging inside the span moves it whole. While an edge or span is held the plot neither
/// pans nor zooms. The inset is static: wheel and drag over it do nothing.
///
/// Point editing (setMarkers, setPointGestures): markers are thin vertical lines with a handle at the
/// top: solid with a disc for markers that drag, dotted with a diamond for linked ones (they follow
/// another marker), dashed with a bar for sets that do not drag; hovering one shows its tip. Within ~5 px
/// of one, dragging moves it (draggable, not linked) and a right click or a Shift+click asks
/// for its removal; elsewhere in the main axes a double click, a Shift+click and/or a Ctrl+click ask for
/// a point at
/// the clicked x (a double click then no longer resets the view: Home and the menu still do). The view
/// only reports these gestures; the caller turns them into parameter edits and calls setMarkers.
class PlotView : public QWidget {
    Q_OBJECT
public:
    /// An empty plot with the built-in theme; call setFigure().
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    /// Replaces the figure and resets zoom and pan.
    void setFigure(const FigureSpec& spec);
    /// The figure as given to setFigure.
    const FigureSpec& figure() const;
    /// The figure with the axis ranges currently shown (what Copy exports).
    FigureSpec visibleFigure() const;

    /// Changes the style and re-renders.
    void setTheme(const PlotTheme& theme);
    /// The style in use (PlotTheme::builtIn() unless set).
    const PlotTheme& theme() const;

    /// Device pixels per pt used on screen (logical dpi / 72).
    double scale() const;
    /// Current plot width in mm at the screen's logical dpi (the size Copy renders at).
    double widthMm() const;
    /// Current plot height in mm at the screen's logical dpi.
    double heightMm() const;

    /// Text of the data-cursor read-out ("label: x = …, y = …"); empty when hidden.
    QString cursorText() const;
    /// A new QMimeData with image/png (300 dpi), application/pdf and image/svg+xml of visibleFigure()
    /// at the current size. The caller owns it.
    QMimeData* createMimeData() const;

    /// Moves span `id` to [xMin, xMax] (ends are ordered) keeping the zoom, without emitting spanEdited:
    /// for undo/redo and for values typed elsewhere. Does nothing when the figure has no such span.
    void setSpan(int id, double xMin, double xMax);

    /// Replaces the figure keeping the zoom and pan (a live preview while something is dragged).
    void updateFigure(const FigureSpec& spec);

    /// Replaces the markers (keeps the zoom; a marker being dragged keeps its dragged position).
    void setMarkers(const std::vector<PlotMarkerSet>& sets);
    const std::vector<PlotMarkerSet>& markers() const;
    /// How a point was asked for (pointRequested).
    enum class PointGesture { DoubleClick, ShiftClick, CtrlClick };
    /// Which gestures on the plot (away from markers) emit pointRequested.
    void setPointGestures(bool doubleClickAdds, bool shiftClickAdds, bool ctrlClickAdds = false);
    /// The pixel position (in plot() coordinates) of x, y in data units of the main axes, for tests.
    QPointF pixelOf(double x, double y) const;

    /// The wrapped plot, for tests and benchmarks (include <qcustomplot.h> in the .cpp to use it).
    QCustomPlot* plot() const;

public Q_SLOTS:
    /// Restores the ranges the figure was rendered with.
    void resetView();
    /// Puts createMimeData() on the clipboard.
    void copyToClipboard();
    /// Queues a replot for the next event loop pass (cheap to call often).
    void replot();
    /// Zooms all axes about the centre; `factor` < 1 zooms in (0.8 = 20 % closer).
    void zoomBy(double factor);
    /// Pans by fractions of the visible ranges (0.1 = a tenth of the axis to the right/up).
    void panBy(double xFraction, double yFraction);

Q_SIGNALS:
    /// The read-out changed; empty when the pointer left the data area.
    void cursorTextChanged(const QString& text);
    /// The user dragged editable span `id` to [xMin, xMax] (xMin ≤ xMax, data units). Emitted for every
    /// change during a drag with `finished` false, then once with `finished` true on release (not at all
    /// for a click that moved nothing), so the caller can merge one undo command per drag. The view has
    /// already moved the span (figure() includes it); do not call setFigure in response, which resets
    /// the zoom — use setSpan for changes that come from elsewhere.
    void spanEdited(int id, double xMin, double xMax, bool finished);
    /// A double click, Shift+click or Ctrl+click (\a gesture) at \a x in data units, away from any
    /// marker, with that gesture enabled by setPointGestures.
    void pointRequested(double x, vanadis::PlotView::PointGesture gesture);
    /// A right click or a Shift+click on marker \a index of set \a setId.
    void markerRemoveRequested(int setId, int index);
    /// Marker \a index of set \a setId dragged to \a x: during the drag with \a finished false, then once
    /// with true on release (not for a click that moved nothing). The view has already moved it.
    void markerMoved(int setId, int index, double x, bool finished);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rerender();
    void rerenderKeepingView();
    bool spanMouseEvent(QEvent* event);
    bool markerMouseEvent(QEvent* event);
    void drawMarkers();
    void updateSpanCursor(const QPointF& pos);
    void updateCursor(const QPointF& pos);
    void hideCursor();
    void keepAspect();

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace vanadis
