// Exact-size figure export: page size, font sizes in the PDF, raster pixels and dpi headers, SVG size,
// CSV, clipping for SVG, error paths. Writes /tmp/vanadis-export.{pdf,png,svg} for visual inspection.

#include "widgets/plot/PlotExporter.h"
#include "widgets/plot/PlotTheme.h"
#include "widgets/plot/RichLabel.h"
#include "widgets/plot/SeriesClipper.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtEndian>
#include <QtTest>

#include <cmath>

using namespace vanadis;

namespace {

FigureSpec cyclingFigure()
{
    FigureSpec f;
    f.title = QStringLiteral("Cycling stability");
    f.x.label = QStringLiteral("Cycle number");
    f.y.label = QStringLiteral("Capacity (mAh g^{-1})");
    const PlotTheme theme;
    const QStringList names{QStringLiteral("HCS"), QStringLiteral("V_{2}O_{3}@C")};
    for (int s = 0; s < 2; ++s) {
        FigureSeries series;
        series.label = names[s];
        series.color = theme.paletteColor(s);
        series.marker = theme.marker(s);
        series.dash = theme.dash(s);
        for (int i = 1; i <= 100; ++i) {
            series.x.push_back(i);
            series.y.push_back((s == 0 ? 320.0 : 410.0) * std::exp(-i / (s == 0 ? 400.0 : 180.0)));
        }
        f.series.push_back(series);
    }
    f.legendPosition = QStringLiteral("topRight");
    return f;
}

/// Every (optionally Flate-compressed) stream of a PDF, decompressed.
QList<QByteArray> pdfStreams(const QByteArray& pdf)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    while ((pos = pdf.indexOf("stream", pos)) >= 0) {
        if (pos >= 3 && pdf.mid(pos - 3, 3) == "end") { // "endstream"
            pos += 6;
            continue;
        }
        qsizetype start = pos + 6;
        if (pdf.mid(start, 2) == "\r\n")
            start += 2;
        else if (pdf.at(start) == '\n')
            start += 1;
        const qsizetype end = pdf.indexOf("endstream", start);
        if (end < 0) break;
        const qsizetype dictStart = pdf.lastIndexOf("<<", pos);
        const QByteArray dict = pdf.mid(dictStart, pos - dictStart);
        QByteArray body = pdf.mid(start, end - start);
        if (dict.contains("/FlateDecode")) {
            // qUncompress wants the expected size as a 4-byte big-endian prefix; it grows the buffer if
            // short.
            QByteArray withSize(4, '\0');
            qToBigEndian<quint32>(quint32(body.size() * 8 + 1024), withSize.data());
            body = qUncompress(withSize + body);
        }
        out << body;
        pos = end + 9;
    }
    return out;
}

/// Font sizes used by "Tf" operators in the PDF's content streams.
QList<double> pdfFontSizes(const QByteArray& pdf)
{
    QList<double> sizes;
    static const QRegularExpression tf(QStringLiteral("/\\S+\\s+([0-9.]+)\\s+Tf"));
    for (const QByteArray& s : pdfStreams(pdf)) {
        auto it = tf.globalMatch(QString::fromLatin1(s));
        while (it.hasNext())
            sizes << it.next().captured(1).toDouble();
    }
    return sizes;
}

bool hasSize(const QList<double>& sizes, double pt)
{
    return std::any_of(sizes.begin(), sizes.end(), [pt](double s) { return std::abs(s - pt) < 0.005; });
}

QString sizesText(const QList<double>& sizes)
{
    QStringList l;
    for (double s : sizes)
        if (!l.contains(QString::number(s))) l << QString::number(s);
    return l.join(QStringLiteral(", "));
}

