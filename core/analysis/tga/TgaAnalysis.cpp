#include "analysis/tga/TgaAnalysis.h"
#include "analysis/JsonNumber.h"

#include "model/Translate.h"

#include "analysis/tga/TgaFigures.h"
#include "numeric/tga/MassCorrection.h"

#include "numeric/Constants.h"

#include "model/Units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>
#include <tuple>

namespace vanadis {

namespace {

QString tr(const char* text)
{
    return translated("vanadis::TgaAnalysis", text);
}

/// numberParam() with the label and help marked for translation (QT_TRANSLATE_NOOP at the call).
ParamSpec num(const char* key, const char* label, const char* unit, double min, double max, double def,
              const char* help)
{
    return numberParam(key, tr(label), QString::fromUtf8(unit), def, min, max, tr(help));
}

std::string datasetLabel(const Dataset& d)
{
    const QString file = d.provenance().originalFileName;
    return (file.isEmpty() ? d.name() : file).toStdString();
}

} // namespace

ParamTable<TgaParams> tgaParamTable()
{
    ParamTable<TgaParams> t;
    t.field(
        &TgaParams::startOxide,
        choiceParam(
            "start_oxide", QCoreApplication::translate("vanadis::TgaAnalysis", "Start oxide"),
            {"sample", "not_set", "V2O3", "VO2", "V2O4", "V2O5", "custom"}, QStringLiteral("sample"),
            {QCoreApplication::translate("vanadis::TgaAnalysis", "as the sample states"),
             QCoreApplication::translate("vanadis::TgaAnalysis", "not set"), "V2O3", "VO2", "V2O4", "V2O5",
             QCoreApplication::translate("vanadis::TgaAnalysis", "custom")},
            QCoreApplication::translate(
                "vanadis::TgaAnalysis",
                "The oxide in the composite before the run (V2O3 for V2O3@C). V2O3 and VO2 gain mass as they "
                "oxidise to V2O5; V2O5 needs no correction. 'custom' uses the molar masses and ν below "
                "(tga.md §2). 'As the sample states': the composition entered once for the sample "
                "(sample panel), with its residue. Not set, or a sample that states none: no "
                "oxidation-corrected carbon content.")));
    t.field(
        &TgaParams::residue,
        choiceParam("residue", QCoreApplication::translate("vanadis::TgaAnalysis", "Residue"),
                    {"V2O5", "custom"}, QStringLiteral("V2O5"), {},
                    QCoreApplication::translate("vanadis::TgaAnalysis",
                                                "The compound left at the end of the run in O2 or air.")));
    t.field(&TgaParams::startMolarMassGPerMol,
            num("start_molar_mass_g_mol", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Start oxide molar mass"),
                "g/mol", 1e-3, 1e5, constants::molarMassV2O3,
                QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                                  "Molar mass of a custom start oxide (IUPAC 2021 atomic weights).")));
    t.field(&TgaParams::residueMolarMassGPerMol,
            num("residue_molar_mass_g_mol", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Residue molar mass"),
                "g/mol", 1e-3, 1e5, constants::molarMassV2O5,
                QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Molar mass of a custom residue.")));
    t.field(&TgaParams::startPerResidue,
            num("start_per_residue", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "ν (start per residue)"), "",
                1e-6, 1e3, 1.0,
                QT_TRANSLATE_NOOP(
                    "vanadis::TgaAnalysis",
                    "Moles of start oxide per mole of residue for a custom pair (2 for 2 VO2 → V2O5).")));
    t.field(
        &TgaParams::dryBelowC,
        num("dry_below_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Dry basis at"), "°C", 0.0, 2000.0,
            150.0,
            QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Moisture leaves below this temperature; the dry mass "
                                                      "m_dry is read here (tga.md §2: 150–200 °C).")));
    t.field(&TgaParams::dryWindowC,
            num("dry_window_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Dry-mass window"), "°C", 0.0,
                200.0, 10.0,
                QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Width of the temperature window averaged for "
                                                          "m_dry, centred on the dry-basis temperature.")));
    t.field(&TgaParams::endWindowC,
            num("end_window_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "End plateau"), "°C", 0.0, 1000.0,
                20.0,
                QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                                  "m_end is the mean of the top this-many °C of the run on its last pass "
                                  "(the last this-many °C "
                                  "of a run that only heats; a final cooling segment is left out).")));
    t.field(&TgaParams::endFromC,
            num("end_from_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "End range from"), "°C", -300.0,
                3000.0, 0.0,
                QT_TRANSLATE_NOOP(
                    "vanadis::TgaAnalysis",
                    "With 'End range to' above it: read m_end over this range (its last pass) instead.")));
    t.field(&TgaParams::endToC,
            num("end_to_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "End range to"), "°C", -300.0, 3000.0,
                0.0, QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Upper end of the explicit end range.")));
    t.field(&TgaParams::flatEndLimitPct,
            num("flat_end_limit_pct", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Plateau flatness limit"),
                "%", 0.0, 100.0, 0.1,
                QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Largest mass drift across the end plateau (% of "
                                                          "m_dry) before 'oxidation may be incomplete'.")));
    t.field(&TgaParams::dtgWindowPoints,
            integerParam(
                "dtg_window_points", QCoreApplication::translate("vanadis::TgaAnalysis", "DTG window"),
                QCoreApplication::translate("vanadis::TgaAnalysis", "points"), 0, 0, 100001,
                QCoreApplication::translate(
                    "vanadis::TgaAnalysis",
                    "Savitzky–Golay window (odd), in points. 0 chooses a window spanning min(2 min, 10 °C of "
                    "heating), "
                    "5 to 201 points; densely logged runs are first averaged in blocks so that the span is "
                    "kept.")));
    t.field(&TgaParams::dtgPolynomialOrder,
            integerParam(
                "dtg_polynomial_order",
                QCoreApplication::translate("vanadis::TgaAnalysis", "DTG polynomial order"), {}, 2, 1, 6,
                QCoreApplication::translate(
                    "vanadis::TgaAnalysis",
                    "Degree of the local Savitzky–Golay polynomial (Savitzky & Golay 1964); 2 as in vendor "
                    "packages.")));
    t.field(&TgaParams::dtgPerDegree,
            boolParam("dtg_per_degree",
                      QCoreApplication::translate("vanadis::TgaAnalysis", "DTG also in %/°C"), false,
                      QCoreApplication::translate("vanadis::TgaAnalysis",
                                                  "Also give dm/dT. The DTG itself is always against "
                                                  "time (isothermal holds make dm/dT blow up).")));
    t.field(
        &TgaParams::minStepPct,
        num("min_step_pct", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Smallest step"), "%", 0.0, 100.0, 0.5,
            QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                              "Steps with a smaller mass change (% of the initial mass) are not reported.")));
    t.field(&TgaParams::stepNoiseFactor,
            num("step_noise_factor", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Step threshold"), "σ", 1.0,
                1000.0, 5.0,
                QT_TRANSLATE_NOOP(
                    "vanadis::TgaAnalysis",
                    "A step's DTG peak must exceed this many standard deviations of the DTG noise.")));
    t.field(&TgaParams::baselineWidthC,
            num("baseline_width_c", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Baseline width"), "°C", 1.0,
                1000.0, 20.0,
                QT_TRANSLATE_NOOP(
                    "vanadis::TgaAnalysis",
                    "Width of the straight baselines before and after a step for the onset/endset tangents "
                    "(ISO 11358-1).")));
    for (const auto& [member, key, label, help] :
         {std::tuple{&TgaParams::massChangeFromC, "mass_change_from_c",
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Mass change from"),
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                                       "First cursor of a mass-change reading (null: none).")},
          std::tuple{&TgaParams::massChangeToC, "mass_change_to_c",
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Mass change to"),
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                                       "Second cursor of a mass-change reading (null: none).")},
          std::tuple{&TgaParams::residueAtC, "residue_at_c",
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Residue at"),
                     QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                                       "Temperature of a residual-mass reading (null: none).")}}) {
        ParamSpec p = num(key, label, "°C", -300.0, 3000.0, 0.0, help);
        p.defaultValue = QJsonValue(QJsonValue::Null);
        p.optional = true;
        if (p.key == QLatin1String("mass_change_from_c"))
            p.rangeLabel = QCoreApplication::translate("vanadis::TgaAnalysis", "Mass-change cursors");
        t.field(member, p);
    }
    t.field(&TgaParams::carbonMode,
            choiceParam(
                "carbon_mode", QCoreApplication::translate("vanadis::TgaAnalysis", "Carbon content"),
                {"oxidation", "burn_off", "off"}, QStringLiteral("oxidation"),
                {QCoreApplication::translate("vanadis::TgaAnalysis", "corrected for the oxide's oxidation"),
                 QCoreApplication::translate("vanadis::TgaAnalysis", "plain burn-off"),
                 QCoreApplication::translate("vanadis::TgaAnalysis", "off")},
                QCoreApplication::translate(
                    "vanadis::TgaAnalysis",
                    "Oxidation: w_C = 1 − (m_end/m_dry)·ν·M_start/M_residue, needs the start oxide. "
                    "Plain burn-off: w_C = the loss between the dry mass and the end plateau (a "
                    "residue that does not change, e.g. a catalyst support). Off: runs that are not "
                    "a burn-off.")));
    t.field(
        &TgaParams::blankDataset,
        datasetRefParam("blank_dataset", QCoreApplication::translate("vanadis::TgaAnalysis", "Blank run"),
                        {QStringLiteral("tga_curve")},
                        QCoreApplication::translate(
                            "vanadis::TgaAnalysis",
                            "An empty-crucible run under the same programme: its mass change, interpolated "
                            "on temperature, is subtracted (buoyancy and drift). Masses in mg.")));
    ParamSpec buoyancy =
        num("buoyancy_pct_per_100k", QT_TRANSLATE_NOOP("vanadis::TgaAnalysis", "Buoyancy coefficient"),
            "% / 100 K", -1.0, 1.0, 0.0,
            QT_TRANSLATE_NOOP("vanadis::TgaAnalysis",
                              "The apparent mass gain from buoyancy, % of the initial mass per 100 K, from "
                              "the instrument's calibration; removed before reading. Without it or a blank "
                              "the carbon uncertainty includes a typical 0.05 % per 100 K."));
    buoyancy.optional = true;
    buoyancy.defaultValue = QJsonValue(QJsonValue::Null);
    buoyancy.advanced = true;
    t.field(&TgaParams::buoyancyPctPer100K, buoyancy);
    return t;
}

