#include "io/import/QuantachromeImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace vanadis {

namespace {

/// Header labels of ASiQwin, QuadraWin and NovaWin exports. Fields run together without separators,
/// so a value is whatever lies between its label and the next label on the line.
const char* const kLabels[] = {"Operator:",
                               "Date:",
                               "Sample ID:",
                               "Filename:",
                               "Sample Desc:",
                               "Comment:",
                               "Sample weight:",
                               "Sample Weight:",
                               "Sample Volume:",
                               "Analysis Time:",
                               "End of run:",
                               "Instrument:",
                               "Instrument version:",
                               "Void Vol.:",
                               "Cell:",
                               "Run mode",
                               "Outgas Time:",
                               "OutgasTemp:",
                               "Outgas Temp:",
                               "Approx. Outgas Time:",
                               "Final Outgas Temp.:",
                               "Analysis gas:",
                               "Bath Temp:",
                               "Bath temp.:",
                               "Press. Tolerance:",
                               "Equil time:",
                               "Equil timeout:",
                               "Molec. Wt:",
                               "Molec. Wt.:",
                               "Non-ideality:",
                               "Cell ID:",
                               "F/W version:",
                               "Extended info:",
                               "CellType:",
                               "Analysis Mode:",
                               "VoidVol Remeasure:",
                               "VoidVol. Mode:",
                               "Cold Zone V:",
                               "Warm Zone V:",
                               "Thermal Transpiration:",
                               "Eff. mol. diameter (D):",
                               "Eff. cell stem diam. (d):",
                               "Cross Section:",
                               "Liquid Density:",
                               "Adsorbate",
                               "Temperature"};

struct Field {
    QString label;
    QString value;
};

std::vector<Field> headerFields(const QString& line)
{
    struct Hit {
        qsizetype pos;
        qsizetype len;
        QString label;
    };
    std::vector<Hit> hits;
    for (const char* l : kLabels) {
        const QString label = QString::fromLatin1(l);
        for (qsizetype p = line.indexOf(label); p >= 0; p = line.indexOf(label, p + 1))
            hits.push_back({p, label.size(), label});
    }
    std::sort(hits.begin(), hits.end(),
              [](const Hit& a, const Hit& b) { return a.pos != b.pos ? a.pos < b.pos : a.len > b.len; });
    std::vector<Hit> kept;
    for (const Hit& h : hits)
        if (kept.empty() || h.pos >= kept.back().pos + kept.back().len) kept.push_back(h);
    std::vector<Field> out;
    for (size_t i = 0; i < kept.size(); ++i) {
        const qsizetype from = kept[i].pos + kept[i].len;
        const qsizetype to = i + 1 < kept.size() ? kept[i + 1].pos : line.size();
        QString label = kept[i].label;
        if (label.endsWith(':')) label.chop(1);
        out.push_back({label, line.mid(from, to - from).trimmed()});
    }
    return out;
}

/// Words separated by single spaces, with their positions: "Volume @ STP" is one title.
struct Span {
    QString text;
    qsizetype begin;
    qsizetype end;
};
std::vector<Span> spans(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("\\S+(?: \\S+)*"));
    std::vector<Span> out;
    for (auto it = re.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        out.push_back({m.captured(), m.capturedStart(), m.capturedEnd()});
    }
    return out;
}

bool isUnitWord(const QString& w)
{
    const QString u = w.trimmed().toLower();
    return IsothermAssembler::pascalPerUnit(u).has_value() || u == "cc" || u == "cc/g" || u == "cm3" ||
           u == "cm3/g" || u == "ml" || u == "ml/g" || u == "sec" || u == "min" || u == "s" || u == "mmol/g";
}

std::optional<std::vector<double>> numbers(const QString& line)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
    if (cells.isEmpty()) return std::nullopt;
    std::vector<double> out;
    for (const QString& c : cells) {
        const auto v = textnum::parseFinite(c);
        if (!v) return std::nullopt;
        out.push_back(*v);
    }
    return out;
}

/// Why a row of the table is not a row of numbers: the first cell that is not one, with its column.
std::string badCell(const QString& line)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
    for (qsizetype k = 0; k < cells.size(); ++k)
        if (!textnum::parseFinite(cells[k]))
            return "column " + std::to_string(k + 1) + ": " + textnum::notANumberReason(cells[k], false);
    return {};
}

