#include "analysis/echem/CyclingAnalysis.h"
#include "analysis/JsonNumber.h"

#include "analysis/echem/CyclingFigures.h"
#include "model/Translate.h"
#include "model/Units.h"
#include "numeric/echem/Cycling.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

namespace vanadis {

namespace {

QString tr(const char* text)
{
    return translated("vanadis::CyclingAnalysis", text);
}

std::string datasetLabel(const Dataset& d)
{
    const QString file = d.provenance().originalFileName;
    return (file.isEmpty() ? d.name() : file).toStdString();
}

/// Factor from a column's unit to the canonical one, NaN when the unit is not one of these.
double factorTo(const QString& unit, std::initializer_list<std::pair<const char*, double>> known)
{
    const QString key = unitKey(unit);
    for (const auto& [u, f] : known)
        if (key == unitKey(QString::fromUtf8(u))) return f;
    return std::nan("");
}

/// A column converted to canonical units (a copy only when a factor other than 1 applies).
struct Converted {
    std::vector<double> owned;
    std::span<const double> view;
};

Expected<Converted> convert(const Dataset& d, const Column* c,
                            std::initializer_list<std::pair<const char*, double>> units)
{
    Converted out;
    double f = 1.0;
    if (!c->unit.isEmpty()) f = factorTo(c->unit, units);
    if (!std::isfinite(f))
        return fail(datasetLabel(d), "column '" + c->name.toStdString() + "'",
                    "unit '" + c->unit.toStdString() + "' is not one this analysis converts");
    if (f == 1.0) {
        out.view = c->values;
    } else {
        out.owned.reserve(c->values.size());
        for (double v : c->values)
            out.owned.push_back(v * f);
        out.view = out.owned;
    }
    return out;
}

QList<int> parseCycleList(const QString& text)
{
    QList<int> out;
    for (const QString& part :
         text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.toInt(&ok);
        if (ok && v > 0) out << v;
    }
    return out;
}

double metadataNumber(const QJsonObject& m, const char* key)
{
    const QJsonValue v = m.value(QLatin1String(key));
    if (v.isDouble()) return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? d : std::nan("");
}

QJsonArray thinned(const std::vector<double>& v, std::size_t stride)
{
    QJsonArray a;
    for (std::size_t i = 0; i < v.size(); i += stride)
        a.append(jsonNumber(v[i]));
    if (!v.empty() && (v.size() - 1) % stride) a.append(jsonNumber(v.back()));
    return a;
}

} // namespace

ParamTable<CyclingParams> cyclingParamTable()
{
    using P = CyclingParams;
    ParamTable<P> t;
    ParamSpec mass =
        numberParam("mass_mg", tr("Active mass"), QStringLiteral("mg"), 0.0, 0.0, 1e6,
                    tr("Mass of the electrode's active material (coating mass × active fraction) on "
                       "the basis below. Not set: the sample's active mass (entered once, on the sample); "
                       "without one, capacities in mAh only."));
    mass.optional = true;
    mass.defaultValue = QJsonValue(QJsonValue::Null);
    t.field(&P::massMg, mass);
    t.field(
        &P::massBasis,
        choiceParam("mass_basis", tr("Mass basis"), {"sample", "composite", "oxide_only"},
                    QStringLiteral("sample"),
                    {tr("as the sample states"), tr("V2O3@C composite"), tr("V2O3 alone")},
                    tr("What the active mass is: the whole composite, or the oxide alone — then the carbon "
                       "share (carbon_pct, or the sample's TGA result) is taken off the mass. Default: the "
                       "sample's basis.")));
    ParamSpec carbon =
        numberParam("carbon_pct", tr("Carbon content"), QStringLiteral("wt%"), 0.0, 0.0, 99.0,
                    tr("Carbon share of the composite, used with the 'V2O3 alone' basis. Not set: the "
                       "carbon_wt_pct of the sample's TGA run."));
    carbon.optional = true;
    carbon.defaultValue = QJsonValue(QJsonValue::Null);
    t.field(&P::carbonPct, carbon);
    t.field(&P::useFileMass,
            boolParam("use_file_mass", tr("Use the mass the file states"), true,
                      tr("When no active mass is given, use the one the instrument file states (BioLogic "
                         "characteristic mass, Neware/Novonix mass); the result names its source.")));
    t.field(&P::convention,
            choiceParam("convention", tr("Coulombic efficiency"), {"cathode", "anode"},
                        QStringLiteral("cathode"),
                        {tr("cathode: discharge/charge"), tr("anode: charge/discharge")},
                        tr("CE = Q_dis/Q_chg for a cathode or full cell (LAND CapD/CapC), Q_chg/Q_dis for "
                           "an anode half cell (echem.md §1).")));
    t.field(&P::pairing,
            choiceParam("pairing", tr("CE pairing"), {"same_cycle", "next_cycle"},
                        QStringLiteral("same_cycle"),
                        {tr("both halves of cycle n"), tr("cycle n with cycle n + 1")},
                        tr("For a sodiation-first cathode: discharge n with charge n as the cycler numbers "
                           "them, or charge n with discharge n + 1.")));
    t.field(
        &P::retentionReference,
        choiceParam("retention_reference", tr("Retention against"), {"first", "second", "maximum", "cycle"},
                    QStringLiteral("first"),
                    {tr("cycle 1"), tr("cycle 2"), tr("the highest capacity"), tr("a given cycle")},
                    tr("The capacity that is 100 %; retention above 100 % (activation) is not clipped.")));
    t.field(&P::referenceCycle, integerParam("reference_cycle", tr("Reference cycle"), {}, 1, 1, 1000000,
                                             tr("Used when retention is against a given cycle.")));
    t.field(&P::rateTolerancePct,
            numberParam("rate_tolerance_pct", tr("Rate-step tolerance"), QStringLiteral("%"), 5.0, 0.1, 50.0,
                        tr("Consecutive cycles whose discharge current agrees within this form one rate step "
                           "(echem.md §2).")));
    t.field(&P::skipFirstCycle,
            boolParam("skip_first_cycle", tr("Skip the first cycle of each rate step"), false,
                      tr("Leave the first cycle of each step out of the step means.")));
    t.field(&P::profileCycles,
            textParam("profile_cycles", tr("Profile cycles"), QStringLiteral("1,2,10,100"),
                      tr("Cycles whose voltage profiles and dQ/dV are given, separated by commas.")));
    t.field(&P::profileMode,
            choiceParam("profile_mode", tr("Profiles"), {"cycles", "rate_steps"}, QStringLiteral("cycles"),
                        {tr("the cycles listed"), tr("one per rate step (its second cycle)")}, {}));
    t.field(&P::dqdvBinMv,
            numberParam("dqdv_bin_mv", tr("dQ/dV voltage step"), QStringLiteral("mV"), 5.0, 0.5, 50.0,
                        tr("Uniform voltage grid of dQ/dV (echem.md §3: 2–5 mV).")));
    t.field(&P::dqdvWindowPoints,
            integerParam("dqdv_window_points", tr("dQ/dV smoothing window"), QStringLiteral("points"), 11, 0,
                         201, tr("Savitzky–Golay window on the dQ/dV grid (odd; 0 = no smoothing).")));
    t.last().minimumMeans = tr("no smoothing");
    return t;
}

ParamSchema cyclingSchema()
{
    return cyclingParamTable().schema();
}

Expected<QJsonObject> computeCycling(const Dataset& d, const QJsonObject& given, const QJsonObject& sample)
{
    auto checked = cyclingParamTable().read(given);
    if (!checked) return std::unexpected(checked.error());
    const CyclingParams& p = *checked;
    if (auto loaded = d.ensureLoaded(); !loaded) return std::unexpected(loaded.error());
    QJsonArray warnings;

    // Mass and its basis: a parameter wins, then the sample (entered once), then the file. What was read
    // from the sample is kept in sample_context, so that the run goes stale when it changes.
    QJsonObject consulted;
    double mass = p.massMg.value_or(std::nan(""));
    if (mass == 0.0) mass = std::nan("");
    QString source = std::isfinite(mass) ? QStringLiteral("parameter") : QString();
    if (!std::isfinite(mass) && !sample.isEmpty()) {
        consulted.insert("active_mass_mg", sample.value("active_mass_mg"));
        if (sample.value("active_mass_mg").isDouble()) {
            mass = sample.value("active_mass_mg").toDouble();
            source = QStringLiteral("sample");
        }
    }
    if (!std::isfinite(mass) && p.useFileMass) {
        for (const char* key : {"active_mass_mg", "instrument_mass_mg"}) {
            const double m = metadataNumber(d.metadata(), key);
            if (m > 0) {
                mass = m;
                source = QStringLiteral("file");
                warnings.append(tr("Active mass %1 mg taken from the file (%2); set it on the sample or in "
                                   "mass_mg to use another.")
                                    .arg(m, 0, 'g', 6)
                                    .arg(QLatin1String(key)));
                break;
            }
        }
    }
    QString basis = p.massBasis;
    if (basis == QLatin1String("sample")) {
        basis = QStringLiteral("composite");
        if (!sample.isEmpty()) {
            consulted.insert("mass_basis", sample.value("mass_basis"));
            if (sample.value("mass_basis").toString() == QLatin1String("oxide_only"))
                basis = QStringLiteral("oxide_only");
        }
    }
    const bool oxideOnly = basis == QLatin1String("oxide_only");
    QString massLabel = tr("per g of V2O3@C composite");
    double carbonPct = std::nan("");
    QString carbonSource;
    QString carbonDataset; ///< the TGA dataset the carbon share is from (carbonSource "tga")
    if (oxideOnly && std::isfinite(mass)) {
        if (p.carbonPct) {
            carbonPct = *p.carbonPct;
            carbonSource = QStringLiteral("parameter");
        } else if (!sample.isEmpty()) {
            consulted.insert("carbon_wt_pct", sample.value("carbon_wt_pct"));
            consulted.insert("carbon_wt_pct_run", sample.value("carbon_wt_pct_run"));
            consulted.insert("carbon_wt_pct_run_dataset", sample.value("carbon_wt_pct_run_dataset"));
            if (sample.value("carbon_wt_pct").isDouble()) {
                carbonPct = sample.value("carbon_wt_pct").toDouble();
                carbonSource = QStringLiteral("tga");
                const QString from = sample.value("carbon_wt_pct_run_dataset").toString();
                const int candidates = sample.value("carbon_wt_pct_run_candidates").toInt();
                carbonDataset = from;
                if (candidates > 1)
                    warnings.append(
                        tr("The sample has %1 TGA results with a carbon content; the carbon share "
                           "%2 wt% is from the newest, TGA dataset '%3' (run %4). Set carbon_pct "
                           "to use another value.")
                            .arg(candidates)
                            .arg(carbonPct, 0, 'f', 2)
                            .arg(from)
                            .arg(qint64(sample.value("carbon_wt_pct_run").toDouble())));
            }
        }
        if (!std::isfinite(carbonPct))
            return fail(datasetLabel(d), "carbon_pct",
                        "the 'V2O3 alone' basis needs the carbon content of the sample: run the TGA analysis "
                        "of the sample (carbon_wt_pct) or set carbon_pct");
        mass *= 1.0 - carbonPct / 100.0;
        massLabel = carbonSource == QLatin1String("tga")
                        ? tr("per g of V2O3 (carbon %1 wt% from TGA '%2' taken off)")
                              .arg(carbonPct, 0, 'f', 2)
                              .arg(carbonDataset)
                        : tr("per g of V2O3 (carbon %1 wt% taken off)").arg(carbonPct, 0, 'f', 2);
    }
    if (!std::isfinite(mass)) {
        warnings.append(tr("No active mass: capacities are in mAh and the specific values are empty. Enter "
                           "the sample's active mass."));
        massLabel.clear();
    }

    echem::CycleOptions o;
    o.massMg = mass;
    o.convention =
        p.convention == QLatin1String("anode") ? echem::CeConvention::Anode : echem::CeConvention::Cathode;
    o.pairing =
        p.pairing == QLatin1String("next_cycle") ? echem::CePairing::NextCycle : echem::CePairing::SameCycle;
    const QString& ref = p.retentionReference;
    o.reference = ref == QLatin1String("second")    ? echem::RetentionReference::SecondCycle
                  : ref == QLatin1String("maximum") ? echem::RetentionReference::Maximum
                  : ref == QLatin1String("cycle")   ? echem::RetentionReference::GivenCycle
                                                    : echem::RetentionReference::FirstCycle;
    o.referenceCycle = p.referenceCycle;

    const Column* time = d.column(QStringLiteral("Time"));
    const Column* current = d.column(QStringLiteral("Current"));
    const Column* voltage = d.column(QStringLiteral("Voltage"));
    if (!voltage) voltage = d.column(QStringLiteral("Potential"));
    const Column* cycle = d.column(QStringLiteral("Cycle"));
    echem::CycleTable table;
    echem::Record record;
    QStringList usedIn; // cycles whose capacity is the instrument counter's
    double worst = 0.0;
    Converted t, i, v, qcConv, qdConv, pcConv;
    const bool isRecord = time && current && voltage;
    if (isRecord) {
        auto tc = convert(d, time, {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}});
        auto ic = convert(d, current, {{"mA", 1.0}, {"A", 1000.0}, {"µA", 1e-3}, {"uA", 1e-3}});
        auto vc = convert(d, voltage, {{"V", 1.0}, {"mV", 1e-3}});
        for (auto* e : {&tc, &ic, &vc})
            if (!*e) return std::unexpected(e->error());
        t = std::move(*tc);
        i = std::move(*ic);
        v = std::move(*vc);
        record = {t.view, i.view,
                  v.view, cycle ? std::span<const double>(cycle->values) : std::span<const double>(),
                  {},     {}};
        // The instrument's capacity counters, when it wrote them in mAh or Ah (not per gram): a
        // cross-check of ∫I dt, and the capacity where the record is logged too sparsely for the integral.
        const Column* qc = d.column(QStringLiteral("Charge Capacity"));
        const Column* qd = d.column(QStringLiteral("Discharge Capacity"));
        if (qc && qd && !unitKey(qc->unit).contains(QLatin1String("/g")) &&
            !unitKey(qd->unit).contains(QLatin1String("/g"))) {
            auto cc = convert(d, qc, {{"mAh", 1.0}, {"Ah", 1000.0}, {"µAh", 1e-3}, {"uAh", 1e-3}});
            auto dc = convert(d, qd, {{"mAh", 1.0}, {"Ah", 1000.0}, {"µAh", 1e-3}, {"uAh", 1e-3}});
            if (cc && dc && cc->view.size() == t.view.size() && dc->view.size() == t.view.size()) {
                qcConv = std::move(*cc);
                qdConv = std::move(*dc);
                record.chargeCounterMah = qcConv.view;
                record.dischargeCounterMah = qdConv.view;
            }
        }
        // The step table's programmed currents (a column the importer joined onto the records), for the
        // rate steps.
        if (const Column* pc = d.column(QStringLiteral("Programmed Current"))) {
            auto c = convert(d, pc, {{"mA", 1.0}, {"A", 1000.0}, {"µA", 1e-3}, {"uA", 1e-3}});
            if (c && c->view.size() == t.view.size()) {
                pcConv = std::move(*c);
                record.programmedCurrentMa = pcConv.view;
            }
        }
        auto tab = echem::cycleTable(record, o);
        if (!tab) {
            Error e = tab.error();
            e.file = datasetLabel(d);
            return std::unexpected(e);
        }
        table = std::move(*tab);
        // Where the counter was taken: say so, with the size of the disagreement.
        for (const echem::HalfCycle& h : table.halves)
            if (h.fromCounter) {
                const QString c = QString::number(h.cycle);
                if (!usedIn.contains(c)) usedIn << c;
                worst = std::max(worst, std::abs(h.integralMah / h.counterMah - 1.0));
            }
        if (!usedIn.isEmpty())
            warnings.append(
                tr("The instrument's capacity counter and ∫I dt over the logged records differ by up to "
                   "%1 % (cycles %2): the record is logged more sparsely than the current changes, so the "
                   "counter is used there.")
                    .arg(100.0 * worst, 0, 'f', 1)
                    .arg(usedIn.size() > 8 ? usedIn.mid(0, 8).join(", ") + ", …" : usedIn.join(", ")));
    } else {
        // A per-cycle export (LAND Cycle-Tab, the demo's cycling summaries).
        const Column* qc = d.column(QStringLiteral("Charge Capacity"));
        const Column* qd = d.column(QStringLiteral("Discharge Capacity"));
        if (!cycle || !qc || !qd)
            return fail(datasetLabel(d), "",
                        "needs Time, Current and Voltage columns (a record) or Cycle, Charge Capacity and "
                        "Discharge Capacity (a per-cycle table)");
        const bool specific = unitKey(qc->unit).contains(QLatin1String("/g"));
        for (std::size_t k = 0; k < cycle->values.size(); ++k) {
            echem::CycleRow row;
            row.index = int(std::lround(cycle->values[k]));
            const double c = qc->values[k], dis = qd->values[k];
            if (specific) {
                row.chargeMahG = c;
                row.dischargeMahG = dis;
                row.chargeMah = std::isfinite(mass) ? c * mass / 1000.0 : std::nan("");
                row.dischargeMah = std::isfinite(mass) ? dis * mass / 1000.0 : std::nan("");
            } else {
                row.chargeMah = c;
                row.dischargeMah = dis;
                row.chargeMahG = std::isfinite(mass) ? c / (mass / 1000.0) : std::nan("");
                row.dischargeMahG = std::isfinite(mass) ? dis / (mass / 1000.0) : std::nan("");
            }
            table.rows.push_back(row);
        }
        // CE and retention from the capacities with the chosen convention (not the file's CE column).
        const bool cathode = o.convention == echem::CeConvention::Cathode;
        auto q = [&](const echem::CycleRow& r, bool out) {
            const double a = specific ? r.chargeMahG : r.chargeMah,
                         b = specific ? r.dischargeMahG : r.dischargeMah;
            return cathode == out ? b : a;
        };
        for (std::size_t k = 0; k < table.rows.size(); ++k) {
            const echem::CycleRow* outRow = &table.rows[k];
            if (o.pairing == echem::CePairing::NextCycle)
                outRow = k + 1 < table.rows.size() ? &table.rows[k + 1] : nullptr;
            if (outRow && q(table.rows[k], false) > 0)
                table.rows[k].cePct = 100.0 * q(*outRow, true) / q(table.rows[k], false);
        }
        for (const auto& r : table.rows)
            if (std::isfinite(r.cePct)) {
                table.firstCycleCePct = r.cePct;
                break;
            }
        const echem::CycleRow* refRow = nullptr;
        for (const auto& r : table.rows) {
            const bool take = o.reference == echem::RetentionReference::FirstCycle    ? !refRow
                              : o.reference == echem::RetentionReference::SecondCycle ? r.index == 2
                              : o.reference == echem::RetentionReference::GivenCycle
                                  ? r.index == o.referenceCycle
                                  : (!refRow || q(r, true) > q(*refRow, true));
            if (take && q(r, true) > 0) refRow = &r;
        }
        if (refRow) {
            table.referenceCycle = refRow->index;
            table.referenceMah = q(*refRow, true);
            for (auto& r : table.rows)
                r.retentionPct = 100.0 * q(r, true) / table.referenceMah;
        } else if (o.reference == echem::RetentionReference::GivenCycle) {
            return fail(datasetLabel(d), "reference_cycle",
                        "cycle " + std::to_string(o.referenceCycle) + " is not in the table");
        }
    }

