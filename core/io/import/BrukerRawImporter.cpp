#include "io/import/BrukerRawImporter.h"

#include "io/MessageText.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QtEndian>
#include <charconv>
#include <cmath>
#include <cstring>

namespace vanadis {

using namespace xrdimport;

namespace {

/// Bounds-checked little-endian reads from the file's bytes; every failure names the byte offset.
class Reader {
public:
    Reader(const QByteArray& b, std::string file) : m_b(b), m_file(std::move(file)) {}
    qint64 size() const { return m_b.size(); }
    Expected<void> need(qint64 offset, qint64 count, const std::string& what) const
    {
        if (offset < 0 || count < 0 || offset > size() || count > size() - offset)
            return fail(m_file, "byte " + std::to_string(offset),
                        "the file ends inside " + what + " (" + std::to_string(count) +
                            " bytes needed at byte " + std::to_string(offset) + ", the file has " +
                            std::to_string(size()) + "): it is cut short or damaged");
        return {};
    }
    // Callers check need() first.
    quint32 u32(qint64 o) const { return qFromLittleEndian<quint32>(m_b.constData() + o); }
    quint16 u16(qint64 o) const { return qFromLittleEndian<quint16>(m_b.constData() + o); }
    double f32(qint64 o) const
    {
        const quint32 bits = u32(o);
        float f;
        std::memcpy(&f, &bits, 4);
        return double(f);
    }
    double f64(qint64 o) const
    {
        const quint64 bits = qFromLittleEndian<quint64>(m_b.constData() + o);
        double d;
        std::memcpy(&d, &bits, 8);
        return d;
    }
    /// A NUL-padded text field (Latin-1).
    QString text(qint64 o, qint64 n) const
    {
        const char* p = m_b.constData() + o;
        qint64 len = 0;
        while (len < n && p[len] != '\0')
            ++len;
        return QString::fromLatin1(p, qsizetype(len)).trimmed();
    }
    const std::string& file() const { return m_file; }
    std::string at(qint64 o) const { return "byte " + std::to_string(o); }

private:
    const QByteArray& m_b;
    std::string m_file;
};

/// A wavelength stored as float32 (v1, v2, v4 tube record) printed as the float it was ("1.5406", not
/// 1.5405999422…); a genuine double is kept.
double cleanFloat(double v)
{
    const float f = float(v);
    if (double(f) != v) return v;
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, f);
    double out = v;
    std::from_chars(buf, r.ptr, out);
    return out;
}

std::optional<double> stated(double v)
{
    if (v == 0.0 || v == -1e6) return std::nullopt; // 0 and −1·10⁶ mean "not set" in these headers
    return cleanFloat(v);
}

Expected<void> checkRange(const Reader& r, qint64 at, qint64 steps, double start, double step)
{
    if (steps <= 0)
        return fail(r.file(), r.at(at), "the range declares " + std::to_string(steps) + " points");
    if (steps > kMaxScanPoints)
        return fail(r.file(), r.at(at),
                    "the range declares " + std::to_string(steps) +
                        " points, more than any scan (damaged file?)");
    if (!std::isfinite(start) || !std::isfinite(step) || step == 0.0 || std::abs(step) > 10.0)
        return fail(r.file(), r.at(at),
                    "the range's start " + QString::number(start).toStdString() + "° and step " +
                        QString::number(step).toStdString() + "° are not a scan (damaged file?)");
    return {};
}

XrdScan equidistant(double start, double step, std::vector<double> counts)
{
    XrdScan s;
    s.twoThetaDeg.resize(counts.size());
    for (size_t i = 0; i < counts.size(); ++i)
        s.twoThetaDeg[i] = start + step * double(i);
    s.intensity = std::move(counts);
    s.metadata.insert("step_deg", step);
    return s;
}

struct Parsed {
    std::vector<XrdScan> scans;
    Radiation radiation;
    QString sample, measuredAt, version;
    QJsonObject extra;
    QStringList warnings;
};

Expected<Parsed> readV1(const Reader& r)
{
    Parsed p;
    p.version = QStringLiteral("1");
    qint64 base = 4; // after "RAW "
    for (int range = 1;; ++range) {
        if (range > 1 && r.size() >= base + 4 && r.text(base, 4) == QLatin1String("RAW"))
            base += 4; // repeated magic
        if (auto ok = r.need(base, 152, "the header of range " + std::to_string(range)); !ok)
            return std::unexpected(ok.error());
        const qint64 steps = r.u32(base);
        const double time = r.f32(base + 4), step = r.f32(base + 8), start = r.f32(base + 20);
        if (auto ok = checkRange(r, base, steps, start, step); !ok) return std::unexpected(ok.error());
        const qint64 data = base + 152;
        if (auto ok = r.need(data, steps * 4, "the counts of range " + std::to_string(range)); !ok)
            return std::unexpected(ok.error());
        std::vector<double> y(static_cast<size_t>(steps));
        for (qint64 i = 0; i < steps; ++i)
            y[size_t(i)] = r.f32(data + 4 * i);
        XrdScan s = equidistant(start, step, std::move(y));
        s.where = "range " + std::to_string(range) + " (" + r.at(base) + ")";
        if (time > 0) s.metadata.insert("step_time_s", time);
        if (range == 1) {
            p.sample = r.text(base + 36, 32);
            p.radiation.kAlpha1 = stated(r.f32(base + 68));
            p.radiation.kAlpha2 = stated(r.f32(base + 72));
        }
        p.scans.push_back(std::move(s));
        const quint32 more = r.u32(base + 148);
        base = data + steps * 4;
        if (more == 0) break;
        if (base >= r.size())
            return fail(r.file(), r.at(base),
                        "range " + std::to_string(range) +
                            " announces another range, but the file ends: it is cut short");
        if (range >= 10000)
            return fail(r.file(), r.at(base), "more ranges than any file holds (damaged file?)");
    }
    return p;
}

Expected<Parsed> readV2(const Reader& r)
{
    Parsed p;
    p.version = QStringLiteral("2");
    if (auto ok = r.need(0, 256, "the file header"); !ok) return std::unexpected(ok.error());
    const int ranges = r.u16(4);
    if (ranges < 1) return fail(r.file(), r.at(4), "the header declares no range");
    const QString date = r.text(168, 20);
    p.measuredAt = isoDate(date);
    if (p.measuredAt.isEmpty() && !date.isEmpty()) p.extra.insert("date_text", date);
    p.radiation.anode = r.text(188, 2);
    p.radiation.kAlpha1 = stated(r.f32(190));
    p.radiation.kAlpha2 = stated(r.f32(194));
    p.radiation.ratio = stated(r.f32(198));
    qint64 pos = 256;
    for (int range = 1; range <= ranges; ++range) {
        if (auto ok = r.need(pos, 48, "the header of range " + std::to_string(range)); !ok)
            return std::unexpected(ok.error());
        const qint64 headerLen = r.u16(pos), steps = r.u16(pos + 2);
        if (headerLen < 48)
            return fail(r.file(), r.at(pos),
                        "range " + std::to_string(range) + " declares a " + std::to_string(headerLen) +
                            "-byte header, shorter than the 48 bytes it holds (damaged file)");
        const double time = r.f32(pos + 8), step = r.f32(pos + 12), start = r.f32(pos + 16);
        if (auto ok = checkRange(r, pos, steps, start, step); !ok) return std::unexpected(ok.error());
        const qint64 data = pos + headerLen;
        if (auto ok = r.need(data, steps * 4, "the counts of range " + std::to_string(range)); !ok)
            return std::unexpected(ok.error());
        std::vector<double> y(static_cast<size_t>(steps));
        for (qint64 i = 0; i < steps; ++i)
            y[size_t(i)] = r.f32(data + 4 * i);
        XrdScan s = equidistant(start, step, std::move(y));
        s.where = "range " + std::to_string(range) + " (" + r.at(pos) + ")";
        if (time > 0) s.metadata.insert("step_time_s", time);
        p.scans.push_back(std::move(s));
        pos = data + steps * 4;
    }
    return p;
}

Expected<Parsed> readV3(const Reader& r)
{
    Parsed p;
    p.version = QStringLiteral("3 (RAW1.01)");
    if (auto ok = r.need(0, 712, "the 712-byte file header"); !ok) return std::unexpected(ok.error());
    const quint32 status = r.u32(8);
    const qint64 ranges = r.u32(12);
    if (ranges < 1 || ranges > 10000)
        return fail(r.file(), r.at(12),
                    "the header declares " + std::to_string(ranges) + " ranges (damaged file?)");
    p.measuredAt = isoDate(r.text(16, 10), r.text(26, 10));
    p.sample = r.text(326, 60);
    if (const QString user = r.text(36, 72); !user.isEmpty()) p.extra.insert("operator", user);
    if (const QString site = r.text(108, 218); !site.isEmpty()) p.extra.insert("site", site);
    p.radiation.anode = r.text(608, 4);
    p.radiation.kAlpha1 = stated(r.f64(624));
    p.radiation.kAlpha2 = stated(r.f64(632));
    p.radiation.kBeta = stated(r.f64(640));
    p.radiation.ratio = stated(r.f64(648));
    if (const double radius = r.f32(564); radius > 0 && radius < 1000)
        p.extra.insert("goniometer_radius_mm", radius);
    if (status == 2 || status == 3 || status == 4)
        p.warnings << QStringLiteral("The file status is '%1': the measurement did not finish.")
                          .arg(status == 2   ? "active"
                               : status == 3 ? "aborted"
                                             : "interrupted");
    qint64 pos = 712;
    for (qint64 range = 1; range <= ranges; ++range) {
        const std::string what = "the header of range " + std::to_string(range);
        if (auto ok = r.need(pos, 260, what); !ok) return std::unexpected(ok.error());
        const qint64 headerLen = r.u32(pos), steps = r.u32(pos + 4);
        if (headerLen < 260 || headerLen > 1 << 20)
            return fail(r.file(), r.at(pos),
                        "range " + std::to_string(range) + " declares a " + std::to_string(headerLen) +
                            "-byte header (304 expected; damaged file)");
        const double start = r.f64(pos + 16), step = r.f64(pos + 176);
        if (auto ok = checkRange(r, pos, steps, start, step); !ok) return std::unexpected(ok.error());
        const double time = r.f32(pos + 192);
        const quint32 kv = r.u32(pos + 224), ma = r.u32(pos + 228);
        // Each point is a record of this size whose first float32 is the count; older writers leave it 0.
        qint64 record = r.u32(pos + 252);
        if (record == 0) record = 4;
        if (record < 4 || record > 4096)
            return fail(r.file(), r.at(pos + 252),
                        "range " + std::to_string(range) + " declares " + std::to_string(record) +
                            "-byte data records (damaged file)");
        const qint64 supplementary = r.u32(pos + 256);
        if (auto ok = r.need(pos + headerLen, supplementary,
                             "the supplementary header of range " + std::to_string(range));
            !ok)
            return std::unexpected(ok.error());
        const qint64 data = pos + headerLen + supplementary;
        if (auto ok = r.need(data, steps * record, "the counts of range " + std::to_string(range)); !ok)
            return std::unexpected(ok.error());
        std::vector<double> y(static_cast<size_t>(steps));
        for (qint64 i = 0; i < steps; ++i)
            y[size_t(i)] = r.f32(data + record * i);
        XrdScan s = equidistant(start, step, std::move(y));
        // Bit 0 of the varying-parameter mask: each record also holds the measured 2θ (float64 after the
        // count), which then replaces the nominal start + i·step.
        if ((r.u32(pos + 248) & 1u) && record >= 12) {
            for (qint64 i = 0; i < steps; ++i)
                s.twoThetaDeg[size_t(i)] = r.f64(data + record * i + 4);
            s.metadata.remove("step_deg");
        }
        s.where = "range " + std::to_string(range) + " (" + r.at(pos) + ")";
        if (time > 0) s.metadata.insert("step_time_s", time);
        if (kv > 0 && kv < 1000) s.metadata.insert("generator_voltage_kv", double(kv));
        if (ma > 0 && ma < 10000) s.metadata.insert("generator_current_ma", double(ma));
        p.scans.push_back(std::move(s));
        pos = data + steps * record;
    }
    return p;
}

Expected<Parsed> readV4(const Reader& r)
{
    Parsed p;
    p.version = QStringLiteral("4 (RAW4.00)");
    if (auto ok = r.need(0, 61, "the 61-byte file header"); !ok) return std::unexpected(ok.error());
    p.measuredAt = isoDate(r.text(12, 12), r.text(24, 10));
    qint64 cursor = 61;
    int range = 0;
    while (cursor + 4 <= r.size()) {
        const quint32 type = r.u32(cursor);
        if (type == 0 || type == 160) {
            ++range;
            const std::string what = "the header of range " + std::to_string(range);
            if (auto ok = r.need(cursor, 160, what); !ok) return std::unexpected(ok.error());
            const QString scanType = r.text(cursor + 32, 24);
            const double start = r.f64(cursor + 72), step = r.f64(cursor + 80);
            const qint64 steps = r.u32(cursor + 88);
            const double timeMs = r.f32(cursor + 92);
            const double kv = r.f32(cursor + 100), ma = r.f32(cursor + 104);
            const qint64 datum = r.u32(cursor + 136), extra = r.u32(cursor + 140);
            if (auto ok = checkRange(r, cursor, steps, start, step); !ok) return std::unexpected(ok.error());
            if (datum < 4 || datum > 4096 || datum % 4)
                return fail(r.file(), r.at(cursor + 136),
                            "range " + std::to_string(range) + " declares " + std::to_string(datum) +
                                "-byte data records (damaged file)");
            if (auto ok = r.need(cursor + 160, extra, "the drive records of range " + std::to_string(range));
                !ok)
                return std::unexpected(ok.error());
            const qint64 data = cursor + 160 + extra;
            if (auto ok = r.need(data, steps * datum, "the counts of range " + std::to_string(range)); !ok)
                return std::unexpected(ok.error());
            const QString type_ = scanType.toLower();
            const bool twoTheta =
                type_.contains(QLatin1String("coupled")) || type_.contains(QLatin1String("detector")) ||
                type_.contains(QLatin1String("2theta")) || type_.contains(QLatin1String("twotheta")) ||
                type_.contains(QLatin1String("psd")) || type_.isEmpty();
            if (twoTheta) {
                std::vector<double> y(static_cast<size_t>(steps));
                for (qint64 i = 0; i < steps; ++i)
                    y[size_t(i)] = r.f32(data + datum * i);
                XrdScan s = equidistant(start, step, std::move(y));
                s.where = "range " + std::to_string(range) + " (" + r.at(cursor) + ")";
                // Milliseconds: the real file's 310 per step over 7134 steps is a 37-minute scan.
                if (timeMs > 0 && timeMs < 1e9) s.metadata.insert("step_time_s", timeMs / 1000.0);
                if (kv > 0 && kv < 1000) s.metadata.insert("generator_voltage_kv", kv);
                if (ma > 0 && ma < 10000) s.metadata.insert("generator_current_ma", ma);
                if (!scanType.isEmpty()) s.metadata.insert("scan_axis", scanType);
                p.scans.push_back(std::move(s));
            } else {
                p.warnings << QStringLiteral("Range %1 ('%2') does not move 2θ and was left out.")
                                  .arg(range)
                                  .arg(scanType);
            }
            cursor = data + steps * datum;
            continue;
        }
        if (auto ok = r.need(cursor, 8, "a header segment"); !ok) return std::unexpected(ok.error());
        const qint64 len = r.u32(cursor + 4);
        if (len < 8)
            return fail(r.file(), r.at(cursor),
                        "a header segment declares " + std::to_string(len) +
                            " bytes (at least 8; damaged file)");
        if (auto ok = r.need(cursor, len, "a header segment of type " + std::to_string(type)); !ok)
            return std::unexpected(ok.error());
        if (type == 10 && len >= 36) {
            const QString key = r.text(cursor + 12, 24).toUpper();
            const QString value = r.text(cursor + 36, len - 36);
            if (key == QLatin1String("SAMPLEID"))
                p.sample = value;
            else if (key == QLatin1String("USER") && !value.isEmpty())
                p.extra.insert("operator", value);
            else if (key == QLatin1String("SITE") && !value.isEmpty())
                p.extra.insert("site", value);
            else if (key == QLatin1String("COMMENT") && !value.isEmpty())
                p.extra.insert("comment", value);
        } else if (type == 30 && len >= 120) {
            p.radiation.kAlpha1 = stated(r.f64(cursor + 80));
            p.radiation.kAlpha2 = stated(r.f64(cursor + 88));
            p.radiation.kBeta = stated(r.f64(cursor + 96));
            p.radiation.ratio = stated(r.f64(cursor + 104));
            p.radiation.anode = r.text(cursor + 116, 4);
        }
        cursor += len;
    }
    if (range == 0)
        return fail(r.file(), r.at(cursor),
                    "the file holds no measurement range (cut short before its data, or a settings file)");
    if (cursor != r.size())
        return fail(r.file(), r.at(cursor), "the file ends inside a segment header (cut short)");
    return p;
}

} // namespace

