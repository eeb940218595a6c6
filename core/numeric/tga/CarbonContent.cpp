#include "numeric/tga/CarbonContent.h"

#include "numeric/Constants.h"
#include "numeric/tga/TextFormat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vanadis::tga {

namespace {

namespace k = vanadis::constants;

bool isVanadiumOxide(const std::string& formula)
{
    return formula.rfind("V", 0) == 0 && formula.find('O') != std::string::npos;
}

} // namespace

OxidationReaction v2o3ToV2o5()
{
    return {"V2O3", "V2O5", k::molarMassV2O3, k::molarMassV2O5, 1.0};
}
OxidationReaction vo2ToV2o5()
{
    return {"VO2", "V2O5", k::molarMassVO2, k::molarMassV2O5, 2.0};
}
OxidationReaction v2o5NoCorrection()
{
    return {"V2O5", "V2O5", k::molarMassV2O5, k::molarMassV2O5, 1.0};
}

OxidationReaction customReaction(std::string start, std::string product, double startMolarMassGPerMol,
                                 double productMolarMassGPerMol, double startPerProduct)
{
    return {std::move(start), std::move(product), startMolarMassGPerMol, productMolarMassGPerMol,
            startPerProduct};
}

std::optional<OxidationReaction> oxidationPreset(const std::string& start, const std::string& product)
{
    if (product != "V2O5") return std::nullopt;
    if (start == "V2O3") return v2o3ToV2o5();
    if (start == "VO2") return vo2ToV2o5();
    if (start == "V2O4") return OxidationReaction{"V2O4", "V2O5", k::molarMassV2O4, k::molarMassV2O5, 1.0};
    if (start == "V2O5") return v2o5NoCorrection();
    return std::nullopt;
}

double carbonWtPctFromMasses(double dryMass, double endMass, const OxidationReaction& r)
{
    return 100.0 * (1.0 - (endMass / dryMass) * r.factor());
}

