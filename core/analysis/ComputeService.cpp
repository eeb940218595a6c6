#include "analysis/ComputeService.h"

#include "analysis/AnalysisRegistry.h"
#include "model/Project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace vanadis {

namespace {

RunOutcome runOutcome(const AnalysisDescriptor& a, const ComputeInputs& inputs, const QJsonObject& params,
                      ComputeControl& control)
{
    RunOutcome out;
    try {
        auto r = computeAnalysis(a, inputs, params, control);
        if (r) {
            out.result = *r;
            out.status = RunStatus::Ok;
        } else {
            out.message = QString::fromStdString(r.error().message());
        }
    } catch (const std::exception& e) {
        // An analysis must not throw, but an exception must never reach the event loop.
        out.message = QCoreApplication::translate("vanadis::ComputeService", "internal error: %1")
                          .arg(QString::fromUtf8(e.what()));
    }
    return out;
}

} // namespace

RunOutcome computeRunNow(const Project& project, const AnalysisRun& run)
{
    RunOutcome out;
    const AnalysisDescriptor* a = analysisById(run.analysisId);
    if (!a) {
        out.message = QCoreApplication::translate("vanadis::ComputeService", "unknown analysis '%1'")
                          .arg(run.analysisId);
        return out;
    }
    auto inputs = runInputs(project, run);
    if (!inputs) {
        out.message = QString::fromStdString(inputs.error().message());
        return out;
    }
    ComputeControl control;
    return runOutcome(*a, *inputs, run.params, control);
}

AnalysisRun defaultRun(const Project& project, const AnalysisDescriptor& a, Id datasetId)
{
    AnalysisRun r;
    r.inputs = {RunInput{QStringLiteral("main"), datasetId}};
    if (a.input.multiple)
        if (const Sample* s = project.sampleOfDataset(datasetId)) {
            r.inputs.clear();
            for (const Dataset* d : project.datasetsOf(s->id))
                if (a.accepts(*d)) r.inputs.push_back(RunInput{QStringLiteral("main"), d->id()});
        }
    r.analysisId = a.id;
    r.analysisVersion = a.version;
    r.params = effectiveParams(a, {});
    r.status = RunStatus::Stale;
    return r;
}

std::vector<Id> ensureDefaultRuns(Project& project)
{
    std::vector<Id> touched;
    for (const Sample* s : project.samples())
        for (const Dataset* d : project.datasetsOf(s->id))
            for (const AnalysisDescriptor* a : analysesFor(*d)) {
                if (!a->automatic || project.runFor(d->id(), a->id)) continue;
                // A later dataset joins the sample's run over several inputs instead of starting its own.
                const AnalysisRun* joined = nullptr;
                if (a->input.multiple)
                    for (const Dataset* other : project.datasetsOf(s->id))
                        if (const AnalysisRun* r = project.runFor(other->id(), a->id)) {
                            joined = r;
                            break;
                        }
                AnalysisRun r = joined ? *joined : defaultRun(project, *a, d->id());
                if (joined) {
                    r.inputs.push_back(RunInput{QStringLiteral("main"), d->id()});
                    r.status = RunStatus::Stale;
                } else {
                    r.id = project.allocateId();
                }
                project.upsertRun(r);
                if (std::find(touched.begin(), touched.end(), r.id) == touched.end()) touched.push_back(r.id);
            }
    return touched;
}

void computeStaleRunsNow(Project& project)
{
    std::vector<AnalysisRun> todo;
    for (const auto& [id, r] : project.allRuns())
        if (r.status == RunStatus::Stale) todo.push_back(r);
    // Runs that read other analyses' results on their sample come after the runs they read.
    std::stable_partition(todo.begin(), todo.end(), [](const AnalysisRun& r) {
        const AnalysisDescriptor* a = analysisById(r.analysisId);
        return !(a && !a->sampleInputs.empty());
    });
    for (AnalysisRun& r : todo) {
        if (const AnalysisDescriptor* a = analysisById(r.analysisId); a && r.analysisVersion != a->version) {
            r.analysisVersion = a->version;
            project.upsertRun(r);
        }
        const RunOutcome o = computeRunNow(project, r);
        project.setRunOutcome(r.id, r.params, o.result, o.status, o.message);
    }
}

