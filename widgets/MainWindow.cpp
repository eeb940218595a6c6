#include "widgets/MainWindow.h"

#include "analysis/ComputeService.h"
#include "io/MessageText.h"

#include "analysis/DemoProject.h"
#include "io/ProjectDocument.h"
#include "io/import/DelimitedTextImporter.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"
#include "model/Commands.h"
#include "widgets/ColumnMappingDialog.h"
#include "widgets/CompareTab.h"
#include "widgets/ExportFigureDialog.h"
#include "widgets/MessagePanel.h"
#include "widgets/ProjectTree.h"
#include "widgets/SamplePanel.h"
#include "widgets/TechniqueTab.h"
#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

namespace vanadis {

namespace {
constexpr int kMaxRecent = 10;
constexpr int kAutosaveMs = 2 * 60 * 1000;
const char* const kFileFilter = QT_TRANSLATE_NOOP("vanadis::MainWindow", "Vanadis projects (*.vanadis)");
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName("MainWindow");
    setWindowIcon(QIcon(":/icons/vanadis.svg"));
    setAcceptDrops(true);
    setDockOptions(AllowTabbedDocks | AnimatedDocks);
    m_compute = new ComputeService(this);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    for (Technique t : allTechniques()) {
        auto* tab = new TechniqueTab(t);
        tab->setComputeService(m_compute);
        connect(tab, &TechniqueTab::exportRequested, this, &MainWindow::exportCurrentFigure);
        m_techniqueTabs.push_back(tab);
        m_tabs->addTab(tab, techniqueDisplayName(t));
    }
    m_compare = new CompareTab;
    m_tabs->addTab(m_compare, tr("Compare"));
    setCentralWidget(m_tabs);

    createDocks();
    createActions();
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();

    QSettings settings;
    resize(1280, 820);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray(), 1);
    setDocument(ProjectDocument::createNew(tr("Untitled series")));
    statusBar()->showMessage(tr("Ready. Open a project, the demo series, or drop instrument files here."));
}

MainWindow::~MainWindow()
{
    // Views hold a pointer to the project: detach them before the document goes.
    m_tree->setProject(nullptr);
    m_samplePanel->setProject(nullptr);
    m_history->setStack(nullptr);
    for (TechniqueTab* t : m_techniqueTabs)
        t->setProject(nullptr);
}

