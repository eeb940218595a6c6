#include "io/import/BelsorpImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XlsWorkbook.h"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <map>

namespace vanadis {

namespace {

/// UTF-8 when valid; Shift-JIS when the bytes decode cleanly to Japanese (BELSORP-max in Japanese);
/// otherwise Latin-1 (French/German comments in Western exports).
Expected<QString> decodeBel(const QByteArray& bytes, const QString& fileName)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) return decodeText(bytes, fileName);
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return fail(fileName.toStdString(), "byte " + std::to_string(nul),
                    "this is a binary file, not a BELSORP text export");
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (!utf8.hasError()) return text;
    QStringDecoder sjis("Shift_JIS");
    if (sjis.isValid()) {
        text = sjis(bytes);
        static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30FF}\\x{4E00}-\\x{9FFF}]"));
        if (!sjis.hasError() && japanese.match(text).hasMatch()) return text;
    }
    return decodeText(bytes, fileName);
}

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2);
    return s.trimmed();
}

/// Full-width letters, digits and punctuation of Japanese exports folded to ASCII, lower case,
/// without the trailing colon: "試料重量／g：" → "試料重量/g".
QString foldKey(const QString& key)
{
    QString k = unquote(key).normalized(QString::NormalizationForm_KC).toLower().trimmed();
    while (k.endsWith(':'))
        k.chop(1);
    return k.trimmed();
}

/// "Pe/kPa" → {"pe", "kPa"}; "V/ml(STP) g-1" → {"v", "ml(STP) g-1"}; "p/p0" → {"p/p0", ""}.
std::pair<QString, QString> nameUnit(const QString& cell)
{
    const QString c = unquote(cell).normalized(QString::NormalizationForm_KC);
    const QString lower = c.toLower().remove(' ');
    if (lower == "p/p0" || lower == "p/po") return {QStringLiteral("p/p0"), QString()};
    const qsizetype slash = c.indexOf('/');
    if (slash < 0) return {c.toLower().trimmed(), QString()};
    return {c.left(slash).toLower().trimmed(), c.mid(slash + 1).trimmed()};
}

bool isInteger(const QString& s)
{
    bool ok = false;
    unquote(s).toInt(&ok);
    return ok;
}

/// Columns of a BEL table header and the isotherm built from its rows.
struct Columns {
    int pe = -1, p0 = -1, rel = -1, amount = -1;
    QString peUnit, p0Unit, amountUnit;
    int count = 0;
};

Columns columns(const QStringList& cells)
{
    Columns c;
    c.count = int(cells.size());
    for (int i = 0; i < int(cells.size()); ++i) {
        const auto [name, unit] = nameUnit(cells[i]);
        if (name == "p/p0")
            c.rel = i;
        else if ((name == "pe" || name == "p") && c.pe < 0) {
            c.pe = i;
            c.peUnit = unit;
        } else if (name == "p0" || name == "ps") {
            c.p0 = i;
            c.p0Unit = unit;
        } else if ((name == "v" || name == "va" || name == "n" || name == "na") && c.amount < 0) {
            c.amount = i;
            c.amountUnit = unit;
        }
    }
    return c;
}

