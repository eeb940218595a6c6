#include "app/cli/Cli.h"
#include "app/cli/FitCommand.h"

#include "analysis/AnalysisRegistry.h"
#include "analysis/DemoProject.h"
#include "analysis/RawFigure.h"
#include "io/ProjectDocument.h"
#include "io/import/ImporterRegistry.h"
#include "model/Commands.h"

#ifdef VANADIS_HAVE_PLOT
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"
#endif

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUndoStack>
#include <cmath>

namespace vanadis::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kBadInput = 2;

struct Failure {
    int code;
    QString message;
};

const char* const kUsage =
    "Usage: vanadis-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  demo OUT.vanadis                       write the demo series CS, WCS, HCS, HMCS\n"
    "  info PROJECT [--json]                  series, samples and datasets with provenance\n"
    "  import PROJECT --sample NAME FILE...   import instrument files into a sample\n"
    "  export-figure PROJECT --sample NAME --technique T --format pdf|svg|png|tiff|csv\n"
    "                --width-mm W [--height-mm H] [--dpi D] --out FILE\n"
    "  bet FILE [--adsorptive N2] [--range LO,HI] --json     BET area, pores (see --help)\n"
    "  tga FILE [--start-oxide V2O3 --residue V2O5] [--dry-below C] --json   carbon content\n"
    "  fit FILE --model EXPR [--x COL] [--y COL] [--param NAME=START[,LO,HI|fixed]]... --json   curve fit\n"
    "\n"
    "Run 'vanadis-cli <command> --help' for the options of a command.\n";

QString errorText(const Error& e) { return QString::fromStdString(e.message()); }

QJsonObject provenanceJson(const Provenance& p)
{
    return {{"original_file_name", p.originalFileName}, {"sha256", p.sha256},
            {"file_size_bytes", p.fileSize},            {"importer_id", p.importerId},
            {"importer_version", p.importerVersion},    {"imported_at_utc", p.importedAtUtc.toString(Qt::ISODate)}};
}

QJsonObject datasetJson(const Dataset& d)
{
    QJsonArray cols;
    for (const ColumnHeader& h : d.headers())
        cols.append(QJsonObject{{"name", h.name}, {"unit", h.unit}, {"count", qint64(h.count)}});
    return {{"id", qint64(d.id())},        {"name", d.name()},          {"technique", techniqueKey(d.technique())},
            {"kind", d.kind()},            {"points", qint64(d.pointCount())}, {"columns", cols},
            {"metadata", d.metadata()},    {"provenance", provenanceJson(d.provenance())}};
}

/// Parses the command's options; --help prints and returns kOk through \a early.
bool parse(QCommandLineParser& p, const QStringList& args, const QString& description, QTextStream& out,
           QTextStream& err, int& early)
{
    p.setApplicationDescription(description);
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    p.addOption(help);
    if (!p.parse(QStringList{"vanadis-cli"} + args)) {
        err << "vanadis-cli: " << p.errorText() << "\n";
        early = kBadInput;
        return false;
    }
    if (p.isSet(help)) {
        out << p.helpText();
        early = kOk;
        return false;
    }
    return true;
}

void printJson(QTextStream& out, const QJsonObject& o) { out << QJsonDocument(o).toJson(QJsonDocument::Indented); }

