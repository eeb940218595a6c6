#pragma once
/// \file JsonNumber.h
/// A number for a result JSON: JSON has no NaN or infinity, and a value that could not be determined
/// must not read as a zero, so those become null.

#include <QJsonValue>
#include <cmath>

namespace vanadis {

inline QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace vanadis
