#include "io/import/GamryDtaImporter.h"

#include "io/import/EisImportSupport.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vanadis {

namespace {

/// One table of the file.
struct Table {
    QString name;
    int headerLine = 0;                         ///< 1-based line of NAME<TAB>TABLE
    int declaredRows = -1;                      ///< the count after TABLE, or −1
    QStringList columns;                        ///< names from the column line
    std::vector<std::vector<QStringView>> rows; ///< cells per row (views into the decoded lines)
    std::vector<int> rowLines;                  ///< 1-based line of each row
};

bool isDataLine(const QString& l)
{
    return !l.isEmpty() && (l[0] == '\t' || l[0] == ' ');
}

/// Cells of a row split on any run of TABs and spaces (some files mix spaces in). Views, no copies:
/// a 10-cycle CV has 10⁵ cells.
std::vector<QStringView> splitCells(QStringView line)
{
    std::vector<QStringView> out;
    qsizetype k = 0;
    const qsizetype n = line.size();
    while (k < n) {
        while (k < n && (line[k] == '\t' || line[k] == ' '))
            ++k;
        const qsizetype b = k;
        while (k < n && line[k] != '\t' && line[k] != ' ')
            ++k;
        if (k > b) out.push_back(line.mid(b, k - b));
    }
    return out;
}

/// True for "12,5"-style cells: digits, a comma, a digit.
bool commaNumber(QStringView c)
{
    qsizetype k = (!c.isEmpty() && (c[0] == '-' || c[0] == '+')) ? 1 : 0;
    const qsizetype d = k;
    while (k < c.size() && c[k].isDigit())
        ++k;
    return k > d && k + 1 < c.size() && c[k] == ',' && c[k + 1].isDigit();
}

/// Index of the first column named one of \a names, or −1.
int columnIndex(const Table& t, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        for (int c = 0; c < t.columns.size(); ++c)
            if (t.columns[c].compare(QLatin1String(n), Qt::CaseInsensitive) == 0) return c;
    return -1;
}

} // namespace

QString GamryDtaImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Gamry Framework data file (.DTA)");
}

int GamryDtaImporter::sniff(const QByteArray& head, const QString&) const
{
    QByteArray h = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    if (!h.startsWith("EXPLAIN")) return 0;
    return h.left(512).contains("\nTAG\t") ? 95 : 60;
}

