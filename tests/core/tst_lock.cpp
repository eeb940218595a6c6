// One writer per project file, whatever path names it (issue 9, items 3 and 5): symlinks and hard
// links share the lock, in this process and across processes; a save refuses to write when the
// file changed underneath; pipes and devices given as the project are refused at once.
#include "TestUtil.h"
#include "io/ProjectDocument.h"
#include "model/Commands.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vanadis;

namespace {

QString childExe()
{
    return QStringLiteral(VANADIS_BINARY_DIR "/tests/core/store_kill_child");
}

void writeProject(const QString& file, const QString& note = "original")
{
    auto doc = ProjectDocument::createNew("Series L");
    Project& p = doc->project();
    const Id s = test::addSample(p, "CS");
    p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 300, 3));
    Sample smp = *p.sample(s);
    smp.notes = note;
    p.updateSample(smp);
    QVERIFY(doc->saveAs(file).has_value());
}

QString openError(const QString& path)
{
    auto d = ProjectDocument::open(path);
    return d ? QString() : QString::fromStdString(d.error().message());
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

void editNotes(ProjectDocument& doc, const QString& notes)
{
    Project& p = doc.project();
    p.undoStack()->push(new EditSampleCommand(&p, p.samples().front()->id, SampleField::Notes, notes));
}

} // namespace

