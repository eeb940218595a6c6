#pragma once
/// \file TestData.h
/// Where the real instrument files of ../shared/testdata are: $VANADIS_TESTDATA, else the default the
/// build passes as VANADIS_TESTDATA_DEFAULT; empty when neither is set (tests then skip).

#include <QString>
#include <QtGlobal>

namespace vanadis::testing {

inline QString testdataDir()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    return dir;
}

} // namespace vanadis::testing
