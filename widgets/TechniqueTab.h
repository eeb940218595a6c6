#pragma once
/// \file TechniqueTab.h
/// One tab per technique. Until the technique's analysis exists it plots the raw data of the
/// selected samples (RawFigure), one dataset kind at a time (e.g. XPS region, electrochemistry test).

#include "model/FigureSpec.h"
#include "model/Types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace vanadis {

class PlotView;
class Project;

class TechniqueTab : public QWidget {
    Q_OBJECT
public:
    explicit TechniqueTab(Technique technique, QWidget* parent = nullptr);
    Technique technique() const { return m_technique; }
    /// Replots for these samples (in series order).
    void refresh(const Project* project, const std::vector<Id>& sampleIds);
    const FigureSpec& figure() const { return m_figure; }
    QString currentKind() const;
    void setCurrentKind(const QString& kind);
    PlotView* plotView() const { return m_plot; }

Q_SIGNALS:
    void exportRequested();

private:
    void replot();

    Technique m_technique;
    const Project* m_project = nullptr;
    std::vector<Id> m_samples;
    FigureSpec m_figure;
    QComboBox* m_kind = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    PlotView* m_plot = nullptr;
};

} // namespace vanadis
