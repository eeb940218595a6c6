#include "io/import/ArbinCsvImporter.h"

#include "io/import/EchemTableReader.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"

#include <QCoreApplication>

namespace vanadis {

using namespace echemimport;

namespace {

// Arbin writes SI base units (A, Ah, Wh, s); older CSVs omit the units, newer ones put them in parentheses.
constexpr Alias kArbin[] = {
    {"Data_Point", "Record", "1"},
    {"Test_Time(s)", "Time", "s"},
    {"Test_Time", "Time", "s"},
    {"Step_Time(s)", "Step Time", "s"},
    {"Step_Time", "Step Time", "s"},
    {"Step_Index", "Step", "1"},
    {"Cycle_Index", "Cycle", "1"},
    {"Current(A)", "Current", "mA", 1000.0},
    {"Current", "Current", "mA", 1000.0},
    {"Current(mA)", "Current", "mA"},
    {"Voltage(V)", "Voltage", "V"},
    {"Voltage", "Voltage", "V"},
    {"Charge_Capacity(Ah)", "Charge Capacity", "mAh", 1000.0},
    {"Charge_Capacity", "Charge Capacity", "mAh", 1000.0},
    {"Charge_Capacity(mAh)", "Charge Capacity", "mAh"},
    {"Discharge_Capacity(Ah)", "Discharge Capacity", "mAh", 1000.0},
    {"Discharge_Capacity", "Discharge Capacity", "mAh", 1000.0},
    {"Discharge_Capacity(mAh)", "Discharge Capacity", "mAh"},
    {"Charge_Energy(Wh)", "Charge Energy", "mWh", 1000.0},
    {"Charge_Energy", "Charge Energy", "mWh", 1000.0},
    {"Discharge_Energy(Wh)", "Discharge Energy", "mWh", 1000.0},
    {"Discharge_Energy", "Discharge Energy", "mWh", 1000.0},
    {"dV/dt(V/s)", "dV/dt", "V/s"},
    {"dV/dt", "dV/dt", "V/s"},
    {"Internal_Resistance(Ohm)", "Internal Resistance", "Ohm"},
    {"Internal_Resistance", "Internal Resistance", "Ohm"},
    {"Internal Resistance(Ohm)", "Internal Resistance", "Ohm"},
    {"Temperature", "Temperature", "°C"},
    {"Temperature(C)", "Temperature", "°C"},
    {"Aux_Temperature_1(C)", "Temperature", "°C"},
};

} // namespace

std::span<const echemimport::Alias> arbinColumnAliases()
{
    return kArbin;
}

namespace {

bool isArbinHeader(const QByteArray& head)
{
    const qsizetype nl = head.indexOf('\n');
    const QByteArray first = head.left(nl < 0 ? head.size() : nl);
    return first.contains("Data_Point") && first.contains("Cycle_Index") && first.contains("Voltage") &&
           first.contains("Current");
}

} // namespace

QString ArbinCsvImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Arbin CSV export (cycling record)");
}

int ArbinCsvImporter::sniff(const QByteArray& head, const QString&) const
{
    return looksLikeText(head) && isArbinHeader(head) ? 95 : 0;
}

qint64 ArbinCsvImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
ArbinCsvImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    if (!isArbinHeader(bytes.left(65536)))
        return fail(fileName.toStdString(), "line 1",
                    "not an Arbin CSV export (no Data_Point … Cycle_Index header)");
    SimpleTable t;
    t.delimiter = ',';
    t.aliases = kArbin;
    t.instrument = QStringLiteral("Arbin");
    t.requiredColumns = {QStringLiteral("Time"), QStringLiteral("Current"), QStringLiteral("Voltage")};
    auto d = readSimpleTable(bytes, fileName, t);
    if (!d) return std::unexpected(d.error());
    std::vector<ImportedDataset> out;
    out.push_back(std::move(*d));
    return out;
}

} // namespace vanadis
