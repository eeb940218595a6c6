#pragma once
/// \file ResultTable.h
/// An analysis' typed result struct and its output table in one declaration, the counterpart of
/// ParamTable for what an analysis reports. Each row binds one member of the struct to the OutputSpec
/// that describes it (path into the result JSON, translated label, unit, 1σ path, headline flag), so a
/// reported key is written exactly once:
///
///     struct BetResult { Measured area; double r2 = NaN; … };
///     ResultTable<BetResult> t;
///     t.measured(&BetResult::area, "bet.area_m2_g", "bet.area_err", tr("BET area"), "m² g⁻¹").headline();
///     t.value(&BetResult::r2, "bet.r2", tr("BET fit R²")).significant(6);
///
/// outputs() is what AnalysisDescriptor::outputs returns (result view, Compare columns,
/// `vanadis-cli info`, the README tables); write() puts the struct into the result JSON the compute
/// function returns, and refuses a key the compute function already wrote itself, so a declared key
/// has one writer (tst_platform computes every analysis of the demo); read() gives the struct back from a
/// stored result (for another analysis or a test).
///
/// Member types and what they write:
///   double → a number (NaN → null), int → a number, bool, QString,
///   std::optional<double> → a number or null,
///   Measured → the value at `path` and its 1σ at `errorPath` (both required; NaN → null),
///   QJsonObject → a declared group (fitted parameters by name), shown expanded in the result view.

#include "analysis/Analysis.h"
#include "analysis/JsonNumber.h"
#include "numeric/Error.h"

#include <QJsonObject>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace vanadis {

/// A value with its standard uncertainty (1σ); NaN = not available.
struct Measured {
    double value = std::numeric_limits<double>::quiet_NaN();
    double err = std::numeric_limits<double>::quiet_NaN();
};

namespace resulttable_detail {

template <class T>
struct Binding; // defined for each supported member type below

template <>
struct Binding<double> {
    static QJsonValue write(double v) { return jsonNumber(v); }
    static void read(const QJsonValue& v, double& out)
    {
        out = v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
    }
};
template <>
struct Binding<int> {
    static QJsonValue write(int v) { return v; }
    static void read(const QJsonValue& v, int& out) { out = v.toInt(); }
};
template <>
struct Binding<bool> {
    static QJsonValue write(bool v) { return v; }
    static void read(const QJsonValue& v, bool& out) { out = v.toBool(); }
};
template <>
struct Binding<QString> {
    static QJsonValue write(const QString& v) { return v; }
    static void read(const QJsonValue& v, QString& out) { out = v.toString(); }
};
template <>
struct Binding<std::optional<double>> {
    static QJsonValue write(const std::optional<double>& v) { return v ? jsonNumber(*v) : QJsonValue(); }
    static void read(const QJsonValue& v, std::optional<double>& out)
    {
        out = v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
};
template <>
struct Binding<QJsonObject> {
    static QJsonValue write(const QJsonObject& v) { return v; }
    static void read(const QJsonValue& v, QJsonObject& out) { out = v.toObject(); }
};

/// Inserts \a value at the dotted \a path of \a out, creating the parent objects it needs. Fails when
/// the key is already there (written by the compute function besides the table). A null value below a
/// parent the compute function set to null (a whole section not available) is left out.
inline Expected<void> insertAtPath(QJsonObject& out, QStringView path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString key = (dot < 0 ? path : path.left(dot)).toString();
    if (dot < 0) {
        if (out.contains(key))
            return fail("", "result key '" + key.toStdString() + "'",
                        "internal error: written outside the result table");
        out.insert(key, value);
        return {};
    }
    const QJsonValue parent = out.value(key);
    if (value.isNull() && (parent.isNull() || parent.isUndefined())) return {};
    if (!parent.isUndefined() && !parent.isNull() && !parent.isObject())
        return fail("", "result key '" + key.toStdString() + "'", "internal error: not an object");
    QJsonObject child = parent.toObject();
    auto r = insertAtPath(child, path.mid(dot + 1), value);
    if (!r) return r;
    out.insert(key, child);
    return {};
}

} // namespace resulttable_detail

/// The value at a dotted \a path of a result ("bet.area_m2_g"); null when absent (AnalysisRegistry.cpp).
QJsonValue resultValue(const QJsonObject& result, const QString& path);

template <class R>
class ResultTable {
public:
    /// Binds \a member (double, int, bool, QString, std::optional<double>, QJsonObject) to the result
    /// key \a path, shown as \a label (translated) in \a unit (typographic, empty = dimensionless).
    template <class T>
    ResultTable& value(T R::*member, const QString& path, const QString& label, const QString& unit = {})
    {
        using B = resulttable_detail::Binding<T>;
        m_specs.push_back(OutputSpec{path, label, unit, {}, false, {}});
        m_rows.push_back(
            Row{[member, path](const R& r, QJsonObject& out) {
                    return resulttable_detail::insertAtPath(out, path, B::write(r.*member));
                },
                [member, path](R& r, const QJsonObject& in) { B::read(resultValue(in, path), r.*member); }});
        return *this;
    }

    /// Binds a value with its 1σ: the value at \a path, the uncertainty at \a errorPath.
    ResultTable& measured(Measured R::*member, const QString& path, const QString& errorPath,
                          const QString& label, const QString& unit = {})
    {
        using D = resulttable_detail::Binding<double>;
        m_specs.push_back(OutputSpec{path, label, unit, errorPath, false, {}});
        m_rows.push_back(Row{[member, path, errorPath](const R& r, QJsonObject& out) -> Expected<void> {
                                 const Measured& m = r.*member;
                                 auto v = resulttable_detail::insertAtPath(out, path, jsonNumber(m.value));
                                 if (!v) return v;
                                 return resulttable_detail::insertAtPath(out, errorPath, jsonNumber(m.err));
                             },
                             [member, path, errorPath](R& r, const QJsonObject& in) {
                                 D::read(resultValue(in, path), (r.*member).value);
                                 D::read(resultValue(in, errorPath), (r.*member).err);
                             }});
        return *this;
    }

    /// The last row is a headline: shown first in the result view and as a Compare column headed
    /// \a shortLabel (empty = its label).
    ResultTable& headline(const QString& shortLabel = {})
    {
        m_specs.back().headline = true;
        m_specs.back().shortLabel = shortLabel;
        return *this;
    }
    /// Digits of the last row's value when it has no uncertainty (R²: 6).
    ResultTable& significant(int digits)
    {
        m_specs.back().significant = digits;
        return *this;
    }

    const std::vector<OutputSpec>& outputs() const { return m_specs; }

    /// Writes every member of \a r into \a out at its declared path. Fails, naming the key, when the
    /// key is already in \a out: a declared key has one writer, the table.
    Expected<void> write(const R& r, QJsonObject& out) const
    {
        for (const Row& row : m_rows)
            if (auto w = row.write(r, out); !w) return w;
        return {};
    }

    /// The struct from a stored result; absent keys give the member's empty value (NaN, nullopt, "").
    R read(const QJsonObject& result) const
    {
        R r{};
        for (const Row& row : m_rows)
            row.read(r, result);
        return r;
    }

private:
    struct Row {
        std::function<Expected<void>(const R&, QJsonObject&)> write;
        std::function<void(R&, const QJsonObject&)> read;
    };
    std::vector<OutputSpec> m_specs;
    std::vector<Row> m_rows;
};

} // namespace vanadis
