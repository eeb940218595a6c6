#pragma once
/// \file NewareStatus.h
/// The step-type (status) codes Neware writes in .nda records and in the step table of .ndax files, as
/// publicly listed by the NewareNDA and fastnda projects (facts, checked on the real files in
/// ../shared/testdata/echem/neware), and the State the record readers derive from them.

namespace vanadis::neware {

enum class Kind { Charge, Discharge, Rest, Other };

struct Status {
    int code;
    const char* name;
    Kind kind;
    bool startsChargeCycle; ///< a step of this status after a discharge starts a new "charge first" cycle
};

/// The status of \a code, or nullptr for a code not in the table.
const Status* status(int code);

/// State of a record: +1 charge, −1 discharge, 0 rest; for pulse, simulation and unknown codes the sign of
/// \a currentMa.
double stateOf(const Status* s, double currentMa);

/// Cycle numbers as BTSDA's "charge first" statistic counts them: a charge step (CC, CCCV or CP charge)
/// after a discharge (or a simulation step) starts a new cycle; the first cycle is 1. The files' own loop
/// counter counts jumps of the protocol's Cycle step instead, so one of its cycles can hold several
/// charge–discharge pairs (nested loops).
class ChargeFirstCycles {
public:
    /// Call at the first record of every step (or of every change of status); returns the cycle number of
    /// the records from there on.
    int at(int statusCode)
    {
        const Status* s = status(statusCode);
        if (s && s->startsChargeCycle && m_sawDischarge) {
            ++m_cycle;
            m_sawDischarge = false;
        }
        if ((s && s->kind == Kind::Discharge) || statusCode == 17) m_sawDischarge = true;
        return m_cycle;
    }

private:
    int m_cycle = 1;
    bool m_sawDischarge = false;
};

} // namespace vanadis::neware
