// Project-file benchmark: a large series (default ~500 MB of float64 columns) is written once with
// Save As, then timed over several runs:
//   open                  ProjectDocument::open until the tree is available (page cache warm)
//   open_cold             the same after dropping the file from the page cache (posix_fadvise)
//   save_one_change       one EditSampleCommand, then save() (incremental, one transaction, fsync)
//   load_dataset_columns  the values of one dataset (2 columns) on first use
// Targets (README): open < 1000 ms, save after one change < 200 ms.
//
//   bench_store [--size-mb N] [--runs N] [--dir FOLDER]
#include "io/ProjectDocument.h"
#include "model/Commands.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace vanadis;

namespace {

constexpr int kSamples = 4;
constexpr int kDatasetsPerSample = 50;
constexpr int kColumns = 2;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void report(const char* name, const std::vector<double>& ms)
{
    std::printf("%s median=%.1f ms (n=%zu)  [min %.1f, max %.1f]\n", name, median(ms), ms.size(),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
    std::fflush(stdout);
}

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// Asks the kernel to forget the cached pages of a file, so that the next open reads the disk.
void dropFromPageCache(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0) return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

[[noreturn]] void die(const char* what, const Error& e)
{
    std::fprintf(stderr, "bench_store: %s: %s\n", what, e.message().c_str());
    std::exit(1);
}

std::unique_ptr<ProjectDocument> openOrDie(const QString& path)
{
    auto doc = ProjectDocument::open(path);
    if (!doc) die("open", doc.error());
    return std::move(*doc);
}

/// A series of kSamples × kDatasetsPerSample datasets of kColumns × points float64 values.
std::unique_ptr<ProjectDocument> makeProject(qsizetype points)
{
    auto doc = ProjectDocument::createNew("Benchmark series");
    Project& p = doc->project();
    for (int s = 0; s < kSamples; ++s) {
        Sample smp;
        smp.id = p.allocateId();
        smp.name = QStringLiteral("S%1").arg(s);
        smp.color = QColor::fromHsv(s * 80, 200, 200);
        smp.activeMassMg = 1.0 + s;
        p.insertSample(smp, -1);
        for (int d = 0; d < kDatasetsPerSample; ++d) {
            std::vector<Column> cols;
            for (int c = 0; c < kColumns; ++c) {
                std::vector<double> v(static_cast<size_t>(points));
                const double f = 1e-4 * (1 + s * kDatasetsPerSample + d) * (c + 1);
                for (qsizetype i = 0; i < points; ++i)
                    v[size_t(i)] = c == 0 ? double(i) * 0.01 : std::sin(double(i) * f) * 1e3;
                cols.push_back({QStringLiteral("c%1").arg(c), QStringLiteral("u"), std::move(v)});
            }
            // A small, distinct original file per dataset (embedded once by hash).
            const QByteArray original = QStringLiteral("bench sample %1 dataset %2\n").arg(s).arg(d).toUtf8();
            Provenance prov;
            prov.originalFileName = QStringLiteral("s%1_d%2.csv").arg(s).arg(d);
            prov.sha256 =
                QString::fromLatin1(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
            prov.fileSize = original.size();
            prov.importerId = "bench";
            prov.importerVersion = "1";
            prov.importedAtUtc = QDateTime::currentDateTimeUtc();
            p.insertDataset(smp.id, Dataset(p.allocateId(), Technique::Echem, "gcd", prov.originalFileName,
                                            std::move(cols), QJsonObject{{"index", d}}, prov, original));
        }
    }
    return doc;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("vanadis-bench");
    QStandardPaths::setTestModeEnabled(true); // recovery files go to a test location, never the user's

    double sizeMb = 500;
    int runs = 7;
    QString dirArg;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--size-mb" && i + 1 < args.size())
            sizeMb = args[++i].toDouble();
        else if (args[i] == "--runs" && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == "--dir" && i + 1 < args.size())
            dirArg = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_store [--size-mb N] [--runs N] [--dir FOLDER]\n");
            return 2;
        }
    }
    if (!(sizeMb > 0) || runs < 1) {
        std::fprintf(stderr, "bench_store: --size-mb must be > 0 and --runs >= 1\n");
        return 2;
    }
    runs = std::max(runs, 5);

    QTemporaryDir tmp(dirArg.isEmpty() ? QDir::tempPath() + "/bench_store-XXXXXX"
                                       : dirArg + "/bench_store-XXXXXX");
    if (!tmp.isValid()) {
        std::fprintf(stderr, "bench_store: cannot create a temporary folder\n");
        return 1;
    }
    const QString file = tmp.filePath("bench.vanadis");
    const int datasets = kSamples * kDatasetsPerSample;
    const auto points = qsizetype(std::llround(sizeMb * 1e6 / (double(datasets) * kColumns * 8)));
    std::printf(
        "bench_store: %d samples x %d datasets x %d columns x %lld float64 (%.0f MB of values) in %s\n",
        kSamples, kDatasetsPerSample, kColumns, qint64(points),
        double(datasets) * kColumns * 8 * double(points) / 1e6, qPrintable(tmp.path()));
    std::fflush(stdout);

    {
        QElapsedTimer t;
        t.start();
        auto doc = makeProject(points);
        const double genMs = msSince(t);
        t.restart();
        if (auto ok = doc->saveAs(file); !ok) die("save as", ok.error());
        const double saveAsMs = msSince(t);
        std::printf("generate median=%.1f ms (n=1)\n", genMs);
        report("save_as", {saveAsMs});
    }
    const qint64 bytes = QFileInfo(file).size();
    std::printf("file_size=%.1f MB (%lld bytes)\n", double(bytes) / 1e6, bytes);
    std::fflush(stdout);

    // open: until the tree (series, samples, dataset headers) is available.
    std::vector<double> openMs, openColdMs;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        auto doc = openOrDie(file);
        const size_t n = doc->project().allDatasets().size();
        openMs.push_back(msSince(t));
        if (n != size_t(datasets)) {
            std::fprintf(stderr, "bench_store: %zu datasets after open, expected %d\n", n, datasets);
            return 1;
        }
    }
    report("open", openMs);
    for (int r = 0; r < runs; ++r) {
        dropFromPageCache(file);
        QElapsedTimer t;
        t.start();
        auto doc = openOrDie(file);
        (void)doc->project().samples();
        openColdMs.push_back(msSince(t));
    }
    report("open_cold", openColdMs);

