// Cycling record benchmark (issue 12): generates a 10-million-row Arbin-layout record CSV (≈ 1 GB, 6000
// cycles, 11 numeric columns) in /tmp at run time, then times
//   import   parseFile(): read the file, detect the reader, parse every row into columns (median of runs)
//   read     ArbinCsvImporter::read() alone on the bytes already in memory (read into memory for this
//            timing only: the import itself maps the file and keeps no copy of it)
//   table    echem::cycleTable() on the imported columns (per-cycle table, CE, retention)
// and reports the peak resident memory (getrusage ru_maxrss of a child process that imports once and
// builds the table) against the numeric size of the data (rows × columns × 8 bytes). Targets: import
// < 3 s (≥ 350 MB/s), table < 0.5 s, peak ≤ 2× numeric size. The file is deleted at the end.
//
//   bench_cycling [--runs N] [--rows N] [--keep]
#include "io/import/ArbinCsvImporter.h"
#include "io/import/ImporterRegistry.h"
#include "numeric/echem/Cycling.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace vanadis;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

const Column* col(const ImportedDataset& d, const char* n)
{
    for (const Column& c : d.columns)
        if (c.name == QLatin1String(n)) return &c;
    return nullptr;
}

char* put(char* p, double v, int precision)
{
    auto r = std::to_chars(p, p + 32, v, std::chars_format::fixed, precision);
    *r.ptr = ',';
    return r.ptr + 1;
}

char* put(char* p, long long v)
{
    auto r = std::to_chars(p, p + 24, v);
    *r.ptr = ',';
    return r.ptr + 1;
}

/// Writes \a rows records: 6000 cycles (discharge then charge, 1 A g⁻¹ on 1.5 mg, rate changes every
/// 1000 cycles), counters as Arbin writes them (cumulative per cycle, in Ah and Wh).
qint64 generate(const char* path, long rows)
{
    FILE* f = std::fopen(path, "wb");
    if (!f) return -1;
    std::fputs("Data_Point,Test_Time(s),Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),"
               "Charge_Capacity(Ah),Discharge_Capacity(Ah),Charge_Energy(Wh),Discharge_Energy(Wh)\n",
               f);
    const long perCycle = std::max(4L, rows / 6000);
    const long perHalf = perCycle / 2;
    std::vector<char> buf(1 << 20);
    char* p = buf.data();
    double t = 0.0, stepT = 0.0, qc = 0.0, qd = 0.0, ec = 0.0, ed = 0.0;
    for (long k = 0; k < rows; ++k) {
        const long cycle = k / perCycle + 1;
        const long inCycle = k % perCycle;
        const bool dis = inCycle < perHalf;
        const double j = (cycle / 1000) % 2 ? 2.0 : 1.0;                   // A/g
        const double I = (dis ? -1.0 : 1.0) * j * 1.5e-3;                  // A on 1.5 mg
        const double dt = 3.6 * 250.0 * 1.5 / (j * 1.5) / double(perHalf); // 250 mAh/g per half
        if (inCycle == 0) qc = qd = ec = ed = 0.0;
        if (inCycle == 0 || inCycle == perHalf)
            stepT = 0.0;
        else {
            t += dt;
            stepT += dt;
        }
        const double frac = double(dis ? inCycle : inCycle - perHalf) / double(perHalf);
        const double V = dis ? 4.0 - 2.5 * frac : 1.5 + 2.5 * frac;
        if (inCycle != 0 && inCycle != perHalf) {
            (dis ? qd : qc) += std::abs(I) * dt / 3600.0;
            (dis ? ed : ec) += std::abs(I) * V * dt / 3600.0;
        }
        p = put(p, k + 1);
        p = put(p, t, 4);
        p = put(p, stepT, 4);
        p = put(p, dis ? 2 * cycle : 2 * cycle + 1);
        p = put(p, cycle);
        p = put(p, I, 7);
        p = put(p, V, 6);
        p = put(p, qc, 9);
        p = put(p, qd, 9);
        p = put(p, ec, 9);
        p = put(p, ed, 9);
        p[-1] = '\n';
        if (p - buf.data() > qsizetype(buf.size()) - 512) {
            std::fwrite(buf.data(), 1, size_t(p - buf.data()), f);
            p = buf.data();
        }
    }
    std::fwrite(buf.data(), 1, size_t(p - buf.data()), f);
    const qint64 size = std::ftell(f);
    std::fclose(f);
    return size;
}

