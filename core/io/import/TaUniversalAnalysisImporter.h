#pragma once
/// \file TaUniversalAnalysisImporter.h
/// TA Instruments Universal Analysis "Export data" text (Q500/Q50/Q5000 TGA): UTF-16LE with BOM (UTF-8 and
/// Latin-1 variants are read too), a tab-separated key/value header (`Sample`, `Size<TAB>20.8210<TAB>mg`,
/// `Instrument`, `Xcomment<TAB>Pan: Platinum`, `Nsig`, `Sig1<TAB>Time (min)` … `SigN`, `OrgMethod`), then a
/// `StartOfData` line and tab-separated rows whose columns are the signals in SigN order (tga.md §4).
/// Rows with a negative integer first value and zeros after the second are Universal Analysis markers, not
/// data: −3 opens a segment (second value = segment number), −1 ends the data. A file that opened with a
/// marker but lacks the end marker is truncated. The TRIOS text variant is not covered: no sample file
/// has been seen.

#include "io/import/Importer.h"

namespace vanadis {

class TaUniversalAnalysisImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("ta-universal-analysis"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
