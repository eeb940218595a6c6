#pragma once
/// \file ColumnRoles.h
/// What the columns of a generic table mean to an analysis: the snake_case headers scripts and
/// notebooks write (`relative_pressure`, `amount_mmol_g`, `branch`, `temperature_C`, `time_min`,
/// `mass_pct` …) recognised as the columns the BET and TGA analyses read ("P/P0", "Quantity Adsorbed",
/// "Branch"; "Time", "Temperature", "Mass", "Mass %") with the unit their suffix names, and the
/// command-line column mapping `ROLE=COLUMN[:UNIT],…` turned into the DelimitedOptions.mapping the
/// GUI's mapping dialog fills.

#include "io/import/DelimitedTextImporter.h"

#include <optional>

namespace vanadis {

/// The canonical column (name, unit) for a snake_case header such as "amount_cm3_g" or "temperature_c"
/// (case-insensitive); nullopt when the header is not one of them. A suffix that is not a known unit
/// ("amount_xyz") gives nullopt too: the unit is never guessed.
std::optional<std::pair<QString, QString>> canonicalColumn(const QString& header);

/// 0 for "ads"/"adsorption", 1 for "des"/"desorption" (any case); nullopt otherwise. The words a
/// "Branch" column may hold instead of 0/1.
std::optional<double> branchWord(QStringView cell);

/// The roles `--columns` knows for \a technique: BET p_rel, amount, branch; TGA time, temperature, mass,
/// mass_pct. Other techniques take the role as the column name the analysis reads.
QStringList columnRoles(Technique technique);

/// Parses "p_rel=relative_pressure,amount=3:mmol/g" against \a layout: COLUMN is a header name (as the
/// file writes it, or its canonical name) or a 1-based index; the unit after ':' is optional (else the
/// header's, else the role's). Errors name \a fileName and the entry.
Expected<std::vector<ColumnMapping>> parseColumnSpec(const QString& spec, Technique technique,
                                                     const DelimitedLayout& layout, const QString& fileName);

/// parseColumnSpec() for a file on disk: reads its start, detects the layout, resolves the columns.
Expected<std::vector<ColumnMapping>> columnMappingForFile(const QString& path, const QString& spec,
                                                          Technique technique);

/// For an isotherm read from a generic table: rows whose "P/P0" lies just outside 0 < p/p0 ≤ 1 (down to
/// −0.001, up to 1.05; gauge noise, p0 measured low) are removed from every column and named (with
/// \a lines, the 1-based line of each row) in one warning; a p/p0 further out is an Error naming the line.
Expected<void> leaveOutNoisePressures(ImportedDataset& dataset, const std::vector<int>& lines,
                                      const std::string& fileName);

} // namespace vanadis
