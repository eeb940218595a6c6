#include "io/ProjectLock.h"

#include "io/MessageText.h"
#include "model/Translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>
#include <unistd.h>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::ProjectLock", s);
}

enum class Outcome { Locked, HeldByOther, NoPermission };

Outcome tryLock(QLockFile& lock, qint64* pid, QString* host)
{
    // A lock whose owner process is gone (crash, kill -9) is stale and taken over; a live owner wins.
    lock.setStaleLockTime(0);
    if (lock.tryLock(0)) return Outcome::Locked;
    if (lock.error() == QLockFile::LockFailedError) {
        QString app;
        lock.getLockInfo(pid, host, &app);
        return Outcome::HeldByOther;
    }
    return Outcome::NoPermission;
}

Expected<void> inUse(const QString& path, qint64 pid, const QString& host)
{
    return fail(
        messageText(path), "",
        (host.isEmpty()
             ? tr("the project is already open in another Vanadis window or program (process %1)").arg(pid)
             : tr("the project is already open in another Vanadis window or program (process %1 on %2)")
                   .arg(pid)
                   .arg(host))
            .toStdString());
}

} // namespace

QString ProjectLock::identityLockDir()
{
    // $XDG_RUNTIME_DIR is per user and private; without it a per-user folder in /tmp. (Not
    // QStandardPaths::RuntimeLocation, which warns on every call when the variable is unset.)
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) return runtime + QStringLiteral("/vanadis-locks");
    return QDir::tempPath() + QStringLiteral("/vanadis-locks-%1").arg(::getuid());
}

namespace {
/// The identity-lock folder, created private (0700); empty when it is not ours (a folder or
/// symlink planted by another user in /tmp), then hard links are guarded by the path lock only.
QString privateLockDir()
{
    const QString dir = ProjectLock::identityLockDir();
    const QByteArray d = QFile::encodeName(dir);
    ::mkdir(d.constData(), 0700);
    struct stat st {};
    if (::lstat(d.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid()) return {};
    return dir;
}
} // namespace

Expected<std::unique_ptr<ProjectLock>> ProjectLock::acquire(const QString& path)
{
    std::unique_ptr<ProjectLock> l(new ProjectLock);
    l->m_path = canonicalFilePath(path);
    auto lock = std::make_unique<QLockFile>(l->m_path + ".lock");
    qint64 pid = 0;
    QString host;
    switch (tryLock(*lock, &pid, &host)) {
    case Outcome::Locked:
        l->m_pathLock = std::move(lock);
        break;
    case Outcome::HeldByOther:
        return std::unexpected(inUse(path, pid, host).error());
    case Outcome::NoPermission:
        break; // read-only folder: the identity lock still guards this machine
    }
    if (auto ok = l->rekey(); !ok) return std::unexpected(ok.error());
    return l;
}

ProjectLock::~ProjectLock() = default;

Expected<void> ProjectLock::rekey()
{
    const FileIdentity now = FileIdentity::of(m_path);
    if (now.sameFileAs(m_identity) && m_identityLock) return {};
    if (!now.exists) {
        m_identityLock.reset();
        m_identity = {};
        return {};
    }
    const QString dir = privateLockDir();
    if (dir.isEmpty()) {
        m_identityLock.reset();
        m_identity = now;
        return {};
    }
    auto lock = std::make_unique<QLockFile>(dir + "/" + now.key() + ".lock");
    qint64 pid = 0;
    QString host;
    switch (tryLock(*lock, &pid, &host)) {
    case Outcome::Locked:
        break;
    case Outcome::HeldByOther:
        return inUse(m_path, pid, host);
    case Outcome::NoPermission:
        lock.reset();
        break;
    }
    m_identityLock = std::move(lock);
    m_identity = now;
    return {};
}

} // namespace vanadis
