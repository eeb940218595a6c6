#include "io/import/EchemTableReader.h"

#include "io/import/MappedFile.h"
#include "io/import/TextDecoding.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fast_float/fast_float.h>
#include <limits>
#include <thread>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifdef __unix__
#include <sys/mman.h>
#endif

namespace vanadis::echemimport {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

inline void trim(const char*& b, const char*& e)
{
    while (b < e && (*b == ' ' || *b == '\r' || *b == '\t'))
        ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
        --e;
    if (e - b >= 2 && *b == '"' && e[-1] == '"') {
        ++b;
        --e;
    }
}

inline double parseNumber(const char* b, const char* e, bool decimalComma, bool& ok)
{
    ok = true;
    if (b == e) return kNaN;
    if (e - b == 1 && *b == '-') return kNaN; // LAND and Neware placeholders
    const char* p = b;
    if (*p == '+') ++p;
    double v = 0.0;
    const fast_float::parse_options opts(fast_float::chars_format::general, decimalComma ? ',' : '.');
    const auto r = fast_float::from_chars_advanced(p, e, v, opts);
    // "nan" and "inf" are words fast_float accepts; in a record they are damage, not data.
    if (r.ec != std::errc() || r.ptr != e || !std::isfinite(v)) {
        ok = false;
        return kNaN;
    }
    return v;
}

/// The common cell of a record, "[-]D+[.D+]" with at most 19 digits, parsed in place: the digits as one
/// integer m (exact below 2^53) divided by 10^f (exact for f ≤ 22), which IEEE division rounds correctly
/// (Clinger's fast path, the same result as fast_float, without its general machinery: the record
/// readers spend most of their time here). Returns one past the number, or nullptr for anything else
/// (exponents, long mantissas, "-", text), which then takes fast_float's path.
inline const char* plainDecimal(const char* p, const char* e, char decimal, double& out)
{
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                        1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
    const bool neg = p < e && *p == '-';
    if (neg) ++p;
    const char* d0 = p;
    std::uint64_t m = 0;
    while (p < e && unsigned(*p - '0') < 10u)
        m = m * 10 + unsigned(*p++ - '0');
    const ptrdiff_t intDigits = p - d0;
    if (intDigits == 0) return nullptr;
    ptrdiff_t frac = 0;
    if (p < e && *p == decimal) {
        const char* f0 = ++p;
        while (p < e && unsigned(*p - '0') < 10u)
            m = m * 10 + unsigned(*p++ - '0');
        frac = p - f0;
        if (frac == 0) return nullptr;
    }
    if (intDigits + frac > 19 || m > (std::uint64_t(1) << 53)) return nullptr;
    if (p < e && (*p == 'e' || *p == 'E' || *p == '.' || *p == ',')) {
        if (*p != ',' || decimal == ',') return nullptr; // an exponent or a second separator
    }
    const double v = frac ? double(m) / kPow10[frac] : double(m);
    out = neg ? -v : v;
    return p;
}

/// Unsigned integer of [b, e); -1 when not all digits.
inline long long digits(const char* b, const char* e)
{
    if (b == e) return -1;
    long long v = 0;
    for (const char* p = b; p < e; ++p) {
        if (*p < '0' || *p > '9') return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

double parseDuration(const char* b, const char* e, bool decimalComma, bool& ok)
{
    ok = true;
    if (b == e) return kNaN;
    const char* colon = static_cast<const char*>(std::memchr(b, ':', size_t(e - b)));
    if (!colon) return parseNumber(b, e, decimalComma, ok);
    // [D-]H:MM:SS[.f] or [D-]H:MM
    const char* p = b;
    double days = 0.0;
    if (const char* dash = static_cast<const char*>(std::memchr(b, '-', size_t(colon - b)))) {
        const long long d = digits(b, dash);
        if (d < 0) {
            ok = false;
            return kNaN;
        }
        days = double(d);
        p = dash + 1;
    }
    const long long h = digits(p, colon);
    const char* q = colon + 1;
    const char* colon2 = static_cast<const char*>(std::memchr(q, ':', size_t(e - q)));
    long long m = -1;
    double s = 0.0;
    if (colon2) {
        m = digits(q, colon2);
        bool sok = true;
        s = parseNumber(colon2 + 1, e, decimalComma, sok);
        if (!sok || !(s >= 0.0) || s >= 61.0) {
            ok = false;
            return kNaN;
        }
    } else {
        m = digits(q, e);
    }
    if (h < 0 || m < 0 || m > 59) {
        ok = false;
        return kNaN;
    }
    return days * 86400.0 + double(h) * 3600.0 + double(m) * 60.0 + s;
}

bool containsWord(const char* b, const char* e, const char* word)
{
    const size_t n = std::strlen(word);
    for (const char* p = b; p + n <= e; ++p) {
        size_t i = 0;
        while (i < n && std::tolower(static_cast<unsigned char>(p[i])) == word[i])
            ++i;
        if (i == n) return true;
    }
    return false;
}

double parseStepState(const char* b, const char* e, bool& ok)
{
    ok = true;
    if (b == e) return kNaN;
    const std::string_view s(b, size_t(e - b));
    // Discharge words first: "DChg" contains "chg". Chinese Neware/LAND: 放电 discharge, 充电 charge,
    // 搁置 rest (UTF-8 bytes).
    if (containsWord(b, e, "dchg") || containsWord(b, e, "discharge") || containsWord(b, e, "rated") ||
        s == "DCC" || s == "D" || s.find("\xE6\x94\xBE\xE7\x94\xB5") != std::string_view::npos)
        return -1.0;
    if (containsWord(b, e, "chg") || containsWord(b, e, "charge") || containsWord(b, e, "ratec") ||
        s == "CCC" || s == "CVC" || s == "C" || s.find("\xE5\x85\x85\xE7\x94\xB5") != std::string_view::npos)
        return 1.0;
    if (containsWord(b, e, "rest") || s == "R" || containsWord(b, e, "ocv") || containsWord(b, e, "pause") ||
        s.find("\xE6\x90\x81\xE7\xBD\xAE") != std::string_view::npos)
        return 0.0;
    return kNaN; // pulses, loops, "Cycle": not a state, but no reason to refuse the file
}

/// "MM/DD/YYYY HH:MM:SS[.f]" (EC-Lab's US-style clock) in seconds since 1970-01-01 (proleptic
/// Gregorian, days from civil after H. Hinnant's algorithm).
double parseClock(const char* b, const char* e, bool decimalComma, bool& ok)
{
    ok = true;
    if (b == e) return kNaN;
    const char* sp = static_cast<const char*>(std::memchr(b, ' ', size_t(e - b)));
    const char* s1 = static_cast<const char*>(std::memchr(b, '/', size_t(e - b)));
    const char* s2 = s1 ? static_cast<const char*>(std::memchr(s1 + 1, '/', size_t(e - s1 - 1))) : nullptr;
    if (!sp || !s1 || !s2 || s2 > sp) {
        ok = false;
        return kNaN;
    }
    const long long mo = digits(b, s1), d = digits(s1 + 1, s2), y = digits(s2 + 1, sp);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) {
        ok = false;
        return kNaN;
    }
    const double tod = parseDuration(sp + 1, e, decimalComma, ok);
    if (!ok) return kNaN;
    const long long yy = y - (mo <= 2);
    const long long era = yy / 400;
    const long long yoe = yy - era * 400;
    const long long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long long days = era * 146097 + doe - 719468;
    return double(days) * 86400.0 + tod;
}

/// Line breaks in [b, e): 16 bytes per step with SSE2 (a GB in a few tens of ms), bytewise otherwise.
qsizetype countNewlines(const char* b, const char* e)
{
    qsizetype n = 0;
#ifdef __SSE2__
    // Byte counters: each match subtracts −1 from its lane; lanes are summed (psadbw) before they can
    // overflow (255 blocks). No popcount instruction needed (the baseline x86-64 target has none, and
    // __builtin_popcount became a libgcc call costing 2 % of an import).
    const __m128i nl = _mm_set1_epi8('\n');
    const __m128i zero = _mm_setzero_si128();
    while (e - b >= 16) {
        __m128i acc = zero;
        for (int k = 0; k < 255 && e - b >= 16; ++k, b += 16)
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b)), nl));
        const __m128i sums = _mm_sad_epu8(acc, zero);
        n += qsizetype(_mm_cvtsi128_si32(sums)) + qsizetype(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    }
