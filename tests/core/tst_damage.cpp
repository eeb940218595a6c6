// Damage and leftovers in and beside a .vanadis file: orphan temporary files of a killed save,
// schema entries that would execute, checksums of stored arrays and embedded files, broken
// indexes, and how such errors are worded (one line, control characters escaped, no SQLite
// internals, folder vs file permissions).
#include "TestUtil.h"
#include "io/MessageText.h"
#include "io/ProjectDocument.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <sqlite3.h>
#include <unistd.h>

using namespace vanadis;

namespace {

std::unique_ptr<ProjectDocument> makeDoc(int samples, qsizetype points)
{
    auto doc = ProjectDocument::createNew("Series D");
    Project& p = doc->project();
    for (int i = 0; i < samples; ++i) {
        const Id s = test::addSample(p, QStringLiteral("S%1").arg(i));
        p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", points, i + 1));
    }
    return doc;
}

void sqlExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    const QByteArray msg = err ? QByteArray(err) : QByteArray();
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, msg.constData());
}

QString openError(const QString& path)
{
    auto d = ProjectDocument::open(path);
    return d ? QString() : QString::fromStdString(d.error().message());
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

/// Sets the modification time of \a path \a secs seconds from now (negative: a file left by an
/// earlier, killed session; positive: one written after the open took its lock).
void setAge(const QString& path, int secs)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(secs), QFileDevice::FileModificationTime));
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDamage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    /// A saved project of \a samples datasets at \a name (replaced), closed again.
    QString savedProject(const QString& name, int samples = 2, qsizetype points = 500)
    {
        const QString file = path(name);
        QFile::remove(file);
        auto doc = makeDoc(samples, points);
        auto ok = doc->saveAs(file);
        if (!ok) qWarning("%s", ok.error().message().c_str());
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    // --- item 10 (a): orphan temporary files -----------------------------------------------------

    void orphanTemporaryFilesAreRemovedOnOpen()
    {
        const QString file = savedProject("orphans.vanadis");
        const QByteArray db = readFile(file);
        QVERIFY(db.startsWith("SQLite format 3"));
        // What a kill during Save As / autosave leaves: the half-written copy and its journal.
        writeFile(file + ".tmp-0a1b2c3d", db);
        writeFile(file + ".tmp-0a1b2c3d-journal", QByteArray(512, '\x01'));
        writeFile(file + ".tmp-99999999", {}); // killed before the first page was written
        // Not ours: another pattern, upper case hex, a non-SQLite file, another project's temp.
        writeFile(file + ".tmp-0A1B2C3D", db);
        writeFile(file + ".tmp-0a1b2c3", db);
        writeFile(file + ".tmp-deadbeef", "my notes, not a database");
        writeFile(path("other.vanadis.tmp-12345678"), db);
        // Written after the open took the lock: a live write, never a dead one.
        writeFile(file + ".tmp-abcdef01", db);
        for (const QString& name : QDir(m_dir.path()).entryList({"*.tmp-*"}))
            setAge(path(name), -60);
        setAge(file + ".tmp-abcdef01", 3600);
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        QVERIFY(!QFile::exists(file + ".tmp-0a1b2c3d"));
        QVERIFY(!QFile::exists(file + ".tmp-0a1b2c3d-journal"));
        QVERIFY(!QFile::exists(file + ".tmp-99999999"));
        for (const QString& kept : {file + ".tmp-0A1B2C3D", file + ".tmp-0a1b2c3", file + ".tmp-deadbeef",
                                    path("other.vanadis.tmp-12345678"), file + ".tmp-abcdef01"})
            QVERIFY2(QFile::exists(kept), qPrintable("removed although not an orphan: " + kept));
        const QString warnings = (*doc)->warnings().join('\n');
        QVERIFY2(warnings.contains("orphans.vanadis.tmp-0a1b2c3d") && warnings.contains("temporary"),
                 qPrintable(warnings));
        QVERIFY2(!warnings.contains("tmp-deadbeef"), qPrintable(warnings));
        // Nothing left to clean: the next open says nothing.
        doc->reset();
        auto again = ProjectDocument::open(file);
        QVERIFY(again);
        QVERIFY2((*again)->warnings().isEmpty(), qPrintable((*again)->warnings().join('\n')));
    }

    void orphanLockedByAnotherProcessIsKept()
    {
        // A temporary file that another process still holds a POSIX lock on (SQLite mid-write) is
        // somebody's live write, lock file or not.
        const QString python = QStandardPaths::findExecutable("python3");
        if (python.isEmpty()) QSKIP("python3 not found");
        const QString file = savedProject("orphan-locked.vanadis");
        const QString tmp = file + ".tmp-feedface";
        QVERIFY(QFile::copy(file, tmp));
        setAge(tmp, -60);
        QProcess holder;
        holder.start(python, {"-c",
                              "import fcntl,sys,time\n"
                              "f=open(sys.argv[1],'r+b')\n"
                              "fcntl.lockf(f, fcntl.LOCK_EX, 1, 1073741825)\n"
                              "print('locked', flush=True)\n"
                              "time.sleep(60)\n",
                              tmp});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(10000));
        QVERIFY(holder.readAllStandardOutput().startsWith("locked"));
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY(doc);
            QVERIFY2(QFile::exists(tmp), "a temporary file locked by a live process was removed");
        }
        holder.kill();
        holder.waitForFinished();
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        QVERIFY2(!QFile::exists(tmp), "the orphan stayed after its process was gone");
    }

    void orphanOfRecoveryFileIsRemovedWhenRecovered()
    {
        // Autosave writes `<recovery file>.tmp-XXXXXXXX`; recovering that file cleans beside it.
        auto doc = makeDoc(1, 100);
        doc->project().setSeriesInfo("changed", {});
        QVERIFY(doc->autosave().has_value());
        const QString rec = doc->recoveryPath();
        doc->discardRecovery(); // (keeps the session from removing it below)
        QVERIFY(doc->autosave().has_value());
        const QString crashed = path("crashed-session.vanadis");
        QFile::remove(crashed);
        QVERIFY(QFile::copy(rec, crashed));
        QVERIFY(QFile::copy(rec, crashed + ".tmp-00c0ffee"));
        setAge(crashed + ".tmp-00c0ffee", -60);
        doc.reset();
        auto recovered = ProjectDocument::openRecovery(crashed);
        QVERIFY2(recovered, recovered ? "" : recovered.error().message().c_str());
        QVERIFY(!QFile::exists(crashed + ".tmp-00c0ffee"));
        QVERIFY((*recovered)->warnings().join(' ').contains("tmp-00c0ffee"));
    }

    // --- item 10 (b): schema entries that would execute ------------------------------------------

    void triggersAndViewsAreRefusedWhateverTheirTypeSays_data()
    {
        // Either refusal will do where SQLite itself rejects the entry as damaged.
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trigger")
            << "CREATE TRIGGER evil AFTER INSERT ON samples BEGIN DELETE FROM datasets; END;"
            << "triggers or views";
        QTest::newRow("type upper-cased")
            << "CREATE TRIGGER evil AFTER INSERT ON samples BEGIN DELETE FROM datasets; END;"
               "PRAGMA writable_schema=ON; UPDATE sqlite_master SET type='TRIGGER' WHERE name='evil';"
            << "triggers or views";
        QTest::newRow("type mixed case")
            << "CREATE TRIGGER evil AFTER INSERT ON samples BEGIN DELETE FROM datasets; END;"
               "PRAGMA writable_schema=ON; UPDATE sqlite_master SET type='Trigger' WHERE name='evil';"
            << "triggers or views";
        QTest::newRow("trigger filed as a table")
            << "CREATE TRIGGER evil AFTER INSERT ON samples BEGIN DELETE FROM datasets; END;"
               "PRAGMA writable_schema=ON; UPDATE sqlite_master SET type='table' WHERE name='evil';"
            << "damaged";
        QTest::newRow("view upper-cased")
            << "CREATE VIEW v AS SELECT * FROM samples;"
               "PRAGMA writable_schema=ON; UPDATE sqlite_master SET type='VIEW' WHERE name='v';"
            << "triggers or views";
        QTest::newRow("temp trigger text with comments")
            << "CREATE TRIGGER evil AFTER INSERT ON samples BEGIN DELETE FROM datasets; END;"
               "PRAGMA writable_schema=ON; UPDATE sqlite_master SET type='index', "
               "sql='create /* x */ TEMP -- y\n trigger evil AFTER INSERT ON samples BEGIN DELETE FROM "
               "datasets; END' WHERE name='evil';"
            << "damaged";
    }

    void triggersAndViewsAreRefusedWhateverTheirTypeSays()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        const QString file = savedProject("trigger.vanadis", 1, 50);
        sqlExec(file, sql.toUtf8().constData());
        const QString err = openError(file);
        QVERIFY2(!err.isEmpty(), "a file with an executable schema entry was accepted");
        QVERIFY2(err.contains("triggers or views") || err.contains(expected),
                 qPrintable("wrong reason: " + err));
    }

    // --- item 8 (a): checksums of stored arrays and embedded files -------------------------------

    void flippedByteInAStoredArrayIsDetected()
    {
        const QString file = savedProject("flip.vanadis", 1, 2000);
        // Find the y column of the dataset in the raw file (its values are known: TestUtil) and flip
        // one bit in the middle: the page structure stays valid, only the value changes.
        std::vector<double> y(2000);
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = std::sin(double(i) * 0.01 * 1.0) * 100.0 + 1.0;
        const QByteArray needle(reinterpret_cast<const char*>(&y[1000]), 64);
        QByteArray bytes = readFile(file);
        const qsizetype at = bytes.indexOf(needle);
        QVERIFY2(at > 0, "column values not found in the file");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(at + 13));
            char c = bytes[at + 13];
            c ^= 0x10;
            QCOMPARE(f.write(&c, 1), qint64(1));
        }
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str()); // the structure is fine
        const Dataset* d = (*doc)->project().datasetsOf((*doc)->project().samples()[0]->id).front();
        auto loaded = d->ensureLoaded();
        QVERIFY2(!loaded, "flipped bytes in a stored array passed unnoticed");
        const QString msg = QString::fromStdString(loaded.error().message());
        QVERIFY2(msg.contains("checksum mismatch") && msg.contains("column 'y'") &&
                     msg.contains("pattern data") && msg.contains(QString("dataset %1").arg(d->id())),
                 qPrintable(msg));
        // Save As copies the file as it is: the damage stays detectable in the copy, not laundered
        // under a new checksum.
        const QString copy = path("flip-copy.vanadis");
        QFile::remove(copy);
        QVERIFY((*doc)->saveAs(copy).has_value());
        doc->reset();
        auto reopened = ProjectDocument::open(copy);
        QVERIFY(reopened);
        const Dataset* d2 =
            (*reopened)->project().datasetsOf((*reopened)->project().samples()[0]->id).front();
        QVERIFY2(!d2->ensureLoaded(), "the copy holds the damaged values as if they were sound");
    }

    void sameLengthOverwriteIsDetectedAndSoundColumnsLoad()
    {
        const QString file = savedProject("zeroed.vanadis", 2, 300);
        sqlExec(file, "UPDATE dataset_columns SET data=zeroblob(length(data)) WHERE idx=0 AND "
                      "dataset_id=(SELECT max(dataset_id) FROM dataset_columns);");
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        int failed = 0, loaded = 0;
        for (const auto& [id, d] : (*doc)->project().allDatasets()) {
            auto ok = d.ensureLoaded();
            if (ok) {
                ++loaded;
                continue;
            }
            ++failed;
            QVERIFY2(QString::fromStdString(ok.error().message()).contains("column 'x'"),
                     ok.error().message().c_str());
        }
        QCOMPARE(failed, 1);
        QCOMPARE(loaded, 1);
    }

    void damagedEmbeddedFileIsDetected()
    {
        const QString file = savedProject("embedded.vanadis", 1, 100);
        sqlExec(file, "UPDATE files SET data=zeroblob(size);");
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        const Dataset* d = (*doc)->project().datasetsOf((*doc)->project().samples()[0]->id).front();
        QVERIFY(d->ensureLoaded().has_value()); // the values themselves are sound
        auto original = d->originalFile();
        QVERIFY2(!original, "a damaged embedded original file was handed out");
        QVERIFY2(QString::fromStdString(original.error().message()).contains("checksum mismatch"),
                 original.error().message().c_str());
    }

    void schemaOneColumnsGetChecksumsWhenMigrated()
    {
        const QString fixture = QStringLiteral(VANADIS_SOURCE_DIR "/tests/data/schema-v1.vanadis");
        const QString file = path("v1-migrated.vanadis");
        QFile::remove(file);
        QVERIFY(QFile::copy(fixture, file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
            for (const auto& [id, d] : (*doc)->project().allDatasets())
                QVERIFY(d.ensureLoaded().has_value()); // schema 1: no checksums to verify
            (*doc)->project().setSeriesInfo("migrated", {});
            QVERIFY((*doc)->save().has_value());
        }
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT data, sha256 FROM dataset_columns", -1, &st, nullptr),
                 SQLITE_OK);
        int rows = 0, hashed = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            ++rows;
            const QByteArray data(static_cast<const char*>(sqlite3_column_blob(st, 0)),
                                  sqlite3_column_bytes(st, 0));
            const QByteArray stored(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
            hashed += stored == QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        QVERIFY(rows > 0);
        QCOMPARE(hashed, rows);
        // And they are verified: damage after the migration is detected.
        sqlExec(file,
                "UPDATE dataset_columns SET data=zeroblob(length(data)) WHERE rowid=(SELECT min(rowid) FROM "
                "dataset_columns);");
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        int failed = 0;
        for (const auto& [id, d] : (*doc)->project().allDatasets())
            failed += !d.ensureLoaded();
        QCOMPARE(failed, 1);
    }

    // --- item 8 (b): integrity_check at open ------------------------------------------------------

    void brokenIndexIsRefusedAtOpen()
    {
        // An index whose entries no longer match its table: quick_check does not look, so the file
        // was accepted and written to. Here the index on datasets(file_sha256) is declared on
        // another column, as a damaged schema page or a crafted file would have it.
        const QString file = savedProject("index.vanadis", 3, 100);
        sqlExec(file,
                "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql='CREATE INDEX datasets_file ON "
                "datasets(name)' WHERE name='datasets_file';");
        const QString err = openError(file);
        QVERIFY2(!err.isEmpty(), "a file with a broken index was accepted");
        QVERIFY2(err.contains("damaged") && err.contains("index.vanadis"), qPrintable(err));
        QVERIFY2(!err.contains('\n'), qPrintable("more than one line: " + err));
    }

    // --- item 9 (b): SQLite internals become one sentence ----------------------------------------

    void damagedPageIsOneSentenceWithoutSqliteInternals_data()
    {
        QTest::addColumn<int>("page");
        QTest::newRow("page 2") << 2;
        QTest::newRow("page 3") << 3;
        QTest::newRow("last page") << -1;
    }

    void damagedPageIsOneSentenceWithoutSqliteInternals()
    {
        // An invalid b-tree page type byte: SQLite's integrity_check answers with several lines such
        // as "*** in database main ***\nPage 2: btreeInitPage() returns error code 11".
        QFETCH(int, page);
        const QString file = savedProject("page.vanadis", 2, 3000);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pages = f.size() / 4096;
            QVERIFY(f.seek(4096 * ((page < 0 ? pages : page) - 1)));
            QCOMPARE(f.write(QByteArray(8, '\x7f')), qint64(8));
        }
        QString err = openError(file);
        if (err.isEmpty()) { // damage in a page read only on use
            auto doc = ProjectDocument::open(file);
            for (const auto& [id, d] : (*doc)->project().allDatasets())
                if (auto ok = d.ensureLoaded(); !ok) err = QString::fromStdString(ok.error().message());
        }
        QVERIFY2(!err.isEmpty(), "the damage went unnoticed");
        QVERIFY2(err.contains("damaged"), qPrintable(err));
        QVERIFY2(!err.contains('\n') && !err.contains('\r'), qPrintable("more than one line: " + err));
        for (const char* internal : {"***", "btree", "error code", "Page ", "sqlite", "SQLite"})
            QVERIFY2(!err.contains(QLatin1String(internal)), qPrintable("SQLite internals in: " + err));
    }

    // --- item 9 (a): bytes from the input are escaped ---------------------------------------------

    void controlCharactersInFileNamesAndContentAreEscaped_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("sql"); // empty: the file is not a project at all
        QTest::addColumn<QString>("shown");
        QTest::newRow("name with ESC and CR")
            << QString("evil\x1b[2J\rname.vanadis") << QString() << QString("evil\\x1b[2J\\x0dname.vanadis");
        QTest::newRow("name with a newline")
            << QString("two\nlines.vanadis") << QString() << QString("two\\x0alines.vanadis");
        QTest::newRow("technique with ESC")
            << QString("content.vanadis")
            << QString("UPDATE datasets SET technique='xrd'||char(27)||'[31m'||char(13)||char(127);")
            << QString("xrd\\x1b[31m\\x0d\\x7f");
        QTest::newRow("C1 control in the technique")
            << QString("c1.vanadis") << QString("UPDATE datasets SET technique='q'||char(155)||'1m';")
            << QString("q\\x9b1m");
    }

    void controlCharactersInFileNamesAndContentAreEscaped()
    {
        QFETCH(QString, name);
        QFETCH(QString, sql);
        QFETCH(QString, shown);
        QString file;
        if (sql.isEmpty()) {
            file = path(name);
            writeFile(file, "not a project\n");
        } else {
            file = savedProject(name, 1, 20);
            sqlExec(file, sql.toUtf8().constData());
        }
        const QString err = openError(file);
        QVERIFY2(!err.isEmpty(), "accepted");
        QVERIFY2(err.contains(shown), qPrintable("not shown escaped: " + escapeControlCharacters(err)));
        for (const QChar c : err)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f &&
                         !(c.unicode() >= 0x80 && c.unicode() < 0xa0),
                     qPrintable("raw control character in: " + escapeControlCharacters(err)));
    }

    void quoteCellAndMessagesShareOneRule()
    {
        const QString cell = QString("a\x1b") + QChar(0x85) + QString("\tb");
        QCOMPARE(QString::fromStdString(textnum::quoteCell(cell)), "'" + escapeControlCharacters(cell) + "'");
        QCOMPARE(escapeControlCharacters(cell), QString("a\\x1b\\x85\\x09b"));
        QCOMPARE(escapeControlCharacters(QString("2θ/° ünï")), QString("2θ/° ünï")); // printable text stays
    }

    // --- item 9 (c): a read-only folder is not called a read-only file ---------------------------

    void readOnlyFolderOrFileIsNamedCorrectly()
    {
        // Permissions mean nothing to root: rerun this function as nobody (setpriv) in a child.
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable("setpriv");
            if (setpriv.isEmpty()) QSKIP("running as root without setpriv: permissions cannot be tested");
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("HOME", QDir::tempPath());
            env.remove("XDG_RUNTIME_DIR");
            child.setProcessEnvironment(env);
            child.start(setpriv,
                        {"--reuid=65534", "--regid=65534", "--clear-groups",
                         QCoreApplication::applicationFilePath(), "readOnlyFolderOrFileIsNamedCorrectly"});
            QVERIFY(child.waitForFinished(60000));
            const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
            QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
            QVERIFY2(out.contains("PASS   : TestDamage::readOnlyFolderOrFileIsNamedCorrectly"),
                     out.constData());
            return;
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath("locked-dir");
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/p.vanadis";
        {
            auto doc = makeDoc(1, 50);
            QVERIFY(doc->saveAs(file).has_value());
        }
        auto edit = [](ProjectDocument& d) { d.project().setSeriesInfo("edited", {}); };
        // The folder is read-only, the file is writable: the save cannot create its journal.
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
            edit(**doc);
            auto saved = (*doc)->save();
            QVERIFY2(!saved, "saved into a read-only folder?");
            const QString msg = QString::fromStdString(saved.error().message());
            QVERIFY2(msg.contains("folder") && msg.contains("not writable") &&
                         !msg.contains("file is read-only"),
                     qPrintable(msg));
            // Save As into the same folder: its temporary file cannot be created either.
            auto savedAs = (*doc)->saveAs(folder + "/q.vanadis");
            QVERIFY(!savedAs);
            const QString msg2 = QString::fromStdString(savedAs.error().message());
            QVERIFY2(msg2.contains("folder") && !msg2.contains("file is read-only"), qPrintable(msg2));
        }
        // The file is read-only, the folder writable: now it is the file.
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
            edit(**doc);
            auto saved = (*doc)->save();
            QVERIFY(!saved);
            const QString msg = QString::fromStdString(saved.error().message());
            QVERIFY2(msg.contains("file is read-only") && !msg.contains("folder"), qPrintable(msg));
        }
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    }
};

QTEST_GUILESS_MAIN(TestDamage)
#include "tst_damage.moc"
