<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Materials characterisation workbench</source>
        <translation>材料表征工作台</translation>
    </message>
    <message>
        <source>Open the demo series CS, WCS, HCS, HMCS.</source>
        <translation>打开演示系列 CS、WCS、HCS、HMCS。</translation>
    </message>
    <message>
        <source>Project file to open.</source>
        <translation>要打开的项目文件。</translation>
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
        <translation>强度 (counts s^{-1})</translation>
    </message>
    <message>
        <source> ads.</source>
        <translation> 吸附</translation>
    </message>
    <message>
        <source> des.</source>
        <translation> 脱附</translation>
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
        <translation> 库仑效率</translation>
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
        <translation>电压 (V vs Na^{+}/Na)</translation>
    </message>
    <message>
        <source>Potential (V vs Na^{+}/Na)</source>
        <translation>电位 (V vs Na^{+}/Na)</translation>
    </message>
    <message>
        <source>Time (h)</source>
        <translation>时间 (h)</translation>
    </message>
    <message>
        <source>Delimited text (CSV, TSV, columns)</source>
        <translation>分隔文本 (CSV、TSV、列数据)</translation>
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
        <translation>BET (自动)</translation>
    </message>
    <message>
        <source>Isotherms with pore sizes</source>
        <translation>吸附等温线与孔径分布</translation>
    </message>
    <message>
        <source>BET plot</source>
        <translation>BET 图</translation>
    </message>
    <message>
        <source>Rouquerol plot</source>
        <translation>Rouquerol 图</translation>
    </message>
    <message>
        <source>Pore-size distribution</source>
        <translation>孔径分布</translation>
    </message>
    <message>
        <source>t-plot</source>
        <translation>t-plot</translation>
    </message>
    <message>
        <source>Pore diameter (nm)</source>
        <translation>孔径 (nm)</translation>
    </message>
    <message>
        <source>BJH pore-size distribution</source>
        <translation>BJH 孔径分布</translation>
    </message>
    <message>
        <source>N2 isotherms</source>
        <translation>N2 吸附等温线</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Film thickness t (Å)</source>
        <translation>吸附膜厚度 t (Å)</translation>
    </message>
    <message>
        <source>fit range</source>
        <translation>拟合范围</translation>
    </message>
    <message>
        <source>Mass and DTG</source>
        <translation>质量与 DTG</translation>
    </message>
    <message>
        <source>Carbon-content readings</source>
        <translation>碳含量读数</translation>
    </message>
    <message>
        <source>DTG (% min^{-1})</source>
        <translation>DTG (% min^{-1})</translation>
    </message>
    <message>
        <source>Carbon content: %1 ± %2 wt%</source>
        <translation>碳含量：%1 ± %2 wt%</translation>
    </message>
    <message>
        <source>dry mass</source>
        <translation>干基质量</translation>
    </message>
    <message>
        <source>residue</source>
        <translation>残留物</translation>
    </message>
    <message>
        <source>Adsorption Information File (AIF)</source>
        <translation>吸附信息文件 (AIF)</translation>
    </message>
    <message>
        <source>MicrotracBEL BELSORP isotherm (.dat, .csv)</source>
        <translation>MicrotracBEL BELSORP 等温线 (.dat, .csv)</translation>
    </message>
    <message>
        <source>Mettler-Toledo STARe text export (TGA)</source>
        <translation>Mettler-Toledo STARe 文本导出 (TGA)</translation>
    </message>
    <message>
        <source>Micromeritics isotherm report (.xls)</source>
        <translation>Micromeritics 等温线报告 (.xls)</translation>
    </message>
    <message>
        <source>NETZSCH Proteus ASCII export (TG, STA)</source>
        <translation>NETZSCH Proteus ASCII 导出 (TG, STA)</translation>
    </message>
    <message>
        <source>PerkinElmer Pyris text export (TGA)</source>
        <translation>PerkinElmer Pyris 文本导出 (TGA)</translation>
    </message>
    <message>
        <source>Quantachrome / Anton Paar isotherm text (ASiQwin, NovaWin)</source>
        <translation>Quantachrome / Anton Paar 等温线文本 (ASiQwin, NovaWin)</translation>
    </message>
    <message>
        <source>TA Instruments Universal Analysis export (TGA)</source>
        <translation>TA Instruments Universal Analysis 导出 (TGA)</translation>
    </message>
    <message>
        <source>Mass change between cursors</source>
        <translation>游标间质量变化</translation>
    </message>
    <message>
        <source>Δm = %1 %</source>
        <translation>Δm = %1 %</translation>
    </message>
    <message>
        <source>drag to measure</source>
        <translation>拖动以测量</translation>
    </message>
    <message>
        <source>onset %1 °C</source>
        <translation>起始 %1 °C</translation>
    </message>
    <message>
        <source>endset %1 °C</source>
        <translation>终止 %1 °C</translation>
    </message>
    <message>
        <source>Micromeritics isotherm table (CSV/TXT export)</source>
        <translation>Micromeritics 等温线表格 (CSV/TXT 导出)</translation>
    </message>
    <message>
        <source>TA Instruments TRIOS text export (TGA)</source>
        <translation>TA Instruments TRIOS 文本导出 (TGA)</translation>
    </message>
    <message>
        <source>Micromeritics report text (TriStar/ASAP/MicroActive)</source>
        <translation>Micromeritics 报告文本 (TriStar/ASAP/MicroActive)</translation>
    </message>
    <message>
        <source>Intensity (a.u., offset)</source>
        <translation>强度 (a.u.，已偏移)</translation>
    </message>
    <message>
        <source>DTG (% °C^{-1})</source>
        <translation>DTG (% °C^{-1})</translation>
    </message>
    <message>
        <source>the folder cannot be opened to flush it to disk (%1)</source>
        <translation>无法打开文件夹以将其同步到磁盘 (%1)</translation>
    </message>
    <message>
        <source>the folder could not be flushed to disk (%1)</source>
        <translation>文件夹未能同步到磁盘 (%1)</translation>
    </message>
    <message>
        <source>the file cannot be written (rename failed: %1)</source>
        <translation>无法写入文件 (重命名失败：%1)</translation>
    </message>
    <message>
        <source>the project is already open in another Vanadis window or program (process %1)</source>
        <translation>该项目已在另一个 Vanadis 窗口或程序中打开 (进程 %1)</translation>
    </message>
    <message>
        <source>the project is already open in another Vanadis window or program (process %1 on %2)</source>
        <translation>该项目已在另一个 Vanadis 窗口或程序中打开 (%2 上的进程 %1)</translation>
    </message>
    <message>
        <source>Parameter &apos;%1&apos; has no start value: it starts at 1.</source>
        <translation>参数“%1”没有初始值：从 1 开始。</translation>
    </message>
    <message>
        <source>Custom expression</source>
        <translation>自定义表达式</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>A built-in model (start values are guessed from the data) or your own expression.</source>
        <translation>内置模型（初始值由数据估计）或自定义表达式。</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Used with &apos;Custom expression&apos;: y as a function of x; every other name is a parameter. Functions: exp ln log10 sqrt sin cos tan atan abs erf pow …; operators + - * / ^.</source>
        <translation>用于“自定义表达式”：y 为 x 的函数，其他名称均为参数。函数：exp ln log10 sqrt sin cos tan atan abs erf pow …；运算符 + - * / ^。</translation>
    </message>
    <message>
        <source>x column</source>
        <translation>x 列</translation>
    </message>
    <message>
        <source>Column name or number (1 = first).</source>
        <translation>列名或列号（1 = 第一列）。</translation>
    </message>
    <message>
        <source>y column</source>
        <translation>y 列</translation>
    </message>
    <message>
        <source>Fit from x</source>
        <translation>拟合起点 x</translation>
    </message>
    <message>
        <source>Lower end of the fit range (none: all points); drag it on the plot.</source>
        <translation>拟合范围下限（无：全部数据点）；可在图上拖动。</translation>
    </message>
    <message>
        <source>Fit range</source>
        <translation>拟合范围</translation>
    </message>
    <message>
        <source>Fit to x</source>
        <translation>拟合终点 x</translation>
    </message>
    <message>
        <source>Upper end of the fit range (none: all points).</source>
        <translation>拟合范围上限（无：全部数据点）。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>relative (1/y²)</source>
        <translation>相对 (1/y²)</translation>
    </message>
    <message>
        <source>1/σ² from a column</source>
        <translation>由某列给出 1/σ²</translation>
    </message>
    <message>
        <source>σ column</source>
        <translation>σ 列</translation>
    </message>
    <message>
        <source>Column of 1σ uncertainties, for 1/σ² weights.</source>
        <translation>1σ 不确定度所在列，用于 1/σ² 权重。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>One row per parameter you set: start value, bounds, fixed, or a tie such as &apos;w1&apos; or &apos;a1*0.5&apos;. Parameters not listed start at the guess (built-in models) or 1.</source>
        <translation>每行设置一个参数：初始值、上下限、固定，或约束（如“w1”或“a1*0.5”）。未列出的参数从估计值（内置模型）或 1 开始。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Fitted parameters</source>
        <translation>拟合参数</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Reduced χ²</source>
        <translation>约化 χ²</translation>
    </message>
    <message>
        <source>Residual standard deviation</source>
        <translation>残差标准差</translation>
    </message>
    <message>
        <source>Residual sum of squares</source>
        <translation>残差平方和</translation>
    </message>
    <message>
        <source>Degrees of freedom</source>
        <translation>自由度</translation>
    </message>
    <message>
        <source>Points fitted</source>
        <translation>拟合点数</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Data, model and residuals</source>
        <translation>数据、模型与残差</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Active mass</source>
        <translation>活性物质质量</translation>
    </message>
    <message>
        <source>Mass basis</source>
        <translation>质量基准</translation>
    </message>
    <message>
        <source>V2O3@C composite</source>
        <translation>V2O3@C 复合材料</translation>
    </message>
    <message>
        <source>V2O3 alone</source>
        <translation>仅 V2O3</translation>
    </message>
    <message>
        <source>Carbon content</source>
        <translation>碳含量</translation>
    </message>
    <message>
        <source>Use the mass the file states</source>
        <translation>使用文件中注明的质量</translation>
    </message>
    <message>
        <source>When no active mass is given, use the one the instrument file states (BioLogic characteristic mass, Neware/Novonix mass); the result names its source.</source>
        <translation>未给出活性物质质量时，使用仪器数据文件中注明的质量 (BioLogic 特征质量、Neware/Novonix 质量)；结果中会注明其来源。</translation>
    </message>
    <message>
        <source>Coulombic efficiency</source>
        <translation>库仑效率</translation>
    </message>
    <message>
        <source>cathode: discharge/charge</source>
        <translation>正极：放电/充电</translation>
    </message>
    <message>
        <source>anode: charge/discharge</source>
        <translation>负极：充电/放电</translation>
    </message>
    <message>
        <source>CE = Q_dis/Q_chg for a cathode or full cell (LAND CapD/CapC), Q_chg/Q_dis for an anode half cell (echem.md §1).</source>
        <translation>对正极或全电池，CE = Q_dis/Q_chg (LAND CapD/CapC)；对负极半电池，CE = Q_chg/Q_dis (echem.md §1)。</translation>
    </message>
    <message>
        <source>CE pairing</source>
        <translation>CE 配对方式</translation>
    </message>
    <message>
        <source>both halves of cycle n</source>
        <translation>第 n 次循环的放电与充电</translation>
    </message>
    <message>
        <source>cycle n with cycle n + 1</source>
        <translation>第 n 次循环与第 n + 1 次循环</translation>
    </message>
    <message>
        <source>For a sodiation-first cathode: discharge n with charge n as the cycler numbers them, or charge n with discharge n + 1.</source>
        <translation>对于先嵌钠 (首次为放电) 的正极：按充放电测试仪的编号将第 n 次放电与第 n 次充电配对，或将第 n 次充电与第 n + 1 次放电配对。</translation>
    </message>
    <message>
        <source>Retention against</source>
        <translation>容量保持率基准</translation>
    </message>
    <message>
        <source>cycle 1</source>
        <translation>第 1 次循环</translation>
    </message>
    <message>
        <source>cycle 2</source>
        <translation>第 2 次循环</translation>
    </message>
    <message>
        <source>the highest capacity</source>
        <translation>最高容量</translation>
    </message>
    <message>
        <source>a given cycle</source>
        <translation>指定循环</translation>
    </message>
    <message>
        <source>The capacity that is 100 %; retention above 100 % (activation) is not clipped.</source>
        <translation>作为 100 % 的容量；高于 100 % 的保持率 (活化) 不会被截断。</translation>
    </message>
    <message>
        <source>Reference cycle</source>
        <translation>基准循环</translation>
    </message>
    <message>
        <source>Used when retention is against a given cycle.</source>
        <translation>容量保持率以指定循环为基准时使用。</translation>
    </message>
    <message>
        <source>Rate-step tolerance</source>
        <translation>倍率阶段容差</translation>
    </message>
    <message>
        <source>Consecutive cycles whose discharge current agrees within this form one rate step (echem.md §2).</source>
        <translation>放电电流在此容差内一致的连续循环构成一个倍率阶段 (echem.md §2)。</translation>
    </message>
    <message>
        <source>Skip the first cycle of each rate step</source>
        <translation>跳过每个倍率阶段的第一次循环</translation>
    </message>
    <message>
        <source>Leave the first cycle of each step out of the step means.</source>
        <translation>计算各阶段平均值时不计入每个阶段的第一次循环。</translation>
    </message>
    <message>
        <source>Profile cycles</source>
        <translation>曲线所用循环</translation>
    </message>
    <message>
        <source>Cycles whose voltage profiles and dQ/dV are given, separated by commas.</source>
        <translation>给出电压曲线和 dQ/dV 的循环，以逗号分隔。</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>充放电曲线</translation>
    </message>
    <message>
        <source>the cycles listed</source>
        <translation>所列循环</translation>
    </message>
    <message>
        <source>one per rate step (its second cycle)</source>
        <translation>每个倍率阶段一条 (取其第二次循环)</translation>
    </message>
    <message>
        <source>dQ/dV voltage step</source>
        <translation>dQ/dV 电压步长</translation>
    </message>
    <message>
        <source>Uniform voltage grid of dQ/dV (echem.md §3: 2–5 mV).</source>
        <translation>dQ/dV 的均匀电压网格 (echem.md §3：2–5 mV)。</translation>
    </message>
    <message>
        <source>dQ/dV smoothing window</source>
        <translation>dQ/dV 平滑窗口</translation>
    </message>
    <message>
        <source>Savitzky–Golay window on the dQ/dV grid (odd; 0 = no smoothing).</source>
        <translation>dQ/dV 网格上的 Savitzky–Golay 窗口 (奇数；0 = 不平滑)。</translation>
    </message>
    <message>
        <source>Active mass %1 mg taken from the file (%2); set mass_mg to use another.</source>
        <translation>活性物质质量 %1 mg 取自文件 (%2)；如需使用其他值，请设置 mass_mg。</translation>
    </message>
    <message>
        <source>per g of V2O3@C composite</source>
        <translation>以每克 V2O3@C 复合材料计</translation>
    </message>
    <message>
        <source>per g of V2O3 (carbon %1 wt% taken off)</source>
        <translation>以每克 V2O3 计 (已扣除 %1 wt% 碳)</translation>
    </message>
    <message>
        <source>Cycles not in the record, so without a profile: %1.</source>
        <translation>以下循环不在数据记录中，因此没有曲线：%1。</translation>
    </message>
    <message>
        <source>First-cycle coulombic efficiency</source>
        <translation>首次库仑效率</translation>
    </message>
    <message>
        <source>CE₁ (%)</source>
        <translation>CE₁ (%)</translation>
    </message>
    <message>
        <source>Retention (last cycle)</source>
        <translation>容量保持率 (最后一次循环)</translation>
    </message>
    <message>
        <source>Retention (%)</source>
        <translation>容量保持率 (%)</translation>
    </message>
    <message>
        <source>Highest capacity</source>
        <translation>最高容量</translation>
    </message>
    <message>
        <source>Q_max</source>
        <translation>Q_max</translation>
    </message>
    <message>
        <source>Cycle of the highest capacity</source>
        <translation>最高容量所在循环</translation>
    </message>
    <message>
        <source>Activation gain</source>
        <translation>活化容量增益</translation>
    </message>
    <message>
        <source>Fade per cycle after the maximum</source>
        <translation>达到最高容量后每次循环的衰减</translation>
    </message>
    <message>
        <source>Mean coulombic efficiency (cycle ≥ 2)</source>
        <translation>平均库仑效率 (循环次数 ≥ 2)</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>循环数</translation>
    </message>
    <message>
        <source>Galvanostatic cycling</source>
        <translation>恒流充放电循环</translation>
    </message>
    <message>
        <source>Capacity (mAh)</source>
        <translation>容量 (mAh)</translation>
    </message>
    <message>
        <source>Capacity and coulombic efficiency</source>
        <translation>容量与库仑效率</translation>
    </message>
    <message>
        <source>Voltage profiles</source>
        <translation>电压曲线</translation>
    </message>
    <message>
        <source>dQ/dV</source>
        <translation>dQ/dV</translation>
    </message>
    <message>
        <source>Rate capability</source>
        <translation>倍率性能</translation>
    </message>
    <message>
        <source> discharge</source>
        <translation> 放电</translation>
    </message>
    <message>
        <source> charge</source>
        <translation> 充电</translation>
    </message>
    <message>
        <source>Retention against cycle %1</source>
        <translation>相对第 %1 次循环的容量保持率</translation>
    </message>
    <message>
        <source>%1 A g^{-1}</source>
        <translation>%1 A g^{-1}</translation>
    </message>
    <message>
        <source>Voltage (V)</source>
        <translation>电压 (V)</translation>
    </message>
    <message>
        <source>dQ/dV (mAh V^{-1})</source>
        <translation>dQ/dV (mAh V^{-1})</translation>
    </message>
    <message>
        <source>dQ/dV (mAh g^{-1} V^{-1})</source>
        <translation>dQ/dV (mAh g^{-1} V^{-1})</translation>
    </message>
    <message>
        <source>cycle %1</source>
        <translation>第 %1 次循环</translation>
    </message>
    <message>
        <source>Equivalent circuit</source>
        <translation>等效电路</translation>
    </message>
    <message>
        <source>impedance.py notation: elements R, C, L, CPE, W, Wo, Ws, Zarc with an index; &apos;-&apos; in series, p(a,b) in parallel. Default: Rs + (Rct‖CPE) + Warburg.</source>
        <translation>impedance.py 记法：元件 R、C、L、CPE、W、Wo、Ws、Zarc 加编号；“-”表示串联，p(a,b) 表示并联。默认：Rs + (Rct‖CPE) + Warburg。</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>加权方式</translation>
    </message>
    <message>
        <source>Modulus (1/|Z|²)</source>
        <translation>模值 (1/|Z|²)</translation>
    </message>
    <message>
        <source>Proportional (1/Z&apos;², 1/Z&apos;&apos;²)</source>
        <translation>比例 (1/Z&apos;², 1/Z&apos;&apos;²)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位权重</translation>
    </message>
    <message>
        <source>Residual weights of the complex least squares (Boukamp 1995).</source>
        <translation>复数最小二乘拟合中残差的权重 (Boukamp 1995)。</translation>
    </message>
    <message>
        <source>Start values, fixed values and bounds</source>
        <translation>初始值、固定值与上下限</translation>
    </message>
    <message>
        <source>Rows name (R1, CPE1_n; impedance.py&apos;s CPE1_1 too), start, fixed, lower, upper. Parameters without a row start from values read off the spectrum.</source>
        <translation>每行依次为名称 (R1、CPE1_n；也可用 impedance.py 的 CPE1_1)、初始值、固定、下限、上限。未列出的参数从阻抗谱中读取的估计值开始。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Start value</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>Frequency range</source>
        <translation>频率范围</translation>
    </message>
    <message>
        <source>Only points inside this range are fitted and tested; empty = all.</source>
        <translation>仅拟合和检验此范围内的点；留空 = 全部。</translation>
    </message>
    <message>
        <source>Leave out inductive points (Z&apos;&apos; &gt; 0)</source>
        <translation>排除感抗点 (Z&apos;&apos; &gt; 0)</translation>
    </message>
    <message>
        <source>High-frequency points where cables make Z&apos;&apos; positive.</source>
        <translation>因线缆导致 Z&apos;&apos; 为正值的高频点。</translation>
    </message>
    <message>
        <source>Lin-KK validity test</source>
        <translation>Lin-KK 有效性检验</translation>
    </message>
    <message>
        <source>Schönleber et al. 2014: residuals of ≲ 1 % mean the spectrum is Kramers–Kronig compliant.</source>
        <translation>Schönleber et al. 2014：残差 ≲ 1 % 表示该阻抗谱满足 Kramers–Kronig 关系。</translation>
    </message>
    <message>
        <source>Lin-KK with a series capacitor</source>
        <translation>带串联电容的 Lin-KK</translation>
    </message>
    <message>
        <source>Lin-KK μ criterion</source>
        <translation>Lin-KK μ 判据</translation>
    </message>
    <message>
        <source>M grows until μ falls below this (Schönleber et al. use 0.85).</source>
        <translation>M 逐步增大，直到 μ 低于此值 (Schönleber et al. 取 0.85)。</translation>
    </message>
    <message>
        <source>Nyquist plot with fit</source>
        <translation>Nyquist 图及拟合</translation>
    </message>
    <message>
        <source>Bode plot with fit</source>
        <translation>Bode 图及拟合</translation>
    </message>
    <message>
        <source>Lin-KK residuals</source>
        <translation>Lin-KK 残差</translation>
    </message>
    <message>
        <source>Frequency (Hz)</source>
        <translation>频率 (Hz)</translation>
    </message>
    <message>
        <source>−Phase (°)</source>
        <translation>−相位角 (°)</translation>
    </message>
    <message>
        <source>Lin-KK residual (%)</source>
        <translation>Lin-KK 残差 (%)</translation>
    </message>
    <message>
        <source> phase</source>
        <translation> 相位角</translation>
    </message>
    <message>
        <source> fit</source>
        <translation> 拟合</translation>
    </message>
    <message>
        <source>Lin-KK largest residual</source>
        <translation>Lin-KK 最大残差</translation>
    </message>
    <message>
        <source>Lin-KK max (%)</source>
        <translation>Lin-KK 最大残差 (%)</translation>
    </message>
    <message>
        <source>Lin-KK μ</source>
        <translation>Lin-KK μ</translation>
    </message>
    <message>
        <source>Impedance: equivalent-circuit fit and Lin-KK</source>
        <translation>阻抗：等效电路拟合与 Lin-KK</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>谱区</translation>
    </message>
    <message>
        <source>The region to fit (&quot;V 2p&quot;, &quot;C 1s&quot;); empty = the selected dataset. On the command line it picks the block of a file with several regions.</source>
        <translation>要拟合的谱区 (“V 2p”、“C 1s”)；留空 = 所选数据集。在命令行中，它用于从含多个谱区的文件中选取相应的数据块。</translation>
    </message>
    <message>
        <source>V 2p + O 1s as in the study</source>
        <translation>V 2p + O 1s (按原研究)</translation>
    </message>
    <message>
        <source>Literature V oxides</source>
        <translation>文献中的钒氧化物</translation>
    </message>
    <message>
        <source>C 1s</source>
        <translation>C 1s</translation>
    </message>
    <message>
        <source>Any core level</source>
        <translation>任意芯能级</translation>
    </message>
    <message>
        <source>Core level (generic model)</source>
        <translation>芯能级 (通用模型)</translation>
    </message>
    <message>
        <source>Element and level, e.g. &quot;Pt 4f&quot;, &quot;Mo 3d&quot;, &quot;V 2p&quot;.</source>
        <translation>元素和能级，例如“Pt 4f”、“Mo 3d”、“V 2p”。</translation>
    </message>
    <message>
        <source>Chemical states (generic model)</source>
        <translation>化学态数 (通用模型)</translation>
    </message>
    <message>
        <source>Number of doublets (or singlets for s levels).</source>
        <translation>双峰数 (s 能级为单峰数)。</translation>
    </message>
    <message>
        <source>Line shape (generic model)</source>
        <translation>线形 (通用模型)</translation>
    </message>
    <message>
        <source>GL(30), CasaXPS product</source>
        <translation>GL(30)，CasaXPS 乘积形式</translation>
    </message>
    <message>
        <source>SGL(30), sum</source>
        <translation>SGL(30)，求和形式</translation>
    </message>
    <message>
        <source>LA asymmetric</source>
        <translation>LA 非对称</translation>
    </message>
    <message>
        <source>Voigt</source>
        <translation>Voigt</translation>
    </message>
    <message>
        <source>CasaXPS definitions (xps.md §1); LA for metals.</source>
        <translation>采用 CasaXPS 定义 (xps.md §1)；LA 用于金属。</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Shirley, fitted with the peaks</source>
        <translation>Shirley，与峰一同拟合</translation>
    </message>
    <message>
        <source>Shirley (iterative)</source>
        <translation>Shirley (迭代)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Tougaard U2</source>
        <translation>Tougaard U2</translation>
    </message>
    <message>
        <source>Tougaard U3</source>
        <translation>Tougaard U3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Proctor &amp; Sherwood 1982 iterative Shirley; the active form is optimised inside the fit; Tougaard 1989/1997.</source>
        <translation>Proctor &amp; Sherwood 1982 迭代 Shirley；active Shirley 形式在拟合过程中一同优化；Tougaard 1989/1997。</translation>
    </message>
    <message>
        <source>C 1s C–C reference</source>
        <translation>C 1s C–C 参考值</translation>
    </message>
    <message>
        <source>When set, the C 1s region of the sample is fitted and every energy is shifted so that C–C sits here (284.8 adventitious, 284.4 sp² carbon).</source>
        <translation>设置后，将拟合样品的 C 1s 谱区，并平移所有能量，使 C–C 位于此处 (污染碳 284.8，sp² 碳 284.4)。</translation>
    </message>
    <message>
        <source>C 1s region</source>
        <translation>C 1s 谱区</translation>
    </message>
    <message>
        <source>The C 1s region for charge referencing; empty = the region labelled &quot;C 1s&quot;.</source>
        <translation>用于电荷校正的 C 1s 谱区；留空 = 标记为“C 1s”的谱区。</translation>
    </message>
    <message>
        <source>O 1s region (joint window)</source>
        <translation>O 1s 谱区 (联合窗口)</translation>
    </message>
    <message>
        <source>Fitted with a V 2p region under one background; empty = the region labelled &quot;O 1s&quot; when the model has O 1s lines.</source>
        <translation>与 V 2p 谱区在同一背景下一起拟合；留空 = 模型含 O 1s 谱线时使用标记为“O 1s”的谱区。</translation>
    </message>
    <message>
        <source>Window from</source>
        <translation>窗口起点</translation>
    </message>
    <message>
        <source>Lowest binding energy fitted; empty = all.</source>
        <translation>拟合的最低结合能；留空 = 全部。</translation>
    </message>
    <message>
        <source>Window to</source>
        <translation>窗口终点</translation>
    </message>
    <message>
        <source>Highest binding energy fitted; empty = all.</source>
        <translation>拟合的最高结合能；留空 = 全部。</translation>
    </message>
    <message>
        <source>Monte-Carlo replicas</source>
        <translation>蒙特卡罗重复次数</translation>
    </message>
    <message>
        <source>Refits of noisy replicas for ratio errors besides the covariance (0 = off).</source>
        <translation>对加噪声的副本重新拟合，在协方差之外估计比值误差 (0 = 关闭)。</translation>
    </message>
    <message>
        <source>Monte-Carlo seed</source>
        <translation>蒙特卡罗随机种子</translation>
    </message>
    <message>
        <source>The model has O 1s lines but the region ends below 533 eV and no O 1s region was given: the O 1s lines have nothing to fit.</source>
        <translation>模型含 O 1s 谱线，但谱区止于 533 eV 以下且未指定 O 1s 谱区：O 1s 谱线无数据可拟合。</translation>
    </message>
    <message>
        <source>V³⁺/V²⁺ area ratio</source>
        <translation>V³⁺/V²⁺ 面积比</translation>
    </message>
    <message>
        <source>V³⁺/V²⁺</source>
        <translation>V³⁺/V²⁺</translation>
    </message>
    <message>
        <source>O-vacancy share of O 1s</source>
        <translation>O 1s 中氧空位占比</translation>
    </message>
    <message>
        <source>OV share</source>
        <translation>OV 占比</translation>
    </message>
    <message>
        <source>O 1s − V 2p3/2</source>
        <translation>O 1s − V 2p3/2</translation>
    </message>
    <message>
        <source>Charge shift</source>
        <translation>荷电位移</translation>
    </message>
    <message>
        <source>Component fit</source>
        <translation>分峰拟合</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Envelope</source>
        <translation>包络线</translation>
    </message>
    <message>
        <source>XPS component fit</source>
        <translation>XPS 分峰拟合</translation>
    </message>
    <message>
        <source>Lattice parameter a</source>
        <translation>晶胞参数 a</translation>
    </message>
    <message>
        <source>a (Å)</source>
        <translation>a (Å)</translation>
    </message>
    <message>
        <source>Lattice parameter c</source>
        <translation>晶胞参数 c</translation>
    </message>
    <message>
        <source>c (Å)</source>
        <translation>c (Å)</translation>
    </message>
    <message>
        <source>Cell volume</source>
        <translation>晶胞体积</translation>
    </message>
    <message>
        <source>Zero shift</source>
        <translation>零点偏移</translation>
    </message>
    <message>
        <source>Crystallite size (Scherrer)</source>
        <translation>晶粒尺寸 (谢乐公式)</translation>
    </message>
    <message>
        <source>Size (nm)</source>
        <translation>晶粒尺寸 (nm)</translation>
    </message>
    <message>
        <source>Crystallite size (Williamson–Hall)</source>
        <translation>晶粒尺寸 (Williamson–Hall)</translation>
    </message>
    <message>
        <source>Microstrain (Williamson–Hall)</source>
        <translation>微观应变 (Williamson–Hall)</translation>
    </message>
    <message>
        <source>Peaks fitted</source>
        <translation>拟合峰数</translation>
    </message>
    <message>
        <source>Patterns with reference ticks</source>
        <translation>衍射图谱与参考峰位标记</translation>
    </message>
    <message>
        <source>Profile fit and residuals</source>
        <translation>峰形拟合与残差</translation>
    </message>
    <message>
        <source>Williamson–Hall plot</source>
        <translation>Williamson–Hall 图</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Intensity (%1)</source>
        <translation>强度 (%1)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Intensity (a.u.)</source>
        <translation>强度 (a.u.)</translation>
    </message>
    <message>
        <source>%1 reference</source>
        <translation>%1 参考</translation>
    </message>
    <message>
        <source>Arbin CSV export (cycling record)</source>
        <translation>Arbin CSV 导出 (循环数据)</translation>
    </message>
    <message>
        <source>BioLogic EC-Lab text (.mpt, all techniques)</source>
        <translation>BioLogic EC-Lab 文本 (.mpt，所有测试技术)</translation>
    </message>
    <message>
        <source>Bruker BRML (XRD)</source>
        <translation>Bruker BRML (XRD)</translation>
    </message>
    <message>
        <source>Bruker RAW v1–v4 (XRD)</source>
        <translation>Bruker RAW v1–v4 (XRD)</translation>
    </message>
    <message>
        <source>Bruker UXD (XRD)</source>
        <translation>Bruker UXD (XRD)</translation>
    </message>
    <message>
        <source>Impedance table (frequency, Z&apos;, Z&apos;&apos; as CSV/TXT)</source>
        <translation>阻抗表格 (频率、Z&apos;、Z&apos;&apos;，CSV/TXT 格式)</translation>
    </message>
    <message>
        <source>the header names it &apos;%1&apos;</source>
        <translation>表头将其命名为“%1”</translation>
    </message>
    <message>
        <source>%1 of %2 values of the third column are %3</source>
        <translation>第三列的 %2 个值中有 %1 个为%3</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正值</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负值</translation>
    </message>
    <message>
        <source>The third column was read as −Z&apos;&apos; and negated (%1).</source>
        <translation>第三列按 −Z&apos;&apos; 读取并已取反 (%1)。</translation>
    </message>
    <message>
        <source>The third column was read as Z&apos;&apos; (negative = capacitive; %1).</source>
        <translation>第三列按 Z&apos;&apos; 读取 (负值 = 容性；%1)。</translation>
    </message>
    <message>
        <source>Gamry Framework data file (.DTA)</source>
        <translation>Gamry Framework 数据文件 (.DTA)</translation>
    </message>
    <message>
        <source>The experiment was aborted (EXPERIMENTABORTED): the %1 points measured before the abort are imported.</source>
        <translation>实验已中止 (EXPERIMENTABORTED)：已导入中止前测得的 %1 个点。</translation>
    </message>
    <message>
        <source>Table %1 announces %2 rows but holds %3 (file cut short?).</source>
        <translation>表 %1 声明有 %2 行，但实际只有 %3 行 (文件被截断？)。</translation>
    </message>
    <message>
        <source>GSAS powder data (XRD)</source>
        <translation>GSAS 粉末数据 (XRD)</translation>
    </message>
    <message>
        <source>Neware BTSDA CSV export (cycling record)</source>
        <translation>Neware BTSDA CSV 导出 (循环数据)</translation>
    </message>
    <message>
        <source>Novonix HPC CSV (cycling record)</source>
        <translation>Novonix HPC CSV (循环数据)</translation>
    </message>
    <message>
        <source>PEC tester CSV (cycling record)</source>
        <translation>PEC 测试仪 CSV (循环数据)</translation>
    </message>
    <message>
        <source>PHI MultiPak spectrum (.spe)</source>
        <translation>PHI MultiPak 谱图 (.spe)</translation>
    </message>
    <message>
        <source>pyGAPS isotherm (JSON)</source>
        <translation>pyGAPS 等温线 (JSON)</translation>
    </message>
    <message>
        <source>Rigaku RAS (XRD)</source>
        <translation>Rigaku RAS (XRD)</translation>
    </message>
    <message>
        <source>Rigaku RASX (XRD)</source>
        <translation>Rigaku RASX (XRD)</translation>
    </message>
    <message>
        <source>SPECS SpecsLab / Prodigy XY export (XPS)</source>
        <translation>SPECS SpecsLab / Prodigy XY 导出 (XPS)</translation>
    </message>
    <message>
        <source>TA Instruments TGA Excel export (.xls)</source>
        <translation>TA Instruments TGA Excel 导出 (.xls)</translation>
    </message>
    <message>
        <source>VAMAS ISO 14976 (XPS: CasaXPS, Kratos, PHI, Omicron, SPECS)</source>
        <translation>VAMAS ISO 14976 (XPS：CasaXPS、Kratos、PHI、Omicron、SPECS)</translation>
    </message>
    <message>
        <source>PANalytical XRDML (XRD)</source>
        <translation>PANalytical XRDML (XRD)</translation>
    </message>
    <message>
        <source>Powder pattern text (.xy, .xye)</source>
        <translation>粉末衍射图谱文本 (.xy, .xye)</translation>
    </message>
    <message>
        <source>Scribner ZPlot/ZView impedance file (.z)</source>
        <translation>Scribner ZPlot/ZView 阻抗文件 (.z)</translation>
    </message>
    <message>
        <source>Sample displacement (Δ2θ at θ = 0)</source>
        <translation>样品离轴位移 (θ = 0 处的 Δ2θ)</translation>
    </message>
    <message>
        <source>Potential (V)</source>
        <translation>电位 (V)</translation>
    </message>
    <message>
        <source>b-value</source>
        <translation>b 值</translation>
    </message>
    <message>
        <source> cathodic</source>
        <translation> 阴极</translation>
    </message>
    <message>
        <source>Scan rate (mV s^{-1})</source>
        <translation>扫描速率 (mV s^{-1})</translation>
    </message>
    <message>
        <source>Capacitive share (%)</source>
        <translation>电容贡献 (%)</translation>
    </message>
    <message>
        <source>Current (mA)</source>
        <translation>电流 (mA)</translation>
    </message>
    <message>
        <source>%1 mV s^{-1}</source>
        <translation>%1 mV s^{-1}</translation>
    </message>
    <message>
        <source>capacitive (fastest scan)</source>
        <translation>电容贡献 (最快扫速)</translation>
    </message>
    <message>
        <source>Mean b-value of the peaks</source>
        <translation>各峰 b 值的平均</translation>
    </message>
    <message>
        <source>b (peaks)</source>
        <translation>b (峰)</translation>
    </message>
    <message>
        <source>Capacitive share at the fastest scan</source>
        <translation>最快扫速下的电容贡献</translation>
    </message>
    <message>
        <source>Capacitive share</source>
        <translation>电容贡献</translation>
    </message>
    <message>
        <source>Voltammograms at every scan rate</source>
        <translation>各扫描速率下的循环伏安曲线</translation>
    </message>
    <message>
        <source>Capacitive contribution (fastest scan)</source>
        <translation>电容贡献 (最快扫速)</translation>
    </message>
    <message>
        <source>b-value across potential</source>
        <translation>b 值随电位变化</translation>
    </message>
    <message>
        <source>Capacitive share per scan rate</source>
        <translation>各扫描速率下的电容贡献</translation>
    </message>
    <message>
        <source>BET area</source>
        <translation>BET 比表面积</translation>
    </message>
    <message>
        <source>BET area (m² g⁻¹)</source>
        <translation>BET 比表面积 (m² g⁻¹)</translation>
    </message>
    <message>
        <source>BET C constant</source>
        <translation>BET C 常数</translation>
    </message>
    <message>
        <source>BET C</source>
        <translation>BET C</translation>
    </message>
    <message>
        <source>Monolayer capacity</source>
        <translation>单层吸附量</translation>
    </message>
    <message>
        <source>BET fit R²</source>
        <translation>BET 拟合 R²</translation>
    </message>
    <message>
        <source>Points in the BET window</source>
        <translation>BET 窗口内点数</translation>
    </message>
    <message>
        <source>BET area by the instrument software</source>
        <translation>仪器软件给出的 BET 比表面积</translation>
    </message>
    <message>
        <source>Total pore volume</source>
        <translation>总孔体积</translation>
    </message>
    <message>
        <source>Pore volume (cm³ g⁻¹)</source>
        <translation>孔体积 (cm³ g⁻¹)</translation>
    </message>
    <message>
        <source>Average pore diameter (4V/A)</source>
        <translation>平均孔径 (4V/A)</translation>
    </message>
    <message>
        <source>BJH pore-size peak</source>
        <translation>BJH 孔径峰值</translation>
    </message>
    <message>
        <source>BJH peak (nm)</source>
        <translation>BJH 峰值 (nm)</translation>
    </message>
    <message>
        <source>Langmuir area</source>
        <translation>Langmuir 比表面积</translation>
    </message>
    <message>
        <source>Single-point BET area</source>
        <translation>单点 BET 比表面积</translation>
    </message>
    <message>
        <source>External area (t-plot)</source>
        <translation>外比表面积 (t-plot)</translation>
    </message>
    <message>
        <source>Micropore volume (t-plot)</source>
        <translation>微孔体积 (t-plot)</translation>
    </message>
    <message>
        <source>Micropore area (t-plot)</source>
        <translation>微孔比表面积 (t-plot)</translation>
    </message>
    <message>
        <source>cycle %1 (%2 mV s^{-1})</source>
        <translation>第 %1 次循环 (%2 mV s^{-1})</translation>
    </message>
    <message>
        <source>First cycles (slowest scan)</source>
        <translation>前几次循环 (最慢扫速)</translation>
    </message>
    <message>
        <source>On by default: battery spectra end in a diffusion or blocking tail that a series of RC elements alone cannot follow (a valid Randles–Warburg spectrum then shows ≈ 7 % residuals); on a spectrum that closes on the real axis its term vanishes.</source>
        <translation>默认开启：电池阻抗谱的末端是扩散尾或阻塞尾，仅靠一串 RC 元件无法拟合 (此时有效的 Randles–Warburg 阻抗谱也会出现 ≈ 7 % 的残差)；对于在实轴上闭合的阻抗谱，该项趋于零。</translation>
    </message>
    <message>
        <source>Charge-transfer resistance (R of the first R‖CPE)</source>
        <translation>电荷转移电阻 (第一个 R‖CPE 中的 R)</translation>
    </message>
    <message>
        <source>Rct (Ω)</source>
        <translation>Rct (Ω)</translation>
    </message>
    <message>
        <source>%1 rows with a missing time, voltage or current were left out.</source>
        <translation>已略去 %1 行缺少时间、电压或电流的数据。</translation>
    </message>
    <message>
        <source>%1 rows repeating the previous time were left out.</source>
        <translation>已略去 %1 行与上一行时间重复的数据。</translation>
    </message>
    <message>
        <source>No active mass: the capacity axis and the Na content are empty.</source>
        <translation>无活性物质质量：容量轴和 Na 含量为空。</translation>
    </message>
    <message>
        <source>Only %1 of %2 pulses have the common length: this may not be a GITT programme, or the pulse threshold does not fit it.</source>
        <translation>%2 个脉冲中仅有 %1 个具有共同的脉冲时长：这可能不是 GITT 测试程序，或脉冲电流阈值不适合该程序。</translation>
    </message>
    <message>
        <source>relaxed voltage</source>
        <translation>弛豫电压</translation>
    </message>
    <message>
        <source>Na content x (per formula unit)</source>
        <translation>Na 含量 x (每化学式单元)</translation>
    </message>
    <message>
        <source>D(Na^{+}) (cm^{2} s^{-1})</source>
        <translation>D(Na^{+}) (cm^{2} s^{-1})</translation>
    </message>
    <message>
        <source> (charge)</source>
        <translation> (充电)</translation>
    </message>
    <message>
        <source>Median D(Na⁺) of the complete pulses</source>
        <translation>完整脉冲的 D(Na⁺) 中位数</translation>
    </message>
    <message>
        <source>D (median)</source>
        <translation>D (中位数)</translation>
    </message>
    <message>
        <source>Lowest D(Na⁺)</source>
        <translation>D(Na⁺) 最小值</translation>
    </message>
    <message>
        <source>Highest D(Na⁺)</source>
        <translation>D(Na⁺) 最大值</translation>
    </message>
    <message>
        <source>Complete pulses</source>
        <translation>完整脉冲数</translation>
    </message>
    <message>
        <source>Pulses</source>
        <translation>脉冲数</translation>
    </message>
    <message>
        <source>Pulses found</source>
        <translation>检测到的脉冲数</translation>
    </message>
    <message>
        <source>Pulse length τ</source>
        <translation>脉冲时长 τ</translation>
    </message>
    <message>
        <source>Diffusion length L</source>
        <translation>扩散长度 L</translation>
    </message>
    <message>
        <source>Capacity at the last pulse</source>
        <translation>最后一个脉冲处的比容量</translation>
    </message>
    <message>
        <source>Voltage against time with the pulses</source>
        <translation>电压–时间曲线及脉冲</translation>
    </message>
    <message>
        <source>D(Na⁺) against voltage</source>
        <translation>D(Na⁺) 随电压变化</translation>
    </message>
    <message>
        <source>D(Na⁺) against capacity</source>
        <translation>D(Na⁺) 随容量变化</translation>
    </message>
    <message>
        <source>D(Na⁺) against Na content</source>
        <translation>D(Na⁺) 随 Na 含量变化</translation>
    </message>
    <message>
        <source>Carbon (wt%)</source>
        <translation>碳含量 (wt%)</translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation>水分</translation>
    </message>
    <message>
        <source>Moisture (wt%)</source>
        <translation>水分 (wt%)</translation>
    </message>
    <message>
        <source>Residue (dry basis)</source>
        <translation>残留物 (干基)</translation>
    </message>
    <message>
        <source>Dry mass read at</source>
        <translation>干基质量读取温度</translation>
    </message>
    <message>
        <source>V (at. %, Scofield RSF)</source>
        <translation>V 原子百分比 (at. %，Scofield RSF)</translation>
    </message>
    <message>
        <source>O (at. %, Scofield RSF)</source>
        <translation>O 原子百分比 (at. %，Scofield RSF)</translation>
    </message>
    <message>
        <source>C (at. %, Scofield RSF)</source>
        <translation>C 原子百分比 (at. %，Scofield RSF)</translation>
    </message>
    <message>
        <source>Mass of the electrode&apos;s active material (coating mass × active fraction) on the basis below. Not set: the sample&apos;s active mass (entered once, on the sample); without one, capacities in mAh only.</source>
        <translation>电极中活性物质的质量 (涂层质量 × 活性物质占比)，按下方的质量基准计。未设置：使用样品的活性物质质量 (只需在样品上输入一次)；两者均无时，容量仅以 mAh 给出。</translation>
    </message>
    <message>
        <source>as the sample states</source>
        <translation>按样品设置</translation>
    </message>
    <message>
        <source>What the active mass is: the whole composite, or the oxide alone — then the carbon share (carbon_pct, or the sample&apos;s TGA result) is taken off the mass. Default: the sample&apos;s basis.</source>
        <translation>活性物质质量所指的对象：整个复合材料，或仅氧化物——此时从质量中扣除碳含量 (carbon_pct，或样品的 TGA 结果)。默认：样品的质量基准。</translation>
    </message>
    <message>
        <source>Carbon share of the composite, used with the &apos;V2O3 alone&apos; basis. Not set: the carbon_wt_pct of the sample&apos;s TGA run.</source>
        <translation>复合材料中的碳含量，用于“仅 V2O3”质量基准。未设置：使用样品 TGA 测试的 carbon_wt_pct。</translation>
    </message>
    <message>
        <source>Active mass %1 mg taken from the file (%2); set it on the sample or in mass_mg to use another.</source>
        <translation>活性物质质量 %1 mg 取自文件 (%2)；如需使用其他值，请在样品上或通过 mass_mg 设置。</translation>
    </message>
    <message>
        <source>No active mass: capacities are in mAh and the specific values are empty. Enter the sample&apos;s active mass.</source>
        <translation>无活性物质质量：容量以 mAh 给出，比容量值为空。请输入样品的活性物质质量。</translation>
    </message>
    <message>
        <source>Specific capacity (mAh per g of V2O3)</source>
        <translation>比容量 (mAh，以每克 V2O3 计)</translation>
    </message>
    <message>
        <source>Specific capacity (mAh per g of V2O3@C)</source>
        <translation>比容量 (mAh，以每克 V2O3@C 计)</translation>
    </message>
    <message>
        <source>Specific capacity (mAh g^{-1}; the samples use different mass bases)</source>
        <translation>比容量 (mAh g^{-1}；各样品的质量基准不同)</translation>
    </message>
    <message>
        <source>Specific capacity</source>
        <translation>比容量</translation>
    </message>
    <message>
        <source>Mass bases differ: composite for some samples, V2O3 alone for others</source>
        <translation>质量基准不一致：部分样品按复合材料计，其余样品仅按 V2O3 计</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描序号</translation>
    </message>
    <message>
        <source>line at %1°</source>
        <translation>%1° 处的衍射线</translation>
    </message>
    <message>
        <source>Δ2θ from the first scan (°)</source>
        <translation>相对第一次扫描的 Δ2θ (°)</translation>
    </message>
    <message>
        <source>followed line</source>
        <translation>跟踪的衍射线</translation>
    </message>
    <message>
        <source>scan %1</source>
        <translation>第 %1 次扫描</translation>
    </message>
    <message>
        <source>Shift of the strongest line (last − first scan)</source>
        <translation>最强衍射线的位移 (最后一次 − 第一次扫描)</translation>
    </message>
    <message>
        <source>Δ2θ (°)</source>
        <translation>Δ2θ (°)</translation>
    </message>
    <message>
        <source>Strongest line, first scan</source>
        <translation>第一次扫描中的最强衍射线</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫描次数</translation>
    </message>
    <message>
        <source>Lines followed</source>
        <translation>跟踪的衍射线数</translation>
    </message>
    <message>
        <source>Waterfall of the scans</source>
        <translation>各次扫描的瀑布图</translation>
    </message>
    <message>
        <source>Crystal structure (CIF)</source>
        <translation>晶体结构 (CIF)</translation>
    </message>
    <message>
        <source>The workbook has no record sheet: only the cycle sheet&apos;s capacities were imported (no voltage profiles, rate steps or dQ/dV).</source>
        <translation>该工作簿没有记录层工作表：仅导入了循环层工作表中的容量 (无电压曲线、倍率阶段或 dQ/dV)。</translation>
    </message>
    <message numerus="yes">
        <source>The cycle sheet&apos;s capacities differ from the record&apos;s by more than 0.2 % in %n cycle(s) (%1): the record is used.</source>
        <translation>
            <numerusform>循环层工作表中的容量与记录层数据在 %n 次循环中相差超过 0.2 % (%1)：采用记录层数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>LANDdt Excel 97–2003 export (.xls, cycling record)</source>
        <translation>LANDdt Excel 97–2003 导出 (.xls，循环数据)</translation>
    </message>
    <message>
        <source>LANDdt Excel export (.xlsx, cycling record)</source>
        <translation>LANDdt Excel 导出 (.xlsx，循环数据)</translation>
    </message>
    <message>
        <source>Distribution of relaxation times</source>
        <translation>弛豫时间分布</translation>
    </message>
    <message>
        <source>γ(τ) by Tikhonov-regularised non-negative least squares (Saccoccio et al. 2014): each arc becomes a peak at its time constant whose area is its resistance. Independent of the circuit.</source>
        <translation>以 Tikhonov 正则化非负最小二乘求 γ(τ)（Saccoccio 等, 2014）：每个圆弧在其时间常数处成为一个峰，峰面积即其电阻。与等效电路无关。</translation>
    </message>
    <message>
        <source>DRT regularisation λ</source>
        <translation>DRT 正则化参数 λ</translation>
    </message>
    <message>
        <source>Modified GCV (automatic)</source>
        <translation>修正 GCV（自动）</translation>
    </message>
    <message>
        <source>GCV (automatic)</source>
        <translation>GCV（自动）</translation>
    </message>
    <message>
        <source>Given value</source>
        <translation>给定值</translation>
    </message>
    <message>
        <source>How λ is chosen. λ trades smoothness against fidelity: too small splits a peak into ripples, too large merges neighbouring peaks. Generalised cross-validation picks the λ that best predicts left-out points; the modified form (Kim &amp; Gu 2004) smooths a little more and is the safer default for a few dozen points.</source>
        <translation>λ 的选取方式。λ 在平滑度与拟合精度之间折中：过小会把一个峰分裂成波纹，过大会合并相邻的峰。广义交叉验证选取最能预测被留出数据点的 λ；修正形式（Kim &amp; Gu, 2004）平滑程度稍高，对几十个数据点是更稳妥的默认选择。</translation>
    </message>
    <message>
        <source>DRT λ (given value)</source>
        <translation>DRT λ（给定值）</translation>
    </message>
    <message>
        <source>Used when λ is &apos;given value&apos;. Dimensionless: the data misfit is relative to |Z|, the roughness ∫(dγ/d ln τ)² relative to max|Z|².</source>
        <translation>当 λ 选择“给定值”时使用。无量纲：数据偏差相对于 |Z|，粗糙度 ∫(dγ/d ln τ)² 相对于 max|Z|²。</translation>
    </message>
    <message>
        <source> ±1σ</source>
        <translation> ±1σ</translation>
    </message>
    <message>
        <source>Rct against cycle number</source>
        <translation>Rct 随循环次数变化</translation>
    </message>
    <message>
        <source>τ (s)</source>
        <translation>τ (s)</translation>
    </message>
    <message>
        <source>γ (Ω)</source>
        <translation>γ (Ω)</translation>
    </message>
    <message>
        <source> peaks</source>
        <translation> 个峰</translation>
    </message>
    <message>
        <source>DRT peaks (τ, resistance)</source>
        <translation>DRT 峰（τ，电阻）</translation>
    </message>
    <message>
        <source>DRT polarisation resistance (∫γ d ln τ)</source>
        <translation>DRT 极化电阻（∫γ d ln τ）</translation>
    </message>
    <message>
        <source>Cycle number (from the dataset label or metadata)</source>
        <translation>循环次数（取自数据集标签或元数据）</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Only channel %1 was read; the sheets %2 of other channels were left out.</source>
        <translation>只读取了通道 %1；其他通道的工作表 %2 未导入。</translation>
    </message>
    <message>
        <source>BioLogic EC-Lab binary (.mpr)</source>
        <translation>BioLogic EC-Lab 二进制文件 (.mpr)</translation>
    </message>
    <message>
        <source>The EC-Lab technique of this file is not known to the reader; the dataset type &apos;%1&apos; was taken from its columns.</source>
        <translation>读取器不认识此文件的 EC-Lab 测试技术；数据集类型“%1”是根据其数据列推断的。</translation>
    </message>
    <message>
        <source>Neware NDA (binary, version 130)</source>
        <translation>Neware NDA（二进制，版本 130）</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written twice were read once.</source>
        <translation>
            <numerusform>%n 条重复写入的记录只读取了一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown step status code(s) %1: State was taken from the sign of the current.</source>
        <translation>未知的工步状态代码 %1：状态由电流的正负号确定。</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx: 3P Instruments report, TA Instruments TGA, Thermo Avantage XPS, LANDdt export, Arbin MITS Pro export)</source>
        <translation>Excel 工作簿（.xlsx：3P Instruments 报告、TA Instruments TGA、Thermo Avantage XPS、LANDdt 导出、Arbin MITS Pro 导出）</translation>
    </message>
    <message>
        <source>The instrument&apos;s capacity counter and ∫I dt over the logged records differ by up to %1 % (cycles %2): the record is logged more sparsely than the current changes, so the counter is used there.</source>
        <translation>仪器的容量计数器与按记录点计算的 ∫I dt 最多相差 %1 %（循环 %2）：记录的采样比电流变化稀疏，因此这些循环采用计数器的容量。</translation>
    </message>
    <message>
        <source>Custom (component table)</source>
        <translation>自定义（组分表）</translation>
    </message>
    <message>
        <source>Presets of xps.md §3–4; &apos;generic&apos; builds doublets of the core level below with the spin–orbit splitting and area ratio of the built-in table; &apos;custom&apos; fits the component table below.</source>
        <translation>xps.md §3–4 的预设；“通用”按内置表中的自旋–轨道分裂和面积比为下方的芯能级构建双峰；“自定义”拟合下方的组分表。</translation>
    </message>
    <message>
        <source>Start from preset (custom model)</source>
        <translation>从预设开始（自定义模型）</translation>
    </message>
    <message>
        <source>Fills the component table with this preset&apos;s rows to edit (model &apos;custom&apos;); with an empty table the custom model is this preset. Every fit also returns its model as rows, model_rows, to save as a model file.</source>
        <translation>用该预设的行填充组分表以便编辑（模型“自定义”）；组分表为空时，自定义模型即为此预设。每次拟合也会以行的形式（model_rows）返回其模型，可保存为模型文件。</translation>
    </message>
    <message>
        <source>Identifier: letters, digits, &apos;_&apos;.</source>
        <translation>标识符：字母、数字、“_”。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>峰形</translation>
    </message>
    <message>
        <source>GL(m), CasaXPS product</source>
        <translation>GL(m)，CasaXPS 乘积形式</translation>
    </message>
    <message>
        <source>SGL(m), sum</source>
        <translation>SGL(m)，加和形式</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>FWHM</source>
        <translation>半高宽</translation>
    </message>
    <message>
        <source>Width parameter F (GL(m): the true FWHM is reported).</source>
        <translation>宽度参数 F（GL(m)：报告的是真实半高宽）。</translation>
    </message>
    <message>
        <source>Area (start)</source>
        <translation>面积（初值）</translation>
    </message>
    <message>
        <source>Empty: from the data.</source>
        <translation>为空：由数据估计。</translation>
    </message>
    <message>
        <source>Centre from</source>
        <translation>中心下限</translation>
    </message>
    <message>
        <source>Centre to</source>
        <translation>中心上限</translation>
    </message>
    <message>
        <source>FWHM from</source>
        <translation>半高宽下限</translation>
    </message>
    <message>
        <source>FWHM to</source>
        <translation>半高宽上限</translation>
    </message>
    <message>
        <source>Fix centre</source>
        <translation>固定中心</translation>
    </message>
    <message>
        <source>Fix FWHM</source>
        <translation>固定半高宽</translation>
    </message>
    <message>
        <source>Fix area</source>
        <translation>固定面积</translation>
    </message>
    <message>
        <source>Centre tie</source>
        <translation>中心约束</translation>
    </message>
    <message>
        <source>e.g. V3_a_center + 7.33</source>
        <translation>例如 V3_a_center + 7.33</translation>
    </message>
    <message>
        <source>FWHM tie</source>
        <translation>半高宽约束</translation>
    </message>
    <message>
        <source>e.g. V3_a_fwhm*1.3</source>
        <translation>例如 V3_a_fwhm*1.3</translation>
    </message>
    <message>
        <source>Area tie</source>
        <translation>面积约束</translation>
    </message>
    <message>
        <source>e.g. V3_a_area*0.5</source>
        <translation>例如 V3_a_area*0.5</translation>
    </message>
    <message>
        <source>Ratio group</source>
        <translation>比值分组</translation>
    </message>
    <message>
        <source>Empty: the name.</source>
        <translation>为空：使用名称。</translation>
    </message>
    <message>
        <source>Core level</source>
        <translation>芯能级</translation>
    </message>
    <message>
        <source>e.g. &quot;V 2p&quot;, for atomic %.</source>
        <translation>例如 &quot;V 2p&quot;，用于原子百分比。</translation>
    </message>
    <message>
        <source>GL/SGL m</source>
        <translation>GL/SGL m</translation>
    </message>
    <message>
        <source>0 = Gauss … 100 = Lorentz; empty: 30.</source>
        <translation>0 = 高斯 … 100 = 洛伦兹；为空：30。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Numerator groups</source>
        <translation>分子分组</translation>
    </message>
    <message>
        <source>Comma-separated.</source>
        <translation>以逗号分隔。</translation>
    </message>
    <message>
        <source>Denominator groups</source>
        <translation>分母分组</translation>
    </message>
    <message>
        <source>Component a</source>
        <translation>组分 a</translation>
    </message>
    <message>
        <source>Component b</source>
        <translation>组分 b</translation>
    </message>
    <message>
        <source>Components (custom model)</source>
        <translation>组分（自定义模型）</translation>
    </message>
    <message>
        <source>One row per line: shape, centre, FWHM, start area, bounds, fixed flags and ties such as &apos;V3_a_center + 7.33&apos;, &apos;V3_a_area*0.5&apos;, &apos;V3_a_fwhm&apos;; empty = the preset of &apos;Start from preset&apos;.</source>
        <translation>每条谱线一行：峰形、中心、半高宽、面积初值、边界、固定标记以及约束，例如 “V3_a_center + 7.33”、“V3_a_area*0.5”、“V3_a_fwhm”；为空 = “从预设开始”所选的预设。</translation>
    </message>
    <message>
        <source>Shared parameters (custom model)</source>
        <translation>共享参数（自定义模型）</translation>
    </message>
    <message>
        <source>Parameters used only in ties, e.g. a spin–orbit splitting with its bounds.</source>
        <translation>仅在约束中使用的参数，例如带边界的自旋–轨道分裂。</translation>
    </message>
    <message>
        <source>Ratios (custom model)</source>
        <translation>比值（自定义模型）</translation>
    </message>
    <message>
        <source>Area ratios Σ numerator groups / Σ denominator groups, with errors.</source>
        <translation>面积比 Σ分子分组 / Σ分母分组，附误差。</translation>
    </message>
    <message>
        <source>Position differences (custom model)</source>
        <translation>峰位差（自定义模型）</translation>
    </message>
    <message>
        <source>Centre of component a minus centre of b, eV.</source>
        <translation>组分 a 的中心减去组分 b 的中心，eV。</translation>
    </message>
    <message>
        <source>added peak</source>
        <translation>添加的峰</translation>
    </message>
    <message>
        <source>removed peak</source>
        <translation>移除的峰</translation>
    </message>
    <message>
        <source>component</source>
        <translation>组分</translation>
    </message>
    <message>
        <source>√Intensity (a.u.)</source>
        <translation>√强度 (a.u.)</translation>
    </message>
    <message>
        <source>log Intensity (a.u.)</source>
        <translation>log 强度 (a.u.)</translation>
    </message>
    <message>
        <source>no smoothing</source>
        <translation>不平滑</translation>
    </message>
    <message>
        <source>The sample has %1 TGA results with a carbon content; the carbon share %2 wt% is from the newest, TGA dataset &apos;%3&apos; (run %4). Set carbon_pct to use another value.</source>
        <translation>该样品有 %1 个含碳量的 TGA 结果；碳含量 %2 wt% 取自最新的 TGA 数据集“%3”（运行 %4）。如需其他值，请设置 carbon_pct。</translation>
    </message>
    <message>
        <source>per g of V2O3 (carbon %1 wt% from TGA &apos;%2&apos; taken off)</source>
        <translation>每克 V2O3（已扣除 TGA“%2”给出的碳 %1 wt%）</translation>
    </message>
    <message>
        <source>The step table gives programmed currents for %1 of %2 rate steps; the others use the measured current.</source>
        <translation>工步表给出了 %2 个倍率台阶中 %1 个的设定电流；其余台阶使用实测电流。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>the centre of %1 follows &apos;%2&apos;: move the line it is tied to, or clear the tie in the component table</source>
        <translation>%1 的中心跟随“%2”：请移动与其关联的谱线，或在组分表中解除关联</translation>
    </message>
    <message>
        <source>a model needs one component at least: %1 cannot all be removed</source>
        <translation>模型至少需要一个组分：%1 不能全部删除</translation>
    </message>
    <message>
        <source>this model has no component rows before its first fit: run it, or choose &apos;Custom&apos; with &apos;Start from preset&apos;</source>
        <translation>该模型在首次拟合前没有组分行：请先运行拟合，或选择“自定义”并使用“从预设开始”</translation>
    </message>
    <message>
        <source>%1 at %2: centre tied to %3 (moves with that line)</source>
        <translation>%1 位于 %2：中心与 %3 关联（随该谱线移动）</translation>
    </message>
    <message>
        <source>%1 at %2: drag to move, right-click to remove</source>
        <translation>%1 位于 %2：拖动以移动，右键单击以删除</translation>
    </message>
    <message>
        <source>Move component %1 to %2</source>
        <translation>将组分 %1 移至 %2</translation>
    </message>
    <message>
        <source>%1 (the preset becomes a custom model)</source>
        <translation>%1（预设变为自定义模型）</translation>
    </message>
    <message>
        <source>Add component %1 at %2</source>
        <translation>在 %2 处添加组分 %1</translation>
    </message>
    <message>
        <source>Remove component %1</source>
        <translation>删除组分 %1</translation>
    </message>
    <message>
        <source>Remove component %1 with %2, tied to it</source>
        <translation>删除组分 %1 及与其关联的 %2</translation>
    </message>
    <message>
        <source>background point</source>
        <translation>背景点</translation>
    </message>
    <message>
        <source>background points</source>
        <translation>背景点</translation>
    </message>
    <message>
        <source>Duration of the series (first to last scan)</source>
        <translation>系列持续时间（首次至末次扫描）</translation>
    </message>
    <message>
        <source>Lowest cell voltage at a scan</source>
        <translation>扫描时的最低电池电压</translation>
    </message>
    <message>
        <source>Strongest line: 2θ against cell voltage (slope)</source>
        <translation>最强线：2θ 对电池电压（斜率）</translation>
    </message>
    <message>
        <source>cell voltage</source>
        <translation>电池电压</translation>
    </message>
    <message>
        <source>voltage at the scans</source>
        <translation>扫描时的电压</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>2θ versus time or scan (heat map, voltage beside it)</source>
        <translation>2θ 随时间或扫描变化（热图，旁附电压）</translation>
    </message>
    <message>
        <source>Line positions versus time or scan</source>
        <translation>谱线位置随时间或扫描变化</translation>
    </message>
    <message>
        <source>%1 was not embedded: the file is no longer readable at %2 (%3)</source>
        <translation>%1 未嵌入：文件 %2 已无法读取（%3）</translation>
    </message>
    <message>
        <source>%1 was not embedded: the file changed since it was imported (it is now %2 bytes, was %3)</source>
        <translation>%1 未嵌入：文件自导入后已更改（现为 %2 字节，原为 %3）</translation>
    </message>
    <message>
        <source>%1 was not embedded: at %2 MB it is larger than the %3 MB a project embeds; keep the original file</source>
        <translation>%1 未嵌入：其大小 %2 MB 超过项目可嵌入的 %3 MB；请保留原始文件</translation>
    </message>
    <message>
        <source>%1 was not embedded: reading it failed (%2)</source>
        <translation>%1 未嵌入：读取失败（%2）</translation>
    </message>
    <message>
        <source>%1 was not embedded: the file changed since it was imported (its content no longer matches the SHA-256 of the imported data)</source>
        <translation>%1 未嵌入：文件自导入后已更改（其内容与导入数据的 SHA-256 不再一致）</translation>
    </message>
    <message>
        <source>Arbin .res (Access database)</source>
        <translation>Arbin .res（Access 数据库）</translation>
    </message>
    <message>
        <source>XRD instrument function (JSON)</source>
        <translation>XRD 仪器函数（JSON）</translation>
    </message>
    <message>
        <source>The step sheet &apos;%1&apos; could not be read (%2): rate steps use the measured currents.</source>
        <translation>无法读取工步表“%1”（%2）：倍率台阶使用实测电流。</translation>
    </message>
    <message>
        <source>Neware NDAX (zip, data versions 5, 14, 17)</source>
        <translation>新威 NDAX（zip，数据版本 5、14、17）</translation>
    </message>
    <message>
        <source>The active mass %1 mg comes from Step.xml (SCQ_F read as kg); Neware does not document the unit: check it against the cell.</source>
        <translation>活性物质质量 %1 mg 取自 Step.xml（SCQ_F 按 kg 读取）；新威未说明其单位：请对照电池核实。</translation>
    </message>
    <message>
        <source>Auxiliary channels (temperature, voltage) are not read: %1.</source>
        <translation>未读取辅助通道（温度、电压）：%1。</translation>
    </message>
    <message>
        <source>%1 of %2 rows have no time and capacity record in data_runInfo.ndc (BTSDA writes one when the interval changes): their time continues the last interval and their capacity adds |I|·interval, as BTSDA shows them (column Interpolated = 1).</source>
        <translation>%2 行中有 %1 行在 data_runInfo.ndc 中没有时间和容量记录（BTSDA 仅在间隔改变时写入）：这些行的时间延续上一间隔，容量累加 |I|·间隔，与 BTSDA 的显示一致（列 Interpolated = 1）。</translation>
    </message>
