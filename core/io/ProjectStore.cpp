#include "io/ProjectStore.h"

#include "analysis/AnalysisRegistry.h"
#include "io/DurableFile.h"
#include "io/FileIdentity.h"
#include "io/MessageText.h"
#include "io/RollbackJournal.h"
#include "io/import/Sha256.h"
#include "model/DatasetType.h"
#include "model/Project.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <bit>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sqlite3.h>
#include <tuple>
#include <unistd.h>

namespace vanadis {

namespace {

static_assert(std::endian::native == std::endian::little, "BLOB encoding assumes a little-endian host");

/// Every file name and file content that goes into a message passes here (MessageText.h).
std::string str(const QString& s)
{
    return messageText(s);
}

/// Largest BLOB a connection accepts (SQLITE_LIMIT_LENGTH): bounds what a crafted file can make us
/// allocate, and so the number of values a stored column can hold.
constexpr qint64 kMaxBlobBytes = 1'000'000'000;
constexpr qint64 kMaxColumnValues = kMaxBlobBytes / 8;
/// Ids are handed out from 1 upwards and pass through JSON (sample and dataset order), where integers
/// are exact up to 2^53. Anything outside is a damaged or crafted file, and is refused before
/// `id + 1` or allocateId() could overflow.
constexpr qint64 kMaxId = qint64(1) << 53;

Expected<Id> checkedId(qint64 id, const QString& path, const std::string& table)
{
    if (id < 1 || id > kMaxId)
        return fail(str(path), table, "the project file is damaged (invalid id " + std::to_string(id) + ")");
    return Id(id);
}

/// The stored length of a column ("count" in the column list), or -1 when it is missing or impossible.
qint64 storedCount(const QJsonObject& column)
{
    const qint64 n = column.value("count").toInteger(-1);
    return n >= 0 && n <= kMaxColumnValues ? n : -1;
}

/// The checksum stored with a column BLOB and with an embedded file: SHA-256, lowercase hex.
QString sha256Hex(const void* data, qint64 n)
{
    return QString::fromLatin1(QCryptographicHash::hash(QByteArrayView(static_cast<const char*>(data), n),
                                                        QCryptographicHash::Sha256)
                                   .toHex());
}

/// RAII prepared statement with typed binders; every failure becomes an Error naming the file.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : m_db(db)
    {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return m_rc == SQLITE_OK && m_stmt; }
    Stmt& bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Stmt& bind(int i, double v)
    {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }
    Stmt& bindNull(int i)
    {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    Stmt& bind(int i, const QString& v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bindBlob(int i, const void* data, qint64 n)
    {
        sqlite3_bind_blob64(m_stmt, i, n ? data : "", sqlite3_uint64(n), SQLITE_TRANSIENT);
        return *this;
    }
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_rc = sqlite3_step(m_stmt); }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    QString text(int c) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, c)) : QString();
    }
    QByteArray blob(int c) const
    {
        const void* p = sqlite3_column_blob(m_stmt, c);
        const int n = sqlite3_column_bytes(m_stmt, c);
        return p ? QByteArray(static_cast<const char*>(p), n) : QByteArray();
    }
    int blobSize(int c) const { return sqlite3_column_bytes(m_stmt, c); }
    const void* blobData(int c) const { return sqlite3_column_blob(m_stmt, c); }
    int rc() const { return m_rc; }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

/// What a damaged page, cell or index is called in a message (the details go to the log).
constexpr const char* kDamagedStructure = "the project file is damaged (its internal structure is broken)";

/// For a refused write or open of \a file: which of the file and its folder cannot be written (a
/// save writes a journal, and Save As a temporary file, in the folder), or empty when both can.
std::string permissionReason(const QString& file)
{
    if (file.isEmpty()) return {};
    const QFileInfo fi(file);
    const QByteArray f = QFile::encodeName(fi.absoluteFilePath());
    const QByteArray d = QFile::encodeName(fi.absolutePath());
    if (fi.exists() && ::access(f.constData(), W_OK) != 0) return "the file is read-only; nothing was saved";
    if (::access(d.constData(), W_OK) != 0)
        return "the folder " + str(fi.absolutePath()) +
               " is not writable (saving creates a journal or temporary file beside the project); nothing "
               "was "
               "saved";
    return {};
}

std::string sqliteReason(sqlite3* db, int rc, const QString& file = {})
{
    // The database the error is about, for telling a read-only file from a read-only folder.
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    const QString target = name && *name ? QString::fromUtf8(name) : file;
    switch (rc) {
    case SQLITE_CORRUPT:
        return kDamagedStructure;
    case SQLITE_NOTADB:
        return "the file is not a Vanadis project (not an SQLite database)";
    case SQLITE_FULL:
        return "the disk is full; nothing was saved";
    case SQLITE_READONLY:
        if (auto why = permissionReason(target); !why.empty()) return why;
        return "the file is read-only; nothing was saved";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the file is in use by another program";
    case SQLITE_IOERR:
        return "a read or write error occurred on the disk";
    case SQLITE_CANTOPEN:
        if (auto why = permissionReason(target); !why.empty()) return why;
        return "the file cannot be opened (missing, or no permission)";
    default:
        break;
    }
    // SQLite's own wording is for developers: it goes to the log, the user gets one sentence.
    qWarning("vanadis: SQLite error %d: %s", rc, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return "the project file could not be read or written (unexpected database error " + std::to_string(rc) +
           "; details in the log)";
}

Expected<void> exec(sqlite3* db, const QString& path, const char* sql)
{
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) return fail(str(path), "", sqliteReason(db, rc));
    return {};
}

