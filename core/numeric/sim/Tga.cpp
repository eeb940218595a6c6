#include "numeric/sim/Tga.h"

#include "numeric/Constants.h"
#include "numeric/sim/SimUtil.h"

#include <cmath>
#include <stdexcept>

namespace vanadis::sim {
namespace {

namespace k = vanadis::constants;

struct Arrhenius {
    double preFactorPerMin;
    double eaOverR; // K
    double rate(double temperatureK) const { return preFactorPerMin * std::exp(-eaOverR / temperatureK); }
};

Arrhenius kissinger(const TgaReaction& r, double heatingRateKPerMin)
{
    const double tp = r.peakTemperatureC + k::zeroCelsiusK;
    const double eaOverR = r.activationEnergyKJPerMol * 1e3 / k::gasConstantJPerMolK;
    return {heatingRateKPerMin * eaOverR / (tp * tp) * std::exp(eaOverR / tp), eaOverR};
}

} // namespace

SimDataset simulateTga(const TgaParams& p, const std::string& sampleName)
{
    if (p.heatingRateKPerMin <= 0.0 || p.endTemperatureC <= p.startTemperatureC || p.sampleIntervalS <= 0.0)
        throw std::invalid_argument("simulateTga: invalid temperature programme");
    if (p.carbonWtPct < 0.0 || p.carbonWtPct >= 100.0 || p.waterWtPct < 0.0 || p.waterWtPct >= 100.0)
        throw std::invalid_argument("simulateTga: invalid composition");

    const double durationMin = (p.endTemperatureC - p.startTemperatureC) / p.heatingRateKPerMin;
    const double dtMin = p.sampleIntervalS / 60.0;
    const auto n = static_cast<std::size_t>(std::floor(durationMin / dtMin + 1e-9)) + 1;

    const double waterMg = p.sampleMassMg * p.waterWtPct / 100.0;
    const double dryMg = p.sampleMassMg - waterMg;
    const double carbonMg = dryMg * p.carbonWtPct / 100.0;
    const double oxideMg = dryMg - carbonMg;
    const double gainToVO2 = k::molarMassV2O4 / k::molarMassV2O3 - 1.0;
    const double gainToV2O5 = (k::molarMassV2O5 - k::molarMassV2O4) / k::molarMassV2O3;

    const Arrhenius water = kissinger(p.water, p.heatingRateKPerMin);
    const Arrhenius toVO2 = kissinger(p.oxidationToVO2, p.heatingRateKPerMin);
    const Arrhenius toV2O5 = kissinger(p.oxidationToV2O5, p.heatingRateKPerMin);
    const Arrhenius burn = kissinger(p.carbonBurnOff, p.heatingRateKPerMin);

    // State: remaining water fraction w, V2O3 left a (fraction of V), V2O5 formed b (≤ 1 − a), and the
    // carbon shrinking-core variable u = (1 − α_C)^(1/3). Each sub-step uses the exact solution for a
    // rate constant frozen at the sub-step mid-temperature, which keeps fractions in [0, 1] and makes the
    // conversions reach exactly 1 (in double precision) long before 700 °C.
    double w = 1.0, a = 1.0, b = 0.0, u = 1.0;
    constexpr int subSteps = 40;
    const double h = dtMin / subSteps;

    Rng rng(p.seed);
    std::vector<double> time(n), temperature(n), mass(n), massPct(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) * dtMin;
        if (i > 0) {
            for (int s = 0; s < subSteps; ++s) {
                const double tMid = t - dtMin + (s + 0.5) * h;
                const double tk = p.startTemperatureC + p.heatingRateKPerMin * tMid + k::zeroCelsiusK;
                w *= std::exp(-water.rate(tk) * h);
                const double vo2 = 1.0 - a - b;
                const double k1 = toVO2.rate(tk), k2 = toV2O5.rate(tk);
                const double aNew = a * std::exp(-k1 * h);
                // VO2 (the intermediate) is fed by a and drained by k2: exact two-step solution.
                const double vo2New = std::abs(k2 - k1) > 1e-12 * (k1 + k2)
                                          ? vo2 * std::exp(-k2 * h) +
                                                a * k1 / (k2 - k1) * (std::exp(-k1 * h) - std::exp(-k2 * h))
                                          : (vo2 + a * k1 * h) * std::exp(-k1 * h);
                a = aNew;
                b = std::clamp(1.0 - a - std::max(0.0, vo2New), 0.0, 1.0);
                u = std::max(0.0, u - burn.rate(tk) * h / 3.0);
            }
        }
        const double temp = p.startTemperatureC + p.heatingRateKPerMin * t;
        const double vo2 = std::max(0.0, 1.0 - a - b);
        const double oxide = oxideMg * (1.0 + (vo2 + b) * gainToVO2 + b * gainToV2O5);
        const double m = waterMg * w + oxide + carbonMg * u * u * u +
                         p.buoyancyMgPerK * (temp - p.startTemperatureC) + rng.normal(0.0, p.noiseMg);
        time[i] = t;
        temperature[i] = temp;
        mass[i] = m;
        massPct[i] = 100.0 * m / p.sampleMassMg;
    }

    SimDataset ds;
    ds.technique = "tga";
    ds.kind = "mass";
    ds.name = (sampleName.empty() ? std::string() : sampleName + " – ") + "TGA in O2, 5 °C/min";
    ds.columns.push_back({"Time", "min", std::move(time)});
    ds.columns.push_back({"Temperature", "°C", std::move(temperature)});
    ds.columns.push_back({"Mass", "mg", std::move(mass)});
    ds.columns.push_back({"Mass %", "%", std::move(massPct)});
    addMeta(ds, "instrument", "NETZSCH STA 449 F3 (simulated)");
    addMeta(ds, "atmosphere", "O2");
    addMeta(ds, "heating_rate_k_min", p.heatingRateKPerMin);
    addMeta(ds, "temperature_range_c",
            formatNumber(p.startTemperatureC) + "-" + formatNumber(p.endTemperatureC));
    addMeta(ds, "sample_mass_mg", p.sampleMassMg);
    addMeta(ds, "crucible", "Al2O3");
    addMeta(ds, "carbon_wt_pct", p.carbonWtPct);
    addMeta(ds, "water_wt_pct", p.waterWtPct);
    addMeta(ds, "dry_mass_mg", dryMg);
    addMeta(ds, "end_mass_mg", oxideMg * k::molarMassV2O5 / k::molarMassV2O3);
    addMeta(ds, "reaction", "V2O3 + O2 -> V2O5 (via VO2); C + O2 -> CO2");
    return ds;
}

} // namespace vanadis::sim
