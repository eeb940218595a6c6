// The circuit fit against impedance.py's own published results on its example spectrum
// (impedancepy_exampleData.csv of ../shared/testdata/echem/eis_csv, identical to impedance.py's
// data/exampleData.csv and to the `frequencies`/`Z_correct` arrays of its test_preprocessing.py).
// impedance.py cannot be installed here, so its published numbers are the reference; they are
// recorded below with where they come from (ECSHackWeek/impedance.py on GitHub):
//
// (a) "Getting started" (docs/source/getting-started.rst @ a9f20acaa349 and the notebook
//     docs/source/_static/getting-started.ipynb @ e8c005afb0b2, which prints the same values with their
//     standard errors; also impedance/tests/test_fitting.py @ 4acd560ecf20, `results_local`):
//     circuit R0-p(R1,C1)-p(R2-Wo1,C2), points with Im Z < 0 only (preprocessing.ignoreBelowX:
//     57 of 66), initial guess [.01, .01, 100, .01, .05, 100, 1], default bounds [0, ∞), no sigma,
//     i.e. unit weights on the stacked [Z', Z''] vector (scipy curve_fit, method 'trf'):
//       R0 1.65e-2 (±1.54e-4) Ω, R1 8.68e-3 (±1.91e-4) Ω, C1 3.32 (±0.190) F, R2 5.39e-3 (±2.06e-4) Ω,
//       Wo1_0 6.31e-2 (±1.94e-3) Ω, Wo1_1 2.33e2 (±16.2) s, C2 2.20e-1 (±1.75e-2) F.
//     Same fit with bounds upper (10, 1, 1e3, 1, 1, 1e4, 100) (`results_local_bounds`): Wo1_1 2.38e2 s.
// (b) test_fitting.py @ 4acd560ecf20, `results_local_weighted`: the same circuit, data and start with
//     sigma = [|Z|, |Z|], i.e. weights 1/|Z|² (our modulus weighting):
//       1.64e-2, 9.06e-3, 3.06, 5.29e-3, 1.45e-1, 1.32e3, 2.02e-1.
// (c) impedance/tests/test_circuits.py @ 4b0709203b6e, test_Randles: impedance.py's Randles class is
//     R0-p(R1,C1)-Wo1, same data selection, initial guess [.01, .005, .1, .01, 200], unit weights:
//       [1.86146620e-02, 1.15477171e-02, 1.33331949e+00, 6.31473571e-02, 2.22407275e+02]
//     and the fitted Z(10 Hz) = 0.02495749 − 0.00614842j Ω.
//
// Element definitions are the same in both programs (echem.md §6; impedance.py
// impedance/models/circuits/elements.py): Wo = Z0·coth√(jωτ)/√(jωτ) with (Z0, τ) = our (Wo1_R,
// Wo1_tau); C = 1/(jωC); the circuit strings are pasted unchanged. No conversion is needed.
//
// What agreement means here. Published values have three significant digits (a rounding of up to
// 0.3 %); the check is 0.5 % per parameter. In (a) the optimum is flat along the Wo1 ridge
// R_W ∝ √τ (the data end at 3 mHz, where ωτ ≈ 4.6, so the reflective end is barely seen):
// impedance.py's own two runs in (a) differ by 2 % in τ, and its default run stops early (scipy at
// xtol = gtol = 1e-15 reaches S 0.014 % lower at τ = 237.8 s, which is the bounded published
// value). There the test compares the five well-determined parameters to 0.5 %, the identifiable
// combination R_W/√τ to 0.5 %, τ to the bounded published value, the standard errors to 5 %, and
// requires our S to be no larger than S at impedance.py's published point. tests/reference/
// eis_least_squares.py, run below when python3 with scipy is present, is an independent second
// reference at full precision (scipy.optimize.least_squares on the same residual).
//
// (d) test_fitting.py @ 4acd560ecf20, `results_global` (basinhopping on the RMSE, checked there to
//     rtol 0.1): 1.65e-2, 5.34e-3, 0.22, 9.15e-3, 1.31e-1, 1.10e3, 2.78 — the lower of the two minima
//     of (a), the arcs' roles swapped. Without start values (Circuit::initialGuess()) our fit lands
//     there; with weights and for the Randles circuit it also ends lower than impedance.py's local
//     fits from their documented starts, which are local minima.
#include "numeric/echem/Circuit.h"
#include "numeric/echem/EisFit.h"

