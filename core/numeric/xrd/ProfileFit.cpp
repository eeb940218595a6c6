#include "numeric/xrd/ProfileFit.h"

#include "numeric/fit/LeastSquares.h"
#include "numeric/lineshape/PeakSumModel.h"
#include "numeric/xrd/CrystalliteSize.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <optional>

namespace vanadis::xrd {

namespace {

using lineshape::Shape;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double v, int digits = 4)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

std::string literal(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

Shape lineShape(ProfileShape s)
{
    switch (s) {
    case ProfileShape::PseudoVoigt:
        return Shape::PseudoVoigt;
    case ProfileShape::SplitPseudoVoigt:
        return Shape::SplitPseudoVoigt;
    case ProfileShape::PearsonVII:
        return Shape::PearsonVII;
    case ProfileShape::Voigt:
        return Shape::Voigt;
    }
    return Shape::PseudoVoigt;
}

const char* shapeName(ProfileShape s)
{
    return s == ProfileShape::PearsonVII ? "exponent" : (s == ProfileShape::Voigt ? "fwhm_l" : "eta");
}

/// Current values of one reflection's Kα1 line.
struct LineState {
    double center = 0.0, fwhmL = 0.1, fwhmR = 0.1, shape = 0.5, area = 1.0;
    ProfilePeakStart start;
};

struct HumpState {
    double center = 0.0, fwhm = 5.0, area = 1.0, minFwhm = 2.0;
};

/// Shape parameters (centre, widths, η/m) of a line in the lineshape order.
std::vector<double> shapeParams(ProfileShape s, double center, double fL, double fR, double sh)
{
    if (s == ProfileShape::SplitPseudoVoigt) return {center, fL, fR, sh};
    return {center, fL, sh};
}

/// Data prepared once per call: net intensity and σ.
struct Prepared {
    std::vector<double> x, y, bg, net, sigma;
    bool weighted = false;
    double step = 0.0;
};

Expected<Prepared> prepare(const ProfileFitData& d, const ProfileFitOptions& o)
{
    const std::size_t n = d.twoThetaDeg.size();
    if (n < 4 || d.intensity.size() != n || (!d.background.empty() && d.background.size() != n) ||
        (!d.sigma.empty() && d.sigma.size() != n))
        return fail("", "profile fit", "2θ, intensity, background and σ differ in length or are too short");
    if (!(o.countsPerUnit > 0.0)) return fail("", "profile fit", "counts per intensity unit must be > 0");
    if (o.backgroundDegree < -1 || o.backgroundDegree > 2)
        return fail("", "profile fit", "the region background degree must be −1 (fixed), 0, 1 or 2");
    Prepared p;
    p.x.assign(d.twoThetaDeg.begin(), d.twoThetaDeg.end());
    p.y.assign(d.intensity.begin(), d.intensity.end());
    p.bg = d.background.empty() ? std::vector<double>(n, 0.0)
                                : std::vector<double>(d.background.begin(), d.background.end());
    p.net.resize(n);
    p.sigma.assign(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i]) || !std::isfinite(p.bg[i]))
            return fail("", "profile fit", "the pattern contains NaN or infinity");
        if (i > 0 && !(p.x[i] > p.x[i - 1])) return fail("", "profile fit", "2θ must increase strictly");
        p.net[i] = p.y[i] - p.bg[i];
    }
    if (!d.sigma.empty()) {
        p.weighted = true;
        for (std::size_t i = 0; i < n; ++i) {
            // σ = 0 would give an infinite weight (GSAS-II #314): fall back to counting noise there.
            const double s = d.sigma[i];
            p.sigma[i] = std::isfinite(s) && s > 0.0
                             ? s
                             : std::sqrt(std::max(p.y[i] * o.countsPerUnit, 1.0)) / o.countsPerUnit;
        }
    } else if (o.poissonWeights) {
        p.weighted = true;
        for (std::size_t i = 0; i < n; ++i)
            p.sigma[i] = std::sqrt(std::max(p.y[i] * o.countsPerUnit, 1.0)) / o.countsPerUnit;
    }
    p.step = (p.x.back() - p.x.front()) / double(n - 1);
    return p;
}

/// Kα2 partner position, or the Kα1 position when doublets are off or impossible.
double partner(double c, const ProfileFitOptions& o)
{
    if (!o.kalphaDoublets) return c;
    const double c2 = kalpha2TwoThetaDeg(c, o.doublet);
    return std::isfinite(c2) ? c2 : c;
}

/// The model and parameter set of one region (or of a one-line window of it).
struct RegionFit {
    std::vector<double> x;
    std::vector<lineshape::PeakComponent> comps;
    std::vector<fit::Parameter> params;
};

/// Full parameter vector (ties applied in C++) for evaluating the region model at the states.
std::vector<double> fullVector(const lineshape::PeakSumModel& m, const std::vector<std::size_t>& peaks,
                               const std::vector<std::size_t>& humps, const std::vector<LineState>& lines,
                               const std::vector<HumpState>& hs, const std::vector<double>& bgCoef,
                               const ProfileFitOptions& o)
{
    std::vector<double> p(m.parameterCount(), 0.0);
    const ProfileShape s = o.shape;
    std::size_t comp = 0;
    for (std::size_t j = 0; j < peaks.size(); ++j) {
        const LineState& l = lines[peaks[j]];
        auto put = [&](double center, double area) {
            const std::size_t off = m.componentOffset(comp++);
            const std::vector<double> sp = shapeParams(s, center, l.fwhmL, l.fwhmR, l.shape);
            for (std::size_t k = 0; k < sp.size(); ++k)
                p[off + k] = sp[k];
            p[off + sp.size()] = area;
        };
        put(l.center, l.area);
        if (o.kalphaDoublets) put(partner(l.center, o), l.area * o.doublet.ratio);
    }
    for (std::size_t h : humps) {
        const std::size_t off = m.componentOffset(comp++);
        p[off] = hs[h].center;
        p[off + 1] = hs[h].fwhm;
        p[off + 2] = hs[h].area;
    }
    const int b0 = m.parameterIndex("bg_c0");
    for (std::size_t j = 0; b0 >= 0 && j < bgCoef.size() && std::size_t(b0) + j < p.size(); ++j)
        p[std::size_t(b0) + j] = bgCoef[j];
    return p;
}

