#pragma once
// A minimal .xlsx writer for tests (libzip, which vanadis_io links): sheets of cells given as text; a cell
// that reads as a number is written as a number, anything else as an inline string, "" as no cell. Enough
// SpreadsheetML for XlsxWorkbook (workbook, relationships, worksheets); no styles.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>
#include <zip.h>

namespace testxlsx {

using Sheet = std::pair<QString, std::vector<QStringList>>;

inline QString escaped(QString s)
{
    return s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
}

inline QString colName(int c)
{
    QString s;
    for (int k = c + 1; k > 0; k = (k - 1) / 26)
        s.prepend(QChar('A' + (k - 1) % 26));
    return s;
}

/// \a shared: text cells go to a shared-string table (as Excel writes them) instead of inline strings.
inline QByteArray sheetXml(const std::vector<QStringList>& rows, QStringList* shared = nullptr)
{
    QString x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
                "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (size_t r = 0; r < rows.size(); ++r) {
        x += QString("<row r=\"%1\">").arg(r + 1);
        for (int c = 0; c < rows[r].size(); ++c) {
            const QString& v = rows[r][c];
            if (v.isEmpty()) continue;
            const QString ref = colName(c) + QString::number(r + 1);
            bool num = false;
            v.toDouble(&num);
            if (num)
                x += QString("<c r=\"%1\"><v>%2</v></c>").arg(ref, v);
            else if (shared) {
                qsizetype k = shared->indexOf(v);
                if (k < 0) {
                    k = shared->size();
                    shared->append(v);
                }
                x += QString("<c r=\"%1\" t=\"s\"><v>%2</v></c>").arg(ref).arg(k);
            } else
                x += QString("<c r=\"%1\" t=\"inlineStr\"><is><t>%2</t></is></c>").arg(ref, escaped(v));
        }
        x += "</row>";
    }
    x += "</sheetData></worksheet>";
    return x.toUtf8();
}

/// A zip of \a parts (name, content) in order, deflated unless \a stored.
inline QByteArray makeZip(const std::vector<std::pair<QString, QByteArray>>& parts, bool stored = false)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(out);
    zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
    std::vector<QByteArray> keep; // the data must live until zip_close
    keep.reserve(parts.size());
    for (const auto& [name, data] : parts) {
        keep.push_back(data);
        zip_source_t* s = zip_source_buffer(z, keep.back().constData(), zip_uint64_t(keep.back().size()), 0);
        const zip_int64_t at = zip_file_add(z, name.toUtf8().constData(), s, ZIP_FL_OVERWRITE);
        if (stored) zip_set_file_compression(z, zip_uint64_t(at), ZIP_CM_STORE, 0);
    }
    zip_close(z);
    QByteArray bytes;
    zip_source_open(out);
    char buf[65536];
    for (zip_int64_t n; (n = zip_source_read(out, buf, sizeof buf)) > 0;)
        bytes.append(buf, qsizetype(n));
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&err);
    return bytes;
}

inline QByteArray makeXlsx(const std::vector<Sheet>& sheets, bool sharedStrings = false)
{
    std::vector<std::pair<QString, QByteArray>> parts;
    QStringList shared;
    QString wb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook "
                 "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                 "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
    QString rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (size_t i = 0; i < sheets.size(); ++i) {
        wb += QString("<sheet name=\"%1\" sheetId=\"%2\" r:id=\"rId%2\"/>")
                  .arg(escaped(sheets[i].first))
                  .arg(i + 1);
        rels +=
            QString("<Relationship Id=\"rId%1\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    "Target=\"worksheets/sheet%1.xml\"/>")
                .arg(i + 1);
        parts.emplace_back(QString("xl/worksheets/sheet%1.xml").arg(i + 1),
                           sheetXml(sheets[i].second, sharedStrings ? &shared : nullptr));
    }
    if (sharedStrings) {
        QString ss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst "
                     "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
        for (const QString& t : shared)
            ss += "<si><t>" + escaped(t) + "</t></si>";
        parts.emplace_back(QString("xl/sharedStrings.xml"), (ss + "</sst>").toUtf8());
    }
    wb += "</sheets></workbook>";
    rels += "</Relationships>";
    parts.insert(parts.begin(), {QString("xl/_rels/workbook.xml.rels"), rels.toUtf8()});
    parts.insert(parts.begin(), {QString("xl/workbook.xml"), wb.toUtf8()});
    parts.insert(parts.begin(),
                 {QString("[Content_Types].xml"),
                  QByteArray("<?xml version=\"1.0\"?><Types "
                             "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")});

    return makeZip(parts);
}

} // namespace testxlsx