int cmdDemo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("OUT", "Project file to write (.vanadis).");
    int early = 0;
    if (!parse(p, args, "Writes the demo series CS, WCS, HCS, HMCS with raw data of every technique.", out, err, early))
        return early;
    if (p.positionalArguments().size() != 1) {
        err << "vanadis-cli demo: give exactly one output file\n";
        return kBadInput;
    }
    auto doc = ProjectDocument::createNew();
    populateDemoProject(doc->project());
    if (auto ok = doc->saveAs(p.positionalArguments().first()); !ok) {
        err << "vanadis-cli demo: " << errorText(ok.error()) << "\n";
        return kFailure;
    }
    err << "wrote " << doc->path() << " (" << doc->project().samples().size() << " samples, "
        << doc->project().allDatasets().size() << " datasets)\n";
    return kOk;
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("PROJECT", "Project file (.vanadis).");
    p.addOption({"json", "Print one JSON document."});
    int early = 0;
    if (!parse(p, args, "Lists the series, its samples and their datasets with provenance.", out, err, early))
        return early;
    if (p.positionalArguments().size() != 1) {
        err << "vanadis-cli info: give exactly one project file\n";
        return kBadInput;
    }
    auto doc = ProjectDocument::open(p.positionalArguments().first());
    if (!doc) {
        err << "vanadis-cli info: " << errorText(doc.error()) << "\n";
        return kBadInput;
    }
    const Project& pr = (*doc)->project();
    QJsonArray samples;
    for (const Sample* s : pr.samples()) {
        QJsonObject byTech;
        for (Technique t : allTechniques()) {
            QJsonArray ds;
            for (const Dataset* d : pr.datasetsOf(s->id, t)) ds.append(datasetJson(*d));
            byTech.insert(techniqueKey(t), ds);
        }
        QJsonObject so{{"id", qint64(s->id)},  {"name", s->name},     {"color", s->color.name()},
                       {"marker", s->marker},  {"notes", s->notes},   {"mass_basis", massBasisKey(s->massBasis)},
                       {"datasets", byTech}};
        so.insert("active_mass_mg", std::isnan(s->activeMassMg) ? QJsonValue() : QJsonValue(s->activeMassMg));
        samples.append(so);
    }
    const QJsonObject root{{"file", (*doc)->path()},
                           {"series", QJsonObject{{"name", pr.series().name}, {"varied_condition", pr.series().variedCondition}}},
                           {"samples", samples},
                           {"warnings", QJsonArray()}};
    if (p.isSet("json")) {
        printJson(out, root);
        return kOk;
    }
    out << "Series: " << pr.series().name << "\n";
    if (!pr.series().variedCondition.isEmpty()) out << "Varied: " << pr.series().variedCondition << "\n";
    for (const Sample* s : pr.samples()) {
        out << "\n" << s->name << "  colour " << s->color.name() << ", marker " << s->marker << ", active mass "
            << (std::isnan(s->activeMassMg) ? QStringLiteral("unknown") : QString::number(s->activeMassMg) + " mg") << "\n";
        for (Technique t : allTechniques())
            for (const Dataset* d : pr.datasetsOf(s->id, t))
                out << "  [" << techniqueKey(t) << "] " << d->kind() << ": " << d->name() << " (" << d->pointCount()
                    << " points, " << d->provenance().importerId << ")\n";
    }
    return kOk;
}

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("PROJECT", "Project file (.vanadis); created when it does not exist.");
    p.addPositionalArgument("FILE", "Instrument files to import.", "FILE...");
    p.addOption({"sample", "Sample to import into (created when missing).", "NAME"});
    p.addOption({"technique", "Force the technique: xrd, xps, bet, tga, echem.", "T"});
    p.addOption({"kind", "Force the dataset kind (e.g. cv, eis, gitt, rate, cycling).", "KIND"});
    p.addOption({"format", "Force a reader by id (see README).", "ID"});
    p.addOption({"json", "Print one JSON document."});
    int early = 0;
    if (!parse(p, args, "Imports files into a sample; all files are parsed before anything is saved.", out, err, early))
        return early;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 2 || !p.isSet("sample")) {
        err << "vanadis-cli import: give PROJECT, --sample NAME and at least one FILE\n";
        return kBadInput;
    }
    ImportOptions opt;
    if (p.isSet("technique")) {
        opt.technique = techniqueFromKey(p.value("technique"));
        if (!opt.technique) {
            err << "vanadis-cli import: unknown technique '" << p.value("technique") << "' (xrd, xps, bet, tga, echem)\n";
            return kBadInput;
        }
    }
    opt.kind = p.value("kind");
    opt.format = p.value("format");

    const QString projectPath = pos.first();
    std::unique_ptr<ProjectDocument> doc;
    if (QFileInfo::exists(projectPath)) {
        auto opened = ProjectDocument::open(projectPath);
        if (!opened) {
            err << "vanadis-cli import: " << errorText(opened.error()) << "\n";
            return kBadInput;
        }
        doc = std::move(*opened);
    } else {
        doc = ProjectDocument::createNew(QFileInfo(projectPath).completeBaseName());
    }
    Project& pr = doc->project();
    const QString sampleName = p.value("sample");
    if (!pr.sampleByName(sampleName)) {
        pr.undoStack()->push(new AddSampleCommand(&pr, makeSample(pr.allocateId(), sampleName, int(pr.samples().size()))));
    }
    const Id sampleId = pr.sampleByName(sampleName)->id;
    std::vector<Dataset> all;
    for (int i = 1; i < pos.size(); ++i) {
        auto ds = importFile(pr, pos[i], opt);
        if (!ds) {
            err << "vanadis-cli import: " << errorText(ds.error()) << "\n";
            return kBadInput; // nothing saved: the project file is untouched
        }
        for (auto& d : *ds) all.push_back(std::move(d));
    }
    QJsonArray created;
    for (const Dataset& d : all) created.append(datasetJson(d));
    pr.undoStack()->push(new ImportDatasetsCommand(&pr, sampleId, std::move(all)));
    auto saved = doc->hasFile() ? doc->save() : doc->saveAs(projectPath);
    if (!saved) {
        err << "vanadis-cli import: " << errorText(saved.error()) << "\n";
        return kFailure;
    }
    if (p.isSet("json")) {
        printJson(out, QJsonObject{{"project", doc->path()}, {"sample", sampleName}, {"datasets", created}, {"warnings", QJsonArray()}});
    } else {
        for (const auto& v : created) {
            const QJsonObject o = v.toObject();
            out << "imported " << o["name"].toString() << " as " << o["technique"].toString() << "/" << o["kind"].toString()
                << " (" << o["points"].toInteger() << " points)\n";
        }
    }
    return kOk;
}