    CyclingResult res; // the declared outputs, written by cyclingResultTable() at the end
    QJsonObject out;
    out.insert("capacity_from_counter_cycles", QJsonArray::fromStringList(usedIn));
    out.insert("mass_mg", jsonNumber(mass));
    out.insert("mass_basis", oxideOnly ? QStringLiteral("oxide_only") : QStringLiteral("composite"));
    out.insert("mass_label", massLabel);
    out.insert("mass_source", source.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(source));
    out.insert("carbon_wt_pct", jsonNumber(carbonPct));
    out.insert("carbon_source",
               carbonSource.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(carbonSource));
    out.insert("carbon_source_dataset",
               carbonDataset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(carbonDataset));
    if (!sample.isEmpty()) out.insert("sample_context", consulted);
    out.insert("capacity_unit", std::isfinite(mass) ? QStringLiteral("mAh g⁻¹") : QStringLiteral("mAh"));
    out.insert("convention", p.convention);
    out.insert("pairing", p.pairing);
    out.insert("retention_reference", QJsonObject{{"kind", ref}, {"cycle", table.referenceCycle}});
    res.firstCycleCePct = table.firstCycleCePct;
    out.insert("source", isRecord ? QStringLiteral("record") : QStringLiteral("cycle_table"));

    QJsonArray cycles;
    for (const auto& r : table.rows)
        cycles.append(QJsonObject{{"index", r.index},
                                  {"charge_mah", jsonNumber(r.chargeMah)},
                                  {"discharge_mah", jsonNumber(r.dischargeMah)},
                                  {"charge_mah_g", jsonNumber(r.chargeMahG)},
                                  {"discharge_mah_g", jsonNumber(r.dischargeMahG)},
                                  {"ce_pct", jsonNumber(r.cePct)},
                                  {"charge_energy_mwh", jsonNumber(r.chargeEnergyMwh)},
                                  {"discharge_energy_mwh", jsonNumber(r.dischargeEnergyMwh)},
                                  {"charge_mean_v", jsonNumber(r.chargeMeanV)},
                                  {"discharge_mean_v", jsonNumber(r.dischargeMeanV)},
                                  {"retention_pct", jsonNumber(r.retentionPct)},
                                  {"discharge_current_ma", jsonNumber(r.dischargeCurrentMa)}});
    out.insert("cycles", cycles);
    res.nCycles = int(table.rows.size());
    if (!table.rows.empty()) res.retentionPct = table.rows.back().retentionPct;

