#include "app/cli/Cli.h"
#include "app/cli/FitCommand.h"

#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"
#include "analysis/DemoProject.h"
#include "analysis/RawFigure.h"
#include "io/MessageText.h"
#include "io/ProjectDocument.h"
#include "io/import/ColumnRoles.h"
#include "io/import/ImporterRegistry.h"
#include "model/Commands.h"
#include "model/DatasetType.h"

#ifdef VANADIS_HAVE_PLOT
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"
#endif

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <QUndoStack>
#include <algorithm>
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
    "  info PROJECT [--json]                  series, samples, datasets and analysis runs\n"
    "  import PROJECT --sample NAME FILE...   import instrument files into a sample\n"
    "  export-figure PROJECT --sample NAME --technique T [--figure ID | --list]\n"
    "                --format pdf|svg|png|tiff|csv --width-mm W [--height-mm H] [--dpi D] --out FILE\n"
    "  describe [ANALYSIS] [--markdown|--json]  parameters, outputs and figures of the analyses\n"
    "  bet FILE [--adsorptive N2] [--range LO,HI] --json     BET area, pores (see --help)\n"
    "  tga FILE [--start-oxide V2O3 --residue V2O5 | --mode burn-off] [--blank FILE]\n"
    "      [--buoyancy-pct-per-100k K] [--dry-below C] --json   carbon content\n"
    "  fit FILE --model EXPR [--x COL] [--y COL] [--param NAME=START[,LO,HI|fixed]]... --json   curve fit\n"
    "  (bet|tga|...) FILE --columns ROLE=COLUMN[:UNIT],...   map the columns of a delimited text file\n"
    "\n"
    "Run 'vanadis-cli <command> --help' for the options of a command.\n";

/// One line whatever the input held: control characters from file content or names become \xNN
/// (the readers escape what they quote; this is the guarantee at the boundary).
QString errorText(const Error& e)
{
    return escapeControlCharacters(QString::fromStdString(e.message()));
}

QJsonObject provenanceJson(const Provenance& p)
{
    return {{"original_file_name", p.originalFileName},
            {"sha256", p.sha256},
            {"file_size_bytes", p.fileSize},
            {"importer_id", p.importerId},
            {"importer_version", p.importerVersion},
            {"imported_at_utc", p.importedAtUtc.toString(Qt::ISODate)}};
}

QJsonObject datasetJson(const Dataset& d)
{
    QJsonArray cols;
    for (const ColumnHeader& h : d.headers())
        cols.append(QJsonObject{{"name", h.name}, {"unit", h.unit}, {"count", qint64(h.count)}});
    // `kind` is kept (= type) for scripts written against schema 1; `type` and `label` are the new keys.
    return {{"id", qint64(d.id())},
            {"name", d.name()},
            {"technique", techniqueKey(d.technique())},
            {"type", d.type()},
            {"label", d.label()},
            {"kind", d.type()},
            {"points", qint64(d.pointCount())},
            {"columns", cols},
            {"metadata", d.metadata()},
            {"provenance", provenanceJson(d.provenance())}};
}

