#include "io/import/AvantageWorkbook.h"

#include "io/import/WorkbookReaders.h"
#include "io/import/XpsImportSupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

namespace vanadis::workbook {

namespace {

constexpr int kHeadRows = 20;

/// (row, col) of the "Elements=" cell, or (-1, -1).
std::pair<int, int> elementsCell(const XlsWorkbook::Sheet& s)
{
    for (const XlsCell& c : s.cells) {
        if (c.row >= kHeadRows) break;
        if (c.isText && c.text.trimmed().compare(QLatin1String("Elements="), Qt::CaseInsensitive) == 0)
            return {c.row, c.col};
    }
    return {-1, -1};
}

/// The header row: the first row below \a from whose column A names an energy axis.
int headerRow(const XlsWorkbook::Sheet& s, int from)
{
    for (int r = from + 1; r < std::min(s.rowCount, from + 40); ++r) {
        const QString t = s.text(r, 0);
        if (t.contains(QLatin1String("Energy"), Qt::CaseInsensitive)) return r;
    }
    return -1;
}

/// Region label from a sheet title: "O1s Scan" → "O 1s", "Survey Scan" → "Survey".
QString regionOf(const QString& title, double spanEv, int index)
{
    QString t = title.trimmed();
    static const QRegularExpression scan(QStringLiteral("\\s*scan$"),
                                         QRegularExpression::CaseInsensitiveOption);
    t.remove(scan);
    return xpsimport::regionName(t, QString(), t, spanEv, index);
}

} // namespace

bool isAvantageRegionSheet(const XlsWorkbook::Sheet& sheet)
{
    const auto [r, c] = elementsCell(sheet);
    return r >= 0 && sheet.cell(r, c + 1) && !sheet.cell(r, c + 1)->isText;
}

Expected<std::optional<std::vector<ImportedDataset>>>
readAvantageXps(const std::vector<XlsWorkbook::Sheet>& sheets, const QString& fileName,
                const QString& sourceFormat)
{
    const std::string file = fileName.toStdString();
    std::vector<ImportedDataset> out;
    QStringList skipped, labels;
    const QString baseName = QFileInfo(fileName).completeBaseName();
    for (const XlsWorkbook::Sheet& s : sheets) {
        if (!isAvantageRegionSheet(s)) {
            skipped << s.name;
            continue;
        }
        const auto [er, ec] = elementsCell(s);
        const XlsCell* countCell = s.cell(er, ec + 1);
        const double n = countCell->number;
        if (!std::isfinite(n) || n < 3 || n != std::floor(n) || n > 1e6)
            return fail(file, cellLocation(s, er, ec + 1).toStdString(),
                        "the point count (\"Elements=\") is " + s.text(er, ec + 1).toStdString() +
                            ", not a whole number of at least 3");
        const int h = headerRow(s, er);
        if (h < 0)
            return fail(
                file, cellLocation(s, er).toStdString(),
                "no column header row naming the energy axis (\"Binding Energy (E)\") below the point "
                "count");
        const int unitRow = h + 1, first = h + 2, count = int(n);
        // Columns: every column with a unit below the header (A energy, then the measured counts, then
        // the vendor's fit curves).
        struct Col {
            int index;
            QString name, unit;
        };
        std::vector<Col> cols;
        for (int c = 0; c < s.colCount; ++c) {
            const QString unit = s.text(unitRow, c).trimmed();
            if (unit.isEmpty()) continue;
            cols.push_back({c, s.text(h, c).trimmed(), unit});
        }
        if (cols.size() < 2 || cols.front().index != 0)
            return fail(file, cellLocation(s, unitRow).toStdString(),
                        "the unit row names no energy unit in column A and no intensity column");
        std::vector<std::vector<double>> values(cols.size());
        for (int r = first; r < first + count; ++r) {
            if (r >= s.rowCount)
                return fail(file, cellLocation(s, r).toStdString(),
                            "the sheet ends after " + std::to_string(r - first) + " of the " +
                                std::to_string(count) + " points its \"Elements=\" cell promises");
            for (std::size_t k = 0; k < cols.size(); ++k) {
                const XlsCell* cell = s.cell(r, cols[k].index);
                // Fit curves may stop before the end of the region; the energy and the counts may not.
                if (!cell && k >= 2) {
                    values[k].push_back(0.0);
                    continue;
                }
                if (!cell || cell->isText || !std::isfinite(cell->number))
                    return fail(
                        file, cellLocation(s, r, cols[k].index).toStdString(),
                        (cell ? "'" + s.text(r, cols[k].index).toStdString() + "'"
                              : std::string("no value")) +
                            " where a number of column '" +
                            (cols[k].name.isEmpty() ? QStringLiteral("Counts") : cols[k].name).toStdString() +
                            "' is expected");
                values[k].push_back(cell->number);
            }
        }
        std::vector<double> x = std::move(values[0]);
        const bool kinetic = cols[0].name.contains(QLatin1String("Kinetic"), Qt::CaseInsensitive);
        QJsonObject md;
        md.insert("instrument", QStringLiteral("Thermo Scientific (Avantage Excel export)"));
        md.insert("sheet", s.name);
        md.insert("points", count);
        if (kinetic) {
            // The export gives no excitation energy in the region sheet: refuse rather than guess Al Kα.
            return fail(file, cellLocation(s, h, 0).toStdString(),
                        "the energies are kinetic and the sheet gives no excitation energy; export the "
                        "binding energy scale from Avantage");
        }
        md.insert("energy_axis", "binding energy as stored");
        double lo = x.front(), hi = x.front();
        for (double e : x)
            lo = std::min(lo, e), hi = std::max(hi, e);
        QString region = regionOf(s.name, hi - lo, int(out.size() + 1));
        const QString plain = region;
        for (int k = 2; labels.contains(region); ++k)
            region = plain + QStringLiteral(" (%1)").arg(k);
        labels << region;
        std::vector<Column> extra;
        for (std::size_t k = 2; k < cols.size(); ++k)
            extra.push_back({cols[k].name.isEmpty() ? QStringLiteral("Curve %1").arg(k) : cols[k].name,
                             xpsimport::intensityUnit({cols[k].unit.remove(' ')}), std::move(values[k])});
        QString unit = cols[1].unit;
        ImportedDataset d = xpsimport::makeRegion(
            region, baseName + QStringLiteral(" – ") + region, std::move(x), std::move(values[1]),
            xpsimport::intensityUnit({unit.remove(' ')}), std::move(extra), md);
        d.metadata.insert("source_format", sourceFormat);
        out.push_back(std::move(d));
    }
    if (out.empty()) return std::optional<std::vector<ImportedDataset>>();
    for (auto& d : out)
        if (!skipped.isEmpty()) d.metadata.insert("sheets_not_regions", QJsonArray::fromStringList(skipped));
    return std::optional<std::vector<ImportedDataset>>(std::move(out));
}

} // namespace vanadis::workbook