std::vector<lineshape::PeakComponent> components(std::size_t peakCount, std::size_t humpCount,
                                                 const ProfileFitOptions& o)
{
    std::vector<lineshape::PeakComponent> c;
    for (std::size_t j = 0; j < peakCount; ++j) {
        c.push_back({"p" + std::to_string(j), lineShape(o.shape)});
        if (o.kalphaDoublets) c.push_back({"p" + std::to_string(j) + "b", lineShape(o.shape)});
    }
    for (std::size_t h = 0; h < humpCount; ++h)
        c.push_back({"h" + std::to_string(h), Shape::Gaussian});
    return c;
}

/// Fits the lines \a peaks and humps \a humps of a region over points [first, last]. When
/// \a onlyPeak ≥ 0 (a position in \a peaks) every other parameter is held. Updates the states, the
/// background coefficients and fills the goodness of fit into \a region.
Expected<fit::FitResult> fitWindow(const Prepared& d, std::size_t first, std::size_t last, double xRef,
                                   const std::vector<std::size_t>& peaks,
                                   const std::vector<std::size_t>& humps, std::vector<LineState>& lines,
                                   std::vector<HumpState>& hs, std::vector<double>& bgCoef,
                                   const ProfileFitOptions& o, int onlyPeak)
{
    const int degree = o.backgroundDegree;
    std::vector<double> x(d.x.begin() + std::ptrdiff_t(first), d.x.begin() + std::ptrdiff_t(last) + 1);
    lineshape::PeakSumModel model(x, components(peaks.size(), humps.size(), o), degree, xRef);
    bgCoef.resize(std::size_t(std::max(0, degree + 1)), 0.0);
    const std::vector<double> start = fullVector(model, peaks, humps, lines, hs, bgCoef, o);
    std::vector<fit::Parameter> params = model.defaultParameters(start);
    auto at = [&](const std::string& name) -> fit::Parameter& {
        return params[std::size_t(model.parameterIndex(name))];
    };
    const double lo = x.front(), hi = x.back();
    const double minWidth = 0.25 * d.step;
    const double ratioLambda = o.doublet.lambda2Angstrom / o.doublet.lambda1Angstrom;
    const char* sh = shapeName(o.shape);
    const bool split = o.shape == ProfileShape::SplitPseudoVoigt;
    for (std::size_t j = 0; j < peaks.size(); ++j) {
        const LineState& l = lines[peaks[j]];
        const std::string n = "p" + std::to_string(j);
        const bool held = onlyPeak >= 0 && int(j) != onlyPeak;
        const double f0 = std::max(l.start.fwhmDeg, minWidth);
        if (held) {
            // Held lines keep their values exactly, even where they lie outside this window (bounds and
            // clamping are for the estimated parameters only).
            for (const std::string& pn : shapeParameterNames(lineShape(o.shape))) {
                fit::Parameter& q = at(n + "_" + pn);
                q.fixed = true;
                q.lower = -std::numeric_limits<double>::infinity();
                q.upper = std::numeric_limits<double>::infinity();
            }
            fit::Parameter& a = at(n + "_area");
            a.fixed = true;
            a.lower = -std::numeric_limits<double>::infinity();
            if (o.kalphaDoublets) {
                const std::string b = n + "b";
                at(b + "_center").tie =
                    "360/pi*asin(" + literal(ratioLambda) + "*sin(pi/360*" + n + "_center))";
                for (const std::string& pn : shapeParameterNames(lineShape(o.shape)))
                    if (pn != "center") at(b + "_" + pn).tie = n + "_" + pn;
                at(b + "_area").tie = n + "_area*" + literal(o.doublet.ratio);
            }
            continue;
        }
        fit::Parameter& c = at(n + "_center");
        c.lower = std::max(lo, l.start.twoThetaDeg - o.positionFreedomFwhm * f0);
        c.upper = std::min(hi, l.start.twoThetaDeg + o.positionFreedomFwhm * f0);
        if (!(c.lower < c.upper)) c.lower = lo, c.upper = hi;
        c.value = std::clamp(c.value, c.lower, c.upper);
        c.fixed = l.start.fixPosition;
        for (const char* wn : {"_fwhm", "_fwhm_right"}) {
            if (!split && std::string(wn) == "_fwhm_right") continue;
            fit::Parameter& w = at(n + wn);
            w.lower = std::max(minWidth, f0 / o.maxWidthFactor);
            w.upper = std::max(w.lower * 1.0001, f0 * o.maxWidthFactor);
            w.value = std::clamp(w.value, w.lower, w.upper);
            w.fixed = l.start.fixWidth;
            if (o.shareWidthInRegion && j > 0 && onlyPeak < 0) {
                w.tie = "p0" + std::string(wn);
                w.fixed = false; // shared: the first line's width (and its hold) governs
            }
        }
        if (o.shape == ProfileShape::Voigt) {
            // The Gaussian FWHM of a Lorentzian-dominated line may be far below the total FWHM.
            fit::Parameter& g = at(n + "_fwhm");
            g.lower = minWidth;
            g.value = std::clamp(g.value, g.lower, g.upper);
        }
        fit::Parameter& s = at(n + "_" + sh);
        if (o.shape == ProfileShape::PearsonVII) s.lower = 0.55, s.upper = 50.0;
        if (o.shape == ProfileShape::Voigt) s.lower = 0.0, s.upper = f0 * o.maxWidthFactor;
        s.value = std::clamp(s.value, s.lower, s.upper);
        s.fixed = l.start.fixShape;
        if (o.shareWidthInRegion && j > 0 && onlyPeak < 0) {
            s.tie = "p0_" + std::string(sh);
            s.fixed = false;
        }
        fit::Parameter& a = at(n + "_area");
        a.value = std::max(a.value, 1e-9);
        if (o.kalphaDoublets) {
            const std::string b = n + "b";
            at(b + "_center").tie = "360/pi*asin(" + literal(ratioLambda) + "*sin(pi/360*" + n + "_center))";
            at(b + "_fwhm").tie = n + "_fwhm";
            if (split) at(b + "_fwhm_right").tie = n + "_fwhm_right";
            at(b + "_" + sh).tie = n + "_" + sh;
            at(b + "_area").tie = n + "_area*" + literal(o.doublet.ratio);
        }
    }
    for (std::size_t h = 0; h < humps.size(); ++h) {
        const HumpState& s = hs[humps[h]];
        const std::string n = "h" + std::to_string(h);
        fit::Parameter& c = at(n + "_center");
        c.lower = s.center - 0.5 * s.fwhm;
        c.upper = s.center + 0.5 * s.fwhm;
        fit::Parameter& w = at(n + "_fwhm");
        w.lower = s.minFwhm;
        w.upper = std::max(4.0 * s.fwhm, 1.01 * s.minFwhm);
        w.value = std::clamp(w.value, w.lower, w.upper);
        at(n + "_area").value = std::max(s.area, 1e-9);
        for (const char* k : {"_center", "_fwhm", "_area"}) {
            fit::Parameter& q = at(n + k);
            q.fixed = onlyPeak >= 0;
            if (q.fixed) q.lower = -std::numeric_limits<double>::infinity(), q.upper = -q.lower;
        }
    }
    for (int j = 0; j <= degree; ++j)
        at("bg_c" + std::to_string(j)).fixed = onlyPeak >= 0;

    fit::FitProblem prob;
    prob.model = &model;
    prob.parameters = params;
    prob.observed.assign(d.net.begin() + std::ptrdiff_t(first), d.net.begin() + std::ptrdiff_t(last) + 1);
    if (d.weighted) {
        prob.sigma.assign(d.sigma.begin() + std::ptrdiff_t(first),
                          d.sigma.begin() + std::ptrdiff_t(last) + 1);
        prob.weighting = fit::Weighting::Sigma;
    }
    std::size_t nFree = 0;
    for (const fit::Parameter& p : params)
        nFree += p.isFree();
    if (prob.observed.size() <= nFree)
        return fail("", "profile fit",
                    "the region " + num(lo) + "–" + num(hi) + "° has " +
                        std::to_string(prob.observed.size()) + " points for " + std::to_string(nFree) +
                        " parameters");
    fit::FitOptions fo;
    fo.maxIterations = o.maxIterations;
    fo.functionTolerance = fo.parameterTolerance = fo.gradientTolerance = o.tolerance;
    auto r = fit::fitLeastSquares(prob, fo);
    if (!r) return fail("", "profile fit", "region " + num(lo) + "–" + num(hi) + "°: " + r.error().reason);

    const fit::FitResult& res = *r;
    auto val = [&](const std::string& name) { return res.values[std::size_t(res.indexOf(name))]; };
    for (std::size_t j = 0; j < peaks.size(); ++j) {
        LineState& l = lines[peaks[j]];
        const std::string n = "p" + std::to_string(j);
        l.center = val(n + "_center");
        l.fwhmL = val(n + "_fwhm");
        l.fwhmR = split ? val(n + "_fwhm_right") : l.fwhmL;
        l.shape = val(n + "_" + sh);
        l.area = val(n + "_area");
    }
    for (std::size_t h = 0; h < humps.size(); ++h) {
        HumpState& s = hs[humps[h]];
        const std::string n = "h" + std::to_string(h);
        s.center = val(n + "_center");
        s.fwhm = val(n + "_fwhm");
        s.area = val(n + "_area");
    }
    for (int j = 0; j <= degree; ++j)
        bgCoef[std::size_t(j)] = val("bg_c" + std::to_string(j));
    return r;
}

