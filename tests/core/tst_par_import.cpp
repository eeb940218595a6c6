// Princeton VersaStudio .par reader.
//  - The real file under $VANADIS_TESTDATA/echem/eis_csv (skipped when absent): recognised by content,
//    every impedance row read (count, first and last values read off the file text by hand), metadata.
//  - Generated files: two impedance segments of one action and a CV segment of another; a file in the
//    layout of real multi-technique runs (one <Segment1> data block, the Segment # column counting on
//    across the actions, each action taking as many segments as its Segments= says, the ActionId
//    column giving the technique code: 21 EIS, 38 CV with multiple cycles, 3 chronoamperometry) with an
//    open-circuit step, a three-cycle CV, a chronoamperometry, an impedance spectrum and a linear sweep:
//    each becomes a dataset of its type (cv with its cycles found from the applied potential, chrono,
//    eis) with the generated values; the same rows without the action sections (grouped by ActionId);
//    a file ending inside its segment (last row left out, said so), and the bad inputs (no segment, no
//    Definition, a short row, a non-number, a repeated frequency, a CV without a time column): an
//    Error naming the file and the line, never a partial dataset.
#include "../TempFiles.h"
#include "io/import/ImporterRegistry.h"

#include "../VerifyNear.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

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
    for (const auto& r : rows) {
        s += QStringLiteral("0,%1,0,1E-06,%2,%3,%4,%5\r\n")
                 .arg(k)
                 .arg((k + 1) * 1.5)
                 .arg(r[0], 0, 'g', 10)
                 .arg(r[1], 0, 'g', 10)
                 .arg(r[2], 0, 'g', 10)
                 .toUtf8();
        ++k;
    }
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
    void multiTechniqueRun();
    void multiTechniqueRunWithoutActions();
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
    QCOMPARE(r->datasets.size(), std::size_t(3));
    QCOMPARE(col(r->datasets[0], "Z''"), (std::vector<double>{-1, -4, -8}));
    QCOMPARE(col(r->datasets[1], "Z'"), (std::vector<double>{11, 13}));
    QVERIFY(r->datasets[1].name.contains("segment 2"));
    QCOMPARE(r->datasets[0].metadata.value("electrode_area_cm2").toDouble(), 0.785);
    const ImportedDataset& c = r->datasets[2];
    QCOMPARE(c.kind, QStringLiteral("cv"));
    QCOMPARE(c.metadata.value("experiment").toString(), QStringLiteral("Cyclic Voltammetry"));
    QCOMPARE(col(c, "Potential"), (std::vector<double>{0.1, 0.2}));
    QCOMPARE(col(c, "Time"), (std::vector<double>{0.1, 0.2}));
    VERIFY_NEAR(col(c, "Current")[1], 2e-3, 1e-15); // A → mA
    for (const ImportedDataset& d : r->datasets)
        QVERIFY2(importWarnings(d).isEmpty(), qPrintable(importWarnings(d).join('|')));
}

