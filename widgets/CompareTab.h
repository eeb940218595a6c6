#pragma once
/// \file CompareTab.h
/// The samples of the series side by side: identity, active mass and what was measured. Technique
/// issues add their key results (BET area, carbon content, capacities, Rct …) as columns.

#include "model/Types.h"

#include <QWidget>

class QTableWidget;

namespace vanadis {

class Project;

class CompareTab : public QWidget {
    Q_OBJECT
public:
    explicit CompareTab(QWidget* parent = nullptr);
    void refresh(const Project* project);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace vanadis
