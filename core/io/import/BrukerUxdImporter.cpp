#include "io/import/BrukerUxdImporter.h"

#include "io/MessageText.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

namespace vanadis {

using namespace xrdimport;

namespace {

std::string lineAt(qsizetype i)
{
    return "line " + std::to_string(i + 1);
}

QString unquote(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.startsWith('\'') && v.endsWith('\'')) || (v.startsWith('"') && v.endsWith('"'))))
        v = v.mid(1, v.size() - 2);
    return v.trimmed();
}

enum class DataKind { None, Counts, Cps, TwoThetaCounts, TwoThetaCps };

DataKind dataKeyword(const QString& key)
{
    if (key == QLatin1String("_COUNTS")) return DataKind::Counts;
    if (key == QLatin1String("_CPS")) return DataKind::Cps;
    if (key == QLatin1String("_2THETACOUNTS")) return DataKind::TwoThetaCounts;
    if (key == QLatin1String("_2THETACPS")) return DataKind::TwoThetaCps;
    return DataKind::None;
}

} // namespace

QString BrukerUxdImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Bruker UXD (XRD)");
}

int BrukerUxdImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!looksLikeText(head)) return 0;
    const bool data = head.contains("_2THETACOUNTS") || head.contains("_2THETACPS") ||
                      head.contains("\n_COUNTS") || head.contains("\n_CPS");
    const bool header =
        head.contains("_FILEVERSION") || head.contains("_STEPSIZE") || head.contains("_DRIVE");
    if (QFileInfo(fileName).suffix().toLower() == QLatin1String("uxd") && (data || header)) return 90;
    if (data && header) return 85;
    return 0;
}

