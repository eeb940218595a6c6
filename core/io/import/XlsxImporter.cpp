#include "io/import/XlsxImporter.h"

#include "io/ZipArchive.h"
#include "io/import/ArbinWorkbook.h"
#include "io/import/AvantageWorkbook.h"
#include "io/import/LandXlsxImporter.h"
#include "io/import/WorkbookReaders.h"
#include "io/import/XlsxWorkbook.h"

#include <QCoreApplication>
#include <functional>

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
    // The workbook layouts read here, one row each: the technique it belongs to, what the error names
    // when no layout matches, and its reader (nullopt = not this layout). First match wins.
    using Found = Expected<std::optional<std::vector<ImportedDataset>>>;
    const auto one = [](Expected<std::optional<ImportedDataset>> r) -> Found {
        if (!r) return std::unexpected(r.error());
        if (!*r) return std::nullopt;
        return std::vector<ImportedDataset>{std::move(**r)};
    };
    struct Layout {
        Technique technique;
        const char* described;
        std::function<Found(const workbook::Sheets&)> read;
    };
    const QString source = id();
    const Layout layouts[] = {
        {Technique::Bet, "no isotherm (a 3P Instruments 'Isotherm' sheet with p/p0 and V columns)",
         [&](const workbook::Sheets& s) { return one(workbook::readThreePReport(s, fileName, source)); }},
        {Technique::Tga, "no thermogravimetry table (Time, Temperature, Weight columns)",
         [&](const workbook::Sheets& s) { return one(workbook::readTgaTable(s, fileName, source)); }},
        {Technique::Xps,
         "no Thermo Avantage XPS region (a sheet with 'Elements=' and a 'Binding Energy (E)' column)",
         [&](const workbook::Sheets& s) { return workbook::readAvantageXps(s, fileName, source); }},
        {Technique::Echem, "no Arbin record (a 'Channel_<n>_<k>' sheet)",
         [&](const workbook::Sheets& s) { return one(workbook::readArbinChannels(s, fileName)); }},
    };
    QStringList notFound;
    for (const Layout& l : layouts) {
        if (options.technique && *options.technique != l.technique) continue;
        auto r = l.read(wb->sheets());
        if (!r) return std::unexpected(r.error());
        if (*r) return std::move(**r);
        notFound << QString::fromLatin1(l.described);
    }
    QStringList names;
    for (const auto& s : wb->sheets())
        names << "'" + s.name + "'";
    return fail(fileName.toStdString(), "",
                notFound.join(", ").toStdString() + " was found in this workbook (sheets " +
                    names.join(", ").left(300).toStdString() + "); save the sheet with the data as CSV");
}

} // namespace vanadis
