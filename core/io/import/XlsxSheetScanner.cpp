#include "io/import/XlsxSheetScanner.h"

#include "io/ZipArchive.h"

#include <cstring>
#include <optional>

namespace vanadis::xlsx {

namespace {

struct Tag {
    std::string_view name; ///< local name (namespace prefix removed)
    bool end = false;
    bool selfClose = false;
    const char* attrB = nullptr;
    const char* attrE = nullptr;
    const char* after = nullptr; ///< one past '>'
};

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The tag starting at \a p ('<'); false when its '>' is not before \a e (the text is cut there).
bool readTag(const char* p, const char* e, Tag& t)
{
    const char* q = p + 1;
    if (q < e && (*q == '?' || *q == '!')) {
        if (e - q >= 3 && q[1] == '-' && q[2] == '-') { // a comment: up to "-->"
            for (const char* c = q + 3; c + 2 < e; ++c)
                if (c[0] == '-' && c[1] == '-' && c[2] == '>') {
                    t = Tag{};
                    t.after = c + 3;
                    return true;
                }
            return false;
        }
        const char* gt = static_cast<const char*>(std::memchr(q, '>', size_t(e - q)));
        if (!gt) return false;
        t = Tag{};
        t.after = gt + 1;
        return true;
    }
    t.end = q < e && *q == '/';
    if (t.end) ++q;
    const char* nb = q;
    while (q < e && !isSpace(*q) && *q != '>' && *q != '/')
        ++q;
    const char* gt = static_cast<const char*>(std::memchr(q, '>', size_t(e - q)));
    if (!gt) return false;
    std::string_view name(nb, size_t(q - nb));
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    t.name = name;
    t.selfClose = gt > q && gt[-1] == '/';
    t.attrB = q;
    t.attrE = t.selfClose ? gt - 1 : gt;
    t.after = gt + 1;
    return true;
}

/// The value of attribute \a name of \a t (no prefix), or nullopt.
std::optional<std::string_view> attribute(const Tag& t, std::string_view name)
{
    const char* p = t.attrB;
    while (p < t.attrE) {
        while (p < t.attrE && isSpace(*p))
            ++p;
        const char* nb = p;
        while (p < t.attrE && *p != '=' && !isSpace(*p))
            ++p;
        std::string_view an(nb, size_t(p - nb));
        while (p < t.attrE && (isSpace(*p) || *p == '='))
            ++p;
        if (p >= t.attrE || (*p != '"' && *p != '\'')) return std::nullopt;
        const char quote = *p++;
        const char* vb = p;
        while (p < t.attrE && *p != quote)
            ++p;
        if (an == name) return std::string_view(vb, size_t(p - vb));
        ++p;
    }
    return std::nullopt;
}

/// "AB12" → (11, 27), 0-based.
bool cellRef(std::string_view r, int& row, int& col)
{
    size_t i = 0;
    long c = 0, rr = 0;
    while (i < r.size() && ((r[i] >= 'A' && r[i] <= 'Z') || (r[i] >= 'a' && r[i] <= 'z'))) {
        c = c * 26 + ((r[i] & ~0x20) - 'A' + 1);
        if (c > 16384) return false;
        ++i;
    }
    if (i == 0 || i == r.size()) return false;
    for (; i < r.size(); ++i) {
        if (r[i] < '0' || r[i] > '9') return false;
        rr = rr * 10 + (r[i] - '0');
        if (rr > 1048576) return false;
    }
    if (rr < 1) return false;
    row = int(rr - 1);
    col = int(c - 1);
    return true;
}

int number(std::string_view s)
{
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9' || v > 100'000'000) return -1;
        v = v * 10 + (c - '0');
    }
    return s.empty() ? -1 : v;
}

/// The text between the end of a start tag and the next '<'.
std::string_view textAfter(const Tag& t, const char* e)
{
    const char* lt = static_cast<const char*>(std::memchr(t.after, '<', size_t(e - t.after)));
    return std::string_view(t.after, size_t((lt ? lt : e) - t.after));
}

/// Feeds the entry to \a process in pieces that end after a closing element whose local name ends with
/// \a closer ("row>", "si>"), so that no element is split; the last piece is the rest.
Expected<void>
streamPieces(const ZipArchive& zip, const QString& part, qint64 maxBytes, std::string_view closer,
             const std::function<std::optional<std::string>(const char*, const char*, bool)>& process,
             std::string& error)
{
    std::string pending;
    qint64 consumed = 0; // bytes of the entry before pending
    bool stopped = false;
    auto cutAt = [&]() -> size_t {
        size_t i = pending.size();
        while (i > 0) {
            const size_t k = pending.rfind(closer, i - 1);
            if (k == std::string::npos || k == 0) return 0;
            size_t j = k - 1;
            if (pending[j] == ':')
                while (j > 0 && pending[j] != '/' && pending[j] != '<' && !isSpace(pending[j]))
                    --j;
            if (pending[j] == '/' && j > 0 && pending[j - 1] == '<') return k + closer.size();
            i = k;
        }
        return 0;
    };
    auto r = zip.readChunked(part, maxBytes, [&](const char* data, qsizetype n) {
        pending.append(data, size_t(n));
        if (pending.size() < (size_t(1) << 20)) return true; // pieces of about a MiB
        const size_t cut = cutAt();
        if (cut == 0) return true;
        if (auto err = process(pending.data(), pending.data() + cut, consumed)) {
            error = *err;
            stopped = true;
            return false;
        }
        pending.erase(0, cut);
        consumed += qint64(cut);
        return true;
    });
    if (!r) return r;
    if (stopped) return {};
    if (auto err = process(pending.data(), pending.data() + pending.size(), consumed)) error = *err;
    return {};
}

} // namespace

