#include "analysis/xps/XpsAnalysis.h"
#include "analysis/JsonNumber.h"
#include "analysis/xps/XpsComponentEdit.h"
#include "analysis/xps/XpsModelRows.h"

#include "analysis/FigureHelpers.h"
#include "model/Translate.h"
#include "numeric/xps/SpinOrbit.h"
#include "numeric/xps/XpsFit.h"
#include "numeric/xps/XpsPresets.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace vanadis {

namespace {

QString tr(const char* text)
{
    return translated("vanadis::XpsAnalysis", text);
}

ParamSpec refParam(const char* key, const QString& label, const QString& help)
{
    return datasetRefParam(key, label, {QStringLiteral("xps_region")}, help);
}

ParamSpec optionalNumber(const char* key, const QString& label, const QString& unit, double lo, double hi,
                         const QString& help)
{
    ParamSpec s = numberParam(key, label, unit, 0.0, lo, hi, help);
    s.defaultValue = QJsonValue(QJsonValue::Null);
    s.optional = true;
    return s;
}

struct Spectrum {
    std::vector<double> be, y;
    QString label;
};

Expected<Spectrum> spectrumOf(const Dataset& d)
{
    if (auto ok = d.ensureLoaded(); !ok) return std::unexpected(ok.error());
    const Column* x = figures::find(d, "Binding Energy");
    if (!x) x = figures::find(d, "BE");
    const Column* y = figures::find(d, "Intensity");
    if (!y && d.columns().size() >= 2) y = &d.columns()[1];
    const std::string name = d.displayLabel().toStdString();
    if (!x || !y)
        return fail(d.provenance().originalFileName.toStdString(), "dataset '" + name + "'",
                    "an XPS region needs a 'Binding Energy' and an 'Intensity' column");
    return Spectrum{x->values, y->values, d.label().isEmpty() ? d.displayLabel() : d.label()};
}

/// The dataset labelled \a label (case-insensitive, spaces ignored) among the references.
const Dataset* findByLabel(const ComputeInputs& in, const QString& label)
{
    auto key = [](QString s) { return s.remove(' ').toLower(); };
    for (const auto& [id, d] : in.references)
        if (key(d.label()) == key(label)) return &d;
    return nullptr;
}

const Dataset* refOrLabel(const ComputeInputs& in, std::optional<Id> ref, const QString& label)
{
    if (ref) {
        const auto it = in.references.find(*ref);
        if (it != in.references.end()) return &it->second;
    }
    return findByLabel(in, label);
}

xps::BackgroundKind backgroundOf(const QString& k)
{
    if (k == "shirley") return xps::BackgroundKind::Shirley;
    if (k == "linear") return xps::BackgroundKind::Linear;
    if (k == "tougaard_u2") return xps::BackgroundKind::TougaardU2;
    if (k == "tougaard_u3") return xps::BackgroundKind::TougaardU3;
    if (k == "none") return xps::BackgroundKind::None;
    return xps::BackgroundKind::ActiveShirley;
}

bool hasO1sComponents(const xps::ModelSpec& m)
{
    for (const auto& c : m.components)
        if (c.center.value > 527.0 && c.center.value < 536.0) return true;
    return false;
}

/// C–C is the strongest C 1s line of adventitious carbon: the C 1s model starts there (±2 eV), whatever
/// the charging or the energy scale of the instrument.
void startAtMaximum(xps::ModelSpec& c1s, const std::vector<double>& be, const std::vector<double>& y)
{
    if (y.empty() || c1s.components.empty()) return;
    const double at = be[std::size_t(std::max_element(y.begin(), y.end()) - y.begin())];
    c1s.components[0].center = {at, at - 2.0, at + 2.0};
}

/// \a spec with the fitted positions, widths, shape extras and shared parameters as start values, for
/// model_rows: the fitted model to edit or to fit on another sample. Areas start again from the data
/// (another sample's intensities differ) unless they are fixed.
xps::ModelSpec fittedStarts(xps::ModelSpec spec, const fit::FitResult& raw)
{
    auto fitted = [&](const std::string& name, xps::ParamSpec& p) {
        if (p.fixed || !p.tie.empty()) return;
        for (std::size_t i = 0; i < raw.names.size() && i < raw.values.size(); ++i)
            if (raw.names[i] == name && std::isfinite(raw.values[i]))
                p.value = std::clamp(raw.values[i], p.lower, p.upper);
    };
    for (auto& c : spec.components) {
        const auto& names = lineshape::shapeParameterNames(c.shape);
        fitted(c.id + "_center", c.center);
        fitted(c.id + "_fwhm", c.fwhm);
        for (std::size_t e = 0; e < c.extras.size() && e + 2 < names.size(); ++e)
            fitted(c.id + "_" + names[e + 2], c.extras[e]);
        if (!c.area.fixed) c.area.value = 0.0;
    }
    for (auto& a : spec.auxiliary)
        fitted(a.name, a.param);
    return spec;
}

} // namespace

