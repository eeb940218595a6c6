#include "io/import/MicromeriticsReportImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace vanadis {

namespace {

/// "- Adsorption" / "Desorption" on a line of its own: which branch the next table holds (-1: none).
int branchMarker(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*-?\\s*(Adsorption|Desorption)\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(line);
    if (!m.hasMatch()) return -1;
    return m.captured(1).compare(QLatin1String("Adsorption"), Qt::CaseInsensitive) == 0 ? 0 : 1;
}

/// "Isotherm Tabular Report" (MicroActive, Gemini): the title of a table that may hold both branches
/// without any "- Adsorption" line.
bool isTabularReportTitle(const QString& line)
{
    return line.contains(QLatin1String("Isotherm Tabular Report"), Qt::CaseInsensitive);
}

/// An elapsed time "01:10" (h:min) or "01:10:05"; minutes, or nullopt.
std::optional<double> elapsedMinutes(const QString& cell)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5}):(\\d{2})(?::(\\d{2}))?$"));
    const auto m = re.match(cell);
    if (!m.hasMatch()) return std::nullopt;
    return m.captured(1).toDouble() * 60.0 + m.captured(2).toDouble() + m.captured(3).toDouble() / 60.0;
}

/// One cell of a report row: a number, an elapsed time, or neither.
struct Cell {
    double value = 0.0;
    bool number = false;
    bool time = false;
};

/// The cells of a line when every one is a finite number or an h:min time; empty otherwise.
QList<Cell> rowCells(const QString& line, bool decimalComma)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QList<Cell> out;
    for (const QString& cell : line.split(ws, Qt::SkipEmptyParts)) {
        if (const auto v = textnum::parseFinite(cell, decimalComma))
            out << Cell{*v, true, false};
        else if (const auto t = elapsedMinutes(cell))
            out << Cell{*t, false, true};
        else
            return {};
    }
    return out;
}

/// Inside a table, a line whose first word is a number (or NaN/inf) but which is not a row of at least two
/// finite numbers or times is a damaged row (a NaN cell, a cut-off last line), never text to skip. Returns
/// why, or "".
std::string damagedRow(const QString& line, bool decimalComma)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
    double v;
    if (cells.isEmpty() || textnum::classify(cells.front(), decimalComma, v) == textnum::CellKind::Text)
        return {};
    for (qsizetype k = 0; k < cells.size(); ++k)
        if (!textnum::parseFinite(cells[k], decimalComma) && !elapsedMinutes(cells[k]))
            return "column " + std::to_string(k + 1) + ": " +
                   textnum::notANumberReason(cells[k], decimalComma);
    return cells.size() < 2 ? std::string("only one value in this row (the file may be cut short)")
                            : std::string();
}

/// What each column of a table holds, from the bracketed units of its title block in the order they are
/// printed ("(p/p°)", "(mmHg)", "(mmol/g)", "(h:min)", "(mmHg)").
struct TablePlan {
    int relative = -1; ///< column of p/p0
    int amount = -1;   ///< column of the quantity adsorbed
    int saturation = -1;
    QString amountUnit;
    QString pressureUnit; ///< unit of the saturation (and absolute) pressure
    std::optional<LoadingUnit> loading;
};

/// "Key: value" fields of a report header line; several share a line, separated by runs of spaces
/// ("Sample: HCS          Operator: test"). Recognised ones go into \a meta (the first occurrence wins).
void readHeaderFields(const QString& line, QJsonObject& meta)
{
    static const QRegularExpression gap(QStringLiteral("\\t|\\s{2,}"));
    const QStringList parts = line.trimmed().split(gap, Qt::SkipEmptyParts);
    for (qsizetype k = 0; k < parts.size(); ++k) {
        QString part = parts[k];
        const qsizetype colon = part.indexOf(':');
        if (colon <= 0) continue;
        QString value = part.mid(colon + 1).trimmed();
        // "Sample mass:      0.1234 g": the value is the next part when the label stands alone.
        if (value.isEmpty() && k + 1 < parts.size() && !parts[k + 1].contains(':'))
            value = parts[++k].trimmed();
        if (value.isEmpty()) continue;
        const QString key = part.left(colon).trimmed().toLower();
        auto put = [&](const char* k2, const QJsonValue& v) {
            if (!meta.contains(QLatin1String(k2))) meta.insert(QLatin1String(k2), v);
        };
        if (key == "sample") {
            put("sample_name", value);
        } else if (key == "operator") {
            put("operator", value);
        } else if (key == "submitter") {
            put("submitter", value);
        } else if (key == "analysis adsorptive" || key == "adsorptive") {
            put("adsorptive", IsothermAssembler::normalizeAdsorptive(value));
            put("adsorptive_raw", value);
        } else if (key == "analysis bath temp." || key == "analysis bath temperature" ||
                   key == "bath temp.") {
            static const QRegularExpression unitRe(
                QStringLiteral("[\\d.]\\s*(\\x{00B0}?\\s*[A-Za-z]+)\\s*$"));
            const auto v = IsothermAssembler::leadingNumber(value);
            const auto m = unitRe.match(value);
            if (v && m.hasMatch())
                if (const auto k3 = IsothermAssembler::kelvin(*v, m.captured(1))) put("temperature_k", *k3);
            put("temperature_raw", value);
        } else if (key == "sample mass" || key == "sample weight") {
            static const QRegularExpression unitRe(QStringLiteral("[\\d.]\\s*([A-Za-z]+)\\s*$"));
            const auto v = IsothermAssembler::leadingNumber(value);
            const auto m = unitRe.match(value);
            if (v && m.hasMatch() && !meta.contains("sample_mass_g"))
                if (const auto g = IsothermAssembler::gramsPerUnit(m.captured(1)); g && *v > 0)
                    meta.insert("sample_mass_g", *v * *g);
            put("sample_mass_raw", value);
        } else if (key == "started") {
            put("date_raw", value);
        } else if (key.endsWith("model")) {
            put("instrument_details", value);
        }
    }
}

