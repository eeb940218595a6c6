#pragma once
/// \file XlsxImporter.h
/// Excel .xlsx workbooks (XlsxWorkbook) holding an instrument layout of WorkbookReaders.h or
/// AvantageWorkbook.h: the Thermo Avantage XPS export (one region per sheet), the 3P Instruments isotherm
/// report (BET) or a thermogravimetry table (TA Instruments Excel export). The zip head does not show which
/// (the sheets are compressed), so the layout is recognised by content after unpacking, in that order. A
/// workbook with none is refused with the sheets it has and what to do.

#include "io/import/Importer.h"

namespace vanadis {

class XlsxImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("xlsx-workbook"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// 92 for a zip whose first entries are SpreadsheetML parts (above the "recognised, not read" table).
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override { return qint64(1) << 30; } // LANDdt records are large
    bool detectsTruncation() const override { return true; }         // a cut zip loses its central directory
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
