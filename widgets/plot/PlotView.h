#pragma once
/// \file PlotView.h
/// The interactive plot widget: shows a FigureSpec with the publication theme at its physical size
/// (fonts in pt on screen), zoom and pan, a data-cursor read-out and "Copy" as PNG + PDF + SVG.

#include "model/FigureSpec.h"
#include "widgets/plot/PlotTheme.h"

#include <QString>
#include <QWidget>
#include <memory>

class QCustomPlot;
class QMimeData;

namespace vanadis {

/// Shows one figure. Mouse wheel zooms and dragging pans both axes (only x or y when the pointer is over
/// that axis' numbers); a double click restores the figure's ranges; Ctrl+C copies. Keyboard: arrows
/// pan, + and − zoom, Home restores the ranges.
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

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rerender();
    void updateCursor(const QPointF& pos);
    void hideCursor();
    void keepAspect();

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace vanadis
