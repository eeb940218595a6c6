// XRD crystallographic core against ground truth: the V2O3 reference list of xrd.md §3 (29 lines, Cu Kα1,
// from the Newnham & de Haan structure) reproduced from a CIF written from xrd.md §1, Si and corundum
// strongest lines, the same pattern from a rhombohedral-axes CIF and from a symmetry-operation loop, clear
// errors for CIFs that are not crystal structures; lattice refinement recovering known cells of every
// lattice system from generated peak lists with noise and a zero shift (or sample displacement); indexing
// of a V2O3 peak list with an impurity and an overlap group; real data: SiC + Zn (fityk sample, Cu Kα1)
// refined to the literature cells, and the NaCl sample (fityk nacl01) indexed as F-centred cubic.
#include "numeric/Constants.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/xrd/CifReader.h"
#include "numeric/xrd/Indexing.h"
#include "numeric/xrd/LatticeRefinement.h"
#include "numeric/xrd/ReflectionList.h"
#include "numeric/xrd/UnitCell.h"

#include <QTest>

#include "../VerifyNear.h"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using namespace vanadis;
using namespace vanadis::xrd;

namespace {

std::string readText(const std::string& path)
{
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string phaseCif(const char* name)
{
    return readText(std::string(VANADIS_SOURCE_DIR "/resources/phases/") + name);
}

CrystalStructure structureOf(const std::string& text)
{
    auto s = readCifStructure(text, "test");
    if (!s) qFatal("CIF not read: %s", s.error().message().c_str());
    return *s;
}

ReflectionList patternOf(const CrystalStructure& s, double lambda, double maxDeg = 90.0)
{
    ReflectionOptions o;
    o.wavelengthA = lambda;
    o.twoThetaMaxDeg = maxDeg;
    auto r = computeReflectionList(s, o);
    if (!r) qFatal("pattern failed: %s", r.error().message().c_str());
    return *r;
}

const Reflection* find(const ReflectionList& list, Miller m)
{
    for (const Reflection& r : list.reflections) {
        if (r.hkl == m) return &r;
        for (const Miller& o : r.otherFamilies)
            if (o == m) return &r;
    }
    return nullptr;
}

QString testDataDir()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    if (dir.isEmpty()) dir = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    return dir;
}

/// Two-column text (2θ, counts); empty when the file is absent.
bool readXy(const std::string& path, std::vector<double>& x, std::vector<double>& y)
{
    std::ifstream f(path);
    if (!f) return false;
    double a, b;
    while (f >> a >> b) {
        x.push_back(a);
        y.push_back(b);
    }
    return !x.empty();
}

/// Local maxima above \a threshold that are the highest point within ±\a halfWindow points, refined by a
/// parabola through the maximum and its two neighbours (deliberately simple: the real peak search is
/// another unit's).
std::vector<double> simpleMaxima(const std::vector<double>& x, const std::vector<double>& y, double threshold,
                                 int halfWindow)
{
    std::vector<double> out;
    for (int i = halfWindow; i + halfWindow < int(y.size()); ++i) {
        if (y[std::size_t(i)] < threshold) continue;
        bool isMax = true;
        for (int j = i - halfWindow; j <= i + halfWindow && isMax; ++j)
            if (j != i &&
                (y[std::size_t(j)] > y[std::size_t(i)] || (j < i && y[std::size_t(j)] == y[std::size_t(i)])))
                isMax = false;
        if (!isMax) continue;
        const double y0 = y[std::size_t(i - 1)], y1 = y[std::size_t(i)], y2 = y[std::size_t(i + 1)];
        const double den = y0 - 2.0 * y1 + y2;
        const double off = den != 0.0 ? 0.5 * (y0 - y2) / den : 0.0;
        const double step = x[std::size_t(i + 1)] - x[std::size_t(i)];
        out.push_back(x[std::size_t(i)] + off * step);
    }
    return out;
}

/// Maxima of a noisy pattern: a (2w+1)-point moving average, a running-minimum background over ±W points,
/// maxima within ±hw points that stand k·σ above it (σ of the average from Poisson counts), parabolic
/// position on the smoothed curve.
std::vector<double> smoothedMaxima(const std::vector<double>& x, const std::vector<double>& y, int w, int W,
                                   int hw, double k)
{
    const int n = int(y.size());
    std::vector<double> s(y.size(), 0.0), bg(y.size(), 0.0);
    for (int i = 0; i < n; ++i) {
        double sum = 0.0;
        int cnt = 0;
        for (int j = std::max(0, i - w); j <= std::min(n - 1, i + w); ++j, ++cnt)
            sum += y[std::size_t(j)];
        s[std::size_t(i)] = sum / cnt;
    }
    for (int i = 0; i < n; ++i) {
        double m = s[std::size_t(i)];
        for (int j = std::max(0, i - W); j <= std::min(n - 1, i + W); ++j)
            m = std::min(m, s[std::size_t(j)]);
        bg[std::size_t(i)] = m;
    }
    std::vector<double> out;
    for (int i = hw; i + hw < n; ++i) {
        const double sigma = std::sqrt(std::max(bg[std::size_t(i)], 1.0) / (2 * w + 1));
        if (s[std::size_t(i)] - bg[std::size_t(i)] < k * sigma) continue;
        bool isMax = true;
        for (int j = i - hw; j <= i + hw && isMax; ++j)
            if (j != i &&
                (s[std::size_t(j)] > s[std::size_t(i)] || (j < i && s[std::size_t(j)] == s[std::size_t(i)])))
                isMax = false;
        if (!isMax) continue;
        const double y0 = s[std::size_t(i - 1)], y1 = s[std::size_t(i)], y2 = s[std::size_t(i + 1)];
        const double den = y0 - 2.0 * y1 + y2;
        out.push_back(x[std::size_t(i)] + (den != 0.0 ? 0.5 * (y0 - y2) / den : 0.0) *
                                              (x[std::size_t(i + 1)] - x[std::size_t(i)]));
    }
    return out;
}

// xrd.md §3: 2θ, d, h, k, l, I, m (λ = 1.5406 Å, B = 0, LP = (1 + cos²2θ)/(sin²θ cosθ)).
struct RefLine {
    double twoTheta, d;
    int h, k, l;
    double intensity;
    int m;
};
const RefLine kV2O3[] = {
    {24.320, 3.6570, 0, 1, 2, 67.5, 6},  {33.005, 2.7118, 1, 0, 4, 95.6, 6},
    {36.252, 2.4760, 1, 1, 0, 82.9, 6},  {38.547, 2.3337, 0, 0, 6, 6.3, 2},
    {41.241, 2.1873, 1, 1, 3, 32.7, 12}, {44.136, 2.0503, 2, 0, 2, 6.6, 6},
    {49.830, 1.8285, 0, 2, 4, 35.7, 6},  {53.948, 1.6982, 1, 1, 6, 100, 12},
    {56.764, 1.6205, 0, 1, 8, 0.9, 6},   {57.162, 1.6102, 2, 1, 1, 0.5, 12},
    {58.391, 1.5792, 1, 2, 2, 6.8, 12},  {63.162, 1.4709, 2, 1, 4, 29.1, 12},
    {65.211, 1.4295, 3, 0, 0, 42.1, 6},  {66.609, 1.4029, 1, 2, 5, 0.3, 12},
    {69.237, 1.3559, 2, 0, 8, 0.1, 6},   {70.721, 1.3311, 1, 0, 10, 16.8, 6},
    {71.571, 1.3173, 1, 1, 9, 3.7, 12},  {75.420, 1.2594, 2, 1, 7, 0.2, 12},
    {76.956, 1.2380, 2, 2, 0, 8.5, 6},   {78.383, 1.2190, 3, 0, 6, 6.4, 12},
    {80.141, 1.1966, 2, 2, 3, 2.2, 12},  {80.739, 1.1893, 1, 2, 8, 0.3, 12},
    {81.076, 1.1852, 1, 3, 1, 0.1, 12},  {82.128, 1.1726, 3, 1, 2, 3.8, 12},
    {82.149, 1.1724, 0, 2, 10, 9.0, 6},  {82.625, 1.1668, 0, 0, 12, 3.1, 2},
    {86.312, 1.1262, 1, 3, 4, 8.7, 12},  {89.436, 1.0948, 3, 1, 5, 0.1, 12},
    {89.553, 1.0936, 2, 2, 6, 19.3, 12},
};

/// Synthetic indexed lines of \a cell: distinct reflections (at least 0.05° apart) with 2θ in [15, 120]°,
/// the first \a count of them, observed at 2θ + zero + D·cosθ + noise.
std::vector<RefinementLine> syntheticLines(const UnitCell& cell, double lambda, double zeroDeg,
                                           double dispDeg, double noiseDeg, std::uint64_t seed,
                                           std::size_t count = 25)
{
    struct Cand {
        Miller m;
        double tt;
    };
    std::vector<Cand> cands;
    for (int h = -6; h <= 6; ++h)
        for (int k = -6; k <= 6; ++k)
            for (int l = -8; l <= 8; ++l) {
                if (h == 0 && k == 0 && l == 0) continue;
                const double tt = braggTwoThetaDeg(cell.dSpacingA({h, k, l}), lambda);
                if (std::isfinite(tt) && tt >= 15.0 && tt <= 120.0) cands.push_back({{h, k, l}, tt});
            }
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.tt < b.tt; });
    std::vector<Cand> kept;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        const bool nearPrev = i > 0 && cands[i].tt - cands[i - 1].tt < 0.05;
        const bool nearNext = i + 1 < cands.size() && cands[i + 1].tt - cands[i].tt < 0.05;
        // Friedel mates and metric equivalents have identical 2θ: keep one of an exactly equal group.
        if (i > 0 && std::abs(cands[i].tt - cands[i - 1].tt) < 1e-9) continue;
        bool isolated = true;
        for (std::size_t j = i + 1; j < cands.size() && cands[j].tt - cands[i].tt < 0.05; ++j)
            if (cands[j].tt - cands[i].tt > 1e-9) isolated = false;
        for (std::size_t j = i; j-- > 0 && cands[i].tt - cands[j].tt < 0.05;)
            if (cands[i].tt - cands[j].tt > 1e-9) isolated = false;
        (void)nearPrev;
        (void)nearNext;
        if (isolated) kept.push_back(cands[i]);
    }
    sim::Rng rng(seed);
    std::vector<RefinementLine> lines;
    for (std::size_t i = 0; i < kept.size() && lines.size() < count; ++i) {
        RefinementLine L;
        L.hkl = {kept[i].m};
        const double th = kept[i].tt * std::numbers::pi / 360.0;
        L.twoThetaDeg = kept[i].tt + zeroDeg + dispDeg * std::cos(th) + rng.normal(0.0, noiseDeg);
        L.sigmaDeg = noiseDeg > 0.0 ? noiseDeg : 0.0;
        lines.push_back(L);
    }
    return lines;
}