/// Errors, derived quantities and flags of line j (local index in its region) from a fit result.
void describePeak(ProfilePeak& out, const LineState& l, const fit::FitResult* res, std::size_t j,
                  const ProfileFitOptions& o)
{
    const Shape s = lineShape(o.shape);
    const bool split = o.shape == ProfileShape::SplitPseudoVoigt;
    const std::vector<double> sp = shapeParams(o.shape, l.center, l.fwhmL, l.fwhmR, l.shape);
    out.twoThetaDeg = l.center;
    out.fwhmLeftDeg = l.fwhmL;
    out.fwhmRightDeg = l.fwhmR;
    out.fwhmDeg = lineshape::trueFwhm(s, sp);
    out.area = l.area;
    out.shapeParameter = l.shape;
    out.height = l.area * lineshape::heightPerArea(s, sp);
    out.integralBreadthDeg = lineshape::areaPerHeight(s, sp);
    out.kalpha2TwoThetaDeg = o.kalphaDoublets ? partner(l.center, o) : kNaN;
    out.kalpha2Area = o.kalphaDoublets ? l.area * o.doublet.ratio : 0.0;
    out.start = l.start;
    out.widths = o.shape == ProfileShape::Voigt
                     ? VoigtWidths{l.fwhmL, l.shape}
                     : voigtWidthsFromBreadths(out.fwhmDeg, out.integralBreadthDeg);
    if (!res) {
        out.twoThetaErrDeg = out.fwhmErrDeg = out.integralBreadthErrDeg = out.areaErr = out.shapeErr = kNaN;
        return;
    }
    const std::string n = "p" + std::to_string(j);
    const char* sh = shapeName(o.shape);
    auto idx = [&](const std::string& name) { return res->indexOf(name); };
    auto err = [&](int i) { return i >= 0 ? res->stderrs[std::size_t(i)] : kNaN; };
    const int ic = idx(n + "_center"), iw = idx(n + "_fwhm"), ir = split ? idx(n + "_fwhm_right") : -1,
              is = idx(n + "_" + sh), ia = idx(n + "_area");
    out.twoThetaErrDeg = err(ic);
    out.areaErr = err(ia);
    out.shapeErr = err(is);
    out.onBound = false;
    for (int i : {ic, iw, ir, is, ia})
        if (i >= 0 && res->roles[std::size_t(i)] == fit::ParameterRole::OnBound) out.onBound = true;
    const Eigen::MatrixXd& cov = res->covariance;
    // A parameter on a bound is held there by the engine (NaN covariance): it contributes no error.
    auto covAt = [&](int a, int b) {
        if (a < 0 || b < 0) return 0.0;
        const double v = cov(a, b);
        return std::isfinite(v) ? v : 0.0;
    };
    // FWHM and integral-breadth errors: numerical gradients of trueFwhm and area/height in the widths
    // and η/m (or the Lorentzian FWHM), with the covariance of those parameters (the centre does not
    // enter). Exact for the shapes whose FWHM is a parameter, and right for the Voigt and split shapes.
    std::vector<int> ids = {iw};
    if (split) ids.push_back(ir);
    ids.push_back(is);
    std::vector<double> gf, gb;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        std::vector<double> up = sp, dn = sp;
        const std::size_t pos = k + 1; // widths then η/m follow the centre
        const double h = 1e-6 * std::max(std::abs(sp[pos]), 1e-3);
        up[pos] += h;
        dn[pos] = std::max(dn[pos] - h, 0.0);
        const double dx = up[pos] - dn[pos];
        gf.push_back((lineshape::trueFwhm(s, up) - lineshape::trueFwhm(s, dn)) / dx);
        gb.push_back((lineshape::areaPerHeight(s, up) - lineshape::areaPerHeight(s, dn)) / dx);
    }
    double varF = 0.0, var = 0.0;
    for (std::size_t a = 0; a < ids.size(); ++a)
        for (std::size_t b = 0; b < ids.size(); ++b) {
            varF += gf[a] * gf[b] * covAt(ids[a], ids[b]);
            var += gb[a] * gb[b] * covAt(ids[a], ids[b]);
        }
    out.fwhmErrDeg = std::isfinite(varF) ? std::sqrt(std::max(varF, 0.0)) : kNaN;
    out.integralBreadthErrDeg = std::isfinite(var) ? std::sqrt(std::max(var, 0.0)) : kNaN;
    // When every parameter a quantity depends on is held on a bound, it has no error (NaN, the engine's
    // convention), not zero.
    auto allHeld = [&](const std::vector<double>& grad) {
        for (std::size_t a = 0; a < ids.size(); ++a)
            if (grad[a] != 0.0 && ids[a] >= 0 && std::isfinite(cov(ids[a], ids[a]))) return false;
        return true;
    };
    if (allHeld(gf)) out.fwhmErrDeg = kNaN;
    if (allHeld(gb)) out.integralBreadthErrDeg = kNaN;
}

