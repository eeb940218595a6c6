#include "numeric/xrd/LatticeRefinement.h"

#include "numeric/fit/AutoDiffModel.h"
#include "numeric/fit/LeastSquares.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string> cellNames(LatticeSystem s)
{
    switch (s) {
    case LatticeSystem::Cubic:
        return {"a"};
    case LatticeSystem::Tetragonal:
    case LatticeSystem::Hexagonal:
        return {"a", "c"};
    case LatticeSystem::Rhombohedral:
        return {"a", "alpha"};
    case LatticeSystem::Orthorhombic:
        return {"a", "b", "c"};
    case LatticeSystem::Monoclinic:
        return {"a", "b", "c", "beta"};
    case LatticeSystem::Triclinic:
        return {"a", "b", "c", "alpha", "beta", "gamma"};
    }
    return {};
}

UnitCell cellFromParams(LatticeSystem s, const double* p)
{
    switch (s) {
    case LatticeSystem::Cubic:
        return UnitCell::cubic(p[0]);
    case LatticeSystem::Tetragonal:
        return UnitCell::tetragonal(p[0], p[1]);
    case LatticeSystem::Hexagonal:
        return UnitCell::hexagonal(p[0], p[1]);
    case LatticeSystem::Rhombohedral:
        return UnitCell::rhombohedral(p[0], p[1]);
    case LatticeSystem::Orthorhombic:
        return UnitCell::orthorhombic(p[0], p[1], p[2]);
    case LatticeSystem::Monoclinic:
        return UnitCell::monoclinic(p[0], p[1], p[2], p[3]);
    case LatticeSystem::Triclinic:
        return UnitCell{p[0], p[1], p[2], p[3], p[4], p[5]};
    }
    return {};
}

std::vector<double> paramsFromCell(LatticeSystem s, const UnitCell& c)
{
    switch (s) {
    case LatticeSystem::Cubic:
        return {c.aA};
    case LatticeSystem::Tetragonal:
    case LatticeSystem::Hexagonal:
        return {c.aA, c.cA};
    case LatticeSystem::Rhombohedral:
        return {c.aA, c.alphaDeg};
    case LatticeSystem::Orthorhombic:
        return {c.aA, c.bA, c.cA};
    case LatticeSystem::Monoclinic:
        return {c.aA, c.bA, c.cA, c.betaDeg};
    case LatticeSystem::Triclinic:
        return {c.aA, c.bA, c.cA, c.alphaDeg, c.betaDeg, c.gammaDeg};
    }
    return {};
}

/// Q = 1/d² is linear in these terms of (h k l) for each lattice system (xrd.md §4 for hexagonal).
std::vector<double> linearTerms(LatticeSystem s, const Miller& m)
{
    const double h = m.h, k = m.k, l = m.l;
    switch (s) {
    case LatticeSystem::Cubic:
        return {h * h + k * k + l * l};
    case LatticeSystem::Tetragonal:
        return {h * h + k * k, l * l};
    case LatticeSystem::Hexagonal:
        return {h * h + h * k + k * k, l * l};
    case LatticeSystem::Rhombohedral:
        return {h * h + k * k + l * l, 2.0 * (h * k + h * l + k * l)};
    case LatticeSystem::Orthorhombic:
        return {h * h, k * k, l * l};
    case LatticeSystem::Monoclinic:
        return {h * h, k * k, l * l, 2.0 * h * l};
    case LatticeSystem::Triclinic:
        return {h * h, k * k, l * l, 2.0 * h * k, 2.0 * h * l, 2.0 * k * l};
    }
    return {};
}

/// G* {g11, g22, g33, g12, g13, g23} from the linear coefficients.
std::array<double, 6> gStarFromLinear(LatticeSystem s, const Eigen::VectorXd& x)
{
    switch (s) {
    case LatticeSystem::Cubic:
        return {x[0], x[0], x[0], 0, 0, 0};
    case LatticeSystem::Tetragonal:
        return {x[0], x[0], x[1], 0, 0, 0};
    case LatticeSystem::Hexagonal:
        return {x[0], x[0], x[1], x[0] / 2.0, 0, 0};
    case LatticeSystem::Rhombohedral:
        return {x[0], x[0], x[0], x[1], x[1], x[1]};
    case LatticeSystem::Orthorhombic:
        return {x[0], x[1], x[2], 0, 0, 0};
    case LatticeSystem::Monoclinic:
        return {x[0], x[1], x[2], 0, x[3], 0};
    case LatticeSystem::Triclinic:
        return {x[0], x[1], x[2], x[3], x[4], x[5]};
    }
    return {};
}

