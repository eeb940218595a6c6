#pragma once
/// \file BiologicMprImporter.h
/// BioLogic EC-Lab binary `.mpr` (echem.md §7). Layout as publicly described by the reverse engineers
/// (galvani's BioLogic.py, eclabfiles) and checked on three real files:
/// - a 52-byte file header `BIO-LOGIC MODULAR FILE\x1a`, blanks, four zero bytes;
/// - modules, each `MODULE`, a 10-byte short name (`VMP Set   `, `VMP data  `, `VMP LOG   `, `VMP loop  `),
///   a 25-byte long name, then either (older EC-Lab) length u32, version u32, date[8], or (EC-Lab ≥ 11.50)
///   0xFFFFFFFF, length u32, two u32 and date[8]; the module body follows;
/// - `VMP data`: point count u32, column count (u8, or u16 in the newer layout), one column id per column
///   (u16; u8 in version 0), zero padding, then the packed little-endian records. Where the records start
///   is not written in the file: it is the body length minus count × record size, and the padding before it
///   must be zero (a version-3 file has a single 0x01 just before the records);
/// - the column ids name an EC-Lab quantity and its binary type (time/s f64, Ewe/V f32, I/mA f32, Ns u16,
///   half cycle u32, …); ids 1, 2, 3, 21, 31, 65 are bits of one shared flags byte (mode 0x03, ox/red 0x04,
///   error 0x08, control changes 0x10, Ns changes 0x20, counter inc. 0x80);
/// - `VMP Set`: its first byte is the technique (0x04 GCPL, 0x06 CV, 0x1D PEIS, 0x1E GEIS, 0x7F Modulo Bat,
///   …); the dataset type follows it as for .mpt (PEIS/GEIS → eis, CV → cv, the rest cycling_record). An
///   unknown technique byte: eis when every point has a frequency, else cycling_record, with a warning.
///
/// Columns become the same canonical columns as the .mpt reader's (biologicColumnAliases). A GCPL file that
/// stores no current column gets Current = 3600·dQ/Δt (mA, the mean current of each interval, which is what
/// EC-Lab's <I> is), named in metadata["current_source"]. An unknown column id is an error naming the id and
/// its byte offset: its size is unknown, so every later column would be garbage.
#include "io/import/Importer.h"

namespace vanadis {

/// Reads BioLogic EC-Lab binary .mpr files (the VMP data module; settings for the technique).
class BiologicMprImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("biologic-mpr"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    bool detectsTruncation() const override { return true; }
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
