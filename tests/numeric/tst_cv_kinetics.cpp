// CV kinetics against ground truth: branch splitting, peak detection, b-values recovered from CVs whose
// peak currents follow i_p = a·v^b exactly (to 0.01, also with noise), b across potential on a power-law
// surface, and the Dunn separation of simulateCv series (k1, k2 and the capacitive share to 0.01 of the
// values the simulator was built with), plus the errors for unusable input.
#include "numeric/echem/CvKinetics.h"
#include "numeric/echem/DunnAnalysis.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include "../VerifyNear.h"
#include <QTest>
#include <cmath>
#include <random>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

/// A triangular CV 1.5 → 4.0 → 1.5 V (anodic first) at \a rate mV/s, 2 mV steps, current \a f(E, anodic).
template <class F>
CvScan triangle(double rate, F f, double noiseMa = 0.0, std::uint64_t seed = 1)
{
    CvScan s;
    s.scanRateMvS = rate;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    const int n = 1250;
    for (int i = 0; i <= 2 * n; ++i) {
        const bool anodic = i <= n;
        const double e = anodic ? 1.5 + 0.002 * i : 4.0 - 0.002 * (i - n);
        s.potentialV.push_back(e);
        s.currentMa.push_back(f(e, anodic) + noiseMa * g(rng));
    }
    return s;
}

double gauss(double e, double c, double w)
{
    return std::exp(-0.5 * (e - c) * (e - c) / (w * w));
}

/// Scans of a simulateCv series: cycle \a cycle of every scan rate.
std::vector<CvScan> scansOf(const sim::SimDataset& d, int cycle)
{
    const auto& e = sim::column(d, "Potential").values;
    const auto& i = sim::column(d, "Current").values;
    const auto& r = sim::column(d, "Scan Rate").values;
    const auto& c = sim::column(d, "Cycle").values;
    std::vector<CvScan> out;
    for (std::size_t k = 0; k < e.size(); ++k) {
        if (int(c[k]) != cycle) continue;
        if (out.empty() || out.back().scanRateMvS != r[k]) out.push_back({r[k], {}, {}});
        out.back().potentialV.push_back(e[k]);
        out.back().currentMa.push_back(i[k]);
    }
    return out;
}

} // namespace

class TestCvKinetics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void branchesAndPeaks();
    void bValuePerPeak();
    void bValuePerPeakWithNoise();
    void bValueAcrossPotential();
    void dunnRecoversSimulatedCoefficients();
    void dunnCapacitiveShareOfTheSimulator();
    void errors();
};

void TestCvKinetics::branchesAndPeaks()
{
    const CvScan s = triangle(1.0, [](double e, bool an) {
        return an ? 0.02 + 0.5 * gauss(e, 2.6, 0.08) + 0.2 * gauss(e, 3.4, 0.06)
                  : -0.02 - 0.6 * gauss(e, 2.0, 0.1);
    });
    const auto segs = splitCvBranches(s.potentialV);
    QCOMPARE(segs.size(), std::size_t(2));
    QCOMPARE(segs[0].branch, CvBranch::Anodic);
    QCOMPARE(segs[0].end - 1, std::size_t(1250)); // the vertex closes the first branch …
    QCOMPARE(segs[1].begin, std::size_t(1250));   // … and opens the second
    const auto peaks = findCvPeaks(s);
    QCOMPARE(peaks.size(), std::size_t(3));
    QCOMPARE(peaks[0].branch, CvBranch::Anodic);
    VERIFY_NEAR(peaks[0].potentialV, 2.6, 0.002);
    VERIFY_NEAR(peaks[1].potentialV, 3.4, 0.002);
    VERIFY_NEAR(peaks[2].potentialV, 2.0, 0.002);
    VERIFY_NEAR(peaks[2].currentMa, -0.62, 1e-3);
    // A current rising into the vertex is not a peak; noise of 1 % does not make peaks.
    const CvScan ramp = triangle(
        1.0, [](double e, bool an) { return an ? 0.1 * (e - 1.4) : -0.1; }, 0.002);
    QVERIFY(findCvPeaks(ramp).empty());
    // Vertices survive noise larger than the step (hysteresis).
    CvScan noisy = s;
    std::mt19937_64 rng(3);
    std::normal_distribution<double> g(0.0, 0.002);
    for (double& e : noisy.potentialV)
        e += g(rng);
    QCOMPARE(splitCvBranches(noisy.potentialV, 0.01).size(), std::size_t(2));
}

