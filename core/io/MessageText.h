#pragma once
/// \file MessageText.h
/// The one rule for putting bytes from an input (file content, file names) into a message: control
/// characters are shown as `\xNN`, so that an error line stays one line and cannot send terminal
/// escape sequences (ESC = `\x1b`), carriage returns or other C0/C1 controls to whoever reads it.

#include <QString>
#include <QStringView>
#include <string>

namespace vanadis {

/// \a text with C0 controls (< 0x20), DEL (0x7f) and C1 controls (0x80–0x9f) shown as `\xNN`.
QString escapeControlCharacters(QStringView text);

/// escapeControlCharacters() as UTF-8, for the fields of an Error.
std::string messageText(QStringView text);

} // namespace vanadis
