#include "numeric/echem/Cycling.h"

#include "numeric/tga/SavitzkyGolay.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vanadis::echem {

namespace {

double median(std::vector<double>& v)
{
    if (v.empty()) return kNaN;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Median |I| of a half cycle from at most ~200 evenly spaced records of its sign: the constant-current
/// part dominates, a CV tail or a rest inside does not move it.
double halfCurrent(const Record& r, std::size_t b, std::size_t e, int sign, double rest)
{
    std::vector<double> s;
    const std::size_t stride = std::max<std::size_t>(1, (e - b) / 200);
    for (std::size_t i = b; i < e; i += stride) {
        const double I = r.currentMa[i];
        if (std::abs(I) > rest && (I > 0) == (sign > 0)) s.push_back(std::abs(I));
    }
    return median(s);
}

/// Median programmed current of the half's records of its sign (NaN without a step table).
double halfProgrammedCurrent(const Record& r, std::size_t b, std::size_t e, int sign, double rest)
{
    if (r.programmedCurrentMa.size() != r.currentMa.size()) return kNaN;
    std::vector<double> s;
    const std::size_t stride = std::max<std::size_t>(1, (e - b) / 200);
    for (std::size_t i = b; i < e; i += stride) {
        const double I = r.currentMa[i], P = r.programmedCurrentMa[i];
        if (std::abs(I) > rest && (I > 0) == (sign > 0) && std::isfinite(P) && P > 0) s.push_back(P);
    }
    return s.empty() ? kNaN : median(s);
}

double reversible(const CycleRow& row, CeConvention c)
{
    return c == CeConvention::Cathode ? row.dischargeMah : row.chargeMah;
}

} // namespace

Expected<std::vector<HalfCycle>> segmentHalfCycles(const Record& r, const SegmentOptions& o)
{
    const std::size_t n = r.currentMa.size();
    if (r.timeS.size() != n || r.voltageV.size() != n || (!r.cycle.empty() && r.cycle.size() != n) ||
        (!r.chargeCounterMah.empty() && r.chargeCounterMah.size() != n) ||
        (!r.dischargeCounterMah.empty() && r.dischargeCounterMah.size() != n))
        return fail("", "",
                    "the record's Time, Current, Voltage, Cycle and capacity columns differ in length");
    if (n == 0) return fail("", "", "the record has no rows");
    double rest = o.restCurrentMa;
    if (!(rest >= 0.0)) {
        double maxI = 0.0;
        for (double I : r.currentMa)
            if (std::isfinite(I)) maxI = std::max(maxI, std::abs(I));
        if (maxI == 0.0)
            return fail("", "", "the current is zero throughout: no charge or discharge to analyse");
        rest = 1e-4 * maxI;
    }
    const bool byColumn = o.useCycleColumn && !r.cycle.empty();
    std::vector<HalfCycle> out;
    HalfCycle cur;
    bool open = false;
    int firstSign = 0;
    int counted = 0;
    double curCycleValue = kNaN;
    // What a counter rose by from record i − 1 to i: its increase, or after a reset (a drop) its value.
    auto counterStep = [&](std::span<const double> c, std::size_t i) {
        if (c.empty() || !std::isfinite(c[i])) return kNaN;
        const double prev = i > 0 && std::isfinite(c[i - 1]) ? c[i - 1] : 0.0;
        return c[i] >= prev ? c[i] - prev : c[i];
    };
    auto close = [&](std::size_t lastOfSign) {
        cur.end = lastOfSign + 1;
        cur.integralMah = cur.capacityMah;
        if (std::isfinite(cur.counterMah) && cur.counterMah > 0.0 &&
            std::abs(cur.counterMah - cur.capacityMah) > o.counterTolerance * cur.counterMah) {
            // Scale the energy with the capacity: V·I is logged as sparsely as I.
            if (cur.capacityMah > 0.0) cur.energyMwh *= cur.counterMah / cur.capacityMah;
            cur.capacityMah = cur.counterMah;
            cur.fromCounter = true;
        }
        cur.meanVoltageV = cur.capacityMah > 0 ? cur.energyMwh / cur.capacityMah : kNaN;
        cur.currentMa = halfCurrent(r, cur.begin, cur.end, cur.sign, rest);
        cur.programmedCurrentMa = halfProgrammedCurrent(r, cur.begin, cur.end, cur.sign, rest);
        cur.durationS = r.timeS[cur.end - 1] - r.timeS[cur.begin];
        out.push_back(cur);
        open = false;
    };
    std::size_t lastOfSign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double I = r.currentMa[i];
        const int s = (std::isfinite(I) && std::abs(I) > rest) ? (I > 0 ? 1 : -1) : 0;
        const double cyc = byColumn ? r.cycle[i] : kNaN;
        const bool cycleChanged = byColumn && std::isfinite(cyc) && cyc != curCycleValue;
        if (open && (cycleChanged || (s != 0 && s != cur.sign))) close(lastOfSign);
        if (byColumn && std::isfinite(cyc)) curCycleValue = cyc;
        if (s == 0) continue;
        if (!open) {
            cur = HalfCycle{};
            cur.begin = i;
            cur.sign = s;
            if (firstSign == 0) firstSign = s;
            if (s == firstSign || counted == 0) ++counted;
            cur.cycle = byColumn && std::isfinite(curCycleValue) ? int(std::lround(curCycleValue)) : counted;
            open = true;
        }
        // The counter of this half's direction, over the same intervals as the integral below.
        if (const double dq = counterStep(s > 0 ? r.chargeCounterMah : r.dischargeCounterMah, i);
            std::isfinite(dq))
            cur.counterMah = (std::isnan(cur.counterMah) ? 0.0 : cur.counterMah) + dq;
        const bool inside = i > cur.begin && std::isfinite(r.currentMa[i - 1]) &&
                            std::abs(r.currentMa[i - 1]) > rest && (r.currentMa[i - 1] > 0) == (s > 0);
        lastOfSign = i;
        if (i > 0) {
            const double dt = r.timeS[i] - r.timeS[i - 1];
            if (std::isfinite(dt) && dt > 0.0) {
                const double Ieff = inside ? 0.5 * (std::abs(I) + std::abs(r.currentMa[i - 1])) : std::abs(I);
                const double q = Ieff * dt / 3600.0;
                cur.capacityMah += q;
                if (std::isfinite(r.voltageV[i])) cur.energyMwh += q * r.voltageV[i];
            }
        }
    }
    if (open) close(lastOfSign);
    return out;
}

