#include "numeric/sim/Xrd.h"

#include "numeric/sim/SimUtil.h"

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vanadis::sim {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct TableLine {
    int h, k, l, m;
    double intensity;
};

// xrd.md §3: I = m·|F|²·LP for V2O3 (Newnham & de Haan 1962), λ = 1.5406 Å, B = 0, all lines with
// 2θ < 90°. Only hkl, multiplicity and intensity are embedded; positions are recomputed from the cell.
// clang-format off
constexpr std::array<TableLine, 29> kV2o3Lines{{
    {0, 1, 2, 6, 67.5},  {1, 0, 4, 6, 95.6},  {1, 1, 0, 6, 82.9},  {0, 0, 6, 2, 6.3},
    {1, 1, 3, 12, 32.7}, {2, 0, 2, 6, 6.6},   {0, 2, 4, 6, 35.7},  {1, 1, 6, 12, 100.0},
    {0, 1, 8, 6, 0.9},   {2, 1, 1, 12, 0.5},  {1, 2, 2, 12, 6.8},  {2, 1, 4, 12, 29.1},
    {3, 0, 0, 6, 42.1},  {1, 2, 5, 12, 0.3},  {2, 0, 8, 6, 0.1},   {1, 0, 10, 6, 16.8},
    {1, 1, 9, 12, 3.7},  {2, 1, 7, 12, 0.2},  {2, 2, 0, 6, 8.5},   {3, 0, 6, 12, 6.4},
    {2, 2, 3, 12, 2.2},  {1, 2, 8, 12, 0.3},  {1, 3, 1, 12, 0.1},  {3, 1, 2, 12, 3.8},
    {0, 2, 10, 6, 9.0},  {0, 0, 12, 2, 3.1},  {1, 3, 4, 12, 8.7},  {3, 1, 5, 12, 0.1},
    {2, 2, 6, 12, 19.3},
}};
// clang-format on

double gaussianHump(double x, double centre, double fwhm)
{
    const double u = (x - centre) / fwhm;
    return std::exp(-4.0 * std::numbers::ln2 * u * u);
}

} // namespace

bool isAllowedR3cHex(int h, int k, int l)
{
    if (h == 0 && k == 0 && l == 0) return false;
    if (((-h + k + l) % 3 + 3) % 3 != 0) return false;
    // Three-index form of the hkil conditions: (h −h 0 l) is k = −h.
    if (k == -h && l % 2 != 0) return false;
    if (h == 0 && k == 0 && l % 6 != 0) return false;
    return true;
}

double hexagonalDSpacingAngstrom(int h, int k, int l, double aAngstrom, double cAngstrom)
{
    const double inv = 4.0 * (h * h + h * k + k * k) / (3.0 * aAngstrom * aAngstrom) +
                       static_cast<double>(l * l) / (cAngstrom * cAngstrom);
    return 1.0 / std::sqrt(inv);
}

std::vector<XrdReflection> v2o3Reflections(double aAngstrom, double cAngstrom, double wavelengthAngstrom,
                                           double twoThetaMaxDeg)
{
    std::vector<XrdReflection> out;
    for (const auto& line : kV2o3Lines) {
        // Checked so that a typo in the embedded table cannot put a forbidden line into a pattern.
        if (!isAllowedR3cHex(line.h, line.k, line.l))
            throw std::logic_error("v2o3Reflections: table holds a reflection forbidden in R-3c");
        const double d = hexagonalDSpacingAngstrom(line.h, line.k, line.l, aAngstrom, cAngstrom);
        const double s = wavelengthAngstrom / (2.0 * d);
        if (s >= 1.0) continue;
        const double twoTheta = 2.0 * std::asin(s) / kDeg;
        if (twoTheta >= twoThetaMaxDeg) continue;
        out.push_back({line.h, line.k, line.l, line.m, d, twoTheta, line.intensity});
    }
    return out;
}

void tchPseudoVoigt(double gaussFwhmDeg, double lorentzFwhmDeg, double& fwhmDeg, double& eta)
{
    const double g = gaussFwhmDeg, l = lorentzFwhmDeg;
    const double g2 = g * g, l2 = l * l;
    const double f5 = g2 * g2 * g + 2.69269 * g2 * g2 * l + 2.42843 * g2 * g * l2 + 4.47163 * g2 * l2 * l +
                      0.07842 * g * l2 * l2 + l2 * l2 * l;
    fwhmDeg = std::pow(f5, 0.2);
    if (fwhmDeg <= 0.0) {
        eta = 0.0;
        return;
    }
    const double q = l / fwhmDeg;
    eta = std::clamp(1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q, 0.0, 1.0);
}

