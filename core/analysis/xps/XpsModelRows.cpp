#include "analysis/xps/XpsModelRows.h"

#include "model/Translate.h"
#include "numeric/fit/Expression.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>
#include <map>
#include <set>

namespace vanadis {

namespace {

QString tr(const char* text)
{
    return translated("vanadis::XpsModelRows", text);
}

ParamSpec optionalNumber(const char* key, const QString& label, const QString& unit, const QString& help = {})
{
    ParamSpec s = numberParam(key, label, unit, 0.0, -1e300, 1e300, help);
    s.defaultValue = QJsonValue();
    s.optional = true;
    return s;
}

ParamSpec tableParam(const char* key, const QString& label, const QString& help)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.type = ParamSpec::Type::Table;
    s.defaultValue = QJsonArray();
    s.help = help;
    return s;
}

const QStringList& shapeKeys()
{
    static const QStringList k = {"gl", "sgl", "la", "voigt"};
    return k;
}

bool isIdentifier(const QString& s)
{
    if (s.isEmpty() || s.front().isDigit()) return false;
    for (QChar c : s)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != '_') return false;
    return true;
}

std::optional<double> bound(double v)
{
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::string where(const char* table, std::size_t row, const char* column)
{
    return std::string(table) + " row " + std::to_string(row + 1) + ", column '" + column + "'";
}

/// Default of a shape extra other than the GL/SGL mixing m (the generic model's start values).
xps::ParamSpec extraDefault(const std::string& name)
{
    if (name == "alpha" || name == "beta") return {1.0, 0.55, 3.0};
    if (name == "fwhm_l") return {0.3, 0.0, 5.0};
    if (name == "eta") return {0.3, 0.0, 1.0};
    return {1.0, 0.5000001, 50.0};
}

QStringList splitGroups(const QString& s)
{
    QStringList out;
    for (const QString& g : s.split(',', Qt::SkipEmptyParts))
        if (!g.trimmed().isEmpty()) out << g.trimmed();
    return out;
}

template <class R>
Expected<std::vector<R>> readTable(const ParamTable<R>& table, const QJsonValue& v, const char* name)
{
    std::vector<R> rows;
    if (v.isUndefined() || v.isNull()) return rows;
    if (!v.isArray()) return fail("", std::string("'") + name + "'", "expects a list of rows");
    int i = 0;
    for (const QJsonValue& row : v.toArray()) {
        ++i;
        if (!row.isObject())
            return fail("", std::string(name) + " row " + std::to_string(i), "expects an object");
        auto r = table.read(row.toObject());
        if (!r) {
            std::string loc = r.error().location;
            // "parameter 'tie_area'" → "column 'tie_area'"
            if (loc.rfind("parameter ", 0) == 0) loc = "column " + loc.substr(10);
            std::string reason = r.error().reason;
            if (reason == "unknown parameter") {
                QStringList cols;
                for (const ParamSpec& s : table.schema())
                    cols << s.key;
                reason = "unknown column (known: " + cols.join(", ").toStdString() + ")";
            }
            return fail("", std::string(name) + " row " + std::to_string(i) + (loc.empty() ? "" : ", " + loc),
                        reason);
        }
        rows.push_back(*r);
    }
    return rows;
}

} // namespace

