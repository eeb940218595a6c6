#include "io/import/TgaImportSupport.h"

#include "io/import/TextDecoding.h"

#include <QRegularExpression>
#include <cmath>

namespace vanadis::tgaimport {

using textnum::unitKey;

Expected<ImportedDataset> makeTgaDataset(const std::string& file, const QString& name, TgaTable t,
                                         QJsonObject meta)
{
    const std::size_t n = t.temperatureC.size();
    if (n == 0) return fail(file, "", "the file holds no data rows");
    if (t.massMg.empty() && t.massPct.empty()) return fail(file, "", "the file has no mass column (mg or %)");
    auto bad = [&](const std::vector<double>& v) { return !v.empty() && v.size() != n; };
    if (bad(t.timeMin) || bad(t.massMg) || bad(t.massPct))
        return fail(file, "", "the columns have different lengths (importer error)");
    for (const Column& c : t.extra)
        if (c.values.size() != n)
            return fail(file, "", "the columns have different lengths (importer error)");

    const double sampleMg = meta.value("sample_mass_mg").toDouble(0.0);
    if (t.massMg.empty() && sampleMg > 0) {
        t.massMg.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            t.massMg[i] = t.massPct[i] * sampleMg / 100.0;
        meta.insert("mass_mg_from", QStringLiteral("Mass % × sample mass from the header"));
    }
    if (t.massPct.empty()) {
        double ref = sampleMg;
        if (!(ref > 0)) {
            ref = t.massMg.front();
            meta.insert("mass_pct_reference", QStringLiteral("first point (no sample mass in the header)"));
        } else {
            meta.insert("mass_pct_reference", QStringLiteral("sample mass from the header"));
        }
        if (ref != 0) {
            t.massPct.resize(n);
            for (std::size_t i = 0; i < n; ++i)
                t.massPct[i] = 100.0 * t.massMg[i] / ref;
        }
    }

    ImportedDataset ds;
    ds.technique = Technique::Tga;
    ds.kind = QStringLiteral("mass");
    ds.name = name;
    if (!t.timeMin.empty())
        ds.columns.push_back({QStringLiteral("Time"), QStringLiteral("min"), std::move(t.timeMin)});
    ds.columns.push_back({QStringLiteral("Temperature"), QStringLiteral("°C"), std::move(t.temperatureC)});
    if (!t.massMg.empty())
        ds.columns.push_back({QStringLiteral("Mass"), QStringLiteral("mg"), std::move(t.massMg)});
    if (!t.massPct.empty())
        ds.columns.push_back({QStringLiteral("Mass %"), QStringLiteral("%"), std::move(t.massPct)});
    for (Column& c : t.extra)
        ds.columns.push_back(std::move(c));
    ds.metadata = std::move(meta);
    return ds;
}

QStringList splitLines(const QString& text)
{
    static const QRegularExpression eol(QStringLiteral("\r\n|\n|\r"));
    QStringList lines = text.split(eol);
    // A final line break does not start another line.
    if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
    return lines;
}

QString sniffText(const QByteArray& head)
{
    if (!looksLikeText(head)) return {};
    QByteArray h = head;
    if ((h.startsWith("\xFF\xFE") || h.startsWith("\xFE\xFF")) && h.size() % 2) h.chop(1);
    auto text = decodeText(h, QString());
    return text ? *text : QString();
}

std::string lineAt(qsizetype index)
{
    return "line " + std::to_string(index + 1);
}

std::string excerpt(const QString& line)
{
    QString s = line.trimmed();
    if (s.size() > 60) s = s.left(57) + QStringLiteral("…");
    return "'" + s.toStdString() + "'";
}

std::optional<double> minutesPer(const QString& unit)
{
    const QString u = unitKey(unit);
    if (u == "min" || u == "mins" || u == "minutes") return 1.0;
    if (u == "s" || u == "sec" || u == "seconds") return 1.0 / 60.0;
    if (u == "h" || u == "hr" || u == "hours") return 60.0;
    return std::nullopt;
}

std::optional<double> mgPer(const QString& unit)
{
    const QString u = unitKey(unit);
    if (u == "mg") return 1.0;
    if (u == "g") return 1000.0;
    if (u == "ug") return 1e-3; // unitKey folds µ (U+00B5) and μ (U+03BC) to u
    return std::nullopt;
}

std::optional<double> celsiusOffset(const QString& unit)
{
    const QString u = unitKey(unit);
    if (u == QStringLiteral("°c") || u == "c" || u == QStringLiteral("℃")) return 0.0;
    // A degree sign from another code page read as Windows-1252: NETZSCH byte 0x9B ("›", or the C1 control
    // U+009B as Latin-1), DOS 0xF8 ("ø"), and the look-alikes º and ˚.
    if (u.size() == 2 && u[1] == 'c')
        for (const char16_t d : {u'\u203A', u'\u009B', u'\u00F8', u'\u00BA', u'\u02DA'})
            if (u[0] == QChar(d)) return 0.0;
    if (u == "k") return -273.15;
    return std::nullopt;
}

std::pair<QString, QString> splitNameUnit(const QString& header, QChar slash)
{
    static const QRegularExpression bracket(QStringLiteral("^(.*?)\\s*[\\(\\[]([^\\)\\]]*)[\\)\\]]\\s*$"));
    const QString h = header.trimmed();
    if (const qsizetype k = h.indexOf(slash); k > 0) {
        QString unit = h.mid(k + 1).trimmed();
        if (unit.startsWith('(') && unit.endsWith(')')) unit = unit.mid(1, unit.size() - 2);
        return {h.left(k).trimmed(), unit};
    }
    if (auto m = bracket.match(h); m.hasMatch() && !m.captured(1).isEmpty())
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    return {h, QString()};
}

void assignTgaColumn(TgaTable& table, TgaRole role, const QString& name, const QString& unit,
                     std::vector<double>&& values)
{
    switch (role) {
    case TgaRole::Time:
        table.timeMin = std::move(values);
        break;
    case TgaRole::Temperature:
        table.temperatureC = std::move(values);
        break;
    case TgaRole::MassPct:
        table.massPct = std::move(values);
        break;
    case TgaRole::MassMg:
        table.massMg = std::move(values);
        break;
    case TgaRole::Extra:
        table.extra.push_back({name, unit, std::move(values)});
        break;
    }
}

} // namespace vanadis::tgaimport