void MainWindow::createDocks()
{
    m_tree = new ProjectTree;
    auto* treeDock = new QDockWidget(tr("Samples"), this);
    treeDock->setObjectName("dock_samples");
    treeDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    m_samplePanel = new SamplePanel;
    auto* propDock = new QDockWidget(tr("Properties"), this);
    propDock->setObjectName("dock_properties");
    propDock->setWidget(m_samplePanel);
    addDockWidget(Qt::LeftDockWidgetArea, propDock);

    m_history = new QUndoView;
    m_history->setEmptyLabel(tr("<opened>"));
    auto* histDock = new QDockWidget(tr("History"), this);
    histDock->setObjectName("dock_history");
    histDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, histDock);

    m_messages = new MessagePanel;
    auto* msgDock = new QDockWidget(tr("Messages"), this);
    msgDock->setObjectName("dock_messages");
    msgDock->setWidget(m_messages);
    addDockWidget(Qt::BottomDockWidgetArea, msgDock);
    histDock->hide();
    // Defaults for a first start; a saved window state overrides them.
    resizeDocks({msgDock}, {110}, Qt::Vertical);
    resizeDocks({treeDock, propDock}, {330, 330}, Qt::Horizontal);

    connect(m_tree, &ProjectTree::sampleSelectionChanged, this, [this] {
        m_samplePanel->setSample(m_tree->currentSampleId());
        refreshViews();
    });
    connect(m_tree, &ProjectTree::datasetActivated, this, [this](Id id) {
        const Dataset* d = m_doc ? m_doc->project().dataset(id) : nullptr;
        if (!d) return;
        if (TechniqueTab* tab = techniqueTab(d->technique())) {
            m_tabs->setCurrentWidget(tab);
            tab->showDataset(id);
        }
    });
    connect(m_tree, &ProjectTree::removeDatasetRequested, this, [this](Id id) {
        m_doc->project().undoStack()->push(new RemoveDatasetCommand(&m_doc->project(), id));
    });
    connect(m_tree, &ProjectTree::removeSampleRequested, this, [this](Id id) {
        m_doc->project().undoStack()->push(new RemoveSampleCommand(&m_doc->project(), id));
    });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New series"), QKeySequence::New, this, [this] {
        if (maybeSave()) setDocument(ProjectDocument::createNew(tr("Untitled series")));
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        if (!maybeSave()) return;
        const QString p = QFileDialog::getOpenFileName(
            this, tr("Open project"), QSettings().value("dirs/project").toString(), tr(kFileFilter));
        if (!p.isEmpty()) openProject(p);
    });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addAction(tr("Open &demo series"), this, [this] {
        if (maybeSave()) openDemo();
    });
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] { saveAs(); });
    file->addSeparator();
    file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import instrument files"),
                                                                QSettings().value("dirs/import").toString());
        if (!files.isEmpty()) {
            QSettings().setValue("dirs/import", QFileInfo(files.first()).absolutePath());
            importFiles(files);
        }
    });
    file->addAction(tr("&Export figure…"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportCurrentFigure);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu* sample = menuBar()->addMenu(tr("&Sample"));
    sample->addAction(tr("&Add sample…"), this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Add sample"), tr("Sample name:"), QLineEdit::Normal, {}, &ok);
        if (!ok || name.trimmed().isEmpty()) return;
        Project& p = m_doc->project();
        const Sample s = makeSample(p.allocateId(), name.trimmed(), int(p.samples().size()));
        p.undoStack()->push(new AddSampleCommand(&p, s));
        m_tree->selectSample(s.id);
    });
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Vanadis"), this, [this] {
        QMessageBox::about(
            this, tr("About Vanadis"),
            tr("<b>Vanadis %1</b><p>XRD, XPS, BET, TGA and electrochemistry of a sample series in one "
               "place.</p><p>GPL-3.0-or-later. Plots by QCustomPlot.</p>")
                .arg(VANADIS_VERSION));
    });
}

void MainWindow::setDocument(std::unique_ptr<ProjectDocument> doc)
{
    if (m_undoAction) {
        m_editMenu->removeAction(m_undoAction);
        m_editMenu->removeAction(m_redoAction);
        delete m_undoAction;
        delete m_redoAction;
    }
    m_tree->setProject(nullptr);
    m_samplePanel->setProject(nullptr);
    m_history->setStack(nullptr);
    for (TechniqueTab* t : m_techniqueTabs)
        t->setProject(nullptr);
    m_doc = std::move(doc);
    Project& p = m_doc->project();
    m_undoAction = p.undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = p.undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_history->setStack(p.undoStack());
    m_compute->setProject(&p);
    for (TechniqueTab* t : m_techniqueTabs)
        t->setProject(&p);
    m_tree->setProject(&p);
    m_samplePanel->setProject(&p);
    for (auto sig : {&Project::modelReset, &Project::seriesChanged})
        connect(&p, sig, this, &MainWindow::refreshViews);
    connect(&p, &Project::sampleChanged, this, &MainWindow::refreshViews);
    connect(&p, &Project::datasetInserted, this, &MainWindow::refreshViews);
    connect(&p, &Project::datasetRemoved, this, &MainWindow::refreshViews);
    connect(&p, &Project::sampleRemoved, this, &MainWindow::refreshViews);
    connect(&p, &Project::sampleInserted, this, &MainWindow::refreshViews);
    connect(&p, &Project::runChanged, this, [this] { m_compare->refresh(&m_doc->project()); });
    connect(&p, &Project::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&p, &Project::filePathChanged, this, &MainWindow::updateTitle);
    refreshViews();
    updateTitle();
}

