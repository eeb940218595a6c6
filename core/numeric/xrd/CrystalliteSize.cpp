#include "numeric/xrd/CrystalliteSize.h"

#include "numeric/LinearFit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace vanadis::xrd {

namespace {

constexpr double kRadPerDeg = std::numbers::pi / 180.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Shape factors FWHM/β of the unit-area Lorentzian (2/π) and Gaussian (2√(ln2/π)).
constexpr double kPhiL = 2.0 / std::numbers::pi;
const double kPhiG = 2.0 * std::sqrt(std::numbers::ln2 / std::numbers::pi);

std::string num(double v, int digits = 4)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

double tchEta(double q)
{
    return 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q;
}

double tchFifth(double g, double l)
{
    const double g2 = g * g, l2 = l * l;
    return g2 * g2 * g + 2.69269 * g2 * g2 * l + 2.42843 * g2 * g * l2 + 4.47163 * g2 * l2 * l +
           0.07842 * g * l2 * l2 + l2 * l2 * l;
}

/// Breadth of the chosen measure for a profile with these Voigt widths.
double measureOf(const VoigtWidths& w, BreadthMeasure m)
{
    if (m == BreadthMeasure::IntegralBreadth) return integralBreadthOf(w);
    double f, eta;
    tchCombine(w, f, eta);
    return f;
}

/// The corrected breadth for observed (FWHM, β) and instrument widths; fills the sample widths.
double corrected(double fwhm, double beta, const VoigtWidths* known, const VoigtWidths& inst,
                 const SizeOptions& o, VoigtWidths* sample, std::vector<std::string>* warnings)
{
    const double observed = o.measure == BreadthMeasure::Fwhm ? fwhm : beta;
    const double instrument = measureOf(inst, o.measure);
    switch (o.correction) {
    case BroadeningCorrection::None:
        return observed;
    case BroadeningCorrection::Linear:
        return observed - instrument;
    case BroadeningCorrection::Quadrature: {
        const double d = observed * observed - instrument * instrument;
        return d > 0.0 ? std::sqrt(d) : (d == 0.0 ? 0.0 : -std::sqrt(-d));
    }
    case BroadeningCorrection::Voigt: {
        const VoigtWidths obs = known ? *known : voigtWidthsFromBreadths(fwhm, beta);
        VoigtWidths s;
        const double g2 = obs.gaussFwhmDeg * obs.gaussFwhmDeg - inst.gaussFwhmDeg * inst.gaussFwhmDeg;
        s.gaussFwhmDeg = g2 > 0.0 ? std::sqrt(g2) : 0.0;
        s.lorentzFwhmDeg = std::max(0.0, obs.lorentzFwhmDeg - inst.lorentzFwhmDeg);
        if (warnings) {
            if (g2 < 0.0)
                warnings->push_back(
                    "the Gaussian part of the line is narrower than the instrument's; it was set to 0");
            if (obs.lorentzFwhmDeg < inst.lorentzFwhmDeg)
                warnings->push_back(
                    "the Lorentzian part of the line is narrower than the instrument's; it was set "
                    "to 0");
        }
        if (sample) *sample = s;
        if (s.gaussFwhmDeg <= 0.0 && s.lorentzFwhmDeg <= 0.0) return 0.0;
        return measureOf(s, o.measure);
    }
    }
    return observed;
}

} // namespace

void tchCombine(const VoigtWidths& w, double& fwhm, double& eta)
{
    const double g = std::max(0.0, w.gaussFwhmDeg), l = std::max(0.0, w.lorentzFwhmDeg);
    fwhm = std::pow(tchFifth(g, l), 0.2);
    eta = fwhm > 0.0 ? std::clamp(tchEta(l / fwhm), 0.0, 1.0) : 0.0;
}