const ParamTable<XpsComponentRow>& xpsComponentRowTable()
{
    static const ParamTable<XpsComponentRow> t = [] {
        using R = XpsComponentRow;
        const QString ev = QStringLiteral("eV");
        ParamTable<R> t;
        t.field(&R::name, textParam("name", tr("Name"), {}, tr("Identifier: letters, digits, '_'.")));
        t.field(&R::label, textParam("label", tr("Label"), {}));
        t.field(&R::shape,
                choiceParam(
                    "shape", tr("Shape"), shapeKeys(), QStringLiteral("gl"),
                    {tr("GL(m), CasaXPS product"), tr("SGL(m), sum"), tr("LA asymmetric"), tr("Voigt")}, {}));
        t.field(&R::centerEv, numberParam("center", tr("Centre"), ev, 0.0, -100.0, 3000.0));
        t.field(&R::fwhmEv, numberParam("fwhm", tr("FWHM"), ev, 1.0, 0.0, 100.0,
                                        tr("Width parameter F (GL(m): the true FWHM is reported).")));
        t.field(&R::area, optionalNumber("area", tr("Area (start)"), QString(), tr("Empty: from the data.")));
        t.field(&R::centerLoEv, optionalNumber("center_lo", tr("Centre from"), ev));
        t.field(&R::centerHiEv, optionalNumber("center_hi", tr("Centre to"), ev));
        t.field(&R::fwhmLoEv, optionalNumber("fwhm_lo", tr("FWHM from"), ev));
        t.field(&R::fwhmHiEv, optionalNumber("fwhm_hi", tr("FWHM to"), ev));
        t.field(&R::fixCenter, boolParam("fix_center", tr("Fix centre"), false));
        t.field(&R::fixFwhm, boolParam("fix_fwhm", tr("Fix FWHM"), false));
        t.field(&R::fixArea, boolParam("fix_area", tr("Fix area"), false));
        t.field(&R::tieCenter, textParam("tie_center", tr("Centre tie"), {}, tr("e.g. V3_a_center + 7.33")));
        t.field(&R::tieFwhm, textParam("tie_fwhm", tr("FWHM tie"), {}, tr("e.g. V3_a_fwhm*1.3")));
        t.field(&R::tieArea, textParam("tie_area", tr("Area tie"), {}, tr("e.g. V3_a_area*0.5")));
        t.field(&R::group, textParam("group", tr("Ratio group"), {}, tr("Empty: the name.")));
        t.field(&R::level, textParam("level", tr("Core level"), {}, tr("e.g. \"V 2p\", for atomic %.")));
        t.field(&R::shapeParam, optionalNumber("shape_param", tr("GL/SGL m"), QString(),
                                               tr("0 = Gauss … 100 = Lorentz; empty: 30.")));
        return t;
    }();
    return t;
}

const ParamTable<XpsAuxRow>& xpsAuxRowTable()
{
    static const ParamTable<XpsAuxRow> t = [] {
        using R = XpsAuxRow;
        ParamTable<R> t;
        t.field(&R::name, textParam("name", tr("Name"), {}));
        t.field(&R::value, numberParam("value", tr("Value"), {}, 0.0, -1e300, 1e300));
        t.field(&R::lower, optionalNumber("lower", tr("Lower bound"), {}));
        t.field(&R::upper, optionalNumber("upper", tr("Upper bound"), {}));
        t.field(&R::fixed, boolParam("fixed", tr("Fixed"), false));
        return t;
    }();
    return t;
}

const ParamTable<XpsRatioRow>& xpsRatioRowTable()
{
    static const ParamTable<XpsRatioRow> t = [] {
        using R = XpsRatioRow;
        ParamTable<R> t;
        t.field(&R::name, textParam("name", tr("Name"), {}));
        t.field(&R::numerator, textParam("numerator", tr("Numerator groups"), {}, tr("Comma-separated.")));
        t.field(&R::denominator,
                textParam("denominator", tr("Denominator groups"), {}, tr("Comma-separated.")));
        return t;
    }();
    return t;
}

const ParamTable<XpsDifferenceRow>& xpsDifferenceRowTable()
{
    static const ParamTable<XpsDifferenceRow> t = [] {
        using R = XpsDifferenceRow;
        ParamTable<R> t;
        t.field(&R::name, textParam("name", tr("Name"), {}));
        t.field(&R::a, textParam("a", tr("Component a"), {}));
        t.field(&R::b, textParam("b", tr("Component b"), {}));
        return t;
    }();
    return t;
}

