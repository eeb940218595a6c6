#include "io/import/NovonixCsvImporter.h"

#include "io/import/EchemTableReader.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"

#include <QCoreApplication>

namespace vanadis {

using namespace echemimport;

namespace {

// Times are in hours, currents in A, capacities in Ah. "Step Type" is a numeric protocol code (0 rest,
// 1 CC charge, 2 CC discharge, …), kept as written.
constexpr Alias kNovonix[] = {
    {"Cycle Number", "Cycle", "1"},
    {"Step Number", "Step", "1"},
    {"Step Type", "Step Type", "1"},
    {"Run Time (h)", "Time", "s", 3600.0},
    {"Step Time (h)", "Step Time", "s", 3600.0},
    {"Current (A)", "Current", "mA", 1000.0},
    {"Potential (V)", "Voltage", "V"},
    {"Capacity (Ah)", "Capacity", "mAh", 1000.0},
    {"Energy (Wh)", "Energy", "mWh", 1000.0},
    {"Temperature (°C)", "Temperature", "°C"},
};

} // namespace

QString NovonixCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Novonix HPC CSV (cycling record)");
}

int NovonixCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    return head.startsWith("[Summary]") && head.contains("Novonix") ? 95 : 0;
}

qint64 NovonixCsvImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
NovonixCsvImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    qsizetype pos = 0;
    qsizetype line = 1;
    std::optional<double> massMg;
    QString version;
    qsizetype headerOffset = -1;
    while (pos < bytes.size()) {
        const QByteArrayView l = lineAt(bytes, pos);
        const qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype next = nl < 0 ? bytes.size() : nl + 1;
        if (l.trimmed() == "[Data]") {
            headerOffset = next;
            ++line;
            break;
        }
        const QString text = QString::fromUtf8(l);
        if (text.startsWith(QStringLiteral("Mass (g):")))
            massMg = massMgFromText(text.mid(9).trimmed() + " g");
        if (text.startsWith(QStringLiteral("Version:"))) version = text.mid(8).trimmed();
        pos = next;
        ++line;
    }
    if (headerOffset < 0 || headerOffset >= bytes.size())
        return fail(file, "line " + std::to_string(line),
                    "no [Data] section: the file is cut short or not a Novonix export");
    SimpleTable t;
    t.headerOffset = headerOffset;
    t.headerLine = line;
    t.quotedLines = true;
    t.decimalComma = false;
    t.aliases = kNovonix;
    t.instrument = QStringLiteral("Novonix");
    t.requiredColumns = {QStringLiteral("Time"), QStringLiteral("Current"), QStringLiteral("Voltage")};
    auto d = readSimpleTable(bytes, fileName, t);
    if (!d) return std::unexpected(d.error());
    if (massMg) d->metadata.insert(QStringLiteral("instrument_mass_mg"), *massMg);
    if (!version.isEmpty()) d->metadata.insert(QStringLiteral("software_version"), version);
    std::vector<ImportedDataset> out;
    out.push_back(std::move(*d));
    return out;
}

} // namespace vanadis
