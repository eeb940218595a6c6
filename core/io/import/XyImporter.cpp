#include "io/import/XyImporter.h"

#include "io/import/DelimitedTextImporter.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace vanadis {

using namespace xrdimport;

namespace {

constexpr qsizetype kMaxLineChars = 4096; // no row of two or three numbers is longer

QStringList linesOf(const QString& text)
{
    static const QRegularExpression eol(QStringLiteral("\\r\\n|\\n|\\r"));
    return text.split(eol);
}

/// The cells of a row and whether they use a decimal comma: whitespace, tab or semicolon separate cells;
/// a comma separates them only when nothing else does ("10.02,123"), else it is the decimal mark
/// ("10,02\t123"), so that a decimal-comma export is never read as three columns.
std::pair<QList<QStringView>, bool> rowCells(QStringView line)
{
    QList<QStringView> out;
    auto sep = [](QChar c) { return c == ' ' || c == '\t' || c == ';'; };
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && sep(line[i]))
            ++i;
        qsizetype j = i;
        while (j < line.size() && !sep(line[j]))
            ++j;
        if (j > i) out << line.mid(i, j - i);
        i = j;
    }
    if (out.size() == 1 && line.contains(',')) return {splitCells(line), false};
    const bool comma = std::any_of(out.begin(), out.end(), [](QStringView c) { return c.contains(','); });
    return {out, comma};
}

/// The numbers of a row, or nullopt when it is not a row of 2–3 numbers.
std::optional<std::vector<double>> numericRow(QStringView line)
{
    if (line.size() > kMaxLineChars) return std::nullopt;
    const auto [cells, comma] = rowCells(line);
    if (cells.size() < 2 || cells.size() > 3) return std::nullopt;
    std::vector<double> out;
    for (const QStringView c : cells) {
        double v;
        if (!textnum::parseNumber(c, comma, v)) return std::nullopt;
        out.push_back(v);
    }
    return out;
}

std::string lineAt(qsizetype i)
{
    return "line " + std::to_string(i + 1);
}

} // namespace

QString XyImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Powder pattern text (.xy, .xye)");
}

namespace {

/// True when the numeric rows of \a lines (from the first one on) read as a powder scan: at least 100 rows,
/// the first column an equidistant 2θ (step 0.001–0.25°, all steps within 2 % of the median or the
/// printed rounding) inside 1–175°, the second non-negative with lines standing out (maximum ≥ 2 × the
/// median). Fityk's samples and many exports are such .dat/.txt files without a header.
bool looksLikePowderScan(const QStringList& lines)
{
    std::vector<double> x, y;
    bool started = false;
    for (qsizetype i = 0; i < lines.size() && x.size() < 4000; ++i) {
        const QString t = lines[i].trimmed();
        const auto row = numericRow(t);
        if (!row) {
            if (started && !t.isEmpty()) return false; // text inside the data: not a plain scan
            if (!started && i > 50) return false;
            continue;
        }
        started = true;
        x.push_back((*row)[0]);
        y.push_back((*row)[1]);
    }
    // The head may end inside a row: drop the last one.
    if (x.size() > 1) x.pop_back(), y.pop_back();
    if (x.size() < 100 || x.front() < 1.0 || x.back() > 175.0) return false;
    std::vector<double> steps;
    for (std::size_t i = 1; i < x.size(); ++i)
        steps.push_back(x[i] - x[i - 1]);
    std::vector<double> sorted = steps;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
    const double step = sorted[sorted.size() / 2];
    if (!(step >= 0.001 && step <= 0.25)) return false;
    for (double d : steps)
        if (std::abs(d - step) > std::max(0.02 * step, 2e-4)) return false;
    std::vector<double> ys = y;
    std::nth_element(ys.begin(), ys.begin() + std::ptrdiff_t(ys.size() / 2), ys.end());
    const double med = ys[ys.size() / 2];
    const double mx = *std::max_element(y.begin(), y.end());
    return *std::min_element(y.begin(), y.end()) >= 0.0 && med > 0.0 && mx >= 2.0 * med;
}

} // namespace

int XyImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("dat") || suffix == QLatin1String("txt")) {
        // Generic text names: claimed (above the delimited reader's 20) only when the data are a 2θ scan.
        if (!looksLikeText(head)) return 0;
        auto text = decodeText(head.left(65536), fileName);
        return text && looksLikePowderScan(linesOf(*text)) ? 30 : 0;
    }
    if (suffix != QLatin1String("xy") && suffix != QLatin1String("xye")) return 0;
    if (!looksLikeText(head)) return 0;
    auto text = decodeText(head.left(16384), fileName);
    if (!text) return 0;
    // SPECS (SpecsLab) and other XPS exports also use .xy; their header names an energy axis.
    static const QRegularExpression otherTechnique(
        QStringLiteral("SpecsLab|Binding Energy|Kinetic Energy|Excitation Energy|Analysis Method|\\bXPS\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = linesOf(*text);
    for (qsizetype i = 0; i < lines.size() && i < 200; ++i) {
        if (numericRow(lines[i].trimmed())) return 60;
        if (otherTechnique.match(lines[i]).hasMatch()) return 0;
    }
    return 0;
}

Expected<std::vector<ImportedDataset>> XyImporter::read(const QByteArray& bytes, const QString& fileName,
                                                        const ImportOptions& options) const
{
    // The user chose another technique or mapped the columns: that is the generic reader's job.
    if ((options.technique && *options.technique != Technique::Xrd) || !options.delimited.mapping.empty())
        return DelimitedTextImporter().read(bytes, fileName, options);
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = linesOf(*text);
    qsizetype first = -1;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (numericRow(lines[i].trimmed())) {
            first = i;
            break;
        }
    if (first < 0) return fail(file, "", "no rows of two or three numbers (2θ, intensity[, σ]) were found");
    const auto firstRow = numericRow(lines[first].trimmed());
    const size_t columns = firstRow->size();
    XrdScan s;
    for (qsizetype i = first; i < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (t.isEmpty()) continue;
        const auto row = numericRow(t);
        if (!row || row->size() != columns) {
            // Text after the data ("END", a summary) ends it, if no numbers follow; anything else is damage.
            bool numbersFollow = false;
            for (qsizetype j = i + 1; j < lines.size() && !numbersFollow; ++j)
                numbersFollow = numericRow(lines[j].trimmed()).has_value();
            const auto [cells, comma] = rowCells(t);
            double v;
            const bool startsWithNumber = !cells.isEmpty() && textnum::parseNumber(cells.front(), comma, v);
            if (!numbersFollow && !startsWithNumber) break;
            if (cells.size() != qsizetype(columns))
                return fail(file, lineAt(i),
                            "expected " + std::to_string(columns) + " columns, found " +
                                std::to_string(cells.size()) + " (truncated or garbled row?)");
            for (qsizetype k = 0; k < cells.size(); ++k)
                if (!textnum::parseNumber(cells[k], comma, v))
                    return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                                textnum::notANumberReason(cells[k], comma));
            return fail(file, lineAt(i), "the row is not a row of numbers");
        }
        if (qint64(s.twoThetaDeg.size()) >= kMaxScanPoints)
            return fail(file, lineAt(i), "more rows than any scan holds");
        s.twoThetaDeg.push_back((*row)[0]);
        s.intensity.push_back((*row)[1]);
        if (columns == 3) s.sigma.push_back((*row)[2]);
    }
    QJsonObject meta;
    meta.insert("file_format", QStringLiteral("XY text"));
    // A wavelength named in the header ("# Wavelength: 1.5406", "lambda = 0.7093 A") is taken, checked.
    static const QRegularExpression lambda(
        QStringLiteral("(?:wavelength|lambda|λ)\\s*(?:\\(\\s*[aå]\\s*\\)|\\[\\s*[aå]\\s*\\])?\\s*[=:]?\\s*(["
                       "0-9]+\\.[0-9]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList header;
    for (qsizetype i = 0; i < first && i < 200; ++i) {
        const QString l = lines[i].trimmed();
        if (l.isEmpty()) continue;
        header << l.left(200);
        if (const auto m = lambda.match(l); m.hasMatch() && !meta.contains("wavelength_angstrom")) {
            Radiation r;
            r.kAlpha1 = headerNumber(m.captured(1));
            if (auto ok = checkRadiation(file, lineAt(i), r); !ok) return std::unexpected(ok.error());
            putRadiation(meta, r);
        }
    }
    if (!header.isEmpty()) meta.insert("header", header.join('\n'));
    std::vector<XrdScan> scans;
    scans.push_back(std::move(s));
    return makeXrdDatasets(file, fileName, QString(), std::move(scans), meta);
}

} // namespace vanadis
