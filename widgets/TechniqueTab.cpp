#include "widgets/TechniqueTab.h"

#include "analysis/RawFigure.h"
#include "model/Project.h"
#include "widgets/plot/PlotView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>

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
    auto* exportButton = new QPushButton(tr("Export figure…"));
    bar->addWidget(kindLabel);
    bar->addWidget(m_kind);
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { replot(); });
    connect(exportButton, &QPushButton::clicked, this, &TechniqueTab::exportRequested);
}

QString TechniqueTab::currentKind() const { return m_kind->currentText(); }

void TechniqueTab::setCurrentKind(const QString& kind)
{
    const int i = m_kind->findText(kind);
    if (i >= 0) m_kind->setCurrentIndex(i);
}

void TechniqueTab::refresh(const Project* project, const std::vector<Id>& sampleIds)
{
    m_project = project;
    m_samples = sampleIds;
    const QString keep = m_kind->currentText();
    const QStringList kinds = project ? rawKinds(*project, m_technique, sampleIds) : QStringList();
    m_kind->blockSignals(true);
    m_kind->clear();
    m_kind->addItems(kinds);
    const int i = m_kind->findText(keep);
    m_kind->setCurrentIndex(i >= 0 ? i : 0);
    m_kind->blockSignals(false);
    m_kind->setEnabled(kinds.size() > 1);
    replot();
}

void TechniqueTab::replot()
{
    m_figure = m_project ? rawFigure(*m_project, m_technique, m_samples, m_kind->currentText()) : FigureSpec{};
    if (m_figure.series.empty()) {
        m_empty->setText(tr("No %1 data for the selected samples.\nImport files with File → Import, or drop them on this window.")
                             .arg(techniqueDisplayName(m_technique)));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_plot->setFigure(m_figure);
    m_stack->setCurrentWidget(m_plot);
}

} // namespace vanadis
