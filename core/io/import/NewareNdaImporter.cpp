#include "io/import/NewareNdaImporter.h"

#include "io/import/ImporterRegistry.h"
#include "io/import/NewareNdaV29.h"
#include "io/import/NewareStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QtEndian>
#include <cmath>
#include <cstring>
#include <set>

namespace vanadis {

namespace {

constexpr qsizetype kRecordsStart = 1024;
constexpr qsizetype kSlot = 88;
constexpr int kVersion130 = 130;
constexpr int kVersion29 = 29;

template <class T>
T le(const char* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::is_integral_v<T>) v = qFromLittleEndian(v);
    return v;
}

std::string at(qsizetype offset)
{
    return "byte " + std::to_string(offset);
}

} // namespace

QString NewareNdaImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Neware NDA (binary, versions 29 and 130)");
}

int NewareNdaImporter::sniff(const QByteArray& head, const QString&) const
{
    return head.startsWith("NEWARE") ? 99 : 0;
}

qint64 NewareNdaImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
NewareNdaImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    const qsizetype size = bytes.size();
    const char* b = bytes.constData();
    if (!bytes.startsWith("NEWARE")) return fail(file, at(0), "not a Neware .nda file (no 'NEWARE')");
    if (size < 15) return fail(file, at(size), "the file ends inside its header");
    const int version = quint8(b[14]);
    const std::string advice = "; export the data from BTSDA as CSV or Excel meanwhile";
    if (version == kVersion29) {
        auto d = readNdaVersion29(bytes, fileName);
        if (!d) return std::unexpected(d.error());
        std::vector<ImportedDataset> out;
        out.push_back(std::move(*d));
        return out;
    }
    if (version != kVersion130)
        return fail(file, at(14),
                    "Neware .nda file of unsupported version " + std::to_string(version) +
                        " (this reader knows versions 29 and 130)" + advice);
    if (size < kRecordsStart + kSlot)
        return fail(file, at(size), "the file ends before its first data record (cut short?)");

    const QByteArray ident(b + kRecordsStart, 6);
    if (quint8(ident[4]) != 0x55)
        return fail(file, at(kRecordsStart),
                    "no data record where version 130 keeps the first one; this variant of version 130 is "
                    "unsupported" +
                        advice);

    std::vector<double> record, step, state, time, voltage, current, qc, qd, ec, ed, cycle;
    std::set<int> unknownStatus;
    qsizetype pos = kRecordsStart;
    qsizetype records = 0, aux = 0, duplicates = 0;
    double clockStartUs = -1.0;
    quint32 lastIndex = 0;
    double lastTime = -1.0;
    neware::ChargeFirstCycles cycles;
    int cyc = 1;
    int lastStatus = -1;
    for (; pos + kSlot <= size; pos += kSlot) {
        const char* s = b + pos;
        if (std::memcmp(s, ident.constData(), 6) == 0) {
            const char* r = s + 4;
            const int st = quint8(r[6]);
            const quint32 index = le<quint32>(r + 12);
            const double t = double(le<quint64>(r + 24)) * 1e-6;
            const double v = le<float>(r + 32), i = le<float>(r + 36);
            const double c1 = le<float>(r + 48), e1 = le<float>(r + 52), c2 = le<float>(r + 56),
                         e2 = le<float>(r + 60);
            if (records > 0 && index <= lastIndex) {
                // A record written twice (the reference reader drops such duplicates) is left out; any other
                // step back in the data-point number is damage.
                if (index == lastIndex && std::memcmp(s, s - kSlot, size_t(kSlot)) == 0) {
                    ++duplicates;
                    continue;
                }
                return fail(file, at(pos + 16),
                            "data-point number " + std::to_string(index) + " follows " +
                                std::to_string(lastIndex) + ": the file is damaged");
            }
            if (!std::isfinite(v) || !std::isfinite(i) || !std::isfinite(c1) || !std::isfinite(c2) ||
                !std::isfinite(e1) || !std::isfinite(e2) || std::abs(v) > 1e4 || std::abs(i) > 1e9)
                return fail(file, at(pos),
                            "data record " + std::to_string(index) +
                                " holds an impossible voltage, current or capacity: the file "
                                "is damaged");
            if (t < lastTime)
                return fail(file, at(pos + 28),
                            "test time goes back at data record " + std::to_string(index) +
                                ": the file is damaged");
            const neware::Status* info = neware::status(st);
            if (!info) unknownStatus.insert(st);
            const double stv = neware::stateOf(info, i);
            if (st != lastStatus) cyc = cycles.at(st);
            lastStatus = st;
            if (records == 0) clockStartUs = double(le<quint64>(r + 64));
            record.push_back(index);
            step.push_back(quint8(r[5]));
            state.push_back(stv);
            time.push_back(t);
            voltage.push_back(v);
            current.push_back(i);
            qc.push_back(std::abs(c1) / 3600.0);
            qd.push_back(std::abs(c2) / 3600.0);
            ec.push_back(std::abs(e1) / 3600.0);
            ed.push_back(std::abs(e2) / 3600.0);
            cycle.push_back(cyc);
            lastIndex = index;
            lastTime = t;
            ++records;
        } else if (std::memcmp(s, "\0\0\0\0\x65", 5) == 0) {
            ++aux;
        } else {
            break;
        }
    }
    const qsizetype recordsEnd = pos;
    const qsizetype tail = size - recordsEnd;
    if (tail > 0 && tail < kSlot &&
        std::memcmp(b + recordsEnd, ident.constData(), size_t(std::min<qsizetype>(tail, 6))) == 0)
        return fail(file, at(recordsEnd),
                    "the file ends inside a data record (" + std::to_string(tail) +
                        " of 88 bytes): it is cut short");
    if (tail == 0)
        return fail(file, at(size),
                    "the file ends right after data record " + std::to_string(lastIndex) +
                        " without the closing section BTSDA writes: it is cut short");
    // Nothing after the records may look like one: records past a foreign slot mean a layout this
    // reader does not know (BTS 8 files of 2024 also say version 130).
    for (qsizetype p = recordsEnd + kSlot; p + kSlot <= size; p += kSlot)
        if (std::memcmp(b + p, ident.constData(), 6) == 0)
            return fail(file, at(recordsEnd),
                        "the records of this version-130 file are not laid out as this reader knows (a "
                        "foreign block at " +
                            at(recordsEnd) + " between records): unsupported variant" + advice);
    if (records == 0) return fail(file, at(kRecordsStart), "the file holds no data records");

    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("cycling_record");
    d.name = QFileInfo(fileName).completeBaseName();
    d.columns = {
        {QStringLiteral("Record"), QStringLiteral("1"), std::move(record)},
        {QStringLiteral("Cycle"), QStringLiteral("1"), std::move(cycle)},
        {QStringLiteral("Step"), QStringLiteral("1"), std::move(step)},
        {QStringLiteral("State"), QStringLiteral("1"), std::move(state)},
        {QStringLiteral("Time"), QStringLiteral("s"), std::move(time)},
        {QStringLiteral("Voltage"), QStringLiteral("V"), std::move(voltage)},
        {QStringLiteral("Current"), QStringLiteral("mA"), std::move(current)},
        {QStringLiteral("Charge Capacity"), QStringLiteral("mAh"), std::move(qc)},
        {QStringLiteral("Discharge Capacity"), QStringLiteral("mAh"), std::move(qd)},
        {QStringLiteral("Charge Energy"), QStringLiteral("mWh"), std::move(ec)},
        {QStringLiteral("Discharge Energy"), QStringLiteral("mWh"), std::move(ed)},
    };
    d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Neware"));
    d.metadata.insert(QStringLiteral("file_version"), version);
    d.metadata.insert(QStringLiteral("file_date"), QString::fromLatin1(QByteArray(b + 6, 8)));
    d.metadata.insert(
        QStringLiteral("cycle_source"),
        QStringLiteral("counted: a charge step after a discharge starts a cycle (charge first)"));
    if (aux > 0) d.metadata.insert(QStringLiteral("auxiliary_records_skipped"), qint64(aux));
    if (clockStartUs > 0)
        d.metadata.insert(QStringLiteral("start_time"),
                          QDateTime::fromMSecsSinceEpoch(qint64(clockStartUs / 1000.0), Qt::UTC)
                              .toString(Qt::ISODateWithMs));
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
    std::vector<ImportedDataset> out;
    out.push_back(std::move(d));
    return out;
}

} // namespace vanadis
