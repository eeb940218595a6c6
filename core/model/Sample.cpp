#include "model/Sample.h"

namespace vanadis {

bool Sample::operator==(const Sample& o) const
{
    const bool massEqual = (std::isnan(activeMassMg) && std::isnan(o.activeMassMg)) || activeMassMg == o.activeMassMg;
    return id == o.id && name == o.name && color == o.color && marker == o.marker && dash == o.dash && massEqual &&
           massBasis == o.massBasis && notes == o.notes && datasetIds == o.datasetIds;
}

QString runStatusKey(RunStatus s)
{
    switch (s) {
    case RunStatus::Ok: return QStringLiteral("ok");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Stale: return QStringLiteral("stale");
    }
    return {};
}

RunStatus runStatusFromKey(const QString& key)
{
    if (key == QLatin1String("ok")) return RunStatus::Ok;
    if (key == QLatin1String("failed")) return RunStatus::Failed;
    return RunStatus::Stale;
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