</context>
<context>
    <name>vanadis::AddSampleCommand</name>
    <message>
        <source>Add sample %1</source>
        <translation>添加样品 %1</translation>
    </message>
</context>
<context>
    <name>vanadis::Analysis</name>
    <message>
        <source>This run comes from an analysis this version of Vanadis does not have (%1).</source>
        <translation>此计算结果来自当前版本 Vanadis 中没有的分析 (%1)。</translation>
    </message>
    <message>
        <source>Computed by a newer version of this analysis (%1, this is %2): recompute to use it here.</source>
        <translation>由此分析的较新版本计算 (%1，当前为 %2)：请重新计算后在此使用。</translation>
    </message>
    <message>
        <source>Computed by an older version of this analysis (%1, now %2): recompute to update.</source>
        <translation>由此分析的较旧版本计算 (%1，现为 %2)：请重新计算以更新。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Recompute %1</source>
        <translation>重新计算 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 parameters: %n changed</source>
        <translation>
            <numerusform>%1 参数：已更改 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Curve fit</source>
        <translation>曲线拟合</translation>
    </message>
    <message>
        <source>What the analysis reads from its sample (active mass, mass basis, composition or a result of another analysis, e.g. the TGA carbon content) changed: recompute to use it.</source>
        <translation>该分析从样品读取的信息（活性物质质量、质量基准、组成或其他分析的结果，例如 TGA 碳含量）已改变：请重新计算以使用新值。</translation>
    </message>
