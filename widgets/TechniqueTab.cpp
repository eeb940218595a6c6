#include "widgets/TechniqueTab.h"

#include "analysis/AnalysisRegistry.h"
#include "analysis/ApplyToSamples.h"
#include "analysis/ComputeService.h"
#include "analysis/PointEditing.h"
#include "analysis/RawFigure.h"
#include "model/Commands.h"
#include "model/DatasetType.h"
#include "model/Project.h"
#include "widgets/ParamForm.h"
#include "widgets/ProjectTree.h"
#include "widgets/ResultView.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QCursor>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolTip>
#include <QUndoStack>

namespace vanadis {

TechniqueTab::TechniqueTab(Technique technique, QWidget* parent) : QWidget(parent), m_technique(technique)
{
    setObjectName("tab_" + techniqueKey(technique));
    auto* bar = new QHBoxLayout;
    auto* kindLabel = new QLabel(tr("&View:"));
    m_kind = new QComboBox;
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind->setAccessibleName(tr("Analysis or kind of data shown"));
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
    auto* sampleLabel = new QLabel(tr("&Dataset:"));
    m_sampleChoice = new QComboBox;
    m_sampleChoice->setAccessibleName(tr("Dataset whose parameters and results are shown"));
    sampleLabel->setBuddy(m_sampleChoice);
    sampleRow->addWidget(sampleLabel);
    sampleRow->addWidget(m_sampleChoice, 1);
    panelLayout->addLayout(sampleRow);
    // Stale / computing / failed: what the stored result is, with the one action that helps.
    m_statusBar = new QWidget;
    auto* statusRow = new QHBoxLayout(m_statusBar);
    statusRow->setContentsMargins(4, 2, 4, 2);
    m_statusText = new QLabel;
    m_statusText->setWordWrap(true);
    m_statusButton = new QPushButton;
    statusRow->addWidget(m_statusText, 1);
    statusRow->addWidget(m_statusButton);
    m_statusBar->setStyleSheet("QWidget { background: #fef3c7; }");
    m_statusBar->hide();
    panelLayout->addWidget(m_statusBar);
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
    // Files written from the result (XRD: the instrument function of a standard); filled per analysis.
    m_resultFiles = new QPushButton(tr("Save from result"));
    m_resultFiles->setMenu(new QMenu(m_resultFiles));
    m_resultFiles->hide();
    resultsLayout->addWidget(m_resultFiles, 0, Qt::AlignRight);
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
        // Entering the view of an analysis the user starts (GITT, which also reads cycling records):
        // show a dataset it was run on rather than the one the previous view showed.
        const int k = m_kind->currentIndex();
        if (!m_keepDataset && m_project && k >= 0 && size_t(k) < m_views.size())
            if (const AnalysisDescriptor* a = m_views[size_t(k)].analysis;
                a && !a->automatic && !m_project->runFor(m_currentDataset, a->id))
                m_currentDataset = 0;
        m_figureChoice->blockSignals(true);
        m_figureChoice->clear();
        m_figureChoice->blockSignals(false);
        rebuild();
    });
    connect(m_figureChoice, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_sampleChoice, &QComboBox::activated, this, [this] {
        m_currentDataset = m_sampleChoice->currentData().toLongLong();
        if (const Sample* s = m_project ? m_project->sampleOfDataset(m_currentDataset) : nullptr)
            m_currentSample = s->id;
        rebuild();
    });
    connect(m_statusButton, &QPushButton::clicked, this, [this] {
        if (!m_compute || !m_method || !m_project || !m_currentDataset) return;
        const AnalysisRun* r = ensureRun(m_currentDataset);
        if (!r) return;
        if (m_compute->isComputing(r->id))
            m_compute->cancel(r->id);
        else
            m_compute->request(r->id);
        updateStatus();
    });
    connect(exportButton, &QPushButton::clicked, this, &TechniqueTab::exportRequested);
    connect(m_form, &ParamForm::edited, this, [this](const QJsonObject& values, int mergeKey) {
        if (m_currentDataset) setParams(m_currentDataset, values, mergeKey);
    });
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        if (m_currentDataset && m_method) setParams(m_currentDataset, effectiveParams(*m_method, {}), -1);
    });
    connect(m_applyAll, &QPushButton::clicked, this, &TechniqueTab::applyToAll);
    connect(m_plot, &PlotView::spanEdited, this, [this](int spanId, double lo, double hi, bool finished) {
        if (!m_method || !m_currentDataset) return;
        const auto decl = m_method->figure(currentFigureId());
        if (!decl) return;
        const auto binding = std::find_if(decl->spans.begin(), decl->spans.end(),
                                          [&](const SpanBinding& b) { return b.spanId == spanId; });
        if (binding == decl->spans.end()) return;
        QJsonObject params = paramsOf(m_currentDataset);
        params[binding->minKey] = lo;
        params[binding->maxKey] = hi;
        if (finished) {
            // One undo step per drag; the live preview below does not touch the project.
            m_preview.clear();
            setParams(m_currentDataset, params, -1);
        } else if (m_compute) {
            if (const AnalysisRun* r = ensureRun(m_currentDataset)) {
                const Id ds = m_currentDataset;
                m_compute->preview(r->id, params, [this, ds](const RunOutcome& o) {
                    if (ds != m_currentDataset || !m_method) return;
                    m_results->setResult(o.result, o.message, m_method->outputs(),
                                         tr("Preview while dragging"));
                });
            }
        }
    });
    connect(m_plot, &PlotView::pointRequested, this, &TechniqueTab::addPoint);
    connect(m_plot, &PlotView::markerRemoveRequested, this, &TechniqueTab::removePoint);
    connect(m_plot, &PlotView::markerMoved, this, &TechniqueTab::movePoint);
    m_panel->hide();
    m_figureLabel->hide();
    m_figureChoice->hide();
}

