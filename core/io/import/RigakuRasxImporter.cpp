#include "io/import/RigakuRasxImporter.h"

#include "io/MessageText.h"
#include "io/ZipArchive.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <map>

namespace vanadis {

using namespace xrdimport;

namespace {

constexpr qint64 kMaxProfileBytes = qint64(256) << 20;
constexpr qint64 kMaxConditionsBytes = qint64(64) << 20;

std::string entryAt(const QString& name)
{
    return "zip entry '" + messageText(name) + "'";
}

/// "Section/Element" → text for the leaf elements of the measurement conditions.
Expected<QHash<QString, QString>> readConditions(const QByteArray& xmlBytes, const std::string& file,
                                                 const QString& entry)
{
    QHash<QString, QString> out;
    QXmlStreamReader xml(xmlBytes);
    QStringList stack;
    static const QStringList sections{"GeneralInformation", "XrayGenerator", "ScanInformation"};
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            if (!stack.isEmpty() && sections.contains(stack.back())) {
                const QString key = stack.back() + '/' + name;
                const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
                if (!out.contains(key)) out.insert(key, text.trimmed());
                continue;
            }
            stack << name;
        } else if (token == QXmlStreamReader::EndElement) {
            if (!stack.isEmpty()) stack.removeLast();
        }
    }
    if (xml.hasError())
        return fail(file, entryAt(entry) + ", line " + std::to_string(xml.lineNumber()),
                    xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                        ? std::string("the XML ends before its closing tags (damaged entry)")
                        : "the XML is malformed (" + messageText(xml.errorString()) + ")");
    return out;
}

} // namespace

QString RigakuRasxImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Rigaku RASX (XRD)");
}

int RigakuRasxImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!isZip(head)) return 0;
    if (QFileInfo(fileName).suffix().toLower() == QLatin1String("rasx")) return 95;
    if (head.contains("Data0/Profile0.txt") || head.contains("MesurementConditions0.xml")) return 85;
    return 0;
}

