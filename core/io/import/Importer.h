#pragma once
/// \file Importer.h
/// One class per file format, registered in one explicit table (ImporterRegistry.cpp), in the style
/// of xylib. An importer recognises its format by content (sniff) and parses the whole file before
/// anything enters the project: a file either imports completely or not at all.

#include "model/Dataset.h"

#include <QByteArray>
#include <QJsonObject>
#include <optional>

namespace vanadis {

/// How the user mapped one source column of a delimited text file.
struct ColumnMapping {
    int sourceColumn = 0; ///< 0-based
    QString quantity;     ///< e.g. "2Theta", "Intensity", "Voltage"
    QString unit;         ///< e.g. "deg", "counts", "V"
};

/// Options of the generic delimited-text reader; unset fields are detected from the content.
struct DelimitedOptions {
    std::optional<QChar> delimiter;  ///< ',', ';', '\t', ' ' (whitespace runs)
    std::optional<bool> decimalComma;
    std::optional<int> headerRows;   ///< lines before the first data row
    std::vector<ColumnMapping> mapping; ///< empty = all columns, names/units from the header
};

struct ImportOptions {
    std::optional<Technique> technique; ///< forced technique; otherwise guessed from the content
    QString kind;                       ///< forced kind ("cv", "eis", ...); otherwise guessed
    QString format;                     ///< importer id to force; empty = detect
    DelimitedOptions delimited;
};

/// A parsed dataset before it becomes part of a project (ids and provenance are added on import).
struct ImportedDataset {
    Technique technique = Technique::Xrd;
    QString kind;
    QString name;
    std::vector<Column> columns;
    QJsonObject metadata;
};

class Importer {
public:
    virtual ~Importer() = default;
    virtual QString id() const = 0;          ///< stable id stored in provenance, e.g. "generic-delimited"
    virtual QString version() const = 0;
    virtual QString displayName() const = 0; ///< for menus and messages
    /// 0 = not this format … 100 = certainly this format, from the first bytes and the file name.
    virtual int sniff(const QByteArray& head, const QString& fileName) const = 0;
    /// Parses the complete file. Errors name the file, the line (or byte) and the reason.
    virtual Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                        const ImportOptions& options) const = 0;
};

} // namespace vanadis
