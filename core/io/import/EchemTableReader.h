#pragma once
/// \file EchemTableReader.h
/// The shared fast path of the electrochemistry record readers (Neware, Arbin, BioLogic, Novonix, PEC):
/// a delimited table of numbers read straight from the file bytes (never a QString of the whole file)
/// into one std::vector<double> per kept column, numbers parsed with fast_float, two threads on large
/// files. Vendor readers find the header and say which source column becomes which canonical column.
///
/// Canonical columns of an electrochemistry record (dataset types cycling_record, gitt, cv, eis); every
/// reader converts to these units on import, so the numerics never see A, Ah, mV or hours:
///
/// | name               | unit  | meaning                                                                  |
/// |--------------------|-------|--------------------------------------------------------------------------|
/// | Time               | s     | test time since the start of the file (cumulative)                       |
/// | Step Time          | s     | time since the start of the instrument step                              |
/// | Voltage            | V     | cell voltage (working electrode vs counter/reference); CV files: Potential|
/// | Current            | mA    | signed: charge (oxidation of the cathode, desodiation) positive           |
/// | Cycle              | 1     | the instrument's cycle index, as written                                  |
/// | Step               | 1     | the instrument's step index, as written                                   |
/// | State              | 1     | +1 charge, −1 discharge, 0 rest, from a text step type ("CC DChg", "R")  |
/// | Capacity           | mAh   | the instrument's capacity counter (per step or per cycle, as written)    |
/// | Charge Capacity    | mAh   | the instrument's charge counter                                           |
/// | Discharge Capacity | mAh   | the instrument's discharge counter                                        |
/// | Specific Capacity  | mAh/g | the instrument's specific capacity, with the mass the instrument knew     |
/// | Energy, Charge Energy, Discharge Energy | mWh | the instrument's energy counters                    |
/// | Programmed Current | mA    | the set current of each record's step from the file's step table (LANDdt  |
/// |                    |       | Step-Tab), magnitude, NaN where the table has none; rate steps prefer it  |
/// | Temperature        | °C    |                                                                           |
/// | Record             | 1     | the instrument's data-point number                                        |
/// | Frequency, Z', -Z'', \|Z\|, Phase | Hz, Ohm, Ohm, Ohm, deg | impedance (BioLogic PEIS/GEIS)           |
///
/// Columns a reader does not know are left out and named in metadata["skipped_columns"].

#include "io/import/Importer.h"
#include "model/Types.h"
#include "numeric/Error.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <span>
#include <vector>

namespace vanadis::echemimport {

/// How the cells of one source column are read.
enum class CellParse {
    Number,    ///< a decimal number (empty or "-" = missing, NaN)
    Duration,  ///< "HH:MM:SS[.f]" (hours may exceed 24), "D-HH:MM:SS", or a plain number of seconds
    Clock,     ///< "MM/DD/YYYY HH:MM:SS[.f]" as seconds since 1970 (EC-Lab CSV writes time/s so)
    StepState, ///< a step-type word: charge +1, discharge −1, rest 0 ("CC Chg", "CC DChg", "Rest", "R")
};

/// One kept column: source index in the row, canonical name and unit, and the factor to that unit.
struct ColumnTarget {
    int source = 0;
    QString name;
    QString unit;
    double factor = 1.0;
    CellParse parse = CellParse::Number;
    QString sourceName; ///< header text, for error messages
};

/// The data part of a table inside the file bytes.
struct TableSpec {
    const char* begin = nullptr; ///< first byte of the first data row
    const char* end = nullptr;   ///< one past the last byte
    qsizetype firstLine = 1;     ///< 1-based line number of \a begin in the file
    char delimiter = ',';
    bool decimalComma = false;
    bool quotedLines = false; ///< each row is one quoted string (Novonix): the outer quotes are removed
    int minFields = 0;        ///< a row with fewer cells is cut short: an error
    int threads = 2;          ///< 1 = serial; more than 1 only for tables larger than a few MB
};

/// Reads every row of \a spec into one column per target. Blank lines are skipped. Errors name the file,
/// the line and the column ("line 12, column 'Voltage(V)': 'abc' is not a number"); on error nothing
/// is returned.
Expected<std::vector<Column>> readTable(const TableSpec& spec, const std::vector<ColumnTarget>& targets,
                                        const std::string& file);

/// One cell as a number with the rules of readTable (used by the serial readers too). \a ok is false for
/// text; empty and "-" give NaN with ok = true.
double parseCell(const char* b, const char* e, CellParse parse, bool decimalComma, bool& ok);

/// The cells of one line (quotes around a cell removed, blanks trimmed), decoded as UTF-8 or, when not
/// valid UTF-8, Windows-1252 (the µ and ° of Western Windows exports).
QStringList splitHeader(QByteArrayView line, char delimiter);

/// The byte offsets of the first \a maxLines line starts (line i begins at result[i]).
std::vector<qsizetype> lineStarts(QByteArrayView bytes, qsizetype maxLines);

/// The line [begin, end) without its line break.
QByteArrayView lineAt(QByteArrayView bytes, qsizetype begin);

/// An alias: a header text (compared case-insensitively, blanks collapsed) and what it becomes.
struct Alias {
    const char* header;
    const char* name;
    const char* unit;
    double factor = 1.0;
    CellParse parse = CellParse::Number;
};

/// Maps \a names through \a aliases (first match per canonical name wins); unmatched names are appended
/// to \a skipped.
std::vector<ColumnTarget> mapColumns(const QStringList& names, std::span<const Alias> aliases,
                                     QStringList& skipped);

/// True when the first data cells use a decimal comma (a ',' between digits and no '.' in numbers);
/// only meaningful for ';' and TAB separated files.
bool detectDecimalComma(QByteArrayView sampleRows, char delimiter);

/// The column of \a columns named \a name, or nullptr.
const Column* findColumn(const std::vector<Column>& columns, const QString& name);

/// A one-header table of a vendor text export: where the header line is, how cells are separated, and
/// which canonical columns the vendor's names become.
struct SimpleTable {
    qsizetype headerOffset = 0; ///< byte offset of the header line
    qsizetype headerLine = 1;   ///< its 1-based line number
    char delimiter = ',';
    std::optional<bool> decimalComma; ///< unset: detected from the first rows
    bool quotedLines = false;
    std::span<const Alias> aliases;
    QString kind = QStringLiteral("cycling_record");
    QString instrument;          ///< "Arbin", "Neware", … (metadata["instrument"])
    QStringList requiredColumns; ///< canonical names that must be present, e.g. Time, Current, Voltage
};

/// Reads a SimpleTable into one dataset (technique echem): canonical columns, metadata "instrument",
/// "skipped_columns", "decimal_comma". Errors name file, line and column.
Expected<ImportedDataset> readSimpleTable(const QByteArray& bytes, const QString& fileName,
                                          const SimpleTable& table);

/// Parses the header value "1.234 g", "0,001 g", "1.5 mg" into milligrams; nullopt when absent or zero.
std::optional<double> massMgFromText(const QString& text);

} // namespace vanadis::echemimport