SimDataset simulateXrd(const XrdParams& p, const std::string& sampleName)
{
    if (p.stepDeg <= 0.0 || p.twoThetaEndDeg <= p.twoThetaStartDeg)
        throw std::invalid_argument("simulateXrd: empty 2θ range");
    if (p.crystalliteSizeNm <= 0.0) throw std::invalid_argument("simulateXrd: crystallite size must be > 0");

    const auto n =
        static_cast<std::size_t>(std::llround((p.twoThetaEndDeg - p.twoThetaStartDeg) / p.stepDeg)) + 1;
    std::vector<double> x(n), y(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = p.twoThetaStartDeg + static_cast<double>(i) * p.stepDeg;

    // Lines just beyond the scan end still put Lorentzian tails into it.
    const auto lines = v2o3Reflections(p.aAngstrom, p.cAngstrom, p.lambda1Angstrom, p.twoThetaEndDeg + 12.0);
    const double sizeAngstrom = p.crystalliteSizeNm * 10.0;
    const double gaussNorm = 2.0 * std::sqrt(std::numbers::ln2 / std::numbers::pi);

    struct Component {
        double lambda, weight;
    };
    const std::array<Component, 2> components{{{p.lambda1Angstrom, 1.0}, {p.lambda2Angstrom, p.ka2Ratio}}};

    for (const auto& line : lines) {
        for (const auto& comp : components) {
            if (comp.weight <= 0.0) continue;
            const double s = comp.lambda / (2.0 * line.dAngstrom);
            if (s >= 1.0) continue;
            const double theta = std::asin(s);
            // Scherrer (size) broadening is Lorentzian-like; instrument and strain are Gaussian-like.
            // Both scale with the wavelength of the component, so Kα2 is marginally broader.
            const double lorentz = p.scherrerK * comp.lambda / (sizeAngstrom * std::cos(theta)) / kDeg;
            const double tanT = std::tan(theta);
            const double inst2 = std::max(0.0, p.cagliotiU * tanT * tanT + p.cagliotiV * tanT + p.cagliotiW);
            const double strain = 4.0 * p.microstrain * tanT / kDeg;
            const double gauss = std::sqrt(inst2 + strain * strain);
            double fwhm = 0.0, eta = 0.0;
            tchPseudoVoigt(gauss, lorentz, fwhm, eta);
            const double centre = 2.0 * theta / kDeg + p.zeroShiftDeg;
            const double area = p.peakAreaScale * line.relIntensity / 100.0 * comp.weight;
            const double gHeight = gaussNorm / fwhm;
            const double lHeight = 2.0 / (std::numbers::pi * fwhm);
            for (std::size_t i = 0; i < n; ++i) {
                const double u = (x[i] - centre) / fwhm;
                const double u2 = 4.0 * u * u;
                const double g = u2 < 60.0 ? gHeight * std::exp(-std::numbers::ln2 * u2) : 0.0;
                const double l = lHeight / (1.0 + u2);
                y[i] += area * (eta * l + (1.0 - eta) * g);
            }
        }
    }

    Rng rng(p.seed);
    for (std::size_t i = 0; i < n; ++i) {
        const double background =
            p.backgroundCounts * (1.0 - 0.0015 * (x[i] - p.twoThetaStartDeg)) +
            p.lowAngleRiseCounts * std::exp(-(x[i] - p.twoThetaStartDeg) / 12.0) +
            p.carbonHumpCounts * (gaussianHump(x[i], 24.0, 9.0) + 0.45 * gaussianHump(x[i], 43.5, 7.0)) +
            p.amorphousHumpCounts * (gaussianHump(x[i], 34.5, 12.0) + 0.35 * gaussianHump(x[i], 54.0, 10.0));
        const double expected = std::max(0.0, y[i] + background);
        y[i] = p.countingNoise ? rng.poisson(expected) : expected;
    }

    SimDataset ds;
    ds.technique = "xrd";
    ds.kind = "pattern";
    ds.name = (sampleName.empty() ? std::string() : sampleName + " – ") + "XRD Cu Kα";
    ds.columns.push_back({"2Theta", "deg", std::move(x)});
    ds.columns.push_back({"Intensity", "counts", std::move(y)});
    addMeta(ds, "instrument", "Rigaku SmartLab (simulated)");
    addMeta(ds, "anode", "Cu");
    addMeta(ds, "wavelength_angstrom", p.lambda1Angstrom);
    addMeta(ds, "wavelength2_angstrom", p.lambda2Angstrom);
    addMeta(ds, "ka2_ka1_ratio", p.ka2Ratio);
    addMeta(ds, "scan_axis", "2Theta/Theta");
    addMeta(ds, "step_deg", p.stepDeg);
    addMeta(ds, "crystallite_size_nm", p.crystalliteSizeNm);
    addMeta(ds, "scherrer_k", p.scherrerK);
    addMeta(ds, "microstrain", p.microstrain);
    addMeta(ds, "a_angstrom", p.aAngstrom);
    addMeta(ds, "c_angstrom", p.cAngstrom);
    addMeta(ds, "zero_shift_deg", p.zeroShiftDeg);
    addMeta(ds, "phase", "V2O3 R-3c (corundum type)");
    addMeta(ds, "profile", "TCH pseudo-Voigt; Lorentzian Scherrer size, Gaussian Caglioti instrument");
    addMeta(ds, "caglioti_u_deg2", p.cagliotiU);
    addMeta(ds, "caglioti_v_deg2", p.cagliotiV);
    addMeta(ds, "caglioti_w_deg2", p.cagliotiW);
    addMeta(ds, "seed", std::to_string(p.seed));
    return ds;
}

} // namespace vanadis::sim
