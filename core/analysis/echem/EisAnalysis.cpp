#include "analysis/echem/EisAnalysis.h"
#include "analysis/JsonNumber.h"

#include "analysis/FigureHelpers.h"
#include "model/Translate.h"
#include "numeric/echem/Circuit.h"
#include "numeric/echem/Drt.h"
#include "numeric/echem/EisFit.h"
#include "numeric/echem/LinKK.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>
#include <numbers>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::EisAnalysis", s);
}

const char* const kDefaultCircuit = "R0-p(R1,CPE1)-W1";

ParamSpec optionalNumber(const char* key, const QString& label, const QString& help)
{
    ParamSpec s = numberParam(key, label, {}, 0.0, -std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::infinity(), help);
    s.defaultValue = QJsonValue::Null;
    s.optional = true;
    return s;
}

} // namespace

ParamTable<EisParams> eisParamTable()
{
    using P = EisParams;
    ParamTable<P> t;
    t.field(
        &P::circuit,
        textParam("circuit", tr("Equivalent circuit"), QString::fromLatin1(kDefaultCircuit),
                  tr("impedance.py notation: elements R, C, L, CPE, W, Wo, Ws, Zarc with an index; '-' in "
                     "series, p(a,b) in parallel. Default: Rs + (Rct‖CPE) + Warburg.")));
    t.last().validator = [](const QString& text) -> std::optional<QString> {
        auto c = echem::Circuit::parse(text.toStdString());
        if (c) return std::nullopt;
        return QString::fromStdString(c.error().location + ": " + c.error().reason);
    };
    t.last().preview = QStringLiteral("echem_circuit");
    t.field(&P::weighting,
            choiceParam("weighting", tr("Weighting"), {"modulus", "proportional", "unit"}, "modulus",
                        {tr("Modulus (1/|Z|²)"), tr("Proportional (1/Z'², 1/Z''²)"), tr("Unit")},
                        tr("Residual weights of the complex least squares (Boukamp 1995).")));
    ParamTable<EisParamRow> row;
    row.field(&EisParamRow::name, textParam("name", tr("Parameter"), QString(), {}));
    row.field(&EisParamRow::start, optionalNumber("start", tr("Start value"), {}));
    row.field(&EisParamRow::fixed, boolParam("fixed", tr("Fixed"), false));
    row.field(&EisParamRow::lower, optionalNumber("lower", tr("Lower bound"), {}));
    row.field(&EisParamRow::upper, optionalNumber("upper", tr("Upper bound"), {}));
    ParamSpec table;
    table.key = QStringLiteral("parameters");
    table.label = tr("Start values, fixed values and bounds");
    table.type = ParamSpec::Type::Table;
    table.defaultValue = QJsonArray();
    table.help = tr("Rows name (R1, CPE1_n; impedance.py's CPE1_1 too), start, fixed, lower, upper. "
                    "Parameters without a row start from values read off the spectrum.");
    table.advanced = true;
    t.table(&P::parameters, table, row);
    ParamSpec range;
    range.key = QStringLiteral("f_range_hz");
    range.label = tr("Frequency range");
    range.type = ParamSpec::Type::Range;
    range.unit = QStringLiteral("Hz");
    range.min = 0.0;
    range.optional = true;
    range.defaultValue = QJsonValue::Null;
    range.help = tr("Only points inside this range are fitted and tested; empty = all.");
    range.advanced = true;
    t.field(&P::fRangeHz, range);
    t.field(&P::dropInductive, boolParam("drop_inductive", tr("Leave out inductive points (Z'' > 0)"), false,
                                         tr("High-frequency points where cables make Z'' positive.")));
    t.last().advanced = true;
    t.field(&P::linKk, boolParam("lin_kk", tr("Lin-KK validity test"), true,
                                 tr("Schönleber et al. 2014: residuals of ≲ 1 % mean the spectrum is "
                                    "Kramers–Kronig compliant.")));
    t.field(&P::linKkCapacitor,
            boolParam("lin_kk_capacitor", tr("Lin-KK with a series capacitor"), true,
                      tr("On by default: battery spectra end in a diffusion or blocking tail that a series "
                         "of RC elements alone cannot follow (a valid Randles–Warburg spectrum then shows "
                         "≈ 7 % residuals); on a spectrum that closes on the real axis its term vanishes.")));
    t.field(&P::drt, boolParam("drt", tr("Distribution of relaxation times"), true,
                               tr("γ(τ) by Tikhonov-regularised non-negative least squares (Saccoccio et al. "
                                  "2014): each arc becomes a peak at its time constant whose area is its "
                                  "resistance. Independent of the circuit.")));
    t.field(&P::drtLambdaRule,
            choiceParam("drt_lambda_rule", tr("DRT regularisation λ"), {"mgcv", "gcv", "manual"}, "mgcv",
                        {tr("Modified GCV (automatic)"), tr("GCV (automatic)"), tr("Given value")},
                        tr("How λ is chosen. λ trades smoothness against fidelity: too small splits a peak "
                           "into ripples, too large merges neighbouring peaks. Generalised cross-validation "
                           "picks the λ that best predicts left-out points; the modified form (Kim & Gu "
                           "2004) smooths a little more and is the safer default for a few dozen points.")));
    t.field(&P::drtLambda,
            numberParam("drt_lambda", tr("DRT λ (given value)"), {}, 1e-3, 1e-12, 1e3,
                        tr("Used when λ is 'given value'. Dimensionless: the data misfit is "
                           "relative to |Z|, the roughness ∫(dγ/d ln τ)² relative to max|Z|².")));
    t.last().advanced = true;
    t.field(&P::linKkMu, numberParam("lin_kk_mu", tr("Lin-KK μ criterion"), {}, 0.85, 0.01, 1.0,
                                     tr("M grows until μ falls below this (Schönleber et al. use 0.85).")));
    t.last().advanced = true;
    return t;
}