QString tool(const char* name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

/// Value of TIFF tag `tag` in the first IFD (short/long values only), or -1.
qint64 tiffTag(const QByteArray& tiff, quint16 tag)
{
    if (tiff.size() < 8) return -1;
    const bool le = tiff.startsWith("II");
    auto u16 = [&](qsizetype o) {
        const auto* p = reinterpret_cast<const uchar*>(tiff.constData() + o);
        return le ? qFromLittleEndian<quint16>(p) : qFromBigEndian<quint16>(p);
    };
    auto u32 = [&](qsizetype o) {
        const auto* p = reinterpret_cast<const uchar*>(tiff.constData() + o);
        return le ? qFromLittleEndian<quint32>(p) : qFromBigEndian<quint32>(p);
    };
    const quint32 ifd = u32(4);
    if (qsizetype(ifd) + 2 > tiff.size()) return -1;
    const quint16 n = u16(ifd);
    for (quint16 i = 0; i < n; ++i) {
        const qsizetype e = ifd + 2 + 12 * i;
        if (e + 12 > tiff.size()) break;
        if (u16(e) == tag) return u16(e + 2) == 3 ? u16(e + 8) : u32(e + 8);
    }
    return -1;
}

} // namespace

class TestPlotExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void themeDefaults();
    void themeJsonRoundTrip();
    void journalPresets();
    void richLabelMarkup();
    void clipLineToBox();
    void clipLogAxes();
    void m4KeepsExtremes();
    void pdfPageSize();
    void pdfFontSizes();
    void pdfTextIsSelectable();
    void pngPixelsAndDpi();
    void rasterLineWidthIsInPoints();
    void logAxisExponentsAreReadable();
    void denseSeriesIsDecimatedPerColumn();
    void tiffPixelsDpiAndLzw();
    void svgSizeAndText();
    void svgDataIsClipped();
    void csvHeaderAndRows();
    void defaultHeight();
    void dispatchAndAliases();
    void errors_data();
    void errors();
    void unwritablePath();
    void tiffWithoutPluginIsAnError();

private:
    QTemporaryDir m_dir;
    PlotTheme m_theme;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestPlotExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_theme = PlotTheme::builtIn();
    // Visual inspection copies.
    const FigureSpec f = cyclingFigure();
    QVERIFY(
        PlotExporter::exportPdf(f, m_theme, 85, 65, QStringLiteral("/tmp/vanadis-export.pdf")).has_value());
    QVERIFY(PlotExporter::exportRaster(f, m_theme, 85, 65, 600, QStringLiteral("/tmp/vanadis-export.png"),
                                       QStringLiteral("png"))
                .has_value());
    QVERIFY(
        PlotExporter::exportSvg(f, m_theme, 85, 65, QStringLiteral("/tmp/vanadis-export.svg")).has_value());
}

void TestPlotExport::themeDefaults()
{
    QCOMPARE(m_theme.fontFamily, QStringLiteral("Arial"));
    QCOMPARE(m_theme.labelSizePt, 7.0);
    QCOMPARE(m_theme.tickLabelSizePt, 6.0);
    QCOMPARE(m_theme.legendSizePt, 6.0);
    QCOMPARE(m_theme.lineWidthPt, 1.0);
    QCOMPARE(m_theme.axisPenPt, 0.75);
    QCOMPARE(m_theme.majorTickLengthPt, 3.0);
    QCOMPARE(m_theme.minorTickLengthPt, 1.5);
    QVERIFY(m_theme.ticksInward);
    QVERIFY(m_theme.mirrorTicks);
    QVERIFY(!m_theme.legendFrame);
    QCOMPARE(m_theme.background, QColor(Qt::white));
    // Okabe–Ito, blue first; cycling wraps.
    QCOMPARE(m_theme.paletteColor(0), QColor(QStringLiteral("#0072B2")));
    QCOMPARE(m_theme.paletteColor(1), QColor(QStringLiteral("#D55E00")));
    QCOMPARE(m_theme.paletteColor(8), m_theme.paletteColor(0));
    QCOMPARE(m_theme.marker(0), QStringLiteral("circle"));
    // The font is measured at 72 dpi for exports: a 7 pt font is about 7 units high, not 9.3.
    const QFontMetricsF fm(m_theme.font(7.0, 1.0));
    QVERIFY2(fm.ascent() + fm.descent() < 9.0, qPrintable(QString::number(fm.ascent() + fm.descent())));
}

void TestPlotExport::themeJsonRoundTrip()
{
    PlotTheme t;
    t.labelSizePt = 8.0;
    t.palette = {QColor(Qt::red)};
    const PlotTheme back = PlotTheme::fromJson(t.toJson());
    QCOMPARE(back.labelSizePt, 8.0);
    QCOMPARE(back.paletteColor(3), QColor(Qt::red));
    // Partial themes keep defaults.
    const PlotTheme partial = PlotTheme::fromJson(QJsonObject{{"tick_label_size_pt", 5.0}});
    QCOMPARE(partial.tickLabelSizePt, 5.0);
    QCOMPARE(partial.labelSizePt, 7.0);
}

