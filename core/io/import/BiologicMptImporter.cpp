#include "io/import/BiologicMptImporter.h"

#include "io/import/EchemTableReader.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/TextDecoding.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vanadis {

using namespace echemimport;

namespace {

// EC-Lab column names (name/unit) of all techniques. The µ of "Cs/µF" is Latin-1 in .mpt files; the
// names compared here are ASCII or decoded first.
constexpr Alias kBiologic[] = {
    {"time/s", "Time", "s"},
    {"Ewe/V", "Voltage", "V"},
    {"<Ewe>/V", "Voltage", "V"},
    {"Ecell/V", "Voltage", "V"},
    {"<Ecell>/V", "Voltage", "V"},
    {"Ewe/mV", "Voltage", "V", 1e-3},
    {"I/mA", "Current", "mA"},
    {"<I>/mA", "Current", "mA"},
    {"I/A", "Current", "mA", 1000.0},
    {"<I>/A", "Current", "mA", 1000.0},
    {"I/µA", "Current", "mA", 1e-3},
    {"cycle number", "Cycle", "1"},
    {"Ns", "Step", "1"},
    {"half cycle", "Half Cycle", "1"},
    {"ox/red", "Ox/Red", "1"},
    {"Q charge/discharge/mA.h", "Capacity", "mAh"},
    {"Capacity/mA.h", "Capacity", "mAh"},
    {"Q charge/mA.h", "Charge Capacity", "mAh"},
    {"Q discharge/mA.h", "Discharge Capacity", "mAh"},
    {"(Q-Qo)/mA.h", "Charge Passed", "mAh"},
    {"Energy charge/W.h", "Charge Energy", "mWh", 1000.0},
    {"Energy discharge/W.h", "Discharge Energy", "mWh", 1000.0},
    {"Energy/W.h", "Energy", "mWh", 1000.0},
    {"freq/Hz", "Frequency", "Hz"},
    {"Re(Z)/Ohm", "Z'", "Ohm"},
    {"-Im(Z)/Ohm", "-Z''", "Ohm"},
    {"|Z|/Ohm", "|Z|", "Ohm"},
    {"Phase(Z)/deg", "Phase", "deg"},
    {"Ece/V", "Counter Voltage", "V"},
    {"Ewe-Ece/V", "Cell Voltage", "V"},
    {"control/V", "Control Voltage", "V"},
    {"control/mA", "Control Current", "mA"},
    {"T/°C", "Temperature", "°C"},
    {"Temperature/°C", "Temperature", "°C"},
    {"dQ/dE/mA.h/V", "dQ/dV", "mAh/V"},
    {"d(Q-Qo)/dE/mA.h/V", "dQ/dV", "mAh/V"},
};

} // namespace

std::span<const echemimport::Alias> biologicColumnAliases()
{
    return kBiologic;
}

namespace {

/// The dataset type of an EC-Lab technique name (line 4 of an .mpt).
QString kindOfTechnique(const QString& technique)
{
    const QString t = technique.toLower();
    if (t.contains(QLatin1String("impedance"))) return QStringLiteral("eis");
    if (t.contains(QLatin1String("cyclic voltammetry"))) return QStringLiteral("cv");
    if (t.contains(QLatin1String("intermittent titration"))) return QStringLiteral("gitt");
    return QStringLiteral("cycling_record");
}

bool isBiologicCsv(const QByteArray& head)
{
    const QByteArrayView l = lineAt(head, 0);
    return l.contains(";") && l.contains("time/s") && (l.contains("Ewe/V") || l.contains("Ecell/V")) &&
           (l.contains("I/mA") || l.contains("<I>/mA"));
}

} // namespace

QString BiologicMptImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "BioLogic EC-Lab text (.mpt, all techniques)");
}

int BiologicMptImporter::sniff(const QByteArray& head, const QString&) const
{
    if (head.startsWith("EC-Lab ASCII FILE")) return 98;
    if (looksLikeText(head) && isBiologicCsv(head)) return 90;
    return 0;
}

qint64 BiologicMptImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