ParamSchema tgaSchema()
{
    return tgaParamTable().schema();
}

Expected<tga::TgaCurve> tgaCurveFromDataset(const Dataset& d)
{
    const std::string name = datasetLabel(d);
    if (auto ok = d.ensureLoaded(); !ok) return std::unexpected(ok.error());
    const Column* time = d.column(QStringLiteral("Time"));
    const Column* temp = d.column(QStringLiteral("Temperature"));
    const Column* mass = d.column(QStringLiteral("Mass"));
    const Column* pct = d.column(QStringLiteral("Mass %"));
    if (!temp) return fail(name, "", "the dataset has no 'Temperature' column");
    if (!mass && !pct) return fail(name, "", "the dataset has no mass column ('Mass' in mg or 'Mass %')");

    tga::TgaCurve c;
    const std::size_t n = temp->values.size();
    auto sameLength = [&](const Column* col) { return !col || col->values.size() == n; };
    if (!sameLength(time) || !sameLength(mass) || !sameLength(pct))
        return fail(name, "", "the columns of the dataset have different lengths");

    if (time) {
        const QString u = unitKey(time->unit);
        double f = 0;
        if (u == "min" || u.isEmpty())
            f = 1.0;
        else if (u == "s" || u == "sec")
            f = 1.0 / 60.0;
        else if (u == "h")
            f = 60.0;
        else
            return fail(name, "column 'Time'",
                        "unknown time unit '" + time->unit.toStdString() + "' (min, s or h)");
        c.timeMin.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            c.timeMin[i] = time->values[i] * f;
    }
    {
        const QString u = unitKey(temp->unit);
        double offset = 0;
        if (u == QStringLiteral("°c") || u == "c" || u.isEmpty() || u == "celsius")
            offset = 0;
        else if (u == "k")
            offset = -constants::zeroCelsiusK;
        else
            return fail(name, "column 'Temperature'",
                        "unknown temperature unit '" + temp->unit.toStdString() + "' (°C or K)");
        c.temperatureC.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            c.temperatureC[i] = temp->values[i] + offset;
    }
    if (mass) {
        const QString u = unitKey(mass->unit);
        double f = 0;
        if (u == "mg" || u.isEmpty())
            f = 1.0;
        else if (u == "g")
            f = 1000.0;
        else if (u == QStringLiteral("µg") || u == QStringLiteral("μg") || u == "ug")
            f = 1e-3;
        else if (u == "%" && !pct)
            f = -1.0; // a "Mass" column in % is the percentage column
        else
            return fail(name, "column 'Mass'",
                        "unknown mass unit '" + mass->unit.toStdString() + "' (mg, g or µg)");
        if (f > 0) {
            c.massMg.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                c.massMg[i] = mass->values[i] * f;
        } else {
            pct = mass;
        }
    }
    if (pct) {
        c.massPct = pct->values;
    } else {
        double ref = d.metadata().value(QStringLiteral("sample_mass_mg")).toDouble(0.0);
        if (!(ref > 0) && n > 0) ref = c.massMg.front();
        c.massPct.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            c.massPct[i] = 100.0 * c.massMg[i] / ref;
    }
    return c;
}

