#include "analysis/xrd/XrdAnalysis.h"
#include "analysis/JsonNumber.h"
#include "analysis/xrd/InstrumentFunctionFile.h"

#include "analysis/FigureHelpers.h"
#include "model/Translate.h"

#include "numeric/Constants.h"
#include "numeric/xrd/Background.h"
#include "numeric/xrd/CifReader.h"
#include "numeric/xrd/CrystalliteSize.h"
#include "numeric/xrd/Indexing.h"
#include "numeric/xrd/InstrumentFunction.h"
#include "numeric/xrd/LatticeRefinement.h"
#include "numeric/xrd/PeakSearch.h"
#include "numeric/xrd/ProfileFit.h"
#include "numeric/xrd/ReflectionList.h"
#include "numeric/xrd/TubeSatellites.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>
#include <map>
#include <numeric>

namespace vanadis {

using namespace vanadis::xrd;

/// The translation context of the XRD analysis' strings, and the one declaration of its parameters.
struct XrdAnalysis {
    Q_DECLARE_TR_FUNCTIONS(vanadis::XrdAnalysis)
public:
    static ParamTable<XrdParams> paramTable();
};

namespace {

std::string location(const Dataset& ds)
{
    return (ds.provenance().originalFileName.isEmpty() ? ds.name() : ds.provenance().originalFileName)
        .toStdString();
}

QJsonArray strings(const std::vector<std::string>& w)
{
    QJsonArray a;
    for (const std::string& s : w)
        a.append(QString::fromStdString(s));
    return a;
}

/// The bundled structures (resources/phases, facts of the published structures, not copied cards).
Expected<CrystalStructure> bundledPhase(const QString& phase)
{
    QFile f(QStringLiteral(":/phases/%1.cif").arg(phase));
    if (!f.open(QIODevice::ReadOnly))
        return fail("", "parameter 'phase'", "no bundled structure for '" + phase.toStdString() + "'");
    const QByteArray text = f.readAll();
    return readCifStructure(std::string_view(text.constData(), std::size_t(text.size())),
                            phase.toStdString() + ".cif");
}

ProfileShape shapeOf(const QString& key)
{
    if (key == QLatin1String("split_pseudo_voigt")) return ProfileShape::SplitPseudoVoigt;
    if (key == QLatin1String("pearson_vii")) return ProfileShape::PearsonVII;
    if (key == QLatin1String("voigt")) return ProfileShape::Voigt;
    return ProfileShape::PseudoVoigt;
}

QString hklText(const Reflection& r)
{
    return QString::fromStdString(millerLabel(r.hkl));
}

} // namespace

ParamSpec xrdPhaseParam()
{
    using T = XrdAnalysis;
    return choiceParam(
        "phase", T::tr("Reference phase"), {"V2O3", "Al2O3", "Si", "none"}, "V2O3",
        {T::tr("V₂O₃ (R-3c)"), T::tr("corundum Al₂O₃ (R-3c)"), T::tr("silicon (Fd-3m)"), T::tr("none")},
        T::tr("Reflections computed from the crystal structure (bundled CIF) at the file's "
              "wavelength: ticks, indexing and the cell refinement."));
}

ParamSpec xrdPhaseDatasetParam()
{
    using T = XrdAnalysis;
    return datasetRefParam(
        "phase_dataset", T::tr("Reference structure (CIF)"), {QStringLiteral("crystal_structure")},
        T::tr("A crystal structure imported from a CIF file (File ▸ Import): its reflections "
              "replace the bundled phase for ticks, indexing and the cell refinement."));
}

Expected<std::optional<XrdReference>> xrdReference(const QString& phase, std::optional<Id> phaseDatasetId,
                                                   const Dataset* phaseDs, double lambda1, double lo,
                                                   double hi)
{
    if (!phaseDatasetId && phase == QLatin1String("none")) return std::optional<XrdReference>();
    Expected<CrystalStructure> structure = fail("", "parameter 'phase_dataset'", "no structure");
    XrdReference out;
    if (phaseDatasetId) {
        if (!phaseDs)
            return fail("", "parameter 'phase_dataset'", "the crystal structure is not in the project");
        const QString cif = phaseDs->metadata().value("cif_text").toString();
        const std::string where = location(*phaseDs);
        if (cif.isEmpty())
            return fail(where, "", "the reference dataset holds no CIF text: not a crystal structure");
        const QByteArray utf8 = cif.toUtf8();
        structure = readCifStructure(std::string_view(utf8.constData(), std::size_t(utf8.size())), where);
        if (!structure) {
            Error e = structure.error();
            e.reason = "not a crystal structure: " + e.reason;
            return std::unexpected(e);
        }
        const QString formula = phaseDs->metadata().value("formula").toString();
        out.name = formula.isEmpty() ? phaseDs->name() : QString(formula).remove(QLatin1Char(' '));
    } else {
        structure = bundledPhase(phase);
        if (!structure) return std::unexpected(structure.error());
        out.name = phase;
    }
    ReflectionOptions ro;
    ro.wavelengthA = lambda1;
    ro.twoThetaMinDeg = std::max(1.0, lo);
    ro.twoThetaMaxDeg = std::min(179.0, hi);
    auto ref = computeReflectionList(*structure, ro);
    if (!ref) return std::unexpected(ref.error());
    out.reflections = std::move(*ref);
    return std::optional<XrdReference>(std::move(out));
}

Expected<Indexing> xrdIndex(std::span<const ObservedPeak> observed, const XrdReference& reference,
                            double toleranceDeg, bool searchZeroShift)
{
    IndexingOptions io;
    io.toleranceDeg = toleranceDeg;
    io.searchZeroShift = searchZeroShift;
    return indexPeaks(observed, reference.reflections, io);
}

QString xrdHklText(const IndexedPeak& peak, const ReflectionList& reference)
{
    QStringList hkl;
    for (std::size_t r : peak.reflections)
        if (r < reference.reflections.size()) hkl << hklText(reference.reflections[r]);
    return hkl.join(QStringLiteral(" + "));
}

ParamTable<XrdParams> XrdAnalysis::paramTable()
{
    ParamTable<XrdParams> t;
    t.field(&XrdParams::phase, xrdPhaseParam());
    t.field(&XrdParams::phaseDataset, xrdPhaseDatasetParam());
    ParamSpec lambda = numberParam("wavelength_angstrom", tr("Wavelength Kα1"), QStringLiteral("Å"), 0.0, 0.1,
                                   3.5, tr("Leave empty to use the wavelength the file states."));
    lambda.optional = true;
    lambda.defaultValue = QJsonValue(QJsonValue::Null);
    lambda.advanced = true;
    t.field(&XrdParams::wavelengthAngstrom, lambda);
    t.field(&XrdParams::thresholdSigma,
            numberParam("threshold_sigma", tr("Peak threshold"), QStringLiteral("σ"), 5.0, 2.0, 100.0,
                        tr("A peak must stand this many counting-noise standard deviations above its "
                           "surroundings (5: no false peaks on pure noise).")));
    t.field(&XrdParams::profile,
            choiceParam("profile", tr("Profile"),
                        {"pseudo_voigt", "split_pseudo_voigt", "pearson_vii", "voigt"}, "pseudo_voigt",
                        {tr("pseudo-Voigt"), tr("split pseudo-Voigt"), tr("Pearson VII"), tr("Voigt")},
                        tr("Line shape of the profile fit (Voigt: Gaussian and Lorentzian widths apart, best "
                           "for sizes).")));
    t.field(&XrdParams::kalphaDoublets,
            boolParam("kalpha_doublets", tr("Kα1/Kα2 doublets"), true,
                      tr("Fit each line as a Kα1/Kα2 pair at the file's wavelengths (positions and widths "
                         "are then those of Kα1).")));
    t.field(&XrdParams::amorphousHump,
            boolParam("amorphous_hump", tr("Amorphous hump"), false,
                      tr("Add a broad component under the lines, so that weak lines do not swallow an "
                         "amorphous hump.")));
    t.last().advanced = true;
    t.field(&XrdParams::indexToleranceDeg,
            numberParam("index_tolerance_deg", tr("Indexing tolerance"), QStringLiteral("°"), 0.15, 0.01, 2.0,
                        tr("An observed peak takes a reference line within this |Δ2θ| (or half its FWHM when "
                           "wider).")));
    t.field(
        &XrdParams::positionCorrection,
        choiceParam("position_correction", tr("Position correction"),
                    {"displacement", "zero_shift", "both", "none"}, "displacement",
                    {tr("sample displacement"), tr("zero shift"), tr("both"), tr("none")},
                    tr("Refined with the cell: a sample-height displacement (Δ2θ ∝ cos θ, Bragg–Brentano), "
                       "a constant zero shift, or both (strongly correlated over a short range).")));
    t.field(&XrdParams::geometry,
            choiceParam("geometry", tr("Geometry"), {"auto", "reflection", "transmission"}, "auto",
                        {tr("from the file"), tr("reflection (Bragg–Brentano)"),
                         tr("transmission (capillary, Debye–Scherrer)")},
                        tr("Form of the displacement term: Δ2θ ∝ cos θ for a flat specimen in reflection, "
                           "∝ cos 2θ for a capillary off the axis. 'From the file': what the file states, "
                           "else reflection.")));
    t.last().advanced = true;
    t.field(&XrdParams::dSpacingAxis, boolParam("d_spacing_axis", tr("d-spacing top axis"), false,
                                                tr("Label the top axis of the pattern figures with d = "
                                                   "λ/(2 sin θ) in Å.")));
    t.field(&XrdParams::intensityScale,
            choiceParam("intensity_scale", tr("Intensity scale"), {"linear", "sqrt", "log"}, "linear",
                        {tr("linear"), tr("square root"), tr("logarithmic")},
                        tr("How the stacked patterns draw their intensity: √I or log I bring weak lines "
                           "(an impurity, the amorphous hump) up beside the strong ones. The analysis is "
                           "unchanged.")));
    t.field(&XrdParams::scherrerK, numberParam("scherrer_k", tr("Scherrer K"), {}, 0.9, 0.5, 2.0,
                                               tr("Shape factor: 0.9 with the FWHM, ≈ 1 with the "
                                                  "integral breadth (Langford & Wilson 1978).")));
    t.field(&XrdParams::breadth, choiceParam("breadth", tr("Breadth"), {"fwhm", "integral_breadth"}, "fwhm",
                                             {tr("FWHM"), tr("integral breadth")},
                                             tr("Which width enters Scherrer and "
                                                "Williamson–Hall.")));
    t.field(&XrdParams::cagliotiU,
            numberParam("caglioti_u", tr("Instrument U"), QStringLiteral("deg²"), 0.0, -1.0, 1.0,
                        tr("Caglioti Γ² = U tan²θ + V tanθ + W of the instrument "
                           "(from a standard such as LaB6 or Si); all 0: not "
                           "removed, sizes are lower bounds.")));
    t.last().advanced = true;
    t.field(&XrdParams::cagliotiV,
            numberParam("caglioti_v", tr("Instrument V"), QStringLiteral("deg²"), 0.0, -1.0, 1.0, {}));
    t.last().advanced = true;
    t.field(&XrdParams::cagliotiW,
            numberParam("caglioti_w", tr("Instrument W"), QStringLiteral("deg²"), 0.0, -1.0, 1.0, {}));
    t.last().advanced = true;
    t.field(&XrdParams::instrumentDataset,
            datasetRefParam("instrument_dataset", tr("Instrument function"),
                            {QStringLiteral("instrument_function")},
                            tr("An instrument function fitted to a standard measured on this instrument "
                               "(saved from the XRD tab or with --write-instrument, then imported): it "
                               "replaces the manual U, V, W.")));
    t.field(
        &XrdParams::background,
        choiceParam("background", tr("Background"), {"snip", "points_spline", "points_polynomial"}, "snip",
                    {tr("SNIP (automatic)"), tr("spline through points"), tr("polynomial through points")},
                    tr("SNIP clips the peaks off automatically; the points modes draw a natural cubic "
                       "spline or a least-squares polynomial through anchors you place with Ctrl+click "
                       "on the profile fit (each at the smoothed intensity there).")));
    t.field(&XrdParams::backgroundDegree,
            integerParam("background_degree", tr("Polynomial degree"), {}, 3, 0, 10,
                         tr("Degree of the polynomial through the background points (lowered when there "
                            "are fewer points than degree + 1).")));
    t.last().advanced = true;
    ParamTable<XrdPosition> position;
    position.field(&XrdPosition::twoThetaDeg,
                   numberParam("two_theta_deg", tr("2θ"), QStringLiteral("°"), 0.0, 0.0, 180.0));
    auto positionList = [](const char* key, const QString& label, const QString& help) {
        ParamSpec s;
        s.key = QString::fromLatin1(key);
        s.label = label;
        s.type = ParamSpec::Type::Table;
        s.unit = QStringLiteral("°");
        s.defaultValue = QJsonArray();
        s.help = help;
        return s;
    };
    t.table(&XrdParams::addedPeaks,
            positionList("added_peaks_deg", tr("Peaks added"),
                         tr("Lines fitted besides those the peak search finds, started at these 2θ with the "
                            "height of the pattern there. Double-click the profile fit to add one, drag its "
                            "marker to move it, right-click it to take it out.")),
            position);
    t.table(&XrdParams::removedPeaks,
            positionList("removed_peaks_deg", tr("Peaks removed"),
                         tr("Peaks the search found within the indexing tolerance of these 2θ are left out "
                            "of the fit. Shift+click a peak on the profile fit to remove it; right-click the "
                            "marker to bring the peak back.")),
            position);
    t.table(&XrdParams::backgroundAnchors,
            positionList("background_anchors_deg", tr("Background points"),
                         tr("2θ of the points the background passes through (modes 'spline' and "
                            "'polynomial through points'). Ctrl+click the profile fit to add one, drag its "
                            "marker to move it, right-click it to take it out.")),
            position);
    return t;
}

ParamTable<XrdParams> xrdParamTable()
{
    return XrdAnalysis::paramTable();
}

Expected<QJsonObject> computeXrd(const Dataset& ds, const QJsonObject& given, const Dataset* phaseDs,
                                 const Dataset* instrumentDs)
{
    const std::string file = location(ds);
    auto withFile = [&](Error e) {
        if (e.file.empty()) e.file = file;
        return std::unexpected(std::move(e));
    };
    auto params = xrdParamTable().read(given);
    if (!params) return withFile(params.error());
    const XrdParams& p = *params;
    if (auto ok = ds.ensureLoaded(); !ok) return std::unexpected(ok.error());
    const Column* xc = figures::find(ds, "2Theta");
    const Column* yc = figures::find(ds, "Intensity");
    if (!xc || !yc) return fail(file, "", "the dataset has no '2Theta' and 'Intensity' columns");
    if (xc->values.size() != yc->values.size() || xc->values.size() < 16)
        return fail(file, "", "the pattern has fewer than 16 points or columns of different lengths");
    const std::vector<double>& x = xc->values;
    const std::vector<double>& y = yc->values;

    QJsonArray warnings;
    const QJsonObject meta = ds.metadata();
    const double lambda1 = p.wavelengthAngstrom.value_or(meta.value("wavelength_angstrom").toDouble(0.0));
    if (!(lambda1 > 0.1 && lambda1 < 3.5))
        return fail(file, "wavelength",
                    "the file states no wavelength; give the Kα1 wavelength (parameter wavelength_angstrom, "
                    "--wavelength)");
    // The displacement term follows the geometry: the parameter, else what the file says, else reflection.
    const QString geometry = p.geometry != QLatin1String("auto") ? p.geometry
                             : meta.value("geometry").toString() == QLatin1String("transmission")
                                 ? QStringLiteral("transmission")
                                 : QStringLiteral("reflection");
    const double lambda2 = meta.value("wavelength2_angstrom").toDouble(0.0);
    const double ratio = meta.value("ka2_ka1_ratio").toDouble(constants::cuKa2Ratio);
    bool doublets = p.kalphaDoublets && lambda2 > lambda1 && !p.wavelengthAngstrom;
    KalphaDoublet doublet{lambda1, doublets ? lambda2 : lambda1, doublets ? ratio : 0.0};
    const double stepDeg = (x.back() - x.front()) / double(x.size() - 1);
    // Counting statistics: cps data carry their counting time in the metadata (step_time_s).
    const double stepTime = yc->unit.contains(QLatin1String("cps"), Qt::CaseInsensitive)
                                ? meta.value("step_time_s").toDouble(1.0)
                                : 1.0;

    // ---- Background ----
    const double fwhmGuess = estimateFwhmDeg(x, y, {});
    // SNIP clips over 3 line widths: narrower windows cut into the feet of broad lines (6 nm crystallites)
    // and make them look narrower, i.e. the crystallites larger (about +10 % at 1.5 widths).
    SnipOptions so;
    so.windowPoints = snipWindowForFwhm(std::isfinite(fwhmGuess) ? fwhmGuess : 0.3, stepDeg, 3.0);
    so.smoothingPoints = 5;
    auto background = snipBackground(y, so);
    if (!background) return withFile(background.error());
    // A background through the user's points replaces SNIP when there are enough of them; otherwise SNIP
    // stays, with a warning saying why.
    QString backgroundUsed = QStringLiteral("snip");
    QJsonArray anchorsOut;
    if (p.background != QLatin1String("snip")) {
        const bool spline = p.background == QLatin1String("points_spline");
        std::vector<double> anchors;
        for (const XrdPosition& a : p.backgroundAnchors) {
            if (a.twoThetaDeg < x.front() || a.twoThetaDeg > x.back()) {
                warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                            "The background point at %1° is outside the "
                                                            "pattern (%2–%3°): left out.")
                                    .arg(a.twoThetaDeg)
                                    .arg(x.front())
                                    .arg(x.back()));
                continue;
            }
            anchors.push_back(a.twoThetaDeg);
        }
        const std::size_t needed = spline ? 2 : 1;
        if (anchors.size() < needed) {
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                        "The background through points needs at least %1 "
                                                        "point(s) inside the pattern, there are %2: SNIP is "
                                                        "used instead. Ctrl+click the profile fit where "
                                                        "there is only background.")
                                .arg(needed)
                                .arg(anchors.size()));
        } else {
            AnchorOptions ao;
            ao.curve = spline ? AnchorCurve::NaturalSpline : AnchorCurve::Polynomial;
            ao.polynomialDegree = p.backgroundDegree;
            // The level at each point: the mean over ± one line width, so a click does not pin the
            // background to one noisy count (a user places the points between the lines).
            ao.averageHalfWidthPoints =
                std::max(3, int(std::lround((std::isfinite(fwhmGuess) ? fwhmGuess : 0.2) / stepDeg)));
            std::sort(anchors.begin(), anchors.end());
            std::size_t distinct = anchors.empty() ? 0 : 1;
            for (std::size_t i = 1; i < anchors.size(); ++i)
                if (anchors[i] - anchors[i - 1] > 0.5 * stepDeg) ++distinct;
            if (!spline && int(distinct) < p.backgroundDegree + 1)
                warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                            "A polynomial of degree %1 needs %2 background "
                                                            "points, there are %3: degree %4 is used.")
                                    .arg(p.backgroundDegree)
                                    .arg(p.backgroundDegree + 1)
                                    .arg(distinct)
                                    .arg(int(distinct) - 1));
            auto through = anchorBackground(x, y, anchors, ao);
            if (!through) return withFile(through.error());
            *background = std::move(*through);
            backgroundUsed = p.background;
            for (double a : anchors) {
                const std::size_t i = std::min<std::size_t>(
                    x.size() - 1, std::size_t(std::lower_bound(x.begin(), x.end(), a) - x.begin()));
                const std::size_t j = i > 0 ? i - 1 : i;
                const double t = x[i] > x[j] ? (a - x[j]) / (x[i] - x[j]) : 0.0;
                anchorsOut.append(QJsonObject{
                    {"two_theta_deg", a},
                    {"intensity", jsonNumber((*background)[j] + t * ((*background)[i] - (*background)[j]))}});
            }
        }
    }

    // ---- Peak search ----
    std::vector<ProfilePeakStart> starts;
    QStringList searchWarnings;
    auto findPeaks = [&]() -> Expected<void> {
        PeakSearchOptions po;
        po.thresholdSigma = p.thresholdSigma;
        po.countsPerUnit = stepTime;
        po.skipKalpha2 = doublets;
        po.doublet = doublet;
        po.expectedFwhmDeg = std::isfinite(fwhmGuess) ? fwhmGuess : 0.0;
        auto search = searchPeaks(x, y, *background, po);
        if (!search) return std::unexpected(search.error());
        searchWarnings.clear();
        for (const std::string& w : search->warnings)
            searchWarnings << QString::fromStdString(w);
        starts.clear();
        for (const FoundPeak& f : search->peaks) {
            if (f.kalpha2Satellite) continue;
            ProfilePeakStart s;
            s.twoThetaDeg = f.twoThetaDeg;
            s.fwhmDeg = std::max(f.fwhmDeg, 2.0 * stepDeg);
            s.height = f.height;
            starts.push_back(s);
        }
        return {};
    };
    if (auto ok = findPeaks(); !ok) return withFile(ok.error());

    // ---- Kα2 present? ----
    // A primary Johansson monochromator removes Kα2 while the file still states λ2 and the ratio; doublets
    // fitted to Kα1-only lines put Kα1 too low by up to a third of the splitting (SRM 640d: a 0.003 Å too
    // small). The resolved high-angle lines tell.
    bool kalpha2Tested = false;
    if (doublets) {
        ProfileFitOptions to;
        to.kalphaDoublets = true;
        to.doublet = doublet;
        to.countsPerUnit = stepTime;
        const Kalpha2Evidence ev = testKalpha2(ProfileFitData{x, y, *background, {}}, starts, to);
        kalpha2Tested = ev.tested;
        if (ev.tested && !ev.present) {
            doublets = false;
            doublet = KalphaDoublet{lambda1, lambda1, 0.0};
            warnings.append(QCoreApplication::translate(
                                "vanadis::XrdAnalysis",
                                "The file states Kα2 (%1 Å) but the resolved lines show none (a Kα1 "
                                "monochromator?): the lines are fitted as single Kα1 lines.")
                                .arg(lambda2));
            if (auto ok = findPeaks(); !ok) return withFile(ok.error());
        }
    }
    for (const QString& w : searchWarnings)
        warnings.append(w);

    // ---- Peaks the user removed and added on the plot ----
    // A removed position drops every automatic peak within the indexing tolerance of it; an added one
    // becomes a line of its own, started at the clicked 2θ with the net height of the pattern there.
    QJsonArray removedByUser, addedByUser;
    for (const XrdPosition& r : p.removedPeaks) {
        QJsonArray dropped;
        std::erase_if(starts, [&](const ProfilePeakStart& s) {
            if (std::abs(s.twoThetaDeg - r.twoThetaDeg) > p.indexToleranceDeg) return false;
            dropped.append(jsonNumber(s.twoThetaDeg));
            return true;
        });
        removedByUser.append(
            QJsonObject{{"requested_two_theta_deg", r.twoThetaDeg}, {"dropped_two_theta_deg", dropped}});
    }
    std::vector<bool> userAdded(starts.size(), false);
    for (const XrdPosition& a : p.addedPeaks) {
        if (a.twoThetaDeg <= x.front() || a.twoThetaDeg >= x.back()) {
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                        "The added peak at %1° is outside the pattern "
                                                        "(%2–%3°): left out.")
                                .arg(a.twoThetaDeg)
                                .arg(x.front())
                                .arg(x.back()));
            continue;
        }
        const std::size_t i = std::size_t(std::lower_bound(x.begin(), x.end(), a.twoThetaDeg) - x.begin());
        ProfilePeakStart s;
        s.twoThetaDeg = a.twoThetaDeg;
        s.fwhmDeg = std::max(std::isfinite(fwhmGuess) ? fwhmGuess : 0.3, 2.0 * stepDeg);
        s.height = std::max(y[i] - (*background)[i], 1.0);
        starts.push_back(s);
        userAdded.push_back(true);
    }
    {
        // In 2θ order, as the search gives them (the fit, the indexing and the figures expect it).
        std::vector<std::size_t> order(starts.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) {
            return starts[l].twoThetaDeg < starts[r].twoThetaDeg;
        });
        std::vector<ProfilePeakStart> sorted;
        std::vector<bool> flags;
        for (std::size_t k : order)
            sorted.push_back(starts[k]), flags.push_back(userAdded[k]);
        starts = std::move(sorted);
        userAdded = std::move(flags);
    }
    if (starts.empty())
        return fail(file, "", "no peaks above the threshold: the pattern shows no reflections");

    // ---- Profile fit ----
    ProfileFitOptions fo;
    fo.shape = shapeOf(p.profile);
    fo.kalphaDoublets = doublets;
    fo.doublet = doublet;
    fo.countsPerUnit = stepTime;
    // The user's background is the background: no polynomial of the fit's own on top of it.
    if (backgroundUsed != QLatin1String("snip")) fo.backgroundDegree = -1;
    std::vector<ProfileHumpStart> humps;
    if (p.amorphousHump) {
        // Where the background rises most above the straight line between its ends.
        const std::vector<double>& b = *background;
        std::size_t best = 0;
        double most = -1.0;
        for (std::size_t i = 0; i < b.size(); ++i) {
            const double line = b.front() + (b.back() - b.front()) * double(i) / double(b.size() - 1);
            if (b[i] - line > most) most = b[i] - line, best = i;
        }
        humps.push_back({x[best], 8.0, std::max(most, 1.0), 2.0});
    }
    // The hump replaces SNIP (which would clip it into the background); a background through the user's
    // points stays under it.
    const bool useFixedBackground = !p.amorphousHump || backgroundUsed != QLatin1String("snip");
    ProfileFitData data{
        x, y, useFixedBackground ? std::span<const double>(*background) : std::span<const double>(), {}};
    auto fit = fitProfiles(data, starts, humps, fo);
    if (!fit) return withFile(fit.error());
    for (const std::string& w : fit->warnings)
        warnings.append(QString::fromStdString(w));

    // ---- Reference, indexing, cell ----
    QString phaseName = p.phase;
    std::optional<ReflectionList> reference;
    std::optional<Indexing> indexing;
    std::optional<LatticeRefinement> lattice;
    std::vector<ObservedPeak> observed;
    std::vector<TubeLine> satelliteLines;
    std::vector<SatelliteMatch> satellites;
    for (const ProfilePeak& pk : fit->peaks)
        observed.push_back({pk.twoThetaDeg, pk.twoThetaErrDeg, pk.fwhmDeg, pk.height});
    auto phaseRef = xrdReference(p.phase, p.phaseDataset, phaseDs, lambda1, x.front(), x.back());
    if (!phaseRef) return withFile(phaseRef.error());
    if (*phaseRef) {
        phaseName = (*phaseRef)->name;
        reference = (*phaseRef)->reflections;
        auto idx = xrdIndex(observed, **phaseRef, p.indexToleranceDeg,
                            p.positionCorrection != QLatin1String("none"));
        if (!idx) return withFile(idx.error());
        indexing = *idx;
        for (const std::string& w : idx->warnings)
            warnings.append(QString::fromStdString(w));
        // Peaks no phase line explains may be the tube's Kβ or W Lα1 image of a strong indexed line:
        // they are named as such, not as an impurity (TubeSatellites.h).
        {
            std::vector<SatellitePeak> sp;
            std::vector<std::size_t> parents;
            for (std::size_t i = 0; i < observed.size(); ++i) {
                sp.push_back({observed[i].twoThetaDeg, observed[i].fwhmDeg, observed[i].height});
                if (i < indexing->peaks.size() && indexing->peaks[i].indexed) parents.push_back(i);
            }
            satelliteLines = tubeSatelliteLines(lambda1);
            satellites = matchTubeSatellites(sp, indexing->unindexedPeaks, parents, satelliteLines, lambda1,
                                             indexing->zeroShiftDeg);
            std::vector<std::size_t> left;
            for (std::size_t i : indexing->unindexedPeaks)
                if (std::none_of(satellites.begin(), satellites.end(),
                                 [i](const SatelliteMatch& m) { return m.peak == i; }))
                    left.push_back(i);
            indexing->unindexedPeaks = left;
        }
        // A cell refined from a pattern the phase does not explain is a wrong number, not a result:
        // when fewer than half of the peaks (tube satellites aside) index, say so and report no cell.
        const bool phaseMatches = 2 * indexing->indexedCount >= observed.size() - satellites.size();
        if (!phaseMatches)
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                        "Only %1 of %2 peaks match %3: the pattern is not "
                                                        "this phase, so no cell is refined. Choose the "
                                                        "phase of the sample.")
                                .arg(indexing->indexedCount)
                                .arg(observed.size())
                                .arg(phaseName));
        const std::vector<RefinementLine> lines =
            phaseMatches ? refinementLines(observed, *indexing, *reference) : std::vector<RefinementLine>{};
        RefinementOptions lo;
        lo.wavelengthA = lambda1;
        lo.system = reference->latticeSystem;
        lo.correction =
            p.positionCorrection == QLatin1String("zero_shift") ? PositionCorrection::ZeroShift
            : p.positionCorrection == QLatin1String("both")     ? PositionCorrection::ZeroShiftAndDisplacement
            : p.positionCorrection == QLatin1String("displacement") ? PositionCorrection::SampleDisplacement
                                                                    : PositionCorrection::None;
        lo.geometry = geometry == QLatin1String("transmission") ? DiffractionGeometry::Transmission
                                                                : DiffractionGeometry::Reflection;
        lo.goniometerRadiusMm = meta.value("goniometer_radius_mm").toDouble(0.0);
        lo.zeroShiftStartDeg = indexing->zeroShiftDeg;
        if (!phaseMatches) {
        } else if (auto l = refineLattice(lines, reference->cell, lo)) {
            lattice = *l;
            for (const std::string& w : l->warnings)
                warnings.append(QString::fromStdString(w));
        } else {
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis", "No cell refinement: %1.")
                                .arg(QString::fromStdString(l.error().reason)));
        }
    }

    // ---- Sizes ----
    SizeOptions size;
    size.wavelengthAngstrom = lambda1;
    size.scherrerK = p.scherrerK;
    size.measure = p.breadth == QLatin1String("integral_breadth") ? BreadthMeasure::IntegralBreadth
                                                                  : BreadthMeasure::Fwhm;
    // The instrument: an imported instrument function takes precedence over the manual U, V, W.
    QJsonObject instrumentOut;
    bool instrumentKnown = false;
    if (p.instrumentDataset) {
        if (!instrumentDs)
            return withFile(
                Error{"", "parameter 'instrument_dataset'", "the instrument function is not in the project"});
        const std::string where = (instrumentDs->provenance().originalFileName.isEmpty()
                                       ? instrumentDs->name()
                                       : instrumentDs->provenance().originalFileName)
                                      .toStdString();
        const QString text = instrumentDs->metadata().value("instrument_json").toString();
        if (text.isEmpty()) return fail(where, "", "the instrument dataset holds no instrument function");
        auto f = parseInstrumentFunction(text.toUtf8(), QString::fromStdString(where));
        if (!f) return std::unexpected(f.error());
        size.instrument = f->broadening();
        instrumentKnown = true;
        instrumentOut = f->toJson();
        instrumentOut.remove("format");
        instrumentOut.remove("version");
        instrumentOut["source"] = QStringLiteral("dataset");
        instrumentOut["dataset_id"] = double(*p.instrumentDataset);
        if (std::abs(f->wavelengthAngstrom / lambda1 - 1.0) > 1e-3)
            warnings.append(
                QCoreApplication::translate("vanadis::XrdAnalysis",
                                            "The instrument function '%1' was measured at λ = %2 Å, "
                                            "this pattern at %3 Å: its widths in 2θ may not apply.")
                    .arg(f->name)
                    .arg(f->wavelengthAngstrom)
                    .arg(lambda1));
        const double lo = f->twoThetaMinDeg, hi = f->twoThetaMaxDeg;
        if (hi > lo && (x.front() < lo - 5.0 || x.back() > hi + 5.0))
            warnings.append(
                QCoreApplication::translate("vanadis::XrdAnalysis",
                                            "The instrument function '%1' was fitted to lines "
                                            "between %2° and %3°; beyond them it is extrapolated.")
                    .arg(f->name)
                    .arg(lo, 0, 'f', 1)
                    .arg(hi, 0, 'f', 1));
    } else if (p.cagliotiU != 0.0 || p.cagliotiV != 0.0 || p.cagliotiW != 0.0) {
        instrumentKnown = true;
        size.instrument.kind = InstrumentBroadening::Kind::Caglioti;
        size.instrument.uDeg2 = p.cagliotiU;
        size.instrument.vDeg2 = p.cagliotiV;
        size.instrument.wDeg2 = p.cagliotiW;
        instrumentOut = QJsonObject{{"source", QStringLiteral("manual")},
                                    {"u_deg2", p.cagliotiU},
                                    {"v_deg2", p.cagliotiV},
                                    {"w_deg2", p.cagliotiW}};
    } else {
        instrumentOut = QJsonObject{{"source", QStringLiteral("none")}};
        warnings.append(QCoreApplication::translate(
            "vanadis::XrdAnalysis",
            "The instrument broadening is not known (Caglioti U, V, W all 0): crystallite sizes are lower "
            "bounds. Fit a standard (LaB6, Si) measured with the same optics and enter its U, V, W."));
    }

    QJsonArray peaks, perPeak;
    std::vector<InstrumentLine> standardLines;
    std::vector<BreadthLine> breadthLines;
    std::vector<double> sizes;
    for (std::size_t i = 0; i < fit->peaks.size(); ++i) {
        const ProfilePeak& pk = fit->peaks[i];
        QJsonObject o;
        o["two_theta_deg"] = jsonNumber(pk.twoThetaDeg);
        o["two_theta_err"] = jsonNumber(pk.twoThetaErrDeg);
        o["fwhm_deg"] = jsonNumber(pk.fwhmDeg);
        o["fwhm_err"] = jsonNumber(pk.fwhmErrDeg);
        o["integral_breadth_deg"] = jsonNumber(pk.integralBreadthDeg);
        o["area"] = jsonNumber(pk.area);
        o["area_err"] = jsonNumber(pk.areaErr);
        o["height"] = jsonNumber(pk.height);
        o["shape_parameter"] = jsonNumber(pk.shapeParameter);
        o["d_angstrom"] = jsonNumber(braggDSpacingA(pk.twoThetaDeg, lambda1));
        const bool byUser = i < userAdded.size() && userAdded[i];
        o["source"] = byUser ? QStringLiteral("user") : QStringLiteral("search");
        if (byUser)
            addedByUser.append(QJsonObject{{"two_theta_deg", jsonNumber(pk.twoThetaDeg)},
                                           {"start_two_theta_deg", starts[i].twoThetaDeg}});
        bool indexed = false;
        if (indexing && i < indexing->peaks.size() && indexing->peaks[i].indexed) {
            const IndexedPeak& ip = indexing->peaks[i];
            o["hkl"] = xrdHklText(ip, *reference);
            o["delta_two_theta_deg"] = jsonNumber(ip.deltaTwoThetaDeg);
            indexed = true;
        } else {
            o["hkl"] = QJsonValue(QJsonValue::Null);
            o["delta_two_theta_deg"] = QJsonValue(QJsonValue::Null);
            for (const SatelliteMatch& m : satellites)
                if (m.peak == i && indexing && m.parent < indexing->peaks.size()) {
                    QStringList hkl;
                    for (std::size_t r : indexing->peaks[m.parent].reflections)
                        hkl << hklText(reference->reflections[r]);
                    o["satellite_of"] =
                        QJsonObject{{"line", QString::fromStdString(satelliteLines[m.line].name)},
                                    {"hkl", hkl.join(QStringLiteral(" + "))},
                                    {"parent_two_theta_deg", jsonNumber(fit->peaks[m.parent].twoThetaDeg)},
                                    {"expected_two_theta_deg", jsonNumber(m.expectedTwoThetaDeg)},
                                    {"height_ratio", jsonNumber(pk.height / fit->peaks[m.parent].height)}};
                }
        }
        BreadthLine bl{pk.twoThetaDeg,
                       pk.fwhmDeg,
                       pk.fwhmErrDeg,
                       pk.integralBreadthDeg,
                       pk.integralBreadthErrDeg,
                       fo.shape == ProfileShape::Voigt ? pk.widths : VoigtWidths{}};
        // The line as a line of a profile standard (the instrument fit below): indexed lines only when a
        // phase is given, so that an impurity does not bend the curve.
        if ((indexed || !indexing) && pk.fwhmDeg > 0.0) {
            const VoigtWidths w = fo.shape == ProfileShape::Voigt && (pk.widths.gaussFwhmDeg > 0.0)
                                      ? pk.widths
                                      : voigtWidthsFromBreadths(pk.fwhmDeg, pk.integralBreadthDeg);
            const double err = std::isfinite(pk.fwhmErrDeg) ? pk.fwhmErrDeg : 0.0;
            standardLines.push_back({pk.twoThetaDeg, w.gaussFwhmDeg, err, w.lorentzFwhmDeg, err, pk.fwhmDeg});
        }
        if (auto s = scherrerSize(bl, size); s && std::isfinite(s->sizeNm)) {
            o["size_nm"] = jsonNumber(s->sizeNm);
            o["size_err"] = jsonNumber(s->sizeErrNm);
            if (indexed || !indexing) {
                sizes.push_back(s->sizeNm);
                breadthLines.push_back(bl);
                perPeak.append(QJsonObject{{"two_theta_deg", jsonNumber(pk.twoThetaDeg)},
                                           {"size_nm", jsonNumber(s->sizeNm)},
                                           {"size_err", jsonNumber(s->sizeErrNm)}});
            }
        } else {
            o["size_nm"] = QJsonValue(QJsonValue::Null);
            o["size_err"] = QJsonValue(QJsonValue::Null);
        }
        peaks.append(o);
    }

    XrdResult res; // the declared outputs, written by xrdResultTable() at the end
    QJsonObject out;
    out["wavelength_angstrom"] = lambda1;
    out["wavelength2_angstrom"] = doublets ? QJsonValue(lambda2) : QJsonValue(QJsonValue::Null);
    out["kalpha2_modelled"] = doublets;
    out["kalpha2_tested"] = kalpha2Tested;
    out["phase"] = phaseName;
    out["phase_source"] = p.phaseDataset ? QStringLiteral("cif") : QStringLiteral("bundled");
    out["peaks"] = peaks;
    out["user_peaks"] = QJsonObject{{"added", addedByUser}, {"removed", removedByUser}};
    out["background"] =
        QJsonObject{{"mode", backgroundUsed}, {"requested", p.background}, {"anchors", anchorsOut}};
    out["instrument"] = instrumentOut;
    // The pattern read as a line-profile standard (its own broadening negligible): the instrument function
    // its lines give, for "Save as instrument function…" and --write-instrument.
    if (auto cf = fitCagliotiFunction(standardLines)) {
        QJsonArray lines;
        for (std::size_t i = 0; i < standardLines.size(); ++i) {
            double eta = 0.0;
            instrumentFwhmDeg(cf->broadening(), standardLines[i].twoThetaDeg, &eta);
            lines.append(QJsonObject{{"two_theta_deg", jsonNumber(standardLines[i].twoThetaDeg)},
                                     {"fwhm_deg", jsonNumber(standardLines[i].fwhmDeg)},
                                     {"gauss_fwhm_deg", jsonNumber(standardLines[i].gaussFwhmDeg)},
                                     {"lorentz_fwhm_deg", jsonNumber(standardLines[i].lorentzFwhmDeg)},
                                     {"function_fwhm_deg", jsonNumber(cf->functionFwhmDeg[i])},
                                     {"function_eta", jsonNumber(eta)},
                                     {"residual_pct", jsonNumber(cf->residualPct[i])},
                                     {"used", bool(cf->used[i])}});
        }
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i = 0; i < standardLines.size(); ++i)
            if (cf->used[i])
                lo = std::min(lo, standardLines[i].twoThetaDeg),
                hi = std::max(hi, standardLines[i].twoThetaDeg);
        out["instrument_fit"] = QJsonObject{{"u_deg2", jsonNumber(cf->uDeg2)},
                                            {"u_err", jsonNumber(cf->uErrDeg2)},
                                            {"v_deg2", jsonNumber(cf->vDeg2)},
                                            {"v_err", jsonNumber(cf->vErrDeg2)},
                                            {"w_deg2", jsonNumber(cf->wDeg2)},
                                            {"w_err", jsonNumber(cf->wErrDeg2)},
                                            {"x_deg", jsonNumber(cf->xDeg)},
                                            {"x_err", jsonNumber(cf->xErrDeg)},
                                            {"y_deg", jsonNumber(cf->yDeg)},
                                            {"y_err", jsonNumber(cf->yErrDeg)},
                                            {"lorentzian_fitted", cf->lorentzianFitted},
                                            {"correlation_uv", jsonNumber(cf->correlationUV)},
                                            {"correlation_uw", jsonNumber(cf->correlationUW)},
                                            {"correlation_vw", jsonNumber(cf->correlationVW)},
                                            {"chi2_reduced", jsonNumber(cf->chi2Reduced)},
                                            {"rms_residual_pct", jsonNumber(cf->rmsResidualPct)},
                                            {"max_residual_pct", jsonNumber(cf->maxResidualPct)},
                                            {"n_lines", cf->nLines},
                                            {"two_theta_min_deg", jsonNumber(lo)},
                                            {"two_theta_max_deg", jsonNumber(hi)},
                                            {"lines", lines},
                                            {"warnings", strings(cf->warnings)}};
    } else {
        out["instrument_fit"] = QJsonValue(QJsonValue::Null);
    }
    res.nPeaks = int(fit->peaks.size());

    // Crystallite size: the mean over the indexed lines, with the standard error of that mean.
    QJsonObject scherrer;
    if (!sizes.empty()) {
        const double mean = std::accumulate(sizes.begin(), sizes.end(), 0.0) / double(sizes.size());
        double ss = 0.0;
        for (double s : sizes)
            ss += (s - mean) * (s - mean);
        const double sem = sizes.size() > 1 ? std::sqrt(ss / double(sizes.size() - 1) / double(sizes.size()))
                                            : std::numeric_limits<double>::quiet_NaN();
        res.scherrerSizeNm = {mean, sem};
    }
    scherrer["per_peak"] = perPeak;
    scherrer["k"] = p.scherrerK;
    scherrer["instrument_removed"] = instrumentKnown;
    out["scherrer_size_nm"] = scherrer;

    QJsonObject wh;
    if (breadthLines.size() >= 3) {
        if (auto w = williamsonHall(breadthLines, size)) {
            res.williamsonHallSizeNm = {w->sizeNm, w->sizeErrNm};
            res.williamsonHallStrain = {w->microstrain, w->microstrainErr};
            wh["r2"] = jsonNumber(w->r2);
            QJsonArray pts;
            for (std::size_t i = 0; i < w->fourSinTheta.size(); ++i)
                pts.append(QJsonObject{{"four_sin_theta", jsonNumber(w->fourSinTheta[i])},
                                       {"beta_cos_theta_rad", jsonNumber(w->betaCosThetaRad[i])}});
            wh["points"] = pts;
            for (const std::string& s : w->warnings)
                warnings.append(QString::fromStdString(s));
        }
    }
    out["williamson_hall"] = wh;

    QJsonObject lat;
    if (lattice) {
        lat["system"] = QString::fromLatin1(latticeSystemName(lattice->system));
        lat["b_angstrom"] = jsonNumber(lattice->cell.bA);
        res.aAngstrom = {lattice->cell.aA, lattice->esd.aA};
        res.cAngstrom = {lattice->cell.cA, lattice->esd.cA};
        res.volumeA3 = {lattice->volumeA3, lattice->volumeEsdA3};
        res.zeroShiftDeg = {lattice->zeroShiftDeg, lattice->zeroShiftEsdDeg};
        res.displacementCoefficientDeg = {lattice->displacementCoefDeg, lattice->displacementCoefEsdDeg};
        lat["displacement_mm"] = jsonNumber(lattice->displacementMm);
        lat["displacement_err_mm"] = jsonNumber(lattice->displacementEsdMm);
        lat["n_lines"] = int(lattice->lines.size());
        lat["geometry"] = geometry;
        lat["residual_sd_deg"] = jsonNumber(lattice->residualSdDeg);
        out["lattice"] = lat;
    } else {
        out["lattice"] = QJsonValue(QJsonValue::Null);
    }
    QJsonArray unindexed, missing, refs;
    if (indexing) {
        for (std::size_t i : indexing->unindexedPeaks)
            unindexed.append(QJsonObject{{"two_theta_deg", jsonNumber(fit->peaks[i].twoThetaDeg)},
                                         {"height", jsonNumber(fit->peaks[i].height)}});
        for (std::size_t r : indexing->missingReflections)
            missing.append(hklText(reference->reflections[r]));
        if (!satellites.empty()) {
            QStringList names;
            for (const SatelliteMatch& m : satellites)
                if (!names.contains(QString::fromStdString(satelliteLines[m.line].name)))
                    names << QString::fromStdString(satelliteLines[m.line].name);
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                        "%1 weak peak(s) lie where the tube's %2 line of a "
                                                        "strong reflection falls: they are the source's "
                                                        "spectrum, not another phase (a Kβ filter or a "
                                                        "monochromator removes them).")
                                .arg(satellites.size())
                                .arg(names.join(QStringLiteral(", "))));
        }
        if (!indexing->unindexedPeaks.empty())
            warnings.append(QCoreApplication::translate("vanadis::XrdAnalysis",
                                                        "%1 peak(s) match no %2 reflection: a possible "
                                                        "impurity or another phase.")
                                .arg(indexing->unindexedPeaks.size())
                                .arg(phaseName));
    }
    if (reference) {
        const ReflectionList shown =
            lattice ? repositionReflections(*reference, lattice->cell, lambda1) : *reference;
        for (const Reflection& r : shown.reflections)
            refs.append(QJsonObject{
                {"hkl", hklText(r)},
                {"two_theta_deg", jsonNumber(r.twoThetaDeg + (lattice ? lattice->zeroShiftDeg : 0.0))},
                {"d_angstrom", jsonNumber(r.dA)},
                {"relative_intensity", jsonNumber(r.relativeIntensity)}});
    }
    out["unindexed_peaks"] = unindexed;
    QJsonArray satelliteOut;
    for (const SatelliteMatch& m : satellites)
        satelliteOut.append(
            QJsonObject{{"two_theta_deg", jsonNumber(fit->peaks[m.peak].twoThetaDeg)},
                        {"height", jsonNumber(fit->peaks[m.peak].height)},
                        {"line", QString::fromStdString(satelliteLines[m.line].name)},
                        {"parent_two_theta_deg", jsonNumber(fit->peaks[m.parent].twoThetaDeg)},
                        {"delta_two_theta_deg", jsonNumber(m.deltaTwoThetaDeg)}});
    out["satellite_peaks"] = satelliteOut;
    out["missing_reflections"] = missing;
    out["reference"] = refs;

    // Curves for the figures, thinned to at most 3000 points: background and total model.
    QJsonArray curve;
    const std::size_t stride = std::max<std::size_t>(1, (x.size() + 2999) / 3000);
    std::vector<double> model(x.size(), 0.0);
    for (const ProfilePeak& pk : fit->peaks) {
        const std::vector<double> c = peakCurve(pk, fo, x);
        for (std::size_t i = 0; i < x.size(); ++i)
            model[i] += c[i];
    }
    for (const ProfileHump& h : fit->humps) {
        const std::vector<double> c = humpCurve(h, x);
        for (std::size_t i = 0; i < x.size(); ++i)
            model[i] += c[i];
    }
    // The regions' own polynomial background on top of SNIP, where a region covers the point.
    std::vector<double> local(x.size(), 0.0);
    for (const ProfileRegion& r : fit->regions)
        for (std::size_t i = r.firstIndex; i <= r.lastIndex && i < x.size(); ++i) {
            double v = 0.0, pw = 1.0;
            for (double c : r.backgroundCoefficients) {
                v += c * pw;
                pw *= x[i] - r.xRefDeg;
            }
            local[i] = v;
        }
    std::vector<int> regionOf(x.size(), -1);
    for (std::size_t k = 0; k < fit->regions.size(); ++k)
        for (std::size_t i = fit->regions[k].firstIndex; i <= fit->regions[k].lastIndex && i < x.size(); ++i)
            regionOf[i] = int(k);
    for (std::size_t i = 0; i < x.size(); i += stride) {
        const double snip = useFixedBackground ? (*background)[i] : 0.0;
        const double bg = snip + local[i];
        QJsonObject pt{
            {"two_theta_deg", x[i]}, {"snip_background", jsonNumber(snip)}, {"region", regionOf[i]}};
        // Model, background and residual exist where a region was fitted (SNIP plus the region's own
        // polynomial); elsewhere nothing was fitted.
        const bool fitted = regionOf[i] >= 0;
        pt["background"] = fitted ? jsonNumber(bg) : QJsonValue(QJsonValue::Null);
        pt["model"] = fitted ? jsonNumber(bg + model[i]) : QJsonValue(QJsonValue::Null);
        pt["residual"] = fitted ? jsonNumber(y[i] - bg - model[i]) : QJsonValue(QJsonValue::Null);
        curve.append(pt);
    }
    out["curve"] = curve;
    // The same sentence for several lines is said once, with how many lines it concerns.
    QStringList order;
    std::map<QString, int> count;
    for (const QJsonValue& w : warnings)
        if (count[w.toString()]++ == 0) order << w.toString();
    QJsonArray said;
    for (const QString& w : order)
        said.append(
            count[w] > 1
                ? QCoreApplication::translate("vanadis::XrdAnalysis", "%1 (%2 lines)").arg(w).arg(count[w])
                : w);
    out["warnings"] = said;
    // Into the objects made above (a null lattice stays null: no cell, no cell values).
    if (auto w = xrdResultTable().write(res, out); !w) return std::unexpected(w.error());
    return out;
}