/// Start cell: the true one perturbed by ~0.5 % (a reference cell is never exact), keeping the equalities
/// of its lattice system.
UnitCell perturbed(UnitCell c)
{
    const double a0 = c.aA;
    c.aA *= 1.004;
    c.bA = c.bA == a0 ? c.aA : c.bA * 0.997;
    c.cA = c.cA == a0 ? c.aA : c.cA * 1.005;
    return c;
}

} // namespace

class TestXrdCell : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unitCellGeometry();
    void v2o3ReferenceList();
    void v2o3ThermalMotion();
    void siliconAndCorundum();
    void rhombohedralAxesCif();
    void symmetryOperationLoop();
    void codStyleCif();
    void badCifs();
    void badPatternOptions();
    void refineAllSystems_data();
    void refineAllSystems();
    void refineNoiseFree();
    void sampleDisplacement();
    void transmissionDisplacement();
    void refinementErrors();
    void indexV2O3WithImpurity();
    void realSiCZn();
    void realNaCl();
};

void TestXrdCell::unitCellGeometry()
{
    // Hexagonal d against xrd.md §4: 1/d² = 4(h² + hk + k²)/(3a²) + l²/c².
    const UnitCell hex = UnitCell::hexagonal(4.952, 14.002);
    const double q = 4.0 * (1 + 1 + 1) / (3 * 4.952 * 4.952) + 3.0 * 3.0 / (14.002 * 14.002);
    VERIFY_NEAR(hex.dSpacingA({1, 1, 3}), 1.0 / std::sqrt(q), 1e-12);
    VERIFY_NEAR(hex.volumeA3(), std::sqrt(3.0) / 2.0 * 4.952 * 4.952 * 14.002, 1e-9);
    // A triclinic cell survives G → G* → G.
    const UnitCell tri{5.1, 6.2, 7.3, 85.0, 95.0, 102.0};
    const UnitCell back = cellFromReciprocalMetric(tri.reciprocalMetric());
    VERIFY_NEAR(back.aA, 5.1, 1e-12);
    VERIFY_NEAR(back.cA, 7.3, 1e-12);
    VERIFY_NEAR(back.alphaDeg, 85.0, 1e-10);
    VERIFY_NEAR(back.gammaDeg, 102.0, 1e-10);
    // Andersson 1954 (xrd.md §1): a_r = 5.467 Å, α = 53.74° ⇒ a_h ≈ 4.942, c_h ≈ 13.99 Å.
    const UnitCell h = hexagonalFromRhombohedral(5.467, 53.74);
    VERIFY_NEAR(h.aA, 4.942, 0.001);
    VERIFY_NEAR(h.cA, 13.99, 0.01);
    // Bragg round trip; λ > 2d has no angle.
    VERIFY_NEAR(braggDSpacingA(braggTwoThetaDeg(2.0, 1.5406), 1.5406), 2.0, 1e-12);
    QVERIFY(std::isnan(braggTwoThetaDeg(0.7, 1.5406)));
    QCOMPARE(latticeSystemOf(167), LatticeSystem::Hexagonal);
    QCOMPARE(latticeSystemOf(167, true), LatticeSystem::Rhombohedral);
    QCOMPARE(latticeSystemOf(227), LatticeSystem::Cubic);
    QCOMPARE(latticeSystemOf(14), LatticeSystem::Monoclinic);
}