Expected<CarbonContent> carbonContent(const TgaCurve& c, const CarbonOptions& o)
{
    const OxidationReaction& r = o.reaction;
    if (!(r.startMolarMassGPerMol > 0) || !(r.productMolarMassGPerMol > 0) || !(r.startPerProduct > 0))
        return fail("", "oxidation", "the molar masses and the stoichiometric factor must be positive");
    CarbonContent out;
    out.massInMg = c.hasMassMg();
    out.factor = r.factor();
    out.dryTemperatureC = o.dryTemperatureC;
    const std::vector<double>& m = c.mass();
    const char* unit = out.massInMg ? "mg" : "%";
    const char* massFmt = out.massInMg ? "%.4f mg" : "%.3f %%";

    out.initial = initialReading(c, m);
    const double half = std::max(0.0, o.dryWindowC) / 2.0;
    const auto dryRange = firstPassRange(c.temperatureC, o.dryTemperatureC - half, o.dryTemperatureC + half);
    if (!dryRange) {
        if (c.temperatureC.front() > o.dryTemperatureC + half) {
            out.dry = out.initial;
            out.warnings.push_back(
                textf("The run starts at %.1f °C, above the dry-basis temperature %.0f °C: its "
                      "initial mass is used as the dry mass.",
                      c.temperatureC.front(), o.dryTemperatureC));
        } else {
            return fail(
                "", "",
                textf("the run never reaches the dry-basis temperature %.0f °C, so no dry mass can be "
                      "read (the carbon content needs a run in O2 or air to the end plateau)",
                      o.dryTemperatureC));
        }
    } else {
        out.dry = plateauReading(c, m, *dryRange);
    }

    std::optional<IndexRange> endRange;
    if (o.endToC > o.endFromC) {
        endRange = lastPassRange(c.temperatureC, o.endFromC, o.endToC);
        if (!endRange)
            return fail(
                "", "",
                textf("the run never passes through the end range %.0f–%.0f °C", o.endFromC, o.endToC));
    } else {
        // The top endWindowC of the run on its last pass: for a run that only heats (or holds) this is its
        // last endWindowC; a final cooling segment (buoyancy, re-adsorbed water) is left out.
        const double top = *std::max_element(c.temperatureC.begin(), c.temperatureC.end());
        endRange = lastPassRange(c.temperatureC, top - std::max(0.0, o.endWindowC), top);
    }
    if (endRange->first <= out.dry.range.last)
        return fail("", "",
                    textf("the end plateau (%.0f–%.0f °C) overlaps the dry-basis window: the run does not go "
                          "beyond drying, so there is no residue to read",
                          c.temperatureC[endRange->first], c.temperatureC[endRange->last]));
    out.end = plateauReading(c, m, *endRange);

    const double md = out.dry.mean, me = out.end.mean;
    if (!(md > 0))
        return fail("", "",
                    "the dry mass is not positive; the mass column may be a mass change rather than a mass");
    out.massRatio = me / md;
    out.residueWtPct = 100.0 * out.massRatio;
    out.residueInitialPct = out.initial.mean > 0 ? 100.0 * me / out.initial.mean : 0.0;
    out.carbonWtPct = 100.0 * (1.0 - out.massRatio * out.factor);
    // w = 1 − f·me/md: relative errors of both means add in quadrature.
    out.carbonWtPctErrStatistical = 100.0 * out.factor * out.massRatio *
                                    std::hypot(out.dry.standardError / md, out.end.standardError / me);
    // Systematic parts the noise of the means does not show. A buoyancy left uncorrected lifts the
    // apparent masses by m_0·k·(T − T_0): to first order the ratio moves by m_0·k·[(T_end − T_0) −
    // r·(T_dry − T_0)]/m_dry. A drifting end plateau leaves m_end uncertain by about half its drift.
    const double t0 = c.temperatureC.front();
    const double tDry = 0.5 * (out.dry.fromC + out.dry.toC), tEnd = 0.5 * (out.end.fromC + out.end.toC);
    const double m0 = out.initial.mean > 0 ? out.initial.mean : md;
    const double k = o.uncorrectedBuoyancyPctPer100K / 100.0 / 100.0; // fraction of m_0 per K
    out.buoyancyBiasWtPct = 100.0 * out.factor * (m0 * k * ((tEnd - t0) - out.massRatio * (tDry - t0)) / md);
    out.driftErrWtPct = 100.0 * out.factor * 0.5 * std::abs(out.end.drift) / md;
    out.carbonWtPctErr =
        std::sqrt(out.carbonWtPctErrStatistical * out.carbonWtPctErrStatistical +
                  out.buoyancyBiasWtPct * out.buoyancyBiasWtPct + out.driftErrWtPct * out.driftErrWtPct);

    // Flatness: drift across the plateau against the limit, counted only when it stands out of its own noise.
    out.endDriftPctOfDry = 100.0 * out.end.drift / md;
    const double driftErrPct = 100.0 * out.end.driftErr / md;
    out.endPlateauFlat = !(std::abs(out.endDriftPctOfDry) > o.flatLimitPct &&
                           std::abs(out.endDriftPctOfDry) > 3.0 * driftErrPct);
    const std::string endSpan = textf("%.0f–%.0f °C", out.end.fromC, out.end.toC);
    if (!out.endPlateauFlat) {
        if (out.endDriftPctOfDry > 0)
            out.warnings.push_back(
                "The end plateau (" + endSpan + ") is not flat: the mass still rises by " +
                textf("%.2f %%", out.endDriftPctOfDry) +
                " of the dry mass across it, so oxidation may be incomplete (lower oxides left). "
                "That biases the carbon content upwards; extend the run or choose a later end range.");
        else
            out.warnings.push_back(
                "The end plateau (" + endSpan + ") is not flat: the mass still falls by " +
                textf("%.2f %%", -out.endDriftPctOfDry) +
                " of the dry mass across it, so oxidation (carbon burn-off) may be incomplete. "
                "That biases the carbon content downwards; extend the run or choose a later end range.");
    }
    if (isVanadiumOxide(r.product) && out.end.toC < 550.0)
        out.warnings.push_back(
            textf("The end plateau lies at %.0f °C: vanadium oxides reach V2O5 in O2 only above "
                  "≈ 550 °C, so the residue may not be pure ",
                  out.end.toC) +
            r.product + ".");
    if (out.carbonWtPct < 0.0 || out.carbonWtPct > 100.0)
        out.warnings.push_back(
            textf("The carbon content comes out at %.1f %%, outside 0–100 %%: the start oxide or the "
                  "residue is probably not ",
                  out.carbonWtPct) +
            r.start + "/" + r.product + ", or the run was not in O2 or air.");
    if (out.end.count < 5)
        out.warnings.push_back(
            "The end plateau holds only " + std::to_string(out.end.count) +
            " points: its mean and the uncertainty of the carbon content are poorly defined.");

    // The derivation, with every number needed to redo it by hand (tga.md §2 caveat).
    std::string d = "Carbon content corrected for the oxidation " + r.start + " → " + r.product +
                    " (ν = " + textf("%g", r.startPerProduct) + " mol " + r.start + " per mol " + r.product +
                    "):\n";
    d += "m_dry = " + textf(massFmt, md) + ": mean of " + std::to_string(out.dry.count) + " points at " +
         textf("%.1f–%.1f °C", out.dry.fromC, out.dry.toC) +
         textf(" (dry basis %.0f °C)\n", o.dryTemperatureC);
    d += "m_end = " + textf(massFmt, me) + ": mean of " + std::to_string(out.end.count) + " points at " +
         textf("%.1f–%.1f °C", out.end.fromC, out.end.toC) + " (end plateau, drift " +
         textf("%+.3f %% of m_dry)\n", out.endDriftPctOfDry);
    d += "m_end/m_dry = " + textf(out.massInMg ? "%.4f" : "%.3f", me) + "/" +
         textf(out.massInMg ? "%.4f" : "%.3f", md) + " = " + textf("%.6f\n", out.massRatio);
    d += "w_C = 1 − (m_end/m_dry)·ν·M(" + r.start + ")/M(" + r.product + ") = 1 − " +
         textf("%.6f", out.massRatio) + " × " + textf("%g", r.startPerProduct) + " × " +
         textf("%.3f", r.startMolarMassGPerMol) + "/" + textf("%.3f", r.productMolarMassGPerMol) + " = 1 − " +
         textf("%.6f", out.massRatio) + " × " + textf("%.6f", out.factor) + " = " +
         textf("%.6f\n", out.carbonWtPct / 100.0);
    d += "w_C = " +
         textf("%.2f ± %.2f wt%% (1σ from the noise of both plateau means; masses in ", out.carbonWtPct,
               out.carbonWtPctErr) +
         unit + ")";
    out.derivation = std::move(d);
    return out;
}

} // namespace vanadis::tga