class TestLock : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void symlinkAndHardLinkShareTheLock_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("symlink") << "symlink";
        QTest::newRow("hard link") << "hardlink";
        QTest::newRow("relative path") << "relative";
    }

    void symlinkAndHardLinkShareTheLock()
    {
        QFETCH(QString, kind);
        const QString file = path("linked-" + kind + ".vanadis");
        writeProject(file);
        QVERIFY(QDir().mkpath(path("elsewhere")));
        const QString other = path("elsewhere/alias-" + kind + ".vanadis");
        QFile::remove(other);
        if (kind == "symlink") QVERIFY(QFile::link(file, other));
        if (kind == "hardlink")
            QCOMPARE(::link(QFile::encodeName(file).constData(), QFile::encodeName(other).constData()), 0);
        const QString second = kind == "relative" ? QDir(QDir::currentPath()).relativeFilePath(file) : other;
        auto first = ProjectDocument::open(file);
        QVERIFY2(first, first ? "" : first.error().message().c_str());
        const QString err = openError(second);
        QVERIFY2(err.contains("already open"),
                 qPrintable("second writer through a " + kind + " was let in: '" + err + "'"));
        first->reset();
        QVERIFY2(openError(second).isEmpty(), qPrintable(openError(second)));
    }

    void hardLinkIsRefusedAcrossProcesses()
    {
        if (!QFile::exists(childExe())) QSKIP("store_kill_child not built");
        const QString file = path("cross.vanadis");
        writeProject(file);
        const QString link = path("cross-link.vanadis");
        QCOMPARE(::link(QFile::encodeName(file).constData(), QFile::encodeName(link).constData()), 0);
        QProcess holder;
        holder.start(childExe(), {"--hold", file});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(20000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("opened"));
        const QString err = openError(link);
        const qint64 pid = holder.processId();
        holder.kill();
        holder.waitForFinished();
        QVERIFY2(err.contains("already open") && err.contains(QString::number(pid)), qPrintable(err));
        // The holder was killed: its locks are stale and taken over.
        QVERIFY2(openError(link).isEmpty(), qPrintable(openError(link)));
    }

    void lockFollowsTheNewFileAfterSaveAs()
    {
        // Save As renames a new file (a new inode) into place: a hard link made afterwards must
        // still meet the lock.
        const QString file = path("saveas.vanadis");
        auto doc = ProjectDocument::createNew("S");
        test::addSample(doc->project(), "A");
        QVERIFY(doc->saveAs(file).has_value());
        QVERIFY(doc->saveAs(file).has_value()); // replaced again, still ours
        const QString link = path("saveas-link.vanadis");
        QCOMPARE(::link(QFile::encodeName(file).constData(), QFile::encodeName(link).constData()), 0);
        QVERIFY2(openError(link).contains("already open"), qPrintable(openError(link)));
    }

    void saveRefusesWhenTheFileWasWrittenUnderneath()
    {
        // A writer that ignored the lock (an SQLite tool, a copy of Vanadis on another host):
        // an incremental save on top would mix the two states.
        const QString file = path("underneath.vanadis");
        writeProject(file);
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        sqlExec(file, "UPDATE samples SET notes='written by someone else'");
        editNotes(**doc, "mine");
        auto saved = (*doc)->save();
        QVERIFY2(!saved, "the save wrote over a file changed since it was read");
        const QString msg = QString::fromStdString(saved.error().message());
        QVERIFY2(msg.contains("changed by another program") && msg.contains("Save As"), qPrintable(msg));
        doc->reset();
        auto again = ProjectDocument::open(file);
        QVERIFY(again);
        QCOMPARE((*again)->project().samples().front()->notes, QString("written by someone else"));
    }

    void saveRefusesWhenTheFileWasReplacedUnderneath()
    {
        const QString file = path("swapped.vanadis");
        writeProject(file);
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        // Someone renames another project over it (what a Save As elsewhere does).
        const QString other = path("replacement.vanadis");
        writeProject(other, "the replacement");
        QFile::remove(other + ".lock");
        QCOMPARE(::rename(QFile::encodeName(other).constData(), QFile::encodeName(file).constData()), 0);
        editNotes(**doc, "mine");
        auto saved = (*doc)->save();
        // (SQLite itself refuses to write to a moved file, SQLITE_READONLY_DBMOVED, but the
        // message has to say what happened, not "read-only".)
        QVERIFY2(!saved, "the save wrote into a file that is no longer at its path");
        QVERIFY2(QString::fromStdString(saved.error().message())
                     .contains("replaced or removed by another program"),
                 saved.error().message().c_str());
        // Our own saves do not trip the check.
        const QString mine = path("mine.vanadis");
        QVERIFY((*doc)->saveAs(mine).has_value());
        editNotes(**doc, "mine, again");
        QVERIFY((*doc)->save().has_value());
        editNotes(**doc, "and again");
        QVERIFY((*doc)->save().has_value());
    }

    void pipesAndDevicesAreRefusedAtOnce_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("fifo") << "fifo";
        QTest::newRow("/dev/zero") << "/dev/zero";
        QTest::newRow("/dev/urandom") << "/dev/urandom";
        QTest::newRow("folder") << "folder";
    }

    void pipesAndDevicesAreRefusedAtOnce()
    {
        if (!QFile::exists(childExe())) QSKIP("store_kill_child not built");
        QFETCH(QString, target);
        QString file = target;
        if (target == "fifo") {
            file = path("project-fifo.vanadis");
            QFile::remove(file);
            QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
        } else if (target == "folder") {
            file = path("project-folder.vanadis");
            QVERIFY(QDir().mkpath(file));
        } else if (!QFileInfo::exists(target)) {
            QSKIP("device not present");
        }
        // In a child: a hang must end the test, not the test run.
        QProcess child;
        child.start(childExe(), {"--open", file});
        QVERIFY(child.waitForStarted());
        const bool finished = child.waitForFinished(15000);
        if (!finished) {
            child.kill();
            child.waitForFinished();
        }
        QVERIFY2(finished, qPrintable("opening " + target + " as a project hangs"));
        const QString out = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        QVERIFY2(out.startsWith("error:") && out.contains("not a project file"), qPrintable(out));
        QVERIFY2(!out.contains("bad_alloc"), qPrintable(out));
        if (target == "fifo" || target == "folder")
            QVERIFY2(!QFile::exists(file + ".lock"), "a lock was left beside it");
        // Save As onto it is refused too (a rename would replace the pipe or device).
        auto doc = ProjectDocument::createNew("S");
        auto as = doc->saveAs(file);
        QVERIFY2(!as && QString::fromStdString(as.error().message()).contains("not a project file"),
                 as ? "saved over a pipe or device" : as.error().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
