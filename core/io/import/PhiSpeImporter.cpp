#include "io/import/PhiSpeImporter.h"

#include "io/MessageText.h"
#include "io/import/XpsImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>
#include <cmath>
#include <cstring>

namespace vanadis {

namespace {

struct RegionDef {
    int id = 0;
    QString name;
    int points = 0;
    double step = 0.0, startEv = 0.0, endEv = 0.0, dwellS = 0.0, passEv = 0.0;
};

quint32 u32(const QByteArray& b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

} // namespace

QString PhiSpeImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "PHI MultiPak spectrum (.spe)");
}

int PhiSpeImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (head.startsWith("SOFH")) return 100;
    // Claim other .spe files too, so that a WinSpec (or other vendor's) .spe gets a clear refusal
    // instead of "the file format is not recognised" or a text reader's "… is not a number".
    if (QFileInfo(fileName).suffix().compare(QLatin1String("spe"), Qt::CaseInsensitive) == 0) return 30;
    return 0;
}

Expected<std::vector<ImportedDataset>> PhiSpeImporter::read(const QByteArray& bytes, const QString& fileName,
                                                            const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    if (!bytes.startsWith("SOFH"))
        return fail(
            file, "byte 0",
            "this .spe file is not a PHI MultiPak spectrum (it does not start with 'SOFH'); .spe files of "
            "other programs (e.g. Princeton WinSpec images) are not read");
    const qsizetype eofh = bytes.indexOf("EOFH");
    if (eofh < 0)
        return fail(file, "", "the PHI header has no end marker 'EOFH' (the file may be cut short)");
    const QString header = QString::fromLatin1(bytes.left(eofh));
    static const QRegularExpression eol(QStringLiteral("\r\n|\n|\r"));
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QMap<QString, QString> keys;
    std::vector<RegionDef> regions;
    const QStringList lines = header.split(eol);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& l = lines[i];
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0) continue;
        const QString key = l.left(colon).trimmed(), value = l.mid(colon + 1).trimmed();
        if (key == QLatin1String("SpectralRegDef")) {
            const QStringList f = value.split(ws, Qt::SkipEmptyParts);
            bool ok[8] = {};
            RegionDef r;
            if (f.size() >= 12) {
                r.id = f[0].toInt(&ok[0]);
                r.name = f[2];
                r.points = f[4].toInt(&ok[1]);
                r.step = f[5].toDouble(&ok[2]);
                r.startEv = f[6].toDouble(&ok[3]);
                r.endEv = f[7].toDouble(&ok[4]);
                r.dwellS = f[f.size() - 3].toDouble(&ok[5]);
                r.passEv = f[f.size() - 2].toDouble(&ok[6]);
            }
            if (f.size() < 12 || !(ok[0] && ok[1] && ok[2] && ok[3] && ok[4] && ok[5] && ok[6]) ||
                r.points <= 0)
                return fail(file, "line " + std::to_string(i + 1),
                            "the region definition 'SpectralRegDef: " + messageText(value.left(80)) +
                                "' is not 'id id name Z points step start end … dwell pass-energy'");
            regions.push_back(r);
        } else if (!keys.contains(key)) {
            keys.insert(key, value);
        }
    }
    if (regions.empty()) return fail(file, "", "the PHI header defines no spectral region (SpectralRegDef)");

    // Binary part: after EOFH and its line break.
    qsizetype pos = eofh + 4;
    while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n'))
        ++pos;
    const qsizetype base = pos;
    if (bytes.size() - base < 4)
        return fail(file, "byte " + std::to_string(base), "the binary data are missing");
    const quint32 count = u32(bytes, base);
    if (count != regions.size())
        return fail(file, "byte " + std::to_string(base),
                    "the binary part holds " + std::to_string(count) + " spectra but the header defines " +
                        std::to_string(regions.size()) + " regions");
    if (bytes.size() - base < 4 + qsizetype(count) * 96)
        return fail(file, "byte " + std::to_string(base), "the binary spectrum headers are cut short");

    double hv = std::nan("");
    QString source = keys.value("XraySource");
    if (const QStringList f = source.split(ws, Qt::SkipEmptyParts); f.size() >= 2) hv = f[1].toDouble();
    const QString baseName = QFileInfo(fileName).completeBaseName();
    std::vector<ImportedDataset> out;
    QStringList labels;
    for (quint32 k = 0; k < count; ++k) {
        const RegionDef& r = regions[k];
        const std::string where = "region " + std::to_string(k + 1) + " ('" + messageText(r.name) + "')";
        const qsizetype h = base + 4 + qsizetype(k) * 96;
        const quint32 n = u32(bytes, h + 8 * 4), length = u32(bytes, h + 22 * 4),
                      offset = u32(bytes, h + 23 * 4);
        int width = 0;
        for (int w = 0; w < 24; ++w) {
            const char* p = bytes.constData() + h + w * 4;
            if (p[0] == 'f' && (p[1] == '4' || p[1] == '8') && p[2] == 0) width = p[1] - '0';
        }
        if (width == 0) return fail(file, where, "the value type (f4 or f8) is not given");
        if (n != quint32(r.points))
            return fail(file, where,
                        "the binary part holds " + std::to_string(n) + " values but the header says " +
                            std::to_string(r.points));
        if (qint64(length) != qint64(n) * width)
            return fail(file, where, "the byte length does not match the number of values");
        if (qint64(base) + offset + length > bytes.size())
            return fail(file, where, "the values run past the end of the file (the file is cut short)");
        std::vector<double> be(n), y(n);
        for (quint32 i = 0; i < n; ++i) {
            const char* p = bytes.constData() + base + offset + qsizetype(i) * width;
            double v;
            if (width == 4) {
                const quint32 bits = qFromLittleEndian<quint32>(p);
                float f;
                std::memcpy(&f, &bits, 4);
                v = f;
            } else {
                const quint64 bits = qFromLittleEndian<quint64>(p);
                std::memcpy(&v, &bits, 8);
            }
            if (!std::isfinite(v))
                return fail(file, where + ", point " + std::to_string(i + 1),
                            "a value is not a finite number");
            y[i] = v;
            be[i] = std::round((r.startEv + r.step * double(i)) * 1e9) / 1e9 + 0.0;
        }
        QJsonObject md;
        md.insert("file_format", "PHI SPE");
        md.insert("block_id", r.name);
        md.insert("block_index", int(k + 1));
        md.insert("sample_id", keys.value("FileDesc"));
        md.insert("instrument", keys.value("InstrumentModel"));
        md.insert("software", keys.value("SoftwareVersion"));
        md.insert("source", source);
        if (std::isfinite(hv)) md.insert("excitation_energy_ev", hv);
        md.insert("pass_energy_ev", r.passEv);
        md.insert("dwell_s", r.dwellS);
        md.insert("analyser_mode", keys.value("AnalyserMode"));
        if (const double wf = keys.value("AnalyserWorkFcn").section(' ', 0, 0).toDouble(); wf != 0.0)
            md.insert("work_function_ev", wf);
        md.insert("acquired", keys.value("AcqFileDate"));
        md.insert("energy_axis", "binding energy as stored (start + i·step)");
        md.insert("comments", keys.value("FileDesc"));
        md.insert("intensity_unit_in_file", "c/s");
        QString region =
            xpsimport::regionName(r.name, QString(), r.name, std::abs(r.endEv - r.startEv), int(k + 1));
        const QString plain = region;
        for (int j = 2; labels.contains(region); ++j)
            region = plain + QStringLiteral(" (%1)").arg(j);
        labels << region;
        out.push_back(xpsimport::makeRegion(region, baseName + QStringLiteral(" – ") + region, std::move(be),
                                            std::move(y), QStringLiteral("counts/s"), {}, md));
    }
    return out;
}

} // namespace vanadis
