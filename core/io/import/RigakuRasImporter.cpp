#include "io/import/RigakuRasImporter.h"

#include "io/MessageText.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QHash>

namespace vanadis {

using namespace xrdimport;

namespace {

std::string lineAt(qsizetype i)
{
    return "line " + std::to_string(i + 1);
}

/// Splits "*KEY "value"" into key and value (quotes removed; a value without quotes is taken as it is).
std::pair<QString, QString> keyValue(const QString& line)
{
    const QString body = line.mid(1);
    const qsizetype sp = body.indexOf(' ');
    if (sp < 0) return {body.trimmed(), QString()};
    QString value = body.mid(sp + 1).trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return {body.left(sp).trimmed(), value};
}

/// The scan of one header block: what the metadata says, the number of points it declares.
Expected<XrdScan> scanFromHeader(const QHash<QString, QString>& h, const std::string& file,
                                 qsizetype headerLine, QJsonObject& fileMeta, QString& sample, int index,
                                 bool& isTwoTheta)
{
    XrdScan s;
    auto number = [&](const char* key) { return headerNumber(h.value(QLatin1String(key))); };
    Radiation r;
    r.kAlpha1 = number("HW_XG_WAVE_LENGTH_ALPHA1");
    r.kAlpha2 = number("HW_XG_WAVE_LENGTH_ALPHA2");
    r.kBeta = number("HW_XG_WAVE_LENGTH_BETA");
    r.anode = h.value("HW_XG_TARGET_NAME");
    // .ras stores no Kα2:Kα1 ratio; none is invented (the analysis defaults to 0.5, xrd.md §2).
    if (auto ok = checkRadiation(file, lineAt(headerLine), r); !ok) return std::unexpected(ok.error());
    putRadiation(s.metadata, r);
    if (const auto v = number("MEAS_SCAN_STEP")) s.metadata.insert("step_deg", *v);
    const QString speedUnit = h.value("MEAS_SCAN_SPEED_UNIT").trimmed().toLower();
    if (const auto v = number("MEAS_SCAN_SPEED"); v && *v > 0) {
        if (speedUnit == QLatin1String("deg/min")) {
            s.metadata.insert("scan_speed_deg_min", *v);
            // Continuous scan: each point integrates over one step at this speed.
            if (const auto step = number("MEAS_SCAN_STEP"); step && *step > 0)
                s.metadata.insert("step_time_s", *step / *v * 60.0);
        } else if (speedUnit == QLatin1String("sec") || speedUnit == QLatin1String("s")) {
            s.metadata.insert("step_time_s", *v); // step scan: the "speed" is the time per step
        }
    }
    if (const QString iso = isoDate(h.value("MEAS_SCAN_START_TIME")); !iso.isEmpty())
        s.metadata.insert("measured_at", iso);
    if (const QString iso = isoDate(h.value("MEAS_SCAN_END_TIME")); !iso.isEmpty())
        s.metadata.insert("measured_end", iso);
    if (const auto v = number("MEAS_COND_XG_VOLTAGE")) s.metadata.insert("generator_voltage_kv", *v);
    if (const auto v = number("MEAS_COND_XG_CURRENT")) s.metadata.insert("generator_current_ma", *v);
    const QString axis = h.value("MEAS_SCAN_AXIS_X");
    const QString internal = h.value("MEAS_SCAN_AXIS_X_INTERNAL");
    if (!axis.isEmpty()) s.metadata.insert("scan_axis", axis);
    isTwoTheta = (axis.isEmpty() && internal.isEmpty()) || internal.contains(QLatin1String("TwoTheta")) ||
                 axis.contains(QLatin1String("2-Theta")) || axis.contains(QLatin1String("2Theta")) ||
                 axis.contains(QLatin1String("2θ"));
    const QString unitX = h.value("MEAS_SCAN_UNIT_X").trimmed();
    if (isTwoTheta && !unitX.isEmpty() && unitX != QLatin1String("deg"))
        return fail(file, lineAt(headerLine),
                    "the scan axis is in '" + messageText(unitX) + "', not degrees");
    const QString unitY = h.value("MEAS_SCAN_UNIT_Y").trimmed().toLower();
    if (unitY.isEmpty() || unitY == QLatin1String("counts"))
        s.intensityUnit = QStringLiteral("counts");
    else if (unitY == QLatin1String("cps"))
        s.intensityUnit = QStringLiteral("cps");
    else
        return fail(file, lineAt(headerLine), "unknown intensity unit '" + messageText(unitY) + "'");
    if (index == 0) {
        sample = h.value("FILE_SAMPLE").trimmed();
        QString instrument = h.value("FILE_SYSTEM_NAME").trimmed();
        if (instrument.isEmpty()) instrument = h.value("HW_GONIOMETER_NAME").section('|', 0, 0).trimmed();
        if (!instrument.isEmpty()) fileMeta.insert("instrument", instrument);
        if (const QString op = h.value("FILE_OPERATOR").trimmed(); !op.isEmpty())
            fileMeta.insert("operator", op);
    }
    return s;
}

} // namespace

QString RigakuRasImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Rigaku RAS (XRD)");
}

