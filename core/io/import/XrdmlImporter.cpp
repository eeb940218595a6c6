#include "io/import/XrdmlImporter.h"

#include "io/MessageText.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <cmath>

namespace vanadis {

using namespace xrdimport;

namespace {

struct Positions {
    std::optional<double> start, end, common;
    std::vector<double> list;
    bool hasList = false;
    QString unit;
    qint64 line = 0;
};

struct ScanState {
    QString scanAxis, status;
    QString startTime, endTime;
    std::optional<Positions> twoTheta;
    QStringList otherAxes;
    std::optional<double> commonTime;
    std::vector<double> times;
    std::optional<double> commonAttenuation;
    std::vector<double> attenuation;
    qint64 attenuationLine = 0;
    std::vector<double> values;
    bool rawCounts = false; // <counts> (schema 2.x) rather than <intensities>
    bool haveValues = false;
    QString unit;
    qint64 valuesLine = 0;
    bool divergenceCorrection = false;
};

std::string lineText(qint64 line)
{
    return "line " + std::to_string(line);
}

/// Space-separated numbers of a list element; an error names the line and the value.
Expected<std::vector<double>> numberList(const QString& text, const std::string& file, qint64 line,
                                         const char* what)
{
    std::vector<double> out;
    const QStringView all(text);
    qsizetype i = 0;
    const qsizetype n = all.size();
    while (i < n) {
        while (i < n && all[i].isSpace())
            ++i;
        if (i >= n) break;
        qsizetype j = i;
        while (j < n && !all[j].isSpace())
            ++j;
        const QStringView cell = all.mid(i, j - i);
        double v;
        if (!textnum::parseNumber(cell, false, v))
            return fail(file, lineText(line),
                        std::string("value ") + std::to_string(out.size() + 1) + " of <" + what +
                            ">: " + textnum::notANumberReason(cell, false));
        if (qint64(out.size()) >= kMaxScanPoints)
            return fail(file, lineText(line), std::string("<") + what + "> holds more values than any scan");
        out.push_back(v);
        i = j;
    }
    return out;
}

Expected<double> oneNumber(const QString& text, const std::string& file, qint64 line, const QString& what)
{
    const auto v = headerNumber(text);
    if (!v)
        return fail(file, lineText(line),
                    "<" + messageText(what) + "> " +
                        textnum::notANumberReason(QStringView(text).trimmed(), false));
    return *v;
}

} // namespace

QString XrdmlImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "PANalytical XRDML (XRD)");
}

int XrdmlImporter::sniff(const QByteArray& head, const QString&) const
{
    if (head.contains("<xrdMeasurements")) return 95;
    return 0;
}