Expected<std::vector<ImportedDataset>>
GamryDtaImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    // Lines: CRLF, LF or CR (split on the one character the file uses; a QRegularExpression split
    // costs more than the whole parse of a large CV).
    QStringList lines = text->contains('\n') ? text->split('\n') : text->split('\r');
    for (QString& l : lines)
        if (l.endsWith('\r')) l.chop(1);
    if (lines.isEmpty() || !lines[0].trimmed().endsWith(QLatin1String("EXPLAIN")))
        return fail(file, "line 1", "not a Gamry .DTA file (it does not start with EXPLAIN)");

    QString tag;
    QJsonObject meta;
    std::vector<Table> tables;
    bool aborted = false;
    QStringList notes;
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    for (int i = 1; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.trimmed().isEmpty() || isDataLine(line)) continue; // stray TAB-led lines outside tables
        const QStringList f = line.split('\t');
        const QString key = f[0].trimmed();
        const QString type = f.value(1).trimmed();
        if (key == QLatin1String("TAG")) {
            tag = type;
            continue;
        }
        if (type == QLatin1String("NOTES")) {
            const int n = f.value(2).trimmed().toInt();
            for (int k = 0; k < n && i + 1 < lines.size(); ++k)
                notes << lines[++i].trimmed();
            continue;
        }
        if (type == QLatin1String("TABLE")) {
            Table t;
            t.name = key;
            t.headerLine = i + 1;
            bool ok = false;
            const int declared = f.value(2).trimmed().toInt(&ok);
            if (ok) t.declaredRows = declared;
            if (i + 2 >= lines.size() || !isDataLine(lines[i + 1]))
                return fail(file, "line " + std::to_string(i + 1),
                            "table " + key.toStdString() + " has no column-name line (file cut short?)");
            t.columns = lines[i + 1].trimmed().split(ws, Qt::SkipEmptyParts);
            i += 2; // column names and units
            while (i + 1 < lines.size() && isDataLine(lines[i + 1]) && !lines[i + 1].trimmed().isEmpty()) {
                ++i;
                t.rows.push_back(splitCells(lines[i]));
                t.rowLines.push_back(i + 1);
            }
            tables.push_back(std::move(t));
            continue;
        }
        if (key == QLatin1String("EXPERIMENTABORTED") && f.value(2).trimmed() == QLatin1String("T"))
            aborted = true;
        // Header keys worth keeping; FRAMEWORKVERSION is also spelled FRAMEWORK-VERSION.
        const QString value = f.value(2).trimmed();
        if (key == QLatin1String("TITLE")) meta.insert("title", value);
        if (key == QLatin1String("DATE")) meta.insert("date", value); // locale-dependent: kept as text
        if (key == QLatin1String("TIME")) meta.insert("time", value);
        if (key == QLatin1String("PSTAT")) meta.insert("potentiostat", value);
        if (key == QLatin1String("FRAMEWORKVERSION") || key == QLatin1String("FRAMEWORK-VERSION"))
            meta.insert("framework_version", value);
        if (key == QLatin1String("EOC")) {
            if (auto v = textnum::parseFinite(value, value.contains(',') && !value.contains('.')))
                meta.insert("open_circuit_v", *v);
        }
        if (key == QLatin1String("AREA")) {
            if (auto v = textnum::parseFinite(value, value.contains(',') && !value.contains('.')))
                meta.insert("electrode_area_cm2", *v);
        }
        if (key == QLatin1String("SCANRATE")) {
            if (auto v = textnum::parseFinite(value, value.contains(',') && !value.contains('.')))
                meta.insert("scan_rate_mv_s", *v);
        }
        if (key == QLatin1String("VLIMIT1") || key == QLatin1String("VLIMIT2")) {
            if (auto v = textnum::parseFinite(value, value.contains(',') && !value.contains('.')))
                meta.insert(key == QLatin1String("VLIMIT1") ? "vertex1_v" : "vertex2_v", *v);
        }
    }
    if (tag.isEmpty()) return fail(file, "", "no TAG line: the experiment type is not stated");
    meta.insert("instrument", QStringLiteral("Gamry"));
    meta.insert("technique_tag", tag);
    if (!notes.isEmpty()) meta.insert("notes", notes.join('\n'));

    // Decimal comma: the data rows hold "1,5" style numbers and no '.'.
    bool anyComma = false, anyPoint = false;
    for (const Table& t : tables)
        for (const auto& r : t.rows)
            for (const QStringView c : r) {
                anyComma |= commaNumber(c);
                anyPoint |= !c.isEmpty() && c.front().isDigit() && c.contains('.');
            }
    const bool decimalComma = anyComma && !anyPoint;

    /// The numbers of column \a c of table \a t (scaled), failing on the first cell that is not one.
    auto numbers = [&](const Table& t, int c, double scale) -> Expected<std::vector<double>> {
        std::vector<double> out;
        out.reserve(t.rows.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            if (qsizetype(row.size()) < t.columns.size())
                return fail(file, "line " + std::to_string(t.rowLines[r]),
                            "the row has " + std::to_string(row.size()) + " of the " +
                                std::to_string(t.columns.size()) + " cells of table " + t.name.toStdString() +
                                " (file cut short?)");
            double v = 0.0;
            if (!textnum::parseNumber(row[std::size_t(c)], decimalComma, v))
                return fail(
                    file, "line " + std::to_string(t.rowLines[r]) + ", column " + t.columns[c].toStdString(),
                    textnum::notANumberReason(row[c], decimalComma));
            out.push_back(v * scale);
        }
        return out;
    };
    auto need = [&](const Table& t, std::initializer_list<const char*> names,
                    const char* what) -> Expected<int> {
        const int c = columnIndex(t, names);
        if (c < 0)
            return fail(file, "line " + std::to_string(t.headerLine + 1),
                        "table " + t.name.toStdString() + " has no " + what + " column (" + *names.begin() +
                            ")");
        return c;
    };
    auto warnings = [&](ImportedDataset& d, const std::vector<const Table*>& used) {
        if (aborted)
            addImportWarning(d, QCoreApplication::translate(
                                    "vanadis", "The experiment was aborted (EXPERIMENTABORTED): the "
                                               "%1 points measured before the abort are imported.")
                                    .arg(d.columns.empty() ? 0 : d.columns.front().values.size()));
        for (const Table* t : used)
            if (t->declaredRows >= 0 && int(t->rows.size()) < t->declaredRows)
                addImportWarning(d,
                                 QCoreApplication::translate(
                                     "vanadis", "Table %1 announces %2 rows but holds %3 (file cut short?).")
                                     .arg(t->name)
                                     .arg(t->declaredRows)
                                     .arg(t->rows.size()));
        d.metadata.insert("aborted", aborted);
    };
    const QString baseName = QFileInfo(fileName).completeBaseName();
    const QString title = meta.value("title").toString();

    if (tag == QLatin1String("EISPOT") || tag == QLatin1String("EISGALV")) {
        const Table* z = nullptr;
        for (const Table& t : tables)
            if (t.name == QLatin1String("ZCURVE")) z = &t;
        if (!z) return fail(file, "", "the " + tag.toStdString() + " file has no ZCURVE table");
        if (z->rows.empty())
            return fail(file, "line " + std::to_string(z->headerLine),
                        std::string("the ZCURVE table holds no points") +
                            (aborted ? " (the experiment was aborted)" : ""));
        auto cf = need(*z, {"Freq"}, "frequency");
        auto cr = need(*z, {"Zreal"}, "Z'");
        auto ci = need(*z, {"Zimag"}, "Z''");
        for (const auto* c : {&cf, &cr, &ci})
            if (!*c) return std::unexpected(c->error());
        auto f = numbers(*z, *cf, 1.0);
        if (!f) return std::unexpected(f.error());
        auto re = numbers(*z, *cr, 1.0);
        if (!re) return std::unexpected(re.error());
        auto im = numbers(*z, *ci, 1.0);
        if (!im) return std::unexpected(im.error());
        std::vector<EisPoint> pts;
        for (std::size_t k = 0; k < f->size(); ++k)
            pts.push_back({(*f)[k], (*re)[k], (*im)[k], z->rowLines[k]});
        auto d = makeEisDataset(fileName, title.isEmpty() ? baseName : baseName + " — " + title, pts);
        if (!d) return std::unexpected(d.error());
        if (const int cs = columnIndex(*z, {"Zsig"}); cs >= 0) {
            auto s = numbers(*z, cs, 1.0);
            if (!s) return std::unexpected(s.error());
            d->columns.push_back({QStringLiteral("Zsig"), QStringLiteral("V"), std::move(*s)});
        }
        for (auto it = meta.begin(); it != meta.end(); ++it)
            d->metadata.insert(it.key(), it.value());
        warnings(*d, {z});
        return std::vector<ImportedDataset>{std::move(*d)};
    }

    // CV (CURVE1…n) and single-curve techniques (CURVE).
    std::vector<const Table*> curves;
    static const QRegularExpression curveName(QStringLiteral("^CURVE(\\d*)$"));
    for (const Table& t : tables)
        if (curveName.match(t.name).hasMatch()) curves.push_back(&t);
    if (curves.empty())
        return fail(
            file, "",
            "Gamry experiment '" + tag.toStdString() +
                "' has no CURVE or ZCURVE table; supported are CV, EISPOT, EISGALV and chrono/corrosion "
                "curves");
    const bool cv = tag == QLatin1String("CV");
    Column time{QStringLiteral("Time"), QStringLiteral("s"), {}};
    Column pot{QStringLiteral("Potential"), QStringLiteral("V"), {}};
    Column cur{QStringLiteral("Current"), QStringLiteral("mA"), {}};
    Column cyc{QStringLiteral("Cycle"), QString(), {}};
    for (const Table* t : curves) {
        if (t->rows.empty()) continue; // an empty partial curve after the last cycle
        auto ct = need(*t, {"T", "Time"}, "time");
        auto cv_ = need(*t, {"Vf", "V"}, "potential");
        auto ci = need(*t, {"Im", "I"}, "current");
        for (const auto* c : {&ct, &cv_, &ci})
            if (!*c) return std::unexpected(c->error());
        auto tv = numbers(*t, *ct, 1.0);
        if (!tv) return std::unexpected(tv.error());
        auto ev = numbers(*t, *cv_, 1.0);
        if (!ev) return std::unexpected(ev.error());
        auto iv = numbers(*t, *ci, 1000.0); // A → mA
        if (!iv) return std::unexpected(iv.error());
        const double n = curveName.match(t->name).captured(1).toDouble();
        time.values.insert(time.values.end(), tv->begin(), tv->end());
        pot.values.insert(pot.values.end(), ev->begin(), ev->end());
        cur.values.insert(cur.values.end(), iv->begin(), iv->end());
        cyc.values.insert(cyc.values.end(), tv->size(), n > 0 ? n : 1.0);
    }
    if (time.values.empty())
        return fail(file, "line " + std::to_string(curves.front()->headerLine),
                    std::string("the data tables hold no points") +
                        (aborted ? " (the experiment was aborted)" : ""));
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = cv ? QStringLiteral("cv") : QStringLiteral("chrono");
    d.name = title.isEmpty() ? baseName : baseName + " — " + title;
    d.columns = {std::move(time), std::move(pot), std::move(cur)};
    if (cv) d.columns.push_back(std::move(cyc));
    d.metadata = meta;
    warnings(d, curves);
    return std::vector<ImportedDataset>{std::move(d)};
}

} // namespace vanadis
