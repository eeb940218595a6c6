// The user curve fit (analysis "curve_fit" and the shared fitCurve): generated data with known
// parameters recovered within their standard errors, the library's start guesses, ranges, ties, fixed
// parameters, weights, and bad input answered with a message that says where.

#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"
#include "analysis/fit/CurveFit.h"
#include "model/Commands.h"
#include "model/Project.h"

#include <QJsonArray>
#include <QTest>
#include <QUndoStack>
#include <random>

using namespace vanadis;

namespace {

/// y = f(x) + N(0, noise²) at n points in [x0, x1], fixed seed.
std::vector<Column> generated(double x0, double x1, int n, const std::function<double(double)>& f,
                              double noise, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, noise);
    Column x{"Temperature", "K", {}}, y{"Signal", "a.u.", {}}, s{"sigma", "a.u.", {}};
    for (int i = 0; i < n; ++i) {
        const double xi = x0 + (x1 - x0) * i / (n - 1);
        x.values.push_back(xi);
        y.values.push_back(f(xi) + (noise > 0 ? g(rng) : 0.0));
        s.values.push_back(noise > 0 ? noise : 1.0);
    }
    return {x, y, s};
}

double value(const QJsonObject& r, const char* name)
{
    return r["parameters"].toObject()[name].toObject()["value"].toDouble();
}
double stderrOf(const QJsonObject& r, const char* name)
{
    return r["parameters"].toObject()[name].toObject()["stderr"].toDouble();
}

/// |got − want| within k standard errors (and the error itself finite and positive).
#define COMPARE_WITHIN_SIGMA(r, name, want, k)                                                               \
    do {                                                                                                     \
        const double got_ = value(r, name), se_ = stderrOf(r, name);                                         \
        QVERIFY2(std::isfinite(se_) && se_ > 0 && std::abs(got_ - (want)) <= (k)*se_,                        \
                 qPrintable(QString("%1 = %2 ± %3, truth %4 (tolerance %5 σ)")                               \
                                .arg(name)                                                                   \
                                .arg(got_)                                                                   \
                                .arg(se_)                                                                    \
                                .arg(want)                                                                   \
                                .arg(k)));                                                                   \
    } while (0)

} // namespace

