// libFuzzer target: a .vanadis project file from arbitrary bytes. The bytes are written to a temporary
// file, opened with ProjectDocument::open, and every dataset's columns and embedded original file are
// loaded. Must never crash, hang or trip a sanitizer: a damaged file is an Error, nothing else.
// Inputs that start with "VJNL" are a rollback journal instead: the rest is written as the -journal
// beside a fixed valid project (RollbackJournal::inspect/guard parse it before SQLite may apply it).
// Invariant: a journal that is refused (moved aside with a warning) leaves the project unchanged.
//
//   fuzz_project_reader --write-seeds=DIR     writes small valid projects (page size 4096 and 512)
//                                             and crafted variants of the bugs found so far
//   fuzz_project_reader -max_total_time=60 CORPUS_DIR
#include "io/ProjectDocument.h"
#include "io/RollbackJournal.h"
#include "model/Commands.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>

using namespace vanadis;

namespace {

[[noreturn]] void violated(const char* what, const std::string& detail = {})
{
    std::fprintf(stderr, "fuzz_project_reader: invariant violated: %s %s\n", what, detail.c_str());
    std::abort();
}

Dataset makeDataset(Project& p, Technique t, const QString& kind, int n, double seed)
{
    std::vector<double> x(static_cast<size_t>(n)), y(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        x[size_t(i)] = 10.0 + 0.5 * i;
        y[size_t(i)] = std::sin(i * seed) * 100.0;
    }
    const QByteArray original = "x,y\n" + QByteArray::number(seed) + "\n";
    Provenance prov;
    prov.originalFileName = kind + ".csv";
    prov.sha256 = QString::fromLatin1(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
    prov.fileSize = original.size();
    prov.importerId = "fuzz-seed";
    prov.importerVersion = "1";
    prov.importedAtUtc = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return Dataset(p.allocateId(), t, kind, kind + " data", {{"x", "deg", x}, {"y", "counts", y}},
                   QJsonObject{{"wavelength_angstrom", 1.5406}}, prov, original);
}

void sqlExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK)
        sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

constexpr char kJournalTag[4] = {'V', 'J', 'N', 'L'};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Small projects exercising every table: series, two samples, datasets with embedded files, a run.
std::unique_ptr<ProjectDocument> seedProject()
{
    auto doc = ProjectDocument::createNew("Seed series");
    Project& p = doc->project();
    for (int s = 0; s < 2; ++s) {
        Sample smp;
        smp.id = p.allocateId();
        smp.name = s ? "WCS" : "CS";
        smp.color = QColor(s ? "#56B4E9" : "#E69F00");
        smp.activeMassMg = 1.5 + s;
        smp.notes = "seed";
        p.insertSample(smp, -1);
        p.insertDataset(smp.id, makeDataset(p, Technique::Xrd, "pattern", 12, 1 + s));
        p.insertDataset(smp.id, makeDataset(p, Technique::Bet, "isotherm", 5, 10 + s));
    }
    AnalysisRun r;
    r.id = p.allocateId();
    r.inputs = {RunInput{QStringLiteral("main"), p.datasetsOf(p.samples().front()->id).front()->id()}};
    r.analysisId = "xrd.peaks";
    r.params = QJsonObject{{"threshold", 0.25}};
    r.result = QJsonObject{{"size_nm", 23.5}, {"size_nm_err", 1.2}};
    r.status = RunStatus::Ok;
    p.upsertRun(r);
    return doc;
}

/// The project that journal inputs are placed beside, the same in every run: the random start of
/// the change counter that every Save As gives is replaced by a fixed one, so that the genuine hot
/// journal in the seeds keeps matching it.
QString journalBase()
{
    static const QString path = [] {
        const QString p =
            QDir::tempPath() +
            QStringLiteral("/fuzz_project_reader-base-%1.vanadis").arg(QCoreApplication::applicationPid());
        QFile::remove(p);
        auto doc = seedProject();
        if (!doc->saveAs(p)) std::abort();
        doc.reset();
        QFile::remove(p + ".lock");
        QFile f(p);
        if (!f.open(QIODevice::ReadWrite)) std::abort();
        const char fixed[4] = {0x12, 0x34, 0x56, 0x78};
        f.seek(24);
        f.write(fixed, 4);
        f.seek(92);
        f.write(fixed, 4);
        return p;
    }();
    return path;
}

void sqlExecOrDie(const QString& path, const char* sql, sqlite3** keep = nullptr)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK ||
        sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        std::abort();
    if (keep)
        *keep = db;
    else
        sqlite3_close(db);
}