/// Configures \a as from the header; an Error names what is missing.
Expected<void> configure(IsothermAssembler& as, const Columns& c, bool preferRelative,
                         const std::string& file, const std::string& loc)
{
    if (c.amount < 0) return fail(file, loc, "the table has no amount-adsorbed column (V or Va)");
    if (c.amountUnit.isEmpty())
        return fail(file, loc,
                    "the unit of the amount adsorbed is not stated in the table header; choose the unit and "
                    "export again");
    const auto loading = IsothermAssembler::parseLoadingUnit(c.amountUnit);
    if (!loading)
        return fail(file, loc,
                    "'" + c.amountUnit.toStdString() +
                        "' is not an amount-per-mass unit Vanadis can convert");
    as.setLoadingUnit(*loading);
    as.metadata().insert("loading_unit_original", c.amountUnit);
    if (!c.p0Unit.isEmpty()) as.metadata().insert("p0_unit", c.p0Unit);
    if (!c.peUnit.isEmpty()) as.metadata().insert("pressure_unit", c.peUnit);
    if (c.rel >= 0 && (preferRelative || c.pe < 0 || c.p0 < 0)) {
        as.setRelativePressure();
        return {};
    }
    if (c.pe < 0 || c.p0 < 0) return fail(file, loc, "the table needs the columns Pe and P0 (or p/p0)");
    const auto a = IsothermAssembler::pascalPerUnit(c.peUnit), b = IsothermAssembler::pascalPerUnit(c.p0Unit);
    if (!a || !b)
        return fail(file, loc,
                    "the pressure unit of Pe or P0 is not stated or unknown; choose it and export again");
    as.setAbsolutePressure();
    return {};
}

Expected<void> addRow(IsothermAssembler& as, const Columns& c, const QStringList& cells, int branch,
                      bool relative, const std::string& file, const QString& location)
{
    const std::string loc = location.toStdString();
    if (cells.size() != c.count)
        return fail(file, loc,
                    "expected " + std::to_string(c.count) + " values in this row, found " +
                        std::to_string(cells.size()) + " (truncated or damaged row)");
    std::vector<double> v(size_t(cells.size()));
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString cell = unquote(cells[i]);
        const auto value = textnum::parseFinite(cell);
        if (!value)
            return fail(file, loc + ", column " + std::to_string(i + 1),
                        textnum::notANumberReason(cell, false) + ": the file is damaged");
        v[size_t(i)] = *value;
    }
    IsothermAssembler::Point p;
    p.branch = branch;
    p.location = location;
    p.amount = v[size_t(c.amount)];
    if (relative) {
        p.pressure = v[size_t(c.rel)];
    } else {
        p.pressure = v[size_t(c.pe)] * *IsothermAssembler::pascalPerUnit(c.peUnit);
        p.p0 = v[size_t(c.p0)] * *IsothermAssembler::pascalPerUnit(c.p0Unit);
    }
    as.add(p);
    return {};
}

/// Metadata common to both layouts, from folded keys.
void applyKey(IsothermAssembler& as, const QString& key, const QString& value, const QString& unitHint)
{
    QJsonObject& meta = as.metadata();
    const QString v = unquote(value);
    const qsizetype slash = key.lastIndexOf('/');
    const QString unit = !unitHint.isEmpty()
                             ? unitHint
                             : (slash >= 0 && !key.contains("s/n") ? key.mid(slash + 1) : QString());
    auto num = [&]() { return IsothermAssembler::leadingNumber(v); };
    if (key.startsWith("adsorptive") && !key.contains("cross") && !key.contains("weight")) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(v));
        meta.insert("adsorptive_raw", v);
    } else if (key.startsWith("吸着質名")) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(v));
        meta.insert("adsorptive_raw", v);
    } else if (key.startsWith("meas. temp") || key.startsWith("adsorption temperature") ||
               key.startsWith("吸着温度")) {
        const auto t = num();
        const auto k = t ? IsothermAssembler::kelvin(*t, unit) : std::nullopt;
        if (k)
            meta.insert("temperature_k", *k);
        else
            meta.insert("temperature_raw", v + " " + unit);
    } else if (key.startsWith("sample weight") || key.startsWith("sample mass") ||
               key.startsWith("試料重量")) {
        const auto m = num();
        const auto g = IsothermAssembler::gramsPerUnit(unit);
        if (m && g)
            as.setSampleMassG(*m * *g);
        else
            meta.insert("sample_mass_raw", v + " " + unit);
    } else if (key.contains("s/n") || key == "serial number") {
        meta.insert("instrument_serial", v);
    } else if (key.startsWith("comment") || key.startsWith("コメント")) {
        const QString n = key.right(1);
        if (!v.isEmpty()) meta.insert("comment" + n, v);
        if (n == "1" && !v.isEmpty()) meta.insert("sample_name", v);
        if (n == "2" && !v.isEmpty()) meta.insert("operator", v);
        if (n == "3" && !v.isEmpty()) meta.insert("degas_conditions", v);
    } else if (key.startsWith("date of measurement") || key.startsWith("analysis date") ||
               key.startsWith("測定開始日")) {
        const QString iso =
            IsothermAssembler::isoDate(v, {"yy/MM/dd", "yy.MM.dd", "yyyy/MM/dd", "yyyy-MM-dd"});
        meta.insert("date", iso.isEmpty() ? v : iso);
        meta.insert("date_raw", v);
    } else if (key.startsWith("time of measurement") || key.startsWith("測定時間")) {
        meta.insert("measurement_duration", v);
    } else if ((key.contains("cross") && key.contains("section")) || key.startsWith("吸着断面積")) {
        if (const auto a = num(); a && *a > 0) meta.insert("cross_section_nm2", *a);
    } else if (key.startsWith("saturat")) {
        if (const auto p = num()) {
            meta.insert("p0", *p);
            meta.insert("p0_unit", unit);
        }
    } else if (key == "file name" || key == "data file") {
        meta.insert("instrument_file", v);
    }
}

