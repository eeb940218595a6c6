#pragma once
/// \file InstrumentFunctionImporter.h
/// An XRD instrument function (the JSON file of analysis/xrd/InstrumentFunctionFile.h, written from a
/// fitted line-profile standard) as one dataset of type "instrument_function", so that a project keeps
/// it with the samples measured on that instrument. Its metadata hold the checked values (u_deg2 …,
/// wavelength_angstrom, standard, source_file, date) and the file's JSON text (`instrument_json`, so a
/// run is self-contained); its columns the instrument's Gaussian, Lorentzian and total FWHM over 2θ for
/// display. A JSON file that is not an instrument function, lacks a key or states W ≤ 0 is refused with
/// the key or byte offset.

#include "io/import/Importer.h"

namespace vanadis {

class InstrumentFunctionImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("xrd-instrument-function"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override { return qint64(1) << 20; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
