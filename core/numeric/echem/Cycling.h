#pragma once
/// \file Cycling.h
/// Galvanostatic cycling numerics on a record in canonical units (Time s, Current mA signed with charge
/// positive, Voltage V, optional Cycle and Step columns; core/io/import/EchemTableReader.h): half-cycle
/// segmentation, the per-cycle table (capacities, coulombic efficiency, energies, mean voltages,
/// retention), rate-step detection, voltage profiles, dQ/dV with Savitzky–Golay smoothing and peak labels,
/// and the activation/fade read-outs of long cycling. Formulas: ../shared/domain/echem.md §1–3.
/// Specific capacity Q = ∫|I|dt/(3.6·m) in mAh g⁻¹ with I in mA, t in s, m in mg. No Qt here.

#include "numeric/Error.h"

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace vanadis::echem {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Views on the columns of one record. cycle and step may be empty (then cycles are counted from the
/// current sign: a new cycle starts whenever a half cycle of the file's first sign begins).
struct Record {
    std::span<const double> timeS;
    std::span<const double> currentMa; ///< charge (desodiation of the cathode) positive
    std::span<const double> voltageV;
    std::span<const double> cycle; ///< the instrument's cycle index, or empty
    /// The instrument's own charge and discharge capacity counters (mAh, ≥ 0; reset per step, half cycle
    /// or cycle as the instrument does), or empty. The instrument integrates the current at its sampling
    /// rate, so they stay right where the record is logged more sparsely than the current changes.
    std::span<const double> chargeCounterMah;
    std::span<const double> dischargeCounterMah;
    /// The current the instrument was programmed to apply in each record's step (mA, magnitude), from
    /// the file's step table; NaN where the table has none; or empty (no step table).
    std::span<const double> programmedCurrentMa = {};
};

/// Coulombic-efficiency convention (echem.md §1). Cathode (and full cell): CE = Q_discharge/Q_charge, as
/// LAND's CapD/CapC; anode half cell: CE = Q_charge/Q_discharge.
enum class CeConvention { Cathode, Anode };

/// Which halves a CE pairs. SameCycle: both halves of cycle n as the cycler numbers them. NextCycle: the
/// stored charge of cycle n against the returned charge of cycle n + 1 (for a sodiation-first cathode:
/// charge n with discharge n + 1).
enum class CePairing { SameCycle, NextCycle };

/// The capacity 100 % retention refers to; printed with every retention value.
enum class RetentionReference { FirstCycle, SecondCycle, Maximum, GivenCycle };

/// One half cycle: a run of records of one current sign (rests inside do not split it).
struct HalfCycle {
    std::size_t begin = 0;    ///< first record
    std::size_t end = 0;      ///< one past the last record of this sign
    int sign = 0;             ///< +1 charge, −1 discharge
    int cycle = 0;            ///< cycle number (the file's, or counted)
    double capacityMah = 0.0; ///< ∫|I|dt/3600, or the counter's when the two disagree (fromCounter)
    double integralMah = 0.0; ///< ∫|I|dt/3600 over the records, trapezoid
    double counterMah = kNaN; ///< what the instrument's counter rose by over the half; NaN without one
    bool fromCounter = false; ///< capacityMah (and energy, scaled) taken from the counter
    double energyMwh = 0.0;   ///< ∫V·|I|dt/3600
    double currentMa = 0.0;   ///< median |I| of the half (its constant-current part)
    double programmedCurrentMa = kNaN; ///< median programmed |I| of the half; NaN without a step table
    double meanVoltageV = kNaN;        ///< energy / capacity
    double durationS = 0.0;
};

/// Options of segmentHalfCycles.
struct SegmentOptions {
    /// With counters: the relative disagreement with ∫|I|dt above which the counter is taken (sparse
    /// logging of a changing current, e.g. a pulse train logged once a minute). Below it the integral
    /// stands and the counter is only a cross-check.
    double counterTolerance = 0.01;
    /// |I| at or below this is rest (mA); NaN = 1e-4 of the largest |I| (low, so that the tail of a
    /// constant-voltage hold still counts; instruments write rests as 0 or as µA noise).
    double restCurrentMa = kNaN;
    bool useCycleColumn = true; ///< split and number cycles by the Cycle column when there is one
};

/// The half cycles of \a record in order. Each record closes the interval since the previous one. Inside a
/// half cycle the interval counts with the mean of both currents (trapezoid: exact for constant current,
/// and for the decaying current of a constant-voltage hold); the first record of a half counts its own
/// current over the interval before it (the instruments log a new step at the previous record's time, so
/// that interval is empty, and the demo simulator closes equal intervals with each record).
Expected<std::vector<HalfCycle>> segmentHalfCycles(const Record& record, const SegmentOptions& options = {});

/// One row of the per-cycle table. Specific values are NaN when no mass is given.
struct CycleRow {
    int index = 0;
    double chargeMah = kNaN, dischargeMah = kNaN;
    double chargeMahG = kNaN, dischargeMahG = kNaN;
    double cePct = kNaN;
    double chargeEnergyMwh = kNaN, dischargeEnergyMwh = kNaN;
    double chargeMeanV = kNaN, dischargeMeanV = kNaN;
    double chargeCurrentMa = kNaN, dischargeCurrentMa = kNaN; ///< median |I| of the halves
    /// Programmed |I| of the halves (the step table's), NaN without one.
    double chargeProgrammedCurrentMa = kNaN, dischargeProgrammedCurrentMa = kNaN;
    double retentionPct = kNaN; ///< reversible capacity (cathode: discharge, anode: charge) / reference
};

struct CycleOptions {
    double massMg = kNaN; ///< active mass (mg) on the chosen basis; NaN = capacities in mAh only
    CeConvention convention = CeConvention::Cathode;
    CePairing pairing = CePairing::SameCycle;
    RetentionReference reference = RetentionReference::FirstCycle;
    int referenceCycle = 1; ///< for GivenCycle
    SegmentOptions segment;
};

struct CycleTable {
    std::vector<CycleRow> rows;
    std::vector<HalfCycle> halves;
    int referenceCycle = 0;        ///< the cycle retention refers to
    double referenceMah = kNaN;    ///< its reversible capacity
    double firstCycleCePct = kNaN; ///< CE of the first complete pair, shown separately
};

/// The per-cycle table of \a record (echem.md §1). Errors: columns of unequal length, no current.
Expected<CycleTable> cycleTable(const Record& record, const CycleOptions& options = {});

/// One rate step: consecutive cycles whose discharge current agrees within the tolerance. The current of a
/// cycle is its programmed discharge current where the file's step table gives one (the set value, free of
/// the measurement's noise and of a CV tail), else the measured median.
struct RateStep {
    int index = 0;                   ///< 1-based
    double currentMa = 0.0;          ///< median of the cycles' discharge currents (programmed where known)
    double measuredCurrentMa = kNaN; ///< median of the measured discharge currents
    bool programmed = false;         ///< every cycle of the step had a programmed current
    double currentAPerG = kNaN;      ///< snapped to the protocol value when within the tolerance (needs mass)
    int firstCycle = 0, lastCycle = 0, cycles = 0;
    double dischargeMeanMahG = kNaN, dischargeLastMahG = kNaN, chargeMeanMahG = kNaN; ///< mAh when no mass
    bool recovery = false; ///< a return to a current already used after a higher one
};

struct RateOptions {
    double toleranceRelative = 0.05;
    std::vector<double> protocolAPerG{0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0};
    bool skipFirstCycle = false; ///< leave the first cycle of each step out of the means
};

/// Rate steps from the cycles of \a table (echem.md §2). Specific values use \a massMg (NaN: mAh).
std::vector<RateStep> rateSteps(const CycleTable& table, double massMg, const RateOptions& options = {});

/// Voltage against cumulative capacity within one half cycle.
struct ProfileCurve {
    int cycle = 0;
    int sign = 0;
    std::vector<double> capacity; ///< mAh g⁻¹ (mAh when no mass), from 0
    std::vector<double> voltageV;
};

/// The half cycles of \a cycles (all when empty) as voltage profiles; rest records are left out.
std::vector<ProfileCurve> voltageProfiles(const Record& record, const CycleTable& table,
                                          std::span<const int> cycles, double massMg);

struct DqDvOptions {
    double binV = 0.005;      ///< uniform voltage grid (echem.md §3: 2–5 mV)
    int smoothingWindow = 11; ///< Savitzky–Golay window (odd, points of the grid); ≤ 2 = none
    int smoothingOrder = 2;
    double minProminenceRelative = 0.1; ///< peaks smaller than this share of the largest are not labelled
};

struct DqDvPeak {
    double voltageV = 0.0;
    double dqdv = 0.0;
};

/// dQ/dV of one half cycle: capacity per volt (the profile's unit per V) on a uniform voltage grid,
/// negative for discharge (V falls while Q grows).
struct DqDvCurve {
    int cycle = 0;
    int sign = 0;
    std::vector<double> voltageV;
    std::vector<double> dqdv;
    std::vector<DqDvPeak> peaks;
};

/// dQ/dV of a profile (echem.md §3): the voltage is made monotonic (running extreme), Q(V) interpolated
/// on the grid, differentiated by central differences and smoothed with Savitzky–Golay
/// (numeric/tga/SavitzkyGolay.h, Savitzky & Golay, Anal. Chem. 36 (1964) 1627); peaks are local extremes of
/// |dQ/dV| above the prominence threshold.
DqDvCurve dqdv(const ProfileCurve& profile, const DqDvOptions& options = {});

/// Read-outs of a long cycling test on the reversible capacity (discharge for a cathode).
struct LongCyclingSummary {
    int cycles = 0;
    int maxCycle = 0;          ///< cycle of the highest capacity
    double maxCapacity = kNaN; ///< mAh g⁻¹ (mAh without mass)
    double firstCapacity = kNaN, lastCapacity = kNaN;
    double activationGainPct = kNaN; ///< 100·(max/first − 1): capacity gained by activation
    double fadePerCyclePct = kNaN;   ///< 100·(1 − last/max)/(N − n_max): mean fade after the maximum
    double lastRetentionPct = kNaN;  ///< the last cycle's retention against the table's reference
    double meanCePct = kNaN;         ///< mean CE from cycle 2 on
};

LongCyclingSummary longCyclingSummary(const CycleTable& table, CeConvention convention);

} // namespace vanadis::echem