/// A first word "NaN", "inf", "-Infinity": a data row with an unusable value, not text after the table.
bool startsWithNonFinite(const QString& line)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    double v;
    const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
    return !cells.isEmpty() && textnum::classify(cells.front(), false, v) == textnum::CellKind::NonFinite;
}

bool startsLikeNumber(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*[-+]?(\\d|\\.\\d)"));
    return re.match(line).hasMatch();
}

} // namespace

QString QuantachromeImporter::displayName() const
{
    return QCoreApplication::translate("vanadis",
                                       "Quantachrome / Anton Paar isotherm text (ASiQwin, NovaWin)");
}

int QuantachromeImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!looksLikeText(head)) return 0;
    // Latin-1 is enough to find the ASCII markers; UTF-16 exports are decoded first.
    QString text;
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        auto t = decodeText(head.left(head.size() & ~qsizetype(1)), fileName);
        if (!t) return 0;
        text = *t;
    } else {
        text = QString::fromLatin1(head);
    }
    if (!text.contains(QLatin1String("Volume @ STP"))) return 0;
    const QString top = text.left(4096);
    const bool brand = top.contains(QLatin1String("Quantachrome")) ||
                       top.contains(QLatin1String("ASiQwin")) || top.contains(QLatin1String("NovaWin")) ||
                       top.contains(QLatin1String("QuadraWin")) || top.contains(QLatin1String("Anton Paar"));
    if (!brand && !top.contains(QLatin1String("Analysis gas:"))) return 0;
    const bool named = fileName.contains("(Raw Analysis Data)") || fileName.contains("(Isotherm)");
    return (brand ? 85 : 70) + (named ? 5 : 0);
}

