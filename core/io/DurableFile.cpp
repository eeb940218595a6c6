#include "io/DurableFile.h"

#include "io/MessageText.h"
#include "model/Translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vanadis {

namespace {
QString tr(const char* s)
{
    return translated("vanadis::DurableFile", s);
}
} // namespace

Expected<void> syncDirectory(const QString& dirPath)
{
    // QFile cannot open a directory, so this is POSIX all the way.
    const int fd = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(messageText(dirPath), "",
                    tr("the folder cannot be opened to flush it to disk (%1)")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)))
                        .toStdString());
    int rc;
    do {
        rc = ::fsync(fd);
    } while (rc != 0 && errno == EINTR);
    const int err = errno;
    ::close(fd);
    // EINVAL: the file system does not support syncing directories (some FUSE/network mounts);
    // there is nothing more we can do there, and the rename itself has happened.
    if (rc != 0 && err != EINVAL)
        return fail(messageText(dirPath), "",
                    tr("the folder could not be flushed to disk (%1)")
                        .arg(QString::fromLocal8Bit(std::strerror(err)))
                        .toStdString());
    return {};
}

Expected<void> syncParentDirectory(const QString& filePath)
{
    return syncDirectory(QFileInfo(filePath).absolutePath());
}

Expected<void> renameDurably(const QString& from, const QString& to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(messageText(to), "",
                    tr("the file cannot be written (rename failed: %1)")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)))
                        .toStdString());
    const QString fromDir = QFileInfo(from).absolutePath();
    const QString toDir = QFileInfo(to).absolutePath();
    if (fromDir != toDir)
        if (auto ok = syncDirectory(fromDir); !ok) return ok;
    return syncDirectory(toDir);
}

} // namespace vanadis
