#include "io/import/NewareNdaxImporter.h"

#include "io/ZipArchive.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/NewareStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>
#include <bit>
#include <cmath>
#include <cstring>
#include <set>

namespace vanadis {

namespace {

constexpr qsizetype kPage = 4096;
constexpr qsizetype kRowsFrom = 132; ///< first row byte in a page
constexpr qsizetype kMapFrom = 4;    ///< first byte of the row bit map
/// An .ndc inflates to about 12 bytes per record: 1 GiB is far above any real test, far below trouble.
constexpr qint64 kMaxNdcBytes = qint64(1) << 30;
constexpr qint64 kMaxXmlBytes = qint64(16) << 20;

template <class T>
T le(const char* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::is_integral_v<T>) v = qFromLittleEndian(v);
    return v;
}

/// mA per count of a version-5 current (and mA·s per count of a capacity) for the current range of the
/// record (the range code is the range in mA; negative codes are the µA ranges of low-current channels),
/// after the public NewareNDA range table, which this rule reproduces entry by entry.
double rangeMultiplier(qint32 range)
{
    if (range == 0) return 0.0;
    if (range == -100000000) return 10.0;
    const qint64 a = std::abs(qint64(range));
    const double decade = a < 10 ? 1e-4 : a < 100 ? 1e-3 : a < 1000 ? 1e-2 : 1e-1;
    return range > 0 ? decade : (a < 1000 ? decade * 0.1 : 1e-2);
}

/// One .ndc table from the zip.
struct Ndc {
    QString entry;
    QByteArray bytes;
    int type = 0;
    int version = 0;
};

class Reader {
public:
    Reader(const QString& fileName) : m_file(fileName.toStdString()) {}

    std::unexpected<Error> failAt(const Ndc& t, qsizetype offset, const std::string& why) const
    {
        return fail(m_file, "zip entry '" + t.entry.toStdString() + "', byte " + std::to_string(offset), why);
    }

    Expected<Ndc> load(const ZipArchive& zip, const QString& entry) const
    {
        auto b = zip.read(entry, kMaxNdcBytes);
        if (!b) return std::unexpected(b.error());
        Ndc t{entry, *b, 0, 0};
        if (t.bytes.size() < kPage)
            return failAt(t, t.bytes.size(),
                          "the table ends inside its 4096-byte header: the file is cut short");
        if (t.bytes.size() % kPage)
            return failAt(t, t.bytes.size() - t.bytes.size() % kPage,
                          "the table ends inside a 4096-byte page: the file is cut short");
        t.type = quint8(t.bytes[0]);
        t.version = quint8(t.bytes[2]);
        return t;
    }

    /// Calls \a row(slot, offset, pointer) for every row in use of \a t (rows of \a size bytes), in page
    /// order; slot counts every row place from 0, used or not. Checks each page's count against its map.
    template <class F>
    Expected<void> rows(const Ndc& t, qsizetype size, F&& row) const
    {
        const qsizetype perPage = (kPage - kRowsFrom - 1) / size;
        const char* b = t.bytes.constData();
        qint64 slot = 0;
        for (qsizetype p = kPage; p + kPage <= t.bytes.size(); p += kPage, slot += perPage) {
            const int count = le<quint16>(b + p + 2);
            int inUse = 0;
            for (qsizetype r = 0; r < perPage; ++r)
                inUse += (quint8(b[p + kMapFrom + r / 8]) >> (r % 8)) & 1;
            if (count != inUse)
                return failAt(t, p + 2,
                              "the page says it holds " + std::to_string(count) + " rows but marks " +
                                  std::to_string(inUse) + " as used: the file is damaged");
            for (qsizetype r = 0; r < perPage; ++r) {
                if (!((quint8(b[p + kMapFrom + r / 8]) >> (r % 8)) & 1)) continue;
                const qsizetype at = p + kRowsFrom + r * size;
                if (auto ok = row(slot + r, at, b + at); !ok) return ok;
            }
        }
        return {};
    }

