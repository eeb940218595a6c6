// In-situ XRD series beside a cycling record: scan times (from an interval and from file metadata), the
// voltage at each scan's mid-time, the line shift against voltage, and the figure with the voltage–time
// panel on the heat map's time axis. Ground truth: generated scans and an analytic voltage curve.
#include "../TempFiles.h"
#include "../VerifyNear.h"
#include "analysis/AnalysisRegistry.h"
#include "analysis/xrd/InSituTiming.h"
#include "analysis/xrd/XrdSeriesAnalysis.h"
#include "io/import/ImporterRegistry.h"
#include "model/Project.h"
#include "model/Sample.h"
#include "numeric/lineshape/LineShape.h"
#include "numeric/sim/SimUtil.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace vanadis;

namespace {

/// The generated cell: 10 min at 2.9 V, then a slightly curved discharge to 1.5 V over 2 h and a charge to
/// 4.0 V over 2 h (h, V).
double cellVoltage(double tH)
{
    const double rest = 10.0 / 60.0;
    if (tH <= rest) return 2.9;
    if (tH <= rest + 2.0) {
        const double u = (tH - rest) / 2.0;
        return 2.9 - 1.4 * u + 0.08 * std::sin(M_PI * u);
    }
    const double u = std::min(1.0, (tH - rest - 2.0) / 2.0);
    return 1.5 + 2.5 * u - 0.06 * std::sin(M_PI * u);
}

/// The (012)-like line moves 0.12° per volt (lower angle at lower voltage, i.e. on sodiation).
constexpr double kShiftPerVolt = 0.12;
double linePosition(double voltage)
{
    return 24.30 + kShiftPerVolt * (voltage - 2.9);
}

/// A record sampled every 47 s from 0 to \a untilH (so the scans' mid-times fall between its points).
Dataset record(Id id, double untilH, const QJsonObject& meta = {})
{
    std::vector<double> t, v, i;
    for (double s = 0.0; s <= untilH * 3600.0 + 1e-9; s += 47.0) {
        t.push_back(s);
        v.push_back(cellVoltage(s / 3600.0));
        i.push_back(s < 600.0 ? 0.0 : s < 600.0 + 7200.0 ? -0.15 : 0.15);
    }
    return Dataset(id, Technique::Echem, QStringLiteral("cycling_record"), QStringLiteral("in-situ cell"),
                   {{QStringLiteral("Time"), QStringLiteral("s"), t},
                    {QStringLiteral("Voltage"), QStringLiteral("V"), v},
                    {QStringLiteral("Current"), QStringLiteral("mA"), i}},
                   meta, Provenance{});
}

/// A pattern with the moving line at \a centre and a still one at 27.5°, Poisson noise.
std::vector<double> pattern(double centre, sim::Rng& rng, std::vector<double>& x)
{
    x.clear();
    std::vector<double> y;
    for (int i = 0; i <= 1000; ++i) {
        const double t = 21.0 + 0.01 * i;
        const std::vector<double> moving{centre, 0.15, 0.5}, still{27.50, 0.17, 0.5};
        const double v = 300.0 + 400.0 * lineshape::density(lineshape::Shape::PseudoVoigt, t, moving) +
                         250.0 * lineshape::density(lineshape::Shape::PseudoVoigt, t, still);
        x.push_back(t);
        y.push_back(rng.poisson(v));
    }
    return y;
}

constexpr int kScans = 20;
constexpr double kIntervalMin = 12.0, kOffsetMin = 5.0;
double midTimeH(int k)
{
    return (kOffsetMin + kIntervalMin * (k + 0.5)) / 60.0;
}

/// Scans without time metadata, line positions following the cell voltage at each scan's mid-time.
std::vector<Dataset> scans()
{
    sim::Rng rng(77);
    std::vector<Dataset> out;
    for (int k = 0; k < kScans; ++k) {
        std::vector<double> x;
        std::vector<double> y = pattern(linePosition(cellVoltage(midTimeH(k))), rng, x);
        out.emplace_back(Id(100 + k), Technique::Xrd, QStringLiteral("xrd_pattern"),
                         QStringLiteral("scan %1").arg(k + 1),
                         std::vector<Column>{{QStringLiteral("2Theta"), QStringLiteral("deg"), x},
                                             {QStringLiteral("Intensity"), QStringLiteral("counts"), y}},
                         QJsonObject{{"wavelength_angstrom", 1.5406}}, Provenance{});
    }
    return out;
}

QJsonObject timedParams(Id recordId = 0)
{
    QJsonObject p{{"scan_interval_min", kIntervalMin}, {"start_offset_min", kOffsetMin}, {"max_peaks", 2}};
    if (recordId) p.insert("cycling_dataset", double(recordId));
    return p;
}

int warningsContaining(const QJsonObject& r, const QString& word)
{
    int n = 0;
    for (const QJsonValue& w : r.value("warnings").toArray())
        n += w.toString().contains(word);
    return n;
}

/// The 2θ track that starts near \a deg.
QJsonObject trackNear(const QJsonObject& r, double deg)
{
    for (const QJsonValue& t : r.value("tracks").toArray())
        if (std::abs(t.toObject().value("start_two_theta_deg").toDouble() - deg) < 0.3) return t.toObject();
    return {};
}

/// A two-column XRDML of several scans with start and end time stamps.
QByteArray multiScanXrdml(const std::vector<std::vector<double>>& ys, double start, double step,
                          const std::vector<std::pair<QString, QString>>& stamps)
{
    QByteArray x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xrdMeasurements xmlns=\"http://www.xrdml.com/XRDMeasurement/2.1\" status=\"Completed\">\n"
        "  <sample type=\"To be analyzed\"><id>cell</id><name>operando cell</name></sample>\n"
        "  <xrdMeasurement measurementType=\"Scan\" status=\"Completed\">\n"
        "    <usedWavelength intended=\"K-Alpha 1\"><kAlpha1 unit=\"Angstrom\">1.5405980</kAlpha1>"
        "<kAlpha2 unit=\"Angstrom\">1.5444260</kAlpha2>"
        "<ratioKAlpha2KAlpha1>0.5000</ratioKAlpha2KAlpha1></usedWavelength>\n";
    for (std::size_t k = 0; k < ys.size(); ++k) {
        QByteArray counts;
        for (double v : ys[k])
            counts += QByteArray::number(v, 'f', 0) + ' ';
        const double end = start + step * double(ys[k].size() - 1);
        x += "    <scan appendNumber=\"" + QByteArray::number(qulonglong(k)) +
             "\" mode=\"Continuous\" scanAxis=\"Gonio\" status=\"Completed\">\n"
             "      <header><startTimeStamp>" +
             stamps[k].first.toUtf8() + "</startTimeStamp><endTimeStamp>" + stamps[k].second.toUtf8() +
             "</endTimeStamp></header>\n"
             "      <dataPoints><positions axis=\"2Theta\" unit=\"deg\"><startPosition>" +
             QByteArray::number(start, 'g', 12) + "</startPosition><endPosition>" +
             QByteArray::number(end, 'g', 12) +
             "</endPosition></positions>\n"
             "        <commonCountingTime unit=\"seconds\">0.5</commonCountingTime>\n"
             "        <counts unit=\"counts\">" +
             counts.trimmed() + "</counts></dataPoints>\n    </scan>\n";
    }
    x += "  </xrdMeasurement>\n</xrdMeasurements>\n";
    return x;
}

} // namespace

