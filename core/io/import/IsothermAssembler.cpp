#include "io/import/IsothermAssembler.h"

#include "io/import/TextNumbers.h"
#include "numeric/Constants.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

namespace vanadis {

namespace {

/// cm³ STP per mmol of gas (bet.md §1).
constexpr double kCm3StpPerMmol = constants::molarVolumeStpCm3PerMol / 1000.0;
constexpr double kMaxRelativePressure = 1.05;
/// Gauge zero noise: real BELSORP exports read −0.0034 kPa at p0 ≈ 100 kPa.
constexpr double kMinRelativePressure = -1e-3;
/// Largest negative baseline amount accepted, as a fraction of the largest amount.
constexpr double kNegativeAmountFraction = 0.01;

/// How far p/p0 may move the wrong way between two points of a branch and still count as noise.
double monotonicTolerance(double x)
{
    return std::max(2e-4, 2e-3 * std::abs(x));
}

QString compact(QString s)
{
    s = s.trimmed().toLower();
    s.remove('\'').remove('"');
    return s;
}

QString fmt(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

IsothermAssembler::IsothermAssembler(const QString& fileName, const QString& sourceFormat)
    : m_file(fileName.toStdString()), m_format(sourceFormat)
{
}

void IsothermAssembler::setSampleMassG(double grams)
{
    m_massG = grams;
    if (grams > 0 && std::isfinite(grams)) m_meta.insert("sample_mass_g", grams);
}

Expected<ImportedDataset> IsothermAssembler::finish(const QString& name)
{
    const size_t n = m_points.size();
    if (n == 0) return fail(m_file, m_headerLocation, "no isotherm points were found in the file");
    if (m_loading.perGrams <= 0 && !(m_massG > 0 && std::isfinite(m_massG)))
        return fail(m_file, m_headerLocation,
                    "the amounts adsorbed are for the whole sample, but the file does not state the sample "
                    "mass, so they "
                    "cannot be converted to cm³/g; add the sample mass or export per gram");
    const double perGram = m_loading.perGrams > 0 ? m_loading.perGrams : m_massG;

    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) {
        const Point& p = m_points[i];
        const std::string loc = p.location.toStdString();
        if (m_relative) {
            x[i] = p.pressure;
        } else {
            if (!(p.p0 > 0) || !std::isfinite(p.p0))
                return fail(
                    m_file, loc,
                    "the saturation pressure p0 is missing, zero or negative, so p/p0 cannot be computed");
            x[i] = p.pressure / p.p0;
        }
        y[i] = p.amount * m_loading.toCm3Stp / perGram;
        if (!std::isfinite(x[i])) return fail(m_file, loc, "the pressure is not a number");
        if (!std::isfinite(y[i])) return fail(m_file, loc, "the amount adsorbed is not a number");
    }

    // Branches: as stated, or split at the highest pressure (the turning point of the measurement).
    std::vector<int> branch(n);
    const bool stated = m_points.front().branch >= 0;
    for (size_t i = 0; i < n; ++i) {
        if ((m_points[i].branch >= 0) != stated)
            return fail(m_file, m_points[i].location.toStdString(),
                        "internal error: branch stated for only some points");
        branch[i] = m_points[i].branch;
    }
    if (!stated) {
        const size_t top = size_t(std::max_element(x.begin(), x.end()) - x.begin());
        for (size_t i = 0; i < n; ++i)
            branch[i] = i <= top ? 0 : 1;
    }
    std::vector<size_t> ads, des;
    for (size_t i = 0; i < n; ++i)
        (branch[i] == 0 ? ads : des).push_back(i);

    // Some instruments (BELMaster) label the last points up to the highest pressure as desorption. Those
    // points continue the ascent, so they belong to adsorption; moving them keeps both branches monotonic.
    if (!ads.empty() && !des.empty()) {
        size_t top = 0;
        for (size_t j = 1; j < des.size(); ++j)
            if (x[des[j]] > x[des[top]]) top = j;
        bool ascent = top > 0 && x[des[0]] >= x[ads.back()] - monotonicTolerance(x[ads.back()]);
        for (size_t j = 1; ascent && j <= top; ++j)
            ascent = x[des[j]] >= x[des[j - 1]] - monotonicTolerance(x[des[j - 1]]);
        if (ascent) {
            ads.insert(ads.end(), des.begin(), des.begin() + qsizetype(top) + 1);
            des.erase(des.begin(), des.begin() + qsizetype(top) + 1);
            m_warnings.append(
                QStringLiteral("The first %1 points the file lists as desorption still rise to the highest "
                               "pressure (p/p0 = %2); they were moved to the adsorption branch.")
                    .arg(top + 1)
                    .arg(fmt(x[ads.back()])));
        }
    }

    // Checks, in output order (adsorption first).
    std::vector<size_t> order = ads;
    order.insert(order.end(), des.begin(), des.end());
    double yMax = 0.0;
    for (double v : y)
        yMax = std::max(yMax, std::abs(v));
    int dips = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t i = order[k];
        const std::string loc = m_points[i].location.toStdString();
        if (x[i] > kMaxRelativePressure)
            return fail(
                m_file, loc,
                QStringLiteral(
                    "p/p0 = %1 is above 1.05: the pressure or the saturation pressure p0 is wrong or in "
                    "another unit")
                    .arg(fmt(x[i]))
                    .toStdString());
        if (x[i] < kMinRelativePressure)
            return fail(m_file, loc,
                        QStringLiteral("negative pressure (p/p0 = %1)").arg(fmt(x[i])).toStdString());
        if (y[i] < -kNegativeAmountFraction * yMax)
            return fail(
                m_file, loc,
                QStringLiteral("negative amount adsorbed (%1 cm³/g STP); an isotherm cannot go below zero")
                    .arg(fmt(y[i]))
                    .toStdString());
        const bool isAds = k < ads.size();
        if (k == 0 || k == ads.size()) continue; // first point of a branch
        const size_t prev = order[k - 1];
        const double step = isAds ? x[prev] - x[i] : x[i] - x[prev]; // > 0 is the wrong direction
        if (step > monotonicTolerance(x[prev]))
            return fail(
                m_file, loc,
                QStringLiteral(
                    "within the %1 branch the pressure must %2, but p/p0 goes from %3 to %4 here: rows "
                    "are out of order or two measurements are mixed")
                    .arg(isAds ? QStringLiteral("adsorption") : QStringLiteral("desorption"),
                         isAds ? QStringLiteral("rise") : QStringLiteral("fall"), fmt(x[prev]), fmt(x[i]))
                    .toStdString());
        if (step > 0) ++dips;
    }
    // The BET analysis reads only 0 < p/p0 <= 1 and amounts >= 0 (an isotherm is defined there). Points
    // outside by no more than instrument noise (accepted above) are left out of the dataset, each named in
    // a warning, so that one gauge reading at vacuum or one point past p0 never refuses the whole file.
    std::vector<size_t> kept;
    size_t keptAds = 0;
    QStringList leftOut;
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t i = order[k];
        QString why;
        if (x[i] <= 0)
            why = QStringLiteral("p/p0 = %1 is not above 0 (gauge zero noise)").arg(fmt(x[i]));
        else if (x[i] > 1)
            why = QStringLiteral("p/p0 = %1 is above 1 (saturation pressure p0 measured slightly low)")
                      .arg(fmt(x[i]));
        else if (y[i] < 0)
            why = QStringLiteral("the amount adsorbed %1 cm³/g STP is below zero (baseline noise)")
                      .arg(fmt(y[i]));
        if (why.isEmpty()) {
            kept.push_back(i);
            if (k < ads.size()) ++keptAds;
        } else {
            leftOut << QStringLiteral("%1: %2").arg(m_points[i].location, why);
        }
    }
    if (!leftOut.isEmpty()) {
        constexpr int kNamed = 10;
        QString list = QStringList(leftOut.mid(0, kNamed)).join(QStringLiteral("; "));
        if (leftOut.size() > kNamed) list += QStringLiteral("; and %1 more").arg(leftOut.size() - kNamed);
        m_warnings.append(QStringLiteral("%1 point(s) lie just outside 0 < p/p0 ≤ 1 or below zero amount and "
                                         "were left out of the isotherm: %2.")
                              .arg(leftOut.size())
                              .arg(list));
        m_meta.insert("points_left_out", qint64(leftOut.size()));
    }
    if (kept.empty())
        return fail(m_file, m_headerLocation,
                    "no isotherm point lies within 0 < p/p0 ≤ 1 with a positive amount adsorbed");
    if (dips)
        m_warnings.append(
            QStringLiteral(
                "%1 point(s) step against the branch direction by less than the gauge noise; kept as "
                "measured.")
                .arg(dips));
    order = std::move(kept);
    const size_t adsCount = keptAds;
    if (order.size() < 2) m_warnings.append(QStringLiteral("The isotherm has only one point."));

