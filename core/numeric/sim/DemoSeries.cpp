#include "numeric/sim/DemoSeries.h"

#include "numeric/sim/Electrochem.h"
#include "numeric/sim/Isotherm.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Tga.h"
#include "numeric/sim/Xps.h"
#include "numeric/sim/Xrd.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace vanadis::sim {
namespace {

// Per-sample parameters. Values marked P in DemoTruth are the study's; the rest are plausible choices
// that keep the series ordered the way the study describes it (HMCS: smallest crystallites, most
// mesoporous, most O vacancies, fastest kinetics).
struct SampleSpec {
    const char* name;
    // study values
    double betArea, carbonPct, rct, capacity01, capacity10Rate;
    double cyc1Initial, cyc1Final, cyc10Final;
    double capacitiveFraction;
    // structure / composition
    double crystalliteNm, aAngstrom, cAngstrom, xrdAreaScale, amorphousHump;
    double betC, sampleMassBetMg;
    PoreMode mesopores, voids;
    double tgaMassMg, waterPct, vo2PeakC, v2o5PeakC, carbonPeakC;
    double v2PlusShare, vacancyShare;
    // electrochemistry
    double activeMassMg, ohmOhm, eta0V, j0APerG;
    double fade1, recovery1, activation1, cyc10Initial, recovery10, steadyCe10;
    double cvCapacity;
    double diffusion0;
    double gittOhm;
    double r0, cpeQ, cpeN, sigmaW;
};

// The HMCS rate steps of the study (0.05 … 10 A/g); the others follow its normalised shape between
// their own 0.05 A/g and 10 A/g values.
constexpr std::array<double, 8> kRateCurrents{0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0};
constexpr std::array<double, 8> kHmcsRate{290, 278, 270, 262, 248, 228, 208, 192};

const std::array<SampleSpec, 4>& specs()
{
    // clang-format off
    static const std::array<SampleSpec, 4> table{{
        {"CS", 63.0, 15.50, 245.0, 227.0, 92.0, 176.0, 0.93 * 176.0, 92.0, 0.70,
         28.0, 4.952, 14.002, 1500.0, 0.0,
         120.0, 112.4, {0.22, 20.0, 0.35, 1.0}, {0.10, 45.0, 0.30, 0.8},
         9.12, 1.4, 345.0, 405.0, 465.0, 0.18, 0.06,
         1.42, 14.0, 0.07, 0.15, 0.06, 0.06, 300.0, 104.0, 0.0, 99.6, 150.0, 1.5e-10, 40.0,
         5.3, 1.4e-5, 0.84, 62.0},
        {"WCS", 75.0, 14.72, 165.0, 248.0, 123.0, 191.0, 192.0, 155.0, 0.76,
         36.0, 4.952, 14.002, 1700.0, 0.0,
         110.0, 98.7, {0.28, 17.0, 0.35, 1.0}, {0.10, 45.0, 0.30, 0.8},
         8.64, 1.1, 350.0, 410.0, 470.0, 0.16, 0.05,
         1.55, 12.0, 0.06, 0.18, 0.12, 0.125, 420.0, 161.0, 0.0, 99.8, 170.0, 2.5e-10, 35.0,
         4.9, 1.2e-5, 0.85, 52.0},
        {"HCS", 151.4, 14.03, 137.0, 268.0, 155.0, 181.0, 221.0, 155.0, 0.82,
         32.0, 4.952, 14.002, 1400.0, 60.0,
         95.0, 85.3, {0.50, 10.0, 0.35, 0.85}, {0.08, 40.0, 0.30, 0.8},
         9.47, 2.2, 340.0, 400.0, 455.0, 0.20, 0.07,
         1.48, 10.0, 0.05, 0.20, 0.13, 0.13, 420.0, 160.0, 0.0, 99.8, 190.0, 4e-10, 30.0,
         5.1, 1.1e-5, 0.85, 46.0},
        {"HMCS", 208.5, 16.75, 102.0, 290.0, 192.0, 176.0, 261.0, 192.0, 0.90,
         6.5, 4.960, 14.030, 700.0, 320.0,
         85.0, 76.9, {0.70, 6.0, 0.30, 0.6}, {0.05, 40.0, 0.30, 0.8},
         8.85, 2.8, 330.0, 395.0, 445.0, 0.36, 0.30,
         1.51, 8.0, 0.04, 0.25, 0.15, 0.15, 420.0, 192.0, 0.03, 99.9, 220.0, 8e-10, 25.0,
         4.7, 1.0e-5, 0.86, 38.0},
    }};
    // clang-format on
    return table;
}

const SampleSpec& spec(const std::string& name)
{
    for (const auto& s : specs())
        if (name == s.name) return s;
    throw std::invalid_argument("unknown demo sample '" + name + "' (expected CS, WCS, HCS or HMCS)");
}

std::uint64_t seedFor(const SampleSpec& s, const char* what)
{
    return seedFromLabel(std::string(s.name) + '/' + what);
}

std::vector<double> rateCapacities(const SampleSpec& s)
{
    std::vector<double> out;
    const double span = kHmcsRate.front() - kHmcsRate.back();
    for (double q : kHmcsRate) {
        const double shape = (q - kHmcsRate.back()) / span;
        out.push_back(s.capacity10Rate + (s.capacity01 - s.capacity10Rate) * shape);
    }
    out.push_back(out[1]); // recovery step back at 0.1 A/g
    return out;
}

CellPolarisation polarisation(const SampleSpec& s)
{
    return {s.ohmOhm, s.eta0V, s.j0APerG};
}

constexpr double kFirstDischargeFraction = 83.0 / 290.0;
constexpr double kGittThicknessCm = 7e-4;

SimDataset xrdFor(const SampleSpec& s)
{
    XrdParams p;
    p.crystalliteSizeNm = s.crystalliteNm;
    p.aAngstrom = s.aAngstrom;
    p.cAngstrom = s.cAngstrom;
    p.peakAreaScale = s.xrdAreaScale;
    p.amorphousHumpCounts = s.amorphousHump;
    p.seed = seedFor(s, "xrd");
    return simulateXrd(p, s.name);
}

std::vector<SimDataset> xpsFor(const SampleSpec& s)
{
    std::vector<SimDataset> out;
    {
        // V 2p and O 1s are one photoelectron spectrum (one sample, one background: the O 1s lines sit on
        // the Shirley step the V 2p lines leave behind, xps.md §3), recorded as two overlapping regions
        // with their own counting noise: V 2p 507–530 eV (the broad 2p1/2 tail inside) and O 1s 525–540 eV.
        XpsRegionParams p;
        p.startEv = 505.0;
        p.endEv = 540.0;
        p.backgroundCps = 3200.0;
        p.slopeCpsPerEv = 25.0;
        p.shirleyPerEv = 0.06;
        const double area32 = 24000.0;
        // The study's positions: V3+ 517.7/524.8 eV (Δ = 7.1 eV), V2+ 516.4 eV with the same splitting.
        addSpinOrbitDoublet(p.components, "V3+", 517.7, 7.1, 2.4, area32 * (1.0 - s.v2PlusShare));
        addSpinOrbitDoublet(p.components, "V2+", 516.4, 7.1, 2.2, area32 * s.v2PlusShare);
        const double total = 30000.0;
        const double co = 0.20 * (1.0 - s.vacancyShare);
        p.components.push_back({"V-O", 530.6, 1.4, total * (1.0 - s.vacancyShare - co)});
        p.components.push_back({"O vacancy", 531.5, 1.6, total * s.vacancyShare});
        p.components.push_back({"C-O", 532.0, 1.8, total * co});
        p.region = "V 2p";
        p.recordLoEv = 507.0;
        p.recordHiEv = 530.0;
        p.seed = seedFor(s, "xps-v2p");
        out.push_back(simulateXps(p, s.name));
        p.region = "O 1s";
        p.recordLoEv = 525.0;
        p.recordHiEv = 540.0;
        p.seed = seedFor(s, "xps-o1s");
        out.push_back(simulateXps(p, s.name));
    }
    {
        XpsRegionParams p;
        p.region = "C 1s";
        p.startEv = 280.0;
        p.endEv = 295.0;
        p.backgroundCps = 1500.0;
        p.slopeCpsPerEv = 12.0;
        p.shirleyPerEv = 0.05;
        const double total = 9000.0 * s.carbonPct / 15.0;
        p.components.push_back({"C-C", 284.8, 1.3, 0.68 * total});
        p.components.push_back({"C-O", 285.7, 1.6, 0.22 * total});
        p.components.push_back({"O-C=O", 288.8, 2.0, 0.10 * total});
        p.seed = seedFor(s, "xps-c1s");
        out.push_back(simulateXps(p, s.name));
    }
    return out;
}

SimDataset isothermFor(const SampleSpec& s)
{
    IsothermParams p;
    p.betAreaM2PerG = s.betArea;
    p.betC = s.betC;
    p.pores = {s.mesopores, s.voids};
    p.sampleMassMg = s.sampleMassBetMg;
    p.seed = seedFor(s, "bet");
    return simulateIsotherm(p, s.name);
}

SimDataset tgaFor(const SampleSpec& s)
{
    TgaParams p;
    p.sampleMassMg = s.tgaMassMg;
    p.waterWtPct = s.waterPct;
    p.carbonWtPct = s.carbonPct;
    p.oxidationToVO2.peakTemperatureC = s.vo2PeakC;
    p.oxidationToV2O5.peakTemperatureC = s.v2o5PeakC;
    p.carbonBurnOff.peakTemperatureC = s.carbonPeakC;
    p.seed = seedFor(s, "tga");
    return simulateTga(p, s.name);
}

CyclingParams cycling1AgParams(const SampleSpec& s)
{
    CyclingParams p;
    p.currentDensityAPerG = 1.0;
    p.cycles = 2000;
    p.initialMahG = s.cyc1Initial;
    p.finalMahG = s.cyc1Final;
    p.earlyFadeFraction = s.fade1;
    p.earlyFadeCycles = 90.0;
    p.recoveryFraction = s.recovery1;
    p.activationCycle = s.activation1;
    p.activationWidthCycles = 80.0;
    p.firstCycleCePct = 78.0;
    p.steadyCePct = 99.7;
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "cycling_1Ag");
    return p;
}

