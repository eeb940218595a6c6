#pragma once
/// \file ResultView.h
/// Shows an analysis result (the JSON of the CLI contract) as a tree: values with their uncertainty
/// ("151.4 ± 0.6 m² g⁻¹" from `area_m2_g` and `area_err`), nested groups, and warnings on top.

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vanadis {

class ResultView : public QWidget {
    Q_OBJECT
public:
    explicit ResultView(QWidget* parent = nullptr);
    void setResult(const QJsonObject& result, const QString& error = {});
    QTreeWidget* tree() const { return m_tree; }

    /// "area_m2_g" → ("area", "m² g⁻¹"); the unit suffixes of the CLI contract made readable.
    static std::pair<QString, QString> splitKey(const QString& key);

private:
    void addObject(QTreeWidgetItem* parent, const QJsonObject& o);
    QLabel* m_warnings = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace vanadis
