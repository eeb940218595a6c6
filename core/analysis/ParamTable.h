#pragma once
/// \file ParamTable.h
/// An analysis' typed parameter struct and its field table in one declaration. Each row binds one
/// member of the struct to the ParamSpec that describes it (key, translated label, unit, bounds,
/// default, flags), so a key is written exactly once:
///
///     struct BetParams { double pMin = -1; int minPoints = 10; QString thickness; … };
///     ParamTable<BetParams> t;
///     t.field(&BetParams::pMin, numberParam("p_min", tr("BET range from"), "p/p0", -1, -1, 1));
///
/// schema() feeds the form, the CLI options, `--list-params` and the documentation; read() checks
/// stored or given JSON against the schema (defaults filled in, errors naming the key) and returns
/// the struct the compute function works with; write() gives the JSON stored in the project.
///
/// Member types and the ParamSpec types they bind to:
///   double ↔ Number, int ↔ Integer, bool ↔ Boolean, QString ↔ Choice or Text,
///   std::optional<double> ↔ an optional Number (null = not set),
///   std::optional<ParamRange> ↔ Range, std::optional<Id> ↔ DatasetRef,
///   std::vector<Row> ↔ Table (rows described by a nested ParamTable<Row>).

#include "analysis/ParamSchema.h"
#include "model/Types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <optional>
#include <type_traits>
#include <vector>

namespace vanadis {

/// A [from, to] parameter (a BET window, a fitting range), in the unit of its ParamSpec.
struct ParamRange {
    double from = 0.0;
    double to = 0.0;
    bool operator==(const ParamRange&) const = default;
};

namespace paramtable_detail {

template <class T>
struct Binding; // defined for each supported member type below

template <>
struct Binding<double> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::Number && !s.optional; }
    static void read(const QJsonValue& v, double& out) { out = v.toDouble(); }
    static QJsonValue write(double v) { return v; }
};
template <>
struct Binding<int> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::Integer && !s.optional; }
    static void read(const QJsonValue& v, int& out) { out = v.toInt(); }
    static QJsonValue write(int v) { return v; }
};
template <>
struct Binding<bool> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::Boolean; }
    static void read(const QJsonValue& v, bool& out) { out = v.toBool(); }
    static QJsonValue write(bool v) { return v; }
};
template <>
struct Binding<QString> {
    static bool accepts(const ParamSpec& s)
    {
        return s.type == ParamSpec::Type::Choice || s.type == ParamSpec::Type::Text;
    }
    static void read(const QJsonValue& v, QString& out) { out = v.toString(); }
    static QJsonValue write(const QString& v) { return v; }
};
template <>
struct Binding<std::optional<double>> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::Number && s.optional; }
    static void read(const QJsonValue& v, std::optional<double>& out)
    {
        out = v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    static QJsonValue write(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); }
};
template <>
struct Binding<std::optional<ParamRange>> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::Range; }
    static void read(const QJsonValue& v, std::optional<ParamRange>& out)
    {
        const QJsonArray a = v.toArray();
        out = a.size() == 2 ? std::optional<ParamRange>(ParamRange{a[0].toDouble(), a[1].toDouble()})
                            : std::nullopt;
    }
    static QJsonValue write(const std::optional<ParamRange>& v)
    {
        return v ? QJsonValue(QJsonArray{v->from, v->to}) : QJsonValue();
    }
};
template <>
struct Binding<std::optional<Id>> {
    static bool accepts(const ParamSpec& s) { return s.type == ParamSpec::Type::DatasetRef; }
    static void read(const QJsonValue& v, std::optional<Id>& out)
    {
        out = v.isDouble() ? std::optional<Id>(Id(v.toDouble())) : std::nullopt;
    }
    static QJsonValue write(const std::optional<Id>& v) { return v ? QJsonValue(double(*v)) : QJsonValue(); }
};

} // namespace paramtable_detail

template <class P>
class ParamTable {
public:
    /// Binds \a member to \a spec. The member's type must fit the spec's type (see the file comment);
    /// a mismatch is a programming error: read() then fails naming the key, so the first test that
    /// computes the analysis catches it.
    template <class T>
    ParamTable& field(T P::*member, ParamSpec spec)
    {
        using B = paramtable_detail::Binding<T>;
        if (!B::accepts(spec)) m_mismatched.push_back(spec.key);
        m_schema.push_back(std::move(spec));
        m_rows.push_back(Row{[member](P& p, const QJsonValue& v) { B::read(v, p.*member); },
                             [member](const P& p) { return B::write(p.*member); }});
        return *this;
    }

    /// Binds a list member to a Table spec whose rows are described by \a rows.
    template <class R>
    ParamTable& table(std::vector<R> P::*member, ParamSpec spec, const ParamTable<R>& rows)
    {
        if (spec.type != ParamSpec::Type::Table) m_mismatched.push_back(spec.key);
        spec.columns = rows.schema();
        m_schema.push_back(std::move(spec));
        m_rows.push_back(Row{[member, rows](P& p, const QJsonValue& v) {
                                 (p.*member).clear();
                                 for (const QJsonValue& row : v.toArray())
                                     (p.*member).push_back(rows.fill(row.toObject()));
                             },
                             [member, rows](const P& p) {
                                 QJsonArray a;
                                 for (const R& r : p.*member)
                                     a.append(rows.write(r));
                                 return QJsonValue(a);
                             }});
        return *this;
    }

    /// The last row's spec, to set a flag that has no builder argument (advanced, autoBelow, …).
    ParamSpec& last() { return m_schema.back(); }

    const ParamSchema& schema() const { return m_schema; }

    /// Checks \a given against the schema (unknown keys, wrong types, out of range: errors naming the
    /// key; missing keys take their defaults) and returns the typed parameters.
    Expected<P> read(const QJsonObject& given) const
    {
        if (!m_mismatched.empty())
            return fail("", "parameter '" + m_mismatched.join("', '").toStdString() + "'",
                        "internal error: bound to a member of another type");
        auto applied = applySchema(m_schema, given);
        if (!applied) return std::unexpected(applied.error());
        return fill(*applied);
    }

    /// The parameters with every default of the table (the struct itself declares none, so that a
    /// default is written once).
    P defaults() const
    {
        auto applied = applySchema(m_schema, {});
        return applied ? fill(*applied) : P{};
    }

    /// The JSON of \a p, every key present (what applySchema would return for it).
    QJsonObject write(const P& p) const
    {
        QJsonObject o;
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            o.insert(m_schema[i].key, m_rows[i].write(p));
        return o;
    }

    /// The struct from JSON already checked by applySchema (every key present).
    P fill(const QJsonObject& checked) const
    {
        P p{};
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            m_rows[i].read(p, checked.value(m_schema[i].key));
        return p;
    }

private:
    struct Row {
        std::function<void(P&, const QJsonValue&)> read;
        std::function<QJsonValue(const P&)> write;
    };
    ParamSchema m_schema;
    std::vector<Row> m_rows;
    QStringList m_mismatched;
};

} // namespace vanadis