Expected<tga::CurveAnalysisOptions> tgaOptionsFromParams(const TgaParams& p)
{
    tga::CurveAnalysisOptions o;
    const QString start = p.startOxide;
    const QString residue = p.residue;
    std::optional<tga::OxidationReaction> r;
    if (p.carbonMode == QLatin1String("burn_off"))
        r = tga::customReaction("sample", "residue", 1.0, 1.0, 1.0); // factor 1: the loss itself
    else if (start == QLatin1String("not_set"))
        r = tga::v2o5NoCorrection(); // unused: no carbon content without a start oxide
    else if (start != "custom" && residue != "custom")
        r = tga::oxidationPreset(start.toStdString(), residue.toStdString());
    if (!r) {
        const auto preset = tga::oxidationPreset(start.toStdString(), "V2O5");
        const double ms =
            start == "custom" || !preset ? p.startMolarMassGPerMol : preset->startMolarMassGPerMol;
        const double mp = residue == "custom" ? p.residueMolarMassGPerMol : constants::molarMassV2O5;
        r = tga::customReaction(start == "custom" ? "start oxide" : start.toStdString(),
                                residue == "custom" ? "residue" : residue.toStdString(), ms, mp,
                                p.startPerResidue);
    }
    o.carbon.reaction = *r;
    o.carbon.dryTemperatureC = p.dryBelowC;
    o.carbon.dryWindowC = p.dryWindowC;
    o.carbon.endWindowC = p.endWindowC;
    o.carbon.endFromC = p.endFromC;
    o.carbon.endToC = p.endToC;
    o.carbon.flatLimitPct = p.flatEndLimitPct;
    o.dtg.windowPoints = p.dtgWindowPoints;
    o.dtg.polynomialOrder = p.dtgPolynomialOrder;
    o.dtg.perDegree = p.dtgPerDegree;
    o.steps.minStepPct = p.minStepPct;
    o.steps.noiseFactor = p.stepNoiseFactor;
    o.steps.baselineWidthC = p.baselineWidthC;
    o.carbonContent = p.carbonMode == QLatin1String("burn_off") ||
                      (p.carbonMode == QLatin1String("oxidation") && start != QLatin1String("not_set"));
    // Neither a blank nor a coefficient: the uncertainty covers a typical uncorrected buoyancy.
    o.carbon.uncorrectedBuoyancyPctPer100K = p.blankDataset || p.buoyancyPctPer100K ? 0.0 : 0.05;
    if (o.carbon.endToC < o.carbon.endFromC)
        return fail("", "parameter 'end_to_c'",
                    "the end range must run from a lower to a higher temperature");
    if (o.dtg.windowPoints != 0 && o.dtg.windowPoints % 2 == 0)
        return fail("", "parameter 'dtg_window_points'",
                    "the DTG window must be an odd number of points (or 0)");
    return o;
}

