// DRT against ground truth: spectra generated from R0 + R‖C + R‖C (+ a Zarc) with known τ and R give
// peaks at those τ (within 10 %) whose areas are the resistances (within 10 %), with and without
// noise, with λ from GCV and given by hand, for both derivative orders; the real pyDRTtools example
// spectrum gives a DRT that reproduces it; bad options are refused.
#include "numeric/echem/Circuit.h"
#include "numeric/echem/Drt.h"
#include "numeric/echem/EisFit.h"

#include "../VerifyNear.h"
#include "ImpedanceCsv.h"
#include <QTest>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

EisSpectrum generate(const char* text, const std::vector<double>& p, double fHi, double fLo, int n,
                     double noise, std::uint64_t seed = 7)
{
    auto c = Circuit::parse(text);
    if (!c) qFatal("%s", c.error().message().c_str());
    std::vector<double> f;
    for (int i = 0; i < n; ++i)
        f.push_back(std::exp(std::log(fHi) + (std::log(fLo) - std::log(fHi)) * i / (n - 1)));
    EisSpectrum s;
    s.frequencyHz = f;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    for (const auto z : simulateCircuit(*c, p, f)) {
        const double m = std::abs(z);
        s.zRealOhm.push_back(z.real() + noise * m * g(rng));
        s.zImagOhm.push_back(z.imag() + noise * m * g(rng));
    }
    return s;
}

/// The peak nearest to \a tau (in ln τ).
const DrtPeak* nearest(const DrtResult& r, double tau)
{
    const DrtPeak* best = nullptr;
    for (const DrtPeak& p : r.peaks)
        if (!best || std::abs(std::log(p.tauS / tau)) < std::abs(std::log(best->tauS / tau))) best = &p;
    return best;
}

} // namespace

class TestDrt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoRcPeaks_data();
    void twoRcPeaks();
    void rcAndZarc();
    void manualLambdaSmoothsMore();
    void realPyDrtToolsExample();
    void badOptions();
};

void TestDrt::twoRcPeaks_data()
{
    QTest::addColumn<double>("noise");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("rule");
    const int gcv = int(DrtLambdaRule::Gcv), mgcv = int(DrtLambdaRule::Mgcv),
              manual = int(DrtLambdaRule::Manual);
    QTest::newRow("noise-free, 1st order, mGCV") << 0.0 << 1 << mgcv;
    QTest::newRow("noise-free, 1st order, GCV") << 0.0 << 1 << gcv;
    QTest::newRow("0.5 % noise, 1st order, mGCV") << 0.005 << 1 << mgcv;
    QTest::newRow("0.5 % noise, 1st order, GCV") << 0.005 << 1 << gcv;
    QTest::newRow("0.5 % noise, 2nd order, mGCV") << 0.005 << 2 << mgcv;
    QTest::newRow("1 % noise, 1st order, mGCV") << 0.01 << 1 << mgcv;
    QTest::newRow("0.2 % noise, 1st order, λ = 1e-4") << 0.002 << 1 << manual;
}

void TestDrt::twoRcPeaks()
{
    QFETCH(double, noise);
    QFETCH(int, order);
    QFETCH(int, rule);
    // R0 = 5 Ω; R1 = 10 Ω, τ1 = R1·C1 = 1e-4 s; R2 = 30 Ω, τ2 = 0.1 s. 70 points, 100 kHz … 10 mHz.
    const double tau1 = 1e-4, tau2 = 0.1;
    const auto s =
        generate("R0-p(R1,C1)-p(R2,C2)", {5.0, 10.0, tau1 / 10.0, 30.0, tau2 / 30.0}, 1e5, 1e-2, 70, noise);
    DrtOptions o;
    o.derivativeOrder = order;
    o.rule = DrtLambdaRule(rule);
    o.lambda = 1e-4;
    auto r = drt(s, o);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    qInfo("λ = %.3g, %zu peaks, R∞ = %.4g Ω, polarisation %.4g Ω", r->lambda, r->peaks.size(), r->rInfOhm,
          r->polarisationOhm);
    for (const DrtPeak& p : r->peaks)
        qInfo("  peak τ = %.4g s, R = %.4g Ω", p.tauS, p.rOhm);
    const DrtPeak* p1 = nearest(*r, tau1);
    const DrtPeak* p2 = nearest(*r, tau2);
    QVERIFY(p1 && p2 && p1 != p2);
    VERIFY_NEAR(p1->tauS / tau1, 1.0, 0.10);
    VERIFY_NEAR(p2->tauS / tau2, 1.0, 0.10);
    VERIFY_NEAR(p1->rOhm, 10.0, 1.0);
    VERIFY_NEAR(p2->rOhm, 30.0, 3.0);
    VERIFY_NEAR(r->rInfOhm, 5.0, 0.5);
    VERIFY_NEAR(r->polarisationOhm, 40.0, 2.0);
    // The DRT reproduces the spectrum to about the noise.
    for (std::size_t i = 0; i < s.size(); ++i) {
        QVERIFY(std::abs(r->residualRealPct[i]) < 1.0 + 400.0 * noise);
        QVERIFY(std::abs(r->residualImagPct[i]) < 1.0 + 400.0 * noise);
    }
    QCOMPARE(r->lambdaFromGcv, o.rule != DrtLambdaRule::Manual);
}

