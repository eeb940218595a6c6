#include "numeric/tga/SavitzkyGolay.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace vanadis::tga {

namespace {

constexpr int kMaxTerms = kMaxSavitzkyGolayOrder + 1;

/// Solves G·v = e_d for the symmetric positive definite (order+1)² moment matrix by Cholesky. Returns
/// false when G is singular (fewer distinct abscissae than terms).
bool solveMoments(double g[kMaxTerms][kMaxTerms], int terms, int d, double v[kMaxTerms])
{
    double l[kMaxTerms][kMaxTerms] = {};
    for (int i = 0; i < terms; ++i) {
        for (int j = 0; j <= i; ++j) {
            double s = g[i][j];
            for (int k = 0; k < j; ++k)
                s -= l[i][k] * l[j][k];
            if (i == j) {
                // Relative pivot test: the moments are of abscissae scaled to [-1, 1], so g[0][0] = n sets
                // the scale.
                if (!(s > 1e-13 * g[0][0])) return false;
                l[i][i] = std::sqrt(s);
            } else {
                l[i][j] = s / l[j][j];
            }
        }
    }
    double z[kMaxTerms];
    for (int i = 0; i < terms; ++i) {
        double s = (i == d) ? 1.0 : 0.0;
        for (int k = 0; k < i; ++k)
            s -= l[i][k] * z[k];
        z[i] = s / l[i][i];
    }
    for (int i = terms - 1; i >= 0; --i) {
        double s = z[i];
        for (int k = i + 1; k < terms; ++k)
            s -= l[k][i] * v[k];
        v[i] = s / l[i][i];
    }
    return true;
}

/// Fills out[0..n) with the weights; false when the fit is singular. Abscissae are scaled by their
/// largest magnitude so that the moments stay O(n) whatever the unit of x.
bool weightsInto(const double* offsets, std::size_t n, int order, int derivative, double* out)
{
    double scale = 0.0;
    for (std::size_t j = 0; j < n; ++j)
        scale = std::max(scale, std::abs(offsets[j]));
    if (!(scale > 0.0) || !std::isfinite(scale)) return false;
    const int terms = order + 1;
    double moments[2 * kMaxTerms - 1] = {};
    for (std::size_t j = 0; j < n; ++j) {
        const double u = offsets[j] / scale;
        double p = 1.0;
        for (int k = 0; k < 2 * terms - 1; ++k) {
            moments[k] += p;
            p *= u;
        }
    }
    double g[kMaxTerms][kMaxTerms];
    for (int i = 0; i < terms; ++i)
        for (int j = 0; j < terms; ++j)
            g[i][j] = moments[i + j];
    double v[kMaxTerms];
    if (!solveMoments(g, terms, derivative, v)) return false;
    // d-th derivative of Σ c_k (x/scale)^k at 0 is d!·c_d / scale^d.
    double factor = 1.0;
    for (int k = 2; k <= derivative; ++k)
        factor *= k;
    factor /= std::pow(scale, derivative);
    for (std::size_t j = 0; j < n; ++j) {
        const double u = offsets[j] / scale;
        double p = 1.0, s = 0.0;
        for (int k = 0; k < terms; ++k) {
            s += v[k] * p;
            p *= u;
        }
        out[j] = factor * s;
    }
    return true;
}

bool validWindow(SavitzkyGolayWindow w, int derivative)
{
    return w.order >= 0 && w.order <= kMaxSavitzkyGolayOrder && w.points % 2 == 1 && w.points > w.order &&
           derivative >= 0 && derivative <= w.order;
}

/// Fit at point i with the window [lo, lo + points) into scratch; NaN when singular.
double fitAt(std::span<const double> x, std::span<const double> y, SavitzkyGolayWindow w, int derivative,
             std::size_t i, std::vector<double>& offsets, std::vector<double>& weights)
{
    const std::size_t n = x.size(), p = std::size_t(w.points);
    const std::size_t half = p / 2;
    const std::size_t lo = std::min(i > half ? i - half : 0, n - p);
    for (std::size_t j = 0; j < p; ++j)
        offsets[j] = x[lo + j] - x[i];
    if (!weightsInto(offsets.data(), p, w.order, derivative, weights.data()))
        return std::numeric_limits<double>::quiet_NaN();
    double s = 0.0;
    for (std::size_t j = 0; j < p; ++j)
        s += weights[j] * y[lo + j];
    return s;
}

} // namespace

