#pragma once
/// \file XrdmlImporter.h
/// PANalytical XRDML (xrd.md §10), read with QXmlStreamReader: <usedWavelength> (kAlpha1, kAlpha2, kBeta,
/// ratioKAlpha2KAlpha1 in Å), the tube's <anodeMaterial>, then per <scan> its <positions axis="2Theta">
/// (startPosition/endPosition, equidistant over the points, or listPositions), <commonCountingTime> or
/// <countingTimes> (s), and <intensities> (schema 1.x: counts already multiplied by the beam attenuation
/// factor) or <counts> (schema 2.x: raw detector counts, multiplied here by <beamAttenuationFactors> or
/// <commonBeamAttenuationFactor> when present). Several <xrdMeasurement>/<scan> elements give several
/// datasets; a scan that does not move 2θ (an ω rocking curve) is left out with a warning. Errors name
/// the line: malformed or cut XML, a list with another number of values than the points, no 2θ axis.
/// Written from the XRDML 1.5 and 2.1 schema descriptions and checked on three real files; xylib 1.6
/// fails on <counts> and exports no wavelength.

#include "io/import/Importer.h"

namespace vanadis {

class XrdmlImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("xrdml"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// The format closes its data (end tags, end markers, declared point counts), so a cut file is refused.
    bool detectsTruncation() const override { return true; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
