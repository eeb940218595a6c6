// Princeton VersaStudio .par reader.
//  - The real file under $VANADIS_TESTDATA/echem/eis_csv (skipped when absent): recognised by content,
//    every impedance row read (count, first and last values read off the file text by hand), metadata.
//  - Generated files: two impedance segments of two actions, a segment of another technique (named in a
//    warning), a file ending inside its segment (last row left out, said so), and the bad inputs (no
//    segment, no Definition, a short row, a non-number, a repeated frequency, only a CV segment): an
//    Error naming the file and the line, never a partial dataset.
#include "../TempFiles.h"
#include "io/import/ImporterRegistry.h"

#include "../VerifyNear.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace vanadis;

namespace {

const std::vector<double>& col(const ImportedDataset& d, const char* name)
{
    for (const Column& c : d.columns)
        if (c.name == QLatin1String(name)) return c.values;
    static const std::vector<double> none;
    return none;
}

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

const char* const kEisDefinition =
    "Definition=Segment #, Point #, E(V), I(A), Elapsed Time(s), Frequency(Hz), Z Real, Z Imag, 0";

/// A .par with the given actions and segment blocks.
QByteArray par(const QByteArray& actions, const QByteArray& segments)
{
    return "<Application>\r\nName=VersaStudio\r\nVersion=2.60.0.0\r\n</Application>\r\n\r\n"
           "<Action0>\r\nWorking Electrode Area (cm2)=0.785\r\nName=Common\r\n</Action0>\r\n\r\n"
           "<Instrument>\r\nType=VersaSTAT3\r\nSN=123\r\n</Instrument>\r\n\r\n"
           "<Experiment>\r\nTimeAcquired=1:02:03 PM\r\nDateAcquired=Monday, May 2, "
           "2022\r\n</Experiment>\r\n\r\n" +
           actions + segments;
}

QByteArray eisAction(int n, const char* name, int segments = 1)
{
    return QStringLiteral(
               "<Action%1>\r\nAmplitude (mV RMS)=10\r\nSegments=%2\r\nName=%3\r\n</Action%1>\r\n\r\n")
        .arg(n)
        .arg(segments)
        .arg(QLatin1String(name))
        .toUtf8();
}

QByteArray eisSegment(int n, const std::vector<std::array<double, 3>>& rows, bool close = true)
{
    QByteArray s =
        QStringLiteral("<Segment%1>\r\nType=2\r\nVersion=3\r\n").arg(n).toUtf8() + kEisDefinition + "\r\n";
    int k = 0;
    for (const auto& r : rows)
        s += QStringLiteral("0,%1,0,1E-06,%2,%3,%4,%5\r\n")
                 .arg(k++)
                 .arg(k * 1.5)
                 .arg(r[0], 0, 'g', 10)
                 .arg(r[1], 0, 'g', 10)
                 .arg(r[2], 0, 'g', 10)
                 .toUtf8();
    if (close) s += QStringLiteral("</Segment%1>\r\n\r\n").arg(n).toUtf8();
    return s;
}

} // namespace

class TestParImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        return testing::writeTempFile(m_dir, name, bytes);
    }

private Q_SLOTS:
    void realFile();
    void realFileCutAnywhere();
    void twoSegmentsAndAnotherTechnique();
    void fileEndingInsideASegment();
    void badInput_data();
    void badInput();
};

void TestParImport::realFile()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    const QString path = QDir(dir).filePath("echem/eis_csv/impedancepy_exampleDataVersaStudio.par");
    if (dir.isEmpty() || !QFile::exists(path)) QSKIP("test data absent");
    auto r = parseFile(path);
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->provenance.importerId, QStringLiteral("versastudio-par"));
    QCOMPARE(r->datasets.size(), std::size_t(1));
    const ImportedDataset& d = r->datasets[0];
    QCOMPARE(d.kind, QStringLiteral("eis"));
    // Segment1: points 0…60, 100 kHz down to 21.5 mHz; Z Imag as written (inductive first, then < 0).
    QCOMPARE(col(d, "Frequency").size(), std::size_t(61));
    QCOMPARE(col(d, "Frequency").front(), 100000.0);
    QCOMPARE(col(d, "Z'").front(), 55.31571);
    QCOMPARE(col(d, "Z''").front(), 4.575431);
    QCOMPARE(col(d, "Frequency").back(), 0.02154435);
    QCOMPARE(col(d, "Z'").back(), 1516.313);
    QCOMPARE(col(d, "Z''").back(), -122.8279);
    QCOMPARE(d.metadata.value("experiment").toString(), QStringLiteral("Potentiostatic EIS"));
    QVERIFY(d.metadata.value("instrument").toString().contains("VersaSTAT4"));
    QCOMPARE(d.metadata.value("ac_amplitude_mv_rms").toDouble(), 20.0);
    QCOMPARE(d.metadata.value("electrode_area_cm2").toDouble(), 1.0);
    QVERIFY(importWarnings(d).isEmpty());
}

