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
    /// The original file, embedded in the project on save: its bytes (files up to
    /// ImportOptions::originalInMemoryLimit), or else a reference to it on disk.
    QByteArray bytes;
    std::optional<SourceFile> source;
    /// Every warning of the import, once each (dataset warnings first, then those about the file as a
    /// whole, e.g. a last line that looks cut short); the same texts are in each dataset's
    /// metadata["warnings"]. The GUI and CLI show them beside "imported N points".
    QStringList warnings;
};

/// Reads and parses a file completely. Touches no project, so it may run on a worker thread;
/// \a cancelled is polled between stages and a cancelled import returns an error.
/// Only regular files are read: a FIFO, a device (/dev/zero, /dev/urandom) or a socket is refused before
/// anything is read (a FIFO is opened without blocking). The size is checked against kMaxImportBytes
/// before reading and against the detected reader's maxFileBytes() after reading the head; running out
/// of memory is an error, not an exception.
Expected<ParsedFile> parseFile(const QString& path, const ImportOptions& options = {},
                               const std::function<bool()>& cancelled = {});

/// Turns a parsed file into datasets with ids from \a project (GUI thread).
std::vector<Dataset> makeDatasets(Project& project, ParsedFile parsed);

/// parseFile + makeDatasets. Nothing is added to the project: push an ImportDatasetsCommand. The datasets get
/// ids from \a project, provenance (file name, SHA-256, importer) and the original bytes for embedding. \a
/// cancelled is polled between stages; a cancelled import returns an error and changes nothing.
Expected<std::vector<Dataset>> importFile(Project& project, const QString& path,
                                          const ImportOptions& options = {},
                                          const std::function<bool()>& cancelled = {});

/// Largest file accepted for import (bytes) by any reader; larger files are refused with a clear message.
constexpr qint64 kMaxImportBytes = 2'000'000'000;

/// The warning for a text file that does not end with a line break, or empty. Such a file may have been
/// cut mid-line (a copy or download interrupted): its last value may be cut ("12" from "123.4") or a
/// section dropped ("Deso" of "Desorption") though the rest parses, and no length or cell-count rule tells
/// that apart from a complete file reliably. Called by parseFile() for every text file unless the reader
/// detectsTruncation(). Instrument software ends its exports with a line break; of 96 real files in the
/// test data, 15 (BETSI/cheminfo CSVs saved by hand) do not and get this warning.
QString cutLastLineWarning(const QByteArray& bytes);

} // namespace vanadis