std::string unescapeXml(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out += raw[i];
            continue;
        }
        const size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos) {
            out += raw[i];
            continue;
        }
        const std::string_view ent = raw.substr(i + 1, semi - i - 1);
        if (ent == "amp")
            out += '&';
        else if (ent == "lt")
            out += '<';
        else if (ent == "gt")
            out += '>';
        else if (ent == "quot")
            out += '"';
        else if (ent == "apos")
            out += '\'';
        else if (!ent.empty() && ent[0] == '#') {
            unsigned long cp = 0;
            const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
            for (size_t k = hex ? 2 : 1; k < ent.size(); ++k) {
                const char c = ent[k];
                const int d = c >= '0' && c <= '9'          ? c - '0'
                              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                            : -1;
                if (d < 0 || cp > 0x10FFFF) {
                    cp = 0xFFFD;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + unsigned(d);
            }
            if (cp > 0x10FFFF) cp = 0xFFFD;
            // UTF-8
            if (cp < 0x80) {
                out += char(cp);
            } else if (cp < 0x800) {
                out += char(0xC0 | (cp >> 6));
                out += char(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out += char(0xE0 | (cp >> 12));
                out += char(0x80 | ((cp >> 6) & 0x3F));
                out += char(0x80 | (cp & 0x3F));
            } else {
                out += char(0xF0 | (cp >> 18));
                out += char(0x80 | ((cp >> 12) & 0x3F));
                out += char(0x80 | ((cp >> 6) & 0x3F));
                out += char(0x80 | (cp & 0x3F));
            }
        } else {
            out.append(raw.substr(i, semi - i + 1));
        }
        i = semi;
    }
    return out;
}

QString columnLetters(int col)
{
    QString s;
    for (int k = col + 1; k > 0; k = (k - 1) / 26)
        s.prepend(QChar('A' + (k - 1) % 26));
    return s;
}

Expected<SharedStrings> readSharedStrings(const ZipArchive& zip, const QString& fileName, qint64 maxBytes)
{
    SharedStrings out;
    out.m_offsets.push_back(0);
    const QString part = QStringLiteral("xl/sharedStrings.xml");
    if (!zip.contains(part)) return out;
    std::string error;
    bool inSi = false;
    int rph = 0;
    auto process = [&](const char* b, const char* e, qint64) -> std::optional<std::string> {
        for (const char* p = b; p < e;) {
            p = static_cast<const char*>(std::memchr(p, '<', size_t(e - p)));
            if (!p) break;
            Tag t;
            if (!readTag(p, e, t)) return "the shared strings are cut short";
            if (t.name == "si") {
                if (!t.end) inSi = true;
                if (t.end || t.selfClose) {
                    out.m_offsets.push_back(out.m_text.size());
                    inSi = false;
                    rph = 0;
                }
            } else if (t.name == "rPh") {
                if (!t.selfClose) rph += t.end ? -1 : 1;
            } else if (t.name == "t" && !t.end && !t.selfClose && inSi && rph == 0) {
                out.m_text += unescapeXml(textAfter(t, e));
            }
            p = t.after;
        }
        return std::nullopt;
    };
    auto r = streamPieces(zip, part, maxBytes, "si>", process, error);
    if (!r) return std::unexpected(r.error());
    if (!error.empty()) return fail(fileName.toStdString(), "part " + part.toStdString(), error);
    return out;
}