const ResultTable<XrdResult>& xrdResultTable()
{
    static const ResultTable<XrdResult> t = [] {
        const auto tr = [](const char* s) { return translated("vanadis::XrdAnalysis", s); };
        using R = XrdResult;
        ResultTable<R> t;
        t.measured(&R::aAngstrom, "lattice.a_angstrom", "lattice.a_err", tr("Lattice parameter a"),
                   QStringLiteral("Å"))
            .headline(tr("a (Å)"))
            .significant(6);
        t.measured(&R::cAngstrom, "lattice.c_angstrom", "lattice.c_err", tr("Lattice parameter c"),
                   QStringLiteral("Å"))
            .headline(tr("c (Å)"))
            .significant(6);
        t.measured(&R::volumeA3, "lattice.volume_a3", "lattice.volume_err", tr("Cell volume"),
                   QStringLiteral("Å³"))
            .significant(6);
        t.measured(&R::zeroShiftDeg, "lattice.zero_shift_deg", "lattice.zero_shift_err", tr("Zero shift"),
                   QStringLiteral("°"));
        t.measured(&R::displacementCoefficientDeg, "lattice.displacement_coefficient_deg",
                   "lattice.displacement_coefficient_err", tr("Sample displacement (Δ2θ at θ = 0)"),
                   QStringLiteral("°"));
        t.measured(&R::scherrerSizeNm, "scherrer_size_nm.mean", "scherrer_size_nm.mean_err",
                   tr("Crystallite size (Scherrer)"), QStringLiteral("nm"))
            .headline(tr("Size (nm)"));
        t.measured(&R::williamsonHallSizeNm, "williamson_hall.size_nm", "williamson_hall.size_err",
                   tr("Crystallite size (Williamson–Hall)"), QStringLiteral("nm"));
        t.measured(&R::williamsonHallStrain, "williamson_hall.strain", "williamson_hall.strain_err",
                   tr("Microstrain (Williamson–Hall)"));
        t.value(&R::nPeaks, "n_peaks", tr("Peaks fitted"));
        return t;
    }();
    return t;
}