void TestPlotExport::journalPresets()
{
    const auto& presets = PlotTheme::journalPresets();
    auto find = [&](const QString& name) {
        for (const auto& p : presets)
            if (p.name == name) return p;
        return JournalPreset{};
    };
    QCOMPARE(find(QStringLiteral("Wiley")).singleColumnMm, 85.0);
    QCOMPARE(find(QStringLiteral("Wiley")).doubleColumnMm, 175.0);
    QCOMPARE(find(QStringLiteral("Nature")).singleColumnMm, 89.0);
    QCOMPARE(find(QStringLiteral("Nature")).doubleColumnMm, 183.0);
    QCOMPARE(find(QStringLiteral("Elsevier")).singleColumnMm, 90.0);
    QCOMPARE(find(QStringLiteral("Elsevier")).doubleColumnMm, 190.0);
    QCOMPARE(find(QStringLiteral("ACS")).singleColumnMm, 82.5);
    QCOMPARE(find(QStringLiteral("ACS")).doubleColumnMm, 177.8);
}

void TestPlotExport::richLabelMarkup()
{
    QCOMPARE(RichLabel(QStringLiteral("Capacity (mAh g^{-1})")).plainText(),
             QString::fromUtf8("Capacity (mAh g−1)"));
    QCOMPARE(RichLabel(QStringLiteral("V_{2}O_{3}")).plainText(), QStringLiteral("V2O3"));
    QCOMPARE(RichLabel(QStringLiteral("m^2")).plainText(), QStringLiteral("m2"));
    QCOMPARE(RichLabel(QStringLiteral("a^{b")).plainText(), QStringLiteral("a^{b")); // unbalanced: literal
    QCOMPARE(RichLabel(QStringLiteral("Li-ion")).plainText(), QStringLiteral("Li-ion")); // hyphen stays
    QVERIFY(RichLabel().isEmpty());
    QCOMPARE(RichLabel::scriptSizePt(7.0, 6.0), 6.0);  // Elsevier minimum wins over 70 %
    QCOMPARE(RichLabel::scriptSizePt(10.0, 6.0), 7.0); // 70 %
    QCOMPARE(RichLabel::scriptSizePt(5.0, 6.0), 5.0);  // never larger than the base
    // A superscript makes the label taller than plain text in the same font.
    const QFont font = m_theme.font(7.0, 1.0);
    const double plain = RichLabel(QStringLiteral("Capacity")).size(font, 6.0).height();
    const double sup = RichLabel(QStringLiteral("g^{-1}")).size(font, 6.0).height();
    QVERIFY2(sup > plain, qPrintable(QStringLiteral("%1 vs %2").arg(sup).arg(plain)));
}

void TestPlotExport::clipLineToBox()
{
    FigureSeries s;
    s.x = {0, 1, 2, 3, 4, 5};
    s.y = {0, 10, 0, 10, 0, 0};
    s.yOffset = 1.0;
    const SeriesClipper::Box box{0.5, 4.5, 0.0, 6.0};
    const auto out = SeriesClipper::clipLine(s, box);
    // Every finite point lies in the box; lines end on the border; pieces are split by NaN.
    int gaps = 0;
    for (qsizetype i = 0; i < out.x.size(); ++i) {
        if (std::isnan(out.y[i])) {
            ++gaps;
            continue;
        }
        QVERIFY2(out.x[i] >= 0.5 - 1e-12 && out.x[i] <= 4.5 + 1e-12, qPrintable(QString::number(out.x[i])));
        QVERIFY2(out.y[i] >= -1e-12 && out.y[i] <= 6.0 + 1e-12, qPrintable(QString::number(out.y[i])));
        if (i > 0) QVERIFY(out.x[i] >= out.x[i - 1]); // still sorted for QCPGraph
    }
    QCOMPARE(out.x.first(), 0.5); // entered through the left border (interpolated, y = 6 there)
    QCOMPARE(out.y.first(), 6.0);
    QCOMPARE(gaps, 2); // the peaks at x = 1 and 3 leave through the top
    QCOMPARE(out.x.last(), 4.5);
    QCOMPARE(out.y.last(), 1.0);
    // Markers: only original points inside.
    const auto inside = SeriesClipper::pointsInside(s, box);
    QCOMPARE(inside.x, QVector<double>({2, 4}));
}

