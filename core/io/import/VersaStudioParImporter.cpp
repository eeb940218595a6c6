#include "io/import/VersaStudioParImporter.h"

#include "io/import/EisImportSupport.h"
#include "io/import/TextDecoding.h"
#include "io/import/TextNumbers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>

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

/// One data row: its block (index into the segment blocks), 1-based line, cells, the running segment
/// index, the step (index into Action1…n, −1 when no action covers it) and its ActionId (0 if none).
struct Row {
    std::size_t block = 0;
    int line = 0;
    QStringList cells;
    int segment = 0;
    int step = -1;
    double actionId = 0.0;
};

/// Consecutive rows of one step (or, without one, of one block and ActionId): one technique.
struct Part {
    int step = -1;
    std::vector<Row> rows;
};

enum class StepKind { Unknown, Eis, Sweep, Chrono };

/// The technique of a VersaStudio action name ("Potentiostatic EIS", "Cyclic Voltammetry (Multiple
/// Cycles)", "Linear Scan Voltammetry", "Potentiodynamic", "Chronoamperometry", "Constant Current" …).
StepKind kindOfName(const QString& name)
{
    const QString n = name.toLower();
    if (n.isEmpty()) return StepKind::Unknown;
    if (n.contains(QLatin1String("eis")) || n.contains(QLatin1String("impedance")) ||
        n.contains(QLatin1String("mott")))
        return StepKind::Eis;
    for (const char* w : {"voltammetry", "potentiodynamic", "galvanodynamic", "tafel", "linear scan",
                          "linear sweep", "staircase", "sweep", "scan"})
        if (n.contains(QLatin1String(w))) return StepKind::Sweep;
    for (const char* w : {"chrono", "potentiostatic", "galvanostatic", "constant", "open circuit", "step",
                          "hold", "coulometry", "pulse"})
        if (n.contains(QLatin1String(w))) return StepKind::Chrono;
    return StepKind::Unknown;
}

/// The ActionId column's technique codes as found in real VersaStudio files (21 potentiostatic EIS,
/// 14 cyclic voltammetry, 38 cyclic voltammetry with multiple cycles, 3 chronoamperometry).
StepKind kindOfActionId(double id)
{
    switch (int(id)) {
    case 21:
        return StepKind::Eis;
    case 14:
    case 38:
        return StepKind::Sweep;
    case 3:
        return StepKind::Chrono;
    default:
        return StepKind::Unknown;
    }
}

/// Cycle numbers of a potential sweep: a new cycle starts each time the sweep turns back into the
/// direction it started in. A turn counts once the potential has gone back by 2 % of the swept range
/// from its extreme (noise in a measured potential is no turn); the new cycle starts at the vertex.
std::vector<double> cyclesOf(const std::vector<double>& e)
{
    std::vector<double> out(e.size(), 1.0);
    if (e.empty()) return out;
    const auto [lo, hi] = std::minmax_element(e.begin(), e.end());
    const double threshold = 0.02 * (*hi - *lo);
    if (!(threshold > 0)) return out;
    int dir = 0, first = 0;
    double extreme = e[0];
    std::size_t extremeAt = 0;
    double cycle = 1.0;
    for (std::size_t k = 1; k < e.size(); ++k) {
        if (dir == 0) {
            if (std::abs(e[k] - e[0]) > threshold) {
                dir = first = e[k] > e[0] ? 1 : -1;
                extreme = e[k];
                extremeAt = k;
            }
        } else if ((e[k] - extreme) * dir > 0) {
            extreme = e[k];
            extremeAt = k;
        } else if ((extreme - e[k]) * dir > threshold) {
            dir = -dir;
            if (dir == first) {
                cycle += 1.0;
                for (std::size_t j = extremeAt; j < k; ++j)
                    out[j] = cycle;
            }
            extreme = e[k];
            extremeAt = k;
        }
        out[k] = cycle;
    }
    return out;
}

