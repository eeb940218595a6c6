#include "model/FigureSpec.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace vanadis {

namespace {

QJsonObject axisToJson(const FigureAxis& a)
{
    QJsonObject o{{"label", a.label}, {"reversed", a.reversed}, {"log", a.logScale}};
    if (a.min) o["min"] = *a.min;
    if (a.max) o["max"] = *a.max;
    if (a.hideTickLabels) o["hide_tick_labels"] = true;
    return o;
}

FigureAxis axisFromJson(const QJsonObject& o)
{
    FigureAxis a;
    a.label = o.value("label").toString();
    a.reversed = o.value("reversed").toBool();
    a.logScale = o.value("log").toBool();
    if (o.contains("min")) a.min = o.value("min").toDouble();
    if (o.contains("max")) a.max = o.value("max").toDouble();
    a.hideTickLabels = o.value("hide_tick_labels").toBool();
    return a;
}

QJsonArray doublesToJson(const std::vector<double>& v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

std::vector<double> doublesFromJson(const QJsonArray& a)
{
    std::vector<double> v;
    v.reserve(a.size());
    for (const auto& d : a)
        v.push_back(d.toDouble());
    return v;
}

const QRectF kDefaultInsetRect(0.5, 0.45, 0.45, 0.45);

QJsonArray rectToJson(const QRectF& r)
{
    return QJsonArray{r.x(), r.y(), r.width(), r.height()};
}

/// Inset rectangle from [x, y, w, h]; anything that is not four finite numbers with a positive size
/// gives the default (a broken file must not make the inset vanish or cover the figure by accident).
QRectF rectFromJson(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 4) return kDefaultInsetRect;
    double d[4];
    for (int i = 0; i < 4; ++i) {
        if (!a[i].isDouble() || !std::isfinite(a[i].toDouble())) return kDefaultInsetRect;
        d[i] = a[i].toDouble();
    }
    if (d[2] <= 0.0 || d[3] <= 0.0) return kDefaultInsetRect;
    return {d[0], d[1], d[2], d[3]};
}

QString csvField(QString s)
{
    if (s.contains(',') || s.contains('"') || s.contains('\n')) {
        s.replace("\"", "\"\"");
        return '"' + s + '"';
    }
    return s;
}

const char* fillKey(FigureSeries::Fill f)
{
    switch (f) {
    case FigureSeries::Fill::ToBaseline:
        return "baseline";
    case FigureSeries::Fill::ToSeries:
        return "series";
    case FigureSeries::Fill::Enclosed:
        return "enclosed";
    case FigureSeries::Fill::None:
        break;
    }
    return "none";
}

FigureSeries::Fill fillFromKey(const QString& k)
{
    if (k == QLatin1String("baseline")) return FigureSeries::Fill::ToBaseline;
    if (k == QLatin1String("series")) return FigureSeries::Fill::ToSeries;
    if (k == QLatin1String("enclosed")) return FigureSeries::Fill::Enclosed;
    return FigureSeries::Fill::None;
}

/// The fields added with sticks, fills and end labels, written only when used so that older figures'
/// JSON does not change.
void writeSeriesExtras(const FigureSeries& s, QJsonObject& o)
{
    if (s.kind == FigureSeries::Kind::Sticks) o["kind"] = "sticks";
    if (s.baseline != 0.0) o["baseline"] = s.baseline;
    if (!s.pointLabels.empty())
        o["point_labels"] =
            QJsonArray::fromStringList(QStringList(s.pointLabels.begin(), s.pointLabels.end()));
    if (s.fill != FigureSeries::Fill::None) {
        o["fill"] = fillKey(s.fill);
        if (s.fill == FigureSeries::Fill::ToSeries) o["fill_to_series"] = s.fillToSeries;
        if (s.fillColor.isValid()) o["fill_color"] = s.fillColor.name(QColor::HexArgb);
    }
    if (!s.endLabel.isEmpty()) o["end_label"] = s.endLabel;
}

void readSeriesExtras(const QJsonObject& o, FigureSeries& s)
{
    s.kind = o.value("kind").toString() == QLatin1String("sticks") ? FigureSeries::Kind::Sticks
                                                                   : FigureSeries::Kind::Curve;
    s.baseline = o.value("baseline").toDouble(0.0);
    for (const auto& v : o.value("point_labels").toArray())
        s.pointLabels.push_back(v.toString());
    s.fill = fillFromKey(o.value("fill").toString());
    s.fillToSeries = o.value("fill_to_series").toInt(-1);
    const QColor c(o.value("fill_color").toString());
    if (c.isValid()) s.fillColor = c;
    s.endLabel = o.value("end_label").toString();
}

QJsonObject heatMapToJson(const FigureHeatMap& h)
{
    QJsonObject o{{"x", doublesToJson(h.x)},
                  {"y", doublesToJson(h.y)},
                  {"color_map", h.colorMap},
                  {"z_label", h.zLabel}};
    // NaN (no data) is not JSON: null stands for it.
    QJsonArray z;
    for (double v : h.z)
        z.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
    o["z"] = z;
    if (h.zMin) o["z_min"] = *h.zMin;
    if (h.zMax) o["z_max"] = *h.zMax;
    return o;
}

/// Nothing (not a broken map) when the grid and the values do not agree.
std::optional<FigureHeatMap> heatMapFromJson(const QJsonObject& o)
{
    FigureHeatMap h;
    h.x = doublesFromJson(o.value("x").toArray());
    h.y = doublesFromJson(o.value("y").toArray());
    for (const auto& v : o.value("z").toArray())
        h.z.push_back(v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN());
    h.colorMap = o.value("color_map").toString(QStringLiteral("viridis"));
    h.zLabel = o.value("z_label").toString();
    if (o.value("z_min").isDouble()) h.zMin = o.value("z_min").toDouble();
    if (o.value("z_max").isDouble()) h.zMax = o.value("z_max").toDouble();
    if (!h.isValid()) return std::nullopt;
    return h;
}

} // namespace