#endif
    return n + qsizetype(std::count(b, e, '\n'));
}

/// Bytes a reader walks before it gives the pages behind it back (MappedFile::releaseResident()).
constexpr qsizetype kReleaseBytes = qsizetype(8) << 20;

/// countNewlines() block by block, giving back each block once counted: counting a mapped GB-size file
/// must not make all of it resident.
qsizetype countNewlinesReleasing(const char* b, const char* e)
{
    qsizetype n = 0;
    while (b < e) {
        const char* stop = e - b > kReleaseBytes ? b + kReleaseBytes : e;
        n += countNewlines(b, stop);
        MappedFile::releaseResident(b, stop);
        b = stop;
    }
    return n;
}

struct ChunkResult {
    qsizetype rows = 0;
    bool failed = false;
    Error error;
};

std::string cellText(const char* b, const char* e)
{
    std::string s(b, size_t(std::min<ptrdiff_t>(e - b, 40)));
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
    return "'" + s + (e - b > 40 ? "…'" : "'");
}

/// Parses rows of [b, e) into columns at offset \a row0.
void parseChunk(const TableSpec& spec, const std::vector<ColumnTarget>& targets, const std::vector<int>& slot,
                std::vector<Column>& out, const char* b, const char* e, qsizetype firstLine, qsizetype row0,
                const std::string& file, ChunkResult& res)
{
    const int nTargets = int(targets.size());
    const int nSlots = int(slot.size());
    std::vector<double*> dst(static_cast<size_t>(nTargets));
    for (int k = 0; k < nTargets; ++k)
        dst[size_t(k)] = out[size_t(k)].values.data() + row0;
    qsizetype line = firstLine;
    qsizetype row = 0;
    const char delim = spec.delimiter;
    const bool dc = spec.decimalComma;
    const fast_float::parse_options opts(fast_float::chars_format::general, dc ? ',' : '.');
    const char* p = b;
    const char* released = b;
    while (p < e) {
        if (p - released > kReleaseBytes) {
            MappedFile::releaseResident(released, p);
            released = p;
        }
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(e - p)));
        const char* le = nl ? nl : e;
        const char* ls = p;
        p = nl ? nl + 1 : e;
        const char* te = le;
        while (te > ls && isBlank(te[-1]))
            --te;
        const char* tb = ls;
        while (tb < te && isBlank(*tb))
            ++tb;
        if (tb == te) {
            ++line;
            continue;
        }
        if (spec.quotedLines && te - tb >= 2 && *tb == '"' && te[-1] == '"') {
            ++tb;
            --te;
        }
        int field = 0;
        const char* c = tb;
        int filled = 0;
        for (;;) {
            // Fast path: a plain number cell is parsed in place and its end found by the parser, without
            // searching for the delimiter first; anything else (quotes, blanks, "-", text) takes the
            // general path below, which also words the errors.
            if (field < nSlots && c < te) {
                const int k = slot[size_t(field)];
                if (k >= 0 && targets[size_t(k)].parse == CellParse::Number &&
                    ((*c >= '0' && *c <= '9') || *c == '-' || *c == '.')) {
                    double v;
                    const char* end = plainDecimal(c, te, dc ? ',' : '.', v);
                    if (end && (end == te || *end == delim)) {
                        dst[size_t(k)][row] = v * targets[size_t(k)].factor;
                        ++filled;
                        ++field;
                        if (end == te) break;
                        c = end + 1;
                        continue;
                    }
                    const auto r = fast_float::from_chars_advanced(c, te, v, opts);
                    if (r.ec == std::errc() && (r.ptr == te || *r.ptr == delim) && std::isfinite(v)) {
                        dst[size_t(k)][row] = v * targets[size_t(k)].factor;
                        ++filled;
                        ++field;
                        if (r.ptr == te) break;
                        c = r.ptr + 1;
                        continue;
                    }
                }
            }
            const char* ce = static_cast<const char*>(std::memchr(c, delim, size_t(te - c)));
            const char* cend = ce ? ce : te;
            if (field < nSlots) {
                const int k = slot[size_t(field)];
                if (k >= 0) {
                    const char* cb = c;
                    const char* cc = cend;
                    trim(cb, cc);
                    bool ok = true;
                    const ColumnTarget& t = targets[size_t(k)];
                    double v;
                    switch (t.parse) {
                    case CellParse::Number:
                        v = parseNumber(cb, cc, dc, ok);
                        break;
                    case CellParse::Duration:
                        v = parseDuration(cb, cc, dc, ok);
                        break;
                    case CellParse::Clock:
                        v = parseClock(cb, cc, dc, ok);
                        break;
                    default:
                        v = parseStepState(cb, cc, ok);
                        break;
                    }
                    if (!ok) {
                        res.failed = true;
                        std::string why = " is not a (finite) number";
                        if (t.parse == CellParse::Duration)
                            why = " is not a time (H:MM:SS or seconds)";
                        else if (dc && std::memchr(cb, '.', size_t(cc - cb)))
                            why =
                                " has a decimal point, but this file uses decimal commas (mixed separators)";
                        else if (!dc && std::memchr(cb, ',', size_t(cc - cb)))
                            why =
                                " has a decimal comma, but this file uses decimal points (mixed separators)";
                        res.error =
                            Error{file,
                                  "line " + std::to_string(line) + ", column '" + t.sourceName.toStdString() +
                                      "' (" + std::to_string(t.source + 1) + ")",
                                  cellText(cb, cc) + why + "; nothing was imported"};
                        return;
                    }
                    dst[size_t(k)][row] = v * t.factor;
                    ++filled;
                }
            }
            ++field;
            if (!ce) break;
            c = ce + 1;
        }
        if (field < spec.minFields) {
            res.failed = true;
            res.error =
                Error{file, "line " + std::to_string(line),
                      "the row has " + std::to_string(field) + " of the " + std::to_string(spec.minFields) +
                          " columns of the header: the file is cut short or damaged; nothing was "
                          "imported"};
            return;
        }
        if (filled < nTargets)
            for (int k = 0; k < nTargets; ++k)
                if (targets[size_t(k)].source >= field) dst[size_t(k)][row] = kNaN;
        ++row;
        ++line;
    }
    MappedFile::releaseResident(released, e);
    res.rows = row;
}

} // namespace

