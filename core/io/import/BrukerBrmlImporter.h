#pragma once
/// \file BrukerBrmlImporter.h
/// Bruker DIFFRAC.SUITE .brml (xrd.md §10): a zip of XML. Every entry ending in `RawData<n>.xml`
/// (possibly under a folder named after the measurement) is one scan: its DataRoute (the "Measured" one
/// when several) holds ScanInformation (ScanName, MeasurementPoints, TimePerStep, ScanAxes with Start and
/// Increment per axis), one `<Datum>` of comma-separated numbers per point and DataViews saying which
/// columns hold what: the time per step, the AbsorptionFactor, the scan axes in FieldDefinitions order
/// (TwoTheta, Theta for coupled scans) and the recorded counts. Columns are mapped through those views,
/// never by position. 2θ is Start + i·Increment when every Datum agrees with it to its printed digits
/// (the Datum rounds to 4 decimals), else the Datum values. Counts are multiplied by the absorption factor.
/// Wavelengths from FixedInformation/Instrument (WaveLengthAlpha1/Alpha2/Beta/Ratio, Value attributes),
/// TubeMaterial, sample from DataContainer.xml MeasurementInfo@SampleName.

#include "io/import/Importer.h"

namespace vanadis {

class BrukerBrmlImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("bruker-brml"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// The format closes its data (end tags, end markers, declared point counts), so a cut file is refused.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
