#include "numeric/echem/EisFit.h"

#include "numeric/fit/LeastSquares.h"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <numbers>
#include <sstream>

namespace vanadis::echem {

namespace {

/// The circuit as a complex model of the engine: Re parts then Im parts, exact Jacobian.
class CircuitModel final : public fit::Model {
public:
    CircuitModel(const Circuit& c, std::vector<double> omega) : m_c(c), m_w(std::move(omega)) {}
    std::size_t parameterCount() const override { return m_c.parameterCount(); }
    std::size_t pointCount() const override { return m_w.size(); }
    bool isComplex() const override { return true; }
    void evaluate(std::span<const double> p, std::span<double> out) const override
    {
        const std::size_t n = m_w.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto z = m_c.impedance(m_w[i], p);
            out[i] = z.real();
            out[i + n] = z.imag();
        }
    }
    bool jacobian(std::span<const double> p, std::span<double> jac) const override
    {
        const std::size_t n = m_w.size(), np = m_c.parameterCount();
        std::complex<double> gs[32];
        std::vector<std::complex<double>> gv;
        std::complex<double>* g = gs;
        if (np > 32) {
            gv.resize(np);
            g = gv.data();
        }
        for (std::size_t i = 0; i < n; ++i) {
            m_c.impedance(m_w[i], p, std::span<std::complex<double>>(g, np));
            for (std::size_t k = 0; k < np; ++k) {
                jac[k * 2 * n + i] = g[k].real();
                jac[k * 2 * n + n + i] = g[k].imag();
            }
        }
        return true;
    }

private:
    const Circuit& m_c;
    std::vector<double> m_w;
};

std::string num(double v)
{
    std::ostringstream o;
    o.precision(4);
    o << v;
    return o.str();
}

} // namespace

std::vector<std::complex<double>> simulateCircuit(const Circuit& circuit, std::span<const double> p,
                                                  std::span<const double> frequencyHz)
{
    std::vector<std::complex<double>> z(frequencyHz.size());
    for (std::size_t i = 0; i < z.size(); ++i)
        z[i] = circuit.impedance(2.0 * std::numbers::pi * frequencyHz[i], p);
    return z;
}

