#include "io/import/VersaStudioParImporter.h"

#include "io/import/EisImportSupport.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace vanadis {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("vanadis", s);
}

/// A section's key=value lines (first '=' splits; later ones belong to the value).
using Keys = QHash<QString, QString>;

struct Segment {
    int number = 0;
    int openLine = 0; ///< 1-based line of `<SegmentN>`
    int definitionLine = 0;
    QStringList columns;
    std::vector<std::pair<int, QString>> rows; ///< (1-based line, text)
    bool closed = false;
};

struct Action {
    int number = 0;
    Keys keys;
};

/// Column names compared without blanks and case: "Z Real", "Frequency(Hz)".
QString nameKey(const QString& s)
{
    QString k = s.toLower();
    k.remove(' ');
    return k;
}

int columnOf(const QStringList& columns, std::initializer_list<const char*> names)
{
    for (int c = 0; c < columns.size(); ++c)
        for (const char* n : names)
            if (nameKey(columns[c]) == QLatin1String(n)) return c;
    return -1;
}

} // namespace

QString VersaStudioParImporter::displayName() const
{
    return tr("Princeton VersaStudio file (.par)");
}

int VersaStudioParImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    QByteArray h = head;
    if (h.startsWith("\xEF\xBB\xBF")) h = h.mid(3);
    if (!h.startsWith("<Application>")) return 0;
    return h.contains("VersaStudio") || QFileInfo(fileName).suffix().compare("par", Qt::CaseInsensitive) == 0
               ? 95
               : 60;
}