    std::string m_file;
};

struct Out {
    std::vector<double> record, cycle, fileCycle, step, state, time, stepTime, voltage, current, qc, qd, ec,
        ed, filled;
    std::set<int> unknownStatus;
    qint64 aux = 0, duplicates = 0, interpolated = 0;
    qint64 clockStartS = -1;
    neware::ChargeFirstCycles cycles;
    int cycleNow = 1, lastStatus = -1;
    double lastStep = -1, lastFileCycle = -1;

    /// Appends the cycle columns of a record, starting a charge-first count at each new step.
    void cycleOf(int status, double stepNo, double fileCycleNo)
    {
        if (status != lastStatus || stepNo != lastStep || fileCycleNo != lastFileCycle)
            cycleNow = cycles.at(status);
        lastStatus = status;
        lastStep = stepNo;
        lastFileCycle = fileCycleNo;
        cycle.push_back(cycleNow);
        fileCycle.push_back(fileCycleNo);
    }
};

bool finite(std::initializer_list<double> v)
{
    for (double x : v)
        if (!std::isfinite(x)) return false;
    return true;
}

/// Version 5: every record complete in data.ndc.
Expected<void> readV5(const Reader& rd, const Ndc& t, Out& o)
{
    constexpr qsizetype kRow = 87;
    qint64 last = 0;
    double lastTime = -1.0;
    auto ok = rd.rows(t, kRow, [&](qint64, qsizetype at, const char* r) -> Expected<void> {
        const int kind = quint8(r[0]);
        if (kind == 0x65 || kind == 0x74) {
            ++o.aux;
            return {};
        }
        if (kind != 0x55)
            return rd.failAt(t, at,
                             "a row of unknown kind 0x" + QByteArray::number(kind, 16).toStdString() +
                                 ": the file is damaged or of a variant this reader does not know");
        const quint32 index = le<quint32>(r + 1);
        if (index <= last) {
            if (index == last) {
                ++o.duplicates;
                return {};
            }
            return rd.failAt(t, at + 1,
                             "data-point number " + std::to_string(index) + " follows " +
                                 std::to_string(last) + ": the file is damaged");
        }
        const double m = rangeMultiplier(le<qint32>(r + 75));
        const double v = le<qint32>(r + 24) * 1e-4, i = le<qint32>(r + 28) * m;
        const double c1 = double(le<qint64>(r + 36)) * m / 3600.0,
                     c2 = double(le<qint64>(r + 44)) * m / 3600.0;
        const double e1 = double(le<qint64>(r + 52)) * m / 3600.0,
                     e2 = double(le<qint64>(r + 60)) * m / 3600.0;
        const double tt = double(le<quint64>(r + 79)) * 1e-3, st = double(le<quint64>(r + 16)) * 1e-3;
        if (!finite({v, i, c1, c2, e1, e2}) || tt < lastTime || tt > 1e10)
            return rd.failAt(t, at,
                             "data record " + std::to_string(index) +
                                 " holds an impossible time, voltage or current: the file is damaged");
        const int status = quint8(r[10]);
        const neware::Status* s = neware::status(status);
        if (!s) o.unknownStatus.insert(status);
        if (o.record.empty()) {
            const QDateTime clock(QDate(le<quint16>(r + 68), quint8(r[70]), quint8(r[71])),
                                  QTime(quint8(r[72]), quint8(r[73]), quint8(r[74])));
            if (clock.isValid()) o.clockStartS = clock.toSecsSinceEpoch();
        }
        o.record.push_back(index);
        o.cycleOf(status, quint8(r[9]), double(le<quint32>(r + 5)) + 1.0);
        o.step.push_back(quint8(r[9]));
        o.state.push_back(neware::stateOf(s, i));
        o.time.push_back(tt);
        o.stepTime.push_back(st);
        o.voltage.push_back(v);
        o.current.push_back(i);
        o.qc.push_back(std::abs(c1));
        o.qd.push_back(std::abs(c2));
        o.ec.push_back(std::abs(e1));
        o.ed.push_back(std::abs(e2));
        o.filled.push_back(0.0);
        last = index;
        lastTime = tt;
        return {};
    });
    return ok;
}

// Times stay in integer milliseconds until the end, so that a step's first point and the previous step's
// last point, written at the same instant, get the same test time.
struct RunInfo {
    quint32 index;
    qint64 stepMs;
    double qc, qd, ec, ed;
    qint64 dtMs, clockS;
};

struct StepRow {
    double cycle, step;
    qint64 startMs;
    int status;
    quint32 first;
};

/// Versions 14 and 17: voltage and current in data.ndc, times and counters in data_runInfo.ndc, the step
/// table in data_step.ndc.
Expected<void> readSplit(const Reader& rd, const Ndc& data, const Ndc& run, const Ndc& steps, Out& o)
{
    const bool v17 = data.version == 17;
    std::vector<RunInfo> info;
    quint32 lastIndex = 0;
    auto ok = rd.rows(run, v17 ? 100 : 55, [&](qint64, qsizetype at, const char* r) -> Expected<void> {
        const quint32 index = le<quint32>(r + 41);
        // The first point can be written twice (seen in version 17): the first row counts.
        if (!info.empty() && index <= lastIndex) {
            if (index == lastIndex) return {};
            return rd.failAt(run, at + 41,
                             "data-point number " + std::to_string(index) + " follows " +
                                 std::to_string(lastIndex) + ": the file is damaged");
        }
        RunInfo x{index,
                  qint64(le<quint32>(r)),
                  le<float>(r + 5) * 1e3,
                  le<float>(r + 9) * 1e3,
                  le<float>(r + 13) * 1e3,
                  le<float>(r + 17) * 1e3,
                  qint64(le<qint32>(r + 29)),
                  qint64(le<quint32>(r + 33))};
        if (!finite({x.qc, x.qd, x.ec, x.ed}) || x.dtMs < 0 || std::abs(x.qc) > 1e12 || std::abs(x.qd) > 1e12)
            return rd.failAt(run, at,
                             "run information of data point " + std::to_string(index) +
                                 " holds an impossible capacity or interval: the file is damaged");
        info.push_back(x);
        lastIndex = index;
        return {};
    });
    if (!ok) return ok;

    std::vector<StepRow> table;
    ok = rd.rows(steps, v17 ? 100 : 37, [&](qint64, qsizetype at, const char* r) -> Expected<void> {
        const quint64 startMs = le<quint64>(r + 25);
        if (startMs > (quint64(1) << 50))
            return rd.failAt(steps, at + 25, "a step starts at an impossible time: the file is damaged");
        StepRow s{double(le<quint32>(r)) + 1.0, double(le<quint32>(r + 4)), qint64(startMs), quint8(r[24]),
                  le<quint32>(r + 33)};
        if (!table.empty() && (s.first <= table.back().first || s.startMs < table.back().startMs))
            return rd.failAt(steps, at,
                             "step " + std::to_string(table.size() + 1) +
                                 " starts before the one it follows: the file is damaged");
        table.push_back(s);
        return {};
    });
    if (!ok) return ok;
    if (table.empty()) return rd.failAt(steps, kPage, "the step table is empty: the file is damaged");

    size_t ri = 0, si = 0;
    qint64 stepMs = 0, dtMs = 0;
    double c1 = 0.0, c2 = 0.0, e1 = 0.0, e2 = 0.0;
    ok = rd.rows(data, 8, [&](qint64 slot, qsizetype at, const char* r) -> Expected<void> {
        const quint32 index = quint32(slot + 1);
        const double v = le<float>(r), i = le<float>(r + 4) * 1e3;
        if (!finite({v, i}) || std::abs(v) > 1e4 || std::abs(i) > 1e9)
            return rd.failAt(data, at,
                             "data point " + std::to_string(index) +
                                 " holds an impossible voltage or current: the file is damaged");
        if (index < table.front().first)
            return rd.failAt(data, at,
                             "data point " + std::to_string(index) +
                                 " lies before the first step of the step table: the file is damaged");
        bool newStep = o.record.empty();
        while (si + 1 < table.size() && table[si + 1].first <= index) {
            ++si;
            newStep = true;
        }
        if (newStep) {
            stepMs = 0;
            c1 = c2 = e1 = e2 = 0.0;
        }
        while (ri < info.size() && info[ri].index < index)
            ++ri; // run information for points data.ndc does not hold
        const StepRow& s = table[si];
        bool filled = false;
        if (ri < info.size() && info[ri].index == index) {
            const RunInfo& x = info[ri++];
            stepMs = x.stepMs;
            dtMs = x.dtMs;
            c1 = std::abs(x.qc);
            c2 = std::abs(x.qd);
            e1 = std::abs(x.ec);
            e2 = std::abs(x.ed);
            if (o.clockStartS < 0) o.clockStartS = x.clockS - (s.startMs + x.stepMs) / 1000;
        } else {
            // Continue the last record: BTSDA leaves out a run-information row while the interval stays.
            filled = true;
            ++o.interpolated;
            if (!newStep) { // the first point of a step without a record starts at step time 0
                stepMs += dtMs;
                const double dq = std::abs(i) * double(dtMs) / 3.6e6,
                             de = std::abs(v * i) * double(dtMs) / 3.6e6;
                if (i > 0) {
                    c1 += dq;
                    e1 += de;
                } else if (i < 0) {
                    c2 += dq;
                    e2 += de;
                }
            }
        }
        const neware::Status* st = neware::status(s.status);
        if (!st) o.unknownStatus.insert(s.status);
        o.record.push_back(index);
        o.cycleOf(s.status, s.step, s.cycle);
        o.step.push_back(s.step);
        o.state.push_back(neware::stateOf(st, i));
        o.time.push_back(double(s.startMs + stepMs) * 1e-3);
        o.stepTime.push_back(double(stepMs) * 1e-3);
        o.voltage.push_back(v);
        o.current.push_back(i);
        o.qc.push_back(c1);
        o.qd.push_back(c2);
        o.ec.push_back(e1);
        o.ed.push_back(e2);
        o.filled.push_back(filled ? 1.0 : 0.0);
        return {};
    });
    if (!ok) return ok;
    if (ri < info.size())
        return rd.failAt(run, kPage,
                         "run information for data point " + std::to_string(info[ri].index) +
                             " beyond the last point in data.ndc (" + std::to_string(o.record.size()) +
                             "): data.ndc is cut short");
    return {};
}

/// The value of attribute Value of element \a tag in \a xml (ASCII attributes; the XML is GB2312).
QString xmlValue(const QByteArray& xml, const char* tag, const char* attribute = "Value")
{
    const QRegularExpression re(
        QStringLiteral("<%1\\b[^>]*\\b%2=\"([^\"]*)\"").arg(QLatin1String(tag), QLatin1String(attribute)));
    const auto m = re.match(QString::fromLatin1(xml));
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

QString NewareNdaxImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Neware NDAX (zip, data versions 5, 14, 17)");
}

int NewareNdaxImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!head.startsWith("PK\x03\x04")) return 0;
    const bool suffix = QFileInfo(fileName).suffix().compare(QLatin1String("ndax"), Qt::CaseInsensitive) == 0;
    const bool names =
        head.contains("data.ndc") || (head.contains("TestInfo.xml") && head.contains("Step.xml"));
    return names ? 97 : (suffix ? 95 : 0);
}

