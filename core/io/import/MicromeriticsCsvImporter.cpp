#include "io/import/MicromeriticsCsvImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace vanadis {

namespace {

bool isPressureTitle(const QString& t)
{
    return t.contains(QLatin1String("relative pressure"), Qt::CaseInsensitive);
}
bool isAmountTitle(const QString& t)
{
    return t.contains(QLatin1String("quantity adsorbed"), Qt::CaseInsensitive);
}

/// The delimiter of the header line: the candidate that splits it into pressure/amount titles.
QChar headerDelimiter(const QString& header)
{
    for (QChar d : {QChar(';'), QChar('\t'), QChar(',')}) {
        const QStringList cells = header.split(d);
        if (cells.size() >= 2 && isPressureTitle(cells[0]) && isAmountTitle(cells[1])) return d;
    }
    return QChar();
}

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.mid(1, s.size() - 2);
    return s;
}

} // namespace

QString MicromeriticsCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Micromeritics isotherm table (CSV/TXT export)");
}

int MicromeriticsCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    auto text = decodeText(head, QString());
    if (!text) return 0;
    const QString first = text->section(QRegularExpression("\\r\\n|\\n|\\r"), 0, 0);
    return headerDelimiter(first).isNull() ? 0 : 80;
}

Expected<std::vector<ImportedDataset>>
MicromeriticsCsvImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression("\\r\\n|\\n|\\r"));
    const QChar delim = headerDelimiter(lines.value(0));
    if (delim.isNull())
        return fail(
            file, "line 1",
            "no 'Relative Pressure' / 'Quantity Adsorbed' column titles: not a Micromeritics isotherm table");
    const QStringList titles = lines[0].split(delim);
    // Column pairs: (pressure, amount) — the first pair is adsorption, a second one desorption.
    std::vector<std::pair<int, int>> pairs;
    for (int c = 0; c + 1 < titles.size(); ++c)
        if (isPressureTitle(titles[c]) && isAmountTitle(titles[c + 1])) pairs.emplace_back(c, c + 1);
    if (pairs.size() > 2)
        return fail(file, "line 1",
                    "more than two pressure/amount column pairs; only adsorption and desorption are known");
    const QString unitText = IsothermAssembler::unitInParentheses(unquote(titles[pairs[0].second]));
    const auto unit = IsothermAssembler::parseLoadingUnit(unitText);
    if (!unit)
        return fail(file, "line 1",
                    "the unit of 'Quantity Adsorbed' is not stated or not an amount per mass ('" +
                        unitText.toStdString() + "'); choose it with the generic text import");
    for (const auto& [p, a] : pairs)
        if (IsothermAssembler::unitInParentheses(unquote(titles[a])) != unitText)
            return fail(file, "line 1", "the adsorption and desorption amounts are in different units");
    // A decimal comma is used whenever the delimiter is not a comma and a number contains one.
    const bool decimalComma = delim != ',' && text->contains(QRegularExpression("\\d,\\d"));

    IsothermAssembler assembler(fileName, id());
    assembler.setRelativePressure();
    assembler.setLoadingUnit(*unit);
    assembler.setHeaderLocation("line 1");
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty()) continue;
        const QStringList cells = lines[i].split(delim);
        if (cells.size() < titles.size())
            return fail(file, "line " + std::to_string(i + 1),
                        "expected " + std::to_string(titles.size()) + " cells, found " +
                            std::to_string(cells.size()) + " (truncated row?)");
        for (size_t b = 0; b < pairs.size(); ++b) {
            const QString ps = unquote(cells[pairs[b].first]), as = unquote(cells[pairs[b].second]);
            if (ps.isEmpty() && as.isEmpty()) continue; // this branch is shorter
            const auto p = textnum::parseFinite(ps, decimalComma), a = textnum::parseFinite(as, decimalComma);
            if (!p || !a)
                return fail(file,
                            "line " + std::to_string(i + 1) + ", column " +
                                std::to_string((p ? pairs[b].second : pairs[b].first) + 1),
                            textnum::notANumberReason(p ? as : ps, decimalComma));
            IsothermAssembler::Point pt;
            pt.pressure = *p;
            pt.amount = *a;
            pt.branch = pairs.size() == 2 ? int(b) : -1;
            pt.location = QStringLiteral("line %1").arg(i + 1);
            assembler.add(pt);
        }
    }
    if (assembler.pointCount() == 0) return fail(file, "", "the table holds no points");
    assembler.metadata().insert("instrument", QStringLiteral("Micromeritics (table export)"));
    auto ds = assembler.finish(QFileInfo(fileName).completeBaseName());
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
