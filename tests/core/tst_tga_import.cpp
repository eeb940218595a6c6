// TGA readers and the TGA analysis contract.
//  - The four real exports under $VANADIS_TESTDATA/tga (else VANADIS_TESTDATA_DEFAULT; skipped when absent):
//    recognised by content, parsed completely (row count, first/last values and sample mass as read off the
//    file text by hand), then computeTga runs on each.
//  - Each format generated here (QTemporaryDir), and its truncated, garbled, binary and empty variants:
//    an Error naming the file and the line (or byte), never a crash, never a partial dataset.
//  - computeTga on the demo series (carbon within 0.1 wt%) and its errors for unusable datasets.
#include "../TestData.h"
#include "XlsxTestWriter.h"
#include "analysis/DemoProject.h"
#include "analysis/tga/TgaAnalysis.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TaExcelImporter.h"
#include "model/Project.h"
#include "numeric/sim/DemoSeries.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Tga.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <functional>

using namespace vanadis;

namespace {

using testing::testdataDir;

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

bool near(double a, double b, double tol)
{
    return std::abs(a - b) <= tol;
}
#define VERIFY_NEAR(a, b, tol)                                                                               \
    QVERIFY2(near((a), (b), (tol)), qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4")                   \
                                                   .arg(#a)                                                  \
                                                   .arg((a), 0, 'g', 12)                                     \
                                                   .arg((b), 0, 'g', 12)                                     \
                                                   .arg(tol)))

const Column* column(const ImportedDataset& d, const QString& name)
{
    for (const Column& c : d.columns)
        if (c.name == name) return &c;
    return nullptr;
}

Dataset toDataset(const ImportedDataset& d, const QString& file)
{
    Provenance p;
    p.originalFileName = file;
    return Dataset(1, d.technique, d.kind, d.name, d.columns, d.metadata, p);
}

QByteArray utf16le(const QString& text)
{
    QStringEncoder enc(QStringEncoder::Utf16LE);
    return QByteArray("\xFF\xFE", 2) + QByteArray(enc(text));
}

QByteArray latin1(const QString& text)
{
    QStringEncoder enc(QStringEncoder::Latin1);
    return QByteArray(enc(text));
}

/// A generated export: its lines, where the data start, and how it is encoded.
struct Generated {
    QString fileName;
    QStringList lines;
    int firstData = 0; ///< 0-based index of the first data row
    int rows = 0;
    QString eol = QStringLiteral("\n");
    enum class Enc { Utf8, Latin1, Utf16 } enc = Enc::Utf8;
    QByteArray bytes(const QStringList& l) const
    {
        const QString text = l.join(eol) + eol;
        switch (enc) {
        case Enc::Latin1:
            return latin1(text);
        case Enc::Utf16:
            return utf16le(text);
        default:
            return text.toUtf8();
        }
    }
    QByteArray bytes() const { return bytes(lines); }
};

/// A short demo-like run (every 10th point of simulateTga) as the truth for the generated files.
struct Run {
    std::vector<double> t, temp, mg;
    double sampleMg = 9.12;
};

Run makeRun()
{
    sim::TgaParams p;
    p.sampleMassMg = 9.12;
    const auto d = sim::simulateTga(p, "GEN");
    Run r;
    const auto& t = sim::column(d, "Time").values;
    const auto& T = sim::column(d, "Temperature").values;
    const auto& m = sim::column(d, "Mass").values;
    for (std::size_t i = 0; i < t.size(); i += 10) {
        r.t.push_back(t[i]);
        r.temp.push_back(T[i]);
        r.mg.push_back(m[i]);
    }
    return r;
}

QString f(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

Generated netzsch(const Run& r, bool decimalComma)
{
    Generated g;
    g.fileName = decimalComma ? "gen_netzsch_comma.txt" : "gen_netzsch.txt";
    g.enc = Generated::Enc::Latin1;
    g.eol = "\r\n";
    g.lines << "#EXPORTTYPE:DATA SINGLE"
            << "#FILE:GEN.ngb-ss3"
            << "#FORMAT:NETZSCH5"
            << "#FTYPE:ANSI"
            << "#IDENTITY:GEN" << QString("#DECIMAL:") + (decimalComma ? "COMMA" : "POINT")
            << "#SEPARATOR:SEMICOLON"
            << "#MTYPE:TG"
            << "#INSTRUMENT:NETZSCH TG 209F1 Libra"
            << "#SAMPLE:GEN" << QString("#SAMPLE MASS /mg:") + (decimalComma ? "9,12" : "9.12")
            << "#TYPE OF CRUCIBLE:Al2O3 85 µl, open"
            << "#RANGE:40°C/5.0(K/min)/700°C"
            << "#SEG. 1:40°C/5.0(K/min)/700°C"
            << ""
            << "##Temp./°C;Time/min;Mass/%";
    g.firstData = int(g.lines.size());
    for (std::size_t i = 0; i < r.t.size(); ++i) {
        QString row = QString("%1;%2;%3")
                          .arg(f(r.temp[i], 5), 9)
                          .arg(f(r.t[i], 5), 9)
                          .arg(f(100 * r.mg[i] / r.sampleMg, 5), 8);
        if (decimalComma) row.replace('.', ',');
        g.lines << row;
    }
    g.rows = int(r.t.size());
    return g;
}

Generated taUniversal(const Run& r)
{
    Generated g;
    g.fileName = "gen_ta.txt";
    g.enc = Generated::Enc::Utf16;
    g.eol = "\r\n";
    g.lines << "CLOSED"
            << "Version\t2.0"
            << "Instrument\tTGA Q500 V20.13 Build 39"
            << "Module\tTGA"
            << "Sample\tGEN"
            << "Size\t9.1200\tmg"
            << "Xcomment\tPan: Platinum"
            << "Xcomment\tSample Gas: Oxygen 60.0 ml/min"
            << "Nsig\t3"
            << "Sig1\tTime (min)"
            << "Sig2\tTemperature (°C)"
            << "Sig3\tWeight (mg)"
            << "OrgMethod\t1: Ramp 5.00 °C/min to 700.00 °C"
            << "StartOfData"
            << "-3.000000\t1.000000\t0.0000000";
    g.firstData = int(g.lines.size());
    for (std::size_t i = 0; i < r.t.size(); ++i)
        g.lines << QString("%1\t%2\t%3").arg(f(r.t[i], 6), f(r.temp[i], 5), f(r.mg[i], 6));
    g.lines << "-1.000000\t700.0000\t0.0000000";
    g.rows = int(r.t.size());
    return g;
}

Generated mettler(const Run& r)
{
    Generated g;
    g.fileName = "gen_mettler.txt";
    const QStringList head = {"FileName:",
                              "  GEN, 01.01.2024 18:00:00",
                              "  Sample Weight",
                              "SampleID:",
                              "  GEN, 9.1200 mg",
                              "Method:",
                              "  V2O3_C_O2",
                              "Results:",
                              "Curve:",
                              "          Index              t             Ts             Tr          Value",
                              "                           [s]           [°C]           [°C]           [mg]"};
    g.lines << "Title"
            << "";
    g.lines << head;
    g.firstData = int(g.lines.size());
    for (std::size_t i = 0; i < r.t.size(); ++i)
        g.lines << QString("%1%2%3%4%5")
                       .arg(i, 15)
                       .arg(f(r.t[i] * 60, 0), 15)
                       .arg(f(r.temp[i], 3), 15)
                       .arg(f(r.temp[i] + 1, 3), 15)
                       .arg(f(r.mg[i], 5), 15);
    g.lines << ""
            << "LastKeyWD:"
            << "  Alumina 70ul"
            << "  Material: Ceramic"
            << "";
    g.lines << "________________________________________________________________________________"
            << "                                                                  STARe SW 17.00";
    g.rows = int(r.t.size());
    return g;
}

Generated pyris(const Run& r)
{
    Generated g;
    g.fileName = "gen_pyris.txt";
    g.lines
        << "Filename:\tC:\\data\\GEN.tg8d "
        << "Sample ID:\tGEN "
        << "Sample Weight:\t9.120 mg " << QString("Total Points in Run:\t%1 ").arg(r.t.size())
        << "Method Steps: "
        << "Start the Run "
        << "Switch the Gas to Oxygen at 45.0 ml/min  "
        << "1)\tHeat from 40.00°C to 700.00°C at 5.00°C/min "
        << " "
        << "1) TGA Temperature Scan "
        << "\tTime     \tUnsubtracted\tBaseline     \tProgram     \tSample     \tSample     \tBalance      "
        << "\t          \tWeight     \tWeight     \tTemperature\tTemperature\tPurge Flow\tPurge Flow ";
    g.firstData = int(g.lines.size());
    for (std::size_t i = 0; i < r.t.size(); ++i)
        g.lines << QString("\t%1\t%2\t0.000000\t%3\t%4\t45.000000\t70.000000 ")
                       .arg(f(r.t[i], 6), f(r.mg[i], 6), f(r.temp[i] + 0.2, 6), f(r.temp[i], 6));
    g.lines << " "
            << " "
            << "\tTEMPERATURE CALIBRATION INPUTS: "
            << "Firmware Version\tTGA 8000 V2.06 Nov 11 2020 ";
    g.rows = int(r.t.size());
    return g;
}

Generated trios(const Run& r)
{
    // TRIOS text as TA describes it: key/value header, then [step] blocks (name, column names, units,
    // tab-separated rows); here an isothermal start and the ramp.
    Generated g;
    g.fileName = "gen_trios.txt";
    g.lines << "Filename\tC:\\TA\\GEN.tri"
            << "Instrument type\tTGA 5500"
            << "Sample name\tGEN"
            << "Size\t9.1200\tmg"
            << "Procedure name\tRamp in O2"
            << "";
    const QString names = "Time\tTemperature\tWeight\tWeight\tDeriv. Weight";
    const QString units = "min\t°C\tmg\t%\t%/°C";
    auto row = [&](std::size_t i) {
        return QString("%1\t%2\t%3\t%4\t0")
            .arg(f(r.t[i], 5), f(r.temp[i], 4), f(r.mg[i], 6), f(100.0 * r.mg[i] / r.sampleMg, 6));
    };
    g.lines << "[step]"
            << "Equilibrate at 40.00 °C" << names << units;
    g.firstData = int(g.lines.size());
    const std::size_t split = 40;
    for (std::size_t i = 0; i < split; ++i)
        g.lines << row(i);
    g.lines << "[step]"
            << "Ramp 5.00 °C/min to 700.00 °C" << names << units;
    for (std::size_t i = split; i < r.t.size(); ++i)
        g.lines << row(i);
    g.rows = int(r.t.size());
    return g;
}

} // namespace

class TestTgaImport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Run m_run;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }
    std::vector<Generated> generated() const
    {
        return {netzsch(m_run, false), netzsch(m_run, true), taUniversal(m_run),
                mettler(m_run),        pyris(m_run),         trios(m_run)};
    }
    /// The file must be refused with an error naming it and a line (or byte).
    void expectError(const QString& path, const QString& expectedLocationPrefix = QString())
    {
        auto r = parseFile(path);
        QVERIFY2(!r, qPrintable(path + " was accepted"));
        const Error& e = r.error();
        qInfo("  %s", e.message().c_str());
        QVERIFY2(QString::fromStdString(e.file).endsWith(QFileInfo(path).fileName()), qPrintable(msg(e)));
        if (!expectedLocationPrefix.isEmpty())
            QVERIFY2(QString::fromStdString(e.location).startsWith(expectedLocationPrefix),
                     qPrintable(msg(e) + " (expected " + expectedLocationPrefix + ")"));
    }

private Q_SLOTS:
    void initTestCase();
    void realFiles_data();
    void realFiles();
    void generatedFormats();
    void truncatedAndGarbled();
    void randomCorruptionNeverCrashes();
    void demoCarbonThroughComputeTga();
    void computeTgaErrors();
    void schemaDefaults();
    void reportedFailures();
    void taExcelWorkbook();
};

void TestTgaImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = makeRun();
}

void TestTgaImport::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("importer");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("sampleMg");
    QTest::addColumn<double>("firstTimeMin");
    QTest::addColumn<double>("firstTempC");
    QTest::addColumn<double>("firstMassMg");
    QTest::addColumn<double>("lastTimeMin");
    QTest::addColumn<double>("lastTempC");
    QTest::addColumn<double>("lastMassMg");
    // Read off the files by hand: first and last data rows, row counts (TA without its three marker rows,
    // Mettler's mass curve only), sample mass from the header. NETZSCH gives Mass/%: mg = % × 8.91/100.
    QTest::newRow("netzsch") << "netzsch_example_file.txt"
                             << "netzsch-ascii" << 270 << 8.91 << 0.0 << 27.141 << 99.98948 * 0.0891
                             << 133.95164 << 699.641 << 19.39108 * 0.0891;
    QTest::newRow("ta") << "TAInstruments_example_file.txt"
                        << "ta-universal-analysis" << 15577 << 20.8210 << 6.66667e-4 << 22.70189 << 20.82160
                        << 129.7958 << 25.00298 << 19.18695;
    QTest::newRow("mettler") << "MettlerToledo_example_file.txt"
                             << "mettler-stare" << 12661 << 4.9292 << 0.0 << 45.647 << 4.92915
                             << 12660.0 / 60.0 << 805.934 << 0.0286858;
    QTest::newRow("pyris") << "PerkinElmer_example_file.txt"
                           << "perkinelmer-pyris" << 12098 << 7.026 << 0.0 << 49.81 << 7.021777 << 201.632308
                           << 1000.0 << 2.057777;
}