namespace {

std::vector<FigureDecl> xrdFigureDecls()
{
    auto tr = [](const char* s) { return QCoreApplication::translate("vanadis::XrdAnalysis", s); };
    // Peaks edited on the profile fit: a double click adds one (its marker drags), a Shift+click on a
    // found peak removes it; a right click on either marker takes the entry out again.
    PointBinding added{QStringLiteral("added_peaks_deg"),
                       QStringLiteral("two_theta_deg"),
                       PointBinding::Append::DoubleClick,
                       true,
                       tr("added peak"),
                       QColor(213, 94, 0)};
    PointBinding removed{QStringLiteral("removed_peaks_deg"),
                         QStringLiteral("two_theta_deg"),
                         PointBinding::Append::ShiftClick,
                         false,
                         tr("removed peak"),
                         QColor(120, 120, 120)};
    // Background points: a Ctrl+click adds one (the other clicks are the peaks'), its marker drags.
    PointBinding anchors{QStringLiteral("background_anchors_deg"),
                         QStringLiteral("two_theta_deg"),
                         PointBinding::Append::CtrlClick,
                         true,
                         tr("background point"),
                         QColor(0, 114, 178)};
    return {{QStringLiteral("patterns"), tr("Patterns with reference ticks"), true, {}, {}},
            {QStringLiteral("profile_fit"),
             tr("Profile fit and residuals"),
             false,
             {},
             {added, removed, anchors}},
            {QStringLiteral("williamson_hall"), tr("Williamson–Hall plot"), true, {}, {}}};
}

/// Top-axis ticks at round d-spacings (Å) between 2θ \a lo and \a hi for wavelength \a lambdaA:
/// d = λ/(2 sin θ), so the ticks crowd towards high angle; those closer than 1/12 of the range to the
/// previous one are left out.
FigureTopAxis dSpacingAxis(double lo, double hi, double lambdaA)
{
    FigureTopAxis top;
    top.label = QStringLiteral("d (Å)");
    static const double kD[] = {50,   30,  20,   15,  10,   8,   6,    5,   4,    3.5, 3,
                                2.5,  2.2, 2,    1.8, 1.6,  1.5, 1.4,  1.3, 1.2,  1.1, 1.0,
                                0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5};
    double last = -1e9;
    for (double d : kD) {
        const double tt = braggTwoThetaDeg(d, lambdaA);
        if (!std::isfinite(tt) || tt < lo || tt > hi || tt - last < (hi - lo) / 12.0) continue;
        top.tickX.push_back(tt);
        top.tickLabels.push_back(QString::number(d, 'g', 3));
        last = tt;
    }
    return top;
}

/// Adds the d-spacing top axis when the first input asks for it and states its wavelength.
void addDSpacingAxis(FigureSpec& f, const std::vector<FigureInput>& inputs)
{
    if (inputs.empty() || !inputs.front().params.value("d_spacing_axis").toBool()) return;
    const double lambda = inputs.front().result.value("wavelength_angstrom").toDouble(0.0);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const FigureSeries& s : f.series)
        if (s.kind == FigureSeries::Kind::Curve)
            for (double v : s.x)
                lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(lambda > 0.0) || !(hi > lo)) return;
    f.x2 = dSpacingAxis(lo, hi, lambda);
}

