// The XPS analysis slice end to end: a VAMAS file written here from simulateXps spectra of one sample
// (Survey-free: "V 2p" block 505–528 eV, "O 1s" block 525–540 eV, "C 1s" block, all charged by +1.0 eV,
// binding-energy axis with a negative step as PHI MultiPak writes it) is imported and fitted through the
// registered descriptor and through the real `vanadis-cli xps FILE --region "V 2p" --model study_v2p_o1s
// --charge-ref 284.8 --json`: charge shift −1.0 eV, the V 2p and O 1s regions joined under one background,
// component positions back on the study's scale, V3+/V2+ and OV share inside their 95 % intervals; the
// figure "xps_fit" has a reversed BE axis, filled components, an envelope and a residual panel.
#include "analysis/AnalysisRegistry.h"
#include "analysis/xps/XpsAnalysis.h"
#include "io/import/ImporterRegistry.h"
#include "model/Project.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Xps.h"

#include "../VerifyNear.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

constexpr double kShift = 1.0;

sim::SimDataset vRegion(double lo, double hi, std::uint64_t seed)
{
    sim::XpsRegionParams p = sim::studyVanadiumOxygenRegion();
    p.startEv = lo;
    p.endEv = hi;
    p.slopeCpsPerEv = 0.0;
    p.shirleyPerEv = 0.0; // flat in each block, so two blocks join without a jump
    p.scans = 200;
    p.dwellTimeS = 0.2;
    p.chargeShiftEv = kShift;
    p.seed = seed;
    return sim::simulateXps(p);
}

sim::SimDataset cRegion()
{
    sim::XpsRegionParams p;
    p.region = "C 1s";
    p.startEv = 280.0;
    p.endEv = 295.0;
    p.components.push_back({"CC", 284.8, 1.2, 20000.0, 30.0});
    p.components.push_back({"CO", 286.0, 1.2, 4000.0, 30.0});
    p.components.push_back({"OCO", 288.8, 1.2, 2500.0, 30.0});
    p.backgroundCps = 1000.0;
    p.scans = 200;
    p.chargeShiftEv = kShift;
    p.seed = 9;
    return sim::simulateXps(p);
}

/// One REGULAR VAMAS block on a descending BE axis.
void block(QStringList& l, const QString& id, const QString& species, const QString& transition,
           const sim::SimDataset& d)
{
    const auto& be = sim::column(d, "Binding Energy").values;
    const auto& y = sim::column(d, "Intensity").values;
    l << id << "sample 1";
    l << "2024"
      << "1"
      << "2"
      << "3"
      << "4"
      << "5"
      << "0"
      << "1"
      << "exported from PHI-MultiPak"
      << "XPS"
      << "Al"
      << "1486.6"
      << "-1"
      << "1E37"
      << "1E37"
      << "45"
      << "0"
      << "FAT"
      << "23.5"
      << "1"
      << "4.5"
      << "0"
      << "1E37"
      << "1E37"
      << "45"
      << "0" << species << transition << "-1"
      << "Binding Energy"
      << "eV" << QString::number(be.front(), 'g', 12) << QString::number(be[1] - be[0], 'g', 12) << "1"
      << "c/s"
      << "d"
      << "pulse counting"
      << "-1"
      << "-1"
      << "0"
      << "0"
      << "0"
      << "0"
      << "0" << QString::number(y.size()) << "0"
      << "1";
    for (double v : y)
        l << QString::number(v, 'g', 12);
}

QByteArray sampleFile()
{
    QStringList l{"VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4",
                  "PHI",
                  "VersaProbe",
                  "op",
                  "exp",
                  "0",
                  "NORM",
                  "REGULAR",
                  "3",
                  "0",
                  "0",
                  "0",
                  "0",
                  "0",
                  "3"};
    block(l, "V2p", "V", "2p", vRegion(505.0, 528.0, 1));
    block(l, "O1s", "O", "1s", vRegion(525.0, 540.0, 2));
    block(l, "C1s", "C", "1s", cRegion());
    l << "end of experiment";
    return l.join("\n").toLatin1() + "\n";
}

