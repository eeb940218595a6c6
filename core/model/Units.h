#pragma once
/// \file Units.h
/// The one spelling rule for units written by instruments and people, so that importers and analyses
/// compare "cm³ g⁻¹", "cm3/g", "(mg)", "°C", "Â°C" and "deg C" the same way. It normalises for
/// comparison only; what is shown keeps the file's own spelling.

#include <QString>
#include <QStringView>

namespace vanadis {

/// Comparison key of a unit: trimmed, enclosing (…) or […] removed, lower case, blanks, quotes, dots,
/// underscores and inner parentheses removed; degree signs mangled by a wrong encoding (U+FFFD, "Â°")
/// and "deg" become "°"; superscripts ³ ¹ ⁻ and the minus sign become 3 1 -; µ/μ become u.
/// "cm³ g⁻¹" → "cm3g-1", "(mg)" → "mg", "Â°C" → "°c", "cm3/g STP" → "cm3/gstp".
QString unitKey(QStringView unit);

} // namespace vanadis