QString toJsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString toJsonText(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Expected<QJsonDocument> parseJson(const QString& text, const QString& path, const std::string& where)
{
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(str(path), where, "stored JSON is damaged (" + str(pe.errorString()) + ")");
    return doc;
}

QJsonArray idsToJson(const std::vector<Id>& ids)
{
    QJsonArray a;
    for (Id id : ids)
        a.append(qint64(id));
    return a;
}

std::vector<Id> idsFromJson(const QJsonArray& a)
{
    std::vector<Id> ids;
    for (const auto& v : a)
        ids.push_back(Id(v.toInteger()));
    return ids;
}

QJsonObject provenanceToJson(const Provenance& p)
{
    return {{"original_file_name", p.originalFileName},
            {"sha256", p.sha256},
            {"file_size", p.fileSize},
            {"importer_id", p.importerId},
            {"importer_version", p.importerVersion},
            {"imported_at_utc", p.importedAtUtc.toString(Qt::ISODate)},
            {"original_not_embedded", p.originalNotEmbedded}};
}

Provenance provenanceFromJson(const QJsonObject& o)
{
    Provenance p;
    p.originalFileName = o.value("original_file_name").toString();
    p.sha256 = o.value("sha256").toString();
    p.fileSize = o.value("file_size").toInteger();
    p.importerId = o.value("importer_id").toString();
    p.importerVersion = o.value("importer_version").toString();
    p.importedAtUtc = QDateTime::fromString(o.value("imported_at_utc").toString(), Qt::ISODate);
    p.originalNotEmbedded = o.value("original_not_embedded").toString();
    return p;
}

// Schema version 1. Later versions add a migration step to kMigrations, never edit this text.
const char* const kSchemaV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE series(id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, varied_condition TEXT NOT NULL,
                    sample_order TEXT NOT NULL, next_id INTEGER NOT NULL);
CREATE TABLE samples(id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL, marker TEXT NOT NULL,
                     dash TEXT NOT NULL, active_mass_mg REAL, mass_basis TEXT NOT NULL, notes TEXT NOT NULL,
                     dataset_order TEXT NOT NULL);
CREATE TABLE files(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE datasets(id INTEGER PRIMARY KEY, sample_id INTEGER NOT NULL, technique TEXT NOT NULL,
                      kind TEXT NOT NULL, name TEXT NOT NULL, metadata TEXT NOT NULL, provenance TEXT NOT NULL,
                      columns TEXT NOT NULL, file_sha256 TEXT NOT NULL);
CREATE INDEX datasets_file ON datasets(file_sha256);
CREATE TABLE dataset_columns(dataset_id INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL,
                             UNIQUE(dataset_id, idx));
CREATE TABLE runs(id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, analysis_id TEXT NOT NULL,
                  analysis_version INTEGER NOT NULL, params TEXT NOT NULL, result TEXT NOT NULL,
                  status TEXT NOT NULL);
CREATE TABLE figures(id INTEGER PRIMARY KEY, name TEXT NOT NULL, spec TEXT NOT NULL);
)SQL";

/// Schema 2 (platform v2): a dataset's type apart from its label, several inputs per run, why a run
/// failed or went stale, and the SHA-256 of every stored column (hex; '' = not computed), verified on
/// load so that flipped bytes inside an array are an error instead of silently changed data. Applied to
/// schema-1 files inside the transaction of their first save, so opening an old file never writes to it and a
/// failed migration leaves it as it was.
const char* const kSchemaV1ToV2 = R"SQL(
ALTER TABLE datasets ADD COLUMN type TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN message TEXT NOT NULL DEFAULT '';
ALTER TABLE dataset_columns ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE TABLE run_inputs(run_id INTEGER NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL,
                        dataset_id INTEGER NOT NULL, UNIQUE(run_id, idx));
INSERT INTO run_inputs(run_id, idx, role, dataset_id) SELECT id, 0, 'main', dataset_id FROM runs;
)SQL";

/// Schema 3: what a sample is made of, for analyses that need it (TGA: the oxide the composite starts
/// from and the one left after the run in O2; '' = not stated). Applied like schema 2, inside the first
/// save.
const char* const kSchemaV2ToV3 = R"SQL(
ALTER TABLE samples ADD COLUMN start_oxide TEXT NOT NULL DEFAULT '';
ALTER TABLE samples ADD COLUMN residue_oxide TEXT NOT NULL DEFAULT '';
)SQL";

/// Tables and the columns each must have in a file of schema \a version; anything else in a file is
/// ignored, nothing is executed.
std::vector<std::pair<const char*, std::vector<const char*>>> requiredTables(int version)
{
    std::vector<std::pair<const char*, std::vector<const char*>>> t{
        {"meta", {"key", "value"}},
        {"series", {"id", "name", "varied_condition", "sample_order", "next_id"}},
        {"samples",
         {"id", "name", "color", "marker", "dash", "active_mass_mg", "mass_basis", "notes", "dataset_order"}},
        {"files", {"sha256", "name", "size", "data"}},
        {"datasets",
         {"id", "sample_id", "technique", "kind", "name", "metadata", "provenance", "columns",
          "file_sha256"}},
        {"dataset_columns", {"dataset_id", "idx", "data"}},
        {"runs", {"id", "dataset_id", "analysis_id", "analysis_version", "params", "result", "status"}},
        {"figures", {"id", "name", "spec"}}};
    if (version >= 2) {
        for (auto& [table, cols] : t) {
            if (std::string_view(table) == "datasets") cols.insert(cols.end(), {"type", "label"});
            if (std::string_view(table) == "runs") cols.push_back("message");
            if (std::string_view(table) == "dataset_columns") cols.push_back("sha256");
        }
        t.push_back({"run_inputs", {"run_id", "idx", "role", "dataset_id"}});
    }
    if (version >= 3)
        for (auto& [table, cols] : t)
            if (std::string_view(table) == "samples")
                cols.insert(cols.end(), {"start_oxide", "residue_oxide"});
    return t;
}

int schemaVersionOf(sqlite3* db)
{
    Stmt s(db, "PRAGMA user_version");
    return s.ok() && s.step() == SQLITE_ROW ? int(s.int64(0)) : 0;
}

/// Reads the fixed SQLite header fields straight from the file so that a foreign or newer file is
/// refused before SQLite touches it.
Expected<void> checkHeader(const QString& path)
{
    QFile f(path);
    if (!f.exists()) return fail(str(path), "", "the file does not exist");
    // Before any open(2): a FIFO would block here, /dev/zero would never end.
    if (auto ok = requireRegularFile(path); !ok) return ok;
    if (!f.open(QIODevice::ReadOnly))
        return fail(str(path), "", "the file cannot be read (" + str(f.errorString()) + ")");
    const QByteArray h = f.read(100);
    if (h.size() == 0) return fail(str(path), "", "the file is empty");
    if (h.size() < 100 || !h.startsWith(QByteArray("SQLite format 3\0", 16)))
        return fail(str(path), "byte 0", "not a Vanadis project (the file is not an SQLite database)");
    auto be32 = [&](int off) {
        return (quint32(quint8(h[off])) << 24) | (quint32(quint8(h[off + 1])) << 16) |
               (quint32(quint8(h[off + 2])) << 8) | quint32(quint8(h[off + 3]));
    };
    const auto appId = qint32(be32(68));
    const auto version = qint32(be32(60));
    if (appId != ProjectStore::kApplicationId)
        return fail(str(path), "byte 68",
                    "an SQLite database, but not a Vanadis project (application id mismatch)");
    if (version > ProjectStore::kSchemaVersion)
        return fail(str(path), "byte 60",
                    "made by a newer Vanadis (file schema " + std::to_string(version) +
                        "; this version reads up to " + std::to_string(ProjectStore::kSchemaVersion) +
                        "); please update Vanadis");
    if (version < 1) return fail(str(path), "byte 60", "the project file has no valid schema version");
    return {};
}

/// True when the schema text \a sql is a CREATE [TEMP] TRIGGER or VIEW statement, read as SQLite's
/// tokenizer reads it: keywords in any case, whitespace and comments between them.
bool createsTriggerOrView(const QString& sql)
{
    qsizetype i = 0;
    auto nextWord = [&]() -> QString {
        for (;;) {
            while (i < sql.size() && sql[i].isSpace())
                ++i;
            if (sql.mid(i, 2) == QLatin1String("--")) {
                while (i < sql.size() && sql[i] != QLatin1Char('\n'))
                    ++i;
            } else if (sql.mid(i, 2) == QLatin1String("/*")) {
                const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
                i = end < 0 ? sql.size() : end + 2;
            } else {
                break;
            }
        }
        const qsizetype start = i;
        while (i < sql.size() && (sql[i].isLetterOrNumber() || sql[i] == QLatin1Char('_')))
            ++i;
        return sql.mid(start, i - start).toLower();
    };
    if (nextWord() != QLatin1String("create")) return false;
    QString w = nextWord();
    if (w == QLatin1String("temp") || w == QLatin1String("temporary")) w = nextWord();
    return w == QLatin1String("trigger") || w == QLatin1String("view");
}

