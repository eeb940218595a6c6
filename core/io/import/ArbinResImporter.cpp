#include "io/import/ArbinResImporter.h"

#include "io/import/ImporterRegistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

#include <QDataStream>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <mdbtools.h>

namespace vanadis {

namespace {

constexpr const char* kRecordTable = "Channel_Normal_Table";

/// Page size of a Jet database from its version byte (0x14): Jet 3 pages are 2 KiB, later ones 4 KiB.
qsizetype jetPageBytes(const QByteArray& b)
{
    return quint8(b[0x14]) == 0 ? 2048 : 4096;
}

/// An OLE automation date (days since 1899-12-30, as Access stores DateTime) in UTC as written.
QDateTime oleDate(double days)
{
    if (!std::isfinite(days) || days < 1 || days > 2958465) return {};
    const QDateTime epoch(QDate(1899, 12, 30), QTime(0, 0), Qt::UTC);
    return epoch.addMSecs(qint64(std::llround(days * 86400000.0)));
}

struct MdbCloser {
    void operator()(MdbHandle* h) const { mdb_close(h); }
};
struct TableFreer {
    void operator()(MdbTableDef* t) const { mdb_free_tabledef(t); }
};

/// A table with its columns bound: after fetch(), number(i) and text(i) give the value of bound column i.
class BoundTable {
public:
    BoundTable(MdbHandle* mdb, MdbTableDef* t) : m_mdb(mdb), m_table(t) {}

    /// Binds column \a name; returns its slot or −1 when the table has no such column.
    int bind(const char* name)
    {
        for (unsigned c = 0; c < m_table->num_cols; ++c) {
            auto* col = static_cast<MdbColumn*>(g_ptr_array_index(m_table->columns, c));
            if (QByteArray(col->name).compare(name, Qt::CaseInsensitive) != 0) continue;
            // libmdb keeps the addresses of the buffer and the length: a slot never moves.
            auto s = std::make_unique<Slot>();
            s->col = col;
            s->buffer = std::make_unique<char[]>(MDB_BIND_SIZE);
            mdb_bind_column(m_table, int(c) + 1, s->buffer.get(), &s->len);
            m_slots.push_back(std::move(s));
            return int(m_slots.size()) - 1;
        }
        return -1;
    }
    bool fetch() { return mdb_fetch_row(m_table) != 0; }
    bool isNull(int i) const { return i < 0 || m_slots[size_t(i)]->len <= 0; }
    /// The number in slot \a i read from the row's bytes (not its text, which follows the C locale of the
    /// process); NaN when null or not numeric.
    double number(int i) const
    {
        if (isNull(i)) return std::nan("");
        const MdbColumn* c = m_slots[size_t(i)]->col;
        const int at = c->cur_value_start;
        if (at < 0 || at + 8 > int(sizeof m_mdb->pg_buf)) return std::nan("");
        switch (c->col_type) {
        case MDB_DOUBLE:
            return mdb_get_double(m_mdb->pg_buf, at);
        case MDB_FLOAT:
            return double(mdb_get_single(m_mdb->pg_buf, at));
        case MDB_LONGINT:
            return double(qint32(mdb_get_int32(m_mdb->pg_buf, at)));
        case MDB_INT:
            return double(qint16(mdb_get_int16(m_mdb->pg_buf, at)));
        case MDB_BYTE:
            return double(m_mdb->pg_buf[at]);
        default:
            return std::nan("");
        }
    }
    QString text(int i) const
    {
        return isNull(i) ? QString() : QString::fromUtf8(m_slots[size_t(i)]->buffer.get()).trimmed();
    }
    unsigned rows() const { return m_table->num_rows; }

private:
    struct Slot {
        MdbColumn* col = nullptr;
        std::unique_ptr<char[]> buffer;
        int len = 0;
    };
    MdbHandle* m_mdb;
    MdbTableDef* m_table;
    std::vector<std::unique_ptr<Slot>> m_slots;
};

struct Target {
    const char* source;
    const char* name;
    const char* unit;
    double factor;
    bool required;
};

// Arbin's units → the canonical columns of the cycling readers (EchemTableReader.h).
constexpr Target kTargets[] = {
    {"Data_Point", "Record", "1", 1.0, false},
    {"Cycle_Index", "Cycle", "1", 1.0, false},
    {"Step_Index", "Step", "1", 1.0, false},
    {"Test_Time", "Time", "s", 1.0, true},
    {"Step_Time", "Step Time", "s", 1.0, false},
    {"Voltage", "Voltage", "V", 1.0, true},
    {"Current", "Current", "mA", 1e3, true},
    {"Charge_Capacity", "Charge Capacity", "mAh", 1e3, false},
    {"Discharge_Capacity", "Discharge Capacity", "mAh", 1e3, false},
    {"Charge_Energy", "Charge Energy", "mWh", 1e3, false},
    {"Discharge_Energy", "Discharge Energy", "mWh", 1e3, false},
};

} // namespace

QString ArbinResImporter::displayName() const
{
    return QCoreApplication::translate("vanadis", "Arbin .res (Access database)");
}

int ArbinResImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (head.size() < 0x20 || head.mid(4, 15) != "Standard Jet DB") return 0;
    // Any Access database is a Jet file; the suffix makes it Arbin's (read() checks the table).
    return QFileInfo(fileName).suffix().compare(QLatin1String("res"), Qt::CaseInsensitive) == 0 ? 96 : 60;
}

