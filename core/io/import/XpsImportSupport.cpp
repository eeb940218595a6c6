#include "io/import/XpsImportSupport.h"

#include <QRegularExpression>

namespace vanadis::xpsimport {

namespace {

/// "o1s" → "O 1s", "Fe2p3/2" → "Fe 2p3/2", "V 2p" → "V 2p"; empty when \a text is no element + level.
QString elementLevel(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z]{1,2})\\s*([1-7][spdfSPDF](?:\\s*[0-9]/2)?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) return {};
    QString el = m.captured(1).toLower();
    el[0] = el[0].toUpper();
    QString level = m.captured(2).toLower();
    level.remove(' ');
    return el + ' ' + level;
}

bool isSurveyWord(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(wide|survey|overview|su\\d*s?|full)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(text.trimmed()).hasMatch();
}

bool isNone(const QString& t)
{
    const QString s = t.trimmed().toLower();
    return s.isEmpty() || s == QLatin1String("none") || s == QLatin1String("-") ||
           s == QLatin1String("not specified") || s == QLatin1String("n/a");
}

bool isElement(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z][a-z]?$"));
    return re.match(s.trimmed()).hasMatch();
}

} // namespace

QString regionName(const QString& species, const QString& transition, const QString& blockId, double spanEv,
                   int index)
{
    const QString sp = species.trimmed(), tr = isNone(transition) ? QString() : transition.trimmed();
    if (!isNone(sp)) {
        if (isSurveyWord(sp)) return QStringLiteral("Survey");
        if (isElement(sp) && !tr.isEmpty())
            if (const QString n = elementLevel(sp + tr); !n.isEmpty()) return n;
        if (const QString n = elementLevel(sp); !n.isEmpty()) return n;
    }
    // Block ids such as "O 1s/3" (Kratos) or "C1s Scan".
    QString id = blockId.trimmed();
    id = id.section('/', 0, 0).trimmed();
    if (!isNone(id)) {
        if (isSurveyWord(id)) return QStringLiteral("Survey");
        if (const QString n = elementLevel(id); !n.isEmpty()) return n;
        if (const QString n = elementLevel(id.section(' ', 0, 1)); !n.isEmpty()) return n;
        if (const QString n = elementLevel(id.section(' ', 0, 0)); !n.isEmpty()) return n;
    }
    if (spanEv > 400.0) return QStringLiteral("Survey");
    if (!isNone(sp)) return sp;
    return QStringLiteral("Region %1").arg(index);
}

QString regionFromFileName(const QString& baseName)
{
    static const QRegularExpression sep(QStringLiteral("[_\\-\\s.]+"));
    const QStringList tokens = baseName.split(sep, Qt::SkipEmptyParts);
    for (qsizetype i = tokens.size() - 1; i >= 0; --i)
        if (const QString n = elementLevel(tokens[i]); !n.isEmpty()) return n;
    return {};
}

QString intensityUnit(const QStringList& texts)
{
    static const QRegularExpression rate(
        QStringLiteral("count\\s*rate|c/s|\\bcps\\b|counts?\\s*per\\s*second|counts?/s"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString& t : texts)
        if (rate.match(t).hasMatch()) return QStringLiteral("counts/s");
    return QStringLiteral("counts");
}

ImportedDataset makeRegion(const QString& region, const QString& name, std::vector<double> bindingEv,
                           std::vector<double> intensity, const QString& intensityUnit,
                           std::vector<Column> extra, QJsonObject metadata)
{
    ImportedDataset d;
    d.technique = Technique::Xps;
    d.kind = region;
    d.name = name;
    d.columns.push_back({QStringLiteral("Binding Energy"), QStringLiteral("eV"), std::move(bindingEv)});
    d.columns.push_back({QStringLiteral("Intensity"), intensityUnit, std::move(intensity)});
    for (Column& c : extra)
        d.columns.push_back(std::move(c));
    metadata.insert(QStringLiteral("region"), region);
    d.metadata = std::move(metadata);
    return d;
}

} // namespace vanadis::xpsimport
