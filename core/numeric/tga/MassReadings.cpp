#include "numeric/tga/MassReadings.h"

#include "numeric/LinearFit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace vanadis::tga {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string celsius(double t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f °C", t);
    return buf;
}

} // namespace

PlateauReading plateauReading(const TgaCurve& c, const std::vector<double>& mass, IndexRange r)
{
    PlateauReading p;
    p.range = r;
    p.count = r.count();
    double sum = 0;
    p.fromC = std::numeric_limits<double>::infinity();
    p.toC = -p.fromC;
    for (std::size_t i = r.first; i <= r.last; ++i) {
        sum += mass[i];
        p.fromC = std::min(p.fromC, c.temperatureC[i]);
        p.toC = std::max(p.toC, c.temperatureC[i]);
    }
    p.mean = sum / double(p.count);
    double ss = 0;
    for (std::size_t i = r.first; i <= r.last; ++i)
        ss += (mass[i] - p.mean) * (mass[i] - p.mean);
    p.sd = p.count > 1 ? std::sqrt(ss / double(p.count - 1)) : 0.0;
    p.standardError = p.sd / std::sqrt(double(p.count));
    const std::vector<double>& x = c.hasTime() ? c.timeMin : c.temperatureC;
    if (c.hasTime()) {
        p.fromMin = c.timeMin[r.first];
        p.toMin = c.timeMin[r.last];
    }
    if (p.count >= 3) {
        const auto fit = numeric::fitLine(std::span(x).subspan(r.first, p.count),
                                          std::span(mass).subspan(r.first, p.count));
        if (fit.valid) {
            const double span = x[r.last] - x[r.first];
            p.slopePerMin = fit.slope;
            p.slopeErr = fit.slopeErr;
            p.drift = fit.slope * span;
            p.driftErr = fit.slopeErr * span;
        }
    }
    return p;
}

std::optional<IndexRange> firstPassRange(const std::vector<double>& t, double lo, double hi)
{
    const std::size_t n = t.size();
    std::size_t i = 0;
    while (i < n && !(t[i] >= lo && t[i] <= hi))
        ++i;
    if (i == n) return std::nullopt;
    std::size_t j = i;
    while (j + 1 < n && t[j + 1] >= lo && t[j + 1] <= hi)
        ++j;
    return IndexRange{i, j};
}

std::optional<IndexRange> lastPassRange(const std::vector<double>& t, double lo, double hi)
{
    std::size_t j = t.size();
    while (j > 0 && !(t[j - 1] >= lo && t[j - 1] <= hi))
        --j;
    if (j == 0) return std::nullopt;
    std::size_t i = j - 1;
    while (i > 0 && t[i - 1] >= lo && t[i - 1] <= hi)
        --i;
    return IndexRange{i, j - 1};
}

IndexRange trailingRange(const std::vector<double>& t, double width)
{
    const std::size_t n = t.size();
    const double last = t[n - 1];
    std::size_t i = n - 1;
    while (i > 0 && std::abs(t[i - 1] - last) <= width)
        --i;
    return {i, n - 1};
}

std::optional<double> massAtTemperature(const std::vector<double>& t, const std::vector<double>& m, double t0)
{
    const std::size_t n = std::min(t.size(), m.size());
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double a = t[i], b = t[i + 1];
        if ((a <= t0 && t0 <= b) || (b <= t0 && t0 <= a)) {
            if (a == b) return m[i];
            const double f = (t0 - a) / (b - a);
            return m[i] + f * (m[i + 1] - m[i]);
        }
    }
    if (n == 1 && t[0] == t0) return m[0];
    return std::nullopt;
}

Expected<MassChange> massChange(const TgaCurve& c, double fromC, double toC)
{
    MassChange out;
    out.fromC = fromC;
    out.toC = toC;
    const auto a = massAtTemperature(c.temperatureC, c.massPct, fromC);
    const auto b = massAtTemperature(c.temperatureC, c.massPct, toC);
    if (!a) return fail("", "", "the run never reaches " + celsius(fromC));
    if (!b) return fail("", "", "the run never reaches " + celsius(toC));
    out.fromPct = *a;
    out.toPct = *b;
    out.changePct = *b - *a;
    out.changeMg = kNaN;
    if (c.hasMassMg()) {
        const auto am = massAtTemperature(c.temperatureC, c.massMg, fromC);
        const auto bm = massAtTemperature(c.temperatureC, c.massMg, toC);
        if (am && bm) out.changeMg = *bm - *am;
    }
    return out;
}

Expected<double> residueAtPct(const TgaCurve& c, double t0)
{
    const auto m = massAtTemperature(c.temperatureC, c.massPct, t0);
    if (!m) return fail("", "", "the run never reaches " + celsius(t0));
    return *m;
}

PlateauReading initialReading(const TgaCurve& c, const std::vector<double>& mass)
{
    // Water starts leaving at once, so a plain mean over the first points is already drier than the sample
    // was: a straight line through them, read at the first point, removes that bias.
    const std::size_t n = c.size();
    const std::size_t maxPoints = std::clamp<std::size_t>(n / 50, 3, 11);
    std::size_t last = 0;
    while (last + 1 < std::min(maxPoints, n) && std::abs(c.temperatureC[last + 1] - c.temperatureC[0]) <= 5.0)
        ++last;
    PlateauReading p = plateauReading(c, mass, {0, last});
    if (p.count >= 3) {
        const std::vector<double>& x = c.hasTime() ? c.timeMin : c.temperatureC;
        std::vector<double> dx(p.count);
        for (std::size_t i = 0; i < p.count; ++i)
            dx[i] = x[i] - x[0];
        const auto fit = numeric::fitLine(dx, std::span(mass).subspan(0, p.count));
        if (fit.valid) {
            p.mean = fit.intercept;
            p.standardError = fit.interceptErr;
        }
    }
    return p;
}

Expected<MoistureReading> moistureLoss(const TgaCurve& c, double dryBelowC, double dryWindowC)
{
    const std::vector<double>& m = c.mass();
    const double half = std::max(0.0, dryWindowC) / 2.0;
    const auto range = firstPassRange(c.temperatureC, dryBelowC - half, dryBelowC + half);
    if (!range) return fail("", "", "the run never reaches the dry-basis temperature " + celsius(dryBelowC));
    MoistureReading out;
    out.initial = initialReading(c, m);
    out.dry = plateauReading(c, m, *range);
    if (range->first <= out.initial.range.last) {
        // The run starts at (or above) the dry-basis temperature: the sample is taken as dry.
        out.moisturePct = 0.0;
        out.moisturePctErr = 0.0;
        out.dry = out.initial;
        return out;
    }
    const double m0 = out.initial.mean, md = out.dry.mean;
    out.moisturePct = 100.0 * (m0 - md) / m0;
    out.moisturePctErr =
        100.0 * (md / m0) * std::hypot(out.initial.standardError / m0, out.dry.standardError / md);
    return out;
}

} // namespace vanadis::tga