ParamSchema xpsModelTableParams()
{
    ParamSchema s;
    ParamSpec c = tableParam(
        "components", tr("Components (custom model)"),
        tr("One row per line: shape, centre, FWHM, start area, bounds, fixed flags and ties such as "
           "'V3_a_center + 7.33', 'V3_a_area*0.5', 'V3_a_fwhm'; empty = the preset of 'Start from preset'."));
    c.columns = xpsComponentRowTable().schema();
    s.push_back(c);
    ParamSpec a =
        tableParam("auxiliary", tr("Shared parameters (custom model)"),
                   tr("Parameters used only in ties, e.g. a spin–orbit splitting with its bounds."));
    a.columns = xpsAuxRowTable().schema();
    s.push_back(a);
    ParamSpec r = tableParam("ratios", tr("Ratios (custom model)"),
                             tr("Area ratios Σ numerator groups / Σ denominator groups, with errors."));
    r.columns = xpsRatioRowTable().schema();
    s.push_back(r);
    ParamSpec d = tableParam("differences", tr("Position differences (custom model)"),
                             tr("Centre of component a minus centre of b, eV."));
    d.columns = xpsDifferenceRowTable().schema();
    d.advanced = true;
    s.push_back(d);
    return s;
}

namespace {

/// Start values of tied parameters evaluated from their ties (the engine ignores them, but a table that
/// shows 517.7 eV for a 2p1/2 line tied 7.1 eV above it misleads).
xps::ModelSpec withTiedStarts(xps::ModelSpec spec)
{
    std::map<std::string, double> value;
    std::vector<std::pair<xps::ParamSpec*, std::string>> all;
    for (auto& c : spec.components) {
        const auto& names = lineshape::shapeParameterNames(c.shape);
        all.push_back({&c.center, c.id + "_center"});
        all.push_back({&c.fwhm, c.id + "_fwhm"});
        all.push_back({&c.area, c.id + "_area"});
        for (std::size_t e = 0; e < c.extras.size() && e + 2 < names.size(); ++e)
            all.push_back({&c.extras[e], c.id + "_" + names[e + 2]});
    }
    for (auto& a : spec.auxiliary)
        all.push_back({&a.param, a.name});
    std::set<std::string> pending;
    for (const auto& [p, name] : all) {
        if (p->tie.empty())
            value[name] = p->value;
        else
            pending.insert(name);
    }
    for (std::size_t pass = 0; pass < all.size() && !pending.empty(); ++pass)
        for (const auto& [p, name] : all) {
            if (!pending.count(name)) continue;
            std::string_view text = p->tie;
            if (!text.empty() && text.front() == '=') text.remove_prefix(1);
            auto e = fit::Expression::parse(text);
            if (!e) {
                pending.erase(name);
                continue;
            }
            std::vector<double> vars;
            for (const auto& v : e->variables()) {
                const auto it = value.find(v);
                if (it == value.end()) break;
                vars.push_back(it->second);
            }
            if (vars.size() != e->variables().size()) continue;
            const double v = e->evaluate(vars);
            if (std::isfinite(v)) p->value = v;
            value[name] = p->value;
            pending.erase(name);
        }
    return spec;
}

} // namespace

XpsModelRows xpsRowsFromModel(const xps::ModelSpec& original)
{
    const xps::ModelSpec spec = withTiedStarts(original);
    XpsModelRows out;
    for (const auto& c : spec.components) {
        XpsComponentRow r;
        r.name = QString::fromStdString(c.id);
        r.label = QString::fromStdString(c.label);
        r.shape = QString::fromStdString(lineshape::shapeKey(c.shape));
        r.centerEv = c.center.value;
        r.fwhmEv = c.fwhm.value;
        r.area = c.area.value > 0.0 ? std::optional<double>(c.area.value) : std::nullopt;
        r.centerLoEv = bound(c.center.lower);
        r.centerHiEv = bound(c.center.upper);
        r.fwhmLoEv = bound(c.fwhm.lower);
        r.fwhmHiEv = bound(c.fwhm.upper);
        r.fixCenter = c.center.fixed;
        r.fixFwhm = c.fwhm.fixed;
        r.fixArea = c.area.fixed;
        r.tieCenter = QString::fromStdString(c.center.tie);
        r.tieFwhm = QString::fromStdString(c.fwhm.tie);
        r.tieArea = QString::fromStdString(c.area.tie);
        r.group = QString::fromStdString(c.group);
        r.level = QString::fromStdString(c.level);
        const auto& names = lineshape::shapeParameterNames(c.shape);
        for (std::size_t e = 2; e < names.size() && e - 2 < c.extras.size(); ++e)
            if (names[e] == "m") r.shapeParam = c.extras[e - 2].value;
        out.components.push_back(r);
    }
    for (const auto& a : spec.auxiliary)
        out.auxiliary.push_back({QString::fromStdString(a.name), a.param.value, bound(a.param.lower),
                                 bound(a.param.upper), a.param.fixed});
    auto join = [](const std::vector<std::string>& v) {
        QStringList l;
        for (const auto& s : v)
            l << QString::fromStdString(s);
        return l.join(", ");
    };
    for (const auto& r : spec.ratios)
        out.ratios.push_back({QString::fromStdString(r.name), join(r.numerator), join(r.denominator)});
    for (const auto& d : spec.differences)
        out.differences.push_back(
            {QString::fromStdString(d.name), QString::fromStdString(d.a), QString::fromStdString(d.b)});
    return out;
}