#include "../VerifyNear.h"
#include "ImpedanceCsv.h"
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <cmath>
#include <fstream>
#include <numbers>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

/// The example spectrum with impedance.py's ignoreBelowX applied (keep Im Z < 0); empty if absent.
EisSpectrum exampleSpectrum(std::string* pathOut = nullptr)
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    const std::string path = (dir + "/echem/eis_csv/impedancepy_exampleData.csv").toStdString();
    if (pathOut) *pathOut = path;
    if (dir.isEmpty() || !std::ifstream(path)) return {};
    const EisSpectrum all = testing::readImpedanceCsv(path);
    EisSpectrum s;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all.zImagOhm[i] < 0) {
            s.frequencyHz.push_back(all.frequencyHz[i]);
            s.zRealOhm.push_back(all.zRealOhm[i]);
            s.zImagOhm.push_back(all.zImagOhm[i]);
        }
    return s;
}

Circuit parsed(const char* text)
{
    auto c = Circuit::parse(text);
    if (!c) qFatal("%s", c.error().message().c_str());
    return *c;
}

/// Start values in the circuit's order, as impedance.py's initial_guess list.
EisFitOptions startAt(const Circuit& c, const std::vector<double>& guess, EisWeighting w)
{
    EisFitOptions o;
    o.weighting = w;
    for (std::size_t k = 0; k < guess.size(); ++k)
        o.start[c.parameters()[k].name] = guess[k];
    return o;
}

/// S = Σ w·r² of \a p on \a s, with the fit's weights.
double weightedSum(const Circuit& c, const std::vector<double>& p, const EisSpectrum& s, EisWeighting w)
{
    const auto z = simulateCircuit(c, p, s.frequencyHz);
    double sum = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double dr = s.zRealOhm[i] - z[i].real(), di = s.zImagOhm[i] - z[i].imag();
        const double m2 = s.zRealOhm[i] * s.zRealOhm[i] + s.zImagOhm[i] * s.zImagOhm[i];
        const double wt = w == EisWeighting::Modulus ? 1.0 / m2 : 1.0;
        sum += wt * (dr * dr + di * di);
    }
    return sum;
}

void printComparison(const EisFitResult& r, const std::vector<double>& ref, const char* what)
{
    qInfo("%s: parameter, Vanadis, impedance.py, difference", what);
    for (std::size_t k = 0; k < ref.size(); ++k)
        qInfo("  %-8s %.9g  %.9g  %+.4f %%", r.parameters[k].name.c_str(), r.parameters[k].value, ref[k],
              100.0 * (r.parameters[k].value - ref[k]) / ref[k]);
}

const std::vector<double> kGettingStartedGuess = {.01, .01, 100, .01, .05, 100, 1};

} // namespace

class TestEisImpedancePy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gettingStartedUnitWeights();
    void gettingStartedModulusWeights();
    void randlesUnitWeights();
    void independentScipyFit();
    void automaticStartReachesTheSameOptimum();
};

