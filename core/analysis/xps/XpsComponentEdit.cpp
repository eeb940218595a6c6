#include "analysis/xps/XpsComponentEdit.h"

#include "analysis/xps/XpsAnalysis.h"
#include "model/Translate.h"
#include "numeric/fit/Expression.h"
#include "numeric/xps/XpsPresets.h"

#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <set>

namespace vanadis {

namespace {

QString tr(const char* text)
{
    return translated("vanadis::XpsComponentEdit", text);
}

/// The variables a tie names ("=V3_a_fwhm" and "V3_a_center + split_V2p" alike); empty when it does
/// not parse.
std::vector<std::string> tieVariables(const QString& tie)
{
    std::string text = tie.trimmed().toStdString();
    if (!text.empty() && text.front() == '=') text.erase(0, 1);
    if (text.empty()) return {};
    auto e = fit::Expression::parse(text);
    return e ? e->variables() : std::vector<std::string>{};
}

/// Whether \a variable is a parameter of component \a name (name_center, name_fwhm, name_area and the
/// shape extras of XpsModelRows.h).
bool isParameterOf(const std::string& variable, const QString& name)
{
    const std::string prefix = name.toStdString() + "_";
    if (variable.rfind(prefix, 0) != 0) return false;
    static const QSet<QString> suffixes = {"center", "fwhm", "area", "m", "alpha", "beta", "fwhm_l", "eta"};
    return suffixes.contains(QString::fromStdString(variable.substr(prefix.size())));
}

std::vector<std::string> rowTieVariables(const XpsComponentRow& r)
{
    std::vector<std::string> v;
    for (const QString* t : {&r.tieCenter, &r.tieFwhm, &r.tieArea}) {
        const auto names = tieVariables(*t);
        v.insert(v.end(), names.begin(), names.end());
    }
    return v;
}

/// Rows with the start values their ties give (for positions and widths to read, never to write back:
/// the round trip through the ModelSpec fills defaults into untouched rows).
XpsModelRows evaluated(const XpsModelRows& rows)
{
    auto spec = xpsModelFromRows(rows);
    if (!spec) return rows;
    XpsModelRows e = xpsRowsFromModel(*spec);
    return e.components.size() == rows.components.size() ? e : rows;
}

QString ev(double x)
{
    return QLocale().toString(x, 'f', 2) + QStringLiteral(" eV");
}

Expected<XpsModelRows> validated(XpsModelRows rows)
{
    if (auto spec = xpsModelFromRows(rows); !spec) return std::unexpected(spec.error());
    return rows;
}

} // namespace

std::optional<XpsModelRows> xpsStartRows(const QJsonObject& params, const QJsonObject& result)
{
    auto p = xpsParamTable().read(params);
    if (!p) return std::nullopt;
    if (p->model == QLatin1String("custom")) {
        XpsModelRows rows{p->components, p->auxiliary, p->ratios, p->differences};
        if (rows.components.empty() && !p->startFromPreset.isEmpty() && p->startFromPreset != "none")
            if (auto preset = xps::preset(p->startFromPreset.toStdString())) return xpsRowsFromModel(*preset);
        return rows;
    }
    if (const QJsonValue s = result.value("start_rows"); s.isObject())
        if (auto rows = xpsRowsFromJson(s.toObject()); rows && !rows->components.empty()) return *rows;
    if (auto preset = xps::preset(p->model.toStdString())) return xpsRowsFromModel(*preset);
    return std::nullopt;
}

std::vector<XpsCentre> xpsCentres(const XpsModelRows& rows)
{
    const XpsModelRows e = evaluated(rows);
    std::vector<XpsCentre> out;
    for (std::size_t i = 0; i < rows.components.size(); ++i)
        out.push_back({e.components[i].centerEv, !rows.components[i].tieCenter.trimmed().isEmpty()});
    return out;
}

Expected<XpsModelRows> xpsMoveCentre(XpsModelRows rows, int index, double centerEv)
{
    if (index < 0 || std::size_t(index) >= rows.components.size())
        return fail("", "components", "no row " + std::to_string(index + 1));
    if (!std::isfinite(centerEv)) return fail("", "components", "the centre is not a number");
    XpsComponentRow& r = rows.components[std::size_t(index)];
    if (!r.tieCenter.trimmed().isEmpty())
        return fail("", "components row " + std::to_string(index + 1) + ", column 'tie_center'",
                    tr("the centre of %1 follows '%2': move the line it is tied to, or clear the tie in the "
                       "component table")
                        .arg(r.name, r.tieCenter)
                        .toStdString());
    const double shift = centerEv - r.centerEv;
    r.centerEv = centerEv;
    if (r.centerLoEv) *r.centerLoEv += shift;
    if (r.centerHiEv) *r.centerHiEv += shift;
    return validated(std::move(rows));
}

Expected<XpsModelRows> xpsAddComponent(XpsModelRows rows, double centerEv, const QString& defaultShape)
{
    if (!std::isfinite(centerEv)) return fail("", "components", "the centre is not a number");
    const XpsModelRows e = evaluated(rows);
    const XpsComponentRow* nearest = nullptr;
    const XpsComponentRow *below = nullptr, *above = nullptr;
    for (const XpsComponentRow& c : e.components) {
        if (!nearest || std::abs(c.centerEv - centerEv) < std::abs(nearest->centerEv - centerEv))
            nearest = &c;
        if (c.centerEv <= centerEv && (!below || c.centerEv > below->centerEv)) below = &c;
        if (c.centerEv > centerEv && (!above || c.centerEv < above->centerEv)) above = &c;
    }
    QSet<QString> names;
    for (const XpsComponentRow& c : rows.components)
        names.insert(c.name.trimmed());
    for (const XpsAuxRow& a : rows.auxiliary)
        names.insert(a.name.trimmed());
    int n = 1;
    while (names.contains(QStringLiteral("peak%1").arg(n)))
        ++n;
    XpsComponentRow r;
    r.name = QStringLiteral("peak%1").arg(n);
    r.shape = nearest ? nearest->shape : defaultShape;
    r.shapeParam = nearest ? nearest->shapeParam : std::nullopt;
    r.level = nearest ? nearest->level : QString();
    double width = 1.5;
    if (below && above)
        width = 0.5 * (below->fwhmEv + above->fwhmEv);
    else if (below || above)
        width = (below ? below : above)->fwhmEv;
    if (!(width > 0.0) || !std::isfinite(width)) width = 1.5;
    r.fwhmEv = width;
    r.fwhmLoEv = width / 3.0;
    r.fwhmHiEv = width * 3.0;
    r.centerEv = centerEv;
    r.centerLoEv = centerEv - 1.0;
    r.centerHiEv = centerEv + 1.0;
    rows.components.push_back(r);
    return validated(std::move(rows));
}

Expected<XpsModelRows> xpsRemoveComponent(XpsModelRows rows, int index, QStringList* removedOut)
{
    if (index < 0 || std::size_t(index) >= rows.components.size())
        return fail("", "components", "no row " + std::to_string(index + 1));
    // The row and, until nothing changes, every row with a tie naming a parameter of a removed one.
    std::vector<bool> gone(rows.components.size(), false);
    gone[std::size_t(index)] = true;
    QStringList removed{rows.components[std::size_t(index)].name.trimmed()};
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t j = 0; j < rows.components.size(); ++j) {
            if (gone[j]) continue;
            for (const std::string& v : rowTieVariables(rows.components[j]))
                if (std::any_of(removed.begin(), removed.end(),
                                [&](const QString& name) { return isParameterOf(v, name); })) {
                    gone[j] = true;
                    removed << rows.components[j].name.trimmed();
                    changed = true;
                    break;
                }
        }
    }
    if (std::all_of(gone.begin(), gone.end(), [](bool g) { return g; }))
        return fail("", "components",
                    tr("a model needs one component at least: %1 cannot all be removed")
                        .arg(removed.join(QStringLiteral(", ")))
                        .toStdString());
    std::set<std::string> usedBefore, usedAfter;
    std::vector<XpsComponentRow> kept;
    for (std::size_t j = 0; j < rows.components.size(); ++j) {
        for (const std::string& v : rowTieVariables(rows.components[j]))
            (gone[j] ? usedBefore : usedAfter).insert(v);
        if (!gone[j]) kept.push_back(rows.components[j]);
    }
    usedBefore.insert(usedAfter.begin(), usedAfter.end());
    rows.components = std::move(kept);
    // Shared parameters only the removed rows used would leave the fit a parameter nothing depends on.
    std::erase_if(rows.auxiliary, [&](const XpsAuxRow& a) {
        const std::string n = a.name.trimmed().toStdString();
        return usedBefore.count(n) && !usedAfter.count(n);
    });
    QSet<QString> groups;
    for (const XpsComponentRow& c : rows.components)
        groups.insert(c.group.trimmed().isEmpty() ? c.name.trimmed() : c.group.trimmed());
    auto keepGroups = [&](const QString& list) {
        QStringList out;
        for (const QString& g : list.split(',', Qt::SkipEmptyParts))
            if (groups.contains(g.trimmed())) out << g.trimmed();
        return out.join(QStringLiteral(", "));
    };
    for (XpsRatioRow& r : rows.ratios) {
        r.numerator = keepGroups(r.numerator);
        r.denominator = keepGroups(r.denominator);
    }
    std::erase_if(rows.ratios,
                  [](const XpsRatioRow& r) { return r.numerator.isEmpty() || r.denominator.isEmpty(); });
    std::erase_if(rows.differences, [&](const XpsDifferenceRow& d) {
        return removed.contains(d.a.trimmed()) || removed.contains(d.b.trimmed());
    });
    if (removedOut) *removedOut = removed;
    return validated(std::move(rows));
}