    echem::RateOptions ro;
    ro.toleranceRelative = p.rateTolerancePct / 100.0;
    ro.skipFirstCycle = p.skipFirstCycle;
    const auto steps = isRecord ? echem::rateSteps(table, mass, ro) : std::vector<echem::RateStep>{};
    QJsonArray rs;
    int programmedSteps = 0;
    for (const auto& s : steps) {
        programmedSteps += s.programmed ? 1 : 0;
        rs.append(QJsonObject{{"index", s.index},
                              {"current_a_g", jsonNumber(s.currentAPerG)},
                              {"current_ma", jsonNumber(s.currentMa)},
                              {"current_ma_measured", jsonNumber(s.measuredCurrentMa)},
                              {"current_source", s.programmed ? "programmed" : "measured"},
                              {"first_cycle", s.firstCycle},
                              {"last_cycle", s.lastCycle},
                              {"cycles", s.cycles},
                              {"discharge_mah_g_mean", jsonNumber(s.dischargeMeanMahG)},
                              {"discharge_mah_g_last", jsonNumber(s.dischargeLastMahG)},
                              {"charge_mah_g_mean", jsonNumber(s.chargeMeanMahG)},
                              {"recovery", s.recovery}});
    }
    out.insert("rate_steps", rs);
    // Which current the steps' nominal current densities come from, for the whole run.
    out.insert("rate_current_source", steps.empty()                          ? QJsonValue()
                                      : programmedSteps == int(steps.size()) ? QJsonValue("programmed")
                                      : programmedSteps == 0                 ? QJsonValue("measured")
                                                                             : QJsonValue("mixed"));
    if (programmedSteps > 0 && programmedSteps < int(steps.size()))
        warnings.append(tr("The step table gives programmed currents for %1 of %2 rate steps; the others use "
                           "the measured current.")
                            .arg(programmedSteps)
                            .arg(steps.size()));

