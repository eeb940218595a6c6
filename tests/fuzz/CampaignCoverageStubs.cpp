// No-op coverage callbacks for campaign_import_damage in the fuzz build: the libraries there are compiled
// with GCC's -fsanitize-coverage=trace-pc,trace-cmp, whose callbacks libFuzzer (or LibFuzzerGccShim.cpp)
// provides to the fuzz targets. The campaign is an ordinary program with its own main(), so it links these
// instead. Built without instrumentation.
#include <cstdint>

extern "C" {
void __sanitizer_cov_trace_pc() {}
void __sanitizer_cov_trace_cmp1(std::uint8_t, std::uint8_t) {}
void __sanitizer_cov_trace_cmp2(std::uint16_t, std::uint16_t) {}
void __sanitizer_cov_trace_cmp4(std::uint32_t, std::uint32_t) {}
void __sanitizer_cov_trace_cmp8(std::uint64_t, std::uint64_t) {}
void __sanitizer_cov_trace_const_cmp1(std::uint8_t, std::uint8_t) {}
void __sanitizer_cov_trace_const_cmp2(std::uint16_t, std::uint16_t) {}
void __sanitizer_cov_trace_const_cmp4(std::uint32_t, std::uint32_t) {}
void __sanitizer_cov_trace_const_cmp8(std::uint64_t, std::uint64_t) {}
void __sanitizer_cov_trace_cmpf(float, float) {}
void __sanitizer_cov_trace_cmpd(double, double) {}
void __sanitizer_cov_trace_switch(std::uint64_t, std::uint64_t*) {}
}
