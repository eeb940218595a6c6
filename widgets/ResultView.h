#pragma once
/// \file ResultView.h
/// Shows an analysis result (the JSON of the CLI contract) as a tree: values with their uncertainty
/// ("151.4 ± 0.6 m² g⁻¹" from `area_m2_g` and `area_err`), nested groups, and warnings on top; with the
/// analysis' declared outputs the headline results lead and the details are folded.

#include <QJsonObject>
#include <QWidget>
#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vanadis {

class ResultView : public QWidget {
    Q_OBJECT
public:
    explicit ResultView(QWidget* parent = nullptr);
    void setResult(const QJsonObject& result, const QString& error = {});
    /// Shows a result led by its declared outputs: the headline numbers first (value ± uncertainty
    /// rounded as a chemist writes it, unit), then the other declared numbers, then every value of
    /// the result folded under "All values". \a note is a status line (stale, computing); may be empty.
    void setResult(const QJsonObject& result, const QString& error,
                   const std::vector<struct OutputSpec>& outputs, const QString& note = {});
    QTreeWidget* tree() const { return m_tree; }

    /// "area_m2_g" → ("area", "m² g⁻¹"); the unit suffixes of the CLI contract made readable.
    static std::pair<QString, QString> splitKey(const QString& key);

private:
    void addObject(QTreeWidgetItem* parent, const QJsonObject& o);
    QLabel* m_warnings = nullptr;
    QLabel* m_note = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace vanadis
