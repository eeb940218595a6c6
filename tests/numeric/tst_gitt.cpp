// GITT against ground truth: simulateGitt builds each pulse so that Weppner–Huggins gives its chosen
// D(x); segmentation must find every pulse and the D of every complete pulse must come back within 2 %
// (noise-free and with the simulator's 0.2 mV noise), identically through the full form (m, M, V_M, S),
// the particle-radius form and a given L. Also ΔE_t from the √t fit against the raw end points, the IR
// jump, the capacity and Na-content axes, a cut-short pulse, and the errors for unusable input.
#include "numeric/echem/GittAnalysis.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include "../VerifyNear.h"
#include <QTest>
#include <cmath>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

GittRecord recordOf(const sim::SimDataset& d)
{
    return {sim::column(d, "Time").values, sim::column(d, "Voltage").values,
            sim::column(d, "Current").values};
}

} // namespace

class TestGitt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recoversSimulatedDiffusion_data();
    void recoversSimulatedDiffusion();
    void threeGeometryFormsAgree();
    void pulseQuantities();
    void cutShortPulseIsFlagged();
    void errors();
};

void TestGitt::recoversSimulatedDiffusion_data()
{
    QTest::addColumn<double>("noiseV");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("noise-free") << 0.0 << 0.02;
    QTest::newRow("0.2 mV noise") << 0.0002 << 0.02;
}

void TestGitt::recoversSimulatedDiffusion()
{
    QFETCH(double, noiseV);
    QFETCH(double, tolerance);
    sim::GittParams p;
    p.voltageNoiseV = noiseV;
    const sim::SimDataset d = sim::simulateGitt(p);
    const std::vector<double> truth = sim::metadataList(d, "d_true_cm2_s");
    GittMaterial m;
    m.activeMassMg = p.activeMassMg;
    m.molarMassGMol = 149.88;
    m.diffusionLengthCm = p.thicknessCm;
    auto r = analyseGitt(recordOf(d), m);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    std::vector<const GittPulse*> complete;
    for (const auto& g : r->pulses)
        if (g.complete) complete.push_back(&g);
    QCOMPARE(complete.size(), truth.size());
    double worst = 0.0;
    for (std::size_t k = 0; k < truth.size(); ++k) {
        VERIFY_NEAR(complete[k]->dCm2S, truth[k], tolerance * truth[k]);
        worst = std::max(worst, std::abs(complete[k]->dCm2S / truth[k] - 1.0));
    }
    qInfo("%zu pulses, worst relative D error %.3f %%", truth.size(), 100.0 * worst);
    QCOMPARE(r->form, std::string("diffusion length"));
}

void TestGitt::threeGeometryFormsAgree()
{
    sim::GittParams p;
    p.voltageNoiseV = 0.0;
    const GittRecord rec = recordOf(sim::simulateGitt(p));
    const std::vector<double> truth = sim::metadataList(sim::simulateGitt(p), "d_true_cm2_s");
    // Full form: m·V_M/(M·S) = L for S chosen here; V2O3 values of echem.md §5.
    GittMaterial full;
    full.activeMassMg = p.activeMassMg;
    full.molarMassGMol = 149.88;
    full.molarVolumeCm3Mol = 29.9;
    full.electrodeAreaCm2 = p.activeMassMg * 1e-3 * 29.9 / (149.88 * p.thicknessCm);
    GittMaterial sphere;
    sphere.activeMassMg = p.activeMassMg;
    sphere.particleRadiusCm = 3.0 * p.thicknessCm;
    auto a = analyseGitt(rec, full), b = analyseGitt(rec, sphere);
    QVERIFY(a && b);
    QCOMPARE(a->form, std::string("full"));
    QCOMPARE(b->form, std::string("particle radius"));
    VERIFY_NEAR(a->diffusionLengthCm, p.thicknessCm, 1e-12);
    VERIFY_NEAR(b->diffusionLengthCm, p.thicknessCm, 1e-12);
    QCOMPARE(a->pulses.size(), b->pulses.size());
    for (std::size_t k = 0; k < truth.size(); ++k) {
        VERIFY_NEAR(a->pulses[k].dCm2S, truth[k], 0.02 * truth[k]);
        VERIFY_NEAR(b->pulses[k].dCm2S, a->pulses[k].dCm2S, 1e-9 * truth[k]);
    }
    // D scales with L²: doubling the area quarters D.
    full.electrodeAreaCm2 *= 2.0;
    auto c = analyseGitt(rec, full);
    QVERIFY(c);
    VERIFY_NEAR(c->pulses[0].dCm2S, a->pulses[0].dCm2S / 4.0, 1e-9 * truth[0]);
}

