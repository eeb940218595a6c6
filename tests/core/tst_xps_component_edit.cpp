// The XPS component edits of the fit plot at the analysis level (XpsComponentEdit.h through the figure's
// point binding and PointEditing.h, no widget): a preset shows a marker per component centre, tied ones
// linked; dragging a free centre of the study preset gives the custom model "Start from preset" gives
// with only that centre (and its bounds) moved — every other row, the shared parameters, ratios and
// differences identical — and, unmoved, exactly the preset's fit; a tied centre does not move. Adding at
// a binding energy appends a singlet of the nearest line's shape with its neighbours' mean width;
// removing it gives the preset's rows back; removing a doublet line takes its tied partner, the ratio
// and the difference naming it; the last component stays. The C 1s preset, whose C–C start follows the
// data maximum, converts to the rows its fit started from (start_rows of the result).
#include "analysis/AnalysisRegistry.h"
#include "analysis/PointEditing.h"
#include "analysis/xps/XpsAnalysis.h"
#include "analysis/xps/XpsComponentEdit.h"
#include "numeric/sim/SimUtil.h"
#include "numeric/sim/Xps.h"
#include "numeric/xps/XpsPresets.h"

#include "../VerifyNear.h"
#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

Dataset regionDataset(const sim::SimDataset& s, const QString& label)
{
    std::vector<Column> cols;
    for (const auto& c : s.columns)
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
    Dataset d(1, Technique::Xps, QStringLiteral("xps_region"), label, cols, {}, {});
    return d.withLabel(label);
}

Dataset vanadiumOxygen()
{
    sim::XpsRegionParams p = sim::studyVanadiumOxygenRegion();
    p.shirleyPerEv = 0.05;
    p.scans = 20;
    p.dwellTimeS = 0.2;
    p.seed = 7;
    return regionDataset(sim::simulateXps(p), QStringLiteral("V 2p"));
}

const PointBinding& binding()
{
    static const PointBinding b = xpsAnalysis().figure("xps_fit")->points.at(0);
    return b;
}

QJsonObject fitRegion(const Dataset& d, const QJsonObject& params)
{
    ComputeInputs in;
    in.main.push_back(d);
    ComputeControl control;
    auto r = computeAnalysis(xpsAnalysis(), in, params, control);
    if (!r) qWarning("fit failed: %s", r.error().message().c_str());
    return r ? *r : QJsonObject();
}

QJsonObject component(const QJsonObject& result, const QString& name)
{
    for (const QJsonValue& c : result.value("components").toArray())
        if (c.toObject().value("name").toString() == name) return c.toObject();
    return {};
}

int rowOf(const QJsonObject& params, const QString& name)
{
    const QJsonArray rows = params.value("components").toArray();
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].toObject().value("name").toString() == name) return i;
    return -1;
}

/// The study preset as "Start from preset" writes it.
QJsonObject presetTables()
{
    return xpsRowsToJson(xpsRowsFromModel(*xps::preset("study_v2p_o1s")));
}

} // namespace

class TestXpsComponentEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetShowsCentresWithTiedOnesLinked()
    {
        const QJsonObject params = effectiveParams(xpsAnalysis(), {});
        QCOMPARE(params.value("model").toString(), QStringLiteral("study_v2p_o1s"));
        const std::vector<PointMarker> m = pointMarkers(binding(), params, {});
        const QJsonArray rows = presetTables().value("components").toArray();
        QCOMPARE(m.size(), std::size_t(rows.size()));
        QCOMPARE(m.size(), std::size_t(7));
        int linked = 0;
        for (std::size_t i = 0; i < m.size(); ++i) {
            const QJsonObject r = rows[int(i)].toObject();
            QCOMPARE(m[i].linked, !r.value("tie_center").toString().isEmpty());
            VERIFY_NEAR(m[i].x, r.value("center").toDouble(), 1e-9);
            QVERIFY(!m[i].tip.isEmpty());
            linked += m[i].linked;
        }
        QCOMPARE(linked, 4); // V3_b, V2_b (2p1/2 lines), O vacancy, C–O (offsets from the lattice line)
        VERIFY_NEAR(m[size_t(rowOf(presetTables(), "V3_b"))].x, 517.7 + 7.1, 1e-9);
    }

    void dragInPresetGivesCustomModelWithMovedCentre()
    {
        const QJsonObject params = effectiveParams(xpsAnalysis(), {});
        const QJsonObject preset = presetTables();
        const int v3a = rowOf(preset, "V3_a");
        QVERIFY(v3a >= 0);
        auto edit = pointMoved(binding(), params, {}, v3a, 517.9);
        QVERIFY2(edit, edit ? "" : edit.error().message().c_str());
        QVERIFY2(edit->text.contains("V3_a") && edit->text.contains("custom"), qPrintable(edit->text));
        const QJsonObject& out = edit->params;
        QCOMPARE(out.value("model").toString(), QStringLiteral("custom"));
        // Every other parameter as it was.
        for (auto it = params.begin(); it != params.end(); ++it)
            if (!QStringList{"model", "components", "auxiliary", "ratios", "differences"}.contains(it.key()))
                QVERIFY2(out.value(it.key()) == it.value(), qPrintable(it.key()));
        for (const char* table : {"auxiliary", "ratios", "differences"})
            QVERIFY2(out.value(table) == preset.value(table), table);
        const QJsonArray before = preset.value("components").toArray();
        const QJsonArray after = out.value("components").toArray();
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            if (i == v3a) continue;
            QVERIFY2(after[i] == before[i], qPrintable(before[i].toObject().value("name").toString()));
        }
        QJsonObject moved = after[v3a].toObject(), was = before[v3a].toObject();
        VERIFY_NEAR(moved.value("center").toDouble(), 517.9, 1e-12);
        // The bounds keep their width around the start.
        VERIFY_NEAR(moved.value("center_lo").toDouble(), was.value("center_lo").toDouble() + 0.2, 1e-9);
        VERIFY_NEAR(moved.value("center_hi").toDouble(), was.value("center_hi").toDouble() + 0.2, 1e-9);
        for (const char* k : {"center", "center_lo", "center_hi"}) {
            moved.remove(k);
            was.remove(k);
        }
        QVERIFY(moved == was);
        // The tied 2p1/2 line follows on the plot.
        const std::vector<PointMarker> m = pointMarkers(binding(), out, {});
        VERIFY_NEAR(m[size_t(rowOf(out, "V3_b"))].x, 517.9 + 7.1, 1e-9);
        // A tied centre does not move.
        auto tied = pointMoved(binding(), params, {}, rowOf(preset, "V3_b"), 525.0);
        QVERIFY(!tied);
        QVERIFY2(QString::fromStdString(tied.error().reason).contains("V3_a_center"),
                 tied.error().reason.c_str());
    }

    void convertedPresetFitsAsThePreset()
    {
        const Dataset d = vanadiumOxygen();
        const QJsonObject params = effectiveParams(xpsAnalysis(), {});
        const QJsonObject preset = fitRegion(d, params);
        QVERIFY(!preset.isEmpty());
        const int v3a = rowOf(presetTables(), "V3_a");
        // Unmoved: the equivalent custom model, the same fit.
        auto same = pointMoved(binding(), params, preset, v3a, 517.7);
        QVERIFY(same);
        const QJsonObject custom = fitRegion(d, same->params);
        QVERIFY(!custom.isEmpty());
        VERIFY_NEAR(custom.value("chi2_reduced").toDouble(), preset.value("chi2_reduced").toDouble(), 1e-9);
        for (const QJsonValue& c : preset.value("components").toArray()) {
            const QString name = c.toObject().value("name").toString();
            VERIFY_NEAR(component(custom, name).value("position_ev").toDouble(),
                        c.toObject().value("position_ev").toDouble(), 1e-9);
            VERIFY_NEAR(component(custom, name).value("area").toDouble(),
                        c.toObject().value("area").toDouble(), 1e-6 * c.toObject().value("area").toDouble());
        }
        // Moved 0.3 eV off: the refit still finds the generated line (517.7 eV).
        auto moved = pointMoved(binding(), params, preset, v3a, 518.0);
        QVERIFY(moved);
        const QJsonObject refit = fitRegion(d, moved->params);
        QVERIFY(!refit.isEmpty());
        VERIFY_NEAR(component(refit, "V3_a").value("position_ev").toDouble(), 517.7, 0.05);
    }

    void addAtBindingEnergyAndRemove()
    {
        const QJsonObject params = effectiveParams(xpsAnalysis(), {});
        const QJsonObject preset = presetTables();
        // Between V2_b (516.4 + 7.1) and V3_b (517.7 + 7.1): both 2.2 eV × 1.3 wide.
        auto added = pointAdded(binding(), params, {}, 524.2);
        QVERIFY2(added, added ? "" : added.error().message().c_str());
        const QJsonArray rows = added->params.value("components").toArray();
        QCOMPARE(rows.size(), 8);
        const QJsonObject r = rows.last().toObject();
        QCOMPARE(r.value("name").toString(), QStringLiteral("peak1"));
        QCOMPARE(r.value("shape").toString(), QStringLiteral("gl"));
        VERIFY_NEAR(r.value("shape_param").toDouble(), 30.0, 1e-12);
        QCOMPARE(r.value("level").toString(), QStringLiteral("V 2p"));
        VERIFY_NEAR(r.value("center").toDouble(), 524.2, 1e-12);
        VERIFY_NEAR(r.value("fwhm").toDouble(), 2.2 * 1.3, 1e-9);
        QVERIFY(r.value("tie_center").toString().isEmpty());
        for (int i = 0; i < 7; ++i)
            QVERIFY(rows[i] == preset.value("components").toArray()[i]);
        QVERIFY2(added->text.contains("peak1"), qPrintable(added->text));
        QCOMPARE(pointMarkers(binding(), added->params, {}).size(), std::size_t(8));
        // Above every line: the width of the nearest one below (C–O, 1.5 eV); a second name.
        auto above = pointAdded(binding(), added->params, {}, 534.0);
        QVERIFY(above);
        const QJsonObject r2 = above->params.value("components").toArray().last().toObject();
        QCOMPARE(r2.value("name").toString(), QStringLiteral("peak2"));
        QCOMPARE(r2.value("level").toString(), QStringLiteral("O 1s"));
        VERIFY_NEAR(r2.value("fwhm").toDouble(), 1.5, 1e-9);
        // The model with the added line fits.
        QVERIFY(!fitRegion(vanadiumOxygen(), added->params).isEmpty());

        // Removing the added line gives the preset's rows back.
        auto back = pointRemoved(binding(), added->params, {}, 7);
        QVERIFY(back);
        for (const char* table : {"components", "auxiliary", "ratios", "differences"})
            QVERIFY2(back->params.value(table) == preset.value(table), table);

        // A doublet line takes its tied partner, the ratio and the difference naming it along.
        auto noV3 = pointRemoved(binding(), params, {}, rowOf(preset, "V3_a"));
        QVERIFY2(noV3, noV3 ? "" : noV3.error().message().c_str());
        QVERIFY2(noV3->text.contains("V3_b"), qPrintable(noV3->text));
        const QJsonObject& p3 = noV3->params;
        QCOMPARE(p3.value("model").toString(), QStringLiteral("custom"));
        QCOMPARE(p3.value("components").toArray().size(), 5);
        QCOMPARE(rowOf(p3, "V3_a"), -1);
        QCOMPARE(rowOf(p3, "V3_b"), -1);
        QCOMPARE(p3.value("ratios").toArray().size(), 1); // ov_fraction stays, v3_v2 goes
        QCOMPARE(p3.value("differences").toArray().size(), 0);
        QCOMPARE(p3.value("auxiliary").toArray().size(), 2); // V2 still uses the splitting and width
        QVERIFY(!fitRegion(vanadiumOxygen(), p3).isEmpty());
        // The lattice O line takes the two lines placed relative to it; their shared parameters stay.
        auto noO = pointRemoved(binding(), params, {}, rowOf(preset, "Olat"));
        QVERIFY(noO);
        QCOMPARE(noO->params.value("components").toArray().size(), 4);
        QCOMPARE(noO->params.value("ratios").toArray().size(), 1); // v3_v2
        // The 2p1/2 line alone: its 2p3/2 stays, and so do the ratio and the difference.
        auto noV3b = pointRemoved(binding(), params, {}, rowOf(preset, "V3_b"));
        QVERIFY(noV3b);
        QCOMPARE(noV3b->params.value("components").toArray().size(), 6);
        QCOMPARE(noV3b->params.value("ratios").toArray().size(), 2);
        QCOMPARE(noV3b->params.value("differences").toArray().size(), 1);
        // The last component stays.
        XpsModelRows one;
        one.components.push_back({});
        one.components.back().name = "A";
        one.components.back().shape = "gl";
        one.components.back().centerEv = 530.0;
        auto none = pointRemoved(binding(), xpsParamsWithRows(params, one), {}, 0);
        QVERIFY(!none);
    }

    void dataDependentStartsConvertAsFitted()
    {
        // C 1s charged by +1 eV: the preset's C–C start follows the maximum (≈ 285.8 eV).
        sim::XpsRegionParams p;
        p.region = "C 1s";
        p.startEv = 280.0;
        p.endEv = 295.0;
        p.components.push_back({"CC", 284.8, 1.2, 20000.0, 30.0});
        p.components.push_back({"CO", 286.0, 1.2, 4000.0, 30.0});
        p.backgroundCps = 1000.0;
        p.scans = 200;
        p.chargeShiftEv = 1.0;
        p.seed = 3;
        const Dataset d = regionDataset(sim::simulateXps(p), QStringLiteral("C 1s"));
        const QJsonObject params = effectiveParams(xpsAnalysis(), {{"model", "c1s"}});
        const QJsonObject result = fitRegion(d, params);
        QVERIFY(!result.isEmpty());
        const std::vector<PointMarker> fromResult = pointMarkers(binding(), params, result);
        QCOMPARE(fromResult.size(), std::size_t(3));
        VERIFY_NEAR(fromResult[0].x, 285.8, 0.15);
        auto same = pointMoved(binding(), params, result, 0, fromResult[0].x);
        QVERIFY(same);
        const QJsonObject custom = fitRegion(d, same->params);
        VERIFY_NEAR(custom.value("chi2_reduced").toDouble(), result.value("chi2_reduced").toDouble(), 1e-9);
        // Without a result the preset's own rows are shown (C–C at 284.8 eV).
        VERIFY_NEAR(pointMarkers(binding(), params, {})[0].x, 284.8, 1e-9);
    }
};

QTEST_MAIN(TestXpsComponentEdit)
#include "tst_xps_component_edit.moc"
