#pragma once
/// \file Sample.h
/// A sample of the series (CS, WCS, ...): identity used in every plot, active mass, notes, datasets.

#include "model/Types.h"

#include <QColor>
#include <QJsonObject>
#include <cmath>

namespace vanadis {

/// What "active mass" refers to; capacities depend on it, so it is never left implicit.
enum class MassBasis { Composite, ActiveOxideOnly };

/// A sample. Value type; the Project owns the instances.
struct Sample {
    Id id = 0;
    QString name;
    QColor color;                 ///< the same colour in every plot
    QString marker = "circle";    ///< none|circle|square|triangle|diamond|cross|plus|star
    QString dash = "solid";       ///< solid|dash|dot|dashdot
    double activeMassMg = std::nan(""); ///< active mass per electrode in mg; NaN when unknown
    MassBasis massBasis = MassBasis::Composite;
    QString notes;
    std::vector<Id> datasetIds;   ///< in display order

    /// Field-wise equality; two unknown (NaN) masses compare equal.
    bool operator==(const Sample& o) const;
};

/// Editable fields of a Sample, for undoable edits that name the field.
enum class SampleField { Name, Color, Marker, Dash, ActiveMassMg, MassBasis, Notes };

/// A sample series = one project file: the samples compared side by side.
struct SampleSeries {
    QString name;
    QString variedCondition;      ///< e.g. "annealing / morphology"
    std::vector<Id> sampleIds;    ///< in series order
};

/// Status of an analysis result.
enum class RunStatus { Ok, Failed, Stale };

/// One analysis applied to one dataset: typed parameters and result as JSON produced from the
/// analysis' schema, so the GUI form, the project file and the CLI share one representation.
struct AnalysisRun {
    Id id = 0;
    Id datasetId = 0;
    QString analysisId;       ///< e.g. "bet.multipoint"
    int analysisVersion = 1;
    QJsonObject params;
    QJsonObject result;       ///< values with units and uncertainties, warnings
    RunStatus status = RunStatus::Stale;

    bool operator==(const AnalysisRun&) const = default;
};

/// A new sample with the default plot identity of the n-th sample of a series: Okabe–Ito colour
/// (colour-blind safe), a distinct marker and dash, so that samples never differ by colour alone.
Sample makeSample(Id id, const QString& name, int index);

QString runStatusKey(RunStatus s);
RunStatus runStatusFromKey(const QString& key);
QString massBasisKey(MassBasis b);
MassBasis massBasisFromKey(const QString& key);

} // namespace vanadis
