// BET and pore analysis (core/numeric/bet): generate → analyse → recover, the demo isotherms, edge cases,
// and real isotherms with published or vendor-reported areas when the shared test data are present.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

#include "numeric/Constants.h"
#include "numeric/bet/Adsorptive.h"
#include "numeric/bet/BetFit.h"
#include "numeric/bet/BetWindowSearch.h"
#include "numeric/bet/Bjh.h"
#include "numeric/bet/Hysteresis.h"
#include "numeric/bet/Langmuir.h"
#include "numeric/bet/MonotoneCubic.h"
#include "numeric/bet/PoreVolume.h"
#include "numeric/bet/TPlot.h"
#include "numeric/bet/Thickness.h"
#include "numeric/sim/DemoSeries.h"
#include "numeric/sim/Isotherm.h"
#include "numeric/sim/SimUtil.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace vanadis::bet;

namespace {

QByteArray msg(const QString& what, double got, double expected, double tol)
{
    return QStringLiteral("%1: got %2, expected %3 (tolerance %4)")
        .arg(what)
        .arg(got, 0, 'g', 9)
        .arg(expected, 0, 'g', 9)
        .arg(tol, 0, 'g', 4)
        .toUtf8();
}

double relErr(double got, double expected)
{
    return std::abs(got - expected) / std::abs(expected);
}

#define CHECK_REL(what, got, expected, tol)                                                                  \
    do {                                                                                                     \
        const double g_ = (got), e_ = (expected);                                                            \
        QVERIFY2(relErr(g_, e_) <= (tol), msg(what, g_, e_, tol).constData());                               \
    } while (0)

// BET isotherm n = n_m·C·x/[(1 − x)(1 − x + C·x)].
double betAmount(double x, double nm, double c)
{
    return nm * c * x / ((1.0 - x) * (1.0 - x + c * x));
}

// Reproducible Gaussian noise: mt19937_64 is fully specified by the standard, std::normal_distribution is
// not, so Box–Muller is done here.
class Noise {
public:
    explicit Noise(std::uint64_t seed) : m_rng(seed) {}
    double normal()
    {
        const double u1 = (double(m_rng() >> 11) + 0.5) / 9007199254740992.0;
        const double u2 = (double(m_rng() >> 11) + 0.5) / 9007199254740992.0;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::mt19937_64 m_rng;
};

std::vector<double> groundTruthPressures()
{
    return {0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.10, 0.12, 0.14,
            0.16,  0.18, 0.20, 0.22, 0.25, 0.28, 0.30, 0.33, 0.36, 0.40, 0.45};
}

struct Branches {
    IsothermBranch ads, des;
};

Branches splitSim(const vanadis::sim::SimDataset& ds)
{
    const auto& x = vanadis::sim::column(ds, "P/P0").values;
    const auto& n = vanadis::sim::column(ds, "Quantity Adsorbed").values;
    const auto& b = vanadis::sim::column(ds, "Branch").values;
    Branches out;
    for (std::size_t i = 0; i < x.size(); ++i) {
        auto& br = b[i] == 0.0 ? out.ads : out.des;
        br.pRelative.push_back(x[i]);
        br.amountCm3PerG.push_back(n[i]);
    }
    return out;
}

const vanadis::sim::SimDataset& isothermOf(const std::vector<vanadis::sim::SimDataset>& all)
{
    for (const auto& d : all)
        if (d.kind == "isotherm") return d;
    throw std::runtime_error("no isotherm");
}

QString testDataDir()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QString dir = env.value("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = env.value("VANADIS_TESTDATA_DEFAULT");
    return dir;
}

// pyGAPS JSON v3 isotherm → branches in cm³ STP g⁻¹ and p/p0. Only what these five files use: relative
// or absolute pressure in bar (p0 of N2 at 77.355 K = 1.01325 bar, its normal boiling point, as pyGAPS
// takes it from CoolProp), loading in mmol per g, an optional "branch": "des" per point.
bool readPygaps(const QString& path, Branches& out, QString& error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = "cannot open " + path;
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const bool relative = root.value("pressure_mode").toString() == "relative";
    if (!relative && root.value("pressure_unit").toString() != "bar") {
        error = "unexpected pressure unit in " + path;
        return false;
    }
    if (root.value("loading_unit").toString() != "mmol" || root.value("material_unit").toString() != "g") {
        error = "unexpected loading unit in " + path;
        return false;
    }
    const double p0Bar = 1.01325;
    for (const QJsonValue& v : root.value("isotherm_data").toArray()) {
        const QJsonObject o = v.toObject();
        const double p = o.value("pressure").toDouble();
        auto& br = o.value("branch").toString() == "des" ? out.des : out.ads;
        br.pRelative.push_back(relative ? p : p / p0Bar);
        br.amountCm3PerG.push_back(o.value("loading").toDouble() *
                                   vanadis::constants::molarVolumeStpCm3PerMol / 1000.0);
    }
    return !out.ads.empty();
}

// BETSI round-robin CSV: a header line, then "p/p0,amount (cm3/g STP)".
bool readBetsiCsv(const QString& path, IsothermBranch& out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return false;
    while (!f.atEnd()) {
        const QList<QByteArray> parts = f.readLine().trimmed().split(',');
        if (parts.size() < 2) continue;
        bool okX = false, okN = false;
        const double x = parts[0].trimmed().toDouble(&okX), n = parts[1].trimmed().toDouble(&okN);
        if (!okX || !okN) continue;
        out.pRelative.push_back(x);
        out.amountCm3PerG.push_back(n);
    }
    return out.size() >= 3;
}

// The adsorption part (pressures rising up to the maximum) of an afp parser oracle (*.expected.json).
bool readAfpAdsorption(const QString& path, IsothermBranch& out, QString& loadingUnit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject data = root.value("data").toObject();
    const QJsonArray p = data.value("pressure_relative").toArray();
    const QJsonArray n = data.value("loading").toArray();
    const QJsonArray branch = data.value("branch").toArray();
    loadingUnit = root.value("meta").toObject().value("loading_unit").toString();
    const double scale = loadingUnit == "mmol" ? vanadis::constants::molarVolumeStpCm3PerMol / 1000.0 : 1.0;
    for (qsizetype i = 0; i < p.size() && i < n.size(); ++i) {
        if (!branch.isEmpty() && branch[i].toInt() != 0) break;
        if (!out.pRelative.empty() && p[i].toDouble() < out.pRelative.back()) break;
        out.pRelative.push_back(p[i].toDouble());
        out.amountCm3PerG.push_back(n[i].toDouble() * scale);
    }
    return out.size() >= 3;
}

} // namespace

class TestBet : public QObject {
    Q_OBJECT

private slots:
    void constants();
    void transformsAndCriteriaByHand();
    void monotoneCubic();
    void groundTruthNoiseFree();
    void groundTruthNoisy();
    void uncertaintyConvention();
    void langmuirSynthetic();
    void singlePoint();
    void demoAutomaticArea_data();
    void demoAutomaticArea();
    void bjhPeakSyntheticAdsorption();
    void bjhPeakSyntheticDesorption();
    void tPlotSynthetic();
    void totalPoreVolumeAndDiameter();
    void hysteresisHints();
    void noValidWindow();
    void lowCIsFlagged();
    void interpolationFallback();
    void badInput();
    void realPygaps_data();
    void realPygaps();
    void realBetsiRoundRobin();
    void betsiPublishedResultReproduced();
    void vendorWindowsReproduced_data();
    void vendorWindowsReproduced();
    void vendorPoreVolumeAndTPlot3P();
};

void TestBet::constants()
{
    // a [m² g⁻¹] = 4.3526·V_m [cm³ STP g⁻¹] for N2 (bet.md §1).
    CHECK_REL("N2 area per cm3 STP", areaM2PerGFromMonolayer(1.0, 0.162), 4.3526, 2e-5);
    CHECK_REL("N2 area per mmol", areaM2PerGFromMonolayer(22.413969, 0.162), 97.559, 2e-5);
    const AdsorptiveData& n2 = adsorptiveData(Adsorptive::N2);
    CHECK_REL("N2 liquid per gas", n2.liquidPerGasStp(), 0.0015468, 1e-4);
    CHECK_REL("N2 Kelvin length 2γV/RT", 2.0 * n2.kelvinLengthNm(), 0.954, 1e-3);
    QCOMPARE(adsorptiveData(Adsorptive::Ar).crossSectionNm2, 0.142);
    QCOMPARE(adsorptiveData(Adsorptive::Kr).crossSectionNm2, 0.202);
    QCOMPARE(adsorptiveData(Adsorptive::CO2).crossSectionNm2, 0.195);
    QVERIFY(!adsorptiveData(Adsorptive::Kr).bjhSupported);
    QVERIFY(std::isnan(adsorptiveData(Adsorptive::CO2).liquidPerGasStp()));
    QCOMPARE(adsorptiveFromName(" Nitrogen "), std::optional(Adsorptive::N2));
    QCOMPARE(adsorptiveFromName("argon"), std::optional(Adsorptive::Ar));
    QVERIFY(!adsorptiveFromName("Xe"));
    // Thickness curves at p/p0 = 0.5 against the formulas written out.
    CHECK_REL("Harkins-Jura t(0.5)", thicknessAngstrom(ThicknessCurve::HarkinsJura, 0.5),
              std::sqrt(13.99 / (0.034 + std::log10(2.0))), 1e-12);
    CHECK_REL("Halsey t(0.5)", thicknessAngstrom(ThicknessCurve::Halsey, 0.5),
              3.54 * std::cbrt(5.0 / std::log(2.0)), 1e-12);
    CHECK_REL("KJS t(0.5)", thicknessAngstrom(ThicknessCurve::Kjs, 0.5),
              std::pow(60.65 / (0.03071 + std::log10(2.0)), 0.3968), 1e-12);
    CHECK_REL("STSA t(0.5)", thicknessAngstrom(ThicknessCurve::CarbonBlack, 0.5), 2.98 + 3.225 + 0.22, 1e-12);
}

void TestBet::transformsAndCriteriaByHand()
{
    CHECK_REL("BET transform", betTransform(0.2, 10.0), 0.2 / (10.0 * 0.8), 1e-15);
    QVERIFY(std::isnan(betTransform(1.0, 10.0)));
    QVERIFY(std::isnan(betTransform(0.2, 0.0)));
    CHECK_REL("Rouquerol transform", rouquerolTransform(0.2, 10.0), 8.0, 1e-15);
}

void TestBet::monotoneCubic()
{
    const std::vector<double> x{0.0, 1.0, 2.0, 3.0, 4.0}, y{0.0, 1.0, 1.0, 5.0, 6.0};
    const MonotoneCubic f(x, y);
    for (std::size_t i = 0; i < x.size(); ++i)
        QCOMPARE(f(x[i]), y[i]);
    // No overshoot on the flat piece, monotone everywhere.
    double prev = -1.0;
    for (double t = 0.0; t <= 4.0; t += 0.01) {
        const double v = f(t);
        QVERIFY2(v >= prev - 1e-12, qPrintable(QString("PCHIP not monotone at %1").arg(t)));
        if (t > 1.0 && t < 2.0) QVERIFY(std::abs(v - 1.0) < 1e-12);
        prev = v;
    }
    const double xc = f.firstCrossing(3.0);
    QVERIFY(xc > 2.0 && xc < 3.0);
    QVERIFY2(std::abs(f(xc) - 3.0) < 1e-9, msg("PCHIP inverse", f(xc), 3.0, 1e-9).constData());
    QCOMPARE(f.firstCrossing(1.0), 1.0);
    QVERIFY(std::isnan(f.firstCrossing(7.0)));
}

void TestBet::groundTruthNoiseFree()
{
    const double nm = 20.0, c = 120.0;
    IsothermBranch b;
    for (double x : groundTruthPressures()) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(x, nm, c));
    }
    const auto r = searchBetWindow(b);
    QVERIFY2(r.has_value(), r ? "" : r.error().message().c_str());
    QVERIFY(r->selected.has_value());
    const BetFitResult& f = *r->selected;
    const double area = areaM2PerGFromMonolayer(nm, 0.162);
    CHECK_REL("noise-free BET area", f.areaM2PerG, area, 1e-3);
    CHECK_REL("noise-free BET C", f.c, c, 1e-3);
    CHECK_REL("noise-free n_m", f.monolayerCm3PerG, nm, 1e-3);
    QVERIFY(f.criteria.allPass());
    QCOMPARE(r->interpolationRound, 0);
    qInfo("noise-free: area %.6f (true %.6f), C %.4f, window %.3f–%.3f (%d points), %d valid windows",
          f.areaM2PerG, area, f.c, f.pFirst, f.pLast, f.nPoints, r->nValidWindows);
}

