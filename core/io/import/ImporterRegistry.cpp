#include "io/import/ImporterRegistry.h"

#include "io/import/KnownFormats.h"

#include "io/import/AifImporter.h"
#include "io/import/ArbinCsvImporter.h"
#include "io/import/ArbinResImporter.h"
#include "io/import/BelsorpImporter.h"
#include "io/import/BiologicMprImporter.h"
#include "io/import/BiologicMptImporter.h"
#include "io/import/BrukerBrmlImporter.h"
#include "io/import/BrukerRawImporter.h"
#include "io/import/BrukerUxdImporter.h"
#include "io/import/CifImporter.h"
#include "io/import/DelimitedTextImporter.h"
#include "io/import/EisCsvImporter.h"
#include "io/import/GamryDtaImporter.h"
#include "io/import/GsasRawImporter.h"
#include "io/import/InstrumentFunctionImporter.h"
#include "io/import/LandXlsImporter.h"
#include "io/import/LandXlsxImporter.h"
#include "io/import/MettlerStareImporter.h"
#include "io/import/MicromeriticsCsvImporter.h"
#include "io/import/MicromeriticsReportImporter.h"
#include "io/import/MicromeriticsXlsImporter.h"
#include "io/import/NetzschAsciiImporter.h"
#include "io/import/NewareCsvImporter.h"
#include "io/import/NewareNdaImporter.h"
#include "io/import/NewareNdaxImporter.h"
#include "io/import/NovonixCsvImporter.h"
#include "io/import/PecCsvImporter.h"
#include "io/import/PerkinElmerPyrisImporter.h"
#include "io/import/PhiSpeImporter.h"
#include "io/import/PyGapsJsonImporter.h"
#include "io/import/QuantachromeImporter.h"
#include "io/import/RigakuRasImporter.h"
#include "io/import/RigakuRasxImporter.h"
#include "io/import/SpecsXyImporter.h"
#include "io/import/TaExcelImporter.h"
#include "io/import/TaTriosImporter.h"
#include "io/import/TaUniversalAnalysisImporter.h"
#include "io/import/VamasImporter.h"
#include "io/import/VersaStudioParImporter.h"
#include "io/import/XlsxImporter.h"
#include "io/import/XrdmlImporter.h"
#include "io/import/XyImporter.h"
#include "io/import/ZviewImporter.h"
#include "model/Project.h"

#include "io/import/MappedFile.h"
#include "io/import/Sha256.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <new>
#include <thread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace vanadis {

