#include "analysis/ParamSchema.h"

#include <cmath>

namespace vanadis {

namespace {

Expected<QJsonValue> checkValue(const ParamSpec& s, const QJsonValue& v, const std::string& where)
{
    switch (s.type) {
    case ParamSpec::Type::Number:
    case ParamSpec::Type::Integer: {
        if (!v.isDouble()) return fail("", where, "expects a number");
        const double d = v.toDouble();
        if (!std::isfinite(d)) return fail("", where, "expects a finite number");
        if (s.type == ParamSpec::Type::Integer && d != std::floor(d))
            return fail("", where, "expects a whole number");
        if (d < s.min || d > s.max)
            return fail("", where,
                        "value " + std::to_string(d) + " is outside " + std::to_string(s.min) + " … " +
                            std::to_string(s.max));
        return v;
    }
    case ParamSpec::Type::Boolean:
        if (!v.isBool()) return fail("", where, "expects true or false");
        return v;
    case ParamSpec::Type::Choice:
        if (!v.isString() || !s.choices.contains(v.toString()))
            return fail("", where, "expects one of: " + s.choices.join(", ").toStdString());
        return v;
    case ParamSpec::Type::Text:
        if (!v.isString()) return fail("", where, "expects text");
        if (s.validator)
            if (auto problem = s.validator(v.toString())) return fail("", where, problem->toStdString());
        return v;
    case ParamSpec::Type::Range: {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
            return fail("", where, "expects a range [from, to]");
        const double lo = a[0].toDouble(), hi = a[1].toDouble();
        if (!std::isfinite(lo) || !std::isfinite(hi) || lo >= hi) return fail("", where, "expects from < to");
        if (lo < s.min || hi > s.max)
            return fail("", where,
                        "range is outside " + std::to_string(s.min) + " … " + std::to_string(s.max));
        return v;
    }
    case ParamSpec::Type::Table: {
        if (!v.isArray()) return fail("", where, "expects a table (a list of rows)");
        QJsonArray rows;
        int i = 0;
        for (const QJsonValue& row : v.toArray()) {
            ++i;
            if (!row.isObject())
                return fail("", where + ", row " + std::to_string(i), "expects a row object");
            auto checked = applySchema(s.columns, row.toObject());
            if (!checked)
                return fail("", where + ", row " + std::to_string(i) + ", " + checked.error().location,
                            checked.error().reason);
            rows.append(*checked);
        }
        return QJsonValue(rows);
    }
    case ParamSpec::Type::DatasetRef:
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() <= 0)
            return fail("", where, "expects a dataset id");
        return v;
    }
    return v;
}

ParamSpec base(const char* key, const QString& label, ParamSpec::Type type, const QString& help)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.type = type;
    s.help = help;
    return s;
}

} // namespace

Expected<QJsonObject> applySchema(const ParamSchema& schema, const QJsonObject& given)
{
    QJsonObject out;
    for (auto it = given.begin(); it != given.end(); ++it) {
        const bool known =
            std::any_of(schema.begin(), schema.end(), [&](const ParamSpec& s) { return s.key == it.key(); });
        if (!known) return fail("", "parameter '" + it.key().toStdString() + "'", "unknown parameter");
    }
    for (const ParamSpec& s : schema) {
        const std::string where = "parameter '" + s.key.toStdString() + "'";
        // null = "not set" (optional parameters such as a cursor temperature): the default applies.
        if (!given.contains(s.key) || given.value(s.key).isNull()) {
            out.insert(s.key, s.defaultValue);
            continue;
        }
        auto v = checkValue(s, given.value(s.key), where);
        if (!v) return std::unexpected(v.error());
        out.insert(s.key, *v);
    }
    return out;
}

ParamSpec numberParam(const char* key, const QString& label, const QString& unit, double def, double lo,
                      double hi, const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::Number, help);
    s.unit = unit;
    s.defaultValue = def;
    s.min = lo;
    s.max = hi;
    return s;
}

ParamSpec integerParam(const char* key, const QString& label, const QString& unit, int def, int lo, int hi,
                       const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::Integer, help);
    s.unit = unit;
    s.defaultValue = def;
    s.min = lo;
    s.max = hi;
    return s;
}

ParamSpec boolParam(const char* key, const QString& label, bool def, const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::Boolean, help);
    s.defaultValue = def;
    return s;
}

ParamSpec choiceParam(const char* key, const QString& label, const QStringList& choices, const QString& def,
                      const QStringList& labels, const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::Choice, help);
    s.choices = choices;
    s.choiceLabels = labels;
    s.defaultValue = def;
    return s;
}

ParamSpec textParam(const char* key, const QString& label, const QString& def, const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::Text, help);
    s.defaultValue = def;
    return s;
}

ParamSpec datasetRefParam(const char* key, const QString& label, const QStringList& types,
                          const QString& help)
{
    ParamSpec s = base(key, label, ParamSpec::Type::DatasetRef, help);
    s.defaultValue = QJsonValue(QJsonValue::Null);
    s.optional = true;
    s.datasetTypes = types;
    return s;
}

} // namespace vanadis