Expected<void> validateSchema(sqlite3* db, const QString& path, int version)
{
    {
        // SQLite builds its schema from the `sql` text, whatever the `type` column says, and compares
        // neither case-sensitively: judge both, so that 'TRIGGER' or a trigger filed as a table is
        // refused too.
        Stmt s(db, "SELECT type, sql FROM sqlite_master");
        if (!s.ok()) return fail(str(path), "", sqliteReason(db, s.rc()));
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            const QString type = s.text(0).trimmed().toLower();
            if (type == QLatin1String("trigger") || type == QLatin1String("view") ||
                createsTriggerOrView(s.text(1)))
                return fail(
                    str(path), "schema",
                    "the file contains triggers or views, which Vanadis never writes; refused for safety");
        }
        if (rc != SQLITE_DONE) return fail(str(path), "", sqliteReason(db, rc));
    }
    for (const auto& [table, cols] : requiredTables(version)) {
        const std::string sql = std::string("PRAGMA table_info(") + table + ")";
        Stmt s(db, sql.c_str());
        if (!s.ok()) return fail(str(path), "schema", sqliteReason(db, s.rc()));
        QStringList have;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
            have << s.text(1);
        if (rc != SQLITE_DONE) return fail(str(path), "schema", sqliteReason(db, rc));
        for (const char* c : cols)
            if (!have.contains(QLatin1String(c)))
                return fail(str(path), std::string("table ") + table,
                            std::string("the project file is damaged or incomplete (missing column '") + c +
                                "')");
    }
    return {};
}

/// Brings a file of schema \a from up to kSchemaVersion, step by step. The caller holds a write
/// transaction: nothing is committed unless the whole save that needed the migration succeeds.
Expected<void> migrate(sqlite3* db, const QString& path, int from)
{
    if (from < 1 || from > ProjectStore::kSchemaVersion)
        return fail(str(path), "", "no migration from schema " + std::to_string(from));
    if (from == 1) {
        if (auto ok = exec(db, path, kSchemaV1ToV2); !ok) return ok;
        // The type/label split is the C++ table's (DatasetType.h), so the SQL cannot do it alone.
        std::vector<std::tuple<qint64, QString, QString>> rows;
        {
            Stmt s(db, "SELECT id, technique, kind FROM datasets");
            int rc;
            while ((rc = s.step()) == SQLITE_ROW)
                rows.emplace_back(s.int64(0), s.text(1), s.text(2));
            if (rc != SQLITE_DONE) return fail(str(path), "datasets", sqliteReason(db, rc));
        }
        Stmt u(db, "UPDATE datasets SET type=?, label=? WHERE id=?");
        for (const auto& [id, tech, kind] : rows) {
            const auto t = techniqueFromKey(tech);
            if (!t)
                return fail(str(path), "dataset " + std::to_string(id),
                            "unknown technique '" + str(tech) + "'");
            const DatasetTypeLabel tl = normalizeDatasetType(*t, kind);
            u.bind(1, tl.type).bind(2, tl.label).bind(3, id);
            if (u.step() != SQLITE_DONE) return fail(str(path), "datasets", sqliteReason(db, u.rc()));
            u.reset();
        }
        // Checksums of the columns written by schema 1, from the values as they are now (nothing
        // can tell whether they were already damaged; from here on any change is detected).
        Stmt c(db, "SELECT rowid, data FROM dataset_columns");
        Stmt cu(db, "UPDATE dataset_columns SET sha256=? WHERE rowid=?");
        int rc;
        while ((rc = c.step()) == SQLITE_ROW) {
            cu.bind(1, sha256Hex(c.blobData(1), c.blobSize(1))).bind(2, c.int64(0));
            if (cu.step() != SQLITE_DONE)
                return fail(str(path), "dataset_columns", sqliteReason(db, cu.rc()));
            cu.reset();
        }
        if (rc != SQLITE_DONE) return fail(str(path), "dataset_columns", sqliteReason(db, rc));
    }
    if (from <= 2)
        if (auto ok = exec(db, path, kSchemaV2ToV3); !ok) return ok;
    return exec(db, path, ("PRAGMA user_version=" + std::to_string(ProjectStore::kSchemaVersion)).c_str());
}

Expected<void> writeSeries(sqlite3* db, const QString& path, const Project& p)
{
    Stmt s(
        db,
        "INSERT OR REPLACE INTO series(id, name, varied_condition, sample_order, next_id) VALUES(1,?,?,?,?)");
    s.bind(1, p.series().name)
        .bind(2, p.series().variedCondition)
        .bind(3, toJsonText(idsToJson(p.series().sampleIds)))
        .bind(4, qint64(p.nextId()));
    if (s.step() != SQLITE_DONE) return fail(str(path), "series", sqliteReason(db, s.rc()));
    return {};
}

