#pragma once
/// \file ProjectDocument.h
/// An open project: the Project model, its file (ProjectStore) and the lock that tells a second
/// instance the file is in use. The GUI and vanadis-cli both work through this class.

#include "io/ProjectStore.h"
#include "model/Project.h"

#include <QLockFile>
#include <memory>

namespace vanadis {

class ProjectDocument {
public:
    /// A new, unsaved project with an empty series.
    static std::unique_ptr<ProjectDocument> createNew(const QString& seriesName = {});
    /// Opens a project file. Refused when another Vanadis holds it open, when it is damaged, from a
    /// newer version or not a Vanadis file.
    static Expected<std::unique_ptr<ProjectDocument>> open(const QString& path);
    /// Opens a recovery file written by autosave; the result has no file path (Save asks where).
    static Expected<std::unique_ptr<ProjectDocument>> openRecovery(const QString& recoveryPath);

    ~ProjectDocument();

    Project& project() { return *m_project; }
    const Project& project() const { return *m_project; }
    QString path() const { return m_store->path(); }
    bool hasFile() const { return m_store->hasFile() && !m_isRecovery; }

    /// Writes what changed since the last save (fast: proportional to the change).
    Expected<void> save();
    /// Writes the whole project to \a path (atomically) and continues on that file.
    Expected<void> saveAs(const QString& path);
    /// Writes the current state to this document's recovery file (see recoveryPath()).
    Expected<void> autosave();
    /// Where autosave writes: AppLocalDataLocation/recovery/<hash of the file path>.vanadis.
    QString recoveryPath() const;
    /// Deletes the recovery file (after a save, or when the user discards recovery).
    void discardRecovery();

    /// Recovery files left by earlier sessions that crashed, with the path they belong to.
    struct RecoveryCandidate {
        QString recoveryPath;
        QString originalPath; ///< empty for an untitled project
        QDateTime modified;
    };
    static std::vector<RecoveryCandidate> findRecoveryFiles();

private:
    ProjectDocument() = default;
    Expected<void> acquireLock(const QString& path);

    std::unique_ptr<Project> m_project;
    std::shared_ptr<ProjectStore> m_store;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QLockFile> m_recoveryLock; ///< held while this document owns its recovery file
    QString m_untitledKey;
    bool m_isRecovery = false;
};

} // namespace vanadis
