#include "analysis/ApplyToSamples.h"

#include "model/DatasetType.h"
#include "model/Project.h"

namespace vanadis {

namespace {

bool sameKind(const Dataset& a, const Dataset& b)
{
    if (a.type() != b.type()) return false;
    return !datasetLabelNamesContent(a.type()) || a.label().compare(b.label(), Qt::CaseInsensitive) == 0;
}

} // namespace

std::vector<Id> applyTargets(const Project& project, const AnalysisDescriptor& a, Id sourceDataset)
{
    std::vector<Id> out;
    const Dataset* src = project.dataset(sourceDataset);
    if (!src) return out;
    for (const Sample* s : project.samples())
        for (const Dataset* d : project.datasetsOf(s->id, a.technique))
            if (a.accepts(*d) && sameKind(*src, *d)) out.push_back(d->id());
    return out;
}

QJsonObject paramsForTarget(const Project& project, const AnalysisDescriptor& a, const QJsonObject& params,
                            Id sourceDataset, Id targetDataset)
{
    QJsonObject out = params;
    const Sample* from = project.sampleOfDataset(sourceDataset);
    const Sample* to = project.sampleOfDataset(targetDataset);
    if (!from || !to || from->id == to->id) return out;
    for (const ParamSpec& spec : a.params()) {
        if (spec.type != ParamSpec::Type::DatasetRef) continue;
        const QJsonValue v = params.value(spec.key);
        if (!v.isDouble()) continue;
        const Dataset* ref = project.dataset(Id(v.toDouble()));
        const Sample* owner = ref ? project.sampleOfDataset(ref->id()) : nullptr;
        if (!ref || !owner || owner->id != from->id) continue; // a series-wide reference stays
        QJsonValue mapped(QJsonValue::Null);
        for (const Dataset* d : project.datasetsOf(to->id))
            if (d->type() == ref->type() && d->label().compare(ref->label(), Qt::CaseInsensitive) == 0) {
                mapped = double(d->id());
                break;
            }
        out.insert(spec.key, mapped);
    }
    return out;
}

} // namespace vanadis