Expected<std::vector<ImportedDataset>>
BrukerUxdImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    QString all = *decoded;
    all.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    all.replace('\r', '\n');
    const QStringList lines = all.split('\n');

    QHash<QString, QString> fileKeys, rangeKeys;
    bool inRanges = false; // range keys start with the first _DRIVE or data block
    std::vector<XrdScan> scans;
    QStringList warnings;
    DataKind kind = DataKind::None;
    XrdScan current;
    qsizetype dataLine = -1;
    int rangeNo = 0, skipped = 0;
    bool currentIsTwoTheta = true;

    auto number = [&](const char* key) {
        const QString k = QLatin1String(key);
        return headerNumber(rangeKeys.contains(k) ? rangeKeys.value(k) : fileKeys.value(k));
    };
    auto startRange = [&](qsizetype i) -> Expected<void> {
        ++rangeNo;
        current = XrdScan();
        current.where = "range " + std::to_string(rangeNo) + " (" + lineAt(i) + ")";
        current.intensityUnit = (kind == DataKind::Cps || kind == DataKind::TwoThetaCps)
                                    ? QStringLiteral("cps")
                                    : QStringLiteral("counts");
        if (const auto v = number("_STEPTIME")) current.metadata.insert("step_time_s", *v);
        if (const auto v = number("_STEPSIZE")) current.metadata.insert("step_deg", *v);
        if (const auto v = number("_KV")) current.metadata.insert("generator_voltage_kv", *v);
        if (const auto v = number("_MA")) current.metadata.insert("generator_current_ma", *v);
        const QString drive = unquote(rangeKeys.value("_DRIVE")).toUpper();
        if (!drive.isEmpty()) current.metadata.insert("scan_axis", drive);
        currentIsTwoTheta = drive.isEmpty() || drive == QLatin1String("COUPLED") ||
                            drive == QLatin1String("2THETA") || drive == QLatin1String("TWOTHETA") ||
                            drive == QLatin1String("DETECTOR") || drive == QLatin1String("UNLOCKED");
        if ((kind == DataKind::Counts || kind == DataKind::Cps) &&
            (!number("_START") || !number("_STEPSIZE")))
            return fail(file, lineAt(i),
                        "a _COUNTS/_CPS block needs _START and _STEPSIZE in its range header");
        return {};
    };
    auto finishRange = [&]() -> Expected<void> {
        if (kind == DataKind::None) return {};
        if (current.intensity.empty()) return fail(file, lineAt(dataLine), "the data block holds no values");
        if (kind == DataKind::Counts || kind == DataKind::Cps) {
            const double a = *number("_START"), h = *number("_STEPSIZE");
            current.twoThetaDeg.resize(current.intensity.size());
            for (size_t i = 0; i < current.intensity.size(); ++i)
                current.twoThetaDeg[i] = a + h * double(i);
        }
        if (currentIsTwoTheta) {
            scans.push_back(std::move(current));
        } else {
            ++skipped;
            warnings << QStringLiteral("Range %1 (drive %2) does not move 2θ and was left out.")
                            .arg(rangeNo)
                            .arg(unquote(rangeKeys.value("_DRIVE")));
        }
        current = XrdScan();
        kind = DataKind::None;
        rangeKeys.clear();
        return {};
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (t.isEmpty() || t.startsWith(';')) continue;
        if (t.startsWith('_')) {
            const qsizetype eq = t.indexOf('=');
            const QString key = (eq < 0 ? t : t.left(eq)).trimmed().toUpper();
            const QString value = eq < 0 ? QString() : t.mid(eq + 1);
            if (kind != DataKind::None)
                if (auto r = finishRange(); !r) return std::unexpected(r.error());
            const DataKind k = dataKeyword(key);
            if (k != DataKind::None) {
                kind = k;
                dataLine = i;
                inRanges = true;
                if (auto r = startRange(i); !r) return std::unexpected(r.error());
                continue;
            }
            if (key == QLatin1String("_DRIVE")) inRanges = true;
            (inRanges ? rangeKeys : fileKeys).insert(key, value);
            continue;
        }
        if (kind == DataKind::None)
            return fail(file, lineAt(i),
                        "expected a _KEY=value header line or a data block, found " + textnum::quoteCell(t));
        const auto cells = splitCells(t);
        const bool pairs = kind == DataKind::TwoThetaCounts || kind == DataKind::TwoThetaCps;
        if (pairs && cells.size() != 2)
            return fail(file, lineAt(i),
                        "expected 2θ and intensity, found " + std::to_string(cells.size()) +
                            " value(s) (truncated or garbled row?)");
        for (qsizetype k = 0; k < cells.size(); ++k) {
            double v;
            if (!textnum::parseNumber(cells[k], false, v))
                return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                            textnum::notANumberReason(cells[k], false));
            if (qint64(current.intensity.size()) >= kMaxScanPoints)
                return fail(file, lineAt(i), "more values than any scan holds");
            if (pairs && k == 0)
                current.twoThetaDeg.push_back(v);
            else
                current.intensity.push_back(v);
        }
    }
    if (auto r = finishRange(); !r) return std::unexpected(r.error());
    if (scans.empty())
        return fail(file, "",
                    skipped ? "none of the file's ranges moves 2θ"
                            : "no data block (_2THETACOUNTS, _COUNTS, …): this is not a complete UXD file");

    Radiation rad;
    rad.kAlpha1 = headerNumber(fileKeys.value("_WL1"));
    rad.kAlpha2 = headerNumber(fileKeys.value("_WL2"));
    rad.kBeta = headerNumber(fileKeys.value("_WL3"));
    rad.ratio = headerNumber(fileKeys.value("_WLRATIO"));
    rad.anode = unquote(fileKeys.value("_ANODE"));
    if (auto ok = checkRadiation(file, "header", rad); !ok) return std::unexpected(ok.error());
    QJsonObject meta;
    putRadiation(meta, rad);
    meta.insert("file_format", QStringLiteral("Bruker UXD"));
    if (const QString iso = isoDate(unquote(fileKeys.value("_DATEMEASURED"))); !iso.isEmpty())
        meta.insert("measured_at", iso);
    if (const auto r = headerNumber(fileKeys.value("_GONIOMETER_RADIUS")))
        meta.insert("goniometer_radius_mm", *r);
    const QString sample = unquote(fileKeys.value("_SAMPLE"));
    auto ds = makeXrdDatasets(file, fileName, sample, std::move(scans), meta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
