#include "io/RollbackJournal.h"

#include "io/MessageText.h"
#include "model/Translate.h"

#include "io/DurableFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::RollbackJournal", s);
}

constexpr unsigned char kJournalMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
constexpr off_t kReservedByte = 0x40000001; ///< SQLite's RESERVED lock byte (os_unix.c, PENDING_BYTE + 1)

quint32 be32(const unsigned char* p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

/// A read-only descriptor, closed on scope exit.
class Fd {
public:
    explicit Fd(const QString& path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK))
    {
    }
    ~Fd()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    bool readAt(void* buf, size_t n, off_t off) const
    {
        size_t done = 0;
        while (done < n) {
            const ssize_t r = ::pread(m_fd, static_cast<char*>(buf) + done, n - done, off + off_t(done));
            if (r <= 0) return false;
            done += size_t(r);
        }
        return true;
    }

private:
    int m_fd;
};

bool isPowerOfTwo(quint32 v)
{
    return v && !(v & (v - 1));
}

/// The checksum SQLite stores after each journal record: the nonce plus every 200th byte of the
/// page, from the end (pager.c, pager_cksum()).
quint32 recordChecksum(quint32 nonce, const std::vector<unsigned char>& page)
{
    quint32 sum = nonce;
    for (qint64 i = qint64(page.size()) - 200; i > 0; i -= 200)
        sum += page[size_t(i)];
    return sum;
}

} // namespace

