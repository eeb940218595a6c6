#pragma once
/// \file ProjectDocument.h
/// An open project: the Project model, its file (ProjectStore) and the lock that tells a second
/// instance the file is in use. The GUI and vanadis-cli both work through this class.
///
/// - The lock is per file, not per path string (ProjectLock: canonical path + device/inode).
/// - Before an incremental save, the file must still be the one this document read or last wrote
///   (same device/inode, same size and SQLite header, whose change counter every commit moves);
///   otherwise save() refuses and Save As is the way out.
/// - Recovery files belong to one document (one session): `<hash of the project path>-<session>.vanadis`
///   in AppLocalDataLocation/recovery. Only the document that wrote (or recovered) a file removes
///   it; a save of the same project by anyone else (vanadis-cli import, another window) leaves it.
///   Each records the project's state when the session last read or wrote it ("recovery_base"), so
///   a Save after recovery refuses to overwrite what another writer saved after the crash.

#include "io/FileIdentity.h"
#include "io/ProjectFileState.h"
#include "io/ProjectLock.h"
#include "io/ProjectStore.h"
#include "model/Project.h"

#include <QDateTime>
#include <QLockFile>
#include <memory>

namespace vanadis {

class ProjectDocument {
public:
    /// A new, unsaved project with an empty series.
    static std::unique_ptr<ProjectDocument> createNew(const QString& seriesName = {});
    /// Opens a project file. Refused when another Vanadis holds it open (by any path), when it is
    /// not a regular file, damaged, from a newer version or not a Vanadis file.
    static Expected<std::unique_ptr<ProjectDocument>> open(const QString& path);
    /// Opens a recovery file written by autosave; the result has no file path (Save asks where,
    /// or saves to the original after checkUnchangedOnDisk()). The document takes the recovery
    /// file over: it autosaves into it and removes it once saved or discarded.
    static Expected<std::unique_ptr<ProjectDocument>> openRecovery(const QString& recoveryPath);

    ~ProjectDocument();

    Project& project() { return *m_project; }
    const Project& project() const { return *m_project; }
    QString path() const { return m_store->path(); }
    bool hasFile() const { return m_store->hasFile() && !m_isRecovery; }
    /// True for a recovered document that knows the project file it came from.
    bool isRecovered() const { return m_isRecovery; }
    /// hasFile(), or a recovered document whose save() writes to its original project file.
    bool hasSaveTarget() const { return hasFile() || (m_isRecovery && !m_project->filePath().isEmpty()); }

    /// Writes what changed since the last save (fast: proportional to the change). Refused when
    /// checkUnchangedOnDisk() fails.
    Expected<void> save();
    /// Writes the whole project to \a path (atomically) and continues on that file. An explicit
    /// choice of the user: no change check (the file dialog asked before replacing).
    Expected<void> saveAs(const QString& path);
    /// An error naming the file when save() would overwrite changes it did not read: the file
    /// was replaced, removed or written by another program since this document read or wrote it;
    /// for a recovered document, since the crashed session last read or wrote it.
    Expected<void> checkUnchangedOnDisk() const;
    /// Writes the current state to this document's recovery file (see recoveryPath()).
    Expected<void> autosave();
    /// Where autosave writes: the recovery file this document owns, or the one it will create.
    QString recoveryPath() const;
    /// Deletes this document's own recovery file (after a save, or when the user discards it).
    void discardRecovery();
    /// Sentences about opening (e.g. a foreign rollback journal moved aside, temporary files of a
    /// killed save removed); empty normally.
    QStringList warnings() const;
    /// Sentences about the last save() or saveAs(): original files that could not be embedded because
    /// they changed or vanished since import (those datasets are saved with their values); empty normally.
    QStringList saveWarnings() const { return m_saveWarnings; }

    /// Recovery files left by earlier sessions that crashed, with the path they belong to.
    struct RecoveryCandidate {
        QString recoveryPath;
        QString originalPath; ///< empty for an untitled project
        QDateTime modified;
        /// The original was written by someone after the crashed session last read or wrote it
        /// (or this cannot be told): recover it as a copy, never over the original.
        bool originalChanged = false;
    };
    static std::vector<RecoveryCandidate> findRecoveryFiles();
    /// Deletes a recovery file the user chose to discard; false when a live session owns it.
    static bool removeRecoveryFile(const QString& recoveryPath);
    /// AppLocalDataLocation/recovery.
    static QString recoveryDir();

private:
    ProjectDocument() = default;
    void rememberFileState();
    /// Save As to the canonical \a file; \a newLock is its lock, null when this document holds it.
    Expected<void> writeWholeTo(const QString& file, std::unique_ptr<ProjectLock> newLock);
    QString recoveryBaseJson() const;
    /// Removes what a killed Save As or autosave left beside \a file (held by this document's lock
    /// since \a lockedAt) and says so in warnings().
    void removeOrphans(const QString& file, const QDateTime& lockedAt);

    std::unique_ptr<Project> m_project;
    std::unique_ptr<ProjectLock> m_lock; ///< released after the store is closed (declared before it)
    std::shared_ptr<ProjectStore> m_store;
    std::unique_ptr<QLockFile> m_recoveryLock; ///< held while this document owns its recovery file
    QString m_session;                         ///< names this document's recovery file
    QString m_recoveryFile; ///< the recovery file this document wrote or took over; the only one it removes
    bool m_isRecovery = false;
    FileIdentity m_identity;  ///< the file as this document read or last wrote it
    ProjectFileState m_state; ///< its size and SQLite header then
    ProjectFileState
        m_recoveryBase; ///< recovered documents: the original when the crashed session last saw it
    bool m_hasRecoveryBase = false;
    QStringList m_warnings; ///< what opening did besides the store's own warnings
    QStringList m_saveWarnings;
};

} // namespace vanadis
