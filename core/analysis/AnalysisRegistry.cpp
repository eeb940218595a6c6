#include "analysis/AnalysisRegistry.h"

#include "model/Project.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace vanadis {

/// Defined in AnalysisTable.cpp: the one list of analyses.
const std::vector<const AnalysisDescriptor*>& registeredAnalyses();

namespace {
std::atomic<long long> g_computeCalls{0};
}

std::optional<FigureDecl> AnalysisDescriptor::figure(const QString& figureId) const
{
    if (!figures) return std::nullopt;
    for (const FigureDecl& f : figures())
        if (f.id == figureId) return f;
    return std::nullopt;
}

namespace {
std::vector<const AnalysisDescriptor*>& allAnalyses()
{
    static std::vector<const AnalysisDescriptor*> all = registeredAnalyses();
    return all;
}
} // namespace

const std::vector<const AnalysisDescriptor*>& analyses()
{
    return allAnalyses();
}

void registerExtraAnalysis(const AnalysisDescriptor* a)
{
    if (a && !analysisById(a->id)) allAnalyses().push_back(a);
}

const AnalysisDescriptor* analysisById(const QString& id)
{
    for (const AnalysisDescriptor* a : analyses())
        if (a->id == id) return a;
    return nullptr;
}

std::vector<const AnalysisDescriptor*> analysesFor(const Dataset& d)
{
    std::vector<const AnalysisDescriptor*> out;
    for (const AnalysisDescriptor* a : analyses())
        if (a->accepts(d)) out.push_back(a);
    return out;
}

const AnalysisDescriptor* analysisFor(Technique technique, const QString& type)
{
    for (const AnalysisDescriptor* a : analyses())
        if (a->forTechnique(technique) && a->input.types.contains(type)) return a;
    return nullptr;
}

QJsonObject effectiveParams(const AnalysisDescriptor& a, const QJsonObject& stored)
{
    const ParamSchema schema = a.params();
    if (auto ok = applySchema(schema, stored)) return *ok;
    auto defaults = applySchema(schema, {});
    return defaults ? *defaults : QJsonObject();
}

Expected<QJsonObject> computeAnalysis(const AnalysisDescriptor& a, const ComputeInputs& inputs,
                                      const QJsonObject& params, ComputeControl& control)
{
    ++g_computeCalls;
    auto checked = applySchema(a.params(), params);
    if (!checked) return std::unexpected(checked.error());
    if (inputs.main.empty()) return fail("", "analysis '" + a.id.toStdString() + "'", "no input dataset");
    if (control.cancelled()) return fail("", "", "cancelled");
    auto out = a.compute(inputs, *checked, control);
    if (out && !inputs.sampleReferences.isEmpty()) out->insert("sample_references", inputs.sampleReferences);
    return out;
}

Expected<QJsonObject> computeAnalysis(const AnalysisDescriptor& a, const Dataset& dataset,
                                      const QJsonObject& params)
{
    ComputeInputs in;
    in.main.push_back(dataset);
    ComputeControl control;
    return computeAnalysis(a, in, params, control);
}

long long computeCallCount()
{
    return g_computeCalls.load();
}

QJsonValue resultValue(const QJsonObject& result, const QString& path)
{
    QJsonValue v = result;
    for (const QString& part : path.split('.')) {
        if (!v.isObject()) return QJsonValue();
        v = v.toObject().value(part);
    }
    return v;
}

