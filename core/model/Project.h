#pragma once
/// \file Project.h
/// The open file: one sample series with its samples, datasets and analysis runs, the undo stack and
/// the record of what changed since the last save/autosave. Every user edit goes through a command on
/// undoStack() (see Commands.h); the mutators below are what those commands call.

#include "model/ChangeSet.h"
#include "model/Dataset.h"
#include "model/Sample.h"

#include <QObject>
#include <map>

class QUndoStack;

namespace vanadis {

class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(QObject* parent = nullptr);
    ~Project() override;

    QUndoStack* undoStack() const { return m_undo; }

    // ---- read access ----
    const SampleSeries& series() const { return m_series; }
    /// Samples in series order.
    std::vector<const Sample*> samples() const;
    const Sample* sample(Id id) const;
    const Sample* sampleByName(const QString& name) const;
    const Dataset* dataset(Id id) const;
    /// The sample owning a dataset, or nullptr.
    const Sample* sampleOfDataset(Id datasetId) const;
    /// Datasets of a sample in display order, optionally of one technique only.
    std::vector<const Dataset*> datasetsOf(Id sampleId, std::optional<Technique> t = std::nullopt) const;
    const AnalysisRun* run(Id id) const;
    /// Runs that belong to a dataset (it is their first main input).
    std::vector<const AnalysisRun*> runsOf(Id datasetId) const;
    /// Runs that use a dataset in any role (main, blank, reference …).
    std::vector<const AnalysisRun*> runsUsing(Id datasetId) const;
    /// The run of an analysis that has \a datasetId among its main inputs (a run over several datasets,
    /// such as CV at several scan rates, is the run of each of them), or nullptr.
    const AnalysisRun* runFor(Id datasetId, const QString& analysisId) const;
    const std::map<Id, Dataset>& allDatasets() const { return m_datasets; }
    const std::map<Id, AnalysisRun>& allRuns() const { return m_runs; }

    /// A new id, never handed out before in this project (persisted with the file).
    Id allocateId();
    Id nextId() const { return m_nextId; }

    // ---- file state ----
    const QString& filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const;

    /// Changes not yet written to the project file / to the recovery file.
    const ChangeSet& unsavedChanges() const { return m_unsaved; }
    const ChangeSet& unautosavedChanges() const { return m_unautosaved; }
    /// Called by the store after a successful save: clears the change set and marks the undo stack clean.
    void markSaved();
    void markAutosaved();

    // ---- mutators (called by undo commands and loaders; they record changes and emit signals) ----
    void setSeriesInfo(const QString& name, const QString& condition);
    void insertSample(const Sample& s, int index);
    /// Removes a sample with its datasets and their runs (a command captures them first for undo).
    void removeSample(Id id);
    void updateSample(const Sample& s);
    void setSampleOrder(const std::vector<Id>& order);
    void insertDataset(Id sampleId, const Dataset& d, int index = -1);
    void removeDataset(Id datasetId);
    void upsertRun(const AnalysisRun& r);
    void removeRun(Id runId);
    /// Stores the outcome of a computation of run \a runId for \a params (no undo entry: a result is
    /// derived from the run's inputs and parameters). Ignored when the run's parameters have changed.
    void setRunOutcome(Id runId, const QJsonObject& params, const QJsonObject& result, RunStatus status,
                       const QString& message);

    /// Loader entry points: replace everything without recording changes (used when opening a file).
    void resetFromLoad(SampleSeries series, std::map<Id, Sample> samples, std::map<Id, Dataset> datasets,
                       std::map<Id, AnalysisRun> runs, Id nextId);

Q_SIGNALS:
    void seriesChanged();
    void sampleInserted(vanadis::Id id);
    void sampleRemoved(vanadis::Id id);
    void sampleChanged(vanadis::Id id);
    void datasetInserted(vanadis::Id sampleId, vanadis::Id datasetId);
    void datasetRemoved(vanadis::Id sampleId, vanadis::Id datasetId);
    void runChanged(vanadis::Id runId);
    void modelReset();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void touch(void (*mark)(ChangeSet&, Id), Id id);
    void dropRunsOf(Id datasetId);
    void changed();

    QUndoStack* m_undo = nullptr;
    SampleSeries m_series;
    std::map<Id, Sample> m_samples;
    std::map<Id, Dataset> m_datasets;
    std::map<Id, AnalysisRun> m_runs;
    Id m_nextId = 1;
    QString m_filePath;
    ChangeSet m_unsaved;
    ChangeSet m_unautosaved;
};

} // namespace vanadis
