#pragma once
/// \file XlsxWorkbook.h
/// The cell values of an Office Open XML workbook (.xlsx; ECMA-376 Part 1 §18, SpreadsheetML), read from
/// memory: sheet names and order from xl/workbook.xml and its relationships, shared strings, and per
/// sheet the cells' numbers (`<v>`), strings (shared, inline, formula `str`), booleans and error values
/// (NaN with the error text, as XlsWorkbook does). Formats, styles and formulas are ignored. The zip
/// container is opened with io/ZipArchive, XML with QXmlStreamReader.
///
/// Limits keep a hostile file harmless: at most 64 MiB unpacked per part (a zip bomb is refused after
/// that many bytes, whatever its header claims), 1 000 000 cells, 256 sheets. Errors name the file and
/// the part (and line of the XML) that is damaged.

#include "io/import/XlsWorkbook.h"

namespace vanadis {

class ZipArchive;

/// A worksheet of a workbook: its name and the zip part holding its XML.
struct XlsxSheetPart {
    QString name;
    QString part; ///< e.g. "xl/worksheets/sheet1.xml"
};

class XlsxWorkbook {
public:
    /// Parses \a bytes; \a fileName is used in error messages only.
    static Expected<XlsxWorkbook> read(const QByteArray& bytes, const QString& fileName);
    /// True when \a head is a zip archive whose first entries include SpreadsheetML parts.
    static bool looksLikeXlsx(const QByteArray& head);
    /// The sheets of the opened workbook \a zip in workbook order (xl/workbook.xml and its relationships),
    /// for readers that stream a large sheet themselves (LandXlsxImporter).
    static Expected<std::vector<XlsxSheetPart>> sheetParts(const ZipArchive& zip, const QString& fileName);

    /// Sheets in workbook order (the Sheet type of XlsWorkbook, so that readers serve both formats).
    const std::vector<XlsWorkbook::Sheet>& sheets() const { return m_sheets; }

private:
    std::vector<XlsWorkbook::Sheet> m_sheets;
};

} // namespace vanadis