void MainWindow::refreshViews()
{
    const Project* p = m_doc ? &m_doc->project() : nullptr;
    const std::vector<Id> ids = m_tree->selectedSampleIds();
    for (TechniqueTab* t : m_techniqueTabs)
        t->refresh(ids, m_tree->currentSampleId(), m_tree->selectedDatasetIds(), m_tree->currentDatasetId());
    m_compare->refresh(p);
}

void MainWindow::updateTitle()
{
    const QString name = m_doc && !m_doc->project().filePath().isEmpty()
                             ? QFileInfo(m_doc->project().filePath()).fileName()
                             : tr("Untitled");
    setWindowTitle(QStringLiteral("%1[*] — Vanadis").arg(name));
    setWindowModified(m_doc && m_doc->project().isModified());
}

TechniqueTab* MainWindow::techniqueTab(Technique t) const
{
    for (TechniqueTab* tab : m_techniqueTabs)
        if (tab->technique() == t) return tab;
    return nullptr;
}

void MainWindow::reportError(const QString& what, const Error& e)
{
    const QString msg = escapeControlCharacters(QString::fromStdString(e.message()));
    m_messages->addMessage(MessagePanel::Level::Error, what + ": " + msg);
    QMessageBox::warning(this, what, msg);
}

bool MainWindow::openProject(const QString& path)
{
    auto doc = ProjectDocument::open(path);
    if (!doc) {
        reportError(tr("Cannot open project"), doc.error());
        return false;
    }
    setDocument(std::move(*doc));
    for (const QString& w : m_doc->warnings())
        m_messages->addMessage(MessagePanel::Level::Warning, w);
    addRecentFile(m_doc->path());
    QSettings().setValue("dirs/project", QFileInfo(path).absolutePath());
    m_messages->addMessage(MessagePanel::Level::Info, tr("Opened %1").arg(m_doc->path()));
    return true;
}

void MainWindow::openDemo()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto doc = ProjectDocument::createNew();
    populateDemoProject(doc->project());
    // The demo is the starting point, not an edit: nothing to undo and nothing to save before closing;
    // Save As still writes all of it (a project without a file is written whole).
    doc->project().markSaved();
    setDocument(std::move(doc));
    QApplication::restoreOverrideCursor();
    m_messages->addMessage(
        MessagePanel::Level::Info,
        tr("Demo series CS, WCS, HCS, HMCS generated from the values of Osman et al., Adv. Sci. 2022."));
}

bool MainWindow::maybeSave()
{
    if (!m_doc || !m_doc->project().isModified()) return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("Save the changes to this series first?"),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return save();
    m_doc->discardRecovery();
    return true;
}

bool MainWindow::save()
{
    if (!m_doc->hasSaveTarget()) return saveAs();
    if (auto same = m_doc->checkUnchangedOnDisk(); !same) {
        // Written by someone else since it was read (or since the crash this work was recovered
        // from): saving in place would overwrite that, so only Save As is offered.
        QMessageBox box(QMessageBox::Warning, tr("Project changed on disk"),
                        QString::fromStdString(same.error().message()), QMessageBox::Cancel, this);
        const QAbstractButton* as = box.addButton(tr("Save As…"), QMessageBox::AcceptRole);
        box.exec();
        return box.clickedButton() == as && saveAs();
    }
    if (auto ok = m_doc->save(); !ok) {
        reportError(tr("Save failed"), ok.error());
        return false;
    }
    showSaveWarnings();
    statusBar()->showMessage(tr("Saved %1").arg(m_doc->path()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString suggestion = m_doc->project().filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(QSettings().value("dirs/project").toString())
                         .filePath(m_doc->project().series().name.section(' ', 0, 0) + ".vanadis");
    QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), suggestion, tr(kFileFilter));
    if (path.isEmpty()) return false;
    if (!path.endsWith(".vanadis")) path += ".vanadis";
    if (auto ok = m_doc->saveAs(path); !ok) {
        reportError(tr("Save failed"), ok.error());
        return false;
    }
    showSaveWarnings();
    addRecentFile(m_doc->path());
    QSettings().setValue("dirs/project", QFileInfo(path).absolutePath());
    return true;
}

