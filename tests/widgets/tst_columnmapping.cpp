// The generic delimited-text import wizard: detection shown in the controls, column edits reaching
// ImportOptions, the options reading the file through DelimitedTextImporter, errors that disable
// Import instead of guessing, and the remembered delimiter/decimal choice.

#include "io/import/DelimitedTextImporter.h"
#include "widgets/ColumnMappingDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>

using namespace vanadis;

namespace {

/// A German potentiostat export: semicolons, decimal commas, units in parentheses.
QString germanText(int rows = 30)
{
    QString t = QStringLiteral("Zeit (s);Spannung (V);Strom (mA)\n");
    for (int i = 0; i < rows; ++i)
        t += QStringLiteral("%1;%2;%3\n")
                 .arg(i)
                 .arg(QString::number(3.25 + 0.01 * i, 'f', 2).replace('.', ','))
                 .arg(QString::number(i % 2 ? 0.5 : -0.5, 'f', 2).replace('.', ','));
    return t;
}

template <class W>
W* child(const QWidget& dialog, const QString& name)
{
    W* w = dialog.findChild<W*>(name);
    if (!w) qFatal("no child %s", qPrintable(name));
    return w;
}

QPushButton* okButton(const QWidget& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

/// Chooses like a user does: `activated` is what marks a combo as the user's choice.
void choose(QComboBox* combo, const QVariant& data)
{
    int i = combo->findData(data);
    if (i < 0) i = combo->findText(data.toString()); // items without data, e.g. the kinds
    QVERIFY(i >= 0);
    combo->setCurrentIndex(i);
    emit combo->activated(i);
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Tab); // editingFinished
}

} // namespace

class TestColumnMapping : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VanadisTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_columnmapping"));
    }
    void init() { QSettings().remove(QStringLiteral("import")); }

    void germanSemicolonDecimalComma();
    void wrongDelimiterShowsErrorAndKeepsEdits();
    void textWithoutNumbersIsAnError();
    void englishHeaderPreselectsTechnique();
    void missingUnitsAreNamed();
    void headerRowsOverride();
    void remembersDelimiterAndDecimal();
    void tabOrderFollowsColumns();
    void wideFileScrollsEditorsWithPreview();
    void screenshot();
};

