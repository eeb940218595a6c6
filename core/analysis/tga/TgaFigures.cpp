#include "analysis/tga/TgaFigures.h"

#include "model/Translate.h"

#include "analysis/FigureHelpers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace vanadis {

namespace {

using namespace vanadis::figures;

QString tr(const char* s)
{
    return translated("vanadis::TgaFigures", s);
}

} // namespace

std::vector<FigureDecl> tgaFigureDecls()
{
    return {{QStringLiteral("mass_dtg"), tr("Mass and DTG"), true, {}},
            {QStringLiteral("carbon_readings"), tr("Carbon-content readings"), false, {}},
            {QStringLiteral("mass_change"),
             tr("Mass change between cursors"),
             false,
             {{5, QStringLiteral("mass_change_from_c"), QStringLiteral("mass_change_to_c")}}}};
}

FigureSpec tgaFigure(const QString& figureId, const std::vector<FigureInput>& inputs)
{
    const int index = figureIndex(tgaFigureDecls(), figureId);
    FigureSpec f;
    f.x.label = tr("Temperature (°C)");
    f.y.label = tr("Mass (%)");
    for (const FigureInput& in : inputs) {
        const Column* t = find(*in.dataset, "Temperature");
        const Column* m = find(*in.dataset, "Mass %");
        const Column* mg = find(*in.dataset, "Mass");
        if (!t || (!m && !mg)) continue;
        FigureSeries mass = styled(*in.sample, in.legend);
        mass.x = t->values;
        if (m) {
            mass.y = m->values;
        } else {
            const double m0 = mg->values.empty() ? 1.0 : mg->values.front();
            for (double v : mg->values)
                mass.y.push_back(100.0 * v / m0);
        }
        f.series.push_back(mass);
        if (index == 0) {
            FigureSeries dtg = styled(*in.sample, in.legend + " DTG");
            dtg.dash = "dot";
            dtg.onRightAxis = true;
            dtg.inLegend = false;
            // A file without a time column has its DTG against temperature (% °C⁻¹); one right axis
            // carries one unit, so a curve in the other unit is left out rather than drawn on a wrong scale.
            const bool perMin = in.result.value("dtg_against").toString() != QLatin1String("temperature");
            const QString y2Label = perMin ? tr("DTG (% min^{-1})") : tr("DTG (% °C^{-1})");
            pointsFrom(in.result.value("dtg").toArray(), "temperature_c",
                       perMin ? "dtg_pct_min" : "dtg_pct_c", dtg);
            if (!dtg.x.empty() && (!f.y2 || f.y2->label == y2Label)) {
                f.series.push_back(dtg);
                f.y2 = FigureAxis{y2Label, false, false, std::nullopt, std::nullopt};
            }
            for (const auto& v : in.result.value("steps").toArray()) {
                const QJsonObject st = v.toObject();
                FigureAnnotation a;
                a.kind = FigureAnnotation::Kind::VerticalTick;
                a.x = st.value("dtg_peak_c").toDouble();
                // Tick at the curve, labelled with the inflection temperature.
                double y = 100.0;
                for (size_t i = 1; i < mass.x.size(); ++i)
                    if (mass.x[i] >= a.x) {
                        y = mass.y[i];
                        break;
                    }
                a.y = y;
                a.text = QStringLiteral("%1 °C").arg(a.x, 0, 'f', 0);
                a.color = in.sample->color;
                f.annotations.push_back(a);
            }
        } else if (index == 2) {
            // Two cursors the user drags; the result panel shows the mass change between them.
            const QJsonObject mc = in.result.value("mass_change").toObject(); // from_c, to_c, change_pct
            FigureSpan cursors;
            cursors.xMin = in.params.value("mass_change_from_c").toDouble(200.0);
            cursors.xMax = in.params.value("mass_change_to_c").toDouble(500.0);
            cursors.label = mc.contains("change_pct")
                                ? tr("Δm = %1 %").arg(mc.value("change_pct").toDouble(), 0, 'f', 2)
                                : tr("drag to measure");
            cursors.editable = true;
            cursors.id = 5;
            f.spans.push_back(cursors);
            // The tangent onset/endset of the step between the cursors.
            const QJsonObject us = in.result.value("user_step").toObject();
            for (const char* key : {"onset_c", "endset_c"}) {
                if (!us.value(QLatin1String(key)).isDouble()) continue;
                FigureAnnotation a;
                a.kind = FigureAnnotation::Kind::VerticalTick;
                a.x = us.value(QLatin1String(key)).toDouble();
                a.y = 100.0;
                for (size_t i = 1; i < mass.x.size(); ++i)
                    if (mass.x[i] >= a.x) {
                        a.y = mass.y[i];
                        break;
                    }
                a.text = (QByteArray(key) == "onset_c" ? tr("onset %1 °C") : tr("endset %1 °C"))
                             .arg(a.x, 0, 'f', 1);
                a.color = in.sample->color;
                f.annotations.push_back(a);
            }
        } else {
            // The two readings behind the carbon content: dry mass and end plateau.
            f.title = tr("Carbon content: %1 ± %2 wt%")
                          .arg(in.result.value("carbon_wt_pct").toDouble(), 0, 'f', 2)
                          .arg(in.result.value("carbon_wt_pct_err").toDouble(), 0, 'f', 2);
            const double tDry = in.result.value("dry_mass_temperature_c").toDouble();
            const QJsonArray endRange = in.result.value("end_plateau_c").toArray();
            FigureSpan dry;
            dry.xMin = tDry - 5.0;
            dry.xMax = tDry + 5.0;
            dry.label = tr("dry mass");
            dry.id = 3;
            f.spans.push_back(dry);
            if (endRange.size() == 2) {
                FigureSpan end;
                end.xMin = endRange[0].toDouble();
                end.xMax = endRange[1].toDouble();
                end.label = tr("residue");
                end.id = 4;
                f.spans.push_back(end);
            }
        }
    }
    return f;
}

} // namespace vanadis
