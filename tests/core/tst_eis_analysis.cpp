// The "eis" analysis: computeEis on simulateEis spectra (the simulator's "-Z''" columns) and on an
// imported Gamry file, the JSON of the CLI contract (parameters{name:{value, stderr, unit}} in circuit
// order via parameter_order, chi2, lin_kk{mu, m, max_residual_pct}), the parameter table (fixed,
// bounds), a frequency window, the circuit validator pointing at the character, and the figures
// (Nyquist with equal axes, Bode, Lin-KK residuals).
#include "analysis/echem/EisAnalysis.h"
#include "io/import/ImporterRegistry.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

#define VERIFY_NEAR(a, b, tol)                                                                               \
    QVERIFY2(std::abs((a) - (b)) <= (tol), qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4")            \
                                                          .arg(#a)                                           \
                                                          .arg((a), 0, 'g', 12)                              \
                                                          .arg((b), 0, 'g', 12)                              \
                                                          .arg(tol)))

Dataset fromSim(const sim::SimDataset& s)
{
    std::vector<Column> cols;
    for (const auto& c : s.columns)
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
    return Dataset(1, Technique::Echem, QStringLiteral("eis"), QStringLiteral("sim"), cols, {}, {});
}

double value(const QJsonObject& r, const char* name)
{
    return r.value("parameters").toObject().value(name).toObject().value("value").toDouble();
}

} // namespace

class TestEisAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recoversSimulatedCircuit();
    void parameterTableAndWindow();
    void badParameters();
    void importedGamrySpectrum();
    void figures();
    void drtOfSimulatedSpectrum();
    void drtOfRealPyDrtToolsFile();
    void cycleNumberFromLabel_data();
    void cycleNumberFromLabel();
    void rctAgainstCycleFigure();
};

void TestEisAnalysis::recoversSimulatedCircuit()
{
    sim::EisParams p;
    p.noiseRelative = 0.0;
    const Dataset d = fromSim(sim::simulateEis(p));
    auto r = computeEis(d, {});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    // The simulator's R0 + (Rct ‖ CPE) + W is the default circuit: noise-free within 1 %.
    VERIFY_NEAR(value(*r, "R0"), p.r0Ohm, 0.01 * p.r0Ohm);
    VERIFY_NEAR(value(*r, "R1"), p.rctOhm, 0.01 * p.rctOhm);
    VERIFY_NEAR(value(*r, "CPE1_Q"), p.cpeQ, 0.01 * p.cpeQ);
    VERIFY_NEAR(value(*r, "CPE1_n"), p.cpeN, 0.01 * p.cpeN);
    VERIFY_NEAR(value(*r, "W1"), p.warburgSigma, 0.01 * p.warburgSigma);
    const QJsonArray order = r->value("parameter_order").toArray();
    QCOMPARE(order.size(), 5);
    QCOMPARE(order[2].toString(), QStringLiteral("CPE1_Q"));
    QCOMPARE(r->value("parameters").toObject().value("R1").toObject().value("unit").toString(),
             QStringLiteral("Ohm"));
    QVERIFY(r->value("chi2").toDouble() < 1e-10);
    const QJsonArray ceff = r->value("effective_capacitance").toArray();
    QCOMPARE(ceff.size(), 1);
    const double cTrue = std::pow(p.cpeQ, 1.0 / p.cpeN) * std::pow(p.rctOhm, (1.0 - p.cpeN) / p.cpeN);
    VERIFY_NEAR(ceff[0].toObject().value("c_eff_f").toDouble(), cTrue, 0.02 * cTrue);
    const QJsonObject lk = r->value("lin_kk").toObject();
    QVERIFY(lk.value("m").toInt() > 0);
    QVERIFY(lk.value("mu").toDouble() <= 0.85);
    // A valid Randles–Warburg spectrum passes the default test (with its series capacitor; without it
    // the diffusion tail leaves ≈ 7 % residuals and the user would be told the data are invalid).
    VERIFY_NEAR(lk.value("max_residual_pct").toDouble(), 0.0, 0.5);
    QVERIFY(lk.value("series_capacitor").toBool());
    VERIFY_NEAR(r->value("r_ct_ohm").toDouble(), p.rctOhm, 0.01 * p.rctOhm);
    QVERIFY(r->value("r_ct_err").isDouble());
    // With the simulator's 0.5 % noise the truth lies inside the 95 % intervals.
    sim::EisParams noisy;
    auto rn = computeEis(fromSim(sim::simulateEis(noisy)), {});
    QVERIFY(rn);
    const double truth[] = {noisy.r0Ohm, noisy.rctOhm, noisy.cpeQ, noisy.cpeN, noisy.warburgSigma};
    int k = 0;
    for (const char* n : {"R0", "R1", "CPE1_Q", "CPE1_n", "W1"}) {
        const QJsonObject o = rn->value("parameters").toObject().value(n).toObject();
        QVERIFY2(truth[k] >= o.value("ci95_low").toDouble() && truth[k] <= o.value("ci95_high").toDouble(),
                 qPrintable(QStringLiteral("%1: %2 not in [%3, %4]")
                                .arg(n)
                                .arg(truth[k])
                                .arg(o.value("ci95_low").toDouble())
                                .arg(o.value("ci95_high").toDouble())));
        ++k;
    }
}