namespace {

/// The full column set VersaStudio 2.5x writes (the real example file's Definition= line).
const char* const kFullDefinition =
    "Definition=Segment #, Point #, E(V), I(A), Elapsed Time(s), ADC Sync Input(V), Current Range, Status, "
    "E Applied(V), Frequency(Hz), E Real, E Imag, I Real, I Imag, Z Real, Z Imag, E2 Status, E2(V), E2 "
    "Real, E2 Imag, Z2 Real, Z2 Imag, ActionId, AC Amplitude, 0";

/// One data row of kFullDefinition.
QByteArray fullRow(int segment, int point, double e, double iA, double t, double applied, double f, double zr,
                   double zi, int actionId)
{
    return QStringLiteral("%1,%2,%3,%4,%5,0.001,5,53,%6,%7,0,0,0,0,%8,%9,0,0,0,0,0,0,%10,0\r\n")
        .arg(segment)
        .arg(point)
        .arg(e, 0, 'g', 12)
        .arg(iA, 0, 'g', 12)
        .arg(t, 0, 'g', 12)
        .arg(applied, 0, 'g', 12)
        .arg(f, 0, 'g', 12)
        .arg(zr, 0, 'g', 12)
        .arg(zi, 0, 'g', 12)
        .arg(actionId)
        .toUtf8();
}

QByteArray action(int n, const char* name, int segments, const char* extra = "")
{
    return QStringLiteral("<Action%1>\r\n%2Segments=%3\r\nName=%4\r\n</Action%1>\r\n\r\n")
        .arg(n)
        .arg(QLatin1String(extra))
        .arg(segments)
        .arg(QLatin1String(name))
        .toUtf8();
}

/// What multiTechniqueRun() generates, to compare with.
struct Truth {
    std::vector<double> ocvT, ocvE;
    std::vector<double> cvE, cvI, cvCycle;
    std::vector<double> caT, caI;
    std::vector<double> f, zr, zi;
    std::vector<double> lsvE;
};

/// Open circuit (60 s), CV −0.2 → 0.6 → −0.2 V three times at 10 mV/s (one segment per sweep, the
/// measured E with ±0.4 mV of ripple), chronoamperometry at 0.5 V (Cottrell-like decay), EIS 10 kHz …
/// 0.1 Hz of a 10 Ω + (100 Ω ‖ 10 µF) cell, a linear sweep 0 → 1 V.
QByteArray multiTechniqueRows(Truth& tr, bool withActionIds)
{
    QByteArray rows;
    int seg = 0, pt = 0;
    double t = 0.0;
    const int idOcv = withActionIds ? 1 : 0, idCv = withActionIds ? 38 : 0, idCa = withActionIds ? 3 : 0,
              idEis = withActionIds ? 21 : 0, idLsv = withActionIds ? 15 : 0;
    for (int k = 0; k <= 60; k += 5, t += 5.0) {
        const double e = 0.31 + 0.0001 * k;
        rows += fullRow(seg, pt++, e, 0.0, t, 0.0, 0.0, 0, 0, idOcv);
        tr.ocvT.push_back(t);
        tr.ocvE.push_back(e);
    }
    const double rate = 0.01, dE = 0.01; // V/s, V per point
    for (int cycle = 1; cycle <= 3; ++cycle)
        for (int sweep = 0; sweep < 2; ++sweep) {
            ++seg;
            pt = 0;
            for (int k = 0; k < 80; ++k, t += dE / rate) {
                const double applied = sweep == 0 ? -0.2 + dE * k : 0.6 - dE * k;
                const double e = applied + 0.0004 * std::sin(1.7 * (tr.cvE.size() + 1));
                const double iA = (sweep == 0 ? 1.0 : -1.0) * 2e-5 * (1.0 + 0.3 * applied);
                rows += fullRow(seg, pt++, e, iA, t, applied, 0.0, 0, 0, idCv);
                tr.cvE.push_back(e);
                tr.cvI.push_back(iA * 1e3);
                tr.cvCycle.push_back(cycle);
            }
        }
    ++seg;
    pt = 0;
    for (int k = 1; k <= 30; ++k, t += 1.0) {
        const double iA = 1e-4 / std::sqrt(double(k));
        rows += fullRow(seg, pt++, 0.5, iA, t, 0.5, 0.0, 0, 0, idCa);
        tr.caT.push_back(t);
        tr.caI.push_back(iA * 1e3);
    }
    ++seg;
    pt = 0;
    for (int k = 0; k <= 25; ++k, t += 2.0) {
        const double f = std::pow(10.0, 4.0 - 0.2 * k), w = 2.0 * 3.14159265358979 * f;
        const double a = 100.0, b = w * 100.0 * 1e-5, d = 1.0 + b * b;
        const double zr = 10.0 + a / d, zi = -a * b / d;
        rows += fullRow(seg, pt++, 0.0, 0.0, t, 0.0, f, zr, zi, idEis);
        tr.f.push_back(f);
        tr.zr.push_back(zr);
        tr.zi.push_back(zi);
    }
    ++seg;
    pt = 0;
    for (int k = 0; k <= 50; ++k, t += 2.0) {
        rows += fullRow(seg, pt++, 0.02 * k, 1e-6 * std::exp(5.0 * 0.02 * k), t, 0.02 * k, 0.0, 0, 0, idLsv);
        tr.lsvE.push_back(0.02 * k);
    }
    return rows;
}

const ImportedDataset* ofKindNamed(const std::vector<ImportedDataset>& ds, const char* kind, const char* name)
{
    for (const ImportedDataset& d : ds)
        if (d.kind == QLatin1String(kind) && d.name.contains(QLatin1String(name))) return &d;
    return nullptr;
}

} // namespace

