#pragma once
/// \file ZipArchive.h
/// A zip archive read from memory (libzip), for the instrument formats that are zip containers of XML
/// or binary tables: Bruker .brml, Rigaku .rasx, Excel .xlsx and Neware .ndax. Entries are read whole,
/// each against a size limit that the caller chooses, so that a small archive that inflates to gigabytes
/// (a zip bomb) or declares sizes it does not hold is refused with a message instead of exhausting memory.
/// libzip's header stays in ZipArchive.cpp.

#include "numeric/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace vanadis {

class ZipArchive {
public:
    /// Opens the archive held in \a bytes (shared, not copied: QByteArray is implicitly shared). Errors
    /// name \a fileName: not a zip file, a damaged central directory, a multi-disk or cut archive.
    static Expected<ZipArchive> open(const QByteArray& bytes, const QString& fileName);

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    /// The names of the file entries (folders left out), in archive order, '/' as separator.
    const QStringList& entryNames() const { return m_names; }
    /// True when an entry of exactly this name exists.
    bool contains(const QString& name) const { return m_names.contains(name); }
    /// The uncompressed size the central directory declares for \a name (bytes), or -1 when absent.
    /// A declaration only: read() checks the bytes it actually inflates.
    qint64 declaredSize(const QString& name) const;

    /// The uncompressed content of entry \a name, at most \a maxBytes bytes. Errors name the file and the
    /// entry ("zip entry 'Data0/Profile0.txt'"): missing, encrypted, unsupported compression, larger than
    /// \a maxBytes (declared or inflated), damaged data (CRC mismatch, cut stream).
    Expected<QByteArray> read(const QString& name, qint64 maxBytes) const;
    /// The content of entry \a name handed to \a sink in pieces as it is inflated (a worksheet of a
    /// million rows is parsed without holding its XML); the same checks and errors as read(). \a sink
    /// returns false to stop early (then the result is success: the caller keeps its own error).
    Expected<void> readChunked(const QString& name, qint64 maxBytes,
                               const std::function<bool(const char*, qsizetype)>& sink) const;

private:
    struct Impl;
    explicit ZipArchive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    QStringList m_names;
};

} // namespace vanadis
