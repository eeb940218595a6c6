// XRD pattern processing against ground truth: Savitzky–Golay on analytic polynomials (exact), SNIP and
// anchor backgrounds, Rachinger stripping of generated doublets, the peak search on pure Poisson noise,
// on a broad hump and on generated lines, profile fits of generated pseudo-Voigt / split pseudo-Voigt /
// Pearson VII doublets (positions, widths, areas), humps, the one-line refit, TCH round trips, Scherrer
// sizes of 5–80 nm (pseudo-Voigt and Voigt fits) after removing a known Caglioti instrument broadening,
// Williamson–Hall size and strain,
// and two real patterns (Fityk's NaCl and SiC+Zn samples) from the shared test data.
#include "XrdTestPattern.h"

#include "numeric/Constants.h"
#include "numeric/xrd/Background.h"
#include "numeric/xrd/CrystalliteSize.h"
#include "numeric/xrd/InstrumentFunction.h"
#include "numeric/xrd/Kalpha2.h"
#include "numeric/xrd/PeakSearch.h"
#include "numeric/xrd/ProfileFit.h"
#include "numeric/xrd/Smoothing.h"

#include <QTest>

#include "../VerifyNear.h"
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using namespace vanadis;
using namespace vanadis::xrd;
using lineshape::Shape;
using vanadis::xrdtest::TrueLine;

namespace {

/// Relative comparison: |a/e − 1| ≤ rel.
#define VERIFY_REL(actual, expected, rel)                                                                    \
    do {                                                                                                     \
        const double a_ = (actual), e_ = (expected), r_ = (rel);                                             \
        QVERIFY2(std::abs(a_ / e_ - 1.0) <= r_, qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4 %")     \
                                                               .arg(#actual)                                 \
                                                               .arg(a_, 0, 'g', 8)                           \
                                                               .arg(e_, 0, 'g', 8)                           \
                                                               .arg(100.0 * r_, 0, 'g', 3)));                \
    } while (0)

constexpr double kRad = std::numbers::pi / 180.0;

QString testDataDir()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    if (dir.isEmpty()) dir = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    return dir;
}

/// Plain two-column text (2θ, counts); false when the file is absent or unreadable.
bool readXy(const QString& name, std::vector<double>& x, std::vector<double>& y)
{
    std::ifstream in((testDataDir() + "/xrd/" + name).toStdString());
    if (!in) return false;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        double a, b;
        if (s >> a >> b) {
            x.push_back(a);
            y.push_back(b);
        }
    }
    return x.size() > 10;
}

ProfileFitData dataOf(const xrdtest::Pattern& p, const std::vector<double>& bg = {})
{
    ProfileFitData d;
    d.twoThetaDeg = p.x;
    d.intensity = p.y;
    d.background = bg;
    return d;
}

/// Starts from the true lines, perturbed (as a peak search would give them).
std::vector<ProfilePeakStart> startsFrom(const std::vector<TrueLine>& lines, double shift, double widthFactor)
{
    std::vector<ProfilePeakStart> s;
    for (const TrueLine& l : lines) {
        ProfilePeakStart p;
        p.twoThetaDeg = l.params[0] + shift;
        p.fwhmDeg = l.params[1] * widthFactor;
        p.height = 1.3 * l.area * lineshape::heightPerArea(l.shape, l.params);
        s.push_back(p);
    }
    return s;
}

/// Index of the found peak nearest to \a x.
const FoundPeak* nearest(const PeakSearchResult& r, double x)
{
    const FoundPeak* best = nullptr;
    for (const FoundPeak& p : r.peaks)
        if (!best || std::abs(p.twoThetaDeg - x) < std::abs(best->twoThetaDeg - x)) best = &p;
    return best;
}

} // namespace

class TestXrdPeaks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smoothingReproducesPolynomials();
    void smoothingNoiseGainAndWindow();
    void snipFollowsBackgroundUnderLines();
    void snipOnPoissonNoiseWithSmoothing();
    void anchorCurves();
    void cagliotiFitOfExactLines();
    void kalpha2Positions();
    void rachingerStripping();
    void peakSearchPureNoise();
    void peakSearchOnHump();
    void peakSearchGeneratedLines();
    void profileFitTenDoublets();
    void kalpha2Detection();
    void profileFitShapes_data();
    void profileFitShapes();
    void profileFitHumpKeepsWeakLinesNarrow();
    void refitPeakMatchesFullFit();
    void profileFitErrors();
    void tchRoundTrip();
    void scherrerSizes_data();
    void scherrerSizes();
    void williamsonHallRecoversSizeAndStrain();
    void sizeInputErrors();
    void realNaCl();
    void realSiCZn();
};

void TestXrdPeaks::smoothingReproducesPolynomials()
{
    // A polynomial of degree ≤ order is reproduced exactly, edges included (the window shifts inwards).
    auto poly = [](double x) { return 120.0 - 3.0 * x + 0.2 * x * x - 0.003 * x * x * x; };
    std::vector<double> x, y;
    for (int i = 0; i < 300; ++i) {
        x.push_back(10.0 + 0.02 * i);
        y.push_back(poly(x.back()));
    }
    for (int points : {5, 11, 31}) {
        auto s = savitzkyGolaySmooth(x, y, {points, 3});
        QVERIFY(s);
        for (std::size_t i = 0; i < x.size(); ++i)
            VERIFY_NEAR((*s)[i], y[i], 1e-9 * std::abs(y[i]));
        auto d = savitzkyGolayDerivative(x, y, {points, 3}, 1);
        QVERIFY(d);
        for (std::size_t i : {std::size_t(0), std::size_t(150), x.size() - 1}) {
            const double t = x[i];
            VERIFY_NEAR((*d)[i], -3.0 + 0.4 * t - 0.009 * t * t, 1e-7);
        }
    }
    // A cubic is not reproduced by a quadratic filter: the filter really smooths.
    auto q = savitzkyGolaySmooth(x, y, {31, 2});
    QVERIFY(q);
    double maxDev = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        maxDev = std::max(maxDev, std::abs((*q)[i] - y[i]));
    QVERIFY2(maxDev > 1e-8, qPrintable(QString::number(maxDev)));
    QVERIFY(!savitzkyGolaySmooth(x, y, {10, 2}));
    QVERIFY(!savitzkyGolaySmooth(x, y, {3, 3}));
    QVERIFY(!savitzkyGolaySmooth(std::span(x).first(4), std::span(y).first(4), {5, 2}));
}

void TestXrdPeaks::smoothingNoiseGainAndWindow()
{
    // (−3, 12, 17, 12, −3)/35: Σc² = 595/1225.
    VERIFY_NEAR(smoothingNoiseGain({5, 2}), std::sqrt(595.0 / 1225.0), 1e-12);
    QVERIFY(std::isnan(smoothingNoiseGain({4, 2})));
    QCOMPARE(smoothingWindowForFwhm(0.2, 0.02), 11);
    QCOMPARE(smoothingWindowForFwhm(0.2, 0.02, 2, 0.5), 5);
    QCOMPARE(smoothingWindowForFwhm(0.01, 0.02, 4), 7);
}

