#include "numeric/xps/XpsFit.h"

#include "numeric/fit/LeastSquares.h"
#include "numeric/lineshape/PeakSumModel.h"
#include "numeric/xps/SpinOrbit.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

namespace vanadis::xps {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Peaks (PeakSumModel) + a background: a fixed curve (static Shirley/linear/Tougaard) and, for the
/// active Shirley, c₀ + s·(E − E_lo) + k·∫_{E_lo}^{E} peaks dE' with c₀, s, k fitted. Parameters: the
/// PeakSumModel's, then bg_c0, [bg_slope], shirley_k. x ascending.
class XpsModel final : public fit::Model {
public:
    XpsModel(std::vector<double> x, std::vector<lineshape::PeakComponent> comps, std::vector<std::string> aux,
             std::vector<double> fixedBackground, bool active, bool slope)
        : m_peaks(x, std::move(comps), -1, 0.0, std::move(aux)), m_x(std::move(x)),
          m_fixed(std::move(fixedBackground)), m_active(active), m_slope(slope)
    {
        m_names = m_peaks.parameterNames();
        if (m_active) {
            m_names.push_back("bg_c0");
            if (m_slope) m_names.push_back("bg_slope");
            m_names.push_back("shirley_k");
        }
        m_peakBuf.resize(m_x.size());
        m_cum.resize(m_x.size());
    }
    const lineshape::PeakSumModel& peaks() const { return m_peaks; }
    const std::vector<std::string>& names() const { return m_names; }
    std::size_t parameterCount() const override { return m_names.size(); }
    std::size_t pointCount() const override { return m_x.size(); }

    void evaluate(std::span<const double> p, std::span<double> out) const override
    {
        const std::size_t n = m_x.size();
        m_peaks.evaluate(p.first(m_peaks.parameterCount()), out);
        if (!m_fixed.empty())
            for (std::size_t i = 0; i < n; ++i)
                out[i] += m_fixed[i];
        if (!m_active) return;
        const std::size_t b = m_peaks.parameterCount();
        const double c0 = p[b], s = m_slope ? p[b + 1] : 0.0, k = p[b + (m_slope ? 2 : 1)];
        // The peaks alone are out − fixed (fixed is empty for the active background).
        cumulativeTrapezoid(m_x, std::span<const double>(out.data(), n), m_cum);
        for (std::size_t i = 0; i < n; ++i)
            out[i] += c0 + s * (m_x[i] - m_x[0]) + k * m_cum[i];
    }

    bool jacobian(std::span<const double> p, std::span<double> jac) const override
    {
        const std::size_t n = m_x.size(), np = m_peaks.parameterCount();
        m_peaks.jacobian(p.first(np), jac.first(n * np));
        if (!m_active) return true;
        const double k = p[np + (m_slope ? 2 : 1)];
        for (std::size_t j = 0; j < np; ++j) {
            double* col = jac.data() + j * n;
            // ∂/∂p_j of k·∫peaks = k·∫∂peaks/∂p_j.
            double acc = 0.0, prev = col[0];
            for (std::size_t i = 1; i < n; ++i) {
                const double cur = col[i];
                acc += 0.5 * (cur + prev) * (m_x[i] - m_x[i - 1]);
                prev = cur;
                col[i] = cur + k * acc;
            }
        }
        std::size_t c = np;
        double* c0 = jac.data() + (c++) * n;
        std::fill(c0, c0 + n, 1.0);
        if (m_slope) {
            double* s = jac.data() + (c++) * n;
            for (std::size_t i = 0; i < n; ++i)
                s[i] = m_x[i] - m_x[0];
        }
        m_peaks.evaluate(p.first(np), m_peakBuf);
        cumulativeTrapezoid(m_x, m_peakBuf, std::span<double>(jac.data() + c * n, n));
        return true;
    }

private:
    lineshape::PeakSumModel m_peaks;
    std::vector<double> m_x;
    std::vector<double> m_fixed;
    bool m_active, m_slope;
    std::vector<std::string> m_names;
    mutable std::vector<double> m_peakBuf, m_cum;
};

fit::Parameter toParameter(const std::string& name, const ParamSpec& s)
{
    fit::Parameter p;
    p.name = name;
    p.value = s.value;
    p.lower = s.lower;
    p.upper = s.upper;
    p.fixed = s.fixed;
    p.tie = s.tie;
    return p;
}

double interpolate(const std::vector<double>& x, const std::vector<double>& y, double at)
{
    if (at <= x.front()) return y.front();
    if (at >= x.back()) return y.back();
    const auto it = std::lower_bound(x.begin(), x.end(), at);
    const std::size_t i = std::size_t(it - x.begin());
    const double t = (at - x[i - 1]) / (x[i] - x[i - 1]);
    return y[i - 1] + t * (y[i] - y[i - 1]);
}

} // namespace

