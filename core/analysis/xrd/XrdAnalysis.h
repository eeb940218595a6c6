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
#include "analysis/ResultTable.h"
#include "numeric/xrd/Indexing.h"
#include "numeric/xrd/ReflectionList.h"

namespace vanadis {

/// One row of a list of 2θ positions (peaks the user added or removed on the profile-fit figure).
struct XrdPosition {
    double twoThetaDeg = 0.0;
};

/// Parameters of computeXrd(); keys, defaults and bounds are declared once in xrdParamTable().
struct XrdParams {
    QString phase;                            ///< V2O3|Al2O3|Si|none
    std::optional<Id> phaseDataset;           ///< a user crystal structure (CIF); overrides `phase`
    bool dSpacingAxis;                        ///< figures: a d-spacing top axis
    QString intensityScale;                   ///< linear|sqrt|log: the pattern figure's intensity axis
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
    /// An instrument function imported from a standard's file (InstrumentFunctionFile.h); overrides the
    /// manual U, V, W.
    std::optional<Id> instrumentDataset;
    QString background;   ///< snip|points_spline|points_polynomial
    int backgroundDegree; ///< of points_polynomial
    /// Anchors of the points backgrounds (clicked on the profile fit), 2θ in degrees.
    std::vector<XrdPosition> backgroundAnchors;
    /// Lines fitted besides the automatic ones, started at these 2θ (clicked on the profile fit).
    std::vector<XrdPosition> addedPeaks;
    /// Automatic peaks within the indexing tolerance of these 2θ are left out of the fit.
    std::vector<XrdPosition> removedPeaks;
};

ParamTable<XrdParams> xrdParamTable();

/// What the XRD analysis reports to the result view, the Compare table and `vanadis-cli info`: each
/// member bound to its result key once, in xrdResultTable(). The cell values sit inside the `lattice`
/// object (null when no cell was refined: they are then left out), the sizes inside `scherrer_size_nm`
/// and `williamson_hall`; the peaks, the reference, the curves and the rest of those objects are detail
/// the compute function writes beside them.
struct XrdResult {
    Measured aAngstrom;                  ///< lattice.a_angstrom ± lattice.a_err, Å
    Measured cAngstrom;                  ///< lattice.c_angstrom ± lattice.c_err, Å
    Measured volumeA3;                   ///< lattice.volume_a3 ± lattice.volume_err, Å³
    Measured zeroShiftDeg;               ///< lattice.zero_shift_deg, ° 2θ
    Measured displacementCoefficientDeg; ///< lattice.displacement_coefficient_deg: Δ2θ at θ = 0, °
    Measured scherrerSizeNm;             ///< scherrer_size_nm.mean ± mean_err (standard error of the mean)
    Measured williamsonHallSizeNm;       ///< williamson_hall.size_nm ± size_err
    Measured williamsonHallStrain;       ///< williamson_hall.strain ± strain_err (dimensionless)
    int nPeaks = 0;                      ///< lines in the profile fit
};

/// The one declaration of the XRD outputs.
const ResultTable<XrdResult>& xrdResultTable();

/// Analyses a powder pattern (columns "2Theta" in degrees and "Intensity"; wavelength from the
/// parameters or the metadata `wavelength_angstrom`, `wavelength2_angstrom`, `ka2_ka1_ratio`). Returns
/// the `vanadis-cli xrd` JSON: wavelength_angstrom, peaks [{two_theta_deg, two_theta_err, fwhm_deg,
/// fwhm_err, area, area_err, height, d_angstrom, hkl, delta_two_theta_deg, size_nm, size_err}], lattice
/// {a_angstrom, a_err, b_angstrom, c_angstrom, c_err, volume_a3, volume_err, zero_shift_deg,
/// zero_shift_err, system}, scherrer_size_nm {mean, mean_err, per_peak}, williamson_hall {size_nm,
/// size_err, strain, strain_err, points}, unindexed_peaks, missing_reflections, reference [...],
/// curves for the figures, warnings. Errors: no 2θ or intensity column, no wavelength, a pattern the
/// peak search cannot read, no peaks.
/// \a phase: the "crystal_structure" dataset `phase_dataset` names (required when it is set);
/// \a instrument: the "instrument_function" dataset `instrument_dataset` names (required when it is set).
/// The result also holds `instrument` (which instrument function was removed: source dataset|manual|none,
/// its name, standard, file, date and U, V, W), `instrument_fit` (U, V, W ± esd, X, Y fitted to this
/// pattern's own line widths, for a line-profile standard; InstrumentFunction.h) and `background`
/// (mode, anchors with their levels).
Expected<QJsonObject> computeXrd(const Dataset& pattern, const QJsonObject& params,
                                 const Dataset* phase = nullptr, const Dataset* instrument = nullptr);

/// The parameters that choose the reference phase (`phase`, `phase_dataset`), as the XRD analysis declares
/// them, for other XRD analyses (the in-situ series) to declare the same.
ParamSpec xrdPhaseParam();
ParamSpec xrdPhaseDatasetParam();

/// A reference phase's reflections at one wavelength and its name ("V2O3", or the CIF's formula).
struct XrdReference {
    xrd::ReflectionList reflections;
    QString name;
};

/// The reflections within 2θ [\a lo, \a hi] (degrees) at Kα1 \a lambda1 (Å) of the CIF in \a phaseDs
/// (the `phase_dataset` \a phaseDatasetId, which must then be given) or else of the bundled \a phase; none
/// for "none". Errors name the CIF (not a crystal structure, no CIF text) or the parameter.
Expected<std::optional<XrdReference>> xrdReference(const QString& phase, std::optional<Id> phaseDatasetId,
                                                   const Dataset* phaseDs, double lambda1, double lo,
                                                   double hi);

/// Observed peaks indexed against a reference as the XRD analysis does it: nearest reflection within the
/// indexing tolerance (or half the FWHM), with a common zero shift searched when \a searchZeroShift.
Expected<xrd::Indexing> xrdIndex(std::span<const xrd::ObservedPeak> observed, const XrdReference& reference,
                                 double toleranceDeg, bool searchZeroShift);

/// "0 1 2" (one reflection) or "1 1 0 + 0 0 6" (an overlap group): the `hkl` text of an indexed peak.
QString xrdHklText(const xrd::IndexedPeak& peak, const xrd::ReflectionList& reference);

/// The declaration of the XRD analysis (id "xrd").
const AnalysisDescriptor& xrdAnalysis();

} // namespace vanadis