void TestParImport::realFileCutAnywhere()
{
    // Cut at every 53rd byte: an error, or the rows before the cut with a warning once the cut is
    // inside the data; never a crash, never a silently shorter spectrum.
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    QFile f(QDir(dir).filePath("echem/eis_csv/impedancepy_exampleDataVersaStudio.par"));
    if (dir.isEmpty() || !f.open(QIODevice::ReadOnly)) QSKIP("test data absent");
    const QByteArray all = f.readAll();
    const qsizetype closed = all.indexOf("</Segment1>");
    int imported = 0;
    for (qsizetype n = 1; n < all.size(); n += 53) {
        auto r = parseFile(write("cut_real.par", all.left(n)));
        if (!r) continue;
        ++imported;
        const ImportedDataset& d = r->datasets[0];
        if (n < closed + 11)
            QVERIFY2(!importWarnings(d).isEmpty() && col(d, "Frequency").size() < 61,
                     qPrintable(QString::number(n)));
        else
            QCOMPARE(col(d, "Frequency").size(), std::size_t(61));
    }
    QVERIFY(imported > 10);
}

void TestParImport::twoSegmentsAndAnotherTechnique()
{
    const QByteArray cv = "<Segment3>\r\nType=1\r\nVersion=3\r\nDefinition=Segment #, Point #, E(V), I(A), "
                          "Elapsed Time(s), 0\r\n0,0,0.1,1E-06,0.1\r\n0,1,0.2,2E-06,0.2\r\n</Segment3>\r\n";
    const QByteArray bytes = par(eisAction(1, "Potentiostatic EIS", 2) + eisAction(2, "Cyclic Voltammetry"),
                                 eisSegment(1, {{1000, 10, -1}, {100, 12, -4}, {10, 20, -8}}) +
                                     eisSegment(2, {{1000, 11, -1.5}, {100, 13, -4.5}}) + cv +
                                     "<Graph1>\r\nType=Unknown\r\n</Graph1>\r\n<DockingLayout>\r\n<?xml "
                                     "version=\"1.0\"?>\r\n<Contents Count=\"1\">\r\n</Contents>\r\n"
                                     "</DockingLayout>\r\n");
    auto r = parseFile(write("two.par", bytes));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->datasets.size(), std::size_t(2));
    QCOMPARE(col(r->datasets[0], "Z''"), (std::vector<double>{-1, -4, -8}));
    QCOMPARE(col(r->datasets[1], "Z'"), (std::vector<double>{11, 13}));
    QVERIFY(r->datasets[1].name.contains("segment 2"));
    QCOMPARE(r->datasets[0].metadata.value("electrode_area_cm2").toDouble(), 0.785);
    const QStringList w = importWarnings(r->datasets[0]);
    QVERIFY2(w.size() == 1 && w[0].contains("segment 3 (Cyclic Voltammetry)"), qPrintable(w.join('|')));
}

void TestParImport::fileEndingInsideASegment()
{
    const QByteArray bytes = par(eisAction(1, "Potentiostatic EIS"),
                                 eisSegment(1, {{1000, 10, -1}, {100, 12, -4}, {10, 20, -8}}, false));
    auto r = parseFile(write("cut.par", bytes.left(bytes.size() - 3))); // mid-number
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(col(r->datasets[0], "Frequency"), (std::vector<double>{1000, 100}));
    const QStringList w = importWarnings(r->datasets[0]);
    QVERIFY2(!w.isEmpty() && w.join('|').contains("ends inside segment 1"), qPrintable(w.join('|')));
}

void TestParImport::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("reason");
    const QByteArray a = eisAction(1, "Potentiostatic EIS");
    QTest::newRow("no segment") << par(a, {}) << ""
                                << "no <Segment>";
    QTest::newRow("no definition") << par(a, "<Segment1>\r\nType=2\r\n0,1,2\r\n</Segment1>\r\n") << "line 27"
                                   << "no Definition=";
    QByteArray shortRow = eisSegment(1, {{1000, 10, -1}, {100, 12, -4}});
    shortRow.replace("0,1,0,1E-06,3,100,12,-4", "0,1,0,1E-06,3,100");
    QTest::newRow("short row") << par(a, shortRow) << "line 32"
                               << "needs at least 8";
    QByteArray word = eisSegment(1, {{1000, 10, -1}, {100, 12, -4}});
    word.replace(",12,-4", ",twelve,-4");
    QTest::newRow("not a number") << par(a, word) << "line 32, column 7 (Z Real)"
                                  << "twelve";
    QTest::newRow("repeated frequency")
        << par(a, eisSegment(1, {{1000, 10, -1}, {1000, 12, -4}})) << "line 32"
        << "already occurs on line 31";
    QTest::newRow("only a CV")
        << par(eisAction(1, "Cyclic Voltammetry"),
               "<Segment1>\r\nDefinition=Segment #, E(V), I(A)\r\n0,0.1,1E-06\r\n</Segment1>\r\n")
        << ""
        << "segment 1 (Cyclic Voltammetry)";
}

void TestParImport::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, location);
    QFETCH(QString, reason);
    auto r = parseFile(write("bad.par", bytes));
    QVERIFY2(!r, "must not import");
    QCOMPARE(QString::fromStdString(r.error().location), location);
    QVERIFY2(msg(r.error()).contains(reason), qPrintable(msg(r.error())));
    QVERIFY(msg(r.error()).contains("bad.par"));
}

QTEST_GUILESS_MAIN(TestParImport)
#include "tst_par_import.moc"
