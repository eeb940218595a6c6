#include "widgets/ColumnMappingDialog.h"

#include "io/import/TextNumbers.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace vanadis {

namespace {

constexpr int kEditorRows = 3; // import, quantity, unit
constexpr int kRawTextLines = 200;
constexpr const char* kColumnProperty = "vanadisColumn";
constexpr const char* kRowProperty = "vanadisRow";

/// Delimiter choices; the keys are what QSettings stores, so they never change.
struct DelimiterChoice {
    const char* key;
    const char* label;
    QChar delimiter;
};
const DelimiterChoice kDelimiters[] = {
    {"auto", QT_TRANSLATE_NOOP("vanadis::ColumnMappingDialog", "Auto"), QChar()},
    {"comma", QT_TRANSLATE_NOOP("vanadis::ColumnMappingDialog", "Comma ,"), QChar(',')},
    {"semicolon", QT_TRANSLATE_NOOP("vanadis::ColumnMappingDialog", "Semicolon ;"), QChar(';')},
    {"tab", QT_TRANSLATE_NOOP("vanadis::ColumnMappingDialog", "Tab"), QChar('\t')},
    {"whitespace", QT_TRANSLATE_NOOP("vanadis::ColumnMappingDialog", "Whitespace"), QChar(' ')},
};

const QStringList& commonUnits()
{
    static const QStringList units{
        QStringLiteral("deg"),    QStringLiteral("counts"), QStringLiteral("counts/s"),
        QStringLiteral("eV"),     QStringLiteral("1"),      QStringLiteral("cm3/g STP"),
        QStringLiteral("mmol/g"), QStringLiteral("°C"),     QStringLiteral("s"),
        QStringLiteral("min"),    QStringLiteral("h"),      QStringLiteral("mg"),
        QStringLiteral("%"),      QStringLiteral("V"),      QStringLiteral("mA"),
        QStringLiteral("A"),      QStringLiteral("mAh/g"),  QStringLiteral("mAh"),
        QStringLiteral("Hz"),     QStringLiteral("ohm"),    QStringLiteral("mV/s")};
    return units;
}

/// Units that fit a quantity name, most likely first. English and German names, because lab
/// software exports in the instrument's language.
QStringList suggestedUnits(const QString& quantity)
{
    using Hint = std::pair<QRegularExpression, QStringList>;
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const std::vector<Hint> hints{
        {QRegularExpression(QStringLiteral("2.?theta|2θ|two.?theta|angle|winkel"), ci),
         {QStringLiteral("deg")}},
        {QRegularExpression(QStringLiteral("intens|counts|cps|zählrate"), ci),
         {QStringLiteral("counts"), QStringLiteral("counts/s")}},
        {QRegularExpression(QStringLiteral("binding|kinetic|energy|energie|\\bbe\\b"), ci),
         {QStringLiteral("eV")}},
        {QRegularExpression(QStringLiteral("p\\s*/\\s*p[0o°]|relative pressure|relativer druck"), ci),
         {QStringLiteral("1")}},
        {QRegularExpression(QStringLiteral("adsorb|desorb|volume|uptake|quantity|menge|volumen"), ci),
         {QStringLiteral("cm3/g STP"), QStringLiteral("mmol/g")}},
        {QRegularExpression(QStringLiteral("temp"), ci), {QStringLiteral("°C")}},
        {QRegularExpression(QStringLiteral("time|zeit|dauer|^t$"), ci),
         {QStringLiteral("s"), QStringLiteral("min"), QStringLiteral("h")}},
        {QRegularExpression(QStringLiteral("mass|weight|masse|gewicht|^tg$"), ci),
         {QStringLiteral("mg"), QStringLiteral("%")}},
        {QRegularExpression(QStringLiteral("scan.?rate|vorschub"), ci), {QStringLiteral("mV/s")}},
        {QRegularExpression(QStringLiteral("volt|potential|ewe|ecell|spannung|^[eu]$"), ci),
         {QStringLiteral("V")}},
        {QRegularExpression(QStringLiteral("current|strom|^i$"), ci),
         {QStringLiteral("mA"), QStringLiteral("A")}},
        {QRegularExpression(QStringLiteral("capacity|kapazit|charge|ladung|^q$"), ci),
         {QStringLiteral("mAh/g"), QStringLiteral("mAh")}},
        {QRegularExpression(QStringLiteral("freq"), ci), {QStringLiteral("Hz")}},
        {QRegularExpression(QStringLiteral("z'|zre|zim|re\\(z\\)|im\\(z\\)|impedan|\\|z\\|"), ci),
         {QStringLiteral("ohm")}},
    };
    QStringList out;
    for (const auto& [re, units] : hints)
        if (re.match(quantity.trimmed()).hasMatch())
            for (const QString& u : units)
                if (!out.contains(u)) out << u;
    return out;
}

/// Common dataset kinds per technique; the combo stays editable for anything else.
QStringList commonKinds(Technique t)
{
    switch (t) {
    case Technique::Xrd:
        return {QStringLiteral("pattern")};
    case Technique::Xps:
        return {QStringLiteral("V 2p"), QStringLiteral("O 1s"), QStringLiteral("C 1s"),
                QStringLiteral("survey")};
    case Technique::Bet:
        return {QStringLiteral("isotherm")};
    case Technique::Tga:
        return {QStringLiteral("mass")};
    case Technique::Echem:
        return {QStringLiteral("cycling"), QStringLiteral("rate"), QStringLiteral("gcd"),
                QStringLiteral("cv"),      QStringLiteral("gitt"), QStringLiteral("eis")};
    }
    return {};
}

/// The importer's own number rule (TextNumbers.h: C locale, optional decimal comma, empty = missing),
/// so that the preview marks exactly the cells read() would refuse.
bool isNumberCell(const QString& cell, bool decimalComma)
{
    double v;
    const textnum::CellKind k = textnum::classify(cell, decimalComma, v);
    return k == textnum::CellKind::Number || k == textnum::CellKind::Empty;
}

QColor errorColor(const QPalette& palette)
{
    // A dark red is unreadable on a dark theme; pick the variant that contrasts with the window.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xb3, 0x26, 0x1e);
}

} // namespace

