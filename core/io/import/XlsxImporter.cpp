#include "io/import/XlsxImporter.h"

#include "io/ZipArchive.h"
#include "io/import/ArbinWorkbook.h"
#include "io/import/AvantageWorkbook.h"
#include "io/import/LandXlsxImporter.h"
#include "io/import/WorkbookReaders.h"
#include "io/import/XlsxWorkbook.h"

#include <QCoreApplication>

namespace vanadis {

QString XlsxImporter::displayName() const
{
    return QCoreApplication::translate(
        "vanadis", "Excel workbook (.xlsx: 3P Instruments report, TA Instruments TGA, Thermo Avantage XPS, "
                   "LANDdt export, Arbin MITS Pro export)");
}

int XlsxImporter::sniff(const QByteArray& head, const QString&) const
{
    return XlsxWorkbook::looksLikeXlsx(head) ? 92 : 0;
}

Expected<std::vector<ImportedDataset>> XlsxImporter::read(const QByteArray& bytes, const QString& fileName,
                                                          const ImportOptions& options) const
{
    // A LANDdt export whose workbook part lay beyond the sniffed head: recognised by its sheet names.
    if (!options.technique || *options.technique == Technique::Echem)
        if (auto zip = ZipArchive::open(bytes, fileName))
            if (auto parts = XlsxWorkbook::sheetParts(*zip, fileName)) {
                QStringList names;
                for (const auto& p : *parts)
                    names << p.name;
                if (LandXlsxImporter::looksLikeLandSheets(names))
                    return LandXlsxImporter().read(bytes, fileName, options);
            }
    auto wb = XlsxWorkbook::read(bytes, fileName);
    if (!wb) return std::unexpected(wb.error());
    if (!options.technique || *options.technique == Technique::Xps) {
        auto xps = workbook::readAvantageXps(wb->sheets(), fileName, id());
        if (!xps) return std::unexpected(xps.error());
        if (*xps) return std::move(**xps);
    }
    if (!options.technique || *options.technique == Technique::Bet) {
        auto iso = workbook::readThreePReport(wb->sheets(), fileName, id());
        if (!iso) return std::unexpected(iso.error());
        if (*iso) return std::vector<ImportedDataset>{std::move(**iso)};
    }
    if (!options.technique || *options.technique == Technique::Tga) {
        auto tga = workbook::readTgaTable(wb->sheets(), fileName, id());
        if (!tga) return std::unexpected(tga.error());
        if (*tga) return std::vector<ImportedDataset>{std::move(**tga)};
    }
    if (!options.technique || *options.technique == Technique::Echem) {
        auto arbin = workbook::readArbinChannels(wb->sheets(), fileName);
        if (!arbin) return std::unexpected(arbin.error());
        if (*arbin) return std::vector<ImportedDataset>{std::move(**arbin)};
    }
    QStringList names;
    for (const auto& s : wb->sheets())
        names << "'" + s.name + "'";
    return fail(
        fileName.toStdString(), "",
        "no isotherm (a 3P Instruments 'Isotherm' sheet with p/p0 and V columns), no thermogravimetry "
        "table (Time, Temperature, Weight columns) and no Thermo Avantage XPS region (a sheet with "
        "'Elements=' and a 'Binding Energy (E)' column) and no Arbin record (a 'Channel_<n>_<k>' sheet) was "
        "found in this workbook (sheets " +
            names.join(", ").left(300).toStdString() + "); save the sheet with the data as CSV");
}

} // namespace vanadis
