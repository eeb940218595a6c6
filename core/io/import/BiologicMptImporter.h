#pragma once
/// \file BiologicMptImporter.h
/// BioLogic EC-Lab text export `.mpt` (echem.md §7): `EC-Lab ASCII FILE`, `Nb header lines : N`, the
/// technique name on line 4, `Characteristic mass : m g`, the last header line TAB-separated `name/unit`
/// column names (`time/s`, `Ewe/V`, `<I>/mA`, `Q charge/discharge/mA.h`, `freq/Hz`, `Re(Z)/Ohm`,
/// `-Im(Z)/Ohm`, …), Latin-1 µ, decimal comma possible. Also EC-Lab's `;`-separated CSV export of the same
/// columns (Modulo Bat). The dataset type follows the technique: PEIS/GEIS → eis, CV → cv, GITT → gitt,
/// everything else (GCPL, MB, CA, CP, OCV) → cycling_record. Columns are mapped generally: every technique's
/// columns by name.

#include "io/import/EchemTableReader.h"
#include "io/import/Importer.h"

#include <span>

namespace vanadis {

/// EC-Lab column names (`time/s`, `Ewe/V`, `<I>/mA`, …) and the canonical columns they become; shared by
/// the .mpt and .mpr readers so both give the same dataset for the same run.
std::span<const echemimport::Alias> biologicColumnAliases();

/// Reads BioLogic EC-Lab .mpt text (all techniques) and its ;-separated CSV export.
class BiologicMptImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("biologic-mpt"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
