#include "numeric/echem/Drt.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vanadis::echem {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

/// Bro & de Jong (J. Chemometrics 11 (1997) 393) fast NNLS on the normal equations: minimises
/// ½uᵀGu − fᵀu over u ≥ 0 (G symmetric positive definite), by Lawson–Hanson's active-set steps.
VectorXd nnlsNormal(const MatrixXd& g, const VectorXd& f)
{
    const Index p = f.size();
    VectorXd u = VectorXd::Zero(p);
    std::vector<char> passive(std::size_t(p), 0);
    VectorXd w = f;
    const double tol = 1e-12 * std::max(1.0, f.cwiseAbs().maxCoeff());
    auto solvePassive = [&](VectorXd& s) {
        std::vector<Index> idx;
        for (Index i = 0; i < p; ++i)
            if (passive[std::size_t(i)]) idx.push_back(i);
        const Index k = Index(idx.size());
        MatrixXd gp(k, k);
        VectorXd fp(k);
        for (Index a = 0; a < k; ++a) {
            fp(a) = f(idx[std::size_t(a)]);
            for (Index b = 0; b < k; ++b)
                gp(a, b) = g(idx[std::size_t(a)], idx[std::size_t(b)]);
        }
        const VectorXd sp = gp.ldlt().solve(fp);
        s.setZero();
        for (Index a = 0; a < k; ++a)
            s(idx[std::size_t(a)]) = sp(a);
    };
    VectorXd s(p);
    for (int outer = 0; outer < 3 * p + 10; ++outer) {
        Index j = -1;
        double best = tol;
        for (Index i = 0; i < p; ++i)
            if (!passive[std::size_t(i)] && w(i) > best) {
                best = w(i);
                j = i;
            }
        if (j < 0) break;
        passive[std::size_t(j)] = 1;
        for (int inner = 0; inner < 3 * p + 10; ++inner) {
            solvePassive(s);
            double alpha = 1.0;
            bool feasible = true;
            for (Index i = 0; i < p; ++i)
                if (passive[std::size_t(i)] && s(i) <= 0.0) {
                    feasible = false;
                    const double d = u(i) - s(i);
                    if (d > 0) alpha = std::min(alpha, u(i) / d);
                }
            if (feasible) {
                u = s;
                break;
            }
            u += alpha * (s - u);
            for (Index i = 0; i < p; ++i)
                if (passive[std::size_t(i)] && u(i) <= 1e-15) {
                    passive[std::size_t(i)] = 0;
                    u(i) = 0.0;
                }
        }
        w = f - g * u;
    }
    return u.cwiseMax(0.0);
}

} // namespace

