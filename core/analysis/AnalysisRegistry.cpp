#include "analysis/AnalysisRegistry.h"

#include "analysis/AnalysisFigures.h"
#include "analysis/BetAnalysis.h"
#include "analysis/TgaAnalysis.h"

#include <QCoreApplication>

namespace vanadis {

const std::vector<AnalysisMethod>& analysisMethods()
{
    // One entry per analysis; each technique issue adds its own.
    static const std::vector<AnalysisMethod> methods = [] {
        std::vector<AnalysisMethod> m;
        m.push_back({QStringLiteral("bet"), 1, Technique::Bet, {QStringLiteral("isotherm")}, betSchema, computeBet,
                     betFigureList(), betFigure,
                     [](int index) -> std::optional<std::pair<QString, QString>> {
                         if (index == 1 || index == 2) return std::pair{QStringLiteral("p_min"), QStringLiteral("p_max")};
                         if (index == 4) return std::pair{QStringLiteral("t_min_angstrom"), QStringLiteral("t_max_angstrom")};
                         return std::nullopt;
                     },
                     {{QCoreApplication::translate("vanadis", "BET area (m² g⁻¹)"), "bet.area_m2_g", "bet.area_err"},
                      {QCoreApplication::translate("vanadis", "BET C"), "bet.c_constant", "bet.c_constant_err"},
                      {QCoreApplication::translate("vanadis", "Pore volume (cm³ g⁻¹)"), "total_pore_volume_cm3_g", ""},
                      {QCoreApplication::translate("vanadis", "BJH peak (nm)"), "bjh.peak_diameter_nm", ""}}});
        m.push_back({QString::fromLatin1(kTgaAnalysisId), kTgaAnalysisVersion, Technique::Tga, {QStringLiteral("mass")},
                     tgaSchema, computeTga, tgaFigureList(), tgaFigure,
                     [](int index) -> std::optional<std::pair<QString, QString>> {
                         if (index == 2) return std::pair{QStringLiteral("mass_change_from_c"), QStringLiteral("mass_change_to_c")};
                         return std::nullopt;
                     },
                     {{QCoreApplication::translate("vanadis", "Carbon (wt%)"), "carbon_wt_pct", "carbon_wt_pct_err"},
                      {QCoreApplication::translate("vanadis", "Moisture (wt%)"), "moisture_wt_pct", "moisture_wt_pct_err"}}});
        return m;
    }();
    return methods;
}

const AnalysisMethod* analysisFor(Technique technique, const QString& kind)
{
    for (const AnalysisMethod& m : analysisMethods())
        if (m.technique == technique && m.kinds.contains(kind)) return &m;
    return nullptr;
}

const AnalysisMethod* analysisById(const QString& id)
{
    for (const AnalysisMethod& m : analysisMethods())
        if (m.id == id) return &m;
    return nullptr;
}

QJsonValue resultValue(const QJsonObject& result, const QString& path)
{
    QJsonValue v = result;
    for (const QString& part : path.split('.')) {
        if (!v.isObject()) return QJsonValue();
        v = v.toObject().value(part);
    }
    return v;
}

QJsonObject effectiveParams(const AnalysisMethod& m, const QJsonObject& stored)
{
    auto ok = applySchema(m.schema(), stored);
    if (ok) return *ok;
    auto defaults = applySchema(m.schema(), {});
    return defaults ? *defaults : QJsonObject();
}

} // namespace vanadis