Expected<ComputeInputs> runInputs(const Project& project, const AnalysisRun& run)
{
    ComputeInputs in;
    for (const RunInput& ri : run.inputs) {
        const Dataset* d = project.dataset(ri.datasetId);
        if (!d)
            return fail("", "analysis run " + std::to_string(run.id),
                        "input dataset " + std::to_string(ri.datasetId) + " is missing");
        if (ri.role == QLatin1String("main"))
            in.main.push_back(*d);
        else
            in.references.emplace(d->id(), *d);
    }
    if (const AnalysisDescriptor* a = analysisById(run.analysisId); a && a->usesSample())
        in.sample = sampleContext(project, run.datasetId(), *a);
    // Datasets referenced by parameters (a blank, a reference phase) are inputs too.
    if (const AnalysisDescriptor* a = analysisById(run.analysisId)) {
        // Not chosen: the candidates of the main dataset's own sample, for the analysis to pick.
        in.sampleReferences = sampleDefaultReferences(project, run.datasetId(), *a, run.params);
        for (auto it = in.sampleReferences.begin(); it != in.sampleReferences.end(); ++it)
            for (const QJsonValue& v : it.value().toArray())
                if (const Dataset* d = project.dataset(Id(v.toDouble()))) in.references.emplace(d->id(), *d);
        for (const ParamSpec& s : a->params()) {
            if (s.type != ParamSpec::Type::DatasetRef || !run.params.value(s.key).isDouble()) continue;
            const Id ref = Id(run.params.value(s.key).toDouble());
            const Dataset* d = project.dataset(ref);
            if (!d)
                return fail("", "parameter '" + s.key.toStdString() + "'",
                            "dataset " + std::to_string(ref) + " is missing");
            in.references.emplace(ref, *d);
        }
    }
    return in;
}

bool usesSampleDefaults(const AnalysisDescriptor& a)
{
    for (const ParamSpec& s : a.params())
        if (s.type == ParamSpec::Type::DatasetRef && s.sampleDefault) return true;
    return false;
}

QJsonObject sampleDefaultReferences(const Project& project, Id datasetId, const AnalysisDescriptor& a,
                                    const QJsonObject& params)
{
    QJsonObject out;
    const Sample* owner = project.sampleOfDataset(datasetId);
    if (!owner) return out;
    for (const ParamSpec& s : a.params()) {
        if (s.type != ParamSpec::Type::DatasetRef || !s.sampleDefault || params.value(s.key).isDouble())
            continue;
        std::vector<Id> ids;
        for (const Dataset* d : project.datasetsOf(owner->id))
            if (s.datasetTypes.contains(d->type())) ids.push_back(d->id());
        std::sort(ids.begin(), ids.end());
        QJsonArray list;
        for (Id id : ids)
            list.append(double(id));
        out.insert(s.key, list);
    }
    return out;
}

bool sampleReferencesChanged(const QJsonObject& stored, const QJsonObject& now)
{
    auto differs = [](const QJsonObject& a, const QJsonObject& b) {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!it.value().toArray().isEmpty() && it.value().toArray() != b.value(it.key()).toArray())
                return true;
        return false;
    };
    return differs(stored, now) || differs(now, stored);
}

namespace {

/// The value \a in names, from the sample's newest dataset (latest import, then highest id) with an Ok run
/// of its analysis that reports it; with "<key>_run" (its run id), "<key>_run_dataset" (that dataset's
/// label) and "<key>_run_candidates" (how many runs reported a value), so that a reader can say which of
/// several results it used instead of taking one silently.
void addSampleInput(QJsonObject& c, const Project& project, const Sample& s, const SampleInput& in)
{
    c.insert(in.key, QJsonValue());
    c.insert(in.key + QStringLiteral("_run"), QJsonValue());
    c.insert(in.key + QStringLiteral("_run_dataset"), QJsonValue());
    c.insert(in.key + QStringLiteral("_run_candidates"), 0);
    const AnalysisDescriptor* source = analysisById(in.analysisId);
    if (!source) return;
    const Dataset* best = nullptr;
    const AnalysisRun* bestRun = nullptr;
    QJsonValue bestValue;
    int candidates = 0;
    for (const Dataset* d : project.datasetsOf(s.id, source->technique)) {
        const AnalysisRun* r = project.runFor(d->id(), in.analysisId);
        if (!r || r->status != RunStatus::Ok) continue;
        const QJsonValue v = resultValue(r->result, in.outputPath);
        if (v.isNull() || v.isUndefined() || (v.isDouble() && !std::isfinite(v.toDouble()))) continue;
        ++candidates;
        const QDateTime t = d->provenance().importedAtUtc,
                        bt = best ? best->provenance().importedAtUtc : QDateTime();
        const bool newer = !best || (t.isValid() && (!bt.isValid() || t > bt)) ||
                           ((t == bt || !t.isValid()) && d->id() > best->id());
        if (newer) {
            best = d;
            bestRun = r;
            bestValue = v;
        }
    }
    c.insert(in.key + QStringLiteral("_run_candidates"), candidates);
    if (!best) return;
    c.insert(in.key, bestValue);
    c.insert(in.key + QStringLiteral("_run"), double(bestRun->id));
    c.insert(in.key + QStringLiteral("_run_dataset"), best->displayLabel());
}

} // namespace