ComputeService::ComputeService(QObject* parent) : QObject(parent)
{
    // Two workers: one core stays for the GUI on the 2-core machines the lab uses.
    m_pool.setMaxThreadCount(std::max(1, std::min(2, QThread::idealThreadCount())));
}

ComputeService::~ComputeService()
{
    cancelAll();
    m_pool.waitForDone();
}

void ComputeService::setProject(Project* project)
{
    cancelAll();
    // By handle: the previous project may already be destroyed (a document replaced by another).
    for (const auto& c : m_projectConnections)
        disconnect(c);
    m_projectConnections.clear();
    m_project = project;
    m_cache.clear();
    if (!m_project) return;
    // A run that reads its sample's properties or another analysis' result there is stale once they change.
    m_projectConnections << connect(m_project, &Project::sampleChanged, this, [this](Id sampleId) {
        markSampleDependentRunsStale(*m_project, sampleId);
    });
    // A run that takes the sample's own datasets of a type (an unset sample-default parameter) is stale once
    // the sample gains or loses one.
    m_projectConnections << connect(m_project, &Project::datasetInserted, this, [this](Id sampleId, Id) {
        markSampleDependentRunsStale(*m_project, sampleId);
    });
    m_projectConnections << connect(m_project, &Project::datasetRemoved, this, [this](Id sampleId, Id) {
        markSampleDependentRunsStale(*m_project, sampleId);
    });
    m_projectConnections << connect(m_project, &Project::runChanged, this, [this](Id runId) {
        const AnalysisRun* r = m_project->run(runId);
        const AnalysisDescriptor* a = r ? analysisById(r->analysisId) : nullptr;
        if (!a || !reportsToSamples(a->id)) return;
        if (const Sample* s = m_project->sampleOfDataset(r->datasetId()))
            markSampleDependentRunsStale(*m_project, s->id);
    });
}

QString ComputeService::cacheKey(const AnalysisRun& run, const QJsonObject& params) const
{
    QString key = run.analysisId + QLatin1Char('/') + QString::number(run.analysisVersion);
    for (const RunInput& in : run.inputs)
        key += QLatin1Char('/') + in.role + QLatin1Char(':') + QString::number(in.datasetId);
    if (const AnalysisDescriptor* a = analysisById(run.analysisId); a && a->usesSample() && m_project)
        key +=
            QLatin1Char('/') +
            QString::fromUtf8(
                QJsonDocument(sampleContext(*m_project, run.datasetId(), *a)).toJson(QJsonDocument::Compact));
    // The sample's datasets an unset sample-default parameter takes are inputs as well.
    if (const AnalysisDescriptor* a = analysisById(run.analysisId); a && m_project && usesSampleDefaults(*a))
        key +=
            QLatin1Char('/') +
            QString::fromUtf8(QJsonDocument(sampleDefaultReferences(*m_project, run.datasetId(), *a, params))
                                  .toJson(QJsonDocument::Compact));
    return key + QLatin1Char('/') + QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact));
}

double ComputeService::progress(Id runId) const
{
    auto it = m_jobs.find(runId);
    return it == m_jobs.end() ? -1.0 : it->second.control->progress();
}

void ComputeService::request(Id runId)
{
    startJob(runId, {}, true, {});
}

void ComputeService::preview(Id runId, const QJsonObject& params, std::function<void(const RunOutcome&)> done)
{
    startJob(runId, params, false, std::move(done));
}

