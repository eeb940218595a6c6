#include "io/import/Sha256.h"

#include <QCryptographicHash>
#include <openssl/evp.h>

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

} // namespace vanadis