QJsonObject sampleContext(const Project& project, Id datasetId, const AnalysisDescriptor& a)
{
    const Sample* s = project.sampleOfDataset(datasetId);
    if (!s || !a.usesSample()) return {};
    QJsonObject c;
    for (const QString& key : a.sampleProperties)
        c.insert(key, samplePropertyValue(*s, key));
    for (const SampleInput& in : a.sampleInputs)
        addSampleInput(c, project, *s, in);
    return c;
}

QJsonObject sampleContextOf(const Project& project, const Sample& sample)
{
    QJsonObject c;
    for (const QString& key : samplePropertyKeys())
        c.insert(key, samplePropertyValue(sample, key));
    for (const AnalysisDescriptor* a : analyses())
        for (const SampleInput& in : a->sampleInputs)
            if (!c.contains(in.key)) addSampleInput(c, project, sample, in);
    return c;
}

bool reportsToSamples(const QString& analysisId)
{
    for (const AnalysisDescriptor* a : analyses())
        for (const SampleInput& in : a->sampleInputs)
            if (in.analysisId == analysisId) return true;
    return false;
}

bool sampleContextChanged(const QJsonObject& consulted, const QJsonObject& now)
{
    for (auto it = consulted.begin(); it != consulted.end(); ++it) {
        // The value matters, not which run gave it ("_run", "_run_dataset", "_run_candidates").
        if (it.key().endsWith(QLatin1String("_run")) || it.key().contains(QLatin1String("_run_"))) continue;
        const QJsonValue a = it.value(), b = now.value(it.key());
        const bool aNull = a.isNull() || a.isUndefined(), bNull = b.isNull() || b.isUndefined();
        if (aNull != bNull) return true;
        if (!aNull && a != b) return true;
    }
    return false;
}

std::vector<Id> markSampleDependentRunsStale(Project& project, Id sampleId)
{
    std::vector<AnalysisRun> marked;
    for (const auto& [id, r] : project.allRuns()) {
        if (r.status == RunStatus::Stale) continue;
        const AnalysisDescriptor* a = analysisById(r.analysisId);
        if (!a) continue;
        const bool readsSample = a->usesSample(), takesDatasets = usesSampleDefaults(*a);
        if (!readsSample && !takesDatasets) continue;
        const Sample* s = project.sampleOfDataset(r.datasetId());
        if (!s || s->id != sampleId) continue;
        const bool contextChanged =
            readsSample && sampleContextChanged(r.result.value("sample_context").toObject(),
                                                sampleContext(project, r.datasetId(), *a));
        const bool datasetsChanged =
            takesDatasets &&
            sampleReferencesChanged(r.result.value("sample_references").toObject(),
                                    sampleDefaultReferences(project, r.datasetId(), *a, r.params));
        if (r.status == RunStatus::Ok && !contextChanged && !datasetsChanged) continue;
        // A failed run of an analysis that reads neither changed value is left as it is.
        if (r.status == RunStatus::Failed && !readsSample && !datasetsChanged) continue;
        AnalysisRun stale = r;
        stale.status = RunStatus::Stale;
        stale.message =
            datasetsChanged && !contextChanged
                ? QCoreApplication::translate("vanadis::Analysis",
                                              "The sample's datasets this analysis takes automatically (e.g. "
                                              "its cycling record) changed: recompute to use them.")
                : QCoreApplication::translate(
                      "vanadis::Analysis",
                      "What the analysis reads from its sample (active mass, mass basis, composition or a "
                      "result of another analysis, e.g. the TGA carbon content) changed: recompute to use "
                      "it.");
        marked.push_back(stale);
    }
    std::vector<Id> ids;
    for (const AnalysisRun& r : marked) {
        project.upsertRun(r);
        ids.push_back(r.id);
    }
    return ids;
}