QString BrukerRawImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Bruker RAW v1–v4 (XRD)");
}

int BrukerRawImporter::sniff(const QByteArray& head, const QString&) const
{
    if (head.startsWith("RAW1.01") || head.startsWith("RAW4.00") || head.startsWith("RAW2")) return 95;
    // "RAW " is also how a text file may begin; v1 holds binary counts right after.
    if (head.startsWith("RAW ") && head.size() >= 156 && head.left(156).contains('\0')) return 90;
    return 0;
}

Expected<std::vector<ImportedDataset>>
BrukerRawImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    const Reader r(bytes, file);
    Expected<Parsed> parsed = fail(file, "", "");
    if (bytes.startsWith("RAW1.01"))
        parsed = readV3(r);
    else if (bytes.startsWith("RAW4.00"))
        parsed = readV4(r);
    else if (bytes.startsWith("RAW2"))
        parsed = readV2(r);
    else if (bytes.startsWith("RAW "))
        parsed = readV1(r);
    else
        return fail(file, "byte 0",
                    "no Bruker RAW magic (RAW , RAW2, RAW1.01, RAW4.00): this is not a Bruker .raw file");
    if (!parsed) return std::unexpected(parsed.error());
    if (parsed->scans.empty()) return fail(file, "", "none of the file's ranges moves 2θ");
    if (auto ok = checkRadiation(file, "file header", parsed->radiation); !ok)
        return std::unexpected(ok.error());
    QJsonObject meta = parsed->extra;
    putRadiation(meta, parsed->radiation);
    meta.insert("file_format", QStringLiteral("Bruker RAW v") + parsed->version);
    if (!parsed->measuredAt.isEmpty()) meta.insert("measured_at", parsed->measuredAt);
    auto ds = makeXrdDatasets(file, fileName, parsed->sample, std::move(parsed->scans), meta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : parsed->warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
