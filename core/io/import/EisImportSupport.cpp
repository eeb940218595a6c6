#include "io/import/EisImportSupport.h"

#include <QHash>
#include <cmath>
#include <numbers>

namespace vanadis {

Expected<ImportedDataset> makeEisDataset(const QString& fileName, const QString& name,
                                         const std::vector<EisPoint>& points)
{
    const std::string file = fileName.toStdString();
    if (points.empty()) return fail(file, "", "the impedance table holds no points");
    QHash<double, int> seen;
    for (const EisPoint& p : points) {
        const std::string at = "line " + std::to_string(p.line);
        if (!(p.frequencyHz > 0))
            return fail(file, at,
                        "the frequency is " + QString::number(p.frequencyHz).toStdString() +
                            " Hz; impedance frequencies must be above 0");
        if (const auto it = seen.constFind(p.frequencyHz); it != seen.constEnd())
            return fail(file, at,
                        "the frequency " + QString::number(p.frequencyHz, 'g', 10).toStdString() +
                            " Hz already occurs on line " + std::to_string(*it) +
                            " (two spectra in one file, or a repeated point?)");
        seen.insert(p.frequencyHz, p.line);
    }
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = QStringLiteral("eis");
    d.name = name;
    Column f{QStringLiteral("Frequency"), QStringLiteral("Hz"), {}};
    Column re{QStringLiteral("Z'"), QStringLiteral("Ω"), {}};
    Column im{QStringLiteral("Z''"), QStringLiteral("Ω"), {}};
    Column mod{QStringLiteral("|Z|"), QStringLiteral("Ω"), {}};
    Column ph{QStringLiteral("Phase"), QStringLiteral("°"), {}};
    for (const EisPoint& p : points) {
        f.values.push_back(p.frequencyHz);
        re.values.push_back(p.zRealOhm);
        im.values.push_back(p.zImagOhm);
        mod.values.push_back(std::hypot(p.zRealOhm, p.zImagOhm));
        ph.values.push_back(std::atan2(p.zImagOhm, p.zRealOhm) * 180.0 / std::numbers::pi);
    }
    d.columns = {std::move(f), std::move(re), std::move(im), std::move(mod), std::move(ph)};
    d.metadata.insert(QStringLiteral("imaginary_convention"), QStringLiteral("Z'' negative for capacitive"));
    return d;
}

} // namespace vanadis
