// Data model and undo: every command goes redo → undo → redo and leaves the model exactly as it was
// after each step; drags merge into one undo step.
#include "TestUtil.h"
#include "model/Commands.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace vanadis;

namespace {

/// A comparable snapshot of the whole model.
struct Snapshot {
    SampleSeries series;
    std::vector<Sample> samples;
    std::vector<std::pair<Id, QString>> datasets;
    std::vector<AnalysisRun> runs;

    bool operator==(const Snapshot& o) const
    {
        return series.name == o.series.name && series.variedCondition == o.series.variedCondition &&
               series.sampleIds == o.series.sampleIds && samples == o.samples && datasets == o.datasets &&
               runs == o.runs;
    }
};

Snapshot snap(const Project& p)
{
    Snapshot s;
    s.series = p.series();
    for (const Sample* x : p.samples())
        s.samples.push_back(*x);
    for (const auto& [id, d] : p.allDatasets())
        s.datasets.emplace_back(id, d.name());
    for (const auto& [id, r] : p.allRuns())
        s.runs.push_back(r);
    return s;
}

/// Pushes \a cmd and checks redo → undo → redo against snapshots.
void checkRoundTrip(Project& p, QUndoCommand* cmd)
{
    const Snapshot before = snap(p);
    p.undoStack()->push(cmd); // redo
    const Snapshot after = snap(p);
    QVERIFY2(!(before == after), "the command changed nothing");
    p.undoStack()->undo();
    QVERIFY2(snap(p) == before, "undo did not restore the previous state");
    p.undoStack()->redo();
    QVERIFY2(snap(p) == after, "redo did not reproduce the state");
    p.undoStack()->undo();
    p.undoStack()->redo();
    QVERIFY2(snap(p) == after, "second undo/redo cycle differs");
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idsAreUniqueAndMonotonic()
    {
        Project p;
        const Id a = p.allocateId(), b = p.allocateId();
        QVERIFY(b > a);
        QVERIFY(a > 0);
    }

    void addSample()
    {
        Project p;
        Sample s;
        s.id = p.allocateId();
        s.name = "CS";
        checkRoundTrip(p, new AddSampleCommand(&p, s));
        QCOMPARE(p.samples().size(), size_t(1));
    }

    void removeSampleRestoresDatasetsAndRuns()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        const Id b = test::addSample(p, "WCS");
        Dataset d = test::makeDataset(p, Technique::Xrd, "pattern", 100);
        p.insertDataset(a, d);
        AnalysisRun r;
        r.id = p.allocateId();
        r.inputs = {RunInput{QStringLiteral("main"), d.id()}};
        r.analysisId = "xrd.peaks";
        r.params = QJsonObject{{"threshold", 0.1}};
        p.upsertRun(r);
        checkRoundTrip(p, new RemoveSampleCommand(&p, a));
        // Order restored: CS first again after undo.
        p.undoStack()->undo();
        QCOMPARE(p.series().sampleIds.front(), a);
        QCOMPARE(p.series().sampleIds.back(), b);
        QVERIFY(p.run(r.id));
        QCOMPARE(p.datasetsOf(a).size(), size_t(1));
    }

    void editEveryField()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::Name, QString("CS-2")));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::Color, QColor("#0072B2")));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::Marker, QString("square")));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::Dash, QString("dot")));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::ActiveMassMg, 2.25));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::MassBasis, QString("active_oxide")));
        checkRoundTrip(p, new EditSampleCommand(&p, a, SampleField::Notes, QString("annealed in N2")));
    }

    void dragMergesIntoOneStep()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        const double original = p.sample(a)->activeMassMg;
        const int before = p.undoStack()->count();
        for (int i = 1; i <= 20; ++i)
            p.undoStack()->push(
                new EditSampleCommand(&p, a, SampleField::ActiveMassMg, 1.5 + 0.01 * i, /*mergeKey*/ 7));
        QCOMPARE(p.undoStack()->count(), before + 1);
        QCOMPARE(p.sample(a)->activeMassMg, 1.7);
        p.undoStack()->undo();
        QCOMPARE(p.sample(a)->activeMassMg, original);
        // A different merge key starts a new step.
        p.undoStack()->push(new EditSampleCommand(&p, a, SampleField::ActiveMassMg, 3.0, 8));
        p.undoStack()->push(new EditSampleCommand(&p, a, SampleField::ActiveMassMg, 4.0, 9));
        QCOMPARE(p.undoStack()->count(), before + 2);
    }

    void moveSample()
    {
        Project p;
        test::addSample(p, "CS");
        test::addSample(p, "WCS");
        const Id c = test::addSample(p, "HCS");
        checkRoundTrip(p, new MoveSampleCommand(&p, c, 0));
        QCOMPARE(p.samples().front()->name, QString("HCS"));
    }

    void seriesInfo()
    {
        Project p;
        checkRoundTrip(p, new SetSeriesInfoCommand(&p, "V2O3 series", "annealing"));
    }

    void importAndRemoveDataset()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        std::vector<Dataset> ds{test::makeDataset(p, Technique::Bet, "isotherm", 50),
                                test::makeDataset(p, Technique::Tga, "mass", 60)};
        const Id second = ds[1].id();
        checkRoundTrip(p, new ImportDatasetsCommand(&p, a, ds));
        QCOMPARE(p.datasetsOf(a).size(), size_t(2));
        QCOMPARE(p.datasetsOf(a, Technique::Tga).size(), size_t(1));
        checkRoundTrip(p, new RemoveDatasetCommand(&p, second));
        QCOMPARE(p.datasetsOf(a).size(), size_t(1));
    }

    void setRunAndMergeDrag()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        Dataset d = test::makeDataset(p, Technique::Bet, "isotherm", 50);
        p.insertDataset(a, d);
        AnalysisRun r;
        r.id = p.allocateId();
        r.inputs = {RunInput{QStringLiteral("main"), d.id()}};
        r.analysisId = "bet.multipoint";
        r.params = QJsonObject{{"p_lo", 0.05}, {"p_hi", 0.3}};
        checkRoundTrip(p, new SetRunCommand(&p, r));
        const int count = p.undoStack()->count();
        for (int i = 0; i < 10; ++i) {
            r.params["p_hi"] = 0.3 - 0.01 * i;
            p.undoStack()->push(new SetRunCommand(&p, r, 1));
        }
        QCOMPARE(p.undoStack()->count(), count + 1);
        p.undoStack()->undo();
        QCOMPARE(p.run(r.id)->params["p_hi"].toDouble(), 0.3);
    }

    void changeTrackingRecordsOnlyTouchedEntities()
    {
        Project p;
        const Id a = test::addSample(p, "CS");
        const Id b = test::addSample(p, "WCS");
        p.markSaved();
        QVERIFY(!p.isModified());
        p.undoStack()->push(new EditSampleCommand(&p, b, SampleField::Notes, QString("x")));
        QVERIFY(p.isModified());
        QCOMPARE(p.unsavedChanges().samples, std::set<Id>{b});
        QVERIFY(!p.unsavedChanges().samples.contains(a));
        QVERIFY(p.unsavedChanges().datasets.empty());
    }

    void signalsAreEmitted()
    {
        Project p;
        QSignalSpy inserted(&p, &Project::sampleInserted);
        QSignalSpy changed(&p, &Project::sampleChanged);
        const Id a = test::addSample(p, "CS");
        p.undoStack()->push(new EditSampleCommand(&p, a, SampleField::Name, QString("X")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
