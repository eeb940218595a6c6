#include "io/ProjectDocument.h"

#include "io/MessageText.h"
#include "model/Translate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

namespace vanadis {

namespace {

/// Every file name and file content that goes into a message passes here (MessageText.h).
std::string str(const QString& s)
{
    return messageText(s);
}
QString tr(const char* s)
{
    return translated("vanadis::ProjectDocument", s);
}

QString newSession()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(12);
}

ProjectFileState stateFromJson(const QString& json, bool* valid)
{
    const QJsonDocument d = QJsonDocument::fromJson(json.toUtf8());
    *valid = d.isObject() && d.object().contains("size");
    return ProjectFileState::fromJson(d.object());
}

} // namespace

QString ProjectDocument::recoveryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}

std::unique_ptr<ProjectDocument> ProjectDocument::createNew(const QString& seriesName)
{
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    doc->m_project = std::make_unique<Project>();
    doc->m_store = ProjectStore::detached();
    doc->m_session = newSession();
    if (!seriesName.isEmpty()) doc->m_project->setSeriesInfo(seriesName, {});
    return doc;
}

void ProjectDocument::rememberFileState()
{
    m_identity = FileIdentity::of(m_store->path());
    m_state = m_store->fileState();
}

Expected<std::unique_ptr<ProjectDocument>> ProjectDocument::open(const QString& path)
{
    // Refuse pipes and devices before anything opens them (and before taking a lock).
    if (auto ok = requireRegularFile(path); !ok) return std::unexpected(ok.error());
    if (!QFileInfo::exists(path)) return fail(str(path), "", "the file does not exist");
    // Symlinks resolved: the store then writes through to the target (a rename over the link
    // would replace it), and its journal is the one SQLite uses.
    const QString file = canonicalFilePath(path);
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    doc->m_session = newSession();
    const QDateTime lockedAt = QDateTime::currentDateTimeUtc();
    auto lock = ProjectLock::acquire(file);
    if (!lock) return std::unexpected(lock.error());
    doc->m_lock = std::move(*lock);
    auto store = ProjectStore::open(file);
    if (!store) return std::unexpected(store.error());
    doc->m_store = *store;
    doc->m_project = std::make_unique<Project>();
    if (auto ok = doc->m_store->load(*doc->m_project); !ok) return std::unexpected(ok.error());
    doc->rememberFileState();
    doc->removeOrphans(file, lockedAt);
    return doc;
}

Expected<std::unique_ptr<ProjectDocument>> ProjectDocument::openRecovery(const QString& recoveryPath)
{
    if (auto ok = requireRegularFile(recoveryPath); !ok) return std::unexpected(ok.error());
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument);
    doc->m_session = newSession();
    const QDateTime lockedAt = QDateTime::currentDateTimeUtc();
    auto lock = ProjectLock::acquire(recoveryPath);
    if (!lock) return std::unexpected(lock.error());
    doc->m_lock = std::move(*lock);
    auto store = ProjectStore::open(recoveryPath);
    if (!store) return std::unexpected(store.error());
    doc->m_store = *store;
    doc->m_project = std::make_unique<Project>();
    if (auto ok = doc->m_store->load(*doc->m_project); !ok) return std::unexpected(ok.error());
    doc->m_isRecovery = true;
    doc->m_project->setFilePath(doc->m_store->metaValue("recovery_of"));
    doc->m_recoveryBase = stateFromJson(doc->m_store->metaValue("recovery_base"), &doc->m_hasRecoveryBase);
    // Taken over: autosaves continue into it, and it goes once the work is saved or discarded.
    doc->m_recoveryFile = QFileInfo(recoveryPath).absoluteFilePath();
    doc->removeOrphans(doc->m_lock->path(), lockedAt);
    return doc;
}

ProjectDocument::~ProjectDocument()
{
    // Datasets may still reference the store (lazy columns); the project goes first.
    m_project.reset();
}

Expected<void> ProjectDocument::checkUnchangedOnDisk() const
{
    if (hasFile()) {
        const QString file = m_store->path();
        const FileIdentity now = FileIdentity::of(file);
        if (!now.sameFileAs(m_identity))
            return fail(
                str(file), "",
                str(tr("the project file was replaced or removed by another program since Vanadis read it; "
                       "saving now would lose those changes or yours. Use Save As to keep your version in a "
                       "new file")));
        if (m_store->fileState() != m_state)
            return fail(
                str(file), "",
                str(tr("the project file was changed by another program since Vanadis read it; saving "
                       "now would mix or overwrite those changes. Use Save As to keep your version in a new "
                       "file")));
        return {};
    }
    if (m_isRecovery && !m_project->filePath().isEmpty()) {
        const QString file = m_project->filePath();
        const ProjectFileState now = ProjectFileState::read(file);
        if (!now.exists()) return {}; // moved or deleted: writing it again overwrites nobody's work
        if (!m_hasRecoveryBase)
            return fail(
                str(file), "",
                str(tr("this recovered work does not record which version of the project it started from, so "
                       "saving over the project could overwrite newer changes. Use Save As to keep it in a "
                       "new file")));
        if (now != m_recoveryBase)
            return fail(
                str(file), "",
                str(tr("the project was saved by another program or window after this work was autosaved; "
                       "saving over it would overwrite those changes. Use Save As to keep the recovered work "
                       "in a new file")));
    }
    return {};
}

