#pragma once
/// \file AvantageWorkbook.h
/// Thermo Scientific Avantage "Excel export" (.xlsx) of XPS regions (xps.md §7), read from the cells of
/// XlsxWorkbook sheets. Layout, as a real export (testdata xps/khervefitting/Hard_carbon_Thermo.xlsx) has
/// it: one sheet per region named "<region> Scan" ("C1s Scan", "O1s Scan", "Survey Scan"); in row 7
/// `Axis | Energy | Elements= | n` (n points; some exports also put "Acquisition Parameters :" in H1);
/// the column header row (A: "Binding Energy (E)" or "Kinetic Energy (E)", further columns: the fitted
/// components, "Backgnd.", "Envelope", "Residuals"; C has no name: the measured counts), the unit row
/// below it ("eV", "Counts / s"), then n rows of numbers, energies descending. Sheets without that layout
/// ("Peak Table", "Titles", "Quantifications") are left out and named in the metadata.
///
/// Every region becomes an XPS region dataset ("Binding Energy", "Intensity", then the vendor's fit
/// curves as extra columns). A workbook with none of these sheets is not this format (nullopt); a sheet
/// with the layout but damaged (a point count that is not a positive integer, fewer rows than it
/// promises, a text or error value among the numbers, kinetic energies without an excitation energy) is
/// an Error naming the sheet, row and column.

#include "io/import/Importer.h"
#include "io/import/XlsWorkbook.h"

#include <optional>

namespace vanadis::workbook {

/// True when \a sheet has the region layout above (an "Elements=" cell with a count to its right in the
/// first 20 rows).
bool isAvantageRegionSheet(const XlsWorkbook::Sheet& sheet);

/// The regions of an Avantage export, or nullopt when no sheet has the region layout.
Expected<std::optional<std::vector<ImportedDataset>>>
readAvantageXps(const std::vector<XlsWorkbook::Sheet>& sheets, const QString& fileName,
                const QString& sourceFormat);

} // namespace vanadis::workbook