void TestTgaImport::realFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, importer);
    QFETCH(int, rows);
    QFETCH(double, sampleMg);
    QFETCH(double, firstTimeMin);
    QFETCH(double, firstTempC);
    QFETCH(double, firstMassMg);
    QFETCH(double, lastTimeMin);
    QFETCH(double, lastTempC);
    QFETCH(double, lastMassMg);
    const QString dir = testdataDir();
    const QString path = QDir(dir).filePath("tga/" + file);
    if (dir.isEmpty() || !QFile::exists(path)) QSKIP(qPrintable("real test file not available: " + path));

    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const Importer* detected = ImporterRegistry::instance().detect(bytes.left(64 * 1024), file);
    QVERIFY(detected);
    QCOMPARE(detected->id(), importer);

    auto parsed = parseFile(path);
    QVERIFY2(parsed, parsed ? "" : qPrintable(msg(parsed.error())));
    QCOMPARE(parsed->provenance.importerId, importer);
    QCOMPARE(parsed->datasets.size(), std::size_t(1));
    const ImportedDataset& d = parsed->datasets.front();
    QCOMPARE(d.technique, Technique::Tga);
    QCOMPARE(d.kind, QStringLiteral("mass"));
    const Column* t = column(d, "Time");
    const Column* T = column(d, "Temperature");
    const Column* m = column(d, "Mass");
    const Column* p = column(d, "Mass %");
    QVERIFY(t && T && m && p);
    QCOMPARE(t->unit, QStringLiteral("min"));
    QCOMPARE(T->unit, QStringLiteral("°C"));
    QCOMPARE(m->unit, QStringLiteral("mg"));
    QCOMPARE(p->unit, QStringLiteral("%"));
    QCOMPARE(int(t->values.size()), rows);
    for (const Column& c : d.columns)
        QCOMPARE(int(c.values.size()), rows);
    VERIFY_NEAR(d.metadata.value("sample_mass_mg").toDouble(), sampleMg, 1e-9);
    VERIFY_NEAR(t->values.front(), firstTimeMin, 1e-9);
    VERIFY_NEAR(T->values.front(), firstTempC, 1e-9);
    VERIFY_NEAR(m->values.front(), firstMassMg, 1e-9);
    VERIFY_NEAR(t->values.back(), lastTimeMin, 1e-9);
    VERIFY_NEAR(T->values.back(), lastTempC, 1e-9);
    VERIFY_NEAR(m->values.back(), lastMassMg, 1e-9);
    VERIFY_NEAR(p->values.front(), 100.0 * firstMassMg / sampleMg, 1e-9);
    QVERIFY(!d.metadata.value("instrument").toString().isEmpty());
    QVERIFY(!d.metadata.value("sample_name").toString().isEmpty());
    qInfo("%s: %d rows, columns %s; sample '%s' %.4f mg; instrument '%s'; crucible '%s'; atmosphere '%s'",
          qPrintable(file), rows, qPrintable([&] {
              QStringList n;
              for (const Column& c : d.columns)
                  n << c.name + " (" + c.unit + ")";
              return n.join(", ");
          }()),
          qPrintable(d.metadata.value("sample_name").toString()), sampleMg,
          qPrintable(d.metadata.value("instrument").toString()),
          qPrintable(d.metadata.value("crucible").toString()),
          qPrintable(d.metadata.value("atmosphere").toString().left(80)));

    auto result = computeTga(toDataset(d, file), {});
    QVERIFY2(result, result ? "" : qPrintable(msg(result.error())));
    const QJsonObject& r = *result;
    for (const char* key :
         {"carbon_wt_pct", "carbon_wt_pct_err", "residue_wt_pct", "moisture_wt_pct", "dry_mass_temperature_c",
          "dry_mass_mg", "end_mass_mg", "derivation", "steps", "dtg", "warnings"})
        QVERIFY2(r.contains(key), key);
    QVERIFY(r.value("dtg").toArray().size() <= 2000);
    QVERIFY(!r.value("dtg").toArray().isEmpty());
    QString steps;
    for (const auto& s : r.value("steps").toArray()) {
        const QJsonObject o = s.toObject();
        steps +=
            QString(" [%1 peak %2 °C Δ %3 %, onset %4]")
                .arg(o.value("kind").toString())
                .arg(o.value("dtg_peak_c").toDouble(), 0, 'f', 1)
                .arg(o.value("mass_change_pct").toDouble(), 0, 'f', 2)
                .arg(o.value("onset_c").isNull() ? QStringLiteral("–")
                                                 : QString::number(o.value("onset_c").toDouble(), 'f', 1));
    }
    qInfo("  computeTga: w_C %s, moisture %s, DTG window %d points, %lld steps:%s",
          qPrintable(r.value("carbon_wt_pct").isNull()
                         ? QStringLiteral("null")
                         : QString::number(r.value("carbon_wt_pct").toDouble(), 'f', 2)),
          qPrintable(r.value("moisture_wt_pct").isNull()
                         ? QStringLiteral("null")
                         : QString::number(r.value("moisture_wt_pct").toDouble(), 'f', 2)),
          r.value("dtg_window_points").toInt(), qlonglong(r.value("steps").toArray().size()),
          qPrintable(steps));
    for (const auto& w : r.value("warnings").toArray())
        qInfo("  warning: %s", qPrintable(w.toString()));
}

