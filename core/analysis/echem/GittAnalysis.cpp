#include "analysis/echem/GittAnalysis.h"

#include "analysis/FigureHelpers.h"
#include "analysis/JsonNumber.h"

#include "model/Translate.h"
#include "model/Units.h"
#include "numeric/echem/GittAnalysis.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <set>

namespace vanadis {

/// The translation context of the GITT analysis' strings, and the one declaration of its parameters.
struct GittAnalysis {
    Q_DECLARE_TR_FUNCTIONS(vanadis::GittAnalysis)
public:
    static ParamTable<GittAnalysisParams> paramTable();
};

namespace {

ParamSpec optionalNumber(const char* key, const QString& label, const QString& unit, double lo, double hi,
                         const QString& help)
{
    ParamSpec s = numberParam(key, label, unit, 0.0, lo, hi, help);
    s.optional = true;
    s.defaultValue = QJsonValue(QJsonValue::Null);
    return s;
}

} // namespace

ParamTable<GittAnalysisParams> GittAnalysis::paramTable()
{
    ParamTable<GittAnalysisParams> t;
    t.field(&GittAnalysisParams::geometry,
            choiceParam("geometry", tr("Diffusion length from"),
                        {"full", "particle_radius", "diffusion_length"}, QStringLiteral("full"),
                        {tr("mass, molar mass, molar volume and area (L = m·V_M/(M·S))"),
                         tr("particle radius (spheres, L = r/3)"), tr("a diffusion length given directly")},
                        tr("Weppner–Huggins D = 4/(π·τ)·L²·(ΔE_s/ΔE_t)². L and S change D by orders of "
                           "magnitude (geometric or BET area): state them.")));
    t.field(&GittAnalysisParams::massMg,
            optionalNumber("mass_mg", tr("Active mass"), QStringLiteral("mg"), 1e-6, 1e6,
                           tr("m_B, for the full form and the capacity axis. Not set: the mass the file "
                              "states (the result names its source).")));
    t.field(&GittAnalysisParams::molarMassGMol,
            optionalNumber("molar_mass_g_mol", tr("Molar mass"), QStringLiteral("g/mol"), 1e-3, 1e5,
                           tr("M_B of the active compound (V2O3: 149.88 g/mol); also gives the Na "
                              "content x.")));
    t.field(&GittAnalysisParams::molarVolumeCm3Mol,
            optionalNumber("molar_volume_cm3_mol", tr("Molar volume"), QStringLiteral("cm³/mol"), 1e-3, 1e5,
                           tr("V_M = M_B/ρ (V2O3 with ρ = 5.02 g/cm³: 29.9 cm³/mol).")));
    t.field(&GittAnalysisParams::electrodeAreaCm2,
            optionalNumber("electrode_area_cm2", tr("Electrode area"), QStringLiteral("cm²"), 1e-9, 1e9,
                           tr("S: the geometric electrode area, or the BET area of the active mass for "
                              "the electrode–electrolyte interface.")));
    t.field(&GittAnalysisParams::particleRadiusUm,
            optionalNumber("particle_radius_um", tr("Particle radius"), QStringLiteral("µm"), 1e-6, 1e5,
                           tr("For the particle-radius form: L = r/3 (spheres).")));
    t.field(&GittAnalysisParams::diffusionLengthUm,
            optionalNumber("diffusion_length_um", tr("Diffusion length"), QStringLiteral("µm"), 1e-6, 1e6,
                           tr("For the given-length form: L, e.g. the film or electrode thickness.")));
    t.field(&GittAnalysisParams::currentThresholdPct,
            numberParam("current_threshold_pct", tr("Pulse current threshold"), QStringLiteral("%"), 2.0,
                        0.01, 90.0,
                        tr("A point whose |I| is above this share of the largest |I| is in a "
                           "pulse; the others are rest.")));
    t.last().advanced = true;
    t.field(&GittAnalysisParams::sqrtFitSkipPct,
            numberParam("sqrt_fit_skip_pct", tr("Left out at the pulse start"), QStringLiteral("%"), 0.0, 0.0,
                        90.0,
                        tr("Share of each pulse (of τ) left out of the E against √t fit, e.g. when "
                           "double-layer charging bends its first points.")));
    t.last().advanced = true;
    t.field(&GittAnalysisParams::relaxedAveragePoints,
            integerParam("relaxed_average_points", tr("Points averaged per relaxed voltage"), tr("points"), 5,
                         1, 1000,
                         tr("The relaxed voltage is the mean of this many points at the end of each "
                            "rest.")));
    t.last().advanced = true;
    return t;
}

ParamTable<GittAnalysisParams> gittParamTable()
{
    return GittAnalysis::paramTable();
}

namespace {

/// lupdate files these under "vanadis" (a free function); translated() looks there after the class.
QString tr(const char* s)
{
    return translated("vanadis::GittAnalysis", s);
}

std::string fileOf(const Dataset& d)
{
    return (d.provenance().originalFileName.isEmpty() ? d.name() : d.provenance().originalFileName)
        .toStdString();
}

/// Factor from a column's unit to the canonical one (s, V, mA); NaN when it is not one of them.
double factorOf(const Column& c, std::initializer_list<std::pair<const char*, double>> known)
{
    if (c.unit.isEmpty()) return 1.0;
    const QString key = unitKey(c.unit);
    for (const auto& [u, f] : known)
        if (key == unitKey(QString::fromUtf8(u))) return f;
    return std::nan("");
}

double metadataMass(const QJsonObject& m, QString& key)
{
    for (const char* k : {"active_mass_mg", "instrument_mass_mg"}) {
        const QJsonValue v = m.value(QLatin1String(k));
        const double d = v.isDouble() ? v.toDouble() : v.toString().toDouble();
        if (d > 0) {
            key = QLatin1String(k);
            return d;
        }
    }
    return std::nan("");
}

double median(std::vector<double> v)
{
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

Expected<QJsonObject> computeGitt(const Dataset& d, const QJsonObject& given)
{
    auto params = gittParamTable().read(given);
    if (!params) return std::unexpected(params.error());
    const GittAnalysisParams& p = *params;
    const std::string file = fileOf(d);
    if (auto ok = d.ensureLoaded(); !ok) return std::unexpected(ok.error());
    const Column* t = figures::find(d, "Time");
    const Column* e = figures::find(d, "Voltage");
    if (!e) e = figures::find(d, "Potential");
    const Column* i = figures::find(d, "Current");
    if (!t || !e || !i) return fail(file, "", "a GITT record needs 'Time', 'Voltage' and 'Current' columns");
    const double ft = factorOf(*t, {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}});
    const double fe = factorOf(*e, {{"V", 1.0}, {"mV", 1e-3}});
    const double fi = factorOf(*i, {{"mA", 1.0}, {"A", 1e3}, {"µA", 1e-3}, {"uA", 1e-3}, {"nA", 1e-6}});
    for (auto [c, f] : {std::pair{t, ft}, std::pair{e, fe}, std::pair{i, fi}})
        if (!std::isfinite(f))
            return fail(file, "column '" + c->name.toStdString() + "'",
                        "unit '" + c->unit.toStdString() + "' is not one the GITT analysis converts");

    QJsonArray warnings;
    // Rows with a missing value and repeated time stamps (written at step changes by some cyclers) are
    // left out, and said so; time running backwards is an error of the numerics, naming the point.
    echem::GittRecord rec;
    std::vector<std::size_t> rowOf;
    std::size_t missing = 0, repeated = 0;
    const std::size_t n = std::min({t->values.size(), e->values.size(), i->values.size()});
    for (std::size_t k = 0; k < n; ++k) {
        const double tk = t->values[k] * ft, ek = e->values[k] * fe, ik = i->values[k] * fi;
        if (!std::isfinite(tk) || !std::isfinite(ek) || !std::isfinite(ik)) {
            ++missing;
            continue;
        }
        if (!rec.timeS.empty() && tk == rec.timeS.back()) {
            ++repeated;
            continue;
        }
        rec.timeS.push_back(tk);
        rec.voltageV.push_back(ek);
        rec.currentMa.push_back(ik);
        rowOf.push_back(k);
    }
    if (missing)
        warnings.append(tr("%1 rows with a missing time, voltage or current were left out.").arg(missing));
    if (repeated) warnings.append(tr("%1 rows repeating the previous time were left out.").arg(repeated));

    echem::GittMaterial m;
    QString massSource;
    double mass = p.massMg.value_or(std::nan(""));
    if (std::isfinite(mass)) {
        massSource = QStringLiteral("parameter");
    } else {
        QString key;
        mass = metadataMass(d.metadata(), key);
        if (std::isfinite(mass)) {
            massSource = QStringLiteral("file");
            warnings.append(tr("Active mass %1 mg taken from the file (%2); set mass_mg to use another.")
                                .arg(mass, 0, 'g', 6)
                                .arg(key));
        }
    }
    m.activeMassMg = std::isfinite(mass) ? mass : 0.0;
    m.molarMassGMol = p.molarMassGMol.value_or(0.0);
    m.molarVolumeCm3Mol = p.molarVolumeCm3Mol.value_or(0.0);
    m.electrodeAreaCm2 = p.electrodeAreaCm2.value_or(0.0);
    if (p.geometry == QLatin1String("particle_radius")) {
        if (!p.particleRadiusUm)
            return fail(file, "particle_radius_um", "the particle-radius form needs the particle radius");
        m.particleRadiusCm = *p.particleRadiusUm * 1e-4;
    } else if (p.geometry == QLatin1String("diffusion_length")) {
        if (!p.diffusionLengthUm)
            return fail(file, "diffusion_length_um", "the given-length form needs the diffusion length");
        m.diffusionLengthCm = *p.diffusionLengthUm * 1e-4;
    }
    echem::GittOptions o;
    o.currentThresholdFraction = p.currentThresholdPct / 100.0;
    o.sqrtFitSkipFraction = p.sqrtFitSkipPct / 100.0;
    o.relaxedAveragePoints = p.relaxedAveragePoints;
    auto r = echem::analyseGitt(rec, m, o);
    if (!r) {
        Error err = r.error();
        err.file = file;
        // A point of the cleaned record is a row of the dataset.
        if (err.location.rfind("point ", 0) == 0) {
            const std::size_t pt = std::stoul(err.location.substr(6));
            if (pt >= 1 && pt <= rowOf.size()) err.location = "row " + std::to_string(rowOf[pt - 1] + 1);
        }
        return std::unexpected(err);
    }
    if (!std::isfinite(mass))
        warnings.append(tr("No active mass: the capacity axis and the Na content are empty."));
    for (const std::string& w : r->warnings)
        warnings.append(QString::fromStdString(w));

    QJsonObject out;
    QJsonArray pulses;
    std::vector<double> dComplete;
    int nComplete = 0;
    std::vector<double> taus;
    for (std::size_t k = 0; k < r->pulses.size(); ++k) {
        const echem::GittPulse& g = r->pulses[k];
        pulses.append(QJsonObject{{"index", int(k + 1)},
                                  {"direction", g.direction < 0 ? "discharge" : "charge"},
                                  {"start_time_s", g.startTimeS},
                                  {"end_time_s", rec.timeS[g.pulseEnd - 1]},
                                  {"rest_end_time_s", rec.timeS[g.restEnd - 1]},
                                  {"tau_s", g.tauS},
                                  {"current_ma", g.currentMa},
                                  {"capacity_mah_g", jsonNumber(g.capacityMahG)},
                                  {"sodium_content", jsonNumber(g.sodiumContent)},
                                  {"voltage_v", g.relaxedAfterV},
                                  {"relaxed_before_v", g.relaxedBeforeV},
                                  {"delta_es_v", g.deltaEsV},
                                  {"delta_es_err_v", g.deltaEsErrV},
                                  {"delta_et_v", g.deltaEtV},
                                  {"delta_et_err_v", g.deltaEtErrV},
                                  {"delta_et_endpoints_v", g.deltaEtEndpointsV},
                                  {"ir_drop_v", g.irDropV},
                                  {"sqrt_slope_v_s05", g.sqrtSlopeVPerSqrtS},
                                  {"sqrt_fit_r2", jsonNumber(g.sqrtFitR2)},
                                  {"d_cm2_s", jsonNumber(g.dCm2S)},
                                  {"d_err_cm2_s", jsonNumber(g.dErrCm2S)},
                                  {"log10_d", jsonNumber(g.dCm2S > 0 ? std::log10(g.dCm2S) : std::nan(""))},
                                  {"complete", g.complete}});
        taus.push_back(g.tauS);
        if (g.complete) {
            ++nComplete;
            if (std::isfinite(g.dCm2S) && g.dCm2S > 0) dComplete.push_back(g.dCm2S);
        }
    }
    // A cycling record with rests also has "pulses": say when most of them are not alike.
    if (2 * nComplete < int(r->pulses.size()))
        warnings.prepend(tr("Only %1 of %2 pulses have the common length: this may not be a GITT "
                            "programme, or the pulse threshold does not fit it.")
                             .arg(nComplete)
                             .arg(r->pulses.size()));
    out["pulses"] = pulses;
    GittResult res;
    res.nPulses = int(r->pulses.size());
    res.nComplete = nComplete;
    res.tauS = median(taus);
    res.diffusionLengthCm = r->diffusionLengthCm;
    out["geometry"] = p.geometry;
    out["active_mass_mg"] = jsonNumber(mass);
    out["mass_source"] = massSource;
    res.dMedianCm2S = median(dComplete);
    if (!dComplete.empty()) {
        res.dMinCm2S = *std::min_element(dComplete.begin(), dComplete.end());
        res.dMaxCm2S = *std::max_element(dComplete.begin(), dComplete.end());
    }
    res.capacityMahG = r->pulses.back().capacityMahG;

    // The transient for the figure: every stride-th point plus the pulse edges, so that no jump is
    // smoothed away by the thinning.
    std::set<std::size_t> keep;
    const std::size_t stride = std::max<std::size_t>(1, (rec.timeS.size() + 2999) / 3000);
    for (std::size_t k = 0; k < rec.timeS.size(); k += stride)
        keep.insert(k);
    keep.insert(rec.timeS.size() - 1);
    for (const echem::GittPulse& g : r->pulses)
        for (std::size_t k : {g.pulseBegin - 1, g.pulseBegin, g.pulseEnd - 1, g.pulseEnd, g.restEnd - 1})
            if (k < rec.timeS.size()) keep.insert(k);
    QJsonArray transient;
    for (std::size_t k : keep)
        transient.append(QJsonObject{
            {"time_s", rec.timeS[k]}, {"voltage_v", rec.voltageV[k]}, {"current_ma", rec.currentMa[k]}});
    out["transient"] = transient;
    out["warnings"] = warnings;
    if (auto w = gittResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

namespace {

FigureSpec gittFigure(const QString& id, const std::vector<FigureInput>& inputs)
{
    FigureSpec f;
    if (inputs.empty()) return f;
    if (id == QLatin1String("gitt_transient")) {
        const FigureInput& in = inputs.front();
        f.x.label = tr("Time (h)");
        f.y.label = tr("Voltage (V vs Na^{+}/Na)");
        FigureSeries s = figures::styled(*in.sample, in.legend.isEmpty() ? in.sample->name : in.legend);
        if (in.result.isEmpty() && in.dataset) {
            // No result yet: the raw record, so the user sees what is to be analysed.
            const Column* t = figures::find(*in.dataset, "Time");
            const Column* e = figures::find(*in.dataset, "Voltage");
            if (t && e)
                for (std::size_t k = 0; k < std::min(t->values.size(), e->values.size()); ++k) {
                    s.x.push_back(t->values[k] / 3600.0);
                    s.y.push_back(e->values[k]);
                }
            if (!s.x.empty()) f.series.push_back(s);
            return f;
        }
        for (const QJsonValue& v : in.result.value("transient").toArray()) {
            const QJsonObject o = v.toObject();
            s.x.push_back(o.value("time_s").toDouble() / 3600.0);
            s.y.push_back(o.value("voltage_v").toDouble());
        }
        if (!s.x.empty()) f.series.push_back(s);
        FigureSeries relaxed;
        relaxed.label = tr("relaxed voltage");
        relaxed.color = in.sample->color;
        relaxed.marker = QStringLiteral("circle");
        relaxed.line = false;
        for (const QJsonValue& v : in.result.value("pulses").toArray()) {
            const QJsonObject o = v.toObject();
            FigureSpan span;
            span.xMin = o.value("start_time_s").toDouble() / 3600.0;
            span.xMax = o.value("end_time_s").toDouble() / 3600.0;
            span.color = o.value("complete").toBool() ? QColor(0, 114, 178, 45) : QColor(213, 94, 0, 60);
            f.spans.push_back(span);
            relaxed.x.push_back(o.value("rest_end_time_s").toDouble() / 3600.0);
            relaxed.y.push_back(o.value("voltage_v").toDouble());
        }
        if (!relaxed.x.empty()) f.series.push_back(relaxed);
        return f;
    }
    // log D against voltage, capacity or Na content: every sample, complete pulses, discharge and
    // charge as separate series (filled and open markers).
    const char* xKey = id == QLatin1String("d_vs_capacity")      ? "capacity_mah_g"
                       : id == QLatin1String("d_vs_composition") ? "sodium_content"
                                                                 : "voltage_v";
    f.x.label = id == QLatin1String("d_vs_capacity")      ? tr("Specific capacity (mAh g^{-1})")
                : id == QLatin1String("d_vs_composition") ? tr("Na content x (per formula unit)")
                                                          : tr("Voltage (V vs Na^{+}/Na)");
    f.y.label = tr("D(Na^{+}) (cm^{2} s^{-1})");
    f.y.logScale = true;
    // The legend names the dataset only when a sample has several GITT results in the figure (its
    // cycling records are in the inputs too, without one).
    auto resultsOf = [&](const Sample* s) {
        return std::count_if(inputs.begin(), inputs.end(),
                             [&](const FigureInput& o) { return o.sample == s && !o.result.isEmpty(); });
    };
    for (const FigureInput& in : inputs) {
        if (in.result.isEmpty()) continue;
        const QString legend = resultsOf(in.sample) > 1 && !in.legend.isEmpty() ? in.legend : in.sample->name;
        for (const char* dir : {"discharge", "charge"}) {
            FigureSeries s = figures::styled(*in.sample, legend);
            s.marker = in.sample->marker;
            s.filled = dir[0] == 'd';
            for (const QJsonValue& v : in.result.value("pulses").toArray()) {
                const QJsonObject o = v.toObject();
                if (!o.value("complete").toBool() || o.value("direction").toString() != QLatin1String(dir))
                    continue;
                const QJsonValue x = o.value(QLatin1String(xKey)), y = o.value("d_cm2_s");
                if (!x.isDouble() || !y.isDouble() || !(y.toDouble() > 0)) continue;
                s.x.push_back(x.toDouble());
                s.y.push_back(y.toDouble());
            }
            if (s.x.empty()) continue;
            if (dir[0] == 'c') s.label += tr(" (charge)");
            f.series.push_back(s);
        }
    }
    return f;
}

Expected<QJsonObject> positiveOption(const QString& v, const char* option, const char* key,
                                     const char* geometry = nullptr)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !(d > 0))
        return fail("", std::string("--") + option, "'" + v.toStdString() + "' is not a positive number");
    QJsonObject o{{QLatin1String(key), d}};
    if (geometry) o.insert(QStringLiteral("geometry"), QLatin1String(geometry));
    return o;
}

} // namespace

const ResultTable<GittResult>& gittResultTable()
{
    static const ResultTable<GittResult> t = [] {
        using R = GittResult;
        const QString d = QStringLiteral("cm² s⁻¹");
        ResultTable<R> t;
        t.value(&R::dMedianCm2S, "d_median_cm2_s", tr("Median D(Na⁺) of the complete pulses"), d)
            .headline(tr("D (median)"));
        t.value(&R::dMinCm2S, "d_min_cm2_s", tr("Lowest D(Na⁺)"), d);
        t.value(&R::dMaxCm2S, "d_max_cm2_s", tr("Highest D(Na⁺)"), d);
        t.value(&R::nComplete, "n_complete", tr("Complete pulses")).headline(tr("Pulses"));
        t.value(&R::nPulses, "n_pulses", tr("Pulses found"));
        t.value(&R::tauS, "tau_s", tr("Pulse length τ"), QStringLiteral("s"));
        t.value(&R::diffusionLengthCm, "diffusion_length_cm", tr("Diffusion length L"), QStringLiteral("cm"));
        t.value(&R::capacityMahG, "capacity_mah_g", tr("Capacity at the last pulse"),
                QStringLiteral("mAh g⁻¹"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& gittAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QStringLiteral("gitt");
        a.version = 1;
        a.technique = Technique::Echem;
        // On request: D needs the user's geometry (no defaults exist), and a cycling record is a GITT
        // only when the user says so.
        a.automatic = false;
        a.name = QStringLiteral("GITT diffusion coefficients");
        // A GITT programme run on a cycler is exported as an ordinary record (LAND, Neware: cycling_record;
        // a plain Time/Current/Voltage table: gcd_profile), so those are accepted as well.
        a.input.types = {QStringLiteral("gitt"), QStringLiteral("cycling_record"),
                         QStringLiteral("gcd_profile")};
        a.params = [] { return gittParamTable().schema(); };
        a.outputs = [] { return gittResultTable().outputs(); };
        a.figures = [] {
            return std::vector<FigureDecl>{
                {QStringLiteral("gitt_transient"), tr("Voltage against time with the pulses"), false, {}},
                {QStringLiteral("d_vs_voltage"), tr("D(Na⁺) against voltage"), true, {}},
                {QStringLiteral("d_vs_capacity"), tr("D(Na⁺) against capacity"), true, {}},
                {QStringLiteral("d_vs_composition"), tr("D(Na⁺) against Na content"), true, {}}};
        };
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeGitt(in.main.front(), params);
        };
        a.buildFigure = gittFigure;
        a.cliOptions = {
            {QStringLiteral("mass-mg"), QStringLiteral("Active mass m_B in mg (default: the file's)."),
             QStringLiteral("M"), [](const QString& v) { return positiveOption(v, "mass-mg", "mass_mg"); }},
            {QStringLiteral("molar-mass"), QStringLiteral("Molar mass M_B in g/mol (V2O3: 149.88)."),
             QStringLiteral("G_MOL"),
             [](const QString& v) { return positiveOption(v, "molar-mass", "molar_mass_g_mol"); }},
            {QStringLiteral("molar-volume"), QStringLiteral("Molar volume V_M in cm3/mol (V2O3: 29.9)."),
             QStringLiteral("CM3_MOL"),
             [](const QString& v) { return positiveOption(v, "molar-volume", "molar_volume_cm3_mol"); }},
            {QStringLiteral("area-cm2"), QStringLiteral("Electrode area S in cm2."), QStringLiteral("S"),
             [](const QString& v) { return positiveOption(v, "area-cm2", "electrode_area_cm2"); }},
            {QStringLiteral("particle-radius-um"),
             QStringLiteral("Particle radius in um: D from L = r/3 instead of m, M, V_M, S."),
             QStringLiteral("R"),
             [](const QString& v) {
                 return positiveOption(v, "particle-radius-um", "particle_radius_um", "particle_radius");
             }},
            {QStringLiteral("diffusion-length-um"),
             QStringLiteral(
                 "Diffusion length L in um (film or electrode thickness) instead of m, M, V_M, S."),
             QStringLiteral("L"), [](const QString& v) {
                 return positiveOption(v, "diffusion-length-um", "diffusion_length_um", "diffusion_length");
             }}};
        return a;
    }();
    return d;
}

} // namespace vanadis
