#pragma once
/// \file TechniqueTab.h
/// One tab per technique. For a dataset kind with an analysis (AnalysisRegistry) the tab shows the
/// analysis figures of the selected samples, the parameter form and the results of the current
/// sample; every parameter change (typed, or dragged on a plot) is one undoable step. For kinds
/// without an analysis it plots the raw data of the selected samples (RawFigure).

#include "model/FigureSpec.h"
#include "model/Types.h"

#include <QJsonObject>
#include <QWidget>
#include <map>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace vanadis {

class ParamForm;
class PlotView;
class Project;
class ResultView;
struct AnalysisMethod;
class Dataset;

class TechniqueTab : public QWidget {
    Q_OBJECT
public:
    explicit TechniqueTab(Technique technique, QWidget* parent = nullptr);
    Technique technique() const { return m_technique; }
    /// The project whose runs this tab edits (nullptr detaches).
    void setProject(Project* project);
    /// Replots for these samples (in series order); \a currentSample is the one whose parameters
    /// the form edits (0 = the first with data).
    void refresh(const std::vector<Id>& sampleIds, Id currentSample = 0);
    const FigureSpec& figure() const { return m_figure; }
    QString currentKind() const;
    void setCurrentKind(const QString& kind);
    /// Index into the analysis' figure list (0 when there is no analysis).
    int currentFigure() const;
    void setCurrentFigure(int index);
    PlotView* plotView() const { return m_plot; }
    ParamForm* paramForm() const { return m_form; }
    ResultView* resultView() const { return m_results; }
    /// The dataset whose parameters the form shows (nullptr when none).
    const Dataset* currentDataset() const;

Q_SIGNALS:
    void exportRequested();

private:
    void rebuild();
    void setParams(Id datasetId, const QJsonObject& params, int mergeKey);
    void applyToAll();
    /// Parameters of a dataset: the stored run's, else the defaults.
    QJsonObject paramsOf(Id datasetId) const;
    /// Cached result for (dataset, params); the error text when the computation fails.
    const std::pair<QJsonObject, QString>& resultOf(const Dataset& d, const QJsonObject& params);

    Technique m_technique;
    Project* m_project = nullptr;
    std::vector<Id> m_samples;
    Id m_currentSample = 0;
    Id m_currentDataset = 0;
    const AnalysisMethod* m_method = nullptr;
    FigureSpec m_figure;
    std::map<QString, std::pair<QJsonObject, QString>> m_cache;

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
    QPushButton* m_defaults = nullptr;
};

} // namespace vanadis
