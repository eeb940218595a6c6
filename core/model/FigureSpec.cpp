#include "model/FigureSpec.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>

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
                               {"y_offset", s.yOffset}});
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
    return o;
}

FigureSpec FigureSpec::fromJson(const QJsonObject& o)
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
    return f;
}

QByteArray FigureSpec::toCsv() const
{
    // Wide layout, one x/y pair per series: what Origin users paste into a worksheet.
    QStringList header;
    size_t rows = 0;
    for (const auto& s : series) {
        header << csvField(s.label + " — " + x.label) << csvField(s.label + " — " + y.label);
        rows = std::max(rows, s.x.size());
    }
    QByteArray out = header.join(',').toUtf8() + "\n";
    const QLocale c = QLocale::c();
    for (size_t r = 0; r < rows; ++r) {
        QStringList cells;
        for (const auto& s : series) {
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
    return n;
}

} // namespace vanadis