void ComputeService::startJob(Id runId, const QJsonObject& givenParams, bool store,
                              std::function<void(const RunOutcome&)> done)
{
    if (!m_project) return;
    const AnalysisRun* run = m_project->run(runId);
    if (!run) return;
    AnalysisRun r = *run;
    const AnalysisDescriptor* a = analysisById(r.analysisId);
    if (store && a && r.analysisVersion != a->version) {
        // Recomputing a run of another analysis version makes it a run of this version.
        r.analysisVersion = a->version;
        m_project->upsertRun(r);
    }
    const QJsonObject params = store ? r.params : givenParams;
    auto& jobs = store ? m_jobs : m_previews;
    if (auto old = jobs.find(runId); old != jobs.end()) old->second.control->cancel();

    const QString key = cacheKey(r, params);
    if (auto hit = m_cache.find(key); hit != m_cache.end()) {
        jobs.erase(runId);
        if (store) {
            m_project->setRunOutcome(runId, params, hit->second.result, hit->second.status,
                                     hit->second.message);
            Q_EMIT runFinished(runId);
        }
        if (done) done(hit->second);
        return;
    }
    RunOutcome immediate;
    if (!a)
        immediate.message =
            QCoreApplication::translate("vanadis::ComputeService", "unknown analysis '%1'").arg(r.analysisId);
    AnalysisRun forInputs = r;
    forInputs.params = params;
    auto inputs = runInputs(*m_project, forInputs);
    if (a && !inputs) immediate.message = QString::fromStdString(inputs.error().message());
    if (!a || !inputs) {
        if (store) m_project->setRunOutcome(runId, params, {}, RunStatus::Failed, immediate.message);
        if (done) done(immediate);
        return;
    }

    Job job;
    job.control = std::make_shared<ComputeControl>();
    job.params = params;
    job.generation = ++m_generation;
    const bool wasIdle = m_jobs.empty();
    jobs[runId] = job;
    if (store) {
        Q_EMIT runStarted(runId);
        if (wasIdle) Q_EMIT busyChanged(true);
    }
    auto control = job.control;
    const AnalysisDescriptor* descriptor = a;
    ComputeInputs in = std::move(*inputs);
    auto* watcher = new QFutureWatcher<RunOutcome>(this);
    connect(watcher, &QFutureWatcher<RunOutcome>::finished, this,
            [this, watcher, runId, params, key, store, control, done = std::move(done),
             generation = job.generation] {
                watcher->deleteLater();
                const RunOutcome outcome = watcher->result();
                auto& jobs = store ? m_jobs : m_previews;
                auto it = jobs.find(runId);
                const bool current = it != jobs.end() && it->second.generation == generation;
                if (current) jobs.erase(it);
                if (control->cancelled()) {
                    if (store && current) {
                        Q_EMIT runFinished(runId);
                        if (m_jobs.empty()) Q_EMIT busyChanged(false);
                    }
                    return;
                }
                if (m_cache.size() > 128) m_cache.clear();
                m_cache[key] = outcome;
                if (store && m_project)
                    m_project->setRunOutcome(runId, params, outcome.result, outcome.status, outcome.message);
                if (current && done) done(outcome);
                if (store && current) {
                    Q_EMIT runFinished(runId);
                    if (m_jobs.empty()) Q_EMIT busyChanged(false);
                }
            });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [descriptor, in = std::move(in), params, control]() mutable {
            return runOutcome(*descriptor, in, params, *control);
        }));
}

void ComputeService::cancel(Id runId)
{
    if (auto it = m_jobs.find(runId); it != m_jobs.end()) it->second.control->cancel();
    if (auto it = m_previews.find(runId); it != m_previews.end()) it->second.control->cancel();
}

void ComputeService::cancelAll()
{
    for (auto& [id, j] : m_jobs)
        j.control->cancel();
    for (auto& [id, j] : m_previews)
        j.control->cancel();
}

bool ComputeService::waitForIdle(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while ((!m_jobs.empty() || !m_previews.empty()) && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return m_jobs.empty() && m_previews.empty();
}

} // namespace vanadis
