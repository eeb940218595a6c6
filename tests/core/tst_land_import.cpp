// LANDdt Excel exports (LandXlsxImporter). No real LAND workbook is in the test data, so every workbook here
// is generated from the layout in ../shared/domain/echem.md §7 with known capacities: each half cycle runs at
// constant current I for a whole number of seconds T, so Q = I·T/(3.6·m) exactly; sampling is irregular
// and the test runs past 24 h, so TestTime is an Excel time (a fraction of a day) for the first day and
// the text "D-HH:MM:SS" after it. Checked: detection by content (and through the generic .xlsx reader),
// English and Chinese headers, mA/mAh and A/Ah unit schemes converted, the current signed from Step-State,
// record sheets split in two, shared or inline strings, capacities from ∫I dt equal to the known ones and to
// the cycle sheet within 0.1 %, the mass LANDdt knew, a cycle sheet that disagrees (a warning), a workbook
// with only the cycle sheet; bad input (no record sheet, text in a numeric column, a missing column, a cut
// file) named by file, sheet, row and column with nothing imported.
#include "XlsTestWriter.h"
#include "XlsxTestWriter.h"

#include "../VerifyNear.h"
#include "analysis/echem/CyclingAnalysis.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/LandXlsxImporter.h"
#include "io/import/XlsxImporter.h"
#include "model/Project.h"
#include "numeric/echem/Cycling.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

using namespace vanadis;

