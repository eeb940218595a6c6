#include "analysis/bet/BetFigures.h"

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
    return translated("vanadis::BetFigures", s);
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
    span.label =
        result.value("bet").toObject().value("automatic").toBool() ? tr("BET (automatic)") : tr("BET");
    span.editable = true;
    span.id = 1;
    return span;
}

} // namespace

std::vector<FigureDecl> betFigureDecls()
{
    return {{QStringLiteral("isotherm"), tr("Isotherms with pore sizes"), true, {}},
            {QStringLiteral("bet_plot"),
             tr("BET plot"),
             false,
             {{1, QStringLiteral("p_min"), QStringLiteral("p_max")}}},
            {QStringLiteral("rouquerol_plot"),
             tr("Rouquerol plot"),
             false,
             {{1, QStringLiteral("p_min"), QStringLiteral("p_max")}}},
            {QStringLiteral("pore_size"), tr("Pore-size distribution"), true, {}},
            {QStringLiteral("t_plot"),
             tr("t-plot"),
             false,
             {{2, QStringLiteral("t_min_angstrom"), QStringLiteral("t_max_angstrom")}}}};
}

FigureSpec betFigure(const QString& figureId, const std::vector<FigureInput>& inputs)
{
    const int index = figureIndex(betFigureDecls(), figureId);
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
        for (const FigureInput& in : inputs) {
            FigureSeries p = styled(*in.sample, in.legend);
            pointsFrom(in.result.value("bjh").toObject().value("distribution").toArray(), "diameter_nm",
                       "dv_dlogd_cm3_g", p);
            // Negative BJH increments stay in the result table (and a warning says so); the plot
            // clamps them at zero as vendor software does, so they do not read as "negative pores".
            for (double& y : p.y)
                y = std::max(0.0, y);
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
        for (const FigureInput& in : inputs) {
            const Column* p = find(*in.dataset, "P/P0");
            const Column* q = find(*in.dataset, "Quantity Adsorbed");
            const Column* b = find(*in.dataset, "Branch");
            if (!p || !q) continue;
            FigureSeries ads = styled(*in.sample, in.legend);
            FigureSeries des = styled(*in.sample, in.legend + tr(" des."));
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
            f.insetAuto = true; // where it hides no data (a hysteresis loop of mesoporous samples)
        }
        return f;
    }
    case 1: {
        f.title = tr("BET plot");
        f.x.label = QStringLiteral("p/p_{0}");
        f.y.label = QStringLiteral("p/[n(p_{0} − p)] (g cm^{-3})");
        for (const FigureInput& in : inputs) {
            FigureSeries pts = styled(*in.sample, in.legend);
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
        for (const FigureInput& in : inputs) {
            FigureSeries pts = styled(*in.sample, in.legend);
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
        for (const FigureInput& in : inputs) {
            const QJsonObject tp = in.result.value("t_plot").toObject();
            FigureSeries pts = styled(*in.sample, in.legend);
            pts.line = false;
            pts.marker = in.sample->marker;
            pointsFrom(tp.value("points").toArray(), "t_angstrom", "amount_cm3_g", pts);
            f.series.push_back(pts);
            const QJsonArray r = tp.value("t_range_angstrom").toArray();
            if (r.size() == 2) {
                FigureSeries line = styled(*in.sample, tr("fit"));
                line.inLegend = false;
                const double s = tp.value("slope_cm3_g_angstrom").toDouble(),
                             i0 = tp.value("intercept_cm3_g").toDouble();
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

} // namespace vanadis
