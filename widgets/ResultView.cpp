#include "widgets/ResultView.h"

#include "analysis/AnalysisRegistry.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace vanadis {

ResultView::ResultView(QWidget* parent) : QWidget(parent)
{
    m_warnings = new QLabel;
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet("QLabel { color: #9a3412; background: #fff7ed; padding: 4px; }");
    m_warnings->hide();
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet("QLabel { color: #1e3a8a; background: #eff6ff; padding: 4px; }");
    m_note->hide();
    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Quantity"), tr("Value"), tr("Unit")});
    // The value column is never cut: "0.6454 ± 0.0023" must read whole in a narrow panel.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Analysis results"));
    m_tree->setAlternatingRowColors(true);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_note);
    l->addWidget(m_warnings);
    l->addWidget(m_tree, 1);
}

std::pair<QString, QString> ResultView::splitKey(const QString& key)
{
    static const std::vector<std::pair<QString, QString>> units{{"_m2_g", "m² g⁻¹"},
                                                                {"_cm3_g_nm", "cm³ g⁻¹ nm⁻¹"},
                                                                {"_cm3_g_angstrom", "cm³ g⁻¹ Å⁻¹"},
                                                                {"_g_cm3", "g cm⁻³"},
                                                                {"_cm3_g", "cm³ g⁻¹"},
                                                                {"_mmol_g", "mmol g⁻¹"},
                                                                {"_mah_g", "mAh g⁻¹"},
                                                                {"_wt_pct", "wt%"},
                                                                {"_pct_min", "% min⁻¹"},
                                                                {"_pct", "%"},
                                                                {"_nm2", "nm²"},
                                                                {"_nm", "nm"},
                                                                {"_angstrom", "Å"},
                                                                {"_c", "°C"},
                                                                {"_k", "K"},
                                                                {"_mg", "mg"},
                                                                {"_g", "g"},
                                                                {"_ev", "eV"},
                                                                {"_ohm", "Ω"},
                                                                {"_cm2_s", "cm² s⁻¹"},
                                                                {"_deg", "°"},
                                                                {"_s", "s"},
                                                                {"_v", "V"}};
    for (const auto& [suffix, unit] : units)
        if (key.endsWith(suffix))
            return {QString(key.left(key.size() - suffix.size())).replace('_', ' '), unit};
    return {QString(key).replace('_', ' '), QString()};
}

void ResultView::setResult(const QJsonObject& result, const QString& error,
                           const std::vector<OutputSpec>& outputs, const QString& note)
{
    setResult(result, error);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (outputs.empty() || result.isEmpty()) return;
    // The whole result goes under one folded item; the declared outputs lead.
    auto* all = new QTreeWidgetItem({tr("All values")});
    while (m_tree->topLevelItemCount() > 0)
        all->addChild(m_tree->takeTopLevelItem(0));
    const QLocale loc;
    auto localise = [&](QString t) { return t.replace('.', loc.decimalPoint()); };
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (const bool headline : {true, false}) {
        for (const OutputSpec& o : outputs) {
            if (o.headline != headline) continue;
            const QJsonValue v = resultValue(result, o.path);
            if (v.isObject()) {
                // A declared group (fitted parameters): its members, expanded.
                auto* group = new QTreeWidgetItem(m_tree, {o.label});
                group->setFont(0, bold);
                addObject(group, v.toObject());
                group->setExpanded(true);
                continue;
            }
            if (!v.isDouble() && !headline) continue;
            const QJsonValue e = o.errorPath.isEmpty() ? QJsonValue() : resultValue(result, o.errorPath);
            QString text = QStringLiteral("—");
            if (v.isDouble())
                text = localise(e.isDouble() ? formatWithUncertainty(v.toDouble(), e.toDouble())
                                             : formatValue(v.toDouble(), o.significant));
            auto* item = new QTreeWidgetItem(m_tree, {o.label, text, o.unit});
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(0, o.path + (o.errorPath.isEmpty() ? QString() : " ± " + o.errorPath));
            if (headline)
                for (int c = 0; c < 3; ++c)
                    item->setFont(c, bold);
        }
    }
    m_tree->addTopLevelItem(all);
    all->setExpanded(false);
}

