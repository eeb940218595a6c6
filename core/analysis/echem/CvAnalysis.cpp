#include "analysis/echem/CvAnalysis.h"

#include "analysis/FigureHelpers.h"
#include "analysis/JsonNumber.h"

#include "numeric/echem/CvKinetics.h"
#include "numeric/echem/DunnAnalysis.h"

#include "model/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace vanadis {

using namespace vanadis::echem;

/// The translation context of the CV analysis' strings, and the one declaration of its parameters.
struct CvAnalysis {
    Q_DECLARE_TR_FUNCTIONS(vanadis::CvAnalysis)
public:
    static ParamTable<CvKineticsParams> paramTable();
};

ParamTable<CvKineticsParams> CvAnalysis::paramTable()
{
    ParamTable<CvKineticsParams> t;
    t.field(&CvKineticsParams::cycle,
            integerParam("cycle", tr("Cycle"), {}, 0, 0, 10000,
                         tr("The cycle used at each scan rate; 0 takes the last one (the steadiest).")));
    t.last().minimumMeans = tr("last complete");
    ParamSpec rate = numberParam("scan_rate_mv_s", tr("Scan rate"), QStringLiteral("mV/s"), 0.0, 1e-6, 1e6,
                                 tr("For a file that states neither a 'Scan Rate' column nor its rate."));
    rate.optional = true;
    rate.defaultValue = QJsonValue(QJsonValue::Null);
    rate.advanced = true;
    t.field(&CvKineticsParams::scanRateMvS, rate);
    t.field(&CvKineticsParams::gridStepV, numberParam("grid_step_v", tr("Potential grid step"),
                                                      QStringLiteral("V"), 0.005, 0.0005, 0.1, {}));
    t.last().advanced = true;
    t.field(&CvKineticsParams::vertexExclusionV,
            numberParam("vertex_exclusion_v", tr("Left out at the vertices"), QStringLiteral("V"), 0.05, 0.0,
                        0.5,
                        tr("Potentials this close to a vertex, where the current changes sign, are not "
                           "used for b and the Dunn separation.")));
    t.last().advanced = true;
    t.field(&CvKineticsParams::firstCycles,
            integerParam("first_cycles", tr("Cycles in the first-cycles view"), {}, 3, 1, 100,
                         tr("The first cycles of the slowest scan, overlaid (activation, SEI).")));
    t.last().advanced = true;
    return t;
}

ParamTable<CvKineticsParams> cvParamTable()
{
    return CvAnalysis::paramTable();
}