void checkResult(const QJsonObject& o)
{
    VERIFY_NEAR(o.value("charge_shift_ev").toDouble(), -kShift, 0.05);
    const QJsonArray regions = o.value("regions").toArray();
    QVERIFY2(regions.contains(QJsonValue("V 2p")) && regions.contains(QJsonValue("O 1s")) &&
                 regions.contains(QJsonValue("C 1s")),
             QJsonDocument(regions).toJson().constData());
    const QJsonArray comps = o.value("components").toArray();
    QCOMPARE(comps.size(), 7);
    const double truth[] = {517.7, 524.8, 516.4, 523.5, 530.6, 531.5, 532.0};
    const double area[] = {30000, 15000, 12000, 6000, 40000, 15000, 6000};
    for (int k = 0; k < 7; ++k) {
        const QJsonObject c = comps[k].toObject();
        VERIFY_NEAR(c.value("position_ev").toDouble(), truth[k], 0.07);
        VERIFY_NEAR(c.value("area").toDouble(), area[k], 0.04 * area[k]);
        QVERIFY(c.contains("position_err") && c.contains("area_err") && c.contains("fwhm_ev"));
        QCOMPARE(c.value("shape").toString(), QStringLiteral("gl"));
    }
    const QJsonObject r = o.value("ratios").toObject();
    const double v3v2 = 30000.0 / 12000.0, ov = 15000.0 / 61000.0;
    QVERIFY2(r.value("v3_v2_lo95").toDouble() <= v3v2 && v3v2 <= r.value("v3_v2_hi95").toDouble(),
             QJsonDocument(r).toJson().constData());
    QVERIFY2(r.value("ov_fraction_lo95").toDouble() <= ov && ov <= r.value("ov_fraction_hi95").toDouble(),
             QJsonDocument(r).toJson().constData());
    QVERIFY(r.value("v3_v2_err").toDouble() > 0 && r.value("ov_fraction_err").toDouble() > 0);
    VERIFY_NEAR(o.value("o1s_minus_v2p32_ev").toDouble(), 530.6 - 517.7, 0.07);
    QVERIFY(o.value("chi2_reduced").toDouble() > 0);
    QVERIFY(o.value("warnings").isArray());
    // Atomic % over V 2p, O 1s and the C 1s of the charge reference (Scofield RSFs named in the result).
    const QJsonObject at = o.value("atomic_pct").toObject();
    VERIFY_NEAR(at.value("V").toDouble() + at.value("O").toDouble() + at.value("C").toDouble(), 100.0, 1e-9);
    QVERIFY(at.value("V_err").toDouble() > 0 && at.value("C_err").toDouble() > 0);
    VERIFY_NEAR(o.value("rsf").toObject().value("O 1s").toDouble(), 2.93, 0.0);
}

} // namespace

