// TGA maths against ground truth: Savitzky–Golay weights and derivatives of known polynomials (exact),
// the worked example of tga.md §2, carbon content recovered from simulateTga runs of the four demo
// samples and of a sweep of compositions (within 0.1 wt%), the ISO 11358-1 onset of an analytic sigmoid
// step (within 1 °C), step kinds, plateau checks and the errors for unusable runs.
#include "numeric/Constants.h"
#include "numeric/sim/DemoSeries.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Tga.h"
#include "numeric/tga/CarbonContent.h"
#include "numeric/tga/CurveAnalysis.h"
#include "numeric/tga/Dtg.h"
#include "numeric/tga/MassCorrection.h"
#include "numeric/tga/MassReadings.h"
#include "numeric/tga/SavitzkyGolay.h"
#include "numeric/tga/StepDetection.h"

#include "../VerifyNear.h"
#include <QTest>
#include <cmath>
#include <random>

using namespace vanadis;
using namespace vanadis::tga;

namespace {

TgaCurve curveFrom(const sim::SimDataset& d)
{
    TgaCurve c;
    c.timeMin = sim::column(d, "Time").values;
    c.temperatureC = sim::column(d, "Temperature").values;
    c.massMg = sim::column(d, "Mass").values;
    c.massPct = sim::column(d, "Mass %").values;
    return c;
}

/// An analytic sigmoid step on sloping baselines, heated at 10 K/min from 30 °C, 0.1 min per point:
/// m(T) = 100 + slope·(T − 30) + sign·Δ/(1 + exp(−(T − Tc)/w)). The tangent at the inflection (T = Tc,
/// where the baselines contribute no curvature) meets both baselines at Tc ∓ 2w exactly.
TgaCurve sigmoid(double tc, double w, double delta, double sign, double slopePerC, double noisePct,
                 std::uint64_t seed)
{
    TgaCurve c;
    sim::Rng rng(seed);
    for (int i = 0;; ++i) {
        const double t = i * 0.1;
        const double temp = 30.0 + 10.0 * t;
        if (temp > 600.0) break;
        const double m = 100.0 + slopePerC * (temp - 30.0) +
                         sign * delta / (1.0 + std::exp(-(temp - tc) / w)) + rng.normal(0.0, noisePct);
        c.timeMin.push_back(t);
        c.temperatureC.push_back(temp);
        c.massPct.push_back(m);
    }
    return c;
}

/// Options without the carbon content (runs that are not a burn-off).
CurveAnalysisOptions noCarbon(bool perDegree = false)
{
    CurveAnalysisOptions o;
    o.carbonContent = false;
    o.dtg.perDegree = perDegree;
    return o;
}

} // namespace

class TestTga : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void savitzkyGolayClassicTable();
    void savitzkyGolayDerivativeOfPolynomialIsExact();
    void savitzkyGolayRejectsBadWindows();
    void workedExample();
    void presetFactors();
    void demoSamplesCarbon_data();
    void demoSamplesCarbon();
    void compositionSweep();
    void buoyancyCorrectedByCoefficientOrBlank();
    void blankErrors();
    void sigmoidOnset_data();
    void sigmoidOnset();
    void demoStepsHaveBothKinds();
    void denseLoggingGivesTheSameSteps();
    void isothermalHoldDtgAgainstTime();
    void temperatureFallbackWarns();
    void endPlateauFlatness();
    void cursorsAndResidue();
    void badRuns();
};

void TestTga::savitzkyGolayClassicTable()
{
    // Savitzky & Golay (1964), Table I/III: 5-point quadratic smoothing (−3, 12, 17, 12, −3)/35 and first
    // derivative (−2, −1, 0, 1, 2)/10.
    const auto s = savitzkyGolayWeights({5, 2}, 0, 1.0);
    const double smooth[] = {-3, 12, 17, 12, -3};
    const auto d = savitzkyGolayWeights({5, 2}, 1, 1.0);
    const double deriv[] = {-2, -1, 0, 1, 2};
    QCOMPARE(s.size(), std::size_t(5));
    for (int j = 0; j < 5; ++j) {
        VERIFY_NEAR(s[std::size_t(j)], smooth[j] / 35.0, 1e-14);
        VERIFY_NEAR(d[std::size_t(j)], deriv[j] / 10.0, 1e-14);
    }
    // 7-point cubic smoothing: (−2, 3, 6, 7, 6, 3, −2)/21.
    const auto c = savitzkyGolayWeights({7, 3}, 0, 1.0);
    const double cubic[] = {-2, 3, 6, 7, 6, 3, -2};
    for (int j = 0; j < 7; ++j)
        VERIFY_NEAR(c[std::size_t(j)], cubic[j] / 21.0, 1e-13);
}

