// The XPS parameter form with the custom model: the component table shows a preset's rows (as the
// rows of xpsRowsFromModel), rows are added and removed from the table's context menu, and the form's
// values give the same model back; "Start from preset" fills the table. Screenshot to $VANADIS_SCREENSHOT_DIR
// (or a temporary folder).
#include "analysis/xps/XpsAnalysis.h"
#include "analysis/xps/XpsModelRows.h"
#include "numeric/xps/XpsPresets.h"
#include "widgets/ParamForm.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QScrollArea>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vanadis;

class TestXpsModelForm : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void componentTableEditsTheModel()
    {
        const QString shots = qEnvironmentVariable("VANADIS_SCREENSHOT_DIR", m_tmp.path());
        QDir().mkpath(shots);
        QScrollArea area;
        auto* owned = new ParamForm; // the scroll area owns it
        ParamForm& form = *owned;
        form.setSchema(xpsSchema());
        QJsonObject values = xpsRowsToJson(xpsRowsFromModel(*xps::preset("study_v2p_o1s")));
        values.insert("model", "custom");
        form.setValues(values);
        area.setWidget(owned);
        area.setWidgetResizable(true);
        area.resize(1100, 1000);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("param_components"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 7);
        // The form's values are the preset's model again.
        auto rows = xpsRowsFromJson(form.values());
        QVERIFY2(rows, rows ? "" : rows.error().message().c_str());
        auto spec = xpsModelFromRows(*rows);
        QVERIFY2(spec, spec ? "" : spec.error().message().c_str());
        QCOMPARE(spec->components.size(), std::size_t(7));
        QCOMPARE(spec->components[1].area.tie, std::string("V3_a_area * 0.5"));
        QCOMPARE(spec->components[1].center.tie, std::string("V3_a_center + split_V2p"));
        QCOMPARE(spec->auxiliary.size(), std::size_t(2));
        QTest::qWait(30);
        area.grab().save(QDir(shots).filePath("xps-component-table.png"));
        // Add a row after the last one, name it, and remove it again.
        auto* add = table->findChild<QAction*>(QStringLiteral("addRow"));
        auto* remove = table->findChild<QAction*>(QStringLiteral("removeRow"));
        QVERIFY(add && remove);
        table->setCurrentCell(6, 0);
        add->trigger();
        QCOMPARE(table->rowCount(), 8);
        table->setItem(7, 0, new QTableWidgetItem("Na"));
        table->setItem(7, 3, new QTableWidgetItem(QLocale().toString(535.0)));
        auto more = xpsRowsFromJson(form.values());
        QVERIFY2(more, more ? "" : more.error().message().c_str());
        QCOMPARE(more->components.size(), std::size_t(8));
        QCOMPARE(more->components[7].name, QStringLiteral("Na"));
        QCOMPARE(more->components[7].centerEv, 535.0);
        QCOMPARE(more->components[7].shape, QStringLiteral("gl"));
        table->setCurrentCell(7, 0);
        remove->trigger();
        QCOMPARE(table->rowCount(), 7);
    }

    /// Picking "Start from preset" fills the table with that preset's rows and switches to the custom
    /// model, in one reported edit.
    void startFromPresetFillsTheTable()
    {
        ParamForm form;
        form.setSchema(xpsSchema());
        form.setValues({});
        QJsonObject reported;
        connect(&form, &ParamForm::edited, &form, [&](const QJsonObject& v, int) { reported = v; });
        auto* start = form.findChild<QComboBox*>(QStringLiteral("param_start_from_preset"));
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("param_components"));
        QVERIFY(start && table);
        QCOMPARE(table->rowCount(), 0);
        start->setCurrentIndex(start->findData(QStringLiteral("literature_v_oxides")));
        QCOMPARE(table->rowCount(), 8); // V5+, V4+, V3+ doublets, O lattice, OH
        QCOMPARE(reported.value("model").toString(), QStringLiteral("custom"));
        QCOMPARE(reported.value("components").toArray().size(), 8);
        auto rows = xpsRowsFromJson(reported);
        QVERIFY(rows);
        auto spec = xpsModelFromRows(*rows);
        QVERIFY2(spec, spec ? "" : spec.error().message().c_str());
        QCOMPARE(spec->ratios.size(), std::size_t(3));
        // The tied 2p1/2 start is shown where its tie puts it (7.4 eV above 2p3/2).
        QCOMPARE(rows->components[1].centerEv, 517.2 + 7.4);
    }
};

QTEST_MAIN(TestXpsModelForm)
#include "tst_xps_model_form.moc"