std::vector<double> localPolynomialWeights(std::span<const double> offsets, int order, int derivative)
{
    if (order < 0 || order > kMaxSavitzkyGolayOrder || derivative < 0 || derivative > order) return {};
    std::vector<double> w(offsets.size());
    if (!weightsInto(offsets.data(), offsets.size(), order, derivative, w.data())) return {};
    return w;
}

bool isEvenlySpaced(std::span<const double> x)
{
    if (x.size() < 3) return true;
    const double mean = (x.back() - x.front()) / double(x.size() - 1);
    if (!(mean > 0.0)) return false;
    const double tol = 1e-3 * mean;
    for (std::size_t i = 1; i < x.size(); ++i)
        if (std::abs((x[i] - x[i - 1]) - mean) > tol) return false;
    return true;
}

std::vector<double> savitzkyGolayWeights(SavitzkyGolayWindow window, int derivative, double step)
{
    if (!validWindow(window, derivative) || !(step > 0.0)) return {};
    const int half = window.points / 2;
    std::vector<double> offsets(std::size_t(window.points));
    for (int j = -half; j <= half; ++j)
        offsets[std::size_t(j + half)] = j * step;
    return localPolynomialWeights(offsets, window.order, derivative);
}

Expected<std::vector<double>> savitzkyGolay(std::span<const double> x, std::span<const double> y,
                                            SavitzkyGolayWindow window, int derivative)
{
    if (window.order < 0 || window.order > kMaxSavitzkyGolayOrder)
        return fail("", "Savitzky–Golay", "the polynomial order must be between 0 and 6");
    if (window.points % 2 == 0 || window.points <= window.order)
        return fail("", "Savitzky–Golay",
                    "the window must be an odd number of points larger than the order (" +
                        std::to_string(window.points) + " points, order " + std::to_string(window.order) +
                        ")");
    if (derivative < 0 || derivative > window.order)
        return fail("", "Savitzky–Golay", "the derivative order cannot exceed the polynomial order");
    const std::size_t n = x.size(), p = std::size_t(window.points);
    if (y.size() != n) return fail("", "Savitzky–Golay", "x and y have different lengths");
    if (n < p)
        return fail("", "Savitzky–Golay",
                    "the window (" + std::to_string(p) + " points) is longer than the data (" +
                        std::to_string(n) + " points)");

    std::vector<double> out(n, 0.0);
    std::vector<double> offsets(p), weights(p);
    const std::size_t half = p / 2;
    if (isEvenlySpaced(x)) {
        const double step = (x.back() - x.front()) / double(n - 1);
        const std::vector<double> c = savitzkyGolayWeights(window, derivative, step);
        if (c.empty()) return fail("", "Savitzky–Golay", "the local fit is singular");
        // Loop over the weights outside and the points inside: the inner loop is a plain a·x + y that the
        // compiler vectorises, which the per-point dot product (a reduction) would not be.
        const std::size_t interior = n - 2 * half;
        double* o = out.data() + half;
        for (std::size_t j = 0; j < p; ++j) {
            const double cj = c[j];
            const double* yj = y.data() + j;
            for (std::size_t i = 0; i < interior; ++i)
                o[i] += cj * yj[i];
        }
        for (std::size_t i = 0; i < half; ++i) {
            out[i] = fitAt(x, y, window, derivative, i, offsets, weights);
            out[n - 1 - i] = fitAt(x, y, window, derivative, n - 1 - i, offsets, weights);
        }
    } else {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = fitAt(x, y, window, derivative, i, offsets, weights);
    }
    return out;
}

double savitzkyGolayAt(std::span<const double> x, std::span<const double> y, SavitzkyGolayWindow window,
                       int derivative, std::size_t index)
{
    const std::size_t n = x.size();
    if (!validWindow(window, derivative) || y.size() != n || index >= n || n < std::size_t(window.points))
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> offsets(std::size_t(window.points)), weights(std::size_t(window.points));
    return fitAt(x, y, window, derivative, index, offsets, weights);
}

} // namespace vanadis::tga