void TestXrdCell::v2o3ReferenceList()
{
    const CrystalStructure s = structureOf(phaseCif("V2O3.cif"));
    QCOMPARE(s.spaceGroupNumber, 167);
    QCOMPARE(QString::fromStdString(s.spaceGroupName), QStringLiteral("R -3 c:H"));
    QCOMPARE(s.latticeSystem, LatticeSystem::Hexagonal);
    QCOMPARE(s.symmetryOperations.size(), std::size_t(36));
    const ReflectionList list = patternOf(s, 1.5406, 90.0);
    // The same 29 lines, in the same order, nothing else (systematic absences right).
    QCOMPARE(list.reflections.size(), std::size(kV2O3));
    for (std::size_t i = 0; i < std::size(kV2O3); ++i) {
        const RefLine& e = kV2O3[i];
        const Reflection& r = list.reflections[i];
        QVERIFY2(r.hkl == (Miller{e.h, e.k, e.l}),
                 qPrintable(QStringLiteral("line %1: %2, expected %3 %4 %5")
                                .arg(i)
                                .arg(QString::fromStdString(millerLabel(r.hkl)))
                                .arg(e.h)
                                .arg(e.k)
                                .arg(e.l)));
        VERIFY_NEAR(r.twoThetaDeg, e.twoTheta, 0.001 + 0.0005); // table rounded to 0.001°
        VERIFY_NEAR(r.dA, e.d, 0.00011);
        // xrd.md: three independent calculations agree within 0.44; the table has one decimal.
        VERIFY_NEAR(r.relativeIntensity, e.intensity, 0.2);
        QCOMPARE(r.multiplicity, e.m);
        // R-3c (hexagonal axes) reflection conditions hold for every listed family.
        QVERIFY((-r.hkl.h + r.hkl.k + r.hkl.l) % 3 == 0);
    }
    // The ring (3 0 6) + (0 3 6) is one line of multiplicity 12.
    const Reflection* r306 = find(list, {0, 3, 6});
    QVERIFY(r306);
    QCOMPARE(r306->otherFamilies.size(), std::size_t(1));
    // Absences: (0 0 3) fails −h+k+l = 3n… no: it passes it but 00l needs l = 6n; (1 −1 1) h−h0l with l odd.
    QVERIFY(!find(list, {0, 0, 3}));
    QVERIFY(!find(list, {1, 0, 2}));
    QVERIFY(!find(list, {2, 0, 1}));
    // Allowed only by −h+k+l = 3n but absent by the c glide: (h −h l), l odd, e.g. (1 −1 1) ≡ family of (0 1
    // 1)? −0+1+1 = 2, not allowed anyway; (2 −2 1): −2−2+1 = −3 allowed by R centring, killed by the glide.
    QVERIFY(!find(list, {2, -2, 1}));
    QVERIFY(!find(list, {2, 0, -1}));
}

void TestXrdCell::v2o3ThermalMotion()
{
    // xrd.md §3: with B_V ≈ 0.3, B_O ≈ 0.5 Å² (104) and (116) become equal and (012) rises to ≈ 71.
    CrystalStructure s = structureOf(phaseCif("V2O3.cif"));
    const double eightPi2 = 8.0 * std::numbers::pi * std::numbers::pi;
    for (AtomSite& a : s.sites)
        a.uIsoA2 = (a.element == "V" ? 0.3 : 0.5) / eightPi2;
    const ReflectionList list = patternOf(s, 1.5406);
    const double i104 = find(list, {1, 0, 4})->relativeIntensity,
                 i116 = find(list, {1, 1, 6})->relativeIntensity;
    qInfo("B_V 0.3, B_O 0.5: I(012) = %.1f, I(104) = %.1f, I(116) = %.1f",
          find(list, {0, 1, 2})->relativeIntensity, i104, i116);
    VERIFY_NEAR(i104, i116, 1.5);
    VERIFY_NEAR(find(list, {0, 1, 2})->relativeIntensity, 71.0, 1.5);
}

void TestXrdCell::siliconAndCorundum()
{
    // Si (Fd-3m, a = 5.43102 Å), Cu Kα1: (111) strongest, (220), (311) next; (200) and (222) absent
    // ((222) is a site extinction with B = 0, removed as |F|² = 0). Positions from Bragg's law.
    const double l1 = constants::cuKa1Angstrom;
    const ReflectionList si = patternOf(structureOf(phaseCif("Si.cif")), l1, 90.0);
    QCOMPARE(si.reflections.size(), std::size_t(6)); // 111 220 311 400 331 422
    // Up to 100°: the ring (5 1 1)/(3 3 3) is one line of multiplicity 24 + 8, labelled (5 1 1).
    const ReflectionList si100 = patternOf(structureOf(phaseCif("Si.cif")), l1, 100.0);
    const Reflection& ring = si100.reflections.back();
    QVERIFY(ring.hkl == (Miller{5, 1, 1}));
    QCOMPARE(ring.otherFamilies.size(), std::size_t(1));
    QVERIFY(ring.otherFamilies[0] == (Miller{3, 3, 3}));
    QCOMPARE(ring.multiplicity, 32);
    QVERIFY(si.reflections[0].hkl == (Miller{1, 1, 1}));
    VERIFY_NEAR(si.reflections[0].relativeIntensity, 100.0, 1e-9);
    VERIFY_NEAR(si.reflections[0].twoThetaDeg,
                2.0 * std::asin(l1 * std::sqrt(3.0) / (2 * 5.43102)) * 180 / std::numbers::pi, 1e-9);
    VERIFY_NEAR(si.reflections[0].twoThetaDeg, 28.442, 0.01);
    VERIFY_NEAR(si.reflections[1].twoThetaDeg, 47.302, 0.01);
    VERIFY_NEAR(si.reflections[2].twoThetaDeg, 56.121, 0.01);
    QVERIFY(si.reflections[1].hkl == (Miller{2, 2, 0}));
    QVERIFY(si.reflections[2].hkl == (Miller{3, 1, 1}));
    QVERIFY(si.reflections[1].relativeIntensity > si.reflections[2].relativeIntensity);
    QVERIFY(!find(si, {2, 0, 0}));
    QVERIFY(!find(si, {2, 2, 2}));
    QCOMPARE(si.reflections[0].multiplicity, 8);
    QCOMPARE(si.reflections[2].multiplicity, 24);

    // Corundum (SRM 1976b phase): lines at 25.58 (012), 35.15 (104), 37.78 (110), 43.36 (113), 52.55 (024),
    // 57.50 (116); the three strongest are (104), (113), (116).
    const ReflectionList al = patternOf(structureOf(phaseCif("Al2O3.cif")), l1, 70.0);
    const std::pair<Miller, double> lines[] = {{{0, 1, 2}, 25.58}, {{1, 0, 4}, 35.15}, {{1, 1, 0}, 37.78},
                                               {{1, 1, 3}, 43.36}, {{0, 2, 4}, 52.55}, {{1, 1, 6}, 57.50}};
    for (const auto& [m, tt] : lines) {
        const Reflection* r = find(al, m);
        QVERIFY2(r, millerLabel(m).c_str());
        VERIFY_NEAR(r->twoThetaDeg, tt, 0.01);
    }
    std::vector<Reflection> byI = al.reflections;
    std::sort(byI.begin(), byI.end(), [](const Reflection& a, const Reflection& b) {
        return a.relativeIntensity > b.relativeIntensity;
    });
    std::vector<Miller> top = {byI[0].hkl, byI[1].hkl, byI[2].hkl};
    std::sort(top.begin(), top.end());
    QVERIFY((top == std::vector<Miller>{{1, 0, 4}, {1, 1, 3}, {1, 1, 6}}));
}

