// Instrument formats Vanadis recognises but does not read yet are named in the error (issue 9,
// finding 9), never parsed as text into "… is not a number"; formats it reads are not affected.

#include "../TempFiles.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/KnownFormats.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vanadis;

class TestKnownFormats : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        return testing::writeTempFile(m_dir, name, bytes);
    }

    static QString testdata()
    {
        const QByteArray env = qgetenv("VANADIS_TESTDATA");
        if (!env.isEmpty()) return QString::fromLocal8Bit(env);
        const QByteArray def = qgetenv("VANADIS_TESTDATA_DEFAULT");
        return def.isEmpty() ? QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata")
                             : QString::fromLocal8Bit(def);
    }

private Q_SLOTS:
    /// The XRD and binary cycler formats left the table when their readers arrived (tst_xrd_import,
    /// tst_binary_cycler_import): damaged heads of them are
    /// now answered by their reader, with a reason, never as "recognised … not read yet".
    void xrdFormatsAreRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("xrdml") << "a.xrdml"
                               << QByteArray("<?xml version=\"1.0\"?>\n<xrdMeasurements xmlns=\"x\">\n");
        QTest::newRow("raw v4") << "a.raw" << QByteArray("RAW4.00\0\0\0\0", 11);
        QTest::newRow("raw v3") << "a.raw" << QByteArray("RAW1.01\0\1\0\0\0", 12);
        QTest::newRow("ras") << "a.ras" << QByteArray("*RAS_DATA_START\n*RAS_HEADER_START\n");
        QTest::newRow("brml") << "a.brml" << QByteArray("PK\x03\x04\x14\0\0\0", 8);
        QTest::newRow("rasx") << "a.rasx" << QByteArray("PK\x03\x04\x14\0\0\0", 8);
        // The binary cycler files left the table when their readers arrived (tst_binary_cycler_import).
        QTest::newRow("mpr") << "a.mpr" << QByteArray("BIO-LOGIC MODULAR FILE\x1a                         ");
        QTest::newRow("nda v29") << "a.nda" << QByteArray("NEWARE20200325\x1d\0", 16);
        QTest::newRow("nda v130") << "a.nda" << QByteArray("NEWARE20160408\x82\0", 16);
        QTest::newRow("ndax") << "a.ndax" << QByteArray("PK\x03\x04\x14\0\0\0", 8);
        QTest::newRow("arbin res") << "a.res" << QByteArray("\0\1\0\0Standard Jet DB\0", 20);
    }

    void xrdFormatsAreRead()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, head);
        auto r = parseFile(write(file, head + QByteArray(2000, 'x')));
        QVERIFY2(!r, "a damaged file must not import");
        const QString msg = QString::fromStdString(r.error().message());
        QVERIFY2(!msg.contains("does not read yet") && !msg.contains("not a number"), qPrintable(msg));
        QVERIFY2(!recogniseUnsupportedFormat(head, file), qPrintable(file));
    }

    void formatsThatAreReadStillRead()
    {
        auto r = parseFile(write("xy.csv", "2Theta (deg),Intensity (counts)\n10,1\n10.02,2\n10.04,3\n"));
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QVERIFY(!recogniseUnsupportedFormat("P/P0,Quantity\n0.1,2\n", "iso.csv"));
    }

    /// The real files that were "recognised, not read yet" now import.
    void formerlyNamedRealFilesAreRead_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("importer");
        QTest::newRow("ndax v5") << "echem/neware/navani_test.ndax"
                                 << "neware-ndax";
        QTest::newRow("ndax v17") << "echem/neware/cellpy_20260302_IFE_BTS85_2_9_8_1.ndax"
                                  << "neware-ndax";
        QTest::newRow("arbin res") << "echem/arbin/navani_arbin_example.res"
                                   << "arbin-res";
    }

    void formerlyNamedRealFilesAreRead()
    {
        QFETCH(QString, relative);
        QFETCH(QString, importer);
        const QString path = QDir(testdata()).filePath(relative);
        if (!QFile::exists(path)) QSKIP("test data absent");
        auto r = parseFile(path);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(r->provenance.importerId, importer);
        QVERIFY(!recogniseUnsupportedFormat(r->bytes.left(65536), relative));
    }
};

QTEST_GUILESS_MAIN(TestKnownFormats)
#include "tst_known_formats.moc"
