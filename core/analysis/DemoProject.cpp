#include "analysis/DemoProject.h"

#include "analysis/AnalysisRegistry.h"
#include "analysis/ComputeService.h"

#include "model/Project.h"
#include "numeric/sim/DemoSeries.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <cmath>
#include <cstring>
#include <map>

namespace vanadis {

namespace {

Dataset toDataset(Id id, const sim::SimDataset& s)
{
    std::vector<Column> cols;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto& c : s.columns) {
        cols.push_back({QString::fromStdString(c.name), QString::fromStdString(c.unit), c.values});
        hash.addData(
            QByteArrayView(reinterpret_cast<const char*>(c.values.data()), qsizetype(c.values.size() * 8)));
    }
    QJsonObject meta;
    for (const auto& [k, v] : s.metadata) {
        // Numbers stay numbers in JSON so that scripts reading `info --json` need no parsing.
        // Lists ("290,278,…") stay text: the C locale would read the commas as group separators.
        QLocale c = QLocale::c();
        c.setNumberOptions(QLocale::RejectGroupSeparator);
        bool ok = false;
        const double d = c.toDouble(QString::fromStdString(v), &ok);
        if (ok)
            meta.insert(QString::fromStdString(k), d);
        else
            meta.insert(QString::fromStdString(k), QString::fromStdString(v));
    }
    Provenance p;
    p.originalFileName = QString::fromStdString(s.name);
    // A generated dataset has no instrument file; its hash identifies the values themselves.
    p.sha256.clear();
    meta.insert("values_sha256", QString::fromLatin1(hash.result().toHex()));
    p.importerId = QStringLiteral("demo-forward-model");
    p.importerVersion = QStringLiteral(VANADIS_VERSION);
    p.importedAtUtc = QDateTime(QDate(2022, 11, 1), QTime(0, 0), Qt::UTC);
    const auto technique = techniqueFromKey(QString::fromStdString(s.technique)).value_or(Technique::Xrd);
    return Dataset(id, technique, QString::fromStdString(s.kind), QString::fromStdString(s.name),
                   std::move(cols), meta, p);
}

} // namespace

