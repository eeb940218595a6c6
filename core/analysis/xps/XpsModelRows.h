#pragma once
/// \file XpsModelRows.h
/// An XPS model as the editable tables a CasaXPS user expects: one row per component (name, label,
/// shape, centre, FWHM, start area, bounds, fixed flags, tie expressions, ratio group, core level), one
/// row per shared auxiliary parameter (a spin–orbit splitting, a width factor), one row per ratio and
/// per position difference. The same rows are the `components`/`auxiliary`/`ratios`/`differences` Table
/// parameters of the XPS analysis (model "custom") and the content of a model file given to
/// `vanadis-cli xps FILE --model PATH.json`:
///
///     {"components": [{"name": "V3_a", "shape": "gl", "center": 517.7, "fwhm": 2.2, …},
///                     {"name": "V3_b", "tie_center": "V3_a_center + 7.33", "tie_area": "V3_a_area*0.5",
///                      "tie_fwhm": "V3_a_fwhm", …}],
///      "auxiliary": [{"name": "split", "value": 7.1, "lower": 6.9, "upper": 7.8}],
///      "ratios": [{"name": "v3_v2", "numerator": "V3", "denominator": "V2"}],
///      "background": "active_shirley"}
///
/// Ties use the syntax of the fitting engine (fit/Expression.h): any expression of the parameter names
/// `<name>_center`, `<name>_fwhm`, `<name>_area`, `<name>_m` (GL/SGL mixing), `<name>_alpha`,
/// `<name>_beta` (LA), `<name>_fwhm_l` (Voigt) and the auxiliary names. Rows from a preset
/// (xpsRowsFromModel) turn back into the same ModelSpec (xpsModelFromRows), so a user starts from a
/// preset and edits it.

#include "analysis/ParamTable.h"
#include "numeric/Error.h"
#include "numeric/xps/XpsFit.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace vanadis {

/// One component row. Unset optional numbers mean: area = estimated from the data, bounds = none
/// (the FWHM then stays above 1 meV), shape_param = the shape's default (GL/SGL m = 30, fixed).
struct XpsComponentRow {
    QString name;  ///< identifier: letters, digits, '_' (parameters are name_center, name_fwhm …)
    QString label; ///< shown in reports; empty = name
    QString shape; ///< gl | sgl | la | voigt
    double centerEv = 0.0;
    double fwhmEv = 1.0; ///< the width parameter F (GL(m): the true FWHM is reported beside it)
    std::optional<double> area;
    std::optional<double> centerLoEv, centerHiEv, fwhmLoEv, fwhmHiEv;
    bool fixCenter = false, fixFwhm = false, fixArea = false;
    QString tieCenter, tieFwhm, tieArea;
    QString group; ///< the chemical state the line counts for in ratios ("V3+"); empty = name
    QString level; ///< core level ("V 2p", "O 1s"), for atomic %; may be empty
    std::optional<double> shapeParam; ///< GL/SGL m (0–100, held fixed); ignored by LA and Voigt
};

/// A shared parameter used only through ties.
struct XpsAuxRow {
    QString name;
    double value = 0.0;
    std::optional<double> lower, upper;
    bool fixed = false;
};

/// Σ areas(numerator groups) / Σ areas(denominator groups); groups comma-separated.
struct XpsRatioRow {
    QString name, numerator, denominator;
};

/// Position a − b (eV) of two components.
struct XpsDifferenceRow {
    QString name, a, b;
};

struct XpsModelRows {
    std::vector<XpsComponentRow> components;
    std::vector<XpsAuxRow> auxiliary;
    std::vector<XpsRatioRow> ratios;
    std::vector<XpsDifferenceRow> differences;
};

/// Row tables (column declarations) for the Table parameters and the model file.
const ParamTable<XpsComponentRow>& xpsComponentRowTable();
const ParamTable<XpsAuxRow>& xpsAuxRowTable();
const ParamTable<XpsRatioRow>& xpsRatioRowTable();
const ParamTable<XpsDifferenceRow>& xpsDifferenceRowTable();

/// The Table parameters "components", "auxiliary", "ratios", "differences" (empty by default).
ParamSchema xpsModelTableParams();

/// The rows of \a spec (a preset or the generic model); tied parameters show the start value their tie
/// gives. For GL/SGL lines (every preset) xpsModelFromRows gives \a spec back (name, window and tied
/// start values aside). The rows carry no other shape extras: LA exponents and the Voigt Lorentz width
/// start from defaults, free per line (the two lines of an LA doublet of the generic model then no
/// longer share them).
XpsModelRows xpsRowsFromModel(const xps::ModelSpec& spec);

/// The ModelSpec of \a rows, validated: a row without or with a non-identifier name, duplicate names,
/// an unknown shape, a non-positive width, lower > upper, a tie that does not parse or names an unknown
/// parameter, a ratio group no component belongs to → an error naming the table, row (1-based) and
/// column, e.g. "components row 3, column 'tie_area'".
Expected<xps::ModelSpec> xpsModelFromRows(const XpsModelRows& rows);

/// Rows from the JSON of the Table parameters (checked by applySchema or not: each row is checked
/// against its column declarations here, errors naming table, row and column).
Expected<XpsModelRows> xpsRowsFromJson(const QJsonObject& o);
/// {"components": […], "auxiliary": […], "ratios": […], "differences": […]}.
QJsonObject xpsRowsToJson(const XpsModelRows& rows);

/// Reads a model file: a JSON object with the tables above and, optionally, "background",
/// "window_lo_ev", "window_hi_ev". Returns the XPS analysis parameters it sets (model = "custom" and
/// the tables). Errors name the file and, for malformed JSON, the line and column; for a bad row the
/// table, row and column.
Expected<QJsonObject> readXpsModelFile(const QString& path);

} // namespace vanadis
