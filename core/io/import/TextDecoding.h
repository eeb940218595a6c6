#pragma once
/// \file TextDecoding.h
/// Instrument text exports come as UTF-8, UTF-16LE with BOM (TA, Micromeritics) or Latin-1/cp1252
/// (Netzsch, Quantachrome). Decode by BOM, then UTF-8 when valid, else Latin-1.

#include "numeric/Error.h"

#include <QByteArray>
#include <QString>

namespace vanadis {

/// Decodes \a bytes to text; fails for binary content (NUL bytes outside UTF-16).
Expected<QString> decodeText(const QByteArray& bytes, const QString& fileName);

/// True when the bytes look like text (no NULs in the first KiB, or a UTF-16 BOM).
bool looksLikeText(const QByteArray& head);

} // namespace vanadis
