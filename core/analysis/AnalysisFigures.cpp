#include "analysis/AnalysisFigures.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace vanadis {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("vanadis::AnalysisFigures", s); }

FigureSeries styled(const Sample& s, const QString& label)
{
    FigureSeries fs;
    fs.label = label;
    fs.color = s.color;
    fs.dash = s.dash;
    fs.marker = "none";
    return fs;
}

/// x/y arrays from an array of objects with the two keys.
void pointsFrom(const QJsonArray& a, const char* xKey, const char* yKey, FigureSeries& fs)
{
    for (const auto& v : a) {
        const QJsonObject o = v.toObject();
        const QJsonValue x = o.value(QLatin1String(xKey)), y = o.value(QLatin1String(yKey));
        if (x.isDouble() && y.isDouble() && std::isfinite(y.toDouble())) {
            fs.x.push_back(x.toDouble());
            fs.y.push_back(y.toDouble());
        }
    }
}

const Column* find(const Dataset& d, const char* name)
{
    for (const Column& c : d.columns())
        if (c.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) return &c;
    return nullptr;
}

std::optional<std::pair<double, double>> betWindow(const QJsonObject& result)
{
    const QJsonArray r = result.value("bet").toObject().value("p_range").toArray();
    if (r.size() != 2 || !r[0].isDouble() || !r[1].isDouble()) return std::nullopt;
    return std::pair{r[0].toDouble(), r[1].toDouble()};
}

FigureSpan windowSpan(const QJsonObject& result)
{
    FigureSpan span;
    if (auto w = betWindow(result)) {
        span.xMin = w->first;
        span.xMax = w->second;
    }
    span.label = result.value("bet").toObject().value("automatic").toBool() ? tr("BET (automatic)") : tr("BET");
    span.editable = true;
    span.id = 1;
    return span;
}

} // namespace

std::vector<AnalysisFigure> betFigureList()
{
    return {{tr("Isotherms with pore sizes"), true},
            {tr("BET plot"), false},
            {tr("Rouquerol plot"), false},
            {tr("Pore-size distribution"), true},
            {tr("t-plot"), false}};
}