qint64 ArbinResImporter::maxFileBytes() const
{
    return kMaxImportBytes;
}

namespace {

Expected<std::vector<ImportedDataset>> readDatabase(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    if (bytes.size() < 0x20 || bytes.mid(4, 15) != "Standard Jet DB")
        return fail(file, "byte 4", "not an MS Access (Jet) database, so not an Arbin .res file");
    const qsizetype page = jetPageBytes(bytes);
    if (bytes.size() < 2 * page || bytes.size() % page)
        return fail(file, "byte " + std::to_string(bytes.size() - bytes.size() % page),
                    "the database ends inside a " + std::to_string(page) +
                        "-byte page: the file is cut short");

    // libmdb reads through fmemopen(3) on this buffer (read-only); it lives until mdb_close.
    const QByteArray buffer = bytes;
    std::unique_ptr<MdbHandle, MdbCloser> mdb(
        mdb_open_buffer(const_cast<char*>(buffer.constData()), size_t(buffer.size()), MDB_NOFLAGS));
    if (!mdb) return fail(file, "byte 0", "the database header is not readable: the file is damaged");
    if (!mdb_read_catalog(mdb.get(), MDB_TABLE))
        return fail(file, "", "the database's table list is not readable: the file is damaged");
    std::unique_ptr<MdbTableDef, TableFreer> table(
        mdb_read_table_by_name(mdb.get(), const_cast<gchar*>(kRecordTable), MDB_TABLE));
    if (!table)
        return fail(file, "",
                    "an Access database without Arbin's Channel_Normal_Table: not an Arbin .res file (export "
                    "the test from MITS Pro as .xlsx or CSV)");
    if (!mdb_read_columns(table.get()))
        return fail(file, "table Channel_Normal_Table",
                    "the column list is not readable: the file is damaged");

    BoundTable t(mdb.get(), table.get());
    const int testId = t.bind("Test_ID");
    std::vector<int> slot;
    for (const Target& x : kTargets) {
        slot.push_back(t.bind(x.source));
        if (x.required && slot.back() < 0)
            return fail(file, "table Channel_Normal_Table",
                        std::string("no column ") + x.source + ": not a record table this reader knows");
    }
    mdb_rewind_table(table.get());
    const unsigned declared = t.rows();
    struct Test {
        std::vector<std::vector<double>> values;
    };
    std::map<long, Test> tests;
    std::vector<long> order;
    unsigned row = 0;
    while (t.fetch()) {
        ++row;
        const long id = testId >= 0 && !t.isNull(testId) ? long(t.number(testId)) : 1;
        auto [it, fresh] = tests.try_emplace(id);
        if (fresh) {
            it->second.values.resize(std::size(kTargets));
            order.push_back(id);
        }
        for (size_t k = 0; k < std::size(kTargets); ++k) {
            if (slot[k] < 0) continue;
            const double v = t.number(slot[k]);
            if (kTargets[k].required && !std::isfinite(v))
                return fail(file, "table Channel_Normal_Table, row " + std::to_string(row),
                            std::string("no number in column ") + kTargets[k].source);
            it->second.values[k].push_back(v * kTargets[k].factor);
        }
        if (row > declared) break;
    }
    if (row != declared)
        return fail(file, "table Channel_Normal_Table, row " + std::to_string(row + 1),
                    "the table declares " + std::to_string(declared) + " rows but " + std::to_string(row) +
                        " could be read: the file is cut short or damaged");
    if (tests.empty()) return fail(file, "table Channel_Normal_Table", "the record table holds no rows");

    // Test names, starts and channels (optional: a damaged Global_Table costs metadata, not data).
    struct Info {
        QString name, schedule, creator, comments;
        QDateTime start;
        int channel = -1;
    };
    std::map<long, Info> infos;
    if (std::unique_ptr<MdbTableDef, TableFreer> g(
            mdb_read_table_by_name(mdb.get(), const_cast<gchar*>("Global_Table"), MDB_TABLE));
        g && mdb_read_columns(g.get())) {
        BoundTable gt(mdb.get(), g.get());
        const int id = gt.bind("Test_ID"), name = gt.bind("Test_Name"), start = gt.bind("Start_DateTime"),
                  channel = gt.bind("Channel_Index"), schedule = gt.bind("Schedule_File_Name"),
                  creator = gt.bind("Creator"), comments = gt.bind("Comments");
        mdb_rewind_table(g.get());
        for (unsigned k = 0; k < 10000 && gt.fetch(); ++k) {
            Info& in = infos[id >= 0 ? long(gt.number(id)) : 1];
            in.name = gt.text(name);
            in.start = oleDate(gt.number(start));
            in.channel = gt.isNull(channel) ? -1 : int(gt.number(channel));
            in.schedule = gt.text(schedule);
            in.creator = gt.text(creator);
            in.comments = gt.text(comments);
        }
    }

    std::vector<ImportedDataset> out;
    for (long id : order) {
        Test& test = tests[id];
        // Rows in data-point order (a database keeps no row order of its own).
        const size_t n = test.values[3].size();
        std::vector<size_t> perm(n);
        std::iota(perm.begin(), perm.end(), size_t(0));
        const auto& point = test.values[0];
        if (!point.empty() && !std::is_sorted(point.begin(), point.end()))
            std::stable_sort(perm.begin(), perm.end(),
                             [&](size_t a, size_t b) { return point[a] < point[b]; });
        ImportedDataset d;
        d.technique = Technique::Echem;
        d.kind = QStringLiteral("cycling_record");
        d.name = QFileInfo(fileName).completeBaseName();
        if (tests.size() > 1) d.name += QStringLiteral(" test %1").arg(id);
        for (size_t k = 0; k < std::size(kTargets); ++k) {
            if (slot[k] < 0) continue;
            std::vector<double> v(n);
            for (size_t j = 0; j < n; ++j)
                v[j] = test.values[k][perm[j]];
            d.columns.push_back(
                {QLatin1String(kTargets[k].name), QLatin1String(kTargets[k].unit), std::move(v)});
        }
        d.metadata.insert(QStringLiteral("instrument"), QStringLiteral("Arbin"));
        d.metadata.insert(QStringLiteral("test_id"), qint64(id));
        if (const auto in = infos.find(id); in != infos.end()) {
            const Info& x = in->second;
            if (!x.name.isEmpty()) d.metadata.insert(QStringLiteral("test_name"), x.name);
            if (x.start.isValid())
                d.metadata.insert(QStringLiteral("start_time"), x.start.toString(Qt::ISODate));
            if (x.channel >= 0) d.metadata.insert(QStringLiteral("channel"), x.channel);
            if (!x.schedule.isEmpty()) d.metadata.insert(QStringLiteral("schedule"), x.schedule);
            if (!x.creator.isEmpty()) d.metadata.insert(QStringLiteral("creator"), x.creator);
            if (!x.comments.isEmpty()) d.metadata.insert(QStringLiteral("comments"), x.comments);
        }
        out.push_back(std::move(d));
    }
    return out;
}

#ifdef Q_OS_UNIX
// The result of the reading process, sent through a pipe.
QByteArray serialize(const Expected<std::vector<ImportedDataset>>& r)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << bool(r);
    if (!r) {
        s << QString::fromStdString(r.error().location) << QString::fromStdString(r.error().reason);
        return out;
    }
    s << quint32(r->size());
    for (const ImportedDataset& d : *r) {
        s << d.name << d.kind << QJsonDocument(d.metadata).toJson(QJsonDocument::Compact)
          << quint32(d.columns.size());
        for (const Column& c : d.columns) {
            s << c.name << c.unit << quint64(c.values.size());
            s.writeRawData(reinterpret_cast<const char*>(c.values.data()),
                           int(c.values.size() * sizeof(double)));
        }
    }
    return out;
}