void TestBet::groundTruthNoisy()
{
    // 0.3 % multiplicative noise, 100 realisations. With noise, n(1 − x) is nearly flat above p/p0 ≈ 0.15
    // (C = 120) and criterion 1 breaks at random steps, so the knee rule can end on a short window. With
    // the Vanadis minimum of 3 points a few realisations land on a 3–6 point window whose area is off by
    // up to ≈ 2 %; with BETSI's minimum (more than 10 points, i.e. 11) every realisation stays within 1 %.
    // Both are asserted so that a change of the rule or of the default shows up here.
    const double nm = 20.0, c = 120.0;
    const double area = areaM2PerGFromMonolayer(nm, 0.162);
    for (int minPoints : {3, 11}) {
        int beyond1 = 0;
        double worstArea = 0.0, worstC = 0.0;
        std::vector<double> errors, cErrors;
        int covered2 = 0;
        for (std::uint64_t seed = 1; seed <= 100; ++seed) {
            Noise noise(seed);
            IsothermBranch b;
            for (double x : groundTruthPressures()) {
                b.pRelative.push_back(x);
                b.amountCm3PerG.push_back(betAmount(x, nm, c) * (1.0 + 0.003 * noise.normal()));
            }
            BetSearchOptions o;
            o.minPoints = minPoints;
            const auto r = searchBetWindow(b, o);
            QVERIFY(r.has_value());
            QVERIFY2(r->selected.has_value(), qPrintable(QString("no window for seed %1").arg(seed)));
            const BetFitResult& f = *r->selected;
            QVERIFY(f.criteria.allPass());
            const double e = relErr(f.areaM2PerG, area);
            errors.push_back(e);
            beyond1 += e > 0.01 ? 1 : 0;
            worstArea = std::max(worstArea, e);
            worstC = std::max(worstC, relErr(f.c, c));
            cErrors.push_back(relErr(f.c, c));
            // Selection favours windows that happen to look consistent, so the OLS 1σ of a short window
            // understates its error; count how often it covers the truth at 2σ, for the record.
            covered2 += std::abs(f.areaM2PerG - area) <= 2.0 * f.areaErrM2PerG ? 1 : 0;
        }
        std::sort(errors.begin(), errors.end());
        std::sort(cErrors.begin(), cErrors.end());
        qInfo("0.3 %% noise, min %d points, 100 seeds: median area error %.3f %%, worst %.3f %%, %d beyond 1 "
              "%%, "
              "median C error %.1f %%, worst %.1f %%, truth within 2 area_err in %d of 100",
              minPoints, 100 * errors[50], 100 * worstArea, beyond1, 100 * cErrors[50], 100 * worstC,
              covered2);
        QVERIFY2(errors[50] < 0.003, msg("median area error", errors[50], 0.0, 0.003).constData());
        // C rests on the small intercept and is far less certain than the area: median within 5 %, worst 30
        // %.
        QVERIFY2(cErrors[50] < 0.05, msg("median C error", cErrors[50], 0.0, 0.05).constData());
        QVERIFY2(worstC < 0.30, msg("worst C error", worstC, 0.0, 0.30).constData());
        if (minPoints == 3) {
            QVERIFY2(beyond1 <= 10, qPrintable(QString("%1 of 100 realisations beyond 1 %").arg(beyond1)));
            QVERIFY2(worstArea < 0.025,
                     msg("worst area error, min 3 points", worstArea, 0.0, 0.025).constData());
        } else {
            QVERIFY2(worstArea < 0.01,
                     msg("worst area error, min 11 points", worstArea, 0.0, 0.01).constData());
        }
    }
}

