#pragma once
// Minimal Neware .nda files of version 29 for tests, written from the known protocol of NdaxTestWriter.h
// (the layout facts of NewareNdaV29.h, written out here independently): a header with the file version,
// the active mass in µg, remarks and the record section's start, length and the file length; then 86-byte
// slots: a leading 0xAA slot as BTSDA writes one, data records, one 0xAA and one auxiliary slot among them.
// The truth is the list of points; the reader must give it back.
#include "NdaxTestWriter.h"

#include <QByteArray>
#include <QDateTime>
#include <cmath>
#include <vector>

namespace testnda {

constexpr qsizetype kSectionStart = 4096;

/// The current range the generator writes for a point and its mA per count (NewareNDA's multiplier table):
/// charge steps in range 10 (1 µA per count), everything else in range 100 (10 µA per count).
inline qint32 rangeOf(const testndax::Point& p)
{
    return p.status == 1 ? 10 : 100;
}
inline double maPerCount(qint32 range)
{
    return range == 10 ? 1e-3 : 1e-2;
}

inline QByteArray record(const testndax::Point& p, quint8 marker = 0x55)
{
    using testndax::put;
    QByteArray r(86, '\0');
    r[0] = char(marker);
    put<quint32>(r, 2, p.index);
    put<quint32>(r, 6, quint32(p.cycle - 1));
    put<quint16>(r, 10, quint16(p.step));
    r[12] = char(p.status);
    r[13] = char(p.step);
    put<quint64>(r, 14, quint64(std::llround(p.stepTimeS * 1000.0)));
    put<qint32>(r, 22, qint32(std::lround(p.voltageV * 1e4)));
    const qint32 range = rangeOf(p);
    const double unit = maPerCount(range); // mA, mA·s and mW·s per count
    put<qint32>(r, 26, qint32(std::lround(p.currentMa / unit)));
    put<qint64>(r, 38, qint64(std::llround(p.qcMah * 3600.0 / unit)));
    put<qint64>(r, 46, qint64(std::llround(p.qdMah * 3600.0 / unit)));
    put<qint64>(r, 54, qint64(std::llround(p.ecMwh * 3600.0 / unit)));
    put<qint64>(r, 62, qint64(std::llround(p.edMwh * 3600.0 / unit)));
    const QDateTime clock =
        QDateTime(QDate(2020, 3, 25), QTime(11, 16, 50)).addSecs(qint64(std::floor(p.testTimeS)));
    put<quint16>(r, 70, quint16(clock.date().year()));
    r[72] = char(clock.date().month());
    r[73] = char(clock.date().day());
    r[74] = char(clock.time().hour());
    r[75] = char(clock.time().minute());
    r[76] = char(clock.time().second());
    put<qint32>(r, 78, range);
    return r;
}

/// A version-29 file holding \a points, with active mass \a massUg (µg) in the header.
inline QByteArray v29(const std::vector<testndax::Point>& points, quint32 massUg = 1234)
{
    using testndax::put;
    QByteArray b(kSectionStart, '\0');
    b.replace(0, 14, "NEWARE20200325");
    b[14] = 29;
    put<quint32>(b, 152, massUg);
    const QByteArray remarks("generated v29 test file");
    b.replace(2317, remarks.size(), remarks);
    b += record(points.front(), 0xAA);
    for (size_t k = 0; k < points.size(); ++k) {
        b += record(points[k]);
        if (k == points.size() / 2) {
            b += record(points[k], 0xAA);
            QByteArray aux(86, '\0');
            aux[0] = char(0x65);
            aux[1] = 1; // auxiliary channel
            put<quint32>(aux, 2, points[k].index);
            b += aux;
        }
    }
    put<quint32>(b, 64, quint32(kSectionStart));
    put<quint32>(b, 68, quint32(b.size() - kSectionStart));
    put<quint32>(b, 72, quint32(b.size()));
    put<quint32>(b, 80, quint32(b.size()));
    return b;
}

} // namespace testnda
