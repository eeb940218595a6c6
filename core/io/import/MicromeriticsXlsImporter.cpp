#include "io/import/MicromeriticsXlsImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextNumbers.h"
#include "io/import/WorkbookReaders.h"
#include "io/import/XlsWorkbook.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace vanadis {

namespace {

using Sheet = XlsWorkbook::Sheet;

QString clean(const QString& s)
{
    return s.simplified();
}

bool isSeparator(const XlsCell* c)
{
    return c && c->isText && c->text.trimmed() == "|";
}

/// A label cell's key: "Analysis Bath Temp.:" → "analysis bath temp.".
QString labelKey(const QString& text)
{
    QString k = clean(text).toLower();
    while (k.endsWith(':'))
        k.chop(1);
    return k;
}

/// Decimal comma or point for the whole workbook, from numbers in the header texts whose reading is
/// unambiguous ("0,0908 g", "1.589,6174", "194.7493").
bool detectDecimalComma(const Sheet& sheet)
{
    static const QRegularExpression num(QStringLiteral("\\d[\\d.,]*\\d"));
    int comma = 0, point = 0;
    for (const XlsCell& c : sheet.cells) {
        // Values of "Label:" cells only: instrument versions ("3Flex Version 5.02") and dates
        // ("14.04.2021") follow no locale.
        if (!c.isText || c.col == 0) continue;
        const XlsCell* left = sheet.cell(c.row, c.col - 1);
        if (!left || !left->isText || !left->text.trimmed().endsWith(':')) continue;
        for (auto it = num.globalMatch(c.text); it.hasNext();) {
            const QString t = it.next().captured();
            const qsizetype dots = t.count('.'), commas = t.count(',');
            if (dots && commas)
                (t.lastIndexOf(',') > t.lastIndexOf('.') ? comma : point)++;
            else if (commas == 1 && t.size() - t.lastIndexOf(',') - 1 != 3)
                ++comma;
            else if (dots == 1 && t.size() - t.lastIndexOf('.') - 1 != 3)
                ++point;
        }
    }
    return comma > point;
}

/// NonFinite: a numeric cell holding NaN or ±inf, or a text cell "NaN", "inf", "-Infinity": a value of the
/// table that cannot be used, never the end of the table.
enum class Kind { Missing, Number, NonFinite, Text };

/// A table value: numeric cells, or text cells holding one number in the workbook's locale.
Kind value(const XlsCell* c, bool decimalComma, double& out)
{
    if (!c) return Kind::Missing;
    if (!c->isText) {
        out = c->number;
        return std::isfinite(out) ? Kind::Number : Kind::NonFinite;
    }
    const QString t = c->text.trimmed();
    if (t.isEmpty() || t == "|") return Kind::Missing;
    if (double v; textnum::classify(t, decimalComma, v) == textnum::CellKind::NonFinite)
        return Kind::NonFinite;
    static const QRegularExpression numeric(QStringLiteral("^[-+\\x{2212}]?[\\d.,]+([eE][-+]?\\d+)?$"));
    if (!numeric.match(t).hasMatch()) return Kind::Text;
    const auto v = IsothermAssembler::leadingNumber(t, decimalComma);
    if (!v) return Kind::Text;
    out = *v;
    return Kind::Number;
}

struct Table {
    int sheet = -1;
    int row = -1; ///< header row
    int cRel = -1, cAbs = -1, cQty = -1, cSat = -1;
    QString relTitle, absTitle, qtyTitle, satTitle;
};

/// The isotherm columns of a header row starting at \a col (up to the block's "|" separator).
Table headerAt(const Sheet& s, int sheetIndex, int row, int col)
{
    Table t;
    t.sheet = sheetIndex;
    t.row = row;
    for (int c = col; c < col + 12; ++c) {
        const XlsCell* cell = s.cell(row, c);
        if (!cell || !cell->isText || isSeparator(cell)) break;
        const QString title = clean(cell->text);
        const QString lower = title.toLower();
        if (lower.startsWith("relative pressure") && t.cRel < 0) {
            t.cRel = c;
            t.relTitle = title;
        } else if (lower.startsWith("absolute pressure") && t.cAbs < 0) {
            t.cAbs = c;
            t.absTitle = title;
        } else if (lower.startsWith("quantity adsorbed") && t.cQty < 0) {
            t.cQty = c;
            t.qtyTitle = title;
        } else if (lower.startsWith("saturation pressure") && t.cSat < 0) {
            t.cSat = c;
            t.satTitle = title;
        }
    }
    return t;
}

bool usable(const Table& t)
{
    return t.cQty >= 0 && (t.cRel >= 0 || (t.cAbs >= 0 && t.cSat >= 0));
}

/// The "Isotherm Tabular Report" block: below its title, or (older layouts) any header row with the
/// tabular columns including a saturation or absolute pressure (which the BET and plot tables lack).
std::optional<Table> findTable(const XlsWorkbook& wb)
{
    for (int s = 0; s < int(wb.sheets().size()); ++s) {
        const Sheet& sheet = wb.sheets()[size_t(s)];
        for (const XlsCell& c : sheet.cells) {
            if (!c.isText || clean(c.text).compare("Isotherm Tabular Report", Qt::CaseInsensitive) != 0)
                continue;
            for (int r = c.row + 1; r <= c.row + 6; ++r) {
                const Table t = headerAt(sheet, s, r, c.col);
                if (usable(t)) return t;
            }
        }
    }
    for (int s = 0; s < int(wb.sheets().size()); ++s) {
        const Sheet& sheet = wb.sheets()[size_t(s)];
        for (const XlsCell& c : sheet.cells) {
            if (!c.isText) continue;
            const QString lower = clean(c.text).toLower();
            if (!lower.startsWith("relative pressure") && !lower.startsWith("absolute pressure")) continue;
            if (c.col > 0 && sheet.cell(c.row, c.col - 1) && !isSeparator(sheet.cell(c.row, c.col - 1)))
                continue;
            const Table t = headerAt(sheet, s, c.row, c.col);
            if (usable(t) && (t.cSat >= 0 || t.cAbs >= 0)) return t;
        }
    }
    return std::nullopt;
}

QString where(const Sheet& s, int row)
{
    return QStringLiteral("sheet '%1', row %2").arg(s.name).arg(row + 1);
}

/// "A", "B", …, "Z", "AA": the column as a spreadsheet shows it.
QString columnLetters(int col)
{
    QString s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.prepend(QChar('A' + (c - 1) % 26));
    return s;
}

/// "sheet 'Isotherm', row 31, column C".
std::string cellAt(const Sheet& s, int row, int col)
{
    return (where(s, row) + QStringLiteral(", column %1").arg(columnLetters(col))).toStdString();
}

/// Shown in messages: the text of a text cell, or the number.
std::string shown(const XlsCell* c)
{
    if (!c) return "''";
    return c->isText || c->isError ? textnum::quoteCell(c->text)
                                   : "'" + QString::number(c->number, 'g', 15).toStdString() + "'";
}

/// Header fields: the first occurrence of each "Label:" and the cell right of it.
QHash<QString, QString> headerFields(const Sheet& s, int beforeRow, int& labelCol, int& sampleRow)
{
    QHash<QString, QString> out;
    labelCol = 0;
    sampleRow = -1;
    for (const XlsCell& c : s.cells) {
        if (c.row >= beforeRow) break;
        if (!c.isText) continue;
        const QString text = clean(c.text);
        if (text.startsWith("Comments:", Qt::CaseInsensitive) && !out.contains("comments")) {
            const QString rest = text.mid(9).trimmed();
            out.insert("comments", rest.isEmpty() ? clean(s.text(c.row, c.col + 1)) : rest);
            continue;
        }
        if (!text.endsWith(':')) continue;
        const QString key = labelKey(text);
        if (out.contains(key)) continue;
        const XlsCell* v = s.cell(c.row, c.col + 1);
        out.insert(key, v && !isSeparator(v) ? clean(s.text(c.row, c.col + 1)) : QString());
        if (key == "sample" && sampleRow < 0) {
            sampleRow = c.row;
            labelCol = c.col;
        }
    }
    return out;
}

/// Number and unit of a header value: "77.300 K" → (77.3, "K"), "0,0908 g" → (0.0908, "g").
std::optional<std::pair<double, QString>> numberUnit(const QString& text, bool decimalComma)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([-+\\x{2212}]?[\\d.,]+(?:[eE][-+]?\\d+)?)\\s*(.*)$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const auto v = IsothermAssembler::leadingNumber(m.captured(1), decimalComma);
    if (!v) return std::nullopt;
    return std::pair{*v, m.captured(2).trimmed()};
}