void TestXrdPeaks::snipFollowsBackgroundUnderLines()
{
    // Noise-free lines on the smooth background: SNIP with a window of 1.5 FWHM (widest line) follows the
    // background under the lines to within 3 % of the line height, with and without the LLS transform.
    std::vector<TrueLine> lines = xrdtest::tenLines();
    auto p = xrdtest::makePattern(10, 110, 0.02, lines, xrdtest::smoothBackground, true, 1, false);
    double widest = 0.0;
    for (const TrueLine& l : lines)
        widest = std::max(widest, l.params[1]);
    for (bool lls : {true, false}) {
        SnipOptions o;
        o.llsTransform = lls;
        o.windowPoints = snipWindowForFwhm(widest + 0.3, 0.02, 1.5); // doublet splitting widens the feature
        auto bg = snipBackground(p.y, o);
        QVERIFY(bg);
        for (const TrueLine& l : lines) {
            const std::size_t i = std::size_t(std::lround((l.params[0] - 10.0) / 0.02));
            const double height = p.truth[i] - p.background[i];
            VERIFY_NEAR((*bg)[i], p.background[i], 0.03 * height);
        }
        // Away from lines it is the background itself (the clipping never raises values).
        VERIFY_NEAR((*bg)[std::size_t((29.0 - 10.0) / 0.02)], p.background[std::size_t((29.0 - 10.0) / 0.02)],
                    0.5);
        for (std::size_t i = 0; i < p.y.size(); ++i)
            QVERIFY((*bg)[i] <= p.y[i] + 1e-9);
    }
    QVERIFY(!snipBackground(p.y, SnipOptions{0}));
    QVERIFY(!snipBackground(std::vector<double>{}, {}));
}

void TestXrdPeaks::snipOnPoissonNoiseWithSmoothing()
{
    // Clipping takes minima, so on Poisson noise SNIP settles low; smoothing first keeps the bias within
    // one counting σ (√400 = 20) while the raw clip is further down.
    auto p = xrdtest::makePattern(
        10, 110, 0.02, {}, [](double) { return 400.0; }, false, 3);
    SnipOptions raw;
    raw.windowPoints = 30;
    SnipOptions smooth = raw;
    smooth.smoothingPoints = 15;
    auto a = snipBackground(p.y, raw);
    auto b = snipBackground(p.y, smooth);
    QVERIFY(a && b);
    double ma = 0.0, mb = 0.0;
    for (std::size_t i = 100; i + 100 < p.y.size(); ++i) {
        ma += (*a)[i];
        mb += (*b)[i];
    }
    ma /= double(p.y.size() - 200);
    mb /= double(p.y.size() - 200);
    qInfo("SNIP mean on 400-count noise: raw %.1f, smoothed %.1f", ma, mb);
    VERIFY_NEAR(mb, 400.0, 20.0);
    QVERIFY2(ma < mb, qPrintable(QString("%1 < %2").arg(ma).arg(mb)));
}

void TestXrdPeaks::anchorCurves()
{
    std::vector<double> x;
    for (int i = 0; i <= 500; ++i)
        x.push_back(10.0 + 0.1 * i);
    auto quad = [](double t) { return 300.0 + 4.0 * (t - 30.0) - 0.05 * (t - 30.0) * (t - 30.0); };
    std::vector<double> y;
    for (double t : x)
        y.push_back(quad(t));
    const std::vector<double> anchors = {12.0, 20.0, 33.3, 47.0, 58.0};
    AnchorOptions o;
    o.averageHalfWidthPoints = 0;
    o.curve = AnchorCurve::Polynomial;
    o.polynomialDegree = 2;
    auto pq = anchorBackground(x, y, anchors, o);
    QVERIFY(pq);
    for (std::size_t i = 0; i < x.size(); i += 25)
        VERIFY_NEAR((*pq)[i], y[i], 1e-8);
    // The spline interpolates its anchors and, on a straight line, is that line (also beyond the ends).
    o.curve = AnchorCurve::NaturalSpline;
    auto sq = anchorBackground(x, y, anchors, o);
    QVERIFY(sq);
    for (double a : anchors) {
        const std::size_t i = std::size_t(std::lround((a - 10.0) / 0.1));
        VERIFY_NEAR((*sq)[i], y[i], 1e-9);
    }
    std::vector<double> line;
    for (double t : x)
        line.push_back(50.0 + 2.0 * t);
    auto sl = anchorBackground(x, line, anchors, o);
    QVERIFY(sl);
    for (std::size_t i = 0; i < x.size(); i += 10)
        VERIFY_NEAR((*sl)[i], line[i], 1e-9);
    // The spline of the quadratic stays close between anchors (not exact: zero end curvature).
    VERIFY_NEAR((*sq)[std::size_t((40.0 - 10.0) / 0.1)], quad(40.0), 2.0);
    o.curve = AnchorCurve::Linear;
    auto li = anchorBackground(x, line, anchors, o);
    QVERIFY(li);
    VERIFY_NEAR((*li)[std::size_t((25.0 - 10.0) / 0.1)], 100.0, 1e-9);
    VERIFY_NEAR((*li)[0], line[std::size_t((12.0 - 10.0) / 0.1)], 1e-9); // held beyond the first anchor
    // Averaging over ± 2 points of a line changes nothing; anchors outside the data are an error.
    o.averageHalfWidthPoints = 2;
    auto av = anchorBackground(x, line, anchors, o);
    QVERIFY(av);
    VERIFY_NEAR((*av)[100], line[100], 1e-9);
    QVERIFY(!anchorBackground(x, line, std::vector<double>{5.0, 20.0}, o));
    o.curve = AnchorCurve::NaturalSpline;
    QVERIFY(!anchorBackground(x, line, std::vector<double>{20.0}, o));
}

void TestXrdPeaks::kalpha2Positions()
{
    // xrd.md §2: splitting ≈ 0.06° at 24° and 0.29° at 90° (Δ2θ ≈ 2(λ2 − λ1)/λ1·tanθ).
    const KalphaDoublet cu;
    for (double t : {24.0, 50.0, 90.0, 130.0}) {
        const double d = kalpha2TwoThetaDeg(t, cu) - t;
        const double approx = 2.0 * (cu.lambda2Angstrom - cu.lambda1Angstrom) / cu.lambda1Angstrom *
                              std::tan(0.5 * t * kRad) / kRad;
        VERIFY_NEAR(d, approx, 0.02 * approx);
        VERIFY_NEAR(kalpha1TwoThetaDeg(kalpha2TwoThetaDeg(t, cu), cu), t, 1e-10);
    }
    VERIFY_NEAR(kalpha2TwoThetaDeg(24.0, cu) - 24.0, 0.06, 0.005);
    VERIFY_NEAR(kalpha2TwoThetaDeg(90.0, cu) - 90.0, 0.29, 0.005);
    QVERIFY(std::isnan(kalpha2TwoThetaDeg(179.9, cu)));
}

void TestXrdPeaks::rachingerStripping()
{
    // Doublets of narrow lines, no background, no noise: stripping leaves the Kα1 pattern.
    std::vector<TrueLine> lines = xrdtest::tenLines();
    auto doublet = xrdtest::makePattern(
        10, 110, 0.01, lines, [](double) { return 0.0; }, true, 1, false);
    auto single = xrdtest::makePattern(
        10, 110, 0.01, lines, [](double) { return 0.0; }, false, 1, false);
    auto s = stripKalpha2(doublet.x, doublet.y);
    QVERIFY(s);
    double maxErr = 0.0, maxY = 0.0;
    for (std::size_t i = 0; i < s->size(); ++i) {
        maxErr = std::max(maxErr, std::abs((*s)[i] - single.y[i]));
        maxY = std::max(maxY, single.y[i]);
    }
    qInfo("Rachinger: largest deviation from the Kα1 pattern %.3g of the highest line", maxErr / maxY);
    QVERIFY2(maxErr < 0.01 * maxY, qPrintable(QString("%1 vs %2").arg(maxErr).arg(maxY)));
    // A flat background is scaled by 1/(1 + R) (documented).
    std::vector<double> flat(doublet.x.size(), 300.0);
    auto f = stripKalpha2(doublet.x, flat);
    QVERIFY(f);
    VERIFY_NEAR((*f)[f->size() / 2], 200.0, 1e-6);
    KalphaDoublet bad;
    bad.ratio = 1.0;
    QVERIFY(!stripKalpha2(doublet.x, doublet.y, bad));
}

