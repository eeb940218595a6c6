#pragma once
/// \file Dataset.h
/// An immutable measurement: technique, named columns with units, instrument metadata and provenance.
/// Columns of a dataset read from a project file are loaded on first use, so opening a large project
/// only reads the tree.

#include "model/Types.h"
#include "numeric/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <memory>
#include <mutex>
#include <optional>

namespace vanadis {

/// Where a dataset came from, so a number can be traced back to the instrument file.
struct Provenance {
    QString originalFileName; ///< file name as imported (no directory)
    QString sha256;           ///< hex SHA-256 of the original bytes; the embedded copy is stored under it
    qint64 fileSize = 0;      ///< bytes
    QString importerId;       ///< e.g. "generic-delimited", "demo-forward-model"
    QString importerVersion;
    QDateTime importedAtUtc;
    /// Why the original file is not embedded in the project (it changed or vanished between import and
    /// save, or is too large for one embedded file); empty when it is, or will be on the next save.
    QString originalNotEmbedded;
};

/// The file a dataset was imported from, when its bytes are not kept in memory (a large record file):
/// the project embeds it from disk on save, after checking it is still the same file (size and SHA-256).
struct SourceFile {
    QString path;          ///< absolute path at import time
    qint64 size = 0;       ///< bytes
    QDateTime modifiedUtc; ///< last modification at import time
    QString sha256;        ///< hex SHA-256 of the bytes that were parsed (= Provenance::sha256)
};

/// Name, unit and length of a column, known without loading the values.
struct ColumnHeader {
    QString name;
    QString unit;
    qsizetype count = 0;
};

/// Supplies the values of datasets that live in a project file (implemented by the project store).
class ColumnSource {
public:
    virtual ~ColumnSource() = default;
    virtual Expected<std::vector<Column>> loadColumns(Id datasetId) = 0;
    virtual Expected<QByteArray> loadOriginalFile(const QString& sha256) = 0;
};

/// A measurement. Cheap to copy: copies share the (immutable) payload.
class Dataset {
public:
    Dataset() = default;
    /// A dataset whose values are in memory (freshly imported or generated).
    /// \a kind is a dataset type (DatasetType.h) or a legacy kind, which is split into type and label.
    Dataset(Id id, Technique technique, QString kind, QString name, std::vector<Column> columns,
            QJsonObject metadata, Provenance provenance, QByteArray originalFile = {});
    /// A freshly imported dataset whose original bytes stay in \a source on disk until the project is
    /// saved (see SourceFile).
    Dataset(Id id, Technique technique, QString kind, QString name, std::vector<Column> columns,
            QJsonObject metadata, Provenance provenance, SourceFile source);
    /// A dataset stored in a project file; values come from \a source on first use.
    static Dataset lazy(Id id, Technique technique, QString type, QString label, QString name,
                        std::vector<ColumnHeader> headers, QJsonObject metadata, Provenance provenance,
                        std::shared_ptr<ColumnSource> source);
    /// The same measurement under another label (shares the payload: values are immutable).
    Dataset withLabel(QString label) const;

    Id id() const { return m_id; }
    Technique technique() const { return m_technique; }
    /// What the data is (DatasetType.h): "isotherm", "tga_curve", "xps_region", "cycling_record", ...
    const QString& type() const { return m_type; }
    /// What the user calls it within its sample ("V 2p", "1 A g⁻¹", "scan 37"); may be empty.
    const QString& label() const { return m_label; }
    /// The name it came with (file or generator), shown when there is no label.
    const QString& name() const { return m_name; }
    /// The label, else the name: what lists and legends show.
    QString displayLabel() const { return m_label.isEmpty() ? m_name : m_label; }
    const QJsonObject& metadata() const { return m_metadata; }
    const Provenance& provenance() const { return m_provenance; }
    const std::vector<ColumnHeader>& headers() const { return m_headers; }
    qsizetype pointCount() const { return m_headers.empty() ? 0 : m_headers.front().count; }

    /// Loads the values if needed. The error names the project file and dataset when the stored
    /// values are damaged.
    Expected<void> ensureLoaded() const;
    bool isLoaded() const;
    /// The columns (loading them if needed); empty when loading failed (see ensureLoaded()).
    const std::vector<Column>& columns() const;
    /// The column with this name (case-insensitive), or nullptr.
    const Column* column(const QString& name) const;
    /// The original instrument file bytes (embedded in the project, in memory, or read from the source
    /// file, which must still hash to provenance().sha256). An error says why they are not available.
    Expected<QByteArray> originalFile() const;
    /// The file on disk the original bytes are read from until they are embedded; nullptr when they are
    /// in memory or in the project file.
    const SourceFile* sourceFile() const;
    /// Makes sure undoing a removal can bring the original back once the project no longer holds it:
    /// loads embedded bytes into memory; a dataset whose bytes are still on disk (sourceFile()) keeps
    /// only that reference (its next save embeds from disk again, with the same checks).
    void keepOriginalForUndo() const;

private:
    struct Payload {
        std::mutex mutex;
        bool loaded = false;
        std::vector<Column> columns;
        QByteArray originalFile;
        std::optional<SourceFile> sourceFile;
        std::shared_ptr<ColumnSource> source;
    };

    Id m_id = 0;
    Technique m_technique = Technique::Xrd;
    QString m_type;
    QString m_label;
    QString m_name;
    QJsonObject m_metadata;
    Provenance m_provenance;
    std::vector<ColumnHeader> m_headers;
    std::shared_ptr<Payload> m_payload;
};

} // namespace vanadis