FigureSpec xrdFigure(const QString& id, const std::vector<FigureInput>& inputs)
{
    auto tr = [](const char* s) { return QCoreApplication::translate("vanadis::XrdAnalysis", s); };
    FigureSpec f;
    f.x.label = QStringLiteral("2θ (°)");
    if (id == QLatin1String("williamson_hall")) {
        f.x.label = QStringLiteral("4 sin θ");
        f.y.label = QStringLiteral("β cos θ (rad)");
        for (const FigureInput& in : inputs) {
            FigureSeries s = figures::styled(*in.sample, in.legend);
            s.line = false;
            s.marker = in.sample->marker;
            figures::pointsFrom(in.result.value("williamson_hall").toObject().value("points").toArray(),
                                "four_sin_theta", "beta_cos_theta_rad", s);
            if (!s.x.empty()) f.series.push_back(s);
        }
        return f;
    }
    if (id == QLatin1String("profile_fit")) {
        if (inputs.empty()) return f;
        const FigureInput& in = inputs.front();
        const Column* xc = figures::find(*in.dataset, "2Theta");
        const Column* yc = figures::find(*in.dataset, "Intensity");
        if (!xc || !yc) return f;
        f.y.label = yc->unit.isEmpty() ? tr("Intensity") : tr("Intensity (%1)").arg(yc->unit);
        FigureSeries data = figures::styled(*in.sample, in.legend);
        data.x = xc->values;
        data.y = yc->values;
        data.lineWidthPt = 0.6;
        f.series.push_back(data);
        const QJsonArray curve = in.result.value("curve").toArray();
        FigureSeries res;
        // One line per fitted region, so that model and background are not drawn across the gaps.
        std::map<int, std::pair<FigureSeries, FigureSeries>> regions;
        for (const QJsonValue& v : curve) {
            const QJsonObject o = v.toObject();
            const int r = o.value("region").toInt(-1);
            if (r < 0 || !o.value("model").isDouble()) continue;
            auto& [m, b] = regions[r];
            m.x.push_back(o.value("two_theta_deg").toDouble());
            m.y.push_back(o.value("model").toDouble());
            b.x.push_back(m.x.back());
            b.y.push_back(o.value("background").toDouble());
        }
        bool first = true;
        for (auto& [r, mb] : regions) {
            auto& [m, b] = mb;
            m.label = tr("fit");
            m.color = Qt::black;
            m.lineWidthPt = 1.0;
            b.label = tr("background");
            b.color = Qt::gray;
            b.dash = QStringLiteral("dash");
            m.inLegend = b.inLegend = first;
            first = false;
            f.series.push_back(std::move(b));
            f.series.push_back(std::move(m));
        }
        // The background points on the background they define.
        FigureSeries dots;
        dots.label = tr("background points");
        dots.color = QColor(0, 114, 178);
        dots.line = false;
        dots.marker = QStringLiteral("circle");
        dots.filled = true;
        for (const QJsonValue& v : in.result.value("background").toObject().value("anchors").toArray()) {
            const QJsonObject a = v.toObject();
            if (!a.value("intensity").isDouble()) continue;
            dots.x.push_back(a.value("two_theta_deg").toDouble());
            dots.y.push_back(a.value("intensity").toDouble());
        }
        if (!dots.x.empty()) f.series.push_back(std::move(dots));
        res = figures::styled(*in.sample, tr("residual"));
        res.inLegend = false;
        res.lineWidthPt = 0.6;
        std::map<int, FigureSeries> residuals;
        for (const QJsonValue& v : curve) {
            const QJsonObject o = v.toObject();
            const int r = o.value("region").toInt(-1);
            if (r < 0 || !o.value("residual").isDouble()) continue;
            FigureSeries& rs = residuals.try_emplace(r, res).first->second;
            rs.x.push_back(o.value("two_theta_deg").toDouble());
            rs.y.push_back(o.value("residual").toDouble());
        }
        if (!residuals.empty()) {
            auto panel = std::make_shared<FigureSpec>();
            panel->y.label = tr("Residual");
            for (auto& [r, rs] : residuals)
                panel->series.push_back(std::move(rs));
            f.residual = panel;
        }
        addDSpacingAxis(f, inputs);
        return f;
    }
    // Patterns, stacked without misleading intensity ticks, with the reference lines of the first; on a
    // square-root or logarithmic intensity scale when the user asks (weak lines beside strong ones).
    const QString scale =
        inputs.empty() ? QString() : inputs.front().params.value("intensity_scale").toString();
    const bool sqrtScale = scale == QLatin1String("sqrt"), logScale = scale == QLatin1String("log");
    f.y.label = sqrtScale  ? tr("√Intensity (a.u.)")
                : logScale ? tr("log Intensity (a.u.)")
                           : tr("Intensity (a.u.)");
    f.y.hideTickLabels = true;
    double offset = 0.0;
    for (auto it = inputs.rbegin(); it != inputs.rend(); ++it) {
        const FigureInput& in = *it;
        const Column* xc = figures::find(*in.dataset, "2Theta");
        const Column* yc = figures::find(*in.dataset, "Intensity");
        if (!xc || !yc || yc->values.empty()) continue;
        FigureSeries s = figures::styled(*in.sample, in.legend);
        s.x = xc->values;
        const auto [mn, mx] = std::minmax_element(yc->values.begin(), yc->values.end());
        const double lowest = *mn;
        auto scaled = [&](double v) {
            const double above = std::max(v - lowest, 0.0);
            return sqrtScale ? std::sqrt(above) : logScale ? std::log10(1.0 + above) : above;
        };
        const double span = scaled(*mx) > 0 ? scaled(*mx) : 1.0;
        for (double v : yc->values)
            s.y.push_back(scaled(v) / span);
        s.yOffset = offset;
        s.lineWidthPt = 0.8;
        s.endLabel = in.legend;
        f.series.push_back(s);
        offset += 1.1;
    }
    std::reverse(f.series.begin(), f.series.end());
    if (!inputs.empty()) {
        const QJsonArray refs = inputs.front().result.value("reference").toArray();
        FigureSeries ticks;
        ticks.kind = FigureSeries::Kind::Sticks;
        // A formula's counts as subscripts ("V2O3" → V_{2}O_{3}); any other name as it is.
        QString phase = inputs.front().result.value("phase").toString();
        static const QRegularExpression count(QStringLiteral("(?<=[A-Za-z)])(\\d+(?:\\.\\d+)?)"));
        if (!phase.contains(QLatin1Char(' '))) phase.replace(count, QStringLiteral("_{\\1}"));
        ticks.label = tr("%1 reference").arg(phase);
        ticks.color = Qt::black;
        ticks.baseline = -0.75;
        for (const QJsonValue& v : refs) {
            const QJsonObject r = v.toObject();
            if (r.value("relative_intensity").toDouble() < 1.0) continue;
            ticks.x.push_back(r.value("two_theta_deg").toDouble());
            ticks.y.push_back(-0.75 + 0.3 * r.value("relative_intensity").toDouble() / 100.0);
            ticks.pointLabels.push_back(r.value("relative_intensity").toDouble() >= 20.0
                                            ? QStringLiteral("(") + r.value("hkl").toString() +
                                                  QStringLiteral(")")
                                            : QString());
        }
        if (!ticks.x.empty()) f.series.push_back(ticks);
    }
    addDSpacingAxis(f, inputs);
    return f;
}

