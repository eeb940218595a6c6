#pragma once
/// \file InstrumentFunctionFile.h
/// The instrument-function file of a diffractometer: a small JSON object written from the XRD result of a
/// line-profile standard (`vanadis-cli xrd STANDARD --write-instrument OUT.json`, the XRD tab's "Save as
/// instrument function…") and read back as an `instrument_function` dataset that the XRD analysis takes
/// instead of the manual Caglioti U, V, W (parameter instrument_dataset, `--instrument PATH`).
///
/// Keys: format ("vanadis-instrument-function"), version (1), name, wavelength_angstrom, u_deg2, u_err,
/// v_deg2, v_err, w_deg2, w_err (Caglioti Γ_G² = U tan²θ + V tanθ + W, deg²), x_deg, x_err, y_deg, y_err
/// (Γ_L = X tanθ + Y/cosθ, deg; optional, 0 = Gaussian), standard, source_file, date (ISO 8601),
/// two_theta_min_deg, two_theta_max_deg (the standard's measured lines), n_lines, rms_residual_pct.
/// Required on reading: wavelength_angstrom, u_deg2, v_deg2, w_deg2; W must be > 0 and the Gaussian and
/// Lorentzian widths positive over the stated range.

#include "numeric/Error.h"
#include "numeric/xrd/CrystalliteSize.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vanadis {

/// A checked instrument function.
struct InstrumentFunction {
    QString name;
    double wavelengthAngstrom = 0.0;
    double uDeg2 = 0.0, vDeg2 = 0.0, wDeg2 = 0.0;
    double uErr = 0.0, vErr = 0.0, wErr = 0.0;
    double xDeg = 0.0, yDeg = 0.0, xErr = 0.0, yErr = 0.0;
    QString standard, sourceFile, date;
    double twoThetaMinDeg = 0.0, twoThetaMaxDeg = 0.0; ///< 0, 0 = not stated
    int nLines = 0;
    double rmsResidualPct = 0.0;

    xrd::InstrumentBroadening broadening() const;
    /// The file's JSON object (the keys above).
    QJsonObject toJson() const;
};

/// Reads and checks an instrument-function JSON document. Errors name \a fileName and the byte offset
/// (not JSON) or the key (missing, not a number, W ≤ 0, a width negative within the range).
Expected<InstrumentFunction> parseInstrumentFunction(const QByteArray& bytes, const QString& fileName);

/// Checks the values of \a f (the same rules as parseInstrumentFunction) for the error messages of
/// \a fileName.
Expected<void> checkInstrumentFunction(const InstrumentFunction& f, const std::string& fileName);

/// The instrument function of a standard from its XRD result (the `instrument_fit` object computeXrd
/// writes), named \a name, with the pattern's file \a sourceFile and the time \a when. Errors: the result
/// holds no instrument fit (fewer than 3 lines) or a function that is not positive.
Expected<InstrumentFunction> instrumentFunctionFromResult(const QJsonObject& xrdResult, const QString& name,
                                                          const QString& sourceFile, const QDateTime& when);

/// The same as an indented JSON document, ready to write.
QByteArray instrumentFunctionDocument(const InstrumentFunction& f);

} // namespace vanadis