void TestPlotExport::clipLogAxes()
{
    // On log axes the cut is made where the straight (in log space) line meets the border.
    FigureSeries s;
    s.x = {1, 1000};
    s.y = {1, 1000};
    const auto out = SeriesClipper::clipLine(s, SeriesClipper::Box{10, 100, 0.1, 1e6, true, true});
    QCOMPARE(out.x.size(), 2);
    QVERIFY(std::abs(out.x[0] - 10.0) < 1e-9 && std::abs(out.y[0] - 10.0) < 1e-9);
    QVERIFY(std::abs(out.x[1] - 100.0) < 1e-9 && std::abs(out.y[1] - 100.0) < 1e-9);
    // Non-positive values cannot be drawn on a log axis: they break the line.
    s.x = {1, 2, 3, 4};
    s.y = {1, -1, 2, 3};
    const auto broken = SeriesClipper::clipLine(s, SeriesClipper::Box{0.5, 5, 0.1, 10, false, true});
    QCOMPARE(broken.x, QVector<double>({3, 4}));
}

void TestPlotExport::m4KeepsExtremes()
{
    SeriesClipper::Points p;
    for (int i = 0; i < 1000; ++i) {
        p.x << i;
        p.y << (i == 503 ? 50.0 : (i == 507 ? -40.0 : std::sin(i * 0.1)));
    }
    const auto out = SeriesClipper::decimateM4(
        p, [](double x) { return x / 10.0; }, 100.0); // 10 per column
    QVERIFY2(out.x.size() <= 400 && out.x.size() >= 200, qPrintable(QString::number(out.x.size())));
    QVERIFY(out.y.contains(50.0));
    QVERIFY(out.y.contains(-40.0));
    QCOMPARE(out.x.first(), 0.0);
    QCOMPARE(out.x.last(), 999.0);
    for (qsizetype i = 1; i < out.x.size(); ++i)
        QVERIFY(out.x[i] > out.x[i - 1]);
    // Sparse data is returned unchanged.
    SeriesClipper::Points few;
    few.x = {0, 1, 2};
    few.y = {1, 2, 3};
    QCOMPARE(SeriesClipper::decimateM4(
                 few, [](double x) { return x; }, 100.0)
                 .y,
             few.y);
}

