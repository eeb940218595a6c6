#pragma once
/// \file Types.h
/// Small vocabulary types of the data model: ids, techniques, columns.

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace vanadis {

/// Entity ids are unique within one project file and never reused; 0 means "none".
using Id = std::int64_t;

/// The characterisation techniques; one tab each in the main window.
enum class Technique { Xrd, Xps, Bet, Tga, Echem };

/// All techniques in tab order.
const std::vector<Technique>& allTechniques();
/// Stable machine name used in files and on the command line: xrd, xps, bet, tga, echem.
QString techniqueKey(Technique t);
/// Parses a machine name (case-insensitive); nullopt when unknown.
std::optional<Technique> techniqueFromKey(const QString& key);
/// Translated display name ("XRD", "Electrochemistry", ...).
QString techniqueDisplayName(Technique t);

/// One measured quantity: a named column of float64 values with its unit ("deg", "counts", "mAh/g").
struct Column {
    QString name;
    QString unit;
    std::vector<double> values;
};

} // namespace vanadis