ColumnMappingDialog::ColumnMappingDialog(const QString& filePath, const QString& text, QWidget* parent)
    : QDialog(parent), m_filePath(filePath), m_text(text)
{
    setWindowTitle(tr("Import delimited text — %1").arg(QFileInfo(filePath).fileName()));
    setSizeGripEnabled(true);
    buildUi();
    restoreSettings();
    redetect();
    connect(this, &QDialog::accepted, this, &ColumnMappingDialog::saveSettings);
    if (const QScreen* s = screen()) resize(sizeHint().boundedTo(s->availableSize() * 0.9));
}

ColumnMappingDialog::~ColumnMappingDialog()
{
    // ~QDialog hides the window; a focused line edit then emits editingFinished, whose handler
    // would run after this object's members are gone. Cut the children's connections first.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

QSize ColumnMappingDialog::sizeHint() const
{
    const int em = fontMetrics().height();
    return QSize(em * 56, em * 40);
}

void ColumnMappingDialog::buildUi()
{
    auto* intro =
        new QLabel(tr("Check how <b>%1</b> is split into columns, then choose which columns to import and "
                      "give each a quantity and a unit.")
                       .arg(QFileInfo(m_filePath).fileName().toHtmlEscaped()));
    intro->setWordWrap(true);
    intro->setToolTip(QDir::toNativeSeparators(m_filePath));

    // --- text format -----------------------------------------------------------------------
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    for (const auto& d : kDelimiters)
        m_delimiter->addItem(tr(d.label), QString::fromLatin1(d.key));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_delimiter->setToolTip(tr("What separates the columns. Auto chooses the delimiter that gives the most "
                               "consistent rows of numbers."));

    m_decimal = new QComboBox;
    m_decimal->setObjectName(QStringLiteral("decimal"));
    m_decimal->addItem(tr("Auto"), QStringLiteral("auto"));
    m_decimal->addItem(tr("Point 3.25"), QStringLiteral("point"));
    m_decimal->addItem(tr("Comma 3,25"), QStringLiteral("comma"));
    m_decimal->setAccessibleName(tr("Decimal separator"));

    m_headerRows = new QSpinBox;
    m_headerRows->setObjectName(QStringLiteral("headerRows"));
    m_headerRows->setRange(-1, 100000); // -1 is "Auto"
    m_headerRows->setValue(-1);
    m_headerRows->setSpecialValueText(tr("Auto"));
    m_headerRows->setAccessibleName(tr("Header rows"));
    m_headerRows->setToolTip(
        tr("Lines above the first data row. The column names are taken from the last of them."));

    auto* formatBox = new QGroupBox(tr("Text format"));
    auto* formatForm = new QFormLayout(formatBox);
    formatForm->addRow(tr("&Delimiter:"), m_delimiter);
    formatForm->addRow(tr("D&ecimal separator:"), m_decimal);
    formatForm->addRow(tr("&Header rows:"), m_headerRows);

    // --- dataset ---------------------------------------------------------------------------
    m_technique = new QComboBox;
    m_technique->setObjectName(QStringLiteral("technique"));
    for (Technique t : allTechniques())
        m_technique->addItem(techniqueDisplayName(t), int(t));
    m_technique->setPlaceholderText(tr("Choose…"));
    m_technique->setCurrentIndex(-1);
    m_technique->setAccessibleName(tr("Technique"));

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->lineEdit()->setPlaceholderText(tr("choose or type"));
    m_kind->setAccessibleName(tr("Dataset kind"));
    m_kind->setToolTip(tr("What the data is, e.g. cv, eis or an XPS region; analyses are offered by kind."));

    auto* datasetBox = new QGroupBox(tr("Dataset"));
    auto* datasetForm = new QFormLayout(datasetBox);
    datasetForm->addRow(tr("&Technique:"), m_technique);
    datasetForm->addRow(tr("Dataset &kind:"), m_kind);

    auto* top = new QHBoxLayout;
    top->addWidget(formatBox, 1);
    top->addWidget(datasetBox, 1);

    // --- error and warning rows (icon + wrapped text) ----------------------------------------
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    auto makeMessageRow = [&](QStyle::StandardPixmap icon, QLabel*& text, const QString& name) {
        auto* row = new QWidget;
        auto* lay = new QHBoxLayout(row);
        lay->setContentsMargins(0, 0, 0, 0);
        auto* iconLabel = new QLabel;
        iconLabel->setPixmap(style()->standardIcon(icon).pixmap(iconSize, iconSize));
        iconLabel->setAlignment(Qt::AlignTop);
        text = new QLabel;
        text->setObjectName(name);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setTextFormat(Qt::PlainText);
        lay->addWidget(iconLabel);
        lay->addWidget(text, 1);
        row->setVisible(false);
        return row;
    };
    QWidget* errorRow =
        makeMessageRow(QStyle::SP_MessageBoxCritical, m_errorLabel, QStringLiteral("errorLabel"));
    QPalette pal = m_errorLabel->palette();
    pal.setColor(QPalette::WindowText, errorColor(palette()));
    m_errorLabel->setPalette(pal);
    m_errorLabel->setAccessibleName(tr("Error"));
    QWidget* warningRow =
        makeMessageRow(QStyle::SP_MessageBoxWarning, m_warningLabel, QStringLiteral("warningLabel"));
    m_warningLabel->setAccessibleName(tr("Warnings"));

    // --- columns: frozen editor rows above the preview -----------------------------------------
    // Two tables with the same column widths and a shared horizontal scroll position, so the
    // editors stay in view while the preview scrolls vertically.
    m_editorTable = new QTableWidget(kEditorRows, 0);
    m_editorTable->setObjectName(QStringLiteral("columnEditors"));
    m_editorTable->setVerticalHeaderLabels({tr("Import"), tr("Quantity"), tr("Unit")});
    m_editorTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_editorTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_editorTable->setFocusPolicy(Qt::NoFocus); // focus goes to the editors inside
    m_editorTable->setTabKeyNavigation(false);  // Tab moves between the editors, not cells
    m_editorTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_editorTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_editorTable->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_editorTable->setFrameShape(QFrame::NoFrame);
    m_editorTable->setAccessibleName(tr("Column mapping"));
    m_editorTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_editorTable->horizontalHeader()->setHighlightSections(false);
    m_editorTable->horizontalHeader()->setSectionsClickable(false);

    m_preview = new QTableWidget;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->horizontalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setTabKeyNavigation(false);
    m_preview->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_preview->setFrameShape(QFrame::NoFrame);
    m_preview->setAccessibleName(tr("Preview of the first 20 data rows"));
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->viewport()->installEventFilter(this);
    m_editorTable->viewport()->installEventFilter(this);

    // Row height that fits an editable combo box, and one vertical-header width for both tables so
    // that their columns line up.
    {
        QComboBox probe;
        probe.setEditable(true);
        QLineEdit probeEdit;
        const int rowHeight = std::max(probe.sizeHint().height(), probeEdit.sizeHint().height()) + 4;
        m_editorTable->verticalHeader()->setDefaultSectionSize(rowHeight);
        // Data rows hold plain text: compact rows show more of the file.
        m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);
        const QFontMetrics fm = m_editorTable->verticalHeader()->fontMetrics();
        int headerWidth = fm.horizontalAdvance(QStringLiteral("888"));
        for (const QString& s : {tr("Import"), tr("Quantity"), tr("Unit")})
            headerWidth = std::max(headerWidth, fm.horizontalAdvance(s));
        headerWidth += 2 * fm.averageCharWidth() + 8;
        m_editorTable->verticalHeader()->setFixedWidth(headerWidth);
        m_preview->verticalHeader()->setFixedWidth(headerWidth);
    }
    // The editors are on a lightly tinted background so they read as a header, not as data.
    {
        QPalette p = m_editorTable->palette();
        p.setColor(QPalette::Base, p.color(QPalette::AlternateBase));
        m_editorTable->setPalette(p);
    }

    connect(m_preview->horizontalScrollBar(), &QScrollBar::valueChanged, m_editorTable->horizontalScrollBar(),
            &QScrollBar::setValue);
    connect(m_editorTable->horizontalScrollBar(), &QScrollBar::valueChanged, m_preview->horizontalScrollBar(),
            &QScrollBar::setValue);
    connect(m_editorTable->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int index, int, int size) {
                if (!m_updating && index < m_preview->columnCount()) m_preview->setColumnWidth(index, size);
            });

    auto* columnsPage = new QFrame;
    columnsPage->setFrameShape(QFrame::NoFrame);
    auto* columnsLayout = new QVBoxLayout(columnsPage);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->setSpacing(0);
    columnsLayout->addWidget(m_editorTable);
    columnsLayout->addWidget(m_preview, 1);

    m_rawText = new QPlainTextEdit;
    m_rawText->setObjectName(QStringLiteral("rawText"));
    m_rawText->setReadOnly(true);
    m_rawText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rawText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawText->setAccessibleName(tr("First lines of the file"));
    m_rawText->setTabChangesFocus(true);
    {
        // Line numbers help to count header rows; only the head of a possibly huge file is shown.
        QString shown;
        qsizetype pos = 0;
        for (int line = 1; line <= kRawTextLines && pos <= m_text.size(); ++line) {
            qsizetype end = m_text.indexOf(QLatin1Char('\n'), pos);
            if (end < 0) end = m_text.size();
            QString content = m_text.mid(pos, end - pos);
            if (content.endsWith(QLatin1Char('\r'))) content.chop(1);
            if (end == m_text.size() && content.isEmpty()) break;
            content.replace(QLatin1Char('\t'), QStringLiteral("→   "));
            shown += QStringLiteral("%1 │ %2\n").arg(line, 4).arg(content.left(2000));
            pos = end + 1;
        }
        m_rawText->setPlainText(shown);
    }

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(columnsPage, tr("&Columns"));
    m_tabs->addTab(m_rawText, tr("File te&xt"));
    m_tabs->setDocumentMode(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* main = new QVBoxLayout(this);
    main->addWidget(intro);
    main->addLayout(top);
    main->addWidget(errorRow);
    main->addWidget(m_tabs, 1);
    main->addWidget(warningRow);
    main->addWidget(m_buttons);

    // --- behaviour -------------------------------------------------------------------------
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating) redetect();
    });
    connect(m_decimal, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating) redetect();
    });
    connect(m_headerRows, &QSpinBox::valueChanged, this, [this] {
        if (!m_updating) redetect();
    });
    // `activated` fires only for the user's choice: from then on the guess no longer overrides it.
    connect(m_technique, &QComboBox::activated, this, [this] { m_techniqueTouched = true; });
    connect(m_technique, &QComboBox::currentIndexChanged, this, [this] {
        updateKindChoices();
        updateState();
    });
    connect(m_kind, &QComboBox::activated, this, [this] { m_kindTouched = true; });
    connect(m_kind->lineEdit(), &QLineEdit::textEdited, this, [this] { m_kindTouched = true; });
}

