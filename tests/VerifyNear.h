#pragma once
/// \file VerifyNear.h
/// The tolerance check every test uses: fails with the expression, both values and the tolerance
/// printed, so a failure says by how much.

#include <QString>
#include <QTest>
#include <cmath>

#define VERIFY_NEAR(actual, expected, tol)                                                                   \
    do {                                                                                                     \
        const double a_ = (actual), e_ = (expected), t_ = (tol);                                             \
        QVERIFY2(std::abs(a_ - e_) <= t_, qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4")             \
                                                         .arg(#actual)                                       \
                                                         .arg(a_, 0, 'g', 10)                                \
                                                         .arg(e_, 0, 'g', 10)                                \
                                                         .arg(t_, 0, 'g', 3)));                              \
    } while (0)
