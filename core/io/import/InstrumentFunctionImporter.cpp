#include "io/import/InstrumentFunctionImporter.h"

#include "analysis/xrd/InstrumentFunctionFile.h"
#include "numeric/xrd/InstrumentFunction.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>

namespace vanadis {

QString InstrumentFunctionImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "XRD instrument function (JSON)");
}

int InstrumentFunctionImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    const QByteArray t = head.trimmed();
    const bool object = t.startsWith('{') || t.startsWith("\xEF\xBB\xBF{");
    const bool json = QFileInfo(fileName).suffix().compare("json", Qt::CaseInsensitive) == 0;
    if (object && head.contains("\"vanadis-instrument-function\"")) return 95;
    // A hand-written file without the format key: any of the Caglioti keys (a missing one is then named).
    if (object && (head.contains("\"u_deg2\"") || head.contains("\"v_deg2\"") || head.contains("\"w_deg2\"")))
        return json ? 80 : 60;
    // Any other .json: the lowest claim, so that a broken file is answered with its JSON error (byte
    // offset) rather than "not a delimited data file"; the pyGAPS reader claims its own files higher.
    return json ? 20 : 0;
}

Expected<std::vector<ImportedDataset>>
InstrumentFunctionImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const QByteArray body = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    auto f = parseInstrumentFunction(body, fileName);
    if (!f) return std::unexpected(f.error());
    ImportedDataset ds;
    ds.technique = Technique::Xrd;
    ds.kind = QStringLiteral("instrument_function");
    ds.name = f->name;
    // The instrument's widths over the usual range, for a look at the function in the project.
    const xrd::InstrumentBroadening ib = f->broadening();
    std::vector<double> tt, g, l, total;
    for (double x = 5.0; x <= 150.0 + 1e-9; x += 1.0) {
        auto w = xrd::instrumentWidths(ib, x);
        if (!w) continue;
        tt.push_back(x);
        g.push_back(w->gaussFwhmDeg);
        l.push_back(w->lorentzFwhmDeg);
        total.push_back(xrd::instrumentFwhmDeg(ib, x));
    }
    ds.columns.push_back({QStringLiteral("2Theta"), QStringLiteral("deg"), std::move(tt)});
    ds.columns.push_back({QStringLiteral("FWHM"), QStringLiteral("deg"), std::move(total)});
    ds.columns.push_back({QStringLiteral("Gaussian FWHM"), QStringLiteral("deg"), std::move(g)});
    ds.columns.push_back({QStringLiteral("Lorentzian FWHM"), QStringLiteral("deg"), std::move(l)});
    QJsonObject m = f->toJson();
    m.remove("format");
    m.remove("version");
    m.insert("file_format", QStringLiteral("Vanadis instrument function"));
    m.insert("instrument_json", QString::fromUtf8(instrumentFunctionDocument(*f)));
    ds.metadata = m;
    return std::vector<ImportedDataset>{std::move(ds)};
}

} // namespace vanadis