</context>
<context>
    <name>vanadis::BetAnalysis</name>
    <message>
        <source>Adsorptive</source>
        <translation>吸附质</translation>
    </message>
    <message>
        <source>as in the file</source>
        <translation>按文件所述</translation>
    </message>
    <message>
        <source>auto: as stated in the file (N2 assumed, with a warning, when the file says nothing)</source>
        <translation>自动：按文件所述 (文件未注明时假定为 N2，并给出警告)</translation>
    </message>
    <message>
        <source>Cross-section σ</source>
        <translation>分子截面积 σ</translation>
    </message>
    <message>
        <source>Molecular cross-section; ≤ 0 uses the adsorptive&apos;s (N2 0.162, Ar 0.142, Kr 0.202, CO2 0.195 nm², ISO 9277:2022)</source>
        <translation>分子截面积；≤ 0 时使用该吸附质的常用值 (N2 0.162、Ar 0.142、Kr 0.202、CO2 0.195 nm²，ISO 9277:2022)</translation>
    </message>
    <message>
        <source>BET range from</source>
        <translation>BET 范围起点</translation>
    </message>
    <message>
        <source>Lower end of a user BET range; p_min and p_max both negative = automatic range (Rouquerol criteria, BETSI rule)</source>
        <translation>用户自定 BET 范围的下限；p_min 和 p_max 均为负值 = 自动范围 (Rouquerol 判据，BETSI 规则)</translation>
    </message>
    <message>
        <source>BET range to</source>
        <translation>BET 范围终点</translation>
    </message>
    <message>
        <source>Upper end of a user BET range (negative = automatic)</source>
        <translation>用户自定 BET 范围的上限 (负值 = 自动)</translation>
    </message>
    <message>
        <source>BET window</source>
        <translation>BET 窗口</translation>
    </message>
    <message>
        <source>Smallest automatic window</source>
        <translation>最小自动窗口</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>Minimum R²</source>
        <translation>最小 R²</translation>
    </message>
    <message>
        <source>An automatic window needs R² above this (BETSI: 0.995)</source>
        <translation>自动窗口的 R² 须高于此值 (BETSI：0.995)</translation>
    </message>
    <message>
        <source>Total pore volume at</source>
        <translation>总孔体积取点</translation>
    </message>
    <message>
        <source>Gurvich total pore volume read on the adsorption branch (vendors: 0.99; BELSORP 0.96–0.99)</source>
        <translation>在吸附支上读取的 Gurvich 总孔体积 (仪器厂商：0.99；BELSORP 0.96–0.99)</translation>
    </message>
    <message>
        <source>Single-point BET at</source>
        <translation>单点 BET 取点</translation>
    </message>
    <message>
        <source>The adsorption point nearest to this pressure is used</source>
        <translation>使用最接近此压力的吸附点</translation>
    </message>
    <message>
        <source>Langmuir range from</source>
        <translation>Langmuir 范围起点</translation>
    </message>
    <message>
        <source>Langmuir area: meaningful only for type I isotherms</source>
        <translation>Langmuir 比表面积：仅对 I 型等温线有意义</translation>
    </message>
    <message>
        <source>Langmuir range to</source>
        <translation>Langmuir 范围终点</translation>
    </message>
    <message>
        <source>BJH branch</source>
        <translation>BJH 分支</translation>
    </message>
    <message>
        <source>adsorption</source>
        <translation>吸附支</translation>
    </message>
    <message>
        <source>desorption</source>
        <translation>脱附支</translation>
    </message>
    <message>
        <source>adsorption: cylindrical meniscus (Cohan); desorption: hemispherical meniscus. The desorption branch of H2/H3 loops gives a false peak near 3.8 nm (cavitation)</source>
        <translation>吸附支：圆柱形弯月面 (Cohan)；脱附支：半球形弯月面。H2/H3 型回滞环的脱附支会在 3.8 nm 附近产生假峰 (空化效应)</translation>
    </message>
    <message>
        <source>Thickness curve</source>
        <translation>厚度曲线</translation>
    </message>
    <message>
        <source>carbon black</source>
        <translation>炭黑</translation>
    </message>
    <message>
        <source>Film thickness t(p/p0) for the t-plot and the BJH correction (Harkins–Jura 1944; Halsey 1948; Kruk–Jaroniec–Sayari 1997; carbon black STSA)</source>
        <translation>用于 t-plot 和 BJH 校正的吸附膜厚度 t(p/p0) (Harkins–Jura 1944；Halsey 1948；Kruk–Jaroniec–Sayari 1997；炭黑 STSA)</translation>
    </message>
    <message>
        <source>t-plot from</source>
        <translation>t-plot 起点</translation>
    </message>
    <message>
        <source>Linear t-plot range (Micromeritics default 3.5–5.0 Å)</source>
        <translation>t-plot 线性范围 (Micromeritics 默认 3.5–5.0 Å)</translation>
    </message>
    <message>
        <source>t-plot to</source>
        <translation>t-plot 终点</translation>
    </message>
    <message>
        <source>BJH smallest pore</source>
        <translation>BJH 最小孔径</translation>
    </message>
    <message>
        <source>The Kelvin equation is not trusted below ≈ 2 nm (Micromeritics default 1.7 nm)</source>
        <translation>Kelvin 方程在 ≈ 2 nm 以下不可靠 (Micromeritics 默认 1.7 nm)</translation>
    </message>
    <message>
        <source>t-plot range</source>
        <translation>t-plot 范围</translation>
    </message>
    <message>
        <source>BJH largest pore</source>
        <translation>BJH 最大孔径</translation>
    </message>
    <message>
        <source>%1 point(s) whose pressure stepped back within instrument noise were put in pressure order.</source>
        <translation>有 %1 个点的压力在仪器噪声范围内回退，已按压力重新排序。</translation>
    </message>
    <message>
        <source>The file does not state the adsorptive; N2 at 77 K was assumed.</source>
        <translation>文件未注明吸附质；已假定为 77 K 下的 N2。</translation>
    </message>
    <message>
        <source>The file states %1 as the adsorptive but %2 was chosen for the analysis.</source>
        <translation>文件注明吸附质为 %1，但分析选用了 %2。</translation>
    </message>
    <message>
        <source>The %1 isotherm is evaluated with the N2 cross-section 0.162 nm²; the usual %1 value is %2 nm².</source>
        <translation>%1 等温线按 N2 的截面积 0.162 nm² 计算；%1 的常用值为 %2 nm²。</translation>
    </message>
    <message>
        <source>A cross-section of %1 nm² was used instead of the usual %2 nm² for %3.</source>
        <translation>%3 使用了 %1 nm² 的截面积，而非常用值 %2 nm²。</translation>
    </message>
    <message>
        <source>The file states a cross-section of %1 nm²; Vanadis used %2 nm².</source>
        <translation>文件注明截面积为 %1 nm²；Vanadis 使用了 %2 nm²。</translation>
    </message>
    <message>
        <source>meaningful only for type I isotherms</source>
        <translation>仅对 I 型等温线有意义</translation>
    </message>
    <message>
        <source>The Langmuir plot has a negative slope or intercept: no Langmuir area.</source>
        <translation>Langmuir 图的斜率或截距为负：无 Langmuir 比表面积。</translation>
    </message>
    <message>
        <source>No Langmuir area: %1.</source>
        <translation>无 Langmuir 比表面积：%1。</translation>
    </message>
    <message>
        <source>The adsorption branch ends at p/p0 = %1, below the requested %2: the total pore volume is taken at the last point.</source>
        <translation>吸附支止于 p/p0 = %1，低于设定的 %2：总孔体积取最后一个点的值。</translation>
    </message>
    <message>
        <source>No total pore volume: %1.</source>
        <translation>无总孔体积：%1。</translation>
    </message>
    <message>
        <source>The thickness curves (t-plot, BJH) are parameterised for N2 at 77 K; for %1 they are approximate.</source>
        <translation>厚度曲线 (t-plot、BJH) 的参数针对 77 K 下的 N2；用于 %1 时仅为近似。</translation>
    </message>
    <message>
        <source>The t-plot intercept is negative: no micropore volume is detected (reported as is).</source>
        <translation>t-plot 截距为负：未检测到微孔体积 (按原值报告)。</translation>
    </message>
    <message>
        <source>No t-plot: %1.</source>
        <translation>无 t-plot：%1。</translation>
    </message>
    <message>
        <source>BJH: %1 of %2 steps gave a negative pore volume (the film-thinning correction exceeded the gas released, usually a thickness curve that does not fit the material or noise); they are kept in the table.</source>
        <translation>BJH：%2 步中有 %1 步得到负孔体积 (膜减薄校正量超过了脱出的气体量，通常是厚度曲线不适合该材料或存在噪声)；这些步仍保留在表中。</translation>
    </message>
    <message>
        <source>BJH: the distribution peaks at the smallest pore sizes (%1 nm); that edge is where the thickness curve matters most, so treat the peak with care.</source>
        <translation>BJH：分布峰值位于最小孔径处 (%1 nm)；该边缘受厚度曲线影响最大，请谨慎对待此峰。</translation>
    </message>
    <message>
        <source>BJH from the desorption branch peaks at %1 nm: with an H2/H3 loop closing at p/p0 ≈ 0.42–0.50 this is the cavitation (tensile-strength) artefact, not a pore size; use the adsorption branch.</source>
        <translation>由脱附支得到的 BJH 分布在 %1 nm 处出峰：对于在 p/p0 ≈ 0.42–0.50 闭合的 H2/H3 型回滞环，这是空化 (抗拉强度) 假象，并非真实孔径；请使用吸附支。</translation>
    </message>
    <message>
        <source>No BJH distribution: %1.</source>
        <translation>无 BJH 分布：%1。</translation>
    </message>
    <message>
        <source>a hint from simple shape rules, not an IUPAC classification</source>
        <translation>基于简单形状规则的提示，并非 IUPAC 分类</translation>
    </message>
    <message>
        <source>The desorption branch does not rejoin the adsorption branch (low-pressure hysteresis): check for swelling, slow equilibration or a leak.</source>
        <translation>脱附支未与吸附支重合 (低压回滞)：请检查是否存在溶胀、平衡缓慢或漏气。</translation>
    </message>
    <message>
        <source>Default 11: BETSI takes windows of more than 10 points (Osterrieth et al. 2022); ISO 9277 accepts 3 and recommends 5. With fewer suitable points interpolated points are added and the result says so.</source>
        <translation>默认 11：BETSI 采用多于 10 个点的窗口 (Osterrieth et al. 2022)；ISO 9277 允许 3 个点，推荐 5 个点。合适的点较少时会加入插值点，并在结果中注明。</translation>
    </message>
    <message>
        <source>The file states a cross-section of %1 nm² for %2 (the usual value is %3 nm²); the file&apos;s value was used, as the instrument software did. Set the cross-section to override it.</source>
        <translation>文件注明 %2 的截面积为 %1 nm² (常用值为 %3 nm²)；与仪器软件一致，采用了文件中的值。如需覆盖，请设置截面积。</translation>
    </message>
    <message>
        <source>t-plot: the micropore area (%1 ± %2 m² g⁻¹) is within twice its uncertainty of zero or below 5 % of the BET area, less than the choice of thickness curve changes it: no micropores are detected.</source>
        <translation>t-plot：微孔比表面积 (%1 ± %2 m² g⁻¹) 与零的差值在其不确定度的两倍以内，或低于 BET 比表面积的 5 %，小于更换厚度曲线所引起的变化：未检测到微孔。</translation>
    </message>
    <message>
        <source>No capillary condensation: the isotherm follows the t-plot line up to p/p0 = 0.95 and has no hysteresis loop closing above p/p0 = 0.35, as for a non-porous, macroporous or purely microporous solid. BJH assumes mesopores, so no pore-size peak is reported; the distribution is kept for inspection.</source>
        <translation>无毛细凝聚：等温线直到 p/p0 = 0.95 均沿 t-plot 直线，且没有在 p/p0 = 0.35 以上闭合的回滞环，与无孔、大孔或纯微孔固体相符。BJH 假定存在介孔，因此不报告孔径峰；孔径分布仍保留以供查看。</translation>
    </message>
    <message>
        <source>BJH: the cumulative pore volume (%1 cm³ g⁻¹) exceeds the total pore volume at p/p0 = %2 (%3 cm³ g⁻¹) by %4 %: the thickness curve removes too little film, or pores wider than the total-pore-volume point are counted; compare with another thickness curve.</source>
        <translation>BJH：累积孔体积 (%1 cm³ g⁻¹) 比 p/p0 = %2 处的总孔体积 (%3 cm³ g⁻¹) 高出 %4 %：厚度曲线扣除的吸附膜过少，或计入了比总孔体积取点处更宽的孔；请与其他厚度曲线的结果比较。</translation>
    </message>
