#pragma once
/// \file XpsImportSupport.h
/// What the XPS readers (VAMAS, PHI .spe, SPECS .xy) share: the region name a dataset is labelled with,
/// the intensity unit a file states, and the assembly of one region dataset (xps.md §6–7).

#include "io/import/Importer.h"

#include <optional>

namespace vanadis::xpsimport {

/// Region label from what a file says: species "V" + transition "2p" → "V 2p"; "O1s", "O 1s" → "O 1s";
/// "Wide", "Survey", "Su1s", "Overview" → "Survey". Falls back to the block id, then to "Survey" for a
/// span above 400 eV, then to "Region <index>". \a spanEv is the energy range of the block.
QString regionName(const QString& species, const QString& transition, const QString& blockId, double spanEv,
                   int index);

/// The region a file name names ("PET_C1s" → "C 1s", "0-150W_NiWO1s_O1s" → "O 1s", "V2p-scan" → "V 2p"):
/// the last '_'/'-'/space-separated token that is an element and a level; empty when none is.
QString regionFromFileName(const QString& baseName);

/// "counts/s" when any of the texts says the values are a rate ("count rate", "c/s", "cps", "counts per
/// second", "counts/s"); "counts" otherwise.
QString intensityUnit(const QStringList& texts);

/// One XPS region dataset: technique Xps, kind = \a region (so its type is "xps_region" and its label the
/// region), columns "Binding Energy" (eV) and "Intensity" (\a intensityUnit), plus any \a extra columns.
ImportedDataset makeRegion(const QString& region, const QString& name, std::vector<double> bindingEv,
                           std::vector<double> intensity, const QString& intensityUnit,
                           std::vector<Column> extra, QJsonObject metadata);

} // namespace vanadis::xpsimport
