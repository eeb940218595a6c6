#pragma once
/// \file LandLayout.h
/// The LANDdt export layout (echem.md §7; LandXlsxImporter.h describes it) read from the cells of its
/// sheets, whatever the workbook format: LandXlsxImporter streams .xlsx sheets, LandXlsImporter hands over
/// the cells of an Excel 97–2003 .xls (old LANDdt). One reader, so that both formats give the same dataset.

#include "io/import/Importer.h"

#include <QStringList>
#include <functional>
#include <string_view>

namespace vanadis::land {

/// One cell of a sheet in document order (rows ascending, columns ascending within a row).
struct Cell {
    int row = 0; ///< 0-based
    int col = 0; ///< 0-based
    enum class Kind {
        NumberText, ///< a number as written in the XML (text)
        Number,     ///< a number already decoded (BIFF)
        Text,       ///< UTF-8 text
        Bool,       ///< text "1" or "0"
        Error,      ///< an Excel error literal (#N/A …) in text
    } kind = Kind::Number;
    std::string_view text; ///< valid during the call only
    double number = 0.0;
    double progress = -1.0; ///< share of the sheet read so far (0–1) or −1: to reserve columns once
};

using CellSink = std::function<bool(const Cell&)>;

/// A sheet: its name and a function that hands every cell to a sink (which returns false to stop).
struct SheetSource {
    QString name;
    std::function<Expected<void>(const CellSink&)> scan;
};

/// True when the sheet names are those of a LANDdt export (a record sheet, or cycle and step sheets).
bool looksLikeLandSheets(const QStringList& sheetNames);

/// The dataset of a LANDdt workbook (see LandXlsxImporter.h); errors name file, sheet, row and column.
Expected<std::vector<ImportedDataset>> readWorkbook(const std::vector<SheetSource>& sheets,
                                                    const QString& fileName);

/// Column letters as a spreadsheet shows them ("A", "AB") of a 0-based column.
QString columnLetters(int col);

} // namespace vanadis::land