void TechniqueTab::setProject(Project* project)
{
    if (m_project) disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    m_preview.clear();
    // Results arrive one run at a time: one rebuild per event-loop turn, after the last of them.
    if (m_project)
        connect(m_project, &Project::runChanged, this, [this](Id runId) {
            // Only runs of this technique matter; a hidden tab catches up when it is shown.
            if (const AnalysisRun* r = m_project->run(runId))
                if (const AnalysisDescriptor* a = analysisById(r->analysisId);
                    a && !a->forTechnique(m_technique))
                    return;
            if (!isVisible()) {
                m_dirty = true;
                return;
            }
            if (m_rebuildPending) return;
            m_rebuildPending = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_rebuildPending = false;
                    rebuild();
                },
                Qt::QueuedConnection);
        });
}

void TechniqueTab::setComputeService(ComputeService* service)
{
    if (m_compute) disconnect(m_compute, nullptr, this, nullptr);
    m_compute = service;
    if (m_compute) {
        connect(m_compute, &ComputeService::runStarted, this, &TechniqueTab::updateStatus);
        connect(m_compute, &ComputeService::runFinished, this, &TechniqueTab::updateStatus);
    }
}

const FigureSpec& TechniqueTab::figure() const
{
    if (m_dirty) const_cast<TechniqueTab*>(this)->rebuild();
    return m_figure;
}

QString TechniqueTab::currentKind() const
{
    return m_kind->currentText();
}

void TechniqueTab::setCurrentKind(const QString& kind)
{
    const int i = m_kind->findText(kind);
    if (i >= 0) m_kind->setCurrentIndex(i);
}

int TechniqueTab::currentFigure() const
{
    return std::max(0, m_figureChoice->currentIndex());
}

void TechniqueTab::setCurrentFigure(int index)
{
    if (index >= 0 && index < m_figureChoice->count()) m_figureChoice->setCurrentIndex(index);
}

QString TechniqueTab::currentFigureId() const
{
    return m_method && m_figureChoice->currentIndex() >= 0 ? m_figureChoice->currentData().toString()
                                                           : QStringLiteral("raw");
}