void TestEisAnalysis::parameterTableAndWindow()
{
    sim::EisParams p;
    p.noiseRelative = 0.0;
    const Dataset d = fromSim(sim::simulateEis(p));
    const QJsonObject params{
        {"parameters", QJsonArray{QJsonObject{{"name", "R0"}, {"start", 5.0}, {"fixed", true}},
                                  QJsonObject{{"name", "CPE1_1"}, {"lower", 0.5}, {"upper", 0.8}}}},
        {"f_range_hz", QJsonArray{0.1, 1e4}},
        {"weighting", "unit"}};
    auto r = computeEis(d, params);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonObject r0 = r->value("parameters").toObject().value("R0").toObject();
    QVERIFY(r0.value("fixed").toBool());
    QCOMPARE(r0.value("value").toDouble(), 5.0);
    QCOMPARE(value(*r, "CPE1_n"), 0.8); // truth 0.85 lies above the bound
    QVERIFY(r->value("parameters").toObject().value("CPE1_n").toObject().value("on_bound").toBool());
    int inside = 0;
    for (double f : d.columns()[0].values)
        inside += f >= 0.1 && f <= 1e4;
    QVERIFY(inside > 40);
    QCOMPARE(r->value("n_points").toInt(), inside);
    QCOMPARE(r->value("weighting").toString(), QStringLiteral("unit"));
}

void TestEisAnalysis::badParameters()
{
    sim::EisParams p;
    const Dataset d = fromSim(sim::simulateEis(p));
    auto r = computeEis(d, {{"circuit", "R0-p(R1,CPE1"}});
    QVERIFY(!r);
    QVERIFY2(r.error().reason.find("character 13") != std::string::npos, r.error().message().c_str());
    r = computeEis(d, {{"circuit", "R0-p(R1,Q1)"}});
    QVERIFY(!r);
    QVERIFY2(r.error().reason.find("character 9: unknown element type 'Q'") != std::string::npos,
             r.error().message().c_str());
    r = computeEis(d, {{"parameters", QJsonArray{QJsonObject{{"name", "R7"}, {"start", 1.0}}}}});
    QVERIFY(!r && r.error().reason.find("'R7'") != std::string::npos);
    r = computeEis(d, {{"parameters", QJsonArray{QJsonObject{{"name", "R0"}, {"fixed", true}}}}});
    QVERIFY(!r && r.error().reason.find("needs a value") != std::string::npos);
    r = computeEis(d, {{"f_range_hz", QJsonArray{1e6, 1e7}}});
    QVERIFY(!r);
    const Dataset noZ(2, Technique::Echem, "eis", "x", {{"Frequency", "Hz", {1, 2, 3}}}, {}, {});
    QVERIFY(!computeEis(noZ, {}));
}