void TestXrdCell::rhombohedralAxesCif()
{
    // V2O3 on rhombohedral axes (a_r = √(3a² + c²)/3, sin(α/2) = 3a/(2√(3a² + c²))); coordinates
    // x_r = X + Z, y_r = −X + Y + Z, z_r = Z − Y from the hexagonal ones. Must give the hexagonal list.
    const double a = 4.952, c = 14.002;
    const double ar = std::sqrt(3 * a * a + c * c) / 3.0;
    const double alpha =
        2.0 * std::asin(3.0 * a / (2.0 * std::sqrt(3 * a * a + c * c))) * 180.0 / std::numbers::pi;
    const double zV = 0.3463, xO = 0.3121;
    std::ostringstream cif;
    cif.precision(10);
    cif << "data_V2O3_rh\n_cell_length_a " << ar << "\n_cell_length_b " << ar << "\n_cell_length_c " << ar
        << "\n_cell_angle_alpha " << alpha << "\n_cell_angle_beta " << alpha << "\n_cell_angle_gamma "
        << alpha
        << "\n_symmetry_space_group_name_H-M 'R -3 c'\nloop_\n_atom_site_label\n_atom_site_type_symbol\n"
           "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
        << "V1 V " << zV << ' ' << zV << ' ' << zV << "\nO1 O " << xO + 0.25 << ' ' << -xO + 0.25 << ' '
        << 0.25 << "\n";
    const CrystalStructure s = structureOf(cif.str());
    QCOMPARE(QString::fromStdString(s.spaceGroupName), QStringLiteral("R -3 c:H"));
    QVERIFY(!s.warnings.empty());
    VERIFY_NEAR(s.cell.aA, a, 1e-9);
    VERIFY_NEAR(s.cell.cA, c, 1e-9);
    VERIFY_NEAR(s.cell.gammaDeg, 120.0, 1e-9);
    const ReflectionList rh = patternOf(s, 1.5406);
    const ReflectionList hx = patternOf(structureOf(phaseCif("V2O3.cif")), 1.5406);
    QCOMPARE(rh.reflections.size(), hx.reflections.size());
    for (std::size_t i = 0; i < hx.reflections.size(); ++i) {
        QVERIFY(rh.reflections[i].hkl == hx.reflections[i].hkl);
        VERIFY_NEAR(rh.reflections[i].twoThetaDeg, hx.reflections[i].twoThetaDeg, 1e-7);
        VERIFY_NEAR(rh.reflections[i].relativeIntensity, hx.reflections[i].relativeIntensity, 1e-6);
    }
}

void TestXrdCell::symmetryOperationLoop()
{
    // The symmetry-operation loop wins over the symbol: NaCl written with a deliberately wrong H-M symbol
    // (P 1) and the 192 operations of F m -3 m taken from the symbol reading.
    const std::string head = "data_NaCl\n_cell_length_a 5.640\n_cell_length_b 5.640\n_cell_length_c 5.640\n"
                             "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n";
    const std::string atoms =
        "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
        "Na1 0 0 0\nCl1 0.5 0.5 0.5\n";
    const CrystalStructure bySymbol = structureOf(head + "_space_group_name_H-M_alt 'F m -3 m'\n" + atoms);
    QCOMPARE(bySymbol.spaceGroupNumber, 225);
    std::string ops = "loop_\n_space_group_symop_operation_xyz\n";
    for (const std::string& op : bySymbol.symmetryOperations)
        ops += "'" + op + "'\n";
    const CrystalStructure byOps = structureOf(head + "_space_group_name_H-M_alt 'P 1'\n" + ops + atoms);
    QCOMPARE(byOps.spaceGroupNumber, 225);
    const ReflectionList a = patternOf(bySymbol, 1.5406), b = patternOf(byOps, 1.5406);
    QCOMPARE(a.reflections.size(), b.reflections.size());
    QVERIFY(a.reflections[0].hkl == (Miller{1, 1, 1}));
    QVERIFY(find(a, {2, 0, 0}) && !find(a, {1, 0, 0}) && !find(a, {2, 1, 0}));
    for (std::size_t i = 0; i < a.reflections.size(); ++i)
        VERIFY_NEAR(a.reflections[i].relativeIntensity, b.reflections[i].relativeIntensity, 1e-9);
    // (2 0 0) is the strongest NaCl line (Na and Cl in phase).
    VERIFY_NEAR(find(a, {2, 0, 0})->relativeIntensity, 100.0, 1e-9);
}

void TestXrdCell::codStyleCif()
{
    // What COD/ICSD exports look like: a global block first, numbers with esd in parentheses, ionic type
    // symbols, B_iso instead of U_iso, the 24 operations of P 6₃/m m c in the old _symmetry_equiv_pos_as_xyz
    // loop.
    const CrystalStructure ref = structureOf(
        "data_Zn\n_cell_length_a 2.6649\n_cell_length_b 2.6649\n_cell_length_c 4.9468\n_cell_angle_alpha 90\n"
        "_cell_angle_beta 90\n_cell_angle_gamma 120\n_space_group_name_H-M_alt 'P 63/m m c'\nloop_\n"
        "_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_B_iso_or_"
        "equiv\n"
        "Zn1 0.333333 0.666667 0.25 0.8\n");
    std::string cif =
        "data_global\n_journal_name_full 'Some Journal'\n_publ_section_title\n;\nA title\n;\n"
        "data_1234567\n_chemical_formula_sum 'Zn'\n_cell_length_a 2.6649(2)\n_cell_length_b 2.6649(2)\n"
        "_cell_length_c 4.9468(5)\n_cell_angle_alpha 90.\n_cell_angle_beta 90.\n"
        "_cell_angle_gamma 120.\n_symmetry_space_group_name_H-M 'P 63/m m c'\nloop_\n"
        "_symmetry_equiv_pos_site_id\n_symmetry_equiv_pos_as_xyz\n";
    int id = 1;
    for (const std::string& op : ref.symmetryOperations)
        cif += std::to_string(id++) + " '" + op + "'\n";
    cif += "loop_\n_atom_type_symbol\n_atom_type_oxidation_number\nZn0+ 0\nloop_\n_atom_site_label\n"
           "_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
           "_atom_site_B_iso_or_equiv\n_atom_site_occupancy\nZn1 Zn0+ 0.3333(1) 0.6667(1) 0.25 0.80(3) 1.\n";
    const CrystalStructure s = structureOf(cif);
    QCOMPARE(s.spaceGroupNumber, 194);
    QCOMPARE(QString::fromStdString(s.formula), QStringLiteral("Zn"));
    QCOMPARE(s.sites.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(s.sites[0].element), QStringLiteral("Zn"));
    VERIFY_NEAR(s.cell.aA, 2.6649, 1e-12);
    VERIFY_NEAR(s.sites[0].uIsoA2, 0.8 / (8 * std::numbers::pi * std::numbers::pi), 1e-12);
    const ReflectionList a = patternOf(ref, 1.5406, 100.0), b = patternOf(s, 1.5406, 100.0);
    QCOMPARE(a.reflections.size(), b.reflections.size());
    for (std::size_t i = 0; i < a.reflections.size(); ++i) {
        QVERIFY(a.reflections[i].hkl == b.reflections[i].hkl);
        // Coordinates 0.3333 vs 0.333333 change |F|² by < 0.1 %.
        VERIFY_NEAR(b.reflections[i].relativeIntensity, a.reflections[i].relativeIntensity, 0.1);
    }
    // Zn: (1 0 1) strongest; (0 0 1) absent (6₃ screw), (0 0 2) present.
    QVERIFY(a.reflections.size() > 10);
    QVERIFY(!find(a, {0, 0, 1}) && find(a, {0, 0, 2}));
    VERIFY_NEAR(find(a, {1, 0, 1})->relativeIntensity, 100.0, 1e-9);
    // Debye–Waller: against B = 0, the (2 0 1)/(1 0 1) intensity ratio falls by exp(−2B(s₂₀₁² − s₁₀₁²)),
    // s = sinθ/λ = 1/(2d), B = 0.8 Å².
    CrystalStructure still = ref;
    still.sites[0].uIsoA2 = 0.0;
    const ReflectionList z = patternOf(still, 1.5406, 100.0);
    const double ratioB = find(a, {2, 0, 1})->intensity / find(a, {1, 0, 1})->intensity;
    const double ratio0 = find(z, {2, 0, 1})->intensity / find(z, {1, 0, 1})->intensity;
    const double s201 = 0.5 / find(a, {2, 0, 1})->dA, s101 = 0.5 / find(a, {1, 0, 1})->dA;
    VERIFY_NEAR(ratioB / ratio0, std::exp(-2.0 * 0.8 * (s201 * s201 - s101 * s101)), 1e-9);
}

