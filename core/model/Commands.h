#pragma once
/// \file Commands.h
/// Undoable edits. Each command holds ids and values, never pointers into the model, so any order of
/// undo/redo stays valid. Commands that come from dragging (a range, a colour picker) merge into one
/// step when they carry the same non-negative merge key.

#include "model/Dataset.h"
#include "model/Sample.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVariant>

namespace vanadis {

class Project;

enum CommandId { CmdEditSample = 1001, CmdSetRun = 1002, CmdSeriesInfo = 1003 };

/// Adds a sample (its id must come from Project::allocateId()).
class AddSampleCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::AddSampleCommand)

public:
    AddSampleCommand(Project* p, Sample s, int index = -1, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    Sample m_sample;
    int m_index;
};

/// Removes a sample with its datasets and runs; undo restores all of them at the same places.
class RemoveSampleCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::RemoveSampleCommand)

public:
    RemoveSampleCommand(Project* p, Id sampleId, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    Sample m_sample;
    int m_index = -1;
    std::vector<Dataset> m_datasets;
    std::vector<AnalysisRun> m_runs;
};

/// Changes one field of a sample. Consecutive edits of the same field with the same merge key merge.
class EditSampleCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::EditSampleCommand)

public:
    EditSampleCommand(Project* p, Id sampleId, SampleField field, QVariant value, int mergeKey = -1,
                      QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey >= 0 ? CmdEditSample : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    /// Applies a field value to a sample (shared with the CLI and the property form).
    static void apply(Sample& s, SampleField field, const QVariant& value);
    static QVariant read(const Sample& s, SampleField field);

private:
    Project* m_project;
    Id m_sampleId;
    SampleField m_field;
    QVariant m_old;
    QVariant m_new;
    int m_mergeKey;
};

/// Moves a sample within the series order.
class MoveSampleCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::MoveSampleCommand)

public:
    MoveSampleCommand(Project* p, Id sampleId, int newIndex, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    std::vector<Id> m_oldOrder;
    std::vector<Id> m_newOrder;
};

/// Renames the series or changes its varied condition.
class SetSeriesInfoCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::SetSeriesInfoCommand)

public:
    SetSeriesInfoCommand(Project* p, QString name, QString condition, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    QString m_oldName, m_oldCondition, m_newName, m_newCondition;
};

/// Adds already parsed datasets to a sample (files are parsed before the command is pushed).
class ImportDatasetsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::ImportDatasetsCommand)

public:
    ImportDatasetsCommand(Project* p, Id sampleId, std::vector<Dataset> datasets,
                          QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    Id m_sampleId;
    std::vector<Dataset> m_datasets;
};

/// Removes a dataset (and its analysis runs).
class RemoveDatasetCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::RemoveDatasetCommand)

public:
    RemoveDatasetCommand(Project* p, Id datasetId, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Project* m_project;
    Id m_sampleId = 0;
    int m_index = -1;
    Dataset m_dataset;
    std::vector<AnalysisRun> m_runs;
};

/// Creates or replaces an analysis run (new parameters and result). Drags merge by key.
class SetRunCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(vanadis::SetRunCommand)

public:
    /// \a text is what the History shows ("BET window 0.05–0.30 → 0.05–0.20"); empty = generic.
    SetRunCommand(Project* p, AnalysisRun run, int mergeKey = -1, const QString& text = {},
                  QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey >= 0 ? CmdSetRun : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Project* m_project;
    std::optional<AnalysisRun> m_old;
    AnalysisRun m_new;
    int m_mergeKey;
};

} // namespace vanadis
