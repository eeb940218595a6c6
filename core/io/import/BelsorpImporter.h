#pragma once
/// \file BelsorpImporter.h
/// MicrotracBEL BELSORP exports:
///
/// - `.DAT` text: sections between `====` banners ("Measurement condition", "Sample information",
///   "Adsorption data", "Desorption data"), quoted keys (`"Sample weight/g:"<TAB>0.03870`) whose unit
///   follows the '/', and tab tables `"No." "Pe/kPa" "P0/kPa" "Vd/ml" "V/ml(STP) g-1"`. A row of zeros
///   ends a table. Japanese-language exports (BELSORP-max, Shift-JIS, keys like "試料重量／g：") are
///   read the same way: keys are compared after Unicode compatibility folding (full-width → ASCII).
///   Comment1 is the sample name and Comment2 the operator, as BEL software fills them.
/// - BELMaster / BELSORP `.csv`: `key,value,[unit]` lines, a header `No,…,p0/kPa,p/p0,Va/cm^3(STP) g^-1`
///   and the rows after `ADS` and `DES` marker lines; the stated point counts are checked, so a
///   truncated export is refused. The file's own p/p0 column is used when present.
/// - BEL `.xls` workbooks (BIFF8): the "AdsDes" sheet has the csv layout (key/value pairs side by side,
///   dates as Excel day numbers); the "BET" sheet's result (as,BET, C, Vm, start/end point) goes to
///   metadata "vendor_bet".

#include "io/import/Importer.h"

namespace vanadis {

class BelsorpImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("belsorp"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
