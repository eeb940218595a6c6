// The generic delimited-text importer and importFile(): every layout chemists' instruments export
// (comma, semicolon with decimal comma, tab with a unit row, whitespace with comments, UTF-16,
// Latin-1, CRLF, quotes, footers), technique guessing, and hostile input that must come back as an
// Error naming the file, the line and the reason — never a crash, never a hang.
// Every file is generated here into a QTemporaryDir; nothing is read from the repository.
#include "io/import/DelimitedTextImporter.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/MappedFile.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "model/DatasetType.h"
#include "model/Project.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <bit>
#include <cerrno>
#include <chrono>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <thread>
#include <unistd.h>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace vanadis;

namespace {

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

/// Text encoded as UTF-16LE with a byte-order mark, the way TA and Micromeritics software export.
QByteArray utf16le(const QString& text)
{
    QStringEncoder enc(QStringEncoder::Utf16LE);
    return QByteArray("\xFF\xFE", 2) + QByteArray(enc(text));
}

/// A comma CSV with a header line and rows "x,y" where line numbers are 1-based file lines.
QByteArray xrdCsv(int rows)
{
    QByteArray b = "2Theta (deg),Intensity (counts)\n";
    for (int i = 0; i < rows; ++i)
        b += QByteArray::number(10.0 + 0.02 * i, 'f', 2) + "," + QByteArray::number(100 + i) + "\n";
    return b;
}

/// Bit-for-bit equality of doubles, printing both values (and their bits) on failure.
bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}
QByteArray bitsText(double a, double b)
{
    return QByteArray::number(a, 'g', 17) + " (0x" + QByteArray::number(std::bit_cast<quint64>(a), 16) +
           ") vs " + QByteArray::number(b, 'g', 17) + " (0x" +
           QByteArray::number(std::bit_cast<quint64>(b), 16) + ")";
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    DelimitedTextImporter m_imp;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(p));
        f.write(bytes);
        return p;
    }

    /// Reads through importFile(), the path every caller (GUI, CLI) takes.
    Expected<std::vector<Dataset>> import(const QString& name, const QByteArray& bytes,
                                          const ImportOptions& o = {})
    {
        Project project;
        return importFile(project, write(name, bytes), o);
    }

    /// Parses with the importer only (no file on disk), for layout details.
    Expected<std::vector<ImportedDataset>> parse(const QByteArray& bytes, const QString& name = "data.csv",
                                                 const ImportOptions& o = {})
    {
        return m_imp.read(bytes, name, o);
    }

    /// Checks that a bad input is refused with an error naming the file (and the place, if given).
    void expectError(const QString& name, const QByteArray& bytes, const QString& place,
                     const QString& reason, const ImportOptions& o = {})
    {
        auto r = import(name, bytes, o);
        QVERIFY2(!r, qPrintable(name + " was accepted"));
        const QString m = msg(r.error());
        QVERIFY2(QString::fromStdString(r.error().file).endsWith(name),
                 qPrintable("error does not name the file: " + m));
        if (!place.isEmpty())
            QVERIFY2(QString::fromStdString(r.error().location).contains(place),
                     qPrintable("expected '" + place + "' in: " + m));
        if (!reason.isEmpty())
            QVERIFY2(m.contains(reason, Qt::CaseInsensitive),
                     qPrintable("expected '" + reason + "' in: " + m));
        QVERIFY2(!r.error().reason.empty(), "an error without a reason");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // ------------------------------------------------------------------ layouts

    void commaCsvWithNameUnitHeader()
    {
        auto r = import("cs_xrd.csv", xrdCsv(500));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->size(), size_t(1));
        const Dataset& d = r->front();
        QCOMPARE(d.technique(), Technique::Xrd);
        QCOMPARE(d.type(), QString("xrd_pattern"));
        QCOMPARE(d.name(), QString("cs_xrd"));
        QCOMPARE(d.columns().size(), size_t(2));
        QCOMPARE(d.columns()[0].name, QString("2Theta"));
        QCOMPARE(d.columns()[0].unit, QString("deg"));
        QCOMPARE(d.columns()[1].name, QString("Intensity"));
        QCOMPARE(d.columns()[1].unit, QString("counts"));
        QCOMPARE(d.pointCount(), qsizetype(500));
        QCOMPARE(d.columns()[0].values[1], 10.02); // "10.02" parses to exactly the literal 10.02
        QCOMPARE(d.columns()[1].values[499], 599.0);
        QCOMPARE(d.metadata()["delimiter"].toString(), QString(","));
        QCOMPARE(d.metadata()["decimal_comma"].toBool(), false);
        QCOMPARE(d.metadata()["header_rows"].toInt(), 1);
    }

    void semicolonWithDecimalComma()
    {
        // A German Netzsch/Excel export: semicolons, decimal commas, German names, Latin-1 "°C".
        QByteArray b = "Temperatur (\xB0"
                       "C);Masse (%);DTG (%/min)\r\n";
        for (int i = 0; i < 100; ++i)
            b += QByteArray::number(25 + i) + ",5;" +
                 QByteArray::number(100 - i * 0.125, 'f', 3).replace('.', ',') + ";-0,0" +
                 QByteArray::number(i % 10) + "\r\n";
        b += "1,5E-3;99,0;-1,25\r\n"; // an exponent with a decimal comma
        auto r = import("tga_de.csv", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.metadata()["delimiter"].toString(), QString(";"));
        QCOMPARE(d.metadata()["decimal_comma"].toBool(), true);
        QCOMPARE(d.technique(), Technique::Tga);
        QCOMPARE(d.columns().size(), size_t(3));
        QCOMPARE(d.columns()[0].name, QString("Temperatur"));
        QCOMPARE(d.columns()[0].unit, QString::fromUtf8("°C"));
        QCOMPARE(d.columns()[2].unit, QString("%/min"));
        QCOMPARE(d.pointCount(), qsizetype(101));
        QCOMPARE(d.columns()[0].values[0], 25.5);
        QCOMPARE(d.columns()[1].values[3], 99.625);
        QCOMPARE(d.columns()[2].values[7], -0.07);
        QCOMPARE(d.columns()[0].values[100], 1.5e-3);
        QCOMPARE(d.columns()[2].values[100], -1.25);
    }

    void unicodeMinusSign()
    {
        auto r = parse(QByteArray("Voltage (V),Current (mA)\n3.0,\xE2\x88\x92"
                                  "0.5\n3.1,0.25\n"));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().columns[1].values[0], -0.5);
    }

    void tabWithSeparateUnitRow_data()
    {
        QTest::addColumn<QByteArray>("unitRow");
        QTest::newRow("plain") << QByteArray("s\tV\tmA");
        QTest::newRow("brackets") << QByteArray("[s]\t[V]\t[mA]");
        QTest::newRow("parentheses") << QByteArray("(s)\t(V)\t(mA)");
    }

    void tabWithSeparateUnitRow()
    {
        QFETCH(QByteArray, unitRow);
        QByteArray b = "Time\tVoltage\tCurrent\n" + unitRow + "\n";
        for (int i = 0; i < 50; ++i)
            b += QByteArray::number(i) + "\t" + QByteArray::number(3.0 + i * 0.01) + "\t0.1\n";
        auto r = import("cv.txt", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.metadata()["delimiter"].toString(), QString("tab"));
        QCOMPARE(d.metadata()["header_rows"].toInt(), 2);
        const QStringList names{"Time", "Voltage", "Current"}, units{"s", "V", "mA"};
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(d.columns()[size_t(c)].name, names[c]);
            QCOMPARE(d.columns()[size_t(c)].unit, units[c]);
        }
        QCOMPARE(d.technique(), Technique::Echem);
        QCOMPARE(d.type(), QString("cv"));
        QCOMPARE(d.pointCount(), qsizetype(50));
        QCOMPARE(d.columns()[1].values[10], 3.1);
    }

    void whitespaceColumnsWithCommentLines()
    {
        QByteArray b = "# Exported by Diffractometer X, version 2.1\n"
                       "# Sample: CS, 40 kV 40 mA\n"
                       "# Wavelength 1.5406\n"
                       "\n"
                       "   2Theta      Intensity\n";
        for (int i = 0; i < 300; ++i)
            b += "  " + QByteArray::number(10.0 + i * 0.02, 'f', 3) + "     " +
                 QByteArray::number(1000 + i % 17) + "\n";
        auto r = import("cs.txt", b); // generic reader (a .xy goes to the XRD reader, tst_xrd_import)
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.metadata()["delimiter"].toString(), QString(" "));
        QCOMPARE(d.metadata()["header_rows"].toInt(), 5);
        QCOMPARE(d.columns()[0].name, QString("2Theta"));
        QCOMPARE(d.columns()[1].name, QString("Intensity"));
        QCOMPARE(d.technique(), Technique::Xrd);
        QCOMPARE(d.pointCount(), qsizetype(300));
        QCOMPARE(d.columns()[0].values[299], 15.98);
    }

    void commentedHeaderLine()
    {
        // gnuplot-style exports put the column names on a comment line.
        QByteArray b = "# Vanadis test\n# 2Theta Intensity\n";
        for (int i = 0; i < 20; ++i)
            b += QByteArray::number(20 + i) + " " + QByteArray::number(i) + "\n";
        auto r = parse(b, "commented.xy");
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().columns[0].name, QString("2Theta"));
        QCOMPARE(r->front().technique, Technique::Xrd);
    }

    void utf16LittleEndianWithBom()
    {
        QString t = QStringLiteral("Binding Energy (eV)\tCounts (cps)\r\n");
        for (int i = 0; i < 200; ++i)
            t += QString::number(295.0 - i * 0.05, 'f', 2) + "\t" + QString::number(1000 + i * 3) + "\r\n";
        auto r = import("c1s.txt", utf16le(t));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.technique(), Technique::Xps);
        QCOMPARE(d.type(), QString("xps_region"));
        QCOMPARE(d.label(), QString("C 1s")); // the region from the file name "c1s.txt"
        QCOMPARE(d.columns()[0].name, QString("Binding Energy"));
        QCOMPARE(d.columns()[0].unit, QString("eV"));
        QCOMPARE(d.columns()[1].unit, QString("cps"));
        QCOMPARE(d.pointCount(), qsizetype(200));
        QCOMPARE(d.columns()[0].values[0], 295.0);
        QCOMPARE(d.columns()[0].values[199], 285.05);
    }

    void latin1DegreeCelsius()
    {
        QByteArray b = "Temperature (\xB0"
                       "C),Mass (%)\n";
        for (int i = 0; i < 40; ++i)
            b += QByteArray::number(30 + 10 * i) + "," + QByteArray::number(100 - i * 0.5) + "\n";
        auto r = import("tga.csv", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.columns()[0].unit, QString::fromUtf8("°C"));
        QCOMPARE(d.columns()[0].unit.size(), qsizetype(2));
        QCOMPARE(d.technique(), Technique::Tga);
        QCOMPARE(d.columns()[1].values[39], 80.5);
    }

    /// Windows-1252, not Latin-1: 0x80–0x9F are printable characters (the euro sign, typographic quotes,
    /// dashes, "‰"), except the five bytes the code page leaves undefined, which stay C1 controls.
    void windows1252HighBytes()
    {
        // 0x80..0x9F spelled out from the code page chart; U+0081 etc. for the undefined ones.
        const QString expected =
            QString::fromUtf8("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ");
        QCOMPARE(expected.size(), qsizetype(32));
        QByteArray high;
        for (int b = 0x80; b <= 0x9F; ++b)
            high += char(b);
        QCOMPARE(decodeWindows1252(high), expected);
        // Every other byte is its Latin-1 code point.
        for (int b = 1; b < 256; ++b) {
            if (b >= 0x80 && b <= 0x9F) continue;
            const QString one = decodeWindows1252(QByteArray(1, char(b)));
            QVERIFY2(one.size() == 1 && one[0].unicode() == b,
                     qPrintable(QString("byte 0x%1").arg(b, 2, 16)));
        }
        // Through the importer: invalid UTF-8, so the file is read as Windows-1252.
        QByteArray b = "Temperature (\xB0"
                       "C),Mass \x96 loss (\x89)\n";
        for (int i = 0; i < 5; ++i)
            b += QByteArray::number(30 + 10 * i) + "," + QByteArray::number(i) + "\n";
        auto r = parse(b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().columns[0].unit, QString::fromUtf8("°C"));
        QCOMPARE(r->front().columns[1].name, QString::fromUtf8("Mass – loss"));
        QCOMPARE(r->front().columns[1].unit, QString::fromUtf8("‰"));
    }

    void utf8DegreeCelsiusAndBom()
    {
        const QByteArray b = "\xEF\xBB\xBFTemperature (\xC2\xB0"
                             "C),Mass (%)\n30,100\n40,99.5\n";
        auto r = parse(b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().columns[0].name, QString("Temperature")); // the BOM is not part of the name
        QCOMPARE(r->front().columns[0].unit, QString::fromUtf8("°C"));
    }

    void crlfAndCrLineEnds_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
        QTest::newRow("LF") << QByteArray("\n");
    }

    void crlfAndCrLineEnds()
    {
        QFETCH(QByteArray, eol);
        QByteArray b = "Voltage (V),Current (mA)" + eol;
        for (int i = 0; i < 30; ++i)
            b += QByteArray::number(2.0 + i * 0.05) + "," + QByteArray::number(i * 0.1) + eol;
        b += eol + eol; // trailing blank lines
        auto r = import("cv_eol.csv", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        QCOMPARE(d.columns()[1].unit, QString("mA")); // no stray '\r'
        QCOMPARE(d.pointCount(), qsizetype(30));
        QCOMPARE(d.columns()[1].values[29], 29 * 0.1);
    }

    void quotedFields()
    {
        QByteArray b = "\"2Theta (deg)\",\"Intensity, counts\",\"Sample \"\"CS\"\" [a.u.]\"\n";
        for (int i = 0; i < 10; ++i)
            b += "\"" + QByteArray::number(10 + i) + "\",\"" + QByteArray::number(i * 2) + "\"," +
                 QByteArray::number(i) + "\n";
        auto r = parse(b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const ImportedDataset& d = r->front();
        QCOMPARE(d.columns.size(), size_t(3));
        QCOMPARE(d.columns[0].name, QString("2Theta"));
        QCOMPARE(d.columns[1].name,
                 QString("Intensity, counts")); // the comma inside quotes is not a delimiter
        QCOMPARE(d.columns[2].name, QString("Sample \"CS\""));
        QCOMPARE(d.columns[2].unit, QString("a.u."));
        QCOMPARE(d.columns[0].values[9], 19.0);
        QCOMPARE(d.columns[1].values[9], 18.0);
    }

    void footerAfterData()
    {
        QByteArray b = xrdCsv(100);
        b += "\nEnd of scan\nTotal counts,14950\nOperator: A. Chemist\n";
        auto r = import("footer.csv", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().pointCount(), qsizetype(100));
        QCOMPARE(r->front().columns()[1].values.back(), 199.0);
    }

    void garbledLastRowIsNotAFooter()
    {
        // Found by fuzz_delimited_importer: a last row that starts with numbers and ends in garbage
        // was taken for a footer after its first cells had been kept, leaving columns of different
        // lengths. It is damaged data and must be reported with its line.
        QByteArray b = "Frequency (Hz),Z' (Ohm),-Z'' (Ohm)\n100000,10.1,0.5\n10000,10.5,2\xDF\xDF\xDF.1\n";
        auto r = parse(b, "eis.csv");
        QVERIFY2(!r, "a garbled last row was accepted");
        QCOMPARE(QString::fromStdString(r.error().location), QString("line 3, column 3"));
        // With more columns than the data, and starting with a number: also damaged, not a footer.
        expectError("extra.csv", xrdCsv(10) + "10.20,1,2\n", "line 12", "expected 2 columns, found 3");
        // A footer starting with a word may have any shape.
        auto f = parse(xrdCsv(10) + "Total,110,counts,over,10,rows\n", "footer2.csv");
        QVERIFY2(f, f ? "" : f.error().message().c_str());
        QCOMPARE(f->front().columns[0].values.size(), size_t(10));
        QCOMPARE(f->front().columns[1].values.size(), size_t(10));
    }

    void missingCellsAreNaN()
    {
        auto r = parse("2Theta,Intensity\n10,1\n11,\n12,3\n");
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY(std::isnan(r->front().columns[1].values[1]));
        QCOMPARE(r->front().columns[1].values[2], 3.0);
        // Kept, and said: the warning names the first empty cell.
        const QStringList w = importWarnings(r->front());
        QCOMPARE(w.size(), qsizetype(1));
        QVERIFY2(w.front().contains("1 empty cell") && w.front().contains("line 3, column 2"),
                 qPrintable(w.front()));
    }

    void headerNameUnitForms_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("unit");
        QTest::newRow("parentheses") << "Voltage (V)"
                                     << "Voltage"
                                     << "V";
        QTest::newRow("brackets") << "Time [s]"
                                  << "Time"
                                  << "s";
        QTest::newRow("slash") << "Capacity/mAh g-1"
                               << "Capacity"
                               << "mAh g-1";
        QTest::newRow("slash spaced") << "Z' / Ohm"
                                      << "Z'"
                                      << "Ohm";
        QTest::newRow("relative pressure") << "P/P0"
                                           << "P/P0"
                                           << "";
        QTest::newRow("relative pressure lower") << "p/p0"
                                                 << "p/p0"
                                                 << "";
        QTest::newRow("no unit") << "Intensity"
                                 << "Intensity"
                                 << "";
        QTest::newRow("unit with slash") << "Quantity Adsorbed (cm3/g STP)"
                                         << "Quantity Adsorbed"
                                         << "cm3/g STP";
        QTest::newRow("unit only") << "(V)"
                                   << "(V)"
                                   << "";
    }

    void headerNameUnitForms()
    {
        QFETCH(QString, header);
        QFETCH(QString, name);
        QFETCH(QString, unit);
        const auto [n, u] = DelimitedTextImporter::splitNameUnit(header);
        QCOMPARE(n, name);
        QCOMPARE(u, unit);
    }

    void detectReportsLayoutForTheMappingDialog()
    {
        const QString text = "Exported 2024-01-01\nTime [s];Voltage [V]\n0;3,50\n1;3,49\n";
        auto l = DelimitedTextImporter::detect(text, "gcd.csv");
        QVERIFY2(l, l ? "" : l.error().message().c_str());
        QCOMPARE(l->delimiter, QChar(';'));
        QVERIFY(l->decimalComma);
        QCOMPARE(l->headerRows, 2);
        QCOMPARE(l->columnCount, 2);
        QCOMPARE(l->columnNames, QStringList({"Time", "Voltage"}));
        QCOMPARE(l->columnUnits, QStringList({"s", "V"}));
        QCOMPARE(l->preview.size(), size_t(2));
        QCOMPARE(l->preview[1], QStringList({"1", "3,49"}));
    }

    void optionsOverrideDetection()
    {
        ImportOptions o;
        o.technique = Technique::Echem;
        o.delimited.delimiter = QChar(';');
        o.delimited.decimalComma = false;
        o.delimited.headerRows = 1;
        o.delimited.mapping = {{1, "Current", "mA"}, {0, "Voltage", "V"}};
        auto r = parse("a;b\n1.5;2.5\n3.5;4.5\n", "mapped.txt", o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const ImportedDataset& d = r->front();
        QCOMPARE(d.columns.size(), size_t(2));
        QCOMPARE(d.columns[0].name, QString("Current"));
        QCOMPARE(d.columns[0].unit, QString("mA"));
        QCOMPARE(d.columns[0].values, std::vector<double>({2.5, 4.5}));
        QCOMPARE(d.columns[1].values, std::vector<double>({1.5, 3.5}));
    }

    void badOptionsAreErrors_data()
    {
        QTest::addColumn<int>("headerRows");
        QTest::addColumn<int>("sourceColumn");
        QTest::addColumn<QString>("reason");
        QTest::newRow("negative header rows") << -3 << 0 << "header";
        QTest::newRow("header rows past the end") << 1000 << 0 << "header";
        QTest::newRow("column past the end") << 1 << 7 << "column 8";
        QTest::newRow("negative column") << 1 << -1 << "column 0";
    }

    void badOptionsAreErrors()
    {
        QFETCH(int, headerRows);
        QFETCH(int, sourceColumn);
        QFETCH(QString, reason);
        ImportOptions o;
        o.technique = Technique::Xrd;
        o.delimited.headerRows = headerRows;
        o.delimited.mapping = {{sourceColumn, "x", ""}};
        auto r = parse("x,y\n1,2\n3,4\n", "opts.csv", o);
        QVERIFY2(!r, "accepted");
        QVERIFY2(msg(r.error()).contains(reason), qPrintable(msg(r.error())));
        QVERIFY2(msg(r.error()).contains("opts.csv"), qPrintable(msg(r.error())));
    }

    // ------------------------------------------------------------------ techniques

    void techniqueFromHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("technique");
        QTest::addColumn<QString>("kind");
        QTest::newRow("2Theta") << QByteArray("2Theta (deg),Intensity (counts)") << "xrd"
                                << "pattern";
        QTest::newRow("two theta") << QByteArray("Two Theta,Counts") << "xrd"
                                   << "pattern";
        QTest::newRow("Binding Energy") << QByteArray("Binding Energy (eV),Counts (cps)") << "xps"
                                        << "spectrum";
        QTest::newRow("P/P0") << QByteArray("P/P0,Quantity Adsorbed (cm3/g STP)") << "bet"
                              << "isotherm";
        QTest::newRow("relative pressure") << QByteArray("Relative Pressure,Volume (cm3/g)") << "bet"
                                           << "isotherm";
        QTest::newRow("Temperature+Mass") << QByteArray("Temperature (\xC2\xB0"
                                                        "C),Mass (%)")
                                          << "tga"
                                          << "mass";
        QTest::newRow("Temperature+Weight") << QByteArray("Time (min),Temperature (C),Weight (mg)") << "tga"
                                            << "mass";
        QTest::newRow("Frequency+Z'") << QByteArray("Frequency (Hz),Z' (Ohm),-Z'' (Ohm)") << "echem"
                                      << "eis";
        QTest::newRow("freq+Zre") << QByteArray("freq/Hz,Re(Z)/Ohm,-Im(Z)/Ohm") << "echem"
                                  << "eis";
        QTest::newRow("Voltage/Current") << QByteArray("Voltage (V),Current (mA)") << "echem"
                                         << "cv";
        QTest::newRow("Ewe/I") << QByteArray("Ewe/V,<I>/mA,Scan rate/mV s-1") << "echem"
                               << "cv";
        QTest::newRow("cycling")
            << QByteArray("Cycle,Charge Capacity (mAh/g),Discharge Capacity (mAh/g),Coulombic Efficiency (%)")
            << "echem"
            << "cycling";
        QTest::newRow("gcd") << QByteArray("Capacity (mAh/g),Voltage (V)") << "echem"
                             << "gcd";
    }

    void techniqueFromHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, technique);
        QFETCH(QString, kind);
        const int cols = int(header.count(',')) + 1;
        QByteArray b = header + "\n";
        for (int i = 0; i < 5; ++i) {
            QByteArrayList cells;
            // The first column stays within 0 < x <= 1 so that it is a valid p/p0 for the BET rows.
            for (int c = 0; c < cols; ++c)
                cells << QByteArray::number((i + 1) * 0.15 + c * 0.5);
            b += cells.join(',') + "\n";
        }
        auto r = import("guess.csv", b);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(techniqueKey(r->front().technique()), technique);
        QCOMPARE(r->front().type(), normalizeDatasetType(r->front().technique(), kind).type);
    }

    void techniqueOverride()
    {
        ImportOptions o;
        o.technique = Technique::Tga;
        auto r = import("forced.csv", xrdCsv(5), o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().technique(), Technique::Tga);
        QCOMPARE(r->front().type(), QString("tga_curve")); // the guessed kind belongs to another technique
        QCOMPARE(r->front().label(), QString());
        o.kind = "isothermal";
        r = import("forced.csv", xrdCsv(5), o);
        QVERIFY(r);
        QCOMPARE(r->front().type(), QString("tga_curve"));
        QCOMPARE(r->front().label(), QString("isothermal"));
        // Same technique as guessed: the guessed kind stays.
        o = {};
        o.technique = Technique::Xrd;
        r = import("forced.csv", xrdCsv(5), o);
        QVERIFY(r);
        QCOMPARE(r->front().type(), QString("xrd_pattern"));
    }

    void unknownTechniqueNeedsOverride()
    {
        const QByteArray b = "1 2\n3 4\n5 6\n";
        expectError("noheader.dat", b, "", "choose it explicitly");
        ImportOptions o;
        o.technique = Technique::Bet;
        auto r = import("noheader.dat", b, o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().columns()[0].name, QString("Column 1"));
        QCOMPARE(r->front().columns()[1].values, std::vector<double>({2, 4, 6}));
    }

    // ------------------------------------------------------------------ values

    void valuesAreBitExact_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* t :
             {"0.1", "0.2", "0.30000000000000004", "-0", "-0.0", "1e-300", "2.2250738585072014e-308",
              "1.7976931348623157e308", "123456789.123456789", "6.02214076E23", "1.5406", "+3.5",
              "9007199254740993", "0.000001", "1E5", ".5", "5."})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

    void valuesAreBitExact()
    {
        QFETCH(QString, text);
        // Reference: strtod in the C locale, which glibc rounds correctly.
        std::setlocale(LC_NUMERIC, "C");
        const double expected = std::strtod(text.toLatin1().constData(), nullptr);
        ImportOptions o;
        o.technique = Technique::Xrd;
        auto r = parse(("x,y\n1," + text + "\n2," + text + "\n").toLatin1(), "exact.csv", o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const double got = r->front().columns[1].values[0];
        QVERIFY2(sameBits(got, expected), bitsText(got, expected).constData());
        // The same number written with a decimal comma.
        if (text.contains('.')) {
            QString dc = text;
            dc.replace('.', ',');
            auto r2 = parse(("x;y\n1;" + dc + "\n2;" + dc + "\n").toLatin1(), "exact_dc.csv", o);
            QVERIFY2(r2, r2 ? "" : r2.error().message().c_str());
            QVERIFY(r2->front().metadata["decimal_comma"].toBool());
            const double got2 = r2->front().columns[1].values[0];
            QVERIFY2(sameBits(got2, expected), bitsText(got2, expected).constData());
        }
    }

    void provenanceOfImportFile()
    {
        const QByteArray bytes = xrdCsv(64);
        Project project;
        const QString path = write("prov.csv", bytes);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        auto r = importFile(project, path);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        const Provenance& p = d.provenance();
        QCOMPARE(p.originalFileName, QString("prov.csv"));
        QCOMPARE(p.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(p.sha256.size(), qsizetype(64));
        QCOMPARE(p.fileSize, qint64(bytes.size()));
        QCOMPARE(p.importerId, QString("generic-delimited"));
        QCOMPARE(p.importerVersion, QString("1"));
        QVERIFY(p.importedAtUtc.isValid());
        QVERIFY2(p.importedAtUtc >= before && p.importedAtUtc <= QDateTime::currentDateTimeUtc().addSecs(1),
                 qPrintable(p.importedAtUtc.toString(Qt::ISODate)));
        auto original = d.originalFile();
        QVERIFY(original.has_value());
        QCOMPARE(*original, bytes); // the exact bytes, embedded for traceability
        QVERIFY(d.id() > 0);
        QVERIFY(project.allDatasets().empty()); // importFile parses; it never adds to the project
    }

    void provenanceOfUtf16FileHashesTheRawBytes()
    {
        const QByteArray bytes = utf16le("P/P0\tVolume (cm3/g)\r\n0.05\t100\r\n0.1\t110\r\n");
        auto r = import("iso.txt", bytes);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().provenance().sha256,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(*r->front().originalFile(), bytes);
    }

    // ------------------------------------------------------------------ bad input

    // A large file is read through a mapping (MappedFile): giving pages back leaves the bytes as they
    // were, and a file cut short by another program while mapped reads as zeros and is reported damaged
    // instead of crashing the import (SIGBUS).
    void mappedFileReleaseAndCutShort()
    {
        QByteArray bytes(3 * 65536 + 123, 'a');
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char('a' + i % 26);
        const QString path = write("mapped.bin", bytes);
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        auto m = MappedFile::map(fd, bytes.size(), "mapped.bin");
        ::close(fd);
        QVERIFY2(m, m ? "" : m.error().message().c_str());
        const QByteArray view = (*m)->bytes();
        QCOMPARE(view, bytes);
        QCOMPARE((*m)->data()[bytes.size()], '\0'); // a zero after the data, as in a QByteArray
        MappedFile::releaseResident(view.constData(), view.constData() + view.size());
        QCOMPARE(view, bytes); // read again from the page cache
        QVERIFY(!(*m)->damaged());
        MappedFile::releaseResident(bytes.constData(), bytes.constData() + bytes.size()); // not mapped: no-op
        QCOMPARE(bytes.at(5), 'f');

        QFile f(path);
        QVERIFY(f.resize(4096)); // cut short behind the mapping's back
        MappedFile::releaseResident(view.constData(), view.constData() + view.size());
        QCOMPARE(view.at(100), bytes.at(100));
        QCOMPARE(view.at(3 * 65536), '\0'); // past the new end: zeros, not a crash
        QVERIFY((*m)->damaged());
    }

    void emptyFile()
    {
        expectError("empty.csv", {}, "", "empty");
        auto r = parse({}, "empty.csv");
        QVERIFY(!r);
        QVERIFY2(msg(r.error()).contains("empty"), qPrintable(msg(r.error())));
    }

    void binaryGarbage()
    {
        QRandomGenerator rng(20240601);
        QByteArray b(64 * 1024, 0);
        for (char& c : b)
            c = char(rng.bounded(256));
        b[0] = 'M'; // not a UTF-16 BOM by chance
        b[100] = '\0';
        expectError("garbage.csv", b, "", "");
        auto r = parse(b, "garbage.csv");
        QVERIFY(!r);
        QVERIFY2(r.error().location.starts_with("byte "), qPrintable(msg(r.error())));
        QVERIFY2(msg(r.error()).contains("binary"), qPrintable(msg(r.error())));
        // Noise after a UTF-16 BOM decodes to text, which still must be refused cleanly.
        b[0] = '\xFF';
        b[1] = '\xFE';
        auto r2 = parse(b, "garbage16.csv");
        QVERIFY(!r2);
        QVERIFY2(msg(r2.error()).contains("garbage16.csv"), qPrintable(msg(r2.error())));
    }

    void randomTextNeverCrashes()
    {
        // Printable noise with delimiters, digits and quotes in random proportions.
        QRandomGenerator rng(7);
        const QByteArray alphabet = "0123456789.,;\t \n\r\"-+eE#abc()[]/%";
        for (int round = 0; round < 300; ++round) {
            QByteArray b(int(rng.bounded(1, 2000)), ' ');
            for (char& c : b)
                c = alphabet[int(rng.bounded(int(alphabet.size())))];
            ImportOptions o;
            if (round % 2) o.technique = Technique::Xrd;
            auto r = parse(b, "noise.csv", o);
            if (r) {
                const auto& cols = r->front().columns;
                QVERIFY(!cols.empty());
                for (const auto& c : cols)
                    QCOMPARE(c.values.size(), cols.front().values.size());
            } else {
                QVERIFY2(msg(r.error()).contains("noise.csv"), qPrintable(msg(r.error())));
            }
        }
    }

    /// The one number rule of every importer and the mapping dialog (TextNumbers.h).
    void textNumberKinds_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("value");
        using K = textnum::CellKind;
        const double nan = std::nan("");
        auto row = [](const char* tag, const QString& c, bool comma, K k, double v) {
            QTest::newRow(tag) << c << comma << int(k) << v;
        };
        row("int", "1", false, K::Number, 1);
        row("plus", "+1", false, K::Number, 1);
        row("spaces", " -2.5e-3 ", false, K::Number, -2.5e-3);
        row("true minus", QString::fromUtf8("−3.5"), false, K::Number, -3.5);
        row("leading point", ".5", false, K::Number, 0.5);
        row("trailing point", "5.", false, K::Number, 5);
        row("exponent", "1E+05", false, K::Number, 1e5);
        row("subnormal", "4.9e-324", false, K::Number, 4.9e-324);
        row("comma", "1,5", true, K::Number, 1.5);
        row("comma exponent", "-1,5e3", true, K::Number, -1500);
        row("empty", "", false, K::Empty, nan);
        row("blank", " \t ", false, K::Empty, nan);
        row("nan", "nan", false, K::NonFinite, nan);
        row("NaN", "NaN", false, K::NonFinite, nan);
        row("-inf", "-inf", false, K::NonFinite, nan);
        row("Infinity", "Infinity", false, K::NonFinite, nan);
        row("overflow", "1e400", false, K::NonFinite, nan);
        row("cut exponent", "1e", false, K::Text, nan);
        row("cut exponent sign", "1e+", false, K::Text, nan);
        row("hex", "0x10", false, K::Text, nan);
        row("comma without decimal comma", "1,5", false, K::Text, nan);
        row("point with decimal comma", "1.5", true, K::Text, nan); // "1.234" is 1234 in a German export
        row("grouped", "1.234,5", true, K::Text, nan);
        row("space inside", "1 000", false, K::Text, nan);
        row("double sign", "--1", false, K::Text, nan);
        row("sign only", "-", false, K::Text, nan);
        row("word", "End", false, K::Text, nan);
        row("arabic digit", QString::fromUtf8("١"), false, K::Text, nan);
        row("long", QString(200, '1') + "x", false, K::Text, nan);
        row("long number", "1" + QString(300, '0'), false, K::Number, 1e300);
    }

    void textNumberKinds()
    {
        QFETCH(QString, cell);
        QFETCH(bool, decimalComma);
        QFETCH(int, kind);
        QFETCH(double, value);
        double v = 0;
        const int k = int(textnum::classify(cell, decimalComma, v));
        QVERIFY2(k == kind, qPrintable(QString("kind %1, expected %2").arg(k).arg(kind)));
        if (std::isnan(value))
            QVERIFY2(std::isnan(v), qPrintable(QString::number(v)));
        else
            QVERIFY2(sameBits(v, value), bitsText(v, value).constData());
    }

    /// Finite numbers read bit for bit as QString::toDouble reads them (what every importer used before).
    void textNumbersMatchQtBitForBit()
    {
        QRandomGenerator rng(11);
        for (int i = 0; i < 20000; ++i) {
            const double x = std::bit_cast<double>(rng.generate64());
            if (!std::isfinite(x)) continue;
            const int digits = int(rng.bounded(1, 18));
            const QString s = QString::number(x,
                                              i % 3 == 0   ? 'e'
                                              : i % 3 == 1 ? 'g'
                                                           : 'f',
                                              i % 3 == 2 ? 3 : digits);
            bool ok = false;
            const double expected = s.toDouble(&ok);
            const auto got = textnum::parseFinite(s);
            if (!ok || !std::isfinite(expected)) {
                // Qt refuses what underflows to 0 or overflows; so does the shared rule.
                QVERIFY2(!got || *got == 0.0, qPrintable(s));
                continue;
            }
            QVERIFY2(got, qPrintable(s));
            QVERIFY2(sameBits(*got, expected), (s.toUtf8() + ": " + bitsText(*got, expected)).constData());
        }
    }

    void unitKeyFoldsSpellings_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("key");
        QTest::newRow("parens") << QString::fromUtf8("(°C)") << QString::fromUtf8("°c");
        QTest::newRow("deg C") << QString("[deg C]") << QString::fromUtf8("°c");
        QTest::newRow("replacement char") << QString::fromUtf8("\xEF\xBF\xBD"
                                                               "C")
                                          << QString::fromUtf8("°c");
        QTest::newRow("utf8 read as cp1252") << QString::fromUtf8("Â°C") << QString::fromUtf8("°c");
        QTest::newRow("micro sign") << QString::fromUtf8("µg") << QString("ug");
        QTest::newRow("greek mu") << QString::fromUtf8("μg") << QString("ug");
        QTest::newRow("superscript") << QString::fromUtf8(" cm³/g ") << QString("cm3/g");
        QTest::newRow("minus") << QString::fromUtf8("g−1") << QString("g-1");
    }

    void unitKeyFoldsSpellings()
    {
        QFETCH(QString, unit);
        QFETCH(QString, key);
        QCOMPARE(textnum::unitKey(unit), key);
    }

    /// A row that starts with NaN or infinity is data with an unusable value, never a footer to drop.
    void nonFiniteCellsAreErrorsNotFooters_data()
    {
        QTest::addColumn<QByteArray>("last");
        QTest::newRow("nan first") << QByteArray("nan,7");
        QTest::newRow("inf second") << QByteArray("11.00,inf");
        QTest::newRow("-Infinity") << QByteArray("-Infinity,7");
    }

    void nonFiniteCellsAreErrorsNotFooters()
    {
        QFETCH(QByteArray, last);
        QByteArray b = xrdCsv(50) + last + "\n"; // line 52
        expectError("nan.csv", b, "line 52, column", "not a finite number");
        // Also in the middle of the data.
        QByteArrayList lines = xrdCsv(50).split('\n');
        lines[20] = last;
        expectError("nan-middle.csv", lines.join('\n'), "line 21, column", "not a finite number");
    }

    void truncatedLastRow()
    {
        QByteArray b = xrdCsv(40);
        b += "10.80"; // the last row lost its second column (line 42)
        expectError("truncated.csv", b, "line 42", "expected 2 columns, found 1");
        QByteArray w = "2Theta Intensity\n";
        for (int i = 0; i < 10; ++i)
            w += QByteArray::number(10 + i) + " " + QByteArray::number(i) + "\n";
        w += "20";
        expectError("truncated.xy", w, "line 12", "expected 2 columns");
    }

    void nonNumberInTheMiddle()
    {
        QByteArray b = xrdCsv(100);
        QByteArrayList lines = b.split('\n');
        lines[56] = "11.10,1.2.3"; // line 57 of the file
        b = lines.join('\n');
        expectError("garbled.csv", b, "line 57", "1.2.3");
        auto r = import("garbled.csv", b);
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.error().location), QString("line 57, column 2"));
    }

    void onlyAHeader()
    {
        expectError("header.csv", "2Theta (deg),Intensity (counts)\n", "", "no rows of numbers");
        expectError("header2.csv", "2Theta (deg),Intensity (counts)", "", "no rows of numbers");
        expectError("header3.csv", "# comment\nTime\tVoltage\ns\tV\n", "", "no rows of numbers");
    }

    void oneByteFiles()
    {
        // Every possible 1-byte file is refused (nothing to import) and none crashes.
        for (int c = 0; c < 256; ++c) {
            const QByteArray b(1, char(c));
            auto r = parse(b, "one.csv");
            QVERIFY2(!r, qPrintable(QString("byte %1 accepted").arg(c)));
            QVERIFY2(msg(r.error()).contains("one.csv"), qPrintable(msg(r.error())));
        }
        expectError("one.csv", "7", "", "");
        expectError("one.txt", "\n", "", "no rows");
    }

    void enormousSingleLine_data()
    {
        QTest::addColumn<QByteArray>("unit");
        QTest::newRow("letters") << QByteArray("x");
        QTest::newRow("digits") << QByteArray("7");
        QTest::newRow("comma numbers") << QByteArray("1.5,");
        QTest::newRow("semicolon decimal comma") << QByteArray("1,5;");
        QTest::newRow("tabs") << QByteArray("2\t");
        QTest::newRow("spaces") << QByteArray("3 ");
        QTest::newRow("quotes") << QByteArray("\"");
        QTest::newRow("empty cells") << QByteArray(",");
    }

    void enormousSingleLine()
    {
        QFETCH(QByteArray, unit);
        const qsizetype size = 10 * 1024 * 1024;
        QByteArray b;
        b.reserve(size);
        while (b.size() + unit.size() <= size)
            b += unit;
        const QString name = "huge.csv";
        QElapsedTimer t;
        t.start();
        auto r = import(name, b);
        const qint64 ms = t.elapsed();
        QVERIFY2(ms < 5000, qPrintable(QString("took %1 ms (limit 5000 ms)").arg(ms)));
        QVERIFY2(!r, "a 10 MB line without newline was accepted");
        QVERIFY2(QString::fromStdString(r.error().file).endsWith(name), qPrintable(msg(r.error())));
        QCOMPARE(QString::fromStdString(r.error().location), QString("line 1"));
        qInfo("%s: %lld ms: %s", unit.constData(), ms, qPrintable(msg(r.error()).left(160)));
    }

    void overlongLineInsideOrAfterData()
    {
        const QByteArray longLine(3 * 1024 * 1024, '5');
        QByteArrayList lines = xrdCsv(50).split('\n');
        lines.insert(19, longLine); // becomes line 20
        QElapsedTimer t;
        t.start();
        expectError("long_inside.csv", lines.join('\n'), "line 20", "characters");
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString("took %1 ms").arg(t.elapsed())));
        // As the last line it is a footer like any other non-numeric text.
        auto r = import("long_after.csv", xrdCsv(50) + QByteArray(3 * 1024 * 1024, 'x') + "\n");
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().pointCount(), qsizetype(50));
    }

    void manyRowsAreFast()
    {
        // 1 million rows (≈ 20 MB): linear time, well under the time a user waits.
        QByteArray b = "Time (s),Voltage (V)\n";
        b.reserve(24 * 1000 * 1000);
        for (int i = 0; i < 1000000; ++i)
            b += QByteArray::number(i) + "," + QByteArray::number(3.0 + (i % 1000) * 1e-3) + "\n";
        QElapsedTimer t;
        t.start();
        auto r = import("long.csv", b);
        const qint64 ms = t.elapsed();
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().pointCount(), qsizetype(1000000));
        QVERIFY2(ms < 10000, qPrintable(QString("took %1 ms (limit 10000 ms)").arg(ms)));
        qInfo("1e6 rows: %lld ms", ms);
    }

    void utf16WithOddByteCount()
    {
        QByteArray b = utf16le("2Theta\tIntensity\r\n10\t1\r\n11\t2\r\n");
        b.chop(1);
        expectError("odd16.txt", b, "byte", "truncated UTF-16");
        auto r = parse(b, "odd16.txt");
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.error().location), QString("byte %1").arg(b.size() - 1));
        // Big-endian too.
        QByteArray be("\xFE\xFF\x00\x31\x00", 5);
        auto r2 = parse(be, "odd16be.txt");
        QVERIFY(!r2);
        QVERIFY2(msg(r2.error()).contains("truncated UTF-16"), qPrintable(msg(r2.error())));
    }

    /// A FIFO, a device or a socket is refused before anything is read: a FIFO used to block the import
    /// (holding the project lock), /dev/zero ended in bad_alloc.
    void nonRegularInputsAreRefused()
    {
#ifdef Q_OS_UNIX
        Project project;
        const QString fifo = m_dir.filePath("pipe.csv");
        QVERIFY2(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0, std::strerror(errno));
        // Should the reader block on the FIFO after all, a writer opens and closes it after 5 s so that the
        // test fails instead of hanging.
        std::atomic_bool done = false;
        std::thread unblock([&] {
            for (int i = 0; i < 50 && !done; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (done) return;
            const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0) ::close(fd);
        });
        auto r = importFile(project, fifo);
        done = true;
        unblock.join();
        QVERIFY(!r);
        QVERIFY2(msg(r.error()).contains("named pipe") && msg(r.error()).contains("pipe.csv"),
                 qPrintable(msg(r.error())));
        // Through a symbolic link, too.
        const QString link = m_dir.filePath("link-to-pipe.csv");
        QVERIFY(QFile::link(fifo, link));
        auto l = importFile(project, link);
        QVERIFY(!l);
        QVERIFY2(msg(l.error()).contains("named pipe"), qPrintable(msg(l.error())));
        for (const char* dev : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            if (!QFileInfo::exists(dev)) continue;
            auto d = importFile(project, dev);
            QVERIFY2(!d, dev);
            QVERIFY2(msg(d.error()).contains("character device"), qPrintable(msg(d.error())));
        }
#else
        QSKIP("POSIX only");
#endif
    }

    /// Huge files are refused from their size before they are read (sparse files: no disk space used):
    /// beyond kMaxImportBytes for every reader, beyond the reader's maxFileBytes() after the head.
    void hugeFilesAreRefusedBeforeReading()
    {
        Project project;
        auto sparse = [&](const QString& name, const QByteArray& head, qint64 size) {
            const QString p = write(name, head);
            QFile f(p);
            if (!f.resize(size)) return QString();
            return p;
        };
        const QString huge = sparse("huge.csv", xrdCsv(10), kMaxImportBytes + 1);
        if (huge.isEmpty()) QSKIP("cannot create a sparse file here");
        auto r = importFile(project, huge);
        QVERIFY(!r);
        QVERIFY2(msg(r.error()).contains("2.0 GB") && msg(r.error()).contains("not imported"),
                 qPrintable(msg(r.error())));
        // Text first (the sniffers look at the first KiB), then zeros: a 600 MB "CSV" is over the delimited
        // reader's 512 MiB.
        const qint64 big = qint64(600) << 20;
        const QString csv = sparse("big.csv", xrdCsv(200), big);
        QVERIFY(!csv.isEmpty());
        DelimitedTextImporter delimited;
        QVERIFY(delimited.maxFileBytes() < big);
        auto c = importFile(project, csv);
        QVERIFY(!c);
        QVERIFY2(msg(c.error()).contains(delimited.displayName()) && msg(c.error()).contains("not imported"),
                 qPrintable(msg(c.error())));
        QFile::remove(huge);
        QFile::remove(csv);
    }

    /// A text file that does not end with a line break may be cut inside its last line: the import says so
    /// (ParsedFile::warnings and the dataset's metadata), instead of a silently shorter or changed last row.
    void fileWithoutFinalLineBreakWarns()
    {
        const QByteArray complete = xrdCsv(30);
        auto ok = parseFile(write("complete.csv", complete));
        QVERIFY2(ok, ok ? "" : qPrintable(msg(ok.error())));
        QVERIFY2(ok->warnings.isEmpty(), qPrintable(ok->warnings.join('\n')));
        QVERIFY(!ok->datasets.front().metadata.contains("warnings"));
        // Cut inside the last value: "10.58,129" becomes "10.58,12", which still parses.
        auto cut = parseFile(write("cut.csv", complete.left(complete.size() - 2)));
        QVERIFY2(cut, cut ? "" : qPrintable(msg(cut.error())));
        QCOMPARE(cut->warnings.size(), qsizetype(1));
        QVERIFY2(cut->warnings.front().contains("line 31") && cut->warnings.front().contains("cut short"),
                 qPrintable(cut->warnings.front()));
        QCOMPARE(importWarnings(cut->datasets.front()), cut->warnings);
        // Spaces after the last line break still end the file inside a line.
        auto spaces = parseFile(write("spaces.csv", complete + "   "));
        QVERIFY(spaces);
        QCOMPARE(spaces->warnings.size(), qsizetype(1));
        // CRLF and UTF-16 files that end with a line break do not warn.
        QByteArray crlf = complete;
        crlf.replace("\n", "\r\n");
        auto c = parseFile(write("crlf.csv", crlf));
        QVERIFY(c && c->warnings.isEmpty());
        auto u = parseFile(write("utf16.csv", utf16le(QString::fromLatin1(complete))));
        QVERIFY2(u && u->warnings.isEmpty(),
                 u ? qPrintable(u->warnings.join('\n')) : qPrintable(msg(u.error())));
        auto uc = parseFile(
            write("utf16-cut.csv", utf16le(QString::fromLatin1(complete.left(complete.size() - 2)))));
        QVERIFY(uc);
        QCOMPARE(uc->warnings.size(), qsizetype(1));
    }

    void missingFileAndFolder()
    {
        Project project;
        auto r = importFile(project, m_dir.filePath("does-not-exist.csv"));
        QVERIFY(!r);
        QVERIFY2(msg(r.error()).contains("does-not-exist.csv") && msg(r.error()).contains("does not exist"),
                 qPrintable(msg(r.error())));
        auto d = importFile(project, m_dir.path());
        QVERIFY(!d);
        QVERIFY2(msg(d.error()).contains("folder"), qPrintable(msg(d.error())));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
