#include "analysis/xrd/XrdSeriesAnalysis.h"

#include "analysis/FigureHelpers.h"
#include "analysis/JsonNumber.h"

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

Expected<QJsonObject> computeXrdSeries(const std::vector<Dataset>& scans, const QJsonObject& given)
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
    if (given2.isEmpty() && !found.empty()) {
        // The first followed line by height, i.e. the strongest line.
        double best = -1.0;
        for (std::size_t j = 0; j < tracks.size(); ++j)
            for (const FoundPeak& f : found)
                if (std::abs(f.twoThetaDeg - tracks[j].first) < 2.0 * tracks[j].fwhm && f.height > best)
                    best = f.height, strongest = j;
    }
    out["n_scans"] = int(scans.size());
    out["n_tracks"] = int(tracks.size());
    out["wavelength_angstrom"] = lambda1 > 0.0 ? QJsonValue(lambda1) : QJsonValue(QJsonValue::Null);
    out["kalpha2_modelled"] = doublets;
    out["tracks"] = trackList;
    out["tracked_peaks"] = table;
    out["first_track_shift_deg"] = jsonNumber(tracks[strongest].last - tracks[strongest].first);
    out["first_track_two_theta_deg"] = jsonNumber(tracks[strongest].first);
    out["scans"] = scanList;
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
    return out;
}

namespace {

/// A colour from the sample's: darker for the first scans, lighter for the last.
QColor scanColor(const QColor& base, std::size_t k, std::size_t n)
{
    const double t = n > 1 ? double(k) / double(n - 1) : 0.0;
    return base.darker(int(160 - 100 * t));
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
    if (id == QLatin1String("peak_tracks")) {
        f.x.label = tr("Scan");
        f.y.label = QStringLiteral("2θ (°)");
        for (const QJsonValue& tv : tracks) {
            const QJsonObject t = tv.toObject();
            FigureSeries s =
                figures::styled(*inputs.front().sample,
                                tr("line at %1°").arg(t.value("start_two_theta_deg").toDouble(), 0, 'f', 2));
            s.marker = sample.marker;
            const QJsonArray pos = t.value("positions").toArray();
            for (int k = 0; k < pos.size(); ++k)
                if (pos[k].isDouble()) {
                    s.x.push_back(k + 1);
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
        return f;
    }
    if (id == QLatin1String("heat_map")) {
        if (gx.empty() || rows.empty()) return f;
        FigureHeatMap h;
        h.x = gx;
        for (std::size_t k = 0; k < n; ++k) {
            h.y.push_back(double(k + 1));
            h.z.insert(h.z.end(), rows[k].begin(), rows[k].end());
        }
        const QString unit = grid.value("unit").toString();
        h.zLabel = unit.isEmpty() ? tr("Intensity") : tr("Intensity (%1)").arg(unit);
        f.heatMap = h;
        f.y.label = tr("Scan");
        f.legend = false;
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
                    s.y.push_back(k + 1);
                }
            if (!s.x.empty()) f.series.push_back(s);
        }
        return f;
    }
    // Waterfall: one scale for all scans (their intensities compare), each lifted by a fixed step.
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& row : rows)
        for (double v : row)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    const double span = hi > lo ? hi - lo : 1.0;
    const double stepY = n > 10 ? 0.15 : (n > 4 ? 0.4 : 1.1);
    f.y.label = tr("Intensity (a.u., offset)");
    f.y.hideTickLabels = true;
    f.legend = false;
    const std::size_t labelEvery = std::max<std::size_t>(1, (n + 5) / 6);
    const QJsonArray labels = result.value("scans").toArray();
    for (std::size_t k = 0; k < n; ++k) {
        const QString label = k < std::size_t(labels.size())
                                  ? labels[int(k)].toObject().value("label").toString()
                                  : tr("scan %1").arg(k + 1);
        FigureSeries s = figures::styled(sample, label);
        s.color = scanColor(sample.color, k, n);
        for (std::size_t i = 0; i < gx.size(); ++i)
            if (std::isfinite(rows[k][i])) {
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
        a.version = 1;
        a.technique = Technique::Xrd;
        a.automatic = false;
        a.name = QStringLiteral("XRD in-situ series");
        a.input.types = {QStringLiteral("xrd_pattern")};
        a.input.multiple = true;
        a.params = [] { return xrdSeriesParamTable().schema(); };
        a.outputs = [tr] {
            return std::vector<OutputSpec>{
                {"first_track_shift_deg",
                 tr("Shift of the strongest line (last − first scan)"),
                 QStringLiteral("°"),
                 {},
                 true,
                 tr("Δ2θ (°)")},
                {"first_track_two_theta_deg",
                 tr("Strongest line, first scan"),
                 QStringLiteral("°"),
                 {},
                 false,
                 {}},
                {"n_scans", tr("Scans"), {}, {}, false, {}},
                {"n_tracks", tr("Lines followed"), {}, {}, false, {}},
            };
        };
        a.figures = [tr] {
            return std::vector<FigureDecl>{
                {QStringLiteral("waterfall"), tr("Waterfall of the scans"), false, {}},
                {QStringLiteral("heat_map"), tr("2θ versus scan (heat map)"), false, {}},
                {QStringLiteral("peak_tracks"), tr("Line positions per scan"), false, {}}};
        };
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            return computeXrdSeries(in.main, params);
        };
        a.buildFigure = seriesFigure;
        return a;
    }();
    return d;
}

} // namespace vanadis
