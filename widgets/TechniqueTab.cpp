#include "widgets/TechniqueTab.h"

#include "analysis/AnalysisRegistry.h"
#include "analysis/RawFigure.h"
#include "model/Commands.h"
#include "model/Project.h"
#include "widgets/ParamForm.h"
#include "widgets/ProjectTree.h"
#include "widgets/ResultView.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QUndoStack>

namespace vanadis {

TechniqueTab::TechniqueTab(Technique technique, QWidget* parent) : QWidget(parent), m_technique(technique)
{
    setObjectName("tab_" + techniqueKey(technique));
    auto* bar = new QHBoxLayout;
    auto* kindLabel = new QLabel(tr("&Dataset:"));
    m_kind = new QComboBox;
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind->setAccessibleName(tr("Dataset kind"));
    kindLabel->setBuddy(m_kind);
    m_figureLabel = new QLabel(tr("&Figure:"));
    m_figureChoice = new QComboBox;
    m_figureChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_figureChoice->setAccessibleName(tr("Figure"));
    m_figureLabel->setBuddy(m_figureChoice);
    auto* exportButton = new QPushButton(tr("Export figure…"));
    bar->addWidget(kindLabel);
    bar->addWidget(m_kind);
    bar->addSpacing(12);
    bar->addWidget(m_figureLabel);
    bar->addWidget(m_figureChoice);
    bar->addStretch(1);
    bar->addWidget(exportButton);

    m_plot = new PlotView;
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_plot);
    m_stack->addWidget(m_empty);

    // Analysis panel: which sample, its parameters, its results.
    m_panel = new QWidget;
    auto* panelLayout = new QVBoxLayout(m_panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    auto* sampleRow = new QHBoxLayout;
    auto* sampleLabel = new QLabel(tr("&Sample:"));
    m_sampleChoice = new QComboBox;
    m_sampleChoice->setAccessibleName(tr("Sample whose parameters are shown"));
    sampleLabel->setBuddy(m_sampleChoice);
    sampleRow->addWidget(sampleLabel);
    sampleRow->addWidget(m_sampleChoice, 1);
    panelLayout->addLayout(sampleRow);
    auto* paramsBox = new QGroupBox(tr("Parameters"));
    auto* paramsLayout = new QVBoxLayout(paramsBox);
    m_form = new ParamForm;
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    paramsLayout->addWidget(scroll);
    auto* buttons = new QHBoxLayout;
    m_defaults = new QPushButton(tr("Defaults"));
    m_defaults->setToolTip(tr("Reset this sample's parameters to the defaults (automatic choices)."));
    m_applyAll = new QPushButton(tr("Apply to all samples"));
    m_applyAll->setToolTip(tr("Use these parameters for every sample of the series (one undo step)."));
    buttons->addWidget(m_defaults);
    buttons->addWidget(m_applyAll);
    paramsLayout->addLayout(buttons);
    panelLayout->addWidget(paramsBox, 2);
    auto* resultsBox = new QGroupBox(tr("Results"));
    auto* resultsLayout = new QVBoxLayout(resultsBox);
    m_results = new ResultView;
    resultsLayout->addWidget(m_results);
    panelLayout->addWidget(resultsBox, 3);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_stack);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_panel->setMinimumWidth(340);
    split->setSizes({800, 420});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_figureChoice->blockSignals(true);
        m_figureChoice->clear();
        m_figureChoice->blockSignals(false);
        rebuild();
    });
    connect(m_figureChoice, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_sampleChoice, &QComboBox::activated, this, [this] {
        m_currentSample = m_sampleChoice->currentData().toLongLong();
        rebuild();
    });
    connect(exportButton, &QPushButton::clicked, this, &TechniqueTab::exportRequested);
    connect(m_form, &ParamForm::edited, this, [this](const QJsonObject& values, int mergeKey) {
        if (m_currentDataset) setParams(m_currentDataset, values, mergeKey);
    });
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        if (m_currentDataset && m_method) setParams(m_currentDataset, effectiveParams(*m_method, {}), -1);
    });
    connect(m_applyAll, &QPushButton::clicked, this, &TechniqueTab::applyToAll);
    connect(m_plot, &PlotView::spanEdited, this, [this](int, double lo, double hi, bool finished) {
        if (!m_method || !m_currentDataset || !m_method->spanParams) return;
        const auto keys = m_method->spanParams(currentFigure());
        if (!keys) return;
        QJsonObject params = paramsOf(m_currentDataset);
        params[keys->first] = lo;
        params[keys->second] = hi;
        if (finished) {
            // One undo step per drag; the live preview below does not touch the project.
            setParams(m_currentDataset, params, -1);
        } else if (const Dataset* d = currentDataset()) {
            const auto& r = resultOf(*d, params);
            m_results->setResult(r.first, r.second);
        }
    });
    m_panel->hide();
    m_figureLabel->hide();
    m_figureChoice->hide();
}