void TestBet::uncertaintyConvention()
{
    // σ_a = a·√(σ_s² + σ_i²)/(s + i) with OLS standard errors over k − 2 degrees of freedom, checked against
    // sums written out here.
    IsothermBranch b;
    Noise noise(7);
    for (double x : {0.05, 0.08, 0.11, 0.14, 0.17, 0.20, 0.25, 0.30}) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(x, 30.0, 80.0) * (1.0 + 0.004 * noise.normal()));
    }
    const auto f = fitBetRange(b, 0.05, 0.30, 0.162);
    QVERIFY(f.has_value());
    const int k = 8;
    double mx = 0, my = 0;
    std::vector<double> y(k);
    for (int i = 0; i < k; ++i) {
        y[i] = b.pRelative[i] / (b.amountCm3PerG[i] * (1 - b.pRelative[i]));
        mx += b.pRelative[i] / k;
        my += y[i] / k;
    }
    double sxx = 0, sxy = 0;
    for (int i = 0; i < k; ++i) {
        sxx += (b.pRelative[i] - mx) * (b.pRelative[i] - mx);
        sxy += (b.pRelative[i] - mx) * (y[i] - my);
    }
    const double s = sxy / sxx, i0 = my - s * mx;
    double ssr = 0;
    for (int i = 0; i < k; ++i)
        ssr += std::pow(y[i] - s * b.pRelative[i] - i0, 2);
    const double s2 = ssr / (k - 2);
    const double es = std::sqrt(s2 / sxx), ei = std::sqrt(s2 * (1.0 / k + mx * mx / sxx));
    const double a = areaM2PerGFromMonolayer(1.0 / (s + i0), 0.162);
    CHECK_REL("area", f->areaM2PerG, a, 1e-12);
    CHECK_REL("area error (Micromeritics convention)", f->areaErrM2PerG, a * std::hypot(es, ei) / (s + i0),
              1e-9);
    CHECK_REL("C", f->c, 1 + s / i0, 1e-10);
    QVERIFY(f->cErr > 0.0);
}

