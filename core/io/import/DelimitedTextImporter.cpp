#include "io/import/DelimitedTextImporter.h"

#include "io/import/ColumnRoles.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XpsImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>

namespace vanadis {

namespace {

constexpr int kMaxColumns = 4096;
/// No row of at most kMaxColumns numbers is longer; longer lines (a file without line breaks, binary
/// data decoded as text) are never split into cells, which keeps hostile input linear and fast.
constexpr qsizetype kMaxLineChars = qsizetype(kMaxColumns) * 64;
/// Characters each delimiter candidate may examine during detection.
constexpr qsizetype kScanBudgetChars = 4 * 1024 * 1024;

QStringList splitLine(const QString& line, QChar delim)
{
    static const QRegularExpression whitespace(QStringLiteral("[ \\t]+"));
    if (delim == ' ') return line.split(whitespace, Qt::SkipEmptyParts);
    QStringList cells;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line[i];
        if (ch == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (ch == delim && !quoted) {
            cells << cur.trimmed();
            cur.clear();
        } else {
            cur += ch;
        }
    }
    cells << cur.trimmed();
    return cells;
}

using textnum::CellKind;

/// A data cell: a finite number, or empty (a missing value, kept as NaN). TextNumbers.h has the rule.
bool parseCell(const QString& cell, bool decimalComma, double& out)
{
    const CellKind k = textnum::classify(cell, decimalComma, out);
    return k == CellKind::Number || k == CellKind::Empty;
}

bool isNumericRow(const QStringList& cells, bool decimalComma)
{
    if (cells.isEmpty()) return false;
    int numbers = 0;
    for (const QString& c : cells) {
        double v;
        switch (textnum::classify(c, decimalComma, v)) {
        case CellKind::Empty:
            break;
        case CellKind::Number:
            ++numbers;
            break;
        case CellKind::Text:
            if (branchWord(c)) break; // "ads"/"des" in a Branch column
            return false;
        case CellKind::NonFinite:
            return false;
        }
    }
    return numbers > 0;
}

/// A row of numbers in this layout (over-long lines never are).
bool isNumericLine(const QString& line, QChar delim, bool decimalComma)
{
    return line.size() <= kMaxLineChars && isNumericRow(splitLine(line, delim), decimalComma);
}

/// Instrument exports often put the column names on a comment line ("# 2Theta Intensity").
bool isCommentLine(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(#|%|!|//)"));
    return re.match(line).hasMatch();
}

QString withoutCommentMarker(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(#|%|!|//)\\s*"));
    return QString(line).remove(re);
}

/// A cell of a unit row: "s", "mA", "[V]", "(°C)", or empty. "Time (s)" is a name with its unit, so a
/// row of those is a header, not a unit row.
bool looksLikeUnit(const QString& cell)
{
    const QString c = cell.trimmed();
    if (c.isEmpty()) return true;
    if ((c.startsWith('[') && c.endsWith(']')) || (c.startsWith('(') && c.endsWith(')'))) return true;
    if (c.contains('(') || c.contains('[')) return false;
    return c.size() <= 8;
}

} // namespace

QString DelimitedTextImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Delimited text (CSV, TSV, columns)");
}

int DelimitedTextImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    // The fallback for any text file: specific instrument readers score higher.
    if (!looksLikeText(head)) return 0;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == "csv" || suffix == "tsv" || suffix == "txt" || suffix == "dat") return 20;
    return 10;
}

std::pair<QString, QString> DelimitedTextImporter::splitNameUnit(const QString& header)
{
    static const QRegularExpression paren(QStringLiteral("^(.*?)\\s*[\\(\\[]([^\\)\\]]*)[\\)\\]]\\s*$"));
    static const QRegularExpression slash(QStringLiteral("^([^/]+?)\\s*/\\s*(.+)$"));
    const QString h = header.trimmed();
    if (auto m = paren.match(h); m.hasMatch() && !m.captured(1).isEmpty())
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    // "P/P0" is a quantity, not "P in units of P0".
    if (auto m = slash.match(h);
        m.hasMatch() &&
        !h.contains(QRegularExpression("^p\\s*/\\s*p", QRegularExpression::CaseInsensitiveOption)))
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    return {h, QString()};
}

