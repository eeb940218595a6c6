#pragma once
/// \file Placement.h
/// Where to put things that must not hide data: a coarse occupancy grid of what is drawn in an axis
/// rect (lines, markers, sticks, the inset) to choose a legend or inset position, and a greedy
/// collision pass that moves text labels apart. Pure geometry in device units; no QCustomPlot here.

#include <QPolygonF>
#include <QRectF>
#include <vector>

namespace vanadis::placement {

/// Occupancy of an area by plotted data, counted in square cells (cellSize device units). Lines are
/// rasterised along their segments, so a sparse two-point line still occupies the cells it crosses.
class OccupancyGrid {
public:
    OccupancyGrid(const QRectF& area, double cellSize);

    /// Marks the cells within `radius` of the polyline through `points` (non-finite points break it).
    void addPolyline(const QPolygonF& points, double radius, int weight = 1);
    /// Marks the cells within `radius` of each point.
    void addPoints(const QPolygonF& points, double radius, int weight = 1);
    /// Adds `weight` to every cell that `rect` touches (an inset that a legend must never cover).
    void addRect(const QRectF& rect, int weight);

    /// Sum of the cell weights under `box`.
    qint64 cost(const QRectF& box) const;
    /// Index of the candidate with the lowest cost; the first wins ties. −1 for an empty list.
    int best(const std::vector<QRectF>& candidates) const;

private:
    int cellIndex(double x, double y) const;
    void mark(double x, double y, double radius, int weight);
    QRectF m_area;
    double m_cell;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<int> m_weight;
    std::vector<unsigned> m_stamp; ///< last stroke that marked a cell, so one stroke counts a cell once
    unsigned m_stroke = 0;
};

/// Moves label boxes so that no two overlap and none covers an obstacle, keeping each as close to its
/// wanted place as possible. Boxes are placed in the given order (earlier = higher priority). Each
/// tries its wanted place, then steps of its own height up (`upOnly[i]`, e.g. labels above sticks) or
/// alternately up and down, then the same beside itself; it stays inside `bounds` where it can. When
/// nothing is free the candidate with the least overlap is kept. Returns the placed boxes in input
/// order. `upOnly` may be shorter than `wanted` (missing entries are false). With `data`, a free place
/// that covers plotted data costs as much as moving half a label height per occupied cell, so labels
/// leave the curves when a clear place is near.
std::vector<QRectF> placeLabels(const std::vector<QRectF>& wanted, const QRectF& bounds,
                                const std::vector<QRectF>& obstacles, const std::vector<bool>& upOnly = {},
                                const OccupancyGrid* data = nullptr);

/// True when no two of `boxes` intersect (touching edges do not count).
bool disjoint(const std::vector<QRectF>& boxes);

} // namespace vanadis::placement