fit::FitOptions FitSettings::defaultEngineOptions()
{
    fit::FitOptions o;
    o.functionTolerance = 1e-10;
    o.parameterTolerance = 1e-10;
    o.gradientTolerance = 1e-10;
    o.maxIterations = 500;
    return o;
}

const ComponentResult* XpsFitResult::component(const std::string& id) const
{
    for (const auto& c : components)
        if (c.id == id) return &c;
    return nullptr;
}

const RatioResult* XpsFitResult::ratio(const std::string& name) const
{
    for (const auto& r : ratios)
        if (r.name == name) return &r;
    for (const auto& r : differences)
        if (r.name == name) return &r;
    return nullptr;
}

void addDoublet(ModelSpec& spec, ComponentSpec main, const std::string& splittingParam, double areaRatio,
                const std::string& widthRatioParam, const std::string& majorLabel,
                const std::string& minorLabel)
{
    const std::string base = main.id, label = main.label;
    if (main.group.empty()) main.group = base;
    ComponentSpec minor = main;
    main.id = base + "_a";
    main.label = label + " " + majorLabel;
    minor.id = base + "_b";
    minor.label = label + " " + minorLabel;
    minor.center.tie = main.id + "_center + " + splittingParam;
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.17g", areaRatio); // std::to_string keeps 6 digits: 2/3 → 0.666667
    minor.area.tie = main.id + "_area * " + ratio;
    minor.fwhm.tie =
        widthRatioParam.empty() ? "=" + main.id + "_fwhm" : main.id + "_fwhm * " + widthRatioParam;
    // Shape extras (GL mixing, LA exponents) equal to the main line's.
    const auto& names = lineshape::shapeParameterNames(main.shape);
    for (std::size_t e = 0; e < minor.extras.size() && e + 2 < names.size(); ++e)
        if (!main.extras[e].fixed) minor.extras[e].tie = "=" + main.id + "_" + names[e + 2];
    spec.components.push_back(std::move(main));
    spec.components.push_back(std::move(minor));
}

Expected<ModelSpec> genericCoreLevelModel(const std::string& name, int states, lineshape::Shape shape,
                                          std::span<const double> x, std::span<const double> y,
                                          std::vector<double> positions)
{
    const auto level = coreLevel(name);
    if (!level)
        return fail("", "", "unknown core level '" + name + "' (expected e.g. 'Pt 4f', 'Mo 3d', 'V 2p')");
    if (states < 1 || states > 12) return fail("", "", "the number of chemical states must be 1 to 12");
    ModelSpec spec;
    spec.name = level->name() + " (" + std::to_string(states) + " states)";
    // Start at the highest point above the straight line between the end means (a plain maximum can
    // sit on the background step at the high-BE end of a weak region).
    double peakX = level->typicalBeEv;
    if (x.size() >= 3 && x.size() == y.size()) {
        const std::vector<double> line = linearBackground(x, y, 5);
        std::size_t best = 0;
        for (std::size_t i = 1; i < x.size(); ++i)
            if (y[i] - line[i] > y[best] - line[best]) best = i;
        peakX = x[best];
    }
    std::string element = level->element;
    const std::string split = "split_" + element + level->orbital;
    const std::string widthK = "width_" + element + level->orbital;
    if (level->isDoublet()) {
        spec.auxiliary.push_back({split, {level->splittingEv, level->splittingLoEv, level->splittingHiEv}});
        if (level->orbital == "2p") spec.auxiliary.push_back({widthK, {1.2, 1.0, 1.8}});
    }
    for (int s = 0; s < states; ++s) {
        ComponentSpec c;
        c.id = element + level->orbital + "_s" + std::to_string(s + 1);
        c.label = level->name() + " state " + std::to_string(s + 1);
        c.group = c.id;
        c.level = level->name();
        c.shape = shape;
        const double pos = s < int(positions.size()) ? positions[std::size_t(s)] : peakX + 1.5 * s;
        c.center = {pos, pos - 3.0, pos + 3.0};
        c.fwhm = {1.2, 0.2, 5.0};
        c.area = {0.0, 0.0, kInf};
        const auto& names = lineshape::shapeParameterNames(shape);
        for (std::size_t e = 2; e < names.size(); ++e) {
            if (names[e] == "m")
                c.extras.push_back({30.0, 0.0, 100.0, true});
            else if (names[e] == "alpha")
                c.extras.push_back({1.0, 0.55, 3.0});
            else if (names[e] == "beta")
                c.extras.push_back({1.0, 0.55, 3.0});
            else if (names[e] == "fwhm_l")
                c.extras.push_back({0.3, 0.0, 5.0});
            else if (names[e] == "eta")
                c.extras.push_back({0.3, 0.0, 1.0});
            else
                c.extras.push_back({1.0, 0.5000001, 50.0});
        }
        if (level->isDoublet())
            addDoublet(spec, c, split, level->areaRatio(), level->orbital == "2p" ? widthK : std::string(),
                       level->majorLabel(), level->minorLabel());
        else
            spec.components.push_back(c);
    }
    return spec;
}