void TestCvKinetics::bValuePerPeak()
{
    // i_p ∝ v^0.72 (anodic) and v^0.58 (cathodic) with peaks drifting apart by 30 mV per decade; a
    // k1·v capacitive floor away from the peaks does not touch the peak maxima much, so it is left out.
    std::vector<CvScan> scans;
    for (double v : {0.2, 0.4, 0.6, 0.8, 1.0}) {
        const double shift = 0.03 * std::log10(v / 0.2);
        scans.push_back(triangle(v, [&](double e, bool an) {
            return an ? 0.8 * std::pow(v, 0.72) * gauss(e, 2.6 + shift, 0.09)
                      : -0.7 * std::pow(v, 0.58) * gauss(e, 2.0 - shift, 0.1);
        }));
    }
    auto r = peakBValues(scans);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QCOMPARE(r->size(), std::size_t(2));
    QCOMPARE((*r)[0].branch, CvBranch::Anodic);
    VERIFY_NEAR((*r)[0].fit.b, 0.72, 0.01);
    VERIFY_NEAR((*r)[1].fit.b, 0.58, 0.01);
    QCOMPARE((*r)[0].fit.n, 5);
    QVERIFY((*r)[0].fit.r2 > 0.999);
    VERIFY_NEAR((*r)[0].peakPotentialV.back(), 2.6 + 0.03 * std::log10(5.0), 0.003);
    // Direct: a = 2 mA at 1 mV/s, b = 0.5 exactly.
    auto f = fitBValue(std::vector<double>{0.1, 1.0, 10.0},
                       std::vector<double>{2.0 * std::sqrt(0.1), 2.0, 2.0 * std::sqrt(10.0)});
    QVERIFY(f);
    VERIFY_NEAR(f->b, 0.5, 1e-12);
    VERIFY_NEAR(f->log10A, std::log10(2.0), 1e-12);
    VERIFY_NEAR(f->bStderr, 0.0, 1e-12);
}

void TestCvKinetics::bValuePerPeakWithNoise()
{
    std::vector<CvScan> scans;
    std::uint64_t seed = 1;
    for (double v : {0.2, 0.4, 0.6, 0.8, 1.0})
        scans.push_back(triangle(
            v,
            [&](double e, bool an) {
                return an ? 0.8 * std::pow(v, 0.8) * gauss(e, 2.6, 0.09)
                          : -0.7 * std::pow(v, 0.5) * gauss(e, 2.0, 0.1);
            },
            0.002, seed++));
    auto r = peakBValues(scans);
    QVERIFY(r && r->size() == 2);
    VERIFY_NEAR((*r)[0].fit.b, 0.8, 0.01);
    VERIFY_NEAR((*r)[1].fit.b, 0.5, 0.01);
    QVERIFY((*r)[0].fit.bStderr > 0 && (*r)[0].fit.bStderr < 0.01);
}

void TestCvKinetics::bValueAcrossPotential()
{
    // i = f(E)·v^b(E) with b rising linearly from 0.5 at 1.5 V to 1.0 at 4.0 V on both branches.
    auto b = [](double e) { return 0.5 + 0.5 * (e - 1.5) / 2.5; };
    std::vector<CvScan> scans;
    for (double v : {0.2, 0.5, 1.0, 2.0})
        scans.push_back(triangle(v, [&](double e, bool an) {
            const double mag = (0.1 + gauss(e, 2.5, 0.3)) * std::pow(v, b(e));
            return an ? mag : -mag;
        }));
    auto r = bValuesAcrossPotential(scans, 0.01, 0.05);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QVERIFY(r->size() > 400);
    double worst = 0.0;
    for (const auto& p : *r) {
        worst = std::max(worst, std::abs(p.b - b(p.potentialV)));
        QVERIFY(p.r2 > 0.9999);
    }
    QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));
    VERIFY_NEAR(r->front().potentialV, 1.55, 1e-9); // vertex exclusion
}

