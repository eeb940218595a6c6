#include "io/import/PerkinElmerPyrisImporter.h"

#include "io/import/TextDecoding.h"
#include "io/import/TgaImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vanadis {

using namespace tgaimport;

namespace {

/// "3) TGA Isothermal": the start of a method step's data (method-step text lines have no "TGA").
const QRegularExpression& segmentRe()
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\)\\s+TGA\\b\\s*(.*)$"));
    return re;
}

bool isDataLine(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\t\\s*[-+]?[0-9.]"));
    return re.match(line).hasMatch();
}

} // namespace

QString PerkinElmerPyrisImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "PerkinElmer Pyris text export (TGA)");
}

int PerkinElmerPyrisImporter::sniff(const QByteArray& head, const QString&) const
{
    const QString text = sniffText(head);
    if (text.isEmpty()) return 0;
    const bool weight = text.contains(QStringLiteral("\nSample Weight:"));
    const bool pyris = text.contains(QStringLiteral("Pyris")) || text.contains(QStringLiteral(".tg8"));
    const bool table = text.contains(QStringLiteral("Unsubtracted")) || segmentRe().match(text).hasMatch() ||
                       text.contains(QRegularExpression(QStringLiteral("\\n\\s*\\d+\\)\\s+TGA\\s")));
    if (text.startsWith(QStringLiteral("Filename:")) && weight && (pyris || table)) return 95;
    if (weight && table) return 80;
    return 0;
}

