#include "io/import/TaUniversalAnalysisImporter.h"

#include "io/import/TextDecoding.h"
#include "io/import/TgaImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>
#include <map>

namespace vanadis {

using namespace tgaimport;

namespace {

using Role = TgaRole;

struct Signal {
    Role role = Role::Extra;
    QString name, unit;
    double factor = 1.0, offset = 0.0;
    std::vector<double> values;
};

/// Universal Analysis writes marker rows: a negative whole number first, the segment number or the last
/// temperature second, zeros after.
bool isMarker(const std::vector<double>& v)
{
    if (v.size() < 2 || !(v[0] < 0) || v[0] != std::floor(v[0])) return false;
    for (std::size_t k = 2; k < v.size(); ++k)
        if (v[k] != 0.0) return false;
    return true;
}

} // namespace

QString TaUniversalAnalysisImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "TA Instruments Universal Analysis export (TGA)");
}

int TaUniversalAnalysisImporter::sniff(const QByteArray& head, const QString&) const
{
    const QString text = sniffText(head);
    if (text.isEmpty()) return 0;
    const bool signals_ =
        text.contains(QStringLiteral("\nNsig\t")) && text.contains(QStringLiteral("\nSig1\t"));
    const bool start = text.contains(QStringLiteral("\nStartOfData"));
    if (signals_ && start) return 95;
    if (signals_ && text.contains(QStringLiteral("\nInstrument\t"))) return 80;
    return 0;
}

