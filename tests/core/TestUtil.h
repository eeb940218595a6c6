#pragma once
// Helpers shared by the core tests: small synthetic projects with known content.

#include "model/Project.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cmath>

namespace vanadis::test {

inline Dataset makeDataset(Project& p, Technique t, const QString& kind, qsizetype n, double seed = 1.0)
{
    std::vector<double> x(static_cast<size_t>(n)), y(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i) {
        x[size_t(i)] = double(i) * 0.02 + 10.0;
        y[size_t(i)] = std::sin(double(i) * 0.01 * seed) * 100.0 + seed;
    }
    Provenance prov;
    prov.originalFileName = kind + ".csv";
    prov.importerId = "test";
    prov.importerVersion = "1";
    prov.importedAtUtc = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QByteArray original = QByteArray("x,y\n") + QByteArray::number(seed);
    prov.sha256 = QString::fromLatin1(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
    prov.fileSize = original.size();
    return Dataset(p.allocateId(), t, kind, kind + " data", {{"x", "deg", x}, {"y", "counts", y}},
                   QJsonObject{{"wavelength_angstrom", 1.5406}}, prov, original);
}

inline Id addSample(Project& p, const QString& name)
{
    Sample s;
    s.id = p.allocateId();
    s.name = name;
    s.color = QColor("#E69F00");
    s.activeMassMg = 1.5;
    p.insertSample(s, -1);
    return s.id;
}

} // namespace vanadis::test
