// The "cv" analysis on the platform: cycles counted per scan rate (complete = spans the window and
// returns to its start), an unfinished last sweep reported and never used by default, the capacitive
// share at 1 mV/s against the simulator's truth (0.01), the first-cycles view, and vanadis-cli cv's
// files[{file, scan_rate_mv_s, n_cycles}].
#include "analysis/echem/CvAnalysis.h"
#include "numeric/sim/Electrochem.h"

#include "../VerifyNear.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

Dataset fromSim(const sim::SimDataset& s, std::size_t keep = std::size_t(-1))
{
    std::vector<Column> cols;
    for (const auto& c : s.columns) {
        std::vector<double> v = c.values;
        if (keep < v.size()) v.resize(keep);
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), v});
    }
    return Dataset(1, Technique::Echem, QStringLiteral("cv"), QStringLiteral("sim"), cols, {}, {});
}

double fractionAt(const QJsonObject& r, double rate)
{
    for (const QJsonValue& v : r.value("capacitive_fraction").toArray())
        if (std::abs(v["scan_rate_mv_s"].toDouble() - rate) < 1e-9) return v["fraction"].toDouble();
    return std::nan("");
}

} // namespace

class TestCvAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsCompleteCycles();
    void unfinishedLastSweepIsReportedNotUsed();
    void firstCyclesView();
    void cliReportsFiles();
};

void TestCvAnalysis::countsCompleteCycles()
{
    sim::CvParams p;
    p.currentNoiseRelative = 0.0;
    auto r = computeCv({fromSim(sim::simulateCv(p))}, {});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonArray files = r->value("files").toArray();
    QCOMPARE(files.size(), qsizetype(p.scanRatesMVPerS.size()));
    for (const QJsonValue& f : files) {
        QCOMPARE(f["n_cycles"].toInt(), p.cyclesPerRate);
        QCOMPARE(f["partial_cycle"].toBool(), false);
        QCOMPARE(f["cycle_used"].toDouble(), double(p.cyclesPerRate));
    }
    VERIFY_NEAR(fractionAt(*r, 1.0), p.capacitiveFraction1mVs, 0.01);
}

void TestCvAnalysis::unfinishedLastSweepIsReportedNotUsed()
{
    sim::CvParams p;
    p.currentNoiseRelative = 0.0;
    const sim::SimDataset s = sim::simulateCv(p);
    // Cut the file in the middle of the last cycle of the fastest rate (an aborted run).
    const std::size_t n = s.columns.front().values.size();
    const std::size_t perCycle = n / (p.scanRatesMVPerS.size() * std::size_t(p.cyclesPerRate));
    auto r = computeCv({fromSim(s, n - perCycle / 2)}, {});
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    const QJsonArray files = r->value("files").toArray();
    const QJsonObject fastest = files.last().toObject();
    QCOMPARE(fastest["scan_rate_mv_s"].toDouble(), 1.0);
    QCOMPARE(fastest["n_cycles"].toInt(), p.cyclesPerRate - 1);
    QCOMPARE(fastest["partial_cycle"].toBool(), true);
    QCOMPARE(fastest["cycle_used"].toDouble(), double(p.cyclesPerRate - 1));
    QCOMPARE(files.first()["n_cycles"].toInt(), p.cyclesPerRate);
    // The share at 1 mV/s still comes from a whole cycle.
    VERIFY_NEAR(fractionAt(*r, 1.0), p.capacitiveFraction1mVs, 0.01);
}

void TestCvAnalysis::firstCyclesView()
{
    sim::CvParams p;
    p.cyclesPerRate = 4;
    auto r = computeCv({fromSim(sim::simulateCv(p))}, {{"first_cycles", 3}});
    QVERIFY(r);
    const QJsonArray first = r->value("first_cycles").toArray();
    QCOMPARE(first.size(), qsizetype(3));
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(first[k]["cycle"].toDouble(), double(k + 1));
        QCOMPARE(first[k]["scan_rate_mv_s"].toDouble(), 0.2);
        QVERIFY(first[k]["points"].toArray().size() > 100);
    }
    Sample s;
    s.name = QStringLiteral("HMCS");
    s.color = Qt::red;
    const Dataset d = fromSim(sim::simulateCv(p));
    FigureInput in;
    in.sample = &s;
    in.dataset = &d;
    in.result = *r;
    const FigureSpec f = cvAnalysis().buildFigure(QStringLiteral("cv_first_cycles"), {in});
    QCOMPARE(f.series.size(), std::size_t(3));
    QVERIFY(f.series[0].dash != f.series[1].dash);
    QVERIFY(f.series[0].label.contains(QStringLiteral("cycle 1")));
}

void TestCvAnalysis::cliReportsFiles()
{
    // Two files at two rates, the second aborted in its last cycle.
    QTemporaryDir dir;
    QStringList paths;
    for (double rate : {0.5, 1.0}) {
        sim::CvParams p;
        p.scanRatesMVPerS = {rate};
        const sim::SimDataset s = sim::simulateCv(p);
        const auto& cols = s.columns;
        std::size_t n = cols.front().values.size();
        if (rate == 1.0) n -= n / 6;
        QByteArray csv = "Time (s),Potential (V),Current (mA),Scan Rate (mV/s),Cycle\n";
        auto col = [&](const char* name) -> const std::vector<double>& {
            for (const auto& c : cols)
                if (c.name == name) return c.values;
            return cols.front().values;
        };
        for (std::size_t k = 0; k < n; ++k)
            csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                       .arg(col("Time")[k], 0, 'g', 12)
                       .arg(col("Potential")[k], 0, 'g', 12)
                       .arg(col("Current")[k], 0, 'g', 12)
                       .arg(rate)
                       .arg(col("Cycle")[k])
                       .toLatin1();
        const QString path = dir.filePath(QStringLiteral("cv_%1.csv").arg(rate));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        paths << path;
    }
    QProcess proc;
    proc.start(QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli"), QStringList{"cv"} << paths << "--json");
    QVERIFY(proc.waitForFinished(60000));
    const QByteArray err = proc.readAllStandardError();
    QVERIFY2(proc.exitCode() == 0, err.constData());
    const QJsonObject o = QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
    const QJsonArray files = o.value("files").toArray();
    QCOMPARE(files.size(), qsizetype(2));
    QCOMPARE(files[0]["n_cycles"].toInt(), 3);
    QCOMPARE(files[1]["n_cycles"].toInt(), 2);
    QCOMPARE(files[1]["partial_cycle"].toBool(), true);
    QVERIFY(files[0]["file"].toString().endsWith(QStringLiteral("cv_0.5.csv")));
}

QTEST_GUILESS_MAIN(TestCvAnalysis)
#include "tst_cv_analysis.moc"
