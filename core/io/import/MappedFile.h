#pragma once
/// \file MappedFile.h
/// A large instrument file mapped read-only into memory, so that a reader sees all of its bytes (one
/// QByteArray, as for a small file) without the bytes being resident all at once: parsers that walk the
/// file front to back give back the pages they have passed (releaseResident()), which the kernel reads
/// again from its page cache if anyone looks at them later. Peak memory of a GB-size record import is then
/// the parsed columns plus a few MiB, not columns plus file.
///
/// A file cut short by another program while it is mapped would make the next access fault (SIGBUS); the
/// mapping catches that, lets the reader see zeros instead and reports damaged(), so the import is refused
/// with a message instead of a crash.

#include "numeric/Error.h"

#include <QByteArray>
#include <atomic>
#include <memory>

namespace vanadis {

class MappedFile {
public:
    /// Maps the first \a size bytes of the open file \a fd (which may be closed afterwards). The mapping
    /// is followed by at least one zero byte, as the data of a QByteArray is.
    static Expected<std::unique_ptr<MappedFile>> map(int fd, qint64 size, const std::string& fileName);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const char* data() const { return m_data; }
    qint64 size() const { return m_size; }
    /// The bytes without a copy; valid while this object lives.
    QByteArray bytes() const { return QByteArray::fromRawData(m_data, qsizetype(m_size)); }
    /// True when the file was cut short while mapped (the missing part read as zeros).
    bool damaged() const { return m_damaged.load(); }

    /// Gives back the resident pages wholly inside [begin, end) if they belong to a mapped file; does
    /// nothing for any other memory. Content is unchanged (pages are read again on the next access).
    static void releaseResident(const char* begin, const char* end);

private:
    MappedFile() = default;
    char* m_data = nullptr;
    qint64 m_size = 0;
    size_t m_reserved = 0; ///< bytes of address space, a multiple of the page size
    std::atomic<bool> m_damaged{false};
    int m_slot = -1;
};

} // namespace vanadis
