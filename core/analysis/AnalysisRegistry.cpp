#include "analysis/AnalysisRegistry.h"

#include "analysis/AnalysisFigures.h"
#include "analysis/BetAnalysis.h"
#include "analysis/TgaAnalysis.h"

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
                     }});
        m.push_back({QString::fromLatin1(kTgaAnalysisId), kTgaAnalysisVersion, Technique::Tga, {QStringLiteral("mass")},
                     tgaSchema, computeTga, tgaFigureList(), tgaFigure,
                     [](int index) -> std::optional<std::pair<QString, QString>> {
                         if (index == 2) return std::pair{QStringLiteral("mass_change_from_c"), QStringLiteral("mass_change_to_c")};
                         return std::nullopt;
                     }});
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

QJsonObject effectiveParams(const AnalysisMethod& m, const QJsonObject& stored)
{
    auto ok = applySchema(m.schema(), stored);
    if (ok) return *ok;
    auto defaults = applySchema(m.schema(), {});
    return defaults ? *defaults : QJsonObject();
}

} // namespace vanadis
