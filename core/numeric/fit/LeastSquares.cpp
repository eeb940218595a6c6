#include "numeric/fit/LeastSquares.h"

#include "numeric/fit/ParameterMap.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace vanadis::fit {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Relative scaled step below which geodesic acceleration is skipped (≈ √ε: the second
/// difference of r along such a step is dominated by rounding).
constexpr double kAccelerationMinStep = 1e-8;
/// Initial Levenberg–Marquardt damping, relative to the column scaling D² (see levenbergMarquardt).
constexpr double kInitialDamping = 1e-12;

std::string num(double v, int digits = 6)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

/// A finite sum of squares proves every element finite (one vectorised pass); only an infinite or
/// NaN sum (which may be an overflow of finite values) needs the element test.
template <class M>
bool allFinite(const M& v)
{
    return std::isfinite(v.squaredNorm()) || v.allFinite();
}

/// The weighted residual r(u) = √w·(f(p(u)) − y) and its Jacobian, for the LM loop.
class Residual {
public:
    Residual(const Model& model, const ParameterMap& map, const VectorXd& y, const VectorXd& sqrtW,
             const FitOptions& opt)
        : m_model(model), m_map(map), m_y(y), m_sqrtW(sqrtW), m_opt(opt)
    {
        m_f.resize(y.size());
        m_analytic = !opt.forceNumericJacobian;
        m_unitWeights = (sqrtW.array() == 1.0).all();
        m_identity = !map.hasTies() && map.freeCount() == map.fullCount();
        for (std::size_t k = 0; k < map.freeCount() && m_identity; ++k)
            m_identity = map.freeIndex(k) == int(k);
    }

    /// r for free values u; false when the model gives NaN/inf.
    bool value(const VectorXd& u, VectorXd& r)
    {
        ++evaluations;
        m_map.expand(u, m_p);
        m_model.evaluate(std::span<const double>(m_p.data(), std::size_t(m_p.size())),
                         std::span<double>(m_f.data(), std::size_t(m_f.size())));
        if (m_unitWeights)
            r = m_f - m_y;
        else
            r = m_sqrtW.cwiseProduct(m_f - m_y);
        return allFinite(r);
    }

    /// Jacobian of r at u (r = value(u) already computed) into J (residuals × free).
    bool jacobian(const VectorXd& u, const VectorXd& r, const VectorXd& lo, const VectorXd& hi, MatrixXd& J)
    {
        const Index nr = m_y.size(), nf = u.size();
        J.resize(nr, nf);
        if (m_analytic && m_identity) {
            // Every parameter free, none tied: the model's Jacobian is J's, written in place.
            m_map.expand(u, m_p);
            if (m_model.jacobian(std::span<const double>(m_p.data(), std::size_t(m_p.size())),
                                 std::span<double>(J.data(), std::size_t(J.size())))) {
                if (!m_unitWeights) J.array().colwise() *= m_sqrtW.array();
                return allFinite(J);
            }
            m_analytic = false;
        }
        if (m_analytic) {
            m_map.expand(u, m_p);
            m_jf.resize(nr, m_p.size());
            if (m_model.jacobian(std::span<const double>(m_p.data(), std::size_t(m_p.size())),
                                 std::span<double>(m_jf.data(), std::size_t(m_jf.size())))) {
                if (m_map.hasTies()) {
                    m_map.derivative(m_p, m_g);
                    // dp/du is mostly identity columns plus a few tie entries: a sparse product.
                    J.setZero();
                    for (Index k = 0; k < nf; ++k)
                        for (Index i = 0; i < m_g.rows(); ++i)
                            if (const double gik = m_g(i, k); gik != 0.0) J.col(k) += gik * m_jf.col(i);
                } else {
                    for (Index k = 0; k < nf; ++k)
                        J.col(k) = m_jf.col(m_map.freeIndex(std::size_t(k)));
                }
                if (!m_unitWeights) J.array().colwise() *= m_sqrtW.array();
                return allFinite(J);
            }
            m_analytic = false; // the model has none: numeric from now on
        }
        return numeric(u, r, lo, hi, J);
    }

    bool usedAnalytic() const { return m_analytic; }
    double weightedObservationNorm() const { return m_sqrtW.cwiseProduct(m_y).norm(); }
    int evaluations = 0;

private:
    bool numeric(const VectorXd& u, const VectorXd& r, const VectorXd& lo, const VectorXd& hi, MatrixXd& J)
    {
        VectorXd up = u, rp(r.size()), rm(r.size());
        for (Index k = 0; k < u.size(); ++k) {
            const double scale = u[k] != 0.0 ? std::abs(u[k]) : 1.0;
            if (m_opt.numericDerivative == NumericDerivative::Ridders) {
                if (!ridders(u, k, 0.05 * scale, lo, hi, J)) return false;
                continue;
            }
            double h = std::cbrt(kEps) * scale;
            // Stay inside the box: the model may be undefined beyond a bound (sqrt, log).
            const bool canUp = u[k] + h <= hi[k], canDown = u[k] - h >= lo[k];
            if (canUp && canDown) {
                up[k] = u[k] + h;
                if (!value(up, rp)) return false;
                up[k] = u[k] - h;
                if (!value(up, rm)) return false;
                J.col(k) = (rp - rm) / (2.0 * h);
            } else {
                const double s = canUp ? h : -h;
                up[k] = u[k] + s;
                if (!value(up, rp)) return false;
                J.col(k) = (rp - r) / s;
            }
            up[k] = u[k];
        }
        return true;
    }

