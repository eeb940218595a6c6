#include "analysis/bet/BetAnalysis.h"
#include "analysis/JsonNumber.h"

#include "analysis/bet/BetFigures.h"

#include "numeric/Constants.h"
#include "numeric/bet/Adsorptive.h"
#include "numeric/bet/BetFit.h"
#include "numeric/bet/BetWindowSearch.h"
#include "numeric/bet/Bjh.h"
#include "numeric/bet/Hysteresis.h"
#include "numeric/bet/Langmuir.h"
#include "numeric/bet/PoreVolume.h"
#include "numeric/bet/TPlot.h"
#include "numeric/bet/Thickness.h"

#include "model/Translate.h"
#include "model/Units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>
#include <limits>

namespace vanadis {
namespace {

using namespace vanadis::bet;

QJsonArray pair(double a, double b)
{
    return QJsonArray{jsonNumber(a), jsonNumber(b)};
}

QString fmt(double v, int digits = 3)
{
    return QString::number(v, 'g', digits);
}

std::string location(const Dataset& ds)
{
    return ds.provenance().originalFileName.isEmpty() ? ds.name().toStdString()
                                                      : ds.provenance().originalFileName.toStdString();
}

// Factor to cm³ STP g⁻¹, or NaN for a unit Vanadis does not know. Volumes of gas per gram are STP by the
// convention of every instrument report, so "cm3/g" without "STP" is accepted as STP.
double amountFactorToCm3Stp(const QString& unit)
{
    const QString u = unitKey(unit);
    static const QStringList cm3{"cm3/gstp", "cm3stp/g", "cm3/g",   "ccstp/g",   "cc/g",
                                 "ml/g",     "mlstp/g",  "cm3g-1",  "cm3stpg-1", "cm3g-1stp",
                                 "mlstpg-1", "mlg-1",    "cc/gstp", "ml/gstp"};
    static const QStringList mmol{"mmol/g", "mmolg-1", "mol/kg", "molkg-1"};
    if (cm3.contains(u)) return 1.0;
    if (mmol.contains(u)) return constants::molarVolumeStpCm3PerMol / 1000.0;
    return std::numeric_limits<double>::quiet_NaN();
}

const Column* findColumn(const Dataset& ds, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (const Column* c = ds.column(QString::fromLatin1(n))) return c;
    return nullptr;
}

QJsonObject betJson(const BetFitResult& f, bool automatic)
{
    QJsonObject o;
    o["monolayer_cm3_g"] = jsonNumber(f.monolayerCm3PerG);
    o["monolayer_cm3_g_err"] = jsonNumber(f.monolayerErrCm3PerG);
    o["p_range"] = pair(f.pFirst, f.pLast);
    o["automatic"] = automatic;
    o["slope_g_cm3"] = jsonNumber(f.slope);
    o["slope_err"] = jsonNumber(f.slopeErr);
    o["intercept_g_cm3"] = jsonNumber(f.intercept);
    o["intercept_err"] = jsonNumber(f.interceptErr);
    o["p_monolayer_bet"] = jsonNumber(f.pMonolayerBet);
    o["p_monolayer_read"] = jsonNumber(f.pMonolayerRead);
    o["monolayer_pressure_rel_err"] = jsonNumber(f.monolayerPressureRelErr);
    o["criteria"] = QJsonObject{{"rouquerol_increasing", f.criteria.rouquerolIncreasing},
                                {"positive_c", f.criteria.positiveC},
                                {"monolayer_in_range", f.criteria.monolayerInWindow},
                                {"monolayer_pressure_consistent", f.criteria.monolayerPressureConsistent}};
    return o;
}

QJsonObject emptyBetJson()
{
    QJsonObject o;
    for (const char* k : {"monolayer_cm3_g", "monolayer_cm3_g_err", "p_range"})
        o[k] = QJsonValue(QJsonValue::Null);
    o["automatic"] = true;
    o["criteria"] = QJsonValue(QJsonValue::Null);
    return o;
}

struct Input {
    IsothermBranch ads, des;
    QString amountUnit;
    int reordered = 0; ///< points put back in pressure order (dips within instrument noise)
};

/// Real exports dip backwards by a few 1e-6 in p/p0 near vacuum (equilibration noise); the importers
/// accept dips up to max(2e-4, 0.2 % of p/p0) with a warning, so the analysis orders such points by
/// pressure instead of refusing the file. Larger reversals are left for validateBranch to refuse.
int orderWithinNoise(IsothermBranch& b, bool rising)
{
    int moved = 0;
    for (std::size_t i = 1; i < b.pRelative.size(); ++i) {
        const double prev = b.pRelative[i - 1], cur = b.pRelative[i];
        const double back = rising ? prev - cur : cur - prev;
        if (back <= 0.0 || back > std::max(2e-4, 0.002 * std::abs(prev))) continue;
        std::swap(b.pRelative[i - 1], b.pRelative[i]);
        std::swap(b.amountCm3PerG[i - 1], b.amountCm3PerG[i]);
        ++moved;
        if (i > 1) i -= 2; // re-check the earlier pair after the swap
    }
    return moved;
}

Expected<Input> readIsotherm(const Dataset& ds)
{
    const std::string file = location(ds);
    if (ds.technique() != Technique::Bet)
        return fail(file, "",
                    "the dataset is not a physisorption isotherm (technique '" +
                        techniqueKey(ds.technique()).toStdString() + "')");
    if (auto loaded = ds.ensureLoaded(); !loaded) return std::unexpected(loaded.error());
    const Column* p = findColumn(ds, {"P/P0", "p/p°", "Relative Pressure"});
    const Column* n = findColumn(ds, {"Quantity Adsorbed", "Amount Adsorbed"});
    const Column* b = ds.column(QStringLiteral("Branch"));
    if (!p) return fail(file, "", "no relative pressure column \"P/P0\"");
    if (!n) return fail(file, "", "no amount column \"Quantity Adsorbed\"");
    const QString pu = unitKey(p->unit);
    if (!(pu.isEmpty() || pu == "1" || pu == "p/p0"))
        return fail(file, "column \"" + p->name.toStdString() + "\"",
                    "relative pressure must be dimensionless, not '" + p->unit.toStdString() + "'");
    if (n->unit.trimmed().isEmpty())
        return fail(file, "column \"" + n->name.toStdString() + "\"",
                    "the unit of the amount adsorbed is not stated (cm3/g STP or mmol/g)");
    const double factor = amountFactorToCm3Stp(n->unit);
    if (!std::isfinite(factor))
        return fail(file, "column \"" + n->name.toStdString() + "\"",
                    "unknown unit '" + n->unit.toStdString() +
                        "' for the amount adsorbed (expected cm3/g STP or mmol/g)");
    if (p->values.size() != n->values.size() || (b && b->values.size() != p->values.size()))
        return fail(file, "", "the isotherm columns have different lengths");

    Input in;
    in.amountUnit = n->unit;
    for (std::size_t i = 0; i < p->values.size(); ++i) {
        const double branch = b ? b->values[i] : 0.0;
        if (branch != 0.0 && branch != 1.0)
            return fail(file, "row " + std::to_string(i + 1),
                        "the Branch column must be 0 (adsorption) or 1 (desorption)");
        IsothermBranch& target = branch == 0.0 ? in.ads : in.des;
        target.pRelative.push_back(p->values[i]);
        target.amountCm3PerG.push_back(
            n->values[i]); // file units until validated, so messages quote the file
    }
    if (in.ads.size() < 3)
        return fail(file, "adsorption branch",
                    "the isotherm has " + std::to_string(in.ads.size()) +
                        " adsorption point(s); at least 3 are needed");
    in.reordered = orderWithinNoise(in.ads, true) + orderWithinNoise(in.des, false);
    if (auto v = validateBranch(in.ads, BranchDirection::Adsorption); !v)
        return fail(file, v.error().location, v.error().reason);
    if (!in.des.empty())
        if (auto v = validateBranch(in.des, BranchDirection::Desorption); !v)
            return fail(file, v.error().location, v.error().reason);
    for (IsothermBranch* br : {&in.ads, &in.des})
        for (double& v : br->amountCm3PerG)
            v *= factor;
    return in;
}

} // namespace

/// The translation context of the BET analysis' strings, and the one declaration of its parameters.
struct BetAnalysis {
    Q_DECLARE_TR_FUNCTIONS(vanadis::BetAnalysis)
public:
    static ParamTable<BetParams> paramTable();
};

ParamTable<BetParams> BetAnalysis::paramTable()
{
    ParamTable<BetParams> t;
    t.field(&BetParams::adsorptive,
            choiceParam("adsorptive", tr("Adsorptive"), {"auto", "N2", "Ar", "Kr", "CO2"}, "auto",
                        {tr("as in the file"), "N₂", "Ar", "Kr", "CO₂"},
                        tr("auto: as stated in the file (N2 assumed, with a warning, when the file says "
                           "nothing)")));
    t.field(&BetParams::crossSectionNm2,
            numberParam("cross_section_nm2", tr("Cross-section σ"), QStringLiteral("nm²"), -1.0, -1.0, 2.0,
                        tr("Molecular cross-section; ≤ 0 uses the adsorptive's (N2 0.162, Ar 0.142, Kr "
                           "0.202, CO2 0.195 nm², ISO 9277:2022)")));
    t.last().advanced = true;
    t.field(&BetParams::pMin,
            numberParam("p_min", tr("BET range from"), QStringLiteral("p/p0"), -1.0, -1.0, 1.0,
                        tr("Lower end of a user BET range; p_min and p_max both negative = "
                           "automatic range (Rouquerol criteria, BETSI rule)")));
    t.last().autoBelow = 0.0;
    t.last().rangeLabel = tr("BET window");
    t.field(&BetParams::pMax, numberParam("p_max", tr("BET range to"), QStringLiteral("p/p0"), -1.0, -1.0,
                                          1.0, tr("Upper end of a user BET range (negative = automatic)")));
    t.last().autoBelow = 0.0;
    // BETSI's minimum (Osterrieth et al. 2022): short windows that pass the criteria by chance make
    // noisy isotherms' areas scatter by > 1 % (tst_bet); sparse isotherms fall back to interpolation.
    t.field(
        &BetParams::minPoints,
        integerParam("min_points", tr("Smallest automatic window"), tr("points"), 11, 3, 100,
                     tr("Default 11: BETSI takes windows of more than 10 points (Osterrieth et al. 2022); "
                        "ISO 9277 accepts 3 and recommends 5. With fewer suitable points interpolated "
                        "points are added and the result says so.")));
    t.last().advanced = true;
    t.field(&BetParams::r2Min, numberParam("r2_min", tr("Minimum R²"), {}, 0.995, 0.0, 1.0,
                                           tr("An automatic window needs R² above this (BETSI: 0.995)")));
    t.last().advanced = true;
    t.field(&BetParams::totalPoreVolumeP,
            numberParam("total_pore_volume_p", tr("Total pore volume at"), QStringLiteral("p/p0"), 0.99, 0.5,
                        1.0,
                        tr("Gurvich total pore volume read on the adsorption branch (vendors: 0.99; BELSORP "
                           "0.96–0.99)")));
    t.field(&BetParams::singlePointP,
            numberParam("single_point_p", tr("Single-point BET at"), QStringLiteral("p/p0"), 0.30, 0.05, 0.5,
                        tr("The adsorption point nearest to this pressure is used")));
    t.field(&BetParams::langmuirPMin,
            numberParam("langmuir_p_min", tr("Langmuir range from"), QStringLiteral("p/p0"), 0.05, 0.0, 1.0,
                        tr("Langmuir area: meaningful only for type I isotherms")));
    t.last().advanced = true;
    t.field(&BetParams::langmuirPMax, numberParam("langmuir_p_max", tr("Langmuir range to"),
                                                  QStringLiteral("p/p0"), 0.30, 0.0, 1.0, {}));
    t.last().advanced = true;
    t.field(&BetParams::bjhBranch,
            choiceParam("bjh_branch", tr("BJH branch"), {"adsorption", "desorption"}, "adsorption",
                        {tr("adsorption"), tr("desorption")},
                        tr("adsorption: cylindrical meniscus (Cohan); desorption: hemispherical meniscus. "
                           "The desorption branch of H2/H3 loops gives a false peak near 3.8 nm "
                           "(cavitation)")));
    t.field(&BetParams::thickness,
            choiceParam("thickness", tr("Thickness curve"), {"harkins_jura", "halsey", "kjs", "carbon_black"},
                        "harkins_jura",
                        {QStringLiteral("Harkins–Jura"), QStringLiteral("Halsey"), QStringLiteral("KJS"),
                         tr("carbon black")},
                        tr("Film thickness t(p/p0) for the t-plot and the BJH correction (Harkins–Jura 1944; "
                           "Halsey 1948; Kruk–Jaroniec–Sayari 1997; carbon black STSA)")));
    t.field(&BetParams::tMinAngstrom,
            numberParam("t_min_angstrom", tr("t-plot from"), QStringLiteral("Å"), 3.5, 0.0, 50.0,
                        tr("Linear t-plot range (Micromeritics default 3.5–5.0 Å)")));
    t.last().rangeLabel = tr("t-plot range");
    t.field(&BetParams::tMaxAngstrom,
            numberParam("t_max_angstrom", tr("t-plot to"), QStringLiteral("Å"), 5.0, 0.0, 50.0, {}));
    t.field(
        &BetParams::bjhMinDiameterNm,
        numberParam("bjh_min_diameter_nm", tr("BJH smallest pore"), QStringLiteral("nm"), 1.7, 0.5, 100.0,
                    tr("The Kelvin equation is not trusted below ≈ 2 nm (Micromeritics default 1.7 nm)")));
    t.last().advanced = true;
    t.field(&BetParams::bjhMaxDiameterNm, numberParam("bjh_max_diameter_nm", tr("BJH largest pore"),
                                                      QStringLiteral("nm"), 300.0, 2.0, 10000.0, {}));
    t.last().advanced = true;
    return t;
}

ParamTable<BetParams> betParamTable()
{
    return BetAnalysis::paramTable();
}

ParamSchema betSchema()
{
    return betParamTable().schema();
}

Expected<QJsonObject> computeBet(const Dataset& ds, const QJsonObject& given)
{
    const std::string file = location(ds);
    auto params = betParamTable().read(given);
    if (!params) return std::unexpected(params.error());
    const BetParams& p = *params;
    auto inputOr = readIsotherm(ds);
    if (!inputOr) return std::unexpected(inputOr.error());
    const Input& in = *inputOr;
    QJsonArray warnings;
    auto warn = [&](const QString& s) { warnings.append(s); };
    if (in.reordered > 0)
        warn(
            QCoreApplication::translate(
                "vanadis::BetAnalysis",
                "%1 point(s) whose pressure stepped back within instrument noise were put in pressure order.")
                .arg(in.reordered));

    // Adsorptive and cross-section: shown explicitly, and every mismatch with the file is said aloud
    // (operators sometimes evaluate Ar data with the N2 value).
    const QString fileAdsorptive = ds.metadata().value("adsorptive").toString();
    const auto fromFile = adsorptiveFromName(fileAdsorptive.toStdString());
    Adsorptive adsorptive = Adsorptive::N2;
    if (p.adsorptive == "auto") {
        if (fromFile) {
            adsorptive = *fromFile;
        } else if (fileAdsorptive.isEmpty()) {
            warn(QCoreApplication::translate(
                "vanadis::BetAnalysis", "The file does not state the adsorptive; N2 at 77 K was assumed."));
        } else {
            return fail(
                file, "metadata 'adsorptive'",
                "adsorptive '" + fileAdsorptive.toStdString() +
                    "' is not in the Vanadis table (N2, Ar, Kr, CO2); choose one and set the cross-section");
        }
    } else {
        adsorptive = *adsorptiveFromName(p.adsorptive.toStdString());
        if (fromFile && *fromFile != adsorptive)
            warn(QCoreApplication::translate(
                     "vanadis::BetAnalysis",
                     "The file states %1 as the adsorptive but %2 was chosen for the analysis.")
                     .arg(fileAdsorptive, QString::fromLatin1(adsorptiveData(adsorptive).name)));
    }
    const AdsorptiveData& gas = adsorptiveData(adsorptive);
    const QString gasName = QString::fromLatin1(gas.name);
    // The cross-section: the user's when set, else the one the file states (the instrument software
    // computed its area with it), else the adsorptive's. The result says which; every departure from the
    // usual value is said aloud.
    const QJsonValue fileSigma = ds.metadata().value("cross_section_nm2");
    const bool fileStatesSigma =
        fileSigma.isDouble() && fileSigma.toDouble() > 0.01 && fileSigma.toDouble() < 2.0;
    QString sigmaSource = QStringLiteral("adsorptive");
    double sigma = gas.crossSectionNm2;
    if (p.crossSectionNm2 > 0.0) {
        sigma = p.crossSectionNm2;
        sigmaSource = QStringLiteral("user");
    } else if (fileStatesSigma) {
        sigma = fileSigma.toDouble();
        sigmaSource = QStringLiteral("file");
    }
    if (sigmaSource == QLatin1String("file") && std::abs(sigma - gas.crossSectionNm2) > 1e-6)
        warn(QCoreApplication::translate(
                 "vanadis::BetAnalysis",
                 "The file states a cross-section of %1 nm² for %2 (the usual value is "
                 "%3 nm²); the file's value was used, as the instrument software did. "
                 "Set the cross-section to override it.")
                 .arg(fmt(sigma), gasName, fmt(gas.crossSectionNm2)));
    else if (adsorptive != Adsorptive::N2 && std::abs(sigma - constants::n2CrossSectionNm2) < 1e-9)
        warn(QCoreApplication::translate(
                 "vanadis::BetAnalysis",
                 "The %1 isotherm is evaluated with the N2 cross-section 0.162 nm²; the usual %1 value is %2 "
                 "nm².")
                 .arg(gasName, fmt(gas.crossSectionNm2)));
    else if (std::abs(sigma - gas.crossSectionNm2) > 1e-9)
        warn(QCoreApplication::translate(
                 "vanadis::BetAnalysis",
                 "A cross-section of %1 nm² was used instead of the usual %2 nm² for %3.")
                 .arg(fmt(sigma), fmt(gas.crossSectionNm2), gasName));
    if (sigmaSource == QLatin1String("user") && fileStatesSigma &&
        std::abs(fileSigma.toDouble() - sigma) > 1e-6)
        warn(QCoreApplication::translate("vanadis::BetAnalysis",
                                         "The file states a cross-section of %1 nm²; Vanadis used %2 nm².")
                 .arg(fmt(fileSigma.toDouble()), fmt(sigma)));

    QJsonObject out;
    BetResult res;
    out["adsorptive"] = gasName;
    out["temperature_k"] = ds.metadata().value("temperature_k").isDouble()
                               ? ds.metadata().value("temperature_k")
                               : QJsonValue(gas.temperatureK);
    out["cross_section_nm2"] = sigma;
    out["cross_section_source"] = sigmaSource; // user | file | adsorptive
    out["amount_unit"] = QStringLiteral("cm3/g STP");
    out["input_amount_unit"] = in.amountUnit;
    out["n_adsorption_points"] = int(in.ads.size());
    out["n_desorption_points"] = int(in.des.size());

    // ---- BET: the automatic search always runs (it is the suggestion the user may override) ----
    BetSearchOptions so;
    so.crossSectionNm2 = sigma;
    so.minPoints = p.minPoints;
    so.r2Min = p.r2Min;
    auto search = searchBetWindow(in.ads, so);
    if (!search) return fail(file, search.error().location, search.error().reason);
    const double pMin = p.pMin, pMax = p.pMax;
    const bool userRange = pMin >= 0.0 || pMax >= 0.0;
    std::optional<BetFitResult> bet;
    QJsonObject betObj;
    if (userRange) {
        const double lo = std::max(pMin, 0.0), hi = pMax >= 0.0 ? pMax : 1.0;
        if (!(lo < hi)) return fail(file, "parameter 'p_min'", "the BET range must have p_min < p_max");
        auto f = fitBetRange(in.ads, lo, hi, sigma);
        if (!f) return fail(file, f.error().location, f.error().reason);
        bet = *f;
        betObj = betJson(*f, false);
        for (const auto& w : betFitWarnings(*f))
            warn(QString::fromStdString(w));
        if (search->selected) {
            betObj["automatic_area_m2_g"] = jsonNumber(search->selected->areaM2PerG);
            betObj["automatic_p_range"] = pair(search->selected->pFirst, search->selected->pLast);
        }
    } else if (search->selected) {
        bet = *search->selected;
        betObj = betJson(*bet, true);
        betObj["interpolation_round"] = search->interpolationRound;
        betObj["interpolated_points"] = search->nInterpolatedInWindow;
    } else {
        betObj = emptyBetJson();
    }
    if (!userRange)
        for (const auto& w : search->warnings)
            warn(QString::fromStdString(w));
    betObj["spread_m2_g"] =
        search->nValidWindows > 0 ? jsonNumber(search->spreadM2PerG) : QJsonValue(QJsonValue::Null);
    betObj["n_valid_windows"] = search->nValidWindows;
    betObj["n_windows_tested"] = double(search->nWindowsTested);
    betObj["min_points"] = so.minPoints;
    betObj["cross_section_nm2"] = sigma;
    out["bet"] = betObj;
    if (bet) {
        res.area = {bet->areaM2PerG, bet->areaErrM2PerG};
        res.cConstant = {bet->c, bet->cErr};
        res.monolayerMmolG = {cm3StpToMmol(bet->monolayerCm3PerG), cm3StpToMmol(bet->monolayerErrCm3PerG)};
        res.r2 = bet->r2;
        res.nPoints = bet->nPoints;
    }
    // The instrument software's own BET area, when the file carries it, beside ours (its range may be
    // another: the analyst's, not the automatic one).
    if (const QJsonObject vendor = ds.metadata().value("vendor_bet").toObject();
        vendor.value("area_m2_g").isDouble()) {
        res.vendorAreaM2G = vendor.value("area_m2_g").toDouble();
        out["vendor_bet"] = vendor;
    }
    const double areaBet = bet ? bet->areaM2PerG : std::numeric_limits<double>::quiet_NaN();

    // ---- Langmuir and single point ----
    if (auto l = fitLangmuir(in.ads, p.langmuirPMin, p.langmuirPMax, sigma)) {
        if (l->physical) res.langmuirAreaM2G = {l->areaM2PerG, l->areaErrM2PerG};
        out["langmuir"] =
            QJsonObject{{"p_range", pair(l->pFirst, l->pLast)},
                        {"n_points", l->nPoints},
                        {"r2", jsonNumber(l->r2)},
                        {"monolayer_cm3_g", jsonNumber(l->monolayerCm3PerG)},
                        {"monolayer_cm3_g_err", jsonNumber(l->monolayerErrCm3PerG)},
                        {"k_langmuir", jsonNumber(l->kPerPRelative)},
                        {"note", QCoreApplication::translate("vanadis::BetAnalysis",
                                                             "meaningful only for type I isotherms")}};
        if (!l->physical)
            warn(QCoreApplication::translate(
                "vanadis::BetAnalysis",
                "The Langmuir plot has a negative slope or intercept: no Langmuir area."));
    } else {
        warn(QCoreApplication::translate("vanadis::BetAnalysis", "No Langmuir area: %1.")
                 .arg(QString::fromStdString(l.error().reason)));
    }
    if (auto sp = singlePointBet(in.ads, sigma, p.singlePointP)) {
        res.singlePointAreaM2G = sp->areaM2PerG;
        out["single_point_p"] = jsonNumber(sp->pRelative);
    }

    // ---- Total pore volume and average pore diameter ----
    const double liquidPerGas = gas.liquidPerGasStp();
    double totalVolume = std::numeric_limits<double>::quiet_NaN();
    if (auto v = totalPoreVolume(in.ads, p.totalPoreVolumeP, liquidPerGas)) {
        totalVolume = v->volumeCm3PerG;
        res.totalPoreVolumeCm3G = v->volumeCm3PerG;
        out["total_pore_volume_p"] = jsonNumber(v->pRelative);
        if (v->nearestPoint)
            warn(QCoreApplication::translate(
                     "vanadis::BetAnalysis",
                     "The adsorption branch ends at p/p0 = %1, below the requested %2: the total pore volume "
                     "is "
                     "taken at the last point.")
                     .arg(fmt(v->pRelative, 5), fmt(p.totalPoreVolumeP, 4)));
    } else {
        out["total_pore_volume_p"] = p.totalPoreVolumeP;
        warn(QCoreApplication::translate("vanadis::BetAnalysis", "No total pore volume: %1.")
                 .arg(QString::fromStdString(v.error().reason)));
    }
    res.averagePoreDiameterNm = averagePoreDiameterNm(totalVolume, areaBet);

    // ---- t-plot ----
    double condensation = std::numeric_limits<double>::quiet_NaN(); // rise above the t-plot line
    const ThicknessCurve curve = *thicknessCurveFromName(p.thickness.toStdString());
    if (adsorptive != Adsorptive::N2 && gas.bjhSupported)
        warn(QCoreApplication::translate(
                 "vanadis::BetAnalysis",
                 "The thickness curves (t-plot, BJH) are parameterised for N2 at 77 K; for %1 they are "
                 "approximate.")
                 .arg(gasName));
    if (std::isfinite(liquidPerGas)) {
        TPlotOptions to;
        to.curve = curve;
        to.tMinAngstrom = p.tMinAngstrom;
        to.tMaxAngstrom = p.tMaxAngstrom;
        to.liquidPerGas = liquidPerGas;
        if (auto t = tPlot(in.ads, to)) {
            QJsonArray pts;
            for (const TPlotPoint& q : t->points)
                pts.append(QJsonObject{
                    {"p_rel", q.pRelative}, {"t_angstrom", q.tAngstrom}, {"amount_cm3_g", q.amountCm3PerG}});
            QJsonObject tp{{"thickness", p.thickness},
                           {"t_range_angstrom", pair(t->tFirstAngstrom, t->tLastAngstrom)},
                           {"n_points", t->nPoints},
                           {"slope_cm3_g_angstrom", jsonNumber(t->slopeCm3PerGAngstrom)},
                           {"slope_err", jsonNumber(t->slopeErr)},
                           {"intercept_cm3_g", jsonNumber(t->interceptCm3PerG)},
                           {"intercept_err", jsonNumber(t->interceptErr)},
                           {"r2", jsonNumber(t->r2)},
                           {"points", pts}};
            res.externalAreaM2G = {t->externalAreaM2PerG, t->externalAreaErrM2PerG};
            res.microporeVolumeCm3G = {t->microporeVolumeCm3PerG, t->microporeVolumeErrCm3PerG};
            if (bet) {
                const double micro = areaBet - t->externalAreaM2PerG;
                const double microErr = std::hypot(bet->areaErrM2PerG, t->externalAreaErrM2PerG);
                res.microporeAreaM2G = {micro, microErr};
                // The external area moves by ≈ 5 % of the BET area between thickness curves (Harkins–Jura,
                // KJS, carbon black), so a smaller micropore area is not evidence of micropores.
                const bool detected = micro > 2.0 * microErr && micro > 0.05 * areaBet;
                tp["micropores_detected"] = detected;
                if (!detected)
                    warn(QCoreApplication::translate(
                             "vanadis::BetAnalysis",
                             "t-plot: the micropore area (%1 ± %2 m² g⁻¹) is within twice its uncertainty "
                             "of zero or below 5 % of the BET area, less than the choice of thickness curve "
                             "changes it: no micropores are detected.")
                             .arg(fmt(micro), fmt(microErr, 2)));
            }
            condensation = condensationExcess(*t);
            tp["condensation_excess"] = jsonNumber(condensation);
            if (t->microporeVolumeCm3PerG < 0.0)
                warn(QCoreApplication::translate(
                    "vanadis::BetAnalysis",
                    "The t-plot intercept is negative: no micropore volume is detected (reported as is)."));
            out["t_plot"] = tp;
        } else {
            out["t_plot"] = QJsonValue(QJsonValue::Null);
            warn(QCoreApplication::translate("vanadis::BetAnalysis", "No t-plot: %1.")
                     .arg(QString::fromStdString(t.error().reason)));
        }
    } else {
        out["t_plot"] = QJsonValue(QJsonValue::Null);
    }

    // ---- Capillary condensation: BJH means something only for mesopores ----
    // Seen when the isotherm rises clearly above the t-plot line below p/p0 = 0.95, or when a hysteresis
    // loop closes where condensation loops close (p/p0 ≥ 0.35; a loop open down to low pressure is
    // swelling or a leak, not mesopores).
    std::optional<HysteresisResult> loop;
    if (!in.des.empty()) loop = analyseHysteresis(in.ads, in.des);
    const bool loopCondenses = loop && loop->loopPresent && loop->closes && loop->closurePRelative >= 0.35;
    const bool excessCondenses = std::isfinite(condensation) && condensation > 0.10;
    const bool condensationKnown = std::isfinite(condensation) || loop.has_value();
    const bool condenses = loopCondenses || excessCondenses || !condensationKnown;

    // ---- BJH ----
    const bool desorption = p.bjhBranch == "desorption";
    if (desorption && in.des.empty())
        return fail(file, "parameter 'bjh_branch'",
                    "BJH on the desorption branch was requested but the isotherm has no desorption branch");
    if (auto bo =
            bjhOptionsFor(adsorptive, desorption ? Meniscus::Hemispherical : Meniscus::Cylindrical, curve)) {
        bo->minDiameterNm = p.bjhMinDiameterNm;
        bo->maxDiameterNm = p.bjhMaxDiameterNm;
        if (auto r = bjh(desorption ? in.des : in.ads, *bo)) {
            QJsonArray dist;
            for (const BjhBin& b : r->bins)
                dist.append(QJsonObject{{"diameter_nm", jsonNumber(b.diameterNm)},
                                        {"diameter_upper_nm", jsonNumber(b.diameterUpperNm)},
                                        {"diameter_lower_nm", jsonNumber(b.diameterLowerNm)},
                                        {"pore_volume_cm3_g", jsonNumber(b.poreVolumeCm3PerG)},
                                        {"pore_area_m2_g", jsonNumber(b.poreAreaM2PerG)},
                                        {"dv_dd_cm3_g_nm", jsonNumber(b.dvDdCm3PerGNm)},
                                        {"dv_dlogd_cm3_g", jsonNumber(b.dvDlogDCm3PerG)},
                                        {"cumulative_volume_cm3_g", jsonNumber(b.cumulativeVolumeCm3PerG)},
                                        {"cumulative_area_m2_g", jsonNumber(b.cumulativeAreaM2PerG)}});
            out["bjh"] = QJsonObject{{"branch", p.bjhBranch},
                                     {"meniscus", desorption ? "hemispherical" : "cylindrical"},
                                     {"thickness", p.thickness},
                                     {"peak_diameter_dvdd_nm", jsonNumber(r->peakDiameterDvDdNm)},
                                     {"total_volume_cm3_g", jsonNumber(r->totalVolumeCm3PerG)},
                                     {"total_area_m2_g", jsonNumber(r->totalAreaM2PerG)},
                                     {"negative_steps", r->negativeSteps},
                                     {"diameter_range_nm", pair(bo->minDiameterNm, bo->maxDiameterNm)},
                                     {"order", "largest pores first; cumulative from the largest pores"},
                                     {"distribution", dist},
                                     {"capillary_condensation", condenses}};
            if (condenses) res.bjhPeakDiameterNm = r->peakDiameterNm;
            if (!condenses) {
                QJsonObject b = out["bjh"].toObject();
                b["peak_diameter_dvdd_nm"] = QJsonValue(QJsonValue::Null);
                out["bjh"] = b;
                warn(QCoreApplication::translate(
                    "vanadis::BetAnalysis",
                    "No capillary condensation: the isotherm follows the t-plot line up to p/p0 = 0.95 and "
                    "has no hysteresis loop closing above p/p0 = 0.35, as for a non-porous, macroporous or "
                    "purely microporous solid. BJH assumes mesopores, so no pore-size peak is reported; the "
                    "distribution is kept for inspection."));
            }
            if (std::isfinite(totalVolume) && r->totalVolumeCm3PerG > 1.05 * totalVolume)
                warn(QCoreApplication::translate(
                         "vanadis::BetAnalysis",
                         "BJH: the cumulative pore volume (%1 cm³ g⁻¹) exceeds the total pore volume at "
                         "p/p0 = %2 (%3 cm³ g⁻¹) by %4 %: the thickness curve removes too little film, or "
                         "pores wider than the total-pore-volume point are counted; compare with another "
                         "thickness curve.")
                         .arg(fmt(r->totalVolumeCm3PerG), fmt(p.totalPoreVolumeP, 3), fmt(totalVolume),
                              fmt(100.0 * (r->totalVolumeCm3PerG / totalVolume - 1.0), 2)));
            if (r->negativeSteps > 0)
                warn(QCoreApplication::translate(
                         "vanadis::BetAnalysis",
                         "BJH: %1 of %2 steps gave a negative pore volume (the film-thinning correction "
                         "exceeded the "
                         "gas released, usually a thickness curve that does not fit the material or noise); "
                         "they are "
                         "kept in the table.")
                         .arg(r->negativeSteps)
                         .arg(r->bins.size()));
            if (r->bins.size() >= 3 && r->peakDiameterNm <= r->bins[r->bins.size() - 3].diameterNm)
                warn(QCoreApplication::translate(
                         "vanadis::BetAnalysis",
                         "BJH: the distribution peaks at the smallest pore sizes (%1 nm); that edge is where "
                         "the "
                         "thickness curve matters most, so treat the peak with care.")
                         .arg(fmt(r->peakDiameterNm)));
            if (desorption && r->peakDiameterNm > 3.3 && r->peakDiameterNm < 4.3)
                warn(
                    QCoreApplication::translate(
                        "vanadis::BetAnalysis",
                        "BJH from the desorption branch peaks at %1 nm: with an H2/H3 loop closing at p/p0 ≈ "
                        "0.42–0.50 "
                        "this is the cavitation (tensile-strength) artefact, not a pore size; use the "
                        "adsorption "
                        "branch.")
                        .arg(fmt(r->peakDiameterNm)));
        } else {
            out["bjh"] = QJsonValue(QJsonValue::Null);
            warn(QCoreApplication::translate("vanadis::BetAnalysis", "No BJH distribution: %1.")
                     .arg(QString::fromStdString(r.error().reason)));
        }
    } else {
        out["bjh"] = QJsonValue(QJsonValue::Null);
        warn(QCoreApplication::translate("vanadis::BetAnalysis", "No BJH distribution: %1.")
                 .arg(QString::fromStdString(bo.error().reason)));
    }

    // ---- Hysteresis ----
    if (loop) {
        const HysteresisResult& h = *loop;
        out["hysteresis"] = QJsonObject{
            {"loop_present", h.loopPresent},
            {"closes", h.closes},
            {"closure_p_rel", h.loopPresent ? jsonNumber(h.closurePRelative) : QJsonValue()},
            {"loop_start_p_rel", h.loopPresent ? jsonNumber(h.loopStartPRelative) : QJsonValue()},
            {"max_gap_cm3_g", jsonNumber(h.maxGapCm3PerG)},
            {"type_hint", QString::fromLatin1(hysteresisTypeName(h.typeHint).data())},
            {"reason", QString::fromStdString(h.reason)},
            {"note",
             QCoreApplication::translate("vanadis::BetAnalysis",
                                         "a hint from simple shape rules, not an IUPAC classification")}};
        if (h.loopPresent && !h.closes)
            warn(QCoreApplication::translate(
                "vanadis::BetAnalysis",
                "The desorption branch does not rejoin the adsorption branch (low-pressure hysteresis): "
                "check "
                "for swelling, slow equilibration or a leak."));
    } else {
        out["hysteresis"] = QJsonValue(QJsonValue::Null);
    }

    // ---- Plot data ----
    QJsonArray rouq, betPlot;
    for (std::size_t i = 0; i < in.ads.size(); ++i) {
        const double x = in.ads.pRelative[i], n = in.ads.amountCm3PerG[i];
        if (x >= 1.0) continue;
        rouq.append(QJsonObject{{"p_rel", x}, {"n_1_minus_p", rouquerolTransform(x, n)}});
        // The BET transform diverges towards saturation; above 0.5 it only spoils the plot's scale.
        if (const double y = betTransform(x, n); std::isfinite(y) && x <= 0.5)
            betPlot.append(QJsonObject{{"p_rel", x}, {"transform", y}});
    }
    out["rouquerol_plot"] = rouq;
    out["bet_plot"] = betPlot;
    out["bet_plot_unit"] = QStringLiteral("g/cm3 STP");
    out["warnings"] = warnings;
    if (auto w = betResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

} // namespace vanadis

namespace vanadis {

const ResultTable<BetResult>& betResultTable()
{
    static const ResultTable<BetResult> t = [] {
        const auto tr = [](const char* s) { return translated("vanadis::BetAnalysis", s); };
        using R = BetResult;
        ResultTable<R> t;
        t.measured(&R::area, "bet.area_m2_g", "bet.area_err", tr("BET area"), QStringLiteral("m² g⁻¹"))
            .headline(tr("BET area (m² g⁻¹)"));
        t.measured(&R::cConstant, "bet.c_constant", "bet.c_constant_err", tr("BET C constant"))
            .headline(tr("BET C"));
        t.measured(&R::monolayerMmolG, "bet.monolayer_mmol_g", "bet.monolayer_mmol_g_err",
                   tr("Monolayer capacity"), QStringLiteral("mmol g⁻¹"));
        t.value(&R::r2, "bet.r2", tr("BET fit R²")).significant(6);
        t.value(&R::nPoints, "bet.n_points", tr("Points in the BET window"));
        t.value(&R::vendorAreaM2G, "vendor_bet_area_m2_g", tr("BET area by the instrument software"),
                QStringLiteral("m² g⁻¹"));
        t.value(&R::totalPoreVolumeCm3G, "total_pore_volume_cm3_g", tr("Total pore volume"),
                QStringLiteral("cm³ g⁻¹"))
            .headline(tr("Pore volume (cm³ g⁻¹)"));
        t.value(&R::averagePoreDiameterNm, "average_pore_diameter_nm", tr("Average pore diameter (4V/A)"),
                QStringLiteral("nm"));
        t.value(&R::bjhPeakDiameterNm, "bjh.peak_diameter_nm", tr("BJH pore-size peak"), QStringLiteral("nm"))
            .headline(tr("BJH peak (nm)"));
        t.measured(&R::langmuirAreaM2G, "langmuir_area_m2_g", "langmuir_area_err", tr("Langmuir area"),
                   QStringLiteral("m² g⁻¹"));
        t.value(&R::singlePointAreaM2G, "single_point_area_m2_g", tr("Single-point BET area"),
                QStringLiteral("m² g⁻¹"));
        t.measured(&R::externalAreaM2G, "t_plot.external_area_m2_g", "t_plot.external_area_err",
                   tr("External area (t-plot)"), QStringLiteral("m² g⁻¹"));
        t.measured(&R::microporeVolumeCm3G, "t_plot.micropore_volume_cm3_g", "t_plot.micropore_volume_err",
                   tr("Micropore volume (t-plot)"), QStringLiteral("cm³ g⁻¹"));
        t.measured(&R::microporeAreaM2G, "t_plot.micropore_area_m2_g", "t_plot.micropore_area_err",
                   tr("Micropore area (t-plot)"), QStringLiteral("m² g⁻¹"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& betAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QStringLiteral("bet");
        a.version = 1;
        a.technique = Technique::Bet;
        a.name = QStringLiteral("BET");
        a.input.types = {QStringLiteral("isotherm")};
        a.params = betSchema;
        a.outputs = [] { return betResultTable().outputs(); };
        a.figures = betFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeBet(in.main.front(), params);
        };
        a.buildFigure = betFigure;
        a.cliOptions = {
            {QStringLiteral("adsorptive"), QStringLiteral("N2 (default), Ar, Kr or CO2."),
             QStringLiteral("GAS"),
             [](const QString& v) -> Expected<QJsonObject> {
                 return QJsonObject{{"adsorptive", v}};
             }},
            {QStringLiteral("range"),
             QStringLiteral("BET window in p/p0 instead of the automatic Rouquerol/BETSI choice."),
             QStringLiteral("LO,HI"), [](const QString& v) -> Expected<QJsonObject> {
                 bool ok1 = false, ok2 = false;
                 const double lo = v.section(',', 0, 0).toDouble(&ok1),
                              hi = v.section(',', 1, 1).toDouble(&ok2);
                 if (!ok1 || !ok2 || lo >= hi)
                     return fail("", "--range", "expects LO,HI with LO < HI, e.g. 0.05,0.30");
                 return QJsonObject{{"p_min", lo}, {"p_max", hi}};
             }}};
        return a;
    }();
    return d;
}

} // namespace vanadis