ParamTable<XpsParams> xpsParamTable()
{
    using P = XpsParams;
    ParamTable<P> t;
    t.field(
        &P::region,
        textParam("region", tr("Region"), QString(),
                  tr("The region to fit (\"V 2p\", \"C 1s\"); empty = the selected dataset. On the command "
                     "line it picks the block of a file with several regions.")));
    t.field(&P::model,
            choiceParam(
                "model", tr("Model"), {"study_v2p_o1s", "literature_v_oxides", "c1s", "generic", "custom"},
                QStringLiteral("study_v2p_o1s"),
                {tr("V 2p + O 1s as in the study"), tr("Literature V oxides"), tr("C 1s"),
                 tr("Any core level"), tr("Custom (component table)")},
                tr("Presets of xps.md §3–4; 'generic' builds doublets of the core level below with the "
                   "spin–orbit splitting and area ratio of the built-in table; 'custom' fits the component "
                   "table below.")));
    t.field(
        &P::startFromPreset,
        choiceParam(
            "start_from_preset", tr("Start from preset (custom model)"),
            {"none", "study_v2p_o1s", "literature_v_oxides", "c1s"}, QStringLiteral("none"),
            {tr("None"), tr("V 2p + O 1s as in the study"), tr("Literature V oxides"), tr("C 1s")},
            tr("Fills the component table with this preset's rows to edit (model 'custom'); with an empty "
               "table the custom model is this preset. Every fit also returns its model as rows, model_rows, "
               "to save as a model file.")));
    t.last().fills = [](const QString& key) {
        auto p = xps::preset(key.toStdString());
        if (!p) return QJsonObject();
        QJsonObject o = xpsRowsToJson(xpsRowsFromModel(*p));
        o.insert("model", QStringLiteral("custom"));
        return o;
    };
    t.field(&P::coreLevel, textParam("core_level", tr("Core level (generic model)"), QStringLiteral("V 2p"),
                                     tr("Element and level, e.g. \"Pt 4f\", \"Mo 3d\", \"V 2p\".")));
    t.field(&P::states, integerParam("states", tr("Chemical states (generic model)"), QString(), 1, 1, 8,
                                     tr("Number of doublets (or singlets for s levels).")));
    t.field(&P::shape,
            choiceParam("shape", tr("Line shape (generic model)"), {"gl", "sgl", "la", "voigt"},
                        QStringLiteral("gl"),
                        {tr("GL(30), CasaXPS product"), tr("SGL(30), sum"), tr("LA asymmetric"), tr("Voigt")},
                        tr("CasaXPS definitions (xps.md §1); LA for metals.")));
    t.field(&P::background,
            choiceParam("background", tr("Background"),
                        {"active_shirley", "shirley", "linear", "tougaard_u2", "tougaard_u3", "none"},
                        QStringLiteral("active_shirley"),
                        {tr("Shirley, fitted with the peaks"), tr("Shirley (iterative)"), tr("Linear"),
                         tr("Tougaard U2"), tr("Tougaard U3"), tr("None")},
                        tr("Proctor & Sherwood 1982 iterative Shirley; the active form is optimised inside "
                           "the fit; Tougaard 1989/1997.")));
    t.field(&P::chargeRefEv,
            optionalNumber("charge_ref_ev", tr("C 1s C–C reference"), QStringLiteral("eV"), 280.0, 290.0,
                           tr("When set, the C 1s region of the sample is fitted and every energy is "
                              "shifted so that C–C sits here (284.8 adventitious, 284.4 sp² carbon).")));
    t.field(&P::chargeRefDataset,
            refParam("charge_ref_dataset", tr("C 1s region"),
                     tr("The C 1s region for charge referencing; empty = the region labelled \"C 1s\".")));
    t.field(&P::jointDataset,
            refParam("joint_dataset", tr("O 1s region (joint window)"),
                     tr("Fitted with a V 2p region under one background; empty = the region labelled "
                        "\"O 1s\" when the model has O 1s lines.")));
    t.field(&P::windowLoEv, optionalNumber("window_lo_ev", tr("Window from"), QStringLiteral("eV"), -50.0,
                                           2000.0, tr("Lowest binding energy fitted; empty = all.")));
    t.field(&P::windowHiEv, optionalNumber("window_hi_ev", tr("Window to"), QStringLiteral("eV"), -50.0,
                                           2000.0, tr("Highest binding energy fitted; empty = all.")));
    const ParamSchema tables = xpsModelTableParams(); // components, auxiliary, ratios, differences
    t.table(&P::components, tables[0], xpsComponentRowTable());
    t.table(&P::auxiliary, tables[1], xpsAuxRowTable());
    t.table(&P::ratios, tables[2], xpsRatioRowTable());
    t.table(&P::differences, tables[3], xpsDifferenceRowTable());
    t.field(&P::monteCarlo,
            integerParam("monte_carlo", tr("Monte-Carlo replicas"), QString(), 0, 0, 1000,
                         tr("Refits of noisy replicas for ratio errors besides the covariance (0 = off).")));
    t.last().minimumMeans = tr("off");
    t.last().advanced = true;
    t.field(&P::seed, integerParam("seed", tr("Monte-Carlo seed"), QString(), 1, 1, 1000000000, {}));
    t.last().advanced = true;
    return t;
}