void TechniqueTab::setProject(Project* project)
{
    if (m_project) disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    m_cache.clear();
    if (m_project) connect(m_project, &Project::runChanged, this, [this] { rebuild(); });
}

QString TechniqueTab::currentKind() const { return m_kind->currentText(); }

void TechniqueTab::setCurrentKind(const QString& kind)
{
    const int i = m_kind->findText(kind);
    if (i >= 0) m_kind->setCurrentIndex(i);
}

int TechniqueTab::currentFigure() const { return std::max(0, m_figureChoice->currentIndex()); }

void TechniqueTab::setCurrentFigure(int index)
{
    if (index >= 0 && index < m_figureChoice->count()) m_figureChoice->setCurrentIndex(index);
}

const Dataset* TechniqueTab::currentDataset() const
{
    return m_project ? m_project->dataset(m_currentDataset) : nullptr;
}

void TechniqueTab::refresh(const std::vector<Id>& sampleIds, Id currentSample)
{
    m_samples = sampleIds;
    if (currentSample) m_currentSample = currentSample;
    const QString keep = m_kind->currentText();
    const QStringList kinds = m_project ? rawKinds(*m_project, m_technique, sampleIds) : QStringList();
    m_kind->blockSignals(true);
    m_kind->clear();
    m_kind->addItems(kinds);
    const int i = m_kind->findText(keep);
    m_kind->setCurrentIndex(i >= 0 ? i : 0);
    m_kind->blockSignals(false);
    m_kind->setEnabled(kinds.size() > 1);
    rebuild();
}

QJsonObject TechniqueTab::paramsOf(Id datasetId) const
{
    if (!m_method || !m_project) return {};
    for (const AnalysisRun* r : m_project->runsOf(datasetId))
        if (r->analysisId == m_method->id) return effectiveParams(*m_method, r->params);
    return effectiveParams(*m_method, {});
}

const std::pair<QJsonObject, QString>& TechniqueTab::resultOf(const Dataset& d, const QJsonObject& params)
{
    // Analyses are pure: (dataset, params) → result, so a cache keyed by both is always valid.
    const QString key = QString::number(d.id()) + m_method->id + QJsonDocument(params).toJson(QJsonDocument::Compact);
    auto it = m_cache.find(key);
    if (it != m_cache.end()) return it->second;
    if (m_cache.size() > 256) m_cache.clear();
    auto r = m_method->compute(d, params);
    std::pair<QJsonObject, QString> value =
        r ? std::pair{*r, QString()} : std::pair{QJsonObject(), QString::fromStdString(r.error().message())};
    return m_cache.emplace(key, std::move(value)).first->second;
}

