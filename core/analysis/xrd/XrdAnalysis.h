#pragma once
/// \file XrdAnalysis.h
/// The XRD tab's analysis: background (SNIP), peak search, profile fit with Kα1/Kα2 doublets, indexing
/// against a reference phase computed from its crystal structure (bundled V2O3, corundum, silicon), cell
/// refinement with a zero shift, Scherrer sizes with the instrument broadening removed and a
/// Williamson–Hall fit, from one powder pattern. The maths lives in core/numeric/xrd (see its headers
/// for the literature sources); this file wires it to the platform and writes the `vanadis-cli xrd`
/// JSON.

#include "analysis/Analysis.h"
#include "analysis/ParamTable.h"

namespace vanadis {

/// Parameters of computeXrd(); keys, defaults and bounds are declared once in xrdParamTable().
struct XrdParams {
    QString phase;                            ///< V2O3|Al2O3|Si|none
    std::optional<Id> phaseDataset;           ///< a user crystal structure (CIF); overrides `phase`
    bool dSpacingAxis;                        ///< figures: a d-spacing top axis
    std::optional<double> wavelengthAngstrom; ///< Kα1; unset: the file's
    double thresholdSigma;                    ///< peak-search significance
    QString profile;                          ///< pseudo_voigt|split_pseudo_voigt|pearson_vii|voigt
    bool kalphaDoublets;                      ///< Kα2 modelled in the fit (needs λ2)
    bool amorphousHump;                       ///< a broad hump component under the lines
    double indexToleranceDeg;
    QString positionCorrection; ///< displacement|zero_shift|both|none
    QString geometry;           ///< auto|reflection|transmission (the displacement term's form)
    double scherrerK;
    QString breadth;                        ///< fwhm|integral_breadth
    double cagliotiU, cagliotiV, cagliotiW; ///< instrument Γ_G² = U tan²θ + V tanθ + W, deg²
};

ParamTable<XrdParams> xrdParamTable();

/// Analyses a powder pattern (columns "2Theta" in degrees and "Intensity"; wavelength from the
/// parameters or the metadata `wavelength_angstrom`, `wavelength2_angstrom`, `ka2_ka1_ratio`). Returns
/// the `vanadis-cli xrd` JSON: wavelength_angstrom, peaks [{two_theta_deg, two_theta_err, fwhm_deg,
/// fwhm_err, area, area_err, height, d_angstrom, hkl, delta_two_theta_deg, size_nm, size_err}], lattice
/// {a_angstrom, a_err, b_angstrom, c_angstrom, c_err, volume_a3, volume_err, zero_shift_deg,
/// zero_shift_err, system}, scherrer_size_nm {mean, mean_err, per_peak}, williamson_hall {size_nm,
/// size_err, strain, strain_err, points}, unindexed_peaks, missing_reflections, reference [...],
/// curves for the figures, warnings. Errors: no 2θ or intensity column, no wavelength, a pattern the
/// peak search cannot read, no peaks.
/// \a phase: the "crystal_structure" dataset `phase_dataset` names (required when it is set).
Expected<QJsonObject> computeXrd(const Dataset& pattern, const QJsonObject& params,
                                 const Dataset* phase = nullptr);

/// The declaration of the XRD analysis (id "xrd").
const AnalysisDescriptor& xrdAnalysis();

} // namespace vanadis
