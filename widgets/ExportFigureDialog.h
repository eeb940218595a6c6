#pragma once
/// \file ExportFigureDialog.h
/// Publication export: format(s), journal preset or a typed width, height, dpi typed freely, file
/// name. Remembers the last choices. The rendering itself is PlotExporter's.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace vanadis {

class ExportFigureDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportFigureDialog(const QString& suggestedBaseName, QWidget* parent = nullptr);
    QStringList formats() const; ///< "pdf", "svg", "png", "tiff", "csv"
    double widthMm() const;
    double heightMm() const;
    double dpi() const;
    QString basePath() const; ///< path without extension

    void accept() override;

private:
    QCheckBox* m_pdf;
    QCheckBox* m_svg;
    QCheckBox* m_png;
    QCheckBox* m_tiff;
    QCheckBox* m_csv;
    QComboBox* m_preset;
    QDoubleSpinBox* m_width;
    QDoubleSpinBox* m_height;
    QSpinBox* m_dpi;
    QLineEdit* m_path;
};

} // namespace vanadis
