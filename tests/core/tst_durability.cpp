// Durable commits and stray journals (issue 9, items 6 and 7).
// - The folder is fsynced after Save As renames the file into place, and after SQLite deletes the
//   journal at the end of a save (synchronous=EXTRA). Observed by interposing fsync, fdatasync,
//   rename and unlink in this executable (the dynamic linker resolves libsqlite3's and our calls
//   to these definitions, which forward to libc).
// - A hot `-journal` written for another file, or for another state of this one, is moved aside and
//   never played back; a genuine hot journal of this file is still rolled back.
#include "TestUtil.h"
#include "io/ProjectDocument.h"
#include "io/RollbackJournal.h"
#include "model/Commands.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <cstdio>
#include <dlfcn.h>
#include <mutex>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vanadis;

// ---- system call log ---------------------------------------------------------------------------

namespace {

struct Event {
    enum Kind { DirSync, Rename, Unlink } kind;
    QString path; ///< the folder (DirSync), the new name (Rename) or the removed file (Unlink)
};

std::mutex g_logMutex;
std::vector<Event> g_log;
bool g_logging = false;

void record(Event::Kind kind, const QString& path)
{
    std::lock_guard lock(g_logMutex);
    if (g_logging) g_log.push_back({kind, QFileInfo(path).absoluteFilePath()});
}

void recordSync(int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode)) return;
    char buf[4096];
    const ssize_t n =
        ::readlink(QByteArray("/proc/self/fd/" + QByteArray::number(fd)).constData(), buf, sizeof buf);
    if (n > 0) record(Event::DirSync, QString::fromLocal8Bit(buf, int(n)));
}

template <class F>
F real(const char* name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" {
int fsync(int fd)
{
    recordSync(fd);
    static const auto f = real<int (*)(int)>("fsync");
    return f(fd);
}
int fdatasync(int fd)
{
    recordSync(fd);
    static const auto f = real<int (*)(int)>("fdatasync");
    return f(fd);
}
int rename(const char* from, const char* to) noexcept
{
    static const auto f = real<int (*)(const char*, const char*)>("rename");
    const int rc = f(from, to);
    if (rc == 0) record(Event::Rename, QString::fromLocal8Bit(to));
    return rc;
}
int unlink(const char* path) noexcept
{
    static const auto f = real<int (*)(const char*)>("unlink");
    const int rc = f(path);
    if (rc == 0) record(Event::Unlink, QString::fromLocal8Bit(path));
    return rc;
}
}

namespace {

class Logging {
public:
    Logging()
    {
        std::lock_guard lock(g_logMutex);
        g_log.clear();
        g_logging = true;
    }
    ~Logging() { stop(); }
    std::vector<Event> stop()
    {
        std::lock_guard lock(g_logMutex);
        g_logging = false;
        return g_log;
    }
};

/// Index of the first event of \a kind on \a path at or after \a from, or -1.
qsizetype find(const std::vector<Event>& log, Event::Kind kind, const QString& path, qsizetype from = 0)
{
    for (qsizetype i = from; i < qsizetype(log.size()); ++i)
        if (log[size_t(i)].kind == kind && log[size_t(i)].path == path) return i;
    return -1;
}

QString describe(const std::vector<Event>& log)
{
    QStringList l;
    for (const Event& e : log)
        l << QStringLiteral("%1 %2").arg(e.kind == Event::DirSync  ? "dirsync"
                                         : e.kind == Event::Rename ? "rename"
                                                                   : "unlink",
                                         e.path);
    return l.join("\n");
}

// ---- projects and journals ---------------------------------------------------------------------

std::unique_ptr<ProjectDocument> makeDoc(const QString& note, double seed)
{
    auto doc = ProjectDocument::createNew("Series D");
    Project& p = doc->project();
    for (int i = 0; i < 2; ++i) {
        const Id s = test::addSample(p, QStringLiteral("S%1").arg(i));
        p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 30000, seed + i));
        Sample smp = *p.sample(s);
        smp.notes = note;
        p.updateSample(smp);
    }
    return doc;
}

void writeProject(const QString& file, const QString& note, double seed)
{
    auto doc = makeDoc(note, seed);
    QVERIFY(doc->saveAs(file).has_value());
}

