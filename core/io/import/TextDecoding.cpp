#include "io/import/TextDecoding.h"

#include <QStringDecoder>

namespace vanadis {

bool looksLikeText(const QByteArray& head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) return true;
    return !head.left(1024).contains('\0');
}

Expected<QString> decodeText(const QByteArray& bytes, const QString& fileName)
{
    const std::string name = fileName.toStdString();
    if (bytes.isEmpty()) return fail(name, "", "the file is empty");
    if (bytes.startsWith("\xFF\xFE")) {
        if (bytes.size() % 2) return fail(name, "byte " + std::to_string(bytes.size() - 1), "truncated UTF-16 text");
        QStringDecoder d(QStringDecoder::Utf16LE);
        return QString(d(bytes.mid(2)));
    }
    if (bytes.startsWith("\xFE\xFF")) {
        if (bytes.size() % 2) return fail(name, "byte " + std::to_string(bytes.size() - 1), "truncated UTF-16 text");
        QStringDecoder d(QStringDecoder::Utf16BE);
        return QString(d(bytes.mid(2)));
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return fail(name, "byte " + std::to_string(nul), "this is a binary file, not a text export");
    QByteArray body = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(body);
    if (!utf8.hasError()) return text;
    QStringDecoder latin1(QStringDecoder::Latin1);
    return QString(latin1(body));
}

} // namespace vanadis