void TestBet::langmuirSynthetic()
{
    const double nm = 150.0, k = 40.0;
    IsothermBranch b;
    for (double x = 0.02; x <= 0.5; x += 0.02) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(nm * k * x / (1.0 + k * x));
    }
    const auto r = fitLangmuir(b, 0.05, 0.30, 0.162);
    QVERIFY(r.has_value());
    QVERIFY(r->physical);
    CHECK_REL("Langmuir n_m", r->monolayerCm3PerG, nm, 1e-9);
    CHECK_REL("Langmuir K", r->kPerPRelative, k, 1e-8);
    CHECK_REL("Langmuir area", r->areaM2PerG, areaM2PerGFromMonolayer(nm, 0.162), 1e-9);
    QVERIFY(r->areaErrM2PerG < 1e-6 * r->areaM2PerG);
    QVERIFY(!fitLangmuir(b, 0.05, 0.07, 0.162).has_value());
}

void TestBet::singlePoint()
{
    // With C = 1000 the single-point area is within ≈ 0.3 % of the multipoint one (error ≈ (1 − x)/(C·x)).
    IsothermBranch b;
    for (double x : groundTruthPressures()) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(x, 20.0, 1000.0));
    }
    const auto sp = singlePointBet(b, 0.162);
    QVERIFY(sp.has_value());
    QCOMPARE(sp->pRelative, 0.30);
    const double expected = areaM2PerGFromMonolayer(20.0, 0.162) / (1.0 + 0.7 / (1000.0 * 0.3));
    CHECK_REL("single-point area", sp->areaM2PerG, expected, 1e-9);
}

void TestBet::demoAutomaticArea_data()
{
    QTest::addColumn<QString>("sample");
    for (const std::string& s : vanadis::sim::demoSampleNames())
        QTest::newRow(s.c_str()) << QString::fromStdString(s);
}

void TestBet::demoAutomaticArea()
{
    QFETCH(QString, sample);
    const auto truth = vanadis::sim::demoTruth(sample.toStdString());
    const Branches br = splitSim(isothermOf(vanadis::sim::demoDatasets(sample.toStdString())));
    QVERIFY(validateBranch(br.ads, BranchDirection::Adsorption).has_value());
    QVERIFY(validateBranch(br.des, BranchDirection::Desorption).has_value());
    const auto r = searchBetWindow(br.ads);
    QVERIFY(r.has_value());
    QVERIFY2(r->selected.has_value(), "no BET window on a demo isotherm");
    const BetFitResult& f = *r->selected;
    qInfo("%s: automatic BET %.2f ± %.2f m2/g (study %.1f), C %.1f, p/p0 %.4f–%.4f (%d points), R2 %.6f, "
          "%d valid windows, spread %.2f",
          qPrintable(sample), f.areaM2PerG, f.areaErrM2PerG, truth.betAreaM2PerG, f.c, f.pFirst, f.pLast,
          f.nPoints, f.r2, r->nValidWindows, r->spreadM2PerG);
    CHECK_REL(sample + " automatic BET area", f.areaM2PerG, truth.betAreaM2PerG, 0.01);
    QVERIFY2(f.criteria.rouquerolIncreasing, "criterion 1");
    QVERIFY2(f.criteria.positiveC, "criterion 2");
    QVERIFY2(f.criteria.monolayerInWindow, "criterion 3");
    QVERIFY2(f.criteria.monolayerPressureConsistent, "criterion 4");
    QVERIFY(f.r2 > 0.995);
    QCOMPARE(r->interpolationRound, 0);
}

namespace {

// A single cylindrical-pore population with a narrow lognormal size distribution, densely sampled so that
// BJH bins are ≈ 3–5 % wide at the mode. The sim's lognormal is in area; volume per d(ln D) then peaks at
// median·exp(σ²) and dV/dD exactly at the median.
vanadis::sim::IsothermParams poreIsotherm(double medianNm, double logSigma)
{
    vanadis::sim::IsothermParams p;
    p.betAreaM2PerG = 300.0;
    p.betC = 100.0;
    p.pores = {{0.8, medianNm, logSigma, 1.0}};
    p.noiseRelative = 0.0;
    p.pressureJitterRelative = 0.0;
    p.adsorptionPressures.clear();
    for (double x = 0.01; x < 0.3; x += 0.02)
        p.adsorptionPressures.push_back(x);
    for (double x = 0.30; x < 0.9905; x += 0.01)
        p.adsorptionPressures.push_back(x);
    for (double x = 0.99; x > 0.299; x -= 0.01)
        p.desorptionPressures.push_back(x);
    return p;
}

} // namespace