void TestTga::savitzkyGolayDerivativeOfPolynomialIsExact()
{
    // A polynomial of degree ≤ order is reproduced exactly by the local fit, at interior and edge points,
    // for even and uneven spacing alike.
    auto poly = [](double x) { return 3.0 - 2.0 * x + 0.5 * x * x - 0.04 * x * x * x; };
    auto dpoly = [](double x) { return -2.0 + x - 0.12 * x * x; };
    auto d2poly = [](double x) { return 1.0 - 0.24 * x; };
    for (bool even : {true, false}) {
        std::vector<double> x, y;
        sim::Rng rng(7);
        double xi = -5.0;
        for (int i = 0; i < 400; ++i) {
            x.push_back(xi);
            y.push_back(poly(xi));
            xi += even ? 0.025 : 0.025 * (0.3 + 1.4 * rng.uniform());
        }
        QCOMPARE(isEvenlySpaced(x), even);
        for (int points : {7, 21, 51}) {
            auto d1 = savitzkyGolay(x, y, {points, 3}, 1);
            auto d2 = savitzkyGolay(x, y, {points, 3}, 2);
            auto s0 = savitzkyGolay(x, y, {points, 3}, 0);
            QVERIFY(d1 && d2 && s0);
            double worst1 = 0, worst2 = 0, worst0 = 0;
            for (std::size_t i = 0; i < x.size(); ++i) {
                worst1 = std::max(worst1, std::abs((*d1)[i] - dpoly(x[i])));
                worst2 = std::max(worst2, std::abs((*d2)[i] - d2poly(x[i])));
                worst0 = std::max(worst0, std::abs((*s0)[i] - y[i]));
            }
            qInfo("SG cubic, %s spacing, %2d points: max |error| value %.2e, dy/dx %.2e, d2y/dx2 %.2e",
                  even ? "even  " : "uneven", points, worst0, worst1, worst2);
            QVERIFY2(worst0 < 1e-9 && worst1 < 1e-8 && worst2 < 1e-6,
                     qPrintable(QString("errors %1 %2 %3").arg(worst0).arg(worst1).arg(worst2)));
            const double at = savitzkyGolayAt(x, y, {points, 3}, 1, 123);
            VERIFY_NEAR(at, dpoly(x[123]), 1e-8);
        }
    }
}

void TestTga::savitzkyGolayRejectsBadWindows()
{
    std::vector<double> x(30), y(30, 1.0);
    for (int i = 0; i < 30; ++i)
        x[std::size_t(i)] = i;
    QVERIFY(!savitzkyGolay(x, y, {6, 2}, 1));  // even
    QVERIFY(!savitzkyGolay(x, y, {3, 3}, 1));  // not larger than the order
    QVERIFY(!savitzkyGolay(x, y, {31, 2}, 1)); // longer than the data
    QVERIFY(!savitzkyGolay(x, y, {7, 2}, 3));  // derivative above the order
    QVERIFY(!savitzkyGolay(x, y, {9, 7}, 0));  // order above 6
    QVERIFY(savitzkyGolay(x, y, {29, 2}, 1));
}

void TestTga::workedExample()
{
    // tga.md §2: m_dry = 9.880 mg at 200 °C, m_end = 10.150 mg → w_C = 15.34 wt%.
    const double w = carbonWtPctFromMasses(9.880, 10.150, v2o3ToV2o5());
    qInfo("worked example: w_C = %.4f wt%% (expected 15.34)", w);
    VERIFY_NEAR(w, 15.34, 0.005);
    // The naive "100 % − residue" would be −2.7 %.
    VERIFY_NEAR(100.0 - 100.0 * 10.150 / 9.880, -2.73, 0.01);
    VERIFY_NEAR(carbonWtPctFromMasses(9.880, 10.150, v2o5NoCorrection()), 100.0 * (1 - 10.150 / 9.880),
                1e-12);
}

