#include "analysis/echem/CyclingFigures.h"

#include "analysis/FigureHelpers.h"
#include "model/Translate.h"

#include <QJsonArray>
#include <cmath>

namespace vanadis {

namespace {

using namespace vanadis::figures;

QString tr(const char* s)
{
    return translated("vanadis::CyclingFigures", s);
}

/// The capacity axis names the mass basis (echem.md §1: never left implicit): per gram of composite or of
/// the oxide alone.
QString capacityAxis(const QJsonObject& result)
{
    if (result.value("capacity_unit").toString() == QLatin1String("mAh")) return tr("Capacity (mAh)");
    return result.value("mass_basis").toString() == QLatin1String("oxide_only")
               ? tr("Specific capacity (mAh per g of V2O3)")
               : tr("Specific capacity (mAh per g of V2O3@C)");
}

const char* capacityKey(const QJsonObject& result, bool discharge)
{
    const bool mah = result.value("capacity_unit").toString() == QLatin1String("mAh");
    return discharge ? (mah ? "discharge_mah" : "discharge_mah_g") : (mah ? "charge_mah" : "charge_mah_g");
}

std::vector<double> jsonNumbers(const QJsonArray& a)
{
    std::vector<double> v;
    v.reserve(std::size_t(a.size()));
    for (const auto& x : a)
        v.push_back(x.isDouble() ? x.toDouble() : std::nan(""));
    return v;
}

} // namespace

std::vector<FigureDecl> cyclingFigureDecls()
{
    return {{QStringLiteral("capacity_ce"), tr("Capacity and coulombic efficiency"), true, {}},
            {QStringLiteral("voltage_profiles"), tr("Voltage profiles"), false, {}},
            {QStringLiteral("dqdv"), tr("dQ/dV"), false, {}},
            {QStringLiteral("rate"), tr("Rate capability"), true, {}}};
}

FigureSpec cyclingFigure(const QString& figureId, const std::vector<FigureInput>& inputs)
{
    const int index = figureIndex(cyclingFigureDecls(), figureId);
    FigureSpec f;
    f.id = figureId;
    QStringList bases;
    for (const FigureInput& in : inputs)
        if (!in.result.isEmpty() && !bases.contains(in.result.value("mass_basis").toString()))
            bases << in.result.value("mass_basis").toString();
    for (const FigureInput& in : inputs) {
        if (in.result.isEmpty()) continue;
        const QJsonObject& r = in.result;
        const QString basis = r.value("mass_label").toString();
        if (index == 0 || index == 3) {
            f.x.label = tr("Cycle number");
            f.y.label = capacityAxis(r);
            FigureSeries dis = styled(*in.sample, in.legend + (index == 0 ? tr(" discharge") : QString()));
            dis.marker = in.sample->marker;
            dis.line = index == 3;
            pointsFrom(r.value("cycles").toArray(), "index", capacityKey(r, true), dis);
            f.series.push_back(dis);
            if (index == 0) {
                FigureSeries chg = styled(*in.sample, in.legend + tr(" charge"));
                chg.marker = in.sample->marker;
                chg.line = false;
                chg.filled = false;
                chg.inLegend = false;
                pointsFrom(r.value("cycles").toArray(), "index", capacityKey(r, false), chg);
                f.series.push_back(chg);
                FigureSeries ce = styled(*in.sample, in.legend + tr(" CE"));
                ce.onRightAxis = true;
                ce.dash = "dot";
                ce.inLegend = false;
                pointsFrom(r.value("cycles").toArray(), "index", "ce_pct", ce);
                f.series.push_back(ce);
                f.y2 = FigureAxis{tr("Coulombic efficiency (%)"), false, false, std::nullopt, std::nullopt};
                const QJsonObject ref = r.value("retention_reference").toObject();
                f.title = tr("Retention against cycle %1").arg(ref.value("cycle").toInt());
            } else {
                for (const auto& v : r.value("rate_steps").toArray()) {
                    const QJsonObject s = v.toObject();
                    if (!s.value("current_a_g").isDouble()) continue;
                    FigureAnnotation a;
                    a.x = 0.5 * (s.value("first_cycle").toDouble() + s.value("last_cycle").toDouble());
                    a.y = s.value("discharge_mah_g_mean").toDouble();
                    a.text = tr("%1 A g^{-1}").arg(s.value("current_a_g").toDouble(), 0, 'g', 3);
                    a.color = in.sample->color;
                    f.annotations.push_back(a);
                }
            }
        } else {
            const bool dq = index == 2;
            f.x.label = dq ? tr("Voltage (V)") : capacityAxis(r);
            f.y.label = dq ? (r.value("capacity_unit").toString() == QLatin1String("mAh")
                                  ? tr("dQ/dV (mAh V^{-1})")
                                  : tr("dQ/dV (mAh g^{-1} V^{-1})"))
                           : tr("Voltage (V)");
            // One colour per cycle from the sample's colour, lighter for later cycles.
            const QJsonArray profiles = r.value("profiles").toArray();
            int shade = 0;
            int lastCycle = -1;
            for (const auto& v : profiles) {
                const QJsonObject pr = v.toObject();
                const int cycle = pr.value("cycle").toInt();
                if (cycle != lastCycle) {
                    ++shade;
                    lastCycle = cycle;
                }
                FigureSeries s = styled(*in.sample, tr("cycle %1").arg(cycle));
                s.color = in.sample->color.lighter(100 + 35 * (shade - 1));
                s.inLegend = pr.value("half").toString() == QLatin1String("discharge");
                if (dq) {
                    const QJsonObject c = pr.value("dqdv").toObject();
                    s.x = jsonNumbers(c.value("voltage_v").toArray());
                    s.y = jsonNumbers(c.value("dqdv").toArray());
                    for (const auto& pk : pr.value("peaks").toArray()) {
                        FigureAnnotation a;
                        a.x = pk.toObject().value("voltage_v").toDouble();
                        a.y = pk.toObject().value("dqdv").toDouble();
                        a.text = QStringLiteral("%1 V").arg(a.x, 0, 'f', 2);
                        a.color = s.color;
                        f.annotations.push_back(a);
                    }
                } else {
                    s.x = jsonNumbers(pr.value("capacity").toArray());
                    s.y = jsonNumbers(pr.value("voltage_v").toArray());
                }
                f.series.push_back(std::move(s));
            }
        }
        if (!basis.isEmpty() && f.title.isEmpty()) f.title = basis;
    }
    if (bases.size() > 1) {
        // Samples on different bases in one overlay: the axis cannot name one, the title says so.
        const QString mixed = tr("Specific capacity (mAh g^{-1}; the samples use different mass bases)");
        for (QString* label : {&f.x.label, &f.y.label})
            if (label->startsWith(tr("Specific capacity"))) *label = mixed;
        f.title = tr("Mass bases differ: composite for some samples, V2O3 alone for others");
    }
    return f;
}

} // namespace vanadis
