#include "io/ProjectDocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace vanadis {

namespace {
std::string str(const QString& s) { return s.toStdString(); }

QString recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}
} // namespace

std::unique_ptr<ProjectDocument> ProjectDocument::createNew(const QString& seriesName)
{
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    doc->m_project = std::make_unique<Project>();
    doc->m_store = ProjectStore::detached();
    doc->m_untitledKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!seriesName.isEmpty()) doc->m_project->setSeriesInfo(seriesName, {});
    return doc;
}

Expected<void> ProjectDocument::acquireLock(const QString& path)
{
    auto lock = std::make_unique<QLockFile>(path + ".lock");
    // A lock whose owner process is gone (crash, kill -9) is stale and taken over; a live owner wins.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock->getLockInfo(&pid, &host, &app);
            return fail(str(path), "",
                        "the project is already open in another Vanadis window or program (process " +
                            std::to_string(pid) + (host.isEmpty() ? "" : " on " + str(host)) + ")");
        }
        // No permission to create the lock file (read-only folder): proceed without a lock.
        return {};
    }
    m_lock = std::move(lock);
    return {};
}

Expected<std::unique_ptr<ProjectDocument>> ProjectDocument::open(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    if (!QFileInfo::exists(abs)) return fail(str(path), "", "the file does not exist");
    if (auto ok = doc->acquireLock(abs); !ok) return std::unexpected(ok.error());
    auto store = ProjectStore::open(abs);
    if (!store) return std::unexpected(store.error());
    doc->m_store = *store;
    doc->m_project = std::make_unique<Project>();
    if (auto ok = doc->m_store->load(*doc->m_project); !ok) return std::unexpected(ok.error());
    return doc;
}

Expected<std::unique_ptr<ProjectDocument>> ProjectDocument::openRecovery(const QString& recoveryPath)
{
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    if (auto ok = doc->acquireLock(recoveryPath); !ok) return std::unexpected(ok.error());
    auto store = ProjectStore::open(recoveryPath);
    if (!store) return std::unexpected(store.error());
    doc->m_store = *store;
    doc->m_project = std::make_unique<Project>();
    if (auto ok = doc->m_store->load(*doc->m_project); !ok) return std::unexpected(ok.error());
    doc->m_isRecovery = true;
    doc->m_project->setFilePath(doc->m_store->metaValue("recovery_of"));
    doc->m_untitledKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return doc;
}

ProjectDocument::~ProjectDocument()
{
    // Datasets may still reference the store (lazy columns); the project goes first.
    m_project.reset();
}

Expected<void> ProjectDocument::save()
{
    if (!hasFile()) {
        if (m_isRecovery && !m_project->filePath().isEmpty()) return saveAs(m_project->filePath());
        return fail("", "", "the project has no file yet; choose Save As");
    }
    if (auto ok = m_store->write(*m_project, m_project->unsavedChanges()); !ok) return ok;
    m_project->markSaved();
    discardRecovery();
    return {};
}

Expected<void> ProjectDocument::saveAs(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    const QString oldRecovery = recoveryPath();
    std::unique_ptr<QLockFile> oldLock = std::move(m_lock);
    if (abs != m_store->path()) {
        if (auto ok = acquireLock(abs); !ok) {
            m_lock = std::move(oldLock);
            return ok;
        }
    } else {
        m_lock = std::move(oldLock);
    }
    if (auto ok = m_store->writeAs(*m_project, m_project->unsavedChanges(), abs); !ok) return ok;
    if (m_isRecovery) {
        QFile::remove(oldRecovery);
        m_isRecovery = false;
    }
    m_project->setFilePath(abs);
    m_project->markSaved();
    QFile::remove(oldRecovery);
    m_recoveryLock.reset();
    return {};
}

QString ProjectDocument::recoveryPath() const
{
    const QString key = hasFile() ? m_store->path() : m_untitledKey;
    const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return recoveryDir() + "/" + QString::fromLatin1(h) + ".vanadis";
}

Expected<void> ProjectDocument::autosave()
{
    if (!m_project->isModified()) return {};
    QDir().mkpath(recoveryDir());
    const QString rec = recoveryPath();
    if (!m_recoveryLock) {
        // Tells findRecoveryFiles() in another instance that this recovery file is still in use.
        m_recoveryLock = std::make_unique<QLockFile>(rec + ".lock");
        m_recoveryLock->setStaleLockTime(0);
        if (!m_recoveryLock->tryLock(0)) m_recoveryLock.reset();
    }
    // The recovery file = last saved file + every unsaved change; written whole through a temporary
    // file so that a crash during autosave leaves the previous recovery file intact.
    if (auto ok = m_store->writeCopy(*m_project, m_project->unsavedChanges(), rec, hasFile() ? m_store->path() : QString());
        !ok)
        return ok;
    m_project->markAutosaved();
    return {};
}

void ProjectDocument::discardRecovery()
{
    QFile::remove(recoveryPath());
    m_recoveryLock.reset();
}

std::vector<ProjectDocument::RecoveryCandidate> ProjectDocument::findRecoveryFiles()
{
    std::vector<RecoveryCandidate> out;
    const QDir dir(recoveryDir());
    for (const QFileInfo& fi : dir.entryInfoList({"*.vanadis"}, QDir::Files, QDir::Time)) {
        // Skip files whose owner is still running.
        QLockFile probe(fi.absoluteFilePath() + ".lock");
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0)) continue;
        probe.unlock();
        auto store = ProjectStore::open(fi.absoluteFilePath());
        if (!store) continue;
        out.push_back({fi.absoluteFilePath(), (*store)->metaValue("recovery_of"), fi.lastModified()});
    }
    return out;
}

} // namespace vanadis
