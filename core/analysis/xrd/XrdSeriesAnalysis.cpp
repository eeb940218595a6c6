#include "analysis/xrd/XrdSeriesAnalysis.h"

#include "analysis/FigureHelpers.h"
#include "analysis/JsonNumber.h"
#include "analysis/xrd/InSituTiming.h"
#include "analysis/xrd/XrdAnalysis.h"
#include "model/Translate.h"

#include "numeric/xrd/Background.h"
#include "numeric/xrd/PeakSearch.h"
#include "numeric/xrd/ProfileFit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace vanadis {

using namespace vanadis::xrd;

/// The translation context of the series analysis and the one declaration of its parameters.
struct XrdSeriesAnalysis {
    Q_DECLARE_TR_FUNCTIONS(vanadis::XrdSeriesAnalysis)
public:
    static ParamTable<XrdSeriesParams> paramTable();
};

ParamTable<XrdSeriesParams> XrdSeriesAnalysis::paramTable()
{
    ParamTable<XrdSeriesParams> t;
    t.field(&XrdSeriesParams::maxPeaks,
            integerParam("max_peaks", tr("Lines followed"), {}, 5, 1, 30,
                         tr("The strongest lines of the first scan that are followed (when no positions are "
                            "given).")));
    t.field(
        &XrdSeriesParams::positionsDeg,
        textParam("positions_deg", tr("Line positions"), {},
                  tr("2θ of the lines to follow in the first scan, separated by commas (e.g. 24.3, 33.0); "
                     "empty: the strongest lines.")));
    t.field(&XrdSeriesParams::windowDeg,
            numberParam("window_deg", tr("Search window"), QStringLiteral("°"), 0.5, 0.05, 5.0,
                        tr("A line is fitted within ± this of its position in the previous scan (at most "
                           "half the distance to the next followed line).")));
    t.field(&XrdSeriesParams::thresholdSigma,
            numberParam("threshold_sigma", tr("Peak threshold"), QStringLiteral("σ"), 5.0, 2.0, 100.0,
                        tr("Significance of the lines found in the first scan.")));
    t.last().advanced = true;
    t.field(&XrdSeriesParams::kalphaDoublets,
            boolParam("kalpha_doublets", tr("Kα1/Kα2 doublets"), true,
                      tr("Fit Kα1/Kα2 pairs where the file states Kα2 and the resolved lines show it.")));
    t.last().advanced = true;
    t.field(&XrdSeriesParams::profile,
            choiceParam("profile", tr("Profile"), {"pseudo_voigt", "split_pseudo_voigt", "pearson_vii"},
                        "pseudo_voigt", {tr("pseudo-Voigt"), tr("split pseudo-Voigt"), tr("Pearson VII")},
                        tr("Line shape of the fits.")));
    t.last().advanced = true;
    // The reference phase of the XRD analysis, to name the followed lines by their hkl.
    t.field(&XrdSeriesParams::phase, xrdPhaseParam());
    t.last().help = tr("The followed lines are named by the reflections of this phase they index in the "
                       "first scan (e.g. (012) 24.19°); lines it does not index keep their angle.");
    t.field(&XrdSeriesParams::phaseDataset, xrdPhaseDatasetParam());
    ParamSpec cycling = datasetRefParam(
        "cycling_dataset", tr("Cycling record"), {QStringLiteral("cycling_record")},
        tr("The galvanostatic record measured during the series: each scan gets the cell voltage at its "
           "mid-time and the heat map the voltage–time curve beside it. Automatic: the sample's only "
           "cycling record with a voltage–time curve."));
    cycling.sampleDefault = true;
    t.field(&XrdSeriesParams::cyclingDataset, cycling);
    t.field(&XrdSeriesParams::scanTimes,
            choiceParam("scan_times", tr("Scan times"), {"auto", "file", "interval"}, "auto",
                        {tr("automatic"), tr("from the file"), tr("from the scan interval")},
                        tr("When each scan was measured: the start times the file states (automatic when "
                           "every scan has one), or one scan per interval from the start offset.")));
    ParamSpec interval = numberParam("scan_interval_min", tr("Scan interval"), QStringLiteral("min"), 0.0,
                                     0.01, 10000.0, tr("Time from one scan's start to the next one's."));
    interval.optional = true;
    interval.defaultValue = QJsonValue(QJsonValue::Null);
    t.field(&XrdSeriesParams::scanIntervalMin, interval);
    ParamSpec offset = numberParam(
        "start_offset_min", tr("Start offset"), QStringLiteral("min"), 0.0, -100000.0, 100000.0,
        tr("Start of the first scan on the cycling record's clock. Empty: from the record's stated start "
           "time when both files state clock times, else 0."));
    offset.optional = true;
    offset.defaultValue = QJsonValue(QJsonValue::Null);
    t.field(&XrdSeriesParams::startOffsetMin, offset);
    ParamSpec range;
    range.key = QStringLiteral("map_range_deg");
    range.label = tr("2θ range shown");
    range.type = ParamSpec::Type::Range;
    range.unit = QStringLiteral("°");
    range.min = -30.0;
    range.max = 180.0;
    range.optional = true;
    range.defaultValue = QJsonValue::Null;
    range.help = tr("The 2θ window of the waterfall and the heat map (a shift of a few tenths of a degree "
                    "shows in a window of a few degrees); empty = the whole scan. The fits are unchanged.");
    t.field(&XrdSeriesParams::mapRangeDeg, range);
    return t;
}