    ImportedDataset ds;
    ds.technique = Technique::Bet;
    ds.kind = QStringLiteral("isotherm");
    ds.name = name;
    Column cx{QStringLiteral("P/P0"), QStringLiteral("1"), {}};
    Column cy{QStringLiteral("Quantity Adsorbed"), QStringLiteral("cm3/g STP"), {}};
    Column cb{QStringLiteral("Branch"), QString(), {}};
    for (size_t k = 0; k < order.size(); ++k) {
        cx.values.push_back(x[order[k]]);
        cy.values.push_back(y[order[k]]);
        cb.values.push_back(k < adsCount ? 0.0 : 1.0);
    }
    ds.columns = {std::move(cx), std::move(cy), std::move(cb)};
    ds.metadata = m_meta;
    ds.metadata.insert("source_format", m_format);
    ds.metadata.insert("points_adsorption", qint64(adsCount));
    ds.metadata.insert("points_desorption", qint64(order.size() - adsCount));
    if (!m_warnings.isEmpty()) ds.metadata.insert("warnings", QJsonArray::fromStringList(m_warnings));
    return ds;
}

std::optional<double> IsothermAssembler::pascalPerUnit(const QString& unit)
{
    QString u = compact(unit);
    u.remove(' ').remove('[').remove(']').remove('(').remove(')');
    if (u == "pa") return 1.0;
    if (u == "hpa") return 100.0;
    if (u == "kpa") return 1e3;
    if (u == "mpa") return 1e6;
    if (u == "bar") return 1e5;
    if (u == "mbar") return 100.0;
    if (u == "torr") return 101325.0 / 760.0;
    if (u == "mmhg") return 133.322387415;
    if (u == "atm") return 101325.0;
    if (u == "psi" || u == "psia") return 6894.757293168;
    return std::nullopt;
}

