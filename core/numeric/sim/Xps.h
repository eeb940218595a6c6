#pragma once
/// \file Xps.h
/// Forward model of XPS core-level regions (V 2p, O 1s, C 1s): GL(m) product line shapes, a Shirley-type
/// step background plus a linear slope, Poisson counting noise. No Qt here.

#include "numeric/sim/SimData.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace vanadis::sim {

/// One synthetic component. fwhmEv is the GL width parameter F (CasaXPS calls it FWHM; the true FWHM
/// of GL(30) is 0.9614·F, xps.md §1); area in counts/s·eV.
struct XpsComponent {
    std::string name;
    double centerEv = 0.0;
    double fwhmEv = 1.0;
    double area = 0.0;
    double glMix = 30.0; ///< m of GL(m), 0 = Gauss, 100 = Lorentz
};

/// CasaXPS product-form GL(m) of height 1 (xps.md §1):
/// exp[−4 ln2 (1 − m/100)(x−E)²/F²] / [1 + 4(m/100)(x−E)²/F²].
double glProduct(double xEv, double centerEv, double fwhmEv, double glMix);

/// Area of GL(m) with F = 1 and height 1 (numerical quadrature; 1.04199 for m = 30).
double glProductUnitArea(double glMix);

/// Appends a spin–orbit doublet: j = 3/2 line at center32Ev with area32 and width fwhm32Ev, j = 1/2 line at
/// +splittingEv with half the area (2j + 1 degeneracy) and width × broadening (Coster–Kronig, xps.md §3).
void addSpinOrbitDoublet(std::vector<XpsComponent>& components, const std::string& name, double center32Ev,
                         double splittingEv, double fwhm32Ev, double area32, double broadening = 1.3,
                         double glMix = 30.0);

/// Parameters of one region. The spectrum is exported on a descending binding-energy axis (as PHI
/// MultiPak and most instruments list it), from endEv down to startEv in stepEv.
struct XpsRegionParams {
    std::string region;   ///< "V 2p", "O 1s", "C 1s"
    double startEv = 0.0; ///< lowest binding energy, eV
    double endEv = 0.0;   ///< highest binding energy, eV
    double stepEv = 0.1;
    std::vector<XpsComponent> components;
    double backgroundCps = 2000.0; ///< background at the low-BE end, counts/s
    double slopeCpsPerEv = 20.0;   ///< linear rise of the background towards higher BE
    /// Shirley step k (eV⁻¹): B(E) = B0 + slope·(E − E_lo) + k·∫_{E_lo}^{E} S dE', S the peak signal, so
    /// the step behind a peak is k × its area (Shirley, Phys. Rev. B 5 (1972) 4709).
    double shirleyPerEv = 0.08;
    double dwellTimeS = 0.1; ///< per point and scan
    int scans = 10;
    double passEnergyEv = 23.5;
    double chargeShiftEv = 0.0; ///< added to every component position (uncorrected charging)
    /// Recorded window (eV, inside [startEv, endEv]): the spectrum — lines, Shirley step, slope — is
    /// computed over [startEv, endEv] and only the points inside [recordLoEv, recordHiEv] are exported.
    /// Two regions cut from one such spectrum (V 2p 507–530 and O 1s 525–540 eV, each with its own seed)
    /// agree where they overlap, as two regions measured on one sample do. Default: the whole range.
    double recordLoEv = -std::numeric_limits<double>::infinity();
    double recordHiEv = std::numeric_limits<double>::infinity();
    bool countingNoise = true;
    std::uint64_t seed = 1;
};

/// The study's V 2p + O 1s lines in one region 505–540 eV (xps.md §3, paper digest): V³⁺ 2p3/2 517.7 eV
/// and V²⁺ 516.4 eV doublets (Δ 7.1 eV, width ratio 1.3, FWHM 2.2 eV), lattice O 530.6, O vacancy
/// 531.5 and C–O 532.0 eV (FWHM 1.3 eV, GL(30)), background 3000 counts/s; noise, steps and seed as
/// the defaults above for the caller to set. Areas in counts·eV/s.
XpsRegionParams studyVanadiumOxygenRegion(double v3Area = 30000.0, double v2Area = 12000.0,
                                          double vacancyArea = 15000.0);

/// Simulated region, kind = region name: columns "Binding Energy" (eV, descending), "Intensity"
/// (counts/s). Noise is Poisson on counts = cps × dwell × scans. Metadata carry the true components whose
/// centre lies inside the recorded window as "component_<i>" = "name;center_ev;fwhm_ev;area" (area in
/// counts/s·eV); lines centred outside it (whose tails may reach in) are left to the region that holds them.
SimDataset simulateXps(const XpsRegionParams& params, const std::string& sampleName = {});

} // namespace vanadis::sim
