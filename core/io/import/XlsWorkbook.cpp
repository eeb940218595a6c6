#include "io/import/XlsWorkbook.h"

#include <QStringList>
#include <QtEndian>
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace vanadis {

namespace {

constexpr quint32 kEndOfChain = 0xFFFFFFFE;
constexpr qsizetype kHeaderSize = 512;
constexpr qsizetype kDirEntrySize = 128;
constexpr int kMiniSectorSize = 64;
/// Far above any instrument report (the largest real export has ~6000 cells); bounds the memory a
/// hostile file can make us allocate (about 50 MB).

// BIFF8 record types ([MS-XLS] 2.3).
constexpr quint16 kBof = 0x0809;
constexpr quint16 kEof = 0x000A;
constexpr quint16 kBoundSheet = 0x0085;
constexpr quint16 kSst = 0x00FC;
constexpr quint16 kContinue = 0x003C;
constexpr quint16 kLabelSst = 0x00FD;
constexpr quint16 kLabel = 0x0204;
constexpr quint16 kRString = 0x00D6;
constexpr quint16 kNumber = 0x0203;
constexpr quint16 kRk = 0x027E;
constexpr quint16 kMulRk = 0x00BD;
constexpr quint16 kBoolErr = 0x0205;
constexpr quint16 kFormula = 0x0006;
constexpr quint16 kString = 0x0207;

quint16 u16(const char* p)
{
    return qFromLittleEndian<quint16>(p);
}
quint32 u32(const char* p)
{
    return qFromLittleEndian<quint32>(p);
}
double f64(const char* p)
{
    return std::bit_cast<double>(qFromLittleEndian<quint64>(p));
}

/// The literal Excel shows for an error code of a BOOLERR cell or a formula result ([MS-XLS] 2.5.97 BErr).
QString errorLiteral(quint8 code)
{
    switch (code) {
    case 0x00:
        return QStringLiteral("#NULL!");
    case 0x07:
        return QStringLiteral("#DIV/0!");
    case 0x0F:
        return QStringLiteral("#VALUE!");
    case 0x17:
        return QStringLiteral("#REF!");
    case 0x1D:
        return QStringLiteral("#NAME?");
    case 0x24:
        return QStringLiteral("#NUM!");
    case 0x2A:
        return QStringLiteral("#N/A");
    case 0x2B:
        return QStringLiteral("#GETTING_DATA");
    }
    return QStringLiteral("#ERROR");
}

/// An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.
double decodeRk(quint32 rk)
{
    double v =
        (rk & 0x02) ? double(std::int32_t(rk) >> 2) : std::bit_cast<double>(quint64(rk & 0xFFFFFFFCu) << 32);
    return (rk & 0x01) ? v / 100.0 : v;
}

/// One stream of the compound file with the file offset of each of its sectors, so that an error
/// inside the stream can name the byte of the file.
struct Stream {
    QByteArray data;
    std::vector<qsizetype> sectorOffsets;
    qsizetype sectorSize = 512;
    qsizetype fileOffset(qsizetype pos) const
    {
        const auto i = size_t(pos / sectorSize);
        return i < sectorOffsets.size() ? sectorOffsets[i] + pos % sectorSize : pos;
    }
};

/// The OLE2 compound file ([MS-CFB]): sectors, the allocation tables and the directory.
class CompoundFile {
public:
    CompoundFile(const QByteArray& bytes, std::string file) : m_bytes(bytes), m_file(std::move(file)) {}

    Expected<void> open()
    {
        const char* h = m_bytes.constData();
        if (m_bytes.size() < kHeaderSize || !XlsWorkbook::looksLikeCompoundFile(m_bytes))
            return damaged(0, "this is not an Excel 97-2003 (.xls) file");
        const quint16 shift = u16(h + 30);
        if (shift != 9 && shift != 12) return damaged(30, "unsupported sector size");
        if (u16(h + 32) != 6) return damaged(32, "unsupported mini-sector size");
        m_sectorSize = qsizetype(1) << shift;
        m_sectorCount =
            std::max<qsizetype>(0, (m_bytes.size() - 1) / m_sectorSize); // sectors after the header
        const quint32 fatSectors = u32(h + 44);
        m_firstDir = u32(h + 48);
        m_miniCutoff = u32(h + 56);
        m_firstMiniFat = u32(h + 60);
        const quint32 firstDifat = u32(h + 68);
        const quint32 difatSectors = u32(h + 72);
        if (qsizetype(fatSectors) > m_sectorCount + 1)
            return damaged(44, "the allocation table is larger than the file");

        // The sectors holding the allocation table: 109 listed in the header, the rest in a chain.
        std::vector<quint32> fatList;
        for (int i = 0; i < 109 && fatList.size() < fatSectors; ++i)
            fatList.push_back(u32(h + 76 + 4 * i));
        quint32 s = firstDifat;
        for (quint32 n = 0; n < difatSectors && fatList.size() < fatSectors; ++n) {
            const qsizetype off = sectorOffset(s);
            if (off < 0 || off + m_sectorSize > m_bytes.size())
                return damaged(68, "the allocation table list is broken");
            const qsizetype perSector = m_sectorSize / 4 - 1;
            for (qsizetype i = 0; i < perSector && fatList.size() < fatSectors; ++i)
                fatList.push_back(u32(h + off + 4 * i));
            s = u32(h + off + 4 * perSector);
        }
        if (fatList.size() < fatSectors) return damaged(72, "the allocation table list is incomplete");
        for (quint32 fs : fatList) {
            const qsizetype off = sectorOffset(fs);
            if (off < 0 || off + m_sectorSize > m_bytes.size())
                return damaged(off < 0 ? 76 : m_bytes.size(),
                               "the file is truncated (allocation table beyond its end)");
            for (qsizetype i = 0; i < m_sectorSize / 4; ++i)
                m_fat.push_back(u32(h + off + 4 * i));
        }

        auto dir = readChainBytes(m_firstDir, -1);
        if (!dir) return std::unexpected(dir.error());
        m_dir = std::move(dir->data);
        return {};
    }

    /// The stream named \a name (case-insensitive), or an Error.
    Expected<Stream> stream(const QStringList& names)
    {
        for (qsizetype e = 0; e + kDirEntrySize <= m_dir.size(); e += kDirEntrySize) {
            const char* d = m_dir.constData() + e;
            const int nameBytes = std::min<int>(u16(d + 64), 64);
            if (nameBytes < 2 || d[66] != 2) continue; // 2 = stream object
            QString name;
            for (int i = 0; i + 1 < nameBytes - 1; i += 2)
                name += QChar(u16(d + i));
            if (!names.contains(name, Qt::CaseInsensitive)) continue;
            const quint32 start = u32(d + 116);
            const qint64 size =
                m_sectorSize == 4096 ? qint64(qFromLittleEndian<quint64>(d + 120)) : qint64(u32(d + 120));
            if (size < 0 || size > m_bytes.size() * 64)
                return damaged(0, "the workbook stream has an impossible size");
            if (size < qint64(m_miniCutoff)) return miniStream(start, size);
            return readChainBytes(start, size);
        }
        return fail(m_file, "", "the file holds no Excel workbook (it is another kind of Office document)");
    }

private:
    const QByteArray& m_bytes;
    std::string m_file;
    qsizetype m_sectorSize = 512;
    qsizetype m_sectorCount = 0;
    quint32 m_firstDir = 0;
    quint32 m_miniCutoff = 4096;
    quint32 m_firstMiniFat = kEndOfChain;
    std::vector<quint32> m_fat;
    QByteArray m_dir;

    std::unexpected<Error> damaged(qsizetype byte, const std::string& what) const
    {
        return fail(m_file, "byte " + std::to_string(byte), "the Excel file is damaged: " + what);
    }

    qsizetype sectorOffset(quint32 s) const
    {
        if (qsizetype(s) >= m_sectorCount) return -1;
        return (qsizetype(s) + 1) * m_sectorSize;
    }

    /// The sectors of a chain in the allocation table; loops and references outside it are errors.
    Expected<std::vector<quint32>> chain(quint32 start, const std::vector<quint32>& table,
                                         const char* what) const
    {
        std::vector<quint32> out;
        for (quint32 s = start; s != kEndOfChain;) {
            if (s >= table.size()) return damaged(kHeaderSize, std::string("broken chain of ") + what);
            if (out.size() >= table.size())
                return damaged(kHeaderSize, std::string("the chain of ") + what + " loops");
            out.push_back(s);
            s = table[s];
        }
        return out;
    }

    /// A stream in regular sectors; \a size < 0 reads the whole chain (the directory).
    Expected<Stream> readChainBytes(quint32 start, qint64 size)
    {
        auto sectors = chain(start, m_fat, "sectors");
        if (!sectors) return std::unexpected(sectors.error());
        Stream st;
        st.sectorSize = m_sectorSize;
        const qint64 total = size < 0 ? qint64(sectors->size()) * m_sectorSize : size;
        if (qint64(sectors->size()) * m_sectorSize < total)
            return damaged(m_bytes.size(), "the file is truncated (a stream is cut short)");
        if (total > qint64(m_sectorCount) * m_sectorSize)
            return damaged(kHeaderSize, "a stream is larger than the file");
        st.data.reserve(total);
        for (quint32 s : *sectors) {
            if (st.data.size() >= total) break;
            const qsizetype off = sectorOffset(s);
            const qsizetype need = std::min<qint64>(m_sectorSize, total - st.data.size());
            if (off < 0 || off + need > m_bytes.size())
                return damaged(m_bytes.size(), "the file is truncated (data beyond its end)");
            st.sectorOffsets.push_back(off);
            st.data.append(m_bytes.constData() + off, need);
        }
        return st;
    }

    /// A small stream stored in 64-byte mini sectors inside the root entry's stream.
    Expected<Stream> miniStream(quint32 start, qint64 size)
    {
        if (m_dir.size() < kDirEntrySize) return damaged(kHeaderSize, "no root directory entry");
        const quint32 rootStart = u32(m_dir.constData() + 116);
        const qint64 rootSize = qint64(u32(m_dir.constData() + 120));
        auto container = readChainBytes(rootStart, rootSize);
        if (!container) return std::unexpected(container.error());
        auto miniFatBytes = readChainBytes(m_firstMiniFat, -1);
        if (!miniFatBytes) return std::unexpected(miniFatBytes.error());
        std::vector<quint32> miniFat;
        for (qsizetype i = 0; i + 4 <= miniFatBytes->data.size(); i += 4)
            miniFat.push_back(u32(miniFatBytes->data.constData() + i));
        auto sectors = chain(start, miniFat, "mini sectors");
        if (!sectors) return std::unexpected(sectors.error());
        Stream st;
        st.sectorSize = kMiniSectorSize;
        for (quint32 s : *sectors) {
            if (st.data.size() >= size) break;
            const qsizetype off = qsizetype(s) * kMiniSectorSize;
            const qsizetype need = std::min<qint64>(kMiniSectorSize, size - st.data.size());
            if (off + need > container->data.size())
                return damaged(m_bytes.size(), "the file is truncated (mini stream)");
            st.sectorOffsets.push_back(container->fileOffset(off));
            st.data.append(container->data.constData() + off, need);
        }
        if (st.data.size() < size)
            return damaged(m_bytes.size(), "the file is truncated (a stream is cut short)");
        return st;
    }
};

/// Reads across a record and its CONTINUE records. Strings that cross a record boundary restart
/// with a new option byte saying whether the remaining characters are 8- or 16-bit ([MS-XLS] 2.5.293).
class SegmentReader {
public:
    explicit SegmentReader(std::vector<std::pair<const char*, qsizetype>> segments)
        : m_segs(std::move(segments))
    {
    }

    bool atEnd()
    {
        while (m_seg < m_segs.size() && m_off >= m_segs[m_seg].second) {
            ++m_seg;
            m_off = 0;
        }
        return m_seg >= m_segs.size();
    }

    bool read(char* out, qsizetype n)
    {
        while (n > 0) {
            if (atEnd()) return false;
            const qsizetype k = std::min(n, m_segs[m_seg].second - m_off);
            std::memcpy(out, m_segs[m_seg].first + m_off, size_t(k));
            out += k;
            m_off += k;
            n -= k;
        }
        return true;
    }

    bool skip(qint64 n)
    {
        while (n > 0) {
            if (atEnd()) return false;
            const qint64 k = std::min<qint64>(n, m_segs[m_seg].second - m_off);
            m_off += qsizetype(k);
            n -= k;
        }
        return true;
    }

    bool readChars(int count, bool high, QString& out)
    {
        while (count > 0) {
            if (m_seg >= m_segs.size()) return false;
            if (m_off >= m_segs[m_seg].second) { // continued in the next record: new option byte
                ++m_seg;
                m_off = 0;
                if (m_seg >= m_segs.size() || m_segs[m_seg].second < 1) return false;
                high = (m_segs[m_seg].first[0] & 0x01) != 0;
                m_off = 1;
                continue;
            }
            const qsizetype width = high ? 2 : 1;
            const qsizetype avail = (m_segs[m_seg].second - m_off) / width;
            if (avail == 0) return false; // half a UTF-16 character at a boundary
            const int k = int(std::min<qsizetype>(count, avail));
            const char* p = m_segs[m_seg].first + m_off;
            for (int i = 0; i < k; ++i)
                out += high ? QChar(u16(p + 2 * i)) : QChar(uchar(p[i]));
            m_off += k * width;
            count -= k;
        }
        return true;
    }

    /// XLUnicodeRichExtendedString or XLUnicodeString (rich and extended parts skipped).
    bool readString(QString& out)
    {
        char hdr[3];
        if (!read(hdr, 3)) return false;
        const int cch = u16(hdr);
        const quint8 flags = quint8(hdr[2]);
        quint16 runs = 0;
        quint32 ext = 0;
        char buf[4];
        if (flags & 0x08) {
            if (!read(buf, 2)) return false;
            runs = u16(buf);
        }
        if (flags & 0x04) {
            if (!read(buf, 4)) return false;
            ext = u32(buf);
        }
        out.clear();
        if (!readChars(cch, (flags & 0x01) != 0, out)) return false;
        return skip(qint64(runs) * 4) && skip(qint64(ext));
    }

private:
    std::vector<std::pair<const char*, qsizetype>> m_segs;
    size_t m_seg = 0;
    qsizetype m_off = 0;
};

/// Walks the BIFF8 records of the workbook stream.
class BiffParser {
public:
    BiffParser(const Stream& s, std::string file, size_t maxCells)
        : m_s(s), m_file(std::move(file)), m_maxCells(maxCells)
    {
    }

    Expected<std::vector<XlsWorkbook::Sheet>> parse()
    {
        struct SheetRef {
            quint32 offset;
            QString name;
        };
        std::vector<SheetRef> refs;
        qsizetype pos = 0;
        auto first = record(pos);
        if (!first) return std::unexpected(first.error());
        if (first->type != kBof || first->len < 4) return damaged(pos, "no workbook header record");
        const quint16 version = u16(first->data);
        if (version != 0x0600)
            return fail(
                m_file, "",
                version == 0x0500
                    ? "this is an Excel 5.0/95 workbook; open it in a spreadsheet program and save it as "
                      "\"Excel 97-2003 (.xls)\" or .xlsx, then import that file"
                    : "unsupported Excel version (not BIFF8)");
        pos += 4 + first->len;
        while (true) {
            auto r = record(pos);
            if (!r) return std::unexpected(r.error());
            const qsizetype here = pos;
            pos += 4 + r->len;
            if (r->type == kEof) break;
            if (r->type == kBoundSheet) {
                if (r->len < 8) return damaged(here, "sheet entry too short");
                // Worksheets only (type 0); charts, macro sheets and modules hold no cells we read.
                if (quint8(r->data[5]) != 0) continue;
                std::vector<std::pair<const char*, qsizetype>> seg{{r->data + 6, r->len - 6}};
                SegmentReader sr(seg);
                const int cch = quint8(r->data[6]);
                QString name;
                if (!sr.skip(2) || !sr.readChars(cch, (r->data[7] & 0x01) != 0, name))
                    return damaged(here, "sheet name cut short");
                refs.push_back({u32(r->data), name});
            } else if (r->type == kSst) {
                std::vector<std::pair<const char*, qsizetype>> segs{{r->data, r->len}};
                while (true) {
                    auto c = record(pos);
                    if (!c || c->type != kContinue) break;
                    segs.push_back({c->data, c->len});
                    pos += 4 + c->len;
                }
                if (r->len < 8) return damaged(here, "shared string table too short");
                const quint32 unique = u32(r->data + 4);
                SegmentReader sr(segs);
                sr.skip(8);
                for (quint32 i = 0; i < unique && !sr.atEnd(); ++i) {
                    QString s;
                    if (!sr.readString(s))
                        return damaged(here, "shared string " + std::to_string(i + 1) + " is cut short");
                    m_sst.push_back(std::move(s));
                }
            }
        }
        std::vector<XlsWorkbook::Sheet> sheets;
        for (const auto& ref : refs) {
            XlsWorkbook::Sheet sheet;
            sheet.name = ref.name;
            if (auto ok = parseSheet(qsizetype(ref.offset), sheet); !ok) return std::unexpected(ok.error());
            sheets.push_back(std::move(sheet));
        }
        return sheets;
    }

private:
    struct Record {
        quint16 type = 0;
        qsizetype len = 0;
        const char* data = nullptr;
    };

    const Stream& m_s;
    std::string m_file;
    std::vector<QString> m_sst;
    size_t m_cellCount = 0;
    size_t m_maxCells = 1'000'000;

    std::unexpected<Error> damaged(qsizetype streamPos, const std::string& what) const
    {
        return fail(m_file, "byte " + std::to_string(m_s.fileOffset(streamPos)),
                    "the Excel file is damaged: " + what);
    }

    Expected<Record> record(qsizetype pos) const
    {
        if (pos < 0 || pos + 4 > m_s.data.size())
            return damaged(std::min(pos, m_s.data.size()),
                           "the workbook ends without its end record (truncated file)");
        const char* p = m_s.data.constData() + pos;
        Record r{u16(p), u16(p + 2), p + 4};
        if (pos + 4 + r.len > m_s.data.size())
            return damaged(pos, "a record runs past the end of the workbook (truncated file)");
        return r;
    }

    Expected<void> parseSheet(qsizetype pos, XlsWorkbook::Sheet& sheet)
    {
        auto bof = record(pos);
        if (!bof) return std::unexpected(bof.error());
        if (bof->type != kBof)
            return damaged(pos,
                           "sheet '" + sheet.name.toStdString() + "' does not start where the workbook says");
        pos += 4 + bof->len;
        int depth = 0; // embedded charts have their own BOF..EOF inside a sheet
        bool pendingString = false;
        int pendingRow = 0, pendingCol = 0;
        std::vector<XlsCell>& cells = sheet.cells;
        auto add = [&](int row, int col, const QString* text, double number) -> bool {
            if (++m_cellCount > m_maxCells) return false;
            XlsCell c;
            c.row = row;
            c.col = col;
            if (text) {
                c.isText = true;
                c.text = *text;
            } else {
                c.number = number;
            }
            cells.push_back(std::move(c));
            return true;
        };
        auto addError = [&](int row, int col, quint8 code) -> bool {
            if (!add(row, col, nullptr, std::numeric_limits<double>::quiet_NaN())) return false;
            cells.back().isError = true;
            cells.back().text = errorLiteral(code);
            return true;
        };
        while (true) {
            auto r = record(pos);
            if (!r) return std::unexpected(r.error());
            const qsizetype here = pos;
            pos += 4 + r->len;
            if (r->type == kBof) {
                ++depth;
                continue;
            }
            if (r->type == kEof) {
                if (depth == 0) break;
                --depth;
                continue;
            }
            if (depth > 0) continue;
            const char* d = r->data;
            const qsizetype n = r->len;
            bool ok = true;
            switch (r->type) {
            case kLabelSst:
                if (n < 10) return damaged(here, "text cell too short");
                if (u32(d + 6) >= m_sst.size())
                    return damaged(here, "text cell refers to a missing shared string");
                ok = add(u16(d), u16(d + 2), &m_sst[u32(d + 6)], 0);
                break;
            case kLabel:
            case kRString: {
                if (n < 9) return damaged(here, "text cell too short");
                std::vector<std::pair<const char*, qsizetype>> seg{{d + 6, n - 6}};
                SegmentReader sr(seg);
                QString s;
                char hdr[3];
                if (!sr.read(hdr, 3) || !sr.readChars(u16(hdr), (hdr[2] & 0x01) != 0, s))
                    return damaged(here, "text cell cut short");
                ok = add(u16(d), u16(d + 2), &s, 0);
                break;
            }
            case kNumber:
                if (n < 14) return damaged(here, "number cell too short");
                ok = add(u16(d), u16(d + 2), nullptr, f64(d + 6));
                break;
            case kRk:
                if (n < 10) return damaged(here, "number cell too short");
                ok = add(u16(d), u16(d + 2), nullptr, decodeRk(u32(d + 6)));
                break;
            case kMulRk: {
                if (n < 6 || (n - 6) % 6 != 0) return damaged(here, "number row has a wrong length");
                const int row = u16(d), col0 = u16(d + 2);
                for (qsizetype i = 0; ok && 4 + 6 * i + 6 <= n - 2; ++i)
                    ok = add(row, col0 + int(i), nullptr, decodeRk(u32(d + 4 + 6 * i + 2)));
                break;
            }
            case kBoolErr:
                if (n < 8) return damaged(here, "logical cell too short");
                if (d[7] == 0)
                    ok = add(u16(d), u16(d + 2), nullptr, double(quint8(d[6]) != 0));
                else
                    ok = addError(u16(d), u16(d + 2), quint8(d[6]));
                break;
            case kFormula: {
                if (n < 20) return damaged(here, "formula cell too short");
                const int row = u16(d), col = u16(d + 2);
                if (u16(d + 12) == 0xFFFF) { // not a number: byte 0 says which result type
                    if (d[6] == 0) {
                        pendingString = true;
                        pendingRow = row;
                        pendingCol = col;
                    } else if (d[6] == 1) {
                        ok = add(row, col, nullptr, double(d[8] != 0));
                    } else if (d[6] == 2) {
                        ok = addError(row, col, quint8(d[8]));
                    }
                } else {
                    ok = add(row, col, nullptr, f64(d + 6));
                }
                break;
            }
            case kString: {
                if (!pendingString) break;
                pendingString = false;
                std::vector<std::pair<const char*, qsizetype>> segs{{d, n}};
                for (qsizetype p = pos;;) {
                    auto c = record(p);
                    if (!c || c->type != kContinue) break;
                    segs.push_back({c->data, c->len});
                    p += 4 + c->len;
                }
                SegmentReader sr(segs);
                QString s;
                char hdr[3];
                if (!sr.read(hdr, 3) || !sr.readChars(u16(hdr), (hdr[2] & 0x01) != 0, s))
                    return damaged(here, "formula text cut short");
                ok = add(pendingRow, pendingCol, &s, 0);
                break;
            }
            default:
                break;
            }
            if (!ok)
                return fail(m_file, "",
                            "the workbook has more than " + std::to_string(m_maxCells) +
                                " cells; this is not an instrument report");
        }
        // Sorted, and the last record for a cell wins (as in Excel).
        std::stable_sort(cells.begin(), cells.end(), [](const XlsCell& a, const XlsCell& b) {
            return a.row != b.row ? a.row < b.row : a.col < b.col;
        });
        std::vector<XlsCell> unique;
        unique.reserve(cells.size());
        for (auto& c : cells) {
            if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col)
                unique.back() = std::move(c);
            else
                unique.push_back(std::move(c));
        }
        cells = std::move(unique);
        for (const auto& c : cells) {
            sheet.rowCount = std::max(sheet.rowCount, c.row + 1);
            sheet.colCount = std::max(sheet.colCount, c.col + 1);
        }
        return {};
    }
};

} // namespace