void TestEisImpedancePy::gettingStartedUnitWeights()
{
    const EisSpectrum s = exampleSpectrum();
    if (s.size() == 0) QSKIP("test data absent");
    QCOMPARE(s.size(), std::size_t(57));
    const Circuit c = parsed("R0-p(R1,C1)-p(R2-Wo1,C2)");
    const std::vector<double> ref = {1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.33e2, 2.20e-1};
    const std::vector<double> refSe = {1.54e-4, 1.91e-4, 1.90e-1, 2.06e-4, 1.94e-3, 1.62e1, 1.75e-2};
    auto r = fitCircuit(c, s, startAt(c, kGettingStartedGuess, EisWeighting::Unit));
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QVERIFY(r->converged);
    printComparison(*r, ref, "getting-started, unit weights");
    for (std::size_t k : {0, 1, 2, 3, 6}) {
        VERIFY_NEAR(r->parameters[k].value, ref[k], 0.005 * ref[k]);
        // curve_fit's pcov (absolute_sigma=False) is χ²_red·(JᵀJ)⁻¹, as ours.
        VERIFY_NEAR(r->parameters[k].standardError, refSe[k], 0.05 * refSe[k]);
    }
    // The Wo1 ridge: R_W/√τ (the Warburg coefficient seen above 1/τ) is determined; R_W and τ alone
    // move along it. impedance.py's bounded run of the same fit reached τ = 2.38e2 s.
    const double rw = r->parameters[4].value, tau = r->parameters[5].value;
    qInfo("  Wo1_R/sqrt(tau): Vanadis %.6g, impedance.py %.6g Ohm s^-1/2", rw / std::sqrt(tau),
          ref[4] / std::sqrt(ref[5]));
    VERIFY_NEAR(rw / std::sqrt(tau), ref[4] / std::sqrt(ref[5]), 0.005 * ref[4] / std::sqrt(ref[5]));
    VERIFY_NEAR(tau, 2.38e2, 0.005 * 2.38e2);
    VERIFY_NEAR(r->parameters[5].standardError, refSe[5], 0.1 * refSe[5]);
    const double sRef = weightedSum(c, ref, s, EisWeighting::Unit);
    qInfo("  S: Vanadis %.8g, at impedance.py's published (rounded) point %.8g Ohm^2", r->chi2, sRef);
    QVERIFY(r->chi2 <= sRef);

    // The bounded run of (a): same optimum.
    EisFitOptions b = startAt(c, kGettingStartedGuess, EisWeighting::Unit);
    const std::vector<double> upper = {10, 1, 1e3, 1, 1, 1e4, 100};
    for (std::size_t k = 0; k < upper.size(); ++k)
        b.bounds[c.parameters()[k].name] = {0.0, upper[k]};
    auto rb = fitCircuit(c, s, b);
    QVERIFY(rb && rb->converged);
    for (std::size_t k = 0; k < ref.size(); ++k)
        VERIFY_NEAR(rb->parameters[k].value, r->parameters[k].value, 1e-4 * r->parameters[k].value);
}

void TestEisImpedancePy::gettingStartedModulusWeights()
{
    const EisSpectrum s = exampleSpectrum();
    if (s.size() == 0) QSKIP("test data absent");
    const Circuit c = parsed("R0-p(R1,C1)-p(R2-Wo1,C2)");
    const std::vector<double> ref = {1.64e-2, 9.06e-3, 3.06, 5.29e-3, 1.45e-1, 1.32e3, 2.02e-1};
    auto r = fitCircuit(c, s, startAt(c, kGettingStartedGuess, EisWeighting::Modulus));
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QVERIFY(r->converged);
    printComparison(*r, ref, "getting-started, modulus weights (sigma = |Z|)");
    for (std::size_t k = 0; k < ref.size(); ++k)
        VERIFY_NEAR(r->parameters[k].value, ref[k], 0.005 * ref[k]);
    // Here τ ≈ 1.3e3 s is far beyond the lowest frequency (ωτ ≈ 26 at 3 mHz): its error exceeds its
    // value, and the fit must say so rather than report a number as if it were measured.
    qInfo("  Wo1_tau relative error %.0f %%, Wo1_R %.0f %%", r->parameters[5].relativeErrorPct,
          r->parameters[4].relativeErrorPct);
    QVERIFY(!r->parameters[5].identifiable);
    const double sRef = weightedSum(c, ref, s, EisWeighting::Modulus);
    qInfo("  S: Vanadis %.8g, at impedance.py's published (rounded) point %.8g", r->chi2, sRef);
    QVERIFY(r->chi2 <= sRef);
}

void TestEisImpedancePy::randlesUnitWeights()
{
    const EisSpectrum s = exampleSpectrum();
    if (s.size() == 0) QSKIP("test data absent");
    const Circuit c = parsed("R0-p(R1,C1)-Wo1");
    const std::vector<double> ref = {1.86146620e-02, 1.15477171e-02, 1.33331949e+00, 6.31473571e-02,
                                     2.22407275e+02};
    auto r = fitCircuit(c, s, startAt(c, {.01, .005, .1, .01, 200}, EisWeighting::Unit));
    QVERIFY2(r, r ? "" : r.error().message().c_str());
    QVERIFY(r->converged);
    printComparison(*r, ref, "Randles R0-p(R1,C1)-Wo1, unit weights");
    for (std::size_t k = 0; k < ref.size(); ++k)
        VERIFY_NEAR(r->parameters[k].value, ref[k], 0.005 * ref[k]);
    std::vector<double> p;
    for (const auto& q : r->parameters)
        p.push_back(q.value);
    const auto z = c.impedance(2.0 * std::numbers::pi * 10.0, p);
    qInfo("  Z(10 Hz): Vanadis %.8f %+.8fj, impedance.py 0.02495749 -0.00614842j", z.real(), z.imag());
    // np.isclose defaults: rtol 1e-5, atol 1e-8.
    VERIFY_NEAR(z.real(), 0.02495749, 1e-8 + 1e-5 * 0.02495749);
    VERIFY_NEAR(z.imag(), -0.00614842, 1e-8 + 1e-5 * 0.00614842);
}

