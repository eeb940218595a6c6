// The XPS runs of the demo series against the generator's truth: populateDemoProject() fits every sample's
// V 2p + O 1s (joint window, one active Shirley background) charge-referenced to its C 1s with the study
// preset, as `vanadis-cli demo` does; for CS, WCS, HCS and HMCS the V³⁺/V²⁺ area ratio and the O-vacancy
// share of O 1s must hold the values the demo spectra were generated with (sim::demoTruth) inside their
// reported 95 % intervals. Both numbers and the 1σ distance are printed for every sample. The V 2p lines
// must not sit on a bound, and the two regions cut from one spectrum must agree where they overlap.
// Atomic % of V, O and C (Scofield RSFs) must match the generated areas within 3 reported errors.
// A model changed on one sample and applied to all (ApplyToSamples.h, as the XPS tab's "apply to all"
// does) reaches the V 2p region of every sample only, each with its own C 1s and O 1s, refits there, and
// goes back in one undo step.
#include "analysis/AnalysisRegistry.h"
#include "analysis/ApplyToSamples.h"
#include "analysis/ComputeService.h"
#include "analysis/DemoProject.h"
#include "model/Commands.h"
#include "model/Project.h"
#include "numeric/sim/DemoSeries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <map>

using namespace vanadis;

class TestXpsDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ratiosMatchTheGeneratorTruth()
    {
        Project p;
        populateDemoProject(p);
        int checked = 0;
        for (const Sample* s : p.samples()) {
            const sim::DemoTruth truth = sim::demoTruth(s->name.toStdString());
            const AnalysisRun* run = nullptr;
            for (const auto& [id, r] : p.allRuns())
                if (r.analysisId == QLatin1String("xps")) {
                    const Dataset* d = p.dataset(r.datasetId());
                    const Sample* owner = d ? p.sampleOfDataset(d->id()) : nullptr;
                    if (owner && owner->id == s->id) run = &r;
                }
            QVERIFY2(run, qPrintable(s->name + ": no xps run"));
            QVERIFY2(run->status == RunStatus::Ok, qPrintable(s->name + ": " + run->message));
            const QJsonObject ratios = run->result.value("ratios").toObject();
            struct Check {
                const char* key;
                double truth;
            } checks[] = {{"v3_v2", (1.0 - truth.v2PlusShare) / truth.v2PlusShare},
                          {"ov_fraction", truth.oxygenVacancyShare}};
            for (const Check& c : checks) {
                const QString k = QLatin1String(c.key);
                const double v = ratios.value(k).toDouble(), err = ratios.value(k + "_err").toDouble();
                const double lo = ratios.value(k + "_lo95").toDouble(),
                             hi = ratios.value(k + "_hi95").toDouble();
                qInfo("%s %-11s fitted %.3f ± %.3f (95 %%: %.3f … %.3f), generated %.3f, %.2fσ away",
                      qPrintable(s->name), c.key, v, err, lo, hi, c.truth, std::abs(v - c.truth) / err);
                QVERIFY2(std::isfinite(v) && err > 0, qPrintable(s->name + " " + k + ": no error"));
                QVERIFY2(lo <= c.truth && c.truth <= hi,
                         qPrintable(QStringLiteral("%1 %2 = %3 ± %4, generated %5")
                                        .arg(s->name, k)
                                        .arg(v)
                                        .arg(err)
                                        .arg(c.truth)));
            }
            for (const auto& w : run->result.value("warnings").toArray()) {
                const QString t = w.toString();
                QVERIFY2(!(t.contains("bound") && t.contains("'V")), qPrintable(s->name + ": " + t));
                QVERIFY2(!t.contains("disagree"), qPrintable(s->name + ": " + t));
            }
            // Atomic % with the Scofield RSFs the result names, against the generated areas of the three
            // regions (the component tables in the simulator's metadata), within 3 reported errors.
            const QJsonObject pct = run->result.value("atomic_pct").toObject();
            const QJsonObject rsf = run->result.value("rsf").toObject();
            QVERIFY2(!pct.isEmpty() && rsf.size() == 3, qPrintable(s->name + ": no atomic %"));
            std::map<QString, double> generated;
            double total = 0.0;
            for (const sim::SimDataset& d : sim::demoDatasets(s->name.toStdString())) {
                if (d.technique != "xps") continue;
                double a = 0.0;
                for (const auto& [key, value] : d.metadata)
                    if (key.rfind("component_", 0) == 0)
                        a += QString::fromStdString(value).split(';').value(3).toDouble();
                const QString level = QString::fromStdString(d.kind);
                generated[level.section(' ', 0, 0)] = a / rsf.value(level).toDouble();
                total += a / rsf.value(level).toDouble();
            }
            for (const auto& [element, q] : generated) {
                const double v = pct.value(element).toDouble(), err = pct.value(element + "_err").toDouble();
                qInfo("%s %-2s at. %% fitted %.2f ± %.2f, generated %.2f", qPrintable(s->name),
                      qPrintable(element), v, err, 100.0 * q / total);
                QVERIFY2(err > 0 && std::abs(v - 100.0 * q / total) <= 3.0 * err,
                         qPrintable(s->name + " at. % " + element));
            }
            const double chi2 = run->result.value("chi2_reduced").toDouble();
            QVERIFY2(chi2 > 0.7 && chi2 < 1.5, qPrintable(s->name + QStringLiteral(": χ²ν = %1").arg(chi2)));
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void modelAppliedToAllSamplesInOneUndoStep()
    {
        Project p;
        populateDemoProject(p);
        const AnalysisDescriptor* xps = analysisById("xps");
        QVERIFY(xps);
        const Sample* cs = p.samples().front();
        Id source = 0;
        for (const Dataset* d : p.datasetsOf(cs->id, Technique::Xps))
            if (d->label() == QLatin1String("V 2p")) source = d->id();
        const AnalysisRun* run = p.runFor(source, xps->id);
        QVERIFY(run);
        QJsonObject params = run->params;
        params.insert("background", "shirley"); // the model edited on CS
        const std::vector<Id> targets = applyTargets(p, *xps, source);
        QCOMPARE(targets.size(), std::size_t(4)); // the four V 2p regions, no C 1s, no O 1s
        std::map<Id, QJsonObject> before;
        QUndoStack stack;
        stack.beginMacro("apply to all");
        for (Id t : targets) {
            QCOMPARE(p.dataset(t)->label(), QString("V 2p"));
            const AnalysisRun* r = p.runFor(t, xps->id);
            QVERIFY(r);
            before[t] = r->params;
            AnalysisRun changed = *r;
            changed.params = paramsForTarget(p, *xps, params, source, t);
            changed.status = RunStatus::Stale;
            // Each sample keeps its own references.
            const Sample* owner = p.sampleOfDataset(t);
            for (const char* key : {"charge_ref_dataset", "joint_dataset"}) {
                const Dataset* ref = p.dataset(Id(changed.params.value(key).toDouble()));
                QVERIFY2(ref && p.sampleOfDataset(ref->id())->id == owner->id, key);
            }
            QCOMPARE(changed.params.value("background").toString(), QString("shirley"));
            stack.push(new SetRunCommand(&p, changed));
        }
        stack.endMacro();
        QCOMPARE(stack.count(), 1);
        computeStaleRunsNow(p);
        for (Id t : targets) {
            const AnalysisRun* r = p.runFor(t, xps->id);
            QVERIFY2(r->status == RunStatus::Ok, qPrintable(r->message));
            QCOMPARE(r->result.value("background").toString(), QString("shirley"));
            QVERIFY(r->result.value("ratios").toObject().value("v3_v2").toDouble() > 0);
        }
        stack.undo();
        for (Id t : targets)
            QCOMPARE(p.runFor(t, xps->id)->params, before[t]);
    }
};

QTEST_GUILESS_MAIN(TestXpsDemo)
#include "tst_xps_demo.moc"
