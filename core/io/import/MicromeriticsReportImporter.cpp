#include "io/import/MicromeriticsReportImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace vanadis {

namespace {

/// "- Adsorption" / "Desorption" on a line of its own: which branch the next table holds (-1: none).
int branchMarker(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*-?\\s*(Adsorption|Desorption)\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(line);
    if (!m.hasMatch()) return -1;
    return m.captured(1).compare(QLatin1String("Adsorption"), Qt::CaseInsensitive) == 0 ? 0 : 1;
}

/// The numbers of a data row (at least two), or an empty list.
QList<double> rowNumbers(const QString& line, bool decimalComma)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QList<double> out;
    for (const QString& cell : line.split(ws, Qt::SkipEmptyParts)) {
        const auto v = textnum::parseFinite(cell, decimalComma);
        if (!v) return {};
        out << *v;
    }
    return out.size() >= 2 ? out : QList<double>();
}

/// Inside a table, a line whose first word is a number (or NaN/inf) but which is not a row of at least two
/// finite numbers is a damaged row (a NaN cell, a cut-off last line), never text to skip. Returns why, or "".
std::string damagedRow(const QString& line, bool decimalComma)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    const QStringList cells = line.split(ws, Qt::SkipEmptyParts);
    double v;
    if (cells.isEmpty() || textnum::classify(cells.front(), decimalComma, v) == textnum::CellKind::Text)
        return {};
    for (qsizetype k = 0; k < cells.size(); ++k)
        if (!textnum::parseFinite(cells[k], decimalComma))
            return "column " + std::to_string(k + 1) + ": " +
                   textnum::notANumberReason(cells[k], decimalComma);
    return cells.size() < 2 ? std::string("only one value in this row (the file may be cut short)")
                            : std::string();
}

} // namespace

QString MicromeriticsReportImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Micromeritics report text (TriStar/ASAP/MicroActive)");
}

int MicromeriticsReportImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    QByteArray even = head;
    if ((head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) && even.size() % 2) even.chop(1);
    auto text = decodeText(even, QString());
    if (!text) return 0;
    bool marker = false;
    for (const QString& l : text->split(QRegularExpression("\\r\\n|\\n|\\r")))
        marker |= branchMarker(l) >= 0;
    return marker && text->contains(QLatin1String("Relative Pressure"), Qt::CaseInsensitive) &&
                   text->contains(QLatin1String("Quantity Adsorbed"), Qt::CaseInsensitive)
               ? 75
               : 0;
}

Expected<std::vector<ImportedDataset>> MicromeriticsReportImporter::read(const QByteArray& bytes,
                                                                         const QString& fileName,
                                                                         const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression("\\r\\n|\\n|\\r"));
    // Decimal comma when numbers in the tables use it ("0,0501   12,345").
    const bool decimalComma = text->contains(QRegularExpression("\\b\\d+,\\d+\\s+\\d+,\\d+"));
    static const QRegularExpression bracketed(QStringLiteral("\\(([^)]*)\\)"));

    IsothermAssembler assembler(fileName, id());
    assembler.setRelativePressure();
    std::optional<LoadingUnit> unit;
    QString unitText;
    int branch = -1;      // branch of the table being read
    bool inTable = false; // between a title block and the end of its rows
    QString titles;       // the title block collected since the branch marker
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& l = lines[i];
        if (const int b = branchMarker(l); b >= 0) {
            branch = b;
            inTable = false;
            titles.clear();
            continue;
        }
        if (branch < 0) continue;
        const QList<double> nums = rowNumbers(l, decimalComma);
        if (!nums.isEmpty()) {
            if (!inTable) {
                // The first row after a title block: the block must name both quantities.
                // Titles wrap word by word over lines ("Relative" above "Pressure"): look for the words.
                bool named = true;
                for (const char* w : {"Relative", "Pressure", "Quantity", "Adsorbed"})
                    named &= titles.contains(QLatin1String(w), Qt::CaseInsensitive);
                if (!named) continue; // numbers of another table under this heading (page numbers, summaries)
                // Titles may wrap ("Quantity Adsorbed" over "(cm³/g STP)"): the unit is the bracketed
                // text of the title block that reads as an amount per mass.
                QString u;
                std::optional<LoadingUnit> lu;
                auto it = bracketed.globalMatch(titles);
                while (it.hasNext() && !lu) {
                    u = it.next().captured(1).trimmed();
                    lu = IsothermAssembler::parseLoadingUnit(u);
                }
                if (!lu)
                    return fail(file, "line " + std::to_string(i + 1),
                                "the unit of 'Quantity Adsorbed' is not stated; choose it with the generic "
                                "text import");
                if (unit && u != unitText)
                    return fail(file, "line " + std::to_string(i + 1),
                                "the adsorption and desorption tables use different units");
                unit = lu;
                unitText = u;
                inTable = true;
            }
            IsothermAssembler::Point pt;
            pt.pressure = nums[0];
            pt.amount = nums[1];
            pt.branch = branch;
            pt.location = QStringLiteral("line %1").arg(i + 1);
            assembler.add(pt);
            continue;
        }
        if (inTable) {
            // A blank line or a page header interrupts the table; a repeated title block continues it.
            if (l.trimmed().isEmpty()) continue;
            if (const std::string why = damagedRow(l, decimalComma); !why.empty())
                return fail(file, "line " + std::to_string(i + 1), why + "; the isotherm table is damaged");
            if (l.contains(QLatin1String("Relative Pressure"), Qt::CaseInsensitive)) {
                titles = l;
                inTable = false;
                continue;
            }
            // Another section starts: leave the table (a later "- Desorption" reopens one).
            static const QRegularExpression otherSection(
                QStringLiteral("^\\s*[A-Z][A-Za-z ]+(Report|Plot|Summary)\\b"));
            if (otherSection.match(l).hasMatch()) branch = -1;
            continue;
        }
        titles += '\n' + l;
    }
    if (!unit || assembler.pointCount() == 0)
        return fail(
            file, "",
            "no isotherm table ('- Adsorption' with Relative Pressure and Quantity Adsorbed) was found");
    assembler.setLoadingUnit(*unit);
    assembler.metadata().insert("instrument", QStringLiteral("Micromeritics (report text)"));
    auto ds = assembler.finish(QFileInfo(fileName).completeBaseName());
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