qint64 NewareNdaxImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
NewareNdaxImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto zip = ZipArchive::open(bytes, fileName);
    if (!zip) return std::unexpected(zip.error());
    const std::string advice = "; export the data from BTSDA as CSV or Excel meanwhile";
    if (!zip->contains(QStringLiteral("data.ndc")))
        return fail(file, "",
                    "no zip entry 'data.ndc': not a Neware .ndax file, or one of a layout this reader does "
                    "not know" +
                        advice);
    const Reader rd(fileName);
    auto data = rd.load(*zip, QStringLiteral("data.ndc"));
    if (!data) return std::unexpected(data.error());
    if (data->type != 1)
        return rd.failAt(*data, 0,
                         "the table is of type " + std::to_string(data->type) +
                             ", not a data table: unsupported .ndax layout" + advice);

    Out o;
    const int version = data->version;
    if (version == 5) {
        if (auto ok = readV5(rd, *data, o); !ok) return std::unexpected(ok.error());
    } else if (version == 14 || version == 17) {
        std::vector<Ndc> parts;
        for (const char* name : {"data_runInfo.ndc", "data_step.ndc"}) {
            if (!zip->contains(QLatin1String(name)))
                return fail(file, "",
                            "no zip entry '" + std::string(name) + "', which data version " +
                                std::to_string(version) + " needs: the file is incomplete");
            auto t = rd.load(*zip, QLatin1String(name));
            if (!t) return std::unexpected(t.error());
            const int wantType = parts.empty() ? 18 : 7;
            if (t->version != version || t->type != wantType)
                return rd.failAt(*t, 0,
                                 "table type " + std::to_string(t->type) + " version " +
                                     std::to_string(t->version) + " beside data version " +
                                     std::to_string(version) + ": unsupported .ndax combination" + advice);
            parts.push_back(std::move(*t));
        }
        if (auto ok = readSplit(rd, *data, parts[0], parts[1], o); !ok) return std::unexpected(ok.error());
    } else {
        return rd.failAt(*data, 2,
                         "unsupported .ndax data version " + std::to_string(version) +
                             " (this reader knows versions 5, 14 and 17)" + advice);
    }
    if (o.record.empty()) return rd.failAt(*data, kPage, "the file holds no data records");

    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    const qint64 interpolated = o.interpolated;
    d.columns = {
        {QStringLiteral("Record"), QStringLiteral("1"), std::move(o.record)},
        {QStringLiteral("Cycle"), QStringLiteral("1"), std::move(o.cycle)},
        {QStringLiteral("File Cycle"), QStringLiteral("1"), std::move(o.fileCycle)},
        {QStringLiteral("Step"), QStringLiteral("1"), std::move(o.step)},
        {QStringLiteral("State"), QStringLiteral("1"), std::move(o.state)},
        {QStringLiteral("Time"), QStringLiteral("s"), std::move(o.time)},
        {QStringLiteral("Step Time"), QStringLiteral("s"), std::move(o.stepTime)},
        {QStringLiteral("Voltage"), QStringLiteral("V"), std::move(o.voltage)},
        {QStringLiteral("Current"), QStringLiteral("mA"), std::move(o.current)},
        {QStringLiteral("Charge Capacity"), QStringLiteral("mAh"), std::move(o.qc)},
        {QStringLiteral("Discharge Capacity"), QStringLiteral("mAh"), std::move(o.qd)},
        {QStringLiteral("Charge Energy"), QStringLiteral("mWh"), std::move(o.ec)},
        {QStringLiteral("Discharge Energy"), QStringLiteral("mWh"), std::move(o.ed)},
    };
    if (interpolated > 0)
        d.columns.push_back({QStringLiteral("Interpolated"), QStringLiteral("1"), std::move(o.filled)});
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Neware"));
    d.metadata.insert(QStringLiteral("ndc_version"), version);
    d.metadata.insert(
        QStringLiteral("cycle_source"),
        QStringLiteral("counted: a charge step after a discharge starts a cycle (charge first); "
                       "File Cycle is the file's loop counter"));
    if (o.clockStartS > 0)
        d.metadata.insert(QStringLiteral("start_time"),
                          QDateTime::fromSecsSinceEpoch(o.clockStartS, Qt::UTC).toString(Qt::ISODate));

    // Metadata from the XML parts (optional: a missing or odd part costs metadata, not data).
    auto xml = [&](const char* name) {
        if (!zip->contains(QLatin1String(name))) return QByteArray();
        auto b = zip->read(QLatin1String(name), kMaxXmlBytes);
        return b ? *b : QByteArray();
    };
    const QByteArray testInfo = xml("TestInfo.xml"), stepXml = xml("Step.xml"),
                     versionInfo = xml("VersionInfo.xml");
    for (const char* a :
         {"StartTime", "DevType", "DevID", "UnitID", "ChlID", "TestID", "CurrRange", "VoltRange"})
        if (const QString v = xmlValue(testInfo, "TestInfo", a); !v.isEmpty())
            d.metadata.insert(QStringLiteral("test_") + QLatin1String(a), v);
    if (const QString v = xmlValue(versionInfo, "ZwjVersion", "CurrClientVer"); !v.isEmpty())
        d.metadata.insert(QStringLiteral("client_version"), v);
    if (const QString v = xmlValue(versionInfo, "ZwjVersion", "SvrVer"); !v.isEmpty())
        d.metadata.insert(QStringLiteral("server_version"), v);
    // Active mass: Step.xml Head_Info SCQ_F is the mass in kg (SCQ the same in units of 10 µg: a file holding
    // both has SCQ = 10⁸·SCQ_F). The unit is inferred, not documented: the warning says so.
    const QString scqF = xmlValue(stepXml, "SCQ_F"), scq = xmlValue(stepXml, "SCQ");
    bool okF = false, okS = false;
    const double kg = scqF.toDouble(&okF), tenMicrograms = scq.toDouble(&okS);
    double massMg = 0.0;
    if (okF && kg > 0 && std::isfinite(kg))
        massMg = kg * 1e6;
    else if (okS && tenMicrograms > 0 && std::isfinite(tenMicrograms))
        massMg = tenMicrograms * 1e-2;
    if (massMg > 0) {
        d.metadata.insert(QStringLiteral("instrument_mass_mg"), massMg);
        d.metadata.insert(QStringLiteral("instrument_mass_source"),
                          QStringLiteral("Step.xml Head_Info SCQ_F=%1 (kg), SCQ=%2 (10 µg)").arg(scqF, scq));
        addImportWarning(d, QCoreApplication::translate("vanadis",
                                                        "The active mass %1 mg comes from Step.xml (SCQ_F "
                                                        "read as kg); Neware does not document the unit: "
                                                        "check it against the cell.")
                                .arg(massMg, 0, 'g', 4));
    }

    QStringList auxTables;
    for (const QString& n : zip->entryNames())
        if (n.startsWith(QLatin1String("data_AUX_"), Qt::CaseInsensitive)) auxTables << n;
    if (!auxTables.isEmpty() || o.aux > 0) {
        addImportWarning(d, QCoreApplication::translate("vanadis",
                                                        "Auxiliary channels (temperature, voltage) are not "
                                                        "read: %1.")
                                .arg(auxTables.isEmpty() ? QString::number(o.aux) + QStringLiteral(" rows")
                                                         : auxTables.join(QStringLiteral(", "))));
    }
    if (interpolated > 0) {
        d.metadata.insert(QStringLiteral("interpolated_rows"), interpolated);
        addImportWarning(
            d, QCoreApplication::translate("vanadis", "%1 of %2 rows have no time and capacity record in "
                                                      "data_runInfo.ndc (BTSDA writes one when the interval "
                                                      "changes): their time continues the last interval and "
                                                      "their capacity adds |I|·interval, as BTSDA shows them "
                                                      "(column Interpolated = 1).")
                   .arg(interpolated)
                   .arg(d.columns.front().values.size()));
    }
    if (o.duplicates > 0)
        addImportWarning(d,
                         QCoreApplication::translate("vanadis", "%n record(s) written twice were read once.",
                                                     nullptr, int(o.duplicates)));
    if (!o.unknownStatus.empty()) {
        QStringList codes;
        for (int c : o.unknownStatus)
            codes << QString::number(c);
        addImportWarning(d, QCoreApplication::translate("vanadis", "Unknown step status code(s) %1: State "
                                                                   "was taken from the sign of the current.")
                                .arg(codes.join(QStringLiteral(", "))));
    }
    std::vector<ImportedDataset> out;
    out.push_back(std::move(d));
    return out;
}

} // namespace vanadis
