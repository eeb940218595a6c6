#pragma once
/// \file MainWindow.h
/// The main window: project tree, one tab per technique plus Compare, sample properties, undo
/// history and messages; file handling (open, save, autosave, recovery, recent files), import by
/// menu and drag-and-drop, figure export.

#include "model/Types.h"
#include "numeric/Error.h"

#include <QMainWindow>
#include <memory>

class QTabWidget;
class QUndoView;
class QMenu;
class QTimer;

namespace vanadis {

class CompareTab;
class ComputeService;
class MessagePanel;
class ProjectDocument;
class ProjectTree;
class SamplePanel;
class TechniqueTab;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project file; errors go to a message box and the message panel.
    bool openProject(const QString& path);
    /// Replaces the current project by the demo series (unsaved, untitled).
    void openDemo();
    /// Imports files into a sample (asks which sample when \a sampleId is 0).
    void importFiles(const QStringList& paths, Id sampleId = 0);
    /// Offers recovery files left by a crash (called once after start-up).
    void offerRecovery();

    ProjectDocument* document() const { return m_doc.get(); }
    QTabWidget* tabs() const { return m_tabs; }
    TechniqueTab* techniqueTab(Technique t) const;
    ProjectTree* projectTree() const { return m_tree; }
    ComputeService* computeService() const { return m_compute; }
    MessagePanel* messages() const { return m_messages; }

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void createActions();
    void createDocks();
    void setDocument(std::unique_ptr<ProjectDocument> doc);
    bool maybeSave();
    bool save();
    bool saveAs();
    void showSaveWarnings();
    void autosave();
    void refreshViews();
    void updateTitle();
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void exportCurrentFigure();
    void reportError(const QString& what, const Error& e);

    std::unique_ptr<ProjectDocument> m_doc;
    QTabWidget* m_tabs = nullptr;
    std::vector<TechniqueTab*> m_techniqueTabs;
    CompareTab* m_compare = nullptr;
    ComputeService* m_compute = nullptr;
    ProjectTree* m_tree = nullptr;
    SamplePanel* m_samplePanel = nullptr;
    QUndoView* m_history = nullptr;
    MessagePanel* m_messages = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
};

} // namespace vanadis
