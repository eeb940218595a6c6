#pragma once
/// \file DurableFile.h
/// What makes a rename survive a power loss on POSIX: after rename(2) the directory entry itself
/// must be flushed with fsync(2) on the directory (open(dir, O_RDONLY | O_DIRECTORY)); fsync of the
/// file alone does not persist its new name (see fsync(2), "Calling fsync() does not necessarily
/// ensure that the entry in the directory containing the file has also reached disk").

#include "numeric/Error.h"

#include <QString>

namespace vanadis {

/// fsync(2) of the folder \a dirPath; an error when it cannot be opened or synced.
Expected<void> syncDirectory(const QString& dirPath);
/// fsync(2) of the folder that holds \a filePath.
Expected<void> syncParentDirectory(const QString& filePath);
/// rename(2) \a from over \a to (atomic replace, unlike QFile::rename) and fsync the folder(s).
Expected<void> renameDurably(const QString& from, const QString& to);

} // namespace vanadis
