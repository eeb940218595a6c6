// Coverage feedback for libFuzzer when the code under test is compiled by GCC.
//
// Why: Debian 12's clang (14; 16 likewise) cannot compile Vanadis: libstdc++ 12 declares std::expected
// only when __cpp_concepts >= 202002L, which clang defines from version 19 on. GCC compiles it and can
// instrument with -fsanitize-coverage=trace-pc,trace-cmp, but libFuzzer 14 (libclang-rt-14-dev) no
// longer implements the trace-pc callback. This file implements it the way clang's
// inline-8bit-counters work: every instrumented basic block bumps an 8-bit counter chosen by its
// address, and the counters are registered with libFuzzer at start-up. Comparisons reach libFuzzer
// directly through its own __sanitizer_cov_trace_cmp* hooks.
//
// Linked into the fuzz targets only with GCC (see CMakeLists.txt), before libFuzzer's archive and
// with --allow-multiple-definition, so that this __sanitizer_cov_trace_pc wins over libFuzzer's stub.
// Built without instrumentation or sanitizers: it is the instrumentation.
#include <cstddef>
#include <cstdint>

namespace {

constexpr std::size_t kCounters = std::size_t(1) << 18; // buckets; collisions only merge features
alignas(4096) std::uint8_t g_counters[kCounters];
// {pseudo PC, flags} per counter, so that libFuzzer's "cov:" counts the buckets reached.
alignas(4096) std::uintptr_t g_pcTable[2 * kCounters];

} // namespace

extern "C" {

void __sanitizer_cov_8bit_counters_init(std::uint8_t* begin, std::uint8_t* end);
void __sanitizer_cov_pcs_init(const std::uintptr_t* begin, const std::uintptr_t* end);

__attribute__((no_sanitize_coverage, no_sanitize_address, no_sanitize_undefined)) void
__sanitizer_cov_trace_pc()
{
    const auto pc = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    ++g_counters[(pc ^ (pc >> 18)) & (kCounters - 1)];
}

// GCC's trace-cmp also reports floating-point comparisons, which libFuzzer does not use.
__attribute__((no_sanitize_coverage)) void __sanitizer_cov_trace_cmpf(float, float) {}
__attribute__((no_sanitize_coverage)) void __sanitizer_cov_trace_cmpd(double, double) {}

} // extern "C"

namespace {

__attribute__((constructor, no_sanitize_coverage)) void registerCounters()
{
    for (std::size_t i = 0; i < kCounters; ++i)
        g_pcTable[2 * i] = i + 1;
    __sanitizer_cov_8bit_counters_init(g_counters, g_counters + kCounters);
    __sanitizer_cov_pcs_init(g_pcTable, g_pcTable + 2 * kCounters);
}

} // namespace