Expected<xps::ModelSpec> xpsModelFromRows(const XpsModelRows& rows)
{
    xps::ModelSpec spec;
    spec.name = "custom";
    if (rows.components.empty()) return fail("", "components", "the model has no component rows");
    std::map<QString, std::size_t> byName;
    std::set<std::string> paramNames, groups;
    for (std::size_t i = 0; i < rows.components.size(); ++i) {
        const XpsComponentRow& r = rows.components[i];
        const QString name = r.name.trimmed();
        if (!isIdentifier(name))
            return fail("", where("components", i, "name"),
                        "'" + name.toStdString() +
                            "' is not a name (letters, digits and '_', not starting with a digit)");
        if (auto it = byName.find(name); it != byName.end())
            return fail("", where("components", i, "name"),
                        "'" + name.toStdString() + "' is already the name of row " +
                            std::to_string(it->second + 1));
        byName[name] = i;
        xps::ComponentSpec c;
        c.id = name.toStdString();
        c.label = r.label.trimmed().isEmpty() ? c.id : r.label.trimmed().toStdString();
        c.group = r.group.trimmed().isEmpty() ? c.id : r.group.trimmed().toStdString();
        c.level = r.level.trimmed().toStdString();
        const QString shape = r.shape.trimmed().toLower();
        if (!shapeKeys().contains(shape) || !lineshape::shapeFromKey(shape.toStdString(), c.shape))
            return fail("", where("components", i, "shape"),
                        "unknown shape '" + r.shape.toStdString() + "' (known: gl, sgl, la, voigt)");
        const double inf = xps::kInf;
        c.center = {r.centerEv, r.centerLoEv.value_or(-inf), r.centerHiEv.value_or(inf), r.fixCenter,
                    r.tieCenter.trimmed().toStdString()};
        c.fwhm = {r.fwhmEv, r.fwhmLoEv.value_or(-inf), r.fwhmHiEv.value_or(inf), r.fixFwhm,
                  r.tieFwhm.trimmed().toStdString()};
        c.area = {r.area.value_or(0.0), 0.0, inf, r.fixArea, r.tieArea.trimmed().toStdString()};
        if (!std::isfinite(r.centerEv)) return fail("", where("components", i, "center"), "is not a number");
        if (c.fwhm.tie.empty() && !(r.fwhmEv > 0.0))
            return fail("", where("components", i, "fwhm"), "the width must be > 0 eV");
        if (c.center.lower > c.center.upper)
            return fail("", where("components", i, "center_lo"), "the lower bound is above 'center_hi'");
        if (c.fwhm.lower > c.fwhm.upper)
            return fail("", where("components", i, "fwhm_lo"), "the lower bound is above 'fwhm_hi'");
        if (c.center.tie.empty() && !c.center.fixed &&
            (r.centerEv < c.center.lower || r.centerEv > c.center.upper))
            return fail("", where("components", i, "center"), "the start value lies outside its bounds");
        if (c.fwhm.tie.empty() && !c.fwhm.fixed && (r.fwhmEv < c.fwhm.lower || r.fwhmEv > c.fwhm.upper))
            return fail("", where("components", i, "fwhm"), "the start value lies outside its bounds");
        if (c.area.fixed && c.area.tie.empty() && !(c.area.value > 0.0))
            return fail("", where("components", i, "area"), "a fixed area needs a value > 0");
        const auto& names = lineshape::shapeParameterNames(c.shape);
        for (std::size_t e = 2; e < names.size(); ++e) {
            if (names[e] == "m") {
                const double m = r.shapeParam.value_or(30.0);
                if (m < 0.0 || m > 100.0)
                    return fail("", where("components", i, "shape_param"), "m must lie in 0…100");
                c.extras.push_back({m, 0.0, 100.0, true});
            } else {
                c.extras.push_back(extraDefault(names[e]));
            }
        }
        for (std::size_t e = 0; e < names.size(); ++e)
            paramNames.insert(c.id + "_" + names[e]);
        paramNames.insert(c.id + "_area");
        groups.insert(c.group);
        spec.components.push_back(std::move(c));
    }
    std::set<std::string> auxNames;
    for (std::size_t i = 0; i < rows.auxiliary.size(); ++i) {
        const XpsAuxRow& a = rows.auxiliary[i];
        const QString name = a.name.trimmed();
        if (!isIdentifier(name))
            return fail("", where("auxiliary", i, "name"), "'" + name.toStdString() + "' is not a name");
        if (paramNames.count(name.toStdString()) || auxNames.count(name.toStdString()))
            return fail("", where("auxiliary", i, "name"),
                        "'" + name.toStdString() + "' is already a parameter of the model");
        auxNames.insert(name.toStdString());
        const xps::ParamSpec p{a.value, a.lower.value_or(-xps::kInf), a.upper.value_or(xps::kInf), a.fixed};
        if (p.lower > p.upper)
            return fail("", where("auxiliary", i, "lower"), "the lower bound is above 'upper'");
        if (!p.fixed && (p.value < p.lower || p.value > p.upper))
            return fail("", where("auxiliary", i, "value"), "the start value lies outside its bounds");
        spec.auxiliary.push_back({name.toStdString(), p});
    }
    paramNames.insert(auxNames.begin(), auxNames.end());
    // Ties: they must parse and name parameters of this model.
    for (std::size_t i = 0; i < spec.components.size(); ++i) {
        const auto& c = spec.components[i];
        const std::pair<const char*, const std::string*> ties[] = {
            {"tie_center", &c.center.tie}, {"tie_fwhm", &c.fwhm.tie}, {"tie_area", &c.area.tie}};
        for (const auto& [column, tie] : ties) {
            if (tie->empty()) continue;
            std::string_view text = *tie;
            if (text.front() == '=') text.remove_prefix(1);
            auto e = fit::Expression::parse(text);
            if (!e)
                return fail("", where("components", i, column),
                            "'" + *tie + "' does not parse: " + e.error().location +
                                (e.error().location.empty() ? "" : ": ") + e.error().reason);
            for (const auto& v : e->variables()) {
                if (paramNames.count(v)) continue;
                std::string known;
                for (const char* suffix : {"_center", "_fwhm", "_area"})
                    known += (known.empty() ? "" : ", ") + spec.components.front().id + suffix;
                return fail(
                    "", where("components", i, column),
                    "'" + *tie + "' names '" + v + "', which is no parameter of this model (names are " +
                        "<component>_center, _fwhm, _area, _m … or an auxiliary name, e.g. " + known + ")");
            }
        }
    }
    for (std::size_t i = 0; i < rows.ratios.size(); ++i) {
        const XpsRatioRow& r = rows.ratios[i];
        if (!isIdentifier(r.name.trimmed()))
            return fail("", where("ratios", i, "name"), "'" + r.name.toStdString() + "' is not a name");
        xps::RatioSpec s;
        s.name = r.name.trimmed().toStdString();
        for (const auto& [column, text, list] : {std::tuple{"numerator", &r.numerator, &s.numerator},
                                                 std::tuple{"denominator", &r.denominator, &s.denominator}}) {
            const QStringList g = splitGroups(*text);
            if (g.isEmpty()) return fail("", where("ratios", i, column), "names no group");
            for (const QString& name : g) {
                if (!groups.count(name.toStdString()))
                    return fail("", where("ratios", i, column),
                                "no component belongs to the group '" + name.toStdString() + "'");
                list->push_back(name.toStdString());
            }
        }
        spec.ratios.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < rows.differences.size(); ++i) {
        const XpsDifferenceRow& d = rows.differences[i];
        if (!isIdentifier(d.name.trimmed()))
            return fail("", where("differences", i, "name"), "'" + d.name.toStdString() + "' is not a name");
        if (!byName.count(d.a.trimmed()))
            return fail("", where("differences", i, "a"),
                        "no component is named '" + d.a.toStdString() + "'");
        if (!byName.count(d.b.trimmed()))
            return fail("", where("differences", i, "b"),
                        "no component is named '" + d.b.toStdString() + "'");
        spec.differences.push_back(
            {d.name.trimmed().toStdString(), d.a.trimmed().toStdString(), d.b.trimmed().toStdString()});
    }
    return spec;
}