QJsonObject xpsParamsWithRows(QJsonObject params, const XpsModelRows& rows)
{
    const QJsonObject tables = xpsRowsToJson(rows);
    for (auto it = tables.begin(); it != tables.end(); ++it)
        params[it.key()] = it.value();
    params[QStringLiteral("model")] = QStringLiteral("custom");
    return params;
}

PointBinding xpsCentreBinding()
{
    PointBinding b;
    b.listKey = QStringLiteral("components");
    b.field = QStringLiteral("center");
    b.append = PointBinding::Append::DoubleClick;
    b.label = tr("component");
    auto isPreset = [](const QJsonObject& params) {
        return params.value("model").toString() != QLatin1String("custom");
    };
    auto noRows = [] {
        return fail("", "parameter 'model'",
                    tr("this model has no component rows before its first fit: run it, or choose "
                       "'Custom' with 'Start from preset'")
                        .toStdString());
    };
    b.markers = [](const QJsonObject& params, const QJsonObject& result) {
        std::vector<PointMarker> out;
        const auto rows = xpsStartRows(params, result);
        if (!rows) return out;
        const std::vector<XpsCentre> centres = xpsCentres(*rows);
        for (std::size_t i = 0; i < centres.size(); ++i) {
            const XpsComponentRow& r = rows->components[i];
            const QString name = r.label.trimmed().isEmpty() || r.label == r.name
                                     ? r.name
                                     : QStringLiteral("%1 (%2)").arg(r.name, r.label);
            const QString tip =
                centres[i].tied
                    ? tr("%1 at %2: centre tied to %3 (moves with that line)")
                          .arg(name, ev(centres[i].centerEv), r.tieCenter)
                    : tr("%1 at %2: drag to move, right-click to remove").arg(name, ev(centres[i].centerEv));
            out.push_back({centres[i].centerEv, centres[i].tied, tip});
        }
        return out;
    };
    b.move = [=](const QJsonObject& params, const QJsonObject& result, int index,
                 double x) -> Expected<PointEdit> {
        const auto rows = xpsStartRows(params, result);
        if (!rows) return noRows();
        const QString name = std::size_t(index) < rows->components.size()
                                 ? rows->components[std::size_t(index)].name
                                 : QString();
        auto moved = xpsMoveCentre(*rows, index, x);
        if (!moved) return std::unexpected(moved.error());
        QString text = tr("Move component %1 to %2").arg(name, ev(x));
        if (isPreset(params)) text = tr("%1 (the preset becomes a custom model)").arg(text);
        return PointEdit{xpsParamsWithRows(params, *moved), text};
    };
    b.add = [=](const QJsonObject& params, const QJsonObject& result, double x) -> Expected<PointEdit> {
        auto rows = xpsStartRows(params, result);
        if (!rows) return noRows();
        auto added = xpsAddComponent(*rows, x, params.value("shape").toString(QStringLiteral("gl")));
        if (!added) return std::unexpected(added.error());
        QString text = tr("Add component %1 at %2").arg(added->components.back().name, ev(x));
        if (isPreset(params)) text = tr("%1 (the preset becomes a custom model)").arg(text);
        return PointEdit{xpsParamsWithRows(params, *added), text};
    };
    b.remove = [=](const QJsonObject& params, const QJsonObject& result, int index) -> Expected<PointEdit> {
        const auto rows = xpsStartRows(params, result);
        if (!rows) return noRows();
        QStringList removed;
        auto less = xpsRemoveComponent(*rows, index, &removed);
        if (!less) return std::unexpected(less.error());
        QString text = removed.size() == 1 ? tr("Remove component %1").arg(removed.front())
                                           : tr("Remove component %1 with %2, tied to it")
                                                 .arg(removed.front(), removed.mid(1).join(", "));
        if (isPreset(params)) text = tr("%1 (the preset becomes a custom model)").arg(text);
        return PointEdit{xpsParamsWithRows(params, *less), text};
    };
    return b;
}

} // namespace vanadis
