#include "widgets/ParamForm.h"
#include "widgets/ParamPreviews.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTableWidget>
#include <cmath>

namespace vanadis {

namespace {
/// Decimals that show the step a chemist would type for this range.
int decimalsFor(const ParamSpec& s)
{
    const double span = std::isfinite(s.max) && std::isfinite(s.min) ? s.max - s.min : 1000.0;
    if (span <= 2.0) return 4;
    if (span <= 100.0) return 3;
    return 2;
}

QDoubleSpinBox* numberBox(const ParamSpec& s)
{
    auto* sb = new QDoubleSpinBox;
    sb->setDecimals(decimalsFor(s));
    sb->setRange(std::isfinite(s.min) ? s.min : -1e12, std::isfinite(s.max) ? s.max : 1e12);
    sb->setSingleStep(std::isfinite(s.max) && std::isfinite(s.min) ? (s.max - s.min) / 100.0 : 1.0);
    if (!s.unit.isEmpty()) sb->setSuffix(" " + s.unit);
    return sb;
}
} // namespace

ParamForm::ParamForm(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    m_showAdvanced = new QCheckBox(tr("Show advanced parameters"));
    m_showAdvanced->setObjectName("show_advanced");
    connect(m_showAdvanced, &QCheckBox::toggled, this, [this](bool on) {
        auto* f = static_cast<QFormLayout*>(layout());
        for (size_t i = 0; i < m_schema.size(); ++i)
            if (m_schema[i].advanced) f->setRowVisible(m_fields[i], on);
    });
    form->addRow(m_showAdvanced);
}

void ParamForm::setDatasetChoices(const std::vector<std::pair<qint64, QString>>& choices)
{
    setDatasetChoices(choices, {});
}

void ParamForm::setDatasetChoices(const std::vector<std::pair<qint64, QString>>& choices,
                                  const QStringList& types)
{
    if (choices == m_datasetChoices && types == m_datasetChoiceTypes) return;
    m_datasetChoices = choices;
    m_datasetChoiceTypes = types;
    const QJsonObject keep = values();
    for (size_t i = 0; i < m_schema.size(); ++i) {
        if (m_schema[i].type != ParamSpec::Type::DatasetRef) continue;
        auto* cb = static_cast<QComboBox*>(m_fields[i]);
        m_loading = true;
        cb->clear();
        cb->addItem(m_schema[i].sampleDefault ? tr("automatic (the sample's own)") : tr("none"), QVariant());
        for (std::size_t k = 0; k < m_datasetChoices.size(); ++k)
            if (datasetChoiceFits(m_schema[i], k))
                cb->addItem(m_datasetChoices[k].second, m_datasetChoices[k].first);
        m_loading = false;
    }
    setValues(keep);
}

QWidget* ParamForm::makeField(const ParamSpec& s)
{
    switch (s.type) {
    case ParamSpec::Type::Number: {
        auto* sb = numberBox(s);
        // A minimum below the physical range means "automatic" (e.g. BET window limits).
        if (s.autoBelow || (s.min < 0 && s.defaultValue.toDouble() < 0))
            sb->setSpecialValueText(tr("automatic"));
        // Optional readings (null default, e.g. TGA cursors): one step below the range is "none".
        if (s.defaultValue.isNull()) {
            sb->setMinimum(sb->minimum() - sb->singleStep());
            sb->setSpecialValueText(tr("none"));
            sb->setProperty("optional", true);
        }
        connect(sb, &QDoubleSpinBox::valueChanged, this, [this] { emitEdited(m_session); });
        connect(sb, &QDoubleSpinBox::editingFinished, this, [this] { ++m_session; });
        return sb;
    }
    case ParamSpec::Type::Integer: {
        auto* sb = new QSpinBox;
        sb->setRange(int(std::max(-1e9, s.min)), int(std::min(1e9, s.max)));
        if (!s.unit.isEmpty()) sb->setSuffix(" " + s.unit);
        if (!s.minimumMeans.isEmpty()) sb->setSpecialValueText(s.minimumMeans);
        connect(sb, &QSpinBox::valueChanged, this, [this] { emitEdited(m_session); });
        connect(sb, &QSpinBox::editingFinished, this, [this] { ++m_session; });
        return sb;
    }
    case ParamSpec::Type::Boolean: {
        auto* cb = new QCheckBox;
        connect(cb, &QCheckBox::toggled, this, [this] { emitEdited(-1); });
        return cb;
    }
    case ParamSpec::Type::Choice: {
        auto* cb = new QComboBox;
        for (qsizetype i = 0; i < s.choices.size(); ++i)
            cb->addItem(i < s.choiceLabels.size() ? s.choiceLabels[i] : s.choices[i], s.choices[i]);
        connect(cb, &QComboBox::currentIndexChanged, this, [this, cb, fills = s.fills] {
            if (fills && !m_loading) {
                const QJsonObject filled = fills(cb->currentData().toString());
                if (!filled.isEmpty()) {
                    QJsonObject v = values();
                    for (auto it = filled.begin(); it != filled.end(); ++it)
                        v.insert(it.key(), it.value());
                    setValues(v);
                }
            }
            emitEdited(-1);
        });
        return cb;
    }
    case ParamSpec::Type::Text: {
        auto* le = new QLineEdit;
        if (s.validator)
            connect(le, &QLineEdit::textChanged, le, [le, v = s.validator](const QString& t) {
                const auto problem = v(t);
                le->setToolTip(problem.value_or(QString()));
                le->setStyleSheet(problem ? QStringLiteral("QLineEdit { background: #fde2e2; }") : QString());
            });
        connect(le, &QLineEdit::editingFinished, this, [this, le, v = s.validator] {
            if (!v || !v(le->text())) emitEdited(-1);
        });
        return le;
    }
    case ParamSpec::Type::Range: {
        auto* box = new QWidget;
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        auto* lo = numberBox(s);
        auto* hi = numberBox(s);
        lo->setObjectName("from");
        hi->setObjectName("to");
        row->addWidget(lo);
        row->addWidget(hi);
        for (auto* sb : {lo, hi}) {
            connect(sb, &QDoubleSpinBox::valueChanged, this, [this] { emitEdited(m_session); });
            connect(sb, &QDoubleSpinBox::editingFinished, this, [this] { ++m_session; });
        }
        return box;
    }
    case ParamSpec::Type::Table: {
        auto* t = new QTableWidget(0, int(s.columns.size()));
        QStringList headers;
        for (const ParamSpec& c : s.columns)
            headers << (c.unit.isEmpty() ? c.label : c.label + " (" + c.unit + ")");
        t->setHorizontalHeaderLabels(headers);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setMinimumHeight(120);
        connect(t, &QTableWidget::cellChanged, this, [this] { emitEdited(-1); });
        // Rows are added and removed from the table's context menu (an empty table is otherwise final).
        t->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* add = new QAction(tr("Add row"), t);
        add->setObjectName(QStringLiteral("addRow"));
        connect(add, &QAction::triggered, this, [this, t] {
            t->insertRow(t->currentRow() < 0 ? t->rowCount() : t->currentRow() + 1);
            emitEdited(-1);
        });
        auto* remove = new QAction(tr("Remove row"), t);
        remove->setObjectName(QStringLiteral("removeRow"));
        connect(remove, &QAction::triggered, this, [this, t] {
            if (t->currentRow() < 0) return;
            t->removeRow(t->currentRow());
            emitEdited(-1);
        });
        t->addActions({add, remove});
        return t;
    }
    case ParamSpec::Type::DatasetRef: {
        auto* cb = new QComboBox;
        cb->addItem(s.sampleDefault ? tr("automatic (the sample's own)") : tr("none"), QVariant());
        for (std::size_t k = 0; k < m_datasetChoices.size(); ++k)
            if (datasetChoiceFits(s, k)) cb->addItem(m_datasetChoices[k].second, m_datasetChoices[k].first);
        connect(cb, &QComboBox::currentIndexChanged, this, [this] { emitEdited(-1); });
        return cb;
    }
    }
    return new QWidget;
}

void ParamForm::setSchema(const ParamSchema& schema)
{
    bool same = schema.size() == m_schema.size();
    for (size_t i = 0; same && i < schema.size(); ++i)
        same = schema[i].key == m_schema[i].key;
    if (same) return;
    m_schema = schema;
    auto* form = static_cast<QFormLayout*>(layout());
    // The advanced toggle is kept (taken out first: removeRow would delete it), every field goes.
    // After the first schema the toggle is the last row, so every other row is a field of the old
    // schema (keeping row 0 left the old first field standing above the new ones).
    if (form->indexOf(m_showAdvanced) >= 0) form->takeRow(m_showAdvanced);
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_fields.clear();
    bool anyAdvanced = false;
    for (const ParamSpec& s : m_schema) {
        QWidget* w = makeField(s);
        w->setToolTip(s.help);
        w->setAccessibleName(s.label);
        w->setObjectName(QStringLiteral("param_") + s.key);
        form->addRow(s.label + ":", w);
        m_fields.push_back(w);
        if (s.type == ParamSpec::Type::Text && !s.preview.isEmpty())
            if (QWidget* pv = makeParamPreview(s.preview, static_cast<QLineEdit*>(w))) {
                pv->setObjectName(QStringLiteral("preview_") + s.key);
                form->addRow(QString(), pv);
                if (s.advanced) form->setRowVisible(pv, m_showAdvanced->isChecked());
            }
        if (s.advanced) {
            form->setRowVisible(w, m_showAdvanced->isChecked());
            anyAdvanced = true;
        }
    }
    // The toggle sits below the everyday parameters.
    if (form->indexOf(m_showAdvanced) >= 0) form->takeRow(m_showAdvanced);
    form->addRow(m_showAdvanced);
    m_showAdvanced->setVisible(anyAdvanced);
}

void ParamForm::setFieldValue(const ParamSpec& s, QWidget* w, const QJsonValue& v)
{
    switch (s.type) {
    case ParamSpec::Type::Number: {
        auto* d = static_cast<QDoubleSpinBox*>(w);
        d->setValue(v.isNull() ? d->minimum() : v.toDouble());
        break;
    }
    case ParamSpec::Type::Integer:
        static_cast<QSpinBox*>(w)->setValue(v.toInt());
        break;
    case ParamSpec::Type::Boolean:
        static_cast<QCheckBox*>(w)->setChecked(v.toBool());
        break;
    case ParamSpec::Type::Choice: {
        auto* b = static_cast<QComboBox*>(w);
        b->setCurrentIndex(std::max(0, b->findData(v.toString())));
        break;
    }
    case ParamSpec::Type::Text:
        static_cast<QLineEdit*>(w)->setText(v.toString());
        break;
    case ParamSpec::Type::Range: {
        const QJsonArray a = v.toArray();
        w->findChild<QDoubleSpinBox*>("from")->setValue(a.size() == 2 ? a[0].toDouble() : s.min);
        w->findChild<QDoubleSpinBox*>("to")->setValue(a.size() == 2 ? a[1].toDouble() : s.max);
        break;
    }
    case ParamSpec::Type::Table: {
        auto* t = static_cast<QTableWidget*>(w);
        const QJsonArray rows = v.toArray();
        t->setRowCount(int(rows.size()));
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < int(s.columns.size()); ++c) {
                const QJsonValue cell = rows[r].toObject().value(s.columns[size_t(c)].key);
                t->setItem(r, c,
                           new QTableWidgetItem(cell.isDouble() ? QLocale().toString(cell.toDouble(), 'g', 8)
                                                                : cell.toVariant().toString()));
            }
        break;
    }
    case ParamSpec::Type::DatasetRef: {
        auto* b = static_cast<QComboBox*>(w);
        b->setCurrentIndex(v.isDouble() ? std::max(0, b->findData(qint64(v.toDouble()))) : 0);
        break;
    }
    }
}