QByteArray sha256Of(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Leaves `\a crashCopy` + `\a crashCopy-journal`: a copy of \a file taken in the middle of a write
/// transaction that had already written changed pages into the database (a cache spill), i.e.
/// the state a kill -9 leaves. The transaction starts the way every Vanadis save does (page 1
/// first); \a file itself is rolled back and unchanged.
void crashSnapshot(const QString& file, const QString& crashCopy, const char* change)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
    const std::string sql = std::string("PRAGMA cache_size=2; BEGIN IMMEDIATE; PRAGMA application_id=") +
                            std::to_string(ProjectStore::kApplicationId) + "; " + change;
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const QByteArray msg = err ? err : "";
    sqlite3_free(err);
    QVERIFY2(rc == SQLITE_OK, msg.constData());
    QVERIFY(QFile::exists(file + "-journal"));
    QFile::remove(crashCopy);
    QFile::remove(crashCopy + "-journal");
    QVERIFY(QFile::copy(file, crashCopy));
    QVERIFY(QFile::copy(file + "-journal", crashCopy + "-journal"));
    QCOMPARE(sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    QVERIFY(!QFile::exists(file + "-journal"));
    QVERIFY2(sha256Of(crashCopy) != sha256Of(file),
             "the snapshot has no spilled pages; the test proves nothing");
}

constexpr const char* kSpill =
    "UPDATE dataset_columns SET data=zeroblob(length(data)); UPDATE samples SET notes='torn';";

QStringList refusedJournals(const QString& file)
{
    const QFileInfo fi(file);
    return QDir(fi.absolutePath()).entryList({fi.fileName() + "-journal.refused-*"}, QDir::Files);
}

} // namespace

