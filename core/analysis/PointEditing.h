#pragma once
/// \file PointEditing.h
/// The edits of a point binding (Analysis.h, FigureDecl::points) as functions of the parameters, so the
/// plot's gestures, the tests and any other front end share them: the binding's hooks when it sets them,
/// else the plain list of x positions (XRD added peaks). No widget here: TechniqueTab turns plot gestures
/// into these calls and pushes the returned parameters as one undoable edit.

#include "analysis/Analysis.h"

namespace vanadis {

/// The markers of \a b for these effective parameters (and the result computed from them, or {}).
std::vector<PointMarker> pointMarkers(const PointBinding& b, const QJsonObject& params,
                                      const QJsonObject& result);
/// Marker \a index moved to \a x.
Expected<PointEdit> pointMoved(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                               int index, double x);
/// A point added at \a x.
Expected<PointEdit> pointAdded(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                               double x);
/// Marker \a index removed.
Expected<PointEdit> pointRemoved(const PointBinding& b, const QJsonObject& params, const QJsonObject& result,
                                 int index);

} // namespace vanadis
