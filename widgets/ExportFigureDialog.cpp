#include "widgets/ExportFigureDialog.h"

#include "widgets/plot/PlotTheme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace vanadis {

ExportFigureDialog::ExportFigureDialog(const QString& suggestedBaseName, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Export figure"));
    QSettings settings;
    settings.beginGroup("export");

    auto* formats = new QHBoxLayout;
    m_pdf = new QCheckBox("PDF");
    m_svg = new QCheckBox("SVG");
    m_png = new QCheckBox("PNG");
    m_tiff = new QCheckBox("TIFF");
    m_csv = new QCheckBox(tr("CSV data"));
    const QStringList chosen = settings.value("formats", QStringList{"pdf", "csv"}).toStringList();
    for (auto [box, key] :
         {std::pair{m_pdf, "pdf"}, {m_svg, "svg"}, {m_png, "png"}, {m_tiff, "tiff"}, {m_csv, "csv"}}) {
        box->setChecked(chosen.contains(QLatin1String(key)));
        formats->addWidget(box);
    }

    m_preset = new QComboBox;
    for (const JournalPreset& p : PlotTheme::journalPresets()) {
        m_preset->addItem(tr("%1 single column (%2 mm)").arg(p.name).arg(p.singleColumnMm), p.singleColumnMm);
        m_preset->addItem(tr("%1 double column (%2 mm)").arg(p.name).arg(p.doubleColumnMm), p.doubleColumnMm);
    }
    m_preset->addItem(tr("Custom width"), 0.0);
    m_width = new QDoubleSpinBox;
    m_width->setRange(10, 2000);
    m_width->setDecimals(1);
    m_width->setSuffix(" mm");
    m_width->setValue(settings.value("width_mm", 85.0).toDouble());
    m_height = new QDoubleSpinBox;
    m_height->setRange(10, 2000);
    m_height->setDecimals(1);
    m_height->setSuffix(" mm");
    m_height->setValue(settings.value("height_mm", 64.0).toDouble());
    m_dpi = new QSpinBox;
    m_dpi->setRange(50, 2400); // typed freely: a list stopping at 300 is a known complaint
    m_dpi->setSuffix(" dpi");
    m_dpi->setValue(settings.value("dpi", 600).toInt());
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        const double w = m_preset->currentData().toDouble();
        if (w > 0) {
            m_width->setValue(w);
            m_height->setValue(std::round(w * 0.75));
        }
    });
    const int presetIndex = m_preset->findData(m_width->value());
    m_preset->setCurrentIndex(presetIndex >= 0 ? presetIndex : m_preset->count() - 1);

    const QString dir =
        settings.value("dir", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    m_path = new QLineEdit(QDir(dir).filePath(suggestedBaseName));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export figure as"), m_path->text());
        if (!p.isEmpty()) m_path->setText(QFileInfo(p).dir().filePath(QFileInfo(p).completeBaseName()));
    });
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Formats:"), formats);
    form->addRow(tr("&Preset:"), m_preset);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("&Resolution (PNG/TIFF):"), m_dpi);
    form->addRow(tr("&File (without extension):"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportFigureDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QStringList ExportFigureDialog::formats() const
{
    QStringList f;
    if (m_pdf->isChecked()) f << "pdf";
    if (m_svg->isChecked()) f << "svg";
    if (m_png->isChecked()) f << "png";
    if (m_tiff->isChecked()) f << "tiff";
    if (m_csv->isChecked()) f << "csv";
    return f;
}

double ExportFigureDialog::widthMm() const
{
    return m_width->value();
}
double ExportFigureDialog::heightMm() const
{
    return m_height->value();
}
double ExportFigureDialog::dpi() const
{
    return m_dpi->value();
}
QString ExportFigureDialog::basePath() const
{
    return m_path->text().trimmed();
}

void ExportFigureDialog::accept()
{
    if (formats().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose at least one format."));
        return;
    }
    if (basePath().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a file name."));
        return;
    }
    QSettings settings;
    settings.beginGroup("export");
    settings.setValue("formats", formats());
    settings.setValue("width_mm", widthMm());
    settings.setValue("height_mm", heightMm());
    settings.setValue("dpi", int(dpi()));
    settings.setValue("dir", QFileInfo(basePath()).absolutePath());
    QDialog::accept();
}

} // namespace vanadis
