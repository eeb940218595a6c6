// The "gitt" analysis against ground truth. Records are generated here with the Weppner–Huggins
// forward model written out independently of the demo simulator: per pulse a chosen D, ΔE_s from a known
// OCV(x) and ΔE_t = 2L·ΔE_s/√(π·τ·D) spread as √t over the pulse after an IR jump, then a rest that
// relaxes exponentially to the new OCV. Discharge pulses are followed by charge pulses, the current is in
// A (converted on reading), a row has a missing value and one repeats its time stamp. D must come back
// within 2 % for every pulse (noise-free and with 0.2 mV noise, and through all three geometry forms),
// and so through simulateGitt, through vanadis-cli on a BioLogic GITT .mpt and a plain CSV, and in the
// demo project (the four samples' D ordered as the study has it). Also the figures and the errors.
#include "analysis/AnalysisRegistry.h"
#include "analysis/DemoProject.h"
#include "analysis/echem/GittAnalysis.h"
#include "model/Project.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include "../VerifyNear.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numbers>
#include <random>

using namespace vanadis;

namespace {

/// The generated record and its truth.
struct Generated {
    std::vector<double> t, e, iA; ///< s, V, A
    std::vector<double> dTrue;    ///< cm²/s per pulse, in order
    std::vector<double> relaxedAfter, capacityMahG, sodium;
    std::vector<int> direction;
};

constexpr double kLengthCm = 5e-4;
constexpr double kTauS = 600.0;
constexpr double kMassMg = 2.0;
constexpr double kCurrentMa = 0.2;
constexpr double kMolarMass = 149.88;

double ocv(double x)
{
    return 3.3 - 1.1 * x - 0.08 * std::sin(5.0 * x);
}

/// \a sparseRests: rest points at geometrically growing intervals (EC-Lab's dE/dt-style recording) and a
/// slower relaxation, so that only the very last rest points are relaxed.
/// \a switchSampled: the record samples the switching instants (first pulse point at the moment the
/// current starts, first rest point when it stops) instead of one interval after them.
Generated generate(double noiseV, int discharge = 8, int charge = 6, bool sparseRests = false,
                   bool switchSampled = false)
{
    Generated g;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, noiseV > 0 ? noiseV : 1.0);
    auto add = [&](double t, double e, double iMa) {
        g.t.push_back(t);
        g.e.push_back(e + (noiseV > 0 ? noise(rng) : 0.0));
        g.iA.push_back(iMa * 1e-3);
    };
    const double rOhm = 40.0, restS = 2400.0;
    const double dxPerPulse = kCurrentMa * kTauS * 1e-3 / 96485.33212 / (kMassMg * 1e-3 / kMolarMass);
    double t = 0.0, x = 0.02;
    for (int k = 0; k < 30; ++k, t += 20.0)
        add(t, ocv(x), 0.0);
    if (!switchSampled) t -= 20.0; // the last rest point is the pulse start
    double cap = 0.0, net = 0.0;
    int last = 0;
    for (int k = 0; k < discharge + charge; ++k) {
        const int dir = k < discharge ? -1 : 1; // discharge sodiates: x up, E down
        if (last && dir != last) cap = 0.0;
        last = dir;
        const double d = 1e-10 * std::pow(10.0, 0.6 * std::sin(0.7 * k));
        const double xAfter = x - dir * dxPerPulse;
        const double eBefore = ocv(x), eAfter = ocv(xAfter);
        const double dEt =
            2.0 * kLengthCm * std::abs(eAfter - eBefore) / std::sqrt(std::numbers::pi * kTauS * d);
        const double sign = eAfter < eBefore ? -1.0 : 1.0;
        const double t0 = t;
        for (int j = 1; j <= 120; ++j) {
            const double s = kTauS * (switchSampled ? j - 1 : j) / 120.0;
            add(t0 + s, eBefore + sign * (kCurrentMa * 1e-3 * rOhm + dEt * std::sqrt(s / kTauS)),
                dir * kCurrentMa);
        }
        const double vEnd = eBefore + sign * dEt;
        t = t0 + kTauS;
        std::vector<double> restTimes;
        if (sparseRests) {
            for (double s = 10.0; s < restS; s *= 1.6)
                restTimes.push_back(s);
            restTimes.push_back(restS);
        } else {
            for (int j = 1; j <= int(restS / 20.0); ++j)
                restTimes.push_back(20.0 * (switchSampled ? j - 1 : j));
        }
        const double relaxS = sparseRests ? 250.0 : 80.0;
        for (double s : restTimes)
            add(t + s, eAfter + (vEnd - eAfter) * std::exp(-s / relaxS), 0.0);
        t += restS;
        x = xAfter;
        cap += kCurrentMa * kTauS / 3.6 / kMassMg;
        net -= dir * dxPerPulse;
        g.dTrue.push_back(d);
        g.relaxedAfter.push_back(eAfter);
        g.capacityMahG.push_back(cap);
        g.sodium.push_back(net);
        g.direction.push_back(dir);
    }
    return g;
}

