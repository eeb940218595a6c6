#include "widgets/CompareTab.h"

#include "analysis/AnalysisRegistry.h"
#include "model/Project.h"
#include "widgets/ProjectTree.h"

#include <QHeaderView>
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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_table);
}

void CompareTab::refresh(const Project* project)
{
    QStringList headers{tr("Sample"), tr("Active mass (mg)"), tr("Mass basis")};
    // Headline results of every analysis (stored parameters, else the defaults), then the counts.
    for (const AnalysisMethod& m : analysisMethods())
        for (const AnalysisHeadline& h : m.headlines) headers << h.label;
    for (Technique t : allTechniques()) headers << tr("%1 datasets").arg(techniqueDisplayName(t));
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
        m_table->setItem(row, col++, new QTableWidgetItem(std::isnan(s->activeMassMg) ? tr("unknown")
                                                                                     : loc.toString(s->activeMassMg, 'f', 3)));
        m_table->setItem(row, col++, new QTableWidgetItem(s->massBasis == MassBasis::Composite ? tr("composite") : tr("oxide only")));
        for (const AnalysisMethod& m : analysisMethods()) {
            const Dataset* d = nullptr;
            for (const Dataset* c : project->datasetsOf(s->id, m.technique))
                if (m.kinds.contains(c->kind())) {
                    d = c;
                    break;
                }
            QJsonObject result;
            if (d) {
                QJsonObject stored;
                for (const AnalysisRun* r : project->runsOf(d->id()))
                    if (r->analysisId == m.id) stored = r->params;
                if (auto r = m.compute(*d, effectiveParams(m, stored))) result = *r;
            }
            for (const AnalysisHeadline& h : m.headlines) {
                const QJsonValue v = resultValue(result, h.valuePath);
                const QJsonValue e = h.errorPath.isEmpty() ? QJsonValue() : resultValue(result, h.errorPath);
                QString text = v.isDouble() ? loc.toString(v.toDouble(), 'f', 2) : QStringLiteral("—");
                if (v.isDouble() && e.isDouble()) text += " ± " + loc.toString(e.toDouble(), 'f', 2);
                auto* it = new QTableWidgetItem(text);
                it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(row, col++, it);
            }
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
