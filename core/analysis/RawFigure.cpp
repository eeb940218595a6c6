#include "analysis/RawFigure.h"

#include "model/Translate.h"

#include "model/DatasetType.h"

#include "model/Project.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return translated("vanadis::RawFigure", s);
}

/// First column whose name contains one of the needles (case-insensitive).
const Column* find(const Dataset& d, std::initializer_list<const char*> needles)
{
    for (const char* n : needles)
        for (const Column& c : d.columns())
            if (c.name.contains(QLatin1String(n), Qt::CaseInsensitive)) return &c;
    return nullptr;
}

QString axisLabel(const Column& c)
{
    return c.unit.isEmpty() ? c.name : QStringLiteral("%1 (%2)").arg(c.name, c.unit);
}

FigureSeries styled(const Sample& s, const QString& label)
{
    FigureSeries fs;
    fs.label = label;
    fs.color = s.color;
    fs.dash = s.dash;
    fs.marker = "none";
    return fs;
}

} // namespace

QStringList rawKinds(const Project& project, Technique technique, const std::vector<Id>& sampleIds)
{
    QStringList kinds;
    for (Id sid : sampleIds)
        for (const Dataset* d : project.datasetsOf(sid, technique))
            if (!kinds.contains(datasetGroupName(*d))) kinds << datasetGroupName(*d);
    return kinds;
}

