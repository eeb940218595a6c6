<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Materials characterisation workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo series CS, WCS, HCS, HMCS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis</name>
    <message>
        <source>Intensity (a.u.)</source>
        <translation>强度 (a.u.)</translation>
    </message>
    <message>
        <source>Binding energy (eV)</source>
        <translation>结合能 (eV)</translation>
    </message>
    <message>
        <source>Intensity (counts s^{-1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> des.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity adsorbed (cm^{3} g^{-1} STP)</source>
        <translation>吸附量 (cm^{3} g^{-1} STP)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>温度 (°C)</translation>
    </message>
    <message>
        <source>Mass (%)</source>
        <translation>质量 (%)</translation>
    </message>
    <message>
        <source>Cycle number</source>
        <translation>循环次数</translation>
    </message>
    <message>
        <source>Discharge capacity (mAh g^{-1})</source>
        <translation>放电比容量 (mAh g^{-1})</translation>
    </message>
    <message>
        <source> CE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coulombic efficiency (%)</source>
        <translation>库仑效率 (%)</translation>
    </message>
    <message>
        <source>Specific capacity (mAh g^{-1})</source>
        <translation>比容量 (mAh g^{-1})</translation>
    </message>
    <message>
        <source>Voltage (V vs Na^{+}/Na)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential (V vs Na^{+}/Na)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimited text (CSV, TSV, columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XRD</source>
        <translation>XRD</translation>
    </message>
    <message>
        <source>XPS</source>
        <translation>XPS</translation>
    </message>
    <message>
        <source>BET</source>
        <translation>BET</translation>
    </message>
    <message>
        <source>TGA</source>
        <translation>TGA</translation>
    </message>
    <message>
        <source>Electrochemistry</source>
        <translation>电化学</translation>
    </message>
</context>
<context>
    <name>vanadis::AddSampleCommand</name>
    <message>
        <source>Add sample %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ColumnMappingDialog</name>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whitespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import delimited text — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check how &lt;b&gt;%1&lt;/b&gt; is split into columns, then choose which columns to import and give each a quantity and a unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What separates the columns. Auto chooses the delimiter that gives the most consistent rows of numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point 3.25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma 3,25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines above the first data row. The column names are taken from the last of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ecimal separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Header rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose or type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the data is, e.g. cv, eis or an XPS region; analyses are offered by kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Technique:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first 20 data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First lines of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read with these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity of column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the unit. Units are never guessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dimensionless, e.g. P/P0</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This row has %n cell(s); the data rows have %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not a number with this decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whitespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at least one column to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give column %1 a quantity name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The technique cannot be told from the column names; choose it above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview row %1, column %2: “%3” is not a number. Check the header rows and the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit for column %1. Choose the units explicitly; they are never guessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try “Auto” for the delimiter and the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… (%n columns in all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vanadis::CompareTab</name>
    <message>
        <source>Sample comparison table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Active mass (mg)</source>
        <translation>活性物质质量 (mg)</translation>
    </message>
    <message>
        <source>Mass basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oxide only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::EditSampleCommand</name>
    <message>
        <source>Edit sample %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ExportFigureDialog</name>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 single column (%2 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 double column (%2 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution (PNG/TIFF):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File (without extension):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ImportDatasetsCommand</name>
    <message>
        <source>Import %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 datasets into %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::MainWindow</name>
    <message>
        <source>Vanadis projects (*.vanadis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Untitled series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Open a project, the demo series, or drop instrument files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New series</source>
        <translation>新建系列(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;demo series</source>
        <translation>打开演示系列(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import instrument files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sample</source>
        <translation>样品(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add sample…</source>
        <translation>添加样品(&amp;A)…</translation>
    </message>
    <message>
        <source>Add sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Vanadis</source>
        <translation>关于 Vanadis(&amp;A)</translation>
    </message>
    <message>
        <source>About Vanadis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Vanadis %1&lt;/b&gt;&lt;p&gt;XRD, XPS, BET, TGA and electrochemistry of a sample series in one place.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Plots by QCustomPlot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo series CS, WCS, HCS, HMCS generated from the values of Osman et al., Adv. Sci. 2022.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this series first?</source>
        <translation>先保存此系列的更改吗？</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an untitled series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Vanadis found unsaved work of %1 from %2. Recover it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered unsaved work; save it to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample (type a new name to create one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n dataset(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a technique tab that shows data first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::MessagePanel</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>vanadis::MoveSampleCommand</name>
    <message>
        <source>Reorder samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::PlotExporter</name>
    <message>
        <source>The figure size %1 × %2 mm is not possible; width and height must be between 0 and %3 mm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resolution %1 dpi is not possible; choose between %2 and %3 dpi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file name was given for the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by Vanadis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SVG could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a raster format; use PNG or TIFF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIFF export needs the Qt image format plugins (Debian package qt6-image-formats-plugins), which are not installed. PNG works without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image would have %1 megapixels; reduce the size or the resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough memory for an image of this size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be encoded: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export format “%1” is not known; use PDF, SVG, PNG, TIFF or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::PlotView</name>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the figure as PNG (300 dpi), PDF and SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 versus %2, %n series</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ProjectTree</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Project tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
imported by %2 %3
SHA-256 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::RemoveDatasetCommand</name>
    <message>
        <source>Remove dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::RemoveSampleCommand</name>
    <message>
        <source>Remove sample %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::SamplePanel</name>
    <message>
        <source> mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active mass per electrode. Capacities in mAh g⁻¹ are divided by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite (V2O3@C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oxide only (V2O3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Marker:</source>
        <translation>标记(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>线型(&amp;L):</translation>
    </message>
    <message>
        <source>Active &amp;mass:</source>
        <translation>活性物质质量(&amp;M):</translation>
    </message>
    <message>
        <source>Mass &amp;basis:</source>
        <translation>质量基准(&amp;B):</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O):</translation>
    </message>
    <message>
        <source>Sample name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active mass in mg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::SetRunCommand</name>
    <message>
        <source>Change %1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::SetSeriesInfoCommand</name>
    <message>
        <source>Edit series</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::TechniqueTab</name>
    <message>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D):</translation>
    </message>
    <message>
        <source>Dataset kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图…</translation>
    </message>
    <message>
        <source>No %1 data for the selected samples.
Import files with File → Import, or drop them on this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