Expected<ImportedDataset> readDat(const QString& text, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    QStringList lines = text.split('\n');
    for (QString& l : lines)
        if (l.endsWith('\r')) l.chop(1);
    static const QRegularExpression banner(QStringLiteral("^\\s*={4,}\\s*$"));
    IsothermAssembler as(fileName, QStringLiteral("belsorp-dat"));
    QString section, model;
    int tablesSeen = 0;
    std::optional<Columns> cols;
    int branch = -1;
    bool open = false, relative = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        const int lineNo = int(i) + 1;
        if (banner.match(line).hasMatch()) {
            if (i + 2 < lines.size() && banner.match(lines[i + 2]).hasMatch()) {
                section = lines[i + 1].normalized(QString::NormalizationForm_KC).trimmed();
                if (model.isEmpty() && section.contains("BELSORP", Qt::CaseInsensitive))
                    model =
                        section.mid(section.indexOf("BELSORP", 0, Qt::CaseInsensitive)).section(' ', 0, 0);
                i += 2;
            }
            open = false;
            continue;
        }
        if (line.trimmed().isEmpty()) continue;
        const QStringList cells = line.split('\t');
        if (unquote(cells.front()) == "No.") {
            const QString s = section.toLower();
            branch = s.contains("desorption") || s.contains(QStringLiteral("脱着"))   ? 1
                     : s.contains("adsorption") || s.contains(QStringLiteral("吸着")) ? 0
                                                                                      : tablesSeen;
            if (++tablesSeen > 2)
                return fail(file, "line " + std::to_string(lineNo), "more than two data tables in the file");
            const Columns c = columns(cells);
            if (!cols) {
                cols = c;
                relative = c.rel >= 0 && (c.pe < 0 || c.p0 < 0);
                if (auto ok = configure(as, c, false, file, "line " + std::to_string(lineNo)); !ok)
                    return std::unexpected(ok.error());
            } else if (c.count != cols->count || c.amountUnit != cols->amountUnit ||
                       c.peUnit != cols->peUnit) {
                return fail(file, "line " + std::to_string(lineNo),
                            "the desorption table has other columns than the adsorption table");
            }
            open = true;
            continue;
        }
        if (isInteger(cells.front())) {
            if (!open)
                return fail(file, "line " + std::to_string(lineNo),
                            "a data row outside the adsorption/desorption tables");
            // A row of zeros closes a table (written when a branch was not measured).
            bool zeros = true;
            for (const QString& c : cells) {
                const auto v = textnum::parseFinite(unquote(c));
                zeros = zeros && v && *v == 0.0;
            }
            if (zeros) {
                open = false;
                continue;
            }
            if (auto ok =
                    addRow(as, *cols, cells, branch, relative, file, QStringLiteral("line %1").arg(lineNo));
                !ok)
                return std::unexpected(ok.error());
            continue;
        }
        if (cells.front().trimmed().startsWith('"') && cells.size() >= 2) {
            applyKey(as, foldKey(cells.front()), cells.mid(1).join('\t'), {});
            continue;
        }
        if (open)
            return fail(file, "line " + std::to_string(lineNo),
                        "text inside a data table: the file is damaged");
    }
    if (!cols)
        return fail(file, "",
                    "no data table (\"No.\" \"Pe/kPa\" …) was found; this is not a BELSORP data file");
    QJsonObject& meta = as.metadata();
    const QString serial = meta.value("instrument_serial").toString();
    meta.insert("instrument", QStringLiteral("%1%2").arg(model.isEmpty() ? QStringLiteral("BELSORP") : model,
                                                         serial.isEmpty() ? QString() : " S/N " + serial));
    const QString name = meta.value("sample_name").toString();
    return as.finish(name.isEmpty() ? QFileInfo(fileName).completeBaseName() : name);
}

