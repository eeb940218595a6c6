#pragma once
/// \file AnalysisRegistry.h
/// The analyses there are (listed once in AnalysisTable.cpp) and the technique-free operations on
/// them: finding the analysis of a dataset, checking parameters, computing (counted, for tests that
/// prove nothing is recomputed), reading outputs and checking stored runs against the declarations.

#include "analysis/Analysis.h"

namespace vanadis {

class Project;

/// Every registered analysis, in registration order.
const std::vector<const AnalysisDescriptor*>& analyses();
/// Adds an analysis that is not in AnalysisTable.cpp (tests: a deliberately slow analysis). \a a must
/// outlive every use; call it before any window or store reads the registry. GUI thread only.
void registerExtraAnalysis(const AnalysisDescriptor* a);
const AnalysisDescriptor* analysisById(const QString& id);
/// The analyses that accept a dataset (usually one).
std::vector<const AnalysisDescriptor*> analysesFor(const Dataset& d);
/// The first analysis of a technique that accepts datasets of \a type, or nullptr.
const AnalysisDescriptor* analysisFor(Technique technique, const QString& type);

/// Parameters with defaults filled in (invalid stored values fall back to the defaults).
QJsonObject effectiveParams(const AnalysisDescriptor& a, const QJsonObject& stored);

/// Checks \a params against the schema and runs the analysis. Every call is counted.
Expected<QJsonObject> computeAnalysis(const AnalysisDescriptor& a, const ComputeInputs& inputs,
                                      const QJsonObject& params, ComputeControl& control);
/// Convenience for one main dataset and no cancellation (CLI, tests).
Expected<QJsonObject> computeAnalysis(const AnalysisDescriptor& a, const Dataset& dataset,
                                      const QJsonObject& params);
/// How many computations ran in this process (tests: reopening a project computes nothing).
long long computeCallCount();

/// The value at a dotted path of a result ("bet.area_m2_g"); null when absent.
QJsonValue resultValue(const QJsonObject& result, const QString& path);

/// The inputs of a run as dataset copies (cheap: the values are shared), or an error naming the
/// missing dataset.
Expected<ComputeInputs> runInputs(const Project& project, const AnalysisRun& run);

/// What the sample of dataset \a datasetId states, as far as analysis \a a reads it
/// (AnalysisDescriptor::sampleProperties and sampleInputs): {property: value or null, …, input key: value or
/// null, "<input key>_run": id or null, "<input key>_run_dataset": label or null, "<input
/// key>_run_candidates": count}. When several runs report the value, the newest dataset's (latest import,
/// then highest id) is used and the reader should say so. Empty when the dataset belongs to no sample or \a a
/// reads nothing.
QJsonObject sampleContext(const Project& project, Id datasetId, const AnalysisDescriptor& a);
/// Every property of \a sample and every value any analysis takes from its other results (the sample
/// panel shows the carbon content the capacity basis uses).
QJsonObject sampleContextOf(const Project& project, const Sample& sample);
/// True when some analysis reads results of analysis \a analysisId from its sample (a TGA result feeds
/// the capacity basis of cycling): a change of such a run marks the readers stale.
bool reportsToSamples(const QString& analysisId);

/// True when analysis \a a has a dataset parameter that, left unset, takes the sample's own datasets of its
/// types (ParamSpec::sampleDefault).
bool usesSampleDefaults(const AnalysisDescriptor& a);
/// What the sample-default dataset parameters of \a a that \a params leaves unset resolve to for a run of
/// dataset \a datasetId: {key: [ids of the sample's datasets of the parameter's types, ascending]}. Empty
/// when \a a has none or the dataset belongs to no sample. runInputs() passes these datasets and the run's
/// result keeps this object ("sample_references") to compare against later.
QJsonObject sampleDefaultReferences(const Project& project, Id datasetId, const AnalysisDescriptor& a,
                                    const QJsonObject& params);
/// True when \a stored (a run's result["sample_references"]) and \a now (sampleDefaultReferences()) name
/// different datasets; keys with no dataset count as absent on both sides.
bool sampleReferencesChanged(const QJsonObject& stored, const QJsonObject& now);

/// True when a value that \a consulted (a run's result["sample_context"]: the keys it read, with the values
/// it read) differs from \a now (sampleContext()).
bool sampleContextChanged(const QJsonObject& consulted, const QJsonObject& now);

/// Marks the runs of sample \a sampleId's datasets whose analysis uses its sample as stale, with a message,
/// when a value they consulted changed or when the sample's datasets that an unset sample-default parameter
/// takes are no longer those the run read (a cycling record imported after an in-situ series; a failed run:
/// always, it may now succeed). ComputeService calls it on Project::sampleChanged, datasetInserted and
/// datasetRemoved and when a TGA run's result changes; computeStaleRunsNow-based callers (CLI, demo) call it
/// themselves. Returns the ids marked.
std::vector<Id> markSampleDependentRunsStale(Project& project, Id sampleId);

/// The figure inputs for datasets \a datasetIds (in order) of analysis \a a: each with its sample, its
/// stored run's parameters and result (a result in \a overrides wins: a live preview), and a legend
/// that names the dataset when its sample has several of them in the list.
std::vector<FigureInput> figureInputs(const Project& project, const AnalysisDescriptor& a,
                                      const std::vector<Id>& datasetIds,
                                      const std::map<Id, QJsonObject>& overrides = {});

/// Builds figure \a figureId of \a a for \a datasetIds; a figure that is not an overlay shows only
/// \a currentDataset (0 = the first of the list).
FigureSpec analysisFigure(const Project& project, const AnalysisDescriptor& a, const QString& figureId,
                          const std::vector<Id>& datasetIds, Id currentDataset = 0,
                          const std::map<Id, QJsonObject>& overrides = {});

/// Marks stored runs whose analysis is unknown or of another version as stale, with a message; used
/// on runs read from a file before they enter the project.
void reconcileStoredRuns(std::map<Id, AnalysisRun>& runs);

/// "BET range from 0.05 → 0.10": what changed between two parameter sets, for the undo history.
QString describeParamChange(const AnalysisDescriptor& a, const QJsonObject& before, const QJsonObject& after);

/// A value with its 1σ uncertainty rounded as a chemist writes it: the uncertainty to two significant
/// digits (one when it starts with 3–9), the value to the same decimal place ("62.97 ± 0.08").
QString formatWithUncertainty(double value, double error);
/// A value without uncertainty to \a significant digits, in the C locale (callers localise).
QString formatValue(double value, int significant = 4);

} // namespace vanadis
