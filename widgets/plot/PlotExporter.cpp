#include "widgets/plot/PlotExporter.h"

#include "widgets/plot/FigureRenderer.h"
#include "widgets/plot/PlotTheme.h"

#include <QApplication>
#include <QBuffer>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

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

#include <cmath>
#include <memory>

#ifndef VANADIS_VERSION
#define VANADIS_VERSION "unknown"
#endif

namespace vanadis {

namespace {

// Above this the QImage alone would need gigabytes; QImage itself fails at 2^31 bytes.
constexpr double kMaxMegapixels = 400.0;
// Vector exports keep 10 points' worth of detail per pt (720 dpi): identical in print at any usual
// resolution, and a 10⁶-point trace stays a small file.
constexpr double kVectorColumnsPerPt = 10.0;

double effectiveHeight(double widthMm, double heightMm)
{
    return heightMm == 0.0 ? widthMm * 0.75 : heightMm;
}

QSize logicalSizePt(double widthMm, double heightMm)
{
    return {std::max(1, int(std::lround(PlotExporter::pointsFor(widthMm)))),
            std::max(1, int(std::lround(PlotExporter::pointsFor(heightMm))))};
}

/// A QCustomPlot that is never shown, laid out at `size` (1 unit = 1 pt) with `spec` rendered on it.
/// `columnsPerPt`: resolution of the M4 decimation of dense line series (device pixels per pt).
std::unique_ptr<QCustomPlot> makePlot(const FigureSpec& spec, const PlotTheme& theme, QSize size,
                                      double columnsPerPt)
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->setAttribute(Qt::WA_DontShowOnScreen);
    plot->resize(size);
    plot->setViewport(QRect(QPoint(0, 0), size));
    FigureRenderer::Options options;
    options.scale = 1.0;
    options.clipToRanges = true;
    // QCPGraph's adaptive sampling works in 1-pt columns: visible in print (it splits narrow peaks).
    options.adaptiveSampling = false;
    options.decimationColumnsPerUnit = columnsPerPt;
    FigureRenderer::render(spec, plot.get(), theme, options);
    return plot;
}

void paintVector(const FigureSpec& spec, const PlotTheme& theme, QSize size, QPaintDevice* device)
{
    auto plot = makePlot(spec, theme, size, kVectorColumnsPerPt);
    QCPPainter painter;
    if (!painter.begin(device)) return;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
}

std::string str(const QString& s)
{
    return s.toStdString();
}

QString normalizedFormat(const QString& format)
{
    const QString f = format.trimmed().toLower();
    if (f == QLatin1String("tif")) return QStringLiteral("tiff");
    return f;
}

bool validSize(double widthMm, double heightMm)
{
    return std::isfinite(widthMm) && std::isfinite(heightMm) && widthMm > 0.0 && heightMm > 0.0 &&
           widthMm <= PlotExporter::kMaxSizeMm && heightMm <= PlotExporter::kMaxSizeMm;
}

/// QCustomPlot is a QWidget: without a QApplication (e.g. a QCoreApplication-only tool) creating one
/// aborts the process. Checked up front so that this is an error message, not a crash.
bool haveWidgets()
{
    return qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr;
}

bool validDpi(double dpi)
{
    return std::isfinite(dpi) && dpi >= PlotExporter::kMinDpi && dpi <= PlotExporter::kMaxDpi;
}

/// Qt 6.4 writes the PDF page size in whole points ("/MediaBox [0 0 241.000000 184.000000]"), up to
/// 0.18 mm off. The numbers are fixed-width ('f', 6 decimals), so the exact size fits in the same bytes
/// (left-padded with spaces) and no cross-reference offset moves. Left alone if the pattern is not found.
void writeExactMediaBox(QByteArray& pdf, const QPageSize& page)
{
    const QSize rounded = page.sizePoints();
    const QSizeF mm = page.size(QPageSize::Millimeter); // size(Point) is the rounded value as well
    const QSizeF sizePt(PlotExporter::pointsFor(mm.width()), PlotExporter::pointsFor(mm.height()));
    const QByteArray w = QByteArray::number(double(rounded.width()), 'f', 6);
    const QByteArray h = QByteArray::number(double(rounded.height()), 'f', 6);
    const QByteArray original = "/MediaBox [0 0 " + w + ' ' + h + ']';
    const qsizetype at = pdf.indexOf(original);
    if (at < 0 || pdf.indexOf(original, at + 1) >= 0) return;
    QByteArray ew = QByteArray::number(sizePt.width(), 'f', 6);
    QByteArray eh = QByteArray::number(sizePt.height(), 'f', 6);
    if (ew.size() > w.size() || eh.size() > h.size()) return;
    ew.prepend(QByteArray(w.size() - ew.size(), ' '));
    eh.prepend(QByteArray(h.size() - eh.size(), ' '));
    pdf.replace(at, original.size(), "/MediaBox [0 0 " + ew + ' ' + eh + ']');
}

} // namespace