Expected<std::vector<ImportedDataset>> deserialize(const QByteArray& in, const std::string& file)
{
    QDataStream s(in);
    bool ok = false;
    s >> ok;
    auto broken = [&] {
        return fail(file, "", "the Access database reader returned no result (damaged file?)");
    };
    if (s.status() != QDataStream::Ok) return broken();
    if (!ok) {
        QString location, reason;
        s >> location >> reason;
        if (s.status() != QDataStream::Ok) return broken();
        return fail(file, location.toStdString(), reason.toStdString());
    }
    quint32 n = 0;
    s >> n;
    std::vector<ImportedDataset> out;
    for (quint32 k = 0; k < n && s.status() == QDataStream::Ok; ++k) {
        ImportedDataset d;
        d.technique = Technique::Echem;
        QByteArray meta;
        quint32 columns = 0;
        s >> d.name >> d.kind >> meta >> columns;
        d.metadata = QJsonDocument::fromJson(meta).object();
        for (quint32 c = 0; c < columns && s.status() == QDataStream::Ok; ++c) {
            Column col;
            quint64 size = 0;
            s >> col.name >> col.unit >> size;
            if (size > quint64(in.size()) / sizeof(double)) return broken();
            col.values.resize(size);
            if (s.readRawData(reinterpret_cast<char*>(col.values.data()), int(size * sizeof(double))) !=
                int(size * sizeof(double)))
                return broken();
            d.columns.push_back(std::move(col));
        }
        out.push_back(std::move(d));
    }
    if (s.status() != QDataStream::Ok || out.size() != n) return broken();
    return out;
}
#endif

} // namespace