double twoThetaOf(const std::array<double, 6>& g, const Miller& m, double lambda)
{
    const double h = m.h, k = m.k, l = m.l;
    const double q =
        g[0] * h * h + g[1] * k * k + g[2] * l * l + 2.0 * (g[3] * h * k + g[4] * h * l + g[5] * k * l);
    const double s = std::clamp(lambda * std::sqrt(std::max(q, 0.0)) / 2.0, 0.0, 1.0);
    return 2.0 * std::asin(s) / kDegToRad;
}

/// Intensity-weighted mean calculated 2θ of a line's members.
double lineTwoTheta(const std::array<double, 6>& g, const RefinementLine& line, double lambda)
{
    double sum = 0.0, wsum = 0.0;
    for (std::size_t j = 0; j < line.hkl.size(); ++j) {
        const double w = j < line.weights.size() ? line.weights[j] : 1.0;
        sum += w * twoThetaOf(g, line.hkl[j], lambda);
        wsum += w;
    }
    return sum / wsum;
}

/// The angular form g(θ) of the displacement term (DiffractionGeometry), θ in radians.
double displacementForm(DiffractionGeometry g, double thetaRad)
{
    return g == DiffractionGeometry::Transmission ? std::cos(2.0 * thetaRad) : std::cos(thetaRad);
}

bool hasZero(PositionCorrection c)
{
    return c == PositionCorrection::ZeroShift || c == PositionCorrection::ZeroShiftAndDisplacement;
}
bool hasDisplacement(PositionCorrection c)
{
    return c == PositionCorrection::SampleDisplacement || c == PositionCorrection::ZeroShiftAndDisplacement;
}

} // namespace

int cellParameterCount(LatticeSystem system)
{
    return int(cellNames(system).size());
}

