#pragma once
/// \file BrukerUxdImporter.h
/// Bruker/Siemens UXD text (DIFFRAC-AT/plus "XCH" conversion; xrd.md §10): `; comment` lines,
/// `_KEY=value` header lines (file: _SAMPLE, _DATEMEASURED, _WL1, _WL2, _WL3, _WLRATIO, _ANODE; per range:
/// _STEPTIME, _STEPSIZE, _START, _2THETA, _KV, _MA), and per range a data keyword: `_2THETACOUNTS` or
/// `_2THETACPS` (rows "2θ value"), or `_COUNTS` / `_CPS` (values only, several per line, 2θ from _START
/// and _STEPSIZE). Each range is one dataset.

#include "io/import/Importer.h"

namespace vanadis {

class BrukerUxdImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("bruker-uxd"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
