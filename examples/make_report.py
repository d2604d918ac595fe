"""Builds examples/report2020.ods: the 2020 ICT-industry resumption survey report
recomputed with surveycalc formulas over SYNTHETIC microdata.

Sheets:
  Report    the report's figures laid out like the report (table 1, regions,
            figure 1 with Wilson intervals and a chart, figure 2 with a chart,
            the size table with SHARES, a CROSSTAB of obstacles by region,
            Chongqing against the rest, data checks)
  Cities    the 14 software cities of 002 (resumption, return and on-site
            rates as ratios of sums with SUMRATIO)
  Figures   one row per figure of published-figures.csv: the published value
            and a reference to the Report or Cities cell that computes it
  Data      707 synthetic firm responses (examples/data/firms.csv)
  CityData  synthetic per-city split of the published city totals (cities.csv)

    /usr/bin/python3 examples/make_report.py build/surveycalc.oxt examples/report2020.ods
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
import uno  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.table.CellHoriJustify import RIGHT  # noqa: E402
from office import Office  # noqa: E402

DATA_DIR = os.path.join(HERE, "data")
N = 707  # firms: Data rows 2..708
FIRST, LAST = 2, N + 1


def rng(col):
    """An absolute reference to a Data column over all firms."""
    return "Data.$%s$%d:$%s$%d" % (col, FIRST, col, LAST)


SCORE, PLACE, SIZE, RESUMED, OBST, ID = rng("F"), rng("B"), rng("C"), rng("E"), rng("G"), rng("A")
# The report's mention rates use every valid questionnaire as the base.
BASE_ALL = '"base";"all";%s;"<>"' % ID

FIG1 = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "当地政府严格限制开复工",
        "客户资源受损", "远程办公无法实现"]
SEC22 = ["限制疫情严重地区员工流入", "返岗员工不足"]
SUPPLY = "物流不畅通"
# Figure 1's table (and chart): the nine obstacles by published mention rate,
# highest first (53.3, 44.0, 42.4, 32.5, 32.0, 26.9, 24.6, 19.9 = 141/707, 12.9).
OBSTACLES = ["外地员工返岗需隔离", "上下游产业链难以协同复工", "防护资源难以充足准备", "当地政府严格限制开复工",
             "客户资源受损", "返岗员工不足", "限制疫情严重地区员工流入", SUPPLY, "远程办公无法实现"]
FIG1_ROW = 53  # first data row of figure 1's table
TABLE1 = (15, 48)  # table 1's rows (GROUPTABLE, 34 rows reserved)
SIZES = ["微型", "小型", "中型", "大型"]
REGIONS = ["长三角", "珠三角", "京津冀"]
RESTRICT = "当地政府严格限制开复工"
RESTRICT_PROVINCES = ["安徽省", "陕西省", "重庆市"]


def read_csv(name):
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        return list(csv.reader(f))


def put_table(sheet, rows, numeric_cols, header=None):
    """Writes rows (header first) at A1; numeric_cols hold numbers, blanks stay blank.
    header: the header row to show instead of the file's (Chinese column names)."""
    if header is not None:
        assert len(header) == len(rows[0]), (header, rows[0])
        rows = [header] + rows[1:]
    data = []
    for i, r in enumerate(rows):
        out = []
        for j, v in enumerate(r):
            if i > 0 and j in numeric_cols and v != "":
                out.append(float(v))
            else:
                out.append(v)
        data.append(tuple(out))
    width = len(rows[0])
    sheet.getCellRangeByPosition(0, 0, width - 1, len(rows) - 1).setDataArray(tuple(data))
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v == "":
                sheet.getCellByPosition(j, i).clearContents(1 | 2 | 4 | 16)
    set_bold(sheet.getCellRangeByPosition(0, 0, width - 1, 0))
    for j in range(width):
        sheet.getColumns().getByIndex(j).OptimalWidth = True


# Column names of the data sheets (the CSV files keep their English names).
FIRMS_HEADER = ["编号", "省份（填写）", "规模", "业务领域", "是否复工", "开复工难度", "困难（多选）", "供应链物流困难",
                "省份（实际）", "城市（实际）", "区域（实际）", "填写层级", "来源"]
CITIES_HEADER = ["城市", "城市类型", "企业类别", "软件百强", "重点软件企业", "企业数", "已复工企业数", "员工数",
                 "返岗人数", "到岗人数", "来源"]


