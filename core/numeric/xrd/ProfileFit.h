#pragma once
/// \file ProfileFit.h
/// Profile fitting of powder-pattern reflections on the shared least-squares engine (numeric/fit,
/// Levenberg–Marquardt with bounds and ties) and the shared line shapes (lineshape::PeakSumModel):
/// pseudo-Voigt, split pseudo-Voigt, Pearson VII (Hall et al., J. Appl. Cryst. 10 (1977) 66) or Voigt lines,
/// optionally as Kα1/Kα2 doublets (xrd.md §8: the Kα2 line at θ2 = asin((λ2/λ1)·sin θ1), same width and
/// shape, area ratio fixed; done with engine ties), on a fixed precomputed background and/or a
/// polynomial of degree 0–2 per fitting region, plus broad Gaussian "amorphous hump" components so that
/// weak lines cannot swallow a hump (xrd.md §6/§8). Nearby lines are grouped into fitting regions and
/// each region is fitted on its own, as Fityk and HighScore do. Angles and widths in degrees 2θ (widths
/// are FWHM), intensities in counts, areas in counts·degree. No Qt here.
///
/// Conventions of the shared line shapes: the pseudo-Voigt η mixes *heights* of a Gaussian and a
/// Lorentzian of the same FWHM (Fityk's convention), so the integral breadth is
/// FWHM·[(1 − η)·√(π/(4 ln 2)) + η·π/2] (xrd.md §5); the split pseudo-Voigt has a left and a right FWHM
/// and its FWHM is their mean; Pearson VII has exponent m (1 = Lorentzian, ∞ = Gaussian).