bool TechniqueTab::setCurrentFigureId(const QString& id)
{
    const int i = m_figureChoice->findData(id);
    if (i >= 0) m_figureChoice->setCurrentIndex(i);
    return i >= 0;
}

const Dataset* TechniqueTab::currentDataset() const
{
    return m_project ? m_project->dataset(m_currentDataset) : nullptr;
}

std::vector<TechniqueTab::View> TechniqueTab::views() const
{
    std::vector<View> out;
    if (!m_project) return out;
    std::vector<const Dataset*> all;
    for (Id sid : m_samples)
        for (const Dataset* d : m_project->datasetsOf(sid, m_technique))
            all.push_back(d);
    // Analyses that run by themselves first (in registration order), then the raw groups of what none
    // of them reads, then the analyses the user starts (curve fit).
    auto addAnalyses = [&](bool automatic) {
        for (const AnalysisDescriptor* a : analyses()) {
            if (a->automatic != automatic || !a->forTechnique(m_technique)) continue;
            if (std::none_of(all.begin(), all.end(), [&](const Dataset* d) { return a->accepts(*d); }))
                continue;
            // Titled by the type of the data it shows ("GITT", or "Cycling record" for a GITT run a
            // cycler exported as a record); when the project holds several of its types, by its name,
            // not by the list of every type it could read.
            QStringList types;
            for (const QString& t : a->input.types)
                if (std::any_of(all.begin(), all.end(), [&](const Dataset* d) { return d->type() == t; }))
                    types << datasetTypeDisplayName(t);
            const QString name =
                QCoreApplication::translate("vanadis::Analysis", a->name.toUtf8().constData());
            QString title =
                a->input.types.contains(QStringLiteral("*")) || types.size() != 1 ? name : types.front();
            // Two analyses of the same data type, or an analysis titled as a raw group: the name tells
            // their views apart.
            for (View& v : out)
                if (v.title == title && v.analysis) {
                    v.title += QStringLiteral(" — ") + v.analysis->name;
                    title += QStringLiteral(" — ") + a->name;
                } else if (v.analysis && v.title.startsWith(title + QStringLiteral(" — "))) {
                    title += QStringLiteral(" — ") + a->name;
                } else if (!v.analysis && v.title == title && title != name) {
                    title += QStringLiteral(" — ") + name;
                }
            out.push_back({title, a, {}});
        }
    };
    addAnalyses(true);
    for (const Dataset* d : all) {
        const auto readers = analysesFor(*d);
        if (std::any_of(readers.begin(), readers.end(),
                        [](const AnalysisDescriptor* a) { return a->automatic; }))
            continue;
        const QString g = datasetGroupName(*d);
        if (std::none_of(out.begin(), out.end(), [&](const View& v) { return v.rawGroup == g; }))
            out.push_back({g, nullptr, g});
    }
    addAnalyses(false);
    return out;
}

void TechniqueTab::refresh(const std::vector<Id>& sampleIds, Id currentSample,
                           const std::vector<Id>& datasetIds, Id currentDataset)
{
    m_samples = sampleIds;
    m_pickedDatasets = datasetIds;
    if (currentSample) m_currentSample = currentSample;
    if (currentDataset) m_currentDataset = currentDataset;
    const QString keep = m_kind->currentText();
    m_views = views();
    m_kind->blockSignals(true);
    m_kind->clear();
    for (const View& v : m_views)
        m_kind->addItem(v.title);
    const int i = m_kind->findText(keep);
    m_kind->setCurrentIndex(i >= 0 ? i : 0);
    m_kind->blockSignals(false);
    m_kind->setEnabled(m_views.size() > 1);
    // A hidden tab is brought up to date when it is shown (or its figure is asked for).
    if (isVisible())
        rebuild();
    else
        m_dirty = true;
}

