#pragma once
/// \file PyGapsJsonImporter.h
/// pyGAPS isotherm JSON (file_version 3; pyGAPS, Iacomi & Llewellyn, Adsorption 2019,
/// doi 10.1007/s10450-019-00168-5): one object with the isotherm's properties (`adsorbate`,
/// `temperature` + `temperature_unit`, `material` (a name or {name, density}), `pressure_mode`
/// relative|absolute + `pressure_unit`, `loading_basis` + `loading_unit`, `material_basis` +
/// `material_unit`, `material_mass`) and `isotherm_data`: a list of points {pressure, loading,
/// pressure_saturation?, branch: "des"?} (or, in older files, an object of columns). Converted to the
/// columns every BET reader gives (IsothermAssembler).
///
/// Absolute pressures without a per-point `pressure_saturation` are divided by the saturation pressure of
/// N2 or Ar at the stated temperature (the ancillary vapour-pressure equations of the reference equations
/// of state, as pyGAPS does through CoolProp), named in a warning. Loadings as liquid volume or adsorbate
/// mass and other adsorbates without p0 are refused with a message; NIST ISODB JSON (adsorptionUnits, no
/// saturation pressure) is recognised and refused with what to do.

#include "io/import/Importer.h"

#include <optional>

namespace vanadis {

class PyGapsJsonImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("pygaps-json"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;

    /// Saturation pressure (Pa) of N2 (Span et al., J. Phys. Chem. Ref. Data 29, 1361 (2000)) or Ar
    /// (Tegeler et al., J. Phys. Chem. Ref. Data 28, 779 (1999)) at \a kelvin from their ancillary
    /// vapour-pressure equations; nullopt for other adsorptives or outside triple point – critical point.
    static std::optional<double> saturationPressurePa(const QString& adsorptive, double kelvin);
};

} // namespace vanadis