void TestXrdPeaks::peakSearchPureNoise()
{
    // Flat Poisson noise, 5,000 points, 30 patterns, two count levels: no peak at the default threshold
    // (5σ), whether the width is given or estimated; at 4σ a few patterns out of 30 show one.
    int falsePeaks = 0, falseAt4 = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const double level = seed % 2 ? 50.0 : 2000.0;
        auto p = xrdtest::makePattern(
            10, 109.98, 0.02, {}, [&](double) { return level; }, false, seed);
        QCOMPARE(p.x.size(), std::size_t(5000));
        auto r = searchPeaks(p.x, p.y);
        QVERIFY(r);
        falsePeaks += int(r->peaks.size());
        PeakSearchOptions o;
        o.expectedFwhmDeg = 0.1;
        auto g = searchPeaks(p.x, p.y, {}, o);
        QVERIFY(g);
        falsePeaks += int(g->peaks.size());
        o.thresholdSigma = 4.0;
        auto t = searchPeaks(p.x, p.y, {}, o);
        QVERIFY(t);
        falseAt4 += int(t->peaks.size());
    }
    qInfo("false peaks on 30 × 5000 points of noise: %d at the default 5σ (two settings), %d at 4σ",
          falsePeaks, falseAt4);
    QCOMPARE(falsePeaks, 0);
    QVERIFY2(falseAt4 <= 6, qPrintable(QString::number(falseAt4)));
}

void TestXrdPeaks::peakSearchOnHump()
{
    // Five lines on a strong amorphous hump (Gaussian, FWHM 9°, 1500 counts on 400): the five lines and
    // nothing else, whether the search sees the raw pattern or a SNIP background that leaves the hump in.
    std::vector<TrueLine> lines;
    for (double c : {21.0, 23.5, 26.0, 28.2, 31.0})
        lines.push_back({Shape::PseudoVoigt, {c, 0.15, 0.5}, 60.0});
    auto hump = [](double x) {
        return 400.0 + 1500.0 * std::exp(-4.0 * std::log(2.0) * std::pow((x - 25.0) / 9.0, 2));
    };
    for (std::uint64_t seed : {1, 2, 3}) {
        auto p = xrdtest::makePattern(10, 50, 0.02, lines, hump, false, seed);
        SnipOptions so;
        so.windowPoints = 200; // far wider than the lines: leaves much of the hump in the signal
        auto bg = snipBackground(p.y, so);
        QVERIFY(bg);
        for (bool withBg : {false, true}) {
            auto r = withBg ? searchPeaks(p.x, p.y, *bg) : searchPeaks(p.x, p.y);
            QVERIFY(r);
            QString found;
            for (const FoundPeak& f : r->peaks)
                found += QString::number(f.twoThetaDeg, 'f', 2) + " ";
            QVERIFY2(r->peaks.size() == lines.size(), qPrintable(found));
            // Search positions are start values (≈ 12σ lines of FWHM 0.15°): within a fifth of the FWHM.
            for (const TrueLine& l : lines)
                VERIFY_NEAR(nearest(*r, l.params[0])->twoThetaDeg, l.params[0], 0.03);
        }
    }
}

void TestXrdPeaks::peakSearchGeneratedLines()
{
    // The ten doublets: every line found within 0.03°, FWHM estimates within 30 % of the unresolved
    // doublet's FWHM below 45° (beyond, the doublet starts to resolve), Kα2 shoulders of the
    // high-angle lines flagged (and dropped on request), no extra peaks.
    std::vector<TrueLine> lines = xrdtest::tenLines();
    auto p = xrdtest::makePattern(10, 110, 0.02, lines, xrdtest::smoothBackground, true, 5);
    SnipOptions so;
    so.windowPoints = snipWindowForFwhm(0.5, 0.02);
    auto bg = snipBackground(p.y, so);
    QVERIFY(bg);
    PeakSearchOptions o;
    auto r = searchPeaks(p.x, p.y, *bg, o);
    QVERIFY(r);
    QString found;
    for (const FoundPeak& f : r->peaks)
        found += QString("%1%2 ").arg(f.twoThetaDeg, 0, 'f', 2).arg(f.kalpha2Satellite ? "*" : "");
    qInfo("found: %s (filter FWHM %.3f°)", qPrintable(found), r->filterFwhmDeg);
    std::size_t kalpha1 = 0;
    for (const FoundPeak& f : r->peaks)
        kalpha1 += !f.kalpha2Satellite;
    QVERIFY2(kalpha1 == lines.size(), qPrintable(found));
    for (const TrueLine& l : lines) {
        const FoundPeak* f = nearest(*r, l.params[0]);
        VERIFY_NEAR(f->twoThetaDeg, l.params[0], 0.03);
        QVERIFY(!f->kalpha2Satellite);
        QVERIFY(f->significance >= o.thresholdSigma);
        // The search sees the doublet: compare with the FWHM of the noise-free Kα1 + Kα2 feature.
        const double x2 = kalpha2TwoThetaDeg(l.params[0], o.doublet);
        auto feature = [&](double t) {
            std::vector<double> q = l.params;
            q[0] = x2;
            return lineshape::density(l.shape, t, l.params) + 0.5 * lineshape::density(l.shape, t, q);
        };
        double top = 0.0, lo = 1e9, hi = -1e9;
        for (double t = l.params[0] - 1.0; t < l.params[0] + 1.0; t += 1e-4)
            top = std::max(top, feature(t));
        for (double t = l.params[0] - 1.0; t < l.params[0] + 1.0; t += 1e-4)
            if (feature(t) >= 0.5 * top) lo = std::min(lo, t), hi = std::max(hi, t);
        if (l.params[0] < 45.0) VERIFY_REL(f->fwhmDeg, hi - lo, 0.3);
    }
    o.skipKalpha2 = true;
    auto s = searchPeaks(p.x, p.y, *bg, o);
    QVERIFY(s);
    QCOMPARE(s->peaks.size(), lines.size());
}

void TestXrdPeaks::profileFitTenDoublets()
{
    // Ten pseudo-Voigt doublets with Poisson noise on the smooth background, SNIP background held fixed
    // plus a linear correction per region, starts off by 0.02° and 30 % in width: strong lines within
    // 0.01°, every centre, FWHM and area within 3.5 standard errors of the truth (and FWHM within 8 %,
    // areas within 8 % for strong lines), η within [0, 1] and χ²_red ≈ 1.
    std::vector<TrueLine> lines = xrdtest::tenLines();
    auto p = xrdtest::makePattern(10, 110, 0.02, lines, xrdtest::smoothBackground, true, 11);
    SnipOptions so;
    so.windowPoints = snipWindowForFwhm(0.5, 0.02);
    so.smoothingPoints = 9;
    auto bg = snipBackground(p.y, so);
    QVERIFY(bg);
    ProfileFitOptions o;
    auto starts = startsFrom(lines, 0.02, 1.3);
    auto r = fitProfiles(dataOf(p, *bg), starts, {}, o);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QCOMPARE(r->peaks.size(), lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const TrueLine& l = lines[k];
        const ProfilePeak& f = r->peaks[k];
        const bool strong = l.area >= 150.0;
        VERIFY_NEAR(f.twoThetaDeg, l.params[0], strong ? 0.01 : 0.02);
        VERIFY_NEAR(f.twoThetaDeg, l.params[0], 3.5 * f.twoThetaErrDeg);
        VERIFY_NEAR(f.fwhmDeg, l.params[1], 3.5 * f.fwhmErrDeg);
        VERIFY_NEAR(f.area, l.area, 3.5 * f.areaErr);
        if (strong) VERIFY_REL(f.fwhmDeg, l.params[1], 0.08);
        if (strong) VERIFY_REL(f.area, l.area, 0.08);
        QVERIFY(f.shapeParameter >= 0.0 && f.shapeParameter <= 1.0);
        VERIFY_NEAR(f.kalpha2TwoThetaDeg, kalpha2TwoThetaDeg(f.twoThetaDeg, o.doublet), 1e-9);
        VERIFY_REL(f.integralBreadthDeg, f.area / f.height, 1e-9);
        QVERIFY(f.areaErr > 0.0 && f.fwhmErrDeg > 0.0 && f.integralBreadthErrDeg > 0.0);
    }
    for (const ProfileRegion& reg : r->regions) {
        QVERIFY(reg.converged);
        VERIFY_NEAR(reg.chi2Reduced, 1.0, 0.35);
        QCOMPARE(reg.residuals.size(), reg.twoThetaDeg.size());
        VERIFY_NEAR(reg.residuals[3], reg.observed[3] - reg.fitted[3], 1e-9);
    }
    // Drawing: the peak curve of the first line integrates to (1 + R)·area.
    std::vector<double> x;
    for (double t = 16.0; t < 21.0; t += 0.001)
        x.push_back(t);
    const std::vector<double> c = peakCurve(r->peaks[0], o, x);
    double integral = 0.0;
    for (double v : c)
        integral += v * 0.001;
    VERIFY_REL(integral, 1.5 * r->peaks[0].area, 0.02);
}