int cmdExportFigure(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("PROJECT", "Project file (.vanadis).");
    p.addOption({"sample", "Sample(s) to plot; repeat or separate by commas; 'all' for the series.", "NAME"});
    p.addOption({"technique", "xrd, xps, bet, tga or echem.", "T"});
    p.addOption({"kind", "Dataset kind (e.g. V 2p, cycling_1Ag, eis); default: the first present.", "KIND"});
    p.addOption({"format", "pdf, svg, png, tiff or csv.", "F"});
    p.addOption({"width-mm", "Figure width in mm (85 single column, 175 double).", "W"});
    p.addOption({"height-mm", "Figure height in mm (default 0.75 × width).", "H"});
    p.addOption({"dpi", "Resolution of png/tiff (default 600).", "D"});
    p.addOption({"out", "Output file.", "FILE"});
    int early = 0;
    if (!parse(p, args, "Renders a figure offscreen at an exact size.", out, err, early)) return early;
    auto need = [&](const char* o) {
        if (!p.isSet(o)) err << "vanadis-cli export-figure: --" << o << " is required\n";
        return p.isSet(o);
    };
    if (p.positionalArguments().size() != 1 || !need("sample") || !need("technique") || !need("format") ||
        !need("width-mm") || !need("out"))
        return kBadInput;
    const auto technique = techniqueFromKey(p.value("technique"));
    if (!technique) {
        err << "vanadis-cli export-figure: unknown technique '" << p.value("technique") << "'\n";
        return kBadInput;
    }
    bool ok1 = true, ok2 = true, ok3 = true;
    const double widthMm = p.value("width-mm").toDouble(&ok1);
    const double heightMm = p.isSet("height-mm") ? p.value("height-mm").toDouble(&ok2) : 0.0;
    const double dpi = p.isSet("dpi") ? p.value("dpi").toDouble(&ok3) : 600.0;
    if (!ok1 || !ok2 || !ok3) {
        err << "vanadis-cli export-figure: --width-mm, --height-mm and --dpi take numbers\n";
        return kBadInput;
    }
    auto doc = ProjectDocument::open(p.positionalArguments().first());
    if (!doc) {
        err << "vanadis-cli export-figure: " << errorText(doc.error()) << "\n";
        return kBadInput;
    }
    const Project& pr = (*doc)->project();
    std::vector<Id> ids;
    for (const QString& v : p.values("sample")) {
        for (const QString& name : v.split(',', Qt::SkipEmptyParts)) {
            if (name.trimmed().compare("all", Qt::CaseInsensitive) == 0) {
                for (const Sample* s : pr.samples()) ids.push_back(s->id);
                continue;
            }
            const Sample* s = pr.sampleByName(name.trimmed());
            if (!s) {
                err << "vanadis-cli export-figure: no sample named '" << name.trimmed() << "' in " << (*doc)->path() << "\n";
                return kBadInput;
            }
            ids.push_back(s->id);
        }
    }
    const FigureSpec spec = rawFigure(pr, *technique, ids, p.value("kind"));
    if (spec.series.empty()) {
        err << "vanadis-cli export-figure: the selected samples have no " << techniqueKey(*technique)
            << (p.isSet("kind") ? " data of kind '" + p.value("kind") + "'" : QString(" data")) << "\n";
        return kBadInput;
    }
#ifdef VANADIS_HAVE_PLOT
    const PlotTheme theme = PlotTheme::builtIn();
    if (auto ok = PlotExporter::exportFigure(spec, theme, p.value("format").toLower(), widthMm, heightMm, dpi, p.value("out"));
        !ok) {
        err << "vanadis-cli export-figure: " << errorText(ok.error()) << "\n";
        return kBadInput;
    }
    err << "wrote " << p.value("out") << "\n";
    return kOk;
#else
    err << "vanadis-cli export-figure: this build has no plot layer (configured with VANADIS_BUILD_GUI=OFF)\n";
    return kFailure;
#endif
}

