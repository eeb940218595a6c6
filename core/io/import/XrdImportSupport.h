#pragma once
/// \file XrdImportSupport.h
/// What the diffractometer readers share (xrd.md §2, §10): the one way a scan becomes a dataset, the
/// plausibility rule for wavelengths, and date parsing.
///
/// Every XRD reader gives one dataset per scan: technique Xrd, type "xrd_pattern", columns "2Theta" (deg),
/// "Intensity" ("counts" or "cps", as the file states) and, only when the file gives it, "Sigma" (same
/// unit). Intensities are never rescaled by the counting time: counts stay counts and the time per step
/// is metadata "step_time_s" (cps = counts / step_time_s). Attenuation (absorber) factors that a file
/// stores per point are multiplied in, because the stored counts are the attenuated beam.
///
/// Metadata keys (snake_case, units in the name), each present only when the file states it:
/// wavelength_angstrom (Kα1), wavelength2_angstrom (Kα2), ka2_ka1_ratio, wavelength_kbeta_angstrom,
/// anode, step_deg, two_theta_start_deg, two_theta_end_deg (first and last point), step_time_s,
/// scan_speed_deg_min, measured_at (ISO 8601, the scan's start), measured_end (its end, where the file states
/// it: XRDML endTimeStamp, RAS MEAS_SCAN_END_TIME, RASX ScanInformation/EndTime, BRML
/// TimeStampFinished), instrument, sample_name,
/// scan_index (1-based) and scan_count (files with several scans), scan_axis, generator_voltage_kv,
/// generator_current_ma, file_format, attenuation_applied, geometry ("reflection" or "transmission", where
/// the file says: XRDML sampleMode, the BRML sample stage), sample_stage, goniometer_radius_mm (the detector
/// circle).

#include "io/import/Importer.h"

#include <QJsonObject>
#include <optional>

namespace vanadis::xrdimport {

/// The tube lines a file states (Å); unset or zero = not stated.
struct Radiation {
    std::optional<double> kAlpha1, kAlpha2, ratio, kBeta;
    QString anode;
};

/// One scan of a file before it becomes a dataset.
struct XrdScan {
    std::vector<double> twoThetaDeg;
    std::vector<double> intensity;
    std::vector<double> sigma; ///< empty when the file gives none
    QString intensityUnit = QStringLiteral("counts");
    QJsonObject metadata; ///< scan-specific keys (step_time_s, measured_at, …)
    std::string where;    ///< for messages: "scan 2", "zip entry 'Data1/Profile1.txt'"
};

/// Largest scan accepted (points): far above any diffractometer scan (10⁵ is a long PSD scan), far below
/// what a damaged header's point count could make us allocate.
constexpr qint64 kMaxScanPoints = 20'000'000;

/// Refuses wavelengths that no X-ray tube or beamline gives (outside 0.1–3.5 Å), a Kα2 not within 1 % above
/// Kα1, or a Kα2:Kα1 ratio outside 0–1: a wrong λ silently moves every d-spacing, so it is an error, never a
/// default. \a where names the header field's place.
Expected<void> checkRadiation(const std::string& file, const std::string& where, const Radiation& r);

/// Writes the stated lines of \a r into \a meta (keys above).
void putRadiation(QJsonObject& meta, const Radiation& r);

/// The datasets of a file: one per scan, named "<sample or file name>" (", scan k of N" when there are
/// several), with \a fileMetadata and the scan's own metadata, two_theta_start_deg/_end_deg from the data
/// and step_deg from the data when the scan does not state it. Errors (naming \a file and the scan) for
/// an empty scan, columns of different lengths, a non-finite value, or 2θ outside −30…180°.
Expected<std::vector<ImportedDataset>> makeXrdDatasets(const std::string& file, const QString& fileName,
                                                       const QString& sampleName, std::vector<XrdScan> scans,
                                                       const QJsonObject& fileMetadata);

/// ISO 8601 ("2019-02-18T13:06:36") from instrument date text: US "MM/DD/YY[YY]" or "DD-Mon-YYYY" with an
/// optional "HH:MM[:SS]" (in \a time or after a space), or ISO 8601 with any fraction and offset (kept).
/// Empty when the text is not a date.
QString isoDate(const QString& date, const QString& time = {});

/// A number from header text ("1.540593", " 45 ", "0.0200000000"); nullopt for anything else.
std::optional<double> headerNumber(const QString& text);

/// The cells of a data row split on runs of spaces, tabs, commas and semicolons (never empty cells).
QList<QStringView> splitCells(QStringView line);

/// True when \a head (the first bytes) starts like a zip archive.
bool isZip(const QByteArray& head);

} // namespace vanadis::xrdimport