/// A run as `info --json` lists it: the analysis, its inputs, its status and its headline results
/// (each with its `_err` sibling where it has one).
QJsonObject runJson(const AnalysisRun& r)
{
    QJsonArray inputs;
    for (const RunInput& in : r.inputs)
        inputs.append(QJsonObject{{"role", in.role}, {"dataset_id", qint64(in.datasetId)}});
    QJsonObject headlines;
    if (const AnalysisDescriptor* a = analysisById(r.analysisId);
        a && a->outputs && r.status != RunStatus::Failed)
        for (const OutputSpec& o : a->outputs()) {
            if (!o.headline) continue;
            const QString key = o.path.section('.', -1);
            headlines.insert(key, resultValue(r.result, o.path));
            if (!o.errorPath.isEmpty())
                headlines.insert(o.errorPath.section('.', -1), resultValue(r.result, o.errorPath));
        }
    QJsonObject o{
        {"id", qint64(r.id)}, {"analysis_id", r.analysisId},      {"analysis_version", r.analysisVersion},
        {"inputs", inputs},   {"status", runStatusKey(r.status)}, {"headline", headlines},
        {"params", r.params}};
    if (!r.message.isEmpty()) o.insert("message", r.message);
    return o;
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

void printJson(QTextStream& out, const QJsonObject& o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

int cmdDemo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("OUT", "Project file to write (.vanadis).");
    int early = 0;
    if (!parse(p, args, "Writes the demo series CS, WCS, HCS, HMCS with raw data of every technique.", out,
               err, early))
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
            for (const Dataset* d : pr.datasetsOf(s->id, t))
                ds.append(datasetJson(*d));
            byTech.insert(techniqueKey(t), ds);
        }
        QJsonArray runs;
        for (const Dataset* d : pr.datasetsOf(s->id))
            for (const AnalysisRun* r : pr.runsOf(d->id()))
                runs.append(runJson(*r));
        QJsonObject so{{"id", qint64(s->id)}, {"name", s->name},   {"color", s->color.name()},
                       {"marker", s->marker}, {"notes", s->notes}, {"mass_basis", massBasisKey(s->massBasis)},
                       {"datasets", byTech},  {"runs", runs}};
        so.insert("active_mass_mg", std::isnan(s->activeMassMg) ? QJsonValue() : QJsonValue(s->activeMassMg));
        samples.append(so);
    }
    const QJsonObject root{{"file", (*doc)->path()},
                           {"series", QJsonObject{{"name", pr.series().name},
                                                  {"varied_condition", pr.series().variedCondition}}},
                           {"samples", samples},
                           {"warnings", QJsonArray::fromStringList((*doc)->warnings())}};
    if (p.isSet("json")) {
        printJson(out, root);
        return kOk;
    }
    for (const QString& w : (*doc)->warnings())
        err << "vanadis-cli info: warning: " << w << "\n";
    out << "Series: " << pr.series().name << "\n";
    if (!pr.series().variedCondition.isEmpty()) out << "Varied: " << pr.series().variedCondition << "\n";
    for (const Sample* s : pr.samples()) {
        out << "\n"
            << s->name << "  colour " << s->color.name() << ", marker " << s->marker << ", active mass "
            << (std::isnan(s->activeMassMg) ? QStringLiteral("unknown")
                                            : QString::number(s->activeMassMg) + " mg")
            << "\n";
        for (Technique t : allTechniques())
            for (const Dataset* d : pr.datasetsOf(s->id, t)) {
                out << "  [" << techniqueKey(t) << "] #" << d->id() << " " << d->type()
                    << (d->label().isEmpty() ? QString() : " \"" + d->label() + "\"") << ": " << d->name()
                    << " (" << d->pointCount() << " points, " << d->provenance().importerId << ")\n";
                for (const AnalysisRun* r : pr.runsOf(d->id()))
                    out << "      " << r->analysisId << " v" << r->analysisVersion << ": "
                        << runStatusKey(r->status) << (r->message.isEmpty() ? QString() : " — " + r->message)
                        << "\n";
            }
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
    if (!parse(p, args, "Imports files into a sample; all files are parsed before anything is saved.", out,
               err, early))
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
            err << "vanadis-cli import: unknown technique '" << p.value("technique")
                << "' (xrd, xps, bet, tga, echem)\n";
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
        pr.undoStack()->push(
            new AddSampleCommand(&pr, makeSample(pr.allocateId(), sampleName, int(pr.samples().size()))));
    }
    const Id sampleId = pr.sampleByName(sampleName)->id;
    std::vector<Dataset> all;
    QStringList warnings = doc->warnings();
    for (int i = 1; i < pos.size(); ++i) {
        auto parsed = parseFile(pos[i], opt);
        if (!parsed) {
            err << "vanadis-cli import: " << errorText(parsed.error()) << "\n";
            return kBadInput; // nothing saved: the project file is untouched
        }
        for (const QString& w : parsed->warnings)
            warnings << QFileInfo(pos[i]).fileName() + ": " + w;
        for (auto& d : makeDatasets(pr, std::move(*parsed)))
            all.push_back(std::move(d));
    }
    QJsonArray created;
    for (const Dataset& d : all)
        created.append(datasetJson(d));
    pr.undoStack()->push(new ImportDatasetsCommand(&pr, sampleId, std::move(all)));
    // The new datasets get their analyses with default parameters, computed and stored, as in the GUI.
    ensureDefaultRuns(pr);
    computeStaleRunsNow(pr);
    auto saved = doc->hasFile() ? doc->save() : doc->saveAs(projectPath);
    if (!saved) {
        err << "vanadis-cli import: " << errorText(saved.error()) << "\n";
        return kFailure;
    }
    warnings << doc->saveWarnings();
    if (p.isSet("json")) {
        printJson(out, QJsonObject{{"project", doc->path()},
                                   {"sample", sampleName},
                                   {"datasets", created},
                                   {"warnings", QJsonArray::fromStringList(warnings)}});
    } else {
        for (const QString& w : warnings)
            err << "vanadis-cli import: warning: " << w << "\n";
        for (const auto& v : created) {
            const QJsonObject o = v.toObject();
            out << "imported " << o["name"].toString() << " as " << o["technique"].toString() << "/"
                << o["type"].toString() << " (" << o["points"].toInteger() << " points)\n";
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
    p.addOption({"kind",
                 "Raw figure: the dataset view (e.g. \"XPS region — V 2p\"); default: the first present.",
                 "KIND"});
    p.addOption({"figure", "Figure id (see --list); default: the raw-data figure.", "ID"});
    p.addOption({"list", "Print the figure ids there are for these samples and technique, one per line."});
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
    const bool listOnly = p.isSet("list");
    if (p.positionalArguments().size() != 1 || !need("sample") || !need("technique") ||
        (!listOnly && (!need("format") || !need("width-mm") || !need("out"))))
        return kBadInput;
    const auto technique = techniqueFromKey(p.value("technique"));
    if (!technique) {
        err << "vanadis-cli export-figure: unknown technique '" << p.value("technique") << "'\n";
        return kBadInput;
    }
    bool ok1 = true, ok2 = true, ok3 = true;
    const double widthMm = listOnly ? 0.0 : p.value("width-mm").toDouble(&ok1);
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
                for (const Sample* s : pr.samples())
                    ids.push_back(s->id);
                continue;
            }
            const Sample* s = pr.sampleByName(name.trimmed());
            if (!s) {
                err << "vanadis-cli export-figure: no sample named '" << name.trimmed() << "' in "
                    << (*doc)->path() << "\n";
                return kBadInput;
            }
            ids.push_back(s->id);
        }
    }
    // Datasets of the selected samples, in series order, per analysis of this technique.
    auto datasetsFor = [&](const AnalysisDescriptor& a) {
        std::vector<Id> out;
        for (Id sid : ids)
            for (const Dataset* d : pr.datasetsOf(sid, *technique))
                if (a.accepts(*d)) out.push_back(d->id());
        return out;
    };
    std::vector<std::pair<QString, QString>> available{{QStringLiteral("raw"), QStringLiteral("raw data")}};
    for (const AnalysisDescriptor* a : analyses()) {
        if (!a->forTechnique(*technique) || datasetsFor(*a).empty()) continue;
        for (const FigureDecl& f : a->figures())
            available.emplace_back(f.id, f.name);
    }
    if (listOnly) {
        for (const auto& [id, name] : available)
            out << id << "\t" << name << "\n";
        return kOk;
    }
    const QString figureId = p.value("figure");
    FigureSpec spec;
    if (figureId.isEmpty() || figureId == QLatin1String("raw")) {
        spec = rawFigure(pr, *technique, ids, p.value("kind"));
    } else {
        const AnalysisDescriptor* owner = nullptr;
        for (const AnalysisDescriptor* a : analyses())
            if (a->forTechnique(*technique) && a->figure(figureId)) owner = a;
        if (!owner) {
            QStringList known;
            for (const auto& [id, name] : available)
                known << id;
            err << "vanadis-cli export-figure: no figure '" << figureId << "' for "
                << techniqueKey(*technique) << " (there are: " << known.join(", ") << ")\n";
            return kBadInput;
        }
        // Stored results are drawn as they are; a run that is stale or missing is computed for the
        // figure (nothing is saved), as the GUI would show it after a recompute.
        std::vector<Id> dsIds = datasetsFor(*owner);
        // An analysis the user starts (GITT, which also accepts cycling records) draws the datasets it
        // was run on when there are any, not every dataset it could read.
        if (!owner->automatic &&
            std::any_of(dsIds.begin(), dsIds.end(), [&](Id id) { return pr.runFor(id, owner->id); }))
            dsIds.erase(
                std::remove_if(dsIds.begin(), dsIds.end(), [&](Id id) { return !pr.runFor(id, owner->id); }),
                dsIds.end());
        std::map<Id, QJsonObject> fresh;
        for (Id id : dsIds) {
            const AnalysisRun* r = pr.runFor(id, owner->id);
            if (r && r->status == RunStatus::Ok) continue;
            AnalysisRun tmp = r ? *r : defaultRun(pr, *owner, id);
            tmp.analysisId = owner->id;
            tmp.params = effectiveParams(*owner, r ? r->params : QJsonObject());
            const RunOutcome o = computeRunNow(pr, tmp);
            if (o.status == RunStatus::Ok)
                fresh[id] = o.result;
            else
                err << "vanadis-cli export-figure: warning: " << o.message << "\n";
        }
        spec = analysisFigure(pr, *owner, figureId, dsIds, 0, fresh);
    }
    if (spec.series.empty()) {
        err << "vanadis-cli export-figure: the selected samples have no " << techniqueKey(*technique)
            << (p.isSet("kind") ? " data of kind '" + p.value("kind") + "'" : QString(" data"))
            << " to draw\n";
        return kBadInput;
    }
