#include "numeric/xps/SpinOrbit.h"

#include <cctype>

namespace vanadis::xps {

double CoreLevel::areaRatio() const
{
    if (orbital.size() < 2) return 0.0;
    switch (orbital[1]) {
    case 'p':
        return 1.0 / 2.0;
    case 'd':
        return 2.0 / 3.0;
    case 'f':
        return 3.0 / 4.0;
    default:
        return 0.0;
    }
}

namespace {
int twoL(const std::string& orbital)
{
    if (orbital.size() < 2) return 0;
    switch (orbital[1]) {
    case 'p':
        return 2;
    case 'd':
        return 4;
    case 'f':
        return 6;
    default:
        return 0;
    }
}
} // namespace

std::string CoreLevel::majorLabel() const
{
    const int l2 = twoL(orbital);
    return l2 == 0 ? orbital : orbital + std::to_string(l2 + 1) + "/2";
}

std::string CoreLevel::minorLabel() const
{
    const int l2 = twoL(orbital);
    return l2 == 0 ? std::string() : orbital + std::to_string(l2 - 1) + "/2";
}

const std::vector<CoreLevel>& coreLevels()
{
    // element, orbital, Δ, Δ lower, Δ upper, typical main-line BE (eV).
    static const std::vector<CoreLevel> t = {
        {"C", "1s", 0, 0, 0, 284.8},
        {"N", "1s", 0, 0, 0, 400.0},
        {"O", "1s", 0, 0, 0, 530.5},
        {"F", "1s", 0, 0, 0, 685.0},
        {"Na", "1s", 0, 0, 0, 1071.5},
        {"Mg", "1s", 0, 0, 0, 1303.0},
        {"Li", "1s", 0, 0, 0, 55.5},
        {"Al", "2p", 0.44, 0.35, 0.5, 72.9},
        {"Si", "2p", 0.61, 0.55, 0.68, 99.4},
        {"P", "2p", 0.87, 0.8, 0.95, 130.0},
        {"S", "2p", 1.18, 1.1, 1.25, 164.0},
        {"Cl", "2p", 1.6, 1.5, 1.7, 199.0},
        {"Ti", "2p", 5.7, 5.5, 6.2, 458.8},
        {"V", "2p", 7.4, 6.9, 7.8, 515.7},
        {"Cr", "2p", 9.3, 9.0, 9.9, 576.5},
        {"Mn", "2p", 11.6, 11.3, 12.0, 641.5},
        {"Fe", "2p", 13.2, 12.9, 13.8, 710.5},
        {"Co", "2p", 15.0, 14.8, 16.0, 780.0},
        {"Ni", "2p", 17.3, 17.1, 18.6, 852.6},
        {"Cu", "2p", 19.8, 19.6, 20.1, 932.6},
        {"Zn", "2p", 23.1, 22.9, 23.3, 1021.8},
        {"Ga", "2p", 26.8, 26.6, 27.0, 1117.0},
        {"Zr", "3d", 2.43, 2.3, 2.5, 182.2},
        {"Nb", "3d", 2.72, 2.6, 2.85, 202.3},
        {"Mo", "3d", 3.13, 3.0, 3.25, 227.9},
        {"Ru", "3d", 4.17, 4.0, 4.3, 280.0},
        {"Rh", "3d", 4.74, 4.6, 4.9, 307.2},
        {"Pd", "3d", 5.26, 5.1, 5.4, 335.0},
        {"Ag", "3d", 6.0, 5.9, 6.1, 368.2},
        {"Cd", "3d", 6.74, 6.6, 6.9, 405.0},
        {"In", "3d", 7.54, 7.4, 7.7, 444.0},
        {"Sn", "3d", 8.41, 8.3, 8.55, 485.0},
        {"Sb", "3d", 9.34, 9.2, 9.5, 528.2},
        {"Te", "3d", 10.4, 10.2, 10.6, 573.0},
        {"Ce", "3d", 18.6, 18.2, 19.0, 882.0},
        {"Hf", "4f", 1.66, 1.55, 1.75, 14.3},
        {"Ta", "4f", 1.91, 1.8, 2.0, 21.9},
        {"W", "4f", 2.18, 2.1, 2.25, 31.4},
        {"Ir", "4f", 2.98, 2.9, 3.05, 60.9},
        {"Pt", "4f", 3.33, 3.25, 3.4, 71.1},
        {"Au", "4f", 3.67, 3.6, 3.75, 84.0},
        {"Pb", "4f", 4.86, 4.8, 4.95, 136.9},
        {"Bi", "4f", 5.31, 5.2, 5.4, 156.9},
    };
    return t;
}

std::optional<CoreLevel> coreLevel(const std::string& name)
{
    std::string key;
    for (char c : name)
        if (!std::isspace(static_cast<unsigned char>(c)))
            key += char(std::tolower(static_cast<unsigned char>(c)));
    for (const CoreLevel& l : coreLevels()) {
        std::string k;
        for (char c : l.element + l.orbital)
            k += char(std::tolower(static_cast<unsigned char>(c)));
        if (k == key) return l;
    }
    return std::nullopt;
}

} // namespace vanadis::xps
