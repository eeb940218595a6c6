#pragma once
/// \file RawFigure.h
/// The figure a technique tab shows before its analysis exists: the raw data of the selected
/// samples overlaid in sample colours, with the technique's axis conventions (XPS binding energy
/// reversed, XRD patterns stacked, Nyquist equal aspect, coulombic efficiency on a right axis).

#include "model/FigureSpec.h"
#include "model/Types.h"

namespace vanadis {

class Project;
class Dataset;

/// Dataset kinds present for a technique among the given samples, in first-seen order.
QStringList rawKinds(const Project& project, Technique technique, const std::vector<Id>& sampleIds);

/// The raw-data figure; \a kind selects the dataset kind (empty = the first one present).
FigureSpec rawFigure(const Project& project, Technique technique, const std::vector<Id>& sampleIds,
                     const QString& kind = {});

} // namespace vanadis
