// Cycling numerics against ground truth:
//  - generated records whose half cycles last exactly T = 3.6·Q·m/I at constant current (the capacity is
//    known by construction, not by summation), sampled at random intervals with rests between halves:
//    per-cycle capacities within 0.1 %, with and without a Cycle column; CE in both conventions and
//    pairings; retention against every reference (above 100 % on activation, never clipped);
//  - the demo rate test (sim::simulateRate): nine steps at the programmed current densities, the return
//    to 0.1 A g⁻¹ flagged as recovery, step means equal to the programmed capacities;
//  - dQ/dV of an analytic profile with a known inflection; long-cycling read-outs; errors.
#include "numeric/echem/Cycling.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include "../VerifyNear.h"
#include <QTest>
#include <cmath>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

struct GenCycle {
    double dischargeMahG, chargeMahG, currentAPerG;
};

struct GenRecord {
    std::vector<double> t, i, v, cycle;
    Record view(bool withCycle) const
    {
        return {t, i, v, withCycle ? std::span<const double>(cycle) : std::span<const double>()};
    }
};

/// Discharge first (sodiation-first cathode), each half at constant current j·m for exactly
/// T = 3.6·Q·m/(j·m) s; the first record of a half shares the previous record's time (as instruments log
/// a new step), then records at random intervals with the last one exactly at T; 60 s rest after each half.
GenRecord generate(const std::vector<GenCycle>& cycles, double massMg, std::uint64_t seed, int points = 80)
{
    GenRecord r;
    sim::Rng rng(seed);
    double t = 0.0;
    auto push = [&](double time, double I, double V, int c) {
        r.t.push_back(time);
        r.i.push_back(I);
        r.v.push_back(V);
        r.cycle.push_back(c);
    };
    push(0.0, 0.0, 2.9, 1);
    for (std::size_t c = 0; c < cycles.size(); ++c) {
        for (int half = 0; half < 2; ++half) {
            const bool dis = half == 0;
            const double q = dis ? cycles[c].dischargeMahG : cycles[c].chargeMahG;
            const double I = cycles[c].currentAPerG * massMg; // mA
            const double T = 3.6 * q * massMg / I;
            push(t, dis ? -I : I, dis ? 3.5 : 1.5, int(c) + 1);
            double s = 0.0;
            while (true) {
                s += T / points * rng.uniform(0.5, 1.5);
                if (s >= T) break;
                push(t + s, dis ? -I : I, dis ? 3.5 - 2.0 * s / T : 1.5 + 2.0 * s / T, int(c) + 1);
            }
            push(t + T, dis ? -I : I, dis ? 1.5 : 3.5, int(c) + 1);
            t += T;
            for (int k = 1; k <= 6; ++k)
                push(t + 10.0 * k, 0.0, dis ? 1.6 : 3.4, int(c) + 1);
            t += 60.0;
        }
    }
    return r;
}

const std::vector<GenCycle> kCycles{
    {83, 290, 0.1}, {288, 291, 0.1}, {285, 287, 0.1}, {290, 292, 0.1}, {296, 297, 0.1}};

} // namespace

