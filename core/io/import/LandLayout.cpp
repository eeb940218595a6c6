#include "io/import/LandLayout.h"

#include "io/import/EchemTableReader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <span>

namespace vanadis::land {

using echemimport::CellParse;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// What a column measures, which decides how its unit converts.
enum class Quantity { Time, Current, Capacity, SpecificCapacity, Voltage, Energy, Index, State, Percent };

struct Canonical {
    const char* bases; ///< '|'-separated header names without unit, lower case, blanks/'-'/'_' removed
    const char* name;
    Quantity quantity;
};

// Record sheets. SysTime, SOC|DOD and the DCIR columns are not kept.
constexpr Canonical kRecord[] = {
    {"record|记录序号|数据序号|序号", "Record", Quantity::Index},
    {"testtime|totaltime|测试时间|总时间", "Time", Quantity::Time},
    {"steptime|步骤时间|工步时间", "Step Time", Quantity::Time},
    {"current|电流", "Current", Quantity::Current},
    {"capacity|容量", "Capacity", Quantity::Capacity},
    {"specap|specificcapacity|比容量", "Specific Capacity", Quantity::SpecificCapacity},
    {"voltage|电压", "Voltage", Quantity::Voltage},
    {"energy|能量", "Energy", Quantity::Energy},
    {"cycleindex|cycle|循环序号|循环号", "Cycle", Quantity::Index},
    {"stepindex|step|工步序号|工步号", "Step", Quantity::Index},
    {"stepstate|state|工步状态|状态", "State", Quantity::State},
};

constexpr Canonical kCycle[] = {
    {"cycle|cycleindex|循环序号|循环号", "Cycle", Quantity::Index},
    {"capc|chargecapacity|充电容量", "Charge Capacity", Quantity::Capacity},
    {"capd|dischargecapacity|放电容量", "Discharge Capacity", Quantity::Capacity},
    {"specapc|chargespecificcapacity|充电比容量", "Charge Specific Capacity", Quantity::SpecificCapacity},
    {"specapd|dischargespecificcapacity|放电比容量", "Discharge Specific Capacity",
     Quantity::SpecificCapacity},
    {"efficiency|效率|库伦效率|库仑效率", "Efficiency", Quantity::Percent},
    {"energyc|充电能量", "Charge Energy", Quantity::Energy},
    {"energyd|放电能量", "Discharge Energy", Quantity::Energy},
};

// Step sheets (Step-Tab / 工步层): one row per executed step. Only the step number and, where the export
// has it, the step's programmed (set) current are kept: the rate steps use it instead of the measured one.
constexpr Canonical kStep[] = {
    {"step|stepindex|工步序号|工步号|工步", "Step", Quantity::Index},
    {"current|stepcurrent|setcurrent|programmedcurrent|电流|设定电流|工步电流", "Current", Quantity::Current},
};

QString baseKey(QString s)
{
    s = s.toLower();
    s.remove(QLatin1Char(' '));
    s.remove(QLatin1Char('-'));
    s.remove(QLatin1Char('_'));
    s.remove(QLatin1Char('.'));
    s.remove(QChar(0x3000));
    return s;
}

/// One kept column of a sheet.
struct Target {
    int col = 0;
    QString name, unit, header;
    Quantity quantity = Quantity::Index;
    double factor = 1.0;
    bool excelTime = false; ///< a number is a fraction of a day (TestTime without a unit)
    CellParse parse = CellParse::Number;
};

/// The canonical unit and factor of \a unit for \a q; false when the unit is not one LANDdt writes.
bool convertUnit(Quantity q, QString unit, Target& t)
{
    unit = unit.trimmed();
    const QString u =
        unit.toLower().replace(QChar(0xB5), QLatin1Char('u')).replace(QChar(0x3BC), QLatin1Char('u'));
    auto set = [&](const char* canonical, double f) {
        t.unit = QString::fromUtf8(canonical);
        t.factor = f;
        return true;
    };
    switch (q) {
    case Quantity::Time:
        t.parse = CellParse::Duration;
        if (u.isEmpty()) {
            t.excelTime = true;
            return set("s", 1.0);
        }
        if (u == "s" || u == "sec" || u == "秒") return set("s", 1.0);
        if (u == "ms") return set("s", 1e-3);
        if (u == "min") return set("s", 60.0);
        if (u == "h" || u == "hr") return set("s", 3600.0);
        return false;
    case Quantity::Current:
        if (u == "ma" || u.isEmpty()) return set("mA", 1.0);
        if (u == "a") return set("mA", 1000.0);
        if (u == "ua") return set("mA", 1e-3);
        if (u == "na") return set("mA", 1e-6);
        return false;
    case Quantity::Capacity:
        if (u == "mah" || u.isEmpty()) return set("mAh", 1.0);
        if (u == "ah") return set("mAh", 1000.0);
        if (u == "uah") return set("mAh", 1e-3);
        return false;
    case Quantity::SpecificCapacity:
        if (u == "mah/g" || u == "ah/kg" || u.isEmpty()) return set("mAh/g", 1.0);
        if (u == "ah/g") return set("mAh/g", 1000.0);
        if (u == "uah/g" || u == "uah/mg") return set("mAh/g", u == "uah/g" ? 1e-3 : 1.0);
        return false;
    case Quantity::Voltage:
        if (u == "v" || u.isEmpty()) return set("V", 1.0);
        if (u == "mv") return set("V", 1e-3);
        return false;
    case Quantity::Energy:
        if (u == "mwh" || u.isEmpty()) return set("mWh", 1.0);
        if (u == "wh") return set("mWh", 1000.0);
        if (u == "uwh") return set("mWh", 1e-3);
        return false;
    case Quantity::Percent:
        return set("%", 1.0);
    case Quantity::State:
        t.parse = CellParse::StepState;
        return set("1", 1.0);
    case Quantity::Index:
        return set("1", 1.0);
    }
    return false;
}

struct SheetTable {
    QString sheet;
    std::vector<Target> targets;
    std::vector<std::vector<double>> values; ///< per target
    QStringList headers, skipped;
    int headerRow = 0;
};

std::string where(const QString& sheet, int row, int col, const QString& header)
{
    std::string s = "sheet '" + sheet.toStdString() + "', row " + std::to_string(row + 1);
    if (col >= 0) {
        s += ", column " + columnLetters(col).toStdString();
        if (!header.isEmpty()) s += " ('" + header.toStdString() + "')";
    }
    return s;
}

std::string cellQuote(std::string_view s)
{
    std::string t(s.substr(0, 40));
    for (char& c : t)
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
    return "'" + t + (s.size() > 40 ? "…'" : "'");
}

/// Streams one sheet into columns of the canonical names \a table; \a required must all be present.
Expected<SheetTable> readSheet(const SheetSource& part, std::span<const Canonical> table,
                               const QStringList& required, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    SheetTable out;
    out.sheet = part.name;
    std::vector<int> slot; // column → target, -1
    int state = 0;         // 0 before the header, 1 data
    int curRow = -1;
    std::vector<char> seen;
    Error error;
    bool failed = false;
    std::vector<int> requiredSlots;

    auto text = [&](const Cell& c) -> std::string {
        if (c.kind == Cell::Kind::Number) return QString::number(c.number, 'g', 15).toStdString();
        return std::string(c.text);
    };
    auto finishRow = [&]() -> bool {
        if (state != 1 || curRow < 0) return true;
        for (int k : requiredSlots)
            if (std::isnan(out.values[size_t(k)].back())) {
                const Target& t = out.targets[size_t(k)];
                failed = true;
                error = Error{file, where(part.name, curRow, t.col, t.header),
                              "the cell is empty, but every record needs its " + t.name.toStdString() +
                                  "; nothing was imported"};
                return false;
            }
        return true;
    };
    int headerTries = 0, firstHeaderRow = 0;
    QStringList firstHeaders;
    // A header row names two known columns, or all the required ones.
    auto isHeader = [&](const QStringList& headers) {
        QStringList found;
        for (const QString& h : headers) {
            const qsizetype slash = h.indexOf(QLatin1Char('/'));
            const QString key = baseKey(slash < 0 ? h : h.left(slash));
            for (const Canonical& c : table)
                if (!key.isEmpty() && QString::fromUtf8(c.bases).split(QLatin1Char('|')).contains(key)) {
                    found << QString::fromUtf8(c.name);
                    break;
                }
        }
        bool all = true;
        for (const QString& r : required)
            all = all && found.contains(r);
        return found.size() >= 2 || all;
    };
    auto onHeader = [&]() -> bool {
        // Decide the columns from the header row collected in out.headers.
        QStringList used;
        for (int col = 0; col < out.headers.size(); ++col) {
            const QString h = out.headers[col];
            if (h.isEmpty()) continue;
            const qsizetype slash = h.indexOf(QLatin1Char('/'));
            const QString key = baseKey(slash < 0 ? h : h.left(slash));
            const QString unit = slash < 0 ? QString() : h.mid(slash + 1);
            const Canonical* match = nullptr;
            for (const Canonical& c : table)
                if (QString::fromUtf8(c.bases).split(QLatin1Char('|')).contains(key)) {
                    match = &c;
                    break;
                }
            if (!match || used.contains(QString::fromUtf8(match->name))) {
                out.skipped << h;
                continue;
            }
            Target t;
            t.col = col;
            t.name = QString::fromUtf8(match->name);
            t.header = h;
            t.quantity = match->quantity;
            if (!convertUnit(match->quantity, unit, t)) {
                failed = true;
                error =
                    Error{file, where(part.name, out.headerRow, col, h),
                          "the unit '" + unit.toStdString() + "' of this column is not one LANDdt writes"};
                return false;
            }
            used << t.name;
            out.targets.push_back(t);
        }
        for (const QString& need : required)
            if (!used.contains(need)) {
                failed = true;
                error = Error{file, where(part.name, out.headerRow, -1, {}),
                              "no " + need.toStdString() + " column among the column names (" +
                                  out.headers.join(QStringLiteral(", ")).left(300).toStdString() + ")"};
                return false;
            }
        slot.assign(size_t(out.headers.size()), -1);
        for (size_t k = 0; k < out.targets.size(); ++k) {
            slot[size_t(out.targets[k].col)] = int(k);
            if (required.contains(out.targets[k].name)) requiredSlots.push_back(int(k));
        }
        out.values.resize(out.targets.size());
        return true;
    };

    auto r = part.scan([&](const Cell& c) {
        if (state == 0) {
            if (curRow >= 0 && c.row != curRow && !isHeader(out.headers) && ++headerTries < 10) {
                // A title or note above the header (a few rows at most): the header is further down.
                if (firstHeaders.isEmpty()) {
                    firstHeaders = out.headers;
                    firstHeaderRow = out.headerRow;
                }
                out.headers.clear();
                curRow = -1;
            }
            if (curRow >= 0 && c.row != curRow) {
                // The header row ends here.
                if (!isHeader(out.headers) && !firstHeaders.isEmpty()) {
                    out.headers = firstHeaders;
                    out.headerRow = firstHeaderRow;
                }
                if (!onHeader()) return false;
                state = 1;
                curRow = -1;
            } else {
                curRow = c.row;
                out.headerRow = c.row;
                while (out.headers.size() <= c.col)
                    out.headers << QString();
                out.headers[c.col] = QString::fromStdString(text(c)).trimmed();
                return true;
            }
        }
        if (c.row != curRow) {
            if (!finishRow()) return false;
            curRow = c.row;
            for (auto& v : out.values)
                v.push_back(kNaN);
            // After a few rows, reserve the columns for the rows the part's size promises (generously:
            // capacity never written is never resident), so that they do not grow by doubling and
            // copying — half the peak memory of a million-row sheet.
            if (out.values.front().size() == 256 && c.progress > 0) {
                // A sheet holds at most 1 048 576 rows (ECMA-376 §18.3.1.73).
                const double rows = std::min(1.25 * 256.0 / c.progress + 1024.0, 1048576.0);
                for (auto& v : out.values)
                    v.reserve(size_t(rows));
            }
        }
        if (c.col >= int(slot.size()) || slot[size_t(c.col)] < 0) return true;
        const int k = slot[size_t(c.col)];
        const Target& t = out.targets[size_t(k)];
        double v = kNaN;
        bool ok = true;
        if (c.kind == Cell::Kind::Number || c.kind == Cell::Kind::NumberText) {
            if (c.kind == Cell::Kind::Number) {
                v = c.number;
                ok = std::isfinite(v);
            } else {
                v = echemimport::parseCell(c.text.data(), c.text.data() + c.text.size(), CellParse::Number,
                                           false, ok);
            }
            if (ok && t.excelTime) v *= 86400.0; // an Excel time: days
        } else if (c.kind == Cell::Kind::Bool) {
            v = c.text == "1" ? 1.0 : 0.0;
        } else if (c.kind == Cell::Kind::Error) {
            failed = true;
            error = Error{file, where(part.name, c.row, c.col, t.header),
                          "the cell holds the Excel error " + cellQuote(c.text) + "; nothing was imported"};
            return false;
        } else {
            const std::string s = text(c);
            v = echemimport::parseCell(s.data(), s.data() + s.size(), t.parse, false, ok);
            if (!ok) {
                failed = true;
                const char* what =
                    t.parse == CellParse::Duration    ? " is not a time (D-HH:MM:SS, H:MM:SS or seconds)"
                    : t.parse == CellParse::StepState ? " is not a step state (R, CCC, DCC, RateC …)"
                                                      : " is not a number";
                error = Error{file, where(part.name, c.row, c.col, t.header),
                              cellQuote(s) + what + "; nothing was imported"};
                return false;
            }
        }
        if (!ok) {
            failed = true;
            error = Error{file, where(part.name, c.row, c.col, t.header),
                          cellQuote(c.kind == Cell::Kind::Number ? text(c) : std::string(c.text)) +
                              " is not a number; nothing was imported"};
            return false;
        }
        out.values[size_t(k)].back() = std::isnan(v) ? v : v * (t.excelTime ? 1.0 : t.factor);
        return true;
    });
    if (!r) return std::unexpected(r.error());
    if (failed) return std::unexpected(error);
    if (state == 0) {
        if (curRow < 0 && firstHeaders.isEmpty())
            return fail(file, "sheet '" + part.name.toStdString() + "'", "the sheet is empty");
        if (!isHeader(out.headers) && !firstHeaders.isEmpty()) {
            out.headers = firstHeaders;
            out.headerRow = firstHeaderRow;
        }
        if (!onHeader()) return std::unexpected(error);
        state = 1;
    } else if (!finishRow()) {
        return std::unexpected(error);
    }
    return out;
}

/// The index of the column named \a name of \a t, or -1.
int indexOf(const SheetTable& t, const char* name)
{
    for (size_t k = 0; k < t.targets.size(); ++k)
        if (t.targets[k].name == QLatin1String(name)) return int(k);
    return -1;
}

bool nameHas(const QString& sheet, std::initializer_list<const char*> words)
{
    const QString s = sheet.toLower();
    for (const char* w : words)
        if (s.contains(QString::fromUtf8(w))) return true;
    return false;
}

bool isRecordSheet(const QString& s)
{
    return nameHas(s, {"record", "记录", "数据"});
}
bool isCycleSheet(const QString& s)
{
    return !isRecordSheet(s) && nameHas(s, {"cycle", "循环"});
}
bool isStepSheet(const QString& s)
{
    return !isRecordSheet(s) && !isCycleSheet(s) && nameHas(s, {"step", "工步"});
}

/// Per cycle and direction, the capacity as the cycle sheet states it, from the record's capacity counter:
/// each run of one step contributes its largest value — less the previous run's of the same cycle and
/// direction when the counter continued from it (a counter per cycle rather than per step, e.g. over the
/// CC and CV steps of one charge).
std::map<int, std::pair<double, double>> capacitiesFromRecord(const std::vector<Column>& cols)
{
    std::map<int, std::pair<double, double>> out;
    const Column* cyc = echemimport::findColumn(cols, QStringLiteral("Cycle"));
    const Column* cap = echemimport::findColumn(cols, QStringLiteral("Capacity"));
    const Column* st = echemimport::findColumn(cols, QStringLiteral("State"));
    const Column* step = echemimport::findColumn(cols, QStringLiteral("Step"));
    if (!cyc || !cap || !st) return out;
    const size_t n = cap->values.size();
    double runMax = 0.0, base = 0.0;
    bool first = true;
    double lastMax[2] = {0.0, 0.0}; // of the previous run in this cycle, discharge / charge
    for (size_t i = 0; i < n; ++i) {
        const bool newCycle = i == 0 || cyc->values[i] != cyc->values[i - 1];
        const bool newRun = newCycle || st->values[i] != st->values[i - 1] ||
                            (step && step->values[i] != step->values[i - 1]);
        if (newCycle) lastMax[0] = lastMax[1] = 0.0;
        if (newRun) {
            runMax = 0.0;
            first = true;
        }
        const double s = st->values[i];
        if (!(s == 1.0 || s == -1.0) || std::isnan(cap->values[i])) continue;
        const int dir = s > 0 ? 1 : 0;
        const double q = std::abs(cap->values[i]);
        if (first) {
            base = lastMax[dir] > 0.0 && q >= 0.5 * lastMax[dir] ? lastMax[dir] : 0.0;
            runMax = base;
            first = false;
        }
        const double before = runMax;
        runMax = std::max(runMax, q);
        lastMax[dir] = runMax;
        auto& e = out[int(std::lround(cyc->values[i]))];
        (dir ? e.first : e.second) += runMax - before;
    }
    return out;
}

} // namespace