void TestTga::presetFactors()
{
    VERIFY_NEAR(v2o3ToV2o5().factor(), 0.824069, 5e-7); // 1/r of tga.md §1
    VERIFY_NEAR(vo2ToV2o5().factor(), 2 * 82.940 / 181.878, 1e-12);
    VERIFY_NEAR(v2o5NoCorrection().factor(), 1.0, 0);
    QVERIFY(oxidationPreset("V2O3", "V2O5").has_value());
    QVERIFY(!oxidationPreset("TiO2", "V2O5").has_value());
    // w_C < 17.6 % (= 1 − 1/r) ends above the dry mass.
    VERIFY_NEAR(100.0 * (1.0 - v2o3ToV2o5().factor()), 17.59, 0.01);
}

void TestTga::demoSamplesCarbon_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<double>("carbon");
    for (const auto& [name, c] : {std::pair{"CS", 15.50}, {"WCS", 14.72}, {"HCS", 14.03}, {"HMCS", 16.75}})
        QTest::newRow(name) << QString(name) << c;
}

void TestTga::demoSamplesCarbon()
{
    QFETCH(QString, sample);
    QFETCH(double, carbon);
    sim::SimDataset tga;
    for (auto& d : sim::demoDatasets(sample.toStdString()))
        if (d.technique == "tga") tga = d;
    QVERIFY(!tga.columns.empty());
    const TgaCurve c = curveFrom(tga);
    auto a = analyseCurve(c);
    QVERIFY2(a, a ? "" : a.error().message().c_str());
    QVERIFY(a->carbon.has_value());
    const double water = sim::metadataNumber(tga, "water_wt_pct");
    qInfo("%-4s w_C = %.3f ± %.3f wt%% (truth %.2f, error %+.3f); moisture %.3f %% (truth %.2f); %zu steps; "
          "DTG window %d",
          qPrintable(sample), a->carbon->carbonWtPct, a->carbon->carbonWtPctErr, carbon,
          a->carbon->carbonWtPct - carbon, a->moisture->moisturePct, water, a->steps.steps.size(),
          a->dtg.window.points);
    VERIFY_NEAR(a->carbon->carbonWtPct, carbon, 0.1);
    VERIFY_NEAR(a->moisture->moisturePct, water, 0.1);
    QVERIFY(a->carbon->endPlateauFlat);
    QVERIFY(a->carbon->carbonWtPctErr > 0 && a->carbon->carbonWtPctErr < 0.1);
    QVERIFY(a->carbon->derivation.find("m_dry") != std::string::npos);
    // Residue on the dry basis: (1 − w_C)·r (tga.md §2).
    VERIFY_NEAR(a->carbon->residueWtPct,
                (1 - carbon / 100) * constants::molarMassV2O5 / constants::molarMassV2O3 * 100, 0.15);
}

void TestTga::compositionSweep()
{
    double worst = 0, worstMoisture = 0, worstZ = 0;
    int runs = 0;
    for (double carbon : {5.0, 8.0, 12.0, 17.6, 21.0, 25.0, 30.0}) {
        for (double water : {0.0, 0.7, 2.0, 3.5, 5.0}) {
            sim::TgaParams p;
            p.carbonWtPct = carbon;
            p.waterWtPct = water;
            p.sampleMassMg = 6.0 + carbon / 5.0;
            p.carbonBurnOff.peakTemperatureC = 430.0 + carbon * 2.0;
            p.seed = sim::seedFromLabel("sweep") + std::uint64_t(carbon * 100 + water * 10);
            const TgaCurve c = curveFrom(sim::simulateTga(p));
            auto a = analyseCurve(c);
            QVERIFY2(a, a ? "" : a.error().message().c_str());
            QVERIFY(a->carbon.has_value());
            const double err = a->carbon->carbonWtPct - carbon;
            worst = std::max(worst, std::abs(err));
            worstZ = std::max(worstZ, std::abs(err) / a->carbon->carbonWtPctErr);
            worstMoisture = std::max(worstMoisture, std::abs(a->moisture->moisturePct - water));
            VERIFY_NEAR(a->carbon->carbonWtPct, carbon, 0.1);
            // Moisture rests on one short reading of the initial mass: noise-limited (σ ≈ 0.03 %).
            VERIFY_NEAR(a->moisture->moisturePct, water, 0.15);
            ++runs;
        }
    }
    qInfo(
        "sweep of %d runs (w_C 5–30 %%, moisture 0–5 %%): max |w_C error| = %.3f wt%%, max |error|/σ = %.2f, "
        "max |moisture error| = %.3f %%",
        runs, worst, worstZ, worstMoisture);
    // The stated uncertainty is honest: no run is off by more than 5σ.
    QVERIFY2(worstZ < 5.0, qPrintable(QString::number(worstZ)));
}

