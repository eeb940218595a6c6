#include "io/import/NewareStatus.h"

namespace vanadis::neware {

namespace {

// 16 = pulse and 17 = simulation seen on real .nda files; 21 (control, e.g. a chamber temperature step)
// on a real .ndax.
constexpr Status kStatuses[] = {
    {1, "CC_Chg", Kind::Charge, true},         {2, "CC_DChg", Kind::Discharge, false},
    {3, "CV_Chg", Kind::Charge, false},        {4, "Rest", Kind::Rest, false},
    {5, "Cycle", Kind::Other, false},          {7, "CCCV_Chg", Kind::Charge, true},
    {8, "CP_DChg", Kind::Discharge, false},    {9, "CP_Chg", Kind::Charge, true},
    {10, "CR_DChg", Kind::Discharge, false},   {13, "Pause", Kind::Rest, false},
    {16, "Pulse", Kind::Other, false},         {17, "SIM", Kind::Other, false},
    {19, "CV_DChg", Kind::Discharge, false},   {20, "CCCV_DChg", Kind::Discharge, false},
    {21, "Control", Kind::Other, false},       {22, "OCV", Kind::Rest, false},
    {26, "CPCV_DChg", Kind::Discharge, false}, {27, "CPCV_Chg", Kind::Charge, true},
};

} // namespace

const Status* status(int code)
{
    for (const Status& s : kStatuses)
        if (s.code == code) return &s;
    return nullptr;
}

double stateOf(const Status* s, double currentMa)
{
    const Kind kind = s ? s->kind : Kind::Other;
    if (kind == Kind::Charge) return 1.0;
    if (kind == Kind::Discharge) return -1.0;
    if (kind == Kind::Rest) return 0.0;
    return currentMa > 0.0 ? 1.0 : (currentMa < 0.0 ? -1.0 : 0.0);
}

} // namespace vanadis::neware