bool TechniqueTab::showDataset(Id datasetId)
{
    const Dataset* d = m_project ? m_project->dataset(datasetId) : nullptr;
    if (!d || d->technique() != m_technique) return false;
    // The current view first: a pattern of an in-situ series stays in the series view when picked there.
    std::vector<size_t> order;
    if (m_kind->currentIndex() >= 0 && size_t(m_kind->currentIndex()) < m_views.size())
        order.push_back(size_t(m_kind->currentIndex()));
    for (size_t i = 0; i < m_views.size(); ++i)
        if (order.empty() || i != order.front()) order.push_back(i);
    for (size_t i : order) {
        const View& v = m_views[i];
        if ((v.analysis && v.analysis->accepts(*d)) || (!v.analysis && v.rawGroup == datasetGroupName(*d))) {
            m_currentDataset = datasetId;
            if (const Sample* s = m_project->sampleOfDataset(datasetId)) m_currentSample = s->id;
            m_keepDataset = true;
            if (m_kind->currentIndex() != int(i))
                m_kind->setCurrentIndex(int(i)); // rebuilds
            else
                rebuild();
            m_keepDataset = false;
            return true;
        }
    }
    return false;
}

QJsonObject TechniqueTab::paramsOf(Id datasetId) const
{
    if (!m_method || !m_project) return {};
    const AnalysisRun* r = m_project->runFor(datasetId, m_method->id);
    return effectiveParams(*m_method, r ? r->params : QJsonObject());
}

const AnalysisRun* TechniqueTab::ensureRun(Id datasetId)
{
    if (!m_project || !m_method) return nullptr;
    if (const AnalysisRun* r = m_project->runFor(datasetId, m_method->id)) return r;
    // A dataset shown for the first time gets the analysis with its defaults: derived data, no undo step.
    AnalysisRun run = defaultRun(*m_project, *m_method, datasetId);
    run.id = m_project->allocateId();
    m_project->upsertRun(run);
    return m_project->run(run.id);
}

void TechniqueTab::updateStatus()
{
    const AnalysisRun* r =
        m_method && m_project ? m_project->runFor(m_currentDataset, m_method->id) : nullptr;
    if (!r && m_method && !m_method->automatic && m_currentDataset && m_compute) {
        m_statusText->setText(tr("Not run on this dataset yet: set the parameters, then run it."));
        m_statusButton->setText(tr("Run"));
        m_statusBar->show();
        return;
    }
    if (!r || !m_compute) {
        m_statusBar->hide();
        return;
    }
    if (m_compute->isComputing(r->id)) {
        m_statusText->setText(tr("Computing…"));
        m_statusButton->setText(tr("Cancel"));
        m_statusBar->show();
    } else if (r->status == RunStatus::Stale) {
        m_statusText->setText(r->message.isEmpty() ? tr("The result does not match the parameters yet.")
                                                   : r->message);
        m_statusButton->setText(tr("Recompute"));
        m_statusBar->show();
    } else {
        m_statusBar->hide();
    }
}

void TechniqueTab::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (m_dirty) rebuild();
}