/// The impedance points of rows [r0, r1) of \a part.
Expected<ImportedDataset> eisOf(const std::string& file, const QString& fileName,
                                const std::vector<Segment>& segments, const Part& part, std::size_t r0,
                                std::size_t r1)
{
    std::vector<EisPoint> pts;
    for (std::size_t r = r0; r < r1; ++r) {
        const Row& row = part.rows[r];
        const Segment& g = segments[row.block];
        const std::string where = "segment " + std::to_string(g.number);
        const int cols[3] = {columnOf(g.columns, {"frequency(hz)", "frequency"}),
                             columnOf(g.columns, {"zreal", "z'"}), columnOf(g.columns, {"zimag", "z''"})};
        if (cols[0] < 0 || cols[1] < 0 || cols[2] < 0)
            return fail(file, "line " + std::to_string(g.definitionLine),
                        where +
                            " holds impedance data but names no Frequency(Hz), Z Real and Z Imag columns");
        const int need = std::max({cols[0], cols[1], cols[2]}) + 1;
        const std::string at = "line " + std::to_string(row.line);
        if (row.cells.size() < need)
            return fail(file, at,
                        "the row has " + std::to_string(row.cells.size()) + " values; " + where +
                            " needs at least " + std::to_string(need) + " (Frequency, Z Real, Z Imag)");
        double v[3];
        for (int k = 0; k < 3; ++k)
            if (!textnum::parseNumber(row.cells[cols[k]].trimmed(), false, v[k]))
                return fail(file,
                            at + ", column " + std::to_string(cols[k] + 1) + " (" +
                                g.columns[cols[k]].toStdString() + ")",
                            textnum::notANumberReason(row.cells[cols[k]].trimmed(), false));
        pts.push_back({v[0], v[1], v[2], row.line});
    }
    auto d = makeEisDataset(fileName, QString(), pts);
    if (!d && d.error().location.empty())
        d.error().location = "line " + std::to_string(segments[part.rows[r0].block].definitionLine);
    return d;
}