void TestPlotExport::pdfPageSize()
{
    const QString file = path(QStringLiteral("size.pdf"));
    const auto result = PlotExporter::exportPdf(cyclingFigure(), m_theme, 85.0, 65.0, file);
    QVERIFY2(result.has_value(), result ? "" : result.error().message().c_str());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    static const QRegularExpression box(
        QStringLiteral("/MediaBox\\s*\\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s*\\]"));
    const auto m = box.match(QString::fromLatin1(pdf));
    QVERIFY2(m.hasMatch(), "no /MediaBox");
    const double wPt = m.captured(3).toDouble() - m.captured(1).toDouble();
    const double hPt = m.captured(4).toDouble() - m.captured(2).toDouble();
    const double wMm = wPt / 72.0 * 25.4;
    const double hMm = hPt / 72.0 * 25.4;
    qInfo("PDF MediaBox %.2f x %.2f pt = %.3f x %.3f mm", wPt, hPt, wMm, hMm);
    QVERIFY2(std::abs(wMm - 85.0) <= 0.1, qPrintable(QStringLiteral("width %1 mm, expected 85").arg(wMm)));
    QVERIFY2(std::abs(hMm - 65.0) <= 0.1, qPrintable(QStringLiteral("height %1 mm, expected 65").arg(hMm)));
    // Exact, not rounded to whole points (Qt writes 241 × 184).
    QVERIFY2(std::abs(wPt - 85.0 / 25.4 * 72.0) < 0.01, qPrintable(QString::number(wPt, 'f', 4)));
    QVERIFY2(std::abs(hPt - 65.0 / 25.4 * 72.0) < 0.01, qPrintable(QString::number(hPt, 'f', 4)));
    // Creator in the info dictionary (Qt writes it as UTF-16BE).
    QByteArray creator;
    for (QChar c : QStringLiteral("Vanadis"))
        creator += '\0' + QByteArray(1, char(c.unicode()));
    QVERIFY(pdf.contains(creator));

    // Poppler agrees and finds no structural error (the page size is patched in place).
    const QString pdfinfo = tool("pdfinfo");
    if (pdfinfo.isEmpty()) return;
    QProcess p;
    p.start(pdfinfo, {file});
    QVERIFY(p.waitForFinished(30000));
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(err.trimmed().isEmpty(), qPrintable(err));
    QVERIFY2(info.contains(QStringLiteral("240.945 x 184.252 pts")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Creator:         Vanadis")), qPrintable(info));
}

void TestPlotExport::pdfFontSizes()
{
    const QByteArray pdf = PlotExporter::renderPdf(cyclingFigure(), m_theme, 85.0, 65.0);
    QVERIFY(!pdf.isEmpty());
    const QList<double> sizes = ::pdfFontSizes(pdf);
    qInfo("PDF font sizes (Tf): %s", qPrintable(sizesText(sizes)));
    QVERIFY2(!sizes.isEmpty(), "no Tf operator found in the content streams");
    QVERIFY2(hasSize(sizes, 7.0), qPrintable(QStringLiteral("no 7 pt text; sizes: ") + sizesText(sizes)));
    QVERIFY2(hasSize(sizes, 6.0), qPrintable(QStringLiteral("no 6 pt text; sizes: ") + sizesText(sizes)));
    // The QCustomPlot::savePdf pitfall would give 7 × 96/72 = 9.33 pt.
    QVERIFY2(!hasSize(sizes, 9.33) && !hasSize(sizes, 28.0 / 3.0), qPrintable(sizesText(sizes)));
    for (double s : sizes)
        QVERIFY2(s >= 5.99 && s <= 7.01, qPrintable(QStringLiteral("unexpected font size %1 pt").arg(s)));

    // Cross-check with poppler when installed: embedded Liberation Sans (what Arial resolves to).
    const QString pdffonts = tool("pdffonts");
    if (pdffonts.isEmpty()) return;
    const QString file = path(QStringLiteral("fonts.pdf"));
    QVERIFY(PlotExporter::exportPdf(cyclingFigure(), m_theme, 85.0, 65.0, file).has_value());
    QProcess p;
    p.start(pdffonts, {file});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    qInfo("%s", qPrintable(out.trimmed()));
    QVERIFY2(out.contains(QStringLiteral("Liberation"), Qt::CaseInsensitive) ||
                 out.contains(QStringLiteral("Arial"), Qt::CaseInsensitive),
             qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("DejaVu")), "a second font was embedded (glyph fallback)");
    const QStringList lines = out.split(QLatin1Char('\n'));
    for (const QString& line : lines.mid(2)) {
        if (line.trimmed().isEmpty()) continue;
        QVERIFY2(line.contains(QStringLiteral(" yes ")),
                 qPrintable(QStringLiteral("font not embedded: ") + line));
    }
}

void TestPlotExport::pdfTextIsSelectable()
{
    const QString pdftotext = tool("pdftotext");
    if (pdftotext.isEmpty()) QSKIP("pdftotext (poppler-utils) not installed");
    const QString file = path(QStringLiteral("text.pdf"));
    QVERIFY(PlotExporter::exportPdf(cyclingFigure(), m_theme, 85.0, 65.0, file).has_value());
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-raw"), file, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("Capacity")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Cycle number")), qPrintable(text));
    QVERIFY2(text.contains(QChar(0x2212)), "superscript minus is not U+2212");
    QVERIFY2(text.contains(QStringLiteral("HCS")), qPrintable(text));
}