void TestDrt::rcAndZarc()
{
    // R0 = 2 Ω; R‖C with R1 = 20 Ω, τ1 = 1e-5 s; a Zarc with R = 50 Ω, τ0 = 0.05 s, n = 0.85
    // (Q = τ0ⁿ/R). 1 MHz … 10 mHz, 80 points, 0.2 % noise; λ by mGCV (plain GCV under-smooths
    // here and splits the Zarc's broad peak into ripples).
    const double tau1 = 1e-5, tau0 = 0.05, n = 0.85;
    const auto s = generate("R0-p(R1,C1)-Zarc2", {2.0, 20.0, tau1 / 20.0, 50.0, std::pow(tau0, n) / 50.0, n},
                            1e6, 1e-2, 80, 0.002);
    auto r = drt(s);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    for (const DrtPeak& p : r->peaks)
        qInfo("  peak τ = %.4g s, R = %.4g Ω", p.tauS, p.rOhm);
    const DrtPeak* p1 = nearest(*r, tau1);
    const DrtPeak* p2 = nearest(*r, tau0);
    QVERIFY(p1 && p2 && p1 != p2);
    VERIFY_NEAR(p1->tauS / tau1, 1.0, 0.10);
    VERIFY_NEAR(p2->tauS / tau0, 1.0, 0.10);
    VERIFY_NEAR(p1->rOhm, 20.0, 2.0);
    VERIFY_NEAR(p2->rOhm, 50.0, 5.0);
}

void TestDrt::manualLambdaSmoothsMore()
{
    // A larger λ gives a lower, broader peak of about the same area.
    const auto s = generate("R0-p(R1,C1)", {1.0, 10.0, 1e-4}, 1e5, 1e-1, 60, 0.0);
    DrtOptions o;
    o.rule = DrtLambdaRule::Manual;
    o.lambda = 1e-5;
    auto sharp = drt(s, o);
    o.lambda = 1e-2;
    auto smooth = drt(s, o);
    QVERIFY(sharp && smooth);
    QVERIFY(!sharp->peaks.empty() && !smooth->peaks.empty());
    QVERIFY(smooth->peaks.front().gammaOhm < sharp->peaks.front().gammaOhm);
    VERIFY_NEAR(smooth->polarisationOhm, 10.0, 1.0);
    VERIFY_NEAR(sharp->polarisationOhm, 10.0, 0.5);
}

void TestDrt::realPyDrtToolsExample()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    const std::string path = (dir + "/echem/eis_csv/pyDRTtools_data_1.csv").toStdString();
    std::ifstream in(path);
    if (!in) QSKIP("test data absent");
    const EisSpectrum s = testing::readImpedanceCsv(path);
    QCOMPARE(int(s.size()), 107); // 107 rows (PROVENANCE.md says 106)
    auto r = drt(s);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    qInfo("pyDRTtools data_1: λ = %.3g (GCV), R∞ = %.4g Ω, L = %.3g H, polarisation %.4g Ω", r->lambda,
          r->rInfOhm, r->inductanceH, r->polarisationOhm);
    for (const DrtPeak& p : r->peaks)
        qInfo("  peak τ = %.4g s (f = %.4g Hz), R = %.4g Ω", p.tauS, p.frequencyHz, p.rOhm);
    // The spectrum starts at Z' ≈ 0.110 Ω with inductive points: R∞ a little below, L > 0.
    QVERIFY(r->rInfOhm > 0.09 && r->rInfOhm < 0.112);
    QVERIFY(r->inductanceH > 0.0);
    QVERIFY(!r->peaks.empty());
    double worst = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i)
        worst = std::max({worst, std::abs(r->residualRealPct[i]), std::abs(r->residualImagPct[i])});
    qInfo("  largest residual %.3g %%", worst);
    QVERIFY(worst < 1.0);
}

void TestDrt::badOptions()
{
    const auto s = generate("R0-p(R1,C1)", {1.0, 10.0, 1e-4}, 1e5, 1e-1, 20, 0.0);
    DrtOptions o;
    o.derivativeOrder = 3;
    QVERIFY(!drt(s, o));
    o = {};
    o.rule = DrtLambdaRule::Manual;
    o.lambda = -1.0;
    QVERIFY(!drt(s, o));
    o.lambda = std::nan("");
    QVERIFY(!drt(s, o));
    EisSpectrum few = s;
    few.frequencyHz.resize(3);
    few.zRealOhm.resize(3);
    few.zImagOhm.resize(3);
    QVERIFY(!drt(few));
    EisSpectrum zeros = s;
    zeros.frequencyHz[2] = 0.0;
    QVERIFY(!drt(zeros));
}

QTEST_APPLESS_MAIN(TestDrt)
#include "tst_drt.moc"
