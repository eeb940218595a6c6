#pragma once
/// \file InSituTiming.h
/// When each scan of an in-situ XRD series was measured, on the clock of the cycling record beside it,
/// and the cell voltage at that moment. Times in hours, voltages in volts.
///
/// A scan's time is its mid-time: start + duration/2. The start comes from the file (metadata
/// "measured_at", ISO 8601, which the XRDML, BRML, RASX, RAS, RAW and UXD readers write per scan) or from
/// a scan interval (scan k starts at offset + k·interval and lasts one interval, as a diffractometer that
/// scans continuously does). The duration of a scan with file times: "measured_end" when the file states
/// it, else points × "step_time_s", else the 2θ range / "scan_speed_deg_min", else the gap to the next
/// start (never longer than that gap).
///
/// File times are placed on the record's clock by the record's own start time (metadata "start_time" or
/// "measured_at") when it states one and no offset is given; otherwise the first scan starts at the
/// offset (default 0). Times without an offset (no "Z" or ±hh:mm) are read as UTC on both sides, so a
/// diffractometer and a cycler of one lab compare.
///
/// The voltage at a scan is linearly interpolated in the record's Time (s) / Voltage (V) columns at the
/// scan's mid-time (echem.md §7 canonical columns); scans outside the record get none.

#include "model/Dataset.h"

#include <QJsonArray>
#include <QString>
#include <optional>
#include <vector>

namespace vanadis::insitu {

/// How the scan times are found.
enum class TimeSource { Automatic, File, Interval };

struct TimingOptions {
    TimeSource source = TimeSource::Automatic;
    std::optional<double> intervalMin; ///< time between scan starts (min)
    std::optional<double> offsetMin;   ///< start of the first scan on the record's clock (min)
};

/// The times of a series; empty `midH` when they cannot be known (no file times, no interval).
struct ScanTimes {
    std::vector<double> startH, midH, endH; ///< per scan, h, on the record's clock when a record is given
    QString source;                         ///< "file", "interval" or "none"
    bool onRecordClock = false;             ///< placed by the record's start time
    QStringList warnings;                   ///< translated
};

/// The scan times of \a scans; \a record (may be null) supplies the clock. Errors: a file time that is not a
/// date, an interval asked for but not given, file times asked for but missing (naming the scan).
Expected<ScanTimes> scanTimes(const std::vector<Dataset>& scans, const Dataset* record,
                              const TimingOptions& options);

/// The voltage–time curve of a cycling record: Time (s → h) and Voltage (V), finite points in time order.
struct VoltageCurve {
    std::vector<double> timeH, voltageV;
};

/// The record's curve, or an error naming the record when it has no Time/Voltage columns of ≥ 2 points.
Expected<VoltageCurve> voltageCurve(const Dataset& record);

/// Linear interpolation of \a curve at \a timeH; NaN outside [first, last] time.
double voltageAt(const VoltageCurve& curve, double timeH);

} // namespace vanadis::insitu