void TestXrdCell::badCifs()
{
    auto expectError = [](const std::string& text, const char* fragment) {
        const auto r = readCifStructure(text, "bad.cif");
        QVERIFY2(!r, fragment);
        QVERIFY2(r.error().message().find(fragment) != std::string::npos, r.error().message().c_str());
    };
    expectError("", "empty");
    expectError("just some words\nand more", "not a readable CIF");
    expectError("data_x\n_cell_length_a 5\nloop_\n_a\n'unterminated", "not a readable CIF");
    // A powder-pattern (pdCIF-like) block: no cell, no atoms.
    expectError(
        "data_pattern\n_pd_meas_number_of_points 2\nloop_\n_pd_meas_2theta_scan\n_pd_meas_counts_total\n"
        "10 5\n10.02 6\n",
        "no unit cell");
    const std::string cell =
        "data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_cell_angle_alpha 90\n"
        "_cell_angle_beta 90\n_cell_angle_gamma 90\n_symmetry_space_group_name_H-M 'P m -3 m'\n";
    expectError(cell, "no atom sites");
    expectError(cell + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_"
                       "z\nQq1 0 0 0\n",
                "element");
    expectError(cell + "loop_\n_atom_site_label\n_atom_site_Cartn_x\n_atom_site_Cartn_y\n_atom_site_Cartn_"
                       "z\nNa1 0 0 0\n",
                "fractional coordinates");
    const std::string noSg =
        "data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_cell_angle_alpha 90\n"
        "_cell_angle_beta 90\n_cell_angle_gamma 90\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
        "_atom_site_fract_y\n_atom_site_fract_z\nNa1 0 0 0\n";
    expectError(noSg, "space group");
    expectError("data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_cell_angle_alpha 90\n"
                "_cell_angle_beta 90\n_cell_angle_gamma 200\n_symmetry_space_group_name_H-M 'P 1'\nloop_\n"
                "_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nNa1 0 0 0\n",
                "impossible");
    expectError(noSg, "bad.cif"); // the source name labels the message
    // A symop that is not a triplet is an error, not a crash.
    expectError(
        cell + "loop_\n_space_group_symop_operation_xyz\n'x,y'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
               "_atom_site_fract_y\n_atom_site_fract_z\nNa1 0 0 0\n",
        "not a readable CIF");
}

void TestXrdCell::badPatternOptions()
{
    const CrystalStructure s = structureOf(phaseCif("V2O3.cif"));
    ReflectionOptions o;
    o.wavelengthA = 0.0;
    QVERIFY(!computeReflectionList(s, o));
    o = {};
    o.twoThetaMinDeg = 50;
    o.twoThetaMaxDeg = 40;
    QVERIFY(!computeReflectionList(s, o));
    o = {};
    o.twoThetaMaxDeg = 20.0; // nothing below (012) at 24.3°
    const auto none = computeReflectionList(s, o);
    QVERIFY(!none);
    QVERIFY(none.error().reason.find("no reflection") != std::string::npos);
    CrystalStructure empty = s;
    empty.sites.clear();
    QVERIFY(!computeReflectionList(empty, {}));
    CrystalStructure badOps = s;
    badOps.symmetryOperations = {"x,y"};
    QVERIFY(!computeReflectionList(badOps, {}));
    // Monochromator option: the LP ratio of two lines follows (1 + cos²2θ_M cos²2θ).
    o = {};
    o.monochromatorTwoThetaDeg = 26.6;
    const auto mono = computeReflectionList(s, o);
    QVERIFY(mono);
    const double k = std::pow(std::cos(26.6 * std::numbers::pi / 180.0), 2);
    const Reflection& r = mono->reflections[0];
    const double c2 = std::cos(r.twoThetaDeg * std::numbers::pi / 180.0);
    const double th = r.twoThetaDeg * std::numbers::pi / 360.0;
    VERIFY_NEAR(r.lorentzPolarisation, (1 + k * c2 * c2) / (std::sin(th) * std::sin(th) * std::cos(th)),
                1e-9);
}

void TestXrdCell::refineAllSystems_data()
{
    QTest::addColumn<int>("system");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("c");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("gamma");
    QTest::newRow("cubic Si") << int(LatticeSystem::Cubic) << 5.4311 << 5.4311 << 5.4311 << 90.0 << 90.0
                              << 90.0;
    QTest::newRow("tetragonal rutile")
        << int(LatticeSystem::Tetragonal) << 4.5937 << 4.5937 << 2.9587 << 90.0 << 90.0 << 90.0;
    QTest::newRow("hexagonal V2O3") << int(LatticeSystem::Hexagonal) << 4.952 << 4.952 << 14.002 << 90.0
                                    << 90.0 << 120.0;
    QTest::newRow("rhombohedral axes")
        << int(LatticeSystem::Rhombohedral) << 5.467 << 5.467 << 5.467 << 53.74 << 53.74 << 53.74;
    QTest::newRow("orthorhombic V2O5")
        << int(LatticeSystem::Orthorhombic) << 11.512 << 3.564 << 4.368 << 90.0 << 90.0 << 90.0;
    QTest::newRow("monoclinic VO2 M1")
        << int(LatticeSystem::Monoclinic) << 5.752 << 4.526 << 5.383 << 90.0 << 122.6 << 90.0;
    QTest::newRow("triclinic") << int(LatticeSystem::Triclinic) << 5.1 << 6.2 << 7.3 << 85.0 << 95.0 << 102.0;
}

