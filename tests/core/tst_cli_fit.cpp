// `vanadis-cli fit` run as scripts run it (QProcess on the real binary): a generated file with known
// parameters recovered through the JSON keys of the contract, a NIST StRD problem converted to a
// temporary CSV reproducing its certified values, and the bad-input rules (exit 2, one stderr line
// naming the file and the place, nothing on stdout).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

namespace {

QString cliExe()
{
    return QStringLiteral(VANADIS_BINARY_DIR "/app/vanadis-cli");
}

#define VERIFY_DIGITS(what, actual, certified, digits)                                                       \
    do {                                                                                                     \
        const double a_ = (actual), c_ = (certified);                                                        \
        const double rel_ = std::abs(a_ - c_) / std::abs(c_);                                                \
        QVERIFY2(rel_ <= std::pow(10.0, -(digits)),                                                          \
                 qPrintable(QStringLiteral("%1: %2, expected %3 (relative error %4, allowed 1e-%5)")         \
                                .arg(what)                                                                   \
                                .arg(a_, 0, 'g', 12)                                                         \
                                .arg(c_, 0, 'g', 12)                                                         \
                                .arg(rel_, 0, 'g', 3)                                                        \
                                .arg(digits)));                                                              \
    } while (0)

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

} // namespace

class TestCliFit : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Run cli(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_RUNTIME_DIR", m_dir.filePath("xdg"));
        p.setProcessEnvironment(env);
        p.start(cliExe(), args);
        Run r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            r.err = "did not run: " + args.join(' ').toLocal8Bit();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    QString write(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(name));
        f.write(bytes);
        return f.fileName();
    }
    static QJsonObject json(const Run& r, bool* ok)
    {
        QJsonParseError pe;
        const QJsonDocument d = QJsonDocument::fromJson(r.out, &pe);
        *ok = pe.error == QJsonParseError::NoError && d.isObject();
        return d.object();
    }

private Q_SLOTS:
    void generatedFileRecoversParameters();
    void nistProblemAsCsv();
    void badInputExitsTwoWithOneLine();
};