void TestPlotExport::pngPixelsAndDpi()
{
    const QString file = path(QStringLiteral("fig.png"));
    const auto result =
        PlotExporter::exportRaster(cyclingFigure(), m_theme, 85.0, 65.0, 600.0, file, QStringLiteral("png"));
    QVERIFY2(result.has_value(), result ? "" : result.error().message().c_str());
    QImageReader reader(file);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage img = reader.read();
    qInfo("PNG %d x %d px, %d dots/m", img.width(), img.height(), img.dotsPerMeterX());
    QCOMPARE(img.width(), 2008);  // 85 / 25.4 · 600
    QCOMPARE(img.height(), 1535); // 65 / 25.4 · 600
    QCOMPARE(img.dotsPerMeterX(), qRound(600 / 0.0254));
    QCOMPARE(img.dotsPerMeterY(), qRound(600 / 0.0254));
    QVERIFY(std::abs(img.dotsPerMeterX() * 0.0254 - 600.0) < 0.05);
    // White background, and something drawn.
    QCOMPARE(img.pixelColor(0, 0), QColor(Qt::white));
    int dark = 0;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7)
            if (qGray(img.pixel(x, y)) < 128) ++dark;
    QVERIFY(dark > 100);
}

void TestPlotExport::rasterLineWidthIsInPoints()
{
    // A 1 pt line at 600 dpi is 600/72 ≈ 8.3 px thick (QCustomPlot would draw 1.0-wide pens as
    // 1-pixel hairlines on a raster painter that is not in vectorized mode).
    FigureSpec f;
    f.x.min = 0.0;
    f.x.max = 1.0;
    f.y.min = 0.0;
    f.y.max = 1.0;
    FigureSeries s;
    s.color = QColor(0, 0, 255);
    s.lineWidthPt = 1.0;
    s.x = {0.0, 1.0};
    s.y = {0.5, 0.5};
    f.series = {s};
    const QImage img = PlotExporter::renderImage(f, m_theme, 40.0, 30.0, 600.0);
    QVERIFY(!img.isNull());
    int blue = 0;
    const int x = img.width() / 2;
    for (int y = 0; y < img.height(); ++y) {
        const QColor c = img.pixelColor(x, y);
        if (c.blue() > 200 && c.red() < 128 && c.green() < 128) ++blue;
    }
    qInfo("1 pt line at 600 dpi: %d px", blue);
    QVERIFY2(blue >= 7 && blue <= 10, qPrintable(QString::number(blue)));
}

void TestPlotExport::logAxisExponentsAreReadable()
{
    // Log axes get 10^{n} tick labels drawn by RichLabel: exponents at the 6 pt minimum, not
    // QCustomPlot's int(0.75 × 6) = 4 pt.
    FigureSpec f;
    f.x.label = QStringLiteral("Frequency (Hz)");
    f.x.logScale = true;
    f.y.label = QStringLiteral("|Z| (Ω)");
    f.y.logScale = true;
    FigureSeries s;
    for (int i = 0; i <= 40; ++i) {
        s.x.push_back(std::pow(10.0, -2.0 + 7.0 * i / 40.0));
        s.y.push_back(20.0 + 1000.0 / (1.0 + s.x.back()));
    }
    f.series = {s};
    const QList<double> sizes = ::pdfFontSizes(PlotExporter::renderPdf(f, m_theme, 85.0, 65.0));
    qInfo("log-axis PDF font sizes (Tf): %s", qPrintable(sizesText(sizes)));
    QVERIFY(!sizes.isEmpty());
    for (double size : sizes)
        QVERIFY2(size >= 5.99, qPrintable(sizesText(sizes)));
    QVERIFY(hasSize(sizes, 7.0));
}

void TestPlotExport::denseSeriesIsDecimatedPerColumn()
{
    // 200 000 noisy points: the SVG keeps at most first/min/max/last per 0.1 pt column (M4), so the file
    // stays small, and the narrow peak keeps its full height (min/max survive decimation).
    FigureSpec f;
    FigureSeries s;
    quint32 state = 1;
    for (int i = 0; i < 200000; ++i) {
        state = state * 1103515245u + 12345u;
        const double x = 10.0 + i * 0.00035;
        s.x.push_back(x);
        s.y.push_back(100.0 + 30.0 * ((state >> 16) % 1000) / 1000.0 +
                      3000.0 * std::exp(-std::pow((x - 44.0) / 0.01, 2)));
    }
    f.series = {s};
    const QByteArray svg = PlotExporter::renderSvg(f, m_theme, 85.0, 65.0);
    static const QRegularExpression points(QStringLiteral("points=\"([^\"]*)\""));
    qsizetype count = 0;
    double minY = 1e9;
    for (auto it = points.globalMatch(QString::fromUtf8(svg)); it.hasNext();) {
        const QString pts = it.next().captured(1);
        if (pts.count(QLatin1Char(' ')) < 100) continue; // axis lines and ticks
        for (const QString& p : pts.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            ++count;
            minY = std::min(minY, p.section(QLatin1Char(','), 1, 1).toDouble());
        }
    }
    qInfo("200000 points -> %lld in the SVG (%lld bytes), peak top at y = %.2f pt", qlonglong(count),
          qlonglong(svg.size()), minY);
    QVERIFY2(count > 2000 && count < 4 * 241 * 10, qPrintable(QString::number(count)));
    QVERIFY2(minY < 15.0, qPrintable(QString::number(minY))); // the peak reaches the top of the frame
}