void TestTga::buoyancyCorrectedByCoefficientOrBlank()
{
    // A typical thermobalance drift, +0.04 % of the initial mass per 100 K (tga.md §2), on a 9 mg run.
    const double kPct = 0.04;
    for (double carbon : {8.0, 15.5, 25.0}) {
        sim::TgaParams p;
        p.carbonWtPct = carbon;
        p.buoyancyMgPerK = p.sampleMassMg * kPct / 100.0 / 100.0;
        p.seed = sim::seedFromLabel("buoyancy") + std::uint64_t(carbon * 10);
        const TgaCurve raw = curveFrom(sim::simulateTga(p));

        // Uncorrected, with the uncertainty told to cover a typical uncorrected buoyancy (0.05 %/100 K).
        CurveAnalysisOptions o;
        o.carbon.uncorrectedBuoyancyPctPer100K = 0.05;
        auto uncorrected = analyseCurve(raw, o);
        QVERIFY(uncorrected && uncorrected->carbon);
        const double errRaw = uncorrected->carbon->carbonWtPct - carbon;

        // The instrument's coefficient.
        auto byCoefficient = correctBuoyancy(raw, kPct);
        QVERIFY(byCoefficient);
        auto a = analyseCurve(*byCoefficient);
        QVERIFY(a && a->carbon);

        // A blank: an empty crucible (12.3 mg) under the same programme, with the same drift and noise.
        sim::TgaParams bp = p;
        TgaCurve blank;
        blank.timeMin = raw.timeMin;
        blank.temperatureC = raw.temperatureC;
        std::mt19937_64 rng(7 + std::uint64_t(carbon));
        std::normal_distribution<double> noise(0.0, bp.noiseMg);
        for (double t : raw.temperatureC)
            blank.massMg.push_back(12.3 + bp.buoyancyMgPerK * (t - raw.temperatureC.front()) + noise(rng));
        for (double m : blank.massMg)
            blank.massPct.push_back(100.0 * m / blank.massMg.front());
        auto byBlank = subtractBlank(raw, blank);
        QVERIFY2(byBlank, byBlank ? "" : byBlank.error().message().c_str());
        auto b = analyseCurve(*byBlank);
        QVERIFY(b && b->carbon);

        qInfo("w_C %.1f %%, buoyancy +%.2f %%/100 K: uncorrected %.3f ± %.3f (error %+.3f, of which %.3f "
              "covered by the buoyancy term); coefficient %.3f ± %.3f; blank %.3f ± %.3f",
              carbon, kPct, uncorrected->carbon->carbonWtPct, uncorrected->carbon->carbonWtPctErr, errRaw,
              uncorrected->carbon->buoyancyBiasWtPct, a->carbon->carbonWtPct, a->carbon->carbonWtPctErr,
              b->carbon->carbonWtPct, b->carbon->carbonWtPctErr);
        // The drift biases the carbon low by ≈ 0.15–0.2 wt%: more than the noise-only 1σ ever said.
        QVERIFY2(errRaw < -0.1, qPrintable(QString::number(errRaw)));
        // Left uncorrected, the stated 1σ covers the error.
        QVERIFY2(std::abs(errRaw) <= uncorrected->carbon->carbonWtPctErr,
                 qPrintable(QString("%1 vs σ %2").arg(errRaw).arg(uncorrected->carbon->carbonWtPctErr)));
        // Corrected either way: within 0.1 wt% of the truth.
        VERIFY_NEAR(a->carbon->carbonWtPct, carbon, 0.1);
        VERIFY_NEAR(b->carbon->carbonWtPct, carbon, 0.1);
    }
}