void TestTgaImport::generatedFormats()
{
    const QStringList ids = {"netzsch-ascii", "netzsch-ascii",     "ta-universal-analysis",
                             "mettler-stare", "perkinelmer-pyris", "ta-trios"};
    int k = 0;
    for (const Generated& g : generated()) {
        const QString path = write(g.fileName, g.bytes());
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const Importer* detected =
            ImporterRegistry::instance().detect(in.readAll().left(64 * 1024), g.fileName);
        QVERIFY(detected);
        QCOMPARE(detected->id(), ids[k++]);
        auto parsed = parseFile(path);
        QVERIFY2(parsed, parsed ? "" : qPrintable(msg(parsed.error())));
        const ImportedDataset& d = parsed->datasets.front();
        const Column* m = column(d, "Mass");
        const Column* T = column(d, "Temperature");
        const Column* t = column(d, "Time");
        QVERIFY(m && T && t && column(d, "Mass %"));
        QCOMPARE(int(m->values.size()), g.rows);
        const std::size_t last = m_run.mg.size() - 1;
        VERIFY_NEAR(m->values[last], m_run.mg[last], 2e-5);
        VERIFY_NEAR(T->values[7], m_run.temp[7], 1e-3);
        VERIFY_NEAR(t->values[last], m_run.t[last], 1e-5);
        VERIFY_NEAR(d.metadata.value("sample_mass_mg").toDouble(), 9.12, 1e-12);
        auto r = computeTga(toDataset(d, g.fileName), {{"start_oxide", "V2O3"}});
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        // Every 10th point of the default run (w_C 15 %, 2 % water): the carbon survives the round trip.
        VERIFY_NEAR(r->value("carbon_wt_pct").toDouble(), 15.0, 0.1);
        qInfo("%s: %d rows, w_C %.3f ± %.3f wt%%", qPrintable(g.fileName), g.rows,
              r->value("carbon_wt_pct").toDouble(), r->value("carbon_wt_pct_err").toDouble());
    }
}

