#include "widgets/SamplePanel.h"

#include "analysis/AnalysisRegistry.h"
#include "model/Commands.h"
#include "model/Project.h"
#include "widgets/ProjectTree.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <cmath>

namespace vanadis {

SamplePanel::SamplePanel(QWidget* parent) : QWidget(parent)
{
    m_name = new QLineEdit;
    m_color = new QPushButton;
    m_marker = new QComboBox;
    // Stored values with their display names, marked for translation where they are listed.
    static const char* const markers[] = {QT_TR_NOOP("circle"),  QT_TR_NOOP("square"), QT_TR_NOOP("triangle"),
                                          QT_TR_NOOP("diamond"), QT_TR_NOOP("cross"),  QT_TR_NOOP("plus"),
                                          QT_TR_NOOP("star"),    QT_TR_NOOP("none")};
    for (const char* m : markers)
        m_marker->addItem(tr(m), QString::fromLatin1(m));
    m_dash = new QComboBox;
    static const char* const dashes[] = {QT_TR_NOOP("solid"), QT_TR_NOOP("dash"), QT_TR_NOOP("dot"),
                                         QT_TR_NOOP("dashdot")};
    for (const char* d : dashes)
        m_dash->addItem(tr(d), QString::fromLatin1(d));
    m_mass = new QDoubleSpinBox;
    m_mass->setRange(0.0, 10000.0);
    m_mass->setDecimals(3);
    m_mass->setSingleStep(0.01);
    m_mass->setSuffix(tr(" mg"));
    m_mass->setSpecialValueText(tr("unknown"));
    m_mass->setToolTip(tr("Active mass per electrode. Capacities in mAh g⁻¹ are divided by it."));
    m_basis = new QComboBox;
    m_basis->addItem(tr("composite (V2O3@C)"), QStringLiteral("composite"));
    m_basis->addItem(tr("oxide only (V2O3)"), QStringLiteral("active_oxide"));
    m_carbon = new QLabel;
    m_carbon->setWordWrap(true);
    m_carbon->setToolTip(tr("With the 'oxide only' basis, capacities are per gram of V2O3: the active mass "
                            "times (1 − this carbon share), from the sample's TGA result."));
    m_composition = new QComboBox;
    m_composition->addItem(tr("not stated"), QString());
    for (const char* oxide : {"V2O3", "VO2", "V2O4"})
        m_composition->addItem(QStringLiteral("%1 → V2O5").arg(QLatin1String(oxide)),
                               QString::fromLatin1(oxide));
    m_composition->addItem(tr("V2O5 (no change in O2)"), QStringLiteral("V2O5"));
    m_composition->setToolTip(
        tr("The oxide of the composite before a TGA run in O2 and the V2O5 left after it: the carbon content "
           "is corrected for the oxidation's mass gain. For V2O3@C: V2O3 → V2O5. Not stated: no carbon "
           "content from an oxidation (a run may still name its own oxide or use a plain burn-off)."));
    m_notes = new QPlainTextEdit;
    m_notes->setTabChangesFocus(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(tr("&Marker:"), m_marker);
    form->addRow(tr("&Line:"), m_dash);
    form->addRow(tr("Active &mass:"), m_mass);
    form->addRow(tr("Mass &basis:"), m_basis);
    form->addRow(tr("Com&position (TGA):"), m_composition);
    form->addRow(tr("Carbon (TGA):"), m_carbon);
    form->addRow(tr("N&otes:"), m_notes);
    m_name->setAccessibleName(tr("Sample name"));
    m_color->setAccessibleName(tr("Sample colour"));
    m_mass->setAccessibleName(tr("Active mass in mg"));

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (!m_name->text().trimmed().isEmpty()) push(int(SampleField::Name), m_name->text().trimmed());
    });
    connect(m_color, &QPushButton::clicked, this, [this] {
        const Sample* s = m_project ? m_project->sample(m_sampleId) : nullptr;
        if (!s) return;
        const QColor c = QColorDialog::getColor(s->color, this, tr("Sample colour"));
        if (c.isValid()) push(int(SampleField::Color), c);
    });
    connect(m_marker, &QComboBox::currentIndexChanged, this,
            [this] { push(int(SampleField::Marker), m_marker->currentData()); });
    connect(m_dash, &QComboBox::currentIndexChanged, this,
            [this] { push(int(SampleField::Dash), m_dash->currentData()); });
    connect(m_basis, &QComboBox::currentIndexChanged, this,
            [this] { push(int(SampleField::MassBasis), m_basis->currentData()); });
    // Start and residue oxide change together: one undo step.
    connect(m_composition, &QComboBox::currentIndexChanged, this, [this] {
        const Sample* s = m_project ? m_project->sample(m_sampleId) : nullptr;
        if (m_loading || !s) return;
        const QString start = m_composition->currentData().toString();
        if (start == s->startOxide) return;
        m_project->undoStack()->beginMacro(
            tr("Composition of %1: %2").arg(s->name, m_composition->currentText()));
        push(int(SampleField::StartOxide), start);
        push(int(SampleField::ResidueOxide), start.isEmpty() ? QString() : QStringLiteral("V2O5"));
        m_project->undoStack()->endMacro();
    });
    // Arrow-key or wheel steps merge into one undo step until the field loses focus.
    connect(m_mass, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        push(int(SampleField::ActiveMassMg), v <= 0.0 ? std::nan("") : v, m_editSession);
    });
    connect(m_mass, &QDoubleSpinBox::editingFinished, this, [this] { ++m_editSession; });
    connect(m_notes, &QPlainTextEdit::textChanged, this,
            [this] { push(int(SampleField::Notes), m_notes->toPlainText(), 1'000'000 + m_editSession); });
    setEnabled(false);
}