void TestBet::bjhPeakSyntheticAdsorption()
{
    // dV/dlogD (the curve plotted, whose maximum is peak_diameter_nm) peaks at median·exp(σ²), dV/dD at the
    // median. The sim's film follows the Harkins–Jura shape above p/p0 = 0.3, the curve BJH assumes, so no
    // film artefact adds small "pores" and dV/dD (which weights small pores by 1/D) is checked on every
    // mode. The bound is 5 % (measured: ≤ 1.2 % on adsorption, ≤ 0.9 % on desorption).
    const double sigma = 0.15;
    for (double median : {5.0, 6.0, 8.0, 15.0}) {
        const Branches br = splitSim(vanadis::sim::simulateIsotherm(poreIsotherm(median, sigma)));
        BjhOptions o; // adsorption branch, cylindrical meniscus, Harkins–Jura
        const auto r = bjh(br.ads, o);
        QVERIFY2(r.has_value(), r ? "" : r.error().message().c_str());
        qInfo("BJH ads, median %.1f nm: dV/dD peak %.3f nm, dV/dlogD peak %.3f nm (expected %.3f), %d "
              "negative steps, "
              "V %.4f cm3/g",
              median, r->peakDiameterDvDdNm, r->peakDiameterNm, median * std::exp(sigma * sigma),
              r->negativeSteps, r->totalVolumeCm3PerG);
        CHECK_REL(QString("BJH adsorption dV/dlogD peak, median %1 nm").arg(median), r->peakDiameterNm,
                  median * std::exp(sigma * sigma), 0.05);
        CHECK_REL(QString("BJH adsorption dV/dD peak, median %1 nm").arg(median), r->peakDiameterDvDdNm,
                  median, 0.05);
        // Cumulative columns are running sums of the bins; bins run from large to small pores.
        double v = 0.0, a = 0.0;
        for (const BjhBin& b : r->bins) {
            v += b.poreVolumeCm3PerG;
            a += b.poreAreaM2PerG;
        }
        CHECK_REL("cumulative volume", r->bins.back().cumulativeVolumeCm3PerG, v, 1e-12);
        CHECK_REL("cumulative area", r->bins.back().cumulativeAreaM2PerG, a, 1e-12);
        for (std::size_t i = 1; i < r->bins.size(); ++i)
            QVERIFY(r->bins[i].diameterNm < r->bins[i - 1].diameterNm);
        QVERIFY(r->bins.back().diameterLowerNm >= o.minDiameterNm);
    }
}

void TestBet::bjhPeakSyntheticDesorption()
{
    // Open cylinders (neck ratio 1) empty at the hemispherical-meniscus Kelvin pressure.
    const double sigma = 0.15;
    for (double median : {8.0, 15.0}) {
        const Branches br = splitSim(vanadis::sim::simulateIsotherm(poreIsotherm(median, sigma)));
        BjhOptions o;
        o.meniscus = Meniscus::Hemispherical;
        const auto r = bjh(br.des, o);
        QVERIFY(r.has_value());
        qInfo("BJH des, median %.1f nm: dV/dD peak %.3f nm, dV/dlogD peak %.3f nm", median,
              r->peakDiameterDvDdNm, r->peakDiameterNm);
        CHECK_REL("BJH desorption dV/dD peak", r->peakDiameterDvDdNm, median, 0.05);
        CHECK_REL("BJH desorption dV/dlogD peak", r->peakDiameterNm, median * std::exp(sigma * sigma), 0.05);
    }
}

void TestBet::tPlotSynthetic()
{
    // n = V_micro/D + S_ext·t/(10⁴·D) on the Harkins–Jura curve: the t-plot must return both exactly.
    const double d = adsorptiveData(Adsorptive::N2).liquidPerGasStp();
    const double vMicro = 0.12, sExt = 85.0;
    IsothermBranch b;
    for (double x = 0.01; x < 0.9; x += 0.03) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(vMicro / d +
                                  sExt * thicknessAngstrom(ThicknessCurve::HarkinsJura, x) / (1e4 * d));
    }
    TPlotOptions o;
    o.liquidPerGas = d;
    const auto r = tPlot(b, o);
    QVERIFY(r.has_value());
    CHECK_REL("t-plot external area", r->externalAreaM2PerG, sExt, 1e-9);
    CHECK_REL("t-plot micropore volume", r->microporeVolumeCm3PerG, vMicro, 1e-9);
    QVERIFY(r->nPoints >= 3);
    QVERIFY(r->tFirstAngstrom >= 3.5 && r->tLastAngstrom <= 5.0);
    o.tMinAngstrom = 20.0;
    o.tMaxAngstrom = 30.0;
    QVERIFY(!tPlot(b, o).has_value());
}

void TestBet::totalPoreVolumeAndDiameter()
{
    IsothermBranch b{{0.5, 0.9, 0.98, 0.995}, {100.0, 200.0, 300.0, 310.0}};
    const double d = adsorptiveData(Adsorptive::N2).liquidPerGasStp();
    const auto v = totalPoreVolume(b, 0.99, d);
    QVERIFY(v.has_value());
    CHECK_REL("amount at 0.99", v->amountCm3PerG, 300.0 + 10.0 * (0.01 / 0.015), 1e-12);
    CHECK_REL("Gurvich volume", v->volumeCm3PerG, v->amountCm3PerG * d, 1e-12);
    QVERIFY(!v->nearestPoint);
    IsothermBranch shortBranch{{0.5, 0.9, 0.98}, {100.0, 200.0, 300.0}};
    const auto near = totalPoreVolume(shortBranch, 0.99, d);
    QVERIFY(near.has_value() && near->nearestPoint && near->pRelative == 0.98);
    QVERIFY(!totalPoreVolume(IsothermBranch{{0.5, 0.9}, {1.0, 2.0}}, 0.99, d).has_value());
    QVERIFY(!totalPoreVolume(b, 0.99, adsorptiveData(Adsorptive::Kr).liquidPerGasStp()).has_value());
    CHECK_REL("4V/A", averagePoreDiameterNm(0.5, 200.0), 10.0, 1e-12);
}

void TestBet::hysteresisHints()
{
    // HMCS: ink-bottle mesopores emptying at cavitation → H2; CS: open 20 nm pores → H1-like loop at high p.
    const Branches hmcs = splitSim(isothermOf(vanadis::sim::demoDatasets("HMCS")));
    const auto h = analyseHysteresis(hmcs.ads, hmcs.des);
    qInfo("HMCS hysteresis: loop %d, closure %.3f, hint %s (%s)", h.loopPresent, h.closurePRelative,
          hysteresisTypeName(h.typeHint).data(), h.reason.c_str());
    QVERIFY(h.loopPresent);
    QVERIFY(h.closes);
    QVERIFY2(h.closurePRelative > 0.38 && h.closurePRelative < 0.52,
             msg("HMCS closure p/p0", h.closurePRelative, 0.45, 0.07).constData());
    QCOMPARE(hysteresisTypeName(h.typeHint), std::string_view("H2"));

    const Branches open = splitSim(vanadis::sim::simulateIsotherm(poreIsotherm(8.0, 0.15)));
    const auto h1 = analyseHysteresis(open.ads, open.des);
    qInfo("open 8 nm cylinders: loop %d, closure %.3f, hint %s", h1.loopPresent, h1.closurePRelative,
          hysteresisTypeName(h1.typeHint).data());
    QVERIFY(h1.loopPresent);
    QCOMPARE(hysteresisTypeName(h1.typeHint), std::string_view("H1"));

    // No loop when desorption retraces adsorption.
    IsothermBranch des;
    for (std::size_t i = open.ads.size(); i-- > 0;)
        if (open.ads.pRelative[i] > 0.3) {
            des.pRelative.push_back(open.ads.pRelative[i]);
            des.amountCm3PerG.push_back(open.ads.amountCm3PerG[i]);
        }
    const auto none = analyseHysteresis(open.ads, des);
    QVERIFY(!none.loopPresent);
    QCOMPARE(none.typeHint, HysteresisType::None);
}