Expected<void> writeSample(sqlite3* db, const QString& path, const Project& p, Id id)
{
    const Sample* smp = p.sample(id);
    if (!smp) {
        Stmt d(db, "DELETE FROM samples WHERE id=?");
        d.bind(1, qint64(id));
        if (d.step() != SQLITE_DONE) return fail(str(path), "samples", sqliteReason(db, d.rc()));
        return {};
    }
    Stmt s(db,
           "INSERT OR REPLACE INTO samples(id, name, color, marker, dash, active_mass_mg, mass_basis, notes, "
           "dataset_order, start_oxide, residue_oxide) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, qint64(id))
        .bind(2, smp->name)
        .bind(3, smp->color.name())
        .bind(4, smp->marker)
        .bind(5, smp->dash);
    if (std::isnan(smp->activeMassMg))
        s.bindNull(6);
    else
        s.bind(6, smp->activeMassMg);
    s.bind(7, massBasisKey(smp->massBasis))
        .bind(8, smp->notes)
        .bind(9, toJsonText(idsToJson(smp->datasetIds)))
        .bind(10, smp->startOxide)
        .bind(11, smp->residueOxide);
    if (s.step() != SQLITE_DONE) return fail(str(path), "samples", sqliteReason(db, s.rc()));
    return {};
}

/// Embeds the source file of a dataset imported by reference (a large record), streamed from disk in
/// blocks into an incremental BLOB while it is hashed: the file is never in memory as a whole. Returns
/// why it could not be embedded (empty on success): the file is gone, shorter, or no longer hashes to
/// what was imported (its first \a src.size bytes: a file the cycler appended to still embeds as it
/// was imported), or it exceeds the BLOB limit. Those leave no files row; only an SQLite failure is an
/// error.
Expected<QString> embedSourceFile(sqlite3* db, const QString& path, const SourceFile& src,
                                  const QString& name)
{
    const QString file = QFileInfo(src.path).fileName();
    QFile f(src.path);
    if (!f.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("vanadis",
                                           "%1 was not embedded: the file is no longer readable at %2 (%3)")
            .arg(file, src.path, f.errorString());
    if (f.size() < src.size)
        return QCoreApplication::translate("vanadis",
                                           "%1 was not embedded: the file changed since it was imported "
                                           "(it is now %2 bytes, was %3)")
            .arg(file)
            .arg(f.size())
            .arg(src.size);
    if (src.size > kMaxBlobBytes)
        return QCoreApplication::translate(
                   "vanadis", "%1 was not embedded: at %2 MB it is larger than the %3 MB a project "
                              "embeds; keep the original file")
            .arg(file)
            .arg(double(src.size) / 1e6, 0, 'f', 0)
            .arg(double(kMaxBlobBytes) / 1e6, 0, 'f', 0);
    Stmt ins(db, "INSERT INTO files(sha256, name, size, data) VALUES(?,?,?,zeroblob(?))");
    ins.bind(1, src.sha256).bind(2, name).bind(3, src.size).bind(4, src.size);
    if (ins.step() != SQLITE_DONE) return fail(str(path), "files", sqliteReason(db, ins.rc()));
    const sqlite3_int64 row = sqlite3_last_insert_rowid(db);
    sqlite3_blob* blob = nullptr;
    if (const int rc = sqlite3_blob_open(db, "main", "files", "data", row, 1, &blob); rc != SQLITE_OK) {
        sqlite3_blob_close(blob);
        return fail(str(path), "files", sqliteReason(db, rc));
    }
    constexpr qint64 kBlock = qint64(4) << 20;
    QByteArray buf(qsizetype(std::min(kBlock, std::max<qint64>(src.size, 1))), Qt::Uninitialized);
    Sha256 hash;
    qint64 done = 0;
    QString problem;
    while (done < src.size) {
        const qint64 got = f.read(buf.data(), std::min(qint64(buf.size()), src.size - done));
        if (got <= 0) {
            problem = QCoreApplication::translate("vanadis", "%1 was not embedded: reading it failed (%2)")
                          .arg(file, got < 0 ? f.errorString() : QStringLiteral("end of file"));
            break;
        }
        hash.add(QByteArrayView(buf.constData(), qsizetype(got)));
        if (const int rc = sqlite3_blob_write(blob, buf.constData(), int(got), int(done)); rc != SQLITE_OK) {
            sqlite3_blob_close(blob);
            return fail(str(path), "files", sqliteReason(db, rc));
        }
        done += got;
    }
    sqlite3_blob_close(blob);
    if (problem.isEmpty() && QString::fromLatin1(hash.hex()).compare(src.sha256, Qt::CaseInsensitive) != 0)
        problem = QCoreApplication::translate(
                      "vanadis", "%1 was not embedded: the file changed since it was imported "
                                 "(its content no longer matches the SHA-256 of the imported data)")
                      .arg(file);
    if (!problem.isEmpty()) {
        Stmt del(db, "DELETE FROM files WHERE rowid=?");
        del.bind(1, qint64(row));
        if (del.step() != SQLITE_DONE) return fail(str(path), "files", sqliteReason(db, del.rc()));
    }
    return problem;
}

Expected<void> writeDataset(sqlite3* db, const QString& path, const Project& p, Id id, QStringList* warnings)
{
    const Dataset* d = p.dataset(id);
    if (!d) {
        for (const char* sql :
             {"DELETE FROM dataset_columns WHERE dataset_id=?", "DELETE FROM datasets WHERE id=?"}) {
            Stmt s(db, sql);
            s.bind(1, qint64(id));
            if (s.step() != SQLITE_DONE) return fail(str(path), "datasets", sqliteReason(db, s.rc()));
        }
        Stmt gc(db, "DELETE FROM files WHERE sha256 NOT IN (SELECT file_sha256 FROM datasets)");
        if (gc.step() != SQLITE_DONE) return fail(str(path), "files", sqliteReason(db, gc.rc()));
        return {};
    }
    {
        // Datasets are immutable: a row that exists is already right.
        Stmt e(db, "SELECT 1 FROM datasets WHERE id=?");
        e.bind(1, qint64(id));
        if (e.step() == SQLITE_ROW) return {};
    }
    const Sample* owner = p.sampleOfDataset(id);
    if (auto ok = d->ensureLoaded(); !ok) return std::unexpected(ok.error());
    // The original file first: when it can no longer be embedded, the dataset is still saved (its
    // parsed columns are the user's work) and its provenance says why the original is missing.
    Provenance prov = d->provenance();
    if (!prov.sha256.isEmpty()) {
        Stmt e(db, "SELECT 1 FROM files WHERE sha256=?");
        e.bind(1, prov.sha256);
        if (e.step() != SQLITE_ROW) {
            if (const SourceFile* src = d->sourceFile()) {
                auto problem = embedSourceFile(db, path, *src, prov.originalFileName);
                if (!problem) return std::unexpected(problem.error());
                if (!problem->isEmpty()) {
                    prov.originalNotEmbedded = *problem;
                    if (warnings && !warnings->contains(*problem)) warnings->append(*problem);
                }
            } else {
                auto bytes = d->originalFile();
                if (!bytes) return std::unexpected(bytes.error());
                Stmt f(db, "INSERT INTO files(sha256, name, size, data) VALUES(?,?,?,?)");
                f.bind(1, prov.sha256)
                    .bind(2, prov.originalFileName)
                    .bind(3, qint64(bytes->size()))
                    .bindBlob(4, bytes->constData(), bytes->size());
                if (f.step() != SQLITE_DONE) return fail(str(path), "files", sqliteReason(db, f.rc()));
            }
        }
    }
    QJsonArray cols;
    for (const Column& c : d->columns())
        cols.append(QJsonObject{{"name", c.name}, {"unit", c.unit}, {"count", qint64(c.values.size())}});
    // `kind` (schema 1) keeps the type, so a schema-1 reader of the same file would still see it.
    Stmt s(db, "INSERT INTO datasets(id, sample_id, technique, kind, name, metadata, provenance, columns, "
               "file_sha256, "
               "type, label) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, qint64(id))
        .bind(2, qint64(owner ? owner->id : 0))
        .bind(3, techniqueKey(d->technique()))
        .bind(4, d->type())
        .bind(5, d->name())
        .bind(6, toJsonText(d->metadata()))
        .bind(7, toJsonText(provenanceToJson(prov)))
        .bind(8, toJsonText(cols))
        .bind(9, d->provenance().sha256)
        .bind(10, d->type())
        .bind(11, d->label());
    if (s.step() != SQLITE_DONE) return fail(str(path), "datasets", sqliteReason(db, s.rc()));
    Stmt c(db, "INSERT INTO dataset_columns(dataset_id, idx, data, sha256) VALUES(?,?,?,?)");
    int idx = 0;
    for (const Column& col : d->columns()) {
        const qint64 bytes = qint64(col.values.size() * 8);
        c.bind(1, qint64(id))
            .bind(2, qint64(idx++))
            .bindBlob(3, col.values.data(), bytes)
            .bind(4, sha256Hex(col.values.data(), bytes));
        if (c.step() != SQLITE_DONE) return fail(str(path), "dataset_columns", sqliteReason(db, c.rc()));
        c.reset();
    }
    return {};
}

Expected<void> writeRun(sqlite3* db, const QString& path, const Project& p, Id id)
{
    {
        Stmt d(db, "DELETE FROM run_inputs WHERE run_id=?");
        d.bind(1, qint64(id));
        if (d.step() != SQLITE_DONE) return fail(str(path), "run_inputs", sqliteReason(db, d.rc()));
    }
    const AnalysisRun* r = p.run(id);
    if (!r) {
        Stmt d(db, "DELETE FROM runs WHERE id=?");
        d.bind(1, qint64(id));
        if (d.step() != SQLITE_DONE) return fail(str(path), "runs", sqliteReason(db, d.rc()));
        return {};
    }
    Stmt s(
        db,
        "INSERT OR REPLACE INTO runs(id, dataset_id, analysis_id, analysis_version, params, result, status, "
        "message) VALUES(?,?,?,?,?,?,?,?)");
    s.bind(1, qint64(id))
        .bind(2, qint64(r->datasetId()))
        .bind(3, r->analysisId)
        .bind(4, qint64(r->analysisVersion))
        .bind(5, toJsonText(r->params))
        .bind(6, toJsonText(r->result))
        .bind(7, runStatusKey(r->status))
        .bind(8, r->message);
    if (s.step() != SQLITE_DONE) return fail(str(path), "runs", sqliteReason(db, s.rc()));
    Stmt in(db, "INSERT INTO run_inputs(run_id, idx, role, dataset_id) VALUES(?,?,?,?)");
    for (size_t i = 0; i < r->inputs.size(); ++i) {
        in.bind(1, qint64(id))
            .bind(2, qint64(i))
            .bind(3, r->inputs[i].role)
            .bind(4, qint64(r->inputs[i].datasetId));
        if (in.step() != SQLITE_DONE) return fail(str(path), "run_inputs", sqliteReason(db, in.rc()));
        in.reset();
    }
    return {};
}

Expected<void> writeChangesIn(sqlite3* db, const QString& path, const Project& p, const ChangeSet& changes,
                              QStringList* warnings)
{
    ChangeSet c = changes;
    if (c.everything) {
        c.series = true;
        for (const Sample* s : p.samples())
            c.samples.insert(s->id);
        for (const auto& [id, d] : p.allDatasets())
            c.datasets.insert(id);
        for (const auto& [id, r] : p.allRuns())
            c.runs.insert(id);
    }
    if (auto ok = exec(db, path, "BEGIN IMMEDIATE"); !ok) return ok;
    auto body = [&]() -> Expected<void> {
        // Rewriting the (unchanged) application id makes page 1 the first page in the rollback
        // journal, so a hot journal left by a crash of this save can be matched to this file
        // (RollbackJournal::inspect). It stays first, before a schema migration too.
        const std::string touch = "PRAGMA application_id=" + std::to_string(ProjectStore::kApplicationId);
        if (auto ok = exec(db, path, touch.c_str()); !ok) return ok;
        if (const int version = schemaVersionOf(db); version < ProjectStore::kSchemaVersion)
            if (auto ok = migrate(db, path, version); !ok) return ok;
        Stmt m(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('saved_with', ?)");
        m.bind(1, QStringLiteral("Vanadis " VANADIS_VERSION));
        if (m.step() != SQLITE_DONE) return fail(str(path), "meta", sqliteReason(db, m.rc()));
        if (c.series)
            if (auto ok = writeSeries(db, path, p); !ok) return ok;
        for (Id id : c.samples)
            if (auto ok = writeSample(db, path, p, id); !ok) return ok;
        for (Id id : c.datasets)
            if (auto ok = writeDataset(db, path, p, id, warnings); !ok) return ok;
        for (Id id : c.runs)
            if (auto ok = writeRun(db, path, p, id); !ok) return ok;
        return {};
    };
    if (auto ok = body(); !ok) {
        (void)exec(db, path, "ROLLBACK");
        return ok;
    }
    return exec(db, path, "COMMIT");
}

Expected<void> initSchema(sqlite3* db, const QString& path)
{
    const std::string pragmas = "PRAGMA application_id=" + std::to_string(ProjectStore::kApplicationId) +
                                "; PRAGMA user_version=" + std::to_string(ProjectStore::kSchemaVersion) + ";";
    if (auto ok = exec(db, path, "BEGIN"); !ok) return ok;
    if (auto ok = exec(db, path, kSchemaV1); !ok) return ok;
    if (auto ok = exec(db, path, kSchemaV1ToV2); !ok) return ok;
    if (auto ok = exec(db, path, kSchemaV2ToV3); !ok) return ok;
    if (auto ok = exec(db, path, pragmas.c_str()); !ok) return ok;
    Stmt m(db, "INSERT INTO meta(key, value) VALUES('format','vanadis-project'),('created_with',?)");
    m.bind(1, QStringLiteral("Vanadis " VANADIS_VERSION));
    if (m.step() != SQLITE_DONE) return fail(str(path), "meta", sqliteReason(db, m.rc()));
    return exec(db, path, "COMMIT");
}

QString tempPathFor(const QString& path)
{
    return path + ".tmp-" + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

/// Exactly the names tempPathFor() makes for \a fileName (8 lowercase hex digits), and their journals.
QRegularExpression tempNamePattern(const QString& fileName)
{
    return QRegularExpression("^" + QRegularExpression::escape(fileName) + "\\.tmp-[0-9a-f]{8}(-journal)?$");
}

/// True when another process holds a POSIX lock anywhere in \a path (SQLite locks its files while a
/// transaction or backup is under way). Our own locks never conflict, and this process has no
/// connection on a temporary file that it did not create, so opening one here drops nothing.
bool lockedByAnotherProcess(const QString& path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return true; // cannot tell: leave it
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0; // the whole file, including SQLite's lock bytes at 1 GiB
    const bool locked = ::fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

} // namespace

ProjectStore::~ProjectStore()
{
    if (m_db) sqlite3_close_v2(m_db);
}

Expected<sqlite3*> ProjectStore::openDatabase(const QString& path, bool create)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string reason = sqliteReason(db, rc, path);
        sqlite3_close_v2(db);
        return fail(str(path), "", reason);
    }
    sqlite3_extended_result_codes(db, 0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_busy_timeout(db, 2000);
    // Hostile files: bound what a crafted file can make us allocate.
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, int(kMaxBlobBytes));
    // synchronous=EXTRA: in DELETE journal mode SQLite then also fsyncs the folder after deleting
    // the journal (the commit point); with FULL a power loss right after a save can bring the
    // journal back and undo the save (https://sqlite.org/pragma.html#pragma_synchronous).
    if (auto ok = exec(db, path,
                       "PRAGMA journal_mode=DELETE; PRAGMA synchronous=EXTRA; PRAGMA cell_size_check=ON;");
        !ok) {
        sqlite3_close_v2(db);
        return std::unexpected(ok.error());
    }
    return db;
}

Expected<std::shared_ptr<ProjectStore>> ProjectStore::open(const QString& path)
{
    if (auto ok = checkHeader(path); !ok) return std::unexpected(ok.error());
    // A -journal that does not belong to this file is moved aside before SQLite could play it back.
    auto journal = RollbackJournal::guard(canonicalFilePath(path));
    if (!journal) return std::unexpected(journal.error());
    auto db = openDatabase(path, false);
    if (!db) return std::unexpected(db.error());
    std::shared_ptr<ProjectStore> store(new ProjectStore);
    store->m_db = *db;
    store->m_path = path;
    if (!journal->isEmpty()) store->m_openWarnings << *journal;
    sqlite3* h = *db;
    // The first read rolls back a hot journal left by a crash, so the checks below see the last
    // committed state.
    int version = 0;
    {
        Stmt s(h, "PRAGMA user_version");
        if (!s.ok() || s.step() != SQLITE_ROW) return fail(str(path), "", sqliteReason(h, s.rc()));
        version = int(s.int64(0));
    }
    {
        Stmt pc(h, "PRAGMA page_count");
        Stmt ps(h, "PRAGMA page_size");
        if (pc.step() != SQLITE_ROW || ps.step() != SQLITE_ROW)
            return fail(str(path), "", sqliteReason(h, pc.rc()));
        const qint64 expected = pc.int64(0) * ps.int64(0);
        const qint64 actual = QFileInfo(path).size();
        if (actual < expected)
            return fail(str(path), "byte " + std::to_string(actual),
                        "the project file is truncated (" + std::to_string(expected) + " bytes expected, " +
                            std::to_string(actual) + " found)");
        // A full structural check is cheap for ordinary projects (the demo: 2.5 ms, as quick_check);
        // very large ones are checked as their parts are read (every BLOB is length- and
        // checksum-checked on load). integrity_check, unlike quick_check, also compares every index
        // with its table: a broken index would otherwise be trusted and written to.
        if (expected < 64ll * 1024 * 1024) {
            Stmt qc(h, "PRAGMA integrity_check(1)");
            if (qc.step() != SQLITE_ROW || qc.text(0) != QLatin1String("ok")) {
                // e.g. "*** in database main ***\nPage 2: btreeInitPage() returns error code 11":
                // several lines of SQLite internals, for the log only.
                qWarning(
                    "vanadis: %s: integrity_check: %s", qPrintable(path),
                    qPrintable(qc.rc() == SQLITE_ROW ? qc.text(0) : QString::fromUtf8(sqlite3_errmsg(h))));
                return fail(str(path), "", kDamagedStructure);
            }
        }
    }
    // An older schema is read as it is and migrated by the first save (see migrate()).
    if (auto ok = validateSchema(h, path, version); !ok) return std::unexpected(ok.error());
    return store;
}

std::shared_ptr<ProjectStore> ProjectStore::detached()
{
    return std::shared_ptr<ProjectStore>(new ProjectStore);
}

QString ProjectStore::path() const
{
    std::lock_guard lock(m_mutex);
    return m_path;
}

bool ProjectStore::hasFile() const
{
    std::lock_guard lock(m_mutex);
    return m_db != nullptr;
}

QStringList ProjectStore::removeOrphanTemporaryFiles(const QString& path, const QDateTime& lockedAt)
{
    const QFileInfo project(path);
    const QDir dir = project.absoluteDir();
    const QRegularExpression pattern = tempNamePattern(project.fileName());
    QStringList removed;
    for (const QFileInfo& fi : dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!pattern.match(fi.fileName()).hasMatch()) continue;
        if (fi.isSymLink() || !fi.isFile()) continue;
        if (fi.lastModified() >= lockedAt) continue; // written since we took the lock: not a dead write
        if (lockedByAnotherProcess(fi.absoluteFilePath())) continue;
        if (!fi.fileName().endsWith("-journal") && fi.size() > 0) {
            QFile f(fi.absoluteFilePath());
            if (!f.open(QIODevice::ReadOnly) || !f.read(16).startsWith(QByteArray("SQLite format 3\0", 16)))
                continue; // not what tempPathFor() ever held: somebody else's file
        }
        if (QFile::remove(fi.absoluteFilePath())) removed << fi.fileName();
    }
    if (!removed.isEmpty()) (void)syncDirectory(dir.absolutePath());
    return removed;
}

QString ProjectStore::metaValue(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    if (!m_db) return {};
    Stmt s(m_db, "SELECT value FROM meta WHERE key=?");
    s.bind(1, key);
    return s.step() == SQLITE_ROW ? s.text(0) : QString();
}

Expected<void> ProjectStore::load(Project& project)
{
    std::unique_lock lock(m_mutex);
    sqlite3* db = m_db;
    const QString path = m_path;
    if (!db) return fail("", "", "no project file is open");
    SampleSeries series;
    Id nextId = 1;
    {
        Stmt s(db, "SELECT name, varied_condition, sample_order, next_id FROM series WHERE id=1");
        const int rc = s.step();
        if (rc == SQLITE_ROW) {
            series.name = s.text(0);
            series.variedCondition = s.text(1);
            auto order = parseJson(s.text(2), path, "series");
            if (!order) return std::unexpected(order.error());
            series.sampleIds = idsFromJson(order->array());
            auto next = checkedId(s.int64(3), path, "series");
            if (!next) return std::unexpected(next.error());
            nextId = *next;
        } else if (rc != SQLITE_DONE) {
            return fail(str(path), "series", sqliteReason(db, rc));
        }
    }
    std::map<Id, Sample> samples;
    {
        const bool composition = schemaVersionOf(db) >= 3;
        Stmt s(db, composition ? "SELECT id, name, color, marker, dash, active_mass_mg, mass_basis, notes, "
                                 "dataset_order, start_oxide, residue_oxide FROM samples"
                               : "SELECT id, name, color, marker, dash, active_mass_mg, mass_basis, notes, "
                                 "dataset_order FROM samples");
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            Sample smp;
            auto id = checkedId(s.int64(0), path, "samples");
            if (!id) return std::unexpected(id.error());
            smp.id = *id;
            smp.name = s.text(1);
            smp.color = QColor(s.text(2));
            smp.marker = s.text(3);
            smp.dash = s.text(4);
            smp.activeMassMg = s.isNull(5) ? std::nan("") : s.real(5);
            smp.massBasis = massBasisFromKey(s.text(6));
            smp.notes = s.text(7);
            auto order = parseJson(s.text(8), path, "sample " + std::to_string(smp.id));
            if (!order) return std::unexpected(order.error());
            smp.datasetIds = idsFromJson(order->array());
            if (composition) {
                smp.startOxide = s.text(9);
                smp.residueOxide = s.text(10);
            }
            nextId = std::max(nextId, smp.id + 1);
            samples[smp.id] = std::move(smp);
        }
        if (rc != SQLITE_DONE) return fail(str(path), "samples", sqliteReason(db, rc));
    }
    lock.unlock(); // lazy datasets call back into loadColumns()
    std::shared_ptr<ColumnSource> self = shared_from_this();
    lock.lock();
    std::map<Id, Dataset> datasets;
    {
        const int version = schemaVersionOf(db);
        Stmt s(
            db,
            version >= 2
                ? "SELECT id, technique, kind, name, metadata, provenance, columns, type, label FROM datasets"
                : "SELECT id, technique, kind, name, metadata, provenance, columns, '', '' FROM datasets");
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            auto checked = checkedId(s.int64(0), path, "datasets");
            if (!checked) return std::unexpected(checked.error());
            const Id id = *checked;
            const std::string where = "dataset " + std::to_string(id);
            const auto technique = techniqueFromKey(s.text(1));
            if (!technique) return fail(str(path), where, "unknown technique '" + str(s.text(1)) + "'");
            auto meta = parseJson(s.text(4), path, where);
            auto prov = parseJson(s.text(5), path, where);
            auto cols = parseJson(s.text(6), path, where);
            if (!meta) return std::unexpected(meta.error());
            if (!prov) return std::unexpected(prov.error());
            if (!cols) return std::unexpected(cols.error());
            std::vector<ColumnHeader> headers;
            for (const auto& v : cols->array()) {
                const QJsonObject c = v.toObject();
                const qint64 n = storedCount(c);
                if (n < 0) return fail(str(path), where, "stored column list is damaged");
                headers.push_back({c.value("name").toString(), c.value("unit").toString(), qsizetype(n)});
            }
            DatasetTypeLabel tl{s.text(7), s.text(8)};
            if (tl.type.isEmpty()) tl = normalizeDatasetType(*technique, s.text(2)); // schema 1
            datasets.emplace(id,
                             Dataset::lazy(id, *technique, tl.type, tl.label, s.text(3), std::move(headers),
                                           meta->object(), provenanceFromJson(prov->object()), self));
            nextId = std::max(nextId, id + 1);
        }
        if (rc != SQLITE_DONE) return fail(str(path), "datasets", sqliteReason(db, rc));
    }
    std::map<Id, AnalysisRun> runs;
    {
        const int version = schemaVersionOf(db);
        Stmt s(db, version >= 2 ? "SELECT id, dataset_id, analysis_id, analysis_version, params, result, "
                                  "status, message FROM runs"
                                : "SELECT id, dataset_id, analysis_id, analysis_version, params, result, "
                                  "status, '' FROM runs");
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            AnalysisRun r;
            auto id = checkedId(s.int64(0), path, "runs");
            if (!id) return std::unexpected(id.error());
            r.id = *id;
            const std::string where = "analysis run " + std::to_string(r.id);
            r.inputs = {RunInput{QStringLiteral("main"), Id(s.int64(1))}};
            r.analysisId = s.text(2);
            r.analysisVersion = int(s.int64(3));
            r.status = runStatusFromKey(s.text(6));
            r.message = s.text(7);
            // A damaged parameter or result text costs that run its result, not the project: the run
            // is kept, marked stale with the reason, and recomputed on request.
            auto params = parseJson(s.text(4), path, where);
            auto result = parseJson(s.text(5), path, where);
            if (params && params->isObject()) r.params = params->object();
            if (result && result->isObject()) r.result = result->object();
            if (!params || !params->isObject() || !result || !result->isObject()) {
                r.result = {};
                r.status = RunStatus::Stale;
                r.message =
                    QStringLiteral("The stored result could not be read (%1); recompute it.")
                        .arg(QString::fromStdString((!params   ? params.error()
                                                     : !result ? result.error()
                                                               : Error{str(path), where, "not a JSON object"})
                                                        .message()));
            }
            nextId = std::max(nextId, r.id + 1);
            runs[r.id] = std::move(r);
        }
        if (rc != SQLITE_DONE) return fail(str(path), "runs", sqliteReason(db, rc));
        if (version >= 2) {
            Stmt in(db, "SELECT run_id, role, dataset_id FROM run_inputs ORDER BY run_id, idx");
            std::set<Id> seen;
            while ((rc = in.step()) == SQLITE_ROW) {
                auto it = runs.find(Id(in.int64(0)));
                if (it == runs.end()) continue;
                if (seen.insert(it->first).second) it->second.inputs.clear();
                it->second.inputs.push_back({in.text(1), Id(in.int64(2))});
            }
            if (rc != SQLITE_DONE) return fail(str(path), "run_inputs", sqliteReason(db, rc));
        }
    }
    lock.unlock();
    // Consistency: drop dangling references instead of crashing later, but say so.
    for (auto& [id, smp] : samples)
        std::erase_if(smp.datasetIds, [&](Id d) { return !datasets.contains(d); });
    std::erase_if(series.sampleIds, [&](Id s) { return !samples.contains(s); });
    reconcileStoredRuns(runs);
    project.resetFromLoad(std::move(series), std::move(samples), std::move(datasets), std::move(runs),
                          nextId);
    project.setFilePath(path);
    return {};
}

