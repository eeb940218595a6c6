#pragma once
/// \file SimData.h
/// The common output type of the forward models in vanadis::sim: one raw dataset shaped like an
/// instrument export (named columns with units plus key/value metadata). No Qt here.

#include <string>
#include <utility>
#include <vector>

namespace vanadis::sim {

/// One named column of a generated dataset; unit is a plain string ("deg", "counts", "mAh/g", "1").
struct SimColumn {
    std::string name;
    std::string unit;
    std::vector<double> values;
};

/// One generated raw dataset, as an instrument export would give it.
struct SimDataset {
    std::string technique; // "xrd" | "xps" | "bet" | "tga" | "echem"
    std::string kind;      // "pattern", "V 2p", "O 1s", "C 1s", "isotherm", "mass", "cycling_1Ag",
                           // "cycling_10Ag", "rate", "gcd", "cv", "gitt", "eis"
    std::string name;      // human readable, e.g. "HMCS – N2 isotherm 77 K"
    std::vector<SimColumn> columns;
    std::vector<std::pair<std::string, std::string>> metadata; // instrument metadata as an export would
    // carry it (wavelength, adsorptive, temperature, sample mass mg, heating rate, current density, scan
    // rate, active mass mg, ...); numbers as plain C-locale strings
};

} // namespace vanadis::sim