Expected<std::vector<ImportedDataset>>
QuantachromeImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    QStringList lines = text->split('\n');
    for (QString& l : lines)
        if (l.endsWith('\r')) l.chop(1);

    qsizetype h = -1;
    for (qsizetype i = 0; i < lines.size() && h < 0; ++i)
        if (lines[i].contains(QLatin1String("Volume @ STP"), Qt::CaseInsensitive)) h = i;
    if (h < 0)
        return fail(file, "",
                    "no isotherm table (a column 'Volume @ STP') was found; this is not a Quantachrome "
                    "isotherm export");

    // Header fields (the first Operator/Date are the analysis', the second the report's).
    QMultiHash<QString, QString> fields;
    for (qsizetype i = 0; i < h; ++i)
        for (const Field& f : headerFields(lines[i]))
            fields.insert(f.label, f.value);
    auto field = [&](std::initializer_list<const char*> labels, int occurrence = 0) -> QString {
        for (const char* l : labels) {
            QList<QString> v = fields.values(QString::fromLatin1(l)); // most recent first
            std::reverse(v.begin(), v.end());
            if (occurrence < v.size() && !v[occurrence].isEmpty()) return v[occurrence];
        }
        return {};
    };

    // Column titles and their units (matched by position on the fixed-width unit line).
    const std::vector<Span> titles = spans(lines[h]);
    std::vector<QString> units(titles.size());
    qsizetype first = -1; // first data line
    for (qsizetype i = h + 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty()) continue;
        if (startsLikeNumber(lines[i])) {
            first = i;
            break;
        }
        const std::vector<Span> words = spans(lines[i]);
        if (std::none_of(words.begin(), words.end(), [](const Span& w) { return isUnitWord(w.text); }))
            continue;
        for (const Span& w : words) {
            size_t best = 0;
            qsizetype bestDist = std::numeric_limits<qsizetype>::max();
            for (size_t c = 0; c < titles.size(); ++c) {
                const qsizetype dist = w.end <= titles[c].begin   ? titles[c].begin - w.end
                                       : w.begin >= titles[c].end ? w.begin - titles[c].end
                                                                  : 0;
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            if (!titles.empty()) units[best] = w.text;
        }
    }
    if (first < 0) return fail(file, "line " + std::to_string(h + 1), "the isotherm table has no data rows");

    int cPress = -1, cP0 = -1, cRel = -1, cVol = -1;
    for (size_t c = 0; c < titles.size(); ++c) {
        const QString t = titles[c].text.toLower();
        if (t == "press" || t == "pressure")
            cPress = int(c);
        else if (t == "p0" || t == "po")
            cP0 = int(c);
        else if (t == "p/po" || t == "p/p0" || t.startsWith("relative"))
            cRel = int(c);
        else if (t.contains("volume"))
            cVol = int(c);
    }
    const std::string headerLoc = "line " + std::to_string(h + 1);
    if (cVol < 0 || (cRel < 0 && (cPress < 0 || cP0 < 0)))
        return fail(file, headerLoc,
                    "the table needs a pressure column (Press and P0, or P/Po) and 'Volume @ STP'");
    if (units[size_t(cVol)].isEmpty())
        return fail(file, headerLoc,
                    "the unit of 'Volume @ STP' is not stated (no unit line under the titles); choose the "
                    "unit (cc for the whole sample, or cc/g) and export again with units");
    const auto loading = IsothermAssembler::parseLoadingUnit(units[size_t(cVol)], {}, true);
    if (!loading)
        return fail(file, headerLoc,
                    "'" + units[size_t(cVol)].toStdString() +
                        "' is not a unit of gas volume Vanadis can convert");

    IsothermAssembler as(fileName, cRel >= 0 ? QStringLiteral("quantachrome-txt (relative)")
                                             : QStringLiteral("quantachrome-txt"));
    QJsonObject& meta = as.metadata();
    as.setLoadingUnit(*loading);
    as.setHeaderLocation(QStringLiteral("line 1"));
    for (qsizetype i = 0; i < h; ++i)
        if (lines[i].contains(QLatin1String("Sample weight"), Qt::CaseInsensitive))
            as.setHeaderLocation(QStringLiteral("line %1").arg(i + 1));
    double fPress = 1, fP0 = 1;
    if (cRel >= 0) {
        as.setRelativePressure();
    } else {
        as.setAbsolutePressure();
        const auto a = IsothermAssembler::pascalPerUnit(units[size_t(cPress)]);
        const auto b = IsothermAssembler::pascalPerUnit(units[size_t(cP0)]);
        if (!a || !b)
            return fail(file, headerLoc,
                        "the unit of the column '" + titles[size_t(a ? cP0 : cPress)].text.toStdString() +
                            "' is not stated or not a pressure unit; choose it and export again with units");
        fPress = *a;
        fP0 = *b;
    }
    meta.insert("loading_unit_original", units[size_t(cVol)]);
    if (loading->perGrams <= 0)
        meta.insert("loading_basis", QStringLiteral("whole sample, divided by the sample mass"));
    if (cP0 >= 0 && !units[size_t(cP0)].isEmpty()) meta.insert("p0_unit", units[size_t(cP0)]);
    if (cPress >= 0 && !units[size_t(cPress)].isEmpty()) meta.insert("pressure_unit", units[size_t(cPress)]);

    // Data rows.
    const size_t cols = titles.size();
    qsizetype ended = -1; // first line after the table
    double p0Sum = 0;
    int p0Count = 0;
    for (qsizetype i = first; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.trimmed().isEmpty()) continue;
        const std::string loc = "line " + std::to_string(i + 1);
        if (!startsLikeNumber(line) && !startsWithNonFinite(line)) {
            if (ended < 0) ended = i;
            continue;
        }
        if (ended >= 0)
            return fail(file, "line " + std::to_string(ended + 1),
                        "text inside the isotherm table: the file is damaged");
        const auto v = numbers(line);
        if (!v)
            return fail(file, loc + ", " + badCell(line),
                        "this value in the isotherm table is not usable: the file is damaged");
        if (v->size() != cols)
            return fail(file, loc,
                        "expected " + std::to_string(cols) + " numbers in this row, found " +
                            std::to_string(v->size()) + " (truncated or damaged row)");
        IsothermAssembler::Point p;
        p.location = QString::fromStdString(loc);
        p.amount = (*v)[size_t(cVol)];
        if (cRel >= 0) {
            p.pressure = (*v)[size_t(cRel)];
        } else {
            p.pressure = (*v)[size_t(cPress)] * fPress;
            p.p0 = (*v)[size_t(cP0)] * fP0;
        }
        if (cP0 >= 0) {
            p0Sum += (*v)[size_t(cP0)];
            ++p0Count;
        }
        as.add(p);
    }
    if (p0Count) meta.insert("p0_mean", p0Sum / p0Count);

    // Metadata.
    const QString sample = field({"Sample ID"});
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    if (const QString v = field({"Sample Desc"}); !v.isEmpty()) meta.insert("sample_description", v);
    if (const QString v = field({"Comment"}); !v.isEmpty()) meta.insert("comment", v);
    if (const QString v = field({"Filename"}); !v.isEmpty()) meta.insert("instrument_file", v);
    if (const QString v = field({"Operator"}); !v.isEmpty()) meta.insert("operator", v);
    if (const QString v = field({"Operator"}, 1); !v.isEmpty()) meta.insert("report_operator", v);
    if (const QString v = field({"Date"}); !v.isEmpty()) {
        const QString iso = IsothermAssembler::isoDate(
            v, {"MM/dd/yyyy HH:mm", "MM/dd/yyyy", "yyyy/MM/dd HH:mm", "yyyy/MM/dd", "M/d/yyyy"});
        meta.insert("date", iso.isEmpty() ? v : iso);
    }
    QString instrument = field({"Instrument"});
    if (const QString v = field({"Instrument version"}); !v.isEmpty()) instrument += " (version " + v + ")";
    const QString software = lines.isEmpty() ? QString() : lines.first().simplified();
    if (!instrument.isEmpty()) meta.insert("instrument", instrument);
    if (!software.isEmpty()) meta.insert("software", software);
    if (const QString gas = field({"Analysis gas", "Adsorbate"}); !gas.isEmpty()) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(gas));
        meta.insert("adsorptive_raw", gas);
    }
    static const QRegularExpression numUnit(
        QStringLiteral("^\\s*([-+]?[\\d.]+(?:[eE][-+]?\\d+)?)\\s*(\\S*)"));
    if (const QString v = field({"Bath Temp", "Bath temp.", "Temperature"}); !v.isEmpty()) {
        const auto m = numUnit.match(v);
        const auto k =
            m.hasMatch() ? IsothermAssembler::kelvin(m.captured(1).toDouble(), m.captured(2)) : std::nullopt;
        if (k)
            meta.insert("temperature_k", *k);
        else
            meta.insert("temperature_raw", v);
    }
    if (const QString v = field({"Sample weight", "Sample Weight"}); !v.isEmpty()) {
        const auto m = numUnit.match(v);
        const auto g = m.hasMatch() ? IsothermAssembler::gramsPerUnit(m.captured(2)) : std::nullopt;
        if (g)
            as.setSampleMassG(m.captured(1).toDouble() * *g);
        else
            meta.insert("sample_mass_raw", v);
    }
    const QString outTime = field({"Outgas Time", "Approx. Outgas Time"});
    const QString outTemp = field({"Outgas Temp", "OutgasTemp", "Final Outgas Temp."});
    if (!outTime.isEmpty() || !outTemp.isEmpty()) {
        meta.insert("degas_conditions", QStringList{outTime, outTemp}.join(QStringLiteral(", ")));
        if (const auto m = numUnit.match(outTime); m.hasMatch() && m.captured(2).startsWith("hr"))
            meta.insert("degas_time_h", m.captured(1).toDouble());
        if (const auto m = numUnit.match(outTemp); m.hasMatch())
            if (const auto k = IsothermAssembler::kelvin(m.captured(1).toDouble(), m.captured(2)))
                meta.insert("degas_temperature_c", *k - 273.15);
    }
    if (const QString v = field({"Cross Section"}); !v.isEmpty())
        if (const auto m = numUnit.match(v); m.hasMatch() && m.captured(2).startsWith(QChar(0x00C5))) // Å²
            meta.insert("cross_section_nm2", m.captured(1).toDouble() / 100.0);

    auto ds = as.finish(!sample.isEmpty() ? sample : QFileInfo(fileName).completeBaseName());
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
