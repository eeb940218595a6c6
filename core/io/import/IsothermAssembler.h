#pragma once
/// \file IsothermAssembler.h
/// Shared by the BET readers (AIF, Quantachrome, BELSORP, Micromeritics): turns the points a reader
/// found into the one dataset every BET analysis expects — technique Bet, kind "isotherm", columns
/// "P/P0" (unit "1"), "Quantity Adsorbed" (unit "cm3/g STP") and "Branch" (0 adsorption,
/// 1 desorption; adsorption rows first) — after converting units and checking what a chemist checks:
/// pressures rising on adsorption and falling on desorption, p/p0 at most 1.05, no negative amounts.
///
/// Instrument noise at the level seen in real exports is accepted and listed in the metadata array
/// "warnings": a gauge reading of −0.003 kPa near vacuum (p/p0 down to −0.001), a pressure that dips
/// by up to 2·10⁻⁴ in p/p0 (or 0.2 % of p/p0) within a branch, a baseline amount down to −1 % of the
/// largest amount. Anything beyond is an Error naming the file and the row, and nothing is imported.
/// Points accepted as noise but outside what an isotherm is (p/p0 ≤ 0, 1 < p/p0 ≤ 1.05, amount < 0) are
/// left out of the dataset, each named (location, value) in one warning, and counted in
/// metadata["points_left_out"]: the BET analysis reads only 0 < p/p0 ≤ 1.
///
/// Units are never guessed: a reader that cannot find a stated unit reports that, and the parsers here
/// return nullopt for unit strings they do not recognise.

#include "io/import/Importer.h"

#include <QJsonArray>
#include <QStringList>
#include <cmath>
#include <limits>
#include <optional>

namespace vanadis {

/// How the amounts of a file convert to cm³(STP) per gram.
struct LoadingUnit {
    double toCm3Stp = 1.0; ///< cm³ STP per unit of amount (22.413969 for mmol)
    /// Grams the amount refers to (1 for "/g", 0.001 for "/mg"); 0 = the whole sample, so the amounts
    /// are divided by the sample mass (Quantachrome "Volume @ STP cc").
    double perGrams = 1.0;
};

class IsothermAssembler {
public:
    struct Point {
        double pressure = 0.0;                                ///< p/p0, or absolute in the pressure unit
        double p0 = std::numeric_limits<double>::quiet_NaN(); ///< absolute, in the pressure unit; NaN = none
        double amount = 0.0;                                  ///< in the loading unit
        int branch = -1;  ///< 0 adsorption, 1 desorption, -1 not stated: split at the highest pressure
        QString location; ///< "line 23", "sheet 'Sheet1', row 30" (1-based, as a spreadsheet shows it)
    };

    IsothermAssembler(const QString& fileName, const QString& sourceFormat);

    /// Pressures are relative (p/p0); p0 is ignored.
    void setRelativePressure() { m_relative = true; }
    /// Pressures and p0 are absolute in the same unit; p/p0 is their ratio.
    void setAbsolutePressure() { m_relative = false; }
    void setLoadingUnit(const LoadingUnit& unit) { m_loading = unit; }
    /// Sample mass in g (needed when the amounts are for the whole sample); also stored as sample_mass_g.
    void setSampleMassG(double grams);
    /// Where errors about the file as a whole point to (e.g. "line 2", the header naming the sample mass).
    void setHeaderLocation(const QString& location) { m_headerLocation = location.toStdString(); }
    void add(const Point& p) { m_points.push_back(p); }
    qsizetype pointCount() const { return qsizetype(m_points.size()); }
    /// Metadata written into the dataset (the assembler adds counts, warnings and source_format).
    QJsonObject& metadata() { return m_meta; }
    void warn(const QString& text) { m_warnings.append(text); }

    /// Converts, assigns branches, validates. \a name is the dataset name (sample name or file stem).
    Expected<ImportedDataset> finish(const QString& name);

    // ---- unit and name helpers shared by the readers ----

    /// Pascal per unit for "Pa", "kPa", "MPa", "bar", "mbar", "Torr", "mmHg", "atm", "psi"; nullopt
    /// otherwise.
    static std::optional<double> pascalPerUnit(const QString& unit);
    /// "relative", "p/p0", "P/Po", "p/p°", "1", ...
    static bool isRelativePressureUnit(const QString& unit);
    /// Gram per unit for "g", "mg", "kg"; nullopt otherwise.
    static std::optional<double> gramsPerUnit(const QString& unit);
    /// Parses "mmol/g", "cm³/g STP", "ml(STP) g-1", "cm^3(STP) g^-1", "cc/g", "mol g-1", "cc" (whole
    /// sample), ... When the unit names no mass ("cc", "mmol"), \a massUnit (AIF _units_mass) gives the
    /// basis if stated; \a wholeSampleWithoutMass makes a mass-less unit mean the whole sample
    /// (Quantachrome). nullopt for anything not an amount of gas per mass (e.g. "mg/g", "wt%").
    static std::optional<LoadingUnit> parseLoadingUnit(const QString& unit, const QString& massUnit = {},
                                                       bool wholeSampleWithoutMass = false);
    /// Kelvin from a value and "K", "C", "°C", "degC"; nullopt for other units.
    static std::optional<double> kelvin(double value, const QString& unit);
    /// "N2", "Ar", "CO2", "Kr" for the usual spellings ("Nitrogen", "N₂", "argon", ...); else the trimmed raw
    /// text.
    static QString normalizeAdsorptive(const QString& raw);
    /// ISO 8601 for the first of \a formats (QDateTime syntax) that parses \a raw; empty when none does.
    static QString isoDate(const QString& raw, const QStringList& formats);
    /// Leading number of "0.0339 g", "77.35 K", "1,596.4627 ± 0.64", honouring thousands separators;
    /// \a decimalComma says how to read a lone "," when the text alone cannot tell.
    static std::optional<double> leadingNumber(const QString& text, bool decimalComma = false);
    /// Unit in parentheses at the end of a column title: "Quantity Adsorbed (cm³/g STP)" → "cm³/g STP".
    static QString unitInParentheses(const QString& title);

private:
    std::string m_file;
    std::string m_headerLocation;
    QString m_format;
    bool m_relative = false;
    LoadingUnit m_loading;
    double m_massG = 0.0;
    std::vector<Point> m_points;
    QJsonObject m_meta;
    QStringList m_warnings;
};

} // namespace vanadis
