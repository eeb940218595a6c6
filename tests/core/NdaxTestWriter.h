#pragma once
// Minimal Neware .ndax files for tests, written from a known protocol (the layout facts of
// NewareNdaxImporter.h, written out here independently: pages, bit maps, row layouts of data version 5 and
// of the split versions 14 and 17). The truth is the list of points; the reader must give it back.
#include "XlsxTestWriter.h"

#include <QByteArray>
#include <QtEndian>
#include <cmath>
#include <cstring>
#include <vector>

namespace testndax {

/// One record of the generated test, as the instrument would report it.
struct Point {
    quint32 index = 0;
    int cycle = 1, step = 1, status = 4; ///< status: 1 CC charge, 2 CC discharge, 4 rest
    double testTimeS = 0, stepTimeS = 0, stepStartS = 0, dtS = 0;
    double voltageV = 0, currentMa = 0;
    double qcMah = 0, qdMah = 0, ecMwh = 0, edMwh = 0; ///< per-step counters
    bool stepStart = false;
};

/// Rest 60 s, charge +1 mA for 3600 s (records every 10 s, then every 5 s for the second half), discharge
/// −0.5 mA for 3600 s (every 10 s), two cycles; voltage a known smooth function of time; counters exact.
inline std::vector<Point> protocol()
{
    std::vector<Point> out;
    quint32 index = 0;
    double t = 0.0;
    auto add = [&](int cycle, int step, int status, double currentMa, double duration,
                   const std::vector<std::pair<double, double>>& intervals) {
        const double start = t;
        double st = 0.0, qc = 0.0, qd = 0.0, ec = 0.0, ed = 0.0;
        bool first = true;
        auto record = [&](double dt) {
            Point p;
            p.index = ++index;
            p.cycle = cycle;
            p.step = step;
            p.status = status;
            p.stepStartS = start;
            p.stepTimeS = st;
            p.testTimeS = start + st;
            p.dtS = dt;
            p.currentMa = currentMa;
            p.voltageV = 3.0 + 0.5 * std::sin(p.testTimeS / 2000.0);
            p.qcMah = qc;
            p.qdMah = qd;
            p.ecMwh = ec;
            p.edMwh = ed;
            p.stepStart = first;
            first = false;
            out.push_back(p);
        };
        record(0.0);
        for (const auto& [until, dt] : intervals)
            while (st + dt <= until + 1e-9) {
                // Energy over the interval from the voltage at its end (the generator's own convention,
                // stored in the file, so the reader's energies must equal it).
                st += dt;
                const double v = 3.0 + 0.5 * std::sin((start + st) / 2000.0);
                const double dq = std::abs(currentMa) * dt / 3600.0;
                if (currentMa > 0) {
                    qc += dq;
                    ec += dq * v;
                } else if (currentMa < 0) {
                    qd += dq;
                    ed += dq * v;
                }
                record(dt);
            }
        t = start + duration;
    };
    add(1, 1, 4, 0.0, 60, {{60, 10}});
    for (int c = 1; c <= 2; ++c) {
        add(c, 2, 1, 1.0, 3600, {{1800, 10}, {3600, 5}});
        add(c, 3, 2, -0.5, 3600, {{3600, 10}});
    }
    return out;
}

template <class T>
void put(QByteArray& b, qsizetype at, T v)
{
    if constexpr (std::is_integral_v<T>) v = qToLittleEndian(v);
    std::memcpy(b.data() + at, &v, sizeof(T));
}

/// An .ndc table: header page (type, version) and pages of \a rowBytes rows with counts and bit maps.
inline QByteArray ndc(int type, int version, int rowBytes, const std::vector<QByteArray>& rows)
{
    const int perPage = (4096 - 132 - 1) / rowBytes;
    QByteArray b(4096, '\0');
    b[0] = char(type);
    b[2] = char(version);
    b[4] = 1;
    for (size_t r0 = 0; r0 < rows.size(); r0 += size_t(perPage)) {
        QByteArray page(4096, '\0');
        page[0] = 2;
        const int n = int(std::min(rows.size() - r0, size_t(perPage)));
        put<quint16>(page, 2, quint16(n));
        for (int r = 0; r < n; ++r) {
            page[4 + r / 8] = char(quint8(page[4 + r / 8]) | (1 << (r % 8)));
            std::memcpy(page.data() + 132 + r * rowBytes, rows[r0 + size_t(r)].constData(), size_t(rowBytes));
        }
        b += page;
    }
    return b;
}

inline QByteArray xmlParts(QByteArray& stepXml)
{
    stepXml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<root><config type=\"Step File\" version=\"17\">"
              "<Head_Info><SCQ Value=\"250\" /><SCQ_F Value=\"2.5E-06\" /></Head_Info></config></root>";
    return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<root><config type=\"Test Info File\"><TestInfo "
           "DevType=\"24\" StartTime=\"2024-02-01 20:24:23\" CurrRange=\"10\" /></config></root>";
}

/// Data version 5 (everything in data.ndc); current range 10 mA (10⁻³ mA per count).
inline QByteArray v5(const std::vector<Point>& pts)
{
    std::vector<QByteArray> rows;
    for (const Point& p : pts) {
        QByteArray r(87, '\0');
        r[0] = char(0x55);
        put<quint32>(r, 1, p.index);
        put<quint32>(r, 5, quint32(p.cycle - 1));
        r[9] = char(p.step);
        r[10] = char(p.status);
        put<quint64>(r, 16, quint64(std::llround(p.stepTimeS * 1000)));
        put<qint32>(r, 24, qint32(std::lround(p.voltageV * 1e4)));
        put<qint32>(r, 28, qint32(std::lround(p.currentMa / 1e-3)));
        put<qint64>(r, 36, qint64(std::llround(p.qcMah * 3600 / 1e-3)));
        put<qint64>(r, 44, qint64(std::llround(-p.qdMah * 3600 / 1e-3)));
        put<qint64>(r, 52, qint64(std::llround(p.ecMwh * 3600 / 1e-3)));
        put<qint64>(r, 60, qint64(std::llround(-p.edMwh * 3600 / 1e-3)));
        put<quint16>(r, 68, 2024);
        r[70] = 2;
        r[71] = 1;
        r[72] = 20;
        r[73] = 24;
        r[74] = 23;
        put<qint32>(r, 75, 10);
        put<quint64>(r, 79, quint64(std::llround(p.testTimeS * 1000)));
        rows.push_back(r);
    }
    QByteArray stepXml;
    const QByteArray testInfo = xmlParts(stepXml);
    return testxlsx::makeZip(
        {{"Step.xml", stepXml}, {"TestInfo.xml", testInfo}, {"data.ndc", ndc(1, 5, 87, rows)}});
}

/// The split layout of data version 14 or 17, with a run-information row only where BTSDA writes one:
/// the first and last point of a step, a change of interval, and every 61st point.
inline std::vector<std::pair<QString, QByteArray>> splitParts(const std::vector<Point>& pts, int version)
{
    const int runBytes = version == 17 ? 100 : 55, stepBytes = version == 17 ? 100 : 37;
    std::vector<QByteArray> data, run, steps;
    for (size_t k = 0; k < pts.size(); ++k) {
        const Point& p = pts[k];
        QByteArray d(8, '\0');
        put<float>(d, 0, float(p.voltageV));
        put<float>(d, 4, float(p.currentMa / 1000.0));
        data.push_back(d);
        const bool last = k + 1 == pts.size() || pts[k + 1].stepStart;
        const bool change = k > 0 && !p.stepStart && std::abs(p.dtS - pts[k - 1].dtS) > 1e-9;
        if (p.stepStart || last || change || p.index % 61 == 0 || (k > 0 && pts[k - 1].stepStart)) {
            QByteArray r(runBytes, '\0');
            put<quint32>(r, 0, quint32(std::llround(p.stepTimeS * 1000)));
            put<float>(r, 5, float(p.qcMah / 1000));
            put<float>(r, 9, float(-p.qdMah / 1000));
            put<float>(r, 13, float(p.ecMwh / 1000));
            put<float>(r, 17, float(-p.edMwh / 1000));
            put<qint32>(r, 29, qint32(std::llround(p.dtS * 1000)));
            put<quint32>(r, 33, quint32(1706819063 + std::llround(p.testTimeS)));
            put<quint32>(r, 41, p.index);
            run.push_back(r);
        }
        if (p.stepStart) {
            QByteArray s(stepBytes, '\0');
            put<quint32>(s, 0, quint32(p.cycle - 1));
            put<quint32>(s, 4, quint32(p.step));
            s[24] = char(p.status);
            put<quint64>(s, 25, quint64(std::llround(p.stepStartS * 1000)));
            put<quint32>(s, 33, p.index);
            steps.push_back(s);
        }
    }
    QByteArray stepXml;
    const QByteArray testInfo = xmlParts(stepXml);
    return {{"Step.xml", stepXml},
            {"TestInfo.xml", testInfo},
            {"data.ndc", ndc(1, version, 8, data)},
            {"data_runInfo.ndc", ndc(18, version, runBytes, run)},
            {"data_step.ndc", ndc(7, version, stepBytes, steps)}};
}

} // namespace testndax