void TestTga::blankErrors()
{
    sim::TgaParams p;
    const TgaCurve raw = curveFrom(sim::simulateTga(p));
    TgaCurve blank = raw;
    blank.massMg.clear(); // % only
    auto noMg = subtractBlank(raw, blank);
    QVERIFY(!noMg);
    qInfo("blank without mg: %s", noMg.error().message().c_str());
    TgaCurve shortBlank = raw;
    const std::size_t half = raw.size() / 2;
    for (auto* v : {&shortBlank.timeMin, &shortBlank.temperatureC, &shortBlank.massMg, &shortBlank.massPct})
        v->resize(half);
    auto tooShort = subtractBlank(raw, shortBlank);
    QVERIFY(!tooShort);
    QVERIFY2(QString::fromStdString(tooShort.error().message()).contains("same programme"),
             tooShort.error().message().c_str());
    QVERIFY(!correctBuoyancy(raw, std::nan("")));
}

void TestTga::sigmoidOnset_data()
{
    QTest::addColumn<double>("sign");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("noise");
    QTest::newRow("loss, flat, noiseless") << -1.0 << 0.0 << 0.0;
    QTest::newRow("loss, sloping, noisy") << -1.0 << -0.004 << 0.01;
    QTest::newRow("gain, sloping, noisy") << 1.0 << 0.003 << 0.01;
}

void TestTga::sigmoidOnset()
{
    QFETCH(double, sign);
    QFETCH(double, slope);
    QFETCH(double, noise);
    const double tc = 350.0, w = 8.0, delta = 30.0;
    const TgaCurve c = sigmoid(tc, w, delta, sign, slope, noise, 11);
    auto a = analyseCurve(c, noCarbon());
    QVERIFY2(a, a ? "" : a.error().message().c_str());
    QCOMPARE(a->steps.steps.size(), std::size_t(1));
    const Step& s = a->steps.steps.front();
    QCOMPARE(s.kind, sign < 0 ? StepKind::Loss : StepKind::Gain);
    qInfo("sigmoid %s: onset %.3f (exact %.1f), endset %.3f (exact %.1f), inflection %.3f, midpoint %.3f, Δm "
          "%.3f %%",
          sign < 0 ? "loss" : "gain", s.onsetC, tc - 2 * w, s.endsetC, tc + 2 * w, s.peakC, s.midpointC,
          s.massChangePct);
    VERIFY_NEAR(s.onsetC, tc - 2 * w, 1.0);
    VERIFY_NEAR(s.endsetC, tc + 2 * w, 1.0);
    VERIFY_NEAR(s.peakC, tc, 0.5);
    VERIFY_NEAR(s.midpointC, tc, 1.0);
    // The step's own mass change (baselines aside) is nearly all of Δ.
    VERIFY_NEAR(s.massChangePct * sign, delta, 0.05 * delta + std::abs(slope) * 200);
}

void TestTga::demoStepsHaveBothKinds()
{
    sim::SimDataset tga;
    for (auto& d : sim::demoDatasets("HMCS"))
        if (d.technique == "tga") tga = d;
    auto a = analyseCurve(curveFrom(tga));
    QVERIFY(a);
    bool gain = false, loss = false;
    for (const Step& s : a->steps.steps) {
        qInfo("HMCS step: %s peak %.1f °C, onset %.1f, endset %.1f, Δm %+.2f %%",
              s.kind == StepKind::Loss ? "loss" : "gain", s.peakC, s.onsetC, s.endsetC, s.massChangePct);
        (s.kind == StepKind::Loss ? loss : gain) = true;
    }
    QVERIFY(gain); // V2O3 → V2O5 oxidation
    QVERIFY(loss); // carbon burn-off
}

