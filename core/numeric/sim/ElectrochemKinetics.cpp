// Kinetic forward models: cyclic voltammetry (Dunn decomposition), GITT (Weppner–Huggins) and EIS
// (R0 + (Rct‖CPE) + W). Galvanostatic models live in Electrochem.cpp.

#include "numeric/sim/Electrochem.h"

#include "numeric/sim/SimUtil.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <tuple>

namespace vanadis::sim {
namespace {

double bump(double v, double centre, double fwhm)
{
    const double u = (v - centre) / fwhm;
    return std::exp(-4.0 * std::numbers::ln2 * u * u);
}

// Unnormalised shapes on each branch. The pseudocapacitive envelope is broad with two humps (the
// sloping, plateau-free V2O3 response); the diffusion part is a redox pair on a small floor.
double capacitiveShape(const CvParams& p, double v, bool cathodic)
{
    return cathodic ? 0.35 + bump(v, 2.3, 0.9) + 0.6 * bump(v, 3.2, 0.8)
                    : 0.35 + bump(v, 2.55, 0.9) + 0.6 * bump(v, 3.4, 0.8);
}
double diffusionShape(const CvParams& p, double v, bool cathodic)
{
    return cathodic ? 0.05 + bump(v, p.cathodicPeakV, 0.35) : 0.05 + bump(v, p.anodicPeakV, 0.40);
}

int cvPointsPerBranch(const CvParams& p)
{
    return static_cast<int>(std::llround((p.upperV - p.lowerV) / p.stepV));
}

// Potential of record i (1-based) of a branch: the sweep starts at the vertex and records after each step.
double cvPotential(const CvParams& p, int i, bool cathodic)
{
    return cathodic ? p.upperV - i * p.stepV : p.lowerV + i * p.stepV;
}

// ∫shape dV on the record grid of a branch, so that the discrete charge split is exact.
double branchIntegral(const CvParams& p, bool cathodic, bool capacitive)
{
    double sum = 0.0;
    const int n = cvPointsPerBranch(p);
    for (int i = 1; i <= n; ++i) {
        const double v = cvPotential(p, i, cathodic);
        sum += (capacitive ? capacitiveShape(p, v, cathodic) : diffusionShape(p, v, cathodic)) * p.stepV;
    }
    return sum;
}

// Half-sweep charge at 1 mV/s: Q = (A1 + A2)/(3.6e-3·m) mAh/g when each shape integrates to 1 over the
// branch, because dt = dV/v and i = A·S(V)·v (v in mV/s, i in mA).
std::pair<double, double> dunnCoefficients(const CvParams& p, double v, bool cathodic, double capIntegral,
                                           double difIntegral)
{
    const double total = p.capacity1mVsMahG * p.activeMassMg * 3.6e-3;
    const double k1 = p.capacitiveFraction1mVs * total * capacitiveShape(p, v, cathodic) / capIntegral;
    const double k2 = (1.0 - p.capacitiveFraction1mVs) * total * diffusionShape(p, v, cathodic) / difIntegral;
    const double sign = cathodic ? -1.0 : 1.0;
    return {sign * k1, sign * k2};
}

std::string withSample(const std::string& sampleName, const std::string& what)
{
    return (sampleName.empty() ? std::string() : sampleName + " – ") + what;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

std::pair<double, double> cvDunnCoefficients(const CvParams& p, double potentialV, bool cathodic)
{
    return dunnCoefficients(p, potentialV, cathodic, branchIntegral(p, cathodic, true),
                            branchIntegral(p, cathodic, false));
}

SimDataset simulateCv(const CvParams& p, const std::string& sampleName)
{
    if (p.scanRatesMVPerS.empty() || p.stepV <= 0.0 || p.upperV <= p.lowerV || p.cyclesPerRate < 1)
        throw std::invalid_argument("simulateCv: invalid programme");
    const int n = cvPointsPerBranch(p);

    // Coefficients depend only on the branch and the record index: tabulate once.
    const double capC = branchIntegral(p, true, true), difC = branchIntegral(p, true, false);
    const double capA = branchIntegral(p, false, true), difA = branchIntegral(p, false, false);
    std::vector<double> k1c(n + 1), k2c(n + 1), k1a(n + 1), k2a(n + 1);
    for (int i = 1; i <= n; ++i) {
        std::tie(k1c[i], k2c[i]) = dunnCoefficients(p, cvPotential(p, i, true), true, capC, difC);
        std::tie(k1a[i], k2a[i]) = dunnCoefficients(p, cvPotential(p, i, false), false, capA, difA);
    }

    Rng rng(p.seed);
    std::vector<double> time, potential, current, rate, cycleCol;
    double t = 0.0;
    for (double v : p.scanRatesMVPerS) {
        const double sqrtV = std::sqrt(v);
        const double dt = p.stepV / (v * 1e-3);
        double peak = 0.0;
        for (int i = 1; i <= n; ++i)
            peak = std::max(
                {peak, std::abs(k1c[i] * v + k2c[i] * sqrtV), std::abs(k1a[i] * v + k2a[i] * sqrtV)});
        const double sigma = p.currentNoiseRelative * peak;
        for (int c = 1; c <= p.cyclesPerRate; ++c) {
            for (int branch = 0; branch < 2; ++branch) {
                const bool cathodic = branch == 0;
                for (int i = 1; i <= n; ++i) {
                    double k2 = cathodic ? k2c[i] : k2a[i];
                    // First sodiation of the scan sequence carries extra irreversible (diffusive) current.
                    if (c == 1 && cathodic) k2 *= 1.0 + p.firstCycleExtraRelative;
                    const double k1 = cathodic ? k1c[i] : k1a[i];
                    t += dt;
                    time.push_back(t);
                    potential.push_back(cvPotential(p, i, cathodic));
                    current.push_back(k1 * v + k2 * sqrtV + rng.normal(0.0, sigma));
                    rate.push_back(v);
                    cycleCol.push_back(c);
                }
            }
        }
    }

    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "cv";
    ds.name = withSample(sampleName, "CV 0.2–1.0 mV/s");
    ds.columns.push_back({"Time", "s", std::move(time)});
    ds.columns.push_back({"Potential", "V", std::move(potential)});
    ds.columns.push_back({"Current", "mA", std::move(current)});
    ds.columns.push_back({"Scan Rate", "mV/s", std::move(rate)});
    ds.columns.push_back({"Cycle", "1", std::move(cycleCol)});
    addMeta(ds, "instrument", "Gamry Reference 1000 (simulated)");
    addMeta(ds, "active_mass_mg", p.activeMassMg);
    addMeta(ds, "scan_rates_mv_s", formatList(p.scanRatesMVPerS));
    addMeta(ds, "cycles_per_rate", p.cyclesPerRate);
    addMeta(ds, "potential_window_v", formatNumber(p.lowerV) + "-" + formatNumber(p.upperV));
    addMeta(ds, "step_v", p.stepV);
    addMeta(ds, "start", "upper vertex, cathodic sweep first");
    addMeta(ds, "model", "i = k1(V)*v + k2(V)*v^0.5 (Dunn)");
    addMeta(ds, "capacitive_fraction_1mVs", p.capacitiveFraction1mVs);
    addMeta(ds, "cathodic_peak_v", p.cathodicPeakV);
    addMeta(ds, "anodic_peak_v", p.anodicPeakV);
    return ds;
}

// ---------------------------------------------------------------------------------------------------

double gittDiffusionCm2PerS(const GittParams& p, double x)
{
    x = std::clamp(x, 0.0, 1.0);
    return p.diffusionCm2PerS * std::pow(10.0, -p.diffusionDipDecades * std::sin(std::numbers::pi * x));
}

SimDataset simulateGitt(const GittParams& p, const std::string& sampleName)
{
    if (p.pulseS <= 0.0 || p.restS <= 0.0 || p.sampleIntervalS <= 0.0 || p.capacityMahG <= 0.0)
        throw std::invalid_argument("simulateGitt: invalid programme");
    const double currentMa = p.currentDensityAPerG * p.activeMassMg;
    const double ir = currentMa * 1e-3 * p.ohmicResistanceOhm;
    const double pulseMahG = p.currentDensityAPerG * p.pulseS / 3.6;
    const double dx = pulseMahG / p.capacityMahG;
    const double sStart = sodiationAtVoltage(p.startOcvV);
    const double sEnd = sodiationAtVoltage(p.lowerCutoffV + 0.05);
    auto ocv = [&](double x) { return openCircuitVoltage(sStart + (sEnd - sStart) * x); };
    const int pulseSamples = static_cast<int>(std::llround(p.pulseS / p.sampleIntervalS));
    const int restSamples = static_cast<int>(std::llround(p.restS / p.sampleIntervalS));
    const int initialSamples = static_cast<int>(std::llround(p.initialRestS / p.sampleIntervalS));

    Rng rng(p.seed);
    std::vector<double> time, voltage, current, dTrue;
    auto record = [&](double t, double v, double i) {
        time.push_back(t);
        voltage.push_back(v + rng.normal(0.0, p.voltageNoiseV));
        current.push_back(i);
    };

    // Rest after the charge to 4.0 V: the last few tenths of a volt relax quickly.
    double t = 0.0;
    for (int i = 0; i <= initialSamples; ++i) {
        t = i * p.sampleIntervalS;
        record(t, p.startOcvV + 0.2 * std::exp(-t / 80.0), 0.0);
    }

    double x = 0.0;
    bool cutoff = false;
    for (int k = 0; k < p.maxPulses && !cutoff; ++k) {
        const double eBefore = ocv(x);
        const double xAfter = x + dx;
        const double dEs = eBefore - ocv(xAfter);
        const double d = gittDiffusionCm2PerS(p, x + 0.5 * dx);
        // Weppner–Huggins solved for the transient: ΔE_t = 2L·ΔE_s/√(π·τ·D).
        const double dEt = 2.0 * p.thicknessCm * dEs / std::sqrt(std::numbers::pi * p.pulseS * d);
        const double tPulse = t;
        int done = 0;
        for (int i = 1; i <= pulseSamples; ++i) {
            const double tau = i * p.sampleIntervalS;
            const double v = eBefore - ir - dEt * std::sqrt(tau / p.pulseS);
            t = tPulse + tau;
            record(t, v, -currentMa);
            done = i;
            if (v <= p.lowerCutoffV) {
                cutoff = true;
                break;
            }
        }
        // A pulse cut short moves the composition only by the charge actually passed.
        const double fraction = static_cast<double>(done) / pulseSamples;
        const double xEnd = x + dx * fraction;
        const double eRelaxed = ocv(xEnd);
        const double vEnd = eBefore - dEt * std::sqrt(fraction);
        if (!cutoff) dTrue.push_back(d);
        const double tRest = t;
        for (int i = 1; i <= restSamples; ++i) {
            const double tau = i * p.sampleIntervalS;
            // Superposition of the pulse's √t response (semi-infinite: √(1+τ'/τ) − √(τ'/τ)), cut off by the
            // finite diffusion length so that the cell is relaxed at the end of the rest.
            const double r = tau / p.pulseS;
            const double g = (std::sqrt(1.0 + r) - std::sqrt(r)) * std::exp(-tau / p.relaxationTimeS);
            t = tRest + tau;
            record(t, eRelaxed + (vEnd - eRelaxed) * g, 0.0);
        }
        x = xEnd;
        if (x + dx > 1.0) break;
    }

    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "gitt";
    ds.name = withSample(sampleName, "GITT sodiation");
    ds.columns.push_back({"Time", "s", std::move(time)});
    ds.columns.push_back({"Voltage", "V", std::move(voltage)});
    ds.columns.push_back({"Current", "mA", std::move(current)});
    addMeta(ds, "instrument", "LAND CT2001A (simulated)");
    addMeta(ds, "active_mass_mg", p.activeMassMg);
    addMeta(ds, "current_density_a_g", p.currentDensityAPerG);
    addMeta(ds, "pulse_current_ma", currentMa);
    addMeta(ds, "pulse_duration_s", p.pulseS);
    addMeta(ds, "rest_duration_s", p.restS);
    addMeta(ds, "diffusion_length_cm", p.thicknessCm);
    addMeta(ds, "diffusion_length_definition", "L = electrode thickness (simplified Weppner-Huggins)");
    addMeta(ds, "formula", "D = 4/(pi*tau) * L^2 * (dEs/dEt)^2");
    addMeta(ds, "ohmic_resistance_ohm", p.ohmicResistanceOhm);
    addMeta(ds, "complete_pulses", static_cast<int>(dTrue.size()));
    addMeta(ds, "d_true_cm2_s", formatList(dTrue));
    return ds;
}

// ---------------------------------------------------------------------------------------------------

std::complex<double> eisImpedanceOhm(const EisParams& p, double frequencyHz)
{
    using namespace std::complex_literals;
    const double omega = 2.0 * std::numbers::pi * frequencyHz;
    const std::complex<double> jw = 1i * omega;
    const std::complex<double> yCpe = p.cpeQ * std::pow(jw, p.cpeN);
    const std::complex<double> zArc = 1.0 / (1.0 / p.rctOhm + yCpe);
    const std::complex<double> zW = p.warburgSigma / std::sqrt(omega) * (1.0 - 1i);
    return p.r0Ohm + zArc + zW;
}

SimDataset simulateEis(const EisParams& p, const std::string& sampleName)
{
    if (p.maxFrequencyHz <= p.minFrequencyHz || p.minFrequencyHz <= 0.0 || p.pointsPerDecade < 1)
        throw std::invalid_argument("simulateEis: invalid frequency range");
    const double decades = std::log10(p.maxFrequencyHz / p.minFrequencyHz);
    const int n = static_cast<int>(std::llround(decades * p.pointsPerDecade)) + 1;
    Rng rng(p.seed);
    std::vector<double> freq(n), zRe(n), zImNeg(n);
    for (int i = 0; i < n; ++i) {
        const double f = p.maxFrequencyHz * std::pow(10.0, -static_cast<double>(i) / p.pointsPerDecade);
        const auto z = eisImpedanceOhm(p, f);
        const double scale = p.noiseRelative * std::abs(z);
        freq[i] = f;
        zRe[i] = z.real() + rng.normal(0.0, scale);
        zImNeg[i] = -(z.imag() + rng.normal(0.0, scale));
    }

    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "eis";
    ds.name = withSample(sampleName, "EIS Nyquist");
    ds.columns.push_back({"Frequency", "Hz", std::move(freq)});
    ds.columns.push_back({"Z'", "Ω", std::move(zRe)});
    ds.columns.push_back({"-Z''", "Ω", std::move(zImNeg)});
    addMeta(ds, "instrument", "Gamry Reference 1000 (simulated)");
    addMeta(ds, "mode", "potentiostatic at OCV, 5 mV rms");
    addMeta(ds, "circuit", "R0-p(Rct,CPE)-W");
    addMeta(ds, "r0_ohm", p.r0Ohm);
    addMeta(ds, "rct_ohm", p.rctOhm);
    addMeta(ds, "cpe_q", p.cpeQ);
    addMeta(ds, "cpe_n", p.cpeN);
    addMeta(ds, "warburg_sigma_ohm_s-0.5", p.warburgSigma);
    addMeta(ds, "points_per_decade", p.pointsPerDecade);
    return ds;
}

} // namespace vanadis::sim
