#include "io/import/LandXlsxImporter.h"

#include "io/ZipArchive.h"
#include "io/import/LandLayout.h"
#include "io/import/XlsxSheetScanner.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <charconv>
#include <cstring>
#include <zlib.h>

namespace vanadis {

namespace {

constexpr qint64 kMaxSheetXml = qint64(16) << 30; // streamed: the limit only stops an endless bomb

/// Sheet names of xl/workbook.xml when that part lies inside \a head (deflated or stored).
QStringList sheetNamesFromHead(const QByteArray& head)
{
    static const QByteArray part("xl/workbook.xml");
    for (qsizetype pos = head.indexOf(part); pos >= 30; pos = head.indexOf(part, pos + 1)) {
        const auto* h = reinterpret_cast<const unsigned char*>(head.constData() + pos - 30);
        if (std::memcmp(h, "PK\x03\x04", 4) != 0) continue;
        const unsigned method = unsigned(h[8]) | unsigned(h[9]) << 8;
        const unsigned nameLen = unsigned(h[26]) | unsigned(h[27]) << 8;
        const unsigned extraLen = unsigned(h[28]) | unsigned(h[29]) << 8;
        if (nameLen != unsigned(part.size())) continue;
        const qsizetype data = pos + nameLen + extraLen;
        if (data >= head.size()) return {};
        QByteArray xml;
        if (method == 0) {
            xml = head.mid(data);
        } else if (method == 8) {
            z_stream z{};
            if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return {};
            xml.resize(256 * 1024);
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.constData() + data));
            z.avail_in = uInt(head.size() - data);
            z.next_out = reinterpret_cast<Bytef*>(xml.data());
            z.avail_out = uInt(xml.size());
            inflate(&z, Z_SYNC_FLUSH); // as far as the head goes
            xml.resize(qsizetype(z.total_out));
            inflateEnd(&z);
        } else {
            return {};
        }
        QStringList names;
        QXmlStreamReader x(xml);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == u"sheet") names << x.attributes().value("name").toString();
        }
        return names;
    }
    return {};
}

} // namespace

QString LandXlsxImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "LANDdt Excel export (.xlsx, cycling record)");
}

int LandXlsxImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!XlsxWorkbook::looksLikeXlsx(head)) return 0;
    return land::looksLikeLandSheets(sheetNamesFromHead(head)) ? 94 : 0;
}

bool LandXlsxImporter::looksLikeLandSheets(const QStringList& sheetNames)
{
    return land::looksLikeLandSheets(sheetNames);
}

Expected<std::vector<ImportedDataset>>
LandXlsxImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    if (!bytes.startsWith("PK"))
        return fail(file, "byte 0", "this is not an .xlsx workbook (no zip signature)");
    auto opened = ZipArchive::open(bytes, fileName);
    if (!opened)
        return fail(file, opened.error().location,
                    "the .xlsx (zip) container is damaged or cut short (" + opened.error().reason + ")");
    const ZipArchive& zip = *opened;
    auto parts = XlsxWorkbook::sheetParts(zip, fileName);
    if (!parts) return std::unexpected(parts.error());
    auto ss = xlsx::readSharedStrings(zip, fileName, kMaxSheetXml);
    if (!ss) return std::unexpected(ss.error());
    const xlsx::SharedStrings& strings = *ss;
    std::vector<land::SheetSource> sheets;
    for (const XlsxSheetPart& p : *parts) {
        const qint64 declared = zip.declaredSize(p.part);
        sheets.push_back(
            {p.name, [&zip, &strings, &fileName, p, declared](const land::CellSink& sink) {
                 std::string tmp;
                 return xlsx::scanSheet(zip, p.part, fileName, kMaxSheetXml, [&](const xlsx::CellView& v) {
                     land::Cell c;
                     c.row = v.row;
                     c.col = v.col;
                     c.progress = declared > 0 ? double(v.offset) / double(declared) : -1.0;
                     c.text = v.raw;
                     switch (v.type) {
                     case xlsx::CellView::Type::Number:
                         c.kind = land::Cell::Kind::NumberText;
                         break;
                     case xlsx::CellView::Type::Shared: {
                         long k = -1;
                         std::from_chars(v.raw.data(), v.raw.data() + v.raw.size(), k);
                         c.kind = land::Cell::Kind::Text;
                         c.text = k >= 0 && size_t(k) < strings.size() ? strings.at(size_t(k))
                                                                       : std::string_view("\x01");
                         break;
                     }
                     case xlsx::CellView::Type::InlineText:
                     case xlsx::CellView::Type::FormulaText:
                         tmp = xlsx::unescapeXml(v.raw);
                         c.kind = land::Cell::Kind::Text;
                         c.text = tmp;
                         break;
                     case xlsx::CellView::Type::Bool:
                         c.kind = land::Cell::Kind::Bool;
                         break;
                     case xlsx::CellView::Type::Error:
                         c.kind = land::Cell::Kind::Error;
                         break;
                     }
                     return sink(c);
                 });
             }});
    }
    return land::readWorkbook(sheets, fileName);
}

} // namespace vanadis
