#pragma once
/// \file ColumnMappingDialog.h
/// The generic delimited-text import wizard (in the spirit of Origin's import wizard): shown when a
/// text file has no specific instrument reader. The user confirms or overrides delimiter, decimal
/// separator and header rows, picks technique and dataset kind, and maps each source column to a
/// quantity and a unit. Nothing is guessed silently: a layout that cannot be read is an error that
/// disables Import, and columns without a unit are named in a warning.

#include "io/import/DelimitedTextImporter.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace vanadis {

class ColumnMappingDialog : public QDialog {
    Q_OBJECT
public:
    /// \a text is the decoded file content (decodeText from TextDecoding.h); \a filePath names the
    /// file in the title and in error messages.
    ColumnMappingDialog(const QString& filePath, const QString& text, QWidget* parent = nullptr);
    ~ColumnMappingDialog() override;

    /// What the user chose: technique, kind, format "generic-delimited" and DelimitedOptions with
    /// delimiter / decimal comma / header rows set only where the user overrode "Auto", and the
    /// mapping of the checked columns. Meaningful while layout() has a value (Import is disabled
    /// otherwise).
    ImportOptions options() const;

    /// The layout detect() found with the current overrides; empty while detection fails.
    const std::optional<DelimitedLayout>& layout() const { return m_layout; }
    /// The detection error shown in red; empty when the layout was read.
    QString errorText() const { return m_errorText; }
    /// 0-based indices of the checked columns whose unit is empty.
    QList<int> columnsWithoutUnit() const;

    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// The editors of one source column, in the frozen rows above the preview.
    struct ColumnEditor {
        QCheckBox* import = nullptr;
        QLineEdit* quantity = nullptr;
        QComboBox* unit = nullptr;
        bool userEdited = false; ///< keep the user's choices when the layout is re-detected
    };

    void buildUi();
    void restoreSettings();
    void saveSettings() const;
    DelimitedOptions overrides() const;
    void redetect();
    void rebuildEditors();
    void fillPreview();
    void fillUnitChoices(int column);
    void updateAutoLabels();
    void updateGuess();
    void updateKindChoices();
    void updateState();
    void updateTabOrder();
    void syncColumnWidths();
    void setError(const QString& message);

    QString m_filePath;
    QString m_text;
    std::optional<DelimitedLayout> m_layout;
    QString m_errorText;
    std::optional<std::pair<Technique, QString>> m_guess;
    bool m_techniqueTouched = false;
    bool m_kindTouched = false;
    bool m_updating = false;

    QComboBox* m_delimiter = nullptr;
    QComboBox* m_decimal = nullptr;
    QSpinBox* m_headerRows = nullptr;
    QComboBox* m_technique = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_warningLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_editorTable = nullptr;
    QTableWidget* m_preview = nullptr;
    QPlainTextEdit* m_rawText = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::vector<ColumnEditor> m_editors;
};

} // namespace vanadis