Expected<DrtResult> drt(const EisSpectrum& s, const DrtOptions& o)
{
    if (auto ok = validateSpectrum(s, 5); !ok) return std::unexpected(ok.error());
    if (o.derivativeOrder != 1 && o.derivativeOrder != 2)
        return fail("", "DRT", "the derivative order must be 1 or 2");
    if (o.pointsPerDecade < 2) return fail("", "DRT", "the τ grid needs at least 2 points per decade");
    if (o.rule == DrtLambdaRule::Manual && !(std::isfinite(o.lambda) && o.lambda > 0.0))
        return fail("", "DRT", "the regularisation parameter λ must be a positive number");

    const Index n = Index(s.size());
    std::vector<double> omega(s.size());
    double wMin = INFINITY, wMax = 0.0, rRef = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        omega[i] = 2.0 * std::numbers::pi * s.frequencyHz[i];
        wMin = std::min(wMin, omega[i]);
        wMax = std::max(wMax, omega[i]);
        rRef = std::max(rRef, std::hypot(s.zRealOhm[i], s.zImagOhm[i]));
    }
    if (!(rRef > 0.0)) return fail("", "DRT", "every impedance of the spectrum is zero");

    // The ln τ grid: nodes y_0 … y_{M−1}, spacing h.
    const double yLo = std::log(1.0 / wMax) - o.extendDecades * std::numbers::ln10;
    const double yHi = std::log(1.0 / wMin) + o.extendDecades * std::numbers::ln10;
    const int m = std::max(5, int(std::ceil((yHi - yLo) / std::numbers::ln10 * o.pointsPerDecade)) + 1);
    const double h = (yHi - yLo) / (m - 1);
    const int off = o.inductance ? 2 : 1; // columns before γ: R∞ [, L]
    const Index p = off + m;
    const double lRef = rRef / wMax;

    // Kernel matrix of the hat functions by 4-point Gauss–Legendre on every interval (the kernel
    // varies over ~1 in ln τ, the interval is ≈ 0.23: exact to far below the data noise).
    static constexpr double gx[4] = {0.0694318442029737, 0.3300094782075719, 0.6699905217924281,
                                     0.9305681557970263};
    static constexpr double gw[4] = {0.1739274225337269, 0.3260725774662731, 0.3260725774662731,
                                     0.1739274225337269};
    MatrixXd aRe = MatrixXd::Zero(n, m), aIm = MatrixXd::Zero(n, m);
    for (Index i = 0; i < n; ++i) {
        const double om = omega[std::size_t(i)];
        for (int k = 0; k + 1 < m; ++k)
            for (int q = 0; q < 4; ++q) {
                const double x = om * std::exp(yLo + h * (k + gx[q]));
                const double d = 1.0 / (1.0 + x * x);
                const double wl = h * gw[q] * (1.0 - gx[q]), wr = h * gw[q] * gx[q];
                aRe(i, k) += wl * d;
                aRe(i, k + 1) += wr * d;
                aIm(i, k) -= wl * x * d;
                aIm(i, k + 1) -= wr * x * d;
            }
    }
    // Weighted, scaled system C u ≈ b (rows divided by |Zᵢ|, unknowns in units of R_ref).
    MatrixXd c = MatrixXd::Zero(2 * n, p);
    VectorXd b(2 * n);
    for (Index i = 0; i < n; ++i) {
        const double inv = 1.0 / std::hypot(s.zRealOhm[std::size_t(i)], s.zImagOhm[std::size_t(i)]);
        b(i) = s.zRealOhm[std::size_t(i)] * inv;
        b(n + i) = s.zImagOhm[std::size_t(i)] * inv;
        c(i, 0) = rRef * inv;
        if (o.inductance) c(n + i, 1) = omega[std::size_t(i)] * lRef * inv;
        c.row(i).tail(m) = aRe.row(i) * (rRef * inv);
        c.row(n + i).tail(m) = aIm.row(i) * (rRef * inv);
    }
    // Roughness penalty uᵀRu ≈ ∫(d^m γ/d ln τ^m)² d ln τ / R_ref².
    MatrixXd r = MatrixXd::Zero(p, p);
    if (o.derivativeOrder == 1) {
        for (int k = 0; k + 1 < m; ++k) {
            const double wgt = 1.0 / h;
            r(off + k, off + k) += wgt;
            r(off + k + 1, off + k + 1) += wgt;
            r(off + k, off + k + 1) -= wgt;
            r(off + k + 1, off + k) -= wgt;
        }
    } else {
        for (int k = 1; k + 1 < m; ++k) {
            const double wgt = 1.0 / (h * h * h);
            const int id[3] = {off + k - 1, off + k, off + k + 1};
            const double co[3] = {1.0, -2.0, 1.0};
            for (int a = 0; a < 3; ++a)
                for (int bb = 0; bb < 3; ++bb)
                    r(id[a], id[bb]) += wgt * co[a] * co[bb];
        }
    }
    const MatrixXd bMat = c.transpose() * c;
    const VectorXd f = c.transpose() * b;

    DrtResult out;
    double lambda = o.lambda;
    if (o.rule != DrtLambdaRule::Manual) {
        // Simultaneous diagonalisation of CᵀC and the penalty (made definite by a tiny ridge on the
        // unpenalised R∞, L and the penalty's null space) turns every GCV evaluation into O(P).
        const double eps = 1e-9 * r.diagonal().maxCoeff();
        MatrixXd rr = r;
        rr.diagonal().array() += eps;
        Eigen::LLT<MatrixXd> llt(rr);
        const auto lower = llt.matrixL();
        const MatrixXd x1 = lower.solve(bMat);
        const MatrixXd sMat = lower.solve(x1.transpose());
        Eigen::SelfAdjointEigenSolver<MatrixXd> es(0.5 * (sMat + sMat.transpose()));
        const VectorXd sigma = es.eigenvalues().cwiseMax(0.0);
        const VectorXd ct = es.eigenvectors().transpose() * lower.solve(f);
        const double bb = b.squaredNorm();
        const double rows = double(2 * n);
        // Kim & Gu's modified GCV inflates the effective parameter count (ρ = 2 for spectra of ≤ 100
        // frequencies, 1.3 above), against plain GCV's known tendency to under-smooth small samples.
        const double rho = o.rule != DrtLambdaRule::Mgcv ? 1.0
                           : o.mgcvRho > 0.0             ? o.mgcvRho
                           : n <= 100                    ? 2.0
                                                         : 1.3;
        auto gcv = [&](double logLambda) {
            const double lam = std::exp(logLambda);
            double tr = 0.0, fit = 0.0, quad = 0.0;
            for (Index i = 0; i < p; ++i) {
                const double d = 1.0 / (sigma(i) + lam);
                tr += sigma(i) * d;
                fit += ct(i) * ct(i) * d;
                quad += sigma(i) * ct(i) * ct(i) * d * d;
            }
            const double res = std::max(bb - 2.0 * fit + quad, 0.0);
            const double denom = rows - rho * tr;
            return denom > 0 ? rows * res / (denom * denom) : INFINITY;
        };
        const double lo = std::log(1e-9), hi = std::log(1e1);
        const int steps = 50;
        std::vector<double> curve(steps + 1);
        for (int k = 0; k <= steps; ++k)
            curve[std::size_t(k)] = gcv(lo + (hi - lo) * k / steps);
        // The lowest interior local minimum: V(λ) of a noisy spectrum can fall again towards λ → 0
        // (the fit interpolating the noise), a spurious minimum at the end of the range. The range
        // end is taken only when V has no interior minimum (noise-free data: V falls throughout).
        int best = -1;
        for (int k = 1; k < steps; ++k) {
            const double v = curve[std::size_t(k)];
            if (v <= curve[std::size_t(k - 1)] && v <= curve[std::size_t(k + 1)] &&
                (best < 0 || v < curve[std::size_t(best)]))
                best = k;
        }
        if (best < 0) best = int(std::min_element(curve.begin(), curve.end()) - curve.begin());
        double a = lo + (hi - lo) * std::max(0, best - 1) / steps,
               z = lo + (hi - lo) * std::min(steps, best + 1) / steps;
        const double gr = (std::sqrt(5.0) - 1.0) / 2.0;
        double x1g = z - gr * (z - a), x2g = a + gr * (z - a);
        double f1 = gcv(x1g), f2 = gcv(x2g);
        for (int it = 0; it < 40; ++it) {
            if (f1 < f2) {
                z = x2g;
                x2g = x1g;
                f2 = f1;
                x1g = z - gr * (z - a);
                f1 = gcv(x1g);
            } else {
                a = x1g;
                x1g = x2g;
                f1 = f2;
                x2g = a + gr * (z - a);
                f2 = gcv(x2g);
            }
        }
        lambda = std::exp(0.5 * (a + z));
        out.lambdaFromGcv = true; // GCV or mGCV
    }
    out.lambda = lambda;
    const VectorXd u = nnlsNormal(bMat + lambda * r, f);

    out.tauWindowLowS = 1.0 / wMax;
    out.tauWindowHighS = 1.0 / wMin;
    out.rInfOhm = u(0) * rRef;
    out.inductanceH = o.inductance ? u(1) * lRef : 0.0;
    out.tauS.resize(std::size_t(m));
    out.gammaOhm.resize(std::size_t(m));
    for (int k = 0; k < m; ++k) {
        out.tauS[std::size_t(k)] = std::exp(yLo + h * k);
        out.gammaOhm[std::size_t(k)] = u(off + k) * rRef;
    }
    const VectorXd gamma = u.tail(m) * rRef;
    const VectorXd zRe = aRe * gamma, zIm = aIm * gamma;
    for (Index i = 0; i < n; ++i) {
        const std::complex<double> z(out.rInfOhm + zRe(i), omega[std::size_t(i)] * out.inductanceH + zIm(i));
        out.fitted.push_back(z);
        const double mod = std::hypot(s.zRealOhm[std::size_t(i)], s.zImagOhm[std::size_t(i)]);
        out.residualRealPct.push_back(100.0 * (s.zRealOhm[std::size_t(i)] - z.real()) / mod);
        out.residualImagPct.push_back(100.0 * (s.zImagOhm[std::size_t(i)] - z.imag()) / mod);
    }
    const std::vector<double>& g = out.gammaOhm;
    auto area = [&](int from, int to) {
        double a = 0.0;
        for (int k = from; k < to; ++k)
            a += 0.5 * h * (g[std::size_t(k)] + g[std::size_t(k + 1)]);
        return a;
    };
    out.polarisationOhm = area(0, m - 1);

    // Significant maxima; between two of them the peak boundary is the lowest γ, outside them γ is
    // followed down while it falls.
    const double gMax = *std::max_element(g.begin(), g.end());
    std::vector<int> maxima;
    if (gMax > 0.0)
        for (int k = 0; k < m; ++k) {
            const double v = g[std::size_t(k)];
            const bool leftOk = k == 0 || v > g[std::size_t(k - 1)];
            const bool rightOk = k == m - 1 || v >= g[std::size_t(k + 1)];
            const double y = yLo + h * k;
            const bool inWindow = y >= std::log(1.0 / wMax) - 1e-9 && y <= std::log(1.0 / wMin) + 1e-9;
            if (leftOk && rightOk && inWindow && v >= o.minPeakFraction * gMax) maxima.push_back(k);
        }
    // A maximum that does not stand out from its neighbour (the γ between them stays above
    // `mergeValleyFraction` of the lower one) is ripple on that peak's flank: merged into it.
    for (bool merged = true; merged && maxima.size() > 1;) {
        merged = false;
        for (std::size_t pk = 0; pk + 1 < maxima.size(); ++pk) {
            const int a = maxima[pk], z = maxima[pk + 1];
            const double valley = *std::min_element(g.begin() + a, g.begin() + z + 1);
            if (valley > o.mergeValleyFraction * std::min(g[std::size_t(a)], g[std::size_t(z)])) {
                maxima.erase(maxima.begin() +
                             std::ptrdiff_t(g[std::size_t(a)] < g[std::size_t(z)] ? pk : pk + 1));
                merged = true;
                break;
            }
        }
    }
    for (std::size_t pk = 0; pk < maxima.size(); ++pk) {
        const int k = maxima[pk];
        int left = k, right = k;
        if (pk == 0) {
            while (left > 0 && g[std::size_t(left - 1)] <= g[std::size_t(left)] && g[std::size_t(left)] > 0)
                --left;
        } else {
            const int prev = maxima[pk - 1];
            left = int(std::min_element(g.begin() + prev, g.begin() + k + 1) - g.begin());
        }
        if (pk + 1 == maxima.size()) {
            while (right < m - 1 && g[std::size_t(right + 1)] <= g[std::size_t(right)] &&
                   g[std::size_t(right)] > 0)
                ++right;
        } else {
            const int next = maxima[pk + 1];
            right = int(std::min_element(g.begin() + k, g.begin() + next + 1) - g.begin());
        }
        double y = yLo + h * k;
        if (k > 0 && k < m - 1) {
            const double gl = g[std::size_t(k - 1)], gc = g[std::size_t(k)], gr2 = g[std::size_t(k + 1)];
            const double den = gl - 2.0 * gc + gr2;
            if (den < 0.0) y += 0.5 * h * (gl - gr2) / den;
        }
        DrtPeak peak;
        peak.tauS = std::exp(y);
        peak.frequencyHz = 1.0 / (2.0 * std::numbers::pi * peak.tauS);
        peak.gammaOhm = g[std::size_t(k)];
        peak.rOhm = area(left, right);
        peak.tauLowS = out.tauS[std::size_t(left)];
        peak.tauHighS = out.tauS[std::size_t(right)];
        out.peaks.push_back(peak);
    }
    return out;
}

} // namespace vanadis::echem