ParamSchema xpsSchema()
{
    return xpsParamTable().schema();
}

Expected<QJsonObject> computeXps(const ComputeInputs& in, const QJsonObject& given)
{
    auto checked = xpsParamTable().read(given);
    if (!checked) return std::unexpected(checked.error());
    const XpsParams& p = *checked;
    const Dataset& main = in.main.front();
    const std::string file = main.provenance().originalFileName.toStdString();
    auto sp = spectrumOf(main);
    if (!sp) return std::unexpected(sp.error());
    QJsonArray warnings;
    QJsonArray regions{sp->label};

    // Charge reference from C 1s.
    double shift = 0.0;
    std::vector<xps::LevelArea> c1sLevels; // for atomic %
    if (p.chargeRefEv) {
        const Dataset* c = QString(sp->label).remove(' ').toLower() == "c1s"
                               ? &main
                               : refOrLabel(in, p.chargeRefDataset, "C 1s");
        if (!c)
            return fail(file, "charge referencing",
                        "no C 1s region to reference to (give charge_ref_dataset)");
        auto cs = spectrumOf(*c);
        if (!cs) return std::unexpected(cs.error());
        auto c1s = xps::preset("c1s");
        startAtMaximum(*c1s, cs->be, cs->y);
        auto cf = xps::fitXps(cs->be, cs->y, *c1s);
        if (!cf) return fail(file, "C 1s fit", cf.error().reason);
        shift = xps::chargeShiftEv(cf->component("CC")->positionEv, *p.chargeRefEv);
        if (c != &main) c1sLevels = cf->levels;
        if (c != &main) regions.append(cs->label);
    }

    // Model.
    const QString& modelKey = p.model;
    xps::ModelSpec spec;
    if (modelKey == "generic") {
        lineshape::Shape shape = lineshape::Shape::GL;
        lineshape::shapeFromKey(p.shape.toStdString(), shape);
        std::vector<double> be = sp->be;
        for (double& e : be)
            e += shift;
        auto g = xps::genericCoreLevelModel(p.coreLevel.toStdString(), p.states, shape, be, sp->y);
        if (!g) return fail(file, "parameter 'core_level'", g.error().reason);
        spec = *g;
    } else if (modelKey == "custom") {
        std::optional<XpsModelRows> rows = XpsModelRows{p.components, p.auxiliary, p.ratios, p.differences};
        const QString& start = p.startFromPreset;
        if (rows->components.empty() && !start.isEmpty() && start != "none") {
            auto preset = xps::preset(start.toStdString());
            if (!preset) return fail(file, "parameter 'start_from_preset'", preset.error().reason);
            rows = xpsRowsFromModel(*preset);
        }
        if (rows->components.empty())
            return fail(file, "parameter 'components'",
                        "the custom model has no components: fill the component table, choose 'Start from "
                        "preset' or give a model file (--model PATH.json)");
        auto m = xpsModelFromRows(*rows);
        if (!m) return fail(file, m.error().location, m.error().reason);
        spec = *m;
    } else {
        auto p = xps::preset(modelKey.toStdString());
        if (!p) return fail(file, "parameter 'model'", p.error().reason);
        spec = *p;
        if (modelKey == "c1s") {
            std::vector<double> be = sp->be;
            for (double& e : be)
                e += shift;
            startAtMaximum(spec, be, sp->y);
        }
    }
    spec.background = backgroundOf(p.background);
    if (p.windowLoEv) spec.windowLoEv = *p.windowLoEv;
    if (p.windowHiEv) spec.windowHiEv = *p.windowHiEv;

    // Data: the region, joined by O 1s when the model needs it and the region lacks it.
    std::vector<double> be = sp->be, y = sp->y;
    const double hi = be.empty() ? 0.0 : *std::max_element(be.begin(), be.end());
    if (modelKey != "generic" && hasO1sComponents(spec) && hi + shift < 533.0) {
        const Dataset* o = refOrLabel(in, p.jointDataset, "O 1s");
        if (!o) {
            warnings.append(
                tr("The model has O 1s lines but the region ends below 533 eV and no O 1s region was "
                   "given: the O 1s lines have nothing to fit."));
        } else {
            auto os = spectrumOf(*o);
            if (!os) return std::unexpected(os.error());
            auto j = xps::jointWindow({sp->be, os->be}, {sp->y, os->y}, -1e9, 1e9);
            if (!j) return fail(file, "joint V 2p + O 1s window", j.error().reason);
            be = j->bindingEv;
            y = j->intensity;
            regions.append(os->label);
            for (const auto& w : j->warnings)
                warnings.append(QString::fromStdString(w));
        }
    }
    for (double& e : be)
        e += shift;
    // A model whose lines all lie outside the region (the V 2p preset on a survey or a C 1s block) gets a
    // chemist's message instead of the engine's "the model does not depend on this parameter".
    if (!be.empty()) {
        const auto [lo, hiBe] = std::minmax_element(be.begin(), be.end());
        double first = INFINITY, last = -INFINITY;
        bool anyInside = false;
        for (const auto& c : spec.components) {
            if (!c.center.tie.empty()) continue;
            first = std::min(first, c.center.value);
            last = std::max(last, c.center.value);
            anyInside = anyInside || (c.center.value >= *lo - 1.0 && c.center.value <= *hiBe + 1.0);
        }
        if (!anyInside && std::isfinite(first))
            return fail(file, "dataset '" + main.displayLabel().toStdString() + "'",
                        QStringLiteral("the region covers %1–%2 eV but the model's lines lie at %3–%4 eV: "
                                       "choose the region the model is for (--region, e.g. \"V 2p\") or "
                                       "another model")
                            .arg(*lo, 0, 'f', 1)
                            .arg(*hiBe, 0, 'f', 1)
                            .arg(first, 0, 'f', 1)
                            .arg(last, 0, 'f', 1)
                            .toStdString());
    }

    // The rows the fit starts from, data-dependent starts included (C 1s at the maximum, the generic
    // model): the plot's component edits turn a preset into exactly this custom model.
    const QJsonObject startRows = xpsRowsToJson(xpsRowsFromModel(spec));
    xps::FitSettings settings;
    settings.monteCarloSamples = p.monteCarlo;
    settings.monteCarloSeed = std::uint64_t(p.seed);
    auto f = xps::fitXps(be, y, spec, settings);
    if (!f) {
        Error e = f.error();
        e.file = file;
        e.location = "dataset '" + main.displayLabel().toStdString() + "'" +
                     (e.location.empty() ? "" : ", " + e.location);
        return std::unexpected(e);
    }
    for (const auto& w : f->warnings)
        warnings.append(QString::fromStdString(w));
    // xps.md §3: V 2p splitting outside 7.2–7.7 eV deserves a word.
    for (std::size_t i = 0; i < f->raw.names.size(); ++i)
        if (f->raw.names[i] == "split_V2p" && (f->raw.values[i] < 7.2 || f->raw.values[i] > 7.7))
            warnings.append(
                QStringLiteral("the V 2p spin–orbit splitting is %1 eV, outside the 7.2–7.7 eV of the "
                               "literature")
                    .arg(f->raw.values[i], 0, 'f', 2));

    QJsonArray comps;
    for (const auto& c : f->components)
        comps.append(QJsonObject{{"name", QString::fromStdString(c.id)},
                                 {"label", QString::fromStdString(c.label)},
                                 {"group", QString::fromStdString(c.group)},
                                 {"shape", QString::fromStdString(c.shape)},
                                 {"position_ev", jsonNumber(c.positionEv)},
                                 {"position_err", jsonNumber(c.positionErr)},
                                 {"fwhm_ev", jsonNumber(c.fwhmEv)},
                                 {"fwhm_param_ev", jsonNumber(c.fwhmParamEv)},
                                 {"height", jsonNumber(c.height)},
                                 {"area", jsonNumber(c.area)},
                                 {"area_err", jsonNumber(c.areaErr)},
                                 {"area_mc_err", jsonNumber(c.areaMcErr)},
                                 {"area_pct", jsonNumber(c.areaPercent)}});
    XpsResult res;
    QJsonObject ratios, differences;
    for (const auto& r : f->ratios) {
        const QString n = QString::fromStdString(r.name);
        // The study's two ratios are declared outputs; any other a model defines is detail.
        if (n == QLatin1String("v3_v2"))
            res.v3V2 = {r.value, r.err};
        else if (n == QLatin1String("ov_fraction"))
            res.oVacancyFraction = {r.value, r.err};
        else {
            ratios.insert(n, jsonNumber(r.value));
            ratios.insert(n + "_err", jsonNumber(r.err));
        }
        ratios.insert(n + "_lo95", jsonNumber(r.lo95));
        ratios.insert(n + "_hi95", jsonNumber(r.hi95));
        if (std::isfinite(r.mcErr)) ratios.insert(n + "_mc_err", r.mcErr);
    }
    for (const auto& r : f->differences) {
        const QString n = QString::fromStdString(r.name);
        differences.insert(n + "_ev", jsonNumber(r.value));
        differences.insert(n + "_err", jsonNumber(r.err));
    }
    auto arr = [](const std::vector<double>& v) {
        QJsonArray a;
        for (double e : v)
            a.append(jsonNumber(e));
        return a;
    };
    QJsonArray compCurves;
    for (const auto& c : f->componentCurves)
        compCurves.append(arr(c));
    res.chargeShiftEv = shift;
    res.chi2Reduced = f->chi2Reduced;
    QJsonObject out{{"regions", regions},
                    {"model", QString::fromStdString(spec.name)},
                    {"background", p.background},
                    {"components", comps},
                    {"ratios", ratios},
                    {"differences", differences},
                    {"converged", f->raw.converged},
                    {"model_rows", xpsRowsToJson(xpsRowsFromModel(fittedStarts(spec, f->raw)))},
                    {"start_rows", startRows},
                    {"warnings", warnings},
                    {"curve", QJsonObject{{"be", arr(f->bindingEv)},
                                          {"y", arr(f->intensity)},
                                          {"fit", arr(f->fitted)},
                                          {"background", arr(f->background)},
                                          {"residual", arr(f->residuals)},
                                          {"components", compCurves}}}};
    // Atomic % over the core levels fitted here (the main fit and the C 1s of the charge reference):
    // xᵢ = (Aᵢ/Sᵢ)/Σ(Aⱼ/Sⱼ) with Scofield RSFs; a level's area error comes from the covariance of its fit.
    {
        std::vector<xps::LevelArea> levels;
        for (const auto& l : f->levels)
            if (std::isfinite(xps::scofieldRsf(l.level))) levels.push_back(l);
        for (const auto& l : c1sLevels)
            if (std::isfinite(xps::scofieldRsf(l.level)) &&
                std::none_of(levels.begin(), levels.end(), [&](const auto& m) { return m.level == l.level; }))
                levels.push_back(l);
        if (levels.size() >= 2) {
            std::vector<double> a, e, rsf;
            for (const auto& l : levels) {
                a.push_back(l.area);
                e.push_back(l.err);
                rsf.push_back(xps::scofieldRsf(l.level));
            }
            const xps::AtomicPercent at = xps::atomicPercent(a, e, rsf);
            QJsonObject pct, factors;
            for (std::size_t i = 0; i < levels.size(); ++i) {
                const QString element = QString::fromStdString(levels[i].level).section(' ', 0, 0);
                const Measured m{at.percent[i], at.err[i]};
                if (element == QLatin1String("V"))
                    res.atomicPctV = m;
                else if (element == QLatin1String("O"))
                    res.atomicPctO = m;
                else if (element == QLatin1String("C"))
                    res.atomicPctC = m;
                else {
                    pct.insert(element, jsonNumber(m.value));
                    pct.insert(element + "_err", jsonNumber(m.err));
                }
                factors.insert(QString::fromStdString(levels[i].level), rsf[i]);
            }
            out.insert("atomic_pct", pct);
            out.insert("rsf", factors);
            out.insert("rsf_source", QStringLiteral("Scofield 1976, Al Kα, C 1s = 1 (no transmission or IMFP "
                                                    "correction)"));
        }
    }
    if (const QJsonValue d = differences.value("o1s_minus_v2p32_ev"); d.isDouble())
        res.o1sMinusV2p32Ev = {d.toDouble(), differences.value("o1s_minus_v2p32_err").toDouble(std::nan(""))};
    if (auto w = xpsResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

namespace {

std::vector<FigureDecl> xpsFigureDecls()
{
    // Every component centre is a marker on the fit, for the presets too (XpsComponentEdit.h): drag a
    // free one to move its start and refit live, double-click to add a line, right-click to remove one;
    // tied centres are drawn linked and follow the line they are tied to.
    return {{QStringLiteral("xps_fit"), tr("Component fit"), false, {}, {xpsCentreBinding()}}};
}

QColor componentColor(int k)
{
    // Okabe–Ito, colour-blind safe.
    static const QColor c[] = {QColor("#E69F00"), QColor("#56B4E9"), QColor("#009E73"), QColor("#F0E442"),
                               QColor("#0072B2"), QColor("#D55E00"), QColor("#CC79A7"), QColor("#999999")};
    return c[k % 8];
}

FigureSpec xpsFigure(const QString& figureId, const std::vector<FigureInput>& inputs)
{
    FigureSpec f;
    f.id = figureId;
    f.x.label = tr("Binding energy (eV)");
    f.x.reversed = true;
    f.y.label = tr("Intensity (counts s^{-1})");
    if (inputs.empty() || inputs.front().result.isEmpty()) return f;
    const FigureInput& in = inputs.front();
    const QJsonObject curve = in.result.value("curve").toObject();
    auto vec = [](const QJsonArray& a) {
        std::vector<double> v;
        for (const auto& e : a)
            v.push_back(e.toDouble());
        return v;
    };
    const std::vector<double> x = vec(curve.value("be").toArray());
    FigureSeries data;
    data.label = in.legend.isEmpty() ? tr("Data") : in.legend;
    data.x = x;
    data.y = vec(curve.value("y").toArray());
    data.line = false;
    data.marker = "circle";
    data.color = Qt::black;
    f.series.push_back(data);
    FigureSeries bg;
    bg.label = tr("Background");
    bg.x = x;
    bg.y = vec(curve.value("background").toArray());
    bg.dash = "dash";
    bg.color = QColor("#555555");
    f.series.push_back(bg);
    const int bgIndex = 1;
    const QJsonArray comps = curve.value("components").toArray();
    const QJsonArray info = in.result.value("components").toArray();
    for (int k = 0; k < comps.size(); ++k) {
        FigureSeries c;
        c.label = info.at(k).toObject().value("label").toString();
        c.x = x;
        c.y = bg.y;
        const std::vector<double> v = vec(comps.at(k).toArray());
        for (std::size_t i = 0; i < c.y.size() && i < v.size(); ++i)
            c.y[i] += v[i];
        c.color = componentColor(k);
        c.dash = QStringList{"solid", "dash", "dot", "dashdot"}[k % 4];
        c.fill = FigureSeries::Fill::ToSeries;
        c.fillToSeries = bgIndex;
        f.series.push_back(c);
    }
    FigureSeries env;
    env.label = tr("Envelope");
    env.x = x;
    env.y = vec(curve.value("fit").toArray());
    env.color = QColor("#D55E00");
    env.lineWidthPt = 1.5;
    f.series.push_back(env);
    auto res = std::make_shared<FigureSpec>();
    res->y.label = tr("Residual");
    FigureSeries r;
    r.label = tr("Residual");
    r.x = x;
    r.y = vec(curve.value("residual").toArray());
    r.color = Qt::black;
    res->series.push_back(r);
    f.residual = res;
    return f;
}

} // namespace

const ResultTable<XpsResult>& xpsResultTable()
{
    static const ResultTable<XpsResult> t = [] {
        using R = XpsResult;
        const QString ev = QStringLiteral("eV"), pct = QStringLiteral("%");
        ResultTable<R> t;
        t.measured(&R::v3V2, "ratios.v3_v2", "ratios.v3_v2_err", tr("V³⁺/V²⁺ area ratio"))
            .headline(tr("V³⁺/V²⁺"));
        t.measured(&R::oVacancyFraction, "ratios.ov_fraction", "ratios.ov_fraction_err",
                   tr("O-vacancy share of O 1s"))
            .headline(tr("OV share"));
        t.measured(&R::o1sMinusV2p32Ev, "o1s_minus_v2p32_ev", "o1s_minus_v2p32_err", tr("O 1s − V 2p3/2"),
                   ev);
        t.value(&R::chargeShiftEv, "charge_shift_ev", tr("Charge shift"), ev);
        t.measured(&R::atomicPctV, "atomic_pct.V", "atomic_pct.V_err", tr("V (at. %, Scofield RSF)"), pct);
        t.measured(&R::atomicPctO, "atomic_pct.O", "atomic_pct.O_err", tr("O (at. %, Scofield RSF)"), pct);
        t.measured(&R::atomicPctC, "atomic_pct.C", "atomic_pct.C_err", tr("C (at. %, Scofield RSF)"), pct);
        t.value(&R::chi2Reduced, "chi2_reduced", tr("Reduced χ²"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& xpsAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QString::fromLatin1(kXpsAnalysisId);
        a.version = kXpsAnalysisVersion;
        a.technique = Technique::Xps;
        a.automatic = false; // a fit is asked for per region, not run on every survey
        a.name = tr("XPS component fit");
        a.input.types = {QStringLiteral("xps_region")};
        a.params = xpsSchema;
        a.outputs = [] { return xpsResultTable().outputs(); };
        a.figures = xpsFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeXps(in, params);
        };
        a.buildFigure = xpsFigure;
        a.selectsMain = [](const Dataset& d, const QJsonObject& params) {
            const QString region = params.value("region").toString();
            auto key = [](QString s) { return s.remove(' ').toLower(); };
            return region.isEmpty() || key(d.label()) == key(region);
        };
        auto text = [](const char* key) {
            return [key = QString::fromLatin1(key)](const QString& v) -> Expected<QJsonObject> {
                return QJsonObject{{key, v}};
            };
        };
        auto num = [](const char* key, const char* option) {
            return [key = QString::fromLatin1(key), option](const QString& v) -> Expected<QJsonObject> {
                bool ok = false;
                const double d = v.toDouble(&ok);
                if (!ok) return fail("", option, "'" + v.toStdString() + "' is not a number");
                return QJsonObject{{key, d}};
            };
        };
        a.cliOptions = {
            {QStringLiteral("region"), QStringLiteral("Region (block) of the file to fit, e.g. \"V 2p\"."),
             QStringLiteral("NAME"), text("region")},
            {QStringLiteral("model"),
             QStringLiteral("study_v2p_o1s (default), literature_v_oxides, c1s, generic, or a model file "
                            "PATH.json with the component rows ({\"components\": [...], \"ratios\": "
                            "[...], \"background\": ...}; a fit's \"model_rows\" is one)."),
             QStringLiteral("PRESET|PATH.json"),
             [](const QString& v) -> Expected<QJsonObject> {
                 if (v.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || QFileInfo(v).isFile())
                     return readXpsModelFile(v);
                 return QJsonObject{{"model", v}};
             }},
            {QStringLiteral("charge-ref"),
             QStringLiteral("Shift all energies so that C 1s C–C (fitted on the file's C 1s) sits here, eV."),
             QStringLiteral("EV"), num("charge_ref_ev", "--charge-ref")},
            {QStringLiteral("core-level"), QStringLiteral("Core level of the generic model, e.g. \"Pt 4f\"."),
             QStringLiteral("LEVEL"), text("core_level")},
            {QStringLiteral("states"), QStringLiteral("Chemical states of the generic model."),
             QStringLiteral("N"), num("states", "--states")},
            {QStringLiteral("background"),
             QStringLiteral("active_shirley (default), shirley, linear, tougaard_u2, tougaard_u3, none."),
             QStringLiteral("KIND"), text("background")},
        };
        return a;
    }();
    return d;
}

} // namespace vanadis