QStringList csvCells(const QString& line)
{
    QStringList cells = line.split(',');
    for (QString& c : cells)
        c = unquote(c);
    while (!cells.isEmpty() && cells.back().isEmpty())
        cells.removeLast();
    return cells;
}

/// One row of the BELMaster layout: the csv line, or a row of the AdsDes sheet of a BEL workbook.
struct Row {
    QStringList cells;
    QString location; ///< "line 12", "sheet 'AdsDes', row 12"
};

/// The BELMaster layout (csv and the AdsDes sheet of .xls): key,value,[unit] lines, a "No,…" header,
/// then rows after ADS and DES markers.
Expected<ImportedDataset> readTable(const std::vector<Row>& rows, const QString& fileName,
                                    const QString& format, const QJsonObject& vendorBet = {})
{
    const std::string file = fileName.toStdString();
    IsothermAssembler as(fileName, format);
    std::optional<Columns> cols;
    int branch = -1;
    bool relative = false;
    int stated[2] = {-1, -1}, found[2] = {0, 0};
    QString last;
    for (const Row& row : rows) {
        const QStringList& cells = row.cells;
        if (cells.isEmpty()) continue;
        last = row.location;
        const std::string loc = row.location.toStdString();
        const QString first = cells.front().trimmed();
        if (!cols && first.compare("No", Qt::CaseInsensitive) == 0) {
            const Columns c = columns(cells);
            if (auto ok = configure(as, c, true, file, loc); !ok) return std::unexpected(ok.error());
            relative = c.rel >= 0;
            cols = c;
            continue;
        }
        if (first == "ADS" || first == "DES") {
            if (!cols) return fail(file, loc, "ADS/DES marker before the table header");
            branch = first == "ADS" ? 0 : 1;
            continue;
        }
        if (cols) {
            if (branch < 0) return fail(file, loc, "a data row before the ADS marker");
            if (auto ok = addRow(as, *cols, cells, branch, relative, file, row.location); !ok)
                return std::unexpected(ok.error());
            ++found[branch];
            continue;
        }
        const QString key = foldKey(first);
        const QString value = cells.value(1);
        QString unit = cells.value(2);
        unit.remove('[').remove(']');
        if (key.startsWith("number of adsorption") || key.startsWith("adsorption data point"))
            stated[0] = value.toInt();
        else if (key.startsWith("number of desorption") || key.startsWith("desorption data point"))
            stated[1] = value.toInt();
        else
            applyKey(as, key, value, unit.trimmed());
    }
    if (!cols)
        return fail(file, "",
                    "no data table (a row starting with \"No\") was found; this is not a BELSORP export");
    for (int b = 0; b < 2; ++b)
        if (stated[b] >= 0 && stated[b] != found[b])
            return fail(file, last.toStdString(),
                        "the file states " + std::to_string(stated[b]) + (b ? " desorption" : " adsorption") +
                            " points but " + std::to_string(found[b]) + " were found (truncated file?)");
    QJsonObject& meta = as.metadata();
    const QString serial = meta.value("instrument_serial").toString();
    meta.insert("instrument", serial.isEmpty() ? QStringLiteral("BELSORP") : "BELSORP S/N " + serial);
    if (!vendorBet.isEmpty()) meta.insert("vendor_bet", vendorBet);
    const QString name = meta.value("sample_name").toString();
    return as.finish(name.isEmpty() ? QFileInfo(fileName).completeBaseName() : name);
}

