#pragma once
/// \file ParamForm.h
/// The parameter form of an analysis, generated from its ParamSchema: the same description that
/// validates the JSON stored in the project and the CLI options.

#include "analysis/ParamSchema.h"

#include <QWidget>

namespace vanadis {

class ParamForm : public QWidget {
    Q_OBJECT
public:
    explicit ParamForm(QWidget* parent = nullptr);
    /// Rebuilds the fields (when the schema differs from the current one) and shows \a values.
    void setSchema(const ParamSchema& schema);
    void setValues(const QJsonObject& values);
    QJsonObject values() const;

Q_SIGNALS:
    /// The user changed a field. Steps of one spin box during one focus session share \a mergeKey,
    /// so that the resulting undo commands merge into one step.
    void edited(const QJsonObject& values, int mergeKey);

private:
    void emitEdited(int mergeKey);
    ParamSchema m_schema;
    std::vector<QWidget*> m_fields;
    bool m_loading = false;
    int m_session = 1;
};

} // namespace vanadis