class TestDurability : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return QFileInfo(m_dir.filePath(name)).absoluteFilePath(); }
    QString dir() const { return QFileInfo(m_dir.path()).canonicalFilePath(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        // The interposers must be the ones in use, or the sync tests below prove nothing.
        Logging log;
        QFile f(m_dir.filePath("probe"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(::unlink(QFile::encodeName(m_dir.filePath("probe")).constData()), 0);
        QVERIFY2(!log.stop().empty(), "the unlink interposer is not called");
    }

    void saveAsSyncsTheFolderAfterTheRename()
    {
        const QString file = QFileInfo(path("renamed.vanadis")).absoluteFilePath();
        auto doc = makeDoc("n", 1);
        Logging log;
        QVERIFY(doc->saveAs(file).has_value());
        const auto events = log.stop();
        const qsizetype renamed = find(events, Event::Rename, QDir(dir()).filePath("renamed.vanadis"));
        QVERIFY2(renamed >= 0, qPrintable("no rename into place:\n" + describe(events)));
        QVERIFY2(find(events, Event::DirSync, dir(), renamed + 1) > renamed,
                 qPrintable("the folder is not fsynced after the rename:\n" + describe(events)));
    }

    void saveSyncsTheFolderAfterTheJournalIsDeleted()
    {
        const QString file = path("journal-sync.vanadis");
        writeProject(file, "before", 2);
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        Project& p = (*doc)->project();
        p.undoStack()->push(
            new EditSampleCommand(&p, p.samples().front()->id, SampleField::Notes, QString("after")));
        Logging log;
        QVERIFY((*doc)->save().has_value());
        const auto events = log.stop();
        // The commit point of a DELETE-mode transaction is the journal's deletion: it must reach
        // the disk (synchronous=EXTRA), or a power loss brings the journal back and undoes the save.
        const qsizetype deleted =
            find(events, Event::Unlink, QDir(dir()).filePath("journal-sync.vanadis-journal"));
        QVERIFY2(deleted >= 0, qPrintable("no journal deleted:\n" + describe(events)));
        QVERIFY2(find(events, Event::DirSync, dir(), deleted + 1) > deleted,
                 qPrintable("the folder is not fsynced after the journal is deleted:\n" + describe(events)));
    }

    void ownHotJournalIsRolledBack()
    {
        const QString file = path("own.vanadis");
        writeProject(file, "committed", 3);
        const QByteArray committed = sha256Of(file);
        const QString crashed = path("own-crashed.vanadis");
        crashSnapshot(file, crashed, kSpill);
        QCOMPARE(int(RollbackJournal::inspect(crashed).verdict), int(RollbackJournal::Verdict::Belongs));
        auto doc = ProjectDocument::open(crashed);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        QVERIFY2((*doc)->warnings().isEmpty(), qPrintable((*doc)->warnings().join("; ")));
        const Project& p = (*doc)->project();
        QCOMPARE(p.samples().front()->notes, QString("committed"));
        for (const auto& [id, d] : p.allDatasets()) {
            QVERIFY(d.ensureLoaded().has_value());
            QVERIFY(d.columns()[1].values[100] != 0.0); // the zeroed pages were rolled back
        }
        QVERIFY(!QFile::exists(crashed + "-journal"));
        QVERIFY(refusedJournals(crashed).isEmpty());
        doc->reset();
        QCOMPARE(sha256Of(crashed), committed);
    }

    void foreignJournalIsMovedAsideNotPlayedBack_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("another project") << "other";
        QTest::newRow("an older state of this project") << "older";
        QTest::newRow("other page size") << "pagesize";
        QTest::newRow("not a journal") << "garbage";
    }

    void foreignJournalIsMovedAsideNotPlayedBack()
    {
        QFETCH(QString, source);
        const QString file = path("victim-" + source + ".vanadis");
        writeProject(file, "the victim's notes", 4);
        QByteArray journal;
        if (source == "other") {
            // A same-schema project with other data: its pages fit, and SQLite would apply them.
            const QString other = path("donor.vanadis");
            writeProject(other, "the donor's notes", 9);
            crashSnapshot(other, path("donor-crashed.vanadis"), kSpill);
            QFile f(path("donor-crashed.vanadis-journal"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            journal = f.readAll();
        } else if (source == "older") {
            // The hot journal of this very file from two saves ago (e.g. restored from a backup).
            crashSnapshot(file, path("older-crashed.vanadis"), kSpill);
            QFile f(path("older-crashed.vanadis-journal"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            journal = f.readAll();
            for (const char* note : {"second save", "third save"}) {
                auto doc = ProjectDocument::open(file);
                QVERIFY(doc);
                Project& p = (*doc)->project();
                p.undoStack()->push(
                    new EditSampleCommand(&p, p.samples().front()->id, SampleField::Notes, QString(note)));
                QVERIFY((*doc)->save().has_value());
            }
        } else if (source == "pagesize") {
            const QString small = path("small-pages.vanadis");
            writeProject(small, "small", 5);
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(small.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "PRAGMA page_size=1024; VACUUM;", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
            crashSnapshot(small, path("small-crashed.vanadis"), kSpill);
            QFile f(path("small-crashed.vanadis-journal"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            journal = f.readAll();
        } else {
            journal = QByteArray("\x01 this is not a journal at all ") + QByteArray(4000, 'x');
        }
        {
            QFile j(file + "-journal");
            QVERIFY(j.open(QIODevice::WriteOnly));
            j.write(journal);
        }
        const QByteArray before = sha256Of(file);
        const QString expectedNotes = source == "older" ? "third save" : "the victim's notes";
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        QCOMPARE((*doc)->project().samples().front()->notes, expectedNotes);
        for (const auto& [id, d] : (*doc)->project().allDatasets()) {
            QVERIFY(d.ensureLoaded().has_value());
            QVERIFY(d.columns()[1].values[100] != 0.0);
        }
        doc->reset();
        QVERIFY2(sha256Of(file) == before,
                 "a journal that does not belong to the project was played back into it");
        QVERIFY(!QFile::exists(file + "-journal"));
        if (source != "garbage" || true) {
            QCOMPARE(refusedJournals(file).size(), qsizetype(1));
        }
        auto again = ProjectDocument::open(file); // the warning was given once; reopening is quiet
        QVERIFY(again);
        QVERIFY((*again)->warnings().isEmpty());
    }

    void journalOfALiveWriterIsLeftAlone()
    {
        // Another program in the middle of a write (it holds SQLite's RESERVED lock): its journal
        // is not hot, and moving it aside would leave that program unable to roll back.
        const QString child = QStringLiteral(VANADIS_BINARY_DIR "/tests/core/store_kill_child");
        if (!QFile::exists(child)) QSKIP("store_kill_child not built");
        const QString file = path("live.vanadis");
        writeProject(file, "committed", 8);
        const QByteArray committed = sha256Of(file);
        QProcess writer;
        writer.start(child, {"--txn", file});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(20000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("in transaction"));
        QVERIFY(QFile::exists(file + "-journal"));
        QVERIFY(sha256Of(file) != committed); // pages of the open transaction are in the file
        QCOMPARE(int(RollbackJournal::inspect(file).verdict), int(RollbackJournal::Verdict::Live));
        auto doc = ProjectDocument::open(file); // waits for the busy timeout, then "in use"
        QVERIFY2(!doc, "opened a file in the middle of another program's write");
        QVERIFY2(QString::fromStdString(doc.error().message()).contains("in use"),
                 doc.error().message().c_str());
        QVERIFY2(QFile::exists(file + "-journal"), "the live writer's journal was taken away");
        QVERIFY(refusedJournals(file).isEmpty());
        writer.write("rollback\n");
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(20000));
        QCOMPARE(writer.readAllStandardOutput().trimmed(), QByteArray("rolled back"));
        QCOMPARE(sha256Of(file), committed);
    }

    void foreignJournalIsReported()
    {
        const QString file = path("reported.vanadis");
        writeProject(file, "mine", 6);
        const QString other = path("reported-donor.vanadis");
        writeProject(other, "theirs", 7);
        crashSnapshot(other, path("reported-donor-crashed.vanadis"), kSpill);
        QVERIFY(QFile::copy(path("reported-donor-crashed.vanadis-journal"), file + "-journal"));
        QCOMPARE(int(RollbackJournal::inspect(file).verdict), int(RollbackJournal::Verdict::Foreign));
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        const QStringList w = (*doc)->warnings();
        QCOMPARE(w.size(), qsizetype(1));
        QVERIFY2(w.front().contains("reported.vanadis-journal") && w.front().contains("not applied") &&
                     w.front().contains(refusedJournals(file).value(0)),
                 qPrintable(w.front()));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
