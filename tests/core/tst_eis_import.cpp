// Impedance and CV readers (Gamry .DTA, ZPlot/ZView .z, frequency/Z'/Z'' CSV).
//  - Every real Gamry, ZView and EIS-CSV file under $VANADIS_TESTDATA/echem (else
//    VANADIS_TESTDATA_DEFAULT; skipped when absent): recognised by content, parsed completely (row counts
//    and first/last values read off the file text by hand), the aborted file imported with its warning.
//  - Generated files and their variants: decimal comma, Latin-1 units, a sign-flipped CSV, and the bad
//    inputs (empty table, a row cut short, zero or repeated frequencies, unknown experiment): an Error
//    naming the file and the line, never a crash, never a partial dataset.
#include "../TestData.h"
#include "io/import/ImporterRegistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

using testing::testdataDir;

#define VERIFY_NEAR(a, b, tol)                                                                               \
    QVERIFY2(std::abs((a) - (b)) <= (tol), qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4")            \
                                                          .arg(#a)                                           \
                                                          .arg((a), 0, 'g', 12)                              \
                                                          .arg((b), 0, 'g', 12)                              \
                                                          .arg(tol)))

const std::vector<double>& col(const ImportedDataset& d, const QString& name)
{
    for (const Column& c : d.columns)
        if (c.name == name) return c.values;
    static const std::vector<double> none;
    qWarning("no column %s", qPrintable(name));
    return none;
}

QString unitOf(const ImportedDataset& d, const QString& name)
{
    for (const Column& c : d.columns)
        if (c.name == name) return c.unit;
    return {};
}

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

/// A small Gamry EISPOT file with \a rows (TAB-led rows after the two header lines).
QByteArray gamryEis(const QByteArray& rows, const QByteArray& extra = {})
{
    return "EXPLAIN\r\nTAG\tEISPOT\r\nTITLE\tLABEL\tPotentiostatic EIS\tTest &Identifier\r\n"
           "EOC\tQUANT\t0,25\tOpen Circuit (V)\r\n" +
           extra +
           "ZCURVE\tTABLE\r\n\tPt\tTime\tFreq\tZreal\tZimag\tZsig\tZmod\tZphz\tIdc\tVdc\tIERange\r\n"
           "\t#\ts\tHz\tohm\tohm\tV\tohm\t\xB0\tA\tV\t#\r\n" +
           rows;
}

} // namespace

class TestEchemImport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return p;
    }
    QString real(const QString& relative)
    {
        const QString p = QDir(testdataDir()).filePath(QStringLiteral("echem/") + relative);
        return QFile::exists(p) ? p : QString();
    }

private Q_SLOTS:
    void realGamryCv();
    void realGamryEis_data();
    void realGamryEis();
    void realGamryAbortedEis();
    void realZview();
    void realEisCsv_data();
    void realEisCsv();
    void otherEchemFilesAreNotClaimed();
    void generatedGamryVariants();
    void generatedGamryErrors();
    void truncatedRealFiles();
    void generatedCsvSignsAndErrors();
    void generatedZviewErrors();
};

void TestEchemImport::realGamryCv()
{
    const QString p = real("gamry/gamryparser_cv_data_trimmed.dta");
    if (p.isEmpty()) QSKIP("test data absent");
    auto r = parseFile(p);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("gamry-dta"));
    QCOMPARE(r->datasets.size(), std::size_t(1));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(d.kind, QStringLiteral("cv"));
    QCOMPARE(d.technique, Technique::Echem);
    QCOMPARE(col(d, "Potential").size(), std::size_t(50)); // 5 CURVEn tables × 10 rows
    QCOMPARE(unitOf(d, "Current"), QStringLiteral("mA"));
    VERIFY_NEAR(col(d, "Time").front(), 0.1, 0.0);
    VERIFY_NEAR(col(d, "Potential").front(), 0.49, 0.0);
    VERIFY_NEAR(col(d, "Current").front(), 7.80498e-6, 1e-18); // 7.80498E-009 A
    VERIFY_NEAR(col(d, "Time").back(), 601.1, 0.0);
    VERIFY_NEAR(col(d, "Potential").back(), 0.889001, 0.0);
    VERIFY_NEAR(col(d, "Current").back(), 2.62272e-4, 1e-16);
    QCOMPARE(col(d, "Cycle").front(), 1.0);
    QCOMPARE(col(d, "Cycle")[10], 2.0);
    QCOMPARE(col(d, "Cycle").back(), 5.0);
    VERIFY_NEAR(d.metadata.value("scan_rate_mv_s").toDouble(), 1.23456, 1e-12);
    QCOMPARE(d.metadata.value("date").toString(), QStringLiteral("3/6/2019"));
    QCOMPARE(d.metadata.value("notes").toString(), QStringLiteral("test-notes-data"));
    QVERIFY(importWarnings(d).isEmpty());
}

