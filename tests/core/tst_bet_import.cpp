// BET isotherm import: the AIF, Quantachrome, BELSORP and Micromeritics readers on the real instrument
// files in ../shared/testdata/bet (or $VANADIS_TESTDATA/bet), checked against
//   - the adsorption-file-parser oracle (.expected.json beside a file): point count, first and last
//     p/p0 and amount adsorbed within 1e-6 relative after unit conversion;
//   - the AIF conversions raw2aif made of the same Quantachrome, BELSORP and Micromeritics files
//     (every point), and the loop row counts of every AIF file;
//   - the vendor BET reports inside the Micromeritics and BEL workbooks;
// plus generated files (valid ones with exact unit conversions, and truncated, garbled, empty,
// unit-less, non-monotonic, p/p0 > 1.05, negative-amount and randomly corrupted variants) that must
// come back as an Error naming the file and the place — never a crash, never a half import.
// Real-file tests skip cleanly when the test data are absent. A summary table is printed at the end.
#include "XlsxTestWriter.h"
#include "analysis/bet/BetAnalysis.h"
#include "io/import/AifImporter.h"
#include "io/import/BelsorpImporter.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/MicromeriticsReportImporter.h"
#include "io/import/MicromeriticsXlsImporter.h"
#include "io/import/PyGapsJsonImporter.h"
#include "io/import/QuantachromeImporter.h"
#include "io/import/XlsWorkbook.h"
#include "io/import/XlsxImporter.h"
#include "model/Project.h"
#include "numeric/Constants.h"

#include "numeric/sim/DemoSeries.h"
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>

using namespace vanadis;

namespace {

constexpr double kCm3PerMmol = constants::molarVolumeStpCm3PerMol / 1000.0;

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

bool close(double a, double b, double rel = 1e-6)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b)) + 1e-15;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The test data folder for BET, or "" when absent.
QString betRoot()
{
    QString base = qEnvironmentVariable("VANADIS_TESTDATA");
    if (base.isEmpty()) base = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    if (base.isEmpty()) base = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    const QString bet = QDir(base).filePath("bet");
    return QFileInfo(bet).isDir() ? bet : QString();
}

QStringList filesUnder(const QString& dir, const QStringList& patterns)
{
    QStringList out;
    if (!QFileInfo(dir).isDir()) return out;
    QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

struct Iso {
    std::vector<double> x, y, branch;
    QJsonObject meta;
    QString importer;
    size_t ads() const { return size_t(std::count(branch.begin(), branch.end(), 0.0)); }
    size_t des() const { return branch.size() - ads(); }
    bool moved() const
    {
        for (const auto& w : meta.value("warnings").toArray())
            if (w.toString().contains("moved to the adsorption branch")) return true;
        return false;
    }
};

/// parseFile() — the path the GUI and CLI take — and the checks every BET dataset must pass.
Expected<Iso> parseIsotherm(const QString& path)
{
    auto parsed = parseFile(path);
    if (!parsed) return std::unexpected(parsed.error());
    if (parsed->datasets.size() != 1) return fail(path.toStdString(), "", "expected exactly one dataset");
    const ImportedDataset& d = parsed->datasets.front();
    if (d.technique != Technique::Bet || d.kind != "isotherm" || d.columns.size() != 3 ||
        d.columns[0].name != "P/P0" || d.columns[0].unit != "1" || d.columns[1].name != "Quantity Adsorbed" ||
        d.columns[1].unit != "cm3/g STP" || d.columns[2].name != "Branch")
        return fail(path.toStdString(), "", "the dataset does not have the BET isotherm layout");
    Iso iso{d.columns[0].values, d.columns[1].values, d.columns[2].values, d.metadata,
            parsed->provenance.importerId};
    // Adsorption rows first.
    for (size_t i = 1; i < iso.branch.size(); ++i)
        if (iso.branch[i] < iso.branch[i - 1])
            return fail(path.toStdString(), "", "desorption rows before adsorption rows");
    return iso;
}

/// Loop row counts of an AIF file, counted independently of the importer: {adsorption, desorption}.
std::pair<int, int> aifLoopRows(const QString& path)
{
    const QStringList lines = QString::fromUtf8(readAll(path)).split('\n');
    int counts[2] = {0, 0};
    int branch = -1, tags = 0;
    bool inLoop = false, inRows = false;
    int values = 0;
    auto flush = [&] {
        if (branch >= 0 && tags > 0) counts[branch] += values / tags;
        values = 0;
    };
    for (QString l : lines) {
        l = l.trimmed();
        if (l.isEmpty() || l.startsWith('#')) continue;
        if (l == "loop_") {
            flush();
            inLoop = true;
            inRows = false;
            tags = 0;
            branch = -1;
            continue;
        }
        if (l.startsWith('_')) {
            if (inLoop && !inRows) {
                if (tags == 0) branch = l.startsWith("_adsorp_") ? 0 : l.startsWith("_desorp_") ? 1 : -1;
                ++tags;
                continue;
            }
            flush();
            inLoop = false;
            branch = -1;
            continue;
        }
        if (inLoop) {
            inRows = true;
            values += int(l.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts).size());
        }
    }
    flush();
    return {counts[0], counts[1]};
}

} // namespace

class TestBetImport : public QObject {
    Q_OBJECT
private:
    QString m_root;
    QTemporaryDir m_dir;
    QStringList m_summary;