Expected<void> ProjectDocument::save()
{
    if (!hasSaveTarget()) return fail("", "", "the project has no file yet; choose Save As");
    if (m_isRecovery) {
        // Lock first, then compare: nobody can slip a save in between.
        if (auto ok = requireRegularFile(m_project->filePath()); !ok) return ok;
        const QString file = canonicalFilePath(m_project->filePath());
        auto lock = ProjectLock::acquire(file);
        if (!lock) return std::unexpected(lock.error());
        if (auto ok = checkUnchangedOnDisk(); !ok) return ok;
        return writeWholeTo(file, std::move(*lock));
    }
    if (auto ok = checkUnchangedOnDisk(); !ok) return ok;
    m_saveWarnings.clear();
    if (auto ok = m_store->write(*m_project, m_project->unsavedChanges()); !ok) return ok;
    m_saveWarnings = m_store->writeWarnings();
    rememberFileState();
    m_project->markSaved();
    discardRecovery();
    return {};
}

Expected<void> ProjectDocument::saveAs(const QString& path)
{
    if (auto ok = requireRegularFile(path); !ok) return ok;
    const QString file = canonicalFilePath(path);
    std::unique_ptr<ProjectLock> newLock;
    if (!m_lock || file != m_lock->path()) {
        auto lock = ProjectLock::acquire(file);
        if (!lock) return std::unexpected(lock.error());
        newLock = std::move(*lock);
    }
    return writeWholeTo(file, std::move(newLock));
}

Expected<void> ProjectDocument::writeWholeTo(const QString& file, std::unique_ptr<ProjectLock> newLock)
{
    m_saveWarnings.clear();
    if (auto ok = m_store->writeAs(*m_project, m_project->unsavedChanges(), file); !ok) return ok;
    m_saveWarnings = m_store->writeWarnings();
    if (newLock) m_lock = std::move(newLock);
    // The rename put a new inode under the path: lock that one (hard links of the old file are
    // now a different file).
    (void)m_lock->rekey();
    rememberFileState();
    // Everything is in the file now: this document's recovery file (or the one it recovered) goes.
    discardRecovery();
    m_isRecovery = false;
    m_hasRecoveryBase = false;
    m_project->setFilePath(file);
    m_project->markSaved();
    return {};
}

QString ProjectDocument::recoveryPath() const
{
    if (!m_recoveryFile.isEmpty()) return m_recoveryFile;
    const QString project = hasFile() ? m_store->path() : m_project->filePath();
    const QString key = project.isEmpty() ? m_session : project;
    const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return recoveryDir() + "/" + QString::fromLatin1(h) + "-" + m_session + ".vanadis";
}

QString ProjectDocument::recoveryBaseJson() const
{
    if (hasFile()) return QString::fromUtf8(QJsonDocument(m_state.toJson()).toJson(QJsonDocument::Compact));
    if (m_isRecovery && m_hasRecoveryBase)
        return QString::fromUtf8(QJsonDocument(m_recoveryBase.toJson()).toJson(QJsonDocument::Compact));
    return {};
}

Expected<void> ProjectDocument::autosave()
{
    if (!m_project->isModified()) return {};
    QDir().mkpath(recoveryDir());
    const QString rec = recoveryPath();
    if (!m_recoveryLock && !m_isRecovery) {
        // Tells findRecoveryFiles() in another instance that this recovery file is still in use.
        // (A recovered document holds it already through m_lock.)
        m_recoveryLock = std::make_unique<QLockFile>(rec + ".lock");
        m_recoveryLock->setStaleLockTime(0);
        if (!m_recoveryLock->tryLock(0)) m_recoveryLock.reset();
    }
    const QString of = hasFile() ? m_store->path() : (m_isRecovery ? m_project->filePath() : QString());
    // The recovery file = last saved file + every unsaved change; written whole through a temporary
    // file so that a crash during autosave leaves the previous recovery file intact.
    if (auto ok = m_store->writeCopy(*m_project, m_project->unsavedChanges(), rec, of, recoveryBaseJson());
        !ok)
        return ok;
    m_recoveryFile = rec;
    m_project->markAutosaved();
    return {};
}

void ProjectDocument::discardRecovery()
{
    // Only this document's own file: another session's recovery of the same project stays.
    if (m_recoveryFile.isEmpty()) return;
    QFile::remove(m_recoveryFile);
    m_recoveryLock.reset();
    m_recoveryFile.clear();
}

void ProjectDocument::removeOrphans(const QString& file, const QDateTime& lockedAt)
{
    // Without the lock file beside the project another Vanadis could be saving there right now.
    if (!m_lock || !m_lock->holdsPathLock()) return;
    const QStringList removed = ProjectStore::removeOrphanTemporaryFiles(file, lockedAt);
    if (!removed.isEmpty())
        m_warnings << tr("Removed temporary files left beside the project by an interrupted save: %1.")
                          .arg(removed.join(QStringLiteral(", ")));
}

QStringList ProjectDocument::warnings() const
{
    return m_store->openWarnings() + m_warnings;
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
        RecoveryCandidate c{fi.absoluteFilePath(), (*store)->metaValue("recovery_of"), fi.lastModified()};
        if (!c.originalPath.isEmpty()) {
            const ProjectFileState now = ProjectFileState::read(c.originalPath);
            bool known = false;
            const ProjectFileState base = stateFromJson((*store)->metaValue("recovery_base"), &known);
            c.originalChanged = now.exists() && (!known || now != base);
        }
        out.push_back(c);
    }
    return out;
}

bool ProjectDocument::removeRecoveryFile(const QString& recoveryPath)
{
    QLockFile probe(recoveryPath + ".lock");
    probe.setStaleLockTime(0);
    if (!probe.tryLock(0)) return false;
    const bool removed = QFile::remove(recoveryPath) || !QFileInfo::exists(recoveryPath);
    probe.unlock();
    return removed;
}

} // namespace vanadis