void TestParImport::multiTechniqueRun()
{
    Truth tr;
    const QByteArray actions =
        action(1, "Open Circuit", 1, "Time Per Point (s)=5\r\n") +
        action(2, "Cyclic Voltammetry (Multiple Cycles)", 6, "Scan Rate (V/s)=.01\r\nCycles=3\r\n") +
        action(3, "Chronoamperometry", 1) + action(4, "Potentiostatic EIS", 1, "Amplitude (mV RMS)=10\r\n") +
        action(5, "Linear Scan Voltammetry", 1, "Scan Rate (V/s)=.005\r\n");
    const QByteArray data = "<Segment1>\r\nType=2\r\nVersion=3\r\n" + QByteArray(kFullDefinition) + "\r\n" +
                            multiTechniqueRows(tr, true) + "</Segment1>\r\n";
    auto r = parseFile(write("run.par", par(actions, data)));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QCOMPARE(r->datasets.size(), std::size_t(5));
    for (const ImportedDataset& d : r->datasets)
        QVERIFY2(importWarnings(d).isEmpty(), qPrintable(importWarnings(d).join('|')));

    const ImportedDataset* ocv = ofKindNamed(r->datasets, "chrono", "Open Circuit");
    QVERIFY(ocv);
    QCOMPARE(col(*ocv, "Time"), tr.ocvT);
    for (std::size_t k = 0; k < tr.ocvE.size(); ++k)
        VERIFY_NEAR(col(*ocv, "Potential")[k], tr.ocvE[k], 1e-12);

    const ImportedDataset* cv = ofKindNamed(r->datasets, "cv", "Cyclic Voltammetry");
    QVERIFY(cv);
    QCOMPARE(cv->metadata.value("scan_rate_mv_s").toDouble(), 10.0);
    QCOMPARE(col(*cv, "Potential").size(), tr.cvE.size());
    for (std::size_t k = 0; k < tr.cvE.size(); ++k) // written with 12 digits
        VERIFY_NEAR(col(*cv, "Potential")[k], tr.cvE[k], 1e-12);
    QCOMPARE(col(*cv, "Cycle"), tr.cvCycle); // three cycles, each starting at the lower vertex
    for (std::size_t k = 0; k < tr.cvI.size(); ++k)
        VERIFY_NEAR(col(*cv, "Current")[k], tr.cvI[k], 1e-10 * std::abs(tr.cvI[k]));

    const ImportedDataset* ca = ofKindNamed(r->datasets, "chrono", "Chronoamperometry");
    QVERIFY(ca);
    QCOMPARE(col(*ca, "Time"), tr.caT);
    for (std::size_t k = 0; k < tr.caI.size(); ++k)
        VERIFY_NEAR(col(*ca, "Current")[k], tr.caI[k], 1e-10 * tr.caI[k]);

    const ImportedDataset* eis = ofKindNamed(r->datasets, "eis", "Potentiostatic EIS");
    QVERIFY(eis);
    QCOMPARE(col(*eis, "Frequency").size(), tr.f.size());
    for (std::size_t k = 0; k < tr.f.size(); ++k) {
        VERIFY_NEAR(col(*eis, "Z'")[k], tr.zr[k], 1e-9 * tr.zr[k]);
        VERIFY_NEAR(col(*eis, "Z''")[k], tr.zi[k], 1e-9 * std::abs(tr.zi[k]));
    }
    QVERIFY(!eis->name.contains("segment")); // one spectrum in its action
    QCOMPARE(eis->metadata.value("ac_amplitude_mv_rms").toDouble(), 10.0);

    const ImportedDataset* lsv = ofKindNamed(r->datasets, "cv", "Linear Scan");
    QVERIFY(lsv);
    for (std::size_t k = 0; k < tr.lsvE.size(); ++k)
        VERIFY_NEAR(col(*lsv, "Potential")[k], tr.lsvE[k], 1e-12);
    QCOMPARE(col(*lsv, "Cycle"), std::vector<double>(tr.lsvE.size(), 1.0)); // one sweep
    QCOMPARE(lsv->metadata.value("scan_rate_mv_s").toDouble(), 5.0);
    QCOMPARE(lsv->metadata.value("experiment").toString(), QStringLiteral("Linear Scan Voltammetry"));
}

void TestParImport::multiTechniqueRunWithoutActions()
{
    // The same rows with only the common Action0: the ActionId codes decide (38 → cv, 3 → chrono,
    // 21 → eis); the codes 1 and 15, which no table names, are read as time series and said so.
    Truth tr;
    const QByteArray data = "<Segment1>\r\nType=2\r\nVersion=3\r\n" + QByteArray(kFullDefinition) + "\r\n" +
                            multiTechniqueRows(tr, true) + "</Segment1>\r\n";
    auto r = parseFile(write("noactions.par", par({}, data)));
    QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
    QStringList kinds;
    for (const ImportedDataset& d : r->datasets)
        kinds << d.kind;
    QCOMPARE(kinds, (QStringList{"chrono", "cv", "chrono", "eis", "chrono"}));
    QCOMPARE(col(r->datasets[1], "Cycle"), tr.cvCycle);
    QCOMPARE(col(r->datasets[3], "Z'").size(), tr.zr.size());
    QCOMPARE(importWarnings(r->datasets[0]).size(), 1);
    QVERIFY(importWarnings(r->datasets[0]).front().contains("segment 1"));
    QVERIFY(importWarnings(r->datasets[1]).isEmpty());
    QCOMPARE(importWarnings(r->datasets[4]).size(), 1);
    // Without ActionId codes as well: the impedance rows are still found by their frequencies.
    Truth tr2;
    const QByteArray bare = "<Segment1>\r\nType=2\r\nVersion=3\r\n" + QByteArray(kFullDefinition) + "\r\n" +
                            multiTechniqueRows(tr2, false) + "</Segment1>\r\n";
    auto b = parseFile(write("bare.par", par({}, bare)));
    QVERIFY2(b, b ? "" : qPrintable(msg(b.error())));
    QCOMPARE(b->datasets.size(), std::size_t(1));            // one ActionId (0), one layout: one part …
    QCOMPARE(b->datasets[0].kind, QStringLiteral("chrono")); // … and not every row has a frequency
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
    QTest::newRow("CV without time")
        << par(eisAction(1, "Cyclic Voltammetry"),
               "<Segment1>\r\nDefinition=Segment #, E(V), I(A)\r\n0,0.1,1E-06\r\n</Segment1>\r\n")
        << "line 28"
        << "segment 1 (Cyclic Voltammetry) needs the columns Elapsed Time(s), E(V) and I(A)";
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