/// Options of an analysis command that map onto its parameters (besides the generic --param).
struct OptionMap {
    QString option;      ///< command-line option name
    QString description;
    QString valueName;
    std::function<Expected<QJsonObject>(const QString&)> toParams;
};

Expected<QJsonObject> numberParam(const QString& key, const QString& text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok) return fail("", "--" + key.toStdString(), "'" + text.toStdString() + "' is not a number");
    return QJsonObject{{key, v}};
}

/// `vanadis-cli <analysis> FILE [options] [--param key=value ...] [--json]`: imports the file (format
/// by content), runs the analysis on the first dataset it applies to and prints the result.
int cmdAnalysis(const AnalysisMethod& method, const std::vector<OptionMap>& maps, const QStringList& args,
                QTextStream& out, QTextStream& err)
{
    const QString cmd = method.id;
    QCommandLineParser p;
    p.addPositionalArgument("FILE", "Instrument file or delimited text.");
    for (const OptionMap& m : maps) p.addOption({m.option, m.description, m.valueName});
    p.addOption({"param", "Any parameter of the analysis as key=value (repeatable); see --list-params.", "KEY=VALUE"});
    p.addOption({"list-params", "List the parameters with defaults and ranges."});
    p.addOption({"format", "Force a reader by id.", "ID"});
    p.addOption({"json", "Print one JSON document."});
    int early = 0;
    if (!parse(p, args, "Runs the " + method.id + " analysis on one file.", out, err, early)) return early;
    if (p.isSet("list-params")) {
        for (const ParamSpec& s : method.schema())
            out << s.key << "  default " << QJsonDocument(QJsonArray{s.defaultValue}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
                << (s.unit.isEmpty() ? QString() : " " + s.unit) << "  " << s.label
                << (s.choices.isEmpty() ? QString() : " (" + s.choices.join("|") + ")") << "\n";
        return kOk;
    }
    if (p.positionalArguments().size() != 1) {
        err << "vanadis-cli " << cmd << ": give exactly one file\n";
        return kBadInput;
    }
    QJsonObject given;
    for (const OptionMap& m : maps) {
        if (!p.isSet(m.option)) continue;
        auto v = m.toParams(p.value(m.option));
        if (!v) {
            err << "vanadis-cli " << cmd << ": " << errorText(v.error()) << "\n";
            return kBadInput;
        }
        for (auto it = v->begin(); it != v->end(); ++it) given.insert(it.key(), it.value());
    }
    for (const QString& kv : p.values("param")) {
        const QString key = kv.section('=', 0, 0).trimmed();
        const QString value = kv.section('=', 1).trimmed();
        bool isNumber = false;
        const double d = value.toDouble(&isNumber);
        if (isNumber) given.insert(key, d);
        else if (value == "true" || value == "false") given.insert(key, value == "true");
        else given.insert(key, value);
    }
    auto params = applySchema(method.schema(), given);
    if (!params) {
        err << "vanadis-cli " << cmd << ": " << errorText(params.error()) << "\n";
        return kBadInput;
    }
    ImportOptions opt;
    opt.technique = method.technique;
    opt.format = p.value("format");
    auto parsed = parseFile(p.positionalArguments().first(), opt);
    if (!parsed) {
        err << "vanadis-cli " << cmd << ": " << errorText(parsed.error()) << "\n";
        return kBadInput;
    }
    Project scratch;
    const std::vector<Dataset> datasets = makeDatasets(scratch, std::move(*parsed));
    for (const Dataset& d : datasets) {
        if (d.technique() != method.technique || !(method.kinds.contains(d.kind()) || d.kind() == "data")) continue;
        auto result = method.compute(d, *params);
        if (!result) {
            Error e = result.error();
            if (e.file.empty()) e.file = p.positionalArguments().first().toStdString();
            err << "vanadis-cli " << cmd << ": " << errorText(e) << "\n";
            return kBadInput;
        }
        QJsonObject o = *result;
        o.insert("file", p.positionalArguments().first());
        o.insert("analysis", QJsonObject{{"id", method.id}, {"version", method.version}, {"params", *params}});
        if (!o.contains("warnings")) o.insert("warnings", QJsonArray());
        // The result is a JSON document with or without --json (the flag is accepted for symmetry
        // with the other commands): a table of nested BJH/t-plot values reads worse as text.
        printJson(out, o);
        return kOk;
    }
    err << "vanadis-cli " << cmd << ": " << p.positionalArguments().first() << ": no " << techniqueKey(method.technique)
        << " data of kind " << method.kinds.join("/") << " in this file\n";
    return kBadInput;
}

std::vector<OptionMap> optionsFor(const QString& id)
{
    std::vector<OptionMap> maps;
    if (id == "bet") {
        maps.push_back({"adsorptive", "N2 (default), Ar, Kr or CO2.", "GAS",
                        [](const QString& v) -> Expected<QJsonObject> { return QJsonObject{{"adsorptive", v}}; }});
        maps.push_back({"range", "BET window in p/p0 instead of the automatic Rouquerol/BETSI choice.", "LO,HI",
                        [](const QString& v) -> Expected<QJsonObject> {
                            bool ok1 = false, ok2 = false;
                            const double lo = v.section(',', 0, 0).toDouble(&ok1), hi = v.section(',', 1, 1).toDouble(&ok2);
                            if (!ok1 || !ok2 || lo >= hi) return fail("", "--range", "expects LO,HI with LO < HI, e.g. 0.05,0.30");
                            return QJsonObject{{"p_min", lo}, {"p_max", hi}};
                        }});
    } else if (id == "tga") {
        maps.push_back({"start-oxide", "Oxide before oxidation (default V2O3).", "OXIDE",
                        [](const QString& v) -> Expected<QJsonObject> { return QJsonObject{{"start_oxide", v}}; }});
        maps.push_back({"residue", "Oxide left at the end (default V2O5).", "OXIDE",
                        [](const QString& v) -> Expected<QJsonObject> { return QJsonObject{{"residue", v}}; }});
        maps.push_back({"dry-below", "Temperature (°C) of the dry mass; loss below it is moisture.", "C",
                        [](const QString& v) { return numberParam("dry_below_c", v); }});
    }
    return maps;
}

} // namespace

