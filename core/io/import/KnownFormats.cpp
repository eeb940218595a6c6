#include "io/import/KnownFormats.h"

#include <QFileInfo>
#include <functional>

namespace vanadis {

namespace {

struct Entry {
    const char* name;
    const char* technique;
    const char* advice;
    std::function<bool(const QByteArray& head, const QString& suffix)> matches;
};

bool startsWith(const QByteArray& h, const char* magic)
{
    return h.startsWith(QByteArray(magic));
}

const char* const kXpsAdvice = "export the regions as two-column text (binding energy, counts) meanwhile";
const char* const kEchemAdvice = "export it as CSV or text with named columns meanwhile";

// Magic numbers and layout facts from the vendors' and the format authors' public descriptions
// (../shared/domain/xps.md, echem.md). Zip containers are told apart by their suffix. The XRD formats
// (XRDML, Bruker RAW/UXD/BRML, Rigaku RAS/RASX), VersaStudio .par, BioLogic .mpr and Neware .nda/.ndax left
// this table when their importers arrived.
const std::vector<Entry>& table()
{
    static const std::vector<Entry> t{
        {"Arbin .res (Access database)", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return h.mid(4, 15) == "Standard Jet DB"; }},
    };
    return t;
}

} // namespace

std::optional<KnownFormat> recogniseUnsupportedFormat(const QByteArray& head, const QString& fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const Entry& e : table())
        if (e.matches(head, suffix))
            return KnownFormat{QString::fromUtf8(e.name), QString::fromUtf8(e.technique),
                               QString::fromUtf8(e.advice)};
    return std::nullopt;
}

} // namespace vanadis