void ColumnMappingDialog::restoreSettings()
{
    const QSettings settings;
    m_updating = true;
    m_delimiter->setCurrentIndex(
        std::max(0, m_delimiter->findData(settings.value("import/delimiter").toString())));
    m_decimal->setCurrentIndex(std::max(0, m_decimal->findData(settings.value("import/decimal").toString())));
    m_updating = false;
}

void ColumnMappingDialog::saveSettings() const
{
    QSettings settings;
    settings.setValue("import/delimiter", m_delimiter->currentData().toString());
    settings.setValue("import/decimal", m_decimal->currentData().toString());
}

DelimitedOptions ColumnMappingDialog::overrides() const
{
    DelimitedOptions o;
    const QString delim = m_delimiter->currentData().toString();
    for (const auto& d : kDelimiters)
        if (delim == QLatin1String(d.key) && !d.delimiter.isNull()) o.delimiter = d.delimiter;
    const QString decimal = m_decimal->currentData().toString();
    if (decimal == QLatin1String("point")) o.decimalComma = false;
    if (decimal == QLatin1String("comma")) o.decimalComma = true;
    if (m_headerRows->value() >= 0) o.headerRows = m_headerRows->value();
    return o;
}

ImportOptions ColumnMappingDialog::options() const
{
    ImportOptions o;
    o.format = DelimitedTextImporter().id(); // the user mapped columns for this reader, not another
    if (m_technique->currentIndex() >= 0) o.technique = Technique(m_technique->currentData().toInt());
    o.kind = m_kind->currentText().trimmed();
    o.delimited = overrides();
    for (size_t c = 0; c < m_editors.size(); ++c) {
        const ColumnEditor& e = m_editors[c];
        if (e.import->isChecked())
            o.delimited.mapping.push_back(
                {int(c), e.quantity->text().trimmed(), e.unit->currentText().trimmed()});
    }
    return o;
}

