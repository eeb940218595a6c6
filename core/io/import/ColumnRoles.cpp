#include "io/import/ColumnRoles.h"

#include "io/import/TextDecoding.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace vanadis {

namespace {

struct Role {
    const char* key;
    const char* quantity;
    const char* defaultUnit;
    std::vector<const char*> aliases; // (an initializer_list member would dangle in a static table)
};

const std::vector<Role>& rolesOf(Technique t)
{
    static const std::vector<Role> bet{{"p_rel", "P/P0", "1", {"x", "p_p0", "relative_pressure", "p/p0"}},
                                       {"amount", "Quantity Adsorbed", "", {"y", "quantity", "loading"}},
                                       {"branch", "Branch", "", {}}};
    static const std::vector<Role> tga{{"time", "Time", "", {"t"}},
                                       {"temperature", "Temperature", "", {"temp", "x"}},
                                       {"mass", "Mass", "", {"weight"}},
                                       {"mass_pct", "Mass %", "%", {"weight_pct", "mass_percent", "y"}}};
    static const std::vector<Role> none;
    return t == Technique::Bet ? bet : t == Technique::Tga ? tga : none;
}

/// Unit of an amount suffix: "cm3_g", "cm3_g_stp", "cc_g", "ml_g" → cm3/g STP; "mmol_g", "mol_kg" → mmol/g.
QString amountUnit(const QString& suffix)
{
    static const QRegularExpression cm3(
        QStringLiteral("^(cm3|cc|ml|cm3stp|ccstp|mlstp)_?(stp_)?(per_)?g(_stp)?$"));
    static const QRegularExpression mmol(QStringLiteral("^(mmol_(per_)?g|mol_(per_)?kg)$"));
    if (cm3.match(suffix).hasMatch()) return QStringLiteral("cm3/g STP");
    if (mmol.match(suffix).hasMatch()) return QStringLiteral("mmol/g");
    return {};
}

} // namespace

std::optional<std::pair<QString, QString>> canonicalColumn(const QString& header)
{
    QString h = header.trimmed().toLower();
    if (h == "branch") return std::pair{QStringLiteral("Branch"), QString()};
    if (!h.contains('_')) return std::nullopt;
    static const QRegularExpression rel(
        QStringLiteral("^(relative_pressure|rel_pressure|p_p0|p_po|p_rel|p_over_p0)(_(1|rel|relative))?$"));
    if (rel.match(h).hasMatch()) return std::pair{QStringLiteral("P/P0"), QStringLiteral("1")};
    static const QRegularExpression amount(
        QStringLiteral("^(amount|amount_adsorbed|quantity_adsorbed|quantity|uptake|loading|n_ads|v_ads|"
                       "volume_adsorbed)_(.+)$"));
    if (auto m = amount.match(h); m.hasMatch()) {
        const QString u = amountUnit(m.captured(2));
        if (u.isEmpty()) return std::nullopt;
        return std::pair{QStringLiteral("Quantity Adsorbed"), u};
    }
    static const QRegularExpression temp(QStringLiteral(
        "^(temperature|temp|sample_temperature|sample_temp|ts)_(c|degc|deg_c|celsius|k|kelvin)$"));
    if (auto m = temp.match(h); m.hasMatch()) {
        const QString u = m.captured(2).startsWith('k') ? QStringLiteral("K") : QStringLiteral("°C");
        return std::pair{QStringLiteral("Temperature"), u};
    }
    static const QRegularExpression time(QStringLiteral("^(time|t|elapsed_time)_(min|s|sec|h|hr)$"));
    if (auto m = time.match(h); m.hasMatch()) {
        const QString s = m.captured(2);
        const QString u = s == "min"          ? QStringLiteral("min")
                          : s.startsWith('s') ? QStringLiteral("s")
                                              : QStringLiteral("h");
        return std::pair{QStringLiteral("Time"), u};
    }
    static const QRegularExpression mass(
        QStringLiteral("^(mass|weight|sample_mass)_(pct|percent|wt_pct|mg|g|ug)$"));
    if (auto m = mass.match(h); m.hasMatch()) {
        const QString s = m.captured(2);
        if (s == "pct" || s == "percent" || s == "wt_pct")
            return std::pair{QStringLiteral("Mass %"), QStringLiteral("%")};
        return std::pair{QStringLiteral("Mass"), s == "ug" ? QStringLiteral("µg") : s};
    }
    return std::nullopt;
}

