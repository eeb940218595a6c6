// Recovery after a crash (issue 9, items 1 and 2): a GUI session that autosaved and was killed
// (a child process, SIGKILL) keeps its recovery file whatever others do to the project, and a
// Save after recovery never overwrites what another writer saved after the crash.
// All processes (this test, the child, vanadis-cli) share one recovery folder through
// XDG_DATA_HOME and the application name "Vanadis", as the GUI and the CLI do.
#include "TestUtil.h"
#include "io/ProjectDocument.h"
#include "model/Commands.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QUndoStack>

using namespace vanadis;

namespace {

QString childExe()
{
    return QStringLiteral(VANADIS_BINARY_DIR "/tests/core/store_kill_child");
}
QString cliExe()
{
    return QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli");
}

/// A project with two samples, saved to \a file.
void writeProject(const QString& file)
{
    auto doc = ProjectDocument::createNew("Series R");
    Project& p = doc->project();
    for (const char* name : {"CS", "WCS"}) {
        const Id s = test::addSample(p, name);
        p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 500, 2));
    }
    QVERIFY(doc->saveAs(file).has_value());
}

QString notesOfFirstSample(const QString& file)
{
    auto doc = ProjectDocument::open(file);
    if (!doc) return "open failed: " + QString::fromStdString(doc.error().message());
    return (*doc)->project().samples().front()->notes;
}

/// Another writer saves \a file: opens it, adds a sample, saves (what `vanadis-cli import` does).
void saveByAnotherWriter(const QString& file, const QString& sampleName)
{
    auto doc = ProjectDocument::open(file);
    QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
    Project& p = (*doc)->project();
    p.undoStack()->push(
        new AddSampleCommand(&p, makeSample(p.allocateId(), sampleName, int(p.samples().size()))));
    auto ok = (*doc)->save();
    QVERIFY2(ok, ok ? "" : ok.error().message().c_str());
}

bool offered(const QString& rec, bool* changed = nullptr)
{
    for (const auto& c : ProjectDocument::findRecoveryFiles())
        if (QFileInfo(c.recoveryPath) == QFileInfo(rec)) {
            if (changed) *changed = c.originalChanged;
            return true;
        }
    return false;
}

} // namespace