void TechniqueTab::rebuild()
{
    m_dirty = false;
    if (m_inRebuild) return; // runs created below signal back
    m_inRebuild = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{m_inRebuild};
    const int viewIndex = m_kind->currentIndex();
    const View view = viewIndex >= 0 && viewIndex < int(m_views.size()) ? m_views[size_t(viewIndex)] : View{};
    m_method = m_project ? view.analysis : nullptr;
    m_panel->setVisible(m_method != nullptr);
    {
        QMenu* menu = m_resultFiles->menu();
        menu->clear();
        const std::vector<ResultFileAction> actions =
            m_method && m_method->resultFiles ? m_method->resultFiles() : std::vector<ResultFileAction>{};
        for (const ResultFileAction& ra : actions)
            menu->addAction(ra.label, this, [this, ra] {
                const Dataset* d = currentDataset();
                const QString start = d ? QFileInfo(d->provenance().originalFileName).completeBaseName() +
                                              "." + ra.defaultSuffix
                                        : QString();
                QString path = QFileDialog::getSaveFileName(this, ra.label, start, ra.fileFilter);
                if (path.isEmpty()) return;
                if (QFileInfo(path).suffix().isEmpty()) path += "." + ra.defaultSuffix;
                if (auto ok = saveResultFile(ra.id, path); !ok)
                    QMessageBox::warning(this, ra.label, QString::fromStdString(ok.error().message()));
            });
        m_resultFiles->setVisible(!actions.empty());
        if (actions.size() == 1) m_resultFiles->setText(actions.front().label);
    }
    m_figureLabel->setVisible(m_method != nullptr);
    m_figureChoice->setVisible(m_method != nullptr);
    m_viewDatasets.clear();
    if (!m_method) {
        m_figure = m_project ? rawFigure(*m_project, m_technique, m_samples, view.rawGroup) : FigureSpec{};
    } else {
        const std::vector<FigureDecl> decls = m_method->figures();
        bool sameFigures = m_figureChoice->count() == int(decls.size());
        for (int i = 0; sameFigures && i < int(decls.size()); ++i)
            sameFigures = m_figureChoice->itemData(i).toString() == decls[size_t(i)].id;
        if (!sameFigures) {
            m_figureChoice->blockSignals(true);
            m_figureChoice->clear();
            for (const FigureDecl& f : decls)
                m_figureChoice->addItem(f.name, f.id);
            m_figureChoice->blockSignals(false);
        }
        // Every dataset of the selected samples that the analysis reads (or those picked in the tree).
        for (Id sid : m_samples)
            for (const Dataset* d : m_project->datasetsOf(sid, m_technique)) {
                if (!m_method->accepts(*d)) continue;
                if (!m_pickedDatasets.empty() && std::find(m_pickedDatasets.begin(), m_pickedDatasets.end(),
                                                           d->id()) == m_pickedDatasets.end())
                    continue;
                m_viewDatasets.push_back(d->id());
            }
        if (std::find(m_viewDatasets.begin(), m_viewDatasets.end(), m_currentDataset) ==
            m_viewDatasets.end()) {
            // Keep the current sample: its first dataset of the view, else the first dataset. An
            // analysis the user starts prefers a dataset it was run on (GITT also reads cycling
            // records, which are rarely GITTs).
            Id first = 0, withRun = 0, anyWithRun = 0;
            for (Id id : m_viewDatasets) {
                const bool hasRun = m_method->automatic || m_project->runFor(id, m_method->id);
                if (hasRun && !anyWithRun) anyWithRun = id;
                const Sample* s = m_project->sampleOfDataset(id);
                if (!s || s->id != m_currentSample) continue;
                if (!first) first = id;
                if (hasRun && !withRun) withRun = id;
            }
            m_currentDataset = withRun      ? withRun
                               : first      ? first
                               : anyWithRun ? anyWithRun
                                            : (m_viewDatasets.empty() ? 0 : m_viewDatasets.front());
        }
        const auto inputs = figureInputs(*m_project, *m_method, m_viewDatasets);
        m_sampleChoice->blockSignals(true);
        m_sampleChoice->clear();
        for (const FigureInput& in : inputs)
            m_sampleChoice->addItem(sampleIcon(in.sample->color), in.legend, qint64(in.dataset->id()));
        m_sampleChoice->setCurrentIndex(m_sampleChoice->findData(qint64(m_currentDataset)));
        m_sampleChoice->blockSignals(false);

        // Runs that are missing or were edited are computed in the background; results arrive
        // through Project::runChanged, which rebuilds this tab.
        for (Id id : m_viewDatasets) {
            // An analysis the user starts (a curve fit) is not created for every dataset shown.
            const AnalysisRun* r = m_method->automatic ? ensureRun(id) : m_project->runFor(id, m_method->id);
            if (r && r->status == RunStatus::Stale && r->message.isEmpty() && m_compute &&
                !m_compute->isComputing(r->id))
                m_compute->request(r->id);
        }
        m_figure = analysisFigure(*m_project, *m_method, currentFigureId(), m_viewDatasets, m_currentDataset,
                                  m_preview);
        m_form->setSchema(m_method->params());
        if (const Dataset* d = currentDataset()) {
            const AnalysisRun* r = m_project->runFor(d->id(), m_method->id);
            m_form->setValues(paramsOf(d->id()));
            std::vector<std::pair<qint64, QString>> choices;
            QStringList choiceTypes;
            // Only datasets a reference parameter accepts (XRD: crystal structures, not other patterns).
            QStringList refTypes;
            for (const ParamSpec& ps : m_method->params())
                if (ps.type == ParamSpec::Type::DatasetRef) refTypes << ps.datasetTypes;
            for (const auto& [id, other] : m_project->allDatasets())
                // A reference may be of another technique (the cycling record beside an in-situ series).
                if (id != d->id() &&
                    (refTypes.isEmpty() ? other.technique() == m_technique : refTypes.contains(other.type())))
                    if (const Sample* s = m_project->sampleOfDataset(id))
                        choices.emplace_back(id, s->name + " · " + other.displayLabel()),
                            choiceTypes << other.type();
            m_form->setDatasetChoices(choices, choiceTypes);
            const QString error = r && r->status == RunStatus::Failed ? r->message : QString();
            m_results->setResult(r ? r->result : QJsonObject(), error, m_method->outputs());
            m_panel->setEnabled(true);
        } else {
            m_results->setResult({});
            m_panel->setEnabled(false);
        }
    }
    updateStatus();
    if (m_figure.series.empty()) {
        m_empty->setText(tr("No %1 data for the selected samples.\nImport files with File → Import, or drop "
                            "them on this window.")
                             .arg(techniqueDisplayName(m_technique)));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    // A figure whose points the user edits keeps its zoom while the results of the edits come in.
    const auto decl = m_method ? m_method->figure(currentFigureId()) : std::nullopt;
    const QString shown = (m_method ? m_method->id : QString()) + '/' + currentFigureId() + '/' +
                          QString::number(m_currentDataset);
    if (decl && !decl->points.empty() && shown == m_shownFigure)
        m_plot->updateFigure(m_figure);
    else
        m_plot->setFigure(m_figure);
    m_shownFigure = shown;
    updateMarkers();
    m_stack->setCurrentWidget(m_plot);
}

namespace {

/// "31.25 °" in the unit of the row field of the list parameter.
QString pointText(const AnalysisDescriptor& a, const PointBinding& b, double x)
{
    QString unit;
    for (const ParamSpec& s : a.params())
        if (s.key == b.listKey)
            for (const ParamSpec& c : s.columns)
                if (c.key == b.field) unit = c.unit;
    const QString number = QLocale().toString(x, 'f', 2);
    return unit.isEmpty() ? number : unit == QLatin1String("°") ? number + unit : number + " " + unit;
}

PlotMarkerSet markerSet(int id, const PointBinding& b, const std::vector<PointMarker>& markers)
{
    PlotMarkerSet set{id, {}, b.color, b.draggable};
    for (const PointMarker& m : markers) {
        set.x.push_back(m.x);
        set.linked.push_back(m.linked);
        set.tips.push_back(m.tip);
    }
    return set;
}

} // namespace

QJsonObject TechniqueTab::resultOf(Id datasetId) const
{
    // Only a result computed from the parameters shown: point bindings read it as "what these
    // parameters gave" (an XPS preset's start rows).
    const AnalysisRun* r = m_method && m_project ? m_project->runFor(datasetId, m_method->id) : nullptr;
    return r && r->status == RunStatus::Ok ? r->result : QJsonObject();
}

Expected<void> TechniqueTab::saveResultFile(const QString& actionId, const QString& path) const
{
    if (!m_method || !m_method->resultFiles || !m_project)
        return fail("", "", tr("This analysis writes no files.").toStdString());
    const Dataset* d = currentDataset();
    const AnalysisRun* r = d ? m_project->runFor(d->id(), m_method->id) : nullptr;
    if (!r || r->status != RunStatus::Ok)
        return fail("", "", tr("There is no up-to-date result to save: compute it first.").toStdString());
    for (const ResultFileAction& ra : m_method->resultFiles()) {
        if (ra.id != actionId) continue;
        const QString input =
            d->provenance().originalFileName.isEmpty() ? d->name() : d->provenance().originalFileName;
        auto bytes = ra.write(r->result, input);
        if (!bytes) return std::unexpected(bytes.error());
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.commit())
            return fail(path.toStdString(), "",
                        tr("cannot write the file (%1)").arg(f.errorString()).toStdString());
        return {};
    }
    return fail("", "", "no result file '" + actionId.toStdString() + "'");
}

