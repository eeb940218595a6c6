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
    /// The same with each choice's dataset type (\a types, same length): a parameter then lists only the
    /// types it accepts (XRD: crystal structures for the phase, instrument functions for the instrument).
    void setDatasetChoices(const std::vector<std::pair<qint64, QString>>& choices, const QStringList& types);

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
    QStringList m_datasetChoiceTypes; ///< parallel to m_datasetChoices; empty = types not known
    /// Whether choice \a i suits parameter \a s.
    bool datasetChoiceFits(const ParamSpec& s, std::size_t i) const
    {
        return s.datasetTypes.isEmpty() || qsizetype(i) >= m_datasetChoiceTypes.size() ||
               s.datasetTypes.contains(m_datasetChoiceTypes[qsizetype(i)]);
    }
    QCheckBox* m_showAdvanced = nullptr;
    bool m_loading = false;
    int m_session = 1;
};

} // namespace vanadis