ParamSchema eisSchema()
{
    return eisParamTable().schema();
}

Expected<echem::EisSpectrum> eisSpectrumFromDataset(const Dataset& d)
{
    const std::string name = d.name().toStdString();
    const Column* f = figures::find(d, "Frequency");
    if (!f)
        for (const Column& c : d.columns())
            if (c.name.contains(QLatin1String("freq"), Qt::CaseInsensitive)) f = &c;
    const Column* re = nullptr;
    const Column* im = nullptr;
    bool negated = false;
    for (const Column& c : d.columns()) {
        if (c.name == QLatin1String("Z'")) re = &c;
        if (c.name == QLatin1String("Z''")) im = &c;
        if (!im && (c.name == QLatin1String("-Z''") || c.name == QString::fromUtf8("−Z''"))) {
            im = &c;
            negated = true;
        }
    }
    if (!f || !re || !im)
        return fail(name, "", "an impedance spectrum needs the columns Frequency, Z' and Z'' (or -Z'')");
    if (!f->unit.isEmpty() && f->unit != QLatin1String("Hz"))
        return fail(name, "", "the frequency unit '" + f->unit.toStdString() + "' is not Hz");
    auto scale = [&](const Column& c) -> Expected<double> {
        const QString u = c.unit.trimmed();
        if (u.isEmpty() || u == QString::fromUtf8("Ω") ||
            u.compare(QLatin1String("ohm"), Qt::CaseInsensitive) == 0)
            return 1.0;
        if (u == QString::fromUtf8("kΩ") || u.compare(QLatin1String("kohm"), Qt::CaseInsensitive) == 0)
            return 1e3;
        return fail(name, "", "the unit '" + u.toStdString() + "' of " + c.name.toStdString() + " is not Ω");
    };
    auto sr = scale(*re), si = scale(*im);
    if (!sr) return std::unexpected(sr.error());
    if (!si) return std::unexpected(si.error());
    if (f->values.size() != re->values.size() || f->values.size() != im->values.size())
        return fail(name, "", "the frequency and impedance columns have different lengths");
    echem::EisSpectrum s;
    s.frequencyHz = f->values;
    for (double v : re->values)
        s.zRealOhm.push_back(v * *sr);
    for (double v : im->values)
        s.zImagOhm.push_back((negated ? -v : v) * *si);
    return s;
}

