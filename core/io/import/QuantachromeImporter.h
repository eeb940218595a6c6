#pragma once
/// \file QuantachromeImporter.h
/// Quantachrome / Anton Paar text exports of ASiQwin, QuadraWin and NovaWin (Latin-1 or UTF-8):
///
/// - "(Raw Analysis Data).txt": columns Press | P0 | Volume @ STP | Time | Tol | Equ (NovaWin: P/Po |
///   Po | Volume @ STP) with a unit line below the titles. The volume is cc STP for the **whole
///   sample**: it is divided by the sample weight from the header.
/// - "(Isotherm).txt": Relative Pressure | Volume @ STP in cc/g, plus a data-reduction block
///   (cross-section, liquid density).
///
/// Both list adsorption then desorption without a marker; the branches are split at the highest
/// pressure. The header is fixed-width text whose fields run together
/// ("Date:09/17/2009 19:56Operator:ir", "Sample ID: nk_DUT-6_LP_N2_114pktFilename: …"), so fields are
/// found by their labels, not by position. Units come from the unit line, matched to the column titles
/// by position; a column without a unit is an Error, never a guess.

#include "io/import/Importer.h"

namespace vanadis {

class QuantachromeImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("quantachrome-txt"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
