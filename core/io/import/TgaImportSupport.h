#pragma once
/// \file TgaImportSupport.h
/// What the thermogravimetry readers (NETZSCH, TA Universal Analysis, Mettler STARe, PerkinElmer Pyris)
/// share: the one dataset they produce, with columns named exactly "Time" (min), "Temperature" (°C),
/// "Mass" (mg) and "Mass %" (%), both mass columns kept when the sample mass is in the header (tga.md §4);
/// unit conversions; number parsing; line-numbered errors.

#include "io/import/Importer.h"
#include "io/import/TextNumbers.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace vanadis::tgaimport {

/// The columns of a TGA export after unit conversion, before they become a dataset.
struct TgaTable {
    std::vector<double> timeMin;      ///< empty when the export has no time
    std::vector<double> temperatureC; ///< sample temperature
    std::vector<double> massMg;       ///< empty when the export gives % only
    std::vector<double> massPct;      ///< empty when the export gives mg only
    std::vector<Column> extra; ///< further signals (heat flow, gas flows, segment, program temperature)
};

/// What a column of an export holds.
enum class TgaRole { Time, Temperature, MassPct, MassMg, Extra };

/// Moves \a values into the table slot for \a role (Extra columns keep their name and unit).
void assignTgaColumn(TgaTable& table, TgaRole role, const QString& name, const QString& unit,
                     std::vector<double>&& values);

/// The one TGA dataset of a file: technique Tga, kind "mass". The missing mass column is derived from
/// metadata["sample_mass_mg"] when it is positive; "Mass %" without a sample mass is relative to the first
/// point and metadata["mass_pct_reference"] says so. Errors (naming \a file) for a missing temperature or
/// mass, columns of different lengths, or no rows.
Expected<ImportedDataset> makeTgaDataset(const std::string& file, const QString& name, TgaTable table,
                                         QJsonObject metadata);

/// The text lines of a decoded file (LF, CRLF or CR), so that index + 1 is the line number.
QStringList splitLines(const QString& text);

/// The decoded start of a file for sniffing (a UTF-16 head cut at an odd byte is trimmed first); empty when
/// the bytes are not text.
QString sniffText(const QByteArray& head);

/// Parses a number in C locale, with '.' or, when decimalComma, ',' as decimal separator; false for
/// anything else, NaN and infinities included (TextNumbers.h).
using textnum::parseNumber;

/// "line N" for a 0-based line index.
std::string lineAt(qsizetype index);

/// Quoted, shortened text of a line for an error message.
std::string excerpt(const QString& line);

/// Factor to minutes for a time unit ("min", "s", "h"); nullopt when unknown.
std::optional<double> minutesPer(const QString& unit);
/// Factor to mg for a mass unit ("mg", "g", "µg"); nullopt when unknown.
std::optional<double> mgPer(const QString& unit);
/// Offset to °C for a temperature unit ("°C", "C", "K"; "�C" from a mis-decoded degree sign); nullopt when
/// unknown.
std::optional<double> celsiusOffset(const QString& unit);
/// Splits "Weight (mg)", "Temp./°C", "t [s]" into name and unit (unit without brackets).
std::pair<QString, QString> splitNameUnit(const QString& header, QChar slash = QChar('/'));

} // namespace vanadis::tgaimport