void TestEchemImport::realGamryEis_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("points");
    QTest::addColumn<QList<double>>("first"); // f, Z', Z''
    QTest::addColumn<QList<double>>("last");
    QTest::addColumn<double>("eoc");
    QTest::newRow("impedance.py EISPOT (387-row OCV table first)")
        << "gamry/impedancepy_exampleDataGamry_EISPOT.DTA" << 72
        << QList<double>{200015.6, 825.8584, -1367.239} << QList<double>{0.0158898, 17007.49, -6635.557}
        << -0.2919803;
    QTest::newRow("gamry-parser trimmed (space-separated rows)")
        << "gamry/gamryparser_eispot_data_trimmed.dta" << 10 << QList<double>{10000, 224.6075, -3.767681}
        << QList<double>{0.5, 226.885, -7.053867} << 0.1358522;
}

void TestEchemImport::realGamryEis()
{
    QFETCH(QString, file);
    QFETCH(int, points);
    QFETCH(QList<double>, first);
    QFETCH(QList<double>, last);
    QFETCH(double, eoc);
    const QString p = real(file);
    if (p.isEmpty()) QSKIP("test data absent");
    auto r = parseFile(p);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("gamry-dta"));
    QCOMPARE(r->datasets.size(), std::size_t(1));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(d.kind, QStringLiteral("eis"));
    QCOMPARE(int(col(d, "Frequency").size()), points);
    VERIFY_NEAR(col(d, "Frequency").front(), first[0], 0.0);
    VERIFY_NEAR(col(d, "Z'").front(), first[1], 0.0);
    VERIFY_NEAR(col(d, "Z''").front(), first[2], 0.0);
    VERIFY_NEAR(col(d, "Frequency").back(), last[0], 0.0);
    VERIFY_NEAR(col(d, "Z'").back(), last[1], 0.0);
    VERIFY_NEAR(col(d, "Z''").back(), last[2], 0.0);
    VERIFY_NEAR(col(d, "|Z|").front(), std::hypot(first[1], first[2]), 1e-9);
    QVERIFY(col(d, "Phase").front() < 0);
    QCOMPARE(col(d, "Zsig").size(), std::size_t(points));
    VERIFY_NEAR(d.metadata.value("open_circuit_v").toDouble(), eoc, 1e-12);
    QVERIFY(!d.metadata.value("aborted").toBool());
}

void TestEchemImport::realGamryAbortedEis()
{
    const QString p = real("gamry/impedancepy_exampleDataGamryABORT_EISPOT.DTA");
    if (p.isEmpty()) QSKIP("test data absent");
    auto r = parseFile(p);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    const ImportedDataset& d = r->datasets[0];
    // ZCURVE rows 0…71 precede EXPERIMENTABORTED; the FRACURVE after it is not impedance data.
    QCOMPARE(col(d, "Frequency").size(), std::size_t(72));
    VERIFY_NEAR(col(d, "Frequency").back(), 0.0158898, 0.0);
    QVERIFY(d.metadata.value("aborted").toBool());
    const QStringList w = importWarnings(d);
    QVERIFY2(w.join(' ').contains("aborted") && w.join(' ').contains("72 points"), qPrintable(w.join('\n')));
    QVERIFY(r->warnings.join(' ').contains("aborted"));
}

void TestEchemImport::realZview()
{
    const QString p = real("zview/impedancepy_exampleDataZPlot.z");
    if (p.isEmpty()) QSKIP("test data absent");
    auto r = parseFile(p);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("zview-z"));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(d.kind, QStringLiteral("eis"));
    QCOMPARE(col(d, "Frequency").size(), std::size_t(21)); // lines 124–144
    VERIFY_NEAR(col(d, "Frequency").front(), 3.0e5, 0.0);
    VERIFY_NEAR(col(d, "Z'").front(), 147.77, 0.0);
    VERIFY_NEAR(col(d, "Z''").front(), -11.335, 0.0);
    VERIFY_NEAR(col(d, "Frequency").back(), 3000.0, 0.0);
    VERIFY_NEAR(col(d, "Z'").back(), 613.68, 0.0);
    VERIFY_NEAR(col(d, "Z''").back(), -137.13, 0.0);
    QCOMPARE(d.metadata.value("date").toString(), QStringLiteral("10-12-2018"));
}

