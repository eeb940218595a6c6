#pragma once
/// \file FigureHelpers.h
/// Small pieces the analyses' figure builders share: a series in a sample's plot identity, points
/// read from a result array, a column by name. Technique-free.

#include "analysis/Analysis.h"

#include <QJsonArray>

namespace vanadis::figures {

/// A line series in the sample's colour and dash, labelled \a label, without markers.
FigureSeries styled(const Sample& s, const QString& label);
/// Appends the (xKey, yKey) pairs of an array of objects to \a fs, skipping non-finite values.
void pointsFrom(const QJsonArray& a, const char* xKey, const char* yKey, FigureSeries& fs);
/// The column of a dataset with this name (case-insensitive), or nullptr.
const Column* find(const Dataset& d, const char* name);
/// The index of \a id among \a decls, -1 when absent.
int figureIndex(const std::vector<FigureDecl>& decls, const QString& id);

} // namespace vanadis::figures