void TestXrdCell::refineAllSystems()
{
    QFETCH(int, system);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, c);
    QFETCH(double, alpha);
    QFETCH(double, beta);
    QFETCH(double, gamma);
    const UnitCell truth{a, b, c, alpha, beta, gamma};
    const double lambda = constants::cuKa1Angstrom, zero = 0.043, noise = 0.005;
    // Five noisy replicas: every one within 0.005 Å and within 4 esd of the truth. The esd here come from the
    // known σ (not scaled by χ²/ν, which with 20-odd lines scatters by ±30 % and would make 4 "esd" a
    // t-distributed test).
    double worst = 0.0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto lines = syntheticLines(truth, lambda, zero, 0.0, noise, seed);
        RefinementOptions o;
        o.wavelengthA = lambda;
        o.system = LatticeSystem(system);
        o.correction = PositionCorrection::ZeroShift;
        o.scaleEsdByFit = false;
        const auto r = refineLattice(lines, perturbed(truth), o);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY(r->converged);
        const double got[] = {r->cell.aA, r->cell.bA, r->cell.cA};
        const double want[] = {a, b, c};
        const double esd[] = {r->esd.aA, r->esd.bA, r->esd.cA};
        for (int k = 0; k < 3; ++k) {
            VERIFY_NEAR(got[k], want[k], 0.005);
            QVERIFY(esd[k] > 0.0);
            VERIFY_NEAR(got[k], want[k], 4.0 * esd[k] + 1e-9);
            worst = std::max(worst, std::abs(got[k] - want[k]));
        }
        VERIFY_NEAR(r->cell.alphaDeg, alpha, std::max(0.05, 4.0 * r->esd.alphaDeg));
        VERIFY_NEAR(r->cell.betaDeg, beta, std::max(0.05, 4.0 * r->esd.betaDeg));
        VERIFY_NEAR(r->cell.gammaDeg, gamma, std::max(0.05, 4.0 * r->esd.gammaDeg));
        VERIFY_NEAR(r->zeroShiftDeg, zero, 4.0 * r->zeroShiftEsdDeg);
        VERIFY_NEAR(r->volumeA3, truth.volumeA3(), 4.0 * r->volumeEsdA3);
        QVERIFY(r->volumeEsdA3 > 0.0);
        // χ²/ν ≈ 1 with the true σ.
        QVERIFY2(r->chi2Reduced > 0.2 && r->chi2Reduced < 3.0, qPrintable(QString::number(r->chi2Reduced)));
    }
    qInfo("%s: worst |Δ| over 5 replicas = %.5f Å", latticeSystemName(LatticeSystem(system)), worst);
}

void TestXrdCell::refineNoiseFree()
{
    // Exact positions with a zero shift: the cell comes back to 1e-7 Å, the zero to 1e-7°.
    const UnitCell truth = UnitCell::hexagonal(4.9612, 14.0317);
    const auto lines = syntheticLines(truth, constants::cuKa1Angstrom, -0.071, 0.0, 0.0, 1);
    RefinementOptions o;
    o.system = LatticeSystem::Hexagonal;
    const auto r = refineLattice(lines, UnitCell::hexagonal(4.952, 14.002), o);
    QVERIFY(r);
    VERIFY_NEAR(r->cell.aA, 4.9612, 1e-7);
    VERIFY_NEAR(r->cell.cA, 14.0317, 1e-7);
    VERIFY_NEAR(r->zeroShiftDeg, -0.071, 1e-7);
    // The linear Q-space start is already close (it linearises the zero term).
    VERIFY_NEAR(r->linearStart.aA, 4.9612, 1e-4);
    for (const LineResidual& l : r->lines)
        VERIFY_NEAR(l.residualDeg, 0.0, 1e-7);
    // Si-like case for the SRM 640d test to come: a to 1e-6 Å with the exact Kα1 of the file.
    const auto si = syntheticLines(UnitCell::cubic(5.431144), 1.5406, 0.012, 0.0, 0.0, 1, 11);
    RefinementOptions os;
    os.system = LatticeSystem::Cubic;
    os.wavelengthA = 1.5406;
    const auto rs = refineLattice(si, UnitCell::cubic(5.43102), os);
    QVERIFY(rs);
    VERIFY_NEAR(rs->cell.aA, 5.431144, 1e-7);
}

void TestXrdCell::sampleDisplacement()
{
    // Zero shift and displacement together over a wide range; s from D with R = 240 mm.
    const UnitCell truth = UnitCell::cubic(5.4311);
    const double zero = 0.02, disp = -0.06;
    const auto lines = syntheticLines(truth, constants::cuKa1Angstrom, zero, disp, 0.002, 7, 40);
    RefinementOptions o;
    o.system = LatticeSystem::Cubic;
    o.correction = PositionCorrection::ZeroShiftAndDisplacement;
    o.goniometerRadiusMm = 240.0;
    const auto r = refineLattice(lines, UnitCell::cubic(5.43), o);
    QVERIFY(r);
    VERIFY_NEAR(r->cell.aA, 5.4311, std::max(1e-4, 4.0 * r->esd.aA));
    VERIFY_NEAR(r->zeroShiftDeg, zero, 4.0 * r->zeroShiftEsdDeg);
    VERIFY_NEAR(r->displacementCoefDeg, disp, 4.0 * r->displacementCoefEsdDeg);
    // D = −(2s/R)·180/π ⇒ s = −D·π/180·R/2 = +0.1257 mm for D = −0.06°.
    VERIFY_NEAR(r->displacementMm, 0.06 * std::numbers::pi / 180.0 * 120.0, 4.0 * r->displacementEsdMm);
    // Displacement only: an uncorrected zero would bias a, the displacement term alone absorbs a cosθ error.
    const auto onlyDisp = syntheticLines(truth, constants::cuKa1Angstrom, 0.0, disp, 0.0, 7, 30);
    o.correction = PositionCorrection::SampleDisplacement;
    const auto rd = refineLattice(onlyDisp, UnitCell::cubic(5.43), o);
    QVERIFY(rd);
    VERIFY_NEAR(rd->cell.aA, 5.4311, 1e-7);
    VERIFY_NEAR(rd->displacementCoefDeg, disp, 1e-7);
    // Ignoring a real zero shift biases a: the test of the correction term itself.
    const auto shifted = syntheticLines(truth, constants::cuKa1Angstrom, 0.1, 0.0, 0.0, 7, 30);
    o.correction = PositionCorrection::None;
    const auto rn = refineLattice(shifted, UnitCell::cubic(5.43), o);
    QVERIFY(rn);
    QVERIFY(std::abs(rn->cell.aA - 5.4311) > 0.002);
}

