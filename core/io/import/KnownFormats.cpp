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

[[maybe_unused]] bool startsWith(const QByteArray& h, const char* magic)
{
    return h.startsWith(QByteArray(magic));
}

[[maybe_unused]] const char* const kXpsAdvice =
    "export the regions as two-column text (binding energy, counts) meanwhile";
[[maybe_unused]] const char* const kEchemAdvice = "export it as CSV or text with named columns meanwhile";

// Magic numbers and layout facts from the vendors' and the format authors' public descriptions
// (../shared/domain/xps.md, echem.md). Zip containers are told apart by their suffix. The XRD formats
// (XRDML, Bruker RAW/UXD/BRML, Rigaku RAS/RASX), VersaStudio .par, BioLogic .mpr, Neware .nda/.ndax and
// Arbin .res left this table when their importers arrived; it stays (empty) for the next such format.
const std::vector<Entry>& table()
{
    static const std::vector<Entry> t{};
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
