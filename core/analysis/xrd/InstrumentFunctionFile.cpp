#include "analysis/xrd/InstrumentFunctionFile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>
#include <numbers>

namespace vanadis {

namespace {

constexpr const char* kFormat = "vanadis-instrument-function";

std::string num(double v)
{
    return QString::number(v, 'g', 4).toStdString();
}

} // namespace

xrd::InstrumentBroadening InstrumentFunction::broadening() const
{
    xrd::InstrumentBroadening b;
    b.kind = xrd::InstrumentBroadening::Kind::Caglioti;
    b.uDeg2 = uDeg2;
    b.vDeg2 = vDeg2;
    b.wDeg2 = wDeg2;
    b.xDeg = xDeg;
    b.yDeg = yDeg;
    return b;
}

QJsonObject InstrumentFunction::toJson() const
{
    QJsonObject o{{"format", QString::fromLatin1(kFormat)},
                  {"version", 1},
                  {"name", name},
                  {"wavelength_angstrom", wavelengthAngstrom},
                  {"u_deg2", uDeg2},
                  {"u_err", uErr},
                  {"v_deg2", vDeg2},
                  {"v_err", vErr},
                  {"w_deg2", wDeg2},
                  {"w_err", wErr},
                  {"x_deg", xDeg},
                  {"x_err", xErr},
                  {"y_deg", yDeg},
                  {"y_err", yErr},
                  {"standard", standard},
                  {"source_file", sourceFile},
                  {"date", date},
                  {"n_lines", nLines},
                  {"rms_residual_pct", rmsResidualPct}};
    if (twoThetaMaxDeg > twoThetaMinDeg) {
        o["two_theta_min_deg"] = twoThetaMinDeg;
        o["two_theta_max_deg"] = twoThetaMaxDeg;
    }
    return o;
}

Expected<void> checkInstrumentFunction(const InstrumentFunction& f, const std::string& file)
{
    if (!(f.wavelengthAngstrom > 0.1 && f.wavelengthAngstrom < 3.5))
        return fail(file, "key 'wavelength_angstrom'",
                    "the wavelength " + num(f.wavelengthAngstrom) +
                        " Å is not an X-ray wavelength (0.1–3.5 Å)");
    if (!(f.wDeg2 > 0.0))
        return fail(file, "key 'w_deg2'",
                    "W = " + num(f.wDeg2) +
                        " deg² is not positive: the instrument's width at 2θ = 0 would be imaginary or zero");
    const double lo = f.twoThetaMaxDeg > f.twoThetaMinDeg ? f.twoThetaMinDeg : 5.0;
    const double hi = f.twoThetaMaxDeg > f.twoThetaMinDeg ? f.twoThetaMaxDeg : 150.0;
    for (int k = 0; k <= 100; ++k) {
        const double tt = lo + (hi - lo) * k / 100.0;
        const double th = 0.5 * tt * std::numbers::pi / 180.0, t = std::tan(th);
        if (f.uDeg2 * t * t + f.vDeg2 * t + f.wDeg2 <= 0.0)
            return fail(file, "keys 'u_deg2', 'v_deg2', 'w_deg2'",
                        "U tan²θ + V tanθ + W is not positive at 2θ = " + num(tt) +
                            "°: not an instrument function");
        if (f.xDeg * t + f.yDeg / std::cos(th) < 0.0)
            return fail(file, "keys 'x_deg', 'y_deg'",
                        "X tanθ + Y/cosθ is negative at 2θ = " + num(tt) + "°: not an instrument function");
    }
    return {};
}

Expected<InstrumentFunction> parseInstrumentFunction(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(file, "byte " + std::to_string(pe.offset),
                    "not a JSON document (" + pe.errorString().toStdString() + ")");
    if (!doc.isObject()) return fail(file, "byte 0", "an instrument function is a JSON object, not an array");
    const QJsonObject o = doc.object();
    if (o.contains("format") && o.value("format").toString() != QLatin1String(kFormat))
        return fail(file, "key 'format'",
                    "'" + o.value("format").toString().toStdString() +
                        "' is not an instrument function (expected '" + kFormat + "')");
    if (o.value("version").toInt(1) > 1)
        return fail(file, "key 'version'",
                    "version " + std::to_string(o.value("version").toInt()) +
                        " was written by a newer Vanadis; this one reads version 1");
    InstrumentFunction f;
    auto number = [&](const char* key, double& to, bool required) -> Expected<void> {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(file, std::string("key '") + key + "'", "missing (a number is required)");
            return {};
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return fail(file, std::string("key '") + key + "'", "not a number");
        to = v.toDouble();
        return {};
    };
    for (auto [key, to, required] : {std::tuple{"wavelength_angstrom", &f.wavelengthAngstrom, true},
                                     {"u_deg2", &f.uDeg2, true},
                                     {"v_deg2", &f.vDeg2, true},
                                     {"w_deg2", &f.wDeg2, true},
                                     {"u_err", &f.uErr, false},
                                     {"v_err", &f.vErr, false},
                                     {"w_err", &f.wErr, false},
                                     {"x_deg", &f.xDeg, false},
                                     {"x_err", &f.xErr, false},
                                     {"y_deg", &f.yDeg, false},
                                     {"y_err", &f.yErr, false},
                                     {"two_theta_min_deg", &f.twoThetaMinDeg, false},
                                     {"two_theta_max_deg", &f.twoThetaMaxDeg, false},
                                     {"rms_residual_pct", &f.rmsResidualPct, false}})
        if (auto ok = number(key, *to, required); !ok) return std::unexpected(ok.error());
    f.name = o.value("name").toString();
    if (f.name.isEmpty()) f.name = QFileInfo(fileName).completeBaseName();
    f.standard = o.value("standard").toString();
    f.sourceFile = o.value("source_file").toString();
    f.date = o.value("date").toString();
    f.nLines = o.value("n_lines").toInt(0);
    if (auto ok = checkInstrumentFunction(f, file); !ok) return std::unexpected(ok.error());
    return f;
}

Expected<InstrumentFunction> instrumentFunctionFromResult(const QJsonObject& r, const QString& name,
                                                          const QString& sourceFile, const QDateTime& when)
{
    const std::string file = sourceFile.toStdString();
    if (!r.contains("instrument_fit"))
        return fail(file, "", "the stored result predates the instrument fit: recompute it, then save again");
    const QJsonObject fit = r.value("instrument_fit").toObject();
    if (fit.isEmpty() || !fit.value("w_deg2").isDouble())
        return fail(
            file, "",
            "no instrument function: the pattern has fewer than 3 fitted lines of the standard over a 2θ "
            "range");
    InstrumentFunction f;
    f.name = name;
    f.wavelengthAngstrom = r.value("wavelength_angstrom").toDouble();
    f.uDeg2 = fit.value("u_deg2").toDouble();
    f.vDeg2 = fit.value("v_deg2").toDouble();
    f.wDeg2 = fit.value("w_deg2").toDouble();
    f.uErr = fit.value("u_err").toDouble();
    f.vErr = fit.value("v_err").toDouble();
    f.wErr = fit.value("w_err").toDouble();
    f.xDeg = fit.value("x_deg").toDouble();
    f.yDeg = fit.value("y_deg").toDouble();
    f.xErr = fit.value("x_err").toDouble();
    f.yErr = fit.value("y_err").toDouble();
    f.standard = r.value("phase").toString();
    f.sourceFile = QFileInfo(sourceFile).fileName();
    f.date = when.toUTC().toString(Qt::ISODate);
    f.twoThetaMinDeg = fit.value("two_theta_min_deg").toDouble();
    f.twoThetaMaxDeg = fit.value("two_theta_max_deg").toDouble();
    f.nLines = fit.value("n_lines").toInt();
    f.rmsResidualPct = fit.value("rms_residual_pct").toDouble();
    if (auto ok = checkInstrumentFunction(f, file); !ok) {
        Error e = ok.error();
        e.reason = "the standard's fitted instrument function cannot be used: " + e.reason;
        return std::unexpected(e);
    }
    return f;
}

QByteArray instrumentFunctionDocument(const InstrumentFunction& f)
{
    return QJsonDocument(f.toJson()).toJson(QJsonDocument::Indented);
}

} // namespace vanadis