ParamTable<XrdSeriesParams> xrdSeriesParamTable()
{
    return XrdSeriesAnalysis::paramTable();
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string nameOf(const Dataset& d)
{
    return (d.provenance().originalFileName.isEmpty() ? d.name() : d.provenance().originalFileName)
        .toStdString();
}

QString scanLabel(const Dataset& d, std::size_t k)
{
    const QString l = d.label().isEmpty() ? d.name() : d.label();
    return l.isEmpty() ? QCoreApplication::translate("vanadis::XrdSeriesAnalysis", "scan %1").arg(k + 1) : l;
}

struct Track {
    double position = 0.0, fwhm = 0.1;
    double first = kNaN, last = kNaN;
    QJsonArray positions;
};

} // namespace

namespace {

/// The record the series is read against: the parameter's, or the only record of the sample with a
/// voltage–time curve among the references. Null (no error) when there is none.
Expected<std::optional<std::pair<Dataset, QString>>>
linkedRecord(const XrdSeriesParams& p, const std::map<Id, Dataset>& references, QJsonArray& warnings)
{
    using Found = std::optional<std::pair<Dataset, QString>>;
    if (p.cyclingDataset) {
        const auto it = references.find(*p.cyclingDataset);
        if (it == references.end())
            return fail("", "parameter 'cycling_dataset'",
                        "the linked cycling record (dataset " + std::to_string(*p.cyclingDataset) +
                            ") is missing");
        return Found(std::pair{it->second, QStringLiteral("parameter")});
    }
    std::vector<const Dataset*> timed;
    for (const auto& [id, d] : references)
        if (d.type() == QLatin1String("cycling_record") && insitu::voltageCurve(d)) timed.push_back(&d);
    if (timed.size() == 1) return Found(std::pair{*timed.front(), QStringLiteral("sample")});
    if (timed.size() > 1)
        warnings.append(QCoreApplication::translate("vanadis::XrdSeriesAnalysis",
                                                    "The sample has %1 cycling records with a voltage–time "
                                                    "curve: choose the one measured with the series "
                                                    "(Cycling record) to see the voltages.")
                            .arg(timed.size()));
    return Found();
}

/// Least-squares slope of y on x and R², over the finite pairs; NaN with fewer than three.
std::pair<double, double> slopeOf(const std::vector<double>& x, const std::vector<double>& y)
{
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            n += 1;
            sx += x[i], sy += y[i], sxx += x[i] * x[i], sxy += x[i] * y[i], syy += y[i] * y[i];
        }
    if (n < 3) return {kNaN, kNaN};
    const double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
    if (!(vx > 0)) return {kNaN, kNaN};
    return {cxy / vx, vy > 0 ? cxy * cxy / (vx * vy) : kNaN};
}

} // namespace

