#include "io/import/XlsxWorkbook.h"

#include "io/ZipArchive.h"

#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace vanadis {

namespace {

constexpr qint64 kMaxPartBytes = qint64(64) << 20;
constexpr size_t kMaxCells = 1'000'000;
constexpr int kMaxSheets = 256;

std::string xmlError(const QXmlStreamReader& x, const QString& part)
{
    return "part " + part.toStdString() + ", line " + std::to_string(x.lineNumber());
}

/// "AB12" → (row 11, column 27), 0-based; false when it is not a cell reference.
bool cellRef(QStringView r, int& row, int& col)
{
    qsizetype i = 0;
    qint64 c = 0, rr = 0;
    while (i < r.size() && r[i].isLetter()) {
        c = c * 26 + (r[i].toUpper().unicode() - 'A' + 1);
        if (c > 16384) return false;
        ++i;
    }
    if (i == 0 || i == r.size()) return false;
    for (; i < r.size(); ++i) {
        if (!r[i].isDigit()) return false;
        rr = rr * 10 + (r[i].unicode() - '0');
        if (rr > 1048576) return false;
    }
    if (rr < 1) return false;
    row = int(rr - 1);
    col = int(c - 1);
    return true;
}

/// The text of an <si> or <is> element: the concatenated <t> of its runs (phonetic <rPh> left out).
QString richText(QXmlStreamReader& x)
{
    QString out;
    int rph = 0;
    const QString end = x.name().toString();
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.name() == u"rPh")
                ++rph;
            else if (x.name() == u"t" && rph == 0)
                out += x.readElementText();
        } else if (x.isEndElement()) {
            if (x.name() == u"rPh")
                --rph;
            else if (x.name() == end)
                break;
        }
    }
    return out;
}

} // namespace

bool XlsxWorkbook::looksLikeXlsx(const QByteArray& head)
{
    // Local file headers store the names uncompressed.
    return head.startsWith("PK\x03\x04") && (head.contains("xl/workbook.xml") ||
                                             head.contains("xl/worksheets/") || head.contains("xl/_rels/"));
}

Expected<std::vector<XlsxSheetPart>> XlsxWorkbook::sheetParts(const ZipArchive& zip, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    auto readPart = [&](const QString& name) { return zip.read(name, kMaxPartBytes); };
    // Workbook: sheet names and relationship ids in order.
    auto wbXml = readPart("xl/workbook.xml");
    if (!wbXml) return std::unexpected(wbXml.error());
    std::vector<std::pair<QString, QString>> sheetIds; // name, r:id
    {
        QXmlStreamReader x(*wbXml);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == u"sheet") {
                QString rid;
                for (const auto& a : x.attributes())
                    if (a.name() == u"id") rid = a.value().toString();
                sheetIds.emplace_back(x.attributes().value("name").toString(), rid);
                if (int(sheetIds.size()) > kMaxSheets)
                    return fail(file, "part xl/workbook.xml", "more than 256 sheets");
            }
        }
        if (x.hasError())
            return fail(file, xmlError(x, "xl/workbook.xml"),
                        "damaged XML (" + x.errorString().toStdString() + ")");
    }
    if (sheetIds.empty()) return fail(file, "part xl/workbook.xml", "the workbook lists no sheets");
    std::map<QString, QString> targets;
    if (auto rels = readPart("xl/_rels/workbook.xml.rels")) {
        QXmlStreamReader x(*rels);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == u"Relationship") {
                QString t = x.attributes().value("Target").toString();
                if (t.startsWith('/'))
                    t = t.mid(1);
                else if (!t.startsWith("xl/"))
                    t = "xl/" + t;
                targets[x.attributes().value("Id").toString()] = t;
            }
        }
        if (x.hasError())
            return fail(file, xmlError(x, "xl/_rels/workbook.xml.rels"),
                        "damaged XML (" + x.errorString().toStdString() + ")");
    }
    std::vector<XlsxSheetPart> out;
    for (size_t s = 0; s < sheetIds.size(); ++s) {
        const auto& [name, rid] = sheetIds[s];
        out.push_back({name, targets.count(rid) ? targets[rid]
                                                : QStringLiteral("xl/worksheets/sheet%1.xml").arg(s + 1)});
    }
    return out;
}