double parseCell(const char* b, const char* e, CellParse parse, bool decimalComma, bool& ok)
{
    trim(b, e);
    switch (parse) {
    case CellParse::Number:
        return parseNumber(b, e, decimalComma, ok);
    case CellParse::Duration:
        return parseDuration(b, e, decimalComma, ok);
    case CellParse::Clock:
        return parseClock(b, e, decimalComma, ok);
    default:
        return parseStepState(b, e, ok);
    }
}

Expected<std::vector<Column>> readTable(const TableSpec& spec, const std::vector<ColumnTarget>& targets,
                                        const std::string& file)
{
    const char* b = spec.begin;
    const char* e = spec.end;
    int maxSource = -1;
    for (const auto& t : targets)
        maxSource = std::max(maxSource, t.source);
    std::vector<int> slot(size_t(maxSource + 1), -1);
    for (size_t k = 0; k < targets.size(); ++k)
        if (slot[size_t(targets[k].source)] < 0) slot[size_t(targets[k].source)] = int(k);

    // Split into at most two chunks at a line start; each chunk's rows are counted first so that every
    // column is allocated once, at its final size, and each thread writes its own part (no growth, no
    // concatenation: peak memory is the columns plus nothing).
    const qsizetype bytes = qsizetype(e - b);
    const int nChunks = (spec.threads > 1 && bytes > (qsizetype(8) << 20)) ? 2 : 1;
    std::vector<const char*> cuts{b};
    if (nChunks == 2) {
        const char* mid = b + bytes / 2;
        const char* nl = static_cast<const char*>(std::memchr(mid, '\n', size_t(e - mid)));
        if (nl && nl + 1 < e) cuts.push_back(nl + 1);
    }
    cuts.push_back(e);
    const size_t chunks = cuts.size() - 1;
    std::vector<qsizetype> lines(chunks), rowsCap(chunks);
    auto countLines = [&](size_t k) {
        lines[k] = countNewlinesReleasing(cuts[k], cuts[k + 1]);
        rowsCap[k] = lines[k] + 1;
    };
    if (chunks == 2) {
        std::thread t(countLines, 1);
        countLines(0);
        t.join();
    } else {
        countLines(0);
    }
    qsizetype capacity = 0;
    for (qsizetype c : rowsCap)
        capacity += c;
    std::vector<Column> out(targets.size());
    for (size_t k = 0; k < targets.size(); ++k) {
        out[k].name = targets[k].name;
        out[k].unit = targets[k].unit;
    }
    // Allocate untouched, ask for transparent huge pages (512× fewer page faults on a GB of columns),
    // then zero-fill the columns on both threads.
    auto allocate = [&](size_t from, size_t step) {
        for (size_t k = from; k < out.size(); k += step) {
            auto& v = out[k].values;
            v.reserve(size_t(capacity));
#ifdef MADV_HUGEPAGE
            const auto a = reinterpret_cast<std::uintptr_t>(v.data());
            const std::uintptr_t huge = std::uintptr_t(2) << 20;
            const std::uintptr_t lo = (a + huge - 1) & ~(huge - 1);
            const std::uintptr_t hi = (a + size_t(capacity) * sizeof(double)) & ~(huge - 1);
            if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#endif
            v.resize(size_t(capacity));
        }
    };
    if (chunks == 2 && out.size() > 1) {
        std::thread t(allocate, 1, 2);
        allocate(0, 2);
        t.join();
    } else {
        allocate(0, 1);
    }
    std::vector<ChunkResult> res(chunks);
    std::vector<qsizetype> firstLine(chunks), row0(chunks);
    firstLine[0] = spec.firstLine;
    row0[0] = 0;
    for (size_t k = 1; k < chunks; ++k) {
        firstLine[k] = firstLine[k - 1] + lines[k - 1];
        row0[k] = row0[k - 1] + rowsCap[k - 1];
    }
    auto run = [&](size_t k) {
        parseChunk(spec, targets, slot, out, cuts[k], cuts[k + 1], firstLine[k], row0[k], file, res[k]);
    };
    if (chunks == 2) {
        std::thread t(run, 1);
        run(0);
        t.join();
    } else {
        run(0);
    }
    for (const auto& r : res)
        if (r.failed) return std::unexpected(r.error);
    // Close the gaps left by blank lines and the spare row of each chunk.
    qsizetype rows = res[0].rows;
    for (size_t k = 1; k < chunks; ++k) {
        for (auto& c : out)
            std::copy(c.values.begin() + row0[k], c.values.begin() + row0[k] + res[k].rows,
                      c.values.begin() + rows);
        rows += res[k].rows;
    }
    for (auto& c : out)
        c.values.resize(size_t(rows));
    return out;
}