class TestRecovery : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    /// Runs a GUI-like session on \a file that autosaves NOTE and is then killed; returns its
    /// recovery file.
    QString crashAfterAutosave(const QString& file, const QString& note)
    {
        QProcess child;
        child.start(childExe(), {"--autosave", file, note});
        if (!child.waitForStarted()) return {};
        QByteArray out;
        while (!out.contains('\n') && child.waitForReadyRead(20000))
            out += child.readAllStandardOutput();
        child.kill(); // SIGKILL: no destructors, no clean-up, lock files stay behind
        child.waitForFinished();
        out += child.readAllStandardOutput();
        const QByteArray line = out.split('\n').front();
        if (!line.startsWith("autosaved ")) {
            qWarning("child: %s", out.constData());
            return {};
        }
        return QString::fromLocal8Bit(line.mid(10));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(childExe())) QSKIP("store_kill_child not built");
        QVERIFY(QDir().mkpath(path("xdg-data")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(path("xdg-data")));
        QCoreApplication::setOrganizationName("Vanadis");
        QCoreApplication::setApplicationName("Vanadis");
        QVERIFY(ProjectDocument::recoveryDir().startsWith(path("xdg-data")));
    }

    void recoveryFileSurvivesSavesByOthers()
    {
        const QString file = path("shared.vanadis");
        writeProject(file);
        const QString rec = crashAfterAutosave(file, "work of the crashed session");
        QVERIFY2(!rec.isEmpty() && QFile::exists(rec), qPrintable(rec));
        QVERIFY(offered(rec));

        // Another window/session saves the same project: the crashed session's file stays.
        saveByAnotherWriter(file, "added in process");
        QVERIFY2(QFile::exists(rec), "a save by another session removed the crashed session's recovery file");

        // vanadis-cli import saves the project too, and must not touch the GUI's recovery files.
        if (QFile::exists(cliExe())) {
            const QString csv = path("scan.csv");
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("2Theta (deg),Intensity (counts)\n10.00,100\n10.02,101\n10.04,102\n10.06,99\n");
            f.close();
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("QT_QPA_PLATFORM", "offscreen");
            cli.setProcessEnvironment(env);
            cli.start(cliExe(), {"import", file, "--sample", "CLI", csv});
            QVERIFY(cli.waitForFinished(60000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
            QVERIFY2(QFile::exists(rec), "vanadis-cli import removed the GUI's recovery file");
        } else {
            qInfo("vanadis-cli not built: the CLI part of this test did not run");
        }
        bool changed = false;
        QVERIFY(offered(rec, &changed));
        QVERIFY2(changed, "the project was saved after the crash, but the candidate does not say so");

        // Opening the recovery file takes it over; the work of the crashed session is there.
        auto recovered = ProjectDocument::openRecovery(rec);
        QVERIFY2(recovered, recovered ? "" : recovered.error().message().c_str());
        QCOMPARE((*recovered)->project().samples().front()->notes, QString("work of the crashed session"));
        QVERIFY(!offered(rec)); // now owned by this live document
        (*recovered)->discardRecovery();
        QVERIFY(!QFile::exists(rec));
    }

    void saveAfterRecoveryRefusesWhenProjectChangedSinceCrash()
    {
        const QString file = path("changed.vanadis");
        writeProject(file);
        const QString rec = crashAfterAutosave(file, "recovered notes");
        QVERIFY(!rec.isEmpty());
        saveByAnotherWriter(file, "saved after the crash");
        const QByteArray before = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        auto recovered = ProjectDocument::openRecovery(rec);
        QVERIFY2(recovered, recovered ? "" : recovered.error().message().c_str());
        ProjectDocument& doc = **recovered;
        QVERIFY(doc.hasSaveTarget());
        QCOMPARE(doc.project().filePath(), QFileInfo(file).canonicalFilePath());
        auto check = doc.checkUnchangedOnDisk();
        QVERIFY2(!check, "the change after the crash was not noticed");
        auto saved = doc.save();
        QVERIFY2(!saved, "Save after recovery overwrote what another writer saved after the crash");
        const QString msg = QString::fromStdString(saved.error().message());
        QVERIFY2(msg.contains("Save As") && msg.contains(QFileInfo(file).fileName()), qPrintable(msg));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.readAll() == before, "the refused save changed the project file");
        }
        QVERIFY(QFile::exists(rec)); // the recovered work is not lost either

        // Save As keeps the recovered work in a new file; the original keeps the other writer's.
        const QString copy = path("changed-recovered.vanadis");
        auto as = doc.saveAs(copy);
        QVERIFY2(as, as ? "" : as.error().message().c_str());
        QVERIFY(!QFile::exists(rec));
        recovered->reset();
        QCOMPARE(notesOfFirstSample(copy), QString("recovered notes"));
        auto original = ProjectDocument::open(file);
        QVERIFY(original);
        QVERIFY((*original)->project().sampleByName("saved after the crash"));
    }

    void saveAfterRecoveryWritesOriginalWhenUnchanged()
    {
        const QString file = path("unchanged.vanadis");
        writeProject(file);
        const QString rec = crashAfterAutosave(file, "safe to write back");
        QVERIFY(!rec.isEmpty());
        bool changed = true;
        QVERIFY(offered(rec, &changed));
        QVERIFY(!changed);
        auto recovered = ProjectDocument::openRecovery(rec);
        QVERIFY(recovered);
        QVERIFY((*recovered)->checkUnchangedOnDisk().has_value());
        auto saved = (*recovered)->save();
        QVERIFY2(saved, saved ? "" : saved.error().message().c_str());
        QVERIFY((*recovered)->hasFile());
        QVERIFY2(!QFile::exists(rec), "the recovered file was kept after its work was saved");
        recovered->reset();
        QCOMPARE(notesOfFirstSample(file), QString("safe to write back"));
        QVERIFY(!offered(rec));
    }

    void ownRecoveryFileGoesAfterSave()
    {
        // The owning session removes its own file on save, and only its own.
        const QString file = path("own.vanadis");
        writeProject(file);
        const QString other = crashAfterAutosave(file, "other session");
        auto doc = ProjectDocument::open(file);
        QVERIFY(doc);
        Project& p = (*doc)->project();
        p.undoStack()->push(
            new EditSampleCommand(&p, p.samples().front()->id, SampleField::Notes, QString("mine")));
        QVERIFY((*doc)->autosave().has_value());
        const QString mine = (*doc)->recoveryPath();
        QVERIFY(mine != other);
        QVERIFY(QFile::exists(mine));
        QVERIFY((*doc)->save().has_value());
        QVERIFY(!QFile::exists(mine));
        QVERIFY(QFile::exists(other));
        QVERIFY(ProjectDocument::removeRecoveryFile(other));
        QVERIFY(!QFile::exists(other));
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