int RigakuRasImporter::sniff(const QByteArray& head, const QString&) const
{
    QByteArray h = head;
    if (h.startsWith("\xEF\xBB\xBF")) h = h.mid(3);
    if (h.startsWith("*RAS_DATA_START")) return 95;
    if (h.left(4096).contains("*RAS_HEADER_START")) return 90;
    return 0;
}

Expected<std::vector<ImportedDataset>>
RigakuRasImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    // Latin-1: the keys and numbers are ASCII; comments in Shift-JIS (Japanese Windows) stay as bytes and
    // only show oddly in the metadata.
    QString text = QString::fromLatin1(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
    if (text.contains(QChar(0)))
        return fail(file, "byte " + std::to_string(bytes.indexOf('\0')),
                    "a NUL byte: this is not a RAS text file");
    const QStringList lines = text.split('\n');
    enum class State { BeforeData, BetweenScans, Header, BeforeInt, Int, AfterData };
    State state = State::BeforeData;
    QHash<QString, QString> header;
    qsizetype headerLine = 0, intLine = 0;
    std::vector<XrdScan> scans;
    QJsonObject fileMeta;
    QString sample;
    QStringList warnings;
    XrdScan current;
    bool currentIsTwoTheta = true;
    int scanIndex = 0, skipped = 0;
    qint64 declared = -1;

    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith('\r')) line.chop(1);
        const QString t = line.trimmed();
        if (t.isEmpty()) continue;
        switch (state) {
        case State::BeforeData:
        case State::AfterData:
            if (t == QLatin1String("*RAS_DATA_START")) {
                state = State::BetweenScans;
                continue;
            }
            if (state == State::AfterData) continue; // trailing text after the last block
            return fail(file, lineAt(i),
                        "expected *RAS_DATA_START, found " + textnum::quoteCell(t) +
                            ": this is not a RAS file");
        case State::BetweenScans:
            if (t == QLatin1String("*RAS_HEADER_START")) {
                state = State::Header;
                header.clear();
                headerLine = i;
                continue;
            }
            if (t == QLatin1String("*RAS_DATA_END")) {
                state = State::AfterData;
                continue;
            }
            return fail(file, lineAt(i),
                        "expected *RAS_HEADER_START or *RAS_DATA_END, found " + textnum::quoteCell(t));
        case State::Header: {
            if (t == QLatin1String("*RAS_HEADER_END")) {
                auto s =
                    scanFromHeader(header, file, headerLine, fileMeta, sample, scanIndex, currentIsTwoTheta);
                if (!s) return std::unexpected(s.error());
                current = std::move(*s);
                declared = -1;
                if (const auto n = headerNumber(header.value("MEAS_DATA_COUNT"))) {
                    if (*n < 0 || *n > double(kMaxScanPoints))
                        return fail(file, lineAt(headerLine),
                                    "MEAS_DATA_COUNT " + textnum::quoteCell(header.value("MEAS_DATA_COUNT")) +
                                        " is not a point count");
                    declared = qint64(*n);
                }
                state = State::BeforeInt;
                continue;
            }
            if (!t.startsWith('*'))
                return fail(file, lineAt(i), "a header line must start with '*': " + textnum::quoteCell(t));
            if (t == QLatin1String("*RAS_INT_START") || t == QLatin1String("*RAS_HEADER_START"))
                return fail(file, lineAt(i), "the header has no *RAS_HEADER_END (damaged file)");
            const auto [k, v] = keyValue(t);
            header.insert(k, v);
            continue;
        }
        case State::BeforeInt:
            if (t != QLatin1String("*RAS_INT_START"))
                return fail(file, lineAt(i),
                            "expected *RAS_INT_START after the header, found " + textnum::quoteCell(t));
            state = State::Int;
            intLine = i;
            continue;
        case State::Int: {
            if (t == QLatin1String("*RAS_INT_END")) {
                const qint64 n = qint64(current.twoThetaDeg.size());
                const std::string where =
                    "scan " + std::to_string(scanIndex + 1) + " (" + lineAt(intLine) + ")";
                if (declared >= 0 && n != declared)
                    return fail(file, where,
                                "the scan holds " + std::to_string(n) + " rows but MEAS_DATA_COUNT says " +
                                    std::to_string(declared) + " (truncated or damaged file)");
                current.where = where;
                if (currentIsTwoTheta) {
                    scans.push_back(std::move(current));
                } else {
                    ++skipped;
                    warnings << QStringLiteral("Scan %1 (axis %2) does not move 2θ and was left out.")
                                    .arg(scanIndex + 1)
                                    .arg(header.value("MEAS_SCAN_AXIS_X"));
                }
                current = XrdScan();
                ++scanIndex;
                state = State::BetweenScans;
                continue;
            }
            if (t.startsWith('*'))
                return fail(file, lineAt(i),
                            "the data of scan " + std::to_string(scanIndex + 1) +
                                " end without *RAS_INT_END (found " + textnum::quoteCell(t) + ")");
            const auto c = splitCells(t);
            if (c.size() < 2 || c.size() > 3)
                return fail(file, lineAt(i),
                            "expected 2θ, intensity and attenuation factor, found " +
                                std::to_string(c.size()) + " value(s) (truncated or garbled row?)");
            double x, y, f = 1.0;
            for (qsizetype k = 0; k < c.size(); ++k) {
                double& dst = k == 0 ? x : k == 1 ? y : f;
                if (!textnum::parseNumber(c[k], false, dst))
                    return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                                textnum::notANumberReason(c[k], false));
            }
            if (qint64(current.twoThetaDeg.size()) >= kMaxScanPoints)
                return fail(file, lineAt(i), "more rows than any scan holds");
            if (f != 1.0) current.metadata.insert("attenuation_applied", true);
            current.twoThetaDeg.push_back(x);
            current.intensity.push_back(y * f);
            continue;
        }
        }
    }
    switch (state) {
    case State::BeforeData:
        return fail(file, "", "no *RAS_DATA_START: this is not a RAS file");
    case State::Header:
    case State::BeforeInt:
        return fail(file, lineAt(lines.size() - 1), "the file ends inside a scan header: it is cut short");
    case State::Int:
        return fail(file, lineAt(lines.size() - 1),
                    "the file ends inside the data of scan " + std::to_string(scanIndex + 1) +
                        " (no *RAS_INT_END): it is cut short");
    case State::BetweenScans:
        return fail(file, lineAt(lines.size() - 1), "the file ends without *RAS_DATA_END: it is cut short");
    case State::AfterData:
        break;
    }
    if (scans.empty())
        return fail(file, "", skipped ? "none of the file's scans moves 2θ" : "the file holds no scan");
    QJsonObject meta = fileMeta;
    meta.insert("file_format", QStringLiteral("Rigaku RAS"));
    auto ds = makeXrdDatasets(file, fileName, sample, std::move(scans), meta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
