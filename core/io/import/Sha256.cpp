#include "io/import/Sha256.h"

#include <QCryptographicHash>
#include <cerrno>
#include <cstring>
#include <openssl/evp.h>
#include <unistd.h>
#include <vector>

namespace vanadis {

QByteArray sha256Hex(QByteArrayView bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), digest, &length, EVP_sha256(), nullptr) == 1 &&
        length == 32)
        return QByteArray(reinterpret_cast<const char*>(digest), 32).toHex();
    // libcrypto refused (no provider): the same digest, slower.
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

struct Sha256::Impl {
    EVP_MD_CTX* ctx = nullptr;
    // libcrypto refused (no provider): the same digest, slower.
    std::unique_ptr<QCryptographicHash> fallback;
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>())
{
    m_impl->ctx = EVP_MD_CTX_new();
    if (!m_impl->ctx || EVP_DigestInit_ex(m_impl->ctx, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_impl->ctx);
        m_impl->ctx = nullptr;
        m_impl->fallback = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    }
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_impl->ctx);
}

void Sha256::add(QByteArrayView bytes)
{
    if (m_impl->ctx)
        EVP_DigestUpdate(m_impl->ctx, bytes.data(), size_t(bytes.size()));
    else
        m_impl->fallback->addData(bytes);
}

QByteArray Sha256::hex()
{
    if (!m_impl->ctx) return m_impl->fallback->result().toHex();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_impl->ctx, digest, &length);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

QByteArray sha256HexOfDescriptor(int fd, qint64 size, std::string* error)
{
    constexpr qint64 kBlock = qint64(4) << 20;
    std::vector<char> buf(size_t(std::min(kBlock, std::max<qint64>(size, 1))));
    Sha256 h;
    qint64 done = 0;
    while (done < size) {
        const qint64 want = std::min(qint64(buf.size()), size - done);
        const ssize_t got = ::pread(fd, buf.data(), size_t(want), off_t(done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            if (error)
                *error = got < 0 ? std::string("reading failed (") + std::strerror(errno) + ")"
                                 : "the file became shorter while it was read";
            return {};
        }
        h.add(QByteArrayView(buf.data(), qsizetype(got)));
        done += got;
    }
    return h.hex();
}

} // namespace vanadis
