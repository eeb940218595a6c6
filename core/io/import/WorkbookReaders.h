#pragma once
/// \file WorkbookReaders.h
/// Instrument layouts inside spreadsheet workbooks, read from the cells of XlsWorkbook (.xls) or
/// XlsxWorkbook (.xlsx) sheets, so that one layout reader serves both file types:
///
/// - 3P Instruments report (bet.md §9): a sheet "Isotherm" with the header row
///   `ID | p (kPa) | p/p0 | V (cm³/g STP) | p0 (kPa) | Time` (a "Charge Number…" row above it),
///   adsorption rows, a row of `---`, desorption rows; a "Summary" sheet of `Label: | value | (unit)`
///   rows with decimal-comma strings (sample, charge name, adsorbate, "0,0304(g)" sample weight, and the
///   vendor's BET block: BET Surface Area, Vm, C, correlation coefficient → metadata "vendor_bet").
/// - A thermogravimetry table (TA Instruments TRIOS / Universal Analysis Excel exports, and any sheet laid
///   out like them): a row naming Time, Temperature and Weight (or Mass) columns with the unit in the
///   cell ("Temperature (°C)") or in the row below ("°C"), then rows of numbers; a key/value block
///   ("Sample name", "Size" / "Sample mass" in mg) gives the sample. Written from TA's documented column
///   names; no real TA workbook is in the test data.
///
/// Each returns nullopt when the layout is not in the workbook, an Error naming the sheet, row and column
/// when it is there but damaged, or the dataset.

#include "io/import/Importer.h"
#include "io/import/XlsWorkbook.h"

#include <optional>

namespace vanadis::workbook {

using Sheets = std::vector<XlsWorkbook::Sheet>;

/// The 3P Instruments isotherm report, as one BET dataset (IsothermAssembler columns).
Expected<std::optional<ImportedDataset>> readThreePReport(const Sheets& sheets, const QString& fileName,
                                                          const QString& sourceFormat);

/// The first sheet holding a TGA table, as one TGA dataset (TgaImportSupport columns).
Expected<std::optional<ImportedDataset>> readTgaTable(const Sheets& sheets, const QString& fileName,
                                                      const QString& sourceFormat);

/// "sheet 'Isotherm', row 30, column D" (1-based row, column letters as a spreadsheet shows them).
QString cellLocation(const XlsWorkbook::Sheet& sheet, int row, int col = -1);

} // namespace vanadis::workbook