/// CPU seconds of this process (all threads): the machine is shared, so wall time alone says little.
double cpuSeconds()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

QByteArray readAll(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

echem::Record recordOf(const ImportedDataset& d)
{
    return {col(d, "Time")->values, col(d, "Current")->values, col(d, "Voltage")->values,
            col(d, "Cycle")->values};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int runs = 3;
    long rows = 10'000'000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::max(1000L, std::atol(argv[++i]));
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
    }
    const std::string path = "/tmp/vanadis_bench_cycling_" + std::to_string(::getpid()) + ".csv";
    QElapsedTimer gen;
    gen.start();
    const qint64 bytes = generate(path.c_str(), rows);
    if (bytes < 0) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return 1;
    }
    std::printf("generated %ld rows, %.1f MB in %.1f s: %s\n", rows, bytes / 1e6, gen.elapsed() / 1000.0,
                path.c_str());
    std::fflush(stdout);

    // Peak memory: a child imports once and builds the table; its ru_maxrss is the import's peak alone.
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        auto r = parseFile(QString::fromStdString(path));
        if (!r) _exit(2);
        auto t = echem::cycleTable(recordOf(r->datasets.front()), {});
        _exit(t ? 0 : 3);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    struct rusage ru {};
    ::getrusage(RUSAGE_CHILDREN, &ru);
    const double peakMb = double(ru.ru_maxrss) / 1024.0;

    std::vector<double> importS, readS, tableS, importCpu, readCpu;
    size_t numericBytes = 0, columns = 0, cycles = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        double cpu0 = cpuSeconds();
        timer.start();
        auto r = parseFile(QString::fromStdString(path));
        importS.push_back(timer.nsecsElapsed() / 1e9);
        importCpu.push_back(cpuSeconds() - cpu0);
        if (!r) {
            std::fprintf(stderr, "import failed: %s\n", r.error().message().c_str());
            return 1;
        }
        const ImportedDataset& d = r->datasets.front();
        columns = d.columns.size();
        numericBytes = 0;
        for (const Column& c : d.columns)
            numericBytes += c.values.size() * sizeof(double);
        timer.restart();
        auto t = echem::cycleTable(recordOf(d), {});
        tableS.push_back(timer.nsecsElapsed() / 1e9);
        if (!t) return 1;
        cycles = t->rows.size();
        // The parser alone, on the bytes already in memory.
        const QByteArray raw = readAll(path);
        r->datasets.clear();
        cpu0 = cpuSeconds();
        timer.restart();
        auto again = ArbinCsvImporter().read(raw, QString::fromStdString(path), {});
        readS.push_back(timer.nsecsElapsed() / 1e9);
        readCpu.push_back(cpuSeconds() - cpu0);
        if (!again) return 1;
    }
    const double mb = bytes / 1e6;
    double load[3] = {0, 0, 0};
    ::getloadavg(load, 3);
    std::printf("load average %.2f (2 cores shared)\n", load[0]);
    std::printf("bench_cycling import median=%.3f s (%.0f MB/s, n=%d)  [min %.3f]  cpu %.3f s\n",
                median(importS), mb / median(importS), runs,
                *std::min_element(importS.begin(), importS.end()), median(importCpu));
    std::printf("bench_cycling read median=%.3f s (%.0f MB/s)  cpu %.3f s\n", median(readS),
                mb / median(readS), median(readCpu));
    std::printf("bench_cycling table median=%.3f s (%zu cycles)\n", median(tableS), cycles);
    std::printf("bench_cycling peak_rss=%.0f MB (child: import + table), numeric size %.0f MB (%zu columns), "
                "file %.0f MB; peak/numeric=%.2f%s\n",
                peakMb, numericBytes / 1e6 * 1e6 / 1048576.0, columns, mb,
                peakMb / (numericBytes / 1048576.0),
                WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : " (child failed)");
    if (!keep) QFile::remove(QString::fromStdString(path));
    return 0;
}