VoigtWidths tchSplit(double fwhm, double eta)
{
    VoigtWidths out;
    if (!(fwhm > 0.0)) return out;
    eta = std::clamp(eta, 0.0, 1.0);
    // η(q) rises monotonically from 0 to 1 on [0, 1] (dη/dq ≥ 0.745): bisection.
    double lo = 0.0, hi = 1.0;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi);
        (tchEta(mid) < eta ? lo : hi) = mid;
    }
    const double l = 0.5 * (lo + hi) * fwhm;
    // Γ⁵(G, L) rises monotonically in G, from L⁵ ≤ Γ⁵ at G = 0.
    const double target = std::pow(fwhm, 5.0);
    double glo = 0.0, ghi = fwhm;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (glo + ghi);
        (tchFifth(mid, l) < target ? glo : ghi) = mid;
    }
    out.gaussFwhmDeg = 0.5 * (glo + ghi);
    out.lorentzFwhmDeg = l;
    return out;
}

VoigtWidths voigtWidthsFromBreadths(double fwhm, double beta)
{
    if (!(fwhm > 0.0) || !(beta > 0.0)) return {};
    const double phi = std::clamp(fwhm / beta, kPhiL, kPhiG);
    return tchSplit(fwhm, (kPhiG - phi) / (kPhiG - kPhiL));
}

double integralBreadthOf(const VoigtWidths& w)
{
    double f, eta;
    tchCombine(w, f, eta);
    if (!(f > 0.0)) return 0.0;
    return f / (eta * kPhiL + (1.0 - eta) * kPhiG);
}

Expected<VoigtWidths> instrumentWidths(const InstrumentBroadening& ib, double twoThetaDeg)
{
    using Kind = InstrumentBroadening::Kind;
    if (ib.kind == Kind::None) return VoigtWidths{};
    if (ib.kind == Kind::Caglioti) {
        const double th = 0.5 * twoThetaDeg * kRadPerDeg, t = std::tan(th);
        const double g2 = ib.uDeg2 * t * t + ib.vDeg2 * t + ib.wDeg2;
        if (!(g2 >= 0.0))
            return fail("", "instrument broadening",
                        "the Caglioti function U tan²θ + V tanθ + W is negative at 2θ = " + num(twoThetaDeg) +
                            "°");
        const double l = ib.xDeg * t + ib.yDeg / std::cos(th);
        if (!(l >= 0.0))
            return fail("", "instrument broadening",
                        "the Lorentzian width X tanθ + Y/cosθ is negative at 2θ = " + num(twoThetaDeg) + "°");
        return VoigtWidths{std::sqrt(g2), l};
    }
    if (ib.table.empty()) return fail("", "instrument broadening", "the standard's line table is empty");
    std::vector<double> xs, g2s, ls;
    for (const StandardLine& s : ib.table) {
        if (!(s.fwhmDeg > 0.0))
            return fail("", "instrument broadening", "a standard line has no positive FWHM");
        if (!xs.empty() && !(s.twoThetaDeg > xs.back()))
            return fail("", "instrument broadening", "the standard's lines must be sorted by 2θ");
        const VoigtWidths w = s.integralBreadthDeg > 0.0
                                  ? voigtWidthsFromBreadths(s.fwhmDeg, s.integralBreadthDeg)
                                  : VoigtWidths{s.fwhmDeg, 0.0};
        xs.push_back(s.twoThetaDeg);
        g2s.push_back(w.gaussFwhmDeg * w.gaussFwhmDeg);
        ls.push_back(w.lorentzFwhmDeg);
    }
    if (twoThetaDeg <= xs.front()) return VoigtWidths{std::sqrt(g2s.front()), ls.front()};
    if (twoThetaDeg >= xs.back()) return VoigtWidths{std::sqrt(g2s.back()), ls.back()};
    const std::size_t j = std::size_t(std::upper_bound(xs.begin(), xs.end(), twoThetaDeg) - xs.begin());
    const double t = (twoThetaDeg - xs[j - 1]) / (xs[j] - xs[j - 1]);
    return VoigtWidths{std::sqrt(g2s[j - 1] + t * (g2s[j] - g2s[j - 1])),
                       ls[j - 1] + t * (ls[j] - ls[j - 1])};
}

