#pragma once
/// \file CompareTab.h
/// The samples of the series side by side: identity, active mass, the headline outputs every analysis
/// declares (BET area, carbon content, …) read from the stored runs — nothing is computed here — and
/// what was measured. Ctrl+C (or "Copy table") puts the whole table on the clipboard as tab-separated
/// text with a header row, ready for a spreadsheet.

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
    /// The table as tab-separated text (header row first), as copied to the clipboard.
    QString tableText() const;
    void copyTable() const;

private:
    QTableWidget* m_table = nullptr;
};

} // namespace vanadis