QStringList splitHeader(QByteArrayView line, char delimiter)
{
    while (!line.isEmpty() && (line.back() == '\r' || line.back() == '\n'))
        line.chop(1);
    QString text;
    QStringDecoder utf8(QStringDecoder::Utf8);
    text = utf8.decode(line);
    if (utf8.hasError()) text = decodeWindows1252(line);
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
    QStringList out = text.split(QChar::fromLatin1(delimiter));
    for (QString& s : out) {
        s = s.trimmed();
        if (s.size() >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2).trimmed();
    }
    return out;
}

std::vector<qsizetype> lineStarts(QByteArrayView bytes, qsizetype maxLines)
{
    std::vector<qsizetype> out;
    qsizetype pos = 0;
    while (pos < bytes.size() && qsizetype(out.size()) < maxLines) {
        out.push_back(pos);
        const qsizetype nl = bytes.indexOf('\n', pos);
        if (nl < 0) break;
        pos = nl + 1;
    }
    return out;
}

QByteArrayView lineAt(QByteArrayView bytes, qsizetype begin)
{
    qsizetype nl = bytes.indexOf('\n', begin);
    if (nl < 0) nl = bytes.size();
    QByteArrayView l = bytes.sliced(begin, nl - begin);
    while (!l.isEmpty() && l.back() == '\r')
        l.chop(1);
    return l;
}

