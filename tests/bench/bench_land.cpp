// LANDdt workbook benchmark: generates a LANDdt-layout .xlsx (Record-Tab of N rows — default 1 000 000, the
// most one Excel sheet holds — plus Cycle-Tab and Step-Tab; text cells as shared strings, as Excel writes
// them; TestTime as Excel time for the first day and "D-HH:MM:SS" after it) in /tmp at run time, then
// times parseFile() on it (median of runs, wall and CPU seconds) and reports the peak resident memory of
// one import (a child's ru_maxrss) against the numeric size of the columns. The file is deleted at the end.
//
//   bench_land [--rows N] [--runs N]
#include "io/import/ImporterRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <zip.h>

using namespace vanadis;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double cpuSeconds()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

std::string colName(int c)
{
    std::string s;
    for (int k = c + 1; k > 0; k = (k - 1) / 26)
        s.insert(s.begin(), char('A' + (k - 1) % 26));
    return s;
}

struct Sheet {
    std::string xml;
    int row = 0, col = 0;
    void begin()
    {
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
              "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    }
    void startRow()
    {
        ++row;
        col = 0;
        xml += "<row r=\"" + std::to_string(row) + "\">";
    }
    void endRow() { xml += "</row>"; }
    std::string ref() { return colName(col++) + std::to_string(row); }
    void number(double v)
    {
        char b[40];
        auto r = std::to_chars(b, b + 40, v);
        xml += "<c r=\"" + ref() + "\"><v>" + std::string(b, r.ptr) + "</v></c>";
    }
    void shared(size_t k) { xml += "<c r=\"" + ref() + "\" t=\"s\"><v>" + std::to_string(k) + "</v></c>"; }
    void skip() { ++col; }
    void end() { xml += "</sheetData></worksheet>"; }
};

struct Strings {
    std::vector<std::string> list;
    std::vector<std::pair<std::string, size_t>> fixed;
    size_t add(const std::string& s)
    {
        list.push_back(s);
        return list.size() - 1;
    }
    size_t once(const std::string& s)
    {
        for (auto& [t, k] : fixed)
            if (t == s) return k;
        fixed.emplace_back(s, add(s));
        return fixed.back().second;
    }
};

qint64 generate(const std::string& path, long rows)
{
    Strings ss;
    Sheet rec;
    rec.begin();
    rec.startRow();
    for (const char* h :
         {"Record", "TestTime", "StepTime", "Current/mA", "Capacity/mAh", "SpeCap/mAh/g", "Voltage/V",
          "Energy/mWh", "SysTime", "", "Cycle-Index", "Step-Index", "Step-State"})
        if (*h)
            rec.shared(ss.once(h));
        else
            rec.skip();
    rec.endRow();
    const long perHalf = 80; // records of one half cycle, every 10 s at 1 A g⁻¹ on 1.5 mg
    double t = 0.0;
    long k = 0;
    int cycle = 1, step = 0;
    Sheet cyc;
    cyc.begin();
    cyc.startRow();
    for (const char* h : {"Cycle", "CapC/mAh", "CapD/mAh"})
        cyc.shared(ss.once(h));
    cyc.endRow();
    double q[2] = {0, 0};
    while (k < rows) {
        for (int half = 0; half < 2 && k < rows; ++half) {
            ++step;
            const double I = 1.5 * (half == 0 ? -1 : 1);
            for (long i = 0; i <= perHalf && k < rows; ++i, ++k) {
                const double st = 10.0 * double(i);
                const double tt = t + st;
                rec.startRow();
                rec.number(double(k + 1));
                if (tt < 86400.0) {
                    rec.number(tt / 86400.0);
                } else {
                    const long s = long(tt);
                    char b[32];
                    std::snprintf(b, sizeof b, "%ld-%02ld:%02ld:%02ld", s / 86400, (s % 86400) / 3600,
                                  (s % 3600) / 60, s % 60);
                    rec.shared(ss.add(b));
                }
                char hms[24];
                std::snprintf(hms, sizeof hms, "%02ld:%02ld:%02ld", long(st) / 3600, (long(st) % 3600) / 60,
                              long(st) % 60);
                rec.shared(ss.once(hms));
                const double qm = 1.5 * st / 3600.0;
                rec.number(I);
                rec.number(qm);
                rec.number(qm / 1.5e-3);
                rec.number(half == 0 ? 4.0 - 2.5 * double(i) / perHalf : 1.5 + 2.5 * double(i) / perHalf);
                rec.number(qm * 2.7);
                rec.shared(ss.once("2024-03-01 10:00:00"));
                rec.skip();
                rec.number(cycle);
                rec.number(step);
                rec.shared(ss.once(half == 0 ? "RateD" : "RateC"));
                rec.endRow();
                q[half] = qm;
            }
            t += 10.0 * perHalf;
        }
        cyc.startRow();
        cyc.number(cycle);
        cyc.number(q[1]);
        cyc.number(q[0]);
        cyc.endRow();
        ++cycle;
    }
    rec.end();
    cyc.end();
    std::string sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
                      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    for (const auto& s : ss.list)
        sst += "<si><t>" + s + "</t></si>";
    sst += "</sst>";
    const std::string wb =
        "<?xml version=\"1.0\"?><workbook "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        "<sheet name=\"Cycle-Tab\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Record-Tab\" sheetId=\"2\" "
        "r:id=\"rId2\"/></sheets></workbook>";
    const std::string rels =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>";
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) return -1;
    const std::vector<std::pair<const char*, const std::string*>> parts{
        {"xl/workbook.xml", &wb},
        {"xl/_rels/workbook.xml.rels", &rels},
        {"xl/sharedStrings.xml", &sst},
        {"xl/worksheets/sheet1.xml", &cyc.xml},
        {"xl/worksheets/sheet2.xml", &rec.xml}};
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(z, data->data(), data->size(), 0);
        const zip_int64_t idx = zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
        zip_set_file_compression(z, zip_uint64_t(idx), ZIP_CM_DEFLATE, 1);
    }
    if (zip_close(z) != 0) return -1;
    std::printf("sheet XML %.0f MB, %zu shared strings\n", (rec.xml.size() + sst.size()) / 1e6,
                ss.list.size());
    return QFile(QString::fromStdString(path)).size();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    long rows = 1'000'000;
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::max(1000L, std::atol(argv[++i]));
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
    }
    const std::string path = "/tmp/vanadis_bench_land_" + std::to_string(::getpid()) + ".xlsx";
    const qint64 bytes = generate(path, rows);
    if (bytes < 0) return 1;
    std::printf("generated %ld records, %.1f MB: %s\n", rows, bytes / 1e6, path.c_str());
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child == 0) _exit(parseFile(QString::fromStdString(path)) ? 0 : 2);
    int status = 0;
    ::waitpid(child, &status, 0);
    struct rusage ru {};
    ::getrusage(RUSAGE_CHILDREN, &ru);
    std::vector<double> wall, cpu;
    size_t numeric = 0, columns = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        const double c0 = cpuSeconds();
        timer.start();
        auto p = parseFile(QString::fromStdString(path));
        wall.push_back(timer.nsecsElapsed() / 1e9);
        cpu.push_back(cpuSeconds() - c0);
        if (!p) {
            std::fprintf(stderr, "import failed: %s\n", p.error().message().c_str());
            return 1;
        }
        numeric = 0;
        columns = p->datasets.front().columns.size();
        for (const Column& c : p->datasets.front().columns)
            numeric += c.values.size() * sizeof(double);
    }
    std::printf("bench_land import median=%.3f s (%.0f k records/s, n=%d) cpu %.3f s\n", median(wall),
                rows / median(wall) / 1e3, runs, median(cpu));
    std::printf("bench_land peak_rss=%.0f MB, numeric size %.0f MB (%zu columns), file %.0f MB; "
                "peak/numeric=%.2f%s\n",
                ru.ru_maxrss / 1024.0, numeric / 1048576.0, columns, bytes / 1e6,
                ru.ru_maxrss / 1024.0 / (numeric / 1048576.0),
                WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : " (child failed)");
    QFile::remove(QString::fromStdString(path));
    return 0;
}