void TestTgaImport::truncatedAndGarbled()
{
    for (const Generated& g : generated()) {
        qInfo("%s:", qPrintable(g.fileName));
        const QString base = QFileInfo(g.fileName).completeBaseName();
        // Cut inside a data row (after its first separator): that row is short.
        {
            QStringList l = g.lines.mid(0, g.firstData + 20);
            QString row = g.lines[g.firstData + 20];
            const QRegularExpression sep(QStringLiteral("[;\\t]|\\d\\s+\\d"));
            const auto m =
                sep.match(row, g.enc == Generated::Enc::Utf16 || g.fileName.contains("pyris") ? 1 : 0);
            l << row.left(m.capturedStart() + 1);
            QByteArray bytes = g.bytes(l);
            bytes.chop(g.enc == Generated::Enc::Utf16 ? 2 * g.eol.size()
                                                      : g.eol.toUtf8().size()); // no final line break
            expectError(write(base + "_cut_in_row.txt", bytes), QString("line %1").arg(g.firstData + 21));
        }
        // Cut at the end of a line: detectable where the format closes its table (TA end marker, STARe
        // closing blocks, Pyris point count); NETZSCH has no such mark, so there it reads as a shorter run.
        {
            const QStringList l = g.lines.mid(0, g.firstData + 20);
            const QString path = write(base + "_cut_at_line.txt", g.bytes(l));
            if (g.fileName.contains("netzsch") || g.fileName.contains("trios")) {
                auto r = parseFile(path);
                QVERIFY(r);
                QCOMPARE(int(r->datasets.front().columns.front().values.size()), 20);
            } else {
                expectError(path, "line");
            }
        }
        // A garbled number in row 11.
        {
            QStringList l = g.lines;
            QString& row = l[g.firstData + 10];
            const qsizetype dot = row.lastIndexOf(g.fileName.contains("comma") ? ',' : '.');
            row.insert(dot, QStringLiteral("x."));
            expectError(write(base + "_garbled.txt", g.bytes(l)), QString("line %1").arg(g.firstData + 11));
        }
        // NaN and infinity in row 13 (the last number of the row): refused with the line, never skipped.
        for (const char* bad : {"NaN", "inf", "-Infinity"}) {
            QStringList l = g.lines;
            QString& row = l[g.firstData + 12];
            static const QRegularExpression number(
                QStringLiteral("[-+]?\\d+(?:[.,]\\d+)?(?:[eE][-+]?\\d+)?"));
            qsizetype at = -1, len = 0;
            for (auto it = number.globalMatch(row); it.hasNext();) {
                const auto m = it.next();
                at = m.capturedStart();
                len = m.capturedLength();
            }
            QVERIFY(at >= 0);
            row.replace(at, len, QLatin1String(bad));
            const QString path = write(base + "_nan.txt", g.bytes(l));
            expectError(path, QString("line %1").arg(g.firstData + 13));
            auto r = parseFile(path);
            QVERIFY2(!r && msg(r.error()).contains("not a finite number"),
                     r ? "accepted" : qPrintable(msg(r.error())));
        }
        // Header only.
        expectError(write(base + "_header_only.txt", g.bytes(g.lines.mid(0, g.firstData))));
        // Binary junk in the middle (NUL bytes): refused as binary with its byte offset.
        {
            QByteArray bytes = g.bytes();
            if (g.enc != Generated::Enc::Utf16) {
                bytes.insert(bytes.size() / 2, QByteArray("\x00\x01\x02\xff", 4));
                expectError(write(base + "_binary.txt", bytes), "byte");
            } else {
                bytes.chop(1); // odd UTF-16 length
                expectError(write(base + "_odd.txt", bytes), "byte");
            }
        }
    }
    // An empty file.
    expectError(write("empty.txt", QByteArray()));
}

void TestTgaImport::randomCorruptionNeverCrashes()
{
    // Random byte damage must give either a complete dataset or an error, never a crash or a partial one.
    QRandomGenerator rng(20240101);
    int errors = 0, accepted = 0;
    for (const Generated& g : generated()) {
        const QByteArray good = g.bytes();
        for (int trial = 0; trial < 60; ++trial) {
            QByteArray b = good;
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(b.size())));
                switch (rng.bounded(3)) {
                case 0:
                    b[at] = char(rng.bounded(256));
                    break;
                case 1:
                    b.remove(at, qsizetype(rng.bounded(40)));
                    break;
                default:
                    b.truncate(at);
                    break;
                }
            }
            if (b.isEmpty()) continue;
            auto r = parseFile(write("fuzz.txt", b));
            if (!r) {
                ++errors;
                QVERIFY(!r.error().reason.empty());
                continue;
            }
            ++accepted;
            for (const auto& d : r->datasets) {
                const std::size_t n = d.columns.front().values.size();
                for (const Column& c : d.columns)
                    QCOMPARE(c.values.size(), n);
            }
        }
    }
    qInfo("random damage: %d refused with an error, %d still complete files", errors, accepted);
}