void describeHump(ProfileHump& out, const HumpState& s, const fit::FitResult* res, std::size_t h)
{
    out.twoThetaDeg = s.center;
    out.fwhmDeg = s.fwhm;
    out.area = s.area;
    out.minFwhmDeg = s.minFwhm;
    const double p[2] = {s.center, s.fwhm};
    out.height = s.area * lineshape::heightPerArea(Shape::Gaussian, p);
    if (!res) {
        out.twoThetaErrDeg = out.fwhmErrDeg = out.areaErr = kNaN;
        return;
    }
    const std::string n = "h" + std::to_string(h);
    auto err = [&](const std::string& name) {
        const int i = res->indexOf(name);
        return i >= 0 ? res->stderrs[std::size_t(i)] : kNaN;
    };
    out.twoThetaErrDeg = err(n + "_center");
    out.fwhmErrDeg = err(n + "_fwhm");
    out.areaErr = err(n + "_area");
}

/// Curves and χ² of a region at the current states.
void regionCurves(ProfileRegion& r, const Prepared& d, const std::vector<LineState>& lines,
                  const std::vector<HumpState>& hs, const ProfileFitOptions& o)
{
    std::vector<double> x(d.x.begin() + std::ptrdiff_t(r.firstIndex),
                          d.x.begin() + std::ptrdiff_t(r.lastIndex) + 1);
    lineshape::PeakSumModel model(x, components(r.peaks.size(), r.humps.size(), o), o.backgroundDegree,
                                  r.xRefDeg);
    const std::vector<double> p = fullVector(model, r.peaks, r.humps, lines, hs, r.backgroundCoefficients, o);
    std::vector<double> f(x.size());
    model.evaluate(p, f);
    const std::vector<double> poly = model.backgroundCurve(p, x);
    r.twoThetaDeg = x;
    r.observed.resize(x.size());
    r.background.resize(x.size());
    r.fitted.resize(x.size());
    r.residuals.resize(x.size());
    double rss = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::size_t k = r.firstIndex + i;
        r.observed[i] = d.y[k];
        r.background[i] = d.bg[k] + poly[i];
        r.fitted[i] = d.bg[k] + f[i];
        r.residuals[i] = d.y[k] - r.fitted[i];
        const double z = r.residuals[i] / d.sigma[k];
        rss += z * z;
    }
    r.rss = rss;
    if (r.dof > 0) r.chi2Reduced = rss / r.dof;
}