</context>
<context>
    <name>vanadis::CircuitPreview</name>
    <message>
        <source>Circuit preview</source>
        <translation>电路预览</translation>
    </message>
</context>
<context>
    <name>vanadis::ColumnMappingDialog</name>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Whitespace</source>
        <translation>空白字符</translation>
    </message>
    <message>
        <source>Import delimited text — %1</source>
        <translation>导入分隔文本 — %1</translation>
    </message>
    <message>
        <source>Check how &lt;b&gt;%1&lt;/b&gt; is split into columns, then choose which columns to import and give each a quantity and a unit.</source>
        <translation>检查 &lt;b&gt;%1&lt;/b&gt; 如何拆分为列，然后选择要导入的列，并为每列指定物理量和单位。</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>What separates the columns. Auto chooses the delimiter that gives the most consistent rows of numbers.</source>
        <translation>用于分隔各列的字符。“自动”会选择使数字行最一致的分隔符。</translation>
    </message>
    <message>
        <source>Point 3.25</source>
        <translation>小数点 3.25</translation>
    </message>
    <message>
        <source>Comma 3,25</source>
        <translation>逗号 3,25</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>小数分隔符</translation>
    </message>
    <message>
        <source>Header rows</source>
        <translation>表头行数</translation>
    </message>
    <message>
        <source>Lines above the first data row. The column names are taken from the last of them.</source>
        <translation>第一行数据之上的行数。列名取自其中最后一行。</translation>
    </message>
    <message>
        <source>Text format</source>
        <translation>文本格式</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D):</translation>
    </message>
    <message>
        <source>D&amp;ecimal separator:</source>
        <translation>小数分隔符(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Header rows:</source>
        <translation>表头行数(&amp;H):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>测试技术</translation>
    </message>
    <message>
        <source>choose or type</source>
        <translation>选择或输入</translation>
    </message>
    <message>
        <source>Dataset kind</source>
        <translation>数据集类型</translation>
    </message>
    <message>
        <source>What the data is, e.g. cv, eis or an XPS region; analyses are offered by kind.</source>
        <translation>数据的类型，如 cv、eis 或某个 XPS 谱区；可用的分析按类型提供。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>&amp;Technique:</source>
        <translation>测试技术(&amp;T):</translation>
    </message>
    <message>
        <source>Dataset &amp;kind:</source>
        <translation>数据集类型(&amp;K):</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>物理量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <source>Preview of the first 20 data rows</source>
        <translation>前 20 行数据预览</translation>
    </message>
    <message>
        <source>First lines of the file</source>
        <translation>文件开头几行</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>File te&amp;xt</source>
        <translation>文件文本(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>The file cannot be read with these settings: %1</source>
        <translation>无法按这些设置读取文件：%1</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import column %1</source>
        <translation>导入第 %1 列</translation>
    </message>
    <message>
        <source>Quantity of column %1</source>
        <translation>第 %1 列的物理量</translation>
    </message>
    <message>
        <source>quantity?</source>
        <translation>物理量？</translation>
    </message>
    <message>
        <source>unit?</source>
        <translation>单位？</translation>
    </message>
    <message>
        <source>Unit of column %1</source>
        <translation>第 %1 列的单位</translation>
    </message>
    <message>
        <source>Choose or type the unit. Units are never guessed.</source>
        <translation>选择或输入单位。单位从不自动猜测。</translation>
    </message>
    <message>
        <source>dimensionless, e.g. P/P0</source>
        <translation>无量纲，如 P/P0</translation>
    </message>
    <message numerus="yes">
        <source>This row has %n cell(s); the data rows have %1.</source>
        <translation>
            <numerusform>此行有 %n 个单元格；数据行有 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a number with this decimal separator.</source>
        <translation>按此小数分隔符不是有效数字。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>whitespace</source>
        <translation>空白字符</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>自动 (%1)</translation>
    </message>
    <message>
        <source>point</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>Select at least one column to import.</source>
        <translation>请至少选择一列进行导入。</translation>
    </message>
    <message>
        <source>Give column %1 a quantity name.</source>
        <translation>请为第 %1 列指定物理量名称。</translation>
    </message>
    <message>
        <source>The technique cannot be told from the column names; choose it above.</source>
        <translation>无法从列名判断测试技术；请在上方选择。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Preview row %1, column %2: “%3” is not a number. Check the header rows and the decimal separator.</source>
        <translation>预览第 %1 行第 %2 列：“%3”不是数字。请检查表头行数和小数分隔符。</translation>
    </message>
    <message>
        <source>No unit for column %1. Choose the units explicitly; they are never guessed.</source>
        <translation>第 %1 列没有单位。请明确选择单位；单位从不自动猜测。</translation>
    </message>
    <message>
        <source>Try “Auto” for the delimiter and the decimal separator.</source>
        <translation>请尝试将分隔符和小数分隔符设为“自动”。</translation>
    </message>
    <message numerus="yes">
        <source>… (%n columns in all)</source>
        <translation>
            <numerusform>… (共 %n 列)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vanadis::CompareTab</name>
    <message>
        <source>Sample comparison table</source>
        <translation>样品比较表</translation>
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
        <translation>质量基准</translation>
    </message>
    <message>
        <source>%1 datasets</source>
        <translation>%1 数据集</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>复合材料</translation>
    </message>
    <message>
        <source>oxide only</source>
        <translation>仅氧化物</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <source>Copy the whole table (tab-separated, with headers) for a spreadsheet.</source>
        <translation>复制整个表格 (制表符分隔，含表头)，以便粘贴到电子表格。</translation>
    </message>
    <message>
        <source>Not yet recomputed for the current parameters.</source>
        <translation>尚未按当前参数重新计算。</translation>
    </message>
</context>
<context>
    <name>vanadis::ComputeService</name>
    <message>
        <source>internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>unknown analysis &apos;%1&apos;</source>
        <translation>未知分析“%1”</translation>
    </message>
</context>
<context>
    <name>vanadis::CurveFit</name>
    <message>
        <source>Line</source>
        <translation>直线</translation>
    </message>
    <message>
        <source>Quadratic polynomial</source>
        <translation>二次多项式</translation>
    </message>
    <message>
        <source>Exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>Power law</source>
        <translation>幂律</translation>
    </message>
    <message>
        <source>Gaussian peak (w = FWHM)</source>
        <translation>高斯峰（w = 半高宽）</translation>
    </message>
    <message>
        <source>Lorentzian peak (w = FWHM)</source>
        <translation>洛伦兹峰（w = 半高宽）</translation>
    </message>
    <message>
        <source>Pseudo-Voigt peak (w = FWHM)</source>
        <translation>赝 Voigt 峰（w = 半高宽）</translation>
    </message>
    <message>
        <source>Logistic step</source>
        <translation>Logistic 台阶</translation>
    </message>
    <message>
        <source>Arrhenius (x in K, Ea in J/mol)</source>
        <translation>Arrhenius（x 单位 K，Ea 单位 J/mol）</translation>
    </message>
</context>
<context>
    <name>vanadis::CvAnalysis</name>
    <message>
        <source>Cycle</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>The cycle used at each scan rate; 0 takes the last one (the steadiest).</source>
        <translation>每个扫描速率所用的循环；0 取最后一个 (最稳定)。</translation>
    </message>
    <message>
        <source>Scan rate</source>
        <translation>扫描速率</translation>
    </message>
    <message>
        <source>For a file that states neither a &apos;Scan Rate&apos; column nor its rate.</source>
        <translation>用于既无 “Scan Rate” 列也未注明扫速的文件。</translation>
    </message>
    <message>
        <source>Potential grid step</source>
        <translation>电位网格步长</translation>
    </message>
    <message>
        <source>Left out at the vertices</source>
        <translation>顶点处排除范围</translation>
    </message>
    <message>
        <source>Potentials this close to a vertex, where the current changes sign, are not used for b and the Dunn separation.</source>
        <translation>距顶点 (电流变号处) 这么近的电位不用于 b 值和 Dunn 分离。</translation>
    </message>
    <message>
        <source>No peak b-values: %1.</source>
        <translation>无峰 b 值：%1。</translation>
    </message>
    <message>
        <source>No Dunn separation: %1.</source>
        <translation>无 Dunn 分离：%1。</translation>
    </message>
    <message>
        <source>Cycles in the first-cycles view</source>
        <translation>前几次循环视图中的循环数</translation>
    </message>
    <message>
        <source>The first cycles of the slowest scan, overlaid (activation, SEI).</source>
        <translation>最慢扫速下的前几次循环叠加显示 (活化、SEI)。</translation>
    </message>
    <message>
        <source>%1, %2 mV/s: no complete cycle; the last, unfinished one is used.</source>
        <translation>%1，%2 mV/s：没有完整的循环；使用最后一个未完成的循环。</translation>
    </message>
    <message>
        <source>last complete</source>
        <translation>最后一个完整循环</translation>
    </message>
</context>
<context>
    <name>vanadis::DatasetType</name>
    <message>
        <source>XRD pattern</source>
        <translation>XRD 衍射图谱</translation>
    </message>
    <message>
        <source>XPS region</source>
        <translation>XPS 谱区</translation>
    </message>
    <message>
        <source>Isotherm</source>
        <translation>吸附等温线</translation>
    </message>
    <message>
        <source>TGA curve</source>
        <translation>TGA 曲线</translation>
    </message>
    <message>
        <source>Cycling record</source>
        <translation>循环数据</translation>
    </message>
    <message>
        <source>Rate test</source>
        <translation>倍率测试</translation>
    </message>
    <message>
        <source>Charge–discharge profiles</source>
        <translation>充放电曲线</translation>
    </message>
    <message>
        <source>Cyclic voltammogram</source>
        <translation>循环伏安曲线</translation>
    </message>
    <message>
        <source>GITT</source>
        <translation>GITT</translation>
    </message>
    <message>
        <source>Impedance spectrum</source>
        <translation>阻抗谱</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Crystal structure</source>
        <translation>晶体结构</translation>
    </message>
    <message>
        <source>Instrument function</source>
        <translation>仪器函数</translation>
    </message>
</context>
<context>
    <name>vanadis::EditSampleCommand</name>
    <message>
        <source>Edit sample %1</source>
        <translation>编辑样品 %1</translation>
    </message>
</context>
<context>
    <name>vanadis::ExportFigureDialog</name>
    <message>
        <source>Export figure</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>CSV data</source>
        <translation>CSV 数据</translation>
    </message>
    <message>
        <source>%1 single column (%2 mm)</source>
        <translation>%1 单栏 (%2 mm)</translation>
    </message>
    <message>
        <source>%1 double column (%2 mm)</source>
        <translation>%1 双栏 (%2 mm)</translation>
    </message>
    <message>
        <source>Custom width</source>
        <translation>自定义宽度</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export figure as</source>
        <translation>图片导出为</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Resolution (PNG/TIFF):</source>
        <translation>分辨率 (PNG/TIFF)(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;File (without extension):</source>
        <translation>文件 (不含扩展名)(&amp;F):</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>请选择文件名。</translation>
    </message>
</context>
<context>
    <name>vanadis::FileIdentity</name>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>管道 (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>this is %1, not a project file; a project is a regular .vanadis file</source>
        <translation>此路径是%1，而非项目文件；项目应为普通的 .vanadis 文件</translation>
    </message>
</context>
<context>
    <name>vanadis::GittAnalysis</name>
    <message>
        <source>Diffusion length from</source>
        <translation>扩散长度取自</translation>
    </message>
    <message>
        <source>mass, molar mass, molar volume and area (L = m·V_M/(M·S))</source>
        <translation>质量、摩尔质量、摩尔体积和面积 (L = m·V_M/(M·S))</translation>
    </message>
    <message>
        <source>particle radius (spheres, L = r/3)</source>
        <translation>颗粒半径 (球形，L = r/3)</translation>
    </message>
    <message>
        <source>a diffusion length given directly</source>
        <translation>直接给定的扩散长度</translation>
    </message>
    <message>
        <source>Weppner–Huggins D = 4/(π·τ)·L²·(ΔE_s/ΔE_t)². L and S change D by orders of magnitude (geometric or BET area): state them.</source>
        <translation>Weppner–Huggins 公式 D = 4/(π·τ)·L²·(ΔE_s/ΔE_t)²。L 和 S (几何面积或 BET 比表面积) 的取值可使 D 相差几个数量级：请注明所用数值。</translation>
    </message>
    <message>
        <source>Active mass</source>
        <translation>活性物质质量</translation>
    </message>
    <message>
        <source>m_B, for the full form and the capacity axis. Not set: the mass the file states (the result names its source).</source>
        <translation>m_B，用于完整公式和容量轴。未设置：使用文件中注明的质量 (结果中会注明其来源)。</translation>
    </message>
    <message>
        <source>Molar mass</source>
        <translation>摩尔质量</translation>
    </message>
    <message>
        <source>M_B of the active compound (V2O3: 149.88 g/mol); also gives the Na content x.</source>
        <translation>活性化合物的 M_B (V2O3：149.88 g/mol)；也用于计算 Na 含量 x。</translation>
    </message>
    <message>
        <source>Molar volume</source>
        <translation>摩尔体积</translation>
    </message>
    <message>
        <source>V_M = M_B/ρ (V2O3 with ρ = 5.02 g/cm³: 29.9 cm³/mol).</source>
        <translation>V_M = M_B/ρ (V2O3 取 ρ = 5.02 g/cm³ 时为 29.9 cm³/mol)。</translation>
    </message>
    <message>
        <source>Electrode area</source>
        <translation>电极面积</translation>
    </message>
    <message>
        <source>S: the geometric electrode area, or the BET area of the active mass for the electrode–electrolyte interface.</source>
        <translation>S：电极的几何面积，或以活性物质的 BET 比表面积作为电极–电解液界面的面积。</translation>
    </message>
    <message>
        <source>Particle radius</source>
        <translation>颗粒半径</translation>
    </message>
    <message>
        <source>For the particle-radius form: L = r/3 (spheres).</source>
        <translation>用于颗粒半径形式：L = r/3 (球形)。</translation>
    </message>
    <message>
        <source>Diffusion length</source>
        <translation>扩散长度</translation>
    </message>
    <message>
        <source>For the given-length form: L, e.g. the film or electrode thickness.</source>
        <translation>用于给定长度形式：L，如薄膜或电极的厚度。</translation>
    </message>
    <message>
        <source>Pulse current threshold</source>
        <translation>脉冲电流阈值</translation>
    </message>
    <message>
        <source>A point whose |I| is above this share of the largest |I| is in a pulse; the others are rest.</source>
        <translation>|I| 超过最大 |I| 的此比例的点属于脉冲，其余的点属于静置。</translation>
    </message>
    <message>
        <source>Left out at the pulse start</source>
        <translation>脉冲起始处排除比例</translation>
    </message>
    <message>
        <source>Share of each pulse (of τ) left out of the E against √t fit, e.g. when double-layer charging bends its first points.</source>
        <translation>每个脉冲中不参与 E–√t 拟合的比例 (占 τ 的比例)，例如双电层充电使最初几个点弯曲时。</translation>
    </message>
    <message>
        <source>Points averaged per relaxed voltage</source>
        <translation>每个弛豫电压的平均点数</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>The relaxed voltage is the mean of this many points at the end of each rest.</source>
        <translation>弛豫电压取每段静置末尾这么多个点的平均值。</translation>
    </message>
</context>
<context>
    <name>vanadis::ImportDatasetsCommand</name>
    <message>
        <source>Import %1 into %2</source>
        <translation>将 %1 导入 %2</translation>
    </message>
    <message>
        <source>Import %1 datasets into %2</source>
        <translation>将 %1 个数据集导入 %2</translation>
    </message>
</context>
<context>
    <name>vanadis::MainWindow</name>
    <message>
        <source>Vanadis projects (*.vanadis)</source>
        <translation>Vanadis 项目 (*.vanadis)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Untitled series</source>
        <translation>未命名系列</translation>
    </message>
    <message>
        <source>Ready. Open a project, the demo series, or drop instrument files here.</source>
        <translation>就绪。请打开项目或演示系列，或将仪器数据文件拖放到此处。</translation>
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
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
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
        <translation>打开项目</translation>
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
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import instrument files</source>
        <translation>导入仪器数据文件</translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>导出图片(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <translation>添加样品</translation>
    </message>
    <message>
        <source>Sample name:</source>
        <translation>样品名称:</translation>
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
        <translation>关于 Vanadis</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vanadis %1&lt;/b&gt;&lt;p&gt;XRD, XPS, BET, TGA and electrochemistry of a sample series in one place.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Plots by QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Vanadis %1&lt;/b&gt;&lt;p&gt;在同一处查看一个样品系列的 XRD、XPS、BET、TGA 和电化学数据。&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later。绘图基于 QCustomPlot。&lt;/p&gt;</translation>
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
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Demo series CS, WCS, HCS, HMCS generated from the values of Osman et al., Adv. Sci. 2022.</source>
        <translation>演示系列 CS、WCS、HCS、HMCS 根据 Osman et al., Adv. Sci. 2022 中的数值生成。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this series first?</source>
        <translation>是否先保存对此系列的更改？</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>an untitled series</source>
        <translation>未命名系列</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Vanadis found unsaved work of %1 from %2. Recover it?</source>
        <translation>Vanadis 发现 %1 于 %2 留下的未保存工作。是否恢复？</translation>
    </message>
    <message>
        <source>Recovery failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Recovered unsaved work; save it to keep it.</source>
        <translation>已恢复未保存的工作；请保存以保留。</translation>
    </message>
    <message>
        <source>Import into sample</source>
        <translation>导入到样品</translation>
    </message>
    <message>
        <source>Sample (type a new name to create one):</source>
        <translation>样品 (输入新名称即新建样品):</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import of %1 cancelled.</source>
        <translation>已取消导入 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n dataset(s).</source>
        <translation>
            <numerusform>已导入 %n 个数据集。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Select a technique tab that shows data first.</source>
        <translation>请先选择一个显示数据的测试技术选项卡。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Project changed on disk</source>
        <translation>项目已在磁盘上被更改</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>The project file has been saved by another program or window since then. The recovered work opens as a copy; Save will ask for a new file name instead of overwriting those changes.</source>
        <translation>此后该项目文件已被其他程序或窗口保存。恢复的工作将作为副本打开；保存时会要求输入新文件名，而不会覆盖那些更改。</translation>
    </message>
    <message>
        <source>Saved without some original files</source>
        <translation>已保存，但缺少部分原始文件</translation>
    </message>
    <message>
        <source>The project was saved with every dataset&apos;s values, but:</source>
        <translation>项目已保存了所有数据集的数值，但：</translation>
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
        <translation>重新排列样品</translation>
    </message>
</context>
<context>
    <name>vanadis::ParamForm</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Show advanced parameters</source>
        <translation>显示高级参数</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>automatic (the sample&apos;s own)</source>
        <translation>自动（该样品自身的）</translation>
    </message>
</context>
<context>
    <name>vanadis::PlotExporter</name>
    <message>
        <source>The figure size %1 × %2 mm is not possible; width and height must be between 0 and %3 mm.</source>
        <translation>图片尺寸 %1 × %2 mm 无效；宽度和高度必须介于 0 到 %3 mm 之间。</translation>
    </message>
    <message>
        <source>The resolution %1 dpi is not possible; choose between %2 and %3 dpi.</source>
        <translation>分辨率 %1 dpi 无效；请选择 %2 到 %3 dpi 之间的值。</translation>
    </message>
    <message>
        <source>No file name was given for the export.</source>
        <translation>未指定导出文件名。</translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation>无法写入文件：%1。</translation>
    </message>
    <message>
        <source>Writing the file failed: %1.</source>
        <translation>写入文件失败：%1。</translation>
    </message>
    <message>
        <source>Created by Vanadis %1</source>
        <translation>由 Vanadis %1 创建</translation>
    </message>
    <message>
        <source>The PDF could not be rendered.</source>
        <translation>无法渲染 PDF。</translation>
    </message>
    <message>
        <source>The SVG could not be rendered.</source>
        <translation>无法渲染 SVG。</translation>
    </message>
    <message>
        <source>“%1” is not a raster format; use PNG or TIFF.</source>
        <translation>“%1”不是位图格式；请使用 PNG 或 TIFF。</translation>
    </message>
    <message>
        <source>TIFF export needs the Qt image format plugins (Debian package qt6-image-formats-plugins), which are not installed. PNG works without them.</source>
        <translation>导出 TIFF 需要 Qt 图像格式插件 (Debian 软件包 qt6-image-formats-plugins)，但尚未安装。PNG 无需这些插件。</translation>
    </message>
    <message>
        <source>The image would have %1 megapixels; reduce the size or the resolution.</source>
        <translation>图像将达到 %1 百万像素；请减小尺寸或分辨率。</translation>
    </message>
    <message>
        <source>There is not enough memory for an image of this size.</source>
        <translation>内存不足，无法生成此尺寸的图像。</translation>
    </message>
    <message>
        <source>The image could not be encoded: %1.</source>
        <translation>无法编码图像：%1。</translation>
    </message>
    <message>
        <source>The export format “%1” is not known; use PDF, SVG, PNG, TIFF or CSV.</source>
        <translation>未知的导出格式“%1”；请使用 PDF、SVG、PNG、TIFF 或 CSV。</translation>
    </message>
    <message>
        <source>Figures can only be rendered in a program with a QApplication (for command-line use, set QT_QPA_PLATFORM=offscreen).</source>
        <translation>只能在带有 QApplication 的程序中渲染图片 (在命令行中使用时，请设置 QT_QPA_PLATFORM=offscreen)。</translation>
    </message>
</context>
<context>
    <name>vanadis::PlotView</name>
    <message>
        <source>Plot</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>Plot area</source>
        <translation>绘图区</translation>
    </message>
    <message>
        <source>Data cursor</source>
        <translation>数据游标</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the figure as PNG (300 dpi), PDF and SVG</source>
        <translation>以 PNG (300 dpi)、PDF 和 SVG 格式复制图片</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>Plot: %1</source>
        <translation>绘图：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 versus %2, %n series</source>
        <translation>
            <numerusform>%1 对 %2，%n 个数据系列</numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>数据系列 %1</translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation>%1：x = %2，y = %3</translation>
    </message>
    <message>
        <source>x = %1, y = %2, z = %3</source>
        <translation>x = %1，y = %2，z = %3</translation>
    </message>
</context>
<context>
    <name>vanadis::Project</name>
    <message>
        <source>An input dataset was removed.</source>
        <translation>一个输入数据集已被移除。</translation>
    </message>
</context>
<context>
    <name>vanadis::ProjectDocument</name>
    <message>
        <source>the project file was replaced or removed by another program since Vanadis read it; saving now would lose those changes or yours. Use Save As to keep your version in a new file</source>
        <translation>自 Vanadis 读取以来，项目文件已被其他程序替换或删除；现在保存会丢失那些更改或您的更改。请使用“另存为”将您的版本保存到新文件</translation>
    </message>
    <message>
        <source>the project file was changed by another program since Vanadis read it; saving now would mix or overwrite those changes. Use Save As to keep your version in a new file</source>
        <translation>自 Vanadis 读取以来，项目文件已被其他程序修改；现在保存会混合或覆盖那些更改。请使用“另存为”将您的版本保存到新文件</translation>
    </message>
    <message>
        <source>this recovered work does not record which version of the project it started from, so saving over the project could overwrite newer changes. Use Save As to keep it in a new file</source>
        <translation>此恢复的工作未记录其所基于的项目版本，覆盖保存项目可能会覆盖较新的更改。请使用“另存为”将其保存到新文件</translation>
    </message>
    <message>
        <source>the project was saved by another program or window after this work was autosaved; saving over it would overwrite those changes. Use Save As to keep the recovered work in a new file</source>
        <translation>此工作自动保存之后，项目又被其他程序或窗口保存过；覆盖保存会覆盖那些更改。请使用“另存为”将恢复的工作保存到新文件</translation>
    </message>
    <message>
        <source>Removed temporary files left beside the project by an interrupted save: %1.</source>
        <translation>已删除一次中断的保存留在项目旁的临时文件：%1。</translation>
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
        <translation>项目树</translation>
    </message>
    <message>
        <source>Untitled series</source>
        <translation>未命名系列</translation>
    </message>
    <message>
        <source>Remove dataset</source>
        <translation>移除数据集</translation>
    </message>
    <message>
        <source>Remove sample</source>
        <translation>移除样品</translation>
    </message>
    <message>
        <source>%1 (%2)
%3
imported by %4 %5
SHA-256 %6</source>
        <translation>%1 (%2)
%3
由 %4 %5 导入
SHA-256 %6</translation>
    </message>
</context>
<context>
    <name>vanadis::RemoveDatasetCommand</name>
    <message>
        <source>Remove dataset %1</source>
        <translation>移除数据集 %1</translation>
    </message>
</context>
<context>
    <name>vanadis::RemoveSampleCommand</name>
    <message>
        <source>Remove sample %1</source>
        <translation>移除样品 %1</translation>
    </message>
</context>
<context>
    <name>vanadis::ResultView</name>
    <message>
        <source>Quantity</source>
        <translation>物理量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Analysis results</source>
        <translation>分析结果</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个点</numerusform>
        </translation>
    </message>
    <message>
        <source>All values</source>
        <translation>全部数值</translation>
    </message>
    <message>
        <source>Correlation with %1</source>
        <translation>与 %1 的相关系数</translation>
    </message>
</context>
<context>
    <name>vanadis::RollbackJournal</name>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is not an SQLite rollback journal</source>
        <translation>它不是 SQLite 回滚日志</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>其文件头已损坏</translation>
    </message>
    <message>
        <source>it was written for a database with %1-byte pages, this file has %2-byte pages</source>
        <translation>它是为页大小 %1 字节的数据库写入的，而此文件的页大小为 %2 字节</translation>
    </message>
    <message>
        <source>it holds no copy of the file&apos;s first page, which every Vanadis save records</source>
        <translation>它不含文件首页的副本，而 Vanadis 每次保存都会记录该副本</translation>
    </message>
    <message>
        <source>the project file is shorter than one page</source>
        <translation>项目文件不足一页</translation>
    </message>
    <message>
        <source>its copy of the first page is of another kind of file</source>
        <translation>其首页副本属于另一种类型的文件</translation>
    </message>
    <message>
        <source>its copy of the first page differs from the file&apos;s</source>
        <translation>其首页副本与文件的首页不同</translation>
    </message>
    <message>
        <source>it was written for another state of a file (change counter %1, this file is at %2)</source>
        <translation>它是为文件的另一状态写入的 (变更计数器 %1，此文件为 %2)</translation>
    </message>
    <message>
        <source>a rollback journal beside the project (%1) does not belong to it (%2) and cannot be moved aside; move it away, then open the project again</source>
        <translation>项目旁的回滚日志 (%1) 不属于该项目 (%2)，且无法移开；请将其移走，然后重新打开项目</translation>
    </message>
    <message>
        <source>the rollback journal %1 beside the project does not belong to it (%2); it was not applied and was moved to %3</source>
        <translation>项目旁的回滚日志 %1 不属于该项目 (%2)；它未被应用，已移至 %3</translation>
    </message>
    <message>
        <source>the file cannot be written</source>
        <translation>无法写入该文件</translation>
    </message>
</context>
<context>
    <name>vanadis::SamplePanel</name>
    <message>
        <source> mg</source>
        <translation> mg</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Active mass per electrode. Capacities in mAh g⁻¹ are divided by it.</source>
        <translation>每个电极的活性物质质量。以 mAh g⁻¹ 表示的比容量按此质量计算。</translation>
    </message>
    <message>
        <source>composite (V2O3@C)</source>
        <translation>复合材料 (V2O3@C)</translation>
    </message>
    <message>
        <source>oxide only (V2O3)</source>
        <translation>仅氧化物 (V2O3)</translation>
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
        <translation>样品名称</translation>
    </message>
    <message>
        <source>Sample colour</source>
        <translation>样品颜色</translation>
    </message>
    <message>
        <source>Active mass in mg</source>
        <translation>活性物质质量 (mg)</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>square</source>
        <translation>方形</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <source>diamond</source>
        <translation>菱形</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>叉形</translation>
    </message>
    <message>
        <source>plus</source>
        <translation>加号</translation>
    </message>
    <message>
        <source>star</source>
        <translation>星形</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>solid</source>
        <translation>实线</translation>
    </message>
    <message>
        <source>dash</source>
        <translation>虚线</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>点线</translation>
    </message>
    <message>
        <source>dashdot</source>
        <translation>点划线</translation>
    </message>
    <message>
        <source>With the &apos;oxide only&apos; basis, capacities are per gram of V2O3: the active mass times (1 − this carbon share), from the sample&apos;s TGA result.</source>
        <translation>采用“仅氧化物”质量基准时，容量以每克 V2O3 计：活性物质质量乘以 (1 − 此碳含量)，碳含量取自样品的 TGA 结果。</translation>
    </message>
    <message>
        <source>Carbon (TGA):</source>
        <translation>碳含量 (TGA):</translation>
    </message>
    <message>
        <source>%1 wt% (the oxide is %2 % of the composite)</source>
        <translation>%1 wt% (氧化物占复合材料的 %2 %)</translation>
    </message>
    <message>
        <source>no TGA result yet: capacities per gram of V2O3 cannot be computed</source>
        <translation>尚无 TGA 结果：无法计算以每克 V2O3 计的容量</translation>
    </message>
    <message>
        <source>no TGA result</source>
        <translation>无 TGA 结果</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>V2O5 (no change in O2)</source>
        <translation>V2O5（在 O2 中不变）</translation>
    </message>
    <message>
        <source>The oxide of the composite before a TGA run in O2 and the V2O5 left after it: the carbon content is corrected for the oxidation&apos;s mass gain. For V2O3@C: V2O3 → V2O5. Not stated: no carbon content from an oxidation (a run may still name its own oxide or use a plain burn-off).</source>
        <translation>复合材料在 O2 中进行 TGA 之前的氧化物及之后残留的 V2O5：碳含量按氧化引起的增重进行校正。V2O3@C 为 V2O3 → V2O5。未说明：不由氧化反应计算碳含量（单次分析仍可自行指定氧化物，或使用单纯烧失模式）。</translation>
    </message>
    <message>
        <source>Com&amp;position (TGA):</source>
        <translation>组成（TGA）(&amp;P)：</translation>
    </message>
    <message>
        <source>Composition of %1: %2</source>
        <translation>%1 的组成：%2</translation>
    </message>
    <message>
        <source>%1 wt% (the oxide is %2 % of the composite), from TGA &apos;%3&apos;, the newest of %4 TGA results</source>
        <translation>%1 wt%（氧化物占复合材料的 %2 %），取自 TGA“%3”，即 %4 个 TGA 结果中最新的一个</translation>
    </message>
</context>
<context>
    <name>vanadis::SetRunCommand</name>
    <message>
        <source>Change %1 parameters</source>
        <translation>更改 %1 参数</translation>
    </message>
</context>
<context>
    <name>vanadis::SetSeriesInfoCommand</name>
    <message>
        <source>Edit series</source>
        <translation>编辑系列</translation>
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
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>No %1 data for the selected samples.
Import files with File → Import, or drop them on this window.</source>
        <translation>所选样品没有 %1 数据。
请通过“文件 → 导入”导入文件，或将文件拖放到此窗口。</translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation>图表(&amp;F):</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Reset this sample&apos;s parameters to the defaults (automatic choices).</source>
        <translation>将此样品的参数重置为默认值 (自动选择)。</translation>
    </message>
    <message>
        <source>Apply to all samples</source>
        <translation>应用到所有样品</translation>
    </message>
    <message>
        <source>Use these parameters for every sample of the series (one undo step).</source>
        <translation>将这些参数用于该系列的所有样品 (一步即可撤销)。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Apply %1 parameters to all samples</source>
        <translation>将 %1 参数应用到所有样品</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>视图(&amp;V):</translation>
    </message>
    <message>
        <source>Analysis or kind of data shown</source>
        <translation>显示的分析或数据类型</translation>
    </message>
    <message>
        <source>Dataset whose parameters and results are shown</source>
        <translation>显示其参数和结果的数据集</translation>
    </message>
    <message>
        <source>Preview while dragging</source>
        <translation>拖动时预览</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The result does not match the parameters yet.</source>
        <translation>结果与当前参数尚不一致。</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Not run on this dataset yet: set the parameters, then run it.</source>
        <translation>尚未在此数据集上运行：设置参数后运行。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Add %1 at %2</source>
        <translation>在 %2 处添加%1</translation>
    </message>
    <message>
        <source>Remove %1 at %2</source>
        <translation>移除 %2 处的%1</translation>
    </message>
    <message>
        <source>Move %1 from %2 to %3</source>
        <translation>将%1从 %2 移到 %3</translation>
    </message>
    <message>
        <source>Save from result</source>
        <translation>从结果保存</translation>
    </message>
    <message>
        <source>This analysis writes no files.</source>
        <translation>该分析不写出文件。</translation>
    </message>
    <message>
        <source>There is no up-to-date result to save: compute it first.</source>
        <translation>没有可保存的最新结果：请先计算。</translation>
    </message>
    <message>
        <source>cannot write the file (%1)</source>
        <translation>无法写入文件（%1）</translation>
    </message>
</context>
<context>
    <name>vanadis::TgaAnalysis</name>
    <message>
        <source>Start oxide</source>
        <translation>初始氧化物</translation>
    </message>
    <message>
        <source>Residue</source>
        <translation>残留物</translation>
    </message>
    <message>
        <source>The compound left at the end of the run in O2 or air.</source>
        <translation>在 O2 或空气中测试结束时残留的化合物。</translation>
    </message>
    <message>
        <source>Start oxide molar mass</source>
        <translation>初始氧化物摩尔质量</translation>
    </message>
    <message>
        <source>Molar mass of a custom start oxide (IUPAC 2021 atomic weights).</source>
        <translation>自定义初始氧化物的摩尔质量 (IUPAC 2021 原子量)。</translation>
    </message>
    <message>
        <source>Residue molar mass</source>
        <translation>残留物摩尔质量</translation>
    </message>
    <message>
        <source>Molar mass of a custom residue.</source>
        <translation>自定义残留物的摩尔质量。</translation>
    </message>
    <message>
        <source>ν (start per residue)</source>
        <translation>ν (初始物/残留物)</translation>
    </message>
    <message>
        <source>Moles of start oxide per mole of residue for a custom pair (2 for 2 VO2 → V2O5).</source>
        <translation>自定义组合中每摩尔残留物对应的初始氧化物摩尔数 (2 VO2 → V2O5 时为 2)。</translation>
    </message>
    <message>
        <source>Dry basis at</source>
        <translation>干基温度</translation>
    </message>
    <message>
        <source>Moisture leaves below this temperature; the dry mass m_dry is read here (tga.md §2: 150–200 °C).</source>
        <translation>水分在此温度以下脱除；干基质量 m_dry 在此读取 (tga.md §2：150–200 °C)。</translation>
    </message>
    <message>
        <source>Dry-mass window</source>
        <translation>干基质量窗口</translation>
    </message>
    <message>
        <source>Width of the temperature window averaged for m_dry, centred on the dry-basis temperature.</source>
        <translation>用于平均计算 m_dry 的温度窗口宽度，以干基温度为中心。</translation>
    </message>
    <message>
        <source>End plateau</source>
        <translation>终点平台</translation>
    </message>
    <message>
        <source>m_end is the mean of the top this-many °C of the run on its last pass (the last this-many °C of a run that only heats; a final cooling segment is left out).</source>
        <translation>m_end 为测试最后一轮中温度最高的该宽度 (°C) 区间内的平均值 (仅升温的测试即为最后该宽度的区间；末尾的降温段不计入)。</translation>
    </message>
    <message>
        <source>End range from</source>
        <translation>末段范围起点</translation>
    </message>
    <message>
        <source>With &apos;End range to&apos; above it: read m_end over this range (its last pass) instead.</source>
        <translation>与高于此值的“末段范围终点”一起使用：改为在此范围内 (最后一轮) 读取 m_end。</translation>
    </message>
    <message>
        <source>End range to</source>
        <translation>末段范围终点</translation>
    </message>
    <message>
        <source>Upper end of the explicit end range.</source>
        <translation>显式末段范围的上限。</translation>
    </message>
    <message>
        <source>Plateau flatness limit</source>
        <translation>平台平坦度限值</translation>
    </message>
    <message>
        <source>Largest mass drift across the end plateau (% of m_dry) before &apos;oxidation may be incomplete&apos;.</source>
        <translation>终点平台上允许的最大质量漂移 (占 m_dry 的 %)，超过则提示“氧化可能不完全”。</translation>
    </message>
    <message>
        <source>DTG window</source>
        <translation>DTG 窗口</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>Savitzky–Golay window (odd), in points. 0 chooses a window spanning min(2 min, 10 °C of heating), 5 to 201 points; densely logged runs are first averaged in blocks so that the span is kept.</source>
        <translation>Savitzky–Golay 窗口 (奇数)，单位为点。0 表示自动选择跨度为 min(2 min, 升温 10 °C) 的窗口，5 到 201 个点；采样密集的数据会先分块平均，以保持该跨度。</translation>
    </message>
    <message>
        <source>DTG polynomial order</source>
        <translation>DTG 多项式阶数</translation>
    </message>
    <message>
        <source>Degree of the local Savitzky–Golay polynomial (Savitzky &amp; Golay 1964); 2 as in vendor packages.</source>
        <translation>局部 Savitzky–Golay 多项式的阶数 (Savitzky &amp; Golay 1964)；2 与仪器厂商软件相同。</translation>
    </message>
    <message>
        <source>DTG also in %/°C</source>
        <translation>同时给出 %/°C 的 DTG</translation>
    </message>
    <message>
        <source>Also give dm/dT. The DTG itself is always against time (isothermal holds make dm/dT blow up).</source>
        <translation>同时给出 dm/dT。DTG 本身始终对时间求导 (恒温段会使 dm/dT 发散)。</translation>
    </message>
    <message>
        <source>Smallest step</source>
        <translation>最小台阶</translation>
    </message>
    <message>
        <source>Steps with a smaller mass change (% of the initial mass) are not reported.</source>
        <translation>质量变化 (占初始质量的 %) 小于此值的台阶不予报告。</translation>
    </message>
    <message>
        <source>Step threshold</source>
        <translation>台阶阈值</translation>
    </message>
    <message>
        <source>A step&apos;s DTG peak must exceed this many standard deviations of the DTG noise.</source>
        <translation>台阶的 DTG 峰须超过 DTG 噪声标准差的此倍数。</translation>
    </message>
    <message>
        <source>Baseline width</source>
        <translation>基线宽度</translation>
    </message>
    <message>
        <source>Width of the straight baselines before and after a step for the onset/endset tangents (ISO 11358-1).</source>
        <translation>台阶前后用于起始/终止切线的直线基线宽度 (ISO 11358-1)。</translation>
    </message>
    <message>
        <source>Mass change from</source>
        <translation>质量变化起点</translation>
    </message>
    <message>
        <source>First cursor of a mass-change reading (null: none).</source>
        <translation>质量变化读数的第一个游标 (“无”表示不读取)。</translation>
    </message>
    <message>
        <source>Mass change to</source>
        <translation>质量变化终点</translation>
    </message>
    <message>
        <source>Second cursor of a mass-change reading (null: none).</source>
        <translation>质量变化读数的第二个游标 (“无”表示不读取)。</translation>
    </message>
    <message>
        <source>Residue at</source>
        <translation>残留质量温度</translation>
    </message>
    <message>
        <source>Temperature of a residual-mass reading (null: none).</source>
        <translation>读取残留质量的温度 (“无”表示不读取)。</translation>
    </message>
    <message>
        <source>Mass-change cursors</source>
        <translation>质量变化游标</translation>
    </message>
    <message>
        <source>Carbon content</source>
        <translation>碳含量</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>corrected for the oxide&apos;s oxidation</source>
        <translation>经氧化物氧化校正</translation>
    </message>
    <message>
        <source>plain burn-off</source>
        <translation>直接烧失</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Oxidation: w_C = 1 − (m_end/m_dry)·ν·M_start/M_residue, needs the start oxide. Plain burn-off: w_C = the loss between the dry mass and the end plateau (a residue that does not change, e.g. a catalyst support). Off: runs that are not a burn-off.</source>
        <translation>氧化校正：w_C = 1 − (m_end/m_dry)·ν·M_start/M_residue，需要指定初始氧化物。直接烧失：w_C = 干基质量与终点平台之间的失重 (残留物不发生变化，如催化剂载体)。关：用于非烧失类测试。</translation>
    </message>
    <message>
        <source>Blank run</source>
        <translation>空白测试</translation>
    </message>
    <message>
        <source>An empty-crucible run under the same programme: its mass change, interpolated on temperature, is subtracted (buoyancy and drift). Masses in mg.</source>
        <translation>在相同温度程序下进行的空坩埚测试：其质量变化按温度插值后扣除 (浮力与漂移)。质量单位为 mg。</translation>
    </message>
    <message>
        <source>Buoyancy coefficient</source>
        <translation>浮力系数</translation>
    </message>
    <message>
        <source>The apparent mass gain from buoyancy, % of the initial mass per 100 K, from the instrument&apos;s calibration; removed before reading. Without it or a blank the carbon uncertainty includes a typical 0.05 % per 100 K.</source>
        <translation>由浮力引起的表观增重，以每 100 K 占初始质量的 % 表示，取自仪器校准；在读数前扣除。若既无此系数也无空白测试，碳含量的不确定度将计入典型值每 100 K 0.05 %。</translation>
    </message>
    <message>
        <source>No carbon content: say which oxide the sample starts from (Start oxide; --start-oxide), e.g. V2O3 → V2O5 for V2O3@C, or choose a plain burn-off.</source>
        <translation>无碳含量：请指明样品的初始氧化物 (初始氧化物；--start-oxide)，如 V2O3@C 为 V2O3 → V2O5，或选择直接烧失。</translation>
    </message>
    <message>
        <source>The mass rises by %1 % before the dry-basis temperature (negative moisture): buoyancy, a balance drift or an oxidation starting early; check the blank.</source>
        <translation>在干基温度之前质量上升了 %1 % (水分为负)：可能是浮力、天平漂移或氧化提前开始；请检查空白测试。</translation>
    </message>
    <message>
        <source>The step at %1 °C lies on a cooling segment: its onset and endset are not those of a heating step; read it with care.</source>
        <translation>%1 °C 处的台阶位于降温段：其起始和终止温度并非升温台阶的起始和终止温度；请谨慎解读。</translation>
    </message>
    <message>
        <source>The step at %1 °C has its onset or endset (%2–%3 °C) outside the measured range %4–%5 °C: the tangent construction extrapolates; treat them as estimates.</source>
        <translation>%1 °C 处台阶的起始或终止温度 (%2–%3 °C) 超出测量范围 %4–%5 °C：切线作图为外推所得；请视为估计值。</translation>
    </message>
    <message>
        <source>as the sample states</source>
        <translation>按样品所述</translation>
    </message>
    <message>
        <source>The oxide in the composite before the run (V2O3 for V2O3@C). V2O3 and VO2 gain mass as they oxidise to V2O5; V2O5 needs no correction. &apos;custom&apos; uses the molar masses and ν below (tga.md §2). &apos;As the sample states&apos;: the composition entered once for the sample (sample panel), with its residue. Not set, or a sample that states none: no oxidation-corrected carbon content.</source>
        <translation>测试前复合材料中的氧化物（V2O3@C 为 V2O3）。V2O3 和 VO2 氧化为 V2O5 时增重；V2O5 无需校正。“自定义”使用下方的摩尔质量和 ν（tga.md §2）。“按样品所述”：使用在样品面板中为样品输入一次的组成及其残留物。未设置，或样品未说明组成：不给出经氧化校正的碳含量。</translation>
    </message>
    <message>
        <source>No carbon content: the sample does not state its composition. Enter it once in the sample panel (for V2O3@C: V2O3 → V2O5), choose the start oxide here, or a plain burn-off.</source>
        <translation>无碳含量：样品未说明其组成。请在样品面板中输入一次（V2O3@C 为 V2O3 → V2O5），或在此选择起始氧化物，或使用单纯烧失模式。</translation>
    </message>
</context>
<context>
    <name>vanadis::VersaStudioParImporter</name>
    <message>
        <source>Princeton VersaStudio file (.par)</source>
        <translation>Princeton VersaStudio 文件 (.par)</translation>
    </message>
    <message>
        <source>The file ends inside segment %1 (cut short?): its last row, line %2, was left out.</source>
        <translation>文件在第 %1 段中途结束 (被截断？)：已略去该段的最后一行 (第 %2 行)。</translation>
    </message>
    <message>
        <source>The file does not say which technique %1 is: read as potential and current against time.</source>
        <translation>文件未说明 %1 属于哪种技术：按电位和电流随时间读取。</translation>
    </message>
</context>
<context>
    <name>vanadis::XrdAnalysis</name>
    <message>
        <source>Reference phase</source>
        <translation>参考物相</translation>
    </message>
    <message>
        <source>V₂O₃ (R-3c)</source>
        <translation>V₂O₃ (R-3c)</translation>
    </message>
    <message>
        <source>corundum Al₂O₃ (R-3c)</source>
        <translation>刚玉 Al₂O₃ (R-3c)</translation>
    </message>
    <message>
        <source>silicon (Fd-3m)</source>
        <translation>硅 (Fd-3m)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reflections computed from the crystal structure (bundled CIF) at the file&apos;s wavelength: ticks, indexing and the cell refinement.</source>
        <translation>按文件中的波长由晶体结构 (内置 CIF) 计算的衍射峰：用于峰位标记、指标化和晶胞精修。</translation>
    </message>
    <message>
        <source>Wavelength Kα1</source>
        <translation>Kα1 波长</translation>
    </message>
    <message>
        <source>Leave empty to use the wavelength the file states.</source>
        <translation>留空则使用文件中注明的波长。</translation>
    </message>
    <message>
        <source>Peak threshold</source>
        <translation>寻峰阈值</translation>
    </message>
    <message>
        <source>A peak must stand this many counting-noise standard deviations above its surroundings (5: no false peaks on pure noise).</source>
        <translation>峰须高出其周围计数噪声标准差的此倍数 (5：纯噪声上不会出现假峰)。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>峰形函数</translation>
    </message>
    <message>
        <source>pseudo-Voigt</source>
        <translation>赝 Voigt</translation>
    </message>
    <message>
        <source>split pseudo-Voigt</source>
        <translation>分裂赝 Voigt</translation>
    </message>
    <message>
        <source>Pearson VII</source>
        <translation>Pearson VII</translation>
    </message>
    <message>
        <source>Voigt</source>
        <translation>Voigt</translation>
    </message>
    <message>
        <source>Line shape of the profile fit (Voigt: Gaussian and Lorentzian widths apart, best for sizes).</source>
        <translation>峰形拟合所用的线形 (Voigt：分别给出高斯和洛伦兹宽度，最适合尺寸分析)。</translation>
    </message>
    <message>
        <source>Kα1/Kα2 doublets</source>
        <translation>Kα1/Kα2 双线</translation>
    </message>
    <message>
        <source>Fit each line as a Kα1/Kα2 pair at the file&apos;s wavelengths (positions and widths are then those of Kα1).</source>
        <translation>按文件中的波长将每条衍射线拟合为 Kα1/Kα2 双线 (此时峰位和峰宽均为 Kα1 的值)。</translation>
    </message>
    <message>
        <source>Amorphous hump</source>
        <translation>非晶峰包</translation>
    </message>
    <message>
        <source>Add a broad component under the lines, so that weak lines do not swallow an amorphous hump.</source>
        <translation>在衍射线下方加入一个宽分量，以免非晶峰包被弱衍射线吸收。</translation>
    </message>
    <message>
        <source>Indexing tolerance</source>
        <translation>指标化容差</translation>
    </message>
    <message>
        <source>An observed peak takes a reference line within this |Δ2θ| (or half its FWHM when wider).</source>
        <translation>观测峰归属于 |Δ2θ| 在此范围内的参考衍射线 (若其半高宽的一半更大，则取半高宽的一半)。</translation>
    </message>
    <message>
        <source>Position correction</source>
        <translation>峰位校正</translation>
    </message>
    <message>
        <source>sample displacement</source>
        <translation>样品偏移</translation>
    </message>
    <message>
        <source>zero shift</source>
        <translation>零点偏移</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source>Refined with the cell: a sample-height displacement (Δ2θ ∝ cos θ, Bragg–Brentano), a constant zero shift, or both (strongly correlated over a short range).</source>
        <translation>与晶胞参数一起精修：样品高度偏移 (Δ2θ ∝ cos θ，Bragg–Brentano)、恒定的零点偏移，或两者兼有 (在较窄的角度范围内强相关)。</translation>
    </message>
    <message>
        <source>Scherrer K</source>
        <translation>谢乐常数 K</translation>
    </message>
    <message>
        <source>Shape factor: 0.9 with the FWHM, ≈ 1 with the integral breadth (Langford &amp; Wilson 1978).</source>
        <translation>形状因子：使用半高宽时取 0.9，使用积分宽度时 ≈ 1 (Langford &amp; Wilson 1978)。</translation>
    </message>
    <message>
        <source>Breadth</source>
        <translation>峰宽</translation>
    </message>
    <message>
        <source>FWHM</source>
        <translation>半高宽</translation>
    </message>
    <message>
        <source>integral breadth</source>
        <translation>积分宽度</translation>
    </message>
    <message>
        <source>Which width enters Scherrer and Williamson–Hall.</source>
        <translation>用于谢乐公式和 Williamson–Hall 分析的峰宽。</translation>
    </message>
    <message>
        <source>Instrument U</source>
        <translation>仪器参数 U</translation>
    </message>
    <message>
        <source>Caglioti Γ² = U tan²θ + V tanθ + W of the instrument (from a standard such as LaB6 or Si); all 0: not removed, sizes are lower bounds.</source>
        <translation>仪器的 Caglioti 函数 Γ² = U tan²θ + V tanθ + W (由 LaB6 或 Si 等标样测得)；全为 0：不扣除仪器展宽，尺寸为下限值。</translation>
    </message>
    <message>
        <source>Instrument V</source>
        <translation>仪器参数 V</translation>
    </message>
    <message>
        <source>Instrument W</source>
        <translation>仪器参数 W</translation>
    </message>
    <message>
        <source>No cell refinement: %1.</source>
        <translation>无晶胞精修：%1。</translation>
    </message>
    <message>
        <source>The instrument broadening is not known (Caglioti U, V, W all 0): crystallite sizes are lower bounds. Fit a standard (LaB6, Si) measured with the same optics and enter its U, V, W.</source>
        <translation>仪器展宽未知 (Caglioti U、V、W 均为 0)：晶粒尺寸为下限值。请拟合在相同光路下测得的标样 (LaB6、Si)，并输入其 U、V、W。</translation>
    </message>
    <message>
        <source>%1 peak(s) match no %2 reflection: a possible impurity or another phase.</source>
        <translation>有 %1 个峰与 %2 的衍射峰均不匹配：可能为杂质或其他物相。</translation>
    </message>
    <message>
        <source>%1 (%2 lines)</source>
        <translation>%1 (%2 条谱线)</translation>
    </message>
    <message>
        <source>Only %1 of %2 peaks match %3: the pattern is not this phase, so no cell is refined. Choose the phase of the sample.</source>
        <translation>%2 个峰中仅 %1 个与 %3 匹配：该图谱不是此物相，因此不精修晶胞。请选择样品的物相。</translation>
    </message>
    <message>
        <source>Reference structure (CIF)</source>
        <translation>参考结构 (CIF)</translation>
    </message>
    <message>
        <source>A crystal structure imported from a CIF file (File ▸ Import): its reflections replace the bundled phase for ticks, indexing and the cell refinement.</source>
        <translation>从 CIF 文件导入的晶体结构 (文件 ▸ 导入)：其衍射峰将取代内置物相，用于峰位标记、指标化和晶胞精修。</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>衍射几何</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>按文件所述</translation>
    </message>
    <message>
        <source>reflection (Bragg–Brentano)</source>
        <translation>反射 (Bragg–Brentano)</translation>
    </message>
    <message>
        <source>transmission (capillary, Debye–Scherrer)</source>
        <translation>透射 (毛细管，Debye–Scherrer)</translation>
    </message>
    <message>
        <source>Form of the displacement term: Δ2θ ∝ cos θ for a flat specimen in reflection, ∝ cos 2θ for a capillary off the axis. &apos;From the file&apos;: what the file states, else reflection.</source>
        <translation>偏移项的形式：反射模式下的平板样品为 Δ2θ ∝ cos θ，偏离轴心的毛细管为 ∝ cos 2θ。“按文件所述”：采用文件中注明的几何，未注明时按反射处理。</translation>
    </message>
    <message>
        <source>d-spacing top axis</source>
        <translation>顶部 d 值坐标轴</translation>
    </message>
    <message>
        <source>Label the top axis of the pattern figures with d = λ/(2 sin θ) in Å.</source>
        <translation>在衍射图谱的顶部坐标轴上标注晶面间距 d = λ/(2 sin θ)，单位为 Å。</translation>
    </message>
    <message>
        <source>The file states Kα2 (%1 Å) but the resolved lines show none (a Kα1 monochromator?): the lines are fitted as single Kα1 lines.</source>
        <translation>文件注明了 Kα2 (%1 Å)，但分辨出的衍射线中并无 Kα2 (是否使用了 Kα1 单色器？)：衍射线按单一 Kα1 线拟合。</translation>
    </message>
    <message>
        <source>2θ</source>
        <translation>2θ</translation>
    </message>
    <message>
        <source>Peaks added</source>
        <translation>添加的峰</translation>
    </message>
    <message>
        <source>Lines fitted besides those the peak search finds, started at these 2θ with the height of the pattern there. Double-click the profile fit to add one, drag its marker to move it, right-click it to take it out.</source>
        <translation>除寻峰找到的衍射线外额外拟合的衍射线，以这些 2θ 处的图谱高度为初值。在峰形拟合图上双击可添加，拖动其标记可移动，右击可删除。</translation>
    </message>
    <message>
        <source>Peaks removed</source>
        <translation>移除的峰</translation>
    </message>
    <message>
        <source>Peaks the search found within the indexing tolerance of these 2θ are left out of the fit. Shift+click a peak on the profile fit to remove it; right-click the marker to bring the peak back.</source>
        <translation>寻峰在这些 2θ 的指标化容差内找到的峰不参与拟合。在峰形拟合图上 Shift+单击某峰可将其移除；右击其标记可恢复该峰。</translation>
    </message>
    <message>
        <source>The added peak at %1° is outside the pattern (%2–%3°): left out.</source>
        <translation>添加的 %1° 处的峰超出图谱范围（%2–%3°）：未采用。</translation>
    </message>
    <message>
        <source>Intensity scale</source>
        <translation>强度标度</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>square root</source>
        <translation>平方根</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>How the stacked patterns draw their intensity: √I or log I bring weak lines (an impurity, the amorphous hump) up beside the strong ones. The analysis is unchanged.</source>
        <translation>堆叠图谱的强度显示方式：√I 或 log I 可使弱衍射线（杂相、非晶鼓包）与强线一同清晰可见。分析结果不变。</translation>
    </message>
    <message>
        <source>Instrument function</source>
        <translation>仪器函数</translation>
    </message>
    <message>
        <source>An instrument function fitted to a standard measured on this instrument (saved from the XRD tab or with --write-instrument, then imported): it replaces the manual U, V, W.</source>
        <translation>由本仪器测得的标样拟合得到的仪器函数（从 XRD 选项卡或用 --write-instrument 保存后导入）：它将取代手动输入的 U、V、W。</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>SNIP (automatic)</source>
        <translation>SNIP（自动）</translation>
    </message>
    <message>
        <source>spline through points</source>
        <translation>过点样条</translation>
    </message>
    <message>
        <source>polynomial through points</source>
        <translation>过点多项式</translation>
    </message>
    <message>
        <source>SNIP clips the peaks off automatically; the points modes draw a natural cubic spline or a least-squares polynomial through anchors you place with Ctrl+click on the profile fit (each at the smoothed intensity there).</source>
        <translation>SNIP 自动削去峰；点模式则通过您在峰形拟合图上用 Ctrl+单击放置的锚点绘制自然三次样条或最小二乘多项式（每个锚点取该处平滑后的强度）。</translation>
    </message>
    <message>
        <source>Polynomial degree</source>
        <translation>多项式阶数</translation>
    </message>
    <message>
        <source>Degree of the polynomial through the background points (lowered when there are fewer points than degree + 1).</source>
        <translation>通过背景点的多项式阶数（点数少于阶数 + 1 时自动降低）。</translation>
    </message>
    <message>
        <source>Background points</source>
        <translation>背景点</translation>
    </message>
    <message>
        <source>2θ of the points the background passes through (modes &apos;spline&apos; and &apos;polynomial through points&apos;). Ctrl+click the profile fit to add one, drag its marker to move it, right-click it to take it out.</source>
        <translation>背景所经过各点的 2θ（“过点样条”和“过点多项式”模式）。在峰形拟合图上 Ctrl+单击添加，拖动标记移动，右键单击删除。</translation>
    </message>
    <message>
        <source>The background point at %1° is outside the pattern (%2–%3°): left out.</source>
        <translation>位于 %1° 的背景点超出图谱范围（%2–%3°）：已忽略。</translation>
    </message>
    <message>
        <source>The background through points needs at least %1 point(s) inside the pattern, there are %2: SNIP is used instead. Ctrl+click the profile fit where there is only background.</source>
        <translation>过点背景至少需要图谱范围内的 %1 个点，当前只有 %2 个：改用 SNIP。请在峰形拟合图上仅有背景处 Ctrl+单击。</translation>
    </message>
    <message>
        <source>A polynomial of degree %1 needs %2 background points, there are %3: degree %4 is used.</source>
        <translation>%1 阶多项式需要 %2 个背景点，当前只有 %3 个：改用 %4 阶。</translation>
    </message>
    <message>
        <source>The instrument function &apos;%1&apos; was measured at λ = %2 Å, this pattern at %3 Å: its widths in 2θ may not apply.</source>
        <translation>仪器函数“%1”在 λ = %2 Å 下测得，而本图谱为 %3 Å：其 2θ 宽度可能不适用。</translation>
    </message>
    <message>
        <source>The instrument function &apos;%1&apos; was fitted to lines between %2° and %3°; beyond them it is extrapolated.</source>
        <translation>仪器函数“%1”是用 %2° 至 %3° 之间的谱线拟合的；超出此范围为外推。</translation>
    </message>
    <message>
        <source>Save as instrument function…</source>
        <translation>另存为仪器函数…</translation>
    </message>
    <message>
        <source>Instrument function (*.json)</source>
        <translation>仪器函数 (*.json)</translation>
    </message>
</context>
<context>
    <name>vanadis::XrdSeriesAnalysis</name>
    <message>
        <source>Lines followed</source>
        <translation>跟踪的衍射线数</translation>
    </message>
    <message>
        <source>The strongest lines of the first scan that are followed (when no positions are given).</source>
        <translation>未给出衍射线位置时，跟踪第一次扫描中最强的这么多条衍射线。</translation>
    </message>
    <message>
        <source>Line positions</source>
        <translation>衍射线位置</translation>
    </message>
    <message>
        <source>2θ of the lines to follow in the first scan, separated by commas (e.g. 24.3, 33.0); empty: the strongest lines.</source>
        <translation>第一次扫描中要跟踪的衍射线的 2θ，以逗号分隔 (如 24.3, 33.0)；留空：取最强的衍射线。</translation>
    </message>
    <message>
        <source>Search window</source>
        <translation>搜索窗口</translation>
    </message>
    <message>
        <source>A line is fitted within ± this of its position in the previous scan (at most half the distance to the next followed line).</source>
        <translation>在该衍射线于上一次扫描中位置的 ± 此范围内拟合 (至多为与相邻跟踪衍射线间距的一半)。</translation>
    </message>
    <message>
        <source>Peak threshold</source>
        <translation>寻峰阈值</translation>
    </message>
    <message>
        <source>Significance of the lines found in the first scan.</source>
        <translation>第一次扫描中寻峰所需的显著性。</translation>
    </message>
    <message>
        <source>Kα1/Kα2 doublets</source>
        <translation>Kα1/Kα2 双线</translation>
    </message>
    <message>
        <source>Fit Kα1/Kα2 pairs where the file states Kα2 and the resolved lines show it.</source>
        <translation>当文件注明 Kα2 且分辨出的衍射线中可见 Kα2 时，按 Kα1/Kα2 双线拟合。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>峰形函数</translation>
    </message>
    <message>
        <source>pseudo-Voigt</source>
        <translation>赝 Voigt</translation>
    </message>
    <message>
        <source>split pseudo-Voigt</source>
        <translation>分裂赝 Voigt</translation>
    </message>
    <message>
        <source>Pearson VII</source>
        <translation>Pearson VII</translation>
    </message>
    <message>
        <source>Line shape of the fits.</source>
        <translation>拟合所用的线形。</translation>
    </message>
    <message>
        <source>scan %1</source>
        <translation>第 %1 次扫描</translation>
    </message>
    <message>
        <source>The file states Kα2 but the resolved lines show none: the lines are fitted as single Kα1 lines.</source>
        <translation>文件注明了 Kα2，但分辨出的衍射线中并无 Kα2：衍射线按单一 Kα1 线拟合。</translation>
    </message>
    <message>
        <source>Scan %1: %2</source>
        <translation>第 %1 次扫描：%2</translation>
    </message>
    <message>
        <source>The line near %1° could not be fitted in %2 of %3 scans.</source>
        <translation>%1° 附近的衍射线在 %3 次扫描中有 %2 次无法拟合。</translation>
    </message>
    <message>
        <source>Cycling record</source>
        <translation>循环记录</translation>
    </message>
    <message>
        <source>The galvanostatic record measured during the series: each scan gets the cell voltage at its mid-time and the heat map the voltage–time curve beside it. Automatic: the sample&apos;s only cycling record with a voltage–time curve.</source>
        <translation>与该系列同时测得的恒流记录：每次扫描取其中间时刻的电池电压，热图旁附电压–时间曲线。自动：该样品唯一带电压–时间曲线的循环记录。</translation>
    </message>
    <message>
        <source>Scan times</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>取自文件</translation>
    </message>
    <message>
        <source>from the scan interval</source>
        <translation>按扫描间隔</translation>
    </message>
    <message>
        <source>When each scan was measured: the start times the file states (automatic when every scan has one), or one scan per interval from the start offset.</source>
        <translation>每次扫描的测量时间：文件所给的开始时间（每次扫描都有时自动采用），或从起始偏移开始每个间隔一次扫描。</translation>
    </message>
    <message>
        <source>Scan interval</source>
        <translation>扫描间隔</translation>
    </message>
    <message>
        <source>Time from one scan&apos;s start to the next one&apos;s.</source>
        <translation>从一次扫描开始到下一次扫描开始的时间。</translation>
    </message>
    <message>
        <source>Start offset</source>
        <translation>起始偏移</translation>
    </message>
    <message>
        <source>Start of the first scan on the cycling record&apos;s clock. Empty: from the record&apos;s stated start time when both files state clock times, else 0.</source>
        <translation>第一次扫描在循环记录时钟上的开始时间。留空：两个文件都给出时钟时间时取记录所述的开始时间，否则为 0。</translation>
    </message>
    <message>
        <source>2θ range shown</source>
        <translation>显示的 2θ 范围</translation>
    </message>
    <message>
        <source>The 2θ window of the waterfall and the heat map (a shift of a few tenths of a degree shows in a window of a few degrees); empty = the whole scan. The fits are unchanged.</source>
        <translation>瀑布图和热图的 2θ 窗口（零点几度的位移在几度宽的窗口中才看得清）；留空 = 整个扫描。拟合不受影响。</translation>
    </message>
    <message>
        <source>The sample has %1 cycling records with a voltage–time curve: choose the one measured with the series (Cycling record) to see the voltages.</source>
        <translation>该样品有 %1 个带电压–时间曲线的循环记录：请选择与该系列同时测得的那个（循环记录）以显示电压。</translation>
    </message>
    <message>
        <source>The scans state no start times: give the scan interval to place them on the cycling record.</source>
        <translation>扫描未给出开始时间：请给出扫描间隔，以便将其对应到循环记录上。</translation>
    </message>
    <message>
        <source>The cycling record &apos;%1&apos; covers %2–%3 h, but %4 of %5 scans (scans %6–%7, at %8–%9 h) lie outside it: they have no voltage. Check the start offset or the record.</source>
        <translation>循环记录“%1”覆盖 %2–%3 h，但 %5 次扫描中有 %4 次（扫描 %6–%7，位于 %8–%9 h）在其范围之外：这些扫描没有电压。请检查起始偏移或记录。</translation>
    </message>
</context>
<context>
    <name>vanadis::insitu</name>
    <message>
        <source>The scans&apos; start times are not in order (scan %1 starts before scan %2): the series keeps the order of its inputs.</source>
        <translation>扫描开始时间未按顺序排列（扫描 %1 早于扫描 %2 开始）：系列保持输入顺序。</translation>
    </message>
</context>
</TS>
