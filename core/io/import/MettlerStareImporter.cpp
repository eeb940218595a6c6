#include "io/import/MettlerStareImporter.h"

#include "io/import/TextDecoding.h"
#include "io/import/TgaImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vanadis {

using namespace tgaimport;

namespace {

/// One `Curve:` table with the key blocks written before it.
struct Curve {
    QMap<QString, QStringList> keys; ///< "FileName" → its indented lines
    QStringList names, units; ///< "Index","t","Ts","Tr","Value" / "s","°C","°C","mg" (aligned to names)
    std::vector<std::vector<double>> columns;
    qsizetype headerLine = 0;
    QString title() const { return keys.value("FileName").value(1).trimmed(); }
    QString valueUnit() const { return units.value(names.indexOf(QStringLiteral("Value"))); }
};

/// A `Key:` line at the start of a line (values follow on indented lines or after the colon).
bool isKeyLine(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z .]*:\\s*\\S?.*$"));
    return !line.isEmpty() && !line.front().isSpace() && re.match(line).hasMatch();
}

QStringList splitWhitespace(const QString& line)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return line.split(ws, Qt::SkipEmptyParts);
}

} // namespace

QString MettlerStareImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Mettler-Toledo STARe text export (TGA)");
}

int MettlerStareImporter::sniff(const QByteArray& head, const QString&) const
{
    const QString text = sniffText(head);
    if (text.isEmpty()) return 0;
    static const QRegularExpression curve(QStringLiteral("(^|\\n)Curve:\\s*\\r?\\n\\s*Index\\s"));
    const bool hasCurve = curve.match(text).hasMatch();
    const bool sample = text.contains(QStringLiteral("\nSampleID:"));
    if (hasCurve && sample) return 95;
    if (hasCurve || (sample && text.contains(QStringLiteral("\nFileName:")) &&
                     text.contains(QStringLiteral("\nMethod:"))))
        return 70;
    if (text.contains(QStringLiteral("STARe SW"))) return 60;
    return 0;
}

