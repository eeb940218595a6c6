#include "numeric/sim/Xps.h"

#include "numeric/Constants.h"
#include "numeric/sim/SimUtil.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vanadis::sim {

double glProduct(double xEv, double centerEv, double fwhmEv, double glMix)
{
    const double m = std::clamp(glMix, 0.0, 100.0) / 100.0;
    const double u = (xEv - centerEv) / fwhmEv;
    const double u2 = 4.0 * u * u;
    return std::exp(-std::numbers::ln2 * (1.0 - m) * u2) / (1.0 + m * u2);
}

double glProductUnitArea(double glMix)
{
    // Simpson on ±60 F: for m < 100 the Gaussian factor kills the tails long before that; for m = 100
    // (pure Lorentz) the truncated tail is 2/(π·120) ≈ 0.5 % of π/2 and is added analytically.
    const int n = 24000;
    const double lo = -60.0, hi = 60.0, h = (hi - lo) / n;
    double sum = glProduct(lo, 0.0, 1.0, glMix) + glProduct(hi, 0.0, 1.0, glMix);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 ? 4.0 : 2.0) * glProduct(lo + i * h, 0.0, 1.0, glMix);
    double area = sum * h / 3.0;
    if (glMix >= 100.0) area += 2.0 * (0.5 * (std::numbers::pi / 2.0 - std::atan(2.0 * hi)));
    return area;
}

void addSpinOrbitDoublet(std::vector<XpsComponent>& components, const std::string& name, double center32Ev,
                         double splittingEv, double fwhm32Ev, double area32, double broadening, double glMix)
{
    components.push_back({name + " 2p3/2", center32Ev, fwhm32Ev, area32, glMix});
    components.push_back(
        {name + " 2p1/2", center32Ev + splittingEv, fwhm32Ev * broadening, 0.5 * area32, glMix});
}

XpsRegionParams studyVanadiumOxygenRegion(double v3Area, double v2Area, double vacancyArea)
{
    XpsRegionParams p;
    p.region = "V 2p";
    p.startEv = 505.0;
    p.endEv = 540.0;
    addSpinOrbitDoublet(p.components, "V3", 517.7, 7.1, 2.2, v3Area, 1.3);
    addSpinOrbitDoublet(p.components, "V2", 516.4, 7.1, 2.2, v2Area, 1.3);
    p.components.push_back({"Olat", 530.6, 1.3, 40000.0, 30.0});
    p.components.push_back({"Ovac", 531.5, 1.3, vacancyArea, 30.0});
    p.components.push_back({"OCO", 532.0, 1.3, 6000.0, 30.0});
    p.backgroundCps = 3000.0;
    return p;
}

SimDataset simulateXps(const XpsRegionParams& p, const std::string& sampleName)
{
    if (p.stepEv <= 0.0 || p.endEv <= p.startEv)
        throw std::invalid_argument("simulateXps: empty energy range");
    const auto n = static_cast<std::size_t>(std::llround((p.endEv - p.startEv) / p.stepEv)) + 1;

    // Work on the ascending axis (the Shirley integral runs from low to high BE), export descending.
    std::vector<double> be(n), signal(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        be[i] = p.startEv + static_cast<double>(i) * p.stepEv;

    std::vector<double> unitArea;
    for (const auto& c : p.components) {
        const double height = c.area / (glProductUnitArea(c.glMix) * c.fwhmEv);
        for (std::size_t i = 0; i < n; ++i)
            signal[i] += height * glProduct(be[i], c.centerEv + p.chargeShiftEv, c.fwhmEv, c.glMix);
    }

    // Inelastically scattered electrons appear at higher BE than their peak: the step grows with the
    // peak area already passed on the ascending axis (trapezoid cumulative integral).
    std::vector<double> cumulative(n, 0.0);
    for (std::size_t i = 1; i < n; ++i)
        cumulative[i] = cumulative[i - 1] + 0.5 * (signal[i] + signal[i - 1]) * p.stepEv;

    Rng rng(p.seed);
    const double countsPerCps = p.dwellTimeS * std::max(1, p.scans);
    const double eps = 1e-9 * p.stepEv;
    std::vector<double> beOut, cpsOut;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = n - 1 - i; // descending export
        if (be[j] < p.recordLoEv - eps || be[j] > p.recordHiEv + eps) continue;
        const double background =
            p.backgroundCps + p.slopeCpsPerEv * (be[j] - p.startEv) + p.shirleyPerEv * cumulative[j];
        const double cps = std::max(0.0, signal[j] + background);
        beOut.push_back(be[j]);
        cpsOut.push_back(p.countingNoise ? rng.poisson(cps * countsPerCps) / countsPerCps : cps);
    }
    if (beOut.size() < 2)
        throw std::invalid_argument("simulateXps: recorded window holds fewer than 2 points");
    const double recLo = beOut.back(), recHi = beOut.front();

    SimDataset ds;
    ds.technique = "xps";
    ds.kind = p.region;
    ds.name = (sampleName.empty() ? std::string() : sampleName + " – ") + "XPS " + p.region;
    ds.columns.push_back({"Binding Energy", "eV", std::move(beOut)});
    ds.columns.push_back({"Intensity", "counts/s", std::move(cpsOut)});
    addMeta(ds, "instrument", "ULVAC-PHI VersaProbe (simulated)");
    addMeta(ds, "region", p.region);
    addMeta(ds, "source", "Al Kα 1486.6 eV");
    addMeta(ds, "source_energy_ev", constants::alKalphaEv);
    addMeta(ds, "pass_energy_ev", p.passEnergyEv);
    addMeta(ds, "step_ev", p.stepEv);
    addMeta(ds, "dwell_time_s", p.dwellTimeS);
    addMeta(ds, "scans", p.scans);
    addMeta(ds, "energy_axis", "binding energy, descending");
    addMeta(ds, "charge_reference", "C 1s C-C 284.8 eV");
    addMeta(ds, "charge_shift_ev", p.chargeShiftEv);
    addMeta(ds, "lineshape", "GL(m) product form (CasaXPS); fwhm_ev is the width parameter F");
    if (!p.components.empty()) addMeta(ds, "gl_mix", p.components.front().glMix);
    addMeta(ds, "background", "Shirley-type step + linear");
    addMeta(ds, "shirley_per_ev", p.shirleyPerEv);
    int listed = 0;
    for (const auto& c : p.components) {
        const double at = c.centerEv + p.chargeShiftEv;
        if (at < recLo - eps || at > recHi + eps) continue;
        addMeta(ds, "component_" + std::to_string(++listed),
                c.name + ';' + formatNumber(c.centerEv) + ';' + formatNumber(c.fwhmEv) + ';' +
                    formatNumber(c.area));
    }
    return ds;
}

} // namespace vanadis::sim