    const auto lc = echem::longCyclingSummary(table, o.convention);
    out.insert("long_cycling", QJsonObject{{"cycles", lc.cycles},
                                           {"first_capacity", jsonNumber(lc.firstCapacity)},
                                           {"last_capacity", jsonNumber(lc.lastCapacity)},
                                           {"last_retention_pct", jsonNumber(lc.lastRetentionPct)}});
    res.maxCapacity = lc.maxCapacity;
    res.maxCycle = lc.maxCycle;
    res.activationGainPct = lc.activationGainPct;
    res.fadePerCyclePct = lc.fadePerCyclePct;
    res.meanCePct = lc.meanCePct;

    // Voltage profiles and dQ/dV of the chosen cycles (records only).
    QJsonArray profiles;
    if (isRecord) {
        QList<int> pick;
        if (p.profileMode == QLatin1String("rate_steps")) {
            for (const auto& s : steps)
                pick << (s.cycles > 1 ? s.firstCycle + 1 : s.firstCycle);
        } else {
            pick = parseCycleList(p.profileCycles);
        }
        std::vector<int> wanted(pick.begin(), pick.end());
        if (!wanted.empty()) {
            echem::DqDvOptions dq;
            dq.binV = p.dqdvBinMv / 1000.0;
            dq.smoothingWindow = p.dqdvWindowPoints;
            for (const auto& prof : echem::voltageProfiles(record, table, wanted, mass)) {
                const std::size_t stride = std::max<std::size_t>(1, (prof.capacity.size() + 499) / 500);
                const auto dc = echem::dqdv(prof, dq);
                QJsonArray peaks;
                for (const auto& pk : dc.peaks)
                    peaks.append(QJsonObject{{"voltage_v", pk.voltageV}, {"dqdv", pk.dqdv}});
                profiles.append(QJsonObject{
                    {"cycle", prof.cycle},
                    {"half", prof.sign > 0 ? QStringLiteral("charge") : QStringLiteral("discharge")},
                    {"capacity", thinned(prof.capacity, stride)},
                    {"voltage_v", thinned(prof.voltageV, stride)},
                    {"dqdv",
                     QJsonObject{{"voltage_v", thinned(dc.voltageV, 1)}, {"dqdv", thinned(dc.dqdv, 1)}}},
                    {"peaks", peaks}});
            }
            QStringList missing;
            for (int c : wanted) {
                bool found = false;
                for (const auto& r : table.rows)
                    found = found || r.index == c;
                if (!found) missing << QString::number(c);
            }
            if (!missing.isEmpty())
                warnings.append(
                    tr("Cycles not in the record, so without a profile: %1.").arg(missing.join(", ")));
        }
    }
    out.insert("profiles", profiles);
    out.insert("warnings", warnings);
    if (auto w = cyclingResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

const ResultTable<CyclingResult>& cyclingResultTable()
{
    static const ResultTable<CyclingResult> t = [] {
        using R = CyclingResult;
        ResultTable<R> t;
        t.value(&R::firstCycleCePct, "first_cycle_ce_pct", tr("First-cycle coulombic efficiency"),
                QStringLiteral("%"))
            .headline(tr("CE₁ (%)"));
        t.value(&R::retentionPct, "retention_pct", tr("Retention (last cycle)"), QStringLiteral("%"))
            .headline(tr("Retention (%)"));
        t.value(&R::maxCapacity, "long_cycling.max_capacity", tr("Highest capacity"),
                QStringLiteral("mAh g⁻¹"))
            .headline(tr("Q_max"));
        t.value(&R::maxCycle, "long_cycling.max_cycle", tr("Cycle of the highest capacity"));
        t.value(&R::activationGainPct, "long_cycling.activation_gain_pct", tr("Activation gain"),
                QStringLiteral("%"));
        t.value(&R::fadePerCyclePct, "long_cycling.fade_per_cycle_pct",
                tr("Fade per cycle after the maximum"), QStringLiteral("%"));
        t.value(&R::meanCePct, "long_cycling.mean_ce_pct", tr("Mean coulombic efficiency (cycle ≥ 2)"),
                QStringLiteral("%"));
        t.value(&R::nCycles, "n_cycles", tr("Cycles"));
        return t;
    }();
    return t;
}

namespace {

Expected<QJsonObject> massOption(const QString& v)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !(d > 0)) return fail("", "--mass-mg", "'" + v.toStdString() + "' is not a positive number");
    return QJsonObject{{"mass_mg", d}};
}

} // namespace

