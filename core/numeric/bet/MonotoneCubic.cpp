#include "numeric/bet/MonotoneCubic.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vanadis::bet {

MonotoneCubic::MonotoneCubic(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        double sum = 0.0;
        while (j < n && x[j] == x[i])
            sum += y[j++];
        m_x.push_back(x[i]);
        m_y.push_back(sum / double(j - i));
        i = j;
    }
    const std::size_t m = m_x.size();
    m_d.assign(m, 0.0);
    if (m >= 2) {
        std::vector<double> h(m - 1), delta(m - 1);
        for (std::size_t k = 0; k + 1 < m; ++k) {
            h[k] = m_x[k + 1] - m_x[k];
            delta[k] = (m_y[k + 1] - m_y[k]) / h[k];
        }
        if (m == 2) {
            m_d[0] = m_d[1] = delta[0];
        } else {
            // Interior slopes: zero at a local extremum (keeps the curve from overshooting the data), else
            // a weighted harmonic mean of the neighbouring secants, which keeps each piece monotone.
            for (std::size_t k = 1; k + 1 < m; ++k) {
                if (delta[k - 1] * delta[k] <= 0.0) continue;
                const double w1 = 2.0 * h[k] + h[k - 1], w2 = h[k] + 2.0 * h[k - 1];
                m_d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
            }
            // End slopes: one-sided three-point estimate, limited so that it cannot create an extremum.
            auto endSlope = [](double h0, double h1, double d0, double d1) {
                double d = ((2.0 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
                if (d * d0 <= 0.0) return 0.0;
                if (d0 * d1 <= 0.0 && std::abs(d) > 3.0 * std::abs(d0)) return 3.0 * d0;
                return d;
            };
            m_d[0] = endSlope(h[0], h[1], delta[0], delta[1]);
            m_d[m - 1] = endSlope(h[m - 2], h[m - 3], delta[m - 2], delta[m - 3]);
        }
    }
    m_runningMax.resize(m);
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < m; ++k)
        m_runningMax[k] = best = std::max(best, m_y[k]);
}

double MonotoneCubic::segment(std::size_t k, double x) const
{
    const double h = m_x[k + 1] - m_x[k];
    const double t = (x - m_x[k]) / h;
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * m_y[k] + (t3 - 2 * t2 + t) * h * m_d[k] + (-2 * t3 + 3 * t2) * m_y[k + 1] +
           (t3 - t2) * h * m_d[k + 1];
}

double MonotoneCubic::operator()(double x) const
{
    if (m_x.empty()) return std::numeric_limits<double>::quiet_NaN();
    if (x <= m_x.front()) return m_y.front();
    if (x >= m_x.back()) return m_y.back();
    const auto it = std::upper_bound(m_x.begin(), m_x.end(), x);
    return segment(std::size_t(it - m_x.begin()) - 1, x);
}

double MonotoneCubic::firstCrossing(double y) const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (m_x.empty() || !std::isfinite(y)) return nan;
    if (y <= m_y.front()) return y == m_y.front() ? m_x.front() : nan;
    const auto it = std::lower_bound(m_runningMax.begin(), m_runningMax.end(), y);
    if (it == m_runningMax.end()) return nan;
    const std::size_t k = std::size_t(it - m_runningMax.begin()); // y[k] ≥ y > every earlier value
    if (m_y[k] == y) return m_x[k];
    // Each PCHIP piece is monotone between its end values, so bisection on it finds the crossing.
    double lo = m_x[k - 1], hi = m_x[k];
    for (int iter = 0; iter < 60 && hi - lo > 1e-14 * std::max(1.0, std::abs(hi)); ++iter) {
        const double mid = 0.5 * (lo + hi);
        (segment(k - 1, mid) < y ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace vanadis::bet