    /// Ridders' polynomial extrapolation of central differences (Numerical Recipes §5.7),
    /// vector-valued: the error estimate is the max-norm over all residuals.
    bool ridders(const VectorXd& u, Index k, double h, const VectorXd& lo, const VectorXd& hi, MatrixXd& J)
    {
        constexpr int nTab = 10;
        constexpr double con = 1.4, con2 = con * con;
        const Index nr = m_y.size();
        h = std::min({h, (hi[k] - u[k]) * 0.999, (u[k] - lo[k]) * 0.999});
        if (!(h > 0.0)) h = std::cbrt(kEps) * std::max(std::abs(u[k]), 1.0);
        std::vector<MatrixXd> a(nTab, MatrixXd(nr, nTab));
        VectorXd up = u, rp(nr), rm(nr);
        auto central = [&](double hh, VectorXd& d) {
            up[k] = u[k] + hh;
            if (!value(up, rp)) return false;
            up[k] = u[k] - hh;
            if (!value(up, rm)) return false;
            up[k] = u[k];
            d = (rp - rm) / (2.0 * hh);
            return true;
        };
        MatrixXd tab(nr, nTab * nTab);
        auto T = [&](int i, int j) { return tab.col(i * nTab + j); };
        VectorXd d;
        if (!central(h, d)) return false;
        T(0, 0) = d;
        double best = std::numeric_limits<double>::infinity();
        J.col(k) = d;
        for (int i = 1; i < nTab; ++i) {
            h /= con;
            if (!central(h, d)) return false;
            T(0, i) = d;
            double fac = con2;
            for (int j = 1; j <= i; ++j) {
                T(j, i) = (T(j - 1, i) * fac - T(j - 1, i - 1)) / (fac - 1.0);
                fac *= con2;
                const double errt = std::max((T(j, i) - T(j - 1, i)).cwiseAbs().maxCoeff(),
                                             (T(j, i) - T(j - 1, i - 1)).cwiseAbs().maxCoeff());
                if (errt <= best) {
                    best = errt;
                    J.col(k) = T(j, i);
                }
            }
            if ((T(i, i) - T(i - 1, i - 1)).cwiseAbs().maxCoeff() >= 2.0 * best) break;
        }
        return true;
    }

    const Model& m_model;
    const ParameterMap& m_map;
    const VectorXd& m_y;
    const VectorXd& m_sqrtW;
    const FitOptions& m_opt;
    VectorXd m_p, m_f;
    MatrixXd m_jf, m_g;
    bool m_analytic = true;
    bool m_unitWeights = false; ///< √w ≡ 1: no scaling pass
    bool m_identity = false;    ///< u = p (no fixed or tied parameters)
};

struct LmOutcome {
    VectorXd u, r;
    MatrixXd J;
    FitStatus status = FitStatus::Converged;
    std::string reason;
    int iterations = 0;
    double gradientCosine = 0.0;
};

/// max_j |J_jᵀ r| / (‖J_j‖ ‖r‖) over the columns not held on a bound (MINPACK's gtol measure),
/// from g = Jᵀr and the column norms.
double gradientCosine(const VectorXd& g, const VectorXd& colNorm, double rNorm, const std::vector<char>& held)
{
    if (rNorm == 0.0) return 0.0;
    double worst = 0.0;
    for (Index j = 0; j < g.size(); ++j) {
        if (held[std::size_t(j)] || colNorm[j] == 0.0) continue;
        worst = std::max(worst, std::abs(g[j]) / (colNorm[j] * rNorm));
    }
    return worst;
}

/// Householder QR of an m × n column-major matrix in place (LAPACK dgeqr2's convention: R on and
/// above the diagonal, the reflectors' tails below it, their scalars in \a tau), written as plain
/// column loops: at fit sizes (n ≤ 20, m ≤ a few hundred) Eigen's general blocked machinery spent
/// more time in set-up than in arithmetic. Q is never formed; applyQt() applies Qᵀ to a vector.
struct HouseholderFactor {
    MatrixXd W;
    VectorXd tau;
    VectorXd m_v, m_w; ///< the current reflector with its leading 1, and Bᵀv
    /// Trailing columns from which a reflector is applied as one block (below, per column: less
    /// set-up; XPS's 17 columns 1.91 -> 1.62 ms, StRD's ≤ 9 unchanged at 4 or 8).
    static constexpr Index kBlockedFrom = 6;