ImporterRegistry::ImporterRegistry()
{
    // One line per format. Technique issues add their instrument readers here.
    m_importers.push_back(std::make_unique<DelimitedTextImporter>());
    m_importers.push_back(std::make_unique<NetzschAsciiImporter>());
    m_importers.push_back(std::make_unique<TaUniversalAnalysisImporter>());
    m_importers.push_back(std::make_unique<TaTriosImporter>());
    m_importers.push_back(std::make_unique<MettlerStareImporter>());
    m_importers.push_back(std::make_unique<PerkinElmerPyrisImporter>());
    m_importers.push_back(std::make_unique<AifImporter>());
    m_importers.push_back(std::make_unique<QuantachromeImporter>());
    m_importers.push_back(std::make_unique<BelsorpImporter>());
    m_importers.push_back(std::make_unique<MicromeriticsXlsImporter>());
    m_importers.push_back(std::make_unique<MicromeriticsCsvImporter>());
    m_importers.push_back(std::make_unique<MicromeriticsReportImporter>());
    m_importers.push_back(std::make_unique<XrdmlImporter>());
    m_importers.push_back(std::make_unique<BrukerRawImporter>());
    m_importers.push_back(std::make_unique<BrukerBrmlImporter>());
    m_importers.push_back(std::make_unique<BrukerUxdImporter>());
    m_importers.push_back(std::make_unique<RigakuRasImporter>());
    m_importers.push_back(std::make_unique<RigakuRasxImporter>());
    m_importers.push_back(std::make_unique<GsasRawImporter>());
    m_importers.push_back(std::make_unique<CifImporter>());
    m_importers.push_back(std::make_unique<InstrumentFunctionImporter>());
    m_importers.push_back(std::make_unique<XyImporter>());
    m_importers.push_back(std::make_unique<PyGapsJsonImporter>());
    m_importers.push_back(std::make_unique<XlsxImporter>());
    m_importers.push_back(std::make_unique<TaExcelImporter>());
    m_importers.push_back(std::make_unique<VamasImporter>());
    m_importers.push_back(std::make_unique<PhiSpeImporter>());
    m_importers.push_back(std::make_unique<SpecsXyImporter>());
    m_importers.push_back(std::make_unique<NewareCsvImporter>());
    m_importers.push_back(std::make_unique<NewareNdaImporter>());
    m_importers.push_back(std::make_unique<NewareNdaxImporter>());
    m_importers.push_back(std::make_unique<ArbinCsvImporter>());
    m_importers.push_back(std::make_unique<ArbinResImporter>());
    m_importers.push_back(std::make_unique<LandXlsxImporter>());
    m_importers.push_back(std::make_unique<LandXlsImporter>());
    m_importers.push_back(std::make_unique<BiologicMptImporter>());
    m_importers.push_back(std::make_unique<BiologicMprImporter>());
    m_importers.push_back(std::make_unique<NovonixCsvImporter>());
    m_importers.push_back(std::make_unique<PecCsvImporter>());
    m_importers.push_back(std::make_unique<GamryDtaImporter>());
    m_importers.push_back(std::make_unique<ZviewImporter>());
    m_importers.push_back(std::make_unique<VersaStudioParImporter>());
    m_importers.push_back(std::make_unique<EisCsvImporter>());
}

const ImporterRegistry& ImporterRegistry::instance()
{
    static const ImporterRegistry registry;
    return registry;
}

const Importer* ImporterRegistry::byId(const QString& id) const
{
    for (const auto& i : m_importers)
        if (i->id() == id) return i.get();
    return nullptr;
}

const Importer* ImporterRegistry::detect(const QByteArray& head, const QString& fileName) const
{
    const Importer* best = nullptr;
    int bestScore = 0;
    for (const auto& i : m_importers) {
        const int s = i->sniff(head, fileName);
        if (s > bestScore) {
            bestScore = s;
            best = i.get();
        }
    }
    return best;
}

namespace {

constexpr qint64 kHeadBytes = 64 * 1024;
constexpr qint64 kChunkBytes = 16 << 20;

std::string sizeText(qint64 bytes)
{
    if (bytes >= 1'000'000'000) return QString::number(double(bytes) / 1e9, 'f', 1).toStdString() + " GB";
    return QString::number(double(bytes) / 1e6, 'f', bytes < 10'000'000 ? 1 : 0).toStdString() + " MB";
}

/// Opens \a path for reading if it is a regular file. On POSIX the file is opened with O_NONBLOCK and
/// checked with fstat, so that a FIFO neither blocks the open nor slips in between check and open.
Expected<void> openRegular(QFile& f, const QString& path, qint64& size)
{
    const std::string name = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink()) return fail(name, "", "the file does not exist");
    if (info.isDir()) return fail(name, "", "this is a folder, not a file");
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == ENOENT) return fail(name, "", "the file does not exist (or is a link to nothing)");
        return fail(name, "", std::string("the file cannot be read (") + std::strerror(e) + ")");
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(name, "", std::string("the file cannot be read (") + std::strerror(e) + ")");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        const char* what = S_ISFIFO(st.st_mode)   ? "a named pipe (FIFO)"
                           : S_ISCHR(st.st_mode)  ? "a character device"
                           : S_ISBLK(st.st_mode)  ? "a block device"
                           : S_ISSOCK(st.st_mode) ? "a socket"
                           : S_ISDIR(st.st_mode)  ? "a folder"
                                                  : "not a regular file";
        return fail(name, "",
                    std::string("this is ") + what + ", not a file; only regular files can be imported");
    }
    // Regular files never block; clear the flag so that reads behave as usual.
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    size = qint64(st.st_size);
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return fail(name, "", "the file cannot be read (" + f.errorString().toStdString() + ")");
    }