void TestPlotExport::tiffPixelsDpiAndLzw()
{
    if (!PlotExporter::tiffSupported()) QSKIP("TIFF plugin (qt6-image-formats-plugins) not installed");
    const QString file = path(QStringLiteral("fig.tiff"));
    const auto result =
        PlotExporter::exportRaster(cyclingFigure(), m_theme, 85.0, 65.0, 600.0, file, QStringLiteral("tiff"));
    QVERIFY2(result.has_value(), result ? "" : result.error().message().c_str());
    const QImage img(file);
    QCOMPARE(img.width(), 2008);
    QCOMPARE(img.height(), 1535);
    QVERIFY2(std::abs(img.dotsPerMeterX() * 0.0254 - 600.0) < 0.5,
             qPrintable(QString::number(img.dotsPerMeterX())));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(tiffTag(f.readAll(), 259), qint64(5)); // Compression = LZW
}

void TestPlotExport::svgSizeAndText()
{
    const QByteArray svg = PlotExporter::renderSvg(cyclingFigure(), m_theme, 85.0, 65.0);
    QVERIFY(!svg.isEmpty());
    QXmlStreamReader xml(svg);
    while (!xml.atEnd() && !(xml.isStartElement() && xml.name() == QLatin1String("svg")))
        xml.readNext();
    QVERIFY(xml.isStartElement());
    const auto attrs = xml.attributes();
    QCOMPARE(attrs.value(QLatin1String("width")).toString(), QStringLiteral("85mm"));
    QCOMPARE(attrs.value(QLatin1String("height")).toString(), QStringLiteral("65mm"));
    QVERIFY(attrs.value(QLatin1String("viewBox")).toString().startsWith(QStringLiteral("0 0 241 184")));
    QVERIFY(svg.contains("Capacity"));
    QVERIFY(svg.contains("Arial") || svg.contains("Liberation"));
}

void TestPlotExport::svgDataIsClipped()
{
    // Fixed x range covering half the data: without pre-clipping the SVG polyline runs far past the frame.
    FigureSpec f = cyclingFigure();
    f.x.min = 0.0;
    f.x.max = 50.0;
    f.y.min = 200.0;
    f.y.max = 450.0;
    const QByteArray svg = PlotExporter::renderSvg(f, m_theme, 85.0, 65.0);
    static const QRegularExpression points(QStringLiteral("points=\"([^\"]*)\""));
    auto it = points.globalMatch(QString::fromUtf8(svg));
    int checked = 0;
    while (it.hasNext()) {
        const QStringList pts = it.next().captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& p : pts) {
            const QStringList xy = p.split(QLatin1Char(','));
            if (xy.size() != 2) continue;
            const double x = xy[0].toDouble(), y = xy[1].toDouble();
            QVERIFY2(x >= 0.0 && x <= 241.0 && y >= 0.0 && y <= 184.0,
                     qPrintable(QStringLiteral("point %1 outside the figure").arg(p)));
            ++checked;
        }
    }
    QVERIFY2(checked > 20, qPrintable(QString::number(checked)));
}

void TestPlotExport::csvHeaderAndRows()
{
    const QString file = path(QStringLiteral("data.csv"));
    QVERIFY(PlotExporter::exportCsv(cyclingFigure(), file).has_value());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 101); // header + 100 cycles
    QVERIFY(lines[0].contains(QStringLiteral("HCS")));
    QVERIFY(lines[0].contains(QStringLiteral("Capacity")));
    QCOMPARE(lines[1].split(QLatin1Char(',')).size(), 4);
    QVERIFY(lines[1].startsWith(QStringLiteral("1,")));
}

