#pragma once
/// \file MicromeriticsXlsImporter.h
/// Micromeritics report workbooks (.xls, BIFF8) exported by TriStar, ASAP, 3Flex and MicroActive.
///
/// Layouts seen in real exports: one sheet with the reports side by side in column blocks separated by
/// "|" cells (Summary | Isotherm Tabular Report | BET Report | t-Plot …), or newer exports with one
/// sheet per report. The isotherm is the "Isotherm Tabular Report" block: "Relative Pressure (P/Po)"
/// or "(p/p°)", "Absolute Pressure (mmHg|kPa|mbar)", "Quantity Adsorbed (cm³/g STP|mmol/g)",
/// "Saturation Pressure (…)"; adsorption then desorption without a marker, split at the highest
/// pressure. The first row often holds only the initial saturation pressure and is skipped.
///
/// The header ("Sample:", "Operator:", "Started:", "Analysis Adsorptive:", "Analysis Bath Temp.:",
/// "Sample Mass:", "Comments: …") and the vendor's BET report ("BET Surface Area: 194.7493 ± 0.5313
/// m²/g", "C:", "Qm:", the table of points used) are text whose numbers follow the instrument PC's
/// locale ("1.589,6174", "1,142.0517", "0,0908 g"); the decimal separator is decided per workbook.
/// The vendor report goes to metadata "vendor_bet" {area_m2_g, area_err, p_min, p_max, c_constant, …}.

#include "io/import/Importer.h"

namespace vanadis {

class MicromeriticsXlsImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("micromeritics-xls"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