Expected<ImportedDataset> readCsv(const QString& text, const QString& fileName)
{
    std::vector<Row> rows;
    const QStringList lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString l = lines[i];
        if (l.endsWith('\r')) l.chop(1);
        rows.push_back({csvCells(l), QStringLiteral("line %1").arg(i + 1)});
    }
    return readTable(rows, fileName, QStringLiteral("belsorp-csv"));
}

/// Text of a workbook cell as the csv export would print it; Excel dates and durations (stored as day
/// numbers) become "2017-09-06" and "151:47:47".
QString cellText(const XlsWorkbook::Sheet& s, int row, int col, const QString& key)
{
    const XlsCell* c = s.cell(row, col);
    if (!c) return {};
    if (c->isText) return c->text.trimmed();
    const QString k = key.toLower();
    if (k.startsWith("date") && c->number > 0 && c->number < 2958466)
        return QDate(1899, 12, 30).addDays(qint64(c->number)).toString(Qt::ISODate);
    if (k.startsWith("time of") && c->number >= 0 && c->number < 1e6) {
        const qint64 sec = qRound64(c->number * 86400.0);
        return QStringLiteral("%1:%2:%3")
            .arg(sec / 3600)
            .arg(sec / 60 % 60, 2, 10, QChar('0'))
            .arg(sec % 60, 2, 10, QChar('0'));
    }
    return QString::number(c->number, 'g', 15);
}

/// The vendor's BET result on the "BET" sheet: as,BET, C, Vm, and the start/end point numbers of the
/// BET plot table, turned into the p/p0 range.
QJsonObject belVendorBet(const XlsWorkbook& wb)
{
    const XlsWorkbook::Sheet* bet = nullptr;
    for (const auto& s : wb.sheets())
        if (s.name.trimmed().compare("BET", Qt::CaseInsensitive) == 0) bet = &s;
    if (!bet) return {};
    QJsonObject out;
    double start = -1, end = -1;
    std::map<int, double> table; // point number -> p/p0
    bool inTable = false;
    for (int r = 0; r < bet->rowCount; ++r) {
        const QString label = bet->text(r, 0).trimmed();
        const XlsCell* v = bet->cell(r, 3);
        const bool num = v && !v->isText;
        if (label.compare("No", Qt::CaseInsensitive) == 0 && bet->text(r, 1).trimmed() == "p/p0") {
            inTable = true;
            continue;
        }
        if (inTable) {
            const XlsCell* n = bet->cell(r, 0);
            const XlsCell* x = bet->cell(r, 1);
            if (!n || n->isText || !x || x->isText || !std::isfinite(n->number) || !std::isfinite(x->number))
                break;
            table[int(n->number)] = x->number;
            continue;
        }
        if (!num) continue;
        if (label == "Starting point")
            start = v->number;
        else if (label == "End point")
            end = v->number;
        else if (label == "as,BET")
            out.insert("area_m2_g", v->number);
        else if (label == "C")
            out.insert("c_constant", v->number);
        else if (label == "Vm") {
            out.insert("monolayer", v->number);
            out.insert("monolayer_unit", bet->text(r, 4).remove('[').remove(']').trimmed());
        } else if (label.startsWith("Correlation"))
            out.insert("correlation_coefficient", v->number);
    }
    if (out.contains("area_m2_g") && start >= 0 && end >= start) {
        out.insert("n_points", qint64(end - start + 1));
        if (table.count(int(start)) && table.count(int(end))) {
            out.insert("p_min", table[int(start)]);
            out.insert("p_max", table[int(end)]);
        }
    }
    return out;
}