void TestGitt::pulseQuantities()
{
    sim::GittParams p;
    p.voltageNoiseV = 0.0;
    const sim::SimDataset d = sim::simulateGitt(p);
    GittMaterial m;
    m.activeMassMg = p.activeMassMg;
    m.molarMassGMol = 149.88;
    m.diffusionLengthCm = p.thicknessCm;
    auto r = analyseGitt(recordOf(d), m);
    QVERIFY(r);
    const GittPulse& g = r->pulses[0];
    VERIFY_NEAR(g.tauS, p.pulseS, 1e-9);
    const double currentMa = p.currentDensityAPerG * p.activeMassMg;
    VERIFY_NEAR(g.currentMa, -currentMa, 1e-12);
    // IR jump I·R (pulse 2: the simulated rests relax to within ≈ 0.1 mV, the initial one less) and a
    // perfectly linear E(√t).
    VERIFY_NEAR(r->pulses[1].irDropV, currentMa * 1e-3 * p.ohmicResistanceOhm, 2e-4);
    VERIFY_NEAR(g.sqrtFitR2, 1.0, 1e-9);
    QVERIFY(g.sqrtSlopeVPerSqrtS < 0); // sodiation lowers the voltage
    // The end-point ΔE_t misses the first sample's √(dt/τ) share; the fit does not.
    VERIFY_NEAR(g.deltaEtEndpointsV, g.deltaEtV * (1.0 - std::sqrt(p.sampleIntervalS / p.pulseS)), 1e-6);
    // Capacity Q = I·t/(3.6·m) per pulse, x = Q·3.6·M/F.
    const double q = p.currentDensityAPerG * p.pulseS / 3.6;
    for (std::size_t k = 0; k < 3; ++k) {
        VERIFY_NEAR(r->pulses[k].capacityMahG, q * double(k + 1), 1e-9 * q);
        VERIFY_NEAR(r->pulses[k].sodiumContent, q * double(k + 1) * 3.6 * 149.88 / 96485.33212, 1e-9);
    }
    QVERIFY(r->pulses[1].relaxedAfterV < r->pulses[0].relaxedAfterV);
    VERIFY_NEAR(r->pulses[1].relaxedBeforeV, r->pulses[0].relaxedAfterV, 1e-12);
}

void TestGitt::cutShortPulseIsFlagged()
{
    // Enough pulses to hit the lower cut-off: the last pulse is cut short and flagged, not dropped.
    sim::GittParams p;
    p.voltageNoiseV = 0.0;
    p.maxPulses = 40;
    p.lowerCutoffV = 1.9;
    const sim::SimDataset d = sim::simulateGitt(p);
    GittMaterial m;
    m.diffusionLengthCm = p.thicknessCm;
    m.activeMassMg = p.activeMassMg;
    auto r = analyseGitt(recordOf(d), m);
    QVERIFY(r);
    const std::size_t complete = std::size_t(sim::metadataNumber(d, "complete_pulses"));
    std::size_t flagged = 0;
    for (const auto& g : r->pulses)
        flagged += !g.complete;
    if (r->pulses.size() > complete) {
        QCOMPARE(flagged, r->pulses.size() - complete);
        QVERIFY(!r->warnings.empty());
    } else {
        QCOMPARE(flagged, std::size_t(0));
    }
    QVERIFY(std::isnan(r->pulses[0].sodiumContent)); // no molar mass given
}

void TestGitt::errors()
{
    sim::GittParams p;
    const GittRecord rec = recordOf(sim::simulateGitt(p));
    GittMaterial none;
    auto r = analyseGitt(rec, none);
    QVERIFY(!r);
    QVERIFY2(r.error().reason.find("molar volume") != std::string::npos &&
                 r.error().reason.find("electrode area") != std::string::npos,
             r.error().reason.c_str());
    GittMaterial l;
    l.diffusionLengthCm = 1e-3;
    GittRecord zero = rec;
    std::fill(zero.currentMa.begin(), zero.currentMa.end(), 0.0);
    QVERIFY(!analyseGitt(zero, l));
    GittRecord back = rec;
    back.timeS[20] = back.timeS[19];
    r = analyseGitt(back, l);
    QVERIFY(!r && r.error().location == "point 21");
    GittRecord shortRec = rec;
    shortRec.timeS.pop_back();
    QVERIFY(!analyseGitt(shortRec, l));
    // Only a pulse, no rest after it.
    GittRecord pulseOnly;
    for (int k = 0; k < 20; ++k) {
        pulseOnly.timeS.push_back(k);
        pulseOnly.voltageV.push_back(3.0 - 0.01 * k);
        pulseOnly.currentMa.push_back(k < 2 ? 0.0 : -0.15);
    }
    r = analyseGitt(pulseOnly, l);
    QVERIFY(!r && r.error().reason.find("rest") != std::string::npos);
    l.diffusionLengthCm = -1.0;
    QVERIFY(!analyseGitt(rec, l));
}

QTEST_GUILESS_MAIN(TestGitt)
#include "tst_gitt.moc"