void TestXrdPeaks::profileFitShapes_data()
{
    QTest::addColumn<int>("shape");
    QTest::newRow("pseudo-Voigt") << int(ProfileShape::PseudoVoigt);
    QTest::newRow("split pseudo-Voigt") << int(ProfileShape::SplitPseudoVoigt);
    QTest::newRow("Pearson VII") << int(ProfileShape::PearsonVII);
    QTest::newRow("Voigt") << int(ProfileShape::Voigt);
}

void TestXrdPeaks::profileFitShapes()
{
    // Two overlapping doublets (one fitting region) of each shape, fitted with a quadratic background
    // and no fixed background: centres within 0.005°, widths within 4 %, shape parameter within 3σ
    // (and 0.15 for η, 25 % for m), areas within 3σ and 6 %.
    QFETCH(int, shape);
    const ProfileShape ps = ProfileShape(shape);
    const Shape s = ps == ProfileShape::PearsonVII         ? Shape::PearsonVII
                    : ps == ProfileShape::SplitPseudoVoigt ? Shape::SplitPseudoVoigt
                    : ps == ProfileShape::Voigt            ? Shape::Voigt
                                                           : Shape::PseudoVoigt;
    std::vector<TrueLine> lines;
    if (ps == ProfileShape::SplitPseudoVoigt) {
        lines.push_back({s, {33.0, 0.14, 0.20, 0.4}, 400});
        lines.push_back({s, {33.45, 0.12, 0.17, 0.4}, 250});
    } else {
        // Pearson VII m, η, or the Voigt's Lorentzian FWHM (its Gaussian FWHM is the width below).
        const double extra = ps == ProfileShape::PearsonVII ? 1.8 : (ps == ProfileShape::Voigt ? 0.08 : 0.6);
        lines.push_back({s, {33.0, 0.16, extra}, 400});
        lines.push_back({s, {33.45, 0.14, extra}, 250});
    }
    auto p = xrdtest::makePattern(
        30, 36.5, 0.01, lines, [](double x) { return 300.0 + 5.0 * (x - 33.0); }, true, 21);
    ProfileFitOptions o;
    o.shape = ps;
    o.backgroundDegree = 2;
    auto starts = startsFrom(lines, -0.015, 0.8);
    for (auto& st : starts)
        st.exponent = 3.0, st.eta = 0.3;
    auto r = fitProfiles(dataOf(p), starts, {}, o);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QCOMPARE(r->regions.size(), std::size_t(1));
    for (std::size_t k = 0; k < 2; ++k) {
        const ProfilePeak& f = r->peaks[k];
        const TrueLine& l = lines[k];
        VERIFY_NEAR(f.twoThetaDeg, l.params[0], 0.005);
        // A Voigt's Gaussian and Lorentzian FWHM are strongly anticorrelated: its Gaussian part gets 10 %.
        VERIFY_REL(f.fwhmLeftDeg, l.params[1], ps == ProfileShape::Voigt ? 0.10 : 0.04);
        if (ps == ProfileShape::SplitPseudoVoigt) VERIFY_REL(f.fwhmRightDeg, l.params[2], 0.04);
        VERIFY_REL(f.fwhmDeg, lineshape::trueFwhm(s, l.params), 0.04);
        VERIFY_NEAR(f.shapeParameter, l.params.back(), 3.0 * f.shapeErr);
        if (ps == ProfileShape::PearsonVII)
            VERIFY_REL(f.shapeParameter, l.params.back(), 0.25);
        else
            VERIFY_NEAR(f.shapeParameter, l.params.back(), 0.15);
        // (a quadratic background over 6.5° mimics part of a Voigt's Lorentzian wings: its areas get 12 %)
        VERIFY_NEAR(f.area, l.area, 3.0 * f.areaErr);
        VERIFY_REL(f.area, l.area, ps == ProfileShape::Voigt ? 0.12 : 0.06);
    }
    VERIFY_NEAR(r->regions[0].chi2Reduced, 1.0, 0.2);
}

void TestXrdPeaks::profileFitHumpKeepsWeakLinesNarrow()
{
    // Weak lines on an amorphous hump with a flat background: without a hump component the lines
    // swallow the hump (they grow wide); with one the hump is recovered and the lines keep their width.
    std::vector<TrueLine> lines;
    for (double c : {22.0, 24.3, 26.1, 28.4})
        lines.push_back({Shape::PseudoVoigt, {c, 0.2, 0.5}, 60.0});
    const double humpArea = 300.0 * 9.0 * std::sqrt(std::numbers::pi / (4.0 * std::log(2.0)));
    auto hump = [](double x) {
        return 300.0 * std::exp(-4.0 * std::log(2.0) * std::pow((x - 25.0) / 9.0, 2));
    };
    auto p = xrdtest::makePattern(
        12, 40, 0.02, lines, [&](double x) { return 250.0 + hump(x); }, false, 8);
    ProfileFitOptions o;
    o.kalphaDoublets = false;
    o.backgroundDegree = 0;
    o.regionsDeg = {{12.0, 40.0}};
    auto starts = startsFrom(lines, 0.01, 1.2);
    ProfileHumpStart h;
    h.twoThetaDeg = 26.0;
    h.fwhmDeg = 6.0;
    h.height = 200.0;
    h.minFwhmDeg = 3.0;
    const ProfileHumpStart humps[1] = {h};
    auto r = fitProfiles(dataOf(p), starts, humps, o);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QCOMPARE(r->humps.size(), std::size_t(1));
    VERIFY_NEAR(r->humps[0].twoThetaDeg, 25.0, 0.3);
    VERIFY_REL(r->humps[0].fwhmDeg, 9.0, 0.1);
    VERIFY_REL(r->humps[0].area, humpArea, 0.1);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        VERIFY_NEAR(r->peaks[k].fwhmDeg, 0.2, 3.0 * r->peaks[k].fwhmErrDeg);
        VERIFY_NEAR(r->peaks[k].area, 60.0, 3.0 * r->peaks[k].areaErr);
    }
    // Without the hump, each line alone in a narrow region with a constant background is fine, but one
    // region over the hump with a constant background makes the lines wide: the warning names them.
    o.maxWidthFactor = 20.0;
    auto bad = fitProfiles(dataOf(p), starts, {}, o);
    QVERIFY(bad);
    double widest = 0.0;
    for (const ProfilePeak& f : bad->peaks)
        widest = std::max(widest, f.fwhmDeg);
    qInfo("without a hump component the widest line has FWHM %.2f° (true 0.2°)", widest);
    QVERIFY(widest > 0.5);
}

