#include "numeric/sim/Isotherm.h"

#include "numeric/Constants.h"
#include "numeric/sim/SimUtil.h"

#include <cmath>
#include <stdexcept>

namespace vanadis::sim {
namespace {

namespace k = vanadis::constants;

// Monolayer thickness t_m = V_L/(σ·N_A) in nm. Deriving it from σ and the liquid molar volume (instead
// of the rounded 0.354 nm) makes a flat film of θ layers hold exactly θ·a/4.3526 cm³ STP g⁻¹, so the BET
// area of the generated data equals the model area.
const double kMonolayerNm =
    k::n2LiquidMolarVolumeCm3PerMol * 1e-6 / (k::n2CrossSectionNm2 * 1e-18 * k::avogadroPerMol) * 1e9;
// γ·V_L/(R·T) in nm: the Kelvin length of N2 at 77.35 K (0.477 nm; × 2 for a hemispherical meniscus).
const double kKelvinNm = k::n2SurfaceTensionNPerM * k::n2LiquidMolarVolumeCm3PerMol * 1e-6 /
                         (k::gasConstantJPerMolK * k::n2TemperatureK) * 1e9;
// cm³ of liquid N2 per cm³ STP of gas (0.0015468).
const double kLiquidPerGas = k::n2LiquidMolarVolumeCm3PerMol / k::molarVolumeStpCm3PerMol;

constexpr double kBlendStart = 0.30;

double betCoverage(double x, double c)
{
    return c * x / ((1.0 - x) * (1.0 - x + c * x));
}

// x where a cylinder of radius rNm fills (meniscusFactor 1: Cohan cylindrical meniscus) or empties
// (meniscusFactor 2: hemispherical meniscus): r − t(x) = f·γV_L/(RT·(−ln x)). The left side falls
// monotonically with x, so bisection is safe.
double condensationPressure(double rNm, double c, double meniscusFactor)
{
    double lo = 1e-8, hi = 1.0 - 1e-12;
    for (int it = 0; it < 100; ++it) {
        const double mid = 0.5 * (lo + hi);
        const double g = rNm - filmThicknessNm(mid, c) - meniscusFactor * kKelvinNm / (-std::log(mid));
        (g > 0.0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

struct PoreBin {
    double areaM2PerG;
    double volumeCm3PerG; // liquid
    double xFill;
    double xEmpty;
};

class PoreModel {
public:
    explicit PoreModel(const IsothermParams& p) : m_c(p.betC)
    {
        if (p.betAreaM2PerG <= 0.0) throw std::invalid_argument("isotherm: area must be > 0");
        if (p.betC <= 1.0) throw std::invalid_argument("isotherm: BET C must be > 1");
        double poreFraction = 0.0;
        // Pore sizes 0.1 % apart in D: each pore empties at one sharp pressure, and with coarser steps a
        // BJH bin (≈ 4 % wide at 0.01 p/p0 spacing) holds 4 or 5 of them, a ±20 % comb that moved the
        // desorption peak by 6 %. The distribution being modelled is the continuous lognormal.
        constexpr int nBins = 1201;
        for (const auto& mode : p.pores) {
            poreFraction += mode.areaFraction;
            std::vector<double> weights(nBins);
            double sum = 0.0;
            for (int i = 0; i < nBins; ++i) {
                const double z = -4.0 + 8.0 * i / (nBins - 1);
                weights[i] = std::exp(-0.5 * z * z);
                sum += weights[i];
            }
            for (int i = 0; i < nBins; ++i) {
                const double z = -4.0 + 8.0 * i / (nBins - 1);
                const double d = mode.medianDiameterNm * std::exp(mode.logSigma * z);
                const double area = mode.areaFraction * p.betAreaM2PerG * weights[i] / sum;
                const double xFill = condensationPressure(0.5 * d, m_c, 1.0);
                const double xNeck =
                    condensationPressure(0.5 * d * std::clamp(mode.neckRatio, 0.05, 1.0), m_c, 2.0);
                const double xEmpty = std::min(xFill, std::max(p.cavitationPressure, xNeck));
                m_bins.push_back({area, area * d * 1e-3 / 4.0, xFill, xEmpty});
            }
        }
        if (poreFraction >= 1.0) throw std::invalid_argument("isotherm: pore area fractions must sum to < 1");
        m_externalArea = p.betAreaM2PerG * (1.0 - poreFraction);
    }

    double amount(double x, bool desorption, double xTop) const
    {
        const double t = filmThicknessNm(x, m_c);
        double liquid = m_externalArea * t * 1e-3;
        for (const auto& b : m_bins) {
            const bool filled = desorption ? (b.xFill <= xTop && x > b.xEmpty) : (x >= b.xFill);
            liquid += filled ? b.volumeCm3PerG : std::min(b.volumeCm3PerG, b.areaM2PerG * t * 1e-3);
        }
        return liquid / kLiquidPerGas;
    }

    double poreVolumeCm3PerG() const
    {
        double v = 0.0;
        for (const auto& b : m_bins)
            v += b.volumeCm3PerG;
        return v;
    }

private:
    double m_c;
    double m_externalArea = 0.0;
    std::vector<PoreBin> m_bins;
};

std::vector<double> defaultAdsorptionPressures()
{
    return {0.005, 0.01, 0.02,  0.03, 0.04, 0.05, 0.065, 0.08, 0.10, 0.12, 0.14,  0.16, 0.18, 0.20,
            0.225, 0.25, 0.275, 0.30, 0.35, 0.40, 0.45,  0.50, 0.55, 0.60, 0.65,  0.70, 0.75, 0.80,
            0.85,  0.88, 0.90,  0.92, 0.94, 0.95, 0.96,  0.97, 0.98, 0.99, 0.993, 0.995};
}

std::vector<double> defaultDesorptionPressures()
{
    return {0.99, 0.98, 0.96, 0.94, 0.92, 0.90, 0.87, 0.84, 0.80, 0.76, 0.72, 0.68, 0.64,
            0.60, 0.56, 0.52, 0.49, 0.47, 0.45, 0.43, 0.40, 0.35, 0.30, 0.25, 0.20};
}

} // namespace

double multilayerCoverage(double x, double c)
{
    if (x <= 0.0) return 0.0;
    x = std::min(x, 1.0 - 1e-9);
    if (x <= kBlendStart) return betCoverage(x, c);
    // Beyond ≈ 0.4 the infinite-layer BET film grows far faster than real films (it diverges at x = 1).
    // The film then follows the shape of the Harkins–Jura thickness curve (1944), matched in value at the
    // blend start: the curve BJH and the t-plot assume by default, so that the pore-size distribution of
    // generated data shows the modelled pores and no artefact of a film law BJH does not know.
    const auto harkinsJura = [](double p) { return std::sqrt(13.99 / (0.034 - std::log10(p))); };
    return betCoverage(kBlendStart, c) * harkinsJura(x) / harkinsJura(kBlendStart);
}

double filmThicknessNm(double x, double c)
{
    return kMonolayerNm * multilayerCoverage(x, c);
}

double isothermAmountCm3PerG(const IsothermParams& params, double x, bool desorption, double xTop)
{
    return PoreModel(params).amount(x, desorption, xTop);
}

SimDataset simulateIsotherm(const IsothermParams& p, const std::string& sampleName)
{
    const PoreModel model(p);
    const auto adsTargets =
        p.adsorptionPressures.empty() ? defaultAdsorptionPressures() : p.adsorptionPressures;
    const auto desTargets =
        p.desorptionPressures.empty() ? defaultDesorptionPressures() : p.desorptionPressures;

    Rng rng(p.seed);
    std::vector<double> xs, ns, branch;
    double xTop = 0.0;
    auto addPoint = [&](double target, bool desorption) {
        // Dosing hits the target within a fraction of the pressure itself at low x and of the distance
        // to saturation near x = 1 (p0 is measured), so the jitter scales with min(x, 1 − x).
        double x = std::clamp(
            target + rng.normal(0.0, p.pressureJitterRelative) * std::min(target, 1.0 - target), 1e-4, 0.999);
        // An instrument doses towards higher pressure on adsorption and lower on desorption: the
        // jitter never reverses the order within a branch (analyses rightly refuse that).
        const bool sameBranch = !branch.empty() && (branch.back() > 0.5) == desorption;
        if (sameBranch) x = desorption ? std::min(x, xs.back() - 1e-5) : std::max(x, xs.back() + 1e-5);
        const double n = model.amount(x, desorption, xTop) * (1.0 + rng.normal(0.0, p.noiseRelative));
        xs.push_back(x);
        ns.push_back(n);
        branch.push_back(desorption ? 1.0 : 0.0);
        if (!desorption) xTop = std::max(xTop, x);
    };
    for (double x : adsTargets)
        addPoint(x, false);
    for (double x : desTargets)
        addPoint(x, true);

    SimDataset ds;
    ds.technique = "bet";
    ds.kind = "isotherm";
    ds.name = (sampleName.empty() ? std::string() : sampleName + " – ") + "N2 isotherm 77 K";
    ds.columns.push_back({"P/P0", "1", std::move(xs)});
    ds.columns.push_back({"Quantity Adsorbed", "cm3/g STP", std::move(ns)});
    ds.columns.push_back({"Branch", "1", std::move(branch)});
    addMeta(ds, "instrument", "Micromeritics ASAP 2460 (simulated)");
    addMeta(ds, "adsorptive", "N2");
    addMeta(ds, "temperature_k", constants::n2TemperatureK);
    addMeta(ds, "sample_mass_mg", p.sampleMassMg);
    addMeta(ds, "cross_section_nm2", constants::n2CrossSectionNm2);
    addMeta(ds, "saturation_pressure_kpa", 101.52);
    addMeta(ds, "degas", "150 C, 6 h, vacuum");
    addMeta(ds, "bet_area_m2_g", p.betAreaM2PerG);
    addMeta(ds, "bet_c", p.betC);
    addMeta(ds, "mesopore_volume_cm3_g", model.poreVolumeCm3PerG());
    for (std::size_t i = 0; i < p.pores.size(); ++i) {
        const auto& m = p.pores[i];
        addMeta(ds, "pore_mode_" + std::to_string(i + 1),
                "area_fraction=" + formatNumber(m.areaFraction) +
                    ";median_diameter_nm=" + formatNumber(m.medianDiameterNm) +
                    ";log_sigma=" + formatNumber(m.logSigma) + ";neck_ratio=" + formatNumber(m.neckRatio));
    }
    addMeta(ds, "model",
            "BET/Halsey film + cylindrical-pore capillary condensation (Cohan/Kelvin), lognormal PSD");
    return ds;
}

BetFit betAreaSimple(const std::vector<double>& x, const std::vector<double>& n, double xMin, double xMax,
                     double crossSectionNm2)
{
    BetFit fit;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    int count = 0;
    for (std::size_t i = 0; i < std::min(x.size(), n.size()); ++i) {
        if (x[i] < xMin || x[i] > xMax || n[i] <= 0.0) continue;
        const double y = x[i] / (n[i] * (1.0 - x[i]));
        sx += x[i];
        sy += y;
        sxx += x[i] * x[i];
        sxy += x[i] * y;
        syy += y * y;
        ++count;
    }
    fit.points = count;
    if (count < 3) return fit;
    const double det = count * sxx - sx * sx;
    if (det <= 0.0) return fit;
    const double slope = (count * sxy - sx * sy) / det;
    const double intercept = (sy - slope * sx) / count;
    const double ssTot = syy - sy * sy / count;
    const double ssRes = syy - intercept * sy - slope * sxy;
    fit.r2 = ssTot > 0.0 ? 1.0 - ssRes / ssTot : 1.0;
    fit.monolayerCm3PerG = 1.0 / (slope + intercept);
    fit.c = 1.0 + slope / intercept;
    fit.areaM2PerG = fit.monolayerCm3PerG / constants::molarVolumeStpCm3PerMol * constants::avogadroPerMol *
                     crossSectionNm2 * 1e-18;
    fit.valid = intercept > 0.0 && slope + intercept > 0.0;
    return fit;
}

} // namespace vanadis::sim