void TechniqueTab::updateMarkers()
{
    std::vector<PlotMarkerSet> sets;
    bool dbl = false, shift = false, ctrl = false;
    if (m_method && m_currentDataset)
        if (const auto decl = m_method->figure(currentFigureId())) {
            const QJsonObject params = paramsOf(m_currentDataset);
            const QJsonObject result = resultOf(m_currentDataset);
            for (std::size_t i = 0; i < decl->points.size(); ++i) {
                const PointBinding& b = decl->points[i];
                sets.push_back(markerSet(int(i), b, pointMarkers(b, params, result)));
                if (b.append == PointBinding::Append::DoubleClick) dbl = true;
                if (b.append == PointBinding::Append::ShiftClick) shift = true;
                if (b.append == PointBinding::Append::CtrlClick) ctrl = true;
            }
        }
    m_plot->setMarkers(sets);
    m_plot->setPointGestures(dbl, shift, ctrl);
}

void TechniqueTab::refusedEdit(const Error& e)
{
    // A gesture the analysis refuses (a tied centre, the last component) says why where the pointer is.
    QToolTip::showText(QCursor::pos(), QString::fromStdString(e.reason), m_plot);
}

void TechniqueTab::addPoint(double x, PlotView::PointGesture gesture)
{
    if (!m_method || !m_currentDataset) return;
    const auto decl = m_method->figure(currentFigureId());
    if (!decl) return;
    const auto want = gesture == PlotView::PointGesture::ShiftClick  ? PointBinding::Append::ShiftClick
                      : gesture == PlotView::PointGesture::CtrlClick ? PointBinding::Append::CtrlClick
                                                                     : PointBinding::Append::DoubleClick;
    for (const PointBinding& b : decl->points) {
        if (b.append != want) continue;
        auto edit = pointAdded(b, paramsOf(m_currentDataset), resultOf(m_currentDataset), x);
        if (!edit) {
            refusedEdit(edit.error());
            return;
        }
        setParams(m_currentDataset, edit->params, -1,
                  edit->text.isEmpty() ? tr("Add %1 at %2").arg(b.label, pointText(*m_method, b, x))
                                       : edit->text);
        updateMarkers();
        return;
    }
}