    void compute(Index n)
    {
        const Index m = W.rows();
        tau.resize(n);
        for (Index k = 0; k < n && k < m; ++k) {
            double* col = W.col(k).data();
            const double tail = Eigen::Map<const VectorXd>(col + k + 1, m - k - 1).squaredNorm();
            const double alpha = col[k];
            if (tail == 0.0) {
                tau[k] = 0.0;
                continue;
            }
            const double beta = -std::copysign(std::sqrt(alpha * alpha + tail), alpha);
            tau[k] = (beta - alpha) / beta;
            const double scale = 1.0 / (alpha - beta);
            for (Index i = k + 1; i < m; ++i)
                col[i] *= scale;
            col[k] = beta;
            if (n - k - 1 >= kBlockedFrom) {
                // Wide trailing block (XPS: 17 columns × 300 points): w = Bᵀv and B −= τ·v·wᵀ as one
                // matrix-vector product and one rank-1 update, several columns per pass over v.
                m_v.resize(m - k);
                m_v[0] = 1.0;
                m_v.tail(m - k - 1) = W.col(k).tail(m - k - 1);
                auto B = W.block(k, k + 1, m - k, n - k - 1);
                m_w.noalias() = B.transpose() * m_v;
                B.noalias() -= (tau[k] * m_v) * m_w.transpose();
            } else {
                for (Index j = k + 1; j < n; ++j)
                    reflect(k, W.col(j).data());
            }
        }
    }
    /// x ← H_k x for the k-th reflector.
    void reflect(Index k, double* x) const
    {
        const Index m = W.rows();
        if (tau[k] == 0.0) return;
        // Eigen's dot keeps several partial sums in SIMD registers; a plain loop is one serial
        // chain of additions (the compiler may not reassociate them).
        const Eigen::Map<const VectorXd> v(W.col(k).data() + k + 1, m - k - 1);
        Eigen::Map<VectorXd> xt(x + k + 1, m - k - 1);
        const double s = tau[k] * (x[k] + v.dot(xt));
        x[k] -= s;
        xt -= s * v;
    }
    /// x ← Qᵀ x.
    void applyQt(VectorXd& x, Index n) const
    {
        for (Index k = 0; k < n && k < W.rows(); ++k)
            reflect(k, x.data());
    }
};

/// The damped system min ‖[R; √λ·D] x − [b; 0]‖ for an upper-triangular R (from the QR of J),
/// solved as MINPACK's qrsolv does (Moré 1978): Givens rotations fold the diagonal √λ·D rows into
/// R one at a time, O(n²) per damping trial instead of refactoring a 2n × n matrix. The rotations
/// are kept so that a second right-hand side (the geodesic acceleration) reuses them.
class DampedSolver {
public:
    void factor(const MatrixXd& W, Index n, const VectorXd& d, double lambda)
    {
        m_n = n;
        m_S.resize(n, n);
        for (Index j = 0; j < n; ++j)
            for (Index i = 0; i <= j; ++i)
                m_S(i, j) = W(i, j);
        m_rot.clear();
        const double sl = std::sqrt(lambda);
        m_row.resize(n);
        for (Index j = 0; j < n; ++j) {
            // Row of the diagonal block: only element j is nonzero before its elimination.
            m_row.setZero();
            m_row[j] = sl * d[j];
            for (Index k = j; k < n; ++k) {
                if (m_row[k] == 0.0) {
                    m_rot.push_back({1.0, 0.0});
                    continue;
                }
                const double skk = m_S(k, k), rk = m_row[k];
                // One square root and one division (their latency dominated the trial); the
                // scaled form only where the squares could overflow or underflow.
                const double big = std::max(std::abs(skk), std::abs(rk));
                double c, s;
                if (big > 1e-150 && big < 1e150) {
                    const double inv = 1.0 / std::sqrt(skk * skk + rk * rk);
                    c = skk * inv;
                    s = rk * inv;
                } else {
                    const double a = skk / big, b = rk / big;
                    const double inv = 1.0 / std::sqrt(a * a + b * b);
                    c = a * inv;
                    s = b * inv;
                }
                m_rot.push_back({c, s});
                m_S(k, k) = c * skk + s * rk;
                for (Index i = k + 1; i < n; ++i) {
                    const double a = m_S(k, i), b = m_row[i];
                    m_S(k, i) = c * a + s * b;
                    m_row[i] = -s * a + c * b;
                }
            }
        }
    }
    /// x for the right-hand side \a b (length n; the appended zero rows are implied).
    void solve(const VectorXd& b, VectorXd& x)
    {
        const Index n = m_n;
        x = b;
        std::size_t r = 0;
        for (Index j = 0; j < n; ++j) {
            double extra = 0.0;
            for (Index k = j; k < n; ++k, ++r) {
                const auto [c, s] = m_rot[r];
                const double a = x[k];
                x[k] = c * a + s * extra;
                extra = -s * a + c * extra;
            }
        }
        // Back substitution; a zero pivot (only possible for λ = 0) leaves that component 0, as
        // MINPACK does for a singular system.
        for (Index i = n; i-- > 0;) {
            double s = x[i];
            for (Index k = i + 1; k < n; ++k)
                s -= m_S(i, k) * x[k];
            x[i] = m_S(i, i) != 0.0 ? s / m_S(i, i) : 0.0;
        }
    }

private:
    Index m_n = 0;
    MatrixXd m_S;
    VectorXd m_row;
    std::vector<std::pair<double, double>> m_rot;
};

/// 1/‖(R·D⁻¹)⁻¹‖²_F for the upper-triangular R in the top of \a W: a lower bound of the smallest
/// squared singular value of the scaled R (0 when R is singular). O(n³/6), \a work of size n.
double smallestSquaredSingularBound(const MatrixXd& W, const VectorXd& d, Index n, VectorXd& work)
{
    work.resize(n);
    double fro = 0.0;
    for (Index j = 0; j < n; ++j) { // column j of the inverse by back substitution
        work.head(j + 1).setZero();
        work[j] = 1.0;
        for (Index i = j; i >= 0; --i) {
            double sum = work[i];
            for (Index k = i + 1; k <= j; ++k)
                sum -= W(i, k) / d[k] * work[k];
            const double dii = W(i, i) / d[i];
            if (dii == 0.0) return 0.0;
            work[i] = sum / dii;
            fro += work[i] * work[i];
        }
    }
    return fro > 0.0 && std::isfinite(fro) ? 1.0 / fro : 0.0;
}