CyclingParams cycling10AgParams(const SampleSpec& s)
{
    CyclingParams p;
    p.currentDensityAPerG = 10.0;
    p.cycles = 6000;
    p.initialMahG = s.cyc10Initial;
    p.finalMahG = s.cyc10Final;
    p.earlyFadeFraction = 0.03;
    p.earlyFadeCycles = 300.0;
    p.recoveryFraction = s.recovery10;
    p.activationCycle = 800.0;
    p.activationWidthCycles = 300.0;
    p.firstCycleCePct = 85.0;
    p.steadyCePct = s.steadyCe10;
    p.ceNoisePct = 0.05;
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "cycling_10Ag");
    return p;
}

SimDataset rateFor(const SampleSpec& s)
{
    RateParams p;
    p.currentDensitiesAPerG.assign(kRateCurrents.begin(), kRateCurrents.end());
    p.currentDensitiesAPerG.push_back(0.1);
    p.dischargeMahG = rateCapacities(s);
    p.firstDischargeFraction = kFirstDischargeFraction;
    p.polarisation = polarisation(s);
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "rate");
    return simulateRate(p, s.name);
}

GcdParams gcdParams(const SampleSpec& s)
{
    GcdParams p;
    p.firstDischargeMahG = s.capacity01 * kFirstDischargeFraction;
    p.firstChargeMahG = s.capacity01;
    p.reversibleMahG = s.capacity01;
    p.polarisation = polarisation(s);
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "gcd");
    return p;
}