/// The vendor's BET report: "BET surface area: 194.7493 ± 0.5313 m²/g", the fit lines below it and the
/// table of points used; or only the summary line "BET Surface Area: 194.7493 m²/g".
QJsonObject vendorBet(const XlsWorkbook& wb, bool decimalComma)
{
    static const QRegularExpression label(QStringLiteral("^bet surface area:?$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const XlsCell* summary = nullptr;
    const Sheet* summarySheet = nullptr;
    for (const Sheet& s : wb.sheets()) {
        for (const XlsCell& c : s.cells) {
            if (!c.isText || !label.match(clean(c.text)).hasMatch()) continue;
            const QString v = s.text(c.row, c.col + 1);
            if (!v.contains(QChar(0x00B1))) { // ±
                if (!summary) {
                    summary = &c;
                    summarySheet = &s;
                }
                continue;
            }
            QJsonObject out;
            const QStringList parts = v.split(QChar(0x00B1));
            const auto area = IsothermAssembler::leadingNumber(parts.value(0), decimalComma);
            const auto err = IsothermAssembler::leadingNumber(parts.value(1), decimalComma);
            if (!area) continue;
            out.insert("area_m2_g", *area);
            if (err) out.insert("area_err", *err);
            for (int r = c.row + 1; r <= c.row + 12; ++r) {
                const QString key = labelKey(s.text(r, c.col));
                const QString val = s.text(r, c.col + 1);
                const auto nu = numberUnit(val, decimalComma);
                if (!nu) continue;
                if (key == "c")
                    out.insert("c_constant", nu->first);
                else if (key == "qm") {
                    out.insert("monolayer", nu->first);
                    out.insert("monolayer_unit", nu->second);
                } else if (key == "correlation coefficient")
                    out.insert("correlation_coefficient", nu->first);
                else if (key == "molecular cross-sectional area" && nu->second.startsWith("nm"))
                    out.insert("cross_section_nm2", nu->first);
            }
            for (int r = c.row + 1; r <= c.row + 25; ++r) {
                if (!clean(s.text(r, c.col)).startsWith("Relative Pressure", Qt::CaseInsensitive)) continue;
                std::vector<double> xs;
                for (int k = r + 1; k < s.rowCount; ++k) {
                    double x = 0;
                    if (value(s.cell(k, c.col), decimalComma, x) != Kind::Number) break;
                    xs.push_back(x);
                }
                if (!xs.empty()) {
                    out.insert("p_min", *std::min_element(xs.begin(), xs.end()));
                    out.insert("p_max", *std::max_element(xs.begin(), xs.end()));
                    out.insert("n_points", qint64(xs.size()));
                }
                break;
            }
            return out;
        }
    }
    if (summary) {
        const auto area = IsothermAssembler::leadingNumber(summarySheet->text(summary->row, summary->col + 1),
                                                           decimalComma);
        if (area) return QJsonObject{{"area_m2_g", *area}};
    }
    return {};
}

} // namespace

QString MicromeriticsXlsImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Micromeritics isotherm report (.xls)");
}

int MicromeriticsXlsImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!XlsWorkbook::looksLikeCompoundFile(head)) return 0;
    // Report strings sit in the workbook's string table, usually within the first 64 KiB.
    static const QByteArray utf16 = QByteArray("M\0i\0c\0r\0o\0m\0e\0r\0i\0t\0i\0c\0s", 25);
    static const QByteArray quantity = QByteArray("Q\0u\0a\0n\0t\0i\0t\0y\0 \0A\0d\0s\0o\0r\0b\0e\0d", 33);
    if (head.contains("Micromeritics") || head.contains(utf16) || head.contains("Quantity Adsorbed") ||
        head.contains(quantity))
        return 85;
    return QFileInfo(fileName).suffix().compare("xls", Qt::CaseInsensitive) == 0 ? 40 : 0;
}

Expected<std::vector<ImportedDataset>>
MicromeriticsXlsImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto wb = XlsWorkbook::read(bytes, fileName);
    if (!wb) return std::unexpected(wb.error());
    const auto table = findTable(*wb);
    if (!table) {
        // Any other .xls lands here by its suffix: a thermogravimetry export (TA Instruments) is read as
        // such rather than refused as a bad isotherm report.
        auto tga = workbook::readTgaTable(wb->sheets(), fileName, QStringLiteral("ta-excel"));
        if (!tga) return std::unexpected(tga.error());
        if (*tga) return std::vector<ImportedDataset>{std::move(**tga)};
        return fail(
            file, "",
            "neither a Micromeritics isotherm report ('Isotherm Tabular Report' with Relative Pressure "
            "and Quantity Adsorbed) nor a thermogravimetry table (Time, Temperature, Weight) was "
            "found in this workbook; export the report set including the isotherm table, or save the "
            "sheet with the data as CSV");
    }
    const Sheet& sheet = wb->sheets()[size_t(table->sheet)];
    const bool decimalComma = detectDecimalComma(sheet);
    const std::string headerLoc = where(sheet, table->row).toStdString();

    IsothermAssembler as(fileName, QStringLiteral("micromeritics-xls"));
    QJsonObject& meta = as.metadata();
    const QString qtyUnit = IsothermAssembler::unitInParentheses(table->qtyTitle);
    if (qtyUnit.isEmpty())
        return fail(file, headerLoc,
                    "the unit of 'Quantity Adsorbed' is not stated in its column title; choose the unit and "
                    "export again");
    const auto loading = IsothermAssembler::parseLoadingUnit(qtyUnit);
    if (!loading)
        return fail(file, headerLoc,
                    "'" + qtyUnit.toStdString() + "' is not an amount-per-mass unit Vanadis can convert");
    as.setLoadingUnit(*loading);
    meta.insert("loading_unit_original", qtyUnit);
    const bool relative = table->cRel >= 0;
    if (relative) {
        as.setRelativePressure();
    } else {
        as.setAbsolutePressure();
        const auto a =
            IsothermAssembler::pascalPerUnit(IsothermAssembler::unitInParentheses(table->absTitle));
        const auto b =
            IsothermAssembler::pascalPerUnit(IsothermAssembler::unitInParentheses(table->satTitle));
        if (!a || !b)
            return fail(file, headerLoc,
                        "the pressure unit of the absolute or saturation pressure column is not stated");
    }
    if (table->cAbs >= 0) meta.insert("pressure_unit", IsothermAssembler::unitInParentheses(table->absTitle));
    if (table->cSat >= 0) meta.insert("p0_unit", IsothermAssembler::unitInParentheses(table->satTitle));
    const double fAbs =
        relative ? 1.0
                 : IsothermAssembler::pascalPerUnit(IsothermAssembler::unitInParentheses(table->absTitle))
                       .value_or(1.0);
    const double fSat =
        relative ? 1.0
                 : IsothermAssembler::pascalPerUnit(IsothermAssembler::unitInParentheses(table->satTitle))
                       .value_or(1.0);

    const int cP = relative ? table->cRel : table->cAbs;
    double p0Sum = 0;
    int p0Count = 0;
    for (int r = table->row + 1; r < sheet.rowCount; ++r) {
        double p = 0, q = 0, p0 = 0;
        const Kind kp = value(sheet.cell(r, cP), decimalComma, p);
        const Kind kq = value(sheet.cell(r, table->cQty), decimalComma, q);
        if (kp == Kind::NonFinite || kq == Kind::NonFinite) {
            const int c = kp == Kind::NonFinite ? cP : table->cQty;
            return fail(file, cellAt(sheet, r, c),
                        shown(sheet.cell(r, c)) +
                            " is not a finite number (NaN or infinity) in the isotherm table; the "
                            "point cannot be used — correct or delete the row and export again");
        }
        if (kp == Kind::Text || kq == Kind::Text) {
            // The next report below the table starts with a title. Text followed by another row of numbers
            // is a damaged cell inside the table, never the end of it.
            double a = 0, b = 0;
            if (r + 1 < sheet.rowCount && value(sheet.cell(r + 1, cP), decimalComma, a) == Kind::Number &&
                value(sheet.cell(r + 1, table->cQty), decimalComma, b) == Kind::Number) {
                const int c = kp == Kind::Text ? cP : table->cQty;
                return fail(
                    file, cellAt(sheet, r, c),
                    shown(sheet.cell(r, c)) +
                        " is not a number, and the isotherm table continues below it (damaged table)");
            }
            break;
        }
        if (kp == Kind::Missing && kq == Kind::Missing) continue; // e.g. the initial p0 row
        const std::string loc = where(sheet, r).toStdString();
        if (kp == Kind::Missing || kq == Kind::Missing)
            return fail(file, loc,
                        std::string("this row has ") +
                            (kp == Kind::Missing ? "a quantity but no pressure"
                                                 : "a pressure but no quantity adsorbed") +
                            " (damaged table)");
        IsothermAssembler::Point pt;
        pt.location = where(sheet, r);
        pt.amount = q;
        const Kind ks =
            table->cSat >= 0 ? value(sheet.cell(r, table->cSat), decimalComma, p0) : Kind::Missing;
        if (ks == Kind::Number) {
            p0Sum += p0;
            ++p0Count;
        } else if (ks == Kind::NonFinite && relative) {
            as.warn(QStringLiteral(
                        "The saturation pressure at %1 is not a finite number; it is left out of p0_mean.")
                        .arg(QString::fromStdString(cellAt(sheet, r, table->cSat))));
        }
        if (relative) {
            pt.pressure = p;
        } else {
            if (ks == Kind::NonFinite)
                return fail(file, cellAt(sheet, r, table->cSat),
                            shown(sheet.cell(r, table->cSat)) +
                                " is not a finite number, so p/p0 cannot be computed");
            if (ks != Kind::Number)
                return fail(file, loc, "this row has no saturation pressure, so p/p0 cannot be computed");
            pt.pressure = p * fAbs;
            pt.p0 = p0 * fSat;
        }
        as.add(pt);
    }
    if (p0Count) meta.insert("p0_mean", p0Sum / p0Count);

    // Header.
    int labelCol = 0, sampleRow = -1;
    const QHash<QString, QString> f = headerFields(sheet, table->row, labelCol, sampleRow);
    const QString sample = f.value("sample");
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    if (const QString v = f.value("operator"); !v.isEmpty()) meta.insert("operator", v);
    if (const QString v = f.value("submitter"); !v.isEmpty()) meta.insert("submitter", v);
    if (const QString v = f.value("file"); !v.isEmpty()) meta.insert("instrument_file", v);
    // Dates follow the PC's locale: "6/17/2017 12:27:21 PM", "17/06/2019 15:59:45", "14.04.2021 09:20:40",
    // "2021/12/16 下午 06:50:16". Day-first or month-first is decided from all dates of the report, so
    // that "06/09/2019" is read like its neighbour "17/06/2019".
    static const QRegularExpression slashDate(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/\\d{4}"));
    bool dayFirst = false;
    for (const char* k : {"started", "completed", "report time"})
        if (const auto m = slashDate.match(f.value(k)); m.hasMatch() && m.captured(1).toInt() > 12)
            dayFirst = true;
    const QStringList monthFirst{"M/d/yyyy h:mm:ss AP", "M/d/yyyy H:mm:ss"};
    const QStringList dayFirstFormats{"d/M/yyyy H:mm:ss", "d/M/yyyy h:mm:ss AP"};
    QStringList dateFormats = dayFirst ? dayFirstFormats + monthFirst : monthFirst + dayFirstFormats;
    dateFormats << "d.M.yyyy H:mm:ss"
                << "yyyy-MM-dd H:mm:ss"
                << "yyyy/MM/dd H:mm:ss"
                << "yyyy/MM/dd AP h:mm:ss";
    auto putDate = [&](const char* key, QString raw) {
        if (raw.isEmpty()) return;
        const QString iso = IsothermAssembler::isoDate(
            QString(raw).replace(QStringLiteral("上午"), "AM").replace(QStringLiteral("下午"), "PM"),
            dateFormats);
        meta.insert(QLatin1String(key), iso.isEmpty() ? raw : iso);
    };
    putDate("date", f.value("started"));
    putDate("date_completed", f.value("completed"));
    if (const QString v = f.value("analysis adsorptive"); !v.isEmpty()) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(v));
        meta.insert("adsorptive_raw", v);
    }
    if (const QString v = f.value("analysis bath temp."); !v.isEmpty()) {
        const auto nu = numberUnit(v, decimalComma);
        const auto k = nu ? IsothermAssembler::kelvin(nu->first, nu->second) : std::nullopt;
        if (k)
            meta.insert("temperature_k", *k);
        else
            meta.insert("temperature_raw", v);
    }
    if (const QString v = f.value("sample mass"); !v.isEmpty()) {
        const auto nu = numberUnit(v, decimalComma);
        const auto g = nu ? IsothermAssembler::gramsPerUnit(nu->second) : std::nullopt;
        if (g)
            as.setSampleMassG(nu->first * *g);
        else
            meta.insert("sample_mass_raw", v);
    }
    const QString comments = f.value("comments");
    if (!comments.isEmpty()) meta.insert("comment", comments);
    if (const QString v = f.value("automatic degas"); !v.isEmpty()) meta.insert("automatic_degas", v);
    if (comments.contains("degas", Qt::CaseInsensitive) || comments.contains("activ", Qt::CaseInsensitive))
        meta.insert("degas_conditions", comments);
    if (sampleRow >= 0) {
        QStringList details;
        for (int r = 1; r <= 2; ++r)
            for (int c = labelCol + (r == 1 ? 1 : 0); c < labelCol + 4; ++c) {
                const QString t = clean(sheet.text(r, c));
                if (!t.isEmpty() && t != "|" && !t.startsWith("Page")) details << t;
            }
        if (const QString inst = clean(sheet.text(1, labelCol)); !inst.isEmpty())
            meta.insert("instrument", inst);
        if (!details.isEmpty()) meta.insert("instrument_details", details.join("; "));
    }
    meta.insert("decimal_comma", decimalComma);
    if (const QJsonObject bet = vendorBet(*wb, decimalComma); !bet.isEmpty()) meta.insert("vendor_bet", bet);

    auto ds = as.finish(!sample.isEmpty() ? sample : QFileInfo(fileName).completeBaseName());
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
