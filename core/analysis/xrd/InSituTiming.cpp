#include "analysis/xrd/InSituTiming.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace vanadis::insitu {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString tr(const char* s)
{
    return QCoreApplication::translate("vanadis::XrdSeriesAnalysis", s);
}

std::string nameOf(const Dataset& d)
{
    return (d.provenance().originalFileName.isEmpty() ? d.name() : d.provenance().originalFileName)
        .toStdString();
}

/// An ISO 8601 instant; a time without offset is taken as UTC (see the file comment).
std::optional<QDateTime> instant(const QString& text)
{
    if (text.trimmed().isEmpty()) return std::nullopt;
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid()) return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime) t.setTimeZone(QTimeZone::utc());
    return t;
}

/// Seconds a scan lasts by its own metadata, NaN when it does not say.
double statedDurationS(const Dataset& d, const QDateTime& start)
{
    const QJsonObject m = d.metadata();
    if (const auto end = instant(m.value("measured_end").toString()))
        return double(start.msecsTo(*end)) / 1000.0;
    const Column* x = d.column(QStringLiteral("2Theta"));
    const qsizetype n = x ? qsizetype(x->values.size()) : 0;
    const double step = m.value("step_time_s").toDouble(kNaN);
    if (n > 0 && std::isfinite(step) && step > 0) return double(n) * step;
    const double speed = m.value("scan_speed_deg_min").toDouble(kNaN);
    if (n > 1 && std::isfinite(speed) && speed > 0)
        return std::abs(x->values.back() - x->values.front()) / speed * 60.0;
    return kNaN;
}

} // namespace

Expected<ScanTimes> scanTimes(const std::vector<Dataset>& scans, const Dataset* record,
                              const TimingOptions& o)
{
    ScanTimes out;
    const std::size_t n = scans.size();
    bool allStated = n > 0;
    for (const Dataset& d : scans)
        allStated = allStated && !d.metadata().value("measured_at").toString().isEmpty();
    TimeSource source = o.source;
    if (source == TimeSource::Automatic)
        source = allStated ? TimeSource::File : o.intervalMin ? TimeSource::Interval : TimeSource::Automatic;
    if (source == TimeSource::Automatic) {
        out.source = QStringLiteral("none");
        return out;
    }
    if (source == TimeSource::Interval) {
        if (!o.intervalMin || !(*o.intervalMin > 0))
            return fail(n ? nameOf(scans.front()) : std::string(), "parameter 'scan_interval_min'",
                        "scan times from an interval need the interval between scan starts");
        const double step = *o.intervalMin / 60.0, t0 = o.offsetMin.value_or(0.0) / 60.0;
        for (std::size_t k = 0; k < n; ++k) {
            out.startH.push_back(t0 + double(k) * step);
            out.endH.push_back(out.startH.back() + step);
            out.midH.push_back(out.startH.back() + 0.5 * step);
        }
        out.source = QStringLiteral("interval");
        return out;
    }
    // File times.
    std::vector<QDateTime> starts;
    for (std::size_t k = 0; k < n; ++k) {
        const QString text = scans[k].metadata().value("measured_at").toString();
        const auto t = instant(text);
        if (!t)
            return fail(nameOf(scans[k]), "metadata 'measured_at'",
                        text.isEmpty() ? "the scan states no start time (use a scan interval instead)"
                                       : "'" + text.toStdString() + "' is not a date and time");
        starts.push_back(*t);
    }
    QDateTime anchor = starts.front();
    double offsetS = o.offsetMin.value_or(0.0) * 60.0;
    if (record && !o.offsetMin) {
        for (const char* key : {"start_time", "measured_at"})
            if (const auto t = instant(record->metadata().value(QLatin1String(key)).toString())) {
                anchor = *t;
                offsetS = 0.0;
                out.onRecordClock = true;
                break;
            }
    }
    std::vector<double> startS(n), durS(n);
    for (std::size_t k = 0; k < n; ++k)
        startS[k] = double(anchor.msecsTo(starts[k])) / 1000.0 + offsetS;
    for (std::size_t k = 0; k + 1 < n; ++k)
        if (startS[k + 1] < startS[k]) {
            out.warnings << tr("The scans' start times are not in order (scan %1 starts before scan %2): the "
                               "series keeps the order of its inputs.")
                                .arg(k + 2)
                                .arg(k + 1);
            break;
        }
    for (std::size_t k = 0; k < n; ++k) {
        const double gap = k + 1 < n ? startS[k + 1] - startS[k] : k > 0 ? startS[k] - startS[k - 1] : kNaN;
        double d = statedDurationS(scans[k], starts[k]);
        if (!std::isfinite(d) || d < 0) d = gap;
        if (std::isfinite(gap) && gap > 0 && k + 1 < n) d = std::min(d, gap);
        durS[k] = std::isfinite(d) && d > 0 ? d : 0.0;
        out.startH.push_back(startS[k] / 3600.0);
        out.endH.push_back((startS[k] + durS[k]) / 3600.0);
        out.midH.push_back((startS[k] + 0.5 * durS[k]) / 3600.0);
    }
    out.source = QStringLiteral("file");
    return out;
}

Expected<VoltageCurve> voltageCurve(const Dataset& record)
{
    if (auto ok = record.ensureLoaded(); !ok) return std::unexpected(ok.error());
    const Column* t = record.column(QStringLiteral("Time"));
    const Column* v = record.column(QStringLiteral("Voltage"));
    if (!t || !v || t->values.size() != v->values.size())
        return fail(nameOf(record), "", "the cycling record has no 'Time' and 'Voltage' columns");
    const double toS = t->unit == QLatin1String("h") ? 3600.0 : t->unit == QLatin1String("min") ? 60.0 : 1.0;
    VoltageCurve c;
    for (std::size_t i = 0; i < t->values.size(); ++i) {
        const double ti = t->values[i] * toS / 3600.0, vi = v->values[i];
        if (!std::isfinite(ti) || !std::isfinite(vi)) continue;
        if (!c.timeH.empty() && ti < c.timeH.back()) continue; // a clock step back: keep time order
        c.timeH.push_back(ti);
        c.voltageV.push_back(vi);
    }
    if (c.timeH.size() < 2 || !(c.timeH.back() > c.timeH.front()))
        return fail(nameOf(record), "", "the cycling record has fewer than two timed voltage points");
    return c;
}

double voltageAt(const VoltageCurve& c, double timeH)
{
    if (c.timeH.empty() || !std::isfinite(timeH) || timeH < c.timeH.front() || timeH > c.timeH.back())
        return kNaN;
    const auto it = std::upper_bound(c.timeH.begin(), c.timeH.end(), timeH);
    if (it == c.timeH.end()) return c.voltageV.back();
    const std::size_t i = std::size_t(it - c.timeH.begin());
    if (i == 0) return c.voltageV.front();
    const double t0 = c.timeH[i - 1], t1 = c.timeH[i];
    if (!(t1 > t0)) return c.voltageV[i];
    return c.voltageV[i - 1] + (timeH - t0) / (t1 - t0) * (c.voltageV[i] - c.voltageV[i - 1]);
}

} // namespace vanadis::insitu
