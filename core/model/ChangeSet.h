#pragma once
/// \file ChangeSet.h
/// Which entities changed since the last write to a given file. The store writes only these, so a
/// save after one parameter change costs time proportional to that change, not to the project.

#include "model/Types.h"

#include <set>

namespace vanadis {

struct ChangeSet {
    bool series = false;     ///< name, condition or sample order
    std::set<Id> samples;    ///< inserted, edited or removed (the writer checks which)
    std::set<Id> datasets;   ///< inserted or removed (datasets are immutable)
    std::set<Id> runs;       ///< inserted, edited or removed
    bool everything = false; ///< write the whole project (new file)

    bool empty() const
    {
        return !series && !everything && samples.empty() && datasets.empty() && runs.empty();
    }
    void clear() { *this = ChangeSet{}; }
    void merge(const ChangeSet& o)
    {
        series |= o.series;
        everything |= o.everything;
        samples.insert(o.samples.begin(), o.samples.end());
        datasets.insert(o.datasets.begin(), o.datasets.end());
        runs.insert(o.runs.begin(), o.runs.end());
    }
};

} // namespace vanadis