Expected<QJsonObject> computeXrdSeries(const std::vector<Dataset>& scans, const QJsonObject& given,
                                       const std::map<Id, Dataset>& references)
{
    auto params = xrdSeriesParamTable().read(given);
    if (!params) return std::unexpected(params.error());
    const XrdSeriesParams& p = *params;
    if (scans.size() < 2)
        return fail(scans.empty() ? std::string() : nameOf(scans.front()), "",
                    "an in-situ series needs at least two patterns of the sample");
    for (const Dataset& d : scans) {
        if (auto ok = d.ensureLoaded(); !ok) return std::unexpected(ok.error());
        const Column* xc = figures::find(d, "2Theta");
        const Column* yc = figures::find(d, "Intensity");
        if (!xc || !yc || xc->values.size() != yc->values.size() || xc->values.size() < 16)
            return fail(nameOf(d), "",
                        "the pattern has no '2Theta' and 'Intensity' columns of 16 points or more");
    }
    QJsonArray warnings;
    auto record = linkedRecord(p, references, warnings);
    if (!record) return std::unexpected(record.error());
    std::optional<insitu::VoltageCurve> curve;
    if (*record) {
        auto c = insitu::voltageCurve((*record)->first);
        if (!c) return std::unexpected(c.error());
        curve = std::move(*c);
    }
    insitu::TimingOptions to;
    to.source = p.scanTimes == QLatin1String("file")       ? insitu::TimeSource::File
                : p.scanTimes == QLatin1String("interval") ? insitu::TimeSource::Interval
                                                           : insitu::TimeSource::Automatic;
    to.intervalMin = p.scanIntervalMin;
    to.offsetMin = p.startOffsetMin;
    auto times = insitu::scanTimes(scans, *record ? &(*record)->first : nullptr, to);
    if (!times) return std::unexpected(times.error());
    for (const QString& w : times->warnings)
        warnings.append(w);
    const bool timed = !times->midH.empty();
    if (curve && !timed)
        warnings.append(QCoreApplication::translate(
            "vanadis::XrdSeriesAnalysis",
            "The scans state no start times: give the scan interval to place them on the cycling record."));
    const Dataset& first = scans.front();
    const QJsonObject meta = first.metadata();
    const double lambda1 = meta.value("wavelength_angstrom").toDouble(0.0);
    const double lambda2 = meta.value("wavelength2_angstrom").toDouble(0.0);
    bool doublets = p.kalphaDoublets && lambda1 > 0.0 && lambda2 > lambda1;
    KalphaDoublet doublet{lambda1, doublets ? lambda2 : lambda1,
                          doublets ? meta.value("ka2_ka1_ratio").toDouble(constants::cuKa2Ratio) : 0.0};

    const std::vector<double>& x0 = figures::find(first, "2Theta")->values;
    const std::vector<double>& y0 = figures::find(first, "Intensity")->values;
    const double step0 = (x0.back() - x0.front()) / double(x0.size() - 1);
    const double fwhmGuess = estimateFwhmDeg(x0, y0, {});
    SnipOptions so;
    so.smoothingPoints = 5;
    auto backgroundOf = [&](const std::vector<double>& x, const std::vector<double>& y) {
        SnipOptions o = so;
        const double step = (x.back() - x.front()) / double(x.size() - 1);
        o.windowPoints = snipWindowForFwhm(std::isfinite(fwhmGuess) ? fwhmGuess : 0.3, step, 3.0);
        return snipBackground(y, o);
    };
    auto bg0 = backgroundOf(x0, y0);
    if (!bg0) return fail(nameOf(first), "", bg0.error().reason);

    // ---- The lines to follow ----
    PeakSearchOptions po;
    po.thresholdSigma = p.thresholdSigma;
    po.skipKalpha2 = doublets;
    po.doublet = doublet;
    po.expectedFwhmDeg = std::isfinite(fwhmGuess) ? fwhmGuess : 0.0;
    auto search = searchPeaks(x0, y0, *bg0, po);
    if (!search) return fail(nameOf(first), "", search.error().reason);
    std::vector<FoundPeak> found;
    for (const FoundPeak& f : search->peaks)
        if (!f.kalpha2Satellite) found.push_back(f);
    std::vector<Track> tracks;
    const QStringList given2 =
        p.positionsDeg.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    if (!given2.isEmpty()) {
        for (const QString& t : given2) {
            bool ok = false;
            const double v = t.toDouble(&ok);
            if (!ok || v <= x0.front() || v >= x0.back())
                return fail(nameOf(first), "parameter 'positions_deg'",
                            "'" + t.toStdString() + "' is not a 2θ inside the first scan");
            Track tr;
            tr.position = v;
            tr.fwhm = std::isfinite(fwhmGuess) ? fwhmGuess : 0.2;
            for (const FoundPeak& f : found)
                if (std::abs(f.twoThetaDeg - v) < p.windowDeg) tr.fwhm = f.fwhmDeg;
            tracks.push_back(tr);
        }
    } else {
        std::sort(found.begin(), found.end(),
                  [](const FoundPeak& a, const FoundPeak& b) { return a.height > b.height; });
        for (std::size_t i = 0; i < found.size() && int(i) < p.maxPeaks; ++i)
            tracks.push_back({found[i].twoThetaDeg, std::max(found[i].fwhmDeg, 2.0 * step0), kNaN, kNaN, {}});
    }
    if (tracks.empty())
        return fail(nameOf(first), "", "no line above the threshold in the first scan to follow");
    std::sort(tracks.begin(), tracks.end(),
              [](const Track& a, const Track& b) { return a.position < b.position; });

    ProfileFitOptions fo;
    fo.shape = p.profile == QLatin1String("split_pseudo_voigt") ? ProfileShape::SplitPseudoVoigt
               : p.profile == QLatin1String("pearson_vii")      ? ProfileShape::PearsonVII
                                                                : ProfileShape::PseudoVoigt;
    fo.kalphaDoublets = doublets;
    fo.doublet = doublet;
    if (doublets) {
        std::vector<ProfilePeakStart> starts;
        for (const FoundPeak& f : found)
            starts.push_back({f.twoThetaDeg, std::max(f.fwhmDeg, 2.0 * step0), f.height});
        const Kalpha2Evidence ev = testKalpha2(ProfileFitData{x0, y0, *bg0, {}}, starts, fo);
        if (ev.tested && !ev.present) {
            doublets = fo.kalphaDoublets = false;
            warnings.append(QCoreApplication::translate("vanadis::XrdSeriesAnalysis",
                                                        "The file states Kα2 but the resolved lines show "
                                                        "none: the lines are fitted as single Kα1 lines."));
        }
    }

    // ---- Scan by scan ----
    QJsonArray table, scanList;
    for (std::size_t k = 0; k < scans.size(); ++k) {
        const Dataset& d = scans[k];
        const std::vector<double>& x = figures::find(d, "2Theta")->values;
        const std::vector<double>& y = figures::find(d, "Intensity")->values;
        scanList.append(QJsonObject{{"label", scanLabel(d, k)}});
        auto bg = backgroundOf(x, y);
        if (!bg) return fail(nameOf(d), "", bg.error().reason);
        std::vector<ProfilePeakStart> starts;
        std::vector<std::size_t> which;
        fo.regionsDeg.clear();
        for (std::size_t j = 0; j < tracks.size(); ++j) {
            double w = p.windowDeg;
            if (j > 0) w = std::min(w, 0.5 * (tracks[j].position - tracks[j - 1].position));
            if (j + 1 < tracks.size()) w = std::min(w, 0.5 * (tracks[j + 1].position - tracks[j].position));
            const double lo = tracks[j].position - w, hi = tracks[j].position + w;
            if (lo < x.front() || hi > x.back()) continue;
            // Start height: the highest net point of the window.
            double h = 0.0;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (x[i] >= lo && x[i] <= hi) h = std::max(h, y[i] - (*bg)[i]);
            ProfilePeakStart s;
            s.twoThetaDeg = tracks[j].position;
            s.fwhmDeg = tracks[j].fwhm;
            s.height = std::max(h, 1.0);
            starts.push_back(s);
            which.push_back(j);
            fo.regionsDeg.push_back({lo, hi});
        }
        double narrowest = std::numeric_limits<double>::infinity();
        for (const Track& t : tracks)
            narrowest = std::min(narrowest, t.fwhm);
        fo.positionFreedomFwhm = std::max(1.0, p.windowDeg / std::max(1e-3, narrowest));
        std::vector<bool> fitted(tracks.size(), false);
        if (!starts.empty()) {
            auto fit = fitProfiles(ProfileFitData{x, y, *bg, {}}, starts, {}, fo);
            if (fit) {
                for (std::size_t m = 0; m < which.size() && m < fit->peaks.size(); ++m) {
                    const ProfilePeak& pk = fit->peaks[m];
                    Track& tr = tracks[which[m]];
                    if (!std::isfinite(pk.twoThetaDeg) || pk.area <= 0.0) continue;
                    tr.position = pk.twoThetaDeg;
                    tr.fwhm = std::max(pk.fwhmDeg, 2.0 * step0);
                    if (!std::isfinite(tr.first)) tr.first = pk.twoThetaDeg;
                    tr.last = pk.twoThetaDeg;
                    fitted[which[m]] = true;
                    table.append(QJsonObject{{"scan", int(k + 1)},
                                             {"track", int(which[m] + 1)},
                                             {"two_theta_deg", jsonNumber(pk.twoThetaDeg)},
                                             {"two_theta_err", jsonNumber(pk.twoThetaErrDeg)},
                                             {"fwhm_deg", jsonNumber(pk.fwhmDeg)},
                                             {"area", jsonNumber(pk.area)},
                                             {"height", jsonNumber(pk.height)}});
                }
            } else {
                warnings.append(QCoreApplication::translate("vanadis::XrdSeriesAnalysis", "Scan %1: %2")
                                    .arg(k + 1)
                                    .arg(QString::fromStdString(fit.error().reason)));
            }
        }
        for (std::size_t j = 0; j < tracks.size(); ++j)
            tracks[j].positions.append(fitted[j] ? QJsonValue(tracks[j].position)
                                                 : QJsonValue(QJsonValue::Null));
    }

    QJsonObject out;
    QJsonArray trackList;
    std::size_t strongest = 0;
    for (std::size_t j = 0; j < tracks.size(); ++j) {
        const Track& tr = tracks[j];
        trackList.append(QJsonObject{{"index", int(j + 1)},
                                     {"start_two_theta_deg", jsonNumber(tr.first)},
                                     {"shift_deg", jsonNumber(tr.last - tr.first)},
                                     {"positions", tr.positions}});
        int missing = 0;
        for (const QJsonValue& v : tr.positions)
            missing += v.isNull();
        if (missing > 0)
            warnings.append(
                QCoreApplication::translate("vanadis::XrdSeriesAnalysis",
                                            "The line near %1° could not be fitted in %2 of %3 scans.")
                    .arg(tr.first, 0, 'f', 2)
                    .arg(missing)
                    .arg(scans.size()));
    }
    // The followed lines indexed against the reference phase in the first scan, as the XRD analysis
    // indexes a pattern; a phase that explains fewer than half of them names none (a wrong label is worse
    // than an angle).
    QString phaseName;
    if (lambda1 > 0.0) {
        const Dataset* phaseDs = nullptr;
        if (p.phaseDataset)
            if (const auto it = references.find(*p.phaseDataset); it != references.end())
                phaseDs = &it->second;
        auto ref = xrdReference(p.phase, p.phaseDataset, phaseDs, lambda1, x0.front(), x0.back());
        if (!ref) {
            Error e = ref.error();
            if (e.file.empty()) e.file = nameOf(first);
            return std::unexpected(e);
        }
        std::vector<ObservedPeak> observed;
        std::vector<std::size_t> of;
        for (std::size_t j = 0; j < tracks.size(); ++j)
            if (std::isfinite(tracks[j].first)) {
                observed.push_back({tracks[j].first, 0.0, tracks[j].fwhm, 0.0});
                of.push_back(j);
            }
        if (*ref && !observed.empty()) {
            phaseName = (*ref)->name;
            auto idx = xrdIndex(observed, **ref, IndexingOptions{}.toleranceDeg, true);
            if (idx && 2 * idx->indexedCount >= observed.size())
                for (std::size_t m = 0; m < of.size() && m < idx->peaks.size(); ++m) {
                    if (!idx->peaks[m].indexed) continue;
                    QJsonObject t = trackList[int(of[m])].toObject();
                    t.insert("hkl", xrdHklText(idx->peaks[m], (*ref)->reflections));
                    t.insert("delta_two_theta_deg", jsonNumber(idx->peaks[m].deltaTwoThetaDeg));
                    trackList[int(of[m])] = t;
                }
            else if (idx)
                warnings.append(QCoreApplication::translate("vanadis::XrdSeriesAnalysis",
                                                            "Only %1 of %2 followed lines match %3: they are "
                                                            "named by their angle.")
                                    .arg(idx->indexedCount)
                                    .arg(observed.size())
                                    .arg(phaseName));
        }
    }
    for (int j = 0; j < trackList.size(); ++j) {
        QJsonObject t = trackList[j].toObject();
        if (!t.contains("hkl")) {
            t.insert("hkl", QJsonValue(QJsonValue::Null));
            t.insert("delta_two_theta_deg", QJsonValue(QJsonValue::Null));
        }
        trackList[j] = t;
    }
    out["phase"] = phaseName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(phaseName);
    if (given2.isEmpty() && !found.empty()) {
        // The first followed line by height, i.e. the strongest line.
        double best = -1.0;
        for (std::size_t j = 0; j < tracks.size(); ++j)
            for (const FoundPeak& f : found)
                if (std::abs(f.twoThetaDeg - tracks[j].first) < 2.0 * tracks[j].fwhm && f.height > best)
                    best = f.height, strongest = j;
    }
    XrdSeriesResult res; // the declared outputs, written by xrdSeriesResultTable() below
    res.nScans = int(scans.size());
    res.nTracks = int(tracks.size());
    out["wavelength_angstrom"] = lambda1 > 0.0 ? QJsonValue(lambda1) : QJsonValue(QJsonValue::Null);
    out["kalpha2_modelled"] = doublets;
    out["tracks"] = trackList;
    out["tracked_peaks"] = table;
    res.firstTrackShiftDeg = tracks[strongest].last - tracks[strongest].first;
    res.firstTrackTwoThetaDeg = tracks[strongest].first;
    // Per scan: its time on the record's clock, the voltage at its mid-time and the followed positions.
    std::vector<double> scanVoltage(scans.size(), kNaN);
    int outside = 0, firstOutside = 0, lastOutside = 0;
    for (std::size_t k = 0; k < scans.size(); ++k) {
        QJsonObject o = scanList[int(k)].toObject();
        o.insert("scan", int(k + 1));
        o.insert("time_h", timed ? jsonNumber(times->midH[k]) : QJsonValue(QJsonValue::Null));
        o.insert("start_h", timed ? jsonNumber(times->startH[k]) : QJsonValue(QJsonValue::Null));
        o.insert("end_h", timed ? jsonNumber(times->endH[k]) : QJsonValue(QJsonValue::Null));
        if (curve && timed) {
            scanVoltage[k] = insitu::voltageAt(*curve, times->midH[k]);
            if (!std::isfinite(scanVoltage[k])) {
                if (outside++ == 0) firstOutside = int(k + 1);
                lastOutside = int(k + 1);
            }
        }
        o.insert("voltage_v", jsonNumber(scanVoltage[k]));
        QJsonArray pos;
        for (const Track& tr : tracks)
            pos.append(tr.positions[int(k)]);
        o.insert("two_theta_deg", pos);
        scanList[int(k)] = o;
    }
    if (outside > 0)
        warnings.append(
            QCoreApplication::translate("vanadis::XrdSeriesAnalysis",
                                        "The cycling record '%1' covers %2–%3 h, but %4 of %5 scans (scans "
                                        "%6–%7, at %8–%9 h) lie outside it: they have no voltage. Check the "
                                        "start offset or the record.")
                .arg((*record)->first.displayLabel())
                .arg(curve->timeH.front(), 0, 'f', 2)
                .arg(curve->timeH.back(), 0, 'f', 2)
                .arg(outside)
                .arg(scans.size())
                .arg(firstOutside)
                .arg(lastOutside)
                .arg(times->midH[std::size_t(firstOutside - 1)], 0, 'f', 2)
                .arg(times->midH[std::size_t(lastOutside - 1)], 0, 'f', 2));
    out["scans"] = scanList;
    out["time_source"] = times->source;
    out["times_on_record_clock"] = times->onRecordClock;
    if (timed) res.durationH = times->midH.back() - times->midH.front();
    if (curve) {
        // The curve for the side panel, thinned to ≤ 2000 points (a figure needs no more).
        QJsonArray th, vv;
        const std::size_t stride = std::max<std::size_t>(1, (curve->timeH.size() + 1999) / 2000);
        for (std::size_t i = 0; i < curve->timeH.size(); i += stride) {
            th.append(curve->timeH[i]);
            vv.append(curve->voltageV[i]);
        }
        if ((curve->timeH.size() - 1) % stride != 0) {
            th.append(curve->timeH.back());
            vv.append(curve->voltageV.back());
        }
        const Dataset& rd = (*record)->first;
        out["cycling"] = QJsonObject{{"dataset", double(rd.id())},
                                     {"label", rd.displayLabel()},
                                     {"source", (*record)->second},
                                     {"time_h", th},
                                     {"voltage_v", vv}};
        double vmin = kNaN;
        for (double v : scanVoltage)
            if (std::isfinite(v) && !(v >= vmin)) vmin = v;
        res.voltageMinV = vmin;
        for (std::size_t j = 0; j < tracks.size(); ++j) {
            std::vector<double> pos;
            for (const QJsonValue& v : tracks[j].positions)
                pos.push_back(v.isDouble() ? v.toDouble() : kNaN);
            const auto [slope, r2] = slopeOf(scanVoltage, pos);
            QJsonObject t = trackList[int(j)].toObject();
            t.insert("shift_per_volt_deg", jsonNumber(slope));
            t.insert("shift_per_volt_r2", jsonNumber(r2));
            trackList[int(j)] = t;
            if (j == strongest) res.firstTrackShiftPerVoltDeg = slope;
        }
        out["tracks"] = trackList;
    } else {
        out["cycling"] = QJsonValue(QJsonValue::Null);
    }
    // The scans on one 2θ grid (the first scan's, thinned to ≤ 1500 points; null outside a scan) for the
    // waterfall and the heat map, which draw from the result alone.
    QJsonArray gx, rows;
    const std::size_t stride = std::max<std::size_t>(1, (x0.size() + 1499) / 1500);
    std::vector<double> grid;
    for (std::size_t i = 0; i < x0.size(); i += stride)
        grid.push_back(x0[i]);
    for (double v : grid)
        gx.append(v);
    for (const Dataset& d : scans) {
        const std::vector<double>& x = figures::find(d, "2Theta")->values;
        const std::vector<double>& y = figures::find(d, "Intensity")->values;
        QJsonArray row;
        for (double v : grid) {
            if (v < x.front() || v > x.back()) {
                row.append(QJsonValue(QJsonValue::Null));
                continue;
            }
            const std::size_t i = std::size_t(std::lower_bound(x.begin(), x.end(), v) - x.begin());
            const double z =
                i == 0 ? y.front() : y[i - 1] + (v - x[i - 1]) / (x[i] - x[i - 1]) * (y[i] - y[i - 1]);
            row.append(z);
        }
        rows.append(row);
    }
    const Column* yc0 = figures::find(first, "Intensity");
    out["grid"] = QJsonObject{{"two_theta_deg", gx}, {"intensity", rows}, {"unit", yc0->unit}};
    out["warnings"] = warnings;
    if (auto w = xrdSeriesResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

const ResultTable<XrdSeriesResult>& xrdSeriesResultTable()
{
    static const ResultTable<XrdSeriesResult> t = [] {
        const auto tr = [](const char* s) { return translated("vanadis::XrdSeriesAnalysis", s); };
        using R = XrdSeriesResult;
        ResultTable<R> t;
        t.value(&R::firstTrackShiftDeg, "first_track_shift_deg",
                tr("Shift of the strongest line (last − first scan)"), QStringLiteral("°"))
            .headline(tr("Δ2θ (°)"));
        t.value(&R::firstTrackTwoThetaDeg, "first_track_two_theta_deg", tr("Strongest line, first scan"),
                QStringLiteral("°"));
        t.value(&R::nScans, "n_scans", tr("Scans"));
        t.value(&R::nTracks, "n_tracks", tr("Lines followed"));
        t.value(&R::durationH, "duration_h", tr("Duration of the series (first to last scan)"),
                QStringLiteral("h"));
        t.value(&R::voltageMinV, "voltage_min_v", tr("Lowest cell voltage at a scan"), QStringLiteral("V"));
        t.value(&R::firstTrackShiftPerVoltDeg, "first_track_shift_per_volt_deg",
                tr("Strongest line: 2θ against cell voltage (slope)"), QStringLiteral("° V⁻¹"));
        return t;
    }();
    return t;
}

namespace {

/// WCAG 2 contrast ratio of \a c against white (relative luminance of sRGB; 3:1 is the minimum for lines
/// and graphics, WCAG 2.1 SC 1.4.11).
double contrastOnWhite(const QColor& c)
{
    auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    return 1.05 / (l + 0.05);
}

/// A ramp from the sample's colour: darkest for the first scan, the sample's own colour for the last, but
/// never lighter than 3:1 contrast on white (a yellow or orange sample's last traces stay readable).
QColor scanColor(const QColor& base, std::size_t k, std::size_t n)
{
    QColor light = base;
    for (int i = 0; i < 40 && contrastOnWhite(light) < 3.0; ++i)
        light = light.darker(105);
    const QColor dark = light.darker(200);
    const double t = n > 1 ? double(k) / double(n - 1) : 1.0;
    return QColor::fromRgbF(float(dark.redF() + t * (light.redF() - dark.redF())),
                            float(dark.greenF() + t * (light.greenF() - dark.greenF())),
                            float(dark.blueF() + t * (light.blueF() - dark.blueF())));
}

/// "(012)" from the result's "0 1 2" ("(110)+(006)" for an overlap group); indices of two digits or negative
/// ones keep their spaces.
QString millerText(const QString& hkl)
{
    QStringList groups;
    for (const QString& g : hkl.split(QStringLiteral(" + "), Qt::SkipEmptyParts)) {
        const QStringList i = g.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const bool compact = std::all_of(i.begin(), i.end(), [](const QString& v) { return v.size() == 1; });
        groups << QLatin1Char('(') + (compact ? i.join(QString()) : i.join(QLatin1Char(' '))) +
                      QLatin1Char(')');
    }
    return groups.join(QLatin1Char('+'));
}

/// A followed line's name: "(012) 24.19°" when the reference phase indexes it, else "line at 24.19°".
QString trackName(const QJsonObject& track)
{
    const double at = track.value("start_two_theta_deg").toDouble();
    const QString hkl = track.value("hkl").toString();
    if (!hkl.isEmpty())
        return QCoreApplication::translate("vanadis::XrdSeriesAnalysis", "%1 %2°")
            .arg(millerText(hkl))
            .arg(at, 0, 'f', 2);
    return QCoreApplication::translate("vanadis::XrdSeriesAnalysis", "line at %1°").arg(at, 0, 'f', 2);
}

FigureSpec seriesFigure(const QString& id, const std::vector<FigureInput>& inputs)
{
    auto tr = [](const char* s) { return QCoreApplication::translate("vanadis::XrdSeriesAnalysis", s); };
    FigureSpec f;
    f.x.label = QStringLiteral("2θ (°)");
    if (inputs.empty()) return f;
    // One run over the scans of a sample: everything is drawn from its result.
    const Sample& sample = *inputs.front().sample;
    const QJsonObject result = inputs.front().result;
    const QJsonArray shown = inputs.front().params.value("map_range_deg").toArray();
    if (id != QLatin1String("peak_tracks") && shown.size() == 2 &&
        shown[0].toDouble() < shown[1].toDouble()) {
        f.x.min = shown[0].toDouble();
        f.x.max = shown[1].toDouble();
    }
    const QJsonObject grid = result.value("grid").toObject();
    std::vector<double> gx;
    for (const QJsonValue& v : grid.value("two_theta_deg").toArray())
        gx.push_back(v.toDouble());
    std::vector<std::vector<double>> rows;
    for (const QJsonValue& r : grid.value("intensity").toArray()) {
        std::vector<double> row;
        for (const QJsonValue& v : r.toArray())
            row.push_back(v.isDouble() ? v.toDouble() : kNaN);
        if (row.size() == gx.size()) rows.push_back(std::move(row));
    }
    const QJsonArray tracks = result.value("tracks").toArray();
    const std::size_t n = rows.size();
    // Scan times (h) when the result knows them all, else the scan numbers.
    const QJsonArray scanInfo = result.value("scans").toArray();
    std::vector<double> when;
    for (const QJsonValue& v : scanInfo)
        if (v.toObject().value("time_h").isDouble()) when.push_back(v.toObject().value("time_h").toDouble());
    const bool timed = !when.empty() && when.size() == std::size_t(scanInfo.size()) &&
                       std::is_sorted(when.begin(), when.end()) &&
                       std::adjacent_find(when.begin(), when.end()) == when.end();
    auto yOf = [&](std::size_t k) { return timed && k < when.size() ? when[k] : double(k + 1); };
    const QString timeLabel = tr("Time (h)");
    const QJsonObject cycling = result.value("cycling").toObject();
    std::vector<double> curveT, curveV;
    for (const QJsonValue& v : cycling.value("time_h").toArray())
        curveT.push_back(v.toDouble());
    for (const QJsonValue& v : cycling.value("voltage_v").toArray())
        curveV.push_back(v.toDouble());
    const bool hasCurve = timed && curveT.size() >= 2 && curveT.size() == curveV.size();
    const QString voltageLabel = tr("Voltage (V)");
    if (id == QLatin1String("peak_tracks")) {
        f.x.label = timed ? timeLabel : tr("Scan");
        f.y.label = QStringLiteral("2θ (°)");
        for (const QJsonValue& tv : tracks) {
            const QJsonObject t = tv.toObject();
            FigureSeries s = figures::styled(*inputs.front().sample, trackName(t));
            s.marker = sample.marker;
            const QJsonArray pos = t.value("positions").toArray();
            for (int k = 0; k < pos.size(); ++k)
                if (pos[k].isDouble()) {
                    s.x.push_back(yOf(std::size_t(k)));
                    s.y.push_back(pos[k].toDouble());
                }
            if (!s.x.empty()) f.series.push_back(s);
        }
        // Several lines on one 2θ axis would squeeze each one flat: one line per figure reads best, so the
        // shift of each is drawn relative to its first position when there are several.
        if (f.series.size() > 1) {
            f.y.label = tr("Δ2θ from the first scan (°)");
            for (FigureSeries& s : f.series) {
                const double y0 = s.y.front();
                for (double& v : s.y)
                    v -= y0;
            }
            const QColor palette[] = {QColor(0, 114, 178),   QColor(213, 94, 0),  QColor(0, 158, 115),
                                      QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233)};
            const char* markers[] = {"circle", "square", "triangle", "diamond", "cross", "plus"};
            for (std::size_t i = 0; i < f.series.size(); ++i) {
                f.series[i].color = palette[i % 6];
                f.series[i].marker = QString::fromLatin1(markers[i % 6]);
            }
        }
        if (hasCurve) {
            // The cell voltage on the right axis, thin and grey: the line positions stay the data.
            FigureSeries v;
            v.label = tr("cell voltage");
            v.x = curveT;
            v.y = curveV;
            v.color = QColor(90, 90, 90);
            v.dash = QStringLiteral("dash");
            v.lineWidthPt = 0.8;
            v.onRightAxis = true;
            f.series.push_back(v);
            FigureAxis y2;
            y2.label = voltageLabel;
            f.y2 = y2;
        }
        return f;
    }
    if (id == QLatin1String("heat_map")) {
        if (gx.empty() || rows.empty()) return f;
        FigureHeatMap h;
        h.x = gx;
        for (std::size_t k = 0; k < n; ++k) {
            h.y.push_back(yOf(k));
            h.z.insert(h.z.end(), rows[k].begin(), rows[k].end());
        }
        if (f.x.min && f.x.max) {
            // The colours span what the window shows, not the strongest line outside it.
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (std::size_t k = 0; k < n; ++k)
                for (std::size_t i = 0; i < gx.size(); ++i)
                    if (gx[i] >= *f.x.min && gx[i] <= *f.x.max && std::isfinite(rows[k][i]))
                        lo = std::min(lo, rows[k][i]), hi = std::max(hi, rows[k][i]);
            if (lo < hi) h.zMin = lo, h.zMax = hi;
        }
        const QString unit = grid.value("unit").toString();
        h.zLabel = unit.isEmpty() ? tr("Intensity") : tr("Intensity (%1)").arg(unit);
        f.heatMap = h;
        f.y.label = timed ? timeLabel : tr("Scan");
        f.legend = false;
        // The time axis covers the scans fully: the first one's start to the last one's end.
        if (timed) {
            const QJsonObject a = scanInfo.first().toObject(), b = scanInfo.last().toObject();
            const double half = n > 1 ? 0.5 * (when.back() - when.front()) / double(n - 1) : 0.5;
            const double lo =
                a.value("start_h").isDouble() ? a.value("start_h").toDouble() : when.front() - half;
            const double hi = b.value("end_h").isDouble() ? b.value("end_h").toDouble() : when.back() + half;
            if (lo < hi) f.y.min = lo, f.y.max = hi;
        }
        if (hasCurve) {
            // Fig. 6a of the study: the voltage–time curve beside the map, on the map's time axis, with the
            // voltage at each scan's mid-time marked.
            auto side = std::make_shared<FigureSpec>();
            side->x.label = voltageLabel;
            side->legend = false;
            // The voltage axis spans the record over the time shown (the points just outside it too, so the
            // curve reaches the frame) with a margin that keeps the end markers whole.
            if (f.y.min && f.y.max) {
                double vlo = std::numeric_limits<double>::infinity(), vhi = -vlo;
                for (std::size_t i = 0; i < curveT.size(); ++i) {
                    const bool inside = curveT[i] >= *f.y.min && curveT[i] <= *f.y.max;
                    const bool edge =
                        (i + 1 < curveT.size() && curveT[i] < *f.y.min && curveT[i + 1] > *f.y.min) ||
                        (i > 0 && curveT[i] > *f.y.max && curveT[i - 1] < *f.y.max);
                    if ((inside || edge) && std::isfinite(curveV[i]))
                        vlo = std::min(vlo, curveV[i]), vhi = std::max(vhi, curveV[i]);
                }
                if (vlo <= vhi) {
                    const double margin = std::max(0.08 * (vhi - vlo), 0.02);
                    side->x.min = vlo - margin;
                    side->x.max = vhi + margin;
                }
            }
            FigureSeries c;
            c.label = tr("cell voltage");
            c.x = curveV;
            c.y = curveT;
            c.color = sample.color;
            c.lineWidthPt = 1.0;
            side->series.push_back(c);
            FigureSeries at;
            at.label = tr("voltage at the scans");
            at.line = false;
            at.marker = QStringLiteral("circle");
            at.color = sample.color;
            at.lineWidthPt = 0.6;
            for (std::size_t k = 0; k < std::size_t(scanInfo.size()); ++k) {
                const QJsonValue v = scanInfo[int(k)].toObject().value("voltage_v");
                if (!v.isDouble()) continue;
                at.x.push_back(v.toDouble());
                at.y.push_back(yOf(k));
            }
            if (!at.x.empty()) side->series.push_back(at);
            f.side = side;
            f.sideWidthFraction = 0.3;
        }
        // The followed positions on top, as thin crosses that leave the map visible.
        for (const QJsonValue& tv : tracks) {
            FigureSeries s;
            s.label = tr("followed line");
            s.line = false;
            s.marker = QStringLiteral("plus");
            s.color = Qt::white;
            s.lineWidthPt = 0.6;
            const QJsonArray pos = tv.toObject().value("positions").toArray();
            for (int k = 0; k < pos.size(); ++k)
                if (pos[k].isDouble()) {
                    s.x.push_back(pos[k].toDouble());
                    s.y.push_back(yOf(std::size_t(k)));
                }
            if (!s.x.empty()) f.series.push_back(s);
        }
        return f;
    }
    // Waterfall: one scale for all scans (their intensities compare), each lifted by a fixed step.
    // With a 2θ window only its points are drawn (end labels then sit at its right edge) and scaled.
    auto inWindow = [&](double x) { return !(f.x.min && f.x.max) || (x >= *f.x.min && x <= *f.x.max); };
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size() && i < gx.size(); ++i)
            if (std::isfinite(row[i]) && inWindow(gx[i]))
                lo = std::min(lo, row[i]), hi = std::max(hi, row[i]);
    const double span = hi > lo ? hi - lo : 1.0;
    const double stepY = n > 10 ? 0.15 : (n > 4 ? 0.4 : 1.1);
    f.y.label = tr("Intensity (a.u., offset)");
    f.y.hideTickLabels = true;
    f.legend = false;
    const std::size_t labelEvery = std::max<std::size_t>(1, (n + 5) / 6);
    const QJsonArray labels = result.value("scans").toArray();
    for (std::size_t k = 0; k < n; ++k) {
        // A timed series is labelled by time (short, and what the reader compares); else by scan.
        const QString label = timed ? tr("%1 h").arg(when[k], 0, 'f', when.back() < 10 ? 1 : 0)
                              : k < std::size_t(labels.size())
                                  ? labels[int(k)].toObject().value("label").toString()
                                  : tr("scan %1").arg(k + 1);
        FigureSeries s = figures::styled(sample, label);
        s.color = scanColor(sample.color, k, n);
        for (std::size_t i = 0; i < gx.size(); ++i)
            if (std::isfinite(rows[k][i]) && inWindow(gx[i])) {
                s.x.push_back(gx[i]);
                s.y.push_back((rows[k][i] - lo) / span);
            }
        s.yOffset = stepY * double(k);
        s.lineWidthPt = 0.6;
        s.inLegend = false;
        if (k % labelEvery == 0 || k + 1 == n) s.endLabel = label;
        f.series.push_back(s);
    }
    return f;
}

} // namespace