void TestBet::noValidWindow()
{
    // Type III isotherm (BET with C = 0.5 < 1): the BET transform falls with p/p0, so no window can pass
    // criterion 1 — the search must say so and not invent an area.
    IsothermBranch b;
    for (double x : groundTruthPressures()) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(x, 10.0, 0.5));
    }
    const auto r = searchBetWindow(b);
    QVERIFY(r.has_value());
    QVERIFY(!r->selected.has_value());
    QCOMPARE(r->nValidWindows, 0);
    QVERIFY(!r->warnings.empty());
    QVERIFY2(QString::fromStdString(r->warnings.front()).contains("no BET area"),
             r->warnings.front().c_str());
    // A user range on the same data still fits but warns about C.
    const auto f = fitBetRange(b, 0.05, 0.3, 0.162);
    QVERIFY(f.has_value());
    const auto w = betFitWarnings(*f);
    QVERIFY(!w.empty());
    qInfo("type III, user range: C = %.3f, first warning: %s", f->c, w.front().c_str());
}

void TestBet::lowCIsFlagged()
{
    // C = 5.5: a valid BET fit (positive intercept) whose monolayer is ill-defined. It must warn; C = 100
    // on the same pressures must not.
    for (const double c : {5.5, 100.0}) {
        IsothermBranch b;
        for (double x : groundTruthPressures()) {
            b.pRelative.push_back(x);
            b.amountCm3PerG.push_back(betAmount(x, 10.0, c));
        }
        const auto f = fitBetRange(b, 0.05, 0.3, 0.162);
        QVERIFY(f.has_value());
        bool lowC = false;
        for (const std::string& w : betFitWarnings(*f))
            lowC = lowC || w.find("below 20") != std::string::npos;
        qInfo("C true %.1f, fitted %.3f: low-C warning %s", c, f->c, lowC ? "yes" : "no");
        QCOMPARE(lowC, c < 20.0);
    }
}

void TestBet::interpolationFallback()
{
    // Five measured points on a BET curve below the knee, then a plateau (n(1 − x) falls): with a minimum
    // window of 6 points no window of measured points qualifies; round 1 of the fall-back inserts one
    // PCHIP point per gap and finds one, flagged.
    const double nm = 20.0, c = 100.0;
    IsothermBranch b;
    for (double x : {0.01, 0.05, 0.1, 0.2, 0.3}) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(x, nm, c));
    }
    for (double x : {0.5, 0.7, 0.9}) {
        b.pRelative.push_back(x);
        b.amountCm3PerG.push_back(betAmount(0.3, nm, c) * (1.0 + 0.05 * x));
    }
    BetSearchOptions o;
    o.minPoints = 6;
    const auto r = searchBetWindow(b, o);
    QVERIFY(r.has_value());
    QVERIFY(r->selected.has_value());
    qInfo(
        "sparse isotherm, min 6 points: round %d, window %.3f–%.3f with %d points of which %d interpolated, "
        "area %.3f (true %.3f)",
        r->interpolationRound, r->selected->pFirst, r->selected->pLast, r->selected->nPoints,
        r->nInterpolatedInWindow, r->selected->areaM2PerG, areaM2PerGFromMonolayer(nm, 0.162));
    QCOMPARE(r->interpolationRound, 1);
    QVERIFY(r->nInterpolatedInWindow > 0);
    QCOMPARE(r->branchUsed.size(), 2 * b.size() - 1);
    QVERIFY(!r->warnings.empty());
    QVERIFY(QString::fromStdString(r->warnings.front()).contains("interpolated"));
    CHECK_REL("area from the interpolated window", r->selected->areaM2PerG,
              areaM2PerGFromMonolayer(nm, 0.162), 0.03);
    // The same isotherm with the default minimum of 3 needs no interpolation.
    const auto r3 = searchBetWindow(b);
    QVERIFY(r3.has_value() && r3->selected.has_value());
    QCOMPARE(r3->interpolationRound, 0);
    QVERIFY(r3->warnings.empty());
}