Expected<SampleBreadth> sampleBreadth(const BreadthLine& line, const SizeOptions& o)
{
    if (!(line.twoThetaDeg > 0.0 && line.twoThetaDeg < 180.0))
        return fail("", "line breadth", "2θ must lie between 0 and 180°");
    if (!(line.fwhmDeg > 0.0)) return fail("", "line breadth", "the FWHM must be positive");
    const bool needBeta =
        o.measure == BreadthMeasure::IntegralBreadth || o.correction == BroadeningCorrection::Voigt;
    if (needBeta && !(line.integralBreadthDeg > 0.0))
        return fail("", "line breadth",
                    "the integral breadth is needed (for the integral-breadth size or the Voigt correction)");
    auto inst = instrumentWidths(o.instrument, line.twoThetaDeg);
    if (!inst) return std::unexpected(inst.error());
    SampleBreadth out;
    out.twoThetaDeg = line.twoThetaDeg;
    out.observedDeg = o.measure == BreadthMeasure::Fwhm ? line.fwhmDeg : line.integralBreadthDeg;
    out.instrumentDeg =
        o.instrument.kind == InstrumentBroadening::Kind::None ? 0.0 : measureOf(*inst, o.measure);
    const bool haveWidths = line.widths.gaussFwhmDeg > 0.0 || line.widths.lorentzFwhmDeg > 0.0;
    const VoigtWidths* known = haveWidths ? &line.widths : nullptr;
    out.sampleDeg =
        corrected(line.fwhmDeg, line.integralBreadthDeg, known, *inst, o, &out.sampleWidths, &out.warnings);
    // Error: the observed widths moved by their standard errors (taken as independent).
    const double ef = std::isfinite(line.fwhmErrDeg) ? line.fwhmErrDeg : 0.0;
    const double eb = std::isfinite(line.integralBreadthErrDeg) ? line.integralBreadthErrDeg : 0.0;
    // Known Voigt widths move in proportion to the FWHM (their own errors are strongly correlated).
    auto at = [&](double f, double b) {
        VoigtWidths scaled = line.widths;
        scaled.gaussFwhmDeg *= f / line.fwhmDeg;
        scaled.lorentzFwhmDeg *= f / line.fwhmDeg;
        return corrected(f, b, known ? &scaled : nullptr, *inst, o, nullptr, nullptr);
    };
    const double dF = ef > 0.0 ? 0.5 * (at(line.fwhmDeg + ef, line.integralBreadthDeg) -
                                        at(std::max(line.fwhmDeg - ef, 1e-12), line.integralBreadthDeg))
                               : 0.0;
    const double dB = eb > 0.0 && needBeta
                          ? 0.5 * (at(line.fwhmDeg, line.integralBreadthDeg + eb) -
                                   at(line.fwhmDeg, std::max(line.integralBreadthDeg - eb, 1e-12)))
                          : 0.0;
    out.sampleErrDeg = std::sqrt(dF * dF + dB * dB);
    if (std::isnan(line.fwhmErrDeg) || (needBeta && std::isnan(line.integralBreadthErrDeg)))
        out.sampleErrDeg = kNaN;
    out.sampleRad = out.sampleDeg * kRadPerDeg;
    out.sampleErrRad = out.sampleErrDeg * kRadPerDeg;
    if (o.instrument.kind != InstrumentBroadening::Kind::None && out.observedDeg < 1.2 * out.instrumentDeg) {
        out.nearInstrument = true;
        out.warnings.push_back("the line at " + num(line.twoThetaDeg, 5) +
                               "° is less than 1.2× as broad as the "
                               "instrument: its size is unreliable");
    }
    return out;
}

