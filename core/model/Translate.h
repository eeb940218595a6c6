#pragma once
/// \file Translate.h
/// Translation lookup for code outside QObject classes. lupdate files a tr() call under the class
/// whose member function makes it and, in a free function, under the namespace ("vanadis"); a
/// file-local tr() helper therefore looks a text up under its own context first, then "vanadis".

#include <QCoreApplication>

namespace vanadis {

inline QString translated(const char* context, const char* text)
{
    const QString own = QCoreApplication::translate(context, text);
    if (own != QLatin1String(text)) return own;
    return QCoreApplication::translate("vanadis", text);
}

} // namespace vanadis
