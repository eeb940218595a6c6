#include "widgets/plot/PlotTheme.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>

// qcustomplot.h spells its signal sections `signals:`, which QT_NO_KEYWORDS builds leave undefined.
#ifndef signals
#define signals Q_SIGNALS
#define VANADIS_QCP_SIGNALS
#endif
#include <qcustomplot.h>
#ifdef VANADIS_QCP_SIGNALS
#undef signals
#undef VANADIS_QCP_SIGNALS
#endif

#include <algorithm>
#include <cmath>

// Resources compiled into a static library are only linked when something references them.
static void initVanadisResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace vanadis {

namespace {

// QCustomPlot 2.1 draws (and measures) tick numbers at pointSizeF + 0.05 to dodge a QFontMetrics
// rounding quirk (QCPAxisPainterPrivate::getTickLabelData). We hand it 0.05 pt less so the numbers come
// out at exactly the theme size in the PDF.
constexpr double kQcpTickFontBumpPt = 0.05;

double num(const QJsonObject& o, const char* key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

bool flag(const QJsonObject& o, const char* key, bool fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isBool() ? v.toBool() : fallback;
}

QString text(const QJsonObject& o, const char* key, const QString& fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : fallback;
}

QColor color(const QJsonObject& o, const char* key, const QColor& fallback)
{
    const QColor c(text(o, key, QString()));
    return c.isValid() ? c : fallback;
}

QStringList strings(const QJsonObject& o, const char* key, const QStringList& fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray()) return fallback;
    QStringList out;
    for (const auto& e : v.toArray())
        if (e.isString()) out << e.toString();
    return out.isEmpty() ? fallback : out;
}

} // namespace

PlotTheme::PlotTheme()
{
    // Okabe & Ito (2008), "Color Universal Design": distinguishable with all common colour-vision
    // deficiencies. Blue and vermillion first (the strongest pair); yellow last (weak on white).
    for (const char* c :
         {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"})
        palette << QColor(QLatin1String(c));
    markers = {"circle", "square", "triangle", "diamond", "cross", "plus", "star"};
    dashes = {"solid", "dash", "dot", "dashdot"};
}

PlotTheme PlotTheme::fromJson(const QJsonObject& o)
{
    PlotTheme t;
    t.name = text(o, "name", t.name);
    t.fontFamily = text(o, "font_family", t.fontFamily);
    t.labelSizePt = num(o, "label_size_pt", t.labelSizePt);
    t.tickLabelSizePt = num(o, "tick_label_size_pt", t.tickLabelSizePt);
    t.legendSizePt = num(o, "legend_size_pt", t.legendSizePt);
    t.annotationSizePt = num(o, "annotation_size_pt", t.annotationSizePt);
    t.minScriptSizePt = num(o, "min_script_size_pt", t.minScriptSizePt);
    t.lineWidthPt = num(o, "line_width_pt", t.lineWidthPt);
    t.axisPenPt = num(o, "axis_pen_pt", t.axisPenPt);
    t.majorTickLengthPt = num(o, "major_tick_length_pt", t.majorTickLengthPt);
    t.minorTickLengthPt = num(o, "minor_tick_length_pt", t.minorTickLengthPt);
    t.ticksInward = flag(o, "ticks_inward", t.ticksInward);
    t.minorTicks = flag(o, "minor_ticks", t.minorTicks);
    t.mirrorTicks = flag(o, "mirror_ticks", t.mirrorTicks);
    t.markerSizePt = num(o, "marker_size_pt", t.markerSizePt);
    t.markerFilled = flag(o, "marker_filled", t.markerFilled);
    t.referenceTickLengthPt = num(o, "reference_tick_length_pt", t.referenceTickLengthPt);
    t.tickLabelPaddingPt = num(o, "tick_label_padding_pt", t.tickLabelPaddingPt);
    t.labelPaddingPt = num(o, "label_padding_pt", t.labelPaddingPt);
    t.edgePaddingPt = num(o, "edge_padding_pt", t.edgePaddingPt);
    t.legendIconWidthPt = num(o, "legend_icon_width_pt", t.legendIconWidthPt);
    t.legendIconHeightPt = num(o, "legend_icon_height_pt", t.legendIconHeightPt);
    t.legendIconTextPaddingPt = num(o, "legend_icon_text_padding_pt", t.legendIconTextPaddingPt);
    t.legendMarginPt = num(o, "legend_margin_pt", t.legendMarginPt);
    t.legendRowSpacingPt = num(o, "legend_row_spacing_pt", t.legendRowSpacingPt);
    t.legendFrame = flag(o, "legend_frame", t.legendFrame);
    t.screenLabelSizePt = num(o, "screen_label_size_pt", t.screenLabelSizePt);
    t.screenTextSizePt = num(o, "screen_text_size_pt", t.screenTextSizePt);
    t.background = color(o, "background", t.background);
    t.foreground = color(o, "foreground", t.foreground);
    if (o.value(QLatin1String("palette")).isArray()) {
        QList<QColor> p;
        for (const auto& e : o.value(QLatin1String("palette")).toArray()) {
            const QColor c(e.toString());
            if (c.isValid()) p << c;
        }
        if (!p.isEmpty()) t.palette = p;
    }
    t.markers = strings(o, "markers", t.markers);
    t.dashes = strings(o, "dashes", t.dashes);
    return t;
}

QJsonObject PlotTheme::toJson() const
{
    QJsonArray pal;
    for (const auto& c : palette)
        pal.append(c.name(QColor::HexRgb).toUpper());
    return QJsonObject{{"name", name},
                       {"font_family", fontFamily},
                       {"label_size_pt", labelSizePt},
                       {"tick_label_size_pt", tickLabelSizePt},
                       {"legend_size_pt", legendSizePt},
                       {"annotation_size_pt", annotationSizePt},
                       {"min_script_size_pt", minScriptSizePt},
                       {"line_width_pt", lineWidthPt},
                       {"axis_pen_pt", axisPenPt},
                       {"major_tick_length_pt", majorTickLengthPt},
                       {"minor_tick_length_pt", minorTickLengthPt},
                       {"ticks_inward", ticksInward},
                       {"minor_ticks", minorTicks},
                       {"mirror_ticks", mirrorTicks},
                       {"marker_size_pt", markerSizePt},
                       {"marker_filled", markerFilled},
                       {"reference_tick_length_pt", referenceTickLengthPt},
                       {"tick_label_padding_pt", tickLabelPaddingPt},
                       {"label_padding_pt", labelPaddingPt},
                       {"edge_padding_pt", edgePaddingPt},
                       {"legend_icon_width_pt", legendIconWidthPt},
                       {"legend_icon_height_pt", legendIconHeightPt},
                       {"legend_icon_text_padding_pt", legendIconTextPaddingPt},
                       {"legend_margin_pt", legendMarginPt},
                       {"legend_row_spacing_pt", legendRowSpacingPt},
                       {"legend_frame", legendFrame},
                       {"screen_label_size_pt", screenLabelSizePt},
                       {"screen_text_size_pt", screenTextSizePt},
                       {"background", background.name()},
                       {"foreground", foreground.name()},
                       {"palette", pal},
                       {"markers", QJsonArray::fromStringList(markers)},
                       {"dashes", QJsonArray::fromStringList(dashes)}};
}

PlotTheme PlotTheme::builtIn()
{
    initVanadisResources();
    QFile f(QStringLiteral(":/themes/default.json"));
    if (!f.open(QIODevice::ReadOnly)) return PlotTheme();
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isObject() ? fromJson(doc.object()) : PlotTheme();
}

PlotTheme PlotTheme::forScreen() const
{
    PlotTheme t = *this;
    t.labelSizePt = std::max(labelSizePt, screenLabelSizePt);
    t.tickLabelSizePt = std::max(tickLabelSizePt, screenTextSizePt);
    t.legendSizePt = std::max(legendSizePt, screenTextSizePt);
    t.annotationSizePt = std::max(annotationSizePt, screenTextSizePt);
    t.minScriptSizePt = std::max(minScriptSizePt, 0.75 * screenTextSizePt);
    t.markerSizePt = markerSizePt * 1.25;
    return t;
}

QColor PlotTheme::paletteColor(int i) const
{
    if (palette.isEmpty()) return foreground;
    const int n = int(palette.size());
    return palette.at(((i % n) + n) % n);
}

QString PlotTheme::marker(int i) const
{
    if (markers.isEmpty()) return QStringLiteral("none");
    const int n = int(markers.size());
    return markers.at(((i % n) + n) % n);
}

QString PlotTheme::dash(int i) const
{
    if (dashes.isEmpty()) return QStringLiteral("solid");
    const int n = int(dashes.size());
    return dashes.at(((i % n) + n) % n);
}

QFont PlotTheme::font(double sizePt, double scale) const
{
    QFont f(fontFamily);
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(std::max(0.5, sizePt));
    if (!(scale > 0.0)) scale = 1.0;
    // A 1×1 image only carries the resolution the font should be measured at.
    QImage device(1, 1, QImage::Format_Mono);
    const int dotsPerMeter = qRound(72.0 * scale / 0.0254);
    device.setDotsPerMeterX(dotsPerMeter);
    device.setDotsPerMeterY(dotsPerMeter);
    return QFont(f, &device);
}

void PlotTheme::applyTo(QCustomPlot* plot, double scale) const
{
    if (!plot) return;
    if (!(scale > 0.0)) scale = 1.0;
    auto units = [scale](double pt) { return std::max(0, int(std::lround(pt * scale))); };

    plot->setBackground(QBrush(background));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setAutoAddPlottableToLegend(false);

    const QPen axisPen(foreground, axisPenPt * scale, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    const QFont tickFont = font(tickLabelSizePt - kQcpTickFontBumpPt, scale);
    const QFont labelFont = font(labelSizePt, scale);
    const int major = units(majorTickLengthPt);
    const int minor = units(minorTickLengthPt);

    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(axisPen);
            axis->setTickPen(axisPen);
            axis->setSubTickPen(axisPen);
            if (ticksInward) {
                axis->setTickLength(major, 0);
                axis->setSubTickLength(minor, 0);
            } else {
                axis->setTickLength(0, major);
                axis->setSubTickLength(0, minor);
            }
            axis->setSubTicks(minorTicks);
            axis->setTickLabelFont(tickFont);
            axis->setTickLabelColor(foreground);
            axis->setLabelFont(labelFont);
            axis->setLabelColor(foreground);
            axis->setTickLabelPadding(units(tickLabelPaddingPt));
            axis->setLabelPadding(units(labelPaddingPt));
            axis->setPadding(units(edgePaddingPt));
            axis->setOffset(0);
            axis->setSelectableParts(QCPAxis::spNone);
            axis->grid()->setVisible(false);
            axis->grid()->setSubGridVisible(false);
        }
        for (QCPAxis::AxisType side : {QCPAxis::atTop, QCPAxis::atRight}) {
            if (QCPAxis* mirror = rect->axis(side)) {
                mirror->setVisible(mirrorTicks);
                mirror->setTicks(mirrorTicks);
                mirror->setTickLabels(false);
            }
        }
    }

    if (QCPLegend* legend = plot->legend) {
        legend->setBorderPen(legendFrame ? axisPen : QPen(Qt::NoPen));
        legend->setBrush(legendFrame ? QBrush(background) : QBrush(Qt::NoBrush));
        legend->setFont(font(legendSizePt, scale));
        legend->setTextColor(foreground);
        legend->setIconSize(units(legendIconWidthPt), units(legendIconHeightPt));
        legend->setIconTextPadding(units(legendIconTextPaddingPt));
        const int m = units(legendMarginPt);
        legend->setMargins(QMargins(m, m, m, m));
        legend->setRowSpacing(units(legendRowSpacingPt));
        legend->setSelectableParts(QCPLegend::spNone);
    }
}

const QList<JournalPreset>& PlotTheme::journalPresets()
{
    // Column widths from the publishers' author guides (shared/domain/export.md §1). Names are proper
    // nouns and stay untranslated.
    static const QList<JournalPreset> presets = {
        {QStringLiteral("Wiley"), 85.0, 175.0},
        {QStringLiteral("Nature"), 89.0, 183.0},
        {QStringLiteral("Elsevier"), 90.0, 190.0},
        {QStringLiteral("ACS"), 82.5, 177.8},
    };
    return presets;
}

} // namespace vanadis
