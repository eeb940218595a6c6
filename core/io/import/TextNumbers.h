#pragma once
/// \file TextNumbers.h
/// The one number and unit-text layer of the importers and the column-mapping dialog, so that a cell
/// the preview marks as a number is exactly a cell read() accepts.
///
/// Numbers are read in the C locale, as instrument exports write them: an optional sign ('+', '-' or the
/// true minus U+2212), digits with one decimal separator, an optional exponent ("1.5e-3", ".5", "5.").
/// The decimal separator is '.', or ',' when the file uses a decimal comma; a '.' in a decimal-comma
/// number is refused because "1.234" there means 1234 in a German export and 1.234 in an English one.
/// No thousands separators (use IsothermAssembler::leadingNumber for report text like "1,596.46").
/// Parsing is std::from_chars (correctly rounded, as QString::toDouble, but without its allocation).

#include "model/Units.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace vanadis::textnum {

/// What a cell of a text table holds.
enum class CellKind {
    Empty,     ///< only whitespace: a missing value
    Number,    ///< a finite number
    NonFinite, ///< "NaN", "inf", "-Infinity" or a number beyond the double range: a number that is not usable
    Text,      ///< anything else (a word, "1,5" without decimal comma, "1e", "0x10")
};

/// Classifies \a cell and, for CellKind::Number, sets \a out. \a out is NaN for every other kind.
CellKind classify(QStringView cell, bool decimalComma, double& out);

/// The finite number in \a cell, or nullopt (empty, NaN, infinity, text).
std::optional<double> parseFinite(QStringView cell, bool decimalComma = false);

/// True for a finite number; sets \a out. (The form the line-oriented TGA readers use.)
inline bool parseNumber(QStringView cell, bool decimalComma, double& out)
{
    return classify(cell, decimalComma, out) == CellKind::Number;
}

/// A cell in an error message: quoted, control characters shown as \\xNN, cut to \a maxChars.
std::string quoteCell(QStringView cell, qsizetype maxChars = 40);

/// Why a cell is not a number, for "'nan' is not a finite number" style messages.
std::string notANumberReason(QStringView cell, bool decimalComma);

/// The unit spelling rule of the whole program (model/Units.h).
using vanadis::unitKey;

} // namespace vanadis::textnum