    // Save after one change: the edit and the save are what the user waits for after Ctrl+S.
    std::vector<double> saveMs;
    {
        auto doc = openOrDie(file);
        Project& p = doc->project();
        const Id s = p.samples().front()->id;
        std::vector<double>& ms = saveMs;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            p.undoStack()->push(
                new EditSampleCommand(&p, s, SampleField::Notes, QStringLiteral("revision %1").arg(r)));
            if (auto ok = doc->save(); !ok) die("save", ok.error());
            ms.push_back(msSince(t));
        }
        report("save_one_change", ms);
    }
    {
        auto doc = openOrDie(file);
        if (doc->project().samples().front()->notes != QStringLiteral("revision %1").arg(runs - 1)) {
            std::fprintf(stderr, "bench_store: the last saved change is missing after reopening\n");
            return 1;
        }
    }

    // Column values of one dataset on first use (a fresh document each run, so nothing is cached in
    // memory; the page cache is warm, as it is for a project the user is working on).
    std::vector<double> loadMs, loadColdMs;
    for (int cold = 0; cold < 2; ++cold) {
        for (int r = 0; r < runs; ++r) {
            auto doc = openOrDie(file);
            const auto& all = doc->project().allDatasets();
            auto it = all.begin();
            std::advance(it, (r * 37) % int(all.size()));
            if (cold) dropFromPageCache(file);
            QElapsedTimer t;
            t.start();
            if (auto ok = it->second.ensureLoaded(); !ok) die("load columns", ok.error());
            (cold ? loadColdMs : loadMs).push_back(msSince(t));
            if (it->second.columns().front().values.size() != size_t(points)) {
                std::fprintf(stderr, "bench_store: wrong number of values loaded\n");
                return 1;
            }
        }
    }
    report("load_dataset_columns", loadMs);
    report("load_dataset_columns_cold", loadColdMs);

    std::printf("targets: open < 1000 ms %s, save after one change < 200 ms %s\n",
                median(openMs) < 1000 ? "met" : "MISSED", median(saveMs) < 200 ? "met" : "MISSED");
    // QTemporaryDir removes the project, its lock file and any journal.
    return 0;
}