FigureSpec betFigure(int index, const std::vector<AnalysisInput>& inputs)
{
    FigureSpec f;
    switch (index) {
    case 0:
    case 3: {
        // Isotherms: adsorption filled, desorption open (the study's figure), BJH as an inset.
        FigureSpec psd;
        psd.x.label = tr("Pore diameter (nm)");
        psd.x.logScale = true;
        psd.y.label = QStringLiteral("dV/dlog D (cm^{3} g^{-1})");
        psd.legend = false;
        for (const AnalysisInput& in : inputs) {
            FigureSeries p = styled(*in.sample, in.sample->name);
            pointsFrom(in.result.value("bjh").toObject().value("distribution").toArray(), "diameter_nm", "dv_dlogd_cm3_g", p);
            // Negative BJH increments stay in the result table (and a warning says so); the plot
            // clamps them at zero as vendor software does, so they do not read as "negative pores".
            for (double& y : p.y) y = std::max(0.0, y);
            if (!p.x.empty()) psd.series.push_back(p);
        }
        if (index == 3) {
            psd.title = tr("BJH pore-size distribution");
            psd.legend = true;
            return psd;
        }
        f.title = tr("N2 isotherms");
        f.x.label = QStringLiteral("Relative pressure p/p_{0}");
        f.y.label = tr("Quantity adsorbed (cm^{3} g^{-1} STP)");
        f.legendPosition = "topLeft";
        for (const AnalysisInput& in : inputs) {
            const Column* p = find(*in.dataset, "P/P0");
            const Column* q = find(*in.dataset, "Quantity Adsorbed");
            const Column* b = find(*in.dataset, "Branch");
            if (!p || !q) continue;
            FigureSeries ads = styled(*in.sample, in.sample->name);
            FigureSeries des = styled(*in.sample, in.sample->name + tr(" des."));
            ads.marker = des.marker = in.sample->marker;
            ads.filled = true;
            des.inLegend = false;
            for (size_t i = 0; i < p->values.size(); ++i) {
                FigureSeries& t = (b && b->values[i] > 0.5) ? des : ads;
                t.x.push_back(p->values[i]);
                t.y.push_back(q->values[i]);
            }
            f.series.push_back(ads);
            if (!des.x.empty()) f.series.push_back(des);
        }
        if (!psd.series.empty()) {
            f.inset = std::make_shared<FigureSpec>(psd);
            f.insetRect = QRectF(0.42, 0.06, 0.5, 0.45);
        }
        return f;
    }
    case 1: {
        f.title = tr("BET plot");
        f.x.label = QStringLiteral("p/p_{0}");
        f.y.label = QStringLiteral("p/[n(p_{0} − p)] (g cm^{-3})");
        f.legendPosition = "topLeft";
        for (const AnalysisInput& in : inputs) {
            FigureSeries pts = styled(*in.sample, in.sample->name);
            pts.line = false;
            pts.marker = in.sample->marker;
            pointsFrom(in.result.value("bet_plot").toArray(), "p_rel", "transform", pts);
            f.series.push_back(pts);
            const QJsonObject bet = in.result.value("bet").toObject();
            const double c = bet.value("c_constant").toDouble(), nm = bet.value("monolayer_cm3_g").toDouble();
            if (auto w = betWindow(in.result); w && c > 0 && nm > 0) {
                // The fitted line over its window: 1/(n_m C) + (C − 1)/(n_m C)·x.
                FigureSeries line = styled(*in.sample, tr("fit"));
                line.dash = "solid";
                line.inLegend = false;
                for (double x : {w->first, w->second}) {
                    line.x.push_back(x);
                    line.y.push_back(1.0 / (nm * c) + (c - 1.0) / (nm * c) * x);
                }
                f.series.push_back(line);
            }
            f.spans.push_back(windowSpan(in.result));
        }
        return f;
    }
    case 2: {
        f.title = tr("Rouquerol plot");
        f.x.label = QStringLiteral("p/p_{0}");
        f.y.label = QStringLiteral("n(1 − p/p_{0}) (cm^{3} g^{-1} STP)");
        f.legendPosition = "bottomRight";
        for (const AnalysisInput& in : inputs) {
            FigureSeries pts = styled(*in.sample, in.sample->name);
            pts.marker = in.sample->marker;
            pointsFrom(in.result.value("rouquerol_plot").toArray(), "p_rel", "n_1_minus_p", pts);
            f.series.push_back(pts);
            f.spans.push_back(windowSpan(in.result));
        }
        f.x.max = 0.6; // the maximum of n(1 − p) that bounds the window lies well below here
        f.x.min = 0.0;
        return f;
    }
    case 4: {
        f.title = tr("t-plot");
        f.x.label = tr("Film thickness t (Å)");
        f.y.label = tr("Quantity adsorbed (cm^{3} g^{-1} STP)");
        f.legendPosition = "topLeft";
        for (const AnalysisInput& in : inputs) {
            const QJsonObject tp = in.result.value("t_plot").toObject();
            FigureSeries pts = styled(*in.sample, in.sample->name);
            pts.line = false;
            pts.marker = in.sample->marker;
            pointsFrom(tp.value("points").toArray(), "t_angstrom", "amount_cm3_g", pts);
            f.series.push_back(pts);
            const QJsonArray r = tp.value("t_range_angstrom").toArray();
            if (r.size() == 2) {
                FigureSeries line = styled(*in.sample, tr("fit"));
                line.inLegend = false;
                const double s = tp.value("slope_cm3_g_angstrom").toDouble(), i0 = tp.value("intercept_cm3_g").toDouble();
                for (double t : {0.0, r[1].toDouble() * 1.5}) {
                    line.x.push_back(t);
                    line.y.push_back(i0 + s * t);
                }
                f.series.push_back(line);
                FigureSpan span;
                span.xMin = r[0].toDouble();
                span.xMax = r[1].toDouble();
                span.label = tr("fit range");
                span.editable = true;
                span.id = 2;
                f.spans.push_back(span);
            }
        }
        return f;
    }
    default:
        return f;
    }
}

std::vector<AnalysisFigure> tgaFigureList()
{
    return {{tr("Mass and DTG"), true}, {tr("Carbon-content readings"), false}, {tr("Mass change between cursors"), false}};
}

FigureSpec tgaFigure(int index, const std::vector<AnalysisInput>& inputs)
{
    FigureSpec f;
    f.x.label = tr("Temperature (°C)");
    f.y.label = tr("Mass (%)");
    f.legendPosition = "bottomLeft";
    for (const AnalysisInput& in : inputs) {
        const Column* t = find(*in.dataset, "Temperature");
        const Column* m = find(*in.dataset, "Mass %");
        const Column* mg = find(*in.dataset, "Mass");
        if (!t || (!m && !mg)) continue;
        FigureSeries mass = styled(*in.sample, in.sample->name);
        mass.x = t->values;
        if (m) {
            mass.y = m->values;
        } else {
            const double m0 = mg->values.empty() ? 1.0 : mg->values.front();
            for (double v : mg->values) mass.y.push_back(100.0 * v / m0);
        }
        f.series.push_back(mass);
        if (index == 0) {
            FigureSeries dtg = styled(*in.sample, in.sample->name + " DTG");
            dtg.dash = "dot";
            dtg.onRightAxis = true;
            dtg.inLegend = false;
            pointsFrom(in.result.value("dtg").toArray(), "temperature_c", "dtg_pct_min", dtg);
            if (!dtg.x.empty()) {
                f.series.push_back(dtg);
                f.y2 = FigureAxis{tr("DTG (% min^{-1})"), false, false, std::nullopt, std::nullopt};
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
                a.text = (QByteArray(key) == "onset_c" ? tr("onset %1 °C") : tr("endset %1 °C")).arg(a.x, 0, 'f', 1);
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
