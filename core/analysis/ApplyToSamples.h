#pragma once
/// \file ApplyToSamples.h
/// Copying the parameters of one run (a fitted XPS model, a BET window) to the matching datasets of the
/// other samples of the series, so that "apply to all samples" is one undoable step that refits each
/// sample on its own data:
/// - targets: in every sample, the datasets the analysis accepts that have the same type as the source
///   dataset and, for a type whose label names the content (datasetLabelNamesContent: an XPS region
///   per core level), the same label, so a
///   V 2p + O 1s model goes to the V 2p regions only, never onto C 1s or a survey;
/// - dataset references (the C 1s of the charge reference, the O 1s of a joint window) that name a
///   dataset of the source's sample are re-pointed to the target sample's dataset of the same type and
///   label, or cleared when it has none, so one sample never borrows another's reference.

#include "analysis/Analysis.h"

#include <QJsonObject>
#include <vector>

namespace vanadis {

class Project;

/// The datasets of all samples (the source included) a run of \a a on \a sourceDataset is copied to.
std::vector<Id> applyTargets(const Project& project, const AnalysisDescriptor& a, Id sourceDataset);

/// \a params of a run on \a sourceDataset, as they apply to a run on \a targetDataset (see file comment).
QJsonObject paramsForTarget(const Project& project, const AnalysisDescriptor& a, const QJsonObject& params,
                            Id sourceDataset, Id targetDataset);

} // namespace vanadis
