// Electrochemistry kinetics benchmark (issue 13 targets): an R-(R‖CPE)-W CNLS fit of 70 points from
// automatic start values (< 2 ms), Lin-KK on the same spectrum (< 5 ms), a 10-cycle Gamry CV file
// (1 000 points per cycle) parsed and analysed — cycles split, branches and peaks found on every cycle
// (< 50 ms) — and the Dunn separation + b across potential of a 5-rate simulateCv series. Medians.
//
//   bench_echem_kinetics [--runs N]
#include "io/import/GamryDtaImporter.h"
#include "numeric/echem/Circuit.h"
#include "numeric/echem/CvKinetics.h"
#include "numeric/echem/Drt.h"
#include "numeric/echem/DunnAnalysis.h"
#include "numeric/echem/EisFit.h"
#include "numeric/echem/LinKK.h"
#include "numeric/sim/Electrochem.h"
#include "numeric/sim/SimUtil.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace vanadis;
using namespace vanadis::echem;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void report(const char* name, const std::vector<double>& ms)
{
    std::printf("%s median=%.3f ms (n=%zu)  [min %.3f, max %.3f]\n", name, median(ms), ms.size(),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
    std::fflush(stdout);
}

template <class F>
std::vector<double> timeRuns(int runs, F f)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 200;
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[++i]));

    // 70 log-spaced points 100 kHz … 10 mHz, 0.5 % noise.
    const Circuit c = *Circuit::parse("R0-p(R1,CPE1)-W1");
    const std::vector<double> truth = {12.0, 245.0, 2e-5, 0.85, 60.0};
    EisSpectrum s;
    std::mt19937_64 rng(1);
    std::normal_distribution<double> g(0.0, 0.005);
    for (int i = 0; i < 70; ++i)
        s.frequencyHz.push_back(std::pow(10.0, 5.0 - 7.0 * i / 69.0));
    for (const auto z : simulateCircuit(c, truth, s.frequencyHz)) {
        s.zRealOhm.push_back(z.real() + std::abs(z) * g(rng));
        s.zImagOhm.push_back(z.imag() + std::abs(z) * g(rng));
    }
    int iterations = 0;
    report("eis_fit_R-(R|CPE)-W_70pts", timeRuns(runs, [&] {
               auto r = fitCircuit(c, s);
               if (!r || !r->converged) std::abort();
               iterations = r->iterations;
           }));
    std::printf("  (%d LM iterations from the automatic start)\n", iterations);
    int m = 0;
    report("linkk_70pts", timeRuns(runs, [&] {
               auto r = linKK(s);
               if (!r) std::abort();
               m = r->m;
           }));
    std::printf("  (M = %d)\n", m);
    LinKKOptions cap;
    cap.seriesCapacitor = true;
    report("linkk_70pts_series_C", timeRuns(runs, [&] {
               if (!linKK(s, cap)) std::abort();
           }));
    // DRT of the same 70 points (≈ 91 τ nodes), λ by modified GCV: the target is < 20 ms.
    std::size_t drtPeaks = 0;
    double lambda = 0.0;
    report("drt_70pts_mgcv", timeRuns(runs, [&] {
               auto r = drt(s);
               if (!r) std::abort();
               drtPeaks = r->peaks.size();
               lambda = r->lambda;
           }));
    std::printf("  (%zu peaks, λ = %.3g)\n", drtPeaks, lambda);

    // A 10-cycle Gamry CV text: CURVE1 … CURVE10, 1 000 points per cycle (5 mV steps, 1.5–4.0 V).
    sim::CvParams p;
    p.scanRatesMVPerS = {1.0};
    p.cyclesPerRate = 10;
    const sim::SimDataset cv = sim::simulateCv(p);
    const auto& e = sim::column(cv, "Potential").values;
    const auto& i = sim::column(cv, "Current").values;
    const auto& t = sim::column(cv, "Time").values;
    const auto& cyc = sim::column(cv, "Cycle").values;
    QByteArray file = "EXPLAIN\r\nTAG\tCV\r\nTITLE\tLABEL\tCyclic Voltammetry\tTest &Identifier\r\n"
                      "SCANRATE\tQUANT\t1.00000E+000\t&Scan Rate (mV/s)\r\n";
    int current = 0;
    for (std::size_t k = 0; k < e.size(); ++k) {
        if (int(cyc[k]) != current) {
            current = int(cyc[k]);
            file += "CURVE" + QByteArray::number(current) +
                    "\tTABLE\r\n\tPt\tT\tVf\tIm\tVu\tSig\tAch\tIERange\tOver\r\n\t#\ts\tV vs. "
                    "Ref.\tA\tV\tV\tV\t#\tbits\r\n";
        }
        file += "\t" + QByteArray::number(qulonglong(k)) + "\t" + QByteArray::number(t[k], 'g', 8) + "\t" +
                QByteArray::number(e[k], 'E', 5) + "\t" + QByteArray::number(i[k] * 1e-3, 'E', 5) +
                "\t0.00000E+000\t0\t0\t5\t...........\r\n";
    }
    std::printf("CV file: %zu rows, %lld bytes\n", e.size(), static_cast<long long>(file.size()));
    const GamryDtaImporter importer;
    std::size_t peaks = 0;
    report("cv_10cycles_parse_and_peaks", timeRuns(std::max(5, runs / 10), [&] {
               auto r = importer.read(file, "bench.DTA", {});
               if (!r) std::abort();
               const auto& d = r->front();
               const auto& pe = d.columns[1].values;
               const auto& cu = d.columns[2].values;
               const auto& cy = d.columns[3].values;
               peaks = 0;
               for (int k = 1; k <= 10; ++k) {
                   CvScan scan;
                   scan.scanRateMvS = 1.0;
                   for (std::size_t j = 0; j < cy.size(); ++j)
                       if (int(cy[j]) == k) {
                           scan.potentialV.push_back(pe[j]);
                           scan.currentMa.push_back(cu[j]);
                       }
                   peaks += findCvPeaks(scan).size();
               }
           }));
    std::printf("  (%zu peaks over 10 cycles)\n", peaks);

    // Dunn + b across potential on five scan rates (cycle 2 of each).
    sim::CvParams five;
    const sim::SimDataset series = sim::simulateCv(five);
    std::vector<CvScan> scans;
    {
        const auto& pe = sim::column(series, "Potential").values;
        const auto& cu = sim::column(series, "Current").values;
        const auto& ra = sim::column(series, "Scan Rate").values;
        const auto& cy = sim::column(series, "Cycle").values;
        for (std::size_t k = 0; k < pe.size(); ++k) {
            if (int(cy[k]) != 2) continue;
            if (scans.empty() || scans.back().scanRateMvS != ra[k]) scans.push_back({ra[k], {}, {}});
            scans.back().potentialV.push_back(pe[k]);
            scans.back().currentMa.push_back(cu[k]);
        }
    }
    report("cv_dunn_and_b_5rates", timeRuns(std::max(5, runs / 4), [&] {
               if (!dunnAnalysis(scans) || !bValuesAcrossPotential(scans)) std::abort();
           }));
    return 0;
}
