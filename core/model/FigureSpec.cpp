#include "model/FigureSpec.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace vanadis {

namespace {

QJsonObject axisToJson(const FigureAxis& a)
{
    QJsonObject o{{"label", a.label}, {"reversed", a.reversed}, {"log", a.logScale}};
    if (a.min) o["min"] = *a.min;
    if (a.max) o["max"] = *a.max;
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
    return a;
}

QJsonArray doublesToJson(const std::vector<double>& v)
{
    QJsonArray a;
    for (double d : v) a.append(d);
    return a;
}

std::vector<double> doublesFromJson(const QJsonArray& a)
{
    std::vector<double> v;
    v.reserve(a.size());
    for (const auto& d : a) v.push_back(d.toDouble());
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

} // namespace

QJsonObject FigureSpec::toJson() const
{
    QJsonArray ser;
    for (const auto& s : series) {
        ser.append(QJsonObject{{"label", s.label},
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
                               {"in_legend", s.inLegend}});
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
    QJsonObject o{{"title", title},          {"x", axisToJson(x)},       {"y", axisToJson(y)},
                  {"series", ser},           {"annotations", ann},       {"equal_aspect", equalAspect},
                  {"legend", legend},        {"legend_position", legendPosition}};
    if (y2) o["y2"] = axisToJson(*y2);
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
    return o;
}

namespace {

/// `withInset` false for the inset itself: only one level is drawn, so a deeper one is not even parsed
/// (a crafted file cannot recurse deeply).
FigureSpec figureFromJson(const QJsonObject& o, bool withInset)
{
    FigureSpec f;
    f.title = o.value("title").toString();
    f.x = axisFromJson(o.value("x").toObject());
    f.y = axisFromJson(o.value("y").toObject());
    if (o.contains("y2")) f.y2 = axisFromJson(o.value("y2").toObject());
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
    return f;
}

} // namespace

FigureSpec FigureSpec::fromJson(const QJsonObject& o)
{
    return figureFromJson(o, true);
}

QByteArray FigureSpec::toCsv() const
{
    // Wide layout, one x/y pair per series: what Origin users paste into a worksheet. The inset's
    // series come last with an "inset: " prefix, so the main columns stay where they always were.
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
    QStringList header;
    size_t rows = 0;
    for (const auto& [s, prefix, fig] : columns) {
        header << csvField(prefix + s->label + " — " + fig->x.label)
               << csvField(prefix + s->label + " — " + fig->y.label);
        rows = std::max(rows, s->x.size());
    }
    QByteArray out = header.join(',').toUtf8() + "\n";
    const QLocale c = QLocale::c();
    for (size_t r = 0; r < rows; ++r) {
        QStringList cells;
        for (const auto& col : columns) {
            const FigureSeries& s = *col.series;
            if (r < s.x.size()) {
                cells << c.toString(s.x[r], 'g', 10) << c.toString(s.y[r], 'g', 10);
            } else {
                cells << QString() << QString();
            }
        }
        out += cells.join(',').toUtf8() + "\n";
    }
    return out;
}

qsizetype FigureSpec::pointCount() const
{
    qsizetype n = 0;
    for (const auto& s : series) n += qsizetype(s.x.size());
    if (inset) n += inset->pointCount();
    return n;
}

} // namespace vanadis
