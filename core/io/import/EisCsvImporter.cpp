#include "io/import/EisCsvImporter.h"

#include "io/import/EisImportSupport.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>
#include <vector>

namespace vanadis {

namespace {

struct Layout {
    QChar delimiter; ///< ',', ';', '\t' or ' ' (whitespace runs)
    bool decimalComma = false;
    int headerLines = 0; ///< 0 or 1
};

QStringList cellsOf(const QString& line, QChar delim)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QStringList c = delim == ' ' ? line.trimmed().split(ws, Qt::SkipEmptyParts) : line.split(delim);
    for (QString& s : c) {
        s = s.trimmed();
        if (s.size() >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2);
    }
    return c;
}

/// True when the three cells are numbers under \a comma.
bool threeNumbers(const QStringList& c, bool comma, double* v = nullptr)
{
    if (c.size() != 3) return false;
    for (int k = 0; k < 3; ++k) {
        double x = 0;
        if (!textnum::parseNumber(c[k], comma, x)) return false;
        if (v) v[k] = x;
    }
    return true;
}

/// The layout whose first data lines are three numbers; nullopt when there is none.
std::optional<Layout> detect(const QStringList& lines)
{
    for (QChar d : {QChar(','), QChar(';'), QChar('\t'), QChar(' ')})
        for (bool comma : {false, true}) {
            if (comma && d == ',') continue;
            for (int header : {0, 1}) {
                int good = 0, seen = 0, up = 0, down = 0;
                double fMin = INFINITY, fMax = 0, last = NAN;
                std::vector<double> logSteps;
                for (int i = header; i < lines.size() && seen < 20; ++i) {
                    if (lines[i].trimmed().isEmpty()) continue;
                    ++seen;
                    double v[3];
                    if (!threeNumbers(cellsOf(lines[i], d), comma, v)) {
                        // A bad last line (a file cut inside a row) is read()'s to report with its line.
                        bool lastLine = true;
                        for (int j = i + 1; j < lines.size() && lastLine; ++j)
                            lastLine = lines[j].trimmed().isEmpty();
                        if (lastLine) --seen;
                        break;
                    }
                    // The sweep test looks at the first six rows only, so that a bad row further down is
                    // reported by read() with its line instead of hiding the format.
                    if (++good <= 6) {
                        up += v[0] > last;
                        down += v[0] < last;
                        if (last > 0 && v[0] > 0) logSteps.push_back(std::log(v[0] / last));
                        last = v[0];
                        fMin = std::min(fMin, v[0]);
                        fMax = std::max(fMax, v[0]);
                    }
                }
                // A frequency sweep: positive, strictly monotonic, over more than a factor 1.5 in six rows.
                const int tested = std::min(good, 6);
                const bool monotonic = up == tested - 1 || down == tested - 1;
                // Impedance sweeps are log-spaced: equal steps of log f (within 30 %). A linear x column
                // (1, 2, 3 … of an x, y, σ table) is not, and stays with the generic reader.
                double mean = 0.0;
                for (double l : logSteps)
                    mean += l / double(logSteps.size());
                bool logSpaced = !logSteps.empty();
                for (double l : logSteps)
                    logSpaced &= std::abs(l - mean) <= 0.3 * std::abs(mean);
                if (good >= 5 && good == seen && monotonic && logSpaced && fMin > 0 && fMax > 1.5 * fMin)
                    return Layout{d, comma, header};
            }
        }
    return std::nullopt;
}

/// True when a header cell names the negated imaginary part.
bool namesNegatedImaginary(const QString& h)
{
    const QString s = h.simplified().remove(' ');
    return s.startsWith('-') || s.startsWith(QChar(0x2212)) ||
           s.contains(QLatin1String("-im"), Qt::CaseInsensitive) ||
           s.contains(QLatin1String("-z"), Qt::CaseInsensitive);
}

} // namespace

QString EisCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Impedance table (frequency, Z', Z'' as CSV/TXT)");
}

int EisCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    auto text = decodeText(head, QString());
    if (!text) return 0;
    QStringList lines = text->split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    if (lines.size() > 1) lines.removeLast(); // the head may end inside a line
    const auto layout = detect(lines);
    if (!layout) return 0;
    if (layout->headerLines == 0) return 60;
    // A header must look like frequency + impedance, or the generic reader keeps the file.
    const QString h = lines[0].toLower();
    return (h.contains(QLatin1String("freq")) || h.contains(QLatin1String("hz"))) &&
                   (h.contains('z') || h.contains(QLatin1String("re")))
               ? 70
               : 0;
}

Expected<std::vector<ImportedDataset>> EisCsvImporter::read(const QByteArray& bytes, const QString& fileName,
                                                            const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    const auto layout = detect(lines);
    if (!layout)
        return fail(
            file, "",
            "no rows of three numbers (frequency, Z', Z'') with frequencies above 0 that rise or fall "
            "steadily");
    std::vector<EisPoint> pts;
    for (int i = layout->headerLines; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty()) continue;
        const QStringList c = cellsOf(lines[i], layout->delimiter);
        const std::string at = "line " + std::to_string(i + 1);
        if (c.size() != 3)
            return fail(file, at,
                        "expected 3 cells (frequency, Z', Z''), found " + std::to_string(c.size()) +
                            " (file cut short?)");
        double v[3];
        for (int k = 0; k < 3; ++k)
            if (!textnum::parseNumber(c[k], layout->decimalComma, v[k]))
                return fail(file, at + ", column " + std::to_string(k + 1),
                            textnum::notANumberReason(c[k], layout->decimalComma));
        pts.push_back({v[0], v[1], v[2], i + 1});
    }
    bool negate = false;
    QString why;
    if (layout->headerLines == 1) {
        const QStringList h = cellsOf(lines[0], layout->delimiter);
        negate = namesNegatedImaginary(h.value(2));
        why = negate ? QCoreApplication::translate("vanadis", "the header names it '%1'").arg(h.value(2))
                     : QString();
    }
    if (why.isEmpty()) {
        int pos = 0, neg = 0;
        for (const EisPoint& p : pts)
            (p.zImagOhm > 0 ? pos : neg) += p.zImagOhm != 0;
        negate = pos > neg;
        why = QCoreApplication::translate("vanadis", "%1 of %2 values of the third column are %3")
                  .arg(negate ? pos : neg)
                  .arg(pts.size())
                  .arg(negate ? QCoreApplication::translate("vanadis", "positive")
                              : QCoreApplication::translate("vanadis", "negative"));
    }
    if (negate)
        for (EisPoint& p : pts)
            p.zImagOhm = -p.zImagOhm;
    auto d = makeEisDataset(fileName, QFileInfo(fileName).completeBaseName(), pts);
    if (!d) return std::unexpected(d.error());
    d->metadata.insert("imaginary_sign", negate ? QStringLiteral("negated") : QStringLiteral("as read"));
    addImportWarning(
        *d,
        negate ? QCoreApplication::translate("vanadis", "The third column was read as −Z'' and negated (%1).")
                     .arg(why)
               : QCoreApplication::translate("vanadis",
                                             "The third column was read as Z'' (negative = capacitive; %1).")
                     .arg(why));
    return std::vector<ImportedDataset>{std::move(*d)};
}

} // namespace vanadis