SimDataset cvFor(const SampleSpec& s)
{
    CvParams p;
    p.capacity1mVsMahG = s.cvCapacity;
    p.capacitiveFraction1mVs = s.capacitiveFraction;
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "cv");
    return simulateCv(p, s.name);
}

GittParams gittParams(const SampleSpec& s)
{
    GittParams p;
    p.capacityMahG = 0.97 * s.capacity01;
    p.diffusionCm2PerS = s.diffusion0;
    p.diffusionDipDecades = 0.25;
    p.thicknessCm = kGittThicknessCm;
    p.ohmicResistanceOhm = s.gittOhm;
    p.activeMassMg = s.activeMassMg;
    p.seed = seedFor(s, "gitt");
    return p;
}

// The study: "the Rct values of the HMCS electrode decrease gradually with increasing cycling number"
// (activation); the demo lets every sample's Rct fall by 6 % per decade of cycles.
constexpr double kEisRctGrowthPerDecade = -0.06;

EisParams eisParams(const SampleSpec& s)
{
    EisParams p;
    p.r0Ohm = s.r0;
    p.rctOhm = s.rct;
    p.cpeQ = s.cpeQ;
    p.cpeN = s.cpeN;
    p.warburgSigma = s.sigmaW;
    p.seed = seedFor(s, "eis");
    return p;
}

} // namespace

const std::vector<std::string>& demoSampleNames()
{
    static const std::vector<std::string> names{"CS", "WCS", "HCS", "HMCS"};
    return names;
}