TablePlan planFromTitles(const QString& titles)
{
    static const QRegularExpression bracketed(QStringLiteral("\\(([^)]*)\\)"));
    TablePlan plan;
    // Units of wrapped titles stand on different lines ("(h:min)" one line above "(p/p°)"): their column
    // order is the order of their positions within the line (fixed-width report).
    std::vector<std::pair<qsizetype, QString>> placed;
    for (const QString& line : titles.split('\n')) {
        auto it = bracketed.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            placed.emplace_back(m.capturedStart(), m.captured(1).trimmed());
        }
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList units;
    for (const auto& pu : placed)
        units << pu.second;
    // Pressure columns in the order their titles are printed: "Absolute" and "Saturation" share a line.
    const qsizetype absAt = titles.indexOf(QLatin1String("Absolute"), 0, Qt::CaseInsensitive);
    const qsizetype satAt = titles.indexOf(QLatin1String("Saturation"), 0, Qt::CaseInsensitive);
    QStringList pressureRoles;
    if (absAt >= 0) pressureRoles << QStringLiteral("absolute");
    if (satAt >= 0)
        pressureRoles.insert(absAt >= 0 && satAt < absAt ? 0 : pressureRoles.size(), "saturation");
    int pressures = 0;
    for (int c = 0; c < units.size(); ++c) {
        const QString& u = units[c];
        if (IsothermAssembler::isRelativePressureUnit(u)) {
            if (plan.relative < 0) plan.relative = c;
        } else if (const auto lu = IsothermAssembler::parseLoadingUnit(u); lu && !plan.loading) {
            plan.loading = lu;
            plan.amount = c;
            plan.amountUnit = u;
        } else if (IsothermAssembler::pascalPerUnit(u)) {
            if (pressureRoles.value(pressures) == QLatin1String("saturation")) {
                plan.saturation = c;
                plan.pressureUnit = u;
            } else if (plan.pressureUnit.isEmpty()) {
                plan.pressureUnit = u;
            }
            ++pressures;
        }
    }
    // Older layouts print "(p/p°)" only in some title lines; the two-column table is p/p0, amount.
    if (plan.relative < 0) plan.relative = plan.amount == 0 ? 1 : 0;
    return plan;
}

} // namespace

QString MicromeriticsReportImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Micromeritics report text (TriStar/ASAP/MicroActive)");
}

int MicromeriticsReportImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    QByteArray even = head;
    if ((head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) && even.size() % 2) even.chop(1);
    auto text = decodeText(even, QString());
    if (!text) return 0;
    bool marker = false, tabular = false;
    for (const QString& l : text->split(QRegularExpression("\\r\\n|\\n|\\r"))) {
        marker |= branchMarker(l) >= 0;
        tabular |= isTabularReportTitle(l);
    }
    // The report title alone claims the file, so that a report cut short is refused with what is missing
    // rather than read as a generic table.
    if (tabular) return 75;
    // Titles wrap word by word ("Relative" above "Pressure"), so the words are looked for one by one.
    bool named = true;
    for (const char* w : {"Relative", "Pressure", "Quantity", "Adsorbed"})
        named &= text->contains(QLatin1String(w), Qt::CaseInsensitive);
    return marker && named ? 75 : 0;
}