namespace {

constexpr double kMassMg = 1.5;

struct Half {
    double currentAPerG;
    int seconds; ///< duration of the constant-current step
};

// Sodiation first (discharge), as the study's V2O3 cathode: 0.05 A g⁻¹ halves of ~5 h, then 1 A g⁻¹.
const std::vector<std::pair<Half, Half>> kCycles{{{0.05, 5976}, {0.05, 20880}},
                                                 {{0.05, 20736}, {0.05, 20952}},
                                                 {{0.05, 20700}, {0.05, 20808}},
                                                 {{1.0, 900}, {1.0, 907}},
                                                 {{1.0, 893}, {1.0, 900}}};

double knownMahG(const Half& h)
{
    return h.currentAPerG * kMassMg * h.seconds / (3.6 * kMassMg); // I (mA) · T / (3.6 · m (mg))
}

struct Options {
    bool chinese = false;
    bool amps = false;         ///< A / Ah / Wh scheme instead of mA / mAh / mWh
    bool signedCurrent = true; ///< discharge written negative (else |I| with the sign only in Step-State)
    bool splitRecord = false;  ///< two record sheets (old LANDdt beyond 65 k rows)
    bool shared = false;
    bool cycleSheet = true;
    bool recordSheet = true;
    double cycleSheetError = 0.0; ///< relative error put into CapD of cycle 2
};

QString timeCell(double s)
{
    if (s < 86400.0) return QString::number(s / 86400.0, 'g', 17); // an Excel time
    const long t = std::lround(s);
    return QString("%1-%2:%3:%4")
        .arg(t / 86400)
        .arg((t % 86400) / 3600, 2, 10, QChar('0'))
        .arg((t % 3600) / 60, 2, 10, QChar('0'))
        .arg(t % 60, 2, 10, QChar('0'));
}

QString hms(double s)
{
    const long t = std::lround(s);
    return QString("%1:%2:%3")
        .arg(t / 3600)
        .arg((t % 3600) / 60, 2, 10, QChar('0'))
        .arg(t % 60, 2, 10, QChar('0'));
}

std::vector<testxlsx::Sheet> landSheets(const Options& o, int& records)
{
    const double f = o.amps ? 1e-3 : 1.0; // mA → A
    const QString cu = o.amps ? "A" : "mA", qu = o.amps ? "Ah" : "mAh", eu = o.amps ? "Wh" : "mWh";
    QStringList header =
        o.chinese ? QStringList{"序号",         "测试时间", "步骤时间",   "电流/" + cu, "容量/" + qu,
                                "比容量/mAh/g", "电压/V",   "能量/" + eu, "系统时间",   "",
                                "循环序号",     "工步序号", "工步状态"}
                  : QStringList{"Record",         "TestTime",     "StepTime",  "Current/" + cu,
                                "Capacity/" + qu, "SpeCap/mAh/g", "SOC|DOD/%", "Voltage/V",
                                "Energy/" + eu,   "SysTime",      "",          "Cycle-Index",
                                "Step-Index",     "Step-State"};
    const int vCol = o.chinese ? 6 : 7;
    std::vector<QStringList> rows{header};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> gap(150, 420);
    double t = 0.0;
    int step = 0, rec = 0;
    auto row = [&](int cycle, double stepT, double I, double qMah, double eMwh, double V,
                   const QString& state) {
        QStringList r;
        r << QString::number(++rec) << timeCell(t + stepT) << hms(stepT) << QString::number(I * f, 'g', 15)
          << QString::number(qMah * f, 'g', 15) << QString::number(qMah / (kMassMg / 1000.0), 'g', 15);
        if (!o.chinese) r << "-";
        r << QString::number(V, 'g', 15) << QString::number(eMwh * f, 'g', 15) << "2024-03-01 10:00:00"
          << "" << QString::number(cycle) << QString::number(step) << state;
        rows.push_back(r);
    };
    std::vector<QStringList> cycleRows{o.chinese
                                           ? QStringList{"循环序号", "充电容量/" + qu, "放电容量/" + qu,
                                                         "充电比容量/mAh/g", "放电比容量/mAh/g", "效率/%"}
                                           : QStringList{"Cycle", "CapC/" + qu, "CapD/" + qu, "SpeCapC/mAh/g",
                                                         "SpeCapD/mAh/g", "Efficiency/%"}};
    for (size_t c = 0; c < kCycles.size(); ++c) {
        double q[2] = {0, 0};
        for (int half = 0; half < 2; ++half) {
            const Half h = half == 0 ? kCycles[c].first : kCycles[c].second;
            const double sign = half == 0 ? -1.0 : 1.0;
            const double I = h.currentAPerG * kMassMg; // mA
            const QString state = o.chinese ? (half == 0 ? "DCC" : "CCC") : (half == 0 ? "RateD" : "RateC");
            const double written = o.signedCurrent ? sign * I : I;
            ++step;
            double s = 0.0, e = 0.0;
            while (true) {
                const double qMah = I * s / 3600.0;
                const double V = 2.5 - sign * (s / h.seconds - 0.5);
                row(int(c) + 1, s, written, qMah, e, V, state);
                if (s >= h.seconds) break;
                const double next = std::min<double>(h.seconds, s + gap(rng));
                e += I * (next - s) / 3600.0 * (2.5 - sign * ((s + next) / 2 / h.seconds - 0.5));
                s = next;
            }
            t += h.seconds;
            q[half] = I * h.seconds / 3600.0;
            ++step;
            for (int k = 1; k <= 3; ++k)
                row(int(c) + 1, 10.0 * k, 0.0, 0.0, 0.0, 2.5, o.chinese ? "R" : "R");
            t += 30.0;
        }
        const double capD = q[0] * (c == 1 ? 1.0 + o.cycleSheetError : 1.0);
        cycleRows.push_back({QString::number(c + 1), QString::number(q[1] * f, 'g', 15),
                             QString::number(capD * f, 'g', 15), QString::number(q[1] / 1.5e-3, 'g', 15),
                             QString::number(q[0] / 1.5e-3, 'g', 15),
                             QString::number(100.0 * q[0] / q[1], 'g', 6)});
    }
    records = rec;
    Q_UNUSED(vCol);
    std::vector<testxlsx::Sheet> sheets;
    const QString recName = o.chinese ? "记录层" : "Record-Tab";
    if (o.cycleSheet) sheets.push_back({o.chinese ? "循环层" : "Cycle-Tab", cycleRows});
    sheets.push_back(
        {o.chinese ? "工步层" : "Step-Tab", {{"Step", "Mode", "Period"}, {"1", "DC-Rate", "05:00:00"}}});
    if (o.recordSheet) {
        if (o.splitRecord) {
            const size_t half = rows.size() / 2;
            std::vector<QStringList> a(rows.begin(), rows.begin() + ptrdiff_t(half));
            std::vector<QStringList> b{rows.front()};
            b.insert(b.end(), rows.begin() + ptrdiff_t(half), rows.end());
            sheets.push_back({recName, a});
            sheets.push_back({recName + "1", b});
        } else {
            sheets.push_back({recName, rows});
        }
    }
    return sheets;
}

QByteArray landWorkbook(const Options& o, int& records)
{
    return testxlsx::makeXlsx(landSheets(o, records), o.shared);
}

const Column* column(const ImportedDataset& d, const char* name)
{
    for (const Column& c : d.columns)
        if (c.name == QLatin1String(name)) return &c;
    return nullptr;
}

/// A LANDdt rate test of known programmed currents: steps of three cycles at 0.15, 0.3, 0.75 and again
/// 0.15 A g⁻¹ on 1.5 mg (none a protocol value, so nothing is snapped). The record's measured current is
/// the programmed one 2 % high with ±1 % noise, as a real cycler's shunt reads; the step sheet, when
/// written, has the programmed current of each step (0 for rests), or no current column at all.
QByteArray rateWorkbook(bool stepSheet, bool stepCurrents)
{
    const double massMg = 1.5;
    const double densities[] = {0.15, 0.3, 0.75, 0.15};
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> noise(-0.01, 0.01);
    std::vector<QStringList> rec{{"Record", "TestTime/s", "StepTime/s", "Current/mA", "Capacity/mAh",
                                  "Voltage/V", "Cycle-Index", "Step-Index", "Step-State"}};
    std::vector<QStringList> steps{stepCurrents ? QStringList{"Step", "Mode", "Current/mA", "Period"}
                                                : QStringList{"Step", "Mode", "Period"}};
    double t = 0.0;
    int step = 0, record = 0, cycle = 0;
    for (double j : densities)
        for (int c = 0; c < 3; ++c) {
            ++cycle;
            for (int half = 0; half < 3; ++half) { // discharge, charge, rest
                ++step;
                const double I = half == 2 ? 0.0 : j * massMg;
                const QString state = half == 0 ? "RateD" : half == 1 ? "RateC" : "R";
                const QString mode = half == 0 ? "DC-Rate" : half == 1 ? "CC-Rate" : "Rest";
                QStringList srow{QString::number(step), mode};
                if (stepCurrents) srow << QString::number(I, 'g', 15);
                srow << "00:20:00";
                steps.push_back(srow);
                double q = 0.0;
                for (int k = 0; k < 20; ++k) {
                    const double measured = I * (1.02 + noise(rng));
                    if (k > 0) q += measured * 60.0 / 3600.0;
                    rec.push_back({QString::number(++record), QString::number(t + 60.0 * k),
                                   QString::number(60.0 * k), QString::number(measured, 'g', 15),
                                   QString::number(q, 'g', 15),
                                   QString::number(half == 0 ? 3.5 - 0.1 * k : 1.6 + 0.1 * k),
                                   QString::number(cycle), QString::number(step), state});
                }
                t += 60.0 * 20;
            }
        }
    std::vector<testxlsx::Sheet> sheets;
    if (stepSheet) sheets.push_back({"Step-Tab", steps});
    sheets.push_back({"Record-Tab", rec});
    return testxlsx::makeXlsx(sheets);
}

} // namespace

class TestLandImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

private slots:
    // Rate steps take the step sheet's programmed current for their nominal current (A g⁻¹ from the
    // active mass) and say so; without a step sheet, or one without currents, the measured median.
    void rateStepsUseTheProgrammedCurrent_data()
    {
        QTest::addColumn<bool>("stepSheet");
        QTest::addColumn<bool>("stepCurrents");
        QTest::newRow("step sheet with currents") << true << true;
        QTest::newRow("step sheet without currents") << true << false;
        QTest::newRow("no step sheet") << false << false;
    }

    void rateStepsUseTheProgrammedCurrent()
    {
        QFETCH(bool, stepSheet);
        QFETCH(bool, stepCurrents);
        const QString path = write(QString("rate_%1_%2.xlsx").arg(stepSheet).arg(stepCurrents),
                                   rateWorkbook(stepSheet, stepCurrents));
        Project project;
        auto r = importFile(project, path);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const Dataset& d = r->front();
        const bool programmed = stepSheet && stepCurrents;
        QCOMPARE(d.column("Programmed Current") != nullptr, programmed);
        auto res = computeCycling(d, QJsonObject{{"mass_mg", 1.5}});
        QVERIFY2(res, res ? "" : res.error().message().c_str());
        const QJsonArray steps = res->value("rate_steps").toArray();
        QCOMPARE(steps.size(), qsizetype(4));
        QCOMPARE(res->value("rate_current_source").toString(),
                 QString(programmed ? "programmed" : "measured"));
        const double densities[] = {0.15, 0.3, 0.75, 0.15};
        for (int k = 0; k < 4; ++k) {
            const QJsonObject s = steps[k].toObject();
            QCOMPARE(s.value("cycles").toInt(), 3);
            QCOMPARE(s.value("current_source").toString(), QString(programmed ? "programmed" : "measured"));
            const double expectedMa = densities[k] * 1.5;
            // Measured: 2 % high, the noise mostly averaged out by the median.
            VERIFY_NEAR(s.value("current_ma").toDouble(), programmed ? expectedMa : 1.02 * expectedMa,
                        programmed ? 1e-12 : 0.005 * expectedMa);
            VERIFY_NEAR(s.value("current_a_g").toDouble(), programmed ? densities[k] : 1.02 * densities[k],
                        programmed ? 1e-12 : 0.005 * densities[k]);
            VERIFY_NEAR(s.value("current_ma_measured").toDouble(), 1.02 * expectedMa, 0.005 * expectedMa);
        }
        QVERIFY(steps[3].toObject().value("recovery").toBool());
    }

    void knownCapacities_data()
    {
        QTest::addColumn<bool>("chinese");
        QTest::addColumn<bool>("amps");
        QTest::addColumn<bool>("signedCurrent");
        QTest::addColumn<bool>("split");
        QTest::addColumn<bool>("shared");
        QTest::addColumn<bool>("xls");
        QTest::newRow("english mA inline") << false << false << true << false << false << false;
        QTest::newRow("english A shared") << false << true << true << false << true << false;
        QTest::newRow("english |I| split") << false << false << false << true << true << false;
        QTest::newRow("chinese mA shared") << true << false << false << false << true << false;
        QTest::newRow("chinese Ah inline split") << true << true << true << true << false << false;
        QTest::newRow("xls english split") << false << false << true << true << false << true;
        QTest::newRow("xls chinese A") << true << true << false << false << false << true;
    }

    void knownCapacities()
    {
        QFETCH(bool, chinese);
        QFETCH(bool, amps);
        QFETCH(bool, signedCurrent);
        QFETCH(bool, split);
        QFETCH(bool, shared);
        QFETCH(bool, xls);
        Options o;
        o.chinese = chinese;
        o.amps = amps;
        o.signedCurrent = signedCurrent;
        o.splitRecord = split;
        o.shared = shared;
        int records = 0;
        const QString path = xls ? write("land.xls", testxls::makeXls(landSheets(o, records)))
                                 : write("land.xlsx", landWorkbook(o, records));
        auto r = parseFile(path);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->provenance.importerId, xls ? QStringLiteral("land-xls") : QStringLiteral("land-xlsx"));
        QCOMPARE(int(r->datasets.size()), 1);
        const ImportedDataset& d = r->datasets.front();
        QCOMPARE(d.kind, QStringLiteral("cycling_record"));
        QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join("; ")));
        for (const char* name :
             {"Time", "Step Time", "Current", "Voltage", "Capacity", "Cycle", "Step", "State"})
            QVERIFY2(column(d, name), name);
        QCOMPARE(int(column(d, "Time")->values.size()), records);
        QCOMPARE(column(d, "Current")->unit, QStringLiteral("mA"));
        QCOMPARE(column(d, "Capacity")->unit, QStringLiteral("mAh"));
        // TestTime past 24 h, read from "D-HH:MM:SS".
        double total = 0;
        for (const auto& c : kCycles)
            total += c.first.seconds + c.second.seconds + 60.0;
        VERIFY_NEAR(column(d, "Time")->values.back(), total, 1e-6);
        QVERIFY(total > 86400.0); // the last records carry "1-HH:MM:SS"
        // First discharge record: current −I in mA whatever the scheme and the sign written.
        VERIFY_NEAR(column(d, "Current")->values[0], -0.05 * kMassMg, 1e-12);
        VERIFY_NEAR(d.metadata.value("instrument_mass_mg").toDouble(), kMassMg, 1e-9);
        QCOMPARE(d.metadata.value("cycle_sheet_checked").toInt(), int(kCycles.size()));

        const Column* cyc = column(d, "Cycle");
        echem::Record rec{column(d, "Time")->values, column(d, "Current")->values,
                          column(d, "Voltage")->values, cyc->values};
        echem::CycleOptions co;
        co.massMg = kMassMg;
        auto t = echem::cycleTable(rec, co);
        QVERIFY2(t, t ? "" : t.error().message().c_str());
        QCOMPARE(int(t->rows.size()), int(kCycles.size()));
        const QJsonArray sheetCycles = d.metadata.value("instrument_cycles").toArray();
        QCOMPARE(int(sheetCycles.size()), int(kCycles.size()));
        for (size_t c = 0; c < kCycles.size(); ++c) {
            const double qd = knownMahG(kCycles[c].first), qc = knownMahG(kCycles[c].second);
            VERIFY_NEAR(t->rows[c].dischargeMahG, qd, 1e-3 * qd);
            VERIFY_NEAR(t->rows[c].chargeMahG, qc, 1e-3 * qc);
            // ∫I dt against the cycle sheet's own capacities (mAh).
            const QJsonObject s = sheetCycles[int(c)].toObject();
            VERIFY_NEAR(t->rows[c].dischargeMah, s.value("discharge_mah").toDouble(),
                        1e-3 * t->rows[c].dischargeMah);
            VERIFY_NEAR(t->rows[c].chargeMah, s.value("charge_mah").toDouble(), 1e-3 * t->rows[c].chargeMah);
        }
        VERIFY_NEAR(t->rows[0].dischargeMahG, 83.0, 1e-9); // the study's first sodiation
        VERIFY_NEAR(t->rows[0].chargeMahG, 290.0, 1e-9);
    }

    void genericXlsxReaderHandsOver()
    {
        int records = 0;
        const QByteArray bytes = landWorkbook({}, records);
        auto r = XlsxImporter().read(bytes, "land.xlsx", {});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->front().metadata.value("instrument").toString(), QStringLiteral("LAND"));
        QCOMPARE(int(r->front().columns.front().values.size()), records);
        QVERIFY(LandXlsxImporter().sniff(bytes.left(65536), "x.xlsx") >
                XlsxImporter().sniff(bytes.left(65536), "x.xlsx"));
    }

    void cycleSheetDisagreementIsAWarning()
    {
        Options o;
        o.cycleSheetError = 0.01;
        int records = 0;
        auto r = parseFile(write("land_bad_cycle.xlsx", landWorkbook(o, records)));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(int(r->warnings.size()), 1);
        QVERIFY2(r->warnings.front().contains("(2)"), qPrintable(r->warnings.front()));
    }

    void titleRowsAndACounterPerCycle()
    {
        // Two title rows above the header; a charge in two steps (CC then CV) whose capacity counter
        // continues over both, as a counter per cycle does: the cycle sheet check must not double count.
        std::vector<QStringList> rec{{"LANDdt export"},
                                     {"Channel 3"},
                                     {"Record", "TestTime", "Current/mA", "Capacity/mAh", "Voltage/V",
                                      "Cycle-Index", "Step-Index", "Step-State"}};
        auto row = [&](int n, double t, double i, double q, double v, int step, const char* state) {
            rec.push_back({QString::number(n), QString::number(t / 86400.0, 'g', 17), QString::number(i),
                           QString::number(q, 'g', 15), QString::number(v), "1", QString::number(step),
                           state});
        };
        int n = 0;
        // discharge 0.075 mA × 3600 s = 0.075 mAh
        for (int k = 0; k <= 10; ++k)
            row(++n, 360.0 * k, -0.075, 0.075 * k / 10, 3 - 0.1 * k, 1, "DCC");
        // CC charge 0.075 mA × 1800 s = 0.0375 mAh, then CV at 0.0375 mA × 1800 s = 0.01875 mAh, counter
        // continued
        for (int k = 0; k <= 10; ++k)
            row(++n, 3600 + 180.0 * k, 0.075, 0.0375 * k / 10, 2 + 0.1 * k, 2, "CCC");
        for (int k = 0; k <= 10; ++k)
            row(++n, 5400 + 180.0 * k, 0.0375, 0.0375 + 0.01875 * k / 10, 3, 3, "CVC");
        const std::vector<QStringList> cyc{{"Cycle", "CapC/mAh", "CapD/mAh"}, {"1", "0.05625", "0.075"}};
        auto r =
            parseFile(write("titled.xlsx", testxlsx::makeXlsx({{"Cycle-Tab", cyc}, {"Record-Tab", rec}})));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join("; ")));
        QCOMPARE(r->datasets.front().metadata.value("cycle_sheet_checked").toInt(), 1);
        QCOMPARE(int(column(r->datasets.front(), "Time")->values.size()), n);
    }

    void onlyTheCycleSheet()
    {
        Options o;
        o.recordSheet = false;
        int records = 0;
        auto r = parseFile(write("land_cycles.xlsx", landWorkbook(o, records)));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const ImportedDataset& d = r->datasets.front();
        QCOMPARE(int(column(d, "Cycle")->values.size()), int(kCycles.size()));
        VERIFY_NEAR(column(d, "Discharge Capacity")->values[0], 83.0 * kMassMg / 1000.0, 1e-12);
        QCOMPARE(column(d, "Discharge Capacity")->unit, QStringLiteral("mAh"));
        QCOMPARE(int(r->warnings.size()), 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        const std::vector<QStringList> head{{"Record", "TestTime", "Current/mA", "Voltage/V", "Step-State"},
                                            {"1", "0", "-0.075", "2.9", "RateD"}};
        auto with = [&](QStringList bad) {
            std::vector<QStringList> rows = head;
            rows.push_back(bad);
            return testxlsx::makeXlsx({{"Cycle-Tab", {{"Cycle"}, {"1"}}}, {"Record-Tab", rows}});
        };
        QTest::newRow("text in voltage")
            << with({"2", "0.0001", "-0.075", "2.9V", "RateD"})
            << QStringList{"Record-Tab", "row 3", "column D", "Voltage/V", "'2.9V' is not a number"};
        QTest::newRow("bad test time") << with({"2", "1-xx:00", "-0.075", "2.9", "RateD"})
                                       << QStringList{"Record-Tab", "row 3", "column B", "TestTime", "time"};
        QTest::newRow("empty current") << with({"2", "0.0001", "", "2.9", "RateD"})
                                       << QStringList{"Record-Tab", "row 3", "column C", "Current"};
        QTest::newRow("unknown unit")
            << testxlsx::makeXlsx(
                   {{"Record-Tab", {{"TestTime", "Current/kA", "Voltage/V"}, {"0", "1", "2"}}}})
            << QStringList{"Record-Tab", "row 1", "column B", "kA"};
        QTest::newRow("no voltage column")
            << testxlsx::makeXlsx({{"Record-Tab", {{"Record", "TestTime", "Current/mA"}, {"1", "0", "1"}}}})
            << QStringList{"Record-Tab", "no Voltage column"};
        int records = 0;
        const QByteArray good = landWorkbook({}, records);
        QTest::newRow("cut short") << good.left(good.size() * 2 / 3) << QStringList{"damaged or cut short"};
    }

    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        ImportOptions opt;
        opt.format = QStringLiteral("land-xlsx");
        auto r = parseFile(write("bad.xlsx", bytes), opt);
        QVERIFY(!r);
        const QString m = QString::fromStdString(r.error().message());
        qInfo().noquote() << m;
        QVERIFY2(m.contains("bad.xlsx"), qPrintable(m));
        for (const QString& e : expected)
            QVERIFY2(m.contains(e), qPrintable(m + "  (missing: " + e + ")"));
    }

    void xlsBadInput()
    {
        const std::vector<QStringList> rows{{"Record", "TestTime", "Current/mA", "Voltage/V", "Step-State"},
                                            {"1", "0", "-0.075", "2.9", "RateD"},
                                            {"2", "0.0001", "abc", "2.9", "RateD"}};
        const QByteArray bytes = testxls::makeXls({{"Record-Tab", rows}});
        auto r = parseFile(write("bad.xls", bytes));
        QVERIFY(!r);
        const QString m = QString::fromStdString(r.error().message());
        QVERIFY2(m.contains("bad.xls") && m.contains("sheet 'Record-Tab', row 3, column C ('Current/mA')") &&
                     m.contains("'abc' is not a number"),
                 qPrintable(m));
        auto cut = parseFile(write("cut.xls", bytes.left(bytes.size() - 700)));
        QVERIFY(!cut);
        qInfo().noquote() << cut.error().message().c_str();
        QVERIFY2(QString::fromStdString(cut.error().message()).contains("cut.xls"),
                 cut.error().message().c_str());
    }

    void noRecordOrCycleSheetIsNamed()
    {
        ImportOptions opt;
        opt.format = QStringLiteral("land-xlsx");
        auto r = parseFile(
            write("steps.xlsx", testxlsx::makeXlsx({{"Step-Tab", {{"Step"}, {"1"}}}, {"Info", {{"x"}}}})),
            opt);
        QVERIFY(!r);
        const QString m = QString::fromStdString(r.error().message());
        QVERIFY2(m.contains("no record sheet") && m.contains("'Step-Tab'") && m.contains("steps.xlsx"),
                 qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TestLandImport)
#include "tst_land_import.moc"
