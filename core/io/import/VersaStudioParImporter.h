#pragma once
/// \file VersaStudioParImporter.h
/// Princeton Applied Research VersaStudio `.par` (text, UTF-8), layout as written by VersaStudio 2.5x:
/// sections `<Name>` … `</Name>` of `key=value` lines (`<Application>` first, `<Instrument>`,
/// `<Experiment>`, `<Action0>` common settings, `<Action1…n>` one per technique step with `Name=` and
/// `Segments=`), and per measured step a `<Segment1…n>` block: `Type=`, `Version=`, then
/// `Definition=` with the comma-separated column names, then comma-separated rows up to `</SegmentN>`.
/// Later sections (graphs, an embedded XML docking layout) are skipped.
///
/// Impedance segments (columns `Frequency(Hz)`, `Z Real`, `Z Imag`; Z Imag is the imaginary part as
/// measured, negative for capacitive behaviour) become one "eis" dataset each in the EisImportSupport.h
/// shape; segments of other techniques are named in a warning and not read (a file with none is an
/// error). A segment the file ends inside loses its last row, with a warning: it may be cut mid-number.

#include "io/import/Importer.h"

namespace vanadis {

class VersaStudioParImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("versastudio-par"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
