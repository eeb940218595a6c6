#include "io/FileIdentity.h"

#include "io/MessageText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>

namespace vanadis {

FileIdentity FileIdentity::of(const QString& path)
{
    FileIdentity id;
    struct stat st {};
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &st) != 0) return id;
    id.exists = true;
    id.regular = S_ISREG(st.st_mode);
    id.device = quint64(st.st_dev);
    id.inode = quint64(st.st_ino);
    id.sizeBytes = qint64(st.st_size);
    return id;
}

bool FileIdentity::sameFileAs(const FileIdentity& other) const
{
    return exists && other.exists && device == other.device && inode == other.inode;
}

QString FileIdentity::key() const
{
    return QString::number(device, 16) + QLatin1Char('-') + QString::number(inode, 16);
}

Expected<void> requireRegularFile(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return {}; // missing: the caller says so
    if (S_ISREG(st.st_mode)) return {};
    const char* what = S_ISDIR(st.st_mode)    ? QT_TRANSLATE_NOOP("vanadis::FileIdentity", "a folder")
                       : S_ISFIFO(st.st_mode) ? QT_TRANSLATE_NOOP("vanadis::FileIdentity", "a pipe (FIFO)")
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
                           ? QT_TRANSLATE_NOOP("vanadis::FileIdentity", "a device")
                           : QT_TRANSLATE_NOOP("vanadis::FileIdentity", "not a regular file");
    return fail(
        messageText(path), "",
        QCoreApplication::translate("vanadis::FileIdentity",
                                    "this is %1, not a project file; a project is a regular .vanadis file")
            .arg(QCoreApplication::translate("vanadis::FileIdentity", what))
            .toStdString());
}

QString canonicalFilePath(const QString& path)
{
    const QFileInfo fi(path);
    const QString c = fi.canonicalFilePath();
    if (!c.isEmpty()) return c;
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? fi.absolutePath() : dir) + QLatin1Char('/') + fi.fileName();
}

} // namespace vanadis
