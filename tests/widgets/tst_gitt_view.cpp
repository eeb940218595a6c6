// The GITT analysis in the electrochemistry tab of the demo: its view (titled by the analysis, since the
// demo holds several of the types it reads, not by the list of them) lists the GITT records, shows the
// stored runs of the four samples (log D against voltage, all samples overlaid) and the transient of
// the current sample with its pulses. A GITT run from a BioLogic .mpr (a cycling_record, beside the
// cycling analysis of the same record) gets a view of its own, titled by the record's type and the
// analysis. Screenshots go to $VANADIS_SCREENSHOT_DIR (or a temporary folder).
#include "../core/MprTestWriter.h"
#include "io/ProjectDocument.h"
#include "model/Commands.h"
#include "model/Project.h"
#include "numeric/sim/Electrochem.h"
#include "widgets/MainWindow.h"
#include "widgets/TechniqueTab.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vanadis;

class TestGittView : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void gittViewDrawsTheDemo()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        TechniqueTab* ec = w.techniqueTab(Technique::Echem);
        w.tabs()->setCurrentWidget(ec);
        QComboBox* kinds = nullptr;
        for (QComboBox* c : ec->findChildren<QComboBox*>())
            for (int i = 0; i < c->count(); ++i)
                if (c->itemText(i) == QStringLiteral("GITT diffusion coefficients")) kinds = c;
        QVERIFY2(kinds, "no view of the GITT analysis");
        for (int i = 0; i < kinds->count(); ++i)
            QVERIFY2(!kinds->itemText(i).contains(QStringLiteral(", ")), qPrintable(kinds->itemText(i)));
        const QString view = QStringLiteral("GITT diffusion coefficients");
        ec->setCurrentKind(view);
        QCOMPARE(ec->currentKind(), view);
        QVERIFY(ec->setCurrentFigureId(QStringLiteral("d_vs_voltage")));
        QTest::qWait(50);
        QVERIFY(ec->figure().y.logScale);
        QVERIFY2(ec->figure().series.size() >= 4, qPrintable(QString::number(ec->figure().series.size())));
        w.grab().save(QDir(shots).filePath("tab-echem-gitt-d_vs_voltage.png"));
        QVERIFY(ec->setCurrentFigureId(QStringLiteral("gitt_transient")));
        QTest::qWait(50);
        QVERIFY(!ec->figure().spans.empty());
        w.grab().save(QDir(shots).filePath("tab-echem-gitt-transient.png"));
    }

    void gittRecordFromMprHasItsOwnView()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        sim::GittParams gp;
        const sim::SimDataset s = sim::simulateGitt(gp);
        std::vector<double> t, e, i;
        for (const auto& c : s.columns)
            (c.name == "Time" ? t : c.name == "Voltage" ? e : i) = c.values;
        const QString path = m_tmp.filePath(QStringLiteral("gitt.mpr"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(testing::gittMpr(0x04, t, e, i));
        f.close();
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Project& p = w.document()->project();
        const Sample sample = makeSample(p.allocateId(), QStringLiteral("HMCS"), 0);
        p.undoStack()->push(new AddSampleCommand(&p, sample));
        w.importFiles({path}, sample.id);
        TechniqueTab* ec = w.techniqueTab(Technique::Echem);
        w.tabs()->setCurrentWidget(ec);
        QStringList titles;
        for (QComboBox* c : ec->findChildren<QComboBox*>())
            for (int k = 0; k < c->count(); ++k)
                if (c->itemText(k).startsWith(QStringLiteral("Cycling record"))) titles << c->itemText(k);
        const QString view = QStringLiteral("Cycling record — GITT diffusion coefficients");
        // The record itself, the cycling analysis (on request, like GITT) and GITT: three views, none
        // with the title of another.
        QCOMPARE(titles, (QStringList{QStringLiteral("Cycling record"),
                                      QStringLiteral("Cycling record — Galvanostatic cycling"), view}));
        ec->setCurrentKind(view);
        QCOMPARE(ec->currentKind(), view);
        QVERIFY(ec->setCurrentFigureId(QStringLiteral("gitt_transient")));
        QTest::qWait(100);
        w.grab().save(QDir(shots).filePath("tab-echem-gitt-from-mpr.png"));
    }
};

QTEST_MAIN(TestGittView)
#include "tst_gitt_view.moc"