int PlotExporter::pixelsFor(double mm, double dpi)
{
    return int(std::lround(mm / 25.4 * dpi));
}

bool PlotExporter::tiffSupported()
{
    return QImageWriter::supportedImageFormats().contains("tiff");
}

Expected<void> PlotExporter::checkSize(double widthMm, double heightMm, const QString& path)
{
    if (!validSize(widthMm, heightMm)) {
        return fail(
            str(path), {},
            str(tr("The figure size %1 × %2 mm is not possible; width and height must be between 0 and "
                   "%3 mm.")
                    .arg(widthMm, 0, 'g', 6)
                    .arg(heightMm, 0, 'g', 6)
                    .arg(kMaxSizeMm, 0, 'f', 0)));
    }
    return {};
}

Expected<void> PlotExporter::checkDpi(double dpi, const QString& path)
{
    if (!validDpi(dpi)) {
        return fail(str(path), {},
                    str(tr("The resolution %1 dpi is not possible; choose between %2 and %3 dpi.")
                            .arg(dpi, 0, 'g', 6)
                            .arg(kMinDpi, 0, 'f', 0)
                            .arg(kMaxDpi, 0, 'f', 0)));
    }
    return {};
}

Expected<void> PlotExporter::checkRenderer(const QString& path)
{
    if (!haveWidgets()) {
        return fail(
            str(path), {},
            str(tr("Figures can only be rendered in a program with a QApplication (for command-line use, "
                   "set QT_QPA_PLATFORM=offscreen).")));
    }
    return {};
}

Expected<void> PlotExporter::writeFile(const QString& path, const QByteArray& bytes)
{
    if (path.trimmed().isEmpty()) return fail({}, {}, str(tr("No file name was given for the export.")));
    // QSaveFile writes beside the target and renames: a failed export never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(str(path), {}, str(tr("The file cannot be written: %1.").arg(file.errorString())));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(str(path), {}, str(tr("Writing the file failed: %1.").arg(file.errorString())));
    }
    return {};
}

QByteArray PlotExporter::renderPdf(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                   double heightMm)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    if (!validSize(widthMm, heightMm) || !haveWidgets()) return {};
    const QPageSize page(QSizeF(widthMm, heightMm), QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Vanadis " VANADIS_VERSION));
        writer.setTitle(spec.title);
        writer.setPageLayout(
            QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        // 72 dpi makes one painter unit one point, so fonts are converted once, at their true size.
        // (setResolution(1200) with painter.scale(1200/72) converts them twice: 17× text.)
        writer.setResolution(72);
        paintVector(spec, theme, logicalSizePt(widthMm, heightMm), &writer);
    }
    QByteArray pdf = buffer.data();
    writeExactMediaBox(pdf, page);
    return pdf;
}

QByteArray PlotExporter::renderSvg(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                   double heightMm)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    if (!validSize(widthMm, heightMm) || !haveWidgets()) return {};
    const QSize size = logicalSizePt(widthMm, heightMm);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRectF(QPointF(0, 0), size));
        generator.setResolution(72);
        generator.setTitle(spec.title);
        generator.setDescription(tr("Created by Vanadis %1").arg(QStringLiteral(VANADIS_VERSION)));
        paintVector(spec, theme, size, &generator);
    }
    QByteArray svg = buffer.data();
    // QSvgGenerator only knows whole points, so its width/height are off by up to 0.18 mm. State the
    // requested size exactly; the viewBox keeps the drawing's coordinates.
    static const QRegularExpression header(QStringLiteral("<svg width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
    const QString head = QString::fromUtf8(svg.left(512));
    const auto m = header.match(head);
    if (m.hasMatch()) {
        const QString exact = QStringLiteral("<svg width=\"%1mm\" height=\"%2mm\"")
                                  .arg(widthMm, 0, 'g', 10)
                                  .arg(heightMm, 0, 'g', 10);
        svg.replace(svg.indexOf(m.captured(0).toUtf8()), m.captured(0).toUtf8().size(), exact.toUtf8());
    }
    return svg;
}

QImage PlotExporter::renderImage(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                 double heightMm, double dpi)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    if (!validSize(widthMm, heightMm) || !validDpi(dpi) || !haveWidgets()) return {};
    const int w = pixelsFor(widthMm, dpi);
    const int h = pixelsFor(heightMm, dpi);
    if (double(w) * double(h) / 1e6 > kMaxMegapixels) return {};
    // RGB without alpha: Nature and Elsevier ask for RGB, and transparent PNGs paste black in some apps.
    QImage image(w, h, QImage::Format_RGB32);
    if (image.isNull()) return {};
    image.fill(theme.background);
    // While painting, the image claims 72 dpi so that fonts in pt map 1:1 onto painter units; the scale
    // then blows the 1 unit = 1 pt drawing up to the target resolution.
    const int dpm72 = int(std::lround(72.0 / 0.0254));
    image.setDotsPerMeterX(dpm72);
    image.setDotsPerMeterY(dpm72);
    {
        const QSize size = logicalSizePt(widthMm, heightMm);
        auto plot = makePlot(spec, theme, size, dpi / 72.0);
        QCPPainter painter;
        if (painter.begin(&image)) {
            // Vectorized mode on a raster target too: otherwise QCustomPlot 2.1 draws 1.0-wide pens as
            // 1-pixel hairlines (a screen speed-up in drawPolyline) and shifts antialiased items by half
            // a unit, which is half a point here.
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            painter.setMode(QCPPainter::pmNonCosmetic);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::TextAntialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.scale(dpi / 72.0, dpi / 72.0);
            plot->toPainter(&painter, size.width(), size.height());
            painter.end();
        }
    }
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    return image;
}

