#include "io/import/NetzschAsciiImporter.h"

#include "io/import/TextDecoding.h"
#include "io/import/TgaImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vanadis {

using namespace tgaimport;

namespace {

/// What a column of the export becomes.
using Role = TgaRole;

struct ColumnPlan {
    Role role = Role::Extra;
    double factor = 1.0, offset = 0.0;
    QString name, unit;
    std::vector<double> values;
};

/// Header numbers ("8.91", "8,91"): either decimal mark, whatever #DECIMAL says.
double headerNumber(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("[-+]?\\d+(?:[.,]\\d+)?"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return 0.0;
    QString s = m.captured(0);
    s.replace(',', '.');
    return s.toDouble();
}

} // namespace

QString NetzschAsciiImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "NETZSCH Proteus ASCII export (TG, STA)");
}

int NetzschAsciiImporter::sniff(const QByteArray& head, const QString&) const
{
    const QString text = sniffText(head);
    if (text.isEmpty()) return 0;
    const bool format = text.contains(QStringLiteral("#FORMAT:NETZSCH"));
    const bool export_ = text.contains(QStringLiteral("#EXPORTTYPE:"));
    const bool columns = text.contains(QStringLiteral("\n##")) || text.contains(QStringLiteral("\r##"));
    if (format && columns) return 95;
    if ((format || export_) && text.startsWith('#')) return 80;
    return 0;
}