namespace {

QJsonArray residualArray(const echem::EisSpectrum& s, const std::vector<double>& re,
                         const std::vector<double>& im)
{
    QJsonArray a;
    for (std::size_t i = 0; i < s.size(); ++i)
        a.append(QJsonObject{{"frequency_hz", s.frequencyHz[i]},
                             {"real_pct", jsonNumber(re[i])},
                             {"imag_pct", jsonNumber(im[i])}});
    return a;
}

} // namespace

Expected<QJsonObject> computeEis(const Dataset& dataset, const QJsonObject& params)
{
    const std::string name = dataset.name().toStdString();
    auto checked = eisParamTable().read(params);
    if (!checked) return std::unexpected(checked.error());
    const EisParams& p = *checked;
    auto circuit = echem::Circuit::parse(p.circuit.toStdString());
    if (!circuit)
        return fail(name, "parameter 'circuit', " + circuit.error().location, circuit.error().reason);
    auto all = eisSpectrumFromDataset(dataset);
    if (!all) return std::unexpected(all.error());
    // The points used: inside the frequency window, inductive ones left out on request.
    echem::EisSpectrum s;
    double lo = 0.0, hi = std::numeric_limits<double>::infinity();
    if (p.fRangeHz) {
        lo = p.fRangeHz->from;
        hi = p.fRangeHz->to;
    }
    const bool dropInductive = p.dropInductive;
    for (std::size_t i = 0; i < all->size(); ++i) {
        const double f = all->frequencyHz[i];
        if (std::isfinite(f) && (f < lo || f > hi)) continue;
        if (dropInductive && all->zImagOhm[i] > 0) continue;
        s.frequencyHz.push_back(f);
        s.zRealOhm.push_back(all->zRealOhm[i]);
        s.zImagOhm.push_back(all->zImagOhm[i]);
    }
    if (auto ok = echem::validateSpectrum(s); !ok) return fail(name, ok.error().location, ok.error().reason);

    echem::EisFitOptions o;
    const QString& w = p.weighting;
    o.weighting = w == QLatin1String("unit")           ? echem::EisWeighting::Unit
                  : w == QLatin1String("proportional") ? echem::EisWeighting::Proportional
                                                       : echem::EisWeighting::Modulus;
    for (const EisParamRow& r : p.parameters) {
        const std::string pn = r.name.toStdString();
        if (circuit->indexOf(pn) < 0)
            return fail(name, "parameter 'parameters'",
                        "'" + pn + "' is not a parameter of " + circuit->text());
        const std::string canonical = circuit->parameters()[std::size_t(circuit->indexOf(pn))].name;
        if (r.start) o.start[canonical] = *r.start;
        if (r.fixed) {
            if (!r.start)
                return fail(name, "parameter 'parameters'",
                            "fixed parameter '" + pn + "' needs a value (start)");
            o.fixed[canonical] = *r.start;
        }
        if (r.lower || r.upper) {
            const auto& def = circuit->parameters()[std::size_t(circuit->indexOf(pn))];
            o.bounds[canonical] = {r.lower.value_or(def.lower), r.upper.value_or(def.upper)};
        }
    }
    auto fit = echem::fitCircuit(*circuit, s, o);
    if (!fit) return fail(name, fit.error().location, fit.error().reason);

    QJsonObject out;
    EisResult res;
    out.insert("circuit", QString::fromStdString(circuit->text()));
    out.insert("weighting", w);
    out.insert("n_points", qint64(s.size()));
    QJsonObject fittedParams;
    QJsonArray order;
    for (const auto& q : fit->parameters) {
        fittedParams.insert(QString::fromStdString(q.name),
                            QJsonObject{{"value", jsonNumber(q.value)},
                                        {"stderr", q.fixed ? QJsonValue(0.0) : jsonNumber(q.standardError)},
                                        {"unit", QString::fromStdString(q.unit)},
                                        {"ci95_low", jsonNumber(q.ci95Low)},
                                        {"ci95_high", jsonNumber(q.ci95High)},
                                        {"rel_error_pct", jsonNumber(q.relativeErrorPct)},
                                        {"fixed", q.fixed},
                                        {"on_bound", q.onBound},
                                        {"identifiable", q.identifiable}});
        order.append(QString::fromStdString(q.name));
    }
    res.parameters = fittedParams;
    if (const auto pairs = circuit->rCpePairs(); !pairs.empty()) {
        const auto& r = fit->parameters[std::size_t(pairs.front().rIndex)];
        res.chargeTransferOhm = {r.value, r.fixed ? 0.0 : r.standardError};
    }
    // Effective capacitances of the R‖CPE pairs (echem.md §6: Hsu–Mansfeld) and their apex frequencies.
    QJsonArray ceff;
    for (const auto& pair : circuit->rCpePairs()) {
        const double r = fit->parameters[std::size_t(pair.rIndex)].value,
                     q = fit->parameters[std::size_t(pair.qIndex)].value,
                     n = fit->parameters[std::size_t(pair.nIndex)].value;
        ceff.append(
            QJsonObject{{"element", QString::fromStdString(pair.element)},
                        {"resistor", QString::fromStdString(fit->parameters[std::size_t(pair.rIndex)].name)},
                        {"c_eff_f", jsonNumber(echem::hsuMansfeldCapacitanceF(r, q, n))},
                        {"apex_frequency_hz", jsonNumber(echem::rCpeApexFrequencyHz(r, q, n))},
                        {"method", QStringLiteral("Hsu-Mansfeld")}});
    }
    out.insert("effective_capacitance", ceff);
    out.insert("parameter_order", order);
    out.insert("chi2", jsonNumber(fit->chi2));
    res.chi2Reduced = fit->chi2Reduced;
    out.insert("dof", fit->dof);
    out.insert("converged", fit->converged);
    out.insert("iterations", fit->iterations);
    QJsonArray fitted;
    for (std::size_t i = 0; i < s.size(); ++i)
        fitted.append(QJsonObject{{"frequency_hz", s.frequencyHz[i]},
                                  {"z_re_ohm", jsonNumber(fit->fitted[i].real())},
                                  {"z_im_ohm", jsonNumber(fit->fitted[i].imag())}});
    out.insert("fit", fitted);
    // A smooth model curve over the measured range (10 points per measured point, log-spaced).
    double fMin = INFINITY, fMax = 0.0;
    for (double f : s.frequencyHz) {
        fMin = std::min(fMin, f);
        fMax = std::max(fMax, f);
    }
    std::vector<double> values;
    for (const auto& q : fit->parameters)
        values.push_back(q.value);
    QJsonArray curve;
    const int nc = int(std::min<std::size_t>(2000, 10 * s.size()));
    for (int k = 0; k < nc; ++k) {
        const double f = std::exp(std::log(fMax) + (std::log(fMin) - std::log(fMax)) * k / (nc - 1));
        const auto z = circuit->impedance(2.0 * std::numbers::pi * f, values);
        curve.append(QJsonObject{
            {"frequency_hz", f}, {"z_re_ohm", jsonNumber(z.real())}, {"z_im_ohm", jsonNumber(z.imag())}});
    }
    out.insert("fit_curve", curve);
    out.insert("residuals", residualArray(s, fit->residualRealPct, fit->residualImagPct));
    QJsonArray warnings;
    for (const auto& t : fit->warnings)
        warnings.append(QString::fromStdString(t));
    if (p.linKk) {
        echem::LinKKOptions lk;
        lk.seriesCapacitor = p.linKkCapacitor;
        lk.muCriterion = p.linKkMu;
        auto k = echem::linKK(s, lk);
        if (k) {
            out.insert("lin_kk",
                       QJsonObject{{"m", k->m},
                                   {"series_capacitor", lk.seriesCapacitor},
                                   {"mu_reached", k->muReached},
                                   {"residuals", residualArray(s, k->residualRealPct, k->residualImagPct)}});
            res.linKkMu = k->mu;
            res.linKkMaxResidualPct = k->maxResidualPct;
            if (!k->muReached)
                warnings.append(
                    QStringLiteral("Lin-KK: μ stayed above the criterion up to M = %1").arg(k->m));
            if (k->maxResidualPct > 2.0)
                warnings.append(
                    QStringLiteral("Lin-KK residuals reach %1 %: the spectrum may not be valid (drift, "
                                   "non-linearity)%2")
                        .arg(k->maxResidualPct, 0, 'f', 1)
                        .arg(lk.seriesCapacitor ? QString()
                                                : QStringLiteral("; for a blocking spectrum "
                                                                 "try the series capacitor")));
        } else {
            warnings.append(QString::fromStdString("Lin-KK not computed: " + k.error().reason));
        }
    }
    if (p.drt) {
        echem::DrtOptions dopt;
        dopt.rule = p.drtLambdaRule == QLatin1String("manual") ? echem::DrtLambdaRule::Manual
                    : p.drtLambdaRule == QLatin1String("gcv")  ? echem::DrtLambdaRule::Gcv
                                                               : echem::DrtLambdaRule::Mgcv;
        dopt.lambda = p.drtLambda;
        auto d = echem::drt(s, dopt);
        if (d) {
            QJsonArray tau, gamma, list;
            for (std::size_t k = 0; k < d->tauS.size(); ++k) {
                tau.append(d->tauS[k]);
                gamma.append(jsonNumber(d->gammaOhm[k]));
            }
            QJsonObject peaks;
            for (std::size_t k = 0; k < d->peaks.size(); ++k) {
                const auto& pk = d->peaks[k];
                const QJsonObject o{{"tau_s", jsonNumber(pk.tauS)},
                                    {"frequency_hz", jsonNumber(pk.frequencyHz)},
                                    {"r_ohm", jsonNumber(pk.rOhm)},
                                    {"gamma_ohm", jsonNumber(pk.gammaOhm)}};
                list.append(o);
                // Keys that sort in τ order in the result view (JSON objects are sorted by key).
                peaks.insert(QStringLiteral("P%1").arg(k + 1, 2, 10, QLatin1Char('0')), o);
            }
            out.insert("drt", QJsonObject{{"lambda_rule", p.drtLambdaRule},
                                          {"r_inf_ohm", jsonNumber(d->rInfOhm)},
                                          {"inductance_h", jsonNumber(d->inductanceH)},
                                          {"tau_window_s", QJsonArray{d->tauWindowLowS, d->tauWindowHighS}},
                                          {"tau_s", tau},
                                          {"gamma_ohm", gamma},
                                          {"peak_list", list}});
            res.drtPeaks = peaks;
            res.drtLambda = d->lambda;
            res.drtPolarisationOhm = d->polarisationOhm;
        } else {
            warnings.append(QString::fromStdString("DRT not computed: " + d.error().reason));
        }
    }
    out.insert("warnings", warnings);
    res.cycle = eisCycleNumber(dataset);
    if (auto wr = eisResultTable().write(res, out); !wr) return fail(name, "", wr.error().reason);
    return out;
}

