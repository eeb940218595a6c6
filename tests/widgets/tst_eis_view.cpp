// The circuit preview under the circuit field of the EIS parameter form (drawn from the parse tree;
// an invalid string shows the parser's error at its character). Screenshots go to $VANADIS_SCREENSHOT_DIR (or
// a temporary folder).
#include "analysis/echem/EisAnalysis.h"
#include "widgets/MainWindow.h"
#include "widgets/ParamForm.h"
#include "widgets/TechniqueTab.h"
#include "widgets/echem/CircuitPreview.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vanadis;

class TestEisView : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void circuitPreviewFollowsTheField()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        ParamForm form;
        form.setSchema(eisSchema());
        form.resize(520, 420);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* field = form.findChild<QLineEdit*>(QStringLiteral("param_circuit"));
        auto* preview = form.findChild<CircuitPreview*>(QStringLiteral("preview_circuit"));
        QVERIFY(field && preview);
        field->setText(QStringLiteral("R0-p(R1,CPE1)-p(R2-Wo2,C2)-L0"));
        QVERIFY(preview->errorText().isEmpty());
        QVERIFY(preview->sizeHint().height() > 60); // two stacked branches
        QTest::qWait(30);
        form.grab().save(QDir(shots).filePath("eis-circuit-preview.png"));
        field->setText(QStringLiteral("R0-p(R1,CPE1-W1"));
        QVERIFY(!preview->errorText().isEmpty());
        QVERIFY(preview->errorCharacter() > 0);
        QTest::qWait(30);
        form.grab().save(QDir(shots).filePath("eis-circuit-preview-error.png"));
        field->setText(QStringLiteral("R0-p(R1,X1)"));
        QCOMPARE(preview->errorCharacter(), 9);
    }

    void drtAndRctFiguresOfTheDemo()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        MainWindow w;
        w.resize(1400, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDemo();
        TechniqueTab* ec = w.techniqueTab(Technique::Echem);
        w.tabs()->setCurrentWidget(ec);
        // The view of the EIS analysis: the one offering the DRT figure (by index: the raw spectra's
        // view has the same title).
        bool found = false;
        QStringList seen;
        for (QComboBox* c : ec->findChildren<QComboBox*>())
            for (int i = 0; i < c->count() && !found; ++i) {
                seen << c->itemText(i);
                c->setCurrentIndex(i);
                found = ec->setCurrentFigureId(QStringLiteral("drt"));
            }
        QVERIFY2(found, qPrintable(seen.join(" | ")));
        QTRY_VERIFY_WITH_TIMEOUT(!ec->figure().series.empty(), 10000);
        QVERIFY(ec->figure().x.logScale);
        QTest::qWait(300);
        qInfo("drt figure: %zu series", ec->figure().series.size());
        w.grab().save(QDir(shots).filePath("tab-echem-eis-drt.png"));
        QVERIFY(ec->setCurrentFigureId(QStringLiteral("eis_rct_cycles")));
        QTest::qWait(300);
        // Four samples × spectra after 1, 10 and 100 cycles: a line per sample, Rct falling with cycling
        // as in the study.
        int lines = 0;
        for (const FigureSeries& s : ec->figure().series)
            if (s.inLegend) {
                ++lines;
                QCOMPARE(s.x, (std::vector<double>{1, 10, 100}));
                QVERIFY(s.y[0] > s.y[2]);
            }
        QCOMPARE(lines, 4);
        w.grab().save(QDir(shots).filePath("tab-echem-eis-rct-cycles.png"));
    }
};

QTEST_MAIN(TestEisView)
#include "tst_eis_view.moc"