/// A direct-current part: "Time" (s, Elapsed Time), "Potential" (V, E), "Current" (mA, from I in A),
/// and for a sweep "Cycle" from the applied potential (the measured one when the file has none).
Expected<ImportedDataset> dcOf(const std::string& file, const QString&, const std::vector<Segment>& segments,
                               const Part& part, bool sweep, const QString& label)
{
    std::vector<double> t, e, i, applied;
    bool hasApplied = true;
    for (const Row& row : part.rows) {
        const Segment& g = segments[row.block];
        const int ct = columnOf(g.columns, {"elapsedtime(s)", "elapsedtime", "time(s)"});
        const int ce = columnOf(g.columns, {"e(v)"});
        const int ci = columnOf(g.columns, {"i(a)"});
        const int cp = columnOf(g.columns, {"eapplied(v)"});
        if (ct < 0 || ce < 0 || ci < 0)
            return fail(file, "line " + std::to_string(g.definitionLine),
                        label.toStdString() +
                            " needs the columns Elapsed Time(s), E(V) and I(A); its "
                            "Definition= names " +
                            g.columns.join(", ").toStdString());
        hasApplied = hasApplied && cp >= 0;
        const int cols[4] = {ct, ce, ci, cp};
        double v[4] = {0, 0, 0, 0};
        const std::string at = "line " + std::to_string(row.line);
        for (int k = 0; k < 4; ++k) {
            if (cols[k] < 0) continue;
            if (cols[k] >= row.cells.size())
                return fail(file, at,
                            "the row has " + std::to_string(row.cells.size()) + " values; segment " +
                                std::to_string(g.number) + " needs at least " + std::to_string(cols[k] + 1) +
                                " (" + g.columns[cols[k]].toStdString() + ")");
            if (!textnum::parseNumber(row.cells[cols[k]].trimmed(), false, v[k]))
                return fail(file,
                            at + ", column " + std::to_string(cols[k] + 1) + " (" +
                                g.columns[cols[k]].toStdString() + ")",
                            textnum::notANumberReason(row.cells[cols[k]].trimmed(), false));
        }
        t.push_back(v[0]);
        e.push_back(v[1]);
        i.push_back(1000.0 * v[2]); // A → mA
        applied.push_back(v[3]);
    }
    ImportedDataset d;
    d.technique = Technique::Echem;
    d.kind = sweep ? QStringLiteral("cv") : QStringLiteral("chrono");
    const auto [appliedLo, appliedHi] = std::minmax_element(applied.begin(), applied.end());
    const bool appliedVaries = hasApplied && !applied.empty() && *appliedHi > *appliedLo;
    std::vector<double> cycle = sweep ? cyclesOf(appliedVaries ? applied : e) : std::vector<double>{};
    d.columns = {{QStringLiteral("Time"), QStringLiteral("s"), std::move(t)},
                 {QStringLiteral("Potential"), QStringLiteral("V"), std::move(e)},
                 {QStringLiteral("Current"), QStringLiteral("mA"), std::move(i)}};
    if (sweep) d.columns.push_back({QStringLiteral("Cycle"), QString(), std::move(cycle)});
    return d;
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
    std::vector<const Action*> steps; // Action1…n: one per technique step, in order
    for (const Action& a : actions)
        if (a.number == 0) {
            const QString area = a.keys.value(QStringLiteral("Working Electrode Area (cm2)"));
            bool ok = false;
            const double v = area.toDouble(&ok);
            if (ok && v > 0) meta.insert("electrode_area_cm2", v);
            if (const QString oc = a.keys.value(QStringLiteral("Measured Open Circuit")); !oc.isEmpty())
                meta.insert("open_circuit", oc);
        } else {
            steps.push_back(&a);
        }

    // Every data row, in file order, with its segment: the running count of distinct (block, Segment #)
    // pairs. The actions take the segments in order, each as many as its Segments= says; a segment
    // beyond them (or a file without actions) is grouped by its ActionId and block instead.
    std::vector<std::pair<int, int>> segmentRange; // [first, end) per step
    int declared = 0;
    for (const Action* a : steps) {
        const int n = std::max(0, a->keys.value(QStringLiteral("Segments")).toInt());
        segmentRange.emplace_back(declared, declared + n);
        declared += n;
    }
    std::vector<Part> parts;
    std::map<std::pair<std::size_t, double>, int> segmentIndex;
    for (std::size_t b = 0; b < segments.size(); ++b) {
        const Segment& g = segments[b];
        const std::string where = "segment " + std::to_string(g.number);
        if (g.definitionLine == 0)
            return fail(file, "line " + std::to_string(g.openLine),
                        where + " has no Definition= line naming its columns");
        const int cs = columnOf(g.columns, {"segment#"});
        const int ca = columnOf(g.columns, {"actionid"});
        std::size_t rows = g.rows.size();
        if (!g.closed && rows) --rows; // the file ends inside this block: its last row may be cut
        for (std::size_t r = 0; r < rows; ++r) {
            const auto& [line, rowText] = g.rows[r];
            Row row{b, line, rowText.split(','), 0, -1, 0.0};
            auto cellNumber = [&](int c, double& v) -> Expected<void> {
                if (c < 0) return {};
                if (c >= row.cells.size())
                    return fail(file, "line " + std::to_string(line),
                                "the row has " + std::to_string(row.cells.size()) + " values; " + where +
                                    " names " + std::to_string(g.columns.size()) + " columns");
                if (!textnum::parseNumber(row.cells[c].trimmed(), false, v))
                    return fail(file,
                                "line " + std::to_string(line) + ", column " + std::to_string(c + 1) + " (" +
                                    g.columns[c].toStdString() + ")",
                                textnum::notANumberReason(row.cells[c].trimmed(), false));
                return {};
            };
            double segNo = 0.0;
            if (auto ok = cellNumber(cs, segNo); !ok) return std::unexpected(ok.error());
            if (auto ok = cellNumber(ca, row.actionId); !ok) return std::unexpected(ok.error());
            auto [it, added] = segmentIndex.try_emplace({b, segNo}, int(segmentIndex.size()));
            row.segment = it->second;
            for (std::size_t s = 0; s < segmentRange.size(); ++s)
                if (row.segment >= segmentRange[s].first && row.segment < segmentRange[s].second)
                    row.step = int(s);
            const bool sameStep = !parts.empty() && parts.back().step == row.step;
            // Without an action: one part while the ActionId and the column layout stay the same.
            const bool samePart =
                sameStep &&
                (row.step >= 0 || (parts.back().rows.back().actionId == row.actionId &&
                                   segments[parts.back().rows.back().block].columns == g.columns));
            if (!samePart) parts.push_back(Part{row.step, {}});
            parts.back().rows.push_back(std::move(row));
        }
    }

    std::vector<ImportedDataset> out;
    const QString base = QFileInfo(fileName).completeBaseName();
    for (const Part& part : parts) {
        const Action* step = part.step >= 0 ? steps[std::size_t(part.step)] : nullptr;
        const QString action = step ? step->keys.value(QStringLiteral("Name")) : QString();
        const int firstSegment = part.rows.front().segment;
        const Segment& firstBlock = segments[part.rows.front().block];
        const QString label = action.isEmpty()
                                  ? QStringLiteral("segment %1").arg(firstSegment + 1)
                                  : QStringLiteral("segment %1 (%2)").arg(firstSegment + 1).arg(action);
        StepKind kind = kindOfName(action);
        if (kind == StepKind::Unknown) kind = kindOfActionId(part.rows.front().actionId);
        bool guessed = false;
        if (kind == StepKind::Unknown) {
            // Neither the action nor its ActionId says: impedance when every row has a frequency, else
            // the potential and current against time.
            guessed = true;
            kind = StepKind::Chrono;
            bool allFrequencies = true;
            for (const Row& r : part.rows) {
                const Segment& g = segments[r.block];
                const int cf = columnOf(g.columns, {"frequency(hz)", "frequency"});
                double f = 0.0;
                allFrequencies = allFrequencies && cf >= 0 && cf < r.cells.size() &&
                                 textnum::parseNumber(r.cells[cf].trimmed(), false, f) && f > 0;
            }
            if (allFrequencies && columnOf(firstBlock.columns, {"zreal", "z'"}) >= 0) kind = StepKind::Eis;
        }
        std::vector<ImportedDataset> made;
        if (kind == StepKind::Eis) {
            // One spectrum per segment (an action may measure several, e.g. at two potentials).
            std::size_t r0 = 0;
            while (r0 < part.rows.size()) {
                std::size_t r1 = r0;
                while (r1 < part.rows.size() && part.rows[r1].segment == part.rows[r0].segment)
                    ++r1;
                auto d = eisOf(file, fileName, segments, part, r0, r1);
                if (!d) return std::unexpected(d.error());
                QString name = action.isEmpty() ? base : base + QStringLiteral(" — ") + action;
                const bool several = part.rows.back().segment != part.rows.front().segment ||
                                     (step && segmentRange[std::size_t(part.step)].second -
                                                      segmentRange[std::size_t(part.step)].first >
                                                  1);
                if (several || action.isEmpty())
                    name += QStringLiteral(" (segment %1)").arg(part.rows[r0].segment + 1);
                d->name = name;
                if (step) {
                    bool ok = false;
                    const double amp = step->keys.value(QStringLiteral("Amplitude (mV RMS)")).toDouble(&ok);
                    if (ok) d->metadata.insert("ac_amplitude_mv_rms", amp);
                }
                made.push_back(std::move(*d));
                r0 = r1;
            }
        } else {
            auto d = dcOf(file, fileName, segments, part, kind == StepKind::Sweep, label);
            if (!d) return std::unexpected(d.error());
            d->name = action.isEmpty() ? base + QStringLiteral(" (%1)").arg(label)
                                       : base + QStringLiteral(" — ") + action;
            if (kind == StepKind::Sweep && step) {
                bool ok = false;
                const double rate = step->keys.value(QStringLiteral("Scan Rate (V/s)")).toDouble(&ok);
                if (ok && rate > 0) d->metadata.insert("scan_rate_mv_s", 1000.0 * rate);
            }
            if (guessed)
                addImportWarning(*d, tr("The file does not say which technique %1 is: read as potential and "
                                        "current against time.")
                                         .arg(label));
            made.push_back(std::move(*d));
        }
        for (ImportedDataset& d : made) {
            for (auto it = meta.begin(); it != meta.end(); ++it)
                d.metadata.insert(it.key(), it.value());
            if (!action.isEmpty()) d.metadata.insert("experiment", action);
            for (std::size_t b = 0; b < segments.size(); ++b)
                if (!segments[b].closed && std::any_of(part.rows.begin(), part.rows.end(),
                                                       [&](const Row& r) { return r.block == b; }))
                    addImportWarning(
                        d, tr("The file ends inside segment %1 (cut short?): its last row, line %2, "
                              "was left out.")
                               .arg(segments[b].number)
                               .arg(segments[b].rows.back().first));
            out.push_back(std::move(d));
        }
    }
    // A block the file ends inside whose only row was the cut one.
    if (out.empty())
        return fail(file, "line " + std::to_string(segments.back().definitionLine),
                    "the data blocks hold no complete row");
    return out;
}

} // namespace vanadis