std::vector<SimDataset> demoDatasets(const std::string& sampleName)
{
    const SampleSpec& s = spec(sampleName);
    std::vector<SimDataset> out;
    out.reserve(15);
    out.push_back(xrdFor(s));
    for (auto& ds : xpsFor(s))
        out.push_back(std::move(ds));
    out.push_back(isothermFor(s));
    out.push_back(tgaFor(s));
    out.push_back(simulateCycling(cycling1AgParams(s), s.name));
    out.push_back(simulateCycling(cycling10AgParams(s), s.name));
    out.push_back(rateFor(s));
    out.push_back(simulateGcd(gcdParams(s), s.name));
    out.push_back(cvFor(s));
    out.push_back(simulateGitt(gittParams(s), s.name));
    // EIS after 1 (the published Rct), 10 and 100 cycles; Rct grows by 6 % per decade of cycles
    // (a thickening interphase, chosen), so the Rct-against-cycle figure has a trend to show.
    SimDataset eis = simulateEis(eisParams(s), s.name);
    addMeta(eis, "cycle", 1);
    out.push_back(std::move(eis));
    for (int cycles : {10, 100}) {
        EisParams p = eisParams(s);
        p.rctOhm *= 1.0 + kEisRctGrowthPerDecade * std::log10(double(cycles));
        const std::string what = "eis-" + std::to_string(cycles);
        p.seed = seedFor(s, what.c_str());
        SimDataset later = simulateEis(p, s.name);
        later.name += " after " + std::to_string(cycles) + " cycles";
        addMeta(later, "cycle", cycles);
        out.push_back(std::move(later));
    }
    for (auto& ds : out)
        addMeta(ds, "sample", s.name);
    return out;
}

DemoTruth demoTruth(const std::string& sampleName)
{
    const SampleSpec& s = spec(sampleName);
    DemoTruth t{};
    t.betAreaM2PerG = s.betArea;
    t.carbonWtPct = s.carbonPct;
    t.rctOhm = s.rct;
    t.capacity01AgMahG = s.capacity01;
    t.capacity10AgMahG = s.capacity10Rate;
    t.firstDischarge01AgMahG = s.capacity01 * kFirstDischargeFraction;
    t.firstCharge01AgMahG = s.capacity01;
    t.rateCurrentDensitiesAPerG.assign(kRateCurrents.begin(), kRateCurrents.end());
    t.rateCurrentDensitiesAPerG.push_back(0.1);
    t.rateCapacitiesMahG = rateCapacities(s);
    t.cycling1AgInitialMahG = s.cyc1Initial;
    t.cycling1AgFinalMahG = s.cyc1Final;
    t.retention1AgPct = 100.0 * s.cyc1Final / s.cyc1Initial;
    t.cycling10AgInitialMahG = s.cyc10Initial;
    t.cycling10AgFinalMahG = s.cyc10Final;
    t.capacitiveFraction1mVs = s.capacitiveFraction;
    t.diffusionCm2PerS = s.diffusion0;
    t.gittThicknessCm = kGittThicknessCm;
    t.r0Ohm = s.r0;
    t.cpeQ = s.cpeQ;
    t.cpeN = s.cpeN;
    t.warburgSigma = s.sigmaW;
    t.crystalliteSizeNm = s.crystalliteNm;
    t.betC = s.betC;
    t.oxygenVacancyShare = s.vacancyShare;
    t.v2PlusShare = s.v2PlusShare;
    return t;
}

namespace {

/// The in-situ cell: its sodiation degree at record time t (s) and the phase boundaries.
struct InSituCell {
    double jAPerG = 0.1, massMg = 1.5, etaV = 0.0;
    double restS = 600.0;
    double sStart = 0.0, sBottom = 0.0, sTop = 0.0;
    double dischargeS = 0.0, chargeS = 0.0;
    double endS() const { return restS + dischargeS + chargeS; }
    /// Sodiation degree and voltage at time t.
    std::pair<double, double> at(double t) const
    {
        if (t <= restS) return {sStart, openCircuitVoltage(sStart)};
        if (t <= restS + dischargeS) {
            const double s = sStart + (sBottom - sStart) * (t - restS) / dischargeS;
            return {s, openCircuitVoltage(s) - etaV};
        }
        const double f = std::min(1.0, (t - restS - dischargeS) / chargeS);
        const double s = sBottom + (sTop - sBottom) * f;
        return {s, openCircuitVoltage(s) + etaV};
    }
};

InSituCell inSituCell(const SampleSpec& sp)
{
    InSituCell c;
    c.massMg = sp.activeMassMg;
    c.etaV = polarisation(sp).polarisationV(c.jAPerG, c.massMg);
    c.sStart = sodiationAtVoltage(2.9);
    c.sBottom = sodiationAtVoltage(1.5 + c.etaV);
    c.sTop = sodiationAtVoltage(4.0 - c.etaV);
    // The sample's reversible capacity at 0.1 A g⁻¹ between the two cut-offs; t = Q / j.
    const double perUnitS = sp.capacity01 / (c.sBottom - c.sTop);
    c.dischargeS = perUnitS * (c.sBottom - c.sStart) / (1000.0 * c.jAPerG) * 3600.0;
    c.chargeS = perUnitS * (c.sBottom - c.sTop) / (1000.0 * c.jAPerG) * 3600.0;
    return c;
}

/// "2022-10-12T09:00:00" plus \a seconds (below one day).
std::string clockAt(double seconds)
{
    const long t = long(std::lround(seconds)) + 9 * 3600;
    char buf[32];
    std::snprintf(buf, sizeof buf, "2022-10-12T%02ld:%02ld:%02ld", (t / 3600) % 24, (t / 60) % 60, t % 60);
    return buf;
}

constexpr double kInSituFirstScanS = 300.0, kInSituIntervalS = 900.0, kInSituStepTimeS = 0.45;
// Lattice expansion per unit sodiation degree (chosen: large enough to read in a demo).
constexpr double kInSituStrainA = 0.010, kInSituStrainC = 0.020;

} // namespace

