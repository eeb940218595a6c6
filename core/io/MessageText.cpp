#include "io/MessageText.h"

namespace vanadis {

QString escapeControlCharacters(QStringView text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0))
            shown += QStringLiteral("\\x%1").arg(int(u), 2, 16, QChar('0'));
        else
            shown += c;
    }
    return shown;
}

std::string messageText(QStringView text)
{
    return escapeControlCharacters(text).toStdString();
}

} // namespace vanadis
