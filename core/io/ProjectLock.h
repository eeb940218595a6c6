#pragma once
/// \file ProjectLock.h
/// One writer per project file, whichever path names it. Two locks (QLockFile, which records the
/// owner's pid and host and is taken over when that process is gone):
/// - `<canonical path>.lock` beside the file, symlinks resolved: shared by every symlink, and seen
///   by other users and other hosts on a shared folder (as before);
/// - `<runtime dir>/vanadis-locks/<device>-<inode>.lock`: shared by hard links, which have
///   different canonical paths but one inode (only within this user on this machine).
/// Save As replaces the file (a new inode), so the identity lock is taken again afterwards.

#include "io/FileIdentity.h"

#include <QLockFile>
#include <memory>

namespace vanadis {

class ProjectLock {
public:
    /// Locks \a path (which may not exist yet: then only the path lock, until rekey()). Refused
    /// with "already open … (process N)" when a live process holds either lock. A folder where no
    /// lock file can be created (read-only) does not block opening.
    static Expected<std::unique_ptr<ProjectLock>> acquire(const QString& path);
    ~ProjectLock();

    /// Takes the identity lock of what the path names now (after Save As renamed a new file into
    /// place) and drops the previous one.
    Expected<void> rekey();

    /// The canonical path this lock is for.
    QString path() const { return m_path; }
    /// True when the lock file beside the project is ours (false in a folder where it could not be
    /// created): only then can no other Vanadis be saving to this path.
    bool holdsPathLock() const { return m_pathLock != nullptr; }
    /// Where the identity locks live (for tests and the README).
    static QString identityLockDir();

private:
    ProjectLock() = default;
    QString m_path;
    std::unique_ptr<QLockFile> m_pathLock;
    std::unique_ptr<QLockFile> m_identityLock;
    FileIdentity m_identity;
};

} // namespace vanadis
