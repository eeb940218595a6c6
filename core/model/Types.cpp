#include "model/Types.h"

#include <QCoreApplication>

namespace vanadis {

const std::vector<Technique>& allTechniques()
{
    static const std::vector<Technique> all{Technique::Xrd, Technique::Xps, Technique::Bet, Technique::Tga,
                                            Technique::Echem};
    return all;
}

QString techniqueKey(Technique t)
{
    switch (t) {
    case Technique::Xrd:
        return QStringLiteral("xrd");
    case Technique::Xps:
        return QStringLiteral("xps");
    case Technique::Bet:
        return QStringLiteral("bet");
    case Technique::Tga:
        return QStringLiteral("tga");
    case Technique::Echem:
        return QStringLiteral("echem");
    }
    return {};
}

std::optional<Technique> techniqueFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    for (Technique t : allTechniques())
        if (techniqueKey(t) == k) return t;
    if (k == QLatin1String("electrochemistry") || k == QLatin1String("ec")) return Technique::Echem;
    return std::nullopt;
}

QString techniqueDisplayName(Technique t)
{
    switch (t) {
    case Technique::Xrd:
        return QCoreApplication::translate("vanadis", "XRD");
    case Technique::Xps:
        return QCoreApplication::translate("vanadis", "XPS");
    case Technique::Bet:
        return QCoreApplication::translate("vanadis", "BET");
    case Technique::Tga:
        return QCoreApplication::translate("vanadis", "TGA");
    case Technique::Echem:
        return QCoreApplication::translate("vanadis", "Electrochemistry");
    }
    return {};
}

} // namespace vanadis