Dataset datasetOf(const Generated& g, bool damaged)
{
    std::vector<double> t = g.t, e = g.e, i = g.iA;
    if (damaged) {
        // A row with a missing voltage and a row repeating its time, both in the first rest.
        t.insert(t.begin() + 10, t[9]);
        e.insert(e.begin() + 10, e[9]);
        i.insert(i.begin() + 10, 0.0);
        e[5] = std::nan("");
    }
    return Dataset(1, Technique::Echem, QStringLiteral("gitt"), QStringLiteral("generated"),
                   {{"Time", "s", t}, {"Voltage", "V", e}, {"Current", "A", i}},
                   QJsonObject{{"instrument_mass_mg", kMassMg}}, {});
}

QJsonObject lengthParams()
{
    return {{"geometry", "diffusion_length"},
            {"diffusion_length_um", kLengthCm * 1e4},
            {"mass_mg", kMassMg},
            {"molar_mass_g_mol", kMolarMass}};
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(bytes);
    return path;
}

QJsonObject runCli(const QStringList& args, int* exitCode = nullptr, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"), args);
    p.waitForFinished(60000);
    if (exitCode) *exitCode = p.exitCode();
    if (err) *err = p.readAllStandardError();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestGittAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recoversGeneratedDiffusion_data();
    void recoversGeneratedDiffusion();
    void threeGeometryFormsAgree();
    void recoversTheDemoSimulator();
    void cliOnBiologicMptAndPlainCsv();
    void demoProjectRunsGittForEverySample();
    void figures();
    void errors();
};

void TestGittAnalysis::recoversGeneratedDiffusion_data()
{
    QTest::addColumn<double>("noiseV");
    QTest::addColumn<bool>("damaged");
    QTest::addColumn<bool>("sparse");
    QTest::addColumn<bool>("switchSampled");
    QTest::newRow("noise-free") << 0.0 << false << false << false;
    QTest::newRow("noise-free, a bad and a repeated row") << 0.0 << true << false << false;
    QTest::newRow("0.2 mV noise") << 0.0002 << false << false << false;
    QTest::newRow("sparse rests") << 0.0 << false << true << false;
    QTest::newRow("switching instants sampled") << 0.0 << false << false << true;
    QTest::newRow("switching instants sampled, 0.2 mV noise") << 0.0002 << false << false << true;
}

void TestGittAnalysis::recoversGeneratedDiffusion()
{
    QFETCH(double, noiseV);
    QFETCH(bool, damaged);
    QFETCH(bool, sparse);
    QFETCH(bool, switchSampled);
    const Generated g = generate(noiseV, 8, 6, sparse, switchSampled);
    auto r = computeGitt(datasetOf(g, damaged), lengthParams());
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonArray pulses = r->value("pulses").toArray();
    QCOMPARE(pulses.size(), qsizetype(g.dTrue.size()));
    QCOMPARE(r->value("n_complete").toInt(), int(g.dTrue.size()));
    double worst = 0.0, worstZ = 0.0;
    for (int k = 0; k < pulses.size(); ++k) {
        const QJsonObject p = pulses[k].toObject();
        const double d = p.value("d_cm2_s").toDouble(), err = p.value("d_err_cm2_s").toDouble();
        VERIFY_NEAR(d, g.dTrue[k], 0.02 * g.dTrue[k]);
        worst = std::max(worst, std::abs(d / g.dTrue[k] - 1.0));
        QCOMPARE(p.value("direction").toString(), QString(g.direction[k] < 0 ? "discharge" : "charge"));
        // With noise the √t origin (and so τ) may move within one sampling interval.
        VERIFY_NEAR(p.value("tau_s").toDouble(), kTauS, noiseV > 0 ? 5.0 : 1e-6);
        VERIFY_NEAR(p.value("voltage_v").toDouble(), g.relaxedAfter[k], 1e-4 + 3 * noiseV);
        VERIFY_NEAR(p.value("capacity_mah_g").toDouble(), g.capacityMahG[k], 1e-9 * g.capacityMahG[k]);
        VERIFY_NEAR(p.value("sodium_content").toDouble(), g.sodium[k], 1e-9);
        VERIFY_NEAR(p.value("current_ma").toDouble(), g.direction[k] * kCurrentMa, 1e-12);
        // The IR jump, in the sign of the pulse (relaxed minus the √t intercept).
        VERIFY_NEAR(p.value("ir_drop_v").toDouble(), -g.direction[k] * kCurrentMa * 1e-3 * 40.0,
                    1e-4 + 3 * noiseV);
        if (noiseV > 0) {
            QVERIFY2(err > 0 && err < 0.05 * d, qPrintable(QString::number(err / d)));
            worstZ = std::max(worstZ, std::abs(d - g.dTrue[k]) / err);
        }
    }
    qInfo("%lld pulses, worst relative D error %.3f %% (worst |D − truth|/σ_D %.2f)",
          qlonglong(pulses.size()), 100.0 * worst, worstZ);
    VERIFY_NEAR(r->value("capacity_mah_g").toDouble(), g.capacityMahG.back(), 1e-9);
    QCOMPARE(r->value("geometry").toString(), QString("diffusion_length"));
    VERIFY_NEAR(r->value("diffusion_length_cm").toDouble(), kLengthCm, 1e-15);
    const QJsonArray w = r->value("warnings").toArray();
    if (damaged) {
        QVERIFY(QJsonDocument(w).toJson().contains("missing time, voltage or current"));
        QVERIFY(QJsonDocument(w).toJson().contains("repeating the previous time"));
    }
}

