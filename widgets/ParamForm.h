#pragma once
/// \file ParamForm.h
/// The parameter form of an analysis, generated from its ParamSchema: the same description that
/// validates the JSON stored in the project and the CLI options. One generic widget per parameter
/// type (number, integer, on/off, choice, text, range, table, dataset reference); advanced parameters
/// are folded away until "Show advanced" is ticked.

#include "analysis/ParamSchema.h"

#include <QWidget>

class QCheckBox;

namespace vanadis {

class ParamForm : public QWidget {
    Q_OBJECT
public:
    explicit ParamForm(QWidget* parent = nullptr);
    /// Rebuilds the fields (when the schema differs from the current one) and shows \a values.
    void setSchema(const ParamSchema& schema);
    void setValues(const QJsonObject& values);
    QJsonObject values() const;
    /// The datasets a DatasetRef parameter may point to (id, display text), e.g. the blanks of the project.
    void setDatasetChoices(const std::vector<std::pair<qint64, QString>>& choices);

Q_SIGNALS:
    /// The user changed a field. Steps of one spin box during one focus session share \a mergeKey,
    /// so that the resulting undo commands merge into one step.
    void edited(const QJsonObject& values, int mergeKey);

private:
    void emitEdited(int mergeKey);
    QWidget* makeField(const ParamSpec& s);
    void setFieldValue(const ParamSpec& s, QWidget* w, const QJsonValue& v);
    QJsonValue fieldValue(const ParamSpec& s, QWidget* w) const;
    ParamSchema m_schema;
    std::vector<QWidget*> m_fields;
    std::vector<std::pair<qint64, QString>> m_datasetChoices;
    QCheckBox* m_showAdvanced = nullptr;
    bool m_loading = false;
    int m_session = 1;
};

} // namespace vanadis