Expected<void> ProjectStore::write(const Project& project, const ChangeSet& changes)
{
    std::lock_guard lock(m_mutex);
    if (!m_db) return fail("", "", "no project file is open; use Save As");
    m_writeWarnings.clear();
    return writeChangesIn(m_db, m_path, project, changes, &m_writeWarnings);
}

Expected<void> ProjectStore::writeCopy(const Project& project, const ChangeSet& changes, const QString& path,
                                       const QString& recoveryOf, const QString& recoveryBase) const
{
    const QString tmp = tempPathFor(path);
    auto cleanup = [&] {
        QFile::remove(tmp);
        QFile::remove(tmp + "-journal");
    };
    auto db = openDatabase(tmp, true);
    if (!db) return std::unexpected(db.error());
    sqlite3* out = *db;
    auto result = [&]() -> Expected<void> {
        std::unique_lock lock(m_mutex);
        ChangeSet c = changes;
        if (m_db) {
            sqlite3_backup* b = sqlite3_backup_init(out, "main", m_db, "main");
            if (!b) return fail(str(path), "", sqliteReason(out, sqlite3_errcode(out)));
            const int rc = sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
            if (rc != SQLITE_DONE) return fail(str(path), "", sqliteReason(out, rc));
        } else {
            if (auto ok = initSchema(out, tmp); !ok) return fail(str(path), "", ok.error().reason);
            c.everything = true;
        }
        m_writeWarnings.clear();
        lock.unlock();
        QStringList warnings;
        if (auto ok = writeChangesIn(out, path, project, c, &warnings); !ok) return ok;
        {
            const std::lock_guard relock(m_mutex);
            m_writeWarnings = warnings;
        }
        Stmt m(out, "INSERT OR REPLACE INTO meta(key, value) VALUES('recovery_of', ?)");
        m.bind(1, recoveryOf);
        if (recoveryOf.isEmpty()) {
            Stmt d(out, "DELETE FROM meta WHERE key='recovery_of'");
            d.step();
        } else if (m.step() != SQLITE_DONE) {
            return fail(str(path), "meta", sqliteReason(out, m.rc()));
        }
        if (recoveryBase.isEmpty()) {
            Stmt d(out, "DELETE FROM meta WHERE key='recovery_base'");
            d.step();
        } else {
            Stmt b(out, "INSERT OR REPLACE INTO meta(key, value) VALUES('recovery_base', ?)");
            b.bind(1, recoveryBase);
            if (b.step() != SQLITE_DONE) return fail(str(path), "meta", sqliteReason(out, b.rc()));
        }
        return {};
    }();
    sqlite3_close_v2(out);
    if (!result) {
        cleanup();
        return result;
    }
    // Makes this file's page 1, and so its rollback journals, its own (RollbackJournal).
    if (auto ok = RollbackJournal::stampRandomChangeCounter(tmp); !ok) {
        cleanup();
        return ok;
    }
    // rename(2) replaces an existing file atomically (QFile::rename refuses to overwrite); the
    // folder is fsynced so that the new name survives a power loss.
    if (auto ok = renameDurably(tmp, path); !ok) {
        if (QFileInfo::exists(tmp)) cleanup();
        return ok;
    }
    return {};
}