void TestGittAnalysis::threeGeometryFormsAgree()
{
    const Generated g = generate(0.0);
    const Dataset d = datasetOf(g, false);
    // Full form: S chosen so that m·V_M/(M·S) = L.
    const double vm = 29.9;
    const double area = kMassMg * 1e-3 * vm / (kMolarMass * kLengthCm);
    auto full = computeGitt(d, {{"mass_mg", kMassMg},
                                {"molar_mass_g_mol", kMolarMass},
                                {"molar_volume_cm3_mol", vm},
                                {"electrode_area_cm2", area}});
    auto sphere = computeGitt(d, {{"geometry", "particle_radius"}, {"particle_radius_um", 3e4 * kLengthCm}});
    QVERIFY2(full, full ? "" : full.error().message().c_str());
    QVERIFY2(sphere, sphere ? "" : sphere.error().message().c_str());
    QCOMPARE(full->value("geometry").toString(), QString("full"));
    QCOMPARE(full->value("mass_source").toString(), QString("parameter"));
    // The particle-radius run had no mass: the file's, said so.
    QCOMPARE(sphere->value("mass_source").toString(), QString("file"));
    QVERIFY(QJsonDocument(sphere->value("warnings").toArray()).toJson().contains("taken from the file"));
    for (int k = 0; k < int(g.dTrue.size()); ++k) {
        const double a = full->value("pulses")[k]["d_cm2_s"].toDouble();
        const double b = sphere->value("pulses")[k]["d_cm2_s"].toDouble();
        VERIFY_NEAR(a, g.dTrue[k], 0.02 * g.dTrue[k]);
        VERIFY_NEAR(b, a, 1e-9 * a);
    }
    VERIFY_NEAR(full->value("d_median_cm2_s").toDouble(), sphere->value("d_median_cm2_s").toDouble(),
                1e-9 * full->value("d_median_cm2_s").toDouble());
}

void TestGittAnalysis::recoversTheDemoSimulator()
{
    sim::GittParams p;
    const sim::SimDataset s = sim::simulateGitt(p);
    std::vector<Column> cols;
    for (const auto& c : s.columns)
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
    const Dataset d(1, Technique::Echem, QStringLiteral("gitt"), QStringLiteral("sim"), cols, {}, {});
    auto r = computeGitt(d, {{"geometry", "diffusion_length"},
                             {"diffusion_length_um", p.thicknessCm * 1e4},
                             {"mass_mg", p.activeMassMg}});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const std::vector<double> truth = sim::metadataList(s, "d_true_cm2_s");
    double worst = 0.0;
    int k = 0;
    for (const QJsonValue& v : r->value("pulses").toArray()) {
        if (!v["complete"].toBool()) continue;
        VERIFY_NEAR(v["d_cm2_s"].toDouble(), truth[k], 0.02 * truth[k]);
        worst = std::max(worst, std::abs(v["d_cm2_s"].toDouble() / truth[k] - 1.0));
        ++k;
    }
    QCOMPARE(k, int(truth.size()));
    qInfo("simulateGitt (0.2 mV noise): %d pulses, worst relative D error %.3f %%", k, 100.0 * worst);
}