void TestXrdPeaks::refitPeakMatchesFullFit()
{
    // The drag refit: a line moved by 0.05° and refitted alone comes back to the full fit's values.
    std::vector<TrueLine> lines = xrdtest::tenLines();
    auto p = xrdtest::makePattern(10, 110, 0.02, lines, xrdtest::smoothBackground, true, 12);
    SnipOptions so;
    so.windowPoints = snipWindowForFwhm(0.5, 0.02);
    so.smoothingPoints = 9;
    auto bg = snipBackground(p.y, so);
    QVERIFY(bg);
    ProfileFitOptions o;
    auto full = fitProfiles(dataOf(p, *bg), startsFrom(lines, 0.0, 1.0), {}, o);
    QVERIFY(full);
    const std::size_t k = 2;
    ProfilePeakStart moved = startFrom(full->peaks[k], o);
    moved.twoThetaDeg += 0.05;
    auto re = refitPeak(dataOf(p, *bg), *full, k, moved, o);
    QVERIFY2(re, re ? "" : re.error().message().c_str());
    VERIFY_NEAR(re->peaks[k].twoThetaDeg, full->peaks[k].twoThetaDeg, 0.2 * full->peaks[k].twoThetaErrDeg);
    VERIFY_REL(re->peaks[k].area, full->peaks[k].area, 0.01);
    VERIFY_REL(re->peaks[k].fwhmDeg, full->peaks[k].fwhmDeg, 0.01);
    // Other lines untouched; the region's curve follows the refitted line.
    VERIFY_NEAR(re->peaks[0].twoThetaDeg, full->peaks[0].twoThetaDeg, 0.0);
    const ProfileRegion& reg = re->regions[re->peaks[k].region];
    VERIFY_NEAR(reg.chi2Reduced, full->regions[full->peaks[k].region].chi2Reduced, 0.05);
    // Refitting a whole region from the refitted state gives the full fit again.
    auto rr = refitRegion(dataOf(p, *bg), *re, re->peaks[k].region, o);
    QVERIFY(rr);
    VERIFY_NEAR(rr->peaks[k].twoThetaDeg, full->peaks[k].twoThetaDeg, 0.1 * full->peaks[k].twoThetaErrDeg);
    QVERIFY(!refitPeak(dataOf(p, *bg), *full, 99, moved, o));

    // Three overlapping doublets in one region: dragging the middle one refits it over its own coverage
    // only; the outer lines (partly outside that window) keep their values exactly.
    std::vector<TrueLine> three = {{Shape::PseudoVoigt, {32.6, 0.12, 0.5}, 300},
                                   {Shape::PseudoVoigt, {33.0, 0.12, 0.5}, 200},
                                   {Shape::PseudoVoigt, {33.4, 0.12, 0.5}, 300}};
    auto q = xrdtest::makePattern(
        30, 36, 0.01, three, [](double) { return 200.0; }, true, 13);
    auto f3 = fitProfiles(dataOf(q), startsFrom(three, 0.0, 1.0), {}, o);
    QVERIFY(f3);
    QCOMPARE(f3->regions.size(), std::size_t(1));
    ProfilePeakStart mid = startFrom(f3->peaks[1], o);
    mid.twoThetaDeg += 0.03;
    auto r3 = refitPeak(dataOf(q), *f3, 1, mid, o);
    QVERIFY2(r3, r3 ? "" : r3.error().message().c_str());
    for (std::size_t j : {std::size_t(0), std::size_t(2)}) {
        QCOMPARE(r3->peaks[j].twoThetaDeg, f3->peaks[j].twoThetaDeg);
        QCOMPARE(r3->peaks[j].fwhmDeg, f3->peaks[j].fwhmDeg);
        QCOMPARE(r3->peaks[j].area, f3->peaks[j].area);
    }
    VERIFY_NEAR(r3->peaks[1].twoThetaDeg, f3->peaks[1].twoThetaDeg, 0.3 * f3->peaks[1].twoThetaErrDeg);
    VERIFY_REL(r3->peaks[1].area, f3->peaks[1].area, 0.02);
    VERIFY_NEAR(r3->regions[0].chi2Reduced, f3->regions[0].chi2Reduced, 0.02);
    QVERIFY(!refitRegion(dataOf(p, *bg), *full, 99, o));
}

void TestXrdPeaks::profileFitErrors()
{
    auto p = xrdtest::makePattern(
        20, 30, 0.02, {{Shape::PseudoVoigt, {25.0, 0.1, 0.5}, 100}}, [](double) { return 100.0; }, false, 1);
    ProfileFitOptions o;
    QVERIFY(!fitProfiles(dataOf(p), {}, {}, o));
    ProfilePeakStart outside;
    outside.twoThetaDeg = 35.0;
    QVERIFY(!fitProfiles(dataOf(p), std::span(&outside, 1), {}, o));
    o.backgroundDegree = 3;
    ProfilePeakStart ok;
    ok.twoThetaDeg = 25.0;
    QVERIFY(!fitProfiles(dataOf(p), std::span(&ok, 1), {}, o));
    o.backgroundDegree = 1;
    o.regionsDeg = {{21.0, 23.0}};
    QVERIFY(!fitProfiles(dataOf(p), std::span(&ok, 1), {}, o)); // the line lies in no region
    // A line far weaker than the noise is reported as not significant (not an error).
    o.regionsDeg = {};
    ProfilePeakStart ghost;
    ghost.twoThetaDeg = 22.0;
    ghost.height = 1.0;
    const ProfilePeakStart two[2] = {ok, ghost};
    auto r = fitProfiles(dataOf(p), two, {}, o);
    QVERIFY(r);
    bool warned = false;
    for (const std::string& w : r->warnings)
        warned |= w.find("not significant") != std::string::npos && w.find("at 2") != std::string::npos &&
                  w.find("at 25") == std::string::npos;
    QVERIFY2(warned, r->warnings.empty() ? "no warnings" : r->warnings.front().c_str());
    // A region too small for its parameters does not void the others: a warning, NaN errors there.
    o.regionsDeg = {{20.0, 29.9}, {29.95, 30.05}};
    o.kalphaDoublets = false; // these generated lines are single
    auto edge = xrdtest::makePattern(
        20, 32, 0.02, {{Shape::PseudoVoigt, {25.0, 0.1, 0.5}, 100}}, [](double) { return 100.0; }, false, 2);
    ProfilePeakStart atEdge;
    atEdge.twoThetaDeg = 30.0;
    const ProfilePeakStart pair[2] = {ok, atEdge};
    auto part = fitProfiles(dataOf(edge), pair, {}, o);
    QVERIFY2(part, part ? "" : part.error().message().c_str());
    QCOMPARE(part->regions.size(), std::size_t(2));
    QVERIFY(part->regions[0].converged && !part->regions[1].converged);
    QVERIFY(std::isnan(part->peaks[1].areaErr) && !part->regions[1].warnings.empty());
    VERIFY_NEAR(part->peaks[0].twoThetaDeg, 25.0, 0.01);
    // The drag refit refuses a line moved out of its region.
    o.regionsDeg = {};
    o.kalphaDoublets = true;
    auto one = fitProfiles(dataOf(p), std::span(&ok, 1), {}, o);
    QVERIFY(one);
    ProfilePeakStart far = startFrom(one->peaks[0], o);
    QVERIFY(far.height > one->peaks[0].height); // the doublet feature is higher than its Kα1 line
    far.twoThetaDeg = 29.0;
    QVERIFY(!refitPeak(dataOf(p), *one, 0, far, o));
}

