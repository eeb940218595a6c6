#include "io/import/TextDecoding.h"

#include <QStringDecoder>

namespace vanadis {

namespace {

/// Unicode for the bytes 0x80–0x9F of Windows-1252; the undefined ones map to themselves (C1 controls).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98–9F
};

} // namespace

QString decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar* dst = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *dst++ = QChar(b >= 0x80 && b <= 0x9F ? kCp1252High[b - 0x80] : char16_t(b));
    }
    return out;
}

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
        if (bytes.size() % 2)
            return fail(name, "byte " + std::to_string(bytes.size() - 1), "truncated UTF-16 text");
        QStringDecoder d(QStringDecoder::Utf16LE);
        return QString(d(bytes.mid(2)));
    }
    if (bytes.startsWith("\xFE\xFF")) {
        if (bytes.size() % 2)
            return fail(name, "byte " + std::to_string(bytes.size() - 1), "truncated UTF-16 text");
        QStringDecoder d(QStringDecoder::Utf16BE);
        return QString(d(bytes.mid(2)));
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return fail(name, "byte " + std::to_string(nul), "this is a binary file, not a text export");
    const QByteArrayView body =
        bytes.startsWith("\xEF\xBB\xBF") ? QByteArrayView(bytes).sliced(3) : QByteArrayView(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(body);
    if (!utf8.hasError()) return text;
    return decodeWindows1252(body);
}

} // namespace vanadis
