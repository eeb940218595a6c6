// XRD crystallographic core benchmark: the V2O3 reference pattern (CIF text → structure → 29 reflections,
// Cu Kα1, 2θ < 90°; xrd.md §8 quotes gemmi at ≈ 1 ms for read + 29 lines and pymatgen at tens of ms),
// indexing 20 observed peaks against it (with and without the zero-shift grid search), and refining the
// hexagonal cell with a zero shift from those 20 lines.
//
//   bench_xrd_cell [--runs N]
#include "numeric/Constants.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/xrd/CifReader.h"
#include "numeric/xrd/Indexing.h"
#include "numeric/xrd/LatticeRefinement.h"
#include "numeric/xrd/ReflectionList.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

using namespace vanadis;
using namespace vanadis::xrd;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void time(const char* name, int runs, const std::function<void()>& f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("%s median=%.3f ms (n=%zu)  [min %.3f, max %.3f]\n", name, median(ms), ms.size(),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 50;
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[++i]));

    std::ifstream f(VANADIS_SOURCE_DIR "/resources/phases/V2O3.cif");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string cif = ss.str();
    if (cif.empty()) {
        std::fprintf(stderr, "resources/phases/V2O3.cif not found\n");
        return 1;
    }
    ReflectionOptions ro;
    ro.wavelengthA = constants::cuKa1Angstrom;
    const auto structure = readCifStructure(cif, "V2O3.cif");
    const auto ref = computeReflectionList(*structure, ro);
    if (!structure || !ref) return 1;
    std::printf("V2O3: %zu reflections below 90°\n", ref->reflections.size());

    time("v2o3_cif_read", runs, [&] { (void)readCifStructure(cif, "V2O3.cif"); });
    time("v2o3_pattern", runs, [&] { (void)computeReflectionList(*structure, ro); });
    time("v2o3_cif_and_pattern", runs, [&] {
        const auto s = readCifStructure(cif, "V2O3.cif");
        (void)computeReflectionList(*s, ro);
    });

    // 20 observed peaks: the reference lines with I ≥ 1 of a slightly expanded cell, +0.1° zero, noise.
    const ReflectionList moved =
        repositionReflections(*ref, UnitCell::hexagonal(4.958, 14.02), ro.wavelengthA);
    sim::Rng rng(3);
    std::vector<ObservedPeak> peaks;
    for (const Reflection& r : moved.reflections)
        if (r.relativeIntensity >= 1.0 && peaks.size() < 20)
            peaks.push_back({r.twoThetaDeg + 0.1 + rng.normal(0.0, 0.005), 0.005, 0.25, r.relativeIntensity});
    std::printf("peaks: %zu\n", peaks.size());
    IndexingOptions plain, search;
    search.searchZeroShift = true;
    time("index_20_peaks", runs, [&] { (void)indexPeaks(peaks, *ref, plain); });
    time("index_20_peaks_zero_search", runs, [&] { (void)indexPeaks(peaks, *ref, search); });

    const auto ix = indexPeaks(peaks, *ref, search);
    const auto lines = refinementLines(peaks, *ix, *ref);
    RefinementOptions opt;
    opt.system = ref->latticeSystem;
    opt.wavelengthA = ro.wavelengthA;
    const auto r = refineLattice(lines, ref->cell, opt);
    if (!r) return 1;
    std::printf("refined from %zu lines: a = %.5f(%.5f) c = %.5f(%.5f) zero = %.4f\n", lines.size(),
                r->cell.aA, r->esd.aA, r->cell.cA, r->esd.cA, r->zeroShiftDeg);
    time("refine_cell_hexagonal_zero", runs, [&] { (void)refineLattice(lines, ref->cell, opt); });
    time("index_and_refine", runs, [&] {
        const auto i2 = indexPeaks(peaks, *ref, search);
        const auto l2 = refinementLines(peaks, *i2, *ref);
        (void)refineLattice(l2, ref->cell, opt);
    });
    return 0;
}