void TestXrdCell::transmissionDisplacement()
{
    // A capillary 0.11 mm off the axis perpendicular to the beam (R = 217.5 mm): Δ2θ = −(s/R)·cos2θ.
    const UnitCell truth = UnitCell::cubic(5.43123);
    const double R = 217.5, s = 0.11;
    const double D = -s / R * 180.0 / std::numbers::pi;
    auto lines = syntheticLines(truth, 1.5406, 0.0, 0.0, 0.0, 3, 12);
    for (RefinementLine& l : lines)
        l.twoThetaDeg += D * std::cos(l.twoThetaDeg * std::numbers::pi / 180.0);
    RefinementOptions o;
    o.system = LatticeSystem::Cubic;
    o.wavelengthA = 1.5406;
    o.correction = PositionCorrection::SampleDisplacement;
    o.geometry = DiffractionGeometry::Transmission;
    o.goniometerRadiusMm = R;
    const auto r = refineLattice(lines, UnitCell::cubic(5.43), o);
    QVERIFY(r);
    VERIFY_NEAR(r->cell.aA, 5.43123, 1e-6);
    VERIFY_NEAR(r->displacementCoefDeg, D, 1e-5);
    VERIFY_NEAR(r->displacementMm, s, 1e-4);
    // The reflection (cos θ) term cannot absorb a cos 2θ shift: a is off by more than the issue allows.
    o.geometry = DiffractionGeometry::Reflection;
    const auto rr = refineLattice(lines, UnitCell::cubic(5.43), o);
    QVERIFY(rr);
    QVERIFY2(std::abs(rr->cell.aA - 5.43123) > 5e-4, qPrintable(QString::number(rr->cell.aA, 'f', 6)));
}

void TestXrdCell::refinementErrors()
{
    RefinementOptions o;
    o.system = LatticeSystem::Hexagonal;
    const UnitCell start = UnitCell::hexagonal(4.952, 14.002);
    // Too few lines.
    std::vector<RefinementLine> few = {{{{1, 0, 4}}, {}, 33.0, 0.0}, {{{1, 1, 0}}, {}, 36.25, 0.0}};
    QVERIFY(!refineLattice(few, start, o));
    // Only (h k 0) lines cannot give c.
    std::vector<RefinementLine> hk0;
    for (Miller m : {Miller{1, 1, 0}, Miller{3, 0, 0}, Miller{2, 2, 0}, Miller{4, 1, 0}, Miller{3, 3, 0}})
        hk0.push_back({{m}, {}, braggTwoThetaDeg(start.dSpacingA(m), constants::cuKa1Angstrom), 0.0});
    const auto r = refineLattice(hk0, start, o);
    QVERIFY(!r);
    QVERIFY2(r.error().reason.find("cannot determine") != std::string::npos, r.error().reason.c_str());
    // Bad inputs.
    std::vector<RefinementLine> bad = hk0;
    bad[0].hkl.clear();
    QVERIFY(!refineLattice(bad, start, o));
    bad = hk0;
    bad[1].twoThetaDeg = 190.0;
    QVERIFY(!refineLattice(bad, start, o));
    // A start cell of another system (orthorhombic for a hexagonal refinement) is refused.
    QVERIFY(!refineLattice(syntheticLines(start, constants::cuKa1Angstrom, 0, 0, 0, 1),
                           UnitCell::orthorhombic(4.9, 5.0, 14.0), o));
    o.wavelengthA = -1.0;
    QVERIFY(!refineLattice(hk0, start, o));
}

void TestXrdCell::indexV2O3WithImpurity()
{
    // A "sodiated" V2O3 (a = 4.960, c = 14.035 Å) measured with a +0.12° zero error: 20 peaks from the
    // lines with I ≥ 1 (the unresolved (3 1 2)/(0 2 10) pair as one peak), FWHM 0.25°, 0.008° noise, plus
    // an impurity peak at 27.8° (the position of VO2 (011)). Indexed against the reference V2O3 list.
    const double lambda = constants::cuKa1Angstrom;
    const ReflectionList ref = patternOf(structureOf(phaseCif("V2O3.cif")), lambda, 90.0);
    const UnitCell truth = UnitCell::hexagonal(4.960, 14.035);
    const ReflectionList shifted = repositionReflections(ref, truth, lambda);
    sim::Rng rng(11);
    const double zero = 0.12;
    std::vector<ObservedPeak> peaks;
    for (const Reflection& r : shifted.reflections) {
        if (r.relativeIntensity < 1.0) continue;
        if (r.hkl == Miller{3, 1, 2}) continue; // merged into (0 2 10) below
        ObservedPeak p;
        p.twoThetaDeg = r.twoThetaDeg + zero + rng.normal(0.0, 0.008);
        if (r.hkl == Miller{0, 2, 10}) {
            const Reflection* o = find(shifted, {3, 1, 2});
            p.twoThetaDeg = (r.twoThetaDeg * r.relativeIntensity + o->twoThetaDeg * o->relativeIntensity) /
                                (r.relativeIntensity + o->relativeIntensity) +
                            zero;
        }
        p.sigmaDeg = 0.008;
        p.fwhmDeg = 0.25;
        peaks.push_back(p);
    }
    peaks.push_back({27.80, 0.008, 0.25, 0.0});
    QCOMPARE(peaks.size(), std::size_t(21)); // 20 V2O3 peaks and the impurity

    IndexingOptions io;
    io.searchZeroShift = true;
    const auto ix = indexPeaks(peaks, ref, io);
    QVERIFY(ix);
    QCOMPARE(ix->unindexedPeaks.size(), std::size_t(1));
    QCOMPARE(ix->unindexedPeaks[0], peaks.size() - 1);
    QCOMPARE(ix->indexedCount, std::size_t(20));
    // The zero shift found is a compromise between the true +0.12° and the sodiation shift (−0.05° at 24°,
    // −0.2° near 90°), so it is only bracketed here; the refinement below separates the two.
    QVERIFY2(ix->zeroShiftDeg > -0.1 && ix->zeroShiftDeg < 0.15,
             qPrintable(QString::number(ix->zeroShiftDeg)));
    // Each peak carries one hkl set; the (0 2 10)/(3 1 2) peak carries both.
    bool sawPair = false;
    for (const IndexedPeak& p : ix->peaks) {
        if (p.reflections.size() < 2) continue;
        std::vector<Miller> ms;
        for (std::size_t j : p.reflections)
            ms.push_back(ref.reflections[j].hkl);
        std::sort(ms.begin(), ms.end());
        if ((ms == std::vector<Miller>{{0, 2, 10}, {3, 1, 2}})) sawPair = true;
    }
    QVERIFY(sawPair);
    for (std::size_t i = 0; i + 1 < peaks.size(); ++i)
        QVERIFY(std::abs(ix->peaks[i].deltaTwoThetaDeg) <= io.toleranceDeg);

    // A further +0.3° instrument error: without the zero-shift search most peaks fall out of the window,
    // with it the same 20 are indexed and the impurity stays unindexed.
    std::vector<ObservedPeak> worse = peaks;
    for (ObservedPeak& p : worse)
        p.twoThetaDeg += 0.3;
    const auto noSearch = indexPeaks(worse, ref, {});
    QVERIFY(noSearch);
    QVERIFY2(noSearch->indexedCount < 10, qPrintable(QString::number(noSearch->indexedCount)));
    const auto searched = indexPeaks(worse, ref, io);
    QVERIFY(searched);
    QCOMPARE(searched->indexedCount, std::size_t(20));
    QCOMPARE(searched->unindexedPeaks.size(), std::size_t(1));
    VERIFY_NEAR(searched->zeroShiftDeg, ix->zeroShiftDeg + 0.3, 0.01);

    // Refine from the indexed peaks: a, c within 0.002 Å, the zero within its esd.
    const auto lines = refinementLines(peaks, *ix, ref);
    QCOMPARE(lines.size(), std::size_t(20));
    RefinementOptions ro;
    ro.system = ref.latticeSystem;
    ro.wavelengthA = lambda;
    ro.zeroShiftStartDeg = ix->zeroShiftDeg;
    const auto r = refineLattice(lines, ref.cell, ro);
    QVERIFY(r);
    VERIFY_NEAR(r->cell.aA, 4.960, 0.002);
    VERIFY_NEAR(r->cell.cA, 14.035, 0.005);
    VERIFY_NEAR(r->cell.aA, 4.960, 4.0 * r->esd.aA);
    VERIFY_NEAR(r->zeroShiftDeg, zero, 4.0 * r->zeroShiftEsdDeg + 0.002);
    qInfo("V2O3: a = %.5f(%.5f) c = %.5f(%.5f) zero = %.4f(%.4f) V = %.3f(%.3f)", r->cell.aA, r->esd.aA,
          r->cell.cA, r->esd.cA, r->zeroShiftDeg, r->zeroShiftEsdDeg, r->volumeA3, r->volumeEsdA3);
}