QJsonObject FigureSpec::toJson() const
{
    QJsonArray ser;
    for (const auto& s : series) {
        QJsonObject so{{"label", s.label},
                       {"x", doublesToJson(s.x)},
                       {"y", doublesToJson(s.y)},
                       {"color", s.color.name()},
                       {"marker", s.marker},
                       {"dash", s.dash},
                       {"line_width_pt", s.lineWidthPt},
                       {"line", s.line},
                       {"right_axis", s.onRightAxis},
                       {"y_offset", s.yOffset},
                       {"filled", s.filled},
                       {"in_legend", s.inLegend}};
        writeSeriesExtras(s, so);
        ser.append(so);
    }
    QJsonArray ann;
    for (const auto& a : annotations) {
        ann.append(QJsonObject{{"kind", a.kind == FigureAnnotation::Kind::Text ? "text" : "vtick"},
                               {"x", a.x},
                               {"y", a.y},
                               {"text", a.text},
                               {"color", a.color.name()},
                               {"align", a.align}});
    }
    QJsonObject o{{"title", title},     {"x", axisToJson(x)},
                  {"y", axisToJson(y)}, {"series", ser},
                  {"annotations", ann}, {"equal_aspect", equalAspect},
                  {"legend", legend},   {"legend_position", legendPosition}};
    if (y2) o["y2"] = axisToJson(*y2);
    if (x2) {
        QJsonArray ticks;
        for (std::size_t i = 0; i < x2->tickX.size() && i < x2->tickLabels.size(); ++i)
            ticks.append(QJsonObject{{"x", x2->tickX[i]}, {"label", x2->tickLabels[i]}});
        o["x2"] = QJsonObject{{"label", x2->label}, {"ticks", ticks}};
    }
    QJsonArray spanArray;
    for (const auto& sp : spans) {
        // HexArgb: the fill is translucent, and name() alone would drop the alpha.
        spanArray.append(QJsonObject{{"x_min", sp.xMin},
                                     {"x_max", sp.xMax},
                                     {"color", sp.color.name(QColor::HexArgb)},
                                     {"label", sp.label},
                                     {"editable", sp.editable},
                                     {"id", sp.id}});
    }
    // Written only when used, so figures without spans or inset look as they always did.
    if (!spanArray.isEmpty()) o["spans"] = spanArray;
    if (inset) o["inset"] = inset->toJson();
    if (inset || insetRect != kDefaultInsetRect) o["inset_rect"] = rectToJson(insetRect);
    if (!id.isEmpty()) o["id"] = id;
    if (insetAuto) o["inset_auto"] = true;
    if (residual) {
        o["residual"] = residual->toJson();
        o["residual_height"] = residualHeightFraction;
    }
    if (side) {
        o["side"] = side->toJson();
        o["side_width"] = sideWidthFraction;
    }
    if (heatMap) o["heat_map"] = heatMapToJson(*heatMap);
    return o;
}

