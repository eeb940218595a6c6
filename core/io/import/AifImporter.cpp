#include "io/import/AifImporter.h"

#include "io/import/IsothermAssembler.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace vanadis {

namespace {

struct Token {
    QString text;
    int line = 0; ///< 1-based
    bool quoted = false;
};

/// CIF 1.1 tokens: whitespace-separated words, '…' and "…" strings (closed by a quote followed by
/// whitespace), ;-delimited text fields, # comments.
Expected<std::vector<Token>> tokenize(const QString& text, const std::string& file)
{
    std::vector<Token> out;
    const qsizetype n = text.size();
    int line = 1;
    qsizetype i = 0;
    bool lineStart = true;
    while (i < n) {
        const QChar c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = true;
            ++i;
            continue;
        }
        if (c.isSpace()) { // also form feeds, NEL and no-break spaces, which end a bare word below
            lineStart = false;
            ++i;
            continue;
        }
        if (c == '#') {
            while (i < n && text[i] != '\n')
                ++i;
            continue;
        }
        if (c == ';' && lineStart) { // text field up to a line starting with ';'
            const int startLine = line;
            qsizetype j = i + 1;
            QString value;
            while (true) {
                const qsizetype nl = text.indexOf('\n', j);
                if (nl < 0)
                    return fail(file, "line " + std::to_string(startLine),
                                "a ;-delimited text field is never closed");
                value += text.mid(j, nl - j + 1);
                ++line;
                j = nl + 1;
                if (j < n && text[j] == ';') break;
            }
            out.push_back({value.trimmed(), startLine, true});
            i = j + 1;
            lineStart = false;
            continue;
        }
        lineStart = false;
        if (c == '\'' || c == '"') {
            qsizetype j = i + 1;
            while (true) {
                if (j >= n || text[j] == '\n')
                    return fail(file, "line " + std::to_string(line),
                                "a quoted value is not closed on its line");
                if (text[j] == c && (j + 1 >= n || text[j + 1].isSpace())) break;
                ++j;
            }
            out.push_back({text.mid(i + 1, j - i - 1), line, true});
            i = j + 1;
            continue;
        }
        qsizetype j = i;
        while (j < n && !text[j].isSpace())
            ++j;
        out.push_back({text.mid(i, j - i), line, false});
        i = j;
    }
    return out;
}

bool isKeyword(const Token& t, const char* word)
{
    return !t.quoted && t.text.startsWith(QLatin1String(word), Qt::CaseInsensitive);
}
bool isTag(const Token& t)
{
    return !t.quoted && t.text.startsWith('_');
}
bool isReserved(const Token& t)
{
    return isKeyword(t, "data_") || isKeyword(t, "loop_") || isKeyword(t, "save_") ||
           isKeyword(t, "global_") || isKeyword(t, "stop_");
}

struct Loop {
    QStringList tags; ///< lower case
    std::vector<std::vector<Token>> rows;
    int line = 0;
};

/// A CIF number: "1.23", "1.23(4)" (standard uncertainty dropped); "." and "?" are missing values.
std::optional<double> number(const Token& t)
{
    QString s = t.text;
    if (const qsizetype p = s.indexOf('('); p > 0 && s.endsWith(')')) s.truncate(p);
    return textnum::parseFinite(s);
}

QString stem(const QString& fileName)
{
    return QFileInfo(fileName).completeBaseName();
}

} // namespace

QString AifImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Adsorption Information File (AIF)");
}

int AifImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!looksLikeText(head)) return 0;
    static const QRegularExpression dataBlock(QStringLiteral("(^|\\n)\\s*data_\\S*"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(head.left(16 * 1024));
    if (!dataBlock.match(text).hasMatch()) return 0;
    // A crystallographic CIF also has data_ blocks; an isotherm file has adsorption tags.
    const bool adsorption = text.contains(QLatin1String("_adsorp_"), Qt::CaseInsensitive) ||
                            text.contains(QLatin1String("_units_loading"), Qt::CaseInsensitive);
    if (!adsorption) return 0;
    return QFileInfo(fileName).suffix().compare("aif", Qt::CaseInsensitive) == 0 ? 95 : 85;
}

Expected<std::vector<ImportedDataset>> AifImporter::read(const QByteArray& bytes, const QString& fileName,
                                                         const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    auto tokens = tokenize(*text, file);
    if (!tokens) return std::unexpected(tokens.error());
    const std::vector<Token>& tk = *tokens;

    QHash<QString, Token> tags; // scalar tags, lower case
    std::vector<Loop> loops;
    int blocks = 0;
    int blockLine = 0;
    for (size_t i = 0; i < tk.size();) {
        const Token& t = tk[i];
        const std::string where = "line " + std::to_string(t.line);
        if (isKeyword(t, "data_")) {
            if (++blocks > 1)
                return fail(file, where,
                            "the file holds more than one data block (isotherm); Vanadis imports one "
                            "isotherm per file — "
                            "split the file into one file per data_ block");
            blockLine = t.line;
            ++i;
        } else if (blocks == 0) {
            return fail(file, where, "no data_ block before the first tag: this is not an AIF file");
        } else if (isKeyword(t, "loop_")) {
            Loop loop;
            loop.line = t.line;
            ++i;
            while (i < tk.size() && isTag(tk[i]))
                loop.tags << tk[i++].text.toLower();
            if (loop.tags.isEmpty()) return fail(file, where, "loop_ without column tags");
            std::vector<Token> values;
            while (i < tk.size() && !isTag(tk[i]) && !isReserved(tk[i]))
                values.push_back(tk[i++]);
            const size_t cols = size_t(loop.tags.size());
            if (values.size() % cols != 0) {
                const Token& last = values.empty() ? t : values.back();
                return fail(file, "line " + std::to_string(last.line),
                            "the table " + loop.tags.front().toStdString() + " … has " +
                                std::to_string(values.size()) + " values for " + std::to_string(cols) +
                                " columns: the last row is incomplete (truncated file?)");
            }
            for (size_t r = 0; r < values.size(); r += cols)
                loop.rows.emplace_back(values.begin() + qsizetype(r), values.begin() + qsizetype(r + cols));
            loops.push_back(std::move(loop));
        } else if (isTag(t)) {
            if (i + 1 >= tk.size() || isTag(tk[i + 1]) || isReserved(tk[i + 1]))
                return fail(file, where, "the tag " + t.text.toStdString() + " has no value");
            tags.insert(t.text.toLower(), tk[i + 1]);
            i += 2;
        } else if (isReserved(t)) {
            return fail(file, where,
                        "'" + t.text.toStdString() + "' (save frames, global blocks) is not used by AIF");
        } else {
            return fail(file, where,
                        "unexpected value '" + t.text.left(40).toStdString() +
                            "' outside a table: the file is damaged");
        }
    }
    if (blocks == 0) return fail(file, "", "no data_ block: this is not an AIF file");

    auto tag = [&](std::initializer_list<const char*> names) -> QString {
        for (const char* n : names)
            if (auto it = tags.constFind(QLatin1String(n)); it != tags.constEnd()) {
                const QString v = it->text.trimmed();
                if (v != "?" && v != ".") return v;
            }
        return {};
    };

    IsothermAssembler as(fileName, QStringLiteral("aif"));
    QJsonObject& meta = as.metadata();
    // Errors about a missing tag point to the data block; about a wrong value, to the tag's line.
    const std::string blockLoc = "line " + std::to_string(blockLine);
    as.setHeaderLocation(QString::fromStdString(blockLoc));
    auto tagLoc = [&](const char* name) {
        const auto it = tags.constFind(QLatin1String(name));
        return it == tags.constEnd() ? blockLoc : "line " + std::to_string(it->line);
    };

    // Units: never guessed.
    const QString pUnit = tag({"_units_pressure"});
    const QString lUnit = tag({"_units_loading"});
    const QString mUnit = tag({"_units_mass"});
    const QString tUnit = tag({"_units_temperature"});
    if (pUnit.isEmpty())
        return fail(
            file, blockLoc,
            "the pressure unit (_units_pressure) is not stated; choose the unit (e.g. kPa, mmHg or relative) "
            "and add it to the file before importing");
    if (lUnit.isEmpty())
        return fail(
            file, blockLoc,
            "the unit of the amounts adsorbed (_units_loading) is not stated; choose the unit (e.g. mmol/g "
            "or cm³/g STP) and add it to the file before importing");
    const bool relative = IsothermAssembler::isRelativePressureUnit(pUnit);
    if (!relative && !IsothermAssembler::pascalPerUnit(pUnit))
        return fail(file, tagLoc("_units_pressure"),
                    "the pressure unit '" + pUnit.toStdString() +
                        "' (_units_pressure) is not one Vanadis knows "
                        "(Pa, kPa, bar, mbar, Torr, mmHg, atm, psi, relative)");
    const auto loading = IsothermAssembler::parseLoadingUnit(lUnit, mUnit);
    if (!loading)
        return fail(file, tagLoc("_units_loading"),
                    "the loading unit '" + lUnit.toStdString() + "' (_units_loading" +
                        (mUnit.isEmpty() ? std::string(", no _units_mass")
                                         : ", _units_mass '" + mUnit.toStdString() + "'") +
                        ") is not an amount of gas per sample mass Vanadis can convert (mmol/g, mol/kg, "
                        "cm³/g STP, ml/g)");
    as.setLoadingUnit(*loading);
    if (relative)
        as.setRelativePressure();
    else
        as.setAbsolutePressure();
    meta.insert("pressure_unit", pUnit);
    if (!relative) meta.insert("p0_unit", pUnit); // p0 is in the pressure unit (AIF dictionary)
    meta.insert("loading_unit_original", lUnit);

    // The isotherm tables.
    double globalP0 = std::nan("");
    if (const QString p0 = tag({"_exptl_p0"}); !p0.isEmpty()) {
        const auto v = number(Token{p0, 0, false});
        if (v) {
            globalP0 = *v;
            meta.insert("p0", *v);
        }
    }
    int tables[2] = {0, 0};
    for (const Loop& loop : loops) {
        const QString first = loop.tags.front();
        const int branch = first.startsWith("_adsorp_") ? 0 : first.startsWith("_desorp_") ? 1 : -1;
        const std::string loopLoc = "line " + std::to_string(loop.line);
        const std::string tagList = loop.tags.join(' ').left(80).toStdString();
        if (branch < 0) {
            // The AIF dictionary has no other tables: one that looks like an isotherm table is one whose tag
            // was damaged ("_desorb_pressure", "_desor"), and skipping it would drop a branch silently.
            static const QRegularExpression isothermLike(
                QStringLiteral("sorp|^_ads|^_des|pressure|amount|loading"));
            if (loop.tags.join(' ').contains(isothermLike))
                return fail(file, loopLoc,
                            "the table with the columns " + tagList +
                                " is neither an _adsorp_ nor a _desorp_ table (a damaged tag?); nothing was "
                                "imported");
            as.warn(QStringLiteral("The table at line %1 (%2) is not an isotherm table and was not read.")
                        .arg(loop.line)
                        .arg(QString::fromStdString(tagList)));
            continue;
        }
        for (const QString& t : loop.tags)
            if (t.startsWith(branch ? "_adsorp_" : "_desorp_"))
                return fail(file, loopLoc,
                            "the " + std::string(branch ? "desorption" : "adsorption") +
                                " table also has the column " + t.toStdString() +
                                " of the other branch (a damaged tag?)");
        if (loop.rows.empty())
            return fail(file, loopLoc,
                        "the " + std::string(branch ? "desorption" : "adsorption") +
                            " table has column tags but no rows: the file is cut short or damaged");
        if (++tables[branch] > 1)
            return fail(file, "line " + std::to_string(loop.line),
                        std::string("a second ") + (branch ? "desorption" : "adsorption") +
                            " table; one isotherm per file");
        const QString pre = branch ? QStringLiteral("_desorp_") : QStringLiteral("_adsorp_");
        const qsizetype cp = loop.tags.indexOf(pre + "pressure");
        const qsizetype c0 = loop.tags.indexOf(pre + "p0");
        qsizetype ca = -1;
        for (const char* name : {"amount", "loading", "loading_excess", "loading_absolute"})
            if (ca < 0) ca = loop.tags.indexOf(pre + QLatin1String(name));
        if (cp < 0 || ca < 0)
            return fail(file, "line " + std::to_string(loop.line),
                        "the " + std::string(branch ? "desorption" : "adsorption") + " table has no " +
                            (cp < 0 ? pre + "pressure" : pre + "amount").toStdString() + " column");
        if (!relative && c0 < 0 && !std::isfinite(globalP0))
            return fail(file, "line " + std::to_string(loop.line),
                        "the pressures are absolute but no saturation pressure is given (neither a " +
                            (pre + "p0").toStdString() +
                            " column nor _exptl_p0), so p/p0 cannot be computed");
        for (const auto& row : loop.rows) {
            IsothermAssembler::Point p;
            p.branch = branch;
            p.location = QStringLiteral("line %1").arg(row.front().line);
            const auto pv = number(row[size_t(cp)]);
            const auto av = number(row[size_t(ca)]);
            const auto p0v = c0 >= 0 ? number(row[size_t(c0)]) : std::optional<double>(globalP0);
            const Token& bad = !pv ? row[size_t(cp)] : !av ? row[size_t(ca)] : row[size_t(c0 >= 0 ? c0 : cp)];
            if (!pv || !av || (!relative && !p0v))
                return fail(file, "line " + std::to_string(bad.line),
                            textnum::notANumberReason(bad.text, false));
            p.pressure = *pv;
            p.amount = *av;
            if (!relative) p.p0 = *p0v;
            as.add(p);
        }
    }
    if (tables[0] + tables[1] == 0) return fail(file, blockLoc, "the file has no _adsorp_ or _desorp_ table");

    // Metadata.
    QJsonObject aifTags;
    for (auto it = tags.constBegin(); it != tags.constEnd(); ++it)
        aifTags.insert(it.key(), it->text);
    meta.insert("aif_tags", aifTags);
    const QString adsorptive = tag({"_exptl_adsorptive", "_adsorptive_name"});
    if (!adsorptive.isEmpty()) {
        meta.insert("adsorptive", IsothermAssembler::normalizeAdsorptive(adsorptive));
        meta.insert("adsorptive_raw", adsorptive);
    }
    if (const QString t = tag({"_exptl_temperature"}); !t.isEmpty()) {
        const auto v = number(Token{t, 0, false});
        const auto k = v ? IsothermAssembler::kelvin(*v, tUnit) : std::nullopt;
        if (k)
            meta.insert("temperature_k", *k);
        else {
            meta.insert("temperature_raw", t + (tUnit.isEmpty() ? QString() : " " + tUnit));
            as.warn(QStringLiteral(
                "The temperature unit (_units_temperature) is missing or unknown; temperature_k not set."));
        }
    }
    if (const QString m = tag({"_adsnt_sample_mass", "_exptl_sample_mass"}); !m.isEmpty()) {
        const auto v = number(Token{m, 0, false});
        const auto g = IsothermAssembler::gramsPerUnit(mUnit);
        if (v && g) as.setSampleMassG(*v * *g);
    }
    const QString sample = tag({"_adsnt_sample_name", "_adsnt_sample_id", "_sample_id"});
    const QString material = tag({"_adsnt_material_name", "_adsnt_material_id", "_sample_material_id"});
    if (!sample.isEmpty()) meta.insert("sample_name", sample);
    if (!material.isEmpty()) meta.insert("material", material);
    if (const QString v = tag({"_exptl_instrument"}); !v.isEmpty()) meta.insert("instrument", v);
    if (const QString v = tag({"_exptl_operator"}); !v.isEmpty()) meta.insert("operator", v);
    if (const QString v = tag({"_exptl_date"}); !v.isEmpty()) {
        const QString iso =
            IsothermAssembler::isoDate(v, {"yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"});
        meta.insert("date", iso.isEmpty() ? v : iso);
    }
    for (const char* key : {"_exptl_method", "_exptl_isotherm_type"})
        if (const QString v = tag({key}); !v.isEmpty()) meta.insert(QString::fromLatin1(key + 7), v);
    if (const QString v = tag({"_adsnt_degas_temperature"}); !v.isEmpty()) {
        const auto t = number(Token{v, 0, false});
        const auto k = t ? IsothermAssembler::kelvin(*t, tUnit) : std::nullopt;
        if (k) meta.insert("degas_temperature_c", *k - 273.15);
    }
    if (const QString v = tag({"_adsnt_degas_time"}); !v.isEmpty()) {
        const QString tu = tag({"_units_time"}).toLower();
        const auto t = number(Token{v, 0, false});
        const double perHour = tu == "h" || tu.startsWith("hour") || tu == "hrs" ? 1.0
                               : tu == "min"                                     ? 1.0 / 60
                               : tu == "s"                                       ? 1.0 / 3600
                                                                                 : 0;
        if (t && perHour > 0)
            meta.insert("degas_time_h", *t * perHour);
        else
            meta.insert("degas_time_raw", v + (tu.isEmpty() ? QString() : " " + tu));
    }
    if (const QString v = tag({"_adsnt_degas_summary"}); !v.isEmpty()) meta.insert("degas_conditions", v);

    auto ds = as.finish(!sample.isEmpty() ? sample : !material.isEmpty() ? material : stem(fileName));
    if (!ds) return std::unexpected(ds.error());
    return std::vector<ImportedDataset>{std::move(*ds)};
}

} // namespace vanadis