bool needsGuiApplication(const QStringList& args) { return !args.isEmpty() && args.first() == "export-figure"; }

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == "--help" || args.first() == "-h" || args.first() == "help") {
        (args.isEmpty() ? err : out) << kUsage;
        return args.isEmpty() ? kBadInput : kOk;
    }
    if (args.first() == "--version") {
        out << "vanadis-cli " << VANADIS_VERSION << "\n";
        return kOk;
    }
    const QString cmd = args.first();
    const QStringList rest = args.mid(1);
    try {
        if (cmd == "demo") return cmdDemo(rest, out, err);
        if (cmd == "info") return cmdInfo(rest, out, err);
        if (cmd == "import") return cmdImport(rest, out, err);
        if (cmd == "export-figure") return cmdExportFigure(rest, out, err);
        if (cmd == "fit") return cmdFit(rest, out, err);
        if (const AnalysisMethod* m = analysisById(cmd)) return cmdAnalysis(*m, optionsFor(cmd), rest, out, err);
    } catch (const std::exception& e) {
        err << "vanadis-cli " << cmd << ": internal error: " << e.what() << "\n";
        return kFailure;
    }
    err << "vanadis-cli: unknown command '" << cmd << "'\n" << kUsage;
    return kBadInput;
}

} // namespace vanadis::cli
