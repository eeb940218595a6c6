// Damage campaign over the real instrument files (issue 9: "no silent partial imports"). Not a fuzzer
// and not a test: a tool a developer runs after changing a reader, which prints summary numbers.
//
//   campaign_import_damage [TESTDATA_DIR] [-v]
//
// For every file that imports as it is, it imports damaged copies through parseFile() (the path of the
// GUI and the CLI) and counts how each ends:
//   - cut: the file cut at 12 random places inside a line (never right after a line break, which no
//     reader can tell from a complete file);
//   - nan: one number of the second half replaced by NaN, inf or -inf.
// An import that succeeds with fewer points than the original, or (for a cut text file) without a new
// warning, is "silent" and printed; the goal is 0. Errors and warnings are fine. Exit status 1 when any is
// silent.
#include "io/import/ImporterRegistry.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cstdio>

using namespace vanadis;

namespace {

qsizetype points(const ParsedFile& p)
{
    qsizetype n = 0;
    for (const auto& d : p.datasets)
        n += d.columns.empty() ? 0 : qsizetype(d.columns.front().values.size());
    return n;
}

struct Tally {
    int runs = 0, errors = 0, warned = 0, silent = 0;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString root = argc > 1 && argv[1][0] != '-' ? QString::fromLocal8Bit(argv[1])
                                                 : qEnvironmentVariable("VANADIS_TESTDATA");
    if (root.isEmpty()) root = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    const bool verbose = argc > 1 && QByteArray(argv[argc - 1]) == "-v";
    if (!QFileInfo(root).isDir()) {
        std::fprintf(stderr, "campaign_import_damage: no test data folder %s\n", qPrintable(root));
        return 2;
    }
    QTemporaryDir tmp;
    QRandomGenerator rng(20261203);
    Tally cut, nan;
    int files = 0;
    static const QRegularExpression number(
        QStringLiteral("(?<![\\w.])[-+]?\\d+\\.\\d+(?:[eE][-+]?\\d+)?(?![\\w.])"));
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(".json") || path.endsWith(".md")) continue;
        auto original = parseFile(path);
        if (!original) continue;
        ++files;
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) continue;
        const QByteArray bytes = in.readAll(); // parseFile keeps no copy of a large file
        const qsizetype n0 = points(*original);
        const QString damagedPath = tmp.filePath(QFileInfo(path).fileName());
        auto run = [&](const QByteArray& damaged, Tally& t, bool needWarning, const QString& what) {
            QFile f(damagedPath);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
            f.write(damaged);
            f.close();
            ++t.runs;
            auto r = parseFile(damagedPath);
            if (!r) {
                ++t.errors;
                if (verbose)
                    std::printf("  error  %s %s: %s\n", qPrintable(path), qPrintable(what),
                                r.error().message().c_str());
                return;
            }
            for (const QString& w : r->warnings)
                if (!original->warnings.contains(w)) { // a new warning (a cut one names its own last line)
                    ++t.warned;
                    if (verbose)
                        std::printf("  warned %s %s: %s\n", qPrintable(path), qPrintable(what),
                                    qPrintable(w));
                    return;
                }
            if (points(*r) < n0 || needWarning) {
                ++t.silent;
                std::printf("SILENT %s %s: %lld -> %lld points, no warning [%s]\n", qPrintable(path),
                            qPrintable(what), (long long)n0, (long long)points(*r),
                            qPrintable(r->provenance.importerId));
            }
        };
        for (int k = 0; k < 12 && bytes.size() > 2; ++k) {
            const qsizetype at = 1 + qsizetype(rng.bounded(qint64(bytes.size() - 1)));
            if (bytes[at - 1] == '\n' || bytes[at - 1] == '\r' ||
                (at >= 2 && bytes[at - 2] == '\n' && bytes[at - 1] == '\0'))
                continue;
            // A cut text file must warn; a binary one (.xls) may lose only padding, so it must not lose
            // points.
            run(bytes.left(at), cut, !bytes.left(1024).contains('\0'),
                QStringLiteral("cut at byte %1").arg(at));
        }
        // NaN/inf: only 8-bit text, where a number can be replaced in place.
        if (!bytes.left(1024).contains('\0')) {
            const QString text = QString::fromLatin1(bytes);
            std::vector<std::pair<qsizetype, qsizetype>> spans;
            for (auto m = number.globalMatch(text, text.size() / 2); m.hasNext();) {
                const auto x = m.next();
                spans.emplace_back(x.capturedStart(), x.capturedLength());
            }
            for (int k = 0; k < 3 && !spans.empty(); ++k) {
                const auto [at, len] = spans[size_t(rng.bounded(qint64(spans.size())))];
                const char* bad = k == 0 ? "NaN" : k == 1 ? "inf" : "-inf";
                QByteArray damaged = bytes;
                damaged.replace(at, len, bad);
                run(damaged, nan, false, QStringLiteral("'%1' at byte %2").arg(QLatin1String(bad)).arg(at));
            }
        }
    }
    auto line = [](const char* name, const Tally& t) {
        std::printf("%-4s runs %5d: errors %5d, imported with a warning %5d, SILENT %d\n", name, t.runs,
                    t.errors, t.warned, t.silent);
    };
    std::printf("%d real files import as they are\n", files);
    line("cut", cut);
    line("nan", nan);
    return cut.silent + nan.silent > 0 ? 1 : 0;
}
