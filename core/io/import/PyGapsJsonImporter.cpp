#include "io/import/PyGapsJsonImporter.h"

#include "io/import/IsothermAssembler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace vanadis {

namespace {

/// 1-based line of a byte offset, for JSON syntax errors.
qsizetype lineOfOffset(const QByteArray& bytes, qsizetype offset)
{
    return QByteArrayView(bytes).first(std::clamp<qsizetype>(offset, 0, bytes.size())).count('\n') + 1;
}

/// A property that may be a plain string or an object with a "name" (pyGAPS material, adsorbate).
QString nameOf(const QJsonValue& v)
{
    if (v.isString()) return v.toString().trimmed();
    if (v.isObject()) return v.toObject().value("name").toString().trimmed();
    return {};
}

QString fmt(double v)
{
    return QString::number(v, 'g', 6);
}

/// One point of isotherm_data, whichever of the two layouts the file uses.
struct RawPoint {
    QJsonValue pressure, loading, saturation, branch;
};

} // namespace

QString PyGapsJsonImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "pyGAPS isotherm (JSON)");
}

int PyGapsJsonImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    const QByteArray t = head.trimmed();
    const bool object = t.startsWith('{') || t.startsWith("\xEF\xBB\xBF{");
    if (!object) return 0;
    if (head.contains("\"isotherm_data\"") &&
        (head.contains("\"adsorbate\"") || head.contains("\"pressure_mode\"") ||
         head.contains("\"adsorptionUnits\"")))
        return 90;
    // A JSON object named .json with the data further down than the head.
    return QFileInfo(fileName).suffix().compare("json", Qt::CaseInsensitive) == 0 &&
                   (head.contains("\"adsorbate\"") || head.contains("\"loading_unit\""))
               ? 60
               : 0;
}

std::optional<double> PyGapsJsonImporter::saturationPressurePa(const QString& adsorptive, double kelvin)
{
    // ln(p/pc) = (Tc/T) Σ nᵢ τ^tᵢ with τ = 1 − T/Tc.
    struct Ancillary {
        double tc, pc, triple;
        double n[4], t[4];
    };
    static const Ancillary n2{126.192,
                              3.3958e6,
                              63.151,
                              {-6.12445284, 1.26327220, -0.765910082, -1.77570564},
                              {1.0, 1.5, 2.5, 5.0}};
    static const Ancillary ar{
        150.687, 4.863e6, 83.8058, {-5.9409785, 1.3553888, -0.46497607, -1.5399043}, {1.0, 1.5, 2.0, 4.5}};
    const QString a = IsothermAssembler::normalizeAdsorptive(adsorptive);
    const Ancillary* eq = a == "N2" ? &n2 : a == "Ar" ? &ar : nullptr;
    if (!eq || !(kelvin >= eq->triple && kelvin < eq->tc)) return std::nullopt;
    const double tau = 1.0 - kelvin / eq->tc;
    double sum = 0.0;
    for (int i = 0; i < 4; ++i)
        sum += eq->n[i] * std::pow(tau, eq->t[i]);
    return eq->pc * std::exp(eq->tc / kelvin * sum);
}

