#include "io/import/NewareCsvImporter.h"

#include "io/import/EchemTableReader.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace vanadis {

using namespace echemimport;

namespace {

// BTSDA names (English and Chinese UI). "Time" is the step time there; the test time is "Cumulative Time"
// (flat) or "Total Time" (hierarchical). Neware writes A, Ah, Wh, or mA, mAh, mWh when so configured.
constexpr Alias kNeware[] = {
    {"DataPoint", "Record", "1"},
    {"Data Point", "Record", "1"},
    {"数据序号", "Record", "1"},
    {"Cycle Index", "Cycle", "1"},
    {"循环号", "Cycle", "1"},
    {"Step Number", "Step", "1"}, // hierarchical: the running step count (Step Index is the program line)
    {"Step Index", "Step", "1"},
    {"工步号", "Step", "1"},
    {"Step Type", "State", "1", 1.0, CellParse::StepState},
    {"工步类型", "State", "1", 1.0, CellParse::StepState},
    {"Cumulative Time", "Time", "s", 1.0, CellParse::Duration},
    {"Total Time", "Time", "s", 1.0, CellParse::Duration},
    {"Total Time(h:min:s.ms)", "Time", "s", 1.0, CellParse::Duration},
    {"总时间", "Time", "s", 1.0, CellParse::Duration},
    {"Time", "Step Time", "s", 1.0, CellParse::Duration},
    {"Relative Time(h:min:s.ms)", "Step Time", "s", 1.0, CellParse::Duration},
    {"时间", "Step Time", "s", 1.0, CellParse::Duration},
    {"Current(A)", "Current", "mA", 1000.0},
    {"Current(mA)", "Current", "mA"},
    {"电流(A)", "Current", "mA", 1000.0},
    {"电流(mA)", "Current", "mA"},
    {"Voltage(V)", "Voltage", "V"},
    {"电压(V)", "Voltage", "V"},
    {"Capacity(Ah)", "Capacity", "mAh", 1000.0},
    {"Capacity(mAh)", "Capacity", "mAh"},
    {"容量(Ah)", "Capacity", "mAh", 1000.0},
    {"容量(mAh)", "Capacity", "mAh"},
    {"Spec. Cap.(mAh/g)", "Specific Capacity", "mAh/g"},
    {"比容量(mAh/g)", "Specific Capacity", "mAh/g"},
    {"Chg. Cap.(Ah)", "Charge Capacity", "mAh", 1000.0},
    {"Chg. Cap.(mAh)", "Charge Capacity", "mAh"},
    {"充电容量(Ah)", "Charge Capacity", "mAh", 1000.0},
    {"DChg. Cap.(Ah)", "Discharge Capacity", "mAh", 1000.0},
    {"DChg. Cap.(mAh)", "Discharge Capacity", "mAh"},
    {"放电容量(Ah)", "Discharge Capacity", "mAh", 1000.0},
    {"Energy(Wh)", "Energy", "mWh", 1000.0},
    {"Energy(mWh)", "Energy", "mWh"},
    {"能量(Wh)", "Energy", "mWh", 1000.0},
    {"Chg. Energy(Wh)", "Charge Energy", "mWh", 1000.0},
    {"DChg. Energy(Wh)", "Discharge Energy", "mWh", 1000.0},
    {"T1(℃)", "Temperature", "°C"},
};

QByteArrayView firstLine(const QByteArray& head, int n)
{
    const auto starts = lineStarts(head, n + 1);
    if (qsizetype(starts.size()) <= n) return {};
    return lineAt(head, starts[size_t(n)]);
}

bool isFlat(const QByteArray& head)
{
    const QByteArrayView l = firstLine(head, 0);
    const bool en = l.contains("DataPoint") && l.contains("Cycle Index") && l.contains("Voltage");
    const bool zh = l.contains("循环号") && l.contains("电压");
    return (en || zh) && !l.startsWith(",");
}

bool isHierarchical(const QByteArray& head)
{
    const QByteArrayView l1 = firstLine(head, 0), l2 = firstLine(head, 1), l3 = firstLine(head, 2);
    return (l1.startsWith("Cycle Index,") || l1.startsWith("循环号,")) && l2.startsWith(",") &&
           !l2.startsWith(",,") && l3.startsWith(",,");
}

std::vector<QByteArrayView> splitCells(QByteArrayView line)
{
    std::vector<QByteArrayView> out;
    qsizetype p = 0;
    for (;;) {
        const qsizetype c = line.indexOf(',', p);
        if (c < 0) {
            out.push_back(line.sliced(p));
            break;
        }
        out.push_back(line.sliced(p, c - p));
        p = c + 1;
    }
    return out;
}

/// The mass (mg) the instrument used for its specific capacity: capacity / specific capacity at the
/// largest capacity value.
void addInstrumentMass(ImportedDataset& d)
{
    const Column* q = findColumn(d.columns, QStringLiteral("Capacity"));
    const Column* qs = findColumn(d.columns, QStringLiteral("Specific Capacity"));
    if (!q || !qs) return;
    double best = 0.0, mass = 0.0;
    for (size_t i = 0; i < q->values.size(); ++i)
        if (std::abs(q->values[i]) > best && qs->values[i] != 0.0 && std::isfinite(qs->values[i])) {
            best = std::abs(q->values[i]);
            mass = 1000.0 * q->values[i] / qs->values[i];
        }
    if (mass > 0.0) d.metadata.insert(QStringLiteral("instrument_mass_mg"), mass);
}

Expected<ImportedDataset> readHierarchical(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    const QByteArrayView all(bytes);
    const auto starts = lineStarts(all, 3);
    const QStringList cycleNames = splitHeader(lineAt(all, starts[0]), ',');
    const QStringList stepNames = splitHeader(lineAt(all, starts[1]), ',');
    QStringList recordNames = splitHeader(lineAt(all, starts[2]), ',');
    recordNames = recordNames.mid(2);
    QStringList skipped;
    std::vector<ColumnTarget> rec = mapColumns(recordNames, kNeware, skipped);
    auto has = [&](const char* n) {
        for (const auto& t : rec)
            if (t.name == QLatin1String(n)) return true;
        return false;
    };
    if (!has("Current") || !has("Voltage") || !has("Time"))
        return fail(file, "line 3", "the record header has no Current, Voltage or Total Time column");
    const int nCycleFields = int(cycleNames.size());
    auto cycleCol = [&](const QString& prefix) {
        for (int i = 0; i < cycleNames.size(); ++i)
            if (cycleNames[i].startsWith(prefix)) return i;
        return -1;
    };
    const int chgCol = cycleCol(QStringLiteral("Chg. Cap.")),
              dchgCol = cycleCol(QStringLiteral("DChg. Cap."));
    const double capFactor = cycleNames.value(chgCol).contains(QStringLiteral("(Ah)")) ? 1000.0 : 1.0;
    int stepNumberCol = int(stepNames.indexOf(QStringLiteral("Step Number")));
    const int stepTypeCol = int(stepNames.indexOf(QStringLiteral("Step Type")));
    if (stepNumberCol < 0) stepNumberCol = int(stepNames.indexOf(QStringLiteral("Step Index")));

    std::vector<Column> cols(rec.size());
    for (size_t k = 0; k < rec.size(); ++k) {
        cols[k].name = rec[k].name;
        cols[k].unit = rec[k].unit;
    }
    Column cycle{QStringLiteral("Cycle"), QStringLiteral("1"), {}};
    Column step{QStringLiteral("Step"), QStringLiteral("1"), {}};
    Column state{QStringLiteral("State"), QStringLiteral("1"), {}};
    QJsonArray cycles;
    double curCycle = NAN, curStep = NAN, curState = NAN;
    const qsizetype est = all.count('\n');
    for (auto* c : {&cycle, &step, &state})
        c->values.reserve(size_t(est));
    for (auto& c : cols)
        c.values.reserve(size_t(est));

    auto number = [&](QByteArrayView cell, CellParse how, qsizetype line, const QString& colName,
                      double& out) -> Expected<void> {
        bool ok = true;
        out = parseCell(cell.data(), cell.data() + cell.size(), how, false, ok);
        if (!ok)
            return fail(file, "line " + std::to_string(line) + ", column '" + colName.toStdString() + "'",
                        "'" + cell.first(std::min<qsizetype>(cell.size(), 40)).toByteArray().toStdString() +
                            "' is not a number; nothing was imported");
        return {};
    };
    auto readStep = [&](const std::vector<QByteArrayView>& f, qsizetype line) -> Expected<void> {
        if (stepNumberCol >= 0 && stepNumberCol < int(f.size()))
            if (auto r = number(f[size_t(stepNumberCol)], CellParse::Number, line, stepNames[stepNumberCol],
                                curStep);
                !r)
                return r;
        if (stepTypeCol >= 0 && stepTypeCol < int(f.size())) {
            bool ok = true;
            const QByteArrayView c = f[size_t(stepTypeCol)];
            curState = parseCell(c.data(), c.data() + c.size(), CellParse::StepState, false, ok);
        }
        return {};
    };

    qsizetype pos = starts.size() > 2 ? starts[2] : all.size();
    pos = all.indexOf('\n', pos);
    pos = pos < 0 ? all.size() : pos + 1;
    qsizetype line = 4;
    const int nRec = int(recordNames.size());
    for (; pos < all.size(); ++line) {
        const QByteArrayView l = lineAt(all, pos);
        const qsizetype nl = all.indexOf('\n', pos);
        pos = nl < 0 ? all.size() : nl + 1;
        if (l.trimmed().isEmpty()) continue;
        const auto f = splitCells(l);
        if (l.startsWith(",,")) {
            if (int(f.size()) < 2 + nRec)
                return fail(file, "line " + std::to_string(line),
                            "the record row has " + std::to_string(f.size()) + " of " +
                                std::to_string(2 + nRec) +
                                " cells: the file is cut short or damaged; nothing was imported");
            for (size_t k = 0; k < rec.size(); ++k) {
                double v = 0;
                if (auto r = number(f[size_t(2 + rec[k].source)], rec[k].parse, line, rec[k].sourceName, v);
                    !r)
                    return std::unexpected(r.error());
                cols[k].values.push_back(v * rec[k].factor);
            }
            cycle.values.push_back(curCycle);
            step.values.push_back(curStep);
            state.values.push_back(curState);
        } else if (l.startsWith(",")) {
            if (auto r = readStep(f, line); !r) return std::unexpected(r.error());
        } else {
            if (auto r = number(f[0], CellParse::Number, line, cycleNames.value(0), curCycle); !r)
                return std::unexpected(r.error());
            QJsonObject c{{QStringLiteral("cycle"), curCycle}};
            double v = 0;
            if (chgCol > 0 && chgCol < int(f.size()) &&
                number(f[size_t(chgCol)], CellParse::Number, line, {}, v))
                c.insert(QStringLiteral("charge_mah"), v * capFactor);
            if (dchgCol > 0 && dchgCol < int(f.size()) &&
                number(f[size_t(dchgCol)], CellParse::Number, line, {}, v))
                c.insert(QStringLiteral("discharge_mah"), v * capFactor);
            cycles.append(c);
            if (int(f.size()) > nCycleFields) {
                // The first step row continues the cycle row, without its leading empty cell.
                std::vector<QByteArrayView> sf{QByteArrayView()};
                sf.insert(sf.end(), f.begin() + nCycleFields, f.end());
                if (auto r = readStep(sf, line); !r) return std::unexpected(r.error());
            }
        }
    }
    if (cycle.values.empty()) return fail(file, "line 4", "the export has no record rows");
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    d.columns = std::move(cols);
    d.columns.push_back(std::move(cycle));
    d.columns.push_back(std::move(step));
    d.columns.push_back(std::move(state));
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Neware"));
    d.metadata.insert(QStringLiteral("layout"), QStringLiteral("hierarchical"));
    d.metadata.insert(QStringLiteral("instrument_cycles"), cycles);
    if (!skipped.isEmpty())
        d.metadata.insert(QStringLiteral("skipped_columns"), QJsonArray::fromStringList(skipped));
    return d;
}

} // namespace

QString NewareCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Neware BTSDA CSV export (cycling record)");
}

int NewareCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    return isFlat(head) || isHierarchical(head) ? 95 : 0;
}

qint64 NewareCsvImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
NewareCsvImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const QByteArray head = bytes.left(65536);
    Expected<ImportedDataset> d;
    if (isHierarchical(head)) {
        d = readHierarchical(bytes, fileName);
    } else if (isFlat(head)) {
        SimpleTable t;
        t.aliases = kNeware;
        t.instrument = QStringLiteral("Neware");
        t.requiredColumns = {QStringLiteral("Time"), QStringLiteral("Current"), QStringLiteral("Voltage")};
        d = readSimpleTable(bytes, fileName, t);
        if (d) d->metadata.insert(QStringLiteral("layout"), QStringLiteral("flat"));
    } else {
        return fail(fileName.toStdString(), "line 1",
                    "not a Neware CSV export (no DataPoint/Cycle Index header)");
    }
    if (!d) return std::unexpected(d.error());
    addInstrumentMass(*d);
    std::vector<ImportedDataset> out;
    out.push_back(std::move(*d));
    return out;
}

} // namespace vanadis
