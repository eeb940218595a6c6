#include "numeric/bet/Adsorptive.h"

#include "numeric/Constants.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>

namespace vanadis::bet {
namespace {

namespace k = vanadis::constants;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Cross-sections are the ISO 9277:2022 / BETSI defaults. Liquid N2 at 77.35 K: ρ = 0.808 g cm⁻³,
// γ = 8.85 mN m⁻¹ (the values BJH reports of all vendors use). Liquid Ar at its normal boiling point
// 87.3 K: ρ = 1.395 g cm⁻³, γ = 12.5 mN m⁻¹ (rounded saturated-liquid values). Kr at 77 K is below its
// triple point (115.8 K) and CO2 at 273 K is evaluated far below saturation, so no liquid values are
// given and pore-volume methods refuse them instead of using a made-up density.
const std::array<AdsorptiveData, 4> kTable{{
    {Adsorptive::N2, "N2", k::n2TemperatureK, k::n2CrossSectionNm2, 28.0134, 0.808, k::n2SurfaceTensionNPerM,
     true},
    {Adsorptive::Ar, "Ar", 87.3, 0.142, 39.948, 1.395, 12.5e-3, true},
    {Adsorptive::Kr, "Kr", 77.35, 0.202, 83.798, kNaN, kNaN, false},
    {Adsorptive::CO2, "CO2", 273.15, 0.195, 44.009, kNaN, kNaN, false},
}};

std::string lower(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

} // namespace

double AdsorptiveData::liquidPerGasStp() const
{
    return liquidMolarVolumeCm3PerMol() / k::molarVolumeStpCm3PerMol;
}

double AdsorptiveData::kelvinLengthNm() const
{
    // γ [N m⁻¹]·V_L [m³ mol⁻¹]/(R·T) gives metres.
    return surfaceTensionNPerM * liquidMolarVolumeCm3PerMol() * 1e-6 /
           (k::gasConstantJPerMolK * temperatureK) * 1e9;
}

const AdsorptiveData& adsorptiveData(Adsorptive a)
{
    return kTable[static_cast<std::size_t>(a)];
}

std::optional<Adsorptive> adsorptiveFromName(std::string_view name)
{
    const std::string s = lower(name);
    if (s == "n2" || s == "nitrogen") return Adsorptive::N2;
    if (s == "ar" || s == "argon") return Adsorptive::Ar;
    if (s == "kr" || s == "krypton") return Adsorptive::Kr;
    if (s == "co2" || s == "carbondioxide") return Adsorptive::CO2;
    return std::nullopt;
}

double areaM2PerGFromMonolayer(double monolayerCm3PerG, double crossSectionNm2)
{
    return monolayerCm3PerG / k::molarVolumeStpCm3PerMol * k::avogadroPerMol * crossSectionNm2 * 1e-18;
}

double cm3StpToMmol(double amountCm3PerG)
{
    return amountCm3PerG / (k::molarVolumeStpCm3PerMol / 1000.0);
}

} // namespace vanadis::bet
