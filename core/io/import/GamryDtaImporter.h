#pragma once
/// \file GamryDtaImporter.h
/// Gamry Framework .DTA text (echem.md §7): `EXPLAIN`, `TAG<TAB>CV|EISPOT|EISGALV|CHRONOA|…`, header keys
/// `KEY<TAB>TYPE<TAB>value…` (also after the tables), `NOTES` blocks, and tables `NAME<TAB>TABLE[<TAB>rows]`
/// followed by a TAB-led column-name line, a unit line and TAB-led rows. Columns are mapped by name
/// (their sets vary by version); rows are split on any whitespace (some files mix spaces in); a decimal
/// comma is recognised; the `°` of the unit line may be Latin-1, UTF-8 or mojibake (units are not read
/// from it). What it produces:
///  - CV: ONE dataset, type "cv", with "Time" (s), "Potential" (V, Vf), "Current" (mA, Im) and "Cycle"
///    (n of CURVEn) — one dataset per file keeps the cycles of one measurement together and the CV
///    analyses pick a cycle by that column; metadata scan_rate_mv_s from SCANRATE.
///  - EISPOT/EISGALV: type "eis" from ZCURVE in the EisImportSupport.h shape (Zimag is already negative
///    for capacitive behaviour), plus "Zsig" when present; the OCV curve is not imported (EOC goes to
///    metadata open_circuit_v).
///  - CHRONOA/CHRONOP/CHRONOC/CORPOT and other single-curve techniques: "Time", "Potential", "Current"
///    from CURVE, labelled "chrono".
/// `EXPERIMENTABORTED TOGGLE T` imports the points measured before the abort with a warning saying so;
/// a table with fewer rows than its TABLE count gets a warning; a row with missing cells, an empty data
/// table or a file without a known table are errors (nothing is half-imported).

#include "io/import/Importer.h"

namespace vanadis {

class GamryDtaImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("gamry-dta"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