std::vector<FigureInput> figureInputs(const Project& project, const AnalysisDescriptor& a,
                                      const std::vector<Id>& datasetIds,
                                      const std::map<Id, QJsonObject>& overrides)
{
    std::vector<FigureInput> out;
    std::map<Id, int> perSample;
    for (Id id : datasetIds)
        if (const Sample* s = project.sampleOfDataset(id)) ++perSample[s->id];
    for (Id id : datasetIds) {
        const Dataset* d = project.dataset(id);
        const Sample* s = project.sampleOfDataset(id);
        if (!d || !s) continue;
        FigureInput in;
        in.sample = s;
        in.dataset = d;
        const AnalysisRun* r = project.runFor(id, a.id);
        in.params = effectiveParams(a, r ? r->params : QJsonObject());
        if (r && r->status != RunStatus::Failed) in.result = r->result;
        if (auto it = overrides.find(id); it != overrides.end()) in.result = it->second;
        in.legend = perSample[s->id] > 1 ? s->name + QStringLiteral(" · ") + d->displayLabel() : s->name;
        out.push_back(in);
    }
    return out;
}

FigureSpec analysisFigure(const Project& project, const AnalysisDescriptor& a, const QString& figureId,
                          const std::vector<Id>& datasetIds, Id currentDataset,
                          const std::map<Id, QJsonObject>& overrides)
{
    const auto decl = a.figure(figureId);
    if (!decl || datasetIds.empty()) return {};
    std::vector<Id> ids = datasetIds;
    if (!decl->overlay) ids = {currentDataset ? currentDataset : datasetIds.front()};
    FigureSpec f = a.buildFigure(figureId, figureInputs(project, a, ids, overrides));
    f.title = f.title.isEmpty() ? decl->name : f.title;
    f.id = figureId;
    return f;
}

void reconcileStoredRuns(std::map<Id, AnalysisRun>& runs)
{
    for (auto& [id, r] : runs) {
        const AnalysisDescriptor* a = analysisById(r.analysisId);
        if (!a) {
            r.status = RunStatus::Stale;
            r.message = QCoreApplication::translate(
                            "vanadis::Analysis",
                            "This run comes from an analysis this version of Vanadis does not have (%1).")
                            .arg(r.analysisId);
        } else if (r.analysisVersion != a->version) {
            r.status = RunStatus::Stale;
            r.message =
                r.analysisVersion > a->version
                    ? QCoreApplication::translate("vanadis::Analysis",
                                                  "Computed by a newer version of this analysis (%1, this is "
                                                  "%2): recompute to use it here.")
                          .arg(r.analysisVersion)
                          .arg(a->version)
                    : QCoreApplication::translate(
                          "vanadis::Analysis",
                          "Computed by an older version of this analysis (%1, now %2): recompute to update.")
                          .arg(r.analysisVersion)
                          .arg(a->version);
        }
    }
}

namespace {
QString displayParamValue(const ParamSpec& s, const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined()) return QCoreApplication::translate("vanadis::Analysis", "none");
    if (v.isBool())
        return v.toBool() ? QCoreApplication::translate("vanadis::Analysis", "on")
                          : QCoreApplication::translate("vanadis::Analysis", "off");
    if (v.isDouble()) {
        if (s.autoBelow && v.toDouble() < *s.autoBelow)
            return QCoreApplication::translate("vanadis::Analysis", "automatic");
        return QLocale().toString(v.toDouble(), 'g', 6);
    }
    if (v.isString()) {
        const qsizetype i = s.choices.indexOf(v.toString());
        return i >= 0 && i < s.choiceLabels.size() ? s.choiceLabels[i] : v.toString();
    }
    if (v.isArray()) {
        QStringList parts;
        for (const auto& x : v.toArray())
            parts << (x.isDouble() ? QLocale().toString(x.toDouble(), 'g', 6) : QStringLiteral("…"));
        return parts.join(QStringLiteral("–"));
    }
    return QStringLiteral("…");
}
} // namespace