Expected<XpsFitResult> fitXps(std::span<const double> bindingEv, std::span<const double> intensity,
                              const ModelSpec& spec, const FitSettings& settings)
{
    if (bindingEv.size() != intensity.size())
        return fail("", "", "energy and intensity have different lengths");
    if (spec.components.empty()) return fail("", "", "the model has no components");
    // Ascending points inside the window.
    std::vector<std::size_t> order(bindingEv.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return bindingEv[a] < bindingEv[b]; });
    std::vector<double> x, y;
    for (std::size_t i : order) {
        if (!std::isfinite(bindingEv[i]) || !std::isfinite(intensity[i]))
            return fail("", "point " + std::to_string(i + 1), "a value is not a finite number");
        if (bindingEv[i] < spec.windowLoEv || bindingEv[i] > spec.windowHiEv) continue;
        x.push_back(bindingEv[i]);
        y.push_back(intensity[i]);
    }
    if (x.size() < 8) return fail("", "", "fewer than 8 points inside the fit window");

    // Background computed once, or the start of the active one.
    std::vector<double> fixedBg;
    const bool active = spec.background == BackgroundKind::ActiveShirley;
    switch (spec.background) {
    case BackgroundKind::Shirley: {
        auto s = shirleyBackground(x, y, spec.shirley);
        if (!s) return std::unexpected(s.error());
        fixedBg = std::move(s->background);
        break;
    }
    case BackgroundKind::Linear:
        fixedBg = linearBackground(x, y, spec.shirley.averagePoints);
        break;
    case BackgroundKind::TougaardU2:
    case BackgroundKind::TougaardU3: {
        TougaardParams t = spec.tougaard;
        t.threeParameter = spec.background == BackgroundKind::TougaardU3;
        fixedBg = tougaardBackground(x, y, t);
        break;
    }
    case BackgroundKind::None:
    case BackgroundKind::ActiveShirley:
        break;
    }
    const std::vector<double> roughBg = fixedBg.empty() ? linearBackground(x, y, 5) : fixedBg;

    std::vector<lineshape::PeakComponent> comps;
    for (const auto& c : spec.components)
        comps.push_back({c.id, c.shape});
    std::vector<std::string> auxNames;
    for (const auto& a : spec.auxiliary)
        auxNames.push_back(a.name);
    XpsModel model(x, comps, auxNames, fixedBg, active, spec.activeSlope);

    std::vector<fit::Parameter> params;
    for (const auto& c : spec.components) {
        const auto& names = lineshape::shapeParameterNames(c.shape);
        if (c.extras.size() != names.size() - 2)
            return fail("", "component '" + c.id + "'",
                        "the shape " + lineshape::shapeKey(c.shape) + " needs " +
                            std::to_string(names.size() - 2) + " extra parameters");
        ParamSpec fw = c.fwhm;
        if (fw.lower == -kInf) fw.lower = 1e-3;
        params.push_back(toParameter(c.id + "_center", c.center));
        params.push_back(toParameter(c.id + "_fwhm", fw));
        for (std::size_t e = 0; e < c.extras.size(); ++e)
            params.push_back(toParameter(c.id + "_" + names[e + 2], c.extras[e]));
        ParamSpec ar = c.area;
        if (ar.lower == -kInf) ar.lower = 0.0;
        if (ar.tie.empty() && !ar.fixed && ar.value <= 0.0) {
            // Start area: height above the rough background at the centre × width × a GL-like factor.
            const double h =
                std::max(interpolate(x, y, c.center.value) - interpolate(x, roughBg, c.center.value),
                         1e-3 * (*std::max_element(y.begin(), y.end())));
            ar.value = 0.5 * h * std::max(fw.value, 0.1) * 1.06;
        }
        params.push_back(toParameter(c.id + "_area", ar));
    }
    for (const auto& a : spec.auxiliary)
        params.push_back(toParameter(a.name, a.param));
    if (active) {
        const std::size_t avg = std::min<std::size_t>(5, x.size() / 4);
        double lo = 0, hi = 0;
        for (std::size_t i = 0; i < avg; ++i)
            lo += y[i] / double(avg), hi += y[x.size() - 1 - i] / double(avg);
        std::vector<double> above(x.size()), cum(x.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            above[i] = y[i] - lo;
        cumulativeTrapezoid(x, above, cum);
        const double k0 = cum.back() > 0 ? std::max(0.0, (hi - lo) / cum.back()) : 0.0;
        params.push_back({"bg_c0", lo});
        if (spec.activeSlope) params.push_back({"bg_slope", 0.0});
        fit::Parameter k{"shirley_k", k0};
        k.lower = 0.0;
        params.push_back(k);
    }
    if (params.size() != model.parameterCount())
        return fail("", "", "internal error: parameter count mismatch in the XPS model");

    fit::FitProblem problem;
    problem.model = &model;
    problem.parameters = params;
    problem.observed = y;
    if (settings.poissonWeights) {
        const double floor = std::max(1e-300, 1e-3 * std::abs(*std::max_element(y.begin(), y.end())));
        problem.weighting = fit::Weighting::Sigma;
        problem.sigma.resize(y.size());
        for (std::size_t i = 0; i < y.size(); ++i)
            problem.sigma[i] = std::sqrt(std::max(y[i], floor));
    }
    auto fitted = fit::fitLeastSquares(problem, settings.engine);
    if (!fitted) return std::unexpected(fitted.error());
    if (settings.poissonWeights) {
        // σ from the observed counts favours downward fluctuations (Neyman's χ² biases areas low); one
        // refit with σ² from the fitted curve (Pearson's χ²) removes that bias and starts at the solution.
        const double floor = std::max(1e-300, 1e-3 * std::abs(*std::max_element(y.begin(), y.end())));
        for (std::size_t i = 0; i < y.size(); ++i)
            problem.sigma[i] = std::sqrt(std::max(fitted->fitted[i], floor));
        for (std::size_t i = 0; i < problem.parameters.size(); ++i)
            if (problem.parameters[i].isFree())
                problem.parameters[i].value =
                    std::clamp(fitted->values[i], problem.parameters[i].lower, problem.parameters[i].upper);
        auto refit = fit::fitLeastSquares(problem, settings.engine);
        if (!refit) return std::unexpected(refit.error());
        fitted = std::move(refit);
    }

    XpsFitResult out;
    out.raw = std::move(*fitted);
    const fit::FitResult& r = out.raw;
    out.bindingEv = x;
    out.intensity = y;
    out.fitted = r.fitted;
    out.residuals = r.residuals;
    out.chi2Reduced = r.chi2Reduced;
    out.warnings = r.warnings;
    const std::vector<double>& p = r.values;
    // Background on the grid: fitted minus the components.
    double totalArea = 0.0;
    out.background = out.fitted;
    for (std::size_t k = 0; k < spec.components.size(); ++k) {
        out.componentCurves.push_back(model.peaks().componentCurve(k, p, x));
        for (std::size_t i = 0; i < x.size(); ++i)
            out.background[i] -= out.componentCurves.back()[i];
    }
    for (std::size_t k = 0; k < spec.components.size(); ++k) {
        const ComponentSpec& c = spec.components[k];
        const std::size_t off = model.peaks().componentOffset(k);
        const std::size_t ns = lineshape::shapeParameterCount(c.shape);
        const std::span<const double> sp(p.data() + off, ns);
        ComponentResult cr;
        cr.id = c.id;
        cr.label = c.label.empty() ? c.id : c.label;
        cr.group = c.group.empty() ? c.id : c.group;
        cr.level = c.level;
        cr.shape = lineshape::shapeKey(c.shape);
        cr.positionEv = p[off];
        cr.positionErr = r.stderrs[off];
        cr.fwhmParamEv = p[off + 1];
        cr.fwhmEv = lineshape::trueFwhm(c.shape, sp);
        cr.area = p[off + ns];
        cr.areaErr = r.stderrs[off + ns];
        cr.height = cr.area * lineshape::heightPerArea(c.shape, sp);
        totalArea += cr.area;
        out.components.push_back(cr);
    }
    for (auto& cr : out.components)
        cr.areaPercent = totalArea > 0 ? 100.0 * cr.area / totalArea : kNaN;

    // Ratios and differences: value and gradient over the full parameter vector, then gᵀ Σ g.
    const std::size_t np = p.size();
    auto areaIndex = [&](std::size_t k) {
        return model.peaks().componentOffset(k) + lineshape::shapeParameterCount(spec.components[k].shape);
    };
    auto ratioValue = [&](const RatioSpec& rs, std::span<const double> v, Eigen::VectorXd* grad) {
        double num = 0.0, den = 0.0;
        std::vector<std::size_t> ni, di;
        for (std::size_t k = 0; k < spec.components.size(); ++k) {
            const std::string g =
                spec.components[k].group.empty() ? spec.components[k].id : spec.components[k].group;
            if (std::find(rs.numerator.begin(), rs.numerator.end(), g) != rs.numerator.end())
                num += v[areaIndex(k)], ni.push_back(areaIndex(k));
            if (std::find(rs.denominator.begin(), rs.denominator.end(), g) != rs.denominator.end())
                den += v[areaIndex(k)], di.push_back(areaIndex(k));
        }
        if (grad) {
            grad->setZero(Eigen::Index(np));
            for (std::size_t i : ni)
                (*grad)[Eigen::Index(i)] += 1.0 / den;
            for (std::size_t i : di)
                (*grad)[Eigen::Index(i)] -= num / (den * den);
        }
        return den != 0.0 ? num / den : kNaN;
    };
    auto deltaErr = [&](const Eigen::VectorXd& g, bool& partial) {
        double v = 0.0;
        for (Eigen::Index i = 0; i < Eigen::Index(np); ++i)
            for (Eigen::Index j = 0; j < Eigen::Index(np); ++j) {
                if (g[i] == 0.0 || g[j] == 0.0) continue;
                const double c = r.covariance(i, j);
                if (std::isnan(c)) {
                    partial = true;
                    continue;
                }
                v += g[i] * c * g[j];
            }
        return std::sqrt(std::max(v, 0.0));
    };
    for (const RatioSpec& rs : spec.ratios) {
        RatioResult rr;
        rr.name = rs.name;
        Eigen::VectorXd g;
        rr.value = ratioValue(rs, p, &g);
        bool partial = false;
        rr.err = deltaErr(g, partial);
        if (partial)
            out.warnings.push_back("the error of " + rs.name +
                                   " leaves out parameters on a bound or not identifiable");
        // Areas are ≥ 0, and a share (numerator groups inside the denominator) is ≤ 1: the interval
        // is clipped to what the quantity can be.
        const bool share = std::all_of(rs.numerator.begin(), rs.numerator.end(), [&](const std::string& g) {
            return std::find(rs.denominator.begin(), rs.denominator.end(), g) != rs.denominator.end();
        });
        rr.lo95 = std::max(0.0, rr.value - 1.96 * rr.err);
        rr.hi95 = share ? std::min(1.0, rr.value + 1.96 * rr.err) : rr.value + 1.96 * rr.err;
        if (std::isfinite(rr.value) && rr.value != 0.0 && rr.err > 0.5 * std::abs(rr.value)) {
            char buf[200];
            std::snprintf(buf, sizeof buf,
                          "%s = %.3g ± %.2g is not determined by these data (error above half the value): "
                          "bound or fix the lines it depends on from independent evidence",
                          rs.name.c_str(), rr.value, rr.err);
            out.warnings.push_back(buf);
        }
        out.ratios.push_back(rr);
    }
    for (std::size_t k = 0; k < spec.components.size(); ++k) {
        const std::string& l = spec.components[k].level;
        if (l.empty()) continue;
        auto it = std::find_if(out.levels.begin(), out.levels.end(),
                               [&](const LevelArea& a) { return a.level == l; });
        if (it != out.levels.end()) continue;
        Eigen::VectorXd g = Eigen::VectorXd::Zero(Eigen::Index(np));
        LevelArea la;
        la.level = l;
        for (std::size_t q = 0; q < spec.components.size(); ++q)
            if (spec.components[q].level == l) {
                la.area += p[areaIndex(q)];
                g[Eigen::Index(areaIndex(q))] = 1.0;
            }
        bool partial = false;
        la.err = deltaErr(g, partial);
        out.levels.push_back(la);
    }
    auto centerIndex = [&](const std::string& id) -> int {
        for (std::size_t k = 0; k < spec.components.size(); ++k)
            if (spec.components[k].id == id) return int(model.peaks().componentOffset(k));
        return -1;
    };
    for (const DifferenceSpec& d : spec.differences) {
        const int a = centerIndex(d.a), b = centerIndex(d.b);
        if (a < 0 || b < 0) continue;
        RatioResult rr;
        rr.name = d.name;
        rr.value = p[std::size_t(a)] - p[std::size_t(b)];
        Eigen::VectorXd g = Eigen::VectorXd::Zero(Eigen::Index(np));
        g[a] = 1.0;
        g[b] = -1.0;
        bool partial = false;
        rr.err = deltaErr(g, partial);
        rr.lo95 = rr.value - 1.96 * rr.err;
        rr.hi95 = rr.value + 1.96 * rr.err;
        out.differences.push_back(rr);
    }

    // Seeded Monte Carlo: replicas of the fitted curve with the fitted noise level, refitted from the
    // solution.
    if (settings.monteCarloSamples > 0) {
        std::mt19937_64 rng(settings.monteCarloSeed);
        std::normal_distribution<double> gauss(0.0, 1.0);
        fit::FitProblem rep = problem;
        for (std::size_t i = 0; i < np; ++i)
            if (rep.parameters[i].isFree())
                rep.parameters[i].value = std::clamp(p[i], rep.parameters[i].lower, rep.parameters[i].upper);
        std::vector<std::vector<double>> ratioDraws(spec.ratios.size()), areaDraws(spec.components.size());
        for (int s = 0; s < settings.monteCarloSamples; ++s) {
            for (std::size_t i = 0; i < y.size(); ++i) {
                const double sd = r.residualSd * (problem.sigma.empty() ? 1.0 : problem.sigma[i]);
                rep.observed[i] = out.fitted[i] + sd * gauss(rng);
            }
            auto f = fit::fitLeastSquares(rep, settings.engine);
            if (!f) continue;
            for (std::size_t q = 0; q < spec.ratios.size(); ++q)
                ratioDraws[q].push_back(ratioValue(spec.ratios[q], f->values, nullptr));
            for (std::size_t k = 0; k < spec.components.size(); ++k)
                areaDraws[k].push_back(f->values[areaIndex(k)]);
        }
        auto sd = [](const std::vector<double>& v) {
            if (v.size() < 2) return kNaN;
            const double m = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
            double s2 = 0.0;
            for (double e : v)
                s2 += (e - m) * (e - m);
            return std::sqrt(s2 / double(v.size() - 1));
        };
        for (std::size_t q = 0; q < spec.ratios.size(); ++q)
            out.ratios[q].mcErr = sd(ratioDraws[q]);
        for (std::size_t k = 0; k < spec.components.size(); ++k)
            out.components[k].areaMcErr = sd(areaDraws[k]);
    }
    return out;
}