Expected<CycleTable> cycleTable(const Record& r, const CycleOptions& o)
{
    auto halves = segmentHalfCycles(r, o.segment);
    if (!halves) return std::unexpected(halves.error());
    CycleTable t;
    t.halves = std::move(*halves);
    const double gram = o.massMg / 1000.0;
    std::map<int, CycleRow> rows;
    auto add = [](double& acc, double v) { acc = std::isnan(acc) ? v : acc + v; };
    for (const HalfCycle& h : t.halves) {
        CycleRow& row = rows[h.cycle];
        row.index = h.cycle;
        if (h.sign > 0) {
            add(row.chargeMah, h.capacityMah);
            add(row.chargeEnergyMwh, h.energyMwh);
            if (std::isnan(row.chargeCurrentMa)) row.chargeCurrentMa = h.currentMa;
            if (std::isnan(row.chargeProgrammedCurrentMa))
                row.chargeProgrammedCurrentMa = h.programmedCurrentMa;
        } else {
            add(row.dischargeMah, h.capacityMah);
            add(row.dischargeEnergyMwh, h.energyMwh);
            if (std::isnan(row.dischargeCurrentMa)) row.dischargeCurrentMa = h.currentMa;
            if (std::isnan(row.dischargeProgrammedCurrentMa))
                row.dischargeProgrammedCurrentMa = h.programmedCurrentMa;
        }
    }
    for (auto& [k, row] : rows) {
        row.chargeMeanV = row.chargeMah > 0 ? row.chargeEnergyMwh / row.chargeMah : kNaN;
        row.dischargeMeanV = row.dischargeMah > 0 ? row.dischargeEnergyMwh / row.dischargeMah : kNaN;
        row.chargeMahG = gram > 0 ? row.chargeMah / gram : kNaN;
        row.dischargeMahG = gram > 0 ? row.dischargeMah / gram : kNaN;
        t.rows.push_back(row);
    }
    const bool cathode = o.convention == CeConvention::Cathode;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const CycleRow& in = t.rows[i];
        const CycleRow* outRow = &in;
        if (o.pairing == CePairing::NextCycle) outRow = i + 1 < t.rows.size() ? &t.rows[i + 1] : nullptr;
        if (!outRow) continue;
        const double qIn = cathode ? in.chargeMah : in.dischargeMah;
        const double qOut = cathode ? outRow->dischargeMah : outRow->chargeMah;
        t.rows[i].cePct = qIn > 0 ? 100.0 * qOut / qIn : kNaN;
    }
    for (const CycleRow& row : t.rows)
        if (std::isfinite(row.cePct)) {
            t.firstCycleCePct = row.cePct;
            break;
        }
    // Reference of retention; rising capacity (activation) gives retention > 100 %, never clipped.
    const auto& rs = t.rows;
    auto firstWith = [&](std::size_t from) -> const CycleRow* {
        for (std::size_t i = from; i < rs.size(); ++i)
            if (reversible(rs[i], o.convention) > 0) return &rs[i];
        return nullptr;
    };
    const CycleRow* ref = nullptr;
    switch (o.reference) {
    case RetentionReference::FirstCycle:
        ref = firstWith(0);
        break;
    case RetentionReference::SecondCycle:
        ref = rs.size() > 1 ? firstWith(1) : nullptr;
        break;
    case RetentionReference::Maximum:
        for (const CycleRow& row : rs)
            if (reversible(row, o.convention) > 0 &&
                (!ref || reversible(row, o.convention) > reversible(*ref, o.convention)))
                ref = &row;
        break;
    case RetentionReference::GivenCycle:
        for (const CycleRow& row : rs)
            if (row.index == o.referenceCycle && reversible(row, o.convention) > 0) ref = &row;
        if (!ref)
            return fail("", "",
                        "cycle " + std::to_string(o.referenceCycle) +
                            " (the retention reference) is not in the record or has no capacity");
        break;
    }
    if (ref) {
        t.referenceCycle = ref->index;
        t.referenceMah = reversible(*ref, o.convention);
        for (CycleRow& row : t.rows)
            row.retentionPct = 100.0 * reversible(row, o.convention) / t.referenceMah;
    }
    return t;
}