QString describeParamChange(const AnalysisDescriptor& a, const QJsonObject& before, const QJsonObject& after)
{
    const ParamSchema schema = a.params();
    QStringList changed;
    // Pairs of keys edited together (a dragged span) read as one range: "BET window 0.05–0.30 → 0.05–0.20".
    if (a.figures)
        for (const FigureDecl& f : a.figures())
            for (const SpanBinding& b : f.spans) {
                if (before.value(b.minKey) == after.value(b.minKey) &&
                    before.value(b.maxKey) == after.value(b.maxKey))
                    continue;
                const auto lo = std::find_if(schema.begin(), schema.end(),
                                             [&](const ParamSpec& s) { return s.key == b.minKey; });
                const auto hi = std::find_if(schema.begin(), schema.end(),
                                             [&](const ParamSpec& s) { return s.key == b.maxKey; });
                if (lo == schema.end() || hi == schema.end()) continue;
                const QString name = lo->rangeLabel.isEmpty() ? lo->label : lo->rangeLabel;
                const QString from = displayParamValue(*lo, before.value(b.minKey)) + "–" +
                                     displayParamValue(*hi, before.value(b.maxKey));
                const QString to = displayParamValue(*lo, after.value(b.minKey)) + "–" +
                                   displayParamValue(*hi, after.value(b.maxKey));
                const QString text = name + " " + from + " → " + to;
                if (!changed.contains(text)) changed << text;
            }
    if (!changed.isEmpty()) return changed.join(QStringLiteral("; "));
    for (const ParamSpec& s : schema) {
        if (before.value(s.key) == after.value(s.key)) continue;
        changed << s.label + ": " + displayParamValue(s, before.value(s.key)) + " → " +
                       displayParamValue(s, after.value(s.key));
    }
    if (changed.isEmpty())
        return QCoreApplication::translate("vanadis::Analysis", "Recompute %1").arg(a.name);
    if (changed.size() > 2)
        return QCoreApplication::translate("vanadis::Analysis", "%1 parameters: %n changed", nullptr,
                                           int(changed.size()))
            .arg(a.name);
    return changed.join(QStringLiteral("; "));
}

QString formatWithUncertainty(double value, double error)
{
    if (!std::isfinite(value)) return QStringLiteral("—");
    if (!std::isfinite(error) || error <= 0.0) return formatValue(value);
    // Two significant digits of the uncertainty (one when its first digit is 3–9, PDG convention).
    const int e = int(std::floor(std::log10(error)));
    const double lead = error / std::pow(10.0, e);
    const int sig = lead < 3.0 ? 2 : 1;
    const int decimals = std::max(0, sig - 1 - e);
    const double q = std::pow(10.0, sig - 1 - e);
    const double v = std::round(value * q) / q, u = std::round(error * q) / q;
    if (std::abs(value) >= 1e6 || (std::abs(value) < 1e-3 && value != 0.0))
        return QString::number(value, 'e',
                               std::max(1, int(std::floor(std::log10(std::abs(value)))) - e + sig - 1)) +
               QStringLiteral(" ± ") + QString::number(error, 'e', sig - 1);
    return QString::number(v, 'f', decimals) + QStringLiteral(" ± ") + QString::number(u, 'f', decimals);
}

QString formatValue(double value, int significant)
{
    if (!std::isfinite(value)) return QStringLiteral("—");
    if (value == 0.0) return QStringLiteral("0");
    // Counts stay counts: "13", not "13.00".
    if (value == std::round(value) && std::abs(value) < 1e6) return QString::number(qint64(value));
    const double a = std::abs(value);
    if (a >= 1e6 || a < 1e-3) return QString::number(value, 'e', significant - 1);
    const int e = int(std::floor(std::log10(a)));
    return QString::number(value, 'f', std::max(0, significant - 1 - e));
}

} // namespace vanadis
