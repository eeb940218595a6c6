#pragma once
/// \file XpsComponentEdit.h
/// The component edits the XPS fit plot offers, as functions of the model rows (XpsModelRows.h), so that
/// the plot, the tests and any other front end share them:
///   - every component centre is a marker, for the presets too; a centre tied to another parameter
///     (a doublet's 2p1/2 line `V3_a_center + split_V2p`, the O vacancy `Olat_center + 0.9`) is
///     *linked*: drawn differently, not draggable, it follows the line it is tied to;
///   - moving a free centre sets its start value (its bounds move with it, keeping their width around
///     the start) — on a preset the model first becomes the equivalent custom model, the rows "Start
///     from preset" gives (or, for models whose starts depend on the data, the rows the fit started from);
///   - adding at a binding energy appends a singlet with the shape of the nearest line and the mean
///     width of its neighbours;
///   - removing a component also removes the components tied to it (a doublet goes as a whole), the
///     ratio groups, differences and shared parameters that only they used.
/// Each edit is one parameter change of the XPS analysis (model "custom"); xpsCentreBinding() is the
/// point binding of the fit figure that makes these the plot's gestures.

#include "analysis/Analysis.h"
#include "analysis/xps/XpsModelRows.h"

#include <optional>

namespace vanadis {

/// The rows the XPS fit of \a params starts from: the component table of a custom model (or the rows
/// of its start_from_preset when the table is empty); for another model the `start_rows` of \a result
/// (the fit of these parameters, or {}), else the preset's rows. nullopt when there are none (the
/// generic model before its first fit).
std::optional<XpsModelRows> xpsStartRows(const QJsonObject& params, const QJsonObject& result);

/// Centre of each component with ties evaluated (a 2p1/2 line at its 2p3/2 + splitting), eV, and
/// whether it is tied. Rows that do not form a valid model show their typed centres.
struct XpsCentre {
    double centerEv = 0.0;
    bool tied = false;
};
std::vector<XpsCentre> xpsCentres(const XpsModelRows& rows);

/// Component \a index with its centre start at \a centerEv (its bounds shifted by the same amount). A
/// tied centre is refused (it follows another line: move that one), as is a model the edit makes
/// invalid; errors name the row.
Expected<XpsModelRows> xpsMoveCentre(XpsModelRows rows, int index, double centerEv);

/// \a rows with a singlet at \a centerEv: named "peak1", "peak2" … (the first free name), the shape,
/// GL/SGL m and core level of the nearest line (\a defaultShape when there is none), the width the mean
/// of the nearest line below and above (1.5 eV without neighbours), centre bounds ±1 eV as in the
/// presets, width bounds ⅓–3 × the start, area from the data.
Expected<XpsModelRows> xpsAddComponent(XpsModelRows rows, double centerEv, const QString& defaultShape);

/// \a rows without component \a index and the components tied to it (transitively); ratio groups left
/// without a component are dropped from their ratio (the ratio with them when a side is empty), so
/// are differences naming a removed component and shared parameters no remaining tie uses. \a removed
/// receives the names taken out, \a index's first. Removing the last component is refused.
Expected<XpsModelRows> xpsRemoveComponent(XpsModelRows rows, int index, QStringList* removed = nullptr);

/// \a params with model "custom" and the tables of \a rows.
QJsonObject xpsParamsWithRows(QJsonObject params, const XpsModelRows& rows);

/// The point binding of the "xps_fit" figure: components.center, with the hooks above.
PointBinding xpsCentreBinding();

} // namespace vanadis
