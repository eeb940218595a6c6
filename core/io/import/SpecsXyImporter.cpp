#include "io/import/SpecsXyImporter.h"

#include "io/MessageText.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XpsImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>

namespace vanadis {

namespace {

/// One table of rows under a "# ColumnLabels:" line.
struct Table {
    qsizetype firstLine = 0;
    std::vector<std::vector<double>> columns;
};

struct Region {
    QString name;
    qsizetype line = 0;
    QMap<QString, QString> keys;
    std::vector<Table> tables;
    bool kineticComment = false;
};

/// "# Key:   value" → (Key, value); the key is everything before the first colon.
bool keyValue(const QString& line, QString& key, QString& value)
{
    QString s = line.mid(1).trimmed();
    const qsizetype colon = s.indexOf(':');
    if (colon <= 0) return false;
    key = s.left(colon).trimmed();
    value = s.mid(colon + 1).trimmed();
    return true;
}

double toNumber(const QString& s)
{
    double v = 0.0;
    return textnum::classify(s.trimmed().section(' ', 0, 0), false, v) == textnum::CellKind::Number
               ? v
               : std::nan("");
}

} // namespace

QString SpecsXyImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "SPECS SpecsLab / Prodigy XY export (XPS)");
}

int SpecsXyImporter::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = head.left(4096);
    if (!h.startsWith("# Created by:")) return 0;
    if (h.contains("SpecsLab") && (h.contains("XY-Serializer") || h.contains("# Region:"))) return 95;
    return 0;
}