void MainWindow::showSaveWarnings()
{
    const QStringList w = m_doc->saveWarnings();
    if (w.isEmpty()) return;
    QMessageBox::warning(this, tr("Saved without some original files"),
                         tr("The project was saved with every dataset's values, but:") + "\n\n" +
                             w.join("\n"));
}

void MainWindow::autosave()
{
    if (!m_doc) return;
    if (auto ok = m_doc->autosave(); !ok)
        m_messages->addMessage(MessagePanel::Level::Warning,
                               tr("Autosave failed: %1").arg(QString::fromStdString(ok.error().message())));
}

void MainWindow::offerRecovery()
{
    for (const auto& c : ProjectDocument::findRecoveryFiles()) {
        const QString what = c.originalPath.isEmpty() ? tr("an untitled series") : c.originalPath;
        QString text = tr("Vanadis found unsaved work of %1 from %2. Recover it?")
                           .arg(what, QLocale().toString(c.modified, QLocale::ShortFormat));
        if (c.originalChanged)
            text +=
                "\n\n" +
                tr("The project file has been saved by another program or window since then. The recovered "
                   "work opens as a copy; Save will ask for a new file name instead of overwriting those "
                   "changes.");
        const auto answer =
            QMessageBox::question(this, tr("Recover unsaved work"), text,
                                  QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore);
        if (answer == QMessageBox::Discard) {
            ProjectDocument::removeRecoveryFile(c.recoveryPath);
        } else if (answer == QMessageBox::Yes) {
            auto doc = ProjectDocument::openRecovery(c.recoveryPath);
            if (!doc) {
                reportError(tr("Recovery failed"), doc.error());
                continue;
            }
            setDocument(std::move(*doc));
            m_messages->addMessage(MessagePanel::Level::Warning,
                                   tr("Recovered unsaved work; save it to keep it."));
            return;
        }
    }
}

