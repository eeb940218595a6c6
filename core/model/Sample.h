#pragma once
/// \file Sample.h
/// A sample of the series (CS, WCS, ...): identity used in every plot, active mass, notes, datasets.

#include "model/Types.h"

#include <QColor>
#include <QJsonObject>
#include <QStringList>
#include <cmath>

namespace vanadis {

/// What "active mass" refers to; capacities depend on it, so it is never left implicit.
enum class MassBasis { Composite, ActiveOxideOnly };

/// A sample. Value type; the Project owns the instances.
struct Sample {
    Id id = 0;
    QString name;
    QColor color;                       ///< the same colour in every plot
    QString marker = "circle";          ///< none|circle|square|triangle|diamond|cross|plus|star
    QString dash = "solid";             ///< solid|dash|dot|dashdot
    double activeMassMg = std::nan(""); ///< active mass per electrode in mg; NaN when unknown
    MassBasis massBasis = MassBasis::Composite;
    /// What the sample is made of, for analyses that need it: the oxide of the composite before a TGA
    /// run in O2 and the one left after it ("V2O3", "V2O5"); empty = not stated (no carbon content is
    /// then derived from an oxidation; never a silent default).
    QString startOxide;
    QString residueOxide;
    QString notes;
    std::vector<Id> datasetIds; ///< in display order

    /// Field-wise equality; two unknown (NaN) masses compare equal.
    bool operator==(const Sample& o) const;
};

/// Editable fields of a Sample, for undoable edits that name the field.
enum class SampleField {
    Name,
    Color,
    Marker,
    Dash,
    ActiveMassMg,
    MassBasis,
    Notes,
    StartOxide,
    ResidueOxide
};

/// A sample's properties by key, as analyses declare what they read (AnalysisDescriptor::sampleProperties):
/// "active_mass_mg" (number or null), "mass_basis" ("composite" | "oxide_only"), "start_oxide" and
/// "residue_oxide" (text or null when not stated).
QStringList samplePropertyKeys();
QJsonValue samplePropertyValue(const Sample& sample, const QString& key);

/// A sample series = one project file: the samples compared side by side.
struct SampleSeries {
    QString name;
    QString variedCondition;   ///< e.g. "annealing / morphology"
    std::vector<Id> sampleIds; ///< in series order
};

/// Status of an analysis result: Ok and Failed describe the stored result of the stored parameters;
/// Stale means the stored result no longer matches (an input dataset, a parameter or the analysis
/// version changed, or the stored result could not be read) and must be recomputed.
enum class RunStatus { Ok, Failed, Stale };

/// One input of a run: the dataset and the role it plays ("main", "blank", "reference" …). Every
/// analysis has a "main" input; multi-dataset analyses (CV at several scan rates, an in-situ stack)
/// list several "main" inputs in order.
struct RunInput {
    QString role = QStringLiteral("main");
    Id datasetId = 0;
    bool operator==(const RunInput&) const = default;
};

/// One analysis applied to its input datasets: parameters and result as JSON produced from the
/// analysis' declaration, so the GUI form, the project file and the CLI share one representation.
struct AnalysisRun {
    Id id = 0;
    std::vector<RunInput> inputs; ///< the first "main" input is the dataset the run belongs to
    QString analysisId;           ///< e.g. "bet"
    int analysisVersion = 1;
    QJsonObject params;
    QJsonObject result; ///< values with units and uncertainties, warnings; empty when failed
    RunStatus status = RunStatus::Stale;
    QString message; ///< why the run failed or is stale (shown to the user); may be empty

    /// The dataset the run belongs to (its first main input), 0 when none.
    Id datasetId() const;
    /// True when \a datasetId is any of the inputs.
    bool usesDataset(Id datasetId) const;
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