void TechniqueTab::rebuild()
{
    const QString kind = m_kind->currentText();
    m_method = m_project ? analysisFor(m_technique, kind) : nullptr;
    m_panel->setVisible(m_method != nullptr);
    m_figureLabel->setVisible(m_method != nullptr);
    m_figureChoice->setVisible(m_method != nullptr);
    if (!m_method) {
        m_currentDataset = 0;
        m_figure = m_project ? rawFigure(*m_project, m_technique, m_samples, kind) : FigureSpec{};
    } else {
        if (m_figureChoice->count() != int(m_method->figures.size())) {
            m_figureChoice->blockSignals(true);
            m_figureChoice->clear();
            for (const AnalysisFigure& f : m_method->figures) m_figureChoice->addItem(f.name);
            m_figureChoice->blockSignals(false);
        }
        // Samples of the selection that have data of this kind; the current one is edited.
        std::vector<std::pair<const Sample*, const Dataset*>> withData;
        for (Id sid : m_samples) {
            const Sample* s = m_project->sample(sid);
            if (!s) continue;
            for (const Dataset* d : m_project->datasetsOf(sid, m_technique))
                if (d->kind() == kind) {
                    withData.emplace_back(s, d);
                    break;
                }
        }
        auto current = std::find_if(withData.begin(), withData.end(), [&](const auto& p) { return p.first->id == m_currentSample; });
        if (current == withData.end()) current = withData.begin();
        m_sampleChoice->blockSignals(true);
        m_sampleChoice->clear();
        for (const auto& [s, d] : withData) m_sampleChoice->addItem(sampleIcon(s->color), s->name, qint64(s->id));
        m_sampleChoice->setCurrentIndex(current == withData.end() ? -1 : int(current - withData.begin()));
        m_sampleChoice->blockSignals(false);
        m_currentDataset = current == withData.end() ? 0 : current->second->id();

        const int fig = currentFigure();
        const bool overlay = fig < int(m_method->figures.size()) ? m_method->figures[size_t(fig)].overlay : true;
        std::vector<AnalysisInput> inputs;
        for (const auto& [s, d] : withData) {
            if (!overlay && d->id() != m_currentDataset) continue;
            AnalysisInput in;
            in.sample = s;
            in.dataset = d;
            in.params = paramsOf(d->id());
            in.result = resultOf(*d, in.params).first;
            inputs.push_back(in);
        }
        m_figure = inputs.empty() ? FigureSpec{} : m_method->buildFigure(fig, inputs);
        m_form->setSchema(m_method->schema());
        if (const Dataset* d = currentDataset()) {
            const QJsonObject params = paramsOf(d->id());
            m_form->setValues(params);
            const auto& r = resultOf(*d, params);
            m_results->setResult(r.first, r.second);
            m_panel->setEnabled(true);
        } else {
            m_results->setResult({});
            m_panel->setEnabled(false);
        }
    }
    if (m_figure.series.empty()) {
        m_empty->setText(tr("No %1 data for the selected samples.\nImport files with File → Import, or drop them on this window.")
                             .arg(techniqueDisplayName(m_technique)));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_plot->setFigure(m_figure);
    m_stack->setCurrentWidget(m_plot);
}

void TechniqueTab::setParams(Id datasetId, const QJsonObject& params, int mergeKey)
{
    if (!m_project || !m_method) return;
    const Dataset* d = m_project->dataset(datasetId);
    if (!d) return;
    AnalysisRun run;
    for (const AnalysisRun* r : m_project->runsOf(datasetId))
        if (r->analysisId == m_method->id) run = *r;
    if (!run.id) {
        run.id = m_project->allocateId();
        run.datasetId = datasetId;
        run.analysisId = m_method->id;
    }
    if (run.params == params && run.status != RunStatus::Stale) return;
    run.analysisVersion = m_method->version;
    run.params = params;
    const auto& r = resultOf(*d, params);
    run.result = r.first;
    run.status = r.second.isEmpty() ? RunStatus::Ok : RunStatus::Failed;
    // Spin-box steps of one editing session merge; the key folds in the dataset so that sessions
    // on different samples never merge.
    const int key = mergeKey >= 0 ? int((qHash(datasetId) ^ uint(mergeKey)) & 0x3fffffff) : -1;
    m_project->undoStack()->push(new SetRunCommand(m_project, run, key));
}

void TechniqueTab::applyToAll()
{
    if (!m_project || !m_method || !m_currentDataset) return;
    const QJsonObject params = paramsOf(m_currentDataset);
    m_project->undoStack()->beginMacro(tr("Apply %1 parameters to all samples").arg(m_method->id));
    for (const Sample* s : m_project->samples())
        for (const Dataset* d : m_project->datasetsOf(s->id, m_technique))
            if (d->kind() == m_kind->currentText()) setParams(d->id(), params, -1);
    m_project->undoStack()->endMacro();
}

} // namespace vanadis
