#include "io/import/WorkbookReaders.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextNumbers.h"
#include "io/import/TgaImportSupport.h"

#include <QFileInfo>
#include <QJsonObject>
#include <cmath>

namespace vanadis::workbook {

namespace {

QString columnLetters(int col)
{
    QString s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.prepend(QChar('A' + (c - 1) % 26));
    return s;
}

QString norm(const QString& s)
{
    return s.simplified().toLower();
}

/// A number cell, or a text cell holding one number ("0,0304", "803,818"; decimal comma when the text
/// has a comma and no dot). nullopt for anything else; \a why says what the cell holds instead.
std::optional<double> cellNumber(const XlsWorkbook::Sheet& s, int row, int col, std::string* why = nullptr)
{
    const XlsCell* c = s.cell(row, col);
    if (!c) {
        if (why) *why = "the cell is empty";
        return std::nullopt;
    }
    if (c->isError) {
        if (why) *why = "the cell holds the error " + c->text.toStdString();
        return std::nullopt;
    }
    if (!c->isText) {
        if (!std::isfinite(c->number)) {
            if (why) *why = "the cell is not a finite number";
            return std::nullopt;
        }
        return c->number;
    }
    const QString t = c->text.trimmed();
    if (auto v = textnum::parseFinite(t, t.contains(',') && !t.contains('.'))) return v;
    if (why) *why = textnum::notANumberReason(t, false);
    return std::nullopt;
}

const XlsWorkbook::Sheet* sheetNamed(const Sheets& sheets, const char* name)
{
    for (const auto& s : sheets)
        if (norm(s.name) == QLatin1String(name)) return &s;
    return nullptr;
}

} // namespace

QString cellLocation(const XlsWorkbook::Sheet& sheet, int row, int col)
{
    QString out = QStringLiteral("sheet '%1', row %2").arg(sheet.name).arg(row + 1);
    if (col >= 0) out += QStringLiteral(", column %1").arg(columnLetters(col));
    return out;
}

Expected<std::optional<ImportedDataset>> readThreePReport(const Sheets& sheets, const QString& fileName,
                                                          const QString& sourceFormat)
{
    const std::string file = fileName.toStdString();
    // The isotherm sheet: "Isotherm", or any sheet whose header row has "p/p0" and "V (...)".
    const XlsWorkbook::Sheet* iso = nullptr;
    int header = -1, colRel = -1, colAmount = -1, colP0 = -1;
    QString amountUnit, p0Unit;
    auto findHeader = [&](const XlsWorkbook::Sheet& s) {
        for (int r = 0; r < std::min(s.rowCount, 12); ++r) {
            int rel = -1, amount = -1, p0 = -1;
            QString au, pu;
            for (int c = 0; c < s.colCount && c < 64; ++c) {
                const XlsCell* cell = s.cell(r, c);
                if (!cell || !cell->isText) continue;
                const QString t = norm(cell->text);
                if (t == "p/p0" || t == "p/po" || t == QStringLiteral("p/p°"))
                    rel = c;
                else if (t.startsWith("v (") || t.startsWith("v(") || t.startsWith("quantity adsorbed")) {
                    amount = c;
                    au = IsothermAssembler::unitInParentheses(cell->text);
                } else if (t.startsWith("p0 (") || t.startsWith("p0(")) {
                    p0 = c;
                    pu = IsothermAssembler::unitInParentheses(cell->text);
                }
            }
            if (rel >= 0 && amount >= 0) {
                header = r;
                colRel = rel;
                colAmount = amount;
                colP0 = p0;
                amountUnit = au;
                p0Unit = pu;
                return true;
            }
        }
        return false;
    };
    if (const auto* s = sheetNamed(sheets, "isotherm"); s && findHeader(*s)) iso = s;
    for (size_t k = 0; !iso && k < sheets.size(); ++k)
        if (sheets[k].name.contains(QLatin1String("sotherm"), Qt::CaseInsensitive) && findHeader(sheets[k]))
            iso = &sheets[k];
    if (!iso) return std::optional<ImportedDataset>();

    const auto lu = IsothermAssembler::parseLoadingUnit(amountUnit);
    if (!lu)
        return fail(file, cellLocation(*iso, header, colAmount).toStdString(),
                    amountUnit.isEmpty()
                        ? std::string("the unit of the amount adsorbed is not stated")
                        : "unknown unit '" + amountUnit.toStdString() + "' for the amount adsorbed");
    IsothermAssembler as(fileName, sourceFormat);
    as.setRelativePressure();
    as.setLoadingUnit(*lu);
    as.setHeaderLocation(cellLocation(*iso, header));
    QJsonObject& meta = as.metadata();
    meta.insert("instrument", QStringLiteral("3P Instruments"));
    meta.insert("loading_unit_original", amountUnit);

    int branch = 0;
    bool separator = false;
    std::vector<double> p0s;
    std::vector<IsothermAssembler::Point> points;
    for (int r = header + 1; r < iso->rowCount; ++r) {
        const XlsCell* a = iso->cell(r, colRel);
        const XlsCell* b = iso->cell(r, colAmount);
        if (!a && !b) {
            // A blank row ends the table only if nothing follows it.
            bool more = false;
            for (int k = r + 1; k < iso->rowCount && !more; ++k)
                more = iso->cell(k, colRel) || iso->cell(k, colAmount);
            if (!more) break;
            continue;
        }
        if ((a && a->isText && a->text.trimmed().startsWith("--")) ||
            (b && b->isText && b->text.trimmed().startsWith("--"))) {
            if (separator)
                return fail(file, cellLocation(*iso, r).toStdString(),
                            "a second '---' separator: the sheet holds more than adsorption and desorption");
            separator = true;
            branch = 1;
            continue;
        }
        std::string why;
        const auto x = cellNumber(*iso, r, colRel, &why);
        if (!x) return fail(file, cellLocation(*iso, r, colRel).toStdString(), "p/p0: " + why);
        const auto y = cellNumber(*iso, r, colAmount, &why);
        if (!y) return fail(file, cellLocation(*iso, r, colAmount).toStdString(), "amount adsorbed: " + why);
        if (colP0 >= 0)
            if (const auto p0 = cellNumber(*iso, r, colP0)) p0s.push_back(*p0);
        IsothermAssembler::Point pt;
        pt.pressure = *x;
        pt.amount = *y;
        pt.branch = branch;
        pt.location = cellLocation(*iso, r);
        points.push_back(pt);
    }
    // Without the separator the branches are told at the highest pressure.
    for (IsothermAssembler::Point& pt : points) {
        if (!separator) pt.branch = -1;
        as.add(pt);
    }
    if (!p0s.empty()) {
        double sum = 0;
        for (double v : p0s)
            sum += v;
        meta.insert("p0_mean", sum / double(p0s.size()));
        meta.insert("p0_unit", p0Unit);
    }

    // Summary sheet: "Label | value | (unit)" rows; the vendor's BET block below a "BET" heading.
    QString sample;
    if (const auto* sum = sheetNamed(sheets, "summary")) {
        QJsonObject vendor;
        QString section;
        for (int r = 0; r < sum->rowCount; ++r) {
            const QString label = norm(sum->text(r, 0));
            if (label.isEmpty()) continue;
            const QString value = sum->text(r, 1).trimmed();
            if (value.isEmpty() && !sum->cell(r, 2)) {
                section = label;
                continue;
            }
            const auto number = IsothermAssembler::leadingNumber(value, true);
            if (label == "sample" && !value.isEmpty()) {
                sample = value;
                meta.insert("sample_name", value);
            } else if (label == "charge name" && !value.isEmpty()) {
                meta.insert("material", value);
            } else if (label == "adsorbate" || label == "adsorptive") {
                meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(value));
                meta.insert("adsorptive_raw", value);
            } else if (label == "sample weight" || label == "sample mass") {
                const QString unit = IsothermAssembler::unitInParentheses(value);
                const auto g = IsothermAssembler::gramsPerUnit(unit.isEmpty() ? sum->text(r, 2) : unit);
                meta.insert("sample_mass_raw", value);
                if (number && g && *number > 0) as.setSampleMassG(*number * *g);
            } else if (label == "started time") {
                const QString iso8601 =
                    IsothermAssembler::isoDate(value, {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"});
                meta.insert("date", iso8601.isEmpty() ? value : iso8601);
            } else if (label.contains("temperature") && number) {
                if (const auto k = IsothermAssembler::kelvin(
                        *number, IsothermAssembler::unitInParentheses(sum->text(r, 2)).isEmpty()
                                     ? sum->text(r, 2)
                                     : IsothermAssembler::unitInParentheses(sum->text(r, 2))))
                    meta.insert("temperature_k", *k);
            } else if (section == "bet" && number) {
                if (label == "bet surface area:")
                    vendor.insert("area_m2_g", *number);
                else if (label == "c:")
                    vendor.insert("c_constant", *number);
                else if (label == "vm:") {
                    vendor.insert("monolayer", *number);
                    vendor.insert("monolayer_unit", sum->text(r, 2).trimmed());
                } else if (label == "correlation coefficient:")
                    vendor.insert("correlation_coefficient", *number);
            }
        }
        if (!vendor.isEmpty()) meta.insert("vendor_bet", vendor);
    }
    if (!meta.contains("temperature_k"))
        as.warn(QStringLiteral("The workbook does not state the analysis temperature."));
    auto ds = as.finish(!sample.isEmpty() ? sample : QFileInfo(fileName).completeBaseName());
    if (!ds) return std::unexpected(ds.error());
    return std::optional<ImportedDataset>(std::move(*ds));
}

Expected<std::optional<ImportedDataset>> readTgaTable(const Sheets& sheets, const QString& fileName,
                                                      const QString& sourceFormat)
{
    using namespace tgaimport;
    const std::string file = fileName.toStdString();
    QJsonObject meta;
    QString sample;
    // Key/value cells anywhere before a table (TRIOS "Details" sheet, UA header rows).
    for (const auto& s : sheets)
        for (int r = 0; r < std::min(s.rowCount, 60); ++r) {
            const QString key = norm(s.text(r, 0)).remove(':');
            const QString value = s.text(r, 1).trimmed();
            if (value.isEmpty()) continue;
            if ((key == "sample name" || key == "sample") && sample.isEmpty()) sample = value;
            if (key == "size" || key == "sample mass" || key == "sample weight" || key == "initial mass") {
                const auto v = IsothermAssembler::leadingNumber(value);
                QString unit = s.text(r, 2).trimmed();
                if (unit.isEmpty()) unit = value.section(' ', 1).trimmed();
                if (unit.isEmpty()) unit = IsothermAssembler::unitInParentheses(s.text(r, 0));
                if (const auto f = mgPer(unit); v && f && *v > 0) meta.insert("sample_mass_mg", *v * *f);
            }
            if (key == "instrument name" || key == "instrument") meta.insert("instrument", value);
        }

    for (const auto& s : sheets) {
        for (int r = 0; r < std::min(s.rowCount, 40); ++r) {
            struct Col {
                int col;
                TgaRole role;
                double factor = 1.0, offset = 0.0;
                QString name, unit;
            };
            std::vector<Col> cols;
            bool hasTemp = false, hasMass = false;
            // Units in the row below when it is text in every named column.
            auto unitBelow = [&](int c) {
                const XlsCell* u = s.cell(r + 1, c);
                return u && u->isText ? u->text.trimmed() : QString();
            };
            bool unitRow = false;
            for (int c = 0; c < std::min(s.colCount, 256); ++c) {
                const XlsCell* cell = s.cell(r, c);
                if (!cell || !cell->isText) continue;
                auto [name, unit] = tgaimport::splitNameUnit(cell->text, QChar(0));
                const QString n = norm(name);
                if (unit.isEmpty()) {
                    unit = unitBelow(c);
                    if (!unit.isEmpty()) unitRow = true;
                }
                Col col{c, TgaRole::Extra, 1.0, 0.0, name, unit};
                if (n == "time" || n == "step time") {
                    const auto f = minutesPer(unit);
                    if (!f) continue;
                    col.role = TgaRole::Time;
                    col.factor = *f;
                } else if (n == "temperature" || n == "sample temperature" || n == "temp.") {
                    const auto o = celsiusOffset(unit);
                    if (!o)
                        return fail(file, cellLocation(s, r, c).toStdString(),
                                    "unknown temperature unit '" + unit.toStdString() + "'");
                    col.role = TgaRole::Temperature;
                    col.offset = *o;
                    hasTemp = true;
                } else if (n == "weight" || n == "mass") {
                    if (unit.trimmed() == "%") {
                        col.role = TgaRole::MassPct;
                    } else if (const auto f = mgPer(unit)) {
                        col.role = TgaRole::MassMg;
                        col.factor = *f;
                    } else {
                        return fail(file, cellLocation(s, r, c).toStdString(),
                                    "unknown mass unit '" + unit.toStdString() + "'");
                    }
                    hasMass = true;
                } else {
                    continue; // derivatives, gas flows: not read
                }
                // One column per role (TRIOS repeats "Weight" in mg and %, both kept).
                bool dup = false;
                for (const Col& other : cols)
                    dup |= other.role == col.role;
                if (!dup) cols.push_back(col);
            }
            if (!hasTemp || !hasMass) continue;
            TgaTable table;
            std::vector<std::vector<double>> values(cols.size());
            const int first = r + (unitRow ? 2 : 1);
            int rows = 0;
            for (int k = first; k < s.rowCount; ++k) {
                bool any = false;
                for (const Col& c : cols)
                    any |= s.cell(k, c.col) != nullptr;
                if (!any) {
                    bool more = false;
                    for (int j = k + 1; j < s.rowCount && !more; ++j)
                        for (const Col& c : cols)
                            more |= s.cell(j, c.col) != nullptr;
                    if (!more) break;
                    return fail(
                        file, cellLocation(s, k).toStdString(),
                        "an empty row inside the table (rows follow it); the sheet is damaged or holds "
                        "two tables");
                }
                for (size_t j = 0; j < cols.size(); ++j) {
                    std::string why;
                    const auto v = cellNumber(s, k, cols[j].col, &why);
                    if (!v)
                        return fail(file, cellLocation(s, k, cols[j].col).toStdString(),
                                    cols[j].name.toStdString() + ": " + why);
                    values[j].push_back(*v * cols[j].factor + cols[j].offset);
                }
                ++rows;
            }
            if (rows == 0)
                return fail(file, cellLocation(s, r).toStdString(),
                            "the table has a header but no rows of numbers");
            for (size_t j = 0; j < cols.size(); ++j)
                assignTgaColumn(table, cols[j].role, cols[j].name, cols[j].unit, std::move(values[j]));
            meta.insert("sheet", s.name);
            meta.insert("source_format", sourceFormat);
            auto ds = makeTgaDataset(file, sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample,
                                     std::move(table), meta);
            if (!ds) return std::unexpected(ds.error());
            return std::optional<ImportedDataset>(std::move(*ds));
        }
    }
    return std::optional<ImportedDataset>();
}

} // namespace vanadis::workbook
