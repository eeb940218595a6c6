#pragma once
/// \file DelimitedTextImporter.h
/// Generic delimited text (CSV, TSV, semicolon with decimal comma, whitespace columns) that every
/// technique can use. Delimiter, decimal separator and header rows are detected from the content and
/// can be overridden (the GUI's column-mapping dialog sets DelimitedOptions).
///
/// - Lines above the data are header: the column names come from the last one with as many cells
///   as the data (a leading comment marker "#", "%", "!" or "//" is not a cell), optionally followed
///   by a unit row.
/// - Text after the data is a footer: rows that start with a word, with no row of numbers after
///   them. A row that starts with a number but is not a full row of numbers is an error with its
///   line, so damaged data is never dropped silently.
/// - No row of numbers is longer than 4096 columns × 64 characters; longer lines are never split into
///   cells, which keeps hostile input (a file without line breaks) fast.

#include "io/import/Importer.h"

namespace vanadis {

/// What detection found, shown in the column-mapping dialog before import.
struct DelimitedLayout {
    QChar delimiter; ///< ' ' means runs of whitespace
    bool decimalComma = false;
    int headerRows = 0;
    int columnCount = 0;
    QStringList columnNames;          ///< from the last header row, or "Column 1"...
    QStringList columnUnits;          ///< parsed from "Name (unit)", "Name [unit]", "Name/unit" or a unit row
    std::vector<QStringList> preview; ///< first rows split into cells
};

class DelimitedTextImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("generic-delimited"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// Generic tables may be long (in-situ stacks, 10⁷-row logs); 512 MiB keeps decoding within memory.
    qint64 maxFileBytes() const override { return qint64(512) << 20; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;

    /// Detects the layout (with the options' overrides applied).
    static Expected<DelimitedLayout> detect(const QString& text, const QString& fileName,
                                            const DelimitedOptions& options = {});
    /// Splits "Voltage (V)", "Time [s]", "Capacity/mAh g-1" into name and unit.
    static std::pair<QString, QString> splitNameUnit(const QString& header);
    /// Technique and kind suggested by the column names; nullopt when nothing matches.
    static std::optional<std::pair<Technique, QString>> guessTechnique(const QStringList& names);
};

} // namespace vanadis
