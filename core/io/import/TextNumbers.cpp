#include "io/import/TextNumbers.h"

#include "io/MessageText.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace vanadis::textnum {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Cells up to this length are converted on the stack (every number an instrument writes); longer ones
/// ("1e308" written out in fixed notation has 309 digits) on the heap.
constexpr qsizetype kStackChars = 128;

bool isSpace(QChar c)
{
    return c.isSpace();
}

QStringView trimmed(QStringView s)
{
    qsizetype a = 0, b = s.size();
    while (a < b && isSpace(s[a]))
        ++a;
    while (b > a && isSpace(s[b - 1]))
        --b;
    return s.sliced(a, b - a);
}

} // namespace

CellKind classify(QStringView cell, bool decimalComma, double& out)
{
    out = kNaN;
    const QStringView s = trimmed(cell);
    if (s.isEmpty()) return CellKind::Empty;
    // To ASCII: from_chars reads char; any other character makes the cell text.
    std::array<char, kStackChars> stack;
    std::string heap;
    char* buf = stack.data();
    if (s.size() > kStackChars) {
        heap.resize(size_t(s.size()));
        buf = heap.data();
    }
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        char16_t c = s[i].unicode();
        if (c == 0x2212) c = u'-';
        if (c >= 0x80) return CellKind::Text;
        if (c == u',') {
            if (!decimalComma) return CellKind::Text;
            c = u'.';
        } else if (c == u'.' && decimalComma) {
            return CellKind::Text;
        }
        buf[n++] = char(c);
    }
    const char* first = buf;
    const char* last = buf + n;
    bool negative = false;
    // from_chars takes '-' but not '+'; a sign followed by another sign is text.
    if (*first == '+' || *first == '-') {
        negative = *first == '-';
        ++first;
        if (first == last || *first == '+' || *first == '-') return CellKind::Text;
    }
    double v = 0.0;
    const auto r = std::from_chars(first, last, v, std::chars_format::general);
    if (r.ptr != last) return CellKind::Text;
    if (r.ec == std::errc::result_out_of_range) return CellKind::NonFinite;
    if (r.ec != std::errc()) return CellKind::Text;
    if (!std::isfinite(v)) return CellKind::NonFinite;
    out = negative ? -v : v;
    return CellKind::Number;
}

std::optional<double> parseFinite(QStringView cell, bool decimalComma)
{
    double v;
    if (classify(cell, decimalComma, v) == CellKind::Number) return v;
    return std::nullopt;
}

std::string quoteCell(QStringView cell, qsizetype maxChars)
{
    QString s = trimmed(cell).toString();
    const bool cut = s.size() > maxChars;
    if (cut) s = s.left(maxChars);
    return "'" + messageText(s) + (cut ? "…'" : "'");
}

std::string notANumberReason(QStringView cell, bool decimalComma)
{
    double v;
    switch (classify(cell, decimalComma, v)) {
    case CellKind::Empty:
        return "the cell is empty";
    case CellKind::NonFinite:
        return quoteCell(cell) + " is not a finite number (NaN, infinity or out of range)";
    case CellKind::Number:
        return quoteCell(cell) + " is a number";
    case CellKind::Text:
        break;
    }
    return quoteCell(cell) + " is not a number";
}

} // namespace vanadis::textnum