void TestXrdCell::realSiCZn()
{
    // fityk's SiC + Zn powder sample (Cu Kα1 λ = 1.54051 Å as fityk's own Pawley script for it states; counts
    // ≤ 926, Kα2 present). Peaks by smoothed maxima; Zn (P6₃/mmc) indexed against its reference pattern and
    // refined (a, c, zero); literature room-temperature Zn: a = 2.6649, c = 4.9468 Å. This sample's c comes
    // out 4.927(5) Å, 0.02 Å short of pure Zn (fityk's script starts it at 4.924), so c is held to 0.03 Å
    // and the line residuals; a to 0.005 Å. The SiC lines are too weak for more than three peaks, so SiC
    // only has to index.
    std::vector<double> x, y;
    const std::string path = testDataDir().toStdString() + "/xrd/fityk_SiC_Zn_powder.dat";
    if (!readXy(path, x, y)) QSKIP("fityk_SiC_Zn_powder.dat not found (set VANADIS_TESTDATA)");
    const double lambda = 1.54051;
    const auto maxima = smoothedMaxima(x, y, 4, 60, 8, 15.0);
    std::vector<ObservedPeak> peaks;
    for (double tt : maxima)
        peaks.push_back({tt, 0.0, 0.0, 0.0});
    QVERIFY2(peaks.size() >= 8, qPrintable(QString::number(peaks.size())));

    const std::string zn =
        "data_Zn\n_cell_length_a 2.6649\n_cell_length_b 2.6649\n_cell_length_c 4.9468\n"
        "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 120\n"
        "_space_group_name_H-M_alt 'P 63/m m c'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
        "_atom_site_fract_y\n_atom_site_fract_z\nZn1 0.333333 0.666667 0.25\n";
    const ReflectionList ref = patternOf(structureOf(zn), lambda, 100.0);
    IndexingOptions io;
    io.minRelativeIntensity = 2.0;
    const auto ix = indexPeaks(peaks, ref, io);
    QVERIFY(ix);
    const auto lines = refinementLines(peaks, *ix, ref);
    RefinementOptions ro;
    ro.system = ref.latticeSystem;
    ro.wavelengthA = lambda;
    const auto r = refineLattice(lines, ref.cell, ro);
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    qInfo("Zn: %zu of %zu peaks, a = %.5f(%.5f) c = %.5f(%.5f) zero = %.4f(%.4f), residual sd %.4f°",
          lines.size(), peaks.size(), r->cell.aA, r->esd.aA, r->cell.cA, r->esd.cA, r->zeroShiftDeg,
          r->zeroShiftEsdDeg, r->residualSdDeg);
    for (const LineResidual& l : r->lines)
        qInfo("  %s  obs %.3f  calc %.3f  Δ %+.3f", millerLabel(l.hkl[0]).c_str(), l.observedDeg,
              l.calculatedDeg, l.residualDeg);
    QVERIFY(lines.size() >= 6);
    VERIFY_NEAR(r->cell.aA, 2.6649, 0.005);
    VERIFY_NEAR(r->cell.cA, 4.9468, 0.03);
    QVERIFY(r->residualSdDeg < 0.05);

    const std::string sic =
        "data_SiC\n_cell_length_a 4.3596\n_cell_length_b 4.3596\n_cell_length_c 4.3596\n"
        "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n"
        "_space_group_name_H-M_alt 'F -4 3 m'\nloop_\n_atom_site_label\n_atom_site_fract_x\n"
        "_atom_site_fract_y\n_atom_site_fract_z\nSi1 0 0 0\nC1 0.25 0.25 0.25\n";
    const ReflectionList refSic = patternOf(structureOf(sic), lambda, 100.0);
    const auto ixSic = indexPeaks(peaks, refSic, io);
    QVERIFY(ixSic);
    qInfo("SiC: %zu peaks indexed", ixSic->indexedCount);
    QVERIFY(ixSic->indexedCount >= 3);
}

void TestXrdCell::realNaCl()
{
    // fityk's nacl01.dat: the radiation is not stated and its four strong lines sit at x ∝ 1/d (x(hkl)/x(200)
    // = √(N/4) for (220), (222), (400)), which a Bragg 2θ axis cannot produce at these angles, so no
    // wavelength gives a = 5.640 Å from it: the axis is not 2θ of a known λ (an energy or scaled axis). What
    // the file does test: the simple maxima land on an F-centred cubic pattern, NaCl indexed with ratio
    // tolerance 0.002.
    std::vector<double> x, y;
    const std::string path = testDataDir().toStdString() + "/xrd/fityk_nacl01.dat";
    if (!readXy(path, x, y)) QSKIP("fityk_nacl01.dat not found (set VANADIS_TESTDATA)");
    const double maxY = *std::max_element(y.begin(), y.end());
    const auto maxima = simpleMaxima(x, y, 0.02 * maxY, 5);
    QVERIFY2(maxima.size() >= 4, qPrintable(QString::number(maxima.size())));
    // The strongest is (200); the others are the √N/2 multiples with N = 8, 12, 16.
    const std::size_t i200 = std::size_t(std::max_element(y.begin(), y.end()) - y.begin());
    double x200 = 0.0;
    for (double m : maxima)
        if (std::abs(m - x[i200]) < 0.1) x200 = m;
    QVERIFY(x200 > 0.0);
    for (int n : {8, 12, 16}) {
        const double want = x200 * std::sqrt(n / 4.0);
        double best = 1e9;
        for (double m : maxima)
            best = std::min(best, std::abs(m - want));
        VERIFY_NEAR(best / x200, 0.0, 0.002);
    }
    // Read as 2θ with any λ, (400) would have to sit at 2·asin(2·sin(θ200)), 1° away from the peak.
    const double th200 = x200 * std::numbers::pi / 360.0;
    const double tt400 = 2.0 * std::asin(2.0 * std::sin(th200)) * 180.0 / std::numbers::pi;
    double near400 = 1e9;
    for (double m : maxima)
        near400 = std::min(near400, std::abs(m - tt400));
    QVERIFY2(near400 > 0.5, qPrintable(QString::number(near400)));
}

QTEST_APPLESS_MAIN(TestXrdCell)
#include "tst_xrd_cell.moc"
