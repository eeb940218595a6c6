// Smoke tests of the real vanadis-cli binary, run through QProcess the way scripts use it: the
// contract of ../shared/CLI.md (exit codes, exactly one JSON document on stdout with --json, one
// error line on stderr naming the file and the place, bad input never touches the project file) and
// exact figure sizes from export-figure.
#include "numeric/sim/DemoSeries.h"
#include "numeric/sim/Xrd.h"
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {

QString cliExe()
{
    return QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli");
}

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    /// stderr as lines without the trailing empty one.
    QList<QByteArray> errLines() const
    {
        QList<QByteArray> l = err.trimmed().split('\n');
        if (err.trimmed().isEmpty()) l.clear();
        return l;
    }
};

QByteArray sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

constexpr double kPtPerMm = 72.0 / 25.4;

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_demo; ///< written once by initTestCase; tests that modify a project copy it first

    QString path(const QString& name) const { return m_dir.filePath(name); }

    CliResult cli(const QStringList& args, int timeoutMs = 120000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        // Keep the child out of the user's home and quiet about a missing runtime dir.
        env.insert("XDG_RUNTIME_DIR", path("xdg-runtime"));
        env.insert("XDG_DATA_HOME", path("xdg-data"));
        env.insert("XDG_CONFIG_HOME", path("xdg-config"));
        env.insert("XDG_CACHE_HOME", path("xdg-cache"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir.path());
        p.start(cliExe(), args);
        CliResult r;
        if (!p.waitForStarted(10000)) {
            r.err = "could not start " + cliExe().toLocal8Bit();
            return r;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = "timed out: " + args.join(' ').toLocal8Bit();
            return r;
        }
        r.crashed = p.exitStatus() != QProcess::NormalExit;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QByteArray describe(const CliResult& r)
    {
        return "exit " + QByteArray::number(r.exitCode) + (r.crashed ? " (crashed)" : "") +
               "\nstdout: " + r.out.left(2000) + "\nstderr: " + r.err.left(2000);
    }

    /// Parses stdout as exactly one JSON object (QJsonDocument refuses trailing garbage).
    static QJsonObject singleJson(const CliResult& r, bool* ok)
    {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        *ok = pe.error == QJsonParseError::NoError && doc.isObject();
        if (!*ok)
            qWarning("stdout is not one JSON object (%s at %d): %s", qPrintable(pe.errorString()), pe.offset,
                     r.out.left(300).constData());
        return doc.object();
    }

    QString freshDemoCopy(const QString& name)
    {
        const QString p = path(name);
        QFile::remove(p);
        if (!QFile::copy(m_demo, p)) qFatal("cannot copy the demo project to %s", qPrintable(p));
        QFile(p).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return p;
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString p = path(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(p));
        f.write(bytes);
        return p;
    }

    static QByteArray xrdCsv(int rows)
    {
        QByteArray b = "2Theta (deg),Intensity (counts)\n";
        for (int i = 0; i < rows; ++i)
            b += QByteArray::number(10.0 + 0.02 * i, 'f', 2) + "," + QByteArray::number(100 + i) + "\n";
        return b;
    }

    /// The sample object called \a name in an `info --json` document, or an empty object.
    static QJsonObject sampleNamed(const QJsonObject& info, const QString& name)
    {
        for (const auto& v : info["samples"].toArray())
            if (v.toObject()["name"].toString() == name) return v.toObject();
        return {};
    }

    /// export-figure of a build configured without the GUI says so; those tests skip.
    bool plotLayerMissing(const CliResult& r) const { return r.err.contains("no plot layer"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path("xdg-runtime")));
        QFile::setPermissions(path("xdg-runtime"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(QFile::exists(cliExe()), qPrintable("not built: " + cliExe()));
        m_demo = path("demo.vanadis");
        const CliResult r = cli({"demo", m_demo});
        QVERIFY2(r.exitCode == 0 && !r.crashed, describe(r).constData());
        QVERIFY(QFile::exists(m_demo));
        QVERIFY2(r.out.isEmpty(), describe(r).constData()); // progress goes to stderr
    }

    void help()
    {
        CliResult r = cli({"--help"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        for (const char* cmd : {"demo", "info", "import", "export-figure"})
            QVERIFY2(r.out.contains(cmd),
                     qPrintable(QString("--help does not mention %1:\n").arg(cmd) + r.out));
        QVERIFY2(r.err.isEmpty(), describe(r).constData());
        for (const char* cmd : {"demo", "info", "import", "export-figure"}) {
            r = cli({cmd, "--help"});
            QVERIFY2(r.exitCode == 0 && r.out.contains("Usage") && r.err.isEmpty(), describe(r).constData());
        }
        r = cli({"info", "--help"});
        QVERIFY2(r.out.contains("--json"), describe(r).constData());
        // No command at all: usage on stderr, exit 2 (bad input).
        r = cli({});
        QVERIFY2(r.exitCode == 2 && r.out.isEmpty() && r.err.contains("Usage"), describe(r).constData());
        r = cli({"frobnicate"});
        QVERIFY2(r.exitCode == 2 && r.err.contains("frobnicate"), describe(r).constData());
    }

    void demoInfoJson()
    {
        const CliResult r = cli({"info", m_demo, "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        bool ok = false;
        const QJsonObject info = singleJson(r, &ok);
        QVERIFY2(ok, describe(r).constData());
        QVERIFY(info["series"].isObject());
        QVERIFY(info["warnings"].isArray());
        const QJsonArray samples = info["samples"].toArray();
        QStringList names;
        for (const auto& s : samples)
            names << s.toObject()["name"].toString();
        QCOMPARE(names, QStringList({"CS", "WCS", "HCS", "HMCS"}));
        for (const auto& sv : samples) {
            const QJsonObject s = sv.toObject();
            QVERIFY2(QRegularExpression("^#[0-9a-f]{6}$").match(s["color"].toString()).hasMatch(),
                     qPrintable(s["color"].toString()));
            QVERIFY(s.contains("active_mass_mg"));
            const QJsonObject byTech = s["datasets"].toObject();
            for (const char* t : {"xrd", "xps", "bet", "tga", "echem"}) {
                const QJsonArray ds = byTech[t].toArray();
                QVERIFY2(!ds.isEmpty(),
                         qPrintable(QString("%1 has no %2 dataset").arg(s["name"].toString(), t)));
                for (const auto& dv : ds) {
                    const QJsonObject d = dv.toObject();
                    QCOMPARE(d["technique"].toString(), QString(t));
                    QVERIFY2(d["points"].toInteger() > 0, qPrintable(d["name"].toString()));
                    QVERIFY(!d["columns"].toArray().isEmpty());
                    QVERIFY(d["provenance"].toObject().contains("sha256"));
                    QVERIFY(d["provenance"].toObject().contains("importer_id"));
                }
            }
        }
    }

    void infoPlainText()
    {
        const CliResult r = cli({"info", m_demo});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.contains("Series:") && r.out.contains("HMCS") && r.out.contains("[xps]"),
                 describe(r).constData());
    }

    void importIntoNewSample()
    {
        const QString project = freshDemoCopy("import.vanadis");
        const QByteArray csv = xrdCsv(250);
        const QString file = writeFile("new_sample.csv", csv);
        CliResult r = cli({"import", project, "--sample", "NEW", file, "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        bool ok = false;
        const QJsonObject created = singleJson(r, &ok);
        QVERIFY2(ok, describe(r).constData());
        QCOMPARE(created["datasets"].toArray().size(), qsizetype(1));

        r = cli({"info", project, "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject info = singleJson(r, &ok);
        QVERIFY2(ok, describe(r).constData());
        QCOMPARE(info["samples"].toArray().size(), qsizetype(5));
        const QJsonObject s = sampleNamed(info, "NEW");
        QVERIFY2(!s.isEmpty(), "sample NEW missing after import");
        const QJsonArray xrd = s["datasets"].toObject()["xrd"].toArray();
        QCOMPARE(xrd.size(), qsizetype(1));
        const QJsonObject d = xrd[0].toObject();
        QCOMPARE(d["points"].toInteger(), qint64(250));
        QCOMPARE(d["type"].toString(), QString("xrd_pattern"));
        QCOMPARE(d["kind"].toString(), QString("xrd_pattern")); // kept for schema-1 scripts
        const QJsonObject prov = d["provenance"].toObject();
        QCOMPARE(prov["sha256"].toString().toLatin1(),
                 QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex());
        QCOMPARE(prov["original_file_name"].toString(), QString("new_sample.csv"));
        QCOMPARE(prov["file_size_bytes"].toInteger(), qint64(csv.size()));
        QCOMPARE(prov["importer_id"].toString(), QString("generic-delimited"));
        // The other samples are untouched: CS keeps its survey pattern and its 14 operando scans.
        QCOMPARE(sampleNamed(info, "CS")["datasets"].toObject()["xrd"].toArray().size(), qsizetype(15));
    }

    void importCreatesProjectAndHonoursTechnique()
    {
        const QString project = path("fresh.vanadis");
        QFile::remove(project);
        const QString file = writeFile("forced.csv", xrdCsv(20));
        CliResult r = cli({"import", project, "--sample", "S1", "--technique", "tga", file});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(QFile::exists(project));
        r = cli({"info", project, "--json"});
        bool ok = false;
        const QJsonObject info = singleJson(r, &ok);
        QVERIFY2(ok, describe(r).constData());
        const QJsonObject byTech = sampleNamed(info, "S1")["datasets"].toObject();
        QCOMPARE(byTech["tga"].toArray().size(), qsizetype(1));
        QCOMPARE(byTech["xrd"].toArray().size(), qsizetype(0));
        // An unknown technique is bad input.
        r = cli({"import", project, "--sample", "S1", "--technique", "nmr", file});
        QVERIFY2(r.exitCode == 2 && r.errLines().size() == 1 && r.err.contains("nmr"),
                 describe(r).constData());
    }

    void importGarbledFileLeavesProjectUnchanged_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("place");
        QByteArrayList lines = xrdCsv(100).split('\n');
        lines[56] = "11.10,1.2.3"; // line 57
        QTest::newRow("non-number on line 57") << "garbled.csv" << lines.join('\n') << "line 57";
        QTest::newRow("truncated last row")
            << "truncated.csv" << QByteArray(xrdCsv(30) + "10.60") << "line 32";
        QByteArray noise(4096, 0);
        QRandomGenerator rng(99);
        for (char& c : noise)
            c = char(rng.bounded(256));
        noise[0] = 'G';
        noise[10] = '\0';
        QTest::newRow("binary") << "noise.csv" << noise << "";
        QTest::newRow("empty") << "empty.csv" << QByteArray() << "";
    }

    void importGarbledFileLeavesProjectUnchanged()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, place);
        const QString project = freshDemoCopy("garble-target.vanadis");
        const QByteArray before = sha256Of(project);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files, QDir::Name);
        const QString file = writeFile(fileName, bytes);
        // A good file first on the command line: nothing may be saved when a later file fails.
        const QString good = writeFile("good_first.csv", xrdCsv(10));
        const CliResult r = cli({"import", project, "--sample", "CS", good, file});
        QVERIFY2(!r.crashed && r.exitCode == 2, describe(r).constData());
        QVERIFY2(r.out.isEmpty(), describe(r).constData());
        QCOMPARE(r.errLines().size(), qsizetype(1));
        QVERIFY2(r.err.contains(fileName.toUtf8()), describe(r).constData());
        if (!place.isEmpty()) QVERIFY2(r.err.contains(place.toUtf8()), describe(r).constData());
        QCOMPARE(sha256Of(project), before);
        // No lock, journal or temporary file left behind.
        QStringList filesAfter = QDir(m_dir.path()).entryList(QDir::Files, QDir::Name);
        filesAfter.removeAll(fileName);
        filesAfter.removeAll("good_first.csv");
        QStringList expected = filesBefore;
        expected.removeAll(fileName);
        expected.removeAll("good_first.csv");
        QCOMPARE(filesAfter, expected);
    }

    void infoOnBadFiles_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text file") << "notes.txt" << QByteArray("2theta,intensity\n10,5\n")
                                   << "not a Vanadis project";
        QTest::newRow("missing file") << "missing.vanadis" << QByteArray() << "does not exist";
        QTest::newRow("empty file") << "empty.vanadis" << QByteArray("") << "empty";
    }

    void infoOnBadFiles()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString file = path(fileName);
        QFile::remove(file);
        if (fileName != "missing.vanadis") writeFile(fileName, bytes);
        for (const QStringList& extra : {QStringList{}, QStringList{"--json"}}) {
            const CliResult r = cli(QStringList{"info", file} + extra);
            QVERIFY2(!r.crashed && r.exitCode == 2, describe(r).constData());
            QVERIFY2(r.out.isEmpty(), describe(r).constData()); // never partial JSON
            QCOMPARE(r.errLines().size(), qsizetype(1));
            QVERIFY2(r.err.contains(fileName.toUtf8()) && r.err.contains(reason.toUtf8()),
                     describe(r).constData());
        }
    }

    void infoListsRunsWithHeadlines()
    {
        const CliResult r = cli({"info", m_demo, "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        bool ok = false;
        const QJsonObject info = singleJson(r, &ok);
        QVERIFY(ok);
        const QJsonObject cs = sampleNamed(info, "CS");
        const QJsonArray runs = cs["runs"].toArray();
        // BET, TGA and XRD, computed and stored by `demo` (the analyses that run by themselves).
        QVERIFY2(runs.size() >= 3, qPrintable(QString::number(runs.size())));
        // The survey pattern (not a scan of the operando series, whose cell breathes with sodiation).
        qint64 survey = 0;
        for (const QJsonValue& d : cs["datasets"].toObject()["xrd"].toArray())
            if (!d.toObject()["metadata"].toObject().contains("scan_count"))
                survey = d.toObject()["id"].toInteger();
        QVERIFY(survey > 0);
        for (const auto& v : runs) {
            const QJsonObject run = v.toObject();
            QCOMPARE(run["status"].toString(), QString("ok"));
            if (run["analysis_id"] == "xrd_series") {
                QCOMPARE(run["inputs"].toArray().size(), qsizetype(14));
                continue;
            }
            QCOMPARE(run["inputs"].toArray().size(), qsizetype(1));
            if (run["analysis_id"] == "xrd" &&
                run["inputs"].toArray().first().toObject()["dataset_id"].toInteger() != survey)
                continue;
            const QJsonObject h = run["headline"].toObject();
            if (run["analysis_id"] == "bet") {
                QVERIFY2(std::abs(h["area_m2_g"].toDouble() - 63.0) < 0.6,
                         qPrintable(QString::number(h["area_m2_g"].toDouble())));
                QVERIFY(h["area_err"].toDouble() > 0.0);
            } else if (run["analysis_id"] == "xrd") {
                QVERIFY2(std::abs(h["a_angstrom"].toDouble() - 4.952) < 0.005,
                         qPrintable(QString::number(h["a_angstrom"].toDouble())));
                QVERIFY(h.contains("a_err"));
            } else if (run["analysis_id"] == "tga") {
                QVERIFY2(std::abs(h["carbon_wt_pct"].toDouble() - 15.50) < 0.1,
                         qPrintable(QString::number(h["carbon_wt_pct"].toDouble())));
                QVERIFY(h.contains("carbon_wt_pct_err"));
            }
        }
        // Every dataset has its type and label.
        const QJsonArray xps = cs["datasets"].toObject()["xps"].toArray();
        QCOMPARE(xps.size(), qsizetype(3));
        QCOMPARE(xps[0].toObject()["type"].toString(), QString("xps_region"));
        QCOMPARE(xps[0].toObject()["label"].toString(), QString("V 2p"));
    }

    void exportFigureListsAndRendersAnalysisFigures()
    {
        CliResult r = cli({"export-figure", m_demo, "--sample", "all", "--technique", "bet", "--list"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        for (const char* id : {"raw", "isotherm", "bet_plot", "rouquerol_plot", "pore_size", "t_plot"})
            QVERIFY2(r.out.contains(QByteArray(id) + "\t"), describe(r).constData());
        r = cli({"export-figure", m_demo, "--sample", "all", "--technique", "tga", "--list"});
        QVERIFY2(r.out.contains("mass_dtg\t"), describe(r).constData());
        for (const auto& [tech, id] : {std::pair{"bet", "bet_plot"}, std::pair{"tga", "mass_dtg"}}) {
            const QString out = path(QString("%1.csv").arg(id));
            QFile::remove(out);
            r = cli({"export-figure", m_demo, "--sample", "CS", "--technique", tech, "--figure", id,
                     "--format", "csv", "--width-mm", "85", "--out", out});
            if (plotLayerMissing(r)) QSKIP("this vanadis-cli has no plot layer");
            QVERIFY2(r.exitCode == 0, describe(r).constData());
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray csv = f.readAll();
            QVERIFY2(csv.count('\n') > 10, csv.left(500).constData());
        }
        r = cli({"export-figure", m_demo, "--sample", "CS", "--technique", "bet", "--figure", "no_such",
                 "--format", "pdf", "--width-mm", "85", "--out", path("x.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bet_plot"), describe(r).constData()); // says which ids there are
    }

    void readmeAnalysisTablesMatchTheDeclarations()
    {
        // README "Analyses" is the output of `describe --markdown`: a changed declaration without the
        // README fails here (regenerate with the command).
        const CliResult r = cli({"describe", "--markdown"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QFile readme(QStringLiteral(VANADIS_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QByteArray text = readme.readAll();
        const qsizetype a = text.indexOf("<!-- describe:begin -->\n"),
                        b = text.indexOf("<!-- describe:end -->");
        QVERIFY2(a >= 0 && b > a, "README has no describe markers");
        const QByteArray inReadme = text.mid(a + 24, b - a - 24);
        QVERIFY2(inReadme == r.out, "README 'Analyses' differs from `vanadis-cli describe --markdown`; paste "
                                    "its output between the markers");
    }

    void exportFigurePdfSize()
    {
        const QString out = path("xrd_85mm.pdf");
        QFile::remove(out);
        const CliResult r = cli({"export-figure", m_demo, "--sample", "CS,WCS", "--technique", "xrd",
                                 "--format", "pdf", "--width-mm", "85", "--out", out});
        if (plotLayerMissing(r)) QSKIP("this vanadis-cli has no plot layer");
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.out.isEmpty(), describe(r).constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        static const QRegularExpression box(QStringLiteral(
            "/MediaBox\\s*\\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s*\\]"));
        const auto m = box.match(QString::fromLatin1(pdf));
        QVERIFY2(m.hasMatch(), "no MediaBox in the PDF");
        const double w = m.captured(3).toDouble() - m.captured(1).toDouble();
        const double h = m.captured(4).toDouble() - m.captured(2).toDouble();
        const double wantW = 85.0 * kPtPerMm, wantH = 0.75 * 85.0 * kPtPerMm; // 240.94 × 180.71 pt
        QVERIFY2(std::abs(w - wantW) <= 0.2, qPrintable(QString("MediaBox width %1 pt, expected %2 pt ± 0.2")
                                                            .arg(w, 0, 'f', 3)
                                                            .arg(wantW, 0, 'f', 3)));
        QVERIFY2(std::abs(h - wantH) <= 0.2, qPrintable(QString("MediaBox height %1 pt, expected %2 pt ± 0.2")
                                                            .arg(h, 0, 'f', 3)
                                                            .arg(wantH, 0, 'f', 3)));
    }

    void exportFigurePngSize()
    {
        const QString out = path("xrd_85mm.png");
        QFile::remove(out);
        const CliResult r = cli({"export-figure", m_demo, "--sample", "all", "--technique", "xrd", "--format",
                                 "png", "--width-mm", "85", "--dpi", "300", "--out", out});
        if (plotLayerMissing(r)) QSKIP("this vanadis-cli has no plot layer");
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QImage img(out);
        QVERIFY2(!img.isNull(), "the PNG does not load");
        QCOMPARE(img.width(), 1004); // round(85 / 25.4 · 300) = round(1003.9)
        QCOMPARE(img.height(), 753); // round(63.75 / 25.4 · 300) = round(752.95)
        const double dpi = img.dotsPerMeterX() * 0.0254;
        QVERIFY2(std::abs(dpi - 300.0) < 0.5,
                 qPrintable(QString("PNG header says %1 dpi, expected 300").arg(dpi)));
    }

    void betAndTgaOnGeneratedFiles_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::newRow("CS") << "CS";
        QTest::newRow("HMCS") << "HMCS";
    }

    void betAndTgaOnGeneratedFiles()
    {
        // Ground truth: the forward models with the study's values, written as plain CSV files and
        // analysed by the real binary; the numbers must come back within the tolerances.
        QFETCH(QString, sample);
        const auto truth = vanadis::sim::demoTruth(sample.toStdString());
        for (const auto& ds : vanadis::sim::demoDatasets(sample.toStdString())) {
            if (ds.kind != "isotherm" && ds.kind != "mass") continue;
            const QString file = path(sample + "-" + QString::fromStdString(ds.kind) + ".csv");
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QStringList header;
            for (const auto& c : ds.columns)
                header << QString::fromStdString(c.name) + " (" + QString::fromStdString(c.unit) + ")";
            f.write(header.join(',').toUtf8() + "\n");
            for (size_t i = 0; i < ds.columns.front().values.size(); ++i) {
                QStringList row;
                for (const auto& c : ds.columns)
                    row << QString::number(c.values[i], 'g', 17);
                f.write(row.join(',').toUtf8() + "\n");
            }
            f.close();
            const bool bet = ds.kind == "isotherm";
            const CliResult r =
                bet ? cli({"bet", file, "--json"}) : cli({"tga", file, "--start-oxide", "V2O3", "--json"});
            QVERIFY2(r.exitCode == 0, describe(r).constData());
            QJsonParseError pe;
            const QJsonObject o = QJsonDocument::fromJson(r.out, &pe).object();
            QVERIFY2(pe.error == QJsonParseError::NoError, describe(r).constData());
            if (bet) {
                const double area = o["bet"].toObject()["area_m2_g"].toDouble();
                QVERIFY2(std::abs(area / truth.betAreaM2PerG - 1.0) < 0.01,
                         qPrintable(QString("BET %1 vs %2").arg(area).arg(truth.betAreaM2PerG)));
                QVERIFY(o["bet"].toObject()["area_err"].toDouble() > 0.0);
                QVERIFY(o.contains("langmuir_area_m2_g") && o.contains("total_pore_volume_cm3_g") &&
                        o.contains("bjh"));
            } else {
                const double wc = o["carbon_wt_pct"].toDouble();
                QVERIFY2(std::abs(wc - truth.carbonWtPct) < 0.1,
                         qPrintable(QString("carbon %1 vs %2").arg(wc).arg(truth.carbonWtPct)));
                QVERIFY(o["carbon_wt_pct_err"].toDouble() > 0.0);
                QVERIFY(o["steps"].isArray() && !o["steps"].toArray().isEmpty());
                // Without a start oxide there is no oxidation-corrected carbon, and the warning says why.
                const CliResult n = cli({"tga", file, "--json"});
                const QJsonObject on = QJsonDocument::fromJson(n.out).object();
                QVERIFY2(n.exitCode == 0 && on["carbon_wt_pct"].isNull(), describe(n).constData());
                QVERIFY2(QJsonDocument(on["warnings"].toArray()).toJson().contains("--start-oxide"),
                         describe(n).constData());
                // A plain burn-off reads the loss between the dry mass and the end plateau (negative
                // here: the V2O3 gains more as V2O5 than the carbon loses, and a warning says so).
                const CliResult b = cli({"tga", file, "--mode", "burn-off", "--json"});
                const QJsonObject ob = QJsonDocument::fromJson(b.out).object();
                QVERIFY2(b.exitCode == 0 && std::abs(ob["carbon_wt_pct"].toDouble() -
                                                     (100.0 - ob["residue_wt_pct"].toDouble())) < 1e-9,
                         describe(b).constData());
                // Two cursors around the carbon burn-off: mass change and a step with its onset.
                const CliResult c = cli({"tga", file, "--param", "mass_change_from_c=420", "--param",
                                         "mass_change_to_c=600", "--json"});
                QVERIFY2(c.exitCode == 0, describe(c).constData());
                const QJsonObject oc = QJsonDocument::fromJson(c.out).object();
                QVERIFY(oc["mass_change"].toObject()["change_pct"].toDouble() < 0.0);
                const QJsonObject us = oc["user_step"].toObject();
                QCOMPARE(us["kind"].toString(), QString("loss"));
                QVERIFY2(us["onset_c"].toDouble() > 420.0 &&
                             us["onset_c"].toDouble() < us["dtg_peak_c"].toDouble(),
                         qPrintable(QJsonDocument(us).toJson()));
            }
        }
        // A user window and an invalid one.
        CliResult r = cli({"bet", path(sample + "-isotherm.csv"), "--range", "0.05,0.30", "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["bet"].toObject()["automatic"].toBool(), false);
        r = cli({"bet", path(sample + "-isotherm.csv"), "--range", "0.3,0.05"});
        QVERIFY2(r.exitCode == 2 && r.out.isEmpty() && r.errLines().size() == 1, describe(r).constData());
    }

    /// `--add-peak` / `--remove-peak` (repeatable or comma lists) and a table as JSON through --param.
    void xrdPeaksAddedAndRemoved()
    {
        QString file;
        for (const auto& ds : vanadis::sim::demoDatasets("CS")) {
            if (ds.columns.size() < 2 || ds.columns[0].name != "2Theta") continue;
            file = path("cs-xrd.csv");
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("2Theta,Intensity\n");
            for (size_t i = 0; i < ds.columns[0].values.size(); ++i)
                f.write(QByteArray::number(ds.columns[0].values[i], 'g', 12) + "," +
                        QByteArray::number(ds.columns[1].values[i], 'g', 12) + "\n");
        }
        QVERIFY2(!file.isEmpty(), "the demo has an XRD pattern");
        const QStringList base{"xrd",          file,     "--columns", "2Theta=1:deg,Intensity=2",
                               "--wavelength", "1.5406", "--json"};
        CliResult r = cli(base);
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject plain = QJsonDocument::fromJson(r.out).object();
        const QJsonArray peaks = plain["peaks"].toArray();
        QVERIFY(peaks.size() >= 3);
        const double strong = peaks[1].toObject()["two_theta_deg"].toDouble();
        const double gap = 0.5 * (peaks[0].toObject()["two_theta_deg"].toDouble() + strong);
        r = cli(base + QStringList{"--add-peak", QString::number(gap), "--add-peak",
                                   QString::number(gap + 0.5), "--remove-peak", QString::number(strong)});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["user_peaks"].toObject()["added"].toArray().size(), qsizetype(2));
        const QJsonArray removed = o["user_peaks"].toObject()["removed"].toArray();
        QCOMPARE(removed.size(), qsizetype(1));
        QCOMPARE(removed[0].toObject()["dropped_two_theta_deg"].toArray().size(), qsizetype(1));
        QCOMPARE(o["n_peaks"].toInt(), plain["n_peaks"].toInt() + 1);
        r = cli(base + QStringList{"--add-peak", QString::number(gap) + "," + QString::number(gap + 0.5)});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["user_peaks"].toObject()["added"].toArray().size(),
                 qsizetype(2));
        r = cli(base + QStringList{"--param", QString("added_peaks_deg=[{\"two_theta_deg\": %1}]").arg(gap)});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["user_peaks"].toObject()["added"].toArray().size(),
                 qsizetype(1));
        r = cli(base + QStringList{"--add-peak", "31.2,abc"});
        QVERIFY2(r.exitCode != 0 && r.err.contains("--add-peak") && r.err.contains("abc"),
                 describe(r).constData());
    }

    /// --write-instrument on a generated standard writes the instrument-function file (CLI.md keys of the
    /// xrd command unchanged, the file's path added); --instrument then uses it and says so; a broken
    /// file is one line on stderr naming file and key, exit 2, nothing on stdout.
    void xrdInstrumentFunctionWrittenAndUsed()
    {
        auto csvOf = [&](const vanadis::sim::SimDataset& ds, const QString& name) {
            QByteArray b = "2Theta,Intensity\n";
            for (size_t i = 0; i < ds.columns[0].values.size(); ++i)
                b += QByteArray::number(ds.columns[0].values[i], 'g', 12) + "," +
                     QByteArray::number(ds.columns[1].values[i], 'g', 12) + "\n";
            return writeFile(name, b);
        };
        vanadis::sim::XrdParams sp;
        sp.crystalliteSizeNm = 1e5;
        sp.ka2Ratio = 0.0;
        sp.stepDeg = 0.01;
        sp.twoThetaEndDeg = 90.0;
        const QString standard = csvOf(vanadis::sim::simulateXrd(sp, "std"), "standard.csv");
        const QString out = path("instrument.json");
        QFile::remove(out);
        const QStringList cols{"--columns", "2Theta=1:deg,Intensity=2", "--wavelength", "1.5406", "--json"};
        CliResult r = cli(QStringList{"xrd", standard, "--write-instrument", out} + cols);
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        bool ok = false;
        const QJsonObject o = singleJson(r, &ok);
        QVERIFY(ok);
        for (const char* key : {"wavelength_angstrom", "peaks", "lattice", "scherrer_size_nm",
                                "williamson_hall", "unindexed_peaks", "instrument_fit"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o["write_instrument_file"].toString(), out);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject inst = QJsonDocument::fromJson(f.readAll()).object();
        for (const char* key : {"name", "wavelength_angstrom", "u_deg2", "u_err", "v_deg2", "v_err", "w_deg2",
                                "w_err", "standard", "source_file", "date"})
            QVERIFY2(inst.contains(key), key);
        QCOMPARE(inst["source_file"].toString(), QStringLiteral("standard.csv"));
        QVERIFY(inst["w_deg2"].toDouble() > 0.0);

        vanadis::sim::XrdParams p;
        p.crystalliteSizeNm = 30.0;
        p.ka2Ratio = 0.0;
        const QString sample = csvOf(vanadis::sim::simulateXrd(p, "s"), "sample.csv");
        r = cli(QStringList{"xrd", sample, "--instrument", out} + cols);
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject used = singleJson(r, &ok)["instrument"].toObject();
        QCOMPARE(used["source"].toString(), QStringLiteral("dataset"));
        QCOMPARE(used["source_file"].toString(), QStringLiteral("standard.csv"));
        const double size = singleJson(r, &ok)["scherrer_size_nm"].toObject()["mean"].toDouble();
        QVERIFY2(std::abs(size / 30.0 - 1.0) < 0.10, qPrintable(QString::number(size)));

        const QString bad =
            writeFile("bad-instrument.json", "{\"u_deg2\": 0.01, \"v_deg2\": 0, \"w_deg2\": -0.003, "
                                             "\"wavelength_angstrom\": 1.5406}");
        r = cli(QStringList{"xrd", sample, "--instrument", bad} + cols);
        QVERIFY2(r.exitCode == 2 && r.out.isEmpty() && r.err.contains("bad-instrument.json") &&
                     r.err.contains("w_deg2") && r.err.count('\n') == 1,
                 describe(r).constData());
    }

    void columnsMappingAndSnakeCaseHeaders()
    {
        // Issue 8: CSVs written by scripts ("relative_pressure,amount_cm3_g,branch", "temperature_C,time_min,
        // mass_pct") are read without help, and any table can be mapped with --columns ROLE=COLUMN[:UNIT].
        // Ground truth: the HCS forward model; the BET area within 1 %, the carbon content within 0.1 wt%.
        const auto truth = vanadis::sim::demoTruth("HCS");
        std::vector<double> px, n, br, tMin, tC, pct;
        for (const auto& ds : vanadis::sim::demoDatasets("HCS"))
            for (const auto& c : ds.columns) {
                if (ds.kind == "isotherm" && c.name == "P/P0") px = c.values;
                if (ds.kind == "isotherm" && c.name == "Quantity Adsorbed") n = c.values;
                if (ds.kind == "isotherm" && c.name == "Branch") br = c.values;
                if (ds.kind == "mass" && c.name == "Time") tMin = c.values;
                if (ds.kind == "mass" && c.name == "Temperature") tC = c.values;
                if (ds.kind == "mass" && c.name == "Mass %") pct = c.values;
            }
        QVERIFY(!px.empty() && !tC.empty());
        const double kCm3PerMmol = 22.413969545014137; // cm3 STP per mmol (bet.md §1)
        QByteArray snake = "relative_pressure,amount_cm3_g,branch\n";
        QByteArray anonymous = "# run 7\nA;B;C;D\n"; // amount in mmol/g in column 3, p/p0 in column 2
        for (size_t i = 0; i < px.size(); ++i) {
            snake += QByteArray::number(px[i], 'g', 17) + "," + QByteArray::number(n[i], 'g', 17) + "," +
                     (br[i] > 0.5 ? "des" : "ads") + "\n";
            anonymous += QByteArray::number(i) + ";" + QByteArray::number(px[i], 'g', 17) + ";" +
                         QByteArray::number(n[i] / kCm3PerMmol, 'g', 17) + ";" + QByteArray::number(br[i]) +
                         "\n";
        }
        QByteArray tga = "temperature_C,time_min,mass_pct\n", tgaAnon = "c1\tc2\tc3\n";
        for (size_t i = 0; i < tC.size(); ++i) {
            tga += QByteArray::number(tC[i], 'g', 17) + "," + QByteArray::number(tMin[i], 'g', 17) + "," +
                   QByteArray::number(pct[i], 'g', 17) + "\n";
            tgaAnon += QByteArray::number(tMin[i] * 60, 'g', 17) + "\t" +
                       QByteArray::number(tC[i] + 273.15, 'g', 17) + "\t" +
                       QByteArray::number(pct[i], 'g', 17) + "\n";
        }
        auto area = [&](const QStringList& args) {
            const CliResult r = cli(args);
            if (r.exitCode != 0) qWarning("%s", describe(r).constData());
            return QJsonDocument::fromJson(r.out).object()["bet"].toObject()["area_m2_g"].toDouble(-1);
        };
        auto carbon = [&](const QStringList& args) {
            const CliResult r = cli(args);
            if (r.exitCode != 0) qWarning("%s", describe(r).constData());
            return QJsonDocument::fromJson(r.out).object()["carbon_wt_pct"].toDouble(-100);
        };
        const QString fSnake = writeFile("snake-iso.csv", snake),
                      fAnon = writeFile("anon-iso.csv", anonymous);
        const QString fTga = writeFile("snake-tga.csv", tga), fTgaAnon = writeFile("anon-tga.tsv", tgaAnon);
        for (const auto& [what, a] :
             {std::pair{"snake_case", area({"bet", fSnake, "--json"})},
              std::pair{"--columns by index",
                        area({"bet", fAnon, "--columns", "p_rel=2,amount=3:mmol/g,branch=4"})},
              std::pair{"--columns by name", area({"bet", fAnon, "--columns", "x=B,y=C:mmol/g,branch=D"})}})
            QVERIFY2(
                std::abs(a / truth.betAreaM2PerG - 1.0) < 0.01,
                qPrintable(QString("%1: BET %2 vs %3 m2/g (1 %)").arg(what).arg(a).arg(truth.betAreaM2PerG)));
        for (const auto& [what, c] :
             {std::pair{"snake_case", carbon({"tga", fTga, "--start-oxide", "V2O3", "--json"})},
              std::pair{"--columns", carbon({"tga", fTgaAnon, "--start-oxide", "V2O3", "--columns",
                                             "time=1:s,temperature=c2:K,mass_pct=3"})}})
            QVERIFY2(
                std::abs(c - truth.carbonWtPct) < 0.1,
                qPrintable(QString("%1: carbon %2 vs %3 wt% (0.1)").arg(what).arg(c).arg(truth.carbonWtPct)));

        // Bad mappings: exit 2, nothing on stdout, one line naming the file and the entry.
        for (const QStringList& bad : {QStringList{"bet", fAnon, "--columns", "p_rel=9,amount=3:mmol/g"},
                                       QStringList{"bet", fAnon, "--columns", "pressure=2"},
                                       QStringList{"bet", fAnon, "--columns", "p_rel=Z"},
                                       QStringList{"bet", fAnon, "--columns", "p_rel=2,x=3"},
                                       QStringList{"bet", fAnon, "--columns", "2"}}) {
            const CliResult r = cli(bad);
            QVERIFY2(r.exitCode == 2 && r.out.isEmpty() && r.errLines().size() == 1 &&
                         r.err.contains("anon-iso.csv") && r.err.contains("--columns"),
                     describe(r).constData());
        }
        // Without a unit for the amount the analysis says so instead of guessing.
        const CliResult r = cli({"bet", fAnon, "--columns", "p_rel=2,amount=3"});
        QVERIFY2(r.exitCode == 2 && r.err.contains("unit"), describe(r).constData());
    }

    void exportFigureBadInput()
    {
        const QString out = path("never.png");
        QFile::remove(out);
        CliResult r = cli({"export-figure", m_demo, "--sample", "CS", "--technique", "nmr", "--format", "png",
                           "--width-mm", "85", "--out", out});
        QVERIFY2(!r.crashed && r.exitCode == 2, describe(r).constData());
        QCOMPARE(r.errLines().size(), qsizetype(1));
        QVERIFY2(r.err.contains("nmr"), describe(r).constData());
        QVERIFY(!QFile::exists(out));
        // A sample that does not exist is named in the message.
        r = cli({"export-figure", m_demo, "--sample", "XYZ", "--technique", "xrd", "--format", "png",
                 "--width-mm", "85", "--out", out});
        QVERIFY2(!r.crashed && r.exitCode == 2 && r.err.contains("XYZ"), describe(r).constData());
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