QString columnLetters(int col)
{
    QString s;
    for (int k = col + 1; k > 0; k = (k - 1) / 26)
        s.prepend(QChar('A' + (k - 1) % 26));
    return s;
}

bool looksLikeLandSheets(const QStringList& names)
{
    bool record = false, cycle = false, step = false;
    for (const QString& s : names) {
        record = record || isRecordSheet(s);
        cycle = cycle || isCycleSheet(s);
        step = step || isStepSheet(s);
    }
    return record || (cycle && step);
}

Expected<std::vector<ImportedDataset>> readWorkbook(const std::vector<SheetSource>& sheets,
                                                    const QString& fileName)
{
    const std::string file = fileName.toStdString();
    QStringList names;
    std::vector<SheetSource> records;
    const SheetSource* cycleSheet = nullptr;
    const SheetSource* stepSheet = nullptr;
    for (const SheetSource& p : sheets) {
        names << "'" + p.name + "'";
        if (isRecordSheet(p.name))
            records.push_back(p);
        else if (isCycleSheet(p.name) && !cycleSheet)
            cycleSheet = &p;
        else if (isStepSheet(p.name) && !stepSheet)
            stepSheet = &p;
    }
    if (records.empty() && !cycleSheet)
        return fail(
            file, "",
            "no record sheet (Record-Tab / 记录) and no cycle sheet (Cycle-Tab / 循环) in this LANDdt "
            "workbook (sheets " +
                names.join(", ").left(300).toStdString() + "); export the record layer from LANDdt again");
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("LAND"));
    QStringList skipped, sheetsRead, sourceUnits;

    // The cycle sheet first: small, and the record is checked against it.
    std::optional<SheetTable> cycles;
    if (cycleSheet) {
        auto c = readSheet(*cycleSheet, kCycle, {QStringLiteral("Cycle")}, fileName);
        if (!c) return std::unexpected(c.error());
        cycles = std::move(*c);
        QJsonArray list;
        const int ci = indexOf(*cycles, "Cycle"), qc = indexOf(*cycles, "Charge Capacity"),
                  qd = indexOf(*cycles, "Discharge Capacity");
        const size_t n = cycles->values[size_t(ci)].size();
        for (size_t k = 0; k < n; ++k) {
            QJsonObject o{{QStringLiteral("cycle"), cycles->values[size_t(ci)][k]}};
            if (qc >= 0 && std::isfinite(cycles->values[size_t(qc)][k]))
                o.insert(QStringLiteral("charge_mah"), cycles->values[size_t(qc)][k]);
            if (qd >= 0 && std::isfinite(cycles->values[size_t(qd)][k]))
                o.insert(QStringLiteral("discharge_mah"), cycles->values[size_t(qd)][k]);
            list.append(o);
        }
        d.metadata.insert(QStringLiteral("instrument_cycles"), list);
        skipped << cycles->skipped;
    }

    if (records.empty()) {
        // Only the cycle layer was exported: the per-cycle table is the dataset.
        const int qc = indexOf(*cycles, "Charge Capacity"), qd = indexOf(*cycles, "Discharge Capacity");
        const int sc = indexOf(*cycles, "Charge Specific Capacity"),
                  sd = indexOf(*cycles, "Discharge Specific Capacity");
        const bool absolute = qc >= 0 && qd >= 0;
        if (!absolute && (sc < 0 || sd < 0))
            return fail(file, "sheet '" + cycles->sheet.toStdString() + "'",
                        "no record sheet, and the cycle sheet has neither CapC/CapD nor SpeCapC/SpeCapD "
                        "columns; export the record layer from LANDdt");
        auto column = [&](int k, const char* name) {
            Column c;
            c.name = QString::fromUtf8(name);
            c.unit = cycles->targets[size_t(k)].unit;
            c.values = std::move(cycles->values[size_t(k)]);
            return c;
        };
        d.columns.push_back(column(indexOf(*cycles, "Cycle"), "Cycle"));
        d.columns.push_back(column(absolute ? qc : sc, "Charge Capacity"));
        d.columns.push_back(column(absolute ? qd : sd, "Discharge Capacity"));
        addImportWarning(d, QCoreApplication::translate(
                                "vanadis",
                                "The workbook has no record sheet: only the cycle sheet's "
                                "capacities were imported (no voltage profiles, rate steps or dQ/dV)."));
        sheetsRead << cycles->sheet;
    } else {
        std::vector<SheetTable> tables;
        for (const SheetSource& p : records) {
            auto t = readSheet(p, kRecord,
                               {QStringLiteral("Time"), QStringLiteral("Current"), QStringLiteral("Voltage")},
                               fileName);
            if (!t) return std::unexpected(t.error());
            if (!tables.empty()) {
                QStringList a, b;
                for (const auto& x : tables.front().targets)
                    a << x.name;
                for (const auto& x : t->targets)
                    b << x.name;
                if (a != b)
                    return fail(file, "sheet '" + p.name.toStdString() + "'",
                                "this record sheet has other columns (" + b.join(", ").toStdString() +
                                    ") than the first (" + a.join(", ").toStdString() + ")");
            }
            sheetsRead << p.name;
            for (const QString& s : t->skipped)
                if (!skipped.contains(s)) skipped << s;
            tables.push_back(std::move(*t));
        }
        SheetTable& first = tables.front();
        for (size_t k = 0; k < first.targets.size(); ++k) {
            Column c;
            c.name = first.targets[k].name;
            c.unit = first.targets[k].unit;
            size_t n = 0;
            for (const auto& t : tables)
                n += t.values[k].size();
            if (tables.size() == 1) {
                c.values = std::move(first.values[k]);
            } else {
                c.values.reserve(n);
                for (auto& t : tables) {
                    c.values.insert(c.values.end(), t.values[k].begin(), t.values[k].end());
                    std::vector<double>().swap(t.values[k]);
                }
            }
            sourceUnits << first.targets[k].header;
            d.columns.push_back(std::move(c));
        }
        if (d.columns.front().values.empty())
            return fail(file, "sheet '" + records.front().name.toStdString() + "'",
                        "the record sheet has a header but no rows");
        // The current's sign from the step state: charge positive, whatever the export wrote.
        Column* cur = nullptr;
        const Column* st = nullptr;
        for (Column& c : d.columns) {
            if (c.name == QLatin1String("Current")) cur = &c;
            if (c.name == QLatin1String("State")) st = &c;
        }
        if (cur && st) {
            for (size_t i = 0; i < cur->values.size(); ++i) {
                const double s = st->values[i];
                if (s == 1.0 || s == -1.0) cur->values[i] = s * std::abs(cur->values[i]);
            }
            d.metadata.insert(QStringLiteral("current_sign"), QStringLiteral("from Step-State"));
        }
        // The programmed current of each record's step, from the step sheet where it has a current
        // column: the rate steps then use the set value, not the measured one with its noise.
        if (const Column* recStep = echemimport::findColumn(d.columns, QStringLiteral("Step"));
            recStep && stepSheet) {
            auto st = readSheet(*stepSheet, kStep, {QStringLiteral("Step")}, fileName);
            if (!st) {
                addImportWarning(d, QCoreApplication::translate("vanadis",
                                                                "The step sheet '%1' could not be read (%2): "
                                                                "rate steps use the measured currents.")
                                        .arg(stepSheet->name, QString::fromStdString(st.error().message())));
            } else if (const int si = indexOf(*st, "Step"), ci = indexOf(*st, "Current"); ci >= 0) {
                std::map<long long, double> programmed;
                for (size_t k = 0; k < st->values[size_t(si)].size(); ++k) {
                    const double stepNo = st->values[size_t(si)][k], I = st->values[size_t(ci)][k];
                    if (std::isfinite(stepNo) && std::isfinite(I))
                        programmed[std::llround(stepNo)] = std::abs(I);
                }
                Column pc{QStringLiteral("Programmed Current"), QStringLiteral("mA"), {}};
                pc.values.resize(recStep->values.size(), std::numeric_limits<double>::quiet_NaN());
                size_t matched = 0;
                for (size_t i = 0; i < recStep->values.size(); ++i) {
                    const double stepNo = recStep->values[i];
                    if (!std::isfinite(stepNo)) continue;
                    const auto it = programmed.find(std::llround(stepNo));
                    if (it == programmed.end()) continue;
                    pc.values[i] = it->second;
                    ++matched;
                }
                if (matched > 0) {
                    d.columns.push_back(std::move(pc));
                    sheetsRead << st->sheet;
                    d.metadata.insert(QStringLiteral("programmed_current_from"), st->sheet);
                }
            }
        }
        // The mass LANDdt knew: capacity / specific capacity.
        const Column* cap = echemimport::findColumn(d.columns, QStringLiteral("Capacity"));
        const Column* spe = echemimport::findColumn(d.columns, QStringLiteral("Specific Capacity"));
        if (cap && spe) {
            std::vector<double> ratios;
            for (size_t i = 0; i < cap->values.size(); i += std::max<size_t>(1, cap->values.size() / 4096))
                if (std::abs(spe->values[i]) > 1e-9 && std::abs(cap->values[i]) > 1e-6)
                    ratios.push_back(1000.0 * cap->values[i] / spe->values[i]);
            if (!ratios.empty()) {
                std::nth_element(ratios.begin(), ratios.begin() + ptrdiff_t(ratios.size() / 2), ratios.end());
                const double m = ratios[ratios.size() / 2];
                if (m > 0 && std::isfinite(m)) d.metadata.insert(QStringLiteral("instrument_mass_mg"), m);
            }
        }
        // The cycle sheet against the record.
        if (cycles) {
            const int ci = indexOf(*cycles, "Cycle"), qc = indexOf(*cycles, "Charge Capacity"),
                      qd = indexOf(*cycles, "Discharge Capacity");
            const auto fromRecord = capacitiesFromRecord(d.columns);
            if (qc >= 0 && qd >= 0 && !fromRecord.empty()) {
                QStringList bad;
                int checked = 0;
                for (size_t k = 0; k < cycles->values[size_t(ci)].size(); ++k) {
                    const int cyc = int(std::lround(cycles->values[size_t(ci)][k]));
                    const auto it = fromRecord.find(cyc);
                    if (it == fromRecord.end()) continue;
                    ++checked;
                    for (const auto& [stated, found] :
                         {std::pair{cycles->values[size_t(qc)][k], it->second.first},
                          std::pair{cycles->values[size_t(qd)][k], it->second.second}})
                        if (std::isfinite(stated) &&
                            std::abs(stated - found) > 0.002 * std::abs(stated) + 5e-4) {
                            bad << QString::number(cyc);
                            break;
                        }
                }
                d.metadata.insert(QStringLiteral("cycle_sheet_checked"), checked);
                if (!bad.isEmpty())
                    addImportWarning(d,
                                     QCoreApplication::translate(
                                         "vanadis",
                                         "The cycle sheet's capacities differ from the record's by more than "
                                         "0.2 % in %n cycle(s) (%1): the record is used.",
                                         nullptr, int(bad.size()))
                                         .arg(bad.mid(0, 8).join(", ") + (bad.size() > 8 ? ", …" : "")));
            }
        }
    }
    d.metadata.insert(QStringLiteral("sheets"), QJsonArray::fromStringList(sheetsRead));
    if (!sourceUnits.isEmpty())
        d.metadata.insert(QStringLiteral("source_columns"), QJsonArray::fromStringList(sourceUnits));
    if (!skipped.isEmpty())
        d.metadata.insert(QStringLiteral("skipped_columns"), QJsonArray::fromStringList(skipped));
    std::vector<ImportedDataset> out;
    out.push_back(std::move(d));
    return out;
}

} // namespace vanadis::land
