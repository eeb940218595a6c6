// libFuzzer target: every reader of the ImporterRegistry table on arbitrary bytes (the first byte
// picks the reader, so one corpus covers them all and new readers are fuzzed without a new target).
// Must never crash, hang or trip a sanitizer; a successful parse must give equally long, non-empty
// columns, and every error must name the file and give a reason.
//
//   fuzz_instrument_importers --write-seeds=DIR   writes small seeds (one per reader) and exits
//   fuzz_instrument_importers -max_total_time=60 CORPUS_DIR
#include "io/import/ImporterRegistry.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace vanadis;

namespace {

void writeSeeds(const QString& dir)
{
    QDir().mkpath(dir);
    const QByteArray seeds[] = {
        "2Theta (deg),Intensity (counts)\n10.00,123\n10.02,130.5\n",
        "#FORMAT:NETZSCH5\n#EXPORTTYPE:DATA SINGLE\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#SAMPLE MASS "
        "/mg:8.91\n\n"
        "##Temp./\xB0"
        "C;Time/min;Mass/%\n40.0;0.0;100.0\n45.0;1.0;99.9\n",
        "data_x\n_units_pressure relative\n_units_loading "
        "mmol/g\nloop_\n_adsorp_pressure\n_adsorp_amount\n0.05 1.0\n0.1 1.2\n0.2 1.4\n",
        "Relative Pressure (p/p\xB0);Quantity Adsorbed (cm\xB3/g STP)\n0,05;10,5\n0,10;12,0\n0,20;14,5\n",
        "Filename\tx.tri\nSample "
        "name\tS\nSize\t9.1\tmg\n[step]\nRamp\nTime\tTemperature\tWeight\nmin\t\xC2\xB0"
        "C\tmg\n0\t40\t9.1\n1\t45\t9.0\n",
        "FileName:\n  X\nSampleID:\n  X, 4.9 mg\nCurve:\n  Index  t  Ts  Tr  Value\n  [s] [\xB0"
        "C] [\xB0"
        "C] [mg]\n 0 0 45 45 4.9\n 1 6 46 46 4.8\n",
        "*RAS_DATA_START\n*RAS_HEADER_START\n*HW_XG_WAVE_LENGTH_ALPHA1 \"1.540593\"\n*MEAS_DATA_COUNT "
        "\"2\"\n*RAS_HEADER_END\n*RAS_INT_START\n10.00 5 1\n10.02 6 1\n*RAS_INT_END\n*RAS_DATA_END\n",
        "<xrdMeasurements><xrdMeasurement><usedWavelength><kAlpha1>1.5406</kAlpha1></usedWavelength><scan>"
        "<dataPoints><positions axis=\"2Theta\" "
        "unit=\"deg\"><startPosition>10</startPosition><endPosition>10.04"
        "</endPosition></positions><counts unit=\"counts\">1 2 "
        "3</counts></dataPoints></scan></xrdMeasurement>"
        "</xrdMeasurements>\n",
        "_WL1=1.5406\n_DRIVE='COUPLED'\n_STEPSIZE=0.02\n_START=10\n_2THETACOUNTS\n10.00 5\n10.02 6\n",
        "title\nBANK 1 3 1 CONST 1000.00 2.00 0 0 STD\n     5     6     7\n",
    };
    const auto& importers = ImporterRegistry::instance().importers();
    int k = 0;
    for (size_t i = 0; i < importers.size(); ++i)
        for (const QByteArray& s : seeds) {
            QFile f(dir + QStringLiteral("/seed-%1").arg(k++));
            if (f.open(QIODevice::WriteOnly)) f.write(QByteArray(1, char(i)) + s);
        }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    for (int i = 1; i < *argc; ++i)
        if (std::strncmp((*argv)[i], "--write-seeds=", 14) == 0) {
            writeSeeds(QString::fromLocal8Bit((*argv)[i] + 14));
            std::exit(0);
        }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    const auto& importers = ImporterRegistry::instance().importers();
    const Importer& importer = *importers[data[0] % importers.size()];
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    (void)importer.sniff(bytes.left(64 * 1024), QStringLiteral("fuzz.txt"));
    auto r = importer.read(bytes, QStringLiteral("fuzz.txt"), {});
    if (r) {
        for (const ImportedDataset& d : *r) {
            if (d.columns.empty()) std::abort();
            for (const Column& c : d.columns)
                if (c.values.size() != d.columns.front().values.size() || c.values.empty()) std::abort();
        }
    } else if (r.error().reason.empty() || r.error().file.find("fuzz.txt") == std::string::npos) {
        std::abort();
    }
    return 0;
}