void TechniqueTab::removePoint(int binding, int index)
{
    if (!m_method || !m_currentDataset) return;
    const auto decl = m_method->figure(currentFigureId());
    if (!decl || binding < 0 || size_t(binding) >= decl->points.size()) return;
    const PointBinding& b = decl->points[size_t(binding)];
    const QJsonObject params = paramsOf(m_currentDataset), result = resultOf(m_currentDataset);
    const std::vector<PointMarker> markers = pointMarkers(b, params, result);
    if (index < 0 || size_t(index) >= markers.size()) return;
    auto edit = pointRemoved(b, params, result, index);
    if (!edit) {
        refusedEdit(edit.error());
        return;
    }
    setParams(m_currentDataset, edit->params, -1,
              edit->text.isEmpty()
                  ? tr("Remove %1 at %2").arg(b.label, pointText(*m_method, b, markers[size_t(index)].x))
                  : edit->text);
    updateMarkers();
}

void TechniqueTab::movePoint(int binding, int index, double x, bool finished)
{
    if (!m_method || !m_currentDataset) return;
    const auto decl = m_method->figure(currentFigureId());
    if (!decl || binding < 0 || size_t(binding) >= decl->points.size()) return;
    const PointBinding& b = decl->points[size_t(binding)];
    const QJsonObject params = paramsOf(m_currentDataset), result = resultOf(m_currentDataset);
    const std::vector<PointMarker> markers = pointMarkers(b, params, result);
    if (index < 0 || size_t(index) >= markers.size()) return;
    auto edit = pointMoved(b, params, result, index, x);
    if (!edit) {
        if (finished) {
            m_preview.clear();
            updateMarkers();
            refusedEdit(edit.error());
        }
        return;
    }
    if (finished) {
        // One undo step per drag; the previews below do not touch the project.
        m_preview.clear();
        setParams(m_currentDataset, edit->params, -1,
                  edit->text.isEmpty() ? tr("Move %1 from %2 to %3")
                                             .arg(b.label, pointText(*m_method, b, markers[size_t(index)].x),
                                                  pointText(*m_method, b, x))
                                       : edit->text);
        return;
    }
    // Markers linked to the one held (a doublet partner) follow it while it moves.
    std::vector<PlotMarkerSet> sets = m_plot->markers();
    if (size_t(binding) < sets.size())
        sets[size_t(binding)] = markerSet(binding, b, pointMarkers(b, edit->params, {}));
    m_plot->setMarkers(sets);
    if (!m_compute) return;
    const AnalysisRun* r = ensureRun(m_currentDataset);
    if (!r) return;
    const Id ds = m_currentDataset;
    // The refit follows the marker: each preview result redraws the figure, keeping the zoom.
    m_compute->preview(r->id, edit->params, [this, ds](const RunOutcome& o) {
        if (ds != m_currentDataset || !m_method || !m_project) return;
        m_results->setResult(o.result, o.message, m_method->outputs(), tr("Preview while dragging"));
        if (o.status != RunStatus::Ok) return;
        m_preview[ds] = o.result;
        m_figure = analysisFigure(*m_project, *m_method, currentFigureId(), m_viewDatasets, m_currentDataset,
                                  m_preview);
        m_plot->updateFigure(m_figure);
        Q_EMIT previewShown();
    });
}

