#pragma once
/// \file Sha256.h
/// SHA-256 (FIPS 180-4) of file bytes for provenance, through OpenSSL's libcrypto: it uses the CPU's SHA
/// extensions (≈ 1.3 GB/s here against ≈ 0.11 GB/s for QCryptographicHash in Qt 6.4), which decides whether
/// a 1 GB cycling record imports in seconds or in ten. Same digest as QCryptographicHash::Sha256.

#include <QByteArray>
#include <QByteArrayView>
#include <memory>
#include <string>

namespace vanadis {

/// Lower-case hex SHA-256 of \a bytes.
QByteArray sha256Hex(QByteArrayView bytes);

/// SHA-256 fed piece by piece (a file streamed from disk, never all in memory).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void add(QByteArrayView bytes);
    /// Lower-case hex digest of everything added; the object is spent afterwards.
    QByteArray hex();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Lower-case hex SHA-256 of the first \a size bytes of the open file \a fd, read with pread() in blocks
/// of a few MiB (so it may run beside other readers of the same descriptor and keeps nothing resident).
/// Empty when reading fails or the file is shorter than \a size; \a error then says why.
QByteArray sha256HexOfDescriptor(int fd, qint64 size, std::string* error = nullptr);

} // namespace vanadis
