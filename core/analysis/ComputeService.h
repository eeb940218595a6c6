#pragma once
/// \file ComputeService.h
/// Runs analyses off the GUI thread (a small QThreadPool through QtConcurrent), with progress and
/// cancel, and stores each outcome in its run (Project::setRunOutcome). A request for a run that is
/// already being computed cancels the older computation; an outcome for parameters that changed in
/// the meantime is dropped. Outcomes are cached by (analysis, version, inputs, parameters), so undo,
/// redo and dragging back to an earlier value cost nothing. The CLI and tests use computeRunNow().

#include "analysis/Analysis.h"

#include <QList>
#include <QObject>
#include <QThreadPool>
#include <map>
#include <memory>

namespace vanadis {

class Project;

/// The outcome of one computation.
struct RunOutcome {
    QJsonObject result;
    RunStatus status = RunStatus::Failed;
    QString message; ///< the error when failed
};

/// Computes a run now on the calling thread (CLI, demo, tests).
RunOutcome computeRunNow(const Project& project, const AnalysisRun& run);

/// The run with default parameters that analysis \a a gets when dataset \a datasetId is first shown:
/// one main input, or — for an analysis that takes several (InputSlot::multiple) — every dataset of the
/// sample it accepts, in project order. The id is left 0.
AnalysisRun defaultRun(const Project& project, const AnalysisDescriptor& a, Id datasetId);

/// Creates a run with default parameters for every dataset that an automatic analysis accepts and that
/// has no run of it yet; a run over several inputs also takes in datasets of its sample that arrived
/// later (and becomes stale). No undo entry: runs of defaults are derived data. Returns the ids of the
/// new or extended runs.
std::vector<Id> ensureDefaultRuns(Project& project);

/// Computes every run that is not Ok/Failed for its current parameters, now (CLI, demo).
void computeStaleRunsNow(Project& project);

class ComputeService : public QObject {
    Q_OBJECT
public:
    explicit ComputeService(QObject* parent = nullptr);
    ~ComputeService() override;

    void setProject(Project* project);

    /// Queues the computation of run \a runId with its current inputs and parameters.
    void request(Id runId);
    /// Computes \a params for run \a runId without storing anything (live preview while dragging);
    /// \a done is called on the GUI thread unless a newer preview of the same run superseded it.
    void preview(Id runId, const QJsonObject& params, std::function<void(const RunOutcome&)> done);
    void cancel(Id runId);
    void cancelAll();
    bool isComputing(Id runId) const { return m_jobs.contains(runId); }
    int pendingCount() const { return int(m_jobs.size()); }
    /// Progress 0…1 of a computation under way, -1 when none.
    double progress(Id runId) const;
    /// Processes events until nothing is pending or \a timeoutMs passed (tests). True when idle.
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    void runStarted(vanadis::Id runId);
    void runFinished(vanadis::Id runId);
    void busyChanged(bool busy);

private:
    struct Job {
        std::shared_ptr<ComputeControl> control;
        QJsonObject params;
        quint64 generation = 0;
    };
    QString cacheKey(const AnalysisRun& run, const QJsonObject& params) const;
    void startJob(Id runId, const QJsonObject& params, bool store,
                  std::function<void(const RunOutcome&)> done);

    Project* m_project = nullptr;
    QList<QMetaObject::Connection> m_projectConnections;
    QThreadPool m_pool;
    std::map<Id, Job> m_jobs;     ///< stored computations under way, by run
    std::map<Id, Job> m_previews; ///< previews under way, by run
    std::map<QString, RunOutcome> m_cache;
    quint64 m_generation = 0;
};

} // namespace vanadis
