#pragma once
/// \file TechniqueTab.h
/// One tab per technique. A view is either an analysis (every dataset of the selected samples that the
/// analysis accepts, several per sample if there are) or a raw-data group of one dataset type and
/// label. In an analysis view the tab shows the analysis' figures by id, the parameter form and the
/// stored result of the current dataset; every parameter change (typed, or dragged on a span bound to
/// parameter keys) is one undoable step, computed off the GUI thread by the ComputeService. A stale
/// run says why and offers one-click recompute; a running computation can be cancelled.

#include "model/FigureSpec.h"
#include "model/Types.h"
#include "numeric/Error.h"

#include "model/Sample.h"
#include "widgets/plot/PlotView.h"

#include <QJsonObject>
#include <QWidget>
#include <map>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace vanadis {

class ComputeService;
class ParamForm;
class Project;
class ResultView;
struct AnalysisDescriptor;
struct Error;
class Dataset;

class TechniqueTab : public QWidget {
    Q_OBJECT
public:
    explicit TechniqueTab(Technique technique, QWidget* parent = nullptr);
    Technique technique() const { return m_technique; }
    /// The project whose runs this tab edits (nullptr detaches).
    void setProject(Project* project);
    void setComputeService(ComputeService* service);
    /// Replots for these samples (in series order); \a currentSample is the one whose parameters
    /// the form edits (0 = the first with data). \a datasetIds, when not empty, restricts the view
    /// to these datasets (picked in the project tree); \a currentDataset becomes the edited one.
    void refresh(const std::vector<Id>& sampleIds, Id currentSample = 0,
                 const std::vector<Id>& datasetIds = {}, Id currentDataset = 0);
    /// Makes the view of \a datasetId current (its analysis or raw group) and the dataset the edited one.
    bool showDataset(Id datasetId);
    /// The figure shown (brought up to date first when the tab was hidden while things changed).
    const FigureSpec& figure() const;
    QString currentKind() const;
    void setCurrentKind(const QString& kind);
    /// Index into the analysis' figure list (0 when there is no analysis).
    int currentFigure() const;
    void setCurrentFigure(int index);
    /// Id of the figure shown ("bet_plot"); "raw" for a raw-data view.
    QString currentFigureId() const;
    bool setCurrentFigureId(const QString& id);
    /// The datasets of the current analysis view, in order (empty in a raw view).
    const std::vector<Id>& viewDatasets() const { return m_viewDatasets; }
    PlotView* plotView() const { return m_plot; }
    ParamForm* paramForm() const { return m_form; }
    ResultView* resultView() const { return m_results; }
    /// The dataset whose parameters the form shows (nullptr when none).
    const Dataset* currentDataset() const;
    /// Writes the file of result action \a actionId (AnalysisDescriptor::resultFiles, e.g. the XRD
    /// "Save as instrument function…") from the current dataset's result to \a path. Errors: no current
    /// result, the action refuses the result, the file cannot be written.
    Expected<void> saveResultFile(const QString& actionId, const QString& path) const;

Q_SIGNALS:
    void exportRequested();
    /// A live preview (a point marker being dragged) was drawn on the plot.
    void previewShown();

protected:
    void showEvent(QShowEvent* e) override;

private:
    void rebuild();
    void updateStatus();
    /// \a text: the undo text; empty = what describeParamChange says.
    void setParams(Id datasetId, const QJsonObject& params, int mergeKey, const QString& text = {});
    /// The markers of the current figure's point bindings, from the current dataset's parameters.
    void updateMarkers();
    /// The stored result of a dataset when it was computed from its current parameters, else {}.
    QJsonObject resultOf(Id datasetId) const;
    void refusedEdit(const Error& e);
    /// Point editing on the plot: the gestures of PlotView as edits of the bound list parameters
    /// (PointEditing.h).
    void addPoint(double x, PlotView::PointGesture gesture);
    void removePoint(int binding, int index);
    void movePoint(int binding, int index, double x, bool finished);
    void applyToAll();
    /// Parameters of a dataset: the stored run's, else the defaults.
    QJsonObject paramsOf(Id datasetId) const;
    /// The run of the current analysis on a dataset, created with defaults (and computed) when missing.
    const AnalysisRun* ensureRun(Id datasetId);
    /// The views there are for the selected samples: analysis ids and raw group names.
    struct View {
        QString title;
        const AnalysisDescriptor* analysis = nullptr;
        QString rawGroup;
    };
    std::vector<View> views() const;

    Technique m_technique;
    Project* m_project = nullptr;
    ComputeService* m_compute = nullptr;
    std::vector<Id> m_samples;
    std::vector<Id> m_pickedDatasets;
    std::vector<Id> m_viewDatasets;
    Id m_currentSample = 0;
    Id m_currentDataset = 0;
    bool m_keepDataset = false; ///< showDataset() chose the dataset: a view change keeps it
    const AnalysisDescriptor* m_method = nullptr;
    std::vector<View> m_views;
    FigureSpec m_figure;
    QString m_shownFigure; ///< analysis/figure/dataset on the plot, to keep the zoom of a point editor
    std::map<Id, QJsonObject> m_preview; ///< live result while a span is dragged
    bool m_rebuildPending = false;
    bool m_inRebuild = false;
    bool m_dirty = false; ///< a run changed while the tab was hidden

    QComboBox* m_kind = nullptr;
    QComboBox* m_figureChoice = nullptr;
    QLabel* m_figureLabel = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    PlotView* m_plot = nullptr;
    QWidget* m_panel = nullptr;
    QComboBox* m_sampleChoice = nullptr;
    ParamForm* m_form = nullptr;
    ResultView* m_results = nullptr;
    QPushButton* m_applyAll = nullptr;
    QPushButton* m_resultFiles = nullptr; ///< "Save as …" actions of the analysis' results
    QPushButton* m_defaults = nullptr;
    QWidget* m_statusBar = nullptr;
    QLabel* m_statusText = nullptr;
    QPushButton* m_statusButton = nullptr;
};

} // namespace vanadis