std::optional<double> branchWord(QStringView cell)
{
    const QString c = cell.trimmed().toString().toLower();
    if (c == "ads" || c == "adsorption") return 0.0;
    if (c == "des" || c == "desorption") return 1.0;
    return std::nullopt;
}

QStringList columnRoles(Technique technique)
{
    QStringList out;
    for (const Role& r : rolesOf(technique))
        out << QString::fromLatin1(r.key);
    return out;
}

Expected<std::vector<ColumnMapping>> parseColumnSpec(const QString& spec, Technique technique,
                                                     const DelimitedLayout& layout, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    const std::vector<Role>& roles = rolesOf(technique);
    std::vector<ColumnMapping> out;
    QStringList seen;
    for (const QString& rawEntry : spec.split(',', Qt::SkipEmptyParts)) {
        const QString entry = rawEntry.trimmed();
        const std::string where = "--columns '" + entry.toStdString() + "'";
        const qsizetype eq = entry.indexOf('=');
        if (eq <= 0)
            return fail(file, where, "write each column as ROLE=COLUMN (e.g. amount=3 or amount=3:mmol/g)");
        const QString roleText = entry.left(eq).trimmed();
        QString column = entry.mid(eq + 1).trimmed();
        QString unit;
        bool unitGiven = false;
        if (const qsizetype colon = column.indexOf(':'); colon >= 0) {
            unit = column.mid(colon + 1).trimmed();
            column = column.left(colon).trimmed();
            unitGiven = true;
        }
        ColumnMapping m;
        QString defaultUnit;
        if (roles.empty()) {
            m.quantity = roleText;
        } else {
            const Role* found = nullptr;
            for (const Role& r : roles) {
                if (roleText.compare(QLatin1String(r.key), Qt::CaseInsensitive) == 0) found = &r;
                for (const char* a : r.aliases)
                    if (roleText.compare(QLatin1String(a), Qt::CaseInsensitive) == 0) found = &r;
            }
            if (!found)
                return fail(file, where,
                            "unknown role '" + roleText.toStdString() + "'; the roles here are " +
                                columnRoles(technique).join(", ").toStdString());
            m.quantity = QString::fromLatin1(found->quantity);
            defaultUnit = QString::fromLatin1(found->defaultUnit);
        }
        if (seen.contains(m.quantity))
            return fail(file, where, "the role '" + roleText.toStdString() + "' is given twice");
        seen << m.quantity;
        bool isIndex = false;
        const int index = column.toInt(&isIndex);
        if (isIndex) {
            if (index < 1 || index > layout.columnCount)
                return fail(file, where,
                            "there is no column " + std::to_string(index) + "; the file has " +
                                std::to_string(layout.columnCount) + " (numbered from 1)");
            m.sourceColumn = index - 1;
        } else {
            m.sourceColumn = -1;
            for (int c = 0; c < layout.columnCount && m.sourceColumn < 0; ++c) {
                const QString name = layout.columnNames.value(c);
                const QString withUnit = layout.columnUnits.value(c).isEmpty()
                                             ? name
                                             : name + " (" + layout.columnUnits.value(c) + ")";
                const auto canon = canonicalColumn(name);
                if (column.compare(name, Qt::CaseInsensitive) == 0 ||
                    column.compare(withUnit, Qt::CaseInsensitive) == 0 ||
                    (canon && column.compare(canon->first, Qt::CaseInsensitive) == 0))
                    m.sourceColumn = c;
            }
            if (m.sourceColumn < 0)
                return fail(file, where,
                            "no column is named '" + column.toStdString() + "'; the columns are " +
                                layout.columnNames.join(", ").left(200).toStdString());
        }
        if (unitGiven) {
            m.unit = unit;
        } else {
            const QString name = layout.columnNames.value(m.sourceColumn);
            const auto canon = canonicalColumn(name);
            m.unit = !layout.columnUnits.value(m.sourceColumn).isEmpty()
                         ? layout.columnUnits.value(m.sourceColumn)
                     : canon && canon->first == m.quantity ? canon->second
                                                           : defaultUnit;
        }
        out.push_back(m);
    }
    if (out.empty()) return fail(file, "--columns", "no column mapping was given");
    return out;
}