class TestXpsAnalysis : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void descriptorComputesAndDraws()
    {
        const QString path = m_dir.filePath("sample.vms");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sampleFile());
        f.close();
        auto parsed = parseFile(path);
        QVERIFY2(parsed, parsed ? "" : parsed.error().message().c_str());
        Project project;
        const std::vector<Dataset> ds = makeDatasets(project, std::move(*parsed));
        QCOMPARE(ds.size(), std::size_t(3));
        QCOMPARE(ds[0].label(), QStringLiteral("V 2p"));
        const AnalysisDescriptor* a = analysisById("xps");
        QVERIFY(a);
        QVERIFY(a->accepts(ds[0]));
        ComputeInputs in;
        in.main.push_back(ds[0]);
        in.references.emplace(ds[1].id(), ds[1]);
        in.references.emplace(ds[2].id(), ds[2]);
        ComputeControl control;
        auto r = computeAnalysis(*a, in, QJsonObject{{"charge_ref_ev", 284.8}}, control);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        checkResult(*r);
        // Figure: reversed BE axis, data, background, 7 filled components, envelope, residual panel.
        Sample s;
        s.name = "sample 1";
        FigureInput fi{&s, &ds[0], QJsonObject{}, *r, "sample 1"};
        const FigureSpec fig = a->buildFigure("xps_fit", {fi});
        QVERIFY(fig.x.reversed);
        QCOMPARE(fig.series.size(), std::size_t(1 + 1 + 7 + 1));
        for (int k = 2; k < 9; ++k) {
            QCOMPARE(fig.series[std::size_t(k)].fill, FigureSeries::Fill::ToSeries);
            QCOMPARE(fig.series[std::size_t(k)].fillToSeries, 1);
        }
        QVERIFY(fig.residual);
        QCOMPARE(fig.residual->series.front().y.size(), fig.series.front().x.size());
    }

    void cliContract()
    {
        const QString cli = QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli");
        if (!QFile::exists(cli)) QSKIP("vanadis-cli not built");
        const QString path = m_dir.filePath("cli.vms");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sampleFile());
        f.close();
        QProcess p;
        p.start(cli, {"xps", path, "--region", "V 2p", "--model", "study_v2p_o1s", "--charge-ref", "284.8",
                      "--json"});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        checkResult(o);
        // A region the file does not hold.
        QProcess q;
        q.start(cli, {"xps", path, "--region", "Pt 4f", "--json"});
        QVERIFY(q.waitForFinished(60000));
        QCOMPARE(q.exitCode(), 2);
        QVERIFY(q.readAllStandardError().contains("matching the parameters"));
    }

    /// `--model PATH.json`: the model_rows a preset fit returns, saved as a model file, give the same fit;
    /// a malformed file is an error naming the file, line and column.
    void cliModelFile()
    {
        const QString cli = QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli");
        if (!QFile::exists(cli)) QSKIP("vanadis-cli not built");
        const QString path = m_dir.filePath("model.vms");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sampleFile());
        f.close();
        auto run = [&](const QString& model, int& code, QByteArray* err = nullptr) {
            QProcess p;
            p.start(cli,
                    {"xps", path, "--region", "V 2p", "--model", model, "--charge-ref", "284.8", "--json"});
            p.waitForFinished(60000);
            code = p.exitCode();
            if (err) *err = p.readAllStandardError();
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        int code = 0;
        const QJsonObject ref = run("study_v2p_o1s", code);
        QCOMPARE(code, 0);
        QJsonObject rows = ref.value("model_rows").toObject();
        QCOMPARE(rows.value("components").toArray().size(), 7);
        rows.insert("background", "active_shirley");
        const QString model = m_dir.filePath("study.json");
        QFile m(model);
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write(QJsonDocument(rows).toJson());
        m.close();
        const QJsonObject o = run(model, code);
        QCOMPARE(code, 0);
        checkResult(o);
        const QJsonArray a = ref.value("components").toArray(), b = o.value("components").toArray();
        QCOMPARE(b.size(), a.size());
        for (int k = 0; k < a.size(); ++k) {
            VERIFY_NEAR(b[k].toObject().value("position_ev").toDouble(),
                        a[k].toObject().value("position_ev").toDouble(), 1e-9);
            VERIFY_NEAR(b[k].toObject().value("area").toDouble(), a[k].toObject().value("area").toDouble(),
                        1e-9 * a[k].toObject().value("area").toDouble());
        }
        const QString bad = m_dir.filePath("bad.json");
        QFile bf(bad);
        QVERIFY(bf.open(QIODevice::WriteOnly));
        bf.write("{\n  \"components\": [\n    {\"name\": \"A\" \"center\": 1}\n  ]\n}\n");
        bf.close();
        QByteArray err;
        run(bad, code, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains("bad.json") && err.contains("line 3"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestXpsAnalysis)
#include "tst_xps_analysis.moc"
