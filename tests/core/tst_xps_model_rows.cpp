// XPS models as editable rows (model "custom", `--model PATH.json`): a user's three-line model given as
// rows recovers the simulated lines (Poisson noise, Shirley step) within 0.05 eV and 3 % of area; a V 2p
// doublet written as rows with the user's tie syntax (2:1 area, shared splitting and width factor)
// gives the study preset's fit to 1e-9, the rows of every preset turn back into the same model, a
// doublet with a fixed splitting keeps it exactly; bad rows and bad model files are errors naming the
// row and column (file, line and column for malformed JSON).
#include "analysis/AnalysisRegistry.h"
#include "analysis/xps/XpsAnalysis.h"
#include "analysis/xps/XpsModelRows.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Xps.h"
#include "numeric/xps/XpsPresets.h"

#include "../VerifyNear.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

Dataset fromSim(const sim::SimDataset& s, const QString& label)
{
    std::vector<Column> cols;
    for (const auto& c : s.columns)
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
    return Dataset(1, Technique::Xps, QStringLiteral("xps_region"), label, cols, {}, {}).withLabel(label);
}

/// Three singlets of some core level (not a preset), GL(30), Shirley step, Poisson noise.
sim::SimDataset threeLines()
{
    sim::XpsRegionParams p;
    p.region = "X 1s";
    p.startEv = 396.0;
    p.endEv = 410.0;
    p.stepEv = 0.05;
    p.components.push_back({"A", 400.1, 1.2, 30000.0, 30.0});
    p.components.push_back({"B", 401.9, 1.4, 12000.0, 30.0});
    p.components.push_back({"C", 404.6, 1.6, 6000.0, 30.0});
    p.backgroundCps = 2000.0;
    p.slopeCpsPerEv = 10.0;
    p.shirleyPerEv = 0.05;
    p.scans = 200;
    p.dwellTimeS = 0.2;
    p.seed = 7;
    return sim::simulateXps(p);
}

/// V 2p + O 1s in one region (505–540 eV), the study's lines.
sim::SimDataset vo(std::uint64_t seed = 3)
{
    sim::XpsRegionParams p = sim::studyVanadiumOxygenRegion();
    p.scans = 200;
    p.dwellTimeS = 0.2;
    p.seed = seed;
    return sim::simulateXps(p);
}

QJsonObject row(const char* name, double center, double fwhm, double lo, double hi)
{
    return QJsonObject{{"name", name},    {"shape", "gl"},   {"center", center}, {"fwhm", fwhm},
                       {"center_lo", lo}, {"center_hi", hi}, {"fwhm_lo", 0.5},   {"fwhm_hi", 4.0}};
}

XpsModelRows rowsOf(const QJsonObject& o)
{
    auto r = xpsRowsFromJson(o);
    if (!r) qFatal("%s", r.error().message().c_str());
    return *r;
}

/// The study preset written by hand as a user would: doublets by ties in the table.
QJsonObject studyAsUserRows()
{
    QJsonArray c;
    auto doublet = [&](const char* base, double center, double lo, double hi) {
        const QString a = QString(base) + "_a", b = QString(base) + "_b";
        QJsonObject r = row("", center, 2.2, lo, hi);
        r["name"] = a;
        r["group"] = base;
        r["level"] = "V 2p";
        c.append(r);
        QJsonObject m = row("", center + 7.1, 2.2, lo, hi);
        m["name"] = b;
        m["group"] = base;
        m["level"] = "V 2p";
        m["tie_center"] = a + "_center + split_V2p";
        m["tie_area"] = a + "_area * 0.5";
        m["tie_fwhm"] = a + "_fwhm * width_V2p";
        c.append(m);
    };
    doublet("V3", 517.7, 516.7, 518.7);
    doublet("V2", 516.4, 515.4, 517.4);
    QJsonObject ol = row("Olat", 530.6, 1.3, 529.6, 531.6);
    ol["fwhm_hi"] = 3.0;
    QJsonObject ov = row("Ovac", 531.5, 1.5, 530.5, 532.5);
    ov["tie_center"] = "Olat_center + 0.9";
    QJsonObject co = row("OCO", 532.0, 1.5, 531.0, 533.0);
    co["tie_center"] = "Olat_center + 1.4";
    for (QJsonObject* o : {&ov, &co}) {
        (*o)["fwhm_lo"] = 0.8;
        (*o)["fwhm_hi"] = 2.5;
    }
    for (QJsonObject o : {ol, ov, co}) {
        o["level"] = "O 1s";
        c.append(o);
    }
    return QJsonObject{
        {"components", c},
        {"auxiliary",
         QJsonArray{QJsonObject{{"name", "split_V2p"}, {"value", 7.1}, {"lower", 6.9}, {"upper", 7.8}},
                    QJsonObject{{"name", "width_V2p"}, {"value", 1.3}, {"lower", 1.0}, {"upper", 1.8}}}},
        {"ratios", QJsonArray{QJsonObject{{"name", "v3_v2"}, {"numerator", "V3"}, {"denominator", "V2"}},
                              QJsonObject{{"name", "ov_fraction"},
                                          {"numerator", "Ovac"},
                                          {"denominator", "Olat, Ovac, OCO"}}}}};
}

