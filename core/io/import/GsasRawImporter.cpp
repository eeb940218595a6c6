#include "io/import/GsasRawImporter.h"

#include "io/MessageText.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XrdImportSupport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace vanadis {

using namespace xrdimport;

namespace {

std::string lineAt(qsizetype i)
{
    return "line " + std::to_string(i + 1);
}

QStringList linesOf(const QString& text)
{
    static const QRegularExpression eol(QStringLiteral("\\r\\n|\\n|\\r"));
    return text.split(eol);
}

bool isBankLine(const QString& line)
{
    return line.startsWith(QLatin1String("BANK"));
}

/// A fixed-width field ("  1234  " → 1234); blank = \a blank.
std::optional<double> field(QStringView record, qsizetype from, qsizetype width, double blank)
{
    const QStringView f = record.mid(from, width).trimmed();
    if (f.isEmpty()) return blank;
    return textnum::parseFinite(f);
}

} // namespace

QString GsasRawImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "GSAS powder data (XRD)");
}

int GsasRawImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    const QStringList lines = linesOf(QString::fromLatin1(head.left(16384)));
    for (qsizetype i = 1; i < lines.size() && i < 40; ++i) {
        const QString l = lines[i];
        if (isBankLine(l)) {
            const QStringList t = l.simplified().split(' ');
            bool a = false, b = false;
            if (t.size() >= 5) {
                t[2].toInt(&a);
                t[3].toInt(&b);
            }
            return a && b ? 90 : 0;
        }
        if (l.startsWith('#') || l.startsWith(QLatin1String("Instrument parameter")) || l.trimmed().isEmpty())
            continue;
        return 0;
    }
    return 0;
}