double demoInSitu012Deg(const std::string& sampleName, double sodiation)
{
    const SampleSpec& sp = spec(sampleName);
    const double a = sp.aAngstrom * (1.0 + kInSituStrainA * sodiation),
                 c = sp.cAngstrom * (1.0 + kInSituStrainC * sodiation);
    const double d = hexagonalDSpacingAngstrom(0, 1, 2, a, c);
    return 2.0 * std::asin(constants::cuKa1Angstrom / (2.0 * d)) * 180.0 / M_PI;
}

std::vector<SimDataset> demoInSituDatasets(const std::string& sampleName)
{
    const SampleSpec& sp = spec(sampleName);
    const InSituCell cell = inSituCell(sp);
    std::vector<SimDataset> out;
    const int n = int((cell.endS() - kInSituFirstScanS) / kInSituIntervalS);
    for (int k = 0; k < n; ++k) {
        const double start = kInSituFirstScanS + k * kInSituIntervalS;
        XrdParams p;
        // Up to (116), so that each scan alone still refines the cell (8 lines mixing hk0 and 00l).
        p.twoThetaStartDeg = 20.0;
        p.twoThetaEndDeg = 56.0;
        p.stepDeg = 0.02;
        const double points = std::round((p.twoThetaEndDeg - p.twoThetaStartDeg) / p.stepDeg) + 1.0;
        const double s = cell.at(start + 0.5 * points * kInSituStepTimeS).first;
        p.crystalliteSizeNm = sp.crystalliteNm;
        p.aAngstrom = sp.aAngstrom * (1.0 + kInSituStrainA * s);
        p.cAngstrom = sp.cAngstrom * (1.0 + kInSituStrainC * s);
        p.peakAreaScale = 1.5 * sp.xrdAreaScale; // a longer count per step than the survey pattern
        p.amorphousHumpCounts = sp.amorphousHump;
        p.seed = seedFor(sp, "xrd-insitu") + std::uint64_t(k);
        SimDataset d = simulateXrd(p, std::string(sp.name) + " – in situ, scan " + std::to_string(k + 1));
        addMeta(d, "measured_at", clockAt(start));
        addMeta(d, "step_time_s", kInSituStepTimeS);
        addMeta(d, "scan_index", double(k + 1));
        addMeta(d, "scan_count", double(n));
        out.push_back(std::move(d));
    }
    SimDataset r;
    r.technique = "echem";
    r.kind = "cycling_record";
    r.name = std::string(sp.name) + " – in-situ XRD cell, 0.1 A g⁻¹";
    std::vector<double> t, v, i;
    Rng rng(seedFor(sp, "insitu-cell"));
    const double currentMa = cell.jAPerG * cell.massMg; // A g⁻¹ × mg = mA
    for (double ts = 0.0; ts <= cell.endS() + 1e-9; ts += 30.0) {
        t.push_back(ts);
        v.push_back(cell.at(ts).second + rng.normal(0.0, 0.0005));
        i.push_back(ts <= cell.restS ? 0.0 : ts <= cell.restS + cell.dischargeS ? -currentMa : currentMa);
    }
    r.columns = {{"Time", "s", t}, {"Voltage", "V", v}, {"Current", "mA", i}};
    addMeta(r, "start_time", clockAt(0.0));
    addMeta(r, "active_mass_mg", cell.massMg);
    addMeta(r, "current_density_a_g", cell.jAPerG);
    out.push_back(std::move(r));
    return out;
}

} // namespace vanadis::sim
