#pragma once
/// \file LandXlsxImporter.h
/// LANDdt Excel exports of LAND CT2001A/CT3001 cyclers (echem.md §7), English and Chinese:
/// - record sheets (name holds "Record" or 记录; old LANDdt splits more than 65 k rows over several, read in
///   workbook order): `Record, TestTime, StepTime, Current/mA, Capacity/mAh, SpeCap/mAh/g, Voltage/V,
///   Energy/mWh, SysTime, Cycle-Index, Step-Index, Step-State` (测试时间, 步骤时间, 电流/mA, 容量/mAh,
///   比容量/mAh/g, 电压/V, 能量/mWh, 系统时间, 循环序号, 工步序号, 工步状态);
/// - the cycle sheet (Cycle-Tab / 循环): `Cycle, CapC/mAh, CapD/mAh, SpeCapC/mAh/g, SpeCapD/mAh/g,
///   Efficiency/%, …` (充电容量/mAh, 放电容量/mAh, 充电比容量/mAh/g, 放电比容量/mAh/g, 效率/%);
/// - the step sheet (Step-Tab / 工步): `Step, Mode, [Current/mA,] Period, …`. Where it has the step's
///   (programmed) current, each record gets it by its Step-Index as the column "Programmed Current" (mA),
///   which the rate steps use instead of the measured current; without one the sheet is not needed.
///
/// The TestTime quirk: below 24 h LANDdt writes an Excel time (a fraction of a day), above it the text
/// `D-HH:MM:SS` (`28-05:42:29`); both become seconds. `TestTime/Sec` columns are seconds already. Units
/// follow the export's scheme (mA/mAh, A/Ah, µA/µAh; mWh, Wh) and are converted to the canonical record
/// units of EchemTableReader.h on import; `-` is a missing value. The current is signed from Step-State
/// (charge positive), whatever sign the export used. The cycle sheet goes to metadata["instrument_cycles"]
/// and is checked against the record (its capacities are the per-step maxima of the record's capacity
/// summed per cycle and direction; a disagreement is a warning). A workbook with a cycle sheet but no
/// record sheet imports the cycle table. The sheets are streamed (XlsxSheetScanner), so a record of
/// millions of rows costs its columns only. The layout reader itself is LandLayout.h, shared with the .xls
/// exports of older LANDdt (LandXlsImporter).

#include "io/import/Importer.h"
#include "io/import/XlsxWorkbook.h"

namespace vanadis {

class LandXlsxImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("land-xlsx"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    /// 94 when the workbook part inside the first bytes names a LAND record or cycle sheet.
    int sniff(const QByteArray& head, const QString& fileName) const override;
    qint64 maxFileBytes() const override { return qint64(1) << 30; }
    bool detectsTruncation() const override { return true; } // a cut zip loses its central directory
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;

    /// True when the sheet names are those of a LANDdt export (a record sheet, or cycle and step sheets).
    static bool looksLikeLandSheets(const QStringList& sheetNames);
};

} // namespace vanadis