void TestBet::badInput()
{
    const auto ok = [](const IsothermBranch& b) {
        return validateBranch(b, BranchDirection::Adsorption).has_value();
    };
    QVERIFY(ok(IsothermBranch{{0.1, 0.2, 0.2, 0.3}, {1, 2, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.1, 0.3, 0.2}, {1, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.1, 0.2, 1.02}, {1, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.0, 0.2, 0.3}, {1, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{-0.1, 0.2, 0.3}, {1, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.1, 0.2, 0.3}, {1, -2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.1, 0.2, NAN}, {1, 2, 3}}));
    QVERIFY(!ok(IsothermBranch{{0.1, 0.2}, {1, 2, 3}}));
    const auto e = validateBranch(IsothermBranch{{0.1, 0.3, 0.2}, {1, 2, 3}}, BranchDirection::Adsorption);
    QVERIFY(QString::fromStdString(e.error().message()).contains("point 3"));
    QVERIFY(
        validateBranch(IsothermBranch{{0.9, 0.5, 0.3}, {3, 2, 1}}, BranchDirection::Desorption).has_value());
    QVERIFY(
        !validateBranch(IsothermBranch{{0.9, 0.5, 0.6}, {3, 2, 1}}, BranchDirection::Desorption).has_value());

    QVERIFY(!searchBetWindow(IsothermBranch{{0.1, 0.2}, {1, 2}}).has_value());
    BetSearchOptions o;
    o.minPoints = 2;
    QVERIFY(!searchBetWindow(IsothermBranch{{0.1, 0.2, 0.3}, {1, 2, 3}}, o).has_value());
    QVERIFY(!fitBetWindow(IsothermBranch{{0.1, 0.2, 0.3}, {1, 0, 3}}, 0, 2, 0.162).has_value());
    QVERIFY(!fitBetRange(IsothermBranch{{0.1, 0.2, 0.3}, {1, 2, 3}}, 0.15, 0.35, 0.162).has_value());
    QVERIFY(!bjh(IsothermBranch{{0.1, 0.2}, {1, 2}}).has_value());
}

void TestBet::realPygaps_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("expected");
    QTest::newRow("MCM-41") << "MCM-41 N2 77K.json" << 350.0;
    QTest::newRow("NaY") << "NaY N2 77K.json" << 700.0;
    QTest::newRow("SiO2") << "SiO2 N2 77K.json" << 200.0;
    QTest::newRow("Takeda 5A") << "Takeda 5A N2 77K.json" << 1075.0;
    QTest::newRow("UiO-66") << "UiO-66(Zr) N2 77K.json" << 1250.0;
}

void TestBet::realPygaps()
{
    QFETCH(QString, file);
    QFETCH(double, expected);
    const QString path = testDataDir() + "/bet/pygaps/characterisation/" + file;
    if (testDataDir().isEmpty() || !QFile::exists(path))
        QSKIP("pyGAPS characterisation isotherms not present");
    Branches br;
    QString error;
    QVERIFY2(readPygaps(path, br, error), qPrintable(error));
    const auto valid = validateBranch(br.ads, BranchDirection::Adsorption);
    QVERIFY2(valid.has_value(), valid ? "" : valid.error().message().c_str());
    const auto r = searchBetWindow(br.ads);
    QVERIFY(r.has_value());
    QVERIFY2(r->selected.has_value(), "no BET window");
    const BetFitResult& f = *r->selected;
    qInfo("%s: automatic BET %.1f ± %.1f m2/g (pyGAPS test expectation ≈ %.0f), C %.1f, p/p0 %.5f–%.5f (%d "
          "points), "
          "%d valid windows, spread %.1f, interpolation round %d",
          qPrintable(file), f.areaM2PerG, f.areaErrM2PerG, expected, f.c, f.pFirst, f.pLast, f.nPoints,
          r->nValidWindows, r->spreadM2PerG, r->interpolationRound);
    CHECK_REL(file + " BET area vs pyGAPS expectation", f.areaM2PerG, expected, 0.10);
    QVERIFY2(f.criteria.allPass(), "the automatic window must pass all four Rouquerol criteria");
}

void TestBet::realBetsiRoundRobin()
{
    const QDir dir(testDataDir() + "/bet/betsi");
    if (testDataDir().isEmpty() || !dir.exists()) QSKIP("BETSI round-robin isotherms not present");
    const QStringList files = dir.entryList({"*.csv"}, QDir::Files, QDir::Name);
    if (files.isEmpty()) QSKIP("no BETSI CSV files");
    for (const QString& name : files) {
        IsothermBranch b;
        QVERIFY2(readBetsiCsv(dir.filePath(name), b), qPrintable(name));
        if (auto v = validateBranch(b, BranchDirection::Adsorption); !v) {
            qInfo("%s: rejected as bad input: %s", qPrintable(name), v.error().message().c_str());
            continue;
        }
        const auto r = searchBetWindow(b);
        QVERIFY(r.has_value());
        if (!r->selected) {
            qInfo("%-22s no valid window", qPrintable(name));
            continue;
        }
        const BetFitResult& f = *r->selected;
        qInfo("%-22s BET %8.1f ± %5.1f m2/g, C %9.1f, p/p0 %.5f–%.5f (%2d points), %4d valid windows, spread "
              "%.1f%s",
              qPrintable(name), f.areaM2PerG, f.areaErrM2PerG, f.c, f.pFirst, f.pLast, f.nPoints,
              r->nValidWindows, r->spreadM2PerG, r->interpolationRound ? " (interpolated)" : "");
        QVERIFY2(f.criteria.allPass(), qPrintable(name + ": automatic window fails a criterion"));
    }
}

void TestBet::betsiPublishedResultReproduced()
{
    // BETSI's own output for its example isotherm (nakulrampal/betsi-gui, betsi/EXP_ZIF-8powder.csv/
    // results.txt): "Area 1710.8729 m2/g, 16 points, R² 0.99655148294, C 718.30810388, monolayer loading
    // 392.98 cm3/g". With BETSI's rule (more than 10 points) the same window must be chosen — C and R²
    // equal to the digits BETSI prints — and the area agree within the 0.1 % (BETSI's rounded
    // N_A·σ/V_m accounts for ≈ −0.02 %; Vanadis keeps the CODATA constants).
    const QString path = testDataDir() + "/bet/betsi/EXP_ZIF-8powder.csv";
    if (testDataDir().isEmpty() || !QFile::exists(path)) QSKIP("BETSI example isotherm not present");
    IsothermBranch b;
    QVERIFY(readBetsiCsv(path, b));
    QVERIFY(validateBranch(b, BranchDirection::Adsorption).has_value());
    BetSearchOptions o;
    o.minPoints = 11; // BETSI: more than 10 points (the analysis' default)
    const auto r = searchBetWindow(b, o);
    QVERIFY(r && r->selected);
    const BetFitResult& f = *r->selected;
    qInfo("EXP_ZIF-8powder: Vanadis %.4f m2/g, %d points, C %.6f, R2 %.12f; BETSI 1710.8729, 16, 718.308104, "
          "0.996551482943",
          f.areaM2PerG, f.nPoints, f.c, f.r2);
    QCOMPARE(f.nPoints, 16);
    CHECK_REL("C against BETSI's", f.c, 718.3081038808016, 1e-9);
    CHECK_REL("R² against BETSI's", f.r2, 0.9965514829430662, 1e-12);
    CHECK_REL("BET area against BETSI's", f.areaM2PerG, 1710.8729497964678, 1e-3);
}