Expected<std::vector<ImportedDataset>>
ArbinResImporter::read(const QByteArray& bytes, const QString& fileName, const ImportOptions&) const
{
#ifdef Q_OS_UNIX
    // libmdb was not written for hostile input (it trusts page numbers, lengths and property blobs of the
    // database), so it reads in a child process: a crash or abort on a damaged file costs an error message,
    // never the application. The child only parses, writes its result to a pipe and leaves with _exit (no
    // handlers, no Qt teardown).
    const std::string file = fileName.toStdString();
    int fds[2];
    if (::pipe(fds) != 0) return fail(file, "", "the Access database reader could not be started (no pipe)");
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return fail(file, "", "the Access database reader could not be started (fork failed)");
    }
    if (pid == 0) {
        ::close(fds[0]);
        const QByteArray out = serialize(readDatabase(bytes, fileName));
        for (qsizetype done = 0; done < out.size();) {
            const ssize_t w = ::write(fds[1], out.constData() + done, size_t(out.size() - done));
            if (w <= 0) {
                if (w < 0 && errno == EINTR) continue;
                ::_exit(2);
            }
            done += w;
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray in;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n > 0)
            in.append(buf, n);
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(file, "",
                    "the Access database is damaged: its reader (libmdb) stopped on data it cannot parse");
    return deserialize(in, file);
#else
    return readDatabase(bytes, fileName);
#endif
}

} // namespace vanadis
