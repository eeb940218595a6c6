#include "analysis/PointEditing.h"

#include <QJsonArray>

namespace vanadis {

std::vector<PointMarker> pointMarkers(const PointBinding& b, const QJsonObject& params,
                                      const QJsonObject& result)
{
    if (b.markers) return b.markers(params, result);
    std::vector<PointMarker> out;
    for (const QJsonValue& row : params.value(b.listKey).toArray())
        if (const QJsonValue v = row.toObject().value(b.field); v.isDouble())
            out.push_back({v.toDouble(), false, {}});
    return out;
}

Expected<PointEdit> pointMoved(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                               int index, double x)
{
    if (b.move) return b.move(params, result, index, x);
    QJsonObject out = params;
    QJsonArray rows = params.value(b.listKey).toArray();
    if (index < 0 || index >= rows.size())
        return fail("", "parameter '" + b.listKey.toStdString() + "'", "no row " + std::to_string(index + 1));
    QJsonObject row = rows[index].toObject();
    row[b.field] = x;
    rows[index] = row;
    out[b.listKey] = rows;
    return PointEdit{out, {}};
}

Expected<PointEdit> pointAdded(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                               double x)
{
    if (b.add) return b.add(params, result, x);
    QJsonObject out = params;
    QJsonArray rows = params.value(b.listKey).toArray();
    rows.append(QJsonObject{{b.field, x}});
    out[b.listKey] = rows;
    return PointEdit{out, {}};
}

Expected<PointEdit> pointRemoved(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                                 int index)
{
    if (b.remove) return b.remove(params, result, index);
    QJsonObject out = params;
    QJsonArray rows = params.value(b.listKey).toArray();
    if (index < 0 || index >= rows.size())
        return fail("", "parameter '" + b.listKey.toStdString() + "'", "no row " + std::to_string(index + 1));
    rows.removeAt(index);
    out[b.listKey] = rows;
    return PointEdit{out, {}};
}

} // namespace vanadis