std::optional<std::pair<Technique, QString>> DelimitedTextImporter::guessTechnique(const QStringList& names)
{
    const QString all = names.join('|').toLower();
    auto has = [&](const char* re) { return all.contains(QRegularExpression(QLatin1String(re))); };
    if (has("frequency|freq") && has("z'|zre|z_re|re\\(z\\)|-z''|zim"))
        return std::pair{Technique::Echem, QStringLiteral("eis")};
    if (has("2theta|2-theta|2θ|two.?theta|angle"))
        return std::pair{Technique::Xrd, QStringLiteral("pattern")};
    if (has("binding|kinetic energy|\\bbe\\b")) return std::pair{Technique::Xps, QStringLiteral("spectrum")};
    if (has("p/p0|p/p°|relative pressure|p/po")) return std::pair{Technique::Bet, QStringLiteral("isotherm")};
    if (has("temp") && has("mass|weight|tg|gewicht"))
        return std::pair{Technique::Tga, QStringLiteral("mass")};
    // English and German instrument exports (EC-Lab, LAND and BioLogic in German locales).
    if (has("scan rate|vorschub") || (has("potential|ewe|voltage|spannung") && has("current|strom") &&
                                      !has("capacity|kapazit|cycle|zyklus")))
        return std::pair{Technique::Echem, QStringLiteral("cv")};
    if (has("charge capacity|discharge capacity|coulombic|ladekapazit|entladekapazit"))
        return std::pair{Technique::Echem, QStringLiteral("cycling")};
    if (has("voltage|potential|current|capacity|spannung|strom|kapazit|ladung"))
        return std::pair{Technique::Echem, QStringLiteral("gcd")};
    return std::nullopt;
}

Expected<DelimitedLayout> DelimitedTextImporter::detect(const QString& text, const QString& fileName,
                                                        const DelimitedOptions& options)
{
    const std::string name = fileName.toStdString();
    const QStringList lines = text.split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    // Candidates are scored on the first 400 lines: the delimiter whose numeric rows have the most
    // consistent, largest column count wins.
    const QList<QChar> delims =
        options.delimiter ? QList<QChar>{*options.delimiter} : QList<QChar>{'\t', ';', ',', ' '};
    DelimitedLayout best;
    int bestScore = -1;
    int longLine = -1; // first over-long line seen, for the message when nothing is found
    for (QChar d : delims) {
        for (bool comma : {false, true}) {
            if (options.decimalComma && *options.decimalComma != comma) continue;
            if (comma && d == ',') continue;
            int firstData = -1, cols = 0, rows = 0;
            qsizetype scanned = 0;
            for (int i = 0; i < lines.size() && i < 400 && scanned < kScanBudgetChars; ++i) {
                if (lines[i].size() > kMaxLineChars) {
                    if (longLine < 0) longLine = i;
                    if (firstData >= 0) break;
                    continue;
                }
                scanned += lines[i].size();
                if (lines[i].trimmed().isEmpty()) continue;
                const QStringList cells = splitLine(lines[i], d);
                if (isNumericRow(cells, comma)) {
                    if (firstData < 0) {
                        firstData = i;
                        cols = int(cells.size());
                    }
                    if (cells.size() == cols) ++rows;
                } else if (firstData >= 0) {
                    break;
                }
            }
            if (firstData < 0 || cols < 1) continue;
            const int score = rows * 10 + cols * (cols > 1 ? 5 : 0) - (comma ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best.delimiter = d;
                best.decimalComma = comma;
                best.headerRows = firstData;
                best.columnCount = cols;
            }
        }
    }
    if (bestScore < 0 && longLine >= 0)
        return fail(name, "line " + std::to_string(longLine + 1),
                    "no rows of numbers were found; this line has " + std::to_string(lines[longLine].size()) +
                        " characters without a line break, so this is not a delimited data file");
    if (bestScore < 0)
        return fail(name, "", "no rows of numbers were found; this is not a delimited data file");
    if (best.columnCount > kMaxColumns) return fail(name, "", "too many columns (more than 4096)");
    if (options.headerRows) {
        // The mapping dialog lets the user type this; it indexes the lines below, so check it.
        if (*options.headerRows < 0 || *options.headerRows >= lines.size())
            return fail(name, "",
                        "the number of header rows (" + std::to_string(*options.headerRows) +
                            ") must be between 0 and " + std::to_string(lines.size() - 1) + " for this file");
        best.headerRows = *options.headerRows;
    }
    // Header: the last non-empty line above the data with as many cells as the data, optionally
    // followed by a row of units ("[s]", "(V)", "mAh/g"). A leading comment marker is not a cell.
    auto headerCells = [&](int i) { return splitLine(withoutCommentMarker(lines[i]), best.delimiter); };
    QStringList names, units;
    int headerLine = -1;
    for (int i = best.headerRows - 1; i >= 0; --i) {
        if (lines[i].size() > kMaxLineChars) break;
        if (lines[i].trimmed().isEmpty()) continue;
        const QStringList cells = headerCells(i);
        if (cells.size() == best.columnCount) {
            headerLine = i;
            break;
        }
        if (i < best.headerRows - 2) break;
    }
    if (headerLine >= 0) {
        QStringList cells = headerCells(headerLine);
        // A unit row directly above the data and below the names. A comment line ("# Sample CS")
        // above an uncommented header is not the names row.
        int namesLine = headerLine;
        bool unitRow = false;
        if (headerLine > 0 && lines[headerLine - 1].size() <= kMaxLineChars &&
            isCommentLine(lines[headerLine - 1]) == isCommentLine(lines[headerLine])) {
            const QStringList above = headerCells(headerLine - 1);
            const bool looksUnits = std::all_of(cells.begin(), cells.end(), looksLikeUnit);
            if (above.size() == best.columnCount && looksUnits && !isNumericRow(above, best.decimalComma)) {
                namesLine = headerLine - 1;
                unitRow = true;
            }
        }
        const QStringList nameCells = headerCells(namesLine);
        for (int c = 0; c < best.columnCount; ++c) {
            auto [n, u] = splitNameUnit(nameCells.value(c));
            if (unitRow) {
                QString ru = cells.value(c).trimmed();
                if ((ru.startsWith('[') && ru.endsWith(']')) || (ru.startsWith('(') && ru.endsWith(')')))
                    ru = ru.mid(1, ru.size() - 2);
                if (!ru.isEmpty()) u = ru;
            }
            names << (n.isEmpty() ? QStringLiteral("Column %1").arg(c + 1) : n);
            units << u;
        }
    } else {
        for (int c = 0; c < best.columnCount; ++c) {
            names << QStringLiteral("Column %1").arg(c + 1);
            units << QString();
        }
    }
    best.columnNames = names;
    best.columnUnits = units;
    for (int i = best.headerRows; i < lines.size() && best.preview.size() < 20; ++i)
        if (!lines[i].trimmed().isEmpty())
            best.preview.push_back(splitLine(lines[i].left(kMaxLineChars), best.delimiter));
    return best;
}