QList<int> ColumnMappingDialog::columnsWithoutUnit() const
{
    QList<int> out;
    for (size_t c = 0; c < m_editors.size(); ++c)
        if (m_editors[c].import->isChecked() && m_editors[c].unit->currentText().trimmed().isEmpty())
            out << int(c);
    return out;
}

void ColumnMappingDialog::setError(const QString& message)
{
    m_errorText = message;
    m_errorLabel->setText(message);
    m_errorLabel->parentWidget()->setVisible(!message.isEmpty());
}

void ColumnMappingDialog::redetect()
{
    auto result = DelimitedTextImporter::detect(m_text, QFileInfo(m_filePath).fileName(), overrides());
    if (!result) {
        // Keep the editors (and the user's edits) for when a working setting is chosen again, but
        // show no stale preview: it would suggest that these settings read the file.
        m_layout.reset();
        QString message = tr("The file cannot be read with these settings: %1")
                              .arg(QString::fromStdString(result.error().message()));
        // The delimiter and decimal choice are remembered from the last file, which may differ.
        if (m_delimiter->currentIndex() > 0 || m_decimal->currentIndex() > 0)
            message += QLatin1Char(' ') + tr("Try “Auto” for the delimiter and the decimal separator.");
        setError(message);
        m_preview->setRowCount(0);
        m_editorTable->setEnabled(false);
        updateAutoLabels();
        updateState();
        return;
    }
    setError({});
    m_layout = std::move(*result);
    m_editorTable->setEnabled(true);
    rebuildEditors();
    fillPreview();
    updateAutoLabels();
    updateGuess();
    updateState();
    syncColumnWidths();
}

