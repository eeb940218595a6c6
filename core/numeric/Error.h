#pragma once
/// \file Error.h
/// The error type returned at every boundary (importer, analysis, project store) as
/// std::expected<T, Error>. No Qt here: core/numeric must stay Qt-free.

#include <expected>
#include <string>

namespace vanadis {

/// What went wrong, where, in words a chemist understands.
struct Error {
    std::string file;     ///< path or file name of the input; empty when not file-related
    std::string location; ///< "line 12", "byte 4096", "sheet 'BET', row 3"; empty when not applicable
    std::string reason;   ///< one sentence, no jargon, no stack trace

    /// "file: location: reason" with empty parts left out.
    std::string message() const
    {
        std::string out;
        if (!file.empty()) out += file + ": ";
        if (!location.empty()) out += location + ": ";
        out += reason;
        return out;
    }
};

template <class T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string file, std::string location, std::string reason)
{
    return std::unexpected<Error>(Error{std::move(file), std::move(location), std::move(reason)});
}

} // namespace vanadis