void TestColumnMapping::germanSemicolonDecimalComma()
{
    const QString text = germanText();
    ColumnMappingDialog dlg(QStringLiteral("/data/zelle_1.csv"), text);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));

    QVERIFY(dlg.layout().has_value());
    QCOMPARE(dlg.layout()->delimiter, QChar(';'));
    QVERIFY(dlg.layout()->decimalComma);
    QCOMPARE(dlg.layout()->headerRows, 1);
    QCOMPARE(dlg.layout()->columnCount, 3);
    QVERIFY(dlg.errorText().isEmpty());
    QVERIFY(!child<QLabel>(dlg, "errorLabel")->isVisibleTo(&dlg));
    // "Auto" says what it found.
    QVERIFY(child<QComboBox>(dlg, "delimiter")->currentText().contains("semicolon"));
    QVERIFY(child<QComboBox>(dlg, "decimal")->currentText().contains("comma"));
    QCOMPARE(child<QSpinBox>(dlg, "headerRows")->text(), QStringLiteral("Auto (1)"));

    // Preview: the first 20 data rows, as text.
    auto* preview = child<QTableWidget>(dlg, "preview");
    QCOMPARE(preview->rowCount(), 20);
    QCOMPARE(preview->columnCount(), 3);
    QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("3,25"));

    // Names and units from the header.
    QCOMPARE(child<QLineEdit>(dlg, "quantity0")->text(), QStringLiteral("Zeit"));
    QCOMPARE(child<QComboBox>(dlg, "unit0")->currentText(), QStringLiteral("s"));
    QCOMPARE(child<QComboBox>(dlg, "unit1")->currentText(), QStringLiteral("V"));
    QCOMPARE(child<QComboBox>(dlg, "unit2")->currentText(), QStringLiteral("mA"));

    // The technique is preselected by DelimitedTextImporter::guessTechnique, which knows English
    // column names only: German names must not produce a silent guess, so Import waits for a choice.
    auto* technique = child<QComboBox>(dlg, "technique");
    if (const auto guess = DelimitedTextImporter::guessTechnique({"Zeit", "Spannung", "Strom"})) {
        QCOMPARE(technique->currentData().toInt(), int(guess->first));
    } else {
        QCOMPARE(technique->currentIndex(), -1);
        QVERIFY(!okButton(dlg)->isEnabled());
        QVERIFY(child<QLabel>(dlg, "warningLabel")->text().contains("technique"));
    }
    choose(technique, int(Technique::Echem));
    QVERIFY(okButton(dlg)->isEnabled());
    auto* kind = child<QComboBox>(dlg, "kind");
    QVERIFY(kind->findText("gcd") >= 0);
    QVERIFY(kind->findText("eis") >= 0);
    retype(kind->lineEdit(), "gcd");

    // Leave out the time column, rename the voltage and give it a unit the list does not offer.
    child<QCheckBox>(dlg, "import0")->click();
    QVERIFY(!child<QCheckBox>(dlg, "import0")->isChecked());
    retype(child<QLineEdit>(dlg, "quantity1"), "Potential");
    retype(child<QComboBox>(dlg, "unit1")->lineEdit(), "V vs Li/Li+");
    // The unit list follows the quantity: a potential is offered volts first.
    QCOMPARE(child<QComboBox>(dlg, "unit1")->itemText(0), QStringLiteral("V"));

    const ImportOptions o = dlg.options();
    QCOMPARE(o.technique, std::optional<Technique>(Technique::Echem));
    QCOMPARE(o.kind, QStringLiteral("gcd"));
    QCOMPARE(o.format, QStringLiteral("generic-delimited"));
    QVERIFY(!o.delimited.delimiter); // Auto stays Auto: read() detects the same layout
    QVERIFY(!o.delimited.decimalComma);
    QVERIFY(!o.delimited.headerRows);
    QCOMPARE(o.delimited.mapping.size(), size_t(2));
    QCOMPARE(o.delimited.mapping[0].sourceColumn, 1);
    QCOMPARE(o.delimited.mapping[0].quantity, QStringLiteral("Potential"));
    QCOMPARE(o.delimited.mapping[0].unit, QStringLiteral("V vs Li/Li+"));
    QCOMPARE(o.delimited.mapping[1].sourceColumn, 2);
    QCOMPARE(o.delimited.mapping[1].quantity, QStringLiteral("Strom"));
    QCOMPARE(o.delimited.mapping[1].unit, QStringLiteral("mA"));

    // The options read the file.
    auto read = DelimitedTextImporter().read(text.toUtf8(), QStringLiteral("zelle_1.csv"), o);
    QVERIFY2(read.has_value(), read ? "" : read.error().message().c_str());
    QCOMPARE(read->size(), size_t(1));
    const ImportedDataset& ds = read->front();
    QCOMPARE(ds.technique, Technique::Echem);
    QCOMPARE(ds.kind, QStringLiteral("gcd"));
    QCOMPARE(ds.columns.size(), size_t(2));
    QCOMPARE(ds.columns[0].name, QStringLiteral("Potential"));
    QCOMPARE(ds.columns[0].unit, QStringLiteral("V vs Li/Li+"));
    QCOMPARE(ds.columns[1].name, QStringLiteral("Strom"));
    QCOMPARE(ds.columns[1].unit, QStringLiteral("mA"));
    QCOMPARE(ds.columns[0].values.size(), size_t(30));
    QCOMPARE(ds.columns[0].values[0], 3.25);
    QCOMPARE(ds.columns[0].values[29], 3.54);
    QCOMPARE(ds.columns[1].values[0], -0.5);
    QCOMPARE(ds.columns[1].values[1], 0.5);
}

void TestColumnMapping::wrongDelimiterShowsErrorAndKeepsEdits()
{
    ColumnMappingDialog dlg(QStringLiteral("zelle_1.csv"), germanText());
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    choose(child<QComboBox>(dlg, "technique"), int(Technique::Echem));
    retype(child<QLineEdit>(dlg, "quantity1"), "Potential");
    QVERIFY(okButton(dlg)->isEnabled());

    choose(child<QComboBox>(dlg, "delimiter"), "comma");
    QVERIFY(!dlg.layout());
    QVERIFY(!dlg.errorText().isEmpty());
    QVERIFY(child<QLabel>(dlg, "errorLabel")->isVisibleTo(&dlg));
    QCOMPARE(child<QLabel>(dlg, "errorLabel")->text(), dlg.errorText());
    QVERIFY(!okButton(dlg)->isEnabled());
    QCOMPARE(child<QTableWidget>(dlg, "preview")->rowCount(), 0); // no stale preview

    // Back to Auto: the error goes and the user's edits are still there.
    choose(child<QComboBox>(dlg, "delimiter"), "auto");
    QVERIFY(dlg.layout());
    QVERIFY(!child<QLabel>(dlg, "errorLabel")->isVisibleTo(&dlg));
    QVERIFY(okButton(dlg)->isEnabled());
    QCOMPARE(child<QLineEdit>(dlg, "quantity1")->text(), QStringLiteral("Potential"));

    // Forcing a decimal point on decimal-comma data is an error as well.
    choose(child<QComboBox>(dlg, "decimal"), "point");
    QVERIFY(!dlg.layout());
    QVERIFY(!okButton(dlg)->isEnabled());
}