void TestTga::denseLoggingGivesTheSameSteps()
{
    // The same run logged every 6 s and every 0.08 s (100 000 points): the automatic window keeps its span
    // in time (binning the dense run), so the steps and the carbon content agree.
    sim::TgaParams sparse;
    sim::TgaParams dense = sparse;
    dense.sampleIntervalS = 7920.0 / 99999.0;
    auto a = analyseCurve(curveFrom(sim::simulateTga(sparse)));
    auto b = analyseCurve(curveFrom(sim::simulateTga(dense)));
    QVERIFY(a && b);
    QCOMPARE(b->steps.steps.size(), a->steps.steps.size());
    QVERIFY(b->dtg.binPoints > 1);
    for (std::size_t k = 0; k < a->steps.steps.size(); ++k) {
        const Step& s = a->steps.steps[k];
        const Step& t = b->steps.steps[k];
        qInfo("step %zu: peak %.1f vs %.1f °C, Δm %+.2f vs %+.2f %%", k, s.peakC, t.peakC, s.massChangePct,
              t.massChangePct);
        QCOMPARE(t.kind, s.kind);
        VERIFY_NEAR(t.peakC, s.peakC, 3.0);
        VERIFY_NEAR(t.massChangePct, s.massChangePct, 0.5);
    }
    VERIFY_NEAR(b->carbon->carbonWtPct, sparse.carbonWtPct, 0.1);
}

void TestTga::isothermalHoldDtgAgainstTime()
{
    // Heat 30 → 200 °C at 10 K/min, hold 30 min while 5 % is lost exponentially, heat on to 300 °C.
    TgaCurve c;
    for (int i = 0; i <= 800; ++i) {
        const double t = i * 0.1;
        double temp = 30.0 + 10.0 * std::min(t, 17.0);
        if (t > 47.0) temp = 200.0 + 10.0 * (t - 47.0);
        const double lost = t > 17.0 ? 5.0 * (1.0 - std::exp(-(std::min(t, 47.0) - 17.0) / 5.0)) : 0.0;
        c.timeMin.push_back(t);
        c.temperatureC.push_back(temp);
        c.massPct.push_back(100.0 - lost);
    }
    auto a = analyseCurve(c, noCarbon(true));
    QVERIFY(a);
    // During the hold dm/dt is finite and equals the analytic −(5/5)·exp(−(t−17)/5) % min⁻¹.
    const std::size_t i = 250; // t = 25 min
    VERIFY_NEAR(a->dtg.pctPerMin[i], -std::exp(-8.0 / 5.0), 0.01);
    QVERIFY(std::isnan(a->dtg.pctPerC[i])); // dm/dT undefined while T holds
    QVERIFY(!a->steps.steps.empty());
    QVERIFY(a->steps.steps.front().isothermal);
    QVERIFY(std::isnan(a->steps.steps.front().onsetC));
}

void TestTga::temperatureFallbackWarns()
{
    TgaCurve c = sigmoid(350, 8, 20, -1, 0, 0, 1);
    c.timeMin.clear();
    auto a = analyseCurve(c, noCarbon());
    QVERIFY(a);
    QVERIFY(!a->dtg.againstTime);
    QVERIFY(!a->warnings.empty());
    QVERIFY(a->warnings.front().find("against temperature") != std::string::npos);
    QCOMPARE(a->steps.steps.size(), std::size_t(1));
    VERIFY_NEAR(a->steps.steps.front().onsetC, 334.0, 1.0);
}