namespace {

/// `withInset` false for the inset and the residual panel themselves: only one level is drawn, so a
/// deeper one is not even parsed (a crafted file cannot recurse deeply).
FigureSpec figureFromJson(const QJsonObject& o, bool withInset)
{
    FigureSpec f;
    f.id = o.value("id").toString();
    f.title = o.value("title").toString();
    f.x = axisFromJson(o.value("x").toObject());
    f.y = axisFromJson(o.value("y").toObject());
    if (o.contains("y2")) f.y2 = axisFromJson(o.value("y2").toObject());
    if (o.value("x2").isObject()) {
        const QJsonObject t = o.value("x2").toObject();
        FigureTopAxis top;
        top.label = t.value("label").toString();
        for (const QJsonValue& v : t.value("ticks").toArray()) {
            const QJsonObject k = v.toObject();
            if (!k.value("x").isDouble()) continue;
            top.tickX.push_back(k.value("x").toDouble());
            top.tickLabels.push_back(k.value("label").toString());
        }
        f.x2 = top;
    }
    for (const auto& v : o.value("series").toArray()) {
        const QJsonObject s = v.toObject();
        FigureSeries fs;
        fs.label = s.value("label").toString();
        fs.x = doublesFromJson(s.value("x").toArray());
        fs.y = doublesFromJson(s.value("y").toArray());
        fs.y.resize(std::min(fs.x.size(), fs.y.size()));
        fs.x.resize(fs.y.size());
        fs.color = QColor(s.value("color").toString("#000000"));
        fs.marker = s.value("marker").toString("none");
        fs.dash = s.value("dash").toString("solid");
        fs.lineWidthPt = s.value("line_width_pt").toDouble(1.0);
        fs.line = s.value("line").toBool(true);
        fs.onRightAxis = s.value("right_axis").toBool();
        fs.yOffset = s.value("y_offset").toDouble();
        fs.filled = s.value("filled").toBool(false);
        fs.inLegend = s.value("in_legend").toBool(true);
        readSeriesExtras(s, fs);
        f.series.push_back(std::move(fs));
    }
    for (const auto& v : o.value("annotations").toArray()) {
        const QJsonObject a = v.toObject();
        FigureAnnotation fa;
        fa.kind = a.value("kind").toString() == "vtick" ? FigureAnnotation::Kind::VerticalTick
                                                        : FigureAnnotation::Kind::Text;
        fa.x = a.value("x").toDouble();
        fa.y = a.value("y").toDouble();
        fa.text = a.value("text").toString();
        fa.color = QColor(a.value("color").toString("#000000"));
        fa.align = a.value("align").toString("center");
        f.annotations.push_back(std::move(fa));
    }
    f.equalAspect = o.value("equal_aspect").toBool();
    f.legend = o.value("legend").toBool(true);
    f.legendPosition = o.value("legend_position").toString("topRight");
    for (const auto& v : o.value("spans").toArray()) {
        const QJsonObject sp = v.toObject();
        FigureSpan span;
        span.xMin = sp.value("x_min").toDouble();
        span.xMax = sp.value("x_max").toDouble();
        const QColor c(sp.value("color").toString());
        if (c.isValid()) span.color = c;
        span.label = sp.value("label").toString();
        span.editable = sp.value("editable").toBool();
        span.id = sp.value("id").toInt();
        f.spans.push_back(std::move(span));
    }
    if (withInset && o.value("inset").isObject())
        f.inset = std::make_shared<const FigureSpec>(figureFromJson(o.value("inset").toObject(), false));
    f.insetRect = rectFromJson(o.value("inset_rect"));
    f.insetAuto = o.value("inset_auto").toBool();
    if (withInset && o.value("residual").isObject()) {
        f.residual =
            std::make_shared<const FigureSpec>(figureFromJson(o.value("residual").toObject(), false));
        const double h = o.value("residual_height").toDouble(0.25);
        f.residualHeightFraction = std::isfinite(h) ? std::clamp(h, 0.1, 0.5) : 0.25;
    }
    if (withInset && o.value("side").isObject()) {
        f.side = std::make_shared<const FigureSpec>(figureFromJson(o.value("side").toObject(), false));
        const double w = o.value("side_width").toDouble(0.3);
        f.sideWidthFraction = std::isfinite(w) ? std::clamp(w, 0.15, 0.5) : 0.3;
    }
    if (o.value("heat_map").isObject()) f.heatMap = heatMapFromJson(o.value("heat_map").toObject());
    return f;
}

} // namespace

FigureSpec FigureSpec::fromJson(const QJsonObject& o)
{
    return figureFromJson(o, true);
}

