#pragma once
/// \file TextFormat.h
/// printf-style formatting into std::string for the sentences of results and warnings (C locale: the
/// numeric layer never sets a locale, and "%.2f" always writes a point). No Qt here.

#include <cstdarg>
#include <cstdio>
#include <string>

namespace vanadis::tga {

/// The formatted text, however long it gets.
[[gnu::format(printf, 1, 2)]] inline std::string textf(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    const int size = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out(size > 0 ? std::size_t(size) : 0, '\0');
    if (size > 0) std::vsnprintf(out.data(), out.size() + 1, format, args);
    va_end(args);
    return out;
}

} // namespace vanadis::tga