/// Post-fit checks across all lines: outlier widths and insignificant lines (xrd.md §8 pitfalls).
void globalWarnings(ProfileFitResult& out)
{
    std::vector<double> w;
    for (const ProfilePeak& p : out.peaks)
        w.push_back(p.fwhmDeg);
    std::sort(w.begin(), w.end());
    const double med = w.empty() ? 0.0 : w[w.size() / 2];
    for (const ProfilePeak& p : out.peaks) {
        if (out.peaks.size() >= 3 && med > 0.0 && (p.fwhmDeg > 2.5 * med || p.fwhmDeg < 0.4 * med))
            out.warnings.push_back("the line at " + num(p.twoThetaDeg, 5) + "° has a FWHM of " +
                                   num(p.fwhmDeg) + "°, " + num(p.fwhmDeg / med, 2) +
                                   "× the median: it may be absorbing background or a hump (hold or tie its "
                                   "width, or model the hump)");
        if (!(p.area > 3.0 * p.areaErr))
            out.warnings.push_back("the line at " + num(p.twoThetaDeg, 5) + "° is not significant (area " +
                                   num(p.area) + " ± " + num(p.areaErr) + "): remove it or hold it");
    }
}

struct Setup {
    std::vector<LineState> lines;
    std::vector<HumpState> humps;
};

} // namespace

ProfilePeakStart startFrom(const ProfilePeak& peak, const ProfileFitOptions& options)
{
    ProfilePeakStart s = peak.start;
    s.twoThetaDeg = peak.twoThetaDeg;
    s.fwhmDeg = peak.fwhmDeg;
    // The start height is that of the whole feature: the Kα1 maximum plus the Kα2 line's value there.
    s.height = peak.height;
    if (options.kalphaDoublets && std::isfinite(peak.kalpha2TwoThetaDeg)) {
        const Shape sh = lineShape(options.shape);
        const std::vector<double> sp2 = shapeParams(options.shape, peak.kalpha2TwoThetaDeg, peak.fwhmLeftDeg,
                                                    peak.fwhmRightDeg, peak.shapeParameter);
        s.height += peak.kalpha2Area * lineshape::density(sh, peak.twoThetaDeg, sp2);
    }
    if (options.shape == ProfileShape::PearsonVII) {
        s.exponent = peak.shapeParameter;
    } else if (options.shape == ProfileShape::Voigt) {
        double f, eta;
        tchCombine({peak.fwhmLeftDeg, peak.shapeParameter}, f, eta);
        s.eta = eta;
    } else {
        s.eta = peak.shapeParameter;
    }
    return s;
}

