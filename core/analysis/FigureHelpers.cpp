#include "analysis/FigureHelpers.h"

#include <cmath>

namespace vanadis::figures {

FigureSeries styled(const Sample& s, const QString& label)
{
    FigureSeries fs;
    fs.label = label;
    fs.color = s.color;
    fs.dash = s.dash;
    fs.marker = "none";
    return fs;
}

/// x/y arrays from an array of objects with the two keys.
void pointsFrom(const QJsonArray& a, const char* xKey, const char* yKey, FigureSeries& fs)
{
    for (const auto& v : a) {
        const QJsonObject o = v.toObject();
        const QJsonValue x = o.value(QLatin1String(xKey)), y = o.value(QLatin1String(yKey));
        if (x.isDouble() && y.isDouble() && std::isfinite(y.toDouble())) {
            fs.x.push_back(x.toDouble());
            fs.y.push_back(y.toDouble());
        }
    }
}

const Column* find(const Dataset& d, const char* name)
{
    for (const Column& c : d.columns())
        if (c.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) return &c;
    return nullptr;
}

int figureIndex(const std::vector<FigureDecl>& decls, const QString& id)
{
    for (size_t i = 0; i < decls.size(); ++i)
        if (decls[i].id == id) return int(i);
    return -1;
}

} // namespace vanadis::figures