void TestGittAnalysis::cliOnBiologicMptAndPlainCsv()
{
    const Generated g = generate(0.0, 6, 0);
    QTemporaryDir dir;
    // EC-Lab ASCII GITT export (technique line, characteristic mass, TAB columns, current in mA).
    QByteArray mpt = "EC-Lab ASCII FILE\r\nNb header lines : 6\r\n\r\nGalvanostatic Intermittent Titration "
                     "Technique\r\nCharacteristic mass : 2,000 mg\r\nmode\ttime/s\t<Ewe>/V\t<I>/mA\r\n";
    // A plain table: Time, Voltage and Current alone look like a CV to the delimited reader; the
    // command reads it as a GITT since the user asked for one.
    QByteArray csv = "Time (s),Voltage (V),Current (mA)\n";
    for (std::size_t k = 0; k < g.t.size(); ++k) {
        mpt += QStringLiteral("1\t%1\t%2\t%3\r\n")
                   .arg(g.t[k], 0, 'f', 3)
                   .arg(g.e[k], 0, 'f', 7)
                   .arg(g.iA[k] * 1e3, 0, 'g', 10)
                   .toLatin1();
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(g.t[k], 0, 'f', 3)
                   .arg(g.e[k], 0, 'f', 7)
                   .arg(g.iA[k] * 1e3, 0, 'g', 10)
                   .toLatin1();
    }
    for (const char* name : {"gitt.mpt", "gitt.csv"}) {
        const QString file = writeFile(dir, name, name[5] == 'm' ? mpt : csv);
        int code = -1;
        QByteArray err;
        const QJsonObject o = runCli({"gitt", file, "--diffusion-length-um", QString::number(kLengthCm * 1e4),
                                      "--mass-mg", QString::number(kMassMg), "--json"},
                                     &code, &err);
        QVERIFY2(code == 0, err.constData());
        const QJsonArray pulses = o.value("pulses").toArray();
        QCOMPARE(pulses.size(), qsizetype(6));
        for (int k = 0; k < 6; ++k) {
            const QJsonObject p = pulses[k].toObject();
            VERIFY_NEAR(p.value("d_cm2_s").toDouble(), g.dTrue[k], 0.02 * g.dTrue[k]);
            VERIFY_NEAR(p.value("capacity_mah_g").toDouble(), g.capacityMahG[k], 1e-6 * g.capacityMahG[k]);
            VERIFY_NEAR(p.value("voltage_v").toDouble(), g.relaxedAfter[k], 1e-4);
        }
        QCOMPARE(o.value("analysis")["params"]["geometry"].toString(), QString("diffusion_length"));
        if (name[5] == 'c')
            QVERIFY2(QJsonDocument(o.value("warnings").toArray()).toJson().contains("read as GITT data"),
                     QJsonDocument(o.value("warnings").toArray()).toJson().constData());
    }
    // Without any geometry: exit 2 and the inputs named.
    int code = -1;
    QByteArray err;
    runCli({"gitt", dir.filePath("gitt.mpt"), "--json"}, &code, &err);
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("molar volume") && err.contains("electrode area"), err.constData());
    runCli({"gitt", dir.filePath("gitt.mpt"), "--molar-volume", "-3"}, &code, &err);
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("--molar-volume"), err.constData());
}

void TestGittAnalysis::demoProjectRunsGittForEverySample()
{
    Project p;
    populateDemoProject(p);
    std::map<QString, double> median;
    double worst = 0.0;
    for (const auto& [id, r] : p.allRuns()) {
        if (r.analysisId != QLatin1String("gitt")) continue;
        QCOMPARE(r.status, RunStatus::Ok);
        const Dataset* d = p.dataset(r.datasetId());
        const Sample* s = p.sampleOfDataset(r.datasetId());
        QVERIFY(d && s);
        // Every complete pulse against the D the generator used.
        const QStringList truth = d->metadata().value("d_true_cm2_s").toString().split(',');
        int k = 0;
        for (const QJsonValue& v : r.result.value("pulses").toArray()) {
            if (!v["complete"].toBool()) continue;
            QVERIFY(k < truth.size());
            const double want = truth[k++].toDouble();
            VERIFY_NEAR(v["d_cm2_s"].toDouble(), want, 0.02 * want);
            worst = std::max(worst, std::abs(v["d_cm2_s"].toDouble() / want - 1.0));
        }
        QCOMPARE(k, int(truth.size()));
        median[s->name] = r.result.value("d_median_cm2_s").toDouble();
    }
    QCOMPARE(median.size(), std::size_t(4));
    qInfo("demo: worst relative D error %.3f %%; median D CS %.3g, WCS %.3g, HCS %.3g, HMCS %.3g cm2/s",
          100.0 * worst, median["CS"], median["WCS"], median["HCS"], median["HMCS"]);
    // The study: D(Na⁺) highest for HMCS over the whole sodiation.
    QVERIFY(median["HMCS"] > median["HCS"] && median["HCS"] > median["WCS"] && median["WCS"] > median["CS"]);
}