#else
    if (!info.isFile())
        return fail(name, "", "this is not a regular file; only regular files can be imported");
    f.setFileName(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(name, "", "the file cannot be read (" + f.errorString().toStdString() + ")");
    size = f.size();
#endif
    return {};
}

/// Appends up to \a limit − bytes.size() + 1 bytes, in chunks; one byte more than \a limit means "too
/// large" to the caller (the file grew after its size was checked).
Expected<void> readUpTo(QFile& f, QByteArray& bytes, qint64 limit, const std::string& name)
{
    // Read straight into the buffer (no chunk copies: a 1 GB record is read once, not twice).
    while (qint64(bytes.size()) <= limit) {
        const qint64 want = std::min(kChunkBytes, limit + 1 - qint64(bytes.size()));
        const qsizetype old = bytes.size();
        bytes.resize(old + qsizetype(want));
        const qint64 got = f.read(bytes.data() + old, want);
        bytes.resize(old + qsizetype(std::max<qint64>(got, 0)));
        if (got < 0 || f.error() != QFileDevice::NoError)
            return fail(name, "", "reading failed (" + f.errorString().toStdString() + ")");
        if (got == 0) break;
    }
    return {};
}

Expected<ParsedFile> parseFileUnguarded(const QString& path, const ImportOptions& options,
                                        const std::function<bool()>& cancelled)
{
    const std::string name = path.toStdString();
    QFile f;
    qint64 size = 0;
    if (auto opened = openRegular(f, path, size); !opened) return std::unexpected(opened.error());
    if (size > kMaxImportBytes)
        return fail(name, "",
                    "the file is " + sizeText(size) + "; files larger than " + sizeText(kMaxImportBytes) +
                        " are not imported");

    QByteArray bytes;
    if (auto r = readUpTo(f, bytes, std::min(kHeadBytes, kMaxImportBytes), name); !r)
        return std::unexpected(r.error());
    if (bytes.isEmpty()) return fail(name, "", "the file is empty");
    if (cancelled && cancelled()) return fail(name, "", "import cancelled");

    const QString fileName = QFileInfo(path).fileName();
    const auto& reg = ImporterRegistry::instance();
    const Importer* importer =
        options.format.isEmpty() ? reg.detect(bytes.left(kHeadBytes), fileName) : reg.byId(options.format);
    // A format Vanadis knows but does not read yet is named, not parsed as text into "… is not a number".
    // A dedicated reader that claims the file outright wins (an xlsx a BET reader knows, later ones).
    if (options.format.isEmpty())
        if (const auto known = recogniseUnsupportedFormat(bytes.left(kHeadBytes), fileName);
            known && (!importer || importer->sniff(bytes.left(kHeadBytes), fileName) < 90)) {
            const QString what =
                known->technique.isEmpty() ? known->name : known->name + " (" + known->technique + ")";
            return fail(name, "",
                        "recognised as " + what.toStdString() +
                            ", which this version of Vanadis does not read yet; " +
                            known->advice.toStdString());
        }
    if (!importer)
        return fail(name, "",
                    options.format.isEmpty() ? "the file format is not recognised"
                                             : "unknown format '" + options.format.toStdString() + "'");
    const qint64 limit = std::min(importer->maxFileBytes(), kMaxImportBytes);
    auto tooLarge = [&](qint64 n) {
        return fail(name, "",
                    "the file is " + (n > limit ? sizeText(n) : "larger than " + sizeText(limit)) + "; " +
                        importer->displayName().toStdString() + " files larger than " + sizeText(limit) +
                        " are not imported (is this the right file?)");
    };
    if (size > limit) return tooLarge(size);
    // A large file is mapped, not read: the record readers give back the pages they have passed, so the
    // file is never resident all at once beside its parsed columns (peak memory ≈ the columns).
    std::unique_ptr<MappedFile> mapping;
#ifdef Q_OS_UNIX
    struct stat before {};
    const bool mapped = size > options.originalInMemoryLimit && ::fstat(f.handle(), &before) == 0;
    if (mapped) {
        auto m = MappedFile::map(f.handle(), size, name);
        if (!m) return std::unexpected(m.error());
        mapping = std::move(*m);
        bytes = mapping->bytes();
    } else
#endif
    {
        bytes.reserve(qsizetype(std::min(size, limit) + 1));
        if (auto r = readUpTo(f, bytes, limit, name); !r) return std::unexpected(r.error());
        if (qint64(bytes.size()) > limit) return tooLarge(qint64(bytes.size())); // grew while being read
    }
    if (cancelled && cancelled()) return fail(name, "", "import cancelled");

    // The provenance hash runs beside the parser (both only read the bytes): for a GB-size record it is
    // a quarter of the import time. A mapped file is hashed through its own reads (pread), so hashing
    // makes no page of the mapping resident. jthread joins on every way out, exceptions included.
    QByteArray digest;
    std::string hashError;
    auto parsed = [&] {
        const std::jthread hasher([&] {
#ifdef Q_OS_UNIX
            if (mapping) {
                digest = sha256HexOfDescriptor(f.handle(), size, &hashError);
                return;
            }
#endif
            digest = sha256Hex(bytes);
        });
        return importer->read(bytes, path, options);
    }();
    if (!parsed) return std::unexpected(parsed.error());
    if (cancelled && cancelled()) return fail(name, "", "import cancelled");
#ifdef Q_OS_UNIX
    QDateTime modifiedUtc;
    if (mapping) {
        // Written to while being read: appending (a cycler still running) leaves the part read intact;
        // anything else means the bytes parsed and hashed may not be one version of the file.
        struct stat after {};
        const bool stated = ::fstat(f.handle(), &after) == 0;
        const bool rewritten = stated && after.st_size == before.st_size &&
                               (after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
                                after.st_mtim.tv_nsec != before.st_mtim.tv_nsec);
        if (mapping->damaged() || !stated || qint64(after.st_size) < size || rewritten || digest.isEmpty())
            return fail(name, "",
                        "the file changed while it was being imported" +
                            (hashError.empty() ? std::string() : " (" + hashError + ")") +
                            "; nothing was imported. Import it again once the instrument software has "
                            "finished writing it");
        modifiedUtc = QDateTime::fromMSecsSinceEpoch(
            qint64(before.st_mtim.tv_sec) * 1000 + before.st_mtim.tv_nsec / 1'000'000, Qt::UTC);
    }
#endif

    for (const auto& d : *parsed) {
        const size_t n = d.columns.empty() ? 0 : d.columns.front().values.size();
        for (const auto& c : d.columns)
            if (c.values.size() != n) return fail(name, "", "columns of different lengths (importer error)");
    }
    ParsedFile out;
    Provenance& p = out.provenance;
    p.originalFileName = fileName;
    p.sha256 = QString::fromLatin1(digest);
    p.fileSize = qint64(bytes.size());
    p.importerId = importer->id();
    p.importerVersion = importer->version();
    p.importedAtUtc = QDateTime::currentDateTimeUtc();
    out.datasets = std::move(*parsed);
#ifdef Q_OS_UNIX
    if (mapping)
        out.source = SourceFile{QFileInfo(path).absoluteFilePath(), size, modifiedUtc, p.sha256};
    else
#endif
        out.bytes = bytes;
    // Warnings about the file as a whole go into every dataset, so that they are stored with it.
    QStringList fileWarnings;
    if (!importer->detectsTruncation())
        if (const QString w = cutLastLineWarning(bytes); !w.isEmpty()) fileWarnings << w;
    for (auto& d : out.datasets) {
        for (const QString& w : fileWarnings)
            addImportWarning(d, w);
        for (const QString& w : importWarnings(d))
            if (!out.warnings.contains(w)) out.warnings << w;
    }
    return out;
}

} // namespace

