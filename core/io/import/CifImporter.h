#pragma once
/// \file CifImporter.h
/// A crystal structure from a CIF (CIF 1.1 core dictionary; read with gemmi through
/// numeric/xrd/CifReader.h) as a reference phase for the XRD analysis: one dataset of type
/// "crystal_structure" whose metadata keep the CIF text (`cif_text`, so the run is self-contained), the
/// block name, formula, space group and cell; its columns list the asymmetric-unit sites (fractional x,
/// y, z and occupancy). A file that parses but is not a crystal structure (no cell, no atom sites, no
/// space group, e.g. an mmCIF of a protein or a pdCIF pattern) is refused with the reader's reason.

#include "io/import/Importer.h"

namespace vanadis {

class CifImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("cif-structure"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    /// CIFs of small structures are kilobytes; 16 MiB leaves room for large commented files.
    qint64 maxFileBytes() const override { return qint64(16) << 20; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