const AnalysisDescriptor& xrdSeriesAnalysis()
{
    static const AnalysisDescriptor d = [] {
        auto tr = [](const char* s) { return QCoreApplication::translate("vanadis::XrdSeriesAnalysis", s); };
        AnalysisDescriptor a;
        a.id = QStringLiteral("xrd_series");
        a.version = 3; // 2: scan times, the linked cycling record's voltages; 3: lines named by hkl
        a.technique = Technique::Xrd;
        a.automatic = false;
        a.name = QStringLiteral("XRD in-situ series");
        a.input.types = {QStringLiteral("xrd_pattern")};
        a.input.multiple = true;
        a.params = [] { return xrdSeriesParamTable().schema(); };
        a.outputs = [] { return xrdSeriesResultTable().outputs(); };
        a.figures = [tr] {
            return std::vector<FigureDecl>{
                {QStringLiteral("waterfall"), tr("Waterfall of the scans"), false, {}},
                {QStringLiteral("heat_map"),
                 tr("2θ versus time or scan (heat map, voltage beside it)"),
                 false,
                 {}},
                {QStringLiteral("peak_tracks"), tr("Line positions versus time or scan"), false, {}}};
        };
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeXrdSeries(in.main, params, in.references);
        };
        a.buildFigure = seriesFigure;
        CliOption record;
        record.option = QStringLiteral("cycling");
        record.description = QStringLiteral("The cycling record measured with the series (a cycler export).");
        record.valueName = QStringLiteral("FILE");
        record.datasetRefParam = QStringLiteral("cycling_dataset");
        record.referenceTechnique = Technique::Echem;
        CliOption interval;
        interval.option = QStringLiteral("scan-interval-min");
        interval.description =
            QStringLiteral("Minutes from one scan's start to the next (files without times).");
        interval.valueName = QStringLiteral("MIN");
        interval.toParams = [](const QString& v) -> Expected<QJsonObject> {
            bool ok = false;
            const double m = v.toDouble(&ok);
            if (!ok || !(m > 0))
                return fail("", "--scan-interval-min", "'" + v.toStdString() + "' is not a time");
            return QJsonObject{{"scan_interval_min", m}};
        };
        a.cliOptions = {record, interval};
        return a;
    }();
    return d;
}

} // namespace vanadis