void ColumnMappingDialog::rebuildEditors()
{
    const int n = m_layout->columnCount;
    m_updating = true;
    if (int(m_editors.size()) != n) {
        // A different column count means different columns: the old edits no longer apply.
        for (int c = 0; c < m_editorTable->columnCount(); ++c)
            for (int r = 0; r < kEditorRows; ++r)
                m_editorTable->removeCellWidget(r, c);
        m_editors.assign(size_t(n), {});
        m_editorTable->setColumnCount(n);
        QStringList labels;
        for (int c = 0; c < n; ++c)
            labels << tr("Column %1").arg(c + 1);
        m_editorTable->setHorizontalHeaderLabels(labels);
        for (int c = 0; c < n; ++c) {
            ColumnEditor& e = m_editors[size_t(c)];
            auto* checkHolder = new QWidget;
            auto* checkLayout = new QHBoxLayout(checkHolder);
            checkLayout->setContentsMargins(6, 0, 6, 0);
            e.import = new QCheckBox(tr("import"));
            e.import->setObjectName(QStringLiteral("import%1").arg(c));
            e.import->setChecked(true);
            e.import->setAccessibleName(tr("Import column %1").arg(c + 1));
            checkLayout->addWidget(e.import);
            checkLayout->addStretch(1);
            e.quantity = new QLineEdit;
            e.quantity->setObjectName(QStringLiteral("quantity%1").arg(c));
            e.quantity->setAccessibleName(tr("Quantity of column %1").arg(c + 1));
            e.quantity->setPlaceholderText(tr("quantity?"));
            e.unit = new QComboBox;
            e.unit->setObjectName(QStringLiteral("unit%1").arg(c));
            e.unit->setEditable(true);
            e.unit->setInsertPolicy(QComboBox::NoInsert);
            e.unit->lineEdit()->setPlaceholderText(tr("unit?"));
            e.unit->setAccessibleName(tr("Unit of column %1").arg(c + 1));
            e.unit->setToolTip(tr("Choose or type the unit. Units are never guessed."));
            int row = 0;
            for (QWidget* w :
                 std::initializer_list<QWidget*>{e.import, e.quantity, e.unit, e.unit->lineEdit()}) {
                w->setProperty(kColumnProperty, c);
                w->setProperty(kRowProperty, std::min(row++, kEditorRows - 1));
                w->installEventFilter(this);
            }
            m_editorTable->setCellWidget(0, c, checkHolder);
            m_editorTable->setCellWidget(1, c, e.quantity);
            m_editorTable->setCellWidget(2, c, e.unit);

            connect(e.import, &QCheckBox::clicked, this,
                    [this, c] { m_editors[size_t(c)].userEdited = true; });
            connect(e.import, &QCheckBox::toggled, this, [this, c](bool on) {
                // Unchecked columns stay visible but greyed, so the user sees what is left out.
                const QColor fg = on ? palette().color(QPalette::Text)
                                     : palette().color(QPalette::Disabled, QPalette::Text);
                for (int r = 0; r < m_preview->rowCount(); ++r)
                    if (QTableWidgetItem* it = m_preview->item(r, c)) it->setForeground(fg);
                m_editors[size_t(c)].quantity->setEnabled(on);
                m_editors[size_t(c)].unit->setEnabled(on);
                if (!m_updating) {
                    updateGuess();
                    updateState();
                }
            });
            connect(e.quantity, &QLineEdit::textEdited, this,
                    [this, c] { m_editors[size_t(c)].userEdited = true; });
            connect(e.quantity, &QLineEdit::editingFinished, this, [this, c] { fillUnitChoices(c); });
            connect(e.quantity, &QLineEdit::textChanged, this, [this] {
                if (m_updating) return;
                updateGuess();
                updateState();
            });
            connect(e.unit, &QComboBox::activated, this,
                    [this, c] { m_editors[size_t(c)].userEdited = true; });
            connect(e.unit->lineEdit(), &QLineEdit::textEdited, this,
                    [this, c] { m_editors[size_t(c)].userEdited = true; });
            connect(e.unit, &QComboBox::editTextChanged, this, [this] {
                if (!m_updating) updateState();
            });
        }
        updateTabOrder();
    }
    for (int c = 0; c < n; ++c) {
        ColumnEditor& e = m_editors[size_t(c)];
        if (e.userEdited) continue; // same columns re-detected: the user's choices win
        e.quantity->setText(m_layout->columnNames.value(c));
        fillUnitChoices(c);
        e.unit->setEditText(m_layout->columnUnits.value(c));
        e.import->setChecked(true);
    }
    m_updating = false;
}