Expected<std::vector<ImportedDataset>> XrdmlImporter::read(const QByteArray& bytes, const QString& fileName,
                                                           const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    QXmlStreamReader xml(bytes);
    QStringList stack;
    QString sampleName, sampleId, instrument, controlSoftware, schema;
    QString geometry; // sampleMode of the first <xrdMeasurement>
    Radiation radiation;
    std::optional<double> kv, ma;
    qint64 radiationLine = 0;
    std::vector<XrdScan> scans;
    QStringList warnings;
    std::optional<ScanState> scan;
    std::optional<Positions> positions;
    int scanNumber = 0;
    bool sawRoot = false;

    auto parent = [&](int up = 1) { return stack.size() >= up ? stack[stack.size() - up] : QString(); };

    auto finishScan = [&](qint64 line) -> Expected<void> {
        ScanState& s = *scan;
        ++scanNumber;
        const std::string where =
            "scan " + std::to_string(scanNumber) + " (ending at line " + std::to_string(line) + ")";
        if (!s.haveValues) return fail(file, where, "the scan has no <intensities> or <counts>");
        const size_t n = s.values.size();
        if (n == 0) return fail(file, lineText(s.valuesLine), "the scan's intensity list is empty");
        if (!s.twoTheta || (!s.twoTheta->hasList && !s.twoTheta->start)) {
            warnings << QStringLiteral("Scan %1 (%2 axis) does not move 2θ and was left out.")
                            .arg(scanNumber)
                            .arg(s.scanAxis.isEmpty() ? QStringLiteral("unknown") : s.scanAxis);
            return {};
        }
        const Positions& p = *s.twoTheta;
        if (!p.unit.isEmpty() && p.unit != QLatin1String("deg"))
            return fail(file, lineText(p.line),
                        "the 2θ positions are in '" + messageText(p.unit) + "', not degrees");
        XrdScan out;
        out.where = where;
        if (p.hasList) {
            if (p.list.size() != n)
                return fail(file, lineText(p.line),
                            "<listPositions> holds " + std::to_string(p.list.size()) + " angles for " +
                                std::to_string(n) + " intensities (truncated or damaged file)");
            out.twoThetaDeg = p.list;
        } else {
            if (!p.end && n > 1)
                return fail(file, lineText(p.line), "the 2θ positions have a start but no <endPosition>");
            const double a = *p.start, b = p.end.value_or(a);
            out.twoThetaDeg.resize(n);
            for (size_t i = 0; i < n; ++i)
                out.twoThetaDeg[i] = n == 1 ? a : a + (b - a) * double(i) / double(n - 1);
            if (n > 1) out.metadata.insert("step_deg", (b - a) / double(n - 1));
        }
        out.intensity = std::move(s.values);
        if (s.rawCounts) {
            // Schema 2.x <counts> are raw detector counts; the attenuated beam is scaled back here, as
            // schema 1.x <intensities> already are.
            if (!s.attenuation.empty()) {
                if (s.attenuation.size() != n)
                    return fail(file, lineText(s.attenuationLine),
                                "<beamAttenuationFactors> holds " + std::to_string(s.attenuation.size()) +
                                    " factors for " + std::to_string(n) + " points");
                bool any = false;
                for (size_t i = 0; i < n; ++i) {
                    out.intensity[i] *= s.attenuation[i];
                    any = any || s.attenuation[i] != 1.0;
                }
                if (any) out.metadata.insert("attenuation_applied", true);
            } else if (s.commonAttenuation && *s.commonAttenuation != 1.0) {
                for (double& v : out.intensity)
                    v *= *s.commonAttenuation;
                out.metadata.insert("attenuation_applied", true);
            }
        }
        if (s.divergenceCorrection)
            warnings << QStringLiteral("Scan %1 carries divergence-slit corrections; they are not applied "
                                       "(the counts are as measured).")
                            .arg(scanNumber);
        const QString unit = s.unit.trimmed().toLower();
        if (unit.isEmpty() || unit == QLatin1String("counts"))
            out.intensityUnit = QStringLiteral("counts");
        else if (unit == QLatin1String("cps") || unit == QLatin1String("counts/s"))
            out.intensityUnit = QStringLiteral("cps");
        else
            return fail(file, lineText(s.valuesLine), "unknown intensity unit '" + messageText(s.unit) + "'");
        if (s.commonTime) {
            out.metadata.insert("step_time_s", *s.commonTime);
        } else if (!s.times.empty()) {
            if (s.times.size() != n)
                return fail(file, where,
                            "<countingTimes> holds " + std::to_string(s.times.size()) + " times for " +
                                std::to_string(n) + " points");
            const auto [mn, mx] = std::minmax_element(s.times.begin(), s.times.end());
            if (*mn == *mx)
                out.metadata.insert("step_time_s", *mn);
            else
                warnings << QStringLiteral("Scan %1: the counting time varies from %2 to %3 s per point; the "
                                           "intensities are counts per point as measured.")
                                .arg(scanNumber)
                                .arg(*mn)
                                .arg(*mx);
        }
        // The radiation of the <xrdMeasurement> this scan belongs to (a file may hold several).
        if (auto ok = checkRadiation(file, radiationLine ? lineText(radiationLine) : where, radiation); !ok)
            return std::unexpected(ok.error());
        putRadiation(out.metadata, radiation);
        if (!s.scanAxis.isEmpty()) out.metadata.insert("scan_axis", s.scanAxis);
        if (const QString iso = isoDate(s.startTime); !iso.isEmpty()) out.metadata.insert("measured_at", iso);
        if (const QString iso = isoDate(s.endTime); !iso.isEmpty()) out.metadata.insert("measured_end", iso);
        if (s.status.compare(QLatin1String("Completed"), Qt::CaseInsensitive) != 0 && !s.status.isEmpty())
            warnings
                << QStringLiteral("Scan %1 has status '%2' (not completed).").arg(scanNumber).arg(s.status);
        scans.push_back(std::move(out));
        return {};
    };

    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            const qint64 line = xml.lineNumber();
            if (stack.isEmpty()) {
                if (name != QLatin1String("xrdMeasurements"))
                    return fail(file, lineText(line),
                                "the root element is <" + messageText(name) + ">, not <xrdMeasurements>");
                sawRoot = true;
                const QString ns = xml.namespaceUri().toString();
                schema = ns.section('/', -1);
            }
            auto text = [&]() { return xml.readElementText(QXmlStreamReader::SkipChildElements); };
            if (name == QLatin1String("xrdMeasurement")) {
                radiation = Radiation(); // each measurement states its own
                radiationLine = 0;
                const QString mode = xml.attributes().value("sampleMode").toString();
                if (geometry.isEmpty() && !mode.isEmpty()) geometry = mode.toLower();
            }
            if (name == QLatin1String("kAlpha1") || name == QLatin1String("kAlpha2") ||
                name == QLatin1String("kBeta") || name == QLatin1String("ratioKAlpha2KAlpha1")) {
                if (parent() == QLatin1String("usedWavelength")) {
                    auto v = oneNumber(text(), file, line, name);
                    if (!v) return std::unexpected(v.error());
                    radiationLine = radiationLine ? radiationLine : line;
                    if (name == QLatin1String("kAlpha1")) radiation.kAlpha1 = *v;
                    if (name == QLatin1String("kAlpha2")) radiation.kAlpha2 = *v;
                    if (name == QLatin1String("kBeta")) radiation.kBeta = *v;
                    if (name == QLatin1String("ratioKAlpha2KAlpha1")) radiation.ratio = *v;
                    continue;
                }
            } else if (name == QLatin1String("anodeMaterial")) {
                radiation.anode = text().trimmed();
                continue;
            } else if ((name == QLatin1String("tension") || name == QLatin1String("current")) &&
                       parent() == QLatin1String("xRayTube")) {
                const auto v = headerNumber(text());
                (name == QLatin1String("tension") ? kv : ma) = v;
                continue;
            } else if (name == QLatin1String("name") && parent() == QLatin1String("sample")) {
                sampleName = text().trimmed();
                continue;
            } else if (name == QLatin1String("id") && parent() == QLatin1String("sample")) {
                sampleId = text().trimmed();
                continue;
            } else if (name == QLatin1String("entry") && parent() == QLatin1String("comment") &&
                       stack.size() == 2) {
                const QString e = text().trimmed();
                if (e.startsWith(QLatin1String("Diffractometer system="))) instrument = e.mid(22).trimmed();
                continue;
            } else if (name == QLatin1String("instrumentControlSoftware")) {
                controlSoftware = text().trimmed();
                continue;
            } else if (name == QLatin1String("scan")) {
                scan.emplace();
                scan->scanAxis = xml.attributes().value("scanAxis").toString();
                scan->status = xml.attributes().value("status").toString();
            } else if (scan && name == QLatin1String("startTimeStamp")) {
                scan->startTime = text();
                continue;
            } else if (scan && name == QLatin1String("endTimeStamp")) {
                scan->endTime = text();
                continue;
            } else if (scan && name == QLatin1String("positions")) {
                positions.emplace();
                positions->unit = xml.attributes().value("unit").toString();
                positions->line = line;
                if (xml.attributes().value("axis") != QLatin1String("2Theta")) {
                    scan->otherAxes << xml.attributes().value("axis").toString();
                    positions.reset();
                    xml.skipCurrentElement();
                    continue;
                }
            } else if (positions &&
                       (name == QLatin1String("startPosition") || name == QLatin1String("endPosition") ||
                        name == QLatin1String("commonPosition"))) {
                auto v = oneNumber(text(), file, line, name);
                if (!v) return std::unexpected(v.error());
                (name == QLatin1String("startPosition") ? positions->start
                 : name == QLatin1String("endPosition") ? positions->end
                                                        : positions->common) = *v;
                continue;
            } else if (positions && name == QLatin1String("listPositions")) {
                auto v = numberList(text(), file, line, "listPositions");
                if (!v) return std::unexpected(v.error());
                positions->list = std::move(*v);
                positions->hasList = true;
                continue;
            } else if (scan && name == QLatin1String("commonCountingTime")) {
                auto v = oneNumber(text(), file, line, name);
                if (!v) return std::unexpected(v.error());
                scan->commonTime = *v;
                continue;
            } else if (scan && name == QLatin1String("countingTimes")) {
                auto v = numberList(text(), file, line, "countingTimes");
                if (!v) return std::unexpected(v.error());
                scan->times = std::move(*v);
                continue;
            } else if (scan && name == QLatin1String("commonBeamAttenuationFactor")) {
                auto v = oneNumber(text(), file, line, name);
                if (!v) return std::unexpected(v.error());
                scan->commonAttenuation = *v;
                continue;
            } else if (scan && name == QLatin1String("beamAttenuationFactors")) {
                auto v = numberList(text(), file, line, "beamAttenuationFactors");
                if (!v) return std::unexpected(v.error());
                scan->attenuation = std::move(*v);
                scan->attenuationLine = line;
                continue;
            } else if (scan && (name == QLatin1String("commonDivergenceCorrection") ||
                                name == QLatin1String("divergenceCorrections"))) {
                scan->divergenceCorrection = true;
                xml.skipCurrentElement();
                continue;
            } else if (scan && (name == QLatin1String("intensities") || name == QLatin1String("counts"))) {
                if (scan->haveValues)
                    return fail(file, lineText(line),
                                "a scan with two intensity lists (<intensities>, <counts>)");
                scan->unit = xml.attributes().value("unit").toString();
                scan->rawCounts = name == QLatin1String("counts");
                scan->valuesLine = line;
                auto v = numberList(text(), file, line,
                                    name == QLatin1String("counts") ? "counts" : "intensities");
                if (!v) return std::unexpected(v.error());
                scan->values = std::move(*v);
                scan->haveValues = true;
                continue;
            }
            stack << name;
        } else if (token == QXmlStreamReader::EndElement) {
            const QString name = xml.name().toString();
            if (!stack.isEmpty()) stack.removeLast();
            if (name == QLatin1String("positions") && positions) {
                if (scan) scan->twoTheta = std::move(positions);
                positions.reset();
            } else if (name == QLatin1String("scan") && scan) {
                if (auto r = finishScan(xml.lineNumber()); !r) return std::unexpected(r.error());
                scan.reset();
            }
        }
    }
    if (xml.hasError()) {
        const bool cut = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
        return fail(file, lineText(xml.lineNumber()) + ", column " + std::to_string(xml.columnNumber()),
                    cut ? "the XML ends before its closing tags: the file is cut short"
                        : "the XML is malformed (" + messageText(xml.errorString()) + ")");
    }
    if (!sawRoot) return fail(file, "", "no <xrdMeasurements> element: this is not an XRDML file");
    if (scanNumber == 0) return fail(file, "", "the file holds no <scan>");
    if (scans.empty())
        return fail(file, "", "none of the file's scans moves 2θ (rocking curves or other scans only)");

    QJsonObject meta;
    meta.insert("file_format",
                QStringLiteral("PANalytical XRDML") + (schema.isEmpty() ? QString() : " " + schema));
    if (!instrument.isEmpty())
        meta.insert("instrument", instrument);
    else if (!controlSoftware.isEmpty())
        meta.insert("instrument", controlSoftware);
    if (kv) meta.insert("generator_voltage_kv", *kv);
    if (ma) meta.insert("generator_current_ma", *ma);
    if (!sampleId.isEmpty()) meta.insert("sample_id", sampleId);
    if (geometry == QLatin1String("reflection") || geometry == QLatin1String("transmission"))
        meta.insert("geometry", geometry); // sampleMode: the form of the displacement term
    auto ds =
        makeXrdDatasets(file, fileName, sampleName.isEmpty() ? sampleId : sampleName, std::move(scans), meta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
