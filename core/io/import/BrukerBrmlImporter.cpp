#include "io/import/BrukerBrmlImporter.h"

#include "io/MessageText.h"
#include "io/ZipArchive.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCollator>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <cmath>

namespace vanadis {

using namespace xrdimport;

namespace {

constexpr qint64 kMaxRawDataBytes = qint64(512) << 20;
constexpr qint64 kMaxContainerBytes = qint64(16) << 20;

std::string entryAt(const QString& name)
{
    return "zip entry '" + messageText(name) + "'";
}

struct Axis {
    QString id;
    std::optional<double> start, increment;
    QString unitBase;
};

struct View {
    QString type; // FixedRawDataView, VaryingRawDataView, RecordedRawDataView
    int start = -1, length = 0;
    QString logicName;
    QStringList fields; // varying view: axis names in column order
    QString unitBase;   // recorded view: Unit@Base
};

/// One data route of a RawData entry.
struct Route {
    QString flag;
    QString scanName, visibleName;
    std::optional<double> points, timePerStep;
    std::vector<Axis> axes;
    std::vector<double> cells;    // row-major, `width` values per Datum
    std::vector<quint8> decimals; // printed decimals per cell, for the 2θ consistency check
    int width = -1;
    qint64 firstDatumLine = 0;
    std::vector<View> views;
};

struct RawData {
    std::vector<Route> routes;
    Radiation radiation;
    std::optional<double> kv, ma, radiusMm, secondaryRadiusMm;
    QString stage; // the goniometer-centre stage (CapillaryStage, AutochangerStage, …)
    QString started;
    QString finished; // the root TimeStampFinished: when the last step was counted
    QString status;
};

int decimalsOf(QStringView cell)
{
    const qsizetype dot = cell.indexOf('.');
    if (dot < 0) return 0;
    qsizetype end = cell.size();
    for (qsizetype i = dot + 1; i < cell.size(); ++i)
        if (!cell[i].isDigit()) {
            end = i;
            break;
        }
    return int(std::min<qsizetype>(end - dot - 1, 20));
}

Expected<RawData> parseRawData(const QByteArray& bytes, const std::string& file, const QString& entry)
{
    RawData out;
    QXmlStreamReader xml(bytes);
    QStringList stack;
    Route* route = nullptr;
    View* view = nullptr;
    bool inFixed = false;
    auto valueAttr = [&]() { return headerNumber(xml.attributes().value("Value").toString()); };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            const qint64 line = xml.lineNumber();
            const QString parent = stack.isEmpty() ? QString() : stack.back();
            if (stack.isEmpty() && name != QLatin1String("RawData"))
                return fail(file, entryAt(entry) + ", line " + std::to_string(line),
                            "the root element is <" + messageText(name) + ">, not <RawData>");
            if (name == QLatin1String("DataRoute")) {
                out.routes.emplace_back();
                route = &out.routes.back();
                route->flag = xml.attributes().value("RouteFlag").toString();
                view = nullptr;
            } else if (name == QLatin1String("FixedInformation")) {
                inFixed = true;
            } else if (route && name == QLatin1String("ScanInformation")) {
                route->scanName = xml.attributes().value("ScanName").toString();
                route->visibleName = xml.attributes().value("VisibleName").toString();
            } else if (route && parent == QLatin1String("ScanInformation") &&
                       (name == QLatin1String("MeasurementPoints") || name == QLatin1String("TimePerStep"))) {
                const auto v = headerNumber(xml.readElementText(QXmlStreamReader::SkipChildElements));
                (name == QLatin1String("MeasurementPoints") ? route->points : route->timePerStep) = v;
                continue;
            } else if (route && name == QLatin1String("ScanAxisInfo")) {
                route->axes.push_back({xml.attributes().value("AxisId").toString(), {}, {}, {}});
            } else if (route && parent == QLatin1String("ScanAxisInfo") && !route->axes.empty() &&
                       (name == QLatin1String("Start") || name == QLatin1String("Increment"))) {
                const auto v = headerNumber(xml.readElementText(QXmlStreamReader::SkipChildElements));
                (name == QLatin1String("Start") ? route->axes.back().start : route->axes.back().increment) =
                    v;
                continue;
            } else if (route && parent == QLatin1String("ScanAxisInfo") && name == QLatin1String("Unit") &&
                       !route->axes.empty()) {
                route->axes.back().unitBase = xml.attributes().value("Base").toString();
            } else if (route && name == QLatin1String("Datum")) {
                const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
                const QStringView all(text);
                int width = 0;
                for (qsizetype i = 0; i <= all.size();) {
                    qsizetype j = all.indexOf(',', i);
                    if (j < 0) j = all.size();
                    const QStringView cell = all.mid(i, j - i).trimmed();
                    double v;
                    if (!textnum::parseNumber(cell, false, v))
                        return fail(file,
                                    entryAt(entry) + ", line " + std::to_string(line) + ", value " +
                                        std::to_string(width + 1),
                                    "<Datum>: " + textnum::notANumberReason(cell, false));
                    route->cells.push_back(v);
                    route->decimals.push_back(quint8(decimalsOf(cell)));
                    ++width;
                    i = j + 1;
                }
                if (route->width < 0) {
                    route->width = width;
                    route->firstDatumLine = line;
                } else if (width != route->width) {
                    return fail(file, entryAt(entry) + ", line " + std::to_string(line),
                                "this <Datum> has " + std::to_string(width) + " values, the first had " +
                                    std::to_string(route->width) + " (damaged file)");
                }
                if (qint64(route->cells.size()) > kMaxScanPoints * 8)
                    return fail(file, entryAt(entry), "more <Datum> values than any scan holds");
                continue;
            } else if (route && name == QLatin1String("RawDataView")) {
                route->views.emplace_back();
                view = &route->views.back();
                view->type = xml.attributes().value("type").toString(); // xsi:type, prefix dropped by name()
                if (view->type.isEmpty())
                    for (const auto& a : xml.attributes())
                        if (a.name() == QLatin1String("type")) view->type = a.value().toString();
                view->start = xml.attributes().value("Start").toInt();
                view->length = xml.attributes().value("Length").toInt();
                view->logicName = xml.attributes().value("LogicName").toString();
            } else if (view && name == QLatin1String("FieldDefinitions")) {
                view->fields << xml.attributes().value("FieldName").toString();
            } else if (view && name == QLatin1String("Recording")) {
                if (view->logicName.isEmpty())
                    view->logicName = xml.attributes().value("LogicName").toString();
            } else if (view && parent == QLatin1String("Recording") && name == QLatin1String("Unit")) {
                view->unitBase = xml.attributes().value("Base").toString();
            } else if (inFixed && name == QLatin1String("WaveLengthAlpha1")) {
                if (!out.radiation.kAlpha1) out.radiation.kAlpha1 = valueAttr();
            } else if (inFixed && name == QLatin1String("WaveLengthAlpha2")) {
                if (!out.radiation.kAlpha2) out.radiation.kAlpha2 = valueAttr();
            } else if (inFixed && name == QLatin1String("WaveLengthBeta")) {
                if (!out.radiation.kBeta) out.radiation.kBeta = valueAttr();
            } else if (inFixed && name == QLatin1String("WaveLengthRatio")) {
                if (!out.radiation.ratio) out.radiation.ratio = valueAttr();
            } else if (inFixed && name == QLatin1String("TubeMaterial")) {
                const QString t = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                if (out.radiation.anode.isEmpty()) out.radiation.anode = t;
                continue;
            } else if (inFixed && parent == QLatin1String("Generator") && name == QLatin1String("Voltage")) {
                if (!out.kv) out.kv = valueAttr();
            } else if (inFixed && parent == QLatin1String("Generator") && name == QLatin1String("Current")) {
                if (!out.ma) out.ma = valueAttr();
            } else if (inFixed && name == QLatin1String("Radius")) {
                if (!out.radiusMm) out.radiusMm = valueAttr();
                if (stack.contains(QLatin1String("SecondaryTracks")) && !out.secondaryRadiusMm)
                    out.secondaryRadiusMm = valueAttr();
            } else if (inFixed && name == QLatin1String("Stage") &&
                       parent == QLatin1String("GoniometerCenter")) {
                if (out.stage.isEmpty()) out.stage = xml.attributes().value("LogicName").toString();
            } else if (stack.size() == 1 && name == QLatin1String("TimeStampStarted")) {
                out.started = xml.readElementText(QXmlStreamReader::SkipChildElements);
                continue;
            } else if (stack.size() == 1 && name == QLatin1String("TimeStampFinished")) {
                out.finished = xml.readElementText(QXmlStreamReader::SkipChildElements);
                continue;
            } else if (stack.size() == 1 && name == QLatin1String("MeasurementStatus")) {
                out.status = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                continue;
            }
            stack << name;
        } else if (token == QXmlStreamReader::EndElement) {
            const QString name = xml.name().toString();
            if (!stack.isEmpty()) stack.removeLast();
            if (name == QLatin1String("DataRoute")) {
                route = nullptr;
                view = nullptr;
            } else if (name == QLatin1String("RawDataView")) {
                view = nullptr;
            } else if (name == QLatin1String("FixedInformation")) {
                inFixed = false;
            }
        }
    }
    if (xml.hasError())
        return fail(file, entryAt(entry) + ", line " + std::to_string(xml.lineNumber()),
                    xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                        ? std::string("the XML ends before its closing tags (damaged entry)")
                        : "the XML is malformed (" + messageText(xml.errorString()) + ")");
    return out;
}

