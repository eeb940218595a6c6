#pragma once
/// \file XlsWorkbook.h
/// The cell values of an Excel 97–2003 workbook (.xls: BIFF8 records inside an OLE2 compound file),
/// read from memory. Written from Microsoft's published specifications [MS-CFB] and [MS-XLS].
///
/// Why not Debian's libfreexl (1.0.6): it opens files only by path and, on 6 of the 16 real
/// Micromeritics and BELSORP exports in ../shared/testdata/bet (those saved by Excel for Mac and by
/// BEL software), returns FREEXL_OK with a null handle, i.e. it cannot read them. It would also add a
/// dependency. The subset an instrument report needs is small: sheet names, numbers
/// (NUMBER, RK, MULRK, BOOLERR, cached FORMULA results) and strings (shared string table, LABEL,
/// formula STRING). Formats, fonts, charts and formulas themselves are ignored.
///
/// Every offset is checked against the data; a damaged or hostile file is an Error naming the byte,
/// never a crash. Excel 5/95 workbooks (BIFF5) are refused with a message saying how to convert them.

#include "numeric/Error.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace vanadis {

/// One non-empty cell: a number or a text.
struct XlsCell {
    int row = 0; ///< 0-based
    int col = 0; ///< 0-based
    bool isText = false;
    /// An Excel error value (#DIV/0!, #N/A, #NUM!, … from a BOOLERR cell or a formula result): a number cell
    /// whose number is NaN and whose text is the error literal, so that readers refuse it as not finite
    /// instead of skipping it as empty.
    bool isError = false;
    double number = 0.0;
    QString text;
};

class XlsWorkbook {
public:
    struct Sheet {
        QString name;
        std::vector<XlsCell> cells; ///< sorted by row, then column; no duplicates
        int rowCount = 0;           ///< 1 + largest row index with a cell
        int colCount = 0;           ///< 1 + largest column index with a cell
        /// The cell at (row, col) or nullptr (binary search).
        const XlsCell* cell(int row, int col) const;
        /// Text of a text cell, the number formatted with up to 15 digits, or "" for no cell.
        QString text(int row, int col) const;
    };

    /// Parses \a bytes; \a fileName is used in error messages only. More than \a maxCells cells is refused
    /// (an instrument report has far fewer; a cycler's record sheets, read by LandXlsImporter, more).
    static Expected<XlsWorkbook> read(const QByteArray& bytes, const QString& fileName,
                                      size_t maxCells = 1'000'000);
    /// True when \a head starts with the OLE2 compound-file signature.
    static bool looksLikeCompoundFile(const QByteArray& head);

    const std::vector<Sheet>& sheets() const { return m_sheets; }

private:
    std::vector<Sheet> m_sheets;
};

} // namespace vanadis
