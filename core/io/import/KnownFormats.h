#pragma once
/// \file KnownFormats.h
/// Instrument formats Vanadis recognises but does not read yet (the XPS and electrochemistry importers
/// arrive with their technique issues). A file of one of them is answered with its name —
/// "recognised as VAMAS (XPS), which this version does not read yet" — instead of the generic
/// text reader's "… is not a number". One explicit table: a format that gains an importer leaves it.

#include <QByteArray>
#include <QString>
#include <optional>

namespace vanadis {

/// A recognised, unsupported format: its name and technique, and what to do meanwhile.
struct KnownFormat {
    QString name;      ///< "VAMAS (ISO 14976)"
    QString technique; ///< "XPS"
    QString advice;    ///< "export the regions as two-column text (binding energy, counts) meanwhile"
};

/// The unsupported format \a head (the first bytes) and \a fileName show, or nullopt.
std::optional<KnownFormat> recogniseUnsupportedFormat(const QByteArray& head, const QString& fileName);

} // namespace vanadis