void TestEisAnalysis::importedGamrySpectrum()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    const QString path = QDir(dir).filePath("echem/gamry/impedancepy_exampleDataGamry_EISPOT.DTA");
    if (!QFile::exists(path)) QSKIP("test data absent");
    auto parsed = parseFile(path);
    QVERIFY(parsed);
    const auto& id = parsed->datasets[0];
    const Dataset d(1, id.technique, id.kind, id.name, id.columns, id.metadata, parsed->provenance);
    auto r = computeEis(d, {{"circuit", "R0-p(R1,CPE1)-p(R2,CPE2)"}, {"lin_kk_capacitor", true}});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QVERIFY(r->value("converged").toBool());
    // The arc starts near the origin (the 200 kHz point is at Z' = 826 Ω, −Z'' = 1367 Ω): R0 ends on
    // its bound 0 and says so; the first arc closes near 4.1 kΩ (Z' flattens at 4.0–4.3 kΩ, 1–100 Hz).
    QCOMPARE(value(*r, "R0"), 0.0);
    QVERIFY(r->value("parameters").toObject().value("R0").toObject().value("on_bound").toBool());
    QVERIFY(value(*r, "R1") > 3800.0 && value(*r, "R1") < 4400.0);
    QCOMPARE(r->value("fit").toArray().size(), 72);
    // Lin-KK: valid above 100 Hz (< 1 %); the low-frequency end drifts (Z' jumps by 10 % around 0.3 Hz).
    for (const QJsonValue& v : r->value("lin_kk").toObject().value("residuals").toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value("frequency_hz").toDouble() > 100.0) {
            QVERIFY(std::abs(o.value("real_pct").toDouble()) < 1.0);
            QVERIFY(std::abs(o.value("imag_pct").toDouble()) < 1.0);
        }
    }
    QVERIFY(r->value("lin_kk").toObject().value("max_residual_pct").toDouble() > 5.0);
}

void TestEisAnalysis::figures()
{
    sim::EisParams p;
    const Dataset d = fromSim(sim::simulateEis(p));
    auto r = computeEis(d, {});
    QVERIFY(r);
    Sample s;
    s.name = "HMCS";
    s.color = Qt::red;
    FigureInput in{&s, &d, {}, *r, "HMCS"};
    const AnalysisDescriptor& a = eisAnalysis();
    const FigureSpec ny = a.buildFigure("eis_nyquist", {in});
    QVERIFY(ny.equalAspect);
    QCOMPARE(ny.series.size(), std::size_t(2));                       // data + fit
    QVERIFY(ny.series[0].y.front() > 0 || ny.series[0].y.back() > 0); // −Z'' plotted upwards
    QCOMPARE(ny.series[0].x.size(), d.columns()[0].values.size());
    const FigureSpec bode = a.buildFigure("eis_bode", {in});
    QVERIFY(bode.x.logScale && bode.y.logScale && bode.y2);
    QCOMPARE(bode.series.size(), std::size_t(4));
    const FigureSpec kk = a.buildFigure("eis_linkk", {in});
    QCOMPARE(kk.series.size(), std::size_t(2));
    QCOMPARE(kk.series[0].x.size(), d.columns()[0].values.size());
}