void TestColumnMapping::textWithoutNumbersIsAnError()
{
    ColumnMappingDialog dlg(QStringLiteral("notes.txt"),
                            QStringLiteral("Probe;Bemerkung\nCS;gut\nHCS;Risse\n"));
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    QVERIFY(!dlg.layout());
    QVERIFY(child<QLabel>(dlg, "errorLabel")->isVisibleTo(&dlg));
    QVERIFY(child<QLabel>(dlg, "errorLabel")->text().contains("notes.txt"));
    QVERIFY(!okButton(dlg)->isEnabled());
    QVERIFY(dlg.options().delimited.mapping.empty());

    ColumnMappingDialog empty(QStringLiteral("empty.csv"), QString());
    QVERIFY(!empty.layout());
    QVERIFY(!okButton(empty)->isEnabled());
}

void TestColumnMapping::englishHeaderPreselectsTechnique()
{
    ColumnMappingDialog dlg(QStringLiteral("cv.csv"),
                            QStringLiteral("Time (s),Voltage (V),Current (mA)\n0,3.25,0.1\n1,3.30,0.2\n"));
    QCOMPARE(dlg.layout()->delimiter, QChar(','));
    QVERIFY(!dlg.layout()->decimalComma);
    QCOMPARE(child<QComboBox>(dlg, "technique")->currentData().toInt(), int(Technique::Echem));
    QCOMPARE(child<QComboBox>(dlg, "kind")->currentText(), QStringLiteral("cv"));
    QVERIFY(okButton(dlg)->isEnabled());
    QCOMPARE(dlg.options().technique, std::optional<Technique>(Technique::Echem));
}

void TestColumnMapping::missingUnitsAreNamed()
{
    ColumnMappingDialog dlg(QStringLiteral("xrd.txt"),
                            QStringLiteral("2Theta\tIntensity\n10.00\t120\n10.02\t125\n"));
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    QCOMPARE(dlg.layout()->delimiter, QChar('\t'));
    QCOMPARE(child<QComboBox>(dlg, "technique")->currentData().toInt(), int(Technique::Xrd));
    QCOMPARE(child<QComboBox>(dlg, "kind")->currentText(), QStringLiteral("pattern"));
    auto* unit0 = child<QComboBox>(dlg, "unit0");
    QVERIFY(unit0->currentText().isEmpty());
    QCOMPARE(unit0->lineEdit()->placeholderText(), QStringLiteral("unit?"));
    QCOMPARE(unit0->itemText(0), QStringLiteral("deg")); // suggested for 2Theta
    QCOMPARE(dlg.columnsWithoutUnit(), (QList<int>{0, 1}));
    auto* warning = child<QLabel>(dlg, "warningLabel");
    QVERIFY(warning->isVisibleTo(&dlg));
    QVERIFY(warning->text().contains("1 (2Theta)"));
    QVERIFY(warning->text().contains("2 (Intensity)"));
    QVERIFY(okButton(dlg)->isEnabled()); // a warning, not a block

    unit0->setCurrentIndex(unit0->findText("deg"));
    retype(child<QComboBox>(dlg, "unit1")->lineEdit(), "counts");
    QVERIFY(dlg.columnsWithoutUnit().isEmpty());
    QVERIFY(!warning->isVisibleTo(&dlg));
    QCOMPARE(dlg.options().delimited.mapping[0].unit, QStringLiteral("deg"));
    QCOMPARE(dlg.options().delimited.mapping[1].unit, QStringLiteral("counts"));
}

void TestColumnMapping::headerRowsOverride()
{
    ColumnMappingDialog dlg(QStringLiteral("zelle_1.csv"), germanText(5));
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    auto* rows = child<QSpinBox>(dlg, "headerRows");
    rows->setValue(0);
    QVERIFY(dlg.layout());
    QCOMPARE(dlg.layout()->headerRows, 0);
    QCOMPARE(child<QLineEdit>(dlg, "quantity0")->text(), QStringLiteral("Column 1"));
    QCOMPARE(child<QTableWidget>(dlg, "preview")->item(0, 0)->text(), QStringLiteral("Zeit (s)"));
    QVERIFY(child<QLabel>(dlg, "warningLabel")->text().contains("not a number"));
    QCOMPARE(dlg.options().delimited.headerRows, std::optional<int>(0));

    rows->setValue(-1); // Auto
    QCOMPARE(dlg.layout()->headerRows, 1);
    QCOMPARE(child<QLineEdit>(dlg, "quantity0")->text(), QStringLiteral("Zeit"));
    QVERIFY(!dlg.options().delimited.headerRows);
}