class TestXrdInSitu : public QObject {
    Q_OBJECT
private slots:
    void voltagesFromTheLinkedRecord()
    {
        const std::vector<Dataset> s = scans();
        const Dataset rec = record(7, 4.5);
        auto r = computeXrdSeries(s, timedParams(7), {{7, rec}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("time_source").toString(), QStringLiteral("interval"));
        const QJsonArray list = r->value("scans").toArray();
        QCOMPARE(list.size(), kScans);
        // Times exact; voltages interpolated in a record sampled every 47 s: within 0.5 mV of the curve
        // (linear interpolation of this curve errs by ≲ 10 µV; the tolerance leaves room for noise-free
        // records of steeper cells).
        double worstV = 0.0;
        for (int k = 0; k < kScans; ++k) {
            const QJsonObject o = list[k].toObject();
            VERIFY_NEAR(o.value("time_h").toDouble(), midTimeH(k), 1e-12);
            VERIFY_NEAR(o.value("start_h").toDouble(), (kOffsetMin + kIntervalMin * k) / 60.0, 1e-12);
            QVERIFY(o.value("voltage_v").isDouble());
            worstV = std::max(worstV, std::abs(o.value("voltage_v").toDouble() - cellVoltage(midTimeH(k))));
            QCOMPARE(o.value("two_theta_deg").toArray().size(), 2);
        }
        qInfo("worst interpolated voltage error %.2e V", worstV);
        QVERIFY2(worstV < 5e-4, qPrintable(QString::number(worstV)));
        // The line follows the voltage at 0.12° V⁻¹: recovered within 0.01° V⁻¹; the still line does not
        // move.
        const QJsonObject moving = trackNear(*r, 24.30), still = trackNear(*r, 27.50);
        QVERIFY(!moving.isEmpty() && !still.isEmpty());
        qInfo("recovered shift %.4f° per V (true %.2f)", moving.value("shift_per_volt_deg").toDouble(),
              kShiftPerVolt);
        VERIFY_NEAR(moving.value("shift_per_volt_deg").toDouble(), kShiftPerVolt, 0.01);
        QVERIFY(moving.value("shift_per_volt_r2").toDouble() > 0.95);
        VERIFY_NEAR(still.value("shift_per_volt_deg").toDouble(), 0.0, 0.01);
        VERIFY_NEAR(r->value("first_track_shift_per_volt_deg").toDouble(),
                    r->value("first_track_two_theta_deg").toDouble() < 26 ? kShiftPerVolt : 0.0, 0.01);
        QCOMPARE(r->value("cycling").toObject().value("source").toString(), QStringLiteral("parameter"));
        VERIFY_NEAR(r->value("voltage_min_v").toDouble(), 1.5, 0.1);
        QCOMPARE(warningsContaining(*r, QStringLiteral("outside")), 0);

        // The figure: the heat map on the time axis with the voltage–time curve beside it.
        const Sample smp = makeSample(1, QStringLiteral("CS"), 0);
        std::vector<FigureInput> ins{{&smp, &s.front(), timedParams(7), *r, QStringLiteral("CS")}};
        const FigureSpec h = xrdSeriesAnalysis().buildFigure(QStringLiteral("heat_map"), ins);
        QVERIFY(h.heatMap && h.heatMap->isValid());
        VERIFY_NEAR(h.heatMap->y.front(), midTimeH(0), 1e-12);
        QCOMPARE(h.y.label, QStringLiteral("Time (h)"));
        QVERIFY(h.side);
        QCOMPARE(h.side->x.label, QStringLiteral("Voltage (V)"));
        QCOMPARE(h.side->series.size(), std::size_t(2)); // the curve and the voltage at each scan
        QCOMPARE(h.side->series[1].x.size(), std::size_t(kScans));
        // The side panel survives the JSON round trip (saved figures) and appears in the CSV export.
        const FigureSpec back = FigureSpec::fromJson(h.toJson());
        QVERIFY(back.side);
        QCOMPARE(back.side->series.size(), std::size_t(2));
        QVERIFY(h.toCsv().contains("side: cell voltage"));
        // The time axis covers the scans from the first one's start to the last one's end; the voltage axis
        // the record's voltages over that window (1.5–2.9 V here, then up to ≈ 3.9 V at 4.08 h) with a
        // margin.
        VERIFY_NEAR(*h.y.min, kOffsetMin / 60.0, 1e-12);
        VERIFY_NEAR(*h.y.max, (kOffsetMin + kIntervalMin * kScans) / 60.0, 1e-12);
        QVERIFY(h.side->x.min && h.side->x.max);
        double vlo = 10, vhi = -10;
        for (double tH = *h.y.min; tH <= *h.y.max; tH += 1e-3)
            vlo = std::min(vlo, cellVoltage(tH)), vhi = std::max(vhi, cellVoltage(tH));
        qInfo("side panel %.3f–%.3f V for a record of %.3f–%.3f V in the window", *h.side->x.min,
              *h.side->x.max, vlo, vhi);
        QVERIFY(*h.side->x.min<vlo&& * h.side->x.min> vlo - 0.15 * (vhi - vlo));
        QVERIFY(*h.side->x.max > vhi && *h.side->x.max < vhi + 0.15 * (vhi - vlo));
        const FigureSpec t = xrdSeriesAnalysis().buildFigure(QStringLiteral("peak_tracks"), ins);
        QCOMPARE(t.x.label, QStringLiteral("Time (h)"));
        // The (012)-like line is V2O3's (012) (24.32°); the line at 27.5° is none of V2O3's and keeps its
        // angle.
        QCOMPARE(moving.value("hkl").toString(), QStringLiteral("0 1 2"));
        QVERIFY(still.value("hkl").isNull());
        QCOMPARE(r->value("phase").toString(), QStringLiteral("V2O3"));
        QStringList names;
        for (const FigureSeries& fs : t.series)
            names << fs.label;
        const QString at = QString::number(moving.value("start_two_theta_deg").toDouble(), 'f', 2);
        QVERIFY2(names.contains(QStringLiteral("(012) ") + at + QStringLiteral("°")),
                 qPrintable(names.join("|")));
        QVERIFY2(names.contains(QStringLiteral("line at 27.50°")) ||
                     names.contains(QStringLiteral("line at 27.49°")) ||
                     names.contains(QStringLiteral("line at 27.51°")),
                 qPrintable(names.join("|")));
        // Without a reference phase every line is named by its angle.
        QJsonObject none = timedParams(7);
        none.insert("phase", "none");
        auto plain = computeXrdSeries(s, none, {{7, rec}});
        QVERIFY(plain);
        QVERIFY(trackNear(*plain, 24.30).value("hkl").isNull());
        QVERIFY(plain->value("phase").isNull());
        QVERIFY(t.y2);
        QVERIFY(t.series.back().onRightAxis);
    }

    void theSamplesOnlyTimedRecordIsTheDefault()
    {
        // The registry hands over every cycling record of the sample: a per-cycle summary (no Time) and the
        // timed record. The timed one is taken.
        const std::vector<Dataset> s = scans();
        const Dataset summary(
            8, Technique::Echem, QStringLiteral("cycling_record"), QStringLiteral("summary"),
            {{QStringLiteral("Cycle"), QStringLiteral("1"), {1, 2, 3}},
             {QStringLiteral("Discharge Capacity"), QStringLiteral("mAh/g"), {200, 199, 198}}},
            {}, Provenance{});
        auto r = computeXrdSeries(s, timedParams(), {{7, record(7, 4.5)}, {8, summary}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("cycling").toObject().value("source").toString(), QStringLiteral("sample"));
        QCOMPARE(r->value("cycling").toObject().value("dataset").toInt(), 7);
        // Two timed records: none is guessed, one sentence says why.
        auto two = computeXrdSeries(s, timedParams(), {{7, record(7, 4.5)}, {9, record(9, 4.5)}});
        QVERIFY(two);
        QVERIFY(two->value("cycling").isNull());
        QCOMPARE(warningsContaining(*two, QStringLiteral("choose")), 1);

        // Through the registry: the run's own sample's record becomes a reference while the parameter is
        // null.
        Project project;
        Sample smp = makeSample(project.allocateId(), QStringLiteral("CS"), 0);
        project.insertSample(smp, -1);
        std::vector<Id> ids;
        for (const Dataset& d : s) {
            const Id id = project.allocateId();
            project.insertDataset(smp.id, Dataset(id, d.technique(), d.type(), d.name(), d.columns(),
                                                  d.metadata(), d.provenance()));
            ids.push_back(id);
        }
        const Id recId = project.allocateId();
        project.insertDataset(smp.id, record(recId, 4.5));
        AnalysisRun run;
        run.analysisId = QStringLiteral("xrd_series");
        for (Id id : ids)
            run.inputs.push_back(RunInput{QStringLiteral("main"), id});
        run.params = timedParams();
        auto in = runInputs(project, run);
        QVERIFY2(in, in ? "" : in.error().message().c_str());
        QVERIFY(in->references.count(recId));
    }

    void waterfallTracesStayReadableOnWhite()
    {
        // A yellow sample (the palette's orange-yellow, and a pure yellow): every trace ≥ 3:1 contrast on
        // white (WCAG 2.1 graphics), the first darkest, the ramp monotonic.
        const std::vector<Dataset> s = scans();
        auto r = computeXrdSeries(s, timedParams(), {});
        QVERIFY(r);
        for (const QColor base : {QColor(230, 159, 0), QColor(255, 255, 0), QColor(0, 114, 178)}) {
            Sample smp = makeSample(1, QStringLiteral("CS"), 0);
            smp.color = base;
            std::vector<FigureInput> ins{{&smp, &s.front(), timedParams(), *r, QStringLiteral("CS")}};
            const FigureSpec w = xrdSeriesAnalysis().buildFigure(QStringLiteral("waterfall"), ins);
            QCOMPARE(int(w.series.size()), kScans);
            auto luminance = [](const QColor& c) {
                auto lin = [](double v) {
                    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
                };
                return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
            };
            double previous = -1.0;
            for (const FigureSeries& fs : w.series) {
                const double l = luminance(fs.color);
                QVERIFY2(1.05 / (l + 0.05) >= 2.99, qPrintable(fs.color.name()));
                QVERIFY(l >= previous - 1e-9);
                previous = l;
            }
            QVERIFY(luminance(w.series.front().color) < luminance(w.series.back().color));
        }
    }

    void noRecordNoPanelNoWarnings()
    {
        const std::vector<Dataset> s = scans();
        auto r = computeXrdSeries(s, {{"max_peaks", 2}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY(r->value("cycling").isNull());
        QCOMPARE(r->value("time_source").toString(), QStringLiteral("none"));
        QCOMPARE(r->value("warnings").toArray().size(), 0);
        QVERIFY(r->value("scans").toArray().first().toObject().value("time_h").isNull());
        const Sample smp = makeSample(1, QStringLiteral("CS"), 0);
        std::vector<FigureInput> ins{{&smp, &s.front(), {}, *r, QStringLiteral("CS")}};
        const FigureSpec h = xrdSeriesAnalysis().buildFigure(QStringLiteral("heat_map"), ins);
        QVERIFY(h.heatMap && h.heatMap->isValid());
        QVERIFY(!h.side);
        QCOMPARE(h.y.label, QStringLiteral("Scan"));
        const FigureSpec t = xrdSeriesAnalysis().buildFigure(QStringLiteral("peak_tracks"), ins);
        QVERIFY(!t.y2);
        // Times from an interval without a record: a time axis, still no panel and no warning.
        auto timed = computeXrdSeries(s, timedParams());
        QVERIFY(timed);
        QCOMPARE(timed->value("warnings").toArray().size(), 0);
        ins.front().result = *timed;
        QVERIFY(!xrdSeriesAnalysis().buildFigure(QStringLiteral("heat_map"), ins).side);
    }

    void recordNotCoveringTheScansWarnsOnce()
    {
        const std::vector<Dataset> s = scans();
        // The record stops after 2 h: the scans after it get no voltage and one warning names them.
        auto r = computeXrdSeries(s, timedParams(7), {{7, record(7, 2.0)}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(warningsContaining(*r, QStringLiteral("outside")), 1);
        int without = 0;
        for (const QJsonValue& v : r->value("scans").toArray()) {
            const QJsonObject o = v.toObject();
            const bool late = o.value("time_h").toDouble() > 2.0;
            QCOMPARE(o.value("voltage_v").isNull(), late);
            without += late;
        }
        QVERIFY(without > 0);
        QString text;
        for (const QJsonValue& w : r->value("warnings").toArray())
            if (w.toString().contains(QStringLiteral("outside"))) text = w.toString();
        QVERIFY2(text.contains(QStringLiteral("%1 of %2").arg(without).arg(kScans)), qPrintable(text));
        // A scan interval asked for but not given is an error naming the parameter.
        auto bad = computeXrdSeries(s, {{"scan_times", "interval"}});
        QVERIFY(!bad);
        QVERIFY(QString::fromStdString(bad.error().message()).contains(QStringLiteral("scan_interval_min")));
    }

    void scanTimesFromMultiScanFileMetadata()
    {
        // Four scans of one XRDML, each with start and end stamps (the first in +01:00, the clock the record
        // states in UTC); 12 min apart, 10 min long. On the record's clock (start 08:50Z = 09:50+01:00) the
        // first scan starts at 10 min.
        sim::Rng rng(5);
        std::vector<std::vector<double>> ys;
        std::vector<std::pair<QString, QString>> stamps;
        for (int k = 0; k < 4; ++k) {
            std::vector<double> x;
            ys.push_back(pattern(24.30 - 0.02 * k, rng, x));
            const QTime t0 = QTime(10, 0).addSecs(12 * 60 * k);
            stamps.push_back(
                {QStringLiteral("2024-03-05T%1+01:00").arg(t0.toString("HH:mm:ss")),
                 QStringLiteral("2024-03-05T%1+01:00").arg(t0.addSecs(600).toString("HH:mm:ss"))});
        }
        QTemporaryDir dir;
        const QString path = testing::writeTempFile(dir, QStringLiteral("operando.xrdml"),
                                                    multiScanXrdml(ys, 21.0, 0.01, stamps));
        Project project;
        auto imported = importFile(project, path);
        QVERIFY2(imported, imported ? "" : imported.error().message().c_str());
        QCOMPARE(imported->size(), std::size_t(4));
        QCOMPARE(imported->at(1).metadata().value("measured_end").toString(),
                 QStringLiteral("2024-03-05T10:22:00+01:00"));
        // Without a record: times from the first scan's start.
        auto r = computeXrdSeries(*imported, {{"max_peaks", 2}});
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->value("time_source").toString(), QStringLiteral("file"));
        const QJsonArray list = r->value("scans").toArray();
        for (int k = 0; k < 4; ++k)
            VERIFY_NEAR(list[k].toObject().value("time_h").toDouble(), (12.0 * k + 5.0) / 60.0, 1e-9);
        // With a record that states its start: on the record's clock.
        const Dataset rec = record(7, 4.5, {{"start_time", "2024-03-05T08:50:00Z"}});
        auto onClock = computeXrdSeries(*imported, {{"max_peaks", 2}, {"cycling_dataset", 7.0}}, {{7, rec}});
        QVERIFY2(onClock, onClock ? "" : onClock.error().message().c_str());
        QVERIFY(onClock->value("times_on_record_clock").toBool());
        const QJsonArray l2 = onClock->value("scans").toArray();
        for (int k = 0; k < 4; ++k) {
            const double mid = (10.0 + 12.0 * k + 5.0) / 60.0;
            VERIFY_NEAR(l2[k].toObject().value("time_h").toDouble(), mid, 1e-9);
            VERIFY_NEAR(l2[k].toObject().value("voltage_v").toDouble(), cellVoltage(mid), 5e-4);
        }
        // Without end stamps the duration comes from points × counting time (1001 × 0.5 s).
        Dataset noEnd = imported->front();
        QJsonObject m = noEnd.metadata();
        m.remove("measured_end");
        m.insert("step_time_s", 0.5);
        const std::vector<Dataset> one{
            Dataset(1, Technique::Xrd, noEnd.type(), noEnd.name(), noEnd.columns(), m, Provenance{})};
        auto t = insitu::scanTimes(one, nullptr, {});
        QVERIFY(t);
        VERIFY_NEAR(t->endH.front() - t->startH.front(), 1001 * 0.5 / 3600.0, 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestXrdInSitu)
#include "tst_xrd_insitu.moc"