/// Levenberg–Marquardt with Moré scaling, QR-solved damped steps, Nielsen damping and an
/// active-set projection onto the bounds.
LmOutcome levenbergMarquardt(Residual& res, VectorXd u, const VectorXd& lo, const VectorXd& hi, VectorXd r,
                             MatrixXd J, const FitOptions& opt)
{
    const Index nf = u.size();
    const Index m = J.rows();
    LmOutcome out;
    VectorXd d = J.colwise().norm().transpose();
    for (Index j = 0; j < nf; ++j)
        if (d[j] == 0.0) d[j] = 1.0;
    // λ₀ ≈ 0: the first trial is in effect the Gauss–Newton step (as MINPACK's initial trust
    // region of 100·‖D·u‖ mostly allows) and damping grows only where that step fails. With the
    // former λ₀ = 1e-3 every fit first spent iterations shrinking λ: NIST StRD total time −12 %,
    // every problem still at its certified values from both starts (tst_fit).
    double lambda = kInitialDamping;
    double nu = 2.0;
    double rss = r.squaredNorm();
    std::vector<char> held(std::size_t(nf), 0);
    VectorXd uNew(nf), rNew(m), rH(m), uh(nf);
    // Workspaces reused across iterations and damping trials: at StRD sizes (tens of points, a
    // handful of parameters) per-iteration heap traffic was a tenth of the fit's time.
    VectorXd g(nf), colNorm(nf), qtrFull(m), tcol, qtr, b, stepA, stepP, predictedResidual, rvv, b2, acc, da;
    HouseholderFactor qr;
    DampedSolver damped;
    std::vector<Index> active;
    active.reserve(std::size_t(nf));
    bool done = false;
    int it = 0;
    for (; it < opt.maxIterations && !done; ++it) {
        if (rss == 0.0) {
            out.reason = "the model reproduces the data exactly (RSS = 0)";
            done = true;
            break;
        }
        for (Index j = 0; j < nf; ++j) {
            g[j] = J.col(j).dot(r);
            colNorm[j] = J.col(j).norm();
        }
        // Hold parameters on a bound whose descent direction (−g) points out of the box.
        active.clear();
        for (Index j = 0; j < nf; ++j) {
            held[std::size_t(j)] = (u[j] <= lo[j] && g[j] > 0.0) || (u[j] >= hi[j] && g[j] < 0.0);
            if (!held[std::size_t(j)]) active.push_back(j);
        }
        const double gcos = gradientCosine(g, colNorm, std::sqrt(rss), held);
        if (gcos <= opt.gradientTolerance) {
            out.reason =
                "the residual is orthogonal to the Jacobian (gradient test, max cos = " + num(gcos, 3) + ")";
            done = true;
            break;
        }
        if (active.empty()) {
            out.reason = "every free parameter is held on a bound";
            done = true;
            break;
        }
        const Index na = Index(active.size());
        const Index nq = std::min(na, m); // rows of R
        qr.W.resize(m, na);
        da.resize(na);
        for (Index k = 0; k < na; ++k) {
            const Index j = active[std::size_t(k)];
            qr.W.col(k) = J.col(j);
            d[j] = std::max(d[j], colNorm[j]); // Moré 1978, eq. (6.3)
            da[k] = d[j];
        }
        // One QR of J per iteration; each damping trial then only folds √λ·D into R.
        qr.compute(na);
        qtrFull = r;
        qr.applyQt(qtrFull, na);
        qtr = qtrFull.head(nq);
        const double perp = std::max(0.0, rss - qtr.squaredNorm());
        // After a rejected trial λ grows at least to where damping starts to act: a λ below
        // σ_min² of the scaled R changes the step by less than a factor 2, so ramping up to it from
        // the tiny λ₀ by doublings only spent evaluations (XPS: 23 -> 18).
        const double lambdaFloor = smallestSquaredSingularBound(qr.W, da, na, tcol);
        b.setZero(na);
        b.head(nq) = -qtr;
        for (int inner = 0;; ++inner) {
            damped.factor(qr.W, na, da, lambda);
            damped.solve(b, stepA);
            bool accelRejected = false;
            double xNorm = 0.0;
            for (Index k = 0; k < na; ++k) {
                const double dx = da[k] * u[active[std::size_t(k)]];
                xNorm += dx * dx;
            }
            xNorm = std::sqrt(xNorm);
            // A step near the rounding level makes the finite-difference r_vv noise, whose
            // rejection of the step would only drive λ up and stop the fit short of the
            // minimiser (NIST Lanczos1, RSS ≈ 1e-25): no acceleration for such steps.
            const bool accelerate = opt.geodesicAcceleration && it >= opt.accelerationAfter &&
                                    stepA.cwiseProduct(da).norm() > kAccelerationMinStep * xNorm;
            if (accelerate) {
                // Transtrum & Sethna (2012): second-order correction along the curved valley from the
                // directional second derivative r_vv ≈ (2/h)[(r(u + hv) − r(u))/h − Jv]; only its
                // projection Qᵀr_vv = (2/h)[Qᵀ(r(u + hv) − r(u))/h − R·v] enters the solve.
                constexpr double h = 0.1;
                uh = u;
                for (Index k = 0; k < na; ++k) {
                    const Index j = active[std::size_t(k)];
                    uh[j] = std::clamp(u[j] + h * stepA[k], lo[j], hi[j]);
                }
                if (res.value(uh, rH)) {
                    rvv = rH - r;
                    qr.applyQt(rvv, na);
                    b2.setZero(na);
                    for (Index i = 0; i < nq; ++i) {
                        double rv = 0.0;
                        for (Index k = i; k < na; ++k)
                            rv += qr.W(i, k) * stepA[k];
                        b2[i] = -(2.0 / h) * (rvv[i] / h - rv);
                    }
                    damped.solve(b2, acc);
                    const double ratio =
                        2.0 * acc.cwiseProduct(da).norm() / std::max(stepA.cwiseProduct(da).norm(), 1e-300);
                    if (ratio <= 0.75)
                        stepA += 0.5 * acc;
                    else
                        accelRejected = true;
                }
            }
            uNew = u;
            for (Index k = 0; k < na; ++k) {
                const Index j = active[std::size_t(k)];
                uNew[j] = std::clamp(u[j] + stepA[k], lo[j], hi[j]);
            }
            stepP.resize(na);
            for (Index k = 0; k < na; ++k)
                stepP[k] = uNew[active[std::size_t(k)]] - u[active[std::size_t(k)]];
            predictedResidual = qtr;
            for (Index i = 0; i < nq; ++i) {
                double s = 0.0;
                for (Index k = i; k < na; ++k)
                    s += qr.W(i, k) * stepP[k];
                predictedResidual[i] += s;
            }
            const double predicted = rss - (predictedResidual.squaredNorm() + perp);
            const bool finite = res.value(uNew, rNew);
            const double rssNew = finite ? rNew.squaredNorm() : std::numeric_limits<double>::infinity();
            const double actual = rss - rssNew;
            const double rho = predicted > 0.0 ? actual / predicted : (actual > 0.0 ? 1.0 : -1.0);
            const double stepNorm = stepP.cwiseProduct(da).norm();
            const bool accepted = finite && rho > 1e-4 && !accelRejected;
            if (accepted) {
                u = uNew;
                r.swap(rNew);
                rss = rssNew;
                lambda *= std::max(1.0 / 3.0, 1.0 - std::pow(2.0 * rho - 1.0, 3));
                nu = 2.0;
            } else {
                lambda = std::max(lambda * nu, lambdaFloor);
                nu *= 2.0;
            }
            // MINPACK's tests, applied after every trial step (Moré, Garbow & Hillstrom 1980).
            if (finite && std::abs(actual) <= opt.functionTolerance * rss &&
                predicted <= opt.functionTolerance * rss && rho <= 2.0) {
                out.reason =
                    "the relative reduction of the sum of squares is below " + num(opt.functionTolerance, 2);
                done = true;
            } else if (stepNorm <= opt.parameterTolerance * xNorm) {
                out.reason = "the relative parameter step is below " + num(opt.parameterTolerance, 2);
                done = true;
            } else if (lambda > 1e300 || stepNorm == 0.0) {
                out.reason = "no step reduces the sum of squares any further (machine precision)";
                done = true;
            }
            if (accepted) {
                if (!res.jacobian(u, r, lo, hi, J)) {
                    out.status = FitStatus::Stalled;
                    out.reason = "the Jacobian became NaN or infinite";
                    done = true;
                }
                break;
            }
            if (done) break;
        }
    }
    out.iterations = it;
    if (!done) {
        out.status = FitStatus::MaxIterations;
        out.reason = "the iteration limit (" + std::to_string(opt.maxIterations) + ") was reached";
    }
    for (Index j = 0; j < nf; ++j) {
        g[j] = J.col(j).dot(r);
        colNorm[j] = J.col(j).norm();
    }
    out.gradientCosine = gradientCosine(g, colNorm, r.norm(), held);
    // A stop on step/reduction size far from a stationary point is a stall, not convergence.
    // Residuals at rounding level (NIST Lanczos1, RSS ≈ 1e-25) make the cosine meaningless.
    const double yNorm = res.weightedObservationNorm();
    if (out.status == FitStatus::Converged && out.gradientCosine > 1e-4 && std::sqrt(rss) > 1e-10 * yNorm) {
        out.status = FitStatus::Stalled;
        out.reason += "; but the gradient is not small (max cos = " + num(out.gradientCosine, 3) + ")";
    }
    out.u = std::move(u);
    out.r = std::move(r);
    out.J = std::move(J);
    return out;
}

} // namespace

