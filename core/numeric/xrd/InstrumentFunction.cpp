#include "numeric/xrd/InstrumentFunction.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double v, int digits = 4)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

/// Weighted linear least squares y ≈ A·p with 1σ errors \a sigma: parameters, covariance scaled by
/// χ²_red (when there are degrees of freedom), χ²_red.
struct WeightedFit {
    Eigen::VectorXd p;
    Eigen::MatrixXd cov;
    double chi2Reduced = 0.0;
    bool ok = false;
};

WeightedFit weightedLeastSquares(const Eigen::MatrixXd& a, const Eigen::VectorXd& y,
                                 const Eigen::VectorXd& sigma)
{
    WeightedFit f;
    const Eigen::Index n = a.rows(), m = a.cols();
    Eigen::MatrixXd aw = a;
    Eigen::VectorXd yw = y;
    for (Eigen::Index i = 0; i < n; ++i) {
        aw.row(i) /= sigma(i);
        yw(i) /= sigma(i);
    }
    // Columns scaled to unit norm: tan²θ and 1 differ by orders of magnitude at low angle.
    Eigen::VectorXd scale(m);
    for (Eigen::Index j = 0; j < m; ++j) {
        scale(j) = aw.col(j).norm();
        if (!(scale(j) > 0.0)) return f;
        aw.col(j) /= scale(j);
    }
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(aw);
    if (qr.rank() < m) return f;
    Eigen::VectorXd ps = qr.solve(yw);
    const double chi2 = (aw * ps - yw).squaredNorm();
    const Eigen::Index dof = n - m;
    f.chi2Reduced = dof > 0 ? chi2 / double(dof) : 0.0;
    Eigen::MatrixXd covS = (aw.transpose() * aw).inverse();
    if (dof > 0) covS *= f.chi2Reduced;
    f.p = ps.cwiseQuotient(scale);
    f.cov = covS;
    for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < m; ++j)
            f.cov(i, j) /= scale(i) * scale(j);
    f.ok = true;
    return f;
}

} // namespace

InstrumentBroadening CagliotiFit::broadening() const
{
    InstrumentBroadening b;
    b.kind = InstrumentBroadening::Kind::Caglioti;
    b.uDeg2 = uDeg2;
    b.vDeg2 = vDeg2;
    b.wDeg2 = wDeg2;
    b.xDeg = xDeg;
    b.yDeg = yDeg;
    return b;
}

double cagliotiGaussFwhmDeg(double u, double v, double w, double twoThetaDeg)
{
    const double t = std::tan(0.5 * twoThetaDeg * kRadPerDeg);
    const double g2 = u * t * t + v * t + w;
    return g2 >= 0.0 ? std::sqrt(g2) : kNaN;
}

double instrumentFwhmDeg(const InstrumentBroadening& instrument, double twoThetaDeg, double* eta)
{
    auto w = instrumentWidths(instrument, twoThetaDeg);
    if (!w) {
        if (eta) *eta = kNaN;
        return kNaN;
    }
    double f = 0.0, e = 0.0;
    tchCombine(*w, f, e);
    if (eta) *eta = e;
    return f;
}

