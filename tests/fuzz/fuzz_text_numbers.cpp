// libFuzzer target: the shared number rule (io/import/TextNumbers.h) against QString::toDouble, which every
// importer used before it. For any cell: a Number is finite and, without a decimal comma, bit-for-bit what
// QString::toDouble reads; whatever QString::toDouble reads as finite (and not underflowed to 0) is a
// Number too. With a decimal comma the cell with ',' → '.' must read the same as the point form. Also
// unitKey and cutLastLineWarning never crash. First byte: bit 0 = decimal comma.
//
//   fuzz_text_numbers --write-seeds=DIR   writes seeds and exits
//   fuzz_text_numbers -max_total_time=60 CORPUS_DIR
#include "io/import/ImporterRegistry.h"
#include "io/import/TextNumbers.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace vanadis;

namespace {

void writeSeeds(const QString& dir)
{
    QDir().mkpath(dir);
    const QByteArray seeds[] = {"\x00"
                                "1.5",
                                "\x00"
                                " -2.5e-3 ",
                                "\x01"
                                "1,5",
                                "\x00"
                                "nan",
                                "\x00"
                                "-inf",
                                "\x00"
                                "1e400",
                                "\x00"
                                "4.9e-324",
                                "\x00"
                                ".5",
                                "\x00"
                                "5.",
                                "\x00"
                                "+1",
                                "\x00"
                                "1e",
                                "\x01"
                                "1.234,5",
                                "\x00"
                                "\xE2\x88\x92"
                                "3",
                                "\x00"
                                "0x10"};
    int k = 0;
    for (const QByteArray& s : seeds) {
        QFile f(dir + QStringLiteral("/seed-%1").arg(k++));
        if (f.open(QIODevice::WriteOnly)) f.write(s);
    }
}

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
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
    if (size == 0 || size > 4096) return 0;
    const bool comma = data[0] & 1;
    const QByteArray raw =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString cell = QString::fromUtf8(raw);
    double v = 0;
    const textnum::CellKind k = textnum::classify(cell, comma, v);
    if (k == textnum::CellKind::Number && !std::isfinite(v)) std::abort();
    if (k != textnum::CellKind::Number && !std::isnan(v)) std::abort();
    if (!comma) {
        // The reference: QString::toDouble after the same trimming and true-minus replacement.
        QString ref = cell.trimmed();
        ref.replace(QChar(0x2212), '-');
        bool ok = false;
        const double q = ref.toDouble(&ok);
        const bool qtFinite = ok && std::isfinite(q);
        if (qtFinite && (k != textnum::CellKind::Number || !sameBits(v, q))) std::abort();
        if (k == textnum::CellKind::Number && !qtFinite && v != 0.0) std::abort();
    } else if (!cell.contains('.')) {
        QString point = cell;
        point.replace(',', '.');
        double w = 0;
        const textnum::CellKind kp = textnum::classify(point, false, w);
        if (kp != k || (k == textnum::CellKind::Number && !sameBits(v, w))) std::abort();
    }
    (void)textnum::unitKey(cell);
    (void)textnum::quoteCell(cell);
    (void)cutLastLineWarning(raw);
    return 0;
}