namespace {

LineState stateFromStart(const ProfilePeakStart& s, const ProfileFitOptions& o, double step)
{
    LineState l;
    l.start = s;
    l.start.fwhmDeg = std::max(s.fwhmDeg, 0.25 * step);
    l.center = s.twoThetaDeg;
    l.fwhmL = l.fwhmR = l.start.fwhmDeg;
    l.shape = o.shape == ProfileShape::PearsonVII ? std::clamp(s.exponent, 0.55, 50.0)
                                                  : std::clamp(s.eta, 0.0, 1.0);
    if (o.shape == ProfileShape::Voigt) {
        // Split the start FWHM by the Thompson–Cox–Hastings relations with η as the Lorentz fraction.
        const VoigtWidths w = tchSplit(l.start.fwhmDeg, std::clamp(s.eta, 0.0, 1.0));
        l.fwhmL = l.fwhmR = std::max(w.gaussFwhmDeg, 0.25 * step);
        l.shape = w.lorentzFwhmDeg;
    }
    const Shape sh = lineShape(o.shape);
    const std::vector<double> sp = shapeParams(o.shape, l.center, l.fwhmL, l.fwhmR, l.shape);
    double h1 = std::max(s.height, 1e-6);
    if (o.kalphaDoublets) {
        // The doublet's height is the Kα1 height plus the Kα2 line's value at the Kα1 centre.
        std::vector<double> sp2 = sp;
        sp2[0] = partner(l.center, o);
        const double overlap = lineshape::density(sh, l.center, sp2) / lineshape::heightPerArea(sh, sp2);
        h1 /= 1.0 + o.doublet.ratio * overlap;
    }
    l.area = h1 * lineshape::areaPerHeight(sh, sp);
    return l;
}

/// Region of points [first, last] around a line, from its start: ± halfWidth × FWHM beyond Kα1/Kα2.
std::pair<double, double> coverage(const LineState& l, const ProfileFitOptions& o)
{
    const double f = l.start.fwhmDeg;
    const double c2 = partner(l.center, o);
    return {std::min(l.center, c2) - o.regionHalfWidthFwhm * f,
            std::max(l.center, c2) + o.regionHalfWidthFwhm * f};
}

std::pair<std::size_t, std::size_t> indexRange(const Prepared& d, double lo, double hi)
{
    const auto b = std::lower_bound(d.x.begin(), d.x.end(), lo);
    const auto e = std::upper_bound(d.x.begin(), d.x.end(), hi);
    std::size_t first = std::size_t(b - d.x.begin());
    std::size_t last = e == d.x.begin() ? 0 : std::size_t(e - d.x.begin()) - 1;
    first = std::min(first, d.x.size() - 1);
    return {first, std::max(first, last)};
}

/// Fits every region of \a out (regions, peaks and humps index lists set up) from the states.
Expected<void> fitRegions(const Prepared& d, ProfileFitResult& out, Setup& st, const ProfileFitOptions& o,
                          std::span<const std::size_t> which)
{
    std::optional<Error> firstError;
    std::size_t fitted = 0;
    for (std::size_t ri : which) {
        ProfileRegion& r = out.regions[ri];
        r.xRefDeg = 0.5 * (d.x[r.firstIndex] + d.x[r.lastIndex]);
        if (r.backgroundCoefficients.empty() && o.backgroundDegree >= 0) {
            // Start the polynomial as the straight line through the region's ends (net intensity).
            const std::size_t k = std::min<std::size_t>(3, (r.lastIndex - r.firstIndex) / 4);
            double yl = 0.0, yr = 0.0;
            for (std::size_t i = 0; i <= k; ++i) {
                yl += d.net[r.firstIndex + i];
                yr += d.net[r.lastIndex - i];
            }
            yl /= double(k + 1);
            yr /= double(k + 1);
            const double span = std::max(d.x[r.lastIndex] - d.x[r.firstIndex], d.step);
            r.backgroundCoefficients = {0.5 * (yl + yr), (yr - yl) / span, 0.0};
            r.backgroundCoefficients.resize(std::size_t(o.backgroundDegree + 1));
        }
        auto res = fitWindow(d, r.firstIndex, r.lastIndex, r.xRefDeg, r.peaks, r.humps, st.lines, st.humps,
                             r.backgroundCoefficients, o, -1);
        if (!res) {
            // One unusable region (too few points, a degenerate start) must not void the others: its
            // lines keep their start values, without errors, and the region says why.
            if (!firstError) firstError = res.error();
            r.converged = false;
            r.iterations = 0;
            r.dof = 0;
            r.warnings = {res.error().reason + "; its lines keep their start values"};
            out.warnings.push_back(res.error().reason + "; its lines keep their start values");
            for (std::size_t j = 0; j < r.peaks.size(); ++j) {
                describePeak(out.peaks[r.peaks[j]], st.lines[r.peaks[j]], nullptr, j, o);
                out.peaks[r.peaks[j]].region = ri;
            }
            for (std::size_t h = 0; h < r.humps.size(); ++h) {
                describeHump(out.humps[r.humps[h]], st.humps[r.humps[h]], nullptr, h);
                out.humps[r.humps[h]].region = ri;
            }
            regionCurves(r, d, st.lines, st.humps, o);
            r.chi2Reduced = kNaN;
            continue;
        }
        ++fitted;
        r.dof = res->dof;
        r.iterations = res->iterations;
        r.converged = res->converged;
        r.warnings = res->warnings;
        for (std::size_t j = 0; j < r.peaks.size(); ++j) {
            describePeak(out.peaks[r.peaks[j]], st.lines[r.peaks[j]], &*res, j, o);
            out.peaks[r.peaks[j]].region = ri;
        }
        for (std::size_t h = 0; h < r.humps.size(); ++h) {
            describeHump(out.humps[r.humps[h]], st.humps[r.humps[h]], &*res, h);
            out.humps[r.humps[h]].region = ri;
        }
        regionCurves(r, d, st.lines, st.humps, o);
        r.chi2Reduced = res->chi2Reduced;
        r.rss = res->rss;
    }
    if (fitted == 0 && firstError) return std::unexpected(*firstError);
    return {};
}

Setup setupFrom(const ProfileFitResult& prev, const ProfileFitOptions& o, double step)
{
    Setup st;
    for (const ProfilePeak& p : prev.peaks) {
        LineState l = stateFromStart(startFrom(p, o), o, step);
        l.center = p.twoThetaDeg;
        l.fwhmL = p.fwhmLeftDeg;
        l.fwhmR = p.fwhmRightDeg;
        l.shape = p.shapeParameter;
        l.area = p.area;
        st.lines.push_back(l);
    }
    for (const ProfileHump& h : prev.humps)
        st.humps.push_back({h.twoThetaDeg, h.fwhmDeg, h.area, h.minFwhmDeg});
    return st;
}

} // namespace

