#pragma once
/// \file NetzschAsciiImporter.h
/// NETZSCH Proteus "Export data" ASCII (TG and STA): cp1252/Latin-1 text, `#KEY:value` header lines
/// (`#FORMAT:NETZSCH5`, `#DECIMAL:POINT|COMMA`, `#SEPARATOR:SEMICOLON|COMMA|TAB`, `#SAMPLE MASS /mg:8.91`,
/// `#TYPE OF CRUCIBLE`, `#RANGE`, `#SEG. n`), a blank line, one `##Temp./°C;Time/min;Mass/%[;…]` column
/// header and separator-delimited numbers (tga.md §4). The numbers follow #DECIMAL; #RANGE may hold commas
/// regardless, so header values are never parsed with the data's decimal rule.

#include "io/import/Importer.h"

namespace vanadis {

class NetzschAsciiImporter : public Importer {
public:
    QString id() const override { return QStringLiteral("netzsch-ascii"); }
    QString version() const override { return QStringLiteral("1"); }
    QString displayName() const override;
    int sniff(const QByteArray& head, const QString& fileName) const override;
    Expected<std::vector<ImportedDataset>> read(const QByteArray& bytes, const QString& fileName,
                                                const ImportOptions& options) const override;
};

} // namespace vanadis