void TestEchemImport::realEisCsv_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("points");
    QTest::addColumn<QList<double>>("first");
    QTest::addColumn<QString>("sign");
    // 57 of 66 capacitive (negative) values, 9 inductive: read as Z''.
    QTest::newRow("impedance.py example")
        << "eis_csv/impedancepy_exampleData.csv" << 66
        << QList<double>{3.1623e-3, 4.949989776405060160e-02, -2.043869854441892481e-02} << "as read";
    QTest::newRow("pyDRTtools data_1") << "eis_csv/pyDRTtools_data_1.csv" << 107
                                       << QList<double>{999.040405, 0.109963283, 0.003569859} << "as read";
}

void TestEchemImport::realEisCsv()
{
    QFETCH(QString, file);
    QFETCH(int, points);
    QFETCH(QList<double>, first);
    QFETCH(QString, sign);
    const QString p = real(file);
    if (p.isEmpty()) QSKIP("test data absent");
    auto r = parseFile(p);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("eis-csv"));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(int(col(d, "Frequency").size()), points);
    VERIFY_NEAR(col(d, "Frequency").front(), first[0], 1e-15);
    VERIFY_NEAR(col(d, "Z'").front(), first[1], 0.0);
    VERIFY_NEAR(col(d, "Z''").front(), first[2], 0.0);
    QCOMPARE(d.metadata.value("imaginary_sign").toString(), sign);
}

void TestEchemImport::otherEchemFilesAreNotClaimed()
{
    // A BioLogic .mpt is not taken for a CSV spectrum, nor a VersaStudio .par (its own reader,
    // tst_par_import).
    const QString par = real("eis_csv/impedancepy_exampleDataVersaStudio.par");
    const QString mpt = real("biologic/impedancepy_exampleDataBioLogic_PEIS.mpt");
    if (par.isEmpty() || mpt.isEmpty()) QSKIP("test data absent");
    QFile f(mpt);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.read(65536);
    const Importer* i = ImporterRegistry::instance().detect(head, "x.mpt");
    QVERIFY(!i || (i->id() != "eis-csv" && i->id() != "gamry-dta" && i->id() != "zview-z"));
    auto r = parseFile(par);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("versastudio-par"));
}

void TestEchemImport::generatedGamryVariants()
{
    // Decimal comma, Latin-1 degree sign, header keys after the table, a row count on the TABLE line.
    const QByteArray rows = "\t0\t1\t1000\t100,5\t-20,25\t1\t102\t-11,4\t0\t0\t9\r\n"
                            "\t1\t2\t100\t120,5\t-40,5\t1\t126\t-18,6\t0\t0\t9\r\n"
                            "\t2\t3\t10\t150\t-30\t1\t153\t-11,3\t0\t0\t9\r\n"
                            "FRAMEWORK-VERSION\tLABEL\t7.8\tFramework Version\r\n";
    auto r = parseFile(write("comma.DTA", gamryEis(rows)));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(col(d, "Z'"), (std::vector<double>{100.5, 120.5, 150.0}));
    QCOMPARE(col(d, "Z''"), (std::vector<double>{-20.25, -40.5, -30.0}));
    QCOMPARE(d.metadata.value("framework_version").toString(), QStringLiteral("7.8"));
    VERIFY_NEAR(d.metadata.value("open_circuit_v").toDouble(), 0.25, 1e-12);
    // A CV with a partial last cycle and a row count announcing more rows than there are.
    QByteArray cv = "EXPLAIN\nTAG\tCV\nSCANRATE\tQUANT\t5\tScan Rate (mV/s)\n";
    for (int c = 1; c <= 3; ++c) {
        cv += "CURVE" + QByteArray::number(c) + "\tTABLE" + (c == 3 ? "\t4" : "") +
              "\n\tPt\tT\tVf\tIm\tVu\tSig\tAch\tIERange\tOver\tTemp\n\t#\ts\tV vs. "
              "Ref.\tA\tV\tV\tV\t#\tbits\tdeg C\n";
        for (int k = 0; k < (c == 3 ? 2 : 4); ++k)
            cv += "\t" + QByteArray::number(k) + "\t" + QByteArray::number(c * 10 + k) + "\t" +
                  QByteArray::number(1.0 + 0.1 * k) + "\t" + QByteArray::number(1e-3 * k) +
                  "\t0\t0\t0\t5\t....\t25\n";
    }
    auto rc = parseFile(write("cv.DTA", cv));
    QVERIFY2(rc, rc ? "" : qPrintable(msg(rc.error())));
    const ImportedDataset& c = rc->datasets[0];
    QCOMPARE(col(c, "Cycle"), (std::vector<double>{1, 1, 1, 1, 2, 2, 2, 2, 3, 3}));
    VERIFY_NEAR(col(c, "Current")[1], 1.0, 1e-12); // 1e-3 A
    QVERIFY(importWarnings(c).join(' ').contains("announces 4 rows but holds 2"));
    // A chronoamperometry curve.
    const QByteArray chrono =
        "EXPLAIN\nTAG\tCHRONOA\nCURVE\tTABLE\n\tPt\tT\tVf\tIm\tVu\tSig\tAch\tIERange\tOver\n"
        "\t#\ts\tV vs. Ref.\tA\tV\tV\tV\t#\tbits\n\t0\t0.1\t0.5\t2e-3\t0\t0\t0\t5\t...\n"
        "\t1\t0.2\t0.5\t1e-3\t0\t0\t0\t5\t...\n";
    auto rch = parseFile(write("chrono.DTA", chrono));
    QVERIFY2(rch, rch ? "" : qPrintable(msg(rch.error())));
    QCOMPARE(rch->datasets[0].kind, QStringLiteral("chrono"));
    QCOMPARE(col(rch->datasets[0], "Current"), (std::vector<double>{2.0, 1.0}));
}