void TestTga::endPlateauFlatness()
{
    sim::TgaParams p;
    TgaCurve c = curveFrom(sim::simulateTga(p));
    auto flat = carbonContent(c);
    QVERIFY(flat && flat->endPlateauFlat);
    // Still gaining 0.5 % of the dry mass over the last 20 °C: lower oxides left.
    const std::size_t n = c.size();
    for (std::size_t i = 0; i < n; ++i)
        if (c.temperatureC[i] > 680.0)
            c.massMg[i] += 0.005 * flat->dry.mean * (c.temperatureC[i] - 680.0) / 20.0;
    auto drifting = carbonContent(c);
    QVERIFY(drifting);
    QVERIFY(!drifting->endPlateauFlat);
    bool said = false;
    for (const auto& w : drifting->warnings)
        said |= w.find("oxidation may be incomplete") != std::string::npos;
    QVERIFY(said);
    qInfo("end drift %.3f %% of m_dry → w_C %.3f instead of %.3f", drifting->endDriftPctOfDry,
          drifting->carbonWtPct, flat->carbonWtPct);
    // A cooling segment after the run (700 → 40 °C, with 0.3 % re-adsorbed water) does not move m_end.
    {
        TgaCurve cooled = curveFrom(sim::simulateTga(p));
        const double t0 = cooled.timeMin.back(), m0 = cooled.massMg.back();
        for (int i = 1; i <= 660; ++i) {
            cooled.timeMin.push_back(t0 + 0.1 * i);
            cooled.temperatureC.push_back(700.0 - i);
            cooled.massMg.push_back(m0 * (1.0 + 0.003 * i / 660.0));
            cooled.massPct.push_back(100.0 * cooled.massMg.back() / p.sampleMassMg);
        }
        auto r = carbonContent(cooled);
        QVERIFY(r);
        qInfo("with a cooling segment: end plateau %.1f–%.1f °C, w_C %.3f (flat run %.3f)", r->end.fromC,
              r->end.toC, r->carbonWtPct, flat->carbonWtPct);
        QVERIFY(r->end.fromC >= 679.0);
        VERIFY_NEAR(r->carbonWtPct, flat->carbonWtPct, 0.02);
    }
    // An explicit end range before the drift gives the flat value back.
    CarbonOptions o;
    o.endFromC = 650.0;
    o.endToC = 675.0;
    auto ranged = carbonContent(c, o);
    QVERIFY(ranged && ranged->endPlateauFlat);
    VERIFY_NEAR(ranged->carbonWtPct, p.carbonWtPct, 0.1);
}

void TestTga::cursorsAndResidue()
{
    sim::TgaParams p;
    p.noiseMg = 0.0;
    p.waterWtPct = 3.0;
    const TgaCurve c = curveFrom(sim::simulateTga(p));
    auto ch = massChange(c, 40.0, 200.0);
    QVERIFY(ch);
    VERIFY_NEAR(ch->changePct, -3.0, 0.01);
    VERIFY_NEAR(ch->changeMg, -0.27, 0.001);
    auto res = residueAtPct(c, 700.0);
    QVERIFY(res);
    const double expected =
        97.0 * (1 - p.carbonWtPct / 100) * constants::molarMassV2O5 / constants::molarMassV2O3;
    VERIFY_NEAR(*res, expected, 0.01);
    QVERIFY(!residueAtPct(c, 900.0));
    auto m = moistureLoss(c, 150.0, 10.0);
    QVERIFY(m);
    VERIFY_NEAR(m->moisturePct, 3.0, 0.01);
}

void TestTga::badRuns()
{
    TgaCurve good = sigmoid(350, 8, 20, -1, 0, 0, 1);
    QVERIFY(validateCurve(good));

    TgaCurve backwards = good;
    backwards.timeMin[100] = backwards.timeMin[98];
    auto e1 = analyseCurve(backwards);
    QVERIFY(!e1);
    QCOMPARE(QString::fromStdString(e1.error().location), QStringLiteral("point 101"));
    QVERIFY(e1.error().reason.find("time does not increase") != std::string::npos);

    TgaCurve nan = good;
    nan.massPct[50] = std::nan("");
    auto e2 = analyseCurve(nan);
    QVERIFY(!e2);
    QCOMPARE(QString::fromStdString(e2.error().location), QStringLiteral("point 51"));

    TgaCurve shortRun = good;
    for (auto* v : {&shortRun.timeMin, &shortRun.temperatureC, &shortRun.massPct})
        v->resize(19);
    auto e3 = analyseCurve(shortRun);
    QVERIFY(!e3);
    QVERIFY(e3.error().reason.find("at least 20") != std::string::npos);

    TgaCurve noMass = good;
    noMass.massPct.clear();
    auto e4 = analyseCurve(noMass);
    QVERIFY(!e4);
    QVERIFY(e4.error().reason.find("no mass column") != std::string::npos);

    for (const auto& e : {e1.error(), e2.error(), e3.error(), e4.error()})
        qInfo("error: %s", e.message().c_str());
}

QTEST_APPLESS_MAIN(TestTga)
#include "tst_tga.moc"