const XlsCell* XlsWorkbook::Sheet::cell(int row, int col) const
{
    auto it = std::lower_bound(cells.begin(), cells.end(), std::pair{row, col},
                               [](const XlsCell& c, const std::pair<int, int>& rc) {
                                   return c.row != rc.first ? c.row < rc.first : c.col < rc.second;
                               });
    return it != cells.end() && it->row == row && it->col == col ? &*it : nullptr;
}

QString XlsWorkbook::Sheet::text(int row, int col) const
{
    const XlsCell* c = cell(row, col);
    if (!c) return {};
    return c->isText || c->isError ? c->text : QString::number(c->number, 'g', 15);
}

bool XlsWorkbook::looksLikeCompoundFile(const QByteArray& head)
{
    return head.startsWith(QByteArray::fromHex("D0CF11E0A1B11AE1"));
}

Expected<XlsWorkbook> XlsWorkbook::read(const QByteArray& bytes, const QString& fileName, size_t maxCells)
{
    const std::string file = fileName.toStdString();
    CompoundFile cf(bytes, file);
    if (auto ok = cf.open(); !ok) return std::unexpected(ok.error());
    auto stream = cf.stream({QStringLiteral("Workbook"), QStringLiteral("Book")});
    if (!stream) return std::unexpected(stream.error());
    auto sheets = BiffParser(*stream, file, maxCells).parse();
    if (!sheets) return std::unexpected(sheets.error());
    XlsWorkbook wb;
    wb.m_sheets = std::move(*sheets);
    return wb;
}

} // namespace vanadis