Expected<std::vector<ImportedDataset>> GsasRawImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = linesOf(*text);
    if (lines.isEmpty()) return fail(file, "", "the file is empty");
    const QString title = lines.front().trimmed();
    QJsonObject meta;
    meta.insert("file_format", QStringLiteral("GSAS powder data"));
    if (!title.isEmpty()) meta.insert("title", title);
    std::vector<XrdScan> scans;
    qsizetype i = 1;
    for (; i < lines.size() && !isBankLine(lines[i]); ++i) {
        const QString l = lines[i];
        if (l.startsWith(QLatin1String("Instrument parameter")))
            meta.insert("instrument_parameter_file",
                        l.mid(20).trimmed().remove(QRegularExpression("^[:= ]+")));
        else if (l.startsWith(QLatin1String("TIME_MAP")))
            return fail(file, lineAt(i), "a TIME_MAP record: this is time-of-flight data, not a 2θ pattern");
        else if (!l.startsWith('#') && !l.trimmed().isEmpty())
            return fail(file, lineAt(i),
                        "expected a comment, 'Instrument parameter' or BANK line, found " +
                            textnum::quoteCell(l));
    }
    if (i >= lines.size()) return fail(file, "", "no BANK line: this is not a complete GSAS data file");
    while (i < lines.size()) {
        if (lines[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        if (!isBankLine(lines[i]))
            return fail(file, lineAt(i), "expected a BANK line, found " + textnum::quoteCell(lines[i]));
        const qsizetype bankLine = i;
        const QStringList t = lines[i].simplified().split(' ');
        bool okN = false, okR = false;
        const qint64 nchan = t.size() > 2 ? t[2].toLongLong(&okN) : 0;
        const qint64 nrec = t.size() > 3 ? t[3].toLongLong(&okR) : 0;
        if (t.size() < 7 || !okN || !okR || nchan <= 0 || nrec <= 0 || nchan > kMaxScanPoints ||
            nrec > kMaxScanPoints)
            return fail(
                file, lineAt(i),
                "the BANK line needs 'BANK n NCHAN NREC CONST start step' with positive counts, found " +
                    textnum::quoteCell(lines[i], 80));
        const QString binType = t[4].toUpper();
        if (binType != QLatin1String("CONST") && binType != QLatin1String("CONS"))
            return fail(file, lineAt(i),
                        "bin type '" + messageText(t[4]) +
                            "': only constant-step (CONST) 2θ data are read; RALF, SLOG and TIME_MAP are "
                            "time-of-flight");
        const auto start = textnum::parseFinite(t[5]), step = textnum::parseFinite(t[6]);
        if (!start || !step || *step == 0.0)
            return fail(file, lineAt(i), "the BANK line's start and step (centidegrees) are not numbers");
        QString type = QStringLiteral("STD");
        for (qsizetype k = 7; k < t.size(); ++k)
            if (const QString u = t[k].toUpper(); u == QLatin1String("STD") || u == QLatin1String("ESD") ||
                                                  u == QLatin1String("FXYE") || u == QLatin1String("FXY") ||
                                                  u == QLatin1String("ALT"))
                type = u;
        if (type == QLatin1String("ALT"))
            return fail(file, lineAt(i), "ALT records (time-of-flight) are not read");
        ++i;
        XrdScan s;
        s.where = "bank " + t[1].toStdString() + " (" + lineAt(bankLine) + ")";
        s.metadata.insert("step_deg", *step / 100.0);
        const bool free = type.startsWith(QLatin1String("FXY"));
        // Records run to the next BANK line or the end of the file.
        qsizetype records = 0;
        for (; i < lines.size() && !isBankLine(lines[i]) && qint64(s.intensity.size()) < nchan; ++i) {
            const QString& rec = lines[i];
            if (rec.trimmed().isEmpty()) continue;
            ++records;
            if (free) {
                const auto c = splitCells(rec);
                const qsizetype want = type == QLatin1String("FXYE") ? 3 : 2;
                if (c.size() < want)
                    return fail(file, lineAt(i),
                                "expected " + std::to_string(want) + " values (2θ·100, intensity" +
                                    (want == 3 ? ", σ" : "") + "), found " + std::to_string(c.size()));
                double v[3] = {0, 0, 0};
                for (qsizetype k = 0; k < want; ++k)
                    if (!textnum::parseNumber(c[k], false, v[k]))
                        return fail(file, lineAt(i) + ", column " + std::to_string(k + 1),
                                    textnum::notANumberReason(c[k], false));
                s.twoThetaDeg.push_back(v[0] / 100.0);
                s.intensity.push_back(v[1]);
                if (want == 3) s.sigma.push_back(v[2]);
                continue;
            }
            // Fixed-width 80-column records; short lines had their trailing blanks stripped.
            const QString padded = rec.leftJustified(80, ' ');
            const bool esd = type == QLatin1String("ESD");
            const int fields = esd ? 5 : 10, width = esd ? 16 : 8;
            for (int f = 0; f < fields && qint64(s.intensity.size()) < nchan; ++f) {
                const qsizetype at = qsizetype(f) * width;
                std::optional<double> y, e;
                if (esd) {
                    y = field(padded, at, 8, 0.0);
                    e = field(padded, at + 8, 8, 0.0);
                } else {
                    const auto n = field(padded, at, 2, 1.0);
                    y = field(padded, at + 2, 6, 0.0);
                    if (n && y) e = std::sqrt(std::max(*y, 0.0) / std::max(*n, 1.0));
                }
                if (!y || !e)
                    return fail(
                        file,
                        lineAt(i) + ", columns " + std::to_string(at + 1) + "–" + std::to_string(at + width),
                        "the field " + textnum::quoteCell(padded.mid(at, width)) + " is not a number");
                s.intensity.push_back(*y);
                s.sigma.push_back(*e);
            }
        }
        if (qint64(s.intensity.size()) < nchan)
            return fail(file, lineAt(bankLine),
                        "the bank declares " + std::to_string(nchan) + " points but holds " +
                            std::to_string(s.intensity.size()) + " (" + std::to_string(records) + " of " +
                            std::to_string(nrec) + " records): the file is cut short");
        if (!free) {
            s.twoThetaDeg.resize(s.intensity.size());
            for (size_t k = 0; k < s.twoThetaDeg.size(); ++k)
                s.twoThetaDeg[k] = (*start + *step * double(k)) / 100.0;
        }
        scans.push_back(std::move(s));
        // Trailing records beyond NCHAN points (padding) up to the next bank are ignored only if blank.
        for (; i < lines.size() && !isBankLine(lines[i]); ++i)
            if (!lines[i].trimmed().isEmpty() && free)
                return fail(file, lineAt(i),
                            "more rows than the BANK line declares (" + std::to_string(nchan) + ")");
    }
    return makeXrdDatasets(file, fileName, QString(), std::move(scans), meta);
}

} // namespace vanadis
