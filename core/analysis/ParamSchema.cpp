#include "analysis/ParamSchema.h"

#include <cmath>

namespace vanadis {

Expected<QJsonObject> applySchema(const ParamSchema& schema, const QJsonObject& given)
{
    QJsonObject out;
    for (auto it = given.begin(); it != given.end(); ++it) {
        const bool known = std::any_of(schema.begin(), schema.end(), [&](const ParamSpec& s) { return s.key == it.key(); });
        if (!known) return fail("", "parameter '" + it.key().toStdString() + "'", "unknown parameter");
    }
    for (const ParamSpec& s : schema) {
        const std::string where = "parameter '" + s.key.toStdString() + "'";
        // null = "not set" (optional parameters such as a cursor temperature): the default applies.
        if (!given.contains(s.key) || given.value(s.key).isNull()) {
            out.insert(s.key, s.defaultValue);
            continue;
        }
        const QJsonValue v = given.value(s.key);
        switch (s.type) {
        case ParamSpec::Type::Number:
        case ParamSpec::Type::Integer: {
            if (!v.isDouble()) return fail("", where, "expects a number");
            const double d = v.toDouble();
            if (!std::isfinite(d)) return fail("", where, "expects a finite number");
            if (s.type == ParamSpec::Type::Integer && d != std::floor(d)) return fail("", where, "expects a whole number");
            if (d < s.min || d > s.max)
                return fail("", where,
                            "value " + std::to_string(d) + " is outside " + std::to_string(s.min) + " … " + std::to_string(s.max));
            break;
        }
        case ParamSpec::Type::Boolean:
            if (!v.isBool()) return fail("", where, "expects true or false");
            break;
        case ParamSpec::Type::Choice:
            if (!v.isString() || !s.choices.contains(v.toString()))
                return fail("", where, "expects one of: " + s.choices.join(", ").toStdString());
            break;
        case ParamSpec::Type::Text:
            if (!v.isString()) return fail("", where, "expects text");
            break;
        }
        out.insert(s.key, v);
    }
    return out;
}

} // namespace vanadis
