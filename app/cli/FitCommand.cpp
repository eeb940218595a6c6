#include "app/cli/FitCommand.h"

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

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

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

/// A column by header name (case-insensitive) or 1-based index.
const Column* findColumn(const std::vector<Column>& cols, const QString& key)
{
    for (const Column& c : cols)
        if (c.name.compare(key, Qt::CaseInsensitive) == 0) return &c;
    bool ok = false;
    const int i = key.toInt(&ok);
    if (ok && i >= 1 && i <= int(cols.size())) return &cols[std::size_t(i - 1)];
    return nullptr;
}

QString columnList(const std::vector<Column>& cols)
{
    QStringList names;
    for (std::size_t i = 0; i < cols.size(); ++i) names << QString("%1 '%2'").arg(i + 1).arg(cols[i].name);
    return names.join(", ");
}

const char* roleKey(fit::ParameterRole r)
{
    switch (r) {
    case fit::ParameterRole::Free: return "free";
    case fit::ParameterRole::OnBound: return "on_bound";
    case fit::ParameterRole::Fixed: return "fixed";
    case fit::ParameterRole::Tied: return "tied";
    }
    return "free";
}

const char* statusKey(fit::FitStatus s)
{
    switch (s) {
    case fit::FitStatus::Converged: return "converged";
    case fit::FitStatus::MaxIterations: return "max_iterations";
    case fit::FitStatus::Stalled: return "stalled";
    }
    return "stalled";
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
    p.addOption({"param", "Start value, and bounds or 'fixed': NAME=START, NAME=START,LO,HI (inf allowed), "
                          "NAME=VALUE,fixed. Repeatable. Parameters not given start at 1.",
                 "NAME=START[,LO,HI|fixed]"});
    p.addOption({"tie", "Tie a parameter to others, e.g. w2=w1 or h2=h1*0.5. Repeatable.", "NAME=EXPR"});
    p.addOption({"range", "Fit only points with LO <= x <= HI.", "LO,HI"});
    p.addOption({"weights", "none (default), y (relative: 1/y^2), or a sigma column (name or index; 1/sigma^2).",
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
        err << cmd << "--model: " << QString::fromStdString(probe.error().message()) << "\n";
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
        err << cmd << QString::fromStdString(parsed.error().message()) << "\n";
        return kBadInput;
    }
    const QString xKey = p.isSet("x") ? p.value("x") : "1";
    const QString yKey = p.isSet("y") ? p.value("y") : "2";
    const QString wKey = p.value("weights").trimmed();
    const bool sigmaWeights = p.isSet("weights") && wKey.compare("none", Qt::CaseInsensitive) != 0 &&
                              wKey.compare("y", Qt::CaseInsensitive) != 0;
    const ImportedDataset* ds = nullptr;
    const Column *xc = nullptr, *yc = nullptr, *sc = nullptr;
    for (const ImportedDataset& d : parsed->datasets) {
        xc = findColumn(d.columns, xKey);
        yc = findColumn(d.columns, yKey);
        sc = sigmaWeights ? findColumn(d.columns, QString(wKey).remove(QRegularExpression("^sigma[:=]"))) : nullptr;
        if (xc && yc && (!sigmaWeights || sc)) {
            ds = &d;
            break;
        }
    }
    if (!ds) {
        const auto& cols = parsed->datasets.empty() ? std::vector<Column>{} : parsed->datasets.front().columns;
        const QString missing = !xc ? "--x " + xKey : !yc ? "--y " + yKey : "--weights " + wKey;
        err << cmd << file << ": " << missing << ": no such column (columns: " << columnList(cols) << ")\n";
        return kBadInput;
    }

    double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
    if (p.isSet("range")) {
        const QStringList r = p.value("range").split(',');
        if (r.size() != 2 || !parseNumber(r[0], lo) || !parseNumber(r[1], hi) || !(lo < hi)) {
            err << cmd << "--range: expects LO,HI with LO < HI, e.g. 0.5,20\n";
            return kBadInput;
        }
    }
    std::vector<double> x, y, sigma;
    std::vector<std::size_t> row; // data row of each point, for messages
    const std::size_t n = std::min(xc->values.size(), yc->values.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double xi = xc->values[i];
        if (!std::isfinite(xi)) {
            err << cmd << file << ": data row " << i + 1 << ": x ('" << xc->name << "') is missing or not a number\n";
            return kBadInput;
        }
        if (xi < lo || xi > hi) continue;
        if (!std::isfinite(yc->values[i])) {
            err << cmd << file << ": data row " << i + 1 << ": y ('" << yc->name << "') is missing or not a number\n";
            return kBadInput;
        }
        x.push_back(xi);
        y.push_back(yc->values[i]);
        if (sc) sigma.push_back(i < sc->values.size() ? sc->values[i] : std::nan(""));
        row.push_back(i + 1);
    }
    if (x.empty()) {
        err << cmd << file << ": no data points" << (p.isSet("range") ? " inside --range" : "") << "\n";
        return kBadInput;
    }

    auto model = fit::ExpressionModel::create(modelText.toStdString(), x);
    fit::FitProblem problem;
    problem.model = &*model;
    problem.observed = y;
    QJsonArray warnings;
    const auto& names = model->parameterNames();
    for (const std::string& nm : names) problem.parameters.push_back({nm, 1.0});
    auto paramIndex = [&](const QString& name) -> int {
        for (std::size_t k = 0; k < names.size(); ++k)
            if (QString::fromStdString(names[k]) == name) return int(k);
        return -1;
    };
    std::vector<bool> given(names.size(), false);
    for (const QString& spec : p.values("param")) {
        const QString name = spec.section('=', 0, 0).trimmed();
        const QStringList parts = spec.section('=', 1).split(',');
        const int k = paramIndex(name);
        if (k < 0) {
            err << cmd << "--param " << spec << ": '" << name << "' is not a parameter of the model (parameters: "
                << QString::fromStdString([&] {
                       std::string s;
                       for (const auto& nm : names) s += (s.empty() ? "" : ", ") + nm;
                       return s;
                   }())
                << ")\n";
            return kBadInput;
        }
        fit::Parameter& par = problem.parameters[std::size_t(k)];
        bool ok = parts.size() == 1 || parts.size() == 3 || (parts.size() == 2 && parts[1].trimmed() == "fixed");
        ok = ok && parseNumber(parts[0], par.value);
        if (ok && parts.size() == 2) par.fixed = true;
        if (ok && parts.size() == 3) ok = parseNumber(parts[1], par.lower) && parseNumber(parts[2], par.upper);
        if (!ok) {
            err << cmd << "--param " << spec << ": expects NAME=START, NAME=START,LO,HI or NAME=VALUE,fixed\n";
            return kBadInput;
        }
        given[std::size_t(k)] = true;
    }
    for (const QString& spec : p.values("tie")) {
        const QString name = spec.section('=', 0, 0).trimmed();
        const int k = paramIndex(name);
        if (k < 0) {
            err << cmd << "--tie " << spec << ": '" << name << "' is not a parameter of the model\n";
            return kBadInput;
        }
        problem.parameters[std::size_t(k)].tie = spec.section('=', 1).toStdString();
        if (problem.parameters[std::size_t(k)].tie.empty()) {
            err << cmd << "--tie " << spec << ": expects NAME=EXPR\n";
            return kBadInput;
        }
        given[std::size_t(k)] = true;
    }
    for (std::size_t k = 0; k < names.size(); ++k)
        if (!given[k])
            warnings.append(QString("parameter '%1' has no --param: it starts at 1").arg(QString::fromStdString(names[k])));

    if (p.isSet("weights") && wKey.compare("y", Qt::CaseInsensitive) == 0) {
        problem.weighting = fit::Weighting::Proportional;
    } else if (sigmaWeights) {
        problem.weighting = fit::Weighting::Sigma;
        problem.sigma = sigma;
    }
    fit::FitOptions fo;
    if (p.isSet("max-iterations")) {
        bool ok = false;
        fo.maxIterations = p.value("max-iterations").toInt(&ok);
        if (!ok || fo.maxIterations < 1) {
            err << cmd << "--max-iterations: expects a positive whole number\n";
            return kBadInput;
        }
    }

    auto result = fit::fitLeastSquares(problem, fo);
    if (!result) {
        Error e = result.error();
        // "point 7" → the data row and x value, which the user can find in the file.
        if (e.location.rfind("point ", 0) == 0) {
            const std::size_t k = std::stoul(e.location.substr(6)) - 1;
            if (k < row.size())
                e.location = "data row " + std::to_string(row[k]) + " (x = " + QString::number(x[k], 'g', 10).toStdString() + ")";
        } else if (e.location.rfind("parameter", 0) == 0 || e.location.rfind("tie", 0) == 0) {
            e.location = "--param/--tie, " + e.location;
        }
        e.file = file.toStdString();
        err << cmd << QString::fromStdString(e.message()) << "\n";
        return kBadInput;
    }
    const fit::FitResult& r = *result;
    for (const std::string& w : r.warnings) warnings.append(QString::fromStdString(w));

    QJsonObject params;
    QJsonArray order;
    for (std::size_t k = 0; k < r.names.size(); ++k) {
        const QString nm = QString::fromStdString(r.names[k]);
        order.append(nm);
        params.insert(nm, QJsonObject{{"value", number(r.values[k])},
                                      {"stderr", r.roles[k] == fit::ParameterRole::Fixed ? QJsonValue(0.0) : number(r.stderrs[k])},
                                      {"role", roleKey(r.roles[k])}});
    }
    QJsonArray matrix;
    for (Eigen::Index i = 0; i < r.correlation.rows(); ++i) {
        QJsonArray rowJ;
        for (Eigen::Index j = 0; j < r.correlation.cols(); ++j) rowJ.append(number(r.correlation(i, j)));
        matrix.append(rowJ);
    }
    const QJsonObject root{
        {"file", file},
        {"model", modelText},
        {"x_column", xc->name},
        {"y_column", yc->name},
        {"n_points", qint64(x.size())},
        {"weights", problem.weighting == fit::Weighting::Sigma ? "sigma:" + sc->name
                    : problem.weighting == fit::Weighting::Proportional ? "y" : "none"},
        {"parameters", params},
        {"rss", number(r.rss)},
        {"residual_sd", number(r.residualSd)},
        {"dof", r.dof},
        {"chi2_reduced", number(r.chi2Reduced)},
        {"r2", number(r.r2)},
        {"correlation", QJsonObject{{"order", order}, {"matrix", matrix}}},
        {"converged", r.converged},
        {"status", statusKey(r.status)},
        {"reason", QString::fromStdString(r.reason)},
        {"iterations", r.iterations},
        {"evaluations", r.evaluations},
        {"warnings", warnings},
    };
    if (p.isSet("json")) {
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return kOk;
    }
    out << "Model: y = " << modelText << "   (" << x.size() << " points, x = '" << xc->name << "', y = '" << yc->name
        << "')\n";
    for (std::size_t k = 0; k < r.names.size(); ++k)
        out << QString("  %1 = %2 ± %3  (%4)\n")
                   .arg(QString::fromStdString(r.names[k]), -8)
                   .arg(r.values[k], 0, 'g', 10)
                   .arg(r.stderrs[k], 0, 'g', 4)
                   .arg(roleKey(r.roles[k]));
    out << QString("RSS %1, residual SD %2, dof %3, reduced chi2 %4\n")
               .arg(r.rss, 0, 'g', 8)
               .arg(r.residualSd, 0, 'g', 6)
               .arg(r.dof)
               .arg(r.chi2Reduced, 0, 'g', 6);
    out << (r.converged ? "Converged" : "NOT converged") << " after " << r.iterations << " iterations: "
        << QString::fromStdString(r.reason) << "\n";
    for (const auto& w : warnings) out << "warning: " << w.toString() << "\n";
    return kOk;
}

} // namespace vanadis::cli
