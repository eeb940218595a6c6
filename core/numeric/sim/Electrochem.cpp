// Galvanostatic forward models: OCV/polarisation model, long-term cycling summaries, rate test and GCD
// profiles. CV, GITT and EIS live in ElectrochemKinetics.cpp.

#include "numeric/sim/Electrochem.h"

#include "numeric/sim/SimUtil.h"

#include <cmath>
#include <stdexcept>

namespace vanadis::sim {
namespace {

double softplus(double z)
{
    return z > 30.0 ? z : std::log1p(std::exp(z));
}
double logistic(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// One galvanostatic half cycle of `capacity` mAh/g that maps capacity linearly onto the sodiation
/// window [sFrom, sTo]; the voltage is E_eq(s) ∓ polarisation (discharge lowers, charge raises it).
struct HalfCycle {
    double capacityMahG;
    double sFrom, sTo;
    double polarisationV;
    bool discharge;
    double voltageAt(double fraction) const
    {
        const double s = sFrom + (sTo - sFrom) * fraction;
        return openCircuitVoltage(s) + (discharge ? -polarisationV : polarisationV);
    }
};

void commonEchemMeta(SimDataset& ds, double activeMassMg, const char* instrument)
{
    addMeta(ds, "instrument", instrument);
    addMeta(ds, "cell", "CR2032 Na half cell, 1 M NaClO4 in EC:PC 1:1 + 5 % FEC");
    addMeta(ds, "active_mass_mg", activeMassMg);
    addMeta(ds, "active_material", "V2O3@C composite (70 % of the electrode)");
    addMeta(ds, "voltage_window_v", "1.5-4.0");
    addMeta(ds, "first_half_cycle", "discharge (sodiation)");
    addMeta(ds, "current_sign", "charge positive, discharge negative");
}

std::string withSample(const std::string& sampleName, const std::string& what)
{
    return (sampleName.empty() ? std::string() : sampleName + " – ") + what;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

double openCircuitVoltage(double s)
{
    s = std::clamp(s, 0.0, 1.0);
    constexpr double eps = 0.01;
    return 2.65 - 2.0 * (s - 0.5) - 0.12 * std::log((s + eps) / (1.0 - s + eps));
}

double sodiationAtVoltage(double voltage)
{
    double lo = 0.0, hi = 1.0; // E_eq decreases with s
    if (voltage >= openCircuitVoltage(0.0)) return 0.0;
    if (voltage <= openCircuitVoltage(1.0)) return 1.0;
    for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        (openCircuitVoltage(mid) > voltage ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double CellPolarisation::polarisationV(double currentDensityAPerG, double activeMassMg) const
{
    const double currentA = currentDensityAPerG * activeMassMg * 1e-3;
    return currentA * ohmicResistanceOhm +
           kineticOverpotentialV * std::asinh(currentDensityAPerG / (2.0 * exchangeCurrentAPerG));
}

// ---------------------------------------------------------------------------------------------------

double cyclingDischargeMahG(const CyclingParams& p, int cycle)
{
    const double w = std::max(1.0, p.activationWidthCycles);
    auto base = [&](double n) {
        const double fade =
            p.earlyFadeFraction * (1.0 - std::exp(-(n - 1.0) / std::max(1.0, p.earlyFadeCycles)));
        const double recovery = p.recoveryFraction * (logistic((n - p.activationCycle) / w) -
                                                      logistic((1.0 - p.activationCycle) / w));
        return p.initialMahG * (1.0 - fade + recovery);
    };
    auto ramp = [&](double n) {
        return w * (softplus((n - p.activationCycle) / w) - softplus((1.0 - p.activationCycle) / w));
    };
    const double last = std::max(2, p.cycles);
    // The ramp starts at the activation cycle; it must have begun before the last cycle to set Q(N).
    if (ramp(last) < 1e-6)
        throw std::invalid_argument("cycling: activation cycle lies beyond the last cycle");
    const double slope = (p.finalMahG - base(last)) / ramp(last);
    return base(cycle) + slope * ramp(cycle);
}

SimDataset simulateCycling(const CyclingParams& p, const std::string& sampleName)
{
    if (p.cycles < 2) throw std::invalid_argument("simulateCycling: need at least 2 cycles");
    Rng rng(p.seed);
    std::vector<double> cycle(p.cycles), charge(p.cycles), discharge(p.cycles), ce(p.cycles);
    for (int n = 1; n <= p.cycles; ++n) {
        const double qd = cyclingDischargeMahG(p, n) * (1.0 + rng.normal(0.0, p.capacityNoiseRelative));
        // Efficiency converges within a few cycles once the first-cycle side reactions (SEI/CEI) are done.
        double cePct = p.steadyCePct - (p.steadyCePct - p.firstCycleCePct) * std::exp(-(n - 1) / 1.5);
        if (n > 1) cePct = std::min(100.4, cePct + rng.normal(0.0, p.ceNoisePct));
        const double qc = qd / (cePct / 100.0);
        cycle[n - 1] = n;
        discharge[n - 1] = qd;
        charge[n - 1] = qc;
        ce[n - 1] = 100.0 * qd / qc;
    }
    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "cycling_" + formatNumber(p.currentDensityAPerG) + "Ag"; // "cycling_1Ag", "cycling_10Ag"
    ds.name = withSample(sampleName, "cycling at " + formatNumber(p.currentDensityAPerG) + " A/g");
    ds.columns.push_back({"Cycle", "1", std::move(cycle)});
    ds.columns.push_back({"Charge Capacity", "mAh/g", std::move(charge)});
    ds.columns.push_back({"Discharge Capacity", "mAh/g", std::move(discharge)});
    ds.columns.push_back({"Coulombic Efficiency", "%", std::move(ce)});
    commonEchemMeta(ds, p.activeMassMg, "LAND CT2001A (simulated)");
    addMeta(ds, "export", "LAND cycle table");
    addMeta(ds, "current_density_a_g", p.currentDensityAPerG);
    addMeta(ds, "current_ma", p.currentDensityAPerG * p.activeMassMg);
    addMeta(ds, "cycles", p.cycles);
    addMeta(ds, "ce_definition", "discharge/charge (LAND CapD/CapC), cycle n = discharge n then charge n");
    addMeta(ds, "initial_discharge_mah_g", cyclingDischargeMahG(p, 1));
    addMeta(ds, "final_discharge_mah_g", cyclingDischargeMahG(p, p.cycles));
    addMeta(ds, "retention_pct", 100.0 * cyclingDischargeMahG(p, p.cycles) / cyclingDischargeMahG(p, 1));
    return ds;
}

// ---------------------------------------------------------------------------------------------------

SimDataset simulateRate(const RateParams& p, const std::string& sampleName)
{
    const std::size_t steps = p.currentDensitiesAPerG.size();
    if (steps == 0 || p.dischargeMahG.size() != steps || p.cyclesPerStep < 1 || p.pointsPerHalfCycle < 2)
        throw std::invalid_argument("simulateRate: inconsistent rate programme");

    Rng rng(p.seed);
    std::vector<double> time, voltage, current, cycleCol, stepCol;
    const std::size_t expected = steps * p.cyclesPerStep * 2 * p.pointsPerHalfCycle;
    for (auto* v : {&time, &voltage, &current, &cycleCol, &stepCol})
        v->reserve(expected);

    double t = 0.0;
    int cycle = 0;
    bool fresh = true;
    for (std::size_t k = 0; k < steps; ++k) {
        const double j = p.currentDensitiesAPerG[k];
        const double currentMa = j * p.activeMassMg;
        const double pol = p.polarisation.polarisationV(j, p.activeMassMg);
        const double sTop = sodiationAtVoltage(p.upperCutoffV - pol);
        const double sBot = sodiationAtVoltage(p.lowerCutoffV + pol);
        for (int c = 0; c < p.cyclesPerStep; ++c) {
            ++cycle;
            double qd = p.dischargeMahG[k] * (c == 0 ? 1.0 + p.stepTransientRelative : 1.0) *
                        (1.0 + rng.normal(0.0, p.capacityNoiseRelative));
            const double qc = qd / (p.cePct / 100.0);
            double sStart = sTop;
            if (fresh) {
                // A pristine V2O3 electrode takes up only ≈ 0.5 Na on the first sodiation (the study's 83
                // of 290 mAh/g); it starts from its rest potential, not from the upper cut-off.
                qd *= p.firstDischargeFraction;
                sStart = sodiationAtVoltage(p.restVoltageV);
                fresh = false;
            }
            const HalfCycle halves[2] = {{qd, sStart, sBot, pol, true}, {qc, sBot, sTop, pol, false}};
            for (const auto& half : halves) {
                const double dt = 3.6 * half.capacityMahG / j / p.pointsPerHalfCycle; // s per record
                for (int i = 1; i <= p.pointsPerHalfCycle; ++i) {
                    const double fraction = static_cast<double>(i) / p.pointsPerHalfCycle;
                    t += dt;
                    time.push_back(t);
                    voltage.push_back(half.voltageAt(fraction) + rng.normal(0.0, p.voltageNoiseV));
                    current.push_back(half.discharge ? -currentMa : currentMa);
                    cycleCol.push_back(cycle);
                    stepCol.push_back(static_cast<double>(k + 1));
                }
            }
        }
    }

    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "rate";
    ds.name = withSample(sampleName, "rate capability");
    ds.columns.push_back({"Time", "s", std::move(time)});
    ds.columns.push_back({"Voltage", "V", std::move(voltage)});
    ds.columns.push_back({"Current", "mA", std::move(current)});
    ds.columns.push_back({"Cycle", "1", std::move(cycleCol)});
    ds.columns.push_back({"Step", "1", std::move(stepCol)});
    commonEchemMeta(ds, p.activeMassMg, "LAND CT2001A (simulated)");
    addMeta(ds, "export", "LAND record table");
    addMeta(ds, "cycles_per_step", p.cyclesPerStep);
    addMeta(ds, "current_densities_a_g", formatList(p.currentDensitiesAPerG));
    addMeta(ds, "discharge_capacities_mah_g", formatList(p.dischargeMahG));
    addMeta(ds, "capacity_definition", "mean discharge capacity of cycles 2..n of each step");
    addMeta(ds, "first_discharge_mah_g", p.dischargeMahG.front() * p.firstDischargeFraction);
    addMeta(ds, "ohmic_resistance_ohm", p.polarisation.ohmicResistanceOhm);
    return ds;
}

// ---------------------------------------------------------------------------------------------------

std::pair<double, double> gcdCapacitiesMahG(const GcdParams& p, int cycle)
{
    if (cycle <= 1) return {p.firstDischargeMahG, p.firstChargeMahG};
    const double qd = p.reversibleMahG * (1.0 - p.fadePerCycleRelative * (cycle - 2));
    return {qd, qd / (p.cePct / 100.0)};
}

SimDataset simulateGcd(const GcdParams& p, const std::string& sampleName)
{
    if (p.cycles.empty() || p.pointsPerHalfCycle < 2)
        throw std::invalid_argument("simulateGcd: nothing to do");
    Rng rng(p.seed);
    const double pol = p.polarisation.polarisationV(p.currentDensityAPerG, p.activeMassMg);
    const double sTop = sodiationAtVoltage(p.upperCutoffV - pol);
    const double sBot = sodiationAtVoltage(p.lowerCutoffV + pol);

    std::vector<double> capacity, voltage, cycleCol, half;
    for (int n : p.cycles) {
        const auto [qd, qc] = gcdCapacitiesMahG(p, n);
        const double sStart = n <= 1 ? sodiationAtVoltage(p.restVoltageV) : sTop;
        const HalfCycle halves[2] = {{qd, sStart, sBot, pol, true}, {qc, sBot, sTop, pol, false}};
        for (int h = 0; h < 2; ++h) {
            for (int i = 0; i <= p.pointsPerHalfCycle; ++i) {
                const double fraction = static_cast<double>(i) / p.pointsPerHalfCycle;
                capacity.push_back(halves[h].capacityMahG * fraction);
                voltage.push_back(halves[h].voltageAt(fraction) + rng.normal(0.0, p.voltageNoiseV));
                cycleCol.push_back(n);
                half.push_back(h);
            }
        }
    }

    SimDataset ds;
    ds.technique = "echem";
    ds.kind = "gcd";
    ds.name = withSample(sampleName, "GCD at " + formatNumber(p.currentDensityAPerG) + " A/g");
    ds.columns.push_back({"Capacity", "mAh/g", std::move(capacity)});
    ds.columns.push_back({"Voltage", "V", std::move(voltage)});
    ds.columns.push_back({"Cycle", "1", std::move(cycleCol)});
    ds.columns.push_back({"Half", "1", std::move(half)});
    commonEchemMeta(ds, p.activeMassMg, "LAND CT2001A (simulated)");
    addMeta(ds, "current_density_a_g", p.currentDensityAPerG);
    addMeta(ds, "current_ma", p.currentDensityAPerG * p.activeMassMg);
    addMeta(ds, "half_definition", "0 = discharge (sodiation), 1 = charge");
    addMeta(ds, "first_discharge_mah_g", p.firstDischargeMahG);
    addMeta(ds, "first_charge_mah_g", p.firstChargeMahG);
    addMeta(ds, "reversible_mah_g", p.reversibleMahG);
    return ds;
}

} // namespace vanadis::sim
