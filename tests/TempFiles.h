#pragma once
/// \file TempFiles.h
/// Writing generated file contents into a test's temporary folder, for tests that hand a path to an
/// importer.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace vanadis::testing {

/// Writes \a bytes to \a name inside \a dir (replacing it) and returns the path.
inline QString writeTempFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
    return path;
}

} // namespace vanadis::testing
