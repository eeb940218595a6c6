#pragma once
/// \file XlsxSheetScanner.h
/// Streams the cells of one SpreadsheetML worksheet (ECMA-376 Part 1 §18.3: `<row r>` / `<c r t>` with a
/// `<v>` value or an `<is><t>` inline string) straight from the inflating zip entry, without building a
/// DOM or holding the sheet's XML: a cycler's record sheet of a million rows (tens of millions of cells,
/// hundreds of MB of XML) costs only the columns its reader keeps. XlsxWorkbook (all cells as objects,
/// limited to a million) stays the reader of small report workbooks. Element names may carry a namespace
/// prefix (`<x:c>`); formulas and styles are ignored.

#include "numeric/Error.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vanadis {

class ZipArchive;

namespace xlsx {

/// The shared-string table (xl/sharedStrings.xml) as UTF-8 in one buffer (millions of distinct strings,
/// such as LAND's "D-HH:MM:SS" test times, stay cheap); XML entities decoded, phonetic runs left out.
class SharedStrings {
public:
    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    std::string_view at(std::size_t k) const
    {
        return std::string_view(m_text).substr(m_offsets[k], m_offsets[k + 1] - m_offsets[k]);
    }

private:
    friend Expected<SharedStrings> readSharedStrings(const ZipArchive&, const QString&, qint64);
    std::string m_text;
    std::vector<std::size_t> m_offsets;
};

/// Reads the workbook's shared strings (an empty table when the part is absent).
Expected<SharedStrings> readSharedStrings(const ZipArchive& zip, const QString& fileName, qint64 maxBytes);

/// One cell as written: its 0-based position, the `t` attribute, and the raw (still XML-escaped) text of
/// its `<v>` or inline `<t>`.
struct CellView {
    int row = 0;
    int col = 0;
    enum class Type { Number, Shared, InlineText, FormulaText, Bool, Error } type = Type::Number;
    std::string_view raw;
    qint64 offset =
        0; ///< byte offset of the cell's end tag region in the part's XML (progress, size estimates)
};

/// Hands every non-empty cell of worksheet \a part to \a cell in document order (rows ascending). \a cell
/// returns false to stop (the caller keeps its error). Errors name the file and the part: damaged XML, a
/// bad cell reference, a sheet cut inside a cell.
Expected<void> scanSheet(const ZipArchive& zip, const QString& part, const QString& fileName, qint64 maxBytes,
                         const std::function<bool(const CellView&)>& cell);

/// \a raw with the five XML entities and numeric character references decoded.
std::string unescapeXml(std::string_view raw);

/// Column letters as a spreadsheet shows them ("A", "AB") of a 0-based column.
QString columnLetters(int col);

} // namespace xlsx
} // namespace vanadis
