// The BET analysis as a chemist meets it on real and generated isotherms: which cross-section was used
// and why, the capillary-condensation check that keeps BJH from inventing pores in a non-porous solid,
// micropores that are not there, BETSI's window size, and the BJH volume against the total pore volume.

#include "analysis/bet/BetAnalysis.h"
#include "numeric/sim/Isotherm.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

Dataset isothermDataset(const sim::SimDataset& s, const QJsonObject& extraMeta = {})
{
    std::vector<Column> cols;
    for (const auto& c : s.columns)
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
    QJsonObject meta = extraMeta;
    for (const auto& [k, v] : s.metadata)
        if (!meta.contains(QString::fromStdString(k)) && k != "cross_section_nm2")
            meta.insert(QString::fromStdString(k), QString::fromStdString(v));
    Provenance p;
    p.originalFileName = QString::fromStdString(s.name);
    return Dataset(1, Technique::Bet, QStringLiteral("isotherm"), QString::fromStdString(s.name),
                   std::move(cols), meta, p);
}

sim::IsothermParams noiseFree()
{
    sim::IsothermParams p;
    p.betAreaM2PerG = 150.0;
    p.betC = 100.0;
    p.noiseRelative = 0.0;
    p.pressureJitterRelative = 0.0;
    return p;
}

bool hasWarning(const QJsonObject& r, const QString& part)
{
    for (const QJsonValue& w : r.value("warnings").toArray())
        if (w.toString().contains(part)) return true;
    return false;
}

QString warningsOf(const QJsonObject& r)
{
    QStringList all;
    for (const QJsonValue& w : r.value("warnings").toArray())
        all << w.toString();
    return all.join(" | ");
}

} // namespace

class TestBetAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crossSectionStatedInTheFileWins()
    {
        sim::IsothermParams p = noiseFree();
        p.pores = {{0.5, 8.0, 0.2, 1.0}};
        const sim::SimDataset s = sim::simulateIsotherm(p, "X");
        // An Ar isotherm whose report states 0.162 nm² (the vendor evaluated it with N2's value).
        const Dataset fileSays = isothermDataset(s, {{"adsorptive", "Ar"}, {"cross_section_nm2", 0.162}});
        auto r = computeBet(fileSays, {});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("cross_section_source").toString(), QString("file"));
        QCOMPARE(r->value("cross_section_nm2").toDouble(), 0.162);
        QVERIFY2(hasWarning(*r, "file's value was used"), qPrintable(warningsOf(*r)));
        // The user's value wins over the file's, and the result says the file stated another.
        auto user = computeBet(fileSays, {{"cross_section_nm2", 0.142}});
        QVERIFY(user);
        QCOMPARE(user->value("cross_section_source").toString(), QString("user"));
        QVERIFY2(hasWarning(*user, "The file states a cross-section of 0.162"),
                 qPrintable(warningsOf(*user)));
        const double a162 = r->value("bet").toObject().value("area_m2_g").toDouble();
        const double a142 = user->value("bet").toObject().value("area_m2_g").toDouble();
        qInfo("area with the file's 0.162 nm²: %.3f, with the user's 0.142 nm²: %.3f m²/g", a162, a142);
        QVERIFY(std::abs(a162 / a142 - 0.162 / 0.142) < 1e-9);
        // Nothing stated: the adsorptive's value.
        auto table = computeBet(isothermDataset(s, {{"adsorptive", "Ar"}}), {});
        QVERIFY(table);
        QCOMPARE(table->value("cross_section_source").toString(), QString("adsorptive"));
        QCOMPARE(table->value("cross_section_nm2").toDouble(), 0.142);
    }

    void bjhReportsNoPeakWithoutCapillaryCondensation()
    {
        // Type II: the film only, no pores (the sim's film follows Harkins–Jura, as BJH assumes).
        sim::IsothermParams flat = noiseFree();
        flat.pores.clear();
        auto r = computeBet(isothermDataset(sim::simulateIsotherm(flat, "type II")), {});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const QJsonObject bjh = r->value("bjh").toObject();
        qInfo("type II: condensation excess %.3f, peak %s",
              r->value("t_plot").toObject().value("condensation_excess").toDouble(),
              qPrintable(bjh.value("peak_diameter_nm").toVariant().toString()));
        QCOMPARE(bjh.value("capillary_condensation").toBool(), false);
        QVERIFY(bjh.value("peak_diameter_nm").isNull());
        QVERIFY2(hasWarning(*r, "No capillary condensation"), qPrintable(warningsOf(*r)));
        // Type IV with 8 nm mesopores: condensation seen, peak reported near the mode.
        sim::IsothermParams meso = noiseFree();
        meso.pores = {{0.6, 8.0, 0.15, 1.0}};
        auto m = computeBet(isothermDataset(sim::simulateIsotherm(meso, "type IV")), {});
        QVERIFY(m);
        const QJsonObject mb = m->value("bjh").toObject();
        const double excess = m->value("t_plot").toObject().value("condensation_excess").toDouble();
        const double peak = mb.value("peak_diameter_nm").toDouble();
        const double expected = 8.0 * std::exp(0.15 * 0.15); // dV/dlogD of the sim's lognormal in area
        qInfo("type IV: condensation excess %.3f, peak %.3f nm (expected %.3f)", excess, peak, expected);
        QCOMPARE(mb.value("capillary_condensation").toBool(), true);
        QVERIFY2(std::abs(peak / expected - 1.0) < 0.05, qPrintable(QString::number(peak)));
        QVERIFY(!hasWarning(*m, "No capillary condensation"));
    }

    void microporesBelowWhatTheThicknessCurveDecidesAreNotReported()
    {
        sim::IsothermParams meso = noiseFree();
        meso.pores = {{0.6, 8.0, 0.15, 1.0}};
        auto r = computeBet(isothermDataset(sim::simulateIsotherm(meso, "mesoporous")), {});
        QVERIFY(r);
        const QJsonObject tp = r->value("t_plot").toObject();
        qInfo("mesoporous only: t-plot micropore area %.2f ± %.2f m²/g of %.1f",
              tp.value("micropore_area_m2_g").toDouble(), tp.value("micropore_area_err").toDouble(),
              r->value("bet").toObject().value("area_m2_g").toDouble());
        QCOMPARE(tp.value("micropores_detected").toBool(), false);
        QVERIFY2(hasWarning(*r, "no micropores are detected"), qPrintable(warningsOf(*r)));
    }

    void automaticWindowTakesMoreThanTenPointsAsBetsi()
    {
        auto r = computeBet(isothermDataset(sim::simulateIsotherm(noiseFree(), "w")), {});
        QVERIFY(r);
        const QJsonObject bet = r->value("bet").toObject();
        QCOMPARE(bet.value("min_points").toInt(), 11);
        QVERIFY2(bet.value("n_points").toInt() >= 11 || bet.value("interpolated_points").toInt() > 0,
                 qPrintable(QString::number(bet.value("n_points").toInt())));
    }

    void bjhVolumeBeyondTheTotalPoreVolumeIsSaid()
    {
        // The total pore volume read at p/p0 = 0.6, below where the 8 nm pores fill: BJH counts them.
        sim::IsothermParams meso = noiseFree();
        meso.pores = {{0.6, 8.0, 0.15, 1.0}};
        auto r =
            computeBet(isothermDataset(sim::simulateIsotherm(meso, "v")), {{"total_pore_volume_p", 0.6}});
        QVERIFY(r);
        const double bjhV = r->value("bjh").toObject().value("total_volume_cm3_g").toDouble();
        const double tot = r->value("total_pore_volume_cm3_g").toDouble();
        qInfo("BJH cumulative %.4f against the total pore volume at 0.6: %.4f cm³/g", bjhV, tot);
        QVERIFY(bjhV > 1.05 * tot);
        QVERIFY2(hasWarning(*r, "exceeds the total pore volume"), qPrintable(warningsOf(*r)));
    }
};

QTEST_GUILESS_MAIN(TestBetAnalysis)
#include "tst_bet_analysis.moc"