Expected<std::vector<ImportedDataset>>
NetzschAsciiImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    // Some Proteus exports write the degree sign as byte 0x9B, which Windows-1252 reads as "›" (Latin-1 as
    // the control U+009B): before a C it can only be a degree sign, so headers and metadata read "°C".
    decoded->replace(QStringLiteral("\u203AC"), QStringLiteral("°C"))
        .replace(QStringLiteral("\u009BC"), QStringLiteral("°C"));
    const QStringList lines = splitLines(*decoded);

    QJsonObject header;
    QStringList segments, gases;
    bool decimalComma = false;
    QChar separator = ';';
    bool separatorGiven = false;
    std::vector<ColumnPlan> plan;
    qsizetype headerLine = -1;
    qsizetype rows = 0;
    qsizetype blankAfterData = -1;

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& raw = lines[i];
        const QString line = raw.trimmed();
        if (headerLine < 0) {
            if (line.isEmpty()) continue;
            if (line.startsWith(QStringLiteral("##"))) {
                headerLine = i;
                const QString body = line.mid(2);
                if (!separatorGiven) {
                    for (QChar c : {QChar(';'), QChar('\t'), QChar(',')})
                        if (body.contains(c)) {
                            separator = c;
                            break;
                        }
                }
                const QStringList names = body.split(separator);
                for (const QString& cell : names) {
                    auto [name, unit] = splitNameUnit(cell);
                    ColumnPlan c;
                    c.name = name;
                    c.unit = unit;
                    const QString lower = name.toLower();
                    if (lower.startsWith(QStringLiteral("temp"))) {
                        const auto off = celsiusOffset(unit);
                        if (!off)
                            return fail(file, lineAt(i),
                                        "unknown temperature unit '" + unit.toStdString() + "'");
                        c.role = Role::Temperature;
                        c.offset = *off;
                    } else if (lower.startsWith(QStringLiteral("time"))) {
                        const auto f = minutesPer(unit);
                        if (!f)
                            return fail(file, lineAt(i), "unknown time unit '" + unit.toStdString() + "'");
                        c.role = Role::Time;
                        c.factor = *f;
                    } else if (lower == QStringLiteral("mass") || lower == QStringLiteral("tg")) {
                        if (unit.trimmed() == "%") {
                            c.role = Role::MassPct;
                        } else if (const auto f = mgPer(unit)) {
                            c.role = Role::MassMg;
                            c.factor = *f;
                        } else {
                            return fail(file, lineAt(i), "unknown mass unit '" + unit.toStdString() + "'");
                        }
                    }
                    plan.push_back(std::move(c));
                }
                continue;
            }
            if (line.startsWith('#')) {
                const QString body = line.mid(1);
                const qsizetype colon = body.indexOf(':');
                const QString key = (colon < 0 ? body : body.left(colon)).trimmed();
                const QString value = colon < 0 ? QString() : body.mid(colon + 1).trimmed();
                header.insert(key, value);
                const QString ukey = key.toUpper();
                if (ukey == "DECIMAL") {
                    if (value.toUpper() == "COMMA")
                        decimalComma = true;
                    else if (value.toUpper() != "POINT")
                        return fail(file, lineAt(i),
                                    "unknown #DECIMAL '" + value.toStdString() + "' (POINT or COMMA)");
                } else if (ukey == "SEPARATOR") {
                    const QString v = value.toUpper();
                    separatorGiven = true;
                    if (v == "SEMICOLON")
                        separator = ';';
                    else if (v == "COMMA")
                        separator = ',';
                    else if (v == "TAB")
                        separator = '\t';
                    else
                        return fail(file, lineAt(i),
                                    "unknown #SEPARATOR '" + value.toStdString() +
                                        "' (SEMICOLON, COMMA or TAB)");
                } else if (ukey.startsWith(QStringLiteral("SEG."))) {
                    segments << key + ": " + value;
                } else if (ukey.contains(QStringLiteral("PURGE")) ||
                           ukey.contains(QStringLiteral("PROTECTIVE")) ||
                           ukey.contains(QStringLiteral("ATMOSPHERE")) ||
                           ukey.contains(QStringLiteral("GAS"))) {
                    if (!value.isEmpty()) gases << key + ": " + value;
                }
                continue;
            }
            return fail(file, lineAt(i),
                        "expected a #KEY:value header line or the ## column header, found " + excerpt(raw));
        }

        // Data rows.
        if (line.isEmpty()) {
            if (blankAfterData < 0) blankAfterData = i;
            continue;
        }
        if (blankAfterData >= 0)
            return fail(file, lineAt(i),
                        "text after the end of the data (" + excerpt(raw) +
                            "); a NETZSCH export holds one table");
        if (line.startsWith('#'))
            return fail(file, lineAt(i), "a header line inside the data: " + excerpt(raw));
        const QStringList cells = raw.split(separator);
        if (cells.size() != qsizetype(plan.size()))
            return fail(file, lineAt(i),
                        "expected " + std::to_string(plan.size()) + " values separated by '" +
                            (separator == '\t' ? std::string("tab") : QString(separator).toStdString()) +
                            "', found " + std::to_string(cells.size()) +
                            " (the file may be truncated or damaged)");
        for (std::size_t k = 0; k < plan.size(); ++k) {
            double v;
            if (!parseNumber(cells[qsizetype(k)], decimalComma, v))
                return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                            textnum::notANumberReason(cells[qsizetype(k)], decimalComma) +
                                (decimalComma ? " (#DECIMAL:COMMA)" : " (#DECIMAL:POINT)"));
            plan[k].values.push_back(v * plan[k].factor + plan[k].offset);
        }
        ++rows;
    }
    if (headerLine < 0)
        return fail(file, "",
                    "no '##' column header line: this is not a complete NETZSCH export (truncated?)");
    if (rows == 0)
        return fail(file, lineAt(headerLine), "the column header is not followed by any data rows");

    TgaTable table;
    for (ColumnPlan& c : plan)
        assignTgaColumn(table, c.role, c.name, c.unit, std::move(c.values));
    if (table.temperatureC.empty())
        return fail(file, lineAt(headerLine), "the column header names no temperature column (Temp./°C)");

    QJsonObject meta;
    meta.insert("export_format",
                QStringLiteral("NETZSCH Proteus ASCII") +
                    (header.contains("FORMAT") ? " (" + header.value("FORMAT").toString() + ")" : QString()));
    const QString sample = header.value("SAMPLE").toString().isEmpty() ? header.value("IDENTITY").toString()
                                                                       : header.value("SAMPLE").toString();
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    for (auto it = header.begin(); it != header.end(); ++it)
        if (it.key().toUpper().startsWith(QStringLiteral("SAMPLE MASS"))) {
            const double m = headerNumber(it.value().toString());
            const QString unit = it.key().section('/', 1).trimmed();
            const double f = mgPer(unit.isEmpty() ? QStringLiteral("mg") : unit).value_or(1.0);
            if (m > 0) meta.insert("sample_mass_mg", m * f);
        }
    if (header.contains("INSTRUMENT")) meta.insert("instrument", header.value("INSTRUMENT"));
    if (header.contains("TYPE OF CRUCIBLE")) meta.insert("crucible", header.value("TYPE OF CRUCIBLE"));
    if (!gases.isEmpty()) meta.insert("atmosphere", gases.join("; "));
    QString programme = header.value("RANGE").toString();
    if (!segments.isEmpty()) programme = segments.join("; ");
    if (!programme.isEmpty()) meta.insert("heating_programme", programme);
    {
        static const QRegularExpression rate(QStringLiteral("([0-9]+(?:[.,][0-9]+)?)\\s*\\(K/min\\)"));
        QSet<QString> rates;
        for (auto it = rate.globalMatch(programme); it.hasNext();)
            rates.insert(it.next().captured(1));
        if (rates.size() == 1) meta.insert("heating_rate_k_min", headerNumber(*rates.begin()));
    }
    if (header.contains("DATE/TIME")) meta.insert("date", header.value("DATE/TIME"));
    if (header.contains("MTYPE")) meta.insert("measurement_type", header.value("MTYPE"));
    meta.insert("header", header);

    const QString name =
        (sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample) + QStringLiteral(" – TGA");
    auto ds = makeTgaDataset(file, name, std::move(table), std::move(meta));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