void TestPlotExport::defaultHeight()
{
    // Height 0 means 0.75 × width.
    const QImage img = PlotExporter::renderImage(cyclingFigure(), m_theme, 85.0, 0.0, 300.0);
    QCOMPARE(img.width(), PlotExporter::pixelsFor(85.0, 300.0));
    QCOMPARE(img.height(), PlotExporter::pixelsFor(85.0 * 0.75, 300.0));
    QCOMPARE(img.dotsPerMeterX(), qRound(300 / 0.0254));
}

void TestPlotExport::dispatchAndAliases()
{
    const FigureSpec f = cyclingFigure();
    for (const char* fmt : {"pdf", "svg", "png", "csv", "PDF"}) {
        const QString file = path(QStringLiteral("dispatch.") + QString::fromLatin1(fmt).toLower());
        const auto r =
            PlotExporter::exportFigure(f, m_theme, QString::fromLatin1(fmt), 60.0, 0.0, 150.0, file);
        QVERIFY2(r.has_value(), r ? fmt : r.error().message().c_str());
        QVERIFY(QFileInfo(file).size() > 0);
    }
    if (PlotExporter::tiffSupported()) {
        const auto r = PlotExporter::exportFigure(f, m_theme, QStringLiteral("tif"), 60.0, 0.0, 150.0,
                                                  path(QStringLiteral("dispatch.tif")));
        QVERIFY2(r.has_value(), r ? "" : r.error().message().c_str());
    }
}

void TestPlotExport::errors_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("widthMm");
    QTest::addColumn<double>("heightMm");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("zero width") << "pdf" << 0.0 << 65.0 << 300.0 << "size";
    QTest::newRow("negative height") << "svg" << 85.0 << -1.0 << 300.0 << "size";
    QTest::newRow("too wide") << "png" << 2001.0 << 65.0 << 300.0 << "size";
    QTest::newRow("nan") << "pdf" << std::nan("") << 65.0 << 300.0 << "size";
    QTest::newRow("dpi too low") << "png" << 85.0 << 65.0 << 49.0 << "resolution";
    QTest::newRow("dpi too high") << "tiff" << 85.0 << 65.0 << 2401.0 << "resolution";
    QTest::newRow("unknown format") << "bmp" << 85.0 << 65.0 << 300.0 << "format";
}

void TestPlotExport::errors()
{
    QFETCH(QString, format);
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    QFETCH(double, dpi);
    QFETCH(QString, reasonPart);
    if (format == QLatin1String("tiff") && !PlotExporter::tiffSupported()) QSKIP("no TIFF plugin");
    const QString file = path(QStringLiteral("error.") + format);
    const auto r = PlotExporter::exportFigure(cyclingFigure(), m_theme, format, widthMm, heightMm, dpi, file);
    QVERIFY(!r.has_value());
    QCOMPARE(QString::fromStdString(r.error().file), file);
    const QString reason = QString::fromStdString(r.error().reason);
    QVERIFY2(reason.contains(reasonPart, Qt::CaseInsensitive), qPrintable(reason));
    QVERIFY(!QFileInfo::exists(file));
}

void TestPlotExport::unwritablePath()
{
    const QString file = QStringLiteral("/nonexistent-vanadis-dir/figure.pdf");
    const auto r = PlotExporter::exportPdf(cyclingFigure(), m_theme, 85.0, 65.0, file);
    QVERIFY(!r.has_value());
    QCOMPARE(QString::fromStdString(r.error().file), file);
    QVERIFY(!r.error().reason.empty());
    qInfo("%s", r.error().message().c_str());
    const auto csv = PlotExporter::exportCsv(cyclingFigure(), QString());
    QVERIFY(!csv.has_value());
}

void TestPlotExport::tiffWithoutPluginIsAnError()
{
    if (PlotExporter::tiffSupported())
        QSKIP("the TIFF plugin is installed; the missing-plugin path cannot run");
    const auto r = PlotExporter::exportRaster(cyclingFigure(), m_theme, 85.0, 65.0, 600.0,
                                              path(QStringLiteral("x.tiff")), QStringLiteral("tiff"));
    QVERIFY(!r.has_value());
    QVERIFY(QString::fromStdString(r.error().reason).contains(QStringLiteral("qt6-image-formats-plugins")));
}

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
