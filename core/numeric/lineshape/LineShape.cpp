#include "numeric/lineshape/LineShape.h"

#include <boost/math/quadrature/gauss.hpp>

#include <cmath>
#include <complex>
#include <numbers>

// libcerf (Debian libcerf-dev): real and imaginary parts of the Faddeeva function w(x + iy). Declared
// here instead of including <cerf.h>, whose C99 `double _Complex` signatures are not C++.
extern "C" double re_w_of_z(double x, double y);
extern "C" double im_w_of_z(double x, double y);

namespace vanadis::lineshape {

namespace {

constexpr double kLn2 = std::numbers::ln2;
constexpr double kA = 4.0 * kLn2;                              // Gaussian exponent for FWHM = F
const double kKG = std::sqrt(std::numbers::pi / (4.0 * kLn2)); // ∫ exp(−4ln2 u²) du
constexpr double kKL = std::numbers::pi / 2.0;                 // ∫ 1/(1 + 4u²) du

/// Generic area normalisation φ = h(u)/(F·K) with u = (x − c)/F: fills ∂φ/∂c and ∂φ/∂F.
inline double normalised(double h, double hu, double u, double F, double K, double* grad)
{
    const double inv = 1.0 / (F * K);
    if (grad) {
        grad[0] = -hu * inv / F;
        grad[1] = -(hu * u + h) * inv / F;
    }
    return h * inv;
}

double gaussH(double u, double& hu)
{
    const double h = std::exp(-kA * u * u);
    hu = -2.0 * kA * u * h;
    return h;
}

double lorentzH(double u, double& hu)
{
    const double h = 1.0 / (1.0 + 4.0 * u * u);
    hu = -8.0 * u * h * h;
    return h;
}

/// Pseudo-Voigt density with mixing η (0 = Gauss); grad gets ∂c, ∂F, ∂η.
double pseudoVoigt(double x, double c, double F, double eta, double* grad)
{
    const double u = (x - c) / F;
    double gu, lu;
    const double g = gaussH(u, gu), l = lorentzH(u, lu);
    const double h = (1.0 - eta) * g + eta * l;
    const double hu = (1.0 - eta) * gu + eta * lu;
    const double K = (1.0 - eta) * kKG + eta * kKL;
    const double v = normalised(h, hu, u, F, K, grad);
    if (grad) grad[2] = ((l - g) - h * (kKL - kKG) / K) / (F * K);
    return v;
}

/// GL(m) height-1 profile in u and its derivatives (μ = m/100).
double glH(double u, double mu, double* hu, double* hmu)
{
    const double d = 1.0 + 4.0 * mu * u * u;
    const double h = std::exp(-kA * (1.0 - mu) * u * u) / d;
    if (hu) *hu = h * (-2.0 * kA * (1.0 - mu) * u - 8.0 * mu * u / d);
    if (hmu) *hmu = h * (kA * u * u - 4.0 * u * u / d);
    return h;
}

/// ∫ GL du and ∫ ∂GL/∂μ du over the real line (no closed form, xps.md §1): u = tan θ maps the
/// Lorentzian tail onto a smooth integrand on [0, π/2), integrated by 30-point Gauss–Legendre on
/// 8 panels (relative error < 1e-12 for m = 0…100). Cached: one m per evaluation of a component.
void glArea(double mu, double& K, double& Kmu)
{
    thread_local double lastMu = -1.0, lastK = 0.0, lastKmu = 0.0;
    if (mu == lastMu) {
        K = lastK;
        Kmu = lastKmu;
        return;
    }
    using Q = boost::math::quadrature::gauss<double, 30>;
    double sum = 0.0, sumMu = 0.0;
    constexpr int panels = 8;
    const double w = (std::numbers::pi / 2.0) / panels;
    for (int k = 0; k < panels; ++k) {
        const double a = k * w, b = (k + 1) * w;
        sum += Q::integrate(
            [&](double t) {
                const double u = std::tan(t), s = 1.0 / std::cos(t);
                return glH(u, mu, nullptr, nullptr) * s * s;
            },
            a, b);
        sumMu += Q::integrate(
            [&](double t) {
                const double u = std::tan(t), s = 1.0 / std::cos(t);
                double hmu = 0.0;
                glH(u, mu, nullptr, &hmu);
                return hmu * s * s;
            },
            a, b);
    }
    K = 2.0 * sum;
    Kmu = 2.0 * sumMu;
    lastMu = mu;
    lastK = K;
    lastKmu = Kmu;
}

/// ∫ (1 + 4u²)^−a du over half the line: (√π/4)·Γ(a − ½)/Γ(a).
double halfLorentzPowerArea(double a)
{
    return std::sqrt(std::numbers::pi) / 4.0 * std::exp(std::lgamma(a - 0.5) - std::lgamma(a));
}

/// Pearson VII area of the height-1 profile: √π·Γ(m − ½)/(2√q·Γ(m)), q = 2^{1/m} − 1.
double pearsonK(double m)
{
    const double q = std::pow(2.0, 1.0 / m) - 1.0;
    return std::sqrt(std::numbers::pi) * std::exp(std::lgamma(m - 0.5) - std::lgamma(m)) /
           (2.0 * std::sqrt(q));
}

double pearson(double x, double c, double F, double m, double* grad)
{
    const double u = (x - c) / F;
    const double q = std::pow(2.0, 1.0 / m) - 1.0;
    const double base = 1.0 + 4.0 * q * u * u;
    const double h = std::pow(base, -m);
    const double hu = -m * h / base * 8.0 * q * u;
    return normalised(h, hu, u, F, pearsonK(m), grad);
}

double asymLorentz(double x, double c, double F, double alpha, double beta, double* grad)
{
    const double u = (x - c) / F;
    const double a = u < 0.0 ? alpha : beta;
    const double base = 1.0 + 4.0 * u * u;
    const double h = std::pow(base, -a);
    const double hu = -a * h / base * 8.0 * u;
    const double K = halfLorentzPowerArea(alpha) + halfLorentzPowerArea(beta);
    return normalised(h, hu, u, F, K, grad);
}

double voigt(double x, double c, double fG, double fL, double* grad)
{
    const double sigma = fG / (2.0 * std::sqrt(2.0 * kLn2));
    const double gamma = 0.5 * fL;
    const double s2 = sigma * std::numbers::sqrt2;
    const std::complex<double> z((x - c) / s2, gamma / s2);
    const std::complex<double> w(re_w_of_z(z.real(), z.imag()), im_w_of_z(z.real(), z.imag()));
    const double norm = 1.0 / (sigma * std::sqrt(2.0 * std::numbers::pi));
    const double v = w.real() * norm;
    if (grad) {
        // w'(z) = −2z·w(z) + 2i/√π (Abramowitz & Stegun 7.1.20).
        const std::complex<double> wp =
            -2.0 * z * w + std::complex<double>(0.0, 2.0 / std::sqrt(std::numbers::pi));
        const double dx = (wp / s2).real() * norm;
        const double dGamma = (wp * std::complex<double>(0.0, 1.0) / s2).real() * norm;
        const double dSigma = (wp * (-z / sigma)).real() * norm - v / sigma;
        grad[0] = -dx;
        grad[1] = dSigma / (2.0 * std::sqrt(2.0 * kLn2));
        grad[2] = 0.5 * dGamma;
    }
    return v;
}

/// Central-difference derivative of the density in shape parameter \a k (shape exponents only,
/// where the analytic form needs digamma functions and gains nothing measurable).
template <class F>
void numericExtra(F&& f, std::span<const double> p, std::size_t k, double* grad)
{
    double q[8];
    for (std::size_t i = 0; i < p.size(); ++i)
        q[i] = p[i];
    const double h = 1e-6 * std::max(1.0, std::abs(p[k]));
    q[k] = p[k] + h;
    const double up = f(std::span<const double>(q, p.size()));
    q[k] = p[k] - h;
    const double dn = f(std::span<const double>(q, p.size()));
    grad[k] = (up - dn) / (2.0 * h);
}

/// x > 0 where the symmetric or right half of a unimodal profile falls to half its peak.
template <class F>
double halfWidthRight(F&& h, double peak, double guess)
{
    double lo = 0.0, hi = guess;
    while (h(hi) > 0.5 * peak)
        hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (h(mid) > 0.5 * peak ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace

const std::vector<Shape>& allShapes()
{
    static const std::vector<Shape> all = {Shape::Gaussian, Shape::Lorentzian,       Shape::PseudoVoigt,
                                           Shape::Voigt,    Shape::PearsonVII,       Shape::GL,
                                           Shape::SGL,      Shape::SplitPseudoVoigt, Shape::AsymLorentzian};
    return all;
}

std::string shapeKey(Shape s)
{
    switch (s) {
    case Shape::Gaussian:
        return "gaussian";
    case Shape::Lorentzian:
        return "lorentzian";
    case Shape::PseudoVoigt:
        return "pseudo_voigt";
    case Shape::Voigt:
        return "voigt";
    case Shape::PearsonVII:
        return "pearson7";
    case Shape::GL:
        return "gl";
    case Shape::SGL:
        return "sgl";
    case Shape::SplitPseudoVoigt:
        return "split_pseudo_voigt";
    case Shape::AsymLorentzian:
        return "la";
    }
    return "gaussian";
}

bool shapeFromKey(const std::string& key, Shape& out)
{
    for (Shape s : allShapes())
        if (shapeKey(s) == key) {
            out = s;
            return true;
        }
    return false;
}

const std::vector<std::string>& shapeParameterNames(Shape s)
{
    static const std::vector<std::string> two = {"center", "fwhm"};
    static const std::vector<std::string> pv = {"center", "fwhm", "eta"};
    static const std::vector<std::string> vo = {"center", "fwhm", "fwhm_l"};
    static const std::vector<std::string> p7 = {"center", "fwhm", "exponent"};
    static const std::vector<std::string> gl = {"center", "fwhm", "m"};
    static const std::vector<std::string> spv = {"center", "fwhm", "fwhm_right", "eta"};
    static const std::vector<std::string> la = {"center", "fwhm", "alpha", "beta"};
    switch (s) {
    case Shape::Gaussian:
    case Shape::Lorentzian:
        return two;
    case Shape::PseudoVoigt:
        return pv;
    case Shape::Voigt:
        return vo;
    case Shape::PearsonVII:
        return p7;
    case Shape::GL:
    case Shape::SGL:
        return gl;
    case Shape::SplitPseudoVoigt:
        return spv;
    case Shape::AsymLorentzian:
        return la;
    }
    return two;
}

double density(Shape s, double x, std::span<const double> p, double* grad)
{
    const double c = p[0], F = p[1];
    switch (s) {
    case Shape::Gaussian: {
        const double u = (x - c) / F;
        double hu;
        const double h = gaussH(u, hu);
        return normalised(h, hu, u, F, kKG, grad);
    }
    case Shape::Lorentzian: {
        const double u = (x - c) / F;
        double hu;
        const double h = lorentzH(u, hu);
        return normalised(h, hu, u, F, kKL, grad);
    }
    case Shape::PseudoVoigt:
        return pseudoVoigt(x, c, F, p[2], grad);
    case Shape::SGL: {
        const double v = pseudoVoigt(x, c, F, p[2] / 100.0, grad);
        if (grad) grad[2] /= 100.0;
        return v;
    }
    case Shape::GL: {
        const double mu = p[2] / 100.0, u = (x - c) / F;
        double hu, hmu, K, Kmu;
        const double h = glH(u, mu, &hu, &hmu);
        glArea(mu, K, Kmu);
        const double v = normalised(h, hu, u, F, K, grad);
        if (grad) grad[2] = (hmu - h * Kmu / K) / (F * K) / 100.0;
        return v;
    }
    case Shape::Voigt:
        return voigt(x, c, F, p[2], grad);
    case Shape::PearsonVII: {
        const double v = pearson(x, c, F, p[2], grad);
        if (grad)
            numericExtra([&](std::span<const double> q) { return pearson(x, q[0], q[1], q[2], nullptr); }, p,
                         2, grad);
        return v;
    }
    case Shape::SplitPseudoVoigt: {
        const double FL = F, FR = p[2], eta = p[3];
        const bool left = x < c;
        const double Fs = left ? FL : FR;
        const double u = (x - c) / Fs;
        double gu, lu;
        const double g = gaussH(u, gu), l = lorentzH(u, lu);
        const double h = (1.0 - eta) * g + eta * l, hu = (1.0 - eta) * gu + eta * lu;
        const double K = (1.0 - eta) * kKG + eta * kKL;
        const double S = 0.5 * (FL + FR);
        const double v = h / (S * K);
        if (grad) {
            grad[0] = -hu / Fs / (S * K);
            const double dSide = -hu * u / Fs / (S * K);
            grad[1] = (left ? dSide : 0.0) - v / (2.0 * S);
            grad[2] = (left ? 0.0 : dSide) - v / (2.0 * S);
            grad[3] = ((l - g) - h * (kKL - kKG) / K) / (S * K);
        }
        return v;
    }
    case Shape::AsymLorentzian: {
        const double v = asymLorentz(x, c, F, p[2], p[3], grad);
        if (grad) {
            auto f = [&](std::span<const double> q) {
                return asymLorentz(x, q[0], q[1], q[2], q[3], nullptr);
            };
            numericExtra(f, p, 2, grad);
            numericExtra(f, p, 3, grad);
        }
        return v;
    }
    }
    return 0.0;
}

double heightPerArea(Shape s, std::span<const double> p)
{
    if (s == Shape::Voigt) return voigt(p[0], p[0], p[1], p[2], nullptr);
    return density(s, p[0], p, nullptr);
}

double trueFwhm(Shape s, std::span<const double> p)
{
    const double F = p[1];
    switch (s) {
    case Shape::Gaussian:
    case Shape::Lorentzian:
    case Shape::PseudoVoigt:
    case Shape::SGL:
    case Shape::PearsonVII:
        return F;
    case Shape::SplitPseudoVoigt:
        return 0.5 * (p[1] + p[2]);
    case Shape::AsymLorentzian:
        return 0.5 * F *
               (std::sqrt(std::pow(2.0, 1.0 / p[2]) - 1.0) + std::sqrt(std::pow(2.0, 1.0 / p[3]) - 1.0));
    case Shape::GL: {
        const double mu = p[2] / 100.0;
        return 2.0 * F * halfWidthRight([&](double u) { return glH(u, mu, nullptr, nullptr); }, 1.0, 0.5);
    }
    case Shape::Voigt: {
        const double peak = voigt(0.0, 0.0, p[1], p[2], nullptr);
        return 2.0 * halfWidthRight([&](double x) { return voigt(x, 0.0, p[1], p[2], nullptr); }, peak,
                                    0.5 * (p[1] + p[2]));
    }
    }
    return F;
}

} // namespace vanadis::lineshape
