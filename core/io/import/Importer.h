#pragma once
/// \file Importer.h
/// One class per file format, registered in one explicit table (ImporterRegistry.cpp), in the style
/// of xylib. An importer recognises its format by content (sniff) and parses the whole file before
/// anything enters the project: a file either imports completely or not at all.

#include "model/Dataset.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
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
    std::optional<QChar> delimiter; ///< ',', ';', '\t', ' ' (whitespace runs)
    std::optional<bool> decimalComma;
    std::optional<int> headerRows;      ///< lines before the first data row
    std::vector<ColumnMapping> mapping; ///< empty = all columns, names/units from the header
};

/// Files up to this size keep their bytes in memory until the project is saved, so a file moved or
/// deleted right after import is still embedded. Larger ones are read through a mapping that never holds
/// the whole file resident, and are referenced (path, size, time, SHA-256) and embedded from disk on save.
constexpr qint64 kOriginalInMemoryLimit = qint64(64) << 20;

struct ImportOptions {
    std::optional<Technique> technique; ///< forced technique; otherwise guessed from the content
    QString kind;                       ///< forced kind ("cv", "eis", ...); otherwise guessed
    QString format;                     ///< importer id to force; empty = detect
    DelimitedOptions delimited;
    qint64 originalInMemoryLimit = kOriginalInMemoryLimit; ///< see kOriginalInMemoryLimit (bytes)
};

/// A parsed dataset before it becomes part of a project (ids and provenance are added on import).
/// metadata["warnings"] (an array of strings) lists what the user should know about the import: points
/// left out, values that look cut short. An importer either fails or names every such thing there —
/// never a silently shorter dataset. addImportWarning() appends one.
struct ImportedDataset {
    Technique technique = Technique::Xrd;
    QString kind;
    QString name;
    std::vector<Column> columns;
    QJsonObject metadata;
};

/// Appends \a text to metadata["warnings"] of \a dataset.
void addImportWarning(ImportedDataset& dataset, const QString& text);
/// The strings of metadata["warnings"].
QStringList importWarnings(const ImportedDataset& dataset);

/// Default size limit of Importer::maxFileBytes(): far above any instrument export, far below what makes
/// decoding (a QString is twice the bytes) and splitting into lines run out of memory.
constexpr qint64 kDefaultMaxFileBytes = qint64(256) << 20;

class Importer {
public:
    virtual ~Importer() = default;
    virtual QString id() const = 0; ///< stable id stored in provenance, e.g. "generic-delimited"
    virtual QString version() const = 0;
    virtual QString displayName() const = 0; ///< for menus and messages
    /// 0 = not this format … 100 = certainly this format, from the first bytes and the file name.
    virtual int sniff(const QByteArray& head, const QString& fileName) const = 0;
    /// Largest file this reader accepts (bytes). parseFile() refuses larger files after reading only the
    /// head, with a message naming the limit, so that a huge or endless input never exhausts memory.
    virtual qint64 maxFileBytes() const { return kDefaultMaxFileBytes; }
    /// True when read() itself refuses a file cut anywhere inside its data (the format closes every table
    /// with a marker), so parseFile() need not warn that a file without a final line break may be cut.
    virtual bool detectsTruncation() const { return false; }
    /// Parses the complete file. Errors name the file, the line (or byte) and the reason.
    virtual Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                        const ImportOptions& options) const = 0;
};

} // namespace vanadis