Expected<XpsModelRows> xpsRowsFromJson(const QJsonObject& o)
{
    XpsModelRows rows;
    auto c = readTable(xpsComponentRowTable(), o.value("components"), "components");
    if (!c) return std::unexpected(c.error());
    auto a = readTable(xpsAuxRowTable(), o.value("auxiliary"), "auxiliary");
    if (!a) return std::unexpected(a.error());
    auto r = readTable(xpsRatioRowTable(), o.value("ratios"), "ratios");
    if (!r) return std::unexpected(r.error());
    auto d = readTable(xpsDifferenceRowTable(), o.value("differences"), "differences");
    if (!d) return std::unexpected(d.error());
    rows.components = std::move(*c);
    rows.auxiliary = std::move(*a);
    rows.ratios = std::move(*r);
    rows.differences = std::move(*d);
    return rows;
}

QJsonObject xpsRowsToJson(const XpsModelRows& rows)
{
    auto table = [](const auto& t, const auto& v) {
        QJsonArray a;
        for (const auto& r : v)
            a.append(t.write(r));
        return a;
    };
    return QJsonObject{{"components", table(xpsComponentRowTable(), rows.components)},
                       {"auxiliary", table(xpsAuxRowTable(), rows.auxiliary)},
                       {"ratios", table(xpsRatioRowTable(), rows.ratios)},
                       {"differences", table(xpsDifferenceRowTable(), rows.differences)}};
}

