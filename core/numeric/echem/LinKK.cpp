#include "numeric/echem/LinKK.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vanadis::echem {

namespace {

struct LinearSolution {
    Eigen::VectorXd x;
    std::vector<double> tau;
};

/// Solves the weighted linear problem for M elements. Unknowns: R0, R1…RM, [L], [1/C]. Real or
/// imaginary fits solve for the columns that part determines, then get the others from the other
/// part's residual (as Schönleber et al. describe: R0 from the real part, L and C from the imaginary).
LinearSolution solve(const EisSpectrum& s, const std::vector<double>& w, double wMin, double wMax, int m,
                     const LinKKOptions& o)
{
    const Eigen::Index n = Eigen::Index(s.size());
    const int cols = 1 + m + (o.inductance ? 1 : 0) + (o.seriesCapacitor ? 1 : 0);
    LinearSolution sol;
    sol.tau.resize(std::size_t(m));
    for (int k = 0; k < m; ++k) {
        const double t = m == 1 ? 0.0 : double(k) / double(m - 1);
        sol.tau[std::size_t(k)] = std::exp(std::log(1.0 / wMax) * (1.0 - t) + std::log(1.0 / wMin) * t);
    }
    Eigen::MatrixXd re = Eigen::MatrixXd::Zero(n, cols), im = Eigen::MatrixXd::Zero(n, cols);
    Eigen::VectorXd bre(n), bim(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double om = w[std::size_t(i)];
        const double inv = 1.0 / std::hypot(s.zRealOhm[std::size_t(i)], s.zImagOhm[std::size_t(i)]);
        re(i, 0) = inv;
        bre(i) = s.zRealOhm[std::size_t(i)] * inv;
        bim(i) = s.zImagOhm[std::size_t(i)] * inv;
        for (int k = 0; k < m; ++k) {
            const double wt = om * sol.tau[std::size_t(k)];
            const double d = 1.0 / (1.0 + wt * wt);
            re(i, 1 + k) = d * inv;
            im(i, 1 + k) = -wt * d * inv;
        }
        int c = 1 + m;
        if (o.inductance) im(i, c++) = om * inv;
        if (o.seriesCapacitor) im(i, c) = -inv / om;
    }
    // Columns of the real part: R0, Rk; of the imaginary part: Rk, L, 1/C.
    const int extra = cols - 1 - m;
    switch (o.part) {
    case LinKKFitPart::Complex: {
        Eigen::MatrixXd a(2 * n, cols);
        a << re, im;
        Eigen::VectorXd b(2 * n);
        b << bre, bim;
        sol.x = a.colPivHouseholderQr().solve(b);
        break;
    }
    case LinKKFitPart::Real: {
        sol.x = Eigen::VectorXd::Zero(cols);
        sol.x.head(1 + m) = re.leftCols(1 + m).colPivHouseholderQr().solve(bre);
        if (extra > 0) {
            const Eigen::VectorXd rest = bim - im.leftCols(1 + m) * sol.x.head(1 + m);
            sol.x.tail(extra) = im.rightCols(extra).colPivHouseholderQr().solve(rest);
        }
        break;
    }
    case LinKKFitPart::Imaginary: {
        sol.x = Eigen::VectorXd::Zero(cols);
        sol.x.tail(cols - 1) = im.rightCols(cols - 1).colPivHouseholderQr().solve(bim);
        const Eigen::VectorXd rest = bre - re.rightCols(cols - 1) * sol.x.tail(cols - 1);
        sol.x(0) = re.col(0).dot(rest) / re.col(0).squaredNorm();
        break;
    }
    }
    return sol;
}

double muOf(const Eigen::VectorXd& x, int m)
{
    double neg = 0.0, pos = 0.0;
    for (int k = 0; k < m; ++k)
        (x(1 + k) < 0 ? neg : pos) += std::abs(x(1 + k));
    return pos > 0 ? 1.0 - neg / pos : 0.0;
}

} // namespace

Expected<LinKKResult> linKK(const EisSpectrum& spectrum, const LinKKOptions& o)
{
    if (auto ok = validateSpectrum(spectrum, 4); !ok) return std::unexpected(ok.error());
    if (!(o.muCriterion > 0 && o.muCriterion <= 1))
        return fail("", "", "the μ criterion must lie in (0, 1]; Schönleber et al. use 0.85");
    const std::size_t n = spectrum.size();
    std::vector<double> w(n);
    double wMin = INFINITY, wMax = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        w[i] = 2.0 * std::numbers::pi * spectrum.frequencyHz[i];
        wMin = std::min(wMin, w[i]);
        wMax = std::max(wMax, w[i]);
    }
    const int maxM = o.maxM > 0 ? o.maxM : int(std::min<std::size_t>(n, 100));
    LinKKResult out;
    LinearSolution sol;
    int m = 0;
    double mu = 1.0;
    if (o.fixedM > 0) {
        m = o.fixedM;
        sol = solve(spectrum, w, wMin, wMax, m, o);
        mu = muOf(sol.x, m);
    } else {
        const int decades = int(std::ceil(std::log10(wMax / wMin) - 1e-9));
        const int minM = std::clamp(o.minM > 0 ? o.minM : decades, 1, maxM);
        for (m = minM; m <= maxM; ++m) {
            sol = solve(spectrum, w, wMin, wMax, m, o);
            mu = muOf(sol.x, m);
            if (mu <= o.muCriterion) break;
        }
        if (m > maxM) {
            m = maxM;
            out.muReached = false;
        }
    }
    out.m = m;
    out.mu = mu;
    out.tauS = sol.tau;
    out.r0Ohm = sol.x(0);
    out.rOhm.assign(sol.x.data() + 1, sol.x.data() + 1 + m);
    int c = 1 + m;
    out.inductanceH = o.inductance ? sol.x(c++) : 0.0;
    out.capacitanceF = o.seriesCapacitor && sol.x(c) != 0.0 ? 1.0 / sol.x(c) : INFINITY;
    const double invC = o.seriesCapacitor ? sol.x(c) : 0.0;
    out.fitted.resize(n);
    out.residualRealPct.resize(n);
    out.residualImagPct.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::complex<double> z(out.r0Ohm, w[i] * out.inductanceH - invC / w[i]);
        for (int k = 0; k < m; ++k)
            z += out.rOhm[std::size_t(k)] / std::complex<double>(1.0, w[i] * out.tauS[std::size_t(k)]);
        out.fitted[i] = z;
        const double mod = std::hypot(spectrum.zRealOhm[i], spectrum.zImagOhm[i]);
        out.residualRealPct[i] = 100.0 * (spectrum.zRealOhm[i] - z.real()) / mod;
        out.residualImagPct[i] = 100.0 * (spectrum.zImagOhm[i] - z.imag()) / mod;
        out.maxResidualPct = std::max(
            {out.maxResidualPct, std::abs(out.residualRealPct[i]), std::abs(out.residualImagPct[i])});
    }
    return out;
}

} // namespace vanadis::echem
