// XRD readers (xrd.md §10): XRDML, Bruker RAW v1–v4 / BRML / UXD, Rigaku RAS / RASX, GSAS, XY/XYE.
//  - The real files under $VANADIS_TESTDATA/xrd (else VANADIS_TESTDATA_DEFAULT; skipped when absent):
//    recognised by content through parseFile, parsed completely, checked against values read off the
//    files independently (point counts, first/last 2θ and intensities from the text, struct-unpacked
//    binary offsets, the BRML files' own <Statistics> maximum and the NIST SRM lattice parameters).
//  - Every format generated here with known start, step and intensities, then recovered; multi-scan files.
//  - Each generated file cut at several offsets, garbled, with hostile declarations (huge point counts,
//    zip entries that lie about their size, a missing entry, bad XML, a wrong wavelength): an error
//    naming the file and the place, never a crash or a partial dataset.
#include "../TempFiles.h"
#include "io/ZipArchive.h"
#include "io/import/ImporterRegistry.h"
#include "io/import/KnownFormats.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <cmath>
#include <cstring>

using namespace vanadis;

namespace {

QString testdataDir()
{
    QString dir = qEnvironmentVariable("VANADIS_TESTDATA");
    if (dir.isEmpty()) dir = qEnvironmentVariable("VANADIS_TESTDATA_DEFAULT");
    if (dir.isEmpty()) dir = QStringLiteral(VANADIS_SOURCE_DIR "/../shared/testdata");
    return dir;
}

QString msg(const Error& e)
{
    return QString::fromStdString(e.message());
}

bool near(double a, double b, double tol)
{
    return std::abs(a - b) <= tol;
}
#define VERIFY_NEAR(a, b, tol)                                                                               \
    QVERIFY2(near((a), (b), (tol)), qPrintable(QStringLiteral("%1 = %2, expected %3 ± %4")                   \
                                                   .arg(#a)                                                  \
                                                   .arg((a), 0, 'g', 12)                                     \
                                                   .arg((b), 0, 'g', 12)                                     \
                                                   .arg(tol)))

const Column* column(const ImportedDataset& d, const QString& name)
{
    for (const Column& c : d.columns)
        if (c.name == name) return &c;
    return nullptr;
}

// ---- a minimal zip writer (stored entries) so that the tests can build containers and damage them ----

quint32 crc32(const QByteArray& data)
{
    static quint32 table[256];
    static bool init = false;
    if (!init) {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        init = true;
    }
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(QByteArray& b, quint16 v)
{
    char s[2];
    qToLittleEndian(v, s);
    b.append(s, 2);
}
void put32(QByteArray& b, quint32 v)
{
    char s[4];
    qToLittleEndian(v, s);
    b.append(s, 4);
}

struct ZipEntry {
    QString name;
    QByteArray data;
    qint64 declaredSize = -1; ///< a lie about the uncompressed size when ≥ 0
    bool badCrc = false;
};

QByteArray makeZip(const std::vector<ZipEntry>& entries)
{
    QByteArray out, central;
    for (const ZipEntry& e : entries) {
        const QByteArray name = e.name.toUtf8();
        const quint32 crc = crc32(e.data) ^ (e.badCrc ? 1u : 0u);
        const quint32 size = quint32(e.declaredSize >= 0 ? e.declaredSize : e.data.size());
        const quint32 offset = quint32(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x0800); // UTF-8 names
        put16(out, 0);      // stored
        put16(out, 0);
        put16(out, 0x21);
        put32(out, crc);
        put32(out, quint32(e.data.size()));
        put32(out, size);
        put16(out, quint16(name.size()));
        put16(out, 0);
        out += name;
        out += e.data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0x21);
        put32(central, crc);
        put32(central, quint32(e.data.size()));
        put32(central, size);
        put16(central, quint16(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    const quint32 cdOffset = quint32(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries.size()));
    put16(out, quint16(entries.size()));
    put32(out, quint32(central.size()));
    put32(out, cdOffset);
    put16(out, 0);
    return out;
}

// ---- generated patterns: known start, step, intensities ----

/// A pattern with two Gaussian peaks on a background, integer counts.
std::vector<double> pattern(int n, double start, double step)
{
    std::vector<double> y(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double t = start + step * i;
        y[size_t(i)] = std::round(100.0 + 5000.0 * std::exp(-0.5 * std::pow((t - 24.3) / 0.08, 2)) +
                                  2500.0 * std::exp(-0.5 * std::pow((t - 33.0) / 0.1, 2)));
    }
    return y;
}

QByteArray numberList(const std::vector<double>& v)
{
    QByteArray out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ' ';
        out += QByteArray::number(v[i], 'g', 12);
    }
    return out;
}

QByteArray xrdml2(const std::vector<std::vector<double>>& scans, double start, double step,
                  double lambda1 = 1.5405980, const QByteArray& attenuation = {})
{
    QByteArray x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xrdMeasurements xmlns=\"http://www.xrdml.com/XRDMeasurement/2.1\" status=\"Completed\">\n"
        "  <comment><entry>Diffractometer system=EMPYREAN</entry></comment>\n"
        "  <sample type=\"To be analyzed\"><id>V2O3-id</id><name>V2O3 C-coated</name></sample>\n"
        "  <xrdMeasurement measurementType=\"Scan\" status=\"Completed\">\n"
        "    <usedWavelength intended=\"K-Alpha 1\">\n"
        "      <kAlpha1 unit=\"Angstrom\">" +
        QByteArray::number(lambda1, 'g', 8) +
        "</kAlpha1>\n"
        "      <kAlpha2 unit=\"Angstrom\">1.5444260</kAlpha2>\n"
        "      <kBeta unit=\"Angstrom\">1.3922500</kBeta>\n"
        "      <ratioKAlpha2KAlpha1>0.5000</ratioKAlpha2KAlpha1>\n"
        "    </usedWavelength>\n"
        "    <incidentBeamPath><xRayTube><tension unit=\"kV\">45</tension><current unit=\"mA\">40</current>"
        "<anodeMaterial>Cu</anodeMaterial></xRayTube></incidentBeamPath>\n";
    int k = 0;
    for (const auto& y : scans) {
        const double end = start + step * double(y.size() - 1);
        x += "    <scan appendNumber=\"" + QByteArray::number(k++) +
             "\" mode=\"Continuous\" scanAxis=\"Gonio\" status=\"Completed\">\n"
             "      <header><startTimeStamp>2024-03-05T10:11:12+01:00</startTimeStamp></header>\n"
             "      <dataPoints>\n"
             "        <positions axis=\"2Theta\" unit=\"deg\"><startPosition>" +
             QByteArray::number(start, 'g', 12) + "</startPosition><endPosition>" +
             QByteArray::number(end, 'g', 12) +
             "</endPosition></positions>\n"
             "        <positions axis=\"Omega\" "
             "unit=\"deg\"><startPosition>5</startPosition><endPosition>40</endPosition>"
             "</positions>\n"
             "        <commonCountingTime unit=\"seconds\">40.0</commonCountingTime>\n" +
             attenuation + "        <counts unit=\"counts\">" + numberList(y) +
             "</counts>\n"
             "      </dataPoints>\n"
             "    </scan>\n";
    }
    x += "  </xrdMeasurement>\n</xrdMeasurements>\n";
    return x;
}

QByteArray rasText(const std::vector<std::vector<double>>& scans, double start, double step,
                   double factor = 1.0, const char* lambda = "1.540593")
{
    QByteArray r = "*RAS_DATA_START\r\n";
    for (const auto& y : scans) {
        r += "*RAS_HEADER_START\r\n"
             "*FILE_SAMPLE \"TiO2 \xB5-test\"\r\n"
             "*HW_XG_TARGET_NAME \"Cu\"\r\n"
             "*HW_XG_WAVE_LENGTH_ALPHA1 \"" +
             QByteArray(lambda) +
             "\"\r\n"
             "*HW_XG_WAVE_LENGTH_ALPHA2 \"1.544414\"\r\n"
             "*HW_XG_WAVE_LENGTH_BETA \"1.392250\"\r\n"
             "*MEAS_SCAN_AXIS_X \"2-Theta\"\r\n"
             "*MEAS_SCAN_START \"" +
             QByteArray::number(start) + "\"\r\n*MEAS_SCAN_STEP \"" + QByteArray::number(step) +
             "\"\r\n*MEAS_SCAN_SPEED \"2.0\"\r\n*MEAS_SCAN_SPEED_UNIT \"deg/min\"\r\n"
             "*MEAS_SCAN_START_TIME \"02/18/19 13:06:36\"\r\n"
             "*MEAS_SCAN_UNIT_Y \"counts\"\r\n"
             "*MEAS_DATA_COUNT \"" +
             QByteArray::number(qint64(y.size())) +
             "\"\r\n"
             "*RAS_HEADER_END\r\n*RAS_INT_START\r\n";
        for (size_t i = 0; i < y.size(); ++i)
            r += QByteArray::number(start + step * double(i), 'f', 4) + " " +
                 QByteArray::number(y[i] / factor, 'f', 3) + " " + QByteArray::number(factor, 'f', 3) +
                 "\r\n";
        r += "*RAS_INT_END\r\n";
    }
    r += "*RAS_DATA_END\r\n";
    return r;
}

QByteArray rasxConditions(int points, double start, double step, const char* lambda = "1.540593")
{
    return "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<MeasurementConditions>\n"
           "<GeneralInformation><SampleName>PowderSample</SampleName><SystemName>SmartLabXE</SystemName>"
           "</GeneralInformation>\n"
           "<HWConfigurations><XrayGenerator><TargetName>Cu</TargetName><Voltage>45</Voltage><Current>200</"
           "Current>"
           "<WavelengthKbeta>1.392246</WavelengthKbeta><WavelengthKalpha1>" +
           QByteArray(lambda) +
           "</WavelengthKalpha1><WavelengthKalpha2>1.544414</WavelengthKalpha2></XrayGenerator></"
           "HWConfigurations>\n"
           "<ScanInformation><AxisName>TwoTheta</AxisName><Start>" +
           QByteArray::number(start) + "</Start><Step>" + QByteArray::number(step) +
           "</Step><Speed>1.0</Speed><SpeedUnit>deg/min</SpeedUnit><PositionUnit>deg</PositionUnit>"
           "<IntensityUnit>counts</IntensityUnit><StartTime>2021-05-05T10:35:31Z</StartTime><DataCount>" +
           QByteArray::number(points) + "</DataCount></ScanInformation>\n</MeasurementConditions>\n";
}

QByteArray rasxProfile(const std::vector<double>& y, double start, double step, double factor = 1.0)
{
    QByteArray p = "\xEF\xBB\xBF";
    for (size_t i = 0; i < y.size(); ++i)
        p += QByteArray::number(start + step * double(i), 'f', 4) + "\t" +
             QByteArray::number(y[i] / factor, 'g', 15) + "\t" + QByteArray::number(factor) + "\r\n";
    return p;
}

QByteArray brmlRawData(const std::vector<double>& y, double start, double step, const char* lambda = "1.5406",
                       double absorption = 1.0)
{
    QByteArray x =
        "<?xml version=\"1.0\"?>\n<RawData xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<MeasurementStatus>Measured</MeasurementStatus>\n"
        "<TimeStampStarted>2026-01-05T14:36:36.0268428+01:00</TimeStampStarted>\n"
        "<TimeStampFinished>2026-01-05T15:06:40.5000000+01:00</TimeStampFinished>\n"
        "<DataRoutes><DataRoute RouteFlag=\"Measured\">\n"
        "<ScanInformation ScanName=\"LockedCoupled\" VisibleName=\"Coupled TwoTheta/Theta\">"
        "<MeasurementPoints>" +
        QByteArray::number(qint64(y.size())) +
        "</MeasurementPoints><TimePerStep>4</TimePerStep>\n<ScanAxes>"
        "<ScanAxisInfo AxisId=\"TwoTheta\"><Unit Base=\"Degree\"/><Start>" +
        QByteArray::number(start, 'g', 17) + "</Start><Increment>" + QByteArray::number(step, 'g', 17) +
        "</Increment></ScanAxisInfo>"
        "<ScanAxisInfo AxisId=\"Theta\"><Start>" +
        QByteArray::number(start / 2, 'g', 17) + "</Start><Increment>" +
        QByteArray::number(step / 2, 'g', 17) + "</Increment></ScanAxisInfo></ScanAxes></ScanInformation>\n";
    // Datum columns deliberately not in the "usual" order: counts before the axes, so that only the
    // DataViews give the right mapping.
    for (size_t i = 0; i < y.size(); ++i) {
        const double t = start + step * double(i);
        x += "<Datum>768," + QByteArray::number(y[i] / absorption, 'g', 12) + "," +
             QByteArray::number(absorption) + "," + QByteArray::number(t / 2, 'f', 4) + "," +
             QByteArray::number(t, 'f', 4) + "</Datum>\n";
    }
    x +=
        "<DataViews>"
        "<RawDataView xsi:type=\"FixedRawDataView\" Start=\"0\" Length=\"1\" LogicName=\"MeasuredTime\"/>"
        "<RawDataView xsi:type=\"RecordedRawDataView\" Start=\"1\" Length=\"1\"><Recording "
        "LogicName=\"ScanCounter\">"
        "<Unit Base=\"Counts\"/></Recording></RawDataView>"
        "<RawDataView xsi:type=\"FixedRawDataView\" Start=\"2\" Length=\"1\" LogicName=\"AbsorptionFactor\"/>"
        "<RawDataView xsi:type=\"VaryingRawDataView\" Start=\"3\" Length=\"2\"><Varying>"
        "<FieldDefinitions FieldName=\"Theta\"/><FieldDefinitions "
        "FieldName=\"TwoTheta\"/></Varying></RawDataView>"
        "</DataViews>\n</DataRoute></DataRoutes>\n"
        "<FixedInformation><Instrument><Tube><WaveLengthAlpha1 Unit=\"Å\" Value=\"" +
        QByteArray(lambda) +
        "\"/><WaveLengthAlpha2 Unit=\"Å\" Value=\"1.54439\"/><WaveLengthBeta Unit=\"Å\" Value=\"1.39222\"/>"
        "<WaveLengthRatio Unit=\"\" Value=\"0.5\"/><TubeMaterial>Cu</TubeMaterial>"
        "<Generator><Voltage Unit=\"kV\" Value=\"40\"/><Current Unit=\"mA\" Value=\"40\"/></Generator></Tube>"
        "</Instrument></FixedInformation>\n</RawData>\n";
    return x;
}

QByteArray brmlContainer()
{
    return "<?xml "
           "version=\"1.0\"?>\n<DataContainer><ExperimentInfo><InstrumentDescription><InstrumentName>Test D8"
           "</InstrumentName></InstrumentDescription></ExperimentInfo>"
           "<MeasurementInfo SampleName=\"SRM-gen\"/></DataContainer>\n";
}

QByteArray uxdText(const std::vector<double>& y, double start, double step, bool pairs)
{
    QByteArray u =
        "; generated\r\n_FILEVERSION=2\r\n_SAMPLE='UXD gen'\r\n_DATEMEASURED='04-Mar-2010 20:59:14'\r\n"
        "_WL1=1.540600\r\n_WL2=1.544390\r\n_WL3=1.392220\r\n_WLRATIO=0.500000\r\n_ANODE='Cu'\r\n"
        "; (Data for Range number 1)\r\n_DRIVE='COUPLED'\r\n_STEPTIME=0.500000\r\n_STEPSIZE=" +
        QByteArray::number(step) + "\r\n_START=" + QByteArray::number(start) + "\r\n_KV=45\r\n_MA=40\r\n";
    if (pairs) {
        u += "_2THETACOUNTS\r\n";
        for (size_t i = 0; i < y.size(); ++i)
            u += QByteArray::number(start + step * double(i), 'f', 4) + "\t" + QByteArray::number(y[i]) +
                 "\r\n";
    } else {
        u += "_COUNTS\r\n";
        for (size_t i = 0; i < y.size(); ++i)
            u += QByteArray::number(y[i]) + ((i % 8 == 7 || i + 1 == y.size()) ? "\r\n" : " ");
    }
    return u;
}

// Binary RAW writers, from the layouts in BrukerRawImporter.h.
void setU32(QByteArray& b, qint64 at, quint32 v)
{
    qToLittleEndian(v, b.data() + at);
}
void setU16(QByteArray& b, qint64 at, quint16 v)
{
    qToLittleEndian(v, b.data() + at);
}
void setF32(QByteArray& b, qint64 at, float v)
{
    quint32 bits;
    std::memcpy(&bits, &v, 4);
    setU32(b, at, bits);
}
void setF64(QByteArray& b, qint64 at, double v)
{
    quint64 bits;
    std::memcpy(&bits, &v, 8);
    qToLittleEndian(bits, b.data() + at);
}
void setText(QByteArray& b, qint64 at, const char* s)
{
    std::memcpy(b.data() + at, s, std::strlen(s));
}

QByteArray rawV1(const std::vector<std::vector<double>>& scans, float start, float step)
{
    QByteArray b = "RAW ";
    for (size_t r = 0; r < scans.size(); ++r) {
        if (r > 0) b += "RAW "; // later DIFFRAC-AT versions repeat the magic
        QByteArray h(152, '\0');
        setU32(h, 0, quint32(scans[r].size()));
        setF32(h, 4, 1.0f);
        setF32(h, 8, step);
        setF32(h, 20, start);
        setText(h, 36, "V1 sample");
        setF32(h, 68, 1.5406f);
        setF32(h, 72, 1.54439f);
        setU32(h, 148, r + 1 < scans.size() ? 1 : 0);
        b += h;
        for (double y : scans[r]) {
            QByteArray v(4, '\0');
            setF32(v, 0, float(y));
            b += v;
        }
    }
    return b;
}

QByteArray rawV2(const std::vector<double>& y, float start, float step)
{
    QByteArray b(256, '\0');
    setText(b, 0, "RAW2");
    setU16(b, 4, 1);
    setText(b, 168, "03/04/10");
    setText(b, 188, "Cu");
    setF32(b, 190, 1.5406f);
    setF32(b, 194, 1.54439f);
    setF32(b, 198, 0.5f);
    QByteArray h(48, '\0');
    setU16(h, 0, 48);
    setU16(h, 2, quint16(y.size()));
    setF32(h, 8, 2.0f);
    setF32(h, 12, step);
    setF32(h, 16, start);
    b += h;
    for (double v : y) {
        QByteArray c(4, '\0');
        setF32(c, 0, float(v));
        b += c;
    }
    return b;
}

QByteArray rawV3(const std::vector<double>& y, double start, double step, double lambda = 1.5406)
{
    QByteArray b(712, '\0');
    setText(b, 0, "RAW1.01");
    setU32(b, 8, 1);
    setU32(b, 12, 1);
    setText(b, 16, "06/05/08");
    setText(b, 26, "11:45:35");
    setText(b, 326, "V3 sample");
    setText(b, 608, "Cu");
    setF64(b, 616, 1.54184);
    setF64(b, 624, lambda);
    setF64(b, 632, 1.54439);
    setF64(b, 640, 1.39222);
    setF64(b, 648, 0.5);
    QByteArray h(304, '\0');
    setU32(h, 0, 304);
    setU32(h, 4, quint32(y.size()));
    setF64(h, 16, start);
    setF64(h, 176, step);
    setF32(h, 192, 0.5f);
    setU32(h, 224, 40);
    setU32(h, 228, 40);
    setU32(h, 252, 4);
    setU32(h, 256, 40);
    b += h + QByteArray(40, '\0');
    for (double v : y) {
        QByteArray c(4, '\0');
        setF32(c, 0, float(v));
        b += c;
    }
    return b;
}

QByteArray rawV4(const std::vector<double>& y, double start, double step)
{
    QByteArray b(61, '\0');
    setText(b, 0, "RAW4.00");
    setText(b, 12, "04/07/2025");
    setText(b, 24, "20:48:56");
    auto textSeg = [&](const char* key, const char* value) {
        QByteArray s(36, '\0');
        setU32(s, 0, 10);
        setText(s, 12, key);
        s += QByteArray(value) + "\n";
        setU32(s, 4, quint32(s.size()));
        b += s;
    };
    textSeg("USER", "Administrator");
    textSeg("SAMPLEID", "V4 sample");
    QByteArray tube(120, '\0');
    setU32(tube, 0, 30);
    setU32(tube, 4, 120);
    setF64(tube, 72, 1.54184);
    setF64(tube, 80, 1.5406);
    setF64(tube, 88, 1.54439);
    setF64(tube, 96, 1.39222);
    setF64(tube, 104, 0.5);
    setText(tube, 116, "Cu");
    b += tube;
    QByteArray r(160, '\0');
    setU32(r, 0, 0);
    setText(r, 32, "Locked Coupled");
    setF64(r, 72, start);
    setF64(r, 80, step);
    setU32(r, 88, quint32(y.size()));
    setF32(r, 92, 1000.0f);
    setF32(r, 100, 40.0f);
    setF32(r, 104, 40.0f);
    setU32(r, 136, 8);
    setU32(r, 140, 64);
    QByteArray drive(64, '\0');
    setU32(drive, 0, 50);
    setU32(drive, 4, 64);
    setText(drive, 12, "2Theta");
    setF64(drive, 56, start);
    b += r + drive;
    for (double v : y) {
        QByteArray c(8, '\0');
        setF32(c, 0, float(v));
        setU32(c, 4, 1);
        b += c;
    }
    return b;
}

QByteArray gsasStd(const std::vector<double>& y, double startCentideg, double stepCentideg)
{
    const int nrec = int((y.size() + 9) / 10);
    QByteArray g = "Generated GSAS STD file" + QByteArray(57, ' ') + "\n";
    g += "Instrument parameter file: cu.prm\n# a comment\n";
    g += QStringLiteral("BANK 1 %1 %2 CONST %3 %4 0 0 STD")
             .arg(y.size())
             .arg(nrec)
             .arg(startCentideg, 0, 'f', 2)
             .arg(stepCentideg, 0, 'f', 2)
             .toLatin1()
             .leftJustified(80, ' ') +
         "\n";
    for (int r = 0; r < nrec; ++r) {
        QByteArray line;
        for (int k = 0; k < 10; ++k) {
            const size_t i = size_t(r * 10 + k);
            if (i >= y.size()) break;
            line += (i % 7 == 3 ? QByteArray(" 2") : QByteArray("  ")) +
                    QByteArray::number(y[i], 'f', 0).rightJustified(6, ' ');
        }
        g += line + "\n";
    }
    return g;
}

QByteArray gsasEsd(const std::vector<double>& y, double startCentideg, double stepCentideg)
{
    const int nrec = int((y.size() + 4) / 5);
    QByteArray g = "Generated GSAS ESD file\n";
    g += QStringLiteral("BANK 1 %1 %2 CONST %3 %4 0 0 ESD\n")
             .arg(y.size())
             .arg(nrec)
             .arg(startCentideg, 0, 'f', 2)
             .arg(stepCentideg, 0, 'f', 2)
             .toLatin1();
    for (int r = 0; r < nrec; ++r) {
        QByteArray line;
        for (int k = 0; k < 5; ++k) {
            const size_t i = size_t(r * 5 + k);
            if (i >= y.size()) break;
            line += QByteArray::number(y[i], 'f', 1).rightJustified(8, ' ') +
                    QByteArray::number(std::sqrt(y[i]), 'f', 2).rightJustified(8, ' ');
        }
        g += line + "\n";
    }
    return g;
}

QByteArray gsasFxye(const std::vector<double>& y, double startCentideg, double stepCentideg)
{
    QByteArray g = "Generated GSAS FXYE file\n";
    g += QStringLiteral("BANK 1 %1 %1 CONS %2 %3 0 0 FXYE\n")
             .arg(y.size())
             .arg(startCentideg, 0, 'f', 3)
             .arg(stepCentideg, 0, 'f', 3)
             .toLatin1();
    for (size_t i = 0; i < y.size(); ++i)
        g += QByteArray::number(startCentideg + stepCentideg * double(i), 'f', 3) + " " +
             QByteArray::number(y[i]) + " " + QByteArray::number(std::sqrt(y[i]), 'f', 4) + "\n";
    return g;
}

/// A generated file of one format and what it must give back.
struct Generated {
    QString name;
    QByteArray bytes;
    QString importer;
    std::vector<std::vector<double>> scans; ///< expected intensities per scan
    double start = 0, step = 0;
    double angleTol = 1e-9, yTol = 1e-9;
    bool sigma = false;
    bool hasWavelength = true;
};

std::vector<Generated> generatedFiles()
{
    const double start = 10.0, step = 0.02;
    const int n = 1501;
    const auto y = pattern(n, start, step);
    std::vector<double> y2 = y;
    for (double& v : y2)
        v = v * 2 + 7;
    std::vector<Generated> g;
    g.push_back({"gen21.xrdml", xrdml2({y}, start, step), "xrdml", {y}, start, step});
    g.push_back({"gen-two-scans.xrdml", xrdml2({y, y2}, start, step), "xrdml", {y, y2}, start, step});
    {
        // Schema 2.x raw counts with attenuation factors: the file stores y / f, the reader gives y back.
        std::vector<double> f(static_cast<size_t>(n), 1.0), counts = y;
        for (int i = 0; i < n; i += 50) {
            f[size_t(i)] = 4.0;
            counts[size_t(i)] = y[size_t(i)] / 4.0;
        }
        QByteArray x =
            xrdml2({counts}, start, step, 1.5405980,
                   "        <beamAttenuationFactors>" + numberList(f) + "</beamAttenuationFactors>\n");
        g.push_back({"gen-attenuated.xrdml", x, "xrdml", {y}, start, step});
        // Schema 1.5 <intensities> with listPositions (attenuation already applied by the writer).
        QByteArray v15 = xrdml2({y}, start, step);
        v15.replace("XRDMeasurement/2.1", "XRDMeasurement/1.5");
        v15.replace("<counts unit=\"counts\">", "<intensities unit=\"counts\">");
        v15.replace("</counts>", "</intensities>");
        std::vector<double> angles(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i)
            angles[size_t(i)] = start + step * i;
        const qsizetype a = v15.indexOf("<startPosition>"), b = v15.indexOf("</endPosition>") + 14;
        v15.replace(a, b - a, "<listPositions>" + numberList(angles) + "</listPositions>");
        g.push_back({"gen15.xrdml", v15, "xrdml", {y}, start, step});
    }
    g.push_back({"gen.ras", rasText({y}, start, step), "rigaku-ras", {y}, start, step});
    g.push_back({"gen-two.ras", rasText({y, y2}, start, step, 2.0), "rigaku-ras", {y, y2}, start, step});
    g.push_back({"gen.rasx",
                 makeZip({{"Data0/Profile0.txt", rasxProfile(y, start, step, 2.0)},
                          {"Data0/MesurementConditions0.xml", rasxConditions(n, start, step)},
                          {"root.xml", "<Root/>"}}),
                 "rigaku-rasx",
                 {y},
                 start,
                 step});
    g.push_back({"gen.brml",
                 makeZip({{"gen/Experiment0/DataContainer.xml", brmlContainer()},
                          {"gen/Experiment0/RawData0.xml", brmlRawData(y, start, step, "1.5406", 2.0)},
                          {"gen/Experiment0/RawData1.xml", brmlRawData(y2, start, step)}}),
                 "bruker-brml",
                 {y, y2},
                 start,
                 step});
    g.push_back({"gen.uxd", uxdText(y, start, step, true), "bruker-uxd", {y}, start, step});
    g.push_back({"gen-counts.uxd", uxdText(y, start, step, false), "bruker-uxd", {y}, start, step});
    // float32 start and step (v1, v2): 2θ to float precision.
    g.push_back(
        {"gen-v1.raw", rawV1({y, y2}, float(start), float(step)), "bruker-raw", {y, y2}, start, step, 1e-5});
    g.push_back({"gen-v2.raw", rawV2(y, float(start), float(step)), "bruker-raw", {y}, start, step, 1e-5});
    g.push_back({"gen-v3.raw", rawV3(y, start, step), "bruker-raw", {y}, start, step});
    g.push_back({"gen-v4.raw", rawV4(y, start, step), "bruker-raw", {y}, start, step});
    g.push_back({"gen-std.gsa",
                 gsasStd(y, start * 100, step * 100),
                 "gsas-raw",
                 {y},
                 start,
                 step,
                 1e-9,
                 1e-9,
                 true,
                 false});
    g.push_back({"gen-esd.gsa",
                 gsasEsd(y, start * 100, step * 100),
                 "gsas-raw",
                 {y},
                 start,
                 step,
                 1e-9,
                 1e-9,
                 true,
                 false});
    g.push_back({"gen.fxye",
                 gsasFxye(y, start * 100, step * 100),
                 "gsas-raw",
                 {y},
                 start,
                 step,
                 1e-9,
                 1e-9,
                 true,
                 false});
    {
        QByteArray xy = "# generated\n# Wavelength: 1.5406 A\n";
        QByteArray xye = "2Theta Intensity Sigma\n";
        for (int i = 0; i < n; ++i) {
            xy +=
                QByteArray::number(start + step * i, 'f', 3) + "  " + QByteArray::number(y[size_t(i)]) + "\n";
            xye += QByteArray::number(start + step * i, 'f', 3) + "\t" + QByteArray::number(y[size_t(i)]) +
                   "\t" + QByteArray::number(std::sqrt(y[size_t(i)]), 'f', 5) + "\n";
        }
        g.push_back({"gen.xy", xy, "xrd-xy", {y}, start, step});
        g.push_back({"gen.xye", xye, "xrd-xy", {y}, start, step, 1e-9, 1e-9, true, false});
    }
    return g;
}

} // namespace

class TestXrdImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        return testing::writeTempFile(m_dir, name, bytes);
    }