/// The instrument-function file of a standard's result (CLI --write-instrument, "Save as instrument
/// function…"), named after the phase and the file.
Expected<QByteArray> instrumentFunctionBytes(const QJsonObject& result, const QString& input)
{
    const QString name =
        result.value("phase").toString() + QStringLiteral(" standard, ") + QFileInfo(input).fileName();
    auto f = instrumentFunctionFromResult(result, name, input, QDateTime::currentDateTimeUtc());
    if (!f) return std::unexpected(f.error());
    return instrumentFunctionDocument(*f);
}

/// `--add-peak 31.2,40.1` → {"added_peaks_deg": [{"two_theta_deg": 31.2}, {"two_theta_deg": 40.1}]}.
CliOption positionOption(const char* option, const char* key, const char* description)
{
    CliOption o;
    o.option = QString::fromLatin1(option);
    o.description = QString::fromLatin1(description);
    o.valueName = QStringLiteral("2THETA");
    o.repeatable = true;
    o.toParams = [option = std::string(option),
                  key = QString::fromLatin1(key)](const QString& v) -> Expected<QJsonObject> {
        QJsonArray rows;
        for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double d = part.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(d))
                return fail("", "--" + option,
                            "'" + part.trimmed().toStdString() + "' is not a 2θ in degrees");
            rows.append(QJsonObject{{"two_theta_deg", d}});
        }
        return QJsonObject{{key, rows}};
    };
    return o;
}

} // namespace