#ifdef VANADIS_HAVE_PLOT
    const PlotTheme theme = PlotTheme::builtIn();
    if (auto ok = PlotExporter::exportFigure(spec, theme, p.value("format").toLower(), widthMm, heightMm, dpi,
                                             p.value("out"));
        !ok) {
        err << "vanadis-cli export-figure: " << errorText(ok.error()) << "\n";
        return kBadInput;
    }
    err << "wrote " << p.value("out") << "\n";
    return kOk;
#else
    err << "vanadis-cli export-figure: this build has no plot layer (configured with "
           "VANADIS_BUILD_GUI=OFF)\n";
    return kFailure;
#endif
}

QString jsonText(const QJsonValue& v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString typeName(ParamSpec::Type t)
{
    switch (t) {
    case ParamSpec::Type::Number:
        return QStringLiteral("number");
    case ParamSpec::Type::Integer:
        return QStringLiteral("integer");
    case ParamSpec::Type::Boolean:
        return QStringLiteral("boolean");
    case ParamSpec::Type::Choice:
        return QStringLiteral("choice");
    case ParamSpec::Type::Text:
        return QStringLiteral("text");
    case ParamSpec::Type::Range:
        return QStringLiteral("range");
    case ParamSpec::Type::Table:
        return QStringLiteral("table");
    case ParamSpec::Type::DatasetRef:
        return QStringLiteral("dataset");
    }
    return {};
}

/// The declarations as Markdown tables: README "Analyses" is this output, checked by tst_cli.
QString describeMarkdown(const AnalysisDescriptor& a)
{
    QString md;
    QTextStream o(&md);
    auto bound = [](double v) { return std::isfinite(v) ? QString::number(v) : QString(); };
    o << "### `" << a.id << "` (version " << a.version << ") — " << a.name << "\n\n";
    o << "Reads datasets of type " << a.input.types.join(", ") << " (technique "
      << (a.anyTechnique ? QStringLiteral("any") : techniqueKey(a.technique)) << ").\n\n";
    o << "| parameter | meaning | unit | default | accepted |\n|---|---|---|---|---|\n";
    for (const ParamSpec& s : a.params()) {
        const bool numeric = s.type == ParamSpec::Type::Number || s.type == ParamSpec::Type::Integer ||
                             s.type == ParamSpec::Type::Range;
        QString accepted = s.type == ParamSpec::Type::Choice ? s.choices.join(" \\| ")
                           : numeric                         ? bound(s.min) + " … " + bound(s.max)
                                                             : typeName(s.type);
        if (s.defaultValue.isNull()) accepted += ", or null (none)";
        o << "| `" << s.key << "` | " << s.label << " | " << s.unit << " | " << jsonText(s.defaultValue)
          << " | " << accepted << " |\n";
    }
    o << "\n| output | meaning | unit | 1σ | headline |\n|---|---|---|---|---|\n";
    for (const OutputSpec& out : a.outputs())
        o << "| `" << out.path << "` | " << out.label << " | " << out.unit << " | "
          << (out.errorPath.isEmpty() ? QString() : "`" + out.errorPath + "`") << " | "
          << (out.headline ? "yes" : "") << " |\n";
    o << "\n| figure id | figure | draws | drag edits |\n|---|---|---|---|\n";
    for (const FigureDecl& f : a.figures()) {
        QStringList spans;
        for (const SpanBinding& b : f.spans)
            spans << "`" + b.minKey + "`, `" + b.maxKey + "`";
        for (const PointBinding& b : f.points)
            spans << "`" + b.listKey + "` (" +
                         (b.append == PointBinding::Append::DoubleClick  ? QString("double click adds")
                          : b.append == PointBinding::Append::ShiftClick ? QString("Shift+click adds")
                          : b.append == PointBinding::Append::CtrlClick  ? QString("Ctrl+click adds")
                                                                         : QString("not added on the plot")) +
                         (b.draggable ? ", markers drag" : "") + ")";
        o << "| `" << f.id << "` | " << f.name << " | "
          << (f.overlay ? "all selected datasets" : "the current dataset") << " | " << spans.join("; ")
          << " |\n";
    }
    o << "\n";
    o.flush();
    return md;
}

int cmdDescribe(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument("ANALYSIS", "Analysis id (default: all).", "[ANALYSIS]");
    p.addOption({"markdown", "Markdown tables (as in README \"Analyses\"); the default."});
    p.addOption({"json", "One JSON document."});
    int early = 0;
    if (!parse(p, args, "Prints what each analysis declares: parameters, outputs, figures.", out, err, early))
        return early;
    std::vector<const AnalysisDescriptor*> list;
    for (const QString& id : p.positionalArguments()) {
        const AnalysisDescriptor* a = analysisById(id);
        if (!a) {
            err << "vanadis-cli describe: unknown analysis '" << id << "'\n";
            return kBadInput;
        }
        list.push_back(a);
    }
    if (list.empty()) list = analyses();
    if (!p.isSet("json")) {
        for (const AnalysisDescriptor* a : list)
            out << describeMarkdown(*a);
        return kOk;
    }
    QJsonArray all;
    for (const AnalysisDescriptor* a : list) {
        QJsonArray params, outputs, figures;
        for (const ParamSpec& s : a->params())
            params.append(QJsonObject{{"key", s.key},
                                      {"label", s.label},
                                      {"type", typeName(s.type)},
                                      {"unit", s.unit},
                                      {"default", s.defaultValue},
                                      {"choices", QJsonArray::fromStringList(s.choices)},
                                      {"min", std::isfinite(s.min) ? QJsonValue(s.min) : QJsonValue()},
                                      {"max", std::isfinite(s.max) ? QJsonValue(s.max) : QJsonValue()},
                                      {"advanced", s.advanced}});
        for (const OutputSpec& o : a->outputs())
            outputs.append(QJsonObject{{"path", o.path},
                                       {"label", o.label},
                                       {"unit", o.unit},
                                       {"error_path", o.errorPath},
                                       {"headline", o.headline}});
        for (const FigureDecl& f : a->figures())
            figures.append(QJsonObject{{"id", f.id}, {"name", f.name}, {"overlay", f.overlay}});
        all.append(QJsonObject{{"id", a->id},
                               {"version", a->version},
                               {"technique", techniqueKey(a->technique)},
                               {"input_types", QJsonArray::fromStringList(a->input.types)},
                               {"parameters", params},
                               {"outputs", outputs},
                               {"figures", figures}});
    }
    printJson(out, QJsonObject{{"analyses", all}});
    return kOk;
}

/// `vanadis-cli <analysis> FILE [options] [--param key=value ...] [--json]`: imports the file (format
/// by content), runs the analysis on the first dataset it applies to (or the one an option that selects
/// by label names, e.g. XPS `--region "V 2p"`) and prints the result. An analysis over several inputs
/// (CV at several scan rates) takes several files and every dataset of them it accepts, in order.
int cmdAnalysis(const AnalysisDescriptor& method, const QStringList& args, QTextStream& out, QTextStream& err)
{
    const std::vector<CliOption>& maps = method.cliOptions;
    const QString cmd = method.id;
    QCommandLineParser p;
    const bool several = method.input.multiple;
    p.addPositionalArgument(several ? "FILE..." : "FILE",
                            several ? "Instrument files or delimited text, analysed together."
                                    : "Instrument file or delimited text.");
    for (const CliOption& m : maps)
        p.addOption({m.option, m.description, m.valueName});
    p.addOption({"param",
                 "Any parameter of the analysis as key=value (repeatable; a table or range as JSON); see "
                 "--list-params.",
                 "KEY=VALUE"});
    p.addOption({"list-params", "List the parameters with defaults and ranges."});
    p.addOption({"format", "Force a reader by id.", "ID"});
    const QStringList roles = columnRoles(method.technique);
    p.addOption(
        {"columns",
         "Read the file as delimited text with these columns: ROLE=COLUMN[:UNIT],... where COLUMN is a "
         "header name or a 1-based index" +
             (roles.isEmpty() ? QString(" and ROLE the column name the analysis reads")
                              : QString(" and ROLE one of ") + roles.join(", ")) +
             " (e.g. " +
             (method.technique == Technique::Bet   ? QString("p_rel=1,amount=3:mmol/g,branch=4")
              : method.technique == Technique::Tga ? QString("temperature=2:C,mass_pct=3")
                                                   : QString("2Theta=1:deg,Intensity=2")) +
             ").",
         "MAPPING"});
    p.addOption({"json", "Print one JSON document."});
    int early = 0;
    if (!parse(p, args,
               "Runs the " + method.id + " analysis on " + (several ? "several files." : "one file."), out,
               err, early))
        return early;
    if (p.isSet("list-params")) {
        for (const ParamSpec& s : method.params())
            out << s.key << "  default "
                << QJsonDocument(QJsonArray{s.defaultValue}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
                << (s.unit.isEmpty() ? QString() : " " + s.unit) << "  " << s.label
                << (s.choices.isEmpty() ? QString() : " (" + s.choices.join("|") + ")") << "\n";
        return kOk;
    }
    const QStringList files = p.positionalArguments();
    if (files.isEmpty() || (!several && files.size() != 1)) {
        err << "vanadis-cli " << cmd << ": give " << (several ? "one or more files" : "exactly one file")
            << "\n";
        return kBadInput;
    }
    QJsonObject given;
    QString wantedLabel; // an option that selects the dataset by its label
    Project scratch;
    ComputeInputs inputs;
    QStringList importWarnings;
    for (const CliOption& m : maps) {
        if (!p.isSet(m.option)) continue;
        if (m.selectsDatasetLabel) {
            wantedLabel = p.value(m.option).trimmed();
            continue;
        }
        if (m.writesFile) continue; // written from the result below
        // An option with both a file reference and parameters (XRD --phase Si | PATH.cif) reads a file
        // when the value names one.
        if (!m.datasetRefParam.isEmpty() && (!m.toParams || QFileInfo(p.value(m.option)).isFile())) {
            // A referenced dataset from its own file (a blank run): imported like the main file.
            QStringList accepted;
            for (const ParamSpec& s : method.params())
                if (s.key == m.datasetRefParam) accepted = s.datasetTypes;
            ImportOptions refOpt;
            refOpt.technique = m.referenceTechnique.value_or(method.technique);
            auto parsed = parseFile(p.value(m.option), refOpt);
            if (!parsed) {
                err << "vanadis-cli " << cmd << ": --" << m.option << ": " << errorText(parsed.error())
                    << "\n";
                return kBadInput;
            }
            importWarnings << parsed->warnings;
            const Dataset* chosen = nullptr;
            const std::vector<Dataset> refs = makeDatasets(scratch, std::move(*parsed));
            for (const Dataset& d : refs)
                if (!chosen && (accepted.isEmpty() || accepted.contains(d.type()) || d.type() == "data"))
                    chosen = &d;
            if (!chosen) {
                err << "vanadis-cli " << cmd << ": --" << m.option << ": " << p.value(m.option) << ": no "
                    << accepted.join("/") << " data in this file\n";
                return kBadInput;
            }
            inputs.references.emplace(chosen->id(), *chosen);
            given.insert(m.datasetRefParam, double(chosen->id()));
            continue;
        }
        auto v = m.toParams(m.repeatable ? p.values(m.option).join(',') : p.value(m.option));
        if (!v) {
            err << "vanadis-cli " << cmd << ": " << errorText(v.error()) << "\n";
            return kBadInput;
        }
        for (auto it = v->begin(); it != v->end(); ++it)
            given.insert(it.key(), it.value());
    }
    for (const QString& kv : p.values("param")) {
        const QString key = kv.section('=', 0, 0).trimmed();
        const QString value = kv.section('=', 1).trimmed();
        bool isNumber = false;
        const double d = value.toDouble(&isNumber);
        // A table or range as JSON: --param 'added_peaks_deg=[{"two_theta_deg": 31.2}]'.
        const QJsonDocument json = value.startsWith('[') || value.startsWith('{')
                                       ? QJsonDocument::fromJson(value.toUtf8())
                                       : QJsonDocument();
        if (json.isArray())
            given.insert(key, json.array());
        else if (json.isObject())
            given.insert(key, json.object());
        else if (isNumber)
            given.insert(key, d);
        else if (value == "true" || value == "false")
            given.insert(key, value == "true");
        else
            given.insert(key, value);
    }
    auto params = applySchema(method.params(), given);
    if (!params) {
        err << "vanadis-cli " << cmd << ": " << errorText(params.error()) << "\n";
        return kBadInput;
    }
    ImportOptions opt;
    opt.technique = method.technique;
    opt.format = p.value("format");
    QStringList labelsSeen;
    for (const QString& file : files) {
        // --columns maps the file's columns as the GUI's mapping dialog does (DelimitedOptions.mapping).
        opt.delimited.mapping.clear();
        if (p.isSet("columns")) {
            auto mapping = columnMappingForFile(file, p.value("columns"), method.technique);
            if (!mapping) {
                err << "vanadis-cli " << cmd << ": " << errorText(mapping.error()) << "\n";
                return kBadInput;
            }
            opt.delimited.mapping = std::move(*mapping);
            if (opt.format.isEmpty()) opt.format = QStringLiteral("generic-delimited");
        }
        auto parsed = parseFile(file, opt);
        if (!parsed) {
            err << "vanadis-cli " << cmd << ": " << errorText(parsed.error()) << "\n";
            return kBadInput;
        }
        // A delimited table whose headers alone suggested another kind of this technique (Time,
        // Voltage, Current reads as a CV) is read as the analysis' own kind: the user named the analysis.
        if (parsed->provenance.importerId == QLatin1String("generic-delimited") && opt.kind.isEmpty() &&
            !parsed->datasets.empty() && wantedLabel.isEmpty() &&
            !method.input.types.contains(QStringLiteral("*")) &&
            std::none_of(parsed->datasets.begin(), parsed->datasets.end(), [&](const ImportedDataset& d) {
                return d.technique != method.technique ||
                       method.input.types.contains(normalizeDatasetType(d.technique, d.kind).type);
            })) {
            ImportOptions as = opt;
            as.kind = method.input.types.first();
            if (auto again = parseFile(file, as)) {
                again->warnings.prepend(
                    QStringLiteral("%1: read as %2 data (its column names alone suggested %3)")
                        .arg(QFileInfo(file).fileName(), datasetTypeDisplayName(as.kind),
                             datasetTypeDisplayName(normalizeDatasetType(parsed->datasets.front().technique,
                                                                         parsed->datasets.front().kind)
                                                        .type)));
                parsed = std::move(again);
            }
        }
        importWarnings << parsed->warnings;
        const std::vector<Dataset> datasets = makeDatasets(scratch, std::move(*parsed));
        std::size_t taken = 0;
        labelsSeen.clear();       // what this file holds, for the message below
        QStringList alsoAccepted; // datasets a one-input analysis could have read but did not
        for (const Dataset& d : datasets) {
            const bool accepted = d.technique() == method.technique &&
                                  (method.input.types.contains(d.type()) || d.type() == "data");
            // What the file holds, for the message below: the type too when the analysis does not read it.
            labelsSeen << (accepted ? d.displayLabel()
                                    : d.displayLabel() + " (" + datasetTypeDisplayName(d.type()) + ")");
            if (!accepted) continue;
            if (!wantedLabel.isEmpty() && d.label().compare(wantedLabel, Qt::CaseInsensitive) != 0) continue;
            if (method.selectsMain && !method.selectsMain(d, *params)) continue;
            if (!several && taken > 0) {
                alsoAccepted << d.displayLabel();
                continue;
            }
            inputs.main.push_back(d);
            ++taken;
        }
        // A file of several channels, scans or regions: the first was analysed; say which and how to
        // choose another, instead of leaving the others unmentioned.
        if (!alsoAccepted.isEmpty()) {
            const auto chooser = std::find_if(maps.begin(), maps.end(),
                                              [](const CliOption& m) { return m.selectsDatasetLabel; });
            importWarnings << QStringLiteral("%1: analysed '%2'; the file also holds %3%4")
                                  .arg(QFileInfo(file).fileName(), inputs.main.back().displayLabel(),
                                       "'" + alsoAccepted.join("', '") + "'",
                                       chooser != maps.end()
                                           ? QStringLiteral(" (choose one with --%1)").arg(chooser->option)
                                           : QString());
        }
        // The file's other datasets are references (an XPS fit finds the C 1s and O 1s regions there).
        for (const Dataset& other : datasets)
            if (std::none_of(inputs.main.begin(), inputs.main.end(),
                             [&](const Dataset& m) { return m.id() == other.id(); }))
                inputs.references.emplace(other.id(), other);
        if (taken == 0) {
            if (!wantedLabel.isEmpty())
                err << "vanadis-cli " << cmd << ": " << file << ": no dataset labelled '" << wantedLabel
                    << "' (there are: " << labelsSeen.join(", ") << ")\n";
            else
                err << "vanadis-cli " << cmd << ": " << file << ": no " << techniqueKey(method.technique)
                    << " data of type " << method.input.types.join("/")
                    << (method.selectsMain ? " matching the parameters" : "") << " in this file (there are: "
                    << (labelsSeen.isEmpty() ? QStringLiteral("none") : labelsSeen.join(", ")) << ")\n";
            return kBadInput;
        }
    }
    ComputeControl control;
    auto result = computeAnalysis(method, inputs, *params, control);
    if (!result) {
        Error e = result.error();
        if (e.file.empty()) e.file = files.first().toStdString();
        err << "vanadis-cli " << cmd << ": " << errorText(e) << "\n";
        return kBadInput;
    }
    QJsonObject o = *result;
    // Files the options write from the result (XRD --write-instrument): all or nothing, before printing.
    for (const CliOption& m : maps) {
        if (!m.writesFile || !p.isSet(m.option)) continue;
        auto bytes = m.writesFile(o, files.first());
        if (!bytes) {
            Error e = bytes.error();
            if (e.file.empty()) e.file = files.first().toStdString();
            err << "vanadis-cli " << cmd << ": --" << m.option << ": " << errorText(e) << "\n";
            return kBadInput;
        }
        QSaveFile f(p.value(m.option));
        if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.commit()) {
            err << "vanadis-cli " << cmd << ": --" << m.option << ": " << p.value(m.option)
                << ": cannot write (" << f.errorString() << ")\n";
            return kFailure;
        }
        o.insert(QString(m.option).replace('-', '_') + "_file", p.value(m.option));
    }
    // An analysis over several files may describe them itself (CV: files[{file, scan_rate_mv_s,
    // n_cycles}]); otherwise the list of names.
    if (several && !o.contains(QStringLiteral("files")))
        o.insert("files", QJsonArray::fromStringList(files));
    else
        o.insert("file", files.first());
    o.insert("analysis", QJsonObject{{"id", method.id}, {"version", method.version}, {"params", *params}});
    QJsonArray warnings = o.value("warnings").toArray();
    for (auto it = importWarnings.crbegin(); it != importWarnings.crend(); ++it)
        warnings.prepend(*it); // about the files, before the analysis'
    o.insert("warnings", warnings);
    // The result is a JSON document with or without --json (the flag is accepted for symmetry
    // with the other commands): a table of nested BJH/t-plot values reads worse as text.
    printJson(out, o);
    return kOk;
}

} // namespace

bool needsGuiApplication(const QStringList& args)
{
    return !args.isEmpty() && args.first() == "export-figure" && !args.contains(QStringLiteral("--list"));
}

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
        if (cmd == "describe") return cmdDescribe(rest, out, err);
        if (cmd == "fit") return cmdFit(rest, out, err);
        if (const AnalysisDescriptor* a = analysisById(cmd)) return cmdAnalysis(*a, rest, out, err);
    } catch (const std::exception& e) {
        err << "vanadis-cli " << cmd << ": internal error: " << e.what() << "\n";
        return kFailure;
    }
    err << "vanadis-cli: unknown command '" << cmd << "'\n" << kUsage;
    return kBadInput;
}

} // namespace vanadis::cli
