#include "widgets/ProjectTree.h"

#include "model/DatasetType.h"

#include "model/Project.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <set>

namespace vanadis {

namespace {
enum Role { KindRole = Qt::UserRole + 1, IdRole };
enum ItemKind { SeriesItem = 1, SampleItem, TechniqueItem, DatasetItem };
} // namespace

QIcon sampleIcon(const QColor& color)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(130), 1));
    p.setBrush(color);
    p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    return QIcon(pm);
}

ProjectTree::ProjectTree(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Name"), tr("Points")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAccessibleName(tr("Project tree"));
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* it) {
        if (!m_rebuilding && it && it->data(0, KindRole).toInt() == DatasetItem)
            Q_EMIT datasetActivated(it->data(0, IdRole).toLongLong());
    });
    connect(this, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (!m_rebuilding) Q_EMIT sampleSelectionChanged();
    });
}

void ProjectTree::setProject(Project* project)
{
    if (m_project) disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    if (m_project) {
        // Rebuilding is cheap (a few hundred items even for large series) and keeps one code path.
        for (auto sig : {&Project::modelReset, &Project::seriesChanged})
            connect(m_project, sig, this, &ProjectTree::rebuild);
        connect(m_project, &Project::sampleInserted, this, &ProjectTree::rebuild);
        connect(m_project, &Project::sampleRemoved, this, &ProjectTree::rebuild);
        connect(m_project, &Project::sampleChanged, this, &ProjectTree::rebuild);
        connect(m_project, &Project::datasetInserted, this, &ProjectTree::rebuild);
        connect(m_project, &Project::datasetRemoved, this, &ProjectTree::rebuild);
    }
    rebuild();
    Q_EMIT sampleSelectionChanged();
}

void ProjectTree::rebuild()
{
    // Keep selection and collapsed state across rebuilds.
    std::set<std::pair<int, Id>> selected, collapsed;
    for (QTreeWidgetItem* it : selectedItems())
        selected.insert({it->data(0, KindRole).toInt(), it->data(0, IdRole).toLongLong()});
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if (!(*it)->isExpanded() && (*it)->childCount())
            collapsed.insert({(*it)->data(0, KindRole).toInt(), (*it)->data(0, IdRole).toLongLong()});
    const bool first = topLevelItemCount() == 0;

    m_rebuilding = true;
    clear();
    if (!m_project) {
        m_rebuilding = false;
        return;
    }
    auto* series = new QTreeWidgetItem(
        this, {m_project->series().name.isEmpty() ? tr("Untitled series") : m_project->series().name});
    series->setData(0, KindRole, SeriesItem);
    series->setToolTip(0, m_project->series().variedCondition);
    QFont bold = series->font(0);
    bold.setBold(true);
    series->setFont(0, bold);
    for (const Sample* s : m_project->samples()) {
        auto* si = new QTreeWidgetItem(series, {s->name});
        si->setIcon(0, sampleIcon(s->color));
        si->setData(0, KindRole, SampleItem);
        si->setData(0, IdRole, qint64(s->id));
        si->setToolTip(0, s->notes);
        for (Technique t : allTechniques()) {
            const auto ds = m_project->datasetsOf(s->id, t);
            if (ds.empty()) continue;
            auto* ti = new QTreeWidgetItem(si, {techniqueDisplayName(t)});
            ti->setData(0, KindRole, TechniqueItem);
            ti->setData(0, IdRole, qint64(s->id) * 16 + int(t));
            for (const Dataset* d : ds) {
                const QString text =
                    d->label().isEmpty() ? d->name() : d->label() + QStringLiteral(" — ") + d->name();
                auto* di = new QTreeWidgetItem(ti, {text, QLocale().toString(d->pointCount())});
                di->setData(0, KindRole, DatasetItem);
                di->setData(0, IdRole, qint64(d->id()));
                di->setToolTip(0, tr("%1 (%2)\n%3\nimported by %4 %5\nSHA-256 %6")
                                      .arg(d->displayLabel(), datasetTypeDisplayName(d->type()),
                                           d->provenance().originalFileName, d->provenance().importerId,
                                           d->provenance().importerVersion, d->provenance().sha256.left(16)));
                di->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            }
        }
    }
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const std::pair<int, Id> key{(*it)->data(0, KindRole).toInt(), (*it)->data(0, IdRole).toLongLong()};
        const bool isTechnique = key.first == TechniqueItem;
        // Initially show series and samples expanded, technique groups collapsed.
        (*it)->setExpanded(first ? !isTechnique : !collapsed.contains(key));
        if (selected.contains(key)) (*it)->setSelected(true);
    }
    m_rebuilding = false;
}

std::vector<Id> ProjectTree::selectedSampleIds() const
{
    std::vector<Id> out;
    if (!m_project) return out;
    std::set<Id> chosen;
    for (QTreeWidgetItem* it : selectedItems()) {
        QTreeWidgetItem* cur = it;
        while (cur && cur->data(0, KindRole).toInt() != SampleItem)
            cur = cur->parent();
        if (cur) chosen.insert(cur->data(0, IdRole).toLongLong());
    }
    for (const Sample* s : m_project->samples())
        if (chosen.empty() || chosen.contains(s->id)) out.push_back(s->id);
    return out;
}

Id ProjectTree::currentSampleId() const
{
    QTreeWidgetItem* cur = currentItem();
    while (cur && cur->data(0, KindRole).toInt() != SampleItem)
        cur = cur->parent();
    return cur ? cur->data(0, IdRole).toLongLong() : 0;
}

std::vector<Id> ProjectTree::selectedDatasetIds() const
{
    std::vector<Id> out;
    for (QTreeWidgetItemIterator it(const_cast<ProjectTree*>(this)); *it; ++it)
        if ((*it)->isSelected() && (*it)->data(0, KindRole).toInt() == DatasetItem)
            out.push_back((*it)->data(0, IdRole).toLongLong());
    return out;
}

Id ProjectTree::currentDatasetId() const
{
    QTreeWidgetItem* cur = currentItem();
    return cur && cur->data(0, KindRole).toInt() == DatasetItem ? cur->data(0, IdRole).toLongLong() : 0;
}

void ProjectTree::selectSample(Id id)
{
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->data(0, KindRole).toInt() == SampleItem && (*it)->data(0, IdRole).toLongLong() == id) {
            setCurrentItem(*it);
            return;
        }
}

void ProjectTree::contextMenuEvent(QContextMenuEvent* e)
{
    QTreeWidgetItem* it = itemAt(viewport()->mapFrom(this, e->pos()));
    if (!it) return;
    const int kind = it->data(0, KindRole).toInt();
    const Id id = it->data(0, IdRole).toLongLong();
    QMenu menu(this);
    if (kind == DatasetItem)
        menu.addAction(tr("Remove dataset"), this, [this, id] { Q_EMIT removeDatasetRequested(id); });
    else if (kind == SampleItem)
        menu.addAction(tr("Remove sample"), this, [this, id] { Q_EMIT removeSampleRequested(id); });
    if (!menu.isEmpty()) menu.exec(e->globalPos());
}

} // namespace vanadis