bool IsothermAssembler::isRelativePressureUnit(const QString& unit)
{
    QString u = compact(unit);
    u.remove(' ').replace(QChar(0x00B0), '0'); // p/p° → p/p0
    return u == "relative" || u == "rel" || u == "p/p0" || u == "p/po";
}

std::optional<double> IsothermAssembler::gramsPerUnit(const QString& unit)
{
    const QString u = compact(unit);
    if (u == "g") return 1.0;
    if (u == "mg") return 1e-3;
    if (u == "kg") return 1e3;
    return std::nullopt;
}

std::optional<LoadingUnit> IsothermAssembler::parseLoadingUnit(const QString& unit, const QString& massUnit,
                                                               bool wholeSampleWithoutMass)
{
    QString s = compact(unit);
    s.replace(QChar(0x00B3), '3')
        .replace('^', QString())
        .replace(QChar(0x00B5), 'u')
        .replace(QChar(0x03BC), 'u');
    s.replace(QChar(0x00B7), ' ').replace(QChar(0x2212), '-');
    if (s.isEmpty() || s.contains("liq") || s.contains('%')) return std::nullopt;
    s.remove(QStringLiteral("(stp)")).remove(QStringLiteral("stp"));
    static const QRegularExpression perMass(QStringLiteral("(?:/\\s*(kg|mg|g)\\b|\\b(kg|mg|g)\\s*-1\\b)"));
    QString massPart;
    if (const auto m = perMass.match(s); m.hasMatch()) {
        massPart = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        s.remove(m.capturedStart(), m.capturedLength());
    }
    s.remove(' ').remove('(').remove(')').remove('@');
    LoadingUnit out;
    if (s == "cm3" || s == "cc" || s == "ml" || s == "ccm")
        out.toCm3Stp = 1.0;
    else if (s == "mmol")
        out.toCm3Stp = kCm3StpPerMmol;
    else if (s == "mol")
        out.toCm3Stp = kCm3StpPerMmol * 1000.0;
    else if (s == "umol")
        out.toCm3Stp = kCm3StpPerMmol / 1000.0;
    else
        return std::nullopt;
    if (!massPart.isEmpty()) {
        out.perGrams = *gramsPerUnit(massPart);
    } else if (!massUnit.trimmed().isEmpty()) {
        const auto g = gramsPerUnit(massUnit);
        if (!g) return std::nullopt;
        out.perGrams = *g;
    } else if (wholeSampleWithoutMass) {
        out.perGrams = 0.0;
    } else {
        return std::nullopt;
    }
    return out;
}