std::vector<RateStep> rateSteps(const CycleTable& table, double massMg, const RateOptions& o)
{
    std::vector<RateStep> out;
    const double gram = massMg / 1000.0;
    const bool specific = gram > 0;
    std::vector<std::vector<const CycleRow*>> groups;
    std::vector<double> ref;
    // The programmed current where the step table gives one, else the measured.
    auto currentOf = [](const CycleRow& row) {
        return row.dischargeProgrammedCurrentMa > 0 ? row.dischargeProgrammedCurrentMa
                                                    : row.dischargeCurrentMa;
    };
    for (const CycleRow& row : table.rows) {
        const double I = currentOf(row);
        if (!(I > 0)) continue;
        if (!groups.empty() && std::abs(I - ref.back()) <= o.toleranceRelative * ref.back()) {
            groups.back().push_back(&row);
        } else {
            groups.push_back({&row});
            ref.push_back(I);
        }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        RateStep s;
        s.index = int(g) + 1;
        std::vector<double> currents, measured;
        s.programmed = true;
        for (const CycleRow* row : groups[g]) {
            currents.push_back(currentOf(*row));
            measured.push_back(row->dischargeCurrentMa);
            s.programmed = s.programmed && row->dischargeProgrammedCurrentMa > 0;
        }
        s.currentMa = median(currents);
        s.measuredCurrentMa = median(measured);
        s.firstCycle = groups[g].front()->index;
        s.lastCycle = groups[g].back()->index;
        s.cycles = int(groups[g].size());
        if (specific) {
            const double j = s.currentMa / massMg; // mA/mg = A/g
            s.currentAPerG = j;
            for (double p : o.protocolAPerG)
                if (std::abs(j - p) <= o.toleranceRelative * p) s.currentAPerG = p;
        }
        const std::size_t skip = (o.skipFirstCycle && groups[g].size() > 1) ? 1 : 0;
        double sd = 0, sc = 0;
        int nd = 0, nc = 0;
        for (std::size_t k = skip; k < groups[g].size(); ++k) {
            const CycleRow* row = groups[g][k];
            if (row->dischargeMah > 0) {
                sd += row->dischargeMah;
                ++nd;
            }
            if (row->chargeMah > 0) {
                sc += row->chargeMah;
                ++nc;
            }
        }
        const double scale = specific ? 1.0 / gram : 1.0;
        s.dischargeMeanMahG = nd ? scale * sd / nd : kNaN;
        s.chargeMeanMahG = nc ? scale * sc / nc : kNaN;
        s.dischargeLastMahG = scale * groups[g].back()->dischargeMah;
        // A return to a current used before, after a higher one.
        for (std::size_t k = 0; k + 1 < g + 1 && g > 0; ++k)
            if (std::abs(ref[k] - ref[g]) <= o.toleranceRelative * ref[g] && ref[g - 1] > ref[g])
                s.recovery = true;
        out.push_back(s);
    }
    return out;
}