def set_bold(cells):
    """Bold for Latin, Chinese (Asian) and complex-script text alike: CharWeight
    alone leaves Chinese characters regular."""
    cells.CharWeight = cells.CharWeightAsian = cells.CharWeightComplex = 150.0


def font_size(cells, pt):
    cells.CharHeight = cells.CharHeightAsian = cells.CharHeightComplex = pt


class Writer:
    """Writes labels and formulas into a sheet row by row."""

    def __init__(self, doc, sheet):
        self.doc = doc
        self.sheet = sheet
        self.formats = doc.NumberFormats
        self.locale = doc.CharLocale

    def fmt(self, code):
        key = self.formats.queryKey(code, self.locale, False)
        return key if key != -1 else self.formats.addNew(code, self.locale)

    def cell(self, ref, content, fmt=None, bold=False):
        c = self.sheet.getCellRangeByName(ref)
        if isinstance(content, str) and content.startswith("="):
            c.setFormula(content)
        elif isinstance(content, (int, float)):
            c.setValue(content)
        else:
            c.setString(content)
        if fmt:
            c.NumberFormat = self.fmt(fmt)
        if bold:
            set_bold(c)
        return c

    def array(self, ref, formula, fmt=None):
        r = self.sheet.getCellRangeByName(ref)
        r.setArrayFormula(formula)
        if fmt:
            r.NumberFormat = self.fmt(fmt)
        return r

    def chart(self, name, ref, title, anchor, w_cm=14, h_cm=7, horizontal=False, axis_format=None):
        """A bar chart of `ref` (header row first, labels in its first column): every
        row of the table, the first row first (at the top when horizontal), the
        value axis from 0, values on the bars."""
        pos = self.sheet.getCellRangeByName(anchor).Position  # 1/100 mm
        rect = Rectangle(pos.X, pos.Y, int(w_cm * 1000), int(h_cm * 1000))
        charts = self.sheet.getCharts()
        charts.addNewByName(name, rect, (self.sheet.getCellRangeByName(ref).getRangeAddress(),), True, True)
        chart = charts.getByName(name).getEmbeddedObject()
        chart.setDiagram(chart.createInstance("com.sun.star.chart.BarDiagram"))
        diagram = chart.getDiagram()
        diagram.Vertical = horizontal
        chart.HasMainTitle = True
        chart.getTitle().String = title
        set_bold(chart.getTitle())
        font_size(chart.getTitle(), 11.0)
        chart.HasLegend = False
        diagram.getWall().FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")
        axis = diagram.getYAxis()  # the value axis, whichever way the bars lie
        axis.AutoMin = False
        axis.Min = 0.0
        if axis_format:
            axis.LinkNumberFormatToSource = False
            axis.NumberFormat = self.fmt(axis_format)
        diagram.DataCaption = 1  # com.sun.star.chart.ChartDataCaption.VALUE, in the cells' format
        if horizontal:
            # Horizontal bars start at the bottom: reverse the category axis so
            # the table's first row is the top bar, as in the table.
            model = chart  # chart2 model of the same object
            x = model.getFirstDiagram().getCoordinateSystems()[0].getAxisByDimension(0, 0)
            scale = x.getScaleData()
            scale.Orientation = uno.Enum("com.sun.star.chart2.AxisOrientation", "REVERSE")
            x.setScaleData(scale)
            # ... and keep the value axis at the bottom, where the reversed axis ends.
            axis.CrossoverPosition = uno.Enum("com.sun.star.chart.ChartAxisPosition", "END")
        return chart


def fit_page_width(doc, sheet):
    """A4 landscape, one page wide, so the PDF keeps tables and charts together."""
    style = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    style.IsLandscape = True
    style.Width, style.Height = 29700, 21000
    style.ScaleToPagesX = 1
    style.HeaderIsOn = False  # the footer keeps the page number
    style.ScaleToPagesY = 0


# One precision per kind of figure: percentages with two decimals everywhere
# (the printed size shares and city rates have two), scores with one, score
# intervals with two; p-values below 0.001 show as <0.001 (the cell keeps the value).
PCT, SCORE_FMT, SCORE_CI, INT, P_FMT = "0.00%", "0.0", "0.00", "#,##0", '[<0.001]"<0.001";0.000'
AXIS_PCT = "0%"