const AnalysisDescriptor& cyclingAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QString::fromLatin1(kCyclingAnalysisId);
        a.version = kCyclingAnalysisVersion;
        a.technique = Technique::Echem;
        // Run on request: a cycling record needs its active mass and CE convention chosen first, and the
        // platform's one-run-per-sample contract (tst_platform) does not fit the several cycling datasets
        // of a sample.
        a.automatic = false;
        // The sample's active mass and basis, and the carbon content of its TGA run (capacity per g of V2O3).
        a.sampleProperties = {QStringLiteral("active_mass_mg"), QStringLiteral("mass_basis")};
        a.sampleInputs = {
            {QStringLiteral("carbon_wt_pct"), QStringLiteral("tga"), QStringLiteral("carbon_wt_pct")}};
        a.name = tr("Galvanostatic cycling");
        // gcd_profile: the generic delimited reader files a Time/Current/Voltage table under it.
        a.input.types = {QStringLiteral("cycling_record"), QStringLiteral("rate_test"),
                         QStringLiteral("gcd_profile")};
        a.params = cyclingSchema;
        a.outputs = [] { return cyclingResultTable().outputs(); };
        a.figures = cyclingFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeCycling(in.main.front(), params, in.sample);
        };
        a.buildFigure = cyclingFigure;
        a.cliOptions = {
            {QStringLiteral("mass-mg"),
             QStringLiteral("Active mass in mg (the basis: --param mass_basis=...)."), QStringLiteral("M"),
             massOption},
            {QStringLiteral("convention"),
             QStringLiteral("Coulombic efficiency: cathode (discharge/charge) or anode (charge/discharge)."),
             QStringLiteral("cathode|anode"),
             [](const QString& v) -> Expected<QJsonObject> {
                 if (v != QLatin1String("cathode") && v != QLatin1String("anode"))
                     return fail("", "--convention",
                                 "'" + v.toStdString() + "' is neither cathode nor anode");
                 return QJsonObject{{"convention", v}};
             }},
            // A file of several channels or records (Arbin, Neware): the one of this label; without it the
            // first is analysed and a warning names the others.
            {QStringLiteral("channel"),
             QStringLiteral("Channel (dataset label) of a file of several channels to analyse."),
             QStringLiteral("NAME"),
             {},
             true,
             {}}};
        return a;
    }();
    return d;
}

} // namespace vanadis
