#include "io/import/TaTriosImporter.h"

#include "io/import/TextDecoding.h"
#include "io/import/TgaImportSupport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace vanadis {

using namespace tgaimport;

namespace {

bool isStepMarker(const QString& line)
{
    return line.trimmed().compare(QLatin1String("[step]"), Qt::CaseInsensitive) == 0;
}

/// Role of a column from its name and unit; the factor converts to the table's unit.
struct ColumnRole {
    TgaRole role = TgaRole::Extra;
    double factor = 1.0;
    double offset = 0.0;
};

std::optional<ColumnRole> roleOf(const QString& name, const QString& unit)
{
    const QString n = name.toLower();
    if (n.startsWith("deriv")) return ColumnRole{}; // derivative signals are kept as extras
    if (n.startsWith("time")) {
        if (auto f = minutesPer(unit)) return ColumnRole{TgaRole::Time, *f, 0.0};
        return std::nullopt;
    }
    if (n.startsWith("temperature")) {
        if (auto o = celsiusOffset(unit)) return ColumnRole{TgaRole::Temperature, 1.0, *o};
        return std::nullopt;
    }
    if (n.startsWith("weight") || n.startsWith("mass")) {
        if (unit.trimmed() == "%") return ColumnRole{TgaRole::MassPct, 1.0, 0.0};
        if (auto f = mgPer(unit)) return ColumnRole{TgaRole::MassMg, *f, 0.0};
        return std::nullopt;
    }
    return ColumnRole{};
}

} // namespace

QString TaTriosImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "TA Instruments TRIOS text export (TGA)");
}

int TaTriosImporter::sniff(const QByteArray& head, const QString&) const
{
    const QString text = sniffText(head);
    if (text.isEmpty()) return 0;
    const QStringList lines = splitLines(text);
    bool step = false, keyValue = false;
    for (const QString& l : lines) {
        step |= isStepMarker(l);
        keyValue |= l.startsWith(QLatin1String("Instrument type\t")) ||
                    l.startsWith(QLatin1String("Sample name\t")) || l.startsWith(QLatin1String("Filename\t"));
    }
    return step && keyValue ? 90 : 0;
}

Expected<std::vector<ImportedDataset>> TaTriosImporter::read(const QByteArray& bytes, const QString& fileName,
                                                             const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = splitLines(*text);

    QJsonObject meta;
    meta.insert("export_format", QStringLiteral("TA TRIOS text"));
    QString sample;
    qsizetype i = 0;
    for (; i < lines.size() && !isStepMarker(lines[i]); ++i) {
        const QStringList kv = lines[i].split('\t');
        if (kv.size() < 2 || kv[0].trimmed().isEmpty()) continue;
        const QString key = kv[0].trimmed(), value = kv[1].trimmed();
        if (key.compare("Sample name", Qt::CaseInsensitive) == 0) sample = value;
        if (key.compare("Size", Qt::CaseInsensitive) == 0 ||
            key.compare("Sample mass", Qt::CaseInsensitive) == 0) {
            double v = 0.0;
            const auto f =
                mgPer(kv.value(2).trimmed().isEmpty() ? QStringLiteral("mg") : kv.value(2).trimmed());
            if (!parseNumber(value, false, v) || !f || v <= 0.0)
                return fail(file, lineAt(i), "the sample size " + excerpt(lines[i]) + " is not a mass");
            meta.insert("sample_mass_mg", v * *f);
        }
        if (key.compare("Instrument type", Qt::CaseInsensitive) == 0) meta.insert("instrument", value);
        meta.insert("trios_" + key.toLower().replace(' ', '_'), value);
    }
    if (i >= lines.size())
        return fail(file, "", "no [step] section: not a complete TRIOS export (truncated?)");

    std::vector<QString> names, units;
    std::vector<ColumnRole> roles;
    std::vector<std::vector<double>> values;
    QJsonArray steps;
    qsizetype firstHeader = -1;
    while (i < lines.size()) {
        if (!isStepMarker(lines[i])) {
            if (!lines[i].trimmed().isEmpty())
                return fail(file, lineAt(i), "unexpected text " + excerpt(lines[i]) + " between steps");
            ++i;
            continue;
        }
        // [step], step name, names row, units row, data rows until the next [step].
        if (i + 3 >= lines.size())
            return fail(file, lineAt(i), "a [step] block ends before its column and unit rows");
        steps.append(lines[i + 1].trimmed());
        const QStringList n = lines[i + 2].split('\t'), u = lines[i + 3].split('\t');
        if (n.size() != u.size())
            return fail(file, lineAt(i + 3), "the unit row does not match the column-name row");
        if (firstHeader < 0) {
            firstHeader = i + 2;
            for (qsizetype c = 0; c < n.size(); ++c) {
                auto r = roleOf(n[c].trimmed(), u[c].trimmed());
                if (!r)
                    return fail(file, lineAt(i + 3),
                                "unknown unit '" + u[c].trimmed().toStdString() + "' of column '" +
                                    n[c].trimmed().toStdString() + "'");
                names.push_back(n[c].trimmed());
                units.push_back(u[c].trimmed());
                roles.push_back(*r);
            }
            values.resize(names.size());
        } else if (qsizetype(names.size()) != n.size()) {
            return fail(file, lineAt(i + 2), "this step has other columns than the first one");
        }
        for (i += 4; i < lines.size() && !isStepMarker(lines[i]); ++i) {
            if (lines[i].trimmed().isEmpty()) continue;
            const QStringList cells = lines[i].split('\t');
            if (cells.size() != qsizetype(names.size()))
                return fail(file, lineAt(i),
                            "expected " + std::to_string(names.size()) + " values, found " +
                                std::to_string(cells.size()) + " (truncated row?)");
            for (size_t c = 0; c < names.size(); ++c) {
                double v = 0.0;
                if (!parseNumber(cells[qsizetype(c)].trimmed(), false, v))
                    return fail(file, lineAt(i) + ", column " + std::to_string(c + 1),
                                textnum::notANumberReason(cells[qsizetype(c)], false));
                values[c].push_back(v * roles[c].factor + roles[c].offset);
            }
        }
    }
    meta.insert("steps", steps);
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    TgaTable table;
    for (size_t c = 0; c < names.size(); ++c) {
        // The first column of a role wins (TRIOS may repeat "Weight" in mg and %, which are different roles).
        const bool taken = (roles[c].role == TgaRole::Time && !table.timeMin.empty()) ||
                           (roles[c].role == TgaRole::Temperature && !table.temperatureC.empty()) ||
                           (roles[c].role == TgaRole::MassMg && !table.massMg.empty()) ||
                           (roles[c].role == TgaRole::MassPct && !table.massPct.empty());
        assignTgaColumn(table, taken ? TgaRole::Extra : roles[c].role, names[c], units[c],
                        std::move(values[c]));
    }
    const QString name =
        (sample.isEmpty() ? QFileInfo(fileName).completeBaseName() : sample) + QStringLiteral(" – TGA");
    auto ds = makeTgaDataset(file, name, std::move(table), std::move(meta));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