std::vector<ProfileCurve> voltageProfiles(const Record& r, const CycleTable& table,
                                          std::span<const int> cycles, double massMg)
{
    std::vector<ProfileCurve> out;
    const double scale = massMg > 0 ? 1000.0 / massMg : 1.0;
    for (const HalfCycle& h : table.halves) {
        if (!cycles.empty() && std::find(cycles.begin(), cycles.end(), h.cycle) == cycles.end()) continue;
        ProfileCurve c;
        c.cycle = h.cycle;
        c.sign = h.sign;
        double q = 0.0;
        for (std::size_t i = h.begin; i < h.end; ++i) {
            const double I = r.currentMa[i];
            if (i > h.begin) {
                const double dt = r.timeS[i] - r.timeS[i - 1];
                const double Ip = r.currentMa[i - 1];
                if (dt > 0 && std::isfinite(I) && I != 0.0 && (I > 0) == (h.sign > 0)) {
                    const bool inside = std::isfinite(Ip) && Ip != 0.0 && (Ip > 0) == (h.sign > 0);
                    q += (inside ? 0.5 * (std::abs(I) + std::abs(Ip)) : std::abs(I)) * dt / 3600.0;
                }
            }
            if (!std::isfinite(I) || I == 0.0 || (I > 0) != (h.sign > 0)) continue; // rests inside the half
            c.capacity.push_back(q * scale);
            c.voltageV.push_back(r.voltageV[i]);
        }
        out.push_back(std::move(c));
    }
    return out;
}