class TestCurveFit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gaussianFromTheLibraryWithGuessedStarts()
    {
        // A peak with known area-free parameters; the built-in model guesses its own starts.
        const double a = 120.0, c = 412.0, w = 18.0, y0 = 5.0;
        const auto cols = generated(
            300, 520, 220,
            [&](double x) { return a * std::exp(-4 * std::log(2.0) * std::pow((x - c) / w, 2)) + y0; }, 1.5);
        CurveFitSpec spec;
        spec.model = "gauss";
        auto r = fitCurve(cols, spec);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY((*r)["converged"].toBool());
        COMPARE_WITHIN_SIGMA(*r, "a", a, 4.0);
        COMPARE_WITHIN_SIGMA(*r, "c", c, 4.0);
        COMPARE_WITHIN_SIGMA(*r, "w", w, 4.0);
        COMPARE_WITHIN_SIGMA(*r, "y0", y0, 4.0);
        // Residual SD estimates the noise; dof = points − 4.
        QVERIFY2(std::abs((*r)["residual_sd"].toDouble() / 1.5 - 1.0) < 0.15,
                 qPrintable(QString::number((*r)["residual_sd"].toDouble())));
        QCOMPARE((*r)["dof"].toInt(), 216);
        QCOMPARE((*r)["curve"].toArray().size(), qsizetype(400));
        QCOMPARE((*r)["residuals"].toArray().size(), qsizetype(220));
        QCOMPARE((*r)["correlation"].toObject()["order"].toArray().size(), qsizetype(4));
    }

    void customExpressionRangeFixedAndTie()
    {
        // Two decays with a common time constant: t2 tied to t1, c fixed at its true value; the fit
        // range leaves out points where a different process would start.
        const auto cols = generated(
            0, 100, 201, [](double x) { return 40 * std::exp(-x / 12.0) + 25 * std::exp(-x / 12.0) + 3; },
            0.2);
        CurveFitSpec spec;
        spec.model = "a1*exp(-x/t1) + a2*exp(-x/t2) + c";
        spec.xMax = 60.0;
        spec.parameters = {{"a1", 30.0},
                           {"t1", 10.0, 0.1, 1000.0},
                           {"a2", 30.0},
                           {"t2", std::nullopt, -1e300, 1e300, false, "t1"},
                           {"c", 3.0, -1e300, 1e300, true, {}}};
        auto r = fitCurve(cols, spec);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE((*r)["n_points"].toInt(), 121);
        QCOMPARE(value(*r, "t2"), value(*r, "t1"));
        QCOMPARE((*r)["parameters"].toObject()["t2"].toObject()["role"].toString(), QString("tied"));
        QCOMPARE((*r)["parameters"].toObject()["c"].toObject()["role"].toString(), QString("fixed"));
        COMPARE_WITHIN_SIGMA(*r, "t1", 12.0, 4.0);
        // a1 and a2 share one decay: only their sum is defined, and the fit must say so.
        QVERIFY2(std::abs(value(*r, "a1") + value(*r, "a2") - 65.0) < 0.5,
                 qPrintable(QString::number(value(*r, "a1") + value(*r, "a2"))));
        QJsonArray warnings = (*r)["warnings"].toArray();
        QVERIFY2(!warnings.isEmpty(), "a1 and a2 are not identifiable separately: a warning is expected");
        // dof: 121 points − 3 free (a1, t1, a2; t2 tied, c fixed).
        QCOMPARE((*r)["dof"].toInt(), 118);
    }

    void arrheniusAndSigmaWeights()
    {
        const double A = 2.0e5, Ea = 45000.0;
        const auto cols = generated(
            300, 420, 25, [&](double T) { return A * std::exp(-Ea / (8.314462618 * T)); }, 0.0);
        CurveFitSpec spec;
        spec.model = "arrhenius";
        spec.weights = CurveFitSpec::Weights::Sigma;
        spec.sigmaColumn = "sigma";
        auto r = fitCurve(cols, spec);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY2(std::abs(value(*r, "Ea") / Ea - 1.0) < 1e-6,
                 qPrintable(QString::number(value(*r, "Ea"), 'g', 10)));
        QVERIFY2(std::abs(value(*r, "A") / A - 1.0) < 1e-5,
                 qPrintable(QString::number(value(*r, "A"), 'g', 10)));
        QVERIFY((*r)["weights"].toString().startsWith("sigma"));
    }

    void badInputSaysWhere_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("x");
        QTest::addColumn<QString>("words");
        QTest::newRow("parse error") << "a*exp(-x/t"
                                     << "1"
                                     << "character";
        QTest::newRow("unknown column") << "a*x+b"
                                        << "Voltage"
                                        << "columns: 1 'Temperature'";
        QTest::newRow("column number out of range") << "a*x+b"
                                                    << "7"
                                                    << "no such column";
        QTest::newRow("no parameter") << "2*x"
                                      << "1"
                                      << "parameter";
    }

    void badInputSaysWhere()
    {
        QFETCH(QString, model);
        QFETCH(QString, x);
        QFETCH(QString, words);
        const auto cols = generated(
            0, 10, 20, [](double v) { return 2 * v + 1; }, 0.1);
        CurveFitSpec spec;
        spec.model = model;
        spec.xColumn = x;
        auto r = fitCurve(cols, spec);
        QVERIFY2(!r, "bad input must be an error");
        QVERIFY2(QString::fromStdString(r.error().message()).contains(words), r.error().message().c_str());
    }

    void unknownParameterAndEmptyRange()
    {
        const auto cols = generated(
            0, 10, 20, [](double v) { return 2 * v + 1; }, 0.1);
        CurveFitSpec spec;
        spec.model = "a*x + b";
        spec.parameters = {{"k", 1.0}};
        auto r = fitCurve(cols, spec);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error().message()).contains("parameters: a, b"),
                 r.error().message().c_str());
        spec.parameters.clear();
        spec.xMin = 20;
        spec.xMax = 30;
        r = fitCurve(cols, spec);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error().message()).contains("no data points"),
                 r.error().message().c_str());
    }

    void analysisRunIsStoredUndoableAndDrawsResiduals()
    {
        // On a dataset of any technique, as a run the user starts.
        Project p;
        Sample s = makeSample(p.allocateId(), "CS", 0);
        p.insertSample(s, -1);
        const auto cols = generated(
            1, 50, 60, [](double x) { return 3.0 * std::pow(x, 0.5); }, 0.05);
        // A type no automatic analysis reads (a "cv" dataset now gets the CV-kinetics run by itself).
        Dataset d(p.allocateId(), Technique::Echem, "data", "peak currents", cols, {}, {});
        p.insertDataset(s.id, d);
        const AnalysisDescriptor* a = analysisById("curve_fit");
        QVERIFY(a);
        QVERIFY(a->accepts(d));
        QVERIFY(!a->automatic);
        QVERIFY(ensureDefaultRuns(p).empty()); // never created by itself
        AnalysisRun run;
        run.id = p.allocateId();
        run.inputs = {RunInput{QStringLiteral("main"), d.id()}};
        run.analysisId = a->id;
        run.analysisVersion = a->version;
        run.params = effectiveParams(*a, {{"model", "power_law"}});
        p.undoStack()->push(new SetRunCommand(&p, run));
        computeStaleRunsNow(p);
        const AnalysisRun* stored = p.run(run.id);
        QCOMPARE(stored->status, RunStatus::Ok);
        COMPARE_WITHIN_SIGMA(stored->result, "b", 0.5, 4.0);
        const FigureSpec f = analysisFigure(p, *a, "fit", {d.id()});
        QCOMPARE(f.series.size(), size_t(2)); // data and model
        QVERIFY(f.residual && !f.residual->series.empty());
        QCOMPARE(f.spans.size(), size_t(1));
        p.undoStack()->undo();
        QVERIFY(!p.run(run.id));
        // A model typed wrong is refused by the parameter check, naming the character.
        auto bad = applySchema(a->params(), {{"model", "custom"}, {"expression", "a*(x"}});
        QVERIFY(!bad);
        QVERIFY2(QString::fromStdString(bad.error().message()).contains("expression"),
                 bad.error().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCurveFit)
#include "tst_curvefit.moc"