void ColumnMappingDialog::fillUnitChoices(int column)
{
    if (column < 0 || column >= int(m_editors.size())) return;
    QComboBox* combo = m_editors[size_t(column)].unit;
    const QString current = combo->currentText();
    const QSignalBlocker block(combo);
    combo->clear();
    const QStringList suggested = suggestedUnits(m_editors[size_t(column)].quantity->text());
    combo->addItems(suggested);
    if (!suggested.isEmpty()) combo->insertSeparator(combo->count());
    for (const QString& u : commonUnits())
        if (!suggested.contains(u)) combo->addItem(u);
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemText(i) == QLatin1String("1"))
            combo->setItemData(i, tr("dimensionless, e.g. P/P0"), Qt::ToolTipRole);
    combo->setCurrentIndex(-1);
    combo->setEditText(current);
}

void ColumnMappingDialog::fillPreview()
{
    const int n = m_layout->columnCount;
    const auto& rows = m_layout->preview;
    m_preview->clearContents();
    m_preview->setColumnCount(n);
    m_preview->setRowCount(int(rows.size()));
    const QColor bad = errorColor(palette());
    QColor badBackground = bad;
    badBackground.setAlpha(40);
    QStringList rowLabels;
    for (int r = 0; r < int(rows.size()); ++r) {
        const QStringList& cells = rows[size_t(r)];
        rowLabels << QString::number(r + 1);
        const bool wrongCount = cells.size() != n;
        for (int c = 0; c < n; ++c) {
            auto* item = new QTableWidgetItem(cells.value(c));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (wrongCount) {
                item->setBackground(badBackground);
                item->setToolTip(
                    tr("This row has %n cell(s); the data rows have %1.", nullptr, int(cells.size())).arg(n));
            } else if (!isNumberCell(cells.value(c), m_layout->decimalComma)) {
                item->setBackground(badBackground);
                item->setToolTip(tr("Not a number with this decimal separator."));
            }
            if (c < int(m_editors.size()) && !m_editors[size_t(c)].import->isChecked())
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_preview->setItem(r, c, item);
        }
    }
    m_preview->setVerticalHeaderLabels(rowLabels);
}

