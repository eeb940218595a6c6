#include "widgets/plot/Placement.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vanadis::placement {

OccupancyGrid::OccupancyGrid(const QRectF& area, double cellSize)
    : m_area(area), m_cell(std::max(1.0, cellSize))
{
    m_cols = std::max(1, int(std::ceil(area.width() / m_cell)));
    m_rows = std::max(1, int(std::ceil(area.height() / m_cell)));
    m_weight.assign(size_t(m_cols) * size_t(m_rows), 0);
    m_stamp.assign(m_weight.size(), 0);
}

int OccupancyGrid::cellIndex(double x, double y) const
{
    const int c = int(std::floor((x - m_area.left()) / m_cell));
    const int r = int(std::floor((y - m_area.top()) / m_cell));
    if (c < 0 || r < 0 || c >= m_cols || r >= m_rows) return -1;
    return r * m_cols + c;
}

void OccupancyGrid::mark(double x, double y, double radius, int weight)
{
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    const int c0 = int(std::floor((x - radius - m_area.left()) / m_cell));
    const int c1 = int(std::floor((x + radius - m_area.left()) / m_cell));
    const int r0 = int(std::floor((y - radius - m_area.top()) / m_cell));
    const int r1 = int(std::floor((y + radius - m_area.top()) / m_cell));
    for (int r = std::max(0, r0); r <= std::min(m_rows - 1, r1); ++r) {
        for (int c = std::max(0, c0); c <= std::min(m_cols - 1, c1); ++c) {
            const size_t i = size_t(r) * size_t(m_cols) + size_t(c);
            if (m_stamp[i] == m_stroke) continue;
            m_stamp[i] = m_stroke;
            m_weight[i] += weight;
        }
    }
}

void OccupancyGrid::addPolyline(const QPolygonF& points, double radius, int weight)
{
    ++m_stroke;
    const double step = m_cell * 0.5;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF p = points[i];
        mark(p.x(), p.y(), radius, weight);
        if (i == 0) continue;
        const QPointF q = points[i - 1];
        if (!std::isfinite(q.x()) || !std::isfinite(q.y()) || !std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        // Segments wholly outside the area (zoomed in on screen) are skipped, not walked.
        const QRectF seg = QRectF(q, p).normalized().adjusted(-radius, -radius, radius, radius);
        if (!seg.intersects(m_area) && !(seg.width() == 0.0 || seg.height() == 0.0)) continue;
        const double len = std::hypot(p.x() - q.x(), p.y() - q.y());
        const int n = std::min(100000, int(len / step));
        for (int k = 1; k < n; ++k) {
            const double t = double(k) / n;
            mark(q.x() + t * (p.x() - q.x()), q.y() + t * (p.y() - q.y()), radius, weight);
        }
    }
}

void OccupancyGrid::addPoints(const QPolygonF& points, double radius, int weight)
{
    ++m_stroke;
    for (const QPointF& p : points)
        mark(p.x(), p.y(), radius, weight);
}

void OccupancyGrid::addRect(const QRectF& rect, int weight)
{
    ++m_stroke;
    const QRectF r = rect.intersected(m_area);
    if (r.isEmpty()) return;
    const double half = 0.5 * std::min(r.width(), r.height());
    for (double y = r.top() + std::min(half, m_cell * 0.5); y < r.bottom(); y += m_cell * 0.5)
        for (double x = r.left() + std::min(half, m_cell * 0.5); x < r.right(); x += m_cell * 0.5)
            mark(x, y, 0.0, weight);
}

qint64 OccupancyGrid::cost(const QRectF& box) const
{
    const QRectF r = box.intersected(m_area);
    if (r.isEmpty()) return 0;
    const int c0 = std::max(0, int(std::floor((r.left() - m_area.left()) / m_cell)));
    const int c1 = std::min(m_cols - 1, int(std::floor((r.right() - m_area.left() - 1e-9) / m_cell)));
    const int r0 = std::max(0, int(std::floor((r.top() - m_area.top()) / m_cell)));
    const int r1 = std::min(m_rows - 1, int(std::floor((r.bottom() - m_area.top() - 1e-9) / m_cell)));
    qint64 sum = 0;
    for (int row = r0; row <= r1; ++row)
        for (int c = c0; c <= c1; ++c)
            sum += m_weight[size_t(row) * size_t(m_cols) + size_t(c)];
    return sum;
}

