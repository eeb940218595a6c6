#include "io/import/TaExcelImporter.h"

#include "io/import/WorkbookReaders.h"
#include "io/import/XlsWorkbook.h"

#include <QCoreApplication>

namespace vanadis {

namespace {

/// \a text stored in a BIFF string table: 8-bit ("compressed") or UTF-16LE.
bool holds(const QByteArray& head, const char* text)
{
    if (head.contains(text)) return true;
    QByteArray wide;
    for (const char* p = text; *p; ++p)
        wide.append(*p).append('\0');
    return head.contains(wide);
}

} // namespace

QString TaExcelImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "TA Instruments TGA Excel export (.xls)");
}

int TaExcelImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!XlsWorkbook::looksLikeCompoundFile(head)) return 0;
    if (holds(head, "Quantity Adsorbed") || holds(head, "Micromeritics") || holds(head, "AdsDes")) return 0;
    return holds(head, "Temperature") && (holds(head, "Weight") || holds(head, "Mass")) ? 87 : 0;
}

Expected<std::vector<ImportedDataset>> TaExcelImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    auto wb = XlsWorkbook::read(bytes, fileName);
    if (!wb) return std::unexpected(wb.error());
    auto tga = workbook::readTgaTable(wb->sheets(), fileName, id());
    if (!tga) return std::unexpected(tga.error());
    if (*tga) return std::vector<ImportedDataset>{std::move(**tga)};
    return fail(
        fileName.toStdString(), "",
        "no thermogravimetry table (a row naming Time, Temperature and Weight columns with their units, "
        "then rows of numbers) was found in this workbook; save the sheet with the data as CSV");
}

} // namespace vanadis