void TestBet::vendorWindowsReproduced_data()
{
    // Vendor BET reports transcribed from the report blocks inside the instrument exports (the parser
    // oracles *.expected.json hold the isotherm only): area ± error and the first/last p/p0 of the points
    // the vendor listed. 3P reports V_m = 184.67489 and C = 2005.004 but no range; points 1–6 are the only
    // contiguous window that reproduces both (to 1e-7 and 1e-6), so that range is used.
    // Sample_N is an Ar isotherm evaluated by the operator with the N2 cross-section 0.162 nm² (as its
    // report states), so 0.162 is used to reproduce the report.
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("pFirst");
    QTest::addColumn<double>("pLast");
    QTest::addColumn<double>("area");
    QTest::addColumn<double>("areaErr");
    QTest::addColumn<double>("c");
    QTest::newRow("mic Sample_A") << "afp/mic/Sample_A.expected.json" << 0.05231728433951517
                                  << 0.30041329550948936 << 194.7493 << 0.5313 << 107.292458;
    QTest::newRow("mic Sample_D (mmol/g)") << "afp/mic/Sample_D.expected.json" << 0.05223213628336667
                                           << 0.07250957849537702 << 935.5162 << 32.5347 << 17.466619;
    QTest::newRow("mic Sample_H (0.28 m2/g)") << "afp/mic/Sample_H.expected.json" << 0.04992166410410759
                                              << 0.29851313524414347 << 0.2795 << 0.0137 << 41.112356;
    QTest::newRow("mic Sample_L") << "afp/mic/Sample_L.expected.json" << 0.00292585439083461
                                  << 0.03089053133050243 << 1596.4627 << 0.6426 << 10182.764984;
    QTest::newRow("mic Sample_N (Ar, σ 0.162)") << "afp/mic/Sample_N.expected.json" << 0.0016528346715563957
                                                << 0.021539225113557495 << 1589.6174 << 7.6619 << 3549.378661;
    QTest::newRow("3P CBV712") << "afp/3p/CBV712_N2_77K.expected.json" << 0.00158088 << 0.0266421 << 803.81799
                               << -1.0 << 2005.00417;
}

void TestBet::vendorWindowsReproduced()
{
    QFETCH(QString, file);
    QFETCH(double, pFirst);
    QFETCH(double, pLast);
    QFETCH(double, area);
    QFETCH(double, areaErr);
    QFETCH(double, c);
    const QString path = testDataDir() + "/bet/" + file;
    if (testDataDir().isEmpty() || !QFile::exists(path)) QSKIP("vendor export oracle not present");
    IsothermBranch b;
    QString unit;
    QVERIFY(readAfpAdsorption(path, b, unit));
    const auto f = fitBetRange(b, pFirst * (1 - 1e-9), pLast * (1 + 1e-9), 0.162);
    QVERIFY2(f.has_value(), f ? "" : f.error().message().c_str());
    qInfo("%s: %d points, BET %.4f ± %.4f m2/g (vendor %.4f ± %.4f), C %.4f (vendor %.4f)", qPrintable(file),
          f->nPoints, f->areaM2PerG, f->areaErrM2PerG, area, areaErr, f->c, c);
    // 0.02 %: the vendors' constants differ from CODATA by up to 0.015 % (bet.md §1).
    CHECK_REL(file + " BET area over the vendor's points", f->areaM2PerG, area, 2e-4);
    if (areaErr > 0) CHECK_REL(file + " BET area error", f->areaErrM2PerG, areaErr, 2e-3 + 0.5e-4 / areaErr);
    CHECK_REL(file + " C", f->c, c, 1e-5);
}

void TestBet::vendorPoreVolumeAndTPlot3P()
{
    // 3P report of zeolite Y CBV712 (PROVENANCE.md): total pore volume at p/p0 = 0.99 0.496 cm³/g (3
    // decimals). Its t-plot (micropore volume 0.228 cm³/g, external area 180.6 m²/g) used a thickness curve
    // and range the report does not state, so ours is printed for comparison only.
    const QString path = testDataDir() + "/bet/afp/3p/CBV712_N2_77K.expected.json";
    if (testDataDir().isEmpty() || !QFile::exists(path)) QSKIP("3P export oracle not present");
    IsothermBranch b;
    QString unit;
    QVERIFY(readAfpAdsorption(path, b, unit));
    const double d = adsorptiveData(Adsorptive::N2).liquidPerGasStp();
    const auto v = totalPoreVolume(b, 0.99, d);
    QVERIFY(v.has_value());
    QVERIFY2(std::abs(v->volumeCm3PerG - 0.496) <= 0.0015,
             msg("CBV712 total pore volume at 0.99", v->volumeCm3PerG, 0.496, 0.0015).constData());
    for (ThicknessCurve curve : {ThicknessCurve::HarkinsJura, ThicknessCurve::Halsey, ThicknessCurve::Kjs,
                                 ThicknessCurve::CarbonBlack}) {
        TPlotOptions o;
        o.curve = curve;
        o.liquidPerGas = d;
        if (const auto t = tPlot(b, o))
            qInfo("CBV712 t-plot (%s, 3.5–5 Å, %d points): micropore volume %.4f cm3/g (3P 0.228), external "
                  "area "
                  "%.1f m2/g (3P 180.6)",
                  thicknessCurveName(curve).data(), t->nPoints, t->microporeVolumeCm3PerG,
                  t->externalAreaM2PerG);
        else
            qInfo("CBV712 t-plot (%s): %s", thicknessCurveName(curve).data(), t.error().message().c_str());
    }
    qInfo("CBV712 total pore volume %.4f cm3/g at p/p0 %.4f (3P 0.496)", v->volumeCm3PerG, v->pRelative);
}

QTEST_GUILESS_MAIN(TestBet)
#include "tst_bet.moc"
