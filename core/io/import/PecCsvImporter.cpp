#include "io/import/PecCsvImporter.h"

#include "io/import/EchemTableReader.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"

#include <QCoreApplication>

namespace vanadis {

using namespace echemimport;

namespace {

// PEC writes mV and mA; its "Charge Capacity (mWh)" columns are energies.
constexpr Alias kPec[] = {
    {"Step", "Step", "1"},
    {"Cycle", "Cycle", "1"},
    {"Total Time (Seconds)", "Time", "s"},
    {"Step Time (Seconds)", "Step Time", "s"},
    {"Voltage (mV)", "Voltage", "V", 1e-3},
    {"Voltage (V)", "Voltage", "V"},
    {"Current (mA)", "Current", "mA"},
    {"Current (A)", "Current", "mA", 1000.0},
    {"Charge Capacity (mAh)", "Charge Capacity", "mAh"},
    {"Discharge Capacity (mAh)", "Discharge Capacity", "mAh"},
    {"Charge Capacity (mWh)", "Charge Energy", "mWh"},
    {"Discharge Capacity (mWh)", "Discharge Energy", "mWh"},
};

/// Byte offset of the "Test,Cell,…" header within the first lines, or -1.
qsizetype headerOffset(const QByteArray& bytes, qsizetype& line)
{
    qsizetype pos = 0;
    line = 1;
    for (int i = 0; i < 200 && pos < bytes.size(); ++i, ++line) {
        const QByteArrayView l = lineAt(bytes, pos);
        if (l.startsWith("Test,Cell,") && l.contains("Voltage")) return pos;
        const qsizetype nl = bytes.indexOf('\n', pos);
        if (nl < 0) break;
        pos = nl + 1;
    }
    return -1;
}

} // namespace

QString PecCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "PEC tester CSV (cycling record)");
}

int PecCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!looksLikeText(head)) return 0;
    qsizetype line = 0;
    return head.contains("#RESULTS CHECK") && headerOffset(head, line) >= 0 ? 95 : 0;
}

qint64 PecCsvImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>> PecCsvImporter::read(const QByteArray& bytes, const QString& fileName,
                                                            const ImportOptions&) const
{
    SimpleTable t;
    t.headerOffset = headerOffset(bytes, t.headerLine);
    if (t.headerOffset < 0)
        return fail(fileName.toStdString(), "", "no 'Test,Cell,…' table header in the first 200 lines");
    t.decimalComma = false;
    t.aliases = kPec;
    t.instrument = QStringLiteral("PEC");
    t.requiredColumns = {QStringLiteral("Time"), QStringLiteral("Current"), QStringLiteral("Voltage")};
    auto d = readSimpleTable(bytes, fileName, t);
    if (!d) return std::unexpected(d.error());
    std::vector<ImportedDataset> out;
    out.push_back(std::move(*d));
    return out;
}

} // namespace vanadis
