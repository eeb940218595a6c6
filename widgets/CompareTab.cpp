#include "widgets/CompareTab.h"

#include "analysis/AnalysisRegistry.h"
#include "model/Project.h"
#include "widgets/ProjectTree.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace vanadis {

CompareTab::CompareTab(QWidget* parent) : QWidget(parent)
{
    setObjectName("tab_compare");
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Sample comparison table"));
    m_table->verticalHeader()->setVisible(false);
    auto* copy = new QPushButton(tr("Copy table"));
    copy->setToolTip(tr("Copy the whole table (tab-separated, with headers) for a spreadsheet."));
    connect(copy, &QPushButton::clicked, this, &CompareTab::copyTable);
    auto* shortcut =
        new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &CompareTab::copyTable);
    auto* bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_table);
}

QString CompareTab::tableText() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c)
        header << (m_table->horizontalHeaderItem(c) ? m_table->horizontalHeaderItem(c)->text() : QString());
    lines << header.join('\t');
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_table->columnCount(); ++c)
            row << (m_table->item(r, c) ? m_table->item(r, c)->text().replace('\t', ' ').replace('\n', ' ')
                                        : QString());
        lines << row.join('\t');
    }
    return lines.join('\n') + '\n';
}

void CompareTab::copyTable() const
{
    QGuiApplication::clipboard()->setText(tableText());
}

void CompareTab::refresh(const Project* project)
{
    QStringList headers{tr("Sample"), tr("Active mass (mg)"), tr("Mass basis")};
    // Headline outputs of every analysis, as each declares them; values come from the stored runs.
    std::vector<std::pair<const AnalysisDescriptor*, OutputSpec>> columns;
    for (const AnalysisDescriptor* a : analyses())
        for (const OutputSpec& o : a->outputs())
            if (o.headline) {
                columns.emplace_back(a, o);
                headers << (o.shortLabel.isEmpty() ? o.label : o.shortLabel);
            }
    for (Technique t : allTechniques())
        headers << tr("%1 datasets").arg(techniqueDisplayName(t));
    headers << tr("Notes");
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    if (!project) {
        m_table->setRowCount(0);
        return;
    }
    const auto samples = project->samples();
    m_table->setRowCount(int(samples.size()));
    int row = 0;
    const QLocale loc;
    for (const Sample* s : samples) {
        int col = 0;
        auto* name = new QTableWidgetItem(sampleIcon(s->color), s->name);
        m_table->setItem(row, col++, name);
        m_table->setItem(row, col++,
                         new QTableWidgetItem(std::isnan(s->activeMassMg)
                                                  ? tr("unknown")
                                                  : loc.toString(s->activeMassMg, 'f', 3)));
        m_table->setItem(
            row, col++,
            new QTableWidgetItem(s->massBasis == MassBasis::Composite ? tr("composite") : tr("oxide only")));
        for (const auto& [a, o] : columns) {
            // The sample's first dataset this analysis reads; its stored run.
            const AnalysisRun* run = nullptr;
            for (const Dataset* d : project->datasetsOf(s->id))
                if (a->accepts(*d)) {
                    run = project->runFor(d->id(), a->id);
                    break;
                }
            QString text = QStringLiteral("—");
            QString tip;
            if (run && run->status != RunStatus::Failed) {
                const QJsonValue v = resultValue(run->result, o.path);
                const QJsonValue e =
                    o.errorPath.isEmpty() ? QJsonValue() : resultValue(run->result, o.errorPath);
                if (v.isDouble())
                    text = QString(e.isDouble() ? formatWithUncertainty(v.toDouble(), e.toDouble())
                                                : formatValue(v.toDouble(), o.significant))
                               .replace('.', loc.decimalPoint());
                if (run->status == RunStatus::Stale) {
                    text += QStringLiteral(" *");
                    tip = run->message.isEmpty() ? tr("Not yet recomputed for the current parameters.")
                                                 : run->message;
                }
            } else if (run) {
                tip = run->message;
            }
            auto* it = new QTableWidgetItem(text);
            it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            it->setToolTip(tip);
            m_table->setItem(row, col++, it);
        }
        for (Technique t : allTechniques()) {
            auto* it = new QTableWidgetItem(loc.toString(qlonglong(project->datasetsOf(s->id, t).size())));
            it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, col++, it);
        }
        m_table->setItem(row, col++, new QTableWidgetItem(s->notes));
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace vanadis