def header(w, row, heads, text_cols=(0,)):
    """A table's header row: bold; right-aligned over the figures (every column
    but text_cols, those that hold text), as the figures below are."""
    for i, head in enumerate(heads):
        c = w.cell("%s%d" % (chr(ord("A") + i), row), head, bold=True)
        if i not in text_cols:
            c.HoriJustify = RIGHT


def build_report(doc, w):
    # Column widths first: charts are placed at cell positions. Wide enough for
    # every header ("95% 下限 (Wilson)", bold) and label; tests/e2e/test_report_pdf.py checks it.
    w.sheet.getColumns().getByIndex(0).Width = 10500
    for i in range(1, 5):
        w.sheet.getColumns().getByIndex(i).Width = 3800
    w.cell("A1", "信息通信行业企业开复工调查（2020年2月）— surveycalc 重算", bold=True)
    font_size(w.sheet.getCellRangeByName("A1"), 14.0)
    w.cell("A2", "数据为合成数据（SYNTHETIC），按报告公布的数字生成；所有数字由 surveycalc 公式实时计算。")

    header(w, 3, ["指标", "数值", "95% 下限", "95% 上限"])
    w.cell("A4", "有效问卷（份）")
    w.cell("B4", "=COUNTA(%s)" % ID, INT)
    w.cell("A5", "尚未复工企业占比")
    w.cell("B5", '=MENTIONRATE(%s;"否";%s)' % (RESUMED, BASE_ALL), PCT)
    w.cell("C5", '=MENTIONCI(%s;"否";"lower";%s)' % (RESUMED, BASE_ALL), PCT)
    w.cell("D5", '=MENTIONCI(%s;"否";"upper";%s)' % (RESUMED, BASE_ALL), PCT)
    w.cell("A6", "开复工难度（0-10 分）")
    w.cell("B6", "=DIFFICULTY(%s)" % SCORE, SCORE_FMT)
    w.cell("C6", '=DIFFICULTYCI(%s;"lower")' % SCORE, SCORE_CI)
    w.cell("D6", '=DIFFICULTYCI(%s;"upper")' % SCORE, SCORE_CI)

    header(w, 8, ["区域", "开复工难度"])
    for i, region in enumerate(REGIONS):
        row = 9 + i
        w.cell("A%d" % row, region)
        w.cell("B%d" % row, "=DIFFICULTY(%s;%s;A%d)" % (SCORE, PLACE, row), SCORE_FMT)

    w.cell("A13", "表1 全国通信类相关企业开复工难度（分）", bold=True)
    header(w, 14, ["省份", "样本数", "开复工难度"])
    # 34 rows reserved: provinces without sample are left out, the rest stays empty.
    w.array("A%d:C%d" % TABLE1, 'GROUPTABLE(%s;%s;"rows";34)' % (SCORE, PLACE))
    w.sheet.getCellRangeByName("B%d:B%d" % TABLE1).NumberFormat = w.fmt(INT)
    w.sheet.getCellRangeByName("C%d:C%d" % TABLE1).NumberFormat = w.fmt(SCORE_FMT)

    w.sheet.getRows().getByIndex(49).IsStartOfNewPage = True  # figure 1 starts a page
    last = FIG1_ROW + len(OBSTACLES) - 1
    w.cell("A%d" % (FIG1_ROW - 2), "图1 开复工面临的主要困难（提及率，基数：全部有效问卷）", bold=True)
    header(w, FIG1_ROW - 1, ["困难", "提及率", "95% 下限 (Wilson)", "95% 上限 (Wilson)", "提及企业数"])
    for i, label in enumerate(OBSTACLES):
        row = FIG1_ROW + i
        w.cell("A%d" % row, label)
        w.cell("B%d" % row, '=MENTIONRATE(%s;$A%d;%s)' % (OBST, row, BASE_ALL), PCT)
        w.cell("C%d" % row, '=MENTIONCI(%s;$A%d;"lower";%s)' % (OBST, row, BASE_ALL), PCT)
        w.cell("D%d" % row, '=MENTIONCI(%s;$A%d;"upper";%s)' % (OBST, row, BASE_ALL), PCT)
        w.cell("E%d" % row, "=MENTIONCOUNT(%s;$A%d)" % (OBST, row), INT)
    w.chart("Figure1", "A%d:B%d" % (FIG1_ROW - 1, last), "图1 开复工面临的主要困难（提及率）", "G%d" % (FIG1_ROW - 2),
            16, 8, horizontal=True, axis_format=AXIS_PCT)

    w.cell("A63", "“当地政府严格限制开复工”提及率（分省）", bold=True)
    header(w, 64, ["省份", "提及率"])
    for i, prov in enumerate(RESTRICT_PROVINCES):
        row = 65 + i
        w.cell("A%d" % row, prov)
        w.cell("B%d" % row, '=MENTIONRATE(%s;"%s";%s;$A%d;%s)' % (OBST, RESTRICT, PLACE, row, BASE_ALL), PCT)

    w.cell("A70", "图2 不同规模企业（难度、占比、尚未复工）", bold=True)
    header(w, 71, ["规模", "开复工难度", "企业数", "占比", "尚未复工"])
    for i, size in enumerate(SIZES):
        row = 72 + i
        w.cell("A%d" % row, size)
        w.cell("B%d" % row, "=DIFFICULTY(%s;%s;$A%d)" % (SCORE, SIZE, row), SCORE_FMT)
        w.cell("C%d" % row, "=MENTIONCOUNT(%s;$A%d)" % (SIZE, row), INT)
        w.cell("E%d" % row, '=SHARE(%s;"否";%s;$A%d)' % (RESUMED, SIZE, row), PCT)
    w.array("D72:D75", "SHARES(C72:C75;2)", PCT)
    w.chart("Figure2", "A71:B75", "图2 不同规模企业开复工难度（分）", "G70", 12, 6.5)

    w.cell("A78", "困难 × 区域（提及率）", bold=True)
    w.array("A79:D88", 'CROSSTAB(%s;%s;"by";"circles";"options";A%d:A%d;"sort";"name";%s;"cols";4;"rows";10;'
            '"header";1)' % (OBST, PLACE, FIG1_ROW, last, '"base";"all"'))
    set_bold(w.sheet.getCellRangeByName("A79"))  # the corner ("header"): the answers' title, Data.G1
    regions = w.sheet.getCellRangeByName("B79:D79")  # CROSSTAB's first row: the regions
    set_bold(regions)
    regions.HoriJustify = RIGHT
    w.sheet.getCellRangeByName("B80:D88").NumberFormat = w.fmt(PCT)

    w.cell("A91", "重庆 与 其他省份", bold=True)
    w.cell("A92", "开复工难度：重庆")
    w.cell("B92", '=DIFFICULTY(%s;%s;"重庆")' % (SCORE, PLACE), SCORE_FMT)
    w.cell("A93", "开复工难度：其他省份")
    w.cell("B93", '=DIFFICULTY(%s;%s;"<>重庆")' % (SCORE, PLACE), SCORE_FMT)
    w.cell("A94", "难度差异 p 值（Welch t 检验）")
    w.cell("B94", '=DIFFICULTYTEST(%s;%s;"重庆";"<>重庆")' % (SCORE, PLACE), P_FMT)
    w.cell("A95", "“%s”提及率差异 p 值（z 检验）" % RESTRICT)
    w.cell("B95", '=MENTIONTEST(%s;"%s";%s;"重庆";"<>重庆";"base";"all")' % (OBST, RESTRICT, PLACE), P_FMT)

    w.cell("A98", "数据检查", bold=True)
    w.cell("A99", "难度")
    w.cell("B99", '=DATACHECK(%s;"scores")' % SCORE)
    w.cell("A100", "省份")
    w.cell("B100", '=DATACHECK(%s;"places")' % PLACE)
    for r in (99, 100):  # long sentences: wrap within the width of the tables and charts
        block = w.sheet.getCellRangeByName("B%d:L%d" % (r, r))
        block.merge(True)
        block.IsTextWrapped = True
        w.sheet.getRows().getByIndex(r - 1).Height = 1400
    fit_page_width(doc, w.sheet)