Expected<QJsonObject> computeTga(const Dataset& dataset, const QJsonObject& params, const Dataset* blank,
                                 const QJsonObject& sample)
{
    const std::string name = datasetLabel(dataset);
    auto withName = [&](Error e) {
        if (e.file.empty()) e.file = name;
        return std::unexpected(std::move(e));
    };
    auto checked = tgaParamTable().read(params);
    if (!checked) return withName(checked.error());
    // The composition the sample states, unless the run names an oxide itself.
    QJsonObject consulted;
    bool sampleStatesNone = false, startFromSample = false;
    if (checked->startOxide == QLatin1String("sample")) {
        const QString start = sample.value("start_oxide").toString();
        const QString residue = sample.value("residue_oxide").toString();
        if (!sample.isEmpty()) {
            consulted.insert("start_oxide", sample.value("start_oxide"));
            consulted.insert("residue_oxide", sample.value("residue_oxide"));
        }
        const QStringList starts{"V2O3", "VO2", "V2O4", "V2O5"};
        if (starts.contains(start) && (residue.isEmpty() || residue == QLatin1String("V2O5"))) {
            checked->startOxide = start;
            checked->residue = QStringLiteral("V2O5");
            startFromSample = true;
        } else {
            sampleStatesNone = start.isEmpty();
            if (!start.isEmpty())
                return withName(Error{"", "sample composition",
                                      "the sample states " + start.toStdString() + " → " +
                                          (residue.isEmpty() ? std::string("?") : residue.toStdString()) +
                                          ", which the TGA analysis has no molar masses for; choose "
                                          "'custom' and give them"});
            checked->startOxide = QStringLiteral("not_set");
        }
    }
    const TgaParams& p = *checked;
    auto options = tgaOptionsFromParams(p);
    if (!options) return withName(options.error());
    auto curve = tgaCurveFromDataset(dataset);
    if (!curve) return withName(curve.error());
    QString correction = QStringLiteral("none");
    if (p.blankDataset) {
        if (!blank)
            return withName(Error{"", "parameter 'blank_dataset'", "the blank run is not in the project"});
        auto b = tgaCurveFromDataset(*blank);
        if (!b) return withName(b.error());
        auto corrected = tga::subtractBlank(*curve, *b);
        if (!corrected) return withName(corrected.error());
        curve = std::move(*corrected);
        correction = QStringLiteral("blank");
    } else if (p.buoyancyPctPer100K) {
        auto corrected = tga::correctBuoyancy(*curve, *p.buoyancyPctPer100K);
        if (!corrected) return withName(corrected.error());
        curve = std::move(*corrected);
        correction = QStringLiteral("buoyancy_coefficient");
    }
    auto analysis = tga::analyseCurve(*curve, *options);
    if (!analysis) return withName(analysis.error());
    const tga::TgaCurve& c = *curve;
    const tga::CurveAnalysis& a = *analysis;

    QJsonObject out;
    TgaResult res;
    out.insert("analysis", QString::fromLatin1(kTgaAnalysisId));
    out.insert("analysis_version", kTgaAnalysisVersion);
    res.dryMassTemperatureC = options->carbon.dryTemperatureC;
    out.insert("mass_correction", correction); // none | blank | buoyancy_coefficient
    out.insert("carbon_mode", p.carbonMode);
    if (a.carbon) {
        const tga::CarbonContent& cc = *a.carbon;
        res.carbonWtPct = {cc.carbonWtPct, cc.carbonWtPctErr};
        out.insert("carbon_err_parts",
                   QJsonObject{{"statistical_wt_pct", jsonNumber(cc.carbonWtPctErrStatistical)},
                               {"uncorrected_buoyancy_wt_pct", jsonNumber(cc.buoyancyBiasWtPct)},
                               {"plateau_drift_wt_pct", jsonNumber(cc.driftErrWtPct)}});
        res.residueWtPct = cc.residueWtPct;
        out.insert("residue_initial_pct", jsonNumber(cc.residueInitialPct));
        out.insert("mass_ratio_end_dry", jsonNumber(cc.massRatio));
        const double toPct = cc.massInMg ? 100.0 / cc.initial.mean : 1.0;
        out.insert("dry_mass_mg", cc.massInMg ? jsonNumber(cc.dry.mean) : QJsonValue(QJsonValue::Null));
        out.insert("end_mass_mg", cc.massInMg ? jsonNumber(cc.end.mean) : QJsonValue(QJsonValue::Null));
        out.insert("dry_mass_pct", jsonNumber(cc.dry.mean * toPct));
        out.insert("end_mass_pct", jsonNumber(cc.end.mean * toPct));
        out.insert("dry_window_c", QJsonArray{jsonNumber(cc.dry.fromC), jsonNumber(cc.dry.toC)});
        out.insert("end_plateau_c", QJsonArray{jsonNumber(cc.end.fromC), jsonNumber(cc.end.toC)});
        out.insert("end_plateau_flat", cc.endPlateauFlat);
        out.insert("end_plateau_drift_pct", jsonNumber(cc.endDriftPctOfDry));
        out.insert("derivation", QString::fromStdString(cc.derivation));
    } else {
        for (const char* k : {"residue_initial_pct", "mass_ratio_end_dry", "dry_mass_mg", "end_mass_mg",
                              "dry_mass_pct", "end_mass_pct"})
            out.insert(k, QJsonValue(QJsonValue::Null));
        out.insert("derivation", QString());
    }
    const tga::OxidationReaction& r = options->carbon.reaction;
    out.insert("oxidation", QJsonObject{{"start", QString::fromStdString(r.start)},
                                        {"product", QString::fromStdString(r.product)},
                                        {"start_molar_mass_g_mol", r.startMolarMassGPerMol},
                                        {"product_molar_mass_g_mol", r.productMolarMassGPerMol},
                                        {"start_per_product", r.startPerProduct},
                                        {"factor", r.factor()}});
    if (a.moisture) res.moistureWtPct = {a.moisture->moisturePct, a.moisture->moisturePctErr};

    auto stepJson = [&](const tga::Step& s) {
        QJsonObject o;
        o.insert("kind", s.kind == tga::StepKind::Loss ? QStringLiteral("loss") : QStringLiteral("gain"));
        o.insert("onset_c", jsonNumber(s.onsetC));
        o.insert("endset_c", jsonNumber(s.endsetC));
        o.insert("midpoint_c", jsonNumber(s.midpointC));
        o.insert("dtg_peak_c", jsonNumber(s.peakC));
        o.insert("dtg_peak_time_min", c.hasTime() ? jsonNumber(s.peakTimeMin) : QJsonValue(QJsonValue::Null));
        o.insert(a.dtg.againstTime ? "dtg_peak_pct_min" : "dtg_peak_pct_c", jsonNumber(s.peakDtg));
        o.insert("start_c", jsonNumber(s.startC));
        o.insert("end_c", jsonNumber(s.endC));
        o.insert("mass_change_pct", jsonNumber(s.massChangePct));
        o.insert("mass_change_mg", jsonNumber(s.massChangeMg));
        o.insert("isothermal", s.isothermal);
        return o;
    };
    QJsonArray steps;
    for (const tga::Step& s : a.steps.steps)
        steps.append(stepJson(s));
    out.insert("steps", steps);

    // The DTG curve for plots and scripts, thinned to at most 2000 points (every k-th point of the
    // already smoothed derivative, so no peak is flattened by averaging).
    QJsonArray dtg;
    const std::size_t n = c.size();
    const std::size_t stride = (n + 1999) / 2000;
    const std::vector<double>& primary = a.dtg.primary();
    for (std::size_t i = 0; i < n; i += std::max<std::size_t>(1, stride)) {
        QJsonObject pnt;
        pnt.insert("temperature_c", jsonNumber(c.temperatureC[i]));
        if (c.hasTime()) pnt.insert("time_min", jsonNumber(c.timeMin[i]));
        if (a.dtg.againstTime) pnt.insert("dtg_pct_min", jsonNumber(primary[i]));
        if (!a.dtg.pctPerC.empty()) pnt.insert("dtg_pct_c", jsonNumber(a.dtg.pctPerC[i]));
        dtg.append(pnt);
    }
    out.insert("dtg", dtg);
    out.insert("dtg_against", a.dtg.againstTime ? QStringLiteral("time") : QStringLiteral("temperature"));
    out.insert("dtg_window_points", a.dtg.window.points);
    out.insert("dtg_bin_points", a.dtg.binPoints);
    out.insert("dtg_polynomial_order", a.dtg.window.order);
    out.insert(a.dtg.againstTime ? "dtg_window_min" : "dtg_window_c", jsonNumber(a.dtg.windowMin));
    out.insert("dtg_noise", jsonNumber(a.dtg.noise));
    out.insert("step_threshold", jsonNumber(a.steps.threshold));
    out.insert("heating_rate_k_min", jsonNumber(a.dtg.heatingRateKPerMin));
    out.insert("n_points", qint64(n));

    QJsonArray warnings;
    for (const std::string& w : a.warnings)
        warnings.append(QString::fromStdString(w));
    if (p.carbonMode == QLatin1String("oxidation") && p.startOxide == QLatin1String("not_set"))
        warnings.append(
            sampleStatesNone && !sample.isEmpty()
                ? QCoreApplication::translate(
                      "vanadis::TgaAnalysis",
                      "No carbon content: the sample does not state its composition. Enter it once in the "
                      "sample panel (for V2O3@C: V2O3 → V2O5), choose the start oxide here, or a plain "
                      "burn-off.")
                : QCoreApplication::translate(
                      "vanadis::TgaAnalysis",
                      "No carbon content: say which oxide the sample starts from (Start oxide; "
                      "--start-oxide), e.g. V2O3 → V2O5 for V2O3@C, or choose a plain burn-off."));
    out.insert("start_oxide_source",
               startFromSample ? QStringLiteral("sample") : QStringLiteral("parameter"));
    if (!consulted.isEmpty()) out.insert("sample_context", consulted);
    if (a.moisture && a.moisture->moisturePct < -2.0 * std::max(a.moisture->moisturePctErr, 0.01))
        warnings.append(QCoreApplication::translate(
                            "vanadis::TgaAnalysis",
                            "The mass rises by %1 % before the dry-basis temperature (negative moisture): "
                            "buoyancy, a balance drift or an oxidation starting early; check the blank.")
                            .arg(-a.moisture->moisturePct, 0, 'f', 2));
    const auto [tMinIt, tMaxIt] = std::minmax_element(c.temperatureC.begin(), c.temperatureC.end());
    for (const tga::Step& st : a.steps.steps) {
        if (st.endC < st.startC - 1.0)
            warnings.append(QCoreApplication::translate(
                                "vanadis::TgaAnalysis",
                                "The step at %1 °C lies on a cooling segment: its onset and endset are not "
                                "those of a heating step; read it with care.")
                                .arg(st.peakC, 0, 'f', 0));
        else if (st.endsetC > *tMaxIt + 1.0 || st.onsetC < *tMinIt - 1.0)
            warnings.append(QCoreApplication::translate(
                                "vanadis::TgaAnalysis",
                                "The step at %1 °C has its onset or endset (%2–%3 °C) outside the measured "
                                "range %4–%5 °C: the tangent construction extrapolates; treat them as "
                                "estimates.")
                                .arg(st.peakC, 0, 'f', 0)
                                .arg(st.onsetC, 0, 'f', 0)
                                .arg(st.endsetC, 0, 'f', 0)
                                .arg(*tMinIt, 0, 'f', 0)
                                .arg(*tMaxIt, 0, 'f', 0));
    }

    // Cursor readings (NETZSCH "Mass Change"/"Residual Mass", TA "Weight change"/"Residue").
    if (p.massChangeFromC && p.massChangeToC) {
        const double from = *p.massChangeFromC, to = *p.massChangeToC;
        if (auto m = tga::massChange(c, from, to)) {
            out.insert("mass_change", QJsonObject{{"from_c", from},
                                                  {"to_c", to},
                                                  {"from_pct", jsonNumber(m->fromPct)},
                                                  {"to_pct", jsonNumber(m->toPct)},
                                                  {"change_mg", jsonNumber(m->changeMg)}});
            res.massChangePct = m->changePct;
        } else
            warnings.append(
                QString::fromStdString("No mass change between the cursors: " + m.error().reason + "."));
    }
    // A step the user delimits by dragging the two cursors: the same tangent construction inside them.
    if (out.contains("mass_change")) {
        const double from = *p.massChangeFromC, to = *p.massChangeToC;
        const auto firstAtOrAbove = [&](double t, std::size_t start) {
            std::size_t i = start;
            while (i + 1 < c.size() && c.temperatureC[i] < t)
                ++i;
            return i;
        };
        const std::size_t i0 = firstAtOrAbove(std::min(from, to), 0);
        const std::size_t i1 = firstAtOrAbove(std::max(from, to), i0);
        if (i1 > i0 + 2)
            out.insert("user_step", stepJson(tga::stepBetween(c, a.dtg, i0, i1, options->steps)));
    }
    if (p.residueAtC) {
        const double at = *p.residueAtC;
        if (auto r = tga::residueAtPct(c, at))
            out.insert("residue_at", QJsonObject{{"temperature_c", at}, {"mass_pct", jsonNumber(*r)}});
        else
            warnings.append(QString::fromStdString("No residue reading: " + r.error().reason + "."));
    }
    out.insert("warnings", warnings);
    if (auto w = tgaResultTable().write(res, out); !w) return withName(w.error());
    return out;
}

} // namespace vanadis

