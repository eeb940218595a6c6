#pragma once
/// \file ProjectFileState.h
/// The state of a project file's content: its size and its 100-byte SQLite header. The header holds
/// the file change counter (offset 24), which SQLite increments on every committed transaction in
/// rollback-journal mode, plus the page count, schema cookie and free-list fields; a Save As by
/// anyone replaces the file with one whose counter has moved on. So "same size and same header" is
/// "nobody wrote to the file since" (SQLite file format, section 1.3: "File change counter").

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vanadis {

class ProjectFileState {
public:
    /// Reads \a path through a descriptor of its own (never a FIFO or device: non-regular files
    /// are reported as absent). Only for files this process has no SQLite connection to: closing
    /// any descriptor of a file drops the process's POSIX locks on it. Files that are open use
    /// ProjectStore::fileState().
    static ProjectFileState read(const QString& path);
    /// From a size and the first bytes of the file (fewer than 100 when it is shorter).
    static ProjectFileState fromHeader(qint64 sizeBytes, const QByteArray& header);

    bool exists() const { return m_exists; }
    qint64 sizeBytes() const { return m_sizeBytes; }
    /// SQLite's file change counter (header offset 24), 0 when the header is short.
    quint32 changeCounter() const;
    bool operator==(const ProjectFileState& other) const = default;

    /// {"size": bytes, "header": hex} for the recovery file's meta table; absent files give {}.
    QJsonObject toJson() const;
    static ProjectFileState fromJson(const QJsonObject& o);

private:
    bool m_exists = false;
    qint64 m_sizeBytes = 0;
    QByteArray m_header;
};

} // namespace vanadis