def build_cities(doc, w, nrows):
    last = nrows + 1

    def c(col):
        return "CityData.$%s$2:$%s$%d" % (col, col, last)

    firms, resumed, staff, returned, onsite = c("F"), c("G"), c("H"), c("I"), c("J")
    top, key, city = c("D"), c("E"), c("A")
    w.cell("A1", "14 个软件名城企业复工情况（2020年2月19日）— surveycalc 重算", bold=True)
    w.cell("A2", "各城市拆分为合成数据（SYNTHETIC），合计与公布数一致；比率均为总和之比（SUMRATIO）。")
    font_size(w.sheet.getCellRangeByName("A1"), 14.0)
    header(w, 3, ["指标", "合计"])
    rows = [
        ("监测企业（家）", "=SUM(%s)" % firms, INT),
        ("已复工企业（家）", "=SUM(%s)" % resumed, INT),
        ("复工率", "=SUMRATIO(%s;%s)" % (resumed, firms), PCT),
        ("返岗人数（含远程办公）", "=SUM(%s)" % returned, INT),
        ("返岗率", "=SUMRATIO(%s;%s)" % (returned, staff), PCT),
        ("到岗人数", "=SUM(%s)" % onsite, INT),
        ("到岗率", "=SUMRATIO(%s;%s)" % (onsite, staff), PCT),
        ("软件百强企业（家）", '=SUMIF(%s;"是";%s)' % (top, firms), INT),
        ("软件百强：返岗人数", '=SUMIF(%s;"是";%s)' % (top, returned), INT),
        ("软件百强：返岗率", '=SUMRATIO(%s;%s;%s;"是")' % (returned, staff, top), PCT),
        ("软件百强：到岗人数", '=SUMIF(%s;"是";%s)' % (top, onsite), INT),
        ("软件百强：到岗率", '=SUMRATIO(%s;%s;%s;"是")' % (onsite, staff, top), PCT),
        ("重点软件企业（家）", '=SUMIF(%s;"是";%s)' % (key, firms), INT),
        ("重点软件企业：已复工（家）", '=SUMIF(%s;"是";%s)' % (key, resumed), INT),
        ("重点软件企业：复工率", '=SUMRATIO(%s;%s;%s;"是")' % (resumed, firms, key), PCT),
        ("重点软件企业：返岗人数", '=SUMIF(%s;"是";%s)' % (key, returned), INT),
        ("重点软件企业：返岗率", '=SUMRATIO(%s;%s;%s;"是")' % (returned, staff, key), PCT),
        ("重点软件企业：到岗人数", '=SUMIF(%s;"是";%s)' % (key, onsite), INT),
        ("重点软件企业：到岗率", '=SUMRATIO(%s;%s;%s;"是")' % (onsite, staff, key), PCT),
    ]
    for i, (label, formula, fmt) in enumerate(rows):
        w.cell("A%d" % (4 + i), label)
        w.cell("B%d" % (4 + i), formula, fmt)
    start = 4 + len(rows) + 2
    w.cell("A%d" % start, "分城市", bold=True)
    header(w, start + 1, ["城市", "复工率", "返岗率", "到岗率"])
    cities = []
    for r in read_csv("cities.csv")[1:]:
        if r[0] not in cities:
            cities.append(r[0])
    for i, name in enumerate(cities):
        row = start + 2 + i
        w.cell("A%d" % row, name)
        w.cell("B%d" % row, "=SUMRATIO(%s;%s;%s;$A%d)" % (resumed, firms, city, row), PCT)
        w.cell("C%d" % row, "=SUMRATIO(%s;%s;%s;$A%d)" % (returned, staff, city, row), PCT)
        w.cell("D%d" % row, "=SUMRATIO(%s;%s;%s;$A%d)" % (onsite, staff, city, row), PCT)
    w.sheet.getColumns().getByIndex(0).Width = 7500
    for j in range(1, 4):
        w.sheet.getColumns().getByIndex(j).Width = 2800
    return {label: "Cities.B%d" % (4 + i) for i, (label, _, _) in enumerate(rows)}