Expected<LatticeRefinement> refineLattice(std::span<const RefinementLine> lines, const UnitCell& start,
                                          const RefinementOptions& o)
{
    const LatticeSystem sys = o.system;
    const double lambda = o.wavelengthA;
    if (!(lambda > 0.0) || !std::isfinite(lambda)) return fail({}, {}, "the wavelength must be positive");
    if (!start.isValid()) return fail({}, {}, "the start cell is impossible");
    {
        // The start cell must already have the metric of the system (b = a, γ = 120° for hexagonal; b-unique
        // for monoclinic), else the refined cell would silently be a different one.
        const std::vector<double> ps = paramsFromCell(sys, start);
        const UnitCell back = cellFromParams(sys, ps.data());
        const double dl = std::max(
            {std::abs(back.aA - start.aA), std::abs(back.bA - start.bA), std::abs(back.cA - start.cA)});
        const double da =
            std::max({std::abs(back.alphaDeg - start.alphaDeg), std::abs(back.betaDeg - start.betaDeg),
                      std::abs(back.gammaDeg - start.gammaDeg)});
        if (dl > 1e-6 * start.aA || da > 1e-6)
            return fail(
                {}, {},
                "the start cell is not a " + std::string(latticeSystemName(sys)) +
                    " cell (monoclinic cells must be b-unique, trigonal ones on hexagonal or rhombohedral "
                    "axes as the system says)");
    }
    const bool fitZero = hasZero(o.correction), fitDisp = hasDisplacement(o.correction);
    const int nCell = cellParameterCount(sys);
    const int np = nCell + int(fitZero) + int(fitDisp);
    const int n = int(lines.size());
    if (n < np + 1)
        return fail({}, {},
                    "a " + std::string(latticeSystemName(sys)) +
                        " cell with these corrections needs at least " + std::to_string(np + 1) +
                        " indexed lines (got " + std::to_string(n) + ")");
    bool allSigma = true;
    for (int i = 0; i < n; ++i) {
        const RefinementLine& L = lines[std::size_t(i)];
        if (L.hkl.empty()) return fail({}, "line " + std::to_string(i + 1), "the line has no hkl");
        if (!(L.twoThetaDeg > 0.0 && L.twoThetaDeg < 180.0))
            return fail({}, "line " + std::to_string(i + 1), "2θ must lie between 0 and 180°");
        for (const Miller& m : L.hkl)
            if (m == Miller{})
                return fail({}, "line " + std::to_string(i + 1), "(0 0 0) is not a reflection");
        for (double w : L.weights)
            if (!(w >= 0.0)) return fail({}, "line " + std::to_string(i + 1), "negative overlap weight");
        if (!(L.sigmaDeg > 0.0)) allSigma = false;
    }

    LatticeRefinement out;
    out.system = sys;

    // 1. Linear start in Q (xrd.md §4): Q(2θ_obs) = Σ x·t(hkl) + (Z + D cosθ)·dQ/d2θ, weighted by 1/σ_Q.
    const int nLin = int(linearTerms(sys, Miller{1, 0, 0}).size());
    const int nCols = nLin + int(fitZero) + int(fitDisp);
    Eigen::MatrixXd X(n, nCols);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        const RefinementLine& L = lines[std::size_t(i)];
        const double th = L.twoThetaDeg * kDegToRad / 2.0;
        const double q = 4.0 * std::sin(th) * std::sin(th) / (lambda * lambda);
        const double dq = 2.0 * std::sin(2.0 * th) / (lambda * lambda) * kDegToRad; // per degree 2θ
        const double sigQ = dq * (allSigma ? L.sigmaDeg : 1.0);
        std::vector<double> t(std::size_t(nLin), 0.0);
        double wsum = 0.0;
        for (std::size_t j = 0; j < L.hkl.size(); ++j) {
            const double w = j < L.weights.size() ? L.weights[j] : 1.0;
            const auto tj = linearTerms(sys, L.hkl[j]);
            for (int c = 0; c < nLin; ++c)
                t[std::size_t(c)] += w * tj[std::size_t(c)];
            wsum += w;
        }
        if (!(wsum > 0.0)) return fail({}, "line " + std::to_string(i + 1), "overlap weights sum to zero");
        for (int c = 0; c < nLin; ++c)
            X(i, c) = t[std::size_t(c)] / wsum / sigQ;
        int c = nLin;
        if (fitZero) X(i, c++) = dq / sigQ;
        if (fitDisp) X(i, c++) = dq * displacementForm(o.geometry, th) / sigQ;
        y(i) = q / sigQ;
    }
    // Columns scaled to unit norm so the rank test is independent of units.
    Eigen::VectorXd norms = X.colwise().norm();
    for (int c = 0; c < nCols; ++c)
        if (norms(c) == 0.0) norms(c) = 1.0;
    const Eigen::MatrixXd Xs = X * norms.cwiseInverse().asDiagonal();
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(Xs);
    qr.setThreshold(1e-9);
    if (qr.rank() < nCols)
        return fail(
            {}, {},
            "the indexed lines cannot determine every parameter of the " +
                std::string(latticeSystemName(sys)) +
                " cell and the corrections (e.g. only (h k 0) lines leave c free, only (0 0 l) lines leave a "
                "free; zero shift and displacement need lines spread in 2θ)");
    const Eigen::VectorXd xs = qr.solve(y);
    const Eigen::VectorXd x = norms.cwiseInverse().asDiagonal() * xs;
    const UnitCell lin = cellFromReciprocalMetric(gStarFromLinear(sys, x.head(nLin)));
    out.linearStart = lin;

    std::vector<double> p0 = paramsFromCell(sys, start);
    if (lin.isValid()) {
        const std::vector<double> pl = paramsFromCell(sys, lin);
        bool plausible = true;
        for (int k = 0; k < nCell; ++k)
            if (!(std::abs(pl[std::size_t(k)] / p0[std::size_t(k)] - 1.0) < 0.2)) plausible = false;
        if (plausible)
            p0 = pl;
        else
            out.warnings.push_back(
                "the linear Q-space solution is more than 20 % from the start cell; refining "
                "from the start cell instead");
    } else {
        out.warnings.push_back(
            "the linear Q-space solution is not a valid cell; refining from the start cell");
    }

    // 2. Weighted non-linear least squares in 2θ with the shared engine.
    std::vector<fit::Parameter> params;
    const std::vector<std::string> names = cellNames(sys);
    for (int k = 0; k < nCell; ++k) {
        fit::Parameter par;
        par.name = names[std::size_t(k)];
        par.value = p0[std::size_t(k)];
        const bool isAngle = par.name == "alpha" || par.name == "beta" || par.name == "gamma";
        par.lower = isAngle ? std::max(1.0, par.value - 30.0) : 0.5 * par.value;
        par.upper = isAngle ? std::min(179.0, par.value + 30.0) : 2.0 * par.value;
        params.push_back(par);
    }
    int linCol = nLin;
    if (fitZero) {
        fit::Parameter par;
        par.name = "zero";
        par.value = std::isfinite(x(linCol)) && std::abs(x(linCol)) < 5.0 ? x(linCol) : o.zeroShiftStartDeg;
        ++linCol;
        params.push_back(par);
    }
    if (fitDisp) {
        fit::Parameter par;
        par.name = "displacement";
        par.value = std::isfinite(x(linCol)) && std::abs(x(linCol)) < 5.0 ? x(linCol) : 0.0;
        params.push_back(par);
    }
    const std::vector<RefinementLine> lineCopy(lines.begin(), lines.end());
    auto evaluate = [&, nCell, fitZero, fitDisp](std::span<const double> p, std::span<double> outv) {
        const UnitCell c = cellFromParams(sys, p.data());
        const auto g = c.reciprocalMetric();
        const double z = fitZero ? p[std::size_t(nCell)] : 0.0;
        const double d = fitDisp ? p[std::size_t(nCell + int(fitZero))] : 0.0;
        for (std::size_t i = 0; i < lineCopy.size(); ++i) {
            const double tt = lineTwoTheta(g, lineCopy[i], lambda);
            outv[i] = tt + z + d * displacementForm(o.geometry, tt * kDegToRad / 2.0);
        }
    };
    fit::FunctionModel model(std::size_t(np), std::size_t(n), evaluate);
    fit::FitProblem problem;
    problem.model = &model;
    problem.parameters = params;
    for (const RefinementLine& L : lines) {
        problem.observed.push_back(L.twoThetaDeg);
        if (allSigma) problem.sigma.push_back(L.sigmaDeg);
    }
    problem.weighting = allSigma ? fit::Weighting::Sigma : fit::Weighting::Unit;
    fit::FitOptions fo;
    fo.scaleCovariance = o.scaleEsdByFit || !allSigma;
    if (!o.scaleEsdByFit && !allSigma)
        out.warnings.push_back("no position uncertainties given: esd scaled by the fit residuals");
    const Expected<fit::FitResult> fr = fit::fitLeastSquares(problem, fo);
    if (!fr) return fail({}, {}, "the lattice refinement failed: " + fr.error().reason);
    const fit::FitResult& r = *fr;

    std::vector<double> pv(r.values.begin(), r.values.end());
    out.cell = cellFromParams(sys, pv.data());
    out.converged = r.converged;
    if (!r.converged) out.warnings.push_back("the refinement did not converge: " + r.reason);
    for (const std::string& w : r.warnings)
        out.warnings.push_back(w);
    out.parameterNames = r.names;
    out.correlation.assign(std::size_t(np * np), kNaN);
    for (int i = 0; i < np; ++i)
        for (int j = 0; j < np; ++j)
            out.correlation[std::size_t(i * np + j)] = r.correlation(i, j);
    out.dof = r.dof;
    out.chi2Reduced = r.chi2Reduced;

    // esd per cell parameter; constrained ones take the esd of the parameter they equal.
    auto esdOf = [&](const char* name) {
        const int i = r.indexOf(name);
        return i >= 0 ? r.stderrs[std::size_t(i)] : 0.0;
    };
    UnitCell e{0, 0, 0, 0, 0, 0};
    e.aA = esdOf("a");
    switch (sys) {
    case LatticeSystem::Cubic:
        e.bA = e.cA = e.aA;
        break;
    case LatticeSystem::Tetragonal:
    case LatticeSystem::Hexagonal:
        e.bA = e.aA;
        e.cA = esdOf("c");
        break;
    case LatticeSystem::Rhombohedral:
        e.bA = e.cA = e.aA;
        e.alphaDeg = e.betaDeg = e.gammaDeg = esdOf("alpha");
        break;
    case LatticeSystem::Orthorhombic:
        e.bA = esdOf("b");
        e.cA = esdOf("c");
        break;
    case LatticeSystem::Monoclinic:
        e.bA = esdOf("b");
        e.cA = esdOf("c");
        e.betaDeg = esdOf("beta");
        break;
    case LatticeSystem::Triclinic:
        e.bA = esdOf("b");
        e.cA = esdOf("c");
        e.alphaDeg = esdOf("alpha");
        e.betaDeg = esdOf("beta");
        e.gammaDeg = esdOf("gamma");
        break;
    }
    out.esd = e;

    // Volume esd: σ_V² = g·Cov·gᵀ with g = ∂V/∂p by central differences over the cell parameters.
    out.volumeA3 = out.cell.volumeA3();
    Eigen::VectorXd grad = Eigen::VectorXd::Zero(np);
    for (int k = 0; k < nCell; ++k) {
        std::vector<double> pp = pv, pm = pv;
        const double hstep = 1e-6 * std::max(1.0, std::abs(pv[std::size_t(k)]));
        pp[std::size_t(k)] += hstep;
        pm[std::size_t(k)] -= hstep;
        grad(k) = (cellFromParams(sys, pp.data()).volumeA3() - cellFromParams(sys, pm.data()).volumeA3()) /
                  (2.0 * hstep);
    }
    const Eigen::MatrixXd cov = r.covariance.topLeftCorner(nCell, nCell);
    out.volumeEsdA3 = std::sqrt(std::max(0.0, double(grad.head(nCell).transpose() * cov * grad.head(nCell))));
    if (!cov.allFinite()) out.volumeEsdA3 = kNaN;

    if (fitZero) {
        out.zeroShiftDeg = r.values[std::size_t(nCell)];
        out.zeroShiftEsdDeg = r.stderrs[std::size_t(nCell)];
    }
    out.displacementMm = out.displacementEsdMm = kNaN;
    if (fitDisp) {
        const std::size_t k = std::size_t(nCell + int(fitZero));
        out.displacementCoefDeg = r.values[k];
        out.displacementCoefEsdDeg = r.stderrs[k];
        if (o.goniometerRadiusMm > 0.0) {
            // Reflection D = −(2s/R)·180/π ⇒ s = −D·(π/180)·R/2 (xrd.md §4); transmission D = −(s/R)·180/π.
            const double perD = (o.geometry == DiffractionGeometry::Transmission ? 1.0 : 0.5) * kDegToRad *
                                o.goniometerRadiusMm;
            out.displacementMm = -out.displacementCoefDeg * perD;
            out.displacementEsdMm = out.displacementCoefEsdDeg * perD;
        }
    }

    const auto g = out.cell.reciprocalMetric();
    double ss = 0.0;
    for (int i = 0; i < n; ++i) {
        const RefinementLine& L = lines[std::size_t(i)];
        LineResidual lr;
        lr.hkl = L.hkl;
        lr.observedDeg = L.twoThetaDeg;
        lr.calculatedDeg = r.fitted[std::size_t(i)];
        lr.residualDeg = lr.observedDeg - lr.calculatedDeg;
        const double ttCell = lineTwoTheta(g, L, lambda);
        const double instrument = lr.calculatedDeg - ttCell; // zero + displacement at this line
        lr.dObservedA = braggDSpacingA(L.twoThetaDeg - instrument, lambda);
        lr.dCalculatedA = braggDSpacingA(ttCell, lambda);
        ss += lr.residualDeg * lr.residualDeg;
        out.lines.push_back(lr);
    }
    out.residualSdDeg = out.dof > 0 ? std::sqrt(ss / out.dof) : kNaN;
    if (out.dof < 3) out.warnings.push_back("few lines beyond the parameter count: the esd are unreliable");
    return out;
}

} // namespace vanadis::xrd