QString labelPlainText(const QString& markup)
{
    static const QString digits = QStringLiteral("0123456789+-=()n");
    static const QString sup = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ");
    static const QString sub = QStringLiteral("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₙ");
    QString out;
    for (qsizetype i = 0; i < markup.size(); ++i) {
        const QChar c = markup[i];
        if ((c == '^' || c == '_') && i + 1 < markup.size() && markup[i + 1] == '{') {
            const qsizetype close = markup.indexOf('}', i + 2);
            if (close < 0) break;
            const QString inner = markup.mid(i + 2, close - i - 2);
            QString mapped;
            bool ok = true;
            for (QChar d : inner) {
                const QChar plain = d == QChar(0x2212) ? QChar('-') : d; // the typographic minus
                const qsizetype k = digits.indexOf(plain);
                if (k < 0) {
                    ok = false;
                    break;
                }
                mapped += (c == '^' ? sup : sub)[k];
            }
            out += ok ? mapped : QString(c) + inner;
            i = close;
            continue;
        }
        out += c;
    }
    return out;
}

QByteArray FigureSpec::toCsv() const
{
    // Wide layout, one x/y pair per series: what Origin users paste into a worksheet. The inset's and
    // the residual panel's series come last with a prefix, so the main columns stay where they were.
    struct Column {
        const FigureSeries* series;
        QString prefix;
        const FigureSpec* figure;
    };
    std::vector<Column> columns;
    for (const auto& s : series)
        columns.push_back({&s, QString(), this});
    if (inset) {
        for (const auto& s : inset->series)
            columns.push_back({&s, QStringLiteral("inset: "), inset.get()});
    }
    if (residual) {
        for (const auto& s : residual->series)
            columns.push_back({&s, QStringLiteral("residual: "), residual.get()});
    }
    if (side) {
        for (const auto& s : side->series)
            columns.push_back({&s, QStringLiteral("side: "), side.get()});
    }
    QStringList header;
    size_t rows = 0;
    for (const auto& [s, prefix, fig] : columns) {
        // The residual panel shares the main x axis, whose label it does not repeat.
        const QString xLabel = fig == residual.get() ? x.label : fig->x.label;
        // Each series under its own axis' title (DTG on the right axis is not a mass).
        // The side panel shares the main y axis.
        const QString yLabel = fig == side.get()           ? y.label
                               : s->onRightAxis && fig->y2 ? fig->y2->label
                                                           : fig->y.label;
        header << csvField(labelPlainText(prefix + s->label + " — " + xLabel))
               << csvField(labelPlainText(prefix + s->label + " — " + yLabel));
        if (!s->pointLabels.empty()) header << csvField(labelPlainText(prefix + s->label + " — label"));
        rows = std::max(rows, s->x.size());
    }
    QByteArray out;
    const QLocale c = QLocale::c();
    if (!columns.empty()) {
        out = header.join(',').toUtf8() + "\n";
        for (size_t r = 0; r < rows; ++r) {
            QStringList cells;
            for (const auto& col : columns) {
                const FigureSeries& s = *col.series;
                if (r < s.x.size()) {
                    cells << c.toString(s.x[r], 'g', 10) << c.toString(s.y[r], 'g', 10);
                } else {
                    cells << QString() << QString();
                }
                if (!s.pointLabels.empty())
                    cells << (r < s.pointLabels.size() ? csvField(s.pointLabels[r]) : QString());
            }
            out += cells.join(',').toUtf8() + "\n";
        }
    }
    if (heatMap && heatMap->isValid()) {
        if (!out.isEmpty()) out += "\n";
        const FigureHeatMap& h = *heatMap;
        QStringList head{csvField(y.label + " \\ " + x.label)};
        for (double v : h.x)
            head << c.toString(v, 'g', 10);
        out += head.join(',').toUtf8() + "\n";
        const size_t nx = h.x.size();
        for (size_t iy = 0; iy < h.y.size(); ++iy) {
            QStringList cells{c.toString(h.y[iy], 'g', 10)};
            for (size_t ix = 0; ix < nx; ++ix) {
                const double v = h.z[iy * nx + ix];
                cells << (std::isfinite(v) ? c.toString(v, 'g', 10) : QString());
            }
            out += cells.join(',').toUtf8() + "\n";
        }
    }
    return out;
}

qsizetype FigureSpec::pointCount() const
{
    qsizetype n = 0;
    for (const auto& s : series)
        n += qsizetype(s.x.size());
    if (inset) n += inset->pointCount();
    if (residual) n += residual->pointCount();
    if (side) n += side->pointCount();
    if (heatMap) n += qsizetype(heatMap->z.size());
    return n;
}

} // namespace vanadis