class TestCycling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void capacitiesAreTheIntegralOfCurrent_data()
    {
        QTest::addColumn<bool>("withCycle");
        QTest::newRow("cycle column") << true;
        QTest::newRow("from current sign") << false;
    }

    void capacitiesAreTheIntegralOfCurrent()
    {
        QFETCH(bool, withCycle);
        const double mass = 1.5;
        const GenRecord g = generate(kCycles, mass, 7);
        CycleOptions o;
        o.massMg = mass;
        auto t = cycleTable(g.view(withCycle), o);
        QVERIFY2(t, t ? "" : t.error().message().c_str());
        QCOMPARE(int(t->rows.size()), int(kCycles.size()));
        QCOMPARE(int(t->halves.size()), 2 * int(kCycles.size()));
        for (std::size_t c = 0; c < kCycles.size(); ++c) {
            const CycleRow& row = t->rows[c];
            QCOMPARE(row.index, int(c) + 1);
            VERIFY_NEAR(row.dischargeMahG, kCycles[c].dischargeMahG, 1e-3 * kCycles[c].dischargeMahG);
            VERIFY_NEAR(row.chargeMahG, kCycles[c].chargeMahG, 1e-3 * kCycles[c].chargeMahG);
            VERIFY_NEAR(row.dischargeMah, kCycles[c].dischargeMahG * mass / 1000.0, 1e-3 * row.dischargeMah);
            // Linear 3.5 → 1.5 V ramps at constant current: mean voltage 2.5 V (rectangle rule: ± ΔV/2).
            VERIFY_NEAR(row.dischargeMeanV, 2.5, 0.03);
            VERIFY_NEAR(row.chargeMeanV, 2.5, 0.03);
            VERIFY_NEAR(row.dischargeCurrentMa, 0.1 * mass, 1e-9);
            VERIFY_NEAR(row.cePct, 100.0 * kCycles[c].dischargeMahG / kCycles[c].chargeMahG, 0.2);
        }
        VERIFY_NEAR(t->firstCycleCePct, 100.0 * 83.0 / 290.0, 0.1);
    }

    void ceConventionsAndPairings()
    {
        const GenRecord g = generate(kCycles, 1.5, 3);
        CycleOptions o;
        o.massMg = 1.5;
        o.convention = CeConvention::Anode;
        auto anode = cycleTable(g.view(true), o);
        QVERIFY(anode);
        VERIFY_NEAR(anode->rows[1].cePct, 100.0 * 291.0 / 288.0, 0.2);
        o.convention = CeConvention::Cathode;
        o.pairing = CePairing::NextCycle;
        auto next = cycleTable(g.view(true), o);
        QVERIFY(next);
        // charge n with discharge n + 1
        VERIFY_NEAR(next->rows[0].cePct, 100.0 * 288.0 / 290.0, 0.2);
        VERIFY_NEAR(next->rows[3].cePct, 100.0 * 296.0 / 292.0, 0.2);
        QVERIFY(std::isnan(next->rows[4].cePct));
    }

    void retentionReferences()
    {
        const GenRecord g = generate(kCycles, 1.5, 5);
        CycleOptions o;
        o.massMg = 1.5;
        auto first = cycleTable(g.view(true), o);
        QVERIFY(first);
        QCOMPARE(first->referenceCycle, 1);
        VERIFY_NEAR(first->rows[4].retentionPct, 100.0 * 296.0 / 83.0, 0.3); // activation: far above 100 %
        o.reference = RetentionReference::SecondCycle;
        auto second = cycleTable(g.view(true), o);
        QCOMPARE(second->referenceCycle, 2);
        VERIFY_NEAR(second->rows[4].retentionPct, 100.0 * 296.0 / 288.0, 0.2);
        o.reference = RetentionReference::Maximum;
        auto mx = cycleTable(g.view(true), o);
        QCOMPARE(mx->referenceCycle, 5);
        VERIFY_NEAR(mx->rows[2].retentionPct, 100.0 * 285.0 / 296.0, 0.2);
        o.reference = RetentionReference::GivenCycle;
        o.referenceCycle = 3;
        auto given = cycleTable(g.view(true), o);
        QCOMPARE(given->referenceCycle, 3);
        o.referenceCycle = 42;
        QVERIFY(!cycleTable(g.view(true), o));
    }

    void noMassGivesMahOnly()
    {
        const GenRecord g = generate(kCycles, 2.0, 9);
        auto t = cycleTable(g.view(true));
        QVERIFY(t);
        QVERIFY(std::isnan(t->rows[0].dischargeMahG));
        VERIFY_NEAR(t->rows[1].dischargeMah, 288.0 * 2.0 / 1000.0, 1e-3 * 0.576);
    }

    void rateStepsOfTheDemoRateTest()
    {
        sim::RateParams p;
        const auto d = sim::simulateRate(p);
        const Record r{sim::column(d, "Time").values, sim::column(d, "Current").values,
                       sim::column(d, "Voltage").values, sim::column(d, "Cycle").values};
        CycleOptions o;
        o.massMg = p.activeMassMg;
        auto t = cycleTable(r, o);
        QVERIFY(t);
        QCOMPARE(int(t->rows.size()), int(p.currentDensitiesAPerG.size()) * p.cyclesPerStep);
        RateOptions ro;
        ro.skipFirstCycle = true;
        const auto steps = rateSteps(*t, p.activeMassMg, ro);
        QCOMPARE(int(steps.size()), int(p.currentDensitiesAPerG.size()));
        for (std::size_t k = 0; k < steps.size(); ++k) {
            QCOMPARE(steps[k].currentAPerG, p.currentDensitiesAPerG[k]);
            QCOMPARE(steps[k].cycles, p.cyclesPerStep);
            QCOMPARE(steps[k].firstCycle, int(k) * p.cyclesPerStep + 1);
            // capacity noise 0.2 % per cycle, mean of four cycles
            VERIFY_NEAR(steps[k].dischargeMeanMahG, p.dischargeMahG[k], 0.005 * p.dischargeMahG[k]);
            QCOMPARE(steps[k].recovery, k + 1 == steps.size());
        }
        // The first cycle of the fresh cell: only ≈ 29 % of the reversible capacity on first sodiation.
        VERIFY_NEAR(t->rows[0].dischargeMahG,
                    p.dischargeMahG[0] * (1 + p.stepTransientRelative) * p.firstDischargeFraction,
                    0.01 * p.dischargeMahG[0] * p.firstDischargeFraction);
    }

    void profilesStartAtZeroAndEndAtTheCapacity()
    {
        const GenRecord g = generate(kCycles, 1.5, 11);
        CycleOptions o;
        o.massMg = 1.5;
        auto t = cycleTable(g.view(true), o);
        const int pick[] = {2};
        const auto prof = voltageProfiles(g.view(true), *t, pick, 1.5);
        QCOMPARE(int(prof.size()), 2);
        QCOMPARE(prof[0].sign, -1);
        VERIFY_NEAR(prof[0].capacity.front(), 0.0, 1e-12);
        VERIFY_NEAR(prof[0].capacity.back(), 288.0, 0.288);
        VERIFY_NEAR(prof[1].capacity.back(), 291.0, 0.291);
        VERIFY_NEAR(prof[0].voltageV.back(), 1.5, 1e-12);
    }

    void dqdvFindsTheKnownInflection()
    {
        // Q(V) = 40·(V − 1.5) + 150/(1 + exp(−(V − 2.6)/0.04)) on charge: dQ/dV peaks at 2.6 V with height
        // 40 + 150/(4·0.04) = 977.5 mAh g⁻¹ V⁻¹; a smaller second step at 3.3 V.
        ProfileCurve p;
        p.sign = 1;
        for (int i = 0; i <= 2500; ++i) {
            const double V = 1.5 + i * 0.001;
            const double q = 40 * (V - 1.5) + 150 / (1 + std::exp(-(V - 2.6) / 0.04)) +
                             40 / (1 + std::exp(-(V - 3.3) / 0.03));
            p.voltageV.push_back(V);
            p.capacity.push_back(q);
        }
        const double q0 = p.capacity.front();
        for (double& q : p.capacity)
            q -= q0;
        DqDvOptions o;
        o.binV = 0.005;
        o.smoothingWindow = 7;
        const auto c = dqdv(p, o);
        QCOMPARE(int(c.peaks.size()), 2);
        VERIFY_NEAR(c.peaks[0].voltageV, 2.6, 0.005);
        VERIFY_NEAR(c.peaks[0].dqdv, 977.5, 0.03 * 977.5);
        VERIFY_NEAR(c.peaks[1].voltageV, 3.3, 0.005);
        // Discharge of the same curve: negative dQ/dV, same peak voltage; a noisy voltage does not explode.
        ProfileCurve d;
        d.sign = -1;
        sim::Rng rng(1);
        for (std::size_t i = p.voltageV.size(); i-- > 0;) {
            d.voltageV.push_back(p.voltageV[i] + rng.normal(0.0, 0.0005));
            d.capacity.push_back(p.capacity.back() - p.capacity[i]);
        }
        o.smoothingWindow = 11;
        const auto cd = dqdv(d, o);
        QVERIFY(!cd.peaks.empty());
        VERIFY_NEAR(cd.peaks[0].voltageV, 3.3, 0.01);
        QVERIFY(cd.peaks[0].dqdv < 0);
        double worst = 0;
        for (double x : cd.dqdv)
            worst = std::max(worst, std::abs(x));
        QVERIFY2(worst < 1.5 * 977.5, qPrintable(QString::number(worst)));
    }

    void longCyclingReadOuts()
    {
        // 80 → 100 (cycle 50, activation) then linear fade to 90 at cycle 250.
        std::vector<GenCycle> cycles;
        for (int n = 1; n <= 250; ++n) {
            const double q = n <= 50 ? 80.0 + 20.0 * (n - 1) / 49.0 : 100.0 - 10.0 * (n - 50) / 200.0;
            cycles.push_back({q, q / 0.995, 1.0});
        }
        const GenRecord g = generate(cycles, 1.0, 13, 20);
        CycleOptions o;
        o.massMg = 1.0;
        auto t = cycleTable(g.view(false), o);
        QVERIFY(t);
        QCOMPARE(int(t->rows.size()), 250);
        const auto s = longCyclingSummary(*t, CeConvention::Cathode);
        QCOMPARE(s.maxCycle, 50);
        VERIFY_NEAR(s.activationGainPct, 25.0, 0.2);
        VERIFY_NEAR(s.fadePerCyclePct, 100.0 * 0.1 / 200.0, 0.002);
        VERIFY_NEAR(s.lastRetentionPct, 100.0 * 90.0 / 80.0, 0.2);
        VERIFY_NEAR(s.meanCePct, 99.5, 0.05);
    }

    void instrumentCountersWinOnlyWhereTheRecordIsTooSparse()
    {
        // A discharge pulse train: 1 s at 1700 mA, then 9 s at 100 mA, for 1 h. The instrument integrates
        // every millisecond (its counter is exact: 260 mA on average → 260 mAh); the record is written every
        // 10 s, at the start of each pulse, so ∫I dt over the records sees 1700 mA throughout.
        std::vector<double> t, i, v, qc, qd;
        for (int k = 0; k <= 360; ++k) {
            t.push_back(10.0 * k);
            i.push_back(-1700.0);
            v.push_back(3.5);
            qc.push_back(0.0);
            qd.push_back(k * (1700.0 * 1.0 + 100.0 * 9.0) / 3600.0);
        }
        Record sparse{t, i, v, {}, qc, qd};
        auto tab = cycleTable(sparse);
        QVERIFY(tab);
        QCOMPARE(tab->halves.size(), std::size_t(1));
        const HalfCycle& h = tab->halves.front();
        QVERIFY(h.fromCounter);
        VERIFY_NEAR(h.capacityMah, 260.0, 1e-9);
        VERIFY_NEAR(h.integralMah, 1700.0, 1e-6);
        VERIFY_NEAR(h.energyMwh, 260.0 * 3.5, 1e-6); // scaled with the capacity
        VERIFY_NEAR(tab->rows.front().dischargeMah, 260.0, 1e-9);

        // Densely logged constant current with a counter that resets at each of two steps: the counter
        // agrees (the resets are followed) and the integral stands.
        std::vector<double> t2, i2, v2, qc2, qd2;
        double q = 0.0;
        for (int k = 0; k <= 200; ++k) {
            t2.push_back(k);
            i2.push_back(-100.0);
            v2.push_back(3.0);
            if (k == 100) q = 0.0; // a new step: the counter starts again
            if (k > 0) q += 100.0 / 3600.0;
            qc2.push_back(0.0);
            qd2.push_back(q);
        }
        auto dense = cycleTable(Record{t2, i2, v2, {}, qc2, qd2});
        QVERIFY(dense);
        QVERIFY(!dense->halves.front().fromCounter);
        VERIFY_NEAR(dense->halves.front().counterMah, dense->halves.front().integralMah, 1e-3);
        VERIFY_NEAR(dense->halves.front().capacityMah, 100.0 * 200.0 / 3600.0, 1e-9);
    }

    void errors()
    {
        std::vector<double> t{0, 1, 2}, i{0, 0, 0}, v{3, 3, 3}, shortCol{1, 2};
        QVERIFY(!cycleTable(Record{t, i, v, {}}));
        QVERIFY(!cycleTable(Record{t, i, shortCol, {}}));
        QVERIFY(!cycleTable(Record{{}, {}, {}, {}}));
    }
};

QTEST_GUILESS_MAIN(TestCycling)
#include "tst_cycling.moc"