void TestXrdPeaks::tchRoundTrip()
{
    for (double g : {0.0, 0.05, 0.2, 1.0})
        for (double l : {0.0, 0.03, 0.2, 1.5}) {
            if (g == 0.0 && l == 0.0) continue;
            double f, eta;
            tchCombine({g, l}, f, eta);
            const VoigtWidths w = tchSplit(f, eta);
            VERIFY_NEAR(w.gaussFwhmDeg, g, 1e-4 * f);
            VERIFY_NEAR(w.lorentzFwhmDeg, l, 1e-4 * f);
            // From FWHM and integral breadth (any profile) back to the same widths.
            const VoigtWidths v = voigtWidthsFromBreadths(f, integralBreadthOf({g, l}));
            VERIFY_NEAR(v.gaussFwhmDeg, g, 1e-4 * f);
            VERIFY_NEAR(v.lorentzFwhmDeg, l, 1e-4 * f);
        }
    // Pure shapes: integral breadths Γ·√(π/(4 ln2)) and Γ·π/2.
    VERIFY_REL(integralBreadthOf({0.1, 0.0}), 0.1 * std::sqrt(std::numbers::pi / (4.0 * std::log(2.0))),
               1e-6);
    VERIFY_REL(integralBreadthOf({0.0, 0.1}), 0.1 * std::numbers::pi / 2.0, 1e-6);
    // TCH against the exact Voigt (libcerf through the shared line shape): FWHM within 0.5 %.
    for (double l : {0.02, 0.1, 0.3}) {
        const double p[3] = {0.0, 0.1, l};
        double f, eta;
        tchCombine({0.1, l}, f, eta);
        VERIFY_REL(f, lineshape::trueFwhm(Shape::Voigt, p), 0.005);
    }
}

void TestXrdPeaks::scherrerSizes_data()
{
    QTest::addColumn<double>("sizeNm");
    QTest::addColumn<bool>("voigtFit");
    for (bool v : {false, true})
        for (double d : {5.0, 10.0, 20.0, 40.0, 80.0})
            QTest::newRow(qPrintable(QString("%1 nm, %2 fit").arg(d).arg(v ? "Voigt" : "pseudo-Voigt")))
                << d << v;
}

void TestXrdPeaks::scherrerSizes()
{
    // Lines generated as exact Voigt doublets: Lorentzian size broadening Kλ/(D cosθ) convolved with the
    // Gaussian Caglioti instrument function; Poisson noise; fitted with pseudo-Voigt doublets; Scherrer
    // with the instrument removed gives D within 10 % at every line, with FWHM and integral breadth
    // (K = 0.9 and 1 for a Lorentzian size profile both refer to the same Scherrer relation here because
    // the generated profile uses K = 0.9 for the FWHM).
    QFETCH(double, sizeNm);
    QFETCH(bool, voigtFit);
    const double lambda = constants::cuKa1Angstrom, k = 0.9;
    InstrumentBroadening inst;
    inst.kind = InstrumentBroadening::Kind::Caglioti;
    inst.uDeg2 = 0.004, inst.vDeg2 = -0.002, inst.wDeg2 = 0.003;
    std::vector<TrueLine> lines;
    for (double c : {28.0, 47.0, 69.0}) {
        const double th = 0.5 * c * kRad, t = std::tan(th);
        const double g = std::sqrt(inst.uDeg2 * t * t + inst.vDeg2 * t + inst.wDeg2);
        const double l = k * 0.1 * lambda / (sizeNm * std::cos(th)) / kRad;
        lines.push_back({Shape::Voigt, {c, g, l}, 400.0});
    }
    auto p = xrdtest::makePattern(
        15, 85, 0.02, lines, [](double) { return 300.0; }, true, 31);
    ProfileFitOptions o;
    o.backgroundDegree = 1;
    if (voigtFit) o.shape = ProfileShape::Voigt;
    std::vector<ProfilePeakStart> starts;
    for (const TrueLine& l : lines) {
        ProfilePeakStart s;
        s.twoThetaDeg = l.params[0];
        s.fwhmDeg = lineshape::trueFwhm(Shape::Voigt, l.params) * 1.2;
        s.height = 1.2 * l.area * lineshape::heightPerArea(Shape::Voigt, l.params);
        starts.push_back(s);
    }
    o.maxWidthFactor = 3.0;
    auto r = fitProfiles(dataOf(p), starts, {}, o);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    SizeOptions so;
    so.wavelengthAngstrom = lambda;
    so.scherrerK = k;
    so.instrument = inst;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ProfilePeak& f = r->peaks[i];
        BreadthLine bl{f.twoThetaDeg, f.fwhmDeg, f.fwhmErrDeg, f.integralBreadthDeg, f.integralBreadthErrDeg};
        if (voigtFit) {
            bl.widths = f.widths;
            // The fitted Voigt's FWHM within 3 standard errors of the generated one.
            VERIFY_NEAR(f.fwhmDeg, lineshape::trueFwhm(Shape::Voigt, lines[i].params), 3.0 * f.fwhmErrDeg);
        }
        auto s = scherrerSize(bl, so);
        QVERIFY2(s, s ? "" : s.error().message().c_str());
        qInfo("%s fit: D = %.1f nm at %.0f°: %.2f ± %.2f nm (observed FWHM %.4f°, instrument %.4f°)",
              voigtFit ? "Voigt" : "pV", sizeNm, f.twoThetaDeg, s->sizeNm, s->sizeErrNm,
              s->breadth.observedDeg, s->breadth.instrumentDeg);
        VERIFY_REL(s->sizeNm, sizeNm, 0.10);
        QVERIFY(s->sizeErrNm > 0.0);
        // The integral breadth of a Lorentzian is π/2 × its FWHM: K·π/2 gives the same size.
        SizeOptions ib = so;
        ib.measure = BreadthMeasure::IntegralBreadth;
        ib.scherrerK = k * std::numbers::pi / 2.0;
        auto sb = scherrerSize(bl, ib);
        QVERIFY(sb);
        VERIFY_REL(sb->sizeNm, sizeNm, 0.10);
        // Without the correction the size is too small, and more so for large crystallites.
        SizeOptions raw = so;
        raw.correction = BroadeningCorrection::None;
        auto sr = scherrerSize(bl, raw);
        QVERIFY(sr && sr->sizeNm < s->sizeNm);
    }
}

void TestXrdPeaks::williamsonHallRecoversSizeAndStrain()
{
    // Lorentzian sample broadening Γ = Kλ/(D cosθ) + 4ε tanθ (the WH uniform-deformation model), D = 30 nm,
    // ε = 0.0015, convolved with the Caglioti instrument; six doublets; fitted; WH gives D and ε within 10 %.
    const double lambda = constants::cuKa1Angstrom, k = 0.9, d = 30.0, eps = 0.0015;
    InstrumentBroadening inst;
    inst.kind = InstrumentBroadening::Kind::Caglioti;
    inst.uDeg2 = 0.004, inst.vDeg2 = -0.002, inst.wDeg2 = 0.003;
    std::vector<TrueLine> lines;
    for (double c : {24.0, 36.0, 50.0, 63.0, 76.0, 89.0}) {
        const double th = 0.5 * c * kRad, t = std::tan(th);
        const double g = std::sqrt(inst.uDeg2 * t * t + inst.vDeg2 * t + inst.wDeg2);
        const double l = (k * 0.1 * lambda / (d * std::cos(th)) + 4.0 * eps * t) / kRad;
        lines.push_back({Shape::Voigt, {c, g, l}, 500.0});
    }
    auto p = xrdtest::makePattern(
        15, 100, 0.02, lines, [](double) { return 250.0; }, true, 41);
    ProfileFitOptions o;
    std::vector<ProfilePeakStart> starts;
    for (const TrueLine& l : lines) {
        ProfilePeakStart s;
        s.twoThetaDeg = l.params[0] + 0.01;
        s.fwhmDeg = lineshape::trueFwhm(Shape::Voigt, l.params);
        s.height = 1.3 * l.area * lineshape::heightPerArea(Shape::Voigt, l.params);
        starts.push_back(s);
    }
    auto r = fitProfiles(dataOf(p), starts, {}, o);
    QVERIFY(r);
    std::vector<BreadthLine> bl;
    for (const ProfilePeak& f : r->peaks)
        bl.push_back({f.twoThetaDeg, f.fwhmDeg, f.fwhmErrDeg, f.integralBreadthDeg, f.integralBreadthErrDeg});
    SizeOptions so;
    so.wavelengthAngstrom = lambda;
    so.scherrerK = k;
    so.instrument = inst;
    auto wh = williamsonHall(bl, so);
    QVERIFY2(wh, wh ? "" : wh.error().message().c_str());
    qInfo("WH: D = %.1f ± %.1f nm, ε = %.5f ± %.5f, R² = %.4f", wh->sizeNm, wh->sizeErrNm, wh->microstrain,
          wh->microstrainErr, wh->r2);
    VERIFY_REL(wh->sizeNm, d, 0.10);
    VERIFY_REL(wh->microstrain, eps, 0.10);
    QVERIFY(wh->sizeErrNm > 0.0 && wh->microstrainErr > 0.0);
    QVERIFY(wh->r2 > 0.95);
    QCOMPARE(wh->fourSinTheta.size(), lines.size());
    // A table of the standard's lines (here: the Caglioti values at 4 angles, as pure Gaussians)
    // gives the same result within 2 %.
    SizeOptions tab = so;
    tab.instrument.kind = InstrumentBroadening::Kind::Table;
    for (double c : {20.0, 45.0, 70.0, 95.0}) {
        const double t = std::tan(0.5 * c * kRad);
        tab.instrument.table.push_back({c, std::sqrt(inst.uDeg2 * t * t + inst.vDeg2 * t + inst.wDeg2), 0.0});
    }
    auto wt = williamsonHall(bl, tab);
    QVERIFY(wt);
    VERIFY_REL(wt->sizeNm, wh->sizeNm, 0.02);
    VERIFY_REL(wt->microstrain, wh->microstrain, 0.03);
}