FigureSpec rawFigure(const Project& project, Technique technique, const std::vector<Id>& sampleIds,
                     const QString& kindIn)
{
    FigureSpec f;
    const QStringList kinds = rawKinds(project, technique, sampleIds);
    const QString kind = kindIn.isEmpty() ? kinds.value(0) : kindIn;
    f.title = techniqueDisplayName(technique) + (kind.isEmpty() ? QString() : " – " + kind);
    double stackOffset = 0.0;
    for (Id sid : sampleIds) {
        const Sample* s = project.sample(sid);
        if (!s) continue;
        const auto all = project.datasetsOf(sid, technique);
        const auto inGroup = std::count_if(all.begin(), all.end(),
                                           [&](const Dataset* d) { return datasetGroupName(*d) == kind; });
        for (const Dataset* d : all) {
            if (datasetGroupName(*d) != kind || d->columns().size() < 2) continue;
            const auto& cols = d->columns();
            const Column* x = &cols[0];
            const Column* y = &cols[1];
            // Several datasets of one sample in the same view: the legend tells them apart.
            FigureSeries fs =
                styled(*s, inGroup > 1 ? s->name + QStringLiteral(" · ") + d->displayLabel() : s->name);
            const QString type = d->type();
            switch (technique) {
            case Technique::Xrd: {
                // Stacked patterns, as in every XRD figure of a series.
                fs.x = x->values;
                fs.y = y->values;
                // Copies, not iterators: subtracting the minimum changes the element it points to.
                const auto [mnIt, mxIt] = std::minmax_element(fs.y.begin(), fs.y.end());
                const double mn = *mnIt, mx = *mxIt;
                for (double& v : fs.y)
                    v -= mn;
                fs.yOffset = stackOffset;
                stackOffset += (mx - mn) * 1.08;
                // Stacked patterns are labelled at their right end instead of a legend over the data,
                // and the offset y axis carries no numbers (they would mean nothing).
                fs.endLabel = fs.label;
                f.legend = false;
                f.x.label = QStringLiteral("2θ (°)");
                f.y.label = tr("Intensity (a.u., offset)");
                f.y.hideTickLabels = true;
                f.series.push_back(fs);
                break;
            }
            case Technique::Xps: {
                fs.x = x->values;
                fs.y = y->values;
                f.x.label = tr("Binding energy (eV)");
                f.x.reversed = true;
                f.y.label = tr("Intensity (counts s^{-1})");
                f.series.push_back(fs);
                break;
            }
            case Technique::Bet: {
                const Column* p = find(*d, {"p/p0", "relative"});
                const Column* q = find(*d, {"quantity", "volume", "amount"});
                const Column* b = find(*d, {"branch"});
                if (!p || !q) break;
                FigureSeries ads = styled(*s, s->name + tr(" ads."));
                FigureSeries des = styled(*s, s->name + tr(" des."));
                ads.marker = s->marker;
                des.marker = s->marker;
                des.dash = "dash";
                for (size_t i = 0; i < p->values.size(); ++i) {
                    FigureSeries& t = (b && b->values[i] > 0.5) ? des : ads;
                    t.x.push_back(p->values[i]);
                    t.y.push_back(q->values[i]);
                }
                f.x.label = QStringLiteral("Relative pressure p/p_{0}");
                f.y.label = tr("Quantity adsorbed (cm^{3} g^{-1} STP)");
                f.series.push_back(ads);
                if (!des.x.empty()) f.series.push_back(des);
                break;
            }
            case Technique::Tga: {
                const Column* t = find(*d, {"temp"});
                const Column* m = find(*d, {"mass %", "mass%", "weight %"});
                const Column* mm = find(*d, {"mass", "weight"});
                if (!t || (!m && !mm)) break;
                fs.x = t->values;
                if (m) {
                    fs.y = m->values;
                } else {
                    // Percent of the initial mass, the convention of every TGA figure.
                    const double m0 = mm->values.empty() ? 1.0 : mm->values.front();
                    for (double v : mm->values)
                        fs.y.push_back(100.0 * v / m0);
                }
                f.x.label = tr("Temperature (°C)");
                f.y.label = tr("Mass (%)");
                f.series.push_back(fs);
                break;
            }
            case Technique::Echem: {
                if (type == QLatin1String("cycling_record")) {
                    const Column* n = find(*d, {"cycle"});
                    const Column* q = find(*d, {"discharge capacity"});
                    const Column* ce = find(*d, {"coulombic", "efficiency"});
                    if (!n || !q) break;
                    // Thousands of cycles as markers are an unreadable band: show every k-th cycle
                    // (at most ~200 markers per sample), as cycling figures in papers do.
                    const size_t stride = std::max<size_t>(1, n->values.size() / 200);
                    for (size_t i = 0; i < n->values.size(); i += stride) {
                        fs.x.push_back(n->values[i]);
                        fs.y.push_back(q->values[i]);
                    }
                    fs.line = false;
                    fs.marker = s->marker;
                    f.y.min = 0.0;
                    f.x.label = tr("Cycle number");
                    f.y.label = tr("Discharge capacity (mAh g^{-1})");
                    f.series.push_back(fs);
                    if (ce) {
                        FigureSeries c = styled(*s, s->name + tr(" CE"));
                        for (size_t i = 0; i < n->values.size(); i += stride) {
                            c.x.push_back(n->values[i]);
                            c.y.push_back(ce->values[i]);
                        }
                        c.onRightAxis = true;
                        c.dash = "dot";
                        f.y2 = FigureAxis{tr("Coulombic efficiency (%)"), false, false, 0.0, 110.0};
                        f.series.push_back(c);
                    }
                } else if (type == QLatin1String("eis")) {
                    const Column* re = find(*d, {"z'", "zre", "re"});
                    const Column* im = find(*d, {"-z''", "zim", "im"});
                    // The impedance importers store Z'' itself (negative = capacitive, echem.md §6).
                    const Column* z2 = nullptr;
                    for (const Column& c : d->columns())
                        if (c.name == QLatin1String("Z''")) z2 = &c;
                    if (!re || (!im && !z2)) break;
                    fs.x = re->values;
                    if (im) {
                        fs.y = im->values;
                    } else {
                        for (double v : z2->values)
                            fs.y.push_back(-v);
                    }
                    fs.marker = s->marker;
                    fs.line = false;
                    f.x.label = QStringLiteral("Z' (Ω)");
                    f.y.label = QStringLiteral("−Z'' (Ω)");
                    f.equalAspect = true;
                    f.series.push_back(fs);
                } else if (type == QLatin1String("gcd_profile")) {
                    const Column* q = find(*d, {"capacity"});
                    const Column* v = find(*d, {"voltage", "potential"});
                    if (!q || !v) break;
                    // Each half-cycle starts its capacity again at 0: the curves are separate lines,
                    // not one line with a jump back across the plot at the cut-off voltage.
                    double qMax = 0.0;
                    for (double c : q->values)
                        qMax = std::max(qMax, std::abs(c));
                    for (size_t k = 0; k < q->values.size() && k < v->values.size(); ++k) {
                        if (k > 0 && q->values[k] < q->values[k - 1] - 0.02 * qMax) {
                            fs.x.push_back(std::nan(""));
                            fs.y.push_back(std::nan(""));
                        }
                        fs.x.push_back(q->values[k]);
                        fs.y.push_back(v->values[k]);
                    }
                    f.x.label = tr("Specific capacity (mAh g^{-1})");
                    f.y.label = tr("Voltage (V vs Na^{+}/Na)");
                    f.series.push_back(fs);
                } else if (type == QLatin1String("cv")) {
                    const Column* v = find(*d, {"potential", "voltage"});
                    const Column* i = find(*d, {"current"});
                    if (!v || !i) break;
                    fs.x = v->values;
                    fs.y = i->values;
                    f.x.label = tr("Potential (V vs Na^{+}/Na)");
                    f.y.label = axisLabel(*i);
                    f.series.push_back(fs);
                } else {
                    const Column* t = find(*d, {"time"});
                    const Column* v = find(*d, {"voltage", "potential"});
                    if (!t || !v) {
                        t = x;
                        v = y;
                    }
                    fs.x = t->values;
                    if (t->unit == "s")
                        for (double& h : fs.x)
                            h /= 3600.0;
                    fs.y = v->values;
                    f.x.label = t->unit == "s" ? tr("Time (h)") : axisLabel(*t);
                    f.y.label = tr("Voltage (V vs Na^{+}/Na)");
                    f.series.push_back(fs);
                }
                break;
            }
            }
            if (f.x.label.isEmpty()) {
                fs.x = x->values;
                fs.y = y->values;
                f.x.label = axisLabel(*x);
                f.y.label = axisLabel(*y);
                f.series.push_back(fs);
            }
        }
    }
    f.id = QStringLiteral("raw");
    return f;
}

} // namespace vanadis
