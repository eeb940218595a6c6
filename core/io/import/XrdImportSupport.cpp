#include "io/import/XrdImportSupport.h"

#include "io/import/TextNumbers.h"

#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTime>
#include <cmath>

namespace vanadis::xrdimport {

namespace {

std::string num(double v)
{
    return QString::number(v, 'g', 8).toStdString();
}

} // namespace

Expected<void> checkRadiation(const std::string& file, const std::string& where, const Radiation& r)
{
    // Ag Kα (0.56 Å) … Ti Kα (2.75 Å) for tubes, 0.1–3.5 Å leaves room for synchrotron energies.
    auto plausible = [](double l) { return std::isfinite(l) && l >= 0.1 && l <= 3.5; };
    const double a1 = r.kAlpha1.value_or(0.0);
    if (r.kAlpha1 && a1 != 0.0 && !plausible(a1))
        return fail(file, where,
                    "the Kα1 wavelength " + num(a1) +
                        " Å is not an X-ray wavelength (0.1–3.5 Å expected); the file is damaged or the "
                        "wavelength was entered wrongly");
    if (r.kAlpha2 && *r.kAlpha2 != 0.0) {
        const double a2 = *r.kAlpha2;
        if (!plausible(a2))
            return fail(file, where,
                        "the Kα2 wavelength " + num(a2) +
                            " Å is not an X-ray wavelength (0.1–3.5 Å expected)");
        // Kα2 lies 0.1–0.4 % above Kα1 for every anode (Cu: 1.54443 vs 1.54059 Å).
        if (a1 != 0.0 && (a2 < a1 || a2 > a1 * 1.01))
            return fail(file, where,
                        "the Kα2 wavelength " + num(a2) + " Å does not lie just above Kα1 (" + num(a1) +
                            " Å); the wavelengths are inconsistent");
    }
    if (r.kBeta && *r.kBeta != 0.0 && !plausible(*r.kBeta))
        return fail(file, where,
                    "the Kβ wavelength " + num(*r.kBeta) +
                        " Å is not an X-ray wavelength (0.1–3.5 Å expected)");
    if (r.ratio && (!std::isfinite(*r.ratio) || *r.ratio < 0.0 || *r.ratio > 1.0))
        return fail(file, where,
                    "the Kα2:Kα1 intensity ratio " + num(*r.ratio) + " is not between 0 and 1 (0.5 for Kα)");
    return {};
}

void putRadiation(QJsonObject& meta, const Radiation& r)
{
    if (r.kAlpha1 && *r.kAlpha1 != 0.0) meta.insert("wavelength_angstrom", *r.kAlpha1);
    if (r.kAlpha2 && *r.kAlpha2 != 0.0) meta.insert("wavelength2_angstrom", *r.kAlpha2);
    if (r.ratio && r.kAlpha2 && *r.kAlpha2 != 0.0) meta.insert("ka2_ka1_ratio", *r.ratio);
    if (r.kBeta && *r.kBeta != 0.0) meta.insert("wavelength_kbeta_angstrom", *r.kBeta);
    if (!r.anode.trimmed().isEmpty()) meta.insert("anode", r.anode.trimmed());
}

Expected<std::vector<ImportedDataset>> makeXrdDatasets(const std::string& file, const QString& fileName,
                                                       const QString& sampleName, std::vector<XrdScan> scans,
                                                       const QJsonObject& fileMetadata)
{
    if (scans.empty()) return fail(file, "", "the file holds no scan");
    const QString base = sampleName.trimmed().isEmpty() ? QFileInfo(fileName).completeBaseName() : sampleName;
    std::vector<ImportedDataset> out;
    const int count = int(scans.size());
    for (int k = 0; k < count; ++k) {
        XrdScan& s = scans[size_t(k)];
        const std::string where =
            s.where.empty() ? (count > 1 ? "scan " + std::to_string(k + 1) : "") : s.where;
        const size_t n = s.twoThetaDeg.size();
        if (n == 0) return fail(file, where, "the scan holds no data points");
        if (s.intensity.size() != n || (!s.sigma.empty() && s.sigma.size() != n))
            return fail(file, where,
                        "the scan has " + std::to_string(n) + " angles but " +
                            std::to_string(s.intensity.size()) + " intensities (truncated or damaged file)");
        for (size_t i = 0; i < n; ++i) {
            const double t = s.twoThetaDeg[i];
            if (!std::isfinite(t) || t < -30.0 || t > 180.0)
                return fail(file, where,
                            "point " + std::to_string(i + 1) + ": 2θ = " + num(t) +
                                "° is not a diffraction angle (−30…180° expected; damaged file?)");
            if (!std::isfinite(s.intensity[i]))
                return fail(file, where,
                            "point " + std::to_string(i + 1) + ": the intensity is not a finite number");
            if (!s.sigma.empty() && (!std::isfinite(s.sigma[i]) || s.sigma[i] < 0.0))
                return fail(file, where,
                            "point " + std::to_string(i + 1) + ": the uncertainty σ = " + num(s.sigma[i]) +
                                " is not a finite non-negative number");
        }
        ImportedDataset ds;
        ds.technique = Technique::Xrd;
        ds.kind = QStringLiteral("xrd_pattern");
        ds.name = count > 1 ? QStringLiteral("%1, scan %2 of %3").arg(base).arg(k + 1).arg(count) : base;
        QJsonObject meta = fileMetadata;
        for (auto it = s.metadata.begin(); it != s.metadata.end(); ++it)
            meta.insert(it.key(), it.value());
        if (!sampleName.trimmed().isEmpty()) meta.insert("sample_name", sampleName.trimmed());
        meta.insert("two_theta_start_deg", s.twoThetaDeg.front());
        meta.insert("two_theta_end_deg", s.twoThetaDeg.back());
        if (!meta.contains("step_deg") && n > 1)
            meta.insert("step_deg", (s.twoThetaDeg.back() - s.twoThetaDeg.front()) / double(n - 1));
        if (count > 1) {
            meta.insert("scan_index", k + 1);
            meta.insert("scan_count", count);
        }
        ds.metadata = std::move(meta);
        ds.columns.push_back({QStringLiteral("2Theta"), QStringLiteral("deg"), std::move(s.twoThetaDeg)});
        ds.columns.push_back({QStringLiteral("Intensity"), s.intensityUnit, std::move(s.intensity)});
        if (!s.sigma.empty())
            ds.columns.push_back({QStringLiteral("Sigma"), s.intensityUnit, std::move(s.sigma)});
        out.push_back(std::move(ds));
    }
    return out;
}

QString isoDate(const QString& dateIn, const QString& timeIn)
{
    const QString date = dateIn.trimmed();
    QString time = timeIn.trimmed();
    // ISO 8601 as XRDML, BRML and RASX write it; BRML has 7 fraction digits, which QDateTime does not
    // parse, so the fraction is cut to milliseconds. The offset (or Z) is kept as written.
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (const auto m = iso.match(date); m.hasMatch()) {
        const QDate d = QDate::fromString(m.captured(1), Qt::ISODate);
        QTime t = QTime::fromString(m.captured(2), m.captured(2).size() == 5 ? "HH:mm" : "HH:mm:ss");
        if (!d.isValid() || !t.isValid()) return {};
        QString out = d.toString(Qt::ISODate) + 'T' + t.toString("HH:mm:ss");
        if (m.capturedLength(3) > 1) out += m.captured(3).left(4);
        return out + m.captured(4);
    }
    static const QRegularExpression isoDay(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})$"));
    QDate d;
    QString rest;
    static const QRegularExpression us(
        QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:\\s+(.*))?$"));
    static const QRegularExpression dmy(
        QStringLiteral("^(\\d{1,2})[- ]([A-Za-z]{3})[- ](\\d{4})(?:\\s+(.*))?$"));
    if (const auto m = isoDay.match(date); m.hasMatch()) {
        d = QDate::fromString(m.captured(1), Qt::ISODate);
    } else if (const auto u = us.match(date); u.hasMatch()) {
        int y = u.captured(3).toInt();
        // Two-digit years: instrument software of 1990–2089.
        if (u.captured(3).size() == 2) y += y < 90 ? 2000 : 1900;
        d = QDate(y, u.captured(1).toInt(), u.captured(2).toInt());
        rest = u.captured(4);
    } else if (const auto e = dmy.match(date); e.hasMatch()) {
        static const QStringList months{"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
        const qsizetype mo = months.indexOf(e.captured(2).toLower());
        if (mo >= 0) d = QDate(e.captured(3).toInt(), int(mo) + 1, e.captured(1).toInt());
        rest = e.captured(4);
    }
    if (!d.isValid()) return {};
    if (time.isEmpty()) time = rest.trimmed();
    if (time.isEmpty()) return d.toString(Qt::ISODate);
    static const QRegularExpression hms(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));
    const auto m = hms.match(time);
    if (!m.hasMatch()) return d.toString(Qt::ISODate);
    const QTime t(m.captured(1).toInt(), m.captured(2).toInt(),
                  m.captured(3).isEmpty() ? 0 : m.captured(3).toInt());
    if (!t.isValid()) return d.toString(Qt::ISODate);
    return d.toString(Qt::ISODate) + 'T' + t.toString("HH:mm:ss");
}

std::optional<double> headerNumber(const QString& text)
{
    return textnum::parseFinite(QStringView(text).trimmed());
}

QList<QStringView> splitCells(QStringView line)
{
    auto sep = [](QChar c) { return c == ' ' || c == '\t' || c == ',' || c == ';'; };
    QList<QStringView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && sep(line[i]))
            ++i;
        qsizetype j = i;
        while (j < line.size() && !sep(line[j]))
            ++j;
        if (j > i) out << line.mid(i, j - i);
        i = j;
    }
    return out;
}

bool isZip(const QByteArray& head)
{
    return head.startsWith(QByteArray("PK\x03\x04", 4));
}

} // namespace vanadis::xrdimport