void TestEisImpedancePy::independentScipyFit()
{
    std::string path;
    const EisSpectrum s = exampleSpectrum(&path);
    if (s.size() == 0) QSKIP("test data absent");
    // Debian's python3-scipy is seen by /usr/bin/python3; a python3 earlier in PATH (pyenv, venv)
    // may not see it. $VANADIS_PYTHON overrides.
    QStringList candidates;
    if (qEnvironmentVariableIsSet("VANADIS_PYTHON")) candidates << qEnvironmentVariable("VANADIS_PYTHON");
    candidates << QStandardPaths::findExecutable("python3") << QStringLiteral("/usr/bin/python3");
    const QString script = QStringLiteral(VANADIS_SOURCE_DIR "/tests/reference/eis_least_squares.py");
    struct Case {
        const char* circuit;
        const char* weighting;
        EisWeighting w;
        std::vector<double> guess;
    };
    const std::vector<Case> cases = {
        {"R0-p(R1,C1)-p(R2-Wo1,C2)", "unit", EisWeighting::Unit, kGettingStartedGuess},
        {"R0-p(R1,C1)-p(R2-Wo1,C2)", "modulus", EisWeighting::Modulus, kGettingStartedGuess},
        {"R0-p(R1,C1)-Wo1", "unit", EisWeighting::Unit, {.01, .005, .1, .01, 200}},
    };
    QString python;
    for (const QString& cand : candidates) {
        if (cand.isEmpty()) continue;
        QProcess probe;
        probe.start(cand, {QStringLiteral("-c"), QStringLiteral("import scipy")});
        if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0) {
            python = cand;
            break;
        }
    }
    if (python.isEmpty()) QSKIP("no python3 with scipy (Debian python3-scipy)");
    for (const Case& k : cases) {
        const Circuit c = parsed(k.circuit);
        QProcess proc;
        proc.start(python, {script, QString::fromStdString(path), QString::fromLatin1(k.circuit),
                            QString::fromLatin1(k.weighting)});
        QVERIFY(proc.waitForFinished(120000));
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
        // Output: one line "S <value>" then "name value" per parameter.
        const QStringList lines =
            QString::fromUtf8(proc.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(c.parameterCount()) + 1);
        const double sScipy = lines[0].section(' ', 1, 1).toDouble();
        auto r = fitCircuit(c, s, startAt(c, k.guess, k.w));
        QVERIFY(r && r->converged);
        qInfo("%s, %s weights: parameter, Vanadis, scipy least_squares", k.circuit, k.weighting);
        for (std::size_t j = 0; j < c.parameterCount(); ++j) {
            const double v = lines[int(j) + 1].section(' ', 1, 1).toDouble();
            qInfo("  %-8s %.8g  %.8g  %+.2e %%", r->parameters[j].name.c_str(), r->parameters[j].value, v,
                  100.0 * (r->parameters[j].value - v) / v);
            VERIFY_NEAR(r->parameters[j].value, v, 0.005 * v);
        }
        qInfo("  S: Vanadis %.10g, scipy %.10g", r->chi2, sScipy);
        VERIFY_NEAR(r->chi2, sScipy, 1e-6 * sScipy);
    }
}

