#pragma once
/// \file AifImporter.h
/// Adsorption Information File (AIF; Evans et al., Langmuir 2021, doi 10.1021/acs.langmuir.1c00122):
/// CIF 1.1 syntax — one `data_` block, `_tag value` pairs (values with spaces in '…' or "…", or a
/// ;-delimited text field), `loop_` tables — with the isotherm in the loops `_adsorp_pressure
/// _adsorp_p0 _adsorp_amount` and `_desorp_…`.
///
/// Read as written by raw2aif, pyGAPS and the AIF dictionary: the amount column may also be
/// `_adsorp_loading` (newer dictionary); p0 per point or `_exptl_p0`; `_units_pressure relative`;
/// unit strings as converters write them ('mmol/g', 'cm³/g STP', 'ml(STP) g-1', 'cm^3(STP) g^-1', and
/// 'cc' whose mass basis is `_units_mass`); legacy tags `_exptl_sample_mass`, `_sample_id`,
/// `_sample_material_id`. Every scalar tag is kept in metadata "aif_tags".
///
/// Refused with a message: a missing `_units_pressure` or `_units_loading` (never guessed), more than
/// one data block (one isotherm per import), a loop whose values do not fill its rows (truncated).

#include "io/import/Importer.h"

namespace vanadis {

class AifImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("aif"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
