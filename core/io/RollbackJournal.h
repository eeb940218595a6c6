#pragma once
/// \file RollbackJournal.h
/// Guards a project file against a `-journal` that does not belong to it. SQLite treats any
/// non-empty `<db>-journal` with no writer holding the RESERVED lock as "hot" and copies its pages
/// into the database on the next read. Nothing in the journal ties it to one database: its header
/// has a magic number, a random nonce that only seeds its own record checksums, the original page
/// count and the page size (SQLite file format, section 4 "The Rollback Journal"). A journal left
/// by another file (copied, renamed, or a name clash) is therefore played back, and a valid project
/// silently receives another file's pages.
///
/// Vanadis begins every write transaction by touching page 1 (see ProjectStore), so a genuine hot
/// journal of this file always holds the original page 1. inspect() accepts a journal only when that
/// copy matches the file: same page size and application id, and either the same change counter and
/// identical bytes (page 1 not yet rewritten) or a counter exactly one behind (rewritten by the
/// interrupted commit). Anything else that SQLite would apply is moved aside, never played back.
/// Two projects written the same way have byte-identical first pages (same schema, same page
/// count, same number of commits), so every file Vanadis writes whole starts its change counter at
/// a random value (stampRandomChangeCounter): page 1, and with it every journal, is then specific to
/// one file. (A byte-for-byte copy of a project still shares it until either is saved.)

#include "numeric/Error.h"

#include <QString>

namespace vanadis {

class RollbackJournal {
public:
    enum class Verdict {
        None,     ///< no journal, or one SQLite ignores (empty, zeroed header)
        Live,     ///< another process is writing (holds the RESERVED lock): not ours to judge
        Harmless, ///< SQLite would apply no page from it
        Belongs,  ///< a hot journal of this very file: let SQLite roll it back
        Foreign,  ///< it would change the file but does not belong to it
    };
    struct Inspection {
        Verdict verdict = Verdict::None;
        QString reason; ///< why Foreign, in words
    };

    /// Judges `<dbPath>-journal` without modifying anything. \a dbPath must already be a readable
    /// SQLite file, and this process must have no SQLite connection to it (a descriptor is opened
    /// and closed, which would drop that connection's POSIX locks).
    static Inspection inspect(const QString& dbPath);

    /// inspect(), then moves a Foreign journal to `<dbPath>-journal.refused-<UTC time>` so that
    /// SQLite cannot apply it. Returns a warning sentence when it did so (empty otherwise), an error
    /// when the journal could not be moved (then the file must not be opened).
    static Expected<QString> guard(const QString& dbPath);

    /// Sets the file change counter (header offset 24) and "version-valid-for" (offset 92, which
    /// must equal it for the in-header page count to stay valid) of a closed database file to one
    /// random value, and fsyncs it. SQLite only compares the counter for equality, so its start is
    /// free. For a file no connection has open (Save As and autosave, before the rename).
    static Expected<void> stampRandomChangeCounter(const QString& dbPath);
};

} // namespace vanadis
