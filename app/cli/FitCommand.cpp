#include "app/cli/FitCommand.h"

#include "io/import/ColumnRoles.h"

#include "analysis/fit/CurveFit.h"
#include "io/MessageText.h"

#include "io/import/ImporterRegistry.h"
#include "numeric/fit/ExpressionModel.h"
#include "numeric/fit/LeastSquares.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>
#include <limits>

namespace vanadis::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 2;
/// A number as the user may write a bound: inf, -inf, +inf accepted.
bool parseNumber(const QString& text, double& v)
{
    const QString t = text.trimmed().toLower();
    if (t == "inf" || t == "+inf" || t == "infinity") {
        v = std::numeric_limits<double>::infinity();
        return true;
    }
    if (t == "-inf" || t == "-infinity") {
        v = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    v = t.toDouble(&ok);
    return ok && std::isfinite(v);
}
} // namespace

int cmdFit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString cmd = "vanadis-cli fit: ";
    QCommandLineParser p;
    p.setApplicationDescription(
        "Fits a user-defined model y = EXPR(x; parameters) to two columns of a file by bounded "
        "Levenberg-Marquardt least squares. Every name in EXPR other than x, pi and the functions "
        "(exp ln log log10 sqrt sin cos tan asin acos atan sinh cosh tanh abs erf erfc pow atan2 min max) "
        "is a parameter. Operators + - * / ^ (or **), brackets ( ) or [ ].");
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument("FILE", "Delimited text or any instrument file vanadis reads.");
    p.addOption({"model", "The model, e.g. \"a*exp(-x/t)+c\".", "EXPR"});
    p.addOption({"x", "x column: header name or 1-based index (default 1).", "COL"});
    p.addOption({"y", "y column: header name or 1-based index (default 2).", "COL"});
    p.addOption({"param",
                 "Start value, and bounds or 'fixed': NAME=START, NAME=START,LO,HI (inf allowed), "
                 "NAME=VALUE,fixed. Repeatable. Parameters not given start at 1.",
                 "NAME=START[,LO,HI|fixed]"});
    p.addOption({"tie", "Tie a parameter to others, e.g. w2=w1 or h2=h1*0.5. Repeatable.", "NAME=EXPR"});
    p.addOption({"range", "Fit only points with LO <= x <= HI.", "LO,HI"});
    p.addOption({"weights",
                 "none (default), y (relative: 1/y^2), or a sigma column (name or index; 1/sigma^2).",
                 "none|y|COL"});
    p.addOption({"format", "Force a reader by id.", "ID"});
    p.addOption({"max-iterations", "Iteration limit (default 5000).", "N"});
    p.addOption({"json", "Print one JSON document."});
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    p.addOption(help);
    if (!p.parse(QStringList{"vanadis-cli"} + args)) {
        err << cmd << p.errorText() << "\n";
        return kBadInput;
    }
    if (p.isSet(help)) {
        out << p.helpText();
        return kOk;
    }
    if (p.positionalArguments().size() != 1) {
        err << cmd << "give exactly one file\n";
        return kBadInput;
    }
    if (!p.isSet("model")) {
        err << cmd << "--model is required, e.g. --model \"a*exp(-x/t)+c\"\n";
        return kBadInput;
    }
    const QString file = p.positionalArguments().first();
    const QString modelText = p.value("model");

    // Model text first: a typo is reported before the file is read.
    auto probe = fit::ExpressionModel::create(modelText.toStdString(), {});
    if (!probe) {
        err << cmd << "--model: " << escapeControlCharacters(QString::fromStdString(probe.error().message()))
            << "\n";
        return kBadInput;
    }

    // Read the file with the importers; delimited text needs no technique for a fit.
    ImportOptions opt;
    opt.format = p.value("format");
    if (opt.format.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << cmd << file << ": cannot be opened (" << f.errorString() << ")\n";
            return kBadInput;
        }
        const QByteArray head = f.read(65536);
        const Importer* imp = ImporterRegistry::instance().detect(head, QFileInfo(file).fileName());
        if (!imp || imp->id() == "generic-delimited") {
            opt.format = "generic-delimited";
            opt.technique = Technique::Xrd; // any: the technique only names the dataset here
        }
    }
    auto parsed = parseFile(file, opt);
    if (!parsed) {
        err << cmd << escapeControlCharacters(QString::fromStdString(parsed.error().message())) << "\n";
        return kBadInput;
    }
    CurveFitSpec spec;
    spec.model = modelText;
    spec.xColumn = p.isSet("x") ? p.value("x") : "1";
    spec.yColumn = p.isSet("y") ? p.value("y") : "2";
    const QString wKey = p.value("weights").trimmed();
    if (p.isSet("weights") && wKey.compare("y", Qt::CaseInsensitive) == 0) {
        spec.weights = CurveFitSpec::Weights::Relative;
    } else if (p.isSet("weights") && wKey.compare("none", Qt::CaseInsensitive) != 0) {
        spec.weights = CurveFitSpec::Weights::Sigma;
        spec.sigmaColumn = QString(wKey).remove(QRegularExpression("^sigma[:=]"));
    }
    if (p.isSet("range")) {
        const QStringList r = p.value("range").split(',');
        double lo = 0, hi = 0;
        if (r.size() != 2 || !parseNumber(r[0], lo) || !parseNumber(r[1], hi) || !(lo < hi)) {
            err << cmd << "--range: expects LO,HI with LO < HI, e.g. 0.5,20\n";
            return kBadInput;
        }
        spec.xMin = lo;
        spec.xMax = hi;
    }
    const QStringList names = [&] {
        QStringList n;
        for (const auto& nm : probe->parameterNames())
            n << QString::fromStdString(nm);
        return n;
    }();
    auto specFor = [&](const QString& name) -> CurveFitParameter* {
        for (CurveFitParameter& q : spec.parameters)
            if (q.name == name) return &q;
        spec.parameters.push_back(CurveFitParameter{name,
                                                    std::nullopt,
                                                    -std::numeric_limits<double>::infinity(),
                                                    std::numeric_limits<double>::infinity(),
                                                    false,
                                                    {}});
        return &spec.parameters.back();
    };
    for (const QString& text : p.values("param")) {
        const QString name = text.section('=', 0, 0).trimmed();
        const QStringList parts = text.section('=', 1).split(',');
        if (!names.contains(name)) {
            err << cmd << "--param " << text << ": '" << name
                << "' is not a parameter of the model (parameters: " << names.join(", ") << ")\n";
            return kBadInput;
        }
        CurveFitParameter& par = *specFor(name);
        double start = 0;
        bool ok =
            parts.size() == 1 || parts.size() == 3 || (parts.size() == 2 && parts[1].trimmed() == "fixed");
        ok = ok && parseNumber(parts[0], start);
        if (ok) par.start = start;
        if (ok && parts.size() == 2) par.fixed = true;
        if (ok && parts.size() == 3)
            ok = parseNumber(parts[1], par.lower) && parseNumber(parts[2], par.upper);
        if (!ok) {
            err << cmd << "--param " << text
                << ": expects NAME=START, NAME=START,LO,HI or NAME=VALUE,fixed\n";
            return kBadInput;
        }
    }
    for (const QString& text : p.values("tie")) {
        const QString name = text.section('=', 0, 0).trimmed();
        if (!names.contains(name)) {
            err << cmd << "--tie " << text << ": '" << name << "' is not a parameter of the model\n";
            return kBadInput;
        }
        specFor(name)->tie = text.section('=', 1);
        if (text.section('=', 1).trimmed().isEmpty()) {
            err << cmd << "--tie " << text << ": expects NAME=EXPR\n";
            return kBadInput;
        }
    }
    if (p.isSet("max-iterations")) {
        bool ok = false;
        spec.maxIterations = p.value("max-iterations").toInt(&ok);
        if (!ok || spec.maxIterations < 1) {
            err << cmd << "--max-iterations: expects a positive whole number\n";
            return kBadInput;
        }
    }
    // The first dataset of the file that has the columns asked for.
    Expected<QJsonObject> fitted = fail("", "", "the file holds no dataset");
    for (const ImportedDataset& d : parsed->datasets) {
        // A snake_case header the reader gave its canonical name ("time_s" → "Time") is still found
        // by the name the file writes.
        CurveFitSpec named = spec;
        for (QString* key : {&named.xColumn, &named.yColumn, &named.sigmaColumn})
            if (!key->isEmpty() && !curveFitColumn(d.columns, *key))
                if (const auto canonical = canonicalColumn(*key)) *key = canonical->first;
        fitted = fitCurve(d.columns, named);
        if (fitted || fitted.error().reason.find("no such column") == std::string::npos) break;
    }
    if (!fitted) {
        Error e = fitted.error();
        if (e.location.rfind("parameter", 0) == 0 || e.location.rfind("tie", 0) == 0)
            e.location = "--param/--tie, " + e.location;
        if (e.location.rfind("x column", 0) == 0) e.location = "--x " + spec.xColumn.toStdString();
        if (e.location.rfind("y column", 0) == 0) e.location = "--y " + spec.yColumn.toStdString();
        if (e.location.rfind("σ column", 0) == 0) e.location = "--weights " + wKey.toStdString();
        if (e.location == "range" && p.isSet("range")) {
            e.location.clear();
            e.reason = "no data points inside --range";
        }
        e.file = file.toStdString();
        err << cmd << escapeControlCharacters(QString::fromStdString(e.message())) << "\n";
        return kBadInput;
    }
    QJsonObject root = *fitted;
    // The drawn curve and residuals are for figures; the command prints the numbers.
    root.remove("curve");
    root.remove("residuals");
    root.remove("x_unit");
    root.remove("y_unit");
    root.insert("file", file);
    QJsonArray warnings = root.value("warnings").toArray();
    const QJsonObject params = root.value("parameters").toObject();
    for (const QString& nm : names) {
        const bool given =
            std::any_of(spec.parameters.begin(), spec.parameters.end(), [&](const CurveFitParameter& q) {
                return q.name == nm && (q.start || !q.tie.isEmpty());
            });
        if (!given && curveModelExpression(modelText) == modelText)
            warnings.append(QString("parameter '%1' has no --param: it starts at 1").arg(nm));
    }
    // The engine's "starts at 1" sentence and the CLI's say the same: keep the CLI's wording.
    QJsonArray deduped;
    for (const auto& w : warnings)
        if (!w.toString().startsWith("Parameter '")) deduped.append(w);
    root.insert("warnings", deduped);
    if (p.isSet("json")) {
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return kOk;
    }
    out << "Model: y = " << root.value("expression").toString() << "   ("
        << root.value("n_points").toInteger() << " points, x = '" << root.value("x_column").toString()
        << "', y = '" << root.value("y_column").toString() << "')\n";
    for (const QString& nm : root.value("correlation").toObject().value("order").toVariant().toStringList()) {
        const QJsonObject q = params.value(nm).toObject();
        out << QString("  %1 = %2 ± %3  (%4)\n")
                   .arg(nm, -8)
                   .arg(q.value("value").toDouble(), 0, 'g', 10)
                   .arg(q.value("stderr").toDouble(std::nan("")), 0, 'g', 4)
                   .arg(q.value("role").toString());
    }
    out << QString("RSS %1, residual SD %2, dof %3, reduced chi2 %4\n")
               .arg(root.value("rss").toDouble(), 0, 'g', 8)
               .arg(root.value("residual_sd").toDouble(), 0, 'g', 6)
               .arg(root.value("dof").toInt())
               .arg(root.value("chi2_reduced").toDouble(), 0, 'g', 6);
    out << (root.value("converged").toBool() ? "Converged" : "NOT converged") << " after "
        << root.value("iterations").toInt() << " iterations: " << root.value("reason").toString() << "\n";
    for (const auto& w : deduped)
        out << "warning: " << w.toString() << "\n";
    return kOk;
}

} // namespace vanadis::cli