void TestEchemImport::generatedGamryErrors()
{
    struct Case {
        const char* name;
        QByteArray bytes;
        const char* words;
        const char* location;
    };
    const std::vector<Case> cases = {
        {"empty.DTA", gamryEis(""), "holds no points", "line 5"},
        {"abortedempty.DTA", gamryEis("EXPERIMENTABORTED\tTOGGLE\tT\tExperiment Aborted\r\n"), "aborted",
         "line 5"},
        {"cut.DTA", gamryEis("\t0\t1\t1000\t100\t-20\t1\t102\t-11\t0\t0\t9\r\n\t1\t2\t100\t120\t-4"),
         "cut short", "line 9"},
        {"zero.DTA",
         gamryEis("\t0\t1\t1000\t100\t-20\t1\t102\t-11\t0\t0\t9\r\n\t1\t2\t0\t120\t-4\t1\t1\t1\t0\t0\t9\r\n"),
         "above 0", "line 9"},
        {"dup.DTA",
         gamryEis(
             "\t0\t1\t1000\t100\t-20\t1\t102\t-11\t0\t0\t9\r\n\t1\t2\t1000\t120\t-4\t1\t1\t1\t0\t0\t9\r\n"),
         "already occurs on line 8", "line 9"},
        {"text.DTA", gamryEis("\t0\t1\t1000\tabc\t-20\t1\t102\t-11\t0\t0\t9\r\n"), "abc",
         "line 8, column Zreal"},
        {"unknown.DTA", "EXPLAIN\nTAG\tMYSTERY\nFOO\tQUANT\t1\tfoo\n", "MYSTERY", ""},
        {"notag.DTA", "EXPLAIN\nFOO\tQUANT\t1\tfoo\n", "TAG", ""},
        {"nozcurve.DTA", "EXPLAIN\nTAG\tEISPOT\n", "ZCURVE", ""},
    };
    for (const Case& c : cases) {
        auto r = parseFile(write(c.name, c.bytes));
        QVERIFY2(!r, c.name);
        QVERIFY2(msg(r.error()).contains(c.words), qPrintable(QString(c.name) + ": " + msg(r.error())));
        QCOMPARE(QString::fromStdString(r.error().location), QString(c.location));
        QVERIFY(QString::fromStdString(r.error().file).endsWith(c.name));
    }
}

void TestEchemImport::truncatedRealFiles()
{
    // Every real file cut inside its data at several places: an error naming a line, or (when the cut
    // falls on a row boundary) fewer points with the "may have been cut short" warning — never a crash.
    for (const char* rel :
         {"gamry/impedancepy_exampleDataGamry_EISPOT.DTA", "gamry/gamryparser_cv_data_trimmed.dta",
          "zview/impedancepy_exampleDataZPlot.z", "eis_csv/impedancepy_exampleData.csv"}) {
        const QString p = real(rel);
        if (p.isEmpty()) QSKIP("test data absent");
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        auto full = parseFile(p);
        QVERIFY(full);
        const std::size_t n = full->datasets[0].columns[0].values.size();
        for (double frac : {0.93, 0.97, 0.991}) {
            const QByteArray cut = all.left(qsizetype(all.size() * frac));
            auto r = parseFile(write(QStringLiteral("cut_%1_").arg(frac) + QFileInfo(p).fileName(), cut));
            if (!r) {
                QVERIFY2(QString::fromStdString(r.error().location).startsWith("line"),
                         qPrintable(msg(r.error())));
                continue;
            }
            QVERIFY(r->datasets[0].columns[0].values.size() <= n);
            QVERIFY2(r->warnings.join(' ').contains("cut short"),
                     qPrintable(QString(rel) + " " + r->warnings.join('|')));
        }
    }
}