void TestXrdPeaks::sizeInputErrors()
{
    SizeOptions so;
    QVERIFY(!scherrerSize({0.0, 0.1, 0.0, 0.12, 0.0}, so));
    QVERIFY(!scherrerSize({30.0, -0.1, 0.0, 0.12, 0.0}, so));
    QVERIFY(!scherrerSize({30.0, 0.1, 0.0, 0.0, 0.0}, so)); // Voigt correction needs the integral breadth
    so.correction = BroadeningCorrection::Quadrature;
    auto q = scherrerSize({30.0, 0.1, 0.001, 0.0, 0.0}, so);
    QVERIFY(q);
    // No instrument: D = 0.9·0.15406 nm /(0.1° in rad · cos 15°).
    VERIFY_REL(q->sizeNm, 0.9 * 0.15405929 / (0.1 * kRad * std::cos(15.0 * kRad)), 1e-9);
    VERIFY_REL(q->sizeErrNm, q->sizeNm * 0.01, 1e-3);
    // A line narrower than the instrument: NaN and a warning, not an error.
    so.instrument.kind = InstrumentBroadening::Kind::Caglioti;
    so.instrument.wDeg2 = 0.04;
    auto n = scherrerSize({30.0, 0.1, 0.001, 0.0, 0.0}, so);
    QVERIFY(n && std::isnan(n->sizeNm) && !n->warnings.empty() && n->breadth.nearInstrument);
    so.instrument.wDeg2 = -1.0;
    QVERIFY(!scherrerSize({30.0, 0.1, 0.001, 0.0, 0.0}, so));
    const BreadthLine one[1] = {{30.0, 0.3, 0.0, 0.4, 0.0}};
    so.instrument.kind = InstrumentBroadening::Kind::None;
    QVERIFY(!williamsonHall(one, so));
}

void TestXrdPeaks::realNaCl()
{
    // Fityk's NaCl sample. Its abscissa is not 2θ of any single wavelength: as 2θ the NaCl lines do not
    // index (sin θ ratios miss √(h²+k²+l²)/2 by up to 2 %), whereas the positions themselves are
    // proportional to √(h²+k²+l²) = a/d to 0.1 %, i.e. the axis is linear in 1/d (an energy-dispersive
    // scan, or a 2θ axis already converted). The test checks that the search finds the fcc lines
    // (111), (200), (220), (311), (222), (400) and that fitted positions keep that proportionality.
    std::vector<double> x, y;
    if (!readXy("fityk_nacl01.dat", x, y)) QSKIP("fityk_nacl01.dat not found (set VANADIS_TESTDATA)");
    SnipOptions so;
    so.windowPoints = 20;
    so.smoothingPoints = 5;
    auto bg = snipBackground(y, so);
    QVERIFY(bg);
    auto r = searchPeaks(x, y, *bg);
    QVERIFY(r);
    QString found;
    for (const FoundPeak& f : r->peaks)
        found += QString("%1(%2σ) ").arg(f.twoThetaDeg, 0, 'f', 3).arg(f.significance, 0, 'f', 0);
    qInfo("NaCl: %s", qPrintable(found));
    const int hkl2[6] = {3, 4, 8, 11, 12, 16};
    const FoundPeak* p200 = nearest(*r, 24.71);
    QVERIFY(p200 && std::abs(p200->twoThetaDeg - 24.71) < 0.02);
    const double c = p200->twoThetaDeg / 2.0; // position per unit √(h²+k²+l²)
    std::vector<ProfilePeakStart> starts;
    for (int n2 : hkl2) {
        const double expected = c * std::sqrt(double(n2));
        const FoundPeak* f = nearest(*r, expected);
        QVERIFY(f);
        VERIFY_NEAR(f->twoThetaDeg, expected, 0.003 * expected);
        ProfilePeakStart s;
        s.twoThetaDeg = f->twoThetaDeg;
        s.fwhmDeg = f->fwhmDeg;
        s.height = f->height;
        starts.push_back(s);
    }
    ProfileFitOptions o;
    o.kalphaDoublets = false; // the radiation is not known to be a Kα doublet
    auto fit = fitProfiles(ProfileFitData{x, y, *bg, {}}, starts, {}, o);
    QVERIFY2(fit, fit ? "" : fit.error().message().c_str());
    const double c2 = fit->peaks[1].twoThetaDeg / 2.0;
    for (std::size_t k = 0; k < 6; ++k) {
        const ProfilePeak& f = fit->peaks[k];
        qInfo("NaCl line %zu: %.4f ± %.4f, FWHM %.4f, area %.1f", k, f.twoThetaDeg, f.twoThetaErrDeg,
              f.fwhmDeg, f.area);
        VERIFY_NEAR(f.twoThetaDeg, starts[k].twoThetaDeg, 0.5 * starts[k].fwhmDeg);
        VERIFY_NEAR(f.twoThetaDeg, c2 * std::sqrt(double(hkl2[k])), 0.001 * f.twoThetaDeg);
        QVERIFY(f.fwhmDeg > 0.02 && f.fwhmDeg < 0.5);
    }
}