void TestTgaImport::demoCarbonThroughComputeTga()
{
    Project project;
    populateDemoProject(project);
    int checked = 0;
    for (const Sample* sp : project.samples()) {
        const Sample& s = *sp;
        for (const Dataset* dp : project.datasetsOf(s.id, Technique::Tga)) {
            const Dataset& d = *dp;
            const double truth = d.metadata().value("carbon_wt_pct").toDouble();
            auto r = computeTga(d, {{"start_oxide", "V2O3"}});
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            qInfo("%s: carbon_wt_pct %.3f ± %.3f (truth %.2f); moisture %.3f; dry %.4f mg at %.0f °C; end "
                  "%.4f mg",
                  qPrintable(s.name), r->value("carbon_wt_pct").toDouble(),
                  r->value("carbon_wt_pct_err").toDouble(), truth, r->value("moisture_wt_pct").toDouble(),
                  r->value("dry_mass_mg").toDouble(), r->value("dry_mass_temperature_c").toDouble(),
                  r->value("end_mass_mg").toDouble());
            VERIFY_NEAR(r->value("carbon_wt_pct").toDouble(), truth, 0.1);
            QVERIFY(r->value("derivation").toString().contains("m_end/m_dry"));
            QVERIFY(r->value("steps").toArray().size() >= 2);
            ++checked;
        }
    }
    QCOMPARE(checked, 4);
    // VO2 → V2O5 preset and the per-degree DTG on request.
    const Sample* hmcsSample = project.sampleByName("HMCS");
    QVERIFY(hmcsSample);
    const auto hmcsTga = project.datasetsOf(hmcsSample->id, Technique::Tga);
    QCOMPARE(hmcsTga.size(), std::size_t(1));
    const Dataset& hmcs = *hmcsTga.front();
    auto vo2 = computeTga(hmcs, {{"start_oxide", "VO2"}, {"dtg_per_degree", true}});
    QVERIFY(vo2);
    VERIFY_NEAR(vo2->value("oxidation").toObject().value("factor").toDouble(), 2 * 82.940 / 181.878, 1e-9);
    QVERIFY(vo2->value("dtg").toArray().first().toObject().contains("dtg_pct_c"));
    // Cursor readings: mass change over the moisture loss, residue at 700 °C.
    auto cursors = computeTga(hmcs, {{"start_oxide", "V2O3"},
                                     {"mass_change_from_c", 40.0},
                                     {"mass_change_to_c", 200.0},
                                     {"residue_at_c", 700.0}});
    QVERIFY(cursors);
    const double water = hmcs.metadata().value("water_wt_pct").toDouble();
    VERIFY_NEAR(cursors->value("mass_change").toObject().value("change_pct").toDouble(), -water, 0.1);
    VERIFY_NEAR(cursors->value("residue_at").toObject().value("mass_pct").toDouble(),
                cursors->value("end_mass_pct").toDouble(), 0.1);
    auto outside = computeTga(hmcs, {{"residue_at_c", 900.0}});
    QVERIFY(outside && !outside->contains("residue_at"));
}

void TestTgaImport::computeTgaErrors()
{
    auto run = [](std::vector<Column> cols) {
        Provenance p;
        p.originalFileName = "bad.txt";
        return computeTga(Dataset(1, Technique::Tga, "mass", "bad", std::move(cols), {}, p), {});
    };
    std::vector<double> t, T, m;
    for (int i = 0; i < 100; ++i) {
        t.push_back(i * 0.5);
        T.push_back(40 + 2.5 * i);
        m.push_back(10 - 0.01 * i);
    }
    auto ok = run({{"Time", "min", t}, {"Temperature", "°C", T}, {"Mass", "mg", m}});
    QVERIFY2(ok, ok ? "" : qPrintable(msg(ok.error())));

    auto back = t;
    back[40] = back[38];
    auto e1 = run({{"Time", "min", back}, {"Temperature", "°C", T}, {"Mass", "mg", m}});
    QVERIFY(!e1);
    QCOMPARE(QString::fromStdString(e1.error().location), QStringLiteral("point 41"));
    auto e2 = run({{"Time", "min", t}, {"Temperature", "°C", T}});
    QVERIFY(!e2);
    QVERIFY(e2.error().reason.find("no mass column") != std::string::npos);
    auto e3 = run({{"Time", "min", std::vector<double>(t.begin(), t.begin() + 19)},
                   {"Temperature", "°C", std::vector<double>(T.begin(), T.begin() + 19)},
                   {"Mass", "mg", std::vector<double>(m.begin(), m.begin() + 19)}});
    QVERIFY(!e3);
    auto nan = m;
    nan[7] = std::nan("");
    auto e4 = run({{"Time", "min", t}, {"Temperature", "°C", T}, {"Mass", "mg", nan}});
    QVERIFY(!e4);
    QCOMPARE(QString::fromStdString(e4.error().location), QStringLiteral("point 8"));
    auto e5 = computeTga(Dataset(1, Technique::Tga, "mass", "bad",
                                 {{"Time", "min", t}, {"Temperature", "°C", T}, {"Mass", "mg", m}}, {}, {}),
                         {{"no_such_key", 1}});
    QVERIFY(!e5);
    auto e6 = run({{"Time", "fortnight", t}, {"Temperature", "°C", T}, {"Mass", "mg", m}});
    QVERIFY(!e6);
    for (const auto* e : {&e1, &e2, &e3, &e4, &e5, &e6}) {
        qInfo("error: %s", e->error().message().c_str());
        QVERIFY(!e->error().file.empty());
    }
    // Time in seconds is converted.
    std::vector<double> ts;
    for (double v : t)
        ts.push_back(v * 60);
    auto sec = run({{"Time", "s", ts}, {"Temperature", "°C", T}, {"Mass", "mg", m}});
    QVERIFY(sec);
    VERIFY_NEAR(sec->value("dtg").toArray().at(50).toObject().value("time_min").toDouble(), 25.0, 1e-9);
}