Expected<ScherrerResult> scherrerSize(const BreadthLine& line, const SizeOptions& o)
{
    if (!(o.wavelengthAngstrom > 0.0)) return fail("", "Scherrer size", "the wavelength must be positive");
    if (!(o.scherrerK > 0.0)) return fail("", "Scherrer size", "the Scherrer constant K must be positive");
    auto b = sampleBreadth(line, o);
    if (!b) return std::unexpected(b.error());
    ScherrerResult out;
    out.scherrerK = o.scherrerK;
    out.measure = o.measure;
    out.breadth = *b;
    out.warnings = b->warnings;
    const double cosTheta = std::cos(0.5 * line.twoThetaDeg * kRadPerDeg);
    if (!(b->sampleRad > 0.0)) {
        out.sizeNm = out.sizeErrNm = kNaN;
        out.warnings.push_back("the line at " + num(line.twoThetaDeg, 5) +
                               "° is not broader than the instrument: no size");
        return out;
    }
    const double lambdaNm = 0.1 * o.wavelengthAngstrom;
    out.sizeNm = o.scherrerK * lambdaNm / (b->sampleRad * cosTheta);
    out.sizeErrNm = out.sizeNm * b->sampleErrRad / b->sampleRad;
    return out;
}

Expected<WilliamsonHallResult> williamsonHall(std::span<const BreadthLine> lines, const SizeOptions& o)
{
    if (!(o.wavelengthAngstrom > 0.0)) return fail("", "Williamson–Hall", "the wavelength must be positive");
    WilliamsonHallResult out;
    for (const BreadthLine& l : lines) {
        auto b = sampleBreadth(l, o);
        if (!b) return std::unexpected(b.error());
        out.warnings.insert(out.warnings.end(), b->warnings.begin(), b->warnings.end());
        if (!(b->sampleRad > 0.0)) {
            out.warnings.push_back("the line at " + num(l.twoThetaDeg, 5) +
                                   "° is not broader than the instrument and was left out");
            continue;
        }
        const double th = 0.5 * l.twoThetaDeg * kRadPerDeg;
        out.fourSinTheta.push_back(4.0 * std::sin(th));
        out.betaCosThetaRad.push_back(b->sampleRad * std::cos(th));
        out.lines.push_back(*b);
    }
    if (out.lines.size() < 2)
        return fail("", "Williamson–Hall", "at least two lines broader than the instrument are needed");
    const numeric::LineFit f = numeric::fitLine(out.fourSinTheta, out.betaCosThetaRad);
    if (!f.valid) return fail("", "Williamson–Hall", "the lines do not span a range of angles");
    out.microstrain = f.slope;
    out.microstrainErr = f.slopeErr;
    out.intercept = f.intercept;
    out.interceptErr = f.interceptErr;
    out.r2 = f.r2;
    const double kl = o.scherrerK * 0.1 * o.wavelengthAngstrom;
    out.sizeNm = f.intercept > 0.0 ? kl / f.intercept : kNaN;
    out.sizeErrNm = f.intercept > 0.0 ? out.sizeNm * f.interceptErr / f.intercept : kNaN;
    if (out.lines.size() < 3)
        out.warnings.push_back("only two lines: the straight line has no degrees of freedom and no errors");
    if (f.slope < 0.0)
        out.warnings.push_back("negative slope (strain): broadening decreases with angle, which points to "
                               "anisotropic size or strain rather than a uniform strain");
    if (f.intercept <= 0.0)
        out.warnings.push_back(
            "non-positive intercept: no size can be given (strain-dominated or anisotropic "
            "broadening)");
    if (out.lines.size() >= 3 && f.r2 < 0.5)
        out.warnings.push_back("R² = " + num(f.r2, 3) +
                               ": the lines do not follow a straight line (anisotropic broadening?)");
    return out;
}

} // namespace vanadis::xrd