Expected<ProfileFitResult> fitProfiles(const ProfileFitData& data, std::span<const ProfilePeakStart> peaks,
                                       std::span<const ProfileHumpStart> humps, const ProfileFitOptions& o)
{
    auto prep = prepare(data, o);
    if (!prep) return std::unexpected(prep.error());
    const Prepared& d = *prep;
    if (peaks.empty() && humps.empty())
        return fail("", "profile fit", "there is nothing to fit: no lines and no humps");
    Setup st;
    for (const ProfilePeakStart& s : peaks) {
        if (!(s.twoThetaDeg >= d.x.front() && s.twoThetaDeg <= d.x.back()))
            return fail("", "profile fit",
                        "the line at " + num(s.twoThetaDeg, 5) + "° lies outside the pattern");
        st.lines.push_back(stateFromStart(s, o, d.step));
    }
    for (const ProfileHumpStart& h : humps) {
        if (!(h.fwhmDeg > 0.0) || !(h.minFwhmDeg > 0.0))
            return fail("", "profile fit", "a hump needs a positive width and minimum width");
        const double p[2] = {h.twoThetaDeg, std::max(h.fwhmDeg, h.minFwhmDeg)};
        st.humps.push_back({h.twoThetaDeg, p[1],
                            std::max(h.height, 1e-6) * lineshape::areaPerHeight(Shape::Gaussian, p),
                            h.minFwhmDeg});
    }

    ProfileFitResult out;
    out.peaks.resize(st.lines.size());
    out.humps.resize(st.humps.size());
    // Fitting regions: explicit ones, or unions of overlapping coverages.
    struct Span {
        double lo, hi;
        std::vector<std::size_t> peaks, humps;
    };
    std::vector<Span> spans;
    if (!o.regionsDeg.empty()) {
        for (const auto& [a, b] : o.regionsDeg)
            spans.push_back({std::min(a, b), std::max(a, b), {}, {}});
        for (std::size_t k = 0; k < st.lines.size(); ++k) {
            bool placed = false;
            for (Span& s : spans)
                if (!placed && st.lines[k].center >= s.lo && st.lines[k].center <= s.hi) {
                    s.peaks.push_back(k);
                    placed = true;
                }
            if (!placed)
                return fail("", "profile fit",
                            "the line at " + num(st.lines[k].center, 5) + "° lies in no fitting region");
        }
        for (std::size_t h = 0; h < st.humps.size(); ++h)
            for (Span& s : spans)
                if (st.humps[h].center >= s.lo && st.humps[h].center <= s.hi) s.humps.push_back(h);
        std::erase_if(spans, [](const Span& s) { return s.peaks.empty() && s.humps.empty(); });
    } else {
        std::vector<Span> items;
        for (std::size_t k = 0; k < st.lines.size(); ++k) {
            const auto [lo, hi] = coverage(st.lines[k], o);
            items.push_back({lo, hi, {k}, {}});
        }
        for (std::size_t h = 0; h < st.humps.size(); ++h)
            items.push_back(
                {st.humps[h].center - st.humps[h].fwhm, st.humps[h].center + st.humps[h].fwhm, {}, {h}});
        std::sort(items.begin(), items.end(), [](const Span& a, const Span& b) { return a.lo < b.lo; });
        for (Span& it : items) {
            if (!spans.empty() && it.lo <= spans.back().hi) {
                Span& s = spans.back();
                s.hi = std::max(s.hi, it.hi);
                s.peaks.insert(s.peaks.end(), it.peaks.begin(), it.peaks.end());
                s.humps.insert(s.humps.end(), it.humps.begin(), it.humps.end());
            } else {
                spans.push_back(std::move(it));
            }
        }
    }
    for (Span& s : spans) {
        ProfileRegion r;
        const auto [first, last] = indexRange(d, s.lo, s.hi);
        r.firstIndex = first;
        r.lastIndex = last;
        r.fromDeg = d.x[first];
        r.toDeg = d.x[last];
        std::sort(s.peaks.begin(), s.peaks.end(),
                  [&](std::size_t a, std::size_t b) { return st.lines[a].center < st.lines[b].center; });
        r.peaks = s.peaks;
        r.humps = s.humps;
        out.regions.push_back(std::move(r));
    }
    std::vector<std::size_t> all(out.regions.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    if (auto ok = fitRegions(d, out, st, o, all); !ok) return std::unexpected(ok.error());
    globalWarnings(out);
    return out;
}

Expected<ProfileFitResult> refitRegion(const ProfileFitData& data, const ProfileFitResult& previous,
                                       std::size_t regionIndex, const ProfileFitOptions& o)
{
    if (regionIndex >= previous.regions.size()) return fail("", "profile fit", "no such fitting region");
    auto prep = prepare(data, o);
    if (!prep) return std::unexpected(prep.error());
    ProfileFitResult out = previous;
    Setup st = setupFrom(previous, o, prep->step);
    const std::size_t which[1] = {regionIndex};
    if (auto ok = fitRegions(*prep, out, st, o, which); !ok) return std::unexpected(ok.error());
    out.warnings.clear();
    globalWarnings(out);
    return out;
}

Expected<ProfileFitResult> refitPeak(const ProfileFitData& data, const ProfileFitResult& previous,
                                     std::size_t peakIndex, const ProfilePeakStart& start,
                                     const ProfileFitOptions& o)
{
    if (peakIndex >= previous.peaks.size()) return fail("", "profile fit", "no such line");
    auto prep = prepare(data, o);
    if (!prep) return std::unexpected(prep.error());
    const Prepared& d = *prep;
    ProfileFitResult out = previous;
    Setup st = setupFrom(previous, o, d.step);
    const std::size_t ri = previous.peaks[peakIndex].region;
    if (ri >= out.regions.size()) return fail("", "profile fit", "the line belongs to no fitting region");
    ProfileRegion& r = out.regions[ri];
    if (!(start.twoThetaDeg >= r.fromDeg && start.twoThetaDeg <= r.toDeg))
        return fail("", "profile fit",
                    "the line was moved out of its fitting region (" + num(r.fromDeg) + "–" + num(r.toDeg) +
                        "°): fit the pattern again");
    st.lines[peakIndex] = stateFromStart(start, o, d.step);
    const auto pos = std::find(r.peaks.begin(), r.peaks.end(), peakIndex);
    if (pos == r.peaks.end()) return fail("", "profile fit", "the line belongs to no fitting region");
    const int local = int(pos - r.peaks.begin());
    auto [lo, hi] = coverage(st.lines[peakIndex], o);
    lo = std::max(lo, r.fromDeg);
    hi = std::min(hi, r.toDeg);
    const auto [first, last] = indexRange(d, lo, hi);
    ProfileFitOptions local_o = o;
    local_o.shareWidthInRegion = false;
    std::vector<double> coef = r.backgroundCoefficients;
    auto res =
        fitWindow(d, first, last, r.xRefDeg, r.peaks, r.humps, st.lines, st.humps, coef, local_o, local);
    if (!res) return std::unexpected(res.error());
    describePeak(out.peaks[peakIndex], st.lines[peakIndex], &*res, std::size_t(local), o);
    out.peaks[peakIndex].region = ri;
    r.iterations = res->iterations;
    r.converged = res->converged;
    r.warnings = res->warnings;
    regionCurves(r, d, st.lines, st.humps, o);
    out.warnings.clear();
    globalWarnings(out);
    return out;
}

std::vector<double> peakCurve(const ProfilePeak& peak, const ProfileFitOptions& o, std::span<const double> x)
{
    const Shape s = lineShape(o.shape);
    std::vector<double> sp =
        shapeParams(o.shape, peak.twoThetaDeg, peak.fwhmLeftDeg, peak.fwhmRightDeg, peak.shapeParameter);
    std::vector<double> out(x.size(), 0.0);
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = peak.area * lineshape::density(s, x[i], sp);
    if (o.kalphaDoublets && std::isfinite(peak.kalpha2TwoThetaDeg)) {
        sp[0] = peak.kalpha2TwoThetaDeg;
        for (std::size_t i = 0; i < x.size(); ++i)
            out[i] += peak.kalpha2Area * lineshape::density(s, x[i], sp);
    }
    return out;
}

std::vector<double> humpCurve(const ProfileHump& hump, std::span<const double> x)
{
    const double p[2] = {hump.twoThetaDeg, hump.fwhmDeg};
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = hump.area * lineshape::density(Shape::Gaussian, x[i], p);
    return out;
}

Kalpha2Evidence testKalpha2(const ProfileFitData& data, std::span<const ProfilePeakStart> peaks,
                            const ProfileFitOptions& options, std::size_t maxLines, double minSeparationFwhm)
{
    Kalpha2Evidence ev;
    if (!(options.doublet.lambda2Angstrom > options.doublet.lambda1Angstrom) ||
        !(options.doublet.ratio > 0.0))
        return ev;
    // Candidates: Kα2 resolved from Kα1, and no other line of ≥ 10 % of its height near the pair (an
    // unmodelled neighbour where the Kα2 line falls would favour the doublet).
    std::vector<std::size_t> order(peaks.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return peaks[a].height > peaks[b].height; });
    std::vector<ProfilePeakStart> test;
    for (std::size_t i : order) {
        if (test.size() >= maxLines) break;
        const ProfilePeakStart& c = peaks[i];
        const double c2 = kalpha2TwoThetaDeg(c.twoThetaDeg, options.doublet);
        if (!std::isfinite(c2) || !(c.fwhmDeg > 0.0) || c2 - c.twoThetaDeg < minSeparationFwhm * c.fwhmDeg)
            continue;
        const double lo = c.twoThetaDeg - 4.0 * c.fwhmDeg, hi = c2 + 4.0 * c.fwhmDeg;
        bool isolated = true;
        for (std::size_t j = 0; j < peaks.size() && isolated; ++j)
            if (j != i && peaks[j].twoThetaDeg > lo && peaks[j].twoThetaDeg < hi &&
                peaks[j].height > 0.1 * c.height)
                isolated = false;
        if (isolated) test.push_back(c);
    }
    if (test.empty()) return ev;
    auto chi2 = [&](bool doublets) -> std::optional<double> {
        ProfileFitOptions o = options;
        o.shape = ProfileShape::PseudoVoigt;
        o.kalphaDoublets = doublets;
        o.regionsDeg.clear();
        o.shareWidthInRegion = false;
        std::vector<ProfilePeakStart> starts = test;
        for (ProfilePeakStart& s : starts)
            s.fixPosition = s.fixWidth = s.fixShape = false;
        auto r = fitProfiles(data, starts, {}, o);
        if (!r) return std::nullopt;
        double sum = 0.0;
        for (const ProfileRegion& reg : r->regions) {
            if (!std::isfinite(reg.chi2Reduced)) return std::nullopt;
            sum += reg.chi2Reduced * double(std::max(reg.dof, 1));
        }
        return sum;
    };
    const auto dbl = chi2(true), single = chi2(false);
    if (!dbl || !single) return ev;
    ev.tested = true;
    ev.lines = test.size();
    ev.chi2Doublet = *dbl;
    ev.chi2Single = *single;
    ev.present = *dbl <= *single;
    return ev;
}

} // namespace vanadis::xrd