/// Journal seeds: a genuine hot journal of journalBase() (a copy taken while a transaction that
/// starts like a Vanadis save had spilled pages into the file), and a journal of another project.
void writeJournalSeeds(const QString& dir)
{
    auto snapshot = [&](const QString& db) {
        sqlite3* h = nullptr;
        const std::string sql =
            "PRAGMA cache_size=2; BEGIN IMMEDIATE; PRAGMA application_id=" +
            std::to_string(ProjectStore::kApplicationId) +
            "; UPDATE dataset_columns SET data=zeroblob(length(data)); UPDATE samples SET notes='torn';";
        sqlExecOrDie(db, sql.c_str(), &h);
        QByteArray journal = readAll(db + "-journal");
        sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(h);
        return QByteArray(kJournalTag, 4) + journal;
    };
    const QString work = dir + "/.journal-work.vanadis";
    QFile::remove(work);
    QFile::copy(journalBase(), work);
    const QByteArray genuine = snapshot(work);
    QFile::remove(work);
    auto other = seedProject();
    other->project().setSeriesInfo("Other series", "anything");
    if (!other->saveAs(work)) std::abort();
    other.reset();
    const QByteArray foreign = snapshot(work);
    for (const char* suffix : {"", ".lock", "-journal"})
        QFile::remove(work + suffix);
    for (const auto& [name, bytes] :
         {std::pair{"journal-genuine", genuine}, std::pair{"journal-foreign", foreign}}) {
        QFile f(dir + "/" + name);
        if (!f.open(QIODevice::WriteOnly)) std::abort();
        f.write(bytes);
    }
}

void writeSeeds(const QString& dir)
{
    QDir().mkpath(dir);
    auto doc = seedProject();
    const QString big = dir + "/seed-4096.vanadis";
    QFile::remove(big);
    if (auto ok = doc->saveAs(big); !ok) {
        std::fprintf(stderr, "cannot write the seed: %s\n", ok.error().message().c_str());
        std::exit(1);
    }
    doc.reset();
    QFile::remove(big + ".lock");
    // The same project with 512-byte pages: a denser target for mutations.
    const QString small = dir + "/seed-512.vanadis";
    QFile::remove(small);
    QFile::copy(big, small);
    sqlExec(small, "PRAGMA page_size=512; VACUUM;");
    // Crafted variants of bugs found while fuzzing (signed overflows in ProjectStore::load and
    // loadColumns, a NULL column index); kept in the corpus so that every run replays them.
    const std::pair<const char*, const char*> crafted[] = {
        {"crafted-sample-max-id", "UPDATE samples SET id=9223372036854775807 WHERE name='CS';"},
        {"crafted-dataset-max-id",
         "UPDATE datasets SET id=9223372036854775807 WHERE id=(SELECT min(id) FROM datasets);"},
        {"crafted-run-max-id", "UPDATE runs SET id=9223372036854775807;"},
        {"crafted-next-id-max", "UPDATE series SET next_id=9223372036854775807;"},
        // Found by this fuzzer: an idx of NULL was read as 0, so column 0 was filled twice and column
        // 1 stayed empty while the dataset still loaded.
        {"crafted-null-column-index",
         "UPDATE dataset_columns SET idx=NULL WHERE rowid=(SELECT max(rowid) FROM dataset_columns);"},
        {"crafted-count-overflow",
         "UPDATE datasets SET columns='[{\"name\":\"x\",\"unit\":\"deg\",\"count\":1152921504606846976},"
         "{\"name\":\"y\",\"unit\":\"c\",\"count\":12}]' WHERE id=(SELECT min(id) FROM datasets);"},
    };
    for (const auto& [name, sql] : crafted) {
        const QString out = dir + "/" + name + ".vanadis";
        QFile::remove(out);
        QFile::copy(small, out);
        sqlExec(out, sql);
    }
    writeJournalSeeds(dir);
}