void TestTgaImport::schemaDefaults()
{
    auto p = applySchema(tgaSchema(), {});
    QVERIFY(p);
    // No silent V2O3: the start oxide is the chemist's statement about the sample, entered once on it.
    QCOMPARE(p->value("start_oxide").toString(), QStringLiteral("sample"));
    QCOMPARE(p->value("carbon_mode").toString(), QStringLiteral("oxidation"));
    QCOMPARE(p->value("residue").toString(), QStringLiteral("V2O5"));
    QCOMPARE(p->value("dry_below_c").toDouble(), 150.0);
    QCOMPARE(p->value("end_window_c").toDouble(), 20.0);
    QCOMPARE(p->value("dtg_window_points").toInt(), 0);
    QCOMPARE(p->value("min_step_pct").toDouble(), 0.5);
    QVERIFY(!applySchema(tgaSchema(), {{"start_oxide", "TiO2"}}));
    QVERIFY(!applySchema(tgaSchema(), {{"dtg_polynomial_order", 9}}));
}

QTEST_GUILESS_MAIN(TestTgaImport)
#include "tst_tga_import.moc"

void TestTgaImport::reportedFailures()
{
    // Issue 8. A NETZSCH export whose degree sign is byte 0x9B failed with "unknown temperature unit".
    Generated g = netzsch(m_run, false);
    QByteArray bytes = g.bytes();
    QVERIFY(bytes.contains('\xB0'));
    bytes.replace('\xB0', '\x9B');
    auto parsed = parseFile(write("netzsch_9b.txt", bytes));
    QVERIFY2(parsed, parsed ? "" : qPrintable(msg(parsed.error())));
    const ImportedDataset& d = parsed->datasets.front();
    QCOMPARE(parsed->provenance.importerId, QString("netzsch-ascii"));
    const Column* T = column(d, "Temperature");
    QVERIFY(T && T->unit == QString::fromUtf8("°C"));
    VERIFY_NEAR(T->values[7], m_run.temp[7], 1e-3);
    auto r = computeTga(toDataset(d, "netzsch_9b.txt"), {{"start_oxide", "V2O3"}});
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    VERIFY_NEAR(r->value("carbon_wt_pct").toDouble(), 15.0, 0.1);

    // CSVs written by scripts: snake_case headers with the unit in the suffix.
    struct Case {
        const char* name;
        QByteArray header;
        std::function<QByteArray(std::size_t)> row;
    };
    const Run& run = m_run;
    const std::vector<Case> cases{{"snake_pct.csv", "temperature_C,time_min,mass_pct\n",
                                   [&](std::size_t i) {
                                       return QByteArray::number(run.temp[i], 'g', 12) + "," +
                                              QByteArray::number(run.t[i], 'g', 12) + "," +
                                              QByteArray::number(100 * run.mg[i] / run.sampleMg, 'g', 12) +
                                              "\n";
                                   }},
                                  {"snake_mg.csv", "time_s;temperature_K;mass_mg\n", [&](std::size_t i) {
                                       return QByteArray::number(run.t[i] * 60, 'g', 12) + ";" +
                                              QByteArray::number(run.temp[i] + 273.15, 'g', 12) + ";" +
                                              QByteArray::number(run.mg[i], 'g', 12) + "\n";
                                   }}};
    for (const Case& c : cases) {
        QByteArray b = c.header;
        for (std::size_t i = 0; i < run.t.size(); ++i)
            b += c.row(i);
        auto p = parseFile(write(c.name, b));
        QVERIFY2(p, p ? "" : qPrintable(msg(p.error())));
        const ImportedDataset& ds = p->datasets.front();
        QCOMPARE(ds.technique, Technique::Tga);
        QVERIFY2(column(ds, "Temperature") && column(ds, "Time"), c.name);
        QVERIFY2(column(ds, "Mass %") || column(ds, "Mass"), c.name);
        auto res = computeTga(toDataset(ds, c.name), {{"start_oxide", "V2O3"}});
        QVERIFY2(res, res ? "" : qPrintable(msg(res.error())));
        VERIFY_NEAR(res->value("carbon_wt_pct").toDouble(), 15.0, 0.1);
        VERIFY_NEAR(column(ds, "Temperature")->values[7] +
                        (column(ds, "Temperature")->unit == "K" ? -273.15 : 0.0),
                    run.temp[7], 1e-9);
    }
    // A damaged row of such a file names its line and column.
    QByteArray bad = cases[0].header;
    for (std::size_t i = 0; i < 20; ++i)
        bad += i == 9 ? QByteArray("120.5,12.x,99.1\n") : cases[0].row(i);
    expectError(write("snake_bad.csv", bad), "line 11, column 2");
}