void populateDemoProject(Project& project)
{
    project.setSeriesInfo(QStringLiteral("A/C-V2O3@C core–shell series (demo)"),
                          QStringLiteral("precursor hydration and annealing atmosphere"));
    static const char* fullNames[] = {"A/C-V2O3@C-CS", "A/C-V2O3@C-WCS", "A/C-V2O3@C-HCS",
                                      "A/C-V2O3-x@C-HMCS"};
    static const char* how[] = {"V-glycerate spheres reduced 500 °C Ar/H2 2 h",
                                "CS annealed 2 h at 500 °C in N2", "hydrated precursor, reduced 600 °C Ar/H2",
                                "HCS annealed 600 °C in N2 (defect-rich)"};
    int index = 0;
    std::map<Id, std::vector<Id>> inSituScans; // sample → its operando scans, in order
    for (const std::string& name : sim::demoSampleNames()) {
        Sample s = makeSample(project.allocateId(), QString::fromStdString(name), index);
        s.activeMassMg = 1.5;
        s.massBasis = MassBasis::Composite;
        s.notes = QStringLiteral("%1: %2. Generated demo data reproducing the published values.")
                      .arg(QLatin1String(fullNames[index % 4]), QString::fromUtf8(how[index % 4]));
        // What the chemist states once per sample: V2O3 in the composite, oxidised to V2O5 in the TGA's
        // O2 (tga.md §2), so the carbon content is corrected for that gain.
        s.startOxide = QStringLiteral("V2O3");
        s.residueOxide = QStringLiteral("V2O5");
        project.insertSample(s, -1);
        for (const sim::SimDataset& sd : sim::demoDatasets(name))
            project.insertDataset(s.id, toDataset(project.allocateId(), sd));
        // CS also has an operando XRD series through its first discharge and charge, with the cell's
        // cycling record beside it (the study's Fig. 6a).
        // (CS: its sharper lines show the shift best.)
        if (name == "CS")
            for (const sim::SimDataset& sd : sim::demoInSituDatasets(name)) {
                const Id id = project.allocateId();
                project.insertDataset(s.id, toDataset(id, sd));
                if (sd.technique == "xrd") inSituScans[s.id].push_back(id);
            }
        ++index;
    }
    // Every available analysis, computed and stored: the demo opens with its results.
    ensureDefaultRuns(project);
    // What the chemist states once for this series: the TGA balance is calibrated for buoyancy; the
    // diffractometer was
    // characterised with a standard (its Caglioti function: the simulator's SmartLab-like optics), so
    // crystallite sizes have the instrument broadening removed.
    std::vector<AnalysisRun> stated;
    for (const auto& [id, r] : project.allRuns()) {
        AnalysisRun edited = r;
        if (r.analysisId == QLatin1String("tga")) {
            edited.params.insert(QStringLiteral("buoyancy_pct_per_100k"), 0.0); // a calibrated balance
        } else if (r.analysisId == QLatin1String("xrd")) {
            edited.params.insert(QStringLiteral("caglioti_u"), 0.0040);
            edited.params.insert(QStringLiteral("caglioti_v"), -0.0020);
            edited.params.insert(QStringLiteral("caglioti_w"), 0.0030);
        } else {
            continue;
        }
        stated.push_back(edited);
    }
    for (const AnalysisRun& r : stated)
        project.upsertRun(r);
    // The analyses that run on request, run here as the study did them: the XPS V 2p + O 1s model
    // charge-referenced to the sample's C 1s, the cycling records on their stated active mass, the
    // impedance spectra with the default circuit.
    for (const Sample* s : project.samples()) {
        Id v2p = 0, o1s = 0, c1s = 0;
        for (const Dataset* d : project.datasetsOf(s->id, Technique::Xps)) {
            if (d->label() == QLatin1String("V 2p")) v2p = d->id();
            if (d->label() == QLatin1String("O 1s")) o1s = d->id();
            if (d->label() == QLatin1String("C 1s")) c1s = d->id();
        }
        auto addRun = [&](const char* analysisId, Id dataset, const QJsonObject& params) {
            const AnalysisDescriptor* a = analysisById(QLatin1String(analysisId));
            if (!a || !dataset || project.runFor(dataset, a->id)) return;
            AnalysisRun r = defaultRun(project, *a, dataset);
            r.id = project.allocateId();
            for (auto it = params.begin(); it != params.end(); ++it)
                r.params.insert(it.key(), it.value());
            project.upsertRun(r);
        };
        if (const auto it = inSituScans.find(s->id); it != inSituScans.end() && it->second.size() > 1)
            if (const AnalysisDescriptor* a = analysisById(QStringLiteral("xrd_series"));
                a && !project.runFor(it->second.front(), a->id)) {
                // The series over the operando scans only (not the ex-situ pattern); its cycling record is
                // found automatically: the sample's only record with a voltage–time curve.
                AnalysisRun r = defaultRun(project, *a, it->second.front());
                r.id = project.allocateId();
                r.inputs.clear();
                for (Id scan : it->second)
                    r.inputs.push_back(RunInput{QStringLiteral("main"), scan});
                r.params.insert(QStringLiteral("max_peaks"), 4); // (116), (104), (110) and (012)
                r.params.insert(QStringLiteral("map_range_deg"), QJsonArray{23.2, 25.2}); // around (012)
                project.upsertRun(r);
            }
        if (v2p && o1s && c1s)
            addRun("xps", v2p,
                   {{"model", "study_v2p_o1s"},
                    {"charge_ref_ev", 284.8},
                    {"charge_ref_dataset", double(c1s)},
                    {"joint_dataset", double(o1s)}});
        for (const Dataset* d : project.datasetsOf(s->id, Technique::Echem)) {
            if (d->type() == QLatin1String("cycling_record") || d->type() == QLatin1String("rate_test"))
                addRun("cycling", d->id(), {});
            if (d->type() == QLatin1String("eis")) addRun("eis", d->id(), {});
            // GITT as the study's electrodes are described: the diffusion length the generated record
            // states (the electrode thickness, simplified Weppner–Huggins), V2O3's molar mass for x.
            if (d->type() == QLatin1String("gitt")) {
                const double lengthCm = d->metadata().value("diffusion_length_cm").toDouble();
                QJsonObject gitt{{"geometry", "diffusion_length"},
                                 {"diffusion_length_um", lengthCm * 1e4},
                                 {"molar_mass_g_mol", 149.88},
                                 {"molar_volume_cm3_mol", 29.9}};
                // The cell's own mass, as the record states it (the generated cells differ a little).
                const double massMg = d->metadata().value("active_mass_mg").toDouble(s->activeMassMg);
                if (std::isfinite(massMg) && massMg > 0) gitt.insert("mass_mg", massMg);
                if (lengthCm > 0) addRun("gitt", d->id(), gitt);
            }
        }
    }
    computeStaleRunsNow(project);
}

} // namespace vanadis