void TestGittAnalysis::figures()
{
    Project p;
    populateDemoProject(p);
    const AnalysisDescriptor* a = analysisById(QStringLiteral("gitt"));
    QVERIFY(a);
    std::vector<Id> ids;
    for (const auto& [id, r] : p.allRuns())
        if (r.analysisId == QLatin1String("gitt")) ids.push_back(r.datasetId());
    QCOMPARE(ids.size(), std::size_t(4));
    const FigureSpec t = analysisFigure(p, *a, QStringLiteral("gitt_transient"), ids, ids.front());
    const AnalysisRun* run = p.runFor(ids.front(), QStringLiteral("gitt"));
    QCOMPARE(qsizetype(t.spans.size()), run->result.value("pulses").toArray().size());
    QVERIFY(!t.series.empty() && t.series.front().x.size() > 100);
    for (const char* id : {"d_vs_voltage", "d_vs_capacity", "d_vs_composition"}) {
        const FigureSpec f = analysisFigure(p, *a, QLatin1String(id), ids);
        QVERIFY2(f.y.logScale, id);
        QCOMPARE(f.series.size(), std::size_t(4)); // four samples, sodiation only
        for (const FigureSeries& s : f.series)
            QVERIFY(s.x.size() >= 5 && s.x.size() == s.y.size());
    }
}

void TestGittAnalysis::errors()
{
    const Generated g = generate(0.0, 3, 0);
    const Dataset d = datasetOf(g, false);
    auto r = computeGitt(d, {{"geometry", "particle_radius"}});
    QVERIFY(!r);
    QCOMPARE(r.error().location, std::string("particle_radius_um"));
    r = computeGitt(d, {{"geometry", "sideways"}});
    QVERIFY(!r);
    QVERIFY2(r.error().message().find("geometry") != std::string::npos, r.error().message().c_str());
    // A record without the columns.
    const Dataset bare(2, Technique::Echem, QStringLiteral("gitt"), QStringLiteral("x"),
                       {{"Time", "s", {0, 1, 2}}, {"Voltage", "V", {3, 3, 3}}}, {}, {});
    r = computeGitt(bare, lengthParams());
    QVERIFY(!r && r.error().reason.find("'Current'") != std::string::npos);
    // A current in a unit the analysis does not know.
    const Dataset odd(3, Technique::Echem, QStringLiteral("gitt"), QStringLiteral("x"),
                      {{"Time", "s", g.t}, {"Voltage", "V", g.e}, {"Current", "furlong", g.iA}}, {}, {});
    r = computeGitt(odd, lengthParams());
    QVERIFY(!r && r.error().reason.find("furlong") != std::string::npos);
    // Time running backwards: the row of the dataset is named.
    std::vector<double> t = g.t;
    t[40] = t[38];
    const Dataset back(4, Technique::Echem, QStringLiteral("gitt"), QStringLiteral("x"),
                       {{"Time", "s", t}, {"Voltage", "V", g.e}, {"Current", "A", g.iA}}, {}, {});
    r = computeGitt(back, lengthParams());
    QVERIFY(!r);
    QCOMPARE(r.error().location, std::string("row 41"));
    // A galvanostatic cycle without rests is no GITT.
    std::vector<double> ct, ce, ci;
    for (int k = 0; k < 200; ++k) {
        ct.push_back(10.0 * k);
        ce.push_back(3.5 - 0.01 * k);
        ci.push_back(-0.3);
    }
    const Dataset cycling(5, Technique::Echem, QStringLiteral("cycling_record"), QStringLiteral("x"),
                          {{"Time", "s", ct}, {"Voltage", "V", ce}, {"Current", "mA", ci}}, {}, {});
    QVERIFY(gittAnalysis().accepts(cycling));
    r = computeGitt(cycling, lengthParams());
    QVERIFY(!r);
    QVERIFY2(r.error().reason.find("rest") != std::string::npos, r.error().message().c_str());
}

QTEST_GUILESS_MAIN(TestGittAnalysis)
#include "tst_gitt_analysis.moc"
