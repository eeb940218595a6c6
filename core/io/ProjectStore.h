#pragma once
/// \file ProjectStore.h
/// The `.vanadis` project file: one SQLite database per sample series.
///
/// - Identified by `PRAGMA application_id` (kApplicationId) and versioned by `user_version`; older
///   schemas are migrated in order on open, newer ones are refused.
/// - Arrays are little-endian float64 BLOBs (one row per column, never a row per point); params,
///   results and metadata are JSON text; original instrument files are embedded once, by SHA-256.
/// - Every save is one transaction in rollback-journal mode with synchronous=EXTRA (the folder is
///   fsynced after the journal is deleted, and after every rename): a kill or power loss at any
///   moment leaves the last committed state readable. A `-journal` that does not belong to the
///   file is moved aside instead of being played back (RollbackJournal).
/// - Only what changed since the last write is written (Project::unsavedChanges()).
/// - Nothing in a file is executed: files holding triggers or views are refused, and the connection
///   runs in SQLite's defensive mode with trusted_schema off.

#include "io/ProjectFileState.h"
#include "model/ChangeSet.h"
#include "model/Dataset.h"

#include <QDateTime>
#include <mutex>

struct sqlite3;

namespace vanadis {

class Project;

class ProjectStore : public ColumnSource, public std::enable_shared_from_this<ProjectStore> {
public:
    static constexpr std::int32_t kApplicationId = 0x564E4453; ///< "VNDS"
    /// 2: dataset type and label, run inputs, run messages. A schema-1 file is read as it is and
    /// migrated inside the transaction of its first save.
    static constexpr int kSchemaVersion = 3;

    ~ProjectStore() override;

    /// Opens and validates an existing project file (read-write). Does not load anything yet.
    static Expected<std::shared_ptr<ProjectStore>> open(const QString& path);
    /// A store without a file yet (a new, unsaved project).
    static std::shared_ptr<ProjectStore> detached();

    QString path() const;
    bool hasFile() const;

    /// Reads the tree (series, samples, dataset headers, runs) into \a project. Column values stay in
    /// the file until a dataset is used.
    Expected<void> load(Project& project);

    /// Writes \a changes of \a project to the current file in one transaction.
    Expected<void> write(const Project& project, const ChangeSet& changes);

    /// Makes \a path a copy of the current file (or a new empty project file when detached) with
    /// \a changes applied, atomically (temporary file + rename), and switches this store to it.
    Expected<void> writeAs(const Project& project, const ChangeSet& changes, const QString& path);

    /// Like writeAs but leaves this store on its current file (autosave to a recovery file).
    /// \a recoveryOf and \a recoveryBase go to meta (the project's path and the JSON of its
    /// ProjectFileState when the autosaving session last read or wrote it).
    Expected<void> writeCopy(const Project& project, const ChangeSet& changes, const QString& path,
                             const QString& recoveryOf = {}, const QString& recoveryBase = {}) const;

    /// Removes the temporary files (`<path>.tmp-XXXXXXXX` and its `-journal`) that a Save As or
    /// autosave to \a path leaves behind when it is killed before its rename. Call only while holding
    /// the project's lock (ProjectLock::holdsPathLock()): every writer to \a path holds it until its
    /// temporary file is renamed or removed, so what remains belongs to nobody. Still conservative:
    /// only regular files with exactly that name, last written before \a lockedAt, with no POSIX
    /// lock held on them by another process, and (the database itself) empty or an SQLite file.
    /// Returns the names of the files removed.
    static QStringList removeOrphanTemporaryFiles(const QString& path, const QDateTime& lockedAt);

    /// A meta value (e.g. "recovery_of"), empty when absent.
    QString metaValue(const QString& key) const;

    /// Size and SQLite header of the open file, read through the connection's own descriptor
    /// (the file this store has open, even if its path has since been replaced). Empty when detached.
    ProjectFileState fileState() const;
    /// Sentences about what the last write(), writeAs() or writeCopy() saved differently from what was
    /// asked: original files that could no longer be embedded (changed or gone since import; the datasets
    /// are saved with their columns and a provenance note). Empty normally.
    QStringList writeWarnings() const;
    /// Sentences about what open() did besides opening (a foreign rollback journal moved aside).
    QStringList openWarnings() const;

    Expected<std::vector<Column>> loadColumns(Id datasetId) override;
    Expected<QByteArray> loadOriginalFile(const QString& sha256) override;

private:
    ProjectStore() = default;
    static Expected<sqlite3*> openDatabase(const QString& path, bool create);

    mutable std::mutex m_mutex;
    sqlite3* m_db = nullptr;
    QString m_path;
    QStringList m_openWarnings;
    mutable QStringList m_writeWarnings;
};

} // namespace vanadis
