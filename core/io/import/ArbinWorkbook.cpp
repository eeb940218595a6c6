#include "io/import/ArbinWorkbook.h"

#include "io/import/ArbinCsvImporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

namespace vanadis::workbook {

using namespace echemimport;

Expected<std::optional<ImportedDataset>> readArbinChannels(const Sheets& sheets, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    static const QRegularExpression re(QStringLiteral("^Channel_(\\d+)_(\\d+)$"));
    std::vector<const XlsWorkbook::Sheet*> parts;
    QStringList otherChannels;
    QString channel;
    for (const XlsWorkbook::Sheet& s : sheets) {
        const auto m = re.match(s.name);
        if (!m.hasMatch()) continue;
        if (channel.isEmpty()) channel = m.captured(1);
        if (m.captured(1) == channel)
            parts.push_back(&s);
        else
            otherChannels << s.name;
    }
    if (parts.empty()) return std::optional<ImportedDataset>();

    const XlsWorkbook::Sheet& first = *parts.front();
    QStringList names;
    for (int c = 0; c < first.colCount; ++c)
        names << first.text(0, c).trimmed();
    QStringList skipped;
    const std::vector<ColumnTarget> targets = mapColumns(names, arbinColumnAliases(), skipped);
    auto has = [&](const char* n) {
        for (const ColumnTarget& t : targets)
            if (t.name == QLatin1String(n)) return true;
        return false;
    };
    for (const char* need : {"Time", "Voltage", "Current"})
        if (!has(need))
            return fail(file, cellLocation(first, 0).toStdString(),
                        std::string("no ") + need + " column in the header row (" +
                            names.join(QStringLiteral(", ")).left(300).toStdString() + ")");

    std::vector<Column> columns;
    for (const ColumnTarget& t : targets)
        columns.push_back({t.name, t.unit, {}});
    for (const XlsWorkbook::Sheet* s : parts) {
        for (int c = 0; c < first.colCount; ++c)
            if (s->text(0, c).trimmed() != names[c])
                return fail(file, cellLocation(*s, 0, c).toStdString(),
                            "this sheet's header differs from that of '" + first.name.toStdString() + "' ('" +
                                s->text(0, c).toStdString() + "' instead of '" + names[c].toStdString() +
                                "')");
        for (int r = 1; r < s->rowCount; ++r) {
            bool any = false;
            for (const ColumnTarget& t : targets)
                any = any || s->cell(r, t.source);
            if (!any) continue; // a blank row
            for (size_t k = 0; k < targets.size(); ++k) {
                const ColumnTarget& t = targets[k];
                const XlsCell* cell = s->cell(r, t.source);
                const bool required = t.name == QLatin1String("Time") || t.name == QLatin1String("Voltage") ||
                                      t.name == QLatin1String("Current");
                double v = std::numeric_limits<double>::quiet_NaN();
                if (cell && !cell->isText) {
                    v = cell->number * t.factor;
                } else if (cell && cell->isText && !cell->text.trimmed().isEmpty()) {
                    return fail(file, cellLocation(*s, r, t.source).toStdString(),
                                "'" + cell->text.left(40).toStdString() + "' in column '" +
                                    t.sourceName.toStdString() + "' is not a number");
                }
                if (required && !std::isfinite(v))
                    return fail(file, cellLocation(*s, r, t.source).toStdString(),
                                "no number in column '" + t.sourceName.toStdString() + "'");
                columns[k].values.push_back(v);
            }
        }
    }
    if (columns.front().values.empty())
        return fail(file, cellLocation(first, 1).toStdString(), "the channel sheet holds no data rows");

    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    d.columns = std::move(columns);
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Arbin"));
    d.metadata.insert(QStringLiteral("channel"), channel.toInt());
    if (!skipped.isEmpty())
        d.metadata.insert(QStringLiteral("skipped_columns"), QJsonArray::fromStringList(skipped));
    if (!otherChannels.isEmpty())
        addImportWarning(d,
                         QCoreApplication::translate("vanadis", "Only channel %1 was read; the sheets %2 of "
                                                                "other channels were left out.")
                             .arg(channel, otherChannels.join(QStringLiteral(", "))));
    return std::optional<ImportedDataset>(std::move(d));
}

} // namespace vanadis::workbook