Expected<void> ProjectStore::writeAs(const Project& project, const ChangeSet& changes, const QString& path)
{
    if (auto ok = writeCopy(project, changes, path); !ok) return ok;
    // A stray -journal beside the target would be "hot" for the file just renamed into place.
    if (auto journal = RollbackJournal::guard(canonicalFilePath(path)); !journal)
        return std::unexpected(journal.error());
    auto db = openDatabase(path, false);
    if (!db) return std::unexpected(db.error());
    std::lock_guard lock(m_mutex);
    if (m_db) sqlite3_close_v2(m_db);
    m_db = *db;
    m_path = path;
    return {};
}

Expected<std::vector<Column>> ProjectStore::loadColumns(Id datasetId)
{
    std::lock_guard lock(m_mutex);
    if (!m_db) return fail("", "", "the project file is closed");
    const std::string where = "dataset " + std::to_string(datasetId);
    QJsonArray headers;
    QString datasetName;
    {
        Stmt s(m_db, "SELECT columns, name FROM datasets WHERE id=?");
        s.bind(1, qint64(datasetId));
        if (s.step() != SQLITE_ROW) return fail(str(m_path), where, "the dataset is missing from the file");
        datasetName = s.text(1);
        auto doc = parseJson(s.text(0), m_path, where);
        if (!doc) return std::unexpected(doc.error());
        headers = doc->array();
    }
    std::vector<Column> cols(headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QJsonObject h = headers[i].toObject();
        cols[i].name = h.value("name").toString();
        cols[i].unit = h.value("unit").toString();
    }
    const bool checksums = schemaVersionOf(m_db) >= 2; // schema 1 has none (added by its migration)
    Stmt s(m_db, checksums ? "SELECT idx, data, sha256 FROM dataset_columns WHERE dataset_id=? ORDER BY idx"
                           : "SELECT idx, data, '' FROM dataset_columns WHERE dataset_id=? ORDER BY idx");
    s.bind(1, qint64(datasetId));
    int rc;
    qsizetype seen = 0;
    // Each column exactly once: a damaged row (its idx NULL, read as 0, or repeated) must not leave
    // another column empty while the count still adds up.
    std::vector<bool> have(cols.size(), false);
    while ((rc = s.step()) == SQLITE_ROW) {
        const qint64 idx = s.isNull(0) ? -1 : s.int64(0);
        if (idx < 0 || idx >= qint64(cols.size()) || have[size_t(idx)])
            return fail(str(m_path), where,
                        "stored values are damaged (unexpected column " + std::to_string(idx) + ")");
        have[size_t(idx)] = true;
        const qint64 count = storedCount(headers[idx].toObject());
        if (count < 0) return fail(str(m_path), where, "stored column list is damaged");
        const qint64 expected = count * 8;
        const int n = s.blobSize(1);
        if (n != expected)
            return fail(str(m_path), where + ", column '" + str(cols[idx].name) + "'",
                        "stored values are damaged (" + std::to_string(expected) + " bytes expected, " +
                            std::to_string(n) + " found)");
        // The dataset is refused, never handed on: a save would otherwise copy the damaged values
        // into a new dataset (Save As, Compare copy) under a fresh checksum.
        const QString stored = s.text(2);
        if (!stored.isEmpty() && stored.compare(sha256Hex(s.blobData(1), n), Qt::CaseInsensitive) != 0)
            return fail(str(m_path),
                        where + " '" + str(datasetName) + "', column '" + str(cols[idx].name) + "'",
                        "stored values are damaged (checksum mismatch)");
        cols[idx].values.resize(size_t(n / 8));
        if (n) std::memcpy(cols[idx].values.data(), s.blobData(1), size_t(n));
        ++seen;
    }
    if (rc != SQLITE_DONE) return fail(str(m_path), where, sqliteReason(m_db, rc));
    if (seen != qsizetype(cols.size())) return fail(str(m_path), where, "stored values are incomplete");
    return cols;
}