int OccupancyGrid::best(const std::vector<QRectF>& candidates) const
{
    int best = -1;
    qint64 bestCost = std::numeric_limits<qint64>::max();
    for (size_t i = 0; i < candidates.size(); ++i) {
        const qint64 c = cost(candidates[i]);
        if (c < bestCost) {
            bestCost = c;
            best = int(i);
        }
    }
    return best;
}

namespace {

double overlapArea(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    return i.isEmpty() ? 0.0 : i.width() * i.height();
}

// Strict: boxes that only touch along an edge are fine.
bool overlaps(const QRectF& a, const QRectF& b)
{
    return a.left() < b.right() - 1e-6 && b.left() < a.right() - 1e-6 && a.top() < b.bottom() - 1e-6 &&
           b.top() < a.bottom() - 1e-6;
}

} // namespace

std::vector<QRectF> placeLabels(const std::vector<QRectF>& wanted, const QRectF& bounds,
                                const std::vector<QRectF>& obstacles, const std::vector<bool>& upOnlyFlags,
                                const OccupancyGrid* data)
{
    std::vector<QRectF> placed;
    placed.reserve(wanted.size());
    std::vector<QRectF> taken = obstacles;
    constexpr int kSteps = 12;
    for (size_t index = 0; index < wanted.size(); ++index) {
        const QRectF& w = wanted[index];
        const bool upOnly = index < upOnlyFlags.size() && upOnlyFlags[index];
        if (w.isEmpty()) {
            placed.push_back(w);
            continue;
        }
        // Candidate offsets, nearest first: steps of the label height up (and down), beside it (left or
        // right by more than half its width) and both; the first free one wins.
        std::vector<QPointF> offsets;
        const double dy = w.height() * 1.05;
        for (double side : {0.0, 0.6, -0.6, 1.1, -1.1}) {
            for (int k = -kSteps; k <= kSteps; ++k) {
                if (upOnly && k > 0) continue;
                offsets.emplace_back(side * w.width(), k * dy);
            }
        }
        std::stable_sort(offsets.begin(), offsets.end(), [](const QPointF& a, const QPointF& b) {
            return a.x() * a.x() + a.y() * a.y() < b.x() * b.x() + b.y() * b.y();
        });
        QRectF bestRect = w;
        double bestOverlap = std::numeric_limits<double>::infinity();
        double bestScore = std::numeric_limits<double>::infinity();
        bool anyFree = false;
        for (const QPointF& o : offsets) {
            QRectF r = w.translated(o);
            // Pulled back inside the bounds when it sticks out (a label at the frame edge).
            if (!bounds.isEmpty()) {
                if (r.right() > bounds.right()) r.moveRight(bounds.right());
                if (r.left() < bounds.left()) r.moveLeft(bounds.left());
                if (r.top() < bounds.top()) continue; // would leave the frame at the top: try the next
                if (r.bottom() > bounds.bottom()) r.moveBottom(bounds.bottom());
            }
            double overlap = 0.0;
            for (const QRectF& t : taken)
                if (overlaps(r, t)) overlap += overlapArea(r, t) + 1e-9;
            if (overlap == 0.0) {
                const QPointF d = r.center() - w.center();
                const double score =
                    std::hypot(d.x(), d.y()) / w.height() + (data ? 0.5 * double(data->cost(r)) : 0.0);
                if (score < bestScore) {
                    bestScore = score;
                    bestRect = r;
                }
                anyFree = true;
                // Offsets come nearest first: without data to avoid, the first free place is the one.
                if (!data || score == 0.0) break;
                continue;
            }
            if (!anyFree && overlap < bestOverlap) {
                bestOverlap = overlap;
                bestRect = r;
            }
        }
        placed.push_back(bestRect);
        taken.push_back(bestRect);
    }
    return placed;
}

bool disjoint(const std::vector<QRectF>& boxes)
{
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j)
            if (!boxes[i].isEmpty() && !boxes[j].isEmpty() && overlaps(boxes[i], boxes[j])) return false;
    return true;
}

} // namespace vanadis::placement