QJsonValue ParamForm::fieldValue(const ParamSpec& s, QWidget* w) const
{
    switch (s.type) {
    case ParamSpec::Type::Number: {
        auto* d = static_cast<QDoubleSpinBox*>(w);
        return d->property("optional").toBool() && d->value() == d->minimum() ? QJsonValue()
                                                                              : QJsonValue(d->value());
    }
    case ParamSpec::Type::Integer:
        return static_cast<QSpinBox*>(w)->value();
    case ParamSpec::Type::Boolean:
        return static_cast<QCheckBox*>(w)->isChecked();
    case ParamSpec::Type::Choice:
        return static_cast<QComboBox*>(w)->currentData().toString();
    case ParamSpec::Type::Text:
        return static_cast<QLineEdit*>(w)->text();
    case ParamSpec::Type::Range:
        return QJsonArray{w->findChild<QDoubleSpinBox*>("from")->value(),
                          w->findChild<QDoubleSpinBox*>("to")->value()};
    case ParamSpec::Type::Table: {
        auto* t = static_cast<QTableWidget*>(w);
        QJsonArray rows;
        for (int r = 0; r < t->rowCount(); ++r) {
            QJsonObject row;
            for (int c = 0; c < int(s.columns.size()); ++c) {
                const ParamSpec& col = s.columns[size_t(c)];
                const QString text = t->item(r, c) ? t->item(r, c)->text() : QString();
                bool ok = false;
                const double d = QLocale().toDouble(text, &ok);
                if (col.type == ParamSpec::Type::Boolean)
                    row.insert(col.key, text == QLatin1String("true") || text == QLatin1String("1"));
                else if ((col.type == ParamSpec::Type::Number || col.type == ParamSpec::Type::Integer) && ok)
                    row.insert(col.key, d);
                else if (!text.isEmpty())
                    row.insert(col.key, text);
            }
            rows.append(row);
        }
        return rows;
    }
    case ParamSpec::Type::DatasetRef: {
        const QVariant id = static_cast<QComboBox*>(w)->currentData();
        return id.isValid() ? QJsonValue(id.toLongLong()) : QJsonValue();
    }
    }
    return {};
}

void ParamForm::setValues(const QJsonObject& values)
{
    m_loading = true;
    for (size_t i = 0; i < m_schema.size(); ++i) {
        const ParamSpec& s = m_schema[i];
        QWidget* w = m_fields[i];
        if (QWidget* f = QApplication::focusWidget(); f && (f == w || w->isAncestorOf(f)))
            continue; // never fight the user's typing
        setFieldValue(s, w, values.contains(s.key) ? values.value(s.key) : s.defaultValue);
    }
    m_loading = false;
}

QJsonObject ParamForm::values() const
{
    QJsonObject o;
    for (size_t i = 0; i < m_schema.size(); ++i)
        o.insert(m_schema[i].key, fieldValue(m_schema[i], m_fields[i]));
    return o;
}

void ParamForm::emitEdited(int mergeKey)
{
    if (!m_loading) Q_EMIT edited(values(), mergeKey);
}

} // namespace vanadis
