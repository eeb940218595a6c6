#pragma once
/// \file FigureSpec.h
/// What a plot shows, as plain data (series, axes, units, ranges, annotations, style), so a figure can
/// be saved in the project, re-rendered in the GUI and exported headless by vanadis-cli with the same
/// result. widgets/plot turns it into QCustomPlot items; nothing here knows about QCustomPlot.

#include <QColor>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace vanadis {

/// One axis. Labels use a small markup for sub/superscripts: `mAh g^{-1}`, `V_{2}O_{3}`, `2θ (°)`.
struct FigureAxis {
    QString label;
    bool reversed = false; ///< e.g. XPS binding energy runs right to left
    bool logScale = false;
    std::optional<double> min; ///< fixed range; unset = autoscale to data
    std::optional<double> max;
};

/// One plotted curve or point set. Sample identity is carried by colour AND marker AND dash, never
/// colour alone (colour-blind safety, journal requirement).
struct FigureSeries {
    QString label;             ///< legend text, usually the sample name
    std::vector<double> x;     ///< same length as y
    std::vector<double> y;
    QColor color = Qt::black;
    QString marker = "none";   ///< none|circle|square|triangle|diamond|cross|plus|star
    QString dash = "solid";    ///< solid|dash|dot|dashdot
    double lineWidthPt = 1.0;
    bool line = true;          ///< draw a connecting line
    bool onRightAxis = false;  ///< plot against y2 (coulombic efficiency, DTG)
    double yOffset = 0.0;      ///< added to y when drawn (stacked XRD patterns)
};

/// A text label or a vertical tick mark (reference reflections) in data coordinates.
struct FigureAnnotation {
    enum class Kind { Text, VerticalTick };
    Kind kind = Kind::Text;
    double x = 0.0;
    double y = 0.0;
    QString text;
    QColor color = Qt::black;
    QString align = "center"; ///< left|center|right: which part of a text sits at (x, y)
};

/// A complete figure description.
struct FigureSpec {
    QString title;             ///< not drawn in exports by default; used for window titles and file names
    FigureAxis x;
    FigureAxis y;
    std::optional<FigureAxis> y2; ///< right axis when set
    std::vector<FigureSeries> series;
    std::vector<FigureAnnotation> annotations;
    bool equalAspect = false;  ///< Nyquist plots
    bool legend = true;
    QString legendPosition = "topRight"; ///< topLeft|topRight|bottomLeft|bottomRight

    QJsonObject toJson() const;
    static FigureSpec fromJson(const QJsonObject& o);
    /// The plotted data as CSV (one x,y column pair per series, header with labels and units).
    QByteArray toCsv() const;
    /// Total number of points over all series.
    qsizetype pointCount() const;
};

} // namespace vanadis