void TestCliFit::generatedFileRecoversParameters()
{
    // y = A·exp(−x/τ) + c with A = 4, τ = 2.5, c = 0.7, σ = 0.01 noise, a header and a σ column;
    // columns chosen by name (x, y) and by index (σ = column 3), a range that drops the first point.
    std::mt19937_64 rng(21);
    std::normal_distribution<double> noise(0.0, 0.01);
    QByteArray csv = "time_s,signal,sigma\n";
    for (int i = 0; i < 80; ++i) {
        const double x = 0.1 * i;
        csv += QByteArray::number(x, 'g', 17) + "," +
               QByteArray::number(4.0 * std::exp(-x / 2.5) + 0.7 + noise(rng), 'g', 17) + ",0.01\n";
    }
    const QString file = write("decay.csv", csv);
    const Run r =
        cli({"fit", file, "--model", "A*exp(-x/tau) + c", "--x", "time_s", "--y", "signal", "--param", "A=1",
             "--param", "tau=1,0.01,inf", "--weights", "3", "--range", "0.05,100", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    bool ok = false;
    const QJsonObject o = json(r, &ok);
    QVERIFY2(ok, r.out.left(300).constData());
    QVERIFY(o["converged"].toBool());
    QCOMPARE(o["n_points"].toInt(), 79);
    QCOMPARE(o["dof"].toInt(), 79 - 3);
    const QJsonObject params = o["parameters"].toObject();
    const double truth[] = {4.0, 2.5, 0.7};
    const char* names[] = {"A", "tau", "c"};
    for (int k = 0; k < 3; ++k) {
        const QJsonObject p = params[names[k]].toObject();
        const double v = p["value"].toDouble(), s = p["stderr"].toDouble();
        QVERIFY2(s > 0.0 && std::abs(v - truth[k]) < 4.0 * s,
                 qPrintable(QString("%1 = %2 ± %3, true %4").arg(names[k]).arg(v).arg(s).arg(truth[k])));
    }
    for (const char* key : {"rss", "residual_sd", "chi2_reduced", "iterations", "status", "reason"})
        QVERIFY2(o.contains(key), key);
    // χ²_red ≈ 1 with the true σ.
    QVERIFY2(std::abs(o["chi2_reduced"].toDouble() - 1.0) < 0.4,
             qPrintable(QString::number(o["chi2_reduced"].toDouble())));
    const QJsonObject corr = o["correlation"].toObject();
    QCOMPARE(corr["order"].toArray().size(), 3);
    QCOMPARE(corr["matrix"].toArray().size(), 3);
    QCOMPARE(corr["matrix"].toArray()[0].toArray()[0].toDouble(), 1.0);
    // c had no --param: a warning says so.
    bool warned = false;
    for (const auto& w : o["warnings"].toArray())
        warned |= w.toString().contains("'c' has no --param");
    QVERIFY2(warned, r.out.constData());
}

void TestCliFit::nistProblemAsCsv()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    if (dir.isEmpty()) dir = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    QFile f(dir + "/nist-strd/Thurber.dat");
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        QSKIP("NIST StRD Thurber.dat not found (set VANADIS_TESTDATA)");
    // Data block "y x" → CSV with the header in the order x,y (so columns are found by name).
    QByteArray csv = "x,y\n";
    bool data = false;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QList<QByteArray> t = line.simplified().split(' ');
        if (data && t.size() == 2) csv += t[1] + "," + t[0] + "\n";
        if (line.simplified().startsWith("Data: y")) data = true;
    }
    const QString file = write("thurber.csv", csv);
    const Run r = cli(
        {"fit",     file,      "--x",     "x",
         "--y",     "y",       "--model", "(b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)",
         "--param", "b1=1000", "--param", "b2=1000",
         "--param", "b3=400",  "--param", "b4=40",
         "--param", "b5=0.7",  "--param", "b6=0.3",
         "--param", "b7=0.03", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    bool ok = false;
    const QJsonObject o = json(r, &ok);
    QVERIFY(ok);
    QVERIFY(o["converged"].toBool());
    const double cert[] = {1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
                           9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02};
    const double sd[] = {4.6647963344E+00, 3.9571156086E+01, 2.8698696102E+01, 5.5675370270E+00,
                         3.1333340687E-02, 1.4984928198E-02, 6.5842344623E-03};
    const QJsonObject params = o["parameters"].toObject();
    for (int k = 0; k < 7; ++k) {
        const QJsonObject p = params[QString("b%1").arg(k + 1)].toObject();
        VERIFY_DIGITS(QString("b%1").arg(k + 1), p["value"].toDouble(), cert[k], 6);
        VERIFY_DIGITS(QString("sd(b%1)").arg(k + 1), p["stderr"].toDouble(), sd[k], 4);
    }
    VERIFY_DIGITS("residual_sd", o["residual_sd"].toDouble(), 1.3714600784E+01, 4);
    QCOMPARE(o["dof"].toInt(), 30);
}

void TestCliFit::badInputExitsTwoWithOneLine()
{
    const QString file = write("line.csv", "x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n5,10.1\n");
    struct Case {
        QStringList args;
        const char* words;
    };
    const std::vector<Case> cases = {
        {{"--model", "a*exp(-x/t"}, "--model: character 6: '(' is never closed"},
        {{"--model", "a*x", "--y", "nope"}, "line.csv: --y nope: no such column"},
        {{"--model", "a*x", "--param", "q=1"}, "'q' is not a parameter of the model"},
        {{"--model", "a*x+b", "--param", "a=5,0,1"},
         "parameter 'a': start value 5 is outside its bounds [0, 1]"},
        {{"--model", "a*log(x-b)", "--param", "b=1"}, "line.csv: data row 1 (x = 1): the model gives NaN"},
        {{"--model", "a*x+b+0*c"}, "parameter 'c': the model does not depend on this parameter"},
        {{"--model", "a+b*x+c*x^2+d*x^3+e*x^4+f*x^5"}, "fewer data values (5) than free parameters (6)"},
        {{"--model", "a*x", "--range", "7,9"}, "no data points inside --range"},
        {{"--model", "a*x+b", "--tie", "b=a*"}, "tie of parameter 'b', character 3"},
        {{"--model", "a*x", "--param", "a=x1"}, "expects NAME=START"},
    };
    for (const Case& c : cases) {
        const Run r = cli(QStringList{"fit", file} + c.args);
        const QString what = c.args.join(' ');
        QVERIFY2(r.exitCode == 2, qPrintable(what + ": exit " + QString::number(r.exitCode) + " " + r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(what + ": stdout not empty: " + r.out));
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QVERIFY2(lines.size() == 1, qPrintable(what + ": " + r.err));
        QVERIFY2(r.err.contains(c.words),
                 qPrintable(what + ": '" + r.err.trimmed() + "' lacks '" + c.words + "'"));
    }
    const Run missing = cli({"fit", m_dir.filePath("absent.csv"), "--model", "a*x"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("absent.csv"));
}

QTEST_GUILESS_MAIN(TestCliFit)
#include "tst_cli_fit.moc"