std::optional<double> eisCycleNumber(const Dataset& d)
{
    for (const char* key : {"cycle", "cycle_number", "cycles"}) {
        const QJsonValue v = d.metadata().value(QLatin1String(key));
        if (v.isDouble()) return v.toDouble();
        bool ok = false;
        const double x = v.toString().trimmed().toDouble(&ok);
        if (ok) return x;
    }
    static const QRegularExpression before(
        QStringLiteral("(\\d+)\\s*(?:st|nd|rd|th)?\\s*(?:cycles?|cyc)(?![a-z])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression after(
        QStringLiteral("(?:cycles?|cyc)\\s*(?:no\\.?|number|nr\\.?|#)?\\s*[:=]?\\s*(\\d+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pristine(QStringLiteral("pristine|fresh|uncycled|before cycling"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (const QString& text : {d.label(), d.name()}) {
        if (text.isEmpty()) continue;
        if (auto m = before.match(text); m.hasMatch()) return m.captured(1).toDouble();
        if (auto m = after.match(text); m.hasMatch()) return m.captured(1).toDouble();
        if (pristine.match(text).hasMatch()) return 0.0;
    }
    return std::nullopt;
}

namespace {

/// Rct ± 1σ against the cycle number, one line per sample over all its spectra with a cycle number
/// and an Rct; the error bars are short vertical series of the sample's colour.
FigureSpec eisRctCyclesFigure(FigureSpec f, const std::vector<FigureInput>& inputs)
{
    using namespace figures;
    f.x.label = tr("Cycle number");
    f.y.label = tr("Rct (Ω)");
    struct Point {
        double cycle, r, err;
    };
    std::vector<const Sample*> order;
    std::map<const Sample*, std::vector<Point>> bySample;
    double cMin = INFINITY, cMax = 0.0;
    for (const FigureInput& in : inputs) {
        const double r = resultValue(in.result, QStringLiteral("r_ct_ohm")).toDouble(std::nan(""));
        const double e = resultValue(in.result, QStringLiteral("r_ct_err")).toDouble(0.0);
        const auto c = eisCycleNumber(*in.dataset);
        if (!c || !std::isfinite(r)) continue;
        if (!bySample.count(in.sample)) order.push_back(in.sample);
        bySample[in.sample].push_back({*c, r, std::isfinite(e) ? e : 0.0});
        cMin = std::min(cMin, *c);
        cMax = std::max(cMax, *c);
    }
    // Cycle counts 1, 10, 100 … read best on a log axis; a pristine (0) spectrum needs a linear one.
    f.x.logScale = cMin > 0.0 && cMax / cMin >= 50.0;
    for (const Sample* s : order) {
        auto& pts = bySample[s];
        std::sort(pts.begin(), pts.end(), [](const Point& a, const Point& b) { return a.cycle < b.cycle; });
        FigureSeries line = styled(*s, s->name);
        line.marker = s->marker;
        line.filled = true;
        for (const Point& p : pts) {
            line.x.push_back(p.cycle);
            line.y.push_back(p.r);
        }
        f.series.push_back(line);
        for (const Point& p : pts) {
            if (!(p.err > 0.0)) continue;
            FigureSeries bar = styled(*s, s->name + tr(" ±1σ"));
            bar.inLegend = false;
            bar.dash = QStringLiteral("solid");
            bar.x = {p.cycle, p.cycle};
            bar.y = {p.r - p.err, p.r + p.err};
            f.series.push_back(bar);
        }
    }
    return f;
}

std::vector<FigureDecl> eisFigureDecls()
{
    return {{QStringLiteral("eis_nyquist"), tr("Nyquist plot with fit"), true, {}},
            {QStringLiteral("eis_bode"), tr("Bode plot with fit"), true, {}},
            {QStringLiteral("eis_linkk"), tr("Lin-KK residuals"), false, {}},
            {QStringLiteral("drt"), tr("Distribution of relaxation times"), true, {}},
            {QStringLiteral("eis_rct_cycles"), tr("Rct against cycle number"), true, {}}};
}

FigureSpec eisFigure(const QString& figureId, const std::vector<FigureInput>& inputs)
{
    using namespace figures;
    const int index = figureIndex(eisFigureDecls(), figureId);
    FigureSpec f;
    f.id = figureId;
    if (index == 0) {
        f.x.label = QStringLiteral("Z' (Ω)");
        f.y.label = QStringLiteral("−Z'' (Ω)");
        f.equalAspect = true;
    } else if (index == 1) {
        f.x.label = tr("Frequency (Hz)");
        f.x.logScale = true;
        f.y.label = QStringLiteral("|Z| (Ω)");
        f.y.logScale = true;
        f.y2 = FigureAxis{tr("−Phase (°)"), false, false, std::nullopt, std::nullopt};
    } else if (index == 2) {
        f.x.label = tr("Frequency (Hz)");
        f.x.logScale = true;
        f.y.label = tr("Lin-KK residual (%)");
    } else if (index == 3) {
        f.x.label = tr("τ (s)");
        f.x.logScale = true;
        f.y.label = tr("γ (Ω)");
        for (const FigureInput& in : inputs) {
            const QJsonObject d = in.result.value("drt").toObject();
            FigureSeries g = styled(*in.sample, in.legend);
            const QJsonArray tau = d.value("tau_s").toArray(), gamma = d.value("gamma_ohm").toArray();
            // Drawn over the measured window 1/ω_max … 1/ω_min (with a grid step of slack): beyond it
            // the grid only absorbs what the data cannot place (a diffusion tail), not a distribution.
            const QJsonArray window = d.value("tau_window_s").toArray();
            const double lo = window.size() == 2 ? window[0].toDouble() / 1.3 : 0.0,
                         hi = window.size() == 2 ? window[1].toDouble() * 1.3 : INFINITY;
            for (qsizetype k = 0; k < tau.size() && k < gamma.size(); ++k) {
                const double t = tau[k].toDouble();
                if (t < lo || t > hi) continue;
                g.x.push_back(t);
                g.y.push_back(gamma[k].toDouble());
            }
            if (g.x.empty()) continue;
            // The peaks marked with their resistance, so the figure carries what the table reports.
            FigureSeries pk = styled(*in.sample, in.legend + tr(" peaks"));
            pk.line = false;
            pk.marker = in.sample->marker;
            pk.inLegend = false;
            // Every peak marked; only those of ≥ 10 % of the largest labelled, so overlaid samples stay
            // legible.
            double rMax = 0.0;
            for (const QJsonValue& v : d.value("peak_list").toArray())
                rMax = std::max(rMax, v.toObject().value("r_ohm").toDouble());
            for (const QJsonValue& v : d.value("peak_list").toArray()) {
                const QJsonObject o = v.toObject();
                const double r = o.value("r_ohm").toDouble();
                pk.x.push_back(o.value("tau_s").toDouble());
                pk.y.push_back(o.value("gamma_ohm").toDouble());
                pk.pointLabels.push_back(r >= 0.1 * rMax ? QStringLiteral("%1 Ω").arg(r, 0, 'g', 3)
                                                         : QString());
            }
            f.series.push_back(g);
            if (!pk.x.empty()) f.series.push_back(pk);
        }
        return f;
    } else {
        return eisRctCyclesFigure(f, inputs);
    }
    for (const FigureInput& in : inputs) {
        auto s = eisSpectrumFromDataset(*in.dataset);
        if (!s) continue;
        if (index == 2) {
            const QJsonArray r = in.result.value("lin_kk").toObject().value("residuals").toArray();
            FigureSeries re = styled(*in.sample, in.legend + QStringLiteral(" Δ'"));
            re.marker = in.sample->marker;
            pointsFrom(r, "frequency_hz", "real_pct", re);
            FigureSeries im = styled(*in.sample, in.legend + QStringLiteral(" Δ''"));
            im.marker = in.sample->marker;
            im.dash = "dash";
            im.filled = true;
            pointsFrom(r, "frequency_hz", "imag_pct", im);
            f.series.push_back(re);
            f.series.push_back(im);
            continue;
        }
        FigureSeries data = styled(*in.sample, in.legend);
        data.marker = in.sample->marker;
        data.line = false;
        FigureSeries phase = styled(*in.sample, in.legend + tr(" phase"));
        phase.marker = in.sample->marker;
        phase.line = false;
        phase.onRightAxis = true;
        phase.inLegend = false;
        for (std::size_t i = 0; i < s->size(); ++i) {
            if (index == 0) {
                data.x.push_back(s->zRealOhm[i]);
                data.y.push_back(-s->zImagOhm[i]);
            } else {
                data.x.push_back(s->frequencyHz[i]);
                data.y.push_back(std::hypot(s->zRealOhm[i], s->zImagOhm[i]));
                phase.x.push_back(s->frequencyHz[i]);
                phase.y.push_back(-std::atan2(s->zImagOhm[i], s->zRealOhm[i]) * 180.0 / std::numbers::pi);
            }
        }
        f.series.push_back(data);
        if (index == 1) f.series.push_back(phase);
        const QJsonArray curve = in.result.value("fit_curve").toArray();
        if (curve.isEmpty()) continue;
        FigureSeries fit = styled(*in.sample, in.legend + tr(" fit"));
        fit.inLegend = false;
        FigureSeries fitPhase = fit;
        fitPhase.onRightAxis = true;
        fitPhase.dash = "dash";
        for (const QJsonValue& v : curve) {
            const QJsonObject o = v.toObject();
            const double fr = o.value("frequency_hz").toDouble(), re = o.value("z_re_ohm").toDouble(),
                         im = o.value("z_im_ohm").toDouble();
            if (index == 0) {
                fit.x.push_back(re);
                fit.y.push_back(-im);
            } else {
                fit.x.push_back(fr);
                fit.y.push_back(std::hypot(re, im));
                fitPhase.x.push_back(fr);
                fitPhase.y.push_back(-std::atan2(im, re) * 180.0 / std::numbers::pi);
            }
        }
        f.series.push_back(fit);
        if (index == 1) f.series.push_back(fitPhase);
    }
    return f;
}

} // namespace

const ResultTable<EisResult>& eisResultTable()
{
    static const ResultTable<EisResult> t = [] {
        using R = EisResult;
        const QString ohm = QStringLiteral("Ω");
        ResultTable<R> t;
        t.value(&R::parameters, "parameters", tr("Fitted parameters"));
        t.measured(&R::chargeTransferOhm, "r_ct_ohm", "r_ct_err",
                   tr("Charge-transfer resistance (R of the first R‖CPE)"), ohm)
            .headline(tr("Rct (Ω)"));
        t.value(&R::chi2Reduced, "chi2_reduced", tr("Reduced χ²"));
        t.value(&R::linKkMaxResidualPct, "lin_kk.max_residual_pct", tr("Lin-KK largest residual"),
                QStringLiteral("%"))
            .headline(tr("Lin-KK max (%)"));
        t.value(&R::linKkMu, "lin_kk.mu", tr("Lin-KK μ"));
        t.value(&R::drtPeaks, "drt.peaks", tr("DRT peaks (τ, resistance)"));
        t.value(&R::drtPolarisationOhm, "drt.polarisation_ohm", tr("DRT polarisation resistance (∫γ d ln τ)"),
                ohm);
        t.value(&R::drtLambda, "drt.lambda", tr("DRT regularisation λ"));
        t.value(&R::cycle, "cycle", tr("Cycle number (from the dataset label or metadata)"))
            .headline(tr("Cycle"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& eisAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QString::fromLatin1(kEisAnalysisId);
        a.version = kEisAnalysisVersion;
        a.technique = Technique::Echem;
        // A circuit is a modelling choice: the fit runs when the user asks for it on a spectrum.
        a.automatic = false;
        a.name = tr("Impedance: equivalent-circuit fit and Lin-KK");
        a.input.types = {QStringLiteral("eis")};
        a.params = eisSchema;
        a.outputs = [] { return eisResultTable().outputs(); };
        a.figures = eisFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeEis(in.main.front(), params);
        };
        a.buildFigure = eisFigure;
        auto text = [](const char* key) {
            return [key = QString::fromLatin1(key)](const QString& v) -> Expected<QJsonObject> {
                return QJsonObject{{key, v}};
            };
        };
        a.cliOptions = {
            {QStringLiteral("circuit"),
             QStringLiteral("Equivalent circuit, impedance.py notation (default R0-p(R1,CPE1)-W1)."),
             QStringLiteral("STR"), text("circuit")},
            {QStringLiteral("weighting"), QStringLiteral("modulus (default), proportional or unit."),
             QStringLiteral("W"), text("weighting")}};
        return a;
    }();
    return d;
}

} // namespace vanadis