void TestCvKinetics::dunnRecoversSimulatedCoefficients()
{
    sim::CvParams p;
    p.currentNoiseRelative = 0.0;
    const sim::SimDataset d = sim::simulateCv(p);
    const auto scans = scansOf(d, 2);
    QCOMPARE(scans.size(), std::size_t(5));
    auto r = dunnAnalysis(scans);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QCOMPARE(r->branches.size(), std::size_t(2));
    double scale1 = 0, scale2 = 0;
    for (const auto& b : r->branches)
        for (std::size_t k = 0; k < b.potentialV.size(); ++k) {
            const auto [k1, k2] = sim::cvDunnCoefficients(p, b.potentialV[k], b.branch == CvBranch::Cathodic);
            scale1 = std::max(scale1, std::abs(k1));
            scale2 = std::max(scale2, std::abs(k2));
        }
    for (const auto& b : r->branches)
        for (std::size_t k = 0; k < b.potentialV.size(); ++k) {
            const auto [k1, k2] = sim::cvDunnCoefficients(p, b.potentialV[k], b.branch == CvBranch::Cathodic);
            VERIFY_NEAR(b.k1[k], k1, 1e-3 * scale1);
            VERIFY_NEAR(b.k2[k], k2, 1e-3 * scale2);
            VERIFY_NEAR(b.capacitiveCurrentMa[4][k], k1 * 1.0, 1e-3 * scale1);
        }
    // The capacitive share on the same grid from the true coefficients.
    for (std::size_t s = 0; s < scans.size(); ++s) {
        const double v = scans[s].scanRateMvS;
        double cap = 0, tot = 0;
        for (const auto& b : r->branches)
            for (std::size_t k = 1; k < b.potentialV.size(); ++k) {
                const double h = b.potentialV[k] - b.potentialV[k - 1];
                for (std::size_t j : {k - 1, k}) {
                    const auto [k1, k2] =
                        sim::cvDunnCoefficients(p, b.potentialV[j], b.branch == CvBranch::Cathodic);
                    cap += 0.5 * h * std::abs(k1 * v);
                    tot += 0.5 * h * std::abs(k1 * v + k2 * std::sqrt(v));
                }
            }
        VERIFY_NEAR(r->capacitiveFraction[s], cap / tot, 0.01);
    }
    // Capacitive share grows with the scan rate (k1·v outgrows k2·√v).
    QVERIFY(r->capacitiveFraction.front() < r->capacitiveFraction.back());
}

void TestCvKinetics::dunnCapacitiveShareOfTheSimulator()
{
    // simulateCv is built so that 90 % of the charge at 1 mV/s is capacitive (whole branches, noise-free
    // cycles ≥ 2). Without vertex exclusion the Dunn share must come back to 0.01; with the simulator's
    // 0.2 % noise too.
    for (double noise : {0.0, 0.002}) {
        sim::CvParams p;
        p.currentNoiseRelative = noise;
        const auto scans = scansOf(sim::simulateCv(p), 2);
        DunnOptions o;
        o.vertexExclusionV = 0.0;
        auto r = dunnAnalysis(scans, o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->scanRateMvS.back(), 1.0);
        VERIFY_NEAR(r->capacitiveFraction.back(), 0.9, 0.01);
    }
}

void TestCvKinetics::errors()
{
    const CvScan a = triangle(1.0, [](double, bool an) { return an ? 1.0 : -1.0; });
    QVERIFY(!dunnAnalysis(std::vector<CvScan>{a}));
    auto same = dunnAnalysis(std::vector<CvScan>{a, a});
    QVERIFY(!same && same.error().reason.find("same scan rate") != std::string::npos);
    CvScan half = a;
    half.potentialV.resize(1000);
    half.currentMa.resize(1000);
    half.scanRateMvS = 2.0;
    auto oneBranch = dunnAnalysis(std::vector<CvScan>{a, half});
    QVERIFY(!oneBranch && oneBranch.error().reason.find("no cathodic branch") != std::string::npos);
    QVERIFY(!fitBValue(std::vector<double>{1.0, 2.0}, std::vector<double>{1.0, -1.0}));
    QVERIFY(!fitBValue(std::vector<double>{1.0, 1.0}, std::vector<double>{1.0, 2.0}));
    QVERIFY(!fitBValue(std::vector<double>{0.0, 1.0}, std::vector<double>{1.0, 2.0}));
    QVERIFY(!fitBValue(std::vector<double>{1.0}, std::vector<double>{1.0}));
    CvScan flat = a;
    flat.scanRateMvS = 3.0;
    auto noPeaks = peakBValues(std::vector<CvScan>{a, flat});
    QVERIFY(!noPeaks && noPeaks.error().reason.find("no current peak") != std::string::npos);
    // Scans that share no potential range.
    CvScan shifted = a;
    shifted.scanRateMvS = 5.0;
    for (double& e : shifted.potentialV)
        e += 3.0;
    QVERIFY(!dunnAnalysis(std::vector<CvScan>{a, shifted}));
}

QTEST_GUILESS_MAIN(TestCvKinetics)
#include "tst_cv_kinetics.moc"