namespace {

const char* branchKey(CvBranch b)
{
    return b == CvBranch::Anodic ? "anodic" : "cathodic";
}

/// One cycle of one scan rate of one input, in file order.
struct CvCycle {
    double cycle = 1.0;
    std::vector<double> potentialV, currentMa;
    bool complete = false;
};

/// The cycles of one scan rate of one input file.
struct CvRateCycles {
    std::string file;
    double scanRateMvS = 0.0;
    std::vector<CvCycle> cycles;
    int completeCount() const
    {
        return int(std::count_if(cycles.begin(), cycles.end(), [](const CvCycle& c) { return c.complete; }));
    }
};

/// Every input split by scan rate (a "Scan Rate" column) and cycle. A cycle is complete when it spans
/// the window of its rate (95 %) and ends within 5 % of the window where it started: an aborted or
/// unfinished last sweep is not.
Expected<std::vector<CvRateCycles>> cyclesOf(const std::vector<Dataset>& inputs, const CvKineticsParams& p)
{
    std::vector<CvRateCycles> out;
    for (const Dataset& d : inputs) {
        const std::string file =
            (d.provenance().originalFileName.isEmpty() ? d.name() : d.provenance().originalFileName)
                .toStdString();
        if (auto ok = d.ensureLoaded(); !ok) return std::unexpected(ok.error());
        const Column* e = figures::find(d, "Potential");
        if (!e) e = figures::find(d, "Voltage");
        const Column* i = figures::find(d, "Current");
        const Column* r = figures::find(d, "Scan Rate");
        const Column* c = figures::find(d, "Cycle");
        if (!e || !i) return fail(file, "", "the dataset has no 'Potential' and 'Current' columns");
        const double stated = d.metadata().value("scan_rate_mv_s").toDouble(0.0);
        const double fallback = stated > 0 ? stated : p.scanRateMvS.value_or(0.0);
        if (!r && !(fallback > 0))
            return fail(file, "", "the scan rate is not known: the file states none; give scan_rate_mv_s");
        const std::size_t first = out.size();
        const std::size_t n = std::min(e->values.size(), i->values.size());
        for (std::size_t k = 0; k < n; ++k) {
            const double rate = r ? r->values[k] : fallback;
            const double cyc = c ? c->values[k] : 1.0;
            auto it = std::find_if(out.begin() + std::ptrdiff_t(first), out.end(),
                                   [&](const CvRateCycles& rc) { return rc.scanRateMvS == rate; });
            if (it == out.end()) {
                out.push_back(CvRateCycles{file, rate, {}});
                it = out.end() - 1;
            }
            if (it->cycles.empty() || it->cycles.back().cycle != cyc)
                it->cycles.push_back(CvCycle{cyc, {}, {}});
            it->cycles.back().potentialV.push_back(e->values[k]);
            it->cycles.back().currentMa.push_back(i->values[k]);
        }
        for (std::size_t k = first; k < out.size(); ++k) {
            double lo = INFINITY, hi = -INFINITY;
            for (const CvCycle& cy : out[k].cycles)
                for (double v : cy.potentialV)
                    lo = std::min(lo, v), hi = std::max(hi, v);
            const double window = hi - lo;
            for (CvCycle& cy : out[k].cycles) {
                if (cy.potentialV.size() < 4 || !(window > 0)) continue;
                const auto [mn, mx] = std::minmax_element(cy.potentialV.begin(), cy.potentialV.end());
                const bool spans = *mx - *mn >= 0.95 * window;
                const bool closes = std::abs(cy.potentialV.back() - cy.potentialV.front()) <= 0.05 * window;
                cy.complete = spans && closes;
            }
        }
    }
    return out;
}

/// The scans of the inputs: one per scan rate, each the chosen cycle of that rate (by default the last
/// complete one, the steadiest).
Expected<std::vector<CvScan>> scansOf(std::vector<CvRateCycles>& all, const CvKineticsParams& p,
                                      QJsonArray& warnings, QJsonArray& files)
{
    std::map<double, CvScan> byRate;
    for (CvRateCycles& rc : all) {
        const CvCycle* use = nullptr;
        if (p.cycle > 0) {
            for (const CvCycle& cy : rc.cycles)
                if (cy.cycle == double(p.cycle)) use = &cy;
        } else {
            for (const CvCycle& cy : rc.cycles)
                if (cy.complete) use = &cy;
            if (!use && !rc.cycles.empty()) {
                use = &rc.cycles.back();
                warnings.append(QCoreApplication::translate(
                                    "vanadis::CvAnalysis",
                                    "%1, %2 mV/s: no complete cycle; the last, unfinished one is used.")
                                    .arg(QString::fromStdString(rc.file))
                                    .arg(rc.scanRateMvS));
            }
        }
        const bool partial = !rc.cycles.empty() && !rc.cycles.back().complete;
        files.append(
            QJsonObject{{"file", QString::fromStdString(rc.file)},
                        {"scan_rate_mv_s", rc.scanRateMvS},
                        {"n_cycles", rc.completeCount()},
                        {"partial_cycle", partial},
                        {"cycle_used", use ? QJsonValue(use->cycle) : QJsonValue(QJsonValue::Null)}});
        if (!use) continue;
        CvScan& s = byRate[rc.scanRateMvS];
        s.scanRateMvS = rc.scanRateMvS;
        s.potentialV.insert(s.potentialV.end(), use->potentialV.begin(), use->potentialV.end());
        s.currentMa.insert(s.currentMa.end(), use->currentMa.begin(), use->currentMa.end());
    }
    std::vector<CvScan> scans;
    for (auto& [rate, s] : byRate)
        if (!s.potentialV.empty()) scans.push_back(std::move(s));
    if (scans.size() < 2)
        return fail("", "",
                    "CV kinetics needs voltammograms at two or more scan rates (found " +
                        std::to_string(scans.size()) + ")");
    return scans;
}

QJsonArray thinnedPoints(const std::vector<double>& e, const std::vector<double>& i)
{
    QJsonArray pts;
    const std::size_t stride = std::max<std::size_t>(1, (e.size() + 1499) / 1500);
    for (std::size_t k = 0; k < e.size(); k += stride)
        pts.append(QJsonObject{{"potential_v", e[k]}, {"current_ma", i[k]}});
    return pts;
}

} // namespace

