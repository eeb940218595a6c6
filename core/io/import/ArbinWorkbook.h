#pragma once
/// \file ArbinWorkbook.h
/// Arbin MITS Pro Excel export (echem.md §7): sheets `Global_Info`, `Channel_<n>_<k>` (the record of
/// channel n, split over k = 1, 2, … when it outgrows a sheet), `Statistics_<n>`. Each channel sheet has one
/// header row (`Data_Point`, `Date_Time`, `Test_Time(s)`, `Step_Time(s)`, `Step_Index`, `Cycle_Index`,
/// `Voltage(V)`, `Current(A)`, `Charge_Capacity(Ah)`, … — the names of the CSV export) and rows of numbers.
/// The sheets of one channel become one cycling_record with the canonical columns and units of
/// EchemTableReader.h (through the CSV reader's alias table).

#include "io/import/WorkbookReaders.h"

namespace vanadis::workbook {

/// The record of the first channel of an Arbin workbook, or nullopt when no sheet is named Channel_<n>_<k>.
/// Errors name the file, sheet, row and column: a header without time, voltage or current, a text or
/// missing cell in those columns, sheets of one channel with different headers. Other channels' sheets are
/// named in a warning.
Expected<std::optional<ImportedDataset>> readArbinChannels(const Sheets& sheets, const QString& fileName);

} // namespace vanadis::workbook