Expected<CagliotiFit> fitCagliotiFunction(std::span<const InstrumentLine> lines, const CagliotiFitOptions& o)
{
    // Usable lines: a width, and a width error (if stated) below half the width (a weak line's width is
    // noise).
    std::vector<std::size_t> use;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const InstrumentLine& l = lines[i];
        const double total = l.fwhmDeg > 0.0 ? l.fwhmDeg : l.gaussFwhmDeg;
        if (std::isfinite(l.twoThetaDeg) && l.twoThetaDeg > 0.0 && l.twoThetaDeg < 180.0 &&
            std::isfinite(l.gaussFwhmDeg) && l.gaussFwhmDeg >= 0.0 && total > 0.0 &&
            !(l.gaussFwhmErrDeg > 0.5 * total))
            use.push_back(i);
    }
    auto tooFew = [&] {
        if (use.size() < 3) return true;
        double lo = 180.0, hi = 0.0;
        for (std::size_t i : use)
            lo = std::min(lo, lines[i].twoThetaDeg), hi = std::max(hi, lines[i].twoThetaDeg);
        return hi - lo < 1.0;
    };
    if (tooFew())
        return fail("", "instrument function",
                    "fewer than 3 lines of the standard with a width over a 2θ range: U, V and W cannot be "
                    "fitted (measure the standard over a wide 2θ range)");
    auto totalOf = [&](std::size_t i) {
        return lines[i].fwhmDeg > 0.0 ? lines[i].fwhmDeg : lines[i].gaussFwhmDeg;
    };
    // Γ_G² against tan²θ, tanθ, 1. σ(Γ²) = 2Γσ(Γ), with the line's total FWHM as Γ there: a Gaussian part
    // split off as ≈ 0 must not get an infinite weight.
    auto fitGauss = [&](const std::vector<std::size_t>& idx) {
        const Eigen::Index n = Eigen::Index(idx.size());
        Eigen::MatrixXd a(n, 3);
        Eigen::VectorXd y(n), sigma(n);
        for (Eigen::Index k = 0; k < n; ++k) {
            const InstrumentLine& l = lines[idx[std::size_t(k)]];
            const double t = std::tan(0.5 * l.twoThetaDeg * kRadPerDeg), total = totalOf(idx[std::size_t(k)]);
            a(k, 0) = t * t;
            a(k, 1) = t;
            a(k, 2) = 1.0;
            y(k) = l.gaussFwhmDeg * l.gaussFwhmDeg;
            const double err = std::max(std::isfinite(l.gaussFwhmErrDeg) ? l.gaussFwhmErrDeg : 0.0,
                                        o.relativeErrorFloor * total);
            sigma(k) = 2.0 * total * err;
        }
        return weightedLeastSquares(a, y, sigma);
    };
    // Outliers (an overlapped or weak line the profile fit widened or narrowed): the line farthest off the
    // curve is left out while it lies more than 4 robust standard deviations (at least 10 %) off, keeping
    // at least 4 lines.
    WeightedFit g = fitGauss(use);
    std::vector<std::size_t> dropped;
    while (g.ok && use.size() > 4) {
        std::vector<double> dev;
        for (std::size_t i : use) {
            const double f = cagliotiGaussFwhmDeg(g.p(0), g.p(1), g.p(2), lines[i].twoThetaDeg);
            dev.push_back(std::isfinite(f) ? std::abs(lines[i].gaussFwhmDeg - f) / totalOf(i) : 1.0);
        }
        std::vector<double> sorted = dev;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
        const double limit = std::max(0.10, 4.0 * 1.4826 * sorted[sorted.size() / 2]);
        const auto worst = std::max_element(dev.begin(), dev.end());
        if (*worst <= limit) break;
        dropped.push_back(use[std::size_t(worst - dev.begin())]);
        use.erase(use.begin() + (worst - dev.begin()));
        g = fitGauss(use);
    }
    const Eigen::Index n = Eigen::Index(use.size());
    if (!g.ok)
        return fail("", "instrument function",
                    "the lines of the standard do not determine U, V and W (all at nearly the same angle)");
    CagliotiFit out;
    out.nLines = int(n);
    out.uDeg2 = g.p(0);
    out.vDeg2 = g.p(1);
    out.wDeg2 = g.p(2);
    out.uErrDeg2 = std::sqrt(std::max(0.0, g.cov(0, 0)));
    out.vErrDeg2 = std::sqrt(std::max(0.0, g.cov(1, 1)));
    out.wErrDeg2 = std::sqrt(std::max(0.0, g.cov(2, 2)));
    auto corr = [&](int i, int j) {
        const double d = std::sqrt(g.cov(i, i) * g.cov(j, j));
        return d > 0.0 ? g.cov(i, j) / d : 0.0;
    };
    out.correlationUV = corr(0, 1);
    out.correlationUW = corr(0, 2);
    out.correlationVW = corr(1, 2);
    out.chi2Reduced = g.chi2Reduced;

    // The Lorentzian part, when the profile has one and there are enough lines.
    bool anyLorentz = false;
    for (std::size_t i : use)
        anyLorentz = anyLorentz || lines[i].lorentzFwhmDeg > 0.0;
    if (o.fitLorentzian && anyLorentz) {
        Eigen::MatrixXd b(n, 2);
        Eigen::VectorXd yl(n), sl(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const InstrumentLine& l = lines[use[std::size_t(i)]];
            const double th = 0.5 * l.twoThetaDeg * kRadPerDeg;
            b(i, 0) = std::tan(th);
            b(i, 1) = 1.0 / std::cos(th);
            yl(i) = std::max(0.0, l.lorentzFwhmDeg);
            // The floor relative to the total width: a Lorentz part near 0 has no meaningful relative error.
            sl(i) = std::max(std::isfinite(l.lorentzFwhmErrDeg) ? l.lorentzFwhmErrDeg : 0.0,
                             o.relativeErrorFloor * std::max(l.fwhmDeg, l.gaussFwhmDeg));
        }
        const WeightedFit lf = weightedLeastSquares(b, yl, sl);
        if (lf.ok && lf.p(0) >= 0.0 && lf.p(1) >= 0.0) {
            out.lorentzianFitted = true;
            out.xDeg = lf.p(0);
            out.yDeg = lf.p(1);
            out.xErrDeg = std::sqrt(std::max(0.0, lf.cov(0, 0)));
            out.yErrDeg = std::sqrt(std::max(0.0, lf.cov(1, 1)));
        } else if (lf.ok) {
            // X and Y are widths (≥ 0): with one negative, the other term alone (the function would turn
            // negative beyond the measured range otherwise).
            const int keep = lf.p(0) < 0.0 ? 1 : 0;
            const WeightedFit one = weightedLeastSquares(b.col(keep), yl, sl);
            if (one.ok && one.p(0) > 0.0) {
                out.lorentzianFitted = true;
                (keep == 0 ? out.xDeg : out.yDeg) = one.p(0);
                (keep == 0 ? out.xErrDeg : out.yErrDeg) = std::sqrt(std::max(0.0, one.cov(0, 0)));
            }
        }
    }

    // Where the fitted functions are not physical within the measured range.
    double lo = 180.0, hi = 0.0;
    for (std::size_t i : use)
        lo = std::min(lo, lines[i].twoThetaDeg), hi = std::max(hi, lines[i].twoThetaDeg);
    out.used.assign(lines.size(), false);
    for (std::size_t i : use)
        out.used[i] = true;
    if (!dropped.empty())
        out.warnings.push_back(
            std::to_string(dropped.size()) +
            " line(s) of the standard were left out of the instrument function: their widths lie "
            "far off the curve of the others (overlap or a weak line).");
    bool negativeG = !(out.wDeg2 > 0.0), negativeL = false;
    for (int k = 0; k <= 100; ++k) {
        const double tt = lo + (hi - lo) * k / 100.0;
        if (!std::isfinite(cagliotiGaussFwhmDeg(out.uDeg2, out.vDeg2, out.wDeg2, tt))) negativeG = true;
        const double th = 0.5 * tt * kRadPerDeg;
        if (out.xDeg * std::tan(th) + out.yDeg / std::cos(th) < 0.0) negativeL = true;
    }
    if (negativeG)
        out.warnings.push_back("The fitted Caglioti function U tan²θ + V tanθ + W is not positive everywhere "
                               "(W = " +
                               num(out.wDeg2) +
                               " deg²): the standard's lines do not follow it; "
                               "check the fit of the standard.");
    if (negativeL) {
        // A negative Lorentz width is no instrument: keep the Gaussian function alone.
        out.warnings.push_back("The fitted Lorentzian width X tanθ + Y/cosθ is negative within the measured "
                               "range: the instrument is taken as Gaussian (X = Y = 0).");
        out.xDeg = out.yDeg = out.xErrDeg = out.yErrDeg = 0.0;
        out.lorentzianFitted = false;
    }
    if (std::max({std::abs(out.correlationUV), std::abs(out.correlationUW), std::abs(out.correlationVW)}) >
        0.99)
        out.warnings.push_back(
            "U, V and W are correlated by more than 0.99 (a narrow 2θ range): the curve is "
            "well defined between the lines but not beyond them.");

    // How well the total FWHM of the function matches each line as fitted.
    const InstrumentBroadening ib = out.broadening();
    double ss = 0.0;
    int far = 0, counted = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const InstrumentLine& l = lines[i];
        const double f = instrumentFwhmDeg(ib, l.twoThetaDeg);
        const double ref = l.fwhmDeg > 0.0 ? l.fwhmDeg : l.gaussFwhmDeg;
        const double r = std::isfinite(f) && ref > 0.0 ? 100.0 * (f - ref) / ref : kNaN;
        out.functionFwhmDeg.push_back(f);
        out.residualPct.push_back(r);
        if (!std::isfinite(r) || !out.used[i]) continue;
        ss += r * r;
        ++counted;
        out.maxResidualPct = std::max(out.maxResidualPct, std::abs(r));
        if (std::abs(r) > 10.0) ++far;
    }
    out.rmsResidualPct = std::sqrt(ss / double(std::max(1, counted)));
    if (far > 0)
        out.warnings.push_back(
            std::to_string(far) +
            " line(s) of the standard lie more than 10 % off the fitted instrument function "
            "(overlap, a weak line or sample broadening).");
    return out;
}

} // namespace vanadis::xrd
