#pragma once
/// \file SamplePanel.h
/// Properties of the current sample: name, plot identity (colour, marker, dash), active mass and
/// its basis, notes. Every change is an undoable EditSampleCommand; spin-box steps merge into one.

#include "model/Types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vanadis {

class Project;

class SamplePanel : public QWidget {
    Q_OBJECT
public:
    explicit SamplePanel(QWidget* parent = nullptr);
    void setProject(Project* project);
    void setSample(Id sampleId);
    Id sampleId() const { return m_sampleId; }

private:
    void load();
    void push(int field, const QVariant& value, int mergeKey = -1);

    Project* m_project = nullptr;
    Id m_sampleId = 0;
    bool m_loading = false;
    int m_editSession = 0;
    QLineEdit* m_name = nullptr;
    QPushButton* m_color = nullptr;
    QComboBox* m_marker = nullptr;
    QComboBox* m_dash = nullptr;
    QDoubleSpinBox* m_mass = nullptr;
    QComboBox* m_basis = nullptr;
    QLabel* m_carbon = nullptr; ///< the carbon content of the sample's TGA run, for the oxide-only basis
    QPlainTextEdit* m_notes = nullptr;
};

} // namespace vanadis
