#pragma once
/// \file DatasetType.h
/// What a dataset *is* (its type: isotherm, tga_curve, xrd_pattern, xps_region, cycling_record, cv,
/// gitt, eis …), kept apart from what the user calls it (its label: "V 2p", "1 A g⁻¹", "scan 37").
/// Analyses declare the types they accept; a sample may hold any number of datasets of one type.
///
/// Files of project schema 1 and the importers of that time stored one "kind" that mixed both
/// ("V 2p", "cycling_1Ag"); normalizeDatasetType() splits such a kind into a type and a label, so the
/// schema-1 migration and older importers go through one table.

#include "model/Types.h"

#include <QString>
#include <utility>

namespace vanadis {

/// A type and a label as stored; the label may be empty.
struct DatasetTypeLabel {
    QString type;
    QString label;
};

/// Splits a legacy kind (schema 1, importers) of a technique into type and label; a kind that is
/// already a known type passes through with an empty label. Unknown kinds of a technique become the
/// technique's generic type ("data") with the kind as label, so nothing is ever dropped.
DatasetTypeLabel normalizeDatasetType(Technique technique, const QString& kind);

/// Translated display name of a type ("Isotherm", "XPS region"); the type itself when unknown.
QString datasetTypeDisplayName(const QString& type);

/// What a view of datasets of one type and label is called: "Isotherm", "XPS region — V 2p".
QString datasetGroupName(const class Dataset& d);

/// True when the label of a dataset of \a type says what it holds, so that datasets of the type in two
/// samples correspond only when their labels match (an XPS region: "V 2p" of CS ↔ "V 2p" of WCS, never
/// its "C 1s"); false when the label only tells datasets apart ("scan 37", "1 A g⁻¹").
bool datasetLabelNamesContent(const QString& type);

/// True for the types of the table (the vocabulary analyses and importers use).
bool isKnownDatasetType(const QString& type);

} // namespace vanadis
