#include "io/import/LandXlsImporter.h"

#include "io/import/LandLayout.h"
#include "io/import/XlsWorkbook.h"

#include <QCoreApplication>
#include <algorithm>

namespace vanadis {

namespace {

/// \a text stored in a BIFF string: 8-bit ("compressed") or UTF-16LE.
bool holds(const QByteArray& head, const QString& text)
{
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii && head.contains(text.toLatin1())) return true; // BIFF "compressed" 8-bit characters
    QByteArray wide;
    for (QChar c : text)
        wide.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
    return head.contains(wide);
}

// A BIFF8 cell costs 14–18 bytes in the file and about 60 in XlsWorkbook: the limit keeps the largest
// accepted file (512 MB) within a few GB.
constexpr size_t kMaxCells = 40'000'000;

} // namespace

QString LandXlsImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "LANDdt Excel 97–2003 export (.xls, cycling record)");
}

int LandXlsImporter::sniff(const QByteArray& head, const QString&) const
{
    if (!XlsWorkbook::looksLikeCompoundFile(head)) return 0;
    for (const char* name : {"Record-Tab", "Cycle-Tab", "Step-Tab", "Cycle-Index", "Step-State", "记录层",
                             "循环序号", "工步状态"})
        if (holds(head, QString::fromUtf8(name))) return 94;
    return 0;
}

Expected<std::vector<ImportedDataset>> LandXlsImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    auto wb = XlsWorkbook::read(bytes, fileName, kMaxCells);
    if (!wb) return std::unexpected(wb.error());
    std::vector<land::SheetSource> sheets;
    for (const XlsWorkbook::Sheet& s : wb->sheets())
        sheets.push_back({s.name, [&s](const land::CellSink& sink) -> Expected<void> {
                              std::string text;
                              for (const XlsCell& x : s.cells) {
                                  land::Cell c;
                                  c.row = x.row;
                                  c.col = x.col;
                                  c.progress = s.rowCount > 0 ? double(x.row + 1) / double(s.rowCount) : -1.0;
                                  if (x.isError || x.isText) {
                                      text = x.text.toStdString();
                                      c.kind = x.isError ? land::Cell::Kind::Error : land::Cell::Kind::Text;
                                      c.text = text;
                                  } else {
                                      c.kind = land::Cell::Kind::Number;
                                      c.number = x.number;
                                  }
                                  if (!sink(c)) break;
                              }
                              return {};
                          }});
    return land::readWorkbook(sheets, fileName);
}

} // namespace vanadis
