#pragma once
/// \file FileIdentity.h
/// Which file a path names: device + inode after following symlinks (stat(2)), so that every path
/// to one file (symlinks, hard links, "./x" vs "/abs/x") is recognised as the same file. Used by
/// ProjectLock and by the save's "changed underneath?" check.

#include "numeric/Error.h"

#include <QString>

namespace vanadis {

/// The identity of an existing path; hard links share it, symlinks resolve to their target's.
struct FileIdentity {
    bool exists = false;
    bool regular = false; ///< a regular file, not a FIFO, device, socket or directory
    quint64 device = 0;
    quint64 inode = 0;
    qint64 sizeBytes = 0;

    /// stat(2) of \a path, following symlinks. Never opens the file.
    static FileIdentity of(const QString& path);
    /// Same device and inode (both exist).
    bool sameFileAs(const FileIdentity& other) const;
    /// "<device>-<inode>" in hex, for lock file names.
    QString key() const;
};

/// Refuses a path that exists but is not a regular file, before anything opens it: open(2) of a
/// FIFO blocks until a writer appears, /dev/zero and /dev/urandom never end.
Expected<void> requireRegularFile(const QString& path);

/// Absolute path with symlinks resolved: of the file when it exists, else of its folder + the name.
QString canonicalFilePath(const QString& path);

} // namespace vanadis