    void note(const QString& file, qsizetype points, const QString& status)
    {
        m_summary << QStringLiteral("%1 | %2 | %3").arg(file, -58).arg(points, 5).arg(status);
    }
    QString rel(const QString& path) const { return QDir(m_root).relativeFilePath(path); }

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(p));
        f.write(bytes);
        return p;
    }

    /// A bad input must be an Error naming the file, a place (when \a place is set) and a reason.
    void expectError(const QString& name, const QByteArray& bytes, const QString& place,
                     const QString& reason)
    {
        const QString path = write(name, bytes);
        auto r = parseIsotherm(path);
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
        note("generated/" + name, 0, "error as expected: " + QString::fromStdString(r.error().location));
    }

    // ---- generated valid files ----

    static QByteArray
    aif(const QByteArray& units = "_units_pressure kPa\n_units_loading mmol/g\n_units_mass g\n",
        const QByteArray& adsRows = {}, const QByteArray& desRows = {})
    {
        QByteArray b =
            "# generated by tst_bet_import\ndata_test\n_exptl_operator 'A. Chemist'\n_exptl_date "
            "2024-03-01T10:00:00\n"
            "_exptl_instrument 'Generated Sorb 1'\n_exptl_adsorptive Nitrogen\n_exptl_temperature 77.35\n"
            "_adsnt_sample_mass 0.1234\n_adsnt_sample_name 'HMCS batch 7'\n_adsnt_degas_temperature 150\n"
            "_units_temperature K\n" +
            units + "\nloop_\n_adsorp_pressure\n_adsorp_p0\n_adsorp_amount\n";
        b +=
            adsRows.isEmpty()
                ? QByteArray("1.0 100.0 1.0\n5.0 100.0 1.5\n10.0 100.0 1.75\n20.0 100.0 2.0\n50.0 100.0 3.0\n"
                             "99.0 100.0 6.0\n")
                : adsRows;
        b += "loop_\n_desorp_pressure\n_desorp_p0\n_desorp_amount\n";
        b += desRows.isEmpty()
                 ? QByteArray("80.0 100.0 5.0\n60.0 100.0 4.0\n40.0 100.0 2.9\n10.0 100.0 1.8\n")
                 : desRows;
        return b;
    }

    static QByteArray quantachrome(bool unitLine = true, const QByteArray& extraRow = {})
    {
        QByteArray b = "                        Quantachrome\xAE ASiQwin- Automated Gas Sorption Data\r\n"
                       "                               \xA9 1994-2012, Quantachrome Instruments\r\n\r\n"
                       "Operator:      Nicole         Date:09/17/2009 19:56Operator:ir                  "
                       "Date:2020/05/06\r\n"
                       "Sample ID:     CS-1_N2Filename:     CS1.raw\r\n"
                       "Outgas Time:   24.0 hrs            Outgas Temp:   120.0 \xB0"
                       "C            Sample Weight: 0.0500 g\r\n"
                       "Analysis gas:  Nitrogen            Molec. Wt:     28.0134 g           Non-ideality:  "
                       "6.58e-05 1/Torr\r\n"
                       "Analysis Time: 2070.6 min          Instrument:    Autosorb Station 1  Bath temp.:    "
                       "77.3 K\r\n\r\n"
                       "      Press            P0         Volume @ STP        Time             Tol           "
                       "  Equ\r\n\r\n";
        if (unitLine) b += "      Torr            Torr             cc              min\r\n\r\n";
        const double p[] = {7.6, 38, 76, 152, 380, 750, 600, 300, 100};
        const double v[] = {1.0, 1.5, 1.75, 2.0, 3.0, 6.0, 5.0, 2.9, 1.8};
        for (int i = 0; i < 9; ++i)
            b += QByteArray("       ") + QByteArray::number(p[i], 'f', 3) + "        760.00            " +
                 QByteArray::number(v[i], 'f', 4) + "          0.0             5               2\r\n";
        b += extraRow;
        return b;
    }

    static QByteArray belDat(const QByteArray& amountHeader = "\"V/ml(STP) g-1\"",
                             const QByteArray& adsRows = {})
    {
        QByteArray b =
            "====================\n System property Ver1.2.6\n====================\n\"Instrument "
            "S/N:\"\t00218\n"
            "=======================\n Measurement condition\n=======================\n\"Adsorptive:\"\tN2\n"
            "\"Meas. Temp./K:\"\t77.00\n====================\n Sample information\n====================\n"
            "\"Sample weight/g:\"\t0.03870\n\"Comment1:\"\t\"WCS\"\n\"Comment2:\"\t\"Simon\"\n"
            "\"Comment3:\"\t\"12 h 110 C\"\n====================\n Time and dead "
            "volume\n====================\n"
            "\"Date of measurement:\"\t16/03/05\n====================\n Adsorption "
            "data\n====================\n"
            "\"No.\"\t\"Pe/kPa\"\t\"P0/kPa\"\t\"Vd/ml\"\t" +
            amountHeader + "\n";
        b += adsRows.isEmpty()
                 ? QByteArray(
                       "1\t1.0\t100.0\t25.0\t10.0\n2\t5.0\t100.0\t25.0\t15.0\n3\t20.0\t100.0\t25.0\t20.0\n"
                       "4\t90.0\t100.0\t25.0\t60.0\n")
                 : adsRows;
        b += "====================\n Desorption "
             "data\n====================\n\"No.\"\t\"Pe/kPa\"\t\"P0/kPa\"\t\"Vd/ml\"\t" +
             amountHeader + "\n1\t50.0\t100.0\t25.0\t40.0\n2\t10.0\t100.0\t25.0\t18.0\n";
        return b;
    }

    static QByteArray belCsv(int statedAds = 3, const QByteArray& header = "Va/cm^3(STP) g^-1")
    {
        QByteArray b = "File Name,HMCS.DAT\nDate of "
                       "measurement,13/01/30\nCOMMENT1,HMCS\nCOMMENT2,irena\nSerial number,00218\n"
                       "Sample weight,1.8400E-02,[g]\nAdsorptive,N2\nAdsorption temperature,77.000,[K]\n"
                       "Number of adsorption data point :," +
                       QByteArray::number(statedAds) + "\nNumber of desorption data point :,1\n\n";
        b += "No,pi/kPa,pe/kPa,pe2/kPa,p0/kPa,p/p0," + header + "\nADS\n";
        b += "1,0.0000,1.0,0.0000,100.0,1.0000E-02,50.0\n2,0.0000,20.0,0.0000,100.0,0.2000,80.0\n"
             "3,0.0000,95.0,0.0000,100.0,0.9500,200.0\nDES\n1,0.0000,50.0,0.0000,100.0,0.5000,150.0\n";
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = betRoot();
        if (m_root.isEmpty()) qInfo("BET test data not found: real-file tests are skipped");
    }

    void cleanupTestCase()
    {
        qInfo("BET import summary (file | points | result):");
        for (const QString& s : m_summary)
            qInfo("  %s", qPrintable(s));
    }

    // ------------------------------------------------------------------ real files vs the oracle

    void oracle_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const QStringList oracles = filesUnder(m_root, {"*.expected.json"});
        if (oracles.isEmpty()) QTest::newRow("no-testdata") << QString() << QString();
        for (const QString& e : oracles) {
            const QString stem = e.left(e.size() - int(qstrlen(".expected.json")));
            const QStringList candidates =
                QDir(QFileInfo(e).path()).entryList({QFileInfo(stem).fileName() + ".*"}, QDir::Files);
            QString file;
            for (const QString& c : candidates)
                if (!c.endsWith(".expected.json")) file = QFileInfo(e).dir().filePath(c);
            QTest::newRow(qPrintable(rel(e))) << file << e;
        }
    }

    void oracle()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        if (expected.isEmpty()) QSKIP("BET test data not found");
        if (file.isEmpty()) QSKIP("the instrument file beside the oracle is absent");
        const QJsonObject o = QJsonDocument::fromJson(readAll(expected)).object();
        const QJsonObject meta = o["meta"].toObject(), data = o["data"].toObject();
        auto arr = [&](const char* k) {
            std::vector<double> v;
            for (const auto& x : data[k].toArray())
                v.push_back(x.toDouble());
            return v;
        };
        std::vector<double> x;
        if (data.contains("pressure_relative"))
            x = arr("pressure_relative");
        else if (meta["pressure_mode"].toString() == "relative")
            x = arr("pressure");
        else {
            const auto p = arr("pressure"), s = arr("pressure_saturation");
            for (size_t i = 0; i < p.size(); ++i)
                x.push_back(p[i] / s[i]);
        }
        // Loading in cm³ STP per gram: the oracle keeps the file's unit and basis.
        const QString unit = meta["loading_unit"].toString().toLower();
        const double toCm3 = unit.startsWith("mmol")  ? kCm3PerMmol
                             : unit.startsWith("mol") ? kCm3PerMmol * 1000
                                                      : 1.0;
        const QString original = meta["original_loading_string"].toString();
        const bool wholeSample =
            !original.contains('/') && !original.contains("g-1") && !original.contains("g^-1");
        const double mass = meta["material_mass"].toDouble();
        std::vector<double> y = arr("loading");
        for (double& v : y)
            v = v * toCm3 / (wholeSample ? mass : 1.0);

        // Points just outside 0 < p/p0 <= 1 (or below zero amount) are left out by the reader and named in
        // a warning; the oracle keeps them, so they are removed here by the same rule.
        std::vector<double> b = data.contains("branch") ? arr("branch") : std::vector<double>();
        qint64 outside = 0;
        for (size_t i = x.size(); i-- > 0;)
            if (x[i] <= 0 || x[i] > 1 || y[i] < 0) {
                x.erase(x.begin() + qsizetype(i));
                y.erase(y.begin() + qsizetype(i));
                if (!b.empty()) b.erase(b.begin() + qsizetype(i));
                ++outside;
            }

        auto r = parseIsotherm(file);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        const Iso& iso = *r;
        QString status = "ok (" + iso.importer + ")";
        QCOMPARE(iso.meta["points_left_out"].toInteger(), outside);
        if (outside) {
            status += QStringLiteral(", %1 point(s) outside 0 < p/p0 <= 1 left out").arg(outside);
            bool named = false;
            for (const auto& w : iso.meta.value("warnings").toArray())
                named |= w.toString().contains("left out of the isotherm");
            QVERIFY2(named, "no warning names the points left out");
        }
        QCOMPARE(iso.x.size(), x.size());
        QVERIFY2(close(iso.x.front(), x.front()),
                 qPrintable(QString("first p/p0 %1 vs %2").arg(iso.x.front()).arg(x.front())));
        QVERIFY2(close(iso.x.back(), x.back()),
                 qPrintable(QString("last p/p0 %1 vs %2").arg(iso.x.back()).arg(x.back())));
        QVERIFY2(close(iso.y.front(), y.front()),
                 qPrintable(QString("first amount %1 vs %2").arg(iso.y.front()).arg(y.front())));
        QVERIFY2(close(iso.y.back(), y.back()),
                 qPrintable(QString("last amount %1 vs %2").arg(iso.y.back()).arg(y.back())));
        if (data.contains("branch")) {
            const size_t ads = size_t(std::count(b.begin(), b.end(), 0.0));
            if (iso.moved())
                status +=
                    QStringLiteral(", %1 ads vs oracle %2: turning points moved").arg(iso.ads()).arg(ads);
            else
                QCOMPARE(iso.ads(), ads);
        }
        // Metadata every reader fills when the file has it.
        if (meta.contains("material_mass") && mass > 0)
            QVERIFY(close(iso.meta["sample_mass_g"].toDouble(), mass, 1e-9));
        QVERIFY2(!iso.meta["adsorptive"].toString().isEmpty(), "adsorptive missing");
        // The 3P report states no temperature (the oracle's 77.3 K comes from its defaults); a warning says
        // so.
        if (iso.importer != "xlsx-workbook")
            QVERIFY2(iso.meta["temperature_k"].toDouble() > 0, "temperature missing");
        note(rel(file), qsizetype(iso.x.size()), status);
    }

    // ------------------------------------------------------------------ AIF files: loop row counts

    void aifFiles_data()
    {
        QTest::addColumn<QString>("file");
        QStringList files = filesUnder(QDir(m_root).filePath("aif_repo"), {"*.aif"}) +
                            filesUnder(QDir(m_root).filePath("pygaps/aif"), {"*.aif"});
        if (m_root.isEmpty() || files.isEmpty()) QTest::newRow("no-testdata") << QString();
        for (const QString& f : files)
            QTest::newRow(qPrintable(rel(f))) << f;
    }

    void aifFiles()
    {
        QFETCH(QString, file);
        if (file.isEmpty()) QSKIP("BET test data not found");
        auto r = parseIsotherm(file);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        QCOMPARE(r->importer, QString("aif"));
        const auto [ads, des] = aifLoopRows(file);
        const int leftOut = int(r->meta["points_left_out"].toInteger());
        QCOMPARE(int(r->x.size()), ads + des - leftOut);
        if (!r->moved() && leftOut == 0) {
            QCOMPARE(int(r->ads()), ads);
            QCOMPARE(int(r->des()), des);
        }
        note(rel(file), qsizetype(r->x.size()), QStringLiteral("ok (%1 + %2 loop rows)").arg(ads).arg(des));
    }

    // ------------------------------------------------------------------ vendor files vs their AIF
    // conversions

    void vsAif_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("aif");
        QTest::addColumn<double>("xTolerance");
        QTest::addColumn<bool>("pointwise");
        int rows = 0;
        if (!m_root.isEmpty()) {
            const QString q = QDir(m_root).filePath("aif_repo/quantachrome");
            for (const QString& f : filesUnder(q, {"*.txt"})) {
                QString a = f.left(f.size() - 4) + ".aif";
                const bool isotherm = f.contains("(Isotherm)");
                if (isotherm) a = QString(f).replace("(Isotherm).txt", "(Raw Analysis Data).aif");
                if (!QFileInfo::exists(a)) continue;
                // "(Isotherm).txt" holds reduced data (other p0 handling, 4 decimals): counts and branches
                // only.
                QTest::newRow(qPrintable(rel(f))) << f << a << 1e-6 << !isotherm;
                ++rows;
            }
            for (const QString& f : filesUnder(QDir(m_root).filePath("aif_repo/bel"), {"*.DAT"})) {
                const QString a = f.left(f.size() - 4) + ".aif";
                if (!QFileInfo::exists(a)) continue;
                QTest::newRow(qPrintable(rel(f))) << f << a << 1e-6 << true;
                ++rows;
            }
            // raw2aif recomputes p/p0 from the absolute and saturation pressures; the report's relative
            // pressure column agrees to its printed precision (1e-5).
            for (const QString& f : filesUnder(QDir(m_root).filePath("aif_repo/micromeritics"), {"*.xls"})) {
                const QString a = f.left(f.size() - 4) + ".aif";
                if (!QFileInfo::exists(a)) continue;
                QTest::newRow(qPrintable(rel(f))) << f << a << 1e-4 << true;
                ++rows;
            }
        }
        if (!rows) QTest::newRow("no-testdata") << QString() << QString() << 0.0 << false;
    }

    void vsAif()
    {
        QFETCH(QString, file);
        QFETCH(QString, aif);
        QFETCH(double, xTolerance);
        QFETCH(bool, pointwise);
        if (file.isEmpty()) QSKIP("BET test data not found");
        auto r = parseIsotherm(file);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        auto a = parseIsotherm(aif);
        QVERIFY2(a, a ? "" : qPrintable(msg(a.error())));
        QCOMPARE(r->x.size(), a->x.size());
        QCOMPARE(r->ads(), a->ads());
        double worstX = 0, worstY = 0;
        for (size_t i = 0; i < r->x.size(); ++i) {
            worstX = std::max(worstX, std::abs(r->x[i] - a->x[i]) / std::max(std::abs(a->x[i]), 1e-300));
            worstY = std::max(worstY, std::abs(r->y[i] - a->y[i]) / std::max(std::abs(a->y[i]), 1e-300));
            if (!pointwise) continue;
            QVERIFY2(close(r->x[i], a->x[i], xTolerance),
                     qPrintable(QString("point %1: p/p0 %2 vs %3").arg(i).arg(r->x[i]).arg(a->x[i])));
            QVERIFY2(close(r->y[i], a->y[i]),
                     qPrintable(QString("point %1: amount %2 vs %3").arg(i).arg(r->y[i]).arg(a->y[i])));
        }
        note(rel(file), qsizetype(r->x.size()),
             QStringLiteral("ok vs %1 (%2; max rel. diff p/p0 %3, amount %4)")
                 .arg(QFileInfo(aif).fileName(), pointwise ? "every point" : "counts",
                      QString::number(worstX, 'g', 2), QString::number(worstY, 'g', 2)));
    }

    // ------------------------------------------------------------------ other real files and vendor reports

    void otherRealFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("importer");
        QTest::addColumn<int>("points");
        if (m_root.isEmpty()) {
            QTest::newRow("no-testdata") << QString() << QString() << 0;
            return;
        }
        auto row = [&](const char* f, const char* imp, int n) {
            const QString p = QDir(m_root).filePath(f);
            if (QFileInfo::exists(p)) QTest::newRow(f) << p << QString(imp) << n;
        };
        row("pygaps/commercial/DUT-6_N2_77K (Raw Analysis Data).txt", "quantachrome-txt", 106);
        row("cheminfo/belsorp.csv", "belsorp", 82);
        row("cheminfo/belsorp2.csv", "belsorp", 82);
        row("cheminfo/belsorp3.csv", "belsorp", 27);
        row("cheminfo/BET.xls", "belsorp", 32);
        row("cheminfo/belsorp2.xls", "belsorp", 45);
        row("cheminfo/Isotherm_Micromeritics_AlPyr-CO2-278K 2.XLS", "micromeritics-xls", 33);
    }

    void otherRealFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, importer);
        QFETCH(int, points);
        if (file.isEmpty()) QSKIP("BET test data not found");
        auto r = parseIsotherm(file);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        QCOMPARE(r->importer, importer);
        QCOMPARE(int(r->x.size()), points);
        note(rel(file), qsizetype(r->x.size()), "ok (" + importer + ")");
    }

    void vendorBetReports()
    {
        if (m_root.isEmpty()) QSKIP("BET test data not found");
        struct Case {
            const char* file;
            double area, err, c, pMin, pMax;
            int n;
        };
        // Values as printed in the reports (Micromeritics BET Report block; BEL "BET" sheet).
        const Case cases[] = {
            {"afp/mic/Sample_A.xls", 194.7493, 0.5313, 107.292458, 0.05231728433951517, 0.30041329550948936,
             12},
            {"afp/mic/Sample_L.xls", 1596.4627, 0.6426, 10182.764984, 0.0029258543908346102,
             0.03089053133050243, 5},
            {"afp/mic/Sample_N.xls", 1589.6174, 7.6619, 3549.378661, 0.0016528346715563957,
             0.021539225113557495, 8},
            {"afp/mic/Sample_D.xls", 935.5162, 32.5347, 17.466619, 0.052232136283366669, 0.072509578495377022,
             9},
            {"cheminfo/BET.xls", 790.62, -1, 11950, 0.00015732, 0.1129, 7},
        };
        int checked = 0;
        for (const Case& c : cases) {
            const QString p = QDir(m_root).filePath(c.file);
            if (!QFileInfo::exists(p)) continue;
            auto r = parseIsotherm(p);
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            const QJsonObject v = r->meta["vendor_bet"].toObject();
            QVERIFY2(!v.isEmpty(), c.file);
            QVERIFY2(close(v["area_m2_g"].toDouble(), c.area, 1e-9), c.file);
            if (c.err >= 0) QVERIFY2(close(v["area_err"].toDouble(), c.err, 1e-9), c.file);
            QVERIFY2(close(v["c_constant"].toDouble(), c.c, 1e-9), c.file);
            QVERIFY2(close(v["p_min"].toDouble(), c.pMin, 1e-9), c.file);
            QVERIFY2(close(v["p_max"].toDouble(), c.pMax, 1e-9), c.file);
            QCOMPARE(v["n_points"].toInt(), c.n);
            ++checked;
        }
        if (!checked) QSKIP("no file with a vendor BET report present");
        // Only the summary line: the area alone.
        if (const QString p = QDir(m_root).filePath("afp/mic/Sample_C.xls"); QFileInfo::exists(p)) {
            auto r = parseIsotherm(p);
            QVERIFY(r);
            QCOMPARE(r->meta["vendor_bet"].toObject()["area_m2_g"].toDouble(), 594.9649);
        }
    }

    void realMetadata()
    {
        if (m_root.isEmpty()) QSKIP("BET test data not found");
        struct Case {
            const char* file;
            const char* adsorptive;
            const char* raw;
            double kelvin, massG;
            const char* sample;
            const char* date;
        };
        const Case cases[] = {
            {"afp/qnt/DUT-6_LP_N2 (Raw Analysis Data).txt", "N2", "Nitrogen", 77.3, 0.0339,
             "nk_DUT-6_LP_N2_114pkt", "2009-09-17T19:56:00"},
            {"afp/bel/1.DAT", "Ar", "Ar", 87.0, 0.1432, "aus der BOX", "2020-06-03"},
            {"afp/bel/200819-2_jis.DAT", "N2", "N2", 77.0, 0.1874, "0.66K", "2020-08-19"},
            {"afp/mic/Sample_N.xls", "Ar", "Ar", 86.886, 0.0908, "(Al)MIL-53 TV4", "2022-07-11T18:32:56"},
            {"afp/mic/Sample_D.xls", "N2", "N2", 77.37, 0.0625, "TEST", "2021-02-09T13:46:34"},
            {"afp/mic/Sample_L.xls", "N2", "N2", 77.3, 0.0832, "XXXXinXXXX", "2021-12-16T18:50:16"},
            {"pygaps/aif/AC Ar 77K.aif", "Ar", "Ar", 87.0, 0.1432, "aus der BOX", "2020-06-03T00:00:00"},
        };
        int checked = 0;
        for (const Case& c : cases) {
            const QString p = QDir(m_root).filePath(c.file);
            if (!QFileInfo::exists(p)) continue;
            auto r = parseIsotherm(p);
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            const QJsonObject& m = r->meta;
            QCOMPARE(m["adsorptive"].toString(), QString(c.adsorptive));
            QCOMPARE(m["adsorptive_raw"].toString(), QString(c.raw));
            QVERIFY2(close(m["temperature_k"].toDouble(), c.kelvin, 1e-12), c.file);
            QVERIFY2(close(m["sample_mass_g"].toDouble(), c.massG, 1e-12), c.file);
            QCOMPARE(m["sample_name"].toString(), QString::fromUtf8(c.sample));
            QCOMPARE(m["date"].toString(), QString(c.date));
            QVERIFY2(!m["instrument"].toString().isEmpty(), c.file);
            ++checked;
        }
        if (!checked) QSKIP("none of the metadata files present");
    }

    void detection()
    {
        if (m_root.isEmpty()) QSKIP("BET test data not found");
        const auto& reg = ImporterRegistry::instance();
        auto detected = [&](const QString& p) {
            const Importer* i = reg.detect(readAll(p).left(64 * 1024), QFileInfo(p).fileName());
            return i ? i->id() : QString("none");
        };
        for (const QString& f : filesUnder(QDir(m_root).filePath("betsi"), {"*.csv"}))
            // "Relative Pressure (…), Quantity Adsorbed (…)" tables are Micromeritics' layout.
            QVERIFY(detected(f) == QString("generic-delimited") ||
                    detected(f) == QString("micromeritics-csv"));
        if (const QString smp = QDir(m_root).filePath("cheminfo/SN_45-MIL-160(Al)-2.SMP");
            QFileInfo::exists(smp))
            QVERIFY(detected(smp) != "micromeritics-xls" && detected(smp) != "belsorp");
        for (const QString& f : filesUnder(QDir(m_root).filePath("afp/mic"), {"*.xls"}))
            QCOMPARE(detected(f), QString("micromeritics-xls"));
        for (const QString& f : filesUnder(QDir(m_root).filePath("afp/qnt"), {"*.txt"}))
            QCOMPARE(detected(f), QString("quantachrome-txt"));
        for (const QString& f : filesUnder(QDir(m_root).filePath("afp/bel"), {"*.DAT", "*.csv", "*.xls"}))
            QCOMPARE(detected(f), QString("belsorp"));
        for (const QString& f : filesUnder(m_root, {"*.aif"}))
            QCOMPARE(detected(f), QString("aif"));
    }

    // ------------------------------------------------------------------ generated files: conversions

    void aifUnitConversions_data()
    {
        QTest::addColumn<QByteArray>("units");
        QTest::addColumn<double>("yFactor"); ///< cm³ STP/g per file unit
        QTest::addColumn<bool>("relative");
        QTest::newRow("mmol/g") << QByteArray("_units_pressure kPa\n_units_loading mmol/g\n_units_mass g\n")
                                << kCm3PerMmol << false;
        QTest::newRow("mol/kg") << QByteArray("_units_pressure kPa\n_units_loading mol/kg\n") << kCm3PerMmol
                                << false;
        QTest::newRow("cm3/g STP") << QByteArray("_units_pressure Pa\n_units_loading 'cm\xC2\xB3/g STP'\n")
                                   << 1.0 << false;
        QTest::newRow("ml(STP) g-1") << QByteArray("_units_pressure kPa\n_units_loading 'ml(STP) g-1'\n")
                                     << 1.0 << false;
        QTest::newRow("cm^3(STP) g^-1")
            << QByteArray("_units_pressure mbar\n_units_loading 'cm^3(STP) g^-1'\n") << 1.0 << false;
        QTest::newRow("cc + mass g") << QByteArray("_units_pressure Torr\n_units_loading cc\n_units_mass g\n")
                                     << 1.0 << false;
        QTest::newRow("cc + mass mg")
            << QByteArray("_units_pressure Torr\n_units_loading cc\n_units_mass mg\n") << 1000.0 << false;
        QTest::newRow("relative") << QByteArray("_units_pressure relative\n_units_loading mmol/g\n")
                                  << kCm3PerMmol << true;
    }

    void aifUnitConversions()
    {
        QFETCH(QByteArray, units);
        QFETCH(double, yFactor);
        QFETCH(bool, relative);
        // Relative pressures: the same numbers divided by 100 so that p/p0 stays below 1.
        QByteArray ads =
            "1.0 100.0 1.0\n5.0 100.0 1.5\n10.0 100.0 1.75\n20.0 100.0 2.0\n50.0 100.0 3.0\n99.0 100.0 6.0\n";
        QByteArray des = "80.0 100.0 5.0\n60.0 100.0 4.0\n40.0 100.0 2.9\n10.0 100.0 1.8\n";
        if (relative) {
            ads = "0.01 100.0 1.0\n0.05 100.0 1.5\n0.10 100.0 1.75\n0.20 100.0 2.0\n0.50 100.0 3.0\n0.99 "
                  "100.0 6.0\n";
            des = "0.80 100.0 5.0\n0.60 100.0 4.0\n0.40 100.0 2.9\n0.10 100.0 1.8\n";
        }
        const QString name =
            "units_" + QString(QTest::currentDataTag()).replace(QRegularExpression("[^A-Za-z0-9]"), "_") +
            ".aif";
        auto r = parseIsotherm(write(name, aif(units, ads, des)));
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        const double x[] = {0.01, 0.05, 0.10, 0.20, 0.50, 0.99, 0.80, 0.60, 0.40, 0.10};
        const double y[] = {1.0, 1.5, 1.75, 2.0, 3.0, 6.0, 5.0, 4.0, 2.9, 1.8};
        QCOMPARE(r->x.size(), size_t(10));
        QCOMPARE(r->ads(), size_t(6));
        for (int i = 0; i < 10; ++i) {
            QVERIFY2(close(r->x[size_t(i)], x[i], 1e-12),
                     qPrintable(QString("p/p0 %1").arg(r->x[size_t(i)])));
            QVERIFY2(close(r->y[size_t(i)], y[i] * yFactor, 1e-12),
                     qPrintable(QString("amount %1").arg(r->y[size_t(i)])));
        }
        QCOMPARE(r->meta["adsorptive"].toString(), QString("N2"));
        QCOMPARE(r->meta["adsorptive_raw"].toString(), QString("Nitrogen"));
        QCOMPARE(r->meta["temperature_k"].toDouble(), 77.35);
        QCOMPARE(r->meta["sample_name"].toString(), QString("HMCS batch 7"));
        QCOMPARE(r->meta["operator"].toString(), QString("A. Chemist"));
        QCOMPARE(r->meta["date"].toString(), QString("2024-03-01T10:00:00"));
        note("generated/" + name, qsizetype(r->x.size()), "ok (exact conversion)");
    }

    void generatedVendorFiles()
    {
        // Quantachrome: whole-sample cc divided by the 0.0500 g sample weight; Torr/Torr ratio.
        auto q = parseIsotherm(write("CS-1 (Raw Analysis Data).txt", quantachrome()));
        QVERIFY2(q, q ? "" : qPrintable(msg(q.error())));
        QCOMPARE(q->importer, QString("quantachrome-txt"));
        QCOMPARE(q->x.size(), size_t(9));
        QCOMPARE(q->ads(), size_t(6)); // split at the highest pressure (750 Torr)
        QVERIFY(close(q->x[0], 7.6 / 760.0, 1e-12));
        QVERIFY(close(q->y[0], 1.0 / 0.05, 1e-12));
        QVERIFY(close(q->y[8], 1.8 / 0.05, 1e-12));
        QCOMPARE(q->meta["sample_name"].toString(), QString("CS-1_N2"));
        QCOMPARE(q->meta["operator"].toString(), QString("Nicole"));
        QCOMPARE(q->meta["report_operator"].toString(), QString("ir"));
        QCOMPARE(q->meta["degas_time_h"].toDouble(), 24.0);
        QCOMPARE(q->meta["degas_temperature_c"].toDouble(), 120.0);
        QCOMPARE(q->meta["p0_unit"].toString(), QString("Torr"));

        // BELSORP .DAT and BELMaster csv.
        auto b = parseIsotherm(write("WCS.DAT", belDat()));
        QVERIFY2(b, b ? "" : qPrintable(msg(b.error())));
        QCOMPARE(b->importer, QString("belsorp"));
        QCOMPARE(b->ads(), size_t(4));
        QCOMPARE(b->des(), size_t(2));
        QVERIFY(close(b->x[3], 0.9, 1e-12));
        QCOMPARE(b->y[3], 60.0);
        QCOMPARE(b->meta["sample_name"].toString(), QString("WCS"));
        QCOMPARE(b->meta["date"].toString(), QString("2016-03-05"));
        auto c = parseIsotherm(write("HMCS.csv", belCsv()));
        QVERIFY2(c, c ? "" : qPrintable(msg(c.error())));
        QCOMPARE(c->importer, QString("belsorp"));
        QCOMPARE(c->x.size(), size_t(4));
        QCOMPARE(c->x[2], 0.95);
        note("generated/CS-1 (Raw Analysis Data).txt, WCS.DAT, HMCS.csv", 19, "ok (exact conversion)");
    }

    // ------------------------------------------------------------------ generated bad input

    void badInput()
    {
        // AIF.
        QByteArray a = aif();
        expectError("truncated.aif", a.left(a.lastIndexOf("10.0 100.0 1.8") + 6), "line", "incomplete");
        expectError("garbled.aif", QByteArray(a).replace("20.0 100.0 2.0", "20.0 1#0.0 2.0"), "line 23",
                    "not a number");
        expectError("empty.aif", QByteArray(), "", "empty");
        expectError("no_loading_unit.aif", QByteArray(a).replace("_units_loading mmol/g\n", ""), "line 2",
                    "not stated");
        expectError("no_pressure_unit.aif", QByteArray(a).replace("_units_pressure kPa\n", ""), "line 2",
                    "not stated");
        expectError("unknown_unit.aif",
                    QByteArray(a).replace("_units_loading mmol/g", "_units_loading 'wt%'"), "line 13", "wt%");
        expectError("nonmonotonic.aif",
                    QByteArray(a).replace("5.0 100.0 1.5\n10.0 100.0 1.75", "10.0 100.0 1.5\n5.0 100.0 1.75"),
                    "line 22", "adsorption branch");
        expectError("above_p0.aif", QByteArray(a).replace("99.0 100.0 6.0", "120.0 100.0 6.0"), "line 25",
                    "above 1.05");
        expectError("negative.aif", QByteArray(a).replace("50.0 100.0 3.0", "50.0 100.0 -3.0"), "line 24",
                    "negative amount");
        expectError("two_blocks.aif", a + "data_second\n_units_pressure kPa\n", "line",
                    "more than one data block");
        expectError("open_quote.aif", QByteArray(a).replace("'A. Chemist'", "'A. Chemist"), "line 3",
                    "quoted");
        expectError(
            "no_p0.aif",
            QByteArray(a).replace("_adsorp_p0\n", "").replace("_desorp_p0\n", "").replace(" 100.0 ", " "),
            "line 16", "saturation pressure");

        // Quantachrome.
        QByteArray q = quantachrome();
        expectError("truncated (Raw Analysis Data).txt", q.left(q.lastIndexOf("0.0             5") + 4),
                    "line 22", "truncated");
        expectError("garbled (Raw Analysis Data).txt", QByteArray(q).replace("152.000", "15x.000"), "line 17",
                    "not a number");
        expectError("no_units (Raw Analysis Data).txt", quantachrome(false), "line", "not stated");
        expectError("text_inside (Raw Analysis Data).txt",
                    QByteArray(q).replace("\r\n       380.000", "\r\nGARBAGE\r\n       380.000"), "line 18",
                    "text inside");
        expectError("no_mass (Raw Analysis Data).txt",
                    QByteArray(q).replace("Sample Weight: 0.0500 g", "Sample Weight:"), "line 6",
                    "sample mass");
        expectError("nonmono (Raw Analysis Data).txt",
                    QByteArray(q).replace("       38.000", "       90.000"), "line 16", "adsorption branch");

        // BELSORP .DAT and csv.
        QByteArray d = belDat();
        expectError("truncated.DAT", d.left(d.lastIndexOf("2\t10.0\t100.0") + 8), "line", "truncated");
        expectError("garbled.DAT", QByteArray(d).replace("3\t20.0\t100.0", "3\t2?.0\t100.0"), "line 27",
                    "not a number");
        expectError("no_unit.DAT", belDat("\"V\""), "line 24", "not stated");
        expectError("above_p0.DAT", QByteArray(d).replace("4\t90.0\t100.0", "4\t190.0\t100.0"), "line 28",
                    "above 1.05");
        expectError("negative.DAT", QByteArray(d).replace("25.0\t15.0", "25.0\t-15.0"), "line 26",
                    "negative amount");
        expectError("stated_count.csv", belCsv(5), "line", "states 5 adsorption points");
        expectError("no_unit.csv", belCsv(3, "Va"), "line 12", "not stated");

        // Micromeritics workbook (a real one, damaged here).
        if (!m_root.isEmpty()) {
            const QByteArray x = readAll(QDir(m_root).filePath("afp/mic/Sample_A.xls"));
            if (!x.isEmpty()) {
                expectError("truncated_half.xls", x.left(x.size() / 2), "byte", "truncated");
                expectError("truncated_header.xls", x.left(300), "byte", "");
                QByteArray broken = x;
                broken.replace(512 * 3, 512 * 40, QByteArray(512 * 40, '\xFF'));
                const QString path = write("garbled.xls", broken);
                auto r = parseIsotherm(path); // may or may not parse; must not crash and must name the file
                if (!r) QVERIFY(QString::fromStdString(r.error().file).endsWith("garbled.xls"));
                note("generated/garbled.xls", r ? qsizetype(r->x.size()) : 0,
                     r ? "parsed" : "error: " + QString::fromStdString(r.error().location));
            }
        }
    }

    /// Random byte changes in every generated format: an Error naming the file or a valid isotherm,
    /// never a crash (run under ASan/UBSan in the sanitizer build).
    void randomCorruption()
    {
        QList<std::pair<QString, QByteArray>> bases = {{"r.aif", aif()},
                                                       {"r (Raw Analysis Data).txt", quantachrome()},
                                                       {"r.DAT", belDat()},
                                                       {"r.csv", belCsv()}};
        if (!m_root.isEmpty())
            for (const char* f : {"afp/mic/Sample_D.xls", "cheminfo/BET.xls", "afp/bel/200819-2_jis.DAT"}) {
                const QByteArray b = readAll(QDir(m_root).filePath(f));
                if (!b.isEmpty()) bases.append({QFileInfo(f).fileName(), b});
            }
        const Importer* importers[] = {new AifImporter, new QuantachromeImporter, new BelsorpImporter,
                                       new MicromeriticsXlsImporter};
        QRandomGenerator rng(20240301);
        int errors = 0, parsed = 0;
        for (const auto& [name, base] : bases) {
            for (int round = 0; round < 150; ++round) {
                QByteArray b = base;
                const int edits = 1 + int(rng.bounded(8));
                for (int e = 0; e < edits && !b.isEmpty(); ++e) {
                    const qsizetype at = rng.bounded(int(b.size()));
                    switch (rng.bounded(3)) {
                    case 0:
                        b[at] = char(rng.bounded(256));
                        break;
                    case 1:
                        b.remove(at, rng.bounded(64));
                        break;
                    default:
                        b.insert(at, QByteArray(int(rng.bounded(16)), char(rng.bounded(256))));
                        break;
                    }
                }
                if (round % 10 == 0) b.truncate(rng.bounded(int(b.size()) + 1));
                for (const Importer* imp : importers) {
                    auto r = imp->read(b, name, {});
                    if (r) {
                        ++parsed;
                        for (const auto& ds : *r) {
                            QCOMPARE(ds.columns.size(), size_t(3));
                            QCOMPARE(ds.columns[0].values.size(), ds.columns[1].values.size());
                        }
                    } else {
                        ++errors;
                        QVERIFY2(QString::fromStdString(r.error().file) == name, qPrintable(msg(r.error())));
                        QVERIFY(!r.error().reason.empty());
                    }
                }
            }
        }
        for (const Importer* imp : importers)
            delete imp;
        note("generated/random corruption", 0,
             QStringLiteral("ok: %1 errors, %2 parses, no crash").arg(errors).arg(parsed));
    }

    void randomCorruptionNewReaders()
    {
        // pyGAPS JSON, .xlsx workbooks and MicroActive report text, randomly damaged: an Error naming the
        // file or a dataset with equally long columns, never a crash.
        const QString report = "Sample: R\r\n                Isotherm Tabular Report\r\n"
                               "  Relative   Absolute   Quantity   Elapsed Time   Saturation\r\n"
                               "  Pressure   Pressure   Adsorbed      (h:min)       Pressure\r\n"
                               "   (p/p\u00b0)     (mmHg)    (mmol/g)                   (mmHg)\r\n"
                               "                                    00:52       757.4\r\n"
                               "  0.05   37.9   1.2   01:00\r\n  0.10   75.7   1.5   01:10\r\n"
                               "  0.20   151.5   1.9   01:20\r\n  0.90   681.7   5.0   01:30\r\n"
                               "  0.50   378.7   3.1   01:40\r\n";
        QByteArray reportBytes("\xFF\xFE");
        reportBytes += QByteArray(reinterpret_cast<const char*>(report.utf16()), report.size() * 2);
        QList<std::pair<QString, QByteArray>> bases = {
            {"r.TXT", reportBytes},
            {"r.json",
             "{\"adsorbate\": \"N2\", \"temperature\": 77.3, \"pressure_mode\": \"relative\", "
             "\"loading_unit\": \"mmol\", \"isotherm_data\": [{\"pressure\": 0.05, \"loading\": 1.0}, "
             "{\"pressure\": 0.2, \"loading\": 1.5}, {\"pressure\": 0.5, \"loading\": 2.0, \"branch\": "
             "\"des\"}]}"},
            {"r.xlsx", testxlsx::makeXlsx({{"Isotherm",
                                            {{"ID", "p/p0", "V (cm\u00b3/g STP)"},
                                             {"1", "0.05", "10"},
                                             {"2", "0.2", "12"},
                                             {"---", "---", "---"},
                                             {"1", "0.1", "11"}}}})}};
        if (!m_root.isEmpty())
            for (const char* f :
                 {"pygaps/characterisation/MCM-41 N2 77K.json", "afp/3p/CBV712_N2_77K.xlsx"}) {
                const QByteArray b = readAll(QDir(m_root).filePath(f));
                if (!b.isEmpty()) bases.append({QFileInfo(f).fileName(), b});
            }
        const PyGapsJsonImporter json;
        const XlsxImporter xlsx;
        const MicromeriticsReportImporter text;
        const Importer* importers[] = {&json, &xlsx, &text};
        QRandomGenerator rng(20261203);
        int errors = 0, parsed = 0;
        for (const auto& [name, base] : bases) {
            for (int round = 0; round < 120; ++round) {
                QByteArray b = base;
                const int edits = 1 + int(rng.bounded(6));
                for (int e = 0; e < edits && !b.isEmpty(); ++e) {
                    const qsizetype at = rng.bounded(int(b.size()));
                    switch (rng.bounded(3)) {
                    case 0:
                        b[at] = char(rng.bounded(256));
                        break;
                    case 1:
                        b.remove(at, rng.bounded(32));
                        break;
                    default:
                        b.insert(at, QByteArray(int(rng.bounded(8)), char(rng.bounded(256))));
                        break;
                    }
                }
                if (round % 10 == 0) b.truncate(rng.bounded(int(b.size()) + 1));
                for (const Importer* imp : importers) {
                    auto r = imp->read(b, name, {});
                    if (r) {
                        ++parsed;
                        for (const auto& ds : *r)
                            for (const auto& c : ds.columns)
                                QCOMPARE(c.values.size(), ds.columns.front().values.size());
                    } else {
                        ++errors;
                        QVERIFY2(QString::fromStdString(r.error().file) == name, qPrintable(msg(r.error())));
                        QVERIFY(!r.error().reason.empty());
                    }
                }
            }
        }
        note("generated/random corruption (JSON, xlsx, report)", 0,
             QStringLiteral("ok: %1 errors, %2 parses, no crash").arg(errors).arg(parsed));
    }

    void micromeriticsCsv()
    {
        // Generated: semicolon, decimal comma, cp1252 "cm³", side-by-side branches of unequal length.
        QByteArray csv = "Relative Pressure (p/p\xb0);Quantity Adsorbed (cm\xb3/g STP);Relative Pressure "
                         "(p/p\xb0);Quantity Adsorbed (cm\xb3/g STP)\r\n"
                         "0,05;10,5;0,95;40,25\r\n0,10;12,0;0,80;30,0\r\n0,20;14,5;0,50;20,0\r\n0,50;20,0;;"
                         "\r\n0,95;40,0;;\r\n";
        auto iso = parseIsotherm(write("mic-table.csv", csv));
        QVERIFY2(iso, iso ? "" : msg(iso.error()).toUtf8().constData());
        QCOMPARE(iso->importer, QString("micromeritics-csv"));
        QCOMPARE(iso->x.size(), size_t(8));
        QCOMPARE(iso->x[0], 0.05);
        QCOMPARE(iso->y[0], 10.5);
        QCOMPARE(iso->des(), size_t(3));
        QCOMPARE(iso->y[5], 40.25); // first desorption point
        // Truncated row and a garbled number name the line.
        expectError("mic-truncated.csv", csv.left(csv.indexOf("\r\n0,50;20,0;;") + 2) + "0,50\r\n", "line 5",
                    "cells");
        QByteArray garbled = csv;
        garbled.replace("0,20;14,5", "0,20;1x,5");
        expectError("mic-garbled.csv", garbled, "line 4", "not a number");
        // A table without a stated unit is refused, never guessed.
        QByteArray noUnit = csv;
        noUnit.replace("Quantity Adsorbed (cm\xb3/g STP)", "Quantity Adsorbed");
        expectError("mic-nounit.csv", noUnit, "line 1", "unit");
        // The real export, when the test data is present.
        if (m_root.isEmpty()) return;
        const QString real = QDir(m_root).filePath("cheminfo/micrometrics.csv");
        if (!QFileInfo::exists(real)) return;
        auto r = parseIsotherm(real);
        QVERIFY2(r, r ? "" : msg(r.error()).toUtf8().constData());
        QCOMPARE(r->x[0], 4.29539e-05);
        QCOMPARE(r->y[0], 4.972917807);
        QVERIFY(r->des() > 0);
        note(rel(real), qsizetype(r->x.size()), "ok");
    }

    // ------------------------------------------------------------------ no silent partial imports (issue 9)

    /// A damaged tag, a cut loop, a NaN row: an error naming the place, never an isotherm with a branch or
    /// points missing.
    void damagedInputIsNeverSilentlyShorter()
    {
        const QByteArray a = aif();
        // A damaged tag of the desorption table ("_desorb_…"): the branch would be dropped.
        expectError("tag.aif", QByteArray(a).replace("_desorp_pressure", "_desorb_pressure"), "line",
                    "damaged tag");
        // The file cut inside the tags of the desorption table.
        expectError("cut-tag.aif", a.left(a.indexOf("_desorp_pressure") + 6), "line", "damaged tag");
        // Tags, no rows.
        expectError("no-rows.aif", a.left(a.indexOf("80.0 100.0 5.0")), "line", "no rows");
        // A column of the other branch inside a table.
        expectError("mixed.aif", QByteArray(a).replace("_desorp_p0", "_adsorp_p0"), "line", "other branch");
        // NaN and infinity cells in AIF rows.
        expectError("nan.aif", QByteArray(a).replace("60.0 100.0 4.0", "60.0 100.0 nan"), "line",
                    "not a finite number");
        // A table AIF does not define is read around, with a warning naming it.
        {
            auto r = parseFile(
                write("extra-loop.aif", a + "loop_\n_citation_author_name\n'A. Chemist'\n'B. Chemist'\n"));
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            QVERIFY2(r->warnings.join('\n').contains("_citation_author_name"),
                     qPrintable(r->warnings.join('\n')));
            QCOMPARE(r->datasets.front().columns[0].values.size(), size_t(10));
        }
        // Quantachrome: a NaN row at the end of the table used to end it silently.
        expectError(
            "CS-nan (Raw Analysis Data).txt",
            quantachrome(
                true,
                "       nan        760.00            1.0000          0.0             5               2\r\n"),
            "line", "not a finite number");
        expectError("CS-inf (Raw Analysis Data).txt", QByteArray(quantachrome()).replace("1.5000", "inf"),
                    "column 3", "not a finite number");
        // Micromeritics table export: NaN cell.
        const QByteArray csv = "Relative Pressure (P/Po),Quantity Adsorbed (cm3/g "
                               "STP)\n0.05,10.5\n0.10,12.0\n0.20,NaN\n0.50,20.0\n";
        expectError("mic-nan.csv", csv, "line 4, column 2", "not a finite number");
    }

    /// A NaN or ±inf number cell in a real Micromeritics .xls isotherm table: an error naming sheet, row and
    /// column (it used to end the table: 66 points became 20). The cell is patched in the file's bytes.
    void micromeriticsXlsNanCell()
    {
        if (m_root.isEmpty()) QSKIP("BET test data not found");
        QStringList files = filesUnder(QDir(m_root).filePath("afp/mic"), {"*.xls"});
        if (files.isEmpty()) QSKIP("no Micromeritics .xls in the test data");
        int patched = 0, errorCells = 0;
        for (const QString& file : files) {
            const QByteArray bytes = readAll(file);
            auto wb = XlsWorkbook::read(bytes, file);
            QVERIFY2(wb, qPrintable(file));
            // The amount column of the tabular report, a few rows into the table.
            for (const auto& sheet : wb->sheets()) {
                int row = -1, col = -1;
                for (const XlsCell& c : sheet.cells)
                    if (c.isText &&
                        c.text.simplified().startsWith("Quantity Adsorbed", Qt::CaseInsensitive) && row < 0) {
                        row = c.row;
                        col = c.col;
                    }
                if (row < 0) continue;
                for (int r = row + 3; r < row + 12; ++r) {
                    const XlsCell* cell = sheet.cell(r, col);
                    if (!cell || cell->isText || cell->number == 0.0) continue;
                    // A NUMBER record holds the double as is; the report repeats the isotherm in its plot
                    // tables, so every copy of the value is patched.
                    const quint64 bits = std::bit_cast<quint64>(cell->number);
                    QByteArray pattern(8, '\0');
                    for (int k = 0; k < 8; ++k)
                        pattern[k] = char((bits >> (8 * k)) & 0xFF);
                    if (bytes.indexOf(pattern) < 0) continue;
                    for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity()}) {
                        QByteArray damaged = bytes;
                        const quint64 b = std::bit_cast<quint64>(bad);
                        QByteArray replacement(8, '\0');
                        for (int k = 0; k < 8; ++k)
                            replacement[k] = char((b >> (8 * k)) & 0xFF);
                        for (qsizetype at = damaged.indexOf(pattern); at >= 0;
                             at = damaged.indexOf(pattern, at + 8))
                            damaged.replace(at, 8, replacement);
                        const QString name = QFileInfo(file).completeBaseName() + "-nan.xls";
                        auto res = parseIsotherm(write(name, damaged));
                        QVERIFY2(!res, qPrintable(name + " with a NaN/inf cell was accepted"));
                        const QString m = msg(res.error());
                        const QString loc = QString::fromStdString(res.error().location);
                        QVERIFY2(loc.contains("sheet '") && loc.contains("row ") && loc.contains("column"),
                                 qPrintable(m));
                        QVERIFY2(m.contains("not a finite number"), qPrintable(m));
                    }
                    // The same cells as an Excel error value: the NUMBER records become BOOLERR #DIV/0! (same
                    // record length; [MS-XLS] 2.4.24: row, col, xf, then bBoolErr and fError).
                    {
                        QByteArray damaged = bytes;
                        int records = 0;
                        for (qsizetype at = damaged.indexOf(pattern); at >= 10;
                             at = damaged.indexOf(pattern, at + 8)) {
                            if (damaged[at - 10] != '\x03' || damaged[at - 9] != '\x02')
                                continue; // not a NUMBER record
                            damaged[at - 10] = '\x05';
                            damaged[at] = '\x07';     // #DIV/0!
                            damaged[at + 1] = '\x01'; // an error, not a boolean
                            ++records;
                        }
                        if (records > 0) {
                            ++errorCells;
                            const QString name = QFileInfo(file).completeBaseName() + "-div0.xls";
                            auto res = parseIsotherm(write(name, damaged));
                            QVERIFY2(!res, qPrintable(name + " with a #DIV/0! cell was accepted"));
                            const QString m = msg(res.error());
                            QVERIFY2(m.contains("#DIV/0!") &&
                                         QString::fromStdString(res.error().location).contains("column"),
                                     qPrintable(m));
                        }
                    }
                    ++patched;
                    note(rel(file), 0,
                         QStringLiteral("NaN/inf/#DIV/0! patched into the isotherm table: refused"));
                    break;
                }
                break;
            }
        }
        if (patched == 0) QSKIP("no isotherm cell stored as a plain NUMBER record to patch");
        QVERIFY2(errorCells > 0, "no NUMBER record could be turned into an error cell");
        qInfo("NaN/inf patched into %d real .xls files, #DIV/0! into %d; all refused", patched, errorCells);
    }

    void micromeriticsReportText()
    {
        // A TriStar/MicroActive "save as text" report (UTF-16LE with BOM, CRLF), generated from the HCS
        // forward model: wrapped column titles, a page header inside the adsorption table, a
        // desorption table, and a following report section.
        std::vector<double> p, n, b;
        for (const auto& ds : vanadis::sim::demoDatasets("HCS"))
            if (ds.kind == "isotherm") {
                p = ds.columns[0].values;
                n = ds.columns[1].values;
                b = ds.columns[2].values;
            }
        QVERIFY(!p.empty());
        auto build = [&](bool decimalComma, bool withUnit = true) {
            QStringList l{"TriStar II 3020 V3.02                          Page 1",
                          "Sample: HCS",
                          "Operator: test",
                          "",
                          "Isotherm Tabular Report",
                          "",
                          "- Adsorption",
                          "   Relative          Quantity",
                          "   Pressure          Adsorbed",
                          "   (p/p\u00b0)          (cm\u00b3/g STP)",
                          ""};
            auto num = [&](double v, int prec) {
                QString t = QString::number(v, 'f', prec);
                return decimalComma ? t.replace('.', ',') : t;
            };
            int adsRows = 0;
            for (size_t i = 0; i < p.size(); ++i) {
                if (b[i] > 0.5) continue;
                if (adsRows == 15) // a page break in the middle of the table
                    l << ""
                      << "TriStar II 3020 V3.02                          Page 2"
                      << "Sample: HCS"
                      << ""
                      << "   Relative Pressure (p/p\u00b0)   Quantity Adsorbed (cm\u00b3/g STP)";
                l << "   " + num(p[i], 9) + "      " + num(n[i], 6);
                ++adsRows;
            }
            l << ""
              << "- Desorption"
              << "   Relative Pressure (p/p\u00b0)   Quantity Adsorbed (cm\u00b3/g STP)";
            for (size_t i = 0; i < p.size(); ++i)
                if (b[i] > 0.5) l << "   " + num(p[i], 9) + "      " + num(n[i], 6);
            l << ""
              << "BET Surface Area Report"
              << "   BET Surface Area: 151.0000 m\u00b2/g";
            QString text = l.join("\r\n") + "\r\n";
            if (!withUnit) text.replace(QString::fromUtf8("(cm\u00b3/g STP)"), QString());
            QByteArray bytes("\xFF\xFE");
            bytes += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
            return bytes;
        };
        for (bool comma : {false, true}) {
            auto iso = parseIsotherm(write(comma ? "report-comma.TXT" : "report.TXT", build(comma)));
            QVERIFY2(iso, iso ? "" : msg(iso.error()).toUtf8().constData());
            QCOMPARE(iso->importer, QString("micromeritics-report-txt"));
            QCOMPARE(iso->x.size(), p.size());
            QCOMPARE(iso->des(), size_t(std::count(b.begin(), b.end(), 1.0)));
            QVERIFY(std::abs(iso->x[0] - p[0]) < 1e-9 && std::abs(iso->y[0] - n[0]) < 1e-6);
        }
        // The report without any unit on the amount is refused.
        expectError("report-nounit.TXT", build(false, false), "line", "unit");
        // A NaN value or a row cut to one value inside a table is damage, never a line to skip.
        auto edited = [&](auto change) {
            const QByteArray bytes = build(false);
            QString text = QString::fromUtf16(reinterpret_cast<const char16_t*>(bytes.constData() + 2),
                                              (bytes.size() - 2) / 2);
            QStringList lines = text.split("\r\n");
            change(lines);
            text = lines.join("\r\n");
            QByteArray out("\xFF\xFE");
            out += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
            return out;
        };
        const qsizetype dataLine = 13; // 0-based: the third adsorption row
        expectError("report-nan.TXT", edited([&](QStringList& l) { l[dataLine] = "   NaN      12.345678"; }),
                    QString("line %1").arg(dataLine + 1), "not a finite number");
        expectError("report-inf.TXT",
                    edited([&](QStringList& l) { l[dataLine] = "   0.050000000      inf"; }),
                    QString("line %1").arg(dataLine + 1), "not a finite number");
        expectError("report-cut.TXT", edited([&](QStringList& l) { l[dataLine] = "   0.05000"; }),
                    QString("line %1").arg(dataLine + 1), "only one value");
    }

    void microActiveTabularReport()
    {
        // The layout of a real MicroActive/Gemini "Isotherm Tabular Report" saved as text (issue 8): UTF-16LE
        // with BOM, CRLF, no "- Adsorption" line, five columns (p/p°, mmHg, mmol/g, h:min elapsed time,
        // saturation pressure printed only on its own line above the points), both branches in one table,
        // a page break repeating the title. Before, the delimited reader took it and failed with
        // "line 69, column 1: '0.004850987 3.738953 1.03939' is not a number".
        const double p0 = 757.412354;
        const std::vector<double> rel{0.004850987, 0.0101, 0.0502, 0.1003, 0.2004, 0.3005,
                                      0.6,         0.9903, 0.8,    0.5,    0.3};
        std::vector<double> mmol;
        for (double x : rel)
            mmol.push_back(std::round((1.03939 + 4.0 * x) * 1e5) / 1e5); // as printed (5 decimals)
        auto build = [&](const std::function<void(QStringList&)>& change = {}) {
            QStringList l;
            for (int i = 0; i < 60; ++i) // filler so that the first point lands on line 69 as in the report
                l << (i == 2   ? "Gemini VII 2390a V1.03 (V1.03 t)          Serial # 1234            Page 1"
                      : i == 4 ? "Sample: V2O3-C batch 7               Operator: A. Chemist"
                      : i == 5 ? "Analysis adsorptive: N2              Analysis bath temp.: 77.350 K"
                      : i == 6 ? "Sample mass: 0.1234 g                Started: 12/03/2026 10:00"
                               : QString());
            l << "                              Isotherm Tabular Report"
              << ""
              << "     Relative          Absolute         Quantity        Elapsed Time       Saturation"
              << "     Pressure          Pressure         Adsorbed          (h:min)           Pressure"
              << "      (p/p\u00b0)            (mmHg)          (mmol/g)                             (mmHg)"
              << ""
              << "                                                           00:52         " +
                     QString::number(p0, 'f', 6);
            for (size_t i = 0; i < rel.size(); ++i) {
                if (i == 6) // page break inside the table
                    l << ""
                      << "Gemini VII 2390a V1.03 (V1.03 t)          Serial # 1234            Page 2"
                      << "                              Isotherm Tabular Report"
                      << "     Relative Pressure (p/p\u00b0)   Absolute Pressure (mmHg)   Quantity Adsorbed "
                         "(mmol/g)   Elapsed Time (h:min)   Saturation Pressure (mmHg)";
                l << QStringLiteral("   %1       %2         %3            %4")
                         .arg(rel[i], 0, 'f', 9)
                         .arg(rel[i] * p0, 0, 'f', 6)
                         .arg(mmol[i], 0, 'f', 5)
                         .arg(QStringLiteral("%1:%2")
                                  .arg(1 + i / 6, 2, 10, QChar('0'))
                                  .arg(i * 7 % 60, 2, 10, QChar('0')));
            }
            l << ""
              << "                              BET Surface Area Report"
              << "     BET Surface Area: 151.0000 \u00b1 0.5 m\u00b2/g";
            if (change) change(l);
            const QString text = l.join("\r\n") + "\r\n";
            QByteArray bytes("\xFF\xFE");
            bytes += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
            return bytes;
        };
        auto iso = parseIsotherm(write("microactive.TXT", build()));
        QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
        QCOMPARE(iso->importer, QString("micromeritics-report-txt"));
        QCOMPARE(iso->x.size(), rel.size());
        QCOMPARE(iso->ads(), size_t(8)); // split at the highest pressure
        for (size_t i = 0; i < rel.size(); ++i) {
            QVERIFY2(close(iso->x[i], rel[i], 1e-12),
                     qPrintable(QString("p/p0 %1 vs %2 (rel. tol 1e-12)").arg(iso->x[i]).arg(rel[i])));
            QVERIFY2(close(iso->y[i], mmol[i] * kCm3PerMmol, 1e-9),
                     qPrintable(QString("amount %1 vs %2 cm3/g (rel. tol 1e-9)")
                                    .arg(iso->y[i])
                                    .arg(mmol[i] * kCm3PerMmol)));
        }
        QCOMPARE(iso->meta["adsorptive"].toString(), QString("N2"));
        QVERIFY2(close(iso->meta["temperature_k"].toDouble(), 77.35, 1e-12),
                 qPrintable(QString::number(iso->meta["temperature_k"].toDouble(), 'g', 12)));
        QVERIFY(close(iso->meta["sample_mass_g"].toDouble(), 0.1234, 1e-12));
        QCOMPARE(iso->meta["sample_name"].toString(), QString("V2O3-C batch 7"));
        QVERIFY2(close(iso->meta["p0"].toDouble(), p0, 1e-12),
                 qPrintable(QString::number(iso->meta["p0"].toDouble())));
        QCOMPARE(iso->meta["p0_unit"].toString(), QString("mmHg"));

        // Damaged variants name the line. Line 68 (1-based) holds the first point.
        const int first = 67;
        expectError("microactive-cut.TXT", build([&](QStringList& l) { l[first + 1] = "   0.010100000"; }),
                    QString("line %1").arg(first + 2), "only one value");
        expectError("microactive-nan.TXT",
                    build([&](QStringList& l) { l[first + 1] = "   0.010100000   7.6   nan   01:07"; }),
                    QString("line %1").arg(first + 2), "not a finite number");
        expectError("microactive-time.TXT",
                    build([&](QStringList& l) { l[first + 1] = "   0.010100000   7.6   01:07"; }),
                    QString("line %1").arg(first + 2), "elapsed time");
        expectError("microactive-p3.TXT",
                    build([&](QStringList& l) { l[first + 1] = "   3.0   2272.2   1.2   01:07"; }),
                    QString("line %1").arg(first + 2), "above 1.05");
        // Cut in the middle of the title block: no table left.
        const QByteArray whole = build();
        const QString text = QString::fromUtf16(reinterpret_cast<const char16_t*>(whole.constData() + 2),
                                                (whole.size() - 2) / 2);
        expectError("microactive-truncated.TXT", whole.left(2 + 2 * text.indexOf("Adsorbed")), "",
                    "no isotherm table");
        // Cut inside the last row, after its absolute pressure: the amount is missing.
        const QString lastRow = QString::number(rel.back(), 'f', 9);
        const qsizetype cut = text.lastIndexOf(lastRow) + lastRow.size() + 10;
        expectError("microactive-cutrow.TXT", whole.left(2 + 2 * cut), "line 82", "amount adsorbed");
        note("generated/microactive.TXT", qsizetype(iso->x.size()), "ok (5 columns, p0 line, h:min)");
    }

    void pointsJustOutsideRange()
    {
        // BELSORP files with one vacuum reading below zero and one point past p0 (issue 8: −6.8e-5, 1.0043):
        // those points are left out with a warning naming each; the rest imports.
        const QByteArray rows =
            "1\t-0.0068\t100.0\t25.0\t0.5\n2\t1.0\t100.0\t25.0\t10.0\n3\t5.0\t100.0\t25.0\t15.0\n"
            "4\t20.0\t100.0\t25.0\t20.0\n5\t90.0\t100.0\t25.0\t60.0\n6\t100.43\t100.0\t25.0\t70.0\n";
        auto iso = parseIsotherm(write("edges.DAT", belDat("\"V/ml(STP) g-1\"", rows)));
        QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
        QCOMPARE(iso->x.size(), size_t(4 + 2)); // 4 of 6 adsorption points, 2 desorption points
        QCOMPARE(iso->ads(), size_t(4));
        QCOMPARE(iso->x.front(), 0.01);
        QCOMPARE(iso->meta["points_left_out"].toInteger(), qint64(2));
        QString warning;
        for (const auto& w : iso->meta["warnings"].toArray())
            if (w.toString().contains("left out")) warning = w.toString();
        QVERIFY2(warning.contains("line 25") && warning.contains("-6.8e-05"), qPrintable(warning));
        QVERIFY2(warning.contains("line 30") && warning.contains("1.0043"), qPrintable(warning));
        // Far outside stays an error that names the line.
        expectError("far.DAT",
                    belDat("\"V/ml(STP) g-1\"", QByteArray(rows).replace("6\t100.43\t", "6\t300.0\t")),
                    "line 30", "above 1.05");
        // Only points outside: nothing is left, so nothing is imported.
        expectError("none.aif",
                    aif("_units_pressure kPa\n_units_loading mmol/g\n_units_mass g\n", "-0.05 100.0 1.0\n",
                        "101.0 100.0 1.0\n"),
                    "", "no isotherm point");
        note("generated/edges.DAT", qsizetype(iso->x.size()), "ok (2 points just outside left out)");
    }

    void pyGapsJsonReal_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("area"); // pyGAPS test expectation (m²/g), checked within 10 %
        const QString c = QDir(m_root).filePath("pygaps/characterisation");
        const std::pair<const char*, double> expected[] = {{"MCM-41 N2 77K.json", 350},
                                                           {"NaY N2 77K.json", 700},
                                                           {"SiO2 N2 77K.json", 200},
                                                           {"Takeda 5A N2 77K.json", 1075},
                                                           {"UiO-66(Zr) N2 77K.json", 1250}};
        int rows = 0;
        for (const auto& [name, area] : expected)
            if (!m_root.isEmpty() && QFileInfo::exists(QDir(c).filePath(name))) {
                QTest::newRow(name) << QDir(c).filePath(name) << area;
                ++rows;
            }
        const QString j = QDir(m_root).filePath("pygaps/json/AC Ar 77K.json");
        if (!m_root.isEmpty() && QFileInfo::exists(j)) {
            QTest::newRow("AC Ar 77K.json") << j << 0.0;
            ++rows;
        }
        if (!rows) QTest::newRow("no-testdata") << QString() << 0.0;
    }

    void pyGapsJsonReal()
    {
        QFETCH(QString, file);
        QFETCH(double, area);
        if (file.isEmpty()) QSKIP("pyGAPS test files not found");
        auto iso = parseIsotherm(file);
        QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
        QCOMPARE(iso->importer, QString("pygaps-json"));
        // Point count and branches against the file, read independently here.
        const QJsonObject o = QJsonDocument::fromJson(readAll(file)).object();
        const QJsonArray pts = o["isotherm_data"].toArray();
        size_t des = 0;
        for (const auto& v : pts)
            des += v.toObject()["branch"].toString() == "des";
        QCOMPARE(iso->x.size() + size_t(iso->meta["points_left_out"].toInteger()), size_t(pts.size()));
        QCOMPARE(iso->des(), des);
        QVERIFY(iso->meta["temperature_k"].toDouble() > 70);
        QVERIFY(!iso->meta["material"].toString().isEmpty());
        // First adsorption point: loading (mmol/g or cm³ STP per cm³ of material) converted to cm³ STP/g.
        const QJsonObject first = pts.first().toObject();
        const QString lu = o["loading_unit"].toString();
        double expectY = first["loading"].toDouble() * (lu.startsWith("mmol") ? kCm3PerMmol : 1.0);
        if (o["material_basis"].toString() == "volume")
            expectY /= o["material"].toObject()["density"].toDouble();
        if (iso->meta["points_left_out"].toInteger() == 0)
            QVERIFY2(
                close(iso->y.front(), expectY, 1e-12),
                qPrintable(QString("first amount %1 vs %2 (rel. 1e-12)").arg(iso->y.front()).arg(expectY)));
        if (area > 0) {
            auto parsed = parseFile(file);
            QVERIFY(parsed);
            Project scratch;
            const std::vector<Dataset> ds = makeDatasets(scratch, std::move(*parsed));
            auto r = computeBet(ds.front(), {});
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            const double a = r->value("bet").toObject().value("area_m2_g").toDouble();
            QVERIFY2(std::abs(a / area - 1.0) <= 0.10,
                     qPrintable(QString("BET %1 m2/g vs pyGAPS %2 (tolerance 10 %)").arg(a).arg(area)));
            note(rel(file), qsizetype(iso->x.size()),
                 QStringLiteral("ok (BET %1 m2/g, pyGAPS %2)").arg(a, 0, 'f', 0).arg(area));
        } else {
            note(rel(file), qsizetype(iso->x.size()), "ok");
        }
    }

    void pyGapsJsonGenerated()
    {
        // Saturation pressures at the normal boiling points (101.325 kPa by definition of the points):
        // N2 77.355 K, Ar 87.302 K.
        const auto n2 = PyGapsJsonImporter::saturationPressurePa("nitrogen", 77.355);
        const auto ar = PyGapsJsonImporter::saturationPressurePa("Ar", 87.302);
        QVERIFY(n2 && ar);
        QVERIFY2(std::abs(*n2 / 101325.0 - 1) < 1e-3,
                 qPrintable(QString("N2 %1 Pa vs 101325 (0.1 %)").arg(*n2)));
        QVERIFY2(std::abs(*ar / 101325.0 - 1) < 2e-3,
                 qPrintable(QString("Ar %1 Pa vs 101325 (0.2 %)").arg(*ar)));
        QVERIFY(!PyGapsJsonImporter::saturationPressurePa("CO2", 195.0));
        QVERIFY(!PyGapsJsonImporter::saturationPressurePa("N2", 300.0));

        const QByteArray good =
            "{\n \"file_version\": \"3.0\",\n \"adsorbate\": \"nitrogen\",\n \"material\": \"V2O3/C\",\n"
            " \"temperature\": -195.8,\n \"temperature_unit\": \"\xC2\xB0"
            "C\",\n \"pressure_mode\": \"absolute\",\n"
            " \"pressure_unit\": \"kPa\",\n \"loading_basis\": \"molar\",\n \"loading_unit\": \"mmol\",\n"
            " \"material_basis\": \"mass\",\n \"material_unit\": \"g\",\n \"isotherm_data\": [\n"
            "  {\"pressure\": 5.0, \"pressure_saturation\": 100.0, \"loading\": 1.0},\n"
            "  {\"pressure\": 20.0, \"pressure_saturation\": 100.0, \"loading\": 1.5},\n"
            "  {\"pressure\": 30.0, \"pressure_saturation\": 100.0, \"loading\": 1.8},\n"
            "  {\"pressure\": 95.0, \"pressure_saturation\": 100.0, \"loading\": 4.0},\n"
            "  {\"pressure\": 50.0, \"pressure_saturation\": 100.0, \"loading\": 3.0, \"branch\": \"des\"}\n "
            "]\n}\n";
        auto iso = parseIsotherm(write("gen.json", good));
        QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
        QCOMPARE(iso->x.size(), size_t(5));
        QCOMPARE(iso->des(), size_t(1));
        QCOMPARE(iso->x[1], 0.2);
        QVERIFY(close(iso->y[1], 1.5 * kCm3PerMmol, 1e-12));
        QVERIFY(close(iso->meta["temperature_k"].toDouble(), 77.35, 1e-9));
        QCOMPARE(iso->meta["adsorptive"].toString(), QString("N2"));

        expectError("cut.json", good.left(good.indexOf("\"loading\": 1.8")), "line 16", "cut short");
        expectError("text.json", QByteArray(good).replace("\"pressure\": 20.0", "\"pressure\": \"2O.0\""),
                    "isotherm_data point 2", "not a number");
        expectError("noloading.json", QByteArray(good).replace(", \"loading\": 1.8", ""),
                    "isotherm_data point 3", "no loading");
        expectError("nounit.json", QByteArray(good).replace(" \"loading_unit\": \"mmol\",\n", ""),
                    "loading_unit", "not stated");
        expectError("far.json", QByteArray(good).replace("\"pressure\": 95.0", "\"pressure\": 300.0"),
                    "isotherm_data point 4", "above 1.05");
        expectError("co2.json",
                    QByteArray(good)
                        .replace("nitrogen", "carbon dioxide")
                        .replace(", \"pressure_saturation\": 100.0", ""),
                    "pressure_saturation", "no saturation pressure");
        expectError("liquid.json", QByteArray(good).replace("\"molar\"", "\"volume_liquid\""),
                    "loading_basis", "not converted");
        expectError("isodb.json",
                    "{\"adsorptionUnits\": \"mmol/g\", \"pressureUnits\": \"bar\", \"isotherm_data\": "
                    "[{\"pressure\": 1, \"total_adsorption\": 2}]}",
                    "", "NIST ISODB");
        note("generated/gen.json", 5, "ok (+ 8 damaged variants refused)");
    }

    void snakeCaseCsv()
    {
        // Issue 8: "relative_pressure,amount_cm3_g,branch" (branch as ads/des) was not recognised.
        const QByteArray csv =
            "relative_pressure,amount_mmol_g,branch\n-6.8e-5,0.5,ads\n0.01,1.0,ads\n0.1,1.5,ads\n"
            "0.3,2.0,ads\n0.9,4.0,ads\n1.0043,4.2,ads\n0.5,3.0,des\n0.2,1.9,desorption\n";
        auto parsed = parseFile(write("snake.csv", csv));
        QVERIFY2(parsed, parsed ? "" : qPrintable(msg(parsed.error())));
        const ImportedDataset& d = parsed->datasets.front();
        QCOMPARE(d.technique, Technique::Bet);
        QCOMPARE(d.columns.size(), size_t(3));
        QCOMPARE(d.columns[0].name, QString("P/P0"));
        QCOMPARE(d.columns[1].name, QString("Quantity Adsorbed"));
        QCOMPARE(d.columns[1].unit, QString("mmol/g"));
        QCOMPARE(d.columns[2].name, QString("Branch"));
        QCOMPARE(d.columns[0].values, (std::vector<double>{0.01, 0.1, 0.3, 0.9, 0.5, 0.2}));
        QCOMPARE(d.columns[2].values, (std::vector<double>{0, 0, 0, 0, 1, 1}));
        const QString w = importWarnings(d).join('\n');
        QVERIFY2(w.contains("line 2: p/p0 = -6.8e-05") && w.contains("line 7: p/p0 = 1.0043"), qPrintable(w));
        // Far outside is an error naming the line; a word in a number column too.
        QByteArray far = csv;
        far.replace("0.9,4.0", "3,4.0");
        auto r = parseFile(write("snake-far.csv", far));
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error().location) == "line 6" &&
                     msg(r.error()).contains("above 1.05"),
                 qPrintable(msg(r.error())));
        QByteArray word = csv;
        word.replace("0.3,2.0", "0.3,ads");
        r = parseFile(write("snake-word.csv", word));
        QVERIFY2(!r && QString::fromStdString(r.error().location) == "line 5, column 2",
                 r ? "" : qPrintable(msg(r.error())));
        // An amount suffix that is not a unit is not guessed: the column keeps its name.
        auto odd = parseFile(write("snake-odd.csv", QByteArray(csv).replace("amount_mmol_g", "amount_xyz")));
        QVERIFY(odd);
        QCOMPARE(odd->datasets.front().columns[1].name, QString("amount_xyz"));
        note("generated/snake.csv", 6, "ok (2 rows just outside left out)");
    }

    void threePInstrumentsXlsx()
    {
        // The real 3P report: the vendor's BET block becomes vendor_bet; our BET agrees with it.
        const QString real =
            m_root.isEmpty() ? QString() : QDir(m_root).filePath("afp/3p/CBV712_N2_77K.xlsx");
        if (!real.isEmpty() && QFileInfo::exists(real)) {
            auto iso = parseIsotherm(real);
            QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
            const QJsonObject v = iso->meta["vendor_bet"].toObject();
            QVERIFY2(close(v["area_m2_g"].toDouble(), 803.81799, 1e-9),
                     qPrintable(QString::number(v["area_m2_g"].toDouble())));
            QVERIFY(close(v["c_constant"].toDouble(), 2005.00417, 1e-9));
            QVERIFY(close(iso->meta["sample_mass_g"].toDouble(), 0.0304, 1e-12));
            QCOMPARE(iso->meta["adsorptive"].toString(), QString("N2"));
            QCOMPARE(iso->meta["material"].toString(), QString("ICC-00064"));
            auto parsed = parseFile(real);
            Project scratch;
            const std::vector<Dataset> ds = makeDatasets(scratch, std::move(*parsed));
            auto r = computeBet(ds.front(), {});
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            const double a = r->value("bet").toObject().value("area_m2_g").toDouble();
            QVERIFY2(std::abs(a / 803.818 - 1) < 0.02,
                     qPrintable(QString("BET %1 vs vendor 803.818 m2/g (2 %)").arg(a)));
            // Cut short: the zip directory is gone.
            const QByteArray bytes = readAll(real);
            expectError("cut.xlsx", bytes.left(bytes.size() * 2 / 3), "", "damaged or cut short");
            note(rel(real), qsizetype(iso->x.size()),
                 QStringLiteral("ok (BET %1, vendor 803.818 m2/g)").arg(a, 0, 'f', 2));
        }
        // Generated in the 3P layout: with the '---' separator, and without it (split at the top).
        auto book = [](bool separator, const QString& garble = {}) {
            std::vector<QStringList> iso{{"Charge NumberX-1"},
                                         {"ID", "p (kPa)", "p/p0", "V (cm\u00b3/g STP)", "p0 (kPa)", "Time"}};
            const double x[] = {0.01, 0.05, 0.1, 0.2, 0.3, 0.9, 0.6, 0.3};
            const double v[] = {100, 120, 130, 140, 150, 200, 180, 160};
            for (int i = 0; i < 8; ++i) {
                if (i == 6 && separator) iso.push_back({"---", "---", "---", "---", "---", "---"});
                iso.push_back({QString::number(i + 1), QString::number(x[i] * 101.3), QString::number(x[i]),
                               i == 3 && !garble.isEmpty() ? garble : QString::number(v[i]), "101.3",
                               "12:00:00"});
            }
            std::vector<QStringList> summary{
                {"Sample", "X-1"}, {"Adsorbate", "N2"}, {"Sample Weight", "0,0500(g)"}};
            return testxlsx::makeXlsx({{"Summary", summary}, {"Isotherm", iso}});
        };
        for (bool separator : {true, false}) {
            auto iso = parseIsotherm(write(separator ? "3p.xlsx" : "3p-nosep.xlsx", book(separator)));
            QVERIFY2(iso, iso ? "" : qPrintable(msg(iso.error())));
            QCOMPARE(iso->x.size(), size_t(8));
            QCOMPARE(iso->ads(), size_t(6));
            QCOMPARE(iso->y[3], 140.0);
            QVERIFY(close(iso->meta["sample_mass_g"].toDouble(), 0.05, 1e-12));
        }
        expectError("3p-text.xlsx", book(true, "14O"), "sheet 'Isotherm', row 6, column D",
                    "amount adsorbed");
        note("generated/3p.xlsx", 8, "ok (with and without separator)");
    }

    void xlsReaderLimits()
    {
        // Not a compound file, a compound header with nothing behind it, an empty workbook stream.
        QVERIFY(!XlsWorkbook::read("not an excel file", "a.xls"));
        QByteArray header(512, '\0');
        header.replace(0, 8, QByteArray::fromHex("D0CF11E0A1B11AE1"));
        auto r = XlsWorkbook::read(header, "b.xls");
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.error().file), QString("b.xls"));
        QVERIFY(QString::fromStdString(r.error().location).startsWith("byte"));
    }
};

QTEST_GUILESS_MAIN(TestBetImport)
#include "tst_bet_import.moc"