RollbackJournal::Inspection RollbackJournal::inspect(const QString& dbPath)
{
    const QString journalPath = dbPath + "-journal";
    struct stat js {};
    if (::stat(QFile::encodeName(journalPath).constData(), &js) != 0 || js.st_size == 0) return {};
    if (!S_ISREG(js.st_mode)) return {Verdict::Foreign, tr("it is not a regular file")};
    const Fd journal(journalPath);
    const Fd db(dbPath);
    if (journal.get() < 0 || db.get() < 0) return {}; // SQLite will report what it cannot open
    unsigned char first = 0;
    if (!journal.readAt(&first, 1, 0) || first == 0) return {}; // SQLite ignores a zeroed header

    // A writer at work holds RESERVED while its journal exists; such a journal is not hot.
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = kReservedByte;
    fl.l_len = 1;
    if (::fcntl(db.get(), F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) return {Verdict::Live, {}};

    unsigned char dbHeader[100];
    if (!db.readAt(dbHeader, sizeof dbHeader, 0)) return {};
    quint32 dbPageSize = (quint32(dbHeader[16]) << 8) | dbHeader[17];
    if (dbPageSize == 1) dbPageSize = 65536;
    if (dbPageSize < 512 || !isPowerOfTwo(dbPageSize)) return {}; // not a database SQLite would open

    const qint64 size = qint64(js.st_size);
    unsigned char h[28];
    if (size < 28 || !journal.readAt(h, sizeof h, 0) || std::memcmp(h, kJournalMagic, 8) != 0)
        return {Verdict::Foreign, tr("it is not an SQLite rollback journal")};
    const quint32 sectorSize = be32(h + 20);
    const quint32 pageSize = be32(h + 24);
    if (pageSize < 512 || pageSize > 65536 || !isPowerOfTwo(pageSize) || sectorSize < 32 ||
        sectorSize > 65536 || !isPowerOfTwo(sectorSize))
        return {Verdict::Foreign, tr("its header is damaged")};
    if (pageSize != dbPageSize)
        return {Verdict::Foreign,
                tr("it was written for a database with %1-byte pages, this file has %2-byte pages")
                    .arg(pageSize)
                    .arg(dbPageSize)};

    // Walk the records SQLite would apply: segment after segment, each with its own header, until
    // a short or mis-checksummed record (pager.c, pager_playback()).
    std::vector<unsigned char> page(pageSize), page1;
    qint64 applied = 0;
    qint64 off = 0;
    bool done = false;
    while (!done && off + 28 <= size) {
        if (!journal.readAt(h, sizeof h, off_t(off)) || std::memcmp(h, kJournalMagic, 8) != 0) break;
        qint64 nRec = be32(h + 8);
        const quint32 nonce = be32(h + 12);
        qint64 rec = off + sectorSize;
        if (nRec == 0xffffffff) nRec = (size - rec) / (pageSize + 8);
        for (qint64 i = 0; i < nRec; ++i) {
            unsigned char pg[4], ck[4];
            if (rec + pageSize + 8 > size || !journal.readAt(pg, 4, off_t(rec)) ||
                !journal.readAt(page.data(), pageSize, off_t(rec + 4)) ||
                !journal.readAt(ck, 4, off_t(rec + 4 + pageSize)) ||
                be32(ck) != recordChecksum(nonce, page)) {
                done = true;
                break;
            }
            ++applied;
            if (be32(pg) == 1 && page1.empty()) {
                page1 = page;
                done = true; // page 1 decides; the rest need not be read
                break;
            }
            rec += pageSize + 8;
        }
        if (nRec == 0) break; // an empty segment ends the journal
        off = ((rec - 1) / sectorSize + 1) * sectorSize;
    }
    if (applied == 0) return {Verdict::Harmless, {}};
    if (page1.empty())
        return {Verdict::Foreign,
                tr("it holds no copy of the file's first page, which every Vanadis save records")};

    std::vector<unsigned char> dbPage1(pageSize);
    if (!db.readAt(dbPage1.data(), pageSize, 0))
        return {Verdict::Foreign, tr("the project file is shorter than one page")};
    if (std::memcmp(page1.data(), dbHeader, 18) != 0 || std::memcmp(page1.data() + 68, dbHeader + 68, 4) != 0)
        return {Verdict::Foreign, tr("its copy of the first page is of another kind of file")};
    const quint32 jc = be32(page1.data() + 24);
    const quint32 dc = be32(dbHeader + 24);
    if (dc == jc) {
        // The interrupted transaction never rewrote page 1: the file's page 1 is still the original.
        if (page1 != dbPage1)
            return {Verdict::Foreign, tr("its copy of the first page differs from the file's")};
        return {Verdict::Belongs, {}};
    }
    if (dc == jc + 1) return {Verdict::Belongs, {}}; // the commit had rewritten page 1 when it stopped
    return {Verdict::Foreign,
            tr("it was written for another state of a file (change counter %1, this file is at %2)")
                .arg(jc)
                .arg(dc)};
}

Expected<QString> RollbackJournal::guard(const QString& dbPath)
{
    const Inspection in = inspect(dbPath);
    if (in.verdict != Verdict::Foreign) return QString();
    const QString journal = dbPath + "-journal";
    const QString aside = journal + ".refused-" +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz"));
    if (::rename(QFile::encodeName(journal).constData(), QFile::encodeName(aside).constData()) != 0)
        return fail(
            messageText(dbPath), "",
            tr("a rollback journal beside the project (%1) does not belong to it (%2) and cannot be moved "
               "aside; move it away, then open the project again")
                .arg(QFileInfo(journal).fileName(), in.reason)
                .toStdString());
    (void)syncParentDirectory(journal);
    return tr("the rollback journal %1 beside the project does not belong to it (%2); it was not applied and "
              "was moved to %3")
        .arg(QFileInfo(journal).fileName(), in.reason, QFileInfo(aside).fileName());
}

Expected<void> RollbackJournal::stampRandomChangeCounter(const QString& dbPath)
{
    const int fd = ::open(QFile::encodeName(dbPath).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return fail(messageText(dbPath), "", tr("the file cannot be written").toStdString());
    unsigned char h[100];
    bool ok = ::pread(fd, h, sizeof h, 0) == ssize_t(sizeof h) && std::memcmp(h, "SQLite format 3", 16) == 0;
    if (ok) {
        quint32 v = QRandomGenerator::system()->generate();
        const unsigned char be[4] = {quint8(v >> 24), quint8(v >> 16), quint8(v >> 8), quint8(v)};
        ok = ::pwrite(fd, be, 4, 24) == 4 && ::pwrite(fd, be, 4, 92) == 4 && ::fsync(fd) == 0;
    }
    ::close(fd);
    if (!ok) return fail(messageText(dbPath), "", tr("the file cannot be written").toStdString());
    return {};
}

} // namespace vanadis
