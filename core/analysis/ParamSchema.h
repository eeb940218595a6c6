#pragma once
/// \file ParamSchema.h
/// The one description of an analysis' parameters from which the GUI form, the JSON stored in the
/// project (AnalysisRun::params), and the CLI options are all derived.

#include "numeric/Error.h"

#include <QJsonObject>
#include <QStringList>
#include <limits>
#include <vector>

namespace vanadis {

/// One parameter. Keys are snake_case with the unit in the name (`p_max`, `dry_below_c`).
struct ParamSpec {
    enum class Type { Number, Integer, Boolean, Choice, Text };
    QString key;
    QString label;  ///< translated, for the form
    Type type = Type::Number;
    QString unit;   ///< shown next to the field ("°C", "nm²"); empty for dimensionless
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    QJsonValue defaultValue;
    QStringList choices; ///< for Choice: the accepted values
    QString help;   ///< tooltip: what it does, the literature source of a default
};

using ParamSchema = std::vector<ParamSpec>;

/// Checks \a given against the schema and fills in defaults for missing keys. Unknown keys, wrong
/// types, values out of range and unknown choices are errors naming the key.
Expected<QJsonObject> applySchema(const ParamSchema& schema, const QJsonObject& given);

} // namespace vanadis
