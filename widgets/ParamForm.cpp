#include "widgets/ParamForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
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
} // namespace

ParamForm::ParamForm(QWidget* parent) : QWidget(parent) { new QFormLayout(this); }

void ParamForm::setSchema(const ParamSchema& schema)
{
    bool same = schema.size() == m_schema.size();
    for (size_t i = 0; same && i < schema.size(); ++i) same = schema[i].key == m_schema[i].key;
    if (same) return;
    m_schema = schema;
    auto* form = static_cast<QFormLayout*>(layout());
    while (form->rowCount() > 0) form->removeRow(0);
    m_fields.clear();
    for (const ParamSpec& s : m_schema) {
        QWidget* w = nullptr;
        switch (s.type) {
        case ParamSpec::Type::Number: {
            auto* sb = new QDoubleSpinBox;
            sb->setDecimals(decimalsFor(s));
            sb->setRange(std::isfinite(s.min) ? s.min : -1e12, std::isfinite(s.max) ? s.max : 1e12);
            sb->setSingleStep(std::isfinite(s.max) && std::isfinite(s.min) ? (s.max - s.min) / 100.0 : 1.0);
            if (!s.unit.isEmpty()) sb->setSuffix(" " + s.unit);
            // A minimum below the physical range means "automatic" (e.g. BET window limits).
            if (s.min < 0 && s.defaultValue.toDouble() < 0) sb->setSpecialValueText(tr("automatic"));
            // Optional readings (null default, e.g. TGA cursors): one step below the range is "none".
            if (s.defaultValue.isNull()) {
                sb->setMinimum(sb->minimum() - sb->singleStep());
                sb->setSpecialValueText(tr("none"));
                sb->setProperty("optional", true);
            }
            connect(sb, &QDoubleSpinBox::valueChanged, this, [this] { emitEdited(m_session); });
            connect(sb, &QDoubleSpinBox::editingFinished, this, [this] { ++m_session; });
            w = sb;
            break;
        }
        case ParamSpec::Type::Integer: {
            auto* sb = new QSpinBox;
            sb->setRange(int(std::max(-1e9, s.min)), int(std::min(1e9, s.max)));
            if (!s.unit.isEmpty()) sb->setSuffix(" " + s.unit);
            connect(sb, &QSpinBox::valueChanged, this, [this] { emitEdited(m_session); });
            connect(sb, &QSpinBox::editingFinished, this, [this] { ++m_session; });
            w = sb;
            break;
        }
        case ParamSpec::Type::Boolean: {
            auto* cb = new QCheckBox;
            connect(cb, &QCheckBox::toggled, this, [this] { emitEdited(-1); });
            w = cb;
            break;
        }
        case ParamSpec::Type::Choice: {
            auto* cb = new QComboBox;
            cb->addItems(s.choices);
            connect(cb, &QComboBox::currentIndexChanged, this, [this] { emitEdited(-1); });
            w = cb;
            break;
        }
        case ParamSpec::Type::Text: {
            auto* le = new QLineEdit;
            connect(le, &QLineEdit::editingFinished, this, [this] { emitEdited(-1); });
            w = le;
            break;
        }
        }
        w->setToolTip(s.help);
        w->setAccessibleName(s.label);
        form->addRow(s.label + ":", w);
        m_fields.push_back(w);
    }
}

void ParamForm::setValues(const QJsonObject& values)
{
    m_loading = true;
    for (size_t i = 0; i < m_schema.size(); ++i) {
        const ParamSpec& s = m_schema[i];
        const QJsonValue v = values.contains(s.key) ? values.value(s.key) : s.defaultValue;
        QWidget* w = m_fields[i];
        if (w->hasFocus()) continue; // never fight the user's typing
        if (auto* d = qobject_cast<QDoubleSpinBox*>(w)) d->setValue(v.isNull() ? d->minimum() : v.toDouble());
        else if (auto* n = qobject_cast<QSpinBox*>(w)) n->setValue(v.toInt());
        else if (auto* c = qobject_cast<QCheckBox*>(w)) c->setChecked(v.toBool());
        else if (auto* b = qobject_cast<QComboBox*>(w)) b->setCurrentIndex(std::max(0, b->findText(v.toString())));
        else if (auto* l = qobject_cast<QLineEdit*>(w)) l->setText(v.toString());
    }
    m_loading = false;
}

QJsonObject ParamForm::values() const
{
    QJsonObject o;
    for (size_t i = 0; i < m_schema.size(); ++i) {
        const ParamSpec& s = m_schema[i];
        QWidget* w = m_fields[i];
        if (auto* d = qobject_cast<QDoubleSpinBox*>(w))
            o.insert(s.key, d->property("optional").toBool() && d->value() == d->minimum() ? QJsonValue() : QJsonValue(d->value()));
        else if (auto* n = qobject_cast<QSpinBox*>(w)) o.insert(s.key, n->value());
        else if (auto* c = qobject_cast<QCheckBox*>(w)) o.insert(s.key, c->isChecked());
        else if (auto* b = qobject_cast<QComboBox*>(w)) o.insert(s.key, b->currentText());
        else if (auto* l = qobject_cast<QLineEdit*>(w)) o.insert(s.key, l->text());
    }
    return o;
}

void ParamForm::emitEdited(int mergeKey)
{
    if (!m_loading) Q_EMIT edited(values(), mergeKey);
}

} // namespace vanadis
