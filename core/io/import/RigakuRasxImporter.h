#pragma once
/// \file RigakuRasxImporter.h
/// Rigaku .rasx (SmartLab Studio II; xrd.md §10): a zip with `Data<n>/Profile<n>.txt` (UTF-8 with BOM,
/// tab-separated "2θ intensity attenuation-factor" rows, CRLF) and `Data<n>/MesurementConditions<n>.xml`
/// [sic] (ScanInformation: AxisName, Start, Stop, Step, Speed, SpeedUnit, IntensityUnit, StartTime,
/// DataCount; HWConfigurations/XrayGenerator: TargetName, WavelengthKalpha1/Kalpha2/Kbeta, Voltage,
/// Current; GeneralInformation: SampleName, SystemName). The intensity is I × factor; each Data<n>
/// folder is one dataset. A profile without its conditions, or with another row count than DataCount,
/// is an error naming the zip entry.

#include "io/import/Importer.h"

namespace vanadis {

class RigakuRasxImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("rigaku-rasx"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// The format closes its data (end tags, end markers, declared point counts), so a cut file is refused.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
