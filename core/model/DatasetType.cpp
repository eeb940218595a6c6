#include "model/DatasetType.h"

#include "model/Dataset.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vanadis {
namespace {

struct TypeEntry {
    const char* type;
    const char* displayName;        // translated through QT_TRANSLATE_NOOP's context below
    bool labelNamesContent = false; // see datasetLabelNamesContent()
};

// The vocabulary. A technique slice that needs a new type adds one row here.
constexpr TypeEntry kTypes[] = {
    {"xrd_pattern", QT_TRANSLATE_NOOP("vanadis::DatasetType", "XRD pattern")},
    {"crystal_structure", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Crystal structure")},
    {"instrument_function", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Instrument function")},
    {"xps_region", QT_TRANSLATE_NOOP("vanadis::DatasetType", "XPS region"), true}, // "V 2p", "C 1s"
    {"isotherm", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Isotherm")},
    {"tga_curve", QT_TRANSLATE_NOOP("vanadis::DatasetType", "TGA curve")},
    {"cycling_record", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Cycling record")},
    {"rate_test", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Rate test")},
    {"gcd_profile", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Charge–discharge profiles")},
    {"cv", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Cyclic voltammogram")},
    {"gitt", QT_TRANSLATE_NOOP("vanadis::DatasetType", "GITT")},
    {"eis", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Impedance spectrum")},
    {"data", QT_TRANSLATE_NOOP("vanadis::DatasetType", "Data")},
};

} // namespace

bool isKnownDatasetType(const QString& type)
{
    for (const TypeEntry& e : kTypes)
        if (type == QLatin1String(e.type)) return true;
    return false;
}

bool datasetLabelNamesContent(const QString& type)
{
    for (const TypeEntry& e : kTypes)
        if (type == QLatin1String(e.type)) return e.labelNamesContent;
    return false;
}

QString datasetTypeDisplayName(const QString& type)
{
    for (const TypeEntry& e : kTypes)
        if (type == QLatin1String(e.type))
            return QCoreApplication::translate("vanadis::DatasetType", e.displayName);
    return type;
}

QString datasetGroupName(const Dataset& d)
{
    const QString type = datasetTypeDisplayName(d.type());
    return d.label().isEmpty() ? type : type + QStringLiteral(" — ") + d.label();
}

DatasetTypeLabel normalizeDatasetType(Technique technique, const QString& kind)
{
    const QString k = kind.trimmed();
    if (isKnownDatasetType(k) && k != QLatin1String("data")) return {k, {}};
    // Schema-1 kinds and the names the importers of that time wrote.
    if (k == QLatin1String("pattern")) return {QStringLiteral("xrd_pattern"), {}};
    if (k == QLatin1String("mass")) return {QStringLiteral("tga_curve"), {}};
    if (k == QLatin1String("rate")) return {QStringLiteral("rate_test"), {}};
    if (k == QLatin1String("gcd")) return {QStringLiteral("gcd_profile"), {}};
    static const QRegularExpression cycling(QStringLiteral("^cycling_([0-9.]+)Ag$"));
    if (const auto m = cycling.match(k); m.hasMatch())
        return {QStringLiteral("cycling_record"), m.captured(1) + QStringLiteral(" A g⁻¹")};
    switch (technique) {
    case Technique::Xps:
        return {QStringLiteral("xps_region"), k}; // "V 2p", "O 1s", "C 1s", "survey"
    case Technique::Xrd:
        return {QStringLiteral("xrd_pattern"), k == QLatin1String("data") ? QString() : k};
    case Technique::Bet:
        return {QStringLiteral("isotherm"), k == QLatin1String("data") ? QString() : k};
    case Technique::Tga:
        return {QStringLiteral("tga_curve"), k == QLatin1String("data") ? QString() : k};
    case Technique::Echem:
        break;
    }
    return {QStringLiteral("data"), k == QLatin1String("data") ? QString() : k};
}

} // namespace vanadis
