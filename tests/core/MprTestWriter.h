#pragma once
/// \file MprTestWriter.h
/// Writes a BioLogic .mpr in the layout of the real GCPL file navani_jdb11_GCPL_5cycles_C09.mpr (data
/// module version 3: u16 column ids, records at 406) from a time series, for the GITT tests
/// (tests/core/tst_gitt_mpr.cpp, tests/widgets/tst_gitt_view.cpp).

#include <QByteArray>
#include <QtEndian>
#include <bit>
#include <vector>

namespace vanadis::testing {

/// A version-3 .mpr (the layout of navani_jdb11_GCPL_5cycles_C09.mpr) holding \a t (s), \a e (V) and
/// \a iMa (mA), with (Q-Qo) integrated by the trapezoid rule, under technique byte \a technique.
inline QByteArray gittMpr(int technique, const std::vector<double>& t, const std::vector<double>& e,
                          const std::vector<double>& iMa)
{
    auto u32 = [](QByteArray& b, quint32 v) {
        char c[4];
        qToLittleEndian(v, c);
        b.append(c, 4);
    };
    auto module = [&](const char* shortName, const QByteArray& body, quint32 version) {
        QByteArray m("MODULE");
        m += QByteArray(shortName).leftJustified(10, ' ');
        m += QByteArray("generated").leftJustified(25, ' ');
        u32(m, quint32(body.size()));
        u32(m, version);
        m += "10/26/20";
        return m + body;
    };
    QByteArray file = QByteArray("BIO-LOGIC MODULAR FILE\x1a").leftJustified(48, ' ') + QByteArray(4, '\0');
    file += module("VMP Set", QByteArray(1, char(technique)) + QByteArray(200, '\0'), 0);
    QByteArray records;
    double q = 0.0;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (k) q += 0.5 * (iMa[k] + iMa[k - 1]) * (t[k] - t[k - 1]) / 3600.0;
        records += char(iMa[k] > 0 ? 0x04 | 1 : (iMa[k] < 0 ? 1 : 3)); // ox/red bit, mode CC (1) or rest (3)
        char b[8];
        qToLittleEndian(std::bit_cast<quint64>(t[k]), b);
        records.append(b, 8);
        qToLittleEndian(std::bit_cast<quint32>(float(e[k])), b);
        records.append(b, 4);
        qToLittleEndian(std::bit_cast<quint32>(float(iMa[k])), b);
        records.append(b, 4);
        qToLittleEndian(std::bit_cast<quint64>(q), b);
        records.append(b, 8);
    }
    QByteArray data;
    u32(data, quint32(t.size()));
    data += char(6);
    for (int id : {1, 2, 4, 6, 8, 13})
        data += QByteArray(1, char(id)) + QByteArray(1, '\0');
    data += QByteArray(406 - data.size(), '\0');
    data[405] = 1;
    file += module("VMP data", data + records, 3);
    file += module("VMP LOG", QByteArray(300, '\0'), 0);
    return file;
}

} // namespace vanadis::testing