void ColumnMappingDialog::updateAutoLabels()
{
    // "Auto" shows what it found, so the user can tell a correct detection from a lucky one.
    auto delimiterName = [this](QChar d) -> QString {
        if (d == ',') return tr("comma");
        if (d == ';') return tr("semicolon");
        if (d == '\t') return tr("tab");
        return tr("whitespace");
    };
    if (m_layout) {
        m_delimiter->setItemText(0, tr("Auto (%1)").arg(delimiterName(m_layout->delimiter)));
        m_decimal->setItemText(0, tr("Auto (%1)").arg(m_layout->decimalComma ? tr("comma") : tr("point")));
        m_headerRows->setSpecialValueText(tr("Auto (%1)").arg(m_layout->headerRows));
    } else {
        m_delimiter->setItemText(0, tr("Auto"));
        m_decimal->setItemText(0, tr("Auto"));
        m_headerRows->setSpecialValueText(tr("Auto"));
    }
}

void ColumnMappingDialog::updateGuess()
{
    // The same rule read() applies: the names of the columns that will be imported.
    QStringList names;
    for (const ColumnEditor& e : m_editors)
        if (e.import->isChecked()) names << e.quantity->text();
    m_guess = DelimitedTextImporter::guessTechnique(names);
    if (!m_techniqueTouched) {
        const int index = m_guess ? m_technique->findData(int(m_guess->first)) : -1;
        if (index != m_technique->currentIndex())
            m_technique->setCurrentIndex(index); // updates the kinds through currentIndexChanged
        else
            updateKindChoices();
    }
}

void ColumnMappingDialog::updateKindChoices()
{
    const QString current = m_kind->currentText();
    const QSignalBlocker block(m_kind);
    m_kind->clear();
    if (m_technique->currentIndex() < 0) {
        if (m_kindTouched) m_kind->setEditText(current);
        return;
    }
    const auto technique = Technique(m_technique->currentData().toInt());
    QStringList kinds = commonKinds(technique);
    const bool guessed = m_guess && m_guess->first == technique;
    if (guessed && !kinds.contains(m_guess->second)) kinds.prepend(m_guess->second);
    m_kind->addItems(kinds);
    m_kind->setCurrentIndex(-1);
    if (m_kindTouched)
        m_kind->setEditText(current);
    else if (guessed)
        m_kind->setEditText(m_guess->second);
    else if (kinds.size() == 1)
        m_kind->setEditText(kinds.front()); // the technique has only one kind: nothing to guess
    else
        m_kind->setEditText(QString());
}