void TestXrdPeaks::realSiCZn()
{
    // Fityk's SiC + Zn sample (Cu Kα1 1.54051 Å per the repository's SiC_Zn.fit). Reference positions from
    // 3C-SiC a = 4.3596 Å and Zn a = 2.6649, c = 4.9468 Å: the search finds the strong lines within 0.15°
    // of them (this sample's Zn c is ≈ 0.4 % shorter), and the doublet fits are self-consistent: one
    // cubic a from three SiC lines, Zn (101)/(102) predicted from (002)/(100) within 0.03°.
    std::vector<double> x, y;
    if (!readXy("fityk_SiC_Zn_powder.dat", x, y))
        QSKIP("fityk_SiC_Zn_powder.dat not found (set VANADIS_TESTDATA)");
    const double lambda = 1.54051;
    auto tt = [&](double invD) { return 2.0 * std::asin(lambda * invD / 2.0) / kRad; };
    auto cubic = [&](int h, int k, int l) { return tt(std::sqrt(double(h * h + k * k + l * l)) / 4.3596); };
    auto hex = [&](int h, int k, int l) {
        return tt(
            std::sqrt(4.0 / 3.0 * (h * h + h * k + k * k) / (2.6649 * 2.6649) + l * l / (4.9468 * 4.9468)));
    };
    const std::vector<std::pair<const char*, double>> ref = {
        {"SiC 111", cubic(1, 1, 1)}, {"Zn 002", hex(0, 0, 2)},    {"Zn 100", hex(1, 0, 0)},
        {"Zn 101", hex(1, 0, 1)},    {"SiC 220", cubic(2, 2, 0)}, {"Zn 102", hex(1, 0, 2)},
        {"SiC 311", cubic(3, 1, 1)}};
    SnipOptions so;
    so.windowPoints = 40;
    so.smoothingPoints = 7;
    auto bg = snipBackground(y, so);
    QVERIFY(bg);
    PeakSearchOptions po;
    po.skipKalpha2 = true;
    auto r = searchPeaks(x, y, *bg, po);
    QVERIFY(r);
    QString found;
    for (const FoundPeak& f : r->peaks)
        found += QString("%1 ").arg(f.twoThetaDeg, 0, 'f', 2);
    qInfo("SiC+Zn: %zu peaks: %s", r->peaks.size(), qPrintable(found));
    std::vector<ProfilePeakStart> starts;
    for (const auto& [name, t] : ref) {
        const FoundPeak* f = nearest(*r, t);
        QVERIFY(f);
        QVERIFY2(std::abs(f->twoThetaDeg - t) < 0.15,
                 qPrintable(QString("%1: found %2, calculated %3").arg(name).arg(f->twoThetaDeg).arg(t)));
        ProfilePeakStart s;
        s.twoThetaDeg = f->twoThetaDeg;
        s.fwhmDeg = f->fwhmDeg;
        s.height = f->height;
        starts.push_back(s);
    }
    ProfileFitOptions o;
    auto fit = fitProfiles(ProfileFitData{x, y, *bg, {}}, starts, {}, o);
    QVERIFY2(fit, fit ? "" : fit.error().message().c_str());
    for (std::size_t k = 0; k < ref.size(); ++k) {
        const ProfilePeak& f = fit->peaks[k];
        qInfo("%s: %.4f ± %.4f (calculated %.4f), FWHM %.4f, η %.2f", ref[k].first, f.twoThetaDeg,
              f.twoThetaErrDeg, ref[k].second, f.fwhmDeg, f.shapeParameter);
        VERIFY_NEAR(f.twoThetaDeg, ref[k].second, 0.15);
        QVERIFY(f.fwhmDeg > 0.02 && f.fwhmDeg < 1.0);
    }
    // Self-consistency of the fitted Kα1 positions: the three SiC lines give one cubic a, and the Zn
    // cell from (002) and (100) predicts (101) and (102).
    auto invD = [&](double t) { return 2.0 * std::sin(0.5 * t * kRad) / lambda; };
    const double a111 = std::sqrt(3.0) / invD(fit->peaks[0].twoThetaDeg);
    const double a220 = std::sqrt(8.0) / invD(fit->peaks[4].twoThetaDeg);
    const double a311 = std::sqrt(11.0) / invD(fit->peaks[6].twoThetaDeg);
    qInfo("SiC a from (111), (220), (311): %.4f %.4f %.4f Å", a111, a220, a311);
    VERIFY_NEAR(a220, a111, 0.003);
    VERIFY_NEAR(a311, a111, 0.003);
    const double c = 2.0 / invD(fit->peaks[1].twoThetaDeg);
    const double a = std::sqrt(4.0 / 3.0) / invD(fit->peaks[2].twoThetaDeg);
    auto zn = [&](int h, int k, int l) {
        return tt(std::sqrt(4.0 / 3.0 * (h * h + h * k + k * k) / (a * a) + l * l / (c * c)));
    };
    qInfo("Zn a = %.4f, c = %.4f Å", a, c);
    VERIFY_NEAR(fit->peaks[3].twoThetaDeg, zn(1, 0, 1), 0.03);
    VERIFY_NEAR(fit->peaks[5].twoThetaDeg, zn(1, 0, 2), 0.03);
}

void TestXrdPeaks::kalpha2Detection()
{
    // The same ten lines with and without their Kα2 partners (a Kα1 monochromator): the resolved lines
    // tell which, and with doublets wrongly assumed the Kα1 positions of single lines come out low.
    const std::vector<TrueLine> lines = xrdtest::tenLines();
    for (const bool withKa2 : {true, false}) {
        const xrdtest::Pattern p = xrdtest::makePattern(15.0, 105.0, 0.01, lines, xrdtest::smoothBackground,
                                                        withKa2, 11 + int(withKa2));
        ProfileFitOptions o;
        o.kalphaDoublets = true;
        const auto starts = startsFrom(lines, 0.01, 1.2);
        const Kalpha2Evidence ev = testKalpha2(dataOf(p, p.background), starts, o);
        QVERIFY(ev.tested);
        QVERIFY(ev.lines >= 1);
        QVERIFY2(
            ev.present == withKa2,
            qPrintable(QStringLiteral("χ² doublet %1, single %2").arg(ev.chi2Doublet).arg(ev.chi2Single)));
    }
    // Broad lines (Kα2 unresolved) leave the question open: the file's statement stands.
    std::vector<TrueLine> broad = lines;
    for (TrueLine& l : broad)
        l.params[1] = 1.5;
    const xrdtest::Pattern pb =
        xrdtest::makePattern(15.0, 105.0, 0.02, broad, xrdtest::smoothBackground, true, 5);
    ProfileFitOptions o;
    const Kalpha2Evidence eb = testKalpha2(dataOf(pb, pb.background), startsFrom(broad, 0.0, 1.0), o);
    QVERIFY(!eb.tested);
    QVERIFY(eb.present);
}

/// Exact Voigt widths of a known instrument (U 0.004, V −0.002, W 0.003 deg²; X 0.005, Y 0.01 deg) at 12
/// lines give U, V, W, X, Y back to 1e-9; one overlapped line twice as wide is left out and the rest
/// still give them to 1e-9; fewer than 3 lines is an error.
void TestXrdPeaks::cagliotiFitOfExactLines()
{
    const double u = 0.004, v = -0.002, w = 0.003, xl = 0.005, yl = 0.01;
    InstrumentBroadening truth;
    truth.kind = InstrumentBroadening::Kind::Caglioti;
    truth.uDeg2 = u, truth.vDeg2 = v, truth.wDeg2 = w, truth.xDeg = xl, truth.yDeg = yl;
    std::vector<InstrumentLine> lines;
    for (double tt = 20.0; tt <= 130.0; tt += 10.0) {
        auto wd = instrumentWidths(truth, tt);
        QVERIFY(wd);
        lines.push_back({tt, wd->gaussFwhmDeg, 1e-4, wd->lorentzFwhmDeg, 1e-4, instrumentFwhmDeg(truth, tt)});
    }
    auto f = fitCagliotiFunction(lines);
    QVERIFY2(f, f ? "" : f.error().message().c_str());
    VERIFY_NEAR(f->uDeg2, u, 1e-9);
    VERIFY_NEAR(f->vDeg2, v, 1e-9);
    VERIFY_NEAR(f->wDeg2, w, 1e-9);
    VERIFY_NEAR(f->xDeg, xl, 1e-9);
    VERIFY_NEAR(f->yDeg, yl, 1e-9);
    QVERIFY(f->rmsResidualPct < 1e-6);
    lines[4].gaussFwhmDeg *= 2.0;
    lines[4].fwhmDeg *= 2.0;
    auto g = fitCagliotiFunction(lines);
    QVERIFY(g);
    QVERIFY(!g->used[4]);
    VERIFY_NEAR(g->uDeg2, u, 1e-9);
    VERIFY_NEAR(g->wDeg2, w, 1e-9);
    QVERIFY(!g->warnings.empty());
    QVERIFY(!fitCagliotiFunction(std::span<const InstrumentLine>(lines.data(), 2)));
}

QTEST_GUILESS_MAIN(TestXrdPeaks)
#include "tst_xrd_peaks.moc"
