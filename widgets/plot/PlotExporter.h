#pragma once
/// \file PlotExporter.h
/// Renders a FigureSpec offscreen at an exact size in mm: PDF and SVG as vectors, PNG and TIFF at a
/// chosen dpi, and the plotted data as CSV. The plot is laid out in a space where 1 unit = 1 pt, so a
/// 7 pt font is 7 pt on paper (see shared/domain/export.md §2 for why QCustomPlot::savePdf is not used).

#include "model/FigureSpec.h"
#include "numeric/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace vanadis {

class PlotTheme;

/// Exact-size figure export. Every function is safe to call with any input: invalid sizes, dpi, formats
/// or unwritable paths come back as an Error naming the file and the reason.
class PlotExporter {
    Q_DECLARE_TR_FUNCTIONS(vanadis::PlotExporter)
public:
    static constexpr double kMaxSizeMm = 2000.0; ///< larger sizes are refused (typing slip, memory)
    static constexpr double kMinDpi = 50.0;
    static constexpr double kMaxDpi = 2400.0;

    /// Vector PDF, page exactly `widthMm` × `heightMm` (0 height: 0.75 × width), fonts embedded.
    static Expected<void> exportPdf(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                    double heightMm, const QString& path);
    /// SVG with width/height in mm and a viewBox in pt. Text stays text (font-family, not embedded).
    static Expected<void> exportSvg(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                    double heightMm, const QString& path);
    /// PNG or TIFF (LZW) of round(mm / 25.4 · dpi) pixels with the dpi written in the file header.
    /// `format` is "png", "tiff" or "tif".
    static Expected<void> exportRaster(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                       double heightMm, double dpi, const QString& path,
                                       const QString& format);
    /// The plotted data (FigureSpec::toCsv) as UTF-8.
    static Expected<void> exportCsv(const FigureSpec& spec, const QString& path);
    /// Dispatches on `format`: "pdf" | "svg" | "png" | "tiff" | "csv". `dpi` is used for raster formats.
    static Expected<void> exportFigure(const FigureSpec& spec, const PlotTheme& theme, const QString& format,
                                       double widthMm, double heightMm, double dpi, const QString& path);

    /// In-memory PDF (clipboard). Empty on invalid size.
    static QByteArray renderPdf(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                double heightMm);
    /// In-memory SVG (clipboard). Empty on invalid size.
    static QByteArray renderSvg(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                double heightMm);
    /// In-memory RGB image at `dpi`, dots-per-metre set to match. Null on invalid size or dpi.
    static QImage renderImage(const FigureSpec& spec, const PlotTheme& theme, double widthMm, double heightMm,
                              double dpi);

    /// Pixel count for a length: round(mm / 25.4 · dpi).
    static int pixelsFor(double mm, double dpi);
    /// Points for a length: mm / 25.4 · 72.
    static double pointsFor(double mm) { return mm / 25.4 * 72.0; }
    /// True when the TIFF image plugin (qt6-image-formats-plugins) is installed.
    static bool tiffSupported();

private:
    static Expected<void> checkSize(double widthMm, double heightMm, const QString& path);
    static Expected<void> checkDpi(double dpi, const QString& path);
    static Expected<void> checkRenderer(const QString& path);
    static Expected<void> writeFile(const QString& path, const QByteArray& bytes);
};

} // namespace vanadis