Expected<QJsonObject> computeCv(const std::vector<Dataset>& inputs, const QJsonObject& given)
{
    auto params = cvParamTable().read(given);
    if (!params) return std::unexpected(params.error());
    const CvKineticsParams& p = *params;
    auto cycles = cyclesOf(inputs, p);
    if (!cycles) return std::unexpected(cycles.error());
    QJsonArray warnings, files;
    auto scans = scansOf(*cycles, p, warnings, files);
    if (!scans) return std::unexpected(scans.error());
    QJsonObject out;
    CvKineticsResult res;
    out["files"] = files;
    // The first cycles of the slowest scan (activation, the first sodiation), complete or not.
    QJsonArray firstCycles;
    const CvRateCycles* slowest = nullptr;
    for (const CvRateCycles& rc : *cycles)
        if (!slowest || rc.scanRateMvS < slowest->scanRateMvS) slowest = &rc;
    if (slowest)
        for (std::size_t k = 0; k < slowest->cycles.size() && int(k) < p.firstCycles; ++k)
            firstCycles.append(QJsonObject{
                {"cycle", slowest->cycles[k].cycle},
                {"scan_rate_mv_s", slowest->scanRateMvS},
                {"complete", slowest->cycles[k].complete},
                {"points", thinnedPoints(slowest->cycles[k].potentialV, slowest->cycles[k].currentMa)}});
    out["first_cycles"] = firstCycles;
    QJsonArray rates;
    for (const CvScan& s : *scans)
        rates.append(s.scanRateMvS);
    out["scan_rates_mv_s"] = rates;

    QJsonArray peaks;
    double bSum = 0.0;
    int bCount = 0;
    if (auto pb = peakBValues(*scans)) {
        for (const PeakBValue& pk : *pb) {
            QJsonArray pr, pc;
            for (std::size_t k = 0; k < pk.scanRateMvS.size(); ++k) {
                pr.append(pk.scanRateMvS[k]);
                pc.append(jsonNumber(pk.peakCurrentMa[k]));
            }
            peaks.append(QJsonObject{{"branch", branchKey(pk.branch)},
                                     {"potential_v", jsonNumber(pk.potentialV)},
                                     {"b", jsonNumber(pk.fit.b)},
                                     {"b_err", jsonNumber(pk.fit.bStderr)},
                                     {"r2", jsonNumber(pk.fit.r2)},
                                     {"scan_rates_mv_s", pr},
                                     {"peak_current_ma", pc}});
            if (std::isfinite(pk.fit.b)) bSum += pk.fit.b, ++bCount;
        }
    } else {
        warnings.append(QCoreApplication::translate("vanadis::CvAnalysis", "No peak b-values: %1.")
                            .arg(QString::fromStdString(pb.error().reason)));
    }
    out["peaks"] = peaks;
    if (bCount) res.bPeakMean = bSum / bCount;

    QJsonArray bv;
    if (auto across = bValuesAcrossPotential(*scans, p.gridStepV, p.vertexExclusionV))
        for (const PotentialBValue& v : *across)
            bv.append(QJsonObject{{"branch", branchKey(v.branch)},
                                  {"potential_v", jsonNumber(v.potentialV)},
                                  {"b", jsonNumber(v.b)},
                                  {"r2", jsonNumber(v.r2)}});
    out["b_values"] = bv;

    QJsonArray fractions, capacitive;
    DunnOptions dopt;
    dopt.gridStepV = p.gridStepV;
    dopt.vertexExclusionV = p.vertexExclusionV;
    if (auto dunn = dunnAnalysis(*scans, dopt)) {
        for (std::size_t k = 0; k < dunn->scanRateMvS.size(); ++k)
            fractions.append(QJsonObject{{"scan_rate_mv_s", dunn->scanRateMvS[k]},
                                         {"fraction", jsonNumber(dunn->capacitiveFraction[k])}});
        if (!dunn->capacitiveFraction.empty())
            res.capacitiveFractionFastest = dunn->capacitiveFraction.back();
        // The fastest scan's measured and capacitive currents on the common grid, for the shaded figure.
        const std::size_t fastest = dunn->scanRateMvS.size() - 1;
        for (const DunnBranch& b : dunn->branches)
            for (std::size_t g = 0; g < b.potentialV.size(); ++g)
                capacitive.append(
                    QJsonObject{{"branch", branchKey(b.branch)},
                                {"potential_v", b.potentialV[g]},
                                {"current_ma", jsonNumber(b.totalCurrentMa[fastest][g])},
                                {"capacitive_ma", jsonNumber(b.capacitiveCurrentMa[fastest][g])}});
    } else {
        warnings.append(QCoreApplication::translate("vanadis::CvAnalysis", "No Dunn separation: %1.")
                            .arg(QString::fromStdString(dunn.error().reason)));
    }
    out["capacitive_fraction"] = fractions;
    out["capacitive_curve"] = capacitive;
    // The scans used, thinned to ≤ 1500 points each, for the overlay.
    QJsonArray curves;
    for (const CvScan& s : *scans)
        curves.append(QJsonObject{{"scan_rate_mv_s", s.scanRateMvS},
                                  {"points", thinnedPoints(s.potentialV, s.currentMa)}});
    out["scans"] = curves;
    out["warnings"] = warnings;
    if (auto w = cvResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

namespace {

FigureSpec cvFigure(const QString& id, const std::vector<FigureInput>& inputs)
{
    auto tr = [](const char* s) { return translated("vanadis::CvAnalysis", s); };
    FigureSpec f;
    if (inputs.empty()) return f;
    // The inputs of one run share its result: take each sample once.
    std::vector<const FigureInput*> samples;
    for (const FigureInput& in : inputs)
        if (std::none_of(samples.begin(), samples.end(),
                         [&](const FigureInput* s) { return s->sample == in.sample; }))
            samples.push_back(&in);
    if (id == QLatin1String("b_values")) {
        f.x.label = tr("Potential (V)");
        f.y.label = tr("b-value");
        for (const FigureInput* in : samples)
            for (const char* branch : {"anodic", "cathodic"}) {
                FigureSeries s = figures::styled(
                    *in->sample, in->sample->name + (branch[0] == 'c' ? tr(" cathodic") : QString()));
                s.inLegend = branch[0] == 'a';
                for (const QJsonValue& v : in->result.value("b_values").toArray()) {
                    const QJsonObject o = v.toObject();
                    if (o.value("branch").toString() != QLatin1String(branch)) continue;
                    s.x.push_back(o.value("potential_v").toDouble());
                    s.y.push_back(o.value("b").toDouble());
                }
                if (!s.x.empty()) f.series.push_back(s);
            }
        return f;
    }
    if (id == QLatin1String("capacitive_share")) {
        f.x.label = tr("Scan rate (mV s^{-1})");
        f.y.label = tr("Capacitive share (%)");
        for (const FigureInput* in : samples) {
            FigureSeries s = figures::styled(*in->sample, in->sample->name);
            s.marker = in->sample->marker;
            for (const QJsonValue& v : in->result.value("capacitive_fraction").toArray()) {
                s.x.push_back(v.toObject().value("scan_rate_mv_s").toDouble());
                s.y.push_back(100.0 * v.toObject().value("fraction").toDouble());
            }
            if (!s.x.empty()) f.series.push_back(s);
        }
        return f;
    }
    if (id == QLatin1String("cv_first_cycles")) {
        const FigureInput& in = *samples.front();
        f.x.label = tr("Potential (V)");
        f.y.label = tr("Current (mA)");
        const QJsonArray cycles = in.result.value("first_cycles").toArray();
        static const char* dashes[] = {"solid", "dash", "dot", "dashdot"};
        for (int k = 0; k < cycles.size(); ++k) {
            const QJsonObject cy = cycles[k].toObject();
            FigureSeries s = figures::styled(*in.sample, tr("cycle %1 (%2 mV s^{-1})")
                                                             .arg(cy.value("cycle").toDouble())
                                                             .arg(cy.value("scan_rate_mv_s").toDouble()));
            // One sample, several cycles: dash and shade tell them apart.
            s.dash = QLatin1String(dashes[k % 4]);
            QColor c = in.sample->color;
            c.setAlphaF(1.0 - 0.5 * double(k) / double(std::max<qsizetype>(1, cycles.size() - 1)));
            s.color = c;
            figures::pointsFrom(cy.value("points").toArray(), "potential_v", "current_ma", s);
            if (!s.x.empty()) f.series.push_back(s);
        }
        return f;
    }
    // Overlay of the scan rates (the current sample), the fastest with its capacitive part shaded.
    const FigureInput& in = *samples.front();
    f.x.label = tr("Potential (V)");
    f.y.label = tr("Current (mA)");
    const QJsonArray scans = in.result.value("scans").toArray();
    for (int k = 0; k < scans.size(); ++k) {
        const QJsonObject sc = scans[k].toObject();
        FigureSeries s =
            figures::styled(*in.sample, tr("%1 mV s^{-1}").arg(sc.value("scan_rate_mv_s").toDouble()));
        // Lighter for slower scans: one sample, several rates.
        QColor c = in.sample->color;
        c.setAlphaF(0.35 + 0.65 * double(k + 1) / double(scans.size()));
        s.color = c;
        figures::pointsFrom(sc.value("points").toArray(), "potential_v", "current_ma", s);
        if (!s.x.empty()) f.series.push_back(s);
    }
    if (id == QLatin1String("capacitive_region"))
        for (const char* branch : {"anodic", "cathodic"}) {
            FigureSeries cap;
            cap.label = tr("capacitive (fastest scan)");
            cap.color = Qt::gray;
            cap.fill = FigureSeries::Fill::ToBaseline;
            cap.inLegend = branch[0] == 'a';
            for (const QJsonValue& v : in.result.value("capacitive_curve").toArray()) {
                const QJsonObject o = v.toObject();
                if (o.value("branch").toString() != QLatin1String(branch)) continue;
                cap.x.push_back(o.value("potential_v").toDouble());
                cap.y.push_back(o.value("capacitive_ma").toDouble());
            }
            if (!cap.x.empty()) f.series.push_back(cap);
        }
    return f;
}

} // namespace

const ResultTable<CvKineticsResult>& cvResultTable()
{
    static const ResultTable<CvKineticsResult> t = [] {
        auto tr = [](const char* s) { return translated("vanadis::CvAnalysis", s); };
        using R = CvKineticsResult;
        ResultTable<R> t;
        t.value(&R::bPeakMean, "b_peak_mean", tr("Mean b-value of the peaks")).headline(tr("b (peaks)"));
        t.value(&R::capacitiveFractionFastest, "capacitive_fraction_fastest",
                tr("Capacitive share at the fastest scan"))
            .headline(tr("Capacitive share"));
        return t;
    }();
    return t;
}

const AnalysisDescriptor& cvAnalysis()
{
    static const AnalysisDescriptor d = [] {
        auto tr = [](const char* s) { return translated("vanadis::CvAnalysis", s); };
        AnalysisDescriptor a;
        a.id = QStringLiteral("cv");
        a.version = 2; // 2: the default cycle is the last complete one; files[] with n_cycles
        a.technique = Technique::Echem;
        a.name = QStringLiteral("CV kinetics");
        a.input.types = {QStringLiteral("cv")};
        a.input.multiple = true;
        a.params = [] { return cvParamTable().schema(); };
        a.outputs = [] { return cvResultTable().outputs(); };
        a.figures = [tr] {
            return std::vector<FigureDecl>{
                {QStringLiteral("cv_overlay"), tr("Voltammograms at every scan rate"), false, {}},
                {QStringLiteral("cv_first_cycles"), tr("First cycles (slowest scan)"), false, {}},
                {QStringLiteral("capacitive_region"),
                 tr("Capacitive contribution (fastest scan)"),
                 false,
                 {}},
                {QStringLiteral("b_values"), tr("b-value across potential"), true, {}},
                {QStringLiteral("capacitive_share"), tr("Capacitive share per scan rate"), true, {}}};
        };
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeCv(in.main, params);
        };
        a.buildFigure = cvFigure;
        return a;
    }();
    return d;
}

} // namespace vanadis