void TestEisAnalysis::drtOfSimulatedSpectrum()
{
    // R0 + (Rct ‖ CPE): the arc is a DRT peak at τ₀ = (Rct·Q)^{1/n} ≈ 3.0e-4 s of area ≈ Rct. (With
    // the simulator's Warburg the diffusion distribution joins the arc's long-τ flank and the valley
    // between them takes about half of Rct: DRT areas of overlapping processes are not resistances.)
    // Then λ given by hand is used as given.
    sim::EisParams p;
    p.noiseRelative = 0.002;
    p.warburgSigma = 0.0;
    const Dataset d = fromSim(sim::simulateEis(p));
    auto r = computeEis(d, {{"circuit", "R0-p(R1,CPE1)"}});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonObject drt = r->value("drt").toObject();
    QVERIFY(drt.value("lambda").toDouble() > 0.0);
    QCOMPARE(drt.value("lambda_rule").toString(), QStringLiteral("mgcv"));
    QCOMPARE(drt.value("tau_s").toArray().size(), drt.value("gamma_ohm").toArray().size());
    const double tau0 = std::pow(p.rctOhm * p.cpeQ, 1.0 / p.cpeN);
    const QJsonObject peaks = drt.value("peaks").toObject();
    QVERIFY(!peaks.isEmpty());
    QCOMPARE(peaks.size(), drt.value("peak_list").toArray().size());
    const QJsonObject first = peaks.value("P01").toObject();
    qInfo("arc peak τ = %.4g s (τ₀ = %.4g s), R = %.4g Ω", first.value("tau_s").toDouble(), tau0,
          first.value("r_ohm").toDouble());
    VERIFY_NEAR(first.value("tau_s").toDouble() / tau0, 1.0, 0.10);
    VERIFY_NEAR(first.value("r_ohm").toDouble(), p.rctOhm, 0.12 * p.rctOhm);
    // The CPE's power-law short-τ tail reaches past the grid: R∞ comes out somewhat below R0.
    VERIFY_NEAR(drt.value("r_inf_ohm").toDouble(), p.r0Ohm, 1.0);
    // The typed result reads back what was written.
    const EisResult typed = eisResultTable().read(*r);
    QCOMPARE(typed.drtPeaks.size(), peaks.size());
    QVERIFY(std::isfinite(typed.drtPolarisationOhm));
    auto manual = computeEis(d, {{"drt_lambda_rule", "manual"}, {"drt_lambda", 0.01}});
    QVERIFY(manual);
    QCOMPARE(manual->value("drt").toObject().value("lambda").toDouble(), 0.01);
    auto off = computeEis(d, {{"drt", false}});
    QVERIFY(off && !off->value("drt").toObject().contains("tau_s"));
    QVERIFY(off->value("drt").toObject().value("peaks").toObject().isEmpty());
    QVERIFY(!computeEis(d, {{"drt_lambda_rule", "lcurve"}}));
    QVERIFY(!computeEis(d, {{"drt_lambda", -1.0}}));
    const FigureSpec f = [&] {
        Sample s;
        s.name = "HMCS";
        return eisAnalysis().buildFigure("drt", {FigureInput{&s, &d, {}, *r, "HMCS"}});
    }();
    QVERIFY(f.x.logScale);
    QCOMPARE(f.series.size(), std::size_t(2)); // γ(τ) + peak markers labelled with their R
    // γ drawn over the measured window (the grid reaches a decade beyond it on each side).
    QVERIFY(f.series[0].x.size() < std::size_t(drt.value("tau_s").toArray().size()));
    QVERIFY(f.series[0].x.front() >= drt.value("tau_window_s").toArray()[0].toDouble() / 1.3);
    QVERIFY(f.series[0].x.back() <= drt.value("tau_window_s").toArray()[1].toDouble() * 1.3);
    QCOMPARE(f.series[1].pointLabels.size(), std::size_t(peaks.size()));
}

void TestEisAnalysis::drtOfRealPyDrtToolsFile()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    const QString path = QDir(dir).filePath("echem/eis_csv/pyDRTtools_data_1.csv");
    if (!QFile::exists(path)) QSKIP("test data absent");
    auto parsed = parseFile(path);
    QVERIFY2(parsed, parsed ? "" : parsed.error().message().c_str());
    const auto& id = parsed->datasets[0];
    const Dataset d(1, id.technique, id.kind, id.name, id.columns, id.metadata, parsed->provenance);
    auto r = computeEis(d, {{"circuit", "R0-p(R1,CPE1)"}});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonObject drt = r->value("drt").toObject();
    qInfo("pyDRTtools data_1 (%lld points): λ = %.3g (mGCV), R∞ = %.4g Ω, polarisation %.4g Ω",
          qint64(r->value("n_points").toInt()), drt.value("lambda").toDouble(),
          drt.value("r_inf_ohm").toDouble(), drt.value("polarisation_ohm").toDouble());
    for (const QJsonValue& v : drt.value("peak_list").toArray())
        qInfo("  peak τ = %.4g s (f = %.4g Hz), R = %.4g Ω", v.toObject().value("tau_s").toDouble(),
              v.toObject().value("frequency_hz").toDouble(), v.toObject().value("r_ohm").toDouble());
    QCOMPARE(r->value("n_points").toInt(), 107);
    QVERIFY(drt.value("r_inf_ohm").toDouble() > 0.09 && drt.value("r_inf_ohm").toDouble() < 0.112);
    QVERIFY(!drt.value("peak_list").toArray().isEmpty());
}

