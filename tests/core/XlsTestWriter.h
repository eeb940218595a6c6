#pragma once
// A minimal Excel 97–2003 (.xls) writer for tests, from [MS-CFB] and [MS-XLS]: one compound file (512-byte
// sectors, no mini stream) holding a BIFF8 "Workbook" stream with a BOUNDSHEET per sheet and, per sheet,
// NUMBER cells for text that reads as a number and LABEL cells (UTF-16) for any other text; "" is no cell.
// Enough for XlsWorkbook; no formats, no shared-string table.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstring>
#include <utility>
#include <vector>

namespace testxls {

using Sheet = std::pair<QString, std::vector<QStringList>>;

inline void put16(QByteArray& b, unsigned v)
{
    b.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
}

inline void put32(QByteArray& b, quint32 v)
{
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

inline void record(QByteArray& b, unsigned type, const QByteArray& data)
{
    put16(b, type);
    put16(b, unsigned(data.size()));
    b.append(data);
}

inline QByteArray bof(unsigned kind)
{
    QByteArray d;
    put16(d, 0x0600);
    put16(d, kind);
    put16(d, 0x0DBB);
    put16(d, 0x07CC);
    put32(d, 0);
    put32(d, 0x0600);
    return d;
}

inline QByteArray makeXls(const std::vector<Sheet>& sheets)
{
    // The workbook stream: globals with BOUNDSHEET offsets patched once the sheets are placed.
    QByteArray wb;
    record(wb, 0x0809, bof(0x0005));
    std::vector<qsizetype> offsetAt;
    for (const auto& [name, rows] : sheets) {
        QByteArray d;
        put32(d, 0);
        d.append(char(0)).append(char(0)).append(char(name.size())).append(char(1));
        for (QChar c : name)
            put16(d, c.unicode());
        offsetAt.push_back(wb.size() + 4);
        record(wb, 0x0085, d);
    }
    record(wb, 0x00E1, QByteArray(4096, '\0')); // filler: the stream stays out of the mini stream
    record(wb, 0x000A, {});
    for (size_t s = 0; s < sheets.size(); ++s) {
        const quint32 at = quint32(wb.size());
        std::memcpy(wb.data() + offsetAt[s], &at, 4); // little-endian hosts
        record(wb, 0x0809, bof(0x0010));
        const auto& rows = sheets[s].second;
        for (size_t r = 0; r < rows.size(); ++r)
            for (int c = 0; c < rows[r].size(); ++c) {
                const QString& v = rows[r][c];
                if (v.isEmpty()) continue;
                QByteArray d;
                put16(d, unsigned(r));
                put16(d, unsigned(c));
                put16(d, 0x0F);
                bool num = false;
                const double x = v.toDouble(&num);
                if (num) {
                    d.append(reinterpret_cast<const char*>(&x), 8);
                    record(wb, 0x0203, d);
                } else {
                    put16(d, unsigned(v.size()));
                    d.append(char(1));
                    for (QChar ch : v)
                        put16(d, ch.unicode());
                    record(wb, 0x0204, d);
                }
            }
        record(wb, 0x000A, {});
    }
    // The compound file: FAT sectors, one directory sector, the stream.
    const quint32 streamSectors = quint32((wb.size() + 511) / 512);
    quint32 fatSectors = 1;
    while (fatSectors * 128 < fatSectors + 1 + streamSectors)
        ++fatSectors;
    QByteArray out(512, '\0');
    std::memcpy(out.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    QByteArray h;
    put16(h, 0x003E);
    put16(h, 0x0003);
    put16(h, 0xFFFE);
    put16(h, 9);
    put16(h, 6);
    h.append(QByteArray(6, '\0'));
    put32(h, 0);
    put32(h, fatSectors);
    put32(h, fatSectors); // first directory sector
    put32(h, 0);
    put32(h, 4096);
    put32(h, 0xFFFFFFFE);
    put32(h, 0);
    put32(h, 0xFFFFFFFE);
    put32(h, 0);
    for (quint32 i = 0; i < 109; ++i)
        put32(h, i < fatSectors ? i : 0xFFFFFFFF);
    std::memcpy(out.data() + 24, h.constData(), size_t(h.size()));
    QByteArray fat;
    for (quint32 i = 0; i < fatSectors; ++i)
        put32(fat, 0xFFFFFFFD);
    put32(fat, 0xFFFFFFFE); // the directory
    for (quint32 i = 0; i < streamSectors; ++i)
        put32(fat, i + 1 < streamSectors ? fatSectors + 2 + i : 0xFFFFFFFE);
    while (fat.size() < qsizetype(fatSectors) * 512)
        put32(fat, 0xFFFFFFFF);
    out.append(fat);
    auto entry = [](const QString& name, int type, quint32 child, quint32 start, quint32 size) {
        QByteArray e;
        for (QChar c : name)
            put16(e, c.unicode());
        e.append(QByteArray(64 - e.size(), '\0'));
        put16(e, unsigned(name.isEmpty() ? 0 : (name.size() + 1) * 2));
        e.append(char(type)).append(char(1));
        put32(e, 0xFFFFFFFF);
        put32(e, 0xFFFFFFFF);
        put32(e, child);
        e.append(QByteArray(16 + 4 + 16, '\0'));
        put32(e, start);
        put32(e, size);
        put32(e, 0);
        return e;
    };
    out.append(entry("Root Entry", 5, 1, 0xFFFFFFFE, 0));
    out.append(entry("Workbook", 2, 0xFFFFFFFF, fatSectors + 1, quint32(wb.size())));
    out.append(entry({}, 0, 0xFFFFFFFF, 0, 0));
    out.append(entry({}, 0, 0xFFFFFFFF, 0, 0));
    wb.append(QByteArray(qsizetype(streamSectors) * 512 - wb.size(), '\0'));
    out.append(wb);
    return out;
}

} // namespace testxls
