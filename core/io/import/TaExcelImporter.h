#pragma once
/// \file TaExcelImporter.h
/// TA Instruments thermogravimetry exported to Excel 97–2003 (.xls; TRIOS "Export to Excel", Universal
/// Analysis spreadsheet export): the TGA table of WorkbookReaders.h read from XlsWorkbook. Claims a
/// compound file whose strings name Temperature and Weight but no isotherm (so that the Micromeritics and
/// BEL workbook readers keep theirs). Written from TA's documented column names; no real file is in the
/// test data.

#include "io/import/Importer.h"

namespace vanadis {

class TaExcelImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("ta-excel"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