Expected<std::vector<ImportedDataset>>
VersaStudioParImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
    const std::string file = fileName.toStdString();
    auto text = decodeText(bytes, fileName);
    if (!text) return std::unexpected(text.error());
    const QStringList lines = text->split(QRegularExpression(QStringLiteral("\\r\\n|\\n|\\r")));
    static const QRegularExpression open(QStringLiteral("^<([A-Za-z]+)(\\d*)>$"));
    QString section; // name + number of the open section, empty outside
    Keys application, instrument, experiment;
    std::vector<Action> actions;
    std::vector<Segment> segments;
    Keys* keys = nullptr;
    Segment* seg = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (section.isEmpty()) {
            if (l.isEmpty()) continue;
            const auto m = open.match(l);
            if (!m.hasMatch()) {
                if (i == 0)
                    return fail(file, "line 1",
                                "not a VersaStudio file (it does not start with <Application>)");
                continue; // text between sections: nothing VersaStudio writes there is read
            }
            section = m.captured(1) + m.captured(2);
            const QString name = m.captured(1);
            keys = nullptr;
            seg = nullptr;
            if (name == QLatin1String("Application"))
                keys = &application;
            else if (name == QLatin1String("Instrument"))
                keys = &instrument;
            else if (name == QLatin1String("Experiment"))
                keys = &experiment;
            else if (name == QLatin1String("Action") && !m.captured(2).isEmpty()) {
                actions.push_back(Action{m.captured(2).toInt(), {}});
                keys = &actions.back().keys;
            } else if (name == QLatin1String("Segment") && !m.captured(2).isEmpty()) {
                segments.push_back(Segment{m.captured(2).toInt(), i + 1, 0, {}, {}, false});
                seg = &segments.back();
            }
            continue;
        }
        if (l == QLatin1String("</") + section + QLatin1Char('>')) {
            if (seg) seg->closed = true;
            section.clear();
            keys = nullptr;
            seg = nullptr;
            continue;
        }
        if (keys) {
            const int eq = l.indexOf('=');
            if (eq > 0) keys->insert(l.left(eq).trimmed(), l.mid(eq + 1).trimmed());
        } else if (seg) {
            if (l.isEmpty()) continue;
            if (seg->definitionLine == 0) {
                if (l.startsWith(QLatin1String("Definition="))) {
                    seg->definitionLine = i + 1;
                    for (const QString& c : l.mid(11).split(','))
                        seg->columns << c.trimmed();
                }
                continue; // Type=, Version= before the definition
            }
            seg->rows.emplace_back(i + 1, l);
        }
    }
    if (application.value(QStringLiteral("Name")).isEmpty() && instrument.isEmpty())
        return fail(file, "line 1", "no <Application> section with a Name=: not a VersaStudio file");
    if (segments.empty())
        return fail(file, "", "the file holds no <Segment> data block (an experiment saved before it ran?)");

    // Segments belong to the actions in order, each action taking as many as its Segments= says.
    std::vector<QString> actionOf;
    for (const Action& a : actions) {
        if (a.number == 0) continue; // Action0: the settings common to all
        const int n = a.keys.value(QStringLiteral("Segments")).toInt();
        for (int k = 0; k < n; ++k)
            actionOf.push_back(a.keys.value(QStringLiteral("Name")));
    }

    QJsonObject meta;
    const QString app = application.value(QStringLiteral("Name"), QStringLiteral("VersaStudio"));
    const QString appVersion = application.value(QStringLiteral("Version"));
    const QString model = instrument.value(QStringLiteral("Type"));
    meta.insert("instrument",
                QStringLiteral("Princeton Applied Research %1 (%2 %3)")
                    .arg(model.isEmpty() ? QStringLiteral("potentiostat") : model, app, appVersion)
                    .simplified());
    if (const QString sn = instrument.value(QStringLiteral("SN")); !sn.isEmpty())
        meta.insert("serial_number", sn);
    const QString date = experiment.value(QStringLiteral("DateAcquired")),
                  time = experiment.value(QStringLiteral("TimeAcquired"));
    if (!date.isEmpty()) meta.insert("date", date);
    if (!time.isEmpty()) meta.insert("time", time);
    for (const Action& a : actions)
        if (a.number == 0) {
            const QString area = a.keys.value(QStringLiteral("Working Electrode Area (cm2)"));
            bool ok = false;
            const double v = area.toDouble(&ok);
            if (ok && v > 0) meta.insert("electrode_area_cm2", v);
            if (const QString oc = a.keys.value(QStringLiteral("Measured Open Circuit")); !oc.isEmpty())
                meta.insert("open_circuit", oc);
        }

    std::vector<ImportedDataset> out;
    QStringList skipped;
    const QString base = QFileInfo(fileName).completeBaseName();
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const Segment& g = segments[s];
        const QString action = s < actionOf.size() ? actionOf[s] : QString();
        const std::string where = "segment " + std::to_string(g.number);
        if (g.definitionLine == 0)
            return fail(file, "line " + std::to_string(g.openLine),
                        where + " has no Definition= line naming its columns");
        const int cf = columnOf(g.columns, {"frequency(hz)", "frequency"});
        const int cr = columnOf(g.columns, {"zreal", "z'"});
        const int ci = columnOf(g.columns, {"zimag", "z''"});
        if (cf < 0 || cr < 0 || ci < 0) {
            skipped << (action.isEmpty()
                            ? QString::fromStdString(where)
                            : QStringLiteral("%1 (%2)").arg(QString::fromStdString(where), action));
            continue;
        }
        std::size_t rows = g.rows.size();
        if (!g.closed && rows) --rows; // the file ends inside this segment: its last row may be cut
        const int need = std::max({cf, cr, ci}) + 1;
        std::vector<EisPoint> pts;
        for (std::size_t r = 0; r < rows; ++r) {
            const auto& [line, rowText] = g.rows[r];
            const QStringList cells = rowText.split(',');
            const std::string at = "line " + std::to_string(line);
            if (cells.size() < need)
                return fail(file, at,
                            "the row has " + std::to_string(cells.size()) + " values; " + where +
                                " needs at least " + std::to_string(need) + " (Frequency, Z Real, Z Imag)");
            double v[3];
            const int cols[3] = {cf, cr, ci};
            for (int k = 0; k < 3; ++k)
                if (!textnum::parseNumber(cells[cols[k]].trimmed(), false, v[k]))
                    return fail(file,
                                at + ", column " + std::to_string(cols[k] + 1) + " (" +
                                    g.columns[cols[k]].toStdString() + ")",
                                textnum::notANumberReason(cells[cols[k]].trimmed(), false));
            pts.push_back({v[0], v[1], v[2], line});
        }
        QString name = action.isEmpty() ? base : base + QStringLiteral(" — ") + action;
        if (segments.size() > 1) name += QStringLiteral(" (segment %1)").arg(g.number);
        auto d = makeEisDataset(fileName, name, pts);
        if (!d) {
            if (d.error().location.empty()) d.error().location = "line " + std::to_string(g.definitionLine);
            return std::unexpected(d.error());
        }
        for (auto it = meta.begin(); it != meta.end(); ++it)
            d->metadata.insert(it.key(), it.value());
        if (!action.isEmpty()) d->metadata.insert("experiment", action);
        for (const Action& a : actions)
            if (a.keys.value(QStringLiteral("Name")) == action && !action.isEmpty()) {
                bool ok = false;
                const double amp = a.keys.value(QStringLiteral("Amplitude (mV RMS)")).toDouble(&ok);
                if (ok) d->metadata.insert("ac_amplitude_mv_rms", amp);
                break;
            }
        if (!g.closed)
            addImportWarning(*d, tr("The file ends inside segment %1 (cut short?): its last row, line %2, "
                                    "was left out.")
                                     .arg(g.number)
                                     .arg(g.rows.empty() ? g.definitionLine : g.rows.back().first));
        out.push_back(std::move(*d));
    }
    if (out.empty())
        return fail(file, "",
                    "no impedance segment (columns Frequency, Z Real, Z Imag) in the file; found " +
                        skipped.join(", ").toStdString() +
                        ", which this version of Vanadis does not read from .par yet; export them as text");
    if (!skipped.isEmpty())
        for (ImportedDataset& d : out)
            addImportWarning(
                d, tr("Not read (not impedance data): %1.").arg(skipped.join(QStringLiteral(", "))));
    return out;
}

} // namespace vanadis