void TechniqueTab::setParams(Id datasetId, const QJsonObject& params, int mergeKey, const QString& givenText)
{
    if (!m_project || !m_method) return;
    const AnalysisRun* existing = ensureRun(datasetId);
    if (!existing) return;
    AnalysisRun run = *existing;
    const QJsonObject before = effectiveParams(*m_method, run.params);
    if (run.params == params && run.status != RunStatus::Stale) return;
    run.analysisVersion = m_method->version;
    run.params = params;
    // The result of the old parameters stays visible until the new one arrives.
    run.status = RunStatus::Stale;
    run.message.clear();
    // Spin-box steps of one editing session merge; the key folds in the dataset so that sessions
    // on different datasets never merge.
    const int key = mergeKey >= 0 ? int((qHash(datasetId) ^ uint(mergeKey)) & 0x3fffffff) : -1;
    QString text = givenText.isEmpty() ? describeParamChange(*m_method, before, params) : givenText;
    if (const Sample* s = m_project->sampleOfDataset(datasetId)) text = s->name + ": " + text;
    m_project->undoStack()->push(new SetRunCommand(m_project, run, key, text));
    if (m_compute) m_compute->request(run.id);
}

void TechniqueTab::applyToAll()
{
    if (!m_project || !m_method || !m_currentDataset) return;
    const QJsonObject params = paramsOf(m_currentDataset);
    // The matching datasets only (for XPS: the same region), with references re-pointed to each
    // sample's own datasets (ApplyToSamples.h); every changed run is refitted.
    m_project->undoStack()->beginMacro(tr("Apply %1 parameters to all samples").arg(m_method->name));
    for (Id d : applyTargets(*m_project, *m_method, m_currentDataset))
        setParams(d, paramsForTarget(*m_project, *m_method, params, m_currentDataset, d), -1);
    m_project->undoStack()->endMacro();
}

} // namespace vanadis
