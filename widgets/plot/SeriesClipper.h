#pragma once
/// \file SeriesClipper.h
/// Data preparation for exact-size exports, independent of QCustomPlot: cutting series at the axis
/// ranges (SVG has no clip paths, so anything outside would be drawn past the frame) and M4 decimation
/// of dense traces to the output resolution.

#include "model/FigureSpec.h"

#include <QVector>
#include <functional>

namespace vanadis {

/// Clipping and decimation of plotted points. All coordinates are data units.
class SeriesClipper {
public:
    /// The visible rectangle in data units; log axes are clipped in log10 space (straight on screen).
    struct Box {
        double xMin = 0.0;
        double xMax = 1.0;
        double yMin = 0.0;
        double yMax = 1.0;
        bool xLog = false;
        bool yLog = false;
    };
    /// Points to plot; a NaN y separates pieces (QCustomPlot draws a gap).
    struct Points {
        QVector<double> x;
        QVector<double> y;
    };

    /// The series line (y + yOffset) cut at the box: each segment is clipped (Liang & Barsky 1984), points
    /// where the line leaves the box are moved onto the border so lines reach the frame, and separate
    /// pieces are joined by a NaN. Order is kept, so monotonic x stays monotonic.
    static Points clipLine(const FigureSeries& series, const Box& box);
    /// The series points (y + yOffset) inside the box, unchanged (markers; nothing interpolated).
    static Points pointsInside(const FigureSeries& series, const Box& box);
    /// M4 aggregation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
    /// PVLDB 7(10), 2014): per output column keep the first, last, lowest and highest point, in order.
    /// A line through them rasterises like the line through all points. `columnOf` maps x to a
    /// (fractional) column; `columns` is the column count, used to skip data that is already sparse.
    /// x must be monotonic in data order; NaN gaps are kept.
    static Points decimateM4(const Points& points, const std::function<double(double)>& columnOf,
                             double columns);
};

} // namespace vanadis