/// One file per process (libFuzzer -jobs runs several), removed after every input: libFuzzer leaves
/// through _Exit, so nothing may rely on destructors for clean-up.
QString workPath()
{
    static const QString path =
        QDir::tempPath() +
        QStringLiteral("/fuzz_project_reader-%1.vanadis").arg(QCoreApplication::applicationPid());
    return path;
}

void removeArtifacts(const QString& path)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm", ".lock"})
        QFile::remove(path + suffix);
    const QFileInfo fi(path);
    for (const QString& n :
         QDir(fi.absolutePath()).entryList({fi.fileName() + "-journal.refused-*"}, QDir::Files))
        QFile::remove(fi.absolutePath() + "/" + n);
}

/// A journal input: beside a copy of journalBase(); a refused journal must leave the file as it was.
void testJournal(const uint8_t* data, size_t size)
{
    const QString path = workPath();
    removeArtifacts(path);
    if (!QFile::copy(journalBase(), path)) std::abort();
    {
        QFile j(path + "-journal");
        if (!j.open(QIODevice::WriteOnly)) std::abort();
        j.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    const QByteArray before = readAll(path);
    const auto verdict = RollbackJournal::inspect(path).verdict;
    if (qEnvironmentVariableIsSet("FUZZ_VERBOSE")) std::fprintf(stderr, "journal verdict %d\n", int(verdict));
    {
        auto doc = ProjectDocument::open(path);
        if (doc) {
            for (const auto& [id, d] : (*doc)->project().allDatasets())
                (void)d.ensureLoaded();
            if (!(*doc)->warnings().isEmpty() && verdict != RollbackJournal::Verdict::Foreign)
                violated("a journal was moved aside that inspect() did not call foreign");
        } else if (doc.error().reason.empty()) {
            violated("open error without a reason");
        }
    }
    if (verdict == RollbackJournal::Verdict::Foreign && readAll(path) != before)
        violated("a journal judged foreign changed the project");
    removeArtifacts(path);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    QStandardPaths::setTestModeEnabled(true);
    for (int i = 1; i < *argc; ++i)
        if (std::strncmp((*argv)[i], "--write-seeds=", 14) == 0) {
            writeSeeds(QString::fromLocal8Bit((*argv)[i] + 14));
            std::exit(0);
        }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size >= 4 && std::memcmp(data, kJournalTag, 4) == 0) {
        testJournal(data + 4, size - 4);
        return 0;
    }
    const QString path = workPath();
    removeArtifacts(path);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) std::abort();
        f.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    {
        auto doc = ProjectDocument::open(path);
        if (doc) {
            const Project& p = (*doc)->project();
            for (const auto& [id, d] : p.allDatasets()) {
                auto loaded = d.ensureLoaded();
                if (loaded) {
                    // Loaded columns must match the headers read with the tree.
                    if (d.columns().size() != d.headers().size())
                        violated("column count differs from the tree",
                                 std::to_string(d.columns().size()) + " vs " +
                                     std::to_string(d.headers().size()));
                    for (size_t i = 0; i < d.columns().size(); ++i)
                        if (qsizetype(d.columns()[i].values.size()) != d.headers()[i].count)
                            violated("column length differs from the tree",
                                     std::to_string(d.columns()[i].values.size()) + " vs " +
                                         std::to_string(d.headers()[i].count));
                } else if (loaded.error().reason.empty()) {
                    violated("load error without a reason");
                }
                (void)d.originalFile();
            }
            for (const Sample* s : p.samples())
                (void)p.datasetsOf(s->id);
            for (const auto& [id, r] : p.allRuns())
                (void)p.runsOf(r.datasetId());
        } else if (doc.error().reason.empty()) {
            violated("open error without a reason");
        }
    }
    removeArtifacts(path);
    return 0;
}