Expected<ImportedDataset> readXls(const QByteArray& bytes, const QString& fileName)
{
    auto wb = XlsWorkbook::read(bytes, fileName);
    if (!wb) return std::unexpected(wb.error());
    const XlsWorkbook::Sheet* sheet = nullptr;
    for (const auto& s : wb->sheets())
        if (s.name.trimmed().compare("AdsDes", Qt::CaseInsensitive) == 0) sheet = &s;
    if (!sheet)
        return fail(fileName.toStdString(), "",
                    "the workbook has no 'AdsDes' sheet; this is not a BELSORP isotherm workbook");
    std::vector<Row> rows;
    bool table = false;
    // Rows that hold cells only (a damaged file may claim row 65535), each up to its last cell.
    for (size_t k = 0; k < sheet->cells.size();) {
        const int r = sheet->cells[k].row;
        int lastCol = 0;
        for (; k < sheet->cells.size() && sheet->cells[k].row == r; ++k)
            lastCol = sheet->cells[k].col;
        const QString loc = QStringLiteral("sheet '%1', row %2").arg(sheet->name).arg(r + 1);
        const QString first = sheet->text(r, 0).trimmed();
        table = table || first.compare("No", Qt::CaseInsensitive) == 0;
        if (table) {
            QStringList cells;
            for (int c = 0; c <= lastCol; ++c)
                cells << cellText(*sheet, r, c, {});
            while (!cells.isEmpty() && cells.back().isEmpty())
                cells.removeLast();
            rows.push_back({cells, loc});
            continue;
        }
        // Key/value pairs side by side: label in columns 0 and 5, value two columns right, unit after it.
        for (int c : {0, 5}) {
            const QString key = sheet->text(r, c).trimmed();
            if (!key.isEmpty())
                rows.push_back(
                    {{key, cellText(*sheet, r, c + 2, key), cellText(*sheet, r, c + 3, key)}, loc});
        }
    }
    return readTable(rows, fileName, QStringLiteral("belsorp-xls"), belVendorBet(*wb));
}

bool looksLikeBelCsv(const QByteArray& head)
{
    return (head.startsWith("File Name,") || head.startsWith("Data file,")) && head.contains("\nADS") &&
           (head.contains("p0/") || head.contains("p/p0"));
}

} // namespace

QString BelsorpImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "MicrotracBEL BELSORP isotherm (.dat, .csv)");
}

int BelsorpImporter::sniff(const QByteArray& head, const QString&) const
{
    if (XlsWorkbook::looksLikeCompoundFile(head)) {
        // BEL workbooks name their isotherm sheet "AdsDes" (sheet names are stored as 8-bit or UTF-16 text).
        static const QByteArray utf16 = QByteArray("A\0d\0s\0D\0e\0s\0", 12);
        return head.contains("AdsDes") || head.contains(utf16) ? 88 : 0;
    }
    if (head.contains('\0')) return 0;
    if (head.contains("\"No.\"\t") && head.contains("====")) return 85;
    if (looksLikeBelCsv(head)) return 80;
    return 0;
}

Expected<std::vector<ImportedDataset>> BelsorpImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    if (XlsWorkbook::looksLikeCompoundFile(bytes)) {
        auto ds = readXls(bytes, fileName);
        if (!ds) return std::unexpected(ds.error());
        return std::vector<ImportedDataset>{std::move(*ds)};
    }
    auto text = decodeBel(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QByteArray head = bytes.left(64 * 1024);
    auto ds = looksLikeBelCsv(head) ? readCsv(*text, fileName) : readDat(*text, fileName);
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