Expected<QJsonObject> readXpsModelFile(const QString& path)
{
    const std::string file = path.toStdString();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail(file, "", "cannot open the model file");
    const QByteArray bytes = f.readAll();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        const int upTo = std::clamp(err.offset, 0, int(bytes.size()));
        const QByteArray head = bytes.left(upTo);
        const int line = int(head.count('\n')) + 1;
        const int column = upTo - (head.lastIndexOf('\n') + 1) + 1;
        return fail(file, "line " + std::to_string(line) + ", column " + std::to_string(column),
                    "not valid JSON: " + err.errorString().toStdString());
    }
    if (!doc.isObject())
        return fail(file, "", "a model file is a JSON object {\"components\": [...], \"ratios\": [...]}");
    const QJsonObject o = doc.object();
    static const QStringList known = {"components", "auxiliary",    "ratios",      "differences",
                                      "background", "window_lo_ev", "window_hi_ev"};
    for (const QString& k : o.keys())
        if (!known.contains(k))
            return fail(file, "key '" + k.toStdString() + "'",
                        "unknown key (known: " + known.join(", ").toStdString() + ")");
    auto rows = xpsRowsFromJson(o);
    if (!rows) return fail(file, rows.error().location, rows.error().reason);
    if (auto spec = xpsModelFromRows(*rows); !spec)
        return fail(file, spec.error().location, spec.error().reason);
    QJsonObject params = xpsRowsToJson(*rows);
    params.insert("model", QStringLiteral("custom"));
    if (o.contains("background")) {
        static const QStringList kinds = {"active_shirley", "shirley",     "linear",
                                          "tougaard_u2",    "tougaard_u3", "none"};
        if (!kinds.contains(o.value("background").toString()))
            return fail(file, "key 'background'", "expects one of: " + kinds.join(", ").toStdString());
        params.insert("background", o.value("background"));
    }
    for (const char* k : {"window_lo_ev", "window_hi_ev"})
        if (o.contains(k)) {
            if (!o.value(k).isDouble())
                return fail(file, std::string("key '") + k + "'", "expects a number (eV)");
            params.insert(k, o.value(k));
        }
    return params;
}

} // namespace vanadis