AtomicPercent atomicPercent(std::span<const double> areas, std::span<const double> areaErrs,
                            std::span<const double> rsf)
{
    AtomicPercent out;
    const std::size_t n = areas.size();
    double total = 0.0;
    std::vector<double> q(n);
    for (std::size_t i = 0; i < n; ++i) {
        q[i] = areas[i] / rsf[i];
        total += q[i];
    }
    for (std::size_t i = 0; i < n; ++i) {
        out.percent.push_back(100.0 * q[i] / total);
        // ∂xᵢ/∂A_j = 100·(δᵢⱼ·T − qᵢ)/(S_j·T²).
        double v = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            const double d = 100.0 * ((i == j ? total : 0.0) - q[i]) / (rsf[j] * total * total);
            const double e = j < areaErrs.size() ? areaErrs[j] : 0.0;
            v += d * d * e * e;
        }
        out.err.push_back(std::sqrt(v));
    }
    return out;
}

double scofieldRsf(const std::string& level)
{
    auto key = [](std::string v) {
        std::string k;
        for (char ch : v)
            if (ch != ' ') k += char(std::tolower(static_cast<unsigned char>(ch)));
        return k;
    };
    static const std::pair<const char*, double> table[] = {{"c1s", 1.00}, {"n1s", 1.80},  {"o1s", 2.93},
                                                           {"f1s", 4.43}, {"na1s", 8.52}, {"v2p", 9.70}};
    const std::string k = key(level);
    for (const auto& [name, rsf] : table)
        if (k == name) return rsf;
    return kNaN;
}

} // namespace vanadis::xps