Expected<std::vector<ImportedDataset>>
MettlerStareImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    const QStringList lines = splitLines(*decoded);

    std::vector<Curve> curves;
    QMap<QString, QStringList> pending; // key blocks seen since the last table
    QMap<QString, QStringList> trailing;
    QString currentKey;
    QString footer;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        const QString t = line.trimmed();
        if (t.startsWith(QStringLiteral("STARe SW"))) footer = t;
        if (t.startsWith(QStringLiteral("____"))) { // the rule above the footer ends any key block
            currentKey.clear();
            continue;
        }
        if (t == QStringLiteral("Curve:")) {
            Curve c;
            c.keys = pending;
            pending.clear();
            currentKey.clear();
            if (i + 2 >= lines.size())
                return fail(file, lineAt(i), "'Curve:' is not followed by its two header lines (truncated?)");
            c.headerLine = i + 1;
            c.names = splitWhitespace(lines[i + 1]);
            QStringList units = splitWhitespace(lines[i + 2]);
            if (c.names.size() < 2 || units.isEmpty() || units.size() > c.names.size())
                return fail(file, lineAt(i + 1),
                            "the curve header is not 'Index t Ts Tr Value' followed by a unit row");
            for (QString& u : units) {
                if (!(u.startsWith('[') && u.endsWith(']')))
                    return fail(file, lineAt(i + 2),
                                "expected units in brackets such as [s], found " + excerpt(u));
                u = u.mid(1, u.size() - 2);
            }
            // The unit row has no entry for Index: units align with the last columns.
            c.units = QStringList(c.names.size() - units.size(), QString()) + units;
            c.columns.resize(std::size_t(c.names.size()));
            qsizetype j = i + 3;
            bool closed = false;
            for (; j < lines.size(); ++j) {
                const QString& row = lines[j];
                if (row.trimmed().isEmpty()) {
                    closed = true;
                    break;
                }
                const QStringList cells = splitWhitespace(row);
                if (cells.size() != c.names.size())
                    return fail(file, lineAt(j),
                                "expected " + std::to_string(c.names.size()) + " values (" +
                                    c.names.join(' ').toStdString() + "), found " +
                                    std::to_string(cells.size()) + " (the file may be truncated or damaged)");
                for (qsizetype k = 0; k < cells.size(); ++k) {
                    double v;
                    if (!parseNumber(cells[k], false, v))
                        return fail(file,
                                    lineAt(j) + ", column " + std::to_string(k + 1) + " (" +
                                        c.names[k].toStdString() + ")",
                                    textnum::notANumberReason(cells[k], false));
                    c.columns[std::size_t(k)].push_back(v);
                }
            }
            if (!closed)
                return fail(
                    file, lineAt(j - 1),
                    "the curve table ends with the file, without the blank line and closing blocks of a "
                    "STARe export: the file is truncated");
            if (c.columns.front().empty())
                return fail(file, lineAt(i), "'Curve:' is followed by no data rows");
            curves.push_back(std::move(c));
            i = j;
            continue;
        }
        if (isKeyLine(line)) {
            const qsizetype colon = line.indexOf(':');
            currentKey = line.left(colon).trimmed();
            const QString rest = line.mid(colon + 1).trimmed();
            pending[currentKey] = rest.isEmpty() ? QStringList() : QStringList{rest};
            if (!curves.empty()) trailing[currentKey] = pending[currentKey];
            continue;
        }
        if (!currentKey.isEmpty() && line.startsWith(' ') && !t.isEmpty()) {
            pending[currentKey] << t;
            if (!curves.empty()) trailing[currentKey] << t;
        }
    }
    if (curves.empty()) return fail(file, "", "no 'Curve:' table: this is not a STARe curve export");

    // The mass curve: Value in mg (or %).
    const Curve* mass = nullptr;
    for (const Curve& c : curves) {
        const QString u = c.valueUnit().trimmed();
        if (mgPer(u) || u == "%") {
            mass = &c;
            break;
        }
    }
    if (!mass)
        return fail(file, "", "none of the curves is a mass (Value in mg or %); a TGA export is needed");

    auto col = [&](const Curve& c, const char* name) -> const std::vector<double>* {
        const qsizetype k = c.names.indexOf(QString::fromLatin1(name));
        return k < 0 ? nullptr : &c.columns[std::size_t(k)];
    };
    TgaTable table;
    const qsizetype tIdx = mass->names.indexOf(QStringLiteral("t"));
    if (tIdx >= 0) {
        const auto f = minutesPer(mass->units[tIdx]);
        if (!f)
            return fail(file, lineAt(mass->headerLine + 1),
                        "unknown time unit '" + mass->units[tIdx].toStdString() + "'");
        for (double v : mass->columns[std::size_t(tIdx)])
            table.timeMin.push_back(v * *f);
    }
    const qsizetype tsIdx = mass->names.indexOf(QStringLiteral("Ts"));
    if (tsIdx < 0)
        return fail(file, lineAt(mass->headerLine), "the mass curve has no sample temperature column (Ts)");
    const auto off = celsiusOffset(mass->units[tsIdx]);
    if (!off)
        return fail(file, lineAt(mass->headerLine + 1),
                    "unknown temperature unit '" + mass->units[tsIdx].toStdString() + "'");
    for (double v : mass->columns[std::size_t(tsIdx)])
        table.temperatureC.push_back(v + *off);
    const qsizetype vIdx = mass->names.indexOf(QStringLiteral("Value"));
    if (vIdx < 0) return fail(file, lineAt(mass->headerLine), "the mass curve has no 'Value' column");
    if (mass->units[vIdx].trimmed() == "%") {
        table.massPct = mass->columns[std::size_t(vIdx)];
    } else {
        const double f = *mgPer(mass->units[vIdx]);
        for (double v : mass->columns[std::size_t(vIdx)])
            table.massMg.push_back(v * f);
    }
    if (const qsizetype trIdx = mass->names.indexOf(QStringLiteral("Tr")); trIdx >= 0) {
        std::vector<double> tr;
        const double o = celsiusOffset(mass->units[trIdx]).value_or(0.0);
        for (double v : mass->columns[std::size_t(trIdx)])
            tr.push_back(v + o);
        table.extra.push_back({QStringLiteral("Reference temperature"), QStringLiteral("°C"), std::move(tr)});
    }
    QJsonArray skipped;
    for (const Curve& c : curves) {
        if (&c == mass) continue;
        const auto* t = col(c, "t");
        const auto* tm = col(*mass, "t");
        const qsizetype k = c.names.indexOf(QStringLiteral("Value"));
        const QString title = c.title().isEmpty() ? QStringLiteral("Value") : c.title();
        if (k < 0 || !t || !tm || *t != *tm) {
            skipped.append(title + QStringLiteral(" (different time base)"));
            continue;
        }
        table.extra.push_back({title, c.units[k], c.columns[std::size_t(k)]});
    }

    QJsonObject meta;
    meta.insert("export_format", QStringLiteral("Mettler-Toledo STARe text export"));
    const QString sampleId = mass->keys.value("SampleID").value(0);
    QString sample = sampleId;
    static const QRegularExpression massRe(QStringLiteral(",\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(mg|g|µg)\\s*$"));
    if (const auto m = massRe.match(sampleId); m.hasMatch()) {
        sample = sampleId.left(m.capturedStart()).trimmed();
        meta.insert("sample_mass_mg", m.captured(1).toDouble() * mgPer(m.captured(2)).value_or(1.0));
    }
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    meta.insert("instrument",
                QStringLiteral("Mettler-Toledo") + (footer.isEmpty() ? QString() : " (" + footer + ")"));
    if (const QStringList method = mass->keys.value("Method"); !method.isEmpty())
        meta.insert("heating_programme", QStringLiteral("method ") + method.join("; "));
    if (const QStringList crucible = trailing.value("LastKeyWD"); !crucible.isEmpty())
        meta.insert("crucible", crucible.join("; "));
    if (!mass->title().isEmpty()) meta.insert("curve", mass->title());
    if (!skipped.isEmpty()) meta.insert("skipped_curves", skipped);
    QJsonObject header;
    for (auto it = mass->keys.begin(); it != mass->keys.end(); ++it)
        header.insert(it.key(), it.value().join("\n"));
    meta.insert("header", header);

    const QString name =
        (sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample) + QStringLiteral(" – TGA");
    auto ds = makeTgaDataset(file, name, std::move(table), std::move(meta));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
