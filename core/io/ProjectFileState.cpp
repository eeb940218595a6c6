#include "io/ProjectFileState.h"

#include "io/FileIdentity.h"

#include <QFile>
#include <fcntl.h>
#include <unistd.h>

namespace vanadis {

namespace {
constexpr int kHeaderBytes = 100;
}

ProjectFileState ProjectFileState::read(const QString& path)
{
    const FileIdentity id = FileIdentity::of(path);
    if (!id.exists || !id.regular) return {};
    // O_NONBLOCK: should the path be swapped for a FIFO after the stat, open(2) must not wait.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return {};
    QByteArray h(kHeaderBytes, '\0');
    const ssize_t n = ::pread(fd, h.data(), kHeaderBytes, 0);
    ::close(fd);
    h.resize(n > 0 ? qsizetype(n) : 0);
    return fromHeader(id.sizeBytes, h);
}

ProjectFileState ProjectFileState::fromHeader(qint64 sizeBytes, const QByteArray& header)
{
    ProjectFileState s;
    s.m_exists = true;
    s.m_sizeBytes = sizeBytes;
    s.m_header = header.left(kHeaderBytes);
    return s;
}

quint32 ProjectFileState::changeCounter() const
{
    if (m_header.size() < 28) return 0;
    const auto b = [&](int i) { return quint32(quint8(m_header[i])); };
    return (b(24) << 24) | (b(25) << 16) | (b(26) << 8) | b(27);
}

QJsonObject ProjectFileState::toJson() const
{
    if (!m_exists) return {};
    return {{"size", m_sizeBytes}, {"header", QString::fromLatin1(m_header.toHex())}};
}

ProjectFileState ProjectFileState::fromJson(const QJsonObject& o)
{
    if (!o.contains("size")) return {};
    return fromHeader(o.value("size").toInteger(),
                      QByteArray::fromHex(o.value("header").toString().toLatin1()));
}

} // namespace vanadis