void TestTgaImport::taExcelWorkbook()
{
    // Issue 8: a TA Instruments TGA Excel export was answered with an error about a Micromeritics isotherm
    // report. The TRIOS layout (a Details sheet; a data sheet with names, then units, then numbers; Weight in
    // mg and in %), generated from the run with known carbon content.
    auto book = [&](const std::function<void(std::vector<QStringList>&)>& change = {}) {
        std::vector<QStringList> details{{"Filename", "GEN.tri"},
                                         {"Instrument name", "TGA 5500"},
                                         {"Sample name", "V2O3/C 7"},
                                         {"Sample mass", "9.12", "mg"}};
        std::vector<QStringList> data{{"Time", "Temperature", "Weight", "Weight", "Deriv. Weight"},
                                      {"min", "\u00b0C", "mg", "%", "%/\u00b0C"}};
        for (std::size_t i = 0; i < m_run.t.size(); ++i)
            data.push_back({QString::number(m_run.t[i], 'g', 12), QString::number(m_run.temp[i], 'g', 12),
                            QString::number(m_run.mg[i], 'g', 12),
                            QString::number(100 * m_run.mg[i] / m_run.sampleMg, 'g', 12), "0"});
        if (change) change(data);
        return testxlsx::makeXlsx({{"Details", details}, {"Ramp - 1", data}});
    };
    const QString path = write("ta_trios.xlsx", book());
    auto parsed = parseFile(path);
    QVERIFY2(parsed, parsed ? "" : qPrintable(msg(parsed.error())));
    QCOMPARE(parsed->provenance.importerId, QString("xlsx-workbook"));
    const ImportedDataset& d = parsed->datasets.front();
    QCOMPARE(d.technique, Technique::Tga);
    QCOMPARE(d.name, QString("V2O3/C 7"));
    VERIFY_NEAR(d.metadata.value("sample_mass_mg").toDouble(), 9.12, 1e-12);
    QCOMPARE(int(column(d, "Mass")->values.size()), int(m_run.t.size()));
    VERIFY_NEAR(column(d, "Mass")->values[5], m_run.mg[5], 1e-9);
    VERIFY_NEAR(column(d, "Temperature")->values[5], m_run.temp[5], 1e-9);
    auto r = computeTga(toDataset(d, "ta_trios.xlsx"), {{"start_oxide", "V2O3"}});
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    VERIFY_NEAR(r->value("carbon_wt_pct").toDouble(), 15.0, 0.1);

    // Damaged: a text in a number cell (sheet, row, column named), an Excel error value, an empty row
    // inside the table, a workbook cut short, a workbook without a TGA table.
    auto refused = [&](const QString& name, const QByteArray& bytes, const QString& where,
                       const QString& why) {
        auto p = parseFile(write(name, bytes));
        QVERIFY2(!p, qPrintable(name + " was accepted"));
        const QString m = msg(p.error());
        QVERIFY2(QString::fromStdString(p.error().file).endsWith(name), qPrintable(m));
        QVERIFY2(QString::fromStdString(p.error().location).startsWith(where),
                 qPrintable(m + " (expected " + where + ")"));
        QVERIFY2(m.contains(why), qPrintable(m + " (expected " + why + ")"));
    };
    refused("ta_text.xlsx", book([](auto& rows) { rows[12][2] = "9,1x"; }),
            "sheet 'Ramp - 1', row 13, column C", "Weight");
    refused("ta_gap.xlsx", book([](auto& rows) { rows[12] = QStringList(); }), "sheet 'Ramp - 1', row 13",
            "empty row");
    refused("ta_unit.xlsx", book([](auto& rows) { rows[1][2] = "lb"; }), "sheet 'Ramp - 1', row 1, column C",
            "unknown mass unit");
    const QByteArray whole = book();
    refused("ta_cut.xlsx", whole.left(whole.size() / 2), "", "damaged or cut short");
    refused("ta_none.xlsx", testxlsx::makeXlsx({{"Notes", {{"nothing", "here"}}}}), "", "no isotherm");

    // The .xls reader (same layout code) claims a compound file naming Temperature and Weight, in 8-bit or
    // UTF-16 strings, but leaves isotherm workbooks to the Micromeritics and BEL readers.
    const QByteArray ole = QByteArray::fromHex("D0CF11E0A1B11AE1") + QByteArray(504, '\0');
    const TaExcelImporter ta;
    QCOMPARE(ta.sniff(ole + "Time\x01Temperature\x01Weight", "run.xls"), 87);
    QCOMPARE(ta.sniff(ole + QByteArray("T\0e\0m\0p\0e\0r\0a\0t\0u\0r\0e\0W\0e\0i\0g\0h\0t\0", 34), "run.xls"),
             87);
    QCOMPARE(ta.sniff(ole + "Temperature Weight Quantity Adsorbed", "run.xls"), 0);
    QCOMPARE(ta.sniff(ole + "Temperature Weight AdsDes", "run.xls"), 0);
    QCOMPARE(ta.sniff("Temperature,Weight\n", "run.csv"), 0);
    const Importer* detected =
        ImporterRegistry::instance().detect(ole + "Time\x01Temperature\x01Weight", "run.xls");
    QVERIFY(detected);
    QCOMPARE(detected->id(), QString("ta-excel"));
}
