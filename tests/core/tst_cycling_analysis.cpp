// The cycling analysis ("cycling") on the platform and through vanadis-cli:
//  - the demo's rate test (record): nine rate steps at the programmed current densities with the
//    programmed capacities, the mass taken from the dataset and named as such, profiles with dQ/dV;
//  - the demo's long-cycling summaries (per-cycle tables): CE recomputed with the cathode convention
//    equals the table's own CapD/CapC column; retention against cycle 1 and the maximum;
//  - the mass basis: V2O3 alone divides by (1 − carbon share), and needs the carbon share; no mass at all
//    leaves mAh and says so;
//  - the CLI contract of issue 12 on a generated Arbin file of known capacities: cycles[{index,
//    charge_mah_g, discharge_mah_g, ce_pct}], rate_steps[{current_a_g, discharge_mah_g_mean, cycles}],
//    retention_pct;
//  - the mass entered once on the sample: a run reads the sample's active mass, basis and the carbon of
//    its TGA run (V2O3 alone = mass × (1 − carbon)), says so, and goes stale when any of them changes
//    (directly and through ComputeService's signals), not when the sample is only renamed;
//  - figures: capacity with CE on the right axis, profiles and dQ/dV non-empty.
#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"
#include "analysis/DemoProject.h"
#include "analysis/echem/CyclingAnalysis.h"
#include "model/Project.h"

#include "../VerifyNear.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace vanadis;

namespace {

struct Demo {
    Project project;
    const Sample* hmcs = nullptr;
    const Dataset* rate = nullptr;
    const Dataset* cycling1 = nullptr;
    Demo()
    {
        populateDemoProject(project);
        for (const Sample* s : project.samples())
            if (s->name == "HMCS") hmcs = s;
        for (const Dataset* d : project.datasetsOf(hmcs->id)) {
            if (d->type() == "rate_test") rate = d;
            if (d->type() == "cycling_record" && d->label().startsWith("1 ")) cycling1 = d;
        }
    }
};

} // namespace

class TestCyclingAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rateTestOfTheDemo()
    {
        Demo demo;
        QVERIFY(demo.rate);
        auto r = computeCycling(*demo.rate,
                                QJsonObject{{"skip_first_cycle", true}, {"profile_mode", "rate_steps"}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("mass_source").toString(), QString("file"));
        VERIFY_NEAR(r->value("mass_mg").toDouble(), demo.rate->metadata().value("active_mass_mg").toDouble(),
                    1e-12);
        QVERIFY(QJsonDocument(r->value("warnings").toArray()).toJson().contains("taken from the file"));
        const QJsonArray steps = r->value("rate_steps").toArray();
        const QStringList currents =
            demo.rate->metadata().value("current_densities_a_g").toString().split(',');
        const QStringList capacities =
            demo.rate->metadata().value("discharge_capacities_mah_g").toString().split(',');
        QCOMPARE(steps.size(), currents.size());
        for (int k = 0; k < steps.size(); ++k) {
            const QJsonObject s = steps[k].toObject();
            VERIFY_NEAR(s.value("current_a_g").toDouble(), currents[k].toDouble(), 1e-12);
            const double q = capacities[k].toDouble();
            VERIFY_NEAR(s.value("discharge_mah_g_mean").toDouble(), q, 0.005 * q);
            QCOMPARE(s.value("recovery").toBool(), k + 1 == steps.size());
        }
        // One profile pair per step (its second cycle), each with dQ/dV.
        const QJsonArray profiles = r->value("profiles").toArray();
        QCOMPARE(profiles.size(), 2 * steps.size());
        QVERIFY(!profiles[0].toObject().value("dqdv").toObject().value("dqdv").toArray().isEmpty());
        for (const char* fig : {"capacity_ce", "voltage_profiles", "dqdv", "rate"}) {
            FigureInput in{demo.hmcs, demo.rate, {}, *r, "HMCS"};
            const FigureSpec f = cyclingAnalysis().buildFigure(fig, {in});
            QVERIFY2(!f.series.empty(), fig);
            if (QByteArray(fig) == "capacity_ce") {
                QVERIFY(f.y2.has_value());
                QVERIFY(std::any_of(f.series.begin(), f.series.end(),
                                    [](const FigureSeries& s) { return s.onRightAxis; }));
            }
        }
    }

    void longCyclingSummaryOfTheDemo()
    {
        Demo demo;
        QVERIFY(demo.cycling1);
        auto r = computeCycling(*demo.cycling1, {});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("source").toString(), QString("cycle_table"));
        const QJsonArray cycles = r->value("cycles").toArray();
        const Column* ce = demo.cycling1->column("Coulombic Efficiency");
        QVERIFY(ce);
        QCOMPARE(qsizetype(cycles.size()), qsizetype(ce->values.size()));
        for (int k = 0; k < cycles.size(); k += 97)
            VERIFY_NEAR(cycles[k].toObject().value("ce_pct").toDouble(), ce->values[std::size_t(k)], 1e-9);
        VERIFY_NEAR(cycles[0].toObject().value("retention_pct").toDouble(), 100.0, 1e-12);
        const double expected = demo.cycling1->metadata().value("retention_pct").toDouble();
        VERIFY_NEAR(r->value("retention_pct").toDouble(), expected, 0.02 * expected); // capacity noise 0.3 %
        // The typed result gives back the headline values (Q_max inside the long_cycling object).
        const CyclingResult typed = cyclingResultTable().read(*r);
        QCOMPARE(typed.retentionPct, r->value("retention_pct").toDouble());
        QCOMPARE(typed.maxCapacity, r->value("long_cycling").toObject().value("max_capacity").toDouble());
        QCOMPARE(typed.nCycles, int(cycles.size()));
        auto mx = computeCycling(*demo.cycling1, QJsonObject{{"retention_reference", "maximum"}});
        QVERIFY(mx);
        QVERIFY(mx->value("retention_pct").toDouble() <= 100.0);
    }

    void massBasis()
    {
        Demo demo;
        auto composite = computeCycling(*demo.rate, QJsonObject{{"mass_mg", 1.5}});
        auto oxide = computeCycling(
            *demo.rate, QJsonObject{{"mass_mg", 1.5}, {"mass_basis", "oxide_only"}, {"carbon_pct", 16.75}});
        QVERIFY(composite && oxide);
        const double a =
            composite->value("cycles").toArray()[3].toObject().value("discharge_mah_g").toDouble();
        const double b = oxide->value("cycles").toArray()[3].toObject().value("discharge_mah_g").toDouble();
        VERIFY_NEAR(b, a / (1.0 - 0.1675), 1e-9 * a);
        QVERIFY(oxide->value("mass_label").toString().contains("16.75"));
        QVERIFY(!computeCycling(*demo.rate, QJsonObject{{"mass_mg", 1.5}, {"mass_basis", "oxide_only"}}));
        auto none = computeCycling(*demo.rate, QJsonObject{{"use_file_mass", false}});
        QVERIFY(none);
        QVERIFY(none->value("cycles").toArray()[3].toObject().value("discharge_mah_g").isNull());
        QVERIFY(none->value("cycles").toArray()[3].toObject().value("discharge_mah").toDouble() > 0);
        QCOMPARE(none->value("capacity_unit").toString(), QString("mAh"));
    }

    // Several TGA runs in one sample: the carbon share comes from the newest TGA dataset (latest import,
    // then highest id), and the cycling run says which one in a warning and in carbon_source_dataset.
    void carbonShareFromTheNewestOfSeveralTgaRuns()
    {
        Demo demo;
        const Id sid = demo.hmcs->id;
        const Dataset* tga = demo.project.datasetsOf(sid, Technique::Tga).front();
        const AnalysisRun* tgaRun = demo.project.runFor(tga->id(), "tga");
        QVERIFY(tgaRun);
        const double carbon0 = tgaRun->result.value("carbon_wt_pct").toDouble();
        auto addTga = [&](const QString& label, qint64 secondsAfter, double carbon) {
            Provenance prov = tga->provenance();
            prov.importedAtUtc =
                (prov.importedAtUtc.isValid() ? prov.importedAtUtc : QDateTime::currentDateTimeUtc())
                    .addSecs(secondsAfter);
            const Id id = demo.project.allocateId();
            Dataset d(id, Technique::Tga, tga->type(), label, tga->columns(), tga->metadata(), prov);
            demo.project.insertDataset(sid, d.withLabel(label));
            AnalysisRun r = *tgaRun;
            r.id = demo.project.allocateId();
            r.inputs = {RunInput{QStringLiteral("main"), id}};
            r.result.insert("carbon_wt_pct", carbon);
            demo.project.upsertRun(r);
            return id;
        };
        // An older re-measurement: not taken.
        addTga("TGA old", -86400, carbon0 + 3.0);
        QJsonObject ctx = sampleContext(demo.project, demo.rate->id(), *analysisById("cycling"));
        VERIFY_NEAR(ctx.value("carbon_wt_pct").toDouble(), carbon0, 0);
        QCOMPARE(ctx.value("carbon_wt_pct_run_candidates").toInt(), 2);
        QCOMPARE(ctx.value("carbon_wt_pct_run_dataset").toString(), tga->displayLabel());
        // A newer one: taken, and named.
        addTga("TGA repeat", 86400, carbon0 + 2.0);
        ctx = sampleContext(demo.project, demo.rate->id(), *analysisById("cycling"));
        VERIFY_NEAR(ctx.value("carbon_wt_pct").toDouble(), carbon0 + 2.0, 0);
        QCOMPARE(ctx.value("carbon_wt_pct_run_candidates").toInt(), 3);
        QCOMPARE(ctx.value("carbon_wt_pct_run_dataset").toString(), QString("TGA repeat"));

        Sample s = *demo.project.sample(sid);
        s.massBasis = MassBasis::ActiveOxideOnly;
        demo.project.updateSample(s);
        markSampleDependentRunsStale(demo.project, sid);
        computeStaleRunsNow(demo.project);
        const AnalysisRun* run = demo.project.runFor(demo.rate->id(), "cycling");
        QVERIFY(run);
        QCOMPARE(run->status, RunStatus::Ok);
        VERIFY_NEAR(run->result.value("carbon_wt_pct").toDouble(), carbon0 + 2.0, 0);
        QCOMPARE(run->result.value("carbon_source_dataset").toString(), QString("TGA repeat"));
        QVERIFY2(run->result.value("mass_label").toString().contains("TGA repeat"),
                 qPrintable(run->result.value("mass_label").toString()));
        QString warning;
        for (const QJsonValue& w : run->result.value("warnings").toArray())
            if (w.toString().contains("TGA")) warning = w.toString();
        QVERIFY2(warning.contains("3 TGA results") && warning.contains("'TGA repeat'") &&
                     warning.contains("newest"),
                 qPrintable(warning));
        // With one TGA run there is nothing to choose: no warning.
        Demo single;
        Sample t = *single.project.sample(single.hmcs->id);
        t.massBasis = MassBasis::ActiveOxideOnly;
        single.project.updateSample(t);
        markSampleDependentRunsStale(single.project, t.id);
        computeStaleRunsNow(single.project);
        const AnalysisRun* one = single.project.runFor(single.rate->id(), "cycling");
        QVERIFY(one && one->status == RunStatus::Ok);
        for (const QJsonValue& w : one->result.value("warnings").toArray())
            QVERIFY2(!w.toString().contains("TGA results"), qPrintable(w.toString()));
        QCOMPARE(one->result.value("carbon_source_dataset").toString(), tga->displayLabel());
    }

    void massAndCarbonFromTheSample()
    {
        Demo demo;
        const Id sid = demo.hmcs->id;
        const AnalysisRun* run = demo.project.runFor(demo.rate->id(), "cycling");
        QVERIFY(run);
        QCOMPARE(run->status, RunStatus::Ok);
        const Id runId = run->id;
        QCOMPARE(run->result.value("mass_source").toString(), QString("sample"));
        VERIFY_NEAR(run->result.value("mass_mg").toDouble(), demo.hmcs->activeMassMg, 1e-12);
        const double q1 =
            run->result.value("cycles").toArray()[1].toObject().value("discharge_mah_g").toDouble();
        QVERIFY(q1 > 0);

        // Renaming the sample changes nothing the run read.
        Sample s = *demo.project.sample(sid);
        s.name = "HMCS renamed";
        demo.project.updateSample(s);
        QVERIFY(markSampleDependentRunsStale(demo.project, sid).empty());

        // A new mass: stale, and the recomputed capacities scale with 1/m.
        const double m0 = s.activeMassMg;
        s.activeMassMg = 2.0 * m0;
        demo.project.updateSample(s);
        auto marked = markSampleDependentRunsStale(demo.project, sid); // every cycling run of the sample
        QCOMPARE(int(marked.size()), 3);
        QVERIFY(std::find(marked.begin(), marked.end(), runId) != marked.end());
        QCOMPARE(demo.project.run(runId)->status, RunStatus::Stale);
        computeStaleRunsNow(demo.project);
        run = demo.project.run(runId);
        QCOMPARE(run->status, RunStatus::Ok);
        VERIFY_NEAR(run->result.value("cycles").toArray()[1].toObject().value("discharge_mah_g").toDouble(),
                    q1 / 2, 1e-9 * q1);

        // The V2O3-alone basis on the sample: carbon from the sample's TGA run.
        const QJsonObject ctx = sampleContext(demo.project, demo.rate->id(), *analysisById("cycling"));
        QVERIFY(ctx.value("carbon_wt_pct").isDouble());
        const double carbon = ctx.value("carbon_wt_pct").toDouble();
        VERIFY_NEAR(carbon, 16.75, 0.5); // the study's HMCS carbon content
        s.massBasis = MassBasis::ActiveOxideOnly;
        demo.project.updateSample(s);
        QCOMPARE(int(markSampleDependentRunsStale(demo.project, sid).size()), 3);
        computeStaleRunsNow(demo.project);
        run = demo.project.run(runId);
        QCOMPARE(run->status, RunStatus::Ok);
        QCOMPARE(run->result.value("mass_basis").toString(), QString("oxide_only"));
        QCOMPARE(run->result.value("carbon_source").toString(), QString("tga"));
        VERIFY_NEAR(run->result.value("mass_mg").toDouble(), 2.0 * m0 * (1 - carbon / 100), 1e-12);
        QVERIFY2(run->result.value("mass_label").toString().contains("TGA"),
                 qPrintable(run->result.value("mass_label").toString()));
        // The capacity axis names the basis.
        const AnalysisDescriptor* cyc = analysisById("cycling");
        const QString figId = cyc->figures().front().id;
        const FigureSpec fig = analysisFigure(demo.project, *cyc, figId, {demo.rate->id()});
        QVERIFY2(fig.y.label.contains("per g of V2O3)"), qPrintable(fig.y.label));
        // Beside a sample on the composite basis, the overlay says the bases differ.
        Id otherRate = 0;
        for (const Sample* x : demo.project.samples())
            if (x->id != sid)
                for (const Dataset* d : demo.project.datasetsOf(x->id))
                    if (d->type() == "rate_test") otherRate = d->id();
        QVERIFY(otherRate);
        const FigureSpec both = analysisFigure(demo.project, *cyc, figId, {demo.rate->id(), otherRate});
        QVERIFY2(both.y.label.contains("different mass bases"), qPrintable(both.y.label));

        // The TGA result changes (recomputed with other parameters): the cycling run goes stale by itself
        // once a ComputeService watches the project.
        ComputeService service;
        service.setProject(&demo.project);
        const Dataset* tga = demo.project.datasetsOf(sid, Technique::Tga).front();
        const AnalysisRun* tgaRun = demo.project.runFor(tga->id(), "tga");
        QVERIFY(tgaRun);
        QJsonObject other = tgaRun->result;
        other.insert("carbon_wt_pct", carbon + 1.0);
        demo.project.setRunOutcome(tgaRun->id, tgaRun->params, other, RunStatus::Ok, {});
        QCOMPARE(demo.project.run(runId)->status, RunStatus::Stale);
        QVERIFY(demo.project.run(runId)->message.contains("TGA"));
        // A parameter still overrides the sample.
        AnalysisRun edited = *demo.project.run(runId);
        edited.params.insert("mass_mg", 1.0);
        edited.params.insert("mass_basis", "composite");
        demo.project.upsertRun(edited);
        computeStaleRunsNow(demo.project);
        run = demo.project.run(runId);
        QCOMPARE(run->result.value("mass_source").toString(), QString("parameter"));
        VERIFY_NEAR(run->result.value("mass_mg").toDouble(), 1.0, 0);
        // ... and then the sample's mass is not what the run read: a new sample mass leaves it Ok.
        s.activeMassMg = 3.0;
        demo.project.updateSample(s);
        QCOMPARE(demo.project.run(runId)->status, RunStatus::Ok);
        service.setProject(nullptr);
    }

    void cliContract()
    {
        // Two cycles at 0.1 A g⁻¹ then two at 1 A g⁻¹ on 1.5 mg, discharge first, each half lasting exactly
        // T = 3.6·Q·m/I; an anode-convention CE is charge/discharge.
        const double mass = 1.5;
        const double q[4][2] = {{83, 290}, {288, 291}, {250, 252}, {248, 250}};
        const double j[4] = {0.1, 0.1, 1.0, 1.0};
        QByteArray csv = "Data_Point,Test_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V)\n";
        double t = 0;
        int n = 0, step = 0;
        for (int c = 0; c < 4; ++c)
            for (int h = 0; h < 2; ++h) {
                const double I = (h == 0 ? -1 : 1) * j[c] * mass; // mA
                const double T = 3.6 * q[c][h] * mass / std::abs(I);
                ++step;
                for (int k = 0; k <= 40; ++k)
                    csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                               .arg(++n)
                               .arg(t + T * k / 40, 0, 'g', 15)
                               .arg(step)
                               .arg(c + 1)
                               .arg(I / 1000.0, 0, 'g', 15)
                               .arg(h == 0 ? 3.5 - 2.0 * k / 40 : 1.5 + 2.0 * k / 40)
                               .toUtf8();
                t += T;
            }
        QTemporaryDir dir;
        const QString file = dir.filePath("gen_arbin.csv");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        QProcess p;
        p.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"),
                {"cycling", file, "--mass-mg", "1.5", "--convention", "anode", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonArray cycles = o.value("cycles").toArray();
        QCOMPARE(cycles.size(), qsizetype(4));
        for (int c = 0; c < 4; ++c) {
            const QJsonObject row = cycles[c].toObject();
            QCOMPARE(row.value("index").toInt(), c + 1);
            VERIFY_NEAR(row.value("discharge_mah_g").toDouble(), q[c][0], 1e-3 * q[c][0]);
            VERIFY_NEAR(row.value("charge_mah_g").toDouble(), q[c][1], 1e-3 * q[c][1]);
            VERIFY_NEAR(row.value("ce_pct").toDouble(), 100.0 * q[c][1] / q[c][0], 0.1);
        }
        const QJsonArray steps = o.value("rate_steps").toArray();
        QCOMPARE(steps.size(), qsizetype(2));
        QCOMPARE(steps[0].toObject().value("current_a_g").toDouble(), 0.1);
        QCOMPARE(steps[1].toObject().value("cycles").toInt(), 2);
        VERIFY_NEAR(steps[1].toObject().value("discharge_mah_g_mean").toDouble(), 249.0, 0.25);
        // Anode: retention on the charge capacity, against cycle 1.
        VERIFY_NEAR(o.value("retention_pct").toDouble(), 100.0 * 250.0 / 290.0, 0.1);
        QCOMPARE(o.value("mass_source").toString(), QString("parameter"));
    }

    void genericCsvThroughTheDelimitedReader()
    {
        // Canonical names and units in a plain CSV: 1.5 mA for 200 s each way on 1.5 mg = 55.56 mAh g⁻¹.
        QTemporaryDir dir;
        const QString file = dir.filePath("plain.csv");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Time (s),Current (mA),Voltage (V),Cycle\n0,-1.5,3.5,1\n100,-1.5,3.0,1\n200,-1.5,2.0,1\n"
                "200,1.5,2.0,1\n300,1.5,3.0,1\n400,1.5,3.5,1\n");
        f.close();
        QProcess p;
        p.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"),
                {"cycling", file, "--mass-mg", "1.5", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject row =
            QJsonDocument::fromJson(p.readAllStandardOutput()).object()["cycles"][0].toObject();
        VERIFY_NEAR(row.value("discharge_mah_g").toDouble(), 1.5 * 200 / 3.6 / 1.5, 1e-9);
        VERIFY_NEAR(row.value("charge_mah_g").toDouble(), 1.5 * 200 / 3.6 / 1.5, 1e-9);
    }

    void cliChannelSelectsADatasetByLabel()
    {
        // --channel picks the dataset of that label (a file of several channels); a label the file does not
        // hold is refused, naming what it holds, rather than read as a parameter or ignored.
        QTemporaryDir dir;
        const QString file = dir.filePath("plain.csv");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Time (s),Current (mA),Voltage (V),Cycle\n0,-1.5,3.5,1\n100,-1.5,3.0,1\n200,-1.5,2.0,1\n"
                "200,1.5,2.0,1\n300,1.5,3.0,1\n400,1.5,3.5,1\n");
        f.close();
        const auto channel =
            std::find_if(cyclingAnalysis().cliOptions.begin(), cyclingAnalysis().cliOptions.end(),
                         [](const CliOption& o) { return o.option == "channel"; });
        QVERIFY(channel != cyclingAnalysis().cliOptions.end());
        QVERIFY(channel->selectsDatasetLabel);
        QProcess p;
        p.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"),
                {"cycling", file, "--mass-mg", "1.5", "--channel", "CH 7", "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("no dataset labelled 'CH 7'"), err.constData());
        QVERIFY2(err.contains("plain"), err.constData());
    }

    void cliRefusesABadConvention()
    {
        QProcess p;
        p.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"),
                {"cycling", "x.csv", "--convention", "both"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("neither cathode nor anode"));
    }
};

QTEST_GUILESS_MAIN(TestCyclingAnalysis)
#include "tst_cycling_analysis.moc"