Expected<XlsxWorkbook> XlsxWorkbook::read(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    if (!bytes.startsWith("PK"))
        return fail(file, "byte 0", "this is not an .xlsx workbook (no zip signature)");
    auto opened = ZipArchive::open(bytes, fileName);
    if (!opened)
        return fail(file, opened.error().location,
                    "the .xlsx (zip) container is damaged or cut short (" + opened.error().reason + ")");
    const ZipArchive& zip = *opened;
    auto readPart = [&](const QString& name) { return zip.read(name, kMaxPartBytes); };
    auto parts = sheetParts(zip, fileName);
    if (!parts) return std::unexpected(parts.error());
    QStringList shared;
    if (zip.contains("xl/sharedStrings.xml")) {
        auto ss = readPart("xl/sharedStrings.xml");
        if (!ss) return std::unexpected(ss.error());
        QXmlStreamReader x(*ss);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == u"si") shared << richText(x);
        }
        if (x.hasError())
            return fail(file, xmlError(x, "xl/sharedStrings.xml"),
                        "damaged XML (" + x.errorString().toStdString() + ")");
    }

    XlsxWorkbook out;
    size_t total = 0;
    for (const XlsxSheetPart& sp : *parts) {
        const QString& name = sp.name;
        const QString& part = sp.part;
        auto xml = zip.read(part, kMaxPartBytes);
        if (!xml) return std::unexpected(xml.error());
        XlsWorkbook::Sheet sheet;
        sheet.name = name;
        QXmlStreamReader x(*xml);
        int nextRow = 0;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == u"row") {
                bool ok = false;
                const int r = x.attributes().value("r").toInt(&ok);
                if (ok && r >= 1) nextRow = r - 1;
                continue;
            }
            if (!(x.isStartElement() && x.name() == u"c")) {
                if (x.isEndElement() && x.name() == u"row") ++nextRow;
                continue;
            }
            const QString ref = x.attributes().value("r").toString();
            const QString type = x.attributes().value("t").toString();
            XlsCell c;
            if (ref.isEmpty()) {
                c.row = nextRow;
                c.col =
                    sheet.cells.empty() || sheet.cells.back().row != nextRow ? 0 : sheet.cells.back().col + 1;
            } else if (!cellRef(ref, c.row, c.col)) {
                return fail(file, xmlError(x, part), "'" + ref.toStdString() + "' is not a cell reference");
            }
            QString value, inlineText;
            bool hasValue = false, hasInline = false;
            while (!x.atEnd()) {
                x.readNext();
                if (x.isStartElement() && x.name() == u"v") {
                    value = x.readElementText();
                    hasValue = true;
                } else if (x.isStartElement() && x.name() == u"is") {
                    inlineText = richText(x);
                    hasInline = true;
                } else if (x.isEndElement() && x.name() == u"c") {
                    break;
                }
            }
            const std::string where = "sheet '" + name.toStdString() + "', cell " + ref.toStdString();
            if (type == "s") {
                bool ok = false;
                const int k = value.toInt(&ok);
                if (!ok || k < 0 || k >= shared.size())
                    return fail(file, where, "the cell points to a shared string that does not exist");
                c.isText = true;
                c.text = shared[k];
            } else if (type == "inlineStr") {
                c.isText = true;
                c.text = inlineText;
            } else if (type == "str") {
                c.isText = true;
                c.text = value;
            } else if (type == "e") {
                c.isError = true;
                c.number = std::numeric_limits<double>::quiet_NaN();
                c.text = value;
            } else if (!hasValue && !hasInline) {
                continue; // a styled empty cell
            } else {
                bool ok = false;
                c.number = value.trimmed().toDouble(&ok); // xsd:double, C locale
                if (!ok)
                    return fail(file, where,
                                "the number '" + value.left(40).toStdString() + "' cannot be read");
            }
            if (++total > kMaxCells)
                return fail(file, where, "more than 1 000 000 cells; this is not an instrument workbook");
            sheet.cells.push_back(std::move(c));
        }
        if (x.hasError())
            return fail(file, xmlError(x, part), "damaged XML (" + x.errorString().toStdString() + ")");
        std::sort(sheet.cells.begin(), sheet.cells.end(), [](const XlsCell& a, const XlsCell& b) {
            return a.row != b.row ? a.row < b.row : a.col < b.col;
        });
        sheet.cells.erase(
            std::unique(sheet.cells.begin(), sheet.cells.end(),
                        [](const XlsCell& a, const XlsCell& b) { return a.row == b.row && a.col == b.col; }),
            sheet.cells.end());
        for (const XlsCell& c : sheet.cells) {
            sheet.rowCount = std::max(sheet.rowCount, c.row + 1);
            sheet.colCount = std::max(sheet.colCount, c.col + 1);
        }
        out.m_sheets.push_back(std::move(sheet));
    }
    return out;
}

} // namespace vanadis