namespace vanadis {

const ResultTable<TgaResult>& tgaResultTable()
{
    static const ResultTable<TgaResult> t = [] {
        const auto tr = [](const char* s) { return translated("vanadis::TgaAnalysis", s); };
        using R = TgaResult;
        const QString wtPct = QStringLiteral("wt%");
        ResultTable<R> t;
        t.measured(&R::carbonWtPct, "carbon_wt_pct", "carbon_wt_pct_err", tr("Carbon content"), wtPct)
            .headline(tr("Carbon (wt%)"));
        t.measured(&R::moistureWtPct, "moisture_wt_pct", "moisture_wt_pct_err", tr("Moisture"), wtPct)
            .headline(tr("Moisture (wt%)"));
        t.value(&R::residueWtPct, "residue_wt_pct", tr("Residue (dry basis)"), wtPct);
        t.value(&R::dryMassTemperatureC, "dry_mass_temperature_c", tr("Dry mass read at"),
                QStringLiteral("°C"));
        t.value(&R::massChangePct, "mass_change.change_pct", tr("Mass change between cursors"),
                QStringLiteral("%"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& tgaAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QString::fromLatin1(kTgaAnalysisId);
        a.version = kTgaAnalysisVersion;
        a.technique = Technique::Tga;
        a.name = QStringLiteral("TGA");
        a.input.types = {QStringLiteral("tga_curve")};
        a.params = tgaSchema;
        a.outputs = [] { return tgaResultTable().outputs(); };
        a.figures = tgaFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            const QJsonValue ref = params.value("blank_dataset");
            const Dataset* blank = nullptr;
            if (ref.isDouble())
                if (auto it = in.references.find(Id(ref.toDouble())); it != in.references.end())
                    blank = &it->second;
            return computeTga(in.main.front(), params, blank, in.sample);
        };
        // The composition entered once for the sample (start oxide → residue) decides the correction.
        a.sampleProperties = {QStringLiteral("start_oxide"), QStringLiteral("residue_oxide")};
        a.buildFigure = tgaFigure;
        auto text = [](const char* key) {
            return [key = QString::fromLatin1(key)](const QString& v) -> Expected<QJsonObject> {
                return QJsonObject{{key, v}};
            };
        };
        const auto number = [](const char* key, const char* option) {
            return [key = QString::fromLatin1(key), option](const QString& v) -> Expected<QJsonObject> {
                bool ok = false;
                const double d = v.toDouble(&ok);
                if (!ok) return fail("", option, "'" + v.toStdString() + "' is not a number");
                return QJsonObject{{key, d}};
            };
        };
        CliOption blankFile{QStringLiteral("blank"),
                            QStringLiteral("A blank (empty-crucible) run to subtract, any TGA file."),
                            QStringLiteral("FILE"),
                            {}};
        blankFile.datasetRefParam = QStringLiteral("blank_dataset");
        a.cliOptions = {{QStringLiteral("start-oxide"),
                         QStringLiteral("Oxide before oxidation: V2O3, VO2, V2O4, V2O5 (no default: without "
                                        "it or --mode burn-off there is no carbon content)."),
                         QStringLiteral("OXIDE"), text("start_oxide")},
                        {QStringLiteral("residue"), QStringLiteral("Oxide left at the end (default V2O5)."),
                         QStringLiteral("OXIDE"), text("residue")},
                        {QStringLiteral("mode"),
                         QStringLiteral("Carbon content: oxidation (default, needs --start-oxide), burn-off "
                                        "(the loss between dry mass and end plateau) or off."),
                         QStringLiteral("MODE"),
                         [](const QString& v) -> Expected<QJsonObject> {
                             const QString m = QString(v).replace('-', '_');
                             if (m != "oxidation" && m != "burn_off" && m != "off")
                                 return fail("", "--mode", "expects oxidation, burn-off or off");
                             return QJsonObject{{"carbon_mode", m}};
                         }},
                        blankFile,
                        {QStringLiteral("buoyancy-pct-per-100k"),
                         QStringLiteral("Buoyancy coefficient of the instrument, % of the initial mass per "
                                        "100 K, removed before reading."),
                         QStringLiteral("K"), number("buoyancy_pct_per_100k", "--buoyancy-pct-per-100k")},
                        {QStringLiteral("dry-below"),
                         QStringLiteral("Temperature (°C) of the dry mass; loss below it is moisture."),
                         QStringLiteral("C"), [](const QString& v) -> Expected<QJsonObject> {
                             bool ok = false;
                             const double d = v.toDouble(&ok);
                             if (!ok)
                                 return fail("", "--dry-below", "'" + v.toStdString() + "' is not a number");
                             return QJsonObject{{"dry_below_c", d}};
                         }}};
        return a;
    }();
    return d;
}

} // namespace vanadis
