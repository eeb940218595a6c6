#pragma once
/// \file LandXlsImporter.h
/// LANDdt exports saved as Excel 97–2003 workbooks (.xls, BIFF8; older LANDdt versions, which split more
/// than 65 536 records over several Record sheets): the cells of XlsWorkbook read by the same layout
/// reader as the .xlsx export (LandLayout.h; the layout is described in LandXlsxImporter.h).

#include "io/import/Importer.h"

namespace vanadis {

class LandXlsImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("land-xls"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// 94 for a compound file whose first bytes hold LANDdt sheet or column names (8-bit or UTF-16).
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override { return qint64(512) << 20; }
    bool detectsTruncation() const override { return true; } // the workbook stream ends with its EOF record
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
