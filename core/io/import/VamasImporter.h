#pragma once
/// \file VamasImporter.h
/// VAMAS / ISO 14976 (Dench, Hazell & Seah, Surf. Interface Anal. 13 (1988) 63; xps.md §7), the exchange
/// format of CasaXPS, Kratos, PHI MultiPak (.vms and .npl), Omicron EIS and SPECS Prodigy. One value per
/// line, meaning by position. Read here: every experiment mode (MAP, MAPDP, MAPSV, MAPSVDP, NORM, SDP,
/// SDPSV, SEM, NOEXP), REGULAR and IRREGULAR scans (MAPPING images are refused), the parameter
/// inclusion/exclusion list (an omitted item takes the first block's value), future-upgrade entries, and
/// 1E37 as "not given".
///
/// Every block becomes its own "xps_region" dataset labelled with its region ("V 2p", "O 1s", "Survey"),
/// columns "Binding Energy" (eV) and "Intensity" in the file's own order; further corresponding
/// variables (Kratos/CasaXPS "Transmission") are kept as extra columns. A kinetic-energy abscissa becomes
/// BE = hν − KE ignoring the analyser work function, as CasaXPS does (xps.md §6; the stored work function
/// is kept as metadata only). Intensities are stored as the file gives them — counts, or counts/s when a
/// label says so — never divided by the counting time; metadata dwell_s (signal collection time per point
/// and scan) and scans let an analysis convert. Block and experiment comments (CasaXPS "CASA comp …",
/// Kratos ESCApe, "exported from PHI-MultiPak") are kept as metadata "comments" and "casa_lines".
///
/// A file whose header announces more blocks than it holds, a block with a missing line (a number where
/// a word is expected or the reverse), NaN or non-numeric counts are refused with the file, the block
/// and the line; nothing of such a file is imported.

#include "io/import/Importer.h"

namespace vanadis {

class VamasImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("vamas"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
