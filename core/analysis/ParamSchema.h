#pragma once
/// \file ParamSchema.h
/// The one description of an analysis' parameters from which the GUI form, the JSON stored in the
/// project (AnalysisRun::params), the CLI options and `--list-params` are all derived.

#include "numeric/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace vanadis {

/// One parameter. Keys are snake_case with the unit in the name (`p_max`, `dry_below_c`).
struct ParamSpec {
    enum class Type {
        Number,
        Integer,
        Boolean,
        Choice,
        Text,      ///< free text, checked by `validator` when set (e.g. an equivalent circuit)
        Range,     ///< [lo, hi] in `unit`, or null = not set; a figure span may edit it
        Table,     ///< array of rows (objects), the row fields described by `columns`
        DatasetRef ///< the id of another dataset of the project (a blank, a reference phase), or null
    };
    QString key;
    QString label; ///< translated, for the form
    Type type = Type::Number;
    QString unit; ///< shown next to the field ("°C", "nm²"); empty for dimensionless
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    QJsonValue defaultValue;
    QStringList choices;      ///< for Choice: the accepted values (stored)
    QStringList choiceLabels; ///< for Choice: translated display labels, same order; empty = the values
    QString help;             ///< tooltip: what it does, the literature source of a default
    bool optional = false;    ///< null allowed ("not set"); the default applies or the feature is off
    bool advanced = false;    ///< folded away in the form under "Advanced"
    /// Numbers below this mean "automatic" (shown as such): BET's p_min = −1.
    std::optional<double> autoBelow;
    /// For Integer: what the form shows at the minimum when it means something else than the number
    /// (CV "cycle" 0 → "last", dQ/dV window 0 → "no smoothing"); translated; empty = the number.
    QString minimumMeans;
    /// For the first key of a pair edited together by a span: the pair's name ("BET window").
    QString rangeLabel;
    std::vector<ParamSpec> columns; ///< for Table: one spec per field of a row
    QStringList datasetTypes;       ///< for DatasetRef: the accepted dataset types
    /// For DatasetRef: while the value is null, every dataset of `datasetTypes` of the main dataset's sample
    /// is handed to the computation as a reference (ComputeInputs::references), which picks one when exactly
    /// one fits (XRD in-situ series: the sample's cycling record). The form shows "automatic".
    bool sampleDefault = false;
    /// For Text: an error sentence for an invalid value, nullopt when valid.
    std::function<std::optional<QString>(const QString&)> validator;
    /// For Text: the id of a drawing the form shows under the field and redraws as the text changes
    /// (widgets/ParamPreviews.cpp: "echem_circuit" draws an equivalent circuit); empty = none.
    QString preview;
    /// For Choice: the values of other parameters the form fills in when the user picks a value (XPS
    /// "start from preset" → that preset's component table); empty object or unset = none.
    std::function<QJsonObject(const QString&)> fills;
};

using ParamSchema = std::vector<ParamSpec>;

/// Checks \a given against the schema and fills in defaults for missing keys. Unknown keys, wrong
/// types, values out of range and unknown choices are errors naming the key.
Expected<QJsonObject> applySchema(const ParamSchema& schema, const QJsonObject& given);

/// Builders, so that a declaration reads as a table (key, label, unit, default, bounds, help).
ParamSpec numberParam(const char* key, const QString& label, const QString& unit, double def, double lo,
                      double hi, const QString& help = {});
ParamSpec integerParam(const char* key, const QString& label, const QString& unit, int def, int lo, int hi,
                       const QString& help = {});
ParamSpec boolParam(const char* key, const QString& label, bool def, const QString& help = {});
/// Free text, or text checked by a validator set on the result (an equivalent circuit, a column name).
ParamSpec textParam(const char* key, const QString& label, const QString& def, const QString& help = {});
/// The id of another dataset of the project of one of \a types (a blank run, a C 1s region), or null.
ParamSpec datasetRefParam(const char* key, const QString& label, const QStringList& types,
                          const QString& help = {});
/// \a labels: translated display labels of \a choices (same order), may be empty.
ParamSpec choiceParam(const char* key, const QString& label, const QStringList& choices, const QString& def,
                      const QStringList& labels = {}, const QString& help = {});

} // namespace vanadis