const AnalysisDescriptor& xrdAnalysis()
{
    static const AnalysisDescriptor d = [] {
        AnalysisDescriptor a;
        a.id = QStringLiteral("xrd");
        // 2: Kα2 modelled only where the pattern shows it; the displacement term follows the geometry.
        a.version = 2;
        a.technique = Technique::Xrd;
        a.name = QStringLiteral("XRD");
        a.input.types = {QStringLiteral("xrd_pattern")};
        a.params = [] { return xrdParamTable().schema(); };
        a.outputs = [] { return xrdResultTable().outputs(); };
        a.figures = xrdFigureDecls;
        a.compute = [](const ComputeInputs& in, const QJsonObject& params, ComputeControl&) {
            const QJsonValue ref = params.value("phase_dataset");
            const Dataset* phase = nullptr;
            if (ref.isDouble())
                if (auto it = in.references.find(Id(ref.toDouble())); it != in.references.end())
                    phase = &it->second;
            const Dataset* instrument = nullptr;
            if (const QJsonValue iref = params.value("instrument_dataset"); iref.isDouble())
                if (auto it = in.references.find(Id(iref.toDouble())); it != in.references.end())
                    instrument = &it->second;
            return computeXrd(in.main.front(), params, phase, instrument);
        };
        a.buildFigure = xrdFigure;
        a.resultFiles = [] {
            ResultFileAction r;
            r.id = QStringLiteral("instrument_function");
            r.label = QCoreApplication::translate("vanadis::XrdAnalysis", "Save as instrument function…");
            r.fileFilter =
                QCoreApplication::translate("vanadis::XrdAnalysis", "Instrument function (*.json)");
            r.defaultSuffix = QStringLiteral("json");
            r.write = instrumentFunctionBytes;
            return std::vector<ResultFileAction>{r};
        };
        a.cliOptions = {
            {QStringLiteral("phase"),
             QStringLiteral("Reference phase: V2O3 (default), Al2O3, Si, none, or a CIF file (PATH.cif)."),
             QStringLiteral("PHASE"),
             [](const QString& v) -> Expected<QJsonObject> {
                 return QJsonObject{{"phase", v}};
             },
             false, QStringLiteral("phase_dataset")},
            {QStringLiteral("wavelength"), QStringLiteral("Kα1 wavelength in Å (default: the file's)."),
             QStringLiteral("A"),
             [](const QString& v) -> Expected<QJsonObject> {
                 bool ok = false;
                 const double d = v.toDouble(&ok);
                 if (!ok) return fail("", "--wavelength", "'" + v.toStdString() + "' is not a number");
                 return QJsonObject{{"wavelength_angstrom", d}};
             }},
            [] {
                CliOption o;
                o.option = QStringLiteral("instrument");
                o.description = QStringLiteral(
                    "Instrument function file (JSON, from --write-instrument on a standard): its U, V, W "
                    "replace --param caglioti_u/v/w.");
                o.valueName = QStringLiteral("PATH");
                o.datasetRefParam = QStringLiteral("instrument_dataset");
                return o;
            }(),
            [] {
                CliOption o;
                o.option = QStringLiteral("write-instrument");
                o.description = QStringLiteral(
                    "Read the pattern as a line-profile standard (Si, LaB6; its own broadening negligible) "
                    "and write the instrument function its lines give to OUT.json.");
                o.valueName = QStringLiteral("OUT.json");
                o.writesFile = instrumentFunctionBytes;
                return o;
            }(),
            positionOption("add-peak", "added_peaks_deg",
                           "Fit a line at this 2θ besides the peaks found (repeatable, or a comma list)."),
            positionOption("remove-peak", "removed_peaks_deg",
                           "Leave out the peaks found within the indexing tolerance of this 2θ (repeatable, "
                           "or a comma list).")};
        return a;
    }();
    return d;
}

} // namespace vanadis