Expected<std::vector<ImportedDataset>>
PerkinElmerPyrisImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    const QStringList lines = splitLines(*decoded);

    QJsonObject header;
    QStringList methodSteps, gases, segmentNames;
    qsizetype i = 0;
    bool inMethod = false;
    // Header and method steps, up to the first step's data.
    for (; i < lines.size(); ++i) {
        const QString& line = lines[i];
        const QString t = line.trimmed();
        if (segmentRe().match(line).hasMatch()) break;
        if (t.startsWith(QStringLiteral("Method Steps"))) {
            inMethod = true;
            continue;
        }
        if (inMethod) {
            if (t.isEmpty()) continue;
            methodSteps << QString(t).replace('\t', ' ').simplified();
            static const QRegularExpression gas(QStringLiteral("Switch the Gas to (.+?)\\s*$"));
            if (const auto m = gas.match(t); m.hasMatch()) gases << m.captured(1).simplified();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QString key = line.left(colon).trimmed();
            const QString value = line.mid(colon + 1).trimmed();
            if (!header.contains(key)) header.insert(key, value);
        }
    }
    if (i >= lines.size())
        return fail(file, "",
                    "no data section ('1) TGA …' followed by the table): the Pyris export is incomplete");

    // Column names: two header rows, each cell continued in the next row.
    QStringList names;
    std::vector<std::vector<double>> cols;
    std::vector<double> segment;
    qsizetype lastData = -1;
    qsizetype headerLine = -1;
    int currentSegment = 0;
    bool ended = false;
    for (; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (const auto m = segmentRe().match(line); m.hasMatch()) {
            if (ended) break; // a later "n) TGA" in the trailer would be text, not data
            currentSegment = m.captured(1).toInt();
            segmentNames << line.trimmed();
            continue;
        }
        if (isDataLine(line)) {
            if (ended) return fail(file, lineAt(i), "data rows after the end of the table: " + excerpt(line));
            if (names.isEmpty()) return fail(file, lineAt(i), "data rows before the column header");
            const QStringList cells = line.mid(1).split('\t');
            QStringList values;
            for (const QString& c : cells)
                if (!c.trimmed().isEmpty()) values << c;
            if (values.size() != names.size())
                return fail(file, lineAt(i),
                            "expected " + std::to_string(names.size()) + " tab-separated values, found " +
                                std::to_string(values.size()) + " (the file may be truncated or damaged)");
            for (qsizetype k = 0; k < values.size(); ++k) {
                double v;
                if (!parseNumber(values[k], false, v))
                    return fail(file,
                                lineAt(i) + ", column " + std::to_string(k + 1) + " (" +
                                    names[k].toStdString() + ")",
                                textnum::notANumberReason(values[k], false));
                cols[std::size_t(k)].push_back(v);
            }
            segment.push_back(currentSegment);
            lastData = i;
            continue;
        }
        if (names.isEmpty() && line.startsWith('\t') && line.contains(QStringLiteral("Time"))) {
            if (i + 1 >= lines.size())
                return fail(file, lineAt(i), "the column header is cut off (truncated?)");
            headerLine = i;
            const QStringList a = line.mid(1).split('\t'), b = lines[i + 1].mid(1).split('\t');
            for (qsizetype k = 0; k < a.size(); ++k) {
                const QString n = (a[k].trimmed() + ' ' + b.value(k).trimmed()).trimmed();
                if (!n.isEmpty()) names << n;
            }
            cols.resize(std::size_t(names.size()));
            ++i;
            continue;
        }
        if (line.trimmed().isEmpty()) {
            if (lastData >= 0) ended = true;
            continue;
        }
        if (lastData >= 0) {
            ended = true; // calibration and profile blocks follow the table
            continue;
        }
        return fail(file, lineAt(i), "expected the column header or data rows, found " + excerpt(line));
    }
    if (names.isEmpty()) return fail(file, "", "no column header (Time, Unsubtracted Weight, …) was found");
    if (segment.empty())
        return fail(file, lineAt(headerLine), "the column header is not followed by any data rows");

    // Trailer: "Key<TAB>value" lines such as "Firmware Version<TAB>TGA 8000 V2.06 …".
    for (qsizetype j = lastData + 1; j < lines.size(); ++j) {
        const QStringList kv = lines[j].split('\t');
        if (kv.size() == 2 && !kv[0].trimmed().isEmpty() && !kv[0].startsWith(' '))
            if (!header.contains(kv[0].trimmed())) header.insert(kv[0].trimmed(), kv[1].trimmed());
    }
    bool okCount = false;
    const qsizetype announced = header.value("Total Points in Run").toString().toLongLong(&okCount);
    if (okCount && announced != qsizetype(segment.size()))
        return fail(file, lineAt(lastData),
                    "the header announces " + std::to_string(announced) + " points but the table holds " +
                        std::to_string(segment.size()) + ": the file is truncated or damaged");

    auto findCi = [&](const QString& name) -> qsizetype {
        for (qsizetype k = 0; k < names.size(); ++k)
            if (names[k].compare(name, Qt::CaseInsensitive) == 0) return k;
        return -1;
    };
    TgaTable table;
    std::vector<char> used(std::size_t(names.size()), 0);
    const qsizetype tIdx = findCi("Time");
    if (tIdx >= 0) {
        table.timeMin = cols[std::size_t(tIdx)];
        used[std::size_t(tIdx)] = 1;
    }
    qsizetype tempIdx = findCi("Sample Temperature");
    if (tempIdx < 0) tempIdx = findCi("Temperature");
    if (tempIdx < 0) tempIdx = findCi("Program Temperature");
    if (tempIdx < 0) return fail(file, lineAt(headerLine), "no temperature column (Sample Temperature)");
    table.temperatureC = cols[std::size_t(tempIdx)];
    used[std::size_t(tempIdx)] = 1;
    const qsizetype raw = findCi("Unsubtracted Weight"), base = findCi("Baseline Weight"),
                    plain = findCi("Weight");
    const qsizetype pct = findCi("Weight %") >= 0 ? findCi("Weight %") : findCi("Weight Percent");
    if (raw >= 0) {
        table.massMg = cols[std::size_t(raw)];
        if (base >= 0)
            for (std::size_t k = 0; k < table.massMg.size(); ++k)
                table.massMg[k] -= cols[std::size_t(base)][k];
    } else if (plain >= 0) {
        table.massMg = cols[std::size_t(plain)];
        used[std::size_t(plain)] = 1;
    }
    if (pct >= 0) {
        table.massPct = cols[std::size_t(pct)];
        used[std::size_t(pct)] = 1;
    }
    if (table.massMg.empty() && table.massPct.empty())
        return fail(file, lineAt(headerLine), "no weight column (Unsubtracted Weight or Weight)");
    for (qsizetype k = 0; k < names.size(); ++k) {
        if (used[std::size_t(k)]) continue;
        QString unit;
        const QString lower = names[k].toLower();
        if (lower.contains("weight"))
            unit = QStringLiteral("mg");
        else if (lower.contains("temperature"))
            unit = QStringLiteral("°C");
        else if (lower.contains("flow"))
            unit = QStringLiteral("mL/min");
        table.extra.push_back({names[k], unit, cols[std::size_t(k)]});
    }
    table.extra.push_back({QStringLiteral("Segment"), QString(), std::move(segment)});

    QJsonObject meta;
    meta.insert("export_format", QStringLiteral("PerkinElmer Pyris text export"));
    meta.insert("units_source", QStringLiteral("not stated in the table: Pyris writes min, mg, °C and mL/min "
                                               "(header 'Sample Weight' in mg, method temperatures in °C)"));
    const QString sample = header.value("Sample ID").toString();
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    {
        static const QRegularExpression re(QStringLiteral("([0-9]+(?:\\.[0-9]+)?)\\s*(mg|g|µg)"));
        if (const auto m = re.match(header.value("Sample Weight").toString()); m.hasMatch())
            meta.insert("sample_mass_mg", m.captured(1).toDouble() * mgPer(m.captured(2)).value_or(1.0));
    }
    QString instrument = QStringLiteral("PerkinElmer");
    if (const QString fw = header.value("Firmware Version").toString(); !fw.isEmpty())
        instrument += ' ' + fw.section(' ', 0, 1);
    if (const QString sn = header.value("Serial Number").toString(); !sn.isEmpty())
        instrument += " (S/N " + sn + ")";
    meta.insert("instrument", instrument);
    if (!gases.isEmpty()) meta.insert("atmosphere", gases.join("; then "));
    if (!methodSteps.isEmpty()) meta.insert("heating_programme", methodSteps.join("; "));
    if (const QString d = header.value("Data Collected").toString(); !d.isEmpty()) meta.insert("date", d);
    meta.insert("segments", QJsonArray::fromStringList(segmentNames));
    meta.insert("header", header);

    const QString name =
        (sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample) + QStringLiteral(" – TGA");
    auto ds = makeTgaDataset(file, name, std::move(table), std::move(meta));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