Expected<std::vector<ColumnMapping>> columnMappingForFile(const QString& path, const QString& spec,
                                                          Technique technique)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(path.toStdString(), "",
                    "the file cannot be read (" + f.errorString().toStdString() + ")");
    // The layout is told from the first 400 lines; 4 MiB hold them for any real table.
    QByteArray head = f.read(qint64(4) << 20);
    if ((head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) && head.size() % 2) head.chop(1);
    auto text = decodeText(head, path);
    if (!text) return std::unexpected(text.error());
    auto layout = DelimitedTextImporter::detect(*text, path);
    if (!layout) return std::unexpected(layout.error());
    return parseColumnSpec(spec, technique, *layout, path);
}

Expected<void> leaveOutNoisePressures(ImportedDataset& dataset, const std::vector<int>& lines,
                                      const std::string& fileName)
{
    const auto it = std::find_if(dataset.columns.begin(), dataset.columns.end(),
                                 [](const Column& c) { return c.name == QLatin1String("P/P0"); });
    if (it == dataset.columns.end()) return {};
    const std::vector<double> x = it->values;
    std::vector<bool> drop(x.size(), false);
    QStringList named;
    for (size_t i = 0; i < x.size(); ++i) {
        const std::string where =
            i < lines.size() ? "line " + std::to_string(lines[i]) : "row " + std::to_string(i + 1);
        if (std::isnan(x[i])) continue; // a missing value is reported as such by the reader
        if (x[i] > 1.05)
            return fail(fileName, where,
                        "p/p0 = " + QString::number(x[i], 'g', 6).toStdString() +
                            " is above 1.05: the pressure column is not relative, or p0 is wrong");
        if (x[i] < -1e-3)
            return fail(fileName, where,
                        "negative relative pressure (p/p0 = " + QString::number(x[i], 'g', 6).toStdString() +
                            ")");
        if (x[i] <= 0 || x[i] > 1) {
            drop[i] = true;
            named << QStringLiteral("%1: p/p0 = %2")
                         .arg(QString::fromStdString(where), QString::number(x[i], 'g', 6));
        }
    }
    if (named.isEmpty()) return {};
    if (size_t(named.size()) == x.size())
        return fail(fileName, "", "no row has a relative pressure within 0 < p/p0 ≤ 1");
    for (Column& c : dataset.columns) {
        std::vector<double> kept;
        for (size_t i = 0; i < c.values.size(); ++i)
            if (!drop[i]) kept.push_back(c.values[i]);
        c.values = std::move(kept);
    }
    constexpr int kNamed = 10;
    QString list = QStringList(named.mid(0, kNamed)).join(QStringLiteral("; "));
    if (named.size() > kNamed) list += QStringLiteral("; and %1 more").arg(named.size() - kNamed);
    addImportWarning(dataset,
                     QStringLiteral("%1 row(s) lie just outside 0 < p/p0 ≤ 1 (gauge noise or p0 measured "
                                    "slightly low) and were left out of the isotherm: %2.")
                         .arg(named.size())
                         .arg(list));
    dataset.metadata.insert("points_left_out", qint64(named.size()));
    return {};
}

} // namespace vanadis
