#pragma once
/// \file XpsFit.h
/// XPS component fits on the shared engine (fit::fitLeastSquares + lineshape::PeakSumModel with ties):
/// components with any line shape of LineShape.h (GL/SGL as CasaXPS defines them, Voigt, LA …),
/// spin–orbit doublets with a shared splitting, the 2j + 1 area ratio and a shared 2p1/2/2p3/2 width
/// factor, links between components (`A*0.5`, `B+7.3`, `=C`), bounds on everything, and a background
/// that is either computed once (iterative Shirley, linear, Tougaard U2/U3) or fitted with the peaks
/// ("active" Shirley: B(E) = c₀ + s·(E − E_lo) + k·∫_{E_lo}^{E} peaks dE', so the step follows the fitted
/// peak areas). Components are area-parameterised, so area errors come straight from the covariance;
/// ratios (V³⁺/V²⁺, O-vacancy share) get delta-method errors from the full covariance and, on request,
/// seeded Monte-Carlo errors. No Qt here.

#include "numeric/Error.h"
#include "numeric/fit/FitProblem.h"
#include "numeric/fit/FitResult.h"
#include "numeric/lineshape/LineShape.h"
#include "numeric/xps/Background.h"

#include <limits>
#include <string>
#include <vector>

namespace vanadis::xps {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

/// One fit parameter of a component: start value, bounds, fixed, or a tie (an expression of other
/// parameter names: `<component>_center`, `<component>_fwhm`, `<component>_area`, `<component>_m`, or
/// an auxiliary parameter).
struct ParamSpec {
    double value = 0.0;
    double lower = -kInf, upper = kInf;
    bool fixed = false;
    std::string tie = {};
};

/// One peak. \a id must be an identifier (letters, digits, '_'): its parameters are `<id>_center`,
/// `<id>_fwhm` (the width parameter F), the shape extras (`<id>_m` for GL/SGL, `<id>_fwhm_l` for Voigt,
/// `<id>_alpha`/`<id>_beta` for LA …) and `<id>_area` (counts·eV or cps·eV as the data).
struct ComponentSpec {
    std::string id;    ///< "V3p32"
    std::string label; ///< "V3+ 2p3/2", shown in reports
    std::string group; ///< chemical state the component counts for in ratios ("V3+"); defaults to id
    std::string level; ///< core level the line belongs to ("V 2p", "O 1s"), for atomic %; may be empty
    lineshape::Shape shape = lineshape::Shape::GL;
    ParamSpec center, fwhm, area;
    std::vector<ParamSpec> extras; ///< shape extras in shapeParameterNames() order after centre and width
};

/// A shared parameter used only through ties (spin–orbit splitting, width factor).
struct AuxSpec {
    std::string name;
    ParamSpec param;
};

/// A ratio Σ areas(numerator groups) / Σ areas(denominator groups), e.g. v3_v2 = V3+ / V2+, ov_fraction =
/// OV / (O lattice + OV + C–O).
struct RatioSpec {
    std::string name;
    std::vector<std::string> numerator, denominator;
};

/// A position difference a − b (eV), e.g. O 1s lattice − V 2p3/2 (xps.md §3, independent of charging).
struct DifferenceSpec {
    std::string name;
    std::string a, b; ///< component ids
};

enum class BackgroundKind {
    None,          ///< the data are fitted as they are (e.g. already background-subtracted)
    Shirley,       ///< iterative Shirley computed once from the data, then held fixed
    ActiveShirley, ///< Shirley-type step fitted with the peaks (see file comment); offset and slope free
    Linear,        ///< straight line between the end means, held fixed
    TougaardU2,    ///< two-parameter Tougaard, held fixed
    TougaardU3,    ///< three-parameter Tougaard, held fixed
};

/// A complete model: components, auxiliary parameters, background and what to report.
struct ModelSpec {
    std::string name;
    std::vector<ComponentSpec> components;
    std::vector<AuxSpec> auxiliary;
    BackgroundKind background = BackgroundKind::ActiveShirley;
    bool activeSlope = true; ///< ActiveShirley: a free linear slope besides the step
    ShirleyOptions shirley = {};
    TougaardParams tougaard = {};
    std::vector<RatioSpec> ratios;
    std::vector<DifferenceSpec> differences;
    /// Fit window (eV); points outside are ignored. Defaults: the whole data.
    double windowLoEv = -kInf, windowHiEv = kInf;
};

/// Adds the two lines of a spin–orbit doublet: `<id>_a` (j = l + ½, the \a main spec) and `<id>_b` with
/// centre = a + \a splittingParam, area = a·\a areaRatio, fwhm = a·\a widthRatioParam (or equal to a when
/// widthRatioParam is empty). Labels get " 2p3/2" / " 2p1/2" style suffixes from \a majorLabel/\a minorLabel.
void addDoublet(ModelSpec& spec, ComponentSpec main, const std::string& splittingParam, double areaRatio,
                const std::string& widthRatioParam, const std::string& majorLabel,
                const std::string& minorLabel);

/// Generic model for any core level of the SpinOrbit.h table ("Pt 4f", "Mo 3d", "V 2p", "C 1s"): \a states
/// chemical states (doublets for p/d/f, singlets for s), splitting Δ shared and bounded as the table says,
/// area ratio tied, width factor 1 for d/f and a shared free factor (1–1.8) for 2p. Start positions:
/// \a positionsEv when given, else the highest point of the data and then 1.5 eV steps to higher BE.
/// Error: unknown core level, states < 1.
Expected<ModelSpec> genericCoreLevelModel(const std::string& coreLevel, int states, lineshape::Shape shape,
                                          std::span<const double> bindingEv,
                                          std::span<const double> intensity,
                                          std::vector<double> positionsEv = {});

struct FitSettings {
    bool poissonWeights = true; ///< σᵢ ∝ √max(yᵢ, 1) (counting statistics), else unit weights
    int monteCarloSamples = 0;  ///< > 0: refit that many noisy replicas for ratio and area errors
    std::uint64_t monteCarloSeed = 1;
    fit::FitOptions engine = defaultEngineOptions();
    /// Engine settings for spectra: relative tolerances of 1e-10 (noise dominates far above that).
    static fit::FitOptions defaultEngineOptions();
};

struct ComponentResult {
    std::string id, label, group, shape; ///< shape: LineShape key ("gl", "sgl", "voigt", "la" …)
    std::string level;                   ///< ComponentSpec::level
    double positionEv = 0.0, positionErr = 0.0;
    double fwhmParamEv = 0.0;         ///< the width parameter F
    double fwhmEv = 0.0;              ///< true FWHM (GL(m) differs from F, xps.md §1)
    double height = 0.0;              ///< peak maximum, intensity units
    double area = 0.0, areaErr = 0.0; ///< ∫ over the whole line (−∞…∞), intensity·eV
    double areaMcErr = std::numeric_limits<double>::quiet_NaN();
    double areaPercent = 0.0; ///< of the sum of all component areas
};

struct RatioResult {
    std::string name;
    double value = 0.0, err = 0.0; ///< delta method from the covariance
    double lo95 = 0.0, hi95 = 0.0; ///< value ∓ 1.96·err, clipped to ≥ 0 (and ≤ 1 for a share)
    double mcErr = std::numeric_limits<double>::quiet_NaN(); ///< SD over Monte-Carlo replicas
};

/// Summed area of the lines of one core level and its 1σ error from the full covariance (the lines of a
/// region trade area among themselves, so their sum is better known than the parts).
struct LevelArea {
    std::string level;
    double area = 0.0, err = 0.0;
};

struct XpsFitResult {
    std::vector<ComponentResult> components;
    std::vector<LevelArea> levels;        ///< per ComponentSpec::level, in order of first appearance
    std::vector<RatioResult> ratios;      ///< in ModelSpec::ratios order
    std::vector<RatioResult> differences; ///< in ModelSpec::differences order (eV)
    std::vector<double> bindingEv;        ///< ascending, inside the window
    std::vector<double> intensity, fitted, background, residuals;
    std::vector<std::vector<double>> componentCurves; ///< per component, on bindingEv
    double chi2Reduced = 0.0;
    std::vector<std::string> warnings; ///< the engine's (correlation > 0.95, parameters on bounds …) and ours
    fit::FitResult raw;                ///< full engine result (parameter names, covariance, correlation)

