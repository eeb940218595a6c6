#include "io/import/ImporterRegistry.h"

#include "io/import/AifImporter.h"
#include "io/import/BelsorpImporter.h"
#include "io/import/DelimitedTextImporter.h"
#include "io/import/MettlerStareImporter.h"
#include "io/import/NetzschAsciiImporter.h"
#include "io/import/PerkinElmerPyrisImporter.h"
#include "io/import/TaTriosImporter.h"
#include "io/import/TaUniversalAnalysisImporter.h"
#include "io/import/MicromeriticsCsvImporter.h"
#include "io/import/MicromeriticsReportImporter.h"
#include "io/import/MicromeriticsXlsImporter.h"
#include "io/import/QuantachromeImporter.h"
#include "model/Project.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

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

Expected<ParsedFile> parseFile(const QString& path, const ImportOptions& options, const std::function<bool()>& cancelled)
{
    const std::string name = path.toStdString();
    QFile f(path);
    if (!f.exists()) return fail(name, "", "the file does not exist");
    if (QFileInfo(path).isDir()) return fail(name, "", "this is a folder, not a file");
    if (f.size() > kMaxImportBytes) return fail(name, "", "the file is larger than 2 GB");
    if (!f.open(QIODevice::ReadOnly)) return fail(name, "", "the file cannot be read (" + f.errorString().toStdString() + ")");
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) return fail(name, "", "reading failed (" + f.errorString().toStdString() + ")");
    if (bytes.isEmpty()) return fail(name, "", "the file is empty");
    if (cancelled && cancelled()) return fail(name, "", "import cancelled");

    const QString fileName = QFileInfo(path).fileName();
    const auto& reg = ImporterRegistry::instance();
    const Importer* importer = options.format.isEmpty() ? reg.detect(bytes.left(64 * 1024), fileName) : reg.byId(options.format);
    if (!importer)
        return fail(name, "", options.format.isEmpty() ? "the file format is not recognised"
                                                       : "unknown format '" + options.format.toStdString() + "'");
    auto parsed = importer->read(bytes, path, options);
    if (!parsed) return std::unexpected(parsed.error());
    if (cancelled && cancelled()) return fail(name, "", "import cancelled");

    for (const auto& d : *parsed) {
        const size_t n = d.columns.empty() ? 0 : d.columns.front().values.size();
        for (const auto& c : d.columns)
            if (c.values.size() != n) return fail(name, "", "columns of different lengths (importer error)");
    }
    ParsedFile out;
    Provenance& p = out.provenance;
    p.originalFileName = fileName;
    p.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    p.fileSize = bytes.size();
    p.importerId = importer->id();
    p.importerVersion = importer->version();
    p.importedAtUtc = QDateTime::currentDateTimeUtc();
    out.datasets = std::move(*parsed);
    out.bytes = bytes;
    return out;
}

std::vector<Dataset> makeDatasets(Project& project, ParsedFile parsed)
{
    std::vector<Dataset> out;
    for (auto& d : parsed.datasets)
        out.emplace_back(project.allocateId(), d.technique, d.kind, d.name, std::move(d.columns), d.metadata,
                         parsed.provenance, parsed.bytes);
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