namespace {
QString aliasKey(const QString& s)
{
    return s.simplified().toLower();
}
} // namespace

std::vector<ColumnTarget> mapColumns(const QStringList& names, std::span<const Alias> aliases,
                                     QStringList& skipped)
{
    std::vector<ColumnTarget> out;
    QStringList used;
    for (int i = 0; i < names.size(); ++i) {
        const QString key = aliasKey(names[i]);
        bool matched = false;
        for (const Alias& a : aliases) {
            if (key != aliasKey(QString::fromUtf8(a.header))) continue;
            const QString name = QString::fromUtf8(a.name);
            if (used.contains(name)) break;
            used << name;
            out.push_back({i, name, QString::fromUtf8(a.unit), a.factor, a.parse, names[i]});
            matched = true;
            break;
        }
        if (!matched && !names[i].isEmpty()) skipped << names[i];
    }
    return out;
}

bool detectDecimalComma(QByteArrayView rows, char delimiter)
{
    if (delimiter == ',') return false;
    int commas = 0, points = 0;
    for (qsizetype i = 1; i + 1 < rows.size(); ++i) {
        const char c = rows[i];
        if ((c == ',' || c == '.') && std::isdigit(static_cast<unsigned char>(rows[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(rows[i + 1])))
            (c == ',' ? commas : points)++;
    }
    return commas > 0 && points == 0;
}

const Column* findColumn(const std::vector<Column>& columns, const QString& name)
{
    for (const Column& c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

} // namespace vanadis::echemimport

namespace vanadis::echemimport {

Expected<ImportedDataset> readSimpleTable(const QByteArray& bytes, const QString& fileName,
                                          const SimpleTable& t)
{
    const std::string file = fileName.toStdString();
    const QByteArrayView all(bytes);
    const QByteArrayView header = lineAt(all, t.headerOffset);
    QByteArrayView headerCells = header.trimmed();
    if (t.quotedLines && headerCells.size() >= 2 && headerCells.front() == '"' && headerCells.back() == '"')
        headerCells = headerCells.sliced(1, headerCells.size() - 2);
    QStringList names = splitHeader(headerCells, t.delimiter);
    while (!names.isEmpty() && names.back().isEmpty())
        names.removeLast();
    QStringList skipped;
    std::vector<ColumnTarget> targets = mapColumns(names, t.aliases, skipped);
    for (const QString& need : t.requiredColumns) {
        bool found = false;
        for (const auto& c : targets)
            found = found || c.name == need;
        if (!found)
            return fail(file, "line " + std::to_string(t.headerLine),
                        "no " + need.toStdString() + " column among the column names (" +
                            names.join(QStringLiteral(", ")).left(300).toStdString() + ")");
    }
    qsizetype dataStart = t.headerOffset + header.size();
    while (dataStart < all.size() && (all[dataStart] == '\r' || all[dataStart] == '\n')) {
        if (all[dataStart] == '\n') break;
        ++dataStart;
    }
    if (dataStart < all.size() && all[dataStart] == '\n') ++dataStart;
    TableSpec spec;
    spec.begin = bytes.constData() + dataStart;
    spec.end = bytes.constData() + bytes.size();
    spec.firstLine = t.headerLine + 1;
    spec.delimiter = t.delimiter;
    spec.decimalComma = t.decimalComma.value_or(detectDecimalComma(
        all.sliced(dataStart, std::min<qsizetype>(all.size() - dataStart, 16384)), t.delimiter));
    spec.quotedLines = t.quotedLines;
    spec.minFields = int(names.size());
    auto cols = readTable(spec, targets, file);
    if (!cols) return std::unexpected(cols.error());
    if (cols->empty() || cols->front().values.empty())
        return fail(file, "line " + std::to_string(t.headerLine + 1), "the table has no data rows");
    // A column the instrument left empty throughout (impedance columns of a cycling export) is no data.
    for (size_t k = cols->size(); k-- > 0;) {
        const auto& v = (*cols)[k].values;
        if (std::none_of(v.begin(), v.end(), [](double x) { return !std::isnan(x); })) {
            skipped << targets[k].sourceName;
            cols->erase(cols->begin() + qsizetype(k));
        }
    }
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = t.kind;
    d.name = QFileInfo(fileName).completeBaseName();
    d.columns = std::move(*cols);
    d.metadata.insert(QStringLiteral("instrument"), t.instrument);
    d.metadata.insert(QStringLiteral("decimal_comma"), spec.decimalComma);
    if (!skipped.isEmpty())
        d.metadata.insert(QStringLiteral("skipped_columns"), QJsonArray::fromStringList(skipped));
    return d;
}

std::optional<double> massMgFromText(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("([-+]?\\d+(?:[.,]\\d+)?(?:[eE][-+]?\\d+)?)\\s*(mg|g|kg)?"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    QString num = m.captured(1);
    num.replace(',', '.');
    bool ok = false;
    double v = num.toDouble(&ok);
    if (!ok || !(v > 0.0)) return std::nullopt;
    const QString unit = m.captured(2).toLower();
    if (unit == QLatin1String("g") || unit.isEmpty())
        v *= 1000.0;
    else if (unit == QLatin1String("kg"))
        v *= 1e6;
    return v;
}

} // namespace vanadis::echemimport