    /// parseFile on a generated file; the datasets or a failed test.
    std::vector<ImportedDataset> parseGenerated(const QString& name, const QByteArray& bytes,
                                                const QString& expectImporter)
    {
        auto r = parseFile(write(name, bytes));
        if (!r) {
            QTest::qFail(qPrintable(name + ": " + msg(r.error())), __FILE__, __LINE__);
            return {};
        }
        if (r->provenance.importerId != expectImporter)
            QTest::qFail(
                qPrintable(name + " read by " + r->provenance.importerId + ", expected " + expectImporter),
                __FILE__, __LINE__);
        return r->datasets;
    }

    /// The file must be refused with an error naming it and a reason (and containing \a part if given).
    void expectError(const QString& name, const QByteArray& bytes, const QString& part = {},
                     const QString& location = {})
    {
        auto r = parseFile(write(name, bytes));
        QVERIFY2(!r, qPrintable(name + " was accepted"));
        const QString m = msg(r.error());
        QVERIFY2(QString::fromStdString(r.error().file).endsWith(name), qPrintable("no file name: " + m));
        QVERIFY2(!r.error().reason.empty(), qPrintable(m));
        if (!part.isEmpty())
            QVERIFY2(m.contains(part, Qt::CaseInsensitive), qPrintable("expected '" + part + "' in: " + m));
        if (!location.isEmpty())
            QVERIFY2(QString::fromStdString(r.error().location).contains(location),
                     qPrintable("expected location '" + location + "' in: " + m));
    }