void TestEchemImport::generatedCsvSignsAndErrors()
{
    QByteArray plus = "frequency (Hz);Z' (Ohm);-Z'' (Ohm)\n";
    QByteArray bare;
    for (int k = 0; k < 8; ++k) {
        const double f = std::pow(10.0, 4 - k);
        plus += QByteArray::number(f).replace('.', ',') + ";" + QByteArray::number(10 + k).replace('.', ',') +
                ";" + QByteArray::number(2.5 * (k + 1)).replace('.', ',') + "\n";
        bare += QByteArray::number(f) + "\t" + QByteArray::number(10 + k) + "\t" +
                QByteArray::number(2.5 * (k + 1)) + "\n";
    }
    auto r = parseFile(write("header.csv", plus));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("eis-csv"));
    QCOMPARE(r->datasets[0].metadata.value("imaginary_sign").toString(), QStringLiteral("negated"));
    QCOMPARE(col(r->datasets[0], "Z''")[1], -5.0);
    QVERIFY(r->warnings.join(' ').contains("-Z''"));
    auto rb = parseFile(write("bare.txt", bare));
    QVERIFY2(rb, rb ? "" : qPrintable(msg(rb.error())));
    QCOMPARE(rb->datasets[0].metadata.value("imaginary_sign").toString(), QStringLiteral("negated"));
    QCOMPARE(col(rb->datasets[0], "Z''")[0], -2.5);
    // Zero and repeated frequencies.
    auto rz = parseFile(write("zero.csv", bare + "0\t1\t-1\n"));
    QVERIFY(!rz);
    QCOMPARE(QString::fromStdString(rz.error().location), QStringLiteral("line 9"));
    auto rd = parseFile(write("dup.csv", bare + "10\t1\t-1\n"));
    QVERIFY(!rd);
    QVERIFY2(msg(rd.error()).contains("already occurs on line 4"), qPrintable(msg(rd.error())));
    // A row cut short at the end, a word in the data.
    auto rc = parseFile(write("cut.csv", bare + "0.5\t3"));
    QVERIFY(!rc && QString::fromStdString(rc.error().location) == "line 9");
    auto rw = parseFile(write("word.csv", bare + "0.5\tabc\t1\n"));
    QVERIFY(!rw && QString::fromStdString(rw.error().location) == "line 9, column 2");
    // An ordinary x,y CSV still goes to the generic reader.
    auto xy = parseFile(write("xy.csv", "2Theta (deg),Intensity (counts)\n10,1\n10.02,2\n10.04,3\n"));
    QVERIFY(xy);
    QVERIFY(xy->provenance.importerId != "eis-csv");
}

void TestEchemImport::generatedZviewErrors()
{
    const QByteArray head = "ZPLOT2 ASCII\r\n  Date:  1-2-2020\r\n";
    auto r = parseFile(write("nohead.z", head + "1\t2\t3\t4\t5\t6\t7\t8\t9\r\n"));
    QVERIFY(!r && msg(r.error()).contains("End Comments"));
    r = parseFile(write("empty.z", head + "End Comments\r\n"));
    QVERIFY(!r && msg(r.error()).contains("no points"));
    r = parseFile(
        write("short.z", head + "End Comments\r\n1e3\t0\t0\t1\t50\t-3\t0\t0\t3\r\n1e2\t0\t0\t2\t60"));
    QVERIFY(!r);
    QCOMPARE(QString::fromStdString(r.error().location), QStringLiteral("line 5"));
    r = parseFile(write(
        "ok.z", head + "End Comments\r\n1e3\t0\t0\t1\t50\t-3\t0\t0\t3\r\n1e2\t0\t0\t2\t60\t-9\t0\t0\t3\r\n"));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(col(r->datasets[0], "Z''"), (std::vector<double>{-3.0, -9.0}));
}

QTEST_GUILESS_MAIN(TestEchemImport)
#include "tst_eis_import.moc"