Expected<std::vector<ImportedDataset>> TaUniversalAnalysisImporter::read(const QByteArray& bytes,
                                                                         const QString& fileName,
                                                                         const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    const QStringList lines = splitLines(*decoded);

    QJsonObject header;
    std::map<int, std::pair<QString, qsizetype>> sigs; // index → (text, line)
    QStringList xcomments, method;
    int nsig = -1;
    qsizetype startLine = -1;
    double sizeMg = 0;

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i];
        if (line.trimmed() == QStringLiteral("StartOfData")) {
            startLine = i;
            break;
        }
        const QStringList cells = line.split('\t');
        const QString key = cells.value(0).trimmed();
        const QString value = cells.mid(1).join('\t').trimmed();
        if (key.isEmpty()) continue;
        if (key == "Nsig") {
            bool ok = false;
            nsig = value.toInt(&ok);
            if (!ok || nsig < 2 || nsig > 64)
                return fail(file, lineAt(i), "the number of signals (Nsig) is not a number between 2 and 64");
        } else if (key.startsWith(QStringLiteral("Sig")) && key.size() > 3 && key.mid(3).toInt() > 0) {
            sigs[key.mid(3).toInt()] = {value, i};
        } else if (key == "Xcomment") {
            if (!value.isEmpty()) xcomments << value;
        } else if (key == "OrgMethod") {
            method << value;
        } else if (key == "Size") {
            double m = 0;
            const QString unit = cells.value(2).trimmed();
            if (parseNumber(cells.value(1), false, m) && m > 0)
                sizeMg = m * mgPer(unit.isEmpty() ? "mg" : unit).value_or(1.0);
        }
        if (!header.contains(key))
            header.insert(key, value);
        else {
            QJsonArray a =
                header.value(key).isArray() ? header.value(key).toArray() : QJsonArray{header.value(key)};
            a.append(value);
            header.insert(key, a);
        }
    }
    if (startLine < 0)
        return fail(file, "",
                    "no 'StartOfData' line: this is not a complete Universal Analysis export (truncated?)");
    if (nsig < 0) return fail(file, "", "the header has no 'Nsig' line (number of signals)");
    std::vector<Signal> channel(static_cast<std::size_t>(nsig));
    for (int k = 1; k <= nsig; ++k) {
        const auto it = sigs.find(k);
        if (it == sigs.end())
            return fail(file, "",
                        "the header announces " + std::to_string(nsig) + " signals but has no 'Sig" +
                            std::to_string(k) + "' line");
        auto [name, unit] = splitNameUnit(it->second.first, QChar());
        Signal& s = channel[std::size_t(k - 1)];
        s.name = name;
        s.unit = unit;
        const QString lower = name.toLower();
        if (lower == "time") {
            const auto f = minutesPer(unit);
            if (!f)
                return fail(file, lineAt(it->second.second),
                            "unknown time unit '" + unit.toStdString() + "'");
            s.role = Role::Time;
            s.factor = *f;
        } else if (lower == "temperature" || lower == "sample temperature") {
            const auto off = celsiusOffset(unit);
            if (!off)
                return fail(file, lineAt(it->second.second),
                            "unknown temperature unit '" + unit.toStdString() + "'");
            s.role = Role::Temperature;
            s.offset = *off;
        } else if (lower == "weight") {
            if (unit.trimmed() == "%") {
                s.role = Role::MassPct;
            } else if (const auto f = mgPer(unit)) {
                s.role = Role::MassMg;
                s.factor = *f;
            } else {
                return fail(file, lineAt(it->second.second),
                            "unknown weight unit '" + unit.toStdString() + "'");
            }
        }
    }
    // Two signals with the same role: the first is the one, the others stay as extra columns.
    for (std::size_t k = 0; k < channel.size(); ++k)
        for (std::size_t j = 0; j < k; ++j)
            if (channel[k].role != Role::Extra && channel[j].role == channel[k].role)
                channel[k].role = Role::Extra;

    std::vector<double> segment;
    double currentSegment = 0;
    bool markers = false, ended = false;
    qsizetype lastData = startLine;
    std::vector<double> row(static_cast<std::size_t>(nsig));
    for (qsizetype i = startLine + 1; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.trimmed().isEmpty()) continue;
        if (ended) return fail(file, lineAt(i), "data after the end-of-data marker: " + excerpt(line));
        const QStringList cells = line.split('\t');
        if (cells.size() != nsig)
            return fail(file, lineAt(i),
                        "expected " + std::to_string(nsig) + " tab-separated values (Nsig), found " +
                            std::to_string(cells.size()) + " (the file may be truncated or damaged)");
        for (int k = 0; k < nsig; ++k)
            if (!parseNumber(cells[k], false, row[std::size_t(k)]))
                return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                            textnum::notANumberReason(cells[k], false));
        if (isMarker(row)) {
            markers = true;
            if (row[0] == -3.0)
                currentSegment = row[1];
            else if (row[0] == -1.0)
                ended = true;
            continue;
        }
        for (int k = 0; k < nsig; ++k)
            channel[std::size_t(k)].values.push_back(row[std::size_t(k)] * channel[std::size_t(k)].factor +
                                                     channel[std::size_t(k)].offset);
        segment.push_back(currentSegment);
        lastData = i;
    }
    if (segment.empty())
        return fail(file, lineAt(startLine), "'StartOfData' is not followed by any data rows");
    if (markers && !ended)
        return fail(file, lineAt(lastData),
                    "the data stop without Universal Analysis's end-of-data marker: the file is truncated");

    TgaTable table;
    for (Signal& s : channel)
        assignTgaColumn(table, s.role, s.name, s.unit, std::move(s.values));
    if (table.temperatureC.empty())
        return fail(file, "", "no signal is the temperature ('Temperature (°C)')");
    if (markers) table.extra.push_back({QStringLiteral("Segment"), QString(), std::move(segment)});

    QJsonObject meta;
    meta.insert("export_format", QStringLiteral("TA Instruments Universal Analysis export"));
    const QString sample = header.value("Sample").toString();
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    if (sizeMg > 0) meta.insert("sample_mass_mg", sizeMg);
    QString instrument = header.value("Instrument").toString();
    if (!instrument.isEmpty()) {
        if (!instrument.startsWith(QStringLiteral("TA")))
            instrument = QStringLiteral("TA Instruments ") + instrument;
        meta.insert("instrument", instrument);
    }
    QStringList gases;
    for (const QString& x : xcomments) {
        if (x.startsWith(QStringLiteral("Pan:"), Qt::CaseInsensitive))
            meta.insert("crucible", x.mid(4).trimmed());
        else if (x.contains(QStringLiteral("Gas"), Qt::CaseInsensitive))
            gases << x;
    }
    if (!gases.isEmpty()) meta.insert("atmosphere", gases.join("; "));
    if (!method.isEmpty()) meta.insert("heating_programme", method.join("; "));
    const QString date = (header.value("Date").toString() + ' ' + header.value("Time").toString()).trimmed();
    if (!date.isEmpty()) meta.insert("date", date);
    if (markers) meta.insert("segments", int(currentSegment));
    meta.insert("header", header);

    const QString name =
        (sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample) + QStringLiteral(" – TGA");
    auto ds = makeTgaDataset(file, name, std::move(table), std::move(meta));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