Expected<FitResult> fitLeastSquares(const FitProblem& problem, const FitOptions& opt)
{
    if (!problem.model) return fail("", "", "no model given");
    const Model& model = *problem.model;
    if (problem.parameters.size() != model.parameterCount())
        return fail("", "",
                    "the model has " + std::to_string(model.parameterCount()) + " parameters but " +
                        std::to_string(problem.parameters.size()) + " were set up");
    auto mapped = ParameterMap::build(problem.parameters);
    if (!mapped) return std::unexpected(mapped.error());
    const ParameterMap& map = *mapped;
    const std::size_t n = model.pointCount();
    const std::size_t nr = model.residualCount();
    const bool complex = model.isComplex();
    if (problem.observed.size() != nr)
        return fail("", "",
                    "the model predicts " + std::to_string(nr) + " values but " +
                        std::to_string(problem.observed.size()) + " observations were given");
    const std::size_t nFree = map.freeCount();
    if (nFree == 0) return fail("", "", "no parameter is free: nothing to fit");
    if (nr < nFree)
        return fail("", "",
                    "fewer data values (" + std::to_string(nr) + ") than free parameters (" +
                        std::to_string(nFree) + ")");
    auto pointName = [&](std::size_t i) {
        return complex ? "point " + std::to_string(i % n + 1) + (i < n ? " (real part)" : " (imaginary part)")
                       : "point " + std::to_string(i + 1);
    };
    VectorXd y(static_cast<Index>(nr)), sqrtW(static_cast<Index>(nr));
    for (std::size_t i = 0; i < nr; ++i) {
        y[Index(i)] = problem.observed[i];
        if (!std::isfinite(y[Index(i)]))
            return fail("", pointName(i), "the observed value is NaN or infinite");
    }
    switch (problem.weighting) {
    case Weighting::Unit:
        sqrtW.setOnes();
        break;
    case Weighting::Sigma: {
        const bool perPoint = complex && problem.sigma.size() == n;
        if (problem.sigma.size() != nr && !perPoint)
            return fail("", "σ column",
                        "has " + std::to_string(problem.sigma.size()) + " values for " + std::to_string(nr) +
                            " data values");
        for (std::size_t i = 0; i < nr; ++i) {
            const double s = problem.sigma[perPoint ? i % n : i];
            if (!(s > 0.0) || !std::isfinite(s))
                return fail("", pointName(i), "σ must be a positive number, got " + num(s));
            sqrtW[Index(i)] = 1.0 / s;
        }
        break;
    }
    case Weighting::Modulus:
        if (complex) {
            for (std::size_t i = 0; i < nr; ++i) {
                const double m = std::hypot(y[Index(i % n)], y[Index(i % n + n)]);
                if (m == 0.0) return fail("", pointName(i), "|Z| = 0 cannot be used with modulus weights");
                sqrtW[Index(i)] = 1.0 / m;
            }
            break;
        }
        [[fallthrough]];
    case Weighting::Proportional:
        for (std::size_t i = 0; i < nr; ++i) {
            if (y[Index(i)] == 0.0)
                return fail("", pointName(i), "y = 0 cannot be used with proportional weights (1/y²)");
            sqrtW[Index(i)] = 1.0 / std::abs(y[Index(i)]);
        }
        break;
    }

    VectorXd lo(static_cast<Index>(nFree)), hi(static_cast<Index>(nFree));
    for (std::size_t k = 0; k < nFree; ++k) {
        lo[Index(k)] = problem.parameters[std::size_t(map.freeIndex(k))].lower;
        hi[Index(k)] = problem.parameters[std::size_t(map.freeIndex(k))].upper;
    }
    Residual res(model, map, y, sqrtW, opt);
    VectorXd u = map.start();
    VectorXd r(static_cast<Index>(nr));
    if (!res.value(u, r)) {
        Index bad = 0;
        while (bad < r.size() && std::isfinite(r[bad]))
            ++bad;
        return fail("", pointName(std::size_t(bad)), "the model gives NaN or infinity at the start values");
    }
    MatrixXd J;
    if (!res.jacobian(u, r, lo, hi, J))
        return fail("", "", "the derivatives of the model are NaN or infinite at the start values");
    // A zero Jacobian column: the model does not depend on that parameter. It may be a property of
    // the start point only (a·b with a = 0), so look again at a few perturbed points.
    for (Index k = 0; k < J.cols(); ++k) {
        if (J.col(k).norm() > 0.0) continue;
        bool depends = false;
        std::mt19937_64 rng(12345);
        std::uniform_real_distribution<double> unif(-1.0, 1.0);
        for (int attempt = 0; attempt < 4 && !depends; ++attempt) {
            VectorXd up = u;
            for (Index j = 0; j < up.size(); ++j)
                up[j] = std::clamp(u[j] + 0.1 * (std::abs(u[j]) + 0.1) * unif(rng), lo[j], hi[j]);
            VectorXd rp(r.size());
            MatrixXd Jp;
            if (res.value(up, rp) && res.jacobian(up, rp, lo, hi, Jp)) depends = Jp.col(k).norm() > 0.0;
        }
        if (!depends)
            return fail(
                "", "parameter '" + problem.parameters[std::size_t(map.freeIndex(std::size_t(k)))].name + "'",
                "the model does not depend on this parameter (its derivative is zero everywhere); fix it or "
                "remove it");
    }

    LmOutcome lm = levenbergMarquardt(res, u, lo, hi, r, J, opt);
    // A stall with delayed acceleration (NIST BoxBOD from start 1 drifts onto the plateau
    // b2 → ∞): try once more from the start with acceleration from the first step, keep the better.
    if (lm.status != FitStatus::Converged && opt.geodesicAcceleration && opt.accelerationAfter > 0) {
        FitOptions again = opt;
        again.accelerationAfter = 0;
        LmOutcome second = levenbergMarquardt(res, u, lo, hi, r, J, again);
        const bool better = (second.status == FitStatus::Converged && lm.status != FitStatus::Converged) ||
                            (second.status == lm.status && second.r.squaredNorm() < lm.r.squaredNorm());
        second.iterations += lm.iterations;
        if (better)
            lm = std::move(second);
        else
            lm.iterations = second.iterations;
    }

    FitResult out;
    const std::size_t np = problem.parameters.size();
    VectorXd p;
    map.expand(lm.u, p);
    out.names.reserve(np);
    for (const Parameter& par : problem.parameters)
        out.names.push_back(par.name);
    out.values.assign(p.data(), p.data() + p.size());
    out.roles.resize(np);
    std::vector<char> onBound(nFree, 0);
    for (std::size_t i = 0; i < np; ++i) {
        const Parameter& par = problem.parameters[i];
        out.roles[i] = par.isTied() ? ParameterRole::Tied
                       : par.fixed  ? ParameterRole::Fixed
                                    : ParameterRole::Free;
    }
    for (std::size_t k = 0; k < nFree; ++k) {
        const double v = lm.u[Index(k)];
        if (v <= lo[Index(k)] || v >= hi[Index(k)]) {
            onBound[k] = 1;
            const std::size_t i = std::size_t(map.freeIndex(k));
            out.roles[i] = ParameterRole::OnBound;
            out.warnings.push_back("parameter '" + problem.parameters[i].name + "' ended on its " +
                                   (v <= lo[Index(k)] ? "lower" : "upper") + " bound (" + num(v) +
                                   "): it is treated as fixed there and has no standard error");
        }
    }
    out.status = lm.status;
    out.converged = lm.status == FitStatus::Converged;
    out.reason = lm.reason;
    out.iterations = lm.iterations;
    out.evaluations = res.evaluations;
    out.rss = lm.r.squaredNorm();
    std::vector<Index> est;
    for (std::size_t k = 0; k < nFree; ++k)
        if (!onBound[k]) est.push_back(Index(k));
    out.freeParameterCount = int(est.size());
    out.dof = int(nr) - int(est.size());
    out.chi2Reduced = out.dof > 0 ? out.rss / out.dof : kNaN;
    out.residualSd = std::sqrt(out.chi2Reduced);
    {
        VectorXd f(static_cast<Index>(nr));
        // fitted = y + r/√w (exact inverse of the residual definition)
        f = y + lm.r.cwiseQuotient(sqrtW);
        out.fitted.assign(f.data(), f.data() + f.size());
        out.residuals.resize(nr);
        for (std::size_t i = 0; i < nr; ++i)
            out.residuals[i] = y[Index(i)] - f[Index(i)];
    }
    if (!complex) {
        const VectorXd w = sqrtW.cwiseAbs2();
        const double ybar = w.dot(y) / w.sum();
        const double tss = (w.array() * (y.array() - ybar).square()).sum();
        out.r2 = tss > 0.0 ? 1.0 - out.rss / tss : kNaN;
    } else {
        out.r2 = kNaN;
    }
    if (out.dof == 0)
        out.warnings.push_back("as many data values as estimated parameters (dof = 0): no standard errors");

    // Covariance over the estimated parameters, from the SVD of the column-equilibrated Jacobian.
    const Index ne = Index(est.size());
    MatrixXd covE = MatrixXd::Constant(ne, ne, kNaN);
    std::vector<char> unidentifiable(std::size_t(ne), 0);
    if (ne > 0 && out.dof > 0) {
        MatrixXd Je(lm.J.rows(), ne);
        VectorXd s(ne);
        for (Index k = 0; k < ne; ++k) {
            Je.col(k) = lm.J.col(est[std::size_t(k)]);
            s[k] = Je.col(k).norm();
            if (s[k] == 0.0) s[k] = 1.0;
            Je.col(k) /= s[k];
        }
        Eigen::JacobiSVD<MatrixXd> svd(Je, Eigen::ComputeThinV);
        const VectorXd sv = svd.singularValues();
        const double cond = sv[ne - 1] > 0.0 ? sv[0] / sv[ne - 1] : std::numeric_limits<double>::infinity();
        const double scale = opt.scaleCovariance ? out.chi2Reduced : 1.0;
        const MatrixXd& V = svd.matrixV();
        MatrixXd inv = MatrixXd::Zero(ne, ne);
        const double tol = 1e-10 * sv[0];
        for (Index k = 0; k < ne; ++k) {
            if (sv[k] > tol) {
                inv += (V.col(k) / (sv[k] * sv[k])) * V.col(k).transpose();
            } else {
                for (Index j = 0; j < ne; ++j)
                    if (std::abs(V(j, k)) > 1e-3) unidentifiable[std::size_t(j)] = 1;
            }
        }
        covE = scale * s.cwiseInverse().asDiagonal() * inv * s.cwiseInverse().asDiagonal();
        std::string names;
        for (Index j = 0; j < ne; ++j) {
            if (!unidentifiable[std::size_t(j)]) continue;
            covE.row(j).setConstant(kNaN);
            covE.col(j).setConstant(kNaN);
            names += (names.empty() ? "'" : ", '") +
                     problem.parameters[std::size_t(map.freeIndex(std::size_t(est[std::size_t(j)])))].name +
                     "'";
        }
        if (!names.empty())
            out.warnings.push_back("the covariance matrix is singular: parameters " + names +
                                   " are not identifiable from these data (no standard errors)");
        else if (cond > 1e8)
            out.warnings.push_back("the covariance matrix is near-singular (condition number " +
                                   num(cond, 3) +
                                   " after column scaling): some parameters are barely identifiable");
    }
    // Propagate to the full parameter vector through dp/du (ties get g·Cov·gᵀ; fixed get 0).
    MatrixXd G;
    map.derivative(p, G);
    MatrixXd Ge(Index(np), ne);
    for (Index k = 0; k < ne; ++k)
        Ge.col(k) = G.col(est[std::size_t(k)]);
    // NaN-safe product: unidentifiable columns poison only the rows that depend on them.
    MatrixXd covClean = covE;
    for (Index k = 0; k < ne; ++k)
        if (unidentifiable[std::size_t(k)]) {
            covClean.row(k).setZero();
            covClean.col(k).setZero();
        }
    out.covariance = Ge * covClean * Ge.transpose();
    if (ne == 0 || out.dof <= 0) out.covariance.setConstant(kNaN);
    for (Index i = 0; i < Index(np); ++i) {
        bool poisoned = out.roles[std::size_t(i)] == ParameterRole::OnBound;
        for (Index k = 0; k < ne; ++k)
            if (unidentifiable[std::size_t(k)] && Ge(i, k) != 0.0) poisoned = true;
        if (poisoned) {
            out.covariance.row(i).setConstant(kNaN);
            out.covariance.col(i).setConstant(kNaN);
        }
    }
    out.stderrs.resize(np);
    out.correlation.resize(Index(np), Index(np));
    for (std::size_t i = 0; i < np; ++i) {
        const double v = out.covariance(Index(i), Index(i));
        out.stderrs[i] = out.roles[i] == ParameterRole::Fixed ? 0.0 : (v >= 0.0 ? std::sqrt(v) : kNaN);
    }
    for (Index i = 0; i < Index(np); ++i)
        for (Index j = 0; j < Index(np); ++j) {
            const double vi = out.covariance(i, i), vj = out.covariance(j, j);
            out.correlation(i, j) = (vi > 0.0 && vj > 0.0) ? out.covariance(i, j) / std::sqrt(vi * vj) : kNaN;
            if (i == j && vi > 0.0) out.correlation(i, j) = 1.0;
        }
    for (Index a = 0; a < ne; ++a)
        for (Index b = a + 1; b < ne; ++b) {
            const Index i = map.freeIndex(std::size_t(est[std::size_t(a)])),
                        j = map.freeIndex(std::size_t(est[std::size_t(b)]));
            const double c = out.correlation(i, j);
            if (std::abs(c) > opt.correlationWarning)
                out.warnings.push_back("parameters '" + out.names[std::size_t(i)] + "' and '" +
                                       out.names[std::size_t(j)] +
                                       "' are strongly correlated (r = " + num(c, 4) + ")");
        }
    if (!out.converged) out.warnings.push_back("the fit did not converge: " + out.reason);

    // Monte Carlo: refit replicas of the fitted curve with Gaussian noise of the fitted residual SD
    // (per point σ/√w), seeded so that results are reproducible.
    if (opt.monteCarloSamples > 0 && out.dof > 0) {
        std::mt19937_64 rng(opt.monteCarloSeed);
        std::normal_distribution<double> gauss(0.0, 1.0);
        FitOptions mcOpt = opt;
        mcOpt.monteCarloSamples = 0;
        FitProblem rep = problem;
        for (std::size_t i = 0; i < np; ++i)
            if (rep.parameters[i].isFree()) rep.parameters[i].value = out.values[i];
        std::vector<VectorXd> draws;
        const double sd = opt.scaleCovariance ? out.residualSd : 1.0;
        for (int s = 0; s < opt.monteCarloSamples; ++s) {
            for (std::size_t i = 0; i < nr; ++i)
                rep.observed[i] = out.fitted[i] + sd / sqrtW[Index(i)] * gauss(rng);
            if (problem.weighting == Weighting::Proportional || problem.weighting == Weighting::Modulus) {
                rep.weighting = Weighting::Sigma; // keep the original weights, not ones from noisy y
                rep.sigma.assign(nr, 0.0);
                for (std::size_t i = 0; i < nr; ++i)
                    rep.sigma[i] = 1.0 / sqrtW[Index(i)];
            }
            auto f = fitLeastSquares(rep, mcOpt);
            if (!f) continue;
            draws.push_back(Eigen::Map<const VectorXd>(f->values.data(), Index(np)));
        }
        out.monteCarloSamples = int(draws.size());
        out.monteCarloStderrs.assign(np, kNaN);
        if (draws.size() > 1) {
            VectorXd mean = VectorXd::Zero(Index(np)), m2 = VectorXd::Zero(Index(np));
            for (const auto& d : draws)
                mean += d;
            mean /= double(draws.size());
            for (const auto& d : draws)
                m2 += (d - mean).cwiseAbs2();
            for (std::size_t i = 0; i < np; ++i)
                out.monteCarloStderrs[i] = std::sqrt(m2[Index(i)] / double(draws.size() - 1));
        }
    }
    return out;
}

} // namespace vanadis::fit
