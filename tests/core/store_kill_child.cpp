// Child process for tst_store: saves a project again and again, printing "saved N" after each
// successful save, until the parent kills it with SIGKILL.
#include "TestUtil.h"
#include "io/ProjectDocument.h"

#include <QCoreApplication>
#include <cstdio>

using namespace vanadis;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) return 2;
    auto doc = ProjectDocument::createNew("kill test");
    Project& p = doc->project();
    const Id s = test::addSample(p, "S");
    p.insertDataset(s, test::makeDataset(p, Technique::Xrd, "pattern", 200000, 1));
    Sample smp = *p.sample(s);
    smp.notes = "rev 0";
    p.updateSample(smp);
    if (!doc->saveAs(QString::fromLocal8Bit(argv[1]))) return 1;
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
