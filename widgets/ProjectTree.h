#pragma once
/// \file ProjectTree.h
/// The project tree: series → samples (in their plot colour) → techniques → datasets (every one, by
/// label and type). Selecting samples chooses what the technique tabs plot; selecting datasets narrows
/// the view to them, and clicking one makes it the dataset its technique tab analyses.

#include "model/Types.h"

#include <QTreeWidget>

namespace vanadis {

class Project;

class ProjectTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProjectTree(QWidget* parent = nullptr);
    /// Shows \a project (nullptr clears); the tree follows the project's signals from then on.
    void setProject(Project* project);
    /// Samples selected directly or through one of their datasets, in series order; all samples
    /// when nothing is selected.
    std::vector<Id> selectedSampleIds() const;
    /// The one sample the property panel edits: the current item's sample (0 = none).
    Id currentSampleId() const;
    Id currentDatasetId() const;
    /// Datasets selected directly (not through their sample), in tree order.
    std::vector<Id> selectedDatasetIds() const;
    void selectSample(Id id);

Q_SIGNALS:
    void sampleSelectionChanged();
    /// A dataset was clicked: its tab should show and analyse it.
    void datasetActivated(vanadis::Id datasetId);
    void removeDatasetRequested(vanadis::Id datasetId);
    void removeSampleRequested(vanadis::Id sampleId);

protected:
    void contextMenuEvent(QContextMenuEvent* e) override;

private:
    void rebuild();
    Project* m_project = nullptr;
    bool m_rebuilding = false;
};

/// A round swatch in the sample colour, used wherever samples are listed.
QIcon sampleIcon(const QColor& color);

} // namespace vanadis
