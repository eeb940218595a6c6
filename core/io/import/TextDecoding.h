#pragma once
/// \file TextDecoding.h
/// Instrument text exports come as UTF-8, UTF-16LE with BOM (TA, Micromeritics) or Windows-1252
/// (Netzsch, Quantachrome, BELSORP on Western Windows). Decode by BOM, then UTF-8 when valid, else
/// Windows-1252.

#include "numeric/Error.h"

#include <QByteArray>
#include <QString>

namespace vanadis {

/// Decodes \a bytes to text; fails for binary content (NUL bytes outside UTF-16).
Expected<QString> decodeText(const QByteArray& bytes, const QString& fileName);

/// Decodes Windows-1252 (the "ANSI" code page of Western Windows): 0x80–0x9F are € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ
/// Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ (per Microsoft's code page table, bestfit1252.txt); the five bytes the
/// code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) stay the C1 control of the same value, as
/// WHATWG's "windows-1252" does, so no byte is lost. Every other byte is its Latin-1 code point.
QString decodeWindows1252(QByteArrayView bytes);

/// True when the bytes look like text (no NULs in the first KiB, or a UTF-16 BOM).
bool looksLikeText(const QByteArray& head);

} // namespace vanadis