Expected<std::vector<ImportedDataset>> SpecsXyImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    static const QRegularExpression eol(QStringLiteral("\r\n|\n|\r"));
    const QStringList lines = decoded->split(eol);
    static const QRegularExpression ws(QStringLiteral("\\s+"));

    QMap<QString, QString> global;
    std::vector<Region> regions;
    bool kineticNext = false;
    Table* table = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty()) {
            table = nullptr;
            continue;
        }
        if (line.startsWith('#')) {
            table = nullptr;
            if (line.contains(QLatin1String("values in kinetic energy"))) kineticNext = true;
            QString key, value;
            if (!keyValue(line, key, value)) continue;
            if (key == QLatin1String("Region")) {
                Region r;
                r.name = value;
                r.line = i;
                r.kineticComment = kineticNext;
                kineticNext = false;
                regions.push_back(r);
                continue;
            }
            if (regions.empty()) {
                global.insert(key, value);
                continue;
            }
            Region& r = regions.back();
            if (key == QLatin1String("ColumnLabels")) continue; // the rows that follow start a table
            if (!r.keys.contains(key)) r.keys.insert(key, value);
            continue;
        }
        if (regions.empty())
            return fail(file, "line " + std::to_string(i + 1), "numbers before the first '# Region:'");
        Region& r = regions.back();
        if (!table) { // data without a ColumnLabels line (older exports)
            r.tables.push_back(Table{i, {}});
            table = &r.tables.back();
        }
        const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
        if (!table->columns.empty() && qsizetype(table->columns.size()) != cells.size())
            return fail(file, "region '" + messageText(r.name) + "', line " + std::to_string(i + 1),
                        "this row has " + std::to_string(cells.size()) + " values, the rows above " +
                            std::to_string(table->columns.size()));
        if (table->columns.empty()) {
            if (cells.size() < 2)
                return fail(file, "region '" + messageText(r.name) + "', line " + std::to_string(i + 1),
                            "a data row needs an energy and an intensity");
            table->columns.resize(std::size_t(cells.size()));
        }
        for (qsizetype k = 0; k < cells.size(); ++k) {
            double v = 0.0;
            if (textnum::classify(cells[k], false, v) != textnum::CellKind::Number)
                return fail(file, "region '" + messageText(r.name) + "', line " + std::to_string(i + 1),
                            textnum::notANumberReason(cells[k], false));
            table->columns[std::size_t(k)].push_back(v);
        }
    }
    if (regions.empty()) return fail(file, "", "no '# Region:' in this SPECS XY file");

    const QString kineticSetting = global.value("Kinetic Energy Axis").toLower();
    const QString energyAxis = global.value("Energy Axis").toLower();
    const QString rateSetting =
        global.value("Counts Per Second").toLower() + ' ' + global.value("Count Rate").toLower();
    const bool cps =
        rateSetting.contains(QLatin1String("yes")) || rateSetting.contains(QLatin1String("per second"));

    const QString baseName = QFileInfo(fileName).completeBaseName();
    std::vector<ImportedDataset> out;
    QStringList labels;
    for (std::size_t ri = 0; ri < regions.size(); ++ri) {
        const Region& r = regions[ri];
        const std::string where =
            "region '" + messageText(r.name) + "' (line " + std::to_string(r.line + 1) + ")";
        if (r.tables.empty())
            return fail(file, where, "the region has no data rows (the file may be cut short)");
        const double expected = toNumber(r.keys.value("Values/Curve"));
        for (const Table& t : r.tables) {
            const std::size_t n = t.columns.empty() ? 0 : t.columns[0].size();
            if (n == 0)
                return fail(file, where + ", line " + std::to_string(t.firstLine + 1), "a table has no rows");
            if (std::isfinite(expected) && double(n) != expected)
                return fail(file, where + ", line " + std::to_string(t.firstLine + 1),
                            "the table has " + std::to_string(n) + " rows but Values/Curve says " +
                                std::to_string(int(expected)) + " (the file may be cut short)");
        }
        // Combine tables on the same grid (separate scans or curves).
        const Table& first = r.tables.front();
        std::vector<double> x = first.columns[0], y(x.size(), 0.0);
        int combined = 0;
        for (const Table& t : r.tables) {
            if (t.columns[0] != x)
                return fail(file, where + ", line " + std::to_string(t.firstLine + 1),
                            "the scans of this region do not share one energy grid");
            for (std::size_t i = 0; i < y.size(); ++i)
                y[i] += t.columns[1][i];
            ++combined;
        }
        if (cps && combined > 1)
            for (double& v : y)
                v /= combined;
        const double hv = toNumber(r.keys.value("Excitation Energy"));
        const bool cfs = r.keys.value("Scan Mode").contains(QLatin1String("ConstantFinalState"));
        const bool kinetic = !cfs && (kineticSetting == QLatin1String("yes") ||
                                      energyAxis.contains(QLatin1String("kinetic")) ||
                                      (r.kineticComment && !energyAxis.contains(QLatin1String("binding"))));
        QJsonObject md;
        md.insert("file_format", "SPECS XY");
        md.insert("created_by", global.value("Created by"));
        md.insert("block_id", r.name);
        md.insert("sample_id", r.keys.value("Group", global.value("Group")));
        md.insert("block_index", int(ri + 1));
        if (std::isfinite(hv)) md.insert("excitation_energy_ev", hv);
        md.insert("source", r.keys.value("Source"));
        if (const double pe = toNumber(r.keys.value("Pass Energy")); std::isfinite(pe))
            md.insert("pass_energy_ev", pe);
        if (const double dw = toNumber(r.keys.value("Dwell Time")); std::isfinite(dw))
            md.insert("dwell_s", dw);
        if (const double sc = toNumber(r.keys.value("Number of Scans")); std::isfinite(sc))
            md.insert("scans", sc);
        if (combined > 1) md.insert("tables_combined", combined);
        if (const double wf = toNumber(r.keys.value("Eff. Workfunction")); std::isfinite(wf))
            md.insert("work_function_ev", wf);
        md.insert("analyser_mode", r.keys.value("Scan Mode"));
        md.insert("analyser", r.keys.value("Analyzer"));
        md.insert("acquired", r.keys.value("Acquisition Date"));
        md.insert("comments", r.keys.value("Comment"));
        QString xName = QStringLiteral("Binding Energy");
        if (kinetic) {
            if (!std::isfinite(hv))
                return fail(file, where,
                            "the energies are kinetic but the region gives no excitation energy");
            for (double& e : x)
                e = std::round((hv - e) * 1e9) / 1e9 + 0.0;
            md.insert("energy_axis",
                      "binding energy = excitation energy − kinetic energy (work function ignored)");
        } else if (cfs) {
            xName = QStringLiteral("Photon Energy");
            md.insert("energy_axis", "photon energy (constant final state scan)");
        } else {
            md.insert("energy_axis", "binding energy as stored");
        }
        double lo = x.front(), hi = x.front();
        for (double e : x)
            lo = std::min(lo, e), hi = std::max(hi, e);
        QString region = cfs ? r.name + QStringLiteral(" (constant final state)")
                             : xpsimport::regionName(r.name, QString(), r.name, hi - lo, int(ri + 1));
        const QString plain = region;
        for (int k = 2; labels.contains(region); ++k)
            region = plain + QStringLiteral(" (%1)").arg(k);
        labels << region;
        ImportedDataset d = xpsimport::makeRegion(
            region, baseName + QStringLiteral(" – ") + region, std::move(x), std::move(y),
            cps ? QStringLiteral("counts/s") : QStringLiteral("counts"), {}, md);
        d.columns[0].name = xName;
        if (cfs)
            addImportWarning(
                d, QStringLiteral("region '%1' scans the photon energy (constant final state); it is "
                                  "not a binding-energy spectrum")
                       .arg(r.name));
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace vanadis