Expected<std::vector<ImportedDataset>> DelimitedTextImporter::read(const QByteArray& bytes,
                                                                   const QString& fileName,
                                                                   const ImportOptions& options) const
{
    const std::string name = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    auto layout = detect(*text, fileName, options.delimited);
    if (!layout) return std::unexpected(layout.error());
    const QStringList lines = text->split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));

    std::vector<ColumnMapping> mapping = options.delimited.mapping;
    if (mapping.empty())
        for (int c = 0; c < layout->columnCount; ++c)
            mapping.push_back({c, layout->columnNames[c], layout->columnUnits[c]});
    // snake_case headers ("relative_pressure", "amount_mmol_g", "temperature_c") name the columns the
    // analyses read, with the unit their suffix gives (ColumnRoles.h).
    for (auto& m : mapping)
        if (m.unit.isEmpty())
            if (const auto canon = canonicalColumn(m.quantity)) {
                m.quantity = canon->first;
                m.unit = canon->second;
            }
    for (const auto& m : mapping)
        if (m.sourceColumn < 0 || m.sourceColumn >= layout->columnCount)
            return fail(name, "",
                        "column " + std::to_string(m.sourceColumn + 1) + " does not exist (the file has " +
                            std::to_string(layout->columnCount) + ")");

    std::vector<Column> cols;
    for (const auto& m : mapping)
        cols.push_back({m.quantity, m.unit, {}});
    std::vector<double> row(mapping.size());
    // Text after the data ("End of scan", "Total counts,14950") ends it: a row that starts with a
    // word, after which no row of numbers follows. A row that starts with a number but is not a full
    // row of numbers is damaged data, never a footer, so the last row cannot be dropped silently.
    auto onlyFooterFrom = [&](int first) {
        for (int j = first; j < lines.size(); ++j)
            if (isNumericLine(lines[j], layout->delimiter, layout->decimalComma)) return false;
        return true;
    };
    // A row that starts with a number, NaN or infinity is data; only a word can start a footer.
    auto isFooter = [&](const QStringList& cells, int i) {
        for (const QString& c : cells) {
            double v;
            const CellKind k = textnum::classify(c, layout->decimalComma, v);
            if (k == CellKind::Empty) continue;
            if (k != CellKind::Text) return false;
            break;
        }
        return !isNumericRow(cells, layout->decimalComma) && onlyFooterFrom(i + 1);
    };
    qsizetype emptyCells = 0;
    std::string firstEmpty;
    std::vector<int> rowLines; // 1-based line of each row kept
    for (int i = layout->headerRows; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.size() > kMaxLineChars) {
            if (onlyFooterFrom(i + 1)) break;
            return fail(name, "line " + std::to_string(i + 1),
                        "the line has " + std::to_string(line.size()) +
                            " characters, more than any row of numbers (binary or damaged file?)");
        }
        if (line.trimmed().isEmpty()) continue;
        const QStringList cells = splitLine(line, layout->delimiter);
        if (cells.size() != layout->columnCount) {
            if (isFooter(cells, i)) break;
            return fail(name, "line " + std::to_string(i + 1),
                        "expected " + std::to_string(layout->columnCount) + " columns, found " +
                            std::to_string(cells.size()) + " (truncated or garbled row?)");
        }
        // The whole row is parsed before any value is kept, so that all columns stay equally long.
        bool footer = false;
        for (size_t k = 0; k < mapping.size() && !footer; ++k) {
            const QString& cell = cells[mapping[k].sourceColumn];
            if (mapping[k].quantity == QLatin1String("Branch"))
                if (const auto b = branchWord(cell)) {
                    row[k] = *b;
                    continue;
                }
            if (!parseCell(cell, layout->decimalComma, row[k])) {
                footer = isFooter(cells, i);
                if (!footer)
                    return fail(name,
                                "line " + std::to_string(i + 1) + ", column " +
                                    std::to_string(mapping[k].sourceColumn + 1),
                                textnum::notANumberReason(cell, layout->decimalComma));
            }
        }
        if (footer) break;
        for (size_t k = 0; k < mapping.size(); ++k) {
            if (std::isnan(row[k]) && emptyCells++ == 0)
                firstEmpty = "line " + std::to_string(i + 1) + ", column " +
                             std::to_string(mapping[k].sourceColumn + 1);
            cols[k].values.push_back(row[k]);
        }
        rowLines.push_back(i + 1);
    }
    if (cols.empty() || cols.front().values.empty()) return fail(name, "", "the file holds no data rows");

    ImportedDataset ds;
    QStringList names;
    for (const auto& c : cols)
        names << c.name;
    auto guess = guessTechnique(names);
    if (options.technique) {
        ds.technique = *options.technique;
        ds.kind = guess && guess->first == *options.technique ? guess->second : QString();
    } else if (guess) {
        ds.technique = guess->first;
        ds.kind = guess->second;
    } else {
        return fail(name, "",
                    "the technique cannot be told from the column names (" +
                        names.join(", ").left(120).toStdString() + "); choose it explicitly");
    }
    // Two-column XPS exports (LG4X-V2 "BE/eV,In…") carry the region only in the file name ("PET_C1s.csv").
    if (ds.technique == Technique::Xps && ds.kind == QLatin1String("spectrum"))
        if (const QString region = xpsimport::regionFromFileName(QFileInfo(fileName).completeBaseName());
            !region.isEmpty())
            ds.kind = region;
    if (!options.kind.isEmpty()) ds.kind = options.kind;
    if (ds.kind.isEmpty()) ds.kind = QStringLiteral("data");
    ds.name = QFileInfo(fileName).completeBaseName();
    ds.columns = std::move(cols);
    ds.metadata.insert("delimiter",
                       layout->delimiter == '\t' ? QStringLiteral("tab") : QString(layout->delimiter));
    ds.metadata.insert("decimal_comma", layout->decimalComma);
    ds.metadata.insert("header_rows", layout->headerRows);
    if (ds.technique == Technique::Bet)
        if (auto screened = leaveOutNoisePressures(ds, rowLines, name); !screened)
            return std::unexpected(screened.error());
    if (emptyCells > 0)
        addImportWarning(
            ds, QStringLiteral("%1 empty cell(s) were imported as missing values (NaN), the first at %2.")
                    .arg(emptyCells)
                    .arg(QString::fromStdString(firstEmpty)));
    return std::vector<ImportedDataset>{std::move(ds)};
}

} // namespace vanadis
