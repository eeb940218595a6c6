#pragma once
/// \file ImporterRegistry.h
/// The explicit table of file formats and the one function that turns files into datasets.

#include "io/import/Importer.h"

#include <functional>
#include <memory>

namespace vanadis {

class Project;

class ImporterRegistry {
public:
    static const ImporterRegistry& instance();
    const std::vector<std::unique_ptr<Importer>>& importers() const { return m_importers; }
    const Importer* byId(const QString& id) const;
    /// The importer that recognises the content best, or nullptr.
    const Importer* detect(const QByteArray& head, const QString& fileName) const;

private:
    ImporterRegistry();
    std::vector<std::unique_ptr<Importer>> m_importers;
};

/// A completely parsed file, not yet part of any project.
struct ParsedFile {
    std::vector<ImportedDataset> datasets;
    Provenance provenance;
    QByteArray bytes; ///< the original file, embedded in the project on save
};

/// Reads and parses a file completely. Touches no project, so it may run on a worker thread;
/// \a cancelled is polled between stages and a cancelled import returns an error.
Expected<ParsedFile> parseFile(const QString& path, const ImportOptions& options = {},
                               const std::function<bool()>& cancelled = {});

/// Turns a parsed file into datasets with ids from \a project (GUI thread).
std::vector<Dataset> makeDatasets(Project& project, ParsedFile parsed);

/// parseFile + makeDatasets. Nothing is added to the project: push an ImportDatasetsCommand. The datasets get ids from
/// \a project, provenance (file name, SHA-256, importer) and the original bytes for embedding.
/// \a cancelled is polled between stages; a cancelled import returns an error and changes nothing.
Expected<std::vector<Dataset>> importFile(Project& project, const QString& path, const ImportOptions& options = {},
                                          const std::function<bool()>& cancelled = {});

/// Largest file accepted for import (bytes); larger files are refused with a clear message.
constexpr qint64 kMaxImportBytes = 2'000'000'000;

} // namespace vanadis
