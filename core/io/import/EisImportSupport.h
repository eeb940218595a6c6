#pragma once
/// \file EisImportSupport.h
/// The one shape every impedance importer produces, dataset type "eis", technique echem:
///   "Frequency" (Hz), "Z'" (Ω), "Z''" (Ω, negative for capacitive behaviour, echem.md §6),
///   "|Z|" (Ω) and "Phase" (°, negative for capacitive) computed from Z' and Z''.
/// Rows keep the file's order. Frequencies that are not above 0 or occur twice are refused with the
/// line they are on: the numerics divide by ω and a repeated frequency is a merged or mislabelled file.

#include "io/import/Importer.h"

#include <vector>

namespace vanadis {

/// One impedance point as read, with the 1-based line it came from (for messages).
struct EisPoint {
    double frequencyHz = 0.0;
    double zRealOhm = 0.0;
    double zImagOhm = 0.0; ///< already in the Z'' < 0 capacitive convention
    int line = 0;
};

/// Builds the dataset or fails naming the file and line. Errors: no points, f ≤ 0, a repeated f.
Expected<ImportedDataset> makeEisDataset(const QString& fileName, const QString& name,
                                         const std::vector<EisPoint>& points);

} // namespace vanadis