Expected<std::vector<ImportedDataset>>
BiologicMptImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    SimpleTable t;
    t.aliases = kBiologic;
    std::vector<Alias> clockAliases;
    bool clockTime = false;
    t.instrument = QStringLiteral("BioLogic");
    QJsonObject meta;
    if (bytes.startsWith("EC-Lab ASCII FILE")) {
        const auto starts = lineStarts(bytes, 4);
        if (starts.size() < 2) return fail(file, "line 2", "the file ends after its first line");
        static const QRegularExpression nbRe(QStringLiteral("^Nb header lines\\s*:\\s*(\\d+)"));
        const QString l2 = QString::fromLatin1(lineAt(bytes, starts[1])).trimmed();
        const auto m = nbRe.match(l2);
        if (!m.hasMatch())
            return fail(file, "line 2",
                        "expected 'Nb header lines : N', found '" + l2.left(60).toStdString() + "'");
        const int n = m.captured(1).toInt();
        if (n < 3) return fail(file, "line 2", "'Nb header lines' is " + std::to_string(n) + ", too small");
        const auto all = lineStarts(bytes, n);
        if (int(all.size()) < n)
            return fail(file, "line " + std::to_string(all.size()),
                        "the file ends inside its header (" + std::to_string(n) + " header lines announced)");
        const QString technique =
            starts.size() > 3 ? QString::fromLatin1(lineAt(bytes, starts[3])).trimmed() : QString();
        t.kind = kindOfTechnique(technique);
        meta.insert(QStringLiteral("technique_name"), technique);
        for (int i = 0; i + 1 < n; ++i) {
            const QString h = decodeWindows1252(lineAt(bytes, all[size_t(i)])).trimmed();
            if (h.startsWith(QStringLiteral("Characteristic mass")) ||
                h.startsWith(QStringLiteral("Mass of active material"))) {
                if (const auto mg = massMgFromText(h.section(':', 1)))
                    meta.insert(QStringLiteral("instrument_mass_mg"), *mg);
            } else if (h.startsWith(QStringLiteral("EC-Lab for windows")) ||
                       h.startsWith(QStringLiteral("EC-Lab v"))) {
                meta.insert(QStringLiteral("software_version"), h);
            } else if (h.startsWith(QStringLiteral("Electrode surface area"))) {
                meta.insert(QStringLiteral("electrode_area"), h.section(':', 1).trimmed());
            }
        }
        t.headerOffset = all[size_t(n - 1)];
        t.headerLine = n;
        t.delimiter = '\t';
    } else if (isBiologicCsv(bytes.left(65536))) {
        t.delimiter = ';';
        t.kind = QStringLiteral("cycling_record");
        // The CSV export may write time/s as a clock ("05/05/2021 15:36:22.757"); Time is then made
        // relative to the first row below.
        const auto starts = lineStarts(bytes, 2);
        if (starts.size() == 2) {
            const QStringList names = splitHeader(lineAt(bytes, starts[0]), ';');
            const QList<QByteArray> cells = lineAt(bytes, starts[1]).toByteArray().split(';');
            const qsizetype ti = names.indexOf(QStringLiteral("time/s"));
            if (ti >= 0 && ti < cells.size() && cells[ti].contains('/')) {
                clockAliases.assign(std::begin(kBiologic), std::end(kBiologic));
                clockAliases.front().parse = CellParse::Clock;
                t.aliases = clockAliases;
                clockTime = true;
            }
        }
    } else {
        return fail(file, "line 1", "not a BioLogic EC-Lab text file (no 'EC-Lab ASCII FILE' line)");
    }
    if (t.kind == QLatin1String("eis"))
        t.requiredColumns = {QStringLiteral("Frequency"), QStringLiteral("Z'"), QStringLiteral("-Z''")};
    else
        t.requiredColumns = {QStringLiteral("Time"), QStringLiteral("Voltage"), QStringLiteral("Current")};
    auto d = readSimpleTable(bytes, fileName, t);
    if (!d) return std::unexpected(d.error());
    if (clockTime)
        for (Column& c : d->columns)
            if (c.name == QLatin1String("Time") && !c.values.empty()) {
                const double t0 = c.values.front();
                for (double& v : c.values)
                    v -= t0;
                d->metadata.insert(QStringLiteral("time_origin"),
                                   QStringLiteral("first row (the file writes clock times)"));
            }
    for (auto it = meta.begin(); it != meta.end(); ++it)
        d->metadata.insert(it.key(), it.value());
    if (t.kind == QLatin1String("cv"))
        for (Column& c : d->columns)
            if (c.name == QLatin1String("Voltage")) c.name = QStringLiteral("Potential");
    std::vector<ImportedDataset> out;
    out.push_back(std::move(*d));
    return out;
}

} // namespace vanadis