void ResultView::setResult(const QJsonObject& result, const QString& error)
{
    m_tree->clear();
    m_note->hide();
    QStringList warnings;
    if (!error.isEmpty()) warnings << error;
    for (const auto& w : result.value("warnings").toArray())
        warnings << "• " + w.toString();
    m_warnings->setText(warnings.join('\n'));
    m_warnings->setVisible(!warnings.isEmpty());
    addObject(m_tree->invisibleRootItem(), result);
    m_tree->expandToDepth(0);
}

void ResultView::addObject(QTreeWidgetItem* parent, const QJsonObject& o)
{
    const QLocale loc;
    auto fmt = [&](double v) {
        if (v == 0.0) return QStringLiteral("0");
        const double a = std::abs(v);
        return (a >= 1e5 || a < 1e-3) ? loc.toString(v, 'e', 4) : loc.toString(v, 'g', 5);
    };
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key == "warnings" || key.endsWith("_err")) continue;
        const QJsonValue v = it.value();
        auto [name, unit] = splitKey(key);
        auto* item = new QTreeWidgetItem(parent, {name, QString(), unit});
        if (v.isDouble()) {
            QString text = fmt(v.toDouble());
            // Siblings "<stem>_err" or "<key>_err" carry 1σ: area_m2_g ↔ area_err.
            // "<quantity>_err" where the quantity is the key without its unit suffix:
            // langmuir_area_m2_g ↔ langmuir_area_err, area_m2_g ↔ area_err, c_constant ↔ c_constant_err.
            const QString stem = QString(splitKey(key).first).replace(' ', '_');
            for (const QString& e : {key + "_err", stem + "_err", QString(key).section('_', 0, 0) + "_err"}) {
                if (o.contains(e) && o.value(e).isDouble()) {
                    text += " ± " + fmt(o.value(e).toDouble());
                    break;
                }
            }
            item->setText(1, text);
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        } else if (v.isBool()) {
            item->setText(1, v.toBool() ? tr("yes") : tr("no"));
        } else if (v.isString()) {
            item->setText(1, v.toString());
            item->setToolTip(1, v.toString());
        } else if (v.isObject() && v.toObject().value("value").isDouble()) {
            // {value, stderr}: a fitted parameter.
            const QJsonObject p = v.toObject();
            const double e = p.value("stderr").toDouble(std::nan(""));
            item->setText(1, QString(std::isfinite(e) ? formatWithUncertainty(p.value("value").toDouble(), e)
                                                      : formatValue(p.value("value").toDouble(), 6))
                                 .replace('.', loc.decimalPoint()));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            if (p.contains("role")) item->setToolTip(1, p.value("role").toString());
        } else if (v.isObject() && v.toObject().value("order").isArray() &&
                   v.toObject().value("matrix").isArray()) {
            // A matrix over named rows and columns (correlation of fitted parameters).
            const QJsonArray order = v.toObject().value("order").toArray(),
                             m = v.toObject().value("matrix").toArray();
            for (qsizetype r = 0; r < order.size() && r < m.size(); ++r) {
                QStringList cells;
                for (const auto& c : m[r].toArray())
                    cells << (c.isDouble() ? loc.toString(c.toDouble(), 'f', 3) : QStringLiteral("—"));
                auto* row =
                    new QTreeWidgetItem(item, {order[r].toString(), cells.join(QStringLiteral("  "))});
                row->setToolTip(
                    1, tr("Correlation with %1").arg(QJsonDocument(order).toJson(QJsonDocument::Compact)));
            }
        } else if (v.isObject()) {
            addObject(item, v.toObject());
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (!a.isEmpty() && a.first().isDouble() && a.size() <= 4) {
                QStringList parts;
                for (const auto& x : a)
                    parts << fmt(x.toDouble());
                item->setText(1, parts.join(" – "));
            } else if (!a.isEmpty() && a.first().isObject() && a.size() <= 12) {
                int i = 1;
                for (const auto& x : a) {
                    auto* child = new QTreeWidgetItem(item, {QString("#%1").arg(i++)});
                    addObject(child, x.toObject());
                }
            } else {
                item->setText(1, tr("%n point(s)", nullptr, int(a.size())));
            }
        }
    }
}

} // namespace vanadis
