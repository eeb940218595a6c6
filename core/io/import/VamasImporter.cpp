#include "io/import/VamasImporter.h"

#include "io/MessageText.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"
#include "io/import/XpsImportSupport.h"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <array>
#include <cmath>

namespace vanadis {

namespace {

const char* const kMagic = "VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4";

/// Thrown inside the parser only and turned into an Error in read(): the position-based format makes
/// "expected X at line N" the natural unit of failure.
struct ParseFailure {
    qsizetype line; ///< 0-based, or −1 for "end of file"
    std::string reason;
};

bool isNotGiven(double v)
{
    return std::abs(v) >= 9.99e36; // 1E37 (also written 1e+037) means "not given"
}

/// The experiment modes and what they imply (ISO 14976; xps.md §7).
bool modeIn(const QString& m, std::initializer_list<const char*> list)
{
    for (const char* s : list)
        if (m == QLatin1String(s)) return true;
    return false;
}

class Reader {
public:
    Reader(QStringList lines) : m_lines(std::move(lines)) {}

    qsizetype position() const { return m_pos; }
    qsizetype remaining() const { return m_lines.size() - m_pos; }
    bool atEnd() const { return m_pos >= m_lines.size(); }

    /// The next line, right-trimmed of spaces (PHI pads values with trailing spaces).
    QString text(const char* what)
    {
        if (m_pos >= m_lines.size())
            throw ParseFailure{-1, std::string("the file ends where ") + what + " was expected"};
        QString s = m_lines[m_pos++];
        while (!s.isEmpty() && s.back().isSpace())
            s.chop(1);
        return s;
    }
    double number(const char* what)
    {
        const QString s = text(what).trimmed();
        double v = 0.0;
        const auto kind = textnum::classify(s, false, v);
        if (kind == textnum::CellKind::Number) return v;
        throw ParseFailure{m_pos - 1,
                           std::string(what) + " should be a number, found " + textnum::quoteCell(s) +
                               (kind == textnum::CellKind::NonFinite ? "" : " (a line may be missing)")};
    }
    int integer(const char* what, int lo, int hi)
    {
        const double v = number(what);
        if (v != std::floor(v) || v < lo || v > hi)
            throw ParseFailure{m_pos - 1, std::string(what) + " should be a whole number from " +
                                              std::to_string(lo) + " to " + std::to_string(hi) + ", found " +
                                              textnum::quoteCell(m_lines[m_pos - 1].trimmed())};
        return int(v);
    }
    void skip(int n, const char* what)
    {
        for (int i = 0; i < n; ++i)
            text(what);
    }

private:
    QStringList m_lines;
    qsizetype m_pos = 0;
};

struct Header {
    QString institution, instrument, op, experimentId;
    QStringList comments;
    QString mode, scanMode;
    int expVariables = 0;
    std::array<bool, 40> include{};
    int blockFutureEntries = 0;
    int blocks = 0;
};

/// Raw lines of one of the 40 block parameters (numbered as in ISO 14976, 1 = year … 40 = additional
/// numeric parameters; block and sample ids always present).
using Items = std::array<QStringList, 41>;

struct Block {
    QString blockId, sampleId, technique;
    Items items;
    QString abscissaLabel, abscissaUnit;
    double start = 0.0, step = 0.0;
    QStringList varLabels, varUnits;
    std::vector<double> values;
    qsizetype firstLine = 0;
};

const QStringList kModes = {"MAP", "MAPDP", "MAPSV", "MAPSVDP", "NORM", "SDP", "SDPSV", "SEM", "NOEXP"};
const QStringList kScanModes = {"REGULAR", "IRREGULAR", "MAPPING"};
const QStringList kTechniques = {"AES diff",
                                 "AES dir",
                                 "EDX",
                                 "ELS",
                                 "FABMS",
                                 "FABMS energy spec",
                                 "ISS",
                                 "SIMS",
                                 "SIMS energy spec",
                                 "SNMS",
                                 "SNMS energy spec",
                                 "UPS",
                                 "XPS",
                                 "XRF"};

Header readHeader(Reader& r)
{
    Header h;
    if (r.text("the VAMAS identification line").trimmed() != QLatin1String(kMagic))
        throw ParseFailure{0, "the first line is not the VAMAS identification line"};
    h.institution = r.text("the institution identifier").trimmed();
    h.instrument = r.text("the instrument model identifier").trimmed();
    h.op = r.text("the operator identifier").trimmed();
    h.experimentId = r.text("the experiment identifier").trimmed();
    const int nComments = r.integer("the number of experiment comment lines", 0, 1000000);
    for (int i = 0; i < nComments; ++i)
        h.comments << r.text("an experiment comment line");
    h.mode = r.text("the experiment mode").trimmed();
    if (!kModes.contains(h.mode))
        throw ParseFailure{r.position() - 1,
                           "unknown experiment mode " + textnum::quoteCell(h.mode) +
                               " (expected MAP, MAPDP, MAPSV, MAPSVDP, NORM, SDP, SDPSV, SEM "
                               "or NOEXP)"};
    h.scanMode = r.text("the scan mode").trimmed();
    if (!kScanModes.contains(h.scanMode))
        throw ParseFailure{r.position() - 1, "unknown scan mode " + textnum::quoteCell(h.scanMode) +
                                                 " (expected REGULAR, IRREGULAR or MAPPING)"};
    if (h.scanMode == QLatin1String("MAPPING"))
        throw ParseFailure{r.position() - 1, "MAPPING scans (images) are not read; export spectra instead"};
    if (modeIn(h.mode, {"MAP", "MAPDP", "NORM", "SDP"}))
        r.integer("the number of spectral regions", 0, 1 << 30);
    if (modeIn(h.mode, {"MAP", "MAPDP"})) {
        r.integer("the number of analysis positions", 0, 1 << 30);
        r.integer("the number of discrete x coordinates", 0, 1 << 30);
        r.integer("the number of discrete y coordinates", 0, 1 << 30);
    }
    h.expVariables = r.integer("the number of experimental variables", 0, 10000);
    r.skip(2 * h.expVariables, "an experimental variable label or unit");
    const int n = r.integer("the parameter inclusion/exclusion count", -40, 40);
    h.include.fill(n <= 0);
    for (int i = 0; i < std::abs(n); ++i) {
        const int item = r.integer("a parameter number of the inclusion list", 1, 40);
        h.include[std::size_t(item - 1)] = n > 0;
    }
    const int manual = r.integer("the number of manually entered items", 0, 1000);
    r.skip(manual, "a manually entered item");
    const int expFuture = r.integer("the number of future-upgrade experiment entries", 0, 100000);
    h.blockFutureEntries = r.integer("the number of future-upgrade block entries", 0, 100000);
    r.skip(expFuture, "a future-upgrade experiment entry");
    h.blocks = r.integer("the number of blocks", 0, 1 << 30);
    return h;
}

/// Reads one block. \a first holds the first block's items, used for items the inclusion list omits.
Block readBlock(Reader& r, const Header& h, const Items* first)
{
    Block b;
    b.firstLine = r.position();
    b.blockId = r.text("the block identifier").trimmed();
    b.sampleId = r.text("the sample identifier").trimmed();
    auto included = [&](int item) { return first == nullptr || h.include[std::size_t(item - 1)]; };
    // Reads item \a item as \a count lines (or takes it from the first block).
    auto item = [&](int itemNo, int count, const char* what) {
        if (!included(itemNo)) {
            b.items[std::size_t(itemNo)] = (*first)[std::size_t(itemNo)];
            return;
        }
        QStringList l;
        for (int i = 0; i < count; ++i)
            l << r.text(what);
        b.items[std::size_t(itemNo)] = l;
    };
    auto numberItem = [&](int itemNo, const char* what) {
        if (!included(itemNo)) {
            b.items[std::size_t(itemNo)] = (*first)[std::size_t(itemNo)];
            return;
        }
        b.items[std::size_t(itemNo)] = QStringList{QString::number(r.number(what), 'g', 17)};
    };
    numberItem(1, "the year");
    numberItem(2, "the month");
    numberItem(3, "the day");
    numberItem(4, "the hour");
    numberItem(5, "the minute");
    numberItem(6, "the second");
    numberItem(7, "the hours ahead of GMT");
    if (included(8)) {
        const int n = r.integer("the number of block comment lines", 0, 1000000);
        QStringList l;
        for (int i = 0; i < n; ++i)
            l << r.text("a block comment line");
        b.items[8] = l;
    } else {
        b.items[8] = (*first)[8];
    }
    item(9, 1, "the technique");
    b.technique = b.items[9].value(0).trimmed();
    if (!kTechniques.contains(b.technique))
        throw ParseFailure{r.position() - 1, "unknown technique " + textnum::quoteCell(b.technique) +
                                                 " (a line may be missing)"};
    const QString& t = b.technique;
    const QString& m = h.mode;
    if (modeIn(m, {"MAP", "MAPDP"})) item(10, 2, "the x/y coordinates");
    item(11, h.expVariables, "an experimental variable value");
    item(12, 1, "the analysis source label");
    const bool ionTechnique = t == QLatin1String("FABMS") || t == QLatin1String("FABMS energy spec") ||
                              t == QLatin1String("ISS") || t == QLatin1String("SIMS") ||
                              t == QLatin1String("SIMS energy spec") || t == QLatin1String("SNMS") ||
                              t == QLatin1String("SNMS energy spec");
    const bool depthProfile = modeIn(m, {"MAPDP", "MAPSVDP", "SDP", "SDPSV"});
    if (depthProfile || ionTechnique) item(13, 3, "the sputtering ion fields");
    numberItem(14, "the analysis source energy");
    numberItem(15, "the analysis source strength");
    item(16, 2, "the analysis source beam widths");
    if (modeIn(m, {"MAP", "MAPDP", "MAPSV", "MAPSVDP", "SEM"})) item(17, 2, "the field of view");
    if (modeIn(m, {"MAPSV", "MAPSVDP", "SEM"})) item(18, 6, "the linescan coordinates");
    numberItem(19, "the source polar angle of incidence");
    numberItem(20, "the source azimuth");
    item(21, 1, "the analyser mode");
    numberItem(22, "the analyser pass energy");
    if (t == QLatin1String("AES diff")) item(23, 1, "the differential width");
    numberItem(24, "the analyser lens magnification");
    numberItem(25, "the analyser work function");
    numberItem(26, "the target bias");
    item(27, 2, "the analysis widths");
    item(28, 2, "the take-off polar angle and azimuth");
    item(29, 1, "the species label");
    item(30, 2, "the transition label and particle charge");
    if (h.scanMode == QLatin1String("REGULAR")) {
        if (!included(31)) {
            b.items[31] = (*first)[31];
        } else {
            const QString label = r.text("the abscissa label");
            const QString unit = r.text("the abscissa unit");
            const double start = r.number("the abscissa start");
            const double step = r.number("the abscissa increment");
            b.items[31] =
                QStringList{label, unit, QString::number(start, 'g', 17), QString::number(step, 'g', 17)};
        }
        b.abscissaLabel = b.items[31].value(0).trimmed();
        b.abscissaUnit = b.items[31].value(1).trimmed();
        b.start = b.items[31].value(2).toDouble();
        b.step = b.items[31].value(3).toDouble();
    }
    if (included(32)) {
        const int c = r.integer("the number of corresponding variables", 1, 1000);
        QStringList l{QString::number(c)};
        for (int i = 0; i < 2 * c; ++i)
            l << r.text("a corresponding variable label or unit");
        b.items[32] = l;
    } else {
        b.items[32] = (*first)[32];
    }
    const int c = b.items[32].value(0).toInt();
    for (int i = 0; i < c; ++i) {
        b.varLabels << b.items[32].value(1 + 2 * i).trimmed();
        b.varUnits << b.items[32].value(2 + 2 * i).trimmed();
    }
    item(33, 1, "the signal mode");
    numberItem(34, "the signal collection time");
    numberItem(35, "the number of scans");
    numberItem(36, "the signal time correction");
    const bool electronOrPhoton = t == QLatin1String("AES diff") || t == QLatin1String("AES dir") ||
                                  t == QLatin1String("EDX") || t == QLatin1String("ELS") ||
                                  t == QLatin1String("UPS") || t == QLatin1String("XPS") ||
                                  t == QLatin1String("XRF");
    if (depthProfile && electronOrPhoton) item(37, 7, "the sputtering source fields");
    item(38, 2, "the sample tilt angle and azimuth");
    numberItem(39, "the sample rotation angle");
    if (included(40)) {
        const int n = r.integer("the number of additional numerical parameters", 0, 100000);
        QStringList l{QString::number(n)};
        for (int i = 0; i < n; ++i) {
            l << r.text("an additional parameter label") << r.text("an additional parameter unit");
            l << QString::number(r.number("an additional parameter value"), 'g', 17);
        }
        b.items[40] = l;
    } else {
        b.items[40] = (*first)[40];
    }
    r.skip(h.blockFutureEntries, "a future-upgrade block entry");
    const qsizetype countLine = r.position();
    const int nValues = r.integer("the number of ordinate values", 0, 1 << 28);
    if (c <= 0 || nValues % c != 0)
        throw ParseFailure{countLine, "the number of ordinate values (" + std::to_string(nValues) +
                                          ") is not a multiple of the " + std::to_string(c) +
                                          " corresponding variables"};
    r.skip(2 * c, "a minimum/maximum ordinate value");
    // A count larger than the file cannot be right; reserve no more than the lines there are.
    b.values.reserve(std::size_t(std::min<qsizetype>(nValues, r.remaining())));
    for (int i = 0; i < nValues; ++i) {
        const double v = r.number("an ordinate value");
        b.values.push_back(v);
    }
    return b;
}

double itemNumber(const Block& b, int item, int index = 0)
{
    bool ok = false;
    const double v = b.items[std::size_t(item)].value(index).trimmed().toDouble(&ok);
    return ok ? v : std::nan("");
}

void putNumber(QJsonObject& o, const char* key, double v)
{
    if (std::isfinite(v) && !isNotGiven(v)) o.insert(QLatin1String(key), v);
}

} // namespace

QString VamasImporter::displayName() const
{
    return QCoreApplication::translate("vanadis",
                                       "VAMAS ISO 14976 (XPS: CasaXPS, Kratos, PHI, Omicron, SPECS)");
}

int VamasImporter::sniff(const QByteArray& head, const QString&) const
{
    QByteArray h = head.left(300);
    if (h.startsWith("\xEF\xBB\xBF")) h.remove(0, 3);
    // Some writers (an LG4X-V2 example) put blank lines before the identification line.
    return h.trimmed().startsWith(kMagic) ? 100 : 0;
}

Expected<std::vector<ImportedDataset>> VamasImporter::read(const QByteArray& bytes, const QString& fileName,
                                                           const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto decoded = decodeText(bytes, fileName);
    if (!decoded) return std::unexpected(decoded.error());
    static const QRegularExpression eol(QStringLiteral("\r\n|\n|\r"));
    QStringList lines = decoded->split(eol);
    if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
    if (!lines.isEmpty() && lines.front().startsWith(QChar(0xFEFF))) lines.front().remove(0, 1);
    while (!lines.isEmpty() && lines.front().trimmed().isEmpty())
        lines.removeFirst();

    Reader r(lines);
    Header h;
    std::vector<Block> blocks;
    std::string where = "header";
    try {
        h = readHeader(r);
        for (int i = 0; i < h.blocks; ++i) {
            if (r.atEnd() || (i > 0 && r.position() < lines.size() &&
                              lines[r.position()].trimmed().compare(QLatin1String("end of experiment"),
                                                                    Qt::CaseInsensitive) == 0))
                throw ParseFailure{r.position() < lines.size() ? r.position() : -1,
                                   "the header announces " + std::to_string(h.blocks) +
                                       " blocks but the file holds only " + std::to_string(i)};
            where = "block " + std::to_string(i + 1);
            const qsizetype idLine = r.position();
            if (idLine < lines.size()) {
                const QString id = lines[idLine].trimmed();
                if (!id.isEmpty()) where += " ('" + messageText(id.left(40)) + "')";
            }
            blocks.push_back(readBlock(r, h, blocks.empty() ? nullptr : &blocks.front().items));
        }
    } catch (const ParseFailure& f) {
        const std::string line = f.line < 0 ? "end of file (line " + std::to_string(lines.size()) + ")"
                                            : "line " + std::to_string(f.line + 1);
        return fail(file, where + ", " + line, f.reason);
    }
    bool ended = false;
    while (!r.atEnd()) {
        const QString s = r.text("end of experiment").trimmed();
        if (s.isEmpty()) continue;
        if (s.compare(QLatin1String("end of experiment"), Qt::CaseInsensitive) == 0)
            ended = true;
        else
            return fail(file, "line " + std::to_string(r.position()),
                        "unexpected text " + textnum::quoteCell(s) + " after the last of the " +
                            std::to_string(h.blocks) +
                            " blocks the header announces (block count too small?)");
        break;
    }
    if (blocks.empty()) return fail(file, "header", "the file holds no spectra (0 blocks)");

    const QString baseName = QFileInfo(fileName).completeBaseName();
    std::vector<ImportedDataset> out;
    QStringList labels;
    for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
        const Block& b = blocks[bi];
        const std::string where =
            "block " + std::to_string(bi + 1) +
            (b.blockId.isEmpty() ? std::string() : " ('" + messageText(b.blockId.left(40)) + "')");
        const int c = b.varLabels.size();
        const std::size_t n = b.values.size() / std::size_t(c);
        if (n == 0) return fail(file, where, "the block holds no data points");
        const bool irregular = h.scanMode == QLatin1String("IRREGULAR");
        if (irregular && c < 2)
            return fail(file, where, "an IRREGULAR block needs the abscissa and at least one more variable");
        for (std::size_t i = 0; i < b.values.size(); ++i)
            if (!std::isfinite(b.values[i]))
                return fail(file, where + ", point " + std::to_string(i / std::size_t(c) + 1),
                            "a value is not a finite number");
        std::vector<double> x(n);
        std::vector<std::vector<double>> vars(std::size_t(c), std::vector<double>(n, 0.0));
        for (std::size_t i = 0; i < n; ++i)
            for (int k = 0; k < c; ++k)
                vars[std::size_t(k)][i] = b.values[i * std::size_t(c) + std::size_t(k)];
        QString xLabel = b.abscissaLabel, xUnit = b.abscissaUnit;
        const int firstY = irregular ? 1 : 0;
        if (irregular) {
            x = vars[0];
            xLabel = b.varLabels.value(0);
            xUnit = b.varUnits.value(0);
        } else {
            for (std::size_t i = 0; i < n; ++i)
                x[i] = b.start + b.step * double(i);
        }
        const double hv = itemNumber(b, 14);
        const bool kinetic = xLabel.trimmed().startsWith(QLatin1String("kinetic"), Qt::CaseInsensitive);
        const bool binding = xLabel.trimmed().startsWith(QLatin1String("binding"), Qt::CaseInsensitive);
        const bool electron = b.technique == QLatin1String("XPS") || b.technique == QLatin1String("UPS");

        QJsonObject md;
        md.insert("file_format", "VAMAS");
        md.insert("experiment_mode", h.mode);
        md.insert("scan_mode", h.scanMode);
        md.insert("block_id", b.blockId);
        md.insert("sample_id", b.sampleId);
        md.insert("block_index", int(bi + 1));
        md.insert("vamas_technique", b.technique);
        if (!h.institution.isEmpty()) md.insert("institution", h.institution);
        if (!h.instrument.isEmpty()) md.insert("instrument", h.instrument);
        if (!h.op.isEmpty()) md.insert("operator", h.op);
        if (!h.experimentId.isEmpty()) md.insert("experiment_id", h.experimentId);
        const int year = int(itemNumber(b, 1)), month = int(itemNumber(b, 2)), day = int(itemNumber(b, 3));
        if (QDate(year, month, day).isValid()) {
            const QTime time(int(itemNumber(b, 4)), int(itemNumber(b, 5)), int(itemNumber(b, 6)));
            md.insert("acquired", QDate(year, month, day).toString(Qt::ISODate) +
                                      (time.isValid() ? "T" + time.toString(Qt::ISODate) : QString()));
        }
        md.insert("source", b.items[12].value(0).trimmed());
        putNumber(md, "excitation_energy_ev", hv);
        putNumber(md, "source_strength", itemNumber(b, 15));
        md.insert("analyser_mode", b.items[21].value(0).trimmed());
        putNumber(md, "pass_energy_ev", itemNumber(b, 22));
        putNumber(md, "work_function_ev", itemNumber(b, 25));
        md.insert("species", b.items[29].value(0).trimmed());
        md.insert("transition", b.items[30].value(0).trimmed());
        md.insert("signal_mode", b.items[33].value(0).trimmed());
        // PHI writes −1 for unknown times.
        if (const double dwell = itemNumber(b, 34); dwell > 0.0 && !isNotGiven(dwell))
            md.insert("dwell_s", dwell);
        if (const double scans = itemNumber(b, 35); scans > 0.0 && !isNotGiven(scans))
            md.insert("scans", scans);
        md.insert("abscissa_label", xLabel);
        md.insert("intensity_variable", b.varLabels.value(firstY));
        QStringList comments = h.comments;
        comments += b.items[8];
        md.insert("comments", comments.join('\n'));
        QJsonArray casa;
        for (const QString& l : b.items[8])
            if (l.startsWith(QLatin1String("CASA ")) || l.startsWith(QLatin1String("Calib"))) casa.append(l);
        if (!casa.isEmpty()) md.insert("casa_lines", casa);
        QJsonObject extraParams;
        const int nExtra = b.items[40].value(0).toInt();
        for (int i = 0; i < nExtra; ++i)
            extraParams.insert(b.items[40].value(1 + 3 * i).trimmed(),
                               b.items[40].value(3 + 3 * i).toDouble());
        if (!extraParams.isEmpty()) md.insert("parameters", extraParams);

        QString energyNote;
        std::vector<double> be = x;
        QString xColumn = QStringLiteral("Binding Energy");
        bool keepKinetic = false;
        if (kinetic && electron) {
            if (!std::isfinite(hv) || isNotGiven(hv) || hv <= 0.0)
                return fail(
                    file, where,
                    "the energy axis is kinetic energy but the source energy is not given, so binding "
                    "energies cannot be computed");
            // Rounded to 1e-9 eV so that 1486.61 − 1486.61 is 0, not −2e-13.
            for (double& e : be)
                e = std::round((hv - e) * 1e9) / 1e9;
            energyNote =
                QStringLiteral("binding energy = source energy − kinetic energy (work function ignored, "
                               "as CasaXPS does)");
        } else if (binding || !kinetic) {
            energyNote = binding ? QStringLiteral("binding energy as stored")
                                 : QStringLiteral("abscissa '%1' taken as binding energy").arg(xLabel);
        } else {
            keepKinetic = true;
        }
        double lo = be.front(), hi = be.front();
        for (double e : be)
            lo = std::min(lo, e), hi = std::max(hi, e);
        QString region = electron ? xpsimport::regionName(md.value("species").toString(),
                                                          md.value("transition").toString(), b.blockId,
                                                          hi - lo, int(bi + 1))
                                  : b.technique.section(' ', 0, 0) + QStringLiteral(" spectrum");
        // Labels are unique within the file: a second "S 2p" block becomes "S 2p (2)".
        const QString plain = region;
        for (int k = 2; labels.contains(region); ++k)
            region = plain + QStringLiteral(" (%1)").arg(k);
        labels << region;
        std::vector<Column> extra;
        for (int k = firstY + 1; k < c; ++k)
            extra.push_back({b.varLabels.value(k),
                             b.varUnits.value(k) == QLatin1String("d") ? QString() : b.varUnits.value(k),
                             vars[std::size_t(k)]});
        QString unit =
            xpsimport::intensityUnit({b.varLabels.value(firstY), b.varUnits.value(firstY), b.blockId});
        const QString name = baseName + QStringLiteral(" – ") + region;
        ImportedDataset d = xpsimport::makeRegion(
            region, name, std::move(be), std::move(vars[std::size_t(firstY)]), unit, std::move(extra), md);
        if (keepKinetic) {
            d.columns[0].name = QStringLiteral("Kinetic Energy");
            d.metadata.insert("energy_axis", "kinetic energy as stored");
            addImportWarning(
                d, QStringLiteral("block %1 is %2, not XPS: its energy axis is kept as kinetic energy")
                       .arg(bi + 1)
                       .arg(b.technique));
        } else {
            d.metadata.insert("energy_axis", energyNote);
            if (!electron)
                addImportWarning(d, QStringLiteral("block %1 is %2, not XPS").arg(bi + 1).arg(b.technique));
        }
        Q_UNUSED(xUnit);
        if (!ended)
            addImportWarning(
                d, QStringLiteral("the file does not end with 'end of experiment'; it may have been "
                                  "cut after the last block"));
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace vanadis
