// The circuit preview under the circuit field of the EIS parameter form (drawn from the parse tree;
// an invalid string shows the parser's error at its character). Screenshots go to $VANADIS_SCREENSHOT_DIR (or
// a temporary folder).
#include "analysis/echem/EisAnalysis.h"
#include "widgets/ParamForm.h"
#include "widgets/echem/CircuitPreview.h"

#include <QDir>
#include <QLineEdit>
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
};

QTEST_MAIN(TestEisView)
#include "tst_eis_view.moc"
