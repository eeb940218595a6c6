// The XPS runs of the demo series against the generator's truth: populateDemoProject() fits every sample's
// V 2p + O 1s (joint window, one active Shirley background) charge-referenced to its C 1s with the study
// preset, as `vanadis-cli demo` does; for CS, WCS, HCS and HMCS the V³⁺/V²⁺ area ratio and the O-vacancy
// share of O 1s must hold the values the demo spectra were generated with (sim::demoTruth) inside their
// reported 95 % intervals. Both numbers and the 1σ distance are printed for every sample. The V 2p lines
// must not sit on a bound, and the two regions cut from one spectrum must agree where they overlap.
// Atomic % of V, O and C (Scofield RSFs) must match the generated areas within 3 reported errors.
#include "analysis/DemoProject.h"
#include "model/Project.h"
#include "numeric/sim/DemoSeries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
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
};

QTEST_GUILESS_MAIN(TestXpsDemo)
#include "tst_xps_demo.moc"