void MainWindow::importFiles(const QStringList& paths, Id sampleId)
{
    Project& p = m_doc->project();
    if (!sampleId) sampleId = m_tree->currentSampleId();
    if (!sampleId) {
        QStringList names;
        for (const Sample* s : p.samples())
            names << s->name;
        bool ok = false;
        const QString name =
            QInputDialog::getItem(this, tr("Import into sample"),
                                  tr("Sample (type a new name to create one):"), names, 0, true, &ok);
        if (!ok || name.trimmed().isEmpty()) return;
        if (const Sample* s = p.sampleByName(name.trimmed())) {
            sampleId = s->id;
        } else {
            const Sample created = makeSample(p.allocateId(), name.trimmed(), int(p.samples().size()));
            p.undoStack()->push(new AddSampleCommand(&p, created));
            sampleId = created.id;
        }
    }
    std::vector<Dataset> imported;
    for (const QString& path : paths) {
        ImportOptions options;
        // Plain text with no instrument reader goes through the column-mapping dialog.
        QFile f(path);
        QByteArray head;
        if (f.open(QIODevice::ReadOnly)) head = f.read(64 * 1024);
        const Importer* importer = ImporterRegistry::instance().detect(head, QFileInfo(path).fileName());
        if (importer && importer->id() == QLatin1String("generic-delimited")) {
            f.seek(0);
            const QByteArray all = f.size() < 200'000'000 ? f.readAll() : QByteArray();
            auto text = decodeText(all, QFileInfo(path).fileName());
            if (!text) {
                reportError(tr("Import failed"), text.error());
                continue;
            }
            ColumnMappingDialog dlg(path, *text, this);
            if (dlg.exec() != QDialog::Accepted) continue;
            options = dlg.options();
        }
        // Parse off the GUI thread; the project is only touched after parsing succeeded.
        auto cancelled = std::make_shared<std::atomic_bool>(false);
        QProgressDialog progress(tr("Importing %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0,
                                 this);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        QFutureWatcher<Expected<ParsedFile>> watcher;
        connect(&progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
        connect(&watcher, &QFutureWatcherBase::finished, &progress, &QProgressDialog::reset);
        watcher.setFuture(QtConcurrent::run([path, options, cancelled] {
            return parseFile(path, options, [cancelled] { return cancelled->load(); });
        }));
        progress.exec();
        watcher.waitForFinished();
        auto result = watcher.result();
        if (!result) {
            if (*cancelled)
                m_messages->addMessage(MessagePanel::Level::Info, tr("Import of %1 cancelled.").arg(path));
            else
                reportError(tr("Import failed"), result.error());
            continue;
        }
        // What a chemist should know about the file (a last line without its line break, an empty cell).
        for (const QString& w : result->warnings)
            m_messages->addMessage(MessagePanel::Level::Warning, QFileInfo(path).fileName() + ": " + w);
        for (auto& d : makeDatasets(p, std::move(*result)))
            imported.push_back(std::move(d));
    }
    if (imported.empty()) return;
    const size_t n = imported.size();
    p.undoStack()->push(new ImportDatasetsCommand(&p, sampleId, std::move(imported)));
    m_messages->addMessage(MessagePanel::Level::Info, tr("Imported %n dataset(s).", nullptr, int(n)));
}

void MainWindow::exportCurrentFigure()
{
    auto* tab = qobject_cast<TechniqueTab*>(m_tabs->currentWidget());
    if (!tab || tab->figure().series.empty()) {
        QMessageBox::information(this, tr("Export figure"),
                                 tr("Select a technique tab that shows data first."));
        return;
    }
    QString base = techniqueKey(tab->technique());
    if (!tab->currentKind().isEmpty()) base += "-" + QString(tab->currentKind()).replace(' ', '_');
    ExportFigureDialog dlg(base, this);
    if (dlg.exec() != QDialog::Accepted) return;
    const PlotTheme theme = PlotTheme::builtIn();
    QStringList written;
    for (const QString& fmt : dlg.formats()) {
        const QString path = dlg.basePath() + "." + (fmt == "tiff" ? QStringLiteral("tif") : fmt);
        if (auto ok = PlotExporter::exportFigure(tab->figure(), theme, fmt, dlg.widthMm(), dlg.heightMm(),
                                                 dlg.dpi(), path);
            !ok) {
            reportError(tr("Export failed"), ok.error());
            continue;
        }
        written << path;
    }
    if (!written.isEmpty())
        m_messages->addMessage(MessagePanel::Level::Info, tr("Exported %1").arg(written.join(", ")));
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings s;
    QStringList recent = s.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    s.setValue("recentFiles", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    QStringList recent = QSettings().value("recentFiles").toStringList();
    // Prune files that no longer exist.
    recent.erase(
        std::remove_if(recent.begin(), recent.end(), [](const QString& p) { return !QFileInfo::exists(p); }),
        recent.end());
    for (const QString& path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave()) openProject(path);
                        })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState(1));
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    QStringList files, projects;
    for (const QUrl& u : e->mimeData()->urls()) {
        if (!u.isLocalFile()) continue;
        const QString p = u.toLocalFile();
        // Projects are told apart by content (SQLite header + application id), not by extension.
        QFile f(p);
        QByteArray head;
        if (f.open(QIODevice::ReadOnly)) head = f.read(72);
        (head.startsWith("SQLite format 3") ? projects : files) << p;
    }
    e->acceptProposedAction();
    if (!projects.isEmpty() && maybeSave()) openProject(projects.first());
    if (!files.isEmpty()) importFiles(files);
}

} // namespace vanadis