Expected<std::vector<ImportedDataset>>
RigakuRasxImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto zip = ZipArchive::open(bytes, fileName);
    if (!zip) return std::unexpected(zip.error());
    // Data<n>/Profile<m>.txt, ordered by n then m (a SmartLab file may hold several data folders).
    static const QRegularExpression profileRe(QStringLiteral("^(.*/)?Data(\\d+)/Profile(\\d+)\\.txt$"),
                                              QRegularExpression::CaseInsensitiveOption);
    std::map<std::pair<int, int>, QString> profiles;
    for (const QString& name : zip->entryNames())
        if (const auto m = profileRe.match(name); m.hasMatch())
            profiles.emplace(std::pair{m.captured(2).toInt(), m.captured(3).toInt()}, name);
    if (profiles.empty())
        return fail(file, "",
                    "the zip archive holds no Data<n>/Profile<n>.txt entry: this is not a Rigaku .rasx file "
                    "(or it holds no measured profile)");

    std::vector<XrdScan> scans;
    QJsonObject fileMeta;
    QString sample;
    QStringList warnings;
    int index = 0;
    for (const auto& [key, profileName] : profiles) {
        const QString folder = profileName.left(profileName.lastIndexOf('/') + 1);
        const QString number = QString::number(key.second);
        QString conditionsName = folder + "MesurementConditions" + number + ".xml"; // the vendor's spelling
        if (!zip->contains(conditionsName))
            conditionsName = folder + "MeasurementConditions" + number + ".xml";
        if (!zip->contains(conditionsName))
            return fail(file, entryAt(profileName),
                        "the profile has no " + messageText(folder) + "MesurementConditions" +
                            number.toStdString() +
                            ".xml beside it, so its wavelength and scan are unknown (damaged file?)");
        auto xmlBytes = zip->read(conditionsName, kMaxConditionsBytes);
        if (!xmlBytes) return std::unexpected(xmlBytes.error());
        auto cond = readConditions(*xmlBytes, file, conditionsName);
        if (!cond) return std::unexpected(cond.error());
        const QHash<QString, QString>& c = *cond;
        auto number_ = [&](const char* k) { return headerNumber(c.value(QLatin1String(k))); };

        XrdScan s;
        Radiation r;
        r.kAlpha1 = number_("XrayGenerator/WavelengthKalpha1");
        r.kAlpha2 = number_("XrayGenerator/WavelengthKalpha2");
        r.kBeta = number_("XrayGenerator/WavelengthKbeta");
        r.anode = c.value("XrayGenerator/TargetName");
        if (auto ok = checkRadiation(file, entryAt(conditionsName), r); !ok)
            return std::unexpected(ok.error());
        putRadiation(s.metadata, r);
        if (const auto v = number_("XrayGenerator/Voltage")) s.metadata.insert("generator_voltage_kv", *v);
        if (const auto v = number_("XrayGenerator/Current")) s.metadata.insert("generator_current_ma", *v);
        const QString axis = c.value("ScanInformation/AxisName");
        if (!axis.isEmpty()) s.metadata.insert("scan_axis", axis);
        const QString posUnit = c.value("ScanInformation/PositionUnit");
        if (!posUnit.isEmpty() && posUnit != QLatin1String("deg"))
            return fail(file, entryAt(conditionsName),
                        "the scan axis is in '" + messageText(posUnit) + "', not degrees");
        if (const auto v = number_("ScanInformation/Step")) s.metadata.insert("step_deg", *v);
        const QString speedUnit = c.value("ScanInformation/SpeedUnit").toLower();
        if (const auto v = number_("ScanInformation/Speed");
            v && *v > 0 && speedUnit == QLatin1String("deg/min")) {
            s.metadata.insert("scan_speed_deg_min", *v);
            if (const auto step = number_("ScanInformation/Step"); step && *step > 0)
                s.metadata.insert("step_time_s", *step / *v * 60.0);
        }
        if (const QString iso = isoDate(c.value("ScanInformation/StartTime")); !iso.isEmpty())
            s.metadata.insert("measured_at", iso);
        if (const QString iso = isoDate(c.value("ScanInformation/EndTime")); !iso.isEmpty())
            s.metadata.insert("measured_end", iso);
        const QString unitY = c.value("ScanInformation/IntensityUnit").toLower();
        if (unitY.isEmpty() || unitY == QLatin1String("counts"))
            s.intensityUnit = QStringLiteral("counts");
        else if (unitY == QLatin1String("cps"))
            s.intensityUnit = QStringLiteral("cps");
        else
            return fail(file, entryAt(conditionsName), "unknown intensity unit '" + messageText(unitY) + "'");
        if (index == 0) {
            sample = c.value("GeneralInformation/SampleName");
            if (const QString v = c.value("GeneralInformation/SystemName"); !v.isEmpty())
                fileMeta.insert("instrument", v);
            if (const QString v = c.value("GeneralInformation/Operator"); !v.isEmpty())
                fileMeta.insert("operator", v);
        }

        auto profile = zip->read(profileName, kMaxProfileBytes);
        if (!profile) return std::unexpected(profile.error());
        QByteArray p = *profile;
        if (p.startsWith("\xEF\xBB\xBF")) p = p.mid(3);
        const QString text = QString::fromUtf8(p);
        const QStringList lines = text.split('\n');
        bool attenuated = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QStringView t = QStringView(lines[i]).trimmed();
            if (t.isEmpty()) continue;
            const auto cells = splitCells(t);
            const std::string at = entryAt(profileName) + ", line " + std::to_string(i + 1);
            if (cells.size() < 2 || cells.size() > 3)
                return fail(file, at,
                            "expected 2θ, intensity and attenuation factor, found " +
                                std::to_string(cells.size()) + " value(s) (truncated or garbled row?)");
            double x, y, f = 1.0;
            for (qsizetype k = 0; k < cells.size(); ++k) {
                double& dst = k == 0 ? x : k == 1 ? y : f;
                if (!textnum::parseNumber(cells[k], false, dst))
                    return fail(file, at + ", column " + std::to_string(k + 1),
                                textnum::notANumberReason(cells[k], false));
            }
            if (qint64(s.twoThetaDeg.size()) >= kMaxScanPoints)
                return fail(file, at, "more rows than any scan holds");
            attenuated = attenuated || f != 1.0;
            s.twoThetaDeg.push_back(x);
            s.intensity.push_back(y * f);
        }
        if (attenuated) s.metadata.insert("attenuation_applied", true);
        if (const auto n = number_("ScanInformation/DataCount");
            n && qint64(*n) != qint64(s.twoThetaDeg.size()))
            return fail(file, entryAt(profileName),
                        "the profile holds " + std::to_string(s.twoThetaDeg.size()) +
                            " rows but DataCount says " + QString::number(*n, 'g', 12).toStdString() +
                            " (truncated or damaged file)");
        s.where = entryAt(profileName);
        const bool twoTheta = axis.isEmpty() ||
                              axis.contains(QLatin1String("TwoTheta"), Qt::CaseInsensitive) ||
                              axis.contains(QLatin1String("2-Theta"));
        if (twoTheta)
            scans.push_back(std::move(s));
        else
            warnings
                << QStringLiteral("%1 (axis %2) does not move 2θ and was left out.").arg(profileName, axis);
        ++index;
    }
    if (scans.empty()) return fail(file, "", "none of the file's profiles is a 2θ scan");
    fileMeta.insert("file_format", QStringLiteral("Rigaku RASX"));
    auto ds = makeXrdDatasets(file, fileName, sample, std::move(scans), fileMeta);
    if (!ds) return std::unexpected(ds.error());
    for (auto& d : *ds)
        for (const QString& w : warnings)
            addImportWarning(d, w);
    return ds;
}

} // namespace vanadis
