#include "io/import/ZviewImporter.h"

#include "io/import/EisImportSupport.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace vanadis {

QString ZviewImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Scribner ZPlot/ZView impedance file (.z)");
}

int ZviewImporter::sniff(const QByteArray& head, const QString&) const
{
    return head.startsWith("ZPLOT2 ASCII") ? 95 : 0;
}

Expected<std::vector<ImportedDataset>> ZviewImporter::read(const QByteArray& bytes, const QString& fileName,
                                                           const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    if (lines.isEmpty() || !lines[0].startsWith(QLatin1String("ZPLOT2 ASCII")))
        return fail(file, "line 1", "not a ZPlot/ZView file (it does not start with ZPLOT2 ASCII)");
    int data = -1;
    QJsonObject meta;
    meta.insert("instrument", QStringLiteral("Scribner ZPlot/ZView"));
    for (int i = 1; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (l == QLatin1String("End Comments")) {
            data = i + 1;
            break;
        }
        const int colon = l.indexOf(':');
        if (colon <= 0) continue;
        const QString key = l.left(colon).trimmed(), value = l.mid(colon + 1).trimmed();
        if (key == QLatin1String("Date")) meta.insert("date", value);
        if (key == QLatin1String("Time")) meta.insert("time", value);
        if (key == QLatin1String("Experiment Type")) meta.insert("experiment", value);
    }
    if (data < 0) return fail(file, "", "no 'End Comments' line: the header does not end (file cut short?)");
    static const QRegularExpression ws(QStringLiteral("[\\t ]+"));
    std::vector<EisPoint> pts;
    for (int i = data; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (l.isEmpty()) continue;
        const QStringList cells = l.split(ws, Qt::SkipEmptyParts);
        const std::string at = "line " + std::to_string(i + 1);
        if (cells.size() < 6)
            return fail(
                file, at,
                "the row has " + std::to_string(cells.size()) +
                    " numbers; a ZPlot row has frequency, …, Z', Z'' in columns 1–6 (file cut short?)");
        double v[6];
        for (int c : {0, 4, 5})
            if (!textnum::parseNumber(cells[c], false, v[c]))
                return fail(file, at + ", column " + std::to_string(c + 1),
                            textnum::notANumberReason(cells[c], false));
        pts.push_back({v[0], v[4], v[5], i + 1});
    }
    auto d = makeEisDataset(fileName, QFileInfo(fileName).completeBaseName(), pts);
    if (!d) return std::unexpected(d.error());
    for (auto it = meta.begin(); it != meta.end(); ++it)
        d->metadata.insert(it.key(), it.value());
    return std::vector<ImportedDataset>{std::move(*d)};
}

} // namespace vanadis