    const ComponentResult* component(const std::string& id) const;
    const RatioResult* ratio(const std::string& name) const;
};

/// Fits \a spec to (bindingEv, intensity) (any order). Errors: fewer points than parameters, bad ties or
/// bounds, non-finite data, a background that cannot be computed.
Expected<XpsFitResult> fitXps(std::span<const double> bindingEv, std::span<const double> intensity,
                              const ModelSpec& spec, const FitSettings& settings = {});

/// Charge-referencing shift: reference − measured (e.g. 284.8 − BE(C–C)); add it to every BE of the sample.
inline double chargeShiftEv(double measuredCcEv, double referenceEv = 284.8)
{
    return referenceEv - measuredCcEv;
}

/// Atomic percentages from areas and relative sensitivity factors: xᵢ = (Aᵢ/Sᵢ)/Σ(Aⱼ/Sⱼ)·100, with 1σ
/// errors propagated from independent area errors (delta method).
struct AtomicPercent {
    std::vector<double> percent, err;
};
AtomicPercent atomicPercent(std::span<const double> areas, std::span<const double> areaErrs,
                            std::span<const double> rsf);

/// Relative sensitivity factor of the whole core level (both lines of a doublet) for Al Kα, C 1s = 1:
/// Scofield's photoionisation cross sections (J. H. Scofield, J. Electron Spectrosc. Relat. Phenom. 8
/// (1976) 129), the values CasaXPS ships as its Scofield library; no transmission or IMFP correction
/// (xps.md §6). NaN for a level not in the table. Levels: C 1s 1.00, N 1s 1.80, O 1s 2.93, F 1s 4.43,
/// Na 1s 8.52 (these five agree with an independent published list of the same library, December
/// 2026), V 2p 9.70 (2p3/2 6.37 + 2p1/2 3.33; not yet checked against the printed table: between
/// Ti 2p 7.81 and Fe 2p 16.42 of the same list, as the cross sections rise smoothly with Z).
double scofieldRsf(const std::string& level);

} // namespace vanadis::xps
