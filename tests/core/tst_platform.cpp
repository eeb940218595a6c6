// The analysis platform: declarations that hold against what the analyses compute, results stored and
// read back without recomputing, stale runs with their reasons, several datasets of one type per
// sample, the schema-1 migration that writes nothing until a save, and the parameter types.

#include "../VerifyNear.h"
#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"
#include "analysis/DemoProject.h"
#include "analysis/ParamTable.h"
#include "analysis/ResultTable.h"
#include "analysis/bet/BetAnalysis.h"
#include "analysis/tga/TgaAnalysis.h"
#include "io/ProjectDocument.h"
#include "io/ProjectStore.h"
#include "model/Commands.h"
#include "model/DatasetType.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <sqlite3.h>

using namespace vanadis;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Runs one SQL statement on a closed project file (to damage it the way a bug or a newer program would).
bool execSql(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) return false;
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

int userVersion(const QString& path)
{
    sqlite3* db = nullptr;
    int v = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW)
            v = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return v;
}

} // namespace

class TestPlatform : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void declarationsMatchWhatIsComputed()
    {
        // Every declared output and uncertainty path exists in the results of the demo, every figure
        // draws, and every span edits parameters the schema has: a key is never written twice apart.
        Project p;
        populateDemoProject(p);
        for (const AnalysisDescriptor* a : analyses()) {
            QVERIFY(!a->id.isEmpty());
            const ParamSchema schema = a->params();
            auto has = [&](const QString& key) {
                return std::any_of(schema.begin(), schema.end(),
                                   [&](const ParamSpec& s) { return s.key == key; });
            };
            QStringList figureIds;
            for (const FigureDecl& f : a->figures()) {
                QVERIFY2(!figureIds.contains(f.id), qPrintable(a->id + ": figure id twice: " + f.id));
                figureIds << f.id;
                for (const SpanBinding& b : f.spans)
                    QVERIFY2(has(b.minKey) && has(b.maxKey),
                             qPrintable(a->id + "/" + f.id + ": span edits unknown keys"));
                // A point binding edits one numeric column of a table parameter (XRD added peaks, XPS
                // component centres).
                for (const PointBinding& b : f.points) {
                    bool found = false;
                    for (const ParamSpec& s : a->params())
                        if (s.key == b.listKey && s.type == ParamSpec::Type::Table)
                            for (const ParamSpec& c : s.columns)
                                found = found || (c.key == b.field && c.type == ParamSpec::Type::Number);
                    QVERIFY2(found,
                             qPrintable(a->id + "/" + f.id + ": point binding names no number column " +
                                        b.listKey + "." + b.field));
                }
            }
            int runs = 0;
            QSet<QString> drawn;
            QSet<Id> samplesWithRuns;
            for (const auto& [id, r] : p.allRuns()) {
                if (r.analysisId != a->id) continue;
                ++runs;
                if (const Sample* s = p.sampleOfDataset(r.datasetId())) samplesWithRuns.insert(s->id);
                QCOMPARE(r.status, RunStatus::Ok);
                for (const OutputSpec& o : a->outputs()) {
                    QVERIFY2(resultValue(r.result, o.path).isDouble() ||
                                 resultValue(r.result, o.path).isNull() ||
                                 resultValue(r.result, o.path).isObject(),
                             qPrintable(a->id + ": declared output " + o.path + " is not in the result"));
                    if (o.headline)
                        QVERIFY2(resultValue(r.result, o.path).isDouble(),
                                 qPrintable(a->id + ": headline " + o.path + " empty"));
                    if (!o.errorPath.isEmpty())
                        QVERIFY2(r.result.contains(o.errorPath.section('.', 0, 0)) &&
                                     !resultValue(r.result, o.errorPath).isUndefined(),
                                 qPrintable(a->id + ": declared uncertainty " + o.errorPath +
                                            " is not in the result"));
                }
                for (const QString& fid : figureIds) {
                    const FigureSpec f = analysisFigure(p, *a, fid, {r.datasetId()});
                    if (!f.series.empty()) drawn.insert(fid);
                }
            }
            // Every figure draws for some run of the demo (a rate-test summary has no voltage profiles,
            // the cycling records of the same analysis do).
            if (runs > 0)
                for (const QString& fid : figureIds)
                    QVERIFY2(drawn.contains(fid),
                             qPrintable(a->id + ": figure " + fid + " is empty for every run"));
            // Analyses that run by themselves have a run on every demo sample (one per dataset: CS has 14
            // operando XRD scans besides its survey pattern); the others run where the demo asks for them
            // (XPS, cycling, EIS, the in-situ series) or not at all (curve fit).
            if (a->automatic)
                QVERIFY2(samplesWithRuns.size() == 4 && runs >= 4,
                         qPrintable(
                             a->id +
                             QString(": %1 demo runs on %2 samples").arg(runs).arg(samplesWithRuns.size())));
        }
    }

    void demoReproducesThePaperFromStoredRuns()
    {
        Project p;
        populateDemoProject(p);
        const std::map<QString, std::pair<double, double>> expected{
            {"CS", {63.0, 15.50}}, {"WCS", {75.0, 14.72}}, {"HCS", {151.4, 14.03}}, {"HMCS", {208.5, 16.75}}};
        for (const Sample* s : p.samples()) {
            const auto [area, carbon] = expected.at(s->name);
            for (const Dataset* d : p.datasetsOf(s->id)) {
                if (const AnalysisRun* r = p.runFor(d->id(), "bet")) {
                    const double got = resultValue(r->result, "bet.area_m2_g").toDouble();
                    QVERIFY2(std::abs(got / area - 1.0) < 0.01,
                             qPrintable(QString("%1 BET %2 vs %3 (1 %)").arg(s->name).arg(got).arg(area)));
                }
                if (const AnalysisRun* r = p.runFor(d->id(), "tga")) {
                    const double got = r->result.value("carbon_wt_pct").toDouble();
                    QVERIFY2(
                        std::abs(got - carbon) < 0.1,
                        qPrintable(QString("%1 carbon %2 vs %3 (±0.1)").arg(s->name).arg(got).arg(carbon)));
                }
            }
        }
    }

    void reopeningComputesNothingAndShowsEveryResult()
    {
        const QString file = path("demo.vanadis");
        {
            auto doc = ProjectDocument::createNew();
            populateDemoProject(doc->project());
            QVERIFY(doc->saveAs(file).has_value());
        }
        Project fresh;
        populateDemoProject(fresh);
        const long long before = computeCallCount();
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        const Project& p = (*doc)->project();
        // Every run the demo computed comes back.
        QCOMPARE(p.allRuns().size(), fresh.allRuns().size());
        for (const auto& [id, r] : p.allRuns()) {
            QCOMPARE(r.status, RunStatus::Ok);
            QVERIFY(!r.result.isEmpty());
            // One input, or several for an analysis over a series (the demo's operando XRD scans).
            const AnalysisDescriptor* a = analysisById(r.analysisId);
            QVERIFY(a);
            if (a->input.multiple)
                QVERIFY(!r.inputs.empty());
            else
                QCOMPARE(r.inputs.size(), size_t(1));
            QVERIFY(p.dataset(r.datasetId()));
        }
        // Figures and Compare read stored results.
        for (const AnalysisDescriptor* a : analyses())
            for (const auto& [id, r] : p.allRuns())
                if (r.analysisId == a->id)
                    for (const FigureDecl& f : a->figures())
                        (void)analysisFigure(p, *a, f.id, {r.datasetId()});
        QCOMPARE(computeCallCount(), before);
        QVERIFY(!(*doc)->project().isModified());
    }

    void runsOfAnotherVersionOrDamagedResultsAreStaleNotFatal()
    {
        const QString file = path("stale.vanadis");
        {
            auto doc = ProjectDocument::createNew();
            populateDemoProject(doc->project());
            QVERIFY(doc->saveAs(file).has_value());
        }
        QVERIFY(execSql(file, "UPDATE runs SET analysis_version = 99 WHERE analysis_id = 'bet';"
                              "UPDATE runs SET result = '{\"carbon_wt_pct\": 1' WHERE analysis_id = 'tga';"));
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        Project& p = (*doc)->project();
        int stale = 0, damaged = 0;
        for (const auto& [id, r] : p.allRuns()) {
            if (r.analysisId != "bet" && r.analysisId != "tga") { // untouched runs stay as they were
                QCOMPARE(r.status, RunStatus::Ok);
                continue;
            }
            ++damaged;
            QCOMPARE(r.status, RunStatus::Stale);
            QVERIFY2(!r.message.isEmpty(), "a stale run says why");
            if (r.analysisId == "bet") QVERIFY2(r.message.contains("newer"), qPrintable(r.message));
            if (r.analysisId == "tga") {
                QVERIFY(r.result.isEmpty());
                QVERIFY2(r.message.contains("could not be read"), qPrintable(r.message));
            }
            ++stale;
        }
        QCOMPARE(stale, damaged);
        QCOMPARE(damaged, 8);
        // One recompute brings them back, at this version.
        computeStaleRunsNow(p);
        for (const auto& [id, r] : p.allRuns()) {
            QCOMPARE(r.status, RunStatus::Ok);
            QCOMPARE(r.analysisVersion, analysisById(r.analysisId)->version);
        }
    }

    void secondIsothermOfASampleIsAnalysedBesideTheFirst()
    {
        Project p;
        populateDemoProject(p);
        const Sample* cs = p.sampleByName("CS");
        const Dataset* first = nullptr;
        for (const Dataset* d : p.datasetsOf(cs->id, Technique::Bet))
            first = d;
        QVERIFY(first);
        // A repeat measurement: same type, another label.
        Dataset repeat = Dataset(p.allocateId(), Technique::Bet, "isotherm", "CS repeat", first->columns(),
                                 first->metadata(), first->provenance())
                             .withLabel("repeat");
        p.undoStack()->push(new ImportDatasetsCommand(&p, cs->id, {repeat}));
        QCOMPARE(ensureDefaultRuns(p).size(), size_t(1));
        computeStaleRunsNow(p);
        const AnalysisRun* r1 = p.runFor(first->id(), "bet");
        const AnalysisRun* r2 = p.runFor(repeat.id(), "bet");
        QVERIFY(r1 && r2);
        QCOMPARE(r2->status, RunStatus::Ok);
        QCOMPARE(resultValue(r2->result, "bet.area_m2_g").toDouble(),
                 resultValue(r1->result, "bet.area_m2_g").toDouble());
        const auto inputs = figureInputs(p, *analysisById("bet"), {first->id(), repeat.id()});
        QCOMPARE(inputs.size(), size_t(2));
        QVERIFY2(inputs[1].legend.contains("repeat"), qPrintable(inputs[1].legend));
        const FigureSpec f = analysisFigure(p, *analysisById("bet"), "isotherm", {first->id(), repeat.id()});
        QVERIFY(f.series.size() >= 2);
        // Undo the import: the dataset and its run go.
        p.undoStack()->undo();
        QVERIFY(!p.dataset(repeat.id()));
        QVERIFY(!p.runFor(repeat.id(), "bet"));
    }

    void schemaOneOpensWithoutWritingAndMigratesOnSave()
    {
        const QString src = QStringLiteral(VANADIS_SOURCE_DIR "/tests/data/schema-v1.vanadis");
        const QString file = path("v1.vanadis");
        QFile::remove(file);
        QVERIFY(QFile::copy(src, file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray hash = fileHash(file);
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
            const Project& p = (*doc)->project();
            const Dataset* xrd = p.datasetsOf(p.sampleByName("CS")->id, Technique::Xrd).front();
            QCOMPARE(xrd->type(), QString("xrd_pattern"));
            QCOMPARE(xrd->label(), QString());
            const Dataset* tga = p.datasetsOf(p.sampleByName("WCS")->id, Technique::Tga).front();
            QCOMPARE(tga->type(), QString("tga_curve"));
        }
        QCOMPARE(fileHash(file), hash); // opening wrote nothing
        QCOMPARE(userVersion(file), 1);
        {
            auto doc = ProjectDocument::open(file);
            QVERIFY(doc);
            Project& p = (*doc)->project();
            ensureDefaultRuns(p);
            computeStaleRunsNow(p);
            QVERIFY((*doc)->save().has_value());
        }
        QCOMPARE(userVersion(file), ProjectStore::kSchemaVersion); // schema 1 → 2 → 3 in one save
        auto doc = ProjectDocument::open(file);
        QVERIFY2(doc, doc ? "" : doc.error().message().c_str());
        const Project& p = (*doc)->project();
        QVERIFY(p.sampleByName("CS")->startOxide.isEmpty()); // schema 3: composition not stated
        QCOMPARE(p.datasetsOf(p.sampleByName("CS")->id, Technique::Xrd).front()->type(),
                 QString("xrd_pattern"));
        const Dataset* tga = p.datasetsOf(p.sampleByName("WCS")->id, Technique::Tga).front();
        QCOMPARE(tga->type(), QString("tga_curve"));
        QVERIFY(
            p.runFor(tga->id(), "tga")); // a run (failed: three points are no TGA curve) came with the save
        QCOMPARE(p.runFor(tga->id(), "tga")->inputs.front().datasetId, tga->id());
    }

    void legacyKindsSplitIntoTypeAndLabel_data()
    {
        QTest::addColumn<int>("technique");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("label");
        QTest::newRow("xps region") << int(Technique::Xps) << "V 2p"
                                    << "xps_region"
                                    << "V 2p";
        QTest::newRow("cycling") << int(Technique::Echem) << "cycling_10Ag"
                                 << "cycling_record" << QString::fromUtf8("10 A g⁻¹");
        QTest::newRow("pattern") << int(Technique::Xrd) << "pattern"
                                 << "xrd_pattern"
                                 << "";
        QTest::newRow("mass") << int(Technique::Tga) << "mass"
                              << "tga_curve"
                              << "";
        QTest::newRow("generic bet") << int(Technique::Bet) << "data"
                                     << "isotherm"
                                     << "";
        QTest::newRow("unknown echem") << int(Technique::Echem) << "chrono"
                                       << "data"
                                       << "chrono";
        QTest::newRow("known type") << int(Technique::Echem) << "eis"
                                    << "eis"
                                    << "";
    }

    void legacyKindsSplitIntoTypeAndLabel()
    {
        QFETCH(int, technique);
        QFETCH(QString, kind);
        const DatasetTypeLabel tl = normalizeDatasetType(Technique(technique), kind);
        QTEST(tl.type, "type");
        QTEST(tl.label, "label");
    }

    void removingAReferencedDatasetMakesTheRunStaleAndUndoRestoresIt()
    {
        Project p;
        populateDemoProject(p);
        const Sample* cs = p.sampleByName("CS");
        const auto ds = p.datasetsOf(cs->id, Technique::Tga);
        const Dataset* tga = ds.front();
        const Dataset* other = p.datasetsOf(cs->id, Technique::Xrd).front();
        AnalysisRun r = *p.runFor(tga->id(), "tga");
        r.inputs.push_back({QStringLiteral("blank"), other->id()});
        p.upsertRun(r);
        p.undoStack()->push(new RemoveDatasetCommand(&p, other->id()));
        QCOMPARE(p.run(r.id)->status, RunStatus::Stale);
        QVERIFY(!p.run(r.id)->message.isEmpty());
        p.undoStack()->undo();
        QCOMPARE(p.run(r.id)->status, RunStatus::Ok);
        QCOMPARE(p.run(r.id)->inputs.size(), size_t(2));
    }

    void parameterTypesAreChecked()
    {
        ParamSpec range;
        range.key = "window";
        range.type = ParamSpec::Type::Range;
        range.min = 0.0;
        range.max = 1.0;
        ParamSpec table;
        table.key = "components";
        table.type = ParamSpec::Type::Table;
        table.columns = {numberParam("center_ev", "Centre", "eV", 0.0, 0.0, 2000.0),
                         boolParam("fixed", "Fixed", false)};
        ParamSpec ref;
        ref.key = "blank_dataset";
        ref.type = ParamSpec::Type::DatasetRef;
        ref.defaultValue = QJsonValue();
        ParamSpec circuit;
        circuit.key = "circuit";
        circuit.type = ParamSpec::Type::Text;
        circuit.defaultValue = "R0-p(R1,C1)";
        circuit.validator = [](const QString& t) -> std::optional<QString> {
            return t.count('(') == t.count(')') ? std::nullopt
                                                : std::optional<QString>("unbalanced parentheses");
        };
        const ParamSchema schema{range, table, ref, circuit};
        auto ok = applySchema(schema, {{"window", QJsonArray{0.05, 0.3}},
                                       {"components", QJsonArray{QJsonObject{{"center_ev", 517.0}}}},
                                       {"blank_dataset", 12},
                                       {"circuit", "R0-p(R1,CPE1)"}});
        QVERIFY2(ok, ok ? "" : ok.error().message().c_str());
        QCOMPARE((*ok)["components"].toArray()[0].toObject()["fixed"].toBool(),
                 false); // row defaults filled in
        auto bad = [&](const QJsonObject& o, const char* expect) {
            auto r = applySchema(schema, o);
            QVERIFY2(!r, expect);
            QVERIFY2(QString::fromStdString(r.error().message()).contains(expect),
                     r.error().message().c_str());
        };
        bad({{"window", QJsonArray{0.3, 0.05}}}, "from < to");
        bad({{"window", QJsonArray{0.05, 1.3}}}, "outside");
        bad({{"components", QJsonArray{QJsonObject{{"center_ev", "x"}}}}}, "row 1");
        bad({{"components", QJsonArray{QJsonObject{{"width", 1.0}}}}}, "unknown parameter");
        bad({{"blank_dataset", 1.5}}, "dataset id");
        bad({{"circuit", "R0-p(R1,C1"}}, "unbalanced");
    }

    void aBlankRunIsAReferencedInput()
    {
        Project p;
        populateDemoProject(p);
        const Sample* cs = p.sampleByName("CS");
        const Dataset* run = p.datasetsOf(cs->id, Technique::Tga).front();
        // An empty crucible: 12 mg, a slight buoyancy gain, same temperatures.
        const Column* t = run->column("Temperature");
        const Column* time = run->column("Time");
        QVERIFY(t && time);
        std::vector<double> mass;
        for (double T : t->values)
            mass.push_back(12.0 + 4e-5 * (T - t->values.front()));
        Dataset blank(p.allocateId(), Technique::Tga, "tga_curve", "blank",
                      {*time, *t, Column{"Mass", "mg", mass}}, {}, run->provenance());
        blank = blank.withLabel("blank");
        p.undoStack()->push(new ImportDatasetsCommand(&p, cs->id, {blank}));
        AnalysisRun r = *p.runFor(run->id(), "tga");
        r.params.insert("blank_dataset", double(blank.id()));
        const RunOutcome o = computeRunNow(p, r);
        QVERIFY2(o.status == RunStatus::Ok, qPrintable(o.message));
        QCOMPARE(o.result.value("mass_correction").toString(), QString("blank"));
        QVERIFY(o.result.value("carbon_wt_pct").isDouble());
        // The blank is an input of the run (removing it turns the run stale, as for any input).
        p.upsertRun(r);
        QVERIFY(runInputs(p, *p.run(r.id)).has_value());
        QCOMPARE(runInputs(p, *p.run(r.id))->references.count(blank.id()), size_t(1));
    }

    void typedParametersComeFromTheTable()
    {
        struct Component {
            double centerEv;
            bool fixed;
        };
        struct Params {
            double widthNm;
            int points;
            QString mode;
            std::optional<double> cursorC;
            std::optional<ParamRange> window;
            std::optional<Id> blank;
            std::vector<Component> components;
        };
        ParamTable<Component> row;
        row.field(&Component::centerEv, numberParam("center_ev", "Centre", "eV", 0.0, 0.0, 2000.0));
        row.field(&Component::fixed, boolParam("fixed", "Fixed", false));
        ParamSpec cursor = numberParam("cursor_c", "Cursor", "°C", 0.0, -300.0, 3000.0);
        cursor.optional = true;
        cursor.defaultValue = QJsonValue();
        ParamSpec window;
        window.key = "window";
        window.type = ParamSpec::Type::Range;
        window.min = 0.0;
        window.max = 1.0;
        ParamSpec blank;
        blank.key = "blank_dataset";
        blank.type = ParamSpec::Type::DatasetRef;
        ParamSpec components;
        components.key = "components";
        components.type = ParamSpec::Type::Table;
        components.defaultValue = QJsonArray();
        ParamTable<Params> t;
        t.field(&Params::widthNm, numberParam("width_nm", "Width", "nm", 2.5, 0.0, 10.0));
        t.field(&Params::points, integerParam("points", "Points", {}, 11, 3, 100));
        t.field(&Params::mode, choiceParam("mode", "Mode", {"a", "b"}, "b"));
        t.field(&Params::cursorC, cursor);
        t.field(&Params::window, window);
        t.field(&Params::blank, blank);
        t.table(&Params::components, components, row);

        // Defaults come from the table (the struct declares none).
        const Params d = t.defaults();
        QCOMPARE(d.widthNm, 2.5);
        QCOMPARE(d.points, 11);
        QCOMPARE(d.mode, QString("b"));
        QVERIFY(!d.cursorC && !d.window && !d.blank && d.components.empty());
        // Given JSON reaches the members; table rows get their defaults.
        auto p = t.read({{"width_nm", 1.25},
                         {"cursor_c", 420.0},
                         {"window", QJsonArray{0.05, 0.3}},
                         {"blank_dataset", 12},
                         {"components", QJsonArray{QJsonObject{{"center_ev", 517.0}}}}});
        QVERIFY2(p, p ? "" : p.error().message().c_str());
        QCOMPARE(p->widthNm, 1.25);
        QCOMPARE(p->cursorC.value_or(-1), 420.0);
        QVERIFY(p->window && p->window->from == 0.05 && p->window->to == 0.3);
        QCOMPARE(p->blank.value_or(0), Id(12));
        QCOMPARE(int(p->components.size()), 1);
        QCOMPARE(p->components[0].centerEv, 517.0);
        QCOMPARE(p->components[0].fixed, false);
        // write() is what applySchema stores, so a run's parameters round-trip exactly.
        auto stored = applySchema(t.schema(), t.write(*p));
        QVERIFY(stored);
        QCOMPARE(*stored, t.write(*p));
        QCOMPARE(t.write(*t.read(*stored)), *stored);
        // The schema still refuses what it refused.
        QVERIFY(!t.read({{"points", 2}}));
        QVERIFY(!t.read({{"unknown", 1}}));
        // A member bound to a spec of another type is caught when the table is used.
        ParamTable<Params> wrong;
        wrong.field(&Params::points, numberParam("points", "Points", {}, 1.0, 0.0, 2.0));
        auto r = wrong.read({});
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error().message()).contains("points"), r.error().message().c_str());
    }

    void everyAnalysisReadsItsDefaultsThroughItsTable()
    {
        // The analyses' own tables: the defaults they compute with are the ones the schema states.
        for (const AnalysisDescriptor* a : analyses()) {
            auto defaults = applySchema(a->params(), {});
            QVERIFY2(defaults, qPrintable(a->id));
        }
        const BetParams bet = betParamTable().defaults();
        QCOMPARE(bet.minPoints, applySchema(betSchema(), {})->value("min_points").toInt());
        QCOMPARE(bet.thickness, QString("harkins_jura"));
        const TgaParams tga = tgaParamTable().defaults();
        QCOMPARE(tga.dryBelowC, 150.0);
        QVERIFY(!tga.massChangeFromC && !tga.residueAtC);
        QCOMPARE(tgaParamTable().write(tga), *applySchema(tgaSchema(), {}));
    }

    void typedResultsComeFromTheTable()
    {
        struct Result {
            Measured area;
            double r2 = std::nan("");
            int points = 0;
            std::optional<double> vendor;
            QJsonObject parameters;
        };
        ResultTable<Result> t;
        t.measured(&Result::area, "bet.area_m2_g", "bet.area_err", "BET area", "m² g⁻¹").headline("Area");
        t.value(&Result::r2, "bet.r2", "R²").significant(6);
        t.value(&Result::points, "n_points", "Points");
        t.value(&Result::vendor, "vendor_area_m2_g", "Vendor area");
        t.value(&Result::parameters, "parameters", "Fitted parameters");
        // The declaration is the output table: paths, error path, headline, digits.
        QCOMPARE(t.outputs().size(), std::size_t(5));
        QCOMPARE(t.outputs()[0].errorPath, QString("bet.area_err"));
        QVERIFY(t.outputs()[0].headline && t.outputs()[0].shortLabel == "Area");
        QCOMPARE(t.outputs()[1].significant, 6);

        // Written into the detail the compute function made: nested paths merge into its objects.
        Result r;
        r.area = {62.97, 0.08};
        r.r2 = 0.99991;
        r.points = 11;
        r.parameters = {{"k", QJsonObject{{"value", 2.0}}}};
        QJsonObject out{{"bet", QJsonObject{{"p_range", QJsonArray{0.05, 0.3}}}}};
        QVERIFY(t.write(r, out));
        QCOMPARE(resultValue(out, "bet.area_m2_g").toDouble(), 62.97);
        QCOMPARE(resultValue(out, "bet.area_err").toDouble(), 0.08);
        QVERIFY(resultValue(out, "bet.p_range").isArray());
        QVERIFY(out.contains("vendor_area_m2_g") && out.value("vendor_area_m2_g").isNull());
        // Read back, the struct is what was written (a stored run read by another analysis).
        const Result back = t.read(out);
        QCOMPARE(back.area.value, 62.97);
        QCOMPARE(back.area.err, 0.08);
        QCOMPARE(back.points, 11);
        QVERIFY(!back.vendor);
        QCOMPARE(back.parameters, r.parameters);

        // A declared key the compute function also wrote is refused, naming it: one writer per key.
        QJsonObject twice{{"n_points", 3}};
        auto w = t.write(r, twice);
        QVERIFY(!w);
        QVERIFY2(QString::fromStdString(w.error().message()).contains("n_points"),
                 w.error().message().c_str());
        // An unavailable value below a section the compute function left out stays out.
        Result empty;
        QJsonObject noBet{{"bet", QJsonValue::Null}};
        QVERIFY(t.write(empty, noBet));
        QVERIFY(noBet.value("bet").isNull());
        QVERIFY(resultValue(noBet, "bet.area_m2_g").isNull());

        // The analyses' own tables are their outputs, and a stored demo result reads back typed.
        QCOMPARE(analysisById("bet")->outputs().size(), betResultTable().outputs().size());
        Project p;
        populateDemoProject(p);
        for (const auto& [id, run] : p.allRuns()) {
            if (run.analysisId == "tga") {
                const TgaResult tga = tgaResultTable().read(run.result);
                QVERIFY2(tga.carbonWtPct.value > 10.0 && tga.carbonWtPct.err > 0.0,
                         qPrintable(QString::number(tga.carbonWtPct.value)));
            }
        }
    }

    void tgaCarbonFollowsTheSampleComposition()
    {
        Project p;
        populateDemoProject(p);
        const Sample* hmcs = p.sampleByName("HMCS");
        const Dataset* tga = p.datasetsOf(hmcs->id, Technique::Tga).front();
        const AnalysisRun* run = p.runFor(tga->id(), "tga");
        QVERIFY(run && run->status == RunStatus::Ok);
        // The demo states V2O3 → V2O5 on the sample, not on the run: the run reads it from there.
        QCOMPARE(run->params.value("start_oxide").toString(), QString("sample"));
        QCOMPARE(run->result.value("start_oxide_source").toString(), QString("sample"));
        const double carbon = run->result.value("carbon_wt_pct").toDouble();
        VERIFY_NEAR(carbon, 16.75, 0.1);
        // The same as naming the oxides on the run.
        auto explicitRun =
            computeTga(*tga, {{"start_oxide", "V2O3"}, {"residue", "V2O5"}, {"buoyancy_pct_per_100k", 0.0}});
        QVERIFY(explicitRun);
        QCOMPARE(explicitRun->value("carbon_wt_pct").toDouble(), carbon);

        // A sample that states no composition: the run goes stale, and recomputed gives no carbon and says
        // where to enter it; the cycling runs that read this carbon go stale in turn.
        Sample edited = *hmcs;
        edited.startOxide.clear();
        edited.residueOxide.clear();
        p.updateSample(edited);
        const auto marked = markSampleDependentRunsStale(p, hmcs->id);
        QVERIFY(std::find(marked.begin(), marked.end(), run->id) != marked.end());
        computeStaleRunsNow(p);
        run = p.runFor(tga->id(), "tga");
        QCOMPARE(run->status, RunStatus::Ok);
        QVERIFY(run->result.value("carbon_wt_pct").isNull());
        bool told = false;
        for (const QJsonValue& w : run->result.value("warnings").toArray())
            told = told || w.toString().contains("sample panel");
        QVERIFY2(told, "no warning naming the sample panel");
        // Stated again: the carbon comes back.
        edited.startOxide = "V2O3";
        edited.residueOxide = "V2O5";
        p.updateSample(edited);
        markSampleDependentRunsStale(p, hmcs->id);
        computeStaleRunsNow(p);
        VERIFY_NEAR(p.runFor(tga->id(), "tga")->result.value("carbon_wt_pct").toDouble(), carbon, 1e-12);
    }

    void undoTextSaysWhatChanged()
    {
        const AnalysisDescriptor& bet = *analysisById("bet");
        QJsonObject a = effectiveParams(bet, {});
        QJsonObject b = a;
        b["p_min"] = 0.05;
        b["p_max"] = 0.2;
        const QString text = describeParamChange(bet, a, b);
        QVERIFY2(text.contains("BET window") &&
                     text.contains(QString::fromUtf8("automatic–automatic → 0.05–0.2")),
                 qPrintable(text));
        QJsonObject c = a;
        c["bjh_branch"] = "desorption";
        QVERIFY2(describeParamChange(bet, a, c).contains(QString::fromUtf8("adsorption → desorption")),
                 qPrintable(describeParamChange(bet, a, c)));
    }

    void valuesAreRoundedAsAChemistWritesThem_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("error");
        QTest::addColumn<QString>("text");
        QTest::newRow("one digit of a 5-led error")
            << 62.96388 << 0.0539 << QString::fromUtf8("62.96 ± 0.05");
        QTest::newRow("one digit of a 6-led error") << 151.52 << 0.6 << QString::fromUtf8("151.5 ± 0.6");
        QTest::newRow("integer places") << 1234.4 << 25.0 << QString::fromUtf8("1234 ± 25");
        QTest::newRow("carbon") << 15.51697 << 0.0151856 << QString::fromUtf8("15.517 ± 0.015");
        QTest::newRow("no uncertainty") << 0.2598160 << std::nan("") << QString("0.2598");
    }

    void valuesAreRoundedAsAChemistWritesThem()
    {
        QFETCH(double, value);
        QFETCH(double, error);
        QTEST(formatWithUncertainty(value, error), "text");
    }

    // Last: it registers an analysis that every later ensureDefaultRuns() would also see.
    void aRecordImportedAfterTheSeriesMakesItStale()
    {
        // xrd_series takes its sample's cycling record while `cycling_dataset` is empty
        // (ParamSpec::sampleDefault): the sample gaining or losing such a record changes its inputs.
        Project p;
        populateDemoProject(p);
        const Sample* cs = p.sampleByName("CS");
        QVERIFY(cs);
        const AnalysisRun* series = nullptr;
        for (const auto& [id, r] : p.allRuns())
            if (r.analysisId == QLatin1String("xrd_series")) series = &r;
        QVERIFY(series);
        const Id runId = series->id;
        QCOMPARE(series->status, RunStatus::Ok);
        QVERIFY(series->params.value("cycling_dataset").isNull());
        const Id recordId = Id(series->result.value("cycling").toObject().value("dataset").toDouble());
        QVERIFY(p.dataset(recordId));
        // What the run read is kept with its result.
        QVERIFY(series->result.value("sample_references")
                    .toObject()
                    .value("cycling_dataset")
                    .toArray()
                    .contains(double(recordId)));
        const Dataset kept = *p.dataset(recordId);
        auto voltages = [&] {
            int n = 0;
            for (const QJsonValue& s : p.run(runId)->result.value("scans").toArray())
                n += s.toObject().value("voltage_v").isDouble();
            return n;
        };
        QVERIFY(voltages() > 10);

        ComputeService service;
        service.setProject(&p);
        p.undoStack()->push(new RemoveDatasetCommand(&p, recordId));
        QCOMPARE(p.run(runId)->status, RunStatus::Stale);
        QVERIFY(!p.run(runId)->message.isEmpty());
        service.request(runId);
        QVERIFY(service.waitForIdle(60000));
        QCOMPARE(p.run(runId)->status, RunStatus::Ok);
        QVERIFY(p.run(runId)->result.value("cycling").isNull());
        QCOMPARE(voltages(), 0);

        // A dataset of another type leaves the run as it is.
        const Dataset* tga = p.datasetsOf(cs->id, Technique::Tga).front();
        p.undoStack()->push(
            new ImportDatasetsCommand(&p, cs->id,
                                      {Dataset(p.allocateId(), tga->technique(), tga->type(), tga->name(),
                                               tga->columns(), tga->metadata(), tga->provenance())}));
        QCOMPARE(p.run(runId)->status, RunStatus::Ok);

        // The record imported later: stale, and recomputing (not a cached result) gives the voltages.
        const Id newId = p.allocateId();
        p.undoStack()->push(
            new ImportDatasetsCommand(&p, cs->id,
                                      {Dataset(newId, kept.technique(), kept.type(), kept.name(),
                                               kept.columns(), kept.metadata(), kept.provenance())
                                           .withLabel(kept.label())}));
        QCOMPARE(p.run(runId)->status, RunStatus::Stale);
        service.request(runId);
        QVERIFY(service.waitForIdle(60000));
        QCOMPARE(p.run(runId)->status, RunStatus::Ok);
        QCOMPARE(Id(p.run(runId)->result.value("cycling").toObject().value("dataset").toDouble()), newId);
        QVERIFY(voltages() > 10);

        // Without a ComputeService (CLI, scripts): the same check, called directly.
        service.setProject(nullptr);
        p.undoStack()->undo(); // the record goes again
        QCOMPARE(p.run(runId)->status, RunStatus::Ok);
        const std::vector<Id> marked = markSampleDependentRunsStale(p, cs->id);
        QVERIFY(std::find(marked.begin(), marked.end(), runId) != marked.end());
        computeStaleRunsNow(p);
        QCOMPARE(voltages(), 0);
        // A record chosen explicitly is an ordinary input: the sample's others do not matter.
        QVERIFY(sampleDefaultReferences(p, p.run(runId)->datasetId(), *analysisById("xrd_series"),
                                        QJsonObject{{"cycling_dataset", 5.0}})
                    .isEmpty());
    }

    void anAnalysisOverSeveralInputsGetsOneRunPerSample()
    {
        static AnalysisDescriptor multi = [] {
            AnalysisDescriptor a;
            a.id = "test_several";
            a.technique = Technique::Bet;
            a.name = "several isotherms";
            a.input.types = {"isotherm"};
            a.input.multiple = true;
            a.params = [] { return ParamSchema{}; };
            a.outputs = [] { return std::vector<OutputSpec>{}; };
            a.figures = [] { return std::vector<FigureDecl>{}; };
            a.compute = [](const ComputeInputs& in, const QJsonObject&,
                           ComputeControl&) -> Expected<QJsonObject> {
                QJsonArray ids;
                for (const Dataset& d : in.main)
                    ids.append(double(d.id()));
                return QJsonObject{{"inputs", ids}};
            };
            a.buildFigure = [](const QString&, const std::vector<FigureInput>&) { return FigureSpec{}; };
            return a;
        }();
        registerExtraAnalysis(&multi);
        Project p;
        populateDemoProject(p); // runs ensureDefaultRuns: one run per sample with its isotherm
        const Sample* cs = p.sampleByName("CS");
        const Dataset* first = p.datasetsOf(cs->id, Technique::Bet).front();
        const AnalysisRun* before = p.runFor(first->id(), multi.id);
        QVERIFY(before);
        QCOMPARE(int(before->inputs.size()), 1);
        const Id runId = before->id;
        Dataset second = Dataset(p.allocateId(), Technique::Bet, "isotherm", "CS second", first->columns(),
                                 first->metadata(), first->provenance())
                             .withLabel("second");
        p.undoStack()->push(new ImportDatasetsCommand(&p, cs->id, {second}));
        // The new isotherm joins the sample's run (no second run), which becomes stale.
        const std::vector<Id> touched = ensureDefaultRuns(p);
        QVERIFY(std::find(touched.begin(), touched.end(), runId) != touched.end());
        const AnalysisRun* run = p.runFor(second.id(), multi.id);
        QVERIFY(run);
        QCOMPARE(run->id, runId);
        QCOMPARE(p.runFor(first->id(), multi.id)->id, runId);
        QCOMPARE(int(run->inputs.size()), 2);
        QCOMPARE(run->status, RunStatus::Stale);
        // BET, an analysis of one input, still gets a run of its own for the new isotherm.
        QVERIFY(p.runFor(second.id(), "bet") && p.runFor(second.id(), "bet") != p.runFor(first->id(), "bet"));
        computeStaleRunsNow(p);
        run = p.run(runId);
        QCOMPARE(run->status, RunStatus::Ok);
        QCOMPARE(run->result.value("inputs").toArray(),
                 (QJsonArray{double(first->id()), double(second.id())}));
        // The default run of a dataset covers every accepted dataset of its sample, in order.
        const AnalysisRun d = defaultRun(p, multi, second.id());
        QCOMPARE(int(d.inputs.size()), 2);
        QCOMPARE(d.inputs[0].datasetId, first->id());
    }
};

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