Expected<void> PlotExporter::exportPdf(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                       double heightMm, const QString& path)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    if (auto ok = checkSize(widthMm, heightMm, path); !ok) return ok;
    if (auto ok = checkRenderer(path); !ok) return ok;
    const QByteArray pdf = renderPdf(spec, theme, widthMm, heightMm);
    if (pdf.isEmpty()) return fail(str(path), {}, str(tr("The PDF could not be rendered.")));
    return writeFile(path, pdf);
}

Expected<void> PlotExporter::exportSvg(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                       double heightMm, const QString& path)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    if (auto ok = checkSize(widthMm, heightMm, path); !ok) return ok;
    if (auto ok = checkRenderer(path); !ok) return ok;
    const QByteArray svg = renderSvg(spec, theme, widthMm, heightMm);
    if (svg.isEmpty()) return fail(str(path), {}, str(tr("The SVG could not be rendered.")));
    return writeFile(path, svg);
}

Expected<void> PlotExporter::exportRaster(const FigureSpec& spec, const PlotTheme& theme, double widthMm,
                                          double heightMm, double dpi, const QString& path,
                                          const QString& format)
{
    heightMm = effectiveHeight(widthMm, heightMm);
    const QString fmt = normalizedFormat(format);
    if (fmt != QLatin1String("png") && fmt != QLatin1String("tiff")) {
        return fail(str(path), {}, str(tr("“%1” is not a raster format; use PNG or TIFF.").arg(format)));
    }
    if (auto ok = checkSize(widthMm, heightMm, path); !ok) return ok;
    if (auto ok = checkDpi(dpi, path); !ok) return ok;
    if (auto ok = checkRenderer(path); !ok) return ok;
    if (fmt == QLatin1String("tiff") && !tiffSupported()) {
        return fail(str(path), {},
                    str(tr("TIFF export needs the Qt image format plugins (Debian package "
                           "qt6-image-formats-plugins), which are not installed. PNG works without them.")));
    }
    const double megapixels = double(pixelsFor(widthMm, dpi)) * double(pixelsFor(heightMm, dpi)) / 1e6;
    if (megapixels > kMaxMegapixels) {
        return fail(str(path), {},
                    str(tr("The image would have %1 megapixels; reduce the size or the resolution.")
                            .arg(megapixels, 0, 'f', 0)));
    }
    const QImage image = renderImage(spec, theme, widthMm, heightMm, dpi);
    if (image.isNull()) {
        return fail(str(path), {}, str(tr("There is not enough memory for an image of this size.")));
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, fmt.toLatin1());
    if (fmt == QLatin1String("tiff")) writer.setCompression(1); // LZW: lossless, accepted by all journals
    if (!writer.write(image)) {
        return fail(str(path), {}, str(tr("The image could not be encoded: %1.").arg(writer.errorString())));
    }
    return writeFile(path, buffer.data());
}

Expected<void> PlotExporter::exportCsv(const FigureSpec& spec, const QString& path)
{
    return writeFile(path, spec.toCsv());
}

Expected<void> PlotExporter::exportFigure(const FigureSpec& spec, const PlotTheme& theme,
                                          const QString& format, double widthMm, double heightMm, double dpi,
                                          const QString& path)
{
    const QString fmt = normalizedFormat(format);
    if (fmt == QLatin1String("pdf")) return exportPdf(spec, theme, widthMm, heightMm, path);
    if (fmt == QLatin1String("svg")) return exportSvg(spec, theme, widthMm, heightMm, path);
    if (fmt == QLatin1String("png") || fmt == QLatin1String("tiff"))
        return exportRaster(spec, theme, widthMm, heightMm, dpi, path, fmt);
    if (fmt == QLatin1String("csv")) return exportCsv(spec, path);
    return fail(str(path), {},
                str(tr("The export format “%1” is not known; use PDF, SVG, PNG, TIFF or CSV.").arg(format)));
}

} // namespace vanadis
