#include "io/import/NewareNdaV29.h"

#include "io/import/NewareStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QtEndian>
#include <cmath>
#include <cstring>
#include <set>

namespace vanadis {

namespace {

constexpr qsizetype kSlot = 86;
constexpr qsizetype kHeaderFieldsEnd = 156; // the last header field read (mass) ends here

/// Current range code (bytes 78–81 of a record) → mA per count of the current field, as listed by
/// NewareNDA (multiplier_dict); the same factor turns capacities into mA·s and energies into mW·s.
struct RangeScale {
    qint32 range;
    double maPerCount;
};
constexpr RangeScale kCurrentRangeScale[] = {
    {-100000000, 10}, {-200000, 1e-2}, {-100000, 1e-2}, {-60000, 1e-2}, {-50000, 1e-2}, {-40000, 1e-2},
    {-30000, 1e-2},   {-20000, 1e-2},  {-12000, 1e-2},  {-10000, 1e-2}, {-6000, 1e-2},  {-5000, 1e-2},
    {-3000, 1e-2},    {-2000, 1e-2},   {-1000, 1e-2},   {-500, 1e-3},   {-100, 1e-3},   {-50, 1e-4},
    {-25, 1e-4},      {-20, 1e-4},     {-10, 1e-4},     {-5, 1e-5},     {-2, 1e-5},     {-1, 1e-5},
    {0, 0.0},         {1, 1e-4},       {2, 1e-4},       {5, 1e-4},      {10, 1e-3},     {20, 1e-3},
    {25, 1e-3},       {50, 1e-3},      {100, 1e-2},     {200, 1e-2},    {250, 1e-2},    {500, 1e-2},
    {1000, 1e-1},     {6000, 1e-1},    {10000, 1e-1},   {12000, 1e-1},  {20000, 1e-1},  {30000, 1e-1},
    {40000, 1e-1},    {50000, 1e-1},   {60000, 1e-1},   {100000, 1e-1}, {200000, 1e-1},
};

const RangeScale* rangeScale(qint32 range)
{
    for (const RangeScale& r : kCurrentRangeScale)
        if (r.range == range) return &r;
    return nullptr;
}

template <class T>
T le(const char* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return qFromLittleEndian(v);
}

std::string at(qsizetype offset)
{
    return "byte " + std::to_string(offset);
}

bool zeroTail(const char* slot)
{
    return slot[82] == 0 && slot[83] == 0 && slot[84] == 0 && slot[85] == 0;
}

/// Where the record section starts: the header's own pointer when a record slot is there, else (as
/// NewareNDA does) the first 0x55 0x00 slot with a non-zero status followed by another data slot or the
/// end of the file. −1 when there is none.
qsizetype recordsStart(const char* b, qsizetype size)
{
    const qsizetype declared = le<quint32>(b + 64);
    if (declared >= kHeaderFieldsEnd && declared + kSlot <= size &&
        (quint8(b[declared]) == 0x55 || quint8(b[declared]) == 0xAA) && b[declared + 1] == 0 &&
        zeroTail(b + declared))
        return declared;
    const QByteArrayView all(b, size);
    static const char kIdent[] = {0, 0, 0, 0, 0x55, 0};
    for (qsizetype p = all.indexOf(QByteArrayView(kIdent, 6), kHeaderFieldsEnd); p >= 0;
         p = all.indexOf(QByteArrayView(kIdent, 6), p + 1)) {
        const qsizetype r = p + 4;
        if (r + kSlot > size) break;
        if (b[r + 12] == 0 || !zeroTail(b + r)) continue;
        if (r + kSlot == size || (r + 2 * kSlot <= size && quint8(b[r + kSlot]) == 0x55)) return r;
    }
    return -1;
}

} // namespace

Expected<ImportedDataset> readNdaVersion29(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    const qsizetype size = bytes.size();
    const char* b = bytes.constData();
    if (size < kHeaderFieldsEnd)
        return fail(file, at(size), "the version-29 .nda file ends inside its header (cut short?)");

    // The header's lengths (start + length of the record section = file length on the real file) tell a
    // file cut at a record boundary from a complete one.
    const quint32 sectionStart = le<quint32>(b + 64), sectionBytes = le<quint32>(b + 68),
                  declaredSize = le<quint32>(b + 72);
    const bool lengthsAgree = quint64(sectionStart) + sectionBytes == declaredSize && sectionStart > 0;
    if (lengthsAgree && qint64(declaredSize) > size)
        return fail(file, at(size),
                    "the file ends after " + std::to_string(size) + " bytes but its header says it holds " +
                        std::to_string(declaredSize) + ": it is cut short");

    const qsizetype start = recordsStart(b, size);
    if (start < 0)
        return fail(file, at(kHeaderFieldsEnd),
                    "no data records found in this version-29 .nda file (cut short or damaged?)");

    std::vector<double> record, cycle, fileCycle, step, state, time, stepTime, voltage, current, qc, qd, ec,
        ed;
    std::set<int> unknownStatus;
    neware::ChargeFirstCycles cycles;
    int cyc = 1, lastStatus = -1, lastStep = -1;
    quint32 lastIndex = 0;
    double lastStepTime = 0.0, offset = 0.0;
    qsizetype aux = 0, copies = 0, duplicates = 0;
    QDateTime firstClock;
    qsizetype pos = start;
    for (; pos + kSlot <= size; pos += kSlot) {
        const char* r = b + pos;
        const quint8 kind = quint8(r[0]);
        if (!zeroTail(r) || (kind != 0x65 && r[1] != 0))
            return fail(file, at(pos),
                        "a record slot of this version-29 .nda file is not laid out as records are (damaged "
                        "file, or a variant this reader does not know)");
        if (kind == 0x65) {
            ++aux;
            continue;
        }
        if (kind == 0xAA) {
            ++copies;
            continue;
        }
        if (kind != 0x55)
            return fail(file, at(pos),
                        "unexpected block (first byte " + std::to_string(kind) +
                            ") among the records of this version-29 .nda file: it is damaged");
        const quint32 index = le<quint32>(r + 2);
        const int stepNo = le<quint16>(r + 10);
        const int st = quint8(r[12]);
        const quint64 stepMs = le<quint64>(r + 14);
        const qint32 range = le<qint32>(r + 78);
        const std::string which = "data record " + std::to_string(index);
        if (index == 0 || st == 0)
            return fail(file, at(pos + 2),
                        which + " has no data-point number or status: the file is damaged");
        if (record.size() > 0 && index <= lastIndex) {
            // A record written twice is read once; any other step back in the data-point number is damage.
            if (index == lastIndex && pos - kSlot >= start && std::memcmp(r, r - kSlot, size_t(kSlot)) == 0) {
                ++duplicates;
                continue;
            }
            return fail(file, at(pos + 2),
                        "data-point number " + std::to_string(index) + " follows " +
                            std::to_string(lastIndex) + ": the file is damaged");
        }
        const RangeScale* scale = rangeScale(range);
        if (!scale)
            return fail(file, at(pos + 78),
                        which + " uses current range " + std::to_string(range) +
                            ", whose scaling this reader does not know (unsupported current range); export "
                            "the data from BTSDA as CSV or Excel meanwhile");
        const double stepS = double(stepMs) * 1e-3;
        if (stepS > 1e9)
            return fail(file, at(pos + 14), which + " holds an impossible step time: the file is damaged");
        const QDate date{le<quint16>(r + 70), quint8(r[72]), quint8(r[73])};
        const QTime clock{quint8(r[74]), quint8(r[75]), quint8(r[76])};
        if (!date.isValid() || !clock.isValid())
            return fail(file, at(pos + 70), which + " holds an impossible date: the file is damaged");
        const double v = le<qint32>(r + 22) * 1e-4;
        const double i = le<qint32>(r + 26) * scale->maPerCount;
        const double c1 = double(le<qint64>(r + 38)), c2 = double(le<qint64>(r + 46)),
                     e1 = double(le<qint64>(r + 54)), e2 = double(le<qint64>(r + 62));
        if (std::abs(v) > 1000.0 || std::abs(i) > 1e9)
            return fail(file, at(pos + 22),
                        which + " holds an impossible voltage or current: the file is damaged");

        // A new step (its number changes, or its step time starts again) continues the test time where
        // the previous step's last record left it.
        const bool newStep = record.empty() || stepNo != lastStep || stepS < lastStepTime;
        if (newStep && !record.empty()) offset += lastStepTime;
        if (newStep || st != lastStatus) cyc = cycles.at(st);
        const neware::Status* info = neware::status(st);
        if (!info) unknownStatus.insert(st);
        if (record.empty()) firstClock = QDateTime(date, clock);

        record.push_back(index);
        cycle.push_back(cyc);
        fileCycle.push_back(double(le<quint32>(r + 6)) + 1.0);
        step.push_back(stepNo);
        state.push_back(neware::stateOf(info, i));
        time.push_back(offset + stepS);
        stepTime.push_back(stepS);
        voltage.push_back(v);
        current.push_back(i);
        const double toMah = scale->maPerCount / 3600.0;
        qc.push_back(std::abs(c1) * toMah);
        qd.push_back(std::abs(c2) * toMah);
        ec.push_back(std::abs(e1) * toMah);
        ed.push_back(std::abs(e2) * toMah);
        lastIndex = index;
        lastStep = stepNo;
        lastStatus = st;
        lastStepTime = stepS;
    }
    if (pos < size)
        return fail(file, at(pos),
                    "the file ends inside a record (" + std::to_string(size - pos) +
                        " of 86 bytes): it is cut "
                        "short");
    if (record.empty()) return fail(file, at(start), "the file holds no data records");

    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    d.columns = {
        {QStringLiteral("Record"), QStringLiteral("1"), std::move(record)},
        {QStringLiteral("Cycle"), QStringLiteral("1"), std::move(cycle)},
        {QStringLiteral("File Cycle"), QStringLiteral("1"), std::move(fileCycle)},
        {QStringLiteral("Step"), QStringLiteral("1"), std::move(step)},
        {QStringLiteral("State"), QStringLiteral("1"), std::move(state)},
        {QStringLiteral("Time"), QStringLiteral("s"), std::move(time)},
        {QStringLiteral("Step Time"), QStringLiteral("s"), std::move(stepTime)},
        {QStringLiteral("Voltage"), QStringLiteral("V"), std::move(voltage)},
        {QStringLiteral("Current"), QStringLiteral("mA"), std::move(current)},
        {QStringLiteral("Charge Capacity"), QStringLiteral("mAh"), std::move(qc)},
        {QStringLiteral("Discharge Capacity"), QStringLiteral("mAh"), std::move(qd)},
        {QStringLiteral("Charge Energy"), QStringLiteral("mWh"), std::move(ec)},
        {QStringLiteral("Discharge Energy"), QStringLiteral("mWh"), std::move(ed)},
    };
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Neware"));
    d.metadata.insert(QStringLiteral("file_version"), 29);
    d.metadata.insert(QStringLiteral("file_date"), QString::fromLatin1(QByteArray(b + 6, 8)));
    d.metadata.insert(
        QStringLiteral("cycle_source"),
        QStringLiteral("counted: a charge step after a discharge starts a cycle (charge first); "
                       "File Cycle is the file's loop counter"));
    d.metadata.insert(QStringLiteral("time_source"),
                      QStringLiteral("running sum of the records' step times (the file holds no test time)"));
    // The record clock has no time zone: it is the instrument's local time.
    d.metadata.insert(QStringLiteral("start_time"), firstClock.toString(Qt::ISODate));
    if (size >= 2417) {
        QByteArray remarks(b + 2317, 100);
        remarks.truncate(remarks.indexOf('\0') < 0 ? remarks.size() : remarks.indexOf('\0'));
        bool printable = true;
        for (char c : remarks)
            printable = printable && quint8(c) >= 0x20 && quint8(c) < 0x7F;
        if (printable && !remarks.trimmed().isEmpty())
            d.metadata.insert(QStringLiteral("remarks"), QString::fromLatin1(remarks.trimmed()));
    }
    const quint32 massUg = le<quint32>(b + 152);
    if (massUg > 0) {
        const double massMg = massUg * 1e-3;
        d.metadata.insert(QStringLiteral("instrument_mass_mg"), massMg);
        d.metadata.insert(QStringLiteral("instrument_mass_source"),
                          QStringLiteral("header u32 at byte 152 = %1 (µg)").arg(massUg));
        addImportWarning(d, QCoreApplication::translate("vanadis",
                                                        "The active mass %1 mg comes from the .nda header "
                                                        "(read as µg); Neware does not document the unit: "
                                                        "check it against the cell.")
                                .arg(massMg, 0, 'g', 6));
    }
    if (aux > 0) {
        d.metadata.insert(QStringLiteral("auxiliary_records_skipped"), qint64(aux));
        addImportWarning(d, QCoreApplication::translate("vanadis",
                                                        "%n auxiliary record(s) (temperature, voltage) were "
                                                        "not read.",
                                                        nullptr, int(aux)));
    }
    if (copies > 0) d.metadata.insert(QStringLiteral("non_data_slots_skipped"), qint64(copies));
    if (duplicates > 0)
        addImportWarning(d,
                         QCoreApplication::translate("vanadis", "%n record(s) written twice were read once.",
                                                     nullptr, int(duplicates)));
    if (!unknownStatus.empty()) {
        QStringList codes;
        for (int c : unknownStatus)
            codes << QString::number(c);
        addImportWarning(d, QCoreApplication::translate("vanadis", "Unknown step status code(s) %1: State "
                                                                   "was taken from the sign of the current.")
                                .arg(codes.join(QStringLiteral(", "))));
    }
    return d;
}

} // namespace vanadis