void TestEisImpedancePy::automaticStartReachesTheSameOptimum()
{
    // Users do not type impedance.py's start values. From Circuit::initialGuess() every one of these
    // fits ends at least as low as impedance.py's local fit from its documented start (here: lower in
    // all three, i.e. impedance.py's starts lead to local minima).
    const EisSpectrum s = exampleSpectrum();
    if (s.size() == 0) QSKIP("test data absent");
    struct Case {
        const char* circuit;
        EisWeighting w;
        std::vector<double> guess;
    };
    for (const Case& k : {Case{"R0-p(R1,C1)-Wo1", EisWeighting::Unit, {.01, .005, .1, .01, 200}},
                          Case{"R0-p(R1,C1)-p(R2-Wo1,C2)", EisWeighting::Modulus, kGettingStartedGuess}}) {
        const Circuit c = parsed(k.circuit);
        auto local = fitCircuit(c, s, startAt(c, k.guess, k.w));
        EisFitOptions o;
        o.weighting = k.w;
        auto automatic = fitCircuit(c, s, o);
        QVERIFY(local && automatic && automatic->converged);
        qInfo("%s (%s): S from impedance.py's start %.10g, from the automatic start %.10g", k.circuit,
              k.w == EisWeighting::Unit ? "unit" : "modulus", local->chi2, automatic->chi2);
        for (std::size_t j = 0; j < c.parameterCount(); ++j)
            qInfo("  %-8s %.6g (from impedance.py's start %.6g)", automatic->parameters[j].name.c_str(),
                  automatic->parameters[j].value, local->parameters[j].value);
        QVERIFY(automatic->chi2 <= local->chi2 * (1.0 + 1e-9));
    }
    // With unit weights the two-arc circuit has two minima: impedance.py's local fit of (a) ends in
    // the one its start leads to, and its global fit (basinhopping, test_fitting.py @ 4acd560ecf20,
    // `results_global`: 1.65e-2, 5.34e-3, 0.22, 9.15e-3, 1.31e-1, 1.10e3, 2.78, checked there to
    // rtol 0.1) finds the lower one, with the arcs' roles swapped. The automatic start lands in the
    // lower one: the same point as a least-squares fit started from impedance.py's global values.
    const Circuit c = parsed("R0-p(R1,C1)-p(R2-Wo1,C2)");
    const std::vector<double> global = {1.65e-2, 5.34e-3, 0.22, 9.15e-3, 1.31e-1, 1.10e3, 2.78};
    auto local = fitCircuit(c, s, startAt(c, kGettingStartedGuess, EisWeighting::Unit));
    auto fromGlobal = fitCircuit(c, s, startAt(c, global, EisWeighting::Unit));
    EisFitOptions o;
    o.weighting = EisWeighting::Unit;
    auto automatic = fitCircuit(c, s, o);
    QVERIFY(local && fromGlobal && automatic && automatic->converged);
    printComparison(*automatic, global, "automatic start, unit weights, against impedance.py's global fit");
    qInfo("  S: automatic %.10g, from impedance.py's global point %.10g, impedance.py's local minimum %.10g",
          automatic->chi2, fromGlobal->chi2, local->chi2);
    QVERIFY(automatic->chi2 < 0.8 * local->chi2);
    VERIFY_NEAR(automatic->chi2, fromGlobal->chi2, 1e-6 * fromGlobal->chi2);
    for (std::size_t j = 0; j < c.parameterCount(); ++j)
        VERIFY_NEAR(automatic->parameters[j].value, fromGlobal->parameters[j].value,
                    0.005 * fromGlobal->parameters[j].value);
    // Against the published global values (basinhopping's BFGS steps on the RMSE stop short of the
    // least-squares optimum, hence impedance.py's own 10 % check): the arcs within 0.5 % (C2 1 %),
    // Wo1 along its ridge R_W/√τ, and a lower S than at the published point.
    for (std::size_t j : {0, 1, 2, 3})
        VERIFY_NEAR(automatic->parameters[j].value, global[j], 0.005 * global[j]);
    VERIFY_NEAR(automatic->parameters[6].value, global[6], 0.01 * global[6]);
    const double ridge = automatic->parameters[4].value / std::sqrt(automatic->parameters[5].value);
    VERIFY_NEAR(ridge, global[4] / std::sqrt(global[5]), 0.005 * global[4] / std::sqrt(global[5]));
    QVERIFY(automatic->chi2 <= weightedSum(c, global, s, EisWeighting::Unit));
}

QTEST_GUILESS_MAIN(TestEisImpedancePy)
#include "tst_eis_impedancepy.moc"