Expected<QByteArray> ProjectStore::loadOriginalFile(const QString& sha256)
{
    std::lock_guard lock(m_mutex);
    if (!m_db) return fail("", "", "the project file is closed");
    Stmt s(m_db, "SELECT data, size FROM files WHERE sha256=?");
    s.bind(1, sha256);
    if (s.step() != SQLITE_ROW)
        return fail(str(m_path), "embedded file " + str(sha256.left(12)), "missing from the project");
    QByteArray data = s.blob(0);
    if (data.size() != s.int64(1))
        return fail(str(m_path), "embedded file " + str(sha256.left(12)), "damaged (size mismatch)");
    // The key is the SHA-256 of the bytes as imported.
    if (sha256Hex(data.constData(), data.size()).compare(sha256, Qt::CaseInsensitive) != 0)
        return fail(str(m_path), "embedded file " + str(sha256.left(12)), "damaged (checksum mismatch)");
    return data;
}

QStringList ProjectStore::writeWarnings() const
{
    std::lock_guard lock(m_mutex);
    return m_writeWarnings;
}

QStringList ProjectStore::openWarnings() const
{
    std::lock_guard lock(m_mutex);
    return m_openWarnings;
}

ProjectFileState ProjectStore::fileState() const
{
    std::lock_guard lock(m_mutex);
    if (!m_db) return {};
    // Read through SQLite's own descriptor: opening and closing another one on this file would
    // drop the POSIX locks this connection holds (fcntl(2) locks are per process and file).
    sqlite3_file* f = nullptr;
    if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods)
        return {};
    sqlite3_int64 size = 0;
    if (f->pMethods->xFileSize(f, &size) != SQLITE_OK) return {};
    QByteArray header(100, '\0');
    const int rc = f->pMethods->xRead(f, header.data(), int(header.size()), 0);
    if (rc == SQLITE_IOERR_SHORT_READ)
        header.clear();
    else if (rc != SQLITE_OK)
        return {};
    return ProjectFileState::fromHeader(qint64(size), header);
}

} // namespace vanadis