# Where each published figure is computed: (id, group) -> formula over Report/Cities cells.
def figure_refs(city_cells):
    refs = {("N_VALID", "all"): "=Report.B4", ("NOT_RESUMED", "all"): "=Report.B5",
            ("DIFF_ALL", "all"): "=Report.B6"}
    for i, region in enumerate(REGIONS):
        refs[("DIFF_REGION", region)] = "=Report.B%d" % (9 + i)
    for label in FIG1 + SEC22:
        refs[("MENTION", label)] = "=Report.B%d" % (FIG1_ROW + OBSTACLES.index(label))
    refs[("MENTION_COUNT", "all")] = "=Report.E%d" % (FIG1_ROW + OBSTACLES.index(SUPPLY))
    refs[("MENTION_PROV_MIN", ";".join(RESTRICT_PROVINCES))] = "=MIN(Report.B65:B67)"
    for i, size in enumerate(SIZES):
        refs[("SIZE_COUNT", size)] = "=Report.C%d" % (72 + i)
        refs[("SIZE_SHARE", size)] = "=Report.D%d" % (72 + i)
        refs[("NOT_RESUMED_SIZE", size)] = "=Report.E%d" % (72 + i)
        refs[("DIFF_SIZE", size)] = "=Report.B%d" % (72 + i)
    c = city_cells
    for fid, label in [("CITY_FIRMS", "监测企业（家）"), ("CITY_RESUMED", "已复工企业（家）"), ("CITY_RATE", "复工率"),
                       ("CITY_RETURN", "返岗人数（含远程办公）"), ("CITY_RETURN_RATE", "返岗率"),
                       ("CITY_ONSITE", "到岗人数"), ("CITY_ONSITE_RATE", "到岗率"),
                       ("TOP100_FIRMS", "软件百强企业（家）"), ("TOP100_RETURN", "软件百强：返岗人数"),
                       ("TOP100_RETURN_RATE", "软件百强：返岗率"), ("TOP100_ONSITE", "软件百强：到岗人数"),
                       ("TOP100_ONSITE_RATE", "软件百强：到岗率"), ("KEY_FIRMS", "重点软件企业（家）"),
                       ("KEY_RESUMED", "重点软件企业：已复工（家）"), ("KEY_RATE", "重点软件企业：复工率"),
                       ("KEY_RETURN", "重点软件企业：返岗人数"), ("KEY_RETURN_RATE", "重点软件企业：返岗率"),
                       ("KEY_ONSITE", "重点软件企业：到岗人数"), ("KEY_ONSITE_RATE", "重点软件企业：到岗率")]:
        refs[fid] = "=" + c[label]
    return refs