void ColumnMappingDialog::updateState()
{
    QStringList problems;
    bool ok = m_layout.has_value();
    if (m_layout) {
        int checked = 0;
        QStringList unnamed;
        for (size_t c = 0; c < m_editors.size(); ++c) {
            if (!m_editors[c].import->isChecked()) continue;
            ++checked;
            if (m_editors[c].quantity->text().trimmed().isEmpty()) unnamed << QString::number(c + 1);
        }
        if (checked == 0) {
            ok = false;
            problems << tr("Select at least one column to import.");
        }
        if (!unnamed.isEmpty()) {
            ok = false;
            problems << tr("Give column %1 a quantity name.").arg(unnamed.join(QStringLiteral(", ")));
        }
        if (m_technique->currentIndex() < 0) {
            ok = false;
            problems << tr("The technique cannot be told from the column names; choose it above.");
        }
        QStringList noUnit;
        for (int c : columnsWithoutUnit()) {
            const QString q = m_editors[size_t(c)].quantity->text().trimmed();
            noUnit << (q.isEmpty() ? QString::number(c + 1) : tr("%1 (%2)").arg(c + 1).arg(q));
        }
        // read() would stop at such a cell with an error; say so now, where it can still be fixed.
        // Not blocking: a short file's footer may sit within the preview and read() skips footers.
        for (size_t r = 0; r < m_layout->preview.size() && problems.size() < 8; ++r) {
            const QStringList& cells = m_layout->preview[r];
            int bad = -1;
            for (size_t c = 0; c < m_editors.size() && bad < 0; ++c)
                if (m_editors[c].import->isChecked() &&
                    !isNumberCell(cells.value(int(c)), m_layout->decimalComma))
                    bad = int(c);
            if (bad >= 0) {
                problems << tr("Preview row %1, column %2: “%3” is not a number. Check the header rows and "
                               "the decimal "
                               "separator.")
                                .arg(r + 1)
                                .arg(bad + 1)
                                .arg(cells.value(bad).left(40));
                break;
            }
        }
        constexpr int kListed = 4; // a wide file would otherwise fill the dialog with one warning
        if (noUnit.size() > kListed) {
            noUnit = noUnit.mid(0, kListed);
            noUnit << tr("… (%n columns in all)", nullptr, int(columnsWithoutUnit().size()));
        }
        if (!noUnit.isEmpty())
            problems << tr("No unit for column %1. Choose the units explicitly; they are never guessed.")
                            .arg(noUnit.join(QStringLiteral(", ")));
    }
    m_warningLabel->setText(problems.join(QLatin1Char('\n')));
    m_warningLabel->parentWidget()->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void ColumnMappingDialog::updateTabOrder()
{
    // The tab bar itself, not the QTabWidget: Qt treats a focus-proxied compound as "everything inside
    // it", which would put the editors (children of a page) before the tab bar.
    std::vector<QWidget*> chain{m_delimiter, m_decimal, m_headerRows, m_technique, m_kind, m_tabs->tabBar()};
    for (const ColumnEditor& e : m_editors) {
        chain.push_back(e.import);
        chain.push_back(e.quantity);
        chain.push_back(e.unit);
    }
    chain.push_back(m_preview);
    chain.push_back(m_rawText);
    chain.push_back(m_buttons->button(QDialogButtonBox::Ok));
    chain.push_back(m_buttons->button(QDialogButtonBox::Cancel));
    for (size_t i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void ColumnMappingDialog::syncColumnWidths()
{
    const int n = m_preview->columnCount();
    if (n == 0 || m_editorTable->columnCount() != n) return;
    // Wide enough for "cm3/g STP" in an editable combo; wider when there is room to fill.
    const int minWidth = fontMetrics().horizontalAdvance(QStringLiteral("cm3/g STP")) +
                         style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                         4 * fontMetrics().averageCharWidth();
    const int avail = m_preview->viewport()->width();
    const int width = std::max(minWidth, avail / n);
    const bool wasUpdating = std::exchange(m_updating, true);
    for (int c = 0; c < n; ++c) {
        m_preview->setColumnWidth(c, width);
        m_editorTable->setColumnWidth(c, width);
    }
    // The last column takes the rest; the editor's last column also covers the space above the
    // preview's vertical scroll bar, which keeps both scroll ranges equal.
    // The header's height is known only once it has sections, hence here and not in buildUi().
    m_editorTable->setFixedHeight(m_editorTable->horizontalHeader()->sizeHint().height() +
                                  kEditorRows * m_editorTable->verticalHeader()->defaultSectionSize() + 2);
    const int last = std::max(width, avail - width * (n - 1));
    m_preview->setColumnWidth(n - 1, last);
    m_editorTable->setColumnWidth(n - 1, last + std::max(0, m_editorTable->viewport()->width() - avail));
    m_editorTable->horizontalScrollBar()->setValue(m_preview->horizontalScrollBar()->value());
    m_updating = wasUpdating;
}

bool ColumnMappingDialog::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_preview->viewport() || watched == m_editorTable->viewport()) &&
        event->type() == QEvent::Resize) {
        syncColumnWidths();
    } else if (event->type() == QEvent::FocusIn && watched->property(kColumnProperty).isValid()) {
        // Tabbing to an editor that is scrolled out of view brings its column into view.
        const int column = watched->property(kColumnProperty).toInt();
        const int row = watched->property(kRowProperty).toInt();
        m_editorTable->scrollTo(m_editorTable->model()->index(row, column));
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace vanadis
