#pragma once
/// \file Sha256.h
/// SHA-256 (FIPS 180-4) of file bytes for provenance, through OpenSSL's libcrypto: it uses the CPU's SHA
/// extensions (≈ 1.3 GB/s here against ≈ 0.11 GB/s for QCryptographicHash in Qt 6.4), which decides whether
/// a 1 GB cycling record imports in seconds or in ten. Same digest as QCryptographicHash::Sha256.

#include <QByteArray>
#include <QByteArrayView>

namespace vanadis {

/// Lower-case hex SHA-256 of \a bytes.
QByteArray sha256Hex(QByteArrayView bytes);

} // namespace vanadis