std::string errorOf(const QJsonObject& rows)
{
    auto r = xpsRowsFromJson(rows);
    if (!r) qInfo("%s", r.error().message().c_str());
    if (!r) return r.error().message();
    auto m = xpsModelFromRows(*r);
    if (!m) qInfo("%s", m.error().message().c_str());
    return m ? std::string() : m.error().message();
}

} // namespace

class TestXpsModelRows : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    /// A user's model as rows through the registered analysis (model "custom").
    void userRowsRecoverKnownLines()
    {
        const sim::SimDataset s = threeLines();
        const AnalysisDescriptor* a = analysisById("xps");
        QVERIFY(a);
        ComputeInputs in;
        in.main.push_back(fromSim(s, "X 1s"));
        const QJsonArray comps{row("A", 400.0, 1.0, 398.0, 402.0), row("B", 402.0, 1.0, 400.5, 403.5),
                               row("C", 404.5, 1.0, 403.0, 406.0)};
        ComputeControl control;
        auto r = computeAnalysis(
            *a, in,
            QJsonObject{{"model", "custom"},
                        {"components", comps},
                        {"ratios",
                         QJsonArray{QJsonObject{{"name", "b_a"}, {"numerator", "B"}, {"denominator", "A"}}}}},
            control);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        const QJsonArray out = r->value("components").toArray();
        QCOMPARE(out.size(), 3);
        const double pos[] = {400.1, 401.9, 404.6}, area[] = {30000.0, 12000.0, 6000.0};
        for (int k = 0; k < 3; ++k) {
            const QJsonObject c = out[k].toObject();
            qInfo("line %d: position %.4f eV (truth %.2f), area %.1f (truth %.0f)", k,
                  c.value("position_ev").toDouble(), pos[k], c.value("area").toDouble(), area[k]);
            VERIFY_NEAR(c.value("position_ev").toDouble(), pos[k], 0.05);
            VERIFY_NEAR(c.value("area").toDouble(), area[k], 0.03 * area[k]);
        }
        VERIFY_NEAR(r->value("ratios").toObject().value("b_a").toDouble(), 0.4, 0.03 * 0.4);
        // The fit returns its model as rows, which give the same model again …
        auto again = xpsRowsFromJson(r->value("model_rows").toObject());
        QVERIFY(again);
        QCOMPARE(again->components.size(), std::size_t(3));
        // … with the fitted positions as start values, the areas estimated again from the data.
        VERIFY_NEAR(again->components[2].centerEv, out[2].toObject().value("position_ev").toDouble(), 1e-9);
        QVERIFY(!again->components[2].area);
        QCOMPARE(again->components[1].centerLoEv.value_or(0), 400.5);
    }

    /// The study doublets written as rows with the user tie syntax = the preset's fit; the rows of each
    /// preset give the preset back.
    void doubletRowsEqualPreset()
    {
        const sim::SimDataset s = vo();
        const auto& be = sim::column(s, "Binding Energy").values;
        const auto& y = sim::column(s, "Intensity").values;
        auto preset = xps::preset("study_v2p_o1s");
        QVERIFY(preset);
        auto ref = xps::fitXps(be, y, *preset);
        QVERIFY2(ref, ref ? "" : ref.error().message().c_str());
        auto user = xpsModelFromRows(rowsOf(studyAsUserRows()));
        QVERIFY2(user, user ? "" : user.error().message().c_str());
        auto fit = xps::fitXps(be, y, *user);
        QVERIFY2(fit, fit ? "" : fit.error().message().c_str());
        QCOMPARE(fit->components.size(), ref->components.size());
        for (std::size_t k = 0; k < ref->components.size(); ++k) {
            VERIFY_NEAR(fit->components[k].positionEv, ref->components[k].positionEv, 1e-9);
            VERIFY_NEAR(fit->components[k].area, ref->components[k].area, 1e-9 * ref->components[k].area);
            VERIFY_NEAR(fit->components[k].areaErr, ref->components[k].areaErr,
                        1e-6 * ref->components[k].areaErr);
        }
        VERIFY_NEAR(fit->ratio("v3_v2")->value, ref->ratio("v3_v2")->value, 1e-9);
        VERIFY_NEAR(fit->ratio("v3_v2")->err, ref->ratio("v3_v2")->err, 1e-6);
        // Ground truth: V 2p3/2 positions and areas.
        qInfo("V3_a %.4f eV area %.1f; V2_a %.4f eV area %.1f", fit->component("V3_a")->positionEv,
              fit->component("V3_a")->area, fit->component("V2_a")->positionEv, fit->component("V2_a")->area);
        VERIFY_NEAR(fit->component("V3_a")->positionEv, 517.7, 0.05);
        VERIFY_NEAR(fit->component("V3_a")->area, 30000.0, 0.03 * 30000.0);
        // Every preset's rows turn back into the same model (same fit on the data it is for).
        for (const std::string& key : xps::presetKeys()) {
            auto p = xps::preset(key);
            QVERIFY(p);
            auto back = xpsModelFromRows(rowsOf(xpsRowsToJson(xpsRowsFromModel(*p))));
            QVERIFY2(back, back ? "" : back.error().message().c_str());
            QCOMPARE(back->components.size(), p->components.size());
            QCOMPARE(back->auxiliary.size(), p->auxiliary.size());
            QCOMPARE(back->ratios.size(), p->ratios.size());
            QCOMPARE(back->differences.size(), p->differences.size());
            for (std::size_t k = 0; k < p->components.size(); ++k) {
                const auto &u = back->components[k], &v = p->components[k];
                QCOMPARE(u.id, v.id);
                QCOMPARE(u.group, v.group);
                QCOMPARE(u.level, v.level);
                QCOMPARE(u.center.tie, v.center.tie);
                QCOMPARE(u.area.tie, v.area.tie);
                QCOMPARE(u.fwhm.tie, v.fwhm.tie);
                QCOMPARE(u.center.lower, v.center.lower);
                QCOMPARE(u.fwhm.upper, v.fwhm.upper);
                QCOMPARE(u.extras.size(), v.extras.size());
            }
        }
        auto rt = xps::fitXps(be, y, *xpsModelFromRows(rowsOf(xpsRowsToJson(xpsRowsFromModel(*preset)))));
        QVERIFY(rt);
        for (std::size_t k = 0; k < ref->components.size(); ++k)
            VERIFY_NEAR(rt->components[k].area, ref->components[k].area, 1e-9 * ref->components[k].area);
    }

    /// A doublet with a fixed splitting (a number in the tie) and the 2:1 ratio keeps both exactly.
    void fixedSplittingDoublet()
    {
        const sim::SimDataset s = vo(11);
        QJsonObject rows = studyAsUserRows();
        QJsonArray c = rows["components"].toArray();
        for (int k : {1, 3}) {
            QJsonObject r = c[k].toObject();
            const QString a = r["name"].toString().replace("_b", "_a");
            r["tie_center"] = a + "_center + 7.1";
            c[k] = r;
        }
        rows["components"] = c;
        rows["auxiliary"] =
            QJsonArray{QJsonObject{{"name", "width_V2p"}, {"value", 1.3}, {"lower", 1.0}, {"upper", 1.8}}};
        auto m = xpsModelFromRows(rowsOf(rows));
        QVERIFY2(m, m ? "" : m.error().message().c_str());
        auto f = xps::fitXps(sim::column(s, "Binding Energy").values, sim::column(s, "Intensity").values, *m);
        QVERIFY2(f, f ? "" : f.error().message().c_str());
        VERIFY_NEAR(f->component("V3_b")->positionEv - f->component("V3_a")->positionEv, 7.1, 1e-9);
        VERIFY_NEAR(f->component("V2_b")->area / f->component("V2_a")->area, 0.5, 1e-9);
        VERIFY_NEAR(f->component("V3_a")->positionEv, 517.7, 0.05);
        VERIFY_NEAR(f->component("V2_a")->positionEv, 516.4, 0.05);
        VERIFY_NEAR(f->component("V3_a")->area, 30000.0, 0.03 * 30000.0);
        VERIFY_NEAR(f->component("Olat")->area, 40000.0, 0.03 * 40000.0);
    }

    void badRowsNameRowAndColumn()
    {
        auto with = [](std::function<void(QJsonArray&)> edit) {
            QJsonObject rows = studyAsUserRows();
            QJsonArray c = rows["components"].toArray();
            edit(c);
            rows["components"] = c;
            return rows;
        };
        auto set = [](QJsonArray& c, int k, const char* key, const QJsonValue& v) {
            QJsonObject r = c[k].toObject();
            r[key] = v;
            c[k] = r;
        };
        std::string e = errorOf(with([&](QJsonArray& c) { set(c, 1, "shape", "lorentz"); }));
        QVERIFY2(e.find("components row 2, column 'shape'") != std::string::npos, e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 2, "name", "V3_a"); }));
        QVERIFY2(e.find("components row 3, column 'name'") != std::string::npos &&
                     e.find("row 1") != std::string::npos,
                 e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 3, "tie_area", "V9_a_area*0.5"); }));
        QVERIFY2(e.find("components row 4, column 'tie_area'") != std::string::npos &&
                     e.find("V9_a_area") != std::string::npos,
                 e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 1, "tie_center", "V3_a_center + "); }));
        QVERIFY2(e.find("components row 2, column 'tie_center'") != std::string::npos, e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 0, "name", "3V"); }));
        QVERIFY2(e.find("components row 1, column 'name'") != std::string::npos, e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 4, "centre", 530.0); }));
        QVERIFY2(e.find("components row 5, column 'centre'") != std::string::npos, e.c_str());
        e = errorOf(with([&](QJsonArray& c) { set(c, 4, "center_lo", 535.0); }));
        QVERIFY2(e.find("components row 5, column 'center_lo'") != std::string::npos, e.c_str());
        QJsonObject rows = studyAsUserRows();
        rows["ratios"] = QJsonArray{QJsonObject{{"name", "x"}, {"numerator", "V4"}, {"denominator", "V2"}}};
        e = errorOf(rows);
        QVERIFY2(e.find("ratios row 1, column 'numerator'") != std::string::npos &&
                     e.find("V4") != std::string::npos,
                 e.c_str());
        // Through the analysis: custom without rows and without a preset to start from.
        const AnalysisDescriptor* a = analysisById("xps");
        ComputeInputs in;
        in.main.push_back(fromSim(threeLines(), "X 1s"));
        ComputeControl control;
        auto r = computeAnalysis(*a, in, QJsonObject{{"model", "custom"}}, control);
        QVERIFY(!r);
        QVERIFY2(r.error().message().find("components") != std::string::npos, r.error().message().c_str());
    }

    void modelFiles()
    {
        auto write = [&](const char* name, const QByteArray& text) {
            const QString p = m_dir.filePath(name);
            QFile f(p);
            f.open(QIODevice::WriteOnly);
            f.write(text);
            return p;
        };
        QJsonObject good = studyAsUserRows();
        good["background"] = "shirley";
        good["window_lo_ev"] = 508.0;
        auto ok = readXpsModelFile(write("good.json", QJsonDocument(good).toJson()));
        QVERIFY2(ok, ok ? "" : ok.error().message().c_str());
        QCOMPARE(ok->value("model").toString(), QStringLiteral("custom"));
        QCOMPARE(ok->value("background").toString(), QStringLiteral("shirley"));
        QCOMPARE(ok->value("components").toArray().size(), 7);
        // Malformed JSON: file, line and column.
        const QString bad =
            write("bad.json", "{\n  \"components\": [\n    {\"name\": \"A\",, \"center\": 1}\n  ]\n}\n");
        auto b = readXpsModelFile(bad);
        QVERIFY(!b);
        qInfo("%s", b.error().message().c_str());
        QVERIFY2(b.error().file == bad.toStdString() && b.error().location.find("line 3") == 0,
                 b.error().message().c_str());
        // A bad row inside a well-formed file: file, table, row and column.
        QJsonObject badRow = studyAsUserRows();
        QJsonArray c = badRow["components"].toArray();
        QJsonObject r = c[0].toObject();
        r["shape"] = "gauss";
        c[0] = r;
        badRow["components"] = c;
        auto br = readXpsModelFile(write("badrow.json", QJsonDocument(badRow).toJson()));
        QVERIFY(!br);
        QVERIFY2(br.error().file.find("badrow.json") != std::string::npos &&
                     br.error().location.find("components row 1, column 'shape'") != std::string::npos,
                 br.error().message().c_str());
        auto unknown = readXpsModelFile(write("key.json", R"({"component": []})"));
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().location == "key 'component'", unknown.error().message().c_str());
        auto missing = readXpsModelFile(m_dir.filePath("none.json"));
        QVERIFY(!missing);
        QVERIFY(missing.error().file.find("none.json") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestXpsModelRows)
#include "tst_xps_model_rows.moc"
