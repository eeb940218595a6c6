#pragma once
/// \file ImpedanceCsv.h
/// Reads a plain "f, Z', Z''" CSV (rows that do not start with three numbers, e.g. a header, are skipped)
/// into an EisSpectrum, for the numeric tests on the real example spectra without the importers.

#include "numeric/echem/EisSpectrum.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace vanadis::testing {

/// The spectrum of \a path; empty when the file cannot be opened.
inline echem::EisSpectrum readImpedanceCsv(const std::string& path)
{
    echem::EisSpectrum s;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream ls(line);
        double f, re, im;
        if (ls >> f >> re >> im) {
            s.frequencyHz.push_back(f);
            s.zRealOhm.push_back(re);
            s.zImagOhm.push_back(im);
        }
    }
    return s;
}

} // namespace vanadis::testing