Expected<EisFitResult> fitCircuit(const Circuit& circuit, const EisSpectrum& spectrum,
                                  const EisFitOptions& options)
{
    if (auto ok = validateSpectrum(spectrum); !ok) return std::unexpected(ok.error());
    const std::size_t n = spectrum.size(), np = circuit.parameterCount();
    auto checkNames = [&](const auto& map, const char* what) -> Expected<void> {
        for (const auto& [name, v] : map)
            if (circuit.indexOf(name) < 0) {
                std::string known;
                for (const auto& p : circuit.parameters())
                    known += (known.empty() ? "" : ", ") + p.name;
                return fail("", "",
                            std::string(what) + " names '" + name + "', which " + circuit.text() +
                                " does not have (its parameters: " + known + ")");
            }
        return {};
    };
    if (auto r = checkNames(options.start, "a start value"); !r) return std::unexpected(r.error());
    if (auto r = checkNames(options.fixed, "a fixed value"); !r) return std::unexpected(r.error());
    if (auto r = checkNames(options.bounds, "a bound"); !r) return std::unexpected(r.error());

    std::vector<double> omega(n);
    for (std::size_t i = 0; i < n; ++i)
        omega[i] = 2.0 * std::numbers::pi * spectrum.frequencyHz[i];
    CircuitModel model(circuit, omega);

    const std::vector<double> guess =
        circuit.initialGuess(spectrum.frequencyHz, spectrum.zRealOhm, spectrum.zImagOhm);
    fit::FitProblem problem;
    problem.model = &model;
    problem.observed.resize(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        problem.observed[i] = spectrum.zRealOhm[i];
        problem.observed[i + n] = spectrum.zImagOhm[i];
    }
    for (std::size_t k = 0; k < np; ++k) {
        const auto& d = circuit.parameters()[k];
        fit::Parameter p;
        p.name = d.name;
        p.lower = d.lower;
        p.upper = d.upper;
        p.value = guess[k];
        problem.parameters.push_back(p);
    }
    for (const auto& [name, b] : options.bounds) {
        auto& p = problem.parameters[std::size_t(circuit.indexOf(name))];
        if (!(b.first <= b.second))
            return fail("", "", "the bounds of " + name + " are reversed or not numbers");
        p.lower = b.first;
        p.upper = b.second;
        p.value = std::clamp(p.value, b.first, b.second);
    }
    for (const auto& [name, v] : options.start)
        problem.parameters[std::size_t(circuit.indexOf(name))].value = v;
    for (const auto& [name, v] : options.fixed) {
        auto& p = problem.parameters[std::size_t(circuit.indexOf(name))];
        p.value = v;
        p.fixed = true;
    }
    // Proportional weights divide by Z'' too: a point with Z'' = 0 has infinite weight.
    switch (options.weighting) {
    case EisWeighting::Unit:
        problem.weighting = fit::Weighting::Unit;
        break;
    case EisWeighting::Proportional:
        for (std::size_t i = 0; i < 2 * n; ++i)
            if (problem.observed[i] == 0.0)
                return fail(
                    "", "point " + std::to_string(i % n + 1),
                    std::string("Z") + (i < n ? "'" : "''") +
                        " is 0, so proportional weighting (1/Z²) cannot be used; choose modulus weighting");
        problem.weighting = fit::Weighting::Proportional;
        break;
    case EisWeighting::Modulus:
        problem.weighting = fit::Weighting::Modulus;
        break;
    }
    fit::FitOptions fo;
    fo.maxIterations = options.maxIterations;
    // CNLS on noisy spectra gains nothing below 1e-10; the tight NIST defaults only cost iterations.
    fo.functionTolerance = 1e-12;
    fo.parameterTolerance = 1e-12;
    fo.gradientTolerance = 1e-12;
    auto r = fit::fitLeastSquares(problem, fo);
    if (!r) return std::unexpected(r.error());

    EisFitResult out;
    out.circuit = circuit.text();
    out.chi2 = r->rss;
    out.chi2Reduced = r->chi2Reduced;
    out.dof = r->dof;
    out.converged = r->converged;
    out.iterations = r->iterations;
    if (!r->converged) out.warnings.push_back("the fit did not converge: " + r->reason);
    const double t = r->dof > 0 ? boost::math::quantile(boost::math::students_t(double(r->dof)), 0.975) : NAN;
    for (std::size_t k = 0; k < np; ++k) {
        EisParameterResult p;
        p.name = r->names[k];
        p.unit = circuit.parameters()[k].unit;
        p.value = r->values[k];
        p.standardError = r->stderrs[k];
        p.fixed = r->roles[k] == fit::ParameterRole::Fixed;
        p.onBound = r->roles[k] == fit::ParameterRole::OnBound;
        if (p.fixed) {
            p.ci95Low = p.ci95High = p.value;
        } else {
            p.ci95Low = p.value - t * p.standardError;
            p.ci95High = p.value + t * p.standardError;
            p.relativeErrorPct = p.value != 0 ? 100.0 * p.standardError / std::abs(p.value) : INFINITY;
            if (p.onBound) {
                p.identifiable = false; // the engine's warnings name it
            } else if (!std::isfinite(p.standardError) ||
                       p.standardError > options.unidentifiableRelativeError * std::abs(p.value)) {
                p.identifiable = false;
                out.warnings.push_back(
                    p.name + " is not identifiable from this spectrum (relative error " +
                    (std::isfinite(p.relativeErrorPct) ? num(p.relativeErrorPct) + " %" : "undefined") +
                    "): fix it or simplify the circuit");
            }
        }
        out.parameters.push_back(p);
    }
    for (const auto& w : r->warnings)
        out.warnings.push_back(w);
    out.fitted.resize(n);
    out.residualRealPct.resize(n);
    out.residualImagPct.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.fitted[i] = {r->fitted[i], r->fitted[i + n]};
        const double mod = std::hypot(spectrum.zRealOhm[i], spectrum.zImagOhm[i]);
        out.residualRealPct[i] = mod > 0 ? 100.0 * (spectrum.zRealOhm[i] - r->fitted[i]) / mod : 0.0;
        out.residualImagPct[i] = mod > 0 ? 100.0 * (spectrum.zImagOhm[i] - r->fitted[i + n]) / mod : 0.0;
    }
    return out;
}

} // namespace vanadis::echem
