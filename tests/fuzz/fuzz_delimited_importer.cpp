// libFuzzer target: DelimitedTextImporter::read on arbitrary bytes. Must never crash, hang or trip a
// sanitizer; a successful parse must yield equally long columns.
//
// The first byte chooses the options the column-mapping dialog can set (forced technique, delimiter,
// decimal comma, header rows including a negative count), the rest is the file.
//
//   fuzz_delimited_importer --write-seeds=DIR     writes a seed corpus of typical exports and exits
//   fuzz_delimited_importer -max_total_time=60 CORPUS_DIR
#include "io/import/DelimitedTextImporter.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace vanadis;

namespace {

QByteArray utf16le(const QString& text)
{
    QStringEncoder enc(QStringEncoder::Utf16LE);
    return QByteArray("\xFF\xFE", 2) + QByteArray(enc(text));
}

void writeSeeds(const QString& dir)
{
    QDir().mkpath(dir);
    const std::pair<const char*, QByteArray> seeds[] = {
        {"comma.csv", "2Theta (deg),Intensity (counts)\n10.00,123\n10.02,130.5\n10.04,128\n"},
        {"semicolon.csv", "Temperatur (\xB0"
                          "C);Masse (%)\r\n25,5;100,000\r\n26,5;99,875\r\n"},
        {"tab_units.txt", "Time\tVoltage\tCurrent\ns\tV\tmA\n0\t3.0\t0.1\n1\t3.1\t0.1\n"},
        {"whitespace.xy", "# comment\n# 2Theta Intensity\n  10.0  1\n  10.1  2\n"},
        {"quoted.csv",
         "\"Binding Energy (eV)\",\"Counts, cps\"\n\"285.0\",\"1000\"\n\"284.9\",\"1010\"\nEnd of data\n"},
        {"utf16.txt", utf16le(QStringLiteral("P/P0\tVolume (cm3/g)\r\n0.05\t100\r\n0.1\t110\r\n"))},
        {"eis.csv", "Frequency (Hz),Z' (Ohm),-Z'' (Ohm)\n100000,10.1,0.5\n10000,10.5,2.1\n"},
    };
    for (const auto& [name, bytes] : seeds) {
        QFile f(dir + "/" + name);
        if (f.open(QIODevice::WriteOnly)) f.write(QByteArray(1, '\0') + bytes); // option byte 0 = detect all
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
    const uint8_t opt = data[0];
    ImportOptions o;
    if (opt & 0x01) o.technique = Technique::Echem;
    static const QChar delims[] = {QChar(','), QChar(';'), QChar('\t')};
    if (const int d = (opt >> 1) & 0x03; d > 0) o.delimited.delimiter = delims[d - 1];
    if (opt & 0x08) o.delimited.decimalComma = bool(opt & 0x10);
    if (opt & 0x20) o.delimited.headerRows = int((opt >> 6) & 0x03) - 1; // -1 … 2
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    static const DelimitedTextImporter importer;
    (void)importer.sniff(bytes.left(64 * 1024), QStringLiteral("fuzz.csv"));
    auto r = importer.read(bytes, QStringLiteral("fuzz.csv"), o);
    if (r) {
        for (const ImportedDataset& d : *r) {
            if (d.columns.empty()) std::abort();
            for (const Column& c : d.columns)
                if (c.values.size() != d.columns.front().values.size() || c.values.empty()) std::abort();
        }
    } else if (r.error().reason.empty() || r.error().file != "fuzz.csv") {
        std::abort(); // every error names the file and gives a reason
    }
    return 0;
}
