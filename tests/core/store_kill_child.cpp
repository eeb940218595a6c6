// Child process for the core store tests; each mode ends by being killed or by exiting on its own.
//   store_kill_child FILE                 saves a project again and again, printing "saved N" after
//                                         each successful save, until the parent kills it (SIGKILL)
//   store_kill_child --autosave FILE NOTE a GUI session about to crash: opens FILE, sets the first
//                                         sample's notes to NOTE, autosaves, prints "autosaved PATH"
//                                         and waits to be killed
//   store_kill_child --hold FILE          opens FILE, prints "opened" and waits to be killed
//   store_kill_child --open FILE          opens FILE and prints "ok" or "error: MESSAGE" (exit 0/1)
//   store_kill_child --txn FILE           another SQLite program mid-write: begins a transaction on
//                                         FILE that spills changed pages into it, prints "in
//                                         transaction", waits for a line on stdin, rolls back and
//                                         prints "rolled back" (exit 0)
// The recovery folder follows XDG_DATA_HOME, as in the GUI and vanadis-cli (same organisation and
// application name), so that a parent can point all of them at one temporary folder.
#include "TestUtil.h"
#include "io/ProjectDocument.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>
#include <cstring>
#include <sqlite3.h>

using namespace vanadis;

namespace {

[[noreturn]] void waitToBeKilled()
{
    for (;;)
        QThread::sleep(1);
}

int killLoop(const QString& file)
{
    auto doc = ProjectDocument::createNew("kill test");
    Project& p = doc->project();
    const Id s = test::addSample(p, "S");
    p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 200000, 1));
    Sample smp = *p.sample(s);
    smp.notes = "rev 0";
    p.updateSample(smp);
    if (!doc->saveAs(file)) return 1;
    std::printf("saved 0\n");
    std::fflush(stdout);
    for (int rev = 1; rev < 100000; ++rev) {
        // Each save adds a 200k-point dataset (≈ 3 MB) and changes the notes in one transaction.
        p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 200000, rev + 1));
        smp = *p.sample(s);
        smp.notes = QStringLiteral("rev %1").arg(rev);
        p.updateSample(smp);
        if (!doc->save()) return 1;
        std::printf("saved %d\n", rev);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName("Vanadis");
    QCoreApplication::setApplicationName("Vanadis");
    if (argc < 2) return 2;
    const char* mode = argv[1];
    if (std::strncmp(mode, "--", 2) != 0) return killLoop(QString::fromLocal8Bit(mode));
    if (argc < 3) return 2;
    const QString file = QString::fromLocal8Bit(argv[2]);
    if (std::strcmp(mode, "--txn") == 0) {
        sqlite3* db = nullptr;
        if (sqlite3_open(argv[2], &db) != SQLITE_OK) return 1;
        const char* sql =
            "PRAGMA cache_size=2; BEGIN IMMEDIATE; "
            "UPDATE dataset_columns SET data=zeroblob(length(data)); UPDATE samples SET notes='torn';";
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return 1;
        std::printf("in transaction\n");
        std::fflush(stdout);
        char line[64];
        if (!std::fgets(line, sizeof line, stdin)) return 1;
        const int rc = sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::printf(rc == SQLITE_OK ? "rolled back\n" : "rollback failed\n");
        return rc == SQLITE_OK ? 0 : 1;
    }
    auto doc = ProjectDocument::open(file);
    if (std::strcmp(mode, "--open") == 0) {
        std::printf("%s\n", doc ? "ok" : ("error: " + doc.error().message()).c_str());
        return doc ? 0 : 1;
    }
    if (!doc) {
        std::printf("error: %s\n", doc.error().message().c_str());
        return 1;
    }
    if (std::strcmp(mode, "--hold") == 0) {
        std::printf("opened\n");
        std::fflush(stdout);
        waitToBeKilled();
    }
    if (std::strcmp(mode, "--autosave") == 0 && argc >= 4) {
        Project& p = (*doc)->project();
        Sample smp = *p.samples().front();
        smp.notes = QString::fromLocal8Bit(argv[3]);
        p.updateSample(smp);
        if (auto ok = (*doc)->autosave(); !ok) {
            std::printf("error: %s\n", ok.error().message().c_str());
            return 1;
        }
        std::printf("autosaved %s\n", qPrintable((*doc)->recoveryPath()));
        std::fflush(stdout);
        waitToBeKilled();
    }
    return 2;
}
