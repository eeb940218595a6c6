#include "model/Dataset.h"

#include "model/DatasetType.h"

#include <QCryptographicHash>
#include <QFile>

namespace vanadis {

Dataset::Dataset(Id id, Technique technique, QString kind, QString name, std::vector<Column> columns,
                 QJsonObject metadata, Provenance provenance, QByteArray originalFile)
    : m_id(id), m_technique(technique), m_name(std::move(name)), m_metadata(std::move(metadata)),
      m_provenance(std::move(provenance)), m_payload(std::make_shared<Payload>())
{
    auto [type, label] = normalizeDatasetType(technique, kind);
    m_type = std::move(type);
    m_label = std::move(label);
    for (const auto& c : columns)
        m_headers.push_back({c.name, c.unit, qsizetype(c.values.size())});
    m_payload->loaded = true;
    m_payload->columns = std::move(columns);
    m_payload->originalFile = std::move(originalFile);
}

Dataset::Dataset(Id id, Technique technique, QString kind, QString name, std::vector<Column> columns,
                 QJsonObject metadata, Provenance provenance, SourceFile source)
    : Dataset(id, technique, std::move(kind), std::move(name), std::move(columns), std::move(metadata),
              std::move(provenance))
{
    m_payload->sourceFile = std::move(source);
}

Dataset Dataset::lazy(Id id, Technique technique, QString type, QString label, QString name,
                      std::vector<ColumnHeader> headers, QJsonObject metadata, Provenance provenance,
                      std::shared_ptr<ColumnSource> source)
{
    Dataset d;
    d.m_id = id;
    d.m_technique = technique;
    d.m_type = std::move(type);
    d.m_label = std::move(label);
    d.m_name = std::move(name);
    d.m_metadata = std::move(metadata);
    d.m_provenance = std::move(provenance);
    d.m_headers = std::move(headers);
    d.m_payload = std::make_shared<Payload>();
    d.m_payload->source = std::move(source);
    return d;
}

Dataset Dataset::withLabel(QString label) const
{
    Dataset d = *this;
    d.m_label = std::move(label);
    return d;
}

Expected<void> Dataset::ensureLoaded() const
{
    if (!m_payload) return {};
    std::lock_guard lock(m_payload->mutex);
    if (m_payload->loaded) return {};
    if (!m_payload->source) return fail("", "", "dataset " + std::to_string(m_id) + " has no stored values");
    auto cols = m_payload->source->loadColumns(m_id);
    if (!cols) return std::unexpected(cols.error());
    m_payload->columns = std::move(*cols);
    m_payload->loaded = true;
    return {};
}

bool Dataset::isLoaded() const
{
    if (!m_payload) return true;
    std::lock_guard lock(m_payload->mutex);
    return m_payload->loaded;
}

const std::vector<Column>& Dataset::columns() const
{
    static const std::vector<Column> empty;
    if (!m_payload) return empty;
    if (!ensureLoaded()) return empty;
    return m_payload->columns;
}

const Column* Dataset::column(const QString& name) const
{
    for (const auto& c : columns())
        if (c.name.compare(name, Qt::CaseInsensitive) == 0) return &c;
    return nullptr;
}

Expected<QByteArray> Dataset::originalFile() const
{
    if (!m_payload) return QByteArray();
    std::lock_guard lock(m_payload->mutex);
    if (!m_payload->originalFile.isEmpty() || m_provenance.sha256.isEmpty()) return m_payload->originalFile;
    if (const auto& src = m_payload->sourceFile) {
        // Read on demand and not kept: the point of a source file is that its bytes are not resident.
        const std::string file = src->path.toStdString();
        QFile f(src->path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(file, "",
                        "the original file is no longer readable (" + f.errorString().toStdString() +
                            "); it was not embedded in the project yet");
        QByteArray bytes = f.readAll();
        if (qint64(bytes.size()) != src->size ||
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())
                    .compare(src->sha256, Qt::CaseInsensitive) != 0)
            return fail(file, "",
                        "the original file changed since it was imported; it was not embedded in "
                        "the project yet");
        return bytes;
    }
    if (!m_provenance.originalNotEmbedded.isEmpty())
        return fail(m_provenance.originalFileName.toStdString(), "",
                    "the original file is not in the project: " +
                        m_provenance.originalNotEmbedded.toStdString());
    if (!m_payload->source) return QByteArray();
    auto bytes = m_payload->source->loadOriginalFile(m_provenance.sha256);
    if (!bytes) return std::unexpected(bytes.error());
    m_payload->originalFile = *bytes;
    return *bytes;
}

const SourceFile* Dataset::sourceFile() const
{
    if (!m_payload) return nullptr;
    std::lock_guard lock(m_payload->mutex);
    return m_payload->sourceFile ? &*m_payload->sourceFile : nullptr;
}

void Dataset::keepOriginalForUndo() const
{
    if (sourceFile()) return;
    (void)originalFile();
}

} // namespace vanadis