void TestColumnMapping::remembersDelimiterAndDecimal()
{
    {
        ColumnMappingDialog dlg(QStringLiteral("zelle_1.csv"), germanText());
        choose(child<QComboBox>(dlg, "delimiter"), "semicolon");
        choose(child<QComboBox>(dlg, "decimal"), "comma");
        dlg.accept();
    }
    ColumnMappingDialog again(QStringLiteral("zelle_2.csv"), germanText());
    QCOMPARE(child<QComboBox>(again, "delimiter")->currentData().toString(), QStringLiteral("semicolon"));
    QCOMPARE(child<QComboBox>(again, "decimal")->currentData().toString(), QStringLiteral("comma"));
    QVERIFY(again.layout());
    QCOMPARE(again.options().delimited.delimiter, std::optional<QChar>(QChar(';')));
    QCOMPARE(again.options().delimited.decimalComma, std::optional<bool>(true));

    // Cancel does not change the remembered choice.
    choose(child<QComboBox>(again, "delimiter"), "tab");
    again.reject();
    QCOMPARE(QSettings().value("import/delimiter").toString(), QStringLiteral("semicolon"));
}

void TestColumnMapping::tabOrderFollowsColumns()
{
    ColumnMappingDialog dlg(QStringLiteral("zelle_1.csv"), germanText());
    dlg.show();
    QVERIFY(QTest::qWaitForWindowActive(&dlg));
    // An editable combo's line edit holds the focus on behalf of the combo.
    auto focused = []() -> QWidget* {
        QWidget* f = QApplication::focusWidget();
        if (f && qobject_cast<QComboBox*>(f->parentWidget())) return f->parentWidget();
        return f;
    };
    child<QComboBox>(dlg, "kind")->setFocus();
    QCOMPARE(focused(), child<QComboBox>(dlg, "kind"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the tab bar of Columns / File text
    QVERIFY(qobject_cast<QTabBar*>(focused()));
    // Then the editors, column by column: import, quantity, unit.
    for (const char* name : {"import0", "quantity0", "unit0", "import1", "quantity1", "unit1", "import2"}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), QString::fromLatin1(name));
        QVERIFY(!focused()->accessibleName().isEmpty());
    }
}

void TestColumnMapping::wideFileScrollsEditorsWithPreview()
{
    QString wide = QStringLiteral("a;b;c;d;e;f;g;h;i;j;k;l\n");
    for (int i = 0; i < 30; ++i)
        wide += QStringLiteral("1;2;3;4;5;6;7;8;9;10;11;12\n");
    ColumnMappingDialog dlg(QStringLiteral("wide.csv"), wide);
    dlg.resize(700, 500);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowActive(&dlg));
    auto* editors = child<QTableWidget>(dlg, "columnEditors");
    auto* preview = child<QTableWidget>(dlg, "preview");
    QScrollBar* top = editors->horizontalScrollBar();
    QScrollBar* data = preview->horizontalScrollBar();
    QVERIFY(data->maximum() > 0);
    QCOMPARE(top->maximum(), data->maximum()); // same range, or the last columns would not line up
    for (int c = 0; c < 11; ++c)
        QCOMPARE(editors->columnWidth(c), preview->columnWidth(c));
    data->setValue(data->maximum());
    QCOMPARE(top->value(), data->maximum());
    // Tabbing to an editor out of view scrolls both back to its column.
    child<QLineEdit>(dlg, "quantity0")->setFocus();
    QCOMPARE(data->value(), 0);
    QCOMPARE(top->value(), 0);
    QVERIFY(child<QLabel>(dlg, "warningLabel")->text().contains("12 columns in all"));
}

void TestColumnMapping::screenshot()
{
    QString text = QStringLiteral("# Potentiostat export, cell CS-1\n# mass 1.20 mg\n");
    text += QStringLiteral("Zeit (s);Spannung (V);Strom (mA);Ladung;Zyklus\n");
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("%1;%2;%3;%4;1\n")
                    .arg(i * 10)
                    .arg(QString::number(3.25 - 0.012 * i, 'f', 3).replace('.', ','))
                    .arg(QStringLiteral("0,120"))
                    .arg(QString::number(0.00033 * i, 'f', 5).replace('.', ','));
    ColumnMappingDialog dlg(QStringLiteral("/data/CS-1_gcd.csv"), text);
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    choose(child<QComboBox>(dlg, "technique"), int(Technique::Echem));
    choose(child<QComboBox>(dlg, "kind"), "gcd");
    child<QCheckBox>(dlg, "import4")->click(); // the cycle number is not a measured quantity
    QTest::qWait(50);
    QVERIFY(dlg.grab().save(QStringLiteral("/tmp/vanadis-columnmapping.png")));
}

QTEST_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