Expected<std::vector<ImportedDataset>> MicromeriticsReportImporter::read(const QByteArray& bytes,
                                                                         const QString& fileName,
                                                                         const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression("\\r\\n|\\n|\\r"));
    // Decimal comma when numbers in the tables use it ("0,0501   12,345").
    const bool decimalComma = text->contains(QRegularExpression("\\b\\d+,\\d+\\s+\\d+,\\d+"));

    IsothermAssembler assembler(fileName, id());
    assembler.setRelativePressure();
    std::optional<LoadingUnit> unit;
    QString unitText;
    TablePlan plan;
    QJsonObject& meta = assembler.metadata();
    bool inSection = false; // after "- Adsorption", "- Desorption" or "Isotherm Tabular Report"
    int branch = -1;        // branch of the section being read; -1: not stated (split at the top)
    bool inTable = false;   // between a title block and the end of its rows
    bool anyStated = false, anyUnstated = false;
    QString titles; // the title block collected since the section started
    std::vector<double> p0s;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& l = lines[i];
        const std::string here = "line " + std::to_string(i + 1);
        if (const int b = branchMarker(l); b >= 0) {
            branch = b;
            inSection = true;
            inTable = false;
            titles.clear();
            continue;
        }
        if (isTabularReportTitle(l)) {
            // A repeated title on the next page continues the section it interrupts.
            if (!inSection) branch = -1;
            inSection = true;
            inTable = false;
            titles.clear();
            continue;
        }
        if (!inSection) {
            readHeaderFields(l, meta);
            continue;
        }
        const QList<Cell> cells = rowCells(l, decimalComma);
        // A line holding only the saturation pressure (with the time it was measured): MicroActive prints
        // p0 on its own line above the points it applies to. p/p0 never reaches 1.5, so a lone value above
        // it cannot be a cut-off row.
        {
            int numbers = 0;
            double value = 0;
            for (const Cell& c : cells)
                if (c.number) {
                    ++numbers;
                    value = c.value;
                }
            if (numbers == 1 && value > 1.5 && (!cells.front().number || cells.size() == 1)) {
                p0s.push_back(value);
                continue;
            }
        }
        if (cells.size() >= 2) {
            if (!inTable) {
                // The first row after a title block: the block must name both quantities.
                // Titles wrap word by word over lines ("Relative" above "Pressure"): look for the words.
                bool named = true;
                for (const char* w : {"Relative", "Pressure", "Quantity", "Adsorbed"})
                    named &= titles.contains(QLatin1String(w), Qt::CaseInsensitive);
                if (!named) continue; // numbers of another table under this heading (page numbers, summaries)
                TablePlan next = planFromTitles(titles);
                if (!next.loading)
                    return fail(file, here,
                                "the unit of 'Quantity Adsorbed' is not stated; choose it with the generic "
                                "text import");
                if (unit && next.amountUnit != unitText)
                    return fail(file, here, "the adsorption and desorption tables use different units");
                plan = next;
                unit = plan.loading;
                unitText = plan.amountUnit;
                inTable = true;
            }
            const int need = std::max(plan.relative, plan.amount);
            if (cells.size() <= need)
                return fail(
                    file, here,
                    QStringLiteral("the row has %1 values, but the table's column %2 holds the amount "
                                   "adsorbed; the isotherm table is damaged")
                        .arg(cells.size())
                        .arg(plan.amount + 1)
                        .toStdString());
            const Cell& pr = cells[plan.relative];
            const Cell& am = cells[plan.amount];
            if (!pr.number || !am.number)
                return fail(
                    file, here,
                    "an elapsed time stands where the relative pressure or the amount adsorbed belongs; "
                    "the isotherm table is damaged");
            if (plan.saturation >= 0 && plan.saturation < cells.size() && cells[plan.saturation].number)
                p0s.push_back(cells[plan.saturation].value);
            IsothermAssembler::Point pt;
            pt.pressure = pr.value;
            pt.amount = am.value;
            pt.branch = branch;
            (branch >= 0 ? anyStated : anyUnstated) = true;
            pt.location = QStringLiteral("line %1").arg(i + 1);
            assembler.add(pt);
            continue;
        }
        if (inTable) {
            // A blank line or a page header interrupts the table; a repeated title block continues it.
            if (l.trimmed().isEmpty()) continue;
            if (const std::string why = damagedRow(l, decimalComma); !why.empty())
                return fail(file, here, why + "; the isotherm table is damaged");
            if (l.contains(QLatin1String("Relative"), Qt::CaseInsensitive)) {
                titles = l;
                inTable = false;
                continue;
            }
            // Another section starts: leave the table (a later "- Desorption" reopens one).
            static const QRegularExpression otherSection(
                QStringLiteral("^\\s*[A-Z][A-Za-z ]+(Report|Plot|Summary)\\b"));
            if (otherSection.match(l).hasMatch()) inSection = false;
            continue;
        }
        titles += '\n' + l;
    }
    if (!unit || assembler.pointCount() == 0)
        return fail(file, "",
                    "no isotherm table (a title naming Relative Pressure and Quantity Adsorbed with rows of "
                    "numbers, under '- Adsorption' or 'Isotherm Tabular Report') was found");
    if (anyStated && anyUnstated)
        return fail(file, "",
                    "some isotherm rows stand under '- Adsorption'/'- Desorption' and others under no "
                    "branch title; the report is mixed up");
    assembler.setLoadingUnit(*unit);
    meta.insert("instrument", QStringLiteral("Micromeritics (report text)"));
    meta.insert("loading_unit_original", unitText);
    if (!p0s.empty() && !plan.pressureUnit.isEmpty()) {
        double sum = 0;
        for (double v : p0s)
            sum += v;
        meta.insert("p0", p0s.front());
        meta.insert("p0_mean", sum / double(p0s.size()));
        meta.insert("p0_unit", plan.pressureUnit);
    }
    QString name = meta.value("sample_name").toString();
    if (name.isEmpty()) name = QFileInfo(fileName).completeBaseName();
    auto ds = assembler.finish(name);
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