std::optional<double> IsothermAssembler::kelvin(double value, const QString& unit)
{
    QString u = compact(unit);
    u.remove(' ').remove(QChar(0x00B0)).remove(QChar(0x00BA));
    if (u == "k" || u == "kelvin") return value;
    // Rounded to 1e-9 K so that −195.78 °C reads 77.37 K, not 77.36999999999998.
    if (u == "c" || u == "degc" || u == "celsius")
        return std::round((value + constants::zeroCelsiusK) * 1e9) / 1e9;
    return std::nullopt;
}

QString IsothermAssembler::normalizeAdsorptive(const QString& raw)
{
    QString s = compact(raw);
    s.replace(QChar(0x2082), '2').remove(' ').remove('-').remove('_');
    if (s == "n2" || s == "nitrogen" || s == "dinitrogen") return QStringLiteral("N2");
    if (s == "ar" || s == "argon") return QStringLiteral("Ar");
    if (s == "co2" || s == "carbondioxide") return QStringLiteral("CO2");
    if (s == "kr" || s == "krypton") return QStringLiteral("Kr");
    if (s == "h2o" || s == "water") return QStringLiteral("H2O");
    if (s == "o2" || s == "oxygen") return QStringLiteral("O2");
    if (s == "h2" || s == "hydrogen") return QStringLiteral("H2");
    if (s == "ch4" || s == "methane") return QStringLiteral("CH4");
    return raw.trimmed();
}

QString IsothermAssembler::isoDate(const QString& raw, const QStringList& formats)
{
    const QString s = raw.simplified();
    if (s.isEmpty()) return {};
    for (const QString& f : formats) {
        // Two-digit years (BELSORP "16/03/05") mean 1970–2069, not Qt's 1900–1999.
        const bool shortYear = f.contains("yy") && !f.contains("yyyy");
        auto fixYear = [&](QDate d) { return shortYear && d.year() < 1970 ? d.addYears(100) : d; };
        if (f.contains('h') || f.contains('H')) {
            QDateTime dt = QDateTime::fromString(s, f);
            if (dt.isValid()) return QDateTime(fixYear(dt.date()), dt.time()).toString(Qt::ISODate);
        } else {
            const QDate d = QDate::fromString(s, f);
            if (d.isValid()) return fixYear(d).toString(Qt::ISODate);
        }
    }
    return {};
}

std::optional<double> IsothermAssembler::leadingNumber(const QString& text, bool decimalComma)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([-+\\x{2212}]?)(\\d[\\d.,]*|[.,]\\d+)(?:[eE]([-+]?\\d+))?"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    QString t = m.captured(2);
    while (t.endsWith('.') || t.endsWith(','))
        t.chop(1);
    const qsizetype lastDot = t.lastIndexOf('.'), lastComma = t.lastIndexOf(',');
    static const QRegularExpression commaGroups(QStringLiteral("^\\d{1,3}(,\\d{3})+$"));
    static const QRegularExpression dotGroups(QStringLiteral("^\\d{1,3}(\\.\\d{3})+$"));
    if (lastDot >= 0 && lastComma >= 0) {
        // Both: the last one is the decimal separator ("1,596.4627", "1.589,6174").
        const QChar thousands = lastDot > lastComma ? ',' : '.';
        t.remove(thousands);
        t.replace(',', '.');
    } else if (lastComma >= 0) {
        const bool grouped = commaGroups.match(t).hasMatch();
        if (t.count(',') > 1 || (grouped && !decimalComma))
            t.remove(',');
        else
            t.replace(',', '.');
    } else if (lastDot >= 0) {
        if (t.count('.') > 1 || (decimalComma && dotGroups.match(t).hasMatch())) t.remove('.');
    }
    if (!m.captured(3).isEmpty()) t += 'e' + m.captured(3);
    const auto parsed = textnum::parseFinite(t);
    if (!parsed) return std::nullopt;
    double v = *parsed;
    if (!m.captured(1).isEmpty() && m.captured(1) != "+") v = -v;
    return v;
}

QString IsothermAssembler::unitInParentheses(const QString& title)
{
    const QString t = title.trimmed();
    if (!t.endsWith(')')) return {};
    int depth = 0;
    for (qsizetype i = t.size() - 1; i >= 0; --i) {
        if (t[i] == ')')
            ++depth;
        else if (t[i] == '(' && --depth == 0)
            return t.mid(i + 1, t.size() - i - 2).trimmed();
    }
    return {};
}

} // namespace vanadis