    static void checkPattern(const ImportedDataset& d, const std::vector<double>& y, double start,
                             double step, double angleTol = 1e-9, double yTol = 1e-9)
    {
        QCOMPARE(d.technique, Technique::Xrd);
        QCOMPARE(d.kind, QString("xrd_pattern"));
        const Column* x = column(d, "2Theta");
        const Column* i = column(d, "Intensity");
        QVERIFY(x && i);
        QCOMPARE(x->unit, QString("deg"));
        QCOMPARE(x->values.size(), y.size());
        for (size_t k = 0; k < y.size(); k += std::max<size_t>(1, y.size() / 37)) {
            VERIFY_NEAR(x->values[k], start + step * double(k), angleTol);
            VERIFY_NEAR(i->values[k], y[k], yTol);
        }
        VERIFY_NEAR(x->values.back(), start + step * double(y.size() - 1), angleTol);
        VERIFY_NEAR(i->values.back(), y.back(), yTol);
        VERIFY_NEAR(d.metadata["two_theta_start_deg"].toDouble(), start, angleTol);
        VERIFY_NEAR(d.metadata["step_deg"].toDouble(), step, 1e-6);
    }

private Q_SLOTS:
    // ---------------------------------------------------------------- real files
    void realFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("importer");
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("last");
        QTest::addColumn<double>("angleTol");
        QTest::addColumn<double>("y0");
        QTest::addColumn<double>("y1");
        QTest::addColumn<double>("yLast");
        QTest::addColumn<double>("lambda1"); // NaN: the file states none
        QTest::addColumn<double>("lambda2");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("sample");
        const double none = std::nan("");
        // Values read off the files: text rows (grep/sed), XML elements, struct.unpack of the binary
        // offsets (python), independent of the readers.
        QTest::newRow("xrdml 1.5 intensities") << "xylib_empyrean_v1.5_intensities.xrdml"
                                               << "xrdml" << 196 << 30.05 << 41.75 << 1e-9 << 8.0 << 11.0
                                               << 6.0 << 1.540598 << 1.544426 << "counts"
                                               << "";
        QTest::newRow("xrdml 2.1 counts") << "xylib_pr25_empyrean_v2.1_counts_15-120deg.xrdml"
                                          << "xrdml" << 3998 << 15.02343028 << 119.98691 << 1e-9 << 10704.0
                                          << 10742.0 << 8826.0 << 1.540598 << 1.544426 << "counts"
                                          << "example-data";
        QTest::newRow("xrdml nomad") << "nomad_XRD-918-16_10_empyrean_powder.xrdml"
                                     << "xrdml" << 5027 << 4.00656514 << 69.99936587 << 1e-9 << 1305.0
                                     << 1310.0 << 171.0 << 1.540598 << 1.544426 << "counts"
                                     << "";
        QTest::newRow("raw v3 BT86") << "xylib_BT86_bruker.raw"
                                     << "bruker-raw" << 2374 << 3.0 << 3.0 + 2373 * 0.0155922 << 1e-6 << 187.0
                                     << 183.0 << 269.0 << 1.5406 << 1.54439 << "counts"
                                     << "BT86";
        QTest::newRow("raw v3 Cu3Au") << "xylib_Cu3Au-1_bruker_raw_v3.raw"
                                      << "bruker-raw" << 3901 << 22.0 << 100.0 << 1e-6 << 48.0 << 24.0 << 11.0
                                      << 1.5406 << 1.54439 << "counts"
                                      << "Cu3Au-1";
        // Scrambled intensities (a format test only, PROVENANCE.md): the values are what the bytes hold.
        QTest::newRow("raw v4") << "nomad_TwoTheta_scan_scrambled_bruker_raw_v4.raw"
                                << "bruker-raw" << 7134 << 10.0 << 10.0 + 7133 * 0.010520299896597862 << 1e-9
                                << 283.7691955566406 << -164.5344696044922 << -105.77827453613281 << 1.5406
                                << none << "counts"
                                << "HeOx-1001-nsp-sps-900C-10min-01-poliert";
        QTest::newRow("uxd BT86") << "xylib_BT86_bruker.UXD"
                                  << "bruker-uxd" << 2374 << 3.0 << 40.0 << 1e-9 << 187.0 << 183.0 << 269.0
                                  << 1.5406 << 1.54439 << "counts"
                                  << "BT86";
        QTest::newRow("ras TiO2") << "sdu_TiO2-1-6h_miniflex600.ras"
                                  << "rigaku-ras" << 4251 << 5.0 << 90.0 << 1e-9 << 398.0 << 379.0 << 67.0
                                  << 1.540593 << 1.544414 << "counts"
                                  << "TiO2-1-6h";
        QTest::newRow("rasx") << "nomad_TwoTheta_scan_powder.rasx"
                              << "rigaku-rasx" << 2726 << 10.0 << 119.0 << 1e-9 << 170.55354309082
                              << 170.541732788086 << 13.8521060943604 << 1.540593 << 1.544414 << "counts"
                              << "";
        QTest::newRow("brml corundum") << "bam_SRM1976b_corundum_D8A.brml"
                                       << "bruker-brml" << 16509 << 20.0 << 154.99652773859202 << 1e-9
                                       << 2647.0 << 2672.0 << 1030.0 << 1.5406 << 1.54439 << "counts"
                                       << "SRM1976b_260105";
        QTest::newRow("brml Si") << "bam_SRM640d_Si_D8D.brml"
                                 << "bruker-brml" << 9227 << 10.0 << 97.01301812970199 << 1e-9 << 17141.0
                                 << 17284.0 << 670.0 << 1.5406 << 1.54439 << "counts"
                                 << "Si-Std_SRM640d";
    }

    void realFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, importer);
        QFETCH(int, points);
        QFETCH(double, first);
        QFETCH(double, last);
        QFETCH(double, angleTol);
        QFETCH(double, y0);
        QFETCH(double, y1);
        QFETCH(double, yLast);
        QFETCH(double, lambda1);
        QFETCH(double, lambda2);
        QFETCH(QString, unit);
        QFETCH(QString, sample);
        const QString path = QDir(testdataDir()).filePath("xrd/" + file);
        if (!QFile::exists(path)) QSKIP("test data absent");
        auto r = parseFile(path);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        QCOMPARE(r->provenance.importerId, importer);
        QCOMPARE(r->datasets.size(), size_t(1));
        const ImportedDataset& d = r->datasets.front();
        QCOMPARE(d.technique, Technique::Xrd);
        QCOMPARE(d.kind, QString("xrd_pattern"));
        QCOMPARE(d.columns.size(), size_t(2));
        const Column* x = column(d, "2Theta");
        const Column* y = column(d, "Intensity");
        QVERIFY(x && y);
        QCOMPARE(x->unit, QString("deg"));
        QCOMPARE(y->unit, unit);
        QCOMPARE(int(x->values.size()), points);
        VERIFY_NEAR(x->values.front(), first, angleTol);
        VERIFY_NEAR(x->values.back(), last, angleTol);
        VERIFY_NEAR(y->values[0], y0, 1e-9);
        VERIFY_NEAR(y->values[1], y1, 1e-9);
        VERIFY_NEAR(y->values.back(), yLast, 1e-9);
        VERIFY_NEAR(d.metadata["two_theta_start_deg"].toDouble(), first, angleTol);
        VERIFY_NEAR(d.metadata["two_theta_end_deg"].toDouble(), last, angleTol);
        if (std::isnan(lambda1)) {
            QVERIFY(!d.metadata.contains("wavelength_angstrom"));
        } else {
            VERIFY_NEAR(d.metadata["wavelength_angstrom"].toDouble(), lambda1, 1e-7);
        }
        if (std::isnan(lambda2)) {
            QVERIFY(!d.metadata.contains("wavelength2_angstrom"));
        } else {
            VERIFY_NEAR(d.metadata["wavelength2_angstrom"].toDouble(), lambda2, 1e-7);
        }
        QCOMPARE(d.metadata["anode"].toString(), QString("Cu"));
        QCOMPARE(d.metadata["sample_name"].toString(), sample);
        QVERIFY2(d.metadata.contains("file_format"), "file_format");
        // Equidistant scans: the step the metadata gives spans the range.
        VERIFY_NEAR(d.metadata["step_deg"].toDouble() * (points - 1), last - first, 1e-3);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!recogniseUnsupportedFormat(f.read(65536), file),
                 "a format that is read must not be in KnownFormats");
    }

    void datPowderScans()
    {
        // A headerless .dat of an equidistant 2θ scan with lines is a powder pattern (Fityk's samples).
        QByteArray scan;
        for (int i = 0; i < 800; ++i) {
            const double x = 20.0 + 0.02 * i;
            scan += QByteArray::number(x, 'f', 2) + " " +
                    QByteArray::number(int(200 + 3000 * std::exp(-std::pow((x - 28.4) / 0.08, 2)))) + "\n";
        }
        auto d = parseGenerated("pattern.dat", scan, "xrd-xy");
        QVERIFY(!d.empty() && column(d.front(), "2Theta") && column(d.front(), "Intensity"));
        QCOMPARE(int(column(d.front(), "2Theta")->values.size()), 800);
        // Other .dat files stay with the generic reader: a TGA curve (no lines), a time record starting at 0
        // with an uneven step, a scan whose first column runs beyond 175.
        QByteArray tga, record, wide;
        for (int i = 0; i < 800; ++i) {
            tga += QByteArray::number(25.0 + 0.1 * i, 'f', 1) + " " + QByteArray::number(10.0 - 0.001 * i) +
                   "\n";
            record += QByteArray::number(0.5 * i + (i % 3) * 0.2, 'f', 2) + " 3." +
                      QByteArray::number(i % 9) + "\n";
            wide += QByteArray::number(150.0 + 0.1 * i, 'f', 1) + " " + QByteArray::number(i % 50 ? 10 : 90) +
                    "\n";
        }
        for (const auto& [name, bytes] :
             {std::pair{"tga.dat", tga}, std::pair{"record.dat", record}, std::pair{"wide.dat", wide}}) {
            const Importer* im = ImporterRegistry::instance().detect(bytes, QString::fromLatin1(name));
            QVERIFY(im);
            QCOMPARE(im->id(), QStringLiteral("generic-delimited"));
        }
        const QString dir = QDir(testdataDir()).filePath("xrd");
        for (const auto& [name, n] :
             {std::pair{"fityk_nacl01.dat", 840}, std::pair{"fityk_SiC_Zn_powder.dat", 4001}}) {
            const QString path = dir + "/" + name;
            if (!QFile::exists(path)) continue;
            auto r = parseFile(path);
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            QCOMPARE(r->provenance.importerId, QStringLiteral("xrd-xy"));
            QCOMPARE(int(column(r->datasets.front(), "2Theta")->values.size()), n);
        }
    }

    void geometryFromTheFile()
    {
        const QString dir = QDir(testdataDir()).filePath("xrd");
        if (!QDir(dir).exists()) QSKIP("test data absent");
        for (const auto& [name, geometry] :
             {std::pair{"bam_SRM640d_Si_D8D.brml", "transmission"},
              std::pair{"bam_SRM1976b_corundum_D8A.brml", "reflection"},
              std::pair{"nomad_XRD-918-16_10_empyrean_powder.xrdml", "reflection"}}) {
            auto r = parseFile(dir + "/" + name);
            QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
            QCOMPARE(r->datasets.front().metadata.value("geometry").toString(),
                     QString::fromLatin1(geometry));
        }
        // The Si D8 Discover: the detector circle (217.5 mm), not the tube arm (260 mm).
        auto si = parseFile(dir + "/bam_SRM640d_Si_D8D.brml");
        QVERIFY(si);
        VERIFY_NEAR(si->datasets.front().metadata.value("goniometer_radius_mm").toDouble(), 217.5, 1e-9);
    }

    void realFileMetadata()
    {
        const QString dir = QDir(testdataDir()).filePath("xrd");
        if (!QDir(dir).exists()) QSKIP("test data absent");
        auto ras = parseFile(dir + "/sdu_TiO2-1-6h_miniflex600.ras");
        QVERIFY2(ras, ras ? "" : qPrintable(msg(ras.error())));
        const QJsonObject m = ras->datasets.front().metadata;
        QCOMPARE(m["measured_at"].toString(), QString("2019-02-18T13:06:36"));
        VERIFY_NEAR(m["step_deg"].toDouble(), 0.02, 1e-12);
        VERIFY_NEAR(m["scan_speed_deg_min"].toDouble(), 5.0, 1e-12);
        VERIFY_NEAR(m["step_time_s"].toDouble(), 0.24, 1e-12); // 0.02° at 5°/min
        VERIFY_NEAR(m["generator_voltage_kv"].toDouble(), 40.0, 1e-12);
        QVERIFY(!m.contains("ka2_ka1_ratio")); // .ras does not state it; none is invented

        auto xrdml = parseFile(dir + "/xylib_pr25_empyrean_v2.1_counts_15-120deg.xrdml");
        QVERIFY2(xrdml, xrdml ? "" : qPrintable(msg(xrdml.error())));
        const QJsonObject x = xrdml->datasets.front().metadata;
        QCOMPARE(x["measured_at"].toString(), QString("2022-09-29T16:42:11-04:00"));
        VERIFY_NEAR(x["step_time_s"].toDouble(), 106.59, 1e-12);
        VERIFY_NEAR(x["ka2_ka1_ratio"].toDouble(), 0.5, 1e-12);
        VERIFY_NEAR(x["wavelength_kbeta_angstrom"].toDouble(), 1.39225, 1e-12);
        QCOMPARE(x["instrument"].toString(), QString("EMPYREAN"));
        QCOMPARE(x["file_format"].toString(), QString("PANalytical XRDML 2.1"));

        auto brml = parseFile(dir + "/bam_SRM1976b_corundum_D8A.brml");
        QVERIFY2(brml, brml ? "" : qPrintable(msg(brml.error())));
        const QJsonObject b = brml->datasets.front().metadata;
        QCOMPARE(b["measured_at"].toString(), QString("2026-01-05T14:36:36.026+01:00"));
        // RawData0.xml's root TimeStampFinished (the 18.3 h scan ends the next morning).
        QCOMPARE(b["measured_end"].toString(), QString("2026-01-06T09:21:15.281+01:00"));
        QCOMPARE(b["instrument"].toString(), QString("BAM Berlin D8 Advance"));
        VERIFY_NEAR(b["step_time_s"].toDouble(), 4.0, 0);
        VERIFY_NEAR(b["step_time_effective_s"].toDouble(), 768.0, 0);
        VERIFY_NEAR(b["ka2_ka1_ratio"].toDouble(), 0.5, 0);
        VERIFY_NEAR(b["step_deg"].toDouble(), 0.008177642824, 1e-15);

        auto v3 = parseFile(dir + "/xylib_BT86_bruker.raw");
        QVERIFY2(v3, v3 ? "" : qPrintable(msg(v3.error())));
        QCOMPARE(v3->datasets.front().metadata["measured_at"].toString(), QString("2010-03-04T20:59:14"));
        VERIFY_NEAR(v3->datasets.front().metadata["step_time_s"].toDouble(), 0.5, 0);
        auto uxd = parseFile(dir + "/xylib_BT86_bruker.UXD");
        QVERIFY2(uxd, uxd ? "" : qPrintable(msg(uxd.error())));
        QCOMPARE(uxd->datasets.front().metadata["measured_at"].toString(), QString("2010-03-04T20:59:14"));

        auto v4 = parseFile(dir + "/nomad_TwoTheta_scan_scrambled_bruker_raw_v4.raw");
        QVERIFY2(v4, v4 ? "" : qPrintable(msg(v4.error())));
        QCOMPARE(v4->datasets.front().metadata["measured_at"].toString(), QString("2025-04-07T20:48:56"));
        QCOMPARE(v4->datasets.front().metadata["scan_axis"].toString(), QString("Locked Coupled"));
        VERIFY_NEAR(v4->datasets.front().metadata["step_time_s"].toDouble(), 0.310003, 1e-6);
    }

    /// The NIST standards the XRD analysis will be tested on: the strongest count and where it lies must be
    /// what the file's own <Statistics> says (Maximum, MaximumChannel), and that angle must be the standard's
    /// strongest line from its certified lattice (Cu Kα1 1.5406 Å).
    void brmlStandards_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("maximum");
        QTest::addColumn<int>("channel");
        QTest::addColumn<double>("lineDeg");
        // Si SRM 640d a = 5.43123 Å: (111) d = 3.13572 Å → 28.441°. Corundum SRM 1976b a = 4.7592, c
        // = 12.9918 Å: (104) d = 2.5510 Å → 35.150°.
        QTest::newRow("Si 640d") << "bam_SRM640d_Si_D8D.brml" << 177925.0 << 1952 << 28.441;
        QTest::newRow("corundum 1976b") << "bam_SRM1976b_corundum_D8A.brml" << 507147.0 << 1853 << 35.150;
    }

    void brmlStandards()
    {
        QFETCH(QString, file);
        QFETCH(double, maximum);
        QFETCH(int, channel);
        QFETCH(double, lineDeg);
        const QString path = QDir(testdataDir()).filePath("xrd/" + file);
        if (!QFile::exists(path)) QSKIP("test data absent");
        auto r = parseFile(path);
        QVERIFY2(r, r ? "" : qPrintable(msg(r.error())));
        const ImportedDataset& d = r->datasets.front();
        const auto& y = column(d, "Intensity")->values;
        const auto& x = column(d, "2Theta")->values;
        const auto it = std::max_element(y.begin(), y.end());
        QCOMPARE(*it, maximum);
        QCOMPARE(int(it - y.begin()), channel);
        VERIFY_NEAR(x[size_t(channel)], lineDeg, 0.05);
        // Every angle equals its <Datum> value to the 4 printed decimals.
        for (size_t i = 0; i < x.size(); i += 97)
            VERIFY_NEAR(x[i],
                        d.metadata["two_theta_start_deg"].toDouble() +
                            d.metadata["step_deg"].toDouble() * double(i),
                        1e-9);
    }

    /// BT86 as RAW v3 and as Bruker's own UXD conversion: the same counts point by point, angles to the
    /// UXD's printed digits.
    void bt86RawEqualsUxd()
    {
        const QString dir = QDir(testdataDir()).filePath("xrd");
        if (!QFile::exists(dir + "/xylib_BT86_bruker.raw")) QSKIP("test data absent");
        auto raw = parseFile(dir + "/xylib_BT86_bruker.raw");
        auto uxd = parseFile(dir + "/xylib_BT86_bruker.UXD");
        QVERIFY(raw && uxd);
        const auto& a = raw->datasets.front();
        const auto& b = uxd->datasets.front();
        QCOMPARE(column(a, "Intensity")->values, column(b, "Intensity")->values);
        for (size_t i = 0; i < column(a, "2Theta")->values.size(); ++i)
            VERIFY_NEAR(column(a, "2Theta")->values[i], column(b, "2Theta")->values[i], 0.0051);
    }

    // ---------------------------------------------------------------- generated files
    void generatedFilesRoundTrip()
    {
        for (const Generated& g : generatedFiles()) {
            const auto ds = parseGenerated(g.name, g.bytes, g.importer);
            QCOMPARE(ds.size(), g.scans.size());
            for (size_t k = 0; k < ds.size(); ++k) {
                const ImportedDataset& d = ds[k];
                checkPattern(d, g.scans[k], g.start, g.step, g.angleTol, g.yTol);
                if (QTest::currentTestFailed()) {
                    qWarning("in %s, scan %zu", qPrintable(g.name), k + 1);
                    return;
                }
                QCOMPARE(column(d, "Sigma") != nullptr, g.sigma);
                if (g.hasWavelength) {
                    QVERIFY2(d.metadata.contains("wavelength_angstrom"), qPrintable(g.name));
                    QVERIFY2(d.metadata["wavelength_angstrom"].toDouble() > 1.5405 &&
                                 d.metadata["wavelength_angstrom"].toDouble() < 1.5407,
                             qPrintable(g.name));
                }
                if (ds.size() > 1) {
                    QCOMPARE(d.metadata["scan_index"].toInt(), int(k) + 1);
                    QCOMPARE(d.metadata["scan_count"].toInt(), int(ds.size()));
                    QVERIFY2(d.name.contains(QStringLiteral("scan %1 of %2").arg(k + 1).arg(ds.size())),
                             qPrintable(d.name));
                }
            }
        }
    }

    void generatedMetadata()
    {
        const auto g = generatedFiles();
        auto find = [&](const QString& name) {
            for (const Generated& x : g)
                if (x.name == name) return x;
            return Generated{};
        };
        const auto xrdml = parseGenerated("m.xrdml", find("gen21.xrdml").bytes, "xrdml");
        QVERIFY(!xrdml.empty());
        QCOMPARE(xrdml[0].name, QString("V2O3 C-coated"));
        QCOMPARE(xrdml[0].metadata["sample_name"].toString(), QString("V2O3 C-coated"));
        QCOMPARE(xrdml[0].metadata["measured_at"].toString(), QString("2024-03-05T10:11:12+01:00"));
        VERIFY_NEAR(xrdml[0].metadata["generator_voltage_kv"].toDouble(), 45, 0);
        {
            // Two measurements with their own tubes (Cu, then Mo): each scan keeps its own wavelengths.
            QByteArray two = find("gen21.xrdml").bytes;
            const qsizetype a = two.indexOf("  <xrdMeasurement "), b = two.indexOf("</xrdMeasurement>") + 18;
            QByteArray mo = two.mid(a, b - a);
            mo.replace("1.540598<", "0.70930<").replace("1.5444260", "0.713590").replace(">Cu<", ">Mo<");
            two.insert(b, mo);
            const auto ds = parseGenerated("two-tubes.xrdml", two, "xrdml");
            QCOMPARE(ds.size(), size_t(2));
            VERIFY_NEAR(ds[0].metadata["wavelength_angstrom"].toDouble(), 1.540598, 0);
            VERIFY_NEAR(ds[1].metadata["wavelength_angstrom"].toDouble(), 0.7093, 0);
            VERIFY_NEAR(ds[1].metadata["wavelength2_angstrom"].toDouble(), 0.71359, 0);
            QCOMPARE(ds[1].metadata["anode"].toString(), QString("Mo"));
        }
        const auto att = parseGenerated("a.xrdml", find("gen-attenuated.xrdml").bytes, "xrdml");
        QVERIFY(!att.empty());
        QVERIFY(att[0].metadata["attenuation_applied"].toBool());
        const auto ras = parseGenerated("m.ras", find("gen.ras").bytes, "rigaku-ras");
        QVERIFY(!ras.empty());
        QCOMPARE(ras[0].metadata["sample_name"].toString(), QString::fromUtf8("TiO2 µ-test")); // Latin-1 µ
        VERIFY_NEAR(ras[0].metadata["step_time_s"].toDouble(), 0.6, 1e-12); // 0.02° at 2°/min
        const auto brml = parseGenerated("m.brml", find("gen.brml").bytes, "bruker-brml");
        QVERIFY(!brml.empty());
        QCOMPARE(brml[0].metadata["sample_name"].toString(), QString("SRM-gen"));
        QCOMPARE(brml[0].metadata["instrument"].toString(), QString("Test D8"));
        QVERIFY(brml[0].metadata["attenuation_applied"].toBool());
        QCOMPARE(brml[0].metadata["measured_end"].toString(), QString("2026-01-05T15:06:40.500+01:00"));
        const auto v4 = parseGenerated("m.raw", find("gen-v4.raw").bytes, "bruker-raw");
        QVERIFY(!v4.empty());
        QCOMPARE(v4[0].metadata["sample_name"].toString(), QString("V4 sample"));
        VERIFY_NEAR(v4[0].metadata["wavelength2_angstrom"].toDouble(), 1.54439, 0);
        VERIFY_NEAR(v4[0].metadata["step_time_s"].toDouble(), 1.0, 0);
        const auto v2 = parseGenerated("m2.raw", find("gen-v2.raw").bytes, "bruker-raw");
        QVERIFY(!v2.empty());
        VERIFY_NEAR(v2[0].metadata["wavelength_angstrom"].toDouble(), 1.5406,
                    0); // float32 1.5406 printed as such
        QCOMPARE(v2[0].metadata["measured_at"].toString(), QString("2010-03-04"));
        const auto std_ = parseGenerated("m.gsa", find("gen-std.gsa").bytes, "gsas-raw");
        QVERIFY(!std_.empty());
        // σ = √(count / counters); every 7th point (i % 7 == 3) was written with 2 counters.
        const auto& y = column(std_[0], "Intensity")->values;
        const auto& e = column(std_[0], "Sigma")->values;
        VERIFY_NEAR(e[3], std::sqrt(y[3] / 2), 1e-12);
        VERIFY_NEAR(e[4], std::sqrt(y[4]), 1e-12);
        {
            // UXD with two ranges (pairs, then counts): two datasets, each with its range's start and step.
            QByteArray two = uxdText(y, 10, 0.02, true);
            QByteArray second = uxdText(std::vector<double>(y.begin(), y.begin() + 100), 50, 0.05, false);
            two += second.mid(second.indexOf("; (Data for Range"));
            const auto ds = parseGenerated("two.uxd", two, "bruker-uxd");
            QCOMPARE(ds.size(), size_t(2));
            checkPattern(ds[1], std::vector<double>(y.begin(), y.begin() + 100), 50, 0.05);
            QCOMPARE(ds[1].metadata["scan_index"].toInt(), 2);
        }
        {
            // RAW v3 records with the measured 2θ (mask bit 0, 12-byte records): those angles, not start +
            // i·step.
            QByteArray v3 = rawV3(std::vector<double>(y.begin(), y.begin() + 50), 10, 0.02);
            QByteArray records;
            for (int i = 0; i < 50; ++i) {
                QByteArray rec(12, '\0');
                setF32(rec, 0, float(y[size_t(i)]));
                setF64(rec, 4, 10.0 + 0.02 * i + 0.001 * std::sin(double(i)));
                records += rec;
            }
            v3 = v3.left(712 + 304 + 40) + records;
            setU32(v3, 712 + 248, 1);
            setU32(v3, 712 + 252, 12);
            const auto ds = parseGenerated("measured.raw", v3, "bruker-raw");
            QVERIFY(!ds.empty());
            const auto& x = column(ds[0], "2Theta")->values;
            QCOMPARE(x.size(), size_t(50));
            VERIFY_NEAR(x[7], 10.0 + 0.14 + 0.001 * std::sin(7.0), 1e-12);
            VERIFY_NEAR(column(ds[0], "Intensity")->values[49], y[49], 0);
        }
        const auto xy = parseGenerated("m.xy", find("gen.xy").bytes, "xrd-xy");
        QVERIFY(!xy.empty());
        VERIFY_NEAR(xy[0].metadata["wavelength_angstrom"].toDouble(), 1.5406, 0);
    }

    /// Cut at several offsets: formats that close their data refuse every cut; the others either refuse it
    /// or import with the "may have been cut short" warning (the cut is placed inside a line).
    void truncatedFilesAreRefused()
    {
        for (const Generated& g : generatedFiles()) {
            const Importer* imp = ImporterRegistry::instance().byId(g.importer);
            QVERIFY(imp);
            for (double frac : {0.05, 0.3, 0.5, 0.77, 0.999}) {
                qsizetype cut = qsizetype(double(g.bytes.size()) * frac);
                while (cut > 1 && (g.bytes[cut - 1] == '\n' || g.bytes[cut - 1] == '\r'))
                    --cut;
                const QString name = QStringLiteral("cut%1-%2").arg(cut).arg(g.name);
                auto r = parseFile(write(name, g.bytes.left(cut)));
                if (imp->detectsTruncation()) {
                    QVERIFY2(!r, qPrintable(name + " was accepted"));
                } else if (r) {
                    QVERIFY2(r->warnings.join(' ').contains("cut short"), qPrintable(name + ": no warning"));
                    continue;
                }
                if (!r) {
                    QVERIFY2(QString::fromStdString(r.error().file).endsWith(name),
                             qPrintable(msg(r.error())));
                    QVERIFY2(!r.error().reason.empty(), qPrintable(name));
                }
            }
        }
    }

    /// Bytes overwritten in the middle: never a crash; an error names the file; a success is complete.
    void garbledFilesNeverCrash()
    {
        QRandomGenerator rng(20261203);
        for (const Generated& g : generatedFiles()) {
            const Importer* imp = ImporterRegistry::instance().byId(g.importer);
            for (int round = 0; round < 20; ++round) {
                QByteArray b = g.bytes;
                const int hits = 1 + int(rng.bounded(8));
                for (int h = 0; h < hits; ++h)
                    b[qsizetype(rng.bounded(quint32(b.size())))] = char(rng.bounded(256));
                auto r = imp->read(b, "garbled-" + g.name, {});
                if (!r) {
                    QVERIFY2(QString::fromStdString(r.error().file).contains("garbled-"),
                             qPrintable(msg(r.error())));
                    QVERIFY(!r.error().reason.empty());
                    continue;
                }
                for (const ImportedDataset& d : *r) {
                    QVERIFY(!d.columns.empty());
                    for (const Column& c : d.columns)
                        QCOMPARE(c.values.size(), d.columns.front().values.size());
                }
            }
        }
    }

    void hostileFiles()
    {
        const double start = 10.0, step = 0.02;
        const auto y = pattern(201, start, step);
        // XRDML
        QByteArray x = xrdml2({y}, start, step);
        expectError("root.xrdml",
                    QByteArray(x)
                        .replace("<xrdMeasurements ", "<foo><xrdMeasurements ")
                        .replace("</xrdMeasurements>", "</xrdMeasurements></foo>"),
                    "not <xrdMeasurements>", "line 2");
        expectError("lambda.xrdml", xrdml2({y}, start, step, 15.405), "wavelength", "line");
        expectError("badnum.xrdml",
                    QByteArray(x).replace("<counts unit=\"counts\">", "<counts unit=\"counts\">12 x3 "),
                    "counts", "line");
        expectError(
            "att.xrdml",
            xrdml2({y}, start, step, 1.5405980, "<beamAttenuationFactors>1 1 1</beamAttenuationFactors>\n"),
            "factors");
        expectError("unit.xrdml",
                    QByteArray(x).replace("<counts unit=\"counts\">", "<counts unit=\"furlongs\">"), "unit");
        expectError(
            "entity.xrdml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
            "\"&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            "<xrdMeasurements><comment><entry>&d;&d;&d;&d;&d;&d;&d;&d;</entry></comment></xrdMeasurements>");
        // RAS
        expectError("lambda.ras", rasText({y}, start, step, 1.0, "0.0154"), "wavelength", "line");
        {
            QByteArray r = rasText({y}, start, step);
            const qsizetype at = r.indexOf("10.0200 ");
            r.remove(at, r.indexOf('\n', at) + 1 - at);
            expectError("count.ras", r, "MEAS_DATA_COUNT");
            QByteArray g = rasText({y}, start, step);
            g.replace("10.0400 ", "10.0400 1.2.3 ");
            expectError("row.ras", g, "", "line");
        }
        // RASX
        const QByteArray profile = rasxProfile(y, start, step), cond = rasxConditions(201, start, step);
        expectError("nocond.rasx", makeZip({{"Data0/Profile0.txt", profile}}), "MesurementConditions",
                    "zip entry");
        expectError("noprofile.rasx", makeZip({{"root.xml", "<Root/>"}}), "Profile");
        expectError("bomb.rasx", makeZip({{"Data0/Profile0.txt", profile, qint64(0xFFFFFF00)},
                                          {"Data0/MesurementConditions0.xml", cond}}));
        expectError(
            "crc.rasx",
            makeZip({{"Data0/Profile0.txt", profile, -1, true}, {"Data0/MesurementConditions0.xml", cond}}),
            "zip entry");
        expectError("lambda.rasx",
                    makeZip({{"Data0/Profile0.txt", profile},
                             {"Data0/MesurementConditions0.xml", rasxConditions(201, start, step, "-1.54")}}),
                    "wavelength");
        expectError("count.rasx",
                    makeZip({{"Data0/Profile0.txt", profile},
                             {"Data0/MesurementConditions0.xml", rasxConditions(200, start, step)}}),
                    "DataCount");
        expectError("notzip.rasx",
                    "PK\x03\x04 this is not really a zip archive at all, only its magic number....");
        // BRML
        const QByteArray raw = brmlRawData(y, start, step);
        expectError("noraw.brml", makeZip({{"x/Experiment0/DataContainer.xml", brmlContainer()}}), "RawData");
        expectError("xml.brml", makeZip({{"x/Experiment0/RawData0.xml", raw.left(raw.size() / 2)}}), "XML",
                    "zip entry");
        expectError(
            "datum.brml",
            makeZip({{"x/Experiment0/RawData0.xml", QByteArray(raw).replace("<Datum>768,", "<Datum>")}}),
            "values", "zip entry");
        expectError("lambda.brml",
                    makeZip({{"x/Experiment0/RawData0.xml", brmlRawData(y, start, step, "154.06")}}),
                    "wavelength");
        // RAW
        {
            QByteArray v3 = rawV3(y, start, step);
            setU32(v3, 712 + 4, 0xFFFFFFF0u);
            expectError("huge.raw", v3, "points", "byte");
            expectError("lambda.raw", rawV3(y, start, step, 0.01), "wavelength");
            QByteArray v4 = rawV4(y, start, step);
            setU32(v4, 61 + 4, 3); // first segment claims 3 bytes
            expectError("segment.raw", v4, "segment", "byte");
            QByteArray v1 = rawV1({y}, float(start), float(step));
            setF32(v1, 4 + 8, std::nanf(""));
            expectError("nan.raw", v1, "not a scan", "byte");
        }
        // GSAS, UXD, XY
        expectError("tof.gsa", "title\nBANK 1 100 10 RALF 1000 2 0 0 ALT\n", "time-of-flight");
        expectError("short.gsa", gsasStd(y, 1000, 2).replace("BANK 1 201", "BANK 1 301"), "cut short");
        expectError("nostart.uxd", QByteArray(uxdText(y, start, step, false)).replace("_START=10\r\n", ""),
                    "_START");
        {
            QByteArray xy = "10 1\n10.02 2\n10.04 3x\n10.06 4\n";
            expectError("bad.xy", xy, "", "line 3");
        }
    }

    void zipArchiveDirect()
    {
        auto notZip = ZipArchive::open("hello world, this is not a zip archive", "plain.txt");
        QVERIFY(!notZip);
        QVERIFY2(msg(notZip.error()).contains("plain.txt"), qPrintable(msg(notZip.error())));
        const QByteArray big(100000, 'a');
        auto z = ZipArchive::open(makeZip({{"dir/a.txt", "alpha"}, {"b.bin", big}}), "t.zip");
        QVERIFY2(z, z ? "" : qPrintable(msg(z.error())));
        QCOMPARE(z->entryNames(), QStringList({"dir/a.txt", "b.bin"}));
        QCOMPARE(z->declaredSize("b.bin"), qint64(big.size()));
        QCOMPARE(z->declaredSize("nope"), qint64(-1));
        auto a = z->read("dir/a.txt", 100);
        QVERIFY(a);
        QCOMPARE(*a, QByteArray("alpha"));
        auto limited = z->read("b.bin", 1000);
        QVERIFY(!limited);
        QVERIFY2(msg(limited.error()).contains("zip entry 'b.bin'"), qPrintable(msg(limited.error())));
        auto missing = z->read("c.txt", 1000);
        QVERIFY(!missing);
        QVERIFY2(msg(missing.error()).contains("missing"), qPrintable(msg(missing.error())));
        // A lie about the size smaller than the data: the inflated bytes are checked, not the declaration.
        auto liar = ZipArchive::open(makeZip({{"x", big, 10}}), "liar.zip");
        if (liar) QVERIFY(!liar->read("x", 1 << 20) || liar->read("x", 1 << 20)->size() == 10);
    }

    /// Random bytes, magic numbers followed by random bytes, and an XRD reader forced on other formats:
    /// every reader answers quickly with a dataset or an error, never a crash or a hang.
    void randomInputNeverCrashes()
    {
        QRandomGenerator rng(7);
        const QByteArray magics[] = {"RAW ",
                                     "RAW2",
                                     "RAW1.01",
                                     "RAW4.00",
                                     "*RAS_DATA_START\n",
                                     "PK\x03\x04",
                                     "<xrdMeasurements>",
                                     "title\nBANK 1 10 1 CONST 1000 2 0 0 STD\n",
                                     "_2THETACOUNTS\n"};
        const QStringList ids{"xrdml",      "bruker-raw",  "bruker-brml", "bruker-uxd",
                              "rigaku-ras", "rigaku-rasx", "gsas-raw",    "xrd-xy"};
        for (const QString& id : ids) {
            const Importer* imp = ImporterRegistry::instance().byId(id);
            QVERIFY2(imp, qPrintable(id));
            for (int i = 0; i < 200; ++i) {
                QByteArray b = magics[i % std::size(magics)];
                const int n = int(rng.bounded(2048));
                for (int k = 0; k < n; ++k)
                    b += char(rng.bounded(i % 3 == 0 ? 256 : 96) + (i % 3 == 0 ? 0 : 32));
                (void)imp->sniff(b, "r.bin");
                auto r = imp->read(b, "r.bin", {});
                if (!r)
                    QVERIFY2(!r.error().reason.empty() && r.error().file == "r.bin",
                             qPrintable(msg(r.error())));
            }
        }
    }

    /// Decimal-comma and comma-separated .xy files give the same pattern (never three columns).
    void xyDecimalComma()
    {
        const auto a = parseGenerated("dc.xy", "10,00\t12\n10,02\t15,5\n10,04\t9\n", "xrd-xy");
        const auto b = parseGenerated("csv.xy", "10.00,12\n10.02,15.5\n10.04,9\n", "xrd-xy");
        QVERIFY(!a.empty() && !b.empty());
        QCOMPARE(a[0].columns.size(), size_t(2));
        QCOMPARE(column(a[0], "2Theta")->values, column(b[0], "2Theta")->values);
        QCOMPARE(column(a[0], "Intensity")->values, (std::vector<double>{12, 15.5, 9}));
    }

    /// .xy is also what SpecsLab writes for XPS: those files are not claimed by the XRD reader.
    void xpsXyIsNotXrd()
    {
        const QByteArray specs =
            "# Created by:        SpecsLab Prodigy, Version 4.100.1\n#   Energy Axis:   Binding "
            "Energy\n# Region:   Survey\n1350 123\n1349 130\n";
        const Importer* xy = ImporterRegistry::instance().byId("xrd-xy");
        QCOMPARE(xy->sniff(specs, "survey.xy"), 0);
        QVERIFY(xy->sniff("# 2theta counts\n10 1\n10.02 2\n", "p.xy") > 20);
        const QString dir = QDir(testdataDir()).filePath("xps");
        for (const char* f : {"pynxtools-xps/MgFe2O4_small.xy", "xylib/specsxy_example.xy"}) {
            QFile file(QDir(dir).filePath(f));
            if (!file.open(QIODevice::ReadOnly)) continue;
            const Importer* i =
                ImporterRegistry::instance().detect(file.read(65536), QFileInfo(f).fileName());
            QVERIFY2(!i || i->id() != "xrd-xy", f);
        }
    }

    /// The fityk plain-text patterns (.dat, no header): read when the XY reader is chosen.
    void fitykDatWithXyReader()
    {
        const QString dir = QDir(testdataDir()).filePath("xrd");
        if (!QFile::exists(dir + "/fityk_SiC_Zn_powder.dat")) QSKIP("test data absent");
        ImportOptions o;
        o.format = "xrd-xy";
        auto sic = parseFile(dir + "/fityk_SiC_Zn_powder.dat", o);
        QVERIFY2(sic, sic ? "" : qPrintable(msg(sic.error())));
        const auto& s = sic->datasets.front();
        QCOMPARE(column(s, "2Theta")->values.size(), size_t(4001));
        VERIFY_NEAR(column(s, "2Theta")->values.front(), 20.0, 0);
        VERIFY_NEAR(column(s, "2Theta")->values.back(), 100.0, 0);
        VERIFY_NEAR(column(s, "Intensity")->values.front(), 49.0, 0);
        VERIFY_NEAR(column(s, "Intensity")->values.back(), 29.0, 0);
        auto nacl = parseFile(dir + "/fityk_nacl01.dat", o);
        QVERIFY2(nacl, nacl ? "" : qPrintable(msg(nacl.error())));
        QCOMPARE(column(nacl->datasets.front(), "2Theta")->values.size(), size_t(840));
        VERIFY_NEAR(column(nacl->datasets.front(), "2Theta")->values.front(), 19.9143, 0);
        VERIFY_NEAR(column(nacl->datasets.front(), "Intensity")->values.back(), 104.0, 0);
    }
};

QTEST_GUILESS_MAIN(TestXrdImport)
#include "tst_xrd_import.moc"