Expected<std::vector<ImportedDataset>>
PyGapsJsonImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    if (bytes.trimmed().isEmpty()) return fail(file, "", "the file is empty");
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return fail(file, "line " + std::to_string(lineOfOffset(bytes, perr.offset)),
                    "the JSON text is damaged or cut short (" + perr.errorString().toStdString() + ")");
    if (!doc.isObject()) return fail(file, "", "the JSON holds no isotherm object");
    const QJsonObject o = doc.object();
    if (o.contains("adsorptionUnits") || o.contains("adsorbates"))
        return fail(file, "",
                    "this is a NIST ISODB isotherm: it gives absolute pressures without a saturation "
                    "pressure, so p/p0 cannot be computed for a BET analysis; convert it with pyGAPS "
                    "(pygaps.isotherm_from_isodb) and save it as pyGAPS JSON or AIF with p0");
    if (!o.contains("isotherm_data"))
        return fail(file, "", "no 'isotherm_data' in the JSON: this is not a pyGAPS isotherm");

    // The points, from a list of objects (pyGAPS ≥ 3) or an object of columns (older files).
    std::vector<RawPoint> raw;
    const QJsonValue data = o.value("isotherm_data");
    if (data.isArray()) {
        const QJsonArray a = data.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isObject())
                return fail(file, "isotherm_data point " + std::to_string(i + 1),
                            "the point is not an object with pressure and loading");
            const QJsonObject p = a[i].toObject();
            raw.push_back(
                {p.value("pressure"), p.value("loading"), p.value("pressure_saturation"), p.value("branch")});
        }
    } else if (data.isObject()) {
        const QJsonObject cols = data.toObject();
        auto column = [&](const char* key) {
            std::vector<QJsonValue> out;
            const QJsonValue c = cols.value(QLatin1String(key));
            if (c.isArray())
                for (const QJsonValue& v : c.toArray())
                    out.push_back(v);
            else if (c.isObject()) // pandas "index → value"; keys are row numbers as text
                for (qsizetype i = 0; i < c.toObject().size(); ++i)
                    out.push_back(c.toObject().value(QString::number(i)));
            return out;
        };
        const auto p = column("pressure"), l = column("loading"), s = column("pressure_saturation"),
                   b = column("branch");
        if (p.size() != l.size())
            return fail(file, "isotherm_data",
                        "the pressure and loading columns have different lengths (" +
                            std::to_string(p.size()) + " and " + std::to_string(l.size()) + ")");
        for (size_t i = 0; i < p.size(); ++i)
            raw.push_back(
                {p[i], l[i], i < s.size() ? s[i] : QJsonValue(), i < b.size() ? b[i] : QJsonValue()});
    } else {
        return fail(file, "isotherm_data", "'isotherm_data' is neither a list of points nor columns");
    }
    if (raw.empty()) return fail(file, "isotherm_data", "the isotherm has no points");

    IsothermAssembler as(fileName, id());
    QJsonObject& meta = as.metadata();
    const QString adsorbate = nameOf(o.value("adsorbate"));
    if (!adsorbate.isEmpty()) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(adsorbate));
        meta.insert("adsorptive_raw", adsorbate);
    }
    std::optional<double> kelvin;
    if (o.value("temperature").isDouble()) {
        const QString tu = o.value("temperature_unit").toString(QStringLiteral("K"));
        kelvin = IsothermAssembler::kelvin(o.value("temperature").toDouble(), tu);
        if (!kelvin)
            return fail(file, "temperature_unit", "unknown temperature unit '" + tu.toStdString() + "'");
        meta.insert("temperature_k", *kelvin);
    }
    const QString material = nameOf(o.value("material"));
    if (!material.isEmpty()) meta.insert("material", material);
    for (const char* k : {"material_batch", "instrument", "apparatus", "user", "operator", "lab", "comment",
                          "date", "iso_type", "treatment"})
        if (o.value(QLatin1String(k)).isString())
            meta.insert(QLatin1String(k) == QLatin1String("apparatus") ? QStringLiteral("instrument")
                        : QLatin1String(k) == QLatin1String("user")    ? QStringLiteral("operator")
                                                                       : QLatin1String(k),
                        o.value(QLatin1String(k)).toString());
    if (o.value("activation_temperature").isDouble())
        meta.insert("degas_temperature_c", o.value("activation_temperature").toDouble());
    if (o.value("file_version").isString())
        meta.insert("pygaps_file_version", o.value("file_version").toString());
    if (o.value("material_mass").isDouble()) {
        double g = o.value("material_mass").toDouble();
        if (const auto f = IsothermAssembler::gramsPerUnit(o.value("material_mass_unit").toString("g")))
            g *= *f;
        if (g > 0) meta.insert("sample_mass_g", g);
    }

    // Loading: an amount of gas (molar basis: mmol, mol, cm³ STP) per gram (or per cm³ with a density).
    const QString loadingBasis = o.value("loading_basis").toString(QStringLiteral("molar")).toLower();
    const QString loadingUnit = o.value("loading_unit").toString();
    const QString materialBasis = o.value("material_basis").toString(QStringLiteral("mass")).toLower();
    const QString materialUnit = o.value("material_unit").toString(QStringLiteral("g"));
    if (loadingUnit.isEmpty()) return fail(file, "loading_unit", "the unit of the loading is not stated");
    if (loadingBasis != "molar" && loadingBasis != "volume_gas")
        return fail(file, "loading_basis",
                    "loadings given as '" + loadingBasis.toStdString() + "' (" + loadingUnit.toStdString() +
                        ") are not converted to an amount of gas; save the isotherm from pyGAPS with "
                        "loading_basis 'molar' (mmol or cm3(STP))");
    auto lu = IsothermAssembler::parseLoadingUnit(loadingUnit, QStringLiteral("g"));
    if (!lu) return fail(file, "loading_unit", "unknown loading unit '" + loadingUnit.toStdString() + "'");
    if (materialBasis == "mass") {
        const auto g = IsothermAssembler::gramsPerUnit(materialUnit);
        if (!g)
            return fail(file, "material_unit", "unknown material unit '" + materialUnit.toStdString() + "'");
        lu->perGrams = *g;
    } else if (materialBasis == "volume") {
        // Per cm³ of material: the material's density (g/cm³) gives the grams.
        const double density = o.value("material").toObject().value("density").toDouble(0.0);
        const QString mu = materialUnit.trimmed().toLower();
        if (!(density > 0) || (mu != "cm3" && mu != "ml"))
            return fail(file, "material_basis",
                        "the loading is per volume of material but the material's density (g/cm3) is not "
                        "stated, so it cannot be converted to per gram");
        lu->perGrams = density;
        as.warn(QStringLiteral("The loading was per cm³ of material; converted to per gram with the stated "
                               "density %1 g/cm³.")
                    .arg(fmt(density)));
    } else {
        return fail(file, "material_basis",
                    "loadings per '" + materialBasis.toStdString() +
                        "' of material are not converted; use a mass basis");
    }
    as.setLoadingUnit(*lu);
    meta.insert("loading_unit_original", loadingUnit + "/" + materialUnit);

    // Pressure.
    const QString mode = o.value("pressure_mode").toString(QStringLiteral("absolute")).toLower();
    double computedP0 = std::numeric_limits<double>::quiet_NaN();
    double pressureFactor = 1.0; // file unit → Pa
    if (mode == "relative" || mode == "relative%") {
        as.setRelativePressure();
    } else if (mode == "absolute") {
        as.setAbsolutePressure();
        const QString pu = o.value("pressure_unit").toString();
        const auto f = IsothermAssembler::pascalPerUnit(pu);
        if (!f)
            return fail(file, "pressure_unit", "unknown or missing pressure unit '" + pu.toStdString() + "'");
        pressureFactor = *f;
        meta.insert("pressure_unit", pu);
        bool allHaveP0 = true;
        for (const RawPoint& r : raw)
            allHaveP0 &= r.saturation.isDouble();
        if (!allHaveP0) {
            const auto p0 = kelvin ? saturationPressurePa(adsorbate, *kelvin) : std::nullopt;
            if (!p0)
                return fail(
                    file, "pressure_saturation",
                    "the pressures are absolute and the file gives no saturation pressure; p/p0 can be "
                    "computed only for N2 or Ar at a stated temperature (this is " +
                        (adsorbate.isEmpty() ? std::string("an unnamed adsorbate")
                                             : adsorbate.toStdString()) +
                        (kelvin ? " at " + fmt(*kelvin).toStdString() + " K"
                                : std::string(" without temperature")) +
                        ")");
            computedP0 = *p0 / pressureFactor;
            as.warn(QStringLiteral(
                        "The file gives no saturation pressure; p0 = %1 kPa is the vapour pressure of %2 "
                        "at %3 K (reference equation of state).")
                        .arg(QString::number(*p0 / 1000.0, 'f', 3), meta.value("adsorptive").toString(),
                             fmt(*kelvin)));
            meta.insert("p0", computedP0);
            meta.insert("p0_unit", pu);
        } else {
            meta.insert("p0_unit", pu);
        }
    } else {
        return fail(file, "pressure_mode", "unknown pressure mode '" + mode.toStdString() + "'");
    }

    bool anyBranch = false;
    for (const RawPoint& r : raw)
        anyBranch |= !r.branch.isUndefined() && !r.branch.isNull();
    for (size_t i = 0; i < raw.size(); ++i) {
        const RawPoint& r = raw[i];
        const std::string where = "isotherm_data point " + std::to_string(i + 1);
        if (!r.pressure.isDouble())
            return fail(file, where,
                        r.pressure.isUndefined() ? "the point has no pressure"
                                                 : "the pressure is not a number");
        if (!r.loading.isDouble())
            return fail(file, where,
                        r.loading.isUndefined() ? "the point has no loading" : "the loading is not a number");
        IsothermAssembler::Point pt;
        pt.pressure = r.pressure.toDouble() * (mode == "relative%" ? 0.01 : 1.0);
        pt.amount = r.loading.toDouble();
        pt.p0 = r.saturation.isDouble() ? r.saturation.toDouble() : computedP0;
        pt.location = QStringLiteral("isotherm_data point %1").arg(i + 1);
        if (anyBranch) {
            const QJsonValue& b = r.branch;
            if (b.isUndefined() || b.isNull())
                pt.branch = 0;
            else if (b.isBool())
                pt.branch = b.toBool() ? 1 : 0;
            else if (b.isDouble() && (b.toDouble() == 0.0 || b.toDouble() == 1.0))
                pt.branch = int(b.toDouble());
            else if (b.isString() && b.toString().trimmed().toLower().startsWith("ads"))
                pt.branch = 0;
            else if (b.isString() && b.toString().trimmed().toLower().startsWith("des"))
                pt.branch = 1;
            else
                return fail(file, where, "the branch must be 'ads' or 'des'");
        }
        as.add(pt);
    }
    QString name = material;
    if (const QString batch = o.value("material_batch").toString(); !name.isEmpty() && !batch.isEmpty())
        name += " (" + batch + ")";
    if (name.isEmpty()) name = QFileInfo(fileName).completeBaseName();
    auto ds = as.finish(name);
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
