#include "model/Commands.h"

#include "model/Project.h"

#include <QCoreApplication>
#include <algorithm>

namespace vanadis {

namespace {

int indexOf(const std::vector<Id>& v, Id id)
{
    auto it = std::find(v.begin(), v.end(), id);
    return it == v.end() ? -1 : int(it - v.begin());
}
} // namespace

// ---- AddSampleCommand ----
AddSampleCommand::AddSampleCommand(Project* p, Sample s, int index, QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_sample(std::move(s)), m_index(index)
{
    setText(tr("Add sample %1").arg(m_sample.name));
}

void AddSampleCommand::redo()
{
    m_project->insertSample(m_sample, m_index);
}

void AddSampleCommand::undo()
{
    if (const Sample* s = m_project->sample(m_sample.id)) m_sample = *s;
    m_project->removeSample(m_sample.id);
}

// ---- RemoveSampleCommand ----
RemoveSampleCommand::RemoveSampleCommand(Project* p, Id sampleId, QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p)
{
    if (const Sample* s = p->sample(sampleId)) {
        m_sample = *s;
        setText(tr("Remove sample %1").arg(s->name));
    }
}

void RemoveSampleCommand::redo()
{
    const Sample* s = m_project->sample(m_sample.id);
    if (!s) return;
    m_sample = *s;
    m_index = indexOf(m_project->series().sampleIds, s->id);
    m_datasets.clear();
    m_runs.clear();
    for (const Dataset* d : m_project->datasetsOf(s->id)) {
        // Keep the values in memory: once the removal is saved they are gone from the file, and undo
        // must still bring them back.
        (void)d->ensureLoaded();
        d->keepOriginalForUndo();
        m_datasets.push_back(*d);
        for (const AnalysisRun* r : m_project->runsUsing(d->id()))
            if (std::none_of(m_runs.begin(), m_runs.end(),
                             [&](const AnalysisRun& k) { return k.id == r->id; }))
                m_runs.push_back(*r);
    }
    m_project->removeSample(m_sample.id);
}

void RemoveSampleCommand::undo()
{
    Sample bare = m_sample;
    bare.datasetIds.clear();
    m_project->insertSample(bare, m_index);
    for (const Dataset& d : m_datasets)
        m_project->insertDataset(m_sample.id, d);
    for (const AnalysisRun& r : m_runs)
        m_project->upsertRun(r);
}

// ---- EditSampleCommand ----
EditSampleCommand::EditSampleCommand(Project* p, Id sampleId, SampleField field, QVariant value, int mergeKey,
                                     QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_sampleId(sampleId), m_field(field), m_new(std::move(value)),
      m_mergeKey(mergeKey)
{
    if (const Sample* s = p->sample(sampleId)) {
        m_old = read(*s, field);
        setText(tr("Edit sample %1").arg(s->name));
    }
}

void EditSampleCommand::apply(Sample& s, SampleField field, const QVariant& v)
{
    switch (field) {
    case SampleField::Name:
        s.name = v.toString();
        break;
    case SampleField::Color:
        s.color = v.value<QColor>();
        break;
    case SampleField::Marker:
        s.marker = v.toString();
        break;
    case SampleField::Dash:
        s.dash = v.toString();
        break;
    case SampleField::ActiveMassMg:
        s.activeMassMg = v.toDouble();
        break;
    case SampleField::MassBasis:
        s.massBasis = massBasisFromKey(v.toString());
        break;
    case SampleField::Notes:
        s.notes = v.toString();
        break;
    case SampleField::StartOxide:
        s.startOxide = v.toString();
        break;
    case SampleField::ResidueOxide:
        s.residueOxide = v.toString();
        break;
    }
}

QVariant EditSampleCommand::read(const Sample& s, SampleField field)
{
    switch (field) {
    case SampleField::Name:
        return s.name;
    case SampleField::Color:
        return s.color;
    case SampleField::Marker:
        return s.marker;
    case SampleField::Dash:
        return s.dash;
    case SampleField::ActiveMassMg:
        return s.activeMassMg;
    case SampleField::MassBasis:
        return massBasisKey(s.massBasis);
    case SampleField::Notes:
        return s.notes;
    case SampleField::StartOxide:
        return s.startOxide;
    case SampleField::ResidueOxide:
        return s.residueOxide;
    }
    return {};
}

void EditSampleCommand::redo()
{
    const Sample* cur = m_project->sample(m_sampleId);
    if (!cur) return;
    Sample s = *cur;
    apply(s, m_field, m_new);
    m_project->updateSample(s);
}

void EditSampleCommand::undo()
{
    const Sample* cur = m_project->sample(m_sampleId);
    if (!cur) return;
    Sample s = *cur;
    apply(s, m_field, m_old);
    m_project->updateSample(s);
}

bool EditSampleCommand::mergeWith(const QUndoCommand* other)
{
    auto* o = dynamic_cast<const EditSampleCommand*>(other);
    if (!o || o->m_sampleId != m_sampleId || o->m_field != m_field || o->m_mergeKey != m_mergeKey)
        return false;
    m_new = o->m_new;
    return true;
}

// ---- MoveSampleCommand ----
MoveSampleCommand::MoveSampleCommand(Project* p, Id sampleId, int newIndex, QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_oldOrder(p->series().sampleIds), m_newOrder(m_oldOrder)
{
    auto& o = m_newOrder;
    o.erase(std::remove(o.begin(), o.end(), sampleId), o.end());
    newIndex = std::clamp(newIndex, 0, int(o.size()));
    o.insert(o.begin() + newIndex, sampleId);
    setText(tr("Reorder samples"));
}

void MoveSampleCommand::redo()
{
    m_project->setSampleOrder(m_newOrder);
}
void MoveSampleCommand::undo()
{
    m_project->setSampleOrder(m_oldOrder);
}

// ---- SetSeriesInfoCommand ----
SetSeriesInfoCommand::SetSeriesInfoCommand(Project* p, QString name, QString condition, QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_oldName(p->series().name),
      m_oldCondition(p->series().variedCondition), m_newName(std::move(name)),
      m_newCondition(std::move(condition))
{
    setText(tr("Edit series"));
}

void SetSeriesInfoCommand::redo()
{
    m_project->setSeriesInfo(m_newName, m_newCondition);
}
void SetSeriesInfoCommand::undo()
{
    m_project->setSeriesInfo(m_oldName, m_oldCondition);
}

// ---- ImportDatasetsCommand ----
ImportDatasetsCommand::ImportDatasetsCommand(Project* p, Id sampleId, std::vector<Dataset> datasets,
                                             QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_sampleId(sampleId), m_datasets(std::move(datasets))
{
    const Sample* s = p->sample(sampleId);
    setText(m_datasets.size() == 1
                ? tr("Import %1 into %2").arg(m_datasets.front().name(), s ? s->name : QString())
                : tr("Import %1 datasets into %2").arg(m_datasets.size()).arg(s ? s->name : QString()));
}

void ImportDatasetsCommand::redo()
{
    for (const Dataset& d : m_datasets)
        m_project->insertDataset(m_sampleId, d);
}

void ImportDatasetsCommand::undo()
{
    for (auto it = m_datasets.rbegin(); it != m_datasets.rend(); ++it)
        m_project->removeDataset(it->id());
}

// ---- RemoveDatasetCommand ----
RemoveDatasetCommand::RemoveDatasetCommand(Project* p, Id datasetId, QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p)
{
    if (const Dataset* d = p->dataset(datasetId)) {
        m_dataset = *d;
        setText(tr("Remove dataset %1").arg(d->name()));
    }
}

void RemoveDatasetCommand::redo()
{
    const Dataset* d = m_project->dataset(m_dataset.id());
    const Sample* s = m_project->sampleOfDataset(m_dataset.id());
    if (!d || !s) return;
    (void)d->ensureLoaded();
    d->keepOriginalForUndo();
    m_dataset = *d;
    m_sampleId = s->id;
    m_index = indexOf(s->datasetIds, d->id());
    m_runs.clear();
    for (const AnalysisRun* r : m_project->runsUsing(d->id()))
        m_runs.push_back(*r);
    m_project->removeDataset(d->id());
}

void RemoveDatasetCommand::undo()
{
    m_project->insertDataset(m_sampleId, m_dataset, m_index);
    for (const AnalysisRun& r : m_runs)
        m_project->upsertRun(r);
}

// ---- SetRunCommand ----
SetRunCommand::SetRunCommand(Project* p, AnalysisRun run, int mergeKey, const QString& text,
                             QUndoCommand* parent)
    : QUndoCommand(parent), m_project(p), m_new(std::move(run)), m_mergeKey(mergeKey)
{
    if (const AnalysisRun* r = p->run(m_new.id)) m_old = *r;
    setText(text.isEmpty() ? tr("Change %1 parameters").arg(m_new.analysisId) : text);
}

void SetRunCommand::redo()
{
    m_project->upsertRun(m_new);
}

void SetRunCommand::undo()
{
    if (m_old)
        m_project->upsertRun(*m_old);
    else
        m_project->removeRun(m_new.id);
}

bool SetRunCommand::mergeWith(const QUndoCommand* other)
{
    auto* o = dynamic_cast<const SetRunCommand*>(other);
    if (!o || o->m_new.id != m_new.id || o->m_mergeKey != m_mergeKey) return false;
    m_new = o->m_new;
    // The merged step describes the whole drag: from the first old value to the last new one. Texts
    // of the form "what: old → new" are joined; others take the latest text.
    const QString mine = text(), theirs = o->text();
    const qsizetype a = mine.indexOf(QStringLiteral(" → ")), b = theirs.indexOf(QStringLiteral(" → "));
    setText(a > 0 && b > 0 ? mine.left(a) + theirs.mid(b) : theirs);
    return true;
}

} // namespace vanadis
