#include "model/Project.h"

#include <QUndoStack>
#include <algorithm>

namespace vanadis {

namespace {
void markSample(ChangeSet& c, Id id)
{
    c.samples.insert(id);
}
void markDataset(ChangeSet& c, Id id)
{
    c.datasets.insert(id);
}
void markRun(ChangeSet& c, Id id)
{
    c.runs.insert(id);
}
void markSeries(ChangeSet& c, Id)
{
    c.series = true;
}
} // namespace

Project::Project(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    // No small undo limit (DESIGN.md): chemists undo long chains of fitting steps.
    m_undo->setUndoLimit(0);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
}

Project::~Project() = default;

std::vector<const Sample*> Project::samples() const
{
    std::vector<const Sample*> out;
    out.reserve(m_series.sampleIds.size());
    for (Id id : m_series.sampleIds)
        if (auto it = m_samples.find(id); it != m_samples.end()) out.push_back(&it->second);
    return out;
}

const Sample* Project::sample(Id id) const
{
    auto it = m_samples.find(id);
    return it == m_samples.end() ? nullptr : &it->second;
}

const Sample* Project::sampleByName(const QString& name) const
{
    for (const Sample* s : samples())
        if (s->name.compare(name, Qt::CaseInsensitive) == 0) return s;
    return nullptr;
}

const Dataset* Project::dataset(Id id) const
{
    auto it = m_datasets.find(id);
    return it == m_datasets.end() ? nullptr : &it->second;
}

const Sample* Project::sampleOfDataset(Id datasetId) const
{
    for (const auto& [id, s] : m_samples)
        if (std::find(s.datasetIds.begin(), s.datasetIds.end(), datasetId) != s.datasetIds.end()) return &s;
    return nullptr;
}

std::vector<const Dataset*> Project::datasetsOf(Id sampleId, std::optional<Technique> t) const
{
    std::vector<const Dataset*> out;
    const Sample* s = sample(sampleId);
    if (!s) return out;
    for (Id id : s->datasetIds) {
        const Dataset* d = dataset(id);
        if (d && (!t || d->technique() == *t)) out.push_back(d);
    }
    return out;
}

const AnalysisRun* Project::run(Id id) const
{
    auto it = m_runs.find(id);
    return it == m_runs.end() ? nullptr : &it->second;
}

std::vector<const AnalysisRun*> Project::runsOf(Id datasetId) const
{
    std::vector<const AnalysisRun*> out;
    for (const auto& [id, r] : m_runs)
        if (r.datasetId() == datasetId) out.push_back(&r);
    return out;
}

std::vector<const AnalysisRun*> Project::runsUsing(Id datasetId) const
{
    std::vector<const AnalysisRun*> out;
    for (const auto& [id, r] : m_runs)
        if (r.usesDataset(datasetId)) out.push_back(&r);
    return out;
}

const AnalysisRun* Project::runFor(Id datasetId, const QString& analysisId) const
{
    for (const auto& [id, r] : m_runs)
        if (r.analysisId == analysisId)
            for (const RunInput& in : r.inputs)
                if (in.role == QLatin1String("main") && in.datasetId == datasetId) return &r;
    return nullptr;
}

Id Project::allocateId()
{
    // Allocation is itself a change: the counter is saved so ids are never reused after reopening.
    m_unsaved.series = true;
    m_unautosaved.series = true;
    return m_nextId++;
}

void Project::setFilePath(const QString& path)
{
    if (path == m_filePath) return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

bool Project::isModified() const
{
    return !m_unsaved.empty() || !m_undo->isClean();
}

void Project::markSaved()
{
    m_unsaved.clear();
    m_undo->setClean();
    Q_EMIT modifiedChanged(false);
}

void Project::markAutosaved()
{
    m_unautosaved.clear();
}

void Project::touch(void (*mark)(ChangeSet&, Id), Id id)
{
    const bool wasModified = isModified();
    mark(m_unsaved, id);
    mark(m_unautosaved, id);
    if (!wasModified) Q_EMIT modifiedChanged(true);
}

void Project::setSeriesInfo(const QString& name, const QString& condition)
{
    m_series.name = name;
    m_series.variedCondition = condition;
    touch(markSeries, 0);
    Q_EMIT seriesChanged();
}

void Project::insertSample(const Sample& s, int index)
{
    m_samples[s.id] = s;
    auto& order = m_series.sampleIds;
    order.erase(std::remove(order.begin(), order.end(), s.id), order.end());
    if (index < 0 || index > int(order.size())) index = int(order.size());
    order.insert(order.begin() + index, s.id);
    m_nextId = std::max(m_nextId, s.id + 1);
    touch(markSample, s.id);
    touch(markSeries, 0);
    Q_EMIT sampleInserted(s.id);
}

void Project::removeSample(Id id)
{
    auto it = m_samples.find(id);
    if (it == m_samples.end()) return;
    for (Id d : it->second.datasetIds) {
        dropRunsOf(d);
        m_datasets.erase(d);
        touch(markDataset, d);
    }
    m_samples.erase(it);
    auto& order = m_series.sampleIds;
    order.erase(std::remove(order.begin(), order.end(), id), order.end());
    touch(markSample, id);
    touch(markSeries, 0);
    Q_EMIT sampleRemoved(id);
}

void Project::updateSample(const Sample& s)
{
    auto it = m_samples.find(s.id);
    if (it == m_samples.end()) return;
    it->second = s;
    touch(markSample, s.id);
    Q_EMIT sampleChanged(s.id);
}

void Project::setSampleOrder(const std::vector<Id>& order)
{
    m_series.sampleIds = order;
    touch(markSeries, 0);
    Q_EMIT seriesChanged();
}

void Project::insertDataset(Id sampleId, const Dataset& d, int index)
{
    auto it = m_samples.find(sampleId);
    if (it == m_samples.end()) return;
    m_datasets[d.id()] = d;
    auto& ids = it->second.datasetIds;
    ids.erase(std::remove(ids.begin(), ids.end(), d.id()), ids.end());
    if (index < 0 || index > int(ids.size())) index = int(ids.size());
    ids.insert(ids.begin() + index, d.id());
    m_nextId = std::max(m_nextId, d.id() + 1);
    touch(markDataset, d.id());
    touch(markSample, sampleId);
    Q_EMIT datasetInserted(sampleId, d.id());
}

void Project::removeDataset(Id datasetId)
{
    const Sample* owner = sampleOfDataset(datasetId);
    if (!owner) return;
    const Id sampleId = owner->id;
    auto& ids = m_samples[sampleId].datasetIds;
    ids.erase(std::remove(ids.begin(), ids.end(), datasetId), ids.end());
    dropRunsOf(datasetId);
    m_datasets.erase(datasetId);
    touch(markDataset, datasetId);
    touch(markSample, sampleId);
    Q_EMIT datasetRemoved(sampleId, datasetId);
}

void Project::upsertRun(const AnalysisRun& r)
{
    m_runs[r.id] = r;
    m_nextId = std::max(m_nextId, r.id + 1);
    touch(markRun, r.id);
    Q_EMIT runChanged(r.id);
}

void Project::dropRunsOf(Id datasetId)
{
    // Runs that belong to the dataset go with it; runs that only refer to it (a blank, a reference
    // phase) stay, but their result no longer matches their inputs.
    for (auto r = m_runs.begin(); r != m_runs.end();) {
        if (r->second.datasetId() == datasetId) {
            touch(markRun, r->first);
            r = m_runs.erase(r);
            continue;
        }
        if (r->second.usesDataset(datasetId) && r->second.status != RunStatus::Stale) {
            r->second.status = RunStatus::Stale;
            r->second.message = tr("An input dataset was removed.");
            touch(markRun, r->first);
            Q_EMIT runChanged(r->first);
        }
        ++r;
    }
}

void Project::setRunOutcome(Id runId, const QJsonObject& params, const QJsonObject& result, RunStatus status,
                            const QString& message)
{
    auto it = m_runs.find(runId);
    // A result computed for parameters that have changed since is thrown away.
    if (it == m_runs.end() || it->second.params != params) return;
    AnalysisRun& r = it->second;
    if (r.result == result && r.status == status && r.message == message) return;
    r.result = result;
    r.status = status;
    r.message = message;
    touch(markRun, runId);
    Q_EMIT runChanged(runId);
}

void Project::removeRun(Id runId)
{
    if (m_runs.erase(runId) == 0) return;
    touch(markRun, runId);
    Q_EMIT runChanged(runId);
}

void Project::resetFromLoad(SampleSeries series, std::map<Id, Sample> samples, std::map<Id, Dataset> datasets,
                            std::map<Id, AnalysisRun> runs, Id nextId)
{
    m_series = std::move(series);
    m_samples = std::move(samples);
    m_datasets = std::move(datasets);
    m_runs = std::move(runs);
    m_nextId = nextId;
    m_unsaved.clear();
    m_unautosaved.clear();
    m_undo->clear();
    Q_EMIT modelReset();
    Q_EMIT modifiedChanged(false);
}

} // namespace vanadis