/// SampleName, instrument from DataContainer.xml (optional: a missing container only loses the names).
void readContainer(const QByteArray& bytes, QString& sample, QString& instrument)
{
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("MeasurementInfo")) {
            sample = xml.attributes().value("SampleName").toString().trimmed();
        } else if (xml.name() == QLatin1String("InstrumentName")) {
            instrument = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        }
    }
}

bool isTwoTheta(const QString& axis)
{
    return axis.compare(QLatin1String("TwoTheta"), Qt::CaseInsensitive) == 0 ||
           axis.compare(QLatin1String("2Theta"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString BrukerBrmlImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Bruker BRML (XRD)");
}

int BrukerBrmlImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!isZip(head)) return 0;
    if (QFileInfo(fileName).suffix().toLower() == QLatin1String("brml")) return 95;
    if (head.contains("Experiment0/") && (head.contains("RawData") || head.contains("DataContainer.xml")))
        return 85;
    return 0;
}

Expected<std::vector<ImportedDataset>>
BrukerBrmlImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto zip = ZipArchive::open(bytes, fileName);
    if (!zip) return std::unexpected(zip.error());
    static const QRegularExpression rawRe(QStringLiteral("(^|/)RawData\\d+\\.xml$"),
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList raws;
    QString container;
    for (const QString& name : zip->entryNames()) {
        if (rawRe.match(name).hasMatch()) raws << name;
        if (container.isEmpty() && name.endsWith(QLatin1String("DataContainer.xml"), Qt::CaseInsensitive))
            container = name;
    }
    if (raws.isEmpty())
        return fail(
            file, "",
            "the zip archive holds no RawData<n>.xml entry: this is not a Bruker .brml measurement (or it "
            "holds no data)");
    QCollator natural;
    natural.setNumericMode(true);
    std::sort(raws.begin(), raws.end(),
              [&](const QString& a, const QString& b) { return natural.compare(a, b) < 0; });

    QString sample, instrument;
    if (!container.isEmpty())
        if (auto c = zip->read(container, kMaxContainerBytes)) readContainer(*c, sample, instrument);

    std::vector<XrdScan> scans;
    QStringList warnings;
    std::optional<double> kv, ma, radius;
    QString stage;
    for (const QString& entry : raws) {
        auto xmlBytes = zip->read(entry, kMaxRawDataBytes);
        if (!xmlBytes) return std::unexpected(xmlBytes.error());
        auto raw = parseRawData(*xmlBytes, file, entry);
        if (!raw) return std::unexpected(raw.error());
        if (raw->routes.empty()) return fail(file, entryAt(entry), "the raw data hold no <DataRoute>");
        const Route* route = &raw->routes.front();
        for (const Route& r : raw->routes)
            if (r.flag == QLatin1String("Measured")) {
                route = &r;
                break;
            }
        const std::string at = entryAt(entry);
        if (route->width <= 0) return fail(file, at, "the data route holds no <Datum> points");
        const size_t n = route->cells.size() / size_t(route->width);

        // Which column holds what: the DataViews say; without them, the documented order (time, flag,
        // one value per scan axis, counts) is assumed and said.
        int twoThetaCol = -1, countsCol = -1, absorptionCol = -1, timeCol = -1;
        QString countsBase;
        int axisIndex = -1;
        for (const View& v : route->views) {
            if (v.type.endsWith(QLatin1String("VaryingRawDataView"))) {
                for (qsizetype k = 0; k < v.fields.size(); ++k)
                    if (isTwoTheta(v.fields[k])) {
                        twoThetaCol = v.start + int(k);
                        axisIndex = int(k);
                    }
            } else if (v.type.endsWith(QLatin1String("RecordedRawDataView"))) {
                if (countsCol < 0) {
                    if (v.length != 1)
                        return fail(
                            file, at,
                            "the detector records " + std::to_string(v.length) +
                                " values per point (a 2D frame), not one count: not a powder pattern");
                    countsCol = v.start;
                    countsBase = v.unitBase;
                }
            } else if (v.logicName == QLatin1String("AbsorptionFactor")) {
                absorptionCol = v.start;
            } else if (v.logicName == QLatin1String("MeasuredTime")) {
                timeCol = v.start;
            }
        }
        if (route->views.empty()) {
            for (size_t k = 0; k < route->axes.size(); ++k)
                if (isTwoTheta(route->axes[k].id)) {
                    twoThetaCol = 2 + int(k);
                    axisIndex = int(k);
                }
            countsCol = 2 + int(route->axes.size());
            timeCol = 0;
            absorptionCol = 1;
            warnings << QStringLiteral("%1 has no DataViews; its columns were read in the usual order (time, "
                                       "absorption factor, scan axes, counts).")
                            .arg(entry);
        }
        if (twoThetaCol < 0) {
            warnings << QStringLiteral("%1 (scan '%2') does not move 2θ and was left out.")
                            .arg(entry, route->visibleName.isEmpty() ? route->scanName : route->visibleName);
            continue;
        }
        if (countsCol < 0) return fail(file, at, "the data views name no recorded counts column");
        for (int c : {twoThetaCol, countsCol, absorptionCol, timeCol})
            if (c >= route->width || (c < 0 && (c == twoThetaCol || c == countsCol)))
                return fail(file, at,
                            "the data views name column " + std::to_string(c + 1) + " but each <Datum> has " +
                                std::to_string(route->width) + " values (damaged file)");
        if (!countsBase.isEmpty() && countsBase != QLatin1String("Counts"))
            return fail(file, at, "the recorded values are '" + messageText(countsBase) + "', not counts");

        XrdScan s;
        s.where = at;
        s.twoThetaDeg.resize(n);
        s.intensity.resize(n);
        const size_t w = size_t(route->width);
        bool attenuated = false;
        for (size_t i = 0; i < n; ++i) {
            s.twoThetaDeg[i] = route->cells[i * w + size_t(twoThetaCol)];
            double f = absorptionCol >= 0 ? route->cells[i * w + size_t(absorptionCol)] : 1.0;
            if (!std::isfinite(f) || f <= 0.0)
                return fail(file, at + ", point " + std::to_string(i + 1),
                            "the absorption factor " + QString::number(f).toStdString() + " is not positive");
            attenuated = attenuated || f != 1.0;
            s.intensity[i] = route->cells[i * w + size_t(countsCol)] * f;
        }
        if (attenuated) s.metadata.insert("attenuation_applied", true);
        // The Datum prints 2θ to 4 decimals; the nominal positions Start + i·Increment are exact. They are
        // used when every printed value is that position rounded, else the printed values stand.
        const Axis& axis = route->axes.size() > size_t(std::max(axisIndex, 0)) && axisIndex >= 0
                               ? route->axes[size_t(axisIndex)]
                               : Axis{};
        if (axis.start && axis.increment && n > 0) {
            bool agree = true;
            for (size_t i = 0; i < n && agree; ++i) {
                const double nominal = *axis.start + *axis.increment * double(i);
                const double tol =
                    0.5 * std::pow(10.0, -double(route->decimals[i * w + size_t(twoThetaCol)])) + 1e-9;
                agree = std::abs(nominal - s.twoThetaDeg[i]) <= tol;
            }
            if (agree) {
                for (size_t i = 0; i < n; ++i)
                    s.twoThetaDeg[i] = *axis.start + *axis.increment * double(i);
                s.metadata.insert("step_deg", *axis.increment);
            }
        }
        if (route->timePerStep) s.metadata.insert("step_time_s", *route->timePerStep);
        if (timeCol >= 0 && n > 0) {
            const double t0 = route->cells[size_t(timeCol)];
            bool constant = true;
            for (size_t i = 1; i < n && constant; ++i)
                constant = route->cells[i * w + size_t(timeCol)] == t0;
            if (constant && (!route->timePerStep || t0 != *route->timePerStep))
                s.metadata.insert("step_time_effective_s", t0); // PSD: per-channel time summed over channels
        }
        if (!route->scanName.isEmpty()) s.metadata.insert("scan_axis", route->scanName);
        if (const QString iso = isoDate(raw->started); !iso.isEmpty()) s.metadata.insert("measured_at", iso);
        if (const QString iso = isoDate(raw->finished); !iso.isEmpty())
            s.metadata.insert("measured_end", iso);
        if (route->points && qint64(*route->points) != qint64(n))
            warnings << QStringLiteral("%1 holds %2 of the %3 planned points (measurement status '%4').")
                            .arg(entry)
                            .arg(n)
                            .arg(qint64(*route->points))
                            .arg(raw->status);
        if (auto ok = checkRadiation(file, at, raw->radiation); !ok) return std::unexpected(ok.error());
        putRadiation(s.metadata, raw->radiation);
        if (scans.empty()) {
            kv = raw->kv;
            ma = raw->ma;
            // The detector circle is the radius that turns a displacement into a line shift.
            radius = raw->secondaryRadiusMm ? raw->secondaryRadiusMm : raw->radiusMm;
            stage = raw->stage;
        }
        scans.push_back(std::move(s));
    }
    if (scans.empty()) return fail(file, "", "none of the file's scans moves 2θ");
    QJsonObject meta;
    meta.insert("file_format", QStringLiteral("Bruker BRML"));
    if (!instrument.isEmpty()) meta.insert("instrument", instrument);
    if (kv) meta.insert("generator_voltage_kv", *kv);
    if (ma) meta.insert("generator_current_ma", *ma);
    if (radius) meta.insert("goniometer_radius_mm", *radius);
    // A capillary (or transmission) stage: Debye–Scherrer geometry, the displacement moves lines ∝ cos 2θ.
    if (stage.contains(QLatin1String("Capillary"), Qt::CaseInsensitive) ||
        stage.contains(QLatin1String("Transmission"), Qt::CaseInsensitive))
        meta.insert("geometry", QStringLiteral("transmission"));
    else if (!stage.isEmpty())
        meta.insert("geometry", QStringLiteral("reflection"));
    if (!stage.isEmpty()) meta.insert("sample_stage", stage);
    auto ds = makeXrdDatasets(file, fileName, sample, std::move(scans), meta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