#include "numeric/Error.h"
#include "numeric/xrd/CrystalliteSize.h"
#include "numeric/xrd/Kalpha2.h"

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace vanadis::xrd {

/// Line profile of the reflections.
enum class ProfileShape {
    PseudoVoigt,      ///< centre, FWHM, η (0 … 1)
    SplitPseudoVoigt, ///< centre, left FWHM, right FWHM, η (axial-divergence asymmetry at low angle)
    PearsonVII,       ///< centre, FWHM, exponent m (0.55 … 50)
    /// centre, Gaussian FWHM (ProfilePeak::fwhmLeftDeg/RightDeg), Lorentzian FWHM (shapeParameter): the
    /// exact convolution (Faddeeva function, libcerf); fwhmDeg is its true FWHM. Best for size analysis.
    Voigt,
};

/// Start values (and holds) of one reflection; the Kα1 line when doublets are fitted.
struct ProfilePeakStart {
    double twoThetaDeg = 0.0;
    double fwhmDeg = 0.1;     ///< for the split profile: both sides
    double height = 100.0;    ///< of the whole (doublet) feature above the background, counts
    double eta = 0.5;         ///< pseudo-Voigt mixing start
    double exponent = 2.0;    ///< Pearson VII start (a Voigt start splits fwhmDeg by TCH with η)
    bool fixPosition = false; ///< hold the centre
    bool fixWidth = false;    ///< hold the FWHM(s)
    bool fixShape = false;    ///< hold η or m
};

/// Start of a broad amorphous hump (a Gaussian). Its FWHM is bounded below so that it stays broad.
struct ProfileHumpStart {
    double twoThetaDeg = 25.0;
    double fwhmDeg = 8.0;
    double height = 100.0;
    double minFwhmDeg = 2.0; ///< lower bound of the FWHM
};

/// Settings of fitProfiles().
struct ProfileFitOptions {
    ProfileShape shape = ProfileShape::PseudoVoigt;
    bool kalphaDoublets = true; ///< fit each reflection as a Kα1/Kα2 doublet
    KalphaDoublet doublet = {};
    /// Polynomial background per region on top of the given background: −1 none (the given background
    /// alone, "fixed"), 0 constant, 1 linear, 2 quadratic (in 2θ − region centre).
    int backgroundDegree = 1;
    /// Each reflection covers ± this × its start FWHM (beyond its Kα2 line); overlapping coverages
    /// form one fitting region. 3 keeps > 97 % of a Lorentzian's height range inside.
    double regionHalfWidthFwhm = 3.0;
    /// Explicit fitting regions (from, to) in degrees; empty = automatic grouping. A reflection belongs
    /// to the region holding its centre (others are left out with a warning), a hump to every region
    /// holding its centre.
    std::vector<std::pair<double, double>> regionsDeg = {};
    /// One FWHM and η/m for all reflections of a region (against weak lines growing wide, xrd.md §8).
    bool shareWidthInRegion = false;
    double positionFreedomFwhm = 1.0; ///< centre bounded to start ± this × start FWHM
    double maxWidthFactor = 5.0;      ///< FWHM bounded to [start/this, start·this] (and > ¼ step)
    /// σᵢ = √(counts) of the *raw* intensity (floor 1 count; xrd.md §8) when true and no σ column is
    /// given; unit weights when false.
    bool poissonWeights = true;
    double countsPerUnit = 1.0; ///< counting time per step for cps data
    int maxIterations = 200;
    double tolerance = 1e-10; ///< relative RSS / step / gradient tolerance of the engine
};

/// The pattern a fit works on. All spans the same length (background and sigma may be empty).
struct ProfileFitData {
    std::span<const double> twoThetaDeg;
    std::span<const double> intensity;  ///< raw counts (or cps with countsPerUnit)
    std::span<const double> background; ///< fixed background subtracted before fitting; empty = 0
    std::span<const double> sigma;      ///< standard deviations of intensity; empty = from options
};

/// One fitted reflection (its Kα1 line). Errors are 1σ from the engine's covariance scaled by χ²_red
/// (NaN when a parameter ended on a bound, 0 when held).
struct ProfilePeak {
    double twoThetaDeg = 0.0, twoThetaErrDeg = 0.0;
    double fwhmDeg = 0.0, fwhmErrDeg = 0.0; ///< split profile: mean of left and right
    double fwhmLeftDeg = 0.0, fwhmRightDeg = 0.0;
    double integralBreadthDeg = 0.0, integralBreadthErrDeg = 0.0; ///< area/height of the Kα1 line
    double area = 0.0, areaErr = 0.0;                             ///< Kα1 line, counts·deg
    double height = 0.0;                                          ///< Kα1 line maximum, counts
    double shapeParameter = 0.0, shapeErr = 0.0; ///< η, Pearson VII m, or the Voigt's Lorentzian FWHM (deg)
    /// Gaussian and Lorentzian FWHM: fitted (Voigt), else from FWHM and integral breadth (TCH inverse).
    VoigtWidths widths = {};
    double kalpha2TwoThetaDeg = 0.0; ///< NaN when not fitted as a doublet
    double kalpha2Area = 0.0;        ///< ratio × area (0 without doublet)
    std::size_t region = 0;
    bool onBound = false;        ///< a parameter of the line ended on a bound
    ProfilePeakStart start = {}; ///< the start it was fitted from (keeps the holds for refits)
};

/// One fitted hump.
struct ProfileHump {
    double twoThetaDeg = 0.0, twoThetaErrDeg = 0.0;
    double fwhmDeg = 0.0, fwhmErrDeg = 0.0;
    double area = 0.0, areaErr = 0.0;
    double height = 0.0;
    double minFwhmDeg = 2.0;
    std::size_t region = 0;
};

/// One fitting region with its curves (for drawing) and goodness of fit.
struct ProfileRegion {
    double fromDeg = 0.0, toDeg = 0.0;
    std::size_t firstIndex = 0, lastIndex = 0;  ///< data points first … last (inclusive)
    std::vector<std::size_t> peaks, humps;      ///< indices into ProfileFitResult::peaks / humps
    double xRefDeg = 0.0;                       ///< polynomial background origin
    std::vector<double> backgroundCoefficients; ///< c0, c1, c2 of Σ c_j (2θ − xRef)^j
    std::vector<double> twoThetaDeg, observed, background, fitted,
        residuals;            ///< residual = observed − fitted
    double chi2Reduced = 0.0; ///< Σ wᵢrᵢ²/ν (with σ weights: χ²/ν)
    double rss = 0.0;
    int dof = 0;
    int iterations = 0;
    bool converged = false;
    std::vector<std::string> warnings; ///< the engine's, then this region's own
};

/// Everything a profile fit gives. Peaks keep the order of the starts.
struct ProfileFitResult {
    std::vector<ProfilePeak> peaks;
    std::vector<ProfileHump> humps;
    std::vector<ProfileRegion> regions;
    std::vector<std::string> warnings; ///< outlier widths, insignificant lines, lines left out
};

/// Fits \a peaks (and \a humps) region by region. Errors for inconsistent data, no peaks and no humps,
/// starts outside the pattern or outside every explicit region, or when no region could be fitted. A
/// region that cannot be fitted (fewer points than parameters, an engine error) keeps its start values
/// with NaN errors and a warning (in the region and in the result); a fit that does not converge is
/// reported in the region (converged = false), not as an error.
Expected<ProfileFitResult> fitProfiles(const ProfileFitData& data, std::span<const ProfilePeakStart> peaks,
                                       std::span<const ProfileHumpStart> humps,
                                       const ProfileFitOptions& options);

/// Refits one region of \a previous from its current values (after the user edited a start or a
/// hold); the other regions are copied. Errors as fitProfiles, or an index out of range.
Expected<ProfileFitResult> refitRegion(const ProfileFitData& data, const ProfileFitResult& previous,
                                       std::size_t regionIndex, const ProfileFitOptions& options);

/// The cheap refit while the user drags one line: only reflection \a peakIndex is free (from
/// \a start), over its own coverage (start ± regionHalfWidthFwhm·FWHM) and with every other line,
/// hump and the region's background held at their values in \a previous. The region's curves and
/// χ²_red are updated; widths shared in the region are freed for this line (refitRegion restores them).
/// Errors when the start lies outside the line's region (then fit again) or an index is out of range.
Expected<ProfileFitResult> refitPeak(const ProfileFitData& data, const ProfileFitResult& previous,
                                     std::size_t peakIndex, const ProfilePeakStart& start,
                                     const ProfileFitOptions& options);

/// What the pattern says about the Kα2 lines the file states: whether they are there at all. A primary
/// Johansson monochromator (or a Kα1-only beamline) removes them while the file still names λ2 and a
/// ratio; fitting doublets then pulls every Kα1 position down by up to a third of the splitting.
struct Kalpha2Evidence {
    bool tested = false; ///< some line was resolved enough to tell (else `present` stays true)
    bool present = true; ///< the doublet model fits the test lines at least as well as single lines
    double chi2Doublet = 0.0, chi2Single = 0.0; ///< Σ χ² over the test lines' regions
    std::size_t lines = 0;                      ///< test lines used
};

/// Fits up to \a maxLines of the strongest isolated lines whose Kα2 line lies at least
/// \a minSeparationFwhm FWHM above them, once as Kα1/Kα2 doublets (the file's λ2 and ratio) and once as
/// single lines (pseudo-Voigt both times, so that no profile asymmetry mimics a doublet), and compares
/// the χ². Needs options.doublet with λ2 > λ1; untested when no line qualifies.
Kalpha2Evidence testKalpha2(const ProfileFitData& data, std::span<const ProfilePeakStart> peaks,
                            const ProfileFitOptions& options, std::size_t maxLines = 3,
                            double minSeparationFwhm = 1.0);

/// A start that reproduces a fitted line (to drag it, or to refit from it).
ProfilePeakStart startFrom(const ProfilePeak& peak, const ProfileFitOptions& options);

/// The fitted line (Kα1 and, when fitted, Kα2) at \a twoThetaDeg, without background, for drawing.
std::vector<double> peakCurve(const ProfilePeak& peak, const ProfileFitOptions& options,
                              std::span<const double> twoThetaDeg);

/// The fitted hump at \a twoThetaDeg, for drawing.
std::vector<double> humpCurve(const ProfileHump& hump, std::span<const double> twoThetaDeg);

} // namespace vanadis::xrd
