#pragma once
/// \file SimUtil.h
/// Small helpers shared by the forward models: deterministic random numbers, C-locale number
/// formatting for metadata, and column/metadata look-up on a SimDataset. No Qt here.

#include "numeric/sim/SimData.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vanadis::sim {

/// Number as the shortest round-trip C-locale string (std::to_chars), e.g. "1.5405929".
inline std::string formatNumber(double value)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

/// Numbers joined by ',' (C locale), for per-item truth lists in metadata.
inline std::string formatList(const std::vector<double>& values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += formatNumber(values[i]);
    }
    return out;
}

/// FNV-1a 64-bit hash: a platform-independent seed from a label such as "HMCS/xrd".
inline std::uint64_t seedFromLabel(std::string_view label)
{
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : label) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

/// Deterministic noise source. std::normal_distribution and std::poisson_distribution are
/// implementation-defined, which is acceptable because Vanadis only builds with GCC/libstdc++.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    double normal(double mean = 0.0, double sigma = 1.0)
    {
        if (sigma <= 0.0) return mean;
        return std::normal_distribution<double>(mean, sigma)(m_engine);
    }
    double uniform(double lo = 0.0, double hi = 1.0)
    {
        return std::uniform_real_distribution<double>(lo, hi)(m_engine);
    }
    /// Poisson counts; above 1e6 expected counts the normal limit is used (libstdc++'s rejection
    /// sampler is exact there too, but the limit keeps the cost flat).
    double poisson(double mean)
    {
        if (mean <= 0.0) return 0.0;
        if (mean > 1e6) return std::max(0.0, std::round(normal(mean, std::sqrt(mean))));
        return static_cast<double>(std::poisson_distribution<long long>(mean)(m_engine));
    }

private:
    std::mt19937_64 m_engine;
};

/// Appends one metadata entry; numbers are written with formatNumber (C locale).
inline void addMeta(SimDataset& dataset, std::string key, std::string value)
{
    dataset.metadata.emplace_back(std::move(key), std::move(value));
}
inline void addMeta(SimDataset& dataset, std::string key, const char* value)
{
    dataset.metadata.emplace_back(std::move(key), std::string(value));
}
inline void addMeta(SimDataset& dataset, std::string key, double value)
{
    dataset.metadata.emplace_back(std::move(key), formatNumber(value));
}
inline void addMeta(SimDataset& dataset, std::string key, int value)
{
    dataset.metadata.emplace_back(std::move(key), std::to_string(value));
}

/// The column called name; throws std::out_of_range when absent.
inline const SimColumn& column(const SimDataset& dataset, std::string_view name)
{
    for (const auto& c : dataset.columns)
        if (c.name == name) return c;
    throw std::out_of_range("no column '" + std::string(name) + "' in dataset " + dataset.name);
}

/// The metadata value for key, or an empty string when absent.
inline std::string metadataValue(const SimDataset& dataset, std::string_view key)
{
    for (const auto& [k, v] : dataset.metadata)
        if (k == key) return v;
    return {};
}

/// The metadata value for key parsed as a C-locale number; NaN when absent or not a number.
inline double metadataNumber(const SimDataset& dataset, std::string_view key)
{
    const std::string text = metadataValue(dataset, key);
    double value = std::nan("");
    if (text.empty()) return value;
    auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc()) return std::nan("");
    return value;
}

/// Comma-separated C-locale numbers from a metadata value (inverse of formatList).
inline std::vector<double> metadataList(const SimDataset& dataset, std::string_view key)
{
    std::vector<double> out;
    const std::string text = metadataValue(dataset, key);
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        double value = 0.0;
        auto result = std::from_chars(p, end, value);
        if (result.ec != std::errc()) break;
        out.push_back(value);
        p = result.ptr;
        if (p < end && *p == ',') ++p;
    }
    return out;
}

} // namespace vanadis::sim
