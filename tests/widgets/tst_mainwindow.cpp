// The main window on the demo series: every tab shows data of the four samples, edits are undoable,
// the tree follows the project. Screenshots of every tab are written to $VANADIS_SCREENSHOT_DIR (or
// a temporary folder) for people to look at.
#include "analysis/ComputeService.h"
#include "io/ProjectDocument.h"
#include "io/import/ImporterRegistry.h"
#include "model/Commands.h"
#include "widgets/CompareTab.h"
#include "widgets/MainWindow.h"
#include "widgets/ProjectTree.h"
#include "widgets/SamplePanel.h"
#include "widgets/TechniqueTab.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace vanadis;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QString m_shots;
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(m_shots);
    }

    void everyTabShowsTheDemo()
    {
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        QCOMPARE(w.document()->project().samples().size(), size_t(4));
        for (Technique t : allTechniques()) {
            TechniqueTab* tab = w.techniqueTab(t);
            QVERIFY(tab);
            w.tabs()->setCurrentWidget(tab);
            QTest::qWait(50);
            const FigureSpec& f = tab->figure();
            QVERIFY2(f.series.size() >= 4, qPrintable(techniqueKey(t) + ": fewer than 4 series"));
            QVERIFY(f.pointCount() > 100);
            w.grab().save(QDir(m_shots).filePath("tab-" + techniqueKey(t) + ".png"));
        }
        // Every figure of the analyses (BET, TGA) draws data for the demo.
        for (Technique t : {Technique::Bet, Technique::Tga}) {
            TechniqueTab* tab = w.techniqueTab(t);
            w.tabs()->setCurrentWidget(tab);
            for (int i = 0; i < 5; ++i) {
                tab->setCurrentFigure(i);
                if (tab->currentFigure() != i) break;
                QTest::qWait(30);
                QVERIFY2(!tab->figure().series.empty(),
                         qPrintable(techniqueKey(t) + QString(" figure %1 is empty").arg(i)));
                w.grab().save(
                    QDir(m_shots).filePath(QString("tab-%1-figure%2.png").arg(techniqueKey(t)).arg(i)));
            }
            tab->setCurrentFigure(0);
        }
        // Other dataset kinds of the electrochemistry tab.
        TechniqueTab* ec = w.techniqueTab(Technique::Echem);
        w.tabs()->setCurrentWidget(ec);
        const QStringList views{QString::fromUtf8("Cycling record — 1 A g⁻¹"),
                                "Rate test",
                                QString::fromUtf8("Charge–discharge profiles"),
                                "Cyclic voltammogram",
                                "GITT",
                                "Impedance spectrum"};
        for (const QString& kind : views) {
            ec->setCurrentKind(kind);
            QCOMPARE(ec->currentKind(), kind);
            QVERIFY2(ec->figure().series.size() >= 4, qPrintable(kind));
            QTest::qWait(30);
            w.grab().save(QDir(m_shots).filePath(
                "tab-echem-" + QString(kind).replace(' ', '_').replace(QChar(0x2014), '-') + ".png"));
        }
        TechniqueTab* xps = w.techniqueTab(Technique::Xps);
        QVERIFY(xps->figure().x.reversed); // binding energy runs right to left
        w.tabs()->setCurrentIndex(w.tabs()->count() - 1);
        auto* compare = qobject_cast<CompareTab*>(w.tabs()->currentWidget());
        QVERIFY(compare);
        QCOMPARE(compare->table()->rowCount(), 4);
        // The headline results reproduce the study: BET area and carbon content per sample.
        const double areas[] = {63.0, 75.0, 151.4, 208.5}, carbon[] = {15.50, 14.72, 14.03, 16.75};
        int areaCol = -1, carbonCol = -1;
        for (int c = 0; c < compare->table()->columnCount(); ++c) {
            const QString h = compare->table()->horizontalHeaderItem(c)->text();
            if (h.startsWith("BET area")) areaCol = c;
            if (h.startsWith("Carbon")) carbonCol = c;
        }
        QVERIFY(areaCol >= 0 && carbonCol >= 0);
        for (int r = 0; r < 4; ++r) {
            const double a =
                QLocale().toDouble(compare->table()->item(r, areaCol)->text().section(' ', 0, 0));
            const double wc =
                QLocale().toDouble(compare->table()->item(r, carbonCol)->text().section(' ', 0, 0));
            QVERIFY2(std::abs(a / areas[r] - 1.0) < 0.01,
                     qPrintable(compare->table()->item(r, areaCol)->text()));
            QVERIFY2(std::abs(wc - carbon[r]) < 0.1,
                     qPrintable(compare->table()->item(r, carbonCol)->text()));
        }
        w.grab().save(QDir(m_shots).filePath("tab-compare.png"));
    }

    void samplePanelShowsTheTgaCarbon()
    {
        // The mass basis "oxide only" takes the carbon share from the sample's TGA run: the panel where the
        // mass is entered shows that share.
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        auto* panel = w.findChild<SamplePanel*>();
        QVERIFY(panel);
        Id hmcs = 0;
        for (const Sample* s : w.document()->project().samples())
            if (s->name == "HMCS") hmcs = s->id;
        panel->setSample(hmcs);
        QTest::qWait(50);
        bool found = false;
        for (QLabel* l : panel->findChildren<QLabel*>())
            if (l->text().contains("wt%")) {
                found = true;
                QVERIFY2(l->text().startsWith("16.7"), qPrintable(l->text())); // the study: 16.75 wt%
            }
        QVERIFY(found);
        w.grab().save(QDir(m_shots).filePath("sample-panel-carbon.png"));

        // A second, newer TGA result of the sample: the panel names the one the basis uses.
        Project& p = w.document()->project();
        const Dataset* tga = p.datasetsOf(hmcs, Technique::Tga).front();
        const AnalysisRun* tgaRun = p.runFor(tga->id(), "tga");
        QVERIFY(tgaRun);
        Provenance prov = tga->provenance();
        prov.importedAtUtc = QDateTime::currentDateTimeUtc().addYears(1);
        const Id id = p.allocateId();
        p.insertDataset(hmcs, Dataset(id, Technique::Tga, tga->type(), "TGA repeat", tga->columns(),
                                      tga->metadata(), prov)
                                  .withLabel("TGA repeat"));
        AnalysisRun again = *tgaRun;
        again.id = p.allocateId();
        again.inputs = {RunInput{QStringLiteral("main"), id}};
        again.result.insert("carbon_wt_pct", 17.5);
        p.upsertRun(again);
        panel->setSample(hmcs);
        QTest::qWait(50);
        found = false;
        for (QLabel* l : panel->findChildren<QLabel*>())
            if (l->text().contains("wt%")) {
                found = true;
                QVERIFY2(l->text().startsWith("17.5") && l->text().contains("'TGA repeat'") &&
                             l->text().contains("newest of 2"),
                         qPrintable(l->text()));
            }
        QVERIFY(found);
        w.grab().save(QDir(m_shots).filePath("sample-panel-carbon-two-tga.png"));
    }

    void selectionLimitsPlottedSamples()
    {
        MainWindow w;
        w.show();
        w.openDemo();
        const Id hmcs = w.document()->project().sampleByName("HMCS")->id;
        w.projectTree()->selectSample(hmcs);
        QCOMPARE(w.projectTree()->selectedSampleIds(), std::vector<Id>{hmcs});
        QCOMPARE(w.techniqueTab(Technique::Bet)->figure().series.front().label.left(4), QString("HMCS"));
    }

    void draggingTheBetWindowIsOneUndoStep()
    {
        MainWindow w;
        w.show();
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* bet = w.techniqueTab(Technique::Bet);
        w.tabs()->setCurrentWidget(bet);
        bet->setCurrentFigure(1); // BET plot with the editable window
        const Dataset* d = bet->currentDataset();
        QVERIFY(d);
        // The demo opens with every analysis computed and stored, with default parameters.
        QCOMPARE(p.runsOf(d->id()).size(), size_t(1));
        const QJsonObject defaults = p.runsOf(d->id()).front()->params;
        QCOMPARE(defaults["p_min"].toDouble(), -1.0);
        const int steps = p.undoStack()->count();
        // A drag: live previews (not stored), then the release (one command).
        Q_EMIT bet->plotView()->spanEdited(1, 0.07, 0.22, false);
        Q_EMIT bet->plotView()->spanEdited(1, 0.06, 0.25, false);
        QCOMPARE(p.runsOf(d->id()).front()->params, defaults);
        Q_EMIT bet->plotView()->spanEdited(1, 0.06, 0.25, true);
        QCOMPARE(p.undoStack()->count(), steps + 1);
        QVERIFY2(p.undoStack()->text(steps).contains(QString::fromUtf8("0.06–0.25")),
                 qPrintable(p.undoStack()->text(steps)));
        QVERIFY(w.computeService()->waitForIdle());
        QCOMPARE(p.runsOf(d->id()).size(), size_t(1));
        const AnalysisRun* run = p.runsOf(d->id()).front();
        QCOMPARE(run->params["p_min"].toDouble(), 0.06);
        QCOMPARE(run->params["p_max"].toDouble(), 0.25);
        QCOMPARE(run->status, RunStatus::Ok);
        QCOMPARE(run->result["bet"].toObject()["automatic"].toBool(), false);
        const double userArea = run->result["bet"].toObject()["area_m2_g"].toDouble();
        QVERIFY2(std::abs(userArea / 63.0 - 1.0) < 0.02, qPrintable(QString::number(userArea)));
        p.undoStack()->undo();
        QCOMPARE(p.runsOf(d->id()).front()->params, defaults);
        p.undoStack()->redo();
        QCOMPARE(p.runsOf(d->id()).front()->params["p_max"].toDouble(), 0.25);
        // Apply to all samples: one macro step, a run per sample.
        const int before = p.undoStack()->count();
        for (QPushButton* b : bet->findChildren<QPushButton*>())
            if (b->text() == QObject::tr("Apply to all samples")) b->click();
        QCOMPARE(p.undoStack()->count(), before + 1);
        size_t runs = 0;
        for (const auto& [id, r] : p.allRuns())
            runs += r.analysisId == "bet" ? 1 : 0;
        QCOMPARE(runs, size_t(4));
    }

    void curveFitRunsWhereTheUserStartsIt()
    {
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        TechniqueTab* xps = w.techniqueTab(Technique::Xps);
        w.tabs()->setCurrentWidget(xps);
        xps->setCurrentKind(QObject::tr("Curve fit"));
        QCOMPARE(xps->currentKind(), QString("Curve fit"));
        // Pick CS · C 1s, a single peak.
        auto* choice = xps->findChild<QComboBox*>();
        for (QComboBox* c : xps->findChildren<QComboBox*>())
            if (c->accessibleName().startsWith("Dataset whose")) choice = c;
        const int i = choice->findText("CS · C 1s");
        QVERIFY(i >= 0);
        choice->setCurrentIndex(i);
        Q_EMIT choice->activated(i);
        const Dataset* d = xps->currentDataset();
        QVERIFY(d && d->label() == "C 1s");
        QVERIFY(!p.runFor(d->id(), "curve_fit")); // nothing until the user asks
        // Choose the Gaussian model: one undo step, computed in the background.
        QComboBox* model = xps->findChild<QComboBox*>("param_model");
        QVERIFY(model);
        model->setCurrentIndex(model->findData("gauss"));
        QVERIFY(w.computeService()->waitForIdle());
        QTest::qWait(50);
        const AnalysisRun* run = p.runFor(d->id(), "curve_fit");
        QVERIFY(run);
        QCOMPARE(run->status, RunStatus::Ok);
        const double centre = run->result["parameters"].toObject()["c"].toObject()["value"].toDouble();
        QVERIFY2(std::abs(centre - 284.8) < 1.0, qPrintable(QString::number(centre))); // the demo's C–C line
        QVERIFY(xps->figure().residual);
        w.grab().save(QDir(m_shots).filePath("tab-xps-curve-fit.png"));
    }

    void xrdReferenceStructureFromACif()
    {
        // A CIF imported into a sample is offered as the XRD reference structure; patterns are not.
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        QFile res(QStringLiteral(":/phases/Al2O3.cif"));
        QVERIFY(res.open(QIODevice::ReadOnly));
        const QString path = QDir(m_tmp.path()).filePath("corundum.cif");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(res.readAll());
        out.close();
        auto parsed = parseFile(path);
        QVERIFY2(parsed, parsed ? "" : parsed.error().message().c_str());
        const Id cs = p.sampleByName("CS")->id;
        p.undoStack()->push(new ImportDatasetsCommand(&p, cs, makeDatasets(p, std::move(*parsed))));
        TechniqueTab* xrd = w.techniqueTab(Technique::Xrd);
        w.tabs()->setCurrentWidget(xrd);
        QTest::qWait(50);
        QComboBox* ref = xrd->findChild<QComboBox*>("param_phase_dataset");
        QVERIFY(ref);
        QStringList items;
        for (int i = 0; i < ref->count(); ++i)
            items << ref->itemText(i);
        QCOMPARE(ref->count(), 2); // none + the structure
        QVERIFY2(items.last().startsWith("CS · "), qPrintable(items.join(" | ")));
        ref->setCurrentIndex(1);
        QVERIFY(w.computeService()->waitForIdle());
        QTest::qWait(50);
        const Dataset* d = xrd->currentDataset();
        QVERIFY(d);
        const AnalysisRun* run = p.runFor(d->id(), "xrd");
        QVERIFY(run);
        QCOMPARE(run->result.value("phase_source").toString(), QStringLiteral("cif"));
        w.grab().save(QDir(m_shots).filePath("tab-xrd-cif-phase.png"));
    }

    void xrdInSituSeriesBesideItsRecord()
    {
        // The demo's operando series of CS: the heat map on the time axis with the voltage–time curve of
        // the cell's record beside it, found without the user linking it.
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        Project& p = w.document()->project();
        const Id cs = p.sampleByName("CS")->id;
        Id firstScan = 0;
        for (const Dataset* d : p.datasetsOf(cs, Technique::Xrd))
            if (d->metadata().contains("scan_count") && !firstScan) firstScan = d->id();
        QVERIFY(firstScan);
        TechniqueTab* xrd = w.techniqueTab(Technique::Xrd);
        w.tabs()->setCurrentWidget(xrd);
        QVERIFY(xrd->showDataset(firstScan));
        QString kind; // the view's title in the kind chooser
        for (QComboBox* cb : xrd->findChildren<QComboBox*>())
            for (int i = 0; i < cb->count() && kind.isEmpty(); ++i)
                if (cb->itemText(i).contains(QStringLiteral("in-situ series"))) kind = cb->itemText(i);
        QVERIFY(!kind.isEmpty());
        xrd->setCurrentKind(kind);
        QVERIFY(xrd->showDataset(firstScan));
        QVERIFY(w.computeService()->waitForIdle());
        QVERIFY(xrd->setCurrentFigureId(QStringLiteral("heat_map")));
        QTest::qWait(50);
        const FigureSpec& f = xrd->figure();
        QVERIFY(f.heatMap && f.heatMap->isValid());
        QVERIFY2(f.side, "no voltage panel beside the heat map");
        QVERIFY(!f.side->series.empty());
        QComboBox* ref = xrd->findChild<QComboBox*>("param_cycling_dataset");
        QVERIFY(ref);
        QVERIFY2(ref->itemText(0).startsWith(QStringLiteral("automatic")), qPrintable(ref->itemText(0)));
        QStringList items;
        for (int i = 0; i < ref->count(); ++i)
            items << ref->itemText(i);
        QVERIFY2(items.join(" | ").contains(QStringLiteral("in-situ XRD cell")),
                 qPrintable(items.join(" | ")));
        w.grab().save(QDir(m_shots).filePath("tab-xrd-insitu-heat-map.png"));
        QVERIFY(xrd->setCurrentFigureId(QStringLiteral("peak_tracks")));
        QTest::qWait(50);
        QVERIFY(xrd->figure().y2);
        w.grab().save(QDir(m_shots).filePath("tab-xrd-insitu-tracks.png"));
    }

    void editsAreUndoableAndReplot()
    {
        MainWindow w;
        w.show();
        w.openDemo();
        Project& p = w.document()->project();
        const Id cs = p.sampleByName("CS")->id;
        p.undoStack()->push(new EditSampleCommand(&p, cs, SampleField::Color, QColor("#000000")));
        const auto& series = w.techniqueTab(Technique::Tga)->figure().series;
        QCOMPARE(series.front().color, QColor("#000000"));
        QVERIFY(w.isWindowModified());
        p.undoStack()->undo();
        QCOMPARE(w.techniqueTab(Technique::Tga)->figure().series.front().color, QColor("#E69F00"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