void SamplePanel::setProject(Project* project)
{
    if (m_project) disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    m_sampleId = 0;
    if (m_project) {
        connect(m_project, &Project::sampleChanged, this, [this](Id id) {
            if (id == m_sampleId) load();
        });
        connect(m_project, &Project::sampleRemoved, this, [this](Id id) {
            if (id == m_sampleId) setSample(0);
        });
        connect(m_project, &Project::modelReset, this, [this] { setSample(0); });
        // The carbon content follows the sample's TGA result.
        connect(m_project, &Project::runChanged, this, [this](Id runId) {
            const AnalysisRun* r = m_project->run(runId);
            const Sample* s = r ? m_project->sampleOfDataset(r->datasetId()) : nullptr;
            if (s && s->id == m_sampleId) load();
        });
    }
    load();
}

void SamplePanel::setSample(Id sampleId)
{
    if (sampleId != m_sampleId) ++m_editSession;
    m_sampleId = sampleId;
    load();
}

void SamplePanel::load()
{
    const Sample* s = m_project ? m_project->sample(m_sampleId) : nullptr;
    setEnabled(s != nullptr);
    m_loading = true;
    if (s) {
        if (!m_name->hasFocus()) m_name->setText(s->name);
        m_color->setText(s->color.name());
        m_color->setIcon(sampleIcon(s->color));
        m_marker->setCurrentIndex(std::max(0, m_marker->findData(s->marker)));
        m_dash->setCurrentIndex(std::max(0, m_dash->findData(s->dash)));
        if (!m_mass->hasFocus()) m_mass->setValue(std::isnan(s->activeMassMg) ? 0.0 : s->activeMassMg);
        m_basis->setCurrentIndex(std::max(0, m_basis->findData(massBasisKey(s->massBasis))));
        m_composition->setCurrentIndex(std::max(0, m_composition->findData(s->startOxide)));
        if (m_notes->toPlainText() != s->notes) m_notes->setPlainText(s->notes);
        const QJsonObject context = sampleContextOf(*m_project, *s);
        const QJsonValue carbon = context.value("carbon_wt_pct");
        const int candidates = context.value("carbon_wt_pct_run_candidates").toInt();
        if (carbon.isDouble() && candidates > 1)
            // Several TGA results: say which one the capacity basis uses.
            m_carbon->setText(tr("%1 wt% (the oxide is %2 % of the composite), from TGA '%3', the newest of "
                                 "%4 TGA results")
                                  .arg(QLocale().toString(carbon.toDouble(), 'f', 2))
                                  .arg(QLocale().toString(100.0 - carbon.toDouble(), 'f', 2))
                                  .arg(context.value("carbon_wt_pct_run_dataset").toString())
                                  .arg(candidates));
        else if (carbon.isDouble())
            m_carbon->setText(tr("%1 wt% (the oxide is %2 % of the composite)")
                                  .arg(QLocale().toString(carbon.toDouble(), 'f', 2))
                                  .arg(QLocale().toString(100.0 - carbon.toDouble(), 'f', 2)));
        else
            m_carbon->setText(s->massBasis == MassBasis::ActiveOxideOnly
                                  ? tr("no TGA result yet: capacities per gram of V2O3 cannot be computed")
                                  : tr("no TGA result"));
    } else {
        m_carbon->clear();
        m_name->clear();
        m_color->setText({});
        m_color->setIcon({});
        m_notes->clear();
    }
    m_loading = false;
}

void SamplePanel::push(int field, const QVariant& value, int mergeKey)
{
    if (m_loading || !m_project) return;
    const Sample* s = m_project->sample(m_sampleId);
    if (!s) return;
    const auto f = SampleField(field);
    const QVariant current = EditSampleCommand::read(*s, f);
    if (current == value) return;
    if (f == SampleField::ActiveMassMg && std::isnan(current.toDouble()) && std::isnan(value.toDouble()))
        return;
    m_project->undoStack()->push(new EditSampleCommand(m_project, m_sampleId, f, value, mergeKey));
}

} // namespace vanadis