Expected<void> scanSheet(const ZipArchive& zip, const QString& part, const QString& fileName, qint64 maxBytes,
                         const std::function<bool(const CellView&)>& cell)
{
    int row = -1, nextCol = 0;
    bool userStopped = false;
    std::string error;
    auto process = [&](const char* b, const char* e, qint64 base) -> std::optional<std::string> {
        for (const char* p = b; p < e;) {
            p = static_cast<const char*>(std::memchr(p, '<', size_t(e - p)));
            if (!p) break;
            Tag t;
            if (!readTag(p, e, t)) return "the sheet is cut short inside an element";
            p = t.after;
            if (t.name == "row" && !t.end) {
                const auto r = attribute(t, "r");
                const int n = r ? number(*r) : -1;
                row = n >= 1 ? n - 1 : row + 1;
                nextCol = 0;
                continue;
            }
            if (t.name != "c" || t.end) continue;
            CellView c;
            c.offset = base + (p - b);
            c.row = row < 0 ? 0 : row;
            c.col = nextCol;
            if (const auto r = attribute(t, "r"))
                if (!cellRef(*r, c.row, c.col))
                    return "'" + std::string(r->substr(0, 20)) + "' is not a cell reference (row " +
                           std::to_string(row + 1) + ")";
            // ECMA-376 §18.3.1.73/18.3.1.4: at most 1 048 576 rows and 16 384 columns, also for cells
            // without a reference (a damaged or hostile sheet must not grow without bound).
            if (c.row >= 1048576 || c.col >= 16384)
                return "more than the 1 048 576 rows or 16 384 columns a sheet can hold (row " +
                       std::to_string(c.row + 1) + ")";
            row = c.row;
            nextCol = c.col + 1;
            const auto type = attribute(t, "t");
            if (!type || *type == "n")
                c.type = CellView::Type::Number;
            else if (*type == "s")
                c.type = CellView::Type::Shared;
            else if (*type == "inlineStr")
                c.type = CellView::Type::InlineText;
            else if (*type == "str")
                c.type = CellView::Type::FormulaText;
            else if (*type == "b")
                c.type = CellView::Type::Bool;
            else if (*type == "e")
                c.type = CellView::Type::Error;
            else if (*type == "d")
                c.type = CellView::Type::FormulaText; // an ISO date as text
            if (t.selfClose) continue;
            bool have = false, closed = false;
            while (p < e) {
                p = static_cast<const char*>(std::memchr(p, '<', size_t(e - p)));
                if (!p) break;
                Tag in;
                if (!readTag(p, e, in)) return "the sheet is cut short inside a cell";
                p = in.after;
                if (in.name == "c" && in.end) {
                    closed = true;
                    break;
                }
                if (!have && !in.end && !in.selfClose &&
                    (in.name == "v" || (in.name == "t" && c.type == CellView::Type::InlineText))) {
                    c.raw = textAfter(in, e);
                    have = true;
                }
            }
            if (!closed)
                return "the sheet is cut short inside cell " + columnLetters(c.col).toStdString() +
                       std::to_string(c.row + 1);
            if (have && !cell(c)) {
                userStopped = true;
                return std::string();
            }
        }
        return std::nullopt;
    };
    auto r = streamPieces(zip, part, maxBytes, "row>", process, error);
    if (!r) return r;
    if (userStopped) return {};
    if (!error.empty()) return fail(fileName.toStdString(), "part " + part.toStdString(), error);
    return {};
}

} // namespace vanadis::xlsx
