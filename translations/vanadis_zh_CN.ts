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
    <message>
        <source>BET (automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isotherms with pore sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rouquerol plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pore-size distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pore diameter (nm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH pore-size distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N2 isotherms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Film thickness t (Å)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fit range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass and DTG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon-content readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTG (% min^{-1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon content: %1 ± %2 wt%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adsorption Information File (AIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MicrotracBEL BELSORP isotherm (.dat, .csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mettler-Toledo STARe text export (TGA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micromeritics isotherm report (.xls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NETZSCH Proteus ASCII export (TG, STA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PerkinElmer Pyris text export (TGA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantachrome / Anton Paar isotherm text (ASiQwin, NovaWin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TA Instruments Universal Analysis export (TGA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass change between cursors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δm = %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag to measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onset %1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endset %1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micromeritics isotherm table (CSV/TXT export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TA Instruments TRIOS text export (TGA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micromeritics report text (TriStar/ASAP/MicroActive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intensity (a.u., offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTG (% °C^{-1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder cannot be opened to flush it to disk (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be flushed to disk (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be written (rename failed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project is already open in another Vanadis window or program (process %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project is already open in another Vanadis window or program (process %1 on %2)</source>
        <translation type="unfinished"></translation>
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
    <name>vanadis::Analysis</name>
    <message>
        <source>This run comes from an analysis this version of Vanadis does not have (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed by a newer version of this analysis (%1, this is %2): recompute to use it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed by an older version of this analysis (%1, now %2): recompute to update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 parameters: %n changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vanadis::BetAnalysis</name>
    <message>
        <source>Adsorptive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto: as stated in the file (N2 assumed, with a warning, when the file says nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-section σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molecular cross-section; ≤ 0 uses the adsorptive&apos;s (N2 0.162, Ar 0.142, Kr 0.202, CO2 0.195 nm², ISO 9277:2022)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET range from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower end of a user BET range; p_min and p_max both negative = automatic range (Rouquerol criteria, BETSI rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET range to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper end of a user BET range (negative = automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest automatic window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default 10, as BETSI (Osterrieth et al. 2022); ISO 9277 accepts 3 and recommends 5. With fewer suitable points interpolated points are added and the result says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum R²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An automatic window needs R² above this (BETSI: 0.995)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total pore volume at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gurvich total pore volume read on the adsorption branch (vendors: 0.99; BELSORP 0.96–0.99)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-point BET at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adsorption point nearest to this pressure is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langmuir range from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langmuir area: meaningful only for type I isotherms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langmuir range to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adsorption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desorption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adsorption: cylindrical meniscus (Cohan); desorption: hemispherical meniscus. The desorption branch of H2/H3 loops gives a false peak near 3.8 nm (cavitation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thickness curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carbon black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Film thickness t(p/p0) for the t-plot and the BJH correction (Harkins–Jura 1944; Halsey 1948; Kruk–Jaroniec–Sayari 1997; carbon black STSA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-plot from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear t-plot range (Micromeritics default 3.5–5.0 Å)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-plot to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH smallest pore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kelvin equation is not trusted below ≈ 2 nm (Micromeritics default 1.7 nm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-plot range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH largest pore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 point(s) whose pressure stepped back within instrument noise were put in pressure order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not state the adsorptive; N2 at 77 K was assumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file states %1 as the adsorptive but %2 was chosen for the analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 isotherm is evaluated with the N2 cross-section 0.162 nm²; the usual %1 value is %2 nm².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cross-section of %1 nm² was used instead of the usual %2 nm² for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file states a cross-section of %1 nm²; Vanadis used %2 nm².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meaningful only for type I isotherms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Langmuir plot has a negative slope or intercept: no Langmuir area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Langmuir area: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adsorption branch ends at p/p0 = %1, below the requested %2: the total pore volume is taken at the last point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No total pore volume: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thickness curves (t-plot, BJH) are parameterised for N2 at 77 K; for %1 they are approximate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The t-plot intercept is negative: no micropore volume is detected (reported as is).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No t-plot: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH: %1 of %2 steps gave a negative pore volume (the film-thinning correction exceeded the gas released, usually a thickness curve that does not fit the material or noise); they are kept in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH: the distribution peaks at the smallest pore sizes (%1 nm); that edge is where the thickness curve matters most, so treat the peak with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH from the desorption branch peaks at %1 nm: with an H2/H3 loop closing at p/p0 ≈ 0.42–0.50 this is the cavitation (tensile-strength) artefact, not a pore size; use the adsorption branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No BJH distribution: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a hint from simple shape rules, not an IUPAC classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desorption branch does not rejoin the adsorption branch (low-pressure hysteresis): check for swelling, slow equilibration or a leak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET area (m² g⁻¹)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET C constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monolayer capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BET fit R²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points in the BET window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total pore volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pore volume (cm³ g⁻¹)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average pore diameter (4V/A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH pore-size peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BJH peak (nm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langmuir area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-point BET area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External area (t-plot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micropore volume (t-plot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micropore area (t-plot)</source>
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
    <message>
        <source>Copy table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole table (tab-separated, with headers) for a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet recomputed for the current parameters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ComputeService</name>
    <message>
        <source>internal error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown analysis &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::DatasetType</name>
    <message>
        <source>XRD pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XPS region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isotherm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TGA curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycling record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge–discharge profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cyclic voltammogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GITT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impedance spectrum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
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
    <name>vanadis::FileIdentity</name>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is %1, not a project file; a project is a regular .vanadis file</source>
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
    <message>
        <source>Project changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project file has been saved by another program or window since then. The recovered work opens as a copy; Save will ask for a new file name instead of overwriting those changes.</source>
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
    <name>vanadis::ParamForm</name>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show advanced parameters</source>
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
    <message>
        <source>Figures can only be rendered in a program with a QApplication (for command-line use, set QT_QPA_PLATFORM=offscreen).</source>
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
    <message>
        <source>x = %1, y = %2, z = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::Project</name>
    <message>
        <source>An input dataset was removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::ProjectDocument</name>
    <message>
        <source>the project file was replaced or removed by another program since Vanadis read it; saving now would lose those changes or yours. Use Save As to keep your version in a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project file was changed by another program since Vanadis read it; saving now would mix or overwrite those changes. Use Save As to keep your version in a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this recovered work does not record which version of the project it started from, so saving over the project could overwrite newer changes. Use Save As to keep it in a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project was saved by another program or window after this work was autosaved; saving over it would overwrite those changes. Use Save As to keep the recovered work in a new file</source>
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
        <source>Remove dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3
imported by %4 %5
SHA-256 %6</source>
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
    <name>vanadis::ResultView</name>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::RollbackJournal</name>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an SQLite rollback journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written for a database with %1-byte pages, this file has %2-byte pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no copy of the file&apos;s first page, which every Vanadis save records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project file is shorter than one page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its copy of the first page is of another kind of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its copy of the first page differs from the file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written for another state of a file (change counter %1, this file is at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollback journal beside the project (%1) does not belong to it (%2) and cannot be moved aside; move it away, then open the project again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rollback journal %1 beside the project does not belong to it (%2); it was not applied and was moved to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be written</source>
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
        <source>Export figure…</source>
        <translation>导出图…</translation>
    </message>
    <message>
        <source>No %1 data for the selected samples.
Import files with File → Import, or drop them on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this sample&apos;s parameters to the defaults (automatic choices).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to all samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these parameters for every sample of the series (one undo step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 parameters to all samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis or kind of data shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset whose parameters and results are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview while dragging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result does not match the parameters yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vanadis::TgaAnalysis</name>
    <message>
        <source>Start oxide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oxide in the composite before the run. V2O3 and VO2 gain mass as they oxidise to V2O5; V2O5 needs no correction. &apos;custom&apos; uses the molar masses and ν below (tga.md §2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compound left at the end of the run in O2 or air.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start oxide molar mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molar mass of a custom start oxide (IUPAC 2021 atomic weights).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residue molar mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molar mass of a custom residue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ν (start per residue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moles of start oxide per mole of residue for a custom pair (2 for 2 VO2 → V2O5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry basis at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moisture leaves below this temperature; the dry mass m_dry is read here (tga.md §2: 150–200 °C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry-mass window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the temperature window averaged for m_dry, centred on the dry-basis temperature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End plateau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m_end is the mean of the top this-many °C of the run on its last pass (the last this-many °C of a run that only heats; a final cooling segment is left out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End range from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With &apos;End range to&apos; above it: read m_end over this range (its last pass) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End range to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper end of the explicit end range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plateau flatness limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest mass drift across the end plateau (% of m_dry) before &apos;oxidation may be incomplete&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTG window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savitzky–Golay window (odd), in points. 0 chooses a window spanning min(2 min, 10 °C of heating), 5 to 201 points; densely logged runs are first averaged in blocks so that the span is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTG polynomial order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degree of the local Savitzky–Golay polynomial (Savitzky &amp; Golay 1964); 2 as in vendor packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTG also in %/°C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also give dm/dT. The DTG itself is always against time (isothermal holds make dm/dT blow up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps with a smaller mass change (% of the initial mass) are not reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step&apos;s DTG peak must exceed this many standard deviations of the DTG noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the straight baselines before and after a step for the onset/endset tangents (ISO 11358-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass change from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First cursor of a mass-change reading (null: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass change to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second cursor of a mass-change reading (null: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residue at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature of a residual-mass reading (null: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass-change cursors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the oxidation-corrected carbon content (runs in O2 or air to a residue plateau).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carbon (wt%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moisture (wt%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residue (dry basis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry mass read at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass change between cursors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
