#include "model/Sample.h"

#include <algorithm>

namespace vanadis {

bool Sample::operator==(const Sample& o) const
{
    const bool massEqual =
        (std::isnan(activeMassMg) && std::isnan(o.activeMassMg)) || activeMassMg == o.activeMassMg;
    return id == o.id && name == o.name && color == o.color && marker == o.marker && dash == o.dash &&
           massEqual && massBasis == o.massBasis && startOxide == o.startOxide &&
           residueOxide == o.residueOxide && notes == o.notes && datasetIds == o.datasetIds;
}

Sample makeSample(Id id, const QString& name, int index)
{
    // Okabe & Ito (2008) palette without yellow (poor contrast on white).
    static const char* colors[] = {"#E69F00", "#56B4E9", "#009E73", "#D55E00",
                                   "#0072B2", "#CC79A7", "#000000"};
    static const char* markers[] = {"circle", "square", "triangle", "diamond", "cross", "plus", "star"};
    static const char* dashes[] = {"solid", "dash", "dashdot", "solid", "dot", "dash", "dashdot"};
    const int i = ((index % 7) + 7) % 7;
    Sample s;
    s.id = id;
    s.name = name;
    s.color = QColor(QLatin1String(colors[i]));
    s.marker = QLatin1String(markers[i]);
    s.dash = QLatin1String(dashes[i]);
    return s;
}

Id AnalysisRun::datasetId() const
{
    for (const RunInput& in : inputs)
        if (in.role == QLatin1String("main")) return in.datasetId;
    return inputs.empty() ? 0 : inputs.front().datasetId;
}

bool AnalysisRun::usesDataset(Id id) const
{
    return std::any_of(inputs.begin(), inputs.end(), [id](const RunInput& in) { return in.datasetId == id; });
}

QString runStatusKey(RunStatus s)
{
    switch (s) {
    case RunStatus::Ok:
        return QStringLiteral("ok");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Stale:
        return QStringLiteral("stale");
    }
    return {};
}

RunStatus runStatusFromKey(const QString& key)
{
    if (key == QLatin1String("ok")) return RunStatus::Ok;
    if (key == QLatin1String("failed")) return RunStatus::Failed;
    return RunStatus::Stale;
}

QStringList samplePropertyKeys()
{
    return {QStringLiteral("active_mass_mg"), QStringLiteral("mass_basis"), QStringLiteral("start_oxide"),
            QStringLiteral("residue_oxide")};
}

QJsonValue samplePropertyValue(const Sample& s, const QString& key)
{
    if (key == QLatin1String("active_mass_mg"))
        return std::isfinite(s.activeMassMg) && s.activeMassMg > 0 ? QJsonValue(s.activeMassMg)
                                                                   : QJsonValue();
    if (key == QLatin1String("mass_basis"))
        return s.massBasis == MassBasis::ActiveOxideOnly ? QStringLiteral("oxide_only")
                                                         : QStringLiteral("composite");
    if (key == QLatin1String("start_oxide"))
        return s.startOxide.isEmpty() ? QJsonValue() : QJsonValue(s.startOxide);
    if (key == QLatin1String("residue_oxide"))
        return s.residueOxide.isEmpty() ? QJsonValue() : QJsonValue(s.residueOxide);
    return QJsonValue();
}

QString massBasisKey(MassBasis b)
{
    return b == MassBasis::Composite ? QStringLiteral("composite") : QStringLiteral("active_oxide");
}

MassBasis massBasisFromKey(const QString& key)
{
    return key == QLatin1String("active_oxide") ? MassBasis::ActiveOxideOnly : MassBasis::Composite;
}

} // namespace vanadis
