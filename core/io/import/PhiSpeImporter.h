#pragma once
/// \file PhiSpeImporter.h
/// Ulvac-PHI MultiPak / SmartSoft spectrum file (.spe; xps.md §7, layout checked on a VersaProbe 4 file):
/// ASCII `Key: value` lines between `SOFH` and `EOFH` — `SpectralRegDef: id id name Z npts step startBE
/// endBE … dwell PE AREA` per region, `XraySource: Al 1486.6 mono`, `AnalyserWorkFcn` — then a binary
/// part: uint32 spectrum count, 24 uint32 per spectrum (value count at index 8, a "f4"/"f8" type tag,
/// byte length at 22, byte offset from the start of the binary part at 23), then little-endian float32
/// or float64 values in counts/s.
///
/// One "xps_region" dataset per region ("Su1s" → "Survey", "V2p" → "V 2p"); the binding-energy axis is
/// startBE + i·step (PHI stores BE with a negative step). The .spe extension is shared with Princeton
/// WinSpec images: only files that start with SOFH are claimed, and any other .spe is refused with a
/// message saying it is not a PHI file. A header/binary mismatch (counts, lengths, offsets beyond the
/// file, NaN values) is an error naming the file and the region.

#include "io/import/Importer.h"

namespace vanadis {

class PhiSpeImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("phi-spe"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