def build_figures(doc, w, city_cells):
    refs = figure_refs(city_cells)
    published = read_csv("published-figures.csv")
    header(w, 1, ["编号", "组别", "公布值", "单位", "重算值", "出处"], text_cols=(0, 1, 3, 5))
    row = 2
    for fid, source, _q, group, value, unit, _note in published[1:]:
        # Texts in an add-in's array result do not compare equal to typed text in
        # LibreOffice 7.4 (they are not in the document's string pool): `&""`
        # makes them ordinary strings for MATCH and "=" (see README).
        if fid == "DIFF_PROV":
            formula = '=INDEX(Report.$C$%d:$C$%d;MATCH(B%d;Report.$A$%d:$A$%d&"";0))' % (TABLE1 + (row,) + TABLE1)
        elif fid == "NO_SAMPLE":  # how many of these provinces table 1 shows: none
            formula = "=" + "+".join('SUMPRODUCT(Report.$A$%d:$A$%d&""="%s")' % (TABLE1 + (p,))
                                     for p in group.split(";"))
        else:
            formula = refs.get((fid, group)) or refs.get(fid)
        if formula is None:  # not a survey figure (member share, output growth)
            continue
        w.cell("A%d" % row, fid)
        w.cell("B%d" % row, group)
        w.cell("C%d" % row, float(value))
        w.cell("D%d" % row, unit)
        w.cell("E%d" % row, formula)
        w.cell("F%d" % row, source)
        row += 1
    for j in range(6):
        w.sheet.getColumns().getByIndex(j).OptimalWidth = True


def main(oxt, out):
    firms = read_csv("firms.csv")
    cities = read_csv("cities.csv")
    with Office(oxt) as office:
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        sheets.getByIndex(0).setName("Report")
        for i, name in enumerate(["Cities", "Figures", "Data", "CityData"]):
            sheets.insertNewByName(name, i + 1)
        put_table(sheets.getByName("Data"), firms, numeric_cols={5}, header=FIRMS_HEADER)
        put_table(sheets.getByName("CityData"), cities, numeric_cols={5, 6, 7, 8, 9}, header=CITIES_HEADER)
        build_report(doc, Writer(doc, sheets.getByName("Report")))
        city_cells = build_cities(doc, Writer(doc, sheets.getByName("Cities")), len(cities) - 1)
        build_figures(doc, Writer(doc, sheets.getByName("Figures")), city_cells)
        doc.calculateAll()
        office.save_as(doc, out)
        doc.close(True)
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
