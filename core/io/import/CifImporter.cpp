#include "io/import/CifImporter.h"

#include "io/import/TextDecoding.h"
#include "numeric/xrd/CifReader.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace vanadis {

QString CifImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Crystal structure (CIF)");
}

int CifImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    const bool cifName = QFileInfo(fileName).suffix().compare(QLatin1String("cif"), Qt::CaseInsensitive) == 0;
    const bool dataBlock = head.contains("data_");
    if (cifName && dataBlock) return 90;
    if (dataBlock && head.contains("_cell_length_a")) return 70;
    return cifName ? 40 : 0;
}

Expected<std::vector<ImportedDataset>> CifImporter::read(const QByteArray& bytes, const QString& fileName,
                                                         const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QByteArray utf8 = text->toUtf8();
    auto st = xrd::readCifStructure(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                    QFileInfo(fileName).fileName().toStdString());
    if (!st) {
        Error e = st.error();
        e.file = file;
        e.reason = "not a crystal structure: " + e.reason;
        return std::unexpected(e);
    }
    ImportedDataset ds;
    ds.technique = Technique::Xrd;
    ds.kind = QStringLiteral("crystal_structure");
    ds.name = QString::fromStdString(st->name.empty() ? QFileInfo(fileName).completeBaseName().toStdString()
                                                      : st->name);
    std::vector<double> x, y, z, occ;
    for (const xrd::AtomSite& s : st->sites) {
        x.push_back(s.x);
        y.push_back(s.y);
        z.push_back(s.z);
        occ.push_back(s.occupancy);
    }
    ds.columns.push_back({QStringLiteral("x"), {}, std::move(x)});
    ds.columns.push_back({QStringLiteral("y"), {}, std::move(y)});
    ds.columns.push_back({QStringLiteral("z"), {}, std::move(z)});
    ds.columns.push_back({QStringLiteral("Occupancy"), {}, std::move(occ)});
    QJsonObject& m = ds.metadata;
    m.insert("file_format", QStringLiteral("CIF"));
    m.insert("cif_text", *text);
    if (!st->formula.empty()) m.insert("formula", QString::fromStdString(st->formula));
    m.insert("space_group", QString::fromStdString(st->spaceGroupName));
    m.insert("space_group_number", st->spaceGroupNumber);
    m.insert("lattice_system", QString::fromLatin1(xrd::latticeSystemName(st->latticeSystem)));
    m.insert("a_angstrom", st->cell.aA);
    m.insert("b_angstrom", st->cell.bA);
    m.insert("c_angstrom", st->cell.cA);
    m.insert("alpha_deg", st->cell.alphaDeg);
    m.insert("beta_deg", st->cell.betaDeg);
    m.insert("gamma_deg", st->cell.gammaDeg);
    QStringList labels;
    for (const xrd::AtomSite& s : st->sites)
        labels << QString::fromStdString(s.label.empty() ? s.element : s.label);
    m.insert("site_labels", labels.join(QLatin1Char(' ')));
    for (const std::string& w : st->warnings)
        addImportWarning(ds, QString::fromStdString(w));
    return std::vector<ImportedDataset>{std::move(ds)};
}

} // namespace vanadis