DqDvCurve dqdv(const ProfileCurve& p, const DqDvOptions& o)
{
    DqDvCurve c;
    c.cycle = p.cycle;
    c.sign = p.sign;
    const std::size_t n = p.voltageV.size();
    if (n < 3 || !(o.binV > 0)) return c;
    // Monotonic voltage: running maximum on charge, running minimum on discharge (noise and IR jumps
    // would otherwise make dV → 0 and the quotient explode).
    std::vector<double> v(n), q(p.capacity.begin(), p.capacity.end());
    const bool up = p.sign > 0;
    v[0] = p.voltageV[0];
    for (std::size_t i = 1; i < n; ++i)
        v[i] = up ? std::max(v[i - 1], p.voltageV[i]) : std::min(v[i - 1], p.voltageV[i]);
    const double lo = up ? v.front() : v.back(), hi = up ? v.back() : v.front();
    const int bins = int(std::floor((hi - lo) / o.binV));
    if (bins < 3) return c;
    std::vector<double> grid(std::size_t(bins) + 1), qg(grid.size());
    std::size_t j = 0;
    for (int b = 0; b <= bins; ++b) {
        const double V = up ? lo + b * o.binV : hi - b * o.binV;
        grid[std::size_t(b)] = V;
        // first index with v past V
        while (j + 1 < n && (up ? v[j + 1] < V : v[j + 1] > V))
            ++j;
        if (j + 1 >= n) {
            qg[std::size_t(b)] = q.back();
            continue;
        }
        const double dv = v[j + 1] - v[j];
        const double f = dv != 0.0 ? (V - v[j]) / dv : 0.0;
        qg[std::size_t(b)] = q[j] + std::clamp(f, 0.0, 1.0) * (q[j + 1] - q[j]);
    }
    std::vector<double> d(grid.size());
    for (std::size_t b = 0; b < grid.size(); ++b) {
        const std::size_t a = b == 0 ? 0 : b - 1, z = b + 1 < grid.size() ? b + 1 : b;
        d[b] = (qg[z] - qg[a]) / (grid[z] - grid[a]);
    }
    c.dqdv = d;
    if (o.smoothingWindow > 2 && int(d.size()) >= o.smoothingWindow) {
        // The grid is uniform: smooth against the grid index (the tga filter wants x increasing).
        std::vector<double> x(d.size());
        for (std::size_t b = 0; b < x.size(); ++b)
            x[b] = double(b);
        auto sm = tga::savitzkyGolay(x, d, {o.smoothingWindow | 1, o.smoothingOrder}, 0);
        if (sm) c.dqdv = std::move(*sm);
    }
    c.voltageV = std::move(grid);
    // Peaks: local extremes of |dQ/dV| whose prominence (height above the higher of the two minima to
    // the next larger value on either side) is at least the given share of the largest |dQ/dV|.
    double maxAbs = 0.0;
    for (double x : c.dqdv)
        maxAbs = std::max(maxAbs, std::abs(x));
    const std::size_t m = c.dqdv.size();
    for (std::size_t i = 1; i + 1 < m; ++i) {
        const double a = std::abs(c.dqdv[i]);
        if (!(a > std::abs(c.dqdv[i - 1]) && a >= std::abs(c.dqdv[i + 1]))) continue;
        double leftMin = a, rightMin = a;
        for (std::size_t k = i; k-- > 0;) {
            const double x = std::abs(c.dqdv[k]);
            if (x > a) break;
            leftMin = std::min(leftMin, x);
        }
        for (std::size_t k = i + 1; k < m; ++k) {
            const double x = std::abs(c.dqdv[k]);
            if (x > a) break;
            rightMin = std::min(rightMin, x);
        }
        if (a - std::max(leftMin, rightMin) >= o.minProminenceRelative * maxAbs)
            c.peaks.push_back({c.voltageV[i], c.dqdv[i]});
    }
    return c;
}

LongCyclingSummary longCyclingSummary(const CycleTable& table, CeConvention convention)
{
    LongCyclingSummary s;
    std::vector<std::pair<int, double>> q;
    bool specific = false;
    for (const CycleRow& row : table.rows) {
        const double mahg = convention == CeConvention::Cathode ? row.dischargeMahG : row.chargeMahG;
        specific = specific || std::isfinite(mahg);
        const double v = std::isfinite(mahg) ? mahg : reversible(row, convention);
        if (v > 0) q.emplace_back(row.index, v);
    }
    s.cycles = int(q.size());
    if (q.empty()) return s;
    s.firstCapacity = q.front().second;
    s.lastCapacity = q.back().second;
    auto mx = std::max_element(q.begin(), q.end(), [](auto& a, auto& b) { return a.second < b.second; });
    s.maxCycle = mx->first;
    s.maxCapacity = mx->second;
    s.activationGainPct = 100.0 * (s.maxCapacity / s.firstCapacity - 1.0);
    const int after = q.back().first - s.maxCycle;
    s.fadePerCyclePct = after > 0 ? 100.0 * (1.0 - s.lastCapacity / s.maxCapacity) / after : 0.0;
    s.lastRetentionPct = table.rows.back().retentionPct;
    double sum = 0;
    int n = 0;
    for (const CycleRow& row : table.rows)
        if (row.index >= 2 && std::isfinite(row.cePct)) {
            sum += row.cePct;
            ++n;
        }
    s.meanCePct = n ? sum / n : kNaN;
    return s;
}

} // namespace vanadis::echem