void addImportWarning(ImportedDataset& dataset, const QString& text)
{
    QJsonArray a = dataset.metadata.value("warnings").toArray();
    a.append(text);
    dataset.metadata.insert("warnings", a);
}

QStringList importWarnings(const ImportedDataset& dataset)
{
    QStringList out;
    for (const QJsonValue& v : dataset.metadata.value("warnings").toArray())
        out << v.toString();
    return out;
}

QString cutLastLineWarning(const QByteArray& bytes)
{
    if (bytes.isEmpty() || bytes.endsWith('\n') || bytes.endsWith('\r')) return {};
    // UTF-16 ends with "\n\0" or "\0\n"; both end in a line break.
    if (bytes.endsWith(QByteArrayView("\n\0", 2)) || bytes.endsWith(QByteArrayView("\r\0", 2)) ||
        bytes.endsWith(QByteArrayView("\0\n", 2)) || bytes.endsWith(QByteArrayView("\0\r", 2)))
        return {};
    if (!looksLikeText(bytes.left(4096))) return {};
    // Only the end of the file matters; decode a tail (even length keeps UTF-16 aligned after a BOM).
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    QByteArray tail = bytes.size() > 65536 ? bytes.right(65536) : bytes.mid(utf16 ? 2 : 0);
    if (utf16) tail.prepend(bytes.left(2));
    if (tail.size() % 2 && utf16) return {};
    auto text = decodeText(tail, QString());
    if (!text) return {};
    static const QRegularExpression eol(QStringLiteral("\r\n|\n|\r"));
    QStringList lines = text->split(eol);
    // Spaces after the last line break still mean the file ends inside a line; look at the last text.
    while (!lines.isEmpty() && lines.back().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty()) return {};
    const QString last = lines.back();
    // Counted block by block, giving the blocks back: a mapped file must not become resident here.
    auto count = [&](char c) {
        qsizetype n = 0;
        constexpr qsizetype kBlock = qsizetype(8) << 20;
        for (qsizetype at = 0; at < bytes.size(); at += kBlock) {
            const QByteArrayView block =
                QByteArrayView(bytes).sliced(at, std::min(kBlock, bytes.size() - at));
            n += block.count(c);
            MappedFile::releaseResident(block.data(), block.data() + block.size());
        }
        return n;
    };
    const qsizetype lineNo = count('\n') + (bytes.contains('\n') ? 1 : count('\r') + 1);
    return QStringLiteral(
               "The file does not end with a line break, so it may have been cut short: check that "
               "the last row (line %1, %2) is complete.")
        .arg(lineNo)
        .arg(QString::fromStdString(textnum::quoteCell(last, 60)));
}

Expected<ParsedFile> parseFile(const QString& path, const ImportOptions& options,
                               const std::function<bool()>& cancelled)
{
    try {
        return parseFileUnguarded(path, options, cancelled);
    } catch (const std::bad_alloc&) {
        return fail(path.toStdString(), "", "not enough memory to import this file");
    }
}

std::vector<Dataset> makeDatasets(Project& project, ParsedFile parsed)
{
    std::vector<Dataset> out;
    for (auto& d : parsed.datasets) {
        if (parsed.source)
            out.emplace_back(project.allocateId(), d.technique, d.kind, d.name, std::move(d.columns),
                             d.metadata, parsed.provenance, *parsed.source);
        else
            out.emplace_back(project.allocateId(), d.technique, d.kind, d.name, std::move(d.columns),
                             d.metadata, parsed.provenance, parsed.bytes);
    }
    return out;
}

Expected<std::vector<Dataset>> importFile(Project& project, const QString& path, const ImportOptions& options,
                                          const std::function<bool()>& cancelled)
{
    auto parsed = parseFile(path, options, cancelled);
    if (!parsed) return std::unexpected(parsed.error());
    return makeDatasets(project, std::move(*parsed));
}

} // namespace vanadis
