#include "model/Units.h"

namespace vanadis {

QString unitKey(QStringView unitView)
{
    QString unit = unitView.trimmed().toString();
    if ((unit.startsWith('(') && unit.endsWith(')')) || (unit.startsWith('[') && unit.endsWith(']')))
        unit = unit.mid(1, unit.size() - 2).trimmed();
    unit = unit.toLower();
    for (QChar c : {QChar(' '), QChar('\''), QChar('"'), QChar('.'), QChar('_'), QChar('('), QChar(')')})
        unit.remove(c);
    // A degree sign written in one encoding and read in another ends up as U+FFFD or "Â°".
    unit.replace(QChar(0xFFFD), QChar(0xB0));
    unit.replace(QStringLiteral("â°"), QStringLiteral("°"));
    unit.replace(QStringLiteral("deg"), QStringLiteral("°"));
    unit.replace(QChar(0x00B3), '3')
        .replace(QChar(0x00B9), '1')
        .replace(QChar(0x207B), '-')
        .replace(QChar(0x2212), '-');
    unit.replace(QChar(0x00B5), 'u').replace(QChar(0x03BC), 'u');
    return unit;
}

} // namespace vanadis
