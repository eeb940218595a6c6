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

const char* const kXyAdvice = "export it as two-column text (2θ, intensity) meanwhile";
const char* const kXpsAdvice = "export the regions as two-column text (binding energy, counts) meanwhile";
const char* const kEchemAdvice = "export it as CSV or text with named columns meanwhile";

// Magic numbers and layout facts from the vendors' and the format authors' public descriptions
// (../shared/domain/xrd.md, xps.md, echem.md). Zip containers are told apart by their suffix.
const std::vector<Entry>& table()
{
    static const std::vector<Entry> t{
        {"PANalytical XRDML", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return h.contains("<xrdMeasurements"); }},
        {"Bruker RAW v1", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "RAW ") || h == "RAW"; }},
        {"Bruker RAW v2", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "RAW2"); }},
        {"Bruker RAW v3", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "RAW1.01"); }},
        {"Bruker RAW v4", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "RAW4."); }},
        {"Bruker UXD", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString& s) {
             return s == QLatin1String("uxd") || h.contains("_2THETA");
         }},
        {"Bruker BRML", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString& s) {
             return startsWith(h, "PK\x03\x04") && s == QLatin1String("brml");
         }},
        {"Rigaku RASX", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString& s) {
             return startsWith(h, "PK\x03\x04") && s == QLatin1String("rasx");
         }},
        {"Rigaku RAS", "XRD", kXyAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "*RAS_DATA_START"); }},
        {"VAMAS (ISO 14976)", "XPS", kXpsAdvice,
         [](const QByteArray& h, const QString&) {
             return startsWith(h, "VAMAS Surface Chemical Analysis Standard");
         }},
        {"BioLogic EC-Lab binary (.mpr)", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "BIO-LOGIC MODULAR FILE"); }},
        {"BioLogic EC-Lab text (.mpt)", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "EC-Lab ASCII FILE"); }},
        {"Neware NDA", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "NEWARE"); }},
        {"Neware NDAX", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString& s) {
             return startsWith(h, "PK\x03\x04") && s == QLatin1String("ndax");
         }},
        {"Arbin .res (Access database)", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return h.mid(4, 15) == "Standard Jet DB"; }},
        {"Princeton VersaStudio (.par)", "electrochemistry", kEchemAdvice,
         [](const QByteArray& h, const QString&) { return startsWith(h, "<Application>"); }},
        {"Excel workbook (.xlsx)", "", "save the sheet as CSV meanwhile",
         [](const QByteArray& h, const QString& s) {
             return startsWith(h, "PK\x03\x04") && (s == QLatin1String("xlsx") || s == QLatin1String("xlsm"));
         }},
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