void TestEisAnalysis::cycleNumberFromLabel_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<double>("cycle");
    QTest::newRow("after N cycles") << "EIS after 100 cycles" << 100.0;
    QTest::newRow("Nth cycle") << "HMCS 10th cycle" << 10.0;
    QTest::newRow("cycle N") << "EIS cycle 3" << 3.0;
    QTest::newRow("cycle #N") << "Cycle #25" << 25.0;
    QTest::newRow("Ncyc") << "EIS_50cyc" << 50.0;
    QTest::newRow("pristine") << "EIS pristine" << 0.0;
    QTest::newRow("none") << "EIS 1 kHz" << -1.0;
}

void TestEisAnalysis::cycleNumberFromLabel()
{
    QFETCH(QString, label);
    QFETCH(double, cycle);
    const Dataset d = fromSim(sim::simulateEis(sim::EisParams{})).withLabel(label);
    const auto c = eisCycleNumber(d);
    if (cycle < 0)
        QVERIFY(!c);
    else
        QCOMPARE(c.value_or(-1.0), cycle);
    // Metadata wins over the label.
    const Dataset m(2, Technique::Echem, "eis", label, d.columns(), QJsonObject{{"cycle", 7}}, {});
    QCOMPARE(eisCycleNumber(m).value_or(-1.0), 7.0);
}

void TestEisAnalysis::rctAgainstCycleFigure()
{
    // Two samples with spectra after 1, 10 and 100 cycles, Rct growing: one line per sample in cycle
    // order (the inputs arrive out of order), ±1σ bars, a log cycle axis; a spectrum without a cycle
    // number is left out.
    Sample a, b;
    a.name = "CS";
    b.name = "HMCS";
    std::vector<Dataset> data;
    std::vector<QJsonObject> results;
    const double cycles[] = {100, 1, 10};
    for (const Sample* s : {&a, &b})
        for (double c : cycles) {
            sim::EisParams p;
            p.rctOhm = (s == &a ? 245.0 : 102.0) * (1.0 + 0.1 * std::log10(c));
            p.noiseRelative = 0.002;
            data.push_back(
                fromSim(sim::simulateEis(p)).withLabel(QStringLiteral("EIS after %1 cycles").arg(c)));
        }
    data.push_back(fromSim(sim::simulateEis(sim::EisParams{})).withLabel("EIS"));
    for (const Dataset& d : data) {
        auto r = computeEis(d, {{"drt", false}, {"lin_kk", false}});
        QVERIFY(r);
        QCOMPARE(r->value("cycle").isDouble(), &d != &data.back());
        results.push_back(*r);
    }
    std::vector<FigureInput> in;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Sample* s = i < 3 ? &a : &b;
        in.push_back(FigureInput{s, &data[i], {}, results[i], s->name});
    }
    const FigureSpec f = eisAnalysis().buildFigure("eis_rct_cycles", in);
    QVERIFY(f.x.logScale);
    std::vector<const FigureSeries*> lines;
    for (const FigureSeries& s : f.series)
        if (s.inLegend) lines.push_back(&s);
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(lines[0]->label, QStringLiteral("CS"));
    QCOMPARE(lines[0]->x, (std::vector<double>{1, 10, 100}));
    QCOMPARE(lines[1]->x.size(), std::size_t(3));
    VERIFY_NEAR(lines[0]->y[0], 245.0, 5.0);
    VERIFY_NEAR(lines[0]->y[2], 245.0 * 1.2, 6.0);
    QVERIFY(lines[1]->y[0] < lines[1]->y[1] && lines[1]->y[1] < lines[1]->y[2]);
    QVERIFY(f.series.size() > 2); // error bars
}

QTEST_GUILESS_MAIN(TestEisAnalysis)
#include "tst_eis_analysis.moc"
